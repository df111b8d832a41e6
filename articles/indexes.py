"""Read side for the archive-wide index pages: papers, districts, dates and leaders, and a paper's 往期.

Lists a visitor pages through carry their total (Django's Paginator), because "共 N 份报纸"
is what tells a reader how much there is; the tables they count are small (papers, districts,
leaders) or counted per paper over an index (issues).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Min, QuerySet
from django.db.models.functions import TruncMonth
from pypinyin import lazy_pinyin

from articles.browse import CARD_FIELDS
from articles.models import Article, District, Issue, Leader, Paper

PER_PAGE = 50


def numbered_page(items: QuerySet | list, *, number: object, per_page: int = PER_PAGE, total: int | None = None) -> Page:
    """Return page ``number`` of ``items`` (a wrong or too large number gives the nearest page).

    ``total``, when the archive already keeps it (District.article_count), saves the COUNT(*).
    """
    paginator = Paginator(items, per_page)
    if total is not None:
        paginator.count = total  # a cached_property: set, it is never computed
    return paginator.get_page(number)


def papers() -> QuerySet[Paper]:
    """Every paper with its district, issue count and first and last issue date, by name."""
    return Paper.objects.select_related("district").annotate(
        pages=Count("issues"), first_day=Min("issues__issue_date"), last_day=Max("issues__issue_date"),
    ).order_by("name")


def pinyin_key(name: str) -> list[str]:
    """Sort key that orders Chinese names the way a printed index does: by pinyin, not by code point."""
    return [*lazy_pinyin(name), name]


def districts_by_province() -> list[tuple[str, list[District]]]:
    """Return [(province, districts)] ordered by province then district name, both by pinyin."""
    groups: dict[str, list[District]] = {}
    for district in District.objects.only("pk", "name", "slug", "city", "province", "article_count"):
        groups.setdefault(district.province or "其他", []).append(district)
    return [
        (province, sorted(groups[province], key=lambda d: pinyin_key(d.name)))
        for province in sorted(groups, key=pinyin_key)
    ]


def leaders_matching(query: str) -> QuerySet[Leader]:
    """Leaders in the news whose name contains ``query`` (all of them for an empty one), most mentioned first.

    City- and province-level leaders have no district and are listed with the others.
    """
    leaders = Leader.objects.filter(mention_count__gt=0).select_related("district")
    if query:
        leaders = leaders.filter(name__contains=query)
    return leaders.only("pk", "name", "district__name", "district__slug", "mention_count", "last_seen",
                        "current_titles").order_by("-mention_count", "name", "pk")


@dataclass(frozen=True)
class MonthCount:
    """A month of an archive: the first day, the days with issues and the pages printed."""

    month: date
    days: int
    pages: int


def issue_months(*, paper: Paper | None = None) -> list[tuple[int, list[MonthCount]]]:
    """Return [(year, months)] newest first: how many issue days and pages each month holds."""
    issues = Issue.objects.filter(paper=paper) if paper is not None else Issue.objects.all()
    rows = issues.annotate(month=TruncMonth("issue_date")).values("month").annotate(
        days=Count("issue_date", distinct=True), pages=Count("id"),
    ).order_by("-month")
    years: dict[int, list[MonthCount]] = {}
    for row in rows:
        years.setdefault(row["month"].year, []).append(MonthCount(row["month"], row["days"], row["pages"]))
    return list(years.items())


def nearest_months(first: date, *, rows: QuerySet) -> tuple[date | None, date | None]:
    """Return the first days of the nearest earlier and later months that hold issues (or articles)."""
    before = rows.filter(issue_date__lt=first).order_by("-issue_date").values_list("issue_date", flat=True).first()
    after = rows.filter(issue_date__gte=_next_month(first)).order_by("issue_date").values_list("issue_date", flat=True).first()
    return (before.replace(day=1) if before else None), (after.replace(day=1) if after else None)


def nearest_years(year: int, *, rows: QuerySet) -> tuple[int | None, int | None]:
    """Return the nearest earlier and later years that hold issues (or articles)."""
    before = rows.filter(issue_date__lt=date(year, 1, 1)).order_by("-issue_date").values_list("issue_date", flat=True).first()
    after = rows.filter(issue_date__gte=date(year + 1, 1, 1)).order_by("issue_date").values_list("issue_date", flat=True).first()
    return (before.year if before else None), (after.year if after else None)


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def district_articles(district: District) -> QuerySet[Article]:
    """The district's articles newest first, with what a card shows (for a numbered list)."""
    return Article.objects.filter(district=district).select_related("paper", "issue", "district").only(
        *CARD_FIELDS).order_by("-issue_date", "-id")


def paper_articles(paper: Paper) -> QuerySet[Article]:
    """The paper's articles newest first, with what a card shows (for a numbered list)."""
    return Article.objects.filter(paper=paper).select_related("paper", "issue", "district").only(
        *CARD_FIELDS).order_by("-issue_date", "-id")



def page_numbers(page: Page) -> list[int | None]:
    """Return the page numbers to link around ``page`` (None where a run is left out: 1 2 … 7 8 9 … 20)."""
    ellipsis = page.paginator.ELLIPSIS
    return [None if n == ellipsis else n for n in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)]
