"""``format_pay``: pay figures for people, in their own conventions.

Built on babel (imported on first use) and the CLDR data it carries, for every
locale CLDR has: currency symbols, grouping and decimal marks, compact patterns
(``1,5 Mio. €``, ``₹12万``), period words (``pro Jahr``, ``par mois``) and range
patterns. careerkit's own words stand in for CLDR's in English and Hindi (``a year``,
``प्रति वर्ष``, an en dash or "से" in ranges, lakh and crore), and give lakh and crore
to Kannada, Malayalam, Odia, Tamil and Telugu, whose CLDR compact patterns count in
thousands and millions. A locale that counts in lakhs groups every amount in lakhs
(``₹12,00,000``, ``₹1,00,000 crore``). Devanagari digits on request, and plain spaces
(U+0020) where CLDR puts no-break spaces.
"""

from __future__ import annotations

import difflib
import functools
import re
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from typing import TYPE_CHECKING

from careerkit.errors import UnknownLocaleError, ValidationError, WrongTypeError, shown, wrong_type
from careerkit.model.pay_band import CourseFee, PayBand, Period
from careerkit.model.text import check_language
from careerkit.pay._bands import ConvertedPayBand
from careerkit.pay._pay import Pay
from careerkit.pay._range import PayRange
from careerkit.pay._units import minor_units

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from babel import Locale
    from babel.numbers import NumberPattern

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
OTHER_OPEN_ENDS = {"low": "≥ {}", "high": "≤ {}"}  # other languages: babel has no CLDR "at least"
LAKH, CRORE = Decimal(10) ** 5, Decimal(10) ** 7
# Words by CLDR plural category ("other" for any number): (lakh, crore). Crore is the largest
# unit, so ten to the twelfth is "₹1,00,000 crore" (as Indian budgets write it), never
# "₹100,000 crore" nor arab and kharab. Other locales that count in lakhs use CLDR's compact
# patterns where those count in lakhs too (Bengali, Gujarati, Marathi, Punjabi, ...).
LAKH_CRORE: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "en": ({"other": "lakh"}, {"other": "crore"}),
    "hi": ({"other": "लाख"}, {"other": "करोड़"}),
    "kn": ({"other": "ಲಕ್ಷ"}, {"other": "ಕೋಟಿ"}),
    "ml": ({"other": "ലക്ഷം"}, {"other": "കോടി"}),
    "or": ({"other": "ଲକ୍ଷ"}, {"other": "କୋଟି"}),
    "ta": ({"other": "லட்சம்"}, {"other": "கோடி"}),
    "te": ({"one": "లక్ష", "other": "లక్షలు"}, {"one": "కోటి", "other": "కోట్లు"}),
}
WESTERN_UNITS: tuple[tuple[Decimal, dict[str, str]], ...] = (  # English outside India
    (Decimal(10) ** 9, {"other": "B"}),
    (Decimal(10) ** 6, {"other": "M"}),
    (Decimal(10) ** 3, {"other": "K"}),
)
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


_LONGEST_LOCALE = 40  # "zh_Hant_HK" and its kin are far shorter


def parse_locale(name: str) -> Locale:
    """The babel ``Locale`` called *name* (``"en_IN"``, ``"en-IN"``, ``"hi"``, ``"de_DE"``).

    Names are read as babel reads them (CLDR identifiers; ``-`` for ``_``, any case),
    and any locale CLDR has is taken, for formatting and for reading numbers alike.
    Anything else raises :class:`~careerkit.UnknownLocaleError`, naming the nearest
    locales CLDR has.
    """
    if not isinstance(name, str):
        raise wrong_type("a locale name such as 'en_IN'", name, "locale")
    locale = _babel_locale(name) if len(name) <= _LONGEST_LOCALE else None
    if locale is None:
        nearest = _nearest_locales(name) if 3 < len(name) <= _LONGEST_LOCALE else []
        hint = f"; did you mean {' or '.join(map(repr, nearest))}?" if nearest else ""
        raise UnknownLocaleError(
            f"unknown locale {shown(name)}: expected a CLDR locale name such as 'en_IN', "
            f"'en_US', 'hi' or 'de_DE'{hint}"
        )
    return locale


def _nearest_locales(name: str) -> list[str]:
    """Up to three CLDR locale names spelled like *name* (``de_DX``: ``de_DE``, ``de_DK``)."""
    from babel.localedata import locale_identifiers

    known = {identifier.lower(): identifier for identifier in locale_identifiers()}
    typed = name.replace("-", "_").lower()
    return [known[match] for match in difflib.get_close_matches(typed, known, n=3, cutoff=0.75)]


