"""Headlines wrapped over several lines in narrow columns, and body lines that only look like headlines.

In hard-wrapped text a line's own words say little: a long headline wrapped at the column
width looks like body text line by line, and the short tail of a paragraph cut at a column
break looks like a headline. These passes decide by the lines around them.
"""
from __future__ import annotations

import re

from articles.text import headlines
from articles.text.clean import ends_sentence, has_cjk, join_wrapped, visible_length
from articles.text.page_lines import (
    BODY,
    BYLINE,
    DATELINE,
    FROM_MARK,
    HEADLINE,
    HEADLINE_KINDS,
    NOISE,
    TO_MARK,
    Line,
    ends_finished,
    next_line,
    opens_with_news_lead,
    prev_line,
)


def demote_wrapped_fragments(lines: list[Line], width: float) -> None:
    """In narrow-column text, headline-looking lines that are really wrapped body lines become body.

    Demoting one line can expose the next, so the pass repeats until nothing changes.
    """
    changed = True
    while changed:
        changed = False
        for i, line in enumerate(lines):
            if line.kind != HEADLINE:
                continue
            prev, nxt = prev_line(lines, i), next_line(lines, i)
            if _deck_below(lines, i):
                continue  # a head over its deck: 某某主持召开常务会议 / ——研究某某等工作
            if _continues_prev(lines, i, width) or _runs_on(line, nxt, width) or _cut_at_break(line, prev, nxt, width):
                line.kind = BODY
                changed = True


def _deck_below(lines: list[Line], i: int) -> bool:
    """The lines under line i, up to the next blank line, are a deck (——研究某某、落实某某等工作):
    they open with a dash and close no sentence, unlike a paragraph's dash (——某县，考察该县…。)."""
    j, text = i + 1, ""
    while j < len(lines) and (j == i + 1 or not lines[j].blank_before) and lines[j].kind in (BODY, HEADLINE):
        text += lines[j].text.strip()
        j += 1
    return text.startswith("——") and not lines[i + 1].blank_before and len(text) <= 40 \
        and not re.search(r"[。！？!?]", text)


def _continues_prev(lines: list[Line], i: int, width: float) -> bool:
    """The line continues a body line that stopped mid-sentence.

    With no blank line between; or across a column-break blank when the line above filled
    the column and stopped inside a word. A report that closed on its bracketed credit
    (…新局面。（记者 某某 / 通讯员 某某）) stopped there.
    """
    line, prev = lines[i], prev_line(lines, i)
    return (
        prev is not None
        and prev.kind == BODY
        and (not line.blank_before or (visible_length(prev.text) >= width - 2 and has_cjk(prev.text[-1])))
        and not ends_finished(lines, i - 1)
    )


def _runs_on(line: Line, nxt: Line | None, width: float) -> bool:
    """A (nearly) full-width line that runs straight into more body text, or a word cut across two lines.

    Two headline-like lines in a row stay headlines unless a word runs across them: the
    second one is demoted first if it is body text. A line wider than the column is never a
    wrapped body line: headlines are set across more than one column.
    """
    return (
        nxt is not None
        and nxt.kind in (BODY, HEADLINE)
        and not nxt.blank_before
        and not nxt.indent
        and not nxt.lead
        and (
            (0.75 * width <= visible_length(line.text) <= width + 2 and nxt.kind == BODY)
            # a ragged column's long line, the sentence running on below it (no dateline there)
            or (width + 2 < visible_length(line.text) <= width + 3 and nxt.kind == BODY
                and not DATELINE.match(nxt.text.strip()))
            or headlines.splits_word(line.text, nxt.text)
        )
    )


def _cut_at_break(line: Line, prev: Line | None, nxt: Line | None, width: float) -> bool:
    """A full column line of a sentence (it has a comma) cut by a column-break blank line.

    Its paragraph runs on below: 随后，某某一行到某某（知青） / 生态康养…
    """
    return (
        prev is not None
        and prev.kind != NOISE
        and not prev.text.rstrip().endswith("】")  # not under a column flag: 【网络中国节•春节】
        and nxt is not None
        and nxt.kind == BODY
        and nxt.blank_before
        and not nxt.lead
        and not nxt.indent
        and visible_length(line.text) >= width - 2
        and bool(re.search(r"[，,、]", line.text))
        and not ends_sentence(line.text)
    )


