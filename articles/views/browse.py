"""Browsing pages: thin views over articles/browse.py."""
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from articles import browse
from articles.models import Article, District, Issue, Leader, Paper


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "articles/home.html", {"issues": browse.newest_issues()})


def issue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        issue = browse.issue_with_articles(pk)
    except Issue.DoesNotExist as exc:
        raise Http404("没有这个版面") from exc
    return render(request, "articles/issue_detail.html", {"issue": issue, "articles": issue.articles.all()})


def issue_raw(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_object_or_404(Issue.objects.only("text"), pk=pk)
    return HttpResponse(issue.text, content_type="text/plain; charset=utf-8")


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        article = browse.article_detail(pk)
    except Article.DoesNotExist as exc:
        raise Http404("没有这篇文章") from exc
    return render(request, "articles/article_detail.html", {"article": article, "mentions": article.mentions.all()})


def district_detail(request: HttpRequest, slug: str) -> HttpResponse:
    district = get_object_or_404(District, slug=slug)
    return render(
        request, "articles/district_detail.html",
        {"district": district, "articles": browse.district_articles(district)},
    )


def paper_detail(request: HttpRequest, slug: str) -> HttpResponse:
    paper = get_object_or_404(Paper.objects.select_related("district"), slug=slug)
    return render(request, "articles/paper_detail.html", {"paper": paper, "issues": browse.paper_issues(paper)})


def leader_detail(request: HttpRequest, pk: int) -> HttpResponse:
    leader = get_object_or_404(Leader.objects.select_related("district"), pk=pk)
    return render(
        request, "articles/leader_detail.html", {"leader": leader, "mentions": browse.leader_mentions(leader)}
    )
