"""Shared fixtures for browser tests: one headless Debian Chromium per test session.

Reused by every browser suite (browsing, search, admin upload). Chromium comes from apt,
never from a download: where it is missing the tests skip with a hint, except under
``CI=true``, where a missing browser is a failure.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("NEWSARCHIVE_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("NEWSARCHIVE_CHROMEDRIVER", "/usr/bin/chromedriver"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DESKTOP = (1280, 900)
PHONE = (390, 844)
CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
)
ENABLE_HINT = "Chromium not found: install it with `apt-get install chromium chromium-driver` to run browser tests."


def _require_chromium() -> None:
    """Skip on a laptop without Chromium; fail under CI, where the browser tests must run."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if not missing:
        return
    message = f"{ENABLE_HINT} (missing: {', '.join(missing)})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator["webdriver.Chrome"]:  # noqa: F821 - selenium is imported lazily
    """Yield one headless Chromium for the session, with a fresh profile that is removed afterwards."""
    _require_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="newsarchive-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={DESKTOP[0]},{DESKTOP[1]}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def click_and_wait(driver, element, *, timeout: int = 30) -> None:  # noqa: ANN001 - selenium objects
    """Click a link or button and wait until its page has gone, so nothing of the old page is read."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    element.click()
    # While the old page is torn down, Chromium can answer the staleness probe with "unhandled
    # inspector error: Node … does not belong to the document": the page is going; ask again.
    WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(
        expected_conditions.staleness_of(element))


def set_viewport(driver, width: int, height: int) -> None:
    """Resize the window so that the page is laid out at the given width (desktop or phone)."""
    driver.set_window_size(width, height)


def save_screenshot(driver, name: str) -> Path:
    """Save the current page as ``test-artifacts/<name>.png`` (gitignored) and return the path."""
    ARTIFACTS.mkdir(exist_ok=True)
    safe = re.sub(r"[^\w.-]+", "_", name).strip("_") or "page"
    path = ARTIFACTS / f"{safe}.png"
    driver.save_screenshot(str(path))
    return path


@pytest.fixture
def screenshot(browser, request: pytest.FixtureRequest) -> Callable[[str], Path]:
    """Return a function that saves a screenshot named after the current test and a label."""
    def take(label: str) -> Path:
        return save_screenshot(browser, f"{request.node.name}-{label}")
    return take


@pytest.fixture
def desktop(browser):
    """The session browser at desktop width (1280×900)."""
    set_viewport(browser, *DESKTOP)
    return browser


@pytest.fixture
def phone(browser):
    """The session browser at phone width (390×844)."""
    set_viewport(browser, *PHONE)
    yield browser
    set_viewport(browser, *DESKTOP)
