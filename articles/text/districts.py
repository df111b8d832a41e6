"""Find the district or county-level city an article is about (stub: signatures first)."""
from __future__ import annotations


def district_of(text: str, *, title: str | None = None, default: str | None = None) -> str | None:
    """Return the full district name (e.g. 崇明区) the text is about, else ``default``."""
    return default
