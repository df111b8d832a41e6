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
    wrap_width,
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
        ("相关负责人参加会议。（赵文明）", True),
        ("作队队员。（记者 孔雪 姜欣玉）", True),
        ("召开主任（扩大）", False),
        ("（赵文明）", False),
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
        # a number cut by the wrap is one number again
        (["某某区召开20", "24年一季度会议"], "某某区召开2024年一季度会议"),
        (["投资超3", "20亿元"], "投资超320亿元"),
        (["提升4", "0%"], "提升40%"),
        # a word and a number across the break stay apart
        (["型号 A", "100 上市"], "型号 A 100 上市"),
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


def _wrapped(width: int, paragraphs: int = 6) -> list[str]:
    text = "某某镇组织干部群众开展环境整治，清理河道垃圾，修补破损道路，让村庄面貌焕然一新。" * 2
    lines = []
    for _ in range(paragraphs):
        lines += [text[i:i + width] for i in range(0, len(text), width)]
    return lines


@pytest.mark.parametrize(("lines", "expected"), [
    (_wrapped(10), 10),
    (_wrapped(18), 18),
    # a crowded page: furniture, headlines and short items around a clear column peak
    (["某某日报 2025年4月3日", "导读", "某某镇春耕忙", "详见第2版", "记者 张三"] + _wrapped(18, 2), 18),
    (_wrapped(28), 28),
    (_wrapped(36), 36),
    # one line per paragraph, each about as long as the next: the lines end their sentences
    (["某某镇召开会议", "记者 张三"] + ["某某镇组织干部群众开展环境整治，清理河道垃圾，让村庄面貌焕然一新。"] * 6, None),
    # one line per paragraph: many lines far longer than any column
    (["某某镇召开会议", "记者 张三"] + ["某某镇组织干部群众开展环境整治，清理河道垃圾，修补破损道路，让村庄面貌焕然一新。"] * 4, None),
    # a tiny page of headlines and one long paragraph is not a narrow column
    (["某某镇新建驿站投用", "5月6日，某某镇首个户外劳动者驿站投用，提供饮水、充电等服务。", "▲图为驿站内景。",
      "（张三 摄）", "某某街道举办邻里节", "5月7日，某某街道举办邻里节。"], None),
])
def test_wrap_width(lines: list[str], expected: int | None) -> None:
    from articles.text.clean import wrap_width

    assert wrap_width(lines) == expected


def test_a_ragged_column_cut_mid_sentence_is_hard_wrapped_at_its_centre() -> None:
    prose = ("5月6日上午，县委书记王建福带队到某某镇调研乡村振兴工作，先后察看了某某村的蔬菜大棚、"
             "村史馆和污水处理站，详细了解产业发展、人居环境整治等情况。王建福指出，要坚持以人民为中心，"
             "把群众的急难愁盼放在心上，因地制宜发展特色产业，持续改善农村人居环境，让群众得到更多实惠。"
             "县领导刘涛、周平陪同调研，某某镇、县农业农村局等单位负责人参加。") * 2
    widths, lines, pos = [14, 15, 18, 16, 14, 17, 18, 15, 14, 16, 18, 17, 14, 15], ["王建福到某某镇调研"], 0
    while pos < len(prose):  # lines of 14 to 18 characters, no one width most of them
        width = widths[len(lines) % len(widths)]
        lines.append(prose[pos:pos + width])
        pos += width
    assert wrap_width([*lines, "某某县召开会议", "记者 周平"]) == 16


def test_paragraphs_of_scattered_lengths_ending_their_sentences_are_not_a_ragged_column() -> None:
    lines = ["某某县召开安全生产工作会议。", "会议要求各乡镇做好防汛准备工作。", "县长刘涛出席会议并讲话。",
             "王建福主持会议。", "各部门负责人参加会议并作表态发言。", "会议还研究了其他事项。"] * 2
    assert wrap_width(lines) is None
