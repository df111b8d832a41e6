"""Staged uploads: a batch an editor uploaded and its files, held for review until published or discarded.

These rows outlive what they describe: they copy names and ids as text instead of cascading.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class PendingUpload(models.Model):
    """One batch of files an editor uploaded, held for review until published or discarded."""

    PENDING, PUBLISHED, DISCARDED = "pending", "published", "discarded"
    STATUSES = [(PENDING, "待审核"), (PUBLISHED, "已发布"), (DISCARDED, "已放弃")]

    created_at = models.DateTimeField("上传时间", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传者", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    # Copied so the report still says who uploaded after the account is deleted.
    username = models.CharField("上传者用户名", max_length=150, blank=True, default="")
    status = models.CharField("状态", max_length=20, choices=STATUSES, default=PENDING)
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)
    decided_by = models.CharField("处理人", max_length=150, blank=True, default="")

    class Meta:
        verbose_name = "上传批次"
        verbose_name_plural = "上传批次"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"上传 #{self.pk}（{self.username or '未知'}，{timezone.localtime(self.created_at):%Y-%m-%d %H:%M}）"


class UploadFile(models.Model):
    """One file of an upload: its bytes (kept in the database, never on disk), facts, check and outcome."""

    REJECTED, PENDING, NEW, UNCHANGED, REPLACED, FAILED, DISCARDED = (
        "rejected", "pending", "new", "unchanged", "replaced", "failed", "discarded",
    )
    # Waiting for the background worker (articles/editing/worker.py): to be checked, or to be published.
    QUEUED, PUBLISHING = "queued", "publishing"
    STATUSES = [
        (QUEUED, "排队检查中"), (REJECTED, "已拒收"), (PENDING, "待发布"), (PUBLISHING, "排队发布中"),
        (NEW, "已发布"), (UNCHANGED, "已存在，未改动"), (REPLACED, "已替换旧版面"), (FAILED, "发布失败"),
        (DISCARDED, "已放弃"),
    ]
    WAITING = (QUEUED, PUBLISHING)

    upload = models.ForeignKey(PendingUpload, verbose_name="上传批次", on_delete=models.CASCADE, related_name="files")
    position = models.PositiveSmallIntegerField("顺序", default=0)
    filename = models.CharField("文件名", max_length=120)
    size = models.PositiveIntegerField("字节数", default=0)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True, default="")
    # Emptied once the file is published or discarded: the issue keeps its own copy.
    raw_bytes = models.BinaryField("原始文件", blank=True, default=b"")
    encoding = models.CharField("编码", max_length=20, blank=True, default="")
    paper_name = models.CharField("报纸", max_length=100, blank=True, default="")
    issue_date = models.DateField("出版日期", null=True, blank=True)
    page = models.CharField("版次", max_length=20, blank=True, default="")
    status = models.CharField("状态", max_length=20, choices=STATUSES, default=PENDING)
    message = models.TextField("说明", blank=True, default="")
    # What the pipeline made of the file: [{title, byline, event_date, district, leaders, warnings, ...}].
    preview = models.JSONField("解析预览", default=list, blank=True)
    # The prepared issue the preview shows (articles/ingest/snapshot.py): publishing stores exactly this.
    prepared = models.JSONField("审核时的解析结果", null=True, blank=True)
    issue_id_copy = models.BigIntegerField("版面编号", null=True, blank=True)
    replaces_issue_id = models.BigIntegerField("替换的版面编号", null=True, blank=True)
    articles = models.PositiveIntegerField("文章数", default=0)
    leaders = models.PositiveIntegerField("领导出现数", default=0)
    # For the worker: the facts the editor gave when uploading ({"defaults": {...}, "explicit": {...}}),
    # and who asked to publish (with or without confirming a replacement).
    facts_given = models.JSONField("上传时填写的信息", default=dict, blank=True)
    publish_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="请求发布者", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    confirm_replace = models.BooleanField("确认替换", default=False)

    class Meta:
        verbose_name = "上传文件"
        verbose_name_plural = "上传文件"
        ordering = ["upload", "position"]
        indexes = [
            # The worker's queue: the few rows waiting, oldest first.
            models.Index(fields=["id"], name="uploadfile_waiting", condition=models.Q(status__in=["queued", "publishing"])),
        ]

    def __str__(self) -> str:
        return self.filename

    @property
    def warnings(self) -> list[str]:
        return [w for article in self.preview for w in article.get("warnings", [])]

    @property
    def can_fix(self) -> bool:
        """A refused file that kept its bytes: its paper or date was missing or wrong, the editor can give them."""
        return self.status == self.REJECTED and bool(self.raw_bytes)
