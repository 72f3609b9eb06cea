"""Exchange rates from the data in use: the factor turning one currency into another.

Each currency's rate (units per US dollar) comes from the first source that has it for
the date, in one fixed order; cross rates between two currencies go through USD:

1. **The Federal Reserve** (H.10/G.5 monthly averages; G.5A annual), first wherever it
   has the currency and the date.
2. **The European Central Bank**'s daily euro reference rates, for what the Fed lacks
   (PHP, IDR, PLN, ..., and the months after the Fed's series end): cross rates through
   the euro, each day's rate per euro divided by the ECB's own USD rate for that day,
   averaged as the Fed averages its H.10/G.5 monthly figures: the mean of the business
   days' rates in the month (``fx-ecb-monthly``), and the year (``fx-ecb-annual``).
3. **The World Bank**'s official exchange rate (annual, ``fx-world-bank``), for what
   neither has (AED, SAR, NGN, ...). A currency with only annual rates converts a date
   with a month at the year's averages of both currencies (never one month's rate across
   another's year), and the step says so. A month missing from a currency's monthly
   series (the ECB stopped quoting RUB in March 2022) is refused, not filled with the
   year's average.

A rate no source has is a :class:`~careerkit.DataNotAvailableError` naming what careerkit
has for the currency; never a substitute, never 1:1. Every rate not the Fed's is named
in the step's note (the source, and how the cross rate was made), and its file cited.

A date with a month uses that month's average rate; a date with a day, its month's.

**Annual exchange rates, one rule.** A bare year uses the Federal Reserve's G.5A
annual average where the data in use has one (the pound's from FRED's AEXUSUK,
shipped for 1971 to 2019); otherwise careerkit computes it as the Fed computes
G.5A, the mean of the year's 12 monthly averages in the Fed's own quoting
direction (US dollars per unit for AUD, EUR, GBP and NZD; units per dollar for
the rest), and labels it as computed from the monthly series. A G.5A figure the
Fed quotes in US dollars per unit is kept inverted (units per dollar, 28
significant digits); the step's note gives the Fed's own figure
(``1.8545 USD per GBP``). Where the Fed's monthly series lacks a month of the year,
the ECB's annual average comes next, then the World Bank's.

What the factors share (their shape, caching, and what a missing value says) is
:mod:`careerkit.pay._rates`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from fractions import Fraction
from typing import Any, NamedTuple

from careerkit import data
from careerkit.data import FED_USD_PER_UNIT, DataFile, label
from careerkit.errors import DataNotAvailableError
from careerkit.model.dates import ReferenceDate
from careerkit.pay._rates import (
    Factor,
    as_decimal,
    as_factor,
    span,
    why_absent,
)
from careerkit.pay.provenance import ExchangeRateStep, cite


class _Side(NamedTuple):
    """One currency's rate at a date: units per USD, as shown, how it was made, its files."""

    rate: Fraction
    shown: Decimal
    note: str | None
    files: tuple[DataFile, ...]
    annual: bool = False
    """An annual average used for a month (the World Bank's)."""


def _monthly(code: str) -> Mapping[tuple[int, int], Decimal]:
    """The Fed's monthly series of *code*; else the error naming what careerkit has."""
    series = data.fx_monthly().get(code)
    if series is None:
        raise DataNotAvailableError(_no_series(code))
    return series


def _no_series(code: str) -> str:
    """The message for a currency no source has a rate for: what careerkit has, by source."""
    fed = sorted({*data.fx_monthly(), "USD"})
    ecb = sorted(set(data.values("fx-ecb-monthly")) - set(fed))
    world_bank = sorted(set(data.values("fx-world-bank")) - set(fed) - set(ecb))
    return (
        f"no exchange-rate series for {code!r}: careerkit ships the Federal Reserve H.10/G.5 "
        f"rates for {', '.join(fed)}; the ECB's euro reference rates add {', '.join(ecb)}; "
        f"the World Bank's official exchange rate (annual) adds {', '.join(world_bank)} "
        "(careerkit.data.currencies() lists every currency with its sources)"
    )