def promote_wrapped_headlines(lines: list[Line]) -> None:
    """In narrow columns, a short block of body lines that reads as one headline becomes a headline.

    A long headline wrapped at the column width looks like body text line by line; as a
    block it is short, has no sentence punctuation and sits between headlines, bylines,
    boxes or a 本报讯 lead (or after a finished sentence) instead of inside a paragraph.
    """
    i = 0
    while i < len(lines):
        if lines[i].kind != BODY:
            i += 1  # a block starts on body text (right under a kicker or head line, too)
            continue
        j = i + 1
        while j < len(lines) and not lines[j].blank_before and lines[j].kind == BODY \
                and not lines[j].text.lstrip().startswith("——"):  # a deck opens its own block
            j += 1
        if (j - i > 1 or _over_its_lead(lines, j)) and _block_reads_as_headline(lines, i, j):
            for line in lines[i:j]:
                line.kind = HEADLINE
        i = j


def promote_head_over_deck(lines: list[Line], *, most: int = 4) -> None:
    """A head set apart, then its deck (——…) wrapped over a few lines right on the report's
    dateline or lead, is one headline: the deck would otherwise run on into the report."""
    for i, line in enumerate(lines):
        prev = prev_line(lines, i)
        deck = i + 1
        if line.kind != BODY or line.lead or not (prev is None or line.blank_before or prev.kind in (*HEADLINE_KINDS, NOISE)) \
                or deck >= len(lines) or lines[deck].blank_before or not lines[deck].text.lstrip().startswith("——"):
            continue
        end = next((k for k in range(deck + 1, min(deck + most + 1, len(lines)))
                    if lines[k].blank_before or lines[k].lead or DATELINE.match(lines[k].text.strip())), None)
        if end is None or lines[end].blank_before or any(x.kind != BODY for x in lines[deck:end]):
            continue
        if headlines.looks_like_headline(line.text) and not re.search(r"[。；;！？!?]", join_wrapped([x.text for x in lines[deck:end]])):
            for x in lines[i:end]:
                x.kind = HEADLINE


def promote_heads_closing_blocks(lines: list[Line], *, most: int = 3) -> None:
    """A head printed right under its report's last sentence, a blank line below it (…留下浓墨
    重彩的一笔。 / 某区某次会议 / 胜利闭幕 / blank), is the head after that body: a paragraph
    does not trail off into a few words that read as a headline (a credit in brackets or with
    a slash, （某县新闻办 张三 / 图/文）, is no head)."""
    for j in range(1, len(lines) + 1):
        if j < len(lines) and not lines[j].blank_before:
            continue
        k = j
        while k > 0 and j - k < most and lines[k - 1].kind == BODY and not lines[k - 1].lead \
                and not ends_sentence(lines[k - 1].text) and not lines[k - 1].blank_before:
            k -= 1
        if k == j or k == 0 or lines[k - 1].kind != BODY or not ends_sentence(lines[k - 1].text):
            continue
        joined = join_wrapped([x.text for x in lines[k:j]])
        if visible_length(joined) >= 8 and not re.search(r"[，,；;：:（()）/／]", joined) and headlines.looks_like_headline(joined):
            for x in lines[k:j]:
                x.kind = HEADLINE


