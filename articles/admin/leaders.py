"""Leaders in the admin: merge two records, separate namesakes, correct a printed title; the curation rows those leave."""
from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse

from articles.admin.base import WorkflowAdmin
from articles.editing import corrections
from articles.editing.forms import LeaderTitleForm, MergeLeadersForm, SeparateLeaderForm
from articles.models import Leader, LeaderAlias, LeaderTitleFix, MentionAssignment


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
