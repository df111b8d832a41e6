"""Bylines: standalone credit lines, inline 本报讯 credits, trailing source credits."""
from __future__ import annotations

import pytest

from articles.text.bylines import inline_byline, is_byline_line, split_source_credit


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("记者 周明", True),
        ("记者周明", True),
        ("首席记者 钱小红", True),
        ("特聘首席记者 孙一鸣", True),
        ("通讯员 钱雨 记者 孙晓", True),
        ("·李文·", True),
        ("·王大山 赵小川·", True),
        ("文/张三 图/李四", True),
        ("某某新闻全媒体记者 王小明 李大刚", True),
        ("今日某某全媒体记者 王小明", True),
        ("某某发布记者 王小明", True),
        ("(钱立)", True),
        ("（张翠 李四）", True),
        ("(扩大)", False),
        ("（草案）", False),
        ("本报记者 周明 摄", False),
        ("文明实践进万家", False),
        ("图为活动现场", False),
        ("记者从县农业农村局获悉，今年春播进展顺利。", False),
        ("桃源县召开春耕生产推进会", False),
        ("本报记者", True),  # the role alone, the name left out
        ("本台记者:某某报道", True),  # a broadcaster's credit under its report
        ("记者 王小明 李大刚 报道", True),
        ("□记者王小明报道", True),
        ("记者王小明报道:8月18日，某某召开会议。", False),  # a lead, not a credit line
        ("区政府办 供稿", True),  # an office and its role
        ("区委办 县委办", False),  # offices with no role
        ("作者：吴立富", True),
        ("稿件作者:王裕琦", True),
        ("马某某/图", True),
        ("文、图、视频/李某某 杨某某", True),  # several roles under one credit
        ("记者/作者:某某镇人民政府", True),
        ("作者：某某县委宣传部", True),
        ("作者:某某微记录", True),  # a site's account credited as the writer
        ("某某融媒", True),  # the newsroom alone under a head
        ("闪电新闻记者张某某聊城报道", True),  # where the reporter filed from
        ("□ 黄 强", True),  # the writer after a box, the name split by a spurious space
        ("本报记者_张某某", True),
        ("某某县政府办公室", True),  # the office that sent the report
        ("某某县委宣传部", True),
        ("作者研究认为", False),  # 作者 names a writer only with its colon
        ("■ 融媒体记者 蒋 栋", True),  # a name cut by a spurious space
        ("记者 张 三 李四", True),
        ("某某网记者 王建福 通讯员 刘涛 某市报道", True),  # two roles before where they filed from
        ("某某新闻 周平", True),  # the outlet and its writer, no role word
        ("某某日报 王建福 刘涛", True),
        ("某某新闻 发布会召开", False),  # an outlet's name over a headline's words
        ("记者 | 王建福 刘涛", True),  # a bar between the role and the names
        ("文 | 周平", True),
        ("作者:王建福 编辑:刘涛", True),  # the writer and the editor
        ("新华社记者 周平 摄", True),  # the agency's photographer
        ("新闻作者: 周平", True),
    ],
)
def test_is_byline_line(line: str, expected: bool) -> None:
    assert is_byline_line(line) is expected


@pytest.mark.parametrize(
    ("paragraph", "credit"),
    [
        ("本报讯(记者 孙晓 通讯员 钱雨) 5月4日，清溪镇", "记者 孙晓 通讯员 钱雨"),
        ("本报讯（记者 周明）近日，", "记者 周明"),
        ("本报讯 5月4日，清溪镇", None),
        ("本报讯(5月4日)清溪镇", None),
        ("5月4日(星期一)，清溪镇", None),
    ],
)
def test_inline_byline(paragraph: str, credit: str | None) -> None:
    assert inline_byline(paragraph) == credit


@pytest.mark.parametrize(
    ("paragraph", "rest", "credit"),
    [
        ("为发展贡献力量。(某某区人大常委会代表工委)", "为发展贡献力量。", "某某区人大常委会代表工委"),
        ("开创新局面。（某县新闻办 张某红 李某华图/文）", "开创新局面。", "某县新闻办 张某红 李某华图/文"),
        ("会议决定召开党组（扩大）", "会议决定召开党组（扩大）", None),  # no sentence closes before it
        ("会议举行。（扩大会议）", "会议举行。（扩大会议）", None),  # not an office
        ("完成各项议程。(记者:吴立金张志文见习记者汪子妍)", "完成各项议程。", "记者:吴立金张志文见习记者汪子妍"),
    ],
)
def test_an_office_credited_after_the_last_sentence(paragraph: str, rest: str, credit: str | None) -> None:
    assert split_source_credit(paragraph) == (rest, credit)


@pytest.mark.parametrize(
    ("paragraph", "rest", "credit"),
    [
        ("共同发展。(转载自《桃源日报》)", "共同发展。", "转载自《桃源日报》"),
        ("共同发展。（来源：桃源发布）", "共同发展。", "来源：桃源发布"),
        ("共同发展（试点）。", "共同发展（试点）。", None),
        ("共同发展。（记者 孙晓）", "共同发展。", "记者 孙晓"),
        ("共同发展。(通讯员 钱雨 记者 孙晓)", "共同发展。", "通讯员 钱雨 记者 孙晓"),
        ("共同发展。(某某市融媒体中心记者马小燕通讯员孙立新)", "共同发展。", "某某市融媒体中心记者马小燕通讯员孙立新"),
        ("共同发展。(作者 胡某某 来源:某某县文化馆)", "共同发展。", "作者 胡某某 来源:某某县文化馆"),
        ("共同发展。(记者:王建福来源:某某报)", "共同发展。", "记者:王建福来源:某某报"),
        # writers named before the outlet's reporter
        ("共同发展。（王建福 刘涛 某某日报融媒体记者 周平）", "共同发展。", "王建福 刘涛 某某日报融媒体记者 周平"),
    ],
)
def test_split_source_credit(paragraph: str, rest: str, credit: str | None) -> None:
    assert split_source_credit(paragraph) == (rest, credit)


