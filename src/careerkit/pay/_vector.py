"""The vectorised path: a table of pay figures at once, as float64, agreeing with ``Pay``.

Each of amount, currency, period, date and country is one value or one per row.
The rows' distinct (currency, period, date, country) combinations are found by
integer codes, each combination's exact factor is computed once through the
scalar :class:`~careerkit.Pay` path, and the amounts are multiplied by their
row's factor in float64. The results therefore agree with ``Pay`` to float64
rounding (far inside 1e-9 relative), and the work grows with the rows only
through a few passes of integer and float arithmetic.

What each part's values may be (numbers, text, dates; never ``bool`` or text as an
amount) is checked here once, by :func:`check_kind` and the functions around it, for
:func:`convert_array` and for every table front end (pandas, polars, Dask), which
describe their own columns to it.

numpy is imported on first use; pandas only where the input already is pandas.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import struct
import sys
from collections.abc import Callable, Hashable, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeVar

from careerkit.errors import (
    CareerkitError,
    ValidationError,
    WrongTypeError,
    shown,
    wrong_type,
)
from careerkit.model import _iso
from careerkit.model._checks import MAX_AMOUNT
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import Period, to_period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._bands import convert_pay, one_date
from careerkit.pay._pay import INTERNATIONAL_DOLLAR, Pay, When

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Floats = np.ndarray[Any, np.dtype[np.float64]]
    Codes = np.ndarray[Any, np.dtype[np.int64]]

__all__ = ["Errors", "conversion_failures", "convert_array"]

Errors = Literal["raise", "coerce"]
"""What a row that cannot be converted does: raise its error, or become NaN."""

E = TypeVar("E", bound=CareerkitError)

# The parts of a row that choose its factor, in the order of the combined code.
_PARTS = ("currency", "period", "when", "country")
_PLURAL = {
    "currency": "currencies",
    "period": "periods",
    "when": "dates",
    "country": "countries",
    "text": "texts",
}
_BAD_AMOUNT = "an amount must be a number from 0 to 10^15 per period"
_DENSE_LIMIT = 50_000_000
_MAX_BITS = struct.unpack("<Q", struct.pack("<d", MAX_AMOUNT))[
    0
]  # 10^15's float64 bits  # combined codes up to this are counted in a table, not sorted


class Target(NamedTuple):
    """What every row is converted to: checked once, before any row is read.

    ``front_end`` is true where the call came through a table front end (pandas,
    polars, Dask), whose arguments are ``amount=`` and ``to=``, not ``amounts=``,
    ``to_currency=`` and ``to_period=``: errors name the argument the caller typed.
    """

    currency: str | None
    period: Period | None
    prices_of: ReferenceDate | None
    schedule: WorkSchedule | None
    front_end: bool = False

    @classmethod
    def checked(
        cls,
        to_currency: str | None,
        to_period: Period | str | None,
        prices_of: When | None,
        schedule: WorkSchedule | None,
    ) -> Target:
        if to_currency is not None:
            _iso.check_currency(to_currency, field="to_currency")
        if schedule is not None and not isinstance(schedule, WorkSchedule):
            raise wrong_type(
                "a WorkSchedule (or None for WorkSchedule.BLS_FULL_TIME)", schedule, "schedule"
            )
        return cls(
            to_currency,
            None if to_period is None else to_period_checked(to_period),
            one_date(prices_of),
            schedule,
        )

    @property
    def amount_field(self) -> str:
        """The name of the amounts' argument: ``amount`` in a front end, ``amounts`` in an array."""
        return "amount" if self.front_end else "amounts"


def to_period_checked(value: Period | str) -> Period:
    try:
        return to_period(value)
    except ValidationError as error:
        raise type(error)(error.message, field="to_period") from None


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


class Outcome(NamedTuple):
    values: Floats
    reasons: np.ndarray[Any, np.dtype[np.object_]] | None


# --- reading the inputs --------------------------------------------------------------------------


def is_scalar(value: object) -> bool:
    """One value for every row (text, a number, a date), rather than one per row."""
    return isinstance(value, str | bytes) or not isinstance(value, Iterable)


def _pandas(value: object) -> Any:
    """The pandas module if *value* is a pandas object (so pandas is imported already)."""
    if type(value).__module__.startswith("pandas"):
        return sys.modules["pandas"]
    return None


# --- what a column holds: one check for convert_array and every table front end -----------------


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
    return _amount_type(type(value)) and value is not None


