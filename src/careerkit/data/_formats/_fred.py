"""FRED CSV, the St. Louis Fed's downloads: for ``cpi``, ``fx-monthly`` and ``fx-annual``.

``cpi`` (key ``"US"``)
    *FRED CSV* of CPIAUCNS (CPI-U, not seasonally adjusted: the same series as
    BLS's CUUR0000SA0), from https://fred.stlouisfed.org/series/CPIAUCNS; FRED
    prints three decimals (``9.800``)::

        observation_date,CPIAUCNS
        1913-01-01,9.800
        2008-05-01,216.632

    Older FRED files name the date column ``DATE`` (and printed one decimal
    before 2007: ``1947-01-01,21.5``). A month with no value is ``.`` or an
    empty field (2025-10: BLS collected no prices in October 2025). A file of
    CPIAUCSL, the seasonally adjusted index, is refused.

``fx-monthly`` (keys: ISO 4217 codes)
    *FRED CSV* of the Fed's monthly averages (H.10 and G.5 releases), one or
    more series side by side, each column named by its FRED id
    (:data:`FRED_FX`: EXINUS for INR, EXUSUK for GBP, ...); dates are the first
    of a month; a series may start later than another (blank until it does)::

        observation_date,EXINUS
        2008-05-01,42.0019

    The daily rates (DEXINUS, ...) and series careerkit does not use (EXVZUS,
    Venezuela) are refused.

``fx-annual`` (keys: ISO 4217 codes)
    *FRED CSV* of the Fed's annual averages (G.5A release): the monthly ids
    prefixed ``A`` (AEXINUS, AEXUSUK, ...), dated the first of January::

        observation_date,AEXINUS
        2008-01-01,43.3859

    FRED's ``AEXUSUK`` (US dollars per pound) is G.5A's pound: careerkit ships
    it for 1971 to 2019 (``fx-g5a-gbp-annual.csv``, a FRED download, ``DATE``
    style) and reads newer ones the same way.

The rates the Federal Reserve quotes in US dollars per unit (``EXUS..``: AUD, EUR,
GBP, NZD) are inverted to units per US dollar (:data:`~careerkit.data.FED_USD_PER_UNIT`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from careerkit.data._formats._file import _date, _Figure, _File, _Reading, _rows
from careerkit.data._formats._layouts import _accepted
from careerkit.data._series import FED_USD_PER_UNIT, SERIES
from careerkit.errors import shown

FRED_FX: Mapping[str, str] = MappingProxyType({
    "EXUSAL": "AUD", "EXBZUS": "BRL", "EXCAUS": "CAD", "EXCHUS": "CNY", "EXDNUS": "DKK",
    "EXUSEU": "EUR", "EXHKUS": "HKD", "EXINUS": "INR", "EXJPUS": "JPY", "EXMAUS": "MYR",
    "EXMXUS": "MXN", "EXUSNZ": "NZD", "EXNOUS": "NOK", "EXSIUS": "SGD", "EXSFUS": "ZAR",
    "EXKOUS": "KRW", "EXSLUS": "LKR", "EXSDUS": "SEK", "EXSZUS": "CHF", "EXTAUS": "TWD",
    "EXTHUS": "THB", "EXUSUK": "GBP",
})  # fmt: skip
"""FRED's ids of the Fed's monthly average rates (H.10/G.5), with the ISO 4217 code of each.

Prefixed ``A`` (``AEXINUS``), the id is that of the annual average (G.5A). The
``EXUS..`` series are US dollars per unit; the others, units per US dollar.
"""

_VIA_FRED = ", via FRED (Federal Reserve Bank of St. Louis)"


def _read_fred(kind: str, file: _File) -> _Reading:
    rows = _rows(file)
    _, header = next(rows)
    ids = header[1:]
    if not ids:
        raise file.error(f"no series column after {shown(header[0])}. {_accepted(kind)}", 1)
    if len(set(ids)) < len(ids):
        raise file.error(f"a series column appears twice in {shown(','.join(header))}", 1)
    keys = [_fred_key(kind, file, column) for column in ids]
    monthly = kind != "fx-annual"
    figures: list[_Figure] = []
    for line, row in rows:
        if len(row) != len(header):
            raise file.error(
                f"{len(row)} fields, {shown(','.join(row))}; the header has {len(header)}", line
            )
        date = _date(file, line, row[0], monthly=monthly)
        for key, id, cell in zip(keys, ids, row[1:], strict=True):
            figures.append(_Figure(key, date, None if cell in ("", ".") else cell, line, id))
    return _Reading(
        figures=figures,
        series=tuple(ids),
        publisher=SERIES[kind].source + _VIA_FRED,
        no_value="'.' or an empty field",
        inverted=frozenset(keys) & FED_USD_PER_UNIT,
    )


def _fred_key(kind: str, file: _File, column: str) -> str:
    """The key of FRED series *column* in a file of *kind*; an error saying why it is not one."""
    accepted = {
        "cpi": {"CPIAUCNS": "US"},
        "fx-monthly": dict(FRED_FX),
        "fx-annual": {"A" + id: code for id, code in FRED_FX.items()},
    }[kind]
    if column in accepted:
        return accepted[column]
    if column == "CPIAUCSL":
        raise file.error(
            "CPIAUCSL is the seasonally adjusted CPI-U; careerkit uses CPIAUCNS, not seasonally "
            "adjusted (the same series as BLS's CUUR0000SA0): "
            "https://fred.stlouisfed.org/series/CPIAUCNS",
            1,
        )
    if column in FRED_FX:
        hint = f"{column} is a monthly average (H.10/G.5): give the file as fx-monthly"
    elif column[:1] == "A" and column[1:] in FRED_FX:
        hint = f"{column} is an annual average (G.5A): give the file as fx-annual"
    elif column[:1] == "D" and column[1:] in FRED_FX:
        average = "A" + column[1:] if kind == "fx-annual" else column[1:]
        hint = (
            f"{column} is the daily rate (H.10); careerkit uses the Fed's "
            f"{'annual' if kind == 'fx-annual' else 'monthly'} averages ({average})"
        )
    elif column == "CPIAUCNS":
        hint = "CPIAUCNS is the CPI-U: give the file as cpi"
    elif column == "CPIAUCNSA" and kind == "cpi":
        hint = (
            "'CPIAUCNSA' is not a FRED series (earlier careerkit documents misnamed it); FRED's "
            "CPI-U, not seasonally adjusted, is CPIAUCNS: https://fred.stlouisfed.org/series/CPIAUCNS"
        )
    else:
        hint = f"{shown(column)} is not a series careerkit reads as {kind}"
    names = ", ".join(f"{id} ({code})" for id, code in accepted.items())
    raise file.error(f"{hint}; expected {names}", 1)
