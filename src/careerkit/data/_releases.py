"""Installed OEWS releases: their manifest records, and their files read back and checked.

The store knows nothing of careers: ``careerkit data update oews`` (the catalogue's
installer) writes each release's files into a folder of its own and records them here
(:func:`release_record`); :func:`oews_releases` reads every release's files whole,
checks each against the sha256 the manifest records, and hands their bytes over as
:class:`~careerkit.InstalledRelease` for the catalogue to read.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from careerkit.data._disk import _damaged, _read
from careerkit.data._files import InstalledRelease
from careerkit.data._manifest import (
    _HEX64,
    _MONTH,
    _RELEASE_FOLDER,
    MANIFEST,
    _again_if_vanished,
    _data_file,
    _entries,
    _manifest,
    _text_field,
)
from careerkit.errors import shown

_RELEASE_FILES = ("release.json", "occupations.tsv", "oews.bin")
_OPTIONAL_FILES = ("areas.bin",)
"""A release's files where its tables had the rows: ``areas.bin``, the figures of
metropolitan and nonmetropolitan areas. Recorded, read and checked as the others are."""
_REGION = re.compile(r"US(?:-[A-Z]{2})?\Z")


def oews_releases(folder: Path) -> tuple[InstalledRelease, ...]:
    """The OEWS releases installed in *folder*, in the order installed, each file read and checked."""
    return tuple(_again_if_vanished("oews", folder, _releases))


def _releases(kind: str, folder: Path, manifest: dict[str, Any]) -> list[InstalledRelease]:
    path = folder / kind / MANIFEST
    entries = _entries(kind, folder, manifest)
    records = manifest.get("releases")
    if not isinstance(records, list):
        raise _damaged(path, "its 'releases' are not a list", kind)
    releases = []
    named = set()
    for number, record in enumerate(records, 1):
        try:
            checked = _release_record(record)
        except ValueError as error:
            raise _damaged(
                path, f"release {number} is not one careerkit wrote: {error}", kind
            ) from None
        name = checked["folder"]
        named.add(name)
        files = tuple(_data_file(kind, entry) for entry in entries if entry["release"] == name)
        if not files:
            raise _damaged(path, f"release {number} names none of the files it was read from", kind)
        contents = {}
        for file_name, digest in checked["contents"].items():
            where = folder / kind / name / file_name
            content = _read(where, kind)
            if hashlib.sha256(content).hexdigest() != digest:
                raise _damaged(where, "its sha256 is not the one the manifest records", kind)
            contents[file_name] = content
        releases.append(
            InstalledRelease(
                folder=folder / kind / name,
                name=checked["name"],
                reference_date=checked["reference_date"],
                areas=tuple(checked["areas"]),
                occupations=checked["occupations"],
                files=files,
                contents=MappingProxyType(contents),
            )
        )
    strays = [entry["name"] for entry in entries if entry["release"] not in named]
    if strays:
        raise _damaged(path, f"{shown(strays[0])} belongs to no release it lists", kind)
    return releases


def _release_record(record: object) -> dict[str, Any]:
    """*record*, an OEWS release of the manifest, if it has what is read of it; else ValueError."""
    if not isinstance(record, dict):
        raise ValueError("it is not an object")
    if not _RELEASE_FOLDER.match(str(record.get("folder"))):
        raise ValueError(f"its 'folder' is {shown(record.get('folder'))}")
    _text_field(record, "name")
    if not _MONTH.match(str(record.get("reference_date"))):
        raise ValueError(f"its 'reference_date' is {shown(record.get('reference_date'))}")
    areas = record.get("areas")
    if (
        not isinstance(areas, list)
        or not areas
        or not all(isinstance(area, str) and _REGION.match(area) for area in areas)
    ):
        raise ValueError(f"its 'areas' are {shown(areas)}")
    count = record.get("occupations")
    if type(count) is not int or count < 1:
        raise ValueError(f"its 'occupations' is {shown(count)}")
    contents = record.get("contents")
    if (
        not isinstance(contents, dict)
        or not set(_RELEASE_FILES) <= set(contents) <= {*_RELEASE_FILES, *_OPTIONAL_FILES}
        or not all(isinstance(digest, str) and _HEX64.match(digest) for digest in contents.values())
    ):
        raise ValueError(f"its 'contents' are {shown(contents)}")
    return record


def release_record(
    name: str,
    *,
    title: str,
    reference_date: str,
    areas: Sequence[str],
    occupations: int,
    folder: Path,
) -> dict[str, Any]:
    """The manifest's record of the release written in *folder* (whose files are final): its
    files, with ``areas.bin`` where the release has one."""
    files = [*_RELEASE_FILES, *(name for name in _OPTIONAL_FILES if (folder / name).is_file())]
    return {
        "folder": name,
        "name": title,
        "reference_date": reference_date,
        "areas": list(areas),
        "occupations": occupations,
        "contents": {
            file: hashlib.sha256((folder / file).read_bytes()).hexdigest() for file in files
        },
    }


def oews_manifest(folder: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The OEWS manifest in *folder*: its release records and its updates (the files read).

    Both as :func:`oews_releases` checked them: call it first, under the update lock.
    """
    found = _manifest("oews", folder)
    if found is None:
        return [], []
    return list(found[1]["releases"]), list(found[1]["updates"])
