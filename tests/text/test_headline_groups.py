"""headline_groups: printed headline lines, how a head wraps over them and what a cut costs (invented text)."""
from __future__ import annotations

import pytest

from articles.text.headline_groups import MAX_LINES, WRAP_CUT_PENALTY, HeadlineGroup, HeadlineLine, partitions, split_large


def _wrapped(*texts: str) -> HeadlineGroup:
    """Lines of one cluster in narrow columns, with no blank line between them."""
    return HeadlineGroup([HeadlineLine(t, blank_before=i == 0) for i, t in enumerate(texts)])


@pytest.mark.parametrize("texts, joined", [
    # a short tail line ends a wrapped headline: the next line is another headline
    (("坚持创新驱动 推动产业转型", "升级", "张三到某某镇调研"), [False, True, False]),
    (("某某区全力打造一流营商", "环境", "王五主持召开专题会议"), [False, True, False]),
    # lines of similar length keep wrapping
    (("让获得感幸福感", "安全感更加充实"), [False, True]),
    (("某某区召开某某工作会议暨", "推进会"), [False, True]),
    (("推动某某产业集群", "高质量发展", "再上新台阶"), [False, True, True]),
    # a kicker naming where a leader spoke opens the next head, whole on its own line
    (("某某重大项目建设有序推进", "张三在某某县调研时强调", "坚持实事求是推进乡村振兴"), [False, False, False]),
])
def test_wrapped_headline_parts(texts: tuple, joined: list[bool]) -> None:
    group = _wrapped(*texts)
    assert [group.joins(i) for i in range(len(texts))] == joined


def test_an_unwrapped_page_joins_two_headline_lines_only_across_a_cut_word() -> None:
    """Body in one line per paragraph: a headline cut inside a word is one headline, else title and subtitle."""
    cut = HeadlineGroup([HeadlineLine("某区政府召开第2"), HeadlineLine("3次常务会议", blank_before=False)], wrapped=False)
    assert cut.parts(0, 2) == ["某区政府召开第23次常务会议"]
    pair = HeadlineGroup(
        [HeadlineLine("稳字当头抓春耕"), HeadlineLine("桃源县召开春耕生产推进会", blank_before=False)], wrapped=False
    )
    assert pair.parts(0, 2) == ["稳字当头抓春耕", "桃源县召开春耕生产推进会"]
    stopped = HeadlineGroup(
        [HeadlineLine("全国、省和市人大代表来"), HeadlineLine("我区开展会前集中视察活动", blank_before=False)], wrapped=False
    )
    assert stopped.parts(0, 2) == ["全国、省和市人大代表来我区开展会前集中视察活动"]


@pytest.mark.parametrize(("first", "second", "joined"), [
    ("热烈庆祝“某某区第十八届", "人民代表大会第三次会议”隆重开幕", True),  # a quote left open
    ("某某县召开常委会暨", "主题活动推进会", True),  # stops on 暨
    ("督办生态环境保护督察组辽宁", "省工作协调组交办的问题", True),  # 辽宁省 cut in two
    ("稳字当头抓春耕", "桃源县召开春耕生产推进会", False),
])
def test_a_headline_cut_across_a_blank_line_is_one_part(first: str, second: str, joined: bool) -> None:
    for wrapped in (False, True):
        group = HeadlineGroup([HeadlineLine(first), HeadlineLine(second, blank_before=True)], wrapped=wrapped)
        assert (len(group.parts(0, 2)) == 1) is joined


def test_a_cut_between_lines_wider_than_the_column_costs_less() -> None:
    lines = [HeadlineLine("某某县全面落实安全生产责任 扎实抓好各项工作", blank_before=True),
             HeadlineLine("访某某县委书记张三：做好三色文章书写新答卷", blank_before=False),
             HeadlineLine("短行", blank_before=False)]
    group = HeadlineGroup(lines, column=14.0)
    assert group.cut_cost(1) < WRAP_CUT_PENALTY  # both lines set across columns
    assert group.cut_cost(2) == WRAP_CUT_PENALTY  # a line within the column may be a wrap
    assert HeadlineGroup(lines).cut_cost(1) == WRAP_CUT_PENALTY  # no column known


def test_head_lines_short_of_the_column_are_cheap_to_cut() -> None:
    group = HeadlineGroup([HeadlineLine("某某县召开会议"), HeadlineLine("某某镇开展活动")], column=28.0)
    assert group.cut_cost(1) < WRAP_CUT_PENALTY


def test_a_long_cluster_is_cut_into_pieces_the_solver_can_search_whole() -> None:
    group = HeadlineGroup([HeadlineLine(f"某某镇开展第{k}项活动") for k in range(MAX_LINES + 2)], before=5, after=4)
    pieces = split_large(group)
    assert [len(p.lines) for p in pieces] == [MAX_LINES, 2]
    assert (pieces[0].after, pieces[0].before, pieces[1].after, pieces[1].before) == (4, None, None, 5)


def test_partitions_are_every_split_into_contiguous_runs() -> None:
    assert partitions(3) == [[(0, 3)], [(0, 2), (2, 3)], [(0, 1), (1, 3)], [(0, 1), (1, 2), (2, 3)]]
