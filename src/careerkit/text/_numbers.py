"""Numbers as written: decimal and grouping marks by the currency's conventions or a locale's.

A comma before three digits groups thousands (``45,000``; Indian ``4,50,000`` too); a
dot is a decimal point, except in currencies whose locales write decimals with a comma
(:data:`DECIMAL_COMMA`), where a dot before exactly three digits groups thousands
(``€45.000``) and a comma before one or two digits is the decimal mark (``45,50 €``).
A number that could be read two ways is refused, never guessed: ``locale=`` settles it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

    from careerkit.text._tokens import Reading

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

SPACE_MARKS = "\u00a0\u202f "
_LOCALE_MARKS = frozenset("'’\u00a0\u202f")
"""Marks between groups of digits that careerkit reads only with a locale's conventions."""
SPACED_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def locale_marks(name: str) -> tuple[str, str]:
    """The decimal and grouping marks of locale *name* (babel), for reading numbers."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    from careerkit.text.format import parse_locale

    locale: Locale = parse_locale(name)
    return str(get_decimal_symbol(locale)), str(get_group_symbol(locale))


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3}|\d+")
_LONG_FIRST_GROUP = re.compile(r"\d{4,}(?:,\d{3})+")
_DOT_DECIMALS = re.compile(r"\d+\.(?:\d\d?|\d{4,})")


def read_number(
    reading: Reading, raw: str, currency: str, scaled: bool, marks: tuple[str, str] | None
) -> Decimal:
    """The value of one number as written, by the conventions of *currency* or *marks*."""
    if marks is None:  # the commonest forms first, each read as the rules below read it
        if currency not in _THREE_DECIMALS and _GROUPED.fullmatch(raw):
            return Decimal(raw.replace(",", ""))  # 45000, 45,000, 4,50,000
        if _DOT_DECIMALS.fullmatch(raw):
            return Decimal(raw)  # 14.36: a dot before other than three digits
    if raw.startswith("."):
        return Decimal("0" + raw)
    if marks is not None:
        decimal_mark, group_mark = marks
        groups = set(SPACE_MARKS) if group_mark in SPACE_MARKS else {group_mark}
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
    if not _LOCALE_MARKS.isdisjoint(raw):
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
    reading: Reading,
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
