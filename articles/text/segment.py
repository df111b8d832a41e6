"""Split the text of one page into articles.

Every non-blank line is first given a kind (body, headline, byline, marker, noise), then
the lines are walked in order: a headline group, a leading byline, a ``本报讯`` lead or a
``(上接…)`` marker starts an article; a trailing byline, a ``下转…`` marker or a source
credit ends one. Headlines are attached afterwards by ``headlines.assign_headlines``
because they are not always printed next to their article.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from articles.text import boundaries, bylines, headlines, noise
from articles.text.clean import (
    column_width,
    ends_sentence,
    has_cjk,
    wrap_width,
    join_wrapped,
    remove_spurious_spaces,
    visible_length,
)

BODY = "body"
HEADLINE = "headline"
ECHO = "echo"
BYLINE = "byline"
TO_MARK = "continued_to"
FROM_MARK = "continued_from"
NOISE = "noise"
_HEADLINE_KINDS = (HEADLINE, ECHO)
_SECTION_HEAD = re.compile(
    r"^(?:[■□●◆◇▲△★☆▪]|[-*•]\s|\*\*|[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十]+[)）]|[0-9０-９]+[.、．])"
)
_SENTENCE = re.compile(r"^.+?[。！？!?]")
# A dateline opening a news lead: "5月6日，" "5月6日上午，" "2024年5月6日至8日，" "近日，".
_DATELINE = re.compile(
    r"^(?:(?:[0-9０-９]{4}\s*年\s*)?[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日"
    r"(?:\s*[至到—-]\s*(?:[0-9０-９]{1,2}\s*月\s*)?[0-9０-９]{1,2}\s*日)?"
    r"(?:[上中下]午|早上|晚上|晚间|凌晨|傍晚|晚|起)?"
    r"|近日|日前|近期|连日来|前不久)\s*[，,]"
)


@dataclass
class Line:
    """A non-blank line of the page with its layout context."""

    text: str
    blank_before: bool
    indent: bool
    kind: str = BODY
    echo: str | None = None
    lead: bool = False  # opens an article with an agency lead (本报讯, 新华社…电)
    number: int = -1  # index of the printed line (after splitting on newlines) it came from


@dataclass
class Segment:
    """An article as cut from the page, before enrichment."""

    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    derived_title: str | None = None
    continues_elsewhere: bool = False
    continued_from_elsewhere: bool = False
    warnings: list[str] = field(default_factory=list)
    # The body lines as printed, spaces kept: ``区领导 张三 李四`` separates names by spaces only.
    printed: str = ""
    # (year, month, day) printed on a web page's metadata line above the article
    # (``发布日期：2024-03-04``): it pins the year of the dates in the body.
    published: tuple[int, int, int] | None = None

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class PageSegmentation:
    """The articles of a page in print order and the text that belongs to none of them."""

    articles: list[Segment]
    noise: list[str]


# ---------------------------------------------------------------- lines and their kinds


def split_lines(text: str) -> list[Line]:
    """Return the non-blank lines, splitting continuation markers into lines of their own.

    A ``（下转第`` / ``2版）`` marker cut by a hard wrap is joined back first.
    """
    out: list[Line] = []
    blank = True
    raws = text.split("\n")
    skip = False
    for k, raw in enumerate(raws):
        if skip:
            skip = False
            continue
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        indent = raw[:1].isspace()
        rest, from_marker = noise.split_continued_from(stripped)
        if from_marker:
            out.append(Line(from_marker, blank, indent, FROM_MARK, number=k))
            blank, indent = False, False
        rest, to_marker = noise.split_continued_to(rest)
        if to_marker is None and k + 1 < len(raws) and raws[k + 1].strip():
            rest, to_marker = noise.split_wrapped_continued_to(rest, raws[k + 1].strip())
            skip = to_marker is not None
        if rest:
            out.append(Line(rest, blank, indent, number=k))
        if to_marker:
            out.append(Line(to_marker, False, False, TO_MARK, number=k))
        blank = False
    return out


def _first_pass_kind(line: Line) -> tuple[str, str | None]:
    """Classify a line by its own text only."""
    s = line.text
    if (
        noise.is_digest_heading(s)
        or noise.is_teaser_marker(s)
        or noise.is_qr_line(s)
        or noise.is_page_furniture(s)
        or noise.is_caption(s)
        or noise.is_notice(s)
        or noise.is_column_flag(s)
    ):
        return NOISE, None
    if bylines.is_byline_line(s):
        return BYLINE, None
    echo = noise.echo_of(s)
    if echo and (headlines.looks_like_headline(echo) or headlines.looks_like_headline_part(echo)):
        return ECHO, echo
    if headlines.looks_like_headline(s):
        return HEADLINE, None
    return BODY, None


def _prev(lines: list[Line], i: int) -> Line | None:
    return lines[i - 1] if i > 0 else None


def _next(lines: list[Line], i: int) -> Line | None:
    return lines[i + 1] if i + 1 < len(lines) else None


def _demote_wrapped_fragments(lines: list[Line], width: float) -> None:
    """In narrow-column text, headline-looking lines that are really wrapped body lines become body.

    A line continues the previous one when that line is body and stops mid-sentence with
    no blank line between (or, across a column-break blank, when it filled the column and
    stopped inside a word). A full-width line that runs straight into more body text is
    body too.
    """
    changed = True
    while changed:
        changed = False
        for i, line in enumerate(lines):
            if line.kind != HEADLINE:
                continue
            prev, nxt = _prev(lines, i), _next(lines, i)
            continues_prev = (
                prev is not None
                and prev.kind == BODY
                and not ends_sentence(prev.text)
                and (not line.blank_before or (visible_length(prev.text) >= width - 2 and has_cjk(prev.text[-1])))
            )
            runs_on = (
                nxt is not None
                and nxt.kind in (BODY, HEADLINE)
                and not nxt.blank_before
                and not nxt.indent
                and not nxt.lead
                and (
                    # Two headline-like lines in a row stay headlines unless a word runs
                    # across them: the second one is demoted first if it is body text.
                    (visible_length(line.text) >= 0.75 * width and nxt.kind == BODY)
                    or headlines.splits_word(line.text, nxt.text)
                )
            )
            # A full column line of a sentence (it has a comma) cut by a column-break blank
            # line, its paragraph running on below: 随后，某某一行到某某（知青） / 生态康养…
            cut_at_break = (
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
            if continues_prev or runs_on or cut_at_break:
                line.kind = BODY
                changed = True


def _promote_wrapped_headlines(lines: list[Line]) -> None:
    """In narrow columns, a short block of body lines that reads as one headline becomes a headline.

    A long headline wrapped at the column width looks like body text line by line; as a
    block it is short, has no sentence punctuation and sits between headlines, bylines,
    boxes or a 本报讯 lead (or after a finished sentence) instead of inside a paragraph.
    """
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and not lines[j].blank_before and lines[j].kind == BODY:
            j += 1
        block = lines[i:j]
        if len(block) > 1 and all(line.kind == BODY for line in block):
            prev, nxt = _prev(lines, i), lines[j] if j < len(lines) else None
            joined = join_wrapped([line.text for line in block])
            settled_before = prev is None or prev.kind != BODY or ends_sentence(prev.text)
            # A cluster of headlines running to the foot of the page: its last headline,
            # wrapped onto a short tail line (某某节在某地举 / 行), ends the page.
            closes_cluster = nxt is None and prev is not None and prev.kind in _HEADLINE_KINDS
            if (
                settled_before
                and block[0].blank_before
                and (closes_cluster or (nxt is not None and (
                    nxt.kind in (*_HEADLINE_KINDS, BYLINE, NOISE, FROM_MARK)
                    or nxt.lead
                    or (nxt.blank_before and (prev is None or prev.kind != BODY) and _opens_with_news_lead(lines, j))
                )))
                and not any(line.lead for line in block)
                and headlines.looks_like_headline(joined)
            ):
                for line in block:
                    line.kind = HEADLINE
        i = j


_CANNOT_END_HEADLINE = re.compile(r"(?:于|在|从|自|至|到|的|和|与|及|将|把|对|为|是|了|并|由|向|被)$")


def _promote_headlines_above_leads(lines: list[Line], *, most: int = 3) -> None:
    """On a page printed without blank lines, a wrapped headline sits right on its report.

    The lines between a finished sentence (or the page top, a box, a marker) and a line that
    opens a report (``9月11日，…``, ``某某讯``) that read together as one headline — short,
    no sentence punctuation, not ending on a word a sentence runs on from — are that
    report's headline.
    """
    for i, line in enumerate(lines):
        if line.kind != BODY or not (line.lead or _DATELINE.match(line.text.strip())):
            continue
        k = i
        while k > 0 and i - k < most and lines[k - 1].kind in (BODY, HEADLINE) and not lines[k].blank_before \
                and not lines[k - 1].lead and not ends_sentence(lines[k - 1].text):
            k -= 1
        above = lines[k - 1] if k > 0 else None
        settled = above is None or lines[k].blank_before or above.kind not in (BODY, HEADLINE) \
            or ends_sentence(above.text)
        block = lines[k:i]
        if not block or not settled or any(x.kind != BODY and x.kind != HEADLINE for x in block):
            continue
        joined = join_wrapped([x.text for x in block])
        if visible_length(joined) >= 6 and not _CANNOT_END_HEADLINE.search(joined) \
                and not re.search(r"[，,。；;]", joined) and headlines.looks_like_headline(joined):
            for x in block:
                x.kind = HEADLINE


def _demote_paragraph_fragments(lines: list[Line]) -> None:
    """A short line cut at a column break, with the paragraph running on below it, becomes body.

    The cut shows as a word running across the break (``干部多`` + ``次往来``).
    """
    for i, line in enumerate(lines):
        nxt = _next(lines, i)
        if line.kind != HEADLINE or nxt is None or nxt.kind != BODY:
            continue
        if nxt.lead:
            continue
        if headlines.splits_word(line.text, nxt.text):
            line.kind = BODY


def _mark_digest_titles(lines: list[Line]) -> None:
    """A digest's heading above its first bullet or dated item is noise (``noise.is_digest_title``)."""
    i = 0
    while i < len(lines):
        if lines[i].kind != HEADLINE:
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].kind == HEADLINE:
            j += 1
        below = lines[j] if j < len(lines) else None
        heading = " ".join(line.text for line in lines[i:j])
        if below is not None and below.kind == BODY and noise.is_digest_title(heading, below.text):
            for line in lines[i:j]:
                line.kind = NOISE
        i = j


