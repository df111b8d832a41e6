"""The event log in the admin: read-only, each line a Chinese sentence linking to its object."""
from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from articles.admin.base import WorkflowAdmin
from articles.editing.event_log import event_sentence
from articles.models import Event


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
