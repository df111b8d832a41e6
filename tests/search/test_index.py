"""The search index beside PostgreSQL: exact counts against brute force, charts, syntax, ranking, sync."""
from __future__ import annotations

import json
import random
from collections import Counter
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from articles import search
from articles.editing.corrections import edit_article, purge_issue_logged
from articles.search import SearchParams, sync
from articles.text import tokens
from articles.text.query import parse
from tests.factories import make_article, make_district, make_issue, make_leader, make_mention, make_paper

# Invented words: every query below is a substring (or not) of some of these, by construction.
WORDS = ["东西部协作", "乡村振兴", "耕地保护", "区委书记", "金某某", "李某", "强调", "会议", "5G网络", "生态岛",
         "长三角", "一体化", "招商", "人才", "。", "，"]
QUERIES = ["乡村", "乡村振兴", "村振", "东西部协作", "部协", "金某某", "李某", "5g", "g网", "会", "岛",
           "乡村振兴 会议", "李某 OR 金某某", "李某 or 生态岛", "李某 或 生态岛", "会议 -李某", "标题:乡村",
           "正文:乡村振兴", "作者:记者", '"强调。"', "振兴，", "长三角一体化", "不存在的词"]


def sections(article) -> dict[str, str]:  # noqa: ANN001
    """The folded sections brute force looks in (the same folding the index uses)."""
    return {"title": tokens.normalize(article.title), "subtitle": tokens.normalize(article.subtitle),
            "byline": tokens.normalize(article.byline), "body": tokens.normalize(article.body)}


def brute_matches(article, q: str) -> bool:  # noqa: ANN001
    """Does ``article`` match query ``q``? Substring tests over its sections, written independently."""
    parsed = parse(q)
    fields = {"any": ("title", "subtitle", "byline", "body"), "title": ("title", "subtitle"),
              "author": ("byline",), "body": ("body",)}
    text = sections(article)

    def has(term) -> bool:  # noqa: ANN001
        return any(term.text in text[f] for f in fields[term.field])

    return all(any(has(t) for t in group) for group in parsed.groups) and not any(has(t) for t in parsed.excluded)


class FixtureArchive(TestCase):
    """Sixty articles of random word strings over three years, two papers, two districts."""

    @classmethod
    def setUpTestData(cls) -> None:
        rng = random.Random(12)
        cls.districts = [make_district(name="甲区", slug="jia"), make_district(name="乙区", slug="yi")]
        papers = [make_paper(name="甲报", district=cls.districts[0], slug="jb"),
                  make_paper(name="乙报", district=cls.districts[1], slug="yb")]
        cls.articles = []
        for i in range(60):
            issue = make_issue(paper=rng.choice(papers), issue_date=date(2023 + i % 3, 1 + i % 12, 1 + i % 28))
            body = "".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12)))
            cls.articles.append(make_article(
                issue=issue, title="".join(rng.choice(WORDS[:8]) for _ in range(2)),
                subtitle=rng.choice(["", "乡村振兴新篇章", "生态岛"]), body=body,
                byline=rng.choice(["", "本报记者 王某", "通讯员"])))

    def expected(self, q: str) -> list:
        return [a for a in self.articles if brute_matches(a, q)]


