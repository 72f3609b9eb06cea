"""Dated factors from the shipped series: exchange rates, price indices, PPP.

Each function returns an exact factor to multiply an amount by, as a
``(numerator, denominator)`` pair, and the provenance step that says where it
came from; each is cached, since the series never change. Anything the
data cannot answer raises :class:`~careerkit.DataNotAvailableError` naming the
series and its span; nothing is extrapolated.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from careerkit import data
from careerkit.errors import DataNotAvailableError, ValidationError
from careerkit.model import _iso
from careerkit.model.dates import ReferenceDate
from careerkit.pay._exact import to_decimal
from careerkit.pay.provenance import ExchangeRateStep, PPPStep, PriceIndexStep

EURO_AREA = "EMU"  # the World Bank's code for the euro area


def _span(keys: Mapping[tuple[int, int], object] | Mapping[int, object]) -> str:
    first, last = min(keys), max(keys)
    if isinstance(first, tuple) and isinstance(last, tuple):
        return f"{first[0]}-{first[1]:02d} to {last[0]}-{last[1]:02d}"
    return f"{first} to {last}"


def _decimal(value: Fraction) -> Decimal:
    return to_decimal(value.numerator, value.denominator)


def _year_mean(monthly: Mapping[tuple[int, int], Decimal], year: int) -> Fraction | None:
    """The mean of a monthly series over *year*, or ``None`` unless all 12 months are there."""
    values = [monthly.get((year, month)) for month in range(1, 13)]
    if None in values:
        return None
    return sum((Fraction(value) for value in values if value is not None), Fraction(0)) / 12


# --- exchange rates ----------------------------------------------------------------------------


def _monthly(code: str) -> Mapping[tuple[int, int], Decimal]:
    series = data.fx_monthly().get(code)
    if series is None:
        known = ", ".join(sorted({*data.fx_monthly(), "USD"}))
        raise DataNotAvailableError(
            f"no exchange-rate series for {code!r}: careerkit ships the Federal Reserve "
            f"H.10/G.5 rates for {known}"
        )
    return series


def _rate(code: str, when: ReferenceDate) -> tuple[Decimal, str, str | None]:
    """Units of *code* per USD for *when*: (rate, "monthly"/"annual", note)."""
    monthly = _monthly(code)
    if when.month is not None:
        rate = monthly.get((when.year, when.month))
        if rate is None:
            raise DataNotAvailableError(
                f"no monthly average {code} rate for {when.year}-{when.month:02d}: the Federal "
                f"Reserve series for {code} covers {_span(monthly)}"
            )
        return rate, "monthly", None
    yearly = data.fx_yearly().get(code)
    if yearly is not None:
        rate = yearly.get(when.year)
        if rate is None:
            raise DataNotAvailableError(
                f"no annual average {code} rate for {when.year}: the Federal Reserve G.5A "
                f"series for {code} covers {_span(yearly)}"
            )
        return rate, "annual", None
    mean = _year_mean(monthly, when.year)
    if mean is None:
        raise DataNotAvailableError(
            f"no annual average {code} rate for {when.year}: G.5A has no {code} series and the "
            f"monthly series ({_span(monthly)}) does not cover all of {when.year}"
        )
    return (
        _decimal(mean),
        "annual",
        f"the annual average is the mean of the 12 monthly averages of {when.year}",
    )


def latest_month(*codes: str) -> ReferenceDate:
    """The latest month for which every one of *codes* has a monthly average rate."""
    months = [set(_monthly(code)) for code in codes if code != "USD"]
    common = set.intersection(*months) if months else set(data.fx_monthly()["EUR"])
    year, month = max(common)
    return ReferenceDate(year, month)


Factor = tuple[int, int]
"""An exact factor as (numerator, denominator)."""


def _ratio(value: Fraction) -> Factor:
    return value.numerator, value.denominator


def fx_on_day(from_code: str, to_code: str, when: ReferenceDate) -> tuple[Factor, ExchangeRateStep]:
    """:func:`fx` for a date with a day: its month's average, one cache entry a month."""
    factor, step = fx(from_code, to_code, ReferenceDate(when.year, when.month))
    note = f"{when} falls in the month {step.date}; its monthly average is used"
    return factor, attrs.evolve(step, note="; ".join(filter(None, [step.note, note])))


