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
        "春风化雨润民心——桃源县开展新时代文明实践活动纪实", None, "本报记者　周明",
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


# ---------------------------------------------------------------- rules for unseen layouts

TWO_UNTITLED = """某某镇召开秸秆禁烧工作会

5月6日，某某镇召开秸秆禁烧工作会，部署夏收期间禁烧工作。镇党委书记张三出席。

会议要求，各村要落实网格责任，做到地块有人管。

5月7日上午，某某街道举办社区运动会，800余名居民参加拔河、跳绳等项目。

运动会持续一天，居民们在比赛中增进了邻里感情。
"""

# The dated paragraph names nothing the report above has not: it is the same story.
# (A dated paragraph on half-new things after a one-sentence item is, in real copy, most
# often the next item of a digest, and the learned break model treats it so.)
SAME_STORY = """某某镇召开秸秆禁烧工作会

5月6日，某某镇召开秸秆禁烧工作会，部署夏收期间禁烧工作，要求组建秸秆禁烧巡查队，在各村开展巡查。

会议要求，各村要落实网格责任，做到地块有人管。

5月7日，某某镇秸秆禁烧巡查队在各村开展巡查。
"""

FEATURE = """巡河路上的“老娘舅”

“河道干净了，散步的人也多了。”说起村里的变化，村民们赞不绝口。

这一切，离不开一位退休老党员的坚持。

5月3日，某某村新组建的护河志愿队正式上岗，十余名老党员轮流巡河。
"""

TIGHT = """　　本报讯 5月6日，某某区举行职业技能大赛决赛，来自全区各行各业的选手同台竞技，比拼电工、焊接、育婴等项目。
　　大赛共设十个项目，吸引了全区二百余名选手参赛。
　　据介绍，获奖选手将按规定享受技能人才相关待遇，并优先推荐参加市级比赛。

　　某某街道老年食堂近期推出了每周新菜单，深受老人欢迎。
　　食堂负责人说，菜单会根据季节调整，下一步还将开设送餐上门服务，方便行动不便的老人。
"""

# Hard-wrapped at 14 characters; a paragraph ends on a short line, the next starts tight below
# it, and only the story after it is set off by a blank line.
TIGHT_WRAPPED = """9月4日上午，某某县县长张某
深入县电机厂督导项目建设，
要求加快技改进度。
张某强调，要倒排工期，挂图作
战，确保项目按期投产。
县政府办主任一同督导。
县发改局负责人参加。

新年将至，岁寒情深。为了让困
难群众过好春节，1月25日，某
某街道干部走访慰问困难群众。
慰问中，干部们详细询问老人身
体状况。
"""


@pytest.mark.parametrize(("page", "count"), [
    (TWO_UNTITLED, 2),  # a dated lead on a new topic after a finished article starts a new one
    (SAME_STORY, 1),  # a dated paragraph about the same thing continues the article
    (FEATURE, 1),  # a feature opening with a scene reaches its dated news peg later
    (TIGHT, 2),  # paragraphs without blank lines: a blank line separates articles
    (TIGHT_WRAPPED, 2),  # the same on a hard-wrapped page, where short lines end paragraphs
])
def test_untitled_articles(page: str, count: int) -> None:
    assert len(segment_page(page).articles) == count


def test_agency_lead_wrapped_across_lines_starts_an_article() -> None:
    page = "\n".join([
        "本报讯 5月6日，某某县召", "开春耕生产推进会，部署", "当前农业生产工作。",
        "", "新华社北京5月6日", "电 记者从农业农村部获", "悉，春播进展顺利。",
    ])
    articles = segment_page(page).articles
    assert [a.body[:3] for a in articles] == ["本报讯", "新华社"]


@pytest.mark.parametrize("line", [
    "某某报  第2版  综合新闻",
    "某某日报  2024年5月4日  星期六",
    "某某区人民政府 主办  某某报社 出版  国内统一连续出版物号 CN31-0000",
    "地址：某某区某某路1号  邮编：200000  印刷：某某印务中心",
])
def test_headers_and_colophons_are_page_furniture(line: str) -> None:
    assert noise.is_page_furniture(line)


