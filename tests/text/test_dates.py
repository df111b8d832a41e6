"""Dates: invented sentences with hostile formatting, plus the gold seed pages."""
from __future__ import annotations

from datetime import date

import pytest

from articles.text.dates import event_date, find_dates, guess_issue_date, header_date
from tests.text.gold_bodies import GOLD_FILES, load

BASE = date(2025, 4, 20)


@pytest.mark.parametrize("text, expected", [
    ("本报讯 5月3日上午，某会议召开。", [("5月3日", date(2025, 5, 3), date(2025, 5, 3))]),
    ("本报讯 4 月 17 日至 18 日，活动举行。", [("4 月 17 日至 18 日", date(2025, 4, 17), date(2025, 4, 18))]),
    ("２０２３年１１月２日，会议召开。", [("２０２３年１１月２日", date(2023, 11, 2), date(2023, 11, 2))]),
    ("十二月二十八日，某活动举行。", [("十二月二十八日", date(2024, 12, 28), date(2024, 12, 28))]),
    ("二〇二一年三月五日开幕。", [("二〇二一年三月五日", date(2021, 3, 5), date(2021, 3, 5))]),
    ("12月30日至1月2日，展览开放。", [("12月30日至1月2日", date(2024, 12, 30), date(2025, 1, 2))]),
    ("3月28日—4月2日举行。", [("3月28日—4月2日", date(2025, 3, 28), date(2025, 4, 2))]),
    ("6月5-7日举办论坛。", [("6月5-7日", date(2024, 6, 5), date(2024, 6, 7))]),
    ("15日至17日，代表团来访。", [("15日至17日", None, None)]),
    ("8日下午，座谈会召开。", [("8日", None, None)]),
    ("每月15日为固定活动日。", []),
    ("日前，某会议召开。近日又召开一次。", []),
    ("2024年是关键一年，2025年工作安排已定。", []),
    ("地铁3号线延伸段，5号楼。", []),
    ("需在7日内完成整改，共124日。", []),
    ("2019年12月1日起施行。", [("2019年12月1日", date(2019, 12, 1), date(2019, 12, 1))]),
])
def test_find_dates(text: str, expected: list) -> None:
    got = [(d.text, d.start, d.end) for d in find_dates(text, base=BASE)]
    assert got == expected


def test_year_comes_from_base_closest_not_far_future() -> None:
    [d] = find_dates("12月28日，活动举行。", base=date(2021, 1, 3))
    assert d.start == date(2020, 12, 28)
    [d] = find_dates("1月5日，活动举行。", base=date(2020, 12, 28))
    assert d.start == date(2021, 1, 5)


def test_no_base_no_year_gives_none() -> None:
    [d] = find_dates("4月17日上午，会议召开。", base=None)
    assert (d.start, d.end) == (None, None)


@pytest.mark.parametrize("text, expected", [
    ("本报讯 4月16日上午，区长前往某镇调研。", date(2025, 4, 16)),
    ("4 月 17 日至 18 日，某活动举行。", date(2025, 4, 17)),
    ("本报讯 日前，区政府召开会议。会议要求于4月30日前完成。", None),
    ("22日至24日，代表团来访。", None),
    ("每月10日，10元理发!3月10日,公益行动启动。", date(2025, 3, 10)),
    ("为加强宣传，营造氛围。12月5日，街道开展宣传活动。", date(2024, 12, 5)),
    ("“感谢你们。”这是一条短信。长期的问题有了转机。4月2日，巡察组进驻。", None),
    ("没有任何日期的特写。", None),
])
def test_event_date(text: str, expected: date | None) -> None:
    assert event_date(text, base=BASE) == expected


