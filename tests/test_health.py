"""/healthz answers 200 while the database answers and 503 when it does not."""
from __future__ import annotations

import psycopg2
import pytest
from django.db import connection
from django.test import Client


@pytest.mark.django_db
def test_healthz_is_ok_when_the_database_answers(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_is_not_redirected_to_https(client: Client, settings) -> None:  # noqa: ANN001
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


@pytest.mark.django_db(transaction=True)
def test_healthz_is_503_when_the_database_does_not_answer(client: Client, settings) -> None:  # noqa: ANN001
    settings.NEWSARCHIVE_HEALTH_TIMEOUT_MS = 200
    # Another session holds the table the probe reads: the database accepts connections but
    # does not answer the query, as when it is stuck or overloaded.
    params = connection.get_connection_params()
    blocker = psycopg2.connect(**params)
    try:
        with blocker.cursor() as cursor:
            cursor.execute("LOCK TABLE articles_paper IN ACCESS EXCLUSIVE MODE")
            response = client.get("/healthz")
    finally:
        blocker.rollback()
        blocker.close()
    assert response.status_code == 503
    assert b"database unavailable" in response.content
    assert client.get("/healthz").status_code == 200
