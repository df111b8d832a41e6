"""Citations of archived articles in GB/T 7714-2015 newspaper format.

``作者. 题名[N]. 报纸名, 出版日期(版次).`` e.g. ``李双玖. 崇明召开生态岛建设推进会[N]. 崇明报, 2025-04-19(1).``
Given the article's address, the online form that a reader of this archive actually consulted:
``作者. 题名[N/OL]. 报纸名, 出版日期(版次)[引用日期]. 网址.`` A title the page did not print (derived
from the body) is a title supplied by the cataloguer, which the standard puts in square brackets.
Shared by the article page and the search export, so both print the same reference.
"""
from __future__ import annotations

import re
from datetime import date

from django.utils import timezone

from articles.models import Article

# Role words printed around the names in a byline (本报记者 张三 通讯员 李四, 文/王五, 摄影 赵六).
_ROLE = re.compile(
    r"(?:本报|特约|特聘|首席|见习|实习|融媒体)*(?:记者|通讯员|实习生|摄影|摄像|撰稿|编辑|责编)"
    r"|本报讯|[文图摄]\s*[:：/]|[:：/]"
)
# A byline that names a source rather than people (转载自《上观新闻》) has no author to cite.
_SOURCE = re.compile(r"转载自|转自|摘自|原载|来源|《")
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,6}$")
# GB/T 7714 lists the first three authors, then "等".
_MAX_AUTHORS = 3


def byline_authors(byline: str) -> list[str]:
    """Return the personal names in a byline, in printed order, without role words."""
    if not byline or _SOURCE.search(byline):
        return []
    text = _ROLE.sub(" ", byline.strip(" ·•・()（）"))
    names: list[str] = []
    for token in re.split(r"[\s、，,；;·•・()（）]+", text):
        if _NAME.match(token) and token not in names:
            names.append(token)
    return names


def format_authors(names: list[str]) -> str:
    """Join names the GB/T 7714 way: up to three, then ``, 等``."""
    shown = ", ".join(names[:_MAX_AUTHORS])
    return f"{shown}, 等" if len(names) > _MAX_AUTHORS else shown


def format_page(page: str) -> str:
    """Print page "01" as "1"; keep lettered pages (A3) as printed."""
    page = page.strip()
    return str(int(page)) if page.isdigit() else page


def cite_article(article: Article, *, url: str | None = None, accessed: date | None = None) -> str:
    """Return the GB/T 7714 reference of an article (needs ``paper`` and ``issue`` loaded).

    With ``url`` the online form ``[N/OL]`` with the access date (today unless given) and the address.
    """
    authors = format_authors(byline_authors(article.byline))
    if article.title:
        title = article.title
    else:
        title = f"[{article.derived_title}]" if article.derived_title else "[无标题]"
    page = format_page(article.issue.page) if article.issue.page else ""
    kind = "[N/OL]" if url else "[N]"
    parts = [f"{authors}. " if authors else "", f"{title}{kind}. ", f"{article.paper.name}, ",
             f"{article.issue_date:%Y-%m-%d}", f"({page})" if page else ""]
    if url:
        parts.append(f"[{accessed or timezone.localdate():%Y-%m-%d}]. {url}")
    return "".join(parts) + "."
