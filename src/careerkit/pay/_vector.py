"""The vectorised path: many amounts at once, as float64, agreeing with ``Pay``.

Each distinct date is converted once through the exact scalar path, which gives
one exact factor per date; the amounts are then multiplied by their factor in
float64. The result therefore agrees with :class:`~careerkit.Pay` to float64
rounding (far inside 1e-9 relative).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from careerkit.errors import ValidationError, WrongTypeError, shown, wrong_type
from careerkit.model._checks import MAX_AMOUNT
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import Period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._bands import convert_pay
from careerkit.pay._pay import Pay, When

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


def _factor(
    currency: str,
    period: Period | str,
    when: ReferenceDate | None,
    to_currency: str | None,
    to_period: Period | str | None,
    prices_of: When | None,
    schedule: WorkSchedule | None,
) -> float:
    pay = convert_pay(
        Pay(1, currency, period, when=when),
        period=to_period,
        currency=to_currency,
        prices_of=prices_of,
        schedule=schedule,
    )
    try:
        return float(pay.exact)
    except OverflowError:  # beyond float64: refused by _finite, never inf
        return math.inf


def convert_array(
    amounts: npt.ArrayLike,
    *,
    currency: str,
    period: Period | str,
    when: When | Iterable[When] | None,
    to_currency: str | None = None,
    to_period: Period | str | None = None,
    prices_of: When | None = None,
    schedule: WorkSchedule | None = None,
) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Convert many amounts at once; returns float64 (numpy is imported on first use).

    The steps and their order are those of :meth:`careerkit.PayBand.convert`:
    period, then prices of *prices_of*, then currency at *prices_of*'s rates (or
    each amount's *when* where no *prices_of* is given). *when* is one date for
    all amounts or one per amount.

    >>> convert_array([14.36, 10.0], currency="USD", period="hour", when="2008-05",
    ...               to_period="year").tolist()
    [29868.8, 20800.0]
    """
    import numpy as np

    try:
        values = np.asarray(amounts, dtype=np.float64)
    except OverflowError:
        raise ValidationError(
            f"{shown(amounts)} holds a number beyond float64's range; amounts must be from 0 "
            "to 10^15 per period",
            field="amounts",
        ) from None
    except (TypeError, ValueError) as error:
        raise WrongTypeError(
            f"expected an array of numbers, got {shown(amounts)} ({error})", field="amounts"
        ) from None
    if values.ndim != 1:
        raise ValidationError(
            f"expected a one-dimensional array of amounts, got shape {values.shape}",
            field="amounts",
        )
    # Two reductions, no temporary arrays: NaN makes min() NaN, which fails the test.
    if values.size and not (values.min() >= 0 and values.max() <= MAX_AMOUNT):
        bad = np.flatnonzero(~((values >= 0) & (values <= MAX_AMOUNT)))
        raise ValidationError(
            f"amounts[{bad[0]}] is {float(values[bad[0]])!r}: amounts must be numbers from 0 "
            f"to 10^15 per period ({bad.size:,} of {values.size:,} are not)",
            field="amounts",
        )
    if when is None or isinstance(when, str | int | ReferenceDate | dt.date):
        date = None if when is None else ReferenceDate.coerce(when, field="when")
        factor = _factor(currency, period, date, to_currency, to_period, prices_of, schedule)
        _finite(np.array([factor]))
        return values * factor
    if not isinstance(when, Iterable):
        raise wrong_type("one date or one per amount", when, "when")
    dates = [str(ReferenceDate.coerce(item, field=f"when[{row}]")) for row, item in enumerate(when)]
    if len(dates) != len(values):
        raise ValidationError(f"got {len(values)} amounts but {len(dates)} dates", field="when")
    unique, index = np.unique(np.asarray(dates), return_inverse=True)
    factors = np.array(
        [
            _factor(
                currency,
                period,
                ReferenceDate.parse(str(item)),
                to_currency,
                to_period,
                prices_of,
                schedule,
            )
            for item in unique
        ],
        dtype=np.float64,
    )
    _finite(factors)
    return values * factors[index]


def _finite(factors: np.ndarray[Any, np.dtype[np.float64]]) -> None:
    """Refuse factors that could carry an amount beyond float64: an error, never ``inf``.

    Amounts are at most 10^15, so checking each distinct factor checks every product.
    """
    import numpy as np

    bad = np.flatnonzero(~(np.abs(factors) < np.finfo(np.float64).max / MAX_AMOUNT))
    if bad.size:
        raise ValidationError(
            f"a conversion factor of {float(factors[bad[0]])!r} takes amounts beyond float64's "
            "range; convert them with Pay, which is exact"
        )
