"""Ingest issue files and folders into the archive, one transaction per file."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.ingest import IngestError, ingest_issue, known_leader_names
from articles.sources import ManifestError, collect_sources


class Command(BaseCommand):
    help = (
        "导入版面文件或目录。Ingest issue files; paper/date come from the flags, else the file "
        "name (报名_YYYY-MM-DD_版次.txt), else a folder's manifest.json, else the text."
    )

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_DIR")
        parser.add_argument("--paper", help="paper name for every file, e.g. 崇明报")
        parser.add_argument("--date", type=date.fromisoformat, help="issue date for every file, YYYY-MM-DD")
        parser.add_argument("--page", help="page label for every file, e.g. 01")

    def handle(self, *args, paths: list[Path], paper: str | None, date: date | None, page: str | None,  # noqa: A002
               **options) -> None:
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CommandError(f"找不到文件：{', '.join(missing)}")
        try:
            sources = collect_sources(paths)
        except ManifestError as exc:
            raise CommandError(str(exc)) from exc
        known = known_leader_names()
        counts = {"new": 0, "replaced": 0, "unchanged": 0, "failed": 0, "articles": 0, "leaders": 0}
        failures: list[str] = []
        progress = tqdm(sources, unit="file", file=sys.stderr, disable=len(sources) < 2)
        for source in progress:
            progress.set_postfix_str(source.path.name[-30:])
            try:
                result = ingest_issue(
                    source.path.read_bytes(), filename=source.path.name,
                    paper=paper or source.paper, issue_date=date or source.issue_date,
                    page=page if page is not None else source.page, known_leaders=known,
                )
            except (IngestError, OSError) as exc:
                counts["failed"] += 1
                failures.append(f"{source.path}: {exc}")
                continue
            counts[result.status] += 1
            if result.status != "unchanged":
                counts["articles"] += result.articles
                counts["leaders"] += result.leaders
        for line in failures:
            self.stderr.write(f"失败 {line}")
        self.stdout.write(
            "新增 {new}，替换 {replaced}，未变 {unchanged}，失败 {failed}；文章 {articles}，领导出现 {leaders}".format(**counts)
        )
        self.stdout.write(
            "new {new}, replaced {replaced}, unchanged {unchanged}, failed {failed}; "
            "articles {articles}, leader mentions {leaders}".format(**counts)
        )
        if failures:
            raise CommandError(f"{len(failures)} 个文件导入失败 ({len(failures)} file(s) failed)")
