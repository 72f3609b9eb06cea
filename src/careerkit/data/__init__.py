"""The public statistical series careerkit uses, and which vintage of each is in use.

Each loader returns read-only mappings of exact :class:`~decimal.Decimal`
values keyed by date. Nothing is read at import; a loader parses its file on its
first call (under a lock, so threads share one parse) and caches the result.
This package knows nothing about careers or pay: it reads the series, names
their official sources (see ``README.md`` beside this file), and keeps the
user's newer official files.

**The data in use** is the snapshot shipped in the package with any updates the
user installed laid over it (``careerkit data update KIND FILE``, or
:func:`update`): at each date, the newest installed file that has a value
supplies it, and the snapshot supplies the rest. Updates live in a user data
directory, never in the installed package: :func:`directory` says which (the
``CAREERKIT_DATA_DIR`` environment variable, else the platform's user data
directory, found by platformdirs), and :func:`use` chooses another for one
process. :func:`source_of` names the file each value came from, so that
provenance cites the data actually used; :func:`status` describes every series.

>>> from careerkit import data
>>> data.us_cpi()[(2008, 5)]
Decimal('216.632')
>>> data.gap("cpi", "US", (2025, 10))
'not collected by BLS: the lapse in federal appropriations (1 October to 12 November 2025) stopped price collection, and BLS published no index for October 2025'
"""

from __future__ import annotations

import csv
import decimal
import functools
import os
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import attrs

from careerkit._once import once
from careerkit.errors import ValidationError, shown, wrong_type

if TYPE_CHECKING:
    from careerkit.data._status import ReleaseStatus, SeriesStatus
    from careerkit.data._store import Installed

__all__ = [
    "FED_USD_PER_UNIT",
    "FX_SERIES",
    "KINDS",
    "KNOWN_GAPS",
    "POUND_G5A",
    "SERIES",
    "DataFile",
    "InstalledRelease",
    "ReleaseStatus",
    "SeriesInfo",
    "SeriesStatus",
    "catalogue_folder",
    "directory",
    "fx_monthly",
    "fx_yearly",
    "gap",
    "inflation_rates",
    "label",
    "oews_releases",
    "ppp_factors",
    "reset",
    "source_of",
    "status",
    "update",
    "updates",
    "us_cpi",
    "use",
    "values",
]

T = TypeVar("T")

Month = tuple[int, int]
"""A month as ``(year, month)``: the date of a monthly series' value."""
Date = Month | int
"""The date of a value: a :data:`Month`, or a year for an annual series."""
Values = Mapping[str, Mapping[Any, Decimal]]
"""A series' values: ``{key: {date: value}}`` (key: currency, country or ``"US"``)."""

ENVIRONMENT = "CAREERKIT_DATA_DIR"
"""The environment variable naming the user data directory, over the platform's default."""


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
            name="Occupational Employment and Wage Statistics (OEWS), national and state",
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
series (see ``careerkit.pay._rates``) until a newer file is installed.
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


# --- the files the values come from ---------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class DataFile:
    """A file whose values careerkit uses: the snapshot shipped in the package, or a user's update.

    Provenance steps carry the :class:`DataFile` of every value they used, so a
    result computed from an update cites that file, by name and sha256, and the
    publisher it came from.
    """

    kind: str
    """The series the file holds, by its name in careerkit (``cpi``, ``fx-monthly``, ...)."""
    name: str
    """The file's name: the shipped snapshot's, or the name of the file the user installed."""
    sha256: str
    """The sha256 of that file, as read (hex)."""
    publisher: str
    """Who published the figures in it (the official source)."""
    format: str
    """The layout careerkit read it as (``FRED CSV``, ``World Bank WDI CSV``, ...)."""
    shipped: bool
    """``True`` for the snapshot in the package, ``False`` for a user's update."""
    retrieved: str | None = None
    """When the file was taken from the publisher, where known."""
    installed: str | None = None
    """When ``careerkit data update`` installed it (UTC, ISO 8601); ``None`` if shipped."""
    published: str | None = None
    """The date the publisher stamped on the file, where it carries one."""

    def __repr__(self) -> str:
        return f"<DataFile {self.kind!r}: {self.describe()}>"

    def describe(self) -> str:
        """One line for people: which file, and how to check it is the same one."""
        if self.shipped:
            return f"careerkit's shipped snapshot {self.name}"
        when = f", installed {self.installed[:10]}" if self.installed else ""
        return f"your update {self.name} (sha256 {self.sha256[:16]}…{when})"


