"""segment_page() and the noise helpers on small invented pages (no names from the seeds)."""
from __future__ import annotations

import pytest

from articles.text import noise
from articles.text.segment import derive_title, segment_page

HARD_WRAPPED_NO_HEADLINE = """
本报讯 ５月３日，桃源县召开春
季农业生产工作会议。县委副书
记、县长赵立

新出席会议并讲话。

会议要求，各乡镇要压实责任，
落实好各项惠农政策，
"""

PARAGRAPHS_WITH_MARKERS = """

稳字当头抓春耕

桃源县召开春耕生产推进会

记者 周明

５月３日上午，桃源县召开春耕生产推进会，部署当前农业生产工作。县委副书记、县长赵立新出席并讲话。

赵立新强调，要坚持粮食安全底线，抓紧抓实春播春种，确保全年粮食产量稳定在合理水平。 下转►２版

清溪镇开展垃圾分类宣传周活动

本报讯（记者 孙晓 通讯员 钱雨） ５月４日，清溪镇在镇文化广场开展垃圾分类宣传周活动，吸引了三百多名居民参与。

活动现场，志愿者向居民讲解垃圾分类知识，两地主要领导多

次到场，发放宣传手册五百余份。（转载自《桃源日报》）

导读

乡村图书馆迎来新书架

刊３版►
"""

END_BLOCK_AND_ECHO = """
本报讯 ５月６日，桃源县政协召
开常委会议，协商讨论城乡供水
一体化工作。县政协主席钱国华
主持会议。

会议指出，要加快水厂改造，
保障群众饮水安全。
 招商项目集中签约

本报讯 ５月７日，桃源县举行招
商引资项目集中签约仪式，共签
约项目十二个，总投资八十亿元
。县长赵立新出席签约仪式。

县政协召开常委会议

城乡供水城乡供水
一体化推进一体化推进

本报讯 ５月８日，城乡供水一体
化工程开工，县水务局局长孙海
出席开工仪式。
"""

QR_AND_CONTINUATION = """
全力推进城乡供水一体化

（上接第１版）要加快管网建设，确保年底前实现城乡供水全覆盖。

县水务局局长孙海出席会议。

县医院招聘护理人员二十名

详情请
扫描二维码

桃源县举办职业技能大赛

·李文·

５月８日，桃源县第三届职业技能大赛开幕，来自全县的两百余名选手参加比赛。

比赛设置电工、焊工、厨师等八个项目。
"""


def test_hard_wrapped_page_without_headlines_is_one_article() -> None:
    page = segment_page(HARD_WRAPPED_NO_HEADLINE)
    assert len(page.articles) == 1
    art = page.articles[0]
    assert art.title is None
    assert art.derived_title == "５月３日，桃源县召开春季农业生产工作会议"
    assert art.paragraphs == [
        "本报讯５月３日，桃源县召开春季农业生产工作会议。县委副书记、县长赵立新出席会议并讲话。",
        "会议要求，各乡镇要压实责任，落实好各项惠农政策，",
    ]
    assert art.continues_elsewhere
    assert page.noise == []


def test_paragraph_page_with_markers_credits_and_digest() -> None:
    page = segment_page(PARAGRAPHS_WITH_MARKERS)
    first, second = page.articles
    assert (first.title, first.subtitle, first.byline) == ("稳字当头抓春耕", "桃源县召开春耕生产推进会", "记者 周明")
    assert first.continues_elsewhere and not first.continued_from_elsewhere
    assert first.body.endswith("合理水平。")
    assert "下转" not in first.body
    assert second.title == "清溪镇开展垃圾分类宣传周活动"
    assert second.byline == "记者 孙晓 通讯员 钱雨 转载自《桃源日报》"
    assert second.body.startswith("本报讯（记者孙晓通讯员钱雨）")
    assert "领导多次到场" in second.body  # the column-break fragment was joined, not taken as a headline
    assert second.body.endswith("五百余份。")
    assert not second.continues_elsewhere
    assert page.noise == ["下转►２版", "导读", "乡村图书馆迎来新书架", "刊３版►"]


def test_end_block_and_echo_headlines() -> None:
    page = segment_page(END_BLOCK_AND_ECHO)
    titles = [a.title for a in page.articles]
    assert titles == ["县政协召开常委会议", "招商项目集中签约", "城乡供水一体化推进"]
    assert page.articles[0].body.endswith("保障群众饮水安全。")
    assert page.noise == ["城乡供水城乡供水一体化推进一体化推进"]
    assert any("内容" in w for w in page.articles[0].warnings)


def test_qr_box_headlines_are_noise_and_continuations_flagged() -> None:
    page = segment_page(QR_AND_CONTINUATION)
    first, second = page.articles
    assert first.title == "全力推进城乡供水一体化"
    assert first.continued_from_elsewhere
    assert first.body.startswith("要加快管网建设")
    assert (second.title, second.byline) == ("桃源县举办职业技能大赛", "·李文·")
    assert page.noise == ["（上接第１版）", "县医院招聘护理人员二十名", "详情请扫描二维码"]


