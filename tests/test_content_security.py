"""A strict Content-Security-Policy on every response, and no inline script or style to break under it."""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User
from django.test import Client

from articles.editing import uploads
from newsarchive.content_security import POLICY
from tests.factories import make_article, make_district, make_issue, make_leader, make_mention, make_paper

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=\"|\son[a-z]+=\"", re.I)


@pytest.fixture
def archive() -> dict:
    district = make_district(name="崇明区", slug="chongming")
    paper = make_paper(name="崇明报", slug="cmb", district=district)
    issue = make_issue(paper=paper, issue_date=date(2025, 4, 19))
    article = make_article(issue=issue, title="生态岛建设推进会", body="本报讯 生态岛建设推进会召开。")
    leader = make_leader(name="王一", district=district)
    make_mention(article=article, leader=leader)
    return {"issue": issue, "article": article, "leader": leader}


def test_strict_policy_without_unsafe_inline() -> None:
    assert "script-src 'self'" in POLICY and "style-src 'self'" in POLICY
    assert "unsafe-inline" not in POLICY and "unsafe-eval" not in POLICY
    assert "object-src 'none'" in POLICY and "frame-ancestors 'none'" in POLICY


def test_every_kind_of_response_carries_the_policy(client: Client, archive: dict, settings) -> None:  # noqa: ANN001
    settings.DEBUG = False
    for url in ["/", "/healthz", "/no/such/page/", "/paper/cmb/feed/", "/api/articles/999999",
                "/search/chart.svg?q=生态岛", "/admin/login/"]:
        response = client.get(url)
        assert response["Content-Security-Policy"] == POLICY, url


def _public_pages(archive: dict) -> list[str]:
    return [
        "/", f"/article/{archive['article'].pk}/", f"/issue/{archive['issue'].pk}/", "/paper/cmb/",
        "/district/chongming/", "/district/chongming/leaders/", f"/leader/{archive['leader'].pk}/",
        "/paper/cmb/2025/", "/paper/cmb/2025/04/", "/date/2025/04/19/",
        "/search/?" + urlencode({"q": "生态岛"}), "/search/", "/no/such/page/",
    ]


def test_public_pages_have_no_inline_script_or_style(client: Client, archive: dict) -> None:
    for url in _public_pages(archive):
        html = client.get(url).content.decode()
        assert not INLINE_SCRIPT.search(html), url
        assert not INLINE_STYLE.search(html), url


def test_charts_have_no_style_element(client: Client, archive: dict) -> None:
    svg = client.get("/search/chart.svg?" + urlencode({"q": "生态岛"})).content.decode()
    assert "<rect" in svg and "<style" not in svg and 'fill="#a4161a"' in svg


def test_the_upload_and_review_pages_have_no_inline_script_or_style(client: Client, archive: dict) -> None:
    editor = User.objects.create_superuser("boss", password="pw-boss-123")
    client.force_login(editor)
    data = "崇明报讯 生态岛建设推进会召开。\n".encode()
    upload = uploads.stage_upload(files=[("崇明报_2025-04-18_01.txt", data, len(data))], user=editor)
    for url in ["/admin/articles/pendingupload/upload/", f"/admin/articles/pendingupload/{upload.pk}/review/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), url
        assert not INLINE_STYLE.search(html), url