@pytest.mark.parametrize(("line", "expected"), [
    ("（来源：某某发布）", True),
    ("来源：某某日报", True),
    ("(转载自《某某新闻》)", True),
    ("来源于群众的智慧，要珍惜。", False),
    ("（摄影 张三）", True),
    ("(某某区人大常委会代表工委)", True),  # the office that wrote the report
    ("（区公安分局）", True),
    ("（上接第1版）", False),
])
def test_standalone_source_credits(line: str, expected: bool) -> None:
    assert is_byline_line(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("（来源：某某发布）", "来源：某某发布"),
    ("(记者 张三)", "记者 张三"),
    ("本报记者　周明", "本报记者　周明"),
])
def test_clean_byline(line: str, expected: str) -> None:
    from articles.text.bylines import clean_byline

    assert clean_byline(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("（张三 摄）", True), ("李四 王五 摄影", True), ("摄影：赵六", True), ("马某某/图", True), ("某某镇召开会议", False),
])
def test_is_photo_credit(line: str, expected: bool) -> None:
    from articles.text.bylines import is_photo_credit

    assert is_photo_credit(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("□ 张三", True),
    ("□李四 王五", True),
    ("文/赵六", True),
    ("□ 基层治理", False),
])
def test_box_and_slash_bylines(line: str, expected: bool) -> None:
    assert is_byline_line(line) is expected


@pytest.mark.parametrize(("line", "credit"), [
    ("宝安日报全媒体记者 何一航 陈董成/文 宋璐/图", True),
    ("某某日报评论员 张三", True),
    ("■ 通讯员 李冰 豆尚", True),
    ("某某日报记者 杨林 刘正金 何祖兰", True),
    ("文/张三", True),
    ("记者 张三 摄", True),
    ("某某日报社全媒体特约记者 周平", True),  # the role's words in the other order
    ("融媒体中心记者/刘涛", True),  # the newsroom alone before the role
    ("某某时报 王建福", True),  # a paper and its writer, no role word
    ("某某时报 要闻", False),
    ("(记者: 张三 编辑:李四 制作:王五 审核:赵六 钱七)", True),  # the whole team, role by role
    ("区领导 张三 李四", False),
    ("区委书记 张三", False),
    ("东丽观察", False),
    ("关键词:发展", False),
    ("某某电视台驻某省站记者先后赶往", False),  # a clause wrapped after 记者, no name
])
def test_credit_lines_with_paper_names_and_roles(line: str, credit: bool) -> None:
    from articles.text.bylines import is_byline_line

    assert is_byline_line(line) is credit


@pytest.mark.parametrize(("line", "expected"), [
    ("■县融媒体中心记者组", True), ("本报联合报道组", True), ("县政府工作小组", False), ("记者组织群众观看", False),
])
def test_a_desk_team_is_a_byline(line: str, expected: bool) -> None:
    assert is_byline_line(line) is expected


def test_a_bracketed_office_and_its_writers_is_a_byline() -> None:
    assert is_byline_line("（某某人大 李浩 曾杰）")
    assert is_byline_line("（县政协办公室 张三）")


def test_writer_and_reviewer_credits_are_a_byline() -> None:
    assert is_byline_line("（撰稿人：张三 审稿人：李四）")
    assert is_byline_line("撰稿人：张三")


@pytest.mark.parametrize("line", ["某某网·某某新闻记者 张三 某某报道", "/摄影 张三", "张三/摄影"])
def test_credits_with_a_dotted_outlet_or_a_loose_slash_are_bylines(line: str) -> None:
    assert is_byline_line(line)


@pytest.mark.parametrize("line", ["（张三丰/文图）", "张三丰/图文"])
def test_a_writer_credited_for_words_and_pictures_at_once_is_a_byline(line: str) -> None:
    assert is_byline_line(line)


@pytest.mark.parametrize(("line", "expected"), [
    ("图文：某某电视台 张三丰", True), ("图文：张三丰", True), ("图文并茂", False), ("图文：全区上下齐心协力", False),
])
def test_words_and_pictures_credited_after_a_colon(line: str, expected: bool) -> None:
    assert is_byline_line(line) is expected


@pytest.mark.parametrize("line", ["□本报记者 王建福 通讯员 刘涛", "□本报记者王建福 通讯员刘涛"])
def test_a_credit_after_a_box_is_a_byline(line: str) -> None:
    assert is_byline_line(line)


@pytest.mark.parametrize(("line", "expected"), [
    ("文\\图：王建福", True),  # a backslash where the slash was
    ("某某社音视频部制作", True),
    ("（刘涛 制作 周平 视频来源 某某县融媒体中心）", True),
    ("（王建福 文 平 陈 明 刘涛）", True),  # names a spurious space cut, a role among them
    ("作者：王建福    来源：某某网--某某日报", True),
    ("（某某日报社融媒体记者巴特尔摄）", True),
    ("（会议 现场 一角）", False),
    ("学生精心制作", False),
])
def test_production_source_and_spaced_credits(line: str, expected: bool) -> None:
    assert is_byline_line(line) is expected
