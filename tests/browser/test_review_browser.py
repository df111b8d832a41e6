"""An editor in a real Chromium fixes a refused file in review, then publishes: upload → review → fix → publish."""
from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from articles.models import Issue, UploadFile
from tests.browser.conftest import click_and_wait
from tests.browser.test_upload_browser import file_section, log_in, make_editor
from tests.factories import make_paper

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
GOOD, UNNAMED = "崇明报_2025-04-19_01.txt", "scan-0419.txt"


def test_editor_fixes_a_refused_file_in_review_and_publishes(browser, live_server, tmp_path, screenshot):
    make_paper(name="崇明报", slug="cmb")
    make_paper(name="青浦报", slug="qpb")
    make_editor()
    (tmp_path / GOOD).write_bytes((SEEDS / "000_1812f75c900816aa.txt").read_bytes())
    (tmp_path / UNNAMED).write_bytes((SEEDS / "001_515307324d6a1a31.txt").read_bytes())
    base = live_server.url
    browser.delete_all_cookies()
    log_in(browser, base)

    browser.get(base + "/admin/")
    actions = browser.find_element(By.ID, "content").text
    assert actions.index("上传版面") < actions.index("上传批次"), "上传版面 comes first"
    click_and_wait(browser, browser.find_element(By.ID, "upload-action"))
    browser.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(f"{tmp_path / GOOD}\n{tmp_path / UNNAMED}")
    click_and_wait(browser, browser.find_element(By.ID, "upload-submit"))

    good = file_section(browser, GOOD)
    assert good.get_attribute("data-status") == UploadFile.PENDING
    assert good.find_element(By.CSS_SELECTOR, "input[type=date]").get_attribute("value") == "2025-04-19"
    refused = file_section(browser, UNNAMED)
    assert refused.get_attribute("data-status") == UploadFile.REJECTED
    assert "无法确定报纸" in refused.find_element(By.CSS_SELECTOR, ".file-message").text
    screenshot("1-review-with-refused-file")

    browser.get(base + "/admin/")
    assert "1 个上传待审核" in browser.find_element(By.ID, "uploads-waiting").text
    browser.back()

    refused = file_section(browser, UNNAMED)
    Select(refused.find_element(By.CSS_SELECTOR, "select[name$=-paper]")).select_by_visible_text("青浦报")
    date_input = refused.find_element(By.CSS_SELECTOR, "input[type=date]")
    browser.execute_script("arguments[0].value = '2025-03-13';", date_input)
    click_and_wait(browser, refused.find_element(By.CSS_SELECTOR, ".facts-form input[type=submit]"))
    fixed = file_section(browser, UNNAMED)
    assert fixed.get_attribute("data-status") == UploadFile.PENDING
    assert "青浦报 · 2025-03-13" in fixed.text
    assert len(fixed.find_elements(By.CSS_SELECTOR, "table.preview tbody tr")) > 1
    screenshot("2-fixed")

    click_and_wait(browser, browser.find_element(By.ID, "publish"))
    for name in (GOOD, UNNAMED):
        assert file_section(browser, name).get_attribute("data-status") == UploadFile.NEW
    assert Issue.objects.filter(paper__name="青浦报", issue_date="2025-03-13").exists()
    log = browser.find_element(By.ID, "upload-events").text
    assert "editor 发布了版面 青浦报" in log
    screenshot("3-published")

    browser.get(base + "/admin/")
    assert "没有待审核的上传" in browser.find_element(By.ID, "uploads-waiting").text
