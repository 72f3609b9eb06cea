"""Every value through the gate: a table's rows in the catalogue's layout.

Each row BLS publishes for the nation, a state, or a metropolitan or
nonmetropolitan area (cross-industry, all ownerships) becomes a row of the
catalogue's layout (``area_code``, ``soc_code``, ``occupation_title``,
``display_level``, then :data:`careerkit.catalogue.FIELDS`; an area's row also has
``area_name``), every value checked by :mod:`careerkit.data._gate` first: counts are
whole numbers, figures numbers of 0 or more written in ASCII digits and kept as
written, titles and area names one line of text, SOC codes, levels and area codes
BLS's; each row's percentiles rise; BLS's marks become the catalogue's footnotes. An
area's figures are kept in the precision BLS publishes them in, which careerkit's area
file holds (:func:`_area_units`). The top code the workbook's field descriptions state
passes the gate too.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from decimal import Decimal, localcontext

from careerkit.catalogue._area_file import _PLACES
from careerkit.catalogue._build import STATES
from careerkit.catalogue._oews_update._tables import _Table
from careerkit.data import _gate
from careerkit.errors import DataFormatError, shown

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
# BLS's data types, in the order of their codes (01 employment ... 17 location quotient): the
# order the shipped files write footnotes in
_ORDER = {
    field: number
    for number, field in enumerate(
        ["employment", "employment_rse", *_WAGES.values(), "jobs_per_1000", "location_quotient"]
    )
}
_LEVELS = {"total": "0", "major": "0", "minor": "1", "broad": "2", "detailed": "3"}
# digits are ASCII digits ([0-9]): \d would take Arabic-Indic or fullwidth ones too
_TOP_CODE = re.compile(r"\$\s*(\S+) per hour or \$\s*(\S+) per year")
_SOC = re.compile(r"[0-9]{2}-[0-9]{4}\Z")
_FIPS = re.compile(r"[0-9]{1,2}\Z")
# BLS writes a metropolitan area's CBSA code (its 7-digit area code, 00 and the CBSA code, is
# taken too); a nonmetropolitan area's 7 digits (6 where a spreadsheet dropped the leading zero)
_CBSA = re.compile(r"(?:00)?([0-9]{5})\Z")
_NONMETROPOLITAN = re.compile(r"[0-9]{6,7}\Z")
AREA_TYPES = {"4": "metropolitan", "6": "nonmetropolitan"}
"""BLS's ``AREA_TYPE`` of the areas kept in a release's ``areas.bin``."""
_MARKS = "expected a number of 0 or more, or one of BLS's marks (*, **, #)"


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
    """The catalogue's area code of a row: ``"0000000"`` (the nation), a state's (``"0600000"``),
    a metropolitan area's (``"00"`` and its CBSA code: ``"0012420"``) or a nonmetropolitan
    area's (BLS's 7 digits, the state's FIPS code first: ``"3600001"``); ``None`` for others."""
    kind, area = bls["AREA_TYPE"], bls["AREA"]
    if kind == "1":
        return "0000000"
    if kind == "4":
        found = _CBSA.match(area)
        if found is None or found[1] == "00000":
            raise table.bad(
                line,
                "AREA",
                area,
                "expected the CBSA code of a metropolitan area (AREA_TYPE 4), 5 digits such as "
                "12420 (or BLS's area code, 0012420)",
            )
        return f"00{found[1]}"
    if kind == "6":
        code = area.zfill(7) if _NONMETROPOLITAN.match(area) else ""
        if code[:2] not in STATES or code[2:] == "00000":
            raise table.bad(
                line,
                "AREA",
                area,
                "expected the code of a nonmetropolitan area (AREA_TYPE 6), 7 digits, its "
                "state's FIPS code first, such as 3600001",
            )
        return code
    if kind not in ("2", "3"):
        return None  # not an area BLS publishes cross-industry tables for
    if not _FIPS.match(area) or f"{int(area):02d}" not in STATES:
        raise table.bad(
            line, "AREA", area, "expected the FIPS code of a state or territory, such as 6 or 06"
        )
    return f"{int(area):02d}00000"


