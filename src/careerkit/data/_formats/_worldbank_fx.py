"""The World Bank's official exchange rate, by currency: ``fx-world-bank``.

The World Bank publishes indicator PA.NUS.FCRF, "Official exchange rate (LCU per US$,
period average)", per economy and year, in the layouts of
:mod:`~careerkit.data._formats._worldbank` (WDI CSV, WDI zip, DataBank CSV). careerkit
converts currencies, not economies, so each figure is put under the currency it is in,
by one rule:

1. **An economy's currency in a year** is its legal tender throughout that year, by
   CLDR's territory data (through babel): the one tender currency whose ISO 4217 code
   begins with the economy's ISO 3166 alpha-2 code (BTN for Bhutan, where INR is tender
   too), else its only tender currency (XOF for Senegal, EUR for France from 1999). A
   year in which that is not one currency (a redenomination: Ghana's GHC and GHS in
   2007) gives nothing.
2. **Only the economy's present currency.** The World Bank expresses an economy's whole
   series in its latest local currency unit (Ghana's 1990 figure is in today's cedis),
   so a year counts only where the economy's currency that year is its currency in the
   last year the file has a figure for: Germany's figures before 2003 (the mark was
   tender until February 2002) and Ghana's before 2008 give nothing.
3. **One figure per currency and year.** Where several economies have a currency (the
   euro area, the CFA franc zones, the Eastern Caribbean dollar), their figures must
   agree within 0.01 %; where they do not, the figure a strict majority of them agree
   on is taken (Benin's XOF figures for 2020 to 2023 differ from the other seven
   WAEMU members'), and with no strict majority, the currency has no figure that year.
   Of figures that agree, the issuing economy's is taken (the one whose alpha-2 code
   begins the currency's code), else the first economy's by its World Bank code.
4. **Currencies careerkit converts**: ISO 4217 codes in use (pycountry's list), other
   than USD (1 per US dollar by definition). Aggregates (``WLD``, ``EMU``, ...) are
   not economies and are not read.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from decimal import Decimal

from careerkit.data._checks import _currency_codes, alpha2, checked_value
from careerkit.data._formats._file import _Figure, _File, _Reading
from careerkit.data._gate import RefusedError

AGREEMENT = Decimal("0.0001")
"""Economies' figures for one currency and year agree within this share of the first (0.01 %)."""


@functools.cache
def economy_currency(country: str, year: int) -> str | None:
    """The currency of economy *country* (ISO 3166 alpha-2) throughout *year*, by rule 1."""
    from babel.numbers import get_territory_currencies

    tender = get_territory_currencies(
        country, start_date=dt.date(year, 1, 1), end_date=dt.date(year, 12, 31), tender=True
    )
    own = [code for code in tender if code[:2] == country]
    if len(own) == 1:
        return str(own[0])
    if not own and len(tender) == 1:
        return str(tender[0])
    return None


def by_currency(
    reading: _Reading, file: _File
) -> tuple[list[_Figure], dict[tuple[str, int], tuple[str, ...]]]:
    """*reading*'s figures (keyed by the World Bank's economy codes) as one per currency and
    year, by the module's rule; and the economies each figure stands for (their World Bank
    codes, the one taken first)."""
    economies: dict[str, list[_Figure]] = {}
    for figure in reading.figures:
        economies.setdefault(figure.key, []).append(figure)
    candidates: dict[tuple[str, int], list[tuple[str, Decimal, _Figure]]] = {}
    for code, figures in economies.items():
        country = alpha2(code)
        valued = [figure for figure in figures if figure.text is not None]
        if country is None or not valued:
            continue
        last = max(_year(figure) for figure in valued)
        present = economy_currency(country, last)
        if present is None or present == "USD" or present not in _currency_codes():
            continue
        for figure in valued:
            year = _year(figure)
            if economy_currency(country, year) != present:
                continue
            try:
                value = checked_value("fx-world-bank", str(figure.text))
            except RefusedError as error:
                raise file.error(
                    f"{code} {year}: found {figure.text!r}; {error}", figure.line, figure.column
                ) from None
            candidates.setdefault((present, year), []).append((code, value, figure))
    chosen: list[_Figure] = []
    named: dict[tuple[str, int], tuple[str, ...]] = {}
    for (currency, year), found in sorted(candidates.items()):
        picked = _agreed(currency, sorted(found, key=lambda item: item[0]))
        if picked is None:
            continue
        figure = picked[0][2]
        chosen.append(_Figure(currency, year, figure.text, figure.line, figure.column))
        named[currency, year] = tuple(code for code, _, _ in picked)
    return chosen, named


def _year(figure: _Figure) -> int:
    """The year of a World Bank figure (annual: never a month)."""
    assert isinstance(figure.date, int)
    return figure.date


def _agreed(
    currency: str, found: Sequence[tuple[str, Decimal, _Figure]]
) -> list[tuple[str, Decimal, _Figure]] | None:
    """The figures a strict majority agree with (the issuing economy's first), or ``None``."""
    best: list[tuple[str, Decimal, _Figure]] = []
    for _, value, _ in found:
        group = [item for item in found if abs(item[1] - value) <= abs(value) * AGREEMENT]
        if len(group) > len(best):
            best = group
    if 2 * len(best) <= len(found):
        return None
    issuer = [item for item in best if alpha2(item[0]) == currency[:2]]
    return issuer + [item for item in best if item not in issuer]
