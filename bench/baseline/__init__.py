"""The PostgreSQL-only search that the index replaced, kept to measure both in one run (bench/search.py).

Candidates from a GIN index of CJK bigrams (``Article.search_vector``), exact ``strpos`` checks
on the rows shown, counts exact up to 1,000 candidates of longer terms and estimated ("约 N")
for common terms, relevance (query terms in the title, then newest) over at most the newest
100 matches of a common term, facets over at most 5,000 matches, a month chart of candidates.
"""
from __future__ import annotations

from datetime import date

from django.db import connections, transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth

from articles.search import rows_for
from articles.search.params import STATEMENT_TIMEOUT_MS, SearchParams
from bench.baseline.facets import facets_for
from bench.baseline.filters import candidates, filter_text, filtered, filtered_base
from bench.baseline.limits import Result
from bench.baseline.paths import _run, fetch_articles
from newsarchive.read_replicas import read_alias


__all__ = ["filtered", "month_counts", "search"]


def _set_timeout() -> None:
    with connections[read_alias()].cursor() as cur:
        cur.execute("SELECT set_config('statement_timeout', %s, true), set_config('jit', 'off', true)",
                    [str(STATEMENT_TIMEOUT_MS)])


def search(params: SearchParams, *, page_size: int = 20) -> Result:
    """One page of ids, the count and facets, as the site computed them before the index."""
    with transaction.atomic(using=read_alias()):
        _set_timeout()
        outcome = _run(params, offset=(params.page - 1) * page_size, limit=page_size)
        facets = facets_for(outcome.facet_rows, partial=outcome.facets_partial)
        articles = fetch_articles(outcome.ids)
    rows_for(articles, params.query)  # the page is highlighted as the site does
    return Result([a.pk for a in articles], outcome.count, outcome.count_is_estimate, facets)


def month_counts(params: SearchParams) -> dict[date, int]:
    """{first of month: index candidates}: the chart as it was (candidates, not matches)."""
    query = params.query
    with transaction.atomic(using=read_alias()):
        _set_timeout()
        qs = filtered_base(params)
        qs = filter_text(qs, query) if query.groups and not query.has_index else candidates(qs, query)
        rows = (qs.order_by().annotate(month=TruncMonth("issue_date"))
                .values("month").annotate(n=Count("id")).values_list("month", "n"))
        return {month: n for month, n in rows}