def _rates(kind: str, code: str) -> Mapping[Any, Decimal]:
    """*code*'s rates in the series *kind* (an ECB or World Bank one), by date; empty if none."""
    return data.values(kind).get(code, {})


def _after_the_fed(
    code: str, year: int, month: int | None, why: str, *, fed_monthly: bool = False
) -> tuple[_Side | None, Mapping[Any, Decimal], Mapping[Any, Decimal]]:
    """*code*'s rate where the Fed has none (*why*): the ECB's average for the month (or
    *month* None: the year), else the World Bank's for the year; with both series, for a
    message where neither has it.

    A month takes the World Bank's annual rate only for a currency no source has monthly
    rates for (*fed_monthly*: the Fed has): a month missing from a monthly series is a gap
    (the ECB stopped quoting RUB in March 2022, ISK for most of December 2008), where the
    year's average would be a wrong number, not a rate of that month."""
    key: int | tuple[int, int]
    if month is None:
        kind, key, date = "fx-ecb-annual", year, str(year)
    else:
        kind, key, date = "fx-ecb-monthly", (year, month), f"{year}-{month:02d}"
    ecb = _rates(kind, code)
    found = ecb.get(key)
    if found is not None:
        note = _ecb_note(code, date, why)
        return _Side(Fraction(found), found, note, (data.source_of(kind, code, key),)), ecb, {}
    annual = _rates("fx-world-bank", code)
    found = annual.get(year)
    if found is None or (month is not None and (fed_monthly or ecb)):
        return None, ecb, annual
    if ecb:
        why += f", nor the ECB's (it covers {span(ecb)})"
    file = data.source_of("fx-world-bank", code, year)
    note = _world_bank_note(code, year, why)
    return _Side(Fraction(found), found, note, (file,), annual=month is not None), ecb, annual


def _ecb_note(code: str, date: str, why: str) -> str:
    if code == "EUR":
        how = (
            f"the inverse of the mean of {date}'s business days' USD per EUR (the ECB's USD "
            "reference rate)"
        )
    else:
        how = (
            f"the mean of {date}'s business days' cross rates through the euro, {code} per EUR "
            "divided by the ECB's USD per EUR of the same day"
        )
    return (
        f"{code}: {why}: rate from the ECB's euro reference rates, {how}, computed by careerkit "
        "as the Fed computes its averages"
    )


def _world_bank_note(code: str, year: int, why: str) -> str:
    from careerkit.data._shipped import world_bank_economies

    file = data.source_of("fx-world-bank", code, year)
    economies = world_bank_economies().get((code, year)) if file.shipped else None
    whose = f" (the figure of {economies.replace(' ', ', ')})" if economies else ""
    return (
        f"{code}: {why}: rate from the World Bank's official exchange rate "
        f"(PA.NUS.FCRF), {code} per US dollar, {year} average{whose}"
    )


def _month_side(code: str, year: int, month: int) -> _Side:
    monthly = data.fx_monthly().get(code)
    if monthly is not None:
        rate = monthly.get((year, month))
        if rate is not None:  # the Fed's: no more work than before the other sources came
            file = data.source_of("fx-monthly", code, (year, month))
            return _Side(Fraction(rate), rate, None, (file,))
    when = f"{year}-{month:02d}"
    why = f"the Fed has no {code} series"
    if monthly is not None:
        why = f"the Fed's {code} series has no value for {when} (it covers {span(monthly)})"
    side, ecb, annual = _after_the_fed(code, year, month, why, fed_monthly=monthly is not None)
    if side is not None:
        return side
    what = f"no monthly average {code} rate for {when}"
    if monthly is not None:
        first = why_absent("fx-monthly", code, (year, month), monthly, what)
    elif not ecb and not annual:
        raise DataNotAvailableError(_no_series(code))
    else:
        first = f"{what}: the Fed has no {code} series"
    hint = ""
    if year in annual:
        hint = (
            f"; a monthly series of {code} lacks {when}, so careerkit does not use the year's "
            f"average for it: give the year alone (when='{year}') for annual averages"
        )
    raise DataNotAvailableError(first + _elsewhere(code, (year, month), ecb, annual) + hint)