@functools.cache
def _shipped_file(kind: str, key: str | None = None) -> DataFile:
    """The shipped file of *kind* (for *key*: the supplement that supplies it, if any)."""
    supplement = _SUPPLEMENTS.get((kind, key or ""))
    info = SERIES[kind] if supplement is None else supplement
    assert info.sha256 is not None  # every numeric series records its file's
    return DataFile(
        kind=kind,
        name=info.file,
        sha256=info.sha256,
        publisher=info.source,
        format="careerkit snapshot" if supplement is None else "FRED CSV",
        shipped=True,
        retrieved=info.retrieved.split(" ")[0],
    )


def _shipped_files(kind: str) -> tuple[DataFile, ...]:
    """Every shipped file of *kind*: its snapshot, then the supplements beside it."""
    extra = (key for other, key in _SUPPLEMENTS if other == kind)
    return (_shipped_file(kind), *(_shipped_file(kind, key) for key in extra))


# --- the shipped snapshots --------------------------------------------------------------------


def _text(kind: str, file: str | None = None) -> str:
    # The files sit beside this module in every install (wheel or editable).
    return Path(__file__).with_name(file or SERIES[kind].file).read_text(encoding="utf-8")


def _plain_rows(kind: str) -> list[list[str]]:
    """The rows of a file whose fields hold no commas (the FX and CPI files), header dropped."""
    return [line.split(",") for line in _text(kind).splitlines()[1:] if line]


def _quoted_rows(kind: str) -> list[list[str]]:
    """The rows of a file with quoted fields ("Bahamas, The"), header dropped."""
    return list(csv.reader(_text(kind).splitlines()))[1:]


def _month(date: str) -> Month:
    return int(date[:4]), int(date[5:7])


def _freeze(nested: Mapping[str, Mapping[T, Decimal]]) -> Mapping[str, Mapping[T, Decimal]]:
    return MappingProxyType({key: MappingProxyType(dict(value)) for key, value in nested.items()})


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
                # From the first line naming the series to the last: the file keeps each
                # series' rows together, so this reads one series, not the whole file.
                text, marker = self._text, f",{name},"
                start = text.rfind("\n", 0, text.find(marker)) + 1
                end = text.find("\n", text.rfind(marker))
                found = MappingProxyType(
                    {
                        (int(date[:4]), int(date[5:7])): Decimal(rate)
                        for date, country, rate in (
                            line.split(",") for line in text[start:end].splitlines()
                        )
                        if country == name
                    }
                )
                self._parsed[code] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def _shipped_fx_annual() -> Values:
    table: dict[str, dict[int, Decimal]] = {}
    for date, country, rate in _plain_rows("fx-annual"):
        code = FX_SERIES.get(country)
        if code is not None:
            table.setdefault(code, {})[int(date[:4])] = Decimal(rate)
    # The pound, from FRED's AEXUSUK (US dollars per pound): inverted as updates are.
    inverse = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)
    for line in _text("fx-annual", POUND_G5A.file).splitlines()[1:]:
        date, dollars = line.split(",")
        table.setdefault("GBP", {})[int(date[:4])] = inverse.divide(1, Decimal(dollars))
    return _freeze(table)


def _shipped_cpi() -> Values:
    return _freeze({"US": {_month(date): Decimal(index) for date, index, _ in _plain_rows("cpi")}})


