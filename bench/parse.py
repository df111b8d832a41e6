"""Benchmark the text pipeline: pages per second over distinct typical pages, and time against page size.

Run from the project root: ``.venv/bin/python bench/parse.py [--rounds 8] [--curve-rounds 3]``.
jieba's dictionary load happens once before timing, as it does in a long-running process.
Pages per second is measured on distinct simulated pages made from real articles (``pagesim``):
the pipeline remembers the words and places of texts it has just read, so that memory is cleared
before each page and every page is timed as a fresh upload.
The curve concatenates those pages into uploads of 10 KB … 2 MB and prints the median
parse time of each size and its ratio to the 100 KB time: parsing must grow linearly
(a 1 MB page at most 12 times a 100 KB one) so that a large legal upload cannot tie up a
worker for minutes.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.text import decode, parse_issue  # noqa: E402
from articles.text.pipeline import forget_read_texts  # noqa: E402

SEEDS = ROOT / "tests" / "data" / "seeds"
PAGES_PER_ROUND = 25
CURVE_PAGES = 450  # distinct simulated pages enough for the 2 MB upload without repeating one
CURVE_KB = (10, 100, 500, 1000, 2000)


def page_of_size(texts: list[str], kb: int) -> str:
    """Return the pages one after another, blank-line separated, up to ``kb`` kilobytes of UTF-8."""
    out: list[str] = []
    size = 0
    while size < kb * 1024:
        text = texts[len(out) % len(texts)]
        out.append(text)
        size += len(text.encode("utf-8")) + 2
    return "\n\n".join(out)


def size_curve(pages: list[str], rounds: int) -> None:
    """Print the median parse time per page size and its ratio to the 100 KB page."""
    times: dict[int, float] = {}
    for kb in CURVE_KB:
        data = page_of_size(pages, kb)
        runs = []
        for _ in range(rounds):
            forget_read_texts()
            start = time.perf_counter()
            parse_issue(data)
            runs.append(time.perf_counter() - start)
        times[kb] = statistics.median(runs)
    for kb, seconds in times.items():
        print(f"{kb:>5} KB: {seconds * 1000:8.1f} ms  ({seconds / times[100]:.1f}x the 100 KB page)")


def typical_pages(count: int) -> list[str]:
    """Return ``count`` distinct simulated pages (the ``eval`` series of seed 1)."""
    from pagesim.page import simulate_pages

    return [decode(p.data).text for p in simulate_pages(count=count, seed=1, split="eval")]


def page_rate(pages: list[str], rounds: int) -> None:
    """Print the median pages per second over ``rounds`` runs of distinct pages."""
    rates = []
    for r in range(rounds):
        chunk = pages[r * PAGES_PER_ROUND:(r + 1) * PAGES_PER_ROUND]
        elapsed = 0.0
        for data in chunk:
            forget_read_texts()
            start = time.perf_counter()
            parse_issue(data)
            elapsed += time.perf_counter() - start
        rates.append(len(chunk) / elapsed)
    print(f"{statistics.median(rates):.1f} pages/s (median of {rounds} rounds of {PAGES_PER_ROUND} distinct "
          f"simulated pages, each parsed once; min {min(rates):.1f}, max {max(rates):.1f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--curve-rounds", type=int, default=3, help="rounds per size for the size curve (0: skip)")
    args = parser.parse_args()
    pages = [decode(p.read_bytes()).text for p in sorted(SEEDS.glob("*.txt"))]
    if not pages:
        print(f"no seed pages in {SEEDS}", file=sys.stderr)
        return 2
    with contextlib.redirect_stdout(io.StringIO()):  # some libraries print banners on first use
        for data in pages:  # warm-up: loads jieba and the enrichment data once
            parse_issue(data)
    typical = typical_pages(max(args.rounds * PAGES_PER_ROUND, CURVE_PAGES))
    if args.rounds:
        page_rate(typical, args.rounds)
    if args.curve_rounds:
        size_curve(typical, args.curve_rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
