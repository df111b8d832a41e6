"""The archive's records in the admin: districts, papers, issues (purge) and articles (correct, split, merge)."""
from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html

from articles.admin.base import WorkflowAdmin
from articles.editing import corrections
from articles.editing.forms import SplitForm
from articles.models import Article, District, Issue, Mention, Paper


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
