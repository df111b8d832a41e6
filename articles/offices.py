"""One office, one title: 区委书记 and 崇明区委书记 name the same office for a 崇明区 leader.

Papers print a title with or without the place (区委书记 in 崇明报, 崇明区委书记 in a city
paper). Pages that count or list a leader's titles use the short form, so one office is one
row; the article page keeps the printed form.
"""
from __future__ import annotations

from collections.abc import Iterable

from articles.models import District

# A district name ends in one of these; the title keeps the suffix (崇明|区委书记, 佛坪|县长).
SUFFIXES = ("自治县", "区", "县", "市", "旗")


def district_stem(name: str) -> str:
    """Return the name without its 区/县/市 ending: 崇明区 → 崇明 (a one-character stem is kept whole)."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def normalise_title(title: str, district: District | None) -> str:
    """Drop the leader's own district from the front of a title: 崇明区委书记 → 区委书记.

    Only the leader's own place is dropped: 上海市委书记 for a 崇明区 leader is another office.
    """
    if district is None:
        return title
    stem = district_stem(district.name)
    if title.startswith(stem) and title[len(stem):].startswith(SUFFIXES):
        return title[len(stem):]
    return title


def normalise_titles(titles: Iterable[str], district: District | None) -> list[str]:
    """Normalise each title and drop the repeats that normalising creates, keeping the printed order."""
    seen: dict[str, None] = {}
    for title in titles:
        seen.setdefault(normalise_title(title, district), None)
    return list(seen)


def merge_title_spans(spans: list, district: District | None) -> list:
    """Merge a leader's title rows (browse.TitleSpan) that name one office: mentions add up, dates widen.

    The rows come from the per-title summary (LeaderTitle), so the page stays one index read; an
    article that prints both forms beside one name is counted in both rows and so twice here.
    """
    merged: dict[str, object] = {}
    for span in spans:
        title = normalise_title(span.title, district)
        known = merged.get(title)
        if known is None:
            merged[title] = type(span)(title, span.first_seen, span.last_seen, span.mentions)
        else:
            merged[title] = type(span)(title, min(known.first_seen, span.first_seen),
                                       max(known.last_seen, span.last_seen), known.mentions + span.mentions)
    return sorted(merged.values(), key=lambda s: (s.first_seen, s.last_seen, s.title))
