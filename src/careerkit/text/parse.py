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
conventions. ``$`` alone means US dollars unless ``currency=`` (or
``default_currency=``) names another dollar; ``¥`` alone is refused (yen or yuan)
unless one of them says which.
Anything unread, ambiguous or missing raises :class:`~careerkit.PayParseError`
saying which part and how to disambiguate; nothing is guessed. A text that says it
states no figure (:data:`NO_FIGURE`: "DOE", "Negotiable") reads as ``None``;
``default_currency=`` and ``default_period=`` fill only what a text leaves out.
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
from careerkit.text._tokens import NO_FIGURE, Reading, read_tokens, unreadable

__all__ = ["DECIMAL_COMMA", "MAX_TEXT", "NO_FIGURE", "parse_pay"]

MAX_TEXT = 1000
"""The longest pay text read, in characters: longer text is refused at once."""

_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_DEVANAGARI_DIGIT = re.compile("[०-९]")
_DOLLARS = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD"}
_LAKH_CURRENCIES = {"INR", "NPR", "PKR", "BDT", "LKR"}  # where lakh and crore count money
_LAKH_CODES = {"INR", "NPR", "PKR", "LKR", "BDT"}
"""Currencies of the countries that count in lakh and crore."""
NO_FIGURE_STATED = "no figure stated"
"""The tables' reason for a text of :data:`NO_FIGURE` ("Negotiable"), which states no figure."""


def parse_pay(
    text: str,
    *,
    currency: str | None = None,
    period: Period | str | None = None,
    when: When | None = None,
    locale: str | None = None,
    default_currency: str | None = None,
    default_period: Period | str | None = None,
) -> Pay | PayRange | None:
    """Read pay text into a :class:`~careerkit.Pay`, or a :class:`~careerkit.PayRange`;
    ``None`` where the text says it states no figure ("Negotiable", "DOE").

    *currency* and *period* supply what the text leaves out (``"$30K-$40K"``
    needs ``period=``) and are checks: where the text states them too they must
    agree. *default_currency* and *default_period* are defaults, for a column of
    mixed texts: they fill what the text does not say and never override what it
    says (a text that reads without them reads the same with them). A sign of several
    currencies is read as the default where it is one of them: ``$`` as
    ``default_currency="CAD"``, ``Rs`` and lakh as ``"PKR"``, ``¥`` as ``"JPY"``; a
    default of another family leaves the sign as it reads alone. Give a part's check
    or its default, not both. *locale* (``"de_DE"``, ``"en_IN"``) reads numbers by
    that locale's decimal and grouping marks, for numbers that are ambiguous
    otherwise. A single figure gives a ``Pay``; a range, or an open range ("up to
    ...", "from ...", "...+"), gives a ``PayRange`` whose open end is ``None``.

    A text made of a phrase of :data:`~careerkit.text.parse.NO_FIGURE` ("Competitive",
    "Not disclosed", "as per industry standards", "बातचीत योग्य"), with perhaps a label,
    a currency or a period but no amount, gives ``None``: check for it before using the
    result. Beside an amount such a phrase changes nothing (``"Competitive: 5 LPA"``).

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
    >>> parse_pay("$ 136k", default_period="year"), parse_pay("$14/hr", default_period="year")
    (Pay('136000.00', 'USD', 'year'), Pay('14.00', 'USD', 'hour'))
    >>> parse_pay("136k a year", default_currency="INR")
    Pay('136000.00', 'INR', 'year')
    >>> parse_pay("Negotiable") is None
    True
    """
    text = _text(text)
    wanted, date, marks, defaults = _options(
        currency, period, when, locale, default_currency, default_period
    )
    found = _read(text, currency, wanted, marks, defaults)
    if found is None:
        return None
    amounts, money, per, ends = found
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


Ends = tuple[float, float, str | None, str | None]
"""A text's low and high amounts as floats (NaN at an open end), its currency and period;
:data:`NO_ENDS` where it states no figure."""
NO_ENDS: Ends = (math.nan, math.nan, None, None)
"""The ends of a text that states no figure ("Negotiable"): NaN, and no currency or period."""


def reader(
    currency: str | None,
    period: Period | str | None,
    locale: str | None,
    default_currency: str | None = None,
    default_period: Period | str | None = None,
) -> Callable[[object], Ends]:
    """:func:`parse_pay` under these options, giving plain values: the front ends' ``parse``
    (``careerkit._tables``), whose columns need no ``Pay``.

    The options are checked at once, as :func:`parse_pay` checks them. Each text then
    reads as :func:`parse_pay` reads it, with the same errors, into the floats of the
    amounts of the ``Pay`` figures it would return (``float(pay.amount)``; NaN at an
    open end), their currency and their period's name, without making the figures;
    a text that states no figure (``None``) into :data:`NO_ENDS`.
    """
    wanted, _, marks, defaults = _options(
        currency, period, None, locale, default_currency, default_period
    )

    def read(text: object) -> Ends:
        found = _read(_text(text), currency, wanted, marks, defaults)
        if found is None:
            return NO_ENDS
        amounts, money, per, ends = found
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


