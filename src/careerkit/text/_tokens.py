"""The words and marks of pay text: the token grammar, and one pass that reads the tokens.

:func:`read_tokens` turns a text into a :class:`Reading` of what it says (the numbers as
written, with their multipliers; currencies; periods; range marks; open ends), refusing
what it cannot read. :mod:`careerkit.text.parse` then settles the currency and period and
:mod:`careerkit.text._numbers` reads each number.
"""

from __future__ import annotations

import re
from decimal import Decimal

from careerkit._once import once
from careerkit.errors import PayParseError, shown
from careerkit.model import _iso
from careerkit.model.pay_band import Period
from careerkit.text._scanner import Scanner

ACCEPTED = (
    "forms careerkit reads include '$14.36/hr', 'USD 51,280 a year', "
    "'₹10,000–28,000 per month', 'Rs.15,000/- p.m.', '3.5 LPA', '8-12 Lacs P.A.', "
    "'Up to ₹8 LPA', '$60K+ a year', '10,000 से 28,000 रूपये मासिक'"
)

_INDIAN_UNITS = {Decimal(10) ** 5, Decimal(10) ** 7}
_RUPEE_CODES = {"INR", "NPR", "PKR", "LKR", "MUR", "SCR"}

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
    # each its own currency's sign (Unicode's names for them); ₩ is both wons: not read
    "₱": "PHP",
    "₦": "NGN",
    "₺": "TRY",
    "₪": "ILS",
    "฿": "THB",
    "₫": "VND",
    "৳": "BDT",
    "₴": "UAH",
    "₸": "KZT",
    "₵": "GHS",
    "₽": "RUB",
}
_MULTIPLIERS: list[tuple[str, Decimal]] = [
    (r"crores?|cr|करोड़|करोड़", Decimal(10) ** 7),
    (r"lakhs?|lacs?|l|लाख", Decimal(10) ** 5),
    (r"thousand|k|हज़ार|हजार|hazaa?r", Decimal(10) ** 3),
    (r"million|mn|m", Decimal(10) ** 6),
    (r"billion|bn|b", Decimal(10) ** 9),
]
_AT_LEAST_AFTER = r"and\s+above|&\s*above|or\s+more|onwards|से\s+अधिक|से\s+ज़्यादा|से\s+ज्यादा"
_AT_LEAST = r"from|starting\s+(?:at|from)|min\.?|minimum|at\s+least|न्यूनतम|कम\s+से\s+कम"
_AT_MOST = r"up\s*to|max\.?|maximum|not\s+more\s+than|अधिकतम"
_FILLERS = r"approx\.?|approximately|around|about|only|ctc|consolidated|लगभग|तकरीबन|करीब|सीटीसी"
_REMARKS = (  # a remark in brackets that does not change the figure: "(consolidated)"
    r"\(\s*(?:consolidated|fixed|(?:glassdoor|employer)\s+est\.?|est\.?|estimated)\s*\)"
)
_LABELS = r"salary|pay|ctc|stipend|compensation|remuneration|wages?|वेतन|मानदेय"

NO_FIGURE = (
    # "it depends"
    "DOE",
    "D.O.E.",
    "depends on experience",
    "depending on experience",
    "dependent on experience",
    "based on experience",
    "commensurate with experience",
    "as per experience",
    "अनुभव के अनुसार",
    # "it is good"
    "competitive",
    "highly competitive",
    "attractive",
    "best in industry",
    "best in the industry",
    "as per industry standards",
    "as per industry standard",
    "as per industry norms",
    "as per industry",
    "industry standard",
    "as per market standards",
    "as per market",
    "market related",
    "as per company policy",
    "as per company norms",
    "as per norms",
    "as per rules",
    "नियमानुसार",
    # "to be agreed"
    "negotiable",
    "बातचीत योग्य",
    "परक्राम्य",
    "TBD",
    "to be decided",
    "to be discussed",
    "to be determined",
    # "not said"
    "not disclosed",
    "not disclosed by recruiter",
    "undisclosed",
    "not specified",
    "unspecified",
    "not mentioned",
    "not stated",
)
"""The phrases that say a pay text states no figure: :func:`~careerkit.parse_pay` reads a
text of these (with a leading label such as ``Salary:``, a currency or a period, but no
amount) as ``None``, and the tables as a missing value with the reason "no figure
stated". Matched in any case, with any spacing, a hyphen for a space
(``market-related``), dots optional (``D.O.E``), in brackets or not, followed by
``.``, ``,``, ``:``, ``;`` or ``!``; a pay word may come before or after one
(``competitive salary``, ``salary negotiable``). Beside an amount they change
nothing: ``Competitive: 5 LPA`` reads 5 LPA."""


