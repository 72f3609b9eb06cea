"""The factor table: each distinct combination of a table's rows converted once, exactly.

A row's factor depends on its currency, period, date and country only. The rows'
columns are combined into one integer code per row (their codes in mixed radix),
the combinations that occur are numbered (counted in a table where they are few,
sorted otherwise), and each one's factor is computed once through the scalar
:class:`~careerkit.Pay` path, then kept as float64. A combination that cannot be
converted keeps its error, for the rows that have it.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from careerkit.errors import CareerkitError, ValidationError, wrong_type
from careerkit.model import _iso
from careerkit.model._checks import MAX_AMOUNT
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import Period, to_period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._bands import convert_pay, one_date
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


class FactorTable(NamedTuple):
    """Each row's combination and each combination's factor (NaN where it failed: *failed*)."""

    key: Codes | None  # each row's combination; None: one combination for every row
    factors: Floats
    failed: dict[int, CareerkitError]  # a combination's error, by its place in *factors*
    rows: int

    def per_row(self, table: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """Each row's entry of *table* (indexed by combination)."""
        import numpy as np

        if self.key is None:
            return np.full(self.rows, table[0], dtype=table.dtype)
        return table.take(self.key)


def factor_table(columns: Sequence[Column], rows: int, target: Target) -> FactorTable:
    """The factor of every combination of *columns* (those of :data:`FACTOR_PARTS`) that occurs."""
    import numpy as np

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

    factors = np.full(table_size, np.nan)
    failed: dict[int, CareerkitError] = {}
    picks = zip(*(index.tolist() for index in np.unravel_index(ids, sizes)), strict=True)
    for slot, pick in zip(slots.tolist(), picks, strict=True):
        chosen = [column.uniques[at] for column, at in zip(columns, pick, strict=True)]
        try:
            factors[slot] = _factor(chosen[0], chosen[1], chosen[2], chosen[3], target)
        except CareerkitError as error:
            failed[slot] = error
    return FactorTable(key, factors, failed, rows)
