r"""Reading the files publishers give out, for ``careerkit data update``.

Each reader turns one file into a :class:`Parsed`: values by key and date, in
the units careerkit keeps (see :data:`UNITS`), with the dates the file marks as
having no value. A file that is not what its kind expects raises
:class:`~careerkit.errors.DataFormatError` naming the file, the line, what was
found and the formats accepted. Checks made here, on every format: the file is
a regular file of at most 256 MiB (:data:`MAX_BYTES`), UTF-8 text (a byte-order
mark is allowed) whose lines end in LF, CRLF or CR alone (all read as lines); a
last row ended by a line break, as the publishers end their files, since a file
cut short inside its last value would read as a wrong number (the Fed's Data
Download Program files end without one: their last figure is checked instead;
a DataBank export may end with its footer); the expected columns; keys as the
loaders look them up (:func:`checked_key`); dates that are real months or years,
from 1900 on, a month not after the current month, a year that has ended (an
annual figure is published only then: :func:`checked_date`), strictly increasing
within each key (a date given twice is an error naming both lines); at least
one value in the file. Digits are ASCII digits (``２０２６`` is no year). Every
value passes careerkit's value gate
(:func:`careerkit.data._gate.number`) *as text*, before any arithmetic: digits
with an optional sign, decimal point and exponent (never ``NaN``, ``inf``,
``0x1p3``, or ``2_2.10``, which Python's ``Decimal`` reads as 22.10), at most
30 significant digits, and a magnitude of at most 10^12 (:data:`MAX_VALUE`)
and, unless 0, at least 10^-12 (10^-15 for PPP factors: :data:`SMALLEST_VALUES`);
so no value can make a later conversion run for ever (``1e-99999999`` is
refused here). Then its range: positive, except
inflation rates, which may be negative but stay above -100 (%). A value
refused is a :class:`~careerkit.errors.DataFormatError` naming the file, the
line, the column and the value, and nothing is written. :func:`checked_value`,
:func:`checked_key` and :func:`checked_date` apply the same checks to what the
installer reads back from the user data folder.
Agreement with the data in use is checked by the installer
(``careerkit.data._store``), which knows it.

Values are :class:`~decimal.Decimal`, exactly as printed in the file, except
the exchange rates the Federal Reserve quotes in US dollars per unit
(:data:`~careerkit.data.FED_USD_PER_UNIT`: AUD, EUR, GBP, NZD): in FRED and
Data Download Program files these are inverted to units per US dollar,
``1 / value`` computed to 28 significant digits, rounding half to even
(:data:`INVERSION_DIGITS`). Monthly
kinds are dated ``(year, month)``, annual kinds by the year (an ``int``). A
date the file marks as having no value is in :attr:`Parsed.missing` when it
falls between the key's first and last value (blanks before a series starts or
after it ends are not gaps).

The layout of a file is recognised by its first line, whatever its name.

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

    *BLS time-series flat file* (``cu.data.0.Current``, ``cu.data.1.AllItems``
    from https://download.bls.gov/pub/time.series/cu/), tab-separated, fields
    padded with spaces (``\t`` is a tab)::

        series_id                     \tyear\tperiod\t       value\tfootnote_codes
        CUUR0000SA0                   \t2008\tM05\t     216.632\t

    Only the rows of CUUR0000SA0 with periods M01 to M12 are read: M13 (the
    annual average) and S01 to S03 (half-year averages) are skipped, and so
    are other series. A value of ``-`` or an empty one is no value.

    *careerkit snapshot*, the layout of the shipped ``us-cpi-u-monthly.csv``
    (the Inflation column is not read)::

        Date,Index,Inflation
        2008-05-01,216.632,0.84

``fx-monthly`` (keys: ISO 4217 codes)
    *FRED CSV* of the Fed's monthly averages (H.10 and G.5 releases), one or
    more series side by side, each column named by its FRED id
    (:data:`FRED_FX`: EXINUS for INR, EXUSUK for GBP, ...); dates are the first
    of a month; a series may start later than another (blank until it does)::

        observation_date,EXINUS
        2008-05-01,42.0019

    The daily rates (DEXINUS, ...) and series careerkit does not use (EXVZUS,
    Venezuela) are refused.

    *Federal Reserve Data Download Program CSV* (DDP,
    https://www.federalreserve.gov/datadownload/, release H.10, "Monthly
    averages", series in columns), the Fed's own download: six header rows,
    then a row per month (``YYYY-MM``), ``ND`` for no data; lines end in CRLF, and
    the last row in none (its last figure must print the decimals of the one above
    it: the Fed prints each series to four)::

        "Series Description","INDIA -- SPOT EXCHANGE RATE, RUPEES/US$","United Kingdom -- Spot Exchange Rate, US$/Pound Sterling Reciprocal of rxi_n.m.uk"
        "Unit:","Currency:_Per_USD","Currency:_Per_GBP"
        "Multiplier:","1","0.00999999978"
        "Currency:","INR","USD"
        "Unique Identifier: ","H10/H10/RXI_N.M.IN","H10/H10/RXI$US_N.M.UK"
        "Time Period","RXI_N.M.IN","RXI$US_N.M.UK"
        2008-05,42.0019,1.9754

    Each column is mapped by its unique identifier (:data:`FED_DDP`: the
    two letters after the frequency, ``IN`` for INR, ``JA`` for JPY, ...);
    ``RXI$US_`` marks a series quoted in US dollars per unit, inverted as
    above. The ``Unit:`` row (``Currency:_Per_USD`` for units per dollar,
    ``Currency:_Per_GBP`` for dollars per pound; or just ``Currency``) and the
    ``Currency:`` row must agree with the identifier. The multiplier is
    honoured: a value is the printed figure times it, and a multiplier must be
    a power of ten, except for the pound: the Fed's metadata gives its series
    the multiplier 0.01 (printed ``0.01`` or ``0.00999999978``) though it prints
    them in US dollars per pound (1.6404 for January 2000, as G.5 and FRED's
    EXUSUK have it), so for the pound that multiplier is not applied. Refused:
    the daily rates (``RXI_N.B.IN``), the annual averages (``RXI_N.A.IN``: give
    the file as fx-annual), series careerkit does not use (``RXI_N.M.VE``,
    Venezuela; the dollar indexes), a column whose metadata contradicts its
    identifier, and a file without the header rows.

    *careerkit snapshot*, the layout of the shipped ``fx-usd-monthly.csv``, in
    units per US dollar, named by the Fed's country names (rows of names not in
    :data:`~careerkit.data.FX_SERIES`, such as Venezuela or the pre-euro
    currencies, are skipped)::

        Date,Country,Exchange rate
        2008-05-01,India,42.0019

``fx-annual`` (keys: ISO 4217 codes)
    *FRED CSV* of the Fed's annual averages (G.5A release): the monthly ids
    prefixed ``A`` (AEXINUS, AEXUSUK, ...), dated the first of January::

        observation_date,AEXINUS
        2008-01-01,43.3859

    FRED's ``AEXUSUK`` (US dollars per pound) is G.5A's pound: careerkit ships
    it for 1971 to 2019 (``fx-g5a-gbp-annual.csv``, a FRED download, ``DATE``
    style) and reads newer ones the same way.

    *Federal Reserve Data Download Program CSV*, as for fx-monthly, of the
    annual averages (the Fed serves them under H.10, frequency ``A``; dated by
    the year)::

        "Series Description","SPOT EXCHANGE RATE - EURO AREA "
        "Unit:","Currency:_Per_EUR"
        "Multiplier:","1"
        "Currency:","USD"
        "Unique Identifier: ","H10/H10/RXI$US_N.A.EU"
        "Time Period","RXI$US_N.A.EU"
        2008,1.4726

    *careerkit snapshot*, the layout of the shipped ``fx-usd-yearly.csv``::

        Date,Country,Value
        2008-01-01,India,43.3859

``inflation`` (indicator FP.CPI.TOTL.ZG; keys: the World Bank's 3-letter codes,
aggregates such as ``WLD`` and ``EMU`` kept) and ``ppp`` (indicator PA.NUS.PPP;
keys: ISO 3166-1 alpha-2 codes, converted from the World Bank's alpha-3 codes
with pycountry, ``XKX`` read as ``XK`` for Kosovo; aggregates with no alpha-2
code, such as ``WLD``, ``EMU`` or ``EUU``, are left out)
    *World Bank WDI CSV*, the bulk download of an indicator
    (``API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_<n>.csv``): a preamble (``"Data
    Source","World Development Indicators",`` and ``"Last Updated
    Date","2025-07-01",``, which is :attr:`Parsed.published`), then one row per
    country or area, a column per year, an empty cell for no figure::

        "Country Name","Country Code","Indicator Name","Indicator Code","1960",...,"2024",
        "United States","USA","Inflation, consumer prices (annual %)","FP.CPI.TOTL.ZG","1.45797598627791",...,"2.94952520485207",

    *World Bank WDI zip*: the zip the World Bank serves
    (``API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_<n>.zip``), whose ``API_*.csv`` member
    is read as above (its ``Metadata_*.csv`` members are not); a member of more
    than 256 MiB uncompressed is refused.

    *World Bank DataBank CSV*, an export from https://databank.worldbank.org
    (World Development Indicators), ``..`` for no figure, followed by a footer
    (``Data from database: World Development Indicators``, ``Last Updated:
    07/01/2025``, which is :attr:`Parsed.published`, as ``2025-07-01``); rows
    of other series are skipped::

        Country Name,Country Code,Series Name,Series Code,2007 [YR2007],2008 [YR2008]
        United States,USA,"Inflation, consumer prices (annual %)",FP.CPI.TOTL.ZG,2.85267248150138,3.83910029665101

    *careerkit snapshot*, the layout of the shipped files (rows by country,
    then year; the years of a country may be in any order in ``ppp``)::

        Country,Country Code,Year,CPI
        United States,USA,2008,3.839100296651

        Country,Country ID,Year,PPP
        "India",IN,2008,12.5639813417245
"""

