"""Provenance: the typed steps that made a converted pay figure.

Every :class:`~careerkit.Pay` carries ``provenance``, a tuple of these steps in
the order they were applied; :meth:`~careerkit.Pay.explain` renders them. Each
step records the exact values it used (a rate, two index values, a schedule),
the date of each value, and the series and official source it came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TypedDict

import attrs

from careerkit.data import SERIES, DataFile
from careerkit.model.period import Period
from careerkit.model.schedule import WorkSchedule

__all__ = ["ExchangeRateStep", "PPPStep", "PriceIndexStep", "ProvenanceStep", "ScheduleStep"]


def _number(value: Decimal) -> str:
    """For people: grouped, at most 6 decimal places (the step keeps the exact value)."""
    shown = value.quantize(Decimal("0.000001")) if value.as_tuple().exponent < -6 else value  # type: ignore[operator]
    return f"{shown.normalize():,f}"


class Cited(TypedDict):
    """The fields of a step that say where its values came from."""

    series: str
    source: str
    data: tuple[DataFile, ...]


def cite(kind: str, files: Iterable[DataFile]) -> Cited:
    """The ``series``, ``source`` and ``data`` of a step whose values came from *files*.

    Each file, series and publisher is named once, in order of use. The source is
    each file's publisher: a user's update names the publisher it came from
    (``"..., via FRED"``), never the shipped snapshot's. A step that used no value
    (prices moved within one year) names series *kind* and its publisher.
    """
    used = tuple(dict.fromkeys(files))
    if not used:
        return Cited(series=SERIES[kind].name, source=SERIES[kind].source, data=())
    return Cited(
        series="; ".join(dict.fromkeys(SERIES[file.kind].name for file in used)),
        source="; ".join(dict.fromkeys(file.publisher for file in used)),
        data=used,
    )


def _cited(source: str, series: str, data: tuple[DataFile, ...]) -> str:
    """Each publisher with its own series (``Board ...: H.10; World Bank ...: PA.NUS.FCRF``),
    for people: a step whose values came from several publishers pairs each with its series."""
    if len({file.publisher for file in data}) < 2:
        return f"{source}: {series}"
    return "; ".join(dict.fromkeys(f"{file.publisher}: {SERIES[file.kind].name}" for file in data))


def _with_data(text: str, data: tuple[DataFile, ...]) -> str:
    """*text*, naming the user's updates among *data* (the shipped snapshot goes unsaid)."""
    updates = [file.describe() for file in dict.fromkeys(data) if not file.shipped]
    return f"{text}; data: {', '.join(updates)}" if updates else text


@attrs.frozen(kw_only=True, repr=False)
class ScheduleStep:
    """A change of period under a work schedule (hour -> year: times hours a year)."""

    from_period: Period
    """The period converted from."""
    to_period: Period
    """The period converted to."""
    schedule: WorkSchedule
    """The work schedule the conversion assumed."""

    def __repr__(self) -> str:
        # Records print as summaries, values as Python (the rule: careerkit._display).
        hours = _number(self.schedule.hours_per_year)
        return (
            f"<ScheduleStep {self.from_period.value} -> {self.to_period.value}: "
            f"{hours} hours a year>"
        )

    def describe(self) -> str:
        """The step for people: one line."""
        s = self.schedule
        return (
            f"{self.from_period.value} -> {self.to_period.value} under a schedule of "
            f"{_number(s.hours_per_day)} hours a day x {_number(s.days_per_week)} days a week x "
            f"{_number(s.weeks_per_year)} weeks a year = {_number(s.hours_per_year)} hours a year"
            " (a month is a twelfth of the year)"
        )


@attrs.frozen(kw_only=True, repr=False)
class ExchangeRateStep:
    """A change of currency through US dollars, at dated average rates.

    ``rates`` holds ``(currency, units per 1 USD)`` for each non-USD side; the
    conversion is ``amount / rate(from) * rate(to)``. ``data`` names the files
    the rates came from; ``latest`` is true where ``when="latest"`` chose the date.
    """

    from_currency: str
    """The currency converted from (ISO 4217)."""
    to_currency: str
    """The currency converted to (ISO 4217)."""
    date: str
    """The date of the rates: a month (``"2008-05"``) or a year (``"2008"``)."""
    average: str  # "monthly" or "annual"
    """Which average rate was used: ``"monthly"`` or ``"annual"``."""
    rates: tuple[tuple[str, Decimal], ...]
    """``(currency, units per 1 USD)`` for each side that is not USD."""
    series: str
    """The series the rates come from."""
    source: str
    """The publisher of the rates: the official source."""
    note: str | None = None
    """How a rate was derived where the series gives none as such, else ``None``."""
    data: tuple[DataFile, ...] = ()
    """The files the rates came from."""
    latest: bool = False
    """Whether ``when="latest"`` chose :attr:`date`."""

    def __repr__(self) -> str:
        rates = ", ".join(f"{_number(rate)} {code} per USD" for code, rate in self.rates)
        latest = ", latest" if self.latest else ""
        return (
            f"<ExchangeRateStep {self.from_currency} -> {self.to_currency} {self.date}: "
            f"{rates} ({self.average} average{latest})>"
        )

    def describe(self) -> str:
        """The step for people: one line."""
        rates = ", ".join(f"{_number(rate)} {code} per USD" for code, rate in self.rates)
        latest = ", the latest both currencies have (when='latest')" if self.latest else ""
        text = (
            f"{self.from_currency} -> {self.to_currency} at {rates} "
            f"({self.average} average, {self.date}{latest}; {_cited(self.source, self.series, self.data)})"
        )
        return _with_data(f"{text}; {self.note}" if self.note else text, self.data)


