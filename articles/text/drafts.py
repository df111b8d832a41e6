"""An article while the page is being cut (``Draft``) and once cut (``Segment``)."""
from __future__ import annotations

from dataclasses import dataclass, field

from articles.text import bylines
from articles.text.clean import join_wrapped
from articles.text.page_lines import Line
from articles.text.paragraphs import build_paragraphs, ends_complete, strip_trailing_credit


@dataclass
class Segment:
    """An article as cut from the page, before enrichment."""

    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    derived_title: str | None = None
    continues_elsewhere: bool = False
    continued_from_elsewhere: bool = False
    warnings: list[str] = field(default_factory=list)
    # The body lines as printed, spaces kept: ``区领导 张三 李四`` separates names by spaces only.
    printed: str = ""
    # (year, month, day) printed on a web page's metadata line above the article
    # (``发布日期：2024-03-04``): it pins the year of the dates in the body.
    published: tuple[int, int, int] | None = None
    # (year, month) of the record headings above it (``1995年`` / ``一月``): a 大事记 entry
    # dated ``7日`` takes its month and year from them.
    period: tuple[int | None, int | None] = (None, None)

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class Draft:
    """The lines of an article being gathered, with what is known of how it opened and closed."""

    lines: list[Line] = field(default_factory=list)
    byline: str | None = None
    continued_from: bool = False
    continues: bool = False
    closed: bool = False  # ended by a trailing byline, credit or 下转 marker
    news_lead: bool = False  # the first paragraph is a news lead (本报讯, a dateline)
    titled: bool = False  # a headline group stands right above it
    head: str = ""  # the text of that headline group (what the article is about)
    published: tuple[int, int, int] | None = None  # from a web metadata line above it
    period: tuple[int | None, int | None] = (None, None)  # record headings above it


def finish_draft(draft: Draft, *, hard_wrapped: bool) -> Segment:
    """Turn a draft into a Segment: reflow, credits, continuation flags."""
    lines = list(draft.lines)
    # Credits are read from the printed lines so their spaces stay as printed.
    credit = strip_trailing_credit(lines)
    paragraphs = build_paragraphs(lines, hard_wrapped=hard_wrapped)
    segment = Segment(paragraphs=paragraphs, byline=draft.byline, printed="\n".join(line.text for line in lines))
    inline = bylines.inline_byline(join_wrapped([line.text for line in lines[:4]]))
    if inline and segment.byline is None:
        segment.byline = inline
    if credit:
        segment.byline = f"{segment.byline} {credit}" if segment.byline else credit
    segment.continued_from_elsewhere = draft.continued_from
    segment.published = draft.published
    segment.period = draft.period
    segment.continues_elsewhere = draft.continues or bool(paragraphs and not ends_complete(paragraphs[-1]))
    return segment