from __future__ import annotations

import csv
import datetime
import decimal
import functools
import io
import itertools
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

import attrs

from careerkit.data import FED_USD_PER_UNIT, FX_SERIES, SERIES, Date, check_kind, label
from careerkit.data._gate import SMALLEST, RefusedError, number
from careerkit.errors import DataFormatError, shown

UNITS: Mapping[str, str] = {
    "cpi": "index points, 1982-84 = 100",
    "fx-monthly": "units of the currency per US dollar",
    "fx-annual": "units of the currency per US dollar",
    "inflation": "percent a year",
    "ppp": "local currency units per international dollar",
}
"""What the values of each kind are in, after reading (rates quoted in USD per unit are inverted)."""


@attrs.frozen(kw_only=True)
class Parsed:
    """One file, read: its values, the dates it marks as missing, and what it says of itself."""

    kind: str
    format: str
    """The layout it was read as: ``"FRED CSV"``, ``"BLS time-series flat file"``, ..."""
    publisher: str
    """Who published the figures, as careerkit cites them (``"U.S. Bureau of Labor Statistics, via FRED"``)."""
    series: tuple[str, ...]
    """The publisher's series ids read (``("CPIAUCNS",)``, ``("EXINUS", "EXUSUK")``)."""
    values: Mapping[str, Mapping[Date, Decimal]]
    """``{key: {date: value}}`` in :data:`UNITS`, dates in increasing order."""
    missing: Mapping[str, tuple[Date, ...]] = attrs.field(factory=dict)
    """Dates inside the file's span that it marks as having no value (``.``, ``ND`` or blank)."""
    published: str | None = None
    """The date the publisher stamped on the file (the World Bank's "Last Updated Date")."""


MAX_BYTES = 256 * 1024 * 1024
"""The largest file read, and the largest zip member (uncompressed): 256 MiB.

The largest file careerkit expects, BLS's ``cu.data.0.Current``, is far smaller.
"""

