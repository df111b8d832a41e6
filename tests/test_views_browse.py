"""Browsing pages: status, template, content, and a fixed number of queries however much data there is."""
from datetime import date

from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse

from tests.factories import make_article, make_district, make_issue, make_leader, make_mention, make_paper


class BrowseData(TestCase):
    """Two districts, two papers, two days; a leader promoted between them; an article about
    Qingpu printed by Chongming's paper."""

    @classmethod
    def setUpTestData(cls):
        cls.chongming = make_district(name="崇明区", city="上海市", province="上海市", slug="chongming")
        cls.qingpu = make_district(name="青浦区", city="上海市", province="上海市", slug="qingpu")
        cls.paper = make_paper(name="崇明报", slug="cmb", district=cls.chongming)
        cls.other_paper = make_paper(name="青浦报", slug="qpb", district=cls.qingpu)
        cls.issue1 = make_issue(paper=cls.paper, issue_date=date(2025, 3, 13), page="01")
        cls.issue2 = make_issue(paper=cls.paper, issue_date=date(2025, 4, 19), page="01")
        cls.issue2b = make_issue(paper=cls.paper, issue_date=date(2025, 4, 19), page="02")
        cls.qp_issue = make_issue(paper=cls.other_paper, issue_date=date(2025, 4, 18), page="01")
        cls.leader = make_leader(name="王一", district=cls.chongming)
        cls.deputy = make_leader(name="李二", district=cls.chongming)
        cls.old = make_article(issue=cls.issue1, title="春耕动员会", byline="记者 张三", body="第一段。\n第二段。")
        cls.first = make_article(issue=cls.issue2, title="生态岛建设推进会", byline="记者 李双玖",
                                 subtitle="全区动员", body="本报讯 第一段。\n\n第二段。", event_date=date(2025, 4, 18))
        cls.derived = make_article(issue=cls.issue2, title="", derived_title="村里修路")
        cls.third = make_article(issue=cls.issue2, title="青浦来客", district=cls.qingpu)
        cls.page2 = make_article(issue=cls.issue2b, title="第二版头条")
        cls.qp_article = make_article(issue=cls.qp_issue, title="青浦新闻")
        make_mention(article=cls.old, leader=cls.leader, titles=["区委副书记"])
        make_mention(article=cls.first, leader=cls.leader, titles=["区委书记"])
        make_mention(article=cls.first, leader=cls.deputy, titles=["区长"], position=2)
        make_mention(article=cls.derived, leader=cls.leader, titles=["区委书记"])
        make_mention(article=cls.derived, leader=cls.deputy, titles=["区长"], position=2)

    def setUp(self):
        cache.clear()

    def get(self, name, *, queries, **kwargs):
        with self.assertNumQueries(queries):
            response = self.client.get(reverse(f"articles:{name}", kwargs=kwargs))
        self.assertEqual(response.status_code, 200)
        return response


class HomeTests(BrowseData):
    def test_lists_newest_issue_per_paper_districts_and_leaders_of_latest_month(self):
        response = self.get("home", queries=4)
        self.assertTemplateUsed(response, "articles/home.html")
        self.assertEqual([i.pk for i in response.context["issues"]], [self.issue2.pk, self.issue2b.pk, self.qp_issue.pk])
        counts = {d.name: d.article_count for d in response.context["districts"]}
        self.assertEqual(counts, {"崇明区": 4, "青浦区": 2})
        self.assertEqual(response.context["month"], date(2025, 4, 1))
        self.assertEqual([(l.name, l.mention_count) for l in response.context["top_leaders"]], [("李二", 2), ("王一", 2)])
        self.assertContains(response, 'action="/search/"')
        self.assertContains(response, 'type="application/opensearchdescription+xml"')  # every page offers it

    def test_figures_follow_new_mentions_at_once(self):
        # No cache: the summary rows the database keeps are read on every view.
        self.get("home", queries=4)
        article = make_article(issue=self.issue2, title="再来一篇")
        make_mention(article=article, leader=self.leader, titles=["区委书记"])
        response = self.get("home", queries=4)
        self.assertEqual([(l.name, l.mention_count) for l in response.context["top_leaders"]], [("王一", 3), ("李二", 2)])
        self.assertEqual({d.name: d.article_count for d in response.context["districts"]}["崇明区"], 5)


class ArticleDetailTests(BrowseData):
    def test_shows_fields_leaders_neighbours_and_citation(self):
        response = self.get("article_detail", queries=6, pk=self.first.pk)
        self.assertContains(response, "生态岛建设推进会")
        self.assertContains(response, "全区动员")
        self.assertContains(response, "2025年4月18日")
        self.assertContains(response, "<p>第二段。</p>", html=True)
        self.assertContains(response, "李双玖. 生态岛建设推进会[N/OL]. 崇明报, 2025-04-19(1)[")
        self.assertContains(response, f'href="{self.leader.get_absolute_url()}"')
        self.assertIsNone(response.context["previous"])
        self.assertEqual(response.context["next"], self.derived)

    def test_related_articles_share_leaders_first(self):
        response = self.get("article_detail", queries=6, pk=self.first.pk)
        related = response.context["related"]
        self.assertEqual(related[0], self.derived)
        self.assertIn(self.old, related)

    def test_derived_title_is_marked(self):
        response = self.get("article_detail", queries=6, pk=self.derived.pk)
        self.assertContains(response, "推断标题")

    def test_missing_article_is_404(self):
        self.assertEqual(self.client.get(reverse("articles:article_detail", kwargs={"pk": 999999})).status_code, 404)


