"""Gunicorn's settings: workers from the usable cores unless WEB_CONCURRENCY says, address from PORT/BIND."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

CONF = Path(__file__).resolve().parent.parent / "newsarchive" / "gunicorn_conf.py"


def load(monkeypatch: pytest.MonkeyPatch, **env: str) -> ModuleType:
    for name in ("WEB_CONCURRENCY", "PORT", "BIND"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("gunicorn_conf_under_test", CONF)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_defaults_are_local_port_8000_and_workers_from_the_usable_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    conf = load(monkeypatch)
    assert conf.bind == "127.0.0.1:8000"
    assert conf.workers == 2 * len(os.sched_getaffinity(0)) + 1
    assert conf.accesslog is None  # requests are logged once, by newsarchive.access_log


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load(monkeypatch, WEB_CONCURRENCY="3", PORT="9001").workers == 3
    assert load(monkeypatch, PORT="9001").bind == "127.0.0.1:9001"
    assert load(monkeypatch, BIND="unix:/run/newsarchive/web.sock").bind == "unix:/run/newsarchive/web.sock"
