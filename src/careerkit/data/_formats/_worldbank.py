"""World Bank files: WDI CSV, WDI zip and DataBank CSV, for ``inflation`` and ``ppp``.

``inflation`` (indicator FP.CPI.TOTL.ZG; keys: the World Bank's 3-letter codes,
aggregates such as ``WLD`` and ``EMU`` kept) and ``ppp`` (indicator PA.NUS.PPP;
keys: ISO 3166-1 alpha-2 codes, converted from the World Bank's alpha-3 codes
with pycountry, ``XKX`` read as ``XK`` for Kosovo; aggregates with no alpha-2
code, such as ``WLD``, ``EMU`` or ``EUU``, are left out), in three layouts.

*World Bank WDI CSV*, the bulk download of an indicator
(``API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_<n>.csv``): a preamble (``"Data
Source","World Development Indicators",`` and ``"Last Updated
Date","2025-07-01",``, which is
:attr:`~careerkit.data._formats.Parsed.published`), then one row per country or
area, a column per year, an empty cell for no figure::

    "Country Name","Country Code","Indicator Name","Indicator Code","1960",...,"2024",
    "United States","USA","Inflation, consumer prices (annual %)","FP.CPI.TOTL.ZG","1.45797598627791",...,"2.94952520485207",

*World Bank WDI zip*: the zip the World Bank serves
(``API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_<n>.zip``), whose ``API_*.csv`` member
is read as above (its ``Metadata_*.csv`` members are not); a member of more
than 256 MiB uncompressed is refused.

*World Bank DataBank CSV*, an export from https://databank.worldbank.org
(World Development Indicators), ``..`` for no figure, followed by a footer
(``Data from database: World Development Indicators``, ``Last Updated:
07/01/2025``, which is :attr:`~careerkit.data._formats.Parsed.published`, as
``2025-07-01``); rows of other series are skipped::

    Country Name,Country Code,Series Name,Series Code,2007 [YR2007],2008 [YR2008]
    United States,USA,"Inflation, consumer prices (annual %)",FP.CPI.TOTL.ZG,2.85267248150138,3.83910029665101

A ppp key is the ISO 3166-1 alpha-2 code of the World Bank's alpha-3 code
(:func:`careerkit.data._checks.alpha2`).
"""

from __future__ import annotations

import datetime
import itertools
import re

from careerkit.data._checks import alpha2
from careerkit.data._formats._file import _Figure, _File, _key, _Reading, _rows
from careerkit.data._formats._layouts import _WORLD_BANK_HEADER, INDICATORS
from careerkit.data._series import SERIES
from careerkit.errors import shown

_NAME_COLUMNS = {"", *_WORLD_BANK_HEADER, "Series Name", "Series Code"}  # Series: DataBank's


def _read_world_bank(kind: str, file: _File) -> _Reading:
    indicator = INDICATORS[kind]
    rows = _rows(file)
    published = None
    for line, row in rows:
        if row[0] == "Last Updated Date" and len(row) > 1:
            published = _iso_date(file, line, row[1])
        elif row[:4] == _WORLD_BANK_HEADER:
            break
    else:
        raise file.error(f"no header row {','.join(map(repr, _WORLD_BANK_HEADER))},years...")
    header = row
    years = _year_columns(file, line, header, re.compile(r"([0-9]{4})"), "2024")
    figures: list[_Figure] = []
    for line, row in rows:
        found = row[3] if len(row) > 3 else ""
        if found != indicator:
            raise file.error(
                f"indicator {shown(found)}; careerkit reads {kind} from {SERIES[kind].name}", line
            )
        if len(row) <= years[-1][0]:
            raise file.error(f"{len(row)} fields; the header has {years[-1][0] + 1}", line)
        key = _world_bank_key(kind, file, line, header[1], row[1])
        if key is not None:
            figures.extend(
                _Figure(key, year, row[index] or None, line, header[index]) for index, year in years
            )
    return _Reading(
        figures=figures,
        series=(indicator,),
        publisher=SERIES[kind].source,
        no_value="an empty field",
        published=published,
    )


def _read_databank(kind: str, file: _File) -> _Reading:
    indicator = INDICATORS[kind]
    rows = _rows(file)
    _, header = next(rows)
    country, series = header.index("Country Code"), header.index("Series Code")
    years = _year_columns(file, 1, header, re.compile(r"([0-9]{4}) \[YR\1\]"), "2024 [YR2024]")
    figures: list[_Figure] = []
    others: dict[str, None] = {}
    published = None
    ended = False
    for line, row in rows:
        if row[0].startswith("Data from database:"):
            ended = True
        elif row[0].startswith("Last Updated:"):
            ended = True
            found = re.fullmatch(r"Last Updated: ([0-9][0-9])/([0-9][0-9])/([0-9]{4})", row[0])
            iso = f"{found[3]}-{found[1]}-{found[2]}" if found else row[0]
            published = _iso_date(file, line, iso)
        elif ended or len(row) <= years[-1][0]:
            raise file.error(
                f"found {shown(','.join(row))}; expected a row of the table, under its header "
                f"of {len(header)} columns, or DataBank's footer",
                line,
            )
        elif row[series] != indicator:
            others.setdefault(row[series])
        else:
            key = _world_bank_key(kind, file, line, header[country], row[country])
            if key is not None:
                figures.extend(
                    _Figure(
                        key,
                        year,
                        None if row[index] in ("", "..") else row[index],
                        line,
                        header[index],
                    )
                    for index, year in years
                )
    if not figures and others:
        raise file.error(
            f"no rows of series {indicator}: careerkit reads {kind} from {SERIES[kind].name}; "
            f"this file has {', '.join(list(others)[:5])}"
        )
    return _Reading(
        figures=figures,
        series=(indicator,),
        publisher=SERIES[kind].source,
        no_value="'..'",
        published=published,
        ends_whole=ended,  # nothing but the footer follows it (else refused above)
    )


def _iso_date(file: _File, line: int, text: str) -> str:
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise file.error(f"last-updated date {shown(text)} is not a date", line) from None


def _year_columns(
    file: _File, line: int, header: list[str], pattern: re.Pattern[str], example: str
) -> list[tuple[int, int]]:
    """The header's year columns, as ``(index, year)``, the years increasing.

    Every other column must be one of the names and codes the World Bank prints
    (or empty: the World Bank ends each line with a comma).
    """
    years = []
    for index, cell in enumerate(header):
        found = pattern.fullmatch(cell)
        if found is not None:
            years.append((index, int(found[1])))
        elif cell not in _NAME_COLUMNS:
            raise file.error(f"column {shown(cell)}; expected a year, as {example}", line)
    if not years:
        raise file.error(f"no year columns (as {example}) in the header", line)
    if any(a >= b for (_, a), (_, b) in itertools.pairwise(years)):
        raise file.error("the header's years are not in increasing order", line)
    return years


def _world_bank_key(kind: str, file: _File, line: int, column: str, code: str) -> str | None:
    """The key of World Bank country code *code*: itself, or for ppp its ISO alpha-2 code.

    ``None`` for an aggregate with no alpha-2 code (WLD, EMU, ...): ppp leaves it out.
    """
    _key("inflation", file, line, column, code)  # the World Bank's codes: inflation's keys
    return code if kind != "ppp" else alpha2(code)
