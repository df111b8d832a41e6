"""An editor in a real Chromium: log in, upload three files, review, publish, find, correct, see the log."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from selenium.webdriver.common.by import By

from articles.models import Article, Event, UploadFile
from tests.browser.conftest import click_and_wait
from tests.factories import make_paper

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
PASSWORD = "editor-pass-123"


def make_editor() -> User:
    """An editor in the 编辑 group (recreated here: transactional tests flush the migration's rows)."""
    migration = importlib.import_module("articles.migrations.0004_admin_editor_group")
    group, _ = Group.objects.get_or_create(name=migration.GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label="articles",
                                                    codename__in=migration.EDITOR_PERMISSIONS))
    user = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(group)
    return user


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    """Two good pages named by the convention and one binary file."""
    good = [tmp_path / "崇明报_2025-04-19_01.txt", tmp_path / "青浦报_2025-03-13_01.txt"]
    good[0].write_bytes((SEEDS / "000_1812f75c900816aa.txt").read_bytes())
    good[1].write_bytes((SEEDS / "001_515307324d6a1a31.txt").read_bytes())
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\n\x00\x01\x02\x03" * 50)
    return [*good, binary]


def submit(browser, button) -> None:  # noqa: ANN001 - a selenium WebElement
    """Click a submit button and wait for the next page, so no element of the old one is read."""
    click_and_wait(browser, button)


def log_in(browser, base: str) -> None:
    browser.get(base + "/admin/login/")
    browser.find_element(By.NAME, "username").send_keys("editor")
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit]"))
    assert "/admin/login/" not in browser.current_url


def file_section(browser, name: str):  # noqa: ANN201 - a selenium WebElement
    return browser.find_element(By.CSS_SELECTOR, f"section.upload-file[data-filename='{name}']")


def test_editor_uploads_reviews_publishes_and_corrects(browser, live_server, files, screenshot):
    make_paper(name="崇明报", slug="cmb")
    make_paper(name="青浦报", slug="qpb")
    make_editor()
    base = live_server.url
    browser.delete_all_cookies()
    log_in(browser, base)

    browser.get(base + "/admin/articles/pendingupload/upload/")
    browser.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys("\n".join(str(p) for p in files))
    assert len(browser.find_elements(By.CSS_SELECTOR, "#chosen-files tbody tr")) == 3
    paper = browser.find_element(By.NAME, "file-0-paper")
    assert paper.get_attribute("value") == "崇明报"
    assert browser.find_element(By.NAME, "file-0-issue_date").get_attribute("value") == "2025-04-19"
    assert browser.find_element(By.NAME, "file-2-paper").get_attribute("value") == ""
    screenshot("1-upload")
    submit(browser, browser.find_element(By.ID, "upload-submit"))

    rejected = file_section(browser, "scan.pdf")
    assert rejected.get_attribute("data-status") == UploadFile.REJECTED
    assert "二进制" in rejected.find_element(By.CSS_SELECTOR, ".file-message").text
    for name in ("崇明报_2025-04-19_01.txt", "青浦报_2025-03-13_01.txt"):
        section = file_section(browser, name)
        assert section.get_attribute("data-status") == UploadFile.PENDING
        assert len(section.find_elements(By.CSS_SELECTOR, "table.preview tbody tr")) > 1
    screenshot("2-review")

    submit(browser, browser.find_element(By.ID, "publish"))
    for name in ("崇明报_2025-04-19_01.txt", "青浦报_2025-03-13_01.txt"):
        assert file_section(browser, name).get_attribute("data-status") == UploadFile.NEW
    screenshot("3-report")

    submit(browser, file_section(browser, "崇明报_2025-04-19_01.txt").find_element(By.LINK_TEXT, "在网站上查看"))
    article = Article.objects.filter(issue__paper__name="崇明报").order_by("position").first()
    assert article.display_title in browser.find_element(By.TAG_NAME, "body").text
    screenshot("4-issue-on-site")

    browser.get(f"{base}/admin/articles/article/{article.pk}/change/")
    title = browser.find_element(By.NAME, "title")
    title.clear()
    title.send_keys("编辑更正后的标题")
    submit(browser, browser.find_element(By.NAME, "_save"))
    assert "编辑更正后的标题" in browser.find_element(By.CSS_SELECTOR, "ul.messagelist").text

    browser.get(f"{base}/article/{article.pk}/")
    assert "编辑更正后的标题" in browser.find_element(By.TAG_NAME, "h1").text
    screenshot("5-corrected-article")

    browser.get(base + "/admin/articles/event/")
    log = browser.find_element(By.ID, "result_list").text
    for action in ("上传", "发布", "更正"):
        assert action in log
    assert "编辑更正后的标题" in log
    assert set(Event.objects.values_list("action", flat=True)) >= {"upload", "publish", "edit"}
    screenshot("6-event-log")
