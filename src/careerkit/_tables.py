"""What the pandas, polars and Dask front ends share: their arguments, and parsing a column.

Every ``convert`` and ``failures`` call is a :class:`Request`, checked by
:func:`check_call` before any row is read (Dask's when it is called, from the
frame's ``meta``): each front end only says which of its columns hold what
(:class:`careerkit.pay._vector.Kind`). Each front end then turns its own columns
into :class:`careerkit.pay._vector.Column` values (codes and distinct values,
without copying strings where it can) and converts them with :func:`run_call`;
parsing reads each distinct text once, after :func:`check_parse`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from careerkit.errors import CareerkitError, ValidationError, WrongTypeError, shown
from careerkit.model import _iso
from careerkit.model.pay_band import Period, to_period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._pay import When
from careerkit.pay._vector import (
    Errors,
    Kind,
    Outcome,
    Target,
    check_errors,
    check_kind,
    check_value,
    is_missing,
    is_scalar,
    prefixed,
    reworded,
    run,
)

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
        checked = Target.checked(currency, period, prices_of, schedule)._replace(front_end=True)
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


class Request(NamedTuple):
    """The arguments of a ``convert`` or ``failures`` call: the same in every front end."""

    given: dict[str, object]  # each of PARTS: a column's name, one value, or one per row
    to: str | None
    prices_of: When | None
    schedule: WorkSchedule | None
    errors: object
    reasons: bool  # failures: each row's reason, rather than its value

    @classmethod
    def of(cls, arguments: Mapping[str, Any], *, reasons: bool = False) -> Request:
        """The request of a front end's method, from its arguments (``locals()``).

        ``failures`` (*reasons*) converts with ``errors="coerce"``.
        """
        return cls(
            {part: arguments.get(part) for part in PARTS},
            arguments.get("to"),
            arguments.get("prices_of"),
            arguments.get("schedule"),
            "coerce" if reasons else arguments.get("errors", "raise"),
            reasons,
        )


class Call(NamedTuple):
    """A :class:`Request`, checked: what a front end hands the engine."""

    target: Target
    unit: str  # the target's unit words, for the result's name
    names: dict[str, Hashable]  # the parts given as a column of the frame: its name


def names_column(value: object, columns: Iterable[Hashable]) -> bool:
    """*value* is the name of one of *columns* (not a value for every row that looks like one)."""
    if not isinstance(value, Hashable) or isinstance(value, tuple | float):
        return False
    try:
        return value in columns
    except TypeError:
        return False


def check_call(
    request: Request, columns: Iterable[Hashable], kind: Callable[[Hashable], Kind]
) -> Call:
    """Check a ``convert`` or ``failures`` call before any row is read: one check for every front end.

    A value of the request that names one of the frame's *columns* is that column,
    and *kind* tells what it holds (of a Dask frame: what its ``meta`` holds).
    Refused at once: ``errors``, the target, a column of a type its part cannot
    hold, an amount that is not a column, and a value given once for every row
    that its part cannot be (``currency="inr"``, ``when="2010-13"``).
    """
    check_errors(request.errors)
    checked, unit = target(request.to, request.prices_of, request.schedule)
    given = request.given
    names = {part: value for part, value in given.items() if names_column(value, columns)}
    listed = ", ".join(str(name) for name, _ in zip(columns, range(8), strict=False))
    for part in PARTS:
        value = given[part]
        if part in names:
            check_kind(part, kind(names[part]), column=names[part])
        elif not is_scalar(value):
            continue  # one value per row, read with the rows
        elif part == "amount":
            raise ValidationError(
                f"amount={shown(value)} is not a column of the frame (its columns: {listed}); "
                "give the name of the column of amounts",
                field="amount",
            )
        else:
            try:
                check_value(part, value)
            except ValidationError as error:
                if not isinstance(value, str):
                    raise
                raise reworded(
                    error,
                    f"{error.message} ({shown(value)} is not a column of the frame either: its "
                    f"columns are {listed})",
                    error.field,
                ) from None
    return Call(checked, unit, names)


def run_call(
    request: Request,
    call: Call,
    parts: dict[str, object],
    labels: Sequence[object] | None = None,
) -> Outcome:
    """Convert the rows of a checked call: *parts* are each part's values, as the front end read them."""
    values = dict(parts)
    amounts: Any = values.pop("amount")
    errors: Any = request.errors
    return run(
        amounts,
        values,
        call.target,
        errors,
        reasons=request.reasons,
        labels=labels,
        names=call.names,
    )


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


def check_parse(
    *, errors: object, currency: str | None, period: Period | str | None, locale: str | None
) -> None:
    """Check ``parse``'s options once, before any text is read (every front end calls this).

    In each text's error they would make every row NaN under ``errors="coerce"``.
    """
    check_errors(errors)
    if currency is not None:
        _iso.check_currency(currency, field="currency")
    if period is not None:
        to_period(period)
    if locale is not None:
        from careerkit.text.parse import _locale_marks

        _locale_marks(locale)


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
    The options are the caller's, checked with :func:`check_parse`.
    """
    import numpy as np

    from careerkit.pay._range import PayRange
    from careerkit.text import parse_pay

    size = len(uniques)
    low = np.full(size, np.nan)
    high = np.full(size, np.nan)
    units: list[tuple[str | None, str | None]] = [(None, None)] * size
    failed: dict[int, CareerkitError] = {}
    for at, text in enumerate(uniques):
        if is_missing(text):
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
