"""The read side of search: querysets for the search page, the API, exports and feeds.

Design (measured in /work/shared/notes/chinese-search.md, variant f2):
* recall: ``search_vector`` holds the CJK bigrams of ``search_text``; a term's rarest bigram
  (from the planner's own statistics) goes into the GIN index condition, so the planner gets
  one well-estimated lexeme;
* precision: an exact ``strpos`` check on the folded ``search_text`` (or one of its sections);
* ordering: newest first walks the date index and stops early; "relevance" ranks only the
  newest ``RANK_CANDIDATES`` matches (title hits weigh more, recent breaks ties);
* counts and facets: one grouped query over at most ``COUNT_CAP`` matches; above that the
  total is the planner's estimate, shown as "约 N".
Every ``filter_*`` function can only narrow a queryset.
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
# Exact counts and facets cover at most this many matches; above it the count is an estimate.
COUNT_CAP = 5000
# "Relevance" ranks the newest this-many matches: ranking every match grows with the archive.
RANK_CANDIDATES = 2000
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
    partial: bool = False  # computed over the first COUNT_CAP matches only


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


def filter_text(qs: QuerySet[Article], query: Query) -> QuerySet[Article]:
    """Keep articles matching the parsed query: index condition first, then exact checks."""
    if query.is_empty:
        return qs
    if query.groups and not query.has_index:
        window = qs.order_by("-issue_date", "-id").values("pk")[:SCAN_WINDOW]
        qs = qs.filter(pk__in=window)
    else:
        tsquery = index_tsquery(query)
        if tsquery:
            qs = qs.filter(search_vector=SearchQuery(tsquery, search_type="raw", config="simple"))
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
    if term.field == ANY and tokens.is_bigram(term.text):
        # The index holds exactly the bigrams of search_text, so the index match is already
        # exact; skipping strpos saves detoasting every match (two-character names are common).
        return Q(search_vector=SearchQuery(tokens.quote_lexeme(term.text), search_type="raw", config="simple"))
    return Q(GreaterThan(StrIndex(_section(term.field), Value(term.text)), 0))


def _section(field_name: str) -> F | Func:
    if field_name == ANY or field_name not in _SECTION:
        return F("search_text")
    return Func(F("search_text"), Value(tokens.FIELD_SEP), Value(_SECTION[field_name]),
                function="split_part", output_field=TextField())


def index_tsquery(query: Query) -> str:
    """Return the tsquery of the rarest bigram of each term: an AND of the indexable groups."""
    parts = []
    for group in query.groups:
        if not all(t.indexable for t in group) or any(t.field == "leader" for t in group):
            continue
        alternatives = sorted({tokens.quote_lexeme(rarest_lexeme(t.text)) for t in group})
        parts.append(alternatives[0] if len(alternatives) == 1 else "(" + " | ".join(alternatives) + ")")
    return " & ".join(parts)


def rarest_lexeme(text: str) -> str:
    """Return the index term of ``text`` that the fewest articles contain (unknown terms are rare)."""
    freqs = lexeme_frequencies()
    return min(tokens.query_terms(text), key=lambda t: (freqs.get(t, 0.0), t))


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


def filtered(params: SearchParams) -> QuerySet[Article]:
    """Apply every filter of ``params``; the text filter last (a scan window respects the others)."""
    qs = base_queryset()
    qs = filter_district(qs, params.district)
    qs = filter_paper(qs, params.paper)
    qs = filter_leader(qs, params.leader)
    qs = filter_dates(qs, params.date_from, params.date_to, on=params.date_field)
    return filter_text(qs, params.query)


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


def ordered_ids(qs: QuerySet[Article], params: SearchParams, *, offset: int, limit: int) -> list[int]:
    """Return the ids of one page of results in the requested order."""
    sort = effective_sort(params)
    if sort == "relevance":
        return _ranked_ids(qs, params.query, offset=offset, limit=limit)
    order = ("issue_date", "id") if sort == "oldest" else ("-issue_date", "-id")
    return list(qs.order_by(*order).values_list("id", flat=True)[offset : offset + limit])


def _ranked_ids(qs: QuerySet[Article], query: Query, *, offset: int, limit: int) -> list[int]:
    """Rank the newest RANK_CANDIDATES matches: more query terms in the title first, then newest.

    The score reads only the short, untoasted title columns: scoring on the body would detoast
    every candidate, which costs more than everything else a search does.
    """
    candidates = qs.order_by("-issue_date", "-id").values(
        "id", "issue_date", "title", "subtitle", "derived_title")[:RANK_CANDIDATES]
    inner_sql, inner_params = candidates.query.sql_with_params()
    scores, score_params = [], []
    for term in _rank_terms(query):
        scores.append("(CASE WHEN strpos(lower(c.title || ' ' || c.subtitle || ' ' || c.derived_title), %s) > 0 "
                      "THEN 1 ELSE 0 END)")
        score_params.append(term.text)
    sql = (
        f"SELECT c.id FROM ({inner_sql}) c ORDER BY {' + '.join(scores)} DESC, c.issue_date DESC, c.id DESC "
        "LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cur:
        bitmap = _fewer_matches_than_walked(query)
        if bitmap:  # see _fewer_matches_than_walked; SET LOCAL ends with search()'s transaction
            cur.execute("SELECT set_config('enable_indexscan', 'off', true)")
        cur.execute(sql, [*inner_params, *score_params, limit, offset])
        ids = [row[0] for row in cur.fetchall()]
        if bitmap:
            cur.execute("SELECT set_config('enable_indexscan', 'on', true)")
        return ids


def _fewer_matches_than_walked(query: Query) -> bool:
    """Tell whether collecting every match beats walking the date index for the newest candidates.

    Walking the date index reads about RANK_CANDIDATES / share rows, the bitmap reads
    share × rows; the planner misjudges multi-term shares, so the choice is made here from
    the same statistics as the rarest bigram (the crossover is share = sqrt(RANK_CANDIDATES / rows)).
    """
    share = estimated_share(query)
    rows = float(_stats_cache.get("rows") or 0.0)
    return share is not None and rows > 0 and share * share < RANK_CANDIDATES / rows


def estimated_share(query: Query) -> float | None:
    """Return the estimated share of articles matching the query's indexed groups (None if unknown)."""
    freqs = lexeme_frequencies()
    if not freqs:
        return None
    shares = [
        min(1.0, sum(freqs.get(rarest_lexeme(t.text), 0.0) for t in group))
        for group in query.groups if all(t.indexable and t.field != "leader" for t in group)
    ]
    return min(shares) if shares else None


