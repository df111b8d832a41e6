"""Score parse_issue() in-process against gold annotations (same rules as score_parse.py).

The scorer itself lives in ``pagesim.scoring`` (the page simulator scores with it too); this
module re-exports it for the existing tests and adds their data folder.

    .venv/bin/python -m tests.text.page_scoring [--issues DIR --gold DIR] [-v]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from pagesim.scoring import (  # noqa: F401 - re-exported for existing users
    EDGE,
    as_json,
    district_key,
    f1,
    match,
    norm,
    score_dir,
    score_file,
    summary,
    title_ok,
)

DATA = Path(__file__).resolve().parent.parent / "data"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--issues", type=Path, default=DATA / "unseen")
    ap.add_argument("--gold", type=Path, default=DATA / "unseen_gold")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    log: list[str] = []
    total, _ = score_dir(args.issues, args.gold, log)
    for line in log:
        if args.v or not line.startswith(" "):
            print(line)
    print("overall:", summary(total))


if __name__ == "__main__":
    main()
