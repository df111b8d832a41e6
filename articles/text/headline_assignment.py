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

from articles.text.headline_groups import HeadlineGroup, HeadlineLine, partitions, split_large
from articles.text.headlines import split_title, tokens

# Score weights for the assignment (see ``assign_headlines``).
BEFORE_BONUS = 0.8
AFTER_BONUS = 0.4
MIN_SCORE = 0.3


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


# A group's best split: its total score, and each unit's line run, article (or None) and score.
Solution = tuple[float, list[tuple[tuple[int, int], int | None, float]]]

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


# A unit's line with less similarity than STRAY_OWN to its article and STRAY_ELSEWHERE or more
# to another heads that other article.
# A several-line unit said word for word in its article's lead is one head: the cut it would
# take to split it must cost more than what the parts could win elsewhere.
VERBATIM_BONUS = 0.5
VERBATIM_LEAST = 8
STRAY_OWN = 0.1
STRAY_ELSEWHERE = 0.4


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
    """The lines of a unit, joined, are said word for word in the article's lead (某某督导检查城乡 /
    环境整治工作 over ``县委书记某某督导检查城乡环境整治工作。``): one head, wrapped."""
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
) -> Solution:
    """Return the best split of a group into units and an article (or None) per unit.

    Cutting between a line and its wrapped continuation costs ``group.cut_cost`` (less between
    two lines set wider than the column).
    """
    n = len(group.lines)
    best: tuple[float, list] = (float("-inf"), [])
    for runs in partitions(n):
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
) -> list[Solution]:
    """Solve every group, then settle articles claimed by two groups.

    The stronger claim wins and the weaker group is solved again without that article;
    only groups whose allowed articles changed are solved again, so the work stays
    proportional to the number of groups.
    """
    forbidden: list[set[int]] = [set() for _ in groups]
    solutions = [_solve_group(scorer, g, set(scorer.window)) for scorer, g in zip(scorers, groups)]
    for _ in range(SETTLE_ROUNDS):
        losers = _weaker_claims(solutions)
        if not losers:
            return solutions
        for gi, art in losers:
            forbidden[gi].add(art)
        for gi in {gi for gi, _ in losers}:
            solutions[gi] = _solve_group(scorers[gi], groups[gi], set(scorers[gi].window) - forbidden[gi])
    # Claims still contested after that many rounds (a long page repeating the same stories)
    # go to the stronger group; the weaker keeps its other units and leaves that one unused.
    for gi, art in _weaker_claims(solutions):
        total, units = solutions[gi]
        solutions[gi] = (total, [(run, None if a == art else a, score) for run, a, score in units])
    return solutions


# Rounds of re-solving groups that lost a contested article: each round settles the strongest
# claims, and a chain of claims passed from group to group must not make parsing quadratic.
SETTLE_ROUNDS = 8


def _weaker_claims(solutions: list[Solution]) -> list[tuple[int, int]]:
    """(group, article) for every claim on an article that a stronger group also claims."""
    claims: dict[int, list[tuple[float, int]]] = {}
    for gi, (_, units) in enumerate(solutions):
        for _, art, score in units:
            if art is not None:
                claims.setdefault(art, []).append((score, gi))
    losers = []
    for art, claimants in claims.items():
        if len(claimants) > 1:
            claimants.sort(reverse=True)
            losers.extend((gi, art) for _, gi in claimants[1:])
    return losers


def assign_headlines(
    groups: list[HeadlineGroup], bodies: list[str], leads: list[str]
) -> tuple[dict[int, Assignment], list[str]]:
    """Give each article at most one headline unit; return assignments and unused lines.

    Every group is split into units and matched on its own against the articles printed
    near it; when two groups claim the same article the stronger claim wins.
    """
    groups = [piece for group in groups for piece in split_large(group)]
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
