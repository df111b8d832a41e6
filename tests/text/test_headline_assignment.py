"""Which article each headline heads: by position and by content, on invented text."""
from __future__ import annotations

import pytest

from articles.text.headline_assignment import WINDOW, assign_headlines
from articles.text.headline_groups import HeadlineGroup, HeadlineLine

BODIES = [
    "本报讯 5月6日，桃源县政协召开常委会议，协商讨论城乡供水一体化工作。",
    "本报讯 5月7日，桃源县举行招商引资项目集中签约仪式，共签约项目十二个。",
    "本报讯 5月8日，清溪镇开展垃圾分类宣传周活动，居民踊跃参与。",
]


def _group(*texts: str, before: int | None = None, after: int | None = None) -> HeadlineGroup:
    return HeadlineGroup([HeadlineLine(t) for t in texts], before=before, after=after)


def test_end_block_headlines_are_matched_by_content() -> None:
    group = _group("清溪镇垃圾分类宣传周启动", "县政协召开常委会议", "招商项目集中签约")
    assigned, unused = assign_headlines([group], BODIES, BODIES)
    assert {i: a.title for i, a in assigned.items()} == {
        0: "县政协召开常委会议",
        1: "招商项目集中签约",
        2: "清溪镇垃圾分类宣传周启动",
    }
    assert all(a.location == "end_block" for a in assigned.values())
    assert unused == []


def test_group_between_two_articles_is_split_by_content() -> None:
    group = _group("政协委员共商供水一体化", "县政协召开常委会议", "招商引资再提速", "桃源县举行项目集中签约", before=1, after=0)
    assigned, _ = assign_headlines([group], BODIES, BODIES)
    assert (assigned[0].title, assigned[0].subtitle) == ("政协委员共商供水一体化", "县政协召开常委会议")
    assert assigned[0].location == "after"
    assert (assigned[1].title, assigned[1].subtitle) == ("招商引资再提速", "桃源县举行项目集中签约")
    assert assigned[1].location == "before"


def test_headline_directly_before_wins_without_shared_words() -> None:
    assigned, _ = assign_headlines([_group("面对面 聊聊天", before=2)], BODIES, BODIES)
    assert assigned[2].title == "面对面 聊聊天"


def test_one_headline_per_article_and_leftovers_reported() -> None:
    groups = [_group("县政协召开常委会议"), _group("县政协召开常委会议")]
    assigned, unused = assign_headlines(groups, BODIES, BODIES)
    assert [a.title for a in assigned.values()] == ["县政协召开常委会议"]
    assert unused == ["县政协召开常委会议"]


def test_echo_lines_give_the_single_copy() -> None:
    group = HeadlineGroup(
        [HeadlineLine("县政协召开县政协召开", "县政协召开"), HeadlineLine("常委会议常委会议", "常委会议", blank_before=False)],
        before=0,
    )
    assigned, _ = assign_headlines([group], BODIES, BODIES)
    assert assigned[0].title == "县政协召开常委会议"


def test_no_articles_means_every_headline_is_unused() -> None:
    assigned, unused = assign_headlines([_group("县政协召开常委会议")], [], [])
    assert assigned == {}
    assert unused == ["县政协召开常委会议"]


def _wrapped(*texts: str) -> HeadlineGroup:
    """Lines of one cluster in narrow columns, with no blank line between them."""
    return HeadlineGroup([HeadlineLine(t, blank_before=i == 0) for i, t in enumerate(texts)])


def test_title_and_subtitle_after_a_short_tail_line() -> None:
    bodies = ["本报讯 5月6日，区委书记张三到某某镇调研产业转型升级工作，强调要坚持创新驱动。"]
    group = _wrapped("坚持创新驱动 推动产业转型", "升级", "张三到某某镇调研")
    group.before = 0
    assigned, unused = assign_headlines([group], bodies, bodies)
    assert (assigned[0].title, assigned[0].subtitle) == ("坚持创新驱动 推动产业转型升级", "张三到某某镇调研")
    assert unused == []



@pytest.mark.parametrize("headline, bodies, expected", [
    # Names the article above it, shares no word with the untitled article below: after.
    ("某某村：小小草莓 鼓起群众钱袋子",
     ["在某某镇某某村的草莓基地里，果农们正忙着采摘草莓。小小草莓鼓起了群众的钱袋子。", "本报讯 6月14日，某区召开防汛工作会议，部署汛期安全工作。"],
     (0, "after")),
    # No content evidence either way: the article below keeps its head start.
    ("扎实做好各项工作",
     ["在某某镇的基地里，果农们正忙着采摘。", "本报讯 6月14日，某区召开会议，部署安全工作。"],
     (1, "before")),
])
def test_after_body_headline_weighs_content(headline, bodies, expected) -> None:
    others = ["某区举办读书月活动，市民踊跃参加。", "某街道开展志愿服务，温暖社区居民。"]
    group = HeadlineGroup([HeadlineLine(headline)], before=1, after=0)
    assigned, _ = assign_headlines([group], bodies + others, bodies + others)
    art, location = expected
    assert assigned[art].location == location
    assert assigned[art].title == headline


