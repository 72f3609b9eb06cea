"""The public statistical series careerkit ships, read once on first use.

Each loader returns read-only mappings of exact :class:`~decimal.Decimal`
values keyed by date. Nothing is read at import; a loader parses its file on its
first call (under a lock, so threads share one parse) and caches the result.
This package knows nothing about careers or pay: it only reads the series and
names their official sources (see ``README.md`` beside this file).
"""

from __future__ import annotations

import csv
import re
import threading
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

import attrs

from careerkit._once import once

__all__ = [
    "FX_SERIES",
    "SERIES",
    "SeriesInfo",
    "fx_monthly",
    "fx_yearly",
    "inflation_rates",
    "ppp_factors",
    "us_cpi",
]

T = TypeVar("T")

Month = tuple[int, int]


@attrs.frozen
class SeriesInfo:
    """What a series is and who publishes it."""

    name: str
    source: str
    file: str
    url: str


SERIES: Mapping[str, SeriesInfo] = MappingProxyType(
    {
        "fx-monthly": SeriesInfo(
            "Foreign exchange rates, monthly averages (H.10 / G.5)",
            "Board of Governors of the Federal Reserve System, H.10 and G.5 releases",
            "fx-usd-monthly.csv",
            "https://www.federalreserve.gov/releases/h10/",
        ),
        "fx-yearly": SeriesInfo(
            "Foreign exchange rates, annual averages (G.5A)",
            "Board of Governors of the Federal Reserve System, G.5A release",
            "fx-usd-yearly.csv",
            "https://www.federalreserve.gov/releases/g5a/",
        ),
        "us-cpi-u": SeriesInfo(
            "CPI-U, all items, U.S. city average, 1982-84=100 (CUUR0000SA0)",
            "U.S. Bureau of Labor Statistics",
            "us-cpi-u-monthly.csv",
            "https://data.bls.gov/timeseries/CUUR0000SA0",
        ),
        "inflation": SeriesInfo(
            "Inflation, consumer prices, annual % (FP.CPI.TOTL.ZG)",
            "World Bank, World Development Indicators",
            "world-inflation-annual.csv",
            "https://data.worldbank.org/indicator/FP.CPI.TOTL.ZG",
        ),
        "ppp": SeriesInfo(
            "PPP conversion factor, GDP, LCU per international $ (PA.NUS.PPP)",
            "World Bank, International Comparison Program (World Development Indicators)",
            "ppp-gdp-annual.csv",
            "https://data.worldbank.org/indicator/PA.NUS.PPP",
        ),
    }
)

# Federal Reserve series name -> ISO 4217 code. Left out: the pre-euro national
# currencies (Austria ... Spain, ending 2001; their codes are no longer in ISO 4217's
# list of codes in use) and Venezuela (one series spanning VEB, VEF and VES, with
# no mark where each redenomination happened).
FX_SERIES: Mapping[str, str] = MappingProxyType(
    {
        "Australia": "AUD",
        "Brazil": "BRL",
        "Canada": "CAD",
        "China": "CNY",
        "Denmark": "DKK",
        "Euro": "EUR",
        "Hong Kong": "HKD",
        "India": "INR",
        "Japan": "JPY",
        "Malaysia": "MYR",
        "Mexico": "MXN",
        "New Zealand": "NZD",
        "Norway": "NOK",
        "Singapore": "SGD",
        "South Africa": "ZAR",
        "South Korea": "KRW",
        "Sri Lanka": "LKR",
        "Sweden": "SEK",
        "Switzerland": "CHF",
        "Taiwan": "TWD",
        "Thailand": "THB",
        "United Kingdom": "GBP",
    }
)


def _text(key: str) -> str:
    # The files sit beside this module in every install (wheel or editable).
    return Path(__file__).with_name(SERIES[key].file).read_text(encoding="utf-8")


def _plain_rows(key: str) -> list[list[str]]:
    """The rows of a file whose fields hold no commas (the FX and CPI files), header dropped."""
    return [line.split(",") for line in _text(key).splitlines()[1:] if line]


def _quoted_rows(key: str) -> list[list[str]]:
    """The rows of a file with quoted fields ("Bahamas, The"), header dropped."""
    return list(csv.reader(_text(key).splitlines()))[1:]


def _month(date: str) -> Month:
    return int(date[:4]), int(date[5:7])


def _freeze(nested: dict[str, dict[T, Decimal]]) -> Mapping[str, Mapping[T, Decimal]]:
    return MappingProxyType({key: MappingProxyType(value) for key, value in nested.items()})


class _MonthlyRates(Mapping[str, Mapping[Month, Decimal]]):
    """``{ISO code: {(year, month): rate}}``, each currency parsed on first access.

    The file holds 35 series; a program converting rupees needs one. Parsing a
    currency's rows when first asked for keeps the first conversion fast.
    """

    def __init__(self) -> None:
        self._text = _text("fx-monthly")
        self._parsed: dict[str, Mapping[Month, Decimal]] = {}
        self._lock = threading.Lock()
        self._names = {code: name for name, code in FX_SERIES.items()}

    def __getitem__(self, code: str) -> Mapping[Month, Decimal]:
        found = self._parsed.get(code)
        if found is None:
            name = self._names[code]  # KeyError for a code without a series, as for a dict
            with self._lock:
                found = self._parsed.get(code)
                if found is not None:  # another thread parsed it while this one waited
                    return found
                rows = re.findall(
                    rf"^(\d{{4}})-(\d\d)-\d\d,{re.escape(name)},(.+)$", self._text, re.M
                )
                found = MappingProxyType(
                    {(int(year), int(month)): Decimal(rate) for year, month, rate in rows}
                )
                self._parsed[code] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


@once
def fx_monthly() -> Mapping[str, Mapping[Month, Decimal]]:
    """Monthly average rates: ``{ISO code: {(year, month): units per 1 USD}}``."""
    return _MonthlyRates()


@once
def fx_yearly() -> Mapping[str, Mapping[int, Decimal]]:
    """Annual average rates: ``{ISO code: {year: units per 1 USD}}``."""
    table: dict[str, dict[int, Decimal]] = {}
    for date, country, rate in _plain_rows("fx-yearly"):
        code = FX_SERIES.get(country)
        if code is not None:
            table.setdefault(code, {})[int(date[:4])] = Decimal(rate)
    return _freeze(table)


@once
def us_cpi() -> Mapping[Month, Decimal]:
    """US CPI-U index values: ``{(year, month): index, 1982-84 = 100}``."""
    return MappingProxyType(
        {_month(date): Decimal(index) for date, index, _ in _plain_rows("us-cpi-u")}
    )


@once
def inflation_rates() -> Mapping[str, Mapping[int, Decimal]]:
    """Annual consumer-price inflation: ``{ISO 3166 alpha-3 or WB area code: {year: %}}``.

    Rates, not an index: chain ``1 + rate / 100`` across years to move a price
    from one year to another. Years the World Bank has no figure for are absent.
    """
    table: dict[str, dict[int, Decimal]] = {}
    for _, code, year, rate in _quoted_rows("inflation"):
        if rate.strip():
            table.setdefault(code, {})[int(year)] = Decimal(rate)
    return _freeze(table)


@once
def ppp_factors() -> Mapping[str, Mapping[int, Decimal]]:
    """PPP conversion factors: ``{ISO 3166 alpha-2: {year: local units per international $}}``."""
    table: dict[str, dict[int, Decimal]] = {}
    for _, code, year, factor in _quoted_rows("ppp"):
        if factor.strip():
            table.setdefault(code, {})[int(year)] = Decimal(factor)
    return _freeze(table)
