"""Installing official files into the user data directory, and removing them.

``careerkit data update KIND FILE`` (:func:`careerkit.data.update`) reads each file in
a publisher's format (:mod:`careerkit.data._formats`), checks it against the data in
use (values further apart than the tolerance are revisions, refused unless accepted),
writes its values (:mod:`careerkit.data._layers`) and then the manifest, the commit
point (:mod:`careerkit.data._manifest`), atomically and under the series' lock
(:mod:`careerkit.data._disk`). An OEWS release is the catalogue's format: the
catalogue installs it, through the hook :data:`careerkit._hooks.update_oews`.
``careerkit data reset`` (:func:`careerkit.data.reset`) removes a series' manifest,
its commit point, and then its files.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from careerkit import _hooks
from careerkit.data._directory import directory
from careerkit.data._disk import _fsync_folder, locked, write_atomic
from careerkit.data._files import DataFile
from careerkit.data._in_use import _Layered
from careerkit.data._layers import Layer, _values_file, installed
from careerkit.data._manifest import (
    MANIFEST,
    _data_file,
    _entries,
    _tidy,
    entry_for,
    manifest_bytes,
)
from careerkit.data._series import KINDS, Values, check_kind, label
from careerkit.data._shipped import _SHIPPED_ONCE
from careerkit.errors import (
    DataFormatError,
    DataRevisionError,
    ValidationError,
    shown,
    wrong_type,
)

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
    """How many values the files hold (for ``oews``: figures of an occupation in an area, for
    each detailed occupation, nationally and in each state and metropolitan or
    nonmetropolitan area the files cover)."""
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
    check_kind(kind)
    if not files:
        raise ValidationError(f"give the file(s) to install for {kind}", field="files")
    if not isinstance(accept_revisions, bool):
        raise ValidationError("expected True or False", field="accept_revisions")
    for file in files:
        if not isinstance(file, str | os.PathLike) or not isinstance(os.fspath(file), str):
            raise wrong_type("a file path", file, "files")
    paths = [_source(Path(file)) for file in files]
    where = directory() if folder is None else folder
    if kind == "oews":  # an OEWS release is the catalogue's format: the catalogue installs it
        return _hooks.update_oews.call(
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
        shipped = _SHIPPED_ONCE[kind]()
        layers = list(earlier)
        added: list[tuple[dict[str, Any], bytes]] = []
        newer: list[Layer] = []
        every_revision: list[Revision] = []
        points = new = 0
        for path, found, digest in parsed:
            revisions, sources, fresh = _compare(kind, _Layered(shipped, layers), found.values)
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


def _compare(kind: str, in_use: _Layered, values: Values) -> tuple[list[Revision], list[str], int]:
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
        check_kind(kind, field="kinds")
    where = directory() if folder is None else folder
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
