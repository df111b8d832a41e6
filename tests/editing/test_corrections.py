"""Hand corrections: edits, splits, merges and leader curation are logged and survive ``reprocess``."""
from __future__ import annotations

from datetime import date
from io import StringIO
from pathlib import Path

from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import TestCase

from articles.editing import corrections
from articles.ingest import ingest_issue, reprocess_issue
from articles.models import Article, Event, Issue, Leader, LeaderAlias, Mention
from tests.factories import make_article, make_district, make_leader, make_mention, make_paper

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
CHONGMING = (SEEDS / "000_1812f75c900816aa.txt").read_bytes()


def ingest_seed() -> Issue:
    return ingest_issue(CHONGMING, filename="崇明报_2025-04-19_01.txt").issue


def articles_of(issue: Issue) -> list[Article]:
    return list(issue.articles.order_by("position"))


class EditArticleTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.editor = User.objects.create_user("editor", is_staff=True)
        cls.issue = ingest_seed()
        cls.district = make_district(name="测试区", slug="ceshi")

    def test_an_edit_is_saved_as_a_correction_and_logged(self) -> None:
        article = articles_of(self.issue)[0]
        changed = corrections.edit_article(article, user=self.editor, changes={
            "title": "更正后的标题", "event_date": date(2024, 1, 2), "district": self.district,
        })
        article.refresh_from_db()
        self.assertEqual(article.title, "更正后的标题")
        self.assertEqual(article.corrections, {
            "title": "更正后的标题", "event_date": "2024-01-02", "district_id": self.district.pk,
        })
        self.assertEqual(set(changed), {"title", "event_date", "district_id"})
        event = Event.objects.get(action="edit")
        self.assertEqual((event.username, event.object_id), ("editor", str(article.pk)))
        self.assertEqual(event.details["changes"]["title"]["new"], "更正后的标题")
        self.assertIn("更正后的标题", article.search_text)

    def test_an_unchanged_value_is_not_recorded(self) -> None:
        article = articles_of(self.issue)[0]
        self.assertEqual(corrections.edit_article(article, user=self.editor, changes={"title": article.title}), {})
        self.assertFalse(Event.objects.filter(action="edit").exists())

    def test_only_correctable_fields_can_be_edited(self) -> None:
        with self.assertRaises(corrections.CorrectionError):
            corrections.edit_article(articles_of(self.issue)[0], user=self.editor, changes={"body": "x"})

    def test_corrections_survive_reprocess(self) -> None:
        article = articles_of(self.issue)[1]
        corrections.edit_article(article, user=self.editor, changes={
            "title": "人工标题", "byline": "人工作者", "event_date": date(2025, 4, 1), "district": self.district,
        })
        reprocess_issue(self.issue)
        again = Article.objects.get(pk=article.pk)  # same permalink
        self.assertEqual((again.title, again.byline, again.event_date, again.district_id),
                         ("人工标题", "人工作者", date(2025, 4, 1), self.district.pk))


    def test_corrections_survive_the_reprocess_command(self) -> None:
        article = articles_of(self.issue)[0]
        corrections.edit_article(article, user=self.editor, changes={"title": "命令之后仍在", "subtitle": "副"})
        call_command("reprocess", "--all", stdout=StringIO(), stderr=StringIO())
        again = Article.objects.get(pk=article.pk)
        self.assertEqual((again.title, again.subtitle), ("命令之后仍在", "副"))


