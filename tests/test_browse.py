"""The browsing summaries (district article counts, a leader's count, days, latest titles, months and
title spans) stay exact through every write path: the database triggers agree with a full recount."""
from datetime import date
from pathlib import Path

from django.test import TestCase

from articles import browse
from articles.editing.corrections import edit_leader_title, merge_leaders, separate_leader
from articles.ingest import ingest_issue, purge_issue, refresh_browse_summaries, reprocess_issue
from articles.models import Article, District, Issue, Leader, LeaderMonth, LeaderTitle, Mention
from tests.factories import make_article, make_district, make_issue, make_leader, make_mention, make_paper

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
CHONGMING = (SEEDS / "000_1812f75c900816aa.txt").read_bytes()
JINSHAN = (SEEDS / "003_f0bf356bcebb6edb.txt").read_bytes()


def summaries() -> dict:
    """Every summary row, as plain values."""
    return {
        "districts": dict(District.objects.values_list("pk", "article_count")),
        "leaders": {
            pk: (n, first, last, titles)
            for pk, n, first, last, titles in Leader.objects.values_list(
                "pk", "mention_count", "first_seen", "last_seen", "current_titles"
            )
        },
        "months": set(LeaderMonth.objects.values_list("leader_id", "month", "mentions")),
        "titles": set(LeaderTitle.objects.values_list("leader_id", "title", "mentions", "first_seen", "last_seen")),
    }


class SummaryTestCase(TestCase):
    def assertSummariesExact(self) -> dict:  # noqa: N802 - unittest style
        """The trigger-kept rows equal a recount from scratch; returns them."""
        kept = summaries()
        refresh_browse_summaries()
        self.assertEqual(kept, summaries())
        return kept