def _mark_resumed_text(lines: list[Line]) -> None:
    """Text printed after ``（上接第1版）`` on the same line resumes a story mid-text: body."""
    for marker, line in zip(lines, lines[1:]):
        if marker.kind == FROM_MARK and line.number == marker.number and line.kind in _HEADLINE_KINDS:
            line.kind = BODY


def _mark_boxed_headlines(lines: list[Line]) -> None:
    """Headlines of QR boxes and 导读 teasers have no article on this page: they are noise."""
    for i, line in enumerate(lines):
        if line.kind not in _HEADLINE_KINDS:
            continue
        prev, nxt = _prev(lines, i), _next(lines, i)
        qr_before = prev is not None and prev.kind == NOISE and noise.is_qr_line(prev.text)
        qr_after = nxt is not None and nxt.kind == NOISE and noise.is_qr_line(nxt.text)
        # A line below a QR caption may instead head the article right under it, alone or
        # with a subtitle printed tight below it (title / subtitle / body, no blank line).
        # Across blank lines the next headline starts the next unit: the line is the box's.
        j = i + 1
        while j < len(lines) and j - i < 3 and lines[j].kind in _HEADLINE_KINDS and not lines[j].blank_before:
            j += 1
        heads_article = j < len(lines) and lines[j].kind in (BODY, BYLINE, FROM_MARK)
        qr_rest = qr_before and noise.is_qr_continuation(line.text)
        near_qr = qr_after or qr_rest or (qr_before and not heads_article)
        before_teaser = nxt is not None and noise.is_teaser_marker(nxt.text)
        after_digest = prev is not None and noise.is_digest_heading(prev.text)
        if near_qr or before_teaser or after_digest:
            line.kind = NOISE


