"""Ingest issue files and folders into the archive, one transaction per file."""
from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.ingest import IngestError, IngestResult, IssueFile, ingest_issues_batched
from articles.ingest.facts import FactsError
from articles.ingest.sources import ManifestError, Source, collect_sources

# Said after a file refused for its paper or date: how to give them on this door.
HOW_TO_GIVE_FACTS = "可用 --paper 报名、--date YYYY-MM-DD 指定，或在目录的 manifest.json 中写明。"


class Command(BaseCommand):
    help = (
        "导入版面文件或目录。Ingest issue files; paper, date and page come from the flags or a folder's "
        "manifest.json, else the file name (报名_YYYY-MM-DD_版次.txt), else the page (masthead, header date)."
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
        files, names, failures = read_files(sources, paper=paper, issue_date=date, page=page)
        # Pages are parsed in a pool of processes while this one stores them, one
        # transaction per issue; a handful of files is not worth starting the pool.
        workers = min(2, os.cpu_count() or 1) if len(files) >= 8 else 1
        with tqdm(total=len(files), unit="file", file=sys.stderr, disable=len(files) < 2) as progress:
            results = ingest_issues_batched(files, workers=workers, progress=progress.update)
        counts = tally(results, failed=len(failures))
        failures += [describe_failure(path, result) for path, result in zip(names, results)
                     if isinstance(result, IngestError)]
        for line in failures:
            self.stderr.write(f"失败 {line}")
        self.stdout.write("新增 {new}，替换 {replaced}，未变 {unchanged}，失败 {failed}；"
                          "文章 {articles}，领导出现 {leaders}".format(**counts))
        self.stdout.write("new {new}, replaced {replaced}, unchanged {unchanged}, failed {failed}; "
                          "articles {articles}, leader mentions {leaders}".format(**counts))
        if failures:
            raise CommandError(f"{len(failures)} 个文件导入失败 ({len(failures)} file(s) failed)")


def read_files(sources: list[Source], *, paper: str | None, issue_date: date | None,
               page: str | None) -> tuple[list[IssueFile], list[Path], list[str]]:
    """Read each source; the flags, else its manifest entry, are the facts given for the file."""
    files, names, failures = [], [], []
    for source in sources:
        try:
            data = source.path.read_bytes()
        except OSError as exc:
            failures.append(f"{source.path}: {exc.strerror}")
            continue
        files.append(IssueFile(data=data, filename=source.path.name, paper=paper or source.paper,
                               issue_date=issue_date or source.issue_date,
                               page=page if page is not None else source.page))
        names.append(source.path)
    return files, names, failures


def tally(results: list[IngestResult | IngestError], *, failed: int) -> dict[str, int]:
    """Count outcomes; articles and mentions only of issues written by this run."""
    counts = {"new": 0, "replaced": 0, "unchanged": 0, "failed": failed, "articles": 0, "leaders": 0}
    for result in results:
        if isinstance(result, IngestError):
            counts["failed"] += 1
            continue
        counts[result.status] += 1
        if result.status != "unchanged":
            counts["articles"] += result.articles
            counts["leaders"] += result.leaders
    return counts


def describe_failure(path: Path, error: IngestError) -> str:
    """The reason every door gives, plus how to give a missing paper or date on this one."""
    return f"{path}: {error}" + (f" {HOW_TO_GIVE_FACTS}" if isinstance(error, FactsError) else "")
