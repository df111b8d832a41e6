"""The one door from bytes to a prepared issue: decode, resolve the facts, parse.

Every intake (the admin upload and its worker, the ``ingest_issues`` command, the batch
loader) calls ``prepare_issue``; what it returns is stored by ``store.store_prepared``. An
upload keeps its prepared issue as JSON (``snapshot``) between review and publishing, so the
parse an editor reviewed is the parse that is stored. Touches no database when given the
paper names.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from articles.ingest.facts import NO_ARTICLES, UNREADABLE, Hints, chinese_only, resolve_facts
from articles.ingest.results import IngestError, sha256_of
from articles.models import Leader, Paper
from articles.text import DecodeError, ParsedIssue, decode, parse_issue, tokens
from articles.text.dates import header_date


@dataclass
class PreparedIssue:
    """One file decoded, its facts resolved and its text parsed, ready to store."""

    data: bytes
    digest: str
    filename: str
    paper_name: str
    issue_date: date
    page: str
    parsed: ParsedIssue  # its ``encoding`` is the file's, as decoded here


def prepare_issue(
    data: bytes, *, filename: str, explicit: Hints = Hints(), defaults: Hints = Hints(),
    known_leaders: Iterable[str], paper_names: Iterable[str] | None, create_papers: bool = True,
    today: date | None = None,
) -> PreparedIssue:
    """Decode, resolve and parse one file; raise IngestError with the reason an editor reads.

    Pure CPU when ``paper_names`` is given (the batch loader's worker processes); otherwise
    the archive's papers are read once here. See ``facts`` for the order facts are taken in.
    """
    try:
        decoded = decode(data)
    except DecodeError as exc:
        raise IngestError(UNREADABLE.format(reason=chinese_only(exc.reason))) from exc
    papers = list(paper_names) if paper_names is not None else list(Paper.objects.values_list("name", flat=True))
    facts = resolve_facts(filename=filename, text=decoded.text, explicit=explicit, defaults=defaults,
                          paper_names=papers, header_date=header_date(decoded.text),
                          today=today or timezone.localdate(), create_papers=create_papers)
    parsed = parse_issue(decoded.text, encoding=decoded.encoding, issue_date=facts.issue_date,
                         known_leaders=known_names_in(decoded.text, known_leaders))
    if not parsed.articles:
        raise IngestError(NO_ARTICLES)
    return PreparedIssue(data=data, digest=sha256_of(data), filename=filename, paper_name=facts.paper,
                         issue_date=facts.issue_date, page=facts.page, parsed=parsed)


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


def dominant_district(parsed: ParsedIssue) -> str | None:
    """The district most of the page's articles are about."""
    counts: dict[str, int] = {}
    for article in parsed.articles:
        if article.district:
            counts[article.district] = counts.get(article.district, 0) + 1
    return max(counts, key=counts.get) if counts else None
