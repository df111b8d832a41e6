"""The pipeline's output types: plain dataclasses, so every step is testable with a string.

Pure Python: nothing in ``articles.text`` imports Django.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class DateMention:
    """A specific day or day range named in the text, as printed and normalised."""

    text: str
    start: date | None
    end: date | None


@dataclass
class LeaderMention:
    """An official named in an article with every title printed next to the name."""

    name: str
    titles: list[str] = field(default_factory=list)


@dataclass
class ParsedArticle:
    """One article as a reader sees it on the printed page."""

    body: str
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    # A title made up from the body when the page printed none; never reported as ``title``.
    derived_title: str | None = None
    event_date: date | None = None
    dates: list[DateMention] = field(default_factory=list)
    district: str | None = None
    leaders: list[LeaderMention] = field(default_factory=list)
    continues_elsewhere: bool = False
    continued_from_elsewhere: bool = False
    # Notes for a human reviewer, e.g. "标题按内容匹配" (headline matched by content).
    warnings: list[str] = field(default_factory=list)

    @property
    def display_title(self) -> str:
        """Return the printed title, else the derived one, else an empty string."""
        return self.title or self.derived_title or ""

    def paragraphs(self) -> list[str]:
        """Return the body's paragraphs (the body keeps one paragraph per line)."""
        return [p for p in self.body.split("\n") if p.strip()]


@dataclass
class ParsedIssue:
    """A whole page: its decoded text and the articles found on it."""

    text: str
    encoding: str
    articles: list[ParsedArticle] = field(default_factory=list)
    issue_date: date | None = None
    # Text outside every article: headline echoes, QR boxes, 导读 teasers, markers.
    noise: list[str] = field(default_factory=list)
