"""Work done once per process, however many threads ask for it first."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def once(function: Callable[[], T]) -> Callable[[], T]:
    """*function*, run on the first call only (under a lock, so once even when threads race)."""
    lock = threading.Lock()
    result: list[T] = []

    @functools.wraps(function)
    def run_once() -> T:
        if not result:
            with lock:
                if not result:
                    result.append(function())
        return result[0]

    return run_once
