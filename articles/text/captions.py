"""Photo captions among a page's lines: the text printed under a picture is furniture, not report.

A caption is told by its marks (▲图为…), by the credit that closes it (…现场。本报记者 张三 摄),
by the scene it names (会议现场) and by where it stands (a one-sentence line between a head and
its report, or set wider than the column). A caption not yet closed runs on to the next line.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from articles.text import bylines, headlines, noise
from articles.text.leaders import find_leaders
from articles.text.clean import ends_sentence, visible_length
from articles.text.page_lines import BODY, BYLINE, DATELINE, HEADLINE, NOISE, Line, ends_finished, next_line, prev_line


def mark_marked_entries(lines: list[Line]) -> None:
    """In a record printed day line first (1月5日 / △某某到某区检查验收。), the marked line
    under a day is the entry, not a photo caption (△ marks captions elsewhere)."""
    in_record = False
    for day, entry in zip(lines, lines[1:]):
        if entry.kind != NOISE or entry.text.lstrip()[:1] not in "△▲":
            continue
        if headlines.is_day_only(day.text) and not entry.blank_before:
            day.kind = entry.kind = BODY
            in_record = True
        elif in_record and day.kind == BODY and ends_sentence(day.text):
            entry.kind = BODY  # the next entry of the same day: △某某区成功实施一次人工增雨作业。


def mark_wrapped_captions(lines: list[Line]) -> None:
    """The wrapped rest of a photo caption (no blank line, caption not yet closed) is noise too."""
    caption: str | None = None
    for line in lines:
        if line.kind == NOISE and noise.is_caption(line.text):
            caption = line.text
        elif caption is not None and line.kind != NOISE and bylines.is_photo_credit(line.text):
            line.kind = NOISE  # the credit of the photo the caption describes
            caption = None
        elif caption is not None and line.kind in (BODY, HEADLINE) and not line.blank_before \
                and not _caption_closed(caption) and not _opens_report(line.text):
            line.kind = NOISE
            caption += line.text
        else:
            caption = None


# A caption's closing photo credit: …建设情况。本报记者 陈卓凡 摄 / …现场。（张三 摄）
# / …汽贸城。图片来源：某某文化馆 / …盛放。某某乡供图
_CREDITED_CAPTION_END = re.compile(
    r"。\s*[（(]?\s*(?:(?:[\u4e00-\u9fff/／·]{0,14}?(?:记者|通讯员|摄影记者)\s*)?"
    r"[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*\s*[/／]?\s*摄影?"
    r"|(?:图片|照片)(?:来源|提供)\s*[:：]\s*[\u4e00-\u9fff]{2,16}|[\u4e00-\u9fff]{2,12}供图)\s*[)）]?$"
    # the credit in brackets before the full stop: …开工仪式现场（无人机照片 某某社记者 张三 摄）。
    r"|[（(][^（）()。]{0,30}摄影?\s*[)）]\s*。$"
)


# A caption printed with no full stop, its credit set off by a space: 工作人员在调试设备 摄影 张三
# / 某某对接会现场 张三摄 / 某某活动现场 供图 (a clause of a report never closes on a photographer).
_UNSTOPPED_CREDITED_CAPTION = re.compile(
    r"^[^。，,；;！？!?：:]{4,50}?\s+(?:摄影\s*[:：]?\s*[\u4e00-\u9fff]{2,4}|(?:记者|通讯员)?\s*[\u4e00-\u9fff]{2,4}\s*摄影?"
    r"|(?:[\u4e00-\u9fff]{2,10}\s*)?供图)$"
)
# A run of captions, each one sentence and its credit: 花溪城区一角。 孙操 摄 / 花溪公园。(某某公司供图)
_CAPTION_RUN = re.compile(
    r"(?:[^。，,；;]{2,30}。(?:[（(][^（）()]{0,30}(?:摄|摄影|供图)[)）]"
    r"|(?:[\u4e00-\u9fff]{0,12}?(?:记者|通讯员))?[\u4e00-\u9fff]{2,8}?摄影?)){2,}"
)


def mark_credited_captions(lines: list[Line]) -> None:
    """A short paragraph of one or two sentences closed by a photo credit is a photo's caption,
    however the column wrapped it (…了解综合示范村建设情况。本报记者 陈卓凡 / 摄); so is a
    block of several captions, each closed by its own credit, or a caption with no full stop
    whose credit a space sets off (某某对接会现场 张三摄)."""
    for i, j in _blocks(lines):
        block = lines[i:j]
        if _photo_story(block):
            continue
        if len(block) <= 8 and all(line.kind in (BODY, BYLINE, HEADLINE) and not line.lead for line in block):
            text = "".join(line.text.strip() for line in block)
            if (len(text) <= 120 and text.count("。") <= 2 and _CREDITED_CAPTION_END.search(text)) \
                    or _UNSTOPPED_CREDITED_CAPTION.match(text) \
                    or (len(text) <= 240 and _CAPTION_RUN.fullmatch(re.sub(r"\s", "", text))):
                for line in block:
                    line.kind = NOISE


# A one-line caption and its credit, printed tight among a report's paragraphs: 某某盛放。 某某乡供图
# / 航拍某地稻田（9月15日摄）。某某网发.
_CAPTION_LINE = re.compile(
    r"^[^，,；;。]{2,30}。\s*[\u4e00-\u9fff]{2,12}(?:供图|\s摄)$"
    r"|^[^，,；;。]{2,30}[（(][^（）()]{0,12}摄[)）]。\s*[\u4e00-\u9fff]{2,6}发$"
)


def mark_caption_lines(lines: list[Line]) -> None:
    """A line that is a whole sentence and its photo credit, standing between paragraphs, is a
    caption however tight the page: no paragraph of a report closes on a photo credit."""
    for i, line in enumerate(lines):
        prev = prev_line(lines, i)
        starts = prev is None or line.blank_before or prev.kind != BODY or ends_sentence(prev.text)
        if line.kind == BODY and not line.lead and starts and _CAPTION_LINE.match(line.text.strip()):
            line.kind = NOISE


def _photo_story(block: list[Line]) -> bool:
    """A block opening on a head line set apart (某地：稻谷飘香 / 9月4日拍摄的…。 / 新华社记者
    某某 摄) is a photo story with its head, an article of its own, not a caption."""
    head = block[0].text.strip()
    return len(block) >= 3 and block[0].blank_before and not ends_sentence(head) \
        and not re.search(r"[，,。]", head) and headlines.looks_like_headline(head)


def _blocks(lines: list[Line]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of lines printed without a blank line between them."""
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and not lines[j].blank_before:
            j += 1
        yield i, j
        i = j


