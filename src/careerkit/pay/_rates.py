"""Dated factors from the data in use: exchange rates, price indices, PPP.

Each function returns an exact factor to multiply an amount by, as a
``(numerator, denominator)`` pair, and the provenance step that says where it
came from, naming the files its values came from (:func:`careerkit.data.source_of`).
Each is cached; the caches are dropped whenever the data in use changes
(:func:`careerkit.data.update`, :func:`~careerkit.data.use`). Anything the data
cannot answer raises :class:`~careerkit.DataNotAvailableError` saying why: a gap
the publisher left (named, with its reason), a date before a series begins, or
one past its end (with how to install newer data). Nothing is extrapolated.

**Annual exchange rates, one rule.** A bare year uses the Federal Reserve's G.5A
annual average where the data in use has one (the pound's from FRED's AEXUSUK,
shipped for 1971 to 2019); otherwise careerkit computes it as the Fed computes
G.5A, the mean of the year's 12 monthly averages in the Fed's own quoting
direction (US dollars per unit for AUD, EUR, GBP and NZD; units per dollar for
the rest), and labels it as computed from the monthly series. A G.5A figure the
Fed quotes in US dollars per unit is kept inverted (units per dollar, 28
significant digits); the step's note gives the Fed's own figure
(``1.8545 USD per GBP``).

**US prices** follow BLS: a month is its CPI-U index; a year is the mean of its
monthly values, published once all 12 are in, or all but those BLS will never
publish (October 2025, not collected): 2025's average is the mean of 11 months.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from fractions import Fraction
from typing import Any

from careerkit import data
from careerkit.data import FED_USD_PER_UNIT, KNOWN_GAPS, DataFile, label
from careerkit.errors import DataNotAvailableError, ValidationError
from careerkit.model import _iso
from careerkit.model.dates import ReferenceDate
from careerkit.pay._exact import to_decimal
from careerkit.pay.provenance import ExchangeRateStep, PPPStep, PriceIndexStep, cite

EURO_AREA = "EMU"  # the World Bank's code for the euro area

Factor = tuple[int, int]
"""An exact factor as (numerator, denominator)."""

_NEWER = {
    "cpi": "FRED's CPIAUCNS CSV or BLS's cu.data.0.Current",
    "fx-monthly": "FRED's CSV of {id}, the Fed's monthly {code} rate",
    "fx-annual": "FRED's CSV of A{id}, the Fed's annual {code} rate",
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


def _span(keys: Mapping[tuple[int, int], object] | Mapping[int, object]) -> str:
    return f"{label(min(keys))} to {label(max(keys))}"


def _decimal(value: Fraction) -> Decimal:
    return to_decimal(value.numerator, value.denominator)


def _ratio(value: Fraction) -> Factor:
    return value.numerator, value.denominator


_NAMES = {
    "cpi": "the BLS series CUUR0000SA0",
    "fx-monthly": "the Federal Reserve series for {key}",
    "inflation": "the World Bank series for {key}",
    "ppp": "the World Bank series for {key}",
}


def _absent(
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
    text = f"{what}: {_NAMES[kind].format(key=key)} in use covers {_span(series)}"
    return f"{text}; {newer_data(kind, key)}" if date > max(series) else text


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


def _month_rate(code: str, year: int, month: int) -> tuple[Decimal, DataFile]:
    monthly = _monthly(code)
    rate = monthly.get((year, month))
    if rate is None:
        what = f"no monthly average {code} rate for {year}-{month:02d}"
        raise DataNotAvailableError(_absent("fx-monthly", code, (year, month), monthly, what))
    return rate, data.source_of("fx-monthly", code, (year, month))


def _year_rate(code: str, year: int) -> tuple[Fraction, str | None, tuple[DataFile, ...]]:
    """Units of *code* per USD over *year*: (rate, note, files), by the one rule above."""
    yearly = data.fx_yearly().get(code)
    if yearly is not None and year in yearly:
        rate = Fraction(yearly[year])
        file = data.source_of("fx-annual", code, year)
        fed = None
        # A figure the Fed quotes in US dollars per unit, read from the Fed's own layout (FRED's,
        # the Data Download Program's) and inverted by careerkit: the note gives it as the Fed
        # printed it. (The snapshot's layout holds units per dollar, as its packagers printed.)
        if code in FED_USD_PER_UNIT and file.format != "careerkit snapshot":
            fed = (
                f"the Fed's G.5A figure is {_as_printed(1 / rate)} USD per {code} (careerkit keeps "
                f"its inverse, {code} per US dollar, to 28 significant digits)"
            )
        return rate, fed, (file,)
    monthly = _monthly(code)
    months = [(year, month) for month in range(1, 13)]
    absent = [month for month in months if month not in monthly]
    if absent:
        g5a = f"G.5A has {code} for {_span(yearly)}" if yearly else f"G.5A has no {code} series"
        what = (
            f"no annual average {code} rate for {year}: {g5a}, and the monthly series, from "
            f"which careerkit computes one as the Fed does, lacks {label(absent[0])}"
        )
        raise DataNotAvailableError(_absent("fx-monthly", code, absent[0], monthly, what))
    values = [Fraction(monthly[month]) for month in months]
    files = tuple(dict.fromkeys(data.source_of("fx-monthly", code, month) for month in months))
    why = f"G.5A has no {code} figure for {year}"
    if yearly:
        why = (
            f"the data in use has no G.5A {code} figure for {year} (it has {_span(yearly)}; "
            f"'careerkit data update fx-annual' installs a newer one, FRED's CSV of "
            f"A{_fred_id(code)})"
        )
    if code in FED_USD_PER_UNIT:  # the Fed averages dollars per unit: average those
        dollars = sum((1 / value for value in values), Fraction(0)) / 12
        note = (
            f"{why}: computed from the monthly series as the Fed computes G.5A, the mean of the "
            f"12 monthly averages in US dollars per {code} ({_decimal(dollars):.6f} USD per {code})"
        )
        return 1 / dollars, note, files
    note = (
        f"{why}: computed from the monthly series as the Fed computes G.5A, the mean of the "
        f"12 monthly averages in {code} per US dollar"
    )
    return sum(values, Fraction(0)) / 12, note, files


def _as_printed(value: Fraction) -> Decimal:
    """*value*, the inverse of an inverted rate, as the publisher printed it.

    The inverse kept has 28 significant digits, so the figure comes back to at least
    20 (``1 / (1 / 1.8545)`` is 1.8545): rounded there, and trailing zeros dropped.
    """
    with localcontext(Context(prec=20, rounding=ROUND_HALF_EVEN)):
        shown = Decimal(value.numerator) / Decimal(value.denominator)
    return shown.normalize()


def _fred_id(code: str) -> str:
    from careerkit.data._formats import FRED_FX

    return next((fred for fred, currency in FRED_FX.items() if currency == code), "EXINUS")


def latest_month(*codes: str) -> ReferenceDate:
    """The latest month for which every one of *codes* has a monthly average rate."""
    months = [set(_monthly(code)) for code in codes if code != "USD"]
    common = set.intersection(*months) if months else set(data.fx_monthly()["EUR"])
    year, month = max(common)
    return ReferenceDate(year, month)


@functools.lru_cache(maxsize=4096)  # dropped when the data in use changes (below)
def fx(
    from_code: str, to_code: str, when: ReferenceDate, latest: bool = False
) -> tuple[Factor, ExchangeRateStep]:
    """The factor turning an amount in *from_code* into *to_code* at *when*'s average rates.

    *when* has a month or is a year (see :func:`fx_on_day` for a day); *latest*
    records that ``when="latest"`` chose it.
    """
    rates: list[tuple[str, Decimal]] = []
    notes: list[str] = []
    files: list[DataFile] = []
    factor = Fraction(1)
    for code, invert in ((from_code, True), (to_code, False)):
        if code == "USD":
            continue
        used: tuple[DataFile, ...]
        if when.month is not None:
            decimal, file = _month_rate(code, when.year, when.month)
            rate, used = Fraction(decimal), (file,)
        else:
            rate, note, used = _year_rate(code, when.year)
            decimal = _decimal(rate)
            notes += [note] if note else []
        rates.append((code, decimal))
        files += used
        factor = factor / rate if invert else factor * rate
    step = ExchangeRateStep(
        from_currency=from_code,
        to_currency=to_code,
        date=str(when),
        average="monthly" if when.month is not None else "annual",
        rates=tuple(rates),
        note="; ".join(notes) or None,
        latest=latest,
        **cite("fx-monthly", files),
    )
    return _ratio(factor), step


def fx_on_day(from_code: str, to_code: str, when: ReferenceDate) -> tuple[Factor, ExchangeRateStep]:
    """:func:`fx` for a date with a day: its month's average, one cache entry a month."""
    import attrs

    factor, step = fx(from_code, to_code, ReferenceDate(when.year, when.month))
    note = f"{when} falls in the month {step.date}; its monthly average is used"
    return factor, attrs.evolve(step, note="; ".join(filter(None, [step.note, note])))


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


