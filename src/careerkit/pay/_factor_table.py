"""The factor table: each distinct combination of a table's rows converted once, exactly.

A row's factor depends on its currency, period, date and country only. The rows'
columns are combined into one integer code per row (their codes in mixed radix),
and the combinations that occur are numbered (counted in a table where they are
few, hashed or sorted otherwise). Each column's distinct values are then read once
(:func:`read_distinct`: ``'2008-05-14'``, ``2008-05-31`` and a ``Timestamp`` of that
May are one month), so that combinations that differ only in how a value was
written share one factor, computed through the scalar :class:`~careerkit.Pay` path
and kept as float64.

Factors are kept between calls (for every front end, and in each Dask worker's
process), until the data in use changes (:func:`careerkit.data.use`,
``careerkit data update``): a second table of the same currencies, periods, months
and countries computes none. A combination that cannot be converted keeps its
error, for the rows that have it.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from careerkit import data
from careerkit.errors import CareerkitError, ValidationError, wrong_type
from careerkit.model import _iso
from careerkit.model._checks import MAX_AMOUNT
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import Period, to_period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._bands import convert_pay, one_date
from careerkit.pay._codes import integers
from careerkit.pay._kinds import is_missing
from careerkit.pay._part_values import country_of, currency_of, date_of, period_of
from careerkit.pay._pay import Pay
from careerkit.pay._units import When

if TYPE_CHECKING:
    import numpy as np

    from careerkit.pay._columns import Codes, Column, Floats

FACTOR_PARTS = ("currency", "period", "when", "country")
"""The parts of a row that choose its factor, in the order of the combined code."""

_DENSE_LIMIT = 50_000_000  # combined codes up to this are counted in a table, not sorted


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


def _factor(
    currency: object, period: object, when: object, country: object, target: Target
) -> float:
    """The exact factor of one combination, through the scalar path, as float64."""
    pay = convert_pay(
        Pay(1, currency_of(currency), period_of(period), when=date_of(when)),
        period=target.period,
        currency=target.currency,
        prices_of=target.prices_of,
        schedule=target.schedule,
        country=country_of(country),
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
    has: ``to_currency=`` for :func:`~careerkit.convert_array`, ``to=`` for a table.
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


FactorKey = tuple[str, Period, "ReferenceDate | None", "str | None"]
"""A combination read (:func:`read_distinct`): currency, period, date (a month or a year) and
country, as the scalar path takes them."""

_READERS = {"currency": currency_of, "period": period_of, "when": date_of, "country": country_of}
_KEPT_AT_MOST = 1 << 18  # factors kept between calls, over every target; then forgotten
_kept: dict[tuple[object, ...], dict[FactorKey, float | CareerkitError]] = {}
_kept_count = [0]
# No lock: two threads converting at once may each compute a factor the other is computing;
# both compute the same exact value, and a dict's item assignment is atomic.


def _forget() -> None:
    """The data in use changed: every kept factor may be wrong."""
    _kept.clear()
    _kept_count[0] = 0


data.on_change(_forget)


def _kept_for(target: Target) -> dict[FactorKey, float | CareerkitError]:
    """The factors kept for *target* (its currency, period, prices and schedule)."""
    where = (target.currency, target.period, target.prices_of, target.schedule)
    found = _kept.get(where)
    if found is None:
        found = _kept.setdefault(where, {})
    return found


def _keep(
    kept: dict[FactorKey, float | CareerkitError], key: FactorKey, factor: float | CareerkitError
) -> None:
    if _kept_count[0] >= _KEPT_AT_MOST:
        _forget()
    kept[key] = factor
    _kept_count[0] += 1


def _read_factor(key: FactorKey, target: Target) -> float:
    """The exact factor of a combination already read, through the scalar path, as float64."""
    currency, period, when, country = key
    pay = convert_pay(
        Pay(1, currency, period, when=when),
        period=target.period,
        currency=target.currency,
        prices_of=target.prices_of,
        schedule=target.schedule,
        country=country,
    )
    try:
        return finite(float(pay.exact))
    except OverflowError:
        return finite(math.inf)


def _kept_factor(
    kept: dict[FactorKey, float | CareerkitError], key: FactorKey, target: Target
) -> float | CareerkitError:
    found = kept.get(key)
    if found is None:
        try:
            found = _read_factor(key, target)
        except CareerkitError as error:
            found = error.with_traceback(None)  # kept: no frames held
        _keep(kept, key, found)
    return found


class Unreadable(NamedTuple):
    """A distinct value its part cannot read (``'XYZ'`` as a currency): its rows' error."""

    value: object