def _mark_wrapped_captions(lines: list[Line]) -> None:
    """The wrapped rest of a photo caption (no blank line, caption not yet closed) is noise too."""
    caption: str | None = None
    for line in lines:
        if line.kind == NOISE and noise.is_caption(line.text):
            caption = line.text
        elif caption is not None and line.kind != NOISE and bylines.is_photo_credit(line.text):
            line.kind = NOISE  # the credit of the photo the caption describes
            caption = None
        elif caption is not None and line.kind == BODY and not line.blank_before and not _caption_closed(caption):
            line.kind = NOISE
            caption += line.text
        else:
            caption = None


def _mark_masthead(lines: list[Line], *, top: int = 3) -> None:
    """The paper's name printed alone among the page's first lines is furniture, not a headline."""
    for line in lines[:top]:
        if line.kind in _HEADLINE_KINDS and noise.is_masthead(line.text):
            line.kind = NOISE


def _mark_menus(lines: list[Line]) -> None:
    """A run of short bare labels copied from a site's navigation is noise (``noise.is_menu``)."""
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and not lines[j].blank_before and lines[j].kind in (BODY, *_HEADLINE_KINDS):
            j += 1
        run = lines[i:j]
        if all(x.kind in (BODY, *_HEADLINE_KINDS) for x in run) and noise.is_menu([x.text for x in run]):
            for line in run:
                line.kind = NOISE
        i = j


