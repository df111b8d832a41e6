"""line_roles: roles that depend on a line's neighbours (invented pages, no real text)."""
from __future__ import annotations

from articles.text.line_roles import classify
from articles.text.page_lines import BODY, BYLINE, HEADLINE, NOISE, split_lines
from articles.text.segment import segment_page


def _kinds(text: str) -> dict[str, str]:
    lines = split_lines(text)
    classify(lines, hard_wrapped=False, width=40.0)
    return {line.text: line.kind for line in lines}


def test_a_short_line_stopping_on_a_comma_above_a_headline_is_the_head_s_first_line() -> None:
    page = (
        "5月3日，某某县召开春耕生产推进会，部署当前农业生产工作。\n\n"
        "县长赵立新来到某某镇，调研春耕生产，\n\n要求压实责任抓好春播\n"
    )
    kinds = _kinds(page)
    assert kinds["县长赵立新来到某某镇，调研春耕生产，"] == HEADLINE


def test_a_paragraph_stopping_on_a_comma_inside_a_report_stays_body() -> None:
    page = "5月3日，某某县召开春耕生产推进会，\n部署当前农业生产工作，\n\n要求压实责任抓好春播\n"
    assert _kinds(page)["部署当前农业生产工作，"] == BODY


def test_a_section_name_over_the_first_items_headline_is_the_only_furniture() -> None:
    page = "区县动态\n\n区政府常务会议召开\n4月14日，区长张三主持召开区政府常务会议，研究有关事项。\n"
    kinds = _kinds(page)
    assert kinds["区县动态"] == NOISE
    assert kinds["区政府常务会议召开"] == HEADLINE


def test_a_box_of_starred_teasers_is_furniture() -> None:
    page = ("某某要闻 第2版\n【导读】\n★张三主持召开区委常委会\n会议\n★持续到年底！某某发放消费券\n\n"
            "张三主持召开区委常委会会议\n25日下午，区委书记张三主持召开区委常委会会议。\n")
    kinds = _kinds(page)
    assert [kinds[t] for t in ("【导读】", "★张三主持召开区委常委会", "会议", "★持续到年底！某某发放消费券")] == [NOISE] * 4
    assert kinds["25日下午，区委书记张三主持召开区委常委会会议。"] == BODY


def test_one_name_alone_under_a_headline_is_its_writer() -> None:
    page = "锚定目标 阔步前行\n朱迪\n\n75年日月轮换，75年沧海桑田。回首来路，某某区干部群众砥砺前行。\n"
    kinds = _kinds(page)
    assert kinds["朱迪"] == BYLINE and kinds["锚定目标 阔步前行"] == HEADLINE


def test_the_wrapped_rest_of_a_head_above_a_qr_line_stays_with_the_head() -> None:
    page = ("某某区召开会议。\n\n4月21日，某某区人民政府党组理论学习中心组举行集中学习。\n\n"
            "某某区人民政府党组理论学习中心\n组举行2022年第三次集中学习\n扫一扫在手机打开当前页\n")
    kinds = _kinds(page)
    assert kinds["组举行2022年第三次集中学习"] != NOISE


def test_a_label_printed_vertically_is_furniture() -> None:
    page = "某某县召开会议，部署全年工作。\n\n往\n\n期\n\n推\n\n荐\n\n5月18日，副县长张三来到某某镇察看校园安全。\n"
    kinds = _kinds(page)
    assert [kinds[c] for c in "往期推荐"] == [NOISE] * 4


def test_the_doubled_last_character_of_a_headline_printed_twice_ends_the_echo() -> None:
    page = ("某某县召开春耕生产推进会某某县召开春耕生产推进会\n"
            "部署当前农业生产工部署当前农业生产工\n作作\n\n"
            "5月3日，某某县召开春耕生产推进会。\n")
    [article] = segment_page(page).articles
    assert "部署当前农业生产工作" in (article.title or "") + (article.subtitle or "")
    assert article.body.startswith("5月3日")


def test_a_bracketed_source_right_under_the_last_sentence_is_a_credit() -> None:
    page = ("某某督导组督导某某市整治工作\n\n10月10日，某某督导组到某某市督导整治工作。\n"
            "督导组要求，要做到家喻户晓。\n（某某市零距离）\n\n"
            "某某电视新闻讯（通讯员 王五报道）1月25日，某某镇各村党员干部向群众发放新年挂历。\n")
    articles = segment_page(page).articles
    assert len(articles) == 2
    assert articles[0].byline == "某某市零距离" or "零距离" in (articles[0].byline or "")
    assert articles[1].title is None


def test_two_names_set_apart_over_the_next_report_are_its_writers() -> None:
    page = ("某某县生产总值年均增长12.9%，为发展提供了条件。\n\n赵六 孙七\n"
            "近日，某某区委书记张三深入一线调研督导重点项目建设。\n\n某某区委书记张三调研重点项目\n")
    kinds = _kinds(page)
    assert kinds["赵六 孙七"] == BYLINE


