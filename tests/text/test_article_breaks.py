"""article_breaks: page-level facts and conventions of the article-break decision (invented text)."""
from __future__ import annotations

import pytest

from articles.text.article_breaks import is_day_record
from articles.text.page_lines import split_lines
from articles.text.segment import segment_page

RECORD = """某某区大事记

1月1日，区委书记张三到某某开发区检查安全生产工作。区领导李四参加。

1月2日，区委书记张三到某某镇检查疫情防控工作。

同日晚，区委书记张三主持召开专题会议，研究部署春节期间各项工作。

1月3日，区长王五到某某街道走访慰问困难群众。

同日，区人大常委会主任赵六赴某某街道检查指导工作。

5 日，区委召开常委会议，传达学习上级会议精神。
"""

REPORT = """某某区召开安全生产工作会议

1月2日上午，某某区召开安全生产工作会议，区长王五出席并讲话。

王五强调，要压实各方责任，抓好节日期间安全生产。

同日下午，王五到某某企业检查安全生产工作。
"""


def _lines(text: str):  # noqa: ANN202
    from articles.text.line_roles import classify

    lines = split_lines(text)
    classify(lines, hard_wrapped=False, width=40.0)
    return lines


def test_a_page_of_dated_entries_is_a_record() -> None:
    assert is_day_record(_lines(RECORD))
    assert not is_day_record(_lines(REPORT))


def test_same_day_entries_of_a_record_are_entries_of_their_own() -> None:
    bodies = [a.body for a in segment_page(RECORD).articles]
    assert len(bodies) == 6
    assert bodies[2].startswith("同日晚")
    assert bodies[5].startswith("5日")  # the body text drops spurious spaces


MARKED_RECORD = """2020年10月大事记（续）

14日  区委书记张三到某某镇、某某园区检查调研。
※    由区委、区政府主办的文艺演出活动在某某广场举行。
15日  区长李四主持召开区政府常务会议。
※    区长李四到某某街道调研。
※    某某区举行公益捐赠活动。
16日  区委召开常委会议。
"""


def test_marked_entries_of_a_record_are_entries_of_their_own() -> None:
    bodies = [a.body for a in segment_page(MARKED_RECORD).articles]
    assert len(bodies) == 6
    assert "文艺演出" in bodies[1] and "15日" not in bodies[1]
    assert "公益捐赠" in bodies[4] and "街道调研" not in bodies[4]


def test_same_day_paragraph_of_a_report_goes_on_with_it() -> None:
    assert len(segment_page(REPORT).articles) == 1


def _wrap(text: str, width: int = 14) -> str:
    return "\n".join(text[k:k + width] for k in range(0, len(text), width))


@pytest.mark.parametrize("opening", [
    "会议强调，各级各部门要认真学习贯彻会议精神，扎实推动各项工作。",  # refers back
    "讨论中，委员们围绕工作报告建言献策，谈突破、话发展。",  # refers back
    "在分组讨论会场，张三向委员们致以问候，感谢大家的辛勤付出。",  # the official, bare
])
def test_on_a_tight_page_a_paragraph_referring_back_survives_a_blank_line(opening: str) -> None:
    paragraphs = [
        ["2月19日，某某区委常委会召开会议，传达学习上级会议精神。", "区委书记张三主持会议并讲话，要求抓好落实。",
         "会议听取了有关工作汇报。"],
        [opening, "会议要求，要迅速收心进入工作状态。",
         "会议还研究了其他事项。"],
        ["2月20日，某某区召开安全生产工作会议，部署节后复工复产安全工作。", "区长李四出席会议并讲话，要求压实责任。",
         "各镇街负责人参加会议。"],
    ]
    page = "\n\n".join("\n".join(_wrap(p) for p in block) for block in paragraphs) + "\n"
    bodies = [a.body for a in segment_page(page).articles]
    assert len(bodies) == 2
    assert opening[:4] in bodies[0]


DAY_LINE_RECORD = """大事记

2007年1~12月

1月5日
△某某省领导小组到某某区检查验收。

1月15~18日
△中国共产党某某区第六次代表大会召开。

1月20~22日
△某某区第十一届人民代表大会第五次会议召开。

1月28日
△某某省副省长张三到某某区走访慰问困难企业职工。
△某某区成功实施一次人工增雨作业。
"""


def test_a_record_printed_day_line_first_has_one_article_per_entry() -> None:
    bodies = [a.body for a in segment_page(DAY_LINE_RECORD).articles]
    assert len(bodies) == 5
    assert bodies[1].startswith("1月15~18日") and bodies[2].startswith("1月20~22日")
    assert bodies[4].startswith("△某某区成功实施")


