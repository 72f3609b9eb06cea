"""Work done once per process, however many threads ask for it first."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class once(Generic[T]):  # noqa: N801 - used as a decorator, like functools.cache
    """*function*, run on the first call only (under a lock, so once even when threads race).

    :meth:`cache_clear` forgets the result, so that the next call runs *function*
    again (``careerkit.data`` does this when the data in use changes).
    """

    def __init__(self, function: Callable[[], T]) -> None:
        self._function = function
        self._lock = threading.Lock()
        self._result: list[T] = []
        functools.update_wrapper(self, function)

    def __call__(self) -> T:
        result = self._result
        if not result:
            with self._lock:
                result = self._result
                if not result:
                    result.append(self._function())
        return result[0]

    def cache_clear(self) -> None:
        """Forget the result: the next call computes it again."""
        with self._lock:
            self._result = []


@once
def load_rapidfuzz() -> None:
    """Import rapidfuzz, once, under a lock: call it before any ``from rapidfuzz ...``.

    rapidfuzz's package imports its own modules, so two threads importing it for the
    first time in two ways (``from rapidfuzz import process`` and ``from rapidfuzz.fuzz
    import ratio``) can each wait for a module the other holds, and one of them is given a
    module half made (``ImportError: cannot import name ... from partially initialized
    module``). Every part of careerkit that uses rapidfuzz imports it after this: the
    first thread imports it whole while the others wait, then each finds it made.
    """
    import rapidfuzz  # noqa: F401 - its package imports fuzz, process, distance and utils
