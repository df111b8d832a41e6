"""Run one piece of work from several threads at once, as concurrent requests would."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from django.db import connection

T = TypeVar("T")


def run_together(*works: Callable[[], T]) -> tuple[list[T], list[BaseException]]:
    """Run each piece of work in its own thread, all released by one barrier so they really
    overlap; return what they returned and what they raised. Each thread closes its own
    database connection."""
    barrier = threading.Barrier(len(works))
    results: list[T] = []
    errors: list[BaseException] = []

    def one(work: Callable[[], T]) -> None:
        try:
            barrier.wait()
            results.append(work())
        except BaseException as exc:  # noqa: BLE001 - returned to the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=one, args=(work,)) for work in works]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors
