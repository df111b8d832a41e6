"""Every request gets one access-log line with method, path, status and milliseconds."""
from __future__ import annotations

import logging
import re

import pytest
from django.test import Client


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def access_lines():  # noqa: ANN201
    logger = logging.getLogger("newsarchive.access")
    handler, level = _Lines(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler.lines
    logger.removeHandler(handler)
    logger.setLevel(level)


@pytest.mark.django_db
def test_one_line_per_request_with_method_path_status_and_ms(client: Client, access_lines: list[str]) -> None:
    client.get("/healthz")
    client.get("/no/such/page/?x=1")
    client.post("/healthz")
    assert len(access_lines) == 3
    assert re.fullmatch(r"GET /healthz 200 \d+\.\dms", access_lines[0])
    assert re.fullmatch(r"GET /no/such/page/\?x=1 404 \d+\.\dms", access_lines[1])
    assert re.fullmatch(r"POST /healthz 405 \d+\.\dms", access_lines[2])
