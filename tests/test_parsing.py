"""parse_pay: the real-world corpus, every form and refusal, hostile text, round trips.

The corpus (``tests/corpus/pay-text.toml``) holds pay text as job boards, government
notices and Hindi news print it, each string with what a person reads in it and where
it was seen. Every case, and its upper-case and re-spaced variants, must read as the
person reads it, or be refused with the message the case names: the parser never
returns a number a person reading the string would not.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from babel.localedata import locale_identifiers
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Pay, PayRange, format_pay, parse_pay
from careerkit.text.parse import DECIMAL_COMMA, MAX_TEXT

CORPUS = tomllib.loads((Path(__file__).parent / "corpus" / "pay-text.toml").read_text("utf-8"))
CASES: list[dict[str, Any]] = CORPUS["case"]
READS = re.compile(
    r"(?P<low>[\d.]*)(?P<mark>[-+]?)(?P<high>[\d.]*) (?P<cur>[A-Z]{3})/(?P<per>\w+)\Z"
)
# 600 examples; 3,000 in the thorough run
FUZZ = settings(max_examples=settings().max_examples * 10)


def reading(reads: str) -> Pay | PayRange | None:
    """A corpus case's ``reads``: "LOW-HIGH CUR/period", "AMOUNT ...", "LOW+ ...", "-HIGH ...",
    or "no figure stated" (``None``)."""
    if reads == "no figure stated":
        return None
    found = READS.match(reads)
    assert found is not None, reads
    low, mark, high, currency, period = found.groups()

    def pay(amount: str) -> Pay:
        return Pay(Decimal(amount), currency, period)

    if mark == "-":
        return PayRange(pay(low), pay(high)) if low else PayRange(None, pay(high))
    if mark == "+":
        return PayRange(pay(low), None)
    return pay(low)


def case_id(case: dict[str, Any]) -> str:
    return case["text"][:40] + (f" {case['options']}" if "options" in case else "")


# --- the corpus ------------------------------------------------------------------------------


def test_the_corpus_is_well_formed() -> None:
    assert len(CASES) >= 140
    for case in CASES:
        assert set(case) <= {"text", "reads", "refuses", "options", "seen"}, case
        assert ("reads" in case) != ("refuses" in case), case
        assert case["seen"].strip(), case


@pytest.mark.parametrize("case", [c for c in CASES if "reads" in c], ids=case_id)
def test_reads_what_a_person_reads(case: dict[str, Any]) -> None:
    assert parse_pay(case["text"], **case.get("options", {})) == reading(case["reads"])


@pytest.mark.parametrize("case", [c for c in CASES if "reads" in c], ids=case_id)
def test_variants_read_the_same(case: dict[str, Any]) -> None:
    """Case and spacing do not change what pay text says."""
    expected = reading(case["reads"])
    text = case["text"]
    for variant in (text.upper(), f"  {text.replace(' ', '  ')} ", text.replace("₹ ", "₹")):
        assert parse_pay(variant, **case.get("options", {})) == expected, variant


@pytest.mark.parametrize("case", [c for c in CASES if "refuses" in c], ids=case_id)
def test_refuses_what_is_not_one_pay_figure(case: dict[str, Any]) -> None:
    with pytest.raises(ck.PayParseError) as caught:
        parse_pay(case["text"], **case.get("options", {}))
    message = str(caught.value)
    assert case["refuses"] in message
    assert message.startswith(f"cannot read pay from {case['text'][:30]!r}"[:-1])


# --- forms, one by one ------------------------------------------------------------------------


def pay(amount: object, currency: str, period: str) -> Pay:
    return Pay(amount, currency, period)  # type: ignore[arg-type]


def span(low: object, high: object, currency: str, period: str) -> PayRange:
    return PayRange(pay(low, currency, period), pay(high, currency, period))


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("$14.36/hr", {}, pay("14.36", "USD", "hour")),
        ("$14.36 an hour", {}, pay("14.36", "USD", "hour")),
        ("USD 51,280 a year", {}, pay(51280, "USD", "year")),
        ("$30K-$40K", {"period": "year"}, span(30000, 40000, "USD", "year")),
        ("₹10,000–28,000 per month", {}, span(10000, 28000, "INR", "month")),
        ("Rs. 10,000 to 28,000 monthly", {}, span(10000, 28000, "INR", "month")),
        ("10,000 से 28,000 रूपये मासिक", {}, span(10000, 28000, "INR", "month")),
        ("3.5 LPA", {}, pay(350000, "INR", "year")),
        ("₹3.5 lakh per annum", {}, pay(350000, "INR", "year")),
        ("1.2 crore", {"period": "year", "currency": "INR"}, pay(12000000, "INR", "year")),
        ("₹१०,००० से ₹२८,००० प्रति माह", {}, span(10000, 28000, "INR", "month")),
        ("CA$50,000 a year", {}, pay(50000, "CAD", "year")),
        ("A$30 an hour", {}, pay(30, "AUD", "hour")),
        ("$30 an hour", {"currency": "CAD"}, pay(30, "CAD", "hour")),
        ("¥1,000 an hour", {"currency": "JPY"}, pay(1000, "JPY", "hour")),
        ("3-5 lakh p.a.", {"currency": "INR"}, span(300000, 500000, "INR", "year")),
        ("30-40K a year", {"currency": "USD"}, span(30000, 40000, "USD", "year")),
        ("10,00,000 INR yearly", {}, pay(1000000, "INR", "year")),
        ("£500 a week", {}, pay(500, "GBP", "week")),
        ("€120 per day", {}, pay(120, "EUR", "day")),
        ("$1.2M", {"period": "year"}, pay(1200000, "USD", "year")),
        ("25 हज़ार रुपये प्रति माह", {}, pay(25000, "INR", "month")),
    ],
)
def test_parser_forms(text: str, options: dict[str, str], expected: Pay | PayRange) -> None:
    assert parse_pay(text, **options) == expected  # type: ignore[arg-type]


def test_when_is_passed_on() -> None:
    parsed = parse_pay("$14.36 an hour", when="2008-05")
    assert isinstance(parsed, Pay) and str(parsed.when) == "2008-05"


@pytest.mark.parametrize(
    ("text", "options", "problem"),
    [
        (
            "¥1000 an hour",
            {},
            "'¥' is both yen and yuan: write JP¥, CN¥ or the code, or pass currency=",
        ),
        (
            "$5",
            {},
            "it names no period: add one ('an hour', 'per month', 'p.a.', 'प्रति माह') or pass period=",
        ),
        (
            "5 an hour",
            {},
            "it names no currency: add a symbol or code ('$', '₹', 'USD') or pass currency=",
        ),
        (
            "40K-30K a year",
            {"currency": "USD"},
            "the range runs from 40000 down to 30000: give the low end first",
        ),
        (
            "1,2 a year",
            {"currency": "USD"},
            "the number '1,2' is grouped neither as 1,234,567 nor as 12,34,567",
        ),
        ("14.36 USD/hr extra", {}, "'extra' is not a part of pay careerkit reads"),
        ("XYZ 5 a year", {}, "'XYZ' is not an ISO 4217 currency code"),
        ("$5 a month per year", {}, "it names more than one period (month, year)"),
        ("$5 a year", {"currency": "INR"}, "it is in USD, but currency='INR' was given"),
        ("$5 a year", {"period": "month"}, "it is per year, but period='month' was given"),
        ("$5 ₹6 a year", {}, "two amounts need a range between them"),
        ("$5 - a year", {}, "a range needs an amount on each side"),
        ("", {}, "the text is empty"),
        ("USD €5 a year", {}, "it names more than one currency (EUR, USD)"),
        ("K 5 a year", {"currency": "USD"}, "'K' does not follow an amount"),
        ("1 2 3 a year", {"currency": "USD"}, "two amounts need a range between them"),
    ],
)
def test_parser_errors(text: str, options: dict[str, str], problem: str) -> None:
    with pytest.raises(ck.PayParseError) as caught:
        parse_pay(text, **options)  # type: ignore[arg-type]
    message = str(caught.value)
    assert message.startswith(f"cannot read pay from {text!r}: {problem}")
    assert message.endswith("'10,000 से 28,000 रूपये मासिक'")  # and it lists forms it reads
    assert isinstance(caught.value, ValueError)


def test_open_ranges_never_invent_the_missing_end() -> None:
    up_to = parse_pay("Up to ₹8 LPA")
    assert isinstance(up_to, PayRange) and up_to.low is None and up_to.is_open
    assert up_to.high == pay(800000, "INR", "year")
    at_least = parse_pay("$60K+ a year")
    assert isinstance(at_least, PayRange) and at_least.high is None
    assert at_least.ends == (pay(60000, "USD", "year"),)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Up to $5-$8 a year", "'up to' gives one highest figure, not a range"),
        ("$5-$8+ a year", "'at least' and '+' give one lowest figure, not a range"),
        ("up to $5+ a year", "it gives both a lowest and a highest figure for one amount"),
        ("$5 and $8 a year", "'and' joins a range only after 'between'"),
        ("between $5 - $8 a year", "'between' needs 'and' between two amounts"),
        ("+$5 a year", "'+' does not follow an amount"),
        ("₹5 lakh crore a year", "'crore' does not follow an amount"),
        ("5 inr a year", "'inr' is not a currency code: codes are upper case, such as 'INR'"),
        ("$5 per", "'per' names no period careerkit reads: per hour, per day"),
        ("From tea", "'tea' is not a part of pay careerkit reads"),
        ("₹10,00,00,00,00,00,00,000 crore a year", "is outside the amounts careerkit accepts"),
        ("€1.500 million a year", "could be 1.500 or 1500 in EUR: pass locale="),
        ("$1.234.567 a year", "groups thousands with dots, which USD amounts are not written with"),
        ("$1,2.3.4 a year", "has more than one decimal mark"),
        ("$1'234 a year", "is grouped with marks careerkit reads only with locale="),
    ],
)
def test_refusals_say_what_to_do(text: str, problem: str) -> None:
    with pytest.raises(ck.PayParseError, match=re.escape(problem)):
        parse_pay(text)


def test_messages_quote_whole_words_and_the_input_once() -> None:
    with pytest.raises(ck.PayParseError) as caught:
        parse_pay("From $50,000 a year with tea")
    assert "'with' is not a part of pay" in str(caught.value)
    assert str(caught.value).count("From $50,000") == 1


def test_long_text_is_refused_at_once_with_a_short_message() -> None:
    text = "₹10,000 " * 20_000  # 160,000 characters
    with pytest.raises(
        ck.PayParseError, match=f"longer than the {MAX_TEXT:,} characters"
    ) as caught:
        parse_pay(text)
    assert len(str(caught.value)) < 600


@pytest.mark.parametrize(
    "text",
    [
        "1," * (MAX_TEXT // 2),
        "1" * MAX_TEXT,
        "1." * (MAX_TEXT // 2),
        "$" * MAX_TEXT,
        "a" * MAX_TEXT,
        "कम से " * (MAX_TEXT // 6),
        "1 lakh " * (MAX_TEXT // 7),
        "(" * MAX_TEXT,
    ],
)
def test_hostile_text_of_the_longest_length_read_ends(text: str) -> None:
    """Each finishes (no backtracking blow-up): refused, never a hang or another error."""
    with pytest.raises(ck.PayParseError):
        parse_pay(text)


def test_arguments_are_checked() -> None:
    with pytest.raises(ck.WrongTypeError, match=r"^text: parse_pay reads text, got int 5$"):
        parse_pay(5)  # type: ignore[arg-type]
    with pytest.raises(ck.UnknownCurrencyError, match=r"^currency: unknown currency 'inr'"):
        parse_pay("5 a year", currency="inr")
    with pytest.raises(ck.ValidationError, match=r"^period: unknown period 'fortnight'"):
        parse_pay("$5", period="fortnight")
    with pytest.raises(ck.UnknownLocaleError, match=r"^unknown locale 'zz'"):
        parse_pay("$5 a year", locale="zz")
    with pytest.raises(ck.ValidationError, match=r"^when: cannot read '2008-13' as a date"):
        parse_pay("$5 a year", when="2008-13")


def test_rupee_words_are_indian_unless_currency_says_another_rupee() -> None:
    assert parse_pay("Rs. 2,000 a month") == pay(2000, "INR", "month")
    assert parse_pay("Rs. 2,000 a month", currency="PKR") == pay(2000, "PKR", "month")
    with pytest.raises(ck.PayParseError, match="it is in INR, but currency='USD' was given"):
        parse_pay("Rs. 2,000 a month", currency="USD")


@pytest.mark.parametrize(
    ("sign", "code"),
    [("₱", "PHP"), ("₦", "NGN"), ("₺", "TRY"), ("₪", "ILS"), ("฿", "THB"), ("₫", "VND"),
     ("৳", "BDT"), ("₴", "UAH"), ("₸", "KZT"), ("₵", "GHS"), ("₽", "RUB")],
)  # fmt: skip
def test_a_currencys_own_sign_names_it(sign: str, code: str) -> None:
    assert parse_pay(f"{sign}50,000 a month") == pay(50000, code, "month")
    assert parse_pay(f"{sign} 50,000 a month", currency=code) == pay(50000, code, "month")
    with pytest.raises(ck.PayParseError, match=f"it is in {code}, but currency='USD' was given"):
        parse_pay(f"{sign}50,000 a month", currency="USD")
    assert ck.data.currencies()[code]  # and careerkit has a rate for it


def test_the_won_sign_names_two_currencies_and_is_not_read() -> None:
    with pytest.raises(ck.PayParseError, match="'₩' is not a part of pay"):
        parse_pay("₩3,000,000 a month")


def test_locale_reads_its_own_marks() -> None:
    assert parse_pay(
        "45.000,50 € pro Jahr".replace(" pro Jahr", ""), period="year", locale="de_DE"
    ) == pay("45000.50", "EUR", "year")
    assert parse_pay("45,000 € a year", locale="de_DE") == pay(45, "EUR", "year")
    assert parse_pay("45 000 € a year", locale="fr_FR") == pay(45000, "EUR", "year")
    with pytest.raises(ck.PayParseError, match="is not written with this locale's marks"):
        parse_pay("45.000.50 € a year", locale="de_DE")


def test_decimal_comma_currencies_are_those_of_cldr() -> None:
    """DECIMAL_COMMA is what CLDR says: most locales of the currency write decimals with ','."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global
    from babel.languages import get_official_languages
    from babel.numbers import get_decimal_symbol, get_territory_currencies

    territories: dict[str, set[str]] = {}
    for territory in get_global("territory_currencies"):
        for code in get_territory_currencies(territory, tender=True):
            territories.setdefault(code, set()).add(territory)
    comma = set()
    for code, where in territories.items():
        marks = []
        for territory in where:
            for language in get_official_languages(territory, de_facto=True):
                try:
                    marks.append(get_decimal_symbol(Locale.parse(f"{language}_{territory}")))
                except UnknownLocaleError:
                    continue  # CLDR has no locale for that pair
        if marks.count(",") * 2 > len(marks):
            comma.add(code)
    assert comma == DECIMAL_COMMA


