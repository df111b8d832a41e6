"""Split the text of one page into articles.

The stages, in order: the page's lines (``page_lines``) get their roles (``line_roles``);
a walk down the lines cuts them into drafts — a headline group, a leading byline, a
``本报讯`` lead or a ``(上接…)`` marker starts an article, a trailing byline, a ``下转…``
marker or a source credit ends one, and ``article_breaks`` decides where an untitled
article begins; each draft is finished into a ``Segment`` (``drafts``); headlines are
attached afterwards by ``headline_assignment.assign_headlines`` because they are not always printed
next to their article; a story cut by ``下转`` is joined with its rest when both are here.
"""
from __future__ import annotations

from dataclasses import dataclass

from articles.text import boundaries, bylines, headline_assignment, headline_groups, noise, web_metadata
from articles.text.article_breaks import (
    Layout,
    Observer,
    blank_lines_split_articles,
    byline_convention,
    byline_is_trailing,
    is_day_record,
    starts_untitled_article,
    wide_gaps_stand_out,
)
from articles.text.clean import column_width, wrap_width
from articles.text.dates import period_heading
from articles.text.drafts import Draft, Segment, finish_draft
from articles.text.line_roles import classify
from articles.text.page_lines import (
    BYLINE,
    ECHO,
    FROM_MARK,
    HEADLINE_KINDS,
    NOISE,
    TO_MARK,
    Line,
    opens_with_news_lead,
    split_lines,
)
from articles.text.paragraphs import derive_title

__all__ = ["PageSegmentation", "Segment", "derive_title", "segment_page"]


@dataclass
class PageSegmentation:
    """The articles of a page in print order and the text that belongs to none of them."""

    articles: list[Segment]
    noise: list[str]


def segment_page(
    text: str, *, model: boundaries.Model | None = None, observe: Observer | None = None
) -> PageSegmentation:
    """Cut a page's text into articles with titles, bylines and continuation flags.

    ``model`` replaces the shipped article-break model (training compares candidates);
    ``observe`` is called with every untitled article-break decision and the number of the
    printed line it concerns, which is how training collects its examples.
    """
    lines = split_lines(text)
    raw_lines = [line.text for line in lines]
    wrapped_at = wrap_width(raw_lines)
    hard = wrapped_at is not None
    classify(lines, hard_wrapped=hard, width=float(wrapped_at) if wrapped_at else column_width(raw_lines))
    layout = Layout(
        hard_wrapped=hard,
        column=float(wrapped_at) if wrapped_at else None,
        blank_breaks=blank_lines_split_articles(lines, float(wrapped_at) if wrapped_at else None),
        day_record=is_day_record(lines),
        one_blank_paragraphs=wide_gaps_stand_out(lines),
        model=model or boundaries.shipped_model(),
        observe=observe,
    )
    walk = _PageWalk(lines, layout)
    walk.run()
    articles = [finish_draft(d, hard_wrapped=hard) for d in walk.drafts]
    unused = _attach_headlines(articles, walk.groups)
    articles = _join_continuations(walk.drafts, articles)
    echo_texts = {line.text for line in lines if line.kind == ECHO}
    walk.noise.extend(u for u in unused if u not in echo_texts)
    return PageSegmentation(articles, walk.noise)


