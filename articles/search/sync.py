"""Keep the search index in step with PostgreSQL: the change log, catching up, rebuilding.

PostgreSQL triggers (migration 0011) append the id of every article inserted, updated or
deleted, and of every article whose leader mentions change, to ``articles_searchchange``,
with the writing transaction's id, in that transaction: whatever path writes an article
(publish, correction, reprocess, delete, bulk load), the log cannot miss it.

``catch_up`` only reads PostgreSQL (a search on a read replica writes nothing): it applies the
log rows it has not applied yet and remembers, beside the index, a transaction horizon (the
oldest transaction still running when it looked) and the rows at or past it it has applied.
Rows of transactions older than the horizon were all visible then, so a row committed late
with a small id is still found. Applying a row twice is harmless (delete and re-add).
``prune`` (the ``search_index`` command, a rebuild) deletes rows below the horizon.
A file lock makes the processes of one machine take turns as the index's writer.
"""
from __future__ import annotations

import fcntl
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connections, transaction

from articles.search import index
from newsarchive.read_replicas import read_alias

_TABLE = "articles_searchchange"
_STATE = "SYNC.json"


@contextmanager
def _writer_lock(*, wait: bool) -> Iterator[bool]:
    """Hold the machine-wide writer lock; yields False when ``wait`` is off and another process has it."""
    index.root().mkdir(parents=True, exist_ok=True)
    with open(index.root() / "LOCK", "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read_state(path: Path) -> dict:
    try:
        return json.loads((path / _STATE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"horizon": 0, "seen": []}


def _write_state(path: Path, horizon: int, seen: list[int]) -> None:
    tmp = path / f"{_STATE}.tmp"
    tmp.write_text(json.dumps({"horizon": horizon, "seen": sorted(seen)}), encoding="utf-8")
    tmp.replace(path / _STATE)


def _log_since(alias: str, horizon: int) -> tuple[int, list[tuple[int, int, int]]]:
    """Return (the oldest running transaction now, log rows of transactions from ``horizon`` on)."""
    with connections[alias].cursor() as cur:
        cur.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
        now = cur.fetchone()[0]
        cur.execute(f"SELECT id, article_id, xact::text::bigint FROM {_TABLE} WHERE xact >= %s::text::xid8",
                    [str(horizon)])
        return now, cur.fetchall()


def catch_up() -> int:
    """Apply the changes the live index has not seen (building it if there is none); return how many articles.

    Returns 0 when nothing is new, or at once when another process is writing the index:
    this search then reads the index as of a moment ago, and the next one catches up.
    """
    if index.open_live() is None:
        return rebuild()
    alias = read_alias()
    path = index.live_path()
    state = _read_state(path)
    horizon, rows = _log_since(alias, state["horizon"])
    seen = set(state["seen"])
    new_ids = sorted({article for change, article, _x in rows if change not in seen})
    if not new_ids:
        return 0  # (the horizon moves on with the next change: no file is written per search)
    with _writer_lock(wait=False) as mine:
        if not mine or index.live_path() != path or _read_state(path) != state:
            return 0  # someone else is writing (or just wrote): they apply these rows
        live = index.open_live()
        index_writer = index.writer(live)
        for article_id in new_ids:
            index_writer.delete_documents_by_term("id", article_id)
        index.add_all(index_writer, index.documents(new_ids, using=alias))
        index_writer.commit()
        index_writer.wait_merging_threads()
        live.reload()
        _write_state(path, horizon, [change for change, _a, xact in rows if xact >= horizon])
    return len(new_ids)


def rebuild(*, threads: int = 1) -> int:
    """Build a new index of every article from one snapshot and make it live; return the number of articles."""
    alias = read_alias()
    with _writer_lock(wait=True), transaction.atomic(using=alias):
        with connections[alias].cursor() as cur:
            if not connections[alias].savepoint_ids:
                cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        horizon, rows = _log_since(alias, 0)
        fresh, path = index.new_generation()
        index_writer = index.writer(fresh, threads)
        count = index.add_all(index_writer, index.documents(using=alias))
        index_writer.commit()
        index_writer.wait_merging_threads()
        _write_state(path, horizon, [change for change, _a, xact in rows if xact >= horizon])
        index.make_live(path)
    return count


def prune() -> int:
    """Delete the log rows the live index has applied (those below its horizon); return how many."""
    path = index.live_path()
    if path is None:
        return 0
    with connections["default"].cursor() as cur:
        cur.execute(f"DELETE FROM {_TABLE} WHERE xact < %s::text::xid8", [str(_read_state(path)["horizon"])])
        return cur.rowcount
