"""Installing a BLS OEWS release: ``careerkit data update oews FILE [FILE ...]``.

BLS publishes each May release's national and state cross-industry estimates on
https://www.bls.gov/oes/tables.htm as zip files of Excel workbooks. careerkit
accepts, for each file given:

- the zip files as BLS serves them: ``oesm26nat.zip`` (national), ``oesm26st.zip``
  (states and territories) or ``oesm26all.zip`` (everything): the workbooks in them
  are read;
- a workbook itself: ``national_M2026_dl.xlsx``, ``state_M2026_dl.xlsx``,
  ``all_data_M_2026.xlsx`` (reading ``.xlsx`` needs openpyxl: ``pip install
  'careerkit[xlsx]'``);
- the same table saved as CSV (UTF-8), with BLS's column names in upper or lower
  case: ``AREA``, ``AREA_TYPE``, ``OCC_CODE``, ``OCC_TITLE``, ``O_GROUP``,
  ``TOT_EMP``, ``EMP_PRSE``, ``H_MEAN``, ``A_MEAN``, ``MEAN_PRSE``, ``H_PCT10`` ...
  ``H_PCT90``, ``H_MEDIAN``, ``A_PCT10`` ... ``A_PCT90``, ``A_MEDIAN``, and where
  present ``JOBS_1000``, ``LOC_QUOTIENT``, ``ANNUAL``, ``HOURLY``, ``I_GROUP``,
  ``OWN_CODE``.

Rows kept: cross-industry, all ownerships (``I_GROUP`` "cross-industry",
``OWN_CODE`` 1235, where those columns exist), national (``AREA_TYPE`` 1) and
state or territory (2 and 3, by FIPS code in ``AREA``); metropolitan and
nonmetropolitan areas are left out. The national rows are required (with the
"all occupations" row, 00-0000, and at least one detailed occupation, each with
its major group's row); state rows are optional.

**Every value passes the gate** (:mod:`careerkit.data._gate`) before anything is
written: counts (``TOT_EMP``) are whole numbers, as BLS publishes them
(``2,601,200``); wages, relative standard errors, jobs per 1,000 and location
quotients are numbers from 0 to careerkit's largest amount, written as digits
(``2_2.10``, ``NaN`` or ``1e20`` are refused); each row's hourly and annual
percentiles do not decrease (p10 <= p25 <= median <= p75 <= p90, a figure BLS did
not publish skipped), and one above a percentile marked ``#`` is marked too; a
figure is kept as written, in fixed point, of at most 45 decimal places
(``0e-999999`` is refused); titles are one line of text without control
characters; an occupation careerkit does not know yet must have a title whose slug (its id)
is not empty; SOC codes are ``NN-NNNN`` with one of BLS's ``O_GROUP`` levels, and
each occupation and area appears once. Digits are ASCII digits everywhere (codes,
areas, figures, the year in a file name): ``٤٣-٤٠٥٩`` is no SOC code. No
occupation may answer to a key (id, title, code, normalized as lookups are)
that another career answers to, in the catalogue the release would make with
those in use: not another occupation, not careerkit's own profiles
(``customer-service`` answers to ``CSR``). Such a clash usually comes from a
release coded in another SOC version (an older workbook's SOC 2010 code
15-1134, *Web Developers*, is 15-1254 in SOC 2018); it would make every lookup
fail. A file that fails is refused with :class:`~careerkit.errors.DataFormatError` naming the
file, the row, the column and the value; nothing is written.

BLS's marks become careerkit's footnotes, exactly as in the shipped catalogue:
``*`` (wage not available) and ``**`` (employment not available) are estimates
not released (footnote 8, absent, never zero); ``#`` is a wage at or above the
top code (footnote 5; the top code is read from the workbook's field
descriptions, "$115.00 per hour or $239,200 per year": a CSV without them that
has ``#`` is refused); ``ANNUAL`` "TRUE" withholds hourly figures and ``HOURLY``
"TRUE" annual ones (footnote 4). Nothing is derived. The top code passes the
gate too (digits, within careerkit's bounds, above 0), the annual one is the
hourly one x 2,080 hours, and both are above the median wage of all occupations.
Figures are not checked against it: BLS's May 2025 national workbook states
$115.00 an hour and publishes 225 percentiles above it, none marked ``#`` (and
means are above it in every release).

**Releases stack.** The release is dated from the file names (``M2026``,
``oesm26``) or *reference_date*: names that give two years
(``national_M2026_oesm25.csv``, or files of two years) need *reference_date*,
and a year before 1999, the first OES release coded in SOC, is refused. It is
installed beside the releases in use, never in their place: a release of
another date adds its figures to every
occupation it covers, as that date's (``pay_history`` then has one more point); a
release of a date in use lies over that date's figures for the areas it covers
and leaves the others (a national table keeps the states' figures), after its
figures are checked against that date's in use (revisions need
``accept_revisions``: a figure in use that the release leaves blank or marks
``*``, ``**`` or ``#`` is revised too, reported as ``(key, field, figure in
use, "")`` or with the mark; one it has that was not in use is new, not a
revision); an installed release it covers entirely is dropped. The
newest date is the catalogue's "latest". Titles, ids and O*NET descriptions follow
the shipped catalogue (released ids never change; an occupation careerkit does
not know gets the slug of its title).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import itertools
import re
import shutil
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from careerkit.data import InstalledRelease, _gate
from careerkit.data._store import (
    MANIFEST,
    Installed,
    Revision,
    _data_file,
    _revision_error,
    _tidy,
    agrees,
    entry_for,
    fsync_files,
    locked,
    manifest_bytes,
    oews_manifest,
    oews_releases,
    release_record,
    write_atomic,
)
from careerkit.errors import DataFormatError, ValidationError, shown

MAX_BYTES = 256 * 2**20
"""The largest file (or zip member) read: BLS's all-data workbook is well under it."""
MAX_UNPACKED = 2**30
"""The most bytes a workbook may unpack to (BLS's all-data workbook unpacks to far less)."""
MAX_ROWS = 2_000_000
"""The most rows a table may have (BLS's all-data table has about 400,000)."""
MAX_COLUMNS = 200
"""The most columns a table may have (BLS's have 32)."""

