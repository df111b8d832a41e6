"""The read side of search: one page, exact counts, facets and charts for the site, API, exports and feeds.

The package by role (each module exports public names only):
* ``params``   what a search is asked and answers (SearchParams, SearchResult), limits, notices;
* ``plan``     a parsed query (``articles.text.query``) as terms, fields and character grams;
* ``retrieve`` the index query that matches exactly those articles, with the filters;
* ``rank``     how matches score (BM25, field weights, proximity) and the order of a page;
* ``counts``   facets and matches per month/year, over every match;
* ``index``    the Tantivy index beside PostgreSQL: schema, documents, generations on disk;
* ``sync``     the trigger-filled change log that keeps the index in step, and rebuilds.
PostgreSQL stays the record: the index only answers "which ids, how many, in what order";
what a page shows is loaded from PostgreSQL, where the session settings of ``_session`` hold.
"""
from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date

import tantivy
from django.db import OperationalError, connections, transaction
from django.db.models import QuerySet

from articles.models import Article
from articles.search import counts, index, rank, retrieve, sync
from articles.search.params import (
    MAX_PAGE, PAGE_SIZE, SORTS, STATEMENT_TIMEOUT_MS, TIMEOUT_NOTICE, FacetValue, Facets, ResultRow, SearchParams,
    SearchResult,
)
from articles.search.plan import Plan, plan
from articles.text.highlight import highlight, snippet
from articles.text.query import Query
from newsarchive.read_replicas import read_alias

__all__ = [
    "MAX_PAGE", "PAGE_SIZE", "SORTS", "TIMEOUT_NOTICE", "FacetValue", "Facets", "OperationalError", "ResultRow",
    "SearchParams", "SearchResult", "effective_sort", "export_articles", "fetch_articles", "matching_ids",
    "month_counts", "period_counts", "rows_for", "search",
]


@contextmanager
def _session() -> Iterator[None]:
    """One read transaction with the settings every search needs, set and reset here only.

    JIT compiles expensive-looking plans for 50-200 ms and searches are short; the statement
    timeout bounds any PostgreSQL work; both end with the transaction.
    """
    with transaction.atomic(using=read_alias()):
        with connections[read_alias()].cursor() as cur:
            cur.execute("SELECT set_config('statement_timeout', %s, true), set_config('jit', 'off', true)",
                        [str(STATEMENT_TIMEOUT_MS)])
        yield


def _prepare(params: SearchParams) -> tuple[tantivy.Searcher, Plan, tantivy.Query]:
    """Bring the index up to date, then plan the query and build its index query."""
    sync.catch_up()
    live = index.open_live()
    live.reload()
    searcher = live.searcher()
    search_plan = plan(params.query)
    bonus = rank.proximity_bonus(live.schema, search_plan) if effective_sort(params) == "relevance" else []
    return searcher, search_plan, retrieve.match_query(live.schema, search_plan, params, extra=bonus)


def effective_sort(params: SearchParams) -> str:
    """Relevance needs text to rank by; without it results are newest first."""
    if params.sort not in SORTS:
        return "newest"
    if params.sort == "relevance" and not any(t.field != "leader" for t in params.query.positive_terms):
        return "newest"
    return params.sort


# The page and the counts each read every match; the index releases the interpreter while it
# reads, so the counts run beside the page (a long phrase of common words: 217 -> 125 ms at
# 1,000,000 articles on two cores). Index work only: no database connection is used there.
_COUNTER = ThreadPoolExecutor(max_workers=4, thread_name_prefix="search-counts")


def search(params: SearchParams, *, with_facets: bool = True) -> SearchResult:
    """Run a search: one page of highlighted rows, the exact count, facets and months; never raises on timeouts."""
    result = SearchResult(page=params.page, notices=list(params.query.notices))
    try:
        with _session():
            searcher, _plan, query = _prepare(params)
            counting = _COUNTER.submit(counts.aggregate, searcher, query) if with_facets else None
            ids, result.count = rank.page(searcher, query, sort=effective_sort(params),
                                          offset=(params.page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
            if counting is not None:
                counted = counting.result()
                result.facets, result.months = counts.facets(counted), counts.months(counted["month"])
            articles = fetch_articles(ids)
    except OperationalError:
        result.timed_out = True
        result.notices.append(TIMEOUT_NOTICE)
        return result
    result.rows = rows_for(articles, params.query)
    return result


def month_counts(params: SearchParams) -> dict[date, int]:
    """Return {first of month: matching articles}, exact; the values add up to the result count."""
    with _session():
        searcher, _plan, query = _prepare(params)
        return counts.months(counts.aggregate(searcher, query, facets=False)["month"])


def period_counts(params: SearchParams, unit: str) -> dict[str, int]:
    """Return {"2025-04": n} (``unit="month"``) or {"2025": n} (``unit="year"``), exact."""
    with _session():
        searcher, _plan, query = _prepare(params)
        return counts.per_period(counts.aggregate(searcher, query, facets=False)["month"], unit)


def matching_ids(params: SearchParams) -> list[int]:
    """Every matching article's id, newest first (the whole result set: checks and benchmarks)."""
    with _session():
        searcher, _plan, query = _prepare(params)
        return rank.all_ids(searcher, query)


def rows_for(articles: list[Article], query: Query) -> list[ResultRow]:
    """Highlight every hit of the query's terms in each article's title and snippet."""
    needles = [t.text for t in query.positive_terms if t.field != "leader"]
    return [
        ResultRow(article=a, title=highlight(a.display_title, needles), snippet=snippet(a.body, needles))
        for a in articles
    ]


def export_articles(params: SearchParams, *, limit: int) -> list[Article]:
    """Return up to ``limit`` results in the requested order, with leaders loaded (for CSV and citations)."""
    with _session():
        searcher, _plan, query = _prepare(params)
        ids, _count = rank.page(searcher, query, sort=effective_sort(params), offset=0, limit=limit)
        by_id = _display_queryset().prefetch_related("leaders").in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def fetch_articles(ids: list[int]) -> list[Article]:
    """Load articles for display, in the order of ``ids``, with paper, district and issue."""
    by_id = _display_queryset().in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def _display_queryset() -> QuerySet[Article]:
    """Articles with what a result shows; the search columns and the issue's raw file stay in the database."""
    return (Article.objects.defer("search_vector", "search_text").select_related("paper", "district", "issue")
            .defer("issue__raw_bytes", "issue__text"))
