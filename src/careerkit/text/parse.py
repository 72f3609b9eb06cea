"""``parse_pay``: pay as people write it, read into a ``Pay`` or a ``PayRange``.

Read forms (any mix of them): an amount or a range (``-``, ``–``, ``to``,
``से``); currency symbols and codes (``$``, ``₹``, ``Rs.``, ``रुपये``, ``USD``,
``CA$``, ``A$``, ``€``, ``£``, ``JP¥``...); multipliers (``K``, ``M``, ``lakh``,
``crore``, ``लाख``, ``करोड़``, ``हज़ार``); periods (``/hr``, ``an hour``,
``per month``, ``monthly``, ``per annum``, ``p.a.``, ``प्रति माह``,
``मासिक``, ``वार्षिक``...); ``LPA`` (lakh per annum, in rupees); Western and
Indian digit grouping; Devanagari digits.

``$`` alone means US dollars unless ``currency=`` names another dollar (CAD,
AUD, ...); ``¥`` alone is refused (yen or yuan) unless ``currency=`` says which.
Anything unread, ambiguous or missing raises :class:`~careerkit.PayParseError`
saying which part and what is accepted; nothing is guessed.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from careerkit.errors import PayParseError, UnknownCurrencyError, ValidationError
from careerkit.model import _iso
from careerkit.model.pay_band import Period
from careerkit.pay._pay import Pay, When
from careerkit.pay._range import PayRange

__all__ = ["parse_pay"]

ACCEPTED = (
    "accepted forms include '$14.36/hr', '$14.36 an hour', 'USD 51,280 a year', "
    "'₹10,000–28,000 per month', 'Rs. 10,000 to 28,000 monthly', "
    "'10,000 से 28,000 रूपये मासिक', '3.5 LPA', '₹3.5 lakh per annum'"
)

_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_DOLLARS = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD"}

_PERIODS: list[tuple[str, Period]] = [
    (
        r"per\s+hour|an\s+hour|a\s+hour|/\s*hr|/\s*hour|/\s*h\b|hourly|प्रति\s+घंटा|प्रति\s+घंटे",
        Period.HOUR,
    ),
    (r"per\s+day|a\s+day|/\s*day|daily|प्रति\s+दिन|दैनिक", Period.DAY),
    (r"per\s+week|a\s+week|/\s*wk|/\s*week|weekly|प्रति\s+सप्ताह|साप्ताहिक", Period.WEEK),
    (
        r"per\s+month|a\s+month|/\s*mo(?:nth)?|monthly|प्रति\s+माह|प्रति\s+महीना|मासिक|महीना",
        Period.MONTH,
    ),
    (
        r"per\s+(?:year|annum)|a\s+year|/\s*yr|/\s*year|p\.\s*a\.|\bpa\b|annually|annual|yearly"
        r"|प्रति\s+वर्ष|प्रति\s+साल|वार्षिक|सालाना",
        Period.YEAR,
    ),
]
_SYMBOLS: dict[str, str | None] = {
    "US$": "USD",
    "CA$": "CAD",
    "C$": "CAD",
    "AU$": "AUD",
    "A$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "NT$": "TWD",
    "R$": "BRL",
    "MX$": "MXN",
    "JP¥": "JPY",
    "CN¥": "CNY",
    "$": "$",  # US dollars unless currency= names another dollar
    "₹": "INR",
    "€": "EUR",
    "£": "GBP",
    "¥": None,  # yen or yuan: refused unless currency= says which
}
_INR_WORDS = r"rs\.?|rupees?|रुपये|रूपये|रुपए|रुपया|रु\.?"
_MULTIPLIERS: list[tuple[str, Decimal]] = [
    (r"crores?|cr\b|करोड़|करोड़", Decimal(10) ** 7),
    (r"lakhs?|lacs?|लाख", Decimal(10) ** 5),
    (r"thousand|हज़ार|हजार|k\b", Decimal(10) ** 3),
    (r"million|mn\b|m\b", Decimal(10) ** 6),
    (r"billion|bn\b|b\b", Decimal(10) ** 9),
]
_NUMBER = r"\d[\d,]*(?:\.\d+)?|\.\d+"
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3}|\d+")

_TOKEN = re.compile(
    "|".join(
        [
            r"(?P<lpa>\blpa\b)",
            *(f"(?P<period{i}>{pattern})" for i, (pattern, _) in enumerate(_PERIODS)),
            "(?P<symbol>"
            + "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
            + ")",
            rf"(?P<inr>(?:{_INR_WORDS})(?![\w]))",
            r"(?P<code>\b[A-Z]{3}\b)",
            rf"(?P<number>{_NUMBER})",
            *(f"(?P<mult{i}>{pattern})" for i, (pattern, _) in enumerate(_MULTIPLIERS)),
            r"(?P<sep>–|—|-|\bto\b|से)",
            r"(?P<filler>\btak\b|तक|approx\.?|around|about)",
            r"(?P<space>\s+)",
        ]
    ),
    re.IGNORECASE,
)


def _fail(text: str, problem: str) -> PayParseError:
    return PayParseError(f"cannot read pay from {text!r}: {problem}; {ACCEPTED}")


def _number(text: str, raw: str) -> Decimal:
    whole, _, fraction = raw.partition(".")
    if "," in whole and not _GROUPED.fullmatch(whole):
        raise _fail(text, f"the number {raw!r} is grouped neither as 1,234,567 nor as 12,34,567")
    return Decimal(whole.replace(",", "") + ("." + fraction if fraction else ""))


def parse_pay(
    text: str,
    *,
    currency: str | None = None,
    period: Period | str | None = None,
    when: When | None = None,
) -> Pay | PayRange:
    """Read pay text into a :class:`~careerkit.Pay`, or a :class:`~careerkit.PayRange`.

    *currency* and *period* supply what the text leaves out (``"$30K-$40K"``
    needs ``period=``); where the text states them too they must agree.

    >>> parse_pay("$14.36/hr")
    Pay('14.36 USD/hour')
    >>> parse_pay("10,000 से 28,000 रूपये मासिक")
    PayRange(Pay('10000.00 INR/month'), Pay('28000.00 INR/month'))
    >>> parse_pay("3.5 LPA")
    Pay('350000.00 INR/year')
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_pay reads text, not {type(text).__name__}")
    source = unicodedata.normalize("NFC", text).translate(_DIGITS).strip()
    if not source:
        raise _fail(text, "the text is empty")
    numbers: list[list[Decimal | None]] = []  # [amount, multiplier]
    currencies: set[str] = set()
    periods: set[Period] = set()
    separators = 0
    position = 0
    for match in _TOKEN.finditer(source):
        if match.start() != position:
            raise _fail(
                text, f"{source[position : match.start()]!r} is not a part of pay careerkit reads"
            )
        position = match.end()
        kind = match.lastgroup or ""
        raw = match.group()
        if kind == "number":
            if len(numbers) == 2:
                raise _fail(text, "it holds more than two amounts")
            if numbers and separators == 0:
                raise _fail(text, "two amounts need a range between them, such as '-' or 'to'")
            numbers.append([_number(text, raw), None])
        elif kind.startswith("mult"):
            if not numbers or numbers[-1][1] is not None:
                raise _fail(text, f"{raw!r} does not follow an amount")
            numbers[-1][1] = _MULTIPLIERS[int(kind[4:])][1]
        elif kind == "lpa":
            if not numbers or numbers[-1][1] is not None:
                raise _fail(text, "'LPA' does not follow an amount")
            numbers[-1][1] = Decimal(10) ** 5
            periods.add(Period.YEAR)
            currencies.add("INR")
        elif kind.startswith("period"):
            periods.add(_PERIODS[int(kind[6:])][1])
        elif kind == "symbol":
            found = _SYMBOLS[raw]
            if found is None:
                if currency not in ("JPY", "CNY"):
                    raise _fail(
                        text,
                        "'¥' is both yen and yuan: write JP¥, CN¥ or the code, or pass currency=",
                    )
                found = currency
            currencies.add(found)
        elif kind == "inr":
            currencies.add("INR")
        elif kind == "code":
            try:
                _iso.check_currency(raw)
            except UnknownCurrencyError:
                raise _fail(text, f"{raw!r} is not an ISO 4217 currency code") from None
            currencies.add(raw)
        elif kind == "sep":
            if len(numbers) != 1 or separators:
                raise _fail(text, f"the range mark {raw!r} is not between two amounts")
            separators += 1
    if position != len(source):
        raise _fail(text, f"{source[position:]!r} is not a part of pay careerkit reads")
    if not numbers:
        raise _fail(text, "it holds no amount")
    if separators and len(numbers) != 2:
        raise _fail(text, "a range needs an amount on each side")
    return _build(
        text, numbers, _currency(text, currencies, currency), _period(text, periods, period), when
    )