def test_a_group_only_claims_articles_printed_near_it() -> None:
    """A headline cluster heads the articles around it, not one a long upload away."""
    far = ["本报讯 某区召开防汛工作会议，部署汛期安全工作。"]
    filler = [f"第{i}篇稿件的正文内容与其他稿件各不相同。" for i in range(2 * WINDOW)]
    bodies = far + filler
    group = HeadlineGroup([HeadlineLine("某区召开防汛工作会议")], at=len(bodies))
    assigned, unused = assign_headlines([group], bodies, bodies)
    assert 0 not in assigned
    near = HeadlineGroup([HeadlineLine("某区召开防汛工作会议")], at=1)
    assigned, _ = assign_headlines([near], bodies, bodies)
    assert assigned[0].title == "某区召开防汛工作会议"


def test_a_cluster_line_naming_another_article_is_not_the_deck_of_the_line_above() -> None:
    bodies = [
        "7月26日，省委常委、统战部长张三率队来我县调研黑土地保护利用情况，并召开座谈会。",
        "8月8日，中央党校经济学部课题组到某某县调研，围绕黑土地保护开展座谈交流。",
        "12月16日，某某区政府召开2025年第15次常务会议，区长李四主持会议并讲话。",
    ]
    group = HeadlineGroup([HeadlineLine(t) for t in (
        "区政府召开2025年第15次常务会议", "省委常委、统战部长张三来我县调研", "中央党校课题组到某某县调研")],
        at=3, column=28.0)
    assigned, _ = assign_headlines([group], bodies, bodies)
    assert {i: a.title for i, a in assigned.items()} == {
        0: "省委常委、统战部长张三来我县调研",
        1: "中央党校课题组到某某县调研",
        2: "区政府召开2025年第15次常务会议",
    }


def test_a_line_plainly_naming_another_article_never_joins_this_ones_unit() -> None:
    from articles.text.headline_assignment import _heads_another, _Scorer

    bodies = [
        "7月26日，省委常委、统战部长张三率队来我县调研黑土地保护利用情况，并召开座谈会。",
        "8月8日，中央党校经济学部课题组到某某县调研，围绕黑土地保护开展座谈交流。",
        "12月16日，某某区政府召开2025年第15次常务会议，区长李四主持会议并讲话。",
    ]
    scorer = _Scorer(bodies, bodies, range(0, 3))
    group = HeadlineGroup([HeadlineLine("省委常委、统战部长张三来我县调研"), HeadlineLine("中央党校课题组到某某县调研")])
    assert _heads_another(scorer, group, 0, 2, 1)
    assert not _heads_another(scorer, group, 1, 2, 1)


def test_a_wrapped_head_its_lead_says_word_for_word_stays_one_head() -> None:
    bodies = ["6月6日，县委书记张三督导检查城乡环境综合整治工作。张三先后到某某乡实地督导。",
              "9月27日，副市长王五深入某某县检查森林草原防火等重点工作。",
              "9月29日下午，代市长李四主持召开市长办公会2021年第一次会议。",
              "某某讯（通讯员赵六）9月21日，某某街道开展现场督导工作，集中整治环境卫生，持续优化市容环境。"]
    texts = ["王五深入某某县检查森林草原防火等重点工作", "李四主持召开市长办公会2021年第一次会议", "张三督导检查城乡", "环境综合整治工作"]
    group = HeadlineGroup([HeadlineLine(t, blank_before=False) for t in texts], after=3, at=4, column=15.0)
    assigned, _ = assign_headlines([group], bodies, bodies)
    assert (assigned[0].title, assigned[0].subtitle) == ("张三督导检查城乡环境综合整治工作", None)
    assert 3 not in assigned


def test_a_kicker_saying_where_a_leader_spoke_stays_apart_from_the_title_it_is_printed_over() -> None:
    bodies = ["3月23日，自治区党委书记张三在某某县调研，他强调，要转变作风、激发干劲，紧贴民生推动高质量发展。"]
    group = HeadlineGroup([HeadlineLine("张三在某某市某某县调研时强调"),
                           HeadlineLine("转变作风激发干劲 紧贴民生推动高质量发展", blank_before=False)],
                          before=0, column=16.0)
    assigned, _ = assign_headlines([group], bodies, bodies)
    assert (assigned[0].title, assigned[0].subtitle) == ("转变作风激发干劲 紧贴民生推动高质量发展", "张三在某某市某某县调研时强调")


def test_an_article_two_groups_claim_stays_with_the_stronger_claim() -> None:
    from articles.text.headline_assignment import _weaker_claims

    solutions = [(1.0, [((0, 1), 3, 0.4)]), (2.0, [((0, 1), 3, 0.9), ((1, 2), 4, 0.5)]), (0.5, [((0, 1), None, 0.0)])]
    assert _weaker_claims(solutions) == [(0, 3)]
    assert _weaker_claims(solutions[1:]) == []