@pytest.mark.parametrize(("line", "furniture"), [
    ("第二届职工运动会开幕", False),
    ("全县召开第3版规划评审会，会议要求……", False),
])
def test_headlines_are_not_furniture(line: str, furniture: bool) -> None:
    assert noise.is_page_furniture(line) is furniture


@pytest.mark.parametrize(("line", "caption"), [
    ("▲图为志愿者在某某村开展服务（摄影 张三）", True),
    ("图为活动现场。李四 摄", True),
    ("（图为居民参加活动。王五 摄）", True),
    ("图书馆新馆开放", False),
    ("据了解，图为主题的展览将持续一个月。", False),
])
def test_is_caption(line: str, caption: bool) -> None:
    assert noise.is_caption(line) is caption


@pytest.mark.parametrize(("line", "notice"), [
    ("遗失声明", True),
    ("招聘启事", True),
    ("某某商贸有限公司不慎遗失营业执照副本，特此声明作废。", True),
    ("某某镇召开安全生产会议", False),
])
def test_is_notice(line: str, notice: bool) -> None:
    assert noise.is_notice(line) is notice


@pytest.mark.parametrize(("line", "following", "rest", "marker"), [
    ("坚决守牢安全底线。（下转第", "2版）", "坚决守牢安全底线。", "（下转第2版）"),
    ("确保按期完工。下转", "第3版", "确保按期完工。", "下转第3版"),
    ("会议指出，要加快", "转型升级。", "会议指出，要加快", None),
    ("详见", "第3版", "详见", None),
])
def test_split_wrapped_continued_to(line: str, following: str, rest: str, marker: str | None) -> None:
    assert noise.split_wrapped_continued_to(line, following) == (rest, marker)


@pytest.mark.parametrize("line", ["（紧接第一版）", "紧接第1版", "续接第2版"])
def test_more_continued_from_styles(line: str) -> None:
    assert noise.split_continued_from(line + "会议要求，抓好落实。") == ("会议要求，抓好落实。", line)


NO_BLANK_WRAPPED = "\n".join([
    "本报讯 5月6日，某某镇组织镇",
    "村干部开展防火巡查，排查野外",
    "用火隐患。镇长张三带队巡查。",
    "某某镇开展防火巡查行动",  # headline printed after its article
    "某某街道集市开市迎新春",  # headline of the next article
    "本报讯 5月7日，某某街道新春",
    "集市开市，百余个摊位集中亮相",
    "，吸引不少居民选购年货。",
    "遗失声明",
    "某某商贸有限公司不慎遗失公章",
    "一枚，特此声明作废。",
])


def test_wrapped_page_without_blank_lines_keeps_adjacent_headlines_and_drops_notices() -> None:
    page = segment_page(NO_BLANK_WRAPPED)
    assert [a.title for a in page.articles] == ["某某镇开展防火巡查行动", "某某街道集市开市迎新春"]
    assert "声明作废" not in page.articles[-1].body


def test_caption_with_photo_credit_and_source_credit_line() -> None:
    page = segment_page("\n".join([
        "某某镇新建驿站投用",
        "5月6日，某某镇首个户外劳动者驿站投用，提供饮水、充电等服务。",
        "▲图为驿站内景。",
        "（张三 摄）",
        "（来源：某某发布）",
        "某某街道举办邻里节",
        "5月7日，某某街道举办邻里节。",
    ]))
    first, second = page.articles
    assert first.body.endswith("等服务。")
    assert first.byline == "来源：某某发布"
    assert second.title == "某某街道举办邻里节"


END_CLUSTER_WITH_WRAPPED_TAIL = """本报讯 ５月６日，桃源县政协召
开常委会议，协商讨论城乡供水
一体化工作。县政协主席钱国华
主持会议。

本报讯 ５月７日，桃源县举行招
商引资项目集中签约仪式，共签
约项目十二个，总投资八十亿元
。县长赵立新出席签约仪式。

本报讯 ５月８日，第三届桃源美
食节在清溪镇开幕，吸引游客两
万余人次。

县政协召开常委会议

招商项目集中签约

第三届桃源美食节在清溪镇举
{tail}
"""


