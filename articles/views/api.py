"""JSON API: ``/api/search`` (same parameters as the search page) and ``/api/articles/<id>``."""
from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404

from articles import search
from articles.forms import SearchForm
from articles.models import Article
from articles.text.highlight import to_html, to_text


def api_search(request: HttpRequest) -> JsonResponse:
    form = SearchForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"errors": form.error_messages_text()}, status=400, json_dumps_params={"ensure_ascii": False})
    chart = request.GET.get("chart")
    if chart in ("month", "year"):
        return _chart(form, chart)
    result = search.search(form.params())
    body = {
        "count": result.count,
        "page": result.page,
        "num_pages": result.num_pages,
        "page_size": search.PAGE_SIZE,
        "notices": result.notices,
        "results": [_result(request, row) for row in result.rows],
        "facets": _facets(result.facets),
    }
    return JsonResponse(body, status=503 if result.timed_out else 200, json_dumps_params={"ensure_ascii": False})


def _chart(form: SearchForm, unit: str) -> JsonResponse:
    """``chart=month`` → {"months": {"2025-04": n, …}}, ``chart=year`` → {"years": {"2025": n}}: exact counts."""
    try:
        counts = search.period_counts(form.params(), unit)
    except search.OperationalError:
        return JsonResponse({"errors": [search.TIMEOUT_NOTICE]}, status=503, json_dumps_params={"ensure_ascii": False})
    return JsonResponse({f"{unit}s": counts, "count": sum(counts.values())}, json_dumps_params={"ensure_ascii": False})


def api_article(request: HttpRequest, pk: int) -> JsonResponse:
    article = get_object_or_404(
        Article.objects.defer("search_vector", "search_text").select_related("paper", "district", "issue"), pk=pk
    )
    body = {
        **_summary(request, article),
        "subtitle": article.subtitle,
        "byline": article.byline,
        "page": article.issue.page,
        "body": article.body,
        "paragraphs": article.paragraphs,
        "leaders": [
            {"id": m.leader_id, "name": m.leader.name, "titles": m.titles}
            for m in article.mentions.select_related("leader")
        ],
        "issue_url": request.build_absolute_uri(article.issue.get_absolute_url()),
    }
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


def _summary(request: HttpRequest, article: Article) -> dict:
    return {
        "id": article.pk,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "title": article.display_title,
        "paper": article.paper.name,
        "issue_date": article.issue_date.isoformat(),
        "event_date": article.event_date.isoformat() if article.event_date else None,
        "district": article.district.name if article.district else None,
    }


def _result(request: HttpRequest, row: search.ResultRow) -> dict:
    return {**_summary(request, row.article), "snippet": to_text(row.snippet), "snippet_html": to_html(row.snippet)}


def _facets(facets: search.Facets) -> dict:
    def values(items: list[search.FacetValue], key: str) -> list[dict]:
        return [{key: v.slug or v.id, "id": v.id, "label": v.label, "count": v.count} for v in items]

    return {
        "district": values(facets.districts, "value"),
        "paper": values(facets.papers, "value"),
        "year": [{"value": v.id, "count": v.count} for v in facets.years],
        "leader": [{"value": v.id, "label": v.label, "count": v.count} for v in facets.leaders],
    }
