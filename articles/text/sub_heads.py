"""Headlines and tags printed inside one article: a column's sections and a story's sub-headlines.

A headline line usually opens a new article. Two conventions of printed pages keep one
inside the article above instead: a column under one headline and byline divided by tags
and sub-headlines (``■ 关键词 双拥`` + a sub-headline), and a long report whose parts carry
sub-headlines while the text under them goes on naming the same officials bare.
"""
from __future__ import annotations

from articles.text import boundaries, bylines, headlines, leaders, noise
from articles.text.clean import visible_length
from articles.text.districts import district_of
from articles.text.page_lines import (
    BODY,
    BYLINE,
    HEADLINE,
    NOISE,
    Line,
    next_line,
    opens_with_news_lead,
    paragraph_start,
    prev_line,
)


def _is_section_tag(text: str) -> bool:
    """A short tag on its own line that can head a column's section (``■ 关键词 双拥``, ``■ 点评``)."""
    return noise.is_keyword_label(text) or (noise.is_section_label(text) and not noise.is_digest_label(text))


def _inside_byline_column(lines: list[Line], k: int) -> bool:
    """Is line k inside the text of a column printed under one headline and its byline?

    Walking up, the column's earlier sections (tag + sub-headline) are passed over; the walk
    must meet body text before it meets the byline, and the byline must sit under a headline.
    """
    seen_body = False
    while k >= 0:
        kind = lines[k].kind
        if kind == BYLINE:
            # A photographer's credit alone makes no column: its report runs on under one head.
            return seen_body and k > 0 and lines[k - 1].kind == HEADLINE and not bylines.is_photo_credit(lines[k].text)
        if kind == HEADLINE:
            if not (k > 0 and _is_section_tag(lines[k - 1].text)):
                return False
            k -= 1  # an earlier section's tag
        elif kind == BODY:
            seen_body = True
        elif kind != NOISE:
            return False
        k -= 1
    return False


def mark_column_sections(lines: list[Line]) -> None:
    """A tag and a sub-headline after body text, inside a bylined column, are one of its sections.

    A weekly round-up or a feature under one headline and one byline divides its text with
    ``■ 关键词 双拥`` + a sub-headline; the conventions keep such a column one article. A
    sub-headline followed by its own byline, or after a digest label (``■ 简讯``), opens a
    new article as before. The first section's tag and sub-headline, right under the
    column's byline, belong to its head block above the text (furniture, not a second title).
    """
    for i, line in enumerate(lines):
        tag, nxt = prev_line(lines, i), next_line(lines, i)
        if line.kind != HEADLINE or tag is None or not _is_section_tag(tag.text) or (nxt is not None and nxt.kind == BYLINE):
            continue
        if _inside_byline_column(lines, i - 2):
            line.kind = tag.kind = BODY
        elif i >= 3 and lines[i - 2].kind == BYLINE and lines[i - 3].kind == HEADLINE:
            # The first section's head, right under the column's byline, is part of the head
            # block above the text, not a second headline of the column.
            line.kind = tag.kind = NOISE


def mark_feature_subheads(lines: list[Line]) -> None:
    """Head lines set inside a bylined feature at its paragraphs' spacing, over text that opens
    as no report does (a scene, not a dateline or a lead), are one of the feature's
    sub-headlines (“数”说某县 / □ 王五 / … / 强力攻坚 项目建设跑出“加速度” / 隆冬的某县，…).
    A head set further apart than a paragraph opens the next article.
    """
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].kind == HEADLINE and _gap(lines, j) <= 1:
            j += 1
        if j > i and j < len(lines) and lines[j].kind == BODY and not lines[j].lead and _gap(lines, j) <= 1 \
                and (_inside_byline_column(lines, i - 1) or _same_place_goes_on(lines, i, j)) \
                and not opens_with_news_lead(lines, j) and not _opens_new_piece(lines, i, j):
            for k in range(i, j):
                lines[k].kind = BODY
        i = max(j, i + 1)


def _same_place_goes_on(lines: list[Line], i: int, j: int) -> bool:
    """Short slogan heads (某某兴县强根基 / 跑出发展加速度) inside a long story whose next
    section opens on a scene in the story's own place (清晨，某某县…): a feature's sub-headline.
    A new report's head says who did what (召开, 调研) and its text names its own place."""
    heads = [line.text.strip() for line in lines[i:j]]
    if len(heads) > 2 or any(visible_length(h) > 12 or headlines.is_factual(h) for h in heads):
        return False
    story = _story_above(lines, i)
    section = "".join(line.text.strip() for line in lines[j:j + 6])
    if len(story) < 200:
        return False
    place = district_of(story)
    return place is not None and district_of(section) == place and place.rstrip("区县市旗")[:2] in section


def _opens_new_piece(lines: list[Line], i: int, j: int) -> bool:
    """Head lines under a column flag (【一把手访谈】) or with an interview's deck (——访某某)
    head a piece of their own, not a part of the feature above."""
    flagged = i > 0 and noise.is_column_flag(lines[i - 1].text)
    return flagged or any(line.text.lstrip().startswith("——访") for line in lines[i:j])


def _gap(lines: list[Line], i: int) -> int:
    """Blank lines printed between line i and the line above it."""
    return lines[i].number - lines[i - 1].number - 1 if i > 0 else 0


def _story_above(lines: list[Line], i: int, *, limit: int = 60) -> str:
    """The body text of the story running above line i, back to its headline or byline."""
    k, out = i - 1, []
    while k >= 0 and i - k <= limit and lines[k].kind in (BODY, NOISE):
        if lines[k].kind == BODY:
            out.append(lines[k].text)
        k -= 1
    return "".join(reversed(out))


def _goes_on(paragraph: str, story: str) -> bool:
    """The paragraph continues the story: it refers back to it (会议充分肯定了…) or names,
    bare, an official the story introduced with a title (``leaders.returns_by_bare_name``)."""
    return bool(story) and (boundaries.refers_back(paragraph) or leaders.returns_by_bare_name(paragraph, story))


def mark_story_subheads(lines: list[Line]) -> None:
    """Headlines between two paragraphs of one story are its sub-headlines (a photo caption
    may stand between the story above and them)."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].kind == HEADLINE:
            j += 1
        above = i - 1
        while above >= 0 and lines[above].kind == NOISE:
            above -= 1
        if j > i and above >= 0 and lines[above].kind == BODY and j < len(lines) and lines[j].kind == BODY \
                and _goes_on(paragraph_start(lines, j, limit=60), _story_above(lines, i)):
            for k in range(i, j):
                lines[k].kind = BODY
        i = max(j, i + 1)
