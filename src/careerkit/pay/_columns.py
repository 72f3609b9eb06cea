"""Reading a table's columns: the amounts as float64, each other part as codes and distinct values.

Each of amount, currency, period, date and country is one value or one per row (a
list, a numpy array, a pandas Series, or a :class:`Column` a front end has read
already). A part's values are factorised (pandas' hash table where pandas is
imported already; dates by month, without sorting), so that the work of a
conversion grows with the distinct values, not the rows. What a part's column may
hold is checked here too (:mod:`careerkit.pay._kinds`), naming the first row with
a value of a wrong type.
"""

from __future__ import annotations

import sys
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from careerkit.errors import ValidationError, WrongTypeError, shown, wrong_type
from careerkit.pay._failures import plain, where
from careerkit.pay._kinds import (
    PARTS_TAKE,
    amount_type,
    check_kind,
    is_missing,
    is_scalar,
    kind_of,
    pandas_of,
    refused,
)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Floats = np.ndarray[Any, np.dtype[np.float64]]
    Codes = np.ndarray[Any, np.dtype[np.int64]]

_PLURAL = {
    "currency": "currencies",
    "period": "periods",
    "when": "dates",
    "country": "countries",
    "text": "texts",
}


class Column(NamedTuple):
    """One part of the rows: its distinct values and each row's index into them.

    ``codes`` is ``None`` where one value stands for every row. ``original`` is
    what the caller gave, to quote a row's value as it was typed.
    """

    name: str
    codes: Codes | None
    uniques: list[object]
    original: object = None

    def typed(self, row: int) -> object:
        """The value of *row* as the caller gave it."""
        if self.codes is None:
            return self.uniques[0]
        original = self.original
        iloc = getattr(original, "iloc", None)
        if iloc is not None:
            return iloc[row]
        if original is not None:
            try:
                return original[row]  # type: ignore[index]
            except (TypeError, IndexError, KeyError):
                pass
        return self.uniques[int(self.codes[row])]


def _item_refused(
    part: str,
    item: object,
    row: int,
    *,
    field: str,
    column: Hashable | None,
    given: object,
    labels: Sequence[object] | None,
) -> WrongTypeError:
    value = plain(item)
    return refused(
        part, field, column, given, f"{type(value).__name__} {shown(value)} in {where(row, labels)}"
    )


def _check_items(
    found: Column,
    *,
    column: Hashable | None,
    given: object,
    labels: Sequence[object] | None,
) -> None:
    """Refuse a value of a type the part cannot hold, naming the first row that has one.

    Only the distinct values are looked at (a column of a million rows in five
    currencies: five values).
    """
    import numpy as np

    item = PARTS_TAKE[found.name].item
    bad = [at for at, value in enumerate(found.uniques) if not (item(value) or is_missing(value))]
    if not bad:
        return
    row = 0 if found.codes is None else int(np.argmax(np.isin(found.codes, bad)))
    value = found.uniques[bad[0] if found.codes is None else int(found.codes[row])]
    raise _item_refused(
        found.name, value, row, field=found.name, column=column, given=given, labels=labels
    )


def _check_amount_items(
    items: Sequence[object],
    *,
    field: str,
    column: Hashable | None,
    given: object,
    labels: Sequence[object] | None,
) -> bool:
    """Refuse an amount that is not a number (text, bool, a date, a list ...), naming its row.

    One pass over the values' types (in C), then only the few distinct types are
    judged; true where a ``pd.NA`` needs replacing by NaN.
    """
    import numpy as np

    types = set(map(type, items))
    bad = {kind for kind in types if not amount_type(kind)}
    if bad:
        if any(issubclass(kind, list | tuple | np.ndarray) for kind in bad):
            try:  # rows of equal length: an array of more than one dimension
                shape = np.asarray(items, dtype=np.float64).shape
            except (TypeError, ValueError, OverflowError):
                pass
            else:
                raise ValidationError(
                    f"expected a one-dimensional array of amounts, got shape {shape}",
                    field=field,
                )
        row = next(row for row, item in enumerate(items) if type(item) in bad)
        raise _item_refused(
            "amount", items[row], row, field=field, column=column, given=given, labels=labels
        )
    return any(kind.__name__ == "NAType" for kind in types)


def read_amounts(
    given: npt.ArrayLike,
    *,
    field: str = "amounts",
    column: Hashable | None = None,
    labels: Sequence[object] | None = None,
) -> Floats:
    """The amounts as float64, missing ones (None, NaN, ``pd.NA``) as NaN; never copied needlessly.

    Numbers only: a float or integer array is read by its dtype alone; text, bool,
    dates and other types are refused (:class:`WrongTypeError`), and an array of
    Python objects has each value's type looked at.
    """
    import numpy as np

    amounts: Any = given
    pandas = pandas_of(amounts)
    if pandas is None and not isinstance(amounts, np.ndarray):
        if is_scalar(amounts):
            raise wrong_type("an array of amounts, one per row", amounts, field)
        # another library's array (polars, pyarrow) by its dtype; a list by its values
        amounts = np.asarray(amounts) if hasattr(amounts, "__array__") else list(amounts)
    if check_kind("amount", kind_of(amounts), field=field, column=column, given=amounts):
        items = amounts.to_numpy() if pandas is not None else amounts
        has_na = _check_amount_items(
            items, field=field, column=column, given=amounts, labels=labels
        )
        if has_na and pandas is None:  # pd.NA in a list: missing
            amounts = [None if type(item).__name__ == "NAType" else item for item in items]
    values: Floats
    try:
        if pandas is not None and hasattr(amounts, "to_numpy"):
            values = np.asarray(amounts.to_numpy(dtype=np.float64, na_value=np.nan))
        else:
            values = np.asarray(amounts, dtype=np.float64)
    except OverflowError:
        raise ValidationError(
            f"{shown(amounts)} holds a number beyond float64's range; amounts must be from 0 "
            "to 10^15 per period",
            field=field,
        ) from None
    except (TypeError, ValueError, ArithmeticError) as error:  # a ragged list, Decimal('sNaN')
        raise WrongTypeError(
            f"expected an array of numbers, got {shown(amounts)} ({error})", field=field
        ) from None
    if values.ndim != 1:
        raise ValidationError(
            f"expected a one-dimensional array of amounts, got shape {values.shape}",
            field=field,
        )
    return values


