"""The in-process scorer keeps score_parse.py's rules and skips unannotated figures."""
from __future__ import annotations

from pagesim.scoring import district_key, f1, match, score_file, summary, title_ok


def _gold(**extra) -> dict:
    art = {"n": 1, "title": "甲乙丙", "subtitle": None, "body_first": "一二三四五六七八九十甲乙丙丁戊",
           "body_last": "子丑寅卯辰巳午未申酉戌亥天地人", "district_of_article": "某某区",
           "event_date": "2024-01-02", "leaders": [{"name": "张三", "titles": ["区长"]}]}
    return {"articles": [art], "noise": ["导读栏目文字"], **extra}


def _pred(**extra) -> dict:
    body = "本报讯 一二三四五六七八九十甲乙丙丁戊……子丑寅卯辰巳午未申酉戌亥天地人"
    return {"articles": [{"title": "甲乙丙", "subtitle": None, "body": body, "district": "某某",
                          "event_date": None, "leaders": [], **extra}]}


def test_match_allows_a_kept_lead() -> None:
    assert match(_gold()["articles"], _pred()["articles"]) == {0: 0}


def test_figures_count_when_annotated() -> None:
    c = score_file(_gold(), _pred())
    assert (c["l_gold"], c["dated"], c["district_hit"], c["title_hit"]) == (1, 1, 1, 1)


def test_unannotated_figures_are_skipped() -> None:
    c = score_file(_gold(unannotated=["leaders", "event_date"]), _pred())
    assert (c["l_gold"], c["l_pred"], c["dated"]) == (0, 0, 0)
    assert "leaders F1=n/a" in summary(c) and "date=n/a" in summary(c)


def test_null_leaders_are_tolerated() -> None:
    gold = _gold(unannotated=["leaders"])
    gold["articles"][0]["leaders"] = None
    assert score_file(gold, _pred())["matched"] == 1


def test_title_pair_may_be_swapped_or_joined() -> None:
    g = {"title": "主题", "subtitle": "副题"}
    assert title_ok(g, {"title": "副题主题"}) and title_ok(g, {"title": "副题", "subtitle": "主题"})


def test_district_suffix_is_ignored_and_f1_handles_zero() -> None:
    assert district_key("崇明区") == district_key("崇明") and f1(0, 0, 3) == 0.0
