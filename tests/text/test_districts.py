"""Districts: invented sentences against the real division table, plus the gold seeds."""
from __future__ import annotations

import pytest

from articles.text.districts import FULL, district_of, divisions_named
from tests.text.gold_bodies import GOLD_FILES, load

WS_KEY = ("新区", "区", "市", "县")


def key(name: str | None) -> str | None:
    if not name:
        return name
    for suffix in WS_KEY:
        if len(name) > len(suffix) + 1 and name.endswith(suffix):
            return name[: -len(suffix)]
    return name


@pytest.mark.parametrize("text, kwargs, expected", [
    ("崇明区召开会议，部署工作。", {}, "崇明区"),
    ("本报讯 区长前往堡镇调研养老服务。", {}, "崇明区"),                 # town → district
    ("浦锦街道开展禁毒宣传活动。", {}, "闵行区"),                         # street → district
    ("上海市金 山区妇联举办活动。", {}, "金山区"),                        # spurious space
    ("平湖市妇联联合太仓市妇联举办沙龙，平湖、太仓两地代表参加。平湖市车创园。", {}, "平湖市"),
    ("区委书记出席，全区上下共同努力。", {"default": "青浦区"}, "青浦区"),  # only local words
    ("没有地名的文章。", {"default": "金山区"}, "金山区"),
    ("没有地名的文章。", {}, None),
    ("某某市考评组莅临西乡塘区开展考核工作。", {}, "西乡塘区"),  # not 临西 inside 莅临西乡塘区
    # A visiting county named more often than the host district: the host's 区领导 wins.
    ("佛坪县代表团来崇川。佛坪县委书记说，佛坪佛坪佛坪感谢崇川。区领导出席，区政协副主席介绍。",
     {"default": "崇川区"}, "崇川区"),
    ("东平镇开展整治，东平中队出动队员，崇明农场配合。", {}, "崇明区"),  # 东平 here is the town
    ("港闸区召开会议。", {}, "崇川区"),                                 # merged district
    ("金山大道、新城路沿线花坛更换完毕。", {"default": "金山区"}, "金山区"),
    ("普陀区与宝山区、嘉定区签约。", {}, "普陀区"),
])
def test_district_of(text: str, kwargs: dict, expected: str | None) -> None:
    assert key(district_of(text, **kwargs)) == key(expected)


def test_title_counts_double() -> None:
    body = "嘉定工业区开展文明实践活动。"
    assert district_of(body, title="向化镇米新村的文明实践", default="平湖市") == "崇明区"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name[:3])
def test_gold_districts(path) -> None:
    _, flat, arts = load(path)
    default = district_of(flat)
    for art, body in arts:
        title = " ".join(x for x in (art.get("title"), art.get("subtitle")) if x) or None
        got = district_of(body, title=title, default=default)
        assert key(got) == key(art["district_of_article"]), art["n"]


@pytest.mark.parametrize(("text", "default", "expected"), [
    # a short district name inside a person's name after a post word is no evidence
    ("区规划资源局副局长方卫东表示，将广泛听取意见。", "松江区", "松江区"),
    ("县人民医院院长葛某表示，就诊率将提升。", "绩溪县", "绩溪县"),
    # a short name before 中路/东路 is a road
    ("规划以开江中路为骨架。", "松江区", "松江区"),
    # a landmark named after a place is no evidence of the district
    ("县委书记张三到武侯祠、诸葛古镇调研文化旅游工作。", "勉县", "勉县"),
])
def test_names_and_roads_are_not_districts(text: str, default: str, expected: str) -> None:
    assert district_of(text, default=default) == expected


SIGNING = ("6月7日，太仓市与上海市宝山区在罗店镇举行产业合作协议签约仪式。"
           "市委书记张三，宝山区委副书记、区长李四出席签约仪式并致辞。"
           "副市长王五与宝山区副区长赵六代表两地签约。")


@pytest.mark.parametrize(("text", "default", "expected"), [
    # a county-level city's paper: bare 市委书记/副市长 are its own city's leaders
    (SIGNING, "太仓市", "太仓市"),
    # on a district's page bare 市 titles are the prefecture's, no evidence for the page
    (SIGNING.replace("太仓市与", "某单位与"), "崇明区", "宝山区"),
    # 超市/集市 are not the city government
    ("宝山区罗店镇超市长期促销，集市长廊开放。罗店镇居民前往。", "太仓市", "宝山区"),
])
def test_bare_city_titles_on_a_county_level_city_page(text: str, default: str, expected: str) -> None:
    assert district_of(text, default=default) == expected


def test_the_place_a_delegation_goes_to_is_the_story_place() -> None:
    title = "余杭区代表团赴萧山区交流学习"
    body = "5月8日，余杭区代表团赴萧山区交流学习。余杭区领导对萧山区工作表示赞赏。余杭区代表团一行参观了企业。"
    assert district_of(body, title=title) == "萧山区"


def test_on_a_page_of_several_counties_a_story_naming_another_county_is_that_countys() -> None:
    body = ("9月12日下午，桐庐县委书记徐某某调研桐庐县重点项目建设。县领导王某某参加调研。"
            "全县上下要抓好项目，县委要求县直部门强化服务，全县各乡镇要压实责任，县政府要加强调度。")
    assert district_of(body, default="淳安县") == "桐庐县"


def test_a_county_named_once_in_the_lead_is_the_storys_on_a_page_of_another() -> None:
    body = ("2月24日下午，桐庐县第十九届人民代表大会第五次会议召开主席团第一次会议。"
            "县委书记徐某某，县人大常委会主任王某某出席会议。会议通过了大会议程。")
    assert district_of(body, default="淳安县") == "桐庐县"


def test_a_county_named_once_late_in_a_story_leaves_the_pages_own() -> None:
    body = ("2月24日下午，县十九届人大五次会议召开主席团第一次会议。县委书记徐某某出席会议。"
            "会议通过了大会议程，听取了县人大常委会赴桐庐县考察学习的情况报告。")
    assert district_of(body, default="淳安县") == "淳安县"


def test_a_story_naming_no_county_keeps_the_pages_own() -> None:
    body = "9月12日下午，县委书记徐某某调研重点项目建设。县领导王某某参加调研。"
    assert district_of(body, default="淳安县") == "淳安县"


def test_divisions_named_lists_each_place_as_the_districts_it_may_be() -> None:
    named = divisions_named("萧山区瓜沥镇的干部来到宁乡市")
    assert [sorted(d.district for d in places) for places in named] == [["萧山区"], ["萧山区"], ["宁乡市"]]
    assert len(divisions_named("萧山区瓜沥镇", kinds=(FULL,))) == 1
