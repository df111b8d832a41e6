"""Atom feeds for a district, a paper and a leader."""
from datetime import date
from urllib.parse import urlencode
from xml.etree import ElementTree

from django.test import TestCase
from django.urls import reverse

from tests.factories import make_article, make_district, make_issue, make_leader, make_mention, make_paper

ATOM = "{http://www.w3.org/2005/Atom}"


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.district = make_district(name="崇明区", slug="chongming")
        cls.elsewhere = make_district(name="青浦区", slug="qingpu")
        cls.paper = make_paper(name="崇明报", slug="cmb", district=cls.district)
        issue = make_issue(paper=cls.paper, issue_date=date(2025, 4, 19))
        cls.old = make_article(issue=make_issue(paper=cls.paper, issue_date=date(2025, 4, 1)), title="旧闻")
        cls.new = make_article(issue=issue, title="生态岛建设", byline="记者 李双玖", body="本报讯 第一段。\n第二段。")
        cls.about_qingpu = make_article(issue=issue, title="青浦来客", district=cls.elsewhere)
        cls.leader = make_leader(name="王一", district=cls.district)
        make_mention(article=cls.new, leader=cls.leader)

    def entries(self, name, *, queries, **kwargs):
        with self.assertNumQueries(queries):
            response = self.client.get(reverse(f"articles:{name}", kwargs=kwargs))
        self.assertEqual(response.status_code, 200)
        self.assertIn("application/atom+xml", response["Content-Type"])
        root = ElementTree.fromstring(response.content)
        return root, [e.find(f"{ATOM}title").text.partition("（")[0] for e in root.findall(f"{ATOM}entry")]

    def test_district_feed_has_articles_about_it_newest_first(self):
        root, titles = self.entries("district_feed", queries=2, slug="chongming")
        self.assertEqual(titles, ["生态岛建设", "旧闻"])
        self.assertIn("崇明区", root.find(f"{ATOM}title").text)

    def test_paper_feed_has_everything_it_printed(self):
        _, titles = self.entries("paper_feed", queries=2, slug="cmb")
        self.assertEqual(set(titles), {"生态岛建设", "青浦来客", "旧闻"})

    def test_leader_feed_and_entry_fields(self):
        root, titles = self.entries("leader_feed", queries=3, pk=self.leader.pk)
        self.assertEqual(titles, ["生态岛建设"])
        entry = root.find(f"{ATOM}entry")
        self.assertTrue(entry.find(f"{ATOM}link").get("href").endswith(self.new.get_absolute_url()))
        self.assertEqual(entry.find(f"{ATOM}author/{ATOM}name").text, "记者 李双玖")

    def test_entries_are_titled_with_paper_and_date_and_dated_by_the_printed_day(self):
        root, _ = self.entries("district_feed", queries=2, slug="chongming")
        entry = root.find(f"{ATOM}entry")
        self.assertEqual(entry.find(f"{ATOM}title").text, "生态岛建设（崇明报 2025年4月19日 第1版）")
        self.assertTrue(entry.find(f"{ATOM}published").text.startswith("2025-04-19T00:00:00"))

    def test_a_browser_gets_a_readable_page_a_feed_reader_gets_atom(self):
        url = reverse("articles:district_feed", kwargs={"slug": "chongming"})
        page = self.client.get(url, headers={"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
        self.assertEqual(page["Content-Type"], "text/html; charset=utf-8")
        self.assertContains(page, "订阅地址")
        self.assertContains(page, "生态岛建设（崇明报 2025年4月19日 第1版）")
        self.assertIn("Accept", page["Vary"])
        reader = self.client.get(url, headers={"Accept": "application/atom+xml, text/html;q=0.5"})
        self.assertIn("application/atom+xml", reader["Content-Type"])

    def test_unknown_district_is_404(self):
        self.assertEqual(self.client.get("/district/nowhere/feed/").status_code, 404)


class FeedEscapingTests(TestCase):
    """A summary is type="html": after the XML is parsed, what is left must be text, not markup."""

    BODY = '本报讯 读者来信<img src=x onerror="alert(1)">与 <b>粗体</b> & 符号。'

    @classmethod
    def setUpTestData(cls):
        district = make_district(name="崇明区", slug="chongming")
        cls.paper = make_paper(name="崇明报", slug="cmb", district=district)
        make_article(issue=make_issue(paper=cls.paper, issue_date=date(2025, 4, 19)), title="来信", body=cls.BODY)

    def summary(self, url: str) -> ElementTree.Element:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        entry = ElementTree.fromstring(response.content).find(f"{ATOM}entry")
        return entry.find(f"{ATOM}summary")

    def assert_text_only(self, summary: ElementTree.Element) -> None:
        self.assertEqual(summary.get("type"), "html")
        # What a feed reader renders as HTML: no tag may survive, the text must.
        self.assertNotIn("<img", summary.text)
        self.assertNotIn("<b>", summary.text)
        self.assertIn("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;", summary.text)

    def test_paper_feed_summary_is_escaped_html(self):
        summary = self.summary(reverse("articles:paper_feed", kwargs={"slug": "cmb"}))
        self.assert_text_only(summary)
        self.assertIn("&amp; 符号", summary.text)

    def test_search_feed_summary_is_escaped_html(self):
        self.assert_text_only(self.summary(reverse("articles:search_feed") + "?" + urlencode({"q": "读者来信"})))


class SearchFeedStateTests(TestCase):
    """One SearchFeed serves every request of a process: two searches must not share terms."""

    @classmethod
    def setUpTestData(cls):
        paper = make_paper(name="崇明报", slug="cmb", district=make_district(name="崇明区", slug="chongming"))
        body = "生态岛建设开局良好。" + "其他内容。" * 80 + "乡村振兴稳步推进。"
        make_article(issue=make_issue(paper=paper, issue_date=date(2025, 4, 19)), title="综述", body=body)

    def test_interleaved_searches_keep_their_own_highlight_terms(self):
        from django.test import RequestFactory

        from articles.urls import urlpatterns

        feed = next(p.callback for p in urlpatterns if getattr(p, "name", None) == "search_feed")

        def obj(q):
            return feed.get_object(RequestFactory().get("/search/feed/", {"q": q}))

        first = feed.items(obj("生态岛"))
        second = feed.items(obj("乡村振兴"))
        self.assertIn("生态岛", feed.item_description(first[0]))
        self.assertNotIn("乡村振兴", feed.item_description(first[0]))
        self.assertIn("乡村振兴", feed.item_description(second[0]))