def read_column(
    name: str,
    value: object,
    rows: int,
    *,
    column: Hashable | None = None,
    labels: Sequence[object] | None = None,
) -> Column:
    """*value* as a :class:`Column` of *rows* rows: one value for all, or one per row.

    Values of a type the part cannot hold are refused here (:func:`check_kind`),
    naming *column* (the frame's column) and the first row with one; a value the
    type allows but the part does not know (``'usd'``) is its row's error, later.
    """
    if isinstance(value, Column):
        found = value  # read by a front end, which checked its kind
    elif is_scalar(value):
        return Column(name, None, [value], value)
    else:
        look = check_kind(name, kind_of(value), column=column, given=value)
        found = _factorize(name, value)
        if look:
            _check_items(found, column=column, given=value, labels=labels)
    if found.codes is not None and len(found.codes) != rows:
        raise ValidationError(
            f"got {rows:,} amounts but {len(found.codes):,} {_PLURAL[name]}: give one for every "
            "row, or one for all of them",
            field=name,
        )
    return found


def _factorize(name: str, value: object) -> Column:
    import numpy as np

    pandas = pandas_of(value)
    if pandas is None and not isinstance(value, np.ndarray):
        items = list(value)  # type: ignore[call-overload]
        value = np.empty(len(items), dtype=object)
        value[:] = items
    dtype = getattr(value, "dtype", None)
    if dtype is not None and getattr(dtype, "kind", None) == "M":  # datetime64 (with or without tz)
        return _months(name, value)
    if pandas is None:
        pandas = sys.modules.get("pandas")  # imported by the caller already: use its hash table
    if pandas is not None:
        try:
            codes, uniques = pandas.factorize(value, use_na_sentinel=True)
        except TypeError:  # unhashable values (a list in a cell): counted one by one below
            pass
        else:
            found = list(uniques)
            codes = codes.astype(np.int64, copy=False)
            if (codes < 0).any():
                codes[codes < 0] = len(found)
                found.append(None)
            return Column(name, codes, found, value)
    array = np.asarray(value)
    if array.ndim != 1:
        raise ValidationError(
            f"expected one {name} per row, got an array of shape {array.shape}", field=name
        )
    if array.dtype.kind in "US":
        uniques, codes = np.unique(array, return_inverse=True)
        return Column(name, codes.astype(np.int64), uniques.tolist(), value)
    seen: dict[object, int] = {}
    distinct: list[object] = []
    codes = np.empty(len(array), dtype=np.int64)
    for row, item in enumerate(array.tolist()):
        value_ = None if is_missing(item) else item
        try:
            key: object = ("value", value_)
            hash(key)
        except TypeError:  # unhashable: refused, as itself, when its combination is converted
            key = ("repr", type(value_), repr(value_))
        at = seen.get(key)
        if at is None:
            at = seen[key] = len(distinct)
            distinct.append(value_)
        codes[row] = at
    return Column(name, codes, distinct, value)


def _months(name: str, value: Any) -> Column:
    """A column of datetime64 values as months (or years, for year units): see :func:`careerkit.pay._part_values.date_of`."""
    import numpy as np

    pandas = pandas_of(value)
    if pandas is not None:
        arrow = isinstance(value.dtype, pandas.ArrowDtype)  # pyarrow dates and timestamps
        tz = getattr(value.dtype.pyarrow_dtype if arrow else value.dtype, "tz", None)
        if tz is not None:  # each timestamp's own wall-clock date
            value = value.dt.tz_localize(None) if hasattr(value, "dt") else value.tz_localize(None)
        if arrow:
            value = value.astype("datetime64[s]")
        array = np.asarray(value.to_numpy() if hasattr(value, "to_numpy") else value)
    else:
        array = np.asarray(value)
    unit = np.datetime_data(array.dtype)[0]
    step: Literal["Y", "M"] = "Y" if unit == "Y" else "M"
    ticks = array.astype(f"datetime64[{step}]").view(np.int64)
    nat = np.iinfo(np.int64).min
    valid = ticks != nat
    if not valid.any():
        return Column(name, np.zeros(len(ticks), dtype=np.int64), [None], value)
    dated = ticks if valid.all() else ticks[valid]
    low, high = int(dated.min()), int(dated.max())
    if high - low > 1_000_000:  # far-apart dates: sort rather than span
        uniques, codes = np.unique(ticks, return_inverse=True)
        found: list[object] = [None if t == nat else np.datetime64(int(t), step) for t in uniques]
        return Column(name, codes.astype(np.int64), found, value)
    codes = ticks - low  # a new array: the input is not touched
    found = [np.datetime64(low + offset, step) for offset in range(high - low + 1)]
    if not valid.all():
        codes[~valid] = len(found)
        found.append(None)
    return Column(name, codes, found, value)
