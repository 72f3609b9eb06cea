"""The quick paths of reading pay text give what the plain ones gave, errors included.

``parse_pay`` tokenises with :class:`careerkit.text._scanner.Scanner` (each position tries
only the token patterns that can start with its character) where it ran one alternation
of them all; reads the commonest numbers first; makes whole amounts through ``Pay``'s
int path; and the front ends' ``parse`` reads through :func:`careerkit.text.parse.reader`,
which makes no ``Pay`` at all. Below, the plain paths as they were (copied here, the
helpers they share imported) are the reference: every text, option and decimal context
must give the same figures, or the same error with the same message.
"""

from __future__ import annotations

import math
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Context, Decimal, localcontext
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from careerkit import Pay, PayRange, parse_pay
from careerkit.errors import CareerkitError, ValidationError, WrongTypeError, shown
from careerkit.model import _iso
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import Period, to_period
from careerkit.text import _numbers, _tokens
from careerkit.text import parse as parsing
from careerkit.text._scanner import Scanner

CORPUS = tomllib.loads((Path(__file__).parent / "corpus" / "pay-text.toml").read_text("utf-8"))

# --- the plain paths, as they were -----------------------------------------------------------

WHOLE = re.compile("|".join(_tokens.BRANCHES), _tokens.FLAGS)
NO_FIGURE = re.compile(f"(?:{_tokens._NO_FIGURE})" + r"\s*", _tokens.FLAGS)


def plain_tokens(source: str, text: str, given_currency: str | None) -> _tokens.Reading:
    """read_tokens as it was: one alternation of every token pattern, over the whole text."""
    reading = _tokens.Reading(text)
    previous = ""
    at = 0
    while at < len(source):  # as finditer would, but able to step past a phrase (issue 27)
        match = WHOLE.match(source, at)
        assert match is not None  # "other" matches any character
        at = match.end()
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
            reading.scale(raw, _tokens._MULTIPLIERS[int(kind[4:])][1], previous)
            kind = "multiplier"
        elif kind == "lpa":
            reading.scale(raw, Decimal(10) ** 5, previous)
            reading.periods.add(Period.YEAR)
            reading.currencies.append("INR")
            kind = "multiplier"
        elif kind.startswith("period"):
            reading.periods.add(_tokens._PERIODS[int(kind[6:])][1])
        elif kind == "symbol":
            found = _tokens._SYMBOLS[raw.upper()]
            if found is None:
                if given_currency not in ("JPY", "CNY"):
                    raise reading.fail(
                        "'¥' is both yen and yuan: write JP¥, CN¥ or the code, or pass currency="
                    )
                found = given_currency
            reading.currencies.append(found)
        elif kind == "inr":
            rupees = given_currency if given_currency in _tokens._RUPEE_CODES else "INR"
            reading.currencies.append(rupees)
        elif kind == "code" and raw in _iso.currency_codes():
            reading.currencies.append(raw)
        elif kind == "sep":
            word = raw.casefold()
            if word == "and" and not reading.between:
                raise reading.fail("'and' joins a range only after 'between'")
            if len(reading.numbers) != 1 or reading.separators:
                raise reading.fail(f"the range mark {raw!r} is not between two amounts")
            reading.separators.append(word)
        elif kind in ("rupees_only", "at_least_after", "up_to_after"):
            if previous not in ("number", "multiplier"):
                raise reading.fail(f"{shown(raw)} does not follow an amount")
            if kind == "at_least_after":
                reading.open.add("low")
            elif kind == "up_to_after":
                reading.until = True
            kind = previous
        elif kind == "at_least":
            if raw.casefold() == "from":
                reading.starts_from = True
            else:
                reading.open.add("low")
        elif kind == "at_most":
            reading.open.add("high")
        elif kind == "between":
            reading.between = True
        else:  # issue 27: a phrase that says there is no figure ("Negotiable"), or refused
            phrase = NO_FIGURE.match(source, match.start())
            if phrase is None:
                if kind == "code":
                    raise reading.fail(f"{raw!r} is not an ISO 4217 currency code")
                raise reading.fail(_tokens._unknown(raw))
            at, reading.no_figure = phrase.end(), True
            if previous == "sep" and reading.separators[-1] in "–—−-":  # "$50K - DOE"
                reading.separators.pop()
                previous = ""
            continue
        previous = kind
    return reading


