"""Re-run the text pipeline over stored issues, so a better parser never needs the files again."""
from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.ingest import known_leader_names, reprocess_issue
from articles.models import Issue


class Command(BaseCommand):
    help = "重新解析已存储的版面。Re-run the pipeline over stored issues (--all, or issue ids)."

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("issue_ids", nargs="*", type=int, metavar="ISSUE_ID")
        parser.add_argument("--all", action="store_true", help="every stored issue")

    def handle(self, *args, issue_ids: list[int], all: bool, **options) -> None:  # noqa: A002
        if all == bool(issue_ids):
            raise CommandError("请给出 --all 或版面编号（either --all or issue ids, not both）")
        issues = Issue.objects.select_related("paper").order_by("pk")
        if issue_ids:
            issues = issues.filter(pk__in=issue_ids)
            found = set(issues.values_list("pk", flat=True))
            if missing := sorted(set(issue_ids) - found):
                raise CommandError(f"没有这些版面：{missing}")
        known = known_leader_names()
        articles = mentions = 0
        for issue in tqdm(issues.iterator(), total=issues.count(), unit="issue", file=sys.stderr):
            result = reprocess_issue(issue, known_leaders=known)
            articles += result.articles
            mentions += result.leaders
        self.stdout.write(f"重新解析 {issues.count()} 个版面；文章 {articles}，领导出现 {mentions}")
