"""The fixed corpus split, read from ../shared/corpus."""
from __future__ import annotations

import hashlib

import pytest

from pagesim.corpus import load_corpus, load_split, split_key, split_of


def _bucket(record) -> int:
    return int(hashlib.sha1(split_key(record).encode()).hexdigest(), 16) % 10


def test_corpus_is_read_from_the_shared_folder() -> None:
    assert len(load_corpus()) >= 200


def test_split_follows_the_hash_buckets() -> None:
    expected = {0: "blind", 1: "blind", 2: "blind", 3: "eval", 4: "eval"}
    for record in load_corpus():
        assert split_of(record) == expected.get(_bucket(record), "train")


def test_every_split_is_used_and_disjoint() -> None:
    ev, tr = {r.id for r in load_split("eval")}, {r.id for r in load_split("train")}
    assert ev and tr and not ev & tr
    blind = {r.id for r in load_corpus() if split_of(r) == "blind"}
    assert blind and not blind & (ev | tr)


def test_a_district_never_spans_two_splits() -> None:
    seen: dict[str, str] = {}
    for record in load_corpus():
        assert seen.setdefault(split_key(record), split_of(record)) == split_of(record)


def test_blind_split_cannot_be_loaded() -> None:
    with pytest.raises(ValueError):
        load_split("blind")


def test_split_of_accepts_raw_dicts() -> None:
    raw = {"province": "甲省", "city": None, "district": "乙区"}
    assert split_of(raw) in ("blind", "eval", "train")
