"""The reader's walk in Chromium, desktop and phone: top navigation, indexes, breadcrumbs, back issues,
calendars, one office one title, the raw text, and a story continued on another page."""
import pytest
from selenium.webdriver.common.by import By

from tests.browser.conftest import PHONE, click_and_wait, set_viewport
from tests.site_pages import build_archive

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DESKTOP_WIDE = (1366, 900)


def follow(browser, css: str, text: str) -> None:
    """Click the link with ``text`` inside the element matched by ``css`` and wait for the next page."""
    container = browser.find_element(By.CSS_SELECTOR, css)
    click_and_wait(browser, container.find_element(By.PARTIAL_LINK_TEXT, text))


def h1(browser) -> str:
    return browser.find_element(By.TAG_NAME, "h1").text


def no_sideways_scroll(browser, width: int) -> bool:
    return browser.execute_script("return document.documentElement.scrollWidth") <= width


def start_at_home(browser, live_server, viewport: tuple[int, int]) -> None:
    """Build the shared archive and open the home page at the given window size."""
    build_archive()
    set_viewport(browser, *viewport)
    browser.get(live_server.url + "/")


@pytest.mark.parametrize("viewport", [DESKTOP_WIDE, PHONE], ids=["desktop", "phone"])
def test_reader_walks_from_the_top_navigation_to_a_continued_story(browser, live_server, screenshot, viewport):
    start_at_home(browser, live_server, viewport)
    follow(browser, "nav.site-nav", "报纸")
    assert h1(browser) == "报纸" and "共 1 份报纸" in browser.find_element(By.TAG_NAME, "main").text
    follow(browser, "main", "崇明报")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "往期" in main and "1 期 · 2 版" in main
    screenshot("paper")
    follow(browser, ".year-months", "4月")
    assert h1(browser) == "崇明报 · 2025年4月"
    assert browser.find_element(By.CSS_SELECTOR, "a[rel=next]").text == "2025年5月 →"
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "td.has a"))
    follow(browser, "main", "第01版")
    assert browser.find_element(By.CSS_SELECTOR, "a[rel=next]").text.startswith("下一期：2025年5月3日")
    follow(browser, "main", "生态岛建设推进会召开")
    crumbs = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "nav.crumbs a")]
    assert crumbs[:3] == ["首页", "报纸", "崇明报"]
    follow(browser, ".continuation", "下转第2版")
    assert h1(browser).startswith("推进会续")
    follow(browser, ".continuation", "上接第1版")
    assert h1(browser).startswith("生态岛建设推进会召开")
    assert no_sideways_scroll(browser, viewport[0])
    follow(browser, "nav.crumbs", "第01版")
    follow(browser, "main", "查看原始文本")
    assert browser.find_element(By.CSS_SELECTOR, ".site-header")
    assert "生态岛建设推进会召开" in browser.find_element(By.CSS_SELECTOR, ".raw-text").text
    assert no_sideways_scroll(browser, viewport[0])
    screenshot("raw")


@pytest.mark.parametrize("viewport", [DESKTOP_WIDE, PHONE], ids=["desktop", "phone"])
def test_reader_finds_districts_and_leaders(browser, live_server, screenshot, viewport):
    start_at_home(browser, live_server, viewport)
    follow(browser, "nav.site-nav", "区县")
    assert [h.text for h in browser.find_elements(By.CSS_SELECTOR, "main h2")] == ["上海市", "浙江省"]
    assert not browser.find_elements(By.CSS_SELECTOR, "a[href='/district/kongbai/']")
    follow(browser, "main", "崇明区")
    assert "上海市上海市" not in browser.find_element(By.TAG_NAME, "main").text
    follow(browser, "nav.site-nav", "领导")
    box = browser.find_element(By.ID, "leader-q")
    box.send_keys("缪")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button"))
    follow(browser, "main table", "缪京")
    titles = browser.find_element(By.CSS_SELECTOR, "table").text
    assert "区委书记" in titles and "崇明区委书记" not in titles
    tick = browser.find_element(By.CSS_SELECTOR, "svg.chart text.tick")
    shown = browser.execute_script(
        "var t = arguments[0]; return parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;", tick)
    assert shown >= 10.5, f"chart labels are {shown:.1f}px: too small to read at this width"
    screenshot("leader")
    follow(browser, "nav.site-nav", "日期")
    follow(browser, "main", "4月")
    assert h1(browser) == "2025年4月"
