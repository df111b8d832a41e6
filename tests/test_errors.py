"""Error pages with DEBUG off: Chinese pages under the site header, JSON errors under /api/."""
from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpRequest
from django.test import Client
from django.urls import include, path

from newsarchive import urls as project_urls


def _boom(request: HttpRequest) -> None:
    raise RuntimeError("an unexpected failure")


def _forbidden(request: HttpRequest) -> None:
    raise PermissionDenied


def _suspicious(request: HttpRequest) -> None:
    raise SuspiciousOperation("tampered")


# This module is the URLconf of these tests: the project's addresses and handlers, plus views that fail.
urlpatterns = [
    path("test-errors/500/", _boom),
    path("test-errors/403/", _forbidden),
    path("test-errors/400/", _suspicious),
    path("api/test-errors/500/", _boom),
    path("", include(project_urls.urlpatterns)),
]
handler400 = project_urls.handler400
handler403 = project_urls.handler403
handler404 = project_urls.handler404
handler500 = project_urls.handler500

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


@pytest.fixture
def client_off(settings) -> Client:  # noqa: ANN001
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def _assert_site_page(response, status: int, heading: str) -> None:  # noqa: ANN001
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert f"{heading}（{status}）" in html
    assert 'class="site-header"' in html            # the site's base template
    assert 'name="q"' in html and 'action="/search/"' in html   # its search box
    assert '<a href="/">返回首页</a>' in html


@pytest.mark.parametrize(
    ("url", "status", "heading"),
    [
        ("/test-errors/400/", 400, "请求有误"),
        ("/test-errors/403/", 403, "没有权限访问此页"),
        ("/no/such/page/", 404, "找不到这个页面"),
        ("/article/999999999/", 404, "找不到这个页面"),
        ("/test-errors/500/", 500, "服务器出错了"),
    ],
)
def test_error_pages_are_chinese_with_header_search_and_home_link(client_off: Client, url: str, status: int, heading: str) -> None:
    _assert_site_page(client_off.get(url), status, heading)


def test_a_bad_host_header_gets_the_400_page(client_off: Client) -> None:
    _assert_site_page(client_off.get("/", HTTP_HOST="evil.example"), 400, "请求有误")


def test_a_failed_csrf_check_gets_the_403_page() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    _assert_site_page(response, 403, "没有权限访问此页")
    assert "请刷新页面后重试" in response.content.decode()


def test_a_missing_api_article_is_a_json_404(client_off: Client) -> None:
    response = client_off.get("/api/articles/999999999")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"error": "找不到这个页面", "detail": "", "status": 404}


def test_unknown_api_addresses_and_api_failures_answer_json(client_off: Client) -> None:
    missing = client_off.get("/api/nothing-here")
    assert missing.status_code == 404 and json.loads(missing.content)["status"] == 404
    failed = client_off.get("/api/test-errors/500/")
    assert failed.status_code == 500
    assert json.loads(failed.content) == {"error": "服务器出错了", "detail": "", "status": 500}
