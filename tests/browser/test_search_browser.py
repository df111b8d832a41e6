"""Search in a real Chromium: type a query, apply a facet, open a result."""
from __future__ import annotations

from datetime import date

import pytest
from selenium.webdriver.common.by import By

from tests.browser.conftest import click_and_wait
from tests.factories import make_article, make_district, make_issue, make_paper

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def archive() -> dict:
    chongming = make_district(name="崇明区", slug="chongming")
    qingpu = make_district(name="青浦区", slug="qingpu")
    cm = make_paper(name="崇明报", district=chongming, slug="cmb")
    qp = make_paper(name="青浦报", district=qingpu, slug="qpb")
    here = make_article(issue=make_issue(paper=cm, issue_date=date(2025, 4, 19)), title="缪京调研生态岛建设",
                        body="区委书记缪\n京强调，要坚持生态优先。")
    there = make_article(issue=make_issue(paper=qp, issue_date=date(2024, 1, 5)), title="两地协作座谈会",
                         body="崇明区委书记缪京一行来青浦考察。")
    return {"here": here, "there": there}


def test_search_facet_and_open_a_result(desktop, live_server, archive, screenshot) -> None:  # noqa: ANN001
    desktop.get(f"{live_server.url}/search/")
    box = desktop.find_element(By.ID, "id_q")
    box.send_keys("缪京")
    click_and_wait(desktop, desktop.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    heading = desktop.find_element(By.ID, "results-heading")
    assert "共 2 篇" in heading.text
    assert len(desktop.find_elements(By.CSS_SELECTOR, "#results mark")) >= 2
    screenshot("results")

    click_and_wait(desktop, desktop.find_element(By.CSS_SELECTOR, "a[data-facet=district][href*=chongming]"))
    assert "district=chongming" in desktop.current_url
    assert "共 1 篇" in desktop.find_element(By.ID, "results-heading").text

    click_and_wait(desktop, desktop.find_element(By.CSS_SELECTOR, "#results .card-title"))
    assert desktop.find_element(By.TAG_NAME, "h1").text.startswith("缪京调研生态岛建设")
    screenshot("article")