def _mark_notice_text(lines: list[Line], *, max_lines: int = 12) -> None:
    """The text under a classified-notice heading (遗失声明) is part of the advertisement."""
    i = 0
    while i < len(lines):
        if lines[i].kind == NOISE and noise.is_notice_heading(lines[i].text):
            j = i + 1
            while j < len(lines) and j - i <= max_lines and lines[j].kind in (BODY, HEADLINE) and not lines[j].lead:
                lines[j].kind = NOISE
                if ends_sentence(lines[j].text):
                    break
                j += 1
            i = j
        i += 1


def _caption_closed(text: str) -> bool:
    s = text.rstrip()
    return not s or s[-1] in "）)。摄" or s.endswith("摄影")


def _mark_leads(lines: list[Line], hard_wrapped: bool) -> None:
    """Flag lines that open an article with an agency lead (本报讯, 新华社…电).

    In narrow columns the lead itself can be wrapped (``新华社北京6月`` / ``12日电``), so
    the line is read together with the lines wrapped onto it.
    """
    for i, line in enumerate(lines):
        text = line.text
        if hard_wrapped:
            j = i + 1
            # Only a line that filled its column wraps on: ``产工作`` above ``某某讯…`` does not.
            while j < len(lines) and j <= i + 2 and not lines[j].blank_before and lines[j].kind in (BODY, HEADLINE) \
                    and visible_length(lines[j - 1].text) >= visible_length(lines[j].text) - 2:
                text += lines[j].text
                j += 1
        prev = _prev(lines, i)
        paragraph_start = prev is None or line.blank_before or line.indent or prev.kind != BODY \
            or ends_sentence(prev.text)
        line.lead = line.kind in (BODY, HEADLINE) and (
            headlines.starts_article_lead(text) or (paragraph_start and headlines.starts_outlet_lead(text))
        )
        if line.lead:
            line.kind = BODY


def _mark_section_labels(lines: list[Line]) -> None:
    """A standalone ``■ 要闻速递`` label above a new lead or a headline is page furniture.

    So is a ``关键词：发展`` tag above a headline.

    Above body text that continues the article it stays a section head of that article.
    """
    for i, line in enumerate(lines):
        nxt = _next(lines, i)
        if line.kind == BODY and noise.is_section_label(line.text) and nxt is not None \
                and nxt.blank_before and (nxt.lead or nxt.kind in _HEADLINE_KINDS):
            line.kind = NOISE
        elif noise.is_keyword_label(line.text) and nxt is not None and nxt.kind in _HEADLINE_KINDS:
            line.kind = NOISE


# A kicker printed on its own line above a headline: ``聚力某某建设：`` / ``某某区——``.
_KICKER = re.compile(r"^[^。！？!?；;]{2,30}(?:[：:]|——)$")


def _mark_kickers(lines: list[Line]) -> None:
    """A short line ending in ``：`` or ``——`` directly above a headline belongs to it.

    Standing alone it would be an article without body text; it is the headline's kicker.
    """
    for i, line in enumerate(lines):
        nxt = _next(lines, i)
        if line.kind == BODY and not line.lead and _KICKER.match(line.text.strip()) and nxt is not None \
                and nxt.kind == HEADLINE:
            line.kind = HEADLINE