def test_a_report_closing_with_its_editor_credits_is_finished() -> None:
    page = ("9月30日上午，县教育局党组书记张三带队到某某学校调研安全工作。副局长李四陪同。\n\n"
            "编辑:吴九(实习) 郑十\n\n"
            "初稿:王五\n\n修改:赵六\n\n审核:孙七\n\n"
            "2022年11月8日是第23个中国记者节。上午，县委书记周八到县融媒体中心看望慰问新闻工作者。\n")
    bodies = [a.body for a in segment_page(page).articles]
    assert len(bodies) == 2 and bodies[1].startswith("2022年11月8日")


def test_a_speech_paragraph_after_a_blank_line_stays_in_its_report_on_a_tight_page() -> None:
    first = ("4月7日，某某县党政考察团在某某县考察交流。考察团先后来到某某园区、某某基地。\n"
             "某某基地总投资5.6亿元，规划占地652亩，现养殖基础母羊1万只。\n"
             "考察团认为某某县的新思路、好经验值得学习借鉴。\n"
             "王五对考察团的到来表示热烈欢迎，希望两县进一步加强交流。\n\n"
             "县委副书记张三介绍了我县产业培育情况；副县长李四介绍了基地建设运营情况。\n\n")
    second = ("4月9日，某某县召开春耕生产推进会。县长赵六出席会议并讲话。\n"
              "会议要求，各乡镇要抓住农时，全力以赴抓好春耕生产。\n各乡镇负责人参加会议。\n")
    bodies = [a.body for a in segment_page(first + second).articles]
    assert len(bodies) == 2
    assert "县委副书记张三介绍了" in bodies[0] and bodies[1].startswith("4月9日")


def test_a_dateline_after_a_scene_opening_that_had_its_day_starts_the_next_report() -> None:
    page = ("某某县第十九届人民代表大会第五次会议开幕\n\n"
            "在全县上下奋力推进高质量发展的关键时期，1月30日上午，某某县第十九届人民代表大会"
            "第五次会议在县会议中心开幕。\n会议应到代表208名，实到186名，符合法定人数。\n\n"
            "县长王五代表县人民政府向大会作政府工作报告。\n\n"
            "4月24日，某某县政协副主席赵六一行22人来我县考察古城遗址保护情况。县政协主席孙七陪同考察。\n")
    bodies = [a.body for a in segment_page(page).articles]
    assert len(bodies) == 2 and bodies[1].startswith("4月24日")


def test_a_pulled_quote_over_its_report_is_part_of_it() -> None:
    page = ("张三指出：近三年来，某某无论是工业发展，还是城市建设，都取得令人瞩目的好成绩。\n\n"
            "（记者 李四） 5月29日，某某市委书记张三率该市党政代表团到我县考察。县委书记王五陪同。\n\n"
            "2月28日，县长赵六主持召开县政府第59次常务会。会议传达有关精神。\n"
            "孙七、周八等领导应邀列席。\n\n赵六指出，做好今年的工作，干劲要鼓足。\n")
    bodies = [a.body for a in segment_page(page).articles]
    assert len(bodies) == 2
    assert bodies[0].startswith("张三指出") and "5月29日" in bodies[0]


def test_a_posting_date_under_a_finished_report_heads_the_next_one() -> None:
    page = ("7月24日，某某县文联主办的采风活动正式举行。作家代表走进某某开发区。\n"
            "当天，采风队伍先后走访了多家企业，现场交流互动热烈。\n"
            "▲图为采风现场\n\n2024-04-08\n"
            "4月7日，某某县政协召开议政大会。县长张三出席会议并讲话。\n")
    bodies = [a.body for a in segment_page(page).articles]
    assert len(bodies) == 2 and bodies[1].startswith("4月7日")


def test_a_digest_label_under_a_finished_report_opens_the_items_below_it() -> None:
    page = ("本报讯（记者 王建福）7月27日，某某旗旗长刘涛来到代表团驻地看望党代表。\n"
            "刘涛表示，希望各位代表认真履职，圆满完成大会各项任务。\n"
            "简讯\n"
            "■本报12月25日讯 （记者 周平）今年以来，某某市交警大队精准识别帮扶对象。\n"
            "■自今年雨季以来，某某区农林局积极推进农村基础设施建设。\n")
    bodies = [a.body for a in segment_page(page).articles]
    assert bodies[0].endswith("圆满完成大会各项任务。") and bodies[1].startswith("■本报12月25日讯")


