"""Snippets with every hit marked, computed in Python on the displayed text.

PostgreSQL's ``ts_headline`` re-parses the text with its own parser, which does not segment
Chinese, so hits are found here instead: the displayed text is folded exactly like
``search_text`` (traditional to simplified, full width, CJK de-spacing) while remembering
where each folded character came from, the folded query terms are located, and the spans
are mapped back. Output is a list of plain-text segments; ``to_html`` escapes them, and
templates print them with auto-escaping, so nothing from the archive or the query is ever
emitted as markup.
"""
from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from articles.text import tokens

ELLIPSIS = "…"
_SPACE_BETWEEN_CJK = re.compile(r"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")


@dataclass(frozen=True)
class Segment:
    """A run of text, marked when it is (part of) a hit."""

    text: str
    hit: bool = False


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Return ``text`` folded like ``tokens.normalize`` and, per folded character, its index in ``text``."""
    folded: list[str] = []
    origin: list[int] = []
    quick = unicodedata.normalize("NFKC", text).lower()
    if len(quick) == len(text):  # the usual case: one folded character per character
        folded = list(tokens.to_simplified(quick))
        origin = list(range(len(text)))
    else:
        for i, char in enumerate(text):
            for out in tokens.fold_char(char):
                folded.append(out)
                origin.append(i)
    joined = "".join(folded)
    drop = {i for m in _SPACE_BETWEEN_CJK.finditer(joined) for i in range(m.start(), m.end())}
    if not drop:
        return joined, origin
    keep = [i for i in range(len(joined)) if i not in drop]
    return "".join(joined[i] for i in keep), [origin[i] for i in keep]


def hit_spans(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """Return the merged ``(start, end)`` spans of ``text`` where any folded needle occurs."""
    folded, origin = fold_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for needle in {n for n in needles if n}:
        start = folded.find(needle)
        while start >= 0:
            end = start + len(needle)
            spans.append((origin[start], origin[end - 1] + 1))
            start = folded.find(needle, start + 1)
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, needles: Iterable[str]) -> list[Segment]:
    """Return the whole of ``text`` as segments, hits marked (for titles)."""
    return _segments(text, hit_spans(text, needles), 0, len(text))


def snippet(text: str, needles: Iterable[str], *, context: int = 40, max_chars: int = 240) -> list[Segment]:
    """Return windows of ``text`` around its hits, every hit in them marked, joined by ``…``.

    Windows are ``context`` characters either side of each hit, merged where they touch,
    until ``max_chars`` are shown. Without a hit, the beginning of the text is shown.
    """
    text = text.replace("\n", " ")
    spans = hit_spans(text, needles)
    if not spans:
        cut = text[:max_chars]
        return [Segment(cut + (ELLIPSIS if len(text) > max_chars else ""))]
    windows = _merge([(max(0, s - context), min(len(text), e + context)) for s, e in spans])
    out: list[Segment] = []
    shown = last_end = 0
    for start, end in windows:
        if shown >= max_chars:
            break
        end = min(end, start + max_chars - shown)
        end = max(end, _hit_end_at(spans, end))  # never cut a hit in half
        if start > 0:
            out.append(Segment(ELLIPSIS))
        out.extend(_segments(text, spans, start, end))
        shown += end - start
        last_end = end
    if last_end < len(text):
        out.append(Segment(ELLIPSIS))
    return out


def _hit_end_at(spans: list[tuple[int, int]], pos: int) -> int:
    """Return the end of the hit that contains ``pos``, or ``pos``."""
    for start, end in spans:
        if start < pos < end:
            return end
    return pos


def _segments(text: str, spans: list[tuple[int, int]], start: int, end: int) -> list[Segment]:
    out: list[Segment] = []
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s > pos:
            out.append(Segment(text[pos:s]))
        out.append(Segment(text[s:e], hit=True))
        pos = e
    if pos < end:
        out.append(Segment(text[pos:end]))
    return out


def to_html(segments: Iterable[Segment]) -> str:
    """Return escaped HTML with hits in ``<mark>``: the only markup is the one added here."""
    return "".join(f"<mark>{html.escape(s.text)}</mark>" if s.hit else html.escape(s.text) for s in segments)


def to_text(segments: Iterable[Segment]) -> str:
    """Return the plain text of the segments."""
    return "".join(s.text for s in segments)
