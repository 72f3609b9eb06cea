"""``careerkit data status``: what each series is, how far it reaches, and which files are in use."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from careerkit import data
from careerkit.data import SERIES, DataFile, Date, label

_SHOWN_ENDS = 12  # keys listed per end date in the text; JSON has them all


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
            lines.append(f"  ... and {len(self.gaps) - _SHOWN_ENDS} more gaps (--json lists all)")
        lines.append(f"  in use: {self.in_use}")
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
        files=(data._shipped_file(kind), *updates),
        in_use="update" if updates else "shipped snapshot",
        folder=str(data.directory()),
    )


def _notes(kind: str) -> tuple[str, ...]:
    if kind != "fx-annual":
        return ()
    lacking = sorted(set(data.fx_monthly()) - set(data.fx_yearly()))
    if not lacking:
        return ()
    return (
        f"G.5A has no series for {', '.join(lacking)}: careerkit computes their annual averages "
        "from the monthly series, as the Fed computes G.5A",
    )


def _publisher(shipped: str, updates: tuple[DataFile, ...]) -> str:
    return "; ".join(dict.fromkeys([file.publisher for file in reversed(updates)] + [shipped]))


def _oews() -> SeriesStatus:
    from careerkit.catalogue import release

    info = SERIES["oews"]
    about = release()
    updates = data.updates("oews")
    shipped = tuple(
        DataFile(
            kind="oews",
            name=name,
            sha256=digest,
            publisher=info.source if name.startswith("oews") else "O*NET Center (USDOL/ETA)",
            format="careerkit catalogue source",
            shipped=True,
            retrieved=info.retrieved.split(" ")[0],
        )
        for name, digest in _shipped_release_files().items()
    )
    return SeriesStatus(
        kind="oews",
        name=f"{info.name}: {about['name']}",
        publisher=_publisher(info.source, updates),
        licence=info.licence + "; O*NET descriptions CC BY 4.0",
        url=info.url,
        span=str(about["reference_date"]),
        last=str(about["reference_date"]),
        last_value=f"{about['occupations']} occupations",
        ends={},
        gaps=(),
        keys=int(about["occupations"]),
        notes=(),
        files=updates or shipped,
        in_use="update" if updates else "shipped snapshot",
        folder=str(data.directory()),
    )


def _shipped_release_files() -> Mapping[str, str]:
    """The source files of the release shipped in the package, with their sha256."""
    import json

    from careerkit.catalogue import shipped_folder

    text = (shipped_folder() / "release.json").read_text(encoding="utf-8")
    files: Mapping[str, str] = json.loads(text)["files"]
    return files


def status(kinds: tuple[str, ...]) -> tuple[SeriesStatus, ...]:
    """See :func:`careerkit.data.status`: *kinds* checked, in :data:`~careerkit.data.KINDS` order."""
    return tuple(_oews() if kind == "oews" else _series(kind) for kind in SERIES if kind in kinds)
