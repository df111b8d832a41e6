"""Write a consistent pg_dump of the whole archive to FILE (see newsarchive/backups.py)."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsarchive import backups


class Command(BaseCommand):
    help = "备份整个档案（原始文件、文章、更正、操作记录、账户）到一个 pg_dump 文件"

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        try:
            backups.backup(file)
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"backup written: {file} ({file.stat().st_size} bytes)")
