"""Full-width punctuation restored from the corpus' ASCII (invented strings, no corpus text)."""
from __future__ import annotations

import pytest

from pagesim.punctuation import restore_fullwidth

CASES = [
    ("comma", "甲,乙", "甲，乙"),
    ("colon and semicolon", "甲:乙;丙", "甲：乙；丙"),
    ("brackets and question", "甲(乙)丙?", "甲（乙）丙？"),
    ("thousands separator kept", "共1,000人", "共1,000人"),
    ("clock time kept", "10:51开始", "10:51开始"),
    ("brackets around digits converted", "第(1)项", "第（1）项"),
    ("url kept", "见http://a.b/c?x=1:2;好", "见http://a.b/c?x=1:2;好"),
    ("decimal untouched", "增长3.5%,好", "增长3.5%，好"),
    ("comma after a number", "2024年,甲", "2024年，甲"),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_restore_fullwidth(name: str, text: str, expected: str) -> None:
    assert restore_fullwidth(text) == expected
