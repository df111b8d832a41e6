"""Decode and parse a file into a PreparedIssue, touching no database when given the paper names."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from articles.filenames import parse_filename
from articles.ingest.results import (
    NO_ARTICLES,
    NO_DATE,
    NO_PAPER,
    IngestError,
    sha256_of,
)
from articles.models import Leader, Paper
from articles.text import DecodeError, ParsedIssue, decode, parse_issue, tokens


@dataclass
class PreparedIssue:
    """One file decoded and parsed, ready to store (no database was touched to make it)."""

    data: bytes
    digest: str
    filename: str
    paper_name: str
    issue_date: date
    page: str
    parsed: ParsedIssue


def prepare_issue(
    data: bytes, *, filename: str, paper: str | None = None, issue_date: date | None = None,
    page: str | None = None, known_leaders: list[str], paper_names: list[str] | None,
) -> PreparedIssue:
    """Decode and parse one file (pure CPU when ``paper_names`` is given); raises IngestError."""
    try:
        decoded = decode(data)
    except DecodeError as exc:
        raise IngestError(str(exc)) from exc
    facts = parse_filename(filename)
    paper_name = (paper or facts.paper or paper_named_in(decoded.text, paper_names) or "").strip()
    if not paper_name:
        raise IngestError(NO_PAPER)
    parsed = parse_issue(decoded.text, encoding=decoded.encoding, issue_date=issue_date or facts.issue_date,
                         known_leaders=known_names_in(decoded.text, known_leaders))
    the_date = issue_date or facts.issue_date or parsed.issue_date
    if the_date is None:
        raise IngestError(NO_DATE)
    if not parsed.articles:
        raise IngestError(NO_ARTICLES)
    return PreparedIssue(data=data, digest=sha256_of(data), filename=filename, paper_name=paper_name,
                         issue_date=the_date, page=page if page is not None else (facts.page or ""), parsed=parsed)


def known_leader_names() -> list[str]:
    """Names of every leader in the archive, fed back to the pipeline for recall."""
    return list(Leader.objects.values_list("name", flat=True).distinct())


def known_names_in(text: str, names: Iterable[str]) -> list[str]:
    """Return the known leader names that can occur in ``text`` (a superset: nothing is lost).

    The pipeline reads known names from the article text with every space removed, and indexes
    the whole list once per article: with thousands of leaders on file that indexing cost more
    than the rest of the parse. A name is kept when each of its adjacent character pairs occurs
    in the de-spaced page, as printed or folded (NFKC, lower case, traditional to simplified).
    """
    flat = "".join(text.split())
    folded = "".join(tokens.normalize(text).split())
    pairs = {flat[i : i + 2] for i in range(len(flat) - 1)} | {folded[i : i + 2] for i in range(len(folded) - 1)}
    def possible(name: str) -> bool:
        squeezed = "".join(name.split())
        return len(squeezed) < 2 or all(squeezed[i : i + 2] in pairs for i in range(len(squeezed) - 1))

    # Two- and three-character names (nearly all) are tested inline: this loop runs over every leader.
    return [
        n for n in names
        if (n[:2] in pairs and (len(n) == 2 or (len(n) == 3 and n[1:] in pairs)))
        if n.isalnum() and len(n) in (2, 3)
    ] + [n for n in names if n and not (n.isalnum() and len(n) in (2, 3)) and possible(n)]


def paper_named_in(text: str, paper_names: Iterable[str] | None = None) -> str | None:
    """Return the archive's paper whose name the page prints (a masthead or 《崇明报》), if exactly one."""
    if paper_names is None:
        paper_names = Paper.objects.values_list("name", flat=True)
    names = [name for name in paper_names if name in text]
    return names[0] if len(names) == 1 else None


def dominant_district(parsed: ParsedIssue) -> str | None:
    """The district most of the page's articles are about."""
    counts: dict[str, int] = {}
    for article in parsed.articles:
        if article.district:
            counts[article.district] = counts.get(article.district, 0) + 1
    return max(counts, key=counts.get) if counts else None
