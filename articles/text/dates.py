"""Find day-level dates in Chinese news text (stub: signatures first)."""
from __future__ import annotations

from datetime import date

from articles.text.parsed import DateMention


def find_dates(text: str, *, base: date | None) -> list[DateMention]:
    """Return every specific day or day range named in ``text``."""
    return []


def event_date(text: str, *, base: date | None) -> date | None:
    """Return the date of the main reported event, or None."""
    return None


def guess_issue_date(text: str) -> date | None:
    """Guess a page's issue date from the dates printed on it, or None."""
    return None
