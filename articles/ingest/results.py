"""What an ingest reports: its result, its errors (in words an editor understands), and the content hash."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from articles.models import Issue

NO_PAPER = "无法确定报名：请用 --paper 指定，或把文件命名为 报名_YYYY-MM-DD_版次.txt（如 崇明报_2025-04-19_01.txt）。"

NO_DATE = "无法确定出版日期：请用 --date YYYY-MM-DD 指定，或把文件命名为 报名_YYYY-MM-DD_版次.txt。"

NO_ARTICLES = "文件中没有找到任何文章。"

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


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
