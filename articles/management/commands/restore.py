"""Restore a backup made by ``manage.py backup`` into an empty database."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsarchive import backups


class Command(BaseCommand):
    help = "从 manage.py backup 的文件恢复档案到一个空数据库"

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        try:
            backups.restore(file)
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"restored from {file}")
