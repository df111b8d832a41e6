"""Which district an official serves in, judged from the titles printed next to the name.

An article about one district often names officials of another level or place: a city
official (市委组织部副部长) at a district event, a visiting county's 县委书记 (某某县委书记).
Filing them all under the article's district would merge different people who share a name
and put city leaders on district pages. Pure Python: no Django imports.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from articles.text import division_index

# A title that opens with a place name: 某某区委书记, 某某县政府县长, 某某市人才工作局局长.
_PLACE_PREFIX = re.compile(r"^([\u4e00-\u9fff]{2,8}?(?:自治县|自治旗|新区|区|县|市|旗))")
# A title that opens with a level above the district without naming it (市委…, 省…, 全国…).
_HIGHER_LEVEL = ("市", "省", "中央", "中共中央", "国务院", "全国", "国家", "自治区")


def place_level(name: str) -> str | None:
    """Return "district" for a district-level name (区, 县, county-level 市), "city" for a
    prefecture-level city or province, None for a name the division data does not know."""
    index = division_index.get_index()  # the same division table district_of uses
    if name in index.by_name:
        return "district"
    if any(kind == division_index.CITY for kind, _ in index.names.get(name, ())):
        return "city"
    return None


def locate(name: str) -> tuple[str, str] | None:
    """Return (province, city) of a district-level name, when the division data knows exactly one."""
    places = {(d.province, d.city) for d in division_index.get_index().by_name.get(name, ())}
    return places.pop() if len(places) == 1 else None


def serving_district(titles: Sequence[str], *, article_district: str | None) -> str | None:
    """Return the district an official serves in, or None for an official above district level.

    ``某某县委书记`` serves 某某县 whatever the article is about; ``市委组织部副部长`` in an
    article about a 区 serves the city (None); ``区长`` serves the article's district.
    """
    for title in titles:
        match = _PLACE_PREFIX.match(title)
        level = place_level(match[1]) if match else None
        if level == "district":
            return match[1]
        if level == "city":
            return None
    for title in titles:
        if title.startswith(_HIGHER_LEVEL) and not _own_city_title(title, article_district):
            return None
    return article_district


def _own_city_title(title: str, article_district: str | None) -> bool:
    """市委/市长 in an article about a county-level city (某某市) mean that city itself."""
    return bool(article_district) and article_district.endswith("市") and title.startswith("市")
