"""Exact values shown as ``Decimal``: the one place their precision and rounding are set.

A figure holds its value as a fraction; these turn it into decimals: to a precision
(:func:`to_decimal`), to a number of places (:func:`quantized`), digit for digit where
its expansion ends (:func:`decimal_places`, :func:`digits`), or as a ``Pay``'s repr quotes
it (:func:`quoted`).
"""

from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from math import gcd

from careerkit.model._checks import MAX_AMOUNT_TEXT

PRECISION = 28
"""Significant digits of a shown value when its exact decimal expansion does not end."""
REPR_EXTRA_PLACES = 4
"""A converted figure's repr: the minor unit and this many more decimal places."""


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


def quoted(num: int, den: int, places: int, as_given: bool) -> str:
    """``num / den`` as a ``Pay``'s repr quotes it (see "Text" in its docstring), for a
    currency of *places* minor-unit places: a figure *as_given* whose expansion ends, every
    digit and at least *places*; otherwise rounded half-even to :data:`REPR_EXTRA_PLACES`
    more places, trailing zeros dropped down to *places*.

    >>> quoted(7467, 250, 2, True), quoted(7467, 750, 2, False)
    ("'29.868'", "'9.956'")
    """
    if as_given:
        ending = decimal_places(num, den)
        if ending is not None:  # exact: every digit, and at least the minor unit
            shown_places = max(ending, places)
            text = digits(num * 10**shown_places // den, shown_places)
            # the constructor reads at most 100 characters of text; a Decimal it reads whole
            return f"'{text}'" if len(text) <= MAX_AMOUNT_TEXT else f"Decimal('{text}')"
    shown_places = places + REPR_EXTRA_PLACES
    scaled, remainder = divmod(num * 10**shown_places, den)
    if 2 * remainder > den or (2 * remainder == den and scaled % 2):  # half-even
        scaled += 1
    while shown_places > places and scaled % 10 == 0:
        scaled //= 10
        shown_places -= 1
    return f"'{digits(scaled, shown_places)}'"
