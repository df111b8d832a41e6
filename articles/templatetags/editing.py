"""Template tags of the editors' admin pages."""
from __future__ import annotations

from django import template

from articles.models import PendingUpload

register = template.Library()


@register.simple_tag
def uploads_waiting() -> int:
    """How many uploads wait for review (on the admin's front page, beside 上传版面)."""
    return PendingUpload.objects.filter(status=PendingUpload.PENDING).count()