# --- any text: a Pay, a PayRange or a PayParseError ---------------------------------------------

PIECES = [
    "$", "₹", "Rs.", "Rs", "RS", "रु.", "रुपये", "€", "£", "¥", "C$", "c$", "CA$", "US$", "JP¥",
    "GB£", "R$", "USD", "INR", "CAD", "EUR", "JPY", "KWD", "NPR", "inr", "usd", "XYZ", "K", "k",
    "M", "m", "L", "l", "B", "lakh", "lac", "Lacs", "crore", "Cr", "लाख", "करोड़", "हज़ार",
    "hazar", "LPA", "lpa", "-", "–", "—", "−", "to", "TO", "से", "se", "and", "between", "from",
    "From", "starting at", "min", "at least", "up to", "Up to", "upto", "max.", "+", "and above",
    "or more", "तक", "अधिकतम", "कम से कम", "न्यूनतम", "से अधिक", "/-", "only", "per", "per hr",
    "/hr", "/ h", "an hour", "a day", "weekly", "p.m.", "pm", "p.a.", "PA", "per annum",
    "per mensem", "monthly", "प्रति माह", "प्रतिमाह", "मासिक", "वार्षिक", "(consolidated)",
    "(Glassdoor est.)", "Salary:", "CTC", "approx.", ".", ",", ";", "/", "(", ")", "%", "।", "\u00a0",
    "\u202f", "०", "५", "१२", "1e999", "NaN", "Infinity", "0x10", "½", "٣", "\u200d", "\ufeff",
]  # fmt: skip
numbers = st.from_regex(r"[0-9]{1,4}([.,'’][0-9]{1,3}){0,3}", fullmatch=True) | st.builds(
    str, st.decimals(min_value=0, max_value=10**16, allow_nan=False, places=2)
)
pieces = st.sampled_from(PIECES) | numbers | st.text(max_size=3)
pay_texts = st.lists(pieces, max_size=8).flatmap(
    lambda parts: st.lists(
        st.sampled_from(["", " ", "  "]), min_size=len(parts), max_size=len(parts)
    ).map(lambda gaps: "".join(gap + part for gap, part in zip(gaps, parts, strict=True)))
)
options = st.fixed_dictionaries(
    {},
    optional={
        "currency": st.sampled_from(["USD", "INR", "CAD", "JPY", "EUR", "NPR", "KWD"]),
        "period": st.sampled_from(["hour", "month", "year"]),
        "locale": st.sampled_from(["en_IN", "hi", "de_DE", "fr_FR", "es_EC", "en_CH"]),
    },
)


