"""The vectorised path: a table of pay figures at once, as float64, agreeing with ``Pay``.

Each of amount, currency, period, date and country is one value or one per row.
The rows' distinct (currency, period, date, country) combinations are found by
integer codes, each combination's exact factor is computed once through the
scalar :class:`~careerkit.Pay` path, and the amounts are multiplied by their
row's factor in float64. The results therefore agree with ``Pay`` to float64
rounding (far inside 1e-9 relative), and the work grows with the rows only
through a few passes of integer and float arithmetic.

numpy is imported on first use; pandas only where the input already is pandas.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import struct
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

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

# The parts of a row that choose its factor, in the order of the combined code.
_PARTS = ("currency", "period", "when", "country")
_PLURAL = {"currency": "currencies", "period": "periods", "when": "dates", "country": "countries"}
_BAD_AMOUNT = "an amount must be a number from 0 to 10^15 per period"
_DENSE_LIMIT = 50_000_000
_MAX_BITS = struct.unpack("<Q", struct.pack("<d", MAX_AMOUNT))[
    0
]  # 10^15's float64 bits  # combined codes up to this are counted in a table, not sorted


class Target(NamedTuple):
    """What every row is converted to: checked once, before any row is read."""

    currency: str | None
    period: Period | None
    prices_of: ReferenceDate | None
    schedule: WorkSchedule | None

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


def read_amounts(amounts: npt.ArrayLike) -> Floats:
    """The amounts as float64, missing ones (None, NaN, ``pd.NA``) as NaN; never copied needlessly."""
    import numpy as np

    values: Floats
    try:
        if _pandas(amounts) is not None and hasattr(amounts, "to_numpy"):
            values = np.asarray(amounts.to_numpy(dtype=np.float64, na_value=np.nan))
        else:
            if not isinstance(amounts, np.ndarray) and is_scalar(amounts):
                raise wrong_type("an array of amounts, one per row", amounts, "amounts")
            values = np.asarray(amounts, dtype=np.float64)
    except OverflowError:
        raise ValidationError(
            f"{shown(amounts)} holds a number beyond float64's range; amounts must be from 0 "
            "to 10^15 per period",
            field="amounts",
        ) from None
    except (TypeError, ValueError) as error:
        if isinstance(error, CareerkitError):
            raise
        raise WrongTypeError(
            f"expected an array of numbers, got {shown(amounts)} ({error})", field="amounts"
        ) from None
    if values.ndim != 1:
        raise ValidationError(
            f"expected a one-dimensional array of amounts, got shape {values.shape}",
            field="amounts",
        )
    return values


def _missing(value: object) -> bool:
    """None, NaN, NaT or ``pd.NA``: a value the row does not have."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):  # pd.NA refuses bool()
        return type(value).__name__ == "NAType"


def read_column(name: str, value: object, rows: int) -> Column:
    """*value* as a :class:`Column` of *rows* rows: one value for all, or one per row."""
    if isinstance(value, Column):
        found = value
    elif is_scalar(value):
        return Column(name, None, [value], value)
    else:
        found = _factorize(name, value)
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
        value_ = None if _missing(item) else item
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
        tz = getattr(value.dtype, "tz", None)
        if tz is not None:  # each timestamp's own wall-clock date
            value = value.dt.tz_localize(None) if hasattr(value, "dt") else value.tz_localize(None)
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
    if _missing(value):
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
    if _missing(value):
        raise ValidationError("no currency is given for the amount", field="currency")
    if value != INTERNATIONAL_DOLLAR:
        _iso.check_currency(value, field="currency")  # type: ignore[arg-type]
    return str(value)  # numpy's str_ as str


def _period(value: object) -> Period:
    if _missing(value):
        raise ValidationError("no period is given for the amount", field="period")
    try:
        return to_period(value)  # type: ignore[arg-type]
    except ValidationError as error:
        raise type(error)(error.message, field="period") from None


def _country(value: object) -> str | None:
    if _missing(value):
        return None
    if not isinstance(value, str):
        raise wrong_type("an ISO 3166-1 alpha-2 country code such as 'DE'", value, "country")
    _iso.check_country(value)
    return str(value)


# Each part's check, for a value given once for every row (an argument: refused at once).
_CHECKS = {"currency": _currency, "period": _period, "when": date_of, "country": _country}


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


def _single(columns: Sequence[Column], name: str, target: object) -> None:
    """Refuse rows in several currencies (or periods) with nothing to bring them to one."""
    column = next(column for column in columns if column.name == name)
    present = [item for item in column.uniques if not _missing(item)]
    if target is None and len(set(map(str, present))) > 1:
        shown_values = ", ".join(sorted({str(item) for item in present})[:6])
        raise ValidationError(
            f"the rows are in more than one {name} ({shown_values}{', ...' if len(present) > 6 else ''}); "
            f"give to_{name}= to express them all in one",
            field=f"to_{name}",
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
) -> Outcome:
    """Convert every row; *parts* maps each of :data:`_PARTS` to one value or one per row.

    *labels* names the rows in an error (a frame's index); row numbers count from 0.
    """
    import numpy as np

    check_errors(errors)
    values = read_amounts(amounts)
    rows = len(values)
    columns = [read_column(name, parts[name], rows) for name in _PARTS]
    for column in columns:
        if column.codes is None:
            _CHECKS[column.name](column.uniques[0])
    _single(columns, "currency", target.currency)
    _single(columns, "period", target.period)

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
    label = ""
    if labels is not None:
        label = f", index {shown(labels[row])}"
    typed = ", ".join(
        f"{column.name}={shown(_plain(column.typed(row)))}"
        for column in columns
        if not (column.name == "country" and _missing(column.typed(row)))
    )
    return prefixed(error, f"row {row}{label} (amount={float(values[row])!r}, {typed})")


def prefixed(error: CareerkitError, where: str) -> CareerkitError:
    """*error*, the same class with the same attributes, its message starting with *where*."""
    copy = type(error).__new__(type(error))
    copy.__dict__.update(error.__dict__)
    text = f"{where}: {error}"
    copy.args = (text,)
    if isinstance(copy, ValidationError):
        copy.message, copy.field = text, None
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

    A missing amount (NaN, ``None``, ``pd.NA``) gives NaN and is not checked
    further. A row that cannot be converted (an unknown currency, a date outside
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
    target = Target.checked(to_currency, to_period, prices_of, schedule)
    parts: dict[str, object] = {
        "currency": currency,
        "period": period,
        "when": when,
        "country": country,
    }
    return run(amounts, parts, target, errors).values


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
    target = Target.checked(to_currency, to_period, prices_of, schedule)
    parts: dict[str, object] = {
        "currency": currency,
        "period": period,
        "when": when,
        "country": country,
    }
    reasons = run(amounts, parts, target, "coerce", reasons=True).reasons
    assert reasons is not None  # asked for
    return reasons
