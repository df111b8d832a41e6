"""Gold article bodies cut from the seed pages, shared by the enrichment tests."""
from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
GOLD_FILES = sorted((DATA / "gold").glob("*.json"))


def load(path: Path) -> tuple[dict, str, list[tuple[dict, str]]]:
    """Return (gold, flat page text, [(gold article, body)]) for one gold file."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    flat = (DATA / "seeds" / gold["file"]).read_text(encoding="utf-8").replace("\n", "")
    arts = []
    for a in gold["articles"]:
        i = flat.index(a["body_first"])
        j = flat.index(a["body_last"], i) + len(a["body_last"])
        arts.append((a, flat[i:j]))
    return gold, flat, arts
