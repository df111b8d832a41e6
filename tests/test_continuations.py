from datetime import date

from django.test import SimpleTestCase, TestCase

from articles.continuations import other_part, page_key
from tests.factories import make_article, make_issue, make_paper


class PageKeyTests(SimpleTestCase):
    def test_one_page_printed_several_ways_has_one_key(self):
        for printed in ("2", "02", "第二".removeprefix("第"), "２"):
            with self.subTest(printed):
                self.assertEqual(page_key(printed), "2")
        self.assertEqual(page_key("A3"), "A3")
        self.assertEqual(page_key("十二"), "12")


class OtherPartTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = make_paper(name="崇明报", slug="cmb")
        day = date(2025, 4, 19)
        cls.front = make_issue(paper=cls.paper, issue_date=day, page="01",
                               text="推进会召开\n本报讯 全区召开推进会。(下转第2版)\n另一篇 跨版(下转第8版)")
        cls.second = make_issue(paper=cls.paper, issue_date=day, page="02", text="(上接第1版)会议还要求抓好落实。")
        cls.lead = make_article(issue=cls.front, title="推进会召开", body="本报讯 全区召开推进会。",
                                continues_elsewhere=True)
        cls.lost = make_article(issue=cls.front, title="跨版", body="另一篇 跨版", continues_elsewhere=True)
        cls.rest = make_article(issue=cls.second, title="", derived_title="推进会续", body="会议还要求抓好落实。",
                                continued_from_elsewhere=True)
        cls.whole = make_article(issue=cls.second, title="整篇", body="整篇印在本版。")

    def test_continued_article_finds_its_rest_on_the_archived_page(self):
        part = other_part(self.lead)
        self.assertEqual((part.direction, part.page, part.issue, part.article), ("下转", "2", self.second, self.rest))

    def test_rest_finds_its_start(self):
        part = other_part(self.rest)
        self.assertEqual((part.direction, part.page, part.article), ("上接", "1", self.lead))

    def test_page_not_in_the_archive_is_named_without_a_link(self):
        part = other_part(self.lost)
        self.assertEqual((part.page, part.issue, part.article), ("8", None, None))

    def test_article_printed_whole_has_no_other_part(self):
        self.assertIsNone(other_part(self.whole))

    def test_article_page_says_when_the_other_page_is_not_archived(self):
        response = self.client.get(self.lost.get_absolute_url())
        self.assertContains(response, "下转第8版")
        self.assertContains(response, "该版不在档案中")
        self.assertContains(self.client.get(self.lead.get_absolute_url()), f'href="{self.rest.get_absolute_url()}"')
