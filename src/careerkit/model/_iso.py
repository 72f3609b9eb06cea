"""ISO 4217 currency and ISO 3166 region codes, backed by pycountry.

pycountry is imported on first use, not when careerkit is imported, and each
code list is built once.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Protocol, TypeVar

from careerkit import _hooks
from careerkit.errors import (
    UnknownCurrencyError,
    ValidationError,
    WrongTypeError,
    shown,
    wrong_type,
)


@functools.cache
def currency_codes() -> frozenset[str]:
    """The ISO 4217 alphabetic codes of the currencies in use."""
    import pycountry

    return frozenset(currency.alpha_3 for currency in pycountry.currencies)


@functools.cache
def country_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 country codes."""
    import pycountry

    return frozenset(country.alpha_2 for country in pycountry.countries)


@functools.cache
def subdivision_codes() -> frozenset[str]:
    """The ISO 3166-2 subdivision codes (``IN-WB``, ``US-CA``, ...)."""
    import pycountry

    return frozenset(subdivision.code for subdivision in pycountry.subdivisions)


def _nearest(value: str, choices: frozenset[str]) -> str:
    if len(value) > 20:  # no code is this long: nothing is near it
        return ""
    import difflib  # on first use: only a wrong code needs suggestions

    close = difflib.get_close_matches(value.upper(), sorted(choices), n=3, cutoff=0.6)
    return "; did you mean " + " or ".join(repr(c) for c in close) + "?" if close else ""


_SERIES_CODES: frozenset[str] = frozenset()


def _with_series() -> frozenset[str]:
    # Codes careerkit has exchange rates for are ISO 4217 codes (tests/test_data.py checks),
    # so they pass without loading pycountry's full list.
    global _SERIES_CODES
    _SERIES_CODES = _hooks.rated_currencies.call()
    return _SERIES_CODES


def _not_text(what: str, example: str, code: object, field: str | None) -> WrongTypeError:
    return wrong_type(f"{what} as a string such as {example}", code, field)


# Codes are compared exactly as ISO writes them (upper case): "inr" and "us" are refused,
# with the upper-case code suggested, never read as another code.


def _check(
    code: object,
    known: frozenset[str],
    field: str | None,
    *,
    noun: str,
    what: str,
    example: str,
    expected: str,
    error: type[ValidationError] = ValidationError,
) -> None:
    """Refuse *code* unless it is a string in *known*: a wrong type, or the nearest codes."""
    if not isinstance(code, str):
        raise _not_text(what, example, code, field)
    if code not in known:
        raise error(
            f"unknown {noun} {shown(code)}: expected {expected}{_nearest(code, known)}",
            field=field,
        )


def check_currency(code: str, *, field: str | None = None) -> None:
    """Raise :class:`UnknownCurrencyError` unless *code* is an ISO 4217 code in use."""
    if type(code) is str and code in (_SERIES_CODES or _with_series()):
        return  # the fast path: a code careerkit has rates for
    _check(
        code,
        currency_codes(),
        field,
        noun="currency",
        what="an ISO 4217 currency code",
        example="'INR'",
        expected="an ISO 4217 code in upper case, such as 'INR' or 'USD'",
        error=UnknownCurrencyError,
    )


def check_country(code: str, *, field: str | None = "country") -> None:
    """Raise :class:`ValidationError` unless *code* is an ISO 3166-1 alpha-2 country code."""
    _check(
        code,
        country_codes(),
        field,
        noun="country",
        what="an ISO 3166-1 alpha-2 country code",
        example="'IN'",
        expected="an ISO 3166-1 alpha-2 code in upper case, such as 'IN' or 'US'",
    )


# The regions careerkit's own data uses (the catalogue's states and territories, India's
# states and union territories), so that checking them does not load pycountry's list of
# 5,000 subdivisions; tests/test_data.py checks each against pycountry.
COMMON_REGIONS = frozenset(
    [
        "US",
        "IN",
        *(f"US-{code}" for code in ["AK", "AL", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI", "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MP", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UM", "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY"]),
        *(f"IN-{code}" for code in ["AN", "AP", "AR", "AS", "BR", "CG", "CH", "DH", "DL", "GA", "GJ", "HP", "HR", "JH", "JK", "KA", "KL", "LA", "LD", "MH", "ML", "MN", "MP", "MZ", "NL", "OD", "PB", "PY", "RJ", "SK", "TN", "TR", "TS", "UK", "UP", "WB"]),
    ]
)  # fmt: skip


def check_region(code: str, *, field: str | None = None) -> None:
    """Raise :class:`ValidationError` unless *code* is an ISO 3166-1 or 3166-2 code."""
    if type(code) is str and code in COMMON_REGIONS:
        return
    _check(
        code,
        subdivision_codes() if isinstance(code, str) and "-" in code else country_codes(),
        field,
        noun="region",
        what="an ISO 3166 region code",
        example="'IN' or 'IN-WB'",
        expected="an ISO 3166-1 alpha-2 country code such as 'IN' or 'US', or an ISO 3166-2 "
        "subdivision code such as 'IN-WB'",
    )


class _HasRegion(Protocol):
    @property
    def region(self) -> str: ...


_Regional = TypeVar("_Regional", bound=_HasRegion)


def of_region(items: Iterable[_Regional], region: str | None) -> list[_Regional]:
    """The items (pay bands, employment figures) of *region*; without one, of whole countries.

    A country's code has no hyphen (``US``, ``IN``); a subdivision's does (``US-CA``).
    """
    if region is None:
        return [item for item in items if "-" not in item.region]
    return [item for item in items if item.region == region]


def is_region_code(value: object) -> bool:
    """Whether *value* is text meant as an ISO 3166 code (two letters, perhaps a hyphen and
    up to three more), as opposed to an area (:func:`careerkit.area`: an ``Area``, a BLS
    area code or a name); it need not be a valid code (:func:`check_region` says)."""
    if not isinstance(value, str):
        return False
    country, _, part = value.partition("-")
    return (
        len(country) == 2
        and country.isascii()
        and country.isalpha()
        and (not part or (len(part) <= 3 and part.isascii() and part.isalnum()))
    )


def listed(regions: Iterable[str], most: int = 12) -> str:
    """Region codes for a message, sorted: all of them, or the first *most* and how many more."""
    codes = sorted(set(regions))
    if not codes:
        return "no region"
    more = f" and {len(codes) - most} more" if len(codes) > most else ""
    return ", ".join(codes[:most]) + more