class Readings(NamedTuple):
    """A column's distinct values, read: each one's group, and each group's value.

    Values that read alike (``'2008-05-14'`` and ``'2008-05-31'``: May 2008) are one
    group; a value that cannot be read is a group of its own, an :class:`Unreadable`.
    """

    groups: np.ndarray[Any, np.dtype[np.intp]]
    values: list[object]


def read_distinct(column: Column) -> Readings:
    """Read each distinct value of *column* once, as its part reads it (``date_of`` ...)."""
    import numpy as np

    if column.dates is not None and column.name == "when":
        return _read_dates(column)
    read = _READERS[column.name]
    seen: dict[object, int] = {}
    values: list[object] = []
    groups = np.empty(len(column.uniques), dtype=np.intp)
    for at, value in enumerate(column.uniques):
        try:
            found = read(value)
        except CareerkitError:
            groups[at] = len(values)
            values.append(Unreadable(value))
            continue
        group = seen.get(found)
        if group is None:
            group = seen[found] = len(values)
            values.append(found)
        groups[at] = group
    return Readings(groups, values)


def _read_dates(column: Column) -> Readings:
    """Distinct datetime64 days (months, years) as months (years) at once; see ``date_of``."""
    import numpy as np

    dates = column.dates
    year_unit = np.datetime_data(dates.dtype)[0] == "Y"
    ticks = dates.view(np.int64) if year_unit else dates.astype("datetime64[M]").view(np.int64)
    distinct, groups = np.unique(ticks, return_inverse=True)
    values: list[object] = []
    for tick in distinct.tolist():
        try:
            if year_unit:
                values.append(ReferenceDate(1970 + tick))
            else:
                values.append(ReferenceDate(1970 + tick // 12, tick % 12 + 1))
        except CareerkitError:  # a year careerkit cannot hold: each day its own error
            return read_distinct(column._replace(dates=None))
    groups = groups.astype(np.intp, copy=False)
    if len(column.uniques) > len(dates):  # NaT: no date
        groups = np.append(groups, len(values))
        values.append(None)
    return Readings(groups, values)


def _unkept_factor(key: Sequence[object], target: Target) -> float | CareerkitError:
    """A combination's factor through the scalar path (a value its part cannot read raises
    its error, in the order of the parts), not kept."""
    try:
        return _factor(key[0], key[1], key[2], key[3], target)
    except CareerkitError as error:
        return error


class FactorTable(NamedTuple):
    """Each row's combination and each combination's factor (NaN where it failed).

    ``failed`` holds each failure's error by its number; ``failure`` gives each
    combination's failure number (-1: none), and is ``None`` where nothing failed.
    """

    key: Codes | None  # each row's combination; None: one combination for every row
    factors: Floats
    failed: dict[int, CareerkitError]
    failure: np.ndarray[Any, np.dtype[np.intp]] | None
    rows: int

    def per_row(self, table: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """Each row's entry of *table* (indexed by combination)."""
        import numpy as np

        if self.key is None:
            return np.full(self.rows, table[0], dtype=table.dtype)
        return table.take(self.key)

    def failed_rows(self) -> np.ndarray[Any, np.dtype[np.bool_]] | None:
        """Whether each row's combination failed; ``None`` where none did."""
        if self.failure is None:
            return None
        return self.per_row(self.failure >= 0)

    def error_of(self, row: int) -> CareerkitError:
        """The error of *row*'s combination (one that failed)."""
        assert self.failure is not None
        combination = 0 if self.key is None else int(self.key[row])
        return self.failed[int(self.failure[combination])]

    def reasons(self) -> np.ndarray[Any, np.dtype[np.object_]]:
        """Each row's error message, ``None`` where its combination converts."""
        import numpy as np

        messages = np.full(len(self.failed) + 1, None, dtype=object)  # the last: none
        for number, error in self.failed.items():
            messages[number] = str(error)
        if self.failure is None:
            return np.full(self.rows, None, dtype=object)
        return self.per_row(messages.take(self.failure))


_BLOCK = 1 << 17  # rows combined at a time: the block's key stays in the cache


def _combined(columns: Sequence[Column], sizes: Sequence[int], rows: int, total: int) -> Any:
    """One code per row for its combination: the columns' codes in mixed radix.

    Returns the key (``None``: one combination for every row) and, where *total* is
    small enough to count in a table, which combinations occur (else ``None``). The key
    is numpy's index type, which ``take`` reads without converting, and is made a block
    of rows at a time, every column's codes (any integer type) added while the block
    is in the cache.
    """
    import numpy as np

    keyed = [
        (column.codes, size)
        for column, size in zip(columns, sizes, strict=True)
        if column.codes is not None  # one value for every row: size 1, code 0
    ]
    if not keyed:
        return None, None
    key = np.empty(rows, dtype=np.intp)
    present = np.zeros(total, dtype=bool) if total <= min(_DENSE_LIMIT, 4 * rows + 4096) else None
    (first, _), rest = keyed[0], keyed[1:]
    for start in range(0, rows, _BLOCK):
        block = key[start : start + _BLOCK]
        np.copyto(block, first[start : start + _BLOCK], casting="unsafe")  # codes are >= 0
        for codes, size in rest:
            block *= size
            block += codes[start : start + _BLOCK]
        if present is not None:
            present[block] = True
    return key, present


def _distinct_factors(
    readings: Sequence[Readings], read_ids: Any, read_sizes: Sequence[int], target: Target
) -> tuple[Floats, dict[int, CareerkitError]]:
    """The factor (or error) of each distinct combination of values read, by its number."""
    import numpy as np

    kept = _kept_for(target)
    lists = [reading.values for reading in readings]
    chosen = zip(*(at.tolist() for at in np.unravel_index(np.asarray(read_ids), read_sizes)),
                 strict=True)  # fmt: skip
    found: list[float] = []
    errors: dict[int, CareerkitError] = {}
    unreadable = any(isinstance(value, Unreadable) for values in lists for value in values)
    currencies, periods, dates, countries = lists
    for number, (currency, period, date, country) in enumerate(chosen):
        key: Any = (currencies[currency], periods[period], dates[date], countries[country])
        if unreadable and any(isinstance(value, Unreadable) for value in key):
            raw = [value.value if isinstance(value, Unreadable) else value for value in key]
            factor = _unkept_factor(raw, target)
        else:
            known = kept.get(key)
            factor = _kept_factor(kept, key, target) if known is None else known
        if isinstance(factor, float):
            found.append(factor)
        else:
            errors[number] = factor
            found.append(math.nan)
    return np.array(found, dtype=np.float64), errors


def factor_table(columns: Sequence[Column], rows: int, target: Target) -> FactorTable:
    """The factor of every combination of *columns* (those of :data:`FACTOR_PARTS`) that occurs.

    Each distinct combination of read values is looked up in the factors kept in this
    process, or computed and kept.
    """
    import numpy as np

    sizes = [1 if column.codes is None else len(column.uniques) for column in columns]
    total = math.prod(sizes)
    if total >= 1 << 62:
        raise ValidationError(
            f"the rows have too many distinct values ({' x '.join(map(str, sizes))} possible "
            "combinations of currency, period, date and country); convert them in parts"
        )
    key, present = _combined(columns, sizes, rows, total)
    if key is None:
        ids = slots = np.zeros(1, dtype=np.intp)
        table_size = 1
    elif present is not None:  # counted in a table: no sort
        ids = slots = np.flatnonzero(present)
        del present
        table_size = total
    else:  # more possible combinations than rows: number the ones that occur
        key, ids = integers(key)
        slots = np.arange(len(ids))
        table_size = len(ids)

    # Each occurring combination as the values read (a day as its month): the distinct ones.
    readings = [read_distinct(column) for column in columns]
    picks = np.unravel_index(ids, sizes)
    read_key = np.zeros(len(ids), dtype=np.int64)
    read_sizes = [len(reading.values) for reading in readings]
    for reading, pick, size in zip(readings, picks, read_sizes, strict=True):
        read_key *= size
        read_key += reading.groups[pick]
    read_of, read_ids = integers(read_key)
    distinct, errors = _distinct_factors(readings, read_ids, read_sizes, target)

    factors = np.full(table_size, np.nan)
    factors[slots] = distinct.take(read_of)
    failure = None
    if errors:
        numbers = np.full(len(read_ids), -1, dtype=np.intp)
        numbers[list(errors)] = np.arange(len(errors))
        failure = np.full(table_size, -1, dtype=np.intp)
        failure[slots] = numbers.take(read_of)
        errors = dict(enumerate(errors.values()))
    return FactorTable(key, factors, errors, failure, rows)