def classify(lines: list[Line], *, hard_wrapped: bool, width: float) -> None:
    """Set each line's kind, first from its own text, then from its neighbours."""
    for line in lines:
        if line.kind == BODY:
            line.kind, line.echo = _first_pass_kind(line)
    _mark_wrapped_captions(lines)
    _mark_menus(lines)
    _mark_masthead(lines)
    _mark_notice_text(lines)
    _mark_leads(lines, hard_wrapped)
    _mark_section_labels(lines)
    _mark_kickers(lines)
    if hard_wrapped:
        _demote_wrapped_fragments(lines, width)
        _promote_wrapped_headlines(lines)
        _promote_headlines_above_leads(lines)
    _demote_paragraph_fragments(lines)
    _mark_resumed_text(lines)
    _mark_boxed_headlines(lines)
    _mark_digest_titles(lines)


# ---------------------------------------------------------------- paragraphs


def build_paragraphs(lines: list[Line], *, hard_wrapped: bool) -> list[str]:
    """Reflow body lines into paragraphs, one string per paragraph.

    A paragraph ends at a sentence end followed by a blank line or an indented line (in
    narrow columns), or at any sentence end (one line per paragraph). Section heads
    (``■ …``) and list debris always stand alone.
    """
    paragraphs: list[list[str]] = []
    prev: Line | None = None
    for line in lines:
        new = prev is None
        if prev is not None:
            head = bool(_SECTION_HEAD.match(line.text)) or bool(_SECTION_HEAD.match(prev.text))
            if head and (ends_sentence(prev.text) or line.blank_before or line.indent or not hard_wrapped):
                new = True
            elif ends_sentence(prev.text):
                new = not hard_wrapped or line.blank_before or line.indent
        if new:
            paragraphs.append([line.text])
        else:
            paragraphs[-1].append(line.text)
        prev = line
    return [remove_spurious_spaces(join_wrapped(p)) for p in paragraphs]


def derive_title(body: str, *, limit: int = 30) -> str | None:
    """Make a stand-in title from the first sentence, without the ``本报讯(…)`` lead."""
    text = body.split("\n", 1)[0]
    text = re.sub(r"^本报[\u4e00-\u9fff]{0,4}讯\s*(?:[（(][^()（）]{0,40}[)）])?\s*", "", text)
    match = _SENTENCE.match(text)
    sentence = (match.group(0) if match else text).rstrip("。！？!?，,")
    if not sentence:
        return None
    return sentence if len(sentence) <= limit else sentence[:limit] + "…"


# ---------------------------------------------------------------- articles


@dataclass
class _Draft:
    lines: list[Line] = field(default_factory=list)
    byline: str | None = None
    continued_from: bool = False
    continues: bool = False
    closed: bool = False  # ended by a trailing byline, credit or 下转 marker
    news_lead: bool = False  # the first paragraph is a news lead (本报讯, a dateline)
    titled: bool = False  # a headline group stands right above it
    head: str = ""  # the text of that headline group (what the article is about)
    published: tuple[int, int, int] | None = None  # from a web metadata line above it


def _byline_convention(lines: list[Line]) -> str:
    """Return "after" if the page prints bylines after bodies, else "before"."""
    after = before = 0
    for i, line in enumerate(lines):
        if line.kind != BYLINE:
            continue
        prev, nxt = _prev(lines, i), _next(lines, i)
        if nxt is None or nxt.kind in _HEADLINE_KINDS or nxt.kind == NOISE:
            after += 1
        elif prev is None or prev.kind in _HEADLINE_KINDS:
            before += 1
    return "after" if after > before else "before"


def _byline_is_trailing(lines: list[Line], i: int, draft: _Draft, convention: str) -> bool:
    """Decide whether a byline between two bodies closes the article above it."""
    if not draft.lines or draft.closed:
        return False
    if draft.byline is not None:
        return False
    nxt = next((x for x in lines[i + 1:] if x.kind != NOISE), None)
    if nxt is None or nxt.kind != BODY:
        return True
    if nxt.lead or nxt.kind == FROM_MARK:
        return True
    return convention == "after"


def _paragraph_start(lines: list[Line], i: int, *, limit: int = 80) -> str:
    """Return the text of the paragraph starting at line i, up to ``limit`` characters."""
    text = lines[i].text
    j = i + 1
    while j < len(lines) and len(text) < limit and lines[j].kind == BODY and not lines[j].blank_before:
        if ends_sentence(lines[j - 1].text):
            break
        text += lines[j].text
        j += 1
    return remove_spurious_spaces(text.strip())