def plain_number(
    reading: _tokens.Reading,
    raw: str,
    currency: str,
    scaled: bool,
    marks: tuple[str, str] | None,
) -> Decimal:
    """read_number as it was, before its quick forms (a locale's marks: unchanged)."""
    if raw.startswith(".") or marks is not None:
        return _numbers.read_number(reading, raw, currency, scaled, marks)
    commas, dots = raw.count(","), raw.count(".")
    if any(mark in raw for mark in "'’\u00a0\u202f"):
        raise reading.fail(
            f"the number {raw!r} is grouped with marks careerkit reads only with locale="
        )
    comma_decimals = currency in _numbers.DECIMAL_COMMA
    three = _numbers._THREE_DECIMALS
    if commas and dots:
        decimal_mark = "," if raw.rfind(",") > raw.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        whole, _, fraction = raw.rpartition(decimal_mark)
        if decimal_mark in whole:
            raise reading.fail(f"the number {raw!r} has more than one decimal mark")
        return _numbers._grouped(reading, raw, whole.replace(group_mark, ","), fraction)
    if dots:
        whole, _, fraction = raw.rpartition(".")
        if dots > 1:
            if not comma_decimals:
                raise reading.fail(
                    f"the number {raw!r} groups thousands with dots, which {currency} amounts "
                    "are not written with: write it with commas, or pass locale="
                )
            return _numbers._grouped(reading, raw, raw.replace(".", ","), "")
        if len(fraction) == 3 and not scaled:
            if currency in three and comma_decimals:
                raise reading.fail(
                    f"the number {raw!r} could be {whole}.{fraction} or {whole}{fraction} in "
                    f"{currency}, whose amounts have three decimal places: pass locale="
                )
            if comma_decimals:
                return _numbers._grouped(reading, raw, raw.replace(".", ","), "")
            if currency not in three:
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
    if commas == 1 and currency in three and len(raw.partition(",")[2]) == 3:
        raise reading.fail(
            f"the number {raw!r} could be {raw.replace(',', '.')} or {raw.replace(',', '')} "
            f"in {currency}, whose amounts have three decimal places: pass locale="
        )
    if commas == 1 and comma_decimals and len(raw.partition(",")[2]) in (1, 2):
        whole, _, fraction = raw.partition(",")
        return Decimal(f"{whole}.{fraction}")
    return _numbers._grouped(reading, raw, raw, "")


def plain_parse(
    text: str,
    *,
    currency: str | None = None,
    period: str | None = None,
    when: str | None = None,
    locale: str | None = None,
) -> Pay | PayRange | None:
    """parse_pay as it was: every figure a ``Pay`` of its Decimal, ranges compared exactly."""
    if not isinstance(text, str):
        raise WrongTypeError(
            f"parse_pay reads text, got {type(text).__name__} {shown(text)}", field="text"
        )
    if currency is not None:
        _iso.check_currency(currency, field="currency")
    wanted = None if period is None else to_period(period)
    date = None if when is None else ReferenceDate.coerce(when, field="when")
    marks = None if locale is None else _numbers.locale_marks(locale)
    if len(text) > parsing.MAX_TEXT:
        raise _tokens.unreadable(
            text, f"it is longer than the {parsing.MAX_TEXT:,} characters any pay text needs"
        )
    source = unicodedata.normalize("NFC", text).translate(parsing._DIGITS).strip()
    if not source:
        raise _tokens.unreadable(text, "the text is empty")
    if marks is not None and marks[1] in _numbers.SPACE_MARKS:
        source = _numbers.SPACED_GROUP.sub("\u00a0", source)
    reading = plain_tokens(source, text, currency)
    if not reading.numbers:
        if reading.no_figure:
            return None
        raise reading.fail("it holds no amount")
    if reading.separators and len(reading.numbers) != 2:
        raise reading.fail("a range needs an amount on each side")
    if reading.between and reading.separators != ["and"]:
        raise reading.fail("'between' needs 'and' between two amounts")
    money = parsing._currency(reading, currency)
    if reading.indian_unit and money not in parsing._LAKH_CODES:
        raise reading.fail(
            f"it counts in lakh or crore, South Asian units, but in {money}: give the amount "
            "in full, or in rupees"
        )
    per = parsing._period(reading, wanted)
    amounts = [
        (plain_number(reading, raw, money, size is not None, marks), size)
        for raw, size in reading.numbers
    ]
    if len(amounts) == 2:
        amounts = parsing._scaled_range(reading, amounts)
    try:
        pays = [Pay(value * (size or 1), money, per, when=date) for value, size in amounts]
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
        return PayRange(pays[0], pays[1])
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