@attrs.frozen(kw_only=True, repr=False)
class PriceIndexStep:
    """A move to another period's prices: ``amount * index(to) / index(from)``."""

    country: str
    """The country whose price index was used (ISO 3166-1)."""
    from_date: str
    """The date of the prices converted from."""
    to_date: str
    """The date of the prices converted to."""
    from_value: Decimal
    """The index at :attr:`from_date`."""
    to_value: Decimal
    """The index at :attr:`to_date`."""
    method: str
    """How the index values were found (a monthly index, an annual average, chained rates)."""
    series: str
    """The series the index comes from."""
    source: str
    """The publisher of the index: the official source."""
    rates: tuple[tuple[int, Decimal], ...] = ()
    """The annual % rates chained, by year, where the index is built from rates."""
    data: tuple[DataFile, ...] = ()
    """The files the index values or rates came from."""
    latest: bool = False
    """Whether ``prices_of="latest"`` chose :attr:`to_date`."""

    def __repr__(self) -> str:
        latest = ", latest" if self.latest else ""
        return (
            f"<PriceIndexStep {self.country} {self.from_date} -> {self.to_date}{latest}: "
            f"index {_number(self.from_value)} -> {_number(self.to_value)}>"
        )

    def describe(self) -> str:
        """The step for people: one line."""
        latest = " (the latest the series has: prices_of='latest')" if self.latest else ""
        text = (
            f"prices of {self.from_date} -> prices of {self.to_date}{latest} in {self.country}: "
            f"index {_number(self.from_value)} -> {_number(self.to_value)} ({self.method}; "
            f"{_cited(self.source, self.series, self.data)})"
        )
        if self.rates:
            text += "; rates: " + ", ".join(f"{year} {_number(rate)}%" for year, rate in self.rates)
        return _with_data(text, self.data)


@attrs.frozen(kw_only=True, repr=False)
class PPPStep:
    """A conversion to international dollars at a PPP conversion factor."""

    country: str
    """The country whose PPP conversion factor was used (ISO 3166-1)."""
    year: int
    """The year of the factor used."""
    factor: Decimal
    """Units of :attr:`currency` per international dollar."""
    currency: str
    """The currency converted from (ISO 4217)."""
    series: str
    """The series the factor comes from."""
    source: str
    """The publisher of the factor: the official source."""
    data: tuple[DataFile, ...] = ()
    """The files the factor came from."""
    note: str | None = None
    """Set where the caller chose the factor of another year than the figure's (``year=``)."""

    def __repr__(self) -> str:
        return (
            f"<PPPStep {self.currency} -> international $: {_number(self.factor)} "
            f"{self.currency} per international $ ({self.country}, {self.year})>"
        )

    def describe(self) -> str:
        """The step for people: one line."""
        text = (
            f"{self.currency} -> international $ at {_number(self.factor)} {self.currency} per "
            f"international $ ({self.country}, {self.year}; {_cited(self.source, self.series, self.data)})"
        )
        return _with_data(f"{text}; {self.note}" if self.note else text, self.data)


ProvenanceStep = ScheduleStep | ExchangeRateStep | PriceIndexStep | PPPStep
"""Any one step of a :class:`~careerkit.Pay`'s provenance."""


def latest_dates(steps: Iterable[ProvenanceStep]) -> list[tuple[str, str]]:
    """``("rates", "2026-06")``, ``("prices", "2026-05")``: the dates ``"latest"`` chose."""
    found = []
    for step in steps:
        if isinstance(step, ExchangeRateStep) and step.latest:
            found.append(("rates", step.date))
        elif isinstance(step, PriceIndexStep) and step.latest:
            found.append(("prices", step.to_date))
    return found