def _elsewhere(
    code: str,
    date: tuple[int, int] | int,
    ecb: Mapping[Any, Decimal],
    annual: Mapping[Any, Decimal],
) -> str:
    """What the ECB's and the World Bank's rates have of *code*, for a message (past their
    ends: how to install newer files)."""
    parts = [
        f"the ECB's euro reference rates have {code} for {span(ecb)}"
        if ecb
        else f"the ECB's euro reference rates have no {code}",
        f"the World Bank's official exchange rate for {span(annual)} (annual)"
        if annual
        else f"the World Bank's official exchange rate has no {code}",
    ]
    text = "; " + ", and ".join(parts)
    year = date[0] if isinstance(date, tuple) else date
    ends = [max(series) for series in (ecb, annual) if series]
    if ends and all(year >= (end[0] if isinstance(end, tuple) else end) for end in ends):
        newer = []
        if ecb:
            newer.append(
                "the ECB's eurofxref-hist.zip ('careerkit data update fx-ecb-monthly FILE', "
                "and fx-ecb-annual)"
            )
        if annual:
            newer.append(
                "the World Bank's PA.NUS.FCRF CSV ('careerkit data update fx-world-bank FILE')"
            )
        text += f"; newer files: {' or '.join(newer)}"
    return text


def _fed_year(code: str, year: int) -> tuple[Fraction, str | None, tuple[DataFile, ...]]:
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
        g5a = f"G.5A has {code} for {span(yearly)}" if yearly else f"G.5A has no {code} series"
        what = (
            f"no annual average {code} rate for {year}: {g5a}, and the monthly series, from "
            f"which careerkit computes one as the Fed does, lacks {label(absent[0])}"
        )
        raise DataNotAvailableError(why_absent("fx-monthly", code, absent[0], monthly, what))
    values = [Fraction(monthly[month]) for month in months]
    files = tuple(dict.fromkeys(data.source_of("fx-monthly", code, month) for month in months))
    why = f"G.5A has no {code} figure for {year}"
    if yearly:
        why = (
            f"the data in use has no G.5A {code} figure for {year} (it has {span(yearly)}; "
            f"'careerkit data update fx-annual' installs a newer one, FRED's CSV of "
            f"A{_fred_id(code)})"
        )
    if code in FED_USD_PER_UNIT:  # the Fed averages dollars per unit: average those
        dollars = sum((1 / value for value in values), Fraction(0)) / 12
        note = (
            f"{why}: computed from the monthly series as the Fed computes G.5A, the mean of the "
            f"12 monthly averages in US dollars per {code} ({as_decimal(dollars):.6f} USD per {code})"
        )
        return 1 / dollars, note, files
    note = (
        f"{why}: computed from the monthly series as the Fed computes G.5A, the mean of the "
        f"12 monthly averages in {code} per US dollar"
    )
    return sum(values, Fraction(0)) / 12, note, files


def _year_side(code: str, year: int) -> _Side:
    fed_error = None
    if code in data.fx_monthly():
        try:
            rate, note, files = _fed_year(code, year)
        except DataNotAvailableError as error:
            fed_error = str(error)
        else:
            return _Side(rate, as_decimal(rate), note, files)
        why = f"the Fed's {code} series has no {year} average and lacks some of its months"
    else:
        why = f"the Fed has no {code} series"
    side, ecb, annual = _after_the_fed(code, year, None, why)
    if side is not None:
        return side
    if fed_error is None and not ecb and not annual:
        raise DataNotAvailableError(_no_series(code))
    first = fed_error or f"no annual average {code} rate for {year}: the Fed has no {code} series"
    raise DataNotAvailableError(first + _elsewhere(code, year, ecb, annual))


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


