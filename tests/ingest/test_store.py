"""Ingest: one transaction per file, no duplicates, atomic replace, stable ids, corrections kept."""
from datetime import date
from pathlib import Path

import pytest
from django.contrib.postgres.search import SearchQuery
from django.test import TestCase

from articles.ingest import NO_DATE, NO_PAPER, IngestError, ingest_issue, reprocess_issue
from articles.models import Article, District, Issue, Leader, Mention, Paper
from articles.text import tokens
from tests.concurrency import run_together

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"
CHONGMING = (SEEDS / "000_1812f75c900816aa.txt").read_bytes()
JINSHAN = (SEEDS / "003_f0bf356bcebb6edb.txt").read_bytes()


def ingest_chongming(data: bytes = CHONGMING, **kwargs):  # noqa: ANN201
    kwargs = {"filename": "崇明报_2025-04-19_01.txt", **kwargs}
    return ingest_issue(data, **kwargs)


class IngestIssueTests(TestCase):
    def test_new_file_creates_issue_articles_and_leaders(self) -> None:
        result = ingest_chongming()
        self.assertEqual(result.status, "new")
        issue = Issue.objects.get()
        self.assertEqual((issue.paper.name, issue.issue_date, issue.page), ("崇明报", date(2025, 4, 19), "01"))
        self.assertEqual(bytes(issue.raw_bytes), CHONGMING)
        self.assertEqual(issue.encoding, "utf-8")
        self.assertGreaterEqual(Article.objects.count(), 5)
        self.assertEqual(result.articles, Article.objects.count())
        self.assertTrue(Mention.objects.filter(leader__name="缪京").exists())

    def test_positions_follow_the_page(self) -> None:
        ingest_chongming()
        positions = list(Article.objects.order_by("position").values_list("position", flat=True))
        self.assertEqual(positions, list(range(1, len(positions) + 1)))

    def test_same_bytes_twice_is_a_no_op(self) -> None:
        ingest_chongming()
        articles = Article.objects.count()
        again = ingest_issue(CHONGMING, filename="renamed.txt")
        self.assertEqual(again.status, "unchanged")
        self.assertEqual((Issue.objects.count(), Article.objects.count()), (1, articles))

    def test_flags_win_over_the_file_name(self) -> None:
        ingest_chongming(paper="另一报", issue_date=date(2025, 4, 20), page="03")
        issue = Issue.objects.get()
        self.assertEqual((issue.paper.name, issue.issue_date, issue.page), ("另一报", date(2025, 4, 20), "03"))

    def test_binary_file_is_rejected_and_nothing_is_stored(self) -> None:
        with self.assertRaises(IngestError):
            ingest_chongming(bytes(range(256)) * 8)
        self.assertEqual((Issue.objects.count(), Paper.objects.count(), District.objects.count()), (0, 0, 0))

    def test_empty_file_is_rejected(self) -> None:
        with self.assertRaises(IngestError):
            ingest_chongming(b"")
        self.assertFalse(Issue.objects.exists())

    def test_missing_paper_says_how_to_supply_it(self) -> None:
        with self.assertRaisesMessage(IngestError, NO_PAPER):
            ingest_issue(CHONGMING, filename="000.txt", issue_date=date(2025, 4, 19))

    def test_paper_printed_on_the_page_is_recognised(self) -> None:
        ingest_chongming()
        page = "崇明报讯 4月20日，区政府召开工作会议，研究部署近期重点工作。会议强调，要狠抓落实。".encode()
        result = ingest_issue(page, filename="x.txt", issue_date=date(2025, 4, 21))
        self.assertEqual(result.issue.paper.name, "崇明报")

    def test_missing_date_says_how_to_supply_it(self) -> None:
        page = "本报讯 日前，区政府召开工作会议，研究部署近期重点工作。会议强调，要狠抓落实。".encode()
        with self.assertRaisesMessage(IngestError, NO_DATE):
            ingest_issue(page, filename="x.txt", paper="某某报")
        self.assertFalse(Issue.objects.exists())

    def test_gb18030_file_gives_the_same_articles_as_utf8(self) -> None:
        text = CHONGMING.decode("utf-8")
        ingest_chongming(text.encode("gb18030"))
        issue = Issue.objects.get()
        self.assertEqual(issue.encoding, "gb18030")
        self.assertEqual(issue.text.strip(), text.replace("\r\n", "\n").strip())

    def test_corrected_file_replaces_the_issue_and_keeps_unchanged_permalinks(self) -> None:
        ingest_chongming()
        before = {a.content_hash: a.pk for a in Article.objects.all()}
        corrected = CHONGMING.decode("utf-8").replace("海聚英才", "海聚英材", 1).encode("utf-8")
        result = ingest_chongming(corrected)
        self.assertEqual(result.status, "replaced")
        self.assertEqual(Issue.objects.count(), 1)
        after = {a.content_hash: a.pk for a in Article.objects.all()}
        kept = set(before) & set(after)
        self.assertGreaterEqual(len(kept), len(before) - 1)
        self.assertTrue(all(before[h] == after[h] for h in kept))
        self.assertEqual(bytes(Issue.objects.get().raw_bytes), corrected)

    def test_articles_are_searchable_by_their_bigrams(self) -> None:
        ingest_chongming()
        query = SearchQuery(tokens.tsquery_for("缪京"), search_type="raw", config="simple")
        found = Article.objects.filter(search_vector=query)
        self.assertTrue(found.exists())
        self.assertTrue(all("缪京" in a.search_text for a in found))

    def test_new_districts_get_their_city_and_province(self) -> None:
        ingest_chongming()
        district = District.objects.get(name="崇明区")
        self.assertEqual((district.province, district.city), ("上海市", "上海市"))

    def test_leaders_are_people_of_the_articles_district(self) -> None:
        ingest_chongming()
        leader = Leader.objects.get(name="李峻")
        self.assertEqual(leader.district.name, "崇明区")
        self.assertIn("区长", Mention.objects.filter(leader=leader).first().titles)


