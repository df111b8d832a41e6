"""The background worker: checks and publishes uploaded files queued in PostgreSQL.

The queue is the ``UploadFile`` rows themselves (status ``queued`` to check, ``publishing``
to publish). The worker takes the oldest waiting row with ``FOR UPDATE SKIP LOCKED`` and does
the whole job in the transaction that holds that lock. So several workers never take the
same file, and a worker killed mid-job loses nothing: its transaction is rolled back, the
row is still waiting, and the next worker takes it from the start. Nothing is half-written,
because checking and publishing write only inside that transaction.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.db import close_old_connections, transaction

from articles.editing import publishing, uploads
from articles.models import UploadFile

logger = logging.getLogger(__name__)


def process_next() -> bool:
    """Check or publish the oldest waiting file; return False when none is waiting."""
    with transaction.atomic():
        upload_file = (
            UploadFile.objects.select_for_update(skip_locked=True)
            .filter(status__in=UploadFile.WAITING).select_related("upload").order_by("pk").first()
        )
        if upload_file is None:
            return False
        if upload_file.status == UploadFile.QUEUED:
            uploads.check_queued_file(upload_file)
        else:
            publishing.publish_queued_file(upload_file)
    logger.info("upload file %s (%s): %s", upload_file.pk, upload_file.filename, upload_file.status)
    return True


def run(*, should_stop: Callable[[], bool], poll_seconds: float = 1.0) -> int:
    """Work until ``should_stop()`` says so, polling when the queue is empty; return the jobs done."""
    done = 0
    while not should_stop():
        close_old_connections()
        if process_next():
            done += 1
        else:
            time.sleep(poll_seconds)
    return done
