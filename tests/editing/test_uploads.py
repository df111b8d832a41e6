"""Staged uploads: checks before storing, facts, review previews, fixing a file's facts."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from unittest import mock

from django.contrib.auth.models import User
from django.test import TestCase, override_settings

from articles.editing import uploads
from articles.ingest import Hints
from articles.models import Event, PendingUpload, UploadFile
from tests.factories import make_paper

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
CHONGMING = (SEEDS / "000_1812f75c900816aa.txt").read_bytes()
QINGPU = (SEEDS / "001_515307324d6a1a31.txt").read_bytes()
NAME = "崇明报_2025-04-19_01.txt"


def stage(*files: tuple[str, bytes], user: User | None = None, **defaults) -> PendingUpload:
    return uploads.stage_upload(files=[(n, d, len(d)) for n, d in files], user=user,
                                defaults=Hints(**defaults))


class CleanFilenameTests(TestCase):
    CASES = [
        ("plain", "崇明报_2025-04-19_01.txt", "崇明报_2025-04-19_01.txt"),
        ("unix path", "../../etc/passwd", "passwd"),
        ("windows path", "C:\\Users\\x\\崇明报.txt", "崇明报.txt"),
        ("hidden", ".htaccess", "htaccess"),
        ("control characters", "a\x00b\nc.txt", "abc.txt"),
        ("empty", "", "未命名文件"),
    ]

    def test_cases(self) -> None:
        for label, raw, expected in self.CASES:
            with self.subTest(label):
                self.assertEqual(uploads.clean_filename(raw), expected)

    def test_long_names_are_capped_keeping_the_extension(self) -> None:
        cleaned = uploads.clean_filename("长" * 300 + ".txt")
        self.assertEqual(len(cleaned), uploads.MAX_FILENAME)
        self.assertTrue(cleaned.endswith(".txt"))


class StageUploadTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.paper = make_paper(name="崇明报", slug="chongming")
        make_paper(name="青浦报", slug="qingpu")
        cls.editor = User.objects.create_user("editor", is_staff=True)

    def test_each_bad_file_gets_its_reason_and_the_good_one_goes_on(self) -> None:
        upload = stage(
            (NAME, CHONGMING),
            ("scan.pdf", b"%PDF-1.4\x00\x01\x02binary"),
            ("empty.txt", b"   \n"),
            ("未知报_2025-04-19_01.txt", CHONGMING),
            ("崇明报_2025-02-30_01.txt", CHONGMING),
            ("崇明报_2999-01-01_01.txt", CHONGMING),
            user=self.editor,
        )
        files = {f.filename: f for f in upload.files.all()}
        self.assertEqual(files[NAME].status, UploadFile.PENDING)
        self.assertIn("二进制", files["scan.pdf"].message)
        self.assertIn("空白", files["empty.txt"].message)
        self.assertIn("未知报纸“未知报”", files["未知报_2025-04-19_01.txt"].message)
        self.assertIn("2025-02-30", files["崇明报_2025-02-30_01.txt"].message)
        self.assertIn("今天之后", files["崇明报_2999-01-01_01.txt"].message)
        rejected = [f for f in files.values() if f.status == UploadFile.REJECTED]
        self.assertEqual(len(rejected), 5)
        unreadable = [files["scan.pdf"], files["empty.txt"]]
        self.assertTrue(all(bytes(f.raw_bytes) == b"" for f in unreadable), "unreadable bytes are not stored")
        # Refused only for paper or date: kept until the upload closes, so review can fix them.
        self.assertTrue(all(f.can_fix for f in rejected if f not in unreadable))
        self.assertEqual(upload.status, PendingUpload.PENDING)

    @override_settings(NEWSARCHIVE_UPLOAD_MAX_BYTES=1000)
    def test_a_file_over_the_limit_is_rejected_by_size(self) -> None:
        upload = stage((NAME, CHONGMING))
        self.assertIn("文件过大", upload.files.get().message)

    def test_facts_come_from_the_name_then_the_form(self) -> None:
        upload = stage((NAME, CHONGMING), ("000.txt", QINGPU), paper="青浦报", issue_date=date(2025, 3, 13))
        named, unnamed = upload.files.order_by("position")
        self.assertEqual((named.paper_name, named.issue_date, named.page), ("崇明报", date(2025, 4, 19), "01"))
        self.assertEqual((unnamed.paper_name, unnamed.issue_date), ("青浦报", date(2025, 3, 13)))

    def test_what_the_editor_set_for_a_file_wins_over_its_name(self) -> None:
        upload = uploads.stage_upload(
            files=[(NAME, CHONGMING, len(CHONGMING)), ("崇明报_2025-02-30.txt", CHONGMING, len(CHONGMING))],
            user=None,
            per_file=[Hints(paper="青浦报", issue_date=date(2025, 4, 18), page="03"),
                      Hints(paper="崇明报", issue_date=date(2025, 2, 28))],
        )
        first, second = upload.files.order_by("position")
        self.assertEqual((first.paper_name, first.issue_date, first.page), ("青浦报", date(2025, 4, 18), "03"))
        self.assertEqual((second.status, second.issue_date), (UploadFile.PENDING, date(2025, 2, 28)))

    def test_preview_lists_articles_in_order_with_warnings(self) -> None:
        upload_file = stage((NAME, CHONGMING)).files.get()
        self.assertGreater(len(upload_file.preview), 1)
        self.assertEqual([a["position"] for a in upload_file.preview], list(range(1, len(upload_file.preview) + 1)))
        first = upload_file.preview[0]
        self.assertTrue({"title", "byline", "event_date", "district", "leaders", "warnings"} <= first.keys())

    def test_an_unseen_leader_is_flagged(self) -> None:
        parsed_leader = mock.Mock(name="m")
        parsed_leader.name, parsed_leader.titles = "王小二", ["区长"]
        article = mock.Mock(warnings=[], continues_elsewhere=True, continued_from_elsewhere=False,
                            event_date=None, leaders=[parsed_leader])
        notes = uploads.article_warnings(article, known={"张三"})
        self.assertIn("新领导（此前未见）：王小二", notes)
        self.assertIn("未找到事件日期", notes)
        self.assertIn("文章在本版未完（转下版）", notes)

    def test_the_upload_is_logged_with_every_file(self) -> None:
        upload = stage((NAME, CHONGMING), ("x.bin", b"\x00\x01"), user=self.editor)
        event = Event.objects.get(action="upload", object_id=str(upload.pk))
        self.assertEqual(event.username, "editor")
        self.assertEqual([f["name"] for f in event.details["files"]], [NAME, "x.bin"])

    def test_editing_a_files_facts_analyses_it_again(self) -> None:
        upload_file = stage(("000.txt", CHONGMING), paper="青浦报", issue_date=date(2025, 4, 1)).files.get()
        uploads.update_file_facts(upload_file, paper="崇明报", issue_date=date(2025, 4, 19), page="02", user=self.editor)
        upload_file.refresh_from_db()
        self.assertEqual((upload_file.paper_name, upload_file.issue_date, upload_file.page),
                         ("崇明报", date(2025, 4, 19), "02"))
