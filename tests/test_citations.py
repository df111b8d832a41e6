from datetime import date

from django.test import SimpleTestCase

from articles.citations import byline_authors, cite_article, format_authors, format_page
from articles.models import Article, Issue, Paper


class BylineAuthorsTests(SimpleTestCase):
    CASES = [
        ("one reporter", "记者 李双玖", ["李双玖"]),
        ("reporter and correspondent", "本报记者 张三 通讯员 李四", ["张三", "李四"]),
        ("dotted", "·金驰·", ["金驰"]),
        ("slash credit", "文/王五", ["王五"]),
        ("enumeration", "记者 张三、李四", ["张三", "李四"]),
        ("source credit", "转载自《上观新闻》", []),
        ("empty", "", []),
    ]

    def test_cases(self):
        for name, byline, expected in self.CASES:
            with self.subTest(name):
                self.assertEqual(byline_authors(byline), expected)


class FormatTests(SimpleTestCase):
    def test_more_than_three_authors_end_with_deng(self):
        self.assertEqual(format_authors(["甲甲", "乙乙", "丙丙", "丁丁"]), "甲甲, 乙乙, 丙丙, 等")

    def test_numeric_page_loses_leading_zero(self):
        self.assertEqual(format_page("01"), "1")
        self.assertEqual(format_page("A3"), "A3")


def _article(*, title: str = "", derived_title: str = "", byline: str = "", page: str = "01") -> Article:
    """Build an unsaved article: citing needs no database."""
    paper = Paper(name="崇明报", slug="chongming")
    issue = Issue(paper=paper, issue_date=date(2025, 4, 19), page=page)
    return Article(issue=issue, paper=paper, issue_date=issue.issue_date, title=title,
                   derived_title=derived_title, byline=byline)


class CiteArticleTests(SimpleTestCase):
    def test_full_reference(self):
        article = _article(title="生态岛建设推进会召开", byline="记者 李双玖")
        self.assertEqual(cite_article(article), "李双玖. 生态岛建设推进会召开[N]. 崇明报, 2025-04-19(1).")

    def test_without_author_starts_with_title(self):
        self.assertEqual(cite_article(_article(title="春耕")), "春耕[N]. 崇明报, 2025-04-19(1).")

    def test_derived_title_is_used_in_brackets_when_none_printed(self):
        self.assertEqual(cite_article(_article(derived_title="村里修路")), "[村里修路][N]. 崇明报, 2025-04-19(1).")

    def test_online_form_has_access_date_and_address(self):
        article = _article(title="生态岛建设推进会召开", byline="记者 李双玖")
        self.assertEqual(
            cite_article(article, url="https://archive.example.cn/article/7/", accessed=date(2026, 12, 1)),
            "李双玖. 生态岛建设推进会召开[N/OL]. 崇明报, 2025-04-19(1)[2026-12-01]. https://archive.example.cn/article/7/.",
        )

    def test_without_page_omits_parentheses(self):
        self.assertEqual(cite_article(_article(title="春耕", page="")), "春耕[N]. 崇明报, 2025-04-19.")

    def test_many_authors_are_cut_after_three(self):
        article = _article(title="春耕", byline="记者 张三 李四 王五 通讯员 赵六")
        self.assertEqual(cite_article(article), "张三, 李四, 王五, 等. 春耕[N]. 崇明报, 2025-04-19(1).")