def _shipped_by_year(kind: str) -> Values:
    """The World Bank files: ``name, code, year, value``, a blank value for no figure."""
    table: dict[str, dict[int, Decimal]] = {}
    for _, code, year, value in _quoted_rows(kind):
        if value.strip():
            table.setdefault(code, {})[int(year)] = Decimal(value)
    return _freeze({code: dict(sorted(values.items())) for code, values in table.items()})


_SHIPPED: Mapping[str, Callable[[], Values]] = {
    "cpi": _shipped_cpi,
    "fx-monthly": _MonthlyRates,
    "fx-annual": _shipped_fx_annual,
    "inflation": functools.partial(_shipped_by_year, "inflation"),
    "ppp": functools.partial(_shipped_by_year, "ppp"),
}
# Each shipped file is parsed once per process, whatever data directory is in use.
_SHIPPED_ONCE = {kind: once(load) for kind, load in _SHIPPED.items()}


# --- the data in use: the snapshot with the user's updates laid over it -------------------------


class Layer(NamedTuple):
    """An installed update: its file, its values, and the ``(key, date)`` it marks as missing."""

    file: DataFile
    values: Values
    missing: frozenset[tuple[str, str]] = frozenset()


class _Layered(Mapping[str, Mapping[Any, Decimal]]):
    """The shipped values with each update's laid over them in order, merged per key on first use."""

    def __init__(self, shipped: Values, updates: Sequence[Layer]) -> None:
        self._shipped = shipped
        self._updates = updates
        self._keys = dict.fromkeys([*shipped, *(key for layer in updates for key in layer.values)])
        self._merged: dict[str, Mapping[Any, Decimal]] = {}
        self._origins: dict[str, dict[Any, DataFile]] = {}
        self._lock = threading.Lock()

    def __getitem__(self, key: str) -> Mapping[Any, Decimal]:
        found = self._merged.get(key)
        if found is None:
            if key not in self._keys:
                raise KeyError(key)
            with self._lock:
                merged = dict(self._shipped.get(key, {}))
                origins: dict[Any, DataFile] = {}
                for file, values, _ in self._updates:
                    for date, value in values.get(key, {}).items():
                        merged[date] = value
                        origins[date] = file
                self._origins[key] = origins
                found = self._merged[key] = MappingProxyType(dict(sorted(merged.items())))
        return found

    def file_of(self, key: str, date: Date) -> DataFile | None:
        """The update that supplied *key* at *date*, or ``None`` where the snapshot did."""
        self[key]
        return self._origins[key].get(date)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


class _InUse(NamedTuple):
    """One kind's data in use: its values and the updates laid over the snapshot."""

    values: Values
    updates: tuple[DataFile, ...]
    marked: Mapping[tuple[str, str], DataFile] = MappingProxyType({})
    """``(key, date)`` the updates mark as having no value, with the newest file marking it."""


def _installed_in(kind: str) -> Path | None:
    """The user data directory, if it holds a manifest of *kind* (the usual case: it does not,
    and the installer is not imported)."""
    where = directory()
    return where if (where / kind / "manifest.json").exists() else None


def _load(kind: str) -> _InUse:
    shipped = _SHIPPED_ONCE[kind]()
    where = _installed_in(kind)
    if where is None:
        return _InUse(shipped, ())
    from careerkit.data._store import installed

    layers = installed(kind, where)
    if not layers:
        return _InUse(shipped, ())
    marked = {point: layer.file for layer in layers for point in layer.missing}
    return _InUse(_Layered(shipped, layers), tuple(layer.file for layer in layers), marked)


_IN_USE = {kind: once(functools.partial(_load, kind)) for kind in _SHIPPED}


def fx_monthly() -> Mapping[str, Mapping[Month, Decimal]]:
    """Monthly average rates: ``{ISO code: {(year, month): units per 1 USD}}``."""
    return _IN_USE["fx-monthly"]().values


