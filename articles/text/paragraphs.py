"""Reflow an article's body lines into paragraphs, and the small text facts of a finished body."""
from __future__ import annotations

import re

from articles.text import bylines
from articles.text.clean import ends_sentence, join_wrapped, remove_spurious_spaces
from articles.text.page_lines import Line

_SECTION_HEAD = re.compile(
    r"^(?:[■□●◆◇▲△★☆▪]|[-*•]\s|\*\*|[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十]+[)）]|[0-9０-９]+[.、．])"
)
_SENTENCE = re.compile(r"^.+?[。！？!?]")


def build_paragraphs(lines: list[Line], *, hard_wrapped: bool) -> list[str]:
    """Reflow body lines into paragraphs, one string per paragraph.

    A paragraph ends at a sentence end followed by a blank line or an indented line (in
    narrow columns), or at any sentence end (one line per paragraph). Section heads
    (``■ …``) and list debris always stand alone.
    """
    paragraphs: list[list[str]] = []
    prev: Line | None = None
    for line in lines:
        new = prev is None
        if prev is not None:
            head = bool(_SECTION_HEAD.match(line.text)) or bool(_SECTION_HEAD.match(prev.text))
            if head and (ends_sentence(prev.text) or line.blank_before or line.indent or not hard_wrapped):
                new = True
            elif ends_sentence(prev.text):
                new = not hard_wrapped or line.blank_before or line.indent
        if new:
            paragraphs.append([line.text])
        else:
            paragraphs[-1].append(line.text)
        prev = line
    return [remove_spurious_spaces(join_wrapped(p)) for p in paragraphs]


def derive_title(body: str, *, limit: int = 30) -> str | None:
    """Make a stand-in title from the first sentence, without the ``本报讯(…)`` lead."""
    text = body.split("\n", 1)[0]
    text = re.sub(r"^本报[\u4e00-\u9fff]{0,4}讯\s*(?:[（(][^()（）]{0,40}[)）])?\s*", "", text)
    match = _SENTENCE.match(text)
    sentence = (match.group(0) if match else text).rstrip("。！？!?，,")
    if not sentence:
        return None
    return sentence if len(sentence) <= limit else sentence[:limit] + "…"


# ---------------------------------------------------------------- articles


def strip_trailing_credit(lines: list[Line]) -> str | None:
    """Move a bracketed credit after the last sentence (``（记者 张三）``) from the body to the byline.

    A narrow column can wrap the credit over two lines (``（某某融媒体中心记者 张三`` / ``通讯员 李四）``).
    """
    if not lines:
        return None
    last, credit = bylines.split_source_credit(lines[-1].text)
    if credit:
        if last:
            lines[-1] = Line(last, lines[-1].blank_before, lines[-1].indent)
        else:
            lines.pop()
    elif len(lines) >= 2 and lines[-1].text.rstrip().endswith(("）", ")")):
        last, credit = bylines.split_source_credit(lines[-2].text.rstrip() + lines[-1].text.strip())
        if credit and len(last) <= len(lines[-2].text.rstrip()):
            lines.pop()
            if last:
                lines[-1] = Line(last, lines[-1].blank_before, lines[-1].indent)
            else:
                lines.pop()
    return credit


def ends_complete(paragraph: str) -> bool:
    """Return True if the text ends a sentence (or with an end mark such as ``(完)``)."""
    s = paragraph.rstrip()
    bracketed = bool(re.fullmatch(r"[（(][^()（）]*[)）]", s))  # a photo caption such as （图为…摄）
    return ends_sentence(s) or bracketed or bool(re.search(r"[（(]完[)）]$", s))
