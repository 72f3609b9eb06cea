"""A figure's unit, read fast: its currency, period and date, and the factors between periods.

A :class:`~careerkit.Pay` is an amount in a unit: a currency (an ISO 4217 code, or
:data:`INTERNATIONAL_DOLLAR`), a period and, optionally, the date the figure refers to.
Reading the period and the date is on every constructor's path, and a factor between
two periods on every :meth:`~careerkit.Pay.per`'s, so each is cached here.
"""

from __future__ import annotations

import datetime as dt
import functools
from fractions import Fraction

from careerkit.errors import wrong_type
from careerkit.model.dates import ReferenceDate
from careerkit.model.period import Period, to_period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay.provenance import ScheduleStep

INTERNATIONAL_DOLLAR = "Int$"
"""The currency of :meth:`Pay.to_ppp` results: World Bank international dollars."""

When = ReferenceDate | str | int | dt.date


@functools.lru_cache(maxsize=64)
def minor_units(currency: str) -> int:
    """Decimal places of the currency's minor unit (CLDR, via babel): INR 2, JPY 0."""
    if currency == INTERNATIONAL_DOLLAR:
        return 2
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(currency))


# --- dates ---------------------------------------------------------------------------------------

_DATES: dict[str, ReferenceDate] = {}  # date strings already read, at most _MAX_DATES of them
_MAX_DATES = 1024


def to_date(when: When | None, field: str = "when") -> ReferenceDate | None:
    """*when* as a :class:`~careerkit.ReferenceDate` (``None`` stays ``None``); text read once."""
    if when is None:
        return None
    if type(when) is str:
        found = _DATES.get(when)
        if found is None:
            found = ReferenceDate.parse(when, field=field)
            if len(_DATES) >= _MAX_DATES:  # bounded: start again rather than grow
                _DATES.clear()
            _DATES[when] = found
        return found
    return ReferenceDate.coerce(when, field=field)


# --- periods -------------------------------------------------------------------------------------

PERIODS: dict[object, Period] = {
    **{period.value: period for period in Period},
    **{period: period for period in Period},  # a member hashes by its name, not its value
}
"""Each period by its name and by itself: a dict lookup where ``to_period`` would check."""


def period_of(value: Period | str) -> Period:
    """*value* as a :class:`~careerkit.Period`, refused as ``to_period`` refuses it."""
    try:
        return PERIODS[value]
    except (KeyError, TypeError):  # TypeError: an unhashable value, refused by to_period
        return to_period(value)


# The default schedule's factors, keyed by the identities of two Period members (singletons):
# hashing a WorkSchedule and two enum members costs more than the whole conversion. At most
# 25 entries. Other schedules are cached by value (equal schedules share an entry), boundedly.
FULL_TIME_FACTORS: dict[tuple[int, int], tuple[int, int, ScheduleStep]] = {}
FULL_TIME = WorkSchedule.BLS_FULL_TIME


def _hours(period: Period, schedule: WorkSchedule) -> Fraction:
    day = Fraction(schedule.hours_per_day)
    week = day * Fraction(schedule.days_per_week)
    year = week * Fraction(schedule.weeks_per_year)
    return {
        Period.HOUR: Fraction(1),
        Period.DAY: day,
        Period.WEEK: week,
        Period.MONTH: year / 12,
        Period.YEAR: year,
    }[period]


@functools.lru_cache(maxsize=256)
def _schedule_factor(
    schedule: WorkSchedule, source: Period, target: Period
) -> tuple[int, int, ScheduleStep]:
    factor = _hours(target, schedule) / _hours(source, schedule)
    step = ScheduleStep(from_period=source, to_period=target, schedule=schedule)
    return factor.numerator, factor.denominator, step


def full_time_factor(source: Period, target: Period) -> tuple[int, int, ScheduleStep]:
    """The factor from *source* to *target* under the default schedule, stored for next time."""
    found = _schedule_factor(FULL_TIME, source, target)
    FULL_TIME_FACTORS[id(source), id(target)] = found  # a race only stores the same value twice
    return found


def factor_under(
    schedule: WorkSchedule | None, source: Period, target: Period
) -> tuple[int, int, ScheduleStep]:
    """The factor from *source* to *target* under *schedule* (``None``: the default one)."""
    if schedule is None or schedule is FULL_TIME:
        found = FULL_TIME_FACTORS.get((id(source), id(target)))
        return found or full_time_factor(source, target)
    if not isinstance(schedule, WorkSchedule):
        raise wrong_type(
            "a WorkSchedule (or None for WorkSchedule.BLS_FULL_TIME)", schedule, "schedule"
        )
    return _schedule_factor(schedule, source, target)
