"""JSON API: search results, facets and errors; one article in full; never a 500."""
from __future__ import annotations

from django.test import TestCase
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from tests.test_search_views import NASTY, make_corpus


class ApiSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        make_corpus(cls)

    def test_search_returns_count_results_and_facets(self) -> None:
        body = self.client.get(reverse("articles:api_search"), {"q": "缪京"}).json()
        self.assertEqual(body["count"], 1)
        result = body["results"][0]
        self.assertEqual(
            set(result), {"id", "url", "title", "paper", "issue_date", "event_date", "district", "snippet", "snippet_html"}
        )
        self.assertEqual(body["facets"]["district"][0]["value"], "chongming")
        self.assertEqual(body["facets"]["leader"][0]["label"], "缪京")

    def test_snippet_html_is_escaped(self) -> None:
        result = self.client.get(reverse("articles:api_search"), {"q": "缪京"}).json()["results"][0]
        self.assertIn("&lt;b&gt;", result["snippet_html"])
        self.assertIn("<mark>", result["snippet_html"])

    def test_filters_apply(self) -> None:
        body = self.client.get(reverse("articles:api_search"), {"q": "耕地", "from": "2025-01-01"}).json()
        self.assertEqual(body["count"], 0)

    def test_bad_parameter_is_a_400_with_a_message(self) -> None:
        response = self.client.get(reverse("articles:api_search"), {"from": "not a date"})
        self.assertEqual(response.status_code, 400)
        self.assertTrue(response.json()["errors"])

    def test_article_in_full(self) -> None:
        body = self.client.get(reverse("articles:api_article", args=[self.article.pk])).json()
        self.assertEqual((body["body"], body["leaders"][0]["name"]), (self.article.body, "缪京"))

    def test_missing_article_is_404(self) -> None:
        self.assertEqual(self.client.get(reverse("articles:api_article", args=[999999])).status_code, 404)


class ApiRobustnessTests(HypothesisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        make_corpus(cls)

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(q=NASTY, district=st.one_of(st.just(""), st.text(max_size=10)), start=st.text(max_size=12),
           leader=st.text(max_size=6))
    def test_any_parameters_give_json(self, q: str, district: str, start: str, leader: str) -> None:
        response = self.client.get(reverse("articles:api_search"),
                                   {"q": q, "district": district, "from": start, "leader": leader})
        self.assertIn(response.status_code, (200, 400))
        self.assertIsInstance(response.json(), dict)
