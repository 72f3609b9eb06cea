"""Comparing a release with the figures in use for its date: its revisions, and what it covers.

A figure in use for the release's date that the release states otherwise (beyond
:func:`careerkit.data._install.agrees`'s tolerance), or leaves blank or marks, is a
revision, installed only with ``accept_revisions``; an installed release of that
date whose every figure the new one covers is dropped from the stack.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from careerkit.catalogue import FIELDS
from careerkit.catalogue._build import _region
from careerkit.catalogue._oews_update._rows import _EMPLOYMENT
from careerkit.data._install import Revision, agrees


def _compare(
    rows: list[dict[str, str]], in_use: dict[tuple[str, str], list[str]]
) -> list[Revision]:
    """Figures in use for the release's date that *rows* state otherwise."""
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
