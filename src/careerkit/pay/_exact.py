"""Exact values shown as ``Decimal``: the one place their precision and rounding are set.

A figure holds its value as a fraction; these turn it into decimals: to a precision
(:func:`to_decimal`), to a number of places (:func:`quantized`), or digit for digit where
its expansion ends (:func:`decimal_places`, :func:`digits`).
"""

from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from math import gcd

PRECISION = 28
"""Significant digits of a shown value when its exact decimal expansion does not end."""


def to_decimal(numerator: int, denominator: int) -> Decimal:
    """``numerator / denominator``: exact where it ends within :data:`PRECISION` digits,
    otherwise rounded half-even to that many significant digits."""
    with localcontext() as context:
        context.prec = PRECISION
        context.rounding = ROUND_HALF_EVEN
        return Decimal(numerator) / Decimal(denominator)


def quantized(amount: Decimal, places: int, rounding: str) -> Decimal:
    """*amount* rounded to *places* decimal places, whatever its size (no 28-digit limit)."""
    with localcontext() as context:
        context.prec = max(amount.adjusted(), 0) + places + 2
        return amount.quantize(Decimal(1).scaleb(-places), rounding=rounding)


def reduced(num: int, den: int) -> tuple[int, int]:
    """``num / den`` in lowest terms."""
    common = gcd(num, den)
    return num // common, den // common


def decimal_places(num: int, den: int) -> int | None:
    """The decimal places of ``num / den`` where its decimal expansion ends, else ``None``."""
    den //= gcd(num, den)
    twos = (den & -den).bit_length() - 1
    den >>= twos
    fives = 0
    while den % 5 == 0:
        den //= 5
        fives += 1
    return max(twos, fives) if den == 1 else None


def digits(scaled: int, places: int) -> str:
    """``scaled / 10**places`` written out with *places* decimals: ``digits(2986880, 2)``."""
    if not places:
        return str(scaled)
    whole, fraction = divmod(scaled, 10**places)
    return f"{whole}.{fraction:0{places}d}"
