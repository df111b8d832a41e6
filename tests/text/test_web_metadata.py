"""web_metadata: a copied web page's posting, source and footer lines (invented text)."""
from __future__ import annotations

import pytest

from articles.text import noise, web_metadata


@pytest.mark.parametrize(("line", "meta"), [
    ("发布日期:２０２３-０６-２１ １０:５１ 信息来源:某某区人民政府办公室", (2023, 6, 21)),
    ("来源:       发布日期:2024-03-04       浏览次数:", (2024, 3, 4)),
    ("2018-05-09 08:58:13   来源:某某区委宣传部", (2018, 5, 9)),
    ("来源: 区委办浏览量:发表时间:2025-05-14 08:59", (2025, 5, 14)),
    ("2021-05-14 19:25:06 某某融媒", (2021, 5, 14)),
    ("某某县人民政府   2023-07-27 09:07:00", (2023, 7, 27)),
    ("2023年05月03日09:51 | 来源:某某日报", (2023, 5, 3)),  # a posting time written with 年月日
    ("2021年04月20日 15:04  来源:某某日报", (2021, 4, 20)),
    ("2015-11-08   《某某日报》", (2015, 11, 8)),  # the day and the paper it came from
    ("2023年5月3日 某某会议召开", None),
    ("来源:中共某某县委宣传部    时间:2022年03月25日", (2022, 3, 25)),  # the source, then the time
    ("2021-05-14 区委召开会议部署工作", None),
    ("发文单位:某某市政府 时间:2019-10-17", (2019, 10, 17)),  # the issuing office, then the time
    ("123456 发表于 2020-11-20 23:33:19", (2020, 11, 20)),  # a forum post's number and time
    ("近日，区长到某地调研发布时间安排。", None),
    ("区委书记到某地调研", None),
])
def test_web_metadata_lines_are_furniture_and_carry_their_date(line: str, meta) -> None:
    from articles.text.noise import is_page_furniture

    assert is_page_furniture(line) is (meta is not None)
    assert web_metadata.web_metadata_date(line) == meta


@pytest.mark.parametrize("line, date", [
    ("2017年10月23日", (2017, 10, 23)),
    ("2025年03月19日 09:30", (2025, 3, 19)),
    ("日期:2025-04-03", (2025, 4, 3)),
    ("2017年10月23日，县委召开常委会议。", None),
])
def test_a_posting_date_alone_on_its_line_is_web_metadata(line: str, date: tuple | None) -> None:
    assert web_metadata.web_metadata_date(line) == date
    assert noise.is_page_furniture(line) is (date is not None)
