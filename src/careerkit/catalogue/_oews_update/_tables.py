"""BLS's files as tables: the zip archives, Excel workbooks and CSVs BLS serves, read within bounds.

Each file given to ``careerkit data update oews`` is read whole (at most
:data:`MAX_BYTES`); a zip archive's ``.xlsx`` and ``.csv`` members are each a table,
a workbook's sheet with BLS's columns is one (its other sheets are its field
descriptions, which state the top code), a CSV is one. Nothing here checks a value:
:mod:`careerkit.catalogue._oews_update._rows` does. A file that cannot be read as one
of these is refused naming it, with the formats careerkit reads.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from careerkit.errors import DataFormatError, MissingExtraError, shown

MAX_BYTES = 256 * 2**20
"""The largest file (or zip member) read: BLS's all-data workbook is well under it."""
MAX_UNPACKED = 2**30
"""The most bytes a workbook may unpack to (BLS's all-data workbook unpacks to far less)."""
MAX_ROWS = 2_000_000
"""The most rows a table may have (BLS's all-data table has about 400,000)."""
MAX_COLUMNS = 200
"""The most columns a table may have (BLS's have 32)."""


class _Table:
    """One table's header and rows (each with its line), and the text of its notes."""

    def __init__(
        self, where: str, header: list[str], rows: list[tuple[int, list[str]]], notes: str
    ) -> None:
        self.where = where
        """The table as messages name it: ``"national_M2026_dl.csv"``, ``"oesm26nat.zip: ..."``."""
        self.header = header
        self.rows = rows
        self.notes = notes
        """The text of the workbook's other sheets (its field descriptions, which state the
        top code); ``""`` for a CSV."""

    def refuse(self, why: str) -> DataFormatError:
        """The table is not one careerkit reads (a layout problem: the formats it reads follow)."""
        return _refuse(self.where, why)

    def bad(self, line: int, column: str, value: str, why: str) -> DataFormatError:
        """A value the gate refuses, named by its row and column."""
        return DataFormatError(f"{self.where}, row {line}, column {column}: {shown(value)}: {why}")


def _refuse(where: str, why: str) -> DataFormatError:
    return DataFormatError(
        f"{where}: {why}. careerkit reads BLS's OEWS tables (oesmYYnat.zip, oesmYYst.zip, "
        "oesmYYma.zip, oesmYYall.zip, the workbooks in them, such as national_MYYYY_dl.xlsx, "
        "or a sheet of them saved as CSV): see docs/howto/update-data.md"
    )


def _named(path: Path) -> str:
    return path.name if len(path.name) <= 100 else shown(path.name)


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
    except ModuleNotFoundError as error:
        library = (error.name or "openpyxl").split(".")[0]
        raise MissingExtraError(
            f"{where}: reading an Excel workbook", library, "xlsx", "or save the sheet as CSV"
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
