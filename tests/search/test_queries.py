"""Search on PostgreSQL: recall on hard cases, syntax, filters, facets, sorting, pagination."""
from __future__ import annotations

from datetime import date

from django.test import TestCase

from articles import search
from articles.search import SearchParams
from articles.text.query import parse
from tests.factories import make_article, make_district, make_issue, make_leader, make_mention, make_paper


def ids(result: search.SearchResult) -> set[int]:
    return {row.article.pk for row in result.rows}


class SearchCorpus(TestCase):
    """A small memorable archive: two districts, two papers, names split and spaced as in print."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.chongming = make_district(name="崇明区", city="上海市", province="上海市", slug="chongming")
        cls.qingpu = make_district(name="青浦区", city="上海市", province="上海市", slug="qingpu")
        cls.cm_paper = make_paper(name="崇明报", district=cls.chongming, slug="cmb")
        cls.qp_paper = make_paper(name="青浦报", district=cls.qingpu, slug="qpb")
        cm_2024 = make_issue(paper=cls.cm_paper, issue_date=date(2024, 3, 5))
        cm_2025 = make_issue(paper=cls.cm_paper, issue_date=date(2025, 4, 19), page="02")
        qp_2023 = make_issue(paper=cls.qp_paper, issue_date=date(2023, 6, 1))
        cls.split_name = make_article(issue=cm_2025, title="海聚英才开放日在崇明举办",
                                      body="崇明区委书记缪\n京，市委组织部副部长出席活动。")
        cls.spaced_name = make_article(issue=cm_2024, title="生态岛建设推进会召开",
                                       body="区委书记缪 京强调，要坚持生态优先。乡村振兴要守住耕地红线。")
        cls.traditional = make_article(issue=qp_2023, title="縣委書記調研農業",
                                       body="青浦縣委書記李峻來到田間，察看春耕備耕。")
        cls.title_hit = make_article(issue=cm_2025, title="李峻主持东西部协作会议",
                                     body="会议指出，要推动本区东西部协作取得新成效。", byline="本报记者 王小明")
        cls.body_only = make_article(issue=cm_2024, title="耕地保护工作会议",
                                     body="副区长李峻出席。乡村振兴离不开耕地保护。")
        cls.phrase_split = make_article(issue=qp_2023, title="部署春耕",
                                        body="东西部在协作中共同发展，乡村要振兴。")
        cls.escaping = make_article(issue=qp_2023, title="<script>alert(1)</script>招聘启事",
                                    body="招聘<b>会计</b>一名 & 出纳一名。")
        cls.miao = make_leader(name="缪京", district=cls.chongming)
        cls.li = make_leader(name="李峻", district=cls.chongming)
        make_mention(article=cls.split_name, leader=cls.miao, titles=["区委书记"])
        make_mention(article=cls.spaced_name, leader=cls.miao, titles=["区委书记"])
        make_mention(article=cls.title_hit, leader=cls.li, titles=["区长"])
        make_mention(article=cls.body_only, leader=cls.li, titles=["副区长"])

    def run_search(self, q: str = "", **kw) -> search.SearchResult:
        return search.search(SearchParams(query=parse(q), **kw))


class RecallTests(SearchCorpus):
    def test_name_split_across_a_line_is_found(self) -> None:
        self.assertIn(self.split_name.pk, ids(self.run_search("缪京")))

    def test_name_with_a_spurious_space_is_found(self) -> None:
        self.assertIn(self.spaced_name.pk, ids(self.run_search("缪京")))

    def test_query_with_a_space_inside_a_quoted_name_is_found(self) -> None:
        self.assertEqual(ids(self.run_search('"缪 京"')), {self.split_name.pk, self.spaced_name.pk})

    def test_traditional_query_finds_simplified_text(self) -> None:
        self.assertIn(self.traditional.pk, ids(self.run_search("县委书记")))
        self.assertIn(self.traditional.pk, ids(self.run_search("縣委書記")))

    def test_two_character_name_finds_every_article_containing_it(self) -> None:
        self.assertEqual(ids(self.run_search("李峻")), {self.traditional.pk, self.title_hit.pk, self.body_only.pk})

    def test_substring_that_is_not_a_word_is_found(self) -> None:
        self.assertEqual(ids(self.run_search("京强调")), {self.spaced_name.pk})

    def test_no_false_positive_when_every_bigram_is_present_but_not_the_phrase(self) -> None:
        self.assertNotIn(self.phrase_split.pk, ids(self.run_search("东西部协作")))


class SyntaxTests(SearchCorpus):
    def test_phrase_needs_the_words_together_but_and_does_not(self) -> None:
        self.assertEqual(ids(self.run_search('"乡村振兴"')), {self.spaced_name.pk, self.body_only.pk})
        self.assertIn(self.phrase_split.pk, ids(self.run_search("乡村 振兴")))

    def test_space_means_and(self) -> None:
        self.assertEqual(ids(self.run_search("乡村振兴 耕地 李峻")), {self.body_only.pk})

    def test_or_finds_either(self) -> None:
        self.assertEqual(ids(self.run_search("缪京 OR 县委书记")),
                         {self.split_name.pk, self.spaced_name.pk, self.traditional.pk})

    def test_minus_excludes(self) -> None:
        self.assertEqual(ids(self.run_search("李峻 -耕地")), {self.traditional.pk, self.title_hit.pk})

    def test_title_field_searches_titles_only(self) -> None:
        self.assertEqual(ids(self.run_search("标题:李峻")), {self.title_hit.pk})

    def test_body_field_searches_bodies_only(self) -> None:
        self.assertEqual(ids(self.run_search("正文:李峻")), {self.traditional.pk, self.body_only.pk})

    def test_author_field_searches_bylines(self) -> None:
        self.assertEqual(ids(self.run_search("作者:王小明")), {self.title_hit.pk})

    def test_leader_field_finds_articles_naming_the_leader(self) -> None:
        self.assertEqual(ids(self.run_search("领导:缪京")), {self.split_name.pk, self.spaced_name.pk})

    def test_single_character_searches_every_article(self) -> None:
        result = self.run_search("峻")
        self.assertEqual(ids(result), {self.traditional.pk, self.title_hit.pk, self.body_only.pk})
        self.assertEqual(result.notices, [])


class FilterTests(SearchCorpus):
    def test_district_filter(self) -> None:
        self.assertEqual(ids(self.run_search("李峻", district=self.qingpu)), {self.traditional.pk})

    def test_paper_filter(self) -> None:
        self.assertEqual(ids(self.run_search("李峻", paper=self.cm_paper)), {self.title_hit.pk, self.body_only.pk})

    def test_date_range_filter(self) -> None:
        result = self.run_search("李峻", date_from=date(2024, 1, 1), date_to=date(2024, 12, 31))
        self.assertEqual(ids(result), {self.body_only.pk})

    def test_leader_filter(self) -> None:
        self.assertEqual(ids(self.run_search("", leader=self.li)), {self.title_hit.pk, self.body_only.pk})

    def test_event_date_filter_uses_the_event_date(self) -> None:
        self.assertEqual(ids(self.run_search("李峻", date_from=date(2020, 1, 1), date_field="event")), set())


class FacetTests(SearchCorpus):
    def test_facets_count_districts_papers_years_and_leaders(self) -> None:
        facets = self.run_search("李峻").facets
        self.assertEqual({v.label: v.count for v in facets.districts}, {"崇明区": 2, "青浦区": 1})
        self.assertEqual({v.label: v.count for v in facets.papers}, {"崇明报": 2, "青浦报": 1})
        self.assertEqual({v.id: v.count for v in facets.years}, {2025: 1, 2024: 1, 2023: 1})
        self.assertEqual({v.label: v.count for v in facets.leaders}, {"李峻": 2})

    def test_count_is_exact_for_small_result_sets(self) -> None:
        result = self.run_search("李峻")
        self.assertEqual(result.count, 3)


class SortingTests(SearchCorpus):
    def test_relevance_puts_title_hits_first(self) -> None:
        self.assertEqual(self.run_search("李峻", sort="relevance").rows[0].article, self.title_hit)

    def test_newest_first(self) -> None:
        dates = [r.article.issue_date for r in self.run_search("李峻", sort="newest").rows]
        self.assertEqual(dates, sorted(dates, reverse=True))

    def test_oldest_first(self) -> None:
        dates = [r.article.issue_date for r in self.run_search("李峻", sort="oldest").rows]
        self.assertEqual(dates, sorted(dates))

    def test_pages_do_not_overlap(self) -> None:
        with self.settings():
            original = search.PAGE_SIZE
            search.PAGE_SIZE = 2
            try:
                first = ids(self.run_search("", sort="newest", page=1))
                second = ids(self.run_search("", sort="newest", page=2))
            finally:
                search.PAGE_SIZE = original
        self.assertEqual((len(first), first & second), (2, set()))


class HighlightTests(SearchCorpus):
    def test_every_hit_in_the_snippet_is_marked(self) -> None:
        row = next(r for r in self.run_search("李峻 耕地").rows if r.article == self.body_only)
        self.assertEqual([s.text for s in row.snippet if s.hit], ["李峻", "耕地"])

    def test_split_name_is_marked_in_the_displayed_text(self) -> None:
        row = self.run_search("缪京", sort="newest").rows[0]
        self.assertIn("缪 京", [s.text for s in row.snippet if s.hit])


class QueryCountTests(SearchCorpus):
    def test_a_search_takes_a_fixed_number_of_queries(self) -> None:
        self.run_search("李峻")  # the first search builds this test's index
        # savepoint, settings, the change log (horizon, rows), district/paper/leader labels, articles, release
        with self.assertNumQueries(9):
            self.run_search("李峻", sort="newest")


class ExactnessTests(SearchCorpus):
    """Candidates come from the AND of a term's bigrams; what is shown and counted must contain the term."""

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        issue = make_issue(paper=cls.cm_paper, issue_date=date(2025, 5, 1), page="07")
        cls.decoys = [make_article(issue=issue, title=f"通讯{i}", body=f"李小红和张小明出席第{i}次会议。")
                      for i in range(5)]
        cls.real = make_article(issue=issue, title="表彰", body="李小明获表彰。")

    def test_bigrams_without_the_term_are_never_shown(self) -> None:
        for sort in ("newest", "relevance", "oldest"):
            self.assertEqual(ids(self.run_search("李小明", sort=sort)), {self.real.pk})

    def test_small_candidate_sets_are_counted_exactly(self) -> None:
        result = self.run_search("李小明")
        self.assertEqual(result.count, 1)