# --- comparing outcomes ----------------------------------------------------------------------


def outcome(read: Callable[[], object]) -> tuple[str, object]:
    """What a call gives: its value, or its error's class and message."""
    try:
        return "value", read()
    except CareerkitError as error:
        return type(error).__name__, str(error)


def figure(found: object) -> object:
    """A parse result, everything it holds: each Pay's exact state, not just its value."""
    if isinstance(found, PayRange):
        return ("range", figure(found.low), figure(found.high))
    if isinstance(found, Pay):
        return (found.exact.as_integer_ratio(), found.currency, found.period, found.when,
                found.provenance, found.origin, repr(found))  # fmt: skip
    return found


def same_as_plain(text: str, **options: Any) -> None:
    ours = outcome(lambda: figure(parse_pay(text, **options)))
    assert ours == outcome(lambda: figure(plain_parse(text, **options))), (text, options)
    read = outcome(lambda: parsing.reader(options.get("currency"), options.get("period"),
                                          options.get("locale"))(text))  # fmt: skip
    if "when" not in options:  # the tables' reader takes no date
        assert _same_ends(read, outcome(lambda: ends_of(plain_parse(text, **options))))


def ends_of(found: Pay | PayRange | None) -> tuple[float, float, str | None, str | None]:
    """What the front ends' parse made of parse_pay's result: float(amount) of each end."""
    if found is None:
        return parsing.NO_ENDS
    low, high = (found.low, found.high) if isinstance(found, PayRange) else (found, found)
    values = [math.nan if end is None else float(end.amount) for end in (low, high)]
    return values[0], values[1], found.currency, found.period.value


def _same_ends(ours: tuple[str, object], theirs: tuple[str, object]) -> bool:
    if ours[0] != "value" or theirs[0] != "value":
        return ours == theirs
    assert isinstance(ours[1], tuple) and isinstance(theirs[1], tuple)
    return all(
        (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))
        or (a == b and type(a) is type(b))
        for a, b in zip(ours[1], theirs[1], strict=True)
    )


# --- the corpus and its variants -------------------------------------------------------------


def corpus_calls() -> Iterator[tuple[str, dict[str, Any]]]:
    for case in CORPUS["case"]:
        text, options = case["text"], case.get("options", {})
        for variant in (text, text.upper(), f"  {text.replace(' ', '  ')} ", text.lower()):
            yield variant, options


def test_the_corpus_reads_as_it_did() -> None:
    calls = list(corpus_calls())
    assert len(calls) > 500
    for text, options in calls:
        same_as_plain(text, **options)


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("$14.36/hr", {"when": "2024-03"}),
        ("₹4,00,000 - ₹6,00,000 per annum", {}),
        ("45k-55k USD", {}),
        ("45k-55k USD", {"period": "year"}),
        ("₹25,000 प्रति माह", {}),
        ("DOE", {}),
        ("$0/hr", {}),
        ("$0.000/hr", {}),
        ("$1,000,000,000,000,000/hr", {}),  # above 10^15: Pay's own error
        ("$999,999,999,999,999.99/hr", {}),
        ("$" + "0." + "0" * 400 + "1/hr", {}),  # more than 350 decimal places
        ("$" + "1." + "0" * 400 + "/hr", {}),
        ("$0." + "0" * 400 + "/hr", {}),
        ("$5,000 - $3,000 a month", {}),  # low end above the high end: Pay's amounts quoted
        ("$5.50 - $5.5 an hour", {}),
        ("1,500 KWD a month", {}),
        ("1,500,000 KWD a year", {}),
        ("KWD 1.500 a month", {}),
        ("€1.234.567 a year", {}),
        ("45,50 € a month", {}),
        ("45 000 € par an", {"locale": "fr_FR"}),
        ("45.000,50 EUR per year", {"locale": "de_DE"}),
        ("₹१०,००० से ₹२८,००० प्रति माह", {}),
        ("३.५ LPA", {}),
        ("1'000 CHF a month", {}),
        ("1'000 CHF a month", {"locale": "de_CH"}),
        ("٣٠٠ USD a month", {}),  # Arabic-Indic digits are digits too
        ("$30 an hour", {"currency": "CAD"}),
        ("¥1,000 an hour", {"currency": "JPY"}),
        ("¥1,000 an hour", {}),
    ],
)
def test_forms_and_refusals_read_as_they_did(text: str, options: dict[str, Any]) -> None:
    same_as_plain(text, **options)


