"""Read the gold annotation off the printed lines (gold by construction).

``flat`` is the page text with line breaks removed, as the scorer cuts it. Each article's
body runs from the first to the last character of its body segments; ``body_first`` and
``body_last`` are the 15 characters at each end. Noise items are the noise segments, one
item per group, as they stand in ``flat``.
"""
from __future__ import annotations

from pagesim.lines import BODY, NOISE, Line
from pagesim.scoring import norm
from pagesim.story import Story

ANCHOR = 15
UNANNOTATED = ["leaders", "event_date"]


def flat_text(lines: list[Line]) -> str:
    """Return the page text with its line breaks removed."""
    return "".join(line.text for line in lines)


def _spans(lines: list[Line]) -> tuple[dict[int, list[int]], list[tuple[int, int, int]]]:
    """Return body spans per article [start, end) and noise segments (group, start, end) in flat."""
    spans: dict[int, list[int]] = {}
    noise: list[tuple[int, int, int]] = []
    pos = 0
    for line in lines:
        for seg in line.segs:
            end = pos + len(seg.text)
            if seg.kind == BODY and line.article is not None:
                span = spans.setdefault(line.article, [pos, end])
                span[0], span[1] = min(span[0], pos), max(span[1], end)
            elif seg.kind == NOISE:
                noise.append((seg.group if seg.group is not None else -pos - 1, pos, end))
            pos = end
    return spans, noise


def _trim(flat: str, start: int, end: int) -> tuple[int, int]:
    while start < end and flat[start].isspace():
        start += 1
    while end > start and flat[end - 1].isspace():
        end -= 1
    return start, end


def _noise_items(flat: str, noise: list[tuple[int, int, int]], bodies: list[str]) -> list[str]:
    """Join noise segments by group; drop items a correct parser could not keep out of a body."""
    items: list[tuple[int, int, int]] = []
    for group, start, end in noise:
        if items and items[-1][0] == group:
            items[-1] = (group, items[-1][1], end)
        else:
            items.append((group, start, end))
    out = []
    for _, start, end in items:
        text = flat[slice(*_trim(flat, start, end))]
        # A fragment that also occurs inside some body would count as a leak for a correct parse.
        if text and not any(norm(text) in b for b in bodies):
            out.append(text)
    return out


def _article(story: Story, flat: str, start: int, end: int) -> dict:
    r = story.record
    head = story.head
    return {
        "n": story.n,
        "title": head.title if head else None,
        "subtitle": head.subtitle if head else None,
        "byline": story.byline,
        "body_first": flat[start:start + ANCHOR],
        "body_last": flat[end - ANCHOR:end],
        "event_date": None,
        "district_of_article": r.district,
        "leaders": [],
        "continues_elsewhere": story.continues,
        "continued_from_elsewhere": story.continued_from is not None,
        "title_location": story.placement if head else "missing",
        "corpus_id": r.id,
    }


def build_gold(lines: list[Line], stories: list[Story], *, file: str, encoding: str) -> dict:
    """Return the gold annotation of a page in the scorer's schema, plus per-line roles."""
    flat = flat_text(lines)
    spans, noise = _spans(lines)
    articles, bodies = [], []
    for story in sorted(stories, key=lambda s: s.n):
        start, end = _trim(flat, *spans[story.n])
        articles.append(_article(story, flat, start, end))
        bodies.append(norm(flat[start:end]))
    districts = {a["district_of_article"] for a in articles}
    return {
        "file": file,
        "encoding": encoding,
        "district_of_paper": districts.pop() if len(districts) == 1 else None,
        "unannotated": list(UNANNOTATED),
        "articles": articles,
        "noise": _noise_items(flat, noise, bodies),
        "lines": [{"role": line.role, "article": line.article} for line in lines],
    }
