"""format_pay: exact strings per locale, every locale careerkit formats in, and what it refuses."""

from __future__ import annotations

import re
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
        # compact: rounded to one decimal, an amount that reaches the next unit is in it
        (Pay(999_999, "USD", "year"), "en_US", {"compact": True}, "$1M a year"),
        (Pay(999_950, "USD", "year"), "en_US", {"compact": True}, "$1M a year"),
        (Pay(999_940, "USD", "year"), "en_US", {"compact": True}, "$999.9K a year"),
        (Pay(960_000, "USD", "year"), "en_US", {"compact": True}, "$960K a year"),
        (Pay(999_999_999, "USD", "year"), "en_US", {"compact": True}, "$1B a year"),
        (Pay(9_999_999, "INR", "year"), "en_IN", {"compact": True}, "₹1 crore a year"),
        (Pay(9_999_999, "INR", "year"), "hi", {"compact": True}, "₹1 करोड़ प्रति वर्ष"),
        (Pay(9_994_999, "INR", "year"), "en_IN", {"compact": True}, "₹99.9 lakh a year"),
        # below the smallest unit, the amount in full (never "$1K" for $999.96)
        (Pay("999.96", "USD", "year"), "en_US", {"compact": True}, "$999.96 a year"),
        (Pay("99999.90", "INR", "year"), "en_IN", {"compact": True}, "₹99,999.90 a year"),
    ],
)
def test_exact_strings(
    value: Pay | PayRange, locale: str, options: dict[str, object], expected: str
) -> None:
    assert format_pay(value, locale, **options) == expected  # type: ignore[arg-type]


_COMPACT = re.compile(r"[₹$]([\d,.]+) ?(K|M|B|lakh|crore)? a year")


@given(st.decimals(min_value=0, max_value=10**13, places=2))
def test_compact_never_writes_a_full_unit_of_the_next(amount: Decimal) -> None:
    # "$1,000K" is "$1M", and "₹100 lakh" is "₹1 crore": a unit's number is always below
    # the next unit's size in it (the largest unit, B or crore, may grow without bound)
    for currency, locale, below in (
        ("USD", "en_US", {"K": 1000, "M": 1000}),
        ("INR", "en_IN", {"lakh": 100}),
    ):
        text = format_pay(Pay(amount, currency, "year"), locale, compact=True)
        found = _COMPACT.fullmatch(text)
        assert found is not None, text
        number, unit = Decimal(found[1].replace(",", "")), found[2]
        if unit in below:
            assert number < below[unit], text
        if unit is not None:
            assert number >= 1, text


def test_bands() -> None:
    assert format_pay(ck.get("public-relations-specialist").pay[0], "en_US") == "$51,280 a year"
    assert format_pay(ck.get("customer-service").pay[1], "hi") == "₹10,000 से ₹28,000 प्रति माह"


def test_plain_spaces_only() -> None:
    for locale in ("en", "en_IN", "en_US", "hi", "hi_IN"):
        text = format_pay(RANGE, locale)
        assert "\u00a0" not in text and "\u202f" not in text


# --- every other locale: CLDR's marks, compact patterns and period words -------------------------

EUR_RANGE = PayRange(Pay(10000, "EUR", "month"), Pay(28000, "EUR", "month"))


