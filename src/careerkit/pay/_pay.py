"""``Pay``: an amount of money per period, in a currency, as of a date."""

from __future__ import annotations

import datetime as dt
import functools
import numbers
import re
from collections.abc import Callable
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction
from math import gcd
from typing import TYPE_CHECKING, Any, Literal, NoReturn, SupportsFloat, SupportsIndex, overload

from careerkit.errors import (
    DateRequiredError,
    DivisionByZeroError,
    IncompatiblePayError,
    ValidationError,
    WrongTypeError,
    shown,
    wrong_type,
)
from careerkit.model import _checks, _iso
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import Period, to_period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay import _rates
from careerkit.pay._exact import PRECISION, to_decimal
from careerkit.pay.provenance import ProvenanceStep, ScheduleStep, latest_dates

if TYPE_CHECKING:
    import pint

__all__ = ["INTERNATIONAL_DOLLAR", "PRECISION", "Pay"]

INTERNATIONAL_DOLLAR = "Int$"
"""The currency of :meth:`Pay.to_ppp` results: World Bank international dollars."""


Amount = Decimal | int | str | float
When = ReferenceDate | str | int | dt.date
Scale = Decimal | Fraction | int | float | SupportsIndex | SupportsFloat
"""What a ``Pay`` can be multiplied or divided by: a number (numpy's scalars too)."""

# The default schedule's factors, keyed by the identities of two Period members (singletons):
# hashing a WorkSchedule and two enum members costs more than the whole conversion. At most
# 25 entries. Other schedules are cached by value (equal schedules share an entry), boundedly.
_FULL_TIME_FACTORS: dict[tuple[int, int], tuple[int, int, ScheduleStep]] = {}
_PERIODS: dict[object, Period] = {
    **{period.value: period for period in Period},
    **{period: period for period in Period},  # a member hashes by its name, not its value
}
_NEW = object.__new__
_FULL_TIME = WorkSchedule.BLS_FULL_TIME
_REDUCE_ABOVE = 1 << 256  # a chain of conversions keeps its fraction below this, by gcd
_MAX_AMOUNT = _checks.MAX_AMOUNT
_ONLY_PAYS_ADD = "a Pay adds to and subtracts from only a Pay of the same currency, period and date"
_SCALE_HINT = "to scale a Pay, multiply it by a number (pay * 2)"
_ONLY_PAYS_ORDER = (
    "a Pay orders only beside a Pay of the same currency, period and date; compare its "
    ".amount with a number"
)
_REPR_EXTRA_PLACES = 4  # a converted figure's repr: the minor unit and 4 more decimal places
_MAX_AMOUNT_TEXT = _checks.MAX_AMOUNT_TEXT
_MAX_FACTOR_BITS = (10**_checks.MAX_PLACES).bit_length()
_MAX_FORMAT_SIZE = 1000  # the widest width and precision format(pay, spec) takes
# The width and precision of a format spec ([[fill]align][sign][z][#][0][width][grouping]
# [.precision][type]), wherever they stand; the rest is Decimal's to check.
_FORMAT_SIZES = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(\d*)[,_]?(?:\.(\d*))?", re.DOTALL)


@functools.lru_cache(maxsize=64)
def minor_units(currency: str) -> int:
    """Decimal places of the currency's minor unit (CLDR, via babel): INR 2, JPY 0."""
    if currency == INTERNATIONAL_DOLLAR:
        return 2
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(currency))


def _hours(period: Period, schedule: WorkSchedule) -> Fraction:
    day = Fraction(schedule.hours_per_day)
    week = day * Fraction(schedule.days_per_week)
    year = week * Fraction(schedule.weeks_per_year)
    return {
        Period.HOUR: Fraction(1),
        Period.DAY: day,
        Period.WEEK: week,
        Period.MONTH: year / 12,
        Period.YEAR: year,
    }[period]


@functools.lru_cache(maxsize=256)
def _schedule_factor(
    schedule: WorkSchedule, source: Period, target: Period
) -> tuple[int, int, ScheduleStep]:
    factor = _hours(target, schedule) / _hours(source, schedule)
    step = ScheduleStep(from_period=source, to_period=target, schedule=schedule)
    return factor.numerator, factor.denominator, step


