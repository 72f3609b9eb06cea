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

The documentation's "Reading pay text" page lists every form.

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

import re
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING

from careerkit.errors import PayParseError, ValidationError, WrongTypeError, shown
from careerkit.model import _iso
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import Period, to_period
from careerkit.pay._pay import Pay, When
from careerkit.pay._range import PayRange

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["DECIMAL_COMMA", "MAX_TEXT", "parse_pay"]

MAX_TEXT = 1000
"""The longest pay text read, in characters: longer text is refused at once."""

ACCEPTED = (
    "forms careerkit reads include '$14.36/hr', 'USD 51,280 a year', "
    "'₹10,000–28,000 per month', 'Rs.15,000/- p.m.', '3.5 LPA', '8-12 Lacs P.A.', "
    "'Up to ₹8 LPA', '$60K+ a year', '10,000 से 28,000 रूपये मासिक'"
)

DECIMAL_COMMA = frozenset(
    # Currencies most of whose CLDR locales (the official languages of the countries where
    # the currency is legal tender) write decimals with a comma; tests/test_parsing.py
    # recomputes this from babel's CLDR data.
    {
        "ALL", "AMD", "AOA", "ARS", "BAM", "BIF", "BND", "BOB", "BRL", "BYN", "CDF", "CLP",
        "COP", "CRC", "CVE", "CZK", "DKK", "DZD", "EUR", "GEL", "GNF", "HTG", "HUF", "IDR",
        "ISK", "KGS", "KZT", "LAK", "LBP", "LYD", "MAD", "MDL", "MKD", "MRU", "MZN", "NOK",
        "PLN", "RON", "RSD", "RUB", "SEK", "SRD", "STN", "TJS", "TMT", "TND", "TRY", "UAH",
        "UYU", "UZS", "VES", "VND", "XAF", "XOF", "XPF",
    }
)  # fmt: skip
_THREE_DECIMALS = frozenset({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})
"""ISO 4217 currencies with three minor digits: ``1,500`` could be 1.5 or 1,500 there."""

_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_DOLLARS = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD"}
_INDIAN_UNITS = {Decimal(10) ** 5, Decimal(10) ** 7}
_RUPEE_CODES = {"INR", "NPR", "PKR", "LKR", "MUR", "SCR"}
_LAKH_CODES = {"INR", "NPR", "PKR", "LKR", "BDT"}
"""Currencies of the countries that count in lakh and crore."""

# A letter, for word boundaries: \b fails inside Hindi words, whose vowel signs are not \w.
_NOT_AFTER_LETTER = r"(?<![^\W\d_])(?<![\u0900-\u0963\u0970-\u097f])"
_NOT_BEFORE_LETTER = r"(?![^\W\d_])(?![\u0900-\u0963\u0970-\u097f])"


def _word(pattern: str) -> str:
    """*pattern* as a whole word: neither preceded nor followed by a letter."""
    return f"{_NOT_AFTER_LETTER}(?:{pattern}){_NOT_BEFORE_LETTER}"


def _ending(pattern: str) -> str:
    """*pattern* (which starts with a mark such as '/') not followed by a letter."""
    return f"(?:{pattern}){_NOT_BEFORE_LETTER}"


