"""Exact values shown as ``Decimal``: the one place their precision and rounding are set."""

from decimal import ROUND_HALF_EVEN, Decimal, localcontext

PRECISION = 28
"""Significant digits of a shown value when its exact decimal expansion does not end."""


def to_decimal(numerator: int, denominator: int) -> Decimal:
    """``numerator / denominator``: exact where it ends within :data:`PRECISION` digits,
    otherwise rounded half-even to that many significant digits."""
    with localcontext() as context:
        context.prec = PRECISION
        context.rounding = ROUND_HALF_EVEN
        return Decimal(numerator) / Decimal(denominator)
