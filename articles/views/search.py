"""Search pages: results, help, chart, CSV and citation exports, OpenSearch description. Thin views."""
from __future__ import annotations

import csv
import re
from datetime import date, timedelta
from urllib.parse import quote, urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from articles import charts, crumbs, search, search_links, search_trail, suggestions
from articles.citations import cite_article
from articles.forms import AdvancedSearchForm, SearchForm
from articles.text import query as query_syntax
from articles.text.highlight import snippet

EXPORT_LIMIT = 1000
_CSV_HEADER = ["标题", "副标题", "作者", "报纸", "出版日期", "版次", "事件日期", "区县", "领导", "摘要", "引文（GB/T 7714）", "网址"]


def search_page(request: HttpRequest) -> HttpResponse:
    advanced = AdvancedSearchForm(request.GET)
    if advanced.is_submitted() and advanced.is_valid():
        return redirect(_url_with(request.GET, q=advanced.to_query(), drop=AdvancedSearchForm.FIELDS + ("in_field",)))
    form = SearchForm(request.GET)
    result = search.search(form.params()) if form.is_valid() and request.GET else None
    query_string = _url_with(request.GET, drop=("page",)).partition("?")[2]
    chart = month_chart(request.GET, form.cleaned_data.get("q") or "", result.months) if result else ""
    context = {
        "form": form, "crumbs": [*crumbs.home(), ("检索", reverse("articles:search"))],
        "advanced": AdvancedSearchForm(),
        "result": result,
        "errors": form.error_messages_text() if form.is_bound and form.errors else [],
        "query_string": query_string,
        "results_param": search_trail.results_query(request.GET),
        "max_query": settings.NEWSARCHIVE_SEARCH_MAX_QUERY,
        "facet_links": _facet_links(request.GET, result) if result else {},
        "page_links": _page_links(request.GET, result) if result else {},
        **(_result_tools(request.GET, form, result) if result else {}),
        "chart": chart,
    }
    return render(request, "articles/search.html", context)


def _result_tools(params: QueryDict, form: SearchForm, result: search.SearchResult) -> dict:
    """Return the links around the results: active filters, sort orders, page numbers, and help when empty."""
    sort = form.cleaned_data.get("sort") or "relevance"
    tools = {
        "active_filters": search_links.active_filters(params, form.cleaned_data),
        "sort_links": search_links.sort_links(params, sort),
        "page_numbers": search_links.page_links(params, page=result.page, num_pages=result.num_pages),
    }
    if not result.count and not result.timed_out:
        tools["empty"] = _why_empty(params, form)
    return tools


def _why_empty(params: QueryDict, form: SearchForm) -> dict:
    """Say why nothing was found: the filters (and how much the terms find without them), or the terms."""
    query = form.params().query
    terms = [t.text for t in query.positive_terms]
    narrowed = any(form.cleaned_data.get(k) for k in ("district", "paper", "leader", "from", "to"))
    without_filters = 0
    if narrowed and terms:
        unfiltered = SearchForm(QueryDict(urlencode({"q": form.cleaned_data["q"]})))
        if unfiltered.is_valid():
            without_filters = search.search(unfiltered.params(), with_facets=False).count
    return {
        "terms": terms, "narrowed": narrowed, "without_filters": without_filters,
        "without_filters_url": search_links.search_url(params, drop=("district", "paper", "leader", "from", "to")),
        "suggestions": [(s, search_links.search_url(params, q=_corrected(form.cleaned_data["q"], s)))
                        for s in suggestions.close_terms(terms)],
    }


def _corrected(query: str, suggestion: suggestions.Suggestion) -> str:
    """Return the query with the mistyped term replaced; the term alone when it was typed in another form (繁体)."""
    return query.replace(suggestion.term, suggestion.instead) if suggestion.term in query else suggestion.instead


