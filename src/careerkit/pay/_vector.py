"""The vectorised path: a table of pay figures at once, as float64, agreeing with ``Pay``.

Each of amount, currency, period, date and country is one value or one per row.
The rows' distinct (currency, period, date, country) combinations are found by
integer codes, each combination's exact factor is computed once through the
scalar :class:`~careerkit.Pay` path (and kept for later calls in the process,
until the data in use changes), and the amounts are multiplied by their row's
factor in float64. The results therefore agree with ``Pay`` to float64
rounding (far inside 1e-9 relative), and the work grows with the rows only
through a few passes of integer and float arithmetic.

The engine is in four parts, each its own module: what each part's values may be
(:mod:`careerkit.pay._kinds`, one check for :func:`convert_array` and every table
front end: pandas, polars, Dask), reading the columns (:mod:`careerkit.pay._columns`)
and single values (:mod:`careerkit.pay._part_values`), the factor of each
combination (:mod:`careerkit.pay._factor_table`), and naming a failing row
(:mod:`careerkit.pay._failures`). :func:`run` puts them together.

numpy is imported on first use; pandas never is (its hash table is used where it is
imported already).
"""

from __future__ import annotations

import struct
from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from careerkit.errors import CareerkitError, ValidationError, import_extra, shown
from careerkit.model._checks import MAX_AMOUNT
from careerkit.model.pay_band import Period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._columns import read_amounts, read_column
from careerkit.pay._factor_table import FACTOR_PARTS, Target, factor_table, one_unit
from careerkit.pay._failures import at_row
from careerkit.pay._part_values import check_value
from careerkit.pay._units import When

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Floats = np.ndarray[Any, np.dtype[np.float64]]  # as in _columns (the docs build runs this)

__all__ = ["Errors", "conversion_failures", "convert_array"]

Errors = Literal["raise", "coerce"]
"""What a row that cannot be converted does: raise its error, or become NaN."""

_BAD_AMOUNT = "an amount must be a number from 0 to 10^15 per period"
_MAX_BITS = struct.unpack("<Q", struct.pack("<d", MAX_AMOUNT))[0]  # 10^15's float64 bits


class Outcome(NamedTuple):
    """What :func:`run` makes of the rows: their values, and each one's reason where asked."""

    values: Floats
    reasons: np.ndarray[Any, np.dtype[np.object_]] | None


def check_errors(errors: object) -> None:
    """Refuse an *errors* that is neither ``"raise"`` nor ``"coerce"``."""
    if errors not in ("raise", "coerce"):
        raise ValidationError(
            f"errors must be 'raise' or 'coerce', got {shown(errors)}", field="errors"
        )


def run(
    amounts: npt.ArrayLike,
    parts: dict[str, object],
    target: Target,
    errors: Errors,
    *,
    reasons: bool = False,
    labels: Sequence[object] | None = None,
    names: dict[str, Hashable] | None = None,
) -> Outcome:
    """Convert every row; *parts* maps each of :data:`FACTOR_PARTS` to one value or one per row.

    *labels* names the rows in an error (a frame's index); row numbers count from 0.
    *names* gives the frame's column of each part that is one (``{"currency": "cur"}``),
    for errors to name.
    """
    import numpy as np

    names = names or {}
    check_errors(errors)
    values = read_amounts(
        amounts, field=target.amount_field, column=names.get("amount"), labels=labels
    )
    rows = len(values)
    columns = [
        read_column(name, parts[name], rows, column=names.get(name), labels=labels)
        for name in FACTOR_PARTS
    ]
    for column in columns:
        if column.codes is None:
            check_value(column.name, column.uniques[0])
    for column in columns[:2]:  # currency and period: see FACTOR_PARTS
        one_unit(column.name, column.uniques, target)

    table = factor_table(columns, rows, target)
    key, factors = table.key, table.factors

    with np.errstate(over="ignore", invalid="ignore"):  # amounts above 10^15: refused below
        if key is None:
            result = values * factors[0]
        else:
            result = factors.take(key)
            result *= values

    # Amounts outside 0..10^15 (NaN is a missing amount, not an error). One pass over the
    # bits: a float64 from +0 to 10^15 is an unsigned integer up to 10^15's bits, while a
    # negative number (its sign bit), NaN or anything larger is above them. Only then two
    # reductions that skip NaN, and temporary arrays only where one fails.
    bad_amounts: Any = None
    if (
        rows
        and values.view(np.uint64).max() > _MAX_BITS
        and not (np.fmin.reduce(values) >= 0 and np.fmax.reduce(values) <= MAX_AMOUNT)
    ):
        bad_amounts = ~((values >= 0) & (values <= MAX_AMOUNT)) & ~np.isnan(values)
        if not bad_amounts.any():
            bad_amounts = None  # every amount missing
    bad_rows: Any = table.failed_rows()
    if bad_rows is not None:
        bad_rows &= ~np.isnan(values)  # a missing amount is just missing
    if errors == "raise":
        first = [
            int(np.argmax(mask))
            for mask in (bad_amounts, bad_rows)
            if mask is not None and mask.any()
        ]
        if first:
            row = min(first)
            if bad_amounts is not None and bad_amounts[row]:
                problem: CareerkitError = ValidationError(_BAD_AMOUNT)
            else:
                problem = table.error_of(row)
            raise at_row(problem, row, values, columns, labels)
    reason_column = None
    if bad_amounts is not None:
        result[bad_amounts] = np.nan
    if bad_rows is not None:
        result[bad_rows] = np.nan
    if reasons:
        reason_column = np.full(rows, None, dtype=object)
        if bad_rows is not None:
            reason_column[bad_rows] = table.reasons()[bad_rows]
        if bad_amounts is not None:
            for row in np.flatnonzero(bad_amounts).tolist():
                reason_column[row] = _BAD_AMOUNT
    return Outcome(result, reason_column)