def promote_heads_ending_short(lines: list[Line], width: float, *, most: int = 3) -> None:
    """A head wrapped over the first lines of a block, its last line short of the column, then
    the report run on below it without a blank line (某某到某区调研：树牢为民情 / 怀 扎实推进乡
    村振兴 / 今天上午，…): inside a paragraph every line but the last fills the column. The
    line below must open the report (a dateline, a lead): on a ragged column a short line is
    as often one the sentence runs on from."""
    stop = re.compile(r"[，,。；;！？!?]")
    for i, line in enumerate(lines):
        prev = prev_line(lines, i)
        if line.kind != BODY or line.lead or not (prev is None or line.blank_before or prev.kind == NOISE):
            continue
        k = i
        while k < min(i + most, len(lines) - 1) and lines[k].kind == BODY and not lines[k].lead \
                and (k == i or not lines[k].blank_before) and not stop.search(lines[k].text):
            k += 1
        below = lines[k]
        # The run of unpunctuated lines must end short of the column, on the report's prose.
        if k == i or below.kind != BODY or below.blank_before or not stop.search(below.text) \
                or visible_length(lines[k - 1].text) >= width - 2 or not opens_with_news_lead(lines, k):
            continue  # a run the sentence goes on from (某某党支部书记某某 / 带队到某社区走访，) is prose
        joined = join_wrapped([x.text for x in lines[i:k]])
        if not re.match(r"\s*[0-9０-９]", joined) and headlines.looks_like_head_over_lead(joined):
            for x in lines[i:k]:
                x.kind = HEADLINE


def _over_its_lead(lines: list[Line], j: int) -> bool:
    """True when the line after a block opens a report with an outlet's lead (某某讯（记者…）)."""
    return j < len(lines) and lines[j].kind == BODY and lines[j].lead


_BRACKETED = re.compile(r"^【[^】]+】$")


def _block_reads_as_headline(lines: list[Line], i: int, j: int) -> bool:
    """The body lines ``lines[i:j]`` read as one wrapped headline, by what stands around them."""
    block = lines[i:j]
    prev, nxt = prev_line(lines, i), lines[j] if j < len(lines) else None
    if prev is not None and prev.kind == BODY and not ends_finished(lines, i - 1):
        return False  # inside a paragraph (a report that closed on its writer's credit is finished)
    if not (prev is None or block[0].blank_before or prev.kind in HEADLINE_KINDS or prev.kind == BYLINE):
        # neither set apart (or at the top of the page) nor right under its kicker, nor under
        # the credit that closed the report above (…调研。 / （某某局供稿） / 其标题 / 阳节座谈会)
        return False
    joined = join_wrapped([line.text for line in block])
    reads = headlines.looks_like_head_over_lead if _over_its_lead(lines, j) else headlines.looks_like_headline
    if any(line.lead for line in block) or not (reads(joined) or _heads_in_parts([line.text for line in block])):
        return False
    if _BRACKETED.match(joined):
        return True  # a bracketed head set over several lines: 【提振精气神 … 迈出更大步伐】
    if joined.startswith("——") and prev is not None and prev.kind in HEADLINE_KINDS and not block[0].blank_before:
        return True  # its deck, set right under it: ——中国共产党某县委员会第三次全体会议召开
    if nxt is None:
        # A cluster of headlines running to the foot of the page: its last headline,
        # wrapped onto a short tail line (某某节在某地举 / 行), ends the page.
        return prev is not None and prev.kind in HEADLINE_KINDS
    if nxt.blank_before and not re.search(r"[，,、；;：:。！？!?]", joined) and prev is not None:
        return True  # set apart over two lines or more, with no punctuation at all: no paragraph
    if nxt.blank_before and prev is not None and prev.kind == TO_MARK and not ends_sentence(joined):
        return True  # set apart under a report that goes on elsewhere (下转第2版): the next one's head
    return (nxt.kind in (*HEADLINE_KINDS, BYLINE, NOISE, FROM_MARK) or nxt.lead
            or (nxt.blank_before and opens_with_news_lead(lines, j)
                # between two reports, only a block with no clause of a sentence in it
                and (prev is None or prev.kind != BODY or not re.search(r"[，,；;]", joined))))


def _heads_in_parts(texts: list[str]) -> bool:
    """A kicker and its head set one under the other, each ending on a line shorter than the
    column (某某大会第四次会议某某代表团召开全 / 体代表会议 / 继续审议市政府工作报告): too long
    to read as one headline, each part reads as one."""
    width = max(visible_length(t) for t in texts)
    parts: list[list[str]] = [[]]
    for text in texts:
        parts[-1].append(text)
        if visible_length(text) < width - 2:
            parts.append([])
    parts = [p for p in parts if p]
    return len(parts) > 1 and all(headlines.looks_like_headline(join_wrapped(p)) for p in parts)


