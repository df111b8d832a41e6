"""Score the parser on simulated pages and break the figures down by phenomenon."""
from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

from pagesim.page import SimPage
from pagesim.scoring import add_counts, as_json, f1, fmt, norm, ratio, score_file


@dataclass
class Totals:
    """Counts over all pages, per phenomenon tag, plus byline hits and timings."""

    all: dict = field(default_factory=dict)
    by_tag: dict = field(default_factory=lambda: defaultdict(dict))
    pages_by_tag: dict = field(default_factory=lambda: defaultdict(int))
    by_location: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    seconds_generate: float = 0.0
    seconds_parse: float = 0.0


def _bare_credit(s: str | None) -> str:
    """Compare credits without brackets, dots and the ■ bullet."""
    return norm(s).strip("（）()·■【】")


def _extra_counts(gold: dict, pred: dict, totals: Totals) -> dict:
    """Count bylines and titles by location on matched articles (not in score_parse.py)."""
    from pagesim.scoring import match, title_ok

    c = {"bylined": 0, "byline_hit": 0}
    for gi, pi in match(gold["articles"], pred["articles"]).items():
        g, p = gold["articles"][gi], pred["articles"][pi]
        if g.get("byline"):
            c["bylined"] += 1
            c["byline_hit"] += _bare_credit(g["byline"]) == _bare_credit(p.get("byline"))
        if g.get("title"):
            loc = totals.by_location[g["title_location"]]
            loc[0] += 1
            loc[1] += title_ok(g, p)
    return c


def score_pages(pages: list[SimPage], totals: Totals) -> None:
    """Parse each page in-process and add its counts to the totals."""
    for page in pages:
        start = time.perf_counter()
        pred = as_json(page.data)
        totals.seconds_parse += time.perf_counter() - start
        c = score_file(page.gold, pred)
        c.update(_extra_counts(page.gold, pred, totals))
        add_counts(totals.all, c)
        for tag in page.tags:
            add_counts(totals.by_tag[tag], c)
            totals.pages_by_tag[tag] += 1


def _article_f1(c: dict) -> float:
    return f1(c["matched"], c["pred"], c["gold"])


def format_totals(t: Totals, pages: int) -> list[str]:
    """Return the report: overall figures, titles by location, then one line per phenomenon."""
    c = t.all
    p, r = ratio(c["matched"], c["pred"]), ratio(c["matched"], c["gold"])
    out = [
        f"pages {pages}: articles P={fmt(p)} R={fmt(r)} F1={_article_f1(c):.3f} "
        f"({c['matched']}/{c['gold']} gold, {c['pred']} pred)",
        f"  title={fmt(ratio(c['title_hit'], c['titled']))} ({c['title_hit']}/{c['titled']})"
        f"  byline={fmt(ratio(c['byline_hit'], c['bylined']))} ({c['byline_hit']}/{c['bylined']})"
        f"  district={fmt(ratio(c['district_hit'], c['matched']))}"
        f"  noise in bodies={c['noise_leak']}/{c['noise']}  leaders=n/a date=n/a (unannotated)",
        "  title by location: " + "  ".join(
            f"{loc}={fmt(ratio(hit, n))} ({hit}/{n})" for loc, (n, hit) in sorted(t.by_location.items())),
        "per phenomenon (pages, article F1, title, noise in bodies):",
    ]
    for tag in sorted(t.by_tag, key=lambda k: _article_f1(t.by_tag[k])):
        tc = t.by_tag[tag]
        out.append(f"  {tag:<22} {t.pages_by_tag[tag]:>4}  F1={_article_f1(tc):.3f}"
                   f"  title={fmt(ratio(tc['title_hit'], tc['titled']))}  noise={tc['noise_leak']}/{tc['noise']}")
    out.append(f"time: generate {t.seconds_generate:.1f}s, parse+score {t.seconds_parse:.1f}s")
    return out
