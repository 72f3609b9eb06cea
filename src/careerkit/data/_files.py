"""The files careerkit's values come from, as provenance cites them.

A :class:`DataFile` is one file whose values careerkit uses: the snapshot shipped in
the package (:func:`_shipped_file`) or an update the user installed. An
:class:`InstalledRelease` is an OEWS release installed in the user data directory,
its files read and checked. Nothing here reads a file.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import attrs

from careerkit.data._series import _SUPPLEMENTS, SERIES

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path


@attrs.frozen(kw_only=True, repr=False)
class DataFile:
    """A file whose values careerkit uses: the snapshot shipped in the package, or a user's update.

    Provenance steps carry the :class:`DataFile` of every value they used, so a
    result computed from an update cites that file, by name and sha256, and the
    publisher it came from.
    """

    kind: str
    """The series the file holds, by its name in careerkit (``cpi``, ``fx-monthly``, ...)."""
    name: str
    """The file's name: the shipped snapshot's, or the name of the file the user installed."""
    sha256: str
    """The sha256 of that file, as read (hex)."""
    publisher: str
    """Who published the figures in it (the official source)."""
    format: str
    """The layout careerkit read it as (``FRED CSV``, ``World Bank WDI CSV``, ...)."""
    shipped: bool
    """``True`` for the snapshot in the package, ``False`` for a user's update."""
    retrieved: str | None = None
    """When the file was taken from the publisher, where known."""
    installed: str | None = None
    """When ``careerkit data update`` installed it (UTC, ISO 8601); ``None`` if shipped."""
    published: str | None = None
    """The date the publisher stamped on the file, where it carries one."""

    def __repr__(self) -> str:
        return f"<DataFile {self.kind!r}: {self.describe()}>"

    def describe(self) -> str:
        """One line for people: which file, and how to check it is the same one."""
        if self.shipped:
            return f"careerkit's shipped snapshot {self.name}"
        when = f", installed {self.installed[:10]}" if self.installed else ""
        return f"your update {self.name} (sha256 {self.sha256[:16]}…{when})"


@functools.cache
def _shipped_file(kind: str, key: str | None = None) -> DataFile:
    """The shipped file of *kind* (for *key*: the supplement that supplies it, if any)."""
    supplement = _SUPPLEMENTS.get((kind, key or ""))
    info = SERIES[kind] if supplement is None else supplement
    assert info.sha256 is not None  # every numeric series records its file's
    return DataFile(
        kind=kind,
        name=info.file,
        sha256=info.sha256,
        publisher=info.source,
        format="careerkit snapshot" if supplement is None else "FRED CSV",
        shipped=True,
        retrieved=info.retrieved.split(" ")[0],
    )


def _shipped_files(kind: str) -> tuple[DataFile, ...]:
    """Every shipped file of *kind*: its snapshot, then the supplements beside it."""
    extra = (key for other, key in _SUPPLEMENTS if other == kind)
    return (_shipped_file(kind), *(_shipped_file(kind, key) for key in extra))


class InstalledRelease:
    """An OEWS release installed in the user data directory, its files read and checked.

    The store knows nothing of careers: it keeps each release's files as
    ``careerkit data update oews`` wrote them (``release.json``, ``occupations.tsv``,
    ``oews.bin``, and ``areas.bin`` where the release has figures for metropolitan and
    nonmetropolitan areas), checks them against the sha256 its manifest records, and hands
    their bytes to the catalogue, which reads them. A process holds the bytes, so
    another process may remove the folder (``careerkit data reset oews``) without
    pulling the floor from under it.
    """

    __slots__ = ("areas", "contents", "files", "folder", "name", "occupations", "reference_date")

    def __init__(
        self,
        *,
        folder: Path,
        name: str,
        reference_date: str,
        areas: tuple[str, ...],
        occupations: int,
        files: tuple[DataFile, ...],
        contents: Mapping[str, bytes],
    ) -> None:
        self.folder = folder
        """The release's folder in the user data directory."""
        self.name = name
        """The release as careerkit names it (``"OEWS May 2024 (installed ...)"``)."""
        self.reference_date = reference_date
        """The month its estimates refer to, ``"2024-05"``."""
        self.areas = areas
        """The regions it has figures for (``("US",)`` for a national table)."""
        self.occupations = occupations
        """How many detailed occupations it has figures for."""
        self.files = files
        """The publisher's files it was read from."""
        self.contents = contents
        """``{file name: bytes}`` of the release's own files, as checked."""

    def __repr__(self) -> str:
        return f"<InstalledRelease {self.reference_date} {self.folder.name}>"

    def damaged(self, name: str, why: str) -> Exception:
        """The error for file *name* of this release when it cannot be read (for the reader)."""
        from careerkit.data._disk import _damaged

        return _damaged(self.folder / name, why, "oews")
