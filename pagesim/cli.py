"""Command line: score the parser on simulated pages, or write pages and gold to a folder.

    .venv/bin/python -m pagesim score --pages 500 --seed 1 --split eval
    .venv/bin/python -m pagesim write --pages 50 --seed 1 --split train --out /tmp/sim
    python ../shared/tools/score_parse.py --issues /tmp/sim --gold /tmp/sim
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from pagesim.corpus import USABLE_SPLITS
from pagesim.page import simulate_pages


def _generate(args: argparse.Namespace) -> tuple[list, float]:
    start = time.perf_counter()
    pages = simulate_pages(count=args.pages, seed=args.seed, split=args.split)
    return pages, time.perf_counter() - start


def cmd_score(args: argparse.Namespace) -> int:
    """Parse simulated pages in-process and print the figures (needs the project's parser)."""
    from pagesim.report import Totals, format_totals, score_pages

    pages, seconds = _generate(args)
    totals = Totals(seconds_generate=seconds)
    score_pages(pages, totals)
    print(f"split={args.split} seed={args.seed}")
    print("\n".join(format_totals(totals, len(pages))))
    return 0


def cmd_write(args: argparse.Namespace) -> int:
    """Write each page and its gold (``<page>.json``) into the output folder."""
    pages, seconds = _generate(args)
    args.out.mkdir(parents=True, exist_ok=True)
    for page in pages:
        (args.out / page.name).write_bytes(page.data)
        gold = dict(page.gold, phenomena=sorted(page.tags))
        (args.out / f"{page.name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1),
                                                    encoding="utf-8")
    print(f"wrote {len(pages)} pages and gold files to {args.out} in {seconds:.1f}s")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the pagesim command line."""
    ap = argparse.ArgumentParser(prog="python -m pagesim", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    for name, func in (("score", cmd_score), ("write", cmd_write)):
        p = sub.add_parser(name, help=func.__doc__)
        p.add_argument("--pages", type=int, default=500)
        p.add_argument("--seed", type=int, default=1)
        p.add_argument("--split", choices=USABLE_SPLITS, default="eval")
        if name == "write":
            p.add_argument("--out", type=Path, required=True)
        p.set_defaults(func=func)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
