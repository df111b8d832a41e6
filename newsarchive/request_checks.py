"""Refuse requests that carry NUL characters in the address, query string or form fields.

PostgreSQL text cannot hold NUL, so any such value that reaches a query makes the driver raise
and the request fail with 500 (admin filters, slugs, form fields alike). No legitimate
request carries one, so they are answered 400 here, once, for every view.
"""
from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, QueryDict

NUL = "\x00"


def _has_nul(data: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


def has_nul(request: HttpRequest) -> bool:
    """Tell whether the path, the query string or a posted form field contains NUL."""
    if NUL in request.path or _has_nul(request.GET):
        return True
    # Uploaded files are not form fields (request.FILES): their bytes are checked by the decoder.
    return request.method == "POST" and _has_nul(request.POST)


class RejectNulMiddleware:
    """Answer 400 (the site's error page) before any view sees a NUL character."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_nul(request):
            raise BadRequest("NUL character in the request")
        return self.get_response(request)
