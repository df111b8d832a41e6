"""``GET /healthz``: 200 when the database answers a query, 503 when it does not.

For a load balancer or systemd watchdog. It reads one row of a project table (not only
``SELECT 1``) so that a server without the schema, or one whose table is locked for longer
than the timeout, counts as unhealthy; the timeout keeps the probe from hanging.
"""
from __future__ import annotations

import logging

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_answers() -> bool:
    """Tell whether the database answers a read of the archive within the health timeout."""
    timeout_ms = int(settings.NEWSARCHIVE_HEALTH_TIMEOUT_MS)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [str(timeout_ms)])
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", [str(timeout_ms)])
            cursor.execute("SELECT 1 FROM articles_paper LIMIT 1")
            cursor.fetchall()
    except DatabaseError as exc:
        logger.warning("health check: database did not answer: %s", exc)
        return False
    return True


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Answer ``ok`` or ``database unavailable`` as plain text."""
    if database_answers():
        return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
    return HttpResponse("database unavailable\n", status=503, content_type="text/plain; charset=utf-8")
