"""Facet counts (district, paper, year, top leaders) over a bounded set of result rows."""
from __future__ import annotations

from django.db import connections

from articles.models import District, Leader, Mention, Paper
from articles.search.params import FacetValue
from bench.baseline.limits import FACET_ROWS, LEADER_FACET_ROWS, TOP_LEADERS, Facets
from bench.baseline.paths import _Row
from newsarchive.read_replicas import read_alias


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
    with connections[read_alias()].cursor() as cur:
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
