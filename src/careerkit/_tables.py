"""What the pandas, polars and Dask front ends share: one spec of their arguments, read once.

Each front end's ``convert``, ``failures`` and ``parse`` spell their arguments out
(users and IDEs read them), and :func:`takes` holds them to the one spec here:
:data:`CONVERT`, :data:`FAILURES`, :data:`PARSE` and :data:`CLASSIFY` give each argument's name,
default and description, once; the decorator checks that the front end takes
exactly those (keyword-only, in that order, with those defaults) and writes the
descriptions into its docstring.

A call's arguments are then read once, by :meth:`Request.of` (a ``parse`` call's by
:class:`careerkit._parse_table.ParseRequest`, given here too), and a ``convert`` or
``failures`` call is checked by :func:`check_call` before any row is read (Dask's
when it is called, from the frame's ``meta``): each front end only says which of
its columns hold what (:class:`careerkit.pay._kinds.Kind`) and how it reads a column
or one value per row (:meth:`Call.convert`), turning its own columns into
:class:`careerkit.pay._columns.Column` values (codes and distinct values, without
copying strings where it can). Parsing reads each distinct text once
(:meth:`careerkit._parse_table.ParseRequest.parse`).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

from careerkit._parse_table import Parsed as Parsed  # the front ends' parse, given here
from careerkit._parse_table import ParseRequest as ParseRequest
from careerkit.errors import (
    CareerkitError,
    MissingExtraError,
    ValidationError,
    WrongTypeError,
    shown,
)
from careerkit.model.pay_band import Period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._factor_table import Target
from careerkit.pay._failures import prefixed, reworded
from careerkit.pay._kinds import Kind, check_kind, is_scalar
from careerkit.pay._part_values import check_value
from careerkit.pay._units import When
from careerkit.pay._vector import Outcome, check_errors, run

F = TypeVar("F", bound=Callable[..., Any])

PARTS = ("amount", "currency", "period", "when", "country")


# --- the spec: each argument once, with what it means ---------------------------------------------


class Argument(NamedTuple):
    """One keyword argument of the front ends: its name, its default, and what it is."""

    name: str
    default: object  # REQUIRED where there is none
    means: str  # its description, in every front end's docstring


REQUIRED = inspect.Parameter.empty
"""The default of an argument that must be given."""


def _column_or_one(values: str, one: str) -> str:
    """How a part's argument is given, for its description."""
    return (
        f"{values}: the name of a column, or one {one} for every row (a value that is not one "
        "of the frame's column names)"
    )


CONVERT = (
    Argument("amount", REQUIRED, "the name of the column of amounts"),
    Argument("currency", REQUIRED, _column_or_one("ISO 4217 codes such as ``'INR'``", "code")),
    Argument(
        "period",
        REQUIRED,
        _column_or_one("``'hour'``, ``'day'``, ``'week'``, ``'month'`` or ``'year'``", "period"),
    ),
    Argument(
        "when",
        REQUIRED,
        _column_or_one(
            "dates (``'2008-05'``, years, dates, timestamps or periods; a date with a day "
            "counts as its calendar month)",
            "date",
        ),
    ),
    Argument(
        "country",
        None,
        _column_or_one(
            "the country whose prices *prices_of* uses where a currency is shared (ISO "
            "3166-1 alpha-2 codes such as ``'DE'``; ``None``: the currency's own, the euro "
            "area's for EUR)",
            "code",
        ),
    ),
    Argument(
        "to",
        None,
        '``"CURRENCY/PERIOD"``, ``"CURRENCY"`` or ``"PERIOD"`` (``"INR/month"``, ``"INR"``, '
        '``"month"``); ``None`` keeps each row\'s own (one for all rows)',
    ),
    Argument("prices_of", None, 'a date (``"2024"``): every figure is moved into its prices first'),
    Argument(
        "schedule",
        None,
        "the work schedule of a change of period (``None``: ``WorkSchedule.BLS_FULL_TIME``)",
    ),
    Argument(
        "errors",
        "raise",
        '``"raise"``: a row that cannot be converted raises its error, naming the row; '
        '``"coerce"``: it gives a missing value instead',
    ),
)
"""The arguments of ``convert``: in every front end, in this order."""

FAILURES = CONVERT[:-1]
"""The arguments of ``failures``: ``convert``'s, but ``errors``."""

PARSE = (
    Argument(
        "errors",
        "raise",
        '``"raise"``: an unreadable text raises its error, naming its row; ``"coerce"``: it '
        "gives missing values instead",
    ),
    Argument(
        "currency",
        None,
        ":func:`careerkit.parse_pay`'s: the currency of a text that names none (``'INR'``), "
        "and of every text that names one (a check)",
    ),
    Argument(
        "period",
        None,
        ":func:`careerkit.parse_pay`'s: the period of a text that names none (``'year'``), "
        "and of every text that names one (a check)",
    ),
    Argument(
        "locale",
        None,
        ":func:`careerkit.parse_pay`'s: the locale (``'de_DE'``) whose decimal and grouping "
        "marks numbers are read by",
    ),
    Argument(
        "default_currency",
        None,
        ":func:`careerkit.parse_pay`'s: the currency of the texts that name none, never "
        "overriding one a text names (``'INR'``)",
    ),
    Argument(
        "default_period",
        None,
        ":func:`careerkit.parse_pay`'s: the period of the texts that name none, never "
        "overriding one a text names (``'year'``: ``'$ 136k'`` a year, ``'$14/hr'`` an hour)",
    ),
)
"""The arguments of ``parse``: :func:`careerkit.parse_pay`'s, in every front end."""

