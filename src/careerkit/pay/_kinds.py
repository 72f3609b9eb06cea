"""What a table's values are, and what each part's column may hold: one check for all.

Each part of a table (amount, currency, period, date, country, and pay text) takes
values of some kinds only: never ``bool`` or text as an amount, never numbers as a
currency. :func:`check_kind` judges a column by its type alone where it can, for
:func:`~careerkit.convert_array` and for every table front end (pandas, polars,
Dask), which describe their own columns to it as a :class:`Kind`.

numpy and pandas are never imported here: a pandas dtype is recognised only where
pandas is imported already (the value is one of its objects).
"""

from __future__ import annotations

import datetime as dt
import numbers
import sys
from collections.abc import Callable, Hashable, Iterable
from decimal import Decimal
from typing import Any, NamedTuple

from careerkit.errors import WrongTypeError, shown
from careerkit.model.dates import ReferenceDate


def is_scalar(value: object) -> bool:
    """One value for every row (text, a number, a date), rather than one per row."""
    return isinstance(value, str | bytes) or not isinstance(value, Iterable)


def is_missing(value: object) -> bool:
    """None, NaN, NaT or ``pd.NA``: a value the row does not have."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):  # pd.NA refuses bool()
        return type(value).__name__ == "NAType"


def pandas_of(value: object) -> Any:
    """The pandas module if *value* is a pandas object (so pandas is imported already)."""
    if type(value).__module__.startswith("pandas"):
        return sys.modules["pandas"]
    return None


class Kind(NamedTuple):
    """What a column holds, as careerkit reads it, and its type as its library names it.

    ``name`` is one of ``number``, ``bool``, ``text``, ``date``, ``period`` (pandas
    periods), ``object`` (Python objects: each distinct one is looked at),
    ``missing`` (nothing but missing values) or ``other`` (durations, intervals,
    lists, structs, bytes, times of day, complex numbers, ...).
    """

    name: str
    dtype: str


def _is_amount(value: object) -> bool:
    return amount_type(type(value)) and value is not None


def amount_type(kind: type) -> bool:
    """Values of *kind* can be amounts: numbers (not bool, nor numpy's timedelta64), or missing."""
    if kind is float or kind is int or kind is type(None) or kind.__name__ == "NAType":
        return True
    return (
        issubclass(kind, numbers.Real | Decimal)
        and not issubclass(kind, bool)
        and kind.__name__ != "timedelta64"  # numpy counts it an integer
    )


def _is_text(value: object) -> bool:
    return isinstance(value, str)


def _is_date(value: object) -> bool:
    return (
        isinstance(value, str | dt.date | ReferenceDate)
        or _is_amount(value)
        or type(value).__name__ in ("datetime64", "Period")
    )


class _Part(NamedTuple):
    """What one part of a row takes: kinds read as they are, kinds whose values are looked at."""

    accepted: frozenset[str]
    looked_at: frozenset[str]
    takes: str  # what its values are, in "expected a column of ..."
    item: Callable[[object], bool]  # a value (not missing) of a type the part can hold


_TEXT = frozenset({"text", "missing"})
_TEXT_LOOKED_AT = frozenset({"object", "number"})  # numbers: only missing ones (NaN) pass
PARTS_TAKE: dict[str, _Part] = {
    "amount": _Part(frozenset({"number", "missing"}), frozenset({"object"}), "numbers", _is_amount),
    "currency": _Part(
        _TEXT, _TEXT_LOOKED_AT, "ISO 4217 codes as text or categorical, such as 'INR'", _is_text
    ),
    "period": _Part(
        _TEXT,
        _TEXT_LOOKED_AT,
        "period names as text or categorical ('hour', 'day', 'week', 'month', 'year')",
        _is_text,
    ),
    "country": _Part(
        _TEXT,
        _TEXT_LOOKED_AT,
        "ISO 3166-1 alpha-2 codes as text or categorical, such as 'DE'",
        _is_text,
    ),
    "when": _Part(
        frozenset({"text", "number", "date", "period", "missing"}),
        frozenset({"object"}),
        "dates (text such as '2008-05', integer years, datetime64, Date, Datetime, Timestamp "
        "or Period)",
        _is_date,
    ),
    "text": _Part(_TEXT, _TEXT_LOOKED_AT, "pay text, as text or categorical", _is_text),
}
"""Each part of a table: what its column may hold. The one place every front end reads."""

_NUMPY_KINDS = {"b": "bool", "i": "number", "u": "number", "f": "number", "U": "text", "M": "date"}


def dtype_kind(dtype: Any) -> Kind:
    """The :class:`Kind` of a numpy or pandas dtype (a pandas categorical: its categories')."""
    shown_dtype = str(dtype)
    pandas = pandas_of(dtype)
    if pandas is not None:
        if isinstance(dtype, pandas.CategoricalDtype):
            return Kind(dtype_kind(dtype.categories.dtype).name, shown_dtype)
        if isinstance(dtype, pandas.StringDtype):
            return Kind("text", shown_dtype)
        if isinstance(dtype, pandas.PeriodDtype):
            return Kind("period", shown_dtype)
        if isinstance(dtype, pandas.SparseDtype):
            return Kind(dtype_kind(dtype.subtype).name, shown_dtype)
        if isinstance(dtype, pandas.ArrowDtype):  # kind "O" is a list, a struct, a decimal, ...
            pa = sys.modules["pyarrow"]  # imported by pandas for the dtype

            if pa.types.is_decimal(dtype.pyarrow_dtype):
                return Kind("number", shown_dtype)
            if pa.types.is_null(dtype.pyarrow_dtype):
                return Kind("missing", shown_dtype)
            return Kind(_NUMPY_KINDS.get(dtype.kind, "other"), shown_dtype)
        if isinstance(dtype, pandas.IntervalDtype):
            return Kind("other", shown_dtype)
    kind = getattr(dtype, "kind", "O")
    if pandas is None:  # numpy's: '<U3' as str
        shown_dtype = {"U": "str", "S": "bytes", "O": "object"}.get(kind, shown_dtype)
    return Kind("object" if kind == "O" else _NUMPY_KINDS.get(kind, "other"), shown_dtype)


def kind_of(values: object) -> Kind:
    """The :class:`Kind` of one part's values: a numpy array, a pandas object, or a list."""
    dtype = getattr(values, "dtype", None)
    if dtype is None or not type(dtype).__module__.startswith(("numpy", "pandas")):
        return Kind("object", type(values).__name__)  # a list, or another library's array
    return dtype_kind(dtype)


def refused(
    part: str, field: str, column: Hashable | None, given: object, problem: str
) -> WrongTypeError:
    """The error for a *part* that cannot hold what it was given: *problem* says what that is.

    *column* names the frame's column, where the values are one (``None`` for an array).
    """
    takes = PARTS_TAKE[part].takes
    if column is not None:
        got = f"a column of {takes}, got column {shown(column)}: {problem}"
    elif isinstance(given, list | tuple):
        got = f"an array of {takes}, got {shown(given)}: {problem}"
    else:
        got = f"an array of {takes}, got {problem}"
    return WrongTypeError(f"expected {got}", field=field)


def check_kind(
    part: str,
    kind: Kind,
    *,
    field: str | None = None,
    column: Hashable | None = None,
    given: object = None,
) -> bool:
    """Refuse a column *part* cannot hold (WrongTypeError); true where its values need a look.

    Shared by :func:`~careerkit.convert_array` and the pandas, polars and Dask front
    ends (which give the column's name, and Dask the kind of the frame's ``meta``,
    before reading a row).
    """
    takes = PARTS_TAKE[part]
    if kind.name in takes.accepted:
        return False
    if kind.name in takes.looked_at:
        return True
    raise refused(part, field or part, column, given, f"{kind.dtype} values")