def mark_captions_by_place(lines: list[Line]) -> None:
    """Once heads are known, the captions told by where they stand: under a head, restated by
    the report below, unstopped between reports, naming a company, in a row, in brackets."""
    mark_captions_under_headlines(lines)
    mark_restated_captions(lines)
    mark_caption_lines(lines)
    mark_restating_tails(lines)
    mark_unstopped_captions(lines)
    mark_company_labels(lines)
    mark_parallel_captions(lines)
    mark_scene_captions(lines)
    mark_bracketed_captions(lines)


# A short caption closed by its photo credit in brackets: 远亲不如近邻（某某快报供图）.
_BRACKET_CREDITED = re.compile(r"^[^。，,；;！？!?（）()]{2,24}[（(][^（）()]{1,16}(?:供图|摄影?)[)）]$")


def mark_captions_under_headlines(lines: list[Line]) -> None:
    """A photo's one-clause caption set between a headline and its report is noise.

    It stands as a paragraph of its own (``某某代表团热议党代会报告。``): one short sentence
    with no comma, no dateline and no lead; a report never opens with such a paragraph and
    goes on in another.
    """
    for i, line in enumerate(lines):
        prev, nxt = prev_line(lines, i), next_line(lines, i)
        if line.lead or prev is None or prev.kind != HEADLINE or nxt is None or nxt.kind != BODY:
            continue
        if line.kind in (BODY, HEADLINE) and _BRACKET_CREDITED.match(line.text.strip()):
            line.kind = NOISE  # closed by its photo credit, it is a caption however tight the page
        elif line.kind == BODY and nxt.blank_before and line.blank_before and _short_caption(line.text, 24):
            line.kind = NOISE


