"""The release as a whole: every table's rows, checked together, and the month it is dated.

:class:`_Read` gathers the rows of every table given (each occupation and area
once), then checks what no single row shows: the national table is whole (all
occupations, detailed ones, each with its major group), the files state one top
code and it is above the median wage of all occupations, each metropolitan or
nonmetropolitan area has one name and its row for all occupations, a new
occupation's title gives it an id, and no occupation answers to a key another career
answers to in the catalogue the release would make. :func:`_reference_date` dates
the release from its file names, or from the month the user gives.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from careerkit.catalogue._build import _region, slug
from careerkit.catalogue._oews_update._rows import AREA_TYPES, _rows, _top_code
from careerkit.catalogue._oews_update._tables import _named, _refuse, _Table
from careerkit.errors import DataFormatError, ValidationError, shown
from careerkit.model.dates import ReferenceDate

# national_M2026_dl.xlsx, MSA_M2026_dl.xlsx, all_data_M_2026.xlsx; oesm26nat.zip
_YEAR = re.compile(r"_M_?([0-9]{4})(?![0-9])|oesm([0-9]{2})(?![0-9])", re.IGNORECASE | re.ASCII)
FIRST_YEAR = 1999
"""The first OES release coded in SOC (careerkit reads releases coded in SOC 2018)."""


class _Read:
    """Every table's kept rows: national, state and area, each with where it came from."""

    def __init__(self) -> None:
        self.national: list[dict[str, str]] = []
        self.states: list[dict[str, str]] = []
        self.area_rows: list[dict[str, str]] = []
        """Metropolitan and nonmetropolitan areas' rows (each with its ``area_name``)."""
        self.area_names: dict[str, tuple[str, str]] = {}  # code -> (name, "file, row N")
        # (SOC code, area, level) -> "file, row N": BLS gives some codes both as a broad group
        # and as the detailed occupation its survey measures (13-1020, Buyers and Purchasing
        # Agents): two rows, one of each level
        self.where: dict[tuple[str, str, str], str] = {}
        self.top_codes: set[tuple[str, str]] = set()

    def add(self, table: _Table) -> None:
        """Keep *table*'s rows, each checked (:func:`_rows`), and the top code its notes state."""
        top_code = _top_code(table.where, table.notes)
        for line, row, kind in _rows(table, top_code):
            key = (row["soc_code"], row["area_code"], row["display_level"])
            here = f"{table.where}, row {line}"
            if key in self.where:
                raise DataFormatError(
                    f"{here}: {row['soc_code']} appears twice for area {row['area_code']} "
                    f"(also {self.where[key]}): give each table once"
                )
            self.where[key] = here
            if kind in AREA_TYPES:
                self._one_name(row, here)
                self.area_rows.append(row)
            else:
                (self.national if kind == "1" else self.states).append(row)
        if top_code is not None:
            self.top_codes.add(top_code)

    def _one_name(self, row: dict[str, str], here: str) -> None:
        """An area has one name in a release (every row and table)."""
        code, name = row["area_code"], row["area_name"]
        first = self.area_names.setdefault(code, (name, here))
        if first[0] != name:
            raise DataFormatError(
                f"{here}, column AREA_TITLE: {shown(name)}: area {code} is named "
                f"{shown(first[0])} in {first[1]}; an area has one name in a release"
            )

    def check(self, names: str, date: str) -> None:
        """The national table is whole: all occupations, detailed ones, their major groups; each
        area has its row for all occupations."""
        if self.area_rows and not self.national:
            year = date[:4]
            raise DataFormatError(
                f"{names}: holds metropolitan and nonmetropolitan rows but no national ones. "
                "A release is installed with BLS's national table, which names its occupations "
                "and against which an area's figures are read: give the national file too, in "
                f"the same call (careerkit data update oews oesm{year[2:]}nat.zip "
                f"oesm{year[2:]}ma.zip, or national_M{year}_dl.xlsx MSA_M{year}_dl.xlsx "
                f"BOS_M{year}_dl.xlsx)"
            )
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
        if self.area_rows:
            self._areas_whole(names)

    def _areas_whole(self, names: str) -> None:
        """An area's figures are read against its employment in all occupations and the
        nation's (:mod:`careerkit.catalogue._area_file`): both are needed, as BLS publishes them."""
        (everyone,) = [row for row in self.national if row["soc_code"] == "00-0000"]
        if not everyone["employment"]:
            here = self.where["00-0000", "0000000", everyone["display_level"]]
            raise DataFormatError(
                f"{here}, column TOT_EMP: the national employment of all occupations is not "
                "given, and an area's location quotients are read against it: give BLS's "
                "national table as it publishes it"
            )
        counted = {  # as areas.bin keeps it (._areas.kept): BLS's total
            row["area_code"]
            for row in self.area_rows
            if row["soc_code"] == "00-0000" and row["display_level"] == "0" and row["employment"]
        }
        for code, (name, here) in self.area_names.items():
            if code not in counted:
                raise DataFormatError(
                    f"{here}: area {code} ({name}) has no row for all occupations (00-0000) "
                    "with its employment, against which its figures are read: give BLS's "
                    "whole table of the area"
                )

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
        """The regions the release has figures for: ``["US", "US-AK", ...]``."""
        found = {_region(row["area_code"]) for row in self.states}
        return ["US", *sorted(found)]


def _reference_date(paths: Iterable[Path], given: str | None) -> str:
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