def test_a_head_set_apart_below_a_qr_caption_is_no_part_of_the_box() -> None:
    page = ("某某县委书记张三到某某镇调研。\n\n扫码关注“某某发布”\n\n推动某某地区统筹发展党政\n联席会议第四次会议召开\n"
            "——张三主持并讲话\n\n某某区党政代表团赴某某市考察学习\n\n10月28日，推动某某地区统筹发展党政联席会议召开。\n")
    kinds = _kinds(page)
    assert kinds["推动某某地区统筹发展党政"] != NOISE


def test_a_head_printed_again_inside_its_report_is_an_echo() -> None:
    page = ("某某市政协主席张三调研某某高新区\n\n3月17日，某某市政协主席张三一行来到某某公司调研。\n\n"
            "某某市政协主席张三调研某某高新区\n\n某某市委书记李四等陪同调研。\n")
    lines = split_lines(page)
    classify(lines, hard_wrapped=False, width=40.0)
    assert [line.kind for line in lines if line.text.startswith("某某市政协主席张三调研")] == [HEADLINE, NOISE]
    assert len(segment_page(page).articles) == 1


def test_a_head_printed_again_past_only_a_box_heads_the_report_below() -> None:
    page = ("区领导李四参加调研。\n\n某某区工作推进会召开\n\n详情请\n扫描二维码\n\n某某区工作推进会召开\n\n"
            "10月8日上午，全区工作推进会召开，区委书记张三主持会议并讲话。\n")
    articles = segment_page(page).articles
    assert articles[-1].title == "某某区工作推进会召开" and articles[-1].body.startswith("10月8日")


def test_a_head_printed_after_its_report_over_a_qr_box_stays_the_report_s_head() -> None:
    page = ("9月6日，某某省政协组织的老区振兴发展采访团走进某某县，开展采访、调研活动。采访团先后到某某乡调研。"
            "（张三、李四）\n某某省政协老区振兴发展采访团走进某某县\n\n扫一扫 在手机打开当前页\n[二维码]\n")
    [article] = segment_page(page).articles
    assert article.title == "某某省政协老区振兴发展采访团走进某某县"


def test_a_credit_run_on_inside_a_lead_s_open_bracket_is_the_lead_s_text() -> None:
    page = ("某某新闻联播4月18日某某电（记者\n 王小明 通讯员 刘佳 刘\n弈含）为深入贯彻落实某某市委经济工作会议精神，"
            "某某县举行重点项目集中开工仪式。\n")
    [article] = segment_page(page).articles
    assert article.body.startswith("某某新闻联播") and "为深入贯彻落实" in article.body


def test_names_run_on_from_a_credit_are_the_rest_of_it() -> None:
    page = ("某某镇新型城镇化建设进展顺利\n\n□本报记者王建福通讯员刘涛\n周平 陈明 赵丽 孙伟\n"
            "4月13日，某某市督查组到某某镇督查新型城镇化建设，察看了三个在建项目。\n")
    [article] = segment_page(page).articles
    assert article.title == "某某镇新型城镇化建设进展顺利" and article.body.startswith("4月13日")


def test_a_teaser_printed_with_its_page_pointer_heads_nothing_here() -> None:
    page = ("某某县召开冬修水利现场会 刊4版►\n\n区长刘涛深入企业调研\n"
            "5月3日，区长刘涛深入某某公司调研，了解企业生产经营情况。\n")
    kinds = _kinds(page)
    assert kinds["某某县召开冬修水利现场会 刊4版►"] == NOISE
    assert kinds["区长刘涛深入企业调研"] == HEADLINE


def test_a_wrapped_head_printed_again_whole_after_its_report_is_noise() -> None:
    page = ("某某县召开安全生产\n工作推进会议\n\n5月6日，县长刘涛主持召开全县安全\n生产工作推进会议。\n\n"
            "某某县召开安全生产工作推进会议\n\n■ 5月8日，县委书记王建福到某某镇督导。\n")
    kinds = _kinds(page)
    assert kinds["某某县召开安全生产工作推进会议"] == NOISE
    assert kinds["某某县召开安全生产"] == HEADLINE


def test_the_unstarred_heads_of_a_guide_box_are_furniture() -> None:
    page = ("导读\n某某县召开安全生产工作会议\n某某镇开展春节走访慰问活动\n\n"
            "某某县人民广场落成\n本报讯 1月26日上午，某某县举行人民广场落成仪式。\n")
    kinds = _kinds(page)
    assert kinds["某某县召开安全生产工作会议"] == NOISE
    assert kinds["某某镇开展春节走访慰问活动"] == NOISE
    assert kinds["某某县人民广场落成"] == HEADLINE


def test_a_guide_box_closes_on_its_page_pointer_on_a_page_without_blank_lines() -> None:
    page = "导读\n某某景区推出春季线路\n详见第2版\n某某县召开常务会议\n记者 周平\n4月2日，县长刘涛主持召开县政府常务会议。\n"
    kinds = _kinds(page)
    assert kinds["某某景区推出春季线路"] == NOISE
    assert kinds["某某县召开常务会议"] == HEADLINE
    assert kinds["记者 周平"] == BYLINE
