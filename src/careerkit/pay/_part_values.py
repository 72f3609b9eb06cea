"""One value of a row's currency, period, date or country, as careerkit reads it.

A value given once for every row is checked with :func:`check_value` when the call
is made (``currency="inr"`` is refused before any row is read); each distinct
value of a column is read the same way when its combination's factor is computed,
and a value it refuses is its rows' error.
"""

from __future__ import annotations

import datetime as dt
import numbers
from typing import Any

from careerkit.errors import ValidationError, WrongTypeError, shown, wrong_type
from careerkit.model import _iso
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import Period, to_period
from careerkit.pay._kinds import is_missing
from careerkit.pay._units import INTERNATIONAL_DOLLAR

_PERIOD_UNITS = {"D", "B", "h", "H", "min", "T", "s", "S", "ms", "L", "us", "U", "ns", "N"}


def date_of(value: object) -> ReferenceDate | None:
    """A row's date as careerkit reads it: a year, or a month.

    A date with a day, or a time, counts as its calendar month (the month's average
    exchange rate and price index, as ``Pay`` does for a dated day; a time zone-aware
    timestamp is read in its own zone). Years stay years: annual averages.
    """
    if is_missing(value):
        return None
    if isinstance(value, ReferenceDate):
        return value if value.day is None else ReferenceDate(value.year, value.month)
    if isinstance(value, dt.date):  # also datetime and pandas Timestamp
        return ReferenceDate(value.year, value.month)
    if isinstance(value, str):
        date = ReferenceDate.parse(value, field="when")
        return date if date.day is None else ReferenceDate(date.year, date.month)
    if isinstance(value, bool):
        raise wrong_type("a date", value, "when")
    if isinstance(value, numbers.Integral):  # numpy's integers too
        return ReferenceDate(int(value))
    if isinstance(value, float):
        if not value.is_integer():
            raise ValidationError(
                f"cannot read {shown(value)} as a date: a number is read as a year, such as 2008",
                field="when",
            )
        return ReferenceDate(int(value))
    kind = type(value).__name__
    if kind == "datetime64":
        import numpy as np

        if np.datetime_data(value.dtype)[0] == "Y":  # type: ignore[attr-defined]
            return ReferenceDate(1970 + int(value.astype(np.int64)))  # type: ignore[attr-defined]
        months = int(value.astype("datetime64[M]").astype(np.int64))  # type: ignore[attr-defined]
        return ReferenceDate(1970 + months // 12, months % 12 + 1)
    if kind == "Period" and hasattr(value, "freqstr"):
        return _period_date(value)
    raise WrongTypeError(
        "expected a date: a string such as '2008-05', a year such as 2008, a datetime.date, "
        f"a numpy datetime64 or a pandas Timestamp or Period; got {kind} {shown(value)}",
        field="when",
    )


def _period_date(period: Any) -> ReferenceDate:
    """A pandas ``Period``: a calendar year, a month, or a day or less (its month)."""
    freq = str(period.freqstr)
    base = freq.split("-")[0].lstrip("0123456789")
    if base in ("Y", "A") and freq.endswith(("-DEC", "Y", "A")):
        return ReferenceDate(int(period.year))
    if base == "M" or base in _PERIOD_UNITS:
        return ReferenceDate(int(period.year), int(period.month))
    raise ValidationError(
        f"cannot read the period {shown(period)} (frequency {freq}) as a date: it spans more "
        "than one month but is not a calendar year; give its start (period.start_time) or "
        "monthly periods",
        field="when",
    )


def currency_of(value: object) -> str:
    """A row's currency: an ISO 4217 code (or international dollars), never missing."""
    if is_missing(value):
        raise ValidationError("no currency is given for the amount", field="currency")
    if value != INTERNATIONAL_DOLLAR:
        _iso.check_currency(value, field="currency")  # type: ignore[arg-type]
    return str(value)  # numpy's str_ as str


def period_of(value: object) -> Period:
    """A row's period (``'hour'`` ... ``'year'``), never missing."""
    if is_missing(value):
        raise ValidationError("no period is given for the amount", field="period")
    try:
        return to_period(value)  # type: ignore[arg-type]
    except ValidationError as error:
        raise type(error)(error.message, field="period") from None


def country_of(value: object) -> str | None:
    """A row's country: an ISO 3166-1 alpha-2 code, or ``None`` where it has none."""
    if is_missing(value):
        return None
    if not isinstance(value, str):
        raise wrong_type("an ISO 3166-1 alpha-2 country code such as 'DE'", value, "country")
    _iso.check_country(value)
    return str(value)


# Each part's check, for a value given once for every row (an argument: refused at once).
_CHECKS = {"currency": currency_of, "period": period_of, "when": date_of, "country": country_of}


def check_value(part: str, value: object) -> None:
    """Refuse a value given once for every row that *part* cannot be: at once, as an argument."""
    _CHECKS[part](value)
