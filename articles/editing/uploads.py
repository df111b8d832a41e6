"""Staged uploads: check files and hold them for review (``publishing`` publishes or discards them).

An upload is checked file by file before anything is stored; a file that fails gets its
reason next to its name and the others go on. Good files wait as ``UploadFile`` rows (the
bytes in the database, never on a served path) with the issue prepared from them
(``ingest.prepare_issue``, the door the ``ingest_issues`` command uses too) and a preview of
it. A file refused only for its paper or date keeps its bytes until the upload is closed, so
the editor can fix it in review.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.editing.events import record_event, username_of
from articles.ingest import Hints, IngestError, chinese_only, known_leader_names, prepare_issue, prepared_to_json
from articles.ingest.facts import FactsError
from articles.models import Issue, PendingUpload, UploadFile
from articles.text import ParsedIssue

MAX_FILENAME = 120
TOO_LARGE = "文件过大（{size}），上限为 {limit}。"
DUPLICATE = "与已有版面 #{id}（{issue}）完全相同，未作改动。"
NEEDS_CONFIRMATION = "将替换已有版面 #{id}（{issue}），请确认替换后再发布。"


class UploadRejected(IngestError):
    """A file that fails a check of the upload itself (its size); the message is shown next to its name."""


def clean_filename(name: str) -> str:
    """Return a safe display name: the basename only, no control characters, at most 120 characters."""
    base = re.split(r"[/\\]", name or "")[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip().lstrip(".")
    if len(base) > MAX_FILENAME:
        suffix = PurePosixPath(base).suffix[:10]
        base = base[: MAX_FILENAME - len(suffix)] + suffix
    return base or "未命名文件"


def size_text(size: int) -> str:
    """Say a size in bytes for a person: "5.0 MB", or "64 KB" below a megabyte."""
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def limits_text() -> str:
    """Say the upload limits in Chinese (on the upload page, and when a request is refused for its size)."""
    return (f"单个版面文件不能超过 {size_text(settings.NEWSARCHIVE_UPLOAD_MAX_BYTES)}，"
            f"一次最多上传 {settings.DATA_UPLOAD_MAX_NUMBER_FILES} 个文件。")


def check_size(data: bytes, *, size: int | None = None) -> None:
    """Refuse a file over the upload limit: a limit of the web form, which reads no further."""
    limit = settings.NEWSARCHIVE_UPLOAD_MAX_BYTES
    size = len(data) if size is None else size
    if size > limit:
        raise UploadRejected(TOO_LARGE.format(size=size_text(size), limit=size_text(limit)))


def article_warnings(article: Any, *, known: set[str]) -> list[str]:
    """Return the reviewer's notes for one parsed article: the pipeline's, plus what is missing or new."""
    notes = [chinese_only(w) for w in article.warnings]
    if article.continues_elsewhere:
        notes.append("文章在本版未完（转下版）")
    if article.continued_from_elsewhere:
        notes.append("文章接上版，开头不在本版")
    if article.event_date is None:
        notes.append("未找到事件日期")
    new = [m.name for m in article.leaders if m.name not in known]
    if new:  # one note for all of them: the review shows one short line per article
        notes.append(f"新领导（此前未见）：{'、'.join(new)}")
    return notes


def preview_of(parsed: ParsedIssue, *, known: set[str]) -> list[dict]:
    """Return what the review page shows of each article, as JSON-ready dicts in printed order."""
    return [
        {
            "position": position,
            "title": article.title or "",
            "derived_title": article.derived_title or "",
            "subtitle": article.subtitle or "",
            "byline": article.byline or "",
            "event_date": article.event_date.isoformat() if article.event_date else None,
            "district": article.district or "",
            "leaders": [{"name": m.name, "titles": list(m.titles), "new": m.name not in known} for m in article.leaders],
            "paragraphs": len(article.paragraphs()),
            "excerpt": article.body[:120],
            "warnings": article_warnings(article, known=known),
        }
        for position, article in enumerate(parsed.articles, start=1)
    ]


def existing_issue_note(upload_file: UploadFile) -> str:
    """Say whether publishing this file is a no-op or a replacement, and remember which issue."""
    same = Issue.objects.filter(sha256=upload_file.sha256).select_related("paper").first()
    if same is not None:
        upload_file.replaces_issue_id = None
        return DUPLICATE.format(id=same.pk, issue=same)
    target = (Issue.objects.select_related("paper")
              .filter(paper__name=upload_file.paper_name, issue_date=upload_file.issue_date, page=upload_file.page)
              .first())
    upload_file.replaces_issue_id = target.pk if target else None
    return NEEDS_CONFIRMATION.format(id=target.pk, issue=target) if target else ""


def analyse_file(upload_file: UploadFile, data: bytes, *, defaults: Hints, known: set[str],
                 explicit: Hints = Hints()) -> None:
    """Prepare one file through the ingest door and keep what review shows and publishing stores.

    Raises IngestError with the reason (FactsError when only the paper or date is wanting).
    """
    check_size(data)
    prepared = prepare_issue(data, filename=upload_file.filename, explicit=explicit, defaults=defaults,
                             known_leaders=known, paper_names=None, create_papers=False)
    upload_file.encoding = prepared.parsed.encoding
    upload_file.paper_name, upload_file.issue_date, upload_file.page = (
        prepared.paper_name, prepared.issue_date, prepared.page)
    upload_file.preview = preview_of(prepared.parsed, known=known)
    upload_file.prepared = prepared_to_json(prepared)
    upload_file.sha256 = prepared.digest
    upload_file.message = existing_issue_note(upload_file)


def stage_file(upload: PendingUpload, *, position: int, name: str, data: bytes, size: int, defaults: Hints,
               explicit: Hints, known: set[str]) -> UploadFile:
    """Check one file; keep its bytes for review if it passes, only its name and reason if not."""
    upload_file = UploadFile(upload=upload, position=position, filename=clean_filename(name), size=max(size, len(data)))
    _check_into(upload_file, data, defaults=defaults, explicit=explicit, known=known)
    upload_file.save()
    return upload_file


def _check_into(upload_file: UploadFile, data: bytes, *, defaults: Hints, explicit: Hints,
                known: set[str]) -> None:
    """Run every check on the file and set its status, message and bytes accordingly (not saved).

    A file refused only for its paper or date keeps its bytes, so the editor can give them in
    review; any other refusal drops them.
    """
    try:
        check_size(data, size=upload_file.size)
        analyse_file(upload_file, data, defaults=defaults, explicit=explicit, known=known)
    except FactsError as exc:
        upload_file.status, upload_file.message, upload_file.raw_bytes = UploadFile.REJECTED, str(exc), data
        upload_file.prepared, upload_file.preview = None, []
    except IngestError as exc:
        upload_file.status, upload_file.message, upload_file.raw_bytes = UploadFile.REJECTED, str(exc), b""
        upload_file.prepared, upload_file.preview = None, []
    else:
        upload_file.status, upload_file.raw_bytes = UploadFile.PENDING, data


def _facts_json(facts: Hints) -> dict:
    return {"paper": facts.paper, "issue_date": facts.issue_date.isoformat() if facts.issue_date else None,
            "page": facts.page}


def _facts_from_json(data: dict | None) -> Hints:
    data = data or {}
    issue_date = date.fromisoformat(data["issue_date"]) if data.get("issue_date") else None
    return Hints(paper=data.get("paper", ""), issue_date=issue_date, page=data.get("page"))


def queue_file(upload: PendingUpload, *, position: int, name: str, data: bytes, size: int, defaults: Hints,
               explicit: Hints) -> UploadFile:
    """Keep a file's bytes and the facts given with it for the background worker to check."""
    return UploadFile.objects.create(
        upload=upload, position=position, filename=clean_filename(name), size=max(size, len(data)),
        status=UploadFile.QUEUED, raw_bytes=data, message="等待后台检查……",
        facts_given={"defaults": _facts_json(defaults), "explicit": _facts_json(explicit)},
    )


