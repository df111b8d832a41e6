"""Read side for browsing pages: the querysets behind home, issue, article, district, paper and leader pages."""
from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet

from articles.models import Article, District, Issue, Leader, Mention, Paper


def newest_issues(*, limit: int = 20) -> QuerySet[Issue]:
    return Issue.objects.select_related("paper").annotate(article_count=Count("articles")).order_by(
        "-issue_date", "paper__name", "page"
    )[:limit]


def issue_with_articles(pk: int) -> Issue:
    return Issue.objects.select_related("paper", "paper__district").prefetch_related(
        Prefetch("articles", queryset=Article.objects.select_related("district").order_by("position"))
    ).get(pk=pk)


def article_detail(pk: int) -> Article:
    return Article.objects.select_related("issue", "paper", "district").prefetch_related(
        Prefetch("mentions", queryset=Mention.objects.select_related("leader").order_by("position"))
    ).get(pk=pk)


def district_articles(district: District, *, limit: int = 50) -> QuerySet[Article]:
    return Article.objects.filter(district=district).select_related("paper").order_by("-issue_date", "-id")[:limit]


def paper_issues(paper: Paper, *, limit: int = 100) -> QuerySet[Issue]:
    return paper.issues.annotate(article_count=Count("articles")).order_by("-issue_date", "page")[:limit]


def leader_mentions(leader: Leader, *, limit: int = 50) -> QuerySet[Mention]:
    return leader.mentions.select_related("article", "article__paper").order_by("-issue_date", "-article_id")[:limit]
