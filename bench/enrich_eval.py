"""Score the enrichment steps (dates, districts, leaders) directly against the gold.

Cuts each gold article body out of its seed page (``body_first`` .. ``body_last`` in the text
with newlines removed), runs find_leaders / event_date / district_of on it and counts hits the
way the parse scorer (tests/text/page_scoring.py) does, so this works before the full pipeline does.

    .venv/bin/python bench/enrich_eval.py [-v]
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.text.dates import event_date, guess_issue_date  # noqa: E402
from articles.text.districts import district_of  # noqa: E402
from articles.text.leaders import find_leaders  # noqa: E402
from tests.text.page_scoring import district_key, norm  # noqa: E402 - the scorer's own rules

GOLD = ROOT / "tests" / "data" / "gold"
SEEDS = ROOT / "tests" / "data" / "seeds"


def gold_articles(gold: dict) -> tuple[str, list[tuple[dict, str]]]:
    """Return the page's flat text and (gold article, body) pairs."""
    flat = (SEEDS / gold["file"]).read_text(encoding="utf-8").replace("\n", "")
    out = []
    for a in gold["articles"]:
        i = flat.index(a["body_first"])
        j = flat.index(a["body_last"], i) + len(a["body_last"])
        out.append((a, flat[i:j]))
    return flat, out


def score_page(gold: dict, verbose: bool = False) -> dict[str, int]:
    flat, arts = gold_articles(gold)
    c = dict(arts=0, l_gold=0, l_pred=0, l_hit=0, lt_hit=0, dated=0, date_hit=0, district_hit=0)
    base = guess_issue_date(flat)
    default = district_of(flat)
    if verbose:
        print(f"== {gold['file']} guess={base} default={default}")
    for g, body in arts:
        c["arts"] += 1
        leaders = find_leaders(body)
        g_lead = {norm(x["name"]): {norm(t) for t in x["titles"]} for x in g["leaders"]}
        p_lead = {norm(x.name): {norm(t) for t in x.titles} for x in leaders}
        c["l_gold"] += len(g_lead)
        c["l_pred"] += len(p_lead)
        for name, titles in g_lead.items():
            if name in p_lead:
                c["l_hit"] += 1
                ok = all(any(t in f or f in t for f in p_lead[name]) for t in titles)
                c["lt_hit"] += ok
                if verbose and not ok:
                    print(f"  art{g['n']} TITLES {name}: gold {sorted(titles)} got {sorted(p_lead[name])}")
            elif verbose:
                print(f"  art{g['n']} MISSED {name} {sorted(titles)}")
        if verbose:
            for name in p_lead.keys() - g_lead.keys():
                print(f"  art{g['n']} EXTRA {name} {sorted(p_lead[name])}")
        ev = event_date(body, base=base)
        if g["event_date"]:
            c["dated"] += 1
            c["date_hit"] += str(ev) == g["event_date"]
        if verbose and str(ev) != str(g["event_date"]).replace("None", "None"):
            if not (ev is None and g["event_date"] is None):
                print(f"  art{g['n']} DATE gold {g['event_date']} got {ev}")
        title = " ".join(x for x in (g.get("title"), g.get("subtitle")) if x)
        dist = district_of(body, title=title or None, default=default)
        hit = district_key(dist) == district_key(g["district_of_article"])
        c["district_hit"] += hit
        if verbose and not hit:
            print(f"  art{g['n']} DISTRICT gold {g['district_of_article']} got {dist}")
    return c


def summary(c: dict[str, int]) -> str:
    p = c["l_hit"] / c["l_pred"] if c["l_pred"] else 0.0
    r = c["l_hit"] / c["l_gold"] if c["l_gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    lt = c["lt_hit"] / c["l_hit"] if c["l_hit"] else 0.0
    d = c["date_hit"] / c["dated"] if c["dated"] else 0.0
    di = c["district_hit"] / c["arts"] if c["arts"] else 0.0
    return (f"leaders F1={f1:.2f} (P={p:.2f} R={r:.2f}) ltitle={lt:.2f} "
            f"date={d:.2f} ({c['date_hit']}/{c['dated']}) district={di:.2f} ({c['district_hit']}/{c['arts']})")


def main() -> int:
    verbose = "-v" in sys.argv
    total: dict[str, int] = {}
    t0 = time.perf_counter()
    district_of("预热")  # load the division table outside the timing of the pages
    t1 = time.perf_counter()
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        c = score_page(gold, verbose)
        print(f"{gold['file']}: {summary(c)}")
        for k, v in c.items():
            total[k] = total.get(k, 0) + v
    t2 = time.perf_counter()
    print(f"overall: {summary(total)}")
    print(f"timing: load {t1 - t0:.2f}s, 5 pages {1000 * (t2 - t1):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