def _opens_with_news_lead(lines: list[Line], i: int) -> bool:
    """Return True if the paragraph at line i is a news lead (agency lead or dateline)."""
    if lines[i].lead:
        return True
    return bool(_DATELINE.match(_paragraph_start(lines, i)))


@dataclass
class _Layout:
    """Facts about the whole page that the article-break decision needs."""

    hard_wrapped: bool
    blank_breaks: bool
    model: boundaries.Model
    observe: Observer | None = None


Observer = Callable[[boundaries.Context, int], None]


def _starts_untitled_article(lines: list[Line], i: int, draft: _Draft, layout: _Layout) -> bool:
    """Decide whether a body paragraph with no headline or lead marker opens a new article.

    Only a line after a finished sentence can open one. Two layout facts decide outright:
    on a page that keeps paragraphs tight, a blank line is an article break; and the first
    dateline under a headline whose story opened with a quote or scene is that story's
    own lead; a paragraph whose words the article above has nearly all used continues it.
    Otherwise the learned boundary model (``boundaries``) weighs how the
    paragraph opens, how new its words are to the article above and the page's layout.
    """
    line, k = lines[i], i - 1
    while k >= 0 and lines[k].kind == NOISE and not noise.is_page_furniture(lines[k].text):
        k -= 1  # a caption or a menu printed between two reports
    prev = lines[k] if k >= 0 else None
    if prev is None or prev.kind != BODY or not ends_sentence(prev.text) or not draft.lines:
        return False
    recent = draft.lines[-40:]  # bounded, so a very long article stays linear to parse
    context = boundaries.Context(
        before=draft.head + "".join(x.text for x in recent),
        lead=_paragraph_start(lines, i),
        blank_before=line.blank_before,
        indent=line.indent,
        above_opened_with_lead=draft.news_lead,
        above_titled=draft.titled,
        above_chars=sum(len(x.text) for x in recent),
        above_paragraphs=1 + sum(
            1 for a, b in zip(recent, recent[1:]) if ends_sentence(a.text) and (b.blank_before or b.indent)
        ),
        blank_lines_split=layout.blank_breaks,
        hard_wrapped=layout.hard_wrapped,
        noise_between=k < i - 1,
        head=draft.head,
    )
    if layout.observe is not None:
        layout.observe(context, line.number)
    if layout.blank_breaks and line.blank_before:
        return True  # tight paragraphs: the page's blank lines are article breaks
    values = boundaries.features(context)
    opened_softly = draft.lines[0].text.lstrip()[:1] in "“「\"" or context.above_paragraphs >= 2 \
        or context.above_chars < 40
    if draft.titled and not draft.news_lead and opened_softly and context.above_paragraphs <= 3 \
            and _opens_with_news_lead(lines, i):
        # A story under its headline that opened with a quote or a scene reaches its news
        # lead (a dateline) within a few paragraphs: that lead is its own, not a new story's.
        # One plain paragraph of some length under a headline is a whole report, not a scene.
        draft.news_lead = True
        return False
    if values["novelty_low"]:
        return False  # it talks about nothing the article above has not named: same story
    if boundaries.starts_with_day(draft.lines[0].text) and boundaries.starts_with_day(context.lead):
        return True  # the next day of a month's record of events (1日…, 2日…)
    if values["bullet"] and noise.is_dated_item(draft.lines[0].text):
        return True  # the next item of a digest whose items open with a bullet and a date
    if values["bullet_subhead"]:
        return False  # ■ sub-heads divide one column; digest items open with a date or a lead
    return layout.model.decide(values)


def _blank_lines_split_articles(lines: list[Line], hard_wrapped: bool) -> bool:
    """Return True if this one-paragraph-per-line page keeps paragraphs of an article together.

    Such pages put no blank line between paragraphs, so the few blank lines between two
    finished paragraphs are article breaks.
    """
    if hard_wrapped:
        return False
    tight = spaced = 0
    for prev, line in zip(lines, lines[1:]):
        if prev.kind == BODY and line.kind == BODY and ends_sentence(prev.text):
            if line.blank_before:
                spaced += 1
            else:
                tight += 1
    return tight >= 3 and spaced * 2 <= tight