@pytest.mark.parametrize("tail, title", [
    ("行", "第三届桃源美食节在清溪镇举行"),  # the tail completes a word cut by the wrap
    ("办", "第三届桃源美食节在清溪镇举办"),
])
def test_wrapped_last_headline_of_an_end_cluster_stays_a_headline(tail: str, title: str) -> None:
    page = segment_page(END_CLUSTER_WITH_WRAPPED_TAIL.format(tail=tail))
    assert [a.title for a in page.articles] == ["县政协召开常委会议", "招商项目集中签约", title]
    assert page.noise == []
    # the third headline follows its article inside the cluster, not directly: matched by content
    assert all("内容" in w for a in page.articles for w in a.warnings)
    assert not any("之后" in w for a in page.articles for w in a.warnings)


def test_headline_directly_after_the_body_is_reported_as_after() -> None:
    page = segment_page(END_CLUSTER_WITH_WRAPPED_TAIL.format(tail="行").replace(
        "万余人次。\n\n县政协召开常委会议\n\n招商项目集中签约\n\n", "万余人次。\n\n") + "\n县政协召开常委会议\n\n招商项目集中签约\n")
    third = page.articles[2]
    assert third.title == "第三届桃源美食节在清溪镇举行"
    assert any("之后" in w for w in third.warnings)


ONE_LINE_QR_THEN_TWO_LINE_HEADLINE = """某某区召开某某工作会议
本报讯（记者 张三）5月6日，某某区召开某某工作会议，部署下一阶段重点任务。
副区长李四出席会议并讲话。
本报讯（记者 王五）5月7日，某某区第三届职工运动会在区体育中心闭幕。
副区长赵六出席闭幕式并为获奖队伍颁奖。
{qr}
让老人就近吃上热乎饭
某某街道首家社区长者食堂开业
5月8日，某某街道首家社区长者食堂在某某社区正式开业，每天可供应午餐两百份。
街道党工委书记钱七介绍，食堂由街道引入专业机构运营。
"""


@pytest.mark.parametrize("qr", ["扫码看视频", "扫描二维码 观看更多"])
def test_headlines_after_a_qr_caption_head_the_next_article(qr: str) -> None:
    page = segment_page(ONE_LINE_QR_THEN_TWO_LINE_HEADLINE.format(qr=qr))
    titles = [(a.title, a.subtitle) for a in page.articles]
    assert titles == [
        ("某某区召开某某工作会议", None),
        (None, None),  # the noise line ends the untitled article above
        ("让老人就近吃上热乎饭", "某某街道首家社区长者食堂开业"),
    ]
    assert page.noise == [qr]
    assert page.articles[1].body.endswith("颁奖。")


def test_rest_of_a_qr_caption_is_noise_not_a_headline() -> None:
    page = segment_page(
        "扫描二维码\n\n观看某某新闻\n\n某某镇年货集市开市\n\n"
        "1月6日，某某镇年货集市在某某广场开市，吸引市民数千人次。\n"
    )
    [article] = page.articles
    assert article.title == "某某镇年货集市开市"
    assert page.noise == ["扫描二维码", "观看某某新闻"]


@pytest.mark.parametrize("line, rest", [
    ("观看某某新闻", True),
    ("了解更多", True),
    ("某某街道首家长者食堂开业", False),
    ("让老人就近吃上热乎饭", False),
])
def test_is_qr_continuation(line: str, rest: bool) -> None:
    assert noise.is_qr_continuation(line) is rest


def test_qr_box_headline_stays_noise_when_blank_lines_separate_the_next_headline() -> None:
    page = segment_page(
        "详情请\n扫描二维码\n\n致全区中小学师生及家长的一封信\n\n"
        "某某区委巡察组深入基层一线——\n\n让群众感受到监督就在身边\n\n"
        "“感谢巡察组为民办实事。”某某小区居民张三说，困扰多年的问题终于解决了。\n"
    )
    [article] = page.articles
    assert (article.title, article.subtitle) == ("某某区委巡察组深入基层一线——让群众感受到监督就在身边", None)
    assert "致全区中小学师生及家长的一封信" in page.noise


