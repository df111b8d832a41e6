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
