"""Decide, per request, whether its reads may go to a read replica.

They may for GET and HEAD requests of the public site: pages, search, feeds and the API. The
admin (uploads, review, publishing, corrections, accounts) always works on the primary, where
an editor sees what was just written; so does ``/healthz``, which reports on the primary. Any
other method may write and reads from the primary throughout. Within a request that is let
onto a replica, the first write pins it to the primary.

A replica replays the primary's writes a moment later. So that whoever has just written (an
editor who published, a login) does not then read an older page from a replica, a response to
a request that wrote carries a short-lived cookie, and the browser's requests that carry it read
from the primary for ``NEWSARCHIVE_REPLICA_STICKY_SECONDS``.

A replica that stops answering in the middle of a request (after the check that opens each
request) fails that request's view with a database error; the view is then run again, once,
on the primary (it is a GET that has written nothing), so the visitor still gets the page.

It sits near the top of MIDDLEWARE so that every database read of the request, the session's
included, is made under the decision; it does nothing when no replica is configured.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from newsarchive.read_replicas import fall_back_after, replica_aliases, replica_reads

SAFE_METHODS = frozenset({"GET", "HEAD"})
# Set on a response to a request that wrote; while present, reads go to the primary.
STICKY_COOKIE = "newsarchive_primary"


@cache
def _primary_only_prefixes() -> tuple[str, ...]:
    return (reverse("admin:index"), reverse("healthz"))


def may_read_from_replica(request: HttpRequest) -> bool:
    """Tell whether this request's reads may go to a replica (safe method, public address, no recent write)."""
    return (
        request.method in SAFE_METHODS
        and not request.path.startswith(_primary_only_prefixes())
        and STICKY_COOKIE not in request.COOKIES
    )


class ReadReplicaMiddleware:
    """Serve public reads from replicas when ``DATABASE_REPLICA_URLS`` names any."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not replica_aliases():
            return self.get_response(request)
        with replica_reads(allowed=may_read_from_replica(request)) as state:
            response = self.get_response(request)
        if state.wrote:
            response.set_cookie(
                STICKY_COOKIE, "1", max_age=int(settings.NEWSARCHIVE_REPLICA_STICKY_SECONDS),
                secure=settings.SESSION_COOKIE_SECURE, httponly=True, samesite="Lax",
            )
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        """Run the view again on the primary when the replica it was reading from failed under it."""
        if not fall_back_after(exception):
            return None
        match = request.resolver_match
        response = match.func(request, *match.args, **match.kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        return response
