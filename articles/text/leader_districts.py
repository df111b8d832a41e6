"""Give an article whose district came from the page, not from its own place names, the
district of a local leader it shares with another article on the page.

A city paper's 县区新闻 page runs reports from several districts side by side, and a short
report often names no place at all: ``3月4日晚，区委副书记、区长某某主持召开区长办公会`` says
only 区. Its officials say where it is: when the same 区长 or 副区长 appears, with a local
title, in another report on the page that names its district (新华区), both reports are
about that district. Without this step such a report falls back to the page's most
mentioned district, which on a mixed page is another district's. Only articles whose own
place names agree with their district vouch for a leader; only articles whose district
their own names do not confirm take one.

Pure Python: no Django imports.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from articles.text.districts import district_of
from articles.text.parsed import ParsedArticle

# A title of the district's own bodies, written without a place name: 区委书记, 副县长,
# 区人大常委会主任, 旗委常委. A title naming a place (汝州市人大常委会主任) or a city or
# provincial post says nothing about which district of the page the article is about.
_LOCAL_TITLE = re.compile(r"^(?:常务)?副?[区县旗]")


def local_leaders(article: ParsedArticle) -> set[str]:
    """Return the names printed in the article with at least one local title."""
    return {m.name for m in article.leaders if any(_LOCAL_TITLE.match(t) for t in m.titles)}


def named_district(article: ParsedArticle) -> str | None:
    """Return the district the article's own place names point to, ignoring the page."""
    return district_of(article.body, title=article.title, default=None)


def leader_districts(articles: Sequence[ParsedArticle], confirmed: Sequence[str | None]) -> dict[str, str]:
    """Map each local leader to the confirmed district of the articles that print them.

    A leader printed in articles of two different districts is left out: a 区长 cannot
    lead two districts, so the page is telling us nothing reliable about that name.
    """
    seen: dict[str, Counter] = {}
    for article, district in zip(articles, confirmed):
        if district is None:
            continue
        for name in local_leaders(article):
            seen.setdefault(name, Counter())[district] += 1
    return {name: next(iter(c)) for name, c in seen.items() if len(c) == 1}


def district_by_leaders(article: ParsedArticle, known: dict[str, str]) -> str | None:
    """Return the one district the article's local leaders belong to, if they agree."""
    found = {known[name] for name in local_leaders(article) if name in known}
    return found.pop() if len(found) == 1 else None


def settle_unnamed(articles: Sequence[ParsedArticle]) -> None:
    """Set, in place, the district of each article its own names do not confirm from the
    leaders it shares with articles whose names do."""
    confirmed = [a.district if named_district(a) == a.district else None for a in articles]
    known = leader_districts(articles, confirmed)
    if not known:
        return
    for article, district in zip(articles, confirmed):
        if district is None and (by_leader := district_by_leaders(article, known)):
            article.district = by_leader
