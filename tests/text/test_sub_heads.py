"""sub_heads: headlines and tags that stay inside the article above (invented pages, no real text)."""
from __future__ import annotations

from articles.text.line_roles import classify
from articles.text.page_lines import BODY, HEADLINE, NOISE, split_lines
from articles.text.segment import segment_page

COLUMN = """桃源一周热点回顾

桃源日报评论员 周明

■ 关键词 春耕

全县春耕生产全面铺开

5月3日，桃源县召开春耕生产推进会，部署当前农业生产工作，要求各乡镇压实责任。

■ 点评

春耕不等人，各项惠农政策要落到田间地头。

■ 关键词 文旅

清溪古镇迎来旅游旺季

5月4日，清溪古镇接待游客三万余人次，旅游收入同比增长两成。
"""


def _kinds(text: str) -> dict[str, str]:
    lines = split_lines(text)
    classify(lines, hard_wrapped=False, width=40.0)
    return {line.text: line.kind for line in lines}


def test_tag_and_sub_headline_inside_a_bylined_column_are_its_section() -> None:
    kinds = _kinds(COLUMN)
    assert kinds["清溪古镇迎来旅游旺季"] == BODY
    assert kinds["■ 关键词 文旅"] == BODY


def test_first_section_head_under_the_byline_belongs_to_the_head_block() -> None:
    kinds = _kinds(COLUMN)
    assert kinds["全县春耕生产全面铺开"] == NOISE
    assert segment_page(COLUMN).articles[0].title == "桃源一周热点回顾"


def test_bylined_column_with_sections_is_one_article() -> None:
    articles = segment_page(COLUMN).articles
    assert len(articles) == 1
    assert articles[0].body.startswith("5月3日")
    assert articles[0].body.rstrip().endswith("同比增长两成。")


def test_sub_headline_with_its_own_byline_opens_a_new_article() -> None:
    page = COLUMN.replace("清溪古镇迎来旅游旺季\n", "清溪古镇迎来旅游旺季\n\n记者 孙晓\n")
    assert _kinds(page)["清溪古镇迎来旅游旺季"] == HEADLINE
    assert len(segment_page(page).articles) == 2


def test_digest_label_heads_separate_items() -> None:
    page = COLUMN.replace("■ 关键词 文旅", "■ 简讯")
    assert _kinds(page)["清溪古镇迎来旅游旺季"] == HEADLINE


def test_column_without_a_byline_is_not_joined() -> None:
    page = COLUMN.replace("桃源日报评论员 周明\n\n", "")
    assert _kinds(page)["清溪古镇迎来旅游旺季"] == HEADLINE


def test_headlines_inside_one_story_are_its_sub_headlines() -> None:
    page = (
        "5月3日，县委副书记、县长赵立新到某某镇调研春耕生产。\n\n"
        "在田间地头察看春播\n\n赵立新一早来到某某村，察看春播进度。\n\n"
        "某某镇召开防汛会议\n\n5月4日，某某镇召开防汛工作会议。\n"
    )
    kinds = _kinds(page)
    assert kinds["在田间地头察看春播"] == BODY
    assert kinds["某某镇召开防汛会议"] == HEADLINE
    assert len(segment_page(page).articles) == 2


def test_headlines_over_a_paragraph_that_refers_back_are_sub_headlines_even_past_a_caption() -> None:
    page = (
        "1月16日上午，某某区召开工作会议。区委书记张三作报告，区长李四作部署。\n\n"
        "▲ 会议现场\n\n张三作报告\n\n李四作部署\n\n会议充分肯定了过去一年的工作，部署了今年的重点任务。\n"
    )
    kinds = _kinds(page)
    assert kinds["张三作报告"] == BODY
    assert len(segment_page(page).articles) == 1


FEATURE = """“数”说某县：
“奋进生”2023年交出高质量发展成绩单
□ 王五
2023年，某县坚持以新发展理念为引领，全县预计地区生产总值增长6.8%，焉支大地处处涌动着蓬勃发展的浪潮。
强力攻坚 项目建设跑出“加速度”
隆冬的某县，暖如“初春”，生机盎然。当下，热火朝天的建设图景跃然眼前。
"""


def test_a_tight_head_inside_a_bylined_feature_over_a_scene_is_a_sub_headline() -> None:
    assert _kinds(FEATURE)["强力攻坚 项目建设跑出“加速度”"] == BODY
    assert len(segment_page(FEATURE).articles) == 1