PARSE_FAILURES = PARSE[1:]
"""The arguments of ``parse_failures``: ``parse``'s, but ``errors``."""

CLASSIFY = (
    Argument(
        "min_score",
        None,
        "the least score (0-100) of a match: a title whose best match scores less gets "
        "missing values, as one that matches nothing; ``None``: "
        ":data:`careerkit.CLASSIFY_MIN_SCORE`",
    ),
)
"""The arguments of ``classify``: :func:`careerkit.classify`'s, in every front end."""


def takes(spec: Sequence[Argument]) -> Callable[[F], F]:
    """A front end's function, held to *spec* and documented by it.

    Its keyword-only arguments must be *spec*'s, in order, with its defaults (else a
    ``TypeError`` when the front end is imported: a mistake in careerkit, never in
    a user's call); each one's description is added to its docstring, where Sphinx
    and ``help()`` show it with the argument's type.
    """
    wanted = [(argument.name, argument.default) for argument in spec]

    def described(function: F) -> F:
        found = [
            (parameter.name, parameter.default)
            for parameter in inspect.signature(function).parameters.values()
            if parameter.kind is inspect.Parameter.KEYWORD_ONLY
        ]
        if found != wanted:
            raise TypeError(
                f"{function.__module__}.{function.__qualname__} takes {found}, "
                f"not the table arguments {wanted}"
            )
        if function.__doc__ is not None:  # None: docstrings stripped (python -OO)
            fields = "\n".join(f":param {argument.name}: {argument.means}" for argument in spec)
            function.__doc__ = f"{inspect.cleandoc(function.__doc__)}\n\n{fields}\n"
        return function

    return described


def missing_extra(error: ModuleNotFoundError, extra: str) -> MissingExtraError:
    """The error for ``import careerkit.pandas`` (polars, dask) without the library."""
    library = (error.name or extra).split(".")[0]
    return MissingExtraError(f"careerkit.{extra}", library, extra)


# --- convert and failures: read once, checked before any row is read ------------------------------


def target(
    to: str | None, prices_of: When | None, schedule: WorkSchedule | None
) -> tuple[Target, str]:
    """The checked target of ``to="INR/month"`` and the result's unit words, for its name.

    *to* is ``"CURRENCY/PERIOD"``, ``"CURRENCY"``, ``"/PERIOD"`` or ``"PERIOD"``
    (``"INR/month"``, ``"INR"``, ``"/month"``, ``"month"``), as ``careerkit convert --to``
    reads it; ``None`` keeps each row's own (one for all rows).
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
        if len(parts) == 2 and not parts[0]:  # "/month": the period alone
            parts = parts[1:]
        if len(parts) > 2 or not all(parts):
            raise ValidationError(
                f"cannot read {shown(to)} as a unit: expected 'CURRENCY/PERIOD' such as "
                "'INR/month', or one of them ('INR', '/month' or 'month')",
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

    request: Request
    target: Target
    unit: str  # the target's unit words, for the result's name
    names: dict[str, Hashable]  # the parts given as a column of the frame: its name

    @property
    def name(self) -> str:
        """The result's name: ``"pay (INR/month, 2024 prices)"``, or ``"reason"`` (failures)."""
        if self.request.reasons:
            return "reason"
        amount = self.request.given["amount"]
        base = amount if isinstance(amount, str) else "pay"
        return f"{base} ({self.unit})" if self.unit else base

    def convert(
        self,
        column: Callable[[str, Hashable], object],
        per_row: Callable[[str, object], object],
        labels: Sequence[object] | None = None,
    ) -> Outcome:
        """Read each part and convert the rows: the one reader of every front end.

        A part given as one of the frame's columns is read by *column* (part, column
        name); values given one per row are checked by *per_row* (part, values); one
        value for every row is itself. *labels* names the rows in errors.
        """
        parts: dict[str, object] = {}
        for part, value in self.request.given.items():
            if part in self.names:
                parts[part] = column(part, self.names[part])
            elif is_scalar(value):
                parts[part] = value
            else:
                parts[part] = per_row(part, value)
        amounts: Any = parts.pop("amount")
        errors: Any = self.request.errors
        return run(
            amounts,
            parts,
            self.target,
            errors,
            reasons=self.request.reasons,
            labels=labels,
            names=self.names,
        )


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
    return Call(request, checked, unit, names)


def in_partition(error: CareerkitError, number: int | None) -> CareerkitError:
    """*error* naming the Dask partition it happened in, where there is one: the same class."""
    return error if number is None else prefixed(error, f"partition {number}")