_BETWEEN_WORDS = r"(?:\s*[-‐–]\s*|\s+)"


def _phrases(phrases: list[list[str]]) -> str:
    """*phrases* (each a list of words) as one pattern, words shared at their start matched
    once: any spacing or a hyphen between words, a word's dots optional."""
    following: dict[str, list[list[str]]] = {}
    for words in phrases:
        following.setdefault(words[0].casefold(), []).append(words[1:])
    choices = []
    for first in sorted(following, key=len, reverse=True):  # the longest word first
        rests = [rest for rest in following[first] if rest]
        word = re.escape(first).replace(r"\.", r"\.?")
        if rests:
            optional = "?" if len(rests) < len(following[first]) else ""
            word += f"(?:{_BETWEEN_WORDS}(?:{_phrases(rests)})){optional}"
        choices.append(word)
    return "|".join(choices)


_STATES_NO_FIGURE = _phrases([phrase.split() for phrase in NO_FIGURE])
_PAY_WORDS = rf"(?:{_LABELS}|package)"
_NO_FIGURE = (
    r"(?:[,;]\s*)?(?:\(\s*)?"
    + _word(rf"(?:{_PAY_WORDS}\s+)?(?:{_STATES_NO_FIGURE})(?:\s+{_PAY_WORDS}){{0,2}}")
    + r"(?:\s*[.,;:!।)–—-])*"
)
"""A phrase of :data:`NO_FIGURE`, perhaps in brackets or with pay words before or after it,
and the marks that set it off ("$50K a year, DOE", "Competitive - 5 LPA").

It is no token of the grammar: :func:`read_tokens` tries it only where the grammar finds a
word, a code or a mark it does not read (every word of a phrase is one, "to" of "to be
decided" too), so that text with no such phrase reads as fast as before, and the pattern is
compiled only for a text that needs it."""
_RUPEES = r"rs|rupees?|rupaye|rupaiya|रुपये|रूपये|रुपए|रुपया|रु|रू"
_RANGE_WORDS = rf"to(?!\s+be{_NOT_BEFORE_LETTER})|and|से|se"  # "to be decided" is no range

BRANCHES = [
    rf"(?P<label>\A{_word(_LABELS)}\s*:)",
    rf"(?P<at_least_after>\+|{_word(_AT_LEAST_AFTER)})",
    f"(?P<at_least>{_word(_AT_LEAST)})",
    f"(?P<at_most>{_word(_AT_MOST)})",
    f"(?P<between>{_word('between')})",
    f"(?P<lpa>{_word('lpa')})",
    *(f"(?P<period{i}>{pattern})" for i, (pattern, _) in enumerate(_PERIODS)),
    "(?P<symbol>" + "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True)) + ")",
    rf"(?P<inr>{_NOT_AFTER_LETTER}(?:{_RUPEES})(?:\.|{_NOT_BEFORE_LETTER}))",
    *(f"(?P<mult{i}>{_word(pattern)})" for i, (pattern, _) in enumerate(_MULTIPLIERS)),
    r"(?P<number>\d[\d.,'’\u00a0\u202f]*\d|\d|\.\d+)",
    f"(?P<sep>–|—|−|-|{_word(_RANGE_WORDS)})",
    r"(?P<rupees_only>/-)",
    f"(?P<up_to_after>{_word('तक|tak')})",
    f"(?P<filler>{_word(_FILLERS)}|{_REMARKS})",
    f"(?P<code>{_NOT_AFTER_LETTER}(?-i:[A-Z]{{3}}){_NOT_BEFORE_LETTER})",
    r"(?P<end>[.,;:!।]+\s*\Z)",
    r"(?P<space>\s+)",
    r"(?P<word>(?:[^\W\d_]|[\u0900-\u0963\u0970-\u097f\u200c\u200d])+)",
    r"(?P<other>.)",
]
"""The token grammar: at each position the first alternative that matches is the token."""
FLAGS = re.IGNORECASE | re.DOTALL

_PERIOD_OF = {f"period{i}": period for i, (_, period) in enumerate(_PERIODS)}
_SIZE_OF = {f"mult{i}": size for i, (_, size) in enumerate(_MULTIPLIERS)}
_LAKH = Decimal(10) ** 5


@once
def _scanner() -> Scanner:
    """The grammar, tried at each position only where it can start (built on first use).

    Each token takes the whitespace after it: only ``space`` can start at whitespace,
    so the tokens are those of the grammar, without its spaces.
    """
    return Scanner(BRANCHES, FLAGS, after=r"\s*")