def _full_time_factor(source: Period, target: Period) -> tuple[int, int, ScheduleStep]:
    found = _schedule_factor(_FULL_TIME, source, target)
    _FULL_TIME_FACTORS[id(source), id(target)] = found  # a race only stores the same value twice
    return found


def _factor_under(
    schedule: WorkSchedule | None, source: Period, target: Period
) -> tuple[int, int, ScheduleStep]:
    if schedule is None or schedule is _FULL_TIME:
        found = _FULL_TIME_FACTORS.get((id(source), id(target)))
        return found or _full_time_factor(source, target)
    if not isinstance(schedule, WorkSchedule):
        raise wrong_type(
            "a WorkSchedule (or None for WorkSchedule.BLS_FULL_TIME)", schedule, "schedule"
        )
    return _schedule_factor(schedule, source, target)


_DATES: dict[str, ReferenceDate] = {}  # date strings already read, at most _MAX_DATES of them
_MAX_DATES = 1024


def _to_date(when: When | None, field: str = "when") -> ReferenceDate | None:
    if when is None:
        return None
    if type(when) is str:
        found = _DATES.get(when)
        if found is None:
            found = ReferenceDate.parse(when, field=field)
            if len(_DATES) >= _MAX_DATES:  # bounded: start again rather than grow
                _DATES.clear()
            _DATES[when] = found
        return found
    return ReferenceDate.coerce(when, field=field)


def _reduced(num: int, den: int) -> tuple[int, int]:
    common = gcd(num, den)
    return num // common, den // common


def _period(value: Period | str) -> Period:
    try:
        return _PERIODS[value]
    except (KeyError, TypeError):  # TypeError: an unhashable value, refused by to_period
        return to_period(value)


