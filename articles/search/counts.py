"""Counts over every match: facets (district, paper, year, leaders) and matches per month or year.

All come from one aggregation over the index's fast fields, with bucket sizes larger than
any field's number of values, so every count is exact (Tantivy reports an error bound of 0)
and the months add up to the result count.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import tantivy

from articles.models import District, Leader, Paper
from articles.search.params import TOP_FACET_VALUES, TOP_LEADERS, FacetValue, Facets

# Larger than the number of districts, papers, leaders or months the archive will hold.
_ALL_BUCKETS = 1_000_000


def _buckets(result: dict, name: str) -> dict[int, int]:
    return {int(b["key"]): int(b["doc_count"]) for b in result.get(name, {}).get("buckets", [])}


def aggregate(searcher: tantivy.Searcher, query: tantivy.Query, *, facets: bool = True) -> dict[str, dict[int, int]]:
    """Return {"month": {yyyymm: n}, and with ``facets`` "district", "paper", "leader"} over all matches."""
    names = ("month", "district", "paper", "leader") if facets else ("month",)
    spec = {name: {"terms": {"field": name, "size": _ALL_BUCKETS}} for name in names}
    result = searcher.aggregate(query, spec)
    return {name: _buckets(result, name) for name in names}


def months(by_month: Mapping[int, int]) -> dict[date, int]:
    """{yyyymm: n} as {first of month: n}, in calendar order."""
    return {date(k // 100, k % 100, 1): n for k, n in sorted(by_month.items())}


def per_period(by_month: Mapping[int, int], unit: str) -> dict[str, int]:
    """Matches per "2025-04" month or per "2025" year, in calendar order (what the API returns)."""
    out: dict[str, int] = {}
    for key, n in sorted(by_month.items()):
        label = f"{key // 100:04d}" if unit == "year" else f"{key // 100:04d}-{key % 100:02d}"
        out[label] = out.get(label, 0) + n
    return out


def facets(counted: dict[str, dict[int, int]]) -> Facets:
    """Label the counted districts, papers and leaders (one query each) and add the years."""
    districts = {d.pk: d for d in District.objects.filter(pk__in=[k for k in counted["district"] if k >= 0])}
    papers = {p.pk: p for p in Paper.objects.filter(pk__in=list(counted["paper"]))}
    top_leaders = sorted(counted["leader"].items(), key=lambda kv: (-kv[1], kv[0]))[: TOP_LEADERS * 2]
    leaders = dict(Leader.objects.filter(pk__in=[k for k, _n in top_leaders]).values_list("pk", "name"))
    years = per_period(counted["month"], "year")
    return Facets(
        districts=_top([FacetValue("district", k, districts[k].name, districts[k].slug, n)
                        for k, n in counted["district"].items() if k in districts]),
        papers=_top([FacetValue("paper", k, papers[k].name, papers[k].slug, n)
                     for k, n in counted["paper"].items() if k in papers]),
        years=[FacetValue("year", int(y), y, "", n) for y, n in sorted(years.items(), reverse=True)],
        leaders=_top([FacetValue("leader", k, leaders[k], "", n) for k, n in top_leaders if k in leaders])[:TOP_LEADERS],
    )


def _top(values: list[FacetValue]) -> list[FacetValue]:
    return sorted(values, key=lambda v: (-v.count, v.label))[:TOP_FACET_VALUES]
