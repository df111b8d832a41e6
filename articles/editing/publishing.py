"""Publish or discard the files of a staged upload, each file in its own transaction.

Publishing stores the prepared issue kept at staging (``UploadFile.prepared``) with
``ingest.store_prepared``, the function the ``ingest_issues`` command stores with: what the
editor reviewed is what is published, never a second parse. With ``NEWSARCHIVE_BACKGROUND``
on, files are queued here and the worker (``editing/worker.py``) publishes them the same way.
"""
from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.db import DatabaseError, transaction
from django.utils import timezone

from articles.editing.events import record_event, username_of
from articles.editing.uploads import DUPLICATE, existing_issue_note
from articles.ingest import (
    Hints, IngestError, PreparedIssue, known_leader_names, prepare_issue, prepared_from_json, store_prepared,
)
from articles.models import Issue, PendingUpload, UploadFile


def _outcome_message(status: str, issue: Issue, replaced: bool) -> str:
    if status == UploadFile.UNCHANGED:
        return DUPLICATE.format(id=issue.pk, issue=issue)
    return f"已{'替换' if replaced else '发布'}为版面 #{issue.pk}（{issue}）。"


def publish_file(upload_file: UploadFile, *, user: Any, confirm_replace: bool = False) -> UploadFile:
    """Publish one pending file in its own transaction; a replacement waits for confirmation.

    The file's row is locked first and its status read again under the lock, so a double
    click (several publishes of one upload at once) publishes it once: the others wait, find
    it already published and change nothing, and log nothing.
    """
    try:
        with transaction.atomic():
            locked = UploadFile.objects.select_for_update().get(pk=upload_file.pk)
            if locked.status not in (UploadFile.PENDING, UploadFile.FAILED, UploadFile.PUBLISHING):
                return locked  # published or discarded meanwhile by another request
            note = existing_issue_note(locked)
            if locked.replaces_issue_id and not confirm_replace:
                locked.message = note
                if locked.status == UploadFile.PUBLISHING:  # out of the queue, back to review
                    locked.status = UploadFile.PENDING
                locked.save(update_fields=["message", "replaces_issue_id", "status"])
                return locked
            result = store_prepared(_reviewed(locked), uploaded_by=user)
            _record_outcome(locked, result, user=user)
            return locked
    except (IngestError, DatabaseError) as exc:
        upload_file.status, upload_file.message = UploadFile.FAILED, f"发布失败，未写入任何内容：{exc}"
        upload_file.save(update_fields=["status", "message"])
    return upload_file


def _reviewed(upload_file: UploadFile) -> PreparedIssue:
    """Return the prepared issue the editor reviewed, as kept at staging (no second parse).

    A file staged before prepared issues were kept has none; it is prepared again from the
    facts the review showed, through the same door.
    """
    data = bytes(upload_file.raw_bytes)
    if upload_file.prepared:
        return prepared_from_json(upload_file.prepared, data=data)
    explicit = Hints(paper=upload_file.paper_name, issue_date=upload_file.issue_date, page=upload_file.page)
    return prepare_issue(data, filename=upload_file.filename, explicit=explicit,
                         known_leaders=known_leader_names(), paper_names=None, create_papers=False)


def _record_outcome(upload_file: UploadFile, result: Any, *, user: Any) -> None:
    """Write the file's outcome and its event (inside the publish transaction)."""
    status = {"new": UploadFile.NEW, "replaced": UploadFile.REPLACED}.get(result.status, UploadFile.UNCHANGED)
    upload_file.status = status
    upload_file.message = _outcome_message(status, result.issue, status == UploadFile.REPLACED)
    upload_file.issue_id_copy = result.issue.pk
    upload_file.articles, upload_file.leaders = result.articles, result.leaders
    upload_file.raw_bytes = b""  # the issue keeps its own copy
    upload_file.save()
    action = {UploadFile.NEW: "publish", UploadFile.REPLACED: "replace"}.get(status, "unchanged")
    record_event(action=action, user=user, obj=result.issue, details={
        "upload_id": upload_file.upload_id, "file": upload_file.filename, "sha256": upload_file.sha256,
        "articles": result.articles, "leaders": result.leaders, "replaced_issue_id": upload_file.replaces_issue_id,
    })


def publish_upload(upload: PendingUpload, *, user: Any, confirm_replace: bool = False,
                   confirmed: Collection[int] = ()) -> list[UploadFile]:
    """Publish every pending file of an upload (each file atomically); return the files.

    A file that would replace an issue is published only when ``confirm_replace`` (all) or
    its id is in ``confirmed``.
    """
    for upload_file in upload.files.filter(status__in=[UploadFile.PENDING, UploadFile.FAILED]).order_by("position"):
        publish_file(upload_file, user=user, confirm_replace=confirm_replace or upload_file.pk in confirmed)
    _close_if_done(upload, user=user, status=PendingUpload.PUBLISHED)
    return list(upload.files.order_by("position"))


def request_publish(upload: PendingUpload, *, user: Any, confirm_replace: bool = False,
                    confirmed: Collection[int] = ()) -> int:
    """Queue every pending file of an upload for the worker to publish; return how many were queued."""
    waiting = upload.files.filter(status__in=[UploadFile.PENDING, UploadFile.FAILED])
    requested_by = user if getattr(user, "pk", None) else None
    queued = waiting.filter(pk__in=list(confirmed)).update(
        status=UploadFile.PUBLISHING, publish_requested_by=requested_by, confirm_replace=True, message="等待后台发布……")
    return queued + waiting.exclude(pk__in=list(confirmed)).update(
        status=UploadFile.PUBLISHING, publish_requested_by=requested_by, confirm_replace=confirm_replace,
        message="等待后台发布……")


def publish_queued_file(upload_file: UploadFile) -> UploadFile:
    """Publish a file the worker took from the queue, as the editor who asked; close the upload when done."""
    user = upload_file.publish_requested_by
    upload_file = publish_file(upload_file, user=user, confirm_replace=upload_file.confirm_replace)
    _close_if_done(upload_file.upload, user=user, status=PendingUpload.PUBLISHED)
    return upload_file


def _close_if_done(upload: PendingUpload, *, user: Any, status: str) -> None:
    """Close the upload once no file waits; refused files left unfixed lose their bytes then."""
    if upload.files.filter(status__in=[UploadFile.PENDING, UploadFile.FAILED, *UploadFile.WAITING]).exists():
        return
    upload.files.filter(status=UploadFile.REJECTED).exclude(raw_bytes=b"").update(raw_bytes=b"")
    upload.status, upload.decided_at, upload.decided_by = status, timezone.now(), username_of(user)
    upload.save(update_fields=["status", "decided_at", "decided_by"])


@transaction.atomic
def discard_upload(upload: PendingUpload, *, user: Any) -> None:
    """Drop every file still waiting; their bytes are deleted, the report and the log stay."""
    waiting = upload.files.filter(status__in=[UploadFile.PENDING, UploadFile.FAILED, UploadFile.QUEUED])
    names = list(waiting.values_list("filename", flat=True))
    waiting.update(status=UploadFile.DISCARDED, raw_bytes=b"", message="已放弃，未发布。")
    _close_if_done(upload, user=user, status=PendingUpload.DISCARDED)
    record_event(action="discard", user=user, obj=upload, details={"files": names})
