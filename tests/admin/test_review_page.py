"""The editor's review page and admin front page (issue 10, Editor): what an editor sees and can fix."""
from __future__ import annotations

import re
from pathlib import Path

from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse

from articles.editing import publishing, uploads
from articles.ingest import ingest_issue
from articles.models import Event, PendingUpload, UploadFile
from tests.factories import make_paper

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
CHONGMING = (SEEDS / "000_1812f75c900816aa.txt").read_bytes()
QINGPU = (SEEDS / "001_515307324d6a1a31.txt").read_bytes()
NAME = "崇明报_2025-04-19_01.txt"


def stage(name: str, data: bytes, user: User) -> PendingUpload:
    return uploads.stage_upload(files=[(name, data, len(data))], user=user)


class ReviewPageTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        make_paper(name="崇明报", slug="chongming")
        make_paper(name="青浦报", slug="qingpu")
        cls.editor = User.objects.create_superuser("boss", password="pw-boss-123")

    def setUp(self) -> None:
        self.client.force_login(self.editor)

    def review(self, upload: PendingUpload) -> str:
        response = self.client.get(reverse("admin:articles_pendingupload_review", args=[upload.pk]))
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_the_date_field_shows_the_date_in_iso_form(self) -> None:
        page = self.review(stage(NAME, CHONGMING, self.editor))
        self.assertRegex(page, r'<input type="date" name="f\d+-issue_date" value="2025-04-19"')

    def test_warnings_are_one_chinese_line_per_article(self) -> None:
        upload = stage(NAME, CHONGMING, self.editor)
        preview = upload.files.get().preview
        notes = [w for a in preview for w in a["warnings"]]
        self.assertTrue(notes)
        self.assertFalse([w for w in notes if re.search(r"[A-Za-z]{3,}", w)], "no English glosses")
        page = self.review(upload)
        self.assertNotIn('<ul class="warnings">', page)
        cells = re.findall(r'<td class="warnings">(.*?)</td>', page)
        self.assertEqual(len(cells), len(preview))
        self.assertTrue(all("<" not in cell for cell in cells), "one plain line per article")

    def test_a_replacement_to_confirm_is_a_warning_beside_its_own_checkbox(self) -> None:
        ingest_issue(CHONGMING, filename=NAME)
        upload = stage(NAME, CHONGMING.replace("崇明".encode(), "崇明岛".encode(), 1), self.editor)
        upload_file = upload.files.get()
        page = self.review(upload)
        self.assertRegex(page, r'class="replace-warning file-message"><label><input type="checkbox" '
                               rf'name="confirm_replace" value="{upload_file.pk}" form="publish-form"')
        response = self.client.post(reverse("admin:articles_pendingupload_publish", args=[upload.pk]), follow=True)
        levels = [m.level_tag for m in response.context["messages"]]
        self.assertEqual(levels, ["warning"], "not a green success")
        upload_file.refresh_from_db()
        self.assertEqual(upload_file.status, UploadFile.PENDING)
        self.client.post(reverse("admin:articles_pendingupload_publish", args=[upload.pk]),
                         {"confirm_replace": str(upload_file.pk)})
        upload_file.refresh_from_db()
        self.assertEqual(upload_file.status, UploadFile.REPLACED)

    def test_a_file_refused_for_its_paper_and_date_is_fixed_in_review(self) -> None:
        upload = stage("扫描件.txt", QINGPU, self.editor)
        upload_file = upload.files.get()
        self.assertEqual((upload_file.status, upload.status), (UploadFile.REJECTED, PendingUpload.PENDING))
        page = self.review(upload)
        self.assertIn(reverse("admin:articles_pendingupload_facts", args=[upload.pk, upload_file.pk]), page)
        prefix = f"f{upload_file.pk}"
        self.client.post(reverse("admin:articles_pendingupload_facts", args=[upload.pk, upload_file.pk]), {
            f"{prefix}-paper": "青浦报", f"{prefix}-issue_date": "2025-03-13", f"{prefix}-page": "01"})
        upload_file.refresh_from_db()
        self.assertEqual((upload_file.status, upload_file.paper_name, str(upload_file.issue_date)),
                         (UploadFile.PENDING, "青浦报", "2025-03-13"))
        self.assertTrue(upload_file.preview)

    def test_an_unchanged_reupload_reports_the_counts_of_the_stored_issue(self) -> None:
        first = stage(NAME, CHONGMING, self.editor)
        (published,) = publishing.publish_upload(first, user=self.editor)
        self.assertGreater(published.leaders, 0)
        again = stage(NAME, CHONGMING, self.editor)
        (unchanged,) = publishing.publish_upload(again, user=self.editor)
        self.assertEqual(unchanged.status, UploadFile.UNCHANGED)
        self.assertEqual((unchanged.articles, unchanged.leaders), (published.articles, published.leaders))
        event = Event.objects.filter(action="unchanged").get()
        self.assertEqual((event.details["articles"], event.details["leaders"]), (published.articles, published.leaders))

    def test_the_admin_index_opens_with_the_upload_action_and_the_uploads_waiting(self) -> None:
        stage(NAME, CHONGMING, self.editor)
        stage("青浦报_2025-03-13_01.txt", QINGPU, self.editor)
        page = self.client.get(reverse("admin:index")).content.decode()
        self.assertLess(page.index('id="upload-action"'), page.index('class="app-articles'))
        self.assertIn("2 个上传待审核", page)

    def test_the_event_log_reads_as_chinese_sentences_with_links(self) -> None:
        upload = stage(NAME, CHONGMING, self.editor)
        (published,) = publishing.publish_upload(upload, user=self.editor)
        page = self.client.get(reverse("admin:articles_event_changelist")).content.decode()
        issue_link = reverse("admin:articles_issue_change", args=[published.issue_id_copy])
        self.assertRegex(page, rf'boss 发布了版面 <a href="{issue_link}">崇明报[^<]*</a>（文章 \d+ 篇，领导出现 \d+ 次）')
        self.assertIn(f'boss 上传了 1 个文件： <a href="{reverse("admin:articles_pendingupload_review", args=[upload.pk])}">', page)
        self.assertNotIn(">pendingupload<", page)
        self.assertNotIn('{"', page)
