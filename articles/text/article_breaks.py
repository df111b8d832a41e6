"""Where one article ends and the next begins when no headline, byline or marker says so.

Two layout facts decide outright (blank lines on a tight page, a story's own dateline under
a headline); a few conventions of digests and columns next; the learned boundary model
(``boundaries``) weighs the rest.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from articles.text import boundaries, leaders, noise, web_metadata
from articles.text.clean import BULLETS, ends_sentence, visible_length
from articles.text.drafts import Draft
from articles.text.page_lines import (
    BODY,
    BYLINE,
    FROM_MARK,
    HEADLINE_KINDS,
    NOISE,
    Line,
    ends_finished,
    next_line,
    opens_with_news_lead,
    paragraph_start,
    prev_line,
)

Observer = Callable[[boundaries.Context, int], None]


@dataclass
class Layout:
    """Facts about the whole page that the article-break decision needs."""

    hard_wrapped: bool
    blank_breaks: bool
    model: boundaries.Model
    observe: Observer | None = None
    column: float | None = None  # the body's wrap width on a hard-wrapped page
    day_record: bool = False  # the page is a record of dated entries (``is_day_record``)
    one_blank_paragraphs: bool = False  # one blank line sets paragraphs apart (``wide_gaps_stand_out``)


def byline_convention(lines: list[Line]) -> str:
    """Return "after" if the page prints bylines after bodies, else "before"."""
    after = before = 0
    for i, line in enumerate(lines):
        if line.kind != BYLINE:
            continue
        prev, nxt = prev_line(lines, i), next_line(lines, i)
        if nxt is None or nxt.kind in HEADLINE_KINDS or nxt.kind == NOISE:
            after += 1
        elif prev is None or prev.kind in HEADLINE_KINDS:
            before += 1
    return "after" if after > before else "before"


def byline_is_trailing(lines: list[Line], i: int, draft: Draft, convention: str) -> bool:
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


def starts_untitled_article(lines: list[Line], i: int, draft: Draft, layout: Layout) -> bool:
    """Decide whether a body paragraph with no headline or lead marker opens a new article.

    Only a line after a finished sentence can open one (a caption or a menu printed between
    two reports is looked past), or a dateline after a blank line on a page whose blank lines
    are article breaks. On a page that keeps paragraphs tight, a blank line is an
    article break; otherwise ``_decide`` weighs the paragraph against the article above.
    """
    if _posted_after_finished_report(lines, i, draft):
        return True
    k = i - 1
    while k >= 0 and lines[k].kind == NOISE and (not noise.is_page_furniture(lines[k].text) or noise.is_credit_block(lines[k].text)):
        k -= 1  # past captions, menus and a report's closing credits (初稿：… / 审核：…)
    prev = lines[k] if k >= 0 else None
    if prev is not None and prev.kind == NOISE and noise.is_digest_label(prev.text) and draft.lines \
            and k > 0 and lines[k - 1].kind == BODY and ends_finished(lines, k - 1):
        return True  # 简讯 / 要闻速递 under a finished report: the items of a digest begin
    if prev is None or prev.kind != BODY or not draft.lines:
        return False
    if not ends_finished(lines, k):
        # A report the source left without its full stop still ends at a page's article break
        # when the next one opens with its dateline (…沟通和交流 / blank / 今天下午，…).
        return layout.blank_breaks and lines[i].blank_before and opens_with_news_lead(lines, i)
    between = lines[k + 1:i]
    context = _context(lines, i, draft, layout,
                       noise_between=any(not noise.is_photo_placeholder(x.text) for x in between))
    if layout.observe is not None:
        layout.observe(context, lines[i].number)
    if _pull_quote_above(draft, context):
        return False
    wider_gap = layout.one_blank_paragraphs and lines[i].wide_gap and not _is_bullet(lines[i].text)
    if (layout.blank_breaks and lines[i].blank_before) or wider_gap:
        # Tight paragraphs: the page's blank lines are article breaks; on a page that sets its
        # paragraphs one blank line apart, a wider gap is. Unless the paragraph refers back to
        # the report above (会议强调，… / 讨论中，…), reports what someone said (副县长某某介绍了…)
        # or who else took part (某某等参加相关活动。) or names its official bare (令军强说，…):
        # no report opens that way.
        return not (boundaries.refers_back(context.lead) or boundaries.reports_speech(context.lead)
                    or boundaries.reports_attendance_only(context.lead)
                    or leaders.returns_by_bare_name(context.lead, context.before))
    return _decide(lines, i, draft, context, layout)


def _is_bullet(text: str) -> bool:
    """A bulleted line: a column's sub-head (■ 注重示范引领) as often as a digest's item."""
    return text.lstrip()[:1] in BULLETS


def _posted_after_finished_report(lines: list[Line], i: int, draft: Draft) -> bool:
    """A web report's posting date (2024-04-08) right above the paragraph, under a finished
    report and whatever captions follow it: the posting date heads the next report."""
    k, posted = i - 1, False
    while k >= 0 and lines[k].kind == NOISE:
        posted = posted or web_metadata.web_metadata_date(lines[k].text) is not None
        k -= 1
    return posted and bool(draft.lines) and k >= 0 and lines[k].kind == BODY and ends_finished(lines, k)


_QUOTED_SPEAKER = re.compile(r"^[“\"]?([\u4e00-\u9fff]{2,4})(?:指出|强调|表示|说|认为|介绍)[:：，,]")


def _pull_quote_above(draft: Draft, context: boundaries.Context) -> bool:
    """The article above is only what someone said (李某某指出：…), and the paragraph below
    introduces that speaker: the quote was pulled out over its own report."""
    if context.above_paragraphs > 1 or draft.titled:
        return False
    m = _QUOTED_SPEAKER.match(re.sub(r"\s+", "", context.opening))
    return bool(m) and m.group(1) in re.sub(r"\s+", "", context.lead)


def _context(lines: list[Line], i: int, draft: Draft, layout: Layout, *, noise_between: bool) -> boundaries.Context:
    """What the boundary model sees: the article above (its recent lines) and the paragraph below."""
    line = lines[i]
    recent = draft.lines[-40:]  # bounded, so a very long article stays linear to parse
    return boundaries.Context(
        before=draft.head + "".join(x.text for x in recent),
        lead=paragraph_start(lines, i),
        blank_before=line.blank_before,
        indent=line.indent,
        above_opened_with_lead=draft.news_lead,
        above_titled=draft.titled,
        above_chars=sum(len(x.text) for x in recent),
        above_paragraphs=_paragraphs(recent, hard_wrapped=layout.hard_wrapped),
        blank_lines_split=layout.blank_breaks,
        hard_wrapped=layout.hard_wrapped,
        noise_between=noise_between,
        head=draft.head,
        opening=draft.lines[0].text if draft.lines else "",
    )


def _paragraphs(recent: list[Line], *, hard_wrapped: bool) -> int:
    """Paragraphs among an article's recent lines. On a page whose lines are whole paragraphs
    (not hard-wrapped) every line that closes a sentence ends one, blank line or not."""
    return 1 + sum(
        1 for a, b in zip(recent, recent[1:])
        if ends_sentence(a.text) and (b.blank_before or b.indent or not hard_wrapped)
    )


def _lead_still_to_come(lines: list[Line], i: int, draft: Draft, context: boundaries.Context) -> bool:
    """The first dateline under a headline whose story opened with a quote or a scene is that
    story's own lead. One plain paragraph of some length under a headline is a whole report,
    not a scene; and a story carried over from another page (上接第1版) had its lead there."""
    opened_softly = draft.lines[0].text.lstrip()[:1] in "“「\"" or context.above_paragraphs >= 2 \
        or context.above_chars < 40
    return (draft.titled and not draft.news_lead and not draft.continued_from and opened_softly
            and context.above_paragraphs <= 3 and opens_with_news_lead(lines, i) and not _opening_dated(draft))


def _plainly_a_new_report(lines: list[Line], i: int, values: dict[str, float], context: boundaries.Context) -> bool:
    """Under a report of some length, a paragraph that opens as reports do is the next one when
    the head over the report above names it and not its own body (the head was set one story
    high), or when it opens on 日前/近日 about new matters under a report that gave its own dateline."""
    if values["above_short"]:
        return False
    if values["head_fits_lead"] and opens_with_news_lead(lines, i):
        return True
    return bool(values["relative_dateline"] and values["novelty_high"] and context.above_opened_with_lead)


def _decide(lines: list[Line], i: int, draft: Draft, context: boundaries.Context, layout: Layout) -> bool:
    """Conventions that settle a break outright, then the learned model for the rest.

    The first dateline under a headline whose story opened with a quote or scene is that
    story's own lead; a paragraph whose words the article above has nearly all used
    continues it; a month's day-by-day record (``2日…``, ``■ 2``, ``■ 同日``) and a bullet
    digest break at every item, whether its items open with a date or run on at full column
    width under one bullet; ■ sub-heads set short on their own line divide one column; an
    official the report introduced, back by bare name, goes on with the same visit. The model weighs how the paragraph opens, how new its words
    are to the article above and the page's layout.
    """
    values = boundaries.features(context)
    if _lead_still_to_come(lines, i, draft, context):
        draft.news_lead = True
        return False
    if values["novelty_low"]:
        return False  # it talks about nothing the article above has not named: same story
    if _plainly_a_new_report(lines, i, values, context):
        return True
    if boundaries.names_returning_official(context.lead, context.before):
        return False  # the official the report introduced, by bare name: the same visit goes on
    if boundaries.starts_with_day(draft.lines[0].text) and boundaries.starts_with_day(context.lead):
        return True  # the next day of a month's record of events (1日…, 2日…)
    opening = lines[i].text.strip()
    if layout.day_record and (_SAME_DAY.match(opening) or _OPENS_WITH_DAY.match(opening) or values["bullet"]):
        return True  # 15日，… / 同日晚，… / ※ …: the next entry of a record of dated entries
    if values["bullet"] and noise.is_dated_item(draft.lines[0].text):
        return True  # the next item of a digest whose items open with a bullet and a date
    if values["bullet"] and _DAY_ITEM.match(re.sub(r"^\W+|\s+", "", lines[i].text)):
        return True  # ■ 2 / ■ 同日: the next day's entry of a month's record
    if values["bullet_subhead"] and _heading_line(lines[i].text, layout.column):
        return False  # ■ sub-heads divide one column; digest items open with a date or a lead
    if values["bullet"] and _same_bullet(draft.lines[0].text, lines[i].text) \
            and not _heading_line(draft.lines[0].text, layout.column):
        return True  # the next item of a digest whose items run on under a bullet (●…, ●…)
    return layout.model.decide(values)


_DAY_IN_TEXT = re.compile(r"[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*[日曰]")


def _opening_dated(draft: Draft) -> bool:
    """The story's first sentences already gave its day (…的关键时期，1月30日上午，某县…开幕。):
    a scene-setting opening that had its dateline, so a later dateline is no lead of its own."""
    text = ""
    for line in draft.lines[:12]:
        text += line.text
        if len(text) >= 150:
            break
    return bool(_DAY_IN_TEXT.search(re.sub(r"\s+", "", text)[:150]))


# An entry dated by the entry above it: 同日，… / 同日晚，… / 次日上午，…
_SAME_DAY = re.compile(rf"^[{BULLETS}]?\s*(?:同日|当日|次日)(?:[上下]午|晚上?|早上?|凌晨)?[，,]")
_OPENS_WITH_DAY = re.compile(rf"^[{BULLETS}]?\s*(?:[0-9０-９]{{1,2}}\s*月\s*)?[0-9０-９]{{1,2}}\s*(?:[日曰]|[~～－—至到]\s*[0-9０-９]{{1,2}}\s*日)")


def is_day_record(lines: list[Line]) -> bool:
    """Return True for a record of dated entries (大事记, a leader's week): most paragraphs open
    with their day, so an entry that says 同日 instead is a new entry, not a report's next part."""
    starts = [line for k, line in enumerate(lines) if line.kind == BODY and (
        k == 0 or line.blank_before or lines[k - 1].kind != BODY or ends_sentence(lines[k - 1].text))]
    dated = sum(1 for line in starts if _OPENS_WITH_DAY.match(line.text.strip()))
    return dated >= 3 and dated * 2 >= len(starts)


# A bulleted line that is nothing but the day of an entry: ■ 2, ■ 1日晚, ■ 同日.
_DAY_ITEM = re.compile(r"^(?:[0-9０-９]{1,2}(?:[日曰])?(?:[上下]午|晚上?|早上?)?|同日|当日|次日)$")


def _same_bullet(first: str, line: str) -> bool:
    """Both lines open with the same bullet character."""
    a, b = first.lstrip()[:1], line.lstrip()[:1]
    return a == b and a in BULLETS


def _heading_line(text: str, column: float | None) -> bool:
    """On a hard-wrapped page the bulleted line is a heading set short on its own line
    (■ 注重思想引领), not the first line of a paragraph filling the column and running on
    (●第六届…洽谈会开 / 幕。…), which a digest item is. One line per paragraph cannot tell
    (■全面排摸,定制方案。中队…): there the sub-head reading stands."""
    return column is None or visible_length(text) < column - 2


def blank_lines_split_articles(lines: list[Line], column: float | None) -> bool:
    """Return True if this page keeps the paragraphs of an article together.

    Such pages put no blank line between paragraphs, so the few blank lines between two
    finished paragraphs are article breaks. One line per paragraph shows every paragraph end;
    on a page hard-wrapped at ``column`` a paragraph visibly ends on a line that closes a
    sentence well short of the column (a wrap that happens to end a sentence says nothing).
    """
    tight = spaced = 0
    for prev, line in zip(lines, lines[1:]):
        if prev.kind != BODY or line.kind != BODY or not ends_sentence(prev.text):
            continue
        if column is not None and visible_length(prev.text) > column - 3:
            continue
        if line.blank_before:
            spaced += 1
        else:
            tight += 1
    return tight >= 3 and spaced * 2 <= tight


def wide_gaps_stand_out(lines: list[Line]) -> bool:
    """Return True if the page sets its paragraphs apart with one blank line, so that two or
    more blank lines are a wider gap than a paragraph's: the layout's own mark of a break."""
    single = sum(1 for line in lines if line.blank_before and not line.wide_gap)
    wide = sum(1 for line in lines if line.wide_gap)
    return single >= 5 and wide < single
