"""The other part of an article printed on two pages (下转第2版 / 上接第1版).

The parser flags such articles (``continues_elsewhere``, ``continued_from_elsewhere``) and cuts
the marker out of the body, so the page named in the marker is read again from the stored page
text, next to the article's first or last words. A story whose text stops mid-sentence is flagged
too, with no marker to read: then the page only says that the story does not end here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from articles.models import Article, Issue

_NUM = "0-9０-９一二三四五六七八九十"
_ARROWS = "►▶▸→>》＞:："
_TO = re.compile(rf"(?:下转|转至|转见|转)\s*[{_ARROWS}]?\s*第?\s*([A-Za-z]?\s*[{_NUM}]+)\s*版")
_FROM = re.compile(rf"(?:上接|接上|续接|承接|接)\s*[{_ARROWS}]?\s*第?\s*([A-Za-z]?\s*[{_NUM}]+)\s*版")
_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
# How far from the article's first or last words the marker may stand in the page text.
_NEAR = 60


@dataclass(frozen=True)
class OtherPart:
    """Where the rest of an article is: the page named, the page if archived, the article if found."""

    direction: str  # "下转" or "上接"
    page: str  # as a reader says it: "2" or "A3"
    issue: Issue | None
    article: Article | None


def page_key(page: str) -> str:
    """Compare page numbers as printed in different ways: "02", "2", "第二" and "２" are one page."""
    page = page.replace(" ", "").upper().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if page and all(c in _CHINESE_DIGITS or c == "十" for c in page):
        return str(_chinese_number(page))
    letters, digits = re.match(r"([A-Z]*)(\d*)", page).groups()
    return f"{letters}{int(digits)}" if digits else page


def _chinese_number(text: str) -> int:
    if "十" not in text:
        return _CHINESE_DIGITS.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_CHINESE_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CHINESE_DIGITS.get(ones, 0) if ones else 0)


def marker_page(article: Article, page_text: str) -> tuple[str, str] | None:
    """Return ("下转" or "上接", page) from the marker next to the article in its page text, if any."""
    if article.continues_elsewhere:
        direction, pattern, anchor = "下转", _TO, article.body.strip()[-12:]
    elif article.continued_from_elsewhere:
        direction, pattern, anchor = "上接", _FROM, article.body.strip()[:12]
    else:
        return None
    found = pattern.search(article.body)
    if not found and anchor and anchor in page_text:
        at = page_text.index(anchor)
        window = page_text[at + len(anchor): at + len(anchor) + _NEAR] if direction == "下转" else page_text[max(0, at - _NEAR): at]
        found = pattern.search(window)
    if not found:
        markers = pattern.findall(page_text)
        found_page = markers[0] if len(set(map(page_key, markers))) == 1 else None
        return (direction, page_key(found_page)) if found_page else None
    return direction, page_key(found.group(1))


def other_part(article: Article) -> OtherPart | None:
    """Return where the rest of a continued article is, or None for an article printed whole."""
    if not (article.continues_elsewhere or article.continued_from_elsewhere):
        return None
    page_text = Issue.objects.filter(pk=article.issue_id).values_list("text", flat=True).first() or ""
    marker = marker_page(article, page_text)
    if marker is None:
        return OtherPart("下转" if article.continues_elsewhere else "上接", "", None, None)
    direction, page = marker
    same_day = Issue.objects.filter(paper_id=article.paper_id, issue_date=article.issue_date).only("pk", "page")
    issue = next((i for i in same_day if page_key(i.page) == page and i.pk != article.issue_id), None)
    match = _matching_part(issue, direction, back_to=page_key(article.issue.page)) if issue else None
    return OtherPart(direction, page, issue, match)


def _matching_part(issue: Issue, direction: str, *, back_to: str) -> Article | None:
    """Return the article on ``issue`` that carries the other end of the marker: the one whose own
    marker names the page we came from, else the first (下转) or last (上接) flagged article."""
    flag = {"continued_from_elsewhere": True} if direction == "下转" else {"continues_elsewhere": True}
    parts = list(Article.objects.filter(issue=issue, **flag).only(
        "pk", "title", "derived_title", "body", "continues_elsewhere", "continued_from_elsewhere").order_by("position"))
    if not parts:
        return None
    page_text = Issue.objects.filter(pk=issue.pk).values_list("text", flat=True).first() or ""
    for part in parts:
        marker = marker_page(part, page_text)
        if marker and marker[1] == back_to:
            return part
    return parts[0] if direction == "下转" else parts[-1]
