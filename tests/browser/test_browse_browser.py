"""Walk the archive in a real Chromium: home → district → calendar → day → issue → article → leader."""
from datetime import date

import pytest
from django.core.cache import cache
from selenium.webdriver.common.by import By

from tests.browser.conftest import DESKTOP, PHONE, click_and_wait, set_viewport
from tests.factories import make_article, make_district, make_issue, make_leader, make_mention, make_paper

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def archive():
    """A small archive: one district with its paper, two pages on one day, a leader in two articles."""
    cache.clear()  # browse caches whole-archive figures; start each test from this archive's
    district = make_district(name="崇明区", city="上海市", province="上海市", slug="chongming")
    paper = make_paper(name="崇明报", slug="cmb", district=district)
    front = make_issue(paper=paper, issue_date=date(2025, 4, 19), page="01")
    make_issue(paper=paper, issue_date=date(2025, 4, 19), page="02")
    leader = make_leader(name="王一", district=district)
    lead = make_article(issue=front, title="生态岛建设推进会召开", byline="记者 李双玖",
                        body="本报讯 全区召开生态岛建设推进会。\n会议要求抓好落实。")
    follow = make_article(issue=front, title="", derived_title="村里修路", body="村里修了一条路。")
    make_mention(article=lead, leader=leader, titles=["区委书记"])
    make_mention(article=follow, leader=leader, titles=["区委书记"])
    return {"district": district, "paper": paper, "issue": front, "lead": lead, "leader": leader}


def click_link(browser, text: str) -> None:
    """Follow the first link whose visible text contains ``text`` inside the main content."""
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main").find_element(By.PARTIAL_LINK_TEXT, text))


def heading(browser) -> str:
    return browser.find_element(By.TAG_NAME, "h1").text


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_walk_from_home_to_leader(browser, live_server, archive, screenshot, viewport):
    set_viewport(browser, *viewport)
    try:
        browser.get(live_server.url + "/")
        assert browser.find_element(By.CSS_SELECTOR, "form[action='/search/'] input[name=q]")
        screenshot("1-home")

        click_link(browser, "崇明区")
        assert heading(browser) == "崇明区"
        screenshot("2-district")

        click_link(browser, "2025年")
        assert "2025年" in heading(browser)
        click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "a[href$='/district/chongming/2025/04/']"))
        assert "2025年4月" in heading(browser)
        screenshot("3-calendar-month")

        click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "td.has a[href$='/2025/04/19/']"))
        assert "2025年4月19日" in heading(browser)
        screenshot("4-day")

        click_link(browser, "生态岛建设推进会召开")
        assert heading(browser).startswith("生态岛建设推进会召开")
        citation = browser.find_element(By.ID, "citation-text").get_attribute("value")
        assert citation.startswith("李双玖. 生态岛建设推进会召开[N/OL]. 崇明报, 2025-04-19(1)[") and citation.endswith(f"{browser.current_url}.")
        screenshot("5-article")

        click_link(browser, "第01版")
        assert "第01版" in heading(browser)
        assert "推断标题" in browser.find_element(By.TAG_NAME, "main").text
        screenshot("6-issue")

        click_link(browser, "生态岛建设推进会召开")
        click_link(browser, "王一")
        assert heading(browser) == "王一"
        assert browser.find_element(By.CSS_SELECTOR, "svg.chart[role=img]")
        assert "区委书记" in browser.find_element(By.TAG_NAME, "table").text
        screenshot("7-leader")

        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= viewport[0], "the page must not scroll sideways"
    finally:
        set_viewport(browser, *DESKTOP)


def test_skip_link_is_first_focus_and_targets_main(browser, live_server, archive):
    browser.get(live_server.url + archive["lead"].get_absolute_url())
    browser.find_element(By.TAG_NAME, "body").send_keys("\t")
    focused = browser.switch_to.active_element
    assert focused.text == "跳到正文"
    assert focused.get_attribute("href").endswith("#main")


def test_paper_calendar_and_date_pages(browser, live_server, archive, screenshot):
    browser.get(live_server.url + "/paper/cmb/2025/04/19/")
    assert "第02版" in browser.find_element(By.TAG_NAME, "main").text
    browser.get(live_server.url + "/date/2025/04/19/")
    click_link(browser, "崇明报")
    assert heading(browser) == "崇明报"
    screenshot("paper")
