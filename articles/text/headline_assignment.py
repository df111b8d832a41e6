"""Give each article its headline.

Headlines may stand before their article, after it, or in a cluster elsewhere on the page,
so the assignment weighs position (directly before/after an article) against content
(jieba tokens of the headline found in the body, weighted by how rare they are among the
page's articles). Each article gets at most one headline unit (title plus optional
subtitle).
"""
from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from functools import cached_property

from articles.text.clean import visible_length
from articles.text.headlines import (
    SPEECH_KICKER,
    cannot_end_headline,
    clean_headline,
    leaves_open,
    split_title,
    splits_word,
    tokens,
)

# Score weights for the assignment (see ``assign_headlines``).
BEFORE_BONUS = 0.8
AFTER_BONUS = 0.4
MIN_SCORE = 0.3


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


@dataclass
class Assignment:
    """The headline found for one article."""

    title: str
    subtitle: str | None
    location: str  # "before", "after" or "end_block"
    lines: list[HeadlineLine] = field(default_factory=list)


class _Scorer:
    """Content similarity between headline text and a window of the page's article bodies.

    Only the articles near a headline group are compared (``WINDOW``): a cluster is
    printed on the page of the articles it heads, and comparing each group with every
    body of a very long upload would make parsing quadratic in its size.
    """

    def __init__(self, bodies: list[str], leads: list[str], window: range) -> None:
        self.window = window
        self.bodies = [re.sub(r"\s", "", bodies[i]) for i in window]
        self.leads = [re.sub(r"\s", "", leads[i]) for i in window]
        self.cache: dict[str, dict[int, float]] = {}

    def lead_of(self, art: int) -> str:
        """The lead of article ``art`` (an index of the page), whitespace removed."""
        return self.leads[art - self.window.start] if art in self.window else ""

    def similarities(self, text: str) -> dict[int, float]:
        """Return, per article of the window, the idf-weighted share of the text's tokens found in it."""
        if text in self.cache:
            return self.cache[text]
        n = len(self.bodies)
        sims = [0.0] * n
        total = 0.0
        for token in tokens(text):
            hits = [token in body for body in self.bodies]
            df = sum(hits)
            weight = math.log((n + 1) / (df + 0.5)) * len(token)
            total += weight * 1.5
            for i, hit in enumerate(hits):
                if hit:
                    sims[i] += weight * (1.5 if token in self.leads[i] else 1.0)
        if total:
            sims = [s / total for s in sims]
        result = dict(zip(self.window, sims))
        self.cache[text] = result
        return result


# Articles on either side of a headline group that it may head.
WINDOW = 16


def _window(group: HeadlineGroup, count: int) -> range:
    """Return the indexes of the articles a group may belong to: those printed near it."""
    if group.before is not None:
        anchor = group.before
    elif group.after is not None:
        anchor = group.after + 1
    else:
        anchor = count if group.at is None else group.at
    return range(max(0, anchor - WINDOW), min(count, anchor + WINDOW))


MAX_LINES = 6
# The last line of a wrapped headline at most this share of the line above it ends the
# headline: the line after it is a new one.
SHORT_TAIL = 0.5
WRAP_CUT_PENALTY = 0.5
WIDE_CUT_SHARE = 0.4
SHORT_OF_COLUMN = 0.7  # a head line this much shorter than the column was not wrapped by it
# A unit's line with less similarity than STRAY_OWN to its article and STRAY_ELSEWHERE or more
# to another heads that other article.
# A several-line unit said word for word in its article's lead is one head: the cut it would
# take to split it must cost more than what the parts could win elsewhere.
VERBATIM_BONUS = 0.5
VERBATIM_LEAST = 8
STRAY_OWN = 0.1
STRAY_ELSEWHERE = 0.4


def _split_large(group: HeadlineGroup) -> list[HeadlineGroup]:
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


def _partitions(k: int) -> list[list[tuple[int, int]]]:
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


# Content share a headline must have with the article above it before the article below
# loses its head start: a headline sharing no word with the article below it and naming
# the article above it (某某村：… under a story about 某某村) was printed after its body.
AFTER_EVIDENCE = 0.25


def _unit_sim(scorer: _Scorer, group: HeadlineGroup, start: int, end: int, art: int) -> float:
    return sum(scorer.similarities(line.value).get(art, 0.0) for line in group.lines[start:end])


def _heads_another(scorer: _Scorer, group: HeadlineGroup, start: int, end: int, art: int) -> bool:
    """A line of a several-line unit that says nothing of ``art`` but plainly names another
    article is that article's headline, not this one's kicker or deck."""
    if end - start < 2:
        return False
    for line in group.lines[start:end]:
        sims = scorer.similarities(line.value)
        if sims.get(art, 0.0) < STRAY_OWN and any(v >= STRAY_ELSEWHERE for a, v in sims.items() if a != art):
            return True
    return False


def _said_in_lead(scorer: _Scorer, group: HeadlineGroup, start: int, end: int, art: int) -> bool:
    """The lines of a unit, joined, are said word for word in the article's lead (冯某督导检查城乡 /
    环境综合整治工作 over ``县委书记冯某督导检查城乡环境综合整治工作。``): one head, wrapped."""
    joined = re.sub(r"\s", "", "".join(line.value for line in group.lines[start:end]))
    return len(joined) >= VERBATIM_LEAST and joined in scorer.lead_of(art)


