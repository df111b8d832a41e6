"""Search benchmark: the index search and the PostgreSQL-only baseline in one run, against icontains.

    .venv/bin/python bench/search.py --articles 1000000          # build (or extend, or reuse) and measure
    .venv/bin/python bench/search.py --articles 200000 --db newsarchive_bench_200k

Both methods answer the same queries on the same data: latency (top-20 page + count + facets,
both sorts; the month chart), recall, displayed precision, count exactness and whether the
chart adds up to the count. The search index of the corpus is kept beside its database
(var/search-index-<db>) and built once (timed); ``--rebuild-index`` builds it again.

The corpus (bench/corpus.py) lives in its own database (default ``newsarchive_bench``, on the
embedded server or on DATABASE_URL's server), so tests and ``make run`` never see it; a later
run reuses it. Articles are loaded in batches through ``ingest.bulk_insert_articles`` (the same
search_document/tokens code as every ingest); for a large initial load the GIN index is dropped
and rebuilt once, and the rate with the index in place is measured separately afterwards.

Ground truth is computed in Python, independently of PostgreSQL: an article matches when its
title, subtitle, derived title, byline or body contains the term as a plain substring.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
os.environ.setdefault("DJANGO_HTTPS", "0")

REPEATS = 3

from bench.search_corpus import Refs, ensure_corpus, print_sizes, real_ingest_rate, reference_rows  # noqa: E402


def setup(db: str) -> None:
    """Point Django at the benchmark database (created if missing) and migrate it."""
    from django.conf import settings

    settings.DATABASES["default"]["NAME"] = db
    # The benchmark's own search index, beside its own database.
    settings.NEWSARCHIVE_SEARCH_INDEX = str(ROOT / "var" / f"search-index-{db}")
    import django

    django.setup()
    from django.core.management import call_command

    if not os.environ.get("DATABASE_URL"):
        from newsarchive import localdb

        localdb.ensure_database(db)
    else:
        _ensure_database_on_server(db)
    call_command("migrate", verbosity=0)


def _ensure_database_on_server(db: str) -> None:
    import psycopg2
    from django.conf import settings

    conf = settings.DATABASES["default"]
    conn = psycopg2.connect(dbname="postgres", user=conf["USER"], password=conf["PASSWORD"], host=conf["HOST"],
                            port=conf["PORT"] or 5432)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
        if cur.fetchone() is None:
            cur.execute(f'CREATE DATABASE "{db}"')
    conn.close()


@dataclass
class BenchQuery:
    klass: str
    all: list[str] = field(default_factory=list)
    any: list[str] = field(default_factory=list)
    none: list[str] = field(default_factory=list)
    district: int | None = None  # district index
    start: date | None = None
    end: date | None = None

    @property
    def text(self) -> str:
        parts = list(self.all)
        if self.any:
            parts.append(" OR ".join(self.any))
        parts += [f"-{t}" for t in self.none]
        return " ".join(parts)

    def label(self) -> str:
        extra = (f" district#{self.district}" if self.district is not None else "") + (
            f" {self.start}..{self.end}" if self.start else "")
        return f"{self.text}{extra}"


def queries() -> list[BenchQuery]:
    """The fixed query set: 31 base queries, each without and with district/date filters (62)."""
    from bench import corpus

    names = corpus.names()
    two = [n for n in names if len(n) == 2]
    three = [n for n in names if len(n) == 3]
    base = (
        [BenchQuery("2-char name, common", all=[n]) for n in two[:5]]
        + [BenchQuery("2-char name, rare", all=[n]) for n in two[1500:1505]]
        + [BenchQuery("3-char name", all=[n]) for n in (three[:2] + three[300:301] + three[3000:3002])]
        + [BenchQuery("phrase 4-8", all=[p]) for p in ("东西部协作", "乡村振兴", "耕地保护", "高质量发展", "长三角一体化")]
        + [BenchQuery("two-term AND", all=list(p)) for p in (
            ("乡村振兴", "耕地"), ("缪京", "生态"), (two[0], "安全"), ("李峻", "协作"), (three[0], "调研"))]
        + [BenchQuery("OR", any=list(p)) for p in ((two[2], two[3]), ("缪京", "李峻"), (two[1500], three[300]))]
        + [BenchQuery("exclusion", all=[a], none=[b]) for a, b in (("乡村振兴", "耕地"), ("缪京", "崇明"), (two[1], "会议"))]
    )
    filtered = []
    for i, q in enumerate(base):
        if i % 2 == 0:
            filtered.append(BenchQuery(q.klass, q.all, q.any, q.none, district=i % len(corpus.DISTRICTS)))
        else:
            filtered.append(BenchQuery(q.klass, q.all, q.any, q.none, start=date(2018, 1, 1), end=date(2020, 12, 31)))
    return base + filtered


def ground_truth(qs: list[BenchQuery], refs: Refs) -> list[set[int]]:
    """Scan every article once in Python and return, per query, the ids that truly match."""
    from django.db import connection, transaction

    truth: list[set[int]] = [set() for _ in qs]
    district_ids = [refs.districts[q.district] if q.district is not None else None for q in qs]
    connection.ensure_connection()
    with transaction.atomic(), connection.connection.cursor(name="bench_truth") as cur:
        cur.itersize = 5000
        cur.execute("SELECT id, title, subtitle, derived_title, byline, body, district_id, issue_date FROM articles_article")
        for pk, title, subtitle, derived, byline, body, district_id, issue_date in cur:
            sections = (title, subtitle, derived, byline, body)
            for k, q in enumerate(qs):
                if district_ids[k] is not None and district_id != district_ids[k]:
                    continue
                if q.start and not (q.start <= issue_date <= q.end):
                    continue
                if not all(any(t in s for s in sections) for t in q.all):
                    continue
                if q.any and not any(any(t in s for s in sections) for t in q.any):
                    continue
                if any(any(t in s for s in sections) for t in q.none):
                    continue
                truth[k].add(pk)
    return truth


def params_for(q: BenchQuery, refs: Refs, sort: str):
    from articles.models import District
    from articles.search import SearchParams
    from articles.text.query import parse

    district = District.objects.get(pk=refs.districts[q.district]) if q.district is not None else None
    return SearchParams(query=parse(q.text), district=district, date_from=q.start, date_to=q.end, sort=sort)


def icontains_queryset(q: BenchQuery, refs: Refs):
    """The naive baseline: Django ``icontains`` on title and body, no index."""
    from django.db.models import Q

    from articles.models import Article

    def has(t: str) -> Q:
        return Q(title__icontains=t) | Q(body__icontains=t)

    qs = Article.objects.all()
    for t in q.all:
        qs = qs.filter(has(t))
    if q.any:
        cond = Q()
        for t in q.any:
            cond |= has(t)
        qs = qs.filter(cond)
    for t in q.none:
        qs = qs.exclude(has(t))
    if q.district is not None:
        qs = qs.filter(district_id=refs.districts[q.district])
    if q.start:
        qs = qs.filter(issue_date__range=(q.start, q.end))
    return qs


def timed(fn) -> float:  # noqa: ANN001
    """Milliseconds one call took; a call stopped by the statement timeout counts as the timeout
    (the baseline's month chart of a common phrase does not finish at 1,000,000 articles)."""
    from django.db import OperationalError

    from articles.search.params import STATEMENT_TIMEOUT_MS

    began = time.perf_counter()
    try:
        fn()
    except OperationalError:
        return float(STATEMENT_TIMEOUT_MS)
    return (time.perf_counter() - began) * 1000


def attempt(fn):  # noqa: ANN001, ANN201
    """The call's result, or None when the statement timeout stopped it."""
    from django.db import OperationalError

    try:
        return fn()
    except OperationalError:
        return None


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


METHODS = ("index", "baseline")


def run_queries(refs: Refs, icontains_every: int) -> None:
    """Time every query with both methods in both sorts and check them against the substring truth.

    Methods: ``index`` is today's search (``articles.search``, the index beside PostgreSQL);
    ``baseline`` the PostgreSQL-only search it replaced (``bench/baseline``), same data, same run.
    Definitions:
    * recall: share of the true matches in the full result set a user can page through. Must be 1.000.
    * page: the newest-first page shown equals the 20 newest true matches.
    * precision: share of the displayed rows (page 1, both sorts) that truly match.
    * count: exact when it equals the truth; estimated ones ("约 N") are reported as estimate / truth.
    * chart: the month counts add up to the true count.
    * speed-up: median icontains time / median newest-first time of the method on the same queries.
    """
    qs = queries()
    print(f"\nGround truth for {len(qs)} queries (Python substring scan of every article) …", flush=True)
    began = time.perf_counter()
    truth = ground_truth(qs, refs)
    print(f"  done in {time.perf_counter() - began:.0f} s")
    truth_dates = _dates_of(set().union(*truth))
    per: dict[str, dict[str, dict[str, list]]] = {m: defaultdict(lambda: defaultdict(list)) for m in METHODS}
    print(f"\n{'query':<34} {'hits':>8} {'index count':>11} {'base count':>11} {'idx rel/new ms':>15} "
          f"{'base rel/new ms':>16} {'chart ms':>9} {'icontains ms':>12}")
    for k, q in enumerate(qs):
        line = {m: measure(m, q, refs, truth[k], truth_dates, per[m][q.klass]) for m in METHODS}
        base_ms = float("nan")
        if icontains_every and k % icontains_every == 0:
            base_ms = _icontains(q, refs, truth[k], per)
        print(f"{q.label()[:34]:<34} {len(truth[k]):>8,} {line['index']['count']:>11} {line['baseline']['count']:>11} "
              f"{line['index']['ms']:>15} {line['baseline']['ms']:>16} {line['index']['chart']:>9.1f} "
              f"{base_ms:>12.0f}", flush=True)
    for method in METHODS:
        print_summary(method, per[method])


def _methods():  # noqa: ANN202
    from articles import search
    from bench import baseline

    return search, baseline


def measure(method: str, q: BenchQuery, refs: Refs, hits: set[int], truth_dates: dict[int, date],
            stats: dict[str, list]) -> dict[str, object]:
    """Run one query with one method: time both sorts and the month chart, check the answers."""
    search, baseline = _methods()
    run = search.search if method == "index" else baseline.search
    shown, pages = set(), {}
    for sort in ("relevance", "newest"):
        params = params_for(q, refs, sort)
        result = run(params)  # warm-up
        pages[sort] = [row.article.pk for row in result.rows] if method == "index" else result.ids
        shown |= set(pages[sort])
        stats[sort] += [timed(lambda: run(params)) for _ in range(REPEATS)]
    params = params_for(q, refs, "newest")
    found = (set(search.matching_ids(params)) if method == "index"
             else set(baseline.filtered(params).values_list("id", flat=True)))
    month_counts = search.month_counts if method == "index" else baseline.month_counts
    stats["chart"] += [timed(lambda: month_counts(params)) for _ in range(REPEATS)]
    chart = attempt(lambda: month_counts(params))
    stats["chart_ok"].append(chart is not None and sum(chart.values()) == len(hits))
    stats["recall"].append(len(found & hits) / len(hits) if hits else 1.0)
    stats["precision"].append(len(shown & hits) / len(shown) if shown else 1.0)
    newest_truth = sorted(hits, key=lambda i: (truth_dates[i], i), reverse=True)[:20]
    stats["page_ok"].append(pages["newest"] == newest_truth)
    estimate = getattr(result, "count_is_estimate", False)
    if estimate:
        stats["estimate_ratio"].append(result.count / len(hits) if hits else float("nan"))
    else:
        stats["count_exact"].append(result.count == len(hits))
    stats["hits"].append(len(hits))
    ms = f"{statistics.median(stats['relevance'][-REPEATS:]):.1f}/{statistics.median(stats['newest'][-REPEATS:]):.1f}"
    count = (f"约{result.count:,}" if estimate else f"{result.count:,}" + ("" if result.count == len(hits) else "!"))
    return {"count": count, "ms": ms, "chart": statistics.median(stats["chart"][-REPEATS:])}


def _icontains(q: BenchQuery, refs: Refs, hits: set[int], per: dict[str, dict[str, dict[str, list]]]) -> float:
    """Time the naive icontains page + count once; note each method's newest-first median beside it."""
    naive = icontains_queryset(q, refs)
    base_ms = timed(lambda: (list(naive.order_by("-issue_date", "-id")[:20]), naive.count()))
    naive_found = set(naive.values_list("id", flat=True))
    for method in METHODS:
        stats = per[method][q.klass]
        stats["baseline_ms"].append(base_ms)
        stats["baseline_recall"].append(len(naive_found & hits) / len(hits) if hits else 1.0)
        stats["ours_ms_for_baseline"].append(statistics.median(stats["newest"][-REPEATS:]))
    return base_ms


def _dates_of(ids: set[int]) -> dict[int, date]:
    from articles.models import Article

    out: dict[int, date] = {}
    ordered = sorted(ids)
    for i in range(0, len(ordered), 50_000):
        out.update(Article.objects.filter(pk__in=ordered[i : i + 50_000]).values_list("id", "issue_date"))
    return out


def print_summary(method: str, per_class: dict[str, dict[str, list]]) -> None:
    print(f"\n[{method}] per class (server time of search(): top-20 page + count + facets + highlighting, ms; "
          f"chart = month counts)")
    header = (f"{'class':<22} {'n':>3} {'relevance p50/p95/p99':>24} {'newest p50/p95/p99':>22} {'chart p50/p95':>14} "
              f"{'recall min':>10} {'page ok':>7} {'prec min':>8} {'counts':>14} {'chart=count':>11} "
              f"{'icontains p50':>13} {'speed-up p50':>12}")
    print(header)
    everything: dict[str, list] = defaultdict(list)
    for klass, s in per_class.items():
        for key, values in s.items():
            everything[key] += values
        print(_summary_line(klass, s))
    print(_summary_line("ALL", everything))
    ratios = everything.get("estimate_ratio", [])
    if ratios:
        print(f"Estimated counts (约 N): {len(ratios)} queries, estimate/truth min {min(ratios):.2f} "
              f"median {statistics.median(ratios):.2f} max {max(ratios):.2f}")


def _summary_line(klass: str, s: dict[str, list]) -> str:
    rel, new, chart = s.get("relevance", []), s.get("newest", []), s.get("chart", [])
    base, ours = s.get("baseline_ms", []), s.get("ours_ms_for_baseline", [])
    speedup = statistics.median(base) / statistics.median(ours) if base and ours else float("nan")
    exact = s.get("count_exact", [])
    counts = f"{sum(exact)}/{len(exact)} ex, {len(s.get('estimate_ratio', []))} 约"
    chart_ok = s.get("chart_ok", [])
    return (f"{klass:<22} {len(s.get('recall', [])):>3} "
            f"{pct(rel, 50):>7.1f}/{pct(rel, 95):>7.1f}/{pct(rel, 99):>7.1f} "
            f"{pct(new, 50):>6.1f}/{pct(new, 95):>6.1f}/{pct(new, 99):>6.1f} "
            f"{pct(chart, 50):>6.1f}/{pct(chart, 95):>7.1f} "
            f"{min(s.get('recall', [1])):>10.3f} {sum(s.get('page_ok', []))}/{len(s.get('page_ok', [])):<4} "
            f"{min(s.get('precision', [1])):>8.3f} {counts:>14} {sum(chart_ok):>5}/{len(chart_ok):<5} "
            f"{(statistics.median(base) if base else float('nan')):>13.0f} {speedup:>11.0f}×")


def ensure_index(rebuild: bool) -> None:
    """Build the search index of the corpus (timed) unless one is live; then apply pending changes."""
    from articles.search import index, sync

    if rebuild or index.live_path() is None:
        began = time.perf_counter()
        n = sync.rebuild()
        seconds = time.perf_counter() - began
        print(f"\nSearch index built: {n:,} articles in {seconds:,.0f} s ({n / seconds:,.0f} articles/s, 1 thread)")
    else:
        print(f"\nSearch index reused; {sync.catch_up():,} changed articles applied")
    print(f"  pruned {sync.prune():,} change-log rows")
    size = sum(f.stat().st_size for f in index.live_path().rglob("*") if f.is_file())
    print(f"  index size {size / 1024 / 1024:,.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000, help="corpus size (default 1,000,000)")
    parser.add_argument("--db", default="newsarchive_bench", help="benchmark database (never the app's)")
    parser.add_argument("--icontains-every", type=int, default=0,
                        help="run the icontains scan on every k-th query (default: all up to 200k articles, else 7)")
    parser.add_argument("--real-ingest", type=int, default=40, help="seed pages to ingest through ingest_issue")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--rebuild-index", action="store_true", help="rebuild the search index even if one exists")
    args = parser.parse_args()
    setup(args.db)
    print(f"Database {args.db}; target {args.articles:,} articles")
    figures = ensure_corpus(args.articles, args.db)
    if "bulk_articles" in figures:
        print(f"Bulk load: {figures['bulk_issues'] / figures['bulk_seconds']:,.1f} issues/s, "
              f"{figures['bulk_articles'] / figures['bulk_seconds']:,.0f} articles/s "
              f"({figures['bulk_articles']:,} articles in {figures['bulk_seconds']:,.0f} s, GIN dropped); "
              f"index build {figures.get('index_build_seconds', 0):,.0f} s")
    if "live_articles" in figures:
        print(f"Ingest with the GIN index in place: {figures['live_issues'] / figures['live_seconds']:,.1f} issues/s, "
              f"{figures['live_articles'] / figures['live_seconds']:,.0f} articles/s")
    if args.real_ingest:
        single, batched = real_ingest_rate(args.real_ingest)
        print(f"Real ingest path (decode + text pipeline + store, one transaction per issue): "
              f"ingest_issue {single:,.1f} issues/s ({args.real_ingest} pages); "
              f"ingest_issues_batched (2 parse processes) {batched:,.1f} issues/s ({args.real_ingest * 3} pages)",
              flush=True)
    print_sizes()
    ensure_index(args.rebuild_index)
    if args.build_only:
        return
    from articles.models import Article

    n = Article.objects.count()
    icontains_every = args.icontains_every or (1 if n <= 200_000 else 7)
    run_queries(reference_rows(), icontains_every)


if __name__ == "__main__":
    main()