def fx_yearly() -> Mapping[str, Mapping[int, Decimal]]:
    """The Fed's G.5A annual averages: ``{ISO code: {year: units per 1 USD}}``.

    Only the Fed's own figures (the pound's from ``POUND_G5A``, 1971 to 2019):
    where G.5A has none in the data in use (LKR; GBP from 2020; a year it lacks),
    the pay engine computes one from the monthly series, as the Fed does.
    """
    return _IN_USE["fx-annual"]().values


def us_cpi() -> Mapping[Month, Decimal]:
    """US CPI-U index values: ``{(year, month): index, 1982-84 = 100}``."""
    return _IN_USE["cpi"]().values["US"]


def inflation_rates() -> Mapping[str, Mapping[int, Decimal]]:
    """Annual consumer-price inflation: ``{ISO 3166 alpha-3 or WB area code: {year: %}}``.

    Rates, not an index: chain ``1 + rate / 100`` across years to move a price
    from one year to another. Years the World Bank has no figure for are absent.
    """
    return _IN_USE["inflation"]().values


def ppp_factors() -> Mapping[str, Mapping[int, Decimal]]:
    """PPP conversion factors: ``{ISO 3166 alpha-2: {year: local units per international $}}``."""
    return _IN_USE["ppp"]().values


def values(kind: str) -> Values:
    """The values in use of series *kind* (one of the numeric :data:`KINDS`), by key and date."""
    return _in_use(kind).values


def check_kind(kind: object, *, field: str = "kind", kinds: Sequence[str] = KINDS) -> str:
    """*kind*, if it is one of *kinds* (the series ``careerkit data`` knows); else the error."""
    if not isinstance(kind, str) or kind not in kinds:
        raise ValidationError(
            f"unknown series {shown(kind)}: expected one of {', '.join(kinds)}", field=field
        )
    return kind


def _in_use(kind: str) -> _InUse:
    return _IN_USE[check_kind(kind, kinds=tuple(_IN_USE))]()


def updates(kind: str) -> tuple[DataFile, ...]:
    """The user's updates in use for series *kind*, oldest first (empty: the snapshot alone)."""
    if kind == "oews":
        return tuple(file for release in oews_releases() for file in release.files)
    return _in_use(kind).updates


def source_of(kind: str, key: str, date: Date) -> DataFile:
    """The file the value of series *kind* for *key* at *date* comes from.

    >>> source_of("cpi", "US", (2008, 5)).name
    'us-cpi-u-monthly.csv'
    """
    found = _in_use(kind)
    if isinstance(found.values, _Layered):  # some update is installed
        update = found.values.file_of(key, date)
        if update is not None:
            return update
    return _shipped_file(kind, key if (kind, key) in _SUPPLEMENTS else None)


def gap(kind: str, key: str, date: Date) -> str | None:
    """Why series *kind* has no value for *key* at *date* inside its span, or ``None``.

    ``None`` where there is a value, or *date* is outside the series' span (a
    date past the end is not a gap: the publisher has not got there yet).
    """
    series = values(kind).get(key)
    if not series or date in series or not min(series) < date < max(series):
        return None
    known = KNOWN_GAPS.get((kind, key, label(date)))
    if known is not None:
        return known
    marking = _in_use(kind).marked.get((key, label(date)))
    if marking is not None:
        return f"marked as having no value in {marking.name}"
    publisher = SERIES[kind].source.split(",")[0]
    return f"not published: {publisher} has no figure for it"


def catalogue_folder() -> Path | None:
    """The folder of the newest OEWS release the user installed, or ``None`` if none is.

    The catalogue stacks every installed release over the shipped one (see
    :func:`oews_releases`); this names the one installed last.
    """
    found = oews_releases()
    return found[-1].folder if found else None


