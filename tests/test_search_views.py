"""The search page and its exports: status, template, context, escaping, robustness."""
from __future__ import annotations

import csv
import io
from datetime import date

from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from tests.factories import make_article, make_district, make_issue, make_leader, make_mention, make_paper

NASTY = st.one_of(
    st.text(max_size=1000),
    st.sampled_from(['"', '""缪京', "& | ! : * ( ) <->", "'; DROP TABLE articles_article; --", "\x00", "😀🀄",
                     "缪京 OR", "-", "标题:", "领导:", "a" * 1000, "OR OR -OR", "\\", "%_", "縣委書記 5G"]),
)


def make_corpus(cls) -> None:  # noqa: ANN001
    cls.district = make_district(name="崇明区", slug="chongming")
    cls.paper = make_paper(name="崇明报", district=cls.district, slug="cmb")
    issue = make_issue(paper=cls.paper, issue_date=date(2025, 4, 19))
    cls.article = make_article(issue=issue, title="<script>alert('x')</script>缪京调研",
                               body="区委书记缪\n京强调<b>要</b>抓好=SUM(A1)落实。", byline="本报记者 李双玖")
    cls.other = make_article(issue=make_issue(paper=cls.paper, issue_date=date(2020, 1, 2)), title="耕地保护",
                             body="耕地保护会议召开。")
    cls.leader = make_leader(name="缪京", district=cls.district)
    make_mention(article=cls.article, leader=cls.leader)


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        make_corpus(cls)

    def get(self, **params):  # noqa: ANN201
        return self.client.get(reverse("articles:search"), params)

    def test_page_without_query_shows_the_form_and_syntax_help(self) -> None:
        response = self.get()
        self.assertTemplateUsed(response, "articles/search.html")
        self.assertContains(response, "检索语法")

    def test_results_show_title_paper_date_and_highlighted_snippet(self) -> None:
        response = self.get(q="缪京")
        self.assertContains(response, "<mark>缪 京</mark>")
        self.assertContains(response, "崇明报")
        self.assertEqual(response.context["result"].count, 1)

    def test_markup_from_the_archive_is_escaped(self) -> None:
        response = self.get(q="缪京")
        self.assertNotContains(response, "<script>alert")
        self.assertNotContains(response, "<b>要</b>")
        self.assertContains(response, "&lt;b&gt;要&lt;/b&gt;")

    def test_markup_in_the_query_is_escaped(self) -> None:
        response = self.get(q="<img src=x onerror=alert(1)>")
        self.assertNotContains(response, "<img src=x")

    def test_facet_links_narrow_the_search(self) -> None:
        links = self.get(q="缪京").context["facet_links"]
        self.assertIn("district=chongming", links["districts"][0][1])

    def test_opensearch_is_linked_from_the_head(self) -> None:
        self.assertContains(self.get(), reverse("articles:opensearch"))

    def test_too_long_query_gives_a_message(self) -> None:
        response = self.get(q="缪" * 1000)
        self.assertContains(response, "检索词太长")

    def test_too_deep_page_gives_a_message(self) -> None:
        self.assertContains(self.get(q="缪京", page=10_000), "最多只能翻到第")

    def test_advanced_form_redirects_to_the_query_it_means(self) -> None:
        response = self.client.get(reverse("articles:search"), {"all_words": "缪京", "none_words": "招聘", "in_field": "标题"})
        self.assertRedirects(response, reverse("articles:search") + "?q=%E6%A0%87%E9%A2%98%3A%E7%BC%AA%E4%BA%AC+-%E6%A0%87%E9%A2%98%3A%E6%8B%9B%E8%81%98",
                             fetch_redirect_response=False)

    def test_page_takes_a_bounded_number_of_queries(self) -> None:
        self.get(q="缪京")  # builds this test's search index
        with self.assertNumQueries(12):  # 9 for the search, the district lookup, the two filter menus
            self.get(q="缪京", district="chongming")


class ExportTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        make_corpus(cls)

    def test_csv_has_the_columns_and_defuses_formulas(self) -> None:
        response = self.client.get(reverse("articles:search_export_csv"), {"q": "缪京"})
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(rows[0], ["标题", "副标题", "作者", "报纸", "出版日期", "版次", "事件日期", "区县", "领导",
                                   "摘要", "引文（GB/T 7714）", "网址"])
        row = dict(zip(rows[0], rows[1]))
        self.assertEqual([row[k] for k in ("报纸", "出版日期", "版次", "区县", "领导")], ["崇明报", "2025-04-19", "01", "崇明区", "缪京"])
        self.assertIn("抓好", row["摘要"])
        self.assertIn("[N/OL]. 崇明报, 2025-04-19(1)[", row["引文（GB/T 7714）"])
        self.assertTrue(row["引文（GB/T 7714）"].endswith(row["网址"] + "."))
        day = timezone.localdate().isoformat()
        self.assertIn(f"filename*=UTF-8''%E7%BC%AA%E4%BA%AC_{day}.csv", response["Content-Disposition"])

    def test_citations_are_gbt_7714(self) -> None:
        response = self.client.get(reverse("articles:search_cite"), {"q": "耕地"})
        day = timezone.localdate().isoformat()
        self.assertRegex(response.content.decode(),
                         rf"^\[1\] 耕地保护\[N/OL\]\. 崇明报, 2020-01-02\(1\)\[{day}\]\. http://testserver/article/\d+/\.\n$")

    def test_feed_is_atom_with_the_matches(self) -> None:
        response = self.client.get(reverse("articles:search_feed"), {"q": "耕地"})
        self.assertEqual(response["Content-Type"].split(";")[0], "application/atom+xml")
        self.assertContains(response, "耕地保护")

    def test_chart_is_an_svg(self) -> None:
        response = self.client.get(reverse("articles:search_chart"), {"q": "缪京"})
        self.assertEqual(response["Content-Type"].split(";")[0], "image/svg+xml")
        self.assertContains(response, "<svg")

    def test_opensearch_description(self) -> None:
        response = self.client.get(reverse("articles:opensearch"))
        self.assertContains(response, "{searchTerms}")


class SearchPageRobustnessTests(HypothesisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        make_corpus(cls)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(q=NASTY, page=st.one_of(st.none(), st.text(max_size=5), st.integers(-5, 100)),
           sort=st.sampled_from(["", "relevance", "newest", "oldest", "bogus"]))
    def test_any_query_gives_a_normal_page(self, q: str, page, sort: str) -> None:  # noqa: ANN001
        params = {"q": q, "sort": sort}
        if page is not None:
            params["page"] = page
        for name in ("articles:search", "articles:search_export_csv", "articles:search_chart"):
            response = self.client.get(reverse(name), params)
            self.assertIn(response.status_code, (200, 400), name)
