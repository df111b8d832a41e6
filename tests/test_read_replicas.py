"""Public reads go to a real streaming replica; writes, the admin and a replica that is down use the primary.

The standby is a ``pg_basebackup -R`` copy of the test server (tests/standby.py). Its replay is
paused in places, so that a page the primary has and the replica has not yet shows where a
request really read from.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.utils import load_backend
from django.test import Client

from articles.ingest import ingest_issue
from articles.models import Article, Issue, Paper
from newsarchive.read_replicas import forget_down_replicas, is_write, read_alias, replica_reads
from newsarchive.replica_middleware import STICKY_COOKIE
from tests.standby import Standby, StandbyUnavailable, start_standby

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"
ALIAS = "replica1"

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def standby(transactional_db: None, settings) -> Iterator[Standby]:  # noqa: ANN001
    try:
        server = start_standby(connection.get_connection_params())
    except StandbyUnavailable as exc:
        if os.environ.get("CI") == "true" and not settings.DATABASE_URL:
            raise  # the embedded server always ships pg_basebackup: under CI this must run
        pytest.skip(f"no streaming standby can be started for this server: {exc}")
    try:
        yield server
    finally:
        server.remove()


@pytest.fixture
def replica(standby: Standby, settings) -> Iterator[Standby]:  # noqa: ANN001
    """The standby configured as the site's one read replica, as DATABASE_REPLICA_URLS would."""
    dbname = connection.settings_dict["NAME"]
    entry = connections.configure_settings(
        {DEFAULT_DB_ALIAS: connections.settings[DEFAULT_DB_ALIAS], ALIAS: standby.django_settings(dbname)}
    )[ALIAS]
    # Registered as a connection made at run time (not in DATABASES), which the test case allows.
    connections[ALIAS] = load_backend(entry["ENGINE"]).DatabaseWrapper(entry, ALIAS)
    settings.DATABASE_REPLICAS = [ALIAS]
    forget_down_replicas()
    try:
        yield standby
    finally:
        connections[ALIAS].close()
        del connections[ALIAS]
        forget_down_replicas()


def _ingest(name: str, paper: str, day: str) -> Issue:
    result = ingest_issue((SAMPLES / name).read_bytes(), filename=name, paper=paper,
                          issue_date=date.fromisoformat(day), page="01")
    return result.issue


def _primary_lsn() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        return cursor.fetchone()[0]


@contextmanager
def _statements(alias: str) -> Iterator[list[str]]:
    """Collect the SQL run through ``alias``'s connection (without connecting to it first)."""
    seen: list[str] = []

    def record(execute, sql, params, many, context):  # noqa: ANN001, ANN202
        seen.append(sql)
        return execute(sql, params, many, context)

    with connections[alias].execute_wrapper(record):
        yield seen


def _get(client: Client, url: str, **params: str):  # noqa: ANN202
    """GET ``url``; return the response and how many statements the primary and the replica ran."""
    with _statements(DEFAULT_DB_ALIAS) as primary, _statements(ALIAS) as replica:
        response = client.get(url, params)
    return response, len(primary), len(replica)