@functools.lru_cache(maxsize=256)  # bounded: names are at most 40 characters
def _babel_locale(name: str) -> Locale | None:
    from babel import Locale
    from babel import UnknownLocaleError as BabelUnknownLocale

    try:
        return Locale.parse(name.replace("-", "_"))
    except (BabelUnknownLocale, ValueError, TypeError):
        return None


@functools.cache
def counts_in_lakhs(locale: Locale) -> bool:
    """Whether *locale* groups digits in lakhs and crores (``12,34,56,789``).

    It does when CLDR's decimal pattern for it groups by two above the thousands
    (``#,##,##0.###``: ``en_IN``, ``hi``, ``bn``, ``mr``, ``ta``, ``te``, ``gu``, ``ml``,
    ``ne``, ...), or when it is a locale of India, named (``kn_IN``, ``ur_IN``) or, for a
    bare language, CLDR's likeliest country for it (``kn``): CLDR groups a few of India's
    languages by three, as Indian print does not.
    """
    from babel.core import get_global
    from babel.core import parse_locale as split_locale

    # three digits, then two a group above the thousands (Toki Pona's "1 00 00" is not lakhs)
    if locale.decimal_formats[None].grouping == (3, 2):
        return True
    territory = locale.territory
    if territory is None:
        likely = get_global("likely_subtags")
        script = f"{locale.language}_{locale.script}" if locale.script else locale.language
        found = likely.get(script) or likely.get(locale.language)
        territory = split_locale(found)[1] if found else None
    return territory == "IN"


@functools.cache
def _currency_pattern(locale: Locale) -> str:
    """CLDR's currency pattern for *locale*, grouped in lakhs where it counts in lakhs.

    CLDR writes money in ``mr``, ``ta``, ``ml`` and ``or`` as ``¤#,##0.00`` although it
    groups their other numbers in lakhs: careerkit groups money as the locale's numbers.
    """
    pattern: str = locale.currency_formats["standard"].pattern.split(";")[0]
    if counts_in_lakhs(locale) and "#,##,##0" not in pattern:
        pattern = pattern.replace("#,##0", "#,##,##0", 1)
    return pattern


def _money(amount: Decimal, currency: str, locale: Locale, decimals: bool) -> str:
    from babel.numbers import format_currency

    ours = _currency_pattern(locale)
    pattern: str | None = ours
    if not decimals:
        pattern = re.sub(r"\.0+", "", ours)  # ¤#,##,##0.00 -> ¤#,##,##0
    elif ours == locale.currency_formats["standard"].pattern:
        pattern = None  # CLDR's own, as it stands
    code = "USD" if currency == "Int$" else currency
    text = format_currency(amount, code, locale=locale, format=pattern, currency_digits=decimals)
    return text.replace(_symbol("USD", locale), "Int$", 1) if currency == "Int$" else text


def _symbol(currency: str, locale: Locale) -> str:
    from babel.numbers import get_currency_symbol

    return "Int$" if currency == "Int$" else get_currency_symbol(currency, locale=locale)


_NUMBER_IN_PATTERN = re.compile(r"[#0][#0,.]*")


def _fill(pattern: str, number: str, symbol: str) -> str:
    """A CLDR number *pattern* with *number* for its digits and *symbol* for ``¤``.

    Quoted literals lose their quotes: ``0 Mio'.' ¤`` -> ``1,5 Mio. €``.
    """
    parts = re.split(r"('[^']*')", pattern)
    placed = False
    for index, part in enumerate(parts):
        if index % 2:  # a quoted literal: '' is a quote
            parts[index] = part[1:-1] or "'"
            continue
        if not placed:
            part, count = _NUMBER_IN_PATTERN.subn(lambda _: number, part, count=1)
            placed = count > 0
        parts[index] = re.sub("¤+", lambda _: symbol, part)
    return "".join(parts)


def _compact(amount: Decimal, currency: str, locale: Locale) -> str | None:
    """*amount* in *locale*'s short units, or ``None`` where it has none this size.

    English and Hindi, and the languages in ``LAKH_CRORE`` where they count in lakhs,
    use careerkit's words (from a lakh: ``₹1.2 lakh``; K, M and B from a thousand in
    English elsewhere); other locales CLDR's short currency patterns (``1,5 Mio. €``).
    A locale that counts in lakhs is never given thousands and millions: where CLDR's
    patterns for it count so (Assamese, Sanskrit, ...), amounts are written in full.
    """
    symbol, lakhs = _symbol(currency, locale), counts_in_lakhs(locale)
    if lakhs and locale.language in LAKH_CRORE:
        lakh, crore = LAKH_CRORE[locale.language]
        number = _in_units(amount, ((CRORE, crore), (LAKH, lakh)), " ", locale)
    elif not lakhs and locale.language == "en":
        number = _in_units(amount, WESTERN_UNITS, "", locale)
    else:
        return _cldr_compact(amount, symbol, locale, lakhs)
    return _fill(_currency_pattern(locale), number, symbol) if number else None