def unreadable(text: str, problem: str) -> PayParseError:
    """The error for *text* that cannot be read: what is wrong, and the forms careerkit reads."""
    return PayParseError(f"cannot read pay from {shown(text)}: {problem}; {ACCEPTED}")


class Reading:
    """What the tokens of one text say: amounts, currencies, periods, open ends."""

    __slots__ = (
        "between",
        "currencies",
        "indian_unit",
        "no_figure",
        "numbers",
        "open",
        "periods",
        "separators",
        "starts_from",
        "text",
        "until",
    )

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
        self.no_figure = False  # a phrase of NO_FIGURE: with no amount, the text states none

    def fail(self, problem: str) -> PayParseError:
        return unreadable(self.text, problem)

    def scale(self, raw: str, size: Decimal, previous: str) -> None:
        """Apply a multiplier to the amount just read."""
        if previous != "number":
            raise self.fail(f"{shown(raw)} does not follow an amount")
        number, _ = self.numbers[-1]
        self.numbers[-1] = (number, size)
        self.indian_unit = self.indian_unit or size in _INDIAN_UNITS


@once
def _no_figure() -> re.Pattern[str]:
    """:data:`NO_FIGURE`'s phrases as one pattern, then any space (built on first use)."""
    return re.compile(rf"(?:{_NO_FIGURE})\s*", FLAGS)


_AFTER_AMOUNT = ("number", "multiplier")
_DASHES = frozenset("–—−-")
_SKIPPED = frozenset({"space", "end", "filler", "label"})


def read_tokens(source: str, text: str, given_currency: str | None) -> Reading:
    """What *source* (*text* normalised) says, token by token; *text* is quoted in errors."""
    reading = Reading(text)
    previous = ""  # the kind of the last token that was not a space
    scanner = _scanner()
    known = scanner.by_character
    at, size = 0, len(source)
    while at < size:
        character = source[at]
        match = (known.get(character) or scanner.at(character)).match(source, at)
        assert match is not None  # "other" matches any character
        at = match.end()
        kind = match.lastgroup or ""
        raw = match[kind]
        if kind in _SKIPPED:
            continue
        if kind == "number":
            if len(reading.numbers) == 2:
                raise reading.fail("it holds more than two amounts")
            if reading.numbers and not reading.separators:
                raise reading.fail("two amounts need a range between them, such as '-' or 'to'")
            reading.numbers.append((raw, None))
        elif kind in _PERIOD_OF:
            reading.periods.add(_PERIOD_OF[kind])
        elif kind == "symbol":
            found = _SYMBOLS[raw.upper()]
            if found is None:
                if given_currency not in ("JPY", "CNY"):
                    raise reading.fail(
                        "'¥' is both yen and yuan: write JP¥, CN¥ or the code, or pass currency="
                    )
                found = given_currency
            reading.currencies.append(found)
        elif kind == "sep":
            word = raw.casefold()
            if word == "and" and not reading.between:
                raise reading.fail("'and' joins a range only after 'between'")
            if len(reading.numbers) != 1 or reading.separators:
                raise reading.fail(f"the range mark {raw!r} is not between two amounts")
            reading.separators.append(word)
        elif kind in _SIZE_OF:
            reading.scale(raw, _SIZE_OF[kind], previous)
            kind = "multiplier"
        elif kind == "code" and raw in _iso.currency_codes():  # else: "DOE", "TBD"?
            reading.currencies.append(raw)
        elif kind == "inr":  # Rs, रु: Indian rupees unless currency= names another rupee
            reading.currencies.append(given_currency if given_currency in _RUPEE_CODES else "INR")
        elif kind == "lpa":
            reading.scale(raw, _LAKH, previous)
            reading.periods.add(Period.YEAR)
            reading.currencies.append("INR")
            kind = "multiplier"
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
        else:  # a word or a character careerkit does not read: a phrase of NO_FIGURE?
            end = _no_figure().match(source, match.start())
            if end is None:
                code = kind == "code"
                raise reading.fail(
                    f"{raw!r} is not an ISO 4217 currency code" if code else _unknown(raw)
                )
            at, reading.no_figure = end.end(), True  # "Negotiable", "Competitive:": read past
            if previous == "sep" and reading.separators[-1] in _DASHES:  # "$50K a year - DOE"
                reading.separators.pop()
                previous = ""
            continue
        previous = kind
    return reading


def _unknown(raw: str) -> str:
    if len(raw) == 3 and raw.isascii() and raw.upper() in _iso.currency_codes():
        return f"{raw!r} is not a currency code: codes are upper case, such as {raw.upper()!r}"
    if raw.casefold() == "per":
        return "'per' names no period careerkit reads: per hour, per day, per week, per month, per year"
    return f"{shown(raw)} is not a part of pay careerkit reads"
