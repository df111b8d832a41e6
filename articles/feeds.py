"""Atom feeds of the newest articles about a district, printed by a paper, or naming a leader."""
from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator

from articles import browse
from articles.feed_pages import ReadableInBrowser, printed_datetime
from articles.models import Article, District, Leader, Paper

SUMMARY_CHARS = 200


class _ArticleFeed(ReadableInBrowser, Feed):
    """Shared item fields: title with paper and date, summary, printed date, author, paper."""

    feed_type = Atom1Feed

    def item_title(self, item: Article) -> str:
        return entry_title(item)

    def item_description(self, item: Article) -> str:
        # Atom1Feed writes the summary as type="html": readers unescape the XML once and then
        # render HTML, so the plain text must be HTML-escaped too, or "<img onerror=…>" printed
        # in a page would reach them as markup.
        return escape(Truncator(" ".join(item.paragraphs)).chars(SUMMARY_CHARS))

    def item_pubdate(self, item: Article):
        # The day it was printed, not the day it was archived: a back issue loaded today is old news.
        return printed_datetime(item)

    def item_updateddate(self, item: Article):
        return item.issue.processed_at

    def item_author_name(self, item: Article) -> str | None:
        return item.byline or None

    def item_categories(self, item: Article) -> list[str]:
        return [item.paper.name]


def entry_title(item: Article) -> str:
    """Title an entry with its paper and printed date, so a list of entries reads like a clipping file."""
    page = f" 第{int(item.issue.page)}版" if item.issue.page.isdigit() else (f" {item.issue.page}版" if item.issue.page else "")
    return f"{item.display_title}（{item.paper.name} {item.issue_date.year}年{item.issue_date.month}月{item.issue_date.day}日{page}）"


class DistrictFeed(_ArticleFeed):
    def get_object(self, request: HttpRequest, slug: str) -> District:
        return get_object_or_404(District, slug=slug)

    def title(self, obj: District) -> str:
        return f"{obj.name} · 地方报纸档案"

    def link(self, obj: District) -> str:
        return obj.get_absolute_url()

    def subtitle(self, obj: District) -> str:
        return f"关于{obj.name}的最新报道"

    def items(self, obj: District) -> list[Article]:
        return browse.feed_articles(district=obj)


class PaperFeed(_ArticleFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Paper:
        return get_object_or_404(Paper, slug=slug)

    def title(self, obj: Paper) -> str:
        return f"{obj.name} · 地方报纸档案"

    def link(self, obj: Paper) -> str:
        return obj.get_absolute_url()

    def subtitle(self, obj: Paper) -> str:
        return f"{obj.name}最新刊登的文章"

    def items(self, obj: Paper) -> list[Article]:
        return browse.feed_articles(paper=obj)


class LeaderFeed(_ArticleFeed):
    def get_object(self, request: HttpRequest, pk: int) -> Leader:
        return get_object_or_404(Leader.objects.select_related("district"), pk=pk)

    def title(self, obj: Leader) -> str:
        where = f"（{obj.district.name}）" if obj.district else ""
        return f"{obj.name}{where} · 地方报纸档案"

    def link(self, obj: Leader) -> str:
        return obj.get_absolute_url()

    def subtitle(self, obj: Leader) -> str:
        return f"提到{obj.name}的最新报道"

    def items(self, obj: Leader) -> list[Article]:
        return browse.leader_feed_articles(obj)
