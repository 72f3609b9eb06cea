"""A release's metropolitan and nonmetropolitan figures: its ``areas.bin``, and those in use.

:func:`kept` keeps, of the areas' rows the tables had, those of each detailed
occupation the release's national table has and those of all occupations (00-0000),
as the shipped file does; :func:`area_file` writes them with
:func:`careerkit.catalogue._area_file.encode`, whose header cites the release (its
name, date, top codes, and the files read with their sha256, as its ``release.json``
does) and holds each occupation's national employment from the release's national
rows (an area's location quotient is read against it). A release without area rows
has no ``areas.bin``.

:func:`layers` reads the area files in use for a date (the shipped one for May 2025,
and those of the user's releases), the one installed last first, for the revisions a
release makes to them and for what it covers (:mod:`._revisions`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from careerkit.catalogue._area_file import AreaFigures, AreaFormatError, encode, read
from careerkit.catalogue._oews_update._release import _Read
from careerkit.catalogue.sources.oews_areas import shipped_file
from careerkit.errors import DataFormatError

ALL = "00-0000"
NAME = "areas.bin"
"""The file of a release's area figures (beside ``release.json``, ``occupations.tsv``,
``oews.bin``)."""


def kept(read_: _Read, detailed: set[str]) -> list[dict[str, str]]:
    """The area rows a release keeps: all occupations (00-0000), and each detailed occupation
    of its national table (a broad group's row of the same code left out, as for states)."""
    return [
        row
        for row in read_.area_rows
        if (row["soc_code"] == ALL and row["display_level"] == "0")
        or (row["display_level"] == "3" and row["soc_code"] in detailed)
    ]


def _national(rows: Sequence[Mapping[str, str]]) -> dict[str, int]:
    """Each detailed occupation's national employment, and all occupations' (00-0000)."""
    found = {
        row["soc_code"]: int(row["employment"])
        for row in rows
        if row["display_level"] == "3" and row["employment"]
    }
    (found[ALL],) = [int(row["employment"]) for row in rows if row["soc_code"] == ALL]
    return found


def area_file(
    rows: Sequence[dict[str, str]], read_: _Read, about: Mapping[str, Any], names: str
) -> bytes | None:
    """The ``areas.bin`` of *rows* (:func:`kept`), its header's about *about*; ``None`` where
    there are none. *names* are the files read, for the message where one cannot be kept."""
    if not rows:
        return None
    areas = sorted({row["area_code"]: row["area_name"] for row in rows}.items())
    try:
        return encode(
            {**about, "areas": len(areas), "rows": len(rows)},
            areas,
            rows,
            _national(read_.national),
        )
    except AreaFormatError as error:  # the rows passed the gate: not expected
        raise DataFormatError(
            f"{names}: its metropolitan and nonmetropolitan figures cannot be kept in careerkit's "
            f"area file ({error}): are they BLS's?"
        ) from None


def layers(stack: Any, date: str) -> list[tuple[Any, AreaFigures | None]]:
    """The releases of *date* in *stack* (the catalogue in use), the one installed last first,
    each with its area figures (``None`` where it has none)."""
    found: list[tuple[Any, AreaFigures | None]] = []
    for release in stack.layers(date):
        if release.installed is None:
            blob = shipped_file()
        elif NAME in release.installed.contents:
            blob = release.installed.contents[NAME]
        else:
            found.append((release, None))
            continue
        try:
            figures = read(blob)
        except AreaFormatError as error:
            raise release.damaged(NAME, str(error)) from None
        # the shipped file is the shipped release's date's (May 2025): never another date's
        found.append((release, figures if figures.about.get("reference_date") == date else None))
    return found


def in_use(figures: Sequence[AreaFigures | None], soc: str, area: str) -> list[str] | None:
    """The row of *soc* in *area* in use: of the first of *figures* (installed last first)
    that has one."""
    for found in figures:
        row = None if found is None else found.row(soc, area)
        if row is not None:
            return row
    return None


def keys(figures: AreaFigures) -> set[tuple[str, str]]:
    """Every ``(SOC code, area code)`` *figures* has a row for."""
    return {(soc, area) for soc in figures.socs() for area in figures.areas_of(soc)}
