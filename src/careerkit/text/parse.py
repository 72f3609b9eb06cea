"""``parse_pay``: pay as people write it, read into a ``Pay`` or a ``PayRange``.

Read forms (any mix of them, in any case):

- an amount, a range (``-``, ``–``, ``to``, ``से``, ``between ... and ...``) or an
  open range: ``up to``/``upto``/``max``/``अधिकतम``/``... तक`` (a highest figure),
  ``from``/``starting at``/``min``/``at least``/``न्यूनतम``/``कम से कम``, a
  trailing ``+``, ``and above``, ``or more``, ``onwards``, ``से अधिक`` (a lowest
  figure). The missing end stays ``None``: careerkit never invents it;
- currency symbols and codes (``$``, ``₹``, ``Rs.``, ``Rs``, ``रु.``, ``रुपये``,
  ``USD``, ``CA$``, ``C$``, ``A$``, ``€``, ``£``, ``JP¥``...), a dollar code after
  ``$`` amounts naming which dollar (``$130,000 - $210,000 CAD``);
- multipliers: ``K``, ``M``, ``lakh``/``lac``/``lacs``/``L``, ``crore``/``cr``,
  ``लाख``, ``करोड़``, ``हज़ार``; ``LPA`` (lakh per annum). Lakh and crore
  without a currency mean rupees, as ``LPA`` does;
- periods: ``/hr``, ``per hr``, ``an hour``, ``per month``, ``p.m.``, ``pm``,
  ``per mensem``, ``monthly``, ``per annum``, ``p.a.``, ``प्रति माह``,
  ``मासिक``, ``वार्षिक``...;
- Indian notices' ``/-`` after whole rupees and ``only`` (``Rs. 25,000/- only``), a
  leading label (``Salary:``, ``CTC:``), remarks such as ``(consolidated)``;
- Devanagari digits.

The documentation's "Reading pay text" page lists every form. The token grammar is
``careerkit.text._tokens``; numbers are read by ``careerkit.text._numbers``.

Numbers are read by the conventions of their currency (CLDR): a comma before
three digits groups thousands (``45,000``; Indian ``4,50,000`` too); a dot is a
decimal point, except in currencies whose locales write decimals with a comma
(EUR, BRL, DKK, ...: :data:`DECIMAL_COMMA`), where a dot before exactly three
digits groups thousands (``€45.000``) and a comma before one or two digits is
the decimal mark (``45,50 €``). Where a number could be read two ways (``$45.000``,
``1,500 KWD``), it is refused: pass ``locale=`` to read it by that locale's
conventions. ``$`` alone means US dollars unless ``currency=`` names another
dollar; ``¥`` alone is refused (yen or yuan) unless ``currency=`` says which.
Anything unread, ambiguous or missing raises :class:`~careerkit.PayParseError`
saying which part and how to disambiguate; nothing is guessed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, getcontext

from careerkit.errors import ValidationError, WrongTypeError, shown
from careerkit.model import _iso
from careerkit.model._checks import MAX_AMOUNT, MAX_PLACES
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import Period, to_period
from careerkit.pay._exact import PRECISION
from careerkit.pay._pay import Pay
from careerkit.pay._range import PayRange
from careerkit.pay._units import When
from careerkit.text._numbers import (
    DECIMAL_COMMA,
    SPACE_MARKS,
    SPACED_GROUP,
    locale_marks,
    read_number,
)
from careerkit.text._tokens import Reading, read_tokens, unreadable

__all__ = ["DECIMAL_COMMA", "MAX_TEXT", "parse_pay"]

MAX_TEXT = 1000
"""The longest pay text read, in characters: longer text is refused at once."""

_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_DEVANAGARI_DIGIT = re.compile("[०-९]")
_DOLLARS = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD"}
_LAKH_CODES = {"INR", "NPR", "PKR", "LKR", "BDT"}
"""Currencies of the countries that count in lakh and crore."""


def parse_pay(
    text: str,
    *,
    currency: str | None = None,
    period: Period | str | None = None,
    when: When | None = None,
    locale: str | None = None,
) -> Pay | PayRange:
    """Read pay text into a :class:`~careerkit.Pay`, or a :class:`~careerkit.PayRange`.

    *currency* and *period* supply what the text leaves out (``"$30K-$40K"``
    needs ``period=``); where the text states them too they must agree.
    *locale* (``"de_DE"``, ``"en_IN"``) reads numbers by that locale's decimal
    and grouping marks, for numbers that are ambiguous otherwise. A single
    figure gives a ``Pay``; a range, or an open range ("up to ...", "from
    ...", "...+"), gives a ``PayRange`` whose open end is ``None``.

    >>> parse_pay("$14.36/hr")
    Pay('14.36', 'USD', 'hour')
    >>> parse_pay("10,000 से 28,000 रूपये मासिक")
    PayRange(Pay('10000.00', 'INR', 'month'), Pay('28000.00', 'INR', 'month'))
    >>> parse_pay("8-12 Lacs P.A.")
    PayRange(Pay('800000.00', 'INR', 'year'), Pay('1200000.00', 'INR', 'year'))
    >>> parse_pay("Up to ₹8 LPA")
    PayRange(None, Pay('800000.00', 'INR', 'year'))
    >>> parse_pay("€45.000 per year")
    Pay('45000.00', 'EUR', 'year')
    """
    text = _text(text)
    wanted, date, marks = _options(currency, period, when, locale)
    amounts, money, per, ends = _read(text, currency, wanted, marks)
    # Each amount is one Pay takes (_read checked): a whole one goes in as an int, Pay's
    # quick path to the same figure.
    pays = [
        Pay(int(amount) if amount == amount.to_integral_value() else amount, money, per, when=date)
        for amount in amounts
    ]
    if ends == _ONE:
        return pays[0]
    if ends == _BOTH:
        return PayRange(pays[0], pays[1])  # one unit, low end first (_read checked)
    return PayRange(pays[0], None) if ends == _LOW else PayRange(None, pays[0])


Ends = tuple[float, float, str, str]
"""A text's low and high amounts as floats (NaN at an open end), its currency and period."""


def reader(
    currency: str | None, period: Period | str | None, locale: str | None
) -> Callable[[object], Ends]:
    """:func:`parse_pay` under these options, giving plain values: the front ends' ``parse``
    (``careerkit._tables``), whose columns need no ``Pay``.

    The options are checked at once, as :func:`parse_pay` checks them. Each text then
    reads as :func:`parse_pay` reads it, with the same errors, into the floats of the
    amounts of the ``Pay`` figures it would return (``float(pay.amount)``; NaN at an
    open end), their currency and their period's name, without making the figures.
    """
    wanted, _, marks = _options(currency, period, None, locale)

    def read(text: object) -> Ends:
        amounts, money, per, ends = _read(_text(text), currency, wanted, marks)
        if getcontext().prec <= PRECISION:  # each amount has at most 28 digits: pay.amount
            figures = [float(amount) for amount in amounts]
        else:
            figures = [float(Pay(amount, money, per).amount) for amount in amounts]
        name = _PERIOD_NAMES[per]
        if ends == _LOW:
            return figures[0], math.nan, money, name
        if ends == _HIGH:
            return math.nan, figures[0], money, name
        return figures[0], figures[-1], money, name

    return read


_ONE, _BOTH, _LOW, _HIGH = "one", "both", "low", "high"
"""A text's shape: one figure, a range, or a range open above (a lowest figure) or below."""
_PERIOD_NAMES = {period: period.value for period in Period}


def _options(
    currency: str | None, period: Period | str | None, when: When | None, locale: str | None
) -> tuple[Period | None, ReferenceDate | None, tuple[str, str] | None]:
    """:func:`parse_pay`'s options, checked (*currency* as it is): the period, date and marks."""
    if currency is not None:
        _iso.check_currency(currency, field="currency")
    wanted = None if period is None else to_period(period)
    date = None if when is None else ReferenceDate.coerce(when, field="when")
    marks = None if locale is None else locale_marks(locale)
    return wanted, date, marks


def _text(text: object) -> str:
    if not isinstance(text, str):
        raise WrongTypeError(
            f"parse_pay reads text, got {type(text).__name__} {shown(text)}", field="text"
        )
    return text


def _read(
    text: str, currency: str | None, wanted: Period | None, marks: tuple[str, str] | None
) -> tuple[list[Decimal], str, Period, str]:
    """*text* read, the options checked: its amounts, each one ``Pay`` takes (with the
    errors ``Pay`` gives); its currency, period and shape."""
    if len(text) > MAX_TEXT:
        raise unreadable(text, f"it is longer than the {MAX_TEXT:,} characters any pay text needs")
    if text.isascii():  # NFC already, and no Devanagari digits
        source = text.strip()
    else:
        source = unicodedata.normalize("NFC", text)
        if _DEVANAGARI_DIGIT.search(source):
            source = source.translate(_DIGITS)
        source = source.strip()
    if not source:
        raise unreadable(text, "the text is empty")
    if marks is not None and marks[1] in SPACE_MARKS:
        # A locale grouping with spaces ("45 000 €"): a space before three digits is a mark.
        source = SPACED_GROUP.sub("\u00a0", source)
    reading = read_tokens(source, text, currency)
    if not reading.numbers:
        raise reading.fail("it holds no amount")
    if reading.separators and len(reading.numbers) != 2:
        raise reading.fail("a range needs an amount on each side")
    if reading.between and reading.separators != ["and"]:
        raise reading.fail("'between' needs 'and' between two amounts")
    money = _currency(reading, currency)
    if reading.indian_unit and money not in _LAKH_CODES:
        raise reading.fail(
            f"it counts in lakh or crore, South Asian units, but in {money}: give the amount "
            "in full, or in rupees"
        )
    per = _period(reading, wanted)
    amounts = [
        (read_number(reading, raw, money, size is not None, marks), size)
        for raw, size in reading.numbers
    ]
    if len(amounts) == 2:
        amounts = _scaled_range(reading, amounts)
    products = [value * (size or 1) for value, size in amounts]
    # Each product has at most the context's precision in digits, so that one at most
    # MAX_AMOUNT whose first digit is this far from the point has few enough decimal
    # places for Pay: Pay takes it for certain. Others are given to Pay, for its error.
    least = getcontext().prec - 1 - MAX_PLACES
    for amount in products:
        if amount > MAX_AMOUNT or amount.adjusted() < least:
            try:
                Pay(amount, money, per)
            except ValidationError as error:
                raise reading.fail(error.message) from None
    if len(products) == 2:
        if "high" in reading.open:
            raise reading.fail("'up to' gives one highest figure, not a range")
        if "low" in reading.open:
            raise reading.fail("'at least' and '+' give one lowest figure, not a range")
        if products[0] > products[1]:
            low, high = (Pay(amount, money, per).amount for amount in products)
            raise reading.fail(f"the range runs from {low} down to {high}: give the low end first")
        return products, money, per, _BOTH  # "10,000 से 28,000 तक": तक closes the range
    ends = reading.open | ({"low"} if reading.starts_from else set())
    ends |= {"high"} if reading.until else set()
    if len(ends) > 1:
        raise reading.fail("it gives both a lowest and a highest figure for one amount")
    if ends == {"low"}:
        return products, money, per, _LOW
    if ends == {"high"}:
        return products, money, per, _HIGH
    return products, money, per, _ONE


def _currency(reading: Reading, given: str | None) -> str:
    found = set(reading.currencies)
    if "$" in found:  # "$" with a dollar code ("$130,000 CAD") or currency= is that dollar
        found.discard("$")
        dollars = found & _DOLLARS
        if len(dollars) == 1 and found == dollars:
            pass
        else:
            found.add(given if given in _DOLLARS else "USD")
    if len(found) > 1:
        raise reading.fail(f"it names more than one currency ({', '.join(sorted(found))})")
    if found:
        (stated,) = found
        if given is not None and given != stated:
            raise reading.fail(f"it is in {stated}, but currency={given!r} was given")
        return stated
    if given is not None:
        return given
    if reading.indian_unit:
        return "INR"  # lakh and crore are Indian units: rupees, as "LPA" is
    raise reading.fail(
        "it names no currency: add a symbol or code ('$', '₹', 'USD') or pass currency="
    )


def _period(reading: Reading, given: Period | None) -> Period:
    found = reading.periods
    if len(found) > 1:
        raise reading.fail(
            f"it names more than one period ({', '.join(sorted(p.value for p in found))})"
        )
    if given is not None:
        if found and found != {given}:
            raise reading.fail(
                f"it is per {next(iter(found)).value}, but period={given.value!r} was given"
            )
        return given
    if not found:
        raise reading.fail(
            "it names no period: add one ('an hour', 'per month', 'p.a.', 'प्रति माह') or pass period="
        )
    return next(iter(found))


def _scaled_range(
    reading: Reading, amounts: list[tuple[Decimal, Decimal | None]]
) -> list[tuple[Decimal, Decimal | None]]:
    """Give a bare low end the high end's unit where that reads: "3-5 lakh", "30-40K"."""
    (low, low_size), (high, high_size) = amounts
    if low_size is not None or high_size is None:
        return amounts
    if low <= high:
        return [(low, high_size), (high, high_size)]
    # "50,000 - 3 lakh" is a low end written out in full; "5 - 3 lakh" is not a range at all.
    if low * 10 >= high_size and low <= high * high_size:
        return amounts
    raise reading.fail(
        f"the low end {low} has no unit, and {low} of the high end's unit would be above "
        f"{high} of it: write the unit on both ends, or the low end in full (such as 50,000)"
    )
