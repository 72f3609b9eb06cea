"""Provenance: the typed steps that made a converted pay figure.

Every :class:`~careerkit.Pay` carries ``provenance``, a tuple of these steps in
the order they were applied; :meth:`~careerkit.Pay.explain` renders them. Each
step records the exact values it used (a rate, two index values, a schedule),
the date of each value, and the series and official source it came from.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from careerkit.model.pay_band import Period
from careerkit.model.schedule import WorkSchedule

__all__ = ["ExchangeRateStep", "PPPStep", "PriceIndexStep", "ProvenanceStep", "ScheduleStep"]


def _number(value: Decimal) -> str:
    """For people: grouped, at most 6 decimal places (the step keeps the exact value)."""
    shown = value.quantize(Decimal("0.000001")) if value.as_tuple().exponent < -6 else value  # type: ignore[operator]
    return f"{shown.normalize():,f}"


@attrs.frozen(kw_only=True)
class ScheduleStep:
    """A change of period under a work schedule (hour -> year: times hours a year)."""

    from_period: Period
    to_period: Period
    schedule: WorkSchedule

    def describe(self) -> str:
        s = self.schedule
        return (
            f"{self.from_period.value} -> {self.to_period.value} under a schedule of "
            f"{_number(s.hours_per_day)} hours a day x {_number(s.days_per_week)} days a week x "
            f"{_number(s.weeks_per_year)} weeks a year = {_number(s.hours_per_year)} hours a year"
            " (a month is a twelfth of the year)"
        )


@attrs.frozen(kw_only=True)
class ExchangeRateStep:
    """A change of currency through US dollars, at dated average rates.

    ``rates`` holds ``(currency, units per 1 USD)`` for each non-USD side; the
    conversion is ``amount / rate(from) * rate(to)``.
    """

    from_currency: str
    to_currency: str
    date: str
    average: str  # "monthly" or "annual"
    rates: tuple[tuple[str, Decimal], ...]
    series: str
    source: str
    note: str | None = None

    def describe(self) -> str:
        rates = ", ".join(f"{_number(rate)} {code} per USD" for code, rate in self.rates)
        text = (
            f"{self.from_currency} -> {self.to_currency} at {rates} "
            f"({self.average} average, {self.date}; {self.source}: {self.series})"
        )
        return f"{text}; {self.note}" if self.note else text


@attrs.frozen(kw_only=True)
class PriceIndexStep:
    """A move to another period's prices: ``amount * index(to) / index(from)``."""

    country: str
    from_date: str
    to_date: str
    from_value: Decimal
    to_value: Decimal
    method: str
    series: str
    source: str
    rates: tuple[tuple[int, Decimal], ...] = ()
    """The annual % rates chained, by year, where the index is built from rates."""

    def describe(self) -> str:
        text = (
            f"prices of {self.from_date} -> prices of {self.to_date} in {self.country}: "
            f"index {_number(self.from_value)} -> {_number(self.to_value)} ({self.method}; "
            f"{self.source}: {self.series})"
        )
        if self.rates:
            text += "; rates: " + ", ".join(f"{year} {_number(rate)}%" for year, rate in self.rates)
        return text


@attrs.frozen(kw_only=True)
class PPPStep:
    """A conversion to international dollars at a PPP conversion factor."""

    country: str
    year: int
    factor: Decimal
    currency: str
    series: str
    source: str

    def describe(self) -> str:
        return (
            f"{self.currency} -> international $ at {_number(self.factor)} {self.currency} per "
            f"international $ ({self.country}, {self.year}; {self.source}: {self.series})"
        )


ProvenanceStep = ScheduleStep | ExchangeRateStep | PriceIndexStep | PPPStep
"""Any one step of a :class:`~careerkit.Pay`'s provenance."""
