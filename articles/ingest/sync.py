"""Make an issue's stored articles match a new parse: ids of unchanged bodies kept, corrections re-applied."""
from __future__ import annotations

from datetime import date
from difflib import SequenceMatcher

from articles.editing.events import record_event
from articles.ingest.mentions import _write_mentions, prune_leaders
from articles.ingest.places import district_for, remembering_districts
from articles.ingest.results import CORRECTABLE_FIELDS, sha256_of
from articles.ingest.search_fields import write_search_fields
from articles.models import Article, Issue, Mention
from articles.ingest.structure import restructure
from articles.text import ParsedArticle, ParsedIssue

# How alike (0-1) a re-parsed article must be to the corrected one it replaces to inherit its corrections.
CARRY_MIN_SIMILARITY = 0.6


def sync_articles(issue: Issue, parsed: ParsedIssue) -> tuple[int, int]:
    """Make the issue's articles match ``parsed``: keep ids of unchanged bodies, apply hand corrections.

    Returns (articles, leader mentions) written.
    """
    with remembering_districts():
        return _sync_articles(issue, parsed)


def _sync_articles(issue: Issue, parsed: ParsedIssue) -> tuple[int, int]:
    old_by_hash: dict[str, list[Article]] = {}
    for old in issue.articles.all():
        old_by_hash.setdefault(old.content_hash, []).append(old)
    old_leader_ids = set(Mention.objects.filter(article__issue=issue).values_list("leader_id", flat=True))
    # Hand splits and merges are applied again before matching, so their articles keep their ids.
    parsed_articles = restructure(issue, parsed.articles)
    digests = [sha256_of(a.body.encode("utf-8")) for a in parsed_articles]
    orphans = _corrected_articles_changed(old_by_hash, digests)
    kept: list[Article] = []
    for position, (parsed_article, digest) in enumerate(zip(parsed_articles, digests), start=1):
        candidates = old_by_hash.get(digest) or []
        article = candidates.pop(0) if candidates else Article(issue=issue)
        if not article.pk:
            article.corrections = _carry_corrections(orphans, position, parsed_article.body)
        _fill_article(article, parsed_article, issue=issue, position=position, digest=digest)
        write_search_fields(article, save=False)  # written by the save below, in the same statement
        if article.pk:
            article.save()
        kept.append(article)
    Article.objects.bulk_create([a for a in kept if not a.pk])  # new articles: one INSERT
    mentions = _write_mentions(kept, parsed_articles)
    issue.articles.exclude(pk__in=[a.pk for a in kept]).delete()
    prune_leaders(old_leader_ids)
    _report_dropped_corrections(issue, orphans)
    return len(kept), mentions


def _corrected_articles_changed(old_by_hash: dict[str, list[Article]], digests: list[str]) -> dict[int, Article]:
    """Return {position: article} for hand-corrected articles whose text the new parse changed."""
    wanted = set(digests)
    return {
        old.position: old
        for digest, olds in old_by_hash.items() if digest not in wanted
        for old in olds if old.corrections
    }


def _carry_corrections(orphans: dict[int, Article], position: int, body: str) -> dict:
    """Give a changed article the corrections of the corrected article it replaces (same place, similar text)."""
    old = orphans.get(position)
    if old is None or SequenceMatcher(None, old.body, body, autojunk=False).ratio() < CARRY_MIN_SIMILARITY:
        return {}
    del orphans[position]
    return dict(old.corrections)


def _report_dropped_corrections(issue: Issue, orphans: dict[int, Article]) -> None:
    """Log corrections that no longer fit any article, so they are never lost silently."""
    for old in orphans.values():
        record_event(
            action="corrections_dropped", obj=issue,
            details={"article_id": old.pk, "title": old.display_title, "corrections": old.corrections},
        )


def _fill_article(article: Article, parsed: ParsedArticle, *, issue: Issue, position: int, digest: str) -> None:
    article.paper_id = issue.paper_id
    article.issue_date = issue.issue_date
    article.position = position
    article.title = (parsed.title or "")[:300]
    article.subtitle = (parsed.subtitle or "")[:300]
    article.derived_title = (parsed.derived_title or "")[:300]
    article.byline = (parsed.byline or "")[:200]
    article.body = parsed.body
    article.event_date = parsed.event_date
    article.dates = [
        {"text": d.text, "start": d.start.isoformat() if d.start else None, "end": d.end.isoformat() if d.end else None}
        for d in parsed.dates
    ]
    article.district = district_for(parsed.district) if parsed.district else issue.paper.district
    article.continues_elsewhere = parsed.continues_elsewhere
    article.continued_from_elsewhere = parsed.continued_from_elsewhere
    article.warnings = list(parsed.warnings)
    article.content_hash = digest
    apply_corrections(article)


def apply_corrections(article: Article) -> None:
    """Re-apply an editor's hand corrections over what the pipeline produced."""
    for name, value in (article.corrections or {}).items():
        if name not in CORRECTABLE_FIELDS:
            continue
        if name == "event_date" and value:
            value = date.fromisoformat(value)
        setattr(article, name, value)