def _unit_score(scorer: _Scorer, group: HeadlineGroup, start: int, end: int, art: int) -> float:
    if _heads_another(scorer, group, start, end, art):
        return -1.0
    score = _unit_sim(scorer, group, start, end, art)
    if end - start > 1 and _said_in_lead(scorer, group, start, end, art):
        score += VERBATIM_BONUS
    if group.before == art:
        above = group.after
        if score == 0 and above is not None and start == 0 \
                and _unit_sim(scorer, group, start, end, above) >= AFTER_EVIDENCE:
            score += AFTER_BONUS
        else:
            score += BEFORE_BONUS
    elif group.after == art:
        score += AFTER_BONUS
    return score - MIN_SCORE


def _solve_group(
    scorer: _Scorer, group: HeadlineGroup, allowed: set[int]
) -> tuple[float, list[tuple[tuple[int, int], int | None, float]]]:
    """Return the best split of a group into units and an article (or None) per unit.

    Cutting between a line and its wrapped continuation costs ``group.cut_cost`` (less between
    two lines set wider than the column).
    """
    n = len(group.lines)
    best: tuple[float, list] = (float("-inf"), [])
    for runs in _partitions(n):
        penalty = sum(group.cut_cost(start) for start, _ in runs[1:] if group.joins(start))
        options = []
        for start, end in runs:
            scored = sorted(((_unit_score(scorer, group, start, end, a), a) for a in allowed), reverse=True)[:2]
            options.append([(s, a) for s, a in scored if s > 0] + [(0.0, None)])
        for combo in itertools.product(*options):
            arts = [a for _, a in combo if a is not None]
            if len(arts) != len(set(arts)):
                continue
            total = sum(s for s, _ in combo) - penalty
            if total > best[0] + 1e-9:
                best = (total, [(run, a, s) for run, (s, a) in zip(runs, combo)])
    return best


def _location(group: HeadlineGroup, start: int, end: int, art: int) -> str:
    """Where the unit on lines start..end was printed relative to article ``art``.

    ``before``/``after`` only when the unit touches the article: a headline taken from
    the middle of a cluster that merely follows (or precedes) its article was matched
    by content, like any headline of an end-of-page cluster.
    """
    if group.before == art and end == len(group.lines):
        return "before"
    if group.after == art and start == 0:
        return "after"
    return "end_block"


def _solve_all(
    scorers: list[_Scorer], groups: list[HeadlineGroup]
) -> list[tuple[float, list[tuple[tuple[int, int], int | None, float]]]]:
    """Solve every group, then settle articles claimed by two groups.

    The stronger claim wins and the weaker group is solved again without that article;
    only groups whose allowed articles changed are solved again, so the work stays
    proportional to the number of groups.
    """
    forbidden: list[set[int]] = [set() for _ in groups]
    solutions = [_solve_group(scorer, g, set(scorer.window)) for scorer, g in zip(scorers, groups)]
    while True:
        claims: dict[int, list[tuple[float, int]]] = {}
        for gi, (_, units) in enumerate(solutions):
            for _, art, score in units:
                if art is not None:
                    claims.setdefault(art, []).append((score, gi))
        changed: set[int] = set()
        for art, claimants in claims.items():
            if len(claimants) > 1:
                claimants.sort(reverse=True)
                for _, gi in claimants[1:]:
                    forbidden[gi].add(art)
                    changed.add(gi)
        if not changed:
            return solutions
        for gi in changed:
            solutions[gi] = _solve_group(scorers[gi], groups[gi], set(scorers[gi].window) - forbidden[gi])


def assign_headlines(
    groups: list[HeadlineGroup], bodies: list[str], leads: list[str]
) -> tuple[dict[int, Assignment], list[str]]:
    """Give each article at most one headline unit; return assignments and unused lines.

    Every group is split into units and matched on its own against the articles printed
    near it; when two groups claim the same article the stronger claim wins.
    """
    groups = [piece for group in groups for piece in _split_large(group)]
    scorers: dict[range, _Scorer] = {}
    group_scorers = []
    for group in groups:
        window = _window(group, len(bodies))
        if window not in scorers:
            scorers[window] = _Scorer(bodies, leads, window)
        group_scorers.append(scorers[window])
    solutions = _solve_all(group_scorers, groups)
    assignments: dict[int, Assignment] = {}
    unused: list[str] = []
    for group, scorer, (_, units) in zip(groups, group_scorers, solutions):
        for (start, end), art, _ in units:
            lines = group.lines[start:end]
            if art is None:
                unused.extend(line.text.strip() for line in lines)
                continue
            parts = group.parts(start, end)
            if _said_in_lead(scorer, group, start, end, art):
                parts = ["".join(parts)]  # one head, as its lead says it
            title, subtitle = split_title(parts)
            location = _location(group, start, end, art)
            assignments[art] = Assignment(title, subtitle, location, lines)
    return assignments, unused