# --- the public functions ----------------------------------------------------------------------


def _array(arguments: dict[str, Any], errors: Errors, *, reasons: bool = False) -> Outcome:
    """:func:`convert_array` (or :func:`conversion_failures`) of its *arguments* (``locals()``)."""
    feature = "careerkit.conversion_failures()" if reasons else "careerkit.convert_array()"
    import_extra("numpy", "array", feature)
    target = Target.checked(
        arguments["to_currency"],
        arguments["to_period"],
        arguments["prices_of"],
        arguments["schedule"],
    )
    parts = {name: arguments[name] for name in FACTOR_PARTS}
    return run(arguments["amounts"], parts, target, errors, reasons=reasons)


def convert_array(
    amounts: npt.ArrayLike,
    *,
    currency: str | Iterable[str],
    period: Period | str | Iterable[Period | str],
    when: When | Iterable[When | None] | None,
    country: str | Iterable[str | None] | None = None,
    to_currency: str | None = None,
    to_period: Period | str | None = None,
    prices_of: When | None = None,
    schedule: WorkSchedule | None = None,
    errors: Errors = "raise",
) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Convert a table of pay figures at once; returns float64 (numpy is imported on first use).

    Each of *currency*, *period*, *when* and *country* is one value for every row
    or an array (list, numpy array, pandas Series) with one per row; the target
    (*to_currency*, *to_period*, *prices_of*, *schedule*) is one for all rows. The
    steps and their order are those of :meth:`careerkit.PayBand.convert`: period,
    then the prices of *prices_of* (in the row's currency and *country*), then
    currency at *prices_of*'s rates, or at the row's own date's rates.

    Each distinct combination of currency, period, month and country is converted
    once, exactly, through :class:`~careerkit.Pay` (and kept for later calls, until
    the data in use changes); the amounts are then multiplied by their factor, so
    every result agrees with ``Pay`` to float64 rounding.

    Dates may be ``'2008'``, ``'2008-05'`` or ``'2008-05-14'``, years (``2008``),
    :class:`datetime.date`, numpy ``datetime64``, pandas ``Timestamp``,
    ``Period`` and ``DatetimeIndex``. **A date with a day counts as its calendar
    month** (that month's average exchange rate and price index; a time of day
    is ignored); years stay years (annual averages).

    Amounts are numbers: ``bool`` and text (even ``"10"``; ``"nan"`` too) are
    refused with :class:`~careerkit.WrongTypeError`, as is an array of a type a
    part cannot hold (durations as dates, numbers as currencies), naming the
    first row with such a value, whatever *errors* says. A missing amount (NaN,
    ``None``, ``pd.NA``) gives NaN and is not checked further. A row that cannot
    be converted (an unknown currency, a date outside
    the data, no date where one is needed, an amount below 0 or above 10^15)
    raises its error, as the same class, naming the row's number (from 0) and
    values; with ``errors="coerce"`` it gives NaN instead, and
    :func:`conversion_failures` tells each such row's reason.

    >>> convert_array([14.36, 10.0], currency="USD", period="hour", when="2008-05",
    ...               to_period="year").tolist()
    [29868.8, 20800.0]
    >>> convert_array([14.36, 25000, None], currency=["USD", "INR", "INR"],
    ...               period=["hour", "month", "month"], when=["2008-05", "2010", "2010"],
    ...               to_currency="INR", to_period="month").round(2).tolist()
    [104545.53, 25000.0, nan]
    """
    return _array(locals(), errors).values


def conversion_failures(
    amounts: npt.ArrayLike,
    *,
    currency: str | Iterable[str],
    period: Period | str | Iterable[Period | str],
    when: When | Iterable[When | None] | None,
    country: str | Iterable[str | None] | None = None,
    to_currency: str | None = None,
    to_period: Period | str | None = None,
    prices_of: When | None = None,
    schedule: WorkSchedule | None = None,
) -> np.ndarray[Any, np.dtype[np.object_]]:
    """Why each row of :func:`convert_array` (same arguments) cannot be converted.

    An object array with one entry per row: ``None`` where the row converts (or
    has no amount), otherwise the error's message, for the rows that
    ``errors="coerce"`` turns into NaN.

    >>> conversion_failures([1.0, 2.0], currency=["USD", "XYZ"], period="year",
    ...                     when="2010", to_currency="INR").tolist()
    [None, "currency: unknown currency 'XYZ': expected an ISO 4217 code in upper case, such as 'INR' or 'USD'"]
    """
    reasons = _array(locals(), "coerce", reasons=True).reasons
    assert reasons is not None  # asked for
    return reasons
