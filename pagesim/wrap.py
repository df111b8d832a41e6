"""Break paragraphs into printed lines the way the print workflow exports columns.

Three export styles are seen on real pages: hard column wraps every 12–16 characters
(names and numbers split across lines), one line per paragraph, and one line per paragraph
with a space left where each column wrap used to be (seed 004).
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from pagesim.lines import Block, Line, Seg

# A column never starts a line with closing punctuation: it is pulled up to the line above.
NO_LINE_START = set("，。、；：？！）》”’,.;:?!)")


@dataclass(frozen=True)
class WrapStyle:
    """How a page exports its text: "hard" (column width), "para" or "spaced" lines."""

    mode: str
    width: int = 14
    jitter: float = 0.0  # chance that one line is a character longer or shorter
    spread: int = 0  # a ragged column: every line's width drawn from width ± spread


def _cut_points(text: str, style: WrapStyle, rng: random.Random) -> list[int]:
    """Return offsets where the text is broken (hard mode) or a space is inserted (spaced)."""
    cuts, pos = [], 0
    while True:
        width = style.width
        if style.jitter and rng.random() < style.jitter:
            width += rng.choice((-1, 1))
        if style.spread:
            width += rng.randint(-style.spread, style.spread)
        pos += width
        while pos < len(text) and text[pos] in NO_LINE_START:
            pos += 1
        if pos >= len(text):
            return cuts
        cuts.append(pos)


def _slice_segs(segs: list[Seg], start: int, end: int) -> list[Seg]:
    """Return the parts of segs covering characters start..end of their joined text."""
    out, pos = [], 0
    for s in segs:
        a, b = max(start, pos), min(end, pos + len(s.text))
        if a < b:
            out.append(Seg(s.text[a - pos:b - pos], s.kind, s.group))
        pos += len(s.text)
    return out


def _insert_spaces(segs: list[Seg], cuts: list[int]) -> list[Seg]:
    """Insert a space at each cut, inside the segment that holds it (seed 004's old wraps)."""
    out, pos = [], 0
    cut_set = set(cuts)
    for s in segs:
        chars = []
        for i, ch in enumerate(s.text):
            if pos + i in cut_set and i > 0 and ch != " " and s.text[i - 1] != " ":
                chars.append(" ")
            chars.append(ch)
        out.append(Seg("".join(chars), s.kind, s.group))
        pos += len(s.text)
    return out


def wrap_block(block: Block, style: WrapStyle, rng: random.Random) -> list[Line]:
    """Return the printed lines of one block under the page's wrap style."""
    text = "".join(s.text for s in block.segs)
    if not block.wrap or style.mode == "para":
        pieces = [block.segs]
    elif style.mode == "spaced":
        pieces = [_insert_spaces(block.segs, _cut_points(text, style, rng))]
    else:
        bounds = [0, *_cut_points(text, style, rng), len(text)]
        pieces = [_slice_segs(block.segs, a, b) for a, b in zip(bounds, bounds[1:])]
    lines = [Line(p, block.role, block.article) for p in pieces]
    if lines and block.first_role:
        lines[0].role = block.first_role
    return lines
