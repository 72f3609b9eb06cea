"""Dated factors from the data in use: what exchange rates, price indices and PPP share.

Each factor function (``fx`` in :mod:`careerkit.pay._fx`, ``prices`` in
:mod:`careerkit.pay._prices`, ``ppp`` in :mod:`careerkit.pay._ppp`) returns an exact
factor to multiply an amount by, as a ``(numerator, denominator)`` pair, and the
provenance step that says where it came from, naming the files its values came from
(:func:`careerkit.data.source_of`). Each is cached; the caches are dropped whenever the
data in use changes (:func:`careerkit.data.update`, :func:`~careerkit.data.use`).
Anything the data cannot answer raises :class:`~careerkit.DataNotAvailableError` saying
why: a gap the publisher left (named, with its reason), a date before a series begins, or
one past its end (with how to install newer data). Nothing is extrapolated.

This module holds what they share: the factor's shape, whose series a currency uses
(:func:`country_of`), and the sentences that say why a value is missing.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from careerkit import data
from careerkit.data import label
from careerkit.errors import DataNotAvailableError, ValidationError
from careerkit.model import _iso
from careerkit.pay._exact import to_decimal

EURO_AREA = "EMU"  # the World Bank's code for the euro area

Factor = tuple[int, int]
"""An exact factor as (numerator, denominator)."""

_NEWER = {
    "cpi": "FRED's CPIAUCNS CSV or BLS's cu.data.0.Current",
    "fx-monthly": "FRED's CSV of {id}, the Fed's monthly {code} rate",
    "fx-annual": "FRED's CSV of A{id}, the Fed's annual {code} rate",
    "fx-ecb-monthly": "the ECB's eurofxref-hist.zip, its euro reference rates",
    "fx-ecb-annual": "the ECB's eurofxref-hist.zip, its euro reference rates",
    "fx-world-bank": "the World Bank's PA.NUS.FCRF CSV",
    "inflation": "the World Bank's FP.CPI.TOTL.ZG CSV",
    "ppp": "the World Bank's PA.NUS.PPP CSV",
}


def newer_data(kind: str, code: str = "") -> str:
    """The sentence every error for a date past a series' end carries: how to bring newer data.

    *code* is the currency, for the exchange-rate series (FRED has one file per currency).
    """
    from careerkit.data._formats import FRED_FX

    ids = {currency: fred for fred, currency in FRED_FX.items()}
    where = _NEWER[kind].format(id=ids.get(code, "EXINUS"), code=code or "INR")
    return (
        f"to use a newer release, download it ({where}) and run 'careerkit data update "
        f"{kind} FILE' (see 'careerkit data status')"
    )


def span(keys: Mapping[tuple[int, int], object] | Mapping[int, object]) -> str:
    """The dates a series covers, for a message: ``2008-01 to 2025-12``."""
    return f"{label(min(keys))} to {label(max(keys))}"


def as_decimal(value: Fraction) -> Decimal:
    """*value* as a provenance step shows it (28 significant digits where it does not end)."""
    return to_decimal(value.numerator, value.denominator)


def as_factor(value: Fraction) -> Factor:
    """*value* as the factor a conversion multiplies by."""
    return value.numerator, value.denominator


_NAMES = {
    "cpi": "the BLS series CUUR0000SA0",
    "fx-monthly": "the Federal Reserve series for {key}",
    "fx-ecb-monthly": "the ECB's reference rates for {key}",
    "fx-ecb-annual": "the ECB's reference rates for {key}",
    "fx-world-bank": "the World Bank's official exchange rate for {key}",
    "inflation": "the World Bank series for {key}",
    "ppp": "the World Bank series for {key}",
}


def why_absent(
    kind: str,
    key: str,
    date: Any,
    series: Mapping[Any, object],
    what: str,
    currency: str | None = None,
) -> str:
    """Why *what* (``"no ... for 2025-10"``) is not in *series* of *kind*: the gap it falls in
    (with the publisher's reason), or the span it is outside (past the end: how to update).

    With *currency*, for the World Bank's series, the end is named with the countries
    whose series go further.
    """
    if min(series) < date < max(series):
        return f"{what}: {data.gap(kind, key, date)}"
    if date > max(series) and currency is not None:
        return (
            f"{what}: {_NAMES[kind].format(key=key)} ends in {max(series)}; "
            f"{_later(kind, date, currency, key)}; {newer_data(kind)}"
        )
    text = f"{what}: {_NAMES[kind].format(key=key)} in use covers {span(series)}"
    return f"{text}; {newer_data(kind, key)}" if date > max(series) else text


# --- whose series ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=512)
def alpha3(alpha2: str) -> str | None:
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
    if currency.startswith("X") or alpha3(currency[:2]) is None:
        raise DataNotAvailableError(
            f"{currency} is not one country's currency: pass country= (an ISO 3166-1 "
            f"alpha-2 code) to choose whose {purpose} to use"
        )
    return currency[:2]


def _later(kind: str, year: int, currency: str, where: str) -> str:
    """Which other keys of World Bank series *kind* have *year*: a count and the nearest examples.

    Countries using *currency* in *year* come first (for the euro area, its members).
    """
    from careerkit.data._checks import alpha2

    series = data.values(kind)
    having = [key for key, values in series.items() if year in values and key != where]
    if not having:
        return f"no country or area has {year} yet"
    same = []
    for key in having:
        country = key if len(key) == 2 else alpha2(key)  # ppp keys are alpha-2 already
        if country is not None and currency in _tender(country, year):
            same.append(country)
    named = sorted(same) or sorted(having)
    shown = ", ".join(named[:8]) + (", ..." if len(named) > 8 else "")
    which = f"among them the countries using {currency}: " if same else ""
    return f"{len(having)} other countries and areas have {year} ({which}{shown})"