class ExactCountTests(FixtureArchive):
    def test_count_and_result_set_equal_brute_force_for_every_query(self) -> None:
        for q in QUERIES:
            params = SearchParams(query=parse(q), sort="relevance")
            expected = {a.pk for a in self.expected(q)}
            self.assertEqual(search.search(params).count, len(expected), q)
            self.assertEqual(set(search.matching_ids(params)), expected, q)

    def test_month_chart_adds_up_to_the_count_and_matches_brute_force(self) -> None:
        for q in ("乡村振兴", "会", "李某 OR 金某某", "会议 -李某"):
            params = SearchParams(query=parse(q))
            months = search.month_counts(params)
            expected = Counter(date(a.issue_date.year, a.issue_date.month, 1) for a in self.expected(q))
            self.assertEqual(months, dict(expected), q)
            self.assertEqual(sum(months.values()), search.search(params).count, q)
            years = search.period_counts(params, "year")
            self.assertEqual(sum(years.values()), sum(months.values()), q)

    def test_facets_are_exact_over_every_match(self) -> None:
        result = search.search(SearchParams(query=parse("乡村")))
        matches = self.expected("乡村")
        self.assertEqual({v.label: v.count for v in result.facets.districts},
                         dict(Counter(a.district.name for a in matches)))
        self.assertEqual({v.id: v.count for v in result.facets.years}, dict(Counter(a.issue_date.year for a in matches)))

    def test_filters_narrow_exactly(self) -> None:
        params = SearchParams(query=parse("会议"), district=self.districts[0], date_from=date(2024, 1, 1),
                              date_to=date(2024, 6, 30))
        expected = {a.pk for a in self.expected("会议") if a.district == self.districts[0]
                    and date(2024, 1, 1) <= a.issue_date <= date(2024, 6, 30)}
        self.assertEqual(set(search.matching_ids(params)), expected)

    def test_newest_and_oldest_pages_follow_date_then_id(self) -> None:
        order = sorted(self.expected("会"), key=lambda a: (a.issue_date, a.pk))
        newest = search.search(SearchParams(query=parse("会"), sort="newest"))
        oldest = search.search(SearchParams(query=parse("会"), sort="oldest"))
        self.assertEqual([r.article.pk for r in newest.rows], [a.pk for a in reversed(order)][:20])
        self.assertEqual([r.article.pk for r in oldest.rows], [a.pk for a in order][:20])


class SyntaxTests(FixtureArchive):
    def test_or_in_three_spellings_is_the_union(self) -> None:
        union = {a.pk for a in self.expected("李某 OR 生态岛")}
        self.assertEqual(union, {a.pk for a in self.articles if brute_matches(a, "李某") or brute_matches(a, "生态岛")})
        for q in ("李某 OR 生态岛", "李某 or 生态岛", "李某 或 生态岛"):
            self.assertEqual(set(search.matching_ids(SearchParams(query=parse(q)))), union, q)

    def test_exclusion_removes_every_article_with_the_term(self) -> None:
        found = set(search.matching_ids(SearchParams(query=parse("会议 -李某"))))
        self.assertTrue(found)
        self.assertFalse(any("李某" in "".join(sections(a).values()) for a in self.articles if a.pk in found))

    def test_title_field_looks_in_title_and_subtitle_only(self) -> None:
        found = set(search.matching_ids(SearchParams(query=parse("标题:生态岛"))))
        self.assertEqual(found, {a.pk for a in self.articles if "生态岛" in a.title + "\n" + a.subtitle})


