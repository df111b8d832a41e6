"""One door in: the admin (upload, worker check, worker publish) and the ``ingest_issues``
command accept and refuse the same files for the same reasons, and store the same articles."""
from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.editing import publishing, uploads, worker
from articles.ingest import NO_DATE, NO_PAPER
from articles.management.commands.ingest_issues import HOW_TO_GIVE_FACTS
from articles.models import Issue, Leader, UploadFile
from tests.factories import make_paper

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
FIRST, SECOND, THIRD = ((SEEDS / name).read_text(encoding="utf-8") for name in
                        ("000_1812f75c900816aa.txt", "001_515307324d6a1a31.txt", "002_778e32bed2a44957.txt"))
HEADER = "2025年4月18日 星期五 第2版 要闻\n"

# (file name, bytes, what both doors must do: ("stored", paper, date, page) or ("refused", reason part))
FILES = [
    ("崇明报_2025-04-19_01.txt", FIRST.encode(), ("stored", "崇明报", "2025-04-19", "01")),
    ("崇明报_02.txt", (HEADER + SECOND).encode("gb18030"), ("stored", "崇明报", "2025-04-18", "02")),
    ("2025-04-17_03.txt", ("崇明报\n" + THIRD).encode(), ("stored", "崇明报", "2025-04-17", "03")),
    ("scan.pdf", b"%PDF-1.4\x00\x01\x02binary", ("refused", "二进制")),
    ("empty.txt", b"   \n", ("refused", "文件只有空白字符")),
    ("崇明报_04.txt", SECOND.encode(), ("refused", NO_DATE)),
    # Trailing newlines make each file's bytes its own: the same bytes twice are one issue.
    ("0001.txt", (FIRST + "\n").encode(), ("refused", NO_PAPER)),
    ("崇明报_2025-02-30_01.txt", (FIRST + "\n\n").encode(), ("refused", "文件名中的日期 2025-02-30 不存在")),
    ("崇明报_2999-01-01_01.txt", (FIRST + "\n\n\n").encode(), ("refused", "2999-01-01 在今天之后")),
]


def stored_articles() -> dict[str, tuple]:
    """Each stored issue by file name: its facts and its articles' titles and bodies."""
    return {
        issue.original_filename: (issue.paper.name, issue.issue_date.isoformat(), issue.page, issue.encoding,
                                  [(a.title, a.body) for a in issue.articles.order_by("position")])
        for issue in Issue.objects.select_related("paper")
    }


def through_admin(user: User, settings) -> tuple[dict[str, tuple], dict[str, tuple]]:  # noqa: ANN001
    settings.NEWSARCHIVE_BACKGROUND = True
    upload = uploads.stage_upload(files=[(n, d, len(d)) for n, d, _ in FILES], user=user)
    while worker.process_next():
        pass
    publishing.request_publish(upload, user=user)
    while worker.process_next():
        pass
    outcomes = {}
    for f in upload.files.all():
        if f.status == UploadFile.REJECTED:
            outcomes[f.filename] = ("refused", f.message)
        else:
            assert f.status == UploadFile.NEW, (f.filename, f.status, f.message)
            outcomes[f.filename] = ("stored", f.paper_name, f.issue_date.isoformat(), f.page)
    return outcomes, stored_articles()


def through_command(folder: Path) -> tuple[dict[str, tuple], dict[str, tuple]]:
    for name, data, _ in FILES:
        (folder / name).write_bytes(data)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("ingest_issues", str(folder), stdout=StringIO(), stderr=err)
    outcomes = {}
    for line in err.getvalue().splitlines():
        path, reason = re.fullmatch(r"失败 (.+?): (.+)", line).groups()
        outcomes[Path(path).name] = ("refused", reason.removesuffix(f" {HOW_TO_GIVE_FACTS}"))
    for issue in Issue.objects.select_related("paper"):
        outcomes[issue.original_filename] = ("stored", issue.paper.name, issue.issue_date.isoformat(), issue.page)
    return outcomes, stored_articles()


@pytest.mark.django_db
def test_both_doors_accept_and_refuse_the_same_files_for_the_same_reasons(tmp_path: Path, settings) -> None:  # noqa: ANN001
    make_paper(name="崇明报", slug="chongming")
    editor = User.objects.create_superuser("editor", password="pw-editor-123")

    admin_outcomes, admin_articles = through_admin(editor, settings)
    Issue.objects.all().delete()
    Leader.objects.all().delete()  # leaders known to the second door would sharpen its parse
    command_outcomes, command_articles = through_command(tmp_path)

    assert admin_outcomes == command_outcomes
    assert admin_articles == command_articles
    for name, _, expected in FILES:
        kind, detail = admin_outcomes[name][0], admin_outcomes[name][1:]
        assert kind == expected[0], name
        if kind == "stored":
            assert detail == expected[1:], name
        else:
            assert expected[1] in detail[0], name
            assert not re.search(r"[A-Za-z]{4,}", detail[0].replace("YYYY-MM-DD", "").replace("manifest", "")), detail
