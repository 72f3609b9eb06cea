"""ISO 4217 currency and ISO 3166 region codes, backed by pycountry.

pycountry is imported on first use, not when careerkit is imported, and each
code list is built once.
"""

from __future__ import annotations

import difflib
import functools

from careerkit.errors import UnknownCurrencyError, ValidationError


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
    close = difflib.get_close_matches(value.upper(), sorted(choices), n=3, cutoff=0.6)
    return "; did you mean " + " or ".join(repr(c) for c in close) + "?" if close else ""


@functools.cache
def _with_series() -> frozenset[str]:
    # Codes careerkit has exchange rates for are ISO 4217 codes (tests/test_data.py checks),
    # so they pass without loading pycountry's full list.
    from careerkit.data import FX_SERIES

    return frozenset({"USD", *FX_SERIES.values()})


def check_currency(code: str) -> None:
    """Raise :class:`UnknownCurrencyError` unless *code* is an ISO 4217 code in use."""
    if isinstance(code, str) and code in _with_series():
        return
    if not isinstance(code, str) or code not in currency_codes():
        raise UnknownCurrencyError(
            f"unknown currency {code!r}: expected an ISO 4217 code in upper case, "
            f"such as 'INR' or 'USD'{_nearest(str(code), currency_codes())}"
        )


def check_region(code: str) -> None:
    """Raise :class:`ValidationError` unless *code* is an ISO 3166-1 or 3166-2 code."""
    if isinstance(code, str):
        known = subdivision_codes() if "-" in code else country_codes()
        if code in known:
            return
    else:
        known = country_codes()
    raise ValidationError(
        f"unknown region {code!r}: expected an ISO 3166-1 alpha-2 country code such as "
        f"'IN' or 'US', or an ISO 3166-2 subdivision code such as 'IN-WB'"
        f"{_nearest(str(code), known)}"
    )