def segment_page(
    text: str, *, model: boundaries.Model | None = None, observe: Observer | None = None
) -> PageSegmentation:
    """Cut a page's text into articles with titles, bylines and continuation flags.

    ``model`` replaces the shipped article-break model (training compares candidates);
    ``observe`` is called with every untitled article-break decision and the number of the
    printed line it concerns, which is how training collects its examples.
    """
    lines = split_lines(text)
    raw_lines = [line.text for line in lines]
    wrapped_at = wrap_width(raw_lines)
    hard = wrapped_at is not None
    width = float(wrapped_at) if wrapped_at else column_width(raw_lines)
    classify(lines, hard_wrapped=hard, width=width)
    convention = _byline_convention(lines)
    layout = _Layout(
        hard_wrapped=hard,
        blank_breaks=_blank_lines_split_articles(lines, hard),
        model=model or boundaries.shipped_model(),
        observe=observe,
    )

    drafts: list[_Draft] = []
    groups: list[headlines.HeadlineGroup] = []
    noise_items: list[str] = []
    draft = _Draft()
    group: headlines.HeadlineGroup | None = None
    pending_from = False
    pending_byline: str | None = None
    pending_published: tuple[int, int, int] | None = None

    def close() -> None:
        nonlocal draft
        if draft.lines:
            drafts.append(draft)
        draft = _Draft()

    def start_article() -> None:
        nonlocal group, pending_from, pending_byline, pending_published
        close()
        draft.continued_from = pending_from
        draft.byline = pending_byline
        draft.published, pending_published = pending_published, None
        if group is not None:
            group.before = len(drafts)
            draft.titled = True
            draft.head = "".join(h.text for h in group.lines)
            group = None
        pending_from, pending_byline = False, None

    for i, line in enumerate(lines):
        kind = line.kind
        if kind in _HEADLINE_KINDS:
            if group is None:
                # Noise (a QR caption, a photo caption) between a body and a headline ends
                # that body: the headline is not printed after it.
                after_noise = i > 0 and lines[i - 1].kind == NOISE
                open_article = draft.lines and not draft.closed and not after_noise
                close()
                group = headlines.HeadlineGroup(
                    [], after=len(drafts) - 1 if open_article else None, wrapped=hard, at=len(drafts)
                )
                groups.append(group)
            if kind == ECHO:
                _add_noise(noise_items, line, joined=hard and not line.blank_before and lines[i - 1].kind == ECHO)
            group.lines.append(headlines.HeadlineLine(line.text, line.echo, line.blank_before, line.indent))
        elif kind == NOISE:
            pending_published = noise.web_metadata_date(line.text) or pending_published
            prev = _prev(lines, i)
            wrapped = prev is not None and prev.kind == NOISE and not line.blank_before
            _add_noise(noise_items, line, joined=wrapped and (hard or noise.is_qr_line(prev.text)))
        elif kind == TO_MARK:
            noise_items.append(line.text)
            if draft.lines:
                draft.continues = True
                draft.closed = True
        elif kind == FROM_MARK:
            noise_items.append(line.text)
            if draft.lines:
                close()
            pending_from = True
        elif kind == BYLINE:
            if _byline_is_trailing(lines, i, draft, convention):
                draft.byline = bylines.clean_byline(line.text)
                draft.closed = True
            else:
                if draft.lines:
                    close()
                pending_byline = bylines.clean_byline(line.text)
        else:  # body
            fresh = (
                group is not None
                or pending_from
                or pending_byline is not None
                or draft.closed
                or (line.lead and draft.lines)
                or (
                    bool(draft.lines)
                    and _starts_untitled_article(lines, i, draft, layout)
                )
            )
            if fresh or not draft.lines:
                start_article()
                draft.news_lead = _opens_with_news_lead(lines, i)
            draft.lines.append(line)
    close()
    if group is not None:
        group.before = None

    articles = [_finish(d, hard_wrapped=hard) for d in drafts]
    bodies = [a.body for a in articles]
    leads = [a.paragraphs[0] if a.paragraphs else "" for a in articles]
    assigned, unused = headlines.assign_headlines(groups, bodies, leads)
    for index, article in enumerate(articles):
        found = assigned.get(index)
        if found:
            article.title, article.subtitle = found.title, found.subtitle
            if found.location == "end_block":
                article.warnings.append("标题按内容匹配 (headline matched by content)")
            elif found.location == "after":
                article.warnings.append("标题在正文之后 (headline printed after the body)")
        else:
            article.derived_title = derive_title(article.body)
    articles = _join_continuations(drafts, articles)
    echo_texts = {line.text for line in lines if line.kind == ECHO}
    noise_items.extend(u for u in unused if u not in echo_texts)
    return PageSegmentation(articles, noise_items)