_PUBLISHER = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics"

# BLS column -> careerkit's (the catalogue's FIELDS), the wage columns first
_WAGES = {
    "H_MEAN": "hourly_mean",
    "A_MEAN": "annual_mean",
    "MEAN_PRSE": "wage_rse",
    "H_PCT10": "hourly_p10",
    "H_PCT25": "hourly_p25",
    "H_MEDIAN": "hourly_median",
    "H_PCT75": "hourly_p75",
    "H_PCT90": "hourly_p90",
    "A_PCT10": "annual_p10",
    "A_PCT25": "annual_p25",
    "A_MEDIAN": "annual_median",
    "A_PCT75": "annual_p75",
    "A_PCT90": "annual_p90",
}
_EMPLOYMENT = {
    "TOT_EMP": "employment",
    "EMP_PRSE": "employment_rse",
    "JOBS_1000": "jobs_per_1000",
    "LOC_QUOTIENT": "location_quotient",
}
_REQUIRED = (
    "AREA",
    "AREA_TYPE",
    "OCC_CODE",
    "OCC_TITLE",
    "O_GROUP",
    "TOT_EMP",
    "EMP_PRSE",
    *(column for column in _WAGES),
)
_PERCENTILES = {
    period: [
        f"{prefix}_PCT10",
        f"{prefix}_PCT25",
        f"{prefix}_MEDIAN",
        f"{prefix}_PCT75",
        f"{prefix}_PCT90",
    ]
    for period, prefix in (("hourly", "H"), ("annual", "A"))
}
_LEVELS = {"total": "0", "major": "0", "minor": "1", "broad": "2", "detailed": "3"}
# digits are ASCII digits ([0-9]): \d would take Arabic-Indic or fullwidth ones too
_TOP_CODE = re.compile(r"\$\s*(\S+) per hour or \$\s*(\S+) per year")
_SOC = re.compile(r"[0-9]{2}-[0-9]{4}\Z")
_FIPS = re.compile(r"[0-9]{1,2}\Z")
_YEAR = re.compile(r"_M([0-9]{4})_|oesm([0-9]{2})", re.IGNORECASE | re.ASCII)
FIRST_YEAR = 1999
"""The first OES release coded in SOC (careerkit reads releases coded in SOC 2018)."""
_MARKS = "expected a number of 0 or more, or one of BLS's marks (*, **, #)"


class _Table:
    """One table's header and rows (each with its line), and the top code its notes state."""

    def __init__(
        self, where: str, header: list[str], rows: list[tuple[int, list[str]]], notes: str
    ) -> None:
        self.where = where
        """The table as messages name it: ``"national_M2026_dl.csv"``, ``"oesm26nat.zip: ..."``."""
        self.header = header
        self.rows = rows
        self.top_code = _top_code(where, notes)
        """The top code its field descriptions state, ``("115.00", "239200")``, if they do."""

    def refuse(self, why: str) -> DataFormatError:
        """The table is not one careerkit reads (a layout problem: the formats it reads follow)."""
        return _refuse(self.where, why)

    def bad(self, line: int, column: str, value: str, why: str) -> DataFormatError:
        """A value the gate refuses, named by its row and column."""
        return DataFormatError(f"{self.where}, row {line}, column {column}: {shown(value)}: {why}")


