"""Ingest issue files and folders into the archive, one transaction per file."""
from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.ingest import IngestError, IssueFile, ingest_issues_batched
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
        counts = {"new": 0, "replaced": 0, "unchanged": 0, "failed": 0, "articles": 0, "leaders": 0}
        failures: list[str] = []
        files, names = [], []
        for source in sources:
            try:
                data = source.path.read_bytes()
            except OSError as exc:
                counts["failed"] += 1
                failures.append(f"{source.path}: {exc.strerror}")
                continue
            files.append(IssueFile(
                data=data, filename=source.path.name, paper=paper or source.paper,
                issue_date=date or source.issue_date, page=page if page is not None else source.page,
            ))
            names.append(source.path)
        # Pages are parsed in a pool of processes while this one stores them, one
        # transaction per issue; a handful of files is not worth starting the pool.
        workers = min(2, os.cpu_count() or 1) if len(files) >= 8 else 1
        with tqdm(total=len(files), unit="file", file=sys.stderr, disable=len(files) < 2) as progress:
            results = ingest_issues_batched(files, workers=workers, progress=progress.update)
        for path, result in zip(names, results):
            if isinstance(result, IngestError):
                counts["failed"] += 1
                failures.append(f"{path}: {result}")
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