def test_bylines_after_the_body_close_the_article() -> None:
    text = "甲镇举办读书节\n\n读书节开幕，千人参加。\n\n·王一·\n\n乙镇举办运动会\n\n运动会开幕，百人参赛。\n\n·李二·\n"
    page = segment_page(text)
    assert [(a.title, a.byline) for a in page.articles] == [("甲镇举办读书节", "·王一·"), ("乙镇举办运动会", "·李二·")]


@pytest.mark.parametrize("text", ["", "\n\n  \n", "桃源县召开春耕生产推进会\n\n清溪镇开展垃圾分类宣传周活动\n"])
def test_pages_without_body_have_no_articles(text: str) -> None:
    page = segment_page(text)
    assert page.articles == []
    assert page.noise == [line for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize(
    ("line", "rest", "marker"),
    [
        ("确保完成任务。 下转►2版", "确保完成任务。", "下转►2版"),
        ("确保完成任务。（下转第３版）", "确保完成任务。", "（下转第３版）"),
        ("确保完成任务。", "确保完成任务。", None),
        ("共有3版", "共有3版", None),
    ],
)
def test_split_continued_to(line: str, rest: str, marker: str | None) -> None:
    assert noise.split_continued_to(line) == (rest, marker)


@pytest.mark.parametrize(
    ("line", "rest", "marker"),
    [
        ("(上接第1版)要加快建设。", "要加快建设。", "(上接第1版)"),
        ("（上接Ａ１版） 要加快建设。", "要加快建设。", "（上接Ａ１版）"),
        ("接下来要加快建设。", "接下来要加快建设。", None),
    ],
)
def test_split_continued_from(line: str, rest: str, marker: str | None) -> None:
    assert noise.split_continued_from(line) == (rest, marker)


@pytest.mark.parametrize(
    ("line", "echo"),
    [("县政协召开县政协召开", "县政协召开"), ("常委会议 常委会议", "常委会议"), ("哈哈", None), ("县政协召开常委会议", None)],
)
def test_echo_of(line: str, echo: str | None) -> None:
    assert noise.echo_of(line) == echo


def test_noise_line_kinds() -> None:
    assert noise.is_qr_line("详情请") and noise.is_qr_line("扫描二维码") and noise.is_qr_line("扫码看视频")
    assert not noise.is_qr_line("县政协召开常委会议")
    assert noise.is_teaser_marker("刊2版►") and noise.is_teaser_marker("详见３版")
    assert not noise.is_teaser_marker("第十届")
    assert noise.is_digest_heading("导读") and noise.is_digest_heading("今日导读")


def test_derive_title_skips_the_lead() -> None:
    assert derive_title("本报讯(记者 周明) 5月3日，会议召开。其他") == "5月3日，会议召开"
    assert derive_title("") is None


INDENTED_WITH_FURNITURE = """桃源日报　2024年5月4日　星期六　第2版
要闻
春风化雨润民心
——桃源县开展新时代文明实践活动纪实
本报记者　周明
　　近年来，桃源县坚持以新时代文明实践中心建设为抓手，推动文明实践活动常态化开展。
　　一、聚焦群众需求
　　县里组建了二十支志愿服务队伍，深入村组开展服务。
（图为志愿者在清溪镇开展服务。　李文　摄）
县医保局优化异地就医结算服务
　　本报讯（通讯员　钱雨）５月３日起，县医保局推出异地就医备案“掌上办”服务。
　　据了解，今年以来全县已办理异地就医备案三千余人次。（记者 孙晓）
责任编辑：王五　　版式：赵六
"""


def test_indented_page_with_folio_section_heads_and_trailing_credit() -> None:
    page = segment_page(INDENTED_WITH_FURNITURE)
    first, second = page.articles
    assert (first.title, first.subtitle, first.byline) == (
        "春风化雨润民心", "——桃源县开展新时代文明实践活动纪实", "本报记者　周明",
    )
    assert first.paragraphs[1] == "一、聚焦群众需求"  # an enumerated section head stays in the body
    assert not first.continues_elsewhere
    assert "图为" not in first.body  # a photo caption is page furniture, not body text
    assert second.title == "县医保局优化异地就医结算服务"
    assert second.byline == "通讯员　钱雨 记者 孙晓"
    assert second.body.endswith("三千余人次。")
    assert page.noise == [
        "桃源日报　2024年5月4日　星期六　第2版", "要闻", "（图为志愿者在清溪镇开展服务。　李文　摄）",
        "责任编辑：王五　　版式：赵六",
    ]


def test_echo_of_a_wrapped_headline_joined_on_one_line() -> None:
    assert noise.echo_of("县政协召开县政协召开常委会议常委会议") == "县政协召开常委会议"