_PERIODS: list[tuple[str, Period]] = [
    (
        _word(r"per\s+hour|per\s+hr|an?\s+hour|an?\s+hr|hourly|प्रति\s*घंटा|प्रति\s*घंटे")
        + "|"
        + _ending(r"/\s*hour|/\s*hr|/\s*h"),
        Period.HOUR,
    ),
    (
        _word(r"per\s+day|a\s+day|per\s+diem|daily|प्रति\s*दिन|दैनिक|रोज़ाना")
        + "|"
        + _ending(r"/\s*day"),
        Period.DAY,
    ),
    (
        _word(r"per\s+week|per\s+wk|a\s+week|weekly|प्रति\s*सप्ताह|साप्ताहिक")
        + "|"
        + _ending(r"/\s*week|/\s*wk"),
        Period.WEEK,
    ),
    (
        _word(
            r"per\s+month|per\s+mo|a\s+month|per\s+mensem|monthly|p\.\s*m\.?|pm"
            r"|प्रति\s*माह|प्रति\s*महीना|मासिक|महीना|per\s+mahina|mahina|mahine"
        )
        + "|"
        + _ending(r"/\s*month|/\s*mo"),
        Period.MONTH,
    ),
    (
        _word(
            r"per\s+year|per\s+yr|per\s+annum|a\s+year|p\.\s*a\.?|pa|annually|annual|yearly"
            r"|प्रति\s*वर्ष|प्रति\s*साल|वार्षिक|सालाना|salana|saal"
        )
        + "|"
        + _ending(r"/\s*year|/\s*yr|/\s*annum"),
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
    "GB£": "GBP",
    "JP¥": "JPY",
    "CN¥": "CNY",
    "$": "$",  # US dollars unless currency= (or a code after the amount) names another dollar
    "₹": "INR",
    "€": "EUR",
    "£": "GBP",
    "¥": None,  # yen or yuan: refused unless currency= says which
}
_MULTIPLIERS: list[tuple[str, Decimal]] = [
    (r"crores?|cr|करोड़|करोड़", Decimal(10) ** 7),
    (r"lakhs?|lacs?|l|लाख", Decimal(10) ** 5),
    (r"thousand|k|हज़ार|हजार|hazaa?r", Decimal(10) ** 3),
    (r"million|mn|m", Decimal(10) ** 6),
    (r"billion|bn|b", Decimal(10) ** 9),
]
_SPACE_MARKS = "\u00a0\u202f "
_SPACED_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")

_AT_LEAST_AFTER = r"and\s+above|&\s*above|or\s+more|onwards|से\s+अधिक|से\s+ज़्यादा|से\s+ज्यादा"
_AT_LEAST = r"from|starting\s+(?:at|from)|min\.?|minimum|at\s+least|न्यूनतम|कम\s+से\s+कम"
_AT_MOST = r"up\s*to|max\.?|maximum|not\s+more\s+than|अधिकतम"
_FILLERS = r"approx\.?|approximately|around|about|only|ctc|consolidated|लगभग|तकरीबन|करीब|सीटीसी"
_REMARKS = (  # a remark in brackets that does not change the figure: "(consolidated)"
    r"\(\s*(?:consolidated|fixed|negotiable|(?:glassdoor|employer)\s+est\.?|est\.?|estimated)\s*\)"
)
_LABELS = r"salary|pay|ctc|stipend|compensation|remuneration|wages?|वेतन|मानदेय"
_RUPEES = r"rs|rupees?|rupaye|rupaiya|रुपये|रूपये|रुपए|रुपया|रु|रू"

_TOKEN = re.compile(
    "|".join(
        [
            rf"(?P<label>\A{_word(_LABELS)}\s*:)",
            rf"(?P<at_least_after>\+|{_word(_AT_LEAST_AFTER)})",
            f"(?P<at_least>{_word(_AT_LEAST)})",
            f"(?P<at_most>{_word(_AT_MOST)})",
            f"(?P<between>{_word('between')})",
            f"(?P<lpa>{_word('lpa')})",
            *(f"(?P<period{i}>{pattern})" for i, (pattern, _) in enumerate(_PERIODS)),
            "(?P<symbol>"
            + "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
            + ")",
            rf"(?P<inr>{_NOT_AFTER_LETTER}(?:{_RUPEES})(?:\.|{_NOT_BEFORE_LETTER}))",
            *(f"(?P<mult{i}>{_word(pattern)})" for i, (pattern, _) in enumerate(_MULTIPLIERS)),
            r"(?P<number>\d[\d.,'’\u00a0\u202f]*\d|\d|\.\d+)",
            f"(?P<sep>–|—|−|-|{_word('to|and|से|se')})",
            r"(?P<rupees_only>/-)",
            f"(?P<up_to_after>{_word('तक|tak')})",
            f"(?P<filler>{_word(_FILLERS)}|{_REMARKS})",
            f"(?P<code>{_NOT_AFTER_LETTER}(?-i:[A-Z]{{3}}){_NOT_BEFORE_LETTER})",
            r"(?P<end>[.,;:!।]+\s*\Z)",
            r"(?P<space>\s+)",
            r"(?P<word>(?:[^\W\d_]|[\u0900-\u0963\u0970-\u097f\u200c\u200d])+)",
            r"(?P<other>.)",
        ]
    ),
    re.IGNORECASE | re.DOTALL,
)


def _fail(text: str, problem: str) -> PayParseError:
    return PayParseError(f"cannot read pay from {shown(text)}: {problem}; {ACCEPTED}")


class _Reading:
    """What the tokens of one text say: amounts, currencies, periods, open ends."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.numbers: list[tuple[str, Decimal | None]] = []  # (number as written, multiplier)
        self.currencies: list[str] = []
        self.periods: set[Period] = set()
        self.separators: list[str] = []
        self.open: set[str] = set()  # "low" (from, at least, +) or "high" (up to, तक)
        self.starts_from = False  # "from": a lowest figure, or a range's first end
        self.until = False  # "तक" after the amounts: "up to" one, closing a range of two
        self.between = False
        self.indian_unit = False  # lakh or crore: rupees, unless a currency is named

    def fail(self, problem: str) -> PayParseError:
        return _fail(self.text, problem)

    def scale(self, raw: str, size: Decimal, previous: str) -> None:
        """Apply a multiplier to the amount just read."""
        if previous != "number":
            raise self.fail(f"{shown(raw)} does not follow an amount")
        number, _ = self.numbers[-1]
        self.numbers[-1] = (number, size)
        self.indian_unit = self.indian_unit or size in _INDIAN_UNITS


_AFTER_AMOUNT = ("number", "multiplier")


def _read_tokens(source: str, text: str, given_currency: str | None) -> _Reading:
    reading = _Reading(text)
    previous = ""  # the kind of the last token that was not a space
    for match in _TOKEN.finditer(source):
        kind = match.lastgroup or ""
        raw = match.group()
        if kind in ("space", "end", "filler", "label"):
            continue
        if kind == "number":
            if len(reading.numbers) == 2:
                raise reading.fail("it holds more than two amounts")
            if reading.numbers and not reading.separators:
                raise reading.fail("two amounts need a range between them, such as '-' or 'to'")
            reading.numbers.append((raw, None))
        elif kind.startswith("mult"):
            reading.scale(raw, _MULTIPLIERS[int(kind[4:])][1], previous)
            kind = "multiplier"
        elif kind == "lpa":
            reading.scale(raw, Decimal(10) ** 5, previous)
            reading.periods.add(Period.YEAR)
            reading.currencies.append("INR")
            kind = "multiplier"
        elif kind.startswith("period"):
            reading.periods.add(_PERIODS[int(kind[6:])][1])
        elif kind == "symbol":
            found = _SYMBOLS[raw.upper()]
            if found is None:
                if given_currency not in ("JPY", "CNY"):
                    raise reading.fail(
                        "'¥' is both yen and yuan: write JP¥, CN¥ or the code, or pass currency="
                    )
                found = given_currency
            reading.currencies.append(found)
        elif kind == "inr":  # Rs, रु: Indian rupees unless currency= names another rupee
            reading.currencies.append(given_currency if given_currency in _RUPEE_CODES else "INR")
        elif kind == "code":
            if raw not in _iso.currency_codes():
                raise reading.fail(f"{raw!r} is not an ISO 4217 currency code")
            reading.currencies.append(raw)
        elif kind == "sep":
            word = raw.casefold()
            if word == "and" and not reading.between:
                raise reading.fail("'and' joins a range only after 'between'")
            if len(reading.numbers) != 1 or reading.separators:
                raise reading.fail(f"the range mark {raw!r} is not between two amounts")
            reading.separators.append(word)
        elif kind in ("rupees_only", "at_least_after", "up_to_after"):
            if previous not in _AFTER_AMOUNT:
                raise reading.fail(f"{shown(raw)} does not follow an amount")
            if kind == "at_least_after":
                reading.open.add("low")
            elif kind == "up_to_after":
                reading.until = True
            kind = previous  # "25,000/- only", "8 लाख तक प्रति वर्ष": still after the amount
        elif kind == "at_least":
            if raw.casefold() == "from":
                reading.starts_from = True
            else:
                reading.open.add("low")
        elif kind == "at_most":
            reading.open.add("high")
        elif kind == "between":
            reading.between = True
        else:  # a word or a character careerkit does not read
            raise reading.fail(_unknown(raw))
        previous = kind
    return reading


def _unknown(raw: str) -> str:
    if len(raw) == 3 and raw.isascii() and raw.upper() in _iso.currency_codes():
        return f"{raw!r} is not a currency code: codes are upper case, such as {raw.upper()!r}"
    if raw.casefold() == "per":
        return "'per' names no period careerkit reads: per hour, per day, per week, per month, per year"
    return f"{shown(raw)} is not a part of pay careerkit reads"


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
    if not isinstance(text, str):
        raise WrongTypeError(
            f"parse_pay reads text, got {type(text).__name__} {shown(text)}", field="text"
        )
    if currency is not None:
        _iso.check_currency(currency, field="currency")
    wanted = None if period is None else to_period(period)
    date = None if when is None else ReferenceDate.coerce(when, field="when")
    marks = None if locale is None else _locale_marks(locale)
    if len(text) > MAX_TEXT:
        raise _fail(text, f"it is longer than the {MAX_TEXT:,} characters any pay text needs")
    source = unicodedata.normalize("NFC", text).translate(_DIGITS).strip()
    if not source:
        raise _fail(text, "the text is empty")
    if marks is not None and marks[1] in _SPACE_MARKS:
        # A locale grouping with spaces ("45 000 €"): a space before three digits is a mark.
        source = _SPACED_GROUP.sub("\u00a0", source)
    reading = _read_tokens(source, text, currency)
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
    return _build(reading, money, _period(reading, wanted), date, marks)


def _currency(reading: _Reading, given: str | None) -> str:
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


def _period(reading: _Reading, given: Period | None) -> Period:
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


def _locale_marks(name: str) -> tuple[str, str]:
    """The decimal and grouping marks of locale *name* (babel), for reading numbers."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    from careerkit.text.format import parse_locale

    locale: Locale = parse_locale(name)
    return str(get_decimal_symbol(locale)), str(get_group_symbol(locale))


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3}|\d+")
_LONG_FIRST_GROUP = re.compile(r"\d{4,}(?:,\d{3})+")


