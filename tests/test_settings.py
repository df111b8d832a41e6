"""Settings come from the environment and are production-safe when DEBUG is off."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env},
        capture_output=True, text=True, timeout=120,
    )


def test_check_deploy_passes_with_production_settings() -> None:
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_SECRET_KEY="k" * 20 + "9f8e7d6c5b4a3!@#$%^&*()_+q8w7e6r5t4y3u2i1o",
        DJANGO_ALLOWED_HOSTS="archive.example.cn",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_secret_key_without_debug_has_no_default() -> None:
    result = manage("shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY)")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_commands_that_need_no_secret_run_without_configuration() -> None:
    result = manage("parse_issue", "tests/data/seeds/000_1812f75c900816aa.txt", "--json")
    assert result.returncode == 0, result.stderr


def test_debug_runs_with_the_development_key() -> None:
    assert manage("check", DJANGO_DEBUG="1").returncode == 0


def test_replica_urls_become_replica_aliases_that_tests_never_build() -> None:
    result = manage(
        "shell", "-c",
        "from django.conf import settings as s; d = s.DATABASES; "
        "print(s.DATABASE_REPLICAS, d['replica1']['HOST'], d['replica2']['PORT'], d['replica2']['TEST']['MIRROR'], s.DATABASE_ROUTERS)",
        DJANGO_DEBUG="1",
        DATABASE_REPLICA_URLS="postgres://reader@10.0.0.2:5432/archive, postgres://reader@10.0.0.3:5433/archive",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == (
        "['replica1', 'replica2'] 10.0.0.2 5433 default ['newsarchive.read_replicas.ReplicaRouter']"
    )


def test_without_replica_urls_there_is_only_the_primary() -> None:
    result = manage("shell", "-c", "from django.conf import settings as s; print(list(s.DATABASES), s.DATABASE_REPLICAS)",
                    DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "['default'] []"


def test_replica_urls_must_point_at_postgresql() -> None:
    result = manage("check", DJANGO_DEBUG="1", DATABASE_REPLICA_URLS="mysql://reader@10.0.0.2/archive")
    assert result.returncode != 0
    assert "DATABASE_REPLICA_URLS must point at PostgreSQL" in result.stderr