def _tenths(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)


def _unit(
    amount: Decimal, sizes: Sequence[Decimal | int], divisor: Callable[[int], Decimal]
) -> tuple[int, Decimal] | None:
    """``(index, number)``: the largest of *sizes* (descending) that *amount* reaches, and the
    amount in it, to one decimal (``amount / divisor(index)``); ``None`` below the smallest.

    Where that number, rounded, makes a whole unit of the next size (999,960 is 1,000.0
    thousand), the next size is used: ``$1M``, never ``$1,000K``; ``₹1 crore``, never
    ``₹100 lakh``. Nothing else rounds up: 960,000 stays ``$960K``.
    """
    index = next((at for at, size in enumerate(sizes) if amount >= size), None)
    if index is None:
        return None
    number = _tenths(amount / divisor(index))
    if index and number * divisor(index) >= sizes[index - 1]:
        index -= 1
        number = _tenths(amount / divisor(index))
    return index, number


def _in_units(
    amount: Decimal, units: tuple[tuple[Decimal, dict[str, str]], ...], joiner: str, locale: Locale
) -> str | None:
    """*amount* in the largest of *units* it reaches (see :func:`_unit`), to one decimal:
    ``1.2 lakh``, ``29.9K``; ``None`` below the smallest (``$999`` stays in full)."""
    from babel.numbers import format_decimal

    found = _unit(amount, [size for size, _ in units], lambda index: units[index][0])
    if found is None:
        return None
    index, scaled = found
    words = units[index][1]
    grouping = "#,##,##0.#" if counts_in_lakhs(locale) else "#,##0.#"  # ₹1,00,000 crore
    number = format_decimal(scaled, format=grouping, locale=locale)
    return f"{number}{joiner}{words.get(locale.plural_form(scaled), words['other'])}"


def _cldr_compact(amount: Decimal, symbol: str, locale: Locale, lakhs: bool) -> str | None:
    """*amount* by CLDR's short currency patterns for *locale* (as TR35 says), to one decimal.

    ``None`` where CLDR gives no short form for amounts this size (German below a
    million), and in a locale that counts in lakhs whose patterns do not. In one that
    does, crore is the largest unit, as in ``LAKH_CRORE`` (``₹1,00,000 कोटी``). The
    unit is chosen as :func:`_unit` says (``1 M $US``, never ``1 000 k $US``).
    """
    from babel.numbers import format_decimal

    formats = locale.compact_currency_formats.get("short") or {}
    if "other" not in formats or (lakhs and not _patterns_count_in_lakhs(formats)):
        return None
    magnitudes = [
        magnitude
        for magnitude in sorted(map(int, formats["other"]), reverse=True)
        if not (lakhs and magnitude > CRORE)  # not arab, kharab: crores, grouped in lakhs
    ]
    patterns = [_positive(formats["other"][str(magnitude)]) for magnitude in magnitudes]
    divisors = [
        Decimal(magnitude).scaleb(1 - max(pattern.count("0"), 1))
        for magnitude, pattern in zip(magnitudes, patterns, strict=True)
    ]
    found = _unit(amount, magnitudes, divisors.__getitem__)
    if found is None or patterns[found[0]] == "0":  # "0": CLDR's mark for "no short form"
        return None
    index, scaled = found
    magnitude = magnitudes[index]
    plurals = ["1"] if scaled == 1 else []  # CLDR's pattern for exactly one, then by plural
    plurals.append(str(locale.plural_form(scaled)))
    chosen = [_positive(formats.get(plural, {}).get(str(magnitude))) for plural in plurals]
    pattern = next(filter(None, chosen), patterns[index])
    number = format_decimal(scaled, format="#,##,##0.#" if lakhs else "#,##0.#", locale=locale)
    if "¤" in pattern:
        return _fill(pattern, number, symbol)
    return _fill(_currency_pattern(locale), _fill(pattern, number, ""), symbol)


