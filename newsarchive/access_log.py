"""One log line per request: method, path, status and milliseconds.

A middleware rather than the WSGI server's access log, so ``runserver``, gunicorn and the
tests all log the same line, and the time covers exactly what Django spent on the request.
It sits first in MIDDLEWARE so that static files answered by WhiteNoise are logged too.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("newsarchive.access")


class AccessLogMiddleware:
    """Log ``GET /search/?q=… 200 12.3ms`` once the response is ready (or the view raised)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            return response
        finally:
            elapsed_ms = (time.perf_counter() - started) * 1000
            logger.info(
                "%s %s %d %.1fms", request.method, request.get_full_path(), status, elapsed_ms,
                extra={"method": request.method, "path": request.path, "status": status, "ms": elapsed_ms},
            )