def _amount_type(kind: type) -> bool:
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
    pandas = _pandas(dtype)
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

    Shared by :func:`convert_array` and the pandas, polars and Dask front ends (which
    give the column's name, and Dask the kind of the frame's ``meta``, before reading
    a row).
    """
    takes = PARTS_TAKE[part]
    if kind.name in takes.accepted:
        return False
    if kind.name in takes.looked_at:
        return True
    raise refused(part, field or part, column, given, f"{kind.dtype} values")


def where(row: int, labels: Sequence[object] | None) -> str:
    """``row 3`` or ``row 3, index 'c'``: a row as an error names it."""
    return f"row {row}" if labels is None else f"row {row}, index {shown(labels[row])}"


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
    plain = _plain(item)
    return refused(
        part, field, column, given, f"{type(plain).__name__} {shown(plain)} in {where(row, labels)}"
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
    bad = {kind for kind in types if not _amount_type(kind)}
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
    pandas = _pandas(amounts)
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


def is_missing(value: object) -> bool:
    """None, NaN, NaT or ``pd.NA``: a value the row does not have."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):  # pd.NA refuses bool()
        return type(value).__name__ == "NAType"


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

    pandas = _pandas(value)
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
    """A column of datetime64 values as months (or years, for year units): see :func:`date_of`."""
    import numpy as np

    pandas = _pandas(value)
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


_PERIOD_UNITS = {"D", "B", "h", "H", "min", "T", "s", "S", "ms", "L", "us", "U", "ns", "N"}