def _positive(pattern: NumberPattern | None) -> str:
    """The positive part of a babel ``NumberPattern`` (``""`` for ``None``)."""
    return "" if pattern is None else pattern.pattern.split(";")[0]


def _patterns_count_in_lakhs(formats: Mapping[str, Mapping[str, NumberPattern]]) -> bool:
    """Whether CLDR's compact *formats* have a one-digit unit of a lakh and of a crore."""
    other = formats["other"]
    return all(_positive(other.get(str(int(size)))).count("0") == 1 for size in (LAKH, CRORE))


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

    *locale* is any locale CLDR has (``"en_IN"``, ``"hi"``, ``"de_DE"``, ``"ta"``,
    ``"ja"``); symbols, grouping and decimal marks are CLDR's, and a locale that
    counts in lakhs (CLDR groups its numbers so, or it is a locale of India) groups
    every amount in lakhs.
    Amounts are rounded half-even to the currency's minor unit, which is shown
    only when it is not zero (``minor_units_shown=True`` always shows it,
    ``False`` never does). ``compact=True`` shortens amounts to one decimal: lakh and
    crore where the locale counts in lakhs (``₹1.2 lakh``, Hindi ``₹1.2 लाख``, and
    ``₹1,00,000 crore`` above a thousand crore), K, M and B in English elsewhere, and
    CLDR's compact patterns in other languages (``1,5 Mio. €``, ``₹12万``); an amount
    too small for them is written in full. ``digits="deva"`` writes Devanagari digits.

    Period words are careerkit's in English and Hindi (``a year``, ``प्रति वर्ष``) and
    CLDR's "per" pattern in other languages (``pro Jahr``, ``par mois``); where CLDR
    has no words for a language, its root patterns give ``/y``, ``/m``, ``/w``, ``/d``
    and ``/h``. ``period=False`` leaves them out. A range is joined by an en dash
    (Hindi "से"), in other languages by CLDR's interval pattern (``10.000 € – 28.000 €``).
    A band shows its low-high range, or else its median. An open range shows its one
    end: ``from $50,000 a year``, ``up to ₹8,00,000 a year``, in other languages
    ``≥ 50.000 €`` and ``≤ 50.000 €``.

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
    >>> format_pay(Pay("45000.50", "EUR", "year"), "de_DE")
    '45.000,50 € pro Jahr'
    >>> format_pay(Pay(1500000, "INR", "month"), "ta", compact=True)
    '₹ 15 லட்சம் / மாதம்'
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
    language = loc.language
    if len(texts) == 1:
        text = texts[0]
    elif language in RANGE_JOINERS:
        text = RANGE_JOINERS[language].join(texts)
    else:  # CLDR's interval pattern ("{0} – {1}", "{0}～{1}", "{0} til {1}"), lowest first
        pattern = loc.interval_formats.get(None) or ""
        if not 0 <= pattern.find("{0}") < pattern.find("{1}"):
            pattern = "{0}–{1}"  # CLDR's root range pattern
        text = pattern.replace("{0}", texts[0]).replace("{1}", texts[1])
    if isinstance(value, PayRange) and value.is_open:
        ends = OPEN_ENDS.get(language, OTHER_OPEN_ENDS)
        text = ends["low" if value.high is None else "high"].format(text)
    if period:
        if language in PERIOD_WORDS:
            text = f"{text} {PERIOD_WORDS[language][figures[0].period]}"
        else:
            text = _per_period(loc, figures[0].period).replace("{0}", text)
    text = text.translate(_SPACES)
    return text.translate(DEVANAGARI_DIGITS) if digits == "deva" else text


@functools.cache
def _per_period(locale: Locale, period: Period) -> str:
    """CLDR's long "per" pattern for *period* in *locale*: ``{0} pro Jahr``, ``{0} par mois``.

    babel follows CLDR's inheritance, so a language CLDR has no words for gets its root
    pattern (``{0}/y``); failing even that, the compound ``{0}/{1}`` TR35 prescribes.
    """
    from babel.units import format_compound_unit

    pattern = format_compound_unit(
        "{0}", denominator_unit=f"duration-{period.value}", length="long", locale=locale
    )
    return pattern if pattern and pattern.count("{0}") == 1 else f"{{0}}/{period.value[0]}"


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
    locale's language, where careerkit has words in it, and English otherwise).

    >>> import careerkit
    >>> format_figures(careerkit.get("csr").pay[0], "en_US")
    'median $14.36 an hour (May 2008)'
    """
    spoken = parse_locale(locale).language
    language = check_language(lang or (spoken if spoken in _FIGURE_WORDS else "en"))
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
