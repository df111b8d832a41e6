"""digest_heads: the heads of a digest's items and the furniture around them (invented text)."""
from __future__ import annotations

from articles.text.digest_heads import mark_bullet_headlines
from articles.text.page_lines import BODY, HEADLINE, NOISE, Line


def _line(text: str, kind: str = BODY, *, blank: bool = False, lead: bool = False) -> Line:
    line = Line(text=text, blank_before=blank, indent=False, kind=kind)
    line.lead = lead
    return line


def test_a_bullet_head_on_its_items_dateline_is_a_headline() -> None:
    lines = [_line("■ 市政协来我区开展专题调研", blank=True), _line("近日，市政协常委王建福率队来我区调研。")]
    mark_bullet_headlines(lines)
    assert lines[0].kind == HEADLINE


def test_a_bullet_head_naming_its_place_before_a_colon_is_a_headline() -> None:
    lines = [_line("第7版 县区简讯", NOISE), _line("■某某：“民心路”修进百姓心坎里", blank=True),
             _line("近日，某某县某某镇启动道路改造工程。")]
    mark_bullet_headlines(lines)
    assert lines[1].kind == HEADLINE


def test_a_bullet_head_on_an_outlets_dispatch_lead_is_a_headline() -> None:
    lines = [_line("■某某县今天正式撤县设市", blank=True), _line("某某网某地5月26日消息（记者王建福）今天上午，")]
    mark_bullet_headlines(lines)
    assert lines[0].kind == HEADLINE


def test_a_bullet_line_that_is_itself_a_lead_is_no_head() -> None:
    lines = [_line("■某某网某地9月23日电(王建福 刘涛)某某", blank=True), _line("近日，某某县围绕四个战略高地全力对接。")]
    mark_bullet_headlines(lines)
    assert lines[0].kind == BODY


def test_a_sub_head_ending_on_a_colon_stays_body() -> None:
    lines = [_line("■ 某某镇的做法：", blank=True), _line("近日，某某镇组织干部走访农户。")]
    mark_bullet_headlines(lines)
    assert lines[0].kind == BODY


def test_a_bullet_head_over_an_item_opening_on_its_year_is_a_headline() -> None:
    lines = [_line("政务信息(7月-9月)", HEADLINE), _line("■某旗一般公共预算收入完成“双过半”任务", blank=True),
             _line("2024年，某旗紧盯收支预算目标，多措并举抓收入。")]
    mark_bullet_headlines(lines)
    assert lines[1].kind == HEADLINE


def test_a_dot_bullet_head_over_its_item_set_apart_by_a_blank_line_is_a_headline() -> None:
    lines = [_line("● 某某县秋粮收获过半", blank=True), _line("记者4日从某某县获悉，今年秋粮收获已过半。", blank=True)]
    mark_bullet_headlines(lines)
    assert lines[0].kind == HEADLINE


def test_a_box_sub_head_over_a_paragraph_set_apart_stays_in_its_column() -> None:
    lines = [_line("■ 注重示范引领", blank=True), _line("某某镇把示范点建设作为重点，带动全镇发展。", blank=True)]
    mark_bullet_headlines(lines)
    assert lines[0].kind == BODY