class CarryCorrectionsTests(TestCase):
    """When a better parse changes a corrected article's text, its corrections follow or are logged."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.editor = User.objects.create_user("editor", is_staff=True)

    def test_a_slightly_changed_article_keeps_its_corrections(self) -> None:
        issue = ingest_seed()
        article = articles_of(issue)[0]
        corrections.edit_article(article, user=self.editor, changes={"title": "人工标题"})
        Article.objects.filter(pk=article.pk).update(body=article.body + "多出的字", content_hash="stale")
        reprocess_issue(issue)
        self.assertEqual(articles_of(issue)[0].title, "人工标题")
        self.assertFalse(Event.objects.filter(action="corrections_dropped").exists())

    def test_corrections_that_fit_nothing_are_logged_not_lost_silently(self) -> None:
        issue = ingest_seed()
        article = articles_of(issue)[0]
        corrections.edit_article(article, user=self.editor, changes={"title": "人工标题"})
        Article.objects.filter(pk=article.pk).update(body="完全不同的文字" * 50, content_hash="stale")
        reprocess_issue(issue)
        event = Event.objects.get(action="corrections_dropped")
        self.assertEqual(event.details["corrections"], {"title": "人工标题"})
        self.assertEqual(event.details["article_id"], article.pk)


class SplitMergeTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.editor = User.objects.create_user("editor", is_staff=True)

    def setUp(self) -> None:
        self.issue = ingest_seed()

    def test_split_makes_two_articles_in_order_and_survives_reprocess(self) -> None:
        before = articles_of(self.issue)
        article = next(a for a in before if len(a.paragraphs) >= 3)
        paragraphs = article.paragraphs
        second = corrections.split_article(article, at_paragraph=2, user=self.editor, title="拆出的文章")
        after = articles_of(self.issue)
        self.assertEqual(len(after), len(before) + 1)
        self.assertEqual([a.position for a in after], list(range(1, len(after) + 1)))
        self.assertEqual(second.position, article.position + 1)
        self.assertEqual(Article.objects.get(pk=article.pk).paragraphs, paragraphs[:1])
        self.assertEqual(second.paragraphs, paragraphs[1:])
        self.assertTrue(Event.objects.filter(action="split", object_id=str(article.pk)).exists())

        reprocess_issue(self.issue)
        again = articles_of(self.issue)
        self.assertEqual(len(again), len(after))
        self.assertEqual([a.pk for a in again], [a.pk for a in after], "permalinks survive reprocess")
        self.assertEqual(Article.objects.get(pk=second.pk).title, "拆出的文章")

    def test_split_refuses_the_first_paragraph(self) -> None:
        with self.assertRaises(corrections.CorrectionError):
            corrections.split_article(articles_of(self.issue)[0], at_paragraph=1, user=self.editor)

    def test_merge_joins_neighbours_and_survives_reprocess(self) -> None:
        first, second, *rest = articles_of(self.issue)
        merged = corrections.merge_with_next(first, user=self.editor)
        self.assertEqual(merged.paragraphs, first.paragraphs + second.paragraphs)
        self.assertFalse(Article.objects.filter(pk=second.pk).exists())
        after = articles_of(self.issue)
        self.assertEqual([a.position for a in after], list(range(1, len(after) + 1)))
        self.assertTrue(Event.objects.filter(action="merge").exists())

        reprocess_issue(self.issue)
        self.assertEqual([a.pk for a in articles_of(self.issue)], [a.pk for a in after])

    def test_merging_the_last_article_is_refused(self) -> None:
        with self.assertRaises(corrections.CorrectionError):
            corrections.merge_with_next(articles_of(self.issue)[-1], user=self.editor)

    def test_purge_deletes_the_issue_and_the_log_outlives_it(self) -> None:
        issue_id = self.issue.pk
        corrections.purge_issue_logged(self.issue, user=self.editor)
        self.assertFalse(Issue.objects.filter(pk=issue_id).exists())
        self.assertFalse(Article.objects.filter(issue_id=issue_id).exists())
        event = Event.objects.get(action="purge")
        self.assertEqual(event.object_id, str(issue_id))
        self.assertIn("崇明报", event.description)


class LeaderCurationTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.editor = User.objects.create_user("editor", is_staff=True)
        cls.district = make_district(name="崇明区", slug="chongming-qu")
        cls.paper = make_paper(name="崇明报", slug="chongming", district=cls.district)

    def test_merge_moves_mentions_and_remembers_the_variant(self) -> None:
        right, variant = make_leader(name="缪京", district=self.district), make_leader(name="缪亰", district=self.district)
        one, two = make_article(title="一"), make_article(title="二")
        make_mention(article=one, leader=right, titles=["区委书记"])
        make_mention(article=one, leader=variant, titles=["书记"])
        make_mention(article=two, leader=variant, titles=["区委书记"])
        corrections.merge_leaders(right, variant, user=self.editor)
        self.assertFalse(Leader.objects.filter(pk=variant.pk).exists())
        self.assertEqual(Mention.objects.filter(leader=right).count(), 2)
        self.assertEqual(Mention.objects.get(article=one).titles, ["区委书记", "书记"])
        self.assertEqual(LeaderAlias.objects.get(name="缪亰").leader, right)
        self.assertTrue(Event.objects.filter(action="merge_leaders").exists())

    def test_a_merged_variant_stays_merged_after_reprocess(self) -> None:
        issue = ingest_seed()
        self.assertGreaterEqual(Leader.objects.count(), 2)
        keep, absorb = Leader.objects.all()[:2]
        corrections.merge_leaders(keep, absorb, user=self.editor)
        reprocess_issue(issue)
        self.assertFalse(Leader.objects.filter(name=absorb.name, district=absorb.district).exists())
        self.assertTrue(Mention.objects.filter(leader=keep).exists())

    def test_merging_a_leader_into_itself_is_refused(self) -> None:
        leader = make_leader(name="张三")
        with self.assertRaises(corrections.CorrectionError):
            corrections.merge_leaders(leader, leader, user=self.editor)

    def test_separate_moves_chosen_mentions_to_a_namesake(self) -> None:
        other_district = make_district(name="金山区", slug="jinshan")
        leader = make_leader(name="王伟", district=self.district)
        here, there = make_article(title="这里"), make_article(title="那里")
        make_mention(article=here, leader=leader)
        make_mention(article=there, leader=leader)
        namesake = corrections.separate_leader(leader, article_ids=[there.pk], district=other_district, user=self.editor)
        self.assertEqual((namesake.name, namesake.district), ("王伟", other_district))
        self.assertEqual(list(Mention.objects.filter(leader=namesake).values_list("article", flat=True)), [there.pk])
        self.assertEqual(list(Mention.objects.filter(leader=leader).values_list("article", flat=True)), [here.pk])

    def test_a_separation_survives_reprocess(self) -> None:
        issue = ingest_seed()
        leader = Leader.objects.get(name="李峻")
        first, *rest = Mention.objects.filter(leader=leader).order_by("article__position")
        self.assertTrue(rest)
        elsewhere = make_district(name="金山区", slug="jinshan")
        namesake = corrections.separate_leader(leader, article_ids=[first.article_id], district=elsewhere,
                                               user=self.editor)
        reprocess_issue(issue)
        self.assertEqual(Mention.objects.get(article_id=first.article_id, leader__name="李峻").leader, namesake)
        self.assertEqual(Mention.objects.filter(leader=leader).count(), len(rest))

    def test_a_title_fix_survives_reprocess(self) -> None:
        issue = ingest_seed()
        leader = Leader.objects.get(name="李峻")
        corrections.edit_leader_title(leader, old="区长", new="区人民政府区长", user=self.editor)
        reprocess_issue(issue)
        titles = [m.titles for m in Mention.objects.filter(leader=leader)]
        self.assertTrue(titles)
        self.assertTrue(all("区人民政府区长" in t and "区长" not in t for t in titles))

    def test_separate_into_the_same_district_is_refused(self) -> None:
        leader = make_leader(name="王伟", district=self.district)
        with self.assertRaises(corrections.CorrectionError):
            corrections.separate_leader(leader, article_ids=[], district=self.district, user=self.editor)

    def test_a_title_is_corrected_in_every_mention(self) -> None:
        leader = make_leader(name="李四")
        for title in ("一", "二"):
            make_mention(article=make_article(title=title), leader=leader, titles=["区委书纪", "区长"])
        self.assertEqual(corrections.edit_leader_title(leader, old="区委书纪", new="区委书记", user=self.editor), 2)
        self.assertEqual({tuple(m.titles) for m in leader.mentions.all()}, {("区委书记", "区长")})
