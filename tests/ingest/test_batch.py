"""Batched ingest: parsing in a process pool, one transaction per issue, same rows as ingest_issue."""
from __future__ import annotations

from pathlib import Path

from django.test import TransactionTestCase

from articles.ingest import IngestError, ingest_issues_batched, known_names_in
from articles.models import Article, Issue, Mention

SEEDS = sorted((Path(__file__).parent.parent / "data" / "seeds").glob("*.txt"))


class KnownNamesTests(TransactionTestCase):
    def test_only_names_that_can_occur_on_the_page_are_kept(self) -> None:
        text = "区委书记缪\n京强调，王 小明出席。縣長李峻"
        kept = known_names_in(text, ["缪京", "王小明", "李峻", "张三", "王小红", "县长"])
        self.assertEqual(set(kept), {"缪京", "王小明", "李峻", "县长"})


class BatchedIngestTests(TransactionTestCase):
    def test_batched_ingest_stores_each_issue_like_ingest_issue(self) -> None:
        files = [(path.read_bytes(), f"崇明报_2025-04-{10 + i:02d}_01.txt") for i, path in enumerate(SEEDS[:3])]
        files.append((b"\xff\xfe\x00garbage", "崇明报_2025-04-30_01.txt"))
        results = ingest_issues_batched(files, workers=2)
        self.assertEqual([getattr(r, "status", None) for r in results[:3]], ["new", "new", "new"])
        self.assertIsInstance(results[3], IngestError)
        self.assertEqual(Issue.objects.count(), 3)
        self.assertEqual(Article.objects.count(), sum(r.articles for r in results[:3]))
        self.assertEqual(Mention.objects.count(), sum(r.leaders for r in results[:3]))
        self.assertFalse(Article.objects.filter(search_vector__isnull=True).exists())
        again = ingest_issues_batched(files[:1], workers=2)
        self.assertEqual(again[0].status, "unchanged")