@functools.lru_cache(maxsize=256)  # dropped when the data in use changes (below)
def latest_month(*codes: str) -> ReferenceDate:
    """The latest month for which every one of *codes* has a monthly average rate (the Fed's
    or the ECB's); where one has no monthly rate at all, the latest year every one has."""
    others = [code for code in codes if code != "USD"]
    if not others:
        year, month = max(data.fx_monthly()["EUR"])
        return ReferenceDate(year, month)
    months: list[set[tuple[int, int]]] = []
    for code in others:
        found = set(data.fx_monthly().get(code, ())) | set(_rates("fx-ecb-monthly", code))
        if not found:
            break
        months.append(found)
    else:
        common = set.intersection(*months)
        if common:
            year, month = max(common)
            return ReferenceDate(year, month)
    years: list[set[int]] = []
    for code in others:
        have: set[int] = {*_rates("fx-ecb-annual", code), *_rates("fx-world-bank", code)}
        have |= {year for year, _ in data.fx_monthly().get(code, ())}
        if not have and code not in data.fx_monthly():
            raise DataNotAvailableError(_no_series(code))
        years.append(have)
    common_years = set.intersection(*years)
    if not common_years:
        raise DataNotAvailableError(
            f"no month or year has rates for all of {', '.join(codes)}: careerkit has "
            + "; ".join(
                f"{code} for {span(dict.fromkeys(have))}"
                for code, have in zip(others, years, strict=True)
                if have
            )
        )
    return ReferenceDate(max(common_years))


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
    codes = [
        (code, invert) for code, invert in ((from_code, True), (to_code, False)) if code != "USD"
    ]
    if when.month is not None:
        sides = [_month_side(code, when.year, when.month) for code, _ in codes]
        only_annual = [code for (code, _), side in zip(codes, sides, strict=True) if side.annual]
        if only_annual:  # no cross rate of one month's average with a year's: both the year's
            sides = [_year_side(code, when.year) for code, _ in codes]
            notes.append(
                f"{' and '.join(only_annual)} has only annual rates, so both currencies' "
                f"{when.year} averages are used for {when}"
            )
            when = ReferenceDate(when.year)
    else:
        sides = [_year_side(code, when.year) for code, _ in codes]
    for (code, invert), side in zip(codes, sides, strict=True):
        notes += [side.note] if side.note else []
        rates.append((code, side.shown))
        files += side.files
        factor = factor / side.rate if invert else factor * side.rate
    step = ExchangeRateStep(
        from_currency=from_code,
        to_currency=to_code,
        date=str(when),
        average="annual" if when.month is None else "monthly",
        rates=tuple(rates),
        note="; ".join(notes) or None,
        latest=latest,
        **cite("fx-monthly", files),
    )
    return as_factor(factor), step


def fx_on_day(from_code: str, to_code: str, when: ReferenceDate) -> tuple[Factor, ExchangeRateStep]:
    """:func:`fx` for a date with a day: its month's average, one cache entry a month."""
    import attrs

    factor, step = fx(from_code, to_code, ReferenceDate(when.year, when.month))
    note = f"{when} falls in the month {step.date}; its monthly average is used"
    if step.average == "annual":  # a currency only the World Bank's years have
        note = f"{when} falls in {step.date}, whose annual averages (above) are used"
    return factor, attrs.evolve(step, note="; ".join(filter(None, [step.note, note])))


WarmKey = tuple[str, str, int, int | None, int | None]
WARM: dict[WarmKey, tuple[int, int, tuple[ExchangeRateStep]]] = {}
"""What :meth:`~careerkit.Pay.to_currency` found before, for a figure's own date:
``(from, to, year, month, day): (numerator, denominator, (step,))``. Read by value (hashing a
tuple of plain values costs less than hashing a ``ReferenceDate``), at most
:data:`_MAX_WARM` entries, dropped with :func:`fx`'s cache when the data in use changes."""
_MAX_WARM = 4096


def fx_at(from_code: str, to_code: str, when: ReferenceDate) -> tuple[Factor, ExchangeRateStep]:
    """:func:`fx` or :func:`fx_on_day`, by *when*'s precision, kept in :data:`WARM`."""
    if when.day is None:
        factor, step = fx(from_code, to_code, when)
    else:
        factor, step = fx_on_day(from_code, to_code, when)
    if len(WARM) >= _MAX_WARM:  # bounded: start again rather than grow
        WARM.clear()
    WARM[from_code, to_code, when.year, when.month, when.day] = (*factor, (step,))
    return factor, step


def _forget() -> None:
    fx.cache_clear()
    latest_month.cache_clear()
    WARM.clear()


data.on_change(_forget)