class InstalledRelease:
    """An OEWS release installed in the user data directory, its files read and checked.

    The store knows nothing of careers: it keeps each release's files as
    ``careerkit data update oews`` wrote them (``release.json``, ``occupations.tsv``,
    ``oews.bin``), checks them against the sha256 its manifest records, and hands
    their bytes to the catalogue, which reads them. A process holds the bytes, so
    another process may remove the folder (``careerkit data reset oews``) without
    pulling the floor from under it.
    """

    __slots__ = ("areas", "contents", "files", "folder", "name", "occupations", "reference_date")

    def __init__(
        self,
        *,
        folder: Path,
        name: str,
        reference_date: str,
        areas: tuple[str, ...],
        occupations: int,
        files: tuple[DataFile, ...],
        contents: Mapping[str, bytes],
    ) -> None:
        self.folder = folder
        """The release's folder in the user data directory."""
        self.name = name
        """The release as careerkit names it (``"OEWS May 2024 (installed ...)"``)."""
        self.reference_date = reference_date
        """The month its estimates refer to, ``"2024-05"``."""
        self.areas = areas
        """The regions it has figures for (``("US",)`` for a national table)."""
        self.occupations = occupations
        """How many detailed occupations it has figures for."""
        self.files = files
        """The publisher's files it was read from."""
        self.contents = contents
        """``{file name: bytes}`` of the release's own files, as checked."""

    def __repr__(self) -> str:
        return f"<InstalledRelease {self.reference_date} {self.folder.name}>"

    def damaged(self, name: str, why: str) -> Exception:
        """The error for file *name* of this release when it cannot be read (for the reader)."""
        from careerkit.data._store import _damaged

        return _damaged(self.folder / name, why, "oews")


def oews_releases() -> tuple[InstalledRelease, ...]:
    """The OEWS releases installed in the user data directory, in the order they were installed.

    Read once per process (and again when the data in use changes): each
    release's files are read whole and checked against the manifest, so that a
    release another process removes meanwhile stays readable here. A damaged
    folder raises :class:`~careerkit.errors.DataFormatError` naming the file and
    ``careerkit data reset oews``.
    """
    return _OEWS_ONCE()


def _load_oews() -> tuple[InstalledRelease, ...]:
    where = _installed_in("oews")
    if where is None:
        return ()
    from careerkit.data._store import oews_releases as read

    return read(where)


_OEWS_ONCE = once(_load_oews)


# --- where updates live, and which are in use ------------------------------------------------

_CHOSEN: list[Path | None] = [None]  # what use() chose; its last item is in force
_CALLBACKS: list[tuple[Callable[[], None], frozenset[str]]] = []


def directory() -> Path:
    """The user data directory: where ``careerkit data update`` installs files, and this process reads them.

    :func:`use`'s directory where one is in force; else ``$CAREERKIT_DATA_DIR``;
    else the platform's user data directory for careerkit (platformdirs:
    ``~/.local/share/careerkit`` on Linux). It need not exist: then no update is
    installed, and the shipped snapshot is in use.
    """
    chosen = _CHOSEN[-1]
    if chosen is not None:
        return chosen
    given = os.environ.get(ENVIRONMENT)
    if given:
        return Path(given).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("careerkit", appauthor=False))


