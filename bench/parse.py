"""Benchmark the text pipeline: pages per second over the seed pages (median of rounds).

Run from the project root: ``.venv/bin/python bench/parse.py [--rounds 20]``.
jieba's dictionary load happens once before timing, as it does in a long-running process.
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

from articles.text import parse_issue  # noqa: E402

SEEDS = ROOT / "tests" / "data" / "seeds"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    pages = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]
    if not pages:
        print(f"no seed pages in {SEEDS}", file=sys.stderr)
        return 2
    with contextlib.redirect_stdout(io.StringIO()):  # some libraries print banners on first use
        for data in pages:  # warm-up: loads jieba and the enrichment data once
            parse_issue(data)
    rates = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for data in pages:
            parse_issue(data)
        rates.append(len(pages) / (time.perf_counter() - start))
    print(f"{statistics.median(rates):.1f} pages/s (median of {args.rounds} rounds, {len(pages)} pages each; "
          f"min {min(rates):.1f}, max {max(rates):.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
