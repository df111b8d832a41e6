"""Hostile addresses and parameters get 400/404 or a normal page, never a 500.

Each case here answered 500 before: NUL characters reaching PostgreSQL, calendar years
whose neighbouring month or year Python cannot hold, page numbers past bigint, and admin
date filters that overflow.
"""
from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.factories import make_article, make_district, make_issue, make_leader, make_mention, make_paper

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive() -> dict:
    district = make_district(name="崇明区", slug="chongming")
    paper = make_paper(name="崇明报", slug="cmb", district=district)
    issue = make_issue(paper=paper, issue_date=date(2025, 4, 19))
    article = make_article(issue=issue, title="生态岛建设推进会")
    leader = make_leader(name="王一", district=district)
    make_mention(article=article, leader=leader)
    return {"district": district, "paper": paper, "article": article, "leader": leader}


@pytest.fixture
def web(settings) -> Client:  # noqa: ANN001
    settings.DEBUG = False
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("url", [
    "/district/%00/", "/paper/%00/", "/district/%00/feed/", "/paper/%00/feed/",
    "/district/%00/2025/", "/paper/%00/2025/04/", "/paper/%00/2025/04/19/", "/district/%00/leaders/",
    "/district/a%00b/2025/04/19/",
])
def test_nul_in_a_slug_is_refused_not_a_server_error(web: Client, archive: dict, url: str) -> None:
    assert web.get(url).status_code in (400, 404)


@pytest.mark.parametrize("url", [
    "/search/?q=%00", "/api/search?q=a%00", "/?x=%00", "/district/chongming/leaders/?sort=%00",
])
def test_nul_in_a_query_string_is_a_400(web: Client, archive: dict, url: str) -> None:
    assert web.get(url).status_code == 400


@pytest.mark.parametrize("url", [
    "/paper/cmb/0000/", "/paper/cmb/9999/", "/paper/cmb/9999/12/", "/paper/cmb/0001/01/",
    "/district/chongming/9999/12/", "/district/chongming/0000/", "/date/0001/01/", "/date/9999/12/",
    "/date/0000/01/01/", "/date/9999/12/31/",
])
def test_years_out_of_range_are_404(web: Client, archive: dict, url: str) -> None:
    assert web.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/paper/cmb/1001/01/", "/date/9998/12/", "/paper/cmb/9998/", "/district/chongming/1001/"])
def test_the_first_and_last_years_served_have_pages(web: Client, archive: dict, url: str) -> None:
    # A calendar period without issues is a 404, so the first and last years get an issue each.
    for day in (date(1001, 1, 1), date(9998, 12, 31)):
        make_article(issue=make_issue(paper=archive["paper"], issue_date=day), title="边界日期")
    assert web.get(url).status_code == 200


@pytest.mark.parametrize("url", ["/paper/cmb/1001/01/", "/date/9998/12/", "/paper/cmb/9998/", "/district/chongming/1001/"])
def test_the_first_and_last_years_without_issues_are_404(web: Client, archive: dict, url: str) -> None:
    assert web.get(url).status_code == 404


def test_huge_page_numbers_are_an_empty_page(web: Client, archive: dict) -> None:
    huge = "?page=99999999999999999999"
    leader = web.get(f"/leader/{archive['leader'].pk}/{huge}")
    assert leader.status_code == 200
    district_leaders = web.get(f"/district/chongming/leaders/{huge}")
    assert district_leaders.status_code == 200
    assert "王一" not in district_leaders.content.decode().split("<main", 1)[1]


@pytest.fixture
def admin_web(web: Client) -> Client:
    web.force_login(User.objects.create_superuser("boss", password="pw-boss-123"))
    return web


@pytest.mark.parametrize("url", [
    "/admin/articles/pendingupload/?status=%00",
    "/admin/articles/event/?action=%00",
    "/admin/articles/article/?district__id__exact=%00",
])
def test_admin_filters_with_nul_are_refused(admin_web: Client, archive: dict, url: str) -> None:
    assert admin_web.get(url).status_code == 400


@pytest.mark.parametrize("url", [
    "/admin/articles/event/?created_at__year=9999&created_at__month=12",
    "/admin/articles/event/?created_at__year=9999",
    "/admin/articles/issue/?issue_date__year=9999&issue_date__month=12",
    "/admin/articles/article/?issue_date__year=9999&issue_date__month=12&issue_date__day=31",
])
def test_admin_date_filters_past_9999_are_a_bad_filter(admin_web: Client, archive: dict, url: str) -> None:
    response = admin_web.get(url)
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


def test_article_change_form_with_nul_district_is_refused(admin_web: Client, archive: dict) -> None:
    article = archive["article"]
    url = f"/admin/articles/article/{article.pk}/change/"
    assert admin_web.get(url + "?district=%00").status_code == 400
    response = admin_web.post(url, {"title": "新标题", "district": "\x00"})
    assert response.status_code == 400
    article.refresh_from_db()
    assert article.title == "生态岛建设推进会"
