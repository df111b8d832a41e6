"""The upload → review → publish workflow in the admin; changes go through ``editing.uploads`` and ``editing.publishing``."""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse

from articles.admin.base import WorkflowAdmin
from articles.editing import publishing, uploads
from articles.editing.event_log import event_sentence
from articles.editing.forms import FileFactsForm, UploadForm, confirmed_files, per_file_facts, read_upload
from articles.ingest import IngestError
from articles.models import Event, Paper, PendingUpload, UploadFile


@admin.register(PendingUpload)
class PendingUploadAdmin(WorkflowAdmin):
    """Each upload: the list is the reports; "add" is the upload page; "change" is review/report."""

    list_display = ("__str__", "username", "status", "file_count", "decided_by", "decided_at")
    list_filter = ("status",)
    extra_urls = [
        ("upload/", "upload_view", "upload"),
        ("<int:pk>/review/", "review_view", "review"),
        ("<int:pk>/files/<int:file_pk>/facts/", "facts_view", "facts"),
        ("<int:pk>/publish/", "publish_view", "publish"),
        ("<int:pk>/discard/", "discard_view", "discard"),
    ]

    @admin.display(description="文件数")
    def file_count(self, obj: PendingUpload) -> int:
        return obj.files.count()

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # reports stay; the bytes are dropped when a file is published or discarded

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: Any = None) -> HttpResponse:
        return HttpResponseRedirect(reverse("admin:articles_pendingupload_upload"))

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None) -> HttpResponse:
        return HttpResponseRedirect(reverse("admin:articles_pendingupload_review", args=[object_id]))

    def upload_view(self, request: HttpRequest) -> HttpResponse:
        self.require(request, "add")
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            files = [read_upload(f) for f in form.cleaned_data["files"]]
            upload = uploads.stage_upload(files=files, user=request.user, defaults=form.defaults(),
                                          per_file=per_file_facts(request.POST, len(files)))
            return HttpResponseRedirect(reverse("admin:articles_pendingupload_review", args=[upload.pk]))
        return self.render_page(request, "admin/articles/pendingupload/upload.html", {
            "title": "上传版面", "form": form, "papers": Paper.objects.values_list("name", flat=True), "limits": uploads.limits_text(),
        })

    def review_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        self.require(request, "view")
        upload = get_object_or_404(PendingUpload, pk=pk)
        files = list(upload.files.order_by("position"))
        for upload_file in files:
            upload_file.needs_confirmation = bool(upload_file.replaces_issue_id and upload_file.status == UploadFile.PENDING)
            upload_file.facts_form = FileFactsForm(initial={
                "paper": upload_file.paper_name, "issue_date": upload_file.issue_date, "page": upload_file.page,
            }, prefix=f"f{upload_file.pk}")
        return self.render_page(request, "admin/articles/pendingupload/review.html", {
            "title": f"上传 #{upload.pk}：{'审核' if upload.status == PendingUpload.PENDING else '报告'}",
            "upload": upload, "files": files,
            "can_publish": request.user.has_perm("articles.change_pendingupload"),
            "waiting": any(f.status in UploadFile.WAITING for f in files),
            "events": [(e, event_sentence(e)) for e in Event.objects.filter(details__upload_id=upload.pk)
                       | Event.objects.filter(object_type="pendingupload", object_id=str(upload.pk))],
        })

    def facts_view(self, request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
        self.require(request, "change")
        upload_file = get_object_or_404(UploadFile, pk=file_pk, upload_id=pk,
                                        status__in=[UploadFile.PENDING, UploadFile.REJECTED])
        if request.method != "POST" or not (upload_file.status == UploadFile.PENDING or upload_file.can_fix):
            return HttpResponseRedirect(reverse("admin:articles_pendingupload_review", args=[pk]))
        form = FileFactsForm(request.POST, prefix=f"f{upload_file.pk}")
        if form.is_valid():
            try:
                uploads.update_file_facts(upload_file, paper=form.cleaned_data["paper"].name,
                                          issue_date=form.cleaned_data["issue_date"],
                                          page=form.cleaned_data["page"].strip(), user=request.user)
            except IngestError as exc:
                self.message_user(request, f"{upload_file.filename}：{exc}", messages.ERROR)
            else:
                self.message_user(request, f"{upload_file.filename}：已按新信息重新分析。", messages.SUCCESS)
        else:
            self.message_user(request, f"{upload_file.filename}：{form.errors.as_text()}", messages.ERROR)
        return HttpResponseRedirect(reverse("admin:articles_pendingupload_review", args=[pk]))

    def publish_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        self.require(request, "change")
        upload = get_object_or_404(PendingUpload, pk=pk)
        if request.method == "POST":
            confirmed = confirmed_files(request.POST)
            if settings.NEWSARCHIVE_BACKGROUND:
                queued = publishing.request_publish(upload, user=request.user, confirmed=confirmed)
                self.message_user(request, f"已加入发布队列：{queued} 个文件。本页会自动刷新显示结果。", messages.INFO)
                return HttpResponseRedirect(reverse("admin:articles_pendingupload_review", args=[pk]))
            for upload_file in publishing.publish_upload(upload, user=request.user, confirmed=confirmed):
                if upload_file.status != UploadFile.REJECTED and upload_file.message:
                    self.message_user(request, f"{upload_file.filename}：{upload_file.message}",
                                      publish_message_level(upload_file))
        return HttpResponseRedirect(reverse("admin:articles_pendingupload_review", args=[pk]))

    def discard_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        self.require(request, "change")
        upload = get_object_or_404(PendingUpload, pk=pk)
        if request.method == "POST":
            publishing.discard_upload(upload, user=request.user)
            self.message_user(request, "已放弃未发布的文件。", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_pendingupload_review", args=[pk]))


def publish_message_level(upload_file: UploadFile) -> int:
    """A failure is an error, a replacement still to confirm a warning, a published file a success."""
    if upload_file.status == UploadFile.FAILED:
        return messages.ERROR
    if upload_file.status == UploadFile.PENDING:
        return messages.WARNING
    return messages.SUCCESS
