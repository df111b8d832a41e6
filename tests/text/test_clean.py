"""Line-level cleanup: spurious spaces, sentence ends, reflow, layout detection."""
from __future__ import annotations

import pytest

from articles.text.clean import (
    column_width,
    ends_mid_sentence,
    ends_sentence,
    is_hard_wrapped,
    join_wrapped,
    remove_spurious_spaces,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("吴金 华", "吴金华"),
        ("上海市金 山区", "上海市金山区"),
        ("4 月 17 日至 18 日", "4月17日至18日"),
        ("培训 472 名，", "培训472名，"),
        ("“作 为女性”", "“作为女性”"),
        ("打 造 10 支队伍", "打造10支队伍"),
        ("5G Wi-Fi 2020 2021", "5G Wi-Fi 2020 2021"),
        ("全角\u3000空格", "全角空格"),
        ("第一行 \n 第二行", "第一行\n第二行"),
    ],
)
def test_remove_spurious_spaces(raw: str, clean: str) -> None:
    assert remove_spurious_spaces(raw) == clean


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("会议召开。", True),
        ("大家都说好！", True),
        ("“这是我们应该做的。”", True),
        ("贡献力量.", True),
        ("“大家书屋”", False),
        ("要坚决守牢耕地保护红线，", False),
        ("区政府召开常务会议", False),
        ("", False),
    ],
)
def test_ends_sentence(line: str, expected: bool) -> None:
    assert ends_sentence(line) is expected


@pytest.mark.parametrize(("line", "expected"), [("关于教学管理、", True), ("深度链接，", True), ("链接。", False)])
def test_ends_mid_sentence(line: str, expected: bool) -> None:
    assert ends_mid_sentence(line) is expected


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["区委书记缪", "京出席"], "区委书记缪京出席"),
        (["  开头有空格", "结尾 "], "开头有空格结尾"),
        (["Wi-Fi", "hotspot"], "Wi-Fi hotspot"),
        (["共 2024", "年"], "共 2024年"),
        ([], ""),
    ],
)
def test_join_wrapped(lines: list[str], joined: str) -> None:
    assert join_wrapped(lines) == joined


def test_layout_detection() -> None:
    narrow = ["本报讯 五月三日，桃源县召", "开春季农业生产工作会议。县", "委副书记出席。"]
    wide = ["五月三日，桃源县召开春季农业生产工作会议，部署当前农业生产工作，县委副书记出席会议并讲话。"] * 3
    assert is_hard_wrapped(narrow)
    assert not is_hard_wrapped(wide)
    short_paragraphs = [
        "桃源县召开会议",
        "记者 周明",
        "五月三日，会议召开，县长出席并讲话。",
        "会议要求，各乡镇要压实责任，落实好各项惠农政策，确保春播顺利推进。",
        "一、聚焦群众需求",
        "县里组建了二十支志愿服务队伍，深入村组开展服务，受到群众欢迎。",
        "据了解，全县已建成实践站点一百余个。",
    ]
    assert not is_hard_wrapped(short_paragraphs)
    assert column_width([]) == 0.0
    assert not is_hard_wrapped([])
