"""Find officials named with their titles (stub: signatures first)."""
from __future__ import annotations

from typing import Iterable

from articles.text.parsed import LeaderMention


def find_leaders(text: str, *, known_names: Iterable[str] = ()) -> list[LeaderMention]:
    """Return one LeaderMention per official named with a title in ``text``."""
    return []
