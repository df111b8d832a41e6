"""person_names: when a run of characters after a title is a person's name."""
from __future__ import annotations

import pytest

from articles.text.person_names import looks_like_name, opens_with_word, read_name


@pytest.mark.parametrize(("name", "expected"), [
    ("王晓东", True), ("陈之常", True), ("令军强", True), ("张之后", False), ("李之间", False), ("于是", False), ("高度", False),
])
def test_looks_like_name(name: str, expected: bool) -> None:
    assert looks_like_name(name) is expected


@pytest.mark.parametrize(("text", "name"), [
    ("陈之常，区人大常委会主任", "陈之常"),
    ("李芸说。", "李芸"),
    ("方红卫来某地检查调研", "方红卫"),  # a visit: 来 and the place it comes to
    ("陆文忠专题调研教育工作", "陆文忠"),
    ("王晓东。", "王晓东"),
    ("张龙11月4日主持召开常务会议", "张龙"),  # a date right after the name
    ("刘浩年针对我县产业发展情况", "刘浩年"),
    ("麦麦提·吐拉甫主持会议", "麦麦提·吐拉甫"),  # a transliterated name joined by a middle dot
    ("阿克拜尔·阿克拉木一行", "阿克拜尔·阿克拉木"),
    ("卓玛当周带队赴某市", "卓玛当周"),  # two syllables of a Tibetan name
    ("格桑次仁率党政代表团来某地考察", "格桑次仁"),
])
def test_read_name(text: str, name: str) -> None:
    assert read_name(text, 0) == name


def test_a_clause_opening_with_a_word_is_no_name() -> None:
    assert opens_with_word("先后赶往现场")
    assert not opens_with_word("张三李四")


def test_a_year_word_after_a_name_is_no_name() -> None:
    assert read_name("张三年底前要完成", 0) is None
    assert read_name("王青年，副县长李四", 0) is None