# A dateline of the day alone, the month left to the issue: 25日下午，…
_DAY_DATELINE = re.compile(r"^[0-9０-９]{1,2}\s*日(?:[上中下]午|晚上?|早上?)?[，,]")


def promote_headlines_above_leads(lines: list[Line], *, most: int = 3) -> None:
    """On a page printed without blank lines, a wrapped headline sits right on its report.

    The lines between a finished sentence (or the page top, a box, a marker) and a line that
    opens a report (``9月11日，…``, ``25日下午，…``, ``某某讯``) that read together as one
    headline — short, no sentence punctuation, not ending on a word a sentence runs on from or
    on a date the wrap cut (…9月 / 30日，…) — are that report's headline.
    """
    day_opening = _DAY_DATELINE.match
    for i, line in enumerate(lines):
        text = line.text.strip()
        if line.kind != BODY or not (line.lead or DATELINE.match(text) or day_opening(text)):
            continue
        k = i
        while k > 0 and i - k < most and lines[k - 1].kind == BODY and not lines[k].blank_before \
                and not lines[k - 1].lead and not ends_sentence(lines[k - 1].text):
            k -= 1
        above = lines[k - 1] if k > 0 else None
        settled = above is None or lines[k].blank_before or above.kind != BODY \
            or ends_sentence(above.text)
        block = lines[k:i]
        if not block or not settled or any(x.kind != BODY and x.kind != HEADLINE for x in block):
            continue
        joined = join_wrapped([x.text for x in block])
        # Over the paper's own lead (本报讯) a head and its deck may stand (…代表 / 与代表亲切交谈，畅谈…).
        own_lead = headlines.starts_article_lead(text)
        # One line between a head line and the dateline is the head's other line, even with a
        # clause break (大走访 大排查 / 要坚持鲜明特色，促进…共振 / 11月2日，…).
        under_head = len(block) == 1 and above is not None and above.kind == HEADLINE and not block[0].blank_before
        clause = r"[。；;]" if own_lead or under_head else r"[，,。；;]"
        reads = headlines.looks_like_headline(joined) or (own_lead and len(block) > 1 and all(
            headlines.looks_like_headline(part) for part in (block[0].text, join_wrapped([x.text for x in block[1:]])))) \
            or (under_head and headlines.looks_like_head_over_lead(joined))
        if visible_length(joined) >= 6 and not headlines.cannot_end_headline(joined) \
                and not re.search(rf"{clause}|[0-9０-９月]$", joined) and reads:
            for x in block:
                x.kind = HEADLINE


def promote_long_heads_over_reports(lines: list[Line]) -> None:
    """A line set apart over a report's lead or dateline that reads as a long head (no full
    stop, one clause break at most: 2021年某县一季度项目集中开工某镇分会场在某工地举行) is
    that report's head: a paragraph that lost its full stop does not stand alone over a lead."""
    for i, line in enumerate(lines):
        nxt = next_line(lines, i)
        if line.kind != BODY or line.lead or not line.blank_before or nxt is None or not nxt.blank_before:
            continue
        prev = prev_line(lines, i)
        if prev is not None and prev.kind == BODY and not ends_finished(lines, i - 1):
            continue
        if nxt.kind == BODY and opens_with_news_lead(lines, i + 1) and not DATELINE.match(line.text.strip()) \
                and headlines.looks_like_head_over_lead(line.text):
            line.kind = HEADLINE


def promote_wide_heads(lines: list[Line], width: float) -> None:
    """On a hard-wrapped page a line wider than the column is no wrapped paragraph: set apart
    under the page top, a head or a box, or between a finished report and the next one's lead,
    it is a head or its deck, even a long one with a clause break or an exclamation
    (某日，某某到某地调研：早开局起好步！)."""
    for i, line in enumerate(lines):
        prev, nxt = prev_line(lines, i), next_line(lines, i)
        if line.kind != BODY or line.lead or nxt is None or visible_length(line.text) <= width + 2:
            continue
        apart = line.blank_before and nxt.blank_before and (prev is None or prev.kind in (*HEADLINE_KINDS, NOISE))
        # On a page printed without blank lines: between a finished report and the next one's lead.
        tight = prev is not None and prev.kind == BODY and ends_finished(lines, i - 1) and opens_with_news_lead(lines, i + 1)
        if (apart or tight) and nxt.kind in (BODY, BYLINE) and _reads_as_wide_head(line.text):
            line.kind = HEADLINE