def _currency(text: str, found: set[str], given: str | None) -> str:
    if "$" in found:
        found.discard("$")
        found.add(given if given in _DOLLARS else "USD")
    if len(found) > 1:
        raise _fail(text, f"it names more than one currency ({', '.join(sorted(found))})")
    if found:
        (stated,) = found
        if given is not None and given != stated:
            raise _fail(text, f"it is in {stated}, but currency={given!r} was given")
        return stated
    if given is None:
        raise _fail(
            text, "it names no currency: add a symbol or code ('$', '₹', 'USD') or pass currency="
        )
    return given


def _period(text: str, found: set[Period], given: Period | str | None) -> Period:
    if len(found) > 1:
        raise _fail(
            text, f"it names more than one period ({', '.join(sorted(p.value for p in found))})"
        )
    if given is not None:
        try:
            wanted = Period(given)
        except ValueError:
            raise ValidationError(
                f"unknown period {given!r}; expected hour, day, week, month or year"
            ) from None
        if found and found != {wanted}:
            raise _fail(
                text, f"it is per {next(iter(found)).value}, but period={wanted.value!r} was given"
            )
        return wanted
    if not found:
        raise _fail(
            text,
            "it names no period: add one ('an hour', 'per month', 'p.a.', 'प्रति माह') or pass period=",
        )
    return next(iter(found))


def _build(
    text: str, numbers: list[list[Decimal | None]], currency: str, period: Period, when: When | None
) -> Pay | PayRange:
    if len(numbers) == 2:
        (low, low_mult), (high, high_mult) = numbers
        assert low is not None
        assert high is not None
        # "3-5 lakh", "30-40K": the high end's unit applies to a bare, smaller low end.
        if low_mult is None and high_mult is not None and low <= high:
            low_mult = high_mult
        numbers = [[low, low_mult], [high, high_mult]]
    amounts = [amount * (mult or 1) for amount, mult in numbers if amount is not None]
    pays = [Pay(amount, currency, period, when=when) for amount in amounts]
    if len(pays) == 1:
        return pays[0]
    if pays[0].exact > pays[1].exact:
        raise _fail(
            text, f"the range runs from {amounts[0]} down to {amounts[1]}: give the low end first"
        )
    return PayRange(pays[0], pays[1])
