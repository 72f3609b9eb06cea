"""Exchange rates from the data in use: the factor turning one currency into another.

A date with a month uses that month's average rate (the Federal Reserve's H.10/G.5); a
date with a day, its month's; cross rates go through USD.

**Annual exchange rates, one rule.** A bare year uses the Federal Reserve's G.5A
annual average where the data in use has one (the pound's from FRED's AEXUSUK,
shipped for 1971 to 2019); otherwise careerkit computes it as the Fed computes
G.5A, the mean of the year's 12 monthly averages in the Fed's own quoting
direction (US dollars per unit for AUD, EUR, GBP and NZD; units per dollar for
the rest), and labels it as computed from the monthly series. A G.5A figure the
Fed quotes in US dollars per unit is kept inverted (units per dollar, 28
significant digits); the step's note gives the Fed's own figure
(``1.8545 USD per GBP``).

What the factors share (their shape, caching, and what a missing value says) is
:mod:`careerkit.pay._rates`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from fractions import Fraction

from careerkit import data
from careerkit.data import FED_USD_PER_UNIT, DataFile, label
from careerkit.errors import DataNotAvailableError
from careerkit.model.dates import ReferenceDate
from careerkit.pay._rates import Factor, as_decimal, as_factor, span, why_absent
from careerkit.pay.provenance import ExchangeRateStep, cite


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
        raise DataNotAvailableError(why_absent("fx-monthly", code, (year, month), monthly, what))
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
            decimal = as_decimal(rate)
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
    return as_factor(factor), step


def fx_on_day(from_code: str, to_code: str, when: ReferenceDate) -> tuple[Factor, ExchangeRateStep]:
    """:func:`fx` for a date with a day: its month's average, one cache entry a month."""
    import attrs

    factor, step = fx(from_code, to_code, ReferenceDate(when.year, when.month))
    note = f"{when} falls in the month {step.date}; its monthly average is used"
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
    WARM.clear()


data.on_change(_forget)
