"""Ranking quality: nDCG@10 of newest-first, the baseline's relevance and the index's BM25.

    .venv/bin/python bench/ranking.py pool --corpus ../shared/corpus --realpages ../shared/realpages \\
        --out /some/dir/outside/the/repo/pools.txt       # ingest, pool every match, write for grading
    .venv/bin/python bench/ranking.py score --corpus … --realpages …   # nDCG@10 of the three orders

The real articles (the parser issue's corpus and the real pages) are read from the paths given
and ingested into their own database (default ``newsarchive_bench_rank``); no article text is
kept in the repository. ``bench/data/judgments.json`` holds, per query, the grade (0 not about
it, 1 partly, 2 mainly about it) of *every* article that contains the query, keyed by a stable
name: the corpus id (``east-006``) or ``<page file>#<hash of the article's opening>``. The grades were given
from the pool file (query and article text, in article-id order) before any ranking was run.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.search import setup  # noqa: E402 - the same database and index set-up as the search benchmark

JUDGMENTS = ROOT / "bench" / "data" / "judgments.json"
K = 10


def _corpus_date(record: dict) -> date:
    """The published date, else a fixed pseudo-random one (2020-2025) so newest-first is defined."""
    if record.get("published"):
        return date.fromisoformat(record["published"])
    digest = int(hashlib.sha256(record["id"].encode()).hexdigest()[:8], 16)
    return date(2020, 1, 1) + timedelta(days=digest % 2190)


def ingest(corpus: Path, realpages: Path) -> None:
    """Load the corpus articles (one issue each) and the real pages (through the parser) once."""
    from django.db import transaction

    from articles.ingest import ingest_issue
    from articles.models import Article

    if Article.objects.exists():
        return
    with transaction.atomic():
        _ingest_corpus(corpus)
    for n, page in enumerate(sorted((realpages / "issues").glob("*.txt"))):
        ingest_issue(page.read_bytes(), filename=page.name, paper="真实版面",
                     issue_date=date(2025, 1, 6) + timedelta(days=37 * n), page="01")


def _ingest_corpus(corpus: Path) -> None:
    """One issue per corpus article (its page label is the article's id), text as published."""
    from articles.ingest import write_search_fields
    from articles.models import Article, Issue, Paper

    paper, _ = Paper.objects.get_or_create(name="真实语料", defaults={"slug": "corpus"})
    for path in sorted(corpus.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            body = "\n".join(record["body"])
            data = line.encode()
            issue = Issue.objects.create(
                paper=paper, issue_date=_corpus_date(record), page=record["id"], original_filename=record["id"],
                raw_bytes=data, text=body, encoding="utf-8", sha256=hashlib.sha256(data).hexdigest())
            article = Article.objects.create(
                issue=issue, paper=paper, issue_date=issue.issue_date, position=1, title=record["title"] or "",
                subtitle=record["subtitle"] or "", byline=record["byline"] or "", body=body,
                content_hash=hashlib.sha256(body.encode()).hexdigest())
            write_search_fields(article)


def keys() -> dict[int, str]:
    """{article id: stable name}: the corpus id, or the page file and a hash of the article's opening.

    A page's articles are named by what they say, not by their position: a parser change that
    splits a page differently must not move a grade to another article.
    """
    from articles.models import Article

    out = {}
    for pk, name, body in Article.objects.values_list("id", "issue__original_filename", "body"):
        out[pk] = name if not name.endswith(".txt") else f"{name}#{opening_hash(body)}"
    return out


def opening_hash(body: str) -> str:
    """A short hash of the first 24 characters of the folded body (no text is kept, only this)."""
    from articles.text import tokens

    opening = "".join(tokens.normalize(body).split())[:24]
    return hashlib.sha256(opening.encode()).hexdigest()[:12]


def pools(queries: list[str]) -> dict[str, list[int]]:
    """Every article containing each query (ids ascending: no ranking involved)."""
    from articles import search
    from articles.search import SearchParams
    from articles.text.query import parse

    return {q: sorted(search.matching_ids(SearchParams(query=parse(q)))) for q in queries}


def write_pools(out: Path, queries: list[str]) -> None:
    """Write query + article id + text for grading, outside the repository."""
    from articles.models import Article

    names = keys()
    with out.open("w", encoding="utf-8") as handle:
        for q, ids in pools(queries).items():
            handle.write(f"\n=== {q} ({len(ids)})\n")
            for a in Article.objects.filter(pk__in=ids).order_by("pk"):
                text = " ".join(a.body.split())
                handle.write(f"-- {names[a.pk]} | {a.title} {a.subtitle} | {text}\n")


def ndcg(ranked: list[str], grades: dict[str, int]) -> float:
    """nDCG@K with gain 2^g - 1; the ideal order is the graded pool's."""
    def dcg(gs: list[int]) -> float:
        return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(gs[:K]))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(name, 0) for name in ranked]) / ideal if ideal else 1.0


def rankings(q: str) -> dict[str, list[int]]:
    """The top K ids of the three orders for one query."""
    from articles import search
    from articles.search import SearchParams
    from articles.text.query import parse
    from bench import baseline

    params = {sort: SearchParams(query=parse(q), sort=sort) for sort in ("relevance", "newest")}
    return {
        "newest first": [r.article.pk for r in search.search(params["newest"]).rows][:K],
        "baseline relevance": baseline.search(params["relevance"]).ids[:K],
        "index BM25": [r.article.pk for r in search.search(params["relevance"]).rows][:K],
    }


def score() -> None:
    """Print nDCG@10 per order (mean over the judged queries) and per query."""
    judged = json.loads(JUDGMENTS.read_text(encoding="utf-8"))["queries"]
    names = keys()
    totals: dict[str, list[float]] = {}
    for item in judged:
        row = {order: ndcg([names[i] for i in ids], item["grades"]) for order, ids in rankings(item["query"]).items()}
        for order, value in row.items():
            totals.setdefault(order, []).append(value)
        print(f"{item['query']:<12} " + "  ".join(f"{o} {v:.3f}" for o, v in row.items()))
    print(f"\nnDCG@{K} over {len(judged)} queries (mean):")
    for order, values in totals.items():
        print(f"  {order:<20} {sum(values) / len(values):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=["pool", "score"])
    parser.add_argument("--corpus", type=Path, required=True, help="folder of the real corpus (*.jsonl)")
    parser.add_argument("--realpages", type=Path, required=True, help="folder of the real pages (issues/*.txt)")
    parser.add_argument("--db", default="newsarchive_bench_rank")
    parser.add_argument("--queries", type=Path, help="pool: a file of queries, one a line (default: the judged ones)")
    parser.add_argument("--out", type=Path, help="pool: where to write the pools (outside the repository)")
    args = parser.parse_args()
    setup(args.db)
    ingest(args.corpus, args.realpages)
    if args.action == "pool":
        source = args.queries.read_text(encoding="utf-8").split("\n") if args.queries else [
            item["query"] for item in json.loads(JUDGMENTS.read_text(encoding="utf-8"))["queries"]]
        write_pools(args.out, [q.strip() for q in source if q.strip()])
    else:
        score()


if __name__ == "__main__":
    main()
