"""Refuse logins after repeated failures for one username from one address (cache-based).

After ``NEWSARCHIVE_LOGIN_MAX_FAILURES`` failed attempts within
``NEWSARCHIVE_LOGIN_WINDOW_SECONDS`` for the same username and IP address, further attempts
are refused until the window has passed. The count lives in Django's cache, so with the
default per-process cache each worker counts on its own: a bound, not an exact figure.
"""
from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

LOCKED_MESSAGE = "登录失败次数过多，请 {minutes} 分钟后再试。"


def max_failures() -> int:
    return getattr(settings, "NEWSARCHIVE_LOGIN_MAX_FAILURES", 5)


def window_seconds() -> int:
    return getattr(settings, "NEWSARCHIVE_LOGIN_WINDOW_SECONDS", 15 * 60)


def client_address(request: HttpRequest) -> str:
    """Return the peer address; X-Forwarded-For is not trusted because any client can set it."""
    return request.META.get("REMOTE_ADDR", "")


def _key(username: str, address: str) -> str:
    # Hashed: usernames are user input and cache keys must be short and plain ASCII.
    digest = hashlib.sha256(f"{username.strip().lower()}\n{address}".encode()).hexdigest()
    return f"login-failures:{digest}"


def is_locked(*, username: str, address: str) -> bool:
    """Return True if this username and address have used up their failed attempts."""
    return cache.get(_key(username, address), 0) >= max_failures()


def record_failure(*, username: str, address: str) -> int:
    """Count one failed attempt; the window starts at the first failure."""
    key = _key(username, address)
    if cache.add(key, 1, timeout=window_seconds()):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds())
        return 1


def clear_failures(*, username: str, address: str) -> None:
    """Forget the failures after a successful login."""
    cache.delete(_key(username, address))


def locked_message() -> str:
    return LOCKED_MESSAGE.format(minutes=max(1, window_seconds() // 60))