def _later(kind: str, year: int, currency: str, where: str) -> str:
    """Which other keys of World Bank series *kind* have *year*: a count and the nearest examples.

    Countries using *currency* in *year* come first (for the euro area, its members).
    """
    from careerkit.data._formats import alpha2

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


def _cpi_month(month: tuple[int, int]) -> tuple[Fraction, DataFile]:
    cpi = data.us_cpi()
    value = cpi.get(month)
    if value is None:
        what = f"CPI-U has no value for {label(month)}"
        hint = ""
        if data.gap("cpi", "US", month):
            hint = f". Use a month beside it, or the year's average (when='{month[0]}')"
        raise DataNotAvailableError(_absent("cpi", "US", month, cpi, what) + hint)
    return Fraction(value), data.source_of("cpi", "US", month)


def _cpi_value(when: ReferenceDate) -> tuple[Fraction, str, tuple[DataFile, ...]]:
    """CPI-U at *when*: a month's index, or a year's average as BLS computes it."""
    if when.month is not None:
        value, file = _cpi_month((when.year, when.month))
        return value, "monthly index", (file,)
    cpi = data.us_cpi()
    months = [(when.year, month) for month in range(1, 13)]
    present = [month for month in months if month in cpi]
    never = [month for month in months if ("cpi", "US", label(month)) in KNOWN_GAPS]
    lacking = [month for month in months if month not in present and month not in never]
    if lacking or not present:
        first = lacking[0] if lacking else months[0]
        if present and first > max(cpi):
            what = (
                f"no US CPI-U annual average for {when.year} yet: BLS publishes it once the "
                f"year's months are in, and the series in use has {label(present[0])} to "
                f"{label(present[-1])}. Use a month (such as '{label(present[-1])}', or "
                "prices_of='latest'), or install newer data"
            )
            raise DataNotAvailableError(f"{what}: {newer_data('cpi')}")
        what = f"no US CPI-U annual average for {when.year}"
        raise DataNotAvailableError(_absent("cpi", "US", first, cpi, what))
    mean = sum((Fraction(cpi[month]) for month in present), Fraction(0)) / len(present)
    files = tuple(dict.fromkeys(data.source_of("cpi", "US", month) for month in present))
    if not never:
        return mean, "annual average of the 12 monthly values", files
    gaps = "; ".join(f"{label(month)} {data.gap('cpi', 'US', month)}" for month in never)
    method = f"annual average of the {len(present)} monthly values BLS published, as BLS computes it ({gaps})"
    return mean, method, files


