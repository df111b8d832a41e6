"""Same seed, same pages: byte-identical text and gold, whatever the hash seed."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from pagesim.page import simulate_page, simulate_pages

ROOT = Path(__file__).resolve().parents[2]
DIGEST = ("import hashlib,json;from pagesim.page import simulate_pages;"
          "h=hashlib.sha256();"
          "[h.update(p.data+json.dumps(p.gold,sort_keys=True).encode()) for p in simulate_pages(count=30,seed=5,split='train')];"
          "print(h.hexdigest())")


def _digest(pages) -> str:
    h = hashlib.sha256()
    for p in pages:
        h.update(p.data + json.dumps(p.gold, sort_keys=True).encode())
    return h.hexdigest()


def test_same_seed_gives_identical_pages() -> None:
    assert _digest(simulate_pages(count=30, seed=5, split="train")) == _digest(
        simulate_pages(count=30, seed=5, split="train"))


def test_a_page_does_not_depend_on_the_pages_before_it() -> None:
    batch = simulate_pages(count=12, seed=5, split="eval")
    alone = simulate_page(seed=5, split="eval", index=11)
    assert alone.data == batch[11].data and alone.gold == batch[11].gold


def test_different_seeds_give_different_pages() -> None:
    assert simulate_page(seed=1, split="train", index=0).data != simulate_page(seed=2, split="train", index=0).data


def test_pages_do_not_depend_on_the_hash_seed() -> None:
    outs = set()
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        proc = subprocess.run([sys.executable, "-c", DIGEST], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=True)
        outs.add(proc.stdout.strip())
    assert outs == {_digest(simulate_pages(count=30, seed=5, split="train"))}
