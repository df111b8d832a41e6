"""Building the synthetic search-benchmark corpus (bench/corpus.py) in its own database, once.

An empty database is filled by COPY from two processes with the secondary indexes dropped and
rebuilt once; a later run extends or reuses it (a ``ready`` row in ``bench_build`` marks it
complete). Used by bench/search.py.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

BATCH_ISSUES = 200
DROP_INDEX_ABOVE = 50_000
LIVE_INGEST_ISSUES = 200


@dataclass
class Refs:
    districts: list[int]
    papers: list[int]
    paper_district: list[int]
    leaders: dict[tuple[int, int], int]  # (name index, district index) -> Leader id


def reference_rows() -> Refs:
    """Create (once) the districts, papers and leaders of the corpus; return their ids."""
    from django.utils.text import slugify

    from articles.models import District, Leader, Paper
    from bench import corpus

    districts = []
    for name, city, province in corpus.DISTRICTS:
        d, _ = District.objects.get_or_create(
            province=province, city=city, name=name, defaults={"slug": slugify(name, allow_unicode=True)}
        )
        districts.append(d.pk)
    papers, paper_district = [], []
    for name, d_index in corpus.papers():
        p, _ = Paper.objects.get_or_create(name=name, defaults={"slug": slugify(name, allow_unicode=True),
                                                                 "district_id": districts[d_index]})
        papers.append(p.pk)
        paper_district.append(d_index)
    names = corpus.names()
    Leader.objects.bulk_create(
        [Leader(name=n, district_id=districts[corpus.name_district(i)]) for i, n in enumerate(names)],
        ignore_conflicts=True, batch_size=5000,
    )
    by_key = {(n, d): pk for pk, n, d in Leader.objects.values_list("pk", "name", "district_id")}
    leaders = {(i, corpus.name_district(i)): by_key[(n, districts[corpus.name_district(i)])] for i, n in enumerate(names)}
    return Refs(districts=districts, papers=papers, paper_district=paper_district, leaders=leaders)


def load_issues(refs: Refs, start: int, stop: int, *, report_every: int = 20_000) -> tuple[int, int, float]:
    """Generate issues [start, stop) and store them in batches; return (issues, articles, seconds)."""
    from django.db import transaction

    from articles.ingest import bulk_insert_articles
    from articles.models import Article, Issue, Mention
    from bench import corpus

    began = time.perf_counter()
    articles_done = 0
    next_report = report_every
    for batch_start in range(start, stop, BATCH_ISSUES):
        generated = [corpus.make_issue(i) for i in range(batch_start, min(stop, batch_start + BATCH_ISSUES))]
        with transaction.atomic():
            issues = Issue.objects.bulk_create([
                Issue(paper_id=refs.papers[g.paper], issue_date=g.issue_date, page=f"{g.page}-{g.index}",
                      original_filename=f"bench_{g.index}.txt", raw_bytes=b"", text=f"bench issue {g.index}",
                      encoding="utf-8", sha256=g.sha256)
                for g in generated
            ])
            articles, mentions = [], []
            for g, issue in zip(generated, issues):
                d_index = refs.paper_district[g.paper]
                for position, a in enumerate(g.articles, start=1):
                    articles.append(Article(
                        issue=issue, paper_id=issue.paper_id, issue_date=g.issue_date, position=position,
                        title=a.title, byline=a.byline, body=a.body, event_date=a.event_date,
                        district_id=refs.districts[d_index], content_hash=f"bench-{g.index}-{position}",
                    ))
                    mentions.append([
                        Mention(leader_id=refs.leaders[(n, corpus.name_district(n))], titles=[office], position=k)
                        for k, (n, office) in enumerate(dict((n, o) for n, o in a.leaders).items(), start=1)
                    ])
            bulk_insert_articles(articles, mentions)
        articles_done += len(articles)
        if articles_done >= next_report:
            rate = articles_done / (time.perf_counter() - began)
            print(f"  … {articles_done:,} articles ({rate:,.0f}/s)", flush=True)
            next_report += report_every
    return stop - start, articles_done, time.perf_counter() - began


COPY_BATCH_ISSUES = 500
COPY_WORKERS = 2
STATE_TABLES = (
    "CREATE TABLE IF NOT EXISTS bench_build (key text PRIMARY KEY, value text NOT NULL)",
    "CREATE TABLE IF NOT EXISTS bench_batches (start integer PRIMARY KEY, articles integer NOT NULL)",
)
# Secondary indexes dropped during a COPY load and built once at the end (constraints stay).
LOAD_TABLES = ("articles_article", "articles_mention")
# The browsing-summary triggers fire even under session_replication_role = replica; with the
# leader index dropped each batch made them scan every mention (the load slowed from 600 to under
# 100 articles/s by 500,000). They are off during the load and the summaries are rebuilt once.
SUMMARY_TRIGGERS = (("articles_article", "articles_article_insert_summaries"),
                    ("articles_mention", "articles_mention_insert_summaries"))


def _state(cur, key: str) -> str | None:  # noqa: ANN001
    cur.execute("SELECT value FROM bench_build WHERE key = %s", [key])
    row = cur.fetchone()
    return row[0] if row else None


def ensure_corpus(target: int, db: str) -> dict[str, float]:
    """Build the corpus until it holds at least ``target`` articles; return ingest figures.

    An empty database is filled by COPY from ``COPY_WORKERS`` processes (generation, folding and
    the tsvector literal in Python, ``ingest.search_fields`` as in every ingest path), with the
    secondary indexes dropped and built once at the end, then VACUUM ANALYZE. A stopped build
    resumes batch by batch. When complete, ``bench_build`` holds ``ready``.
    """
    refs = reference_rows()
    figures, reusable = _reusable_corpus(target)
    if reusable:
        return figures
    figures.update(_copy_load(refs, target))
    figures.update(_finish_corpus(refs))
    return figures


def _reusable_corpus(target: int) -> tuple[dict[str, float], bool]:
    """Return the figures so far and whether the stored corpus can be used as it is."""
    from django.db import connection

    from articles.models import Article

    with connection.cursor() as cur:
        for sql in STATE_TABLES:
            cur.execute(sql)
        ready = _state(cur, "ready")
        cur.execute("SELECT count(*) FROM bench_batches")
        copy_built = cur.fetchone()[0] > 0
    have = Article.objects.count()
    figures: dict[str, float] = {"articles_before": have}
    if ready and have >= target:
        print(f"Reusing corpus: {have:,} articles (complete since {ready}).")
        return figures, True
    if have and not copy_built and not ready:
        print(f"Reusing corpus: {have:,} articles (built before COPY loading; not extended).")
        return figures, True
    return figures, False


def _finish_corpus(refs: Refs) -> dict[str, float]:
    """VACUUM ANALYZE, ingest a few live issues through the ordinary path, mark the corpus ready."""
    from django.db import connection

    figures: dict[str, float] = {}
    began = time.perf_counter()
    with connection.cursor() as cur:
        for table in ("articles_article", "articles_mention", "articles_issue"):
            cur.execute(f"VACUUM ANALYZE {table}")
    figures["analyze_seconds"] = time.perf_counter() - began
    start = _next_issue_index()
    issues, articles, seconds = load_issues(refs, start, start + LIVE_INGEST_ISSUES, report_every=10**9)
    figures.update(live_issues=issues, live_articles=articles, live_seconds=seconds)
    with connection.cursor() as cur:
        cur.execute("ANALYZE articles_article")
        cur.execute("ANALYZE articles_mention")
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        cur.execute("INSERT INTO bench_build VALUES ('ready', %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [stamp])
    print(f"Corpus complete at {stamp} (bench_build.ready)", flush=True)
    return figures


def _next_issue_index() -> int:
    from articles.models import Issue

    last = Issue.objects.filter(original_filename__startswith="bench_").order_by("-pk").values_list("pk", flat=True).first()
    return int(last or 0)


def _copy_load(refs: Refs, target: int) -> dict[str, float]:
    """COPY issues [0, N) in parallel batches until ``target`` articles are stored; build indexes once."""
    from django.db import connection, connections

    params, plain = dict(connection.get_connection_params()), _worker_refs(refs)
    with connection.cursor() as cur:
        _drop_secondary_indexes(cur)
        _set_summary_triggers(cur, enabled=False)
        cur.execute("SELECT coalesce(sum(articles), 0) FROM bench_batches")
        have = cur.fetchone()[0]
        cur.execute("SELECT start FROM bench_batches")
        done = {row[0] for row in cur.fetchall()}
    issues_needed = _whole_batches(-(-target // 5))  # 3-7 articles per issue: 5 on average
    connections.close_all()
    began = time.perf_counter()
    loaded = [0, 0]  # issues, articles
    while True:
        jobs = [(s, min(s + COPY_BATCH_ISSUES, issues_needed)) for s in range(0, issues_needed, COPY_BATCH_ISSUES)
                if s not in done]
        if not jobs:
            break
        _run_copy_jobs(jobs, params, plain, done, loaded, have, began)
        if have + loaded[1] >= target:
            break
        issues_needed += _whole_batches(-(-(target - have - loaded[1]) // 5))
    figures = {"bulk_issues": loaded[0], "bulk_articles": loaded[1],
               "bulk_seconds": max(time.perf_counter() - began, 1e-9)}
    figures["index_build_seconds"] = _build_indexes()
    return figures


def _worker_refs(refs: Refs) -> dict:
    """Parse the seed units once here (the forked workers inherit them) and return plain ids."""
    from bench import corpus

    corpus.seed_units()
    corpus._zipf_weights()  # noqa: SLF001
    names = corpus.names()
    return {
        "papers_ids": refs.papers, "paper_district": refs.paper_district, "district_ids": refs.districts,
        "leader_ids": [refs.leaders[(i, corpus.name_district(i))] for i in range(len(names))],
    }


def _run_copy_jobs(jobs: list, params: dict, plain: dict, done: set, loaded: list, have: int, began: float) -> None:
    """Run one round of COPY batches on ``COPY_WORKERS`` processes, counting into ``loaded``."""
    import multiprocessing

    print(f"COPY load: {len(jobs)} batches of {COPY_BATCH_ISSUES} issues on {COPY_WORKERS} processes "
          f"(secondary indexes dropped)", flush=True)
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(COPY_WORKERS, initializer=_copy_worker_init, initargs=(params, plain)) as pool:
        for k, (s, n_issues, n_articles) in enumerate(pool.imap_unordered(_copy_batch, jobs), start=1):
            done.add(s)
            loaded[0] += n_issues
            loaded[1] += n_articles
            if k % 20 == 0 or k == len(jobs):
                elapsed = time.perf_counter() - began
                print(f"  … {have + loaded[1]:,} articles ({loaded[1] / elapsed:,.0f} articles/s, "
                      f"{loaded[0] / elapsed:,.0f} issues/s)", flush=True)


def _build_indexes() -> float:
    """Restore the secondary indexes and the id sequences; return the seconds it took."""
    from django.db import connection

    from articles.ingest.summaries import refresh_browse_summaries

    began = time.perf_counter()
    with connection.cursor() as cur:
        _restore_secondary_indexes(cur)
        _set_summary_triggers(cur, enabled=True)
        for table in ("articles_issue", "articles_article", "articles_mention"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    refresh_browse_summaries()
    seconds = time.perf_counter() - began
    print(f"Indexes and browsing summaries built in {seconds:,.0f} s", flush=True)
    return seconds


def _whole_batches(issues: int) -> int:
    return -(-issues // COPY_BATCH_ISSUES) * COPY_BATCH_ISSUES


def _drop_secondary_indexes(cur) -> None:  # noqa: ANN001
    """Drop every index of the loaded tables that backs no constraint, remembering its definition."""
    cur.execute("""
        SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relname = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
    """, [list(LOAD_TABLES)])
    for name, definition in cur.fetchall():
        cur.execute("INSERT INTO bench_build VALUES (%s, %s) ON CONFLICT DO NOTHING", [f"index:{name}", definition])
        cur.execute(f'DROP INDEX IF EXISTS "{name}"')


def _set_summary_triggers(cur, *, enabled: bool) -> None:  # noqa: ANN001
    for table, trigger in SUMMARY_TRIGGERS:
        cur.execute(f'ALTER TABLE {table} {"ENABLE ALWAYS" if enabled else "DISABLE"} TRIGGER {trigger}')


def _restore_secondary_indexes(cur) -> None:  # noqa: ANN001
    cur.execute("SET maintenance_work_mem = '2GB'")
    cur.execute("SET max_parallel_maintenance_workers = 1")
    cur.execute("SELECT key, value FROM bench_build WHERE key LIKE 'index:%%' ORDER BY (value LIKE '%%gin%%') DESC")
    for key, definition in cur.fetchall():
        began = time.perf_counter()
        cur.execute(definition)
        cur.execute("DELETE FROM bench_build WHERE key = %s", [key])
        print(f"  {key[6:]}: {time.perf_counter() - began:,.0f} s", flush=True)


_worker: dict[str, object] = {}


def _copy_worker_init(params: dict, plain: dict) -> None:
    import psycopg2

    conn = psycopg2.connect(**params)
    with conn.cursor() as cur:
        # Generated rows are consistent by construction: skip the per-row foreign-key triggers.
        cur.execute("SET session_replication_role = replica")
        cur.execute("SET synchronous_commit = off")
    conn.commit()
    _worker.update(conn=conn, plain=plain)


def _copy_batch(job: tuple[int, int]) -> tuple[int, int, int]:
    import io

    from bench import corpus

    start, stop = job
    issues, articles, mentions, count = corpus.copy_rows(start, stop, **_worker["plain"])  # type: ignore[arg-type]
    conn = _worker["conn"]
    with conn.cursor() as cur:  # type: ignore[attr-defined]
        cur.copy_expert(f"COPY articles_issue ({', '.join(corpus.ISSUE_COLUMNS)}) FROM STDIN", io.StringIO(issues))
        cur.copy_expert(f"COPY articles_article ({', '.join(corpus.ARTICLE_COLUMNS)}) FROM STDIN", io.StringIO(articles))
        if mentions:
            cur.copy_expert(f"COPY articles_mention ({', '.join(corpus.MENTION_COLUMNS)}) FROM STDIN",
                            io.StringIO(mentions))
        cur.execute("INSERT INTO bench_batches VALUES (%s, %s)", [start, count])
    conn.commit()  # type: ignore[attr-defined]
    return start, stop - start, count


def _seed_files(count: int, tag: str) -> list[tuple[bytes, str]]:
    from bench import corpus

    from datetime import timedelta

    seeds = sorted((corpus.ROOT / "tests" / "data" / "seeds").glob("*.txt"))
    stamp = time.time_ns()
    first = date(2008 if tag == "s" else 2009, 1, 1)
    # A distinct paper/date/page per file: every file is a new issue (none replaces another).
    return [
        (seeds[i % len(seeds)].read_bytes() + f"\n（基准测试 {tag} {stamp}-{i}）\n".encode(),
         f"基准报_{first + timedelta(days=i // 8):%Y-%m-%d}_{i % 8 + 1:02d}.txt")
        for i in range(count)
    ]


def real_ingest_rate(count: int) -> tuple[float, float]:
    """Issues per second through the real ingest code (decode, full text pipeline, store) on seed pages.

    Returns (ingest_issue one file at a time, ingest_issues_batched with a 2-process parse pool).
    Both store one transaction per issue. The issues are purged afterwards (the corpus stays as built).
    """
    from articles.ingest import ingest_issue, ingest_issues_batched, known_leader_names, purge_issue

    known = known_leader_names()
    single = _seed_files(count, "s")
    began = time.perf_counter()
    made = [ingest_issue(data, filename=name, known_leaders=known).issue for data, name in single]
    one_by_one = count / (time.perf_counter() - began)
    batch = _seed_files(count * 3, "b")
    began = time.perf_counter()
    results = ingest_issues_batched(batch, workers=2)
    batched = len(batch) / (time.perf_counter() - began)
    failed = [r for r in results if not hasattr(r, "issue")]
    if failed:
        print(f"  batched ingest: {len(failed)} files failed: {failed[:3]}")
    statuses = [r.status for r in results if hasattr(r, "issue")]
    if any(s != "new" for s in statuses):
        print(f"  note: batched statuses {sorted(set(statuses))}")
    for issue in {i.pk: i for i in made + [r.issue for r in results if hasattr(r, "issue")]}.values():
        purge_issue(issue)
    return one_by_one, batched


# ---------------------------------------------------------------- queries


def print_sizes() -> None:
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("""
            SELECT pg_relation_size('articles_article'),
                   pg_total_relation_size('articles_article'),
                   pg_relation_size('article_search_idx'),
                   (SELECT pg_total_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'articles_article'),
                   (SELECT sum(octet_length(body)) FROM articles_article),
                   (SELECT sum(octet_length(search_text)) FROM articles_article),
                   (SELECT sum(pg_column_size(search_vector)) FROM articles_article),
                   (SELECT count(*) FROM articles_article)
        """)
        heap, total, gin, toast, body, text, vector, n = cur.fetchone()
    mib = 1024 * 1024
    print(f"\nSizes for {n:,} articles:")
    print(f"  body text (UTF-8)            {body / mib:10,.0f} MiB")
    print(f"  search_text column (raw)     {text / mib:10,.0f} MiB")
    print(f"  search_vector column (stored){vector / mib:10,.0f} MiB")
    print(f"  GIN search index             {gin / mib:10,.0f} MiB  ({gin / body:.2f}× body text)")
    print(f"  table heap / TOAST           {heap / mib:10,.0f} / {toast / mib:,.0f} MiB")
    print(f"  table total (incl. indexes)  {total / mib:10,.0f} MiB")
