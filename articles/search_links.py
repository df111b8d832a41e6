"""The links around a result list: active filters to remove, sort orders, numbered pages.

Every link is the current search's address with one parameter changed, so a reporter can undo
one choice without retyping the others (the way Trove and Chronicling America lay out results).
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse

from articles.search_trail import SEARCH_PARAMS

SORT_LABELS = (("relevance", "相关度"), ("newest", "最新在前"), ("oldest", "最早在前"))
# Results start here on every page, so a link that changes the results lands on them, not on the form.
RESULTS_ANCHOR = "#results-heading"


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    current: bool = False


def search_url(params: QueryDict, *, drop: tuple[str, ...] = (), anchor: str = RESULTS_ANCHOR, **changes: object) -> str:
    """Return the search address for ``params`` with some parameters dropped or changed (a new page 1)."""
    merged = {k: params[k] for k in SEARCH_PARAMS if params.get(k) and k not in drop and k != "page"}
    merged.update({k: str(v) for k, v in changes.items() if v not in (None, "")})
    for key in [k for k, v in changes.items() if v in (None, "")]:
        merged.pop(key, None)
    return reverse("articles:search") + ("?" + urlencode(merged) if merged else "") + anchor


def active_filters(params: QueryDict, cleaned: dict) -> list[Link]:
    """Return one removable link per condition of the search: its label, and the search without it."""
    filters = []
    if cleaned.get("q"):
        filters.append(Link(f"检索词：{cleaned['q']}", search_url(params, drop=("q",))))
    for key, label in (("district", "区县"), ("paper", "报纸"), ("leader", "领导")):
        if cleaned.get(key) is not None:
            filters.append(Link(f"{label}：{getattr(cleaned[key], 'name', cleaned[key])}", search_url(params, drop=(key,))))
    field = "事件日期" if cleaned.get("date_field") == "event" else "出版日期"
    if cleaned.get("from"):
        filters.append(Link(f"{field}从 {cleaned['from']:%Y-%m-%d}", search_url(params, drop=("from",))))
    if cleaned.get("to"):
        filters.append(Link(f"{field}到 {cleaned['to']:%Y-%m-%d}", search_url(params, drop=("to",))))
    return filters


def sort_links(params: QueryDict, current: str) -> list[Link]:
    return [Link(label, search_url(params, sort=None if key == "relevance" else key), key == current)
            for key, label in SORT_LABELS]


def page_links(params: QueryDict, *, page: int, num_pages: int) -> list[Link | None]:
    """Return numbered page links around ``page`` (None for a gap): 1 … 4 5 6 … 20."""
    shown = sorted({1, num_pages, *range(max(1, page - 2), min(num_pages, page + 2) + 1)})
    links: list[Link | None] = []
    for n in shown:
        if links and links[-1] is not None and n - int(links[-1].label) > 1:
            links.append(None)
        links.append(Link(str(n), search_url(params, page=n if n > 1 else None), n == page))
    return links
