"""``Pay``: an amount of money per period, in a currency, as of a date.

The class, its exact value and its conversions live here. The parts of its unit are read
by ``careerkit.pay._units``, its factors come from ``careerkit.pay._fx``, ``_prices`` and
``_ppp``; its operators are ``careerkit.pay._algebra``'s ``PayAlgebra``, which it
inherits; its repr, ``format()`` and ``explain()`` are ``careerkit.pay._repr``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

from careerkit import _hooks
from careerkit.errors import DateRequiredError, ValidationError, shown, wrong_type
from careerkit.model import _checks, _iso
from careerkit.model.dates import ReferenceDate
from careerkit.model.period import Period, to_period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay import _fx, _ppp, _prices, _repr, _units
from careerkit.pay._algebra import PayAlgebra
from careerkit.pay._exact import PRECISION, quantized, quoted, reduced, to_decimal
from careerkit.pay._units import (
    FULL_TIME,
    INTERNATIONAL_DOLLAR,
    PERIODS,
    When,
    factor_under,
    full_time_factor,
    minor_units,
    to_date,
)
from careerkit.pay.provenance import ProvenanceStep

if TYPE_CHECKING:
    import pint

__all__ = ["INTERNATIONAL_DOLLAR", "PRECISION", "Pay"]

Amount = Decimal | int | str | float

_NEW = object.__new__
_REDUCE_ABOVE = 1 << 256  # a chain of conversions keeps its fraction below this, by gcd
_MAX_AMOUNT = _checks.MAX_AMOUNT
# Bound by assignment, not imported: CPython 3.11 compiles a method call on an imported name
# (FULL_TIME_FACTORS.get) without LOAD_METHOD, which would cost per() a tenth of its time.
_FULL_TIME_FACTORS = _units.FULL_TIME_FACTORS
_FLOAT_RATIOS = _checks._RATIOS  # the cache of _checks.float_ratio, read first
_DATES = _units._DATES  # the date strings to_date has read
_FX_WARM = _fx.WARM  # conversions at a figure's own date, made before
_PRICES_WARM = _prices.WARM  # moves into the prices of a date given as text, made before
_CHECKED: set[str] = {INTERNATIONAL_DOLLAR}  # currency codes already checked: at most ISO's list


class Pay(PayAlgebra):
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
        # The hot path, written out (benchmarks/pay.py): each part is read as the function
        # named beside it reads it, where that has been done before by a dict lookup.
        if type(amount) is float:  # _checks.float_ratio, its cache inlined
            found = _FLOAT_RATIOS.get(amount)
            num, den = found if found is not None else _checks.float_ratio(amount, "amount")
        elif type(amount) is int and 0 <= amount <= _MAX_AMOUNT:
            num, den = amount, 1
        else:
            num, den = _checks.to_amount(amount, "amount").as_integer_ratio()
        if num < 0:
            raise ValidationError(f"a pay amount must not be negative, got {shown(amount)}")
        if type(currency) is not str or currency not in _CHECKED:  # _iso.check_currency
            if currency != INTERNATIONAL_DOLLAR:
                _iso.check_currency(currency, field="currency")
            _CHECKED.add(currency)
        try:  # period_of
            unit = PERIODS[period]
        except (KeyError, TypeError):  # TypeError: an unhashable value, refused by to_period
            unit = to_period(period)
        if when is None:  # to_date
            date = None
        elif type(when) is not str or (date := _DATES.get(when)) is None:
            date = to_date(when)
        _SET_STATE(self, (num, den, currency, unit, date, (), None))

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
        """A new figure: this one times *factor*, in the unit given, with *step* added."""
        num, den, own_currency, own_period, own_when, provenance, origin = self._state
        num *= factor[0]
        den *= factor[1]
        if den >= _REDUCE_ABOVE:
            num, den = reduced(num, den)
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
        return quantized(self.amount, minor_units(self.currency), ROUND_HALF_EVEN)

    # --- conversions -----------------------------------------------------------------------

    def per(self, period: Period | str, schedule: WorkSchedule | None = None) -> Pay:
        """The same pay per another period, under *schedule* (default: BLS full time, 2,080 h).

        >>> Pay(10000, "INR", "month").per("year").amount
        Decimal('120000')
        """
        # The hot path: written out, since pint's .to() is the yardstick (benchmarks/pay.py).
        try:
            target = PERIODS[period]
        except (KeyError, TypeError):
            target = to_period(period)
        num, den, currency, source, when, provenance, origin = self._state
        if schedule is None or schedule is FULL_TIME:  # the default, also when passed
            found = _FULL_TIME_FACTORS.get((id(source), id(target)))
            if found is None:
                found = full_time_factor(source, target)
        else:
            found = factor_under(schedule, source, target)
        if target is source:
            return self
        num *= found[0]
        den *= found[1]
        if den >= _REDUCE_ABOVE:
            num, den = reduced(num, den)
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
        USD. Where the Fed has no rate for the currency and date, the ECB's euro
        reference rates give it, then the World Bank's official exchange rate
        (annual), and :meth:`explain` says so (:func:`careerkit.data.currencies`
        lists every currency). ``when="latest"`` opts in to the latest month both
        currencies have: the result's repr and :meth:`explain` show the month used.
        """
        num, den, currency, period, date, provenance, origin = self._state
        if when is None and date is not None and type(code) is str:
            # The hot path: a conversion at the figure's own date that was made before.
            found = _FX_WARM.get((currency, code, date.year, date.month, date.day))
            if found is not None:
                num *= found[0]
                den *= found[1]
                if den >= _REDUCE_ABOVE:
                    num, den = reduced(num, den)
                result = _NEW(Pay)
                _SET_STATE(
                    result,
                    (num, den, code, period, date, provenance + found[2], origin or self),
                )
                return result
        _iso.check_currency(code, field="code")
        latest = isinstance(when, str) and when == "latest"
        # checked even where no rate is needed
        chosen = None if when is None or latest else to_date(when)
        if currency == INTERNATIONAL_DOLLAR:
            raise ValidationError(
                "international dollars have no exchange rate; convert the original"
            )
        if code == currency:
            return self
        if latest:
            date = _fx.latest_month(currency, code)
        elif chosen is not None:
            date = chosen
        if date is None:
            raise self._undated(f"convert to {code}")
        if chosen is None and not latest:  # the figure's own date: kept for the hot path
            factor, step = _fx.fx_at(currency, code, date)
        elif date.day is None:
            factor, step = _fx.fx(currency, code, date, latest)
        else:
            factor, step = _fx.fx_on_day(currency, code, date)
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
        num, den, currency, period, date, provenance, origin = self._state
        if country is None and date is not None and type(when) is str:
            # The hot path: a move from the figure's date into the same prices made before.
            found = _PRICES_WARM.get((currency, date.year, date.month, date.day, when))
            if found is not None:
                num *= found[0]
                den *= found[1]
                if den >= _REDUCE_ABOVE:
                    num, den = reduced(num, den)
                result = _NEW(Pay)
                _SET_STATE(
                    result,
                    (num, den, currency, period, found[3], provenance + found[2], origin or self),
                )
                return result
        latest = isinstance(when, str) and when == "latest"
        target = None if latest else to_date(when)
        if country is not None:
            _iso.check_country(country)
        if currency == INTERNATIONAL_DOLLAR:
            raise ValidationError("international dollars cannot be moved between years here")
        if target is None and not latest:
            raise DateRequiredError(
                "in_prices_of needs the date whose prices to use, such as '2024' (or 'latest')"
            )
        if date is None:
            raise self._undated(f"move into the prices of {when}")
        if target is None:
            target = _prices.latest_prices(currency, country, date.year)
        if country is None and type(when) is str and not latest:  # kept for the hot path
            factor, step = _prices.prices_into(currency, date, when, target)
        else:
            factor, step = _prices.prices(currency, date, target, country, latest)
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
            year = _ppp.latest_ppp(self.currency, self.when.year, country)
        factor, step = _ppp.ppp(self.currency, self.when.year, country, year)
        return self._derive(factor, step, currency=INTERNATIONAL_DOLLAR)

    # --- people ----------------------------------------------------------------------------

    def explain(self) -> str:
        """How this figure was made: each step with its values, dates and sources."""
        return _repr.explain(self)

    def __repr__(self) -> str:
        when = "" if self.when is None else f", when='{self.when}'"
        return f"Pay({self._shown_amount()}, '{self.currency}', '{self.period.value}'{when})"

    def _shown_amount(self) -> str:
        """The amount as the repr quotes it: see "Text" in the class docstring."""
        return quoted(self._num, self._den, minor_units(self.currency), self.origin is None)

    def __str__(self) -> str:
        return _hooks.format_pay.call(self, "en") + self._date_note()

    def _date_note(self) -> str:
        return _repr.date_note(self)

    def __format__(self, spec: str) -> str:
        return _repr.formatted(self, spec)

    def _repr_html_(self) -> str:
        """The figure for a notebook and, for a converted one, the steps that made it."""
        return _repr.as_html(self)

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

    # --- arithmetic: the operators are PayAlgebra's (careerkit.pay._algebra) ----------------

    def _fresh(self, value: Fraction) -> Pay:
        """A new figure of *value* in this unit: no origin, no provenance (see the class doc)."""
        result = _NEW(Pay)
        _SET_STATE(
            result,
            (value.numerator, value.denominator, self.currency, self.period, self.when, (), None),
        )
        return result

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


def _rebuild(state: tuple[Any, ...]) -> Pay:
    pay = _NEW(Pay)
    _SET_STATE(pay, state)
    return pay


# The slot's own setter: Pay.__setattr__ refuses every assignment, this bypasses it.
_SET_STATE: Callable[[Pay, tuple[Any, ...]], None] = Pay.__dict__["_state"].__set__
