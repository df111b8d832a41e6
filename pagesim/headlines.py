"""Headlines as printed: kicker / title / subtitle lines, wrapped or printed twice.

The corpus gives a title (and rarely a kicker or subtitle); a title with spaces is often a
two- or three-line head joined with spaces, so it is printed back on several lines. Gold
follows the annotation conventions: ``title`` is the main line, ``subtitle`` the second line
(a ``——`` subheading, or the kicker when there is no subheading); wrapped lines are joined
with nothing between them.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from pagesim.lines import NOISE, Block, Seg
from pagesim.wrap import NO_LINE_START


@dataclass
class Head:
    """A headline: its printed lines (text, role) in order, and its gold title/subtitle."""

    lines: list[tuple[str, str]]
    title: str
    subtitle: str | None = None
    flag: str | None = None  # a 【…】 column flag printed above, noise in the gold


def _split_at_space(title: str, rng: random.Random) -> tuple[str, str]:
    parts = title.split(" ")
    i = rng.randrange(1, len(parts))
    return " ".join(parts[:i]), " ".join(parts[i:])


def _dash(text: str, rng: random.Random) -> str:
    return ("——" + text) if rng.random() < 0.6 and not text.startswith(("—", "-")) else text


def _from_spaced_title(title: str, rng: random.Random) -> Head:
    """Print a space-joined corpus title as a two- or three-line head."""
    parts = [p for p in title.split(" ") if p]
    if len(parts) >= 3 and rng.random() < 0.5:
        sub = "——" + " ".join(parts[2:])
        return Head([(parts[0], "kicker"), (parts[1], "title"), (sub, "subtitle")], parts[1], sub)
    first, rest = _split_at_space(" ".join(parts), rng)
    if rng.random() < 0.5:
        sub = _dash(rest, rng)
        return Head([(first, "title"), (sub, "subtitle")], first, sub)
    return Head([(first, "kicker"), (rest, "title")], rest, first)


def plan_head(title: str | None, kicker: str | None, subtitle: str | None,
              rng: random.Random) -> Head | None:
    """Return how an article's headline is printed, or None when the corpus has no title."""
    if not title:
        return None
    if subtitle:
        sub = _dash(subtitle, rng)
        return Head([(title, "title"), (sub, "subtitle")], title, sub)
    if kicker and kicker.startswith("【"):
        return Head([(kicker, "kicker"), (title, "title")], title, None, flag=kicker)
    if kicker:
        return Head([(kicker, "kicker"), (title, "title")], title, kicker)
    if " " in title.strip() and rng.random() < 0.5:
        return _from_spaced_title(title.strip(), rng)
    return Head([(title, "title")], title)


def wrap_headline(text: str, rng: random.Random) -> list[str]:
    """Break a long headline line in two at a point in its middle third (not before ，。)."""
    lo, hi = max(4, len(text) // 3), max(5, 2 * len(text) // 3)
    cut = rng.randint(lo, hi)
    while cut < len(text) and text[cut] in NO_LINE_START:
        cut += 1
    if cut >= len(text) - 1:
        return [text]
    return [text[:cut], text[cut:]]


def head_blocks(head: Head, *, article: int | None, wrap: bool, doubled: bool,
                echo_group: int | None, rng: random.Random) -> list[Block]:
    """Return the head's lines as blocks.

    doubled prints each line twice on itself (``标题标题``); echo_group marks the whole
    head as one noise item (an echo, or a QR box headline) and its lines as ``echo``.
    """
    blocks = []
    for text, role in head.lines:
        pieces = wrap_headline(text, rng) if wrap and len(text) > 12 else [text]
        for piece in pieces:
            printed = piece + piece if doubled else piece
            if echo_group is not None:
                blocks.append(Block([Seg(printed, NOISE, echo_group)], "echo", article, wrap=False))
            elif role == "kicker" and head.flag:
                blocks.append(Block([Seg(printed, NOISE, None)], role, article, wrap=False))
            else:
                blocks.append(Block([Seg(printed)], role, article, wrap=False))
    return blocks