def check_queued_file(upload_file: UploadFile) -> UploadFile:
    """Check a file the worker took from the queue (inside the worker's transaction, row locked)."""
    facts = upload_file.facts_given or {}
    upload_file.message = ""
    _check_into(upload_file, bytes(upload_file.raw_bytes), defaults=_facts_from_json(facts.get("defaults")),
                explicit=_facts_from_json(facts.get("explicit")), known=set(known_leader_names()))
    upload_file.save()
    upload = upload_file.upload
    if not _open_files(upload).exists():
        _close_rejected(upload, user=upload.created_by)
    return upload_file


def _open_files(upload: PendingUpload) -> Any:
    """The files an editor can still act on: pending, waiting, failed, or refused but fixable."""
    fixable = Q(status=UploadFile.REJECTED) & ~Q(raw_bytes=b"")
    return upload.files.filter(Q(status__in=[UploadFile.PENDING, UploadFile.FAILED, *UploadFile.WAITING]) | fixable)


def _close_rejected(upload: PendingUpload, *, user: Any) -> None:
    """An upload whose every file was refused has nothing left to review."""
    upload.status = PendingUpload.DISCARDED
    upload.decided_at, upload.decided_by = timezone.now(), username_of(user)
    upload.save()


@transaction.atomic
def stage_upload(*, files: list[tuple[str, bytes, int]], user: Any, defaults: Hints = Hints(),
                 per_file: list[Hints] | None = None) -> PendingUpload:
    """Check and hold a batch of (name, bytes, real size) files for review; log one upload event.

    With ``NEWSARCHIVE_BACKGROUND`` on, the files are only stored and queued: the worker
    (articles/editing/worker.py) checks them, and the review page shows them as they are done.

    ``per_file`` holds what the editor set for each file (in the same order), which wins over
    the file name. The bytes of a file over the size limit may be cut short (the form reads
    no further than the limit); the real size is what the check and the report use.
    """
    per_file = list(per_file or []) + [Hints()] * (len(files) - len(per_file or []))
    upload = PendingUpload.objects.create(created_by=user if getattr(user, "pk", None) else None,
                                          username=username_of(user))
    if settings.NEWSARCHIVE_BACKGROUND:
        staged = [
            queue_file(upload, position=i, name=name, data=data, size=size, defaults=defaults, explicit=explicit)
            for i, ((name, data, size), explicit) in enumerate(zip(files, per_file), start=1)
        ]
    else:
        known = set(known_leader_names())
        staged = [
            stage_file(upload, position=i, name=name, data=data, size=size, defaults=defaults, explicit=explicit,
                       known=known)
            for i, ((name, data, size), explicit) in enumerate(zip(files, per_file), start=1)
        ]
        if not any(f.status == UploadFile.PENDING or f.can_fix for f in staged):
            _close_rejected(upload, user=user)
    record_event(action="upload", user=user, obj=upload, details={
        "files": [{"name": f.filename, "size": f.size, "status": f.status, "message": f.message} for f in staged],
    })
    return upload


@transaction.atomic
def update_file_facts(upload_file: UploadFile, *, paper: str, issue_date: date | None, page: str, user: Any) -> UploadFile:
    """Give a pending or refused file its paper, date and page and prepare it again.

    Raises IngestError (and changes nothing) if the file still cannot be prepared; a refused
    file that passes becomes pending like any other.
    """
    upload_file = UploadFile.objects.select_for_update().get(pk=upload_file.pk)
    data = bytes(upload_file.raw_bytes)
    explicit = Hints(paper=paper, issue_date=issue_date or None, page=page)
    analyse_file(upload_file, data, defaults=Hints(), explicit=explicit, known=set(known_leader_names()))
    upload_file.status = UploadFile.PENDING
    upload_file.save()
    record_event(action="upload", user=user, obj=upload_file.upload,
                 description=f"{upload_file.upload} 修改 {upload_file.filename}",
                 details={"file": upload_file.filename, "paper": paper, "issue_date": str(issue_date), "page": page})
    return upload_file