class ReprocessTests(TestCase):
    def test_reprocess_keeps_ids_and_hand_corrections(self) -> None:
        ingest_issue(JINSHAN, filename="金山报_2020-12-30_02.txt")
        issue = Issue.objects.get()
        article = issue.articles.order_by("position").first()
        article.corrections = {"title": "编辑改过的标题", "event_date": "2020-12-01"}
        article.title = "编辑改过的标题"
        article.save()
        ids = sorted(issue.articles.values_list("pk", flat=True))
        reprocess_issue(issue)
        self.assertEqual(sorted(issue.articles.values_list("pk", flat=True)), ids)
        article.refresh_from_db()
        self.assertEqual((article.title, article.event_date), ("编辑改过的标题", date(2020, 12, 1)))

    def test_reprocess_drops_leader_records_left_without_mentions(self) -> None:
        ingest_issue(JINSHAN, filename="金山报_2020-12-30_02.txt")
        issue = Issue.objects.get()
        stray = Leader.objects.create(name="王某某", district=None)
        Mention.objects.create(article=issue.articles.first(), leader=stray, titles=["区长"], issue_date=issue.issue_date)
        reprocess_issue(issue)
        self.assertFalse(Leader.objects.filter(pk=stray.pk).exists())
        self.assertTrue(Leader.objects.exists())

    def test_city_officials_are_not_filed_under_the_article_district(self) -> None:
        ingest_chongming()
        self.assertIsNone(Leader.objects.get(name="潘晓岗").district)
        self.assertEqual(Leader.objects.get(name="缪京").district.name, "崇明区")

    def test_reprocess_rebuilds_derived_rows_from_the_stored_bytes(self) -> None:
        ingest_issue(JINSHAN, filename="金山报_2020-12-30_02.txt")
        issue = Issue.objects.get()
        count = issue.articles.count()
        Mention.objects.all().delete()
        Article.objects.update(search_text="")
        result = reprocess_issue(issue)
        self.assertEqual(result.articles, count)
        self.assertTrue(Mention.objects.exists())
        self.assertFalse(Article.objects.filter(search_text="").exists())


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_ingests_of_one_file_create_one_issue() -> None:
    results, errors = run_together(*[lambda: ingest_chongming().status] * 2)
    assert errors == []
    assert Issue.objects.count() == 1
    assert sorted(results) == ["new", "unchanged"]
