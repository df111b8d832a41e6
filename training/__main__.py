"""Rebuild the shipped models from simulated pages: ``python -m training [--pages N]``."""
from __future__ import annotations

import argparse
import sys

from articles.text.boundaries import MODEL_PATH
from training.boundary import collect, f1_at, fit, real_pages, tune_pages, tune_threshold_on_pages

DEFAULT_PAGES = 800
DEFAULT_SEED = 7


def train_boundary_model(pages: int = DEFAULT_PAGES, seed: int = DEFAULT_SEED):  # noqa: ANN201 - returns (model, train, tune)
    """Collect examples, fit and tune the article-break model exactly as ``make train`` does."""
    train = collect(pages=pages, seed=seed)
    tune = collect(pages=pages // 4, seed=seed + 1)
    return tune_threshold_on_pages(fit(train), tune_pages(pages=pages // 4, seed=seed + 1), real_pages()), train, tune


def main(argv: list[str] | None = None) -> int:
    """Collect, fit, tune and write the article-break model; print what it learned."""
    ap = argparse.ArgumentParser(prog="python -m training", description=__doc__)
    ap.add_argument("--pages", type=int, default=DEFAULT_PAGES, help="simulated training pages")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args(argv)
    model, train, tune = train_boundary_model(args.pages, args.seed)
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(model.to_json(), encoding="utf-8")
    positives = sum(e.label for e in train)
    print(f"article-break decisions: {len(train)} ({positives} breaks) on {args.pages} pages")
    print(f"threshold {model.threshold:.2f}: F1 {f1_at(model, tune, model.threshold):.3f} on {len(tune)} held-out decisions")
    for name, weight in sorted(model.weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {weight:+7.3f}  {name}")
    print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
