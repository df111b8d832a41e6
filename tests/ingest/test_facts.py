"""Paper, date and page by one priority order (articles/ingest/facts.py): a table both doors pass."""
from __future__ import annotations

from datetime import date

import pytest

from articles.ingest.facts import (
    NO_DATE, NO_PAPER, Facts, FactsError, Hints, chinese_only, resolve_facts,
)

TODAY = date(2025, 6, 1)
PAPERS = {"崇明报", "青浦报"}
HEADER = date(2025, 4, 18)

# (case, file name, text, explicit, defaults, header date, expected Facts or a message part)
CASES = [
    ("name gives all", "崇明报_2025-04-19_01.txt", "", Hints(), Hints(), None, Facts("崇明报", date(2025, 4, 19), "01")),
    ("explicit beats the name", "崇明报_2025-04-19_01.txt", "", Hints("青浦报", date(2025, 4, 20), "03"),
     Hints(), None, Facts("青浦报", date(2025, 4, 20), "03")),
    ("explicit page none", "崇明报_2025-04-19_01.txt", "", Hints(page=""), Hints(), None,
     Facts("崇明报", date(2025, 4, 19), "")),
    ("name beats defaults", "崇明报_2025-04-19_01.txt", "", Hints(), Hints("青浦报", date(2025, 1, 1), "09"),
     None, Facts("崇明报", date(2025, 4, 19), "01")),
    ("defaults fill the gaps", "scan.txt", "", Hints(), Hints("青浦报", date(2025, 1, 1), "09"), None,
     Facts("青浦报", date(2025, 1, 1), "09")),
    ("unknown word in the name loses to defaults", "扫描件_2025-04-19.txt", "", Hints(), Hints("青浦报"), None,
     Facts("青浦报", date(2025, 4, 19), "")),
    ("masthead and header", "x.txt", "崇明报\n本报讯……", Hints(), Hints(), HEADER, Facts("崇明报", HEADER, "")),
    ("two mastheads name no paper", "x.txt", "崇明报 青浦报", Hints(), Hints(), HEADER, NO_PAPER),
    ("header loses to the name", "崇明报_2025-04-19.txt", "", Hints(), Hints(), HEADER,
     Facts("崇明报", date(2025, 4, 19), "")),
    ("no date anywhere", "崇明报.txt", "2020年的一篇回顾", Hints(), Hints(), None, NO_DATE),
    ("impossible day in the name", "崇明报_2025-02-30.txt", "", Hints(), Hints(), HEADER, "2025-02-30 不存在"),
    ("explicit date excuses the name", "崇明报_2025-02-30.txt", "", Hints(issue_date=HEADER), Hints(), None,
     Facts("崇明报", HEADER, "")),
    ("future", "崇明报_2025-06-02.txt", "", Hints(), Hints(), None, "在今天之后"),
    ("before 1900", "崇明报_1899-12-31.txt", "", Hints(), Hints(), None, "早于 1900 年"),
    ("unknown paper refused", "新报_2025-04-19.txt", "", Hints(), Hints(), None, "未知报纸“新报”"),
]


@pytest.mark.parametrize(("case", "filename", "text", "explicit", "defaults", "header", "expected"), CASES,
                         ids=[c[0] for c in CASES])
def test_facts_by_priority(case: str, filename: str, text: str, explicit: Hints, defaults: Hints,
                           header: date | None, expected: Facts | str) -> None:
    resolve = lambda: resolve_facts(filename=filename, text=text, explicit=explicit, defaults=defaults,  # noqa: E731
                                    paper_names=PAPERS, header_date=header, today=TODAY, create_papers=False)
    if isinstance(expected, Facts):
        assert resolve() == expected
    else:
        with pytest.raises(FactsError, match=expected):
            resolve()


def test_the_command_door_creates_a_paper_it_has_never_seen() -> None:
    facts = resolve_facts(filename="新报_2025-04-19.txt", text="", explicit=Hints(), defaults=Hints(),
                          paper_names=PAPERS, header_date=None, today=TODAY, create_papers=True)
    assert facts.paper == "新报"


@pytest.mark.parametrize(("message", "expected"), [
    ("文件为空 (the file is empty)", "文件为空"),
    ("标题按内容匹配 (headline matched by content)", "标题按内容匹配"),
    ("会议（第二次）召开", "会议（第二次）召开"),
])
def test_english_glosses_are_dropped(message: str, expected: str) -> None:
    assert chinese_only(message) == expected
