"""Page-level choices: how this page was exported, and which artefacts it carries.

Real files differ page by page more than article by article (one page is hard-wrapped at
14 characters in GB18030, the next has one line per paragraph with ASCII commas), so these
are drawn once per page. The probabilities are rough shares seen in the seeds and realpages.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from pagesim.wrap import WrapStyle


@dataclass(frozen=True)
class PageStyle:
    """Everything decided once for a page."""

    wrap: WrapStyle
    blank_lines: int  # blank lines between paragraphs: 0, 1 or 2
    column_breaks: bool  # hard-wrapped columns sometimes leave a blank line mid-paragraph
    wrap_heads: float  # chance that a long headline line is broken in two
    ascii_punct: bool  # the whole page keeps ASCII ,:;()?
    spaced_dates: bool
    stray_spaces: bool
    ocr: bool
    fullwidth_digits: bool
    encoding: str  # "utf-8", "utf-8 with BOM" or "gb18030"
    crlf: bool


def _wrap_style(rng: random.Random) -> WrapStyle:
    mode = rng.choices(("hard", "para", "spaced"), weights=(55, 35, 10))[0]
    if mode == "hard":
        width, jitter = rng.randint(12, 16), rng.choice((0.0, 0.0, 0.1))
        # Some pages are laid out by hand with a ragged column (14 to 18 characters a line).
        return WrapStyle("hard", width, jitter=jitter, spread=2 if rng.random() < 0.15 else 0)
    if mode == "spaced":
        return WrapStyle("spaced", rng.randint(17, 24), jitter=0.2)
    return WrapStyle("para")


def choose_style(rng: random.Random) -> PageStyle:
    """Draw a page style."""
    wrap = _wrap_style(rng)
    return PageStyle(
        wrap=wrap,
        blank_lines=rng.choices((0, 1, 2), weights=(15, 70, 15))[0],
        column_breaks=wrap.mode == "hard" and rng.random() < 0.3,
        wrap_heads=rng.choice((0.0, 0.2, 0.5)),
        ascii_punct=rng.random() < 0.12,
        spaced_dates=rng.random() < 0.12,
        stray_spaces=rng.random() < 0.15,
        ocr=rng.random() < 0.15,
        fullwidth_digits=rng.random() < 0.1,
        encoding=rng.choices(("utf-8", "utf-8 with BOM", "gb18030"), weights=(70, 13, 17))[0],
        crlf=rng.random() < 0.12,
    )