class IngestPathsTests(SummaryTestCase):
    def test_ingest_replace_reprocess_and_purge(self) -> None:
        first = ingest_issue(CHONGMING, filename="崇明报_2025-04-19_01.txt").issue
        ingest_issue(JINSHAN, filename="金山报_2025-04-18_01.txt")
        kept = self.assertSummariesExact()
        self.assertEqual(sum(kept["districts"].values()), Article.objects.exclude(district=None).count())
        self.assertEqual(sum(n for n, *_ in kept["leaders"].values()), Mention.objects.count())
        self.assertGreater(Mention.objects.count(), 0)

        # A corrected file for the same page: half the page's paragraphs go, mentions with them.
        lines = CHONGMING.decode("utf-8").splitlines()
        replaced = "\n".join(lines[: len(lines) // 2]).encode("utf-8")
        self.assertEqual(ingest_issue(replaced, filename="崇明报_2025-04-19_01.txt").status, "replaced")
        self.assertSummariesExact()

        before = self.assertSummariesExact()
        reprocess_issue(Issue.objects.get(pk=first.pk))
        self.assertEqual(self.assertSummariesExact(), before)

        purge_issue(Issue.objects.get(pk=first.pk))
        self.assertSummariesExact()
        for issue in Issue.objects.all():
            purge_issue(issue)
        kept = self.assertSummariesExact()
        self.assertEqual(set(kept["districts"].values()), {0})
        self.assertEqual(kept["months"] | kept["titles"], set())
        self.assertTrue(all(n == 0 and last is None for n, _, last, _ in kept["leaders"].values()))


class HandMadeTests(SummaryTestCase):
    def setUp(self) -> None:
        self.district = make_district(name="崇明区", slug="chongming")
        self.other = make_district(name="青浦区", slug="qingpu")
        paper = make_paper(name="崇明报", slug="cmb", district=self.district)
        self.days = [date(2024, 12, 30), date(2025, 1, 5), date(2025, 3, 13)]
        self.articles = [make_article(issue=make_issue(paper=paper, issue_date=d), title=f"第{i}篇")
                         for i, d in enumerate(self.days)]
        self.leader = make_leader(name="王一", district=self.district)
        make_mention(article=self.articles[0], leader=self.leader, titles=["区委副书记"])
        make_mention(article=self.articles[1], leader=self.leader, titles=["区委副书记", "区长"])
        self.last = make_mention(article=self.articles[2], leader=self.leader, titles=["区委书记"])

    def test_figures_of_a_leader(self) -> None:
        self.leader.refresh_from_db()
        self.assertEqual((self.leader.mention_count, self.leader.first_seen, self.leader.last_seen,
                          self.leader.current_titles), (3, self.days[0], self.days[2], ["区委书记"]))
        self.assertEqual(browse.leader_months(self.leader),
                         {date(2024, 12, 1): 1, date(2025, 1, 1): 1, date(2025, 3, 1): 1})
        self.assertEqual([(t.title, t.first_seen, t.last_seen, t.mentions) for t in browse.leader_titles(self.leader)], [
            ("区委副书记", self.days[0], self.days[1], 2), ("区长", self.days[1], self.days[1], 1),
            ("区委书记", self.days[2], self.days[2], 1),
        ])
        self.assertEqual(District.objects.get(pk=self.district.pk).article_count, 3)
        self.assertSummariesExact()

    def test_deleting_the_latest_mention_moves_last_seen_and_titles_back(self) -> None:
        self.last.delete()
        self.leader.refresh_from_db()
        self.assertEqual((self.leader.mention_count, self.leader.last_seen, self.leader.current_titles),
                         (2, self.days[1], ["区委副书记", "区长"]))
        self.assertFalse(LeaderTitle.objects.filter(title="区委书记").exists())
        self.assertFalse(LeaderMonth.objects.filter(month=date(2025, 3, 1)).exists())
        Mention.objects.filter(article=self.articles[1]).delete()
        self.assertEqual(LeaderTitle.objects.get(title="区委副书记").last_seen, self.days[0])
        self.assertSummariesExact()

    def test_updates_move_mentions_and_articles(self) -> None:
        Mention.objects.filter(pk=self.last.pk).update(titles=["区长"])
        Article.objects.filter(pk=self.articles[0].pk).update(district=self.other)
        self.assertEqual(District.objects.get(pk=self.other.pk).article_count, 1)
        self.assertEqual(Leader.objects.get(pk=self.leader.pk).current_titles, ["区长"])
        self.assertSummariesExact()

    def test_corrections_keep_the_figures(self) -> None:
        twin = make_leader(name="王壹", district=self.district)
        make_mention(article=self.articles[2], leader=twin, titles=["区委书记", "区长"])
        make_mention(article=self.articles[0], leader=twin, titles=["镇长"])
        merge_leaders(self.leader, twin, user=None)
        self.assertSummariesExact()
        edit_leader_title(self.leader, old="区委副书记", new="区委常委", user=None)
        self.assertSummariesExact()
        other = separate_leader(self.leader, article_ids=[self.articles[0].pk], district=self.other, user=None)
        kept = self.assertSummariesExact()
        self.assertEqual(kept["leaders"][other.pk][0], 1)

    def test_saving_a_stale_copy_keeps_the_figures(self) -> None:
        stale = Leader.objects.get(pk=self.leader.pk)
        make_mention(article=make_article(issue=self.articles[2].issue, title="又一篇"), leader=self.leader)
        stale.name = "王一一"
        stale.save()
        self.assertEqual(Leader.objects.get(pk=self.leader.pk).mention_count, 4)
        district = District.objects.get(pk=self.district.pk)
        make_article(issue=self.articles[2].issue, title="再一篇")
        district.save()
        self.assertEqual(District.objects.get(pk=self.district.pk).article_count, 5)

    def test_district_page_lists_leaders_by_latest_mention(self) -> None:
        deputy = make_leader(name="李二", district=self.district)
        make_mention(article=self.articles[1], leader=deputy, titles=["副区长"])
        leaders = browse.district_leaders(self.district, limit=24)
        self.assertEqual([(l.name, l.current_titles) for l in leaders], [("王一", ["区委书记"]), ("李二", ["副区长"])])
        page = browse.district_leaders_ranked(self.district, sort="mentions", per_page=1)
        self.assertEqual(([l.name for l in page.items], page.has_next), (["王一"], True))
        page = browse.district_leaders_ranked(self.district, sort="mentions", page=2, per_page=1)
        self.assertEqual(([l.name for l in page.items], page.has_next), (["李二"], False))
