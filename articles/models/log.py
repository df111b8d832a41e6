"""The append-only event log and the admin login throttle's counters."""
from __future__ import annotations

from django.db import models
from django.utils import timezone


class Event(models.Model):
    """One line of the append-only log: who did what to which object, copied as text."""

    ACTIONS = [
        ("upload", "上传"), ("publish", "发布"), ("unchanged", "重复上传"), ("replace", "替换"),
        ("discard", "放弃"), ("purge", "删除版面"), ("edit", "更正"), ("split", "拆分"), ("merge", "合并"),
        ("merge_leaders", "合并领导"), ("separate_leader", "拆分领导"), ("edit_leader_title", "更正职务"),
        ("reprocess", "重新解析"), ("corrections_dropped", "更正未能套用"),
    ]

    created_at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    username = models.CharField("用户", max_length=150, blank=True, default="")
    action = models.CharField("操作", max_length=30, choices=ACTIONS, db_index=True)
    object_type = models.CharField("对象类型", max_length=50, blank=True, default="")
    object_id = models.CharField("对象编号", max_length=50, blank=True, default="")
    description = models.CharField("对象", max_length=500, blank=True, default="")
    details = models.JSONField("详情", default=dict, blank=True)

    class Meta:
        verbose_name = "操作记录"
        verbose_name_plural = "操作记录"
        ordering = ["-created_at", "-pk"]
        # Append-only: no add/change/delete permission exists to hand out.
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{timezone.localtime(self.created_at):%Y-%m-%d %H:%M} {self.username} {self.get_action_display()} {self.description}"


class LoginAttempt(models.Model):
    """Admin login attempts per username and address in the current window (articles/editing/throttle.py).

    In PostgreSQL rather than the cache so that every web worker sees the same count and the
    count can be raised atomically before the password is checked.
    """

    key = models.CharField(max_length=64, primary_key=True)  # sha256 of username and address
    attempts = models.PositiveIntegerField(default=0)
    window_started = models.DateTimeField(default=timezone.now)

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.key[:12]}… {self.attempts}"