def mark_tight_captions_over_leads(lines: list[Line]) -> None:
    """On a page printed tight, up to three one-sentence captions sit between a head set apart
    and the report's own dateline or lead (某某：秋茶上市 / 茶农等待卖茶。 / 近日，笔者在…):
    a report never opens on such a line and then opens again below it."""
    for i, line in enumerate(lines):
        prev = prev_line(lines, i)
        if line.kind != BODY or line.lead or line.blank_before or prev is None or not _head_above(prev):
            continue
        j = i
        while j < len(lines) and j - i < 3 and lines[j].kind == BODY and not lines[j].lead \
                and not lines[j].blank_before and _short_caption(lines[j].text, 16):
            j += 1
        if i < j < len(lines) and lines[j].kind in (BODY, HEADLINE) and not lines[j].blank_before \
                and (lines[j].lead or DATELINE.match(lines[j].text.strip())):
            for caption in lines[i:j]:
                caption.kind = NOISE


def _head_above(line: Line) -> bool:
    """A head set apart over the captions: not the wrapped start of a sentence they finish."""
    text = line.text.strip()
    return line.blank_before and line.kind in (HEADLINE, BODY) and not re.search(r"[，,、；;：:。！？!?]$", text) \
        and headlines.looks_like_headline(text)


def _short_caption(text: str, most: int) -> bool:
    """One short sentence with no comma and no dateline (某某代表团热议党代会报告。)."""
    s = text.strip()
    return visible_length(s) <= most and s.endswith("。") and s.count("。") == 1 \
        and not re.search(r"[，,；;：:]", s) and not DATELINE.match(s)


def mark_wide_captions(lines: list[Line], width: float) -> None:
    """On a hard-wrapped page a one-sentence line set far wider than the column, after a
    finished paragraph, is a photo's caption printed across the picture (…现场视察某某安置点。)."""
    for i, line in enumerate(lines):
        prev = prev_line(lines, i)
        s = line.text.strip()
        if line.kind != BODY or line.lead or prev is None or prev.kind != BODY or not ends_sentence(prev.text):
            continue
        if 1.6 * width <= visible_length(s) <= 40 and s.endswith("。") and s.count("。") == 1 \
                and not re.search(r"[；;：:]", s) and not DATELINE.match(s):
            line.kind = NOISE


def mark_restated_captions(lines: list[Line]) -> None:
    """A one-sentence paragraph set apart over a headline, which the report under that headline
    opens by saying again (``1月12日，区政协会议开幕。`` / head / ``1月12日，中国人民政治协商会议
    某区委员会会议开幕。…``), is the caption of the report's picture, not a report of its own."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].kind == BODY and (j == i or not lines[j].blank_before):
            j += 1
        if j > i and j < len(lines) and lines[i].blank_before and lines[j].kind == HEADLINE:
            sentence = "".join(line.text.strip() for line in lines[i:j])
            lead = _report_under(lines, j)
            if lead and _one_sentence(sentence) and _restated(sentence, lead):
                for line in lines[i:j]:
                    line.kind = NOISE
        i = max(j, i + 1)


def mark_restating_tails(lines: list[Line]) -> None:
    """A short one-line sentence closing a report that says again what the sentence above it
    said (…宣布某某节开幕。 / 某某宣布开幕。) before a head or the page's end is the caption of
    the report's picture: a report does not close by repeating itself."""
    for i, line in enumerate(lines):
        prev, nxt = prev_line(lines, i), next_line(lines, i)
        text = line.text.strip()
        if line.kind != BODY or line.lead or prev is None or prev.kind != BODY or not ends_sentence(prev.text) \
                or not _one_sentence(text) or len(text) > 24 or (nxt is not None and nxt.kind != HEADLINE):
            continue
        above = "".join(x.text.strip() for x in lines[max(0, i - 3):i])
        last = re.split(r"(?<=[。！？!?])", above)[-2] if above.count("。") else above
        if _restated(text, last):
            line.kind = NOISE


