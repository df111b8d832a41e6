"""Load test: the production server (gunicorn, as ``make serve`` runs it) against ``runserver``.

    .venv/bin/python bench/load.py [--seconds 60] [--clients 32] [--url http://127.0.0.1:8000]

Addresses are drawn from the archive in the database the site uses (``DATABASE_URL``, else the
embedded server): the home page, articles, issues, districts, leaders, calendar pages (paper
month, district year, day), searches for common and for rare terms, and the JSON API (search
and article). ``--clients`` threads, each with its own keep-alive ``http.client`` connection,
request a weighted random mix of them for ``--seconds`` (at most ``--max-requests`` in all);
the figures are requests per second, p50/p95/p99 latency and errors (an answer other than
200, or a failed connection). The same mix, with the same seed, then runs against
``manage.py runserver`` as the baseline, and the ratios are printed.

Without ``--url`` the bench starts gunicorn itself, after the same ``migrate``,
``collectstatic`` and sample ingest that ``make serve`` runs (DEBUG off, plain HTTP, the
access log off for both servers), each server on a free port of 127.0.0.1, and stops both
at the end. With ``--url`` it loads that running server instead; it only ever talks to the
loopback address. ``--no-baseline`` skips runserver.
"""
from __future__ import annotations

import argparse
import http.client
import ipaddress
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("DJANGO_HTTPS", "0")

MAX_CLIENTS = 256
MAX_SECONDS = 3600
# Share of requests per kind of address (relative weights).
MIX = {
    "home": 8, "article": 22, "issue": 10, "district": 8, "leader": 8, "calendar": 10,
    "search_common": 8, "search_rare": 8, "api_search": 9, "api_article": 9,
}
START_TIMEOUT_SECONDS = 90


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="duration per server (default 60)")
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients (default 32)")
    parser.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests per server (default 200,000)")
    parser.add_argument("--url", help="load this running server (loopback only) instead of starting gunicorn")
    parser.add_argument("--no-baseline", action="store_true", help="do not run the runserver baseline")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not 1 <= args.clients <= MAX_CLIENTS:
        parser.error(f"--clients must be between 1 and {MAX_CLIENTS}")
    if not 0 < args.seconds <= MAX_SECONDS:
        parser.error(f"--seconds must be above 0 and at most {MAX_SECONDS}")
    if args.url:
        host = urlsplit(args.url).hostname or ""
        if host != "localhost" and not _is_loopback(host):
            parser.error("--url must point at the loopback address (127.0.0.1, ::1 or localhost)")
    return args


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# ----------------------------------------------------------------------------- addresses


def discover_urls(rng: random.Random, per_kind: int = 200) -> dict[str, list[str]]:
    """Draw addresses of every kind from the archive's database (random rows, real search terms)."""
    import django

    django.setup()
    from django.db import connection
    from django.urls import reverse

    articles, issues, districts, leaders = _sample_rows(rng, per_kind)
    common, rare = _index_terms(rng)

    def search(path: str, terms: list[str]) -> list[str]:
        return [f"{path}?{urlencode({'q': rng.choice(terms)})}" for _ in range(per_kind)] if terms else []

    urls = {
        "home": [reverse("articles:home")],
        "article": [reverse("articles:article_detail", kwargs={"pk": pk}) for pk in articles],
        "issue": [i.get_absolute_url() for i in issues],
        "district": [reverse("articles:district_detail", kwargs={"slug": s}) for s in districts],
        "leader": [reverse("articles:leader_detail", kwargs={"pk": pk}) for pk in leaders],
        "calendar": _calendar_urls(rng, issues),
        "search_common": search(reverse("articles:search"), common),
        "search_rare": search(reverse("articles:search"), rare),
        "api_search": search(reverse("articles:api_search"), common[:10] + rare[:10]),
        "api_article": [reverse("articles:api_article", kwargs={"pk": pk}) for pk in articles],
    }
    connection.close()
    # Non-ASCII slugs are sent percent-encoded, as a browser does.
    return {kind: [quote(u, safe="/?=&%") for u in found] for kind, found in urls.items() if found}


def _sample_rows(rng: random.Random, per_kind: int) -> tuple[list, list, list, list]:
    """Return random article ids, issues, district slugs and leader ids (with repeats, ``per_kind`` each)."""
    from articles.models import Article, District, Issue, Mention

    def sample(queryset, k: int) -> list:  # noqa: ANN001
        rows = list(queryset.order_by("?")[:k])
        return [rng.choice(rows) for _ in range(k)] if rows else []

    articles = sample(Article.objects.values_list("pk", flat=True), per_kind)
    if not articles:
        raise SystemExit("the archive has no articles: run `make samples` (or ingest issues) first")
    issues = sample(Issue.objects.select_related("paper").only("pk", "issue_date", "paper__slug"), per_kind)
    districts = sample(District.objects.filter(article_count__gt=0).values_list("slug", flat=True), per_kind)
    leaders = sample(Mention.objects.values_list("leader_id", flat=True), per_kind)
    return articles, issues, districts, leaders


