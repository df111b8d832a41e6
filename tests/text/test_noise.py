"""Noise helpers and page furniture on invented lines and pages."""
from __future__ import annotations

import pytest

from articles.text import noise
from articles.text.segment import segment_page


@pytest.mark.parametrize("line, expected", [
    ("某某日报 A02 某某新闻 2024年5月9日", True),
    ("某某报 B3 综合 2023年11月2日", True),
    ("2024年5月9日，某某区召开A2级会议。", False),
    ("某某区举办2024年培训班", False),
])
def test_page_header_with_page_code(line: str, expected: bool) -> None:
    assert noise.is_page_furniture(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("【某某短评】", True),
    ("【记者观察】", True),
    ("【某某区】召开会议，部署工作。", False),
])
def test_column_flag(line: str, expected: bool) -> None:
    assert noise.is_column_flag(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("■ 今日导读", True),
    ("■今日导读", True),
    ("导读", True),
    ("【导读】", True),
    ("本期提要", True),
    ("■ 今日导读新闻很多", False),
])
def test_digest_heading_with_box_mark(line: str, expected: bool) -> None:
    assert noise.is_digest_heading(line) is expected


def test_section_label_above_new_items_is_noise() -> None:
    page = segment_page(
        "某某区召开会议\n\n本报讯 日前，某某区召开会议，部署工作。\n\n"
        "■ 要闻速递\n\n本报讯 昨天，某某镇举办活动，吸引群众参加。\n"
    )
    assert "■ 要闻速递" in page.noise
    assert all("要闻速递" not in a.body for a in page.articles)


def test_section_head_inside_article_stays_body() -> None:
    page = segment_page(
        "某某区召开会议\n\n本报讯 日前，某某区召开会议，部署工作。\n\n"
        "■ 各方共同见证\n\n会上，与会人员交流了经验。\n"
    )
    assert len(page.articles) == 1
    assert "■ 各方共同见证" in page.articles[0].body.replace("■各方", "■ 各方")


def test_column_flag_is_not_the_title() -> None:
    page = segment_page(
        "【某某短评】\n\n让服务更加贴心\n\n□ 张三\n\n服务是发展的基础。只有人人参与，才能做好。\n"
    )
    assert page.articles[0].title == "让服务更加贴心"
    assert page.articles[0].byline == "□ 张三"
    assert "【某某短评】" in page.noise


@pytest.mark.parametrize("kicker", ["聚力某某建设：", "某某区——"])
def test_kicker_line_heads_the_next_headline(kicker: str) -> None:
    page = segment_page(
        f"{kicker}\n\n某某区十个项目集中签约\n\n本报讯 昨天，某某区举行项目签约活动，十个项目现场签约。\n"
    )
    assert len(page.articles) == 1
    art = page.articles[0]
    if kicker.endswith("——"):  # the dash ties kicker and head into one printed title
        assert (art.title, art.subtitle) == (kicker + "某某区十个项目集中签约", None)
    else:
        assert {art.title, art.subtitle} == {kicker, "某某区十个项目集中签约"}


@pytest.mark.parametrize(("labels", "expected"), [
    (["微信信访", "APP信访", "短信信访"], True),
    (["首页", "新闻", "政务", "服务", "互动"], True),
    (["区政府召开常务会议", "部署防汛工作"], False),
    (["春风行动", "暖心就业", "服务群众"], False),
    (["微信信访", "APP信访", "短信信访。"], False),
])
def test_menu_labels(labels: list[str], expected: bool) -> None:
    assert noise.is_menu(labels) is expected


def test_a_site_menu_between_two_reports_is_noise_and_breaks_them() -> None:
    page = segment_page(
        "某某区召开防汛工作会议\n\n5月6日，某某区召开防汛工作会议，部署汛期安全工作。区长李四参加。\n\n"
        "微信信访\nAPP信访\n短信信访\n\n"
        "5月9日上午，某某街道举办社区运动会，800余名居民参加拔河比赛。\n"
    )
    assert [a.title for a in page.articles] == ["某某区召开防汛工作会议", None]
    assert "微信信访" in page.noise and not any("信访" in a.body for a in page.articles)


