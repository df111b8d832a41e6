"""The reader's way around: top navigation, index pages, breadcrumbs, 往期, calendars, districts, titles."""
from datetime import date

from django.test import TestCase

from tests.factories import make_article, make_district, make_issue, make_paper
from tests.site_pages import build_archive


class ReaderPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.a = build_archive()
        make_district(name="安吉县", city="湖州市", province="浙江省", slug="anji")
        qingpu = make_district(name="青浦区", city="上海市", province="上海市", slug="qingpu")
        make_article(issue=make_issue(paper=make_paper(name="青浦报", slug="qpb", district=qingpu)), title="青浦新闻")

    def test_top_navigation_links_every_index_page(self):
        response = self.client.get("/")
        for label, address in (("报纸", "/paper/"), ("区县", "/district/"), ("日期", "/date/"),
                               ("领导", "/leaders/"), ("检索", "/search/")):
            self.assertContains(response, f'<a href="{address}">{label}</a>', html=True)
            self.assertEqual(self.client.get(address).status_code, 200, address)

    def test_breadcrumbs_start_at_home_and_mark_the_current_page(self):
        response = self.client.get(self.a["lead"].get_absolute_url())
        labels = [label for label, _ in response.context["crumbs"]]
        self.assertEqual(labels, ["首页", "报纸", "崇明报", "2025年4月19日", "第01版", "生态岛建设推进会召开"])
        self.assertContains(response, 'aria-current="page">生态岛建设推进会召开</a>')

    def test_districts_by_province_then_pinyin_without_links_for_empty_ones(self):
        response = self.client.get("/district/")
        groups = [(p, [d.name for d in ds]) for p, ds in response.context["groups"]]
        self.assertEqual(groups, [("上海市", ["崇明区", "青浦区"]), ("浙江省", ["安吉县", "空白县"])])
        self.assertNotContains(response, 'href="/district/kongbai/"')
        self.assertContains(response, 'href="/district/chongming/"')
        self.assertNotContains(self.client.get("/"), 'href="/district/kongbai/"')

    def test_municipality_is_named_once(self):
        self.assertNotContains(self.client.get("/district/chongming/"), "上海市上海市")

    def test_leader_index_finds_leaders_of_every_level_by_part_of_the_name(self):
        everyone = self.client.get("/leaders/")
        self.assertContains(everyone, "龚正")
        self.assertContains(everyone, "市级及以上")
        found = self.client.get("/leaders/", {"q": "缪"})
        self.assertEqual([l.name for l in found.context["page_obj"].object_list], ["缪京"])
        self.assertContains(self.client.get("/leaders/", {"q": "无此人"}), "没有姓名含“无此人”的领导")

    def test_paper_page_lists_back_issues_by_year_and_month_with_counts(self):
        response = self.client.get("/paper/cmb/")
        years = response.context["back_issues"]
        self.assertEqual([(y, [(m.month, m.days, m.pages) for m in ms]) for y, ms in years],
                         [(2025, [(date(2025, 5, 1), 1, 1), (date(2025, 4, 1), 1, 2)])])
        self.assertContains(response, 'href="/paper/cmb/2025/04/"')
        self.assertContains(response, "共 4 篇")

    def test_issue_links_previous_and_next_issue(self):
        response = self.client.get(self.a["issue"].get_absolute_url())
        self.assertContains(response, 'href="/paper/cmb/2025/05/03/"')
        self.assertContains(response, "这是收录的第一期")

    def test_calendar_steps_to_the_nearest_month_with_issues_and_empty_months_are_404(self):
        response = self.client.get("/paper/cmb/2025/04/")
        self.assertEqual(response.context["next_url"], "/paper/cmb/2025/05/")
        self.assertIsNone(response.context["previous_url"])
        self.assertEqual(self.client.get("/paper/cmb/2025/06/").status_code, 404)
        self.assertEqual(self.client.get("/paper/cmb/2024/").status_code, 404)
        self.assertEqual(self.client.get("/date/2025/04/").context["next_url"], "/date/2025/05/")

    def test_all_papers_calendar_is_reachable_from_the_date_index(self):
        self.assertContains(self.client.get("/date/"), 'href="/date/2025/04/"')

    def test_leader_titles_are_one_office_one_title(self):
        response = self.client.get(self.a["leader"].get_absolute_url())
        self.assertEqual([(t.title, t.mentions) for t in response.context["titles"]], [("区委书记", 3)])
        self.assertNotContains(response, "崇明区委书记")
        # the article keeps the printed form
        follow = self.a["leader"].mentions.get(titles=["崇明区委书记"]).article
        self.assertContains(self.client.get(follow.get_absolute_url()), "崇明区委书记")

    def test_district_articles_are_numbered_pages_with_the_total(self):
        district = self.a["district"]
        issue = make_issue(paper=self.a["paper"], issue_date=date(2025, 5, 4))
        for n in range(25):
            make_article(issue=issue, title=f"第{n}条", district=district)
        district.refresh_from_db()
        response = self.client.get("/district/chongming/", {"page": 2})
        self.assertEqual(response.context["page_obj"].number, 2)
        self.assertContains(response, f"共 {district.article_count} 篇")
        self.assertContains(response, 'aria-current="page">2</a>')

    def test_raw_text_page_reads_on_a_phone_in_the_site_layout(self):
        response = self.client.get(f"/issue/{self.a['issue'].pk}/raw/")
        self.assertContains(response, 'class="site-header"')
        self.assertContains(response, "<p>生态岛建设推进会召开</p>", html=True)

    def test_a_title_corrected_by_an_editor_is_marked_on_the_public_page(self):
        article = self.a["may"]
        article.corrections = {"title": "乡村振兴工作会议"}
        article.save(update_fields=["corrections"])
        self.assertContains(self.client.get(article.get_absolute_url()), "标题已更正")
        self.assertNotContains(self.client.get(self.a["lead"].get_absolute_url()), "标题已更正")