def test_one_plain_paragraph_under_a_headline_is_a_whole_report() -> None:
    """A dateline after it opens the next report; only a quote or a scene waits for its lead."""
    page = segment_page(
        "某某区开展清明文明祭扫宣传\n\n"
        "为保障清明期间空气质量，东城区多次召开专题会议，部署文明祭扫工作，出动人员500余人次，劝阻焚烧祭祀80余起。\n\n"
        "1月4日，南湖市迎来一场大雪，白沙街道办事处迅速行动，组织志愿者清扫辖区积雪，确保群众出行便利。\n"
    )
    assert len(page.articles) == 2
    quoted = segment_page(
        "某某街道巡察见实效\n\n"
        "“感谢巡察组为民办实事，小区环境终于变好了。”居民王大妈说。\n\n"
        "长期反映的小区环境问题，因巡察组的到来出现了转机。\n\n"
        "4月28日，某某区委巡察组进驻某某街道所辖6个社区开展巡察。\n"
    )
    assert len(quoted.articles) == 1


def test_a_bracketed_credit_wrapped_over_two_lines_becomes_the_byline() -> None:
    page = segment_page(
        "某某区召开防汛工作会议\n\n5月6日，某某区召开防汛工作会议，部署汛期安全\n工作。区长李四参加。\n"
        "(某某市融媒体中心记者马小燕\n通讯员孙立新)\n"
    )
    article = page.articles[0]
    assert article.body.endswith("区长李四参加。")
    assert "马小燕" in (article.byline or "")


def test_a_story_cut_by_a_continued_to_marker_joins_its_rest_in_the_same_file() -> None:
    page = segment_page(
        "区委书记走访老党员\n\n7月29日，区委书记陈大川走访慰问老党员，送上节日祝福。\n下转►2版\n\n"
        "某某街道举办运动会\n\n8月1日，某某街道举办社区运动会，800余名居民参加。\n\n"
        "(上接第1版)随后，陈大川一行来到党史馆参观学习。\n"
    )
    assert len(page.articles) == 2
    assert page.articles[0].body.endswith("参观学习。")
    assert not page.articles[0].continued_from_elsewhere


def test_a_continued_from_fragment_of_another_story_stays_an_article() -> None:
    page = segment_page(
        "区委书记走访老党员\n\n7月29日，区委书记陈大川走访慰问老党员，送上节日祝福。\n下转►2版\n\n"
        "(上接第1版)河道整治工程已完成清淤八万方，沿岸绿化同步推进。\n"
    )
    assert len(page.articles) == 2
    assert page.articles[1].continued_from_elsewhere


def test_a_full_sentence_line_cut_by_a_column_break_stays_body() -> None:
    page = segment_page(
        "区委书记调研文旅项目\n\n"
        "1月31日，区委书记王大海一行深\n入到某某镇，调研文旅产业发展情\n况，确保项目顺利推进。\n"
        "随后，王大海一行到北大荒（知青）\n\n生态康养文旅产业园等处，实地查\n看了文旅项目建设情况和运营情况。\n"
    )
    assert len(page.articles) == 1
    assert "北大荒（知青）生态康养" in page.articles[0].body.replace("\n", "")


def test_each_day_of_a_months_record_of_events_is_an_item() -> None:
    page = segment_page(
        "2021年7月区政府大事记\n\n1日在全市防汛视频调度会议后，某某区立即召开全区防汛工作会议。\n\n"
        "2日某某区委副书记、代区长高某某调研重点项目建设。区领导张某某参加。\n\n"
        "5日某某区召开区级领导干部学习会，传达学习有关讲话精神。\n"
    )
    assert len(page.articles) == 3
    assert all(a.title is None for a in page.articles)


def test_a_wrapped_headline_above_a_dated_report_is_promoted() -> None:
    page = segment_page(
        "要闻  第1版\n\n县委副书记王大海深入部分乡\n镇调研“三夏”生产工作\n\n"
        "6月10日，县委副书记王大海\n深入部分乡镇调研“三夏”\n生产和秸秆禁烧工作。副县\n长李四及相关部门负责人陪\n同调研。\n"
    )
    assert len(page.articles) == 1
    assert page.articles[0].title == "县委副书记王大海深入部分乡镇调研“三夏”生产工作"


