"""``careerkit data status``: what each series is, how far it reaches, and which files are in use."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from careerkit import _hooks, data
from careerkit.data import SERIES, DataFile, Date, label
from careerkit.data._files import _shipped_files

_SHOWN_ENDS = 12  # keys listed per end date in the text; JSON has them all


@attrs.frozen(kw_only=True, repr=False)
class ReleaseStatus:
    """One OEWS release in use: its date, what it covers, and where it came from."""

    reference_date: str
    """The month its estimates refer to, ``"2024-05"``."""
    name: str
    """The release as careerkit names it (``"OEWS May 2025 (release 2025A01)"``)."""
    areas: tuple[str, ...]
    """The regions it has figures for: ``("US",)`` for a national table, or with the states."""
    occupations: int
    """How many detailed occupations it has figures for."""
    shipped: bool
    """``True`` for the release shipped in the package, ``False`` for one you installed."""
    files: tuple[DataFile, ...]
    """The files it was read from."""
    role: str
    """``"latest"`` (the newest date: the catalogue's current figures), ``"history"``
    (an earlier date), or ``"under ..."`` (a release of the same date installed later lies
    over it where both have figures)."""
    local_areas: int = 0
    """How many metropolitan and nonmetropolitan areas it has figures for
    (:func:`careerkit.areas`)."""

    def __repr__(self) -> str:
        return f"<ReleaseStatus {self.reference_date}: {self.describe()}>"

    def coverage(self) -> str:
        """What it covers, for people: ``"national"``, ``"national and 54 states and
        territories; 528 metropolitan and nonmetropolitan areas"``."""
        states = len(self.areas) - 1
        found = "national"
        if states:
            found += f" and {states} state{'s' * (states != 1)} and territories"
        if self.local_areas:
            found += (
                f"; {self.local_areas} metropolitan and nonmetropolitan "
                f"area{'s' * (self.local_areas != 1)}"
            )
        return found

    def to_dict(self) -> dict[str, Any]:
        """The release as JSON-ready data."""
        document = attrs.asdict(self, recurse=True)
        document["areas"] = list(self.areas)
        document["files"] = [attrs.asdict(file) for file in self.files]
        return document

    def describe(self) -> str:
        """One line for people."""
        where = (
            "shipped" if self.shipped else "your update: " + ", ".join(f.name for f in self.files)
        )
        return f"{self.coverage()}, {self.occupations:,} occupations ({where}); {self.role}"


@attrs.frozen(kw_only=True, repr=False)
class SeriesStatus:
    """One series as it stands in this process: its vintage, reach and holes."""

    kind: str
    """Its name in careerkit (``cpi``, ``fx-monthly``, ...), as ``careerkit data`` takes it."""
    name: str
    """What the series is, as its publisher names it."""
    publisher: str
    """The official source of the values in use (the updates' where they supply values)."""
    licence: str
    """The terms the publisher releases the series under."""
    url: str
    """Where the publisher serves the series."""
    span: str
    """First and last date of the series (any key): ``"1913-01 to 2026-05"``."""
    last: str
    """The last date with a value, for any key."""
    last_value: str | None
    """The last value, for a series of one key (CPI-U); ``None`` for series of many."""
    ends: Mapping[str, tuple[str, ...]]
    """For a series of many keys: each last date, with the keys whose values end there."""
    gaps: tuple[tuple[str, str, str], ...]
    """Dates inside a key's span without a value: ``(key, date or "from to to", why)``."""
    keys: int
    """How many keys (each one series of values over time) the data in use has."""
    notes: tuple[str, ...]
    """What else a user of the series should know (the currencies G.5A has no series for)."""
    files: tuple[DataFile, ...]
    """The files in use: the shipped snapshot first, then the updates laid over it."""
    in_use: str
    """``"shipped snapshot"``, or ``"update"`` where a user's update supplies values."""
    folder: str
    """The user data directory updates are read from."""
    releases: tuple[ReleaseStatus, ...] = ()
    """For ``oews``: every release in use, oldest date first (empty for the other series)."""

    def __repr__(self) -> str:
        # Records print as summaries, values as Python (the rule: careerkit._display).
        return f"<SeriesStatus {self.kind!r}: {self.span}, {self.in_use}>"

    def describe(self) -> str:
        """The status for people: a few lines."""
        lines = [
            f"{self.kind}: {self.name}",
            f"  source: {self.publisher}; licence: {self.licence}",
            f"  span: {self.span}; last: {self.last}"
            + (f" = {self.last_value}" if self.last_value is not None else ""),
        ]
        if len(self.ends) > 1:
            for date, keys in sorted(self.ends.items(), reverse=True):
                shown = ", ".join(keys[:_SHOWN_ENDS])
                more = f" and {len(keys) - _SHOWN_ENDS} more" if len(keys) > _SHOWN_ENDS else ""
                lines.append(f"  ends {date}: {len(keys)} ({shown}{more})")
        lines += [f"  note: {note}" for note in self.notes]
        for key, date, why in self.gaps[:_SHOWN_ENDS]:
            lines.append(f"  gap: {key} {date}: {why}")
        if len(self.gaps) > _SHOWN_ENDS:
            left = len(self.gaps) - _SHOWN_ENDS
            lines.append(f"  ... and {left} more gap{'s' * (left != 1)} (--json lists all)")
        lines.append(f"  in use: {self.in_use}")
        for release in self.releases:
            lines.append(f"  release {release.reference_date}: {release.describe()}")
        for file in self.files:
            what = "shipped snapshot" if file.shipped else f"your update, {file.format}"
            dates = [f"retrieved {file.retrieved}"] if file.retrieved else []
            dates += [f"installed {file.installed}"] if file.installed else []
            dates += [f"published {file.published}"] if file.published else []
            lines.append(f"  file: {file.name} ({what}); sha256 {file.sha256}")
            if dates:
                lines.append(f"        {', '.join(dates)}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The status as JSON-ready data."""
        document = attrs.asdict(self, recurse=True)
        document["ends"] = {date: list(keys) for date, keys in self.ends.items()}
        document["gaps"] = [list(gap) for gap in self.gaps]
        document["releases"] = [release.to_dict() for release in self.releases]
        return document


def _following(date: Date) -> Date:
    if isinstance(date, tuple):
        year, month = date
        return (year + 1, 1) if month == 12 else (year, month + 1)
    return date + 1


def _missing(series: Mapping[Any, object]) -> Iterator[Date]:
    date, last = min(series), max(series)
    while date < last:
        if date not in series:
            yield date
        date = _following(date)


def _gaps(kind: str, values: data.Values) -> tuple[tuple[str, str, str], ...]:
    """Each key's runs of missing dates, a run being consecutive dates with one reason."""
    found: list[tuple[str, str, str]] = []
    for key, series in values.items():
        if not series:
            continue
        run: list[Date] = []
        reason = ""
        for date in _missing(series):
            why = data.gap(kind, key, date) or ""
            if run and (why != reason or _following(run[-1]) != date):
                found.append(_run(key, run, reason))
                run = []
            run.append(date)
            reason = why
        if run:
            found.append(_run(key, run, reason))
    return tuple(found)


def _run(key: str, run: list[Date], why: str) -> tuple[str, str, str]:
    dates = label(run[0]) if len(run) == 1 else f"{label(run[0])} to {label(run[-1])}"
    return key, dates, why


def _series(kind: str) -> SeriesStatus:
    info = SERIES[kind]
    values = data.values(kind)
    updates = data.updates(kind)
    lasts: dict[str, list[str]] = {}
    firsts = []
    for key, series in values.items():
        if series:
            lasts.setdefault(label(max(series)), []).append(key)
            firsts.append(min(series))
    last = max(lasts)
    only = next(iter(values.values())) if len(values) == 1 else None
    return SeriesStatus(
        kind=kind,
        name=info.name,
        publisher=_publisher(info.source, updates),
        licence=info.licence,
        url=info.url,
        span=f"{label(min(firsts))} to {last}",
        last=last,
        last_value=None if only is None else str(only[max(only)]),
        ends={date: tuple(sorted(keys)) for date, keys in lasts.items()} if only is None else {},
        gaps=_gaps(kind, values),
        keys=len(values),
        notes=_notes(kind),
        files=(*_shipped_files(kind), *updates),
        in_use="update" if updates else "shipped snapshot",
        folder=str(data.directory()),
    )


def _notes(kind: str) -> tuple[str, ...]:
    if kind != "fx-annual":
        return ()
    yearly, monthly = data.fx_yearly(), data.fx_monthly()
    notes = []
    lacking = sorted(set(monthly) - set(yearly))
    if lacking:
        notes.append(
            f"G.5A has no series for {', '.join(lacking)} in the data in use: careerkit computes "
            f"{'its' if len(lacking) == 1 else 'their'} annual averages from the monthly series, "
            "as the Fed computes G.5A"
        )
    last = max(max(series) for series in yearly.values() if series)
    for code in sorted(set(monthly) & set(yearly)):
        end = max(yearly[code])
        if end < last and max(monthly[code])[0] > end:
            notes.append(
                f"G.5A figures for {code} in the data in use end in {end}: careerkit computes "
                f"later years from the monthly series, as the Fed computes G.5A, until a newer "
                f"file is installed ('careerkit data update fx-annual')"
            )
    return tuple(notes)


def _publisher(shipped: str, updates: tuple[DataFile, ...]) -> str:
    """Who published the values in use: the updates' publishers, newest first, then *shipped*."""
    return "; ".join(dict.fromkeys([file.publisher for file in reversed(updates)] + [shipped]))


def status(kinds: tuple[str, ...]) -> tuple[SeriesStatus, ...]:
    """See :func:`careerkit.data.status`: *kinds* checked, in :data:`~careerkit.data.KINDS` order.

    The ``oews`` entry is the catalogue's to give (its releases and occupations): the hook
    :data:`careerkit._hooks.oews_status` asks it.
    """
    return tuple(
        _hooks.oews_status.call() if kind == "oews" else _series(kind)
        for kind in SERIES
        if kind in kinds
    )
