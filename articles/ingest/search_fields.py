"""The search columns of an article, computed the same way on every write path."""
from __future__ import annotations

from collections.abc import Iterable

from django.db.models.expressions import RawSQL

from articles.models import Article, Mention
from articles.text import tokens


def search_document(article: Article) -> str:
    """The text an article is searched in: titles, byline and body, folded, as sections (see tokens)."""
    return tokens.search_text(
        titles=(article.title, article.subtitle, article.derived_title), byline=article.byline, body=article.body
    )


def search_fields(*, titles: Iterable[str], byline: str, body: str) -> tuple[str, str]:
    """Return (search_text, tsvector literal) of an article's text: what every ingest path stores."""
    text = tokens.search_text(titles=titles, byline=byline, body=body)
    return text, tokens.tsvector_literal(text)


def write_search_fields(article: Article, *, save: bool = True) -> None:
    """Fill the article's search columns from its current text (``save=False``: only in memory,
    for the caller's own save: the tsvector literal is cast by PostgreSQL in that INSERT/UPDATE)."""
    article.search_text = search_document(article)
    if not save:
        article.search_vector = tokens.tsvector_literal(article.search_text)
        return
    Article.objects.filter(pk=article.pk).update(
        search_text=article.search_text,
        search_vector=RawSQL("%s::tsvector", [tokens.tsvector_literal(article.search_text)]),
    )


def bulk_insert_articles(articles: list[Article], mentions: list[list[Mention]] | None = None) -> None:
    """Insert many new articles (and their mentions) in a few statements: backfills and benchmarks.

    Search fields are computed exactly as ``write_search_fields`` does; ``mentions[i]`` are the
    unsaved mentions of ``articles[i]`` (their article is set here, once it has an id).
    """
    for article in articles:
        article.search_text = search_document(article)
        # A plain literal: Django sends it untyped in VALUES and PostgreSQL parses it as a tsvector
        # (an expression per row would cost more to compile than the insert itself).
        article.search_vector = tokens.tsvector_literal(article.search_text)
    Article.objects.bulk_create(articles)
    rows = []
    for article, its_mentions in zip(articles, mentions or []):
        for mention in its_mentions:
            mention.article_id, mention.issue_date = article.pk, article.issue_date
            rows.append(mention)
    Mention.objects.bulk_create(rows)