def test_a_subtitle_above_a_report_dated_with_a_day_range_is_promoted() -> None:
    page = segment_page(
        "县政府召开座谈会\n征求各界对政府工作报告的意见\n"
        "2月14日~15日,县政府召开\n两场座谈会,听取部分人大代表、\n政协委员、企业家、老干部代表\n"
        "的意见建议。县长张某、副县长\n李某参加。座谈会上,大家踊跃发\n言,提出了意见建议。\n"
    )
    assert len(page.articles) == 1
    assert page.articles[0].body.startswith("2月14日~15日")


def test_a_full_width_headline_with_a_comma_under_a_column_flag_stays_a_headline() -> None:
    page = segment_page(
        "【网络中国节•春节】\n春节前夕走访慰问，浓浓关怀最暖人心\n\n"
        "在新春佳节即将到来之际，近日，某某\n县委书记王大海看望慰问了县光荣院的\n老人，送去慰问品和慰问金。\n"
    )
    assert "春节前夕走访慰问，浓浓关怀最暖人心" in {page.articles[0].title, page.articles[0].subtitle}


def test_a_wrapped_headline_printed_right_on_its_report_without_blank_lines() -> None:
    page = segment_page(
        "市政协调研我区重大项目建\n设\n9月11日，市政协副主席陈某率\n调研组来到我区，专题调研重大产\n"
        "业项目推进情况。区政协主席曾某\n某参加活动。\n区领导督查城镇燃气安全生\n产工作\n"
        "某某区融媒体中心讯 1月26日上\n午，区委常委、常务副区长安某带领\n相关部门督查燃气安全生产工作。\n"
    )
    assert [a.title for a in page.articles] == ["市政协调研我区重大项目建设", "区领导督查城镇燃气安全生产工作"]


WIDE_HEADLINE_AND_WRAPPED_CREDIT = """
县委副书记、县长赵立新调研全县教育工作
尊师重教情意浓。9月4日下午
，县长赵立新就全县教育工作进
行调研，并与一线教师座谈交流
，为他们送去节日的祝福。赵立
新要求，要进一步优化教育布局
，奋力开创教育事业新局面。
（某县新闻办 张某红 李某华
图/文）

8月31日，副县长孙明带领县政
府办、公安局负责同志深入清溪
镇，对安全生产工作进行检查。
孙明要求，要压实安全责任，
切实减轻交通安全压力。
"""


def test_a_line_wider_than_the_column_stays_a_headline_and_a_wrapped_credit_ends_a_report() -> None:
    page = segment_page(WIDE_HEADLINE_AND_WRAPPED_CREDIT)
    assert [a.title for a in page.articles] == ["县委副书记、县长赵立新调研全县教育工作", None]
    first, second = page.articles
    assert first.body.startswith("尊师重教情意浓") and first.body.endswith("新局面。")
    assert first.byline == "某县新闻办 张某红 李某华图/文"
    assert second.body.startswith("8月31日")


def test_a_headline_printed_twice_on_two_lines_is_one_headline() -> None:
    page = segment_page("第2版  综合新闻\n\n某县领导到清溪村调研\n某县领导到清溪村调研\n2月22日，副县长孙明到清溪村调研。\n")
    [article] = page.articles
    assert article.title == "某县领导到清溪村调研"


def test_names_alone_under_a_headline_are_its_byline() -> None:
    page = segment_page("某市领导来县调研\n杨立才 夏巧红\n3月5日，某市领导来县调研乡村振兴工作。\n")
    [article] = page.articles
    assert article.title == "某市领导来县调研"
    assert article.byline == "杨立才 夏巧红"


def test_a_news_lead_under_an_open_caption_starts_the_report() -> None:
    page = segment_page(
        "图为县长孙明一行在项目施工现场调研\n某县新闻网6月4日讯（记者 王立\n婷）6月3日下午，县长孙明带队\n调研重点项目建设情况。\n"
    )
    [article] = page.articles
    assert article.body.startswith("某县新闻网6月4日讯")