MAX_VALUE = Decimal(10) ** 12
"""The largest value accepted, in any kind: no index, rate or factor comes near it.

The smallest, other than 0, is 10^-12 (:data:`careerkit.data._gate.SMALLEST`), so that an
exchange rate's inverse is within the same bounds; except in :data:`SMALLEST_VALUES`.
"""

SMALLEST_VALUES: Mapping[str, Decimal] = MappingProxyType({"ppp": Decimal("1e-15")})
"""Kinds whose values may be smaller than 10^-12 (other than 0), with their smallest.

PPP factors of currencies redenominated since: the World Bank gives Venezuela's in
today's bolivares, 1.2 x 10^-13 for 1990 (its figures go back to 1990, when a
bolivar soberano was 10^14 of that year's bolivares).
"""

INVERSION_DIGITS = 28
"""Significant digits of an inverted exchange rate (``1 / value``, rounded half to even)."""

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

FED_DDP: Mapping[str, str] = MappingProxyType({
    "AL": "AUD", "BZ": "BRL", "CA": "CAD", "CH": "CNY", "DN": "DKK", "EU": "EUR",
    "HK": "HKD", "IN": "INR", "JA": "JPY", "MA": "MYR", "MX": "MXN", "NZ": "NZD",
    "NO": "NOK", "SI": "SGD", "SF": "ZAR", "KO": "KRW", "SL": "LKR", "SD": "SEK",
    "SZ": "CHF", "TA": "TWD", "TH": "THB", "UK": "GBP",
})  # fmt: skip
"""The Fed's country codes in its Data Download Program identifiers, with the ISO 4217 code of each.

As the Fed's H.10 package names them (``H10/H10/RXI_N.M.IN``: India, monthly;
``H10/H10/RXI$US_N.M.UK``: the pound, US dollars per pound); its ``Currency:``
row gives the same codes. Left out, as from :data:`FRED_FX`: ``VE`` (Venezuela).
"""

INDICATORS: Mapping[str, str] = MappingProxyType(
    {"inflation": "FP.CPI.TOTL.ZG", "ppp": "PA.NUS.PPP"}
)
"""The World Bank indicator each World Bank kind is read from."""

FRED = "FRED CSV"
BLS = "BLS time-series flat file"
WORLD_BANK = "World Bank WDI CSV"
WORLD_BANK_ZIP = "World Bank WDI zip"
DATABANK = "World Bank DataBank CSV"
DDP = "Federal Reserve Data Download Program CSV"
SNAPSHOT = "careerkit snapshot"

LAYOUTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "cpi": (FRED, BLS, SNAPSHOT),
        "fx-monthly": (FRED, DDP, SNAPSHOT),
        "fx-annual": (FRED, DDP, SNAPSHOT),
        "inflation": (WORLD_BANK, WORLD_BANK_ZIP, DATABANK, SNAPSHOT),
        "ppp": (WORLD_BANK, WORLD_BANK_ZIP, DATABANK, SNAPSHOT),
    }
)
"""The layouts :func:`read` accepts for each kind (:attr:`Parsed.format` is one of them)."""

_SNAPSHOT_HEADERS: Mapping[str, list[str]] = {
    "cpi": ["Date", "Index", "Inflation"],
    "fx-monthly": ["Date", "Country", "Exchange rate"],
    "fx-annual": ["Date", "Country", "Value"],
    "inflation": ["Country", "Country Code", "Year", "CPI"],
    "ppp": ["Country", "Country ID", "Year", "PPP"],
}
_BLS_HEADER = ["series_id", "year", "period", "value", "footnote_codes"]
_BLS_SERIES = "CUUR0000SA0"
_WORLD_BANK_HEADER = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]
_NAME_COLUMNS = {"", *_WORLD_BANK_HEADER, "Series Name", "Series Code"}  # Series: DataBank's
_VIA_FRED = ", via FRED (Federal Reserve Bank of St. Louis)"
_VIA_DDP = " (Data Download Program)"
_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")  # of any size
_DDP_HEADER = ("Series Description", "Unit:", "Multiplier:", "Currency:", "Unique Identifier:")
_DDP_ID = re.compile(r"H10/H10/RXI(\$US)?_N\.([A-Z])\.([A-Z]{2,3})")
_DDP_FREQUENCIES = {"M": "fx-monthly", "A": "fx-annual"}
# The Fed's metadata gives the pound's series the multiplier 0.01 (a float: 0.00999999978),
# though it prints them in US dollars per pound, as G.5, G.5A and FRED do (checked: H.10
# monthly 2000-01 = 1.6404 = FRED EXUSUK 2000-01). For the pound it is not applied.
_POUND_MULTIPLIERS = (Decimal("0.01"), Decimal("0.00999999978"))


# --- what a reader hands to the checks ---------------------------------------------------------


@attrs.frozen
class _File:
    """A file's text, and its name as messages give it."""

    name: str
    text: str
    zipped: bool = False

    def error(
        self, message: str, line: int | None = None, column: str | None = None
    ) -> DataFormatError:
        where = self.name if line is None else f"{self.name}, line {line}"
        if column is not None:
            where += f", column {shown(column)}"
        return DataFormatError(f"{where}: {message}")


class _Figure(NamedTuple):
    """One cell of a file: *text* is ``None`` where the file marks it as having no value."""

    key: str
    date: Date
    text: str | None
    line: int
    column: str
    """The cell's column, as the file's header names it (``CPIAUCNS``, ``2008``, ``RXI_N.M.IN``)."""


@attrs.frozen(kw_only=True)
class _Reading:
    """What a layout's reader found, in file order, before the checks every layout shares."""

    figures: list[_Figure]
    series: tuple[str, ...]
    publisher: str
    no_value: str
    """How the layout marks a date with no value, for messages."""
    published: str | None = None
    inverted: frozenset[str] = frozenset()
    """The keys whose values are US dollars per unit, to invert."""
    scaled: Mapping[str, int] = attrs.field(factory=dict)
    """The keys whose printed figures the file multiplies by a power of ten: its exponent."""
    sort: bool = False
    """Sort each key's dates, rather than require them in increasing order."""
    ends_whole: bool = False
    """The reader found the file's end whole: its last line is a footer (a DataBank export's),
    or its last row checked otherwise (a DDP file's, which the Fed ends without a line break)."""


