"""The Django admin for the archive: records, plus the upload → review → publish workflow and corrections.

Every change goes through a write function (``articles/uploads.py``, ``articles/corrections.py``);
the admin only checks permissions, validates a form and reports. Signed-in users who are not
staff get 403 on every URL here; anonymous users are sent to the login page.
"""
from __future__ import annotations

from functools import wraps
from typing import Any, Callable

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from articles import corrections, throttle, uploads
from articles.editing.event_log import event_sentence
from articles.ingest import IngestError
from articles.models import (
    Article, District, Event, Issue, Leader, LeaderAlias, LeaderTitleFix, Mention, MentionAssignment, Paper,
    PendingUpload, UploadFile,
)
from articles.upload_forms import (
    FileFactsForm, LeaderTitleForm, MergeLeadersForm, SeparateLeaderForm, SplitForm, UploadForm, confirmed_files,
    per_file_facts, read_upload,
)


def staff_or_403(view: Callable) -> Callable:
    """Refuse signed-in non-staff users with 403 (the admin alone would send them to the login page)."""
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated and not (request.user.is_active and request.user.is_staff):
            raise PermissionDenied
        return view(request, *args, **kwargs)
    return wrapped


class WorkflowAdmin(admin.ModelAdmin):
    """A ModelAdmin whose URLs all answer 403 to non-staff, with helpers for custom admin pages."""

    extra_urls: list[tuple[str, str, str]] = []  # (route, method name, url name suffix)

    def get_urls(self) -> list[URLPattern]:
        info = self.opts.app_label, self.opts.model_name
        extra = [
            path(route, self.admin_site.admin_view(getattr(self, method)), name="%s_%s_" % info + suffix)
            for route, method, suffix in self.extra_urls
        ]
        patterns = extra + super().get_urls()
        for pattern in patterns:
            if isinstance(pattern, URLPattern):
                pattern.callback = staff_or_403(pattern.callback)
        return patterns

    def get_changelist_instance(self, request: HttpRequest):  # noqa: ANN201 - Django's ChangeList
        """Treat a date filter past year 9999 (``created_at__year=9999&created_at__month=12``) as a bad filter.

        Django computes the end of the chosen day, month or year and overflows there; as a bad
        filter the list answers like any other wrong lookup (a redirect with ``?e=1``).
        """
        try:
            return super().get_changelist_instance(request)
        except (OverflowError, ValueError) as exc:  # ValueError: "year 10000 is out of range"
            raise IncorrectLookupParameters(exc) from exc

    def render_page(self, request: HttpRequest, template: str, context: dict, *, status: int = 200) -> TemplateResponse:
        """Render a custom page inside the admin's layout."""
        return TemplateResponse(request, template, {
            **self.admin_site.each_context(request), "opts": self.opts, **context,
        }, status=status)

    def require(self, request: HttpRequest, permission: str) -> None:
        if not request.user.has_perm(f"{self.opts.app_label}.{permission}_{self.opts.model_name}"):
            raise PermissionDenied


# --- Records ---------------------------------------------------------------------------------


@admin.register(District)
class DistrictAdmin(WorkflowAdmin):
    list_display = ("name", "city", "province", "slug")
    search_fields = ("name", "city", "province")


@admin.register(Paper)
class PaperAdmin(WorkflowAdmin):
    list_display = ("name", "district", "slug")
    search_fields = ("name",)
    list_select_related = ("district",)


