"""The admin workflow over HTTP: who may open what, upload → review → publish, edits, purge, the log."""
from __future__ import annotations

import importlib
from pathlib import Path

from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.urls import reverse

from articles.editing import uploads
from articles.ingest import ingest_issue
from articles.models import Article, Event, Issue, Leader, PendingUpload, UploadFile
from tests.factories import make_article, make_district, make_leader, make_mention, make_paper

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
CHONGMING = (SEEDS / "000_1812f75c900816aa.txt").read_bytes()
QINGPU = (SEEDS / "001_515307324d6a1a31.txt").read_bytes()


def make_editor(username: str = "editor") -> User:
    """A staff user in the 编辑 group that migration 0004 creates (recreated if a flush removed it)."""
    migration = importlib.import_module("articles.migrations.0004_admin_editor_group")
    group, created = Group.objects.get_or_create(name=migration.GROUP)
    if created:
        group.permissions.set(Permission.objects.filter(content_type__app_label="articles",
                                                        codename__in=migration.EDITOR_PERMISSIONS))
    user = User.objects.create_user(username, password="pw-editor-123", is_staff=True)
    user.groups.add(group)
    return user


class AdminFixture(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.district = make_district(name="崇明区", slug="chongming-qu")
        cls.paper = make_paper(name="崇明报", slug="chongming", district=cls.district)
        make_paper(name="青浦报", slug="qingpu")
        cls.editor = make_editor()
        cls.admin = User.objects.create_superuser("boss", password="pw-boss-123")
        cls.reader = User.objects.create_user("reader", password="pw-reader-123")
        cls.issue = ingest_issue(CHONGMING, filename="崇明报_2025-04-19_01.txt").issue
        cls.article = cls.issue.articles.order_by("position").first()
        cls.leader = make_leader(name="张三", district=cls.district)
        make_mention(article=cls.article, leader=cls.leader)
        cls.upload = uploads.stage_upload(files=[("青浦报_2025-03-13_01.txt", QINGPU, len(QINGPU))], user=cls.editor)
        cls.upload_file = cls.upload.files.get()
        cls.event = Event.objects.first()

    def admin_urls(self) -> list[str]:
        """Every admin URL this workflow adds or customises."""
        names = [
            ("admin:articles_pendingupload_changelist", []), ("admin:articles_pendingupload_upload", []),
            ("admin:articles_pendingupload_add", []),
            ("admin:articles_pendingupload_review", [self.upload.pk]),
            ("admin:articles_pendingupload_change", [self.upload.pk]),
            ("admin:articles_pendingupload_facts", [self.upload.pk, self.upload_file.pk]),
            ("admin:articles_pendingupload_publish", [self.upload.pk]),
            ("admin:articles_pendingupload_discard", [self.upload.pk]),
            ("admin:articles_article_changelist", []), ("admin:articles_article_change", [self.article.pk]),
            ("admin:articles_article_split", [self.article.pk]), ("admin:articles_article_merge_next", [self.article.pk]),
            ("admin:articles_issue_changelist", []), ("admin:articles_issue_change", [self.issue.pk]),
            ("admin:articles_issue_delete", [self.issue.pk]),
            ("admin:articles_leader_changelist", []), ("admin:articles_leader_change", [self.leader.pk]),
            ("admin:articles_leader_separate", [self.leader.pk]), ("admin:articles_leader_title", [self.leader.pk]),
            ("admin:articles_event_changelist", []), ("admin:articles_event_change", [self.event.pk]),
            ("admin:articles_leaderalias_changelist", []),
            ("admin:articles_paper_changelist", []), ("admin:articles_district_changelist", []),
        ]
        return [reverse(name, args=args) for name, args in names]


class AccessTests(AdminFixture):
    def test_anonymous_users_are_sent_to_login(self) -> None:
        for url in self.admin_urls():
            for method in ("get", "post"):
                with self.subTest(url=url, method=method):
                    response = getattr(self.client, method)(url)
                    self.assertEqual(response.status_code, 302)
                    self.assertTrue(response["Location"].startswith(reverse("admin:login")))

    def test_signed_in_non_staff_users_get_403(self) -> None:
        self.client.force_login(self.reader)
        for url in self.admin_urls():
            for method in ("get", "post"):
                with self.subTest(url=url, method=method):
                    self.assertEqual(getattr(self.client, method)(url).status_code, 403)
        self.assertFalse(Issue.objects.filter(pk=self.issue.pk).count() == 0)

    def test_staff_without_permissions_cannot_upload_or_publish(self) -> None:
        self.client.force_login(User.objects.create_user("bare", is_staff=True))
        self.assertEqual(self.client.get(reverse("admin:articles_pendingupload_upload")).status_code, 403)
        self.assertEqual(self.client.post(reverse("admin:articles_pendingupload_publish", args=[self.upload.pk])).status_code, 403)
        self.assertEqual(self.client.post(reverse("admin:articles_article_split", args=[self.article.pk])).status_code, 403)

    def test_editors_cannot_purge_issues_or_touch_the_log(self) -> None:
        self.client.force_login(self.editor)
        self.assertEqual(self.client.post(reverse("admin:articles_issue_delete", args=[self.issue.pk]),
                                          {"post": "yes"}).status_code, 403)
        self.assertTrue(Issue.objects.filter(pk=self.issue.pk).exists())
        self.assertEqual(self.client.get(reverse("admin:articles_event_change", args=[self.event.pk])).status_code, 200)
        self.assertEqual(self.client.post(reverse("admin:articles_event_delete", args=[self.event.pk])).status_code, 403)

    def test_the_log_is_read_only_even_for_administrators(self) -> None:
        self.client.force_login(self.admin)
        self.assertEqual(self.client.get(reverse("admin:articles_event_add")).status_code, 403)
        self.assertEqual(self.client.post(reverse("admin:articles_event_delete", args=[self.event.pk]), {"post": "yes"}).status_code, 403)
        response = self.client.post(reverse("admin:articles_event_change", args=[self.event.pk]), {"username": "x"})
        self.assertEqual(response.status_code, 403)
        self.assertTrue(Event.objects.filter(pk=self.event.pk, username=self.event.username).exists())

    def test_forms_need_a_csrf_token(self) -> None:
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.editor)
        response = client.post(reverse("admin:articles_pendingupload_publish", args=[self.upload.pk]))
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.upload.files.get().status, UploadFile.PENDING)

    def test_the_editor_group_has_upload_review_and_correct_permissions_only(self) -> None:
        self.assertTrue(self.editor.has_perms([
            "articles.add_pendingupload", "articles.change_pendingupload", "articles.change_article",
            "articles.change_leader", "articles.view_event",
        ]))
        self.assertFalse(self.editor.has_perm("articles.delete_issue"))
        self.assertFalse(self.editor.has_perm("articles.delete_article"))


