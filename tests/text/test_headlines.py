"""Headline recognition, title/subtitle split and content matching, on invented text."""
from __future__ import annotations

import pytest

from articles.text import headlines
from articles.text.headlines import (
    clean_headline,
    looks_like_head_over_lead,
    looks_like_headline,
    split_title,
    splits_word,
    starts_article_lead,
    tokens,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("桃源县召开春耕生产推进会", True),
        ("稳字当头,全力抓好春耕生产", True),
        ("清溪镇开展垃圾分类宣传周活动 居民踊跃参与", True),
        ("-桃源县清溪镇开展垃圾分类宣传活动", True),
        ("县委巡察组紧盯民生关切,深入基层一线,精准解决群众反映强烈的问题——", True),
        ("加油，桃源！", False),
        ("春播开始了！", True),
        ("会议要求,要全力抓春耕,落实", False),
        ("赵立新指出,要坚持底线思维", False),
        ("县委副书记、县长赵立新在会上指出，", False),
        ("会议召开。", False),
        ("此次活动以\"优势互补、合作共赢、相", False),
        ("■ 多方协同推进", False),
        ("※    某某产业联合会", False),
        ("2月10日", False),  # a dateline set on its own line
        ("13日—14日", False),
        (",某某强调", False),  # punctuation the wrap pushed down
        ("5月6日上午", False),
        ("本报讯 近日", False),
        ("一", False),
        ("这一行很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长", False),
    ],
)
def test_looks_like_headline(line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("两地主要领导多", "次互访，建立机制。", True),
        ("为新就业群体代", "表送上礼包。", True),
        ("桃源县召开春耕生产推进会", "5月3日上午，桃源县召开", False),
        ("清溪镇垃圾分类宣传周启动", "本报讯 近日", False),
    ],
)
def test_splits_word(left: str, right: str, expected: bool) -> None:
    assert splits_word(left, right) is expected


def test_lead_detection() -> None:
    assert starts_article_lead("本报讯 5月3日")
    assert starts_article_lead("本报桃源讯（记者 周明）")
    assert starts_article_lead("【本报讯】近日")
    assert not starts_article_lead("据本报讯")
    # the paper's dated dispatch
    assert starts_article_lead("本报12月25日讯 （记者 王建福）")
    assert starts_article_lead("本报5月3日讯 近日")


def test_tokens_merge_unknown_single_characters() -> None:
    assert "缪京" in tokens("缪京深入基层")