@pytest.mark.parametrize("text, expected", [
    ("2020年12月29日,论坛举行。2020年12月28日,公园启用。", date(2020, 12, 29)),
    ("本区2024年工作情况和2025年工作安排。4月17日,4月18日会议召开。", date(2025, 4, 18)),
    ("第十届花博会将于 2021 年召开。12月26日,12月5日活动举行。", date(2020, 12, 26)),
    ("3月12日会议召开。", None),
    ("没有日期。", None),
])
def test_guess_issue_date(text: str, expected: date | None) -> None:
    assert guess_issue_date(text) == expected


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name[:3])
def test_gold_event_dates_and_mentions(path) -> None:
    gold, flat, arts = load(path)
    issue = guess_issue_date(flat)  # the scorer runs with no issue date
    year_end = date(gold["year_guess"], 12, 31)  # the gold normalises with year_guess
    for art, body in arts:
        got = event_date(body, base=issue)
        assert (got.isoformat() if got else None) == art["event_date"], art["n"]
        expected = [(d["text"], d["normalized_start"], d["normalized_end"]) for d in art["dates_mentioned"]]
        got_m = [(d.text, d.start and d.start.isoformat(), d.end and d.end.isoformat())
                 for d in find_dates(body, base=year_end)]
        assert got_m == expected, art["n"]


@pytest.mark.parametrize("text, expected", [
    ("2024年6月12日 星期三 要闻 责任编辑：张三\n\n本报讯 6月11日，会议召开。", date(2024, 6, 12)),
    ("\ufeff２０２４年５月１５日 星期三 要闻\n正文。", date(2024, 5, 15)),
    ("某某日报\n2023年11月15日\n第2版 综合新闻\n正文。", date(2023, 11, 15)),
    ("某某报  第3版  2022年1月4日  周二\n正文。", date(2022, 1, 4)),
    # a dated sentence at the top is an article, not a header
    ("2024年5月6日，某某区召开会议。\n正文。", None),
    ("标题\n2024年5月6日 会议在某镇召开\n正文。", None),
    # a date far down the page is not the header
    ("标题\n本报讯 正文。\n正文。\n2024年5月6日 星期一", None),
    ("没有日期。", None),
])
def test_header_date(text: str, expected: date | None) -> None:
    assert header_date(text) == expected
    if expected:
        assert guess_issue_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an announced day after the issue keeps the issue's year
    ("活动将持续至6月10日。", date(2024, 6, 10)),
    ("展览持续至8月31日。", date(2024, 8, 31)),
    ("报名须于7月1日前完成。", date(2024, 7, 1)),
    ("新规自7月1日起施行。", date(2024, 7, 1)),
    # a plain report of a day weeks ahead is last year's
    ("6月10日，活动举行。", date(2023, 6, 10)),
    ("5月10日，活动举行。", date(2024, 5, 10)),
])
def test_announced_days_keep_the_issue_year(text: str, expected: date) -> None:
    [d] = find_dates(text, base=date(2024, 5, 15))
    assert d.start == expected


def test_a_heading_naming_year_and_month_sets_the_pages_year() -> None:
    from articles.text.dates import guess_issue_date

    page = "2023年12月某某区政府大事记\n\n12月5日，区长张某主持召开2024年《政府工作报告》意见征求座谈会。\n"
    assert guess_issue_date(page) == date(2023, 12, 5)
    # A dated sentence is no heading.
    assert guess_issue_date("2019年3月，某某区启动改造。\n12月5日，区长张某调研2024年重点项目。\n").year == 2024


@pytest.mark.parametrize(("line", "period"), [
    ("1995年", (1995, None)), ("某某执政纪要2015", (2015, None)), ("2023年12月区政府大事记", (2023, 12)),
    ("2020年10月大事记(续)", (2020, 10)), ("十月（续）", (None, 10)), ("2007年1~12月", (2007, None)),
    ("9月", (None, 9)), ("一月", (None, 1)), ("十二月份", (None, 12)),
    ("2021年“红色马栏”文化旅游节开幕式", None), ("9月16日至18日，", None), ("13月", None),
])
def test_period_heading(line: str, period: tuple | None) -> None:
    from articles.text.dates import period_heading

    assert period_heading(line) == period


def test_entry_day_under_a_month_heading() -> None:
    from articles.text.dates import entry_day

    assert entry_day("7日 全县企业迎春座谈会召开。", 2004, 1) == date(2004, 1, 7)
    assert entry_day("同日，全县召开会议。", 2004, 1) is None
    assert entry_day("31日 某某会议召开。", 2004, 2) is None  # no such day
