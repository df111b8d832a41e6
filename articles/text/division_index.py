"""The table of China's administrative divisions that district detection scans text against.

The names come from jionlp's administrative-division dataset (provinces down to towns and
villages, from China's official division codes), flattened once into one dict so a text is
scanned in a single pass: at each character only the few name lengths that end (or start)
there are looked up. Built on first use (about half a second) and shared by every reader.
Pure Python: no Django imports.
"""
from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from articles.text.place_words import is_common_word

# District-level zones (开发区, 保税区) are not districts a reader means by a short name.
_ZONE = re.compile(r"园区|开发区|示范区|管理区|工业区|高新|实验区|保税|综合|经济|产业|技术|新城")

# How a name names its division: a district in full (萧山区), a short district name (萧山), a
# town or street of one district, a village, or a province or prefecture-level city.
FULL, SHORT, TOWN, VILLAGE, CITY = "full", "short", "town", "village", "city"
# Town-level units named like this are real towns; other town-level names are zones
# (某某园区, 农场) that are kept only when they start with their own district's name.
_TOWN_SUFFIXES = ("镇", "乡", "街道", "苏木", "地区办事处")
TAIL_CHARS = frozenset("区县市旗镇乡道村州盟场园")
TAIL_RE = re.compile("[" + "".join(sorted(TAIL_CHARS)) + "]")


@dataclass(frozen=True)
class Division:
    """One district-level unit with its parents (full names)."""

    province: str
    city: str
    district: str

    @property
    def kind(self) -> str:
        """区, 县 or 市 (county-level city) — the last character of the name."""
        return self.district[-1]


@dataclass
class DivisionIndex:
    """Every name → list of (kind, payload); payload is a Division or a (province, city).

    Most names end with a unit character (村, 镇, 街道, 区, 县…): they are found by looking
    back from each such character (``tail_lengths``: last character → name lengths, longest
    first).  The few thousand others (short names 萧山, 杭州) are indexed by their first two
    characters (``others``: bigram → name lengths): one dict lookup per position."""

    names: dict[str, list[tuple[str, object]]]
    tail_lengths: dict[str, tuple[int, ...]]
    others: dict[str, tuple[int, ...]]
    by_name: dict[str, list[Division]]


_lock = threading.Lock()
_index: DivisionIndex | None = None


def _children(node: object) -> list[tuple[str, dict]]:
    if not isinstance(node, dict):
        return []
    return [(k, v) for k, v in node.items() if not k.startswith("_")]


def _build_index() -> DivisionIndex:
    """Flatten jionlp's province → city → district → town tree into one name table."""
    import jionlp

    tree = jionlp.china_location_loader(detail=True)
    names: dict[str, list[tuple[str, object]]] = defaultdict(list)
    by_name: dict[str, list[Division]] = defaultdict(list)
    for prov, pnode in _children(tree):
        names[prov].append((CITY, (prov, None)))
        for alias in _aliases(pnode):
            names[alias].append((CITY, (prov, None)))
        for city, cnode in _children(pnode):
            if city not in ("省直辖行政区划", "自治区直辖县级行政区划"):
                names[city].append((CITY, (prov, city)))
                for alias in _aliases(cnode):
                    names[alias].append((CITY, (prov, city)))
            for dist, dnode in _children(cnode):
                _add_district(names, by_name, Division(prov, city, dist), dnode)
    _add_former_districts(names, by_name)
    tails: dict[str, set[int]] = defaultdict(set)
    others: dict[str, set[int]] = defaultdict(set)
    for name in names:
        if name[-1] in TAIL_CHARS:
            tails[name[-1]].add(len(name))
        elif len(name) >= 2:
            others[name[:2]].add(len(name))
    return DivisionIndex(dict(names), _longest_first(tails), _longest_first(others), dict(by_name))


def _add_district(
    names: dict[str, list[tuple[str, object]]], by_name: dict[str, list[Division]], div: Division, dnode: dict
) -> None:
    """Enter a district under its full name and short aliases, with its towns and villages."""
    dist = div.district
    by_name[dist].append(div)
    names[dist].append((FULL, div))
    for alias in _aliases(dnode):
        if alias != dist and not _ZONE.search(dist) and not is_common_word(alias):
            names[alias].append((SHORT, div))
    stems = [a for a in [dist[:-1], *_aliases(dnode)] if len(a) >= 2]
    for town, tnode in _children(dnode):
        short_ok = len(town) == 2 and town[-1] in "镇乡" and not is_common_word(town)
        if short_ok or len(town) >= 3 and (town.endswith(_TOWN_SUFFIXES) or any(town.startswith(a) for a in stems)):
            names[town].append((TOWN, div))
        for village, _ in _children(tnode):
            if len(village) >= 3 and village.endswith("村"):
                names[village].append((VILLAGE, div))


def _longest_first(table: dict[str, set[int]]) -> dict[str, tuple[int, ...]]:
    return {k: tuple(sorted(v, reverse=True)) for k, v in table.items()}


def _aliases(node: dict) -> list[str]:
    alias = node.get("_alias") if isinstance(node, dict) else None
    if not alias:
        return []
    return [alias] if isinstance(alias, str) else list(alias)


def _add_former_districts(names: dict, by_name: dict) -> None:
    """Map districts merged away (闸北区 → 静安区) to their successor, from jionlp's change log."""
    import jionlp

    path = Path(jionlp.__file__).parent / "dictionary" / "china_location_change.txt"
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        left, _, right = line.partition("=>")
        old, new = left.split("\t"), right.split("\t")
        if len(old) < 8 or len(new) < 3 or not old[6] or old[6] == new[2]:
            continue
        successors = [d for d in by_name.get(new[2], []) if d.city == new[1]]
        if not successors or old[6] in by_name:
            continue
        names[old[6]].append((FULL, successors[0]))
        if old[7] and not is_common_word(old[7]):
            names[old[7]].append((SHORT, successors[0]))


def get_index() -> DivisionIndex:
    """Build the name table on first use (about half a second), then reuse it."""
    global _index
    if _index is None:
        with _lock:
            if _index is None:
                _index = _build_index()
    return _index