@functools.lru_cache(maxsize=4096)  # the series never change: a factor is computed once
def fx(from_code: str, to_code: str, when: ReferenceDate) -> tuple[Factor, ExchangeRateStep]:
    """The factor turning an amount in *from_code* into *to_code* at *when*'s average rates.

    *when* has a month or is a year; :func:`fx_on_day` takes a day.
    """
    rates: list[tuple[str, Decimal]] = []
    notes: list[str] = []
    factor = Fraction(1)
    average = "monthly" if when.month is not None else "annual"
    for code, invert in ((from_code, True), (to_code, False)):
        if code == "USD":
            continue
        rate, average, note = _rate(code, when)
        rates.append((code, rate))
        if note:
            notes.append(note)
        factor = factor / Fraction(rate) if invert else factor * Fraction(rate)
    info = data.SERIES["fx-monthly" if average == "monthly" else "fx-yearly"]
    date = f"{when.year}-{when.month:02d}" if when.month is not None else str(when.year)
    step = ExchangeRateStep(
        from_currency=from_code,
        to_currency=to_code,
        date=date,
        average=average,
        rates=tuple(rates),
        series=info.name,
        source=info.source,
        note="; ".join(notes) or None,
    )
    return _ratio(factor), step


# --- whose prices ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=512)
def _alpha3(alpha2: str) -> str | None:
    """The alpha-3 code of an ISO 3166-1 alpha-2 code, or None if it is not one."""
    if alpha2 not in _iso.country_codes():
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    return None if country is None else str(country.alpha_3)


@functools.lru_cache(maxsize=1024)
def _tender(country: str, year: int) -> tuple[str, ...]:
    """The currencies legal tender in *country* at some time in *year* (CLDR, via babel)."""
    from babel.numbers import get_territory_currencies

    return tuple(
        get_territory_currencies(
            country, start_date=dt.date(year, 1, 1), end_date=dt.date(year, 12, 31), tender=True
        )
    )


def country_of(currency: str, country: str | None, *, purpose: str, year: int) -> str:
    """The ISO 3166 alpha-2 country whose series to use for *currency* (or ``"EMU"``).

    A *country* given (an ISO code, which ``Pay``'s methods have checked) must be one
    where *currency* was legal tender in *year*, by CLDR's territory data: Indian
    inflation applied to dollars, or a US PPP factor applied to rupees, would be a
    wrong number, so they are refused.
    """
    if country is not None:
        used = _tender(country, year)
        if currency not in used:
            there = (
                f"the currency there was {' and '.join(used)}"
                if used
                else "CLDR records no currency there"
            )
            raise ValidationError(
                f"{currency} was not legal tender in {country} in {year} ({there}): a "
                f"{purpose} for {country} applies to amounts in its own currency. Convert the "
                f"amount first (.to_currency(...)), or pass a country that uses {currency}"
            )
        return country
    if currency == "EUR":
        if purpose == "PPP conversion factor":
            raise DataNotAvailableError(
                "PPP in EUR needs a country (country='DE', 'FR', ...): the World Bank PPP "
                "series has a factor per euro-area country, none for the area as a whole"
            )
        return EURO_AREA
    if currency.startswith("X") or _alpha3(currency[:2]) is None:
        raise DataNotAvailableError(
            f"{currency} is not one country's currency: pass country= (an ISO 3166-1 "
            f"alpha-2 code) to choose whose {purpose} to use"
        )
    return currency[:2]


