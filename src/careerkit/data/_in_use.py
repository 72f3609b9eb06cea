"""The data in use: the shipped snapshot with the user's updates laid over it.

At each date, the newest installed update that has a value supplies it, and the
snapshot supplies the rest; :func:`source_of` names the file each value came from,
and :func:`gap` why a value is missing. Each kind's data in use is read once per
process (the installed updates only where a manifest is there to read) and read
again when it changes (``careerkit.data.use``, ``update``, ``reset``). The OEWS
releases installed are handed to the catalogue as they are (:func:`oews_releases`).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from careerkit._once import once
from careerkit.data._directory import _installed_in
from careerkit.data._files import DataFile, _shipped_file
from careerkit.data._series import (
    _SUPPLEMENTS,
    KNOWN_GAPS,
    SERIES,
    Date,
    Month,
    Values,
    check_kind,
    label,
)
from careerkit.data._shipped import _SHIPPED, _SHIPPED_ONCE

if TYPE_CHECKING:
    from pathlib import Path

    from careerkit.data._files import InstalledRelease
    from careerkit.data._layers import Layer


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


def _load(kind: str) -> _InUse:
    shipped = _SHIPPED_ONCE[kind]()
    where = _installed_in(kind)
    if where is None:
        return _InUse(shipped, ())
    from careerkit.data._layers import installed

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


FX_KINDS: tuple[str, ...] = (
    "fx-monthly",
    "fx-annual",
    "fx-ecb-monthly",
    "fx-ecb-annual",
    "fx-world-bank",
)
"""The exchange-rate series, in the order a conversion looks for a currency's rate in them."""


def currencies() -> Mapping[str, tuple[str, ...]]:
    """Every currency careerkit converts, with the series that have rates for it, in order of use.

    ``{ISO 4217 code: (kind, ...)}``, sorted by code, from the data in use: the Federal
    Reserve's (``fx-monthly``, ``fx-annual``) first, then the ECB's reference rates
    (``fx-ecb-monthly``, ``fx-ecb-annual``), then the World Bank's official exchange rate
    (``fx-world-bank``, annual). ``SERIES[kind]`` names each series' publisher. USD, the
    currency every rate is quoted against, needs none. A currency has a rate only where its
    series have the date: the spans are in ``careerkit data status``.

    >>> from careerkit import data
    >>> data.currencies()["PHP"]
    ('fx-ecb-monthly', 'fx-ecb-annual', 'fx-world-bank')
    >>> data.currencies()["AED"]
    ('fx-world-bank',)
    >>> data.currencies()["INR"][:2], data.SERIES["fx-monthly"].source
    (('fx-monthly', 'fx-annual'), 'Board of Governors of the Federal Reserve System, H.10 and G.5 releases')
    >>> data.currencies()["USD"]
    ()
    """
    found: dict[str, list[str]] = {"USD": []}
    for kind in FX_KINDS:
        for code, series in values(kind).items():
            if series and code != "USD":
                found.setdefault(code, []).append(kind)
    return MappingProxyType({code: tuple(found[code]) for code in sorted(found)})


def values(kind: str) -> Values:
    """The values in use of series *kind* (one of the numeric :data:`KINDS`), by key and date."""
    return _in_use(kind).values


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
    from careerkit.data._releases import oews_releases as read

    return read(where)


_OEWS_ONCE = once(_load_oews)
