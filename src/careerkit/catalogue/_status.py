"""The ``oews`` entry of ``careerkit data status``: the catalogue's releases in use, stacked.

:func:`careerkit.data.status` describes each series; for ``oews`` it asks this module
(through the hook :data:`careerkit._hooks.oews_status`), since what it says is the
catalogue's: the release shipped in the package (its ``release.json``), each release
the user installed, their roles in the stack (latest, history, or under a release of
the same date installed after it) and how many occupations they have between them.
The catalogue is read only where a release is installed: the shipped release alone
is described by its ``release.json``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import attrs

from careerkit import data
from careerkit.catalogue import occupations, shipped_folder
from careerkit.catalogue._area_file import header
from careerkit.data import SERIES, DataFile, ReleaseStatus, SeriesStatus
from careerkit.data._status import _publisher


def oews_status() -> SeriesStatus:
    """The status of the ``oews`` series: every OEWS release in use, oldest date first."""
    info = SERIES["oews"]
    about = _shipped_release()
    installed = data.oews_releases()
    shipped_areas = header((shipped_folder() / "areas.bin").read_bytes())["about"]
    shipped = ReleaseStatus(
        reference_date=str(about["reference_date"]),
        name=str(about["name"]),
        areas=tuple(about["areas"]),
        occupations=int(about["occupations"]),
        shipped=True,
        files=tuple(
            DataFile(
                kind="oews",
                name=name,
                sha256=digest,
                publisher=info.source if name.startswith("oews") else "O*NET Center (USDOL/ETA)",
                format="careerkit catalogue source",
                shipped=True,
                retrieved=info.retrieved.split(" ")[0],
            )
            for name, digest in {**about["files"], **shipped_areas["files"]}.items()
        ),
        role="",
        local_areas=int(shipped_areas["areas"]),
    )
    stack = [(shipped.reference_date, 0, shipped)]
    stack += [
        (
            release.reference_date,
            number,
            ReleaseStatus(
                reference_date=release.reference_date,
                name=release.name,
                areas=release.areas,
                occupations=release.occupations,
                shipped=False,
                files=release.files,
                role="",
                local_areas=_local_areas(release),
            ),
        )
        for number, release in enumerate(installed, 1)
    ]
    stack.sort(key=lambda item: item[:2])  # as the catalogue stacks them
    latest = stack[-1][0]
    releases = []
    for at, (date, _, release) in enumerate(stack):
        above = [other for when, _, other in stack[at + 1 :] if when == date]
        if above:
            role = f"under the {date} release installed after it, for the areas both cover"
        else:
            role = "latest" if date == latest else "history"
        releases.append(attrs.evolve(release, role=role))
    dates = sorted({release.reference_date for release in releases})
    updates = tuple(file for release in installed for file in release.files)
    count = _occupations(installed)
    return SeriesStatus(
        kind="oews",
        name=info.name,
        publisher=_publisher(info.source, updates),
        licence=info.licence + "; O*NET descriptions CC BY 4.0",
        url=info.url,
        span=f"{dates[0]} to {dates[-1]}" if len(dates) > 1 else dates[0],
        last=dates[-1],
        last_value=f"{count} occupations",
        ends={},
        gaps=(),
        keys=count,
        notes=(),
        files=(*shipped.files, *updates),
        in_use="update" if updates else "shipped snapshot",
        folder=str(data.directory()),
        releases=tuple(releases),
    )


def _local_areas(release: data.InstalledRelease) -> int:
    """How many metropolitan and nonmetropolitan areas an installed release has figures for."""
    blob = release.contents.get("areas.bin")
    return 0 if blob is None else len(header(blob)["areas"])


def _occupations(installed: tuple[data.InstalledRelease, ...]) -> int:
    """How many occupations the releases in use have between them."""
    if not installed:
        return int(_shipped_release()["occupations"])
    return len(occupations())


def _shipped_release() -> Mapping[str, Any]:
    """The release shipped in the package, as its ``release.json`` describes it."""
    text = (shipped_folder() / "release.json").read_text(encoding="utf-8")
    about: Mapping[str, Any] = json.loads(text)
    return about
