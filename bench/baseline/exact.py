"""The exact substring check, in SQL, for terms the bigram index cannot decide alone."""
from __future__ import annotations

from django.db import connections

from articles.models import Article, Leader, Mention
from articles.text import tokens
from articles.text.query import ANY, Query, Term
from bench.baseline.filters import lexeme_frequencies
from bench.baseline.limits import SECTION
from newsarchive.read_replicas import read_alias


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
    if term.field == ANY or term.field not in SECTION:
        return f"(strpos({alias}.{text}, %s) > 0)", [term.text]
    return (f"(strpos(split_part({alias}.{text}, %s, %s), %s) > 0)",
            [tokens.FIELD_SEP, SECTION[term.field], term.text])


def exact_ids(ids: list[int], query: Query) -> set[int]:
    """Return the ids among ``ids`` that match the query exactly (reads only these rows' text)."""
    if not ids:
        return set()
    condition, params = exact_sql(query, "a")
    with connections[read_alias()].cursor() as cur:
        cur.execute(f"SELECT a.id FROM {Article._meta.db_table} a WHERE a.id = ANY(%s) AND {condition}",
                    [list(ids), *params])
        return {row[0] for row in cur.fetchall()}
