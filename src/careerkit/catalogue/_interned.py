"""What many of the catalogue's careers share, made once: a figure's Decimal, a label's Text.

The catalogue's 830 careers hold about 600,000 figures written in some 43,000 ways
(one wage, one relative standard error, again and again), and O*NET's labels (a
category of education, a Job Zone's words, a related occupation's title) thousands of
times over. Both are immutable, so each distinct one is made once and shared: the
same values, equal and of the same type, in a fraction of the memory (all 830 careers
take 100 MB where they took 170), and, for the facts shared (:class:`Shared`), in less time.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from careerkit.model import Text

__all__ = ["Shared", "decimals", "figures", "labels", "prose"]

_MOST = 250_000
"""The most values kept: past it, the cache starts again (a user's releases may be large)."""

T = TypeVar("T")


class _Decimals(dict[Any, Decimal]):
    """``decimals[text]``: ``Decimal(text)``, made once per distinct text."""

    def __missing__(self, text: Any) -> Decimal:
        value = Decimal(text)  # InvalidOperation (or TypeError) for what is no number, as ever
        if type(text) is str:  # text only: 2 and 2.0 are one key, but not one Decimal
            if len(self) >= _MOST:
                self.clear()
            self[text] = value
        return value


class _Figures(dict[Any, Decimal | None]):
    """``figures[text]``: ``Decimal(text)``, made once per distinct text; ``None`` for ``""``
    (a figure the source did not publish)."""

    def __missing__(self, text: Any) -> Decimal | None:
        value = None if text == "" else Decimal(text)  # InvalidOperation for no number, as ever
        if type(text) is str:
            if len(self) >= _MOST:
                self.clear()
            self[text] = value
        return value


class _Labels(dict[Any, "Text"]):
    """``labels[text]``: ``Text(text)`` (English only), made (and validated) once per distinct
    text."""

    def __missing__(self, text: Any) -> Text:
        from careerkit.model import Text

        value = Text(text)  # ValidationError for what is no text, as ever
        if type(text) is str:
            if len(self) >= _MOST:
                self.clear()
            self[text] = value
        return value


decimals = _Decimals()
"""``decimals[text]`` is ``Decimal(text)``, shared."""

figures = _Figures()
"""``figures[text]`` is ``Decimal(text)``, shared, or ``None`` for ``""``."""

labels = _Labels()
"""``labels[text]`` is ``Text(text)``, shared."""


def prose() -> Callable[[Any], Text]:
    """``Text(text)`` (English only) for text that seldom repeats (a task statement): checked
    as the constructor checks it, and made without running it again.

    >>> from careerkit import Text
    >>> make = prose()
    >>> make("Record patients' vital signs.") == Text("Record patients' vital signs.")
    True
    >>> make(" ")
    Traceback (most recent call last):
    ...
    careerkit.errors.ValidationError: en: expected non-empty text, got ' '
    """
    from careerkit.model import Text
    from careerkit.model._checks import trusted

    new_text = trusted(Text)

    def make(text: Any) -> Text:
        if type(text) is not str or not text.strip():
            return Text(text)  # the constructor's own error (or a str subclass, as it takes)
        return new_text(en=text)

    return make


class Shared(dict[Hashable, T], Generic[T]):
    """``shared[fields]``: ``make(*fields)``, made once per distinct tuple of *fields*: for the
    immutable facts many careers hold alike (a tool, a skill's rating, a related occupation),
    each exactly as *make* would make it again.

    >>> made = Shared(lambda *fields: list(fields))
    >>> made[1, "a"] is made[1, "a"], made[1, "a"]
    (True, [1, 'a'])
    """

    def __init__(self, make: Callable[..., T]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, fields: Any) -> T:
        value = self._make(*fields)  # its error, as ever, for fields that do not make one
        if len(self) >= _MOST:
            self.clear()
        self[fields] = value
        return value