def test_public_pages_search_and_api_read_from_the_replica(replica: Standby, client: Client) -> None:
    dbname = connection.settings_dict["NAME"]
    first = _ingest("000_1812f75c900816aa.txt", "崇明报", "2025-04-19")
    replica.wait_for_replay(dbname, _primary_lsn())
    article = first.articles.order_by("position").first()
    term = article.display_title[:4]

    for url, params in [
        ("/", {}), (article.get_absolute_url(), {}), (first.get_absolute_url(), {}),
        ("/search/", {"q": term}), ("/api/search", {"q": term}), (f"/api/articles/{article.pk}", {}),
    ]:
        response, on_primary, on_replica = _get(client, url, **params)
        assert response.status_code == 200, url
        assert on_replica > 0 and on_primary == 0, (url, on_primary, on_replica)
        assert STICKY_COOKIE not in response.cookies  # nothing was written
    assert article.display_title in client.get(article.get_absolute_url()).content.decode()

    # Replay paused: an issue the primary has and the replica has not yet.
    replica.execute(dbname, "SELECT pg_wal_replay_pause()")
    second = _ingest("001_515307324d6a1a31.txt", "青浦报", "2025-03-13")
    late = second.articles.order_by("position").first()
    assert Article.objects.filter(pk=late.pk).exists()  # outside a request: the primary
    response, on_primary, _ = _get(client, late.get_absolute_url())
    assert response.status_code == 404 and on_primary == 0
    assert _get(client, f"/api/articles/{late.pk}")[0].status_code == 404
    assert late.display_title not in client.get("/search/", {"q": late.display_title[:4]}).content.decode()

    # The admin (uploads, review, editing) always works on the primary.
    admin = User.objects.create_superuser("replica-admin", "a@example.cn", "pw-replica-1")
    client.force_login(admin)
    response, on_primary, on_replica = _get(client, f"/admin/articles/issue/{second.pk}/change/")
    assert response.status_code == 200 and on_replica == 0 and on_primary > 0
    client.logout()

    # Replay resumed: once it has caught up, the replica serves the new article too.
    replica.execute(dbname, "SELECT pg_wal_replay_resume()")
    replica.wait_for_replay(dbname, _primary_lsn())
    response, on_primary, on_replica = _get(client, late.get_absolute_url())
    assert response.status_code == 200 and on_primary == 0 and on_replica > 0
    assert late.display_title in response.content.decode()


def test_a_request_that_writes_reads_from_the_primary_afterwards(replica: Standby) -> None:
    dbname = connection.settings_dict["NAME"]
    replica.wait_for_replay(dbname, _primary_lsn())
    replica.execute(dbname, "SELECT pg_wal_replay_pause()")
    try:
        with replica_reads():
            assert read_alias() == ALIAS
            assert not Paper.objects.filter(name="只在主库的报").exists()  # read on the replica
            Paper.objects.create(name="只在主库的报", slug="只在主库的报")  # the write pins the request
            assert read_alias() == DEFAULT_DB_ALIAS
            assert Paper.objects.filter(name="只在主库的报").exists()  # read on the primary
    finally:
        replica.execute(dbname, "SELECT pg_wal_replay_resume()")


def test_after_a_request_that_wrote_that_browser_reads_from_the_primary(replica: Standby, client: Client) -> None:
    dbname = connection.settings_dict["NAME"]
    User.objects.create_superuser("sticky-admin", "s@example.cn", "pw-sticky-1")
    replica.wait_for_replay(dbname, _primary_lsn())
    replica.execute(dbname, "SELECT pg_wal_replay_pause()")
    try:
        issue = _ingest("000_1812f75c900816aa.txt", "崇明报", "2025-04-19")  # not replayed yet
        url = issue.articles.order_by("position").first().get_absolute_url()
        assert client.get(url).status_code == 404

        # Logging in writes (the session, the login throttle): the answer marks this browser.
        response = client.post("/admin/login/", {"username": "sticky-admin", "password": "pw-sticky-1", "next": "/admin/"})
        assert response.status_code == 302
        assert response.cookies[STICKY_COOKIE]["max-age"] == 5
        response, on_primary, on_replica = _get(client, url)
        assert response.status_code == 200 and on_replica == 0 and on_primary > 0

        # Another browser, which wrote nothing, still reads from the replica.
        assert Client().get(url).status_code == 404
    finally:
        replica.execute(dbname, "SELECT pg_wal_replay_resume()")


