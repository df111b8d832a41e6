"""Give every line of a page its role: body, headline, byline, continuation marker or noise.

First each line by its own text, then by its neighbours: captions run on, menus, mastheads,
notices, agency leads, section labels, kickers, wrapped headlines, QR boxes and digest
headings.
"""
from __future__ import annotations

import re

from articles.text import bylines, captions, digest_heads, headlines, noise, sub_heads, wrapped_headlines
from articles.text.clean import BULLETS, ends_sentence, visible_length
from articles.text.dates import period_heading
from articles.text.page_lines import (
    BODY,
    BYLINE,
    ECHO,
    FROM_MARK,
    HEADLINE,
    HEADLINE_KINDS,
    NOISE,
    Line,
    next_line,
    prev_line,
)


def _first_pass_kind(line: Line) -> tuple[str, str | None]:
    """Classify a line by its own text only."""
    s = line.text
    if period_heading(s) is not None or noise.is_record_heading(s):
        return NOISE, None  # a record's heading, year or month (执政大事 / 1995年 / 一月): furniture
    if headlines.is_day_only(s):
        return BODY, None  # the entry's date, read with the entry (6日 / 1月15~18日 + 市委副书记某某…)
    if (
        noise.is_digest_heading(s)
        or noise.is_teaser_marker(s)
        or noise.is_teaser_line(s)
        or noise.is_qr_line(s)
        or noise.is_page_furniture(s)
        or noise.is_caption(s)
        or noise.is_photo_placeholder(s)
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


def _mark_echo_tails(lines: list[Line]) -> None:
    """The last line of a headline printed twice may hold one character twice (``作作`` under
    ``深入开展扶贫攻坚工深入开展扶贫攻坚工``), too short for ``noise.echo_of``: it ends the echo."""
    for prev, line in zip(lines, lines[1:]):
        s = re.sub(r"\s", "", line.text)
        if prev.kind == ECHO and line.kind in (BODY, HEADLINE) and not line.blank_before and len(s) == 2 and s[0] == s[1]:
            line.kind, line.echo = ECHO, s[0]


def _mark_resumed_text(lines: list[Line]) -> None:
    """Text printed after ``（上接第1版）`` on the same line resumes a story mid-text: body."""
    for marker, line in zip(lines, lines[1:]):
        if marker.kind == FROM_MARK and line.number == marker.number and line.kind in HEADLINE_KINDS:
            line.kind = BODY


def _says_report_above(lines: list[Line], i: int) -> bool:
    """Most of the head's words are the report's right above it: printed after its report,
    the head is that report's, not the title of the QR box below it."""
    words = [w for w in headlines.tokens(lines[i].text) if len(w) >= 2]
    story = "".join(x.text.strip() for x in lines[max(0, i - 40):i] if x.kind == BODY)
    return len(words) >= 2 and sum(w in story for w in words) >= 0.6 * len(words)


def _mark_boxed_headlines(lines: list[Line]) -> None:
    """Headlines of QR boxes and 导读 teasers have no article on this page: they are noise."""
    for i, line in enumerate(lines):
        if line.kind not in HEADLINE_KINDS:
            continue
        prev, nxt = prev_line(lines, i), next_line(lines, i)
        qr_before = prev is not None and prev.kind == NOISE and noise.is_qr_line(prev.text)
        # The wrapped rest of a head above it (…理论学习中心 / 组举行第三次集中学习) stays with that head.
        rest_of_head = prev is not None and prev.kind in HEADLINE_KINDS and not line.blank_before
        qr_after = nxt is not None and nxt.kind == NOISE and noise.is_qr_line(nxt.text) and not rest_of_head \
            and not _says_report_above(lines, i)
        # A line below a QR caption may instead head the article right under it, alone or
        # with a subtitle printed tight below it (title / subtitle / body, no blank line).
        # Across blank lines the next headline starts the next unit: the line is the box's.
        j = i + 1
        while j < len(lines) and j - i < 3 and lines[j].kind in HEADLINE_KINDS and not lines[j].blank_before:
            j += 1
        heads_article = j < len(lines) and lines[j].kind in (BODY, BYLINE, FROM_MARK)
        qr_rest = qr_before and noise.is_qr_continuation(line.text)
        # Set apart from the caption and wrapped over more lines (a head and its deck), it is
        # a report's head from an end-of-page cluster, not the box's one-line title.
        wrapped_head = line.blank_before and j - i > 1
        near_qr = qr_after or qr_rest or (qr_before and not heads_article and not wrapped_head)
        before_teaser = nxt is not None and noise.is_teaser_marker(nxt.text)
        after_digest = prev is not None and noise.is_digest_heading(prev.text)
        if near_qr or before_teaser or after_digest:
            line.kind = NOISE


def _mark_vertical_labels(lines: list[Line]) -> None:
    """A label printed vertically comes out one character per line (往 / 期 / 推 / 荐): a run of
    two or more lines of a single character each, set apart from the text, is furniture."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(lines[j].text.strip()) == 1 and "\u4e00" <= lines[j].text.strip() <= "\u9fff":
            j += 1
        if j - i >= 2 and lines[i].blank_before and (j == len(lines) or lines[j].blank_before):
            for line in lines[i:j]:
                line.kind = NOISE
        i = max(j, i + 1)


def _mark_masthead(lines: list[Line], *, top: int = 3) -> None:
    """The paper's name printed alone among the page's first lines is furniture, not a headline."""
    for line in lines[:top]:
        if line.kind in HEADLINE_KINDS and noise.is_masthead(line.text):
            line.kind = NOISE


def _mark_menus(lines: list[Line]) -> None:
    """A run of short bare labels copied from a site's navigation is noise (``noise.is_menu``)."""
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and not lines[j].blank_before and lines[j].kind in (BODY, *HEADLINE_KINDS):
            j += 1
        run = lines[i:j]
        if all(x.kind in (BODY, *HEADLINE_KINDS) for x in run) and noise.is_menu([x.text for x in run]):
            for line in run:
                line.kind = NOISE
        i = j


# The label of a box of teasers, which lists its heads with or without stars.
_GUIDE_LABEL = re.compile(r"^[【\[]?\s*(?:导\s*读|本期导读|今日导读)\s*[】\]]?$")


def _mark_teasers(lines: list[Line], *, most: int = 16) -> None:
    """A box of teasers (【导读】 / ★某某主持召开… / ★…; a 导读 box's heads may have no star), its
    label and the headlines it lists up to the next blank line, is furniture: the stories it
    announces are printed elsewhere, or below under their own headlines."""
    for i, line in enumerate(lines[:-1]):
        if not noise.is_digest_heading(line.text):
            continue
        if lines[i + 1].text.lstrip()[:1] not in BULLETS and not _GUIDE_LABEL.match(line.text.strip()):
            continue
        line.kind = NOISE
        for item in lines[i + 1:i + 1 + most]:
            if item.blank_before or ends_sentence(item.text) or re.search(r"[，,]", item.text):
                break
            item.kind = NOISE
            if noise.is_teaser_marker(item.text) or noise.is_teaser_line(item.text):
                break  # the box closes on its page pointer (详见第2版): the page's own head follows


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
        prev = prev_line(lines, i)
        paragraph_start = prev is None or line.blank_before or line.indent or prev.kind != BODY \
            or ends_sentence(prev.text)
        line.lead = line.kind in (BODY, HEADLINE) and (
            headlines.starts_article_lead(text) or (paragraph_start and headlines.starts_outlet_lead(text))
        )
        if line.lead:
            line.kind = BODY


# A kicker printed on its own line above a headline: ``聚力某某建设：`` / ``某某区——``.
_KICKER = re.compile(r"^[^。！？!?；;]{2,30}(?:[：:]|——)$")
_KICKER_COMMA = re.compile(r"^[^。！？!?；;“”]{4,30}[，,]$")


def _mark_kickers(lines: list[Line]) -> None:
    """A short line ending in ``：`` or ``——`` directly above a headline belongs to it.

    Standing alone it would be an article without body text; it is the headline's kicker.
    """
    for i, line in enumerate(lines):
        nxt = next_line(lines, i)
        if line.kind == BODY and not line.lead and nxt is not None and nxt.kind == HEADLINE \
                and (_KICKER.match(line.text.strip()) or _head_cut_at_comma(lines, i)) \
                and not headlines.introduces_speech(line.text):
            line.kind = HEADLINE


def _head_cut_at_comma(lines: list[Line], i: int) -> bool:
    """A short line standing alone after a finished paragraph and stopping on a comma is the
    first line of a two-line head (``某某来到某镇，调研生态涵养区，`` / ``要求…``)."""
    line, prev = lines[i], prev_line(lines, i)
    text = line.text.strip()
    return line.blank_before and (prev is None or prev.kind != BODY or ends_sentence(prev.text)) \
        and _KICKER_COMMA.match(text) is not None


def _mark_repeated_headlines(lines: list[Line]) -> None:
    """A headline line printed again right below itself, or inside the report it heads (with
    that report's text between and no other headline), is an echo of it: noise. Printed again
    past only a box (扫描二维码), the second copy is the one over the report. A head wrapped
    over two lines above its report and printed again whole on one line after it (where a
    photo's caption would stand) is an echo as well."""
    last_head: str | None = None
    body_since = False
    wrapped_heads: set[str] = set()  # heads of two or more lines printed so far, joined
    run: list[str] = []
    for k, line in enumerate(lines):
        body_since = body_since or line.kind == BODY
        if line.kind in (BODY, HEADLINE) and body_since and _stands_alone(lines, k) \
                and re.sub(r"\s", "", line.text) in wrapped_heads:
            line.kind = NOISE
        elif line.kind == HEADLINE:
            text = line.text.strip()
            right_below = k > 0 and lines[k - 1].kind == HEADLINE and lines[k - 1].text.strip() == text
            if text == last_head and (body_since or right_below):
                line.kind = NOISE
            else:
                last_head, body_since = text, False
        run = _head_run(run, line, wrapped_heads)


def _stands_alone(lines: list[Line], k: int) -> bool:
    """The line is set apart by blank lines above and below, and long enough to be a whole head."""
    line = lines[k]
    text = re.sub(r"\s", "", line.text)
    below_apart = k + 1 >= len(lines) or lines[k + 1].blank_before
    return line.blank_before and below_apart and len(text) >= 8 and not ends_sentence(text)


def _head_run(run: list[str], line: Line, wrapped_heads: set[str]) -> list[str]:
    """Extend the run of headline lines printed one under another with ``line`` (or start a new
    one), adding every joined run of two or more lines to ``wrapped_heads``."""
    if line.kind != HEADLINE:
        return []
    text = re.sub(r"\s", "", line.text)
    run = [*run, text] if run and not line.blank_before else [text]
    if 2 <= len(run) <= 4:  # a head wraps over a few lines; a longer run is a cluster of heads
        wrapped_heads.add("".join(run))
    return run[-4:]


def _mark_name_bylines(lines: list[Line]) -> None:
    """One to three names alone on the line under a headline are its writers (``张三 李四``,
    ``朱迪``), and names alone run on from a credit are the rest of it.

    Never a headline: a headline says what happened, not only who.
    """
    for k, (prev, line) in enumerate(zip(lines, lines[1:]), start=1):
        text = line.text.strip().lstrip("■□●◆ ")  # a feature's writer after a mark: ■ 顾维林
        if line.kind not in (BODY, HEADLINE):
            continue
        names = bylines.names_only(text) if prev.kind == HEADLINE else 0
        marked = text != line.text.strip()
        if 2 <= names <= 3 or (names == 1 and (marked or not line.blank_before)):
            line.kind = BYLINE
        elif prev.kind == BYLINE and not line.blank_before and 1 <= bylines.names_only(text) <= 6:
            line.kind = BYLINE  # the wrapped rest of a credit's names (…通讯员某某 / 某某 某某 某某)
        elif _writers_over_report(lines, k, text):
            line.kind = BYLINE


def _writers_over_report(lines: list[Line], k: int, text: str) -> bool:
    """Two or three names set apart between a finished report and the next one's first line
    (``…新动能。`` / ``赵六 孙七`` / ``近日，…``) are that report's writers; its head may be
    printed after it."""
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    return (lines[k].blank_before and 2 <= bylines.names_only(text) <= 3 and ends_sentence(lines[k - 1].text)
            and nxt is not None and nxt.kind == BODY and not nxt.blank_before)


_BRACKETED_SOURCE = re.compile(r"^[（(][\u4e00-\u9fff·]{2,16}[)）]$")


def _demote_credits_inside_open_brackets(lines: list[Line]) -> None:
    """A credit-like line run on from a lead whose bracket is still open (…某市电（记者 /
    某某 通讯员 某某 某 / 某）为深入贯彻…) is the lead's own text, not a byline of its own."""
    for prev, line in zip(lines, lines[1:]):
        if line.kind == BYLINE and not line.blank_before and prev.kind == BODY and headlines.leaves_open(prev.text):
            line.kind = BODY


def _mark_bracketed_credits(lines: list[Line]) -> None:
    """A bracketed name alone right under a report's last sentence is its source or writer
    (``…做到家喻户晓。`` / ``（某某市零距离）``): a credit, never the next report's headline."""
    for prev, line in zip(lines, lines[1:]):
        if line.kind in (BODY, HEADLINE) and prev.kind == BODY and not line.blank_before \
                and ends_sentence(prev.text) and _BRACKETED_SOURCE.match(line.text.strip()):
            line.kind = BYLINE


def classify(lines: list[Line], *, hard_wrapped: bool, width: float) -> None:
    """Set each line's kind, first from its own text, then from its neighbours."""
    for line in lines:
        if line.kind == BODY:
            line.kind, line.echo = _first_pass_kind(line)
    _mark_echo_tails(lines)
    captions.mark_marked_entries(lines)
    captions.mark_wrapped_captions(lines)
    captions.mark_credited_captions(lines)
    captions.mark_run_in_captions(lines)
    _mark_menus(lines)
    _mark_vertical_labels(lines)
    _mark_teasers(lines)
    _mark_masthead(lines)
    _mark_notice_text(lines)
    _mark_leads(lines, hard_wrapped)
    captions.mark_tight_captions_over_leads(lines)
    digest_heads.mark_section_labels(lines)
    _mark_kickers(lines)
    if hard_wrapped:
        captions.mark_wide_captions(lines, width)
        wrapped_headlines.demote_wrapped_fragments(lines, width)
        wrapped_headlines.promote_head_over_deck(lines)
        wrapped_headlines.promote_wrapped_headlines(lines)
        wrapped_headlines.promote_heads_closing_blocks(lines)
        wrapped_headlines.promote_heads_ending_short(lines, width)
        wrapped_headlines.promote_headlines_above_leads(lines)
        wrapped_headlines.promote_wide_heads(lines, width)
        wrapped_headlines.mark_foot_cluster(lines, width)
    wrapped_headlines.promote_long_heads_over_reports(lines)
    wrapped_headlines.demote_paragraph_fragments(lines)
    digest_heads.mark_bullet_headlines(lines)
    captions.mark_captions_by_place(lines)
    _mark_resumed_text(lines)
    _mark_repeated_headlines(lines)
    _mark_name_bylines(lines)
    _demote_credits_inside_open_brackets(lines)
    _mark_bracketed_credits(lines)
    _mark_boxed_headlines(lines)
    digest_heads.mark_digest_titles(lines)
    sub_heads.mark_column_sections(lines)
    sub_heads.mark_story_subheads(lines)
    sub_heads.mark_feature_subheads(lines)


# ---------------------------------------------------------------- paragraphs