def mark_unstopped_captions(lines: list[Line]) -> None:
    """A block set apart between two reports whose clauses never close a sentence
    (某某一行在某地实地视察，县领导某某陪同调研 / …出席参加会议) is a run of photo captions:
    a report's paragraph ends on its full stop."""
    for i, j in _blocks(lines):
        block = lines[i:j]
        text = "".join(line.text.strip() for line in block)
        nxt = lines[j] if j < len(lines) else None
        if (block[0].blank_before and i > 0 and ends_sentence(lines[i - 1].text)
                and all(line.kind == BODY and not line.lead for line in block)
                and len(text) <= 200 and re.search(r"[，,]", text) and not re.search(r"[。！？!?；;”」]", text)
                and nxt is not None and (nxt.lead or DATELINE.match(nxt.text.strip()))):
            for line in block:
                line.kind = NOISE


_SCENE_VERB = re.compile(r"来到|调研|考察|察看|查看|视察|走访|慰问|参观|看望|检查|督导")


def mark_scene_captions(lines: list[Line]) -> None:
    """A line set apart inside a report, closing no sentence, that shows an official the report
    already named at a scene (某某一行先后来到某地实地调研) while the report goes on below is
    the caption of its picture: a report's own paragraph ends on its full stop."""
    for i, j in _blocks(lines):
        nxt = lines[j] if j < len(lines) else None
        if j - i > 6 or not (0 < i and nxt is not None and nxt.kind == BODY and ends_sentence(lines[i - 1].text)) \
                or not all(line.kind in (BODY, HEADLINE) and not line.lead for line in lines[i:j]):
            continue
        text = "".join(line.text.strip() for line in lines[i:j])
        if not (12 <= visible_length(text) <= 60) or re.search(r"[。！？!?；;]", text) or not _SCENE_VERB.search(text):
            continue
        if nxt.lead or DATELINE.match(nxt.text.strip()):
            continue  # the next report opens below: mark_unstopped_captions weighs that case
        story = "".join(x.text.strip() for x in lines[max(0, i - 30):i] if x.kind == BODY)
        if any(len(m.name) >= 2 and m.name in text for m in find_leaders(story)):
            for line in lines[i:j]:
                line.kind = NOISE


