"""Headline lines as printed: the groups they stand in and how a head wraps over lines.

A group is the run of headline lines between two articles (or at the foot of the page). In
narrow columns one headline wraps over several lines; ``HeadlineGroup.joins`` tells a wrapped
continuation from the next headline, and ``cut_cost`` prices splitting there, for the solver
in ``headline_assignment`` that matches the group's heads to articles.
Pure Python: no Django imports.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cached_property

from articles.text.clean import visible_length
from articles.text.headlines import SPEECH_KICKER, cannot_end_headline, clean_headline, leaves_open, splits_word

MAX_LINES = 6
# The last line of a wrapped headline at most this share of the line above it ends the
# headline: the line after it is a new one.
SHORT_TAIL = 0.5
WRAP_CUT_PENALTY = 0.5
WIDE_CUT_SHARE = 0.4
SHORT_OF_COLUMN = 0.7  # a head line this much shorter than the column was not wrapped by it


@dataclass
class HeadlineLine:
    """One printed headline line (an echo line carries the single copy in ``echo``)."""

    text: str
    echo: str | None = None
    blank_before: bool = True
    indent: bool = False

    @cached_property
    def value(self) -> str:
        """The headline text this line contributes (computed once: the solver reads it often)."""
        return self.echo if self.echo is not None else clean_headline(self.text)


@dataclass
class HeadlineGroup:
    """Headline lines separated only by blank lines, and the articles they touch."""

    lines: list[HeadlineLine]
    before: int | None = None  # the article starting right after the group
    after: int | None = None  # the open article ending right before the group
    wrapped: bool = True  # narrow columns: a line may be the wrapped rest of the line above
    # Index of the article that would follow the group in print order (for an end cluster,
    # the number of articles above it); None means the end of the page.
    at: int | None = None
    # The body's column width on a hard-wrapped page: headline lines set wider than it are
    # not wrapped at the column, so a cut between two of them costs less.
    column: float | None = None

    def cut_cost(self, i: int) -> float:
        """What cutting between line i-1 and its wrapped continuation i costs the solver.

        Less between two lines set wider than the column, and less under a line that stops
        well short of it: the column did not wrap that line, it ended there.
        """
        if self.column is not None and (
            all(visible_length(self.lines[k].text) > self.column + 2 for k in (i - 1, i))
            or visible_length(self.lines[i - 1].text) < SHORT_OF_COLUMN * self.column
        ):
            return WRAP_CUT_PENALTY * WIDE_CUT_SHARE
        return WRAP_CUT_PENALTY

    def _wraps(self, i: int) -> bool:
        line, prev = self.lines[i], self.lines[i - 1]
        return not line.blank_before and not line.indent and (line.echo is None) == (prev.echo is None)

    def _cut_across_blank(self, i: int) -> bool:
        """A headline set on two lines with a blank between still reads as one when the first
        line cannot stand alone: it opens a quote it does not close, stops on a word no
        headline ends on, or cuts a word in two (``…协调组辽宁`` / ``省工作…``)."""
        line, prev = self.lines[i], self.lines[i - 1]
        if (line.echo is None) != (prev.echo is None):
            return False
        return leaves_open(prev.value) or cannot_end_headline(prev.value) or splits_word(prev.value, line.value)

    def joins(self, i: int) -> bool:
        """Return True if line i is the wrapped continuation of line i-1 (same headline part).

        Only with no blank line or indent between; an echo line never continues a plain
        one. On a page whose body is not hard-wrapped, two headline lines are one headline
        only when a word runs across them (``…社长赵`` / ``东辉在某县调研``) or the first
        stops where no headline can (``…人大代表来`` / ``我区开展视察``): otherwise they are
        title and subtitle. When line i-1 is the short last line of a wrapped headline
        (``…推动产业转型`` / ``升级``), that headline is complete: line i starts the next
        one (a subtitle such as ``张三到某镇调研``).
        """
        if i <= 0:
            return False
        if not self._wraps(i):
            return self._cut_across_blank(i)
        if SPEECH_KICKER.search(self.lines[i].value) or SPEECH_KICKER.search(self.lines[i - 1].value):
            # 某某在某地调研时强调: the kicker that opens a three-line head is printed above its
            # title, whole on its line: it never continues the line above, nor runs on below.
            return False
        if not self.wrapped:
            prev = self.lines[i - 1].value
            return splits_word(prev, self.lines[i].value) or cannot_end_headline(prev)
        if i >= 2 and self._wraps(i - 1):
            tail = visible_length(self.lines[i - 1].text)
            if tail <= SHORT_TAIL * visible_length(self.lines[i - 2].text):
                return False
        return True

    def parts(self, start: int, end: int) -> list[str]:
        """Return the headline parts (title, subtitle, ...) printed on lines start..end."""
        out: list[str] = []
        for i in range(start, end):
            value = self.lines[i].value
            if out and i > start and self.joins(i):
                out[-1] += value
            else:
                out.append(value)
        return out


def split_large(group: HeadlineGroup) -> list[HeadlineGroup]:
    """Cut a long headline cluster into pieces small enough to search exhaustively.

    Only the first piece can belong to the article above, only the last one to the
    article below.
    """
    n = len(group.lines)
    if n <= MAX_LINES:
        return [group]
    out = []
    for index, first in enumerate(range(0, n, MAX_LINES)):
        lines = list(group.lines[first : first + MAX_LINES])
        lines[0] = HeadlineLine(lines[0].text, lines[0].echo, True, lines[0].indent)
        last_piece = first + MAX_LINES >= n
        out.append(HeadlineGroup(
            lines,
            before=group.before if last_piece else None,
            after=group.after if index == 0 else None,
            wrapped=group.wrapped,
            at=group.at,
            column=group.column,
        ))
    return out


def partitions(k: int) -> list[list[tuple[int, int]]]:
    """Return every split of k lines into contiguous runs, as (start, end) pairs."""
    out = []
    for cuts in itertools.product((False, True), repeat=max(k - 1, 0)):
        runs, start = [], 0
        for i, cut in enumerate(cuts, start=1):
            if cut:
                runs.append((start, i))
                start = i
        runs.append((start, k))
        out.append(runs)
    return out
