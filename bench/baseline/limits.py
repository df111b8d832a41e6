"""The limits of the PostgreSQL-only search the index replaced (kept to measure it beside the index)."""
from __future__ import annotations

from dataclasses import dataclass, field


# The bitmap path collects at most this many candidates; above it the count is an estimate.
COUNT_CAP = 10000
# Facets count at most this many matches (the page says so when there are more).
FACET_ROWS = 5000
# Top leaders are counted over the first this-many of those (a join per article).
LEADER_FACET_ROWS = 2000
# Candidates of terms longer than a bigram are all checked exactly (an exact count) up to this many.
EXACT_COUNT_LIMIT = 1000
# A query whose estimated share of articles is at least this walks the date index instead.
COMMON_SHARE = 0.03
# The walk path reads at most this many rows newest first, and keeps at most WALK_MATCHES matches.
WALK_ROWS = 2000
WALK_MATCHES = 100
# A query with nothing the index can use (one character, only symbols) scans this many newest articles.
SCAN_WINDOW = 5000
TOP_LEADERS = 10
SECTION = {"title": 1, "author": 2, "body": 3}
STATS_TTL = 600.0


@dataclass
class Facets:
    """Facet counts as the baseline made them: over at most FACET_ROWS matches (``partial`` then)."""

    districts: list = field(default_factory=list)
    papers: list = field(default_factory=list)
    years: list = field(default_factory=list)
    leaders: list = field(default_factory=list)
    partial: bool = False
    basis: int = 0


@dataclass
class Result:
    """One baseline search: the page's ids, the count (maybe an estimate) and the facets."""

    ids: list[int]
    count: int
    count_is_estimate: bool
    facets: Facets
