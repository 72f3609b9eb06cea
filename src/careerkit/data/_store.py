"""The user data directory: official files installed atomically, and read back.

Layout, one folder per series under the user data directory::

    cpi/manifest.json          what is installed, in the order it was laid over the snapshot
    cpi/<sha256 prefix>.csv    one installed file's values, as careerkit keeps them:
                               ``key,date,value`` (an empty value: the file marks that
                               date as having no value)
    oews/manifest.json         the OEWS releases installed (each stacked over the shipped
                               one), with the sha256 of every file of each
    oews/<sha256 prefix>-<time>/   one release's files (``release.json``,
                               ``occupations.tsv``, ``oews.bin``), in the shipped
                               catalogue's layout

**Atomic.** Every file is written under a temporary name, flushed to disk and
renamed over its final name; the manifest is renamed last, and is the only
commit point: until it is replaced, the previous manifest names the previous
files, which nothing has touched. A process killed at any moment therefore
leaves the previous data in use and intact (``tests/test_data_update.py`` kills
real processes to check). Files no manifest names are removed afterwards.
Updates of one series take a lock (``fcntl.flock``, ``msvcrt.locking`` on
Windows) so that two at once cannot remove each other's files; the lock dies
with its process.

**Immutable, and read whole.** A file or release folder, once a manifest names
it, is never written again: a new update writes new files. A process reads the
files of the data in use whole, checks each against the sha256 its manifest
records, and keeps what it read; it never opens them again. So another process
may remove files no manifest names any more at once (on every platform), and a
running process keeps the data it started with. A process that finds a file
gone between reading the manifest and the file (another process's update
committed meanwhile) reads the new manifest.

**Damage is named.** Whatever is wrong inside the data folder (a manifest that
is not careerkit's, an entry lacking a field, a file missing, changed, cut short
or not careerkit's layout, a value the readers would refuse) raises
:class:`~careerkit.errors.DataFormatError` naming the file and ``careerkit data
reset KIND``; careerkit never falls back silently to the snapshot, nor reads a
damaged file as fewer values.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from careerkit import data
from careerkit.data import KINDS, SERIES, DataFile, Layer, Values, label
from careerkit.errors import (
    DataFormatError,
    DataRevisionError,
    ValidationError,
    shown,
    wrong_type,
)

if TYPE_CHECKING:
    from careerkit.data._formats import Parsed

MANIFEST = "manifest.json"
_VERSION = "careerkit data manifest 1"
_HEADER = "key,date,value"

RELATIVE_TOLERANCE = Decimal("0.0001")
"""Index levels, rates and factors agree when they differ by at most 0.01% of the value in use
(or by half a unit of the last digit either file prints, whichever is larger)."""
RATE_TOLERANCE = Decimal("0.001")
"""Inflation rates agree when they differ by at most 0.001 percentage points (or half a unit of
the last digit either file prints, whichever is larger)."""

R = TypeVar("R")

Revision = tuple[str, str, str, str]
"""``(key, date, value in use, new value)``."""


@attrs.frozen(kw_only=True, repr=False)
class Installed:
    """What ``careerkit data update`` installed, and what it changed."""

    kind: str
    """The series the update is for (``cpi``, ``fx-monthly``, ...)."""
    folder: Path
    """The user data directory it was installed into."""
    files: tuple[DataFile, ...]
    """The files installed, as their values will be cited."""
    span: str
    """The first and last dates of the values installed."""
    points: int
    """How many values the files hold (for ``oews``: figures of an occupation in an area, for
    each detailed occupation, nationally and in each state the files cover)."""
    new: int
    """How many are for dates or keys the data in use lacked (for ``oews``: figures of an
    occupation in an area for a date the releases in use had none for)."""
    revisions: tuple[Revision, ...]
    """Values that differ from the data in use beyond the tolerance (installed, as accepted)."""
    replaced: tuple[DataFile, ...] = ()
    """Earlier updates these files supersede at every date, and so no longer kept."""

    def __repr__(self) -> str:
        # Records print as summaries, values as Python (the rule: careerkit._display).
        names = ", ".join(file.name for file in self.files)
        return f"<Installed {self.kind!r}: {names}, {self.span}, {self.points} values>"

    def describe(self) -> str:
        """What happened, for people."""
        names = ", ".join(file.name for file in self.files)
        what = "occupation and area figures" if self.kind == "oews" else "values"
        text = (
            f"{self.kind}: installed {names} ({self.files[0].format}) into {self.folder}: "
            f"{self.span}, {self.points:,} {what}, {self.new:,} new"
        )
        if self.revisions:
            text += f", {len(self.revisions):,} revised (accepted)"
        if self.replaced:
            text += "; replaces " + ", ".join(file.name for file in self.replaced)
        return text

    def to_dict(self) -> dict[str, Any]:
        """The same, as JSON-ready data."""
        return {
            "kind": self.kind,
            "folder": str(self.folder),
            "files": [attrs.asdict(file) for file in self.files],
            "span": self.span,
            "points": self.points,
            "new": self.new,
            "revisions": [list(revision) for revision in self.revisions],
            "replaced": [attrs.asdict(file) for file in self.replaced],
        }


# --- reading what is installed ------------------------------------------------------------------

MAX_MANIFEST = 16 * 2**20
"""The largest manifest read (one lists a few hundred files at most)."""
MAX_INSTALLED = 256 * 2**20
"""The largest installed file read (careerkit writes none near it)."""

_HEX64 = re.compile(r"[0-9a-f]{64}\Z")
_VALUES_FILE = re.compile(r"[0-9a-f]{16}\.csv\Z")
_RELEASE_FOLDER = re.compile(r"[0-9a-f]{16}-[0-9]{8}T[0-9]{12}\Z")
_RELEASE_FILES = ("release.json", "occupations.tsv", "oews.bin")
_MONTH = re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])\Z")
_YEAR = re.compile(r"[0-9]{4}\Z")
_REGION = re.compile(r"US(?:-[A-Z]{2})?\Z")


def _damaged(path: Path, why: str, kind: str) -> DataFormatError:
    what = "release" if kind == "oews" else "snapshot"
    return DataFormatError(
        f"careerkit's data folder is damaged: {path}: {why}. Run 'careerkit data reset {kind}' "
        f"to return to the shipped {what}, then install the file{'s' * (kind == 'oews')} again"
    )


class _VanishedError(Exception):
    """A file the manifest names is gone: another process may have committed an update."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def _read(path: Path, kind: str, largest: int = MAX_INSTALLED) -> bytes:
    """The bytes of *path*, a file of the data folder; :class:`_VanishedError` if it is not there."""
    try:
        with open(path, "rb") as file:
            content = file.read(largest + 1)
    except FileNotFoundError:
        raise _VanishedError(path) from None
    except OSError as error:  # a folder in its place, no permission ...
        raise _damaged(path, f"cannot be read ({error.strerror or error})", kind) from None
    if len(content) > largest:
        raise _damaged(
            path, f"larger than {largest // 2**20} MiB, which careerkit never writes", kind
        )
    return content


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


