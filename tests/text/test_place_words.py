"""Place names that are ordinary words: idioms holding a short name, generic full names."""
from __future__ import annotations

import pytest

from articles.text.districts import district_of
from articles.text.place_words import inside_word, is_common_word


def test_a_short_name_inside_an_idiom_is_inside_a_word() -> None:
    text = "大家干得热火朝天"
    start = text.index("朝天")
    assert inside_word(text, start, start + 2)


def test_a_short_name_starting_a_word_is_not_inside_one() -> None:
    text = "来到萧山大道"
    start = text.index("萧山")
    assert not inside_word(text, start, start + 2)


def test_everyday_words_are_common() -> None:
    assert is_common_word("和平")
    assert not is_common_word("萧山")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("大家拿着扫把，干得热火朝天，群众纷纷参与清雪。", None),  # 朝天 of 朝天区 inside an idiom
        ("某某区召开创建全国文明城区推进会。", None),  # 城区 as a word, not 晋城市城区
        ("晋城市城区召开推进会。", "城区"),  # with its city in front it is the district
        ("政府代县长某某主持召开县长办公会。", None),  # 代县长 is an acting county head, not 代县
    ],
)
def test_words_that_look_like_districts(text: str, expected: str | None) -> None:
    assert district_of(text) == expected