def latest_prices(currency: str, country: str | None, year: int) -> ReferenceDate:
    """The latest date whose prices the series for *currency* (in *country*) can give."""
    where = country_of(currency, country, purpose="price index", year=year)
    if where == "US" and currency == "USD":
        return ReferenceDate(*max(data.us_cpi()))
    return ReferenceDate(max(_inflation(where)[1]))


def _inflation(where: str) -> tuple[str, Mapping[int, Decimal]]:
    code = EURO_AREA if where == EURO_AREA else _alpha3(where)
    rates = data.inflation_rates().get(code or "")
    if rates is None:
        raise DataNotAvailableError(
            f"no consumer-price inflation series for {where} in the World Bank data careerkit uses"
        )
    return code or "", rates


def prices(
    currency: str,
    from_date: ReferenceDate,
    to_date: ReferenceDate,
    country: str | None,
    latest: bool = False,
) -> tuple[Factor, PriceIndexStep]:
    """The factor moving an amount from *from_date*'s prices to *to_date*'s.

    A date with a day uses its month's index (as :func:`fx_on_day` its month's rate):
    one cache entry a month, not a day, and the step still names the days given.
    """
    if from_date.day is None and to_date.day is None:
        return _prices(currency, from_date, to_date, country, latest)
    import attrs

    factor, step = _prices(currency, _month_of(from_date), _month_of(to_date), country, latest)
    return factor, attrs.evolve(step, from_date=str(from_date), to_date=str(to_date))