Defaults = tuple[str | None, Period | None]
"""The checked ``default_currency`` and ``default_period``."""


def _options(
    currency: str | None,
    period: Period | str | None,
    when: When | None,
    locale: str | None,
    default_currency: str | None = None,
    default_period: Period | str | None = None,
) -> tuple[Period | None, ReferenceDate | None, tuple[str, str] | None, Defaults]:
    """:func:`parse_pay`'s options, checked (*currency* as it is): the period, date, marks
    and defaults."""
    if currency is not None:
        _iso.check_currency(currency, field="currency")
    wanted = None if period is None else to_period(period)
    date = None if when is None else ReferenceDate.coerce(when, field="when")
    marks = None if locale is None else locale_marks(locale)
    if default_currency is not None:
        _iso.check_currency(default_currency, field="default_currency")
        if currency is not None:
            raise _both("currency")
    default = None
    if default_period is not None:
        try:
            default = to_period(default_period)
        except (ValidationError, WrongTypeError) as error:  # named as the argument given
            raise type(error)(error.message, field="default_period") from None
        if period is not None:
            raise _both("period")
    return wanted, date, marks, (default_currency, default)


def _both(part: str) -> ValidationError:
    return ValidationError(
        f"give {part}= (every text must name that {part}, or none) or default_{part}= (the "
        f"{part} of the texts that name none), not both",
        field=f"default_{part}",
    )


def _text(text: object) -> str:
    if not isinstance(text, str):
        raise WrongTypeError(
            f"parse_pay reads text, got {type(text).__name__} {shown(text)}", field="text"
        )
    return text


def _read(
    text: str,
    currency: str | None,
    wanted: Period | None,
    marks: tuple[str, str] | None,
    defaults: Defaults = (None, None),
) -> tuple[list[Decimal], str, Period, str] | None:
    """*text* read, the options checked: its amounts, each one ``Pay`` takes (with the
    errors ``Pay`` gives); its currency, period and shape. ``None``: it states no figure."""
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
    reading = read_tokens(source, text, currency or defaults[0])
    if not reading.numbers:
        if reading.no_figure:  # "Negotiable", "Salary: Not disclosed"
            return None
        raise reading.fail("it holds no amount")
    if reading.separators and len(reading.numbers) != 2:
        raise reading.fail("a range needs an amount on each side")
    if reading.between and reading.separators != ["and"]:
        raise reading.fail("'between' needs 'and' between two amounts")
    money = _currency(reading, currency, defaults[0])
    if reading.indian_unit and money not in _LAKH_CODES:
        raise reading.fail(
            f"it counts in lakh or crore, South Asian units, but in {money}: give the amount "
            "in full, or in rupees"
        )
    per = _period(reading, wanted, defaults[1])
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


def _currency(reading: Reading, given: str | None, default: str | None = None) -> str:
    found = set(reading.currencies)
    if "$" in found:  # "$" with a dollar code ("$130,000 CAD") or currency= is that dollar
        found.discard("$")
        dollars = found & _DOLLARS
        if len(dollars) == 1 and found == dollars:
            pass
        else:
            chosen = given or default  # a check or a default naming a dollar says which
            found.add(chosen if chosen in _DOLLARS else "USD")
    if len(found) > 1:
        raise reading.fail(f"it names more than one currency ({', '.join(sorted(found))})")
    if found:
        (stated,) = found
        if given is not None and given != stated:
            raise reading.fail(f"it is in {stated}, but currency={given!r} was given")
        return stated
    if given is not None:
        return given
    if reading.indian_unit:  # lakh and crore: rupees, as "LPA" is, or the default's lakh
        return default if default in _LAKH_CURRENCIES else "INR"
    if default is not None:
        return default
    raise reading.fail(
        "it names no currency: add a symbol or code ('$', '₹', 'USD') or pass currency= "
        "or default_currency="
    )


def _period(reading: Reading, given: Period | None, default: Period | None = None) -> Period:
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
        if default is not None:
            return default
        raise reading.fail(
            "it names no period: add one ('an hour', 'per month', 'p.a.', 'प्रति माह') or pass "
            "period= or default_period="
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