class Pay:
    """An amount of money per period, in a currency, optionally as of a date.

    ``amount`` accepts ``Decimal``, ``int``, ``str`` and ``float`` (a float by
    its shortest repr, so ``14.36`` is exactly 14.36), and numpy's integer and
    float scalars as those; negatives, NaN, infinities and ``bool`` are
    refused. ``currency`` is an ISO 4217 code, ``period`` one of
    ``hour``, ``day``, ``week``, ``month``, ``year``, and ``when`` the date the
    figure refers to (``"2008"``, ``"2008-05"``, a ``datetime.date``) or None.

    Arithmetic is exact: a ``Pay`` holds its value as a fraction, so a chain of
    conversions loses nothing and hour -> year -> hour gives back the amount it
    started from. :attr:`amount` shows that value as a ``Decimal``: exactly when
    its decimal expansion ends within :data:`~careerkit.pay.PRECISION` (28) significant digits,
    otherwise rounded half-even to 28 significant digits. Rounding to the
    currency's minor unit happens only in :meth:`rounded` (and when formatting).

    >>> Pay("14.36", "USD", "hour").per("year")
    Pay('29868.80', 'USD', 'year')
    >>> Pay(1, "USD", "year", when="2008-05").to_currency("INR").amount
    Decimal('42.0019')

    **A quantity.** ``Pay``\\ s of one currency, period and date add, subtract and
    order (``<``, ``<=``, ``>``, ``>=``); a ``Pay`` multiplies and divides by a number
    (``int``, ``Decimal``, ``Fraction``, ``float`` by its shortest repr, numpy's
    scalars), on either side of ``*``; a ``Pay`` divided by a ``Pay`` of the same
    unit is their exact ratio, a :class:`~fractions.Fraction`. All of it is exact.
    Anything else raises :class:`~careerkit.IncompatiblePayError` (a ``TypeError``)
    naming the part that differs and the conversion that would help: careerkit never
    converts silently. A result below zero (``a - b`` with ``b`` above ``a``, a negative
    factor) raises :class:`~careerkit.ValidationError`, dividing by zero
    :class:`~careerkit.DivisionByZeroError`. ``==`` is true for the same value in the
    same unit and false across units (it never raises, so pays can be set and dict
    keys). The result of arithmetic is a new figure, as if constructed from its
    value: its :attr:`origin` is ``None`` and its :attr:`provenance` empty (a sum
    has two histories, which one chain cannot hold); keep the operands to explain them.

    >>> Pay("14.36", "USD", "hour") + Pay("0.64", "USD", "hour")
    Pay('15.00', 'USD', 'hour')
    >>> 2 * Pay("14.36", "USD", "hour") > Pay(28, "USD", "hour")
    True
    >>> Pay(30000, "INR", "month") / Pay(20000, "INR", "month")
    Fraction(3, 2)
    >>> Pay(1, "USD", "hour") + Pay(1, "INR", "hour")
    Traceback (most recent call last):
    ...
    careerkit.errors.IncompatiblePayError: cannot add Pay('1.00', 'USD', 'hour') and Pay('1.00', 'INR', 'hour'): the currencies differ (USD, INR); convert one first with to_currency()

    **Text.** ``repr`` is Python that builds the figure again: every digit of a
    figure as given, at least to the currency's minor unit (``'29868.80'``), so it
    rebuilds an equal ``Pay``. A converted figure, or one whose decimal expansion
    does not end (``pay / 3``), shows its amount rounded half-even to 4 decimal places
    beyond the minor unit (``'2489.066667'`` for USD), trailing zeros dropped: the
    repr stays short, and rebuilds a figure as given with that rounded amount (and
    without the provenance, which :meth:`explain` shows). ``str`` is for people, in
    English, by :func:`~careerkit.format_pay`, with the date and, where
    ``to_currency(when="latest")`` chose the rates, their month. ``format(pay, spec)``
    applies *spec* to :attr:`amount`, as ``Decimal`` formats it; an empty spec gives
    ``str``. In a notebook, a figure shows itself and the steps that made it.

    >>> pay = Pay("29868.80", "USD", "year", when="2008-05")
    >>> pay
    Pay('29868.80', 'USD', 'year', when='2008-05')
    >>> print(pay)
    $29,868.80 a year (May 2008)
    >>> f"{pay:,.2f}", f"{pay:.0f}"
    ('29,868.80', '29869')
    >>> Pay("14.36", "USD", "hour", when="2008-05").per("month")
    Pay('2489.066667', 'USD', 'month', when='2008-05')
    """

    # One slot holding a tuple: a new Pay costs one attribute store, not seven.
    __slots__ = ("_state",)

    _state: tuple[
        int, int, str, Period, ReferenceDate | None, tuple[ProvenanceStep, ...], Pay | None
    ]

    def __init__(
        self, amount: Amount, currency: str, period: Period | str, *, when: When | None = None
    ) -> None:
        if type(amount) is int and 0 <= amount <= _MAX_AMOUNT:
            num, den = amount, 1
        else:
            num, den = _checks.to_amount(amount, "amount").as_integer_ratio()
        if num < 0:
            raise ValidationError(f"a pay amount must not be negative, got {shown(amount)}")
        if currency != INTERNATIONAL_DOLLAR:
            _iso.check_currency(currency, field="currency")
        _SET_STATE(self, (num, den, currency, _period(period), _to_date(when), (), None))

    @property
    def _num(self) -> int:
        return self._state[0]

    @property
    def _den(self) -> int:
        return self._state[1]

    @property
    def currency(self) -> str:
        """The ISO 4217 code (or :data:`INTERNATIONAL_DOLLAR`)."""
        return self._state[2]

    @property
    def period(self) -> Period:
        """The period the amount is paid per."""
        return self._state[3]

    @property
    def when(self) -> ReferenceDate | None:
        """The date the figure refers to, or ``None``."""
        return self._state[4]

    @property
    def provenance(self) -> tuple[ProvenanceStep, ...]:
        """The steps that made this figure from :attr:`origin`, in order."""
        return self._state[5]

    @property
    def origin(self) -> Pay | None:
        """The figure the conversions started from (``None`` for a figure as given)."""
        return self._state[6]

    def _derive(
        self,
        factor: tuple[int, int],
        step: ProvenanceStep,
        *,
        currency: str | None = None,
        period: Period | None = None,
        when: ReferenceDate | None = None,
    ) -> Pay:
        num, den, own_currency, own_period, own_when, provenance, origin = self._state
        num *= factor[0]
        den *= factor[1]
        if den >= _REDUCE_ABOVE:
            num, den = _reduced(num, den)
        result = _NEW(Pay)
        _SET_STATE(
            result,
            (
                num,
                den,
                currency or own_currency,
                period or own_period,
                when or own_when,
                (*provenance, step),
                origin or self,
            ),
        )
        return result

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Pay is immutable; cannot set {name!r}")

    # --- values ----------------------------------------------------------------------------

    @property
    def amount(self) -> Decimal:
        """The value as a ``Decimal`` (exact where it ends within 28 significant digits)."""
        return to_decimal(self._num, self._den)

    @property
    def exact(self) -> Fraction:
        """The exact value, as a fraction."""
        return Fraction(self._num, self._den)

    def rounded(self) -> Decimal:
        """The amount rounded half-even to the currency's minor unit (2 places for INR, 0 for JPY).

        >>> Pay("29868.8", "USD", "year").rounded()
        Decimal('29868.80')
        """
        return _quantized(self.amount, minor_units(self.currency), ROUND_HALF_EVEN)

    # --- conversions -----------------------------------------------------------------------

    def per(self, period: Period | str, schedule: WorkSchedule | None = None) -> Pay:
        """The same pay per another period, under *schedule* (default: BLS full time, 2,080 h).

        >>> Pay(10000, "INR", "month").per("year").amount
        Decimal('120000')
        """
        # The hot path: written out, since pint's .to() is the yardstick (benchmarks/pay.py).
        try:
            target = _PERIODS[period]
        except (KeyError, TypeError):
            target = to_period(period)
        num, den, currency, source, when, provenance, origin = self._state
        if schedule is None:
            found = _FULL_TIME_FACTORS.get((id(source), id(target)))
            if found is None:
                found = _full_time_factor(source, target)
        else:
            found = _factor_under(schedule, source, target)
        if target is source:
            return self
        num *= found[0]
        den *= found[1]
        if den >= _REDUCE_ABOVE:
            num, den = _reduced(num, den)
        result = _NEW(Pay)
        _SET_STATE(
            result,
            (
                num,
                den,
                currency,
                target,
                when,
                (*provenance, found[2]),
                origin or self,
            ),
        )
        return result

    def _undated(self, action: str) -> DateRequiredError:
        return DateRequiredError(
            f"cannot {action} {self!r}: it has no date. Give the date the figure refers to "
            "(Pay(..., when='2008-05')) or pass when=..."
        )

    def to_currency(self, code: str, *, when: When | Literal["latest"] | None = None) -> Pay:
        """The same pay in currency *code*, at the average rates of *when* (default: ``self.when``).

        A date with a month uses that month's average rate, a bare year the annual
        average (the Federal Reserve's G.5A, or where G.5A has none, the mean of the
        year's monthly averages computed as the Fed does); cross rates go through
        USD. ``when="latest"`` opts in to the latest month both currencies have: the
        result's repr and :meth:`explain` show the month used.
        """
        _iso.check_currency(code, field="code")
        latest = isinstance(when, str) and when == "latest"
        # checked even where no rate is needed
        chosen = None if when is None or latest else _to_date(when)
        if self.currency == INTERNATIONAL_DOLLAR:
            raise ValidationError(
                "international dollars have no exchange rate; convert the original"
            )
        if code == self.currency:
            return self
        if latest:
            date: ReferenceDate | None = _rates.latest_month(self.currency, code)
        else:
            date = self.when if chosen is None else chosen
        if date is None:
            raise self._undated(f"convert to {code}")
        if date.day is None:
            factor, step = _rates.fx(self.currency, code, date, latest)
        else:
            factor, step = _rates.fx_on_day(self.currency, code, date)
        return self._derive(factor, step, currency=code)

    def in_prices_of(self, when: When | Literal["latest"], *, country: str | None = None) -> Pay:
        """The same pay re-expressed in the prices of *when* (inflation adjustment).

        USD uses US CPI-U (monthly; a bare year is that year's average, as BLS
        computes it); other currencies use the World Bank's annual inflation rates
        for the currency's country (``country=`` chooses it where the currency is
        shared; EUR defaults to the euro area). ``when="latest"`` opts in to the
        latest date the series has (a month of CPI-U, a year of the World Bank's):
        the result's ``when`` is that date.
        """
        latest = isinstance(when, str) and when == "latest"
        target = None if latest else _to_date(when)
        if country is not None:
            _iso.check_country(country)
        if self.currency == INTERNATIONAL_DOLLAR:
            raise ValidationError("international dollars cannot be moved between years here")
        if target is None and not latest:
            raise DateRequiredError(
                "in_prices_of needs the date whose prices to use, such as '2024' (or 'latest')"
            )
        if self.when is None:
            raise self._undated(f"move into the prices of {when}")
        if target is None:
            target = _rates.latest_prices(self.currency, country, self.when.year)
        factor, step = _rates.prices(self.currency, self.when, target, country, latest)
        return self._derive(factor, step, when=target)

    def to_ppp(
        self, *, country: str | None = None, year: int | Literal["latest"] | None = None
    ) -> Pay:
        """The same pay in international dollars, at the World Bank PPP factor of ``when``'s year.

        ``country=`` chooses whose factor, where the currency is used in more than one
        country (EUR needs it); it must be a country where the currency is legal
        tender in that year. ``year=`` chooses the factor of another year (``"latest"``:
        the country's latest), for a figure newer than the series: the provenance
        says so.
        """
        if country is not None:
            _iso.check_country(country)
        if year is not None and year != "latest" and (type(year) is not int):
            raise wrong_type("a year such as 2024, or 'latest'", year, "year")
        if self.currency == INTERNATIONAL_DOLLAR:
            return self
        if self.when is None:
            raise self._undated("convert to international dollars")
        if year == "latest":
            year = _rates.latest_ppp(self.currency, self.when.year, country)
        factor, step = _rates.ppp(self.currency, self.when.year, country, year)
        return self._derive(factor, step, currency=INTERNATIONAL_DOLLAR)

    # --- people ----------------------------------------------------------------------------

    def explain(self) -> str:
        """How this figure was made: each step with its values, dates and sources."""
        lines = [self._headline()]
        if self.origin is None:
            lines.append("  as given (no conversion)")
        else:
            lines.append(f"  from {self.origin._headline()}")
        for number, step in enumerate(self.provenance, 1):
            lines.append(f"  {number}. {step.describe()}")
        return "\n".join(lines)

    def _headline(self) -> str:
        when = "" if self.when is None else f" ({self.when})"
        return f"{self.rounded():,f} {self.currency} per {self.period.value}{when}"

    def __repr__(self) -> str:
        when = "" if self.when is None else f", when='{self.when}'"
        return f"Pay({self._shown_amount()}, '{self.currency}', '{self.period.value}'{when})"

    def _shown_amount(self) -> str:
        """The amount as the repr quotes it: see "Text" in the class docstring."""
        num, den = self._num, self._den
        places = minor_units(self.currency)
        if self.origin is None:
            ending = _decimal_places(num, den)
            if ending is not None:  # exact: every digit, and at least the minor unit
                shown_places = max(ending, places)
                text = _digits(num * 10**shown_places // den, shown_places)
                # the constructor reads at most 100 characters of text; a Decimal it reads whole
                return f"'{text}'" if len(text) <= _MAX_AMOUNT_TEXT else f"Decimal('{text}')"
        shown_places = places + _REPR_EXTRA_PLACES
        scaled, remainder = divmod(num * 10**shown_places, den)
        if 2 * remainder > den or (2 * remainder == den and scaled % 2):  # half-even
            scaled += 1
        while shown_places > places and scaled % 10 == 0:
            scaled //= 10
            shown_places -= 1
        return f"'{_digits(scaled, shown_places)}'"

    def __str__(self) -> str:
        from careerkit.text.format import format_pay

        return format_pay(self, "en") + self._date_note()

    def _date_note(self) -> str:
        """`` (May 2008; latest rates: June 2026)``: the figure's date and, where
        ``to_currency(when="latest")`` chose the rates, their month (a date
        ``in_prices_of("latest")`` chose is the figure's ``when``, shown already)."""
        notes = [] if self.when is None else [self.when.label()]
        notes += [
            f"latest rates: {ReferenceDate.parse(date).label()}"
            for what, date in latest_dates(self.provenance)
            if what == "rates"
        ]
        return f" ({'; '.join(notes)})" if notes else ""

    def __format__(self, spec: str) -> str:
        if not spec:
            return str(self)
        message = (
            f"cannot format {self!r} with {shown(spec)}: the spec applies to the amount, "
            "a Decimal, so it takes what Decimal's formatting does, such as ',.2f' or '.0f' "
            "(an empty spec gives str(pay))"
        )
        sizes = _FORMAT_SIZES.match(spec) if isinstance(spec, str) else None
        if sizes is not None and any(
            len(size) > 4 or int(size) > _MAX_FORMAT_SIZE for size in sizes.groups("") if size
        ):  # Decimal would build the text first: ".999999999999f" is a MemoryError
            raise ValidationError(
                f"{message}; a width or precision of at most {_MAX_FORMAT_SIZE:,} characters"
            )
        try:
            return format(self.amount, spec)
        except (ValueError, TypeError):
            raise ValidationError(message) from None

    def _repr_html_(self) -> str:
        """The figure for a notebook and, for a converted one, the steps that made it."""
        from html import escape

        parts = [f"<strong>{escape(str(self))}</strong>"]
        if self.origin is not None:
            parts.append(f"<br>from {escape(str(self.origin))}:")
            steps = "".join(f"<li>{escape(step.describe())}</li>" for step in self.provenance)
            parts.append(f"<ol>{steps}</ol>")
        return f'<div class="careerkit-pay">{"".join(parts)}</div>'

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Pay):
            return NotImplemented
        return self._num * other._den == other._num * self._den and (
            self.currency,
            self.period,
            self.when,
        ) == (other.currency, other.period, other.when)

    def __hash__(self) -> int:
        return hash((self.exact, self.currency, self.period, self.when))

    # --- arithmetic --------------------------------------------------------------------------

    def __add__(self, other: Pay) -> Pay:
        if isinstance(other, Pay):
            self._check_unit(other, f"add {self!r} and {other!r}")
            return self._fresh(self.exact + other.exact)
        return self._refuse_number(other, f"add {self!r} and {_operand(other)}")

    def __radd__(self, other: object) -> NoReturn:
        hint = _SCALE_HINT
        if isinstance(other, int) and other == 0:  # sum(pays) starts from 0
            hint = f"to sum Pays, start sum() at a Pay of zero: sum(pays, {self._zero()!r})"
        raise IncompatiblePayError(
            f"cannot add {_operand(other)} and {self!r}: {_ONLY_PAYS_ADD}; {hint}"
        )

    def __sub__(self, other: Pay) -> Pay:
        if isinstance(other, Pay):
            self._check_unit(other, f"subtract {other!r} from {self!r}")
            difference = self.exact - other.exact
            if difference < 0:
                below = self._fresh(-difference)._shown_amount().strip("'")
                raise ValidationError(
                    f"cannot subtract {other!r} from {self!r}: the result would be negative "
                    f"(-{below}), and a pay amount is never negative"
                )
            return self._fresh(difference)
        return self._refuse_number(other, f"subtract {_operand(other)} from {self!r}")

    def __rsub__(self, other: object) -> NoReturn:
        raise IncompatiblePayError(
            f"cannot subtract {self!r} from {_operand(other)}: {_ONLY_PAYS_ADD}; {_SCALE_HINT}"
        )

    def __mul__(self, other: Scale) -> Pay:
        factor = self._factor(other, "multiply")
        return NotImplemented if factor is None else self._fresh(self.exact * factor)

    __rmul__ = __mul__

    @overload
    def __truediv__(self, other: Pay) -> Fraction: ...
    @overload
    def __truediv__(self, other: Scale) -> Pay: ...
    def __truediv__(self, other: Pay | Scale) -> Pay | Fraction:
        if isinstance(other, Pay):
            self._check_unit(other, f"divide {self!r} by {other!r}")
            if not other._num:
                raise DivisionByZeroError(f"cannot divide {self!r} by {other!r}: it is zero")
            return self.exact / other.exact
        factor = self._factor(other, "divide")
        if factor is None:
            return NotImplemented
        if not factor:
            raise DivisionByZeroError(f"cannot divide {self!r} by zero ({_operand(other)})")
        return self._fresh(self.exact / factor)

    def __rtruediv__(self, other: object) -> NoReturn:
        raise IncompatiblePayError(
            f"cannot divide {_operand(other)} by {self!r}: a Pay divides a Pay of the same "
            "currency, period and date (their ratio), not a number; divide the Pay by the "
            "number instead"
        )

    def __lt__(self, other: Pay) -> bool:
        order = self._order(other)
        return NotImplemented if order is None else order < 0

    def __le__(self, other: Pay) -> bool:
        order = self._order(other)
        return NotImplemented if order is None else order <= 0

    def __gt__(self, other: Pay) -> bool:
        order = self._order(other)
        return NotImplemented if order is None else order > 0

    def __ge__(self, other: Pay) -> bool:
        order = self._order(other)
        return NotImplemented if order is None else order >= 0

    def _order(self, other: object) -> int | None:
        """-1, 0 or 1 as *self* is below, at or above *other*; ``None`` for a type unknown here."""
        if isinstance(other, Pay):
            self._check_unit(other, f"compare {self!r} with {other!r}")
            left, right = self._num * other._den, other._num * self._den
            return (left > right) - (left < right)
        self._refuse_number(other, f"compare {self!r} with {_operand(other)}", _ONLY_PAYS_ORDER)
        return None

    def _check_unit(self, other: Pay, action: str) -> None:
        """Refuse *action* unless *other* has this figure's currency, period and date."""
        if (self.currency, self.period, self.when) == (other.currency, other.period, other.when):
            return
        differences = []
        if self.currency != other.currency:
            differences.append(
                f"the currencies differ ({self.currency}, {other.currency}); "
                "convert one first with to_currency()"
            )
        if self.period != other.period:
            differences.append(
                f"the periods differ ({self.period.value}, {other.period.value}); "
                "convert one first with per()"
            )
        if self.when != other.when:
            dates = f"the dates differ ({self.when or 'undated'}, {other.when or 'undated'})"
            if self.when is None or other.when is None:
                differences.append(
                    f"{dates}; an undated figure cannot be set beside a dated one: give it "
                    "the date it refers to (Pay(..., when=...))"
                )
            else:
                differences.append(
                    f"{dates}; move one into the other's prices first with in_prices_of()"
                )
        raise IncompatiblePayError(f"cannot {action}: {'; '.join(differences)}")

    def _refuse_number(
        self, other: object, action: str, rule: str = f"{_ONLY_PAYS_ADD}; {_SCALE_HINT}"
    ) -> Any:
        """Refuse a number (or text) beside a Pay; ``NotImplemented`` for any other type."""
        if isinstance(other, numbers.Number | str | bytes):
            raise IncompatiblePayError(f"cannot {action}: {rule}")
        return NotImplemented

    def _factor(self, other: object, verb: str) -> Fraction | None:
        """*other* as an exact factor to multiply or divide by; ``None`` for a type unknown here."""
        action = f"{verb} {self!r} by {_operand(other)}"
        if isinstance(other, Pay):  # only multiply gets here: division has its own ratio
            raise IncompatiblePayError(
                f"cannot {verb} {self!r} by {other!r}: pay times pay is not pay; multiply a Pay "
                "by a number (int, Decimal, Fraction or float)"
            )
        if isinstance(other, bool | str | bytes) or (
            isinstance(other, numbers.Number) and not isinstance(other, numbers.Real | Decimal)
        ):
            raise WrongTypeError(
                f"cannot {action}: expected a number (int, Decimal, Fraction or float)"
            )
        if isinstance(other, numbers.Rational) and not isinstance(other, numbers.Integral):
            factor = Fraction(other)
            if abs(factor) > _MAX_AMOUNT or factor.denominator.bit_length() > _MAX_FACTOR_BITS:
                raise ValidationError(
                    f"cannot {action}: the factors careerkit accepts are at most 10^15, with a "
                    "denominator of at most 10^350"
                )
        elif isinstance(other, numbers.Real | Decimal):
            try:
                # numbers.Real: numpy's scalars too, which to_amount reads as int or float
                numerator, denominator = _checks.to_amount(other).as_integer_ratio()  # type: ignore[arg-type]
            except ValidationError as error:
                raise type(error)(f"cannot {action}: {error.message}") from None
            factor = Fraction(numerator, denominator)
        else:
            return None
        if factor < 0:
            raise ValidationError(
                f"cannot {action}: the result would be negative, and a pay amount is never negative"
            )
        return factor

    def _fresh(self, value: Fraction) -> Pay:
        """A new figure of *value* in this unit: no origin, no provenance (see the class doc)."""
        result = _NEW(Pay)
        _SET_STATE(
            result,
            (value.numerator, value.denominator, self.currency, self.period, self.when, (), None),
        )
        return result

    def _zero(self) -> Pay:
        return self._fresh(Fraction(0))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._state,))

    # --- pint ------------------------------------------------------------------------------

    @classmethod
    def from_quantity(cls, quantity: pint.Quantity[Any], *, when: When | None = None) -> Pay:
        """A ``Pay`` from a pint quantity of currency per time (``14.36 USD/hour``)."""
        from careerkit.pay._quantity import from_quantity

        amount, currency, period = from_quantity(quantity)
        return cls(amount, currency, period, when=when)

    def to_quantity(self, registry: pint.UnitRegistry[Any] | None = None) -> pint.Quantity[Any]:
        """This pay as a pint quantity (each currency its own dimension, never 1:1)."""
        from careerkit.pay._quantity import to_quantity

        return to_quantity(self.amount, self.currency, self.period.value, registry)