def test_a_speaker_line_above_a_headline_looking_sentence_is_no_kicker() -> None:
    page = segment_page(
        "新春佳节将至，1月20日，县委书\n记孙明率队深入项目一线、企业、\n商超等地，实地调研督导安全生产\n"
        "和市场保供工作，并开展节前慰问\n，详细了解建筑施工安全、市场保\n供等情况，提出具体整改意见。\n\n"
        "孙明强调——\n\n"
        "春节是阖家团圆的重要节日，安全\n生产工作容不得半点松懈。要牢固\n树立安全发展理念，准确把握岁末\n"
        "年初安全生产形势，压紧压实各方\n责任，确保群众度过祥和春节。\n"
    )
    assert [a.title for a in page.articles] == [None]


def test_the_next_day_of_a_visit_stays_with_its_report() -> None:
    page = segment_page(
        "省领导来区开展走访调研活动\n\n"
        "近日，省委要求学习推广某市走访活动做法。春节后上班第一天，省委常委、省纪委书记孙立明来我市参加走访调研活动。"
        "市领导陪同调研。\n\n"
        "2月3日上午，孙立明一行来到某某集团听取企业发展介绍，并走进生产车间详细了解企业运营情况。\n"
    )
    assert len(page.articles) == 1



def _wrap(text: str, width: int) -> str:
    return "\n".join(text[k:k + width] for k in range(0, len(text), width))


def test_a_bulleted_head_on_its_items_dateline_heads_that_item() -> None:
    first = ("近日,市政协常委张某率队来我区,围绕加快推进城市更新及优化城市道路交通开展专题调研。"
             "区委常委、副区长李某陪同。调研组一行先后来到多个片区,实地察看项目规划建设实施情况。")
    second = ("7月26日,市委常委、宣传部长王某来某县调研宣传文化工作。县委书记赵某陪同调研。"
              "在县博物馆、文化馆等地,王某实地察看了公共文化基础设施建设情况,要求进一步丰富文化内涵。")
    page = segment_page(
        f"县区快讯\n\n■ 市政协来我区开展专题调研\n{_wrap(first, 18)}\n\n"
        f"■ 王某来某县调研文化工作\n{_wrap(second, 18)}\n"
    )
    assert [a.title for a in page.articles] == ["市政协来我区开展专题调研", "王某来某县调研文化工作"]


def test_photo_placeholders_inside_a_report_do_not_cut_it() -> None:
    before = ("5月17日,旗政协主席张某带队,组织政协机关相关人员及部分苏木镇联络办、社区书记赴某县"
              "围绕政协协商民主向基层延伸、提案办理等内容进行考察学习。")
    after = ("考察组一行先后到某镇花园社区、团结社区、乡村振兴设施农业产业园区等地实地考察,"
             "听取情况介绍,并与相关负责人深入沟通和交流。")
    page = segment_page(f"某某旗政协赴外地考察学习\n{_wrap(before, 13)}\n图片\n图片\n{_wrap(after, 13)}\n")
    assert len(page.articles) == 1


def test_a_one_clause_caption_between_a_headline_and_its_report_is_noise() -> None:
    page = segment_page(
        "紧抓发展机遇 助力实现跨越\n\n某某代表团热议党代会报告。\n\n"
        "立足新发展阶段，贯彻新发展理念，代表们认为报告站位高、举措实，为今后五年发展指明了方向。\n\n"
        "区党代表张某表示，报告提出的目标任务催人奋进。\n"
    )
    assert len(page.articles) == 1
    assert page.articles[0].body.startswith("立足新发展阶段")
    assert "某某代表团热议党代会报告。" in page.noise


