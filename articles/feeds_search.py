"""A saved search as an Atom feed: the newest matches of the same query string."""
from __future__ import annotations

from dataclasses import replace

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from articles import search
from articles.feed_pages import ReadableInBrowser, printed_datetime
from articles.feeds import entry_title
from articles.forms import SearchForm
from articles.models import Article
from articles.text.highlight import snippet, to_text
from articles.views.search import timed_out_response

FEED_ITEMS = 50


class SearchFeed(ReadableInBrowser, Feed):
    """``/search/feed/?q=…&district=…``: subscribe once, see new matches in any feed reader."""

    feed_type = Atom1Feed

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:  # noqa: ANN002, ANN003
        try:
            return super().__call__(request, *args, **kwargs)  # a page for a browser, Atom for a reader
        except search.OperationalError:  # the statement timeout fired
            return timed_out_response()

    def get_object(self, request: HttpRequest) -> tuple[search.SearchParams, str]:
        form = SearchForm(request.GET)
        if not form.is_valid():
            raise Http404("检索条件有误")
        return replace(form.params(), sort="newest", page=1), request.GET.urlencode()

    def title(self, obj: tuple[search.SearchParams, str]) -> str:
        text = " ".join(t.text for t in obj[0].query.positive_terms) or "全部文章"
        return f"检索：{text} · 地方报纸档案"

    def link(self, obj: tuple[search.SearchParams, str]) -> str:
        return reverse("articles:search") + ("?" + obj[1] if obj[1] else "")

    def subtitle(self, obj: tuple[search.SearchParams, str]) -> str:
        return "符合此检索条件的最新文章"

    def items(self, obj: tuple[search.SearchParams, str]) -> list[Article]:
        # Django builds one Feed per process and serves every request with it: the terms to
        # highlight travel on this request's items, never on ``self``.
        needles = [t.text for t in obj[0].query.positive_terms]
        articles = list(search.export_articles(obj[0], limit=FEED_ITEMS))
        for article in articles:
            article.feed_needles = needles
        return articles

    def item_title(self, item: Article) -> str:
        return entry_title(item)

    def item_description(self, item: Article) -> str:
        # Escaped as HTML: the summary is type="html" (see articles/feeds.py).
        return escape(to_text(snippet(item.body, getattr(item, "feed_needles", []))))

    def item_pubdate(self, item: Article):
        return printed_datetime(item)

    def item_updateddate(self, item: Article):
        return item.issue.processed_at

    def item_author_name(self, item: Article) -> str | None:
        return item.byline or None