@admin.register(Issue)
class IssueAdmin(WorkflowAdmin):
    """Issues come from uploads; here they are looked at and, by administrators, purged."""

    list_display = ("__str__", "paper", "issue_date", "page", "encoding", "uploaded_by", "uploaded_at", "site_link")
    list_filter = ("paper",)
    date_hierarchy = "issue_date"
    list_select_related = ("paper", "uploaded_by")
    fields = ("paper", "issue_date", "page", "original_filename", "sha256", "encoding", "uploaded_by",
              "uploaded_at", "processed_at", "site_link")
    readonly_fields = fields

    @admin.display(description="网站")
    def site_link(self, obj: Issue) -> str:
        return format_html('<a href="{}">查看</a>', obj.get_absolute_url())

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # issues are added by uploading files

    def delete_model(self, request: HttpRequest, obj: Issue) -> None:
        corrections.purge_issue_logged(obj, user=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for issue in queryset.select_related("paper"):
            corrections.purge_issue_logged(issue, user=request.user)


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    fields = ("leader", "titles", "position")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(WorkflowAdmin):
    """Editors correct title, subtitle, byline, event date and district; split and merge articles."""

    list_display = ("display_title", "paper", "issue_date", "position", "district", "event_date", "corrected")
    list_filter = ("paper", "district")
    date_hierarchy = "issue_date"
    search_fields = ("title",)
    list_select_related = ("paper", "district")
    fields = ("issue", "position", "title", "subtitle", "byline", "event_date", "district", "derived_title",
              "warnings", "corrections", "body")
    readonly_fields = ("issue", "position", "derived_title", "warnings", "corrections", "body")
    autocomplete_fields = ("district",)
    inlines = [MentionInline]
    change_form_template = "admin/articles/article/change_form.html"
    extra_urls = [
        ("<int:pk>/split/", "split_view", "split"),
        ("<int:pk>/merge-next/", "merge_next_view", "merge_next"),
    ]

    @admin.display(description="已更正", boolean=True)
    def corrected(self, obj: Article) -> bool:
        return bool(obj.corrections)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        """Save only the corrected fields, through the write function that logs them."""
        changes = {name: form.cleaned_data[name] for name in form.changed_data if name in corrections.EDITABLE}
        corrections.edit_article(obj, user=request.user, changes=changes)

    def split_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        self.require(request, "change")
        article = get_object_or_404(Article, pk=pk)
        form = SplitForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                second = corrections.split_article(article, at_paragraph=form.cleaned_data["at_paragraph"],
                                                   user=request.user, title=form.cleaned_data["title"])
            except corrections.CorrectionError as exc:
                form.add_error("at_paragraph", str(exc))
            else:
                self.message_user(request, f"已拆分，新文章 #{second.pk}。", messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        return self.render_page(request, "admin/articles/article/split.html", {
            "title": f"拆分文章：{article.display_title}", "article": article, "form": form,
            "paragraphs": list(enumerate(article.paragraphs, start=1)),
        })

    def merge_next_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        self.require(request, "change")
        article = get_object_or_404(Article, pk=pk)
        following = article.issue.articles.filter(position__gt=article.position).order_by("position").first()
        if request.method == "POST" and following is not None:
            corrections.merge_with_next(article, user=request.user)
            self.message_user(request, "已与下一篇合并。", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        return self.render_page(request, "admin/articles/article/merge_next.html", {
            "title": f"合并文章：{article.display_title}", "article": article, "following": following,
        })


@admin.register(Leader)
class LeaderAdmin(WorkflowAdmin):
    """Curate leaders: merge two records of one person, separate namesakes, correct a printed title."""

    list_display = ("name", "district", "mention_count")
    list_filter = ("district",)
    search_fields = ("name",)
    list_select_related = ("district",)
    fields = ("name", "district")
    readonly_fields = ("name", "district")
    actions = ["merge_selected"]
    change_form_template = "admin/articles/leader/change_form.html"
    extra_urls = [
        ("<int:pk>/separate/", "separate_view", "separate"),
        ("<int:pk>/title/", "title_view", "title"),
    ]

    @admin.display(description="出现次数")
    def mention_count(self, obj: Leader) -> int:
        return obj.mentions.count()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="合并为同一人（选两条）", permissions=["change"])
    def merge_selected(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        leaders = queryset.select_related("district")
        if leaders.count() != 2:
            self.message_user(request, "请恰好选择两条领导记录。", messages.WARNING)
            return None
        form = MergeLeadersForm(request.POST if "keep" in request.POST else None, leaders=leaders)
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            absorb = leaders.exclude(pk=keep.pk).get()
            corrections.merge_leaders(keep, absorb, user=request.user)
            self.message_user(request, f"已把“{absorb.name}”合并到“{keep.name}”。", messages.SUCCESS)
            return None
        return self.render_page(request, "admin/articles/leader/merge.html", {
            "title": "合并领导记录", "form": form, "leaders": leaders,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        })

    def separate_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        self.require(request, "change")
        leader = get_object_or_404(Leader, pk=pk)
        form = SeparateLeaderForm(request.POST or None, leader=leader)
        if request.method == "POST" and form.is_valid():
            try:
                other = corrections.separate_leader(
                    leader, article_ids=[a.pk for a in form.cleaned_data["articles"]],
                    district=form.cleaned_data["district"], user=request.user)
            except corrections.CorrectionError as exc:
                form.add_error("district", str(exc))
            else:
                self.message_user(request, f"已分出另一位“{other.name}”（{other.district or '区县未知'}）。", messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:articles_leader_change", args=[other.pk]))
        return self.render_page(request, "admin/articles/leader/separate.html", {
            "title": f"区分同名领导：{leader.name}", "leader": leader, "form": form,
        })

    def title_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        self.require(request, "change")
        leader = get_object_or_404(Leader, pk=pk)
        form = LeaderTitleForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            count = corrections.edit_leader_title(leader, old=form.cleaned_data["old"], new=form.cleaned_data["new"],
                                                  user=request.user)
            self.message_user(request, f"已更正 {count} 处职务。", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:articles_leader_change", args=[leader.pk]))
        titles = sorted({t for m in leader.mentions.all() for t in m.titles})
        return self.render_page(request, "admin/articles/leader/title.html", {
            "title": f"更正职务：{leader.name}", "leader": leader, "form": form, "titles": titles,
        })


class CurationRecordAdmin(WorkflowAdmin):
    """Records that curation actions write (aliases, title fixes, assignments): listed and deletable
    (deleting one undoes the correction), never added or edited by hand."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(LeaderAlias)
class LeaderAliasAdmin(CurationRecordAdmin):
    """Aliases come from merging leaders."""

    list_display = ("name", "district", "leader")
    list_select_related = ("district", "leader")


@admin.register(LeaderTitleFix)
class LeaderTitleFixAdmin(CurationRecordAdmin):
    """Title fixes come from 更正职务 on a leader; deleting one lets the printed title show again."""

    list_display = ("leader", "printed", "corrected")
    list_select_related = ("leader",)
    search_fields = ("leader__name", "printed", "corrected")


@admin.register(MentionAssignment)
class MentionAssignmentAdmin(CurationRecordAdmin):
    """Assignments come from 区分同名的人; deleting one gives the name back to the default record."""

    list_display = ("name", "leader", "article")
    list_select_related = ("leader", "article")
    raw_id_fields = ("article", "leader")
    search_fields = ("name",)


# --- Upload, review, publish -----------------------------------------------------------------


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
                queued = uploads.request_publish(upload, user=request.user, confirmed=confirmed)
                self.message_user(request, f"已加入发布队列：{queued} 个文件。本页会自动刷新显示结果。", messages.INFO)
                return HttpResponseRedirect(reverse("admin:articles_pendingupload_review", args=[pk]))
            for upload_file in uploads.publish_upload(upload, user=request.user, confirmed=confirmed):
                if upload_file.status != UploadFile.REJECTED and upload_file.message:
                    self.message_user(request, f"{upload_file.filename}：{upload_file.message}",
                                      publish_message_level(upload_file))
        return HttpResponseRedirect(reverse("admin:articles_pendingupload_review", args=[pk]))

    def discard_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        self.require(request, "change")
        upload = get_object_or_404(PendingUpload, pk=pk)
        if request.method == "POST":
            uploads.discard_upload(upload, user=request.user)
            self.message_user(request, "已放弃未发布的文件。", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_pendingupload_review", args=[pk]))


def publish_message_level(upload_file: UploadFile) -> int:
    """A failure is an error, a replacement still to confirm a warning, a published file a success."""
    if upload_file.status == UploadFile.FAILED:
        return messages.ERROR
    if upload_file.status == UploadFile.PENDING:
        return messages.WARNING
    return messages.SUCCESS


@admin.register(Event)
class EventAdmin(WorkflowAdmin):
    """The log, read-only: nobody adds, changes or deletes a line. Each line reads as a sentence."""

    list_display = ("created_at", "sentence")
    list_display_links = ("created_at",)
    list_filter = ("action",)
    search_fields = ("username", "description", "object_id")
    date_hierarchy = "created_at"
    fields = ("created_at", "sentence", "username", "action")
    readonly_fields = fields

    @admin.display(description="操作")
    def sentence(self, obj: Event) -> str:
        return event_sentence(obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# --- Login throttle --------------------------------------------------------------------------


# The admin's front page opens with the upload action and the uploads waiting for review.
admin.site.index_template = "admin/articles/index.html"


@sensitive_post_parameters()
@csrf_protect
@never_cache
def throttled_login(request: HttpRequest) -> HttpResponse:
    """The admin login, refusing a username+address after repeated failures (see articles/throttle.py).

    The attempt is counted before the password is checked, so parallel attempts cannot all
    be checked; a success clears the count.
    """
    username = request.POST.get("username", "") if request.method == "POST" else ""
    address = throttle.client_address(request)
    if request.method == "POST" and not throttle.attempt_allowed(username=username, address=address):
        return TemplateResponse(request, "admin/articles/login_locked.html", {
            **admin.site.each_context(request), "title": "登录", "app_path": request.get_full_path(),
            "form": AdminAuthenticationForm(request), "locked_message": throttle.locked_message(),
        }, status=429)
    response = admin.site.login(request)
    if request.method == "POST" and response.status_code == 302:
        throttle.clear_failures(username=username, address=address)
    return response
