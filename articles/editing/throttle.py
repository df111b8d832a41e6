"""Refuse logins after repeated failures for one username from one address.

Every attempt is counted *before* the password is checked, in one atomic statement, so that
parallel attempts cannot all slip past the check: of 30 simultaneous wrong passwords only
``NEWSARCHIVE_LOGIN_MAX_FAILURES`` are checked and the rest are refused. The counts live in
PostgreSQL (``LoginAttempt``), shared by every web worker. A successful login clears the
count; the window (``NEWSARCHIVE_LOGIN_WINDOW_SECONDS``) starts at the first attempt.
"""
from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import connection
from django.http import HttpRequest

from articles.models import LoginAttempt

LOCKED_MESSAGE = "登录失败次数过多，请 {minutes} 分钟后再试。"


def max_failures() -> int:
    return getattr(settings, "NEWSARCHIVE_LOGIN_MAX_FAILURES", 5)


def window_seconds() -> int:
    return getattr(settings, "NEWSARCHIVE_LOGIN_WINDOW_SECONDS", 15 * 60)


def client_address(request: HttpRequest) -> str:
    """Return the peer address; X-Forwarded-For is not trusted because any client can set it."""
    return request.META.get("REMOTE_ADDR", "")


def _key(username: str, address: str) -> str:
    # Hashed: usernames are user input; the key is short, plain ASCII and reveals nothing.
    return hashlib.sha256(f"{username.strip().lower()}\n{address}".encode()).hexdigest()


def count_attempt(*, username: str, address: str) -> int:
    """Count one attempt and return the attempts in the current window, this one included.

    One INSERT … ON CONFLICT statement: PostgreSQL serialises concurrent attempts on the row,
    so each caller gets a distinct number. A window that has passed starts again at 1.
    """
    table = LoginAttempt._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} AS t (key, attempts, window_started) VALUES (%s, 1, clock_timestamp())
            ON CONFLICT (key) DO UPDATE SET
                attempts = CASE WHEN t.window_started < clock_timestamp() - make_interval(secs => %s)
                                THEN 1 ELSE t.attempts + 1 END,
                window_started = CASE WHEN t.window_started < clock_timestamp() - make_interval(secs => %s)
                                      THEN clock_timestamp() ELSE t.window_started END
            RETURNING attempts
            """,
            [_key(username, address), window_seconds(), window_seconds()],
        )
        return cursor.fetchone()[0]


def attempt_allowed(*, username: str, address: str) -> bool:
    """Count this attempt; tell whether it may go on to the password check."""
    return count_attempt(username=username, address=address) <= max_failures()


def is_locked(*, username: str, address: str) -> bool:
    """Return True if this username and address have used up their attempts (without counting one)."""
    table = LoginAttempt._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT attempts FROM {table} WHERE key = %s "
            "AND window_started >= clock_timestamp() - make_interval(secs => %s)",
            [_key(username, address), window_seconds()],
        )
        row = cursor.fetchone()
    return row is not None and row[0] >= max_failures()


def clear_failures(*, username: str, address: str) -> None:
    """Forget the attempts after a successful login."""
    LoginAttempt.objects.filter(key=_key(username, address)).delete()


def locked_message() -> str:
    return LOCKED_MESSAGE.format(minutes=max(1, window_seconds() // 60))