@pytest.mark.parametrize(
    ("parts", "title", "subtitle"),
    [
        (["桃源县召开春耕生产推进会"], "桃源县召开春耕生产推进会", None),
        (["稳字当头抓春耕", "桃源县召开春耕生产推进会"], "稳字当头抓春耕", "桃源县召开春耕生产推进会"),
        (["县委巡察组紧盯民生关切——", "让群众感受到监督就在身边"], "县委巡察组紧盯民生关切——让群众感受到监督就在身边", None),
        (["守护绿水青山", "——专家组到某镇复核生态工作"], "守护绿水青山——专家组到某镇复核生态工作", None),
        (["-某某街道开展禁毒宣传", "平安社区共建共享"], "平安社区共建共享", "-某某街道开展禁毒宣传"),
        (["一份温暖", "清溪镇志愿者为老人送去年货"], "一份温暖", "清溪镇志愿者为老人送去年货"),
        # the second line is the first's predicate: one head wrapped
        (["某某省人大代表莅临我县", "开展集中视察活动"], "某某省人大代表莅临我县开展集中视察活动", None),
        # a line at a full head's width over a shorter rest: one head run on
        (["某某县人大代表城关片区代表小组", "联组活动在某镇举行"], "某某县人大代表城关片区代表小组联组活动在某镇举行", None),
        # the seam cuts a number, or the second line opens on a conjunction
        (["某区政府召开第23", "次常务会议"], "某区政府召开第23次常务会议", None),
        (["某旗召开推动经济发展", "和“六个行动”部署会"], "某旗召开推动经济发展和“六个行动”部署会", None),
        (["过去五年某区有哪些", "变化？区长这样说"], "过去五年某区有哪些变化？区长这样说", None),
        # a bare organisation over its predicate; a verb over its object
        (["某某管理区人大", "来区考察巡察工作"], "某某管理区人大来区考察巡察工作", None),
        (["某区召开创建", "全国文明城区调度会"], "某区召开创建全国文明城区调度会", None),
        # a count cut from its noun; the visit under who paid it; a meeting under whose it is
        (["某区人大代表第三", "团参加会前调研活动"], "某区人大代表第三团参加会前调研活动", None),
        (["某区五届人大五次", "会议主席团举行第一次会议"], "某区五届人大五次会议主席团举行第一次会议", None),
        (["张三深入某某乡", "调研信访工作"], "张三深入某某乡调研信访工作", None),
        (["某某区秋冬防火工作", "视频调度会召开"], "某某区秋冬防火工作视频调度会召开", None),
        # who and a bare verb over its object; a verb of going over where; a verb over an object
        # that holds only nouns made of verbs
        (["清溪推动", "竹木加工产业提质发展"], "清溪推动竹木加工产业提质发展", None),
        (["某某县重点项目观摩团莅临", "某某乡观摩指导"], "某某县重点项目观摩团莅临某某乡观摩指导", None),
        (["张三深入某某乡镇调研", "当前重点工作"], "张三深入某某乡镇调研当前重点工作", None),
        # a kicker saying where a leader spoke is never the first line of a wrapped head
        (["张三参加某某县代表团审议时强调", "抓好五大重点  力争全省十强"], "抓好五大重点  力争全省十强", "张三参加某某县代表团审议时强调"),
        # a head cut in two over its deck: the two first lines are one head, tied to the deck
        (["某县8个", "重点项目集中开工", "——全县建设再掀热潮"], "某县8个重点项目集中开工——全县建设再掀热潮", None),
        # …but a kicker, a title and a deck stay three parts
        (["某区召开科技创新大会", "让更多成果在某区落地", "表彰52家优秀企业"],
         "让更多成果在某区落地", "某区召开科技创新大会 表彰52家优秀企业"),
        # who did what over a two-line slogan: the slogan's lines are the title
        (["张三在某某县调研时强调", "做好开放创新两篇文章", "深入推进地下水治理"],
         "做好开放创新两篇文章深入推进地下水治理", "张三在某某县调研时强调"),
        (["全力以赴增投资保安全", "为高质量发展提供坚实支撑", "李四到某某县调研检查"],
         "全力以赴增投资保安全为高质量发展提供坚实支撑", "李四到某某县调研检查"),
        # a deck after a head ending on a verb stands alone
        (["招商引资再提速", "桃源县举行项目集中签约"], "招商引资再提速", "桃源县举行项目集中签约"),
    ],
)
def test_split_title(parts: list[str], title: str, subtitle: str | None) -> None:
    assert split_title(parts) == (title, subtitle)



@pytest.mark.parametrize(("text", "lead", "agency"), [
    ("新华社北京6月12日电 记者从某部获悉", True, True),
    ("中新网某地5月6日电（记者 张三）某某", True, True),
    ("本报讯（记者 张三）5月6日，", True, False),
    ("又讯 5月29日，县政府召开会议", True, False),  # the same paper's second dispatch
    ("又讯息传来", False, False),
    ("新华社记者近日走访了某某村。", False, False),
])
def test_agency_leads(text: str, lead: bool, agency: bool) -> None:
    from articles.text.headlines import is_agency_lead, starts_article_lead

    assert starts_article_lead(text) is lead
    assert is_agency_lead(text) is agency



@pytest.mark.parametrize(("line", "lead"), [
    ("东城新闻讯（李四）金秋时节，", True),
    ("某某县党政门户网讯 9月30日，", True),
    ("萧山网2月23日讯 今天上午9时，", True),
    ("某某网·闪电新闻2月19日讯2月18日，", True),  # a site and its channel joined by a dot
    ("国际在线某某消息:8月8日，", True),
    ("某某网消息(记者 张三)9月18日，", True),
    ("传来好消息：某某", False),
    ("某某少年今赴京采访本报讯 (记者 张三", False),  # a head run on into the paper's own lead
    ("某某网6月18日消息 (记者张三)", True),
    ("天津北方网讯:7月4日下午，", True),
    ("某某融媒体(记者 张三 李四)4月9", True),
    ("某某日报（通讯员 王五）近日，", True),
    ("融媒体中心(扩大)会议召开", False),
    ("通讯员张三 李四报道：6月1日，", True),
    ("群众闻讯赶来", False),
    ("群众闻讯（", False),
    ("通讯（", False),
])
def test_any_outlets_dispatch_lead(line: str, lead: bool) -> None:
    from articles.text.headlines import starts_outlet_lead

    assert starts_outlet_lead(line) is lead


