"""Breadcrumb trails: where a page sits in the archive, always starting from 首页.

Each function returns the trail down to and including the current page as (label, address)
pairs; the template links every step but the last, which it marks as the current page.
"""
from __future__ import annotations

from django.urls import reverse

from articles.models import Article, District, Issue, Leader, Paper

Crumb = tuple[str, str]


def home() -> list[Crumb]:
    return [("首页", reverse("articles:home"))]


def papers() -> list[Crumb]:
    return [*home(), ("报纸", reverse("articles:paper_index"))]


def districts() -> list[Crumb]:
    return [*home(), ("区县", reverse("articles:district_index"))]


def dates() -> list[Crumb]:
    return [*home(), ("日期", reverse("articles:date_index"))]


def leaders() -> list[Crumb]:
    return [*home(), ("领导", reverse("articles:leader_index"))]


def paper(p: Paper) -> list[Crumb]:
    return [*papers(), (p.name, p.get_absolute_url())]


def district(d: District) -> list[Crumb]:
    return [*districts(), (d.name, d.get_absolute_url())]


def leader(person: Leader) -> list[Crumb]:
    return [*leaders(), (person.name, person.get_absolute_url())]


def issue(page: Issue, *, printed_by: Paper | None = None) -> list[Crumb]:
    """Paper, the day's issue, then the page: the path a reader of the printed paper would take."""
    owner = printed_by or page.paper
    day = page.issue_date
    day_url = reverse("articles:paper_day", kwargs={"slug": owner.slug, "year": day.year, "month": day.month, "day": day.day})
    label = f"第{page.page}版" if page.page else "版面"
    return [*paper(owner), (f"{day.year}年{day.month}月{day.day}日", day_url), (label, page.get_absolute_url())]


def article(item: Article) -> list[Crumb]:
    return [*issue(item.issue, printed_by=item.paper), (item.display_title, item.get_absolute_url())]


def calendar(kind: str, owner: Paper | District | None, steps: list[Crumb]) -> list[Crumb]:
    """Extend the trail of a paper, a district or all dates by a calendar page's year, month and day steps."""
    if kind == "paper":
        return [*paper(owner), *steps]
    if kind == "district":
        return [*district(owner), *steps]
    return [*dates(), *steps]
