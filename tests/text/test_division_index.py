"""division_index: the table of divisions that district detection scans against (jionlp's data)."""
from __future__ import annotations

from articles.text.division_index import CITY, FULL, SHORT, TOWN, get_index


def test_the_table_is_built_once_and_shared() -> None:
    assert get_index() is get_index()


def test_a_district_is_found_by_its_full_name_its_short_name_and_its_towns() -> None:
    names = get_index().names
    assert any(kind == FULL and div.district == "萧山区" for kind, div in names["萧山区"])
    assert any(kind == SHORT and div.district == "萧山区" for kind, div in names["萧山"])
    assert any(kind == TOWN and div.district == "萧山区" for kind, div in names["瓜沥镇"])


def test_a_city_is_a_city_and_names_end_on_a_unit_or_are_indexed_by_their_start() -> None:
    index = get_index()
    assert any(kind == CITY for kind, _ in index.names["杭州市"])
    assert 3 in index.tail_lengths["区"] and 2 in index.others["萧山"]
