"""Rebuild the search index beside PostgreSQL, or apply the pending changes (articles/search/sync.py)."""
from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from articles.search import sync


class Command(BaseCommand):
    help = "检索索引：--rebuild 从数据库重建；不带参数时只补上待同步的改动；两者都会清理已同步的改动记录。Rebuild or catch up the search index."

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("--rebuild", action="store_true", help="build a new index of every article")
        parser.add_argument("--threads", type=int, default=1, help="indexing threads for --rebuild (default 1)")

    def handle(self, *args, rebuild: bool, threads: int, **options) -> None:
        started = time.perf_counter()
        if rebuild:
            n = sync.rebuild(threads=threads)
            self.stdout.write(f"检索索引已重建：{n} 篇文章，用时 {time.perf_counter() - started:.1f} 秒")
        else:
            n = sync.catch_up()
            self.stdout.write(f"检索索引已同步：{n} 篇文章有改动")
        self.stdout.write(f"已清理 {sync.prune()} 条已同步的改动记录")
