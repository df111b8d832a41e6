"""The heads of a digest's items and the furniture around them.

A digest (简讯, 县区快讯) prints a label or heading over its items and a short head on each
item's own dateline or lead; those heads are headlines, the label and heading are furniture.
Pure Python: no Django imports.
"""
from __future__ import annotations

import re

from articles.text import headlines, noise
from articles.text.clean import BULLETS
from articles.text.page_lines import BODY, DATELINE, HEADLINE, HEADLINE_KINDS, NOISE, Line, next_line, prev_line


def mark_section_labels(lines: list[Line]) -> None:
    """A standalone ``■ 要闻速递`` label above a new lead or a headline is page furniture.

    So is a ``关键词：发展`` tag above a headline.

    Above body text that continues the article it stays a section head of that article.
    """
    for i, line in enumerate(lines):
        nxt = next_line(lines, i)
        if line.kind == BODY and noise.is_section_label(line.text) and nxt is not None \
                and nxt.blank_before and (nxt.lead or nxt.kind in HEADLINE_KINDS):
            line.kind = NOISE
        elif noise.is_keyword_label(line.text) and nxt is not None and nxt.kind in HEADLINE_KINDS:
            line.kind = NOISE


# A digest item's headline after its bullet: ``■ 市政协来我区开展专题调研`` (no sentence
# punctuation), also with its place before a colon (``■围场：“民心路”修进百姓心坎里``).
_BULLET_HEAD = re.compile(rf"^[{BULLETS}]\s*(?P<head>[^，,。；;！？!?、]{{4,30}})(?<![：:])$")


def mark_bullet_headlines(lines: list[Line]) -> None:
    """A bullet line with no punctuation, right on a line that opens a report, is that item's head
    (``_item_below``).

    Within one column a ■ sub-head runs on into its section's text; a digest item's head
    sits on its own report's dateline or dispatch lead (``近日，…``, ``7月26日，…``,
    ``央广网某地5月26日消息（…``), which follows the head without a paragraph break.
    """
    for i, line in enumerate(lines):
        nxt = next_line(lines, i)
        match = _BULLET_HEAD.match(line.text.strip())
        if line.kind == BODY and match and not _opens_report(match.group("head")) and nxt is not None \
                and nxt.kind == BODY and _item_below(line, nxt):
            line.kind = HEADLINE
            prev = prev_line(lines, i)
            if prev is not None and line.blank_before and (
                    noise.is_section_label(prev.text) or noise.is_digest_title(prev.text, line.text)):
                prev.kind = NOISE  # the digest's label (县区快讯) above its first item


def _item_below(head: Line, nxt: Line) -> bool:
    """The line under a bullet head opens its item: a dispatch lead or a dateline right under
    it, or, under a ● (the digest's own mark, never a column's sub-head), any paragraph set
    apart by a blank line."""
    if not nxt.blank_before:
        return nxt.lead or _opens_report(nxt.text.strip())
    return head.text.strip()[:1] == "●" and not headlines.looks_like_headline(nxt.text)


def _opens_report(text: str) -> bool:
    """The text opens with a dateline, a year (2024年，…) or any outlet's dispatch lead."""
    return bool(DATELINE.match(text) or _YEAR_OPENING.match(text)) or headlines.starts_outlet_lead(text)


_YEAR_OPENING = re.compile(r"^[0-9０-９]{4}\s*年\s*(?:以来|上半年|前三季度)?[，,]")


def mark_digest_titles(lines: list[Line]) -> None:
    """A digest's heading above its first bullet or dated item is noise (``noise.is_digest_title``)."""
    i = 0
    while i < len(lines):
        if lines[i].kind != HEADLINE:
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].kind == HEADLINE:
            j += 1
        k = j
        while k < len(lines) and lines[k].kind == NOISE:
            k += 1  # past a dateline or a month heading printed under it
        below = lines[k] if k < len(lines) else None
        heading = " ".join(line.text for line in lines[i:j])
        if below is not None and below.kind == BODY and noise.is_digest_title(heading, below.text):
            # A section name over the first item's own headline (区县动态 / 区政府常务会议召开):
            # only the section name is furniture.
            rest = " ".join(line.text for line in lines[i + 1:j])
            alone = j - i > 1 and noise.is_digest_title(lines[i].text, below.text) \
                and not noise.is_digest_title(rest, below.text)
            for line in lines[i:i + 1] if alone else lines[i:j]:
                line.kind = NOISE
        i = j