@pytest.mark.parametrize(
    ("value", "locale", "options", "expected"),
    [
        (Pay("45000.50", "EUR", "year"), "de_DE", {}, "45.000,50 € pro Jahr"),
        (EUR_RANGE, "de_DE", {}, "10.000 € – 28.000 € pro Monat"),
        (Pay(500, "CHF", "day"), "de_CH", {}, "CHF 500 pro Tag"),
        (Pay(500, "EUR", "day"), "it", {}, "500 € al giorno"),
        (Pay("14.36", "USD", "hour"), "es_MX", {}, "USD14.36 por hora"),
        (PayRange(Pay(50000, "EUR", "year"), None), "fr_FR", {}, "≥ 50 000 € par an"),
        (PayRange(None, Pay(50000, "EUR", "year")), "fr_FR", {}, "≤ 50 000 € par an"),
        (Pay(120000, "JPY", "month"), "ja", {}, "￥120,000/月"),
        # compact: CLDR's short currency patterns; none below a million in German
        (Pay(1500000, "EUR", "year"), "de_DE", {"compact": True}, "1,5 Mio. € pro Jahr"),
        (Pay(120000, "EUR", "year"), "de_DE", {"compact": True}, "120.000 € pro Jahr"),
        (Pay(120000, "JPY", "month"), "ja", {"compact": True}, "￥12万/月"),
        (Pay(999960, "USD", "year"), "fr", {"compact": True}, "1 M $US par an"),  # not 1000 k
        (Pay(960000, "USD", "year"), "fr", {"compact": True}, "960 k $US par an"),  # not 1 M
        (Pay(999960, "EUR", "year"), "de_DE", {"compact": True}, "1 Mio. € pro Jahr"),
        # babel's own format_compact_currency counts the negative pattern's zeros: "elfu 120000"
        (INR_YEAR, "sw", {"compact": True}, "₹ elfu 120 kwa mwaka"),
        # locales that count in lakhs: every amount grouped so, crore the largest unit
        (INR_YEAR, "mr", {}, "₹1,20,000 दर वर्षी"),  # CLDR's currency pattern groups by three
        (INR_YEAR, "kn", {}, "ಪ್ರತಿ ವರ್ಷಕ್ಕೆ ₹1,20,000"),  # CLDR groups Kannada by three
        (INR_YEAR, "ta", {"digits": "deva"}, "ஒரு வருடத்தில் ₹ १,२०,०००"),
        (Pay(1500000, "INR", "month"), "ta", {"compact": True}, "₹ 15 லட்சம் / மாதம்"),
        (Pay(100000, "INR", "month"), "te", {"compact": True}, "నెలకు ₹1 లక్ష"),
        (Pay(120000, "INR", "month"), "te", {"compact": True}, "నెలకు ₹1.2 లక్షలు"),
        (Pay(10**7, "INR", "year"), "te", {"compact": True}, "సంవత్సరానికి ₹1 కోటి"),
        (INR_YEAR, "ml", {"compact": True}, "₹1.2 ലക്ഷം / വർഷം"),
        (INR_YEAR, "bn", {"compact": True}, "1.2 লা₹ প্রতি বছর"),  # CLDR's own pattern
        (Pay(10**12, "INR", "year"), "mr", {"compact": True}, "₹1,00,000 कोटी दर वर्षी"),
        (Pay(10**12, "INR", "year"), "en_IN", {"compact": True}, "₹1,00,000 crore a year"),
        (Pay(10**12, "INR", "year"), "hi", {"compact": True}, "₹1,00,000 करोड़ प्रति वर्ष"),
        # no words in CLDR: its root patterns; no lakh patterns: the amount in full
        (Pay(1200000, "INR", "month"), "sa", {"compact": True}, "₹12,00,000/m"),
        # CLDR writes Balochi date intervals latest first; a pay range stays lowest first
        (PayRange(Pay(1, "INR", "year"), Pay(2, "INR", "year")), "bal", {}, "₹ 1–₹ 2/y"),
    ],
)
def test_other_locales(
    value: Pay | PayRange, locale: str, options: dict[str, object], expected: str
) -> None:
    assert format_pay(value, locale, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("locale", "lakhs"),
    [
        ("en_IN", True), ("hi", True), ("bn_BD", True), ("mr", True), ("ta", True), ("te", True),
        ("gu", True), ("ml", True), ("ne", True), ("kn", True), ("kn_IN", True), ("ur_IN", True),
        ("en", False), ("en_US", False), ("en_GB", False), ("ur", False), ("de", False), ("ja", False),
        ("tok", False),  # Toki Pona groups by two throughout (US$1 00): not lakhs
    ],
)  # fmt: skip
def test_which_locales_count_in_lakhs(locale: str, lakhs: bool) -> None:
    from careerkit.text.format import counts_in_lakhs, parse_locale

    assert counts_in_lakhs(parse_locale(locale)) is lakhs


@pytest.mark.parametrize("locale", ["xx", "", "en_US_POSIX_x_y_z_" * 4])
def test_unknown_locale(locale: str) -> None:
    with pytest.raises(ck.UnknownLocaleError, match=r"^unknown locale '.*: expected a CLDR locale"):
        format_pay(INR_YEAR, locale)