class IssueDetailTests(BrowseData):
    def test_lists_articles_in_printed_order_with_raw_link_and_other_pages(self):
        response = self.get("issue_detail", queries=5, pk=self.issue2.pk)
        self.assertEqual(list(response.context["articles"]), [self.first, self.derived, self.third])
        self.assertContains(response, reverse("articles:issue_raw", kwargs={"pk": self.issue2.pk}))
        self.assertContains(response, "推断标题")
        self.assertContains(response, self.issue2b.get_absolute_url())

    def test_raw_text_is_plain_text(self):
        response = self.client.get(reverse("articles:issue_raw_text", kwargs={"pk": self.issue2.pk}))
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")

    def test_raw_text_page_shows_the_text_in_the_site_layout_with_a_plain_text_link(self):
        response = self.client.get(reverse("articles:issue_raw", kwargs={"pk": self.issue2.pk}))
        self.assertTemplateUsed(response, "base.html")
        self.assertContains(response, 'class="raw-text"')
        self.assertContains(response, reverse("articles:issue_raw_text", kwargs={"pk": self.issue2.pk}))
        self.assertContains(response, self.issue2.get_absolute_url())


class DistrictTests(BrowseData):
    def test_counts_articles_about_the_district_printed_elsewhere(self):
        response = self.get("district_detail", queries=6, slug="qingpu")
        self.assertEqual({a.pk for a in response.context["page_obj"].object_list}, {self.third.pk, self.qp_article.pk})
        self.assertEqual(response.context["article_count"], 2)

    def test_leaders_show_their_title_at_latest_mention(self):
        response = self.get("district_detail", queries=6, slug="chongming")
        titles = {l.name: l.current_titles for l in response.context["leaders"]}
        self.assertEqual(titles, {"王一": ["区委书记"], "李二": ["区长"]})
        self.assertEqual(response.context["years"], [2025])

    def test_leaders_index_sorts_by_mentions_or_name(self):
        response = self.get("district_leaders", queries=2, slug="chongming")
        self.assertEqual([l.name for l in response.context["leaders"]], sorted(["王一", "李二"]))
        with self.assertNumQueries(2):
            response = self.client.get(reverse("articles:district_leaders", kwargs={"slug": "chongming"}), {"sort": "mentions"})
        self.assertEqual([(l.name, l.mention_count) for l in response.context["leaders"]], [("王一", 3), ("李二", 2)])


class PaperAndCalendarTests(BrowseData):
    def test_paper_page_links_years(self):
        response = self.get("paper_detail", queries=6, slug="cmb")
        self.assertContains(response, reverse("articles:paper_year", kwargs={"slug": "cmb", "year": 2025}))

    def test_year_page_links_days_with_issues(self):
        response = self.get("paper_year", queries=4, slug="cmb", year=2025)
        self.assertEqual(response.context["day_count"], 2)
        self.assertContains(response, 'href="/paper/cmb/2025/04/19/"')
        self.assertContains(response, 'href="/paper/cmb/2025/03/"')

    def test_month_grid_links_days_with_issues_only(self):
        response = self.get("paper_month", queries=4, slug="cmb", year=2025, month=4)
        self.assertContains(response, 'href="/paper/cmb/2025/04/19/"')
        self.assertNotContains(response, 'href="/paper/cmb/2025/04/18/"')

    def test_district_month_counts_articles_printed_elsewhere(self):
        response = self.get("district_month", queries=4, slug="qingpu", year=2025, month=4)
        self.assertContains(response, 'href="/district/qingpu/2025/04/19/"')
        self.assertContains(response, 'href="/district/qingpu/2025/04/18/"')

    def test_paper_day_lists_its_pages_with_articles(self):
        response = self.get("paper_day", queries=5, slug="cmb", year=2025, month=4, day=19)
        self.assertEqual([i.pk for i in response.context["issues"]], [self.issue2.pk, self.issue2b.pk])
        self.assertContains(response, "第二版头条")
        self.assertEqual(response.context["previous"], date(2025, 3, 13))

    def test_date_day_lists_every_paper(self):
        response = self.get("date_day", queries=4, year=2025, month=4, day=19)
        self.assertEqual({i.paper.name for i in response.context["issues"]}, {"崇明报"})
        self.assertEqual(response.context["previous"], date(2025, 4, 18))

    def test_district_day_lists_articles(self):
        response = self.get("district_day", queries=4, slug="qingpu", year=2025, month=4, day=19)
        self.assertEqual(response.context["articles"], [self.third])

    def test_impossible_date_is_404(self):
        self.assertEqual(self.client.get("/date/2025/02/30/").status_code, 404)


class LeaderDetailTests(BrowseData):
    def test_titles_with_first_and_last_dates(self):
        response = self.get("leader_detail", queries=6, pk=self.leader.pk)
        spans = [(t.title, t.first_seen, t.last_seen) for t in response.context["titles"]]
        self.assertEqual(spans, [("区委副书记", date(2025, 3, 13), date(2025, 3, 13)),
                                 ("区委书记", date(2025, 4, 19), date(2025, 4, 19))])

    def test_articles_newest_first_chart_and_co_leaders(self):
        response = self.get("leader_detail", queries=6, pk=self.leader.pk)
        self.assertEqual([m.article for m in response.context["page"].items][-1], self.old)
        self.assertEqual(response.context["mention_total"], 3)
        self.assertIn("<svg", response.context["chart"])
        self.assertEqual([(l.name, l.together) for l in response.context["co_leaders"]], [("李二", 2)])

    def test_pagination_without_count(self):
        response = self.client.get(reverse("articles:leader_detail", kwargs={"pk": self.leader.pk}), {"page": "2"})
        self.assertEqual(response.context["page"].items, [])
        self.assertTrue(response.context["page"].has_previous)
