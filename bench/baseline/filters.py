"""Filters that can only narrow a queryset, and the bigram index condition with its statistics."""
from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import date

from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import Exists, F, Func, OuterRef, Q, QuerySet, TextField, Value
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan

from articles.models import Article, District, Leader, Mention, Paper
from articles.search.params import SearchParams
from articles.text import tokens
from articles.text.query import ANY, Query, Term
from bench.baseline.limits import SCAN_WINDOW, SECTION, STATS_TTL
from newsarchive.read_replicas import read_alias


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
    if field_name == ANY or field_name not in SECTION:
        return F("search_text")
    return Func(F("search_text"), Value(tokens.FIELD_SEP), Value(SECTION[field_name]),
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
    if time.monotonic() - float(_stats_cache["at"]) < STATS_TTL:
        return _stats_cache["freqs"]  # type: ignore[return-value]
    with connections[read_alias()].cursor() as cur:
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
