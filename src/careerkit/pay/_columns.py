"""Reading a table's columns: the amounts as float64, each other part as codes and distinct values.

Each of amount, currency, period, date and country is one value or one per row (a
list, a numpy array, a pandas Series, or a :class:`Column` a front end has read
already). A part's values are numbered by the quickest exact route for their type
(:mod:`careerkit.pay._codes`: text without a Python string per row, dates as months
from their distinct days without sorting, a categorical's own codes), so that the work of a conversion
grows with the rows only through passes of integer arithmetic. What a part's column may
hold is checked here too (:mod:`careerkit.pay._kinds`), naming the first row with
a value of a wrong type.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from careerkit.errors import ValidationError, WrongTypeError, shown, wrong_type
from careerkit.pay import _codes
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

    ``codes`` is ``None`` where one value stands for every row; otherwise an array
    of any integer type (a categorical's own codes, ``int8``, are kept). ``original``
    is what the caller gave, to quote a row's value as it was typed. ``dates``, for a
    column of datetime64 values, holds the distinct months (or years) as one numpy
    array, ``uniques`` the same values one by one (then ``None`` for NaT).
    """

    name: str
    codes: Codes | None
    uniques: list[object]
    original: object = None
    dates: Any = None  # datetime64 months (or years): uniques as one array, read at once

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
    """Number *value*'s rows by the quickest exact route for its type (:mod:`careerkit.pay._codes`)."""
    import numpy as np

    pandas = pandas_of(value)
    if pandas is None and not isinstance(value, np.ndarray):
        items = list(value)  # type: ignore[call-overload]
        value = np.empty(len(items), dtype=object)
        value[:] = items
    dtype: Any = getattr(value, "dtype", None)
    if pandas is not None and isinstance(dtype, pandas.CategoricalDtype):
        found: Any = value.array if isinstance(value, pandas.Series) else value
        codes, uniques = _codes.categories(np.asarray(found.codes), list(found.categories))
        return Column(name, codes, uniques, value)
    if dtype is not None and getattr(dtype, "kind", None) == "M":  # datetime64 (with or without tz)
        return _days(name, value)
    if isinstance(value, np.ndarray):
        if value.ndim != 1:
            raise ValidationError(
                f"expected one {name} per row, got an array of shape {value.shape}", field=name
            )
        if value.dtype.kind == "U":
            return Column(name, *_codes.unicode_text(value), value)
        if value.dtype.kind in "iuf":
            return Column(name, *_codes.numbers(value), value)
        return Column(name, *_codes.objects(value), value)
    try:  # a pandas Series or Index: its hash table
        codes, uniques = pandas.factorize(value, use_na_sentinel=True)
    except TypeError:  # unhashable values (a list in a cell): counted one by one
        return Column(name, *_codes.objects(np.asarray(value, dtype=object)), value)
    # Text: tolist() gives list()'s str values at once (list() of pandas' str Index: 1.4 us each)
    text = isinstance(uniques.dtype, pandas.StringDtype)
    found_values: list[object] = uniques.tolist() if text else list(uniques)
    if len(codes) and codes.min() < 0:  # missing (-1): the first value, None; one pass
        codes += 1
        found_values.insert(0, None)
    if not text:  # objects: 1 and True, a year and a month, apart
        codes, found_values = _codes.kept_apart(value, codes, found_values)
    return Column(name, codes, found_values, value)


def _days(name: str, value: Any) -> Column:
    """A column of datetime64 values as months (years stay years), as
    :func:`careerkit.pay._part_values.date_of` reads a date: from its distinct days."""
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
    codes, uniques, values = _codes.dates(array)
    return Column(name, codes, uniques, value, values)
