"""PPP from the data in use: the factor turning an amount into international dollars.

The World Bank's PPP conversion factors (GDP, local currency units per international
dollar), one series per country. What the factors share (their shape, caching, whose
series a currency uses, and what a missing value says) is :mod:`careerkit.pay._rates`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from careerkit import data
from careerkit.errors import DataNotAvailableError
from careerkit.pay._rates import Factor, as_factor, country_of, why_absent
from careerkit.pay.provenance import PPPStep, cite


def _ppp_series(currency: str, year: int, country: str | None) -> tuple[str, Mapping[int, Decimal]]:
    where = country_of(currency, country, purpose="PPP conversion factor", year=year)
    factors = data.ppp_factors().get(where)
    if factors is None:
        raise DataNotAvailableError(f"no PPP conversion factor series for {where}")
    return where, factors


def latest_ppp(currency: str, year: int, country: str | None) -> int:
    """The latest year with a PPP factor for *currency*'s country (for ``to_ppp(year="latest")``)."""
    return max(_ppp_series(currency, year, country)[1])


@functools.lru_cache(maxsize=4096)
def ppp(
    currency: str, year: int, country: str | None, factor_year: int | None = None
) -> tuple[Factor, PPPStep]:
    """The factor turning an amount in *currency* into international dollars of *year*.

    *factor_year* uses another year's factor, as the caller chose (``to_ppp(year=...)``).
    """
    where, factors = _ppp_series(currency, year, country)
    chosen = year if factor_year is None else factor_year
    factor = factors.get(chosen)
    if factor is None:
        text = why_absent(
            "ppp",
            where,
            chosen,
            factors,
            f"no PPP conversion factor for {where} in {chosen}",
            currency,
        )
        if chosen > max(factors):
            text += (
                f"; or choose the factor of another year explicitly (to_ppp(year={max(factors)}))"
            )
        raise DataNotAvailableError(text)
    file = data.source_of("ppp", where, chosen)
    step = PPPStep(
        country=where,
        year=chosen,
        factor=factor,
        currency=currency,
        **cite("ppp", [file]),
        note=None
        if chosen == year
        else f"the {chosen} factor applied to a figure of {year}, as the caller chose (year=)",
    )
    return as_factor(1 / Fraction(factor)), step


data.on_change(ppp.cache_clear)