def _top_code(where: str, notes: str) -> tuple[str, str] | None:
    """The hourly and annual top codes *notes* state ("$115.00 per hour or $239,200 per
    year"), each through the gate, or ``None`` where they state none."""
    found = _TOP_CODE.search(notes)
    if found is None:
        return None
    codes: list[str] = []
    for text, period in ((found[1], "hour"), (found[2], "year")):
        try:
            value = _gate.number(text, grouped=True, exponent=False)
            if value <= 0:
                raise _gate.RefusedError("expected a wage above 0")
            if codes and value != Decimal(codes[0]) * 2080:
                raise _gate.RefusedError(
                    "expected the hourly top code x 2,080 hours, as BLS states annual wages"
                )
            codes.append(_kept(value))
        except _gate.RefusedError as error:
            raise DataFormatError(
                f"{where}, field descriptions: the top code per {period}, {shown('$' + text)}: "
                f'{error}; BLS writes it "$115.00 per hour or $239,200 per year"'
            ) from None
    return codes[0], codes[1]


def _refuse(where: str, why: str) -> DataFormatError:
    return DataFormatError(
        f"{where}: {why}. careerkit reads BLS's OEWS tables (oesmYYnat.zip, oesmYYst.zip, "
        "their national_MYYYY_dl.xlsx and state_MYYYY_dl.xlsx workbooks, or a sheet of them "
        "saved as CSV): see docs/howto/update-data.md"
    )


def _named(path: Path) -> str:
    return path.name if len(path.name) <= 100 else shown(path.name)


# --- reading the files ----------------------------------------------------------------------------


def _content(path: Path) -> bytes:
    """The bytes of *path*, a file the user gave, or the error that says why it cannot be read."""
    try:
        if not path.is_file():
            raise _refuse(_named(path), "no such file" if not path.exists() else "not a file")
        if path.stat().st_size > MAX_BYTES:
            raise _refuse(_named(path), f"larger than {MAX_BYTES // 2**20} MiB")
        return path.read_bytes()
    except OSError as error:  # a name too long, no permission, a loop of links ...
        raise _refuse(_named(path), f"cannot be read ({error.strerror or error})") from None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return repr(value)  # refused by the gate, as written
        return repr(value) if not value.is_integer() else str(int(value))
    return str(value).strip()


def _header(where: str, cells: Iterable[object]) -> list[str]:
    header = [_text(cell).lstrip("\ufeff").strip().upper() for cell in cells]
    if len(header) > MAX_COLUMNS:
        raise _refuse(where, f"has {len(header):,} columns, more than a BLS table's")
    seen = set()
    for name in header:
        if name and name in seen:
            raise _refuse(where, f"has two columns named {shown(name)}")
        seen.add(name)
    return header


