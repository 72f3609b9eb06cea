"""The ECB's euro foreign exchange reference rates: ``fx-ecb-monthly`` and ``fx-ecb-annual``.

*ECB reference rates CSV*, the European Central Bank's full history of its daily
reference rates (``eurofxref-hist.csv``, or the zip the ECB serves,
``eurofxref-hist.zip``, whose one member it is): a header ``Date`` then one column per
currency, a row per TARGET business day, newest first, each rate in units of the
currency per euro, ``N/A`` where the ECB quotes no rate (a currency not yet quoted, or
replaced); each line ends with a comma::

    Date,USD,JPY,BGN,CYP,CZK,...,ZAR,
    2024-12-31,1.0389,163.06,1.9558,N/A,25.185,...,19.6188,

careerkit keeps cross rates to the US dollar, as the Federal Reserve's series are kept:
for each day, a currency's rate per euro divided by the ECB's own USD rate for that day
(units of the currency per US dollar); the euro's is the inverse of the USD rate. The
averages are computed as the Fed computes its own monthly (H.10/G.5) and annual (G.5A)
averages: the mean of the business days' rates in the month (``fx-ecb-monthly``) or
the year (``fx-ecb-annual``), in the Fed's quoting direction: units of the currency per
US dollar, except for AUD, EUR, GBP and NZD, which the Fed quotes (and averages) in US
dollars per unit: those are averaged so, then inverted. The mean is exact;
it is kept to :data:`DIGITS` significant digits, rounding half to even.

A month (year) has an average only if the file has every TARGET business day of it
(:func:`target_days`: a file cut at either end, or missing days inside a month, gives
no average for those months, never the mean of some of their days) and the currency and USD have a rate on every business day the file lists in it: a month in which the ECB started or stopped
quoting a currency, or suspended it (ISK from December 2008 to January 2018), has no
average (a month partly quoted inside a currency's span is marked as having no value).
Columns of currencies careerkit does not keep (:data:`~careerkit.data.ECB_CURRENCIES`:
the ECB's columns of currencies since replaced, BGN, CYP, ...) are not read. Every rate
read passes careerkit's value gate as text (positive, at most 10^12, at least 10^-12),
each date is a real date, from 1999-01-04 (the ECB's first) to today, given once, the
dates in order (newest first, as the ECB writes them, or oldest first).
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_EVEN, Context, Decimal
from fractions import Fraction
from typing import NamedTuple

from careerkit.data._formats._file import _Figure, _File, _Reading, _rows
from careerkit.data._gate import SMALLEST, RefusedError, number
from careerkit.data._series import ECB_CURRENCIES, FED_USD_PER_UNIT, SERIES, Date
from careerkit.errors import shown

DIGITS = 8
"""Significant digits of an average careerkit computes from the ECB's daily rates."""

FIRST_DAY = datetime.date(1999, 1, 4)
"""The ECB's first reference rates: the euro's first business day."""

_MAX = Decimal(10) ** 12
_CODE = re.compile(r"[A-Z]{3}")


class Day(NamedTuple):
    """One business day of the file: its date, line, and rates per euro (``None``: ``N/A``)."""

    date: datetime.date
    line: int
    rates: Mapping[str, Fraction | None]


def days(file: _File) -> tuple[list[Day], datetime.date]:
    """The file's business days, oldest first, each rate checked; and the last day's date.

    Only USD and the currencies of :data:`~careerkit.data.ECB_CURRENCIES` are read.
    """
    rows = _rows(file)
    try:
        _, header = next(rows)
    except StopIteration:
        raise file.error("no header row: expected Date,USD,JPY,...") from None
    trailing = bool(header) and header[-1] == ""  # the ECB ends every line with a comma
    if trailing:
        header = header[:-1]
    if not header or header[0] != "Date" or "USD" not in header[1:]:
        raise file.error(
            f"the header {shown(','.join(header))} is not the ECB's: expected Date, then "
            "the currencies' codes, USD among them",
            1,
        )
    columns: dict[str, int] = {}
    for index, code in enumerate(header[1:], 1):
        if not _CODE.fullmatch(code):
            raise file.error(f"column {shown(code)}; expected a currency code such as USD", 1)
        if code in columns:
            raise file.error(f"the column {code} appears twice", 1)
        columns[code] = index
    kept = {code: index for code, index in columns.items() if code in (*ECB_CURRENCIES, "USD")}
    found: list[Day] = []
    seen: dict[datetime.date, int] = {}
    today = datetime.date.today()
    for line, row in rows:
        if len(row) != len(header) + trailing or (trailing and row[-1] != ""):
            raise file.error(
                f"{len(row)} fields; the header has {len(header) + trailing}"
                + (", the last empty (each line ends with a comma)" if trailing else ""),
                line,
            )
        date = _date(file, line, row[0], today)
        if date in seen:
            raise file.error(f"{date} is given twice, on lines {seen[date]} and {line}", line)
        if (
            found
            and len(found) > 1
            and (date < found[-1].date) != (found[-1].date < found[-2].date)
        ):
            raise file.error(
                f"{date} is out of order after {found[-1].date} (line {found[-1].line}); "
                "expected the dates newest first, as the ECB writes them, or oldest first",
                line,
            )
        seen[date] = line
        rates = {code: _rate(file, line, code, row[index]) for code, index in kept.items()}
        found.append(Day(date, line, rates))
    if not found:
        raise file.error("no rows: the file has no reference rates")
    found.sort(key=lambda day: day.date)
    return found, found[-1].date


