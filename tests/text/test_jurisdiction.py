import pytest

from articles.text.jurisdiction import locate, place_level, serving_district

CASES = [
    ("bare district title", ["区委副书记", "区长"], "崇明区", "崇明区"),
    ("town title stays local", ["镇党委书记"], "青浦区", "青浦区"),
    ("named other county", ["佛坪县委书记"], "崇川区", "佛坪县"),
    ("named own district", ["崇明区政府副区长"], "崇明区", "崇明区"),
    ("city official at a district event", ["市委组织部副部长", "市人才工作局局长"], "崇明区", None),
    ("named city", ["上海市人才工作局局长"], "崇明区", None),
    ("county-level city's own 市委", ["市委书记"], "平湖市", "平湖市"),
    ("national level", ["全国人大代表"], "金山区", None),
    ("unknown place prefix is ignored", ["工业区管委会主任"], "嘉定区", "嘉定区"),
    ("no article district", ["区长"], None, None),
]


@pytest.mark.parametrize(("name", "titles", "article", "expected"), CASES, ids=[c[0] for c in CASES])
def test_serving_district(name: str, titles: list[str], article: str | None, expected: str | None) -> None:
    assert serving_district(titles, article_district=article) == expected


def test_place_level_tells_districts_from_cities() -> None:
    assert (place_level("佛坪县"), place_level("平湖市"), place_level("南通市"), place_level("某某乡")) == (
        "district", "district", "city", None,
    )


def test_locate_gives_province_and_city_of_a_district() -> None:
    assert locate("崇明区") == ("上海市", "上海市")
    assert locate("平湖市") == ("浙江省", "嘉兴市")
    assert locate("某某乡") is None
