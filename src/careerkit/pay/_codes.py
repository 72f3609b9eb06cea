"""Numbering a column: each row's code and the column's distinct values, in a few passes.

A conversion's work should grow with the rows only through passes of integer and
float arithmetic, whatever library the column comes from. Each function here turns
one kind of column into ``(codes, uniques)``: ``codes`` a numpy integer array (of
any integer type) with each row's index into ``uniques``, the list of distinct
values (a missing one as ``None``). Nothing here sorts or hashes a string per row
where the column's type allows otherwise:

- numpy text (``<U3``): the characters, seen as integers, make one integer per
  row in mixed radix (each character position's own range), counted in a table;
- Python objects: one dictionary look-up per row in C (``map``), or pandas' hash
  table where pandas is imported already;
- dates: months (a date with a day or a time counts as its calendar month), each
  distinct day turned into its month once, each row by a gather, without sorting;
- categoricals: their codes as they are.

A hash table takes values that compare equal as one: ``1`` and ``True``, ``2010`` and
``2010.0``, numpy's year ``2010`` and month ``2010-01``. Where a column of objects holds
such values, :func:`kept_apart` numbers each with its type (and a datetime64's unit),
so that each is read, or refused, as itself.

numpy is imported by the caller; pandas is never imported here.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from careerkit.pay._kinds import is_missing

if TYPE_CHECKING:
    import numpy as np

Numbered = tuple["np.ndarray[Any, Any]", list[object]]
"""Each row's code (an integer array) and the distinct values."""

_DENSE = 1 << 22  # at most this many possible values are counted in a table (16 MB of codes)
_NAT = -(1 << 63)
_TICKS_A_DAY = {"D": 1, "h": 24, "m": 1440, "s": 86_400, "ms": 86_400_000}
_TICKS_A_DAY |= {"us": 86_400_000_000, "ns": 86_400_000_000_000}


def _dense_limit(rows: int) -> int:
    return min(_DENSE, 4 * rows + 4096)


def counted(key: np.ndarray[Any, Any], size: int) -> tuple[np.ndarray[Any, Any], Any]:
    """Number the integers *key* (each from 0 to *size* - 1) by a table of *size* entries.

    Returns each row's code and the distinct integers, in increasing order.
    """
    import numpy as np

    if key.dtype != np.intp:  # numpy's index type: scatter and take() read it as it is
        key = key.view(np.intp) if key.dtype == np.uint64 else key.astype(np.intp)
    present = np.zeros(size, dtype=bool)
    present[key] = True
    found = np.flatnonzero(present)
    del present
    if len(found) == size:
        return key, found  # every value occurs: the key is its own code
    table = np.zeros(size, dtype=np.int32)
    table[found] = np.arange(len(found), dtype=np.int32)
    return table.take(key), found


def integers(key: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], Any]:
    """Number any integers: counted from the smallest where they are close, else hashed or sorted.

    Returns each row's code and the distinct integers (increasing, unless pandas hashed them).
    """
    import numpy as np

    if len(key) == 0:
        return np.zeros(0, dtype=np.int64), key[:0]
    low, high = int(key.min()), int(key.max())
    if high - low < _dense_limit(len(key)):
        shifted = key - np.asarray(low, dtype=key.dtype)  # a new array: the input is kept
        codes, found = counted(shifted, high - low + 1)
        return codes, found + low
    pandas = sys.modules.get("pandas")
    if pandas is not None:  # imported already: its hash table
        codes, found = pandas.factorize(key)
        return codes, np.asarray(found)
    found, codes = np.unique(key, return_inverse=True)
    return codes, found