def _date(file: _File, line: int, text: str, today: datetime.date) -> datetime.date:
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            raise ValueError
        date = datetime.date.fromisoformat(text)
    except ValueError:
        raise file.error(f"date {shown(text)}; expected a date as YYYY-MM-DD", line) from None
    if not FIRST_DAY <= date <= today:
        raise file.error(
            f"date {date}; expected a business day from {FIRST_DAY} (the ECB's first "
            f"reference rates) to today, {today}",
            line,
        )
    return date


def _rate(file: _File, line: int, code: str, text: str) -> Fraction | None:
    if text == "N/A":
        return None
    try:
        value = number(text, largest=_MAX, smallest=SMALLEST)
        if not value > 0:
            raise RefusedError("expected a positive number (units of the currency per euro)")
    except RefusedError as error:
        raise file.error(f"found {shown(text)}; {error}, or N/A for no rate", line, code) from None
    return Fraction(value)


def _easter(year: int) -> datetime.date:
    """Easter Sunday of *year* (the Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def target_days(year: int, month: int) -> set[datetime.date]:
    """The TARGET business days of a month, on each of which the ECB publishes its rates:
    weekdays but 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December (Good
    Friday, Easter Monday and 1 May from 2000; 31 December 1999 and 2001 too)."""
    easter = _easter(year)
    closed = {datetime.date(year, 1, 1), datetime.date(year, 12, 25), datetime.date(year, 12, 26)}
    if year >= 2000:
        closed |= {easter - datetime.timedelta(days=2), easter + datetime.timedelta(days=1)}
        closed.add(datetime.date(year, 5, 1))
    if year in (1999, 2001):
        closed.add(datetime.date(year, 12, 31))
    days = (
        datetime.date(year, month, day) for day in range(1, calendar.monthrange(year, month)[1] + 1)
    )
    return {day for day in days if day.weekday() < 5 and day not in closed}


def rounded(value: Fraction) -> Decimal:
    """*value* to :data:`DIGITS` significant digits, rounding half to even."""
    context = Context(prec=DIGITS, rounding=ROUND_HALF_EVEN)
    return context.divide(Decimal(value.numerator), Decimal(value.denominator))


def average(code: str, group: Iterable[Day]) -> Decimal | None:
    """The mean of *code*'s cross rates to USD over *group*, as units per USD; ``None`` if a day
    lacks a rate (of *code* or of USD).

    Averaged in the Fed's quoting direction, as the Fed averages: US dollars per unit for
    the currencies of :data:`~careerkit.data.FED_USD_PER_UNIT` (AUD, EUR, GBP, NZD), then
    inverted; units per US dollar for the rest.
    """
    dollars = code in FED_USD_PER_UNIT
    values = []
    for day in group:
        usd = day.rates.get("USD")
        rate = Fraction(1) if code == "EUR" else day.rates.get(code)
        if usd is None or rate is None:
            return None
        values.append(usd / rate if dollars else rate / usd)
    if not values:
        return None
    mean = sum(values, Fraction(0)) / len(values)
    return rounded(1 / mean if dollars else mean)


def averages(
    found: list[Day], *, monthly: bool
) -> dict[str, dict[Date, tuple[Decimal | None, int]]]:
    """``{code: {date: (average or None, line)}}`` over every whole month (or year) of *found*.

    ``None`` marks a date inside the span of *code*'s rates on which it lacks some day's.
    """
    groups: dict[Date, list[Day]] = {}
    for day in found:
        key: Date = (day.date.year, day.date.month) if monthly else day.date.year
        groups.setdefault(key, []).append(day)
    listed = {day.date for day in found}
    months = {
        (year, month)
        for year, month in {(day.date.year, day.date.month) for day in found}
        if target_days(year, month) <= listed
    }
    whole = {
        key: group
        for key, group in groups.items()
        if (
            key in months
            if isinstance(key, tuple)
            else all((key, m) in months for m in range(1, 13))
        )
    }
    codes = [code for code in ECB_CURRENCIES if code == "EUR" or code in found[0].rates]
    table: dict[str, dict[Date, tuple[Decimal | None, int]]] = {}
    for code in codes:
        quoted = [
            key
            for key, group in whole.items()
            if any(day.rates.get(code if code != "EUR" else "USD") is not None for day in group)
        ]
        for key in quoted:
            group = whole[key]
            table.setdefault(code, {})[key] = (average(code, group), group[0].line)
    return table


def _read_ecb(kind: str, file: _File) -> _Reading:
    found, last = days(file)
    table = averages(found, monthly=kind == "fx-ecb-monthly")
    figures = [
        _Figure(code, date, None if value is None else str(value), line, code)
        for code, series in table.items()
        for date, (value, line) in sorted(series.items())
    ]
    if not figures:
        raise file.error(
            f"no whole {'month' if kind == 'fx-ecb-monthly' else 'year'} of reference rates: "
            f"the file runs from {found[0].date} to {last}"
        )
    return _Reading(
        figures=figures,
        series=("eurofxref-hist",),
        publisher=SERIES[kind].source,
        no_value="N/A",
        published=last.isoformat(),
        sort=True,
    )