def check_reading(text: str, kwargs: dict[str, str]) -> None:
    try:
        result = parse_pay(text, **kwargs)  # type: ignore[arg-type]
    except ck.PayParseError:
        return
    if result is None:  # it states no figure ("TBD"): only text without a number does
        assert not any(character.isdecimal() for character in text), text
        return
    assert isinstance(result, Pay | PayRange)
    ends = result.ends if isinstance(result, PayRange) else (result,)
    assert all(0 <= end.exact <= 10**15 for end in ends)
    if all(end.rounded() == end.amount for end in ends) and "locale" not in kwargs:
        # What careerkit read, written back out, reads the same.
        assert parse_pay(format_pay(result, "en"), currency=result.currency) == result


@FUZZ
@given(st.text(max_size=60), options)
def test_any_text_reads_or_is_refused(text: str, kwargs: dict[str, str]) -> None:
    check_reading(text, kwargs)


@pytest.mark.thorough
@FUZZ
@given(pay_texts, options)
def test_pay_shaped_text_reads_or_is_refused(text: str, kwargs: dict[str, str]) -> None:
    check_reading(text, kwargs)


# --- round trips: what format_pay writes, parse_pay reads ------------------------------------

LOCALES = ["en", "en_IN", "en_US", "hi"]
EVERY_LOCALE = sorted(name for name in locale_identifiers() if name.split("_")[0] in ("en", "hi"))

