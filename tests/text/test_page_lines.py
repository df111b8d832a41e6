"""page_lines: the printed lines and their layout (invented text)."""
from __future__ import annotations

from articles.text.page_lines import ends_finished, split_lines
from articles.text.segment import segment_page


def test_a_bullet_printed_alone_opens_the_line_below() -> None:
    lines = split_lines("10 月\n■\n8 日，某某县举行合作办学签约仪式。\n■\n11 日，某某图书馆奠基。\n")
    assert [line.text for line in lines] == ["10 月", "■8 日，某某县举行合作办学签约仪式。", "■11 日，某某图书馆奠基。"]
    assert not lines[1].blank_before


def test_a_blank_line_above_a_bare_bullet_stays_before_its_item() -> None:
    lines = split_lines("某某县举行合作办学签约仪式。\n\n●\n某某图书馆奠基。\n")
    assert lines[1].text == "●某某图书馆奠基。" and lines[1].blank_before


def test_each_entry_of_a_record_with_bare_bullets_is_an_article() -> None:
    page = ("大事记\n\n10 月\n■\n8 日，某某县人民政府与某某学院签署\n合作办学协议。\n■\n"
            "11 日，某某图书馆奠基仪式在某某寺\n举行。\n■\n12 日，某某市督导组到某某县督导\n换届选举工作。\n")
    assert len(segment_page(page).articles) == 3


def test_a_report_closing_on_its_writer_s_credit_is_finished() -> None:
    lines = split_lines("某某市领导李四参加调研。（记\n者：王五）\n某某县召开冬修水利动员会\n")
    assert ends_finished(lines, 1)
    assert not ends_finished(split_lines("某某县召开冬修水利\n动员会，县委书记\n"), 1)


def test_a_dateline_whose_month_the_source_dropped_still_opens_a_report() -> None:
    from articles.text.page_lines import DATELINE

    assert DATELINE.match("929日下午，代市长张三主持召开市长办公会。")
    assert DATELINE.match("1115日，某某县召开会议。")
    assert not DATELINE.match("2023日，某某县召开会议。")  # no month reads out of 20
    assert not DATELINE.match("135日，累计完成。")  # nor out of 13


def test_an_outlet_s_bracketed_tag_before_the_dateline_still_opens_a_news_lead() -> None:
    from articles.text.page_lines import DATELINE

    assert DATELINE.match("[某某新媒体] 近日，某某省森林防火总指挥部下发通报。")
    assert DATELINE.match("【某某网】5月6日，某某县召开会议。")
    assert not DATELINE.match("[某某新媒体] 某某县召开会议。")


def test_a_credit_whose_closing_bracket_the_source_dropped_ends_the_report() -> None:
    lines = split_lines("坚决打好污染防治攻坚战。（某某局某某分\n局 王建福\n\n8月1日，某某区召开座谈会。\n")
    assert ends_finished(lines, 1)


def test_an_open_bracket_running_on_into_the_next_line_is_no_finished_report() -> None:
    lines = split_lines("坚决打好污染防治攻坚战。（某某局某某分\n局 王建福\n牵头负责）此项工作。\n")
    assert not ends_finished(lines, 1)


def test_a_line_under_two_blank_lines_has_a_wide_gap_above() -> None:
    lines = split_lines("某某县召开会议。\n\n县长刘涛讲话。\n\n\n5月6日，某某镇召开会议。\n")
    assert [line.wide_gap for line in lines] == [False, False, True]


def test_a_dateline_may_give_today_s_date_in_brackets() -> None:
    from articles.text.page_lines import DATELINE

    assert DATELINE.match("今天（2月8日）上午，省委常委、市委书记王建福来到某区调研。")
