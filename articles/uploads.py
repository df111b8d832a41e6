"""Staged uploads: check files, hold them for review, then publish or discard them.

An upload is checked file by file before anything is stored; a file that fails gets its
reason next to its name and the others go on. Good files wait as ``UploadFile`` rows (the
bytes in the database, never on a served path) with a preview of what the pipeline made of
them. Publishing goes through ``ingest.ingest_issue``, one transaction per issue.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from articles.events import record_event, username_of
from articles.filenames import parse_filename
from articles.ingest import IngestError, ingest_issue, known_leader_names, sha256_of
from articles.models import Issue, Paper, PendingUpload, UploadFile
from articles.text import DecodeError, ParsedIssue, decode, parse_issue
from articles.text.dates import guess_issue_date

MAX_FILENAME = 120
TOO_LARGE = "文件过大（{size}），上限为 {limit}。"
EMPTY = "文件为空。"
NO_PAPER = "无法确定报纸：请在上传表单中选择报纸，或把文件命名为 报名_YYYY-MM-DD_版次.txt。"
UNKNOWN_PAPER = "未知报纸“{name}”：请从已有报纸中选择；新报纸需由管理员先在“报纸”中添加。"
BAD_DATE = "文件名中的日期 {text} 不存在。"
FUTURE_DATE = "出版日期 {date} 在今天之后，不可能。"
EARLY_DATE = "出版日期 {date} 早于 1900 年，不可能。"
NO_DATE = "无法确定出版日期：请在上传表单中填写，或把文件命名为 报名_YYYY-MM-DD_版次.txt。"
NO_ARTICLES = "文件中没有找到任何文章。"
DUPLICATE = "与已有版面 #{id}（{issue}）完全相同，未作改动。"
NEEDS_CONFIRMATION = "将替换已有版面 #{id}（{issue}），请确认替换后再发布。"
_DATE_LIKE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")


class UploadRejected(Exception):
    """A file that fails a check; the message is shown next to its name."""


@dataclass(frozen=True)
class FileDefaults:
    """Facts the editor gave for every file of an upload, used where a file name says nothing."""

    paper: str = ""
    issue_date: date | None = None
    page: str = ""


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
    limit = settings.NEWSARCHIVE_UPLOAD_MAX_BYTES
    size = len(data) if size is None else size
    if size > limit:
        raise UploadRejected(TOO_LARGE.format(size=size_text(size), limit=size_text(limit)))
    if not data.strip():
        raise UploadRejected(EMPTY)


def check_paper(name: str) -> str:
    """Return the paper's name if it exists: uploads never create papers (a typo would make a new one)."""
    if not name:
        raise UploadRejected(NO_PAPER)
    if not Paper.objects.filter(name=name).exists():
        raise UploadRejected(UNKNOWN_PAPER.format(name=name))
    return name


def check_date(value: date | None) -> date:
    if value is None:
        raise UploadRejected(NO_DATE)
    if value > timezone.localdate():
        raise UploadRejected(FUTURE_DATE.format(date=value.isoformat()))
    if value.year < 1900:
        raise UploadRejected(EARLY_DATE.format(date=value.isoformat()))
    return value


def impossible_date_in_name(filename: str) -> str | None:
    """Return a date-like part of the file name that is no real day (2025-02-30), else None."""
    for match in _DATE_LIKE.finditer(PurePosixPath(filename).stem):
        try:
            date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return match[0]
    return None


def resolve_facts(filename: str, text: str, defaults: FileDefaults,
                  explicit: FileDefaults = FileDefaults()) -> tuple[str, date, str]:
    """Return (paper, issue date, page).

    Each fact comes from what the editor set for this very file (``explicit``), else the
    file name, else the upload form's ``defaults``, else (the date only) the text.
    """
    if not explicit.issue_date and (bad := impossible_date_in_name(filename)):
        raise UploadRejected(BAD_DATE.format(text=bad))
    facts = parse_filename(filename)
    named_paper = facts.paper if facts.paper and Paper.objects.filter(name=facts.paper).exists() else None
    paper = check_paper((explicit.paper or named_paper or defaults.paper or facts.paper or "").strip())
    issue_date = check_date(explicit.issue_date or facts.issue_date or defaults.issue_date or guess_issue_date(text))
    # A file the editor described keeps the page they gave, even none.
    page = explicit.page if explicit.paper else (facts.page or defaults.page or "")
    return paper, issue_date, page