def _date(kind: str, text: str) -> data.Date:
    """*text*, a date of series *kind* as careerkit writes it, if the readers accept it."""
    from careerkit.data._formats import checked_date

    if SERIES[kind].frequency == "monthly":
        if not _MONTH.match(text):
            raise ValueError(f"the date {shown(text)} is not a month such as 2026-05")
        return checked_date(kind, (int(text[:4]), int(text[5:7])))
    if not _YEAR.match(text):
        raise ValueError(f"the date {shown(text)} is not a year such as 2024")
    return checked_date(kind, int(text))


def _read_values(
    kind: str, path: Path, content: bytes
) -> tuple[Values, frozenset[tuple[str, str]]]:
    """The values file *path* (its *content*), every line checked as the readers check a
    publisher's file (:func:`~careerkit.data._formats.checked_key`, ``checked_date`` and
    ``checked_value``); else the damage, named."""
    from careerkit.data._formats import checked_key, checked_value

    try:
        lines = content.decode("utf-8").split("\n")
    except UnicodeDecodeError as error:
        raise _damaged(path, f"is not UTF-8 text ({error.reason})", kind) from None
    if lines[0] != _HEADER:
        raise _damaged(path, f"does not start with careerkit's header {_HEADER!r}", kind)
    if lines[-1] != "":
        raise _damaged(path, "its last line is cut short", kind)
    table: dict[str, dict[data.Date, Decimal]] = {}
    missing: set[tuple[str, str]] = set()
    for number, line in enumerate(lines[1:-1], 2):
        try:
            key, date, value = line.split(",")
            try:
                checked_key(kind, key)
            except ValueError as error:
                raise ValueError(
                    f"the key {shown(key)} is not a code careerkit keeps: {error}"
                ) from None
            when = _date(kind, date)
            if when in table.get(key, {}) or (key, date) in missing:
                raise ValueError(f"{key} {date} is given twice")
            if value:
                table.setdefault(key, {})[when] = checked_value(kind, value)
            else:
                missing.add((key, date))
        except ValueError as error:  # the gate's RefusedError too
            why = "expected key,date,value" if "unpack" in str(error) else str(error)
            raise _damaged(path, f"line {number}: {shown(line)}: {why}", kind) from None
    if not table:
        raise _damaged(path, "it holds no values, which careerkit never writes", kind)
    return data._freeze(table), frozenset(missing)


