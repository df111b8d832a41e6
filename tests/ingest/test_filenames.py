from datetime import date

import pytest

from articles.ingest.filenames import FileNameFacts, parse_filename

CASES = [
    ("paper date page", "崇明报_2025-04-19_01.txt", FileNameFacts("崇明报", date(2025, 4, 19), "01")),
    ("no page", "青浦报_2025-03-13.txt", FileNameFacts("青浦报", date(2025, 3, 13), None)),
    ("any order", "2020-12-30_金山报_2.txt", FileNameFacts("金山报", date(2020, 12, 30), "02")),
    ("compact date", "金山报_20201230_第3版.txt", FileNameFacts("金山报", date(2020, 12, 30), "03")),
    ("directory is ignored", "/tmp/x/崇明报_2025-04-19_01.txt", FileNameFacts("崇明报", date(2025, 4, 19), "01")),
    ("hash name says nothing", "000_1812f75c900816aa.txt", FileNameFacts(None, None, None)),
    ("impossible date", "崇明报_2025-02-30_01.txt", FileNameFacts("崇明报", None, "01")),
]


@pytest.mark.parametrize(("name", "filename", "expected"), CASES, ids=[c[0] for c in CASES])
def test_parse_filename(name: str, filename: str, expected: FileNameFacts) -> None:
    assert parse_filename(filename) == expected
