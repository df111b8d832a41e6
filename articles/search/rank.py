"""Ranking: how a match scores, and the order of a page of results.

Relevance is BM25 as the index computes it (Tantivy, k1 = 1.2, b = 0.75) over *every* match:
each term contributes, per field it occurs in, idf × saturated term frequency normalised by
the field's length, where a phrase's idf is the sum of its bigrams' idfs and its frequency
the number of places the whole term occurs. Field contributions are weighted (title × 3,
subtitle × 2, byline and body × 1) and added up; a multi-term query earns a bonus when two of
its terms stand within ``PROXIMITY_SLOP`` characters of each other in the body, in either order.
Scores equal to ``TIE_DIGITS`` decimals are ties, and ties are broken newest first.
"""
from __future__ import annotations

import tantivy

from articles.search.index import ID_BITS
from articles.search.plan import Plan, TermPlan

FIELD_WEIGHTS = {"title": 3.0, "subtitle": 2.0, "byline": 1.0, "body": 1.0}
PROXIMITY_SLOP = 20
PROXIMITY_WEIGHT = 0.5
# At most this many term pairs earn a proximity bonus (each is one more phrase query).
PROXIMITY_PAIRS = 3
TIE_DIGITS = 4
# Relevance reads this many hits past the page first, more when ties run over the edge.
TIE_MARGIN = 50
_ID_MASK = (1 << ID_BITS) - 1


def weighted(field: str, query: tantivy.Query) -> tantivy.Query:
    """A field's match, scaled by the field's weight."""
    weight = FIELD_WEIGHTS.get(field, 1.0)
    return query if weight == 1.0 else tantivy.Query.boost_query(query, weight)


def proximity_bonus(schema: tantivy.Schema, search_plan: Plan) -> list[tantivy.Query]:
    """Optional clauses that score articles where consecutive query terms stand close in the body."""
    firsts = [next((t for t in g if not t.is_leader and len(t.text) > 1 and "body" in t.fields), None)
              for g in search_plan.groups]
    terms = [t for t in firsts if t is not None]
    out = []
    for a, b in list(zip(terms, terms[1:]))[:PROXIMITY_PAIRS]:
        for first, second in ((a, b), (b, a)):
            phrase = tantivy.Query.phrase_query(schema, "body", _offsets(first, second), slop=PROXIMITY_SLOP)
            out.append(tantivy.Query.boost_query(phrase, PROXIMITY_WEIGHT))
    return out


def _offsets(first: TermPlan, second: TermPlan) -> list[tuple[int, str]]:
    """The grams of ``first`` followed directly by those of ``second``, at their character offsets."""
    return [*enumerate(first.grams), *((len(first.text) + i, g) for i, g in enumerate(second.grams))]


def page(searcher: tantivy.Searcher, query: tantivy.Query, *, sort: str, offset: int,
         limit: int) -> tuple[list[int], int]:
    """Return (ids of one page in ``sort`` order, the exact number of matches)."""
    if sort != "relevance":
        order = tantivy.Order.Asc if sort == "oldest" else tantivy.Order.Desc
        found = searcher.search(query, limit, count=True, order_by_field="order", offset=offset, order=order)
        return [key & _ID_MASK for key, _address in found.hits], found.count
    need = offset + limit
    fetch = need + TIE_MARGIN
    while True:
        found = searcher.search(query, fetch, count=True)
        hits = found.hits
        # The last hit on the page ties with the last one read: the tie may run on; read more.
        if len(hits) < fetch or need == 0 or _tie(hits[min(need, len(hits)) - 1][0]) != _tie(hits[-1][0]):
            break
        fetch *= 4
    keys = searcher.fast_field_values("order", [address for _score, address in hits])
    ordered = sorted(zip((_tie(score) for score, _a in hits), keys), key=lambda sk: (-sk[0], -sk[1]))
    return [key & _ID_MASK for _score, key in ordered[offset:need]], found.count


def _tie(score: float) -> float:
    return round(score, TIE_DIGITS)


def all_ids(searcher: tantivy.Searcher, query: tantivy.Query) -> list[int]:
    """Every match's id, newest first (for checks and exports of whole result sets)."""
    total = searcher.search(query, 1, count=True).count  # (a limit of 0 is refused)
    if not total:
        return []
    found = searcher.search(query, total, count=False, order_by_field="order")
    return [key & _ID_MASK for key, _address in found.hits]
