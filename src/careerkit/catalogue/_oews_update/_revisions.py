"""Comparing a release with the figures in use for its date: its revisions, and what it covers.

A figure in use for the release's date that the release states otherwise (beyond
:func:`careerkit.data._install.agrees`'s tolerance), or leaves blank or marks, is a
revision, installed only with ``accept_revisions``; an installed release of that
date whose every figure the new one covers is dropped from the stack. Areas are no
exception: a metropolitan or nonmetropolitan area's figures in use for the date
(the shipped May 2025 ``areas.bin``, and those of the user's releases of that date)
are compared as the nation's and the states' are, all occupations (00-0000) among
them, each reported as ``("43-4051 0012420", field, in use, new)``; and an installed
release is covered only where the new one has every row of its areas too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

from careerkit.catalogue import FIELDS
from careerkit.catalogue._area_file import AreaFigures
from careerkit.catalogue._build import _region
from careerkit.catalogue._oews_update._areas import in_use as area_in_use
from careerkit.catalogue._oews_update._areas import keys as area_keys
from careerkit.catalogue._oews_update._rows import _EMPLOYMENT
from careerkit.data._install import Revision, agrees


def _compare(
    rows: Iterable[dict[str, str]], old_of: Callable[[dict[str, str]], tuple[str, list[str] | None]]
) -> tuple[list[Revision], int]:
    """Figures in use for the release's date that *rows* state otherwise, and how many of
    *rows* are new (of detailed occupations: an area's all-occupations row is not counted).
    *old_of* gives a row's key for people and its figures in use
    (:data:`careerkit.catalogue.FIELDS` in order), ``None`` where none are."""
    revisions: list[Revision] = []
    new = 0
    for row in rows:
        key, old = old_of(row)
        if old is None:
            new += row["soc_code"] != "00-0000"
            continue
        marks = dict(note.split("=") for note in row["footnotes"].split(";") if note)
        for field, before in zip(FIELDS[:-1], old, strict=False):
            # a figure in use that the release leaves out (blank, or one of BLS's marks) is
            # revised too; one the release has that was not in use is new, not a revision
            after = row.get(field, "")
            if before and not (after and agrees("oews", Decimal(before), Decimal(after))):
                revisions.append((key, field, before, after or _mark(field, marks.get(field))))
    return revisions, new


def revisions(
    rows: Sequence[dict[str, str]],
    in_use: dict[tuple[str, str], list[str]],
    areas: Sequence[dict[str, str]],
    layers: Sequence[tuple[Any, AreaFigures | None]],
) -> tuple[list[Revision], int]:
    """The revisions the release's national and state *rows* make to the figures *in_use*
    for its date (``{(SOC code, region): row}``, region first), and its *areas*' rows to
    the area files of the date (*layers*, :func:`._areas.layers`); and how many detailed
    occupations' figures are new (none in use for the date)."""

    def national(row: dict[str, str]) -> tuple[str, list[str] | None]:
        region = _region(row["area_code"])
        old = in_use.get((row["soc_code"], region))
        return f"{row['soc_code']} {region}", None if old is None else old[1:]

    figures = [found for _, found in layers]

    def area(row: dict[str, str]) -> tuple[str, list[str] | None]:
        key = f"{row['soc_code']} {row['area_code']}"
        return key, area_in_use(figures, row["soc_code"], row["area_code"])

    found, new = _compare(rows, national)
    area_revisions, new_areas = _compare(areas, area)
    return found + area_revisions, new + new_areas


def _mark(field: str, footnote: str | None) -> str:
    """The mark BLS writes for *field* with *footnote*: ``*``, ``**``, ``#`` or ``""``."""
    if footnote == "5":
        return "#"
    if footnote == "8" and field in _EMPLOYMENT.values():
        return "**"
    return "*" if footnote else ""


def _covered(
    layers: Sequence[tuple[Any, AreaFigures | None]],
    keys: set[tuple[str, str]],
    areas: set[tuple[str, str]],
) -> set[str]:
    """The folders of the installed releases of the date (*layers*) whose every figure the
    new release covers: *keys* (``(SOC code, region)``) and *areas* (``(SOC code, area
    code)``)."""
    covered = set()
    for layer, figures in layers:
        if layer.installed is None:
            continue  # the shipped release stays: it is the bottom of the stack
        mine = {
            (soc, row[0])
            for soc, line in layer.index.items()
            for row in layer.rows(*line.chunks[0][1:])
        }
        if mine <= keys and (figures is None or area_keys(figures) <= areas):
            covered.add(layer.installed.folder.name)
    return covered