LOCALES = ["en", "en_IN", "en_US", "hi"]


@given(
    st.integers(0, 10**10),
    st.sampled_from(["USD", "INR", "EUR", "GBP"]),
    st.sampled_from(list(ck.Period)),
    st.sampled_from(LOCALES),
    st.sampled_from([None, "deva"]),
)
def test_parse_recovers_what_format_wrote(
    cents: int, currency: str, period: ck.Period, locale: str, digits: str | None
) -> None:
    value = Pay(Decimal(cents).scaleb(-2), currency, period)
    text = format_pay(value, locale, digits=digits)
    assert parse_pay(text) == value


@given(
    st.integers(0, 10**8),
    st.integers(0, 10**8),
    st.sampled_from(LOCALES),
    st.sampled_from([None, "deva"]),
)
def test_ranges_round_trip(a: int, b: int, locale: str, digits: str | None) -> None:
    low, high = sorted((a, b))
    value = PayRange(Pay(low, "INR", "month"), Pay(high, "INR", "month"))
    assert parse_pay(format_pay(value, locale, digits=digits)) == value


ends = st.builds(
    lambda cents, currency, period: Pay(Decimal(cents).scaleb(-2), currency, period),
    st.integers(0, 10**12),
    st.sampled_from(["USD", "INR", "EUR", "GBP"]),
    st.just("year"),
)


@given(
    st.one_of(
        ends,
        ends.map(lambda end: PayRange(end, None)),
        ends.map(lambda end: PayRange(None, end)),
        ends.map(lambda end: PayRange(Pay(0, end.currency, end.period), end)),
    ),
    st.sampled_from(EVERY_LOCALE),
    st.sampled_from([None, "deva"]),
)
def test_every_locale_round_trips_with_its_locale(
    value: Pay | PayRange, locale: str, digits: str | None
) -> None:
    """Any Pay or range, formatted in any English or Hindi locale CLDR has, reads back equal."""
    assert parse_pay(format_pay(value, locale, digits=digits), locale=locale) == value
