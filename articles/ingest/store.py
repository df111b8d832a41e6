"""Store one issue in one transaction (new, unchanged or replaced), reprocess it, purge it."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.ingest.facts import Hints
from articles.ingest.places import paper_for
from articles.ingest.prepare import PreparedIssue, dominant_district, known_leader_names, known_names_in, prepare_issue
from articles.ingest.results import IngestResult, sha256_of, unchanged
from articles.ingest.sync import sync_articles
from articles.models import Issue
from articles.text import decode, parse_issue


def ingest_issue(
    data: bytes,
    *,
    filename: str,
    paper: str | None = None,
    issue_date: date | None = None,
    page: str | None = None,
    uploaded_by=None,  # noqa: ANN001 - a User or None
    known_leaders: Iterable[str] | None = None,
) -> IngestResult:
    """Store one issue file and its articles; a file already stored is a no-op.

    Paper, date and page given here are explicit facts (see ``facts`` for the order the
    others are taken in). Raises IngestError, having written nothing, when the file cannot be
    stored.
    """
    digest = sha256_of(data)
    existing = Issue.objects.filter(sha256=digest).first()
    if existing is not None:
        return unchanged(existing)
    known = list(known_leaders) if known_leaders is not None else known_leader_names()
    explicit = Hints(paper=paper or "", issue_date=issue_date, page=page)
    prepared = prepare_issue(data, filename=filename, explicit=explicit, known_leaders=known, paper_names=None)
    return store_prepared(prepared, uploaded_by=uploaded_by)


def store_prepared(prepared: PreparedIssue, *, uploaded_by=None) -> IngestResult:  # noqa: ANN001
    """Store a prepared issue in one transaction (the same bytes twice make one issue)."""
    existing = Issue.objects.filter(sha256=prepared.digest).first()
    if existing is not None:
        return unchanged(existing)
    try:
        return _store(prepared, uploaded_by=uploaded_by)
    except IntegrityError:
        # Another upload of the same bytes won the race; it is the same issue.
        existing = Issue.objects.filter(sha256=prepared.digest).first()
        if existing is None:
            raise
        return unchanged(existing)


@transaction.atomic
def _store(prepared: PreparedIssue, *, uploaded_by) -> IngestResult:  # noqa: ANN001
    parsed = prepared.parsed
    paper = paper_for(prepared.paper_name, district_name=dominant_district(parsed))
    issue = (
        Issue.objects.select_for_update()
        .filter(paper=paper, issue_date=prepared.issue_date, page=prepared.page)
        .first()
    )
    status = "replaced" if issue is not None else "new"
    if issue is None:
        issue = Issue(paper=paper, issue_date=prepared.issue_date, page=prepared.page)
    issue.original_filename = prepared.filename[:255]
    issue.raw_bytes = prepared.data
    issue.text = parsed.text
    issue.encoding = parsed.encoding
    issue.sha256 = prepared.digest
    issue.uploaded_by = uploaded_by
    issue.uploaded_at = timezone.now()
    issue.processed_at = timezone.now()
    issue.save()
    articles, leaders = sync_articles(issue, parsed)
    warnings = [w for a in parsed.articles for w in a.warnings]
    return IngestResult(issue=issue, status=status, articles=articles, leaders=leaders, warnings=warnings)


def reprocess_issue(issue: Issue, *, known_leaders: Iterable[str] | None = None) -> IngestResult:
    """Run the pipeline again over the stored raw bytes and refresh everything derived."""
    decoded = decode(bytes(issue.raw_bytes))
    known = list(known_leaders) if known_leaders is not None else known_leader_names()
    parsed = parse_issue(decoded.text, encoding=decoded.encoding, issue_date=issue.issue_date,
                         known_leaders=known_names_in(decoded.text, known))
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        issue.text = parsed.text
        issue.encoding = decoded.encoding
        issue.processed_at = timezone.now()
        issue.save(update_fields=["text", "encoding", "processed_at"])
        articles, leaders = sync_articles(issue, parsed)
    return IngestResult(issue=issue, status="reprocessed", articles=articles, leaders=leaders)


def purge_issue(issue: Issue) -> None:
    """Delete an issue and everything derived from it."""
    with transaction.atomic():
        issue.delete()