def _number(
    reading: _Reading, raw: str, currency: str, scaled: bool, marks: tuple[str, str] | None
) -> Decimal:
    """The value of one number as written, by the conventions of *currency* or *marks*."""
    if raw.startswith("."):
        return Decimal("0" + raw)
    if marks is not None:
        decimal_mark, group_mark = marks
        groups = set(_SPACE_MARKS) if group_mark in _SPACE_MARKS else {group_mark}
        whole, _, fraction = raw.partition(decimal_mark)
        for mark in groups:
            whole = whole.replace(mark, ",")
        how = (
            f"not written with this locale's marks ({decimal_mark!r} for decimals, "
            f"{group_mark!r} between groups of digits)"
        )
        if _LONG_FIRST_GROUP.fullmatch(whole):  # babel writes 1000000'000 in en_CH
            whole = whole.replace(",", "")
        return _grouped(reading, raw, whole, fraction, how)
    commas, dots = raw.count(","), raw.count(".")
    if any(mark in raw for mark in "'’\u00a0\u202f"):
        raise reading.fail(
            f"the number {raw!r} is grouped with marks careerkit reads only with locale="
        )
    comma_decimals = currency in DECIMAL_COMMA
    if commas and dots:  # both: the last one is the decimal mark
        decimal_mark = "," if raw.rfind(",") > raw.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        whole, _, fraction = raw.rpartition(decimal_mark)
        if decimal_mark in whole:
            raise reading.fail(f"the number {raw!r} has more than one decimal mark")
        return _grouped(reading, raw, whole.replace(group_mark, ","), fraction)
    if dots:
        whole, _, fraction = raw.rpartition(".")
        if dots > 1:
            if not comma_decimals:
                raise reading.fail(
                    f"the number {raw!r} groups thousands with dots, which {currency} amounts "
                    "are not written with: write it with commas, or pass locale="
                )
            return _grouped(reading, raw, raw.replace(".", ","), "")
        if len(fraction) == 3 and not scaled:
            if currency in _THREE_DECIMALS and comma_decimals:
                raise reading.fail(
                    f"the number {raw!r} could be {whole}.{fraction} or {whole}{fraction} in "
                    f"{currency}, whose amounts have three decimal places: pass locale="
                )
            if comma_decimals:
                return _grouped(reading, raw, raw.replace(".", ","), "")
            if currency not in _THREE_DECIMALS:
                raise reading.fail(
                    f"the number {raw!r} could be {whole} or {whole}{fraction} (a dot before "
                    f"three digits groups thousands in some countries): write "
                    f"{whole}{fraction} or {whole}, or pass locale="
                )
        if comma_decimals and len(fraction) == 3 and scaled:
            raise reading.fail(
                f"the number {raw!r} could be {whole}.{fraction} or {whole}{fraction} in "
                f"{currency}: pass locale="
            )
        return Decimal(f"{whole}.{fraction}")
    if commas == 1 and currency in _THREE_DECIMALS and len(raw.partition(",")[2]) == 3:
        raise reading.fail(
            f"the number {raw!r} could be {raw.replace(',', '.')} or {raw.replace(',', '')} "
            f"in {currency}, whose amounts have three decimal places: pass locale="
        )
    if commas == 1 and comma_decimals and len(raw.partition(",")[2]) in (1, 2):
        whole, _, fraction = raw.partition(",")
        return Decimal(f"{whole}.{fraction}")
    return _grouped(reading, raw, raw, "")