@pytest.mark.parametrize(("line", "expected"), [
    ("A6 区县新闻", True),
    ("A2 县域·时政", True),  # a page code and a section with its sub-section
    ("要闻速递", True),
    ("2  某某新闻·综合", True),
    ("2版  要闻", True),
    ("2版·综合", True),
    ("本版图片由各地融媒体中心提供", True),
    ("文稿编辑:曹勇", True),
    ("欢迎提供新闻线索", True),
    ("县区 · 综合", True),
    ("2023年4月", True),
    ("春节·团圆之约", False),
    ("某某新闻网本网要闻", True),
    ("某某网民点赞本网要闻栏目改版", False),
    ("县区新闻", True),
    ("本版责任编辑：孙 蕾", True),
    ("审核:一审:王五;二审:赵六;三审:孙七", True),
    ("监制:张三", True),
    ("版面设计、校对:张三", True),
    ("初稿:张三", True),
    ("发布:张三", True),
    ("3 个项目集中开工", False),
    ("审核通过了区政府工作报告", False),
    ("区政府召开常务会议", False),
])
def test_page_name_and_section_labels_are_furniture(line: str, expected: bool) -> None:
    assert noise.is_page_furniture(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("舒城日报", True), ("九龙坡报", True), ("今日昌平", True), ("樊城新闻网", True), ("罗山新闻", True),
    ("区政府听取工作汇报", False), ("全区安全生产通报", False),
])
def test_masthead(line: str, expected: bool) -> None:
    assert noise.is_masthead(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("（资料图）", True), ("座谈会现场", True), ("区委书记到现场", False), ("现场办公会召开", False),
    ("会议现场。", True), ("▲走访市代表某某", True), ("▲ 调研组察看项目现场", True), ("▲调研现场。 本报记者 摄", True),
    ("新春走访慰问。资料图片", True), ("会议要求抓好落实。", False),
    ("▲5月6日，某某镇召开会议，部署工作。", False),
])
def test_short_photo_captions(line: str, expected: bool) -> None:
    assert noise.is_caption(line) is expected


def test_a_masthead_at_the_top_of_the_page_is_not_a_headline() -> None:
    page = segment_page("某某日报\n\n某某区召开防汛工作会议\n\n5月6日，某某区召开防汛工作会议，部署汛期安全工作。\n")
    assert [a.title for a in page.articles] == ["某某区召开防汛工作会议"]
    assert "某某日报" in page.noise


def test_text_resumed_after_a_continued_from_marker_is_body() -> None:
    page = segment_page("某某区召开会议\n\n（上接第1版）把推进项目建设作为\n一项重大政治任务，严格时间节点。\n")
    assert len(page.articles) == 1
    assert page.articles[0].body.startswith("把推进项目建设作为一项重大政治任务")


@pytest.mark.parametrize(("heading", "below", "expected"), [
    ("2023年12月区政府大事记", "12月5日，区长主持召开会议。", True),
    ("7月 【区政府工作大事记】2021年7-9月区政府大事记", "1日在全市防汛视频调度会议后，某某区召开会议。", True),
    ("9月 某某执政纪要2015 执政大事", "9月16日至18日，某某检查组到县检查。", True),
    ("要闻简报", "◆在国庆来临之际，某某县举办运动会。", True),
    ("要闻简报", "在国庆来临之际，某某县举办运动会。", False),
    ("县域动态", "○11月26日，某某一行到县调研。", True),
    ("区政府召开常务会议", "12月5日，区长主持召开会议。", False),
])
def test_digest_title(heading: str, below: str, expected: bool) -> None:
    assert noise.is_digest_title(heading, below) is expected


def test_a_digest_heading_is_noise_and_each_bulleted_item_is_an_article() -> None:
    page = segment_page(
        "要闻简报\n\n◆9月23日，某某县召开巩固衔接重点工作推进会。相关单位负责人参加会议。\n\n"
        "◆为严厉打击各种污染水源行为，某某县联合执法队在水库开展执法行动。\n"
    )
    assert [a.title for a in page.articles] == [None, None]
    assert "要闻简报" in page.noise


def test_a_wrapped_headline_above_a_continued_from_marker_heads_the_continued_text() -> None:
    page = segment_page(
        "某某区长调度重点\n项目建设\n\n（上接第1版）把推进项目建设作为\n一项重大政治任务，严格时间节点，\n切实完成征拆安置各项任务。\n"
    )
    assert len(page.articles) == 1
    article = page.articles[0]
    assert "项目建设" in (article.title or "") + (article.subtitle or "")
    assert article.body.startswith("把推进项目建设作为")


@pytest.mark.parametrize(("line", "expected"), [
    ("关键词:发展", True), ("■关键词：经济强区", True), ("关键词是发展", False), ("推动工作主框架落实", False),
])
def test_keyword_label(line: str, expected: bool) -> None:
    assert noise.is_keyword_label(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("■ 简讯", True), ("●要闻速递", True), ("■ 点评", False), ("■ 关键词 双拥", False),
])
def test_digest_label(line: str, expected: bool) -> None:
    assert noise.is_digest_label(line) is expected


def test_a_keyword_tag_above_a_headline_is_not_part_of_it() -> None:
    page = segment_page("关键词:发展\n\n推动工作主框架落实\n\n12月30日，某某区召开工作务虚会。\n")
    assert page.articles[0].title == "推动工作主框架落实"