@pytest.mark.parametrize(
    ("locale", "suggestion"), [("de_DX", "'de_DE'"), ("en-INN", "'en_IN'"), ("fr_FRA", "'fr_FR'")]
)
def test_unknown_locale_names_the_nearest(locale: str, suggestion: str) -> None:
    with pytest.raises(ck.UnknownLocaleError, match=rf"; did you mean {suggestion}"):
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


def test_figures_in_another_language_have_english_labels() -> None:
    """careerkit's labels are English and Hindi; the amounts and period words are CLDR's."""
    from careerkit.text.format import format_figures

    band = ck.get("csr").pay[0]
    assert format_figures(band, "de_DE") == "median 14,36 $ pro Stunde (May 2008)"
    assert format_figures(band, "de_DE", "hi") == "मंझला 14,36 $ pro Stunde (मई 2008)"


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


# --- every locale CLDR has ---------------------------------------------------------------------

CLDR_LOCALES = sorted(locale_identifiers())
NO_BREAK_SPACES = {"\u00a0", "\u202f", "\u2009"}
SOME_FIGURES = [
    Pay("120000.50", "INR", "year"),
    PayRange(Pay(10000, "EUR", "month"), Pay(28000, "EUR", "month")),
    PayRange(Pay(50000, "USD", "week"), None),
    PayRange(None, Pay(1500000, "JPY", "day")),
    Pay(10**15, "KWD", "hour"),
]


def test_every_cldr_locale_formats_every_kind_of_figure() -> None:
    """All 1,100-odd locales: every kind of figure and period, full and compact."""
    assert len(CLDR_LOCALES) > 1000
    for locale in CLDR_LOCALES:
        for value in SOME_FIGURES:
            for compact in (False, True):
                text = format_pay(value, locale, compact=compact)
                bare = format_pay(value, locale, compact=compact, period=False)
                assert bare and bare in text and text != bare, (locale, text)
                assert not NO_BREAK_SPACES & set(text), (locale, text)


def indian_grouping(number: int, mark: str) -> str:
    """*number* grouped in lakhs with *mark*: 12,34,56,789 (independent of babel and careerkit)."""
    head, tail = str(number)[:-3], str(number)[-3:]
    groups = []
    while head:
        head, group = head[:-2], head[-2:]
        groups.insert(0, group)
    return mark.join([*groups, tail])


@st.composite
def figures(draw: st.DrawFn) -> Pay | PayRange:
    currency = draw(st.sampled_from(["USD", "INR", "EUR", "JPY", "KWD"]))
    period = draw(st.sampled_from(list(ck.Period)))
    amounts = st.decimals(min_value=0, max_value=10**15, allow_nan=False, places=2)
    low, high = (Pay(amount, currency, period) for amount in sorted([draw(amounts), draw(amounts)]))
    shape = draw(st.sampled_from(["one", "range", "from", "up to"]))
    ends = {"one": None, "range": (low, high), "from": (low, None), "up to": (None, high)}[shape]
    return low if ends is None else PayRange(*ends)


@settings(max_examples=settings().max_examples * 5)
@given(figures(), st.sampled_from(CLDR_LOCALES), st.booleans())
def test_any_figure_in_any_locale(value: Pay | PayRange, locale: str, compact: bool) -> None:
    """Period words wrap the figure and never change it; lakh locales never group by three."""
    from babel.numbers import get_group_symbol

    from careerkit.text.format import counts_in_lakhs, parse_locale

    text = format_pay(value, locale, compact=compact)
    bare = format_pay(value, locale, compact=compact, period=False)
    assert bare and bare in text and not NO_BREAK_SPACES & set(text)
    babel_locale = parse_locale(locale)
    if counts_in_lakhs(babel_locale):
        mark = str(get_group_symbol(babel_locale)).replace("\u00a0", " ").replace("\u202f", " ")
        grouped_in_thousands = rf"\d{re.escape(mark)}\d{{3}}{re.escape(mark)}\d{{3}}"
        assert not re.search(grouped_in_thousands, bare), bare  # never "₹100,000 crore"
        if not compact:
            ends = value.ends if isinstance(value, PayRange) else (value,)
            for end in [end for end in ends if end is not None]:
                assert indian_grouping(int(end.rounded()), mark) in bare, bare


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
