"""What every admin page of the archive shares: 403 for signed-in non-staff, custom pages inside the admin's layout."""
from __future__ import annotations

from functools import wraps
from typing import Any, Callable

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path


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
