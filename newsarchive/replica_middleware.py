"""Open ``replica_reads()`` for the requests whose reads may go to a read replica.

Those are GET and HEAD requests for the public site: pages, search, feeds and the API. The
admin (uploads, review, publishing, corrections, accounts) always works on the primary, where
an editor sees what was just written; so does ``/healthz``, which reports on the primary. Any
other method may write and reads from the primary throughout. Within a request that is let
onto a replica, the router still pins it to the primary at its first write.

It sits near the top of MIDDLEWARE so that every database read of the request, the session's
included, is made under the decision, and it adds nothing when no replica is configured.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from newsarchive.read_replicas import replica_aliases, replica_reads

SAFE_METHODS = frozenset({"GET", "HEAD"})


@cache
def _primary_only_prefixes() -> tuple[str, ...]:
    return (reverse("admin:index"), reverse("healthz"))


def may_read_from_replica(request: HttpRequest) -> bool:
    """Tell whether this request's reads may go to a replica (safe method, public address)."""
    return request.method in SAFE_METHODS and not request.path.startswith(_primary_only_prefixes())


class ReadReplicaMiddleware:
    """Serve public reads from replicas when ``DATABASE_REPLICA_URLS`` names any."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not replica_aliases() or not may_read_from_replica(request):
            return self.get_response(request)
        with replica_reads():
            return self.get_response(request)
