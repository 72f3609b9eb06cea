"""The arithmetic of pay: ``PayAlgebra``, the operators :class:`~careerkit.Pay` inherits.

``Pay``\\ s of one unit (currency, period and date) add, subtract, order and divide into
a ratio; a ``Pay`` scales by a number. Everything else is refused with an error naming
the part that differs and the conversion that would help: careerkit never converts
silently. "A quantity" in the docstring of :class:`~careerkit.Pay` gives the whole
contract. ``Pay`` is the one class that inherits these operators (as numpy's arrays
inherit ``NDArrayOperatorsMixin``'s), so a ``PayAlgebra`` here is a ``Pay``.
"""

from __future__ import annotations

import numbers
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NoReturn, SupportsFloat, SupportsIndex, overload

from careerkit.errors import (
    DivisionByZeroError,
    IncompatiblePayError,
    ValidationError,
    WrongTypeError,
    shown,
)
from careerkit.model import _checks

if TYPE_CHECKING:
    from careerkit.model.dates import ReferenceDate
    from careerkit.model.pay_band import Period
    from careerkit.pay._pay import Pay

__all__ = ["PayAlgebra"]

Scale = Decimal | Fraction | int | float | SupportsIndex | SupportsFloat
"""What a ``Pay`` can be multiplied or divided by: a number (numpy's scalars too)."""

_MAX_AMOUNT = _checks.MAX_AMOUNT
_MAX_FACTOR_BITS = (10**_checks.MAX_PLACES).bit_length()
_ONLY_PAYS_ADD = "a Pay adds to and subtracts from only a Pay of the same currency, period and date"
_SCALE_HINT = "to scale a Pay, multiply it by a number (pay * 2)"
_ONLY_PAYS_ORDER = (
    "a Pay orders only beside a Pay of the same currency, period and date; compare its "
    ".amount with a number"
)


class PayAlgebra:
    """The operators of :class:`~careerkit.Pay`: ``+``, ``-``, ``*``, ``/`` and ordering."""

    __slots__ = ()

    if TYPE_CHECKING:  # what the operators read of a Pay: Pay defines them

        @property
        def _num(self) -> int: ...
        @property
        def _den(self) -> int: ...
        @property
        def exact(self) -> Fraction: ...
        @property
        def currency(self) -> str: ...
        @property
        def period(self) -> Period: ...
        @property
        def when(self) -> ReferenceDate | None: ...
        def _fresh(self, value: Fraction) -> Pay: ...

    def __add__(self, other: Pay) -> Pay:
        if isinstance(other, PayAlgebra):
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
        if isinstance(other, PayAlgebra):
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
        if isinstance(other, PayAlgebra):
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
        if isinstance(other, PayAlgebra):
            self._check_unit(other, f"compare {self!r} with {other!r}")
            left, right = self._num * other._den, other._num * self._den
            return (left > right) - (left < right)
        self._refuse_number(other, f"compare {self!r} with {_operand(other)}", _ONLY_PAYS_ORDER)
        return None

    def _check_unit(self, other: PayAlgebra, action: str) -> None:
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
        if isinstance(other, PayAlgebra):  # only multiply gets here: division has its own ratio
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

    def _zero(self) -> Pay:
        return self._fresh(Fraction(0))


def _operand(value: object) -> str:
    """An operand beside a Pay, as a message names it: ``int 3``, ``str '3'``, ``Decimal('2')``."""
    text = shown(value)
    kind = type(value).__name__
    return text if text.startswith(f"{kind}(") else f"{kind} {text}"