def _month_of(date: ReferenceDate) -> ReferenceDate:
    return date if date.day is None else ReferenceDate(date.year, date.month)


@functools.lru_cache(maxsize=1024)  # bounded: an entry can hold decades of rates
def _prices(
    currency: str,
    from_date: ReferenceDate,
    to_date: ReferenceDate,
    country: str | None,
    latest: bool,
) -> tuple[Factor, PriceIndexStep]:
    where = country_of(currency, country, purpose="price index", year=from_date.year)
    if where == "US" and currency == "USD":
        start, start_method, start_files = _cpi_value(from_date)
        end, end_method, end_files = _cpi_value(to_date)
        method = start_method if start_method == end_method else f"{start_method} -> {end_method}"
        step = PriceIndexStep(
            country="US",
            from_date=str(from_date),
            to_date=str(to_date),
            from_value=_decimal(start),
            to_value=_decimal(end),
            method=method,
            latest=latest,
            **cite("cpi", (*start_files, *end_files)),
        )
        return _ratio(end / start), step
    code, rates = _inflation(where)
    low, high = sorted((from_date.year, to_date.year))
    factor = Fraction(1)
    used: list[tuple[int, Decimal]] = []
    files: list[DataFile] = []
    for year in range(low + 1, high + 1):
        rate = rates.get(year)
        if rate is None:
            named = "the euro area (EMU)" if where == EURO_AREA else where
            what = (
                f"no inflation rate for {named} in {year}, needed to move prices from "
                f"{from_date.year} to {to_date.year}"
            )
            text = _absent("inflation", code, year, rates, what, currency)
            if where == EURO_AREA and year > max(rates):
                text += "; or pass country= a euro-area country that has it"
            raise DataNotAvailableError(text)
        factor *= 1 + Fraction(rate) / 100
        used.append((year, rate))
        files.append(data.source_of("inflation", code, year))
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
        rates=tuple(used),
        latest=latest,
        **cite("inflation", files),
    )
    return _ratio(factor), step


def _ppp_series(currency: str, year: int, country: str | None) -> tuple[str, Mapping[int, Decimal]]:
    where = country_of(currency, country, purpose="PPP conversion factor", year=year)
    factors = data.ppp_factors().get(where)
    if factors is None:
        raise DataNotAvailableError(f"no PPP conversion factor series for {where}")
    return where, factors


def latest_ppp(currency: str, year: int, country: str | None) -> int:
    """The latest year with a PPP factor for *currency*'s country (for ``to_ppp(year="latest")``)."""
    return max(_ppp_series(currency, year, country)[1])


@functools.lru_cache(maxsize=4096)
def ppp(
    currency: str, year: int, country: str | None, factor_year: int | None = None
) -> tuple[Factor, PPPStep]:
    """The factor turning an amount in *currency* into international dollars of *year*.

    *factor_year* uses another year's factor, as the caller chose (``to_ppp(year=...)``).
    """
    where, factors = _ppp_series(currency, year, country)
    chosen = year if factor_year is None else factor_year
    factor = factors.get(chosen)
    if factor is None:
        text = _absent(
            "ppp",
            where,
            chosen,
            factors,
            f"no PPP conversion factor for {where} in {chosen}",
            currency,
        )
        if chosen > max(factors):
            text += (
                f"; or choose the factor of another year explicitly (to_ppp(year={max(factors)}))"
            )
        raise DataNotAvailableError(text)
    file = data.source_of("ppp", where, chosen)
    step = PPPStep(
        country=where,
        year=chosen,
        factor=factor,
        currency=currency,
        **cite("ppp", [file]),
        note=None
        if chosen == year
        else f"the {chosen} factor applied to a figure of {year}, as the caller chose (year=)",
    )
    return _ratio(1 / Fraction(factor)), step


def _forget() -> None:
    for cached in (fx, _prices, ppp):
        cached.cache_clear()


data.on_change(_forget)
