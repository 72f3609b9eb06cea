"""``format_pay``: pay figures for people, in their own conventions.

Built on babel (imported on first use) for symbols, grouping and decimal marks,
and extended where babel stops: period words in English and Hindi, ranges
(an en dash in English, "से" in Hindi), Indian compact units (lakh, crore),
Devanagari digits, and plain spaces (U+0020) where CLDR puts no-break spaces.
"""

from __future__ import annotations

import functools
import re
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from typing import TYPE_CHECKING

from careerkit.errors import UnknownLocaleError, ValidationError, WrongTypeError, shown, wrong_type
from careerkit.model.pay_band import CourseFee, PayBand, Period
from careerkit.model.text import check_language
from careerkit.pay._bands import ConvertedPayBand
from careerkit.pay._pay import Pay, minor_units
from careerkit.pay._range import PayRange

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["format_figures", "format_pay"]

DEVANAGARI_DIGITS = str.maketrans("0123456789", "०१२३४५६७८९")

PERIOD_WORDS: dict[str, dict[Period, str]] = {
    "en": {
        Period.HOUR: "an hour",
        Period.DAY: "a day",
        Period.WEEK: "a week",
        Period.MONTH: "a month",
        Period.YEAR: "a year",
    },
    "hi": {
        Period.HOUR: "प्रति घंटा",
        Period.DAY: "प्रति दिन",
        Period.WEEK: "प्रति सप्ताह",
        Period.MONTH: "प्रति माह",
        Period.YEAR: "प्रति वर्ष",
    },
}
RANGE_JOINERS = {"en": "–", "hi": " से "}
OPEN_ENDS = {  # an open range: only a lowest ("from") or only a highest ("up to") figure
    "en": {"low": "from {}", "high": "up to {}"},
    "hi": {"low": "कम से कम {}", "high": "अधिकतम {}"},
}
INDIAN_UNITS = {
    "en": ((Decimal(10) ** 7, "crore"), (Decimal(10) ** 5, "lakh")),
    "hi": ((Decimal(10) ** 7, "करोड़"), (Decimal(10) ** 5, "लाख")),
}
WESTERN_UNITS = ((Decimal(10) ** 9, "B"), (Decimal(10) ** 6, "M"), (Decimal(10) ** 3, "K"))
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


_LONGEST_LOCALE = 40  # "zh_Hant_HK" and its kin are far shorter


def parse_locale(name: str, *, for_reading: bool = False) -> Locale:
    """The babel ``Locale`` called *name* (``"en_IN"``, ``"en-IN"``, ``"hi"``).

    Names are read as babel reads them (CLDR identifiers; ``-`` for ``_``, any case).
    Formatting needs an English or Hindi locale; reading numbers (``for_reading``)
    takes any locale CLDR has. Anything else raises :class:`~careerkit.UnknownLocaleError`.
    """
    if not isinstance(name, str):
        raise wrong_type("a locale name such as 'en_IN'", name, "locale")
    locale = _babel_locale(name) if len(name) <= _LONGEST_LOCALE else None
    if locale is None:
        raise UnknownLocaleError(
            f"unknown locale {shown(name)}: expected a CLDR locale name such as 'en_IN', "
            "'en_US', 'hi' or 'de_DE'"
        )
    if not for_reading and locale.language not in PERIOD_WORDS:
        raise UnknownLocaleError(
            f"cannot format pay for locale {shown(name)}: careerkit formats English and Hindi "
            "locales, such as 'en', 'en_IN', 'en_US', 'hi' or 'hi_IN'"
        )
    return locale


@functools.lru_cache(maxsize=256)  # bounded: names are at most 40 characters
def _babel_locale(name: str) -> Locale | None:
    from babel import Locale
    from babel import UnknownLocaleError as BabelUnknownLocale

    try:
        return Locale.parse(name.replace("-", "_"))
    except (BabelUnknownLocale, ValueError, TypeError):
        return None


def _indian(locale: Locale) -> bool:
    return locale.language == "hi" or locale.territory == "IN"


@functools.cache
def _whole_pattern(locale: Locale) -> str:
    """The locale's currency pattern without decimals: ``¤#,##,##0.00`` -> ``¤#,##,##0``."""
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    return re.sub(r"\.0+", "", pattern)


def _money(amount: Decimal, currency: str, locale: Locale, decimals: bool) -> str:
    from babel.numbers import format_currency, get_currency_symbol

    if currency == "Int$":
        number = format_currency(
            amount,
            "USD",
            locale=locale,
            format=None if decimals else _whole_pattern(locale),
            currency_digits=decimals,
        )
        symbol = get_currency_symbol("USD", locale=locale)
        return number.replace(symbol, "Int$", 1)
    if decimals:
        return str(format_currency(amount, currency, locale=locale))
    return str(
        format_currency(
            amount, currency, locale=locale, format=_whole_pattern(locale), currency_digits=False
        )
    )


def _compact(amount: Decimal, currency: str, locale: Locale) -> str | None:
    from babel.numbers import format_decimal, get_currency_symbol

    units = INDIAN_UNITS[locale.language] if _indian(locale) else WESTERN_UNITS
    for size, word in units:
        if amount >= size:
            scaled = (amount / size).quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
            grouping = "#,##,##0.#" if _indian(locale) else "#,##0.#"  # ₹1,00,000 crore
            number = format_decimal(scaled, format=grouping, locale=locale)
            symbol = "Int$" if currency == "Int$" else get_currency_symbol(currency, locale=locale)
            joiner = " " if _indian(locale) else ""
            return f"{symbol}{number}{joiner}{word}"
    return None


