"""Publishing staged files: atomic, idempotent, replacements confirmed, failures leave nothing, discard."""
from __future__ import annotations

from unittest import mock

from django.contrib.auth.models import User
from django.test import TestCase, TransactionTestCase

from articles.editing import publishing
from articles.models import Article, Event, Issue, PendingUpload, UploadFile
from tests.editing.test_uploads import CHONGMING, NAME, stage
from tests.factories import make_paper
from tests.concurrency import run_together


class PublishTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        make_paper(name="崇明报", slug="chongming")
        cls.editor = User.objects.create_user("editor", is_staff=True)

    def test_publish_creates_the_issue_and_logs_it(self) -> None:
        upload = stage((NAME, CHONGMING), user=self.editor)
        (published,) = publishing.publish_upload(upload, user=self.editor)
        self.assertEqual(published.status, UploadFile.NEW)
        issue = Issue.objects.get()
        self.assertEqual(published.issue_id_copy, issue.pk)
        self.assertEqual(issue.articles.count(), published.articles)
        self.assertEqual(bytes(published.raw_bytes), b"", "the staged copy is dropped once published")
        self.assertTrue(Event.objects.filter(action="publish", object_id=str(issue.pk), username="editor").exists())
        upload.refresh_from_db()
        self.assertEqual(upload.status, PendingUpload.PUBLISHED)

    def test_the_same_file_again_is_a_no_op_that_says_so(self) -> None:
        publishing.publish_upload(stage((NAME, CHONGMING)), user=self.editor)
        article_ids = set(Article.objects.values_list("pk", flat=True))
        again = stage((NAME, CHONGMING))
        self.assertIn("完全相同", again.files.get().message)
        (result,) = publishing.publish_upload(again, user=self.editor)
        self.assertEqual(result.status, UploadFile.UNCHANGED)
        self.assertIn("完全相同", result.message)
        self.assertEqual(Issue.objects.count(), 1)
        self.assertEqual(set(Article.objects.values_list("pk", flat=True)), article_ids)

    def test_a_replacement_waits_for_confirmation_and_keeps_unchanged_permalinks(self) -> None:
        publishing.publish_upload(stage((NAME, CHONGMING)), user=self.editor)
        before = {a.content_hash: a.pk for a in Article.objects.all()}
        corrected = CHONGMING.replace("本报讯".encode(), "本报消息".encode(), 1)
        upload = stage((NAME, corrected))
        (waiting,) = publishing.publish_upload(upload, user=self.editor)
        self.assertEqual(waiting.status, UploadFile.PENDING)
        self.assertIn("请确认替换", waiting.message)
        (replaced,) = publishing.publish_upload(upload, user=self.editor, confirm_replace=True)
        self.assertEqual(replaced.status, UploadFile.REPLACED)
        self.assertEqual(Issue.objects.count(), 1)
        after = {a.content_hash: a.pk for a in Article.objects.all()}
        unchanged = set(before) & set(after)
        self.assertTrue(unchanged)
        self.assertTrue(all(before[h] == after[h] for h in unchanged))
        self.assertTrue(Event.objects.filter(action="replace").exists())

    def test_a_failed_publish_leaves_no_rows(self) -> None:
        upload = stage((NAME, CHONGMING), user=self.editor)
        with mock.patch("articles.ingest.sync.write_search_fields", side_effect=[None, None, RuntimeError("boom")]):
            with self.assertRaises(RuntimeError):
                publishing.publish_upload(upload, user=self.editor)
        self.assertFalse(Issue.objects.exists())
        self.assertFalse(Article.objects.exists())
        self.assertFalse(Event.objects.filter(action="publish").exists())
        self.assertEqual(upload.files.get().status, UploadFile.PENDING)

    def test_a_database_error_marks_the_file_failed_and_writes_nothing(self) -> None:
        from django.db import DatabaseError
        upload = stage((NAME, CHONGMING), user=self.editor)
        with mock.patch("articles.ingest.sync.write_search_fields", side_effect=[None, DatabaseError("disk full")]):
            (result,) = publishing.publish_upload(upload, user=self.editor)
        self.assertEqual(result.status, UploadFile.FAILED)
        self.assertIn("未写入任何内容", result.message)
        self.assertFalse(Issue.objects.exists())
        self.assertFalse(Article.objects.exists())

    def test_discard_drops_the_bytes_and_keeps_the_report(self) -> None:
        upload = stage((NAME, CHONGMING), user=self.editor)
        publishing.discard_upload(upload, user=self.editor)
        upload.refresh_from_db()
        self.assertEqual(upload.status, PendingUpload.DISCARDED)
        upload_file = upload.files.get()
        self.assertEqual(upload_file.status, UploadFile.DISCARDED)
        self.assertEqual(bytes(upload_file.raw_bytes), b"")
        self.assertFalse(Issue.objects.exists())
        self.assertTrue(Event.objects.filter(action="discard").exists())


class ConcurrentPublishTests(TransactionTestCase):
    """Two uploads of the same file published at the same moment make one issue."""

    def test_two_simultaneous_publishes_create_one_issue(self) -> None:
        make_paper(name="崇明报", slug="chongming")
        editor = User.objects.create_user("editor", is_staff=True)
        first, second = stage((NAME, CHONGMING), user=editor), stage((NAME, CHONGMING), user=editor)
        batches, errors = run_together(*(lambda u=u: publishing.publish_upload(u, user=editor) for u in (first, second)))
        results = [f for batch in batches for f in batch]
        self.assertEqual(errors, [])
        self.assertEqual(Issue.objects.count(), 1)
        self.assertEqual(sorted(r.status for r in results), [UploadFile.NEW, UploadFile.UNCHANGED])
        issue = Issue.objects.get()
        self.assertEqual(Article.objects.filter(issue=issue).count(), issue.articles.count())


class DoubleClickPublishTests(TransactionTestCase):
    """Three publishes of one upload at the same moment (a double click) publish it once."""

    def test_three_parallel_publishes_of_one_upload_publish_once_and_log_once(self) -> None:
        make_paper(name="崇明报", slug="chongming")
        editor = User.objects.create_user("editor", is_staff=True)
        upload = stage((NAME, CHONGMING), user=editor)
        _, errors = run_together(
            *[lambda: publishing.publish_upload(PendingUpload.objects.get(pk=upload.pk), user=editor)] * 3
        )
        self.assertEqual(errors, [])
        upload_file = upload.files.get()
        self.assertEqual(upload_file.status, UploadFile.NEW)
        self.assertIn("已发布为版面", upload_file.message)
        self.assertEqual(Issue.objects.count(), 1)
        self.assertEqual(list(Event.objects.exclude(action="upload").values_list("action", flat=True)), ["publish"])
        upload.refresh_from_db()
        self.assertEqual(upload.status, PendingUpload.PUBLISHED)
