"""The way from a search result to its article and back: the terms to highlight and the results' address.

A result links to ``/article/N/?results=<the search's query string>``; the article page marks the
terms of that search in the text and links back to the same page of results. Only the search
page's own parameters are kept, so the link back can lead nowhere but the search page.
"""
from __future__ import annotations

from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse

from articles.text.query import parse

SEARCH_PARAMS = ("q", "district", "paper", "leader", "date_field", "from", "to", "sort", "page")


def results_query(params: QueryDict) -> str:
    """Return the search page's parameters in ``params`` as a query string (unknown ones dropped)."""
    return urlencode([(k, params[k]) for k in SEARCH_PARAMS if params.get(k)])


def back_to_results(raw: str) -> tuple[str | None, list[str]]:
    """Return (address of the results, terms to highlight) from an article link's ``results`` value."""
    kept = results_query(QueryDict(raw[:1000]))
    if not kept:
        return None, []
    terms = [t.text for t in parse(QueryDict(kept).get("q", "")).positive_terms]
    return f"{reverse('articles:search')}?{kept}", terms