def article_warnings(article: Any, *, known: set[str]) -> list[str]:
    """Return the reviewer's notes for one parsed article: the pipeline's, plus what is missing or new."""
    notes = list(article.warnings)
    if article.continues_elsewhere:
        notes.append("文章在本版未完（转下版）")
    if article.continued_from_elsewhere:
        notes.append("文章接上版，开头不在本版")
    if article.event_date is None:
        notes.append("未找到事件日期")
    notes += [f"新领导：{m.name}（此前未见）" for m in article.leaders if m.name not in known]
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


def analyse_file(upload_file: UploadFile, data: bytes, *, defaults: FileDefaults, known: set[str],
                 explicit: FileDefaults = FileDefaults()) -> None:
    """Check one file and fill in its facts and preview; raise UploadRejected with the reason."""
    check_size(data)
    try:
        decoded = decode(data)
    except DecodeError as exc:
        raise UploadRejected(f"不是可读的文本文件：{exc.reason}") from exc
    paper, issue_date, page = resolve_facts(upload_file.filename, decoded.text, defaults, explicit)
    parsed = parse_issue(decoded.text, encoding=decoded.encoding, issue_date=issue_date, known_leaders=known)
    if not parsed.articles:
        raise UploadRejected(NO_ARTICLES)
    upload_file.encoding = decoded.encoding
    upload_file.paper_name, upload_file.issue_date, upload_file.page = paper, issue_date, page[:20]
    upload_file.preview = preview_of(parsed, known=known)
    upload_file.sha256 = sha256_of(data)
    upload_file.message = existing_issue_note(upload_file)


def stage_file(upload: PendingUpload, *, position: int, name: str, data: bytes, size: int, defaults: FileDefaults,
               explicit: FileDefaults, known: set[str]) -> UploadFile:
    """Check one file; keep its bytes for review if it passes, only its name and reason if not."""
    upload_file = UploadFile(upload=upload, position=position, filename=clean_filename(name), size=max(size, len(data)))
    _check_into(upload_file, data, defaults=defaults, explicit=explicit, known=known)
    upload_file.save()
    return upload_file


def _check_into(upload_file: UploadFile, data: bytes, *, defaults: FileDefaults, explicit: FileDefaults,
                known: set[str]) -> None:
    """Run every check on the file and set its status, message and bytes accordingly (not saved)."""
    try:
        check_size(data, size=upload_file.size)
        analyse_file(upload_file, data, defaults=defaults, explicit=explicit, known=known)
    except UploadRejected as exc:
        upload_file.status, upload_file.message, upload_file.raw_bytes = UploadFile.REJECTED, str(exc), b""
    else:
        upload_file.status, upload_file.raw_bytes = UploadFile.PENDING, data


def _facts_json(facts: FileDefaults) -> dict:
    return {"paper": facts.paper, "issue_date": facts.issue_date.isoformat() if facts.issue_date else None,
            "page": facts.page}


def _facts_from_json(data: dict | None) -> FileDefaults:
    data = data or {}
    issue_date = date.fromisoformat(data["issue_date"]) if data.get("issue_date") else None
    return FileDefaults(paper=data.get("paper", ""), issue_date=issue_date, page=data.get("page", ""))


def queue_file(upload: PendingUpload, *, position: int, name: str, data: bytes, size: int, defaults: FileDefaults,
               explicit: FileDefaults) -> UploadFile:
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
    if not upload.files.exclude(status=UploadFile.REJECTED).exists():
        _close_rejected(upload, user=upload.created_by)
    return upload_file


def _close_rejected(upload: PendingUpload, *, user: Any) -> None:
    """An upload whose every file was refused has nothing left to review."""
    upload.status = PendingUpload.DISCARDED
    upload.decided_at, upload.decided_by = timezone.now(), username_of(user)
    upload.save()