def _index_terms(rng: random.Random) -> tuple[list[str], list[str]]:
    """Return bigrams (the index's terms) of recent articles: the most frequent, and up to 200 in one article only."""
    from django.db import connection

    with connection.cursor() as cursor:
        stats = "SELECT search_vector FROM articles_article ORDER BY id DESC LIMIT 5000"
        cursor.execute("SELECT word FROM ts_stat(%s) WHERE char_length(word) = 2 ORDER BY ndoc DESC, word LIMIT 20", [stats])
        common = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT word FROM ts_stat(%s) WHERE char_length(word) = 2 AND ndoc = 1 ORDER BY word", [stats])
        rare = [row[0] for row in cursor.fetchall()]
    return common, rng.sample(rare, min(len(rare), 200))


def _calendar_urls(rng: random.Random, issues: list) -> list[str]:
    """Month, day and district-year calendar pages around the sampled issues' dates.

    A district's year is drawn from its own articles: a year in which a district printed
    nothing has no calendar page (404), which is no load figure.
    """
    from django.urls import reverse

    from articles.models import Article

    years = list(Article.objects.filter(issue__in=[i.pk for i in issues], district__isnull=False)
                 .values_list("district__slug", "issue_date__year").distinct())
    calendar = []
    for issue in issues:
        day = issue.issue_date
        calendar.append(reverse("articles:paper_month", kwargs={"slug": issue.paper.slug, "year": day.year, "month": day.month}))
        calendar.append(reverse("articles:date_day", kwargs={"year": day.year, "month": day.month, "day": day.day}))
        if years:
            slug, year = rng.choice(years)
            calendar.append(reverse("articles:district_year", kwargs={"slug": slug, "year": year}))
    return calendar


def request_plan(urls: dict[str, list[str]], count: int, rng: random.Random) -> list[tuple[str, str]]:
    """A fixed sequence of (kind, address) in the mix's proportions, the same for every server."""
    kinds = list(urls)
    weights = [MIX[k] for k in kinds]
    return [(kind, rng.choice(urls[kind])) for kind in rng.choices(kinds, weights, k=count)]


# ----------------------------------------------------------------------------- servers


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_env(port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "BIND"}
    env.update(DJANGO_DEBUG="0", DJANGO_HTTPS="0", NEWSARCHIVE_ACCESS_LOG="0", PORT=str(port))
    return env


def prepare_site() -> None:
    """What ``make serve`` does before gunicorn starts: migrations, static files, the sample issues."""
    env = _server_env(0)
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput", "--verbosity", "0"],
                    ["ingest_issues", "sample_data"]):
        done = subprocess.run(manage + command, cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"manage.py {' '.join(command)} failed:\n{done.stdout}{done.stderr}")