def _unpacked(where: str, content: bytes, what: str = "a whole zip archive") -> zipfile.ZipFile:
    """*content* as a zip archive whose members are plain and of bounded size, else the error."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise _refuse(where, f"is not {what} ({error})") from None
    total = 0
    for info in archive.infolist():
        if info.flag_bits & 0x1:
            raise _refuse(
                where, f"{shown(info.filename)} is encrypted: give the file as BLS serves it"
            )
        if info.file_size > MAX_UNPACKED:
            raise _refuse(
                where, f"{shown(info.filename)} unpacks to more than {MAX_UNPACKED // 2**30} GiB"
            )
        total += info.file_size
    if total > MAX_UNPACKED:
        raise _refuse(where, f"unpacks to more than {MAX_UNPACKED // 2**30} GiB")
    return archive


def _member(where: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        return archive.read(info)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        RuntimeError,
        NotImplementedError,
    ) as error:
        raise _refuse(where, f"{shown(info.filename)} cannot be unpacked ({error})") from None


def _xlsx(where: str, content: bytes) -> _Table:
    try:
        import openpyxl
    except ImportError:
        raise _refuse(
            where,
            "reading an Excel workbook needs openpyxl: pip install 'careerkit[xlsx]' (or save "
            "the sheet as CSV)",
        ) from None
    # a workbook is a zip archive: bounded and plain, or refused
    _unpacked(where, content, "an Excel workbook (one is a zip archive)").close()
    try:
        return _sheets(
            where, openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        )
    except DataFormatError:
        raise
    except Exception as error:  # openpyxl (and the XML and zip readers under it) raise many kinds
        raise _refuse(
            where,
            f"cannot be read as an Excel workbook ({type(error).__name__}: {shown(str(error))})",
        ) from None


def _sheets(where: str, book: Any) -> _Table:
    """The sheet of *book* with BLS's columns, and the text of the others (the field descriptions)."""
    found: _Table | None = None
    notes = []
    try:
        for sheet in book.worksheets:
            lines = sheet.iter_rows(values_only=True)
            first = next(lines, ())
            if "OCC_CODE" in [_text(cell).upper() for cell in first] and found is None:
                name = f"{where} (sheet {sheet.title!r})"
                header = _header(name, first)
                rows = []
                for number, line in enumerate(lines, 2):
                    if number > MAX_ROWS:
                        raise _refuse(name, f"has more than {MAX_ROWS:,} rows")
                    cells = [_text(cell) for cell in line]
                    if any(cells):
                        # Excel leaves out empty cells at the end of a row: they are empty
                        rows.append((number, cells + [""] * (len(header) - len(cells))))
                found = _Table(name, header, rows, "")
            else:
                for line in (first, *(next(lines, ()) for _ in range(200))):
                    notes.append(" ".join(_text(cell) for cell in line))
    finally:
        book.close()
    if found is None:
        raise _refuse(where, "holds no sheet with BLS's columns (OCC_CODE, OCC_TITLE, ...)")
    return _Table(found.where, found.header, found.rows, "\n".join(notes))


def _csv(where: str, content: bytes) -> _Table:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _refuse(
            where, f"is not UTF-8 text ({error.reason} at byte {error.start:,})"
        ) from None
    if "\0" in text:
        raise _refuse(where, "holds NUL characters: it is not a text table")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = _header(where, next(reader, []))
        rows = []
        line = reader.line_num + 1  # where the next row starts (a quoted cell may span lines)
        for cells in reader:
            if line > MAX_ROWS:
                raise _refuse(where, f"has more than {MAX_ROWS:,} rows")
            if any(cell.strip() for cell in cells):
                if len(cells) != len(header):
                    raise _refuse(
                        where,
                        f"row {line} has {len(cells)} cells and the header {len(header)}: "
                        "the file may be cut short",
                    )
                rows.append((line, [cell.strip() for cell in cells]))
            line = reader.line_num + 1
    except csv.Error as error:  # a cell longer than the csv module's limit, a stray quote ...
        raise _refuse(where, f"row {line} cannot be read as CSV ({error})") from None
    return _Table(where, header, rows, "")


