"""The append-only event log: every upload, publish, replace, purge and edit leaves one line.

Events copy the user's name and a description of the object as text, so a line still reads
correctly after the user, the issue or the article it names is gone.
"""
from __future__ import annotations

from typing import Any

from django.db import models

from articles.models import Event


def username_of(user: Any) -> str:
    """Return the user's name as text, or "" for an anonymous caller (a command, a test)."""
    return getattr(user, "get_username", lambda: "")() if user is not None else ""


def record_event(
    *, action: str, user: Any = None, obj: models.Model | None = None, description: str = "",
    details: dict | None = None,
) -> Event:
    """Append one event; the object is described by type, id and text, never by a foreign key."""
    return Event.objects.create(
        action=action,
        username=username_of(user),
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        description=(description or (str(obj) if obj is not None else ""))[:500],
        details=details or {},
    )
