import json
from datetime import date
from pathlib import Path

import pytest

from articles.ingest.sources import ManifestError, collect_sources


def test_folder_files_come_in_name_order_without_manifest_or_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "manifest.json").write_text(json.dumps({"files": {}}))
    assert [s.path.name for s in collect_sources([tmp_path])] == ["a.txt", "b.txt"]


def test_manifest_supplies_paper_date_and_page(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "manifest.json").write_text(
        json.dumps({"files": {"a.txt": {"paper": "崇明报", "date": "2025-04-19", "page": "01"}}})
    )
    [source] = collect_sources([tmp_path])
    assert (source.paper, source.issue_date, source.page) == ("崇明报", date(2025, 4, 19), "01")


def test_a_single_file_is_taken_as_it_is(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text("a")
    assert [s.path for s in collect_sources([file])] == [file]


@pytest.mark.parametrize("content", ["not json", "[]", '{"files": []}', '{"files": {"a.txt": {"date": "2025-13-01"}}}'])
def test_a_broken_manifest_is_a_clear_error(tmp_path: Path, content: str) -> None:
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "manifest.json").write_text(content)
    with pytest.raises(ManifestError):
        collect_sources([tmp_path])


def test_sample_manifest_names_every_sample_file() -> None:
    folder = Path(__file__).resolve().parents[2] / "sample_data"
    sources = collect_sources([folder])
    assert len(sources) == 5
    assert all(s.paper and s.issue_date for s in sources)
