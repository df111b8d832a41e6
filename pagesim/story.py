"""One article as it will be printed: body paragraphs, headline, credit and markers.

The body is the corpus text with full-width punctuation restored and the page's artefacts
applied; a story may be cut (``下转►2版`` / broken off mid-sentence) or be the tail of an
article continued from another page (``（上接第1版）``). Everything later read as gold
(title, byline, body) comes from here, so the gold is what was printed.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from pagesim import distort
from pagesim.corpus import Record
from pagesim.credits import Credit, choose_credit
from pagesim.headlines import Head, plan_head
from pagesim.names import People, people_in_byline, synthetic_people
from pagesim.punctuation import restore_fullwidth
from pagesim.style import PageStyle

_OWN_LEAD = re.compile(r"^[^，。,(（]{0,14}?讯")
_OWN_LEAD_CREDIT = re.compile(r"^[^，。,(（]{0,14}?讯\s*[(（]([^)）]{1,30})[)）]")
_TRAILING = re.compile(r"\s*[(（]([^()（）。，,]{1,24})[)）]\s*$")
CUT_AFTER = "，"


@dataclass
class Story:
    """An article laid out for print; ``n`` is assigned when it is placed on the page."""

    record: Record
    kind: str  # "article", "column", "continued", "digest_item"
    paragraphs: list[tuple[str, str]]  # (text, "body" | "subhead")
    head: Head | None = None
    placement: str = "missing"  # "before", "after", "end_block", "missing"
    doubled: bool = False
    credit: Credit = field(default_factory=Credit)
    byline: str | None = None
    caption: list[str] = field(default_factory=list)
    caption_after: bool = False
    continues: bool = False
    continued_from: str | None = None  # the 上接 marker printed before the body
    marker: str | None = None  # the 下转 marker printed after the body
    marker_inline: bool = False
    bullet: str | None = None  # digest items start with ■ / ●
    n: int | None = None
    tags: set[str] = field(default_factory=set)


def corpus_trailing_credit(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """Split a trailing ``(高君洁)`` credit off the last paragraph, as the corpus kept it."""
    m = _TRAILING.search(paragraphs[-1])
    if not m or not people_in_byline(m.group(1)):
        return paragraphs, None
    last = paragraphs[-1][:m.start()].rstrip()
    return (paragraphs[:-1] + [last] if last else paragraphs[:-1]), m.group(1)


def _prepare_text(text: str, style: PageStyle, ascii_punct: bool, rng: random.Random) -> str:
    """Restore punctuation and apply the page's artefacts to one paragraph."""
    if not ascii_punct:
        text = restore_fullwidth(text)
    if style.spaced_dates:
        text = distort.spaced_dates(text)
    if style.fullwidth_digits:
        text = distort.fullwidth_dates(text, first_only=rng.random() < 0.6)
    if style.stray_spaces and rng.random() < 0.5:
        text = distort.stray_spaces(text, rng, count=rng.randint(1, 2))
    if style.ocr and rng.random() < 0.4:
        text = distort.ocr_confusions(text, rng, count=1)
    return text.strip()


def prepared_paragraphs(record: Record, style: PageStyle, rng: random.Random) -> tuple[list[str], str | None]:
    """Return the printed paragraphs and any corpus trailing credit (already split off)."""
    paras, trailing = corpus_trailing_credit([p.strip() for p in record.body])
    ascii_punct = style.ascii_punct or rng.random() < 0.06
    paras = [_prepare_text(p, style, ascii_punct, rng) for p in paras]
    return [p for p in paras if p], trailing


def printed(text: str | None, style: PageStyle) -> str | None:
    """Return a corpus headline part as printed (full-width unless the page keeps ASCII)."""
    if not text:
        return None
    return text.strip() if style.ascii_punct else restore_fullwidth(text.strip())


def _people(record: Record, trailing: str | None, rng: random.Random) -> People:
    people = people_in_byline(trailing) or people_in_byline(record.byline)
    return people or synthetic_people(rng)


def plan_credit(story: Story, trailing: str | None, paper: str, rng: random.Random,
                style: str | None = None) -> None:
    """Choose the story's credit; a body that already opens with X讯 keeps its own lead."""
    first = story.paragraphs[0][0]
    own = _OWN_LEAD_CREDIT.match(first)
    if _OWN_LEAD.match(first):
        story.credit = Credit("own_lead")
        story.byline = own.group(1).strip() if own else None
        story.tags.add("inline_lead" if own else "plain_lead")
        return
    while True:
        story.credit = choose_credit(_people(story.record, trailing, rng), paper=paper, rng=rng)
        if style is None or story.credit.style == style:
            break
    story.byline = story.credit.byline


def cut_tail(paragraphs: list[tuple[str, str]], rng: random.Random) -> list[tuple[str, str]] | None:
    """Cut the body after a ，in a later paragraph (the rest went to another page)."""
    for _ in range(6):
        k = rng.randrange(1, len(paragraphs)) if len(paragraphs) > 1 else 0
        text = paragraphs[k][0]
        commas = [i for i, ch in enumerate(text) if ch in "，," and 10 < i < len(text) - 10]
        if commas:
            i = rng.choice(commas)
            return paragraphs[:k] + [(text[: i + 1], "body")]
    return None


def cut_head(paragraphs: list[tuple[str, str]], rng: random.Random) -> list[tuple[str, str]] | None:
    """Keep the tail of the body from after a ，or 。 (the start is on another page)."""
    for _ in range(6):
        k = rng.randrange(0, max(1, len(paragraphs) - 1))
        text = paragraphs[k][0]
        stops = [i for i, ch in enumerate(text) if ch in "，。," and 5 < i < len(text) - 20]
        if stops:
            i = rng.choice(stops)
            return [(text[i + 1:].strip(), "body")] + paragraphs[k + 1:]
    return None