def format_pay(
    value: Pay | PayRange | PayBand,
    locale: str = "en",
    *,
    compact: bool = False,
    digits: str | None = None,
    period: bool = True,
    minor_units_shown: bool | None = None,
) -> str:
    """A pay figure, range or band as people in *locale* write it.

    Amounts are rounded half-even to the currency's minor unit, which is shown
    only when it is not zero (``minor_units_shown=True`` always shows it,
    ``False`` never does). ``compact=True`` uses lakh and crore in Indian locales
    (``₹1.2 lakh``, Hindi ``₹1.2 लाख``) and K, M, B elsewhere, to one decimal.
    ``digits="deva"`` writes Devanagari digits. ``period=False`` leaves out the
    period words. A band shows its low-high range, or else its median. An open
    range shows its one end: ``from $50,000 a year``, ``up to ₹8,00,000 a year``.

    >>> format_pay(Pay(120000, "INR", "year"), "en_IN", period=False)
    '₹1,20,000'
    >>> format_pay(Pay("29868.80", "USD", "year"), "en_US")
    '$29,868.80 a year'
    >>> format_pay(PayRange(Pay(10000, "INR", "month"), Pay(28000, "INR", "month")), "hi")
    '₹10,000 से ₹28,000 प्रति माह'
    >>> format_pay(Pay(340000, "INR", "year"), "en_IN", compact=True)
    '₹3.4 lakh a year'
    >>> format_pay(Pay(120000, "INR", "year"), "hi", digits="deva", period=False)
    '₹१,२०,०००'
    """
    loc = parse_locale(locale)
    if digits not in (None, "latn", "deva"):
        raise ValidationError(f"unknown digits {shown(digits)}: use 'latn' (0-9) or 'deva' (०-९)")
    figures = _figures(value)
    rounded = [pay.rounded() for pay in figures]
    if minor_units_shown is None:
        decimals = any(amount != amount.to_integral_value() for amount in rounded)
    else:
        decimals = minor_units_shown and minor_units(figures[0].currency) > 0
    texts = []
    # babel rounds in the current context: give it room for every digit of any amount
    with localcontext() as context:
        context.prec = max(amount.adjusted() for amount in rounded) + 8
        for amount in rounded:
            short = _compact(amount, figures[0].currency, loc) if compact else None
            texts.append(short or _money(amount, figures[0].currency, loc, decimals))
    text = RANGE_JOINERS[loc.language].join(texts)
    if isinstance(value, PayRange) and value.is_open:
        text = OPEN_ENDS[loc.language]["low" if value.high is None else "high"].format(text)
    if period:
        text = f"{text} {PERIOD_WORDS[loc.language][figures[0].period]}"
    text = text.translate(_SPACES)
    return text.translate(DEVANAGARI_DIGITS) if digits == "deva" else text


def _figures(value: Pay | PayRange | PayBand) -> list[Pay]:
    if isinstance(value, Pay):
        return [value]
    if isinstance(value, PayRange):
        return list(value.ends)
    if isinstance(value, PayBand):
        stated = [amount for amount in (value.low, value.high) if amount is not None]
        if len(stated) < 2 and value.median is not None:
            stated = [value.median]
        elif not stated:
            stated = [min(value.percentiles.values()), max(value.percentiles.values())]
        return [Pay(amount, value.currency, value.period) for amount in stated]
    raise WrongTypeError(
        f"format_pay formats a Pay, PayRange or PayBand, not {type(value).__name__} {shown(value)}",
        field="value",
    )


_FIGURE_WORDS = {
    "en": {"median": "median", "mean": "mean", "undated": "undated"},
    "hi": {"median": "मंझला", "mean": "औसत", "undated": "तारीख अज्ञात"},
}


def format_figures(
    band: PayBand | ConvertedPayBand | CourseFee, locale: str = "en", lang: str | None = None
) -> str:
    """Every figure of a band, labelled: ``p10 $30,140, median $51,280, p90 $97,910 a year``.

    Then the mean, where the band has one, and each top-coded statistic as
    ``p75, p90 ≥ $239,200`` (BLS's "at or above"). A band as stated also gives its date
    (``(May 2008)``, or ``(undated)``); words are in *lang* (default: the
    locale's language).

    >>> import careerkit
    >>> format_figures(careerkit.get("csr").pay[0], "en_US")
    'median $14.36 an hour (May 2008)'
    """
    language = check_language(lang or parse_locale(locale).language)
    words = _FIGURE_WORDS[language]
    stated = band.band if isinstance(band, ConvertedPayBand) else band

    def as_pay(amount: Decimal | Pay | None) -> Pay | None:
        if amount is None or isinstance(amount, Pay):
            return amount
        return Pay(amount, stated.currency, stated.period)

    low, high = as_pay(band.low), as_pay(band.high)
    percentiles = {key: as_pay(value) for key, value in getattr(band, "percentiles", {}).items()}
    mean = as_pay(getattr(band, "mean", None))
    top_code = as_pay(getattr(band, "top_code", None))
    items: list[tuple[str, Pay | PayRange]] = []  # (label, figure): the last says the period
    if low is not None or high is not None:
        items.append(("", PayRange(low, high)))
    for key, pay in percentiles.items():
        items.append((words["median"] if key == 50 else f"p{key}", pay))  # type: ignore[arg-type]
    if mean is not None:
        items.append((words["mean"], mean))
    if top_code is not None:  # statistics BLS gives only as "at or above" its top code
        names = ", ".join(words.get(name, name) for name in stated.top_coded)  # type: ignore[union-attr]
        items.append((f"{names} ≥", top_code))
    parts = [
        " ".join(filter(None, [label, format_pay(figure, locale, period=number == len(items))]))
        for number, (label, figure) in enumerate(items, 1)
    ]
    text = ", ".join(parts)
    if isinstance(band, PayBand):
        date = band.reference_date
        text += f" ({date.label(language) if date else words['undated']})"
    return text
