"""parse_issue(): encodings, the enrichment contract, and one golden test per seed page."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from articles.text import ParsedIssue, decode, parse_issue
from articles.text import pipeline

DATA = Path(__file__).resolve().parent.parent / "data"
GOLD_FILES = sorted((DATA / "gold").glob("*.json"))

PAGE = """
桃源县召开春耕生产推进会

记者 周明

５月３日上午，桃源县召开春耕生产推进会，部署当前农业生产工作。

会议要求，各乡镇要压实责任，确保春播顺利。
"""


def _parse_bytes(data: bytes, **kwargs) -> ParsedIssue:
    """Decode and parse, as every door into the archive does."""
    decoded = decode(data)
    return parse_issue(decoded.text, encoding=decoded.encoding, **kwargs)


def _norm(text: str | None) -> str:
    return re.sub(r"\s", "", text or "")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PAGE.encode("gb18030"), "gb18030"),
        (("\ufeff" + PAGE.replace("\n", "\r\n")).encode("utf-8"), "utf-8-sig"),
        (PAGE.encode("utf-8"), "utf-8"),
        (PAGE, "utf-8"),
        (PAGE.replace("\n", "\r\n"), "utf-8"),
    ],
)
def test_every_input_form_gives_the_same_article(data: bytes | str, encoding: str) -> None:
    issue = _parse_bytes(data) if isinstance(data, bytes) else parse_issue(data)
    assert isinstance(issue, ParsedIssue)
    assert issue.encoding == encoding
    assert "\r" not in issue.text
    [article] = issue.articles
    assert article.title == "桃源县召开春耕生产推进会"
    assert article.byline == "记者 周明"
    assert article.paragraphs() == [
        "５月３日上午，桃源县召开春耕生产推进会，部署当前农业生产工作。",
        "会议要求，各乡镇要压实责任，确保春播顺利。",
    ]


def test_empty_text_has_no_articles() -> None:
    assert parse_issue("").articles == []
    assert parse_issue(" \n\n ").articles == []


def test_enrichment_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple] = []
    monkeypatch.setattr(pipeline, "guess_issue_date", lambda text: date(2024, 5, 1))
    monkeypatch.setattr(pipeline, "find_dates",
                        lambda text, *, base, period_year=None: calls.append(("dates", text, base)) or [])
    monkeypatch.setattr(pipeline, "find_event_date", lambda text, *, base, period_year=None: base)
    monkeypatch.setattr(
        pipeline, "district_of",
        lambda text, *, title=None, default=None: "页面区" if default is None and title is None else f"{default}/{title}",
    )
    monkeypatch.setattr(pipeline, "find_leaders", lambda text, *, known_names=(): calls.append(("leaders", text, known_names)) or [])

    guessed = parse_issue(PAGE, known_leaders=["赵立新"])
    [article] = guessed.articles
    assert guessed.issue_date is None
    assert article.event_date == date(2024, 5, 1)
    assert article.district == "页面区/桃源县召开春耕生产推进会"
    assert ("dates", article.body, date(2024, 5, 1)) in calls
    assert ("leaders", article.body, ("赵立新",)) in calls

    given = parse_issue(PAGE, issue_date=date(2024, 5, 4))
    assert given.issue_date == date(2024, 5, 4)
    assert given.articles[0].event_date == date(2024, 5, 4)


def _title_ok(gold: dict, article) -> bool:  # noqa: ANN001 - ParsedArticle
    gt, gs = _norm(gold["title"]), _norm(gold["subtitle"])
    pt, ps = _norm(article.title), _norm(article.subtitle)
    if not gs:
        return pt == gt
    return pt in {gt, gt + gs, gs + gt} or {pt, ps} == {gt, gs}


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name[:3])
def test_seed_page_matches_gold(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    issue = _parse_bytes((DATA / "seeds" / gold["file"]).read_bytes())
    assert len(issue.articles) == len(gold["articles"])
    for expected, article in zip(gold["articles"], issue.articles):
        body = _norm(article.body)
        assert body.startswith(_norm(expected["body_first"])), (expected["n"], body[:30])
        assert body.endswith(_norm(expected["body_last"])), (expected["n"], body[-30:])
        if expected["title"]:
            assert _title_ok(expected, article), (expected["n"], article.title, article.subtitle)
        else:
            assert article.title is None and article.derived_title
        assert article.continues_elsewhere == expected["continues_elsewhere"], expected["n"]
        assert article.continued_from_elsewhere == expected["continued_from_elsewhere"], expected["n"]
        if expected["byline"]:
            assert _norm(expected["byline"]) in _norm(article.byline), expected["n"]
    bodies = [_norm(a.body) for a in issue.articles]
    for item in gold["noise"]:
        assert not any(_norm(item) in b for b in bodies), item


def test_header_date_is_the_issue_date() -> None:
    page = "2024年6月12日 星期三 要闻 责任编辑：张三\n\n本报讯 6月11日，某某区召开会议，部署工作。\n"
    parsed = parse_issue(page)
    assert parsed.issue_date == date(2024, 6, 12)
    assert parsed.articles[0].event_date == date(2024, 6, 11)
    assert parse_issue(page, issue_date=date(2024, 6, 13)).issue_date == date(2024, 6, 13)


def test_a_web_metadata_date_pins_the_year_of_the_article_below_it() -> None:
    page = "\n".join([
        "某某区召开常务会议", "发布日期：2023-06-21 10:51 信息来源：区政府办公室", "",
        "6月20日下午，区长李四主持召开区政府常务会议。", "",
        "某某区召开表彰大会", "发布日期：2024-02-24 11:20 信息来源：管理员", "",
        "2月23日，某某区召开表彰大会。", "",
    ])
    parsed = parse_issue(page)
    assert [a.event_date.isoformat() for a in parsed.articles] == ["2023-06-20", "2024-02-23"]
    assert not any("发布日期" in a.body for a in parsed.articles)


COLLAGE = "\n".join([
    "区政府召开全体会", "", "本报讯 2月9日下午，区政府召开全体会。区长张三强调，2015年仍然是艰难的一年。", "",
    "区人大审议工作报告", "", "1月14日，区人大代表审议工作报告，明确了2019年的发展思路。", "",
    "专家组复核生态工作", "", "9月27日，专家组到某镇复核2022年度生态工作。", "",
])


def test_a_page_of_reports_from_several_years_gives_each_its_own_year() -> None:
    parsed = parse_issue(COLLAGE)
    assert [a.event_date.isoformat() for a in parsed.articles] == ["2015-02-09", "2019-01-14", "2022-09-27"]


def test_one_past_year_in_one_report_is_history_not_the_issue_year() -> None:
    page = COLLAGE.replace("明确了2019年的发展思路", "明确了2022年的发展思路")
    parsed = parse_issue(page)
    assert [a.event_date.year for a in parsed.articles] == [2022, 2022, 2022]


def test_a_record_under_year_and_month_headings_dates_its_entries() -> None:
    page = "\n".join([
        "大事记", "2004年", "一月",
        "7日 某某县移民专题会议在县政府召开。", "14日 全县企业迎春座谈会召开。",
        "二月",
        "2日 全县领导干部大会召开。", "十二月", "12月30日，某某县召开年终总结会。",
    ])
    parsed = parse_issue(page)
    assert [a.event_date for a in parsed.articles] == [
        date(2004, 1, 7), date(2004, 1, 14), date(2004, 2, 2), date(2004, 12, 30)]
    assert not any("二月" in a.body for a in parsed.articles)


def test_a_marked_entry_of_a_record_takes_the_day_of_the_entry_above() -> None:
    page = "\n".join([
        "2021年1月8日 星期五 第4版 史志", "", "2020年10月大事记（续）", "",
        "14日  区委书记张三到某某镇检查调研。",
        "※    由区委、区政府主办的文艺演出在某某广场举行。",
        "15日  区长李四主持召开区政府常务会议。",
        "16日  区委召开常委会议。",
    ])
    parsed = parse_issue(page)
    assert [a.event_date for a in parsed.articles] == [
        date(2020, 10, 14), date(2020, 10, 14), date(2020, 10, 15), date(2020, 10, 16)]


def test_an_undated_report_takes_no_date_from_the_report_above() -> None:
    page = "2024年5月7日 星期二 第1版\n\n某某区召开工作会议\n\n5月6日，某某区召开工作会议。\n\n某某镇开展志愿活动\n\n近日，某某镇开展志愿服务活动。\n"
    articles = parse_issue(page).articles
    assert len(articles) == 2 and articles[0].event_date is not None
    assert articles[1].event_date is None


def test_entries_under_a_year_heading_are_dated_and_a_marked_one_by_the_entry_above() -> None:
    from tests.text.test_article_breaks import DAY_LINE_RECORD

    parsed = parse_issue(DAY_LINE_RECORD)
    assert [a.event_date for a in parsed.articles] == [
        date(2007, 1, 5), date(2007, 1, 15), date(2007, 1, 20), date(2007, 1, 28), date(2007, 1, 28)]


def test_an_undated_report_after_a_record_takes_no_date_from_its_last_entry() -> None:
    from tests.text.test_article_breaks import DAY_LINE_RECORD

    page = DAY_LINE_RECORD + "\n\n某某镇开展志愿服务\n\n近日，某某镇组织志愿者走进社区开展志愿服务活动。\n"
    assert parse_issue(page).articles[-1].event_date is None


def test_a_page_read_again_from_memory_parses_as_it_did_fresh() -> None:
    text = ("某某区召开安全生产会议\n\n本报讯 5月6日上午，区委书记王建福主持召开全区安全生产工作会议，"
            "某某镇、某某街道负责人参加会议。")
    pipeline.forget_read_texts()
    fresh = parse_issue(text)
    again = parse_issue(text)
    assert [(a.title, a.body, a.district, a.leaders) for a in again.articles] == \
        [(a.title, a.body, a.district, a.leaders) for a in fresh.articles]


def test_forgetting_read_texts_empties_the_memory_of_words_and_places() -> None:
    from articles.text import districts, headlines

    parse_issue("某某县召开常务会议\n\n本报讯 5月6日，县长刘涛主持召开县政府常务会议。")
    assert headlines.cut_words.cache_info().currsize > 0
    pipeline.forget_read_texts()
    assert headlines.cut_words.cache_info().currsize == 0
    assert districts.places_in.cache_info().currsize == 0