class UploadFlowTests(AdminFixture):
    def test_upload_review_publish(self) -> None:
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(reverse("admin:articles_pendingupload_upload")), "拖到这里")
        response = self.client.post(reverse("admin:articles_pendingupload_upload"), {"files": [
            SimpleUploadedFile("../../青浦报_2025-03-14_02.txt", QINGPU.replace(b"\n", b"\r\n")),
            SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"),
        ]})
        upload = PendingUpload.objects.latest("pk")
        self.assertRedirects(response, reverse("admin:articles_pendingupload_review", args=[upload.pk]))
        page = self.client.get(response["Location"])
        self.assertContains(page, "青浦报_2025-03-14_02.txt")
        self.assertNotContains(page, "../")
        self.assertContains(page, "photo.jpg")
        self.assertContains(page, "二进制")
        self.client.post(reverse("admin:articles_pendingupload_publish", args=[upload.pk]))
        good = upload.files.get(filename="青浦报_2025-03-14_02.txt")
        self.assertEqual(good.status, UploadFile.NEW)
        report = self.client.get(reverse("admin:articles_pendingupload_review", args=[upload.pk]))
        self.assertContains(report, reverse("articles:issue_detail", args=[good.issue_id_copy]))
        self.assertContains(report, "发布")

    def test_editing_a_files_facts(self) -> None:
        self.client.force_login(self.editor)
        prefix = f"f{self.upload_file.pk}"
        self.client.post(reverse("admin:articles_pendingupload_facts", args=[self.upload.pk, self.upload_file.pk]), {
            f"{prefix}-paper": "崇明报", f"{prefix}-issue_date": "2025-03-12", f"{prefix}-page": "04",
        })
        self.upload_file.refresh_from_db()
        self.assertEqual((self.upload_file.paper_name, str(self.upload_file.issue_date), self.upload_file.page),
                         ("崇明报", "2025-03-12", "04"))

    def test_discard(self) -> None:
        self.client.force_login(self.editor)
        self.client.post(reverse("admin:articles_pendingupload_discard", args=[self.upload.pk]))
        self.upload.refresh_from_db()
        self.assertEqual(self.upload.status, PendingUpload.DISCARDED)


