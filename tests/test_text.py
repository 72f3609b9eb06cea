"""format_pay and parse_pay: exact strings per locale, every parser form and error, round trips."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Pay, PayRange, format_pay, parse_pay

INR_YEAR = Pay(120000, "INR", "year")
CSR_YEAR = Pay("29868.80", "USD", "year")
RANGE = PayRange(Pay(10000, "INR", "month"), Pay(28000, "INR", "month"))


@pytest.mark.parametrize(
    ("value", "locale", "options", "expected"),
    [
        (INR_YEAR, "en_IN", {"period": False}, "₹1,20,000"),
        (INR_YEAR, "en_IN", {}, "₹1,20,000 a year"),
        (INR_YEAR, "en", {}, "₹120,000 a year"),
        (INR_YEAR, "en_US", {}, "₹120,000 a year"),
        (INR_YEAR, "hi", {}, "₹1,20,000 प्रति वर्ष"),
        (INR_YEAR, "hi", {"digits": "deva"}, "₹१,२०,००० प्रति वर्ष"),
        (INR_YEAR, "en_IN", {"compact": True}, "₹1.2 lakh a year"),
        (INR_YEAR, "hi", {"compact": True}, "₹1.2 लाख प्रति वर्ष"),
        (INR_YEAR, "hi", {"compact": True, "digits": "deva"}, "₹१.२ लाख प्रति वर्ष"),
        (INR_YEAR, "en_US", {"compact": True}, "₹120K a year"),
        (Pay(15000000, "INR", "year"), "en_IN", {"compact": True}, "₹1.5 crore a year"),
        (Pay(15000000, "INR", "year"), "hi", {"compact": True}, "₹1.5 करोड़ प्रति वर्ष"),
        (Pay(340000, "INR", "year"), "en_IN", {"compact": True}, "₹3.4 lakh a year"),
        (CSR_YEAR, "en_US", {}, "$29,868.80 a year"),
        (CSR_YEAR, "en", {}, "$29,868.80 a year"),
        (CSR_YEAR, "en_US", {"compact": True}, "$29.9K a year"),
        (CSR_YEAR, "hi", {}, "$29,868.80 प्रति वर्ष"),
        (CSR_YEAR, "hi", {"digits": "deva"}, "$२९,८६८.८० प्रति वर्ष"),
        (Pay("14.36", "USD", "hour"), "en_US", {}, "$14.36 an hour"),
        (Pay(500, "USD", "day"), "en_US", {}, "$500 a day"),
        (Pay(500, "USD", "week"), "hi", {}, "$500 प्रति सप्ताह"),
        (RANGE, "en_IN", {}, "₹10,000–₹28,000 a month"),
        (RANGE, "hi", {}, "₹10,000 से ₹28,000 प्रति माह"),
        (RANGE, "hi", {"digits": "deva"}, "₹१०,००० से ₹२८,००० प्रति माह"),
        (RANGE, "en_IN", {"compact": True}, "₹10,000–₹28,000 a month"),
        (Pay(100, "INR", "month"), "en_IN", {"minor_units_shown": True}, "₹100.00 a month"),
        (Pay("100.5", "INR", "month"), "en_IN", {"minor_units_shown": False}, "₹100 a month"),
        (Pay("1234.5", "JPY", "hour"), "en_US", {}, "¥1,234 an hour"),
    ],
)
def test_exact_strings(
    value: Pay | PayRange, locale: str, options: dict[str, object], expected: str
) -> None:
    assert format_pay(value, locale, **options) == expected  # type: ignore[arg-type]


def test_bands() -> None:
    assert format_pay(ck.get("public-relations-specialist").pay[0], "en_US") == "$51,280 a year"
    assert format_pay(ck.get("customer-service").pay[1], "hi") == "₹10,000 से ₹28,000 प्रति माह"


def test_plain_spaces_only() -> None:
    for locale in ("en", "en_IN", "en_US", "hi", "hi_IN"):
        text = format_pay(RANGE, locale)
        assert "\u00a0" not in text and "\u202f" not in text


@pytest.mark.parametrize("locale", ["de", "fr_FR"])
def test_locale_careerkit_does_not_format(locale: str) -> None:
    with pytest.raises(
        ck.UnknownLocaleError,
        match=rf"^cannot format pay for locale '{locale}': careerkit formats English and Hindi locales",
    ):
        format_pay(INR_YEAR, locale)


@pytest.mark.parametrize("locale", ["xx", "", "en_US_POSIX_x_y_z_" * 4])
def test_unknown_locale(locale: str) -> None:
    with pytest.raises(ck.UnknownLocaleError, match=r"^unknown locale '.*: expected a CLDR locale"):
        format_pay(INR_YEAR, locale)


def test_unknown_digits() -> None:
    with pytest.raises(
        ck.ValidationError, match=r"^unknown digits 'arab': use 'latn' \(0-9\) or 'deva'"
    ):
        format_pay(INR_YEAR, "hi", digits="arab")


# --- parsing -------------------------------------------------------------------------------------


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


# --- round trips ---------------------------------------------------------------------------------

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


def test_range_type_checks() -> None:
    with pytest.raises(ck.ValidationError, match=r"the low end .* is above the high end"):
        PayRange(Pay(2, "INR", "month"), Pay(1, "INR", "month"))
    with pytest.raises(ck.ValidationError, match="a pay range needs one currency, period and date"):
        PayRange(Pay(1, "INR", "month"), Pay(2, "USD", "month"))