def test_a_replica_that_is_down_falls_back_to_the_primary(
    replica: Standby, client: Client, caplog: pytest.LogCaptureFixture, settings,  # noqa: ANN001
) -> None:
    settings.NEWSARCHIVE_REPLICA_RETRY_SECONDS = 3600  # found down once, then skipped for the whole test
    dbname = connection.settings_dict["NAME"]
    issue = _ingest("000_1812f75c900816aa.txt", "崇明报", "2025-04-19")
    replica.wait_for_replay(dbname, _primary_lsn())
    article = issue.articles.order_by("position").first()
    response, _, on_replica = _get(client, article.get_absolute_url())
    assert response.status_code == 200 and on_replica > 0  # the replica's connection is open

    replica.stop()
    with caplog.at_level(logging.WARNING, logger="newsarchive.read_replicas"):
        for url, params in [(article.get_absolute_url(), {}), ("/search/", {"q": article.display_title[:4]}),
                            ("/api/search", {"q": article.display_title[:4]}), ("/", {})]:
            response, on_primary, on_replica = _get(client, url, **params)
            assert response.status_code == 200, url
            assert on_primary > 0 and on_replica == 0, (url, on_primary, on_replica)
    assert article.display_title in client.get(article.get_absolute_url()).content.decode()
    warnings = [r.getMessage() for r in caplog.records if r.name == "newsarchive.read_replicas"]
    # One line when it is found down; then it is skipped until the retry interval has passed.
    assert len(warnings) == 1 and "read replica replica1 is unavailable" in warnings[0], warnings


def test_a_replica_that_stops_during_a_request_is_retried_on_the_primary(
    replica: Standby, client: Client, caplog: pytest.LogCaptureFixture, settings,  # noqa: ANN001
) -> None:
    settings.NEWSARCHIVE_REPLICA_RETRY_SECONDS = 3600
    dbname = connection.settings_dict["NAME"]
    issue = _ingest("000_1812f75c900816aa.txt", "崇明报", "2025-04-19")
    replica.wait_for_replay(dbname, _primary_lsn())
    article = issue.articles.order_by("position").first()
    assert _get(client, article.get_absolute_url())[2] > 0  # the replica's connection is open and checked
    stopped: list[str] = []

    def stop_standby_first(execute, sql, params, many, context):  # noqa: ANN001, ANN202
        # The standby goes down after the request has checked it and before its first query.
        if not stopped:
            stopped.append(sql)
            replica.stop()
        return execute(sql, params, many, context)

    with caplog.at_level(logging.WARNING, logger="newsarchive.read_replicas"), \
            connections[ALIAS].execute_wrapper(stop_standby_first):
        response, on_primary, _ = _get(client, article.get_absolute_url())
    assert stopped, "the page never read from the replica"
    assert response.status_code == 200 and on_primary > 0
    assert article.display_title in response.content.decode()
    warnings = [r.getMessage() for r in caplog.records if r.name == "newsarchive.read_replicas"]
    assert len(warnings) == 1 and "read replica replica1 is unavailable" in warnings[0], warnings


def test_without_replicas_every_read_goes_to_the_primary(client: Client, settings) -> None:  # noqa: ANN001
    settings.DATABASE_REPLICAS = []
    with replica_reads():
        assert read_alias() == DEFAULT_DB_ALIAS
    with _statements(DEFAULT_DB_ALIAS) as primary:
        assert client.get("/").status_code == 200
    assert primary


@pytest.mark.parametrize(("sql", "writes"), [
    ("SELECT 1", False), ("  (SELECT id FROM articles_article) UNION (SELECT 2)", False), ("SHOW statement_timeout", False),
    ('SELECT "id" FROM "articles_issue" WHERE "id" = 1 FOR UPDATE', True), ("SELECT id FROM t FOR NO KEY UPDATE", True),
    ("INSERT INTO articles_paper VALUES (1)", True), ("UPDATE t SET a = 1", True), ("DELETE FROM t", True),
    ('SAVEPOINT "s1"', True), ("WITH x AS (DELETE FROM t RETURNING id) SELECT * FROM x", True), ("", True),
])
def test_which_statements_pin_a_request_to_the_primary(sql: str, writes: bool) -> None:
    assert is_write(sql) is writes