def _grouped(
    reading: _Reading,
    raw: str,
    whole: str,
    fraction: str,
    grouping: str = "grouped neither as 1,234,567 nor as 12,34,567",
) -> Decimal:
    """*whole* with commas between groups (validated), and its decimal *fraction*."""
    if "," in whole and not _GROUPED.fullmatch(whole):
        raise reading.fail(f"the number {raw!r} is {grouping}")
    digits = whole.replace(",", "")
    if not digits.isdigit() or (fraction and not fraction.isdigit()):
        raise reading.fail(f"{raw!r} is not a number careerkit reads")
    return Decimal(digits + ("." + fraction if fraction else ""))


def _build(
    reading: _Reading,
    currency: str,
    period: Period,
    when: ReferenceDate | None,
    marks: tuple[str, str] | None,
) -> Pay | PayRange:
    amounts = [
        (_number(reading, raw, currency, size is not None, marks), size)
        for raw, size in reading.numbers
    ]
    if len(amounts) == 2:
        amounts = _scaled_range(reading, amounts)
    try:
        pays = [Pay(value * (size or 1), currency, period, when=when) for value, size in amounts]
    except ValidationError as error:
        raise reading.fail(error.message) from None
    if len(pays) == 2:
        if "high" in reading.open:
            raise reading.fail("'up to' gives one highest figure, not a range")
        if "low" in reading.open:
            raise reading.fail("'at least' and '+' give one lowest figure, not a range")
        if pays[0].exact > pays[1].exact:
            raise reading.fail(
                f"the range runs from {pays[0].amount} down to {pays[1].amount}: "
                "give the low end first"
            )
        return PayRange(pays[0], pays[1])  # "10,000 से 28,000 तक": तक closes the range
    (pay,) = pays
    ends = reading.open | ({"low"} if reading.starts_from else set())
    ends |= {"high"} if reading.until else set()
    if len(ends) > 1:
        raise reading.fail("it gives both a lowest and a highest figure for one amount")
    if ends == {"low"}:
        return PayRange(pay, None)
    if ends == {"high"}:
        return PayRange(None, pay)
    return pay


def _scaled_range(
    reading: _Reading, amounts: list[tuple[Decimal, Decimal | None]]
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