def _join_continuations(drafts: list[_Draft], articles: list[Segment]) -> list[Segment]:
    """Join a story cut by ``下转►2版`` with its ``(上接第1版)`` rest when both are in this file.

    An export of several pages puts both parts in one text. The k-th cut story pairs with
    the k-th resumed fragment, and only when the fragment reads as that story's rest;
    a fragment whose first part is on a page not in the file stays an article of its own.
    """
    cut = [i for i, d in enumerate(drafts) if d.continues]
    resumed = [i for i, d in enumerate(drafts) if d.continued_from]
    if not cut or len(cut) != len(resumed):
        return articles
    dropped: set[int] = set()
    for a, b in zip(cut, resumed):
        first, rest = articles[a], articles[b]
        if a < b and boundaries.continues_story(rest.body, first.body):
            first.paragraphs.extend(rest.paragraphs)
            first.printed = f"{first.printed}\n{rest.printed}"
            first.continues_elsewhere = rest.continues_elsewhere
            first.byline = first.byline or rest.byline
            dropped.add(b)
    return [article for i, article in enumerate(articles) if i not in dropped]


def _add_noise(items: list[str], line: Line, *, joined: bool) -> None:
    """Record a noise line, appending it to the previous item when it is that item's wrapped rest."""
    if joined and items:
        items[-1] += line.text
    else:
        items.append(line.text)


def _strip_trailing_credit(lines: list[Line]) -> str | None:
    """Move a bracketed credit after the last sentence (``（记者 张三）``) from the body to the byline.

    A narrow column can wrap the credit over two lines (``（某某融媒体中心记者 张三`` / ``通讯员 李四）``).
    """
    if not lines:
        return None
    last, credit = bylines.split_source_credit(lines[-1].text)
    if credit:
        if last:
            lines[-1] = Line(last, lines[-1].blank_before, lines[-1].indent)
        else:
            lines.pop()
    elif len(lines) >= 2 and lines[-1].text.rstrip().endswith(("）", ")")):
        last, credit = bylines.split_source_credit(lines[-2].text.rstrip() + lines[-1].text.strip())
        if credit and len(last) <= len(lines[-2].text.rstrip()):
            lines.pop()
            if last:
                lines[-1] = Line(last, lines[-1].blank_before, lines[-1].indent)
            else:
                lines.pop()
    return credit


def _finish(draft: _Draft, *, hard_wrapped: bool) -> Segment:
    """Turn a draft into a Segment: reflow, credits, continuation flags."""
    lines = list(draft.lines)
    # Credits are read from the printed lines so their spaces stay as printed.
    credit = _strip_trailing_credit(lines)
    paragraphs = build_paragraphs(lines, hard_wrapped=hard_wrapped)
    segment = Segment(paragraphs=paragraphs, byline=draft.byline, printed="\n".join(line.text for line in lines))
    inline = bylines.inline_byline(join_wrapped([line.text for line in lines[:4]]))
    if inline and segment.byline is None:
        segment.byline = inline
    if credit:
        segment.byline = f"{segment.byline} {credit}" if segment.byline else credit
    segment.continued_from_elsewhere = draft.continued_from
    segment.published = draft.published
    segment.continues_elsewhere = draft.continues or bool(paragraphs and not _ends_complete(paragraphs[-1]))
    return segment


def _ends_complete(paragraph: str) -> bool:
    """Return True if the text ends a sentence (or with an end mark such as ``(完)``)."""
    s = paragraph.rstrip()
    bracketed = bool(re.fullmatch(r"[（(][^()（）]*[)）]", s))  # a photo caption such as （图为…摄）
    return ends_sentence(s) or bracketed or bool(re.search(r"[（(]完[)）]$", s))