def test_wide_decimal_contexts_read_as_they_did() -> None:
    """Whole amounts go to Pay as ints only where Pay reads them alike: also with a wider
    context, where an amount can keep more digits (and decimal places) than Pay takes."""
    texts = [
        "$" + "1." + "0" * 400 + "/hr",
        "$12345678901234." + "5" * 40 + "/hr",
        "$1." + "0" * 60 + " - $2 an hour",
        "$0.1234567890123456789012345678901234/hr",
        "3.123456789012345678901234567891 LPA",
    ]
    for precision in (10, 28, 60, 500):
        with localcontext() as context:
            context.prec = precision
            for text in texts:
                same_as_plain(text)


def test_the_tables_read_pay_amount_also_where_it_rounds() -> None:
    """Under a wide context an amount keeps more than Pay.amount's 28 digits: the tables'
    float is still ``float(pay.amount)``, also where the two roundings part."""
    low = 12345.67
    with localcontext() as context:
        context.prec = 200
        while True:  # a midpoint of two floats whose 28 digits lie below it
            high = math.nextafter(low, math.inf)
            middle = (Decimal(low) + Decimal(high)) / 2
            if Context(prec=28).plus(middle) < middle:
                break
            low = high
        amount = middle + Decimal("1e-40")
    text = f"${amount}/hr"
    with localcontext() as context:
        context.prec = 60
        found = parse_pay(text)
        assert isinstance(found, Pay)
        assert float(amount) == high and float(found.amount) == low  # the roundings part
        assert parsing.reader(None, None, None)(text) == (low, low, "USD", "hour")
        same_as_plain(text)


# --- hypothesis: text made of the grammar's own pieces, and of anything ----------------------

PIECES = [
    "$", "₹", "€", "£", "¥", "US$", "CA$", "C$", "A$", "JP¥", "Rs", "Rs.", "rs", "रु.", "रुपये",
    "USD", "usd", "EUR", "INR", "KWD", "CAD", "ABC", "XYZ", "K", "k", "M", "mn", "bn", "L",
    "lakh", "lacs", "crore", "cr", "लाख", "करोड़", "हज़ार", "LPA", "lpa", "per hour", "/hr",
    "/ h", "an hour", "a hr", "per month", "p.m.", "pm", "P.M", "monthly", "per annum",
    "p.a.", "pa", "a year", "/yr", "annual", "प्रति माह", "मासिक", "वार्षिक", "प्रति वर्ष",
    "per day", "weekly", "/wk", "-", "–", "—", "−", "to", "and", "से", "se", "between",
    "up to", "upto", "max.", "अधिकतम", "तक", "tak", "from", "min", "at least", "starting at",
    "न्यूनतम", "+", "and above", "& above", "or more", "onwards", "से अधिक", "/-", "only",
    "approx.", "around", "CTC", "Salary:", "Pay :", "वेतन:", "(consolidated)", "(Glassdoor est.)",
    "( est. )", ".", ",", ";", "!", "।", "per", "a", "an", "hour", "the", "DOE", "tea",
    "45,000", "4,50,000", "45,00,000", "1,234,567", "12,34", "14.36", "45.000", "45.50",
    "1.2345", "1.500", "1,500", "1,50", "45.000,50", "45,000.50", "1.234.567", "1,2,3", ".5",
    "0", "00", "7", "1'000", "1’000", "1\u00a0000", "1\u202f000", "१०,०००", "३.५", "٣٠٠",
    "9" * 20, "1." + "0" * 30, "0." + "0" * 360 + "1",
]  # fmt: skip
GLUE = ["", " ", "  ", "\t", "\u00a0", "\n"]
OPTIONS = st.fixed_dictionaries(
    {},
    optional={
        "currency": st.sampled_from(["USD", "INR", "EUR", "KWD", "JPY", "CAD", "NPR", "BRL"]),
        "period": st.sampled_from(["hour", "month", "year"]),
        "locale": st.sampled_from(["de_DE", "en_IN", "fr_FR", "de_CH", "en_US"]),
        "when": st.sampled_from(["2024-03", "2019"]),
    },
)