@pytest.mark.parametrize(("line", "expected"), [
    ("图片", True),
    ("[图片]", True),
    ("22", True),  # the number of the photo that stood there
    ("2023年", False),
    ("图片来源于网络，请注意保存。", False),
    ("某某广告片3.jpg", True),  # the photo's file name
    ("IMG_2041.JPG", True),
    ("某某.jpg格式的照片请发送到邮箱。", False),
])
def test_photo_placeholder(line: str, expected: bool) -> None:
    assert noise.is_photo_placeholder(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("执政大事", True), ("大事记", True), ("本周大事", True), ("区委常委会研究部署大事", False), ("大事记述要点评", False),
])
def test_record_heading(line: str, expected: bool) -> None:
    assert noise.is_record_heading(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("某某年鉴 2022", True),
    ("（摘自《某某年鉴2022》）", True),
    ("某某新闻由某某县融媒体中心编发", True),
    ("本版稿件由某某县委宣传部提供", True),
    ("某某县年鉴编纂工作由县志办负责组织实施。", False),
    ("今年的年鉴2022年出版了吗", False),
])
def test_the_source_a_page_s_copy_came_from_is_furniture(line: str, expected: bool) -> None:
    assert noise.is_page_furniture(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("市委副书记张三(图右)在某某镇调研甜玉米生长情况", True),
    ("区委书记李四（左二）参观考察某某市规划建设情况", True),
    ("在某某村（左）的田间，", False),  # a clause of a paragraph, not a caption
    ("张三（右）与李四交流。", False),
])
def test_a_line_naming_who_stands_where_in_the_picture_is_a_caption(line: str, expected: bool) -> None:
    assert noise.is_caption(line) is expected


def test_a_bracketed_editor_credit_is_furniture() -> None:
    assert noise.is_page_furniture("（责任编辑：石青）")
    assert noise.is_page_furniture("(责任编辑:石青)")


def test_a_copyright_notice_is_furniture() -> None:
    assert noise.is_page_furniture("凡本网注明“来源：某某信息港”的所有作品，均为某某信息港合法拥有版权或有权使用的作品")
    assert noise.is_page_furniture("本网版权所有，未经授权禁止转载。")
    assert not noise.is_page_furniture("县版权局开展版权保护宣传活动。")


def test_an_editor_role_with_a_spurious_space_is_a_credit() -> None:
    assert noise.is_page_furniture("初 审：张某某 沈某某")
    assert noise.is_credit_block("终 审：李某某")
    assert not noise.is_page_furniture("县 长：张三主持会议")


@pytest.mark.parametrize("line", ["某某新闻 A2", "县市区", "某某日报  某某新闻"])
def test_page_names_and_section_labels_are_furniture(line: str) -> None:
    assert noise.is_page_furniture(line)


def test_a_book_cover_picture_is_captioned() -> None:
    assert noise.is_caption("《某某县乡镇简志》书影")


def test_a_scene_and_who_supplied_its_picture_is_a_caption() -> None:
    assert noise.is_caption("会议现场 作者 某某区政府 供图")
    assert noise.is_caption("开幕式现场 某某县融媒体中心 供图")
    assert not noise.is_caption("某某区召开政协会议")


@pytest.mark.parametrize(("line", "expected"), [
    ("某某县召开冬修水利现场会 刊4版►", True),
    ("某某镇举行招商推介会（详见第3版）", True),
    ("刊2版►", False),  # the pointer alone is is_teaser_marker's
    ("区长刘涛深入企业调研", False),
    ("会议强调要抓好第3版", False),
])
def test_teaser_line(line: str, expected: bool) -> None:
    assert noise.is_teaser_line(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("http://news.example.cn   2009-12-25 15:44:25", True),  # a copied page's address and time
    ("2版 综合 责任编辑：王建福 版式：刘涛", True),  # a footer naming the page's editors
    ("会议要求，责任编辑：王建福要抓好审核", False),
])
def test_address_stamps_and_editor_footers_are_furniture(line: str, expected: bool) -> None:
    assert noise.is_page_furniture(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("第162期(总第8609期)", True),  # the issue's number
    ("第162期培训班开班", False),
])
def test_the_issues_number_is_furniture(line: str, expected: bool) -> None:
    assert noise.is_page_furniture(line) is expected


@pytest.mark.parametrize("line", [
    "[ 字体:]",  # a site's text-size widget
    "某某新闻 2026-02-28 17:19:07原创",
    "09:22 作者:张三 李四",  # a posting time wrapped onto the writer's line
    "5  来源:某某在线  发布",
    "撰写时间:2024-01-05",
    "当前版: 02版",  # an e-paper's folio
    "03版:县区新闻",
    "原标题:某某县召开安全生产会议",  # the title a reposted report first ran under
    "会议时间: 10月16日",
    "某某县人民政府主办 某某县行政审批局承办",
    "某ICP备13001076号",
    "管理维护:(028)84922299 技术支持:(028)85455369 网站标识码:5101210012",
])
def test_a_meeting_record_s_labels_and_a_site_s_footer_are_furniture(line: str) -> None:
    from articles.text.noise import is_page_furniture

    assert is_page_furniture(line)


@pytest.mark.parametrize(("line", "expected"), [
    ("图片默认标题_fororder_某某出席会议并讲话1", True),  # a site's default photo title
    ("王建福在某某村调研养殖场建设(周平摄)", True),  # a one-line caption and its photographer
    ("某某县召开安全生产会议", False),
    ("资金来源:财政拨款", False),
])
def test_photo_titles_and_bracket_credited_captions(line: str, expected: bool) -> None:
    from articles.text.noise import is_caption, is_page_furniture

    assert is_caption(line) is expected
    assert not is_page_furniture(line)
