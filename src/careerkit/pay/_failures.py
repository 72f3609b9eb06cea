"""Naming a failure: the row (and index label) it happened in, as the same error class.

A row that cannot be converted raises its own error (an unknown currency is still a
:class:`~careerkit.ValidationError`), its message starting with where it happened
(``row 3, index 'c' (amount=10.0, currency='XYZ', ...)``); the table front ends add
the Dask partition, or the text that could not be read, the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from careerkit.errors import CareerkitError, ValidationError, shown
from careerkit.pay._kinds import is_missing

if TYPE_CHECKING:
    from careerkit.pay._columns import Column, Floats

E = TypeVar("E", bound=CareerkitError)


def where(row: int, labels: Sequence[object] | None) -> str:
    """``row 3`` or ``row 3, index 'c'``: a row as an error names it."""
    return f"row {row}" if labels is None else f"row {row}, index {shown(labels[row])}"


def at_row(
    error: CareerkitError,
    row: int,
    values: Floats,
    columns: Sequence[Column],
    labels: Sequence[object] | None,
) -> CareerkitError:
    """*error* (the same class) with the row's number and values in front of its message."""
    typed = ", ".join(
        f"{column.name}={shown(plain(column.typed(row)))}"
        for column in columns
        if not (column.name == "country" and is_missing(column.typed(row)))
    )
    return prefixed(error, f"{where(row, labels)} (amount={float(values[row])!r}, {typed})")


def prefixed(error: CareerkitError, where: str) -> CareerkitError:
    """*error*, the same class with the same attributes, its message starting with *where*."""
    return reworded(error, f"{where}: {error}")


def reworded(error: E, message: str, field: str | None = None) -> E:
    """*error*, the same class with the same attributes, saying *message* (about *field*)."""
    copy = type(error).__new__(type(error))
    copy.__dict__.update(error.__dict__)
    copy.args = (f"{field}: {message}" if field else message,)
    if isinstance(copy, ValidationError):
        copy.message, copy.field = message, field
    return copy


def plain(value: object) -> object:
    """A value as the user would recognise it: numpy's scalars as plain Python."""
    item = getattr(value, "item", None)
    if type(value).__module__ == "numpy" and item is not None:
        if type(value).__name__ == "datetime64":
            return str(value)
        return item()
    if type(value).__name__ in ("Timestamp", "Period"):
        return str(value)
    return value