def _rows(
    table: _Table, top_code: tuple[str, str] | None
) -> Iterator[tuple[int, dict[str, str], str]]:
    """*table*'s national, state and area rows in the catalogue's layout, each with its line and
    area type, every value checked. *top_code* is the one *table*'s notes state
    (:func:`_top_code`), ``None`` where they state none: then a wage marked ``#`` is refused."""
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
                if top_code is None:
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
        # in the order of BLS's data types, as the shipped files write them
        notes.sort(key=lambda note: _ORDER[note.partition("=")[0]])
        row["footnotes"] = ";".join(notes)
        if bls["AREA_TYPE"] in AREA_TYPES:
            row["area_name"] = _area_name(table, line, bls)
            _area_units(table, line, bls, row)
        yield line, row, bls["AREA_TYPE"]


def _area_name(table: _Table, line: int, bls: dict[str, str]) -> str:
    """The name of a row's area (``AREA_TITLE``): one line of text."""
    if "AREA_TITLE" not in table.header:
        raise table.refuse(
            "lacks the column AREA_TITLE, which names its metropolitan and nonmetropolitan areas"
        )
    try:
        return _gate.plain_text(bls["AREA_TITLE"])
    except _gate.RefusedError as error:
        raise table.bad(line, "AREA_TITLE", bls["AREA_TITLE"], str(error)) from None


# What an area's figures are in, as BLS publishes them and careerkit's area file keeps them
# (careerkit.catalogue._area_file: whole numbers of these units), with an example.
_UNITS = {
    "employment": ("employment rounded to tens", "125,570"),
    "employment_rse": ("a relative standard error of at most 1 decimal place", "2.0"),
    "wage_rse": ("a relative standard error of at most 1 decimal place", "0.5"),
    "jobs_per_1000": ("jobs per 1,000 of at most 3 decimal places", "13.229"),
    "location_quotient": ("a location quotient of at most 2 decimal places", "0.79"),
    "hourly": ("an hourly wage in cents", "23.84"),
    "annual": ("an annual wage in whole tens of dollars", "49590"),
}
_AREA_LARGEST = 10**9
"""The largest figure an area's row may have, in its units (cents of an hourly wage, tens of
dollars of an annual one, ...): far above any BLS publishes, within what the area file holds."""


def _area_units(table: _Table, line: int, bls: dict[str, str], row: dict[str, str]) -> None:
    """An area's figures, as careerkit's area file keeps them: each a whole number of the units
    BLS publishes it in (cents of an hourly wage, tens of dollars of an annual one and of
    employment, tenths of a relative standard error, thousandths of jobs per 1,000,
    hundredths of a location quotient), written as BLS prints it (``23.8`` from a
    workbook's number cell becomes ``23.80``); jobs per 1,000 at most 1,000."""
    with localcontext() as exact:
        exact.prec = 100  # every figure the gate passes, exactly
        for column, field in {**_EMPLOYMENT, **_WAGES}.items():
            if not row[field]:
                continue
            places = _PLACES[field]
            units = Decimal(row[field]).scaleb(places)  # places -1: tens
            largest = 1_000_000 if field == "jobs_per_1000" else _AREA_LARGEST
            if units > largest:
                most = Decimal(largest).scaleb(-places)
                raise table.bad(
                    line,
                    column,
                    bls[column],
                    f"expected at most {most:,f} for an area's {field.replace('_', ' ')}",
                )
            if units != units.to_integral_value():
                what, example = _UNITS.get(field) or _UNITS[field.split("_")[0]]
                raise table.bad(
                    line,
                    column,
                    bls[column],
                    f"expected {what}, as BLS publishes an area's figures (such as {example})",
                )
            whole = int(units)
            row[field] = (
                str(whole * 10)
                if places < 0
                else f"{whole // 10**places}.{whole % 10**places:0{places}d}"
            )


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
