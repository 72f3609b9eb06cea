"""Price indices from the data in use: the factor moving an amount into another date's prices.

**US prices** follow BLS: a month is its CPI-U index; a year is the mean of its
monthly values, published once all 12 are in, or all but those BLS will never
publish (October 2025, not collected): 2025's average is the mean of 11 months.
Other currencies chain the World Bank's annual inflation rates of the currency's
country (EUR: the euro area, unless a country is chosen) into an index.

What the factors share (their shape, caching, whose series a currency uses, and what
a missing value says) is :mod:`careerkit.pay._rates`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from careerkit import data
from careerkit.data import KNOWN_GAPS, DataFile, label
from careerkit.errors import DataNotAvailableError
from careerkit.model.dates import ReferenceDate
from careerkit.pay._rates import (
    EURO_AREA,
    Factor,
    alpha3,
    as_decimal,
    as_factor,
    country_of,
    newer_data,
    why_absent,
)
from careerkit.pay.provenance import PriceIndexStep, cite


def _cpi_month(month: tuple[int, int]) -> tuple[Fraction, DataFile]:
    cpi = data.us_cpi()
    value = cpi.get(month)
    if value is None:
        what = f"CPI-U has no value for {label(month)}"
        hint = ""
        if data.gap("cpi", "US", month):
            hint = f". Use a month beside it, or the year's average (when='{month[0]}')"
        raise DataNotAvailableError(why_absent("cpi", "US", month, cpi, what) + hint)
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
        raise DataNotAvailableError(why_absent("cpi", "US", first, cpi, what))
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
    code = EURO_AREA if where == EURO_AREA else alpha3(where)
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
            from_value=as_decimal(start),
            to_value=as_decimal(end),
            method=method,
            latest=latest,
            **cite("cpi", (*start_files, *end_files)),
        )
        return as_factor(end / start), step
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
            text = why_absent("inflation", code, year, rates, what, currency)
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
        to_value=as_decimal(100 * factor),
        method=f"annual inflation rates chained into an index, {from_date.year} = 100{finer}",
        rates=tuple(used),
        latest=latest,
        **cite("inflation", files),
    )
    return as_factor(factor), step


WarmKey = tuple[str, int, int | None, int | None, str]
WARM: dict[WarmKey, tuple[int, int, tuple[PriceIndexStep], ReferenceDate]] = {}
"""What :meth:`~careerkit.Pay.in_prices_of` found before, for a target date given as text
and no country: ``(currency, year, month, day, text): (numerator, denominator, (step,),
target)``, the figure's date read by value. At most :data:`_MAX_WARM` entries, dropped with
the cache of :func:`prices` when the data in use changes."""
_MAX_WARM = 4096


def prices_into(
    currency: str, from_date: ReferenceDate, text: str, to_date: ReferenceDate
) -> tuple[Factor, PriceIndexStep]:
    """:func:`prices` into *to_date*, read from *text*, for no country, kept in :data:`WARM`."""
    factor, step = prices(currency, from_date, to_date, None)
    if len(WARM) >= _MAX_WARM:  # bounded: start again rather than grow
        WARM.clear()
    WARM[currency, from_date.year, from_date.month, from_date.day, text] = (
        *factor,
        (step,),
        to_date,
    )
    return factor, step


def _forget() -> None:
    _prices.cache_clear()
    WARM.clear()


data.on_change(_forget)
