"""Read the shared corpus of real articles and keep its fixed blind / eval / train split.

The article text is written by others: it is read from ``../shared/corpus`` at run time and
never copied into this repository.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SPLITS = ("blind", "eval", "train")
# The simulator may draw from these; "blind" is reserved for a hand-made blind set.
USABLE_SPLITS = ("eval", "train")


@dataclass(frozen=True)
class Record:
    """One corpus article as stored (ASCII punctuation, paragraphs as a tuple)."""

    id: str
    province: str | None
    city: str | None
    district: str | None
    published: str | None
    kicker: str | None
    title: str | None
    subtitle: str | None
    byline: str | None
    body: tuple[str, ...]
    caption: str | None


def split_key(record: dict | Record) -> str:
    """Return the place key the split hashes: articles of one district stay in one split."""
    get = record.get if isinstance(record, dict) else (lambda k: getattr(record, k))
    return "|".join(x or "" for x in (get("province"), get("city"), get("district")))


def split_of(record: dict | Record) -> str:
    """Return "blind" (buckets 0-2), "eval" (3-4) or "train" (5-9) for a record."""
    bucket = int(hashlib.sha1(split_key(record).encode()).hexdigest(), 16) % 10
    if bucket <= 2:
        return "blind"
    return "eval" if bucket <= 4 else "train"


def _record(raw: dict) -> Record:
    return Record(
        id=raw["id"], province=raw.get("province"), city=raw.get("city"),
        district=raw.get("district"), published=raw.get("published"), kicker=raw.get("kicker"),
        title=raw.get("title"), subtitle=raw.get("subtitle"), byline=raw.get("byline"),
        body=tuple(p for p in raw["body"] if p.strip()), caption=raw.get("caption"),
    )


@lru_cache(maxsize=4)
def load_corpus(root: Path = CORPUS_DIR) -> tuple[Record, ...]:
    """Return every record of the corpus, in file order (east, north, south)."""
    files = sorted(Path(root).glob("*.jsonl"))
    if not files:
        raise FileNotFoundError(f"no corpus *.jsonl under {root}")
    out = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(_record(json.loads(line)))
    return tuple(out)


def load_split(split: str, root: Path = CORPUS_DIR) -> tuple[Record, ...]:
    """Return the records of one usable split; asking for "blind" is an error."""
    if split not in USABLE_SPLITS:
        raise ValueError(f"the simulator may use only {USABLE_SPLITS}, not {split!r}")
    return tuple(r for r in load_corpus(Path(root)) if split_of(r) == split)