def _tables(path: Path, content: bytes) -> Iterator[_Table]:
    """The tables in *path* (whose bytes are *content*): a zip's workbooks, a workbook, or a CSV."""
    where = _named(path)
    if path.suffix.lower() != ".xlsx" and content[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        archive = _unpacked(where, content)
        members = [
            info
            for info in archive.infolist()
            if info.filename.lower().endswith((".xlsx", ".csv"))
            and not info.filename.split("/")[-1].startswith(("~", "."))
        ]
        if not members:
            raise _refuse(where, "holds no .xlsx or .csv table")
        for info in members:
            inner = f"{where}: {shown(info.filename, 100)}"
            data = _member(where, archive, info)
            yield (
                _xlsx(inner, data) if info.filename.lower().endswith(".xlsx") else _csv(inner, data)
            )
        return
    yield _xlsx(where, content) if path.suffix.lower() == ".xlsx" else _csv(where, content)


# --- every value through the gate -----------------------------------------------------------------


def _figure(table: _Table, line: int, column: str, value: str) -> str:
    """*value*, a count or figure of *column*, as careerkit keeps it, or the gate's refusal."""
    try:
        if column == "TOT_EMP":
            return str(_gate.integer(value, grouped=True))
        number = _gate.number(value, grouped=True)
        kept = _kept(number.copy_abs())  # -0.0 is 0.0
    except _gate.RefusedError as error:
        why = str(error) if column == "TOT_EMP" else f"{error}, or one of BLS's marks (*, **, #)"
        raise table.bad(line, column, value, why) from None
    if number < 0:
        raise table.bad(line, column, value, _MARKS)
    return kept


def _kept(number: Decimal) -> str:
    """*number* as careerkit keeps it: as written, in fixed point (``22.10``, ``2601200``), of
    at most :data:`careerkit.data._gate.MAX_PLACES` decimal places (the gate's bound)."""
    return f"{number:f}"


def _area(table: _Table, line: int, bls: dict[str, str]) -> str | None:
    """The catalogue's area code of a national or state row (``"0600000"``), ``None`` for others."""
    from careerkit.catalogue._build import STATES

    kind = bls["AREA_TYPE"]
    if kind == "1":
        return "0000000"
    if kind not in ("2", "3"):
        return None  # metropolitan and nonmetropolitan areas: not kept
    area = bls["AREA"]
    if not _FIPS.match(area) or f"{int(area):02d}" not in STATES:
        raise table.bad(
            line, "AREA", area, "expected the FIPS code of a state or territory, such as 6 or 06"
        )
    return f"{int(area):02d}00000"


def _rows(table: _Table) -> Iterator[tuple[int, dict[str, str], str]]:
    """*table*'s national and state rows in the catalogue's layout, each with its line and area
    type, every value checked."""
    if not table.rows:
        raise table.refuse("holds no rows with an OCC_CODE column")
    missing = [column for column in _REQUIRED if column not in table.header]
    if missing:
        raise table.refuse(f"lacks the columns {', '.join(missing)}")
    for line, cells in table.rows:
        bls = dict(zip(table.header, cells, strict=True))
        if bls.get("I_GROUP", "cross-industry").lower() != "cross-industry":
            continue
        if bls.get("OWN_CODE", "1235") not in ("1235", ""):
            continue
        area = _area(table, line, bls)
        if area is None:
            continue
        code, group = bls["OCC_CODE"], bls["O_GROUP"].lower()
        if not _SOC.match(code):
            raise table.bad(line, "OCC_CODE", code, "expected a SOC code such as 43-4051")
        if group not in _LEVELS:
            raise table.bad(
                line,
                "O_GROUP",
                bls["O_GROUP"],
                "expected one of total, major, minor, broad, detailed",
            )
        try:
            title = _gate.plain_text(bls["OCC_TITLE"])
        except _gate.RefusedError as error:
            raise table.bad(line, "OCC_TITLE", bls["OCC_TITLE"], str(error)) from None
        row = {
            "area_code": area,
            "soc_code": code,
            "occupation_title": title,
            "display_level": _LEVELS[group],
        }
        notes: list[str] = []
        withheld = {
            "hourly": bls.get("ANNUAL", "").upper() == "TRUE",  # annual figures only
            "annual": bls.get("HOURLY", "").upper() == "TRUE",
        }
        for column, field in {**_EMPLOYMENT, **_WAGES}.items():
            value = bls.get(column, "").strip()
            row[field] = ""
            if withheld.get(field.split("_")[0]) and value in ("", "*"):
                notes.append(f"{field}=4")
            elif value in ("*", "**"):
                notes.append(f"{field}=8")
            elif value == "#" and column in _WAGES and column != "MEAN_PRSE":
                if table.top_code is None:
                    raise table.bad(
                        line,
                        column,
                        value,
                        "a wage at or above BLS's top code, and the file does not state the top "
                        "code: give the workbook or zip BLS publishes (its field descriptions "
                        "state it)",
                    )
                notes.append(f"{field}=5")
            elif value:
                row[field] = _figure(table, line, column, value)
        _in_order(table, line, bls, row)
        row["footnotes"] = ";".join(notes)
        yield line, row, bls["AREA_TYPE"]


def _in_order(table: _Table, line: int, bls: dict[str, str], row: dict[str, str]) -> None:
    """BLS's percentiles of each period rise (or stay): p10 <= p25 <= median <= p75 <= p90; and
    one above a percentile at or above the top code (``#``) is at or above it too."""
    for period, columns in _PERCENTILES.items():
        for lower, upper in itertools.pairwise(columns):
            if bls[lower] == "#" and row[_WAGES[upper]]:
                raise table.bad(
                    line,
                    upper,
                    bls[upper],
                    f"a figure above {lower} (#, at or above the top code): BLS's {period} "
                    "percentiles rise, and one above a top-coded percentile is top-coded (#) too",
                )
        figures = [
            (column, Decimal(row[_WAGES[column]])) for column in columns if row[_WAGES[column]]
        ]
        for (lower, low), (upper, high) in itertools.pairwise(figures):
            if low > high:
                raise table.bad(
                    line,
                    upper,
                    bls[upper],
                    f"below {lower} ({bls[lower]}): BLS's {period} percentiles rise, "
                    "p10 <= p25 <= median <= p75 <= p90",
                )


# --- the release as a whole ------------------------------------------------------------------------


class _Read:
    """Every table's kept rows: national and state, each with where it came from."""

    def __init__(self) -> None:
        self.national: list[dict[str, str]] = []
        self.states: list[dict[str, str]] = []
        # (SOC code, area, level) -> "file, row N": BLS gives some codes both as a broad group
        # and as the detailed occupation its survey measures (13-1020, Buyers and Purchasing
        # Agents): two rows, one of each level
        self.where: dict[tuple[str, str, str], str] = {}
        self.top_codes: set[tuple[str, str]] = set()

    def add(self, table: _Table) -> None:
        for line, row, kind in _rows(table):
            key = (row["soc_code"], row["area_code"], row["display_level"])
            here = f"{table.where}, row {line}"
            if key in self.where:
                raise DataFormatError(
                    f"{here}: {row['soc_code']} appears twice for area {row['area_code']} "
                    f"(also {self.where[key]}): give each table once"
                )
            self.where[key] = here
            (self.national if kind == "1" else self.states).append(row)
        if table.top_code is not None:
            self.top_codes.add(table.top_code)

    def check(self, names: str) -> None:
        """The national table is whole: all occupations, detailed ones, their major groups."""
        if not any(row["soc_code"] == "00-0000" for row in self.national):
            raise _refuse(
                names,
                "no national row for all occupations (SOC 00-0000): give the whole national "
                "table (BLS's oesmYYnat.zip or national_MYYYY_dl.xlsx)",
            )
        detailed = [row for row in self.national if row["display_level"] == "3"]
        if not detailed:
            raise _refuse(names, "the national table holds no detailed occupation")
        groups = {row["soc_code"] for row in self.national if row["display_level"] == "0"}
        for row in detailed:
            if f"{row['soc_code'][:2]}-0000" not in groups:
                here = self.where[row["soc_code"], row["area_code"], "3"]
                raise DataFormatError(
                    f"{here}: {row['soc_code']} ({row['occupation_title']}) has no national row "
                    f"for its major group, {row['soc_code'][:2]}-0000: give the whole national table"
                )
        if len(self.top_codes) > 1:
            raise DataFormatError(
                f"{names}: the files state different top codes: {sorted(self.top_codes)}"
            )
        for hour, year in self.top_codes:
            self._above_the_median(names, Decimal(hour), Decimal(year))

    def _above_the_median(self, names: str, hour: Decimal, year: Decimal) -> None:
        """BLS's top code is far above the median wage of all occupations (it marks only the
        highest wages #): one at or below it is not BLS's.

        Figures are not checked against the top code: BLS's May 2025 national workbook
        states "$115.00 per hour or $239,200 per year" and publishes 225 percentiles above it,
        none of them marked #.
        """
        (everyone,) = [row for row in self.national if row["soc_code"] == "00-0000"]
        for top, field, per in (
            (hour, "hourly_median", "an hour"),
            (year, "annual_median", "a year"),
        ):
            if everyone[field] and top <= Decimal(everyone[field]):
                raise DataFormatError(
                    f"{names}: the top code the field descriptions state, ${top} {per}, is not "
                    f"above the median wage of all occupations (00-0000: {everyone[field]}): "
                    "it is not BLS's, which marks only the highest wages # (BLS's May 2024 "
                    "top code: $115.00 per hour or $239,200 per year)"
                )

    def check_ids(self, released: dict[str, str]) -> None:
        """An occupation careerkit has no id for gets the slug of its title: it must have one."""
        from careerkit.catalogue._build import slug

        for row in self.national:
            new = row["display_level"] == "3" and row["soc_code"] not in released
            if new and not slug(row["occupation_title"]):
                here = self.where[row["soc_code"], row["area_code"], "3"]
                raise DataFormatError(
                    f"{here}, column OCC_TITLE: {shown(row['occupation_title'])}: a new "
                    "occupation's id is its title in ASCII letters and digits, and this "
                    "title has none"
                )

    def check_keys(self, after: Any, before: Any) -> None:
        """No occupation of the release answers to a key that another career answers to in
        *after*, the catalogue the release would make with those in use (*before*): two
        careers answering to one key would make every lookup fail. The occupations in use
        come first: a new one is the one refused."""
        socs = [row["soc_code"] for row in self.national if row["display_level"] == "3"]
        socs.sort(key=lambda soc: soc not in before.occupations)  # stable: row order kept
        found = after.clash(socs)
        if found is None:
            return
        occupation, key, other, other_soc = found
        here = self.where[occupation.soc, "0000000", "3"]
        also = self.where.get((other_soc, "0000000", "3"))
        if key == occupation.title:
            column, value, what = "OCC_TITLE", occupation.title, "this title"
        elif key == occupation.id:
            column, value, what = (
                "OCC_TITLE",
                occupation.title,
                f"the id {key!r} made of this title",
            )
        else:
            column, value, what = "OCC_CODE", occupation.soc, shown(key)
        raise DataFormatError(
            f"{here}, column {column}: {shown(value)}: {occupation.soc} would answer to {what}, "
            f"as {other} does{f' ({also})' if also else ''}, and two careers cannot answer to "
            f"one key. Is {occupation.soc} a code of another SOC version? careerkit reads OEWS "
            "releases coded in SOC 2018, where each occupation has a code and title of its own"
        )

    def areas(self) -> list[str]:
        from careerkit.catalogue._build import _region

        found = {_region(row["area_code"]) for row in self.states}
        return ["US", *sorted(found)]


def _reference_date(paths: Iterable[Path], given: str | None) -> str:
    from careerkit.model.dates import ReferenceDate

    if given is not None:
        date = ReferenceDate.parse(given, field="reference_date")
        if date.precision != "month":
            raise ValidationError(
                f"expected the release's month, such as '2026-05', got {shown(given)}",
                field="reference_date",
            )
        text, year = str(date), date.year
    else:
        years = {
            int(found[1]) if found[1] else 2000 + int(found[2])
            for path in paths
            for found in _YEAR.finditer(path.name)
        }
        if len(years) != 1:
            names = ", ".join(_named(path) for path in paths)
            why = (
                f"the file names give different years ({', '.join(map(str, sorted(years)))})"
                if years
                else "cannot tell the release's date from the file names"
            )
            raise ValidationError(
                f"{why} ({names if len(names) <= 200 else shown(names, 200)}): pass "
                "--reference-date (reference_date=), such as '2026-05'",
                field="reference_date",
            )
        year = years.pop()
        text = f"{year:04d}-05"  # OEWS estimates refer to May
    if year < FIRST_YEAR:
        raise ValidationError(
            f"the release is dated {text}, before {FIRST_YEAR}, the first OES release coded in "
            "SOC (careerkit reads releases coded in SOC 2018): check the file names or pass "
            "--reference-date",
            field="reference_date",
        )
    ReferenceDate.parse(text, field="reference_date")
    today = dt.date.today()
    if text > f"{today.year}-{today.month:02d}":
        raise ValidationError(
            f"the release is dated {text}, a month still to come: BLS publishes each May's "
            "estimates the following spring; check the file names or pass --reference-date",
            field="reference_date",
        )
    return text


# --- installing -----------------------------------------------------------------------------------


def update_oews(
    paths: list[Path], folder: Path, *, accept_revisions: bool, reference_date: str | None
) -> Installed:
    """See :func:`careerkit.data.update`, for ``oews``."""
    from careerkit import catalogue

    contents = {path: _content(path) for path in paths}
    date = _reference_date(paths, reference_date)
    read = _Read()
    digests = {}
    for path, content in contents.items():
        digests[path] = hashlib.sha256(content).hexdigest()
        for table in _tables(path, content):
            read.add(table)
    del contents
    names = ", ".join(_named(path) for path in paths)
    read.check(names)
    released = catalogue._released_ids()
    read.check_ids(released)
    detailed = {row["soc_code"] for row in read.national if row["display_level"] == "3"}
    rows = [
        row
        for row in (*read.national, *read.states)
        if row["soc_code"] in detailed and row["display_level"] == "3"
    ]
    from careerkit.catalogue._build import _region

    keys = {(row["soc_code"], _region(row["area_code"])) for row in rows}
    with locked(folder / "oews"):
        installed = oews_releases(folder)
        stack = catalogue.stacked(installed)  # checked: damage is named here too
        in_use = stack.in_use(date) if date in stack.dates else {}
        revisions = _compare(rows, in_use)
        if revisions and not accept_revisions:
            _revision_error("oews", paths[0], revisions, ["the release in use"] * len(revisions))
        covered = _covered(stack, date, keys)
        name = _write(read, date, folder, digests, released, stack, installed)
        records, entries = oews_manifest(folder)
        dropped = {record["folder"] for record in records if record["folder"] in covered}
        new_entries = [
            entry_for(path, digests[path], publisher=_PUBLISHER, format="BLS OEWS table")
            | {"span": date, "release": name}
            for path in paths
        ]
        kept = [entry for entry in entries if entry["release"] not in dropped]
        record = release_record(
            name,
            title=_title(date),
            reference_date=date,
            areas=read.areas(),
            occupations=len(detailed),
            folder=folder / "oews" / name,
        )
        write_atomic(
            folder / "oews" / MANIFEST,
            manifest_bytes(
                kept + new_entries,
                kind="oews",
                releases=[r for r in records if r["folder"] not in dropped] + [record],
            ),
        )
        _tidy(
            folder / "oews", {r["folder"] for r in records if r["folder"] not in dropped} | {name}
        )
    return Installed(
        kind="oews",
        folder=folder,
        files=tuple(_data_file("oews", entry) for entry in new_entries),
        span=date,
        points=len(keys),
        new=len(keys - set(in_use)),
        revisions=tuple(revisions),
        replaced=tuple(
            _data_file("oews", entry) for entry in entries if entry["release"] in dropped
        ),
    )


def _title(date: str) -> str:
    from careerkit.model.dates import ReferenceDate

    return f"OEWS {ReferenceDate.parse(date).label()} (installed by careerkit data update)"


def _write(
    read: _Read,
    date: str,
    folder: Path,
    digests: dict[Path, str],
    released: dict[str, str],
    stack: Any,
    installed: tuple[InstalledRelease, ...],
) -> str:
    """Write the release into a new folder of *folder*/oews; its name (the manifest names it).

    Before the folder is complete, the catalogue it would make with the *installed*
    releases (*stack*: the catalogue they make) is read back from it and checked
    (:meth:`_Read.check_keys`): a release refused leaves nothing behind.
    """
    from careerkit import catalogue
    from careerkit.catalogue._build import write_release

    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    name = f"{hashlib.sha256(''.join(sorted(digests.values())).encode()).hexdigest()[:16]}-{stamp}"
    building = folder / "oews" / f".{name}.tmp"
    building.mkdir(parents=True)
    try:
        hour, year = read.top_codes.copy().pop() if read.top_codes else (None, None)
        write_release(
            read.national,
            read.states,
            catalogue.descriptions(),
            building,
            release={
                "name": _title(date),
                "reference_date": date,
                "published": None,
                "onet_version": stack.latest.about["onet_version"],
                "top_code_hour": hour,
                "top_code_year": year,
                "files": {path.name: digests[path] for path in digests},
            },
            ids=released,
        )
        contents = {path.name: path.read_bytes() for path in building.iterdir()}
        pending = InstalledRelease(
            folder=building,
            name=_title(date),
            reference_date=date,
            areas=tuple(read.areas()),
            occupations=sum(row["display_level"] == "3" for row in read.national),
            files=(),
            contents=contents,
        )
        read.check_keys(catalogue.stacked([*installed, pending]), stack)
        fsync_files(building)
        building.rename(folder / "oews" / name)  # complete: the manifest may name it
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return name


def _compare(
    rows: list[dict[str, str]], in_use: dict[tuple[str, str], list[str]]
) -> list[Revision]:
    """Figures in use for the release's date that *rows* state otherwise."""
    from careerkit.catalogue import FIELDS
    from careerkit.catalogue._build import _region

    revisions: list[Revision] = []
    for row in rows:
        old = in_use.get((row["soc_code"], _region(row["area_code"])))
        if old is None:
            continue
        marks = dict(note.split("=") for note in row["footnotes"].split(";") if note)
        for field, before in zip(FIELDS[:-1], old[1:], strict=False):
            # a figure in use that the release leaves out (blank, or one of BLS's marks) is
            # revised too; one the release has that was not in use is new, not a revision
            after = row.get(field, "")
            if before and not (after and agrees("oews", Decimal(before), Decimal(after))):
                key = f"{row['soc_code']} {_region(row['area_code'])}"
                revisions.append((key, field, before, after or _mark(field, marks.get(field))))
    return revisions


def _mark(field: str, footnote: str | None) -> str:
    """The mark BLS writes for *field* with *footnote*: ``*``, ``**``, ``#`` or ``""``."""
    if footnote == "5":
        return "#"
    if footnote == "8" and field in _EMPLOYMENT.values():
        return "**"
    return "*" if footnote else ""


def _covered(stack: Any, date: str, keys: set[tuple[str, str]]) -> set[str]:
    """The folders of the installed releases of *date* whose every figure *keys* covers."""
    covered = set()
    for layer in stack.layers(date):
        if layer.installed is None:
            continue  # the shipped release stays: it is the bottom of the stack
        mine = {
            (soc, row[0])
            for soc, line in layer.index.items()
            for row in layer.rows(*line.chunks[0][1:])
        }
        if mine <= keys:
            covered.add(layer.installed.folder.name)
    return covered