def _wrapped_page(head: str, paragraphs: list[str], width: int = 14) -> str:
    """A page hard-wrapped at ``width`` characters, a blank line between paragraphs."""
    return head + "\n\n" + "\n\n".join(
        "\n".join(p[k:k + width] for k in range(0, len(p), width)) for p in paragraphs) + "\n"


def test_a_dated_report_named_by_the_head_over_the_report_above_is_its_own() -> None:
    page = _wrapped_page("某某区委书记出席“桥头夜话”\n成果转化推进会", [
        "本报讯（张三 李四） 12月19日，区人大代表、区政协委员们围绕产业发展、民生保障等主题，集中视察政府工作。"
        "大家一路看、一路议，见证民生改善成果。",
        "在新建人才社区，视察组对社区提供的服务表示肯定，希望区里从青年人才实际需求出发，提升社区品质。",
        "视察组还来到老旧小区改造现场视察。代表、委员们纷纷表示，今后会进一步发挥好职能作用，"
        "围绕区委、区政府中心工作积极建言献策。",
        "近日，区政协召开“桥头夜话”协商议事成果转化专题推进会，着力推进委员协商议事成果转化落实。"
        "区委书记王五出席会议并讲话。",
    ])
    articles = segment_page(page).articles
    assert [a.body[:2] for a in articles] == ["本报", "近日"]


def test_a_story_carried_over_from_another_page_has_no_lead_still_to_come() -> None:
    page = ("某某党政代表团到某某县考察学习\n\n（上接第一版）张三、李四表示，两县比邻而居、水路相通，"
            "两县往来频繁、合办茶会。\n\n王五、赵六认为，某某县把茶园和古村连在一起，办出了新的样子。\n\n"
            "11月14日，省委巡回指导组组长孙七带队调研我县在建项目情况，察看工程进度和质量。\n")
    articles = segment_page(page).articles
    assert [a.body[:2] for a in articles] == ["张三", "11"]


def test_a_relative_dateline_on_new_matters_under_a_dated_report_opens_the_next_report() -> None:
    page = _wrapped_page("某某县召开党政联席会议", [
        "本报讯（记者 张三） 5月24日，县委书记李四主持召开党政联席会议，听取全县重点项目推进情况汇报，"
        "研究部署下一阶段工作。会议强调，要压实责任，确保各项目按时完工；要盯紧资金、用地、用工等"
        "关键环节，逐项销号；要把群众反映的问题列入清单，限期办结。会议还研究了其他事项。",
        "日前，县河务局对当前防汛工作进行再部署，组织人员对沿河堤防、涵闸逐段排查，储备编织袋两万条、"
        "砂石料三千方，确保汛期安全。",
    ], width=15)
    articles = segment_page(page).articles
    assert [a.body[:2] for a in articles] == ["本报", "日前"]


def test_two_blank_lines_stand_out_only_where_one_sets_paragraphs_apart() -> None:
    from articles.text.article_breaks import wide_gaps_stand_out

    paragraphs = "\n\n".join(f"某某镇第{n}项工作顺利推进。" for n in range(6))
    assert wide_gaps_stand_out(split_lines(paragraphs + "\n\n\n5月6日，某某县召开会议。"))
    assert not wide_gaps_stand_out(split_lines(paragraphs.replace("\n\n", "\n\n\n")))


def test_a_report_after_a_wider_gap_than_the_page_s_paragraphs_is_a_new_article() -> None:
    report = "\n\n".join(["某某县召开安全生产工作会议。", "会议强调，要压实责任，抓好落实。", "县长刘涛出席会议并讲话。",
                          "会议要求，各乡镇要排查隐患。", "会议还研究了其他事项。"])
    page = report + "\n\n\n金秋十月，某某镇处处是丰收景象。\n\n今年全镇粮食喜获丰收。"
    assert len(segment_page(page).articles) == 2


def test_a_column_s_bullet_sub_head_after_a_wider_gap_stays_in_its_column() -> None:
    report = "\n\n".join(["某某县召开安全生产工作会议。", "会议强调，要压实责任，抓好落实。", "县长刘涛出席会议并讲话。",
                          "会议要求，各乡镇要排查隐患。", "会议还研究了其他事项。"])
    page = report + "\n\n\n■ 注重示范引领，某某镇把示范点建设作为重点。\n\n今年全镇粮食喜获丰收。"
    assert len(segment_page(page).articles) == 1