# --- reading ----------------------------------------------------------------------------------


def read(kind: str, path: Path) -> Parsed:
    """Read *path* as a file for series *kind* in any of the formats careerkit accepts.

    The layouts accepted for each kind are :data:`LAYOUTS`, described in this
    module's docstring. A kind not in :data:`LAYOUTS` is a
    :class:`~careerkit.errors.ValidationError`; a file that cannot be read as
    *kind* is a :class:`~careerkit.errors.DataFormatError` saying why.
    """
    check_kind(kind, kinds=tuple(LAYOUTS))
    file = _open(kind, Path(path))
    layout = _detect(kind, file)
    return _checked(kind, layout, file, _READERS[layout](kind, file))


def _open(kind: str, path: Path) -> _File:
    if not path.is_file():
        problem = "is not a regular file" if path.exists() else "does not exist"
        raise DataFormatError(f"{shown(str(path), 500)} {problem}: give the path of a file")
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DataFormatError(f"{name}: {_too_large(f'a file of {size:,} bytes')}")
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)  # never more, should the file grow meanwhile
    except OSError as error:
        raise DataFormatError(f"{name}: cannot be read: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise DataFormatError(f"{name}: {_too_large('a file of more than 256 MiB')}")
    if data.startswith(b"PK\x03\x04"):
        if WORLD_BANK_ZIP not in LAYOUTS[kind]:
            raise DataFormatError(
                f"{name}: a zip archive; careerkit reads zips only as World Bank downloads "
                f"(inflation, ppp). {_accepted(kind)}"
            )
        return _unzipped(name, data)
    return _File(name, _decoded(name, data))


def _too_large(what: str) -> str:
    return f"{what}, larger than the 256 MiB ({MAX_BYTES:,} bytes) careerkit reads"


def _unzipped(name: str, data: bytes) -> _File:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [
                info
                for info in archive.infolist()
                if re.fullmatch(r"API_[^/]*\.csv", info.filename.rsplit("/", 1)[-1])
            ]
            if len(members) != 1:
                names = ", ".join(shown(info.filename) for info in archive.infolist()[:6])
                raise DataFormatError(
                    f"{name}: expected one member named API_<indicator>_DS2_en_csv_v2_<n>.csv, "
                    f"as in the World Bank's downloads; found {len(members)} among: {names or 'none'}"
                )
            (member,) = members
            where = f"{name}, member {member.filename}"
            if member.file_size > MAX_BYTES:
                raise DataFormatError(
                    f"{where}: {_too_large(f'{member.file_size:,} bytes uncompressed')}"
                )
            with archive.open(member) as stream:
                content = stream.read(MAX_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as error:
        raise DataFormatError(f"{name}: not a readable zip archive ({error})") from None
    if len(content) > MAX_BYTES:
        raise DataFormatError(f"{where}: {_too_large('more than 256 MiB uncompressed')}")
    return _File(where, _decoded(where, content), zipped=True)


def _decoded(name: str, data: bytes) -> str:
    """*data* as text, every line ending (CRLF, CR alone or LF) made LF: read as lines."""
    try:
        return _lines(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = _lines(data[: error.start].decode("latin-1")).count("\n") + 1
        raise DataFormatError(
            f"{name}, line {line}: not UTF-8 text (byte {data[error.start]:#04x} at offset "
            f"{error.start:,}); careerkit reads files as the publishers give them, in UTF-8"
        ) from None


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _rows(file: _File) -> Iterator[tuple[int, list[str]]]:
    """The file's CSV rows, each with its line number, cells stripped; blank rows skipped."""
    reader = csv.reader(io.StringIO(file.text, newline=""))
    try:
        for row in reader:
            cells = [cell.strip() for cell in row]
            if any(cells):
                yield reader.line_num, cells
    except csv.Error as error:
        raise file.error(f"not readable as CSV: {error}", reader.line_num) from None


def _detect(kind: str, file: _File) -> str:
    """The layout of *file*, from its first line; an error if it is not one *kind* accepts."""
    first = file.text.split("\n", 1)[0]
    if not file.text.strip():
        raise file.error(f"the file is empty. {_accepted(kind)}")
    try:
        cells = [cell.strip() for cell in next(csv.reader([first]))] or [""]
    except csv.Error as error:
        raise file.error(f"not readable as CSV: {error}", 1) from None
    snapshots = [other for other, header in _SNAPSHOT_HEADERS.items() if header == cells]
    layout: str | None = None
    if [cell.strip() for cell in first.split("\t")] == _BLS_HEADER:
        layout = BLS
    elif cells[0] in ("observation_date", "DATE"):
        layout = FRED
    elif cells[0] == _DDP_HEADER[0]:
        layout = DDP
    elif cells[0] in (_DDP_HEADER[-1], "Time Period"):
        raise file.error(
            "a Data Download Program CSV without its descriptive header rows: careerkit "
            "needs them to check each series' unit, multiplier and currency. Download it "
            'with the labels included (the first line is "Series Description"). ' + _accepted(kind),
            1,
        )
    elif cells[:2] == ["Data Source", "World Development Indicators"] or (
        cells[:4] == _WORLD_BANK_HEADER
    ):
        layout = WORLD_BANK_ZIP if file.zipped else WORLD_BANK
    elif "Series Code" in cells and "Country Code" in cells:
        layout = DATABANK
    elif snapshots:
        if kind not in snapshots:
            raise file.error(
                f"a careerkit snapshot of {snapshots[0]} (first line {shown(first)}), "
                f"not of {kind}. {_accepted(kind)}",
                1,
            )
        layout = SNAPSHOT
    if file.zipped and layout != WORLD_BANK_ZIP:
        raise file.error(f"not a World Bank WDI CSV: its first line is {shown(first)}", 1)
    if layout is None:
        raise file.error(
            f"not a layout careerkit knows: its first line is {shown(first)}. {_accepted(kind)}", 1
        )
    if layout not in LAYOUTS[kind]:
        readers = ", ".join(other for other, layouts in LAYOUTS.items() if layout in layouts)
        raise file.error(
            f"a {layout}, which careerkit reads as {readers}, not as {kind}. {_accepted(kind)}", 1
        )
    return layout


def _accepted(kind: str) -> str:
    """The layouts accepted for *kind*, by the first line of each, for messages."""
    first_lines = {
        FRED: {
            "cpi": "observation_date,CPIAUCNS (or DATE,CPIAUCNS)",
            "fx-monthly": "observation_date then FRED ids of monthly averages (EXINUS, ...)",
            "fx-annual": "observation_date then FRED ids of annual averages (AEXINUS, ...)",
        }.get(kind, ""),
        BLS: "series_id, year, period, value, footnote_codes, tab-separated",
        WORLD_BANK: '"Data Source","World Development Indicators", then a header '
        '"Country Name","Country Code","Indicator Name","Indicator Code","1960",...',
        WORLD_BANK_ZIP: f"the zip holding API_{INDICATORS.get(kind)}_DS2_en_csv_v2_<n>.csv",
        DATABANK: "Country Name,Country Code,Series Name,Series Code,1960 [YR1960],...",
        DDP: '"Series Description",..., then the rows "Unit:", "Multiplier:", "Currency:", '
        '"Unique Identifier:" and "Time Period", a column per series',
        SNAPSHOT: ",".join(_SNAPSHOT_HEADERS[kind]),
    }
    layouts = "; ".join(f"{layout} ({first_lines[layout]})" for layout in LAYOUTS[kind])
    return f"careerkit reads {kind} files in these layouts, by their first line: {layouts}"


# --- one reader per layout ----------------------------------------------------------------------


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


def _read_bls(kind: str, file: _File) -> _Reading:
    figures: list[_Figure] = []
    others: dict[str, None] = {}
    for line, text in enumerate(file.text.split("\n")[1:], start=2):
        fields = [field.strip() for field in text.split("\t")]
        if not any(fields):
            continue
        if len(fields) < 4:
            raise file.error(
                f"found {shown(text)}; expected tab-separated fields {', '.join(_BLS_HEADER)}",
                line,
            )
        series, year, period, value = fields[:4]
        if series != _BLS_SERIES:
            others.setdefault(series)
            continue
        if period == "M13" or re.fullmatch(r"S0[1-3]", period):
            continue  # the annual and half-year averages
        if not re.fullmatch(r"M(0[1-9]|1[0-2])", period):
            raise file.error(
                f"period {shown(period)}; expected M01 to M12, M13 or S01 to S03", line
            )
        date = (_year(file, line, year), int(period[1:]))
        figures.append(_Figure("US", date, None if value in ("", "-") else value, line, "value"))
    if not figures:
        found = ", ".join(list(others)[:5]) or "none"
        raise file.error(
            f"no rows of series {_BLS_SERIES} (CPI-U, all items, U.S. city average, not "
            f"seasonally adjusted); the series it has include: {found}"
        )
    return _Reading(
        figures=figures, series=(_BLS_SERIES,), publisher=SERIES[kind].source, no_value="'-'"
    )


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


def _read_ddp(kind: str, file: _File) -> _Reading:
    """The Fed's Data Download Program CSV, series in columns (see the module docstring)."""
    rows = _rows(file)
    header: dict[str, list[str]] = {}
    at: dict[str, int] = {}  # the line of each header row
    line = 0
    for name in (*_DDP_HEADER, "Time Period"):
        line, row = next(rows, (line + 1, [""]))
        # Cells are stripped: the Fed writes "Unique Identifier: " with a space.
        if row[0] != name:
            rows_named = ", ".join(f'"{row}"' for row in (*_DDP_HEADER, "Time Period"))
            raise file.error(
                f"found {shown(row[0])}; expected the Data Download Program's header rows, "
                f"in this order: {rows_named}",
                line,
            )
        if header and len(row) != len(header["Series Description"]):
            raise file.error(
                f"{len(row)} fields in the {name!r} row; the header rows have "
                f"{len(header['Series Description'])}",
                line,
            )
        header[name], at[name] = row, line
    if len(header["Time Period"]) < 2:
        raise file.error("no series column after 'Time Period'", line)
    keys: list[str | None] = []  # None: a column left out (Venezuela)
    inverted: set[str] = set()
    scaled: dict[str, int] = {}
    identifiers = header["Unique Identifier:"][1:]
    for index, identifier in enumerate(identifiers, start=1):
        if header["Time Period"][index] != identifier.removeprefix("H10/H10/"):
            raise file.error(
                f"the column of {identifier} is headed {shown(header['Time Period'][index])}; "
                f"expected {identifier.removeprefix('H10/H10/')}",
                at["Time Period"],
            )
        if _left_out(kind, identifier):
            keys.append(None)
            continue
        key, reciprocal = _ddp_key(kind, file, at["Unique Identifier:"], identifier)
        if key in keys:
            raise file.error(
                f"two columns hold {key} ({identifier}); expected one", at["Unique Identifier:"]
            )
        cells = {name: (row[index], at[name]) for name, row in header.items()}
        _ddp_metadata(file, identifier, key, reciprocal, cells)
        exponent = _ddp_multiplier(
            file, at["Multiplier:"], identifier, header["Multiplier:"][index]
        )
        if exponent:
            scaled[key] = exponent
        if reciprocal:
            inverted.add(key)
        keys.append(key)
    monthly = kind == "fx-monthly"
    columns = header["Time Period"][1:]
    figures: list[_Figure] = []
    last_column: list[str] = []  # the cells a cut can shorten without leaving a field fewer
    for line, row in rows:
        if len(row) != len(header["Time Period"]):
            raise file.error(
                f"{len(row)} fields, {shown(','.join(row))}; the header has "
                f"{len(header['Time Period'])}",
                line,
            )
        date = _ddp_date(file, line, row[0], monthly=monthly)
        last_column.append(row[-1])
        for code, column, cell in zip(keys, columns, row[1:], strict=True):
            # ND: no data that day or month; an empty cell: before the series begins (the
            # euro before 1999) or after it ends
            if code is not None:
                text = None if cell in ("", "ND") else cell
                figures.append(_Figure(code, date, text, line, column))
    if not file.text.endswith("\n"):
        _ddp_end(file, line, columns[-1], last_column)
    return _Reading(
        figures=figures,
        series=tuple(id for id, key in zip(identifiers, keys, strict=True) if key is not None),
        publisher=SERIES[kind].source + _VIA_DDP,
        no_value="'ND' or an empty field",
        inverted=frozenset(inverted),
        scaled=scaled,
        ends_whole=True,
    )


def _left_out(kind: str, identifier: str) -> bool:
    """Whether *identifier* is a series of the Fed's own H.10 package that careerkit leaves out.

    The package of monthly (and annual) averages carries Venezuela (``VE``), one
    series spanning VEB, VEF and VES with no mark where each redenomination
    happened; careerkit leaves it out (:data:`~careerkit.data.FX_SERIES`) and skips
    its column, as it skips its rows in the snapshot layout. Every other series
    careerkit does not use is refused.
    """
    found = _DDP_ID.fullmatch(identifier)
    return found is not None and found[3] == "VE" and _DDP_FREQUENCIES.get(found[2]) == kind


def _ddp_ids(kind: str) -> dict[str, str]:
    """The identifiers careerkit reads as *kind*, with their ISO codes, in the Fed's direction."""
    frequency = "M" if kind == "fx-monthly" else "A"
    return {
        f"H10/H10/RXI{'$US' if code in FED_USD_PER_UNIT else ''}_N.{frequency}.{country}": code
        for country, code in FED_DDP.items()
    }


def _ddp_key(kind: str, file: _File, line: int, identifier: str) -> tuple[str, bool]:
    """The key of DDP series *identifier* in a file of *kind*, and whether it is USD per unit."""
    found = _DDP_ID.fullmatch(identifier)
    accepted = _ddp_ids(kind)
    if found is not None:
        reciprocal, frequency, country = bool(found[1]), found[2], found[3]
        code = FED_DDP.get(country)
        if code is not None and _DDP_FREQUENCIES.get(frequency) == kind:
            return code, reciprocal
        if code is not None and frequency in _DDP_FREQUENCIES:
            other = _DDP_FREQUENCIES[frequency]
            what = (
                "an annual average (G.5A)" if other == "fx-annual" else "a monthly average (H.10)"
            )
            hint = f"{identifier} is {what}: give the file as {other}"
        elif code is not None and frequency == "B":
            average = identifier.replace(".B.", ".M." if kind == "fx-monthly" else ".A.")
            hint = (
                f"{identifier} is the daily rate (H.10); careerkit uses the Fed's "
                f"{'monthly' if kind == 'fx-monthly' else 'annual'} averages ({average})"
            )
        else:
            hint = f"{shown(identifier)} is not a series careerkit reads as {kind}"
    else:
        hint = f"{shown(identifier)} is not a series careerkit reads as {kind}"
    names = ", ".join(f"{id} ({code})" for id, code in accepted.items())
    raise file.error(
        f"{hint}. The Data Download Program lets you choose the series of a package: "
        f"expected {names}",
        line,
    )


def _ddp_metadata(
    file: _File,
    identifier: str,
    code: str,
    reciprocal: bool,
    cells: Mapping[str, tuple[str, int]],
) -> None:
    """Check a DDP column's ``Unit:`` and ``Currency:`` rows (cell, line) against its identifier."""
    direction = f"US dollars per {code}" if reciprocal else f"{code} per US dollar"
    unit, line = cells["Unit:"]
    expected_unit = f"Currency:_Per_{code if reciprocal else 'USD'}"
    if unit not in ("Currency", expected_unit):
        raise file.error(
            f"the unit of {identifier} is {shown(unit)}; its identifier says {direction}, "
            f"so expected {expected_unit} (or Currency)",
            line,
        )
    currency, line = cells["Currency:"]
    expected = (code, "USD") if reciprocal else (code,)
    if currency not in expected:
        raise file.error(
            f"the currency of {identifier} is {shown(currency)}; expected "
            f"{' or '.join(expected)} ({direction})",
            line,
        )


def _ddp_multiplier(file: _File, line: int, identifier: str, text: str) -> int:
    """The power of ten a DDP column's figures are multiplied by (0: as printed)."""
    try:
        multiplier = number(text)
    except RefusedError as error:
        raise file.error(
            f"the multiplier of {identifier} is {shown(text)}: {error}", line
        ) from None
    if multiplier == 1:
        return 0
    if identifier.endswith(".UK") and multiplier in _POUND_MULTIPLIERS:
        return 0  # the Fed's metadata for the pound, whose figures are printed as they are
    digits = multiplier.normalize().as_tuple()
    if multiplier <= 0 or digits.digits != (1,):
        raise file.error(
            f"the multiplier of {identifier} is {shown(text)}; expected a power of ten "
            "(1, 1000, 0.001, ...), which careerkit applies to each figure",
            line,
        )
    return multiplier.adjusted()


def _ddp_end(file: _File, line: int, column: str, cells: list[str]) -> None:
    """Check the last cell of a DDP file that ends without a line break, as the Fed's do.

    A file cut short inside its last row leaves a field fewer (refused as a row of
    another width), except inside its last cell: so the last cell, if a figure, must
    print as many decimals as the figure above it in its column (the Fed prints each
    series to the same decimals: four for H.10's rates, ``107.2000``). A column whose
    only figure is the last cannot be checked so.
    """
    figures = [cell for cell in cells if cell not in ("", "ND")]
    if not cells or cells[-1] in ("", "ND") or len(figures) < 2:
        return
    last, above = figures[-1], figures[-2]
    printed, expected = len(last.partition(".")[2]), len(above.partition(".")[2])
    if printed != expected:
        raise file.error(
            f"the last figure, {shown(last)}, prints {printed} decimals where the figure above "
            f"it prints {expected} ({shown(above)}), and the file ends without a line break "
            "(as the Fed's downloads do, each series printed to the same decimals): it may be "
            "cut short; download it again",
            line,
            column,
        )


def _ddp_date(file: _File, line: int, text: str, *, monthly: bool) -> Date:
    """A DDP date: ``YYYY-MM`` for a month, ``YYYY`` for a year."""
    found = re.fullmatch(r"([0-9]{4})-([0-9][0-9])" if monthly else r"([0-9]{4})", text)
    if found is None or (monthly and not 1 <= int(found[2]) <= 12):
        expected = "YYYY-MM, a month" if monthly else "YYYY, a year"
        raise file.error(f"date {shown(text)}; expected {expected}", line)
    return (int(found[1]), int(found[2])) if monthly else int(found[1])


_READERS: Mapping[str, Callable[[str, _File], _Reading]] = {
    FRED: _read_fred,
    BLS: _read_bls,
    WORLD_BANK: _read_world_bank,
    WORLD_BANK_ZIP: _read_world_bank,
    DATABANK: _read_databank,
    DDP: _read_ddp,
    SNAPSHOT: _read_snapshot,
}


# --- the parts of a row ------------------------------------------------------------------------


def _date(file: _File, line: int, text: str, *, monthly: bool) -> Date:
    """A ``YYYY-MM-01`` date as a month, or a ``YYYY-01-01`` date as a year."""
    expected = "YYYY-MM-01, the first of the month" if monthly else "YYYY-01-01, for the year"
    found = re.fullmatch(r"([0-9]{4})-([0-9][0-9])-([0-9][0-9])", text)
    try:
        if found is None:
            raise ValueError
        year, month, day = int(found[1]), int(found[2]), int(found[3])
        datetime.date(year, month, day)
    except ValueError:
        raise file.error(f"date {shown(text)}; expected a date as {expected}", line) from None
    if day != 1 or not (monthly or month == 1):
        raise file.error(f"date {shown(text)}; expected {expected}", line)
    return (year, month) if monthly else year


def _year(file: _File, line: int, text: str) -> int:
    if not re.fullmatch(r"[0-9]{4}", text):
        raise file.error(f"year {shown(text)}; expected a year of four digits", line)
    return int(text)


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


def _key(kind: str, file: _File, line: int, column: str, text: str) -> str:
    """*text*, the key of a row, if :func:`checked_key` accepts it for *kind*; else the error."""
    try:
        return checked_key(kind, text)
    except RefusedError as error:
        raise file.error(f"found {shown(text)}; {error}", line, column) from None


def alpha2(code: str) -> str | None:
    """The alpha-2 code of the World Bank's country code *code*; ``None`` for an aggregate."""
    if code == "XKX":  # Kosovo: the World Bank's code; XK is the code in use, not in ISO 3166
        return "XK"
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    return None if country is None else str(country.alpha_2)


# --- the checks every layout shares ------------------------------------------------------------


def _checked(kind: str, layout: str, file: _File, reading: _Reading) -> Parsed:
    """The :class:`Parsed` of *reading*, once every figure passes the shared checks."""
    before, _, tail = file.text.rpartition("\n")
    if before and tail.strip() and not reading.ends_whole:
        raise file.error(
            "the file ends without a line break: it may be cut short; download it again",
            before.count("\n") + 2,
        )
    lines: dict[str, dict[Date, int]] = {}
    values: dict[str, dict[Date, Decimal]] = {}
    marked: dict[str, list[Date]] = {}
    for figure in reading.figures:
        key, date, line = figure.key, figure.date, figure.line
        where = f"{key} {label(date)}"
        try:
            checked_date(kind, date)
        except RefusedError as error:
            raise file.error(f"{where}: {error}", line) from None
        seen = lines.setdefault(key, {})
        if date in seen:
            raise file.error(f"{where} is given twice, on lines {seen[date]} and {line}", line)
        if seen and not reading.sort:
            last, last_line = next(reversed(seen.items()))
            if _order(date) < _order(last):
                raise file.error(
                    f"{where} comes after {label(last)} (line {last_line}); "
                    "expected the dates of each series in increasing order",
                    line,
                )
        seen[date] = line
        if figure.text is None:
            marked.setdefault(key, []).append(date)
        else:
            values.setdefault(key, {})[date] = _value(kind, file, reading, figure)
    if not values:
        raise file.error(f"no values: the file has no figure for {kind}")
    ordered = {
        key: dict(sorted(dates.items(), key=lambda item: _order(item[0])))
        for key, dates in values.items()
    }
    missing = {}
    for key, dates in marked.items():
        span = ordered.get(key)
        if span:
            first, last = _order(next(iter(span))), _order(next(reversed(span)))
            inside = sorted((date for date in dates if first < _order(date) < last), key=_order)
            if inside:
                missing[key] = tuple(inside)
    return Parsed(
        kind=kind,
        format=layout,
        publisher=reading.publisher,
        series=reading.series,
        values=MappingProxyType({key: MappingProxyType(dates) for key, dates in ordered.items()}),
        missing=MappingProxyType(missing),
        published=reading.published,
    )


def _order(date: Date) -> tuple[int, int]:
    """*date* as ``(year, month)``, a year as ``(year, 0)``: so that dates compare."""
    return date if isinstance(date, tuple) else (date, 0)


def _value(kind: str, file: _File, reading: _Reading, figure: _Figure) -> Decimal:
    """The value of *figure*, checked, in :data:`UNITS` (inverted if quoted in USD per unit)."""
    text = str(figure.text)
    where = f"{figure.key} {label(figure.date)}: found {shown(text)}"
    try:
        value = checked_value(kind, text)
        exponent = reading.scaled.get(figure.key)
        if exponent:
            value = value.scaleb(exponent)  # exact: a power of ten
            where += f" (times the file's multiplier, 10^{exponent}: {value})"
            value = checked_value(kind, str(value))
    except RefusedError as error:
        hint = "" if _NUMBER.fullmatch(text.strip()) else f", or {reading.no_value} for no value"
        raise file.error(f"{where}; {error}{hint}", figure.line, figure.column) from None
    if figure.key in reading.inverted:
        context = decimal.Context(prec=INVERSION_DIGITS, rounding=decimal.ROUND_HALF_EVEN)
        with decimal.localcontext(context):
            return 1 / value
    return value


def _in_range(kind: str, value: Decimal) -> None:
    """RefusedError unless *value*, which passed the gate, is in the range of series *kind*."""
    if kind == "inflation":
        if not value > -100:
            raise RefusedError(
                "expected a rate above -100 (percent a year: at -100, prices fell to nothing)"
            )
    elif not value > 0:
        raise RefusedError(f"expected a positive number ({UNITS[kind]})")


def checked_value(kind: str, text: str) -> Decimal:
    """*text*, a value of series *kind* as careerkit keeps it, checked as :func:`read` checks values.

    For the installer, which reads back the ``key,date,value`` files it wrote into
    the user data folder (where anyone may have edited them): the value gate
    (:func:`careerkit.data._gate.number`, at most :data:`MAX_VALUE`), then the range
    of *kind* (positive; an inflation rate above -100). Values are in
    :data:`UNITS`, already inverted, so no inversion is made. Raises
    :class:`~careerkit.data._gate.RefusedError`, whose message says what was expected.

    >>> checked_value("cpi", "216.632")
    Decimal('216.632')
    >>> checked_value("fx-monthly", "1e-99999999")
    Traceback (most recent call last):
    ...
    careerkit.data._gate.RefusedError: expected a number of at most 10^12 and, unless 0, at least 10^-12
    >>> checked_value("inflation", "-100")
    Traceback (most recent call last):
    ...
    careerkit.data._gate.RefusedError: expected a rate above -100 (percent a year: at -100, prices fell to nothing)
    """
    if kind not in UNITS:
        raise RefusedError(f"expected a value of one of the series {', '.join(UNITS)}")
    value = number(text, largest=MAX_VALUE, smallest=SMALLEST_VALUES.get(kind, SMALLEST))
    _in_range(kind, value)
    return value


def checked_key(kind: str, key: str) -> str:
    """*key* if values of series *kind* are kept under it; else :class:`~careerkit.data._gate.RefusedError`.

    The one rule for the keys of each kind, as the loaders look values up: the
    readers apply it to every key they read, and the installer to every key it
    reads back from the user data folder. ``cpi``: ``US``. ``fx-monthly``,
    ``fx-annual``: the ISO 4217 codes of :data:`~careerkit.data.FX_SERIES`.
    ``inflation``: the World Bank's codes, three capital letters (ISO 3166-1
    alpha-3, and areas such as ``EMU``, ``WLD``, ``XKX``: no code the World Bank
    uses has a digit). ``ppp``: ISO 3166-1 alpha-2 codes, as :func:`alpha2` gives
    them (``XK`` for Kosovo).

    >>> checked_key("ppp", "IN")
    'IN'
    >>> checked_key("inflation", "123")
    Traceback (most recent call last):
    ...
    careerkit.data._gate.RefusedError: expected a World Bank country or area code, three capital letters such as USA or EMU
    """
    if kind == "cpi":
        accepted = key == "US"
    elif kind in ("fx-monthly", "fx-annual"):
        accepted = key in FX_SERIES.values()
    elif kind == "inflation":
        accepted = re.fullmatch(r"[A-Z]{3}", key) is not None
    elif kind == "ppp":
        accepted = key in _alpha2_codes()
    else:
        raise RefusedError(f"expected a key of one of the series {', '.join(UNITS)}")
    if not accepted:
        raise RefusedError(f"expected {_expected_key(kind)}")
    return key


def _expected_key(kind: str) -> str:
    if kind in ("fx-monthly", "fx-annual"):
        codes = ", ".join(sorted(FX_SERIES.values()))
        return f"the ISO 4217 code of a currency the Fed's series cover ({codes})"
    return {
        "cpi": "US: CPI-U is the index of the United States",
        "inflation": "a World Bank country or area code, three capital letters such as USA or EMU",
        "ppp": "an ISO 3166-1 alpha-2 country code in capitals, such as IN (XK for Kosovo)",
    }[kind]


@functools.cache
def _alpha2_codes() -> frozenset[str]:
    """Every code :func:`alpha2` may give."""
    import pycountry

    return frozenset(str(country.alpha_2) for country in pycountry.countries) | {"XK"}


def checked_date(kind: str, date: Date) -> Date:
    """*date* if series *kind* may have a value for it; else :class:`~careerkit.data._gate.RefusedError`.

    The readers' rule, which the installer applies again to what it reads back: from
    1900 on; a month not after the current month; a year that has ended, for an
    annual figure (an average over the year, or its change) is published only once
    the year is over.
    """
    if kind not in UNITS:
        raise RefusedError(f"expected a date of one of the series {', '.join(UNITS)}")
    monthly = SERIES[kind].frequency == "monthly"
    if monthly != isinstance(date, tuple):
        raise RefusedError(f"expected {'a month' if monthly else 'a year'}")
    today = datetime.date.today()
    year = _order(date)[0]
    if year < 1900:
        raise RefusedError("a date before 1900; expected 1900 or later")
    if _order(date) > (today.year, today.month if monthly else 0):
        raise RefusedError(f"a date after today, {today.isoformat()}")
    if not monthly and year == today.year:
        raise RefusedError(
            f"{year} has not ended: an annual figure is published only once its year is over; "
            f"expected {year - 1} or earlier"
        )
    return date
