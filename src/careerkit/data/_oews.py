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
"all occupations" row, 00-0000, and at least one detailed occupation); state rows
are optional.

BLS's marks become careerkit's footnotes, exactly as in the shipped catalogue:
``*`` (wage not available) and ``**`` (employment not available) are estimates
not released (footnote 8, absent, never zero); ``#`` is a wage at or above the
top code (footnote 5; the top code is read from the workbook's field
descriptions, "$115.00 per hour or $239,200 per year": a CSV without them that
has ``#`` is refused); ``ANNUAL`` "TRUE" withholds hourly figures and ``HOURLY``
"TRUE" annual ones (footnote 4). Nothing is derived.

The release is dated from the file names (``M2026``, ``oesm26``) or
*reference_date*; titles, ids and O*NET descriptions follow the shipped
catalogue (released ids never change; a new occupation gets the slug of its
title). Installing the release careerkit already has in use checks every figure
against it, as for other series.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import shutil
import zipfile
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

from careerkit.data._store import (
    MANIFEST,
    Installed,
    Revision,
    _data_file,
    _revision_error,
    _tidy,
    agrees,
    entry_for,
    locked,
    manifest_bytes,
    write_atomic,
)
from careerkit.errors import DataFormatError, ValidationError, shown

MAX_BYTES = 256 * 2**20
"""The largest file (or zip member) read: BLS's all-data workbook is well under it."""

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
_REQUIRED = ("AREA", "AREA_TYPE", "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "EMP_PRSE")
_LEVELS = {"total": "0", "major": "0", "minor": "1", "broad": "2", "detailed": "3"}
_TOP_CODE = re.compile(r"\$\s*([\d,]+\.\d\d) per hour or \$\s*([\d,]+) per year")


class _Table:
    """One file's rows, BLS's columns upper-cased, and the top code its notes state."""

    def __init__(self, path: Path, rows: list[dict[str, str]], notes: str) -> None:
        self.path = path
        self.rows = rows
        found = _TOP_CODE.search(notes)
        self.top_code = (
            None if found is None else (found[1].replace(",", ""), found[2].replace(",", ""))
        )


def _refuse(path: Path, why: str) -> DataFormatError:
    return DataFormatError(
        f"{path.name}: {why}. careerkit reads BLS's OEWS tables (oesmYYnat.zip, oesmYYst.zip, "
        "their national_MYYYY_dl.xlsx and state_MYYYY_dl.xlsx workbooks, or a sheet of them "
        "saved as CSV): see docs/howto/update-data.md"
    )


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return str(value).strip()


def _xlsx(path: Path, content: bytes) -> _Table:
    try:
        import openpyxl
    except ImportError:
        raise _refuse(
            path,
            "reading an Excel workbook needs openpyxl: pip install 'careerkit[xlsx]' (or save "
            "the sheet as CSV)",
        ) from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise _refuse(path, f"cannot be read as an Excel workbook ({error})") from None
    rows: list[dict[str, str]] = []
    notes = []
    for sheet in book.worksheets:
        lines = sheet.iter_rows(values_only=True)
        header = [_text(cell).upper() for cell in next(lines, ())]
        if "OCC_CODE" in header and not rows:
            rows = [dict(zip(header, map(_text, line), strict=False)) for line in lines]
        else:
            notes += [" ".join(_text(cell) for cell in header)]
            notes += [" ".join(_text(cell) for cell in line) for line in lines]
    book.close()
    return _Table(path, rows, "\n".join(notes))


def _csv(path: Path, content: bytes) -> _Table:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _refuse(path, f"is not UTF-8 text ({error})") from None
    reader = csv.reader(io.StringIO(text))
    header = [cell.strip().upper() for cell in next(reader, [])]
    return _Table(path, [dict(zip(header, line, strict=False)) for line in reader], "")


def _tables(path: Path) -> Iterator[_Table]:
    """The tables in *path*: a zip's workbooks, a workbook, or a CSV."""
    if not path.is_file():
        raise _refuse(path, "no such file")
    if path.stat().st_size > MAX_BYTES:
        raise _refuse(path, f"larger than {MAX_BYTES // 2**20} MiB")
    content = path.read_bytes()
    if zipfile.is_zipfile(io.BytesIO(content)) and path.suffix.lower() != ".xlsx":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = [
                info
                for info in archive.infolist()
                if info.filename.lower().endswith((".xlsx", ".csv"))
                and not info.filename.split("/")[-1].startswith(("~", "."))
            ]
            if not members:
                raise _refuse(path, "holds no .xlsx or .csv table")
            for info in members:
                if info.file_size > MAX_BYTES:
                    raise _refuse(path, f"{info.filename} unpacks to more than 256 MiB")
                member = Path(info.filename)
                inner = archive.read(info)
                yield (
                    _xlsx(member, inner)
                    if member.suffix.lower() == ".xlsx"
                    else _csv(member, inner)
                )
        return
    yield _xlsx(path, content) if path.suffix.lower() == ".xlsx" else _csv(path, content)


def _number(table: _Table, line: int, column: str, value: str) -> str:
    plain = value.replace(",", "").strip()
    try:
        number = Decimal(plain)
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or number < 0:
        raise _refuse(
            table.path,
            f"row {line}: {column} is {shown(value)}: expected a number of 0 or more, or one "
            "of BLS's marks (*, **, #)",
        )
    return plain


def _rows(table: _Table) -> Iterator[tuple[dict[str, str], str]]:
    """*table*'s national and state rows in the catalogue's layout, each with its area type."""
    if not table.rows:
        raise _refuse(table.path, "holds no rows with an OCC_CODE column")
    missing = [column for column in _REQUIRED if column not in table.rows[0]]
    if missing:
        raise _refuse(table.path, f"lacks the columns {', '.join(missing)}")
    for line, bls in enumerate(table.rows, 2):
        if bls.get("I_GROUP", "cross-industry").lower() != "cross-industry":
            continue
        if bls.get("OWN_CODE", "1235") not in ("1235", ""):
            continue
        kind = bls["AREA_TYPE"]
        if kind == "1":
            area = "0000000"
        elif kind in ("2", "3") and bls["AREA"].isdigit():
            area = f"{int(bls['AREA']):02d}00000"
        else:
            continue
        code, group = bls["OCC_CODE"], bls["O_GROUP"].lower()
        if not re.fullmatch(r"\d\d-\d{4}", code) or group not in _LEVELS:
            raise _refuse(
                table.path,
                f"row {line}: OCC_CODE {shown(code)} with O_GROUP {shown(bls['O_GROUP'])}: "
                "expected a SOC code such as 43-4051 and one of total, major, minor, broad, "
                "detailed",
            )
        row = {
            "area_code": area,
            "soc_code": code,
            "occupation_title": bls["OCC_TITLE"],
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
            elif value == "#":
                if table.top_code is None:
                    raise _refuse(
                        table.path,
                        f"row {line}: {column} is '#', a wage at or above BLS's top code, and "
                        "the file does not state the top code: give the workbook or zip BLS "
                        "publishes (its field descriptions state it)",
                    )
                notes.append(f"{field}=5")
            elif value:
                row[field] = _number(table, line, column, value)
        row["footnotes"] = ";".join(notes)
        yield row, kind


def _reference_date(paths: Iterable[Path], given: str | None) -> str:
    if given is not None:
        from careerkit.model.dates import ReferenceDate

        date = ReferenceDate.parse(given, field="reference_date")
        if date.precision != "month":
            raise ValidationError(
                f"expected the release's month, such as '2026-05', got {shown(given)}",
                field="reference_date",
            )
        return str(date)
    years = set()
    for path in paths:
        found = re.search(r"_M(\d{4})_|oesm(\d\d)", path.name, re.IGNORECASE)
        if found:
            years.add(int(found[1]) if found[1] else 2000 + int(found[2]))
    if len(years) != 1:
        names = ", ".join(path.name for path in paths)
        raise ValidationError(
            f"cannot tell the release's date from the file names ({names}): pass "
            "--reference-date (reference_date=), such as '2026-05'",
            field="reference_date",
        )
    return f"{years.pop()}-05"  # OEWS estimates refer to May


def update_oews(
    paths: list[Path], folder: Path, *, accept_revisions: bool, reference_date: str | None
) -> Installed:
    """See :func:`careerkit.data.update`, for ``oews``."""
    from careerkit import catalogue
    from careerkit.catalogue._build import write_release
    from careerkit.model.dates import ReferenceDate

    date = _reference_date(paths, reference_date)
    national: list[dict[str, str]] = []
    states: list[dict[str, str]] = []
    top_codes = set()
    for path in paths:
        for table in _tables(path):
            for row, kind in _rows(table):
                (national if kind == "1" else states).append(row)
            if table.top_code is not None:
                top_codes.add(table.top_code)
    if len(top_codes) > 1:
        raise DataFormatError(f"the files state different top codes: {sorted(top_codes)}")
    hour, year = top_codes.pop() if top_codes else (None, None)
    in_use = catalogue.release()
    revisions = _compare(national + states) if in_use["reference_date"] == date else []
    digests = {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}
    with locked(folder / "oews"):
        if revisions and not accept_revisions:
            _revision_error("oews", paths[0], revisions, ["the release in use"] * len(revisions))
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
        name = (
            f"{hashlib.sha256(''.join(sorted(digests.values())).encode()).hexdigest()[:16]}-{stamp}"
        )
        building = folder / "oews" / f".{name}.tmp"
        building.mkdir(parents=True)
        try:
            shutil.copyfile(catalogue.shipped_folder() / "ids.tsv", building / "ids.tsv")
            write_release(
                national,
                states,
                catalogue.read_descriptions(catalogue.shipped_folder()),
                building,
                release={
                    "name": f"OEWS {ReferenceDate.parse(date).label()} (installed by careerkit "
                    "data update)",
                    "reference_date": date,
                    "published": None,
                    "onet_version": in_use["onet_version"],
                    "top_code_hour": hour,
                    "top_code_year": year,
                    "files": {path.name: digests[path] for path in paths},
                },
            )
            building.rename(folder / "oews" / name)  # complete: the manifest may name it
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
        entries = [
            entry_for(path, digests[path], publisher=_PUBLISHER, format="BLS OEWS table")
            for path in paths
        ]
        for entry in entries:
            entry["span"] = date
        write_atomic(folder / "oews" / MANIFEST, manifest_bytes(entries, kind="oews", release=name))
        _tidy(folder / "oews", {name})
    detailed = {row["soc_code"] for row in national if row["display_level"] == "3"}
    return Installed(
        kind="oews",
        folder=folder,
        files=tuple(_data_file("oews", entry) for entry in entries),
        span=date,
        points=len(national) + len(states),
        new=len(detailed - set(catalogue.occupations())),
        revisions=tuple(revisions),
    )


def _compare(rows: list[dict[str, str]]) -> list[Revision]:
    """Figures of the release in use that *rows* (the same release) state otherwise."""
    from careerkit import catalogue
    from careerkit.catalogue import FIELDS
    from careerkit.catalogue._build import _region

    index = catalogue.occupations()
    in_use: dict[tuple[str, str], list[str]] = {}
    for soc in {row["soc_code"] for row in rows} & set(index):
        for line in catalogue._rows(index[soc]):
            in_use[soc, line[0]] = line[1:]
    revisions: list[Revision] = []
    for row in rows:
        old = in_use.get((row["soc_code"], _region(row["area_code"])))
        if old is None:
            continue
        for field, before in zip(FIELDS[:-1], old, strict=False):
            after = row.get(field, "")
            if before and after and not agrees("oews", Decimal(before), Decimal(after)):
                key = f"{row['soc_code']} {_region(row['area_code'])}"
                revisions.append((key, field, before, after))
    return revisions
