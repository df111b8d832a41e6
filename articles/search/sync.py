"""Keep the search index in step with PostgreSQL: the change log, catching up, rebuilding.

PostgreSQL triggers (migration 0011) append the id of every article inserted, updated or
deleted, and of every article whose leader mentions change, to ``articles_searchchange``, in
the same transaction as the change: whatever path writes an article (publish, correction,
reprocess, delete, bulk load), the log cannot miss it. ``catch_up`` applies the log before a
search reads the index: it re-reads those articles, replaces their documents, commits the
index and only then deletes the applied log rows (a crash in between re-applies them, which
is harmless). One PostgreSQL advisory lock makes writers take turns across processes.
"""
from __future__ import annotations

from django.db import connection, transaction

from articles.search import index

# pg_advisory_xact_lock key: "search index writer".
_LOCK_KEY = 0x5EA4C4
_TABLE = "articles_searchchange"


def _pending() -> int | None:
    with connection.cursor() as cur:
        cur.execute(f"SELECT max(id) FROM {_TABLE}")
        return cur.fetchone()[0]


def _try_lock() -> bool:
    with connection.cursor() as cur:
        cur.execute("SELECT pg_try_advisory_xact_lock(%s)", [_LOCK_KEY])
        return bool(cur.fetchone()[0])


def catch_up() -> int:
    """Apply the pending changes to the live index (building it if there is none); return how many.

    Returns 0 at once when nothing is pending or another process holds the writer: that
    search then reads the index as of a moment ago, which the next one corrects.
    """
    if index.open_live() is None:
        return rebuild()
    last = _pending()
    if last is None:
        return 0
    with transaction.atomic():
        if not _try_lock():
            return 0
        with connection.cursor() as cur:
            cur.execute(f"SELECT DISTINCT article_id FROM {_TABLE} WHERE id <= %s", [last])
            ids = [r[0] for r in cur.fetchall()]
        live = index.open_live()
        index_writer = index.writer(live)
        for article_id in ids:
            index_writer.delete_documents_by_term("id", article_id)
        index.add_all(index_writer, index.documents(ids))
        index_writer.commit()
        index_writer.wait_merging_threads()
        with connection.cursor() as cur:
            cur.execute(f"DELETE FROM {_TABLE} WHERE id <= %s", [last])
    live.reload()
    return len(ids)


def rebuild(*, threads: int = 1) -> int:
    """Build a new index of every article and make it live; return the number of articles.

    Reads one snapshot of the archive (REPEATABLE READ): log rows up to the snapshot are
    in the new index and are deleted; later ones stay for ``catch_up``.
    """
    with transaction.atomic():
        _lock()
        with connection.cursor() as cur:
            cur.execute(f"SELECT coalesce(max(id), 0) FROM {_TABLE}")
            last = cur.fetchone()[0]
        fresh, path = index.new_generation()
        index_writer = index.writer(fresh, threads)
        count = index.add_all(index_writer, index.documents())
        index_writer.commit()
        index_writer.wait_merging_threads()
        index.make_live(path)
        with connection.cursor() as cur:
            cur.execute(f"DELETE FROM {_TABLE} WHERE id <= %s", [last])
    return count


def _lock() -> None:
    """Wait for the writer lock and read one snapshot from here on (the first statement fixes it)."""
    with connection.cursor() as cur:
        if not connection.in_atomic_block or connection.savepoint_ids:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
            return
        cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cur.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