def test_a_doubled_wrapped_headline_line_is_an_echo_even_with_a_quote_cut_open() -> None:
    from articles.text.segment import segment_page

    page = "\n".join([
        "5月6日，某某区召开推进会。区委书记张三出席。", "",
        "张三出席“张三出席“", "有事好商量” 推进会有事好商量” 推进会", "",
    ])
    seg = segment_page(page)
    assert len(seg.articles) == 1
    assert seg.articles[0].body.endswith("出席。")


@pytest.mark.parametrize("line", [
    "他指出，项目是经济社会发展的",
    "通过观摩，委员们对全区发展成绩给予",
    "专家组一行先前往国家气象观测站，实地对该区域的负氧离子含量进行监测",
])
def test_a_clause_cut_off_mid_sentence_is_not_a_headline(line: str) -> None:
    assert not headlines.looks_like_headline(line)


def test_a_headline_with_a_comma_can_still_be_one() -> None:
    assert headlines.looks_like_headline("有温度有热度，宝安给人“稳稳的幸福”")


@pytest.mark.parametrize("line", ["金大海强调", "胡某某指出——"])
def test_a_speaker_introducing_a_speech_is_not_a_headline(line: str) -> None:
    assert not headlines.looks_like_headline(line)


def test_title_and_subtitles_on_one_line_set_apart_by_spaces_are_a_headline() -> None:
    line = "某某省某某市第二次重大项目集中开工某某县分会场活动举行 四个项目集中开工 总投资七点八五亿元"
    assert headlines.looks_like_headline(line)
    # as long, but one run of words with a comma: a sentence that lost its full stop
    assert not headlines.looks_like_headline("某某省某某市第二次重大项目集中开工某某县分会场活动举行，四个项目集中开工总投资七点八五亿元")
    # as long, no spaces: too long for one headline
    assert not headlines.looks_like_headline("某某省某某市第二次重大项目集中开工某某县分会场活动举行四个项目集中开工总投资七点八五亿元")


@pytest.mark.parametrize("line", ["会议还听取了某某县当前及下阶段", "会上，与会人员交流发言", "会上传达学习了某某精神", "本次会议听取了某某汇报", "随后一行人来到某某村", "会议强调要抓好落实",
                                  "10月16日,市委副书记、市长王", "5月6日上午，县长刘涛主持"])
def test_a_line_opening_as_only_a_report_does_is_no_headline(line: str) -> None:
    assert not looks_like_headline(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("某某县十届人大二次会议举行第二次全体会议，表决通过县人民政府工作报告等六项决议", True),
        ("某某县召开冬修水利现场会", True),
        ("会议指出，要提高政治站位，压实防汛责任", False),  # two commas: a sentence
        ("张三主持召开会议，研究部署下阶段的", False),  # cut off on a word a sentence runs on from
        ("会议听取了工作汇报。会议强调抓落实", False),
    ],
)
def test_a_head_over_its_lead_may_run_long_with_one_clause_break(line: str, expected: bool) -> None:
    assert looks_like_head_over_lead(line) is expected


@pytest.mark.parametrize(("line", "cleaned"), [
    ("# 某某县召开会议", "某某县召开会议"),  # markdown left by extraction
    ("■ 某某县召开会议", "某某县召开会议"),
    ("#滚动#某某区政协会议今日开幕", "#滚动#某某区政协会议今日开幕"),  # a web topic tag is the head's own
])
def test_clean_headline_strips_markup_but_keeps_a_topic_tag(line: str, cleaned: str) -> None:
    assert clean_headline(line) == cleaned


def test_a_weather_office_s_message_opens_a_report() -> None:
    from articles.text.headlines import starts_outlet_lead

    assert starts_outlet_lead("某某气象台消息，29日夜间至30日，某某市仍有较强降雨。")
    assert not starts_outlet_lead("据气象台消息，近期将有降雨。")
