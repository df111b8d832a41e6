"""The reporter's walk in Chromium, desktop and phone: search, narrow by date without scrolling back,
undo a condition, sort, open a result with the terms marked and go back, cite, fix a mistyped name."""
from datetime import date

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import PHONE, click_and_wait, set_viewport
from tests.site_pages import build_archive

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DESKTOP_WIDE = (1366, 900)


def search_for(browser, live_server, text: str) -> None:
    browser.get(live_server.url + "/search/")
    assert browser.switch_to.active_element.get_attribute("id") != "id_q", "no autofocus: it opens the phone keyboard"
    browser.find_element(By.ID, "id_q").send_keys(text)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "#search-form button[type=submit]"))


def results_heading(browser) -> str:
    return browser.find_element(By.ID, "results-heading").text


def set_date(browser, field_id: str, day: date) -> None:
    """Type a date into a date input the way Chromium takes keys (year, month, day), then leave it."""
    field = browser.find_element(By.ID, field_id)
    browser.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))",
                           field, day.isoformat())


@pytest.mark.parametrize("viewport", [DESKTOP_WIDE, PHONE], ids=["desktop", "phone"])
def test_reporter_narrows_undoes_sorts_and_comes_back(browser, live_server, screenshot, viewport):
    build_archive()
    set_viewport(browser, *viewport)
    search_for(browser, live_server, "会议")
    assert "共 3 篇" in results_heading(browser)
    assert len(browser.find_elements(By.CSS_SELECTOR, "input[type=search]")) == 1
    old = browser.find_element(By.ID, "results")
    set_date(browser, "id_from", date(2025, 5, 1))
    WebDriverWait(browser, 20).until(lambda b: "from=2025-05-01" in b.current_url)
    WebDriverWait(browser, 20).until(lambda b: "共 1 篇" in results_heading(b))
    heading_top = browser.execute_script("return document.getElementById('results-heading').getBoundingClientRect().top")
    assert 0 <= heading_top < viewport[1], "after a date change the results are in view"
    assert browser.current_url.endswith("#results-heading")
    screenshot("narrowed")

    chips = browser.find_elements(By.CSS_SELECTOR, ".active-filters li")
    assert [c.find_element(By.TAG_NAME, "span").text for c in chips] == ["检索词：会议", "出版日期从 2025-05-01"]
    click_and_wait(browser, chips[1].find_element(By.TAG_NAME, "a"))
    assert "共 3 篇" in results_heading(browser)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "最早在前"))
    titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#results .card-title")]
    assert titles[-1] == "乡村振兴工作会议"
    first = browser.find_element(By.CSS_SELECTOR, "#results .card-title")
    if viewport == PHONE:
        results_y = browser.find_element(By.ID, "results").location["y"]
        facets = browser.find_element(By.CSS_SELECTOR, ".facets-fold")
        assert facets.location["y"] > results_y and facets.get_attribute("open") is None
    assert browser.execute_script("return document.documentElement.scrollWidth") <= viewport[0]

    click_and_wait(browser, first)
    assert browser.find_elements(By.CSS_SELECTOR, ".body mark")
    copy = browser.find_element(By.CSS_SELECTOR, "button[data-copy=citation-text]")
    assert copy.is_displayed()
    citation = browser.find_element(By.ID, "citation-text").get_attribute("value")
    assert "[N/OL]" in citation and citation.rstrip(".").endswith(browser.current_url.split("?")[0])
    copy.click()
    WebDriverWait(browser, 5).until(lambda b: b.find_element(By.CSS_SELECTOR, ".copy-status").text)
    screenshot("article")
    click_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "返回检索结果"))
    assert "sort=oldest" in browser.current_url and "共 3 篇" in results_heading(browser)


@pytest.mark.parametrize("viewport", [DESKTOP_WIDE, PHONE], ids=["desktop", "phone"])
def test_a_mistyped_name_leads_to_the_right_one(browser, live_server, screenshot, viewport):
    build_archive()
    set_viewport(browser, *viewport)
    search_for(browser, live_server, "缪景")
    assert "档案中没有文章包含“缪景”" in browser.find_element(By.CSS_SELECTOR, ".empty-result").text
    screenshot("empty")
    help_link = browser.find_element(By.CSS_SELECTOR, ".empty-result a[href='#syntax-help']")
    help_link.click()
    assert browser.find_element(By.ID, "syntax-help").get_attribute("open") is not None
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".suggestions a"))
    assert "缪京" in browser.find_element(By.ID, "id_q").get_attribute("value")
    assert "共 1 篇" in results_heading(browser)


def test_leader_page_searches_within_the_leaders_articles(browser, live_server):
    archive = build_archive()
    set_viewport(browser, *DESKTOP_WIDE)
    browser.get(live_server.url + archive["leader"].get_absolute_url())
    browser.find_element(By.ID, "leader-search-q").send_keys("乡村振兴")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form.inline-form button"))
    assert f"leader={archive['leader'].pk}" in browser.current_url
    assert "共 1 篇" in results_heading(browser)
    assert "领导：缪京" in browser.find_element(By.CSS_SELECTOR, ".active-filters").text


def test_a_feed_opened_in_the_browser_is_a_readable_page(browser, live_server):
    build_archive()
    browser.get(live_server.url + "/paper/cmb/feed/")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("订阅：")
    assert "（崇明报 2025年5月3日 第1版）" in browser.find_element(By.TAG_NAME, "main").text
