"""What a search is asked (SearchParams) and what it answers (SearchResult), with the limits."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings

from articles.models import Article, District, Leader, Paper
from articles.text.highlight import Segment
from articles.text.query import Query

PAGE_SIZE = 20
MAX_PAGE = getattr(settings, "NEWSARCHIVE_SEARCH_MAX_PAGE", 50)
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
STATEMENT_TIMEOUT_MS = 5000
TOP_LEADERS = 10
SORTS = ("relevance", "newest", "oldest")
_SECTION = {"title": 1, "author": 2, "body": 3}
_STATS_TTL = 600.0

TIMEOUT_NOTICE = "检索超时：结果太多或条件太复杂，请加上区县、日期等条件后重试。"
SCAN_NOTICE = f"单字或符号检索不能使用索引，只查找了最近 {SCAN_WINDOW:,} 篇文章；输入两个字以上的词可检索全部。"


@dataclass
class SearchParams:
    """Everything that selects and orders a result set (built by forms.SearchForm)."""

    query: Query = field(default_factory=Query)
    district: District | None = None
    paper: Paper | None = None
    leader: Leader | None = None
    date_from: date | None = None
    date_to: date | None = None
    date_field: str = "issue"
    sort: str = "relevance"
    page: int = 1


@dataclass(frozen=True)
class FacetValue:
    kind: str
    id: int
    label: str
    slug: str
    count: int


@dataclass
class Facets:
    districts: list[FacetValue] = field(default_factory=list)
    papers: list[FacetValue] = field(default_factory=list)
    years: list[FacetValue] = field(default_factory=list)
    leaders: list[FacetValue] = field(default_factory=list)
    partial: bool = False  # counted over some of the matches only (``basis`` of them)
    basis: int = 0


@dataclass
class ResultRow:
    """One result as shown: the article, its title and a snippet with the hits marked."""

    article: Article
    title: list[Segment]
    snippet: list[Segment]


@dataclass
class SearchResult:
    rows: list[ResultRow] = field(default_factory=list)
    count: int = 0
    count_is_estimate: bool = False
    page: int = 1
    facets: Facets = field(default_factory=Facets)
    notices: list[str] = field(default_factory=list)
    timed_out: bool = False

    @property
    def num_pages(self) -> int:
        return max(1, min(MAX_PAGE, -(-self.count // PAGE_SIZE)))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1