class CorrectionAdminTests(AdminFixture):
    def test_an_editor_edits_a_title_through_the_change_form(self) -> None:
        self.client.force_login(self.editor)
        url = reverse("admin:articles_article_change", args=[self.article.pk])
        self.assertContains(self.client.get(url), "拆分")
        mentions = list(self.article.mentions.all())
        inline = {f"mentions-{i}-{k}": v for i, m in enumerate(mentions)
                  for k, v in (("id", m.pk), ("article", self.article.pk))}
        response = self.client.post(url, {
            "title": "编辑改的标题", "subtitle": self.article.subtitle, "byline": self.article.byline,
            "event_date": self.article.event_date.isoformat() if self.article.event_date else "",
            "district": self.article.district_id or "",
            "mentions-TOTAL_FORMS": len(mentions), "mentions-INITIAL_FORMS": len(mentions),
            "mentions-MIN_NUM_FORMS": "0", "mentions-MAX_NUM_FORMS": "1000", **inline,
        })
        self.assertEqual(response.status_code, 302, getattr(response, "context", None) and response.context.get("errors"))
        self.article.refresh_from_db()
        self.assertEqual(self.article.title, "编辑改的标题")
        self.assertEqual(self.article.corrections, {"title": "编辑改的标题"})
        self.assertTrue(Event.objects.filter(action="edit", username="editor", object_id=str(self.article.pk)).exists())

    def test_split_and_merge_pages(self) -> None:
        self.client.force_login(self.editor)
        article = next(a for a in self.issue.articles.order_by("position") if len(a.paragraphs) >= 2)
        count = self.issue.articles.count()
        self.assertContains(self.client.get(reverse("admin:articles_article_split", args=[article.pk])), "拆分")
        self.client.post(reverse("admin:articles_article_split", args=[article.pk]), {"at_paragraph": 2, "title": "新"})
        self.assertEqual(self.issue.articles.count(), count + 1)
        self.client.post(reverse("admin:articles_article_merge_next", args=[article.pk]))
        self.assertEqual(self.issue.articles.count(), count)

    def test_an_administrator_purges_an_issue_after_confirmation(self) -> None:
        self.client.force_login(self.admin)
        url = reverse("admin:articles_issue_delete", args=[self.issue.pk])
        self.assertContains(self.client.get(url), "确定")
        self.client.post(url, {"post": "yes"})
        self.assertFalse(Issue.objects.filter(pk=self.issue.pk).exists())
        self.assertTrue(Event.objects.filter(action="purge", object_id=str(self.issue.pk), username="boss").exists())

    def test_leader_merge_action(self) -> None:
        self.client.force_login(self.editor)
        variant = make_leader(name="张叁", district=self.district)
        make_mention(article=make_article(title="另一篇"), leader=variant)
        url = reverse("admin:articles_leader_changelist")
        data = {"action": "merge_selected", "_selected_action": [self.leader.pk, variant.pk]}
        self.assertContains(self.client.post(url, data), "保留哪一条记录")
        self.client.post(url, {**data, "keep": self.leader.pk})
        self.assertFalse(Leader.objects.filter(pk=variant.pk).exists())
        self.assertEqual(self.leader.mentions.count(), 2)

    def test_leader_title_page(self) -> None:
        self.client.force_login(self.editor)
        self.client.post(reverse("admin:articles_leader_title", args=[self.leader.pk]), {"old": "区长", "new": "副区长"})
        self.assertEqual(self.leader.mentions.get().titles, ["副区长"])


class UploadRefusalTests(AdminFixture):
    """A bad file is refused alone and by name; a request too big to read says the limits in Chinese."""

    def test_an_empty_file_is_refused_by_name_and_the_others_go_on(self) -> None:
        self.client.force_login(self.editor)
        response = self.client.post(reverse("admin:articles_pendingupload_upload"), {"files": [
            SimpleUploadedFile("青浦报_2025-03-14_02.txt", QINGPU),
            SimpleUploadedFile("空白版面.txt", b""),
        ]})
        upload = PendingUpload.objects.latest("pk")
        self.assertRedirects(response, reverse("admin:articles_pendingupload_review", args=[upload.pk]))
        empty = upload.files.get(filename="空白版面.txt")
        self.assertEqual((empty.status, empty.message), (UploadFile.REJECTED, "不是可读的文本文件：文件为空"))
        self.assertEqual(upload.files.get(filename="青浦报_2025-03-14_02.txt").status, UploadFile.PENDING)
        page = self.client.get(response["Location"])
        self.assertContains(page, "空白版面.txt")
        self.assertContains(page, "不是可读的文本文件：文件为空")

    def test_the_upload_page_states_the_limits(self) -> None:
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(reverse("admin:articles_pendingupload_upload")), "单个版面文件不能超过 5.0 MB")

    def test_an_oversize_request_says_the_limit_in_chinese(self) -> None:
        self.client.force_login(self.editor)
        url = reverse("admin:articles_pendingupload_upload")
        client = Client(raise_request_exception=False)
        client.force_login(self.editor)
        with self.settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024, DEBUG=False):
            response = client.post(url, {"page": "x" * 4096})
        self.assertEqual(response.status_code, 400)
        html = response.content.decode()
        self.assertIn("提交的内容过大（表单数据上限 1 KB）", html)
        self.assertIn("单个版面文件不能超过 5.0 MB", html)
        self.assertIn(f'<a href="{url}">返回上传页面</a>', html)

    def test_too_many_files_says_the_limit_in_chinese(self) -> None:
        client = Client(raise_request_exception=False)
        client.force_login(self.editor)
        with self.settings(DATA_UPLOAD_MAX_NUMBER_FILES=2, DEBUG=False):
            response = client.post(reverse("admin:articles_pendingupload_upload"), {"files": [
                SimpleUploadedFile(f"{n}.txt", QINGPU) for n in range(3)
            ]})
        self.assertEqual(response.status_code, 400)
        self.assertIn("一次最多上传 2 个文件", response.content.decode())
