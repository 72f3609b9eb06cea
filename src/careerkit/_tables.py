"""What the pandas, polars and Dask front ends share: their arguments, and parsing a column.

Each front end turns its own columns into :class:`careerkit.pay._vector.Column`
values (codes and distinct values, without copying strings where it can) and
calls :func:`careerkit.pay._vector.run`; parsing reads each distinct text once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from careerkit.errors import CareerkitError, ValidationError, WrongTypeError, shown
from careerkit.model import _iso
from careerkit.model.pay_band import Period, to_period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._pay import When
from careerkit.pay._vector import Errors, Target, check_errors, prefixed

if TYPE_CHECKING:
    import numpy as np

    from careerkit.pay._vector import Codes, Floats

PARTS = ("amount", "currency", "period", "when", "country")


def missing_extra(error: ModuleNotFoundError, extra: str) -> ModuleNotFoundError:
    """The error for ``import careerkit.pandas`` (polars, dask) without the library."""
    library = (error.name or extra).split(".")[0]
    return ModuleNotFoundError(
        f"careerkit.{extra} needs {library}, which is not installed: "
        f"pip install 'careerkit[{extra}]'",
        name=library,
    )


def target(
    to: str | None, prices_of: When | None, schedule: WorkSchedule | None
) -> tuple[Target, str]:
    """The checked target of ``to="INR/month"`` and the result's unit words, for its name.

    *to* is ``"CURRENCY/PERIOD"``, ``"CURRENCY"`` or ``"PERIOD"`` (``"INR/month"``,
    ``"INR"``, ``"month"``); ``None`` keeps each row's own (one for all rows).
    """
    currency: str | None = None
    period: Period | str | None = None
    if to is not None:
        if not isinstance(to, str):
            raise WrongTypeError(
                f"expected a unit such as 'INR/month', 'INR' or 'month', got {shown(to)}",
                field="to",
            )
        parts = [part.strip() for part in to.split("/")]
        if len(parts) > 2 or not all(parts):
            raise ValidationError(
                f"cannot read {shown(to)} as a unit: expected 'CURRENCY/PERIOD' such as "
                "'INR/month', or one of them ('INR', 'month')",
                field="to",
            )
        if len(parts) == 2:
            currency, period = parts
        elif parts[0].lower() in {member.value for member in Period}:
            period = parts[0].lower()
        else:
            currency = parts[0]
    try:
        checked = Target.checked(currency, period, prices_of, schedule)
    except ValidationError as error:
        if error.field not in ("to_currency", "to_period"):
            raise
        raise type(error)(f"in {shown(to)}: {error.message}", field="to") from None
    unit = "/".join(
        filter(None, [checked.currency, None if checked.period is None else checked.period.value])
    )
    if checked.prices_of is not None:
        unit = f"{unit}, {checked.prices_of} prices" if unit else f"{checked.prices_of} prices"
    return checked, unit


def result_name(amount: object, unit: str) -> str:
    """``"pay (INR/month, 2024 prices)"``: the amount column's name and the unit."""
    base = amount if isinstance(amount, str) else "pay"
    return f"{base} ({unit})" if unit else base


def in_partition(error: CareerkitError, number: int | None) -> CareerkitError:
    """*error* naming the Dask partition it happened in, where there is one: the same class."""
    return error if number is None else prefixed(error, f"partition {number}")


# --- parsing a column ------------------------------------------------------------------------------


class Parsed(NamedTuple):
    """The parsed columns, one entry per row."""

    low: Floats
    high: Floats
    currency: np.ndarray[Any, np.dtype[np.object_]]
    period: np.ndarray[Any, np.dtype[np.object_]]


def parse_codes(
    codes: Codes,
    uniques: Sequence[object],
    *,
    errors: Errors,
    currency: str | None,
    period: Period | str | None,
    locale: str | None,
    label: Callable[[int], str] = str,
) -> Parsed:
    """Parse each distinct text of *uniques* once and spread the results over the rows.

    *codes* gives each row's index into *uniques* (a missing text: ``None``, or a
    NaN). A row whose text cannot be read raises :class:`~careerkit.PayParseError`
    naming the row (``errors="raise"``) or gives NaN and ``None`` (``"coerce"``).
    """
    import numpy as np

    from careerkit.pay._range import PayRange
    from careerkit.pay._vector import _missing
    from careerkit.text import parse_pay

    check_errors(errors)
    # The options are checked once, here: in each text's error, they would make every row NaN.
    if currency is not None:
        _iso.check_currency(currency, field="currency")
    if period is not None:
        to_period(period)
    if locale is not None:
        from careerkit.text.parse import _locale_marks

        _locale_marks(locale)
    size = len(uniques)
    low = np.full(size, np.nan)
    high = np.full(size, np.nan)
    units: list[tuple[str | None, str | None]] = [(None, None)] * size
    failed: dict[int, CareerkitError] = {}
    for at, text in enumerate(uniques):
        if _missing(text):
            continue
        try:
            found = parse_pay(text, currency=currency, period=period, locale=locale)  # type: ignore[arg-type]
        except CareerkitError as error:
            failed[at] = error
            continue
        ends = (found.low, found.high) if isinstance(found, PayRange) else (found, found)
        low[at], high[at] = (np.nan if end is None else float(end.amount) for end in ends)
        units[at] = (found.currency, found.period.value)
    if failed and errors == "raise":
        bad = np.zeros(size, dtype=bool)
        bad[list(failed)] = True
        row = int(np.argmax(bad.take(codes)))
        first = failed[int(codes[row])]
        raise prefixed(first, f"row {label(row)} ({shown(uniques[int(codes[row])])})")
    currencies = np.array([unit[0] for unit in units] + [None], dtype=object)[:-1]
    periods = np.array([unit[1] for unit in units] + [None], dtype=object)[:-1]
    return Parsed(low.take(codes), high.take(codes), currencies.take(codes), periods.take(codes))
