"""Which place names are also ordinary words, read from jieba's dictionary.

A district's short name can be an everyday word (和平, 比如) or sit inside one (热火朝天 holds
朝天, of 朝天区); a few full names are generic words themselves (城区, 南区). The district
finder asks here before it counts a name. Pure Python: no Django imports.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

# Aliases that are ordinary words or generic unit names; a short name equal to one of these
# is never read as a district.
GENERIC_ALIASES = frozenset("""
城区 新区 郊区 矿区 林区 示范区 开发区 高新区 新城 新建 古城 城关 城中 城北 城南 城东 城西 东区 西区
南区 北区 中区 市中 市南 市北 新华 中山 青山 白云 东方 和平 解放 前进 友好 光明 红旗 复兴 宏伟 公安 合作
比如 南部 平原 共和 凤凰 武功 东风 工农 太平 新兴 安定 长寿 永安 通道 港口 河口 温泉 大名 运河 天山 清水
""".split())


def is_common_word(alias: str) -> bool:
    """True when a short district name is mostly used as an ordinary word (和平, 比如)."""
    if alias in GENERIC_ALIASES or len(alias) < 2:
        return True
    freq, tag = _jieba_entry(alias)
    return not (freq < 500 or (tag == "ns" and freq < 6000))


@lru_cache(maxsize=1)
def _jieba_dict() -> dict[str, tuple[int, str]]:
    """Read jieba's bundled dictionary (word, frequency, part of speech) without loading jieba."""
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    table: dict[str, tuple[int, str]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and 2 <= len(parts[0]) <= 4:
                table[parts[0]] = (int(parts[1]), parts[2])
    return table


def _jieba_entry(word: str) -> tuple[int, str]:
    return _jieba_dict().get(word, (0, ""))


def inside_word(text: str, start: int, end: int) -> bool:
    """True when the name is the inside of a longer ordinary word: 热火朝天 is not 朝天区.

    Only words that begin before the name count (an idiom, 3–4 characters, in jieba's
    dictionary and not a place name), so 萧山人 or 萧山大道 still name 萧山区.
    """
    for begin in range(max(0, start - 3), start):
        for stop in range(end, min(len(text), begin + 4) + 1):
            freq, tag = _jieba_entry(text[begin:stop])
            if freq and tag != "ns" and stop - begin >= 3:
                return True
    return False
