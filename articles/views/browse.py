"""Browsing pages: thin views over articles/browse.py, one template each, explicit context dicts."""
from __future__ import annotations

import calendar
from datetime import date

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from articles import browse, continuations, crumbs, indexes, offices, search_trail
from articles.charts import bar_chart_svg, month_points
from articles.citations import cite_article
from articles.models import Article, District, Issue, Leader, Paper
from articles.text.highlight import highlight

WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")


def home(request: HttpRequest) -> HttpResponse:
    month = browse.latest_month()
    return render(request, "articles/home.html", {
        "issues": browse.newest_issues_per_paper(),
        "districts": [d for _, group in indexes.districts_by_province() for d in group],
        "month": month,
        "top_leaders": browse.top_leaders_of_month(month) if month else [],
    })


def issue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        issue = browse.issue_with_articles(pk)
    except Issue.DoesNotExist as exc:
        raise Http404("没有这个版面") from exc
    previous, following = browse.neighbour_days(issue.issue_date, paper=issue.paper)
    return render(request, "articles/issue_detail.html", {
        "issue": issue, "articles": issue.articles.all(), "pages": browse.sibling_pages(issue),
        "crumbs": crumbs.issue(issue), "previous_issue": previous, "next_issue": following,
    })


def issue_raw(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the stored source text inside the site's layout, so a reader on a phone can read it and go on."""
    issue = get_object_or_404(Issue.objects.select_related("paper"), pk=pk)
    return render(request, "articles/issue_raw.html", {
        "issue": issue, "lines": issue.text.splitlines(), "crumbs": [*crumbs.issue(issue), ("原始文本", request.path)],
    })


def issue_raw_text(request: HttpRequest, pk: int) -> HttpResponse:
    """Serve the stored source text as plain text, for scripts and for checking against the print."""
    issue = get_object_or_404(Issue.objects.only("text"), pk=pk)
    return HttpResponse(issue.text, content_type="text/plain; charset=utf-8")


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        article = browse.article_detail(pk)
    except Article.DoesNotExist as exc:
        raise Http404("没有这篇文章") from exc
    mentions = list(article.mentions.all())
    previous, following = browse.previous_and_next(article)
    results_url, terms = search_trail.back_to_results(request.GET.get("results", ""))
    return render(request, "articles/article_detail.html", {
        "article": article, "mentions": mentions, "previous": previous, "next": following,
        "related": browse.related_articles(article, leader_ids=[m.leader_id for m in mentions]),
        "citation": cite_article(article, url=request.build_absolute_uri(article.get_absolute_url())),
        "crumbs": crumbs.article(article), "continuation": continuations.other_part(article),
        "results_url": results_url, "terms": terms,
        "paragraphs": [highlight(p, terms) for p in article.paragraphs],
        "title_corrected": "title" in (article.corrections or {}),
    })


def district_detail(request: HttpRequest, slug: str) -> HttpResponse:
    district = get_object_or_404(District, slug=slug)
    page = indexes.numbered_page(indexes.district_articles(district), number=request.GET.get("page"), per_page=20,
                                 total=district.article_count)
    return render(request, "articles/district_detail.html", {
        "district": district, "crumbs": crumbs.district(district),
        "papers": list(district.papers.all()),
        "article_count": district.article_count,
        "page_obj": page, "numbers": indexes.page_numbers(page), "base_query": "",
        "leaders": browse.district_leaders(district, limit=24),
        **_span_context(browse.district_span(district)),
    })


def district_leaders(request: HttpRequest, slug: str) -> HttpResponse:
    district = get_object_or_404(District, slug=slug)
    sort = "mentions" if request.GET.get("sort") == "mentions" else "name"
    page = browse.district_leaders_ranked(district, sort=sort, page=_page_number(request))
    return render(request, "articles/district_leaders.html", {
        "district": district, "sort": sort, "page": page, "leaders": page.items,
        "crumbs": [*crumbs.district(district), ("领导", request.path)],
    })


def paper_detail(request: HttpRequest, slug: str) -> HttpResponse:
    paper = get_object_or_404(Paper.objects.select_related("district"), slug=slug)
    page = indexes.numbered_page(indexes.paper_articles(paper), number=request.GET.get("page"), per_page=20)
    return render(request, "articles/paper_detail.html", {
        "paper": paper, "crumbs": crumbs.paper(paper), "back_issues": indexes.issue_months(paper=paper),
        **_span_context(browse.paper_span(paper)),
        "page_obj": page, "numbers": indexes.page_numbers(page), "base_query": "",
    })


def leader_detail(request: HttpRequest, pk: int) -> HttpResponse:
    leader = get_object_or_404(Leader.objects.select_related("district"), pk=pk)
    months = browse.leader_months(leader)
    return render(request, "articles/leader_detail.html", {
        "leader": leader, "crumbs": crumbs.leader(leader),
        "titles": offices.merge_title_spans(browse.leader_titles(leader), leader.district),
        "page": browse.leader_mentions(leader, page=_page_number(request)),
        "mention_total": leader.mention_count,
        "chart": bar_chart_svg(month_points(months), title=f"{leader.name}每月见报篇数", chart_id="mentions-chart"),
        "co_leaders": browse.co_mentioned_leaders(leader),
    })


# Calendar --------------------------------------------------------------------------------------


def paper_year(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    paper = get_object_or_404(Paper, slug=slug)
    days = browse.issue_days(paper=paper, start=date(year, 1, 1), end=date(year + 1, 1, 1))
    return _year_page(request, owner=paper, kind="paper", year=year, days=days, rows=Issue.objects.filter(paper=paper))


def district_year(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    district = get_object_or_404(District, slug=slug)
    days = browse.article_days(district, start=date(year, 1, 1), end=date(year + 1, 1, 1))
    rows = Article.objects.filter(district=district)
    return _year_page(request, owner=district, kind="district", year=year, days=days, rows=rows)


def paper_month(request: HttpRequest, slug: str, year: int, month: int) -> HttpResponse:
    paper = get_object_or_404(Paper, slug=slug)
    first = _date_or_404(year, month, 1)
    days = browse.issue_days(paper=paper, start=first, end=browse.next_month(first))
    return _month_page(request, owner=paper, kind="paper", first=first, days=days, rows=Issue.objects.filter(paper=paper))


def district_month(request: HttpRequest, slug: str, year: int, month: int) -> HttpResponse:
    district = get_object_or_404(District, slug=slug)
    first = _date_or_404(year, month, 1)
    days = browse.article_days(district, start=first, end=browse.next_month(first))
    rows = Article.objects.filter(district=district)
    return _month_page(request, owner=district, kind="district", first=first, days=days, rows=rows)


def date_month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    first = _date_or_404(year, month, 1)
    days = browse.issue_days(start=first, end=browse.next_month(first))
    return _month_page(request, owner=None, kind="date", first=first, days=days, rows=Issue.objects.all())


def paper_day(request: HttpRequest, slug: str, year: int, month: int, day: int) -> HttpResponse:
    paper = get_object_or_404(Paper, slug=slug)
    when = _date_or_404(year, month, day)
    previous, following = browse.neighbour_days(when, paper=paper)
    return render(request, "articles/day.html", {
        **_day_links("paper", paper, when, previous, following),
        "issues": browse.day_issues(when, paper=paper), "articles": [],
    })


def district_day(request: HttpRequest, slug: str, year: int, month: int, day: int) -> HttpResponse:
    district = get_object_or_404(District, slug=slug)
    when = _date_or_404(year, month, day)
    previous, following = browse.neighbour_days(when, district=district)
    return render(request, "articles/day.html", {
        **_day_links("district", district, when, previous, following),
        "issues": [], "articles": browse.district_day_articles(district, when),
    })


def date_day(request: HttpRequest, year: int, month: int, day: int) -> HttpResponse:
    when = _date_or_404(year, month, day)
    previous, following = browse.neighbour_days(when)
    return render(request, "articles/day.html", {
        **_day_links("date", None, when, previous, following), "issues": browse.day_issues(when), "articles": [],
    })


def _day_links(kind: str, owner: Paper | District | None, day: date, previous: date | None,
               following: date | None) -> dict:
    """Return the day page's context shared by papers, districts and all papers: owner and neighbours."""
    def url(d: date | None) -> str | None:
        return calendar_url(kind, owner, d.year, d.month, d.day) if d else None
    return {
        "kind": kind, "owner": owner, "day": day, "previous": previous, "next": following,
        "previous_url": url(previous), "next_url": url(following),
        "month_url": calendar_url(kind, owner, day.year, day.month),
        "crumbs": _calendar_crumbs(kind, owner, day.year, day.month, day.day),
    }


def _year_page(request: HttpRequest, *, owner: Paper | District, kind: str, year: int, days: set[date],
               rows: QuerySet) -> HttpResponse:
    """Render a year of calendars; a year with nothing printed is a page that does not exist (404)."""
    if not days:
        raise Http404("这一年没有版面")
    months = [_month_grid(date(year, m, 1), days, kind=kind, owner=owner) for m in range(1, 13)]
    before, after = indexes.nearest_years(year, rows=rows)
    return render(request, "articles/calendar_year.html", {
        "kind": kind, "owner": owner, "year": year, "months": months, "day_count": len(days),
        "previous_year": before, "next_year": after,
        "previous_url": calendar_url(kind, owner, before) if before else None,
        "next_url": calendar_url(kind, owner, after) if after else None,
        "weekdays": WEEKDAYS, "crumbs": _calendar_crumbs(kind, owner, year),
    })


def _month_page(request: HttpRequest, *, owner: Paper | District | None, kind: str, first: date,
                days: set[date], rows: QuerySet) -> HttpResponse:
    """Render a month's calendar, stepping to the nearest months with issues; an empty month is a 404."""
    if not days:
        raise Http404("这个月没有版面")
    before, after = indexes.nearest_months(first, rows=rows)
    return render(request, "articles/calendar_month.html", {
        "kind": kind, "owner": owner, "month": _month_grid(first, days, kind=kind, owner=owner),
        "previous_month": before, "next_month": after,
        "previous_url": calendar_url(kind, owner, before.year, before.month) if before else None,
        "next_url": calendar_url(kind, owner, after.year, after.month) if after else None,
        "weekdays": WEEKDAYS, "crumbs": _calendar_crumbs(kind, owner, first.year, first.month),
    })


def _calendar_crumbs(kind: str, owner: Paper | District | None, *parts: int) -> list[crumbs.Crumb]:
    """Return the trail of a calendar page: owner, then year, month and day (all papers have no year page)."""
    steps = []
    if kind != "date":
        steps.append((f"{parts[0]}年", calendar_url(kind, owner, parts[0])))
    if len(parts) > 1:
        label = f"{parts[1]}月" if kind != "date" else f"{parts[0]}年{parts[1]}月"
        steps.append((label, calendar_url(kind, owner, *parts[:2])))
    if len(parts) > 2:
        steps.append((f"{parts[2]}日", calendar_url(kind, owner, *parts)))
    return crumbs.calendar(kind, owner, steps)


def _month_grid(first: date, days: set[date], *, kind: str, owner: Paper | District | None) -> dict:
    """Lay out a month as weeks of cells, Monday first: None outside the month, else day and link (if any)."""
    # One reverse() per month: the day addresses differ only in their last, zero-padded part
    # (a year page links up to 366 days; reversing each one was most of its time).
    first_day_url = calendar_url(kind, owner, first.year, first.month, 1)
    def day_url(d: date) -> str:
        if first_day_url.endswith("/01/"):
            return f"{first_day_url[:-3]}{d.day:02d}/"
        return calendar_url(kind, owner, d.year, d.month, d.day)
    weeks = [
        [
            {"day": d, "url": day_url(d) if d in days else None} if d.month == first.month else None
            for d in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    return {
        "first": first, "weeks": weeks, "url": calendar_url(kind, owner, first.year, first.month),
        "has_days": any((d.year, d.month) == (first.year, first.month) for d in days),
    }


def calendar_url(kind: str, owner: Paper | District | None, *parts: int) -> str:
    """Return the calendar address of a year, month or day for a paper, a district or all papers."""
    names = {1: "year", 2: "month", 3: "day"}
    kwargs = dict(zip(("year", "month", "day"), parts))
    if kind == "date":
        return reverse(f"articles:date_{names[len(parts)]}", kwargs=kwargs)
    return reverse(f"articles:{kind}_{names[len(parts)]}", kwargs={"slug": owner.slug, **kwargs})


def _span_context(span: tuple[date, date] | None) -> dict:
    return {"years": browse.span_years(span), "latest_day": span[1] if span else None}


def _date_or_404(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise Http404("没有这个日期") from exc


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1
