"""The user data directory: official files installed atomically, and read back.

Layout, one folder per series under the user data directory::

    cpi/manifest.json          what is installed, in the order it was laid over the snapshot
    cpi/<sha256 prefix>.csv    one installed file's values, as careerkit keeps them:
                               ``key,date,value`` (an empty value: the file marks that
                               date as having no value)
    oews/manifest.json         the OEWS release in use
    oews/<sha256 prefix>/      its catalogue files, in the shipped catalogue's layout

**Atomic.** Every file is written under a temporary name, flushed to disk and
renamed over its final name; the manifest is renamed last, and is the only
commit point: until it is replaced, the previous manifest names the previous
files, which nothing has touched. A process killed at any moment therefore
leaves the previous data in use and intact (``tests/test_data_update.py`` kills
real processes to check). Files no manifest names are removed afterwards.
Updates of one series take a lock (``fcntl.flock``, ``msvcrt.locking`` on
Windows) so that two at once cannot remove each other's files; the lock dies
with its process.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from careerkit import data
from careerkit.data import KINDS, SERIES, DataFile, Layer, Values, label
from careerkit.errors import (
    DataFormatError,
    DataRevisionError,
    ValidationError,
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
    """How many values the files hold (for ``oews``: national and state rows)."""
    new: int
    """How many are for dates or keys the data in use lacked (for ``oews``: occupations)."""
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
        text = (
            f"{self.kind}: installed {names} ({self.files[0].format}) into {self.folder}: "
            f"{self.span}, {self.points:,} values, {self.new:,} new"
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


def _damaged(path: Path, why: str, kind: str) -> DataFormatError:
    return DataFormatError(
        f"careerkit's data folder is damaged: {path}: {why}. Run 'careerkit data reset {kind}' "
        "to return to the shipped snapshot, then install the file again"
    )


def _entries(kind: str, folder: Path) -> list[dict[str, Any]]:
    path = folder / kind / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as error:
        raise _damaged(path, f"cannot be read ({error})", kind) from None
    if not isinstance(manifest, dict) or manifest.get("careerkit") != _VERSION:
        raise _damaged(path, f"not a {_VERSION!r} file", kind)
    entries = manifest.get("updates")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise _damaged(path, "its 'updates' are not a list of objects", kind)
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
    if SERIES[kind].frequency == "monthly":
        return int(text[:4]), int(text[5:7])
    return int(text)


def _read_values(kind: str, content: bytes) -> tuple[Values, frozenset[tuple[str, str]]]:
    lines = content.decode("utf-8").splitlines()
    if not lines or lines[0] != _HEADER:
        raise ValueError(f"expected the header {_HEADER!r}")
    table: dict[str, dict[data.Date, Decimal]] = {}
    missing = set()
    for line in lines[1:]:
        key, date, value = line.split(",")
        if value:
            table.setdefault(key, {})[_date(kind, date)] = Decimal(value)
        else:
            missing.add((key, date))
    return data._freeze(table), frozenset(missing)


def installed(kind: str, folder: Path) -> list[Layer]:
    """The updates of *kind* installed in *folder*, oldest first, each with its values."""
    try:
        return _layers(kind, folder)
    except FileNotFoundError:  # an update replaced a file as it was read: read the new manifest
        try:
            return _layers(kind, folder)
        except FileNotFoundError as error:
            path = Path(str(error.filename))
            raise _damaged(path, "a file the manifest names is missing", kind) from None


def _layers(kind: str, folder: Path) -> list[Layer]:
    found = []
    for entry in _entries(kind, folder):
        path = folder / kind / str(entry.get("values"))
        content = path.read_bytes()
        if hashlib.sha256(content).hexdigest() != entry.get("values_sha256"):
            raise _damaged(path, "its sha256 is not the one the manifest records", kind)
        try:
            values, missing = _read_values(kind, content)
            found.append(Layer(_data_file(kind, entry), values, missing))
        except (KeyError, TypeError, ValueError, InvalidOperation) as error:
            raise _damaged(path, f"cannot be read ({error})", kind) from None
    return found


def oews_release(folder: Path) -> tuple[tuple[DataFile, ...], Path] | None:
    """The OEWS release installed in *folder*: its source files and catalogue folder, or ``None``."""
    entries = _entries("oews", folder)
    if not entries:
        return None
    path = folder / "oews" / MANIFEST
    release = json.loads(path.read_text(encoding="utf-8")).get("release")
    where = folder / "oews" / str(release)
    if not (where / "release.json").is_file():
        raise _damaged(where, "the release folder the manifest names is missing", "oews")
    try:
        files = tuple(_data_file("oews", entry) for entry in entries)
    except (KeyError, TypeError) as error:
        raise _damaged(path, f"cannot be read ({error})", "oews") from None
    return files, where


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
            f"cannot write to careerkit's data folder {folder}: {error.strerror or error}. "
            "Choose a folder you can write to: set CAREERKIT_DATA_DIR (or pass directory=)",
            field="directory",
        ) from None


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
        f"{key} {date}: {old} in use ({source}), {new} in {path.name}"
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
        if not isinstance(file, str | os.PathLike):
            raise wrong_type("a file path", file, "files")
    paths = [Path(file) for file in files]
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
        if not (where / kind).is_dir():
            continue
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
