"""Server time of the browsing pages, in process, on whatever database it is pointed at.

    DJANGO_SECRET_KEY=x DJANGO_HTTPS=0 .venv/bin/python bench/pages.py [--db newsarchive_bench] [-n 200]

By default it reads the 1,000,000-article corpus that bench/corpus.py builds into the database
``newsarchive_bench`` on the same server (``--db`` picks another; ``DATABASE_URL`` another server).
Each page kind (and the district, paper and leader Atom feeds) is requested ``-n`` times through
Django's test Client, on addresses sampled at random from the data, after a warm-up; it prints p50/p95/max per page in milliseconds. The target
is p95 ≤ 50 ms. Whole-archive and per-leader figures are summary rows kept by database triggers
(migration 0005), so no page has a cold cache to pay; the queries that read them are timed once
each before the pages, as a check.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
os.environ.setdefault("DJANGO_HTTPS", "0")

TARGET_P95_MS = 50.0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=os.environ.get("NEWSARCHIVE_BENCH_DB", "newsarchive_bench"),
                        help="database name on the configured server (default: newsarchive_bench)")
    parser.add_argument("-n", type=int, default=200, help="requests per page kind (default 200)")
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


def use_database(name: str) -> None:
    """Point the default connection at ``name`` before the first query opens it."""
    from django.conf import settings
    from django.db import connections

    settings.DATABASES["default"]["NAME"] = name
    connections["default"].settings_dict["NAME"] = name


def plain_static_files() -> None:
    """Serve static names unhashed, as the tests do: the bench needs no collectstatic."""
    from django.conf import settings

    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


def sample_urls(rng: random.Random, n: int) -> dict[str, list[str]]:
    """Pick ``n`` addresses per page kind from the data: random rows by id, not the first ones."""
    from django.urls import reverse

    from articles.models import Article, District, Issue, Leader, Mention

    def ids(model, k: int) -> list[int]:
        bounds = model.objects.order_by("pk").values_list("pk", flat=True)
        low, high = bounds.first(), bounds.last()
        if low is None:
            return []
        picks = [rng.randint(low, high) for _ in range(k * 3)]
        found = list(model.objects.filter(pk__in=picks).values_list("pk", flat=True))
        return [rng.choice(found) for _ in range(k)] if found else []

    articles = ids(Article, n)
    issues = list(Issue.objects.filter(pk__in=ids(Issue, n)).select_related("paper").only("pk", "issue_date", "paper__slug"))
    districts = list(District.objects.values_list("slug", flat=True))
    # Leaders drawn through mentions, so busy leaders are picked as often as they appear in the news.
    mention_ids = ids(Mention, n)
    leaders = list(Mention.objects.filter(pk__in=mention_ids).values_list("leader_id", flat=True)) or ids(Leader, n)
    month = lambda i: {"slug": i.paper.slug, "year": i.issue_date.year, "month": i.issue_date.month}  # noqa: E731
    return {
        "home": [reverse("articles:home")] * n,
        "article": [reverse("articles:article_detail", kwargs={"pk": pk}) for pk in articles],
        "issue": [i.get_absolute_url() for i in issues],
        "district": [reverse("articles:district_detail", kwargs={"slug": rng.choice(districts)}) for _ in range(n)] if districts else [],
        "district_leaders": [reverse("articles:district_leaders", kwargs={"slug": rng.choice(districts)}) + "?sort=mentions" for _ in range(n)] if districts else [],
        "calendar_month": [reverse("articles:paper_month", kwargs=month(i)) for i in issues],
        "calendar_year": [reverse("articles:district_year", kwargs={"slug": rng.choice(districts), "year": i.issue_date.year}) for i in issues] if districts else [],
        "day": [reverse("articles:paper_day", kwargs={**month(i), "day": i.issue_date.day}) for i in issues],
        "leader": [reverse("articles:leader_detail", kwargs={"pk": pk}) for pk in leaders[:n]],
        "feed_district": [reverse("articles:district_feed", kwargs={"slug": rng.choice(districts)}) for _ in range(n)] if districts else [],
        "feed_paper": [reverse("articles:paper_feed", kwargs={"slug": i.paper.slug}) for i in issues],
        "feed_leader": [reverse("articles:leader_feed", kwargs={"pk": pk}) for pk in leaders[:n]],
    }


def measure(urls: list[str]) -> list[float]:
    """Request each address once and return the server times in milliseconds (after a short warm-up)."""
    from django.test import Client

    client = Client()
    for url in urls[:5]:
        client.get(url)
    times = []
    for url in urls:
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return times


def cold_aggregates() -> dict[str, float]:
    """Time the summary-backed figures once each (nothing is cached: these are first-call times)."""
    from articles import browse, indexes
    from articles.models import District

    district = District.objects.first()
    month = browse.latest_month()
    jobs: dict[str, Callable[[], object]] = {
        "districts_by_province": indexes.districts_by_province,
        "top_leaders_of_month": lambda: month and browse.top_leaders_of_month(month),
        "district_leaders_ranked": lambda: district and browse.district_leaders_ranked(district, sort="mentions").items,
    }
    return {name: _timed(job) for name, job in jobs.items()}


def _timed(job: Callable[[], object]) -> float:
    start = time.perf_counter()
    job()
    return (time.perf_counter() - start) * 1000


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    args = parse_args()
    import django

    django.setup()
    use_database(args.db)
    plain_static_files()
    from articles.models import Article

    print(f"database {args.db}: {Article.objects.count():,} articles; {args.n} requests per page")
    rng = random.Random(args.seed)
    for name, ms in cold_aggregates().items():
        print(f"  first call {name:<24} {ms:8.1f} ms")
    print(f"{'page':<18}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}  p95 ≤ {TARGET_P95_MS:.0f} ms")
    failed = False
    for page, urls in sample_urls(rng, args.n).items():
        if not urls:
            print(f"{page:<18}  (no data)")
            continue
        times = measure(urls)
        p95 = percentile(times, 95)
        failed |= p95 > TARGET_P95_MS
        print(f"{page:<18}{percentile(times, 50):9.1f}{p95:9.1f}{max(times):9.1f}  {'ok' if p95 <= TARGET_P95_MS else 'SLOW'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
