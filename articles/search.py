"""The read side of search: querysets for the search page, the API, exports and feeds.

Design (measured in /work/shared/notes/chinese-search.md and bench/search.py at 1M articles):
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

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.postgres.search import SearchQuery
from django.db import OperationalError, connection, transaction
from django.db.models import Exists, F, Func, OuterRef, Q, QuerySet, TextField, Value
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan

from articles.models import Article, District, Leader, Mention, Paper
from articles.text import tokens
from articles.text.highlight import Segment, highlight, snippet
from articles.text.query import ANY, Query, Term

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


# ---------------------------------------------------------------- filters (each only narrows)


def base_queryset() -> QuerySet[Article]:
    """All articles, without the wide search columns."""
    return Article.objects.defer("search_vector", "search_text")


def filter_district(qs: QuerySet[Article], district: District | None) -> QuerySet[Article]:
    return qs if district is None else qs.filter(district=district)


def filter_paper(qs: QuerySet[Article], paper: Paper | None) -> QuerySet[Article]:
    return qs if paper is None else qs.filter(paper=paper)


def filter_leader(qs: QuerySet[Article], leader: Leader | None) -> QuerySet[Article]:
    if leader is None:
        return qs
    return qs.filter(Exists(Mention.objects.filter(article=OuterRef("pk"), leader=leader)))


def filter_dates(qs: QuerySet[Article], start: date | None, end: date | None, *, on: str = "issue") -> QuerySet[Article]:
    """Keep articles dated within [start, end], by issue date or by the event date."""
    column = "event_date" if on == "event" else "issue_date"
    if start is not None:
        qs = qs.filter(**{f"{column}__gte": start})
    if end is not None:
        qs = qs.filter(**{f"{column}__lte": end})
    return qs


def filtered_base(params: SearchParams) -> QuerySet[Article]:
    """Every filter of ``params`` except the text: district, paper, leader, dates."""
    qs = base_queryset()
    qs = filter_district(qs, params.district)
    qs = filter_paper(qs, params.paper)
    qs = filter_leader(qs, params.leader)
    return filter_dates(qs, params.date_from, params.date_to, on=params.date_field)


def candidates(qs: QuerySet[Article], query: Query) -> QuerySet[Article]:
    """Narrow ``qs`` by what needs no article text: the bigram index condition and leader terms."""
    tsquery = index_tsquery(query)
    if tsquery:
        qs = qs.filter(search_vector=SearchQuery(tsquery, search_type="raw", config="simple"))
    for group in query.groups:
        if all(t.field == "leader" for t in group):
            qs = qs.filter(_any_of(group))
    return qs


def filter_text(qs: QuerySet[Article], query: Query) -> QuerySet[Article]:
    """Keep exactly the articles matching the parsed query: index condition first, then exact checks.

    This reads the text of every candidate: searches use it only through ``candidates`` and
    checks on bounded sets; it is the reference (tests, the benchmark's recall, the chart).
    """
    if query.is_empty:
        return qs
    if query.groups and not query.has_index:
        window = qs.order_by("-issue_date", "-id").values("pk")[:SCAN_WINDOW]
        qs = qs.filter(pk__in=window)
    else:
        qs = candidates(qs, query)
    for group in query.groups:
        qs = qs.filter(_any_of(group))
    for term in query.excluded:
        qs = qs.exclude(term_condition(term))
    return qs


def _any_of(group: Sequence[Term]) -> Q:
    condition = Q()
    for term in group:
        condition |= term_condition(term)
    return condition


def term_condition(term: Term) -> Q:
    """The exact test for one term: a substring of the folded text (or section), or a leader's name."""
    if term.field == "leader":
        return Q(Exists(Mention.objects.filter(article=OuterRef("pk"), leader__name=term.text)))
    if _exact_in_index(term):
        # The index holds exactly the bigrams of search_text, so the index match is already exact.
        return Q(search_vector=SearchQuery(tokens.quote_lexeme(term.text), search_type="raw", config="simple"))
    return Q(GreaterThan(StrIndex(_section(term.field), Value(term.text)), 0))


def _exact_in_index(term: Term) -> bool:
    """True when the index alone decides the term: two CJK characters anywhere in the article."""
    return term.field == ANY and tokens.is_bigram(term.text)


def _section(field_name: str) -> F | Func:
    if field_name == ANY or field_name not in _SECTION:
        return F("search_text")
    return Func(F("search_text"), Value(tokens.FIELD_SEP), Value(_SECTION[field_name]),
                function="split_part", output_field=TextField())


def _indexed_groups(query: Query) -> list[tuple[Term, ...]]:
    return [g for g in query.groups if all(t.indexable and t.field != "leader" for t in g)]


def index_tsquery(query: Query) -> str:
    """Return the candidate condition: per indexable group, the OR of its terms' bigram ANDs.

    A plain AND/OR/NOT of lexemes needs no recheck in GIN (no row is read to decide it).
    Excluded two-character terms are exact in the index and join as ``!'xx'``.
    """
    parts = []
    for group in _indexed_groups(query):
        alternatives = sorted({_term_tsquery(t) for t in group})
        parts.append(alternatives[0] if len(alternatives) == 1 else "(" + " | ".join(alternatives) + ")")
    if parts:
        parts += sorted({"!" + tokens.quote_lexeme(t.text) for t in query.excluded if _exact_in_index(t)})
    return " & ".join(parts)


def _term_tsquery(term: Term) -> str:
    """The AND of every index term of ``term``, rarest first (the planner's order does not matter to GIN)."""
    freqs = lexeme_frequencies()
    lexemes = sorted(tokens.query_terms(term.text), key=lambda t: (freqs.get(t, 0.0), t))
    quoted = [tokens.quote_lexeme(t) for t in lexemes]
    return quoted[0] if len(quoted) == 1 else "(" + " & ".join(quoted) + ")"


def rarest_lexeme(text: str) -> str:
    """Return the index term of ``text`` that the fewest articles contain (unknown terms are rare)."""
    freqs = lexeme_frequencies()
    return min(tokens.query_terms(text), key=lambda t: (freqs.get(t, 0.0), t))


def needs_exact_check(query: Query) -> bool:
    """True when candidates may include non-matches (terms longer than a bigram, fields, 1-character terms)."""
    for group in query.groups:
        if not all(_exact_in_index(t) or t.field == "leader" for t in group):
            return True
        if any(t.field == "leader" for t in group) and not all(t.field == "leader" for t in group):
            return True  # a mixed leader/text group is only narrowed by its leader part: check it
    return any(not _exact_in_index(t) for t in query.excluded)


_stats_cache: dict[str, object] = {"at": 0.0, "freqs": {}}


def lexeme_frequencies() -> dict[str, float]:
    """Return {bigram: share of articles} from the planner's statistics, cached for a while."""
    if time.monotonic() - float(_stats_cache["at"]) < _STATS_TTL:
        return _stats_cache["freqs"]  # type: ignore[return-value]
    with connection.cursor() as cur:
        cur.execute(
            "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples FROM pg_class c "
            "LEFT JOIN pg_stats s ON s.tablename = c.relname AND s.attname = 'search_vector' WHERE c.relname = %s",
            [Article._meta.db_table],
        )
        row = cur.fetchone()
    freqs = dict(zip(row[0], row[1])) if row and row[0] else {}
    _stats_cache.update(at=time.monotonic(), freqs=freqs, rows=float(row[2]) if row else 0.0)
    return freqs


def estimated_share(query: Query) -> float | None:
    """Return an upper estimate of the share of articles matching the query's indexed groups.

    A term's share is at most that of its rarest bigram; a group's at most the sum over its
    terms; the query's at most its rarest group's. None without statistics or indexed groups.
    """
    freqs = lexeme_frequencies()
    if not freqs:
        return None
    shares = [
        min(1.0, sum(min(freqs.get(x, 0.0) for x in tokens.query_terms(t.text)) for t in group))
        for group in _indexed_groups(query)
    ]
    return min(shares) if shares else None


def filtered(params: SearchParams) -> QuerySet[Article]:
    """Exactly the matching articles (reads every candidate's text: for checks, not for pages)."""
    return filter_text(filtered_base(params), params.query)


# ---------------------------------------------------------------- the exact check in SQL


def exact_sql(query: Query, alias: str, text: str = "search_text") -> tuple[str, list]:
    """Return (SQL condition, params) that is true when the row ``alias`` matches exactly.

    Groups are tested rarest first (PostgreSQL evaluates AND left to right here), so a row
    usually fails on its first test; ``text`` names the column holding the folded text.
    """
    clauses: list[tuple[float, str, list]] = []
    freqs = lexeme_frequencies()
    for group in query.groups:
        alternatives, params = [], []
        for term in group:
            sql, p = _term_sql(term, alias, text)
            alternatives.append(sql)
            params += p
        share = sum(min((freqs.get(x, 0.0) for x in tokens.query_terms(t.text)), default=1.0) for t in group)
        clauses.append((share, "(" + " OR ".join(alternatives) + ")", params))
    clauses.sort(key=lambda c: c[0])
    for term in query.excluded:
        sql, p = _term_sql(term, alias, text)
        clauses.append((2.0, f"NOT {sql}", p))
    return (" AND ".join(c[1] for c in clauses) or "TRUE"), [x for c in clauses for x in c[2]]


def _text_terms(query: Query) -> int:
    return sum(1 for t in [*query.positive_terms, *query.excluded] if t.field != "leader")


def _term_sql(term: Term, alias: str, text: str = "search_text") -> tuple[str, list]:
    if term.field == "leader":
        return (f"EXISTS (SELECT 1 FROM {Mention._meta.db_table} m JOIN {Leader._meta.db_table} l "
                f"ON l.id = m.leader_id WHERE m.article_id = {alias}.id AND l.name = %s)", [term.text])
    if term.field == ANY or term.field not in _SECTION:
        return f"(strpos({alias}.{text}, %s) > 0)", [term.text]
    return (f"(strpos(split_part({alias}.{text}, %s, %s), %s) > 0)",
            [tokens.FIELD_SEP, _SECTION[term.field], term.text])


def exact_ids(ids: list[int], query: Query) -> set[int]:
    """Return the ids among ``ids`` that match the query exactly (reads only these rows' text)."""
    if not ids:
        return set()
    condition, params = exact_sql(query, "a")
    with connection.cursor() as cur:
        cur.execute(f"SELECT a.id FROM {Article._meta.db_table} a WHERE a.id = ANY(%s) AND {condition}",
                    [list(ids), *params])
        return {row[0] for row in cur.fetchall()}


# ---------------------------------------------------------------- ordering and pages


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
    with connection.cursor() as cur:
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
    with connection.cursor() as cur:
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
    with connection.cursor() as cur:
        cur.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cur.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


def ordered_ids(params: SearchParams, *, offset: int, limit: int) -> list[int]:
    """Return the ids of one page of exact matches in the requested order."""
    return _run(params, offset=offset, limit=limit).ids


def fetch_articles(ids: list[int]) -> list[Article]:
    """Load articles for display, in the order of ``ids``, with paper, district and issue."""
    by_id = _display_queryset().in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def _display_queryset() -> QuerySet[Article]:
    """Articles with what a result shows; the issue's raw file and text stay in the database."""
    return base_queryset().select_related("paper", "district", "issue").defer("issue__raw_bytes", "issue__text")


# ---------------------------------------------------------------- facets


def facets_for(rows: list[_Row], *, partial: bool) -> Facets:
    """Count districts, papers and years of at most FACET_ROWS rows, and top leaders of LEADER_FACET_ROWS."""
    rows = rows[:FACET_ROWS]
    facets = Facets(partial=partial, basis=len(rows))
    by: dict[str, dict[int, int]] = {"district": {}, "paper": {}, "year": {}}
    for r in rows:
        if r.district_id is not None:
            by["district"][r.district_id] = by["district"].get(r.district_id, 0) + 1
        by["paper"][r.paper_id] = by["paper"].get(r.paper_id, 0) + 1
        by["year"][r.issue_date.year] = by["year"].get(r.issue_date.year, 0) + 1
    if not rows:
        return facets
    with connection.cursor() as cur:
        cur.execute(
            # (the bitmap path's planner settings end here: these are plain lookups by id)
            "SELECT set_config('enable_indexscan', 'on', true), set_config('enable_seqscan', 'on', true), "
            "set_config('enable_bitmapscan', 'on', true); "
            f"SELECT 'district', id, name, slug, 0 FROM {District._meta.db_table} WHERE id = ANY(%s) "
            f"UNION ALL SELECT 'paper', id, name, slug, 0 FROM {Paper._meta.db_table} WHERE id = ANY(%s) "
            f"UNION ALL SELECT 'leader', l.id, l.name, '', c.n FROM (SELECT leader_id, count(*) AS n "
            f"FROM {Mention._meta.db_table} WHERE article_id = ANY(%s) GROUP BY leader_id "
            f"ORDER BY 2 DESC, 1 LIMIT %s) c JOIN {Leader._meta.db_table} l ON l.id = c.leader_id",
            [list(by["district"]), list(by["paper"]), [r.id for r in rows[:LEADER_FACET_ROWS]], TOP_LEADERS],
        )
        found = cur.fetchall()
    labels = {(kind, pk): (name, slug) for kind, pk, name, slug, _n in found if kind != "leader"}
    facets.districts = _top([FacetValue("district", pk, *labels[("district", pk)], n)
                             for pk, n in by["district"].items() if ("district", pk) in labels], 30)
    facets.papers = _top([FacetValue("paper", pk, *labels[("paper", pk)], n)
                          for pk, n in by["paper"].items() if ("paper", pk) in labels], 30)
    facets.years = sorted((FacetValue("year", y, str(y), "", n) for y, n in by["year"].items()),
                          key=lambda v: v.id, reverse=True)
    facets.leaders = sorted((FacetValue("leader", pk, name, "", n) for kind, pk, name, _s, n in found
                             if kind == "leader"), key=lambda v: (-v.count, v.label))
    return facets


def _top(values: list[FacetValue], n: int) -> list[FacetValue]:
    return sorted(values, key=lambda v: (-v.count, v.label))[:n]


# ---------------------------------------------------------------- the whole search


def search(params: SearchParams, *, with_facets: bool = True) -> SearchResult:
    """Run a search: one page of highlighted rows, the count and the facets; never raises on slow queries."""
    result = SearchResult(page=params.page, notices=list(params.query.notices))
    if params.query.groups and not params.query.has_index:
        result.notices.append(SCAN_NOTICE)
    try:
        with transaction.atomic():
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
    with connection.cursor() as cur:
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
    with transaction.atomic():
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
    with transaction.atomic():
        _set_timeout()
        qs = filtered_base(params)
        qs = filter_text(qs, query) if query.groups and not query.has_index else candidates(qs, query)
        rows = (
            qs.order_by().annotate(month=TruncMonth("issue_date"))
            .values("month").annotate(n=Count("id")).values_list("month", "n")
        )
        return {month: n for month, n in rows}