@st.composite
def pay_texts(draw: st.DrawFn) -> str:
    """Text made of pay's words, marks and numbers, glued as people glue them, now and
    then in other case or with a character of anything."""
    parts = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8))
    glue = draw(st.lists(st.sampled_from(GLUE), min_size=len(parts), max_size=len(parts)))
    text = "".join(part + space for part, space in zip(parts, glue, strict=True))
    if draw(st.booleans()):
        text = draw(st.sampled_from([str.upper, str.lower, str.title, str]))(text)
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.characters()) + text[at:]
    return text


@given(pay_texts(), OPTIONS)
@example("$45,000 - $55,000 a year", {})
@example("Salary: ₹9,847.00 - ₹25,555.00 per month.", {})
def test_pay_text_reads_as_it_did(text: str, options: dict[str, Any]) -> None:
    same_as_plain(text, **options)


@given(st.text(max_size=40), OPTIONS)
def test_any_text_reads_as_it_did(text: str, options: dict[str, Any]) -> None:
    same_as_plain(text, **options)


@given(
    st.from_regex(r"\d[\d.,'’\u00a0\u202f]*\d|\d|\.\d+", fullmatch=True),
    st.sampled_from(["USD", "INR", "EUR", "KWD", "TND", "BRL", "JPY", "GBP"]),
    st.booleans(),
)
@example("45,000", "USD", False)
@example("4,50,000", "INR", False)
@example("14.36", "USD", False)
@example("1,500", "KWD", False)
@example("45.000", "EUR", True)
def test_numbers_read_as_they_did(raw: str, currency: str, scaled: bool) -> None:
    def read(how: Callable[..., Decimal]) -> tuple[str, object]:
        found = outcome(lambda: how(_tokens.Reading(raw), raw, currency, scaled, None))
        # Decimal('45000') and Decimal('45000.0') are equal: compare how they are written too
        return found if found[0] != "value" else ("value", str(found[1]))

    assert read(_numbers.read_number) == read(plain_number)


# --- the accessors ---------------------------------------------------------------------------


@given(st.lists(pay_texts(), min_size=1, max_size=12), st.data())
def test_the_pandas_accessor_reads_each_row_as_parse_pay_did(
    texts: list[str], data: st.DataObject
) -> None:
    pd = pytest.importorskip("pandas")
    import careerkit.pandas  # noqa: F401

    rows = texts + data.draw(st.lists(st.sampled_from(texts), max_size=6)) + [None]  # type: ignore[list-item]
    options = data.draw(OPTIONS.filter(lambda found: "when" not in found))
    dtype = data.draw(st.sampled_from([object, "str"]))  # pandas' str: pyarrow's where it is
    frame = pd.Series(rows, dtype=dtype).careerkit.parse(errors="coerce", **options)
    for row, text in enumerate(rows):
        found = outcome(lambda text=text: ends_of(plain_parse(text, **options)))
        got = tuple(frame.iloc[row])
        if text is None or found[0] != "value" or found[1] == parsing.NO_ENDS:
            assert math.isnan(got[0]) and math.isnan(got[1]) and pd.isna(got[2]), (text, got)
        else:
            assert _same_ends(("value", (float(got[0]), float(got[1]), got[2], got[3])), found)


def test_the_polars_namespace_reads_each_row_as_parse_pay_did() -> None:
    pl = pytest.importorskip("polars")
    import careerkit.polars  # noqa: F401

    texts = [case["text"] for case in CORPUS["case"] if "options" not in case]
    rows = [*texts, None, *texts[:5]]
    frame = pl.Series(rows, dtype=pl.String).careerkit.parse(errors="coerce")
    for text, got in zip(rows, frame.rows(), strict=True):
        found = outcome(lambda text=text: ends_of(plain_parse(text)))
        if text is None or found[0] != "value" or found[1] == parsing.NO_ENDS:
            assert got == (None, None, None, None), (text, got)
        else:
            low, high = (math.nan if value is None else value for value in got[:2])
            assert _same_ends(("value", (low, high, got[2], got[3])), found), text


def test_the_accessors_raise_the_first_rows_error() -> None:
    pd = pytest.importorskip("pandas")
    import careerkit.pandas  # noqa: F401

    texts = ["$14.36/hr", "$5,000 - $3,000 a month", "DOE", "$5,000 - $3,000 a month"]
    with pytest.raises(CareerkitError) as caught:
        pd.Series(texts).careerkit.parse()
    first = outcome(lambda: plain_parse(texts[1]))
    assert first[0] == "PayParseError"
    assert str(caught.value).endswith(str(first[1]))


