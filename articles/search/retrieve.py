"""Candidate retrieval: the index query that matches exactly the articles a search asks for.

A text term is a phrase of its bigrams in each field it may be in (one character: a term of
the unigram field), so the index decides substring matches by itself, without reading any
article's text: counts, facets and charts are exact. Filters (paper, district, leader, dates)
are fast-field clauses that score nothing; exclusions are MUST_NOT clauses. How the clauses
score (field weights, the proximity bonus) is ``rank``'s business.
"""
from __future__ import annotations

from datetime import date

import tantivy

from articles.search import rank
from articles.search.index import UNIGRAM
from articles.search.params import SearchParams
from articles.search.plan import Plan, TermPlan

_MUST, _SHOULD, _NOT = tantivy.Occur.Must, tantivy.Occur.Should, tantivy.Occur.MustNot


def grams_query(schema: tantivy.Schema, field: str, grams: tuple[str, ...]) -> tantivy.Query:
    """The articles whose ``field`` contains the term of these grams (see ``tokens.char_grams``)."""
    if len(grams) == 1 and len(grams[0]) == 1:
        return tantivy.Query.term_query(schema, field + UNIGRAM, grams[0], index_option="freq")
    if len(grams) == 1:
        return tantivy.Query.term_query(schema, field, grams[0])
    return tantivy.Query.phrase_query(schema, field, list(grams))


def term_query(schema: tantivy.Schema, term: TermPlan) -> tantivy.Query:
    """One term in any of its fields (each field's match weighted by ``rank``), or a leader's ids."""
    if term.is_leader:
        if not term.leader_ids:
            return tantivy.Query.empty_query()
        return _unscored(tantivy.Query.term_set_query(schema, "leader", list(term.leader_ids)))
    clauses = [(_SHOULD, rank.weighted(field, grams_query(schema, field, term.grams))) for field in term.fields]
    return tantivy.Query.boolean_query(clauses)


def _unscored(query: tantivy.Query) -> tantivy.Query:
    return tantivy.Query.const_score_query(query, 0.0)


def filter_clauses(schema: tantivy.Schema, params: SearchParams) -> list[tantivy.Query]:
    """The non-text conditions of ``params``, each of which can only narrow the result."""
    out = []
    for name, obj in (("paper", params.paper), ("district", params.district), ("leader", params.leader)):
        if obj is not None:
            out.append(tantivy.Query.term_query(schema, name, obj.pk))
    if params.date_from or params.date_to:
        out.append(_date_range(schema, params.date_from, params.date_to, on=params.date_field))
    return [_unscored(q) for q in out]


def _date_range(schema: tantivy.Schema, start: date | None, end: date | None, *, on: str) -> tantivy.Query:
    """Issue (or event) dates within [start, end]; articles without an event date never pass ``on=event``."""
    field = "event" if on == "event" else "day"
    low = start.toordinal() if start else (0 if field == "event" else None)
    high = end.toordinal() if end else None
    return tantivy.Query.range_query(schema, field, tantivy.FieldType.Integer, low, high)


def match_query(schema: tantivy.Schema, search_plan: Plan, params: SearchParams,
                *, extra: list[tantivy.Query] | None = None) -> tantivy.Query:
    """The whole query: every group, no exclusion, every filter, and the ranking's optional bonus."""
    clauses: list[tuple[tantivy.Occur, tantivy.Query]] = []
    for group in search_plan.groups:
        alternatives = [term_query(schema, t) for t in group]
        clauses.append((_MUST, alternatives[0] if len(alternatives) == 1
                        else tantivy.Query.boolean_query([(_SHOULD, q) for q in alternatives])))
    clauses += [(_MUST, q) for q in filter_clauses(schema, params)]
    if not clauses:
        clauses.append((_MUST, _unscored(tantivy.Query.all_query())))
    clauses += [(_NOT, _excluded(schema, t)) for t in search_plan.excluded]
    clauses += [(_SHOULD, q) for q in (extra or [])]
    return tantivy.Query.boolean_query(clauses)


def _excluded(schema: tantivy.Schema, term: TermPlan) -> tantivy.Query:
    if term.is_leader:
        return term_query(schema, term)
    return tantivy.Query.boolean_query([(_SHOULD, grams_query(schema, f, term.grams)) for f in term.fields])