class _PageWalk:
    """Walk the classified lines top to bottom, cutting them into drafts and headline groups."""

    def __init__(self, lines: list[Line], layout: Layout) -> None:
        self.lines = lines
        self.layout = layout
        self.convention = byline_convention(lines)
        self.drafts: list[Draft] = []
        self.groups: list[headline_groups.HeadlineGroup] = []
        self.noise: list[str] = []
        self.draft = Draft()
        self.group: headline_groups.HeadlineGroup | None = None
        self.pending_from = False
        self.pending_byline: str | None = None
        self.pending_published: tuple[int, int, int] | None = None
        self.period: tuple[int | None, int | None] = (None, None)

    def run(self) -> None:
        """Send each line to the step for its kind, then close the last draft."""
        steps = {BYLINE: self._byline, NOISE: self._noise, TO_MARK: self._to_mark, FROM_MARK: self._from_mark}
        for i, line in enumerate(self.lines):
            if line.kind == NOISE:
                self._track_period(line.text)
            if line.kind in HEADLINE_KINDS:
                self._headline(i, line)
            else:
                steps.get(line.kind, self._body)(i, line)
        self._close()
        if self.group is not None:
            self.group.before = None  # a headline group at the foot of the page heads nothing below it

    def _track_period(self, text: str) -> None:
        """Follow a record's year and month headings (a new year forgets the month); a heading
        ends the entry above it."""
        heading = period_heading(text)
        if heading is not None:
            self._close()  # the entries under a new month are new articles
            year, month = heading
            self.period = (year, month) if year is not None else (self.period[0], month)

    def _close(self) -> None:
        if self.draft.lines:
            self.drafts.append(self.draft)
        self.draft = Draft()

    def _start_article(self) -> None:
        """Open a new draft carrying what was waiting for it: a marker, a byline, a headline group."""
        self._close()
        draft = self.draft
        draft.continued_from, draft.byline = self.pending_from, self.pending_byline
        draft.published, self.pending_published = self.pending_published, None
        draft.period = self.period
        if self.group is not None:
            self.group.before = len(self.drafts)
            draft.titled = True
            draft.head = "".join(h.text for h in self.group.lines)
            self.group = None
        self.pending_from, self.pending_byline = False, None

    def _headline(self, i: int, line: Line) -> None:
        if self.group is None:
            # Noise (a QR caption, a photo caption) between a body and a headline ends
            # that body: the headline is not printed after it.
            after_noise = i > 0 and self.lines[i - 1].kind == NOISE
            open_article = self.draft.lines and not self.draft.closed and not after_noise
            self._close()
            self.group = headline_groups.HeadlineGroup(
                [], after=len(self.drafts) - 1 if open_article else None,
                wrapped=self.layout.hard_wrapped, at=len(self.drafts), column=self.layout.column,
            )
            self.groups.append(self.group)
        if line.kind == ECHO:
            joined = self.layout.hard_wrapped and not line.blank_before and self.lines[i - 1].kind == ECHO
            self._add_noise(line, joined=joined)
        self.group.lines.append(headline_groups.HeadlineLine(line.text, line.echo, line.blank_before, line.indent))

    def _noise(self, i: int, line: Line) -> None:
        self.pending_published = web_metadata.web_metadata_date(line.text) or self.pending_published
        prev = self.lines[i - 1] if i > 0 else None
        wrapped = prev is not None and prev.kind == NOISE and not line.blank_before
        self._add_noise(line, joined=wrapped and (self.layout.hard_wrapped or noise.is_qr_line(prev.text)))

    def _to_mark(self, i: int, line: Line) -> None:
        self.noise.append(line.text)
        if self.draft.lines:
            self.draft.continues = True
            self.draft.closed = True

    def _from_mark(self, i: int, line: Line) -> None:
        self.noise.append(line.text)
        if self.draft.lines:
            self._close()
        self.pending_from = True

    def _byline(self, i: int, line: Line) -> None:
        if byline_is_trailing(self.lines, i, self.draft, self.convention):
            self.draft.byline = bylines.clean_byline(line.text)
            self.draft.closed = True
        else:
            if self.draft.lines:
                self._close()
            self.pending_byline = bylines.clean_byline(line.text)

    def _body(self, i: int, line: Line) -> None:
        draft = self.draft
        fresh = (
            self.group is not None
            or self.pending_from
            or self.pending_byline is not None
            or draft.closed
            or (line.lead and draft.lines)
            or (bool(draft.lines) and starts_untitled_article(self.lines, i, draft, self.layout))
        )
        if fresh or not draft.lines:
            self._start_article()
            self.draft.news_lead = opens_with_news_lead(self.lines, i)
        self.draft.lines.append(line)

    def _add_noise(self, line: Line, *, joined: bool) -> None:
        """Record a noise line, appending it to the previous item when it is that item's wrapped rest."""
        if joined and self.noise:
            self.noise[-1] += line.text
        else:
            self.noise.append(line.text)


def _attach_headlines(articles: list[Segment], groups: list[headline_groups.HeadlineGroup]) -> list[str]:
    """Give each article its headline group, or a title derived from its first sentence.

    Returns the headline lines that headed no article.
    """
    bodies = [a.body for a in articles]
    leads = [a.paragraphs[0] if a.paragraphs else "" for a in articles]
    assigned, unused = headline_assignment.assign_headlines(groups, bodies, leads)
    for index, article in enumerate(articles):
        found = assigned.get(index)
        if found:
            article.title, article.subtitle = found.title, found.subtitle
            if found.location == "end_block":
                article.warnings.append("标题按内容匹配")
            elif found.location == "after":
                article.warnings.append("标题在正文之后")
        else:
            article.derived_title = derive_title(article.body)
    return unused


def _join_continuations(drafts: list[Draft], articles: list[Segment]) -> list[Segment]:
    """Join a story cut by ``下转►2版`` with its ``(上接第1版)`` rest when both are in this file.

    An export of several pages puts both parts in one text. The k-th cut story pairs with
    the k-th resumed fragment, and only when the fragment reads as that story's rest;
    a fragment whose first part is on a page not in the file stays an article of its own.
    """
    cut = [i for i, d in enumerate(drafts) if d.continues]
    resumed = [i for i, d in enumerate(drafts) if d.continued_from]
    if not cut or len(cut) != len(resumed):
        return articles
    dropped: set[int] = set()
    for a, b in zip(cut, resumed):
        first, rest = articles[a], articles[b]
        if a < b and boundaries.continues_story(rest.body, first.body):
            first.paragraphs.extend(rest.paragraphs)
            first.printed = f"{first.printed}\n{rest.printed}"
            first.continues_elsewhere = rest.continues_elsewhere
            first.byline = first.byline or rest.byline
            dropped.add(b)
    return [article for i, article in enumerate(articles) if i not in dropped]
