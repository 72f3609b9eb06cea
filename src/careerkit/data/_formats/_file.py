"""A publisher's file as the readers see it: opened, decoded, its rows, and the parts of a row.

:func:`_open` reads a regular file of at most :data:`MAX_BYTES` (the ``API_*.csv``
member of a World Bank zip, of at most as many bytes uncompressed), as UTF-8 text (a
byte-order mark is allowed) whose lines end in LF, CRLF or CR alone (all read as
lines). A reader hands what it found to the shared checks as a :class:`_Reading` of
:class:`_Figure` cells; every error names the file and the line (:meth:`_File.error`).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

import attrs

from careerkit.data._checks import checked_key
from careerkit.data._formats._layouts import ECB_ZIP, LAYOUTS, WORLD_BANK_ZIP, _accepted
from careerkit.data._gate import RefusedError
from careerkit.data._series import Date
from careerkit.errors import DataFormatError, shown

MAX_BYTES = 256 * 1024 * 1024
"""The largest file read, and the largest zip member (uncompressed): 256 MiB.

The largest file careerkit expects, BLS's ``cu.data.0.Current``, is far smaller.
"""


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


# --- opening a file ----------------------------------------------------------------------------


def _open(kind: str, path: Path) -> _File:
    """*path*, given as a file of *kind*, read whole and decoded (a zip: its one ``API_*.csv``)."""
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
        if ECB_ZIP in LAYOUTS[kind]:
            return _unzipped(
                name, data, _ECB_MEMBER, "eurofxref-hist.csv, as in the ECB's download"
            )
        if WORLD_BANK_ZIP not in LAYOUTS[kind]:
            raise DataFormatError(
                f"{name}: a zip archive; careerkit reads zips only as World Bank downloads "
                f"(inflation, ppp, fx-world-bank) and the ECB's (fx-ecb-monthly, "
                f"fx-ecb-annual). {_accepted(kind)}"
            )
        return _unzipped(name, data)
    return _File(name, _decoded(name, data))


def _too_large(what: str) -> str:
    return f"{what}, larger than the 256 MiB ({MAX_BYTES:,} bytes) careerkit reads"


_API_MEMBER = r"API_[^/]*\.csv"
_ECB_MEMBER = r"eurofxref-hist\.csv"


def _unzipped(
    name: str,
    data: bytes,
    pattern: str = _API_MEMBER,
    expected: str = "API_<indicator>_DS2_en_csv_v2_<n>.csv, as in the World Bank's downloads",
) -> _File:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [
                info
                for info in archive.infolist()
                if re.fullmatch(pattern, info.filename.rsplit("/", 1)[-1])
            ]
            if len(members) != 1:
                names = ", ".join(shown(info.filename) for info in archive.infolist()[:6])
                raise DataFormatError(
                    f"{name}: expected one member named {expected}; found {len(members)} "
                    f"among: {names or 'none'}"
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


def _key(kind: str, file: _File, line: int, column: str, text: str) -> str:
    """*text*, the key of a row, if :func:`checked_key` accepts it for *kind*; else the error."""
    try:
        return checked_key(kind, text)
    except RefusedError as error:
        raise file.error(f"found {shown(text)}; {error}", line, column) from None
