"""The text pipeline: decoded page text in, articles with dates, places and leaders out.

(decode, by the caller) -> segment (clean, headlines, bylines, noise) -> enrichment per article. The
enrichment functions live in ``dates``, ``districts`` and ``leaders``.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from articles.text import districts, headlines
from articles.text.clean import BULLETS
from articles.text.decode import normalize_newlines
from articles.text.dates import event_date as find_event_date
from articles.text.dates import entry_day, find_dates, guess_issue_date, guess_year, header_date
from articles.text.headlines import is_agency_lead
from articles.text.districts import district_of
from articles.text.leader_districts import settle_unnamed
from articles.text.leaders import find_leaders
from articles.text.parsed import ParsedArticle, ParsedIssue
from articles.text.segment import Segment, segment_page


def parse_issue(
    text: str,
    *,
    encoding: str = "utf-8",
    issue_date: date | None = None,
    known_leaders: Iterable[str] = (),
) -> ParsedIssue:
    """Parse one decoded page into a ParsedIssue.

    The pipeline takes text, never bytes: decoding (and refusing what is not text) is the
    caller's first step (``decode``), so every door into the archive decodes the same way;
    ``encoding`` is what that step found, recorded on the result. Without ``issue_date``,
    the date printed in the page header (``2024年5月6日 星期一 要闻``) becomes the issue's
    ``issue_date``; with no header either, relative dates are resolved against a date
    guessed from the page's text and the issue's own ``issue_date`` stays None.
    """
    text = normalize_newlines(text).lstrip("\ufeff")
    known = tuple(known_leaders)
    page = segment_page(text)
    issue_date = issue_date or header_date(text)
    base = issue_date or guess_issue_date(text)
    page_district = district_of(text)
    bases = [base] * len(page.articles) if issue_date else _own_years(page.articles, base)
    articles = [
        _parse_article(seg, base=b, page_district=page_district, known=known) for seg, b in zip(page.articles, bases)
    ]
    settle_unnamed(articles)
    _date_entries_by_entry_above(page.articles, articles)
    return ParsedIssue(text=text, encoding=encoding, articles=articles, issue_date=issue_date, noise=page.noise)


def forget_read_texts() -> None:
    """Forget the words and places remembered of the texts read so far.

    A page's lines and paragraphs are read several times over (for its headlines, its
    article breaks, its districts), so their jieba words and place names are remembered. A
    benchmark calls this before each page so that every page is timed as a fresh upload.
    """
    for remembered in (headlines.cut_words, headlines.pos_flags, districts.places_in):
        remembered.cache_clear()


def _own_years(segments: list[Segment], base: date | None) -> list[date | None]:
    """The date each article's relative dates resolve against, on a page with no date.

    One issue's reports share its year; a page put together from reports of several years
    (two or more naming a latest year other than the page's) gives each report the year it
    names itself (``2015年仍然是…``). A lone past year (``2002年获得…``) is history.
    """
    years = [guess_year(seg.body) for seg in segments]  # a cheap look first: most pages are one issue
    if base is None or sum(1 for y in years if y and y != base.year) < 2:
        return [base] * len(segments)
    return [guess_issue_date(seg.body) or base if y else base for seg, y in zip(segments, years)]


def _date_entries_by_entry_above(segments: list[Segment], articles: list[ParsedArticle]) -> None:
    """Set, in place, the date of a record's entry that prints no day of its own.

    Under a record's year or month heading (大事记) the entries of one day after the first
    open with a mark (``※ 县长…``, ``△ …``) or 同日 instead of the day: they happened on the
    day of the entry above.
    """
    for k in range(1, len(articles)):
        above, entry, seg = articles[k - 1], articles[k], segments[k]
        marked = seg.body.lstrip()[:1] in BULLETS or seg.body.lstrip().startswith(("同日", "当日"))
        if entry.event_date is None and marked and seg.period != (None, None) and seg.period == segments[k - 1].period:
            entry.event_date = above.event_date


def _parse_article(seg: Segment, *, base: date | None, page_district: str | None, known: tuple[str, ...]) -> ParsedArticle:
    """Read one cut article's dates, district and leaders."""
    body = seg.body
    article_base = _published(seg) or base
    year, month = seg.period  # the headings of a record (大事记) it is printed under
    event_date = find_event_date(body, base=article_base, period_year=year)
    if event_date is None and year and month:
        event_date = entry_day(body, year, month)  # 7日 … under 2004年 / 一月
    return ParsedArticle(
        body=body,
        title=seg.title,
        subtitle=seg.subtitle,
        byline=seg.byline,
        derived_title=seg.derived_title,
        event_date=event_date,
        dates=find_dates(body, base=article_base, period_year=year),
        # Agency copy (新华社…电) is about its dateline, not the paper's own district.
        district=district_of(body, title=seg.title, default=None if is_agency_lead(body) else page_district),
        # Leaders are read from the printed lines: spaces there can separate names.
        leaders=find_leaders(seg.printed or body, known_names=known),
        continues_elsewhere=seg.continues_elsewhere,
        continued_from_elsewhere=seg.continued_from_elsewhere,
        warnings=list(seg.warnings),
    )


def _published(segment: Segment) -> date | None:
    """The date a web page printed above the article, if it is a real day."""
    if segment.published is None:
        return None
    try:
        return date(*segment.published)
    except ValueError:
        return None
