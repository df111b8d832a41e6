"""When the search statement timeout fires, exports and the search feed answer 503 with the notice."""
from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import psycopg2
import pytest
from django.db import connection
from django.test import Client

import articles.search
from articles.search import TIMEOUT_NOTICE
from tests.factories import make_article, make_district, make_issue, make_paper


@pytest.fixture
def stuck_articles_table(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """Hold the articles table in another session so every search query waits until the timeout."""
    district = make_district(name="崇明区", slug="chongming")
    paper = make_paper(name="崇明报", slug="cmb", district=district)
    make_article(issue=make_issue(paper=paper, issue_date=date(2025, 4, 19)), title="生态岛建设", body="本报讯 生态岛建设。")
    monkeypatch.setattr(articles.search, "STATEMENT_TIMEOUT_MS", 200)
    blocker = psycopg2.connect(**connection.get_connection_params())
    with blocker.cursor() as cursor:
        cursor.execute("LOCK TABLE articles_article IN ACCESS EXCLUSIVE MODE")
    yield
    blocker.rollback()
    blocker.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", ["export.csv", "cite.txt", "feed/"])
def test_exports_and_feed_answer_503_with_the_notice(stuck_articles_table: None, name: str) -> None:
    client = Client(raise_request_exception=False)
    response = client.get(f"/search/{name}?" + urlencode({"q": "生态岛"}))
    assert response.status_code == 503
    assert TIMEOUT_NOTICE in response.content.decode()
    assert response["Retry-After"] == "30"


@pytest.mark.django_db(transaction=True)
def test_the_search_page_still_shows_the_notice(stuck_articles_table: None) -> None:
    response = Client(raise_request_exception=False).get("/search/?" + urlencode({"q": "生态岛"}))
    assert response.status_code == 200
    assert TIMEOUT_NOTICE in response.content.decode()