def start_server(kind: str) -> tuple[subprocess.Popen, int]:
    """Start gunicorn (the project's config) or runserver on a free loopback port; wait until it answers."""
    port = _free_port()
    if kind == "gunicorn":
        command = [str(Path(sys.executable).with_name("gunicorn")), "--config", "newsarchive/gunicorn_conf.py",
                   "--log-level", "warning", "newsarchive.wsgi"]
    else:
        command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
    process = subprocess.Popen(command, cwd=ROOT, env=_server_env(port), start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{kind} exited with status {process.returncode} before answering")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                conn.close()
                return process, port
        except OSError:
            pass
        time.sleep(0.2)
    stop_server(process)
    raise SystemExit(f"{kind} did not answer /healthz within {START_TIMEOUT_SECONDS} s")


def stop_server(process: subprocess.Popen) -> None:
    """Stop the server this bench started (its own process group: gunicorn's workers too)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# ----------------------------------------------------------------------------- load


@dataclass
class Outcome:
    """What one server answered under the load."""

    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def requests(self) -> int:
        return len(self.latencies_ms) + sum(self.errors.values())

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def percentile(values: list[float], q: int) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def run_load(host: str, port: int, plan: list[tuple[str, str]], *, clients: int, seconds: float) -> Outcome:
    """``clients`` threads take the plan's requests in turn until it is used up or the time is over."""
    outcome = Outcome()
    lock = threading.Lock()
    next_index = iter(range(len(plan)))
    started = time.perf_counter()
    deadline = started + seconds

    def take() -> tuple[str, str] | None:
        with lock:
            index = next(next_index, None)
        return None if index is None or time.perf_counter() >= deadline else plan[index]

    def client() -> None:
        mine = _client_requests(host, port, take)
        with lock:
            for kind, elapsed, error in mine:
                if error is None:
                    outcome.latencies_ms.append(elapsed)
                    outcome.by_kind[kind].append(elapsed)
                else:
                    outcome.errors[error] += 1

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    outcome.seconds = time.perf_counter() - started
    return outcome


def _client_requests(host: str, port: int,
                     take: Callable[[], tuple[str, str] | None]) -> list[tuple[str, float | None, str | None]]:
    """One client on one kept-alive connection: (kind, ms or None, error or None) per request it took."""
    conn = http.client.HTTPConnection(host, port, timeout=30)
    mine: list[tuple[str, float | None, str | None]] = []
    while (job := take()) is not None:
        kind, url = job
        begin = time.perf_counter()
        try:
            conn.request("GET", url, headers={"Host": "127.0.0.1"})
            response = conn.getresponse()
            response.read()
            elapsed = (time.perf_counter() - begin) * 1000
            mine.append((kind, elapsed, None) if response.status == 200 else (kind, None, f"HTTP {response.status}"))
            if response.will_close:
                conn.close()
        except (OSError, http.client.HTTPException) as exc:
            mine.append((kind, None, type(exc).__name__))
            conn.close()
    conn.close()
    return mine


def warm_up(host: str, port: int, urls: dict[str, list[str]]) -> None:
    """One request of each kind, so imports and first connections are not timed."""
    conn = http.client.HTTPConnection(host, port, timeout=60)
    for found in urls.values():
        for url in found[:2]:
            try:
                conn.request("GET", url, headers={"Host": "127.0.0.1"})
                conn.getresponse().read()
            except (OSError, http.client.HTTPException):
                conn.close()
    conn.close()


def report(name: str, outcome: Outcome) -> None:
    lat = outcome.latencies_ms
    errors = ", ".join(f"{k} ×{v}" for k, v in sorted(outcome.errors.items())) or "none"
    print(f"\n{name}: {outcome.requests:,} requests in {outcome.seconds:.1f} s = {outcome.per_second:.1f} req/s; "
          f"p50 {percentile(lat, 50):.1f} ms, p95 {percentile(lat, 95):.1f} ms, p99 {percentile(lat, 99):.1f} ms; "
          f"errors: {errors}")
    print(f"  {'kind':<14}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for kind in MIX:
        values = outcome.by_kind.get(kind, [])
        if values:
            print(f"  {kind:<14}{len(values):>7}{percentile(values, 50):9.1f}{percentile(values, 95):9.1f}"
                  f"{percentile(values, 99):9.1f}")


def load_server(name: str, host: str, port: int, urls: dict[str, list[str]], args: argparse.Namespace) -> Outcome:
    plan = request_plan(urls, args.max_requests, random.Random(args.seed))
    warm_up(host, port, urls)
    outcome = run_load(host, port, plan, clients=args.clients, seconds=args.seconds)
    report(name, outcome)
    return outcome


def main() -> None:
    args = parse_args()
    if not args.url:
        prepare_site()
    urls = discover_urls(random.Random(args.seed))
    print(f"{args.clients} clients, {args.seconds:g} s per server, mix: "
          + ", ".join(f"{k} {MIX[k]}" for k in urls) + " (weights)")
    results: dict[str, Outcome] = {}
    if args.url:
        parts = urlsplit(args.url)
        results["server"] = load_server(f"server at {args.url}", parts.hostname, parts.port or 80, urls, args)
    else:
        process, port = start_server("gunicorn")
        try:
            results["server"] = load_server("gunicorn (make serve)", "127.0.0.1", port, urls, args)
        finally:
            stop_server(process)
    if args.no_baseline:
        return
    process, port = start_server("runserver")
    try:
        results["runserver"] = load_server("manage.py runserver (baseline)", "127.0.0.1", port, urls, args)
    finally:
        stop_server(process)
    server, base = results["server"], results["runserver"]
    print("\nratio server / runserver: "
          f"req/s ×{server.per_second / base.per_second:.2f}; " + "; ".join(
              f"p{q} ×{percentile(server.latencies_ms, q) / percentile(base.latencies_ms, q):.2f}" for q in (50, 95, 99)
          ))


if __name__ == "__main__":
    main()
