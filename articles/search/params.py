"""What a search is asked (SearchParams) and what it answers (SearchResult), with the limits.

Every number a search shows is exact: the count, the facets and the month/year chart are
counted over all matches by the index (see ``articles.search``), so nothing here is an estimate.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings

from articles.models import Article, District, Leader, Paper
from articles.text.highlight import Segment
from articles.text.query import Query

PAGE_SIZE = 20
MAX_PAGE = getattr(settings, "NEWSARCHIVE_SEARCH_MAX_PAGE", 50)
STATEMENT_TIMEOUT_MS = 5000
TOP_LEADERS = 10
# Facet lists longer than this show the largest values only (their counts stay exact).
TOP_FACET_VALUES = 30
SORTS = ("relevance", "newest", "oldest")

TIMEOUT_NOTICE = "检索超时：结果太多或条件太复杂，请加上区县、日期等条件后重试。"


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
    """Exact counts over every match, largest first (years newest first)."""

    districts: list[FacetValue] = field(default_factory=list)
    papers: list[FacetValue] = field(default_factory=list)
    years: list[FacetValue] = field(default_factory=list)
    leaders: list[FacetValue] = field(default_factory=list)


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
    page: int = 1
    facets: Facets = field(default_factory=Facets)
    months: dict[date, int] = field(default_factory=dict)  # matches per month (first day), exact
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