def unicode_text(array: np.ndarray[Any, Any]) -> Numbered:
    """A numpy text array (``<U5``), without a Python string per row.

    Each character position's code points span some range; each row's characters in
    mixed radix over those ranges are one integer, unique to its text. The texts are
    read back from the distinct integers. Where the ranges multiply beyond 2^63, the
    texts are sorted instead (numpy's ``unique``: exact, slower).
    """
    import numpy as np

    rows, width = len(array), array.dtype.itemsize // 4
    if rows == 0 or width == 0:
        return np.zeros(rows, dtype=np.int64), [""] if rows else []
    chars = array.view(np.uint32).reshape(rows, width)
    positions = []  # (position, lowest code point, its range)
    size = 1
    for at in range(width):
        column = chars[:, at]
        low, high = int(column.min()), int(column.max())
        if high > low:
            positions.append((at, low, high - low + 1))
            size *= high - low + 1
    if size >= 1 << 63:
        found_text, codes = np.unique(array, return_inverse=True)
        return codes, found_text.tolist()
    weights = []
    weight = 1
    for _, _, span in positions:
        weights.append(weight)
        weight *= span
    if size < _dense_limit(rows):  # one pass in uint32: wraps around, but ends below size
        multiplier = np.zeros(width, dtype=np.uint32)
        offset = 0
        for (at, low, _), weight in zip(positions, weights, strict=True):
            multiplier[at] = weight
            offset += low * weight
        key = chars @ multiplier
        key -= np.uint32(offset % (1 << 32))
        codes, found = counted(key, size)
    else:
        key = np.zeros(rows, dtype=np.uint64)
        for (at, low, _), weight in zip(positions, weights, strict=True):
            part = chars[:, at].astype(np.uint64)
            part -= np.uint64(low)
            part *= np.uint64(weight)
            key += part
            del part
        codes, found = integers(key)
    # Back from each distinct integer to its characters: the constant positions as they are.
    distinct = np.asarray(found, dtype=np.uint64)
    read = np.repeat(chars[:1], len(distinct), axis=0)
    for (at, low, span), weight in zip(positions, weights, strict=True):
        read[:, at] = (distinct // np.uint64(weight)) % np.uint64(span) + np.uint64(low)
    texts: list[object] = read.view(array.dtype).ravel().tolist()
    return codes, texts


class _Numbering(dict[object, int]):
    """Each value's number, given in the order the values are first seen."""

    def __missing__(self, value: object) -> int:
        self[value] = number = len(self)
        return number


def objects(array: np.ndarray[Any, Any]) -> Numbered:
    """A numpy array of Python objects: pandas' hash table where pandas is imported, else one
    dictionary look-up a row (``map`` in C). Missing values (``None``, NaN, ``pd.NA``) become
    ``None``; unhashable ones (a list) are each their own value, to be refused as themselves.
    """

    pandas = sys.modules.get("pandas")
    if pandas is not None:
        try:
            codes, found = pandas.factorize(array, use_na_sentinel=True)
        except TypeError:  # unhashable values: one by one below
            pass
        else:
            uniques = [None if is_missing(value) else value for value in found]
            if len(codes) and codes.min() < 0:  # missing (-1): the first value, None
                codes += 1
                uniques.insert(0, None)
            return kept_apart(array, codes, uniques)
    return numbered(array)


def _equal_across_types() -> tuple[type, ...]:
    import numpy as np

    return (bool, int, float, complex, Decimal, Fraction, np.generic)


def _kind(value: object) -> object:
    unit = getattr(value, "dtype", None)  # numpy scalars: 2010 (a year) and 2010-01 (a month)
    return type(value) if unit is None else (type(value), unit)


def kept_apart(array: Any, codes: Any, uniques: list[object]) -> Numbered:
    """*codes* and *uniques* of *array* (any array-like), with values that are equal but of different types
    (``1`` and ``True``; numpy's ``2010`` and ``2010-01``) numbered apart.

    Text, dates and other values that equal no value of another type cost one look at the
    distinct values; otherwise one more pass over the rows' types.
    """
    import numpy as np

    merging = _equal_across_types()
    if not any(isinstance(value, merging) for value in uniques):
        return codes, uniques
    array = np.asarray(array, dtype=object)  # a pandas column's values, by position
    kinds = _Numbering()
    kind_codes = np.fromiter(map(kinds.__getitem__, map(_kind, array)), np.int64, len(array))
    if len(kinds) == 1:
        return codes, uniques
    missing = np.array([value is None for value in uniques])[codes]
    kind_codes[missing] = 0  # None, NaN and pd.NA are all missing
    combined = np.asarray(codes, dtype=np.int64) * len(kinds) + kind_codes
    _, first, apart = np.unique(combined, return_index=True, return_inverse=True)
    found: list[object] = [None if uniques[codes[row]] is None else array[row] for row in first]
    return apart.reshape(-1), found


def numbered(array: np.ndarray[Any, Any]) -> Numbered:
    """:func:`objects` without pandas: one dictionary look-up a row, in C."""
    import numpy as np

    numbering = _Numbering()
    try:
        codes = np.fromiter(map(numbering.__getitem__, array), dtype=np.int64, count=len(array))
    except TypeError:  # unhashable: each its own value, refused as itself later
        return _one_by_one(array)
    uniques = [None if is_missing(value) else value for value in numbering]
    return kept_apart(array, codes, uniques)


def _one_by_one(array: np.ndarray[Any, Any]) -> Numbered:
    import numpy as np

    seen: dict[object, int] = {}
    distinct: list[object] = []
    codes = np.empty(len(array), dtype=np.int64)
    for row, item in enumerate(array.tolist()):
        value = None if is_missing(item) else item
        try:
            key: object = ("value", _kind(value), value)
            hash(key)
        except TypeError:  # unhashable: refused, as itself, when its combination is converted
            key = ("repr", type(value), repr(value))
        at = seen.get(key)
        if at is None:
            at = seen[key] = len(distinct)
            distinct.append(value)
        codes[row] = at
    return codes, distinct


def numbers(array: np.ndarray[Any, Any]) -> Numbered:
    """A numpy array of integers or floats (years): NaN is missing (``None``)."""
    import numpy as np

    if array.dtype.kind in "iu":
        codes, found = integers(array)
        return codes, found.tolist()
    missing = np.isnan(array)
    if not missing.any():
        found, codes = np.unique(array, return_inverse=True)
        return codes, found.tolist()
    found, present = np.unique(array[~missing], return_inverse=True)
    codes = np.full(len(array), len(found), dtype=np.int64)  # missing: the last value, None
    codes[~missing] = present
    return codes, [*found.tolist(), None]


def categories(codes: np.ndarray[Any, Any], values: list[object]) -> Numbered:
    """A categorical's codes and categories (``-1``: missing), as they are; where one is
    missing, each code one more and ``None`` the first value."""
    import numpy as np

    if len(codes) and int(codes.min()) < 0:  # missing (-1): the first value, None; one pass
        codes = np.add(
            codes, 1, dtype=np.promote_types(codes.dtype, np.min_scalar_type(len(values)))
        )
        values = [None, *values]
    return codes, values


def dates(array: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], list[object], Any]:
    """A numpy datetime64 array as months (years stay years), without sorting.

    Each row is read as its whole day first (ticks floor-divided, one pass); the
    distinct days (from the first to the last) are then turned into months, once
    each, and each row takes its day's month (one gather of small integers). Returns
    each row's code, the distinct values (datetime64 of months or years, then ``None``
    for NaT) and those values as one array, for reading them at once.
    """
    import numpy as np

    unit, count = np.datetime_data(array.dtype)
    step = unit if unit in ("Y", "M") else "D"
    per_day = _TICKS_A_DAY.get(unit) if count == 1 else None
    if step != "D" or per_day is None:
        if unit != step or count != 1:
            array = array.astype(f"datetime64[{step}]")  # weeks, '10s', picoseconds ...
        per_day = 1
    ticks = array.view(np.int64)
    rows = len(ticks)
    if rows == 0:
        return np.zeros(0, dtype=np.int64), [], np.zeros(0, dtype="datetime64[M]")
    low, high = int(ticks.min()), int(ticks.max())
    valid = None
    if low == _NAT:
        valid = ticks != _NAT
        if not valid.any():
            return np.zeros(rows, dtype=np.int64), [None], np.zeros(0, dtype="datetime64[M]")
        dated = ticks[valid]
        low, high = int(dated.min()), int(dated.max())
        del dated
    low, high = low // per_day, high // per_day
    if high - low >= _dense_limit(rows):  # far-apart dates: sort rather than span
        whole = ticks // per_day if per_day > 1 else ticks
        found, codes = np.unique(whole[valid] if valid is not None else whole,
                                 return_inverse=True)  # fmt: skip
        if valid is not None:
            every = np.full(rows, len(found), dtype=np.int64)
            every[valid] = codes
            codes = every
        distinct = found.astype(np.int64).view(f"datetime64[{step}]")
    else:
        codes = ticks // per_day if per_day > 1 else ticks.copy()  # a new array either way
        codes -= low
        if valid is not None:
            codes[~valid] = high - low + 1
        distinct = np.arange(low, high + 1, dtype=np.int64).view(f"datetime64[{step}]")
    values = distinct
    if step == "D":  # each distinct day's month, then each row's
        values, month_of = np.unique(distinct.astype("datetime64[M]"), return_inverse=True)
        month_of = np.append(month_of, len(values))  # NaT: after the last month
        codes = month_of.astype(np.min_scalar_type(len(values))).take(codes)
    uniques: list[object] = list(values)
    if valid is not None:
        uniques.append(None)
    return codes, uniques, values
