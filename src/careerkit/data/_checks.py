"""The checks every value, key and date of a series passes, read from a publisher or read back.

One rule for each, applied twice: by the readers of publishers' files
(:mod:`careerkit.data._formats`) to every figure they read, and by the installer to
what it reads back from the user data folder (:mod:`careerkit.data._layers`), where
anyone may have edited a file. A value passes careerkit's value gate
(:func:`careerkit.data._gate.number`) *as text*, before any arithmetic, within
:data:`MAX_VALUE` (and :data:`SMALLEST_VALUES`), then the range of its series; a key
is one the loaders look values up by; a date is one the series may have a value for.
Each function raises :class:`~careerkit.data._gate.RefusedError`, whose message says
what was expected; the caller names the file, the line and the column.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

from careerkit.data._gate import SMALLEST, RefusedError, number
from careerkit.data._series import ECB_CURRENCIES, FX_SERIES, SERIES, Date

UNITS: Mapping[str, str] = {
    "cpi": "index points, 1982-84 = 100",
    "fx-monthly": "units of the currency per US dollar",
    "fx-annual": "units of the currency per US dollar",
    "fx-ecb-monthly": "units of the currency per US dollar",
    "fx-ecb-annual": "units of the currency per US dollar",
    "fx-world-bank": "units of the currency per US dollar",
    "inflation": "percent a year",
    "ppp": "local currency units per international dollar",
}
"""What the values of each kind are in, after reading (rates quoted in USD per unit are inverted)."""


MAX_VALUE = Decimal(10) ** 12
"""The largest value accepted, in any kind: no index, rate or factor comes near it.

The smallest, other than 0, is 10^-12 (:data:`careerkit.data._gate.SMALLEST`), so that an
exchange rate's inverse is within the same bounds; except in :data:`SMALLEST_VALUES`.
"""

SMALLEST_VALUES: Mapping[str, Decimal] = MappingProxyType({"ppp": Decimal("1e-15")})
"""Kinds whose values may be smaller than 10^-12 (other than 0), with their smallest.

