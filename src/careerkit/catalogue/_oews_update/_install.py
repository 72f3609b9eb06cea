"""Installing a release: written beside the releases in use, checked whole, then committed.

:func:`update_oews` is what ``careerkit.data.update("oews", ...)`` runs (through the
hook :data:`careerkit._hooks.update_oews`): it reads and checks the files, compares
them with the figures in use for their date, writes the release in the catalogue's
layout (:func:`careerkit.catalogue._build.write_release`, and the areas' figures in
``areas.bin``: :mod:`._areas`) into a folder of its own, checks the catalogue it would
make, and commits it by replacing the OEWS manifest under the update lock, with the
data store's atomic writes. ``careerkit.data.update``
then says the data changed, and the catalogue reads its releases again on next use.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path
from typing import Any

from careerkit.catalogue import _released_ids, descriptions, stacked
from careerkit.catalogue._build import _region, write_release
from careerkit.catalogue._oews_update import _areas
from careerkit.catalogue._oews_update._release import _Read, _reference_date
from careerkit.catalogue._oews_update._revisions import _covered, revisions
from careerkit.catalogue._oews_update._tables import _content, _named, _tables
from careerkit.data import InstalledRelease
from careerkit.data._disk import fsync_files, locked, write_atomic
from careerkit.data._install import Installed, _revision_error
from careerkit.data._manifest import MANIFEST, _data_file, _tidy, entry_for, manifest_bytes
from careerkit.data._releases import oews_manifest, oews_releases, release_record
from careerkit.model.dates import ReferenceDate

_PUBLISHER = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics"


def update_oews(
    paths: list[Path], folder: Path, *, accept_revisions: bool, reference_date: str | None
) -> Installed:
    """See :func:`careerkit.data.update`, for ``oews``."""
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
    read.check(names, date)
    released = _released_ids()
    read.check_ids(released)
    detailed = {row["soc_code"] for row in read.national if row["display_level"] == "3"}
    rows = [
        row
        for row in (*read.national, *read.states)
        if row["soc_code"] in detailed and row["display_level"] == "3"
    ]
    keys = {(row["soc_code"], _region(row["area_code"])) for row in rows}
    area_rows = _areas.kept(read, detailed)
    area_keys = {(row["soc_code"], row["area_code"]) for row in area_rows}
    hour, year = read.top_codes.copy().pop() if read.top_codes else (None, None)
    area_file = _areas.area_file(
        area_rows,
        read,
        {
            "name": _title(date),
            "reference_date": date,
            "published": None,
            "top_code_hour": hour,
            "top_code_year": year,
            "files": {path.name: digests[path] for path in digests},
        },
        names,
    )
    with locked(folder / "oews"):
        installed = oews_releases(folder)
        stack = stacked(installed)  # checked: damage is named here too
        in_use = stack.in_use(date) if date in stack.dates else {}
        layers = _areas.layers(stack, date) if date in stack.dates else []
        found, new = revisions(rows, in_use, area_rows, layers)
        if found and not accept_revisions:
            _revision_error("oews", paths[0], found, ["the release in use"] * len(found))
        covered = _covered(layers, keys, area_keys)
        name = _write(read, date, folder, digests, released, stack, installed, area_file)
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
        points=len(keys) + sum(row["soc_code"] != "00-0000" for row in area_rows),
        new=new,
        revisions=tuple(found),
        replaced=tuple(
            _data_file("oews", entry) for entry in entries if entry["release"] in dropped
        ),
    )


def _title(date: str) -> str:
    return f"OEWS {ReferenceDate.parse(date).label()} (installed by careerkit data update)"


def _write(
    read: _Read,
    date: str,
    folder: Path,
    digests: dict[Path, str],
    released: dict[str, str],
    stack: Any,
    installed: tuple[InstalledRelease, ...],
    area_file: bytes | None,
) -> str:
    """Write the release into a new folder of *folder*/oews; its name (the manifest names it).
    Its areas' figures, where it has some, are *area_file* (:mod:`._areas`).

    Before the folder is complete, the catalogue it would make with the *installed*
    releases (*stack*: the catalogue they make) is read back from it and checked
    (:meth:`_Read.check_keys`): a release refused leaves nothing behind.
    """
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    name = f"{hashlib.sha256(''.join(sorted(digests.values())).encode()).hexdigest()[:16]}-{stamp}"
    building = folder / "oews" / f".{name}.tmp"
    building.mkdir(parents=True)
    try:
        hour, year = read.top_codes.copy().pop() if read.top_codes else (None, None)
        if area_file is not None:
            (building / _areas.NAME).write_bytes(area_file)
        write_release(
            read.national,
            read.states,
            descriptions(),
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
        read.check_keys(stacked([*installed, pending]), stack)
        fsync_files(building)
        building.rename(folder / "oews" / name)  # complete: the manifest may name it
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return name