def fetch_articles(ids: list[int]) -> list[Article]:
    """Load articles for display, in the order of ``ids``, with paper, district and issue."""
    by_id = _display_queryset().in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def _display_queryset() -> QuerySet[Article]:
    """Articles with what a result shows; the issue's raw file and text stay in the database."""
    return base_queryset().select_related("paper", "district", "issue").defer("issue__raw_bytes", "issue__text")


# ---------------------------------------------------------------- counts and facets


def count_and_facets(qs: QuerySet[Article]) -> tuple[int, bool, Facets]:
    """Count matches (exactly up to COUNT_CAP) and group them by district, paper, year and leader in one query."""
    capped = qs.order_by().values("id", "district_id", "paper_id", "issue_date")[: COUNT_CAP + 1]
    inner_sql, params = capped.query.sql_with_params()
    district, paper = District._meta.db_table, Paper._meta.db_table
    leader, mention = Leader._meta.db_table, Mention._meta.db_table
    sql = f"""
        WITH m AS MATERIALIZED ({inner_sql})
        SELECT 'total', 0, '', '', count(*) FROM m
        UNION ALL (SELECT 'district', d.id, d.name, d.slug, count(*) FROM m JOIN {district} d ON d.id = m.district_id
                   GROUP BY d.id ORDER BY 5 DESC, 3 LIMIT 30)
        UNION ALL (SELECT 'paper', p.id, p.name, p.slug, count(*) FROM m JOIN {paper} p ON p.id = m.paper_id
                   GROUP BY p.id ORDER BY 5 DESC, 3 LIMIT 30)
        UNION ALL (SELECT 'year', extract(year FROM m.issue_date)::int, '', '', count(*) FROM m GROUP BY 2)
        UNION ALL (SELECT 'leader', l.id, l.name, '', count(*) FROM m JOIN {mention} x ON x.article_id = m.id
                   JOIN {leader} l ON l.id = x.leader_id GROUP BY l.id ORDER BY 5 DESC, 3 LIMIT {TOP_LEADERS})
    """
    with connection.cursor() as cur:
        cur.execute(sql, params)
        rows = cur.fetchall()
    facets = Facets()
    total = 0
    buckets = {"district": facets.districts, "paper": facets.papers, "year": facets.years, "leader": facets.leaders}
    for kind, pk, label, slug, n in rows:
        if kind == "total":
            total = n
        else:
            buckets[kind].append(FacetValue(kind=kind, id=pk, label=label or str(pk), slug=slug, count=n))
    facets.years.sort(key=lambda v: v.id, reverse=True)
    if total <= COUNT_CAP:
        return total, False, facets
    facets.partial = True
    return max(estimate_count(qs), COUNT_CAP + 1), True, facets


def estimate_count(qs: QuerySet[Article]) -> int:
    """Return the planner's row estimate for a result set too large to count at once."""
    sql, params = qs.order_by().values("id").query.sql_with_params()
    with connection.cursor() as cur:
        cur.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cur.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


# ---------------------------------------------------------------- the whole search


def search(params: SearchParams, *, with_facets: bool = True) -> SearchResult:
    """Run a search: one page of highlighted rows, the count and the facets; never raises on slow queries."""
    result = SearchResult(page=params.page, notices=list(params.query.notices))
    if params.query.groups and not params.query.has_index:
        result.notices.append(SCAN_NOTICE)
    try:
        with transaction.atomic():
            _set_timeout()
            qs = filtered(params)
            ids = ordered_ids(qs, params, offset=(params.page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
            if with_facets:
                result.count, result.count_is_estimate, result.facets = count_and_facets(qs)
            articles = fetch_articles(ids)
    except OperationalError:
        result.timed_out = True
        result.notices.append(TIMEOUT_NOTICE)
        return result
    result.rows = rows_for(articles, params.query)
    return result


def _set_timeout() -> None:
    with connection.cursor() as cur:
        cur.execute("SELECT set_config('statement_timeout', %s, true)", [str(STATEMENT_TIMEOUT_MS)])


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
        ids = ordered_ids(filtered(params), params, offset=0, limit=limit)
        by_id = _display_queryset().prefetch_related("leaders").in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def month_counts(params: SearchParams) -> dict[date, int]:
    """Return {first of month: matching articles} for the term-over-time chart."""
    from django.db.models import Count
    from django.db.models.functions import TruncMonth

    with transaction.atomic():
        _set_timeout()
        rows = (
            filtered(params).order_by().annotate(month=TruncMonth("issue_date"))
            .values("month").annotate(n=Count("id")).values_list("month", "n")
        )
        return {month: n for month, n in rows}