def installed(kind: str, folder: Path) -> list[Layer]:
    """The updates of *kind* installed in *folder*, oldest first, each with its values."""
    return _again_if_vanished(kind, folder, _layers)


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


def _layers(kind: str, folder: Path, manifest: dict[str, Any]) -> list[Layer]:
    found = []
    for entry in _entries(kind, folder, manifest):
        path = folder / kind / entry["values"]
        content = _read(path, kind)
        if hashlib.sha256(content).hexdigest() != entry["values_sha256"]:
            raise _damaged(path, "its sha256 is not the one the manifest records", kind)
        values, missing = _read_values(kind, path, content)
        found.append(Layer(_data_file(kind, entry), values, missing))
    return found


def oews_releases(folder: Path) -> tuple[data.InstalledRelease, ...]:
    """The OEWS releases installed in *folder*, in the order installed, each file read and checked."""
    return tuple(_again_if_vanished("oews", folder, _releases))


def _releases(kind: str, folder: Path, manifest: dict[str, Any]) -> list[data.InstalledRelease]:
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
            data.InstalledRelease(
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
        or sorted(contents) != sorted(_RELEASE_FILES)
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
    """The manifest's record of the release written in *folder* (whose files are final)."""
    return {
        "folder": name,
        "name": title,
        "reference_date": reference_date,
        "areas": list(areas),
        "occupations": occupations,
        "contents": {
            file: hashlib.sha256((folder / file).read_bytes()).hexdigest()
            for file in _RELEASE_FILES
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


# --- writing ---------------------------------------------------------------------------------


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows cannot open a folder to flush it
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_atomic(path: Path, content: bytes) -> None:
    """Write *content* to *path* so that *path* holds either its old content or all the new."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _fsync_folder(path.parent)


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the update lock of *folder* (created if need be) for the block.

    A folder that cannot be written (no permission, a file in the way, a full disk)
    is a :class:`ValidationError` naming it; the data in use is left as it was.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / ".lock", "a+b") as handle:
            if sys.platform == "win32":  # pragma: no cover
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            else:
                import fcntl

                fcntl.flock(handle, fcntl.LOCK_EX)
            yield
    except OSError as error:
        raise ValidationError(
            f"cannot write to careerkit's data folder {shown(str(folder))}: "
            f"{error.strerror or error}. "
            "Choose a folder you can write to: set CAREERKIT_DATA_DIR (or pass directory=)",
            field="directory",
        ) from None


def fsync_files(folder: Path) -> None:
    """Flush every file in *folder*, and the folder, to disk (before renaming it into place)."""
    for path in folder.iterdir():
        with open(path, "rb") as file:
            os.fsync(file.fileno())
    _fsync_folder(folder)


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


# --- checking against the data in use ------------------------------------------------------------


def _half_unit(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    return Decimal(5).scaleb(exponent - 1) if isinstance(exponent, int) else Decimal(0)


def agrees(kind: str, old: Decimal, new: Decimal) -> bool:
    """Whether *new* is *old* as published again (see :data:`RELATIVE_TOLERANCE`)."""
    slack = max(_half_unit(old), _half_unit(new))
    allowed = RATE_TOLERANCE if kind == "inflation" else abs(old) * RELATIVE_TOLERANCE
    return abs(new - old) <= allowed + slack


def _span(*tables: Values) -> str:
    dates = [date for values in tables for series in values.values() for date in series]
    return f"{label(min(dates))} to {label(max(dates))}"


def _revision_error(kind: str, path: Path, revisions: list[Revision], sources: list[str]) -> None:
    shown_ = "; ".join(
        f"{key} {date}: {old} in use ({source}), {new or 'no figure'} in {path.name}"
        for (key, date, old, new), source in list(zip(revisions, sources, strict=True))[:3]
    )
    more = f" (and {len(revisions) - 3:,} more)" if len(revisions) > 3 else ""
    tolerance = (
        f"{RATE_TOLERANCE} percentage points"
        if kind == "inflation"
        else f"{RELATIVE_TOLERANCE:%} of the value"
    )
    raise DataRevisionError(
        f"{path.name} differs from the {kind} data in use in {len(revisions):,} "
        f"value{'s' if len(revisions) != 1 else ''} by more "
        f"than {tolerance}: {shown_}{more}. Publishers revise their figures: to install the "
        "revised values, pass --accept-revisions (accept_revisions=True in Python)",
        revisions=tuple(revisions),
    )


# --- update and reset ------------------------------------------------------------------------


def update(
    kind: str,
    files: Sequence[str | os.PathLike[str]],
    *,
    accept_revisions: bool,
    folder: Path | None,
    reference_date: str | None,
) -> Installed:
    """See :func:`careerkit.data.update`."""
    data.check_kind(kind)
    if not files:
        raise ValidationError(f"give the file(s) to install for {kind}", field="files")
    if not isinstance(accept_revisions, bool):
        raise ValidationError("expected True or False", field="accept_revisions")
    for file in files:
        if not isinstance(file, str | os.PathLike) or not isinstance(os.fspath(file), str):
            raise wrong_type("a file path", file, "files")
    paths = [_source(Path(file)) for file in files]
    where = data.directory() if folder is None else folder
    if kind == "oews":
        from careerkit.data._oews import update_oews

        return update_oews(
            paths, where, accept_revisions=accept_revisions, reference_date=reference_date
        )
    if reference_date is not None:
        raise ValidationError(
            f"reference_date dates an OEWS release; a {kind} file dates its own values",
            field="reference_date",
        )
    from careerkit.data._formats import read

    parsed = [
        (path, read(kind, path), hashlib.sha256(path.read_bytes()).hexdigest()) for path in paths
    ]
    with locked(where / kind):
        entries = _entries(kind, where)
        earlier = installed(kind, where)
        shipped = data._SHIPPED_ONCE[kind]()
        layers = list(earlier)
        added: list[tuple[dict[str, Any], bytes]] = []
        newer: list[Layer] = []
        every_revision: list[Revision] = []
        points = new = 0
        for path, found, digest in parsed:
            revisions, sources, fresh = _compare(kind, data._Layered(shipped, layers), found.values)
            if revisions and not accept_revisions:
                _revision_error(kind, path, revisions, sources)
            content = _values_file(found)
            entry = entry_for(path, digest, publisher=found.publisher, format=found.format)
            entry.update(
                published=found.published,
                series=list(found.series),
                values=f"{digest[:16]}.csv",
                values_sha256=hashlib.sha256(content).hexdigest(),
                span=_span(found.values),
                points=sum(len(series) for series in found.values.values()),
                revisions=[list(revision) for revision in revisions],
            )
            layer = Layer(_data_file(kind, entry), found.values)
            added = [(e, c) for e, c in added if e["sha256"] != digest] + [(entry, content)]
            newer = [old for old in newer if old.file.sha256 != digest] + [layer]
            layers = [old for old in layers if old.file.sha256 != digest] + [layer]
            every_revision += revisions
            points += entry["points"]
            new += fresh
        kept, replaced = _unshadowed(entries, earlier, newer)
        for entry, content in added:
            write_atomic(where / kind / entry["values"], content)
        final = kept + [entry for entry, _ in added]
        write_atomic(where / kind / MANIFEST, manifest_bytes(final, kind=kind))
        _tidy(where / kind, {str(entry["values"]) for entry in final})
    return Installed(
        kind=kind,
        folder=where,
        files=tuple(layer.file for layer in newer),
        span=_span(*(layer.values for layer in newer)),
        points=points,
        new=new,
        revisions=tuple(every_revision),
        replaced=tuple(replaced),
    )


def _source(path: Path) -> Path:
    """*path*, a file given to install, if the system can look it up (the readers say the rest)."""
    try:
        path.stat()
    except FileNotFoundError:
        pass  # each reader names it: "no such file"
    except (OSError, ValueError) as error:  # a name too long, a NUL in it, a loop of links ...
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise DataFormatError(
            f"{shown(str(path))}: cannot be read ({reason}): give the path of the file you "
            "downloaded"
        ) from None
    return path


def _values_file(found: Parsed) -> bytes:
    """*found*'s values as careerkit keeps them: ``key,date,value``, no value where missing."""
    rows = [_HEADER]
    for key, series in found.values.items():
        dates = sorted({*series, *found.missing.get(key, ())})
        rows += [f"{key},{label(date)},{series.get(date, '')}" for date in dates]
    return ("\n".join(rows) + "\n").encode("utf-8")


def _compare(
    kind: str, in_use: data._Layered, values: Values
) -> tuple[list[Revision], list[str], int]:
    """The revisions *values* make to the data *in_use* (with where each old value came from),
    and how many of its values are for dates the data in use lacks."""
    revisions: list[Revision] = []
    sources: list[str] = []
    new = 0
    for key, series in values.items():
        old_series = in_use.get(key, {})
        for date, value in series.items():
            old = old_series.get(date)
            if old is None:
                new += 1
            elif not agrees(kind, old, value):
                revisions.append((key, label(date), str(old), str(value)))
                origin = in_use.file_of(key, date)
                sources.append("shipped snapshot" if origin is None else origin.name)
    return revisions, sources, new


def _unshadowed(
    entries: list[dict[str, Any]], earlier: list[Layer], newer: list[Layer]
) -> tuple[list[dict[str, Any]], list[DataFile]]:
    """The earlier entries still supplying a value somewhere; and those that no longer do.

    An earlier update is dropped when it is the same file installed again, or
    when the new files have a value at every date it has.
    """
    new_digests = {layer.file.sha256 for layer in newer}
    covered = {(key, date) for layer in newer for key, s in layer.values.items() for date in s}
    kept, replaced = [], []
    for entry, (file, values, _) in zip(entries, earlier, strict=True):
        mine = {(key, date) for key, s in values.items() for date in s}
        if file.sha256 in new_digests or mine <= covered:
            replaced.append(file)
        else:
            kept.append(entry)
    return kept, replaced


def reset(kinds: Sequence[str], *, folder: Path | None) -> tuple[str, ...]:
    """See :func:`careerkit.data.reset`."""
    for kind in kinds:
        data.check_kind(kind, field="kinds")
    where = data.directory() if folder is None else folder
    done = []
    for kind in kinds or KINDS:
        try:
            if not (where / kind).is_dir():
                continue
        except OSError as error:  # a name too long for the file system ...
            raise ValidationError(
                f"cannot use careerkit's data folder {shown(str(where))}: "
                f"{error.strerror or error}. Pass the folder careerkit keeps its data in",
                field="directory",
            ) from None
        with locked(where / kind):
            manifest = where / kind / MANIFEST
            had = manifest.exists()
            if had:
                manifest.unlink()  # the commit point: from here, the snapshot is in use
                _fsync_folder(where / kind)
            _tidy(where / kind, set())
        if had:
            done.append(kind)
    return tuple(done)
