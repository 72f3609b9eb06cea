"""format_pay: exact strings per locale, every locale careerkit formats in, and what it refuses."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from babel.localedata import locale_identifiers
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Pay, PayRange, format_pay

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


# --- open ranges, any size, any English or Hindi locale -----------------------------------------


@pytest.mark.parametrize(
    ("value", "locale", "expected"),
    [
        (PayRange(Pay(50000, "USD", "year"), None), "en_US", "from $50,000 a year"),
        (PayRange(None, Pay(800000, "INR", "year")), "en_IN", "up to ₹8,00,000 a year"),
        (PayRange(Pay(50000, "INR", "month"), None), "hi", "कम से कम ₹50,000 प्रति माह"),
        (PayRange(None, Pay(800000, "INR", "year")), "hi", "अधिकतम ₹8,00,000 प्रति वर्ष"),
    ],
)
def test_open_ranges_say_which_end_they_have(value: PayRange, locale: str, expected: str) -> None:
    assert format_pay(value, locale) == expected


def test_a_band_with_one_end_is_an_open_range() -> None:
    band = ck.PayBand(region="IN", currency="INR", period="month", source="s", low=10000)
    from careerkit.text.format import format_figures

    assert format_figures(band, "en_IN") == "from ₹10,000 a month (undated)"


EVERY_LOCALE = sorted(name for name in locale_identifiers() if name.split("_")[0] in ("en", "hi"))


@settings(max_examples=settings().max_examples * 5)
@given(
    st.decimals(min_value=0, max_value=10**15, allow_nan=False, places=2),
    st.sampled_from(["USD", "INR", "EUR", "JPY", "KWD"]),
    st.sampled_from(EVERY_LOCALE),
    st.booleans(),
)
def test_every_english_and_hindi_locale_formats_any_amount(
    amount: Decimal, currency: str, locale: str, compact: bool
) -> None:
    text = format_pay(Pay(amount, currency, "hour").per("year"), locale, compact=compact)
    assert text.endswith(("a year", "प्रति वर्ष")) and "\u00a0" not in text


CATALOGUE = [
    ("no locale", lambda: format_pay(INR_YEAR, None), ck.WrongTypeError, "locale: expected a locale name such as 'en_IN', got NoneType None"),
    ("locale list", lambda: format_pay(INR_YEAR, ["en"]), ck.WrongTypeError, "locale: expected a locale name"),
    ("locale case is babel's", lambda: format_pay(INR_YEAR, "zz_ZZ"), ck.UnknownLocaleError, "unknown locale 'zz_ZZ'"),
    ("long locale", lambda: format_pay(INR_YEAR, "en_" + "x" * 5000), ck.UnknownLocaleError, "(5,003 characters)"),
    ("not a figure", lambda: format_pay(120000), ck.WrongTypeError, "value: format_pay formats a Pay, PayRange or PayBand, not int 120000"),
    ("digits", lambda: format_pay(INR_YEAR, "hi", digits="arab"), ck.ValidationError, "unknown digits 'arab': use 'latn' (0-9) or 'deva' (०-९)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "error", "fragment"), [c[1:] for c in CATALOGUE], ids=[c[0] for c in CATALOGUE]
)
def test_refused(call: Any, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as caught:
        call()
    assert fragment in str(caught.value)
