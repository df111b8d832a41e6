"""backup and restore round-trip the sample archive through pg_dump/pg_restore on the real server."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles.editing.events import record_event
from articles.models import Issue
from newsarchive import backups

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"
TABLES = [
    "articles_issue", "articles_article", "articles_mention", "articles_leader", "articles_district",
    "articles_paper", "articles_event", "articles_structurecorrection", "articles_leadermonth",
    "auth_user", "django_migrations",
]


def _connect(params: dict):  # noqa: ANN202
    return psycopg2.connect(**{k: v for k, v in params.items() if v not in (None, "")})


@pytest.fixture
def empty_database() -> Iterator[dict]:
    """A new, empty database on the same server, dropped afterwards."""
    params = connection.get_connection_params()
    name = f"{params['dbname']}_restore_{os.getpid()}"
    admin = _connect({**params, "dbname": "postgres"})
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**params, "dbname": name}
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _snapshot(params: dict) -> tuple[dict[str, int], dict[int, str]]:
    """Row counts per table, and every issue's sha256 computed from its stored raw bytes."""
    conn = _connect(params)
    try:
        with conn.cursor() as cursor:
            counts = {}
            for table in TABLES:
                cursor.execute(f"SELECT count(*) FROM {table}")
                counts[table] = cursor.fetchone()[0]
            cursor.execute("SELECT id, raw_bytes FROM articles_issue ORDER BY id")
            raw = {pk: hashlib.sha256(bytes(data)).hexdigest() for pk, data in cursor.fetchall()}
    finally:
        conn.close()
    return counts, raw


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_round_trips_the_sample_archive(tmp_path: Path, empty_database: dict) -> None:
    call_command("ingest_issues", str(SAMPLES), stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))
    record_event(action="reprocess", user=None, description="before the backup")
    issues = list(Issue.objects.values_list("pk", "sha256"))
    assert len(issues) == 5
    dump = tmp_path / "archive.dump"
    call_command("backup", str(dump), stdout=open(os.devnull, "w"))
    assert dump.stat().st_size > 0

    backups.restore(dump, params=empty_database)

    original_counts, original_raw = _snapshot(connection.get_connection_params())
    restored_counts, restored_raw = _snapshot(empty_database)
    assert restored_counts == original_counts
    assert original_counts["articles_article"] > 0 and original_counts["articles_event"] > 0
    assert restored_raw == original_raw == dict(issues)


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_is_not_empty(tmp_path: Path) -> None:
    dump = tmp_path / "archive.dump"
    call_command("backup", str(dump), stdout=open(os.devnull, "w"))
    with pytest.raises(CommandError, match="不是空的"):
        call_command("restore", str(dump))


@pytest.mark.django_db
def test_the_dump_tool_matches_the_server() -> None:
    tool = backups.find_tool("pg_dump", major=backups.server_major())
    assert backups.client_major(tool) >= backups.server_major()
