"""The background worker: queued uploads are checked and published from PostgreSQL, and a
worker killed in the middle of a job loses nothing."""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import psycopg2
from django.contrib.auth.models import User
from django.db import connection, connections
from django.test import TestCase, TransactionTestCase, override_settings
from django.urls import reverse

from articles.editing import publishing, uploads, worker
from articles.models import Event, Issue, PendingUpload, UploadFile
from tests.factories import make_paper

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
CHONGMING = (SEEDS / "000_1812f75c900816aa.txt").read_bytes()
NAME = "崇明报_2025-04-19_01.txt"


def queue(*files: tuple[str, bytes], user: User) -> PendingUpload:
    return uploads.stage_upload(files=[(n, d, len(d)) for n, d in files], user=user)


@override_settings(NEWSARCHIVE_BACKGROUND=True)
class QueueTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        make_paper(name="崇明报", slug="chongming")
        cls.editor = User.objects.create_superuser("boss", password="pw-boss-123")

    def test_an_upload_is_stored_and_queued_then_checked_by_the_worker(self) -> None:
        upload = queue((NAME, CHONGMING), ("空白.txt", b""), user=self.editor)
        self.assertEqual(sorted(upload.files.values_list("status", flat=True)), [UploadFile.QUEUED] * 2)
        self.assertEqual(upload.files.get(filename=NAME).preview, [])
        self.assertTrue(worker.process_next())
        self.assertTrue(worker.process_next())
        self.assertFalse(worker.process_next())
        good, empty = upload.files.get(filename=NAME), upload.files.get(filename="空白.txt")
        self.assertEqual(good.status, UploadFile.PENDING)
        self.assertTrue(good.preview)
        self.assertEqual((empty.status, empty.message), (UploadFile.REJECTED, "不是可读的文本文件：文件为空"))
        self.assertFalse(Issue.objects.exists())

    def test_publishing_is_queued_and_done_by_the_worker_as_the_editor(self) -> None:
        upload = queue((NAME, CHONGMING), user=self.editor)
        worker.process_next()
        self.assertEqual(publishing.request_publish(upload, user=self.editor), 1)
        self.assertEqual(upload.files.get().status, UploadFile.PUBLISHING)
        self.assertFalse(Issue.objects.exists())
        self.assertTrue(worker.process_next())
        upload_file = upload.files.get()
        self.assertEqual(upload_file.status, UploadFile.NEW)
        self.assertEqual(Issue.objects.get().pk, upload_file.issue_id_copy)
        self.assertEqual(Event.objects.get(action="publish").username, "boss")
        upload.refresh_from_db()
        self.assertEqual(upload.status, PendingUpload.PUBLISHED)

    def test_an_upload_of_only_bad_files_is_closed_once_checked(self) -> None:
        upload = queue(("空白.txt", b" "), user=self.editor)
        worker.process_next()
        upload.refresh_from_db()
        self.assertEqual(upload.status, PendingUpload.DISCARDED)

    def test_the_admin_pages_queue_and_show_the_queue(self) -> None:
        self.client.force_login(self.editor)
        upload = queue((NAME, CHONGMING), user=self.editor)
        review = reverse("admin:articles_pendingupload_review", args=[upload.pk])
        page = self.client.get(review)
        self.assertContains(page, "排队检查中")
        self.assertContains(page, 'http-equiv="refresh"')
        worker.process_next()
        self.assertNotContains(self.client.get(review), 'http-equiv="refresh"')
        self.client.post(reverse("admin:articles_pendingupload_publish", args=[upload.pk]))
        self.assertEqual(upload.files.get().status, UploadFile.PUBLISHING)
        self.assertContains(self.client.get(review), "排队发布中")
        worker.process_next()
        self.assertEqual(upload.files.get().status, UploadFile.NEW)


def _work_once() -> None:
    """In a forked child: take one job (it will wait on the lock the test holds)."""
    worker.process_next()


@override_settings(NEWSARCHIVE_BACKGROUND=True)
class KilledWorkerTests(TransactionTestCase):
    def test_a_worker_killed_mid_publish_loses_nothing(self) -> None:
        make_paper(name="崇明报", slug="chongming")
        editor = User.objects.create_superuser("boss", password="pw-boss-123")
        upload = queue((NAME, CHONGMING), user=editor)
        worker.process_next()
        publishing.request_publish(upload, user=editor)

        # Hold the issues table so the worker stops inside its publish transaction.
        blocker = psycopg2.connect(**connection.get_connection_params())
        with blocker.cursor() as cursor:
            cursor.execute("LOCK TABLE articles_issue IN ACCESS EXCLUSIVE MODE")
        connections.close_all()  # the child must open its own connection
        child = multiprocessing.get_context("fork").Process(target=_work_once)
        child.start()
        try:
            backend = _wait_for_backend_waiting_on_a_lock(blocker)
            os.kill(child.pid, signal.SIGKILL)
            child.join()
            # The machine that ran the worker is gone; the server drops its session (as it does
            # when the connection breaks), rolling its transaction back.
            with blocker.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [backend])
            _wait_for_backend_gone(blocker, backend)
        finally:
            blocker.rollback()
            blocker.close()

        upload_file = upload.files.get()
        self.assertEqual(upload_file.status, UploadFile.PUBLISHING)  # still in the queue
        self.assertTrue(bytes(upload_file.raw_bytes))                # bytes kept
        self.assertFalse(Issue.objects.exists())                      # nothing half-written
        self.assertFalse(Event.objects.filter(action="publish").exists())

        self.assertTrue(worker.process_next())                        # the next worker finishes it
        self.assertEqual(upload.files.get().status, UploadFile.NEW)
        self.assertEqual(Issue.objects.count(), 1)
        self.assertEqual(Event.objects.filter(action="publish").count(), 1)


def _wait_for_backend_waiting_on_a_lock(conn) -> int:  # noqa: ANN001
    """Return the pid of the session that waits on a lock (the worker's), polling until it does."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with conn.cursor() as cursor:
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # the view is a snapshot per transaction
            cursor.execute("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                           "AND datname = current_database() AND pid <> pg_backend_pid()")
            row = cursor.fetchone()
        if row:
            return row[0]
        time.sleep(0.05)
    raise AssertionError("the worker never reached the locked table")


def _wait_for_backend_gone(conn, pid: int) -> None:  # noqa: ANN001
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with conn.cursor() as cursor:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid])
            if cursor.fetchone() is None:
                return
        time.sleep(0.05)
    raise AssertionError("the killed worker's session did not end")