def _cpi_value(when: ReferenceDate) -> tuple[Fraction, str]:
    cpi = data.us_cpi()
    if when.month is not None:
        value = cpi.get((when.year, when.month))
        if value is None:
            raise DataNotAvailableError(
                f"no US CPI-U value for {when.year}-{when.month:02d}: the BLS series "
                f"CUUR0000SA0 shipped with careerkit covers {_span(cpi)}"
            )
        return Fraction(value), "monthly index"
    mean = _year_mean(cpi, when.year)
    if mean is None:
        raise DataNotAvailableError(
            f"no US CPI-U average for {when.year}: it needs all 12 months and the BLS series "
            f"CUUR0000SA0 shipped with careerkit covers {_span(cpi)}"
        )
    return mean, "annual average of the 12 monthly values"


@functools.lru_cache(maxsize=1024)  # bounded: an entry can hold decades of rates
def prices(
    currency: str, from_date: ReferenceDate, to_date: ReferenceDate, country: str | None
) -> tuple[Factor, PriceIndexStep]:
    """The factor moving an amount from *from_date*'s prices to *to_date*'s."""
    where = country_of(currency, country, purpose="price index", year=from_date.year)
    if where == "US" and currency == "USD":
        info = data.SERIES["us-cpi-u"]
        start, start_method = _cpi_value(from_date)
        end, end_method = _cpi_value(to_date)
        method = start_method if start_method == end_method else f"{start_method} -> {end_method}"
        step = PriceIndexStep(
            country="US",
            from_date=str(from_date),
            to_date=str(to_date),
            from_value=_decimal(start),
            to_value=_decimal(end),
            method=method,
            series=info.name,
            source=info.source,
        )
        return _ratio(end / start), step
    info = data.SERIES["inflation"]
    code = EURO_AREA if where == EURO_AREA else _alpha3(where)
    rates = data.inflation_rates().get(code or "")
    if rates is None:
        raise DataNotAvailableError(
            f"no consumer-price inflation series for {where} in the World Bank data shipped "
            "with careerkit"
        )
    low, high = sorted((from_date.year, to_date.year))
    factor = Fraction(1)
    used: list[tuple[int, Decimal]] = []
    for year in range(low + 1, high + 1):
        rate = rates.get(year)
        if rate is None:
            raise DataNotAvailableError(
                f"no inflation rate for {where} in {year}, needed to move prices from "
                f"{from_date.year} to {to_date.year}: the World Bank series has {_span(rates)}"
                + (" with gaps" if len(rates) != max(rates) - min(rates) + 1 else "")
            )
        factor *= 1 + Fraction(rate) / 100
        used.append((year, rate))
    if to_date.year < from_date.year:
        factor = 1 / factor
    finer = (
        " (months and days are read as their year)" if (from_date.month or to_date.month) else ""
    )
    step = PriceIndexStep(
        country=where,
        from_date=str(from_date.year),
        to_date=str(to_date.year),
        from_value=Decimal(100),
        to_value=_decimal(100 * factor),
        method=f"annual inflation rates chained into an index, {from_date.year} = 100{finer}",
        series=info.name,
        source=info.source,
        rates=tuple(used),
    )
    return _ratio(factor), step


@functools.lru_cache(maxsize=4096)
def ppp(currency: str, year: int, country: str | None) -> tuple[Factor, PPPStep]:
    """The factor turning an amount in *currency* into international dollars of *year*."""
    where = country_of(currency, country, purpose="PPP conversion factor", year=year)
    factors = data.ppp_factors().get(where)
    if factors is None:
        raise DataNotAvailableError(f"no PPP conversion factor series for {where}")
    factor = factors.get(year)
    if factor is None:
        raise DataNotAvailableError(
            f"no PPP conversion factor for {where} in {year}: the World Bank series covers "
            f"{_span(factors)}"
        )
    info = data.SERIES["ppp"]
    step = PPPStep(
        country=where,
        year=year,
        factor=factor,
        currency=currency,
        series=info.name,
        source=info.source,
    )
    return _ratio(1 / Fraction(factor)), step