def test_bulleted_items_running_on_at_full_column_width_are_separate_reports() -> None:
    items = [
        "●第六届投资贸易洽谈会开幕。区委书记张某参加开幕式,区长李某参加开幕式并到展厅巡展。展厅分为三个板块,"
        "从农特产品、工业产品以及文旅服务三个领域全方位展示本区特色。我区与某集团签约,签约金额50亿元。",
        "●区委书记张某主持召开区规划委员会全体会议暨旅游度假区创建指挥部会议,传达学习旅游发展大会精神,"
        "审议有关文件,安排有关工作。区长李某等出席。",
        "●区委书记张某,区长李某调研蔬菜产业并召开座谈会。张某指出,这一模式在多地实践行得通,要坚定目标、"
        "坚持推进,确保在本区全面落地推广、取得更大成效。",
    ]
    page = segment_page("要闻周报\n" + "\n".join(_wrap(item, 17) for item in items) + "\n")
    assert len(page.articles) == 3


def test_a_dateline_after_a_blank_line_ends_a_report_left_without_its_full_stop() -> None:
    first = ("旗政协主席张某带队,组织政协机关相关人员赴某县围绕政协协商民主向基层延伸、提案办理等内容进行考察学习。"
             "考察组一行先后到某镇花园社区、团结社区等地,了解开展情况并与相关负责人深入沟通和交流")
    second = ("今天下午,县委书记刘某一行先后来到某乡两溪河村、甘露村易地扶贫搬迁安置点,实地察看工程建设进展情况。"
              "他要求,各级各部门要齐心协力,狠抓责任落实。县委常委、县委办公室主任朱某参加调研。")
    third = ("2月27日,区委副书记、区长潘某主持召开区政府常务会议,研究部署重点工作。会议强调,要抓好项目建设,"
             "确保各项工作落地见效。")
    def paragraphs(text: str) -> str:  # printed tight: each paragraph ends on a short line
        cut = text.index("。") + 1
        return _wrap(text[:cut], 12) + "\n" + _wrap(text[cut:], 12)

    page = segment_page("\n\n".join(paragraphs(t) for t in (first, second, third)) + "\n")
    assert [a.body[:4] for a in page.articles] == ["旗政协主", "今天下午", "2月27"]


def test_a_day_alone_on_its_line_opens_that_days_entry() -> None:
    entries = [
        ("1日", "全国新年登高健身大会活动在某镇风景名胜区举行。活动由省登山协会、市体育局主办,"
                "区教育和体育局承办。全省1000余名登山运动爱好者参加。"),
        ("6日", "市委副书记张某到某街道某社区慰问困难劳模,送去慰问金和节日祝福。"),
        ("13日—14日", "政协某区委员会第四次会议在某宾馆举行。会议讨论并赞同区长徐某所作的政府工作报告"
                     "和其他报告,通过会议决议。"),
    ]
    page = segment_page("2020年1月大事要览\n" + "\n".join(f"{day}\n{_wrap(text, 16)}" for day, text in entries) + "\n")
    assert [a.body[:3] for a in page.articles] == ["1日全", "6日市", "13日"]


def test_bulleted_day_numbers_open_the_entries_of_a_months_record() -> None:
    entries = [
        ("1日晚", "某景区“点亮·2023”大型亲子荧光跑主题活动拉开序幕,200组亲子家庭参加。景区正式开启夜游新篇章。"),
        ("2", "区红十字会在城市展示馆开展应急救护培训走进公共文化场馆活动,13个公共文化场馆的工作人员参加轮训。"),
        ("同日", "区召开安全生产委员会第二次全体成员会议,区委副书记、区长杨某主持会议并讲话,副区长谢某参加会议。"),
    ]
    page = segment_page("某某区情 · 大事记\n2023年4月\n\n" + "\n\n".join(f"■ {day}\n{_wrap(text, 20)}" for day, text in entries) + "\n")
    assert len(page.articles) == 3


def test_a_one_sentence_line_far_wider_than_the_column_after_a_report_is_a_caption() -> None:
    body = ("会上,代表们围绕交通出行、产业发展等方面提出意见建议。县人大常委会主任李某认真听取了大家的发言,"
            "对近年来的工作成效给予了充分肯定。会后,调研组一行对安置点、公路进行了现场视察。")
    page = segment_page(_wrap(body, 13) + "\n调研组一行现场视察某乡易地扶贫搬迁安置点。\n作者:张某 李某\n")
    assert len(page.articles) == 1
    assert "调研组一行现场视察某乡易地扶贫搬迁安置点。" in page.noise