class use:  # noqa: N801 - a function to callers; a class so that it can also be a context manager
    """Use the updates installed in *directory* in this process, from now on.

    The cached series and every cached conversion factor are dropped, so the
    next conversion reads the data in *directory* (an empty folder means the
    shipped snapshot alone). As a context manager it restores the previous
    choice on exit::

        with careerkit.data.use("/srv/careerkit-data"):
            ...
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        path = _folder_argument(directory)
        if path is None:
            raise wrong_type("a folder path", directory, "directory")
        if not _is_folder(path):
            raise ValidationError(
                f"{shown(str(directory))} is not a folder: pass a folder holding careerkit data "
                "updates (an empty one for the shipped snapshot alone); 'careerkit data update' "
                "creates it",
                field="directory",
            )
        self.folder = path
        _CHOSEN.append(path)
        _changed()

    def __enter__(self) -> use:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if len(_CHOSEN) > 1 and _CHOSEN[-1] is self.folder:
            _CHOSEN.pop()
        else:  # a later use() without a with-block is still in force: undo only this one
            for index in range(len(_CHOSEN) - 1, 0, -1):
                if _CHOSEN[index] is self.folder:
                    del _CHOSEN[index]
                    break
        _changed()


def on_change(callback: Callable[[], None], kinds: Sequence[str] = KINDS) -> None:
    """Call *callback* whenever the data in use of any of *kinds* changes (to drop caches)."""
    _CALLBACKS.append((callback, frozenset(kinds)))


def _changed(kinds: Sequence[str] = KINDS) -> None:
    """The data in use of *kinds* may have changed: forget it, and everything made from it."""
    for kind in kinds:
        if kind in _IN_USE:
            _IN_USE[kind].cache_clear()
    if "oews" in kinds:
        _OEWS_ONCE.cache_clear()
    for callback, concerned in _CALLBACKS:
        if concerned.intersection(kinds):
            callback()


# --- status, update, reset (their modules are imported on first use) ------------------------------


def status(*kinds: str) -> tuple[SeriesStatus, ...]:
    """Each series careerkit uses (or those of *kinds*): source, licence, span, last point,
    gaps, files and vintage.

    >>> [series.kind for series in status()]
    ['cpi', 'fx-monthly', 'fx-annual', 'inflation', 'ppp', 'oews']
    """
    from careerkit.data._status import status as _status

    return _status(tuple(check_kind(kind, field="kinds") for kind in kinds) or KINDS)


def update(
    kind: str,
    *files: str | os.PathLike[str],
    accept_revisions: bool = False,
    directory: str | os.PathLike[str] | None = None,
    reference_date: str | None = None,
) -> Installed:
    """Install official files for series *kind* into the user data directory (or *directory*).

    Each file is read in a publisher's format (``docs/howto/update-data.md`` lists
    them), checked (columns, dates in order, finite positive values, agreement with
    the data in use where they overlap: values further apart than the stated
    tolerance are revisions, refused with :class:`~careerkit.errors.DataRevisionError`
    unless *accept_revisions*), then written atomically: a process killed midway
    leaves the previous data in use and intact. *reference_date* (``"2026-05"``)
    dates an OEWS release whose file names do not say its year. An OEWS release is
    added beside the releases in use, never in their place (a release of another
    date adds history; the newest date is the latest). *directory* must be a path
    (:class:`~careerkit.WrongTypeError` otherwise).
    """
    from careerkit.data._store import update as _update

    result = _update(
        kind,
        files,
        accept_revisions=accept_revisions,
        folder=_folder_argument(directory),
        reference_date=reference_date,
    )
    _changed((kind,))
    return result


def reset(*kinds: str, directory: str | os.PathLike[str] | None = None) -> tuple[str, ...]:
    """Remove the user's updates of *kinds* (all kinds if none given); returns the kinds reset.

    The shipped snapshot is in use again for them.
    """
    from careerkit.data._store import reset as _reset

    result = _reset(kinds, folder=_folder_argument(directory))
    _changed(result)
    return result


def _folder_argument(directory: object) -> Path | None:
    """*directory* (``directory=`` of :func:`update` and :func:`reset`) as a path, checked."""
    if directory is None:
        return None
    path = os.fspath(directory) if isinstance(directory, os.PathLike) else directory
    if not isinstance(path, str):
        raise wrong_type("a folder path", directory, "directory")
    if not path.strip() or "\0" in path:
        raise ValidationError(
            f"{shown(path)} is not a folder path: pass the folder careerkit keeps its data in",
            field="directory",
        )
    return Path(path).expanduser()


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long for the file system, say: not a folder one can use
        return False


def __getattr__(name: str) -> Any:
    if name in ("SeriesStatus", "ReleaseStatus"):
        from careerkit.data import _status

        return getattr(_status, name)
    if name == "Installed":
        from careerkit.data._store import Installed

        return Installed
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