def search_chart(request: HttpRequest) -> HttpResponse:
    """Matching articles per month as a standalone SVG (each bar links to that month's results)."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        return HttpResponse(status=400)
    try:
        svg = month_chart(request.GET, form.cleaned_data.get("q") or "", search.month_counts(form.params()))
    except search.OperationalError:
        svg = ""
    if not svg:
        svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 40"><text x="8" y="24">没有数据</text></svg>'
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


def month_chart(params: QueryDict, q: str, counts: dict[date, int]) -> str:
    """The exact matches per month as an SVG bar chart titled with the query and its unit (篇/月).

    Each bar links to the same search narrowed to its month, so a number can be checked
    against the articles behind it.
    """
    points = charts.month_points(counts)
    links = {}
    for label, _n in points:
        first = date.fromisoformat(label + "-01")
        last = date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)
        links[label] = _url_with(params, drop=("page",), **{"from": first.isoformat(), "to": last.isoformat()})
    title = f"“{q}”每月匹配文章数（篇/月）" if q else "每月匹配文章数（篇/月）"
    return charts.bar_chart_svg(points, title=title, chart_id="search-chart", links=links)


def export_csv(request: HttpRequest) -> HttpResponse:
    """The current result set (first EXPORT_LIMIT rows) as CSV that Excel opens in UTF-8, named after query and day."""
    articles = _export(request)
    if not isinstance(articles, list):
        return articles
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _attachment(request.GET.get("q", ""), "csv")
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(_CSV_HEADER)
    terms = [t.text for t in query_syntax.parse(request.GET.get("q", "")).positive_terms]
    for a in articles:
        url = request.build_absolute_uri(a.get_absolute_url())
        writer.writerow([_cell(v) for v in (
            a.display_title, a.subtitle, a.byline, a.paper.name, f"{a.issue_date:%Y-%m-%d}", a.issue.page,
            f"{a.event_date:%Y-%m-%d}" if a.event_date else "", a.district.name if a.district else "",
            "、".join(l.name for l in a.leaders.all()), "".join(s.text for s in snippet(a.body, terms)),
            cite_article(a, url=url), url,
        )])
    return response


def export_citations(request: HttpRequest) -> HttpResponse:
    """The current result set as GB/T 7714 online references ([N/OL], access date, address), one per line."""
    articles = _export(request)
    if not isinstance(articles, list):
        return articles
    lines = [f"[{i}] {cite_article(a, url=request.build_absolute_uri(a.get_absolute_url()))}"
             for i, a in enumerate(articles, start=1)]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = _attachment(request.GET.get("q", ""), "txt", inline=True)
    return response


def _attachment(query: str, extension: str, *, inline: bool = False) -> str:
    """Name a download after the query and the day (缪京_2026-12-01.csv), with an ASCII name for old clients."""
    day = f"{timezone.localdate():%Y-%m-%d}"
    words = re.sub(r'[\\/:*?"<>|\x00-\x1f\s]+', "_", query).strip("_.")[:40] or "检索结果"
    return (f"{'inline' if inline else 'attachment'}; filename=\"search-{day}.{extension}\"; "
            f"filename*=UTF-8''{quote(f'{words}_{day}.{extension}')}")


def opensearch(request: HttpRequest) -> HttpResponse:
    base = request.build_absolute_uri("/").rstrip("/")
    return render(
        request, "opensearch.xml", {"base": base, "search_url": base + reverse("articles:search")},
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )


def _export(request: HttpRequest) -> list | HttpResponse:
    """Return the articles to export, or the plain-text answer when the query is wrong or too slow."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        return HttpResponse("检索条件有误。", status=400, content_type="text/plain; charset=utf-8")
    try:
        return search.export_articles(form.params(), limit=EXPORT_LIMIT)
    except search.OperationalError:
        return timed_out_response()


def timed_out_response() -> HttpResponse:
    """503 with the search page's timeout notice: the statement timeout fired (see articles/search)."""
    response = HttpResponse(search.TIMEOUT_NOTICE + "\n", status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = "30"
    return response


def _cell(value: object) -> str:
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    text = str(value or "")
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _url_with(params: QueryDict, *, drop: tuple[str, ...] = (), **changes: object) -> str:
    """Return ``?…`` for the current parameters with some replaced or dropped (empty values dropped)."""
    merged = {k: v for k, v in params.items() if k not in drop and v}
    for key, value in changes.items():
        if value in (None, ""):
            merged.pop(key, None)
        else:
            merged[key] = str(value)
    return reverse("articles:search") + ("?" + urlencode(merged) if merged else "")


def _facet_links(params: QueryDict, result: search.SearchResult) -> dict[str, list[tuple[search.FacetValue, str, bool]]]:
    """Per facet kind, (value, link that applies or removes it, applied?) — a click narrows the search."""
    facets = result.facets
    out: dict[str, list] = {"districts": [], "papers": [], "years": [], "leaders": []}
    for value in facets.districts:
        on = params.get("district") == value.slug
        out["districts"].append((value, _url_with(params, drop=("page",), district=None if on else value.slug), on))
    for value in facets.papers:
        on = params.get("paper") == value.slug
        out["papers"].append((value, _url_with(params, drop=("page",), paper=None if on else value.slug), on))
    for value in facets.years:
        start, end = f"{value.id}-01-01", f"{value.id}-12-31"
        on = params.get("from") == start and params.get("to") == end
        link = _url_with(params, drop=("page",), **({"from": None, "to": None} if on else {"from": start, "to": end}))
        out["years"].append((value, link, on))
    for value in facets.leaders:
        on = params.get("leader") == str(value.id)
        out["leaders"].append((value, _url_with(params, drop=("page",), leader=None if on else value.id), on))
    return out


def _page_links(params: QueryDict, result: search.SearchResult) -> dict[str, str]:
    links = {}
    if result.has_previous:
        links["previous"] = _url_with(params, page=result.page - 1 if result.page > 2 else None)
    if result.has_next:
        links["next"] = _url_with(params, page=result.page + 1)
    return links