def _reads_as_wide_head(text: str) -> bool:
    """A long head's test (``looks_like_head_over_lead``), which a closing exclamation does not fail."""
    s = text.strip()
    return not DATELINE.match(s) and headlines.looks_like_head_over_lead(s.rstrip("！!"))


def demote_paragraph_fragments(lines: list[Line]) -> None:
    """A short line cut at a column break, with the paragraph running on below it, becomes body.

    The cut shows as a word running across the break (``干部多`` + ``次往来``), or as the
    sentence's punctuation pushed to the start of the next line (``…汇报后`` + ``，周青强调``).
    """
    for i, line in enumerate(lines):
        nxt = next_line(lines, i)
        if line.kind != HEADLINE or nxt is None or nxt.kind != BODY:
            continue
        if nxt.lead:
            continue
        if headlines.splits_word(line.text, nxt.text) or (not nxt.blank_before and nxt.text.lstrip()[:1] in "，,、；;：:。"):
            line.kind = BODY  # …汇报后 / ，周青强调: the wrap left the sentence's comma on the next line


_CLAUSE_MARK = re.compile(r"[，,。；;！？!?]")
_OPENS_ON_DATE = re.compile(r"^[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日")


def _may_be_foot_head(lines: list[Line], k: int, end: int) -> bool:
    """A line of a foot cluster holds no clause of a sentence; a long head with one clause
    break (某会议举行第三次全体会议，依法选举产生…) passes when set apart on a line of its own."""
    text = lines[k].text
    if not _CLAUSE_MARK.search(text) and visible_length(text) <= 40:
        return True
    alone = lines[k].blank_before and (k + 1 >= end or lines[k + 1].blank_before)
    return alone and headlines.looks_like_head_over_lead(text)


def _set_wider_than_column(cluster: list[Line], width: float | None) -> bool:
    """Most lines run past the body's column: no line of a report wrapped at it does."""
    if width is None:
        return False
    wide = sum(1 for line in cluster if visible_length(line.text) > width + 2)
    return 2 * wide >= len(cluster)


def mark_foot_cluster(lines: list[Line], width: float | None = None) -> None:
    """The lines after a page's last finished report, set apart and holding no clause of a
    sentence, are the headlines gathered at its foot: wrapped (某某会议隆重 / 开幕) and run
    together with no blank between, line by line they look like body text.
    """
    end = len(lines)
    while end > 0 and lines[end - 1].kind == NOISE:
        end -= 1  # the page's footer: 责任编辑：…
    start = end
    while start > 0 and lines[start - 1].kind in (BODY, *HEADLINE_KINDS) and not lines[start - 1].lead \
            and _may_be_foot_head(lines, start - 1, end):
        start -= 1
    while 0 < start < end and lines[start - 1].kind == BODY and not lines[start].blank_before \
            and not ends_finished(lines, start - 1):
        start += 1  # the tail of the last paragraph's credit (…办法》。（记者 / 某某 通讯员 某某）)
    cluster = lines[start:end]
    if len(cluster) < 2 or start == 0:
        return
    above = lines[start - 1]
    if above.kind not in (BYLINE, NOISE) and not ends_finished(lines, start - 1):
        return
    if not cluster[0].blank_before and not headlines.looks_like_headline(join_wrapped([x.text for x in cluster])) \
            and not _set_wider_than_column(cluster, width) and len(cluster) < 3:
        # On a page without blank lines, one wrapped head, heads set wide, or three lines and
        # more that never close a sentence after the last report's full stop: a report's last
        # paragraph does not run on that long without one.
        return
    if any(line.kind == BODY for line in cluster) and not _OPENS_ON_DATE.match(cluster[0].text.strip()):
        for line in cluster:
            line.kind = HEADLINE
