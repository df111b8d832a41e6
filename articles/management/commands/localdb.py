"""Start, stop or show the embedded PostgreSQL server (used when DATABASE_URL is unset)."""
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsarchive import localdb


class Command(BaseCommand):
    help = "内置数据库：start | stop | status (the embedded PostgreSQL under var/)"
    requires_system_checks = []

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("action", choices=["start", "stop", "status"])

    def handle(self, *args, action: str, **options) -> None:
        if settings.DATABASE_URL:
            raise CommandError("DATABASE_URL is set: the embedded server is not used.")
        if action == "start":
            params = localdb.connection_params()
            localdb.ensure_database(settings.DATABASES["default"]["NAME"])
            self.stdout.write(f"embedded PostgreSQL running, socket {params['host']}, data {localdb.DATA_DIR}")
        elif action == "stop":
            stopped = localdb.stop()
            self.stdout.write("embedded PostgreSQL stopped" if stopped else "embedded PostgreSQL was not running")
        else:
            self.stdout.write("running" if localdb.is_running() else "stopped")
