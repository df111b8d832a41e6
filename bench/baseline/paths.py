"""Baseline (the PostgreSQL-only search before the index): the bitmap path for rare terms, the date walk for common ones."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from django.db import connections
from django.db.models import QuerySet

from articles.models import Article
from articles.search.params import SORTS, SearchParams
from articles.text.query import Query, Term
from bench.baseline.exact import _text_terms, exact_ids, exact_sql
from bench.baseline.filters import (
    _stats_cache, base_queryset, candidates, estimated_share, filtered_base, lexeme_frequencies, needs_exact_check,
)
from bench.baseline.limits import (
    COMMON_SHARE, COUNT_CAP, EXACT_COUNT_LIMIT, FACET_ROWS, SCAN_WINDOW, WALK_MATCHES, WALK_ROWS,
)
from newsarchive.read_replicas import read_alias


def effective_sort(params: SearchParams) -> str:
    """Relevance needs text to rank by; without it results are newest first."""
    if params.sort not in SORTS:
        return "newest"
    if params.sort == "relevance" and not _rank_terms(params.query):
        return "newest"
    return params.sort


def _rank_terms(query: Query) -> list[Term]:
    return [t for t in query.positive_terms if t.field != "leader"]


@dataclass
class _Row:
    """The cheap heap columns of one candidate: enough to order, rank and facet it."""

    id: int
    issue_date: date
    district_id: int | None
    paper_id: int
    titles: str
    matched: bool | None = None  # None: not checked exactly (yet)


@dataclass
class _Matches:
    rows: list[_Row]          # candidates (or matches) in no particular order
    complete: bool            # rows hold every candidate
    checked: bool             # every row in ``rows`` is an exact match
    count: int
    count_is_estimate: bool


_ROW_COLUMNS = ("id", "issue_date", "district_id", "paper_id", "title", "subtitle", "derived_title")


def _to_row(r: tuple) -> _Row:
    return _Row(id=r[0], issue_date=r[1], district_id=r[2], paper_id=r[3],
                titles=f"{r[4]}\n{r[5]}\n{r[6]}".lower())


def _bitmap_candidates(qs: QuerySet[Article], query: Query) -> _Matches:
    """Collect up to COUNT_CAP + 1 candidates through the bitmap index (no text read); check small sets."""
    sql, params = candidates(qs, query).order_by().values_list(*_ROW_COLUMNS)[: COUNT_CAP + 1].query.sql_with_params()
    with connections[read_alias()].cursor() as cur:
        # A bitmap scan reads only the index and the narrow heap rows; the alternatives (a walk of
        # the date index or a sequential scan) would test every row's tsvector, read from TOAST.
        # The settings last until the end of search()'s transaction: what follows looks rows up by id.
        cur.execute(f"SELECT set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true), "
                    f"set_config('enable_bitmapscan', 'on', true); {sql}", params)
        rows = [_to_row(r) for r in cur.fetchall()]
    complete = len(rows) <= COUNT_CAP
    if not needs_exact_check(query):
        for r in rows:
            r.matched = True
        return _Matches(rows, complete, True, len(rows), not complete)
    if complete and len(rows) <= EXACT_COUNT_LIMIT:
        good = exact_ids([r.id for r in rows], query)
        rows = [r for r in rows if r.id in good]
        for r in rows:
            r.matched = True
        return _Matches(rows, True, True, len(rows), False)
    return _Matches(rows, complete, False, len(rows), True)


def _walk(qs: QuerySet[Article], query: Query, *, ascending: bool = False, rows: int = WALK_ROWS,
          matches: int = WALK_MATCHES) -> tuple[list[_Row], int, bool]:
    """Walk the date index (newest first, or oldest) testing each row exactly, up to ``rows`` rows.

    Returns (matches in date order, rows walked, whether the walk reached the end of the filtered set).
    """
    order = ("issue_date", "id") if ascending else ("-issue_date", "-id")
    inner = qs.order_by(*order).values(*_ROW_COLUMNS, "search_text")[:rows]
    inner_sql, inner_params = inner.query.sql_with_params()
    direction = "ASC" if ascending else "DESC"
    # With several terms, read each row's text from TOAST once (every strpos would read it again).
    text = "t" if _text_terms(query) > 1 else "search_text"
    condition, params = exact_sql(query, "w", text)
    columns = ", ".join(f"w.{c}" for c in _ROW_COLUMNS)
    sql = (f"SELECT {columns}, w.n FROM (SELECT i.*, i.search_text || '' AS t, row_number() OVER "
           f"(ORDER BY i.issue_date {direction}, i.id {direction}) AS n FROM ({inner_sql}) i) w "
           f"WHERE {condition} LIMIT %s")
    # No ORDER BY outside: the rows arrive in index order, and a sort would read all ``rows`` rows.
    with connections[read_alias()].cursor() as cur:
        cur.execute("SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_indexscan', 'on', true), "
                    f"set_config('enable_seqscan', 'on', true); {sql}", [*inner_params, *params, matches])
        found = cur.fetchall()
    out = [_to_row(r) for r in found]
    for r in out:
        r.matched = True
    if len(found) >= matches:
        return out, found[-1][-1], False
    # Fewer matches than asked for: every row up to ``rows`` was read.
    walked = _count_upto(qs, rows)
    return out, walked, walked < rows


def _count_upto(qs: QuerySet[Article], limit: int) -> int:
    return qs.order_by().values("pk")[:limit].count()


def _order(rows: list[_Row], sort: str, query: Query) -> list[_Row]:
    if sort == "oldest":
        return sorted(rows, key=lambda r: (r.issue_date, r.id))
    newest = sorted(rows, key=lambda r: (r.issue_date, r.id), reverse=True)
    if sort != "relevance":
        return newest
    needles = [t.text for t in _rank_terms(query)]
    # Title hits weigh more (more query terms in the title first); recent breaks ties. Only the
    # short title columns are read: scoring the body would read every candidate's text.
    return sorted(newest, key=lambda r: -sum(1 for n in needles if n in r.titles))


def _checked_page(ordered: list[_Row], query: Query, *, offset: int, limit: int) -> list[int]:
    """Return ids of ``ordered[offset:offset+limit]`` counted over exact matches, checking lazily."""
    need = offset + limit
    good: list[int] = []
    start = 0
    chunk = need + max(10, need // 5)
    while len(good) < need and start < len(ordered):
        part = ordered[start : start + chunk]
        unchecked = [r.id for r in part if r.matched is None]
        ok = exact_ids(unchecked, query)
        for r in part:
            if r.matched is None:
                r.matched = r.id in ok
            if r.matched:
                good.append(r.id)
        start += chunk
        chunk *= 2
    return good[offset:need]


@dataclass
class _Outcome:
    ids: list[int]
    count: int
    count_is_estimate: bool
    facet_rows: list[_Row]
    facets_partial: bool


def _run(params: SearchParams, *, offset: int, limit: int) -> _Outcome:
    """Choose the path (bitmap, walk or scan window) and return one page of exact ids with counts."""
    query = params.query
    qs = filtered_base(params)
    sort = effective_sort(params)
    if query.is_empty or (query.groups and all(all(t.field == "leader" for t in g) for g in query.groups)
                          and not query.excluded):
        return _without_text(candidates(qs, query), sort, offset=offset, limit=limit)
    if query.groups and not query.has_index:
        found, walked, _end = _walk(qs, query, rows=SCAN_WINDOW, matches=SCAN_WINDOW)
        ordered = _order(found, sort, query)
        return _Outcome([r.id for r in ordered[offset : offset + limit]], len(found), False, found, False)
    share = estimated_share(query)
    need = offset + limit
    if share is not None and (share >= COMMON_SHARE or share * _base_rows(params, qs) > COUNT_CAP):
        # Common, or more expected candidates than the bitmap path collects: walk the dates.
        walked_rows = max(WALK_ROWS, int(need / share * 2))
        found, walked, end = _walk(qs, query, rows=walked_rows, matches=max(WALK_MATCHES, need),
                                   ascending=sort == "oldest")
        if end or len(found) >= need:
            if end:
                count, estimate = len(found), False
            else:
                total = _estimated_rows(qs)
                count, estimate = max(len(found), round(len(found) / max(walked, 1) * total)), True
            ordered = _order(found, sort, query)
            return _Outcome([r.id for r in ordered[offset:need]], count, estimate, found, not end)
    return _bitmap_path(qs, query, sort, offset=offset, limit=limit)


def _bitmap_path(qs: QuerySet[Article], query, sort: str, *, offset: int, limit: int) -> _Outcome:  # noqa: ANN001
    """Collect candidates from the GIN bitmap; past ``COUNT_CAP`` walk the dates for the page."""
    need = offset + limit
    matches = _bitmap_candidates(qs, query)
    if matches.complete:
        ordered = _order(matches.rows, sort, query)
        ids = ([r.id for r in ordered[offset:need]] if matches.checked
               else _checked_page(ordered, query, offset=offset, limit=limit))
        return _Outcome(ids, matches.count, matches.count_is_estimate, matches.rows,
                        len(matches.rows) > FACET_ROWS)
    # More than COUNT_CAP candidates: a common term the statistics missed. Walk for the page.
    found, walked, end = _walk(qs, query, rows=max(WALK_ROWS, need * 100), matches=max(WALK_MATCHES, need),
                               ascending=sort == "oldest")
    total = _estimated_rows(qs)
    count = max(COUNT_CAP + 1, round(len(found) / max(walked, 1) * total)) if not end else len(found)
    ordered = _order(found, sort, query)
    return _Outcome([r.id for r in ordered[offset:need]], count, not end, matches.rows, True)


def _base_rows(params: SearchParams, qs: QuerySet[Article]) -> float:
    """Articles the filters leave (the table's size from the statistics when nothing filters)."""
    if not (params.district or params.paper or params.leader or params.date_from or params.date_to):
        lexeme_frequencies()
        return float(_stats_cache.get("rows") or 0.0)
    return float(_estimated_rows(qs))


def _without_text(qs: QuerySet[Article], sort: str, *, offset: int, limit: int) -> _Outcome:
    """No text to match (filters or leader terms only): date order, counts over the filtered set."""
    order = ("issue_date", "id") if sort == "oldest" else ("-issue_date", "-id")
    ids = list(qs.order_by(*order).values_list("id", flat=True)[offset : offset + limit])
    rows = [_to_row(r) for r in qs.order_by(*order).values_list(*_ROW_COLUMNS)[: COUNT_CAP + 1]]
    complete = len(rows) <= COUNT_CAP
    count = len(rows) if complete else max(COUNT_CAP + 1, _estimated_rows(qs))
    return _Outcome(ids, count, not complete, rows, len(rows) > FACET_ROWS)


def _estimated_rows(qs: QuerySet[Article]) -> int:
    """Return the planner's row estimate for a filtered set (the whole table's size without filters)."""
    sql, params = qs.order_by().values("id").query.sql_with_params()
    with connections[read_alias()].cursor() as cur:
        cur.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cur.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


def fetch_articles(ids: list[int]) -> list[Article]:
    """Load articles for display, in the order of ``ids``, with paper, district and issue."""
    by_id = _display_queryset().in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def _display_queryset() -> QuerySet[Article]:
    """Articles with what a result shows; the issue's raw file and text stay in the database."""
    return base_queryset().select_related("paper", "district", "issue").defer("issue__raw_bytes", "issue__text")
