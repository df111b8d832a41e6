"""An article that names no place takes the district of the local leaders it shares."""
from __future__ import annotations

from articles.text.leader_districts import district_by_leaders, leader_districts, local_leaders, settle_unnamed
from articles.text.parsed import LeaderMention, ParsedArticle
from articles.text.pipeline import parse_issue


def _article(body: str, district: str | None, *leaders: tuple[str, list[str]]) -> ParsedArticle:
    return ParsedArticle(body=body, district=district, leaders=[LeaderMention(n, t) for n, t in leaders])


def test_only_local_titles_tie_a_leader_to_the_page() -> None:
    article = _article("", None, ("张某", ["区委书记"]), ("李某", ["某某市人大常委会主任"]), ("王某", ["常务副县长"]))
    assert local_leaders(article) == {"张某", "王某"}


def test_a_leader_seen_in_two_districts_is_dropped() -> None:
    a = _article("", None, ("张某", ["区长"]))
    b = _article("", None, ("张某", ["区长"]))
    assert leader_districts([a, b], ["甲区", "乙区"]) == {}
    assert leader_districts([a, b], ["甲区", "甲区"]) == {"张某": "甲区"}


def test_leaders_that_disagree_give_no_district() -> None:
    article = _article("", None, ("张某", ["区长"]), ("李某", ["副区长"]))
    assert district_by_leaders(article, {"张某": "甲区", "李某": "乙区"}) is None
    assert district_by_leaders(article, {"张某": "甲区"}) == "甲区"


def test_an_unconfirmed_article_takes_its_leaders_district() -> None:
    named = _article("11月18日，考察团到桐柏县考察。县长王明远陪同。", "桐柏县", ("王明远", ["县长"]))
    unnamed = _article("3月4日晚，县长王明远主持召开县长办公会。", "西峡县", ("王明远", ["县长"]))
    settle_unnamed([named, unnamed])
    assert unnamed.district == "桐柏县"


def test_a_mixed_page_through_the_pipeline() -> None:
    page = "\n\n".join([
        "桐柏县召开项目推进会",
        "5月8日，桐柏县召开重点项目推进会，县委书记赵文涛出席并讲话，县长王明远主持。",
        "西峡县召开安全生产会议",
        "5月9日，西峡县召开安全生产工作会议，县委书记孙立群出席。",
        "西峡县开展植树活动",
        "3月12日，西峡县组织干部群众开展义务植树，县委书记孙立群参加。",
        "5月12日下午，县长王明远主持召开县长办公会，研究重点工作。",
    ])
    districts = [a.district for a in parse_issue(page).articles]
    assert districts[-1] == "桐柏县"
