"""A feed opened in a browser is a readable page, not a screen of XML.

Browsers ask for ``text/html`` first; feed readers ask for Atom or RSS (or anything). The same
address answers both, so the 订阅 link a reader clicks explains what a feed is, shows the
entries, and still gives the address to paste into a feed reader.
"""
from __future__ import annotations

from datetime import datetime, time

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers


def wants_html(request: HttpRequest) -> bool:
    """True for a browser (asks for text/html and for no feed type), False for a feed reader."""
    accept = request.headers.get("Accept", "")
    return "text/html" in accept and "atom+xml" not in accept and "rss+xml" not in accept


def printed_datetime(item: object):  # noqa: ANN201 - a timezone-aware datetime
    """Return the day an article was printed, as the start of that day in the site's time zone."""
    return timezone.make_aware(datetime.combine(item.issue_date, time.min))


class ReadableInBrowser:
    """Feed mixin: answer a browser with templates/articles/feed_page.html, a feed reader with Atom."""

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:  # noqa: ANN002, ANN003
        if not wants_html(request):
            response = super().__call__(request, *args, **kwargs)
            patch_vary_headers(response, ("Accept",))
            return response
        obj = self.get_object(request, *args, **kwargs)
        response = render(request, "articles/feed_page.html", {
            "title": self._get_dynamic_attr("title", obj),
            "subtitle": self._get_dynamic_attr("subtitle", obj),
            "link": self._get_dynamic_attr("link", obj),
            "items": [(self._get_dynamic_attr("item_title", item), item)
                      for item in self._get_dynamic_attr("items", obj)],
            "feed_url": request.build_absolute_uri(),
        })
        patch_vary_headers(response, ("Accept",))
        return response
