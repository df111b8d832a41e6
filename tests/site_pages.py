"""One small archive and the address of every public page type, for the whole-site checks.

The accessibility check (axe-core in Chromium) and the HTML check (the Nu validator) walk the
same list, so a page type added here is checked by both; a page type missing here is checked
by neither, which is why the list aims to name every template a visitor can reach.
"""
from __future__ import annotations

from datetime import date

from django.core.cache import cache

from tests.factories import make_article, make_district, make_issue, make_leader, make_mention, make_paper


def build_archive() -> dict:
    """Create two papers, two days, continued articles, leaders (one city-level) and return them."""
    cache.clear()  # browse caches whole-archive figures; the pages must show this archive's
    chongming = make_district(name="崇明区", city="上海市", province="上海市", slug="chongming")
    make_district(name="空白县", city="杭州市", province="浙江省", slug="kongbai")
    paper = make_paper(name="崇明报", slug="cmb", district=chongming)
    front = make_issue(paper=paper, issue_date=date(2025, 4, 19), page="01",
                       text="崇明报 2025年4月19日\n生态岛建设推进会召开\n本报讯 全区召开推进会。")
    second = make_issue(paper=paper, issue_date=date(2025, 4, 19), page="02")
    later = make_issue(paper=paper, issue_date=date(2025, 5, 3), page="01")
    leader = make_leader(name="缪京", district=chongming)
    mayor = make_leader(name="龚正", district=None)
    lead = make_article(issue=front, title="生态岛建设推进会召开", byline="记者 李双玖", subtitle="全区部署下半年工作",
                        body="本报讯 全区召开生态岛建设推进会。\n会议要求抓好落实。(下转第2版)",
                        continues_elsewhere=True, event_date=date(2025, 4, 18))
    rest = make_article(issue=second, title="", derived_title="推进会续", position=1,
                        body="(上接第1版)会议还要求各镇抓好落实。", continued_from_elsewhere=True)
    follow = make_article(issue=front, title="", derived_title="村里修路", body="村里修了一条路。")
    may = make_article(issue=later, title="乡村振兴工作会议", body="本报讯 缪京出席乡村振兴工作会议。")
    make_mention(article=lead, leader=leader, titles=["区委书记"])
    make_mention(article=follow, leader=leader, titles=["崇明区委书记"])
    make_mention(article=may, leader=leader, titles=["区委书记"])
    make_mention(article=lead, leader=mayor, titles=["市长"], position=2)
    return {"district": chongming, "paper": paper, "issue": front, "second": second, "later": later,
            "lead": lead, "rest": rest, "may": may, "leader": leader, "mayor": mayor}


def page_addresses(archive: dict) -> dict[str, str]:
    """Return {page type: address} for every public page type of the archive built above."""
    issue, lead, leader = archive["issue"], archive["lead"], archive["leader"]
    return {
        "home": "/",
        "paper-index": "/paper/",
        "district-index": "/district/",
        "date-index": "/date/",
        "leader-index": "/leaders/",
        "leader-index-search": "/leaders/?q=缪",
        "leader-index-none": "/leaders/?q=无此人",
        "paper": "/paper/cmb/",
        "paper-year": "/paper/cmb/2025/",
        "paper-month": "/paper/cmb/2025/04/",
        "paper-day": "/paper/cmb/2025/04/19/",
        "district": "/district/chongming/",
        "district-year": "/district/chongming/2025/",
        "district-month": "/district/chongming/2025/04/",
        "district-day": "/district/chongming/2025/04/19/",
        "district-leaders": "/district/chongming/leaders/",
        "date-month": "/date/2025/04/",
        "date-day": "/date/2025/04/19/",
        "issue": f"/issue/{issue.pk}/",
        "issue-raw": f"/issue/{issue.pk}/raw/",
        "article": f"/article/{lead.pk}/",
        "article-continued": f"/article/{archive['rest'].pk}/",
        "article-from-results": f"/article/{lead.pk}/?results=q%3D推进会%26page%3D1",
        "leader": f"/leader/{leader.pk}/",
        "search-form": "/search/",
        "search-results": "/search/?q=推进会",
        "search-filtered": f"/search/?q=会议&district=chongming&from=2025-01-01&leader={leader.pk}",
        "search-none": "/search/?q=缪景",
        "feed-in-browser": "/district/chongming/feed/",
        "not-found": "/no-such-page/",
    }
