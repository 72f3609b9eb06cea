"""Installed updates of the numeric series: their values files, written and read back.

An installed update keeps the values careerkit read from the publisher's file as
``key,date,value`` lines (:func:`_values_file`; an empty value where the file marks the
date as having no value), named by the manifest with their sha256. They are read back
whole and checked as strictly as the readers read a publisher's file
(:func:`_read_values`): anyone may have edited them.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from careerkit.data._checks import checked_date, checked_key, checked_value
from careerkit.data._disk import _damaged, _read
from careerkit.data._files import DataFile
from careerkit.data._manifest import _MONTH, _YEAR, _again_if_vanished, _data_file, _entries
from careerkit.data._series import SERIES, Date, Values, _freeze, label
from careerkit.errors import shown

if TYPE_CHECKING:
    from careerkit.data._formats import Parsed

_HEADER = "key,date,value"


class Layer(NamedTuple):
    """An installed update: its file, its values, and the ``(key, date)`` it marks as missing."""

    file: DataFile
    values: Values
    missing: frozenset[tuple[str, str]] = frozenset()


def installed(kind: str, folder: Path) -> list[Layer]:
    """The updates of *kind* installed in *folder*, oldest first, each with its values."""
    return _again_if_vanished(kind, folder, _layers)


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


def _date(kind: str, text: str) -> Date:
    """*text*, a date of series *kind* as careerkit writes it, if the readers accept it."""
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
    publisher's file (:func:`~careerkit.data._checks.checked_key`, ``checked_date`` and
    ``checked_value``); else the damage, named."""
    try:
        lines = content.decode("utf-8").split("\n")
    except UnicodeDecodeError as error:
        raise _damaged(path, f"is not UTF-8 text ({error.reason})", kind) from None
    if lines[0] != _HEADER:
        raise _damaged(path, f"does not start with careerkit's header {_HEADER!r}", kind)
    if lines[-1] != "":
        raise _damaged(path, "its last line is cut short", kind)
    table: dict[str, dict[Date, Decimal]] = {}
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
    return _freeze(table), frozenset(missing)


def _values_file(found: Parsed) -> bytes:
    """*found*'s values as careerkit keeps them: ``key,date,value``, no value where missing."""
    rows = [_HEADER]
    for key, series in found.values.items():
        dates = sorted({*series, *found.missing.get(key, ())})
        rows += [f"{key},{label(date)},{series.get(date, '')}" for date in dates]
    return ("\n".join(rows) + "\n").encode("utf-8")
