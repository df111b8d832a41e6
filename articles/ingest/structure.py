"""Re-apply hand fixes to the pipeline's output: article splits and merges, leader aliases.

Called by ``ingest.sync_articles`` each time an issue is parsed (publish, replace,
``reprocess``), so an editor's split, merge or leader merge is never silently undone.
The split/merge arithmetic is pure and shared with ``articles/editing/corrections.py``, which
applies the same fix to the stored articles, so both produce the same bodies (and thus
the same content hashes: permalinks survive).
"""
from __future__ import annotations

from dataclasses import replace

from articles.models import Issue, StructureCorrection
from articles.text.parsed import LeaderMention, ParsedArticle

SPLIT_WARNING = "人工拆分"
MERGE_WARNING = "人工合并"


def paragraphs_of(body: str) -> list[str]:
    """Return the body's non-empty paragraphs, one per line."""
    return [p for p in body.split("\n") if p.strip()]


def join_paragraphs(paragraphs: list[str]) -> str:
    return "\n".join(paragraphs)


def leaders_named_in(leaders: list[LeaderMention], body: str) -> list[LeaderMention]:
    """Keep the leaders whose name appears in ``body`` (after a split each half keeps its own)."""
    return [mention for mention in leaders if mention.name in body]


def split_parsed(article: ParsedArticle, at: int) -> tuple[ParsedArticle, ParsedArticle]:
    """Split one article before paragraph ``at`` (1 or more); the second part has no title."""
    paragraphs = paragraphs_of(article.body)
    first_body, second_body = join_paragraphs(paragraphs[:at]), join_paragraphs(paragraphs[at:])
    first = replace(
        article, body=first_body, continues_elsewhere=False,
        leaders=leaders_named_in(article.leaders, first_body),
    )
    second = ParsedArticle(
        body=second_body, event_date=article.event_date, dates=list(article.dates), district=article.district,
        leaders=leaders_named_in(article.leaders, second_body), continues_elsewhere=article.continues_elsewhere,
        warnings=[SPLIT_WARNING],
    )
    return first, second


def merge_parsed(first: ParsedArticle, second: ParsedArticle) -> ParsedArticle:
    """Join two neighbouring articles into the first; its title and facts win."""
    names = {mention.name for mention in first.leaders}
    return replace(
        first,
        body=join_paragraphs(paragraphs_of(first.body) + paragraphs_of(second.body)),
        leaders=list(first.leaders) + [m for m in second.leaders if m.name not in names],
        continues_elsewhere=second.continues_elsewhere,
        warnings=list(first.warnings) + [MERGE_WARNING],
    )


def _split_at_anchor(articles: list[ParsedArticle], anchor: str) -> list[ParsedArticle]:
    for index, article in enumerate(articles):
        paragraphs = paragraphs_of(article.body)
        for at in range(1, len(paragraphs)):
            if paragraphs[at].strip() == anchor.strip():
                return articles[:index] + list(split_parsed(article, at)) + articles[index + 1:]
    return articles


def _merge_at_anchor(articles: list[ParsedArticle], anchor: str) -> list[ParsedArticle]:
    for index in range(1, len(articles)):
        first_paragraphs = paragraphs_of(articles[index].body)
        if first_paragraphs and first_paragraphs[0].strip() == anchor.strip():
            merged = merge_parsed(articles[index - 1], articles[index])
            return articles[: index - 1] + [merged] + articles[index + 1:]
    return articles


def restructure(issue: Issue, articles: list[ParsedArticle]) -> list[ParsedArticle]:
    """Apply the issue's recorded splits and merges, oldest first; a fix whose text is gone is skipped."""
    if issue.pk is None:
        return articles
    for correction in StructureCorrection.objects.filter(issue=issue).order_by("pk"):
        if correction.kind == StructureCorrection.SPLIT:
            articles = _split_at_anchor(articles, correction.anchor)
        else:
            articles = _merge_at_anchor(articles, correction.anchor)
    return articles