class RankingTests(TestCase):
    """Ordering properties of the BM25 score: fields, frequency, proximity, ties."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.issue_old = make_issue(issue_date=date(2024, 1, 1))
        cls.issue_new = make_issue(issue_date=date(2025, 1, 1))

    def ranked(self, q: str) -> list[int]:
        return [r.article.pk for r in search.search(SearchParams(query=parse(q), sort="relevance")).rows]

    def test_title_outranks_subtitle_outranks_body(self) -> None:
        body = make_article(issue=self.issue_new, title="通知", body="今天讨论耕地保护问题。其他事项若干。")
        sub = make_article(issue=self.issue_old, title="通知", subtitle="耕地保护", body="今天讨论问题。其他事项若干。")
        title = make_article(issue=self.issue_old, title="耕地保护", body="今天讨论问题。其他事项若干。")
        self.assertEqual(self.ranked("耕地保护"), [title.pk, sub.pk, body.pk])

    def test_more_occurrences_rank_higher_at_equal_length(self) -> None:
        once = make_article(issue=self.issue_new, title="甲", body="人才工作会议召开了。今天天气很好啊。")
        twice = make_article(issue=self.issue_old, title="乙", body="人才工作会议召开。人才工作很重要。")
        self.assertEqual(self.ranked("人才"), [twice.pk, once.pk])

    def test_terms_close_together_rank_higher(self) -> None:
        filler = "今天天气很好，大家都来了。" * 6
        far = make_article(issue=self.issue_new, title="甲", body=f"招商{filler}人才")
        near = make_article(issue=self.issue_old, title="乙", body=f"招商人才{filler}")
        self.assertEqual(self.ranked("招商 人才"), [near.pk, far.pk])

    def test_equal_scores_are_newest_first(self) -> None:
        old = make_article(issue=self.issue_old, title="甲", body="生态岛建设。")
        new = make_article(issue=self.issue_new, title="甲", body="生态岛建设。")
        self.assertEqual(self.ranked("生态岛"), [new.pk, old.pk])


    def test_ties_beyond_the_first_read_stay_newest_first(self) -> None:
        # More equal scores than the first read (page + TIE_MARGIN) holds: the order is still by date.
        issues = [make_issue(issue_date=date(2020, 1, 1) + timedelta(days=i)) for i in range(75)]
        made = [make_article(issue=issue, title="甲", body="乡村振兴。") for issue in issues]
        self.assertEqual(self.ranked("乡村振兴"), [a.pk for a in reversed(made)][:20])


class SyncTests(TestCase):
    """Whatever writes an article, the next search sees it: publish, correct, delete, mentions."""

    def count(self, q: str = "", **kw) -> int:
        return search.search(SearchParams(query=parse(q), **kw)).count

    def test_published_article_is_found_by_the_next_search(self) -> None:
        self.assertEqual(self.count("海聚英才"), 0)  # builds the index
        make_article(title="海聚英才开放日", body="本报讯 活动举行。")
        self.assertEqual(self.count("海聚英才"), 1)

    def test_corrected_title_replaces_the_old_title(self) -> None:
        article = make_article(title="旧的标题", body="本报讯 正文。")
        self.assertEqual(self.count("旧的标题"), 1)
        edit_article(article, user=User.objects.create_user("editor"), changes={"title": "新的标题"})
        self.assertEqual((self.count("旧的标题"), self.count("标题:新的标题")), (0, 1))

    def test_deleted_articles_are_gone(self) -> None:
        article = make_article(title="将被删除", body="本报讯 删除测试。")
        self.assertEqual(self.count("删除测试"), 1)
        purge_issue_logged(article.issue, user=User.objects.create_user("editor"))
        self.assertEqual(self.count("删除测试"), 0)

    def test_new_leader_mention_is_filterable(self) -> None:
        article = make_article(title="调研", body="区长调研。")
        leader = make_leader(name="金某")
        self.assertEqual(self.count(leader=leader), 0)
        make_mention(article=article, leader=leader)
        self.assertEqual((self.count(leader=leader), self.count("领导:金某")), (1, 1))

    def test_rebuild_command_builds_a_complete_index(self) -> None:
        make_article(title="重建测试", body="本报讯 内容。")
        call_command("search_index", "--rebuild", stdout=open("/dev/null", "w"))
        self.assertEqual(sync.catch_up(), 0)
        self.assertEqual(self.count("重建测试"), 1)


class ChartViewTests(FixtureArchive):
    def test_api_month_and_year_counts_add_up_to_the_count(self) -> None:
        api = reverse("articles:api_search")
        count = json.loads(self.client.get(api, {"q": "乡村"}).content)["count"]
        months = json.loads(self.client.get(api, {"q": "乡村", "chart": "month"}).content)["months"]
        years = json.loads(self.client.get(api, {"q": "乡村", "chart": "year"}).content)["years"]
        self.assertTrue(all(len(k) == 7 for k in months))
        self.assertEqual((sum(months.values()), sum(years.values())), (count, count))

    def test_chart_bars_link_to_their_month_and_title_names_query_and_unit(self) -> None:
        page = self.client.get(reverse("articles:search"), {"q": "乡村"}).content.decode()
        self.assertIn("“乡村”每月匹配文章数（篇/月）", page)
        month = next(iter(search.month_counts(SearchParams(query=parse("乡村")))))
        self.assertIn(f"from={month:%Y-%m}-01", page)
