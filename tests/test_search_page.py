"""The reporter's search page: conditions to undo, sort, pages, empty results, the way to the article and back."""
from datetime import date

from django.test import TestCase
from django.urls import reverse

from articles.suggestions import close_terms, one_character_apart
from tests.factories import make_article, make_district, make_issue, make_leader, make_mention, make_paper


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.district = make_district(name="崇明区", slug="chongming")
        cls.paper = make_paper(name="崇明报", district=cls.district, slug="cmb")
        cls.leader = make_leader(name="缪京", district=cls.district)
        for n in range(45):
            issue = make_issue(paper=cls.paper, issue_date=date(2025, 1, 1 + n % 28), page=f"{n:02d}")
            article = make_article(issue=issue, title=f"乡村振兴会议第{n}次", body="缪京出席乡村振兴会议并讲话。")
            make_mention(article=article, leader=cls.leader, titles=["区委书记"])

    def get(self, **params):  # noqa: ANN201
        return self.client.get(reverse("articles:search"), params)

    def test_every_condition_is_shown_with_a_link_that_removes_only_it(self) -> None:
        response = self.get(q="乡村振兴", district="chongming", **{"from": "2025-01-01"})
        filters = {f.label: f.url for f in response.context["active_filters"]}
        self.assertEqual(list(filters), ["检索词：乡村振兴", "区县：崇明区", "出版日期从 2025-01-01"])
        self.assertNotIn("district=", filters["区县：崇明区"])
        self.assertIn("q=%E4%B9%A1", filters["区县：崇明区"])
        self.assertContains(response, 'aria-label="去掉条件：区县：崇明区"')

    def test_sort_links_sit_beside_the_count_and_keep_the_query(self) -> None:
        links = self.get(q="乡村振兴", sort="newest").context["sort_links"]
        self.assertEqual([(s.label, s.current) for s in links], [("相关度", False), ("最新在前", True), ("最早在前", False)])
        self.assertIn("sort=oldest", links[2].url)
        self.assertIn("q=", links[2].url)

    def test_results_have_numbered_pages(self) -> None:
        response = self.get(q="乡村振兴", page=2)
        numbers = [(p.label, p.current) for p in response.context["page_numbers"]]
        self.assertEqual(numbers, [("1", False), ("2", True), ("3", False)])
        self.assertContains(response, 'aria-current="page">2</a>')

    def test_links_that_change_the_results_land_on_them(self) -> None:
        response = self.get(q="乡村振兴")
        self.assertTrue(response.context["sort_links"][1].url.endswith("#results-heading"))
        self.assertContains(response, 'action="/search/#results-heading"')
        self.assertContains(response, 'src="/static/js/search.js"')

    def test_phone_layout_has_one_search_box_no_autofocus_and_results_before_facets(self) -> None:
        html = self.get(q="乡村振兴").content.decode()
        self.assertEqual(html.count('type="search"'), 1)
        self.assertNotIn("autofocus", html)
        self.assertLess(html.index('id="results"'), html.index('class="facets"'))

    def test_result_links_to_the_article_with_the_way_back(self) -> None:
        response = self.get(q="乡村振兴", page=2)
        article = response.context["result"].rows[0].article
        self.assertContains(response, f'href="{article.get_absolute_url()}?results=q%3D')
        page = self.client.get(article.get_absolute_url(), {"results": "q=乡村振兴&page=2"})
        self.assertContains(page, "<mark>乡村振兴</mark>", html=False)
        self.assertEqual(page.context["results_url"], "/search/?q=%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4&page=2")

    def test_back_link_cannot_lead_off_the_search_page(self) -> None:
        page = self.client.get(self.leader.mentions.first().article.get_absolute_url(), {"results": "next=//evil.example"})
        self.assertIsNone(page.context["results_url"])


class EmptyResultTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        district = make_district(name="崇明区", slug="chongming")
        make_district(name="青浦区", slug="qingpu")
        paper = make_paper(name="崇明报", district=district, slug="cmb")
        leader = make_leader(name="缪京", district=district)
        article = make_article(issue=make_issue(paper=paper), title="缪京调研", body="区委书记缪京调研。")
        make_mention(article=article, leader=leader, titles=["区委书记"])

    def test_a_mistyped_name_suggests_the_close_leader(self) -> None:
        response = self.client.get(reverse("articles:search"), {"q": "缪景"})
        empty = response.context["empty"]
        self.assertEqual([(s.instead, s.kind) for s, _ in empty["suggestions"]], [("缪京", "领导")])
        self.assertContains(response, "档案中没有文章包含“缪景”")
        self.assertContains(response, 'href="#syntax-help"')
        self.assertIn("q=%E7%BC%AA%E4%BA%AC", empty["suggestions"][0][1])

    def test_filters_that_exclude_every_match_are_named_as_the_reason(self) -> None:
        response = self.client.get(reverse("articles:search"), {"q": "缪京", "district": "qingpu"})
        self.assertContains(response, "不加筛选条件，“缪京”有 1 篇")

    def test_close_titles_come_from_the_offices_in_the_archive(self) -> None:
        self.assertEqual([s.instead for s in close_terms(["区委书计"])], ["区委书记"])

    def test_one_character_apart(self) -> None:
        self.assertTrue(one_character_apart("缪景", "缪京"))
        self.assertFalse(one_character_apart("缪京", "缪京"))
        self.assertFalse(one_character_apart("缪京", "缪京京"))
