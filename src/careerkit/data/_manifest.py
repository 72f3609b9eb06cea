"""The manifest of each series' folder: what is installed, in the order laid over the snapshot.

Layout, one folder per series under the user data directory::

    cpi/manifest.json          what is installed, in the order it was laid over the snapshot
    cpi/<sha256 prefix>.csv    one installed file's values, as careerkit keeps them:
                               ``key,date,value`` (an empty value: the file marks that
                               date as having no value; :mod:`careerkit.data._layers`)
    oews/manifest.json         the OEWS releases installed (each stacked over the shipped
                               one), with the sha256 of every file of each
    oews/<sha256 prefix>-<time>/   one release's files (``release.json``,
                               ``occupations.tsv``, ``oews.bin``, and ``areas.bin``
                               where it has area figures), in the shipped
                               catalogue's layout (:mod:`careerkit.data._releases`)

**The manifest is the commit point.** It is written last (atomically:
:func:`careerkit.data._disk.write_atomic`); until it is replaced, the previous
manifest names the previous files, which nothing has touched. Files no manifest
names are removed afterwards (:func:`_tidy`).

**Immutable, and read whole.** A file or release folder, once a manifest names
it, is never written again: a new update writes new files. A process reads the
files of the data in use whole, checks each against the sha256 its manifest
records, and keeps what it read; it never opens them again. So another process
may remove files no manifest names any more at once (on every platform), and a
running process keeps the data it started with. A process that finds a file
gone between reading the manifest and the file (another process's update
committed meanwhile) reads the new manifest (:func:`_again_if_vanished`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import shutil
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from careerkit.data._disk import _damaged, _read, _VanishedError
from careerkit.data._files import DataFile
from careerkit.errors import shown

MANIFEST = "manifest.json"
_VERSION = "careerkit data manifest 1"

MAX_MANIFEST = 16 * 2**20
"""The largest manifest read (one lists a few hundred files at most)."""

_HEX64 = re.compile(r"[0-9a-f]{64}\Z")
_VALUES_FILE = re.compile(r"[0-9a-f]{16}\.csv\Z")
_RELEASE_FOLDER = re.compile(r"[0-9a-f]{16}-[0-9]{8}T[0-9]{12}\Z")
_MONTH = re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])\Z")
_YEAR = re.compile(r"[0-9]{4}\Z")

R = TypeVar("R")


def _manifest(kind: str, folder: Path) -> tuple[bytes, dict[str, Any]] | None:
    """*kind*'s manifest in *folder* as read and parsed, or ``None`` if there is none."""
    path = folder / kind / MANIFEST
    try:
        content = _read(path, kind, MAX_MANIFEST)
    except _VanishedError:
        return None
    try:
        manifest = json.loads(content.decode("utf-8"))
    except (ValueError, RecursionError) as error:
        raise _damaged(path, f"cannot be read as JSON ({shown(str(error))})", kind) from None
    if not isinstance(manifest, dict) or manifest.get("careerkit") != _VERSION:
        raise _damaged(path, f"not a {_VERSION!r} file", kind)
    return content, manifest


def _text_field(entry: Mapping[str, Any], name: str, *, optional: bool = False) -> str | None:
    value = entry.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value or len(value) > 1000:
        raise ValueError(f"its {name!r} is {shown(value)}, not text")
    return value


def _entries(
    kind: str, folder: Path, manifest: Mapping[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The manifest's updates of *kind*, oldest first, each checked to have what is read of it."""
    if manifest is None:
        found = _manifest(kind, folder)
        if found is None:
            return []
        manifest = found[1]
    path = folder / kind / MANIFEST
    entries = manifest.get("updates")
    if not isinstance(entries, list):
        raise _damaged(path, "its 'updates' are not a list", kind)
    for number, entry in enumerate(entries, 1):
        try:
            if not isinstance(entry, dict):
                raise ValueError("it is not an object")
            for name in ("name", "publisher", "format"):
                _text_field(entry, name)
            for name in ("retrieved", "installed", "published", "span"):
                _text_field(entry, name, optional=True)
            if not _HEX64.match(str(entry.get("sha256"))):
                raise ValueError(f"its 'sha256' is {shown(entry.get('sha256'))}")
            if kind == "oews":
                if not _RELEASE_FOLDER.match(str(entry.get("release"))):
                    raise ValueError(f"its 'release' is {shown(entry.get('release'))}")
            else:
                if not _VALUES_FILE.match(str(entry.get("values"))):
                    raise ValueError(f"its 'values' is {shown(entry.get('values'))}")
                if not _HEX64.match(str(entry.get("values_sha256"))):
                    raise ValueError(f"its 'values_sha256' is {shown(entry.get('values_sha256'))}")
        except ValueError as error:
            raise _damaged(
                path, f"update {number} is not one careerkit wrote: {error}", kind
            ) from None
    return entries


def _data_file(kind: str, entry: Mapping[str, Any]) -> DataFile:
    return DataFile(
        kind=kind,
        name=entry["name"],
        sha256=entry["sha256"],
        publisher=entry["publisher"],
        format=entry["format"],
        shipped=False,
        retrieved=entry.get("retrieved"),
        installed=entry.get("installed"),
        published=entry.get("published"),
    )


def _again_if_vanished(
    kind: str, folder: Path, read: Callable[[str, Path, dict[str, Any]], list[R]]
) -> list[R]:
    """``read(kind, folder, manifest)`` (nothing where no manifest is); where a file the manifest
    names has vanished, again with the manifest then in force (another process's update
    committed meanwhile). The same manifest naming a missing file twice is damage."""
    before: bytes | None = None
    for _ in range(8):
        found = _manifest(kind, folder)
        if found is None:
            return []
        try:
            return read(kind, folder, found[1])
        except _VanishedError as vanished:
            if found[0] == before:
                raise _damaged(
                    vanished.path, "a file the manifest names is missing", kind
                ) from None
            before = found[0]
    raise _damaged(folder / kind / MANIFEST, "it changes faster than it can be read", kind)


def _tidy(folder: Path, keep: set[str]) -> None:
    """Remove what no manifest names: superseded files, and temporaries of killed processes."""
    for path in folder.iterdir():
        if path.name in keep or path.name in (MANIFEST, ".lock"):
            continue
        with contextlib.suppress(OSError):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _modified(path: Path) -> str:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).date().isoformat()


def manifest_bytes(entries: Sequence[Mapping[str, Any]], **extra: Any) -> bytes:
    """The manifest listing *entries* (oldest first), as written."""
    document = {"careerkit": _VERSION, **extra, "updates": list(entries)}
    return (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def entry_for(path: Path, digest: str, *, publisher: str, format: str) -> dict[str, Any]:
    """The manifest entry of source file *path* (sha256 *digest*), installed now."""
    return {
        "name": path.name,
        "sha256": digest,
        "publisher": publisher,
        "format": format,
        "retrieved": _modified(path),
        "installed": _now(),
    }
