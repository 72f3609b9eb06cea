"""The one gate every value passes before careerkit stores it, or reads it back from the data folder.

A value that enters careerkit's data (from a publisher's file, through
``careerkit data update``, or from the user data folder, where anyone may have
edited a file) is checked here *as text*, before any arithmetic: its syntax, its
number of significant digits and its exponent are bounded first, so that no
value can make a later computation run for ever (``1e-99999999`` is refused
here; as a :class:`~decimal.Decimal` it is a fine number, and as the
:class:`~fractions.Fraction` every conversion makes of it, a denominator of a
hundred million digits). Then its range: each caller states the range that its
series allows (a positive index, an inflation rate above -100 %, a wage of at
most 10^15, ...).

Every function raises :class:`RefusedError`, whose message says what the value should
have been; the reader that called it turns that into a
:class:`~careerkit.errors.DataFormatError` naming the file, the line, the column
and the value. Nothing here knows about files.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

__all__ = [
    "MAX_DIGITS",
    "MAX_PLACES",
    "MAX_TEXT",
    "SMALLEST",
    "RefusedError",
    "integer",
    "number",
    "plain_text",
]

MAX_DIGITS = 30
"""The most significant digits a value may have (publishers print at most 17: a float's repr)."""

SMALLEST = Decimal("1e-12")
"""The smallest magnitude of a value that is not zero: no index, rate, factor or wage is smaller."""

LARGEST = Decimal(10) ** 15
"""The largest magnitude of any value (careerkit's largest amount, 10^15)."""

MAX_PLACES = 45
"""The most decimal places a value may be written with (``0e-999999`` would be a million zeros
written out; a value of at most 30 significant digits from 10^-12 up needs at most 42)."""

MAX_TEXT = 1000
"""The longest text field (a title, a name), in characters."""

_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_RANGE = "expected a number of at most {largest} and, unless 0, at least {smallest}"
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


class RefusedError(ValueError):
    """A value the gate refuses; its message says what was expected."""


def number(
    text: str,
    *,
    grouped: bool = False,
    exponent: bool = True,
    largest: Decimal = LARGEST,
    smallest: Decimal = SMALLEST,
) -> Decimal:
    """*text* as an exact :class:`~decimal.Decimal`, or :class:`RefusedError`.

    Accepted: an optional sign, digits with an optional decimal point (``216.632``,
    ``.5``), and, where *exponent*, an exponent (``2.1e3``);
    where *grouped*, thousands separated by commas (``2,601,200``, as BLS prints
    counts). Refused before any arithmetic: anything else (``2_2.10``, which
    Python's ``Decimal`` would read as 22.10; ``NaN``; ``inf``; ``0x10``), more than
    :data:`MAX_DIGITS` significant digits, a magnitude above *largest* or, other
    than zero, below *smallest* (:data:`SMALLEST` unless a series needs less: the World
    Bank's PPP factor for Venezuela in 1990, in today's bolivares, is 1.2 x 10^-13).

    >>> number("216.632")
    Decimal('216.632')
    >>> number("2,601,200", grouped=True)
    Decimal('2601200')
    >>> number("1e-99999999")
    Traceback (most recent call last):
    ...
    careerkit.data._gate.RefusedError: expected a number of at most 10^15 and, unless 0, at least 10^-12
    """
    if not isinstance(text, str) or len(text) > 60:
        raise RefusedError("expected a number of at most 60 characters")
    plain = text.strip()
    if grouped and _GROUPED.fullmatch(plain):
        plain = plain.replace(",", "")
    found = _NUMBER.fullmatch(plain)
    if found is None or (not exponent and "e" in plain.lower()):
        example = "2,601,200 or 22.10" if grouped else "216.632"
        raise RefusedError(
            f"expected a number written as digits with a decimal point, such as {example}"
        )
    mantissa, _, power = plain.lower().partition("e")
    # Bounded by the text before any arithmetic: an exponent of at most six digits (beyond
    # them, the magnitude check below would refuse the value anyway), and the significant
    # digits counted.
    significant = mantissa.lstrip("+-").replace(".", "").lstrip("0").rstrip("0")
    if len(significant) > MAX_DIGITS:
        raise RefusedError(f"expected a number of at most {MAX_DIGITS} significant digits")
    if len(power.lstrip("+-").lstrip("0")) > 6:
        raise RefusedError(_RANGE.format(largest=_power(largest), smallest=_power(smallest)))
    value = Decimal(plain)
    last = value.as_tuple().exponent  # the place of the last digit written: -2 for 22.10
    if isinstance(last, int) and last < -MAX_PLACES:
        raise RefusedError(f"expected a number of at most {MAX_PLACES} decimal places")
    if value and not smallest <= value.copy_abs() <= largest:
        raise RefusedError(_RANGE.format(largest=_power(largest), smallest=_power(smallest)))
    return value


def integer(text: str, *, grouped: bool = False, largest: int = 10**15) -> int:
    """*text* as a whole number from 0 to *largest* (``2,601,200`` where *grouped*), or :class:`RefusedError`.

    >>> integer("12.5")
    Traceback (most recent call last):
    ...
    careerkit.data._gate.RefusedError: expected a whole number (a count), such as 2601200
    """
    value = number(text, grouped=grouped, exponent=False, largest=Decimal(largest))
    if value < 0 or value != value.to_integral_value() or "." in text:
        example = "2,601,200" if grouped else "2601200"
        raise RefusedError(f"expected a whole number (a count), such as {example}")
    return int(value)


def plain_text(text: str, *, longest: int = MAX_TEXT) -> str:
    """*text* if it is one line of printable text of at most *longest* characters, else :class:`RefusedError`.

    Refused: control characters (a tab, a newline, NUL ...), which would break
    the line-and-tab files careerkit keeps, and text with no letter or digit at all.

    >>> plain_text("Customer Service Representatives")
    'Customer Service Representatives'
    >>> plain_text("Customer\\tService")
    Traceback (most recent call last):
    ...
    careerkit.data._gate.RefusedError: expected one line of text without control characters (found U+0009)
    """
    if not isinstance(text, str):
        raise RefusedError("expected text")
    if len(text) > longest:
        raise RefusedError(f"expected at most {longest:,} characters, found {len(text):,}")
    for character in text:
        if unicodedata.category(character) in ("Cc", "Cs", "Zl", "Zp"):
            raise RefusedError(
                "expected one line of text without control characters "
                f"(found U+{ord(character):04X})"
            )
    if not any(character.isalnum() for character in text):
        raise RefusedError("expected text with at least one letter or digit")
    return text


def _power(value: Decimal) -> str:
    exponent = value.adjusted()
    return f"10^{exponent}" if value == Decimal(10) ** exponent else f"{value:f}"