def mark_bracketed_captions(lines: list[Line]) -> None:
    """Lines set apart that together stand inside one pair of round brackets (（某某调研组在某地
    / 调研座谈会）) are a picture's caption printed in the text: a headline is never bracketed,
    and a report's paragraph does not open and close on a bracket."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].kind in (HEADLINE, BODY) and (j == i or not lines[j].blank_before):
            j += 1
        text = "".join(line.text.strip() for line in lines[i:j])
        apart = lines[i].blank_before and (j == len(lines) or lines[j].blank_before)
        if j > i and apart and re.fullmatch(r"[（(][^（）()]{6,60}[)）]", text):
            for line in lines[i:j]:
                line.kind = NOISE
        i = max(j, i + 1)


def mark_run_in_captions(lines: list[Line], *, most_lines: int = 6) -> None:
    """On a page printed without blank lines, a caption closed by its photo credit runs on among
    the report's lines: one sentence that opens a line after a finished one and ends its last
    line on the credit, however the column cut the name (…进行访谈。记者 廖 / 某某摄)."""
    for k, line in enumerate(lines):
        if line.kind not in (BODY, BYLINE, HEADLINE) or not re.search(r"摄影?\s*[)）]?\s*。?$", line.text.strip()):
            continue
        for i in range(k, max(k - most_lines, 0) - 1, -1):
            if i < k and ends_sentence(lines[i].text):
                break  # the caption would open inside a sentence that closed on this line
            text = "".join(x.text.strip() for x in lines[i:k + 1])
            opens = i == 0 or lines[i].blank_before or lines[i - 1].kind in (NOISE, BYLINE) or ends_finished(lines, i - 1)
            if opens and _one_credited_sentence(text) and all(x.kind in (BODY, BYLINE, HEADLINE) and not x.lead
                                                                for x in lines[i:k + 1]):
                for x in lines[i:k + 1]:
                    x.kind = NOISE
                break


def _one_credited_sentence(text: str) -> bool:
    """One sentence of at most 70 characters, then its photo credit."""
    found = _CREDITED_CAPTION_END.search(text)
    return bool(found) and 6 <= found.start() <= 70 and "。" not in text[:found.start()] \
        and not DATELINE.match(text[found.start() + 1:].strip())


def mark_parallel_captions(lines: list[Line], *, least: int = 3) -> None:
    """Three or more short lines in a row that open alike (现场视察某某 / 现场视察某某 / …), set
    inside a report whose text goes on below, are the captions of its row of pictures: heads
    stacked over one report never repeat their opening words."""
    i = 0
    while i < len(lines):
        opening = lines[i].text.strip()[:3]
        j = i
        while j < len(lines) and lines[j].kind in (HEADLINE, BODY) and not lines[j].lead \
                and lines[j].text.strip()[:3] == opening and _caption_like(lines[j].text):
            j += 1
        above, below = prev_line(lines, i), lines[j] if j < len(lines) else None
        if j - i >= least and above is not None and ends_sentence(above.text) and below is not None \
                and below.kind == BODY and not below.lead and not DATELINE.match(below.text.strip()):
            for line in lines[i:j]:
                line.kind = NOISE
        i = max(j, i + 1)


def _caption_like(text: str) -> bool:
    """A short line with no punctuation at all."""
    s = text.strip()
    return 4 <= len(s) <= 24 and 4 <= visible_length(s) <= 20 and not _ANY_MARK.search(s)


_ANY_MARK = re.compile(r"[，,。；;：:！？!?、]")


# A company's name alone: the label of a picture of it (山西某某照明有限公司), never a head.
_COMPANY_NAME = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}?(?:股份有限公司|有限责任公司|有限公司|公司|集团|合作社)$")


def mark_company_labels(lines: list[Line]) -> None:
    """Head-like lines that only name a company label the page's pictures: a headline says what
    happened, not only whose plant is shown."""
    for line in lines:
        if line.kind == HEADLINE and _COMPANY_NAME.match(line.text.strip()):
            line.kind = NOISE


def _report_under(lines: list[Line], j: int) -> str:
    """The first 120 characters of the report under the headline lines starting at j."""
    while j < len(lines) and lines[j].kind in (HEADLINE, BYLINE):
        j += 1
    text = ""
    while j < len(lines) and lines[j].kind == BODY and len(text) < 120:
        text += lines[j].text.strip()
        j += 1
    return text


def _one_sentence(text: str) -> bool:
    return len(text) <= 60 and ends_sentence(text) and not re.search(r"[。！？!?].", text)


def _restated(sentence: str, lead: str) -> bool:
    """Nearly every character pair of the sentence comes back in the lead."""
    pairs = {sentence[k:k + 2] for k in range(len(sentence) - 1) if not re.search(r"[，,。、\s]", sentence[k:k + 2])}
    return len(pairs) >= 6 and sum(1 for p in pairs if p in lead) >= 0.8 * len(pairs)


def _opens_report(text: str) -> bool:
    """A news lead (某某新闻网6月4日讯…) under an open caption starts the report, not more caption."""
    return headlines.starts_article_lead(text) or headlines.starts_outlet_lead(text)


def _caption_closed(text: str) -> bool:
    """A caption is complete once it closes a sentence or a credit, or names the scene (会议现场)."""
    s = text.rstrip()
    return not s or s[-1] in "）)。摄" or s.endswith(("摄影", "现场", "供图"))
