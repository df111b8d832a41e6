"""Archive-wide index pages behind the top navigation: 报纸, 区县, 日期, 领导. Thin views over articles/indexes.py."""
from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from articles import crumbs, indexes


def paper_index(request: HttpRequest) -> HttpResponse:
    page = indexes.numbered_page(indexes.papers(), number=request.GET.get("page"))
    return render(request, "articles/paper_index.html", {
        "crumbs": crumbs.papers(), "page_obj": page, "numbers": indexes.page_numbers(page), "base_query": "",
    })


def district_index(request: HttpRequest) -> HttpResponse:
    groups = indexes.districts_by_province()
    return render(request, "articles/district_index.html", {
        "crumbs": crumbs.districts(), "groups": groups, "total": sum(len(ds) for _, ds in groups),
    })


def date_index(request: HttpRequest) -> HttpResponse:
    return render(request, "articles/date_index.html", {"crumbs": crumbs.dates(), "years": indexes.issue_months()})


def leader_index(request: HttpRequest) -> HttpResponse:
    """List leaders of every level in the news, searchable by name (a part of the name is enough)."""
    query = request.GET.get("q", "").strip()[:20]
    page = indexes.numbered_page(indexes.leaders_matching(query), number=request.GET.get("page"))
    return render(request, "articles/leader_index.html", {
        "crumbs": crumbs.leaders(), "query": query, "page_obj": page, "numbers": indexes.page_numbers(page),
        "base_query": urlencode({"q": query}) + "&" if query else "",
    })