# --- the scanner -----------------------------------------------------------------------------


def whole_match(pattern: re.Pattern[str], text: str, at: int) -> tuple[str | None, int] | None:
    found = pattern.match(text, at)
    return None if found is None else (found.lastgroup, found.end())


@given(st.one_of(pay_texts(), st.text(max_size=30)))
def test_the_tokens_scanner_matches_the_whole_alternation_at_every_position(text: str) -> None:
    scanner = _tokens._scanner()
    whole = re.compile(f"(?:{WHOLE.pattern})" + r"\s*", _tokens.FLAGS)
    for at in range(len(text)):
        assert whole_match(scanner.at(text[at]), text, at) == whole_match(whole, text, at)


def test_only_space_starts_at_whitespace() -> None:
    """So a token may take the whitespace after it: there is no other token to take it."""
    names = [re.match(r"\(\?P<(\w+)>", branch).group(1) for branch in _tokens.BRANCHES]  # type: ignore[union-attr]
    scanner = _tokens._scanner()
    for space in " \t\n\u00a0\u2003\u3000":
        assert [names[at] for at in scanner.choice(space)] == ["space", "other"]


BRANCHES = [
    r"(?P<label>\A(?<![^\W\d_])(?:pay|salary)\s*:)",
    r"(?P<lower>(?-i:[a-z]{2})x?)",
    r"(?P<maybe>a?b*)",  # can match nothing: tried everywhere
    r"(?P<either>(?P<first>a)?(?(first)b|c))",  # a condition: not read, tried everywhere
    r"(?P<number>\d[\d,]*\d|\d|\.\d+)",
    r"(?P<dollars>US\$|\$)",
    r"(?P<qz>(?:q|)z)",  # an alternative that can match nothing, then more
    r"(?P<word>(?:[^\W\d_]|[\u0900-\u097f])+)",
    r"(?P<other>.)",
]


@given(st.text(alphabet="abqzxyPAYSalary:$US.,0123 \u0915\u093eK\u212a", max_size=24))
def test_a_scanner_matches_its_alternation_at_every_position(text: str) -> None:
    flags = re.IGNORECASE | re.DOTALL
    scanner = Scanner(BRANCHES, flags)
    whole = re.compile("(?:" + "|".join(BRANCHES) + ")", flags)
    for at in range(len(text)):
        assert whole_match(scanner.at(text[at]), text, at) == whole_match(whole, text, at)


def test_a_scanner_tries_only_what_can_start_there() -> None:
    scanner = Scanner(BRANCHES, re.IGNORECASE | re.DOTALL)
    assert scanner.choice("7") == (2, 3, 4, 8)  # maybe and either everywhere; number; other
    assert scanner.choice("S") == (0, 2, 3, 7, 8)  # salary, a word; not (?-i:[a-z]), not US$
    assert scanner.choice("u") == (1, 2, 3, 5, 7, 8)  # (?-i:[a-z]), US$, a word
    assert scanner.choice("Z") == scanner.choice("Q") == (2, 3, 6, 7, 8)  # qz
    assert scanner.choice("\u212a") == (2, 3, 7, 8)  # the Kelvin sign is a K when case is not


def test_a_scanner_without_a_catch_all_matches_nothing_where_nothing_starts() -> None:
    scanner = Scanner([r"(?P<digits>\d+)", r"(?P<letters>[a-z]+)"], re.IGNORECASE)
    assert scanner.choice("-") == ()
    assert scanner.at("-").match("-1", 0) is None
    assert whole_match(scanner.at("1"), "-12", 1) == ("digits", 3)


def test_a_scanner_keeps_so_many_characters_and_reads_the_rest_again() -> None:
    scanner = Scanner(BRANCHES, re.IGNORECASE | re.DOTALL)
    whole = re.compile("(?:" + "|".join(BRANCHES) + ")", re.IGNORECASE | re.DOTALL)
    characters = [chr(code) for code in range(0x4E00, 0x4E00 + 5000)] + ["a", "1", "$"]
    for character in characters:
        assert whole_match(scanner.at(character), character, 0) == whole_match(whole, character, 0)
    assert len(scanner.by_character) <= 4096
