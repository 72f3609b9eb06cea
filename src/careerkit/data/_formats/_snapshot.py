"""careerkit snapshot: the layout of the files careerkit ships, read again as updates.

``cpi``: the shipped ``us-cpi-u-monthly.csv`` (the Inflation column is not read)::

    Date,Index,Inflation
    2008-05-01,216.632,0.84

``fx-monthly``: the shipped ``fx-usd-monthly.csv``, in units per US dollar, named by
the Fed's country names (rows of names not in :data:`~careerkit.data.FX_SERIES`, such
as Venezuela or the pre-euro currencies, are skipped)::

    Date,Country,Exchange rate
    2008-05-01,India,42.0019

``fx-annual``: the shipped ``fx-usd-yearly.csv``, as ``fx-monthly``'s::

    Date,Country,Value
    2008-01-01,India,43.3859

``fx-ecb-monthly``, ``fx-ecb-annual`` and ``fx-world-bank``: careerkit's own compact files
(``tools/build_currencies.py``), units of the currency per US dollar, by currency then date
(the World Bank's fourth column, the economies a figure is from, is not read)::

    Month,Currency,ECB cross rate
    2024-12,PHP,58.407560

    Year,Currency,World Bank rate,Economies
    2023,AED,3.6725,ARE

``inflation`` and ``ppp``: the shipped files (rows by country, then year; the years
of a country may be in any order in ``ppp``)::

    Country,Country Code,Year,CPI
    United States,USA,2008,3.839100296651

    Country,Country ID,Year,PPP
    "India",IN,2008,12.5639813417245
"""

from __future__ import annotations

import re

from careerkit.data._formats._file import _date, _Figure, _File, _key, _Reading, _rows, _year
from careerkit.data._formats._layouts import _BLS_SERIES, INDICATORS
from careerkit.data._series import FX_SERIES, SERIES, Date
from careerkit.errors import shown

_OWN = {
    "fx-ecb-monthly": "eurofxref-hist",
    "fx-ecb-annual": "eurofxref-hist",
    "fx-world-bank": "PA.NUS.FCRF",
}
"""The kinds whose shipped file is careerkit's own compact one (``tools/build_currencies.py``),
with the publisher's series it was made from."""


def _read_snapshot(kind: str, file: _File) -> _Reading:
    rows = _rows(file)
    _, header = next(rows)
    figures: list[_Figure] = []
    names: dict[str, None] = {}
    for line, row in rows:
        if len(row) != len(header):
            raise file.error(
                f"{len(row)} fields, {shown(','.join(row))}; expected {len(header)}: "
                f"{','.join(header)}",
                line,
            )
        if kind == "cpi":
            key, date, column = "US", _date(file, line, row[0], monthly=True), 1
        elif kind in _OWN:
            key = _key(kind, file, line, header[1], row[1])
            if kind == "fx-ecb-monthly":
                found = re.fullmatch(r"([0-9]{4})-(0[1-9]|1[0-2])", row[0])
                if found is None:
                    raise file.error(f"month {shown(row[0])}; expected YYYY-MM", line)
                when: Date = (int(found[1]), int(found[2]))
            else:
                when = _year(file, line, row[0])
            figures.append(_Figure(key, when, row[2] or None, line, header[2]))
            continue
        elif kind in ("fx-monthly", "fx-annual"):
            code = FX_SERIES.get(row[1])
            if code is None:
                continue  # a series careerkit does not use (Venezuela, pre-euro currencies)
            names.setdefault(row[1])
            key, date, column = code, _date(file, line, row[0], monthly=kind == "fx-monthly"), 2
        else:
            key, date, column = (
                _key(kind, file, line, header[1], row[1]),
                _year(file, line, row[2]),
                3,
            )
        figures.append(_Figure(key, date, row[column] or None, line, header[column]))
    if kind in _OWN:
        return _Reading(
            figures=figures,
            series=(_OWN[kind],),
            publisher=f"{SERIES[kind].source} (careerkit's compact file)",
            no_value="an empty field",
        )
    series: tuple[str, ...]
    if kind in INDICATORS:
        series = (INDICATORS[kind],)
    else:
        series = (_BLS_SERIES,) if kind == "cpi" else tuple(names)
    return _Reading(
        figures=figures,
        series=series,
        publisher=SERIES[kind].source + " (datahub 'core' data package)",
        no_value="an empty field",
        sort=kind == "ppp",  # the shipped file lists each country's years newest first
    )