def date_of(value: object) -> ReferenceDate | None:
    """A row's date as careerkit reads it: a year, or a month.

    A date with a day, or a time, counts as its calendar month (the month's average
    exchange rate and price index, as ``Pay`` does for a dated day; a time zone-aware
    timestamp is read in its own zone). Years stay years: annual averages.
    """
    if is_missing(value):
        return None
    if isinstance(value, ReferenceDate):
        return value if value.day is None else ReferenceDate(value.year, value.month)
    if isinstance(value, dt.date):  # also datetime and pandas Timestamp
        return ReferenceDate(value.year, value.month)
    if isinstance(value, str):
        date = ReferenceDate.parse(value, field="when")
        return date if date.day is None else ReferenceDate(date.year, date.month)
    if isinstance(value, bool):
        raise wrong_type("a date", value, "when")
    if isinstance(value, numbers.Integral):  # numpy's integers too
        return ReferenceDate(int(value))
    if isinstance(value, float):
        if not value.is_integer():
            raise ValidationError(
                f"cannot read {shown(value)} as a date: a number is read as a year, such as 2008",
                field="when",
            )
        return ReferenceDate(int(value))
    kind = type(value).__name__
    if kind == "datetime64":
        import numpy as np

        if np.datetime_data(value.dtype)[0] == "Y":  # type: ignore[attr-defined]
            return ReferenceDate(1970 + int(value.astype(np.int64)))  # type: ignore[attr-defined]
        months = int(value.astype("datetime64[M]").astype(np.int64))  # type: ignore[attr-defined]
        return ReferenceDate(1970 + months // 12, months % 12 + 1)
    if kind == "Period" and hasattr(value, "freqstr"):
        return _period_date(value)
    raise WrongTypeError(
        "expected a date: a string such as '2008-05', a year such as 2008, a datetime.date, "
        f"a numpy datetime64 or a pandas Timestamp or Period; got {kind} {shown(value)}",
        field="when",
    )


def _period_date(period: Any) -> ReferenceDate:
    """A pandas ``Period``: a calendar year, a month, or a day or less (its month)."""
    freq = str(period.freqstr)
    base = freq.split("-")[0].lstrip("0123456789")
    if base in ("Y", "A") and freq.endswith(("-DEC", "Y", "A")):
        return ReferenceDate(int(period.year))
    if base == "M" or base in _PERIOD_UNITS:
        return ReferenceDate(int(period.year), int(period.month))
    raise ValidationError(
        f"cannot read the period {shown(period)} (frequency {freq}) as a date: it spans more "
        "than one month but is not a calendar year; give its start (period.start_time) or "
        "monthly periods",
        field="when",
    )


# --- converting --------------------------------------------------------------------------------


def _currency(value: object) -> str:
    if is_missing(value):
        raise ValidationError("no currency is given for the amount", field="currency")
    if value != INTERNATIONAL_DOLLAR:
        _iso.check_currency(value, field="currency")  # type: ignore[arg-type]
    return str(value)  # numpy's str_ as str


def _period(value: object) -> Period:
    if is_missing(value):
        raise ValidationError("no period is given for the amount", field="period")
    try:
        return to_period(value)  # type: ignore[arg-type]
    except ValidationError as error:
        raise type(error)(error.message, field="period") from None


def _country(value: object) -> str | None:
    if is_missing(value):
        return None
    if not isinstance(value, str):
        raise wrong_type("an ISO 3166-1 alpha-2 country code such as 'DE'", value, "country")
    _iso.check_country(value)
    return str(value)


# Each part's check, for a value given once for every row (an argument: refused at once).
_CHECKS = {"currency": _currency, "period": _period, "when": date_of, "country": _country}


def check_value(part: str, value: object) -> None:
    """Refuse a value given once for every row that *part* cannot be: at once, as an argument."""
    _CHECKS[part](value)


def _factor(
    currency: object, period: object, when: object, country: object, target: Target
) -> float:
    """The exact factor of one combination, through the scalar path, as float64."""
    pay = convert_pay(
        Pay(1, _currency(currency), _period(period), when=date_of(when)),
        period=target.period,
        currency=target.currency,
        prices_of=target.prices_of,
        schedule=target.schedule,
        country=_country(country),
    )
    try:
        return finite(float(pay.exact))
    except OverflowError:
        return finite(math.inf)


def finite(factor: float) -> float:
    """*factor*, if every amount (at most 10^15) times it is a float64: an error, never ``inf``."""
    if not abs(factor) < sys.float_info.max / MAX_AMOUNT:
        raise ValidationError(
            f"a conversion factor of {factor!r} takes amounts beyond float64's range; "
            "convert them with Pay, which is exact"
        )
    return factor


def one_unit(name: str, distinct: Iterable[object], target: Target) -> None:
    """Refuse rows in several currencies (or periods) with nothing to bring them to one.

    *distinct* are the values of the whole column (over every Dask partition); the
    rule is the same for every front end, and its hint names the argument the caller
    has: ``to_currency=`` for :func:`convert_array`, ``to=`` for a table.
    """
    if getattr(target, name) is not None:
        return
    present = sorted({str(item) for item in distinct if not is_missing(item)})
    if len(present) < 2:
        return
    listed = ", ".join(present[:6]) + (", ..." if len(present) > 6 else "")
    problem = f"the rows are in more than one {name} ({listed})"
    if not target.front_end:
        raise ValidationError(
            f"{problem}; give to_{name}= to express them all in one", field=f"to_{name}"
        )
    currency = target.currency or (present[0] if name == "currency" else None)
    period = target.period.value if target.period is not None else None
    unit = "/".join(filter(None, [currency, period or (present[0] if name == "period" else None)]))
    raise ValidationError(
        f"{problem}; give to={unit!r} (or another {name}) to express them all in one",
        field="to",
    )


def check_errors(errors: object) -> None:
    if errors not in ("raise", "coerce"):
        raise ValidationError(
            f"errors must be 'raise' or 'coerce', got {shown(errors)}", field="errors"
        )


def run(
    amounts: npt.ArrayLike,
    parts: dict[str, object],
    target: Target,
    errors: Errors,
    *,
    reasons: bool = False,
    labels: Sequence[object] | None = None,
    names: dict[str, Hashable] | None = None,
) -> Outcome:
    """Convert every row; *parts* maps each of :data:`_PARTS` to one value or one per row.

    *labels* names the rows in an error (a frame's index); row numbers count from 0.
    *names* gives the frame's column of each part that is one (``{"currency": "cur"}``),
    for errors to name.
    """
    import numpy as np

    names = names or {}
    check_errors(errors)
    values = read_amounts(
        amounts, field=target.amount_field, column=names.get("amount"), labels=labels
    )
    rows = len(values)
    columns = [
        read_column(name, parts[name], rows, column=names.get(name), labels=labels)
        for name in _PARTS
    ]
    for column in columns:
        if column.codes is None:
            check_value(column.name, column.uniques[0])
    for column in columns[:2]:  # currency and period: see _PARTS
        one_unit(column.name, column.uniques, target)

    # One code per row for its combination: the columns' codes in mixed radix.
    sizes = [len(column.uniques) for column in columns]
    total = math.prod(sizes)
    if total >= 1 << 62:
        raise ValidationError(
            f"the rows have too many distinct values ({' x '.join(map(str, sizes))} possible "
            "combinations of currency, period, date and country); convert them in parts"
        )
    key: Codes | None = None  # None: one combination for every row
    for column, size in zip(columns, sizes, strict=True):
        if column.codes is not None:  # one value for every row: size 1, code 0
            if key is None:
                key = np.zeros(rows, dtype=np.int64)
            else:
                key *= size
            key += column.codes
    if key is None:
        ids = slots = np.zeros(1, dtype=np.intp)
        table_size = 1
    elif total <= min(_DENSE_LIMIT, 4 * rows + 4096):  # count in a table: no sort
        present = np.zeros(total, dtype=bool)
        present[key] = True
        ids = slots = np.flatnonzero(present)
        del present
        table_size = total
    else:  # more possible combinations than rows: number the ones that occur
        ids, key = np.unique(key, return_inverse=True)
        slots = np.arange(len(ids))
        table_size = len(ids)

    def per_row(table: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """Each row's entry of *table* (indexed by combination)."""
        return np.full(rows, table[0], dtype=table.dtype) if key is None else table.take(key)

    factors = np.full(table_size, np.nan)
    failed: dict[int, CareerkitError] = {}
    picks = zip(*(index.tolist() for index in np.unravel_index(ids, sizes)), strict=True)
    for slot, pick in zip(slots.tolist(), picks, strict=True):
        chosen = [column.uniques[at] for column, at in zip(columns, pick, strict=True)]
        try:
            factors[slot] = _factor(chosen[0], chosen[1], chosen[2], chosen[3], target)
        except CareerkitError as error:
            failed[slot] = error

    with np.errstate(over="ignore", invalid="ignore"):  # amounts above 10^15: refused below
        if key is None:
            result = values * factors[0]
        else:
            result = factors.take(key)
            result *= values

    # Amounts outside 0..10^15 (NaN is a missing amount, not an error). One pass over the
    # bits: a float64 from +0 to 10^15 is an unsigned integer up to 10^15's bits, while a
    # negative number (its sign bit), NaN or anything larger is above them. Only then two
    # reductions that skip NaN, and temporary arrays only where one fails.
    bad_amounts: Any = None
    if (
        rows
        and values.view(np.uint64).max() > _MAX_BITS
        and not (np.fmin.reduce(values) >= 0 and np.fmax.reduce(values) <= MAX_AMOUNT)
    ):
        bad_amounts = ~((values >= 0) & (values <= MAX_AMOUNT)) & ~np.isnan(values)
        if not bad_amounts.any():
            bad_amounts = None  # every amount missing
    bad_rows: Any = None
    if failed:
        bad_table = np.zeros(table_size, dtype=bool)
        bad_table[list(failed)] = True
        bad_rows = per_row(bad_table) & ~np.isnan(values)  # a missing amount is just missing
    if errors == "raise":
        first = [
            int(np.argmax(mask))
            for mask in (bad_amounts, bad_rows)
            if mask is not None and mask.any()
        ]
        if first:
            row = min(first)
            if bad_amounts is not None and bad_amounts[row]:
                problem: CareerkitError = ValidationError(_BAD_AMOUNT)
            else:
                problem = failed[0 if key is None else int(key[row])]
            raise _at_row(problem, row, values, columns, labels)
    reason_column = None
    if bad_amounts is not None:
        result[bad_amounts] = np.nan
    if bad_rows is not None:
        result[bad_rows] = np.nan
    if reasons:
        reason_column = np.full(rows, None, dtype=object)
        if bad_rows is not None:
            table = np.full(table_size, None, dtype=object)
            for slot, problem in failed.items():
                table[slot] = str(problem)
            reason_column[bad_rows] = per_row(table)[bad_rows]
        if bad_amounts is not None:
            for row in np.flatnonzero(bad_amounts).tolist():
                reason_column[row] = _BAD_AMOUNT
    return Outcome(result, reason_column)


def _at_row(
    error: CareerkitError,
    row: int,
    values: Floats,
    columns: Sequence[Column],
    labels: Sequence[object] | None,
) -> CareerkitError:
    """*error* (the same class) with the row's number and values in front of its message."""
    typed = ", ".join(
        f"{column.name}={shown(_plain(column.typed(row)))}"
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


def _plain(value: object) -> object:
    """A value as the user would recognise it: numpy's scalars as plain Python."""
    item = getattr(value, "item", None)
    if type(value).__module__ == "numpy" and item is not None:
        if type(value).__name__ == "datetime64":
            return str(value)
        return item()
    if type(value).__name__ in ("Timestamp", "Period"):
        return str(value)
    return value


# --- the public functions ----------------------------------------------------------------------


def _array(arguments: dict[str, Any], errors: Errors, *, reasons: bool = False) -> Outcome:
    """:func:`convert_array` (or :func:`conversion_failures`) of its *arguments* (``locals()``)."""
    target = Target.checked(
        arguments["to_currency"],
        arguments["to_period"],
        arguments["prices_of"],
        arguments["schedule"],
    )
    parts = {name: arguments[name] for name in _PARTS}
    return run(arguments["amounts"], parts, target, errors, reasons=reasons)


def convert_array(
    amounts: npt.ArrayLike,
    *,
    currency: str | Iterable[str],
    period: Period | str | Iterable[Period | str],
    when: When | Iterable[When | None] | None,
    country: str | Iterable[str | None] | None = None,
    to_currency: str | None = None,
    to_period: Period | str | None = None,
    prices_of: When | None = None,
    schedule: WorkSchedule | None = None,
    errors: Errors = "raise",
) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Convert a table of pay figures at once; returns float64 (numpy is imported on first use).

    Each of *currency*, *period*, *when* and *country* is one value for every row
    or an array (list, numpy array, pandas Series) with one per row; the target
    (*to_currency*, *to_period*, *prices_of*, *schedule*) is one for all rows. The
    steps and their order are those of :meth:`careerkit.PayBand.convert`: period,
    then the prices of *prices_of* (in the row's currency and *country*), then
    currency at *prices_of*'s rates, or at the row's own date's rates.

    Each distinct combination of currency, period, date and country is converted
    once, exactly, through :class:`~careerkit.Pay`; the amounts are then multiplied
    by their factor, so every result agrees with ``Pay`` to float64 rounding.

    Dates may be ``'2008'``, ``'2008-05'`` or ``'2008-05-14'``, years (``2008``),
    :class:`datetime.date`, numpy ``datetime64``, pandas ``Timestamp``,
    ``Period`` and ``DatetimeIndex``. **A date with a day counts as its calendar
    month** (that month's average exchange rate and price index; a time of day
    is ignored); years stay years (annual averages).

    Amounts are numbers: ``bool`` and text (even ``"10"``; ``"nan"`` too) are
    refused with :class:`~careerkit.WrongTypeError`, as is an array of a type a
    part cannot hold (durations as dates, numbers as currencies), naming the
    first row with such a value, whatever *errors* says. A missing amount (NaN,
    ``None``, ``pd.NA``) gives NaN and is not checked further. A row that cannot
    be converted (an unknown currency, a date outside
    the data, no date where one is needed, an amount below 0 or above 10^15)
    raises its error, as the same class, naming the row's number (from 0) and
    values; with ``errors="coerce"`` it gives NaN instead, and
    :func:`conversion_failures` tells each such row's reason.

    >>> convert_array([14.36, 10.0], currency="USD", period="hour", when="2008-05",
    ...               to_period="year").tolist()
    [29868.8, 20800.0]
    >>> convert_array([14.36, 25000, None], currency=["USD", "INR", "INR"],
    ...               period=["hour", "month", "month"], when=["2008-05", "2010", "2010"],
    ...               to_currency="INR", to_period="month").round(2).tolist()
    [104545.53, 25000.0, nan]
    """
    return _array(locals(), errors).values


def conversion_failures(
    amounts: npt.ArrayLike,
    *,
    currency: str | Iterable[str],
    period: Period | str | Iterable[Period | str],
    when: When | Iterable[When | None] | None,
    country: str | Iterable[str | None] | None = None,
    to_currency: str | None = None,
    to_period: Period | str | None = None,
    prices_of: When | None = None,
    schedule: WorkSchedule | None = None,
) -> np.ndarray[Any, np.dtype[np.object_]]:
    """Why each row of :func:`convert_array` (same arguments) cannot be converted.

    An object array with one entry per row: ``None`` where the row converts (or
    has no amount), otherwise the error's message, for the rows that
    ``errors="coerce"`` turns into NaN.

    >>> conversion_failures([1.0, 2.0], currency=["USD", "XYZ"], period="year",
    ...                     when="2010", to_currency="INR").tolist()
    [None, "currency: unknown currency 'XYZ': expected an ISO 4217 code in upper case, such as 'INR' or 'USD'"]
    """
    reasons = _array(locals(), "coerce", reasons=True).reasons
    assert reasons is not None  # asked for
    return reasons