def test_a_head_inside_a_bylined_feature_over_a_dateline_opens_a_report() -> None:
    page = FEATURE.replace("隆冬的某县，暖如“初春”，", "12月5日，某县举行重大项目集中开工仪式，")
    assert _kinds(page)["强力攻坚 项目建设跑出“加速度”"] == HEADLINE


def test_a_head_set_apart_after_a_bylined_feature_opens_the_next_article() -> None:
    page = FEATURE.replace("\n强力攻坚", "\n\n\n强力攻坚")
    assert len(segment_page(page).articles) == 2


def test_a_two_line_sub_head_at_the_features_paragraph_spacing_stays_inside_it() -> None:
    page = ("某某区：围绕三次产业发展稳工业抓项目保民生\n\n张三 李四\n\n"
            "某某日报8月27日讯 某某区始终坚持稳中求进工作总基调，经济社会发展稳中有进。\n\n"
            "打好阻击战\n\n疫情防控成效显著\n\n全区成立疫情防控领导小组，全面加强对防控工作的领导。\n")
    assert len(segment_page(page).articles) == 1


def test_a_marked_writer_under_a_features_head_makes_it_a_bylined_feature() -> None:
    page = ("满程风雨满程歌\n\n——某某县2021年经济社会发展回眸\n\n■ 王五\n\n"
            "时间，是开拓者前行的刻度，是奋斗者筑梦的见证。\n\n"
            "成绩与荣光，印刻下闪光的奋斗足迹——\n\n主要指标稳中向好。实现地区生产总值208亿元。\n")
    [article] = segment_page(page).articles
    assert "王五" in (article.byline or "")


_INTERVIEW = ("让群众生活有盼头\n——访党代表、某某镇党委书记张三\n李四\n\n"
              "这个时节，站在二桥远眺，只见某某镇的新貌尽收眼底。\n\n"
              "“某某镇的变化非常明显，今年新开工项目12个。”张三说。\n\n")


def test_a_head_under_a_column_flag_opens_the_next_piece() -> None:
    page = _INTERVIEW + "【一把手访谈】\n守牢北大门 打好翻身仗\n\n“某某镇是某某的北大门，我们将关卡前移。”\n"
    articles = segment_page(page).articles
    assert len(articles) == 2 and articles[1].title == "守牢北大门 打好翻身仗"


def test_a_head_with_an_interview_deck_opens_the_next_piece() -> None:
    page = _INTERVIEW + "守牢北大门 打好翻身仗\n——访某某镇党委书记王五\n\n“某某镇是某某的北大门，我们将关卡前移。”\n"
    assert len(segment_page(page).articles) == 2


def test_a_head_under_a_report_with_only_a_photo_credit_opens_the_next_report() -> None:
    page = ("某某市代表委员共商发展大计\n马某某/图\n\n政协某某市第十二届第五次会议开幕。\n\n"
            "某某市委书记张三出席会议并讲话。\n\n某某县现特显优谋发展\n\n"
            "据数据显示，某某县生产总值由3.5亿元增加到9亿元。\n")
    articles = segment_page(page).articles
    assert len(articles) == 2 and articles[1].title == "某某县现特显优谋发展"


PLACE_FEATURE = ("守住青山 办好茶事 建设美丽桃源\n\n"
                 "近日，桃源县委书记张三到茶园、茶厂和茶市走了一圈，他说，桃源的茶要走出山门，"
                 "先得把茶园管好、把茶厂办好、把茶市搞活。说起桃源的茶，张三掰着手指算了三笔账，"
                 "一笔是茶农的收入账，一笔是茶厂的订单账，一笔是茶市的客流账。他表示，桃源将把"
                 "三笔账算细算实，让种茶的人挣到钱。会上，与会人员就茶园管护、茶厂技改和茶市招商"
                 "逐一作了发言。张三要求，各乡镇要盯住茶季抓进度，确保春茶采得下、卖得出、卖得好。"
                 "他还叮嘱随行的县直部门负责人，要把茶农反映的问题记下来、带回去、办明白。\n\n"
                 "{head}\n\n清晨，桃源县东坡茶园里已是一片忙碌：采茶工背着竹篓穿行在茶垄间。\n")


def test_a_slogan_head_over_a_scene_in_the_story_s_own_place_is_a_sub_headline() -> None:
    assert len(segment_page(PLACE_FEATURE.format(head="茶叶兴县强根基")).articles) == 1


def test_a_head_saying_who_did_what_over_a_scene_opens_its_own_article() -> None:
    assert len(segment_page(PLACE_FEATURE.format(head="桃源县召开茶叶产业推进会")).articles) == 2