@transaction.atomic
def stage_upload(*, files: list[tuple[str, bytes, int]], user: Any, defaults: FileDefaults = FileDefaults(),
                 per_file: list[FileDefaults] | None = None) -> PendingUpload:
    """Check and hold a batch of (name, bytes, real size) files for review; log one upload event.

    With ``NEWSARCHIVE_BACKGROUND`` on, the files are only stored and queued: the worker
    (articles/worker.py) checks them, and the review page shows them as they are done.

    ``per_file`` holds what the editor set for each file (in the same order), which wins over
    the file name. The bytes of a file over the size limit may be cut short (the form reads
    no further than the limit); the real size is what the check and the report use.
    """
    per_file = list(per_file or []) + [FileDefaults()] * (len(files) - len(per_file or []))
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
        if not any(f.status == UploadFile.PENDING for f in staged):
            _close_rejected(upload, user=user)
    record_event(action="upload", user=user, obj=upload, details={
        "files": [{"name": f.filename, "size": f.size, "status": f.status, "message": f.message} for f in staged],
    })
    return upload


@transaction.atomic
def update_file_facts(upload_file: UploadFile, *, paper: str, issue_date: date | None, page: str, user: Any) -> UploadFile:
    """Change a pending file's paper, date or page and analyse it again; raise UploadRejected if they fail."""
    upload_file = UploadFile.objects.select_for_update().get(pk=upload_file.pk)
    data = bytes(upload_file.raw_bytes)
    check_paper(paper)
    check_date(issue_date)
    explicit = FileDefaults(paper=paper, issue_date=issue_date, page=page)
    analyse_file(upload_file, data, defaults=FileDefaults(), explicit=explicit, known=set(known_leader_names()))
    upload_file.save()
    record_event(action="upload", user=user, obj=upload_file.upload,
                 description=f"{upload_file.upload} 修改 {upload_file.filename}",
                 details={"file": upload_file.filename, "paper": paper, "issue_date": str(issue_date), "page": page})
    return upload_file


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
            result = ingest_issue(
                bytes(locked.raw_bytes), filename=locked.filename, paper=locked.paper_name,
                issue_date=locked.issue_date, page=locked.page, uploaded_by=user,
            )
            _record_outcome(locked, result, user=user)
            return locked
    except (IngestError, DatabaseError) as exc:
        upload_file.status, upload_file.message = UploadFile.FAILED, f"发布失败，未写入任何内容：{exc}"
        upload_file.save(update_fields=["status", "message"])
    return upload_file


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


def publish_upload(upload: PendingUpload, *, user: Any, confirm_replace: bool = False) -> list[UploadFile]:
    """Publish every pending file of an upload (each file atomically); return the files."""
    for upload_file in upload.files.filter(status__in=[UploadFile.PENDING, UploadFile.FAILED]).order_by("position"):
        publish_file(upload_file, user=user, confirm_replace=confirm_replace)
    _close_if_done(upload, user=user, status=PendingUpload.PUBLISHED)
    return list(upload.files.order_by("position"))


def request_publish(upload: PendingUpload, *, user: Any, confirm_replace: bool = False) -> int:
    """Queue every pending file of an upload for the worker to publish; return how many were queued."""
    return upload.files.filter(status__in=[UploadFile.PENDING, UploadFile.FAILED]).update(
        status=UploadFile.PUBLISHING, publish_requested_by=user if getattr(user, "pk", None) else None,
        confirm_replace=confirm_replace, message="等待后台发布……",
    )


def publish_queued_file(upload_file: UploadFile) -> UploadFile:
    """Publish a file the worker took from the queue, as the editor who asked; close the upload when done."""
    user = upload_file.publish_requested_by
    upload_file = publish_file(upload_file, user=user, confirm_replace=upload_file.confirm_replace)
    _close_if_done(upload_file.upload, user=user, status=PendingUpload.PUBLISHED)
    return upload_file


def _close_if_done(upload: PendingUpload, *, user: Any, status: str) -> None:
    if upload.files.filter(status__in=[UploadFile.PENDING, UploadFile.FAILED, *UploadFile.WAITING]).exists():
        return
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
