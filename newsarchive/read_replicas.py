"""Read replicas: which database a query goes to.

With ``DATABASE_REPLICA_URLS`` set, reads made while serving a public page, a search or the
API go to one of the streaming replicas; everything else goes to the primary ("default"):
every write, every read in a request that has written (a replica may not have replayed the
write yet), the admin with its upload and editing views, sessions and accounts (a session
written at login must be found by the next request), management commands and the worker.

A request may read from replicas only inside ``replica_reads()``, which the middleware in
``newsarchive.replica_middleware`` opens for safe requests outside the admin. Within it the
first read picks one replica for the whole request (so its pages agree with each other) and
checks that it answers; a replica that does not is logged, skipped for
``NEWSARCHIVE_REPLICA_RETRY_SECONDS``, and the request reads from the primary instead, so a
replica going down never shows an error page.

With no replicas configured ``read_alias()`` is always "default" and nothing changes.
Raw SQL must use ``connections[read_alias()]`` (not ``connection``) to follow the same rule.
"""
from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

logger = logging.getLogger(__name__)

# Apps whose rows must be read where they were just written: the session saved at login and
# the accounts behind it. Their traffic is small; it always goes to the primary.
PRIMARY_ONLY_APPS = frozenset({"sessions", "auth", "contenttypes", "admin"})


@dataclass
class RequestState:
    """What one request (or ``replica_reads`` block) has decided so far."""

    # Whether this request may read from a replica at all (safe method, public page, no recent write).
    replicas_allowed: bool = True
    # Set by the first statement on the primary that writes; then every read goes to the primary.
    wrote: bool = False
    alias: str | None = None


_state: ContextVar[RequestState | None] = ContextVar("newsarchive_replica_state", default=None)

# Replicas found down, by alias: time.monotonic() before which they are not tried again.
_down_until: dict[str, float] = {}
_down_lock = threading.Lock()


def replica_aliases() -> list[str]:
    """Return the configured replica database aliases (empty without DATABASE_REPLICA_URLS)."""
    return list(getattr(settings, "DATABASE_REPLICAS", []))


@contextmanager
def replica_reads(*, allowed: bool = True) -> Iterator[RequestState]:
    """Watch the block's writes; with ``allowed``, let its reads go to a replica until it writes."""
    state = RequestState(replicas_allowed=allowed)
    token = _state.set(state)
    try:
        with connections[DEFAULT_DB_ALIAS].execute_wrapper(_note_writes):
            yield state
    finally:
        _state.reset(token)


def is_write(sql: str) -> bool:
    """Tell whether a statement may change data or take row locks (anything but a plain SELECT)."""
    words = sql.lstrip(" \t\n(").split(None, 1)
    if not words or words[0].upper() not in {"SELECT", "SHOW"}:
        return True
    upper = sql.upper()
    return any(lock in upper for lock in (" FOR UPDATE", " FOR NO KEY UPDATE", " FOR SHARE", " FOR KEY SHARE"))


def _note_writes(execute, sql, params, many, context):  # noqa: ANN001, ANN202 - Django's wrapper signature
    # Every statement on the primary passes here: the first one that writes (the ORM, raw SQL
    # or a savepoint alike) sends the rest of the request's reads to the primary. The router's
    # db_for_write cannot tell this: Django also calls it when an unsaved object is merely
    # given a related one, which writes nothing.
    if is_write(sql):
        pin_to_primary()
    return execute(sql, params, many, context)


def pin_to_primary() -> None:
    """Send every later read of the current request to the primary (called on any write)."""
    state = _state.get()
    if state is not None:
        state.wrote = True


def read_alias() -> str:
    """Return the alias the current read should use: a live replica when allowed, else "default"."""
    state = _state.get()
    if state is None or not state.replicas_allowed or state.wrote:
        return DEFAULT_DB_ALIAS
    if state.alias is None:
        state.alias = _choose_replica()
    return state.alias


def _choose_replica() -> str:
    candidates = replica_aliases()
    random.shuffle(candidates)
    now = time.monotonic()
    for alias in candidates:
        with _down_lock:
            if _down_until.get(alias, 0.0) > now:
                continue
        if _answers(alias):
            return alias
    return DEFAULT_DB_ALIAS


def _answers(alias: str) -> bool:
    """Check (once per request) that the replica's connection works, reconnecting if needed."""
    conn = connections[alias]
    try:
        if conn.connection is not None and not conn.is_usable():
            conn.close()
        conn.ensure_connection()
    except DatabaseError as exc:
        _mark_down(alias, exc)
        return False
    return True


def _mark_down(alias: str, exc: BaseException) -> None:
    """Leave the replica out for a while, close its connection and say so in the log."""
    try:
        connections[alias].close()
    except DatabaseError:
        pass
    retry = float(getattr(settings, "NEWSARCHIVE_REPLICA_RETRY_SECONDS", 10))
    with _down_lock:
        _down_until[alias] = time.monotonic() + retry
    logger.warning(
        "read replica %s is unavailable, reading from the primary (retrying it in %.0f s): %s",
        alias, retry, str(exc).strip(),
    )


def fall_back_after(exc: BaseException) -> bool:
    """After ``exc`` in a request reading from a replica, switch its reads to the primary.

    Returns True when the request may simply be run again: it was reading from a replica, has
    written nothing, and the error is the replica's (its connection no longer answers). The
    replica is then left out like one found down before the request.
    """
    state = _state.get()
    if state is None or state.wrote or state.alias in (None, DEFAULT_DB_ALIAS):
        return False
    if not isinstance(exc, DatabaseError) or connections[state.alias].is_usable():
        return False
    _mark_down(state.alias, exc)
    state.alias = DEFAULT_DB_ALIAS
    return True


def forget_down_replicas() -> None:
    """Try every replica again on the next read (after a replica was restarted)."""
    with _down_lock:
        _down_until.clear()


class ReplicaRouter:
    """Django database router: reads to ``read_alias()``, writes to the primary."""

    def db_for_read(self, model, **hints) -> str:  # noqa: ANN001
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return DEFAULT_DB_ALIAS
        return read_alias()

    def db_for_write(self, model, **hints) -> str:  # noqa: ANN001
        # The request is pinned when the write reaches the primary (_note_writes), not here.
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:  # noqa: ANN001
        # Replicas hold the same rows as the primary.
        return True

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints) -> bool:
        # Replicas are read-only copies: migrations run on the primary and replicate.
        return db == DEFAULT_DB_ALIAS or db not in replica_aliases()