PPP factors of currencies redenominated since: the World Bank gives Venezuela's in
today's bolivares, 1.2 x 10^-13 for 1990 (its figures go back to 1990, when a
bolivar soberano was 10^14 of that year's bolivares).
"""


def _in_range(kind: str, value: Decimal) -> None:
    """RefusedError unless *value*, which passed the gate, is in the range of series *kind*."""
    if kind == "inflation":
        if not value > -100:
            raise RefusedError(
                "expected a rate above -100 (percent a year: at -100, prices fell to nothing)"
            )
    elif not value > 0:
        raise RefusedError(f"expected a positive number ({UNITS[kind]})")


def checked_value(kind: str, text: str) -> Decimal:
    """*text*, a value of series *kind* as careerkit keeps it, checked as the readers check values.

    For the installer, which reads back the ``key,date,value`` files it wrote into
    the user data folder (where anyone may have edited them): the value gate
    (:func:`careerkit.data._gate.number`, at most :data:`MAX_VALUE`), then the range
    of *kind* (positive; an inflation rate above -100). Values are in
    :data:`UNITS`, already inverted, so no inversion is made. Raises
    :class:`~careerkit.data._gate.RefusedError`, whose message says what was expected.

    >>> checked_value("cpi", "216.632")
    Decimal('216.632')
    >>> checked_value("fx-monthly", "1e-99999999")
    Traceback (most recent call last):
    ...
    careerkit.data._gate.RefusedError: expected a number of at most 10^12 and, unless 0, at least 10^-12
    >>> checked_value("inflation", "-100")
    Traceback (most recent call last):
    ...
    careerkit.data._gate.RefusedError: expected a rate above -100 (percent a year: at -100, prices fell to nothing)
    """
    if kind not in UNITS:
        raise RefusedError(f"expected a value of one of the series {', '.join(UNITS)}")
    value = number(text, largest=MAX_VALUE, smallest=SMALLEST_VALUES.get(kind, SMALLEST))
    _in_range(kind, value)
    return value


def checked_key(kind: str, key: str) -> str:
    """*key* if values of series *kind* are kept under it; else :class:`~careerkit.data._gate.RefusedError`.

    The one rule for the keys of each kind, as the loaders look values up: the
    readers apply it to every key they read, and the installer to every key it
    reads back from the user data folder. ``cpi``: ``US``. ``fx-monthly``,
    ``fx-annual``: the ISO 4217 codes of :data:`~careerkit.data.FX_SERIES`.
    ``fx-ecb-monthly``, ``fx-ecb-annual``: those of :data:`~careerkit.data.ECB_CURRENCIES`.
    ``fx-world-bank``: ISO 4217 codes in use (pycountry's list), but USD.
    ``inflation``: the World Bank's codes, three capital letters (ISO 3166-1
    alpha-3, and areas such as ``EMU``, ``WLD``, ``XKX``: no code the World Bank
    uses has a digit). ``ppp``: ISO 3166-1 alpha-2 codes, as :func:`alpha2` gives
    them (``XK`` for Kosovo).

    >>> checked_key("ppp", "IN")
    'IN'
    >>> checked_key("inflation", "123")
    Traceback (most recent call last):
    ...
    careerkit.data._gate.RefusedError: expected a World Bank country or area code, three capital letters such as USA or EMU
    """
    if kind == "cpi":
        accepted = key == "US"
    elif kind in ("fx-monthly", "fx-annual"):
        accepted = key in FX_SERIES.values()
    elif kind in ("fx-ecb-monthly", "fx-ecb-annual"):
        accepted = key in ECB_CURRENCIES
    elif kind == "fx-world-bank":
        accepted = key != "USD" and key in _currency_codes()
    elif kind == "inflation":
        accepted = re.fullmatch(r"[A-Z]{3}", key) is not None
    elif kind == "ppp":
        accepted = key in _alpha2_codes()
    else:
        raise RefusedError(f"expected a key of one of the series {', '.join(UNITS)}")
    if not accepted:
        raise RefusedError(f"expected {_expected_key(kind)}")
    return key


def _expected_key(kind: str) -> str:
    if kind in ("fx-monthly", "fx-annual"):
        codes = ", ".join(sorted(FX_SERIES.values()))
        return f"the ISO 4217 code of a currency the Fed's series cover ({codes})"
    if kind in ("fx-ecb-monthly", "fx-ecb-annual"):
        return f"the ISO 4217 code of a currency careerkit keeps of the ECB's ({', '.join(ECB_CURRENCIES)})"
    return {
        "fx-world-bank": "an ISO 4217 code of a currency in use, in capitals, other than USD",
        "cpi": "US: CPI-U is the index of the United States",
        "inflation": "a World Bank country or area code, three capital letters such as USA or EMU",
        "ppp": "an ISO 3166-1 alpha-2 country code in capitals, such as IN (XK for Kosovo)",
    }[kind]


@functools.cache
def _currency_codes() -> frozenset[str]:
    """The ISO 4217 codes in use (pycountry's list)."""
    import pycountry

    return frozenset(str(currency.alpha_3) for currency in pycountry.currencies)


@functools.cache
def _alpha2_codes() -> frozenset[str]:
    """Every code :func:`alpha2` may give."""
    import pycountry

    return frozenset(str(country.alpha_2) for country in pycountry.countries) | {"XK"}


def checked_date(kind: str, date: Date) -> Date:
    """*date* if series *kind* may have a value for it; else :class:`~careerkit.data._gate.RefusedError`.

    The readers' rule, which the installer applies again to what it reads back: from
    1900 on (the ECB's rates from 1999); a month not after the current month; a year that has ended, for an
    annual figure (an average over the year, or its change) is published only once
    the year is over.
    """
    if kind not in UNITS:
        raise RefusedError(f"expected a date of one of the series {', '.join(UNITS)}")
    monthly = SERIES[kind].frequency == "monthly"
    if monthly != isinstance(date, tuple):
        raise RefusedError(f"expected {'a month' if monthly else 'a year'}")
    today = datetime.date.today()
    year = _order(date)[0]
    if year < 1900:
        raise RefusedError("a date before 1900; expected 1900 or later")
    if kind in ("fx-ecb-monthly", "fx-ecb-annual") and year < 1999:
        raise RefusedError("a date before 1999: the ECB's reference rates start on 1999-01-04")
    if _order(date) > (today.year, today.month if monthly else 0):
        raise RefusedError(f"a date after today, {today.isoformat()}")
    if not monthly and year == today.year:
        raise RefusedError(
            f"{year} has not ended: an annual figure is published only once its year is over; "
            f"expected {year - 1} or earlier"
        )
    return date


def _order(date: Date) -> tuple[int, int]:
    """*date* as ``(year, month)``, a year as ``(year, 0)``: so that dates compare."""
    return date if isinstance(date, tuple) else (date, 0)


def alpha2(code: str) -> str | None:
    """The alpha-2 code of the World Bank's country code *code*; ``None`` for an aggregate."""
    if code == "XKX":  # Kosovo: the World Bank's code; XK is the code in use, not in ISO 3166
        return "XK"
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    return None if country is None else str(country.alpha_2)
