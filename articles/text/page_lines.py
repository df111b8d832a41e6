"""The lines of a page and the kinds a line can have.

A page is read as its non-blank lines, each with the layout facts around it (a blank line
above, an indent); every later stage works on these ``Line`` objects and their ``kind``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from articles.text import noise
from articles.text.clean import BULLETS, ends_sentence, ends_with_credit, remove_spurious_spaces

BODY = "body"
HEADLINE = "headline"
ECHO = "echo"
BYLINE = "byline"
TO_MARK = "continued_to"
FROM_MARK = "continued_from"
NOISE = "noise"
HEADLINE_KINDS = (HEADLINE, ECHO)
# A day whose 月 the source dropped (929日下午): the digits still read as a month and a day.
MONTH_DROPPED_DAY = r"(?:[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])日(?:[上中下]午|早上|晚上|晚)?"
# A dateline opening a news lead: "5月6日，" "5月6日上午，" "2024年5月6日至8日，" "近日，" "今天下午，".
DATELINE = re.compile(
    r"^(?:[\[［【][\u4e00-\u9fff]{2,12}[\]］】]\s*)?"  # an outlet's tag before it: [某某新媒体] 近日，
    r"(?:(?:[0-9０-９]{4}\s*年\s*)?[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*"
    r"(?:日|(?=\s*(?:[至到~～-]|—{1,2})))"  # a range may leave out the first 日: 5月17——18日
    r"(?:\s*(?:[至到~～-]|—{1,2})\s*(?:[0-9０-９]{1,2}\s*月\s*)?[0-9０-９]{1,2}\s*日)?"
    r"(?:[上中下]午|早上|晚上|晚间|凌晨|傍晚|晚|起)?"
    r"|近日|日前|近期|连日来|前不久|(?:今天|今日|昨天|昨日)(?:[（(][^（）()]{3,12}[)）])?(?:[上中下]午|晚上)?"
    # the source dropped 月 (929日下午，…): the digits still read as a month and a day
    rf"|{MONTH_DROPPED_DAY})\s*[，,]"
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
    wide_gap: bool = False  # two or more blank lines stand above it


def split_lines(text: str) -> list[Line]:
    """Return the non-blank lines, splitting continuation markers into lines of their own.

    A ``（下转第`` / ``2版）`` marker cut by a hard wrap is joined back first.
    """
    out: list[Line] = []
    blank, blanks = True, 0
    raws = _join_bare_bullets(text.split("\n"))
    skip = False
    for k, raw in enumerate(raws):
        if skip:
            skip = False
            continue
        stripped = raw.strip()
        if raw == BULLET_JOINED:
            continue
        if not stripped:
            blank, blanks = True, blanks + 1
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
            out.append(Line(rest, blank, indent, number=k, wide_gap=blanks >= 2 and bool(out)))
        if to_marker:
            out.append(Line(to_marker, False, False, TO_MARK, number=k))
        blank, blanks = False, 0
    return out


BULLET_JOINED = "\x00"  # left where a bare bullet line was moved onto the line below (not a blank line)
_BARE_BULLET = re.compile(rf"^\s*[{BULLETS}]{{1,2}}\s*$")


def _join_bare_bullets(raws: list[str]) -> list[str]:
    """Put a bullet printed on a line of its own (``■`` / ``8日，…``) in front of the item it marks,
    as the item's first line, so a digest's entries open with their bullet as usual."""
    out = list(raws)
    for k in range(len(out) - 1):
        if _BARE_BULLET.match(out[k]) and out[k + 1].strip():
            indent = out[k][: len(out[k]) - len(out[k].lstrip())]
            out[k + 1] = indent + out[k].strip() + out[k + 1].lstrip()
            out[k] = BULLET_JOINED
    return out


def prev_line(lines: list[Line], i: int) -> Line | None:
    """The line above line i, or None at the top of the page."""
    return lines[i - 1] if i > 0 else None


def next_line(lines: list[Line], i: int) -> Line | None:
    """The line below line i, or None at the foot of the page."""
    return lines[i + 1] if i + 1 < len(lines) else None


def ends_finished(lines: list[Line], k: int) -> bool:
    """The line closes a sentence, or a report's bracketed credit wrapped over two lines
    (``…新局面。（某县新闻办 张某`` / ``图/文）``), even one left open."""
    if ends_sentence(lines[k].text):
        return True
    text, j = lines[k].text, k
    while j > 0 and j > k - 3 and not lines[j].blank_before:  # the credit and the sentence it follows
        j -= 1
        text = lines[j].text + text
    if ends_with_credit(text):
        return True
    # …and one whose closing bracket the source dropped, the paragraph ending there:
    # ``…攻坚战。（某某局某某分局`` / ``张三`` / blank.
    closed_by_blank = k + 1 >= len(lines) or lines[k + 1].blank_before
    return closed_by_blank and bool(_OPEN_CREDIT.search(text))


_OPEN_CREDIT = re.compile(r"[。！？!?]\s*[（(][\u4e00-\u9fff\s]{4,30}$")


def paragraph_start(lines: list[Line], i: int, *, limit: int = 80) -> str:
    """Return the text of the paragraph starting at line i, up to ``limit`` characters."""
    text = lines[i].text
    j = i + 1
    while j < len(lines) and len(text) < limit and lines[j].kind == BODY and not lines[j].blank_before:
        if ends_sentence(lines[j - 1].text):
            break
        text += lines[j].text
        j += 1
    return remove_spurious_spaces(text.strip())


def opens_with_news_lead(lines: list[Line], i: int) -> bool:
    """Return True if the paragraph at line i is a news lead (agency lead or dateline)."""
    if lines[i].lead:
        return True
    return bool(DATELINE.match(paragraph_start(lines, i)))