def _quantized(amount: Decimal, places: int, rounding: str) -> Decimal:
    """*amount* rounded to *places* decimal places, whatever its size (no 28-digit limit)."""
    with localcontext() as context:
        context.prec = max(amount.adjusted(), 0) + places + 2
        return amount.quantize(Decimal(1).scaleb(-places), rounding=rounding)


def _operand(value: object) -> str:
    """An operand beside a Pay, as a message names it: ``int 3``, ``str '3'``, ``Decimal('2')``."""
    text = shown(value)
    kind = type(value).__name__
    return text if text.startswith(f"{kind}(") else f"{kind} {text}"


def _decimal_places(num: int, den: int) -> int | None:
    """The decimal places of ``num / den`` where its decimal expansion ends, else ``None``."""
    den //= gcd(num, den)
    twos = (den & -den).bit_length() - 1
    den >>= twos
    fives = 0
    while den % 5 == 0:
        den //= 5
        fives += 1
    return max(twos, fives) if den == 1 else None


def _digits(scaled: int, places: int) -> str:
    """``scaled / 10**places`` written out with *places* decimals: ``_digits(2986880, 2)``."""
    if not places:
        return str(scaled)
    whole, fraction = divmod(scaled, 10**places)
    return f"{whole}.{fraction:0{places}d}"


def _rebuild(state: tuple[Any, ...]) -> Pay:
    pay = _NEW(Pay)
    _SET_STATE(pay, state)
    return pay


# The slot's own setter: Pay.__setattr__ refuses every assignment, this bypasses it.
_SET_STATE: Callable[[Pay, tuple[Any, ...]], None] = Pay.__dict__["_state"].__set__
