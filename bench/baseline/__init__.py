"""The read side of search: querysets for the search page, the API, exports and feeds.

Design (measured with bench/search.py at 1M articles):
* candidates: ``search_vector`` holds the CJK bigrams of ``search_text``; the index condition
  is the AND of *every* bigram of each term (OR inside a group). GIN answers a plain AND of
  lexemes without reading any row's text, so candidates cost no detoasting. For two-character
  terms (the bigram is the term) the candidates are exact.
* precision: longer terms, fields and exclusions are checked exactly (``strpos`` on the folded
  ``search_text``) only on the rows that are shown (a few extra are fetched to fill the page),
  and on every candidate when there are at most ``EXACT_COUNT_LIMIT`` of them (exact count).
* rare terms (the bitmap path): one bitmap scan collects at most ``COUNT_CAP`` + 1 candidates
  with their cheap heap columns (date, district, paper, titles); count, facets, the date order
  and relevance (title hits first, then newest) are all computed from those rows.
* common terms (the walk path: the planner's statistics give a share of at least
  ``COMMON_SHARE``): the date index is walked newest first with the exact check, at most
  ``WALK_ROWS`` rows; the page, relevance and facets come from the matches found there, the
  count is an estimate ("约 N") from the share of matches among the rows walked. A bitmap over
  half the archive would read every match; the walk stops after a few hundred rows.
* a query no index can serve (one character) checks the newest ``SCAN_WINDOW`` articles.
Every ``filter_*`` function can only narrow a queryset. The statement timeout bounds everything.
"""
from __future__ import annotations

from datetime import date

from django.db import OperationalError, connections, transaction

from articles.models import Article
from articles.search.facets import facets_for
from articles.search.filters import (
    base_queryset, candidates, estimated_share, filter_dates, filter_district, filter_leader, filter_paper,
    filter_text, filtered, filtered_base, index_tsquery, lexeme_frequencies, needs_exact_check, rarest_lexeme,
    term_condition,
)
from articles.search.paths import _display_queryset, _run, effective_sort, fetch_articles, ordered_ids
from articles.search.results import (
    COUNT_CAP, EXACT_COUNT_LIMIT, MAX_PAGE, PAGE_SIZE, SCAN_NOTICE, SORTS, STATEMENT_TIMEOUT_MS,
    TIMEOUT_NOTICE, FacetValue, Facets, ResultRow, SearchParams, SearchResult,
)
from articles.text.highlight import highlight, snippet
from articles.text.query import Query
from newsarchive.read_replicas import read_alias


__all__ = [
    "COUNT_CAP", "EXACT_COUNT_LIMIT", "MAX_PAGE", "PAGE_SIZE", "SCAN_NOTICE", "SORTS", "TIMEOUT_NOTICE",
    "FacetValue", "Facets", "ResultRow", "SearchParams", "SearchResult",
    "base_queryset", "candidates", "effective_sort", "estimated_share", "export_articles", "fetch_articles",
    "filter_dates", "filter_district", "filter_leader", "filter_paper", "filter_text", "filtered", "filtered_base",
    "index_tsquery", "lexeme_frequencies", "month_counts", "needs_exact_check", "ordered_ids", "rarest_lexeme",
    "rows_for", "search", "term_condition",
]


def search(params: SearchParams, *, with_facets: bool = True) -> SearchResult:
    """Run a search: one page of highlighted rows, the count and the facets; never raises on slow queries."""
    result = SearchResult(page=params.page, notices=list(params.query.notices))
    if params.query.groups and not params.query.has_index:
        result.notices.append(SCAN_NOTICE)
    try:
        with transaction.atomic(using=read_alias()):
            _set_timeout()
            outcome = _run(params, offset=(params.page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
            result.count, result.count_is_estimate = outcome.count, outcome.count_is_estimate
            if with_facets:
                result.facets = facets_for(outcome.facet_rows, partial=outcome.facets_partial)
            articles = fetch_articles(outcome.ids)
    except OperationalError:
        result.timed_out = True
        result.notices.append(TIMEOUT_NOTICE)
        return result
    result.rows = rows_for(articles, params.query)
    return result


def _set_timeout() -> None:
    with connections[read_alias()].cursor() as cur:
        # JIT compiles expensive-looking plans for 50-200 ms; searches are short: never worth it.
        cur.execute("SELECT set_config('statement_timeout', %s, true), set_config('jit', 'off', true)",
                    [str(STATEMENT_TIMEOUT_MS)])


def rows_for(articles: list[Article], query: Query) -> list[ResultRow]:
    """Highlight every hit of the query's terms in each article's title and snippet."""
    needles = [t.text for t in query.positive_terms]
    return [
        ResultRow(article=a, title=highlight(a.display_title, needles), snippet=snippet(a.body, needles))
        for a in articles
    ]


def export_articles(params: SearchParams, *, limit: int) -> list[Article]:
    """Return up to ``limit`` results in the requested order, with leaders loaded (for CSV and citations)."""
    with transaction.atomic(using=read_alias()):
        _set_timeout()
        ids = ordered_ids(params, offset=0, limit=limit)
        by_id = _display_queryset().prefetch_related("leaders").in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def month_counts(params: SearchParams) -> dict[date, int]:
    """Return {first of month: candidate articles} for the term-over-time chart.

    Counted over the index candidates (exact for two-character terms; for longer terms the
    bigrams can co-occur without the term, rarely): reading every match's text is not affordable.
    """
    from django.db.models import Count
    from django.db.models.functions import TruncMonth

    query = params.query
    with transaction.atomic(using=read_alias()):
        _set_timeout()
        qs = filtered_base(params)
        qs = filter_text(qs, query) if query.groups and not query.has_index else candidates(qs, query)
        rows = (
            qs.order_by().annotate(month=TruncMonth("issue_date"))
            .values("month").annotate(n=Count("id")).values_list("month", "n")
        )
        return {month: n for month, n in rows}
