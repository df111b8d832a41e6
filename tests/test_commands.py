"""The command-line interfaces: parse_issue, ingest_issues, reprocess."""
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, Issue

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "seeds"


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_parse_issue_prints_the_scored_json_shape() -> None:
    out, _ = run("parse_issue", str(SEEDS / "000_1812f75c900816aa.txt"), "--json")
    doc = json.loads(out)
    assert doc["encoding"] == "utf-8"
    assert doc["articles"]
    article = doc["articles"][0]
    for key in ("title", "subtitle", "byline", "body", "event_date", "district", "leaders",
                "continues_elsewhere", "continued_from_elsewhere"):
        assert key in article
    assert all(set(m) == {"name", "titles"} for a in doc["articles"] for m in a["leaders"])


def test_parse_issue_rejects_a_binary_file_clearly(tmp_path: Path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)))
    with pytest.raises(CommandError, match="x.bin"):
        run("parse_issue", str(binary), "--json")


@pytest.fixture
def messy_folder(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "sample_data", tmp_path / "in")
    folder = tmp_path / "in"
    (folder / "zz_binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (folder / "zz_empty.txt").write_bytes(b"")
    shutil.copy(folder / "000_1812f75c900816aa.txt", folder / "zz_duplicate.txt")
    return folder


@pytest.mark.django_db
def test_ingest_folder_stores_good_files_once_and_names_the_bad_ones(messy_folder: Path) -> None:
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="2"):
        call_command("ingest_issues", str(messy_folder), stdout=out, stderr=err)
    assert Issue.objects.count() == 5
    assert "zz_binary.txt" in err.getvalue() and "zz_empty.txt" in err.getvalue()
    assert "zz_duplicate.txt" not in err.getvalue()
    assert "new 5" in out.getvalue() and "unchanged 1" in out.getvalue() and "failed 2" in out.getvalue()


@pytest.mark.django_db
def test_ingest_twice_ingests_nothing_twice() -> None:
    run("ingest_issues", str(ROOT / "sample_data"))
    articles = Article.objects.count()
    out, _ = run("ingest_issues", str(ROOT / "sample_data"))
    assert "unchanged 5" in out
    assert (Issue.objects.count(), Article.objects.count()) == (5, articles)


@pytest.mark.django_db
def test_ingest_a_file_without_paper_fails_with_how_to_fix_it(tmp_path: Path) -> None:
    file = tmp_path / "000.txt"
    shutil.copy(SEEDS / "000_1812f75c900816aa.txt", file)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("ingest_issues", str(file), stdout=StringIO(), stderr=err)
    assert "--paper" in err.getvalue()
    assert not Issue.objects.exists()


@pytest.mark.django_db
def test_reprocess_all_keeps_the_articles() -> None:
    run("ingest_issues", str(ROOT / "sample_data"))
    ids = sorted(Article.objects.values_list("pk", flat=True))
    out, _ = run("reprocess", "--all")
    assert "5" in out
    assert sorted(Article.objects.values_list("pk", flat=True)) == ids


@pytest.mark.django_db
def test_reprocess_needs_all_or_ids() -> None:
    with pytest.raises(CommandError):
        run("reprocess")
