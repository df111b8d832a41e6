"""What an ingest reports: its result, its errors (in words an editor understands), and the content hash."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from articles.models import Issue, Mention

# Fields an editor may correct by hand; reprocess re-applies them over the pipeline's output.
CORRECTABLE_FIELDS = ("title", "subtitle", "byline", "event_date", "district_id")


class IngestError(Exception):
    """A file that cannot become an issue; the message says why, in words an editor understands."""


@dataclass
class IngestResult:
    """What happened to one file."""

    issue: Issue
    status: str  # "new", "unchanged" or "replaced"
    articles: int = 0
    leaders: int = 0
    warnings: list[str] = field(default_factory=list)


def unchanged(issue: Issue) -> IngestResult:
    """Report a file whose very bytes are already stored: nothing written, the issue's own counts.

    The counts are what the stored issue holds (articles and leader mentions), so a re-upload
    reports the same figures as the first publish did, not "0 leaders".
    """
    articles = issue.articles.count()
    mentions = Mention.objects.filter(article__issue=issue).count()
    return IngestResult(issue=issue, status="unchanged", articles=articles, leaders=mentions)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
