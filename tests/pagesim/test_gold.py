"""Gold by construction agrees with the printed page it describes."""
from __future__ import annotations

import json

from pagesim.encoding import decode_page
from pagesim.lines import ROLES
from pagesim.page import SimPage
from pagesim.scoring import norm


def _text(page: SimPage) -> str:
    return decode_page(page.data, page.gold["encoding"])


def _flat(page: SimPage) -> str:
    return _text(page).replace("\n", "")


def _spans(page: SimPage) -> list[tuple[int, int]]:
    flat = _flat(page)
    out = []
    for a in page.gold["articles"]:
        start = flat.index(a["body_first"])
        out.append((start, flat.index(a["body_last"], start) + len(a["body_last"])))
    return out


def test_anchors_are_15_characters_and_unique_in_flat(all_pages: list[SimPage]) -> None:
    for page in all_pages:
        flat = _flat(page)
        for a in page.gold["articles"]:
            for key in ("body_first", "body_last"):
                assert len(a[key]) == 15, (page.name, a["n"], key)
                assert flat.count(a[key]) == 1, (page.name, a["n"], key)


def test_anchors_neither_start_nor_end_with_whitespace(all_pages: list[SimPage]) -> None:
    for page in all_pages:
        for a in page.gold["articles"]:
            assert not a["body_first"][0].isspace() and not a["body_last"][-1].isspace(), page.name


def test_bodies_are_in_file_order_and_do_not_overlap(all_pages: list[SimPage]) -> None:
    for page in all_pages:
        spans = _spans(page)
        assert [a["n"] for a in page.gold["articles"]] == list(range(1, len(spans) + 1))
        for (_, end), (start, _) in zip(spans, spans[1:]):
            assert end <= start, page.name


def test_noise_occurs_in_flat_and_never_inside_a_body(all_pages: list[SimPage]) -> None:
    for page in all_pages:
        flat, spans = _flat(page), _spans(page)
        bodies = [norm(flat[a:b]) for a, b in spans]
        for item in page.gold["noise"]:
            assert item in flat, (page.name, item)
            assert not any(norm(item) in b for b in bodies), (page.name, item)


def test_one_line_label_per_line_of_the_decoded_text(all_pages: list[SimPage]) -> None:
    for page in all_pages:
        lines = _text(page).split("\n")
        assert len(page.gold["lines"]) == len(lines), page.name
        for label, line in zip(page.gold["lines"], lines):
            assert label["role"] in ROLES
            assert (label["role"] == "blank") == (line.strip() == ""), (page.name, line)


def test_each_article_has_exactly_one_lead_line_holding_body_first(all_pages: list[SimPage]) -> None:
    for page in all_pages:
        lines = _text(page).split("\n")
        for a in page.gold["articles"]:
            leads = [i for i, lab in enumerate(page.gold["lines"]) if lab["role"] == "lead" and lab["article"] == a["n"]]
            assert len(leads) == 1, (page.name, a["n"])
            window = norm("".join(lines[leads[0]:leads[0] + 3]))
            assert norm(a["body_first"])[:3] in window, page.name


def test_body_lines_belong_to_an_article(all_pages: list[SimPage]) -> None:
    numbers = {"lead", "body", "subhead", "title", "subtitle", "credit", "caption", "marker"}
    for page in all_pages:
        for label in page.gold["lines"]:
            if label["role"] in numbers:
                assert label["article"] is not None, page.name


def test_titles_occur_in_flat_unless_printed_doubled(all_pages: list[SimPage]) -> None:
    for page in all_pages:
        flat = norm(_flat(page))
        echoed = {lab["article"] for lab in page.gold["lines"] if lab["role"] == "echo"}
        for a in page.gold["articles"]:
            if a["title"]:
                assert norm(a["title"]) in flat or a["n"] in echoed, (page.name, a["n"])
            if a["subtitle"]:
                assert norm(a["subtitle"]) in flat or a["n"] in echoed, (page.name, a["n"])


def test_untitled_articles_are_missing_and_titled_ones_located(all_pages: list[SimPage]) -> None:
    for page in all_pages:
        for a in page.gold["articles"]:
            if a["title"] is None:
                assert a["title_location"] == "missing"
            else:
                assert a["title_location"] in ("before", "after", "end_block")


def test_gold_marks_leaders_and_dates_unannotated(all_pages: list[SimPage]) -> None:
    for page in all_pages:
        assert page.gold["unannotated"] == ["leaders", "event_date"]
        for a in page.gold["articles"]:
            assert a["event_date"] is None and a["leaders"] == []


def test_district_is_the_corpus_district(all_pages: list[SimPage]) -> None:
    from pagesim.corpus import load_corpus

    district = {r.id: r.district for r in load_corpus()}
    for page in all_pages:
        for a in page.gold["articles"]:
            assert a["district_of_article"] == district[a["corpus_id"]]


def test_continuation_flags_match_the_markers(all_pages: list[SimPage]) -> None:
    for page in all_pages:
        flat = _flat(page)
        for a, (start, end) in zip(page.gold["articles"], _spans(page)):
            before = flat[max(0, start - 8):start]
            if a["continued_from_elsewhere"]:
                assert "上接" in before, page.name
            if a["continues_elsewhere"]:
                assert a["body_last"][-1] in "，," or "下转" in flat[end:end + 12], page.name


def test_gold_is_json_serialisable(all_pages: list[SimPage]) -> None:
    for page in all_pages:
        assert json.loads(json.dumps(page.gold, ensure_ascii=False)) == page.gold
