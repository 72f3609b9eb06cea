"""Reading one file: open it, recognise its layout, hand it to that layout's reader, then check it.

:func:`read` opens the file (:mod:`careerkit.data._formats._file`), recognises its
layout by its first line (:func:`_detect`), hands it to the reader of that layout
(:data:`_READERS`: one module per publisher), and makes a :class:`Parsed` of what the
reader found once every figure passes the checks all layouts share (:func:`_checked`).
"""

from __future__ import annotations

import csv
import decimal
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

import attrs

from careerkit.data._checks import _order, checked_date, checked_value
from careerkit.data._formats._bls import _read_bls
from careerkit.data._formats._ecb import _read_ecb
from careerkit.data._formats._fed import _read_ddp
from careerkit.data._formats._file import _Figure, _File, _open, _Reading
from careerkit.data._formats._fred import _read_fred
from careerkit.data._formats._layouts import (
    _BLS_HEADER,
    _DDP_HEADER,
    _SNAPSHOT_HEADERS,
    _WORLD_BANK_HEADER,
    BLS,
    DATABANK,
    DDP,
    ECB,
    ECB_ZIP,
    FRED,
    LAYOUTS,
    SNAPSHOT,
    WORLD_BANK,
    WORLD_BANK_ZIP,
    _accepted,
)
from careerkit.data._formats._snapshot import _read_snapshot
from careerkit.data._formats._worldbank import _read_databank, _read_world_bank
from careerkit.data._gate import RefusedError
from careerkit.data._series import Date, check_kind, label
from careerkit.errors import shown


@attrs.frozen(kw_only=True)
class Parsed:
    """One file, read: its values, the dates it marks as missing, and what it says of itself."""

    kind: str
    format: str
    """The layout it was read as: ``"FRED CSV"``, ``"BLS time-series flat file"``, ..."""
    publisher: str
    """Who published the figures, as careerkit cites them (``"U.S. Bureau of Labor Statistics, via FRED"``)."""
    series: tuple[str, ...]
    """The publisher's series ids read (``("CPIAUCNS",)``, ``("EXINUS", "EXUSUK")``)."""
    values: Mapping[str, Mapping[Date, Decimal]]
    """``{key: {date: value}}`` in :data:`~careerkit.data._checks.UNITS`, dates in increasing
    order."""
    missing: Mapping[str, tuple[Date, ...]] = attrs.field(factory=dict)
    """Dates inside the file's span that it marks as having no value (``.``, ``ND`` or blank)."""
    published: str | None = None
    """The date the publisher stamped on the file (the World Bank's "Last Updated Date")."""


INVERSION_DIGITS = 28
"""Significant digits of an inverted exchange rate (``1 / value``, rounded half to even)."""

_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")  # of any size


def read(kind: str, path: Path) -> Parsed:
    """Read *path* as a file for series *kind* in any of the formats careerkit accepts.

    The layouts accepted for each kind are :data:`LAYOUTS`, each described in its
    reader's module (see :mod:`careerkit.data._formats`). A kind not in :data:`LAYOUTS` is a
    :class:`~careerkit.errors.ValidationError`; a file that cannot be read as
    *kind* is a :class:`~careerkit.errors.DataFormatError` saying why.
    """
    check_kind(kind, kinds=tuple(LAYOUTS))
    file = _open(kind, Path(path))
    layout = _detect(kind, file)
    reading = _READERS[layout](kind, file)
    if kind == "fx-world-bank" and layout != SNAPSHOT:  # economies' figures, by currency
        from careerkit.data._formats._worldbank_fx import by_currency

        figures, _ = by_currency(reading, file)
        if not figures:
            raise file.error(
                "no figure of an economy in its present currency: careerkit reads "
                "fx-world-bank by currency (see careerkit.data._formats._worldbank_fx)"
            )
        reading = attrs.evolve(reading, figures=figures, sort=True)
    return _checked(kind, layout, file, reading)


def _detect(kind: str, file: _File) -> str:
    """The layout of *file*, from its first line; an error if it is not one *kind* accepts."""
    first = file.text.split("\n", 1)[0]
    if not file.text.strip():
        raise file.error(f"the file is empty. {_accepted(kind)}")
    try:
        cells = [cell.strip() for cell in next(csv.reader([first]))] or [""]
    except csv.Error as error:
        raise file.error(f"not readable as CSV: {error}", 1) from None
    snapshots = [other for other, header in _SNAPSHOT_HEADERS.items() if header == cells]
    layout: str | None = None
    if cells[0] == "Date" and "USD" in cells[1:]:
        layout = ECB_ZIP if file.zipped else ECB
    elif [cell.strip() for cell in first.split("\t")] == _BLS_HEADER:
        layout = BLS
    elif cells[0] in ("observation_date", "DATE"):
        layout = FRED
    elif cells[0] == _DDP_HEADER[0]:
        layout = DDP
    elif cells[0] in (_DDP_HEADER[-1], "Time Period"):
        raise file.error(
            "a Data Download Program CSV without its descriptive header rows: careerkit "
            "needs them to check each series' unit, multiplier and currency. Download it "
            'with the labels included (the first line is "Series Description"). ' + _accepted(kind),
            1,
        )
    elif cells[:2] == ["Data Source", "World Development Indicators"] or (
        cells[:4] == _WORLD_BANK_HEADER
    ):
        layout = WORLD_BANK_ZIP if file.zipped else WORLD_BANK
    elif "Series Code" in cells and "Country Code" in cells:
        layout = DATABANK
    elif snapshots:
        if kind not in snapshots:
            raise file.error(
                f"a careerkit snapshot of {snapshots[0]} (first line {shown(first)}), "
                f"not of {kind}. {_accepted(kind)}",
                1,
            )
        layout = SNAPSHOT
    if file.zipped and layout not in (WORLD_BANK_ZIP, ECB_ZIP):
        raise file.error(f"not a World Bank WDI CSV: its first line is {shown(first)}", 1)
    if layout is None:
        raise file.error(
            f"not a layout careerkit knows: its first line is {shown(first)}. {_accepted(kind)}", 1
        )
    if layout not in LAYOUTS[kind]:
        readers = ", ".join(other for other, layouts in LAYOUTS.items() if layout in layouts)
        raise file.error(
            f"a {layout}, which careerkit reads as {readers}, not as {kind}. {_accepted(kind)}", 1
        )
    return layout


_READERS: Mapping[str, Callable[[str, _File], _Reading]] = {
    FRED: _read_fred,
    BLS: _read_bls,
    WORLD_BANK: _read_world_bank,
    WORLD_BANK_ZIP: _read_world_bank,
    DATABANK: _read_databank,
    DDP: _read_ddp,
    SNAPSHOT: _read_snapshot,
    ECB: _read_ecb,
    ECB_ZIP: _read_ecb,
}


# --- the checks every layout shares ------------------------------------------------------------


def _checked(kind: str, layout: str, file: _File, reading: _Reading) -> Parsed:
    """The :class:`Parsed` of *reading*, once every figure passes the shared checks."""
    before, _, tail = file.text.rpartition("\n")
    if before and tail.strip() and not reading.ends_whole:
        raise file.error(
            "the file ends without a line break: it may be cut short; download it again",
            before.count("\n") + 2,
        )
    lines: dict[str, dict[Date, int]] = {}
    values: dict[str, dict[Date, Decimal]] = {}
    marked: dict[str, list[Date]] = {}
    for figure in reading.figures:
        key, date, line = figure.key, figure.date, figure.line
        where = f"{key} {label(date)}"
        try:
            checked_date(kind, date)
        except RefusedError as error:
            raise file.error(f"{where}: {error}", line) from None
        seen = lines.setdefault(key, {})
        if date in seen:
            raise file.error(f"{where} is given twice, on lines {seen[date]} and {line}", line)
        if seen and not reading.sort:
            last, last_line = next(reversed(seen.items()))
            if _order(date) < _order(last):
                raise file.error(
                    f"{where} comes after {label(last)} (line {last_line}); "
                    "expected the dates of each series in increasing order",
                    line,
                )
        seen[date] = line
        if figure.text is None:
            marked.setdefault(key, []).append(date)
        else:
            values.setdefault(key, {})[date] = _value(kind, file, reading, figure)
    if not values:
        raise file.error(f"no values: the file has no figure for {kind}")
    ordered = {
        key: dict(sorted(dates.items(), key=lambda item: _order(item[0])))
        for key, dates in values.items()
    }
    missing = {}
    for key, dates in marked.items():
        span = ordered.get(key)
        if span:
            first, last = _order(next(iter(span))), _order(next(reversed(span)))
            inside = sorted((date for date in dates if first < _order(date) < last), key=_order)
            if inside:
                missing[key] = tuple(inside)
    return Parsed(
        kind=kind,
        format=layout,
        publisher=reading.publisher,
        series=reading.series,
        values=MappingProxyType({key: MappingProxyType(dates) for key, dates in ordered.items()}),
        missing=MappingProxyType(missing),
        published=reading.published,
    )


def _value(kind: str, file: _File, reading: _Reading, figure: _Figure) -> Decimal:
    """The value of *figure*, checked, in :data:`~careerkit.data._checks.UNITS` (inverted if
    quoted in USD per unit)."""
    text = str(figure.text)
    where = f"{figure.key} {label(figure.date)}: found {shown(text)}"
    try:
        value = checked_value(kind, text)
        exponent = reading.scaled.get(figure.key)
        if exponent:
            value = value.scaleb(exponent)  # exact: a power of ten
            where += f" (times the file's multiplier, 10^{exponent}: {value})"
            value = checked_value(kind, str(value))
    except RefusedError as error:
        hint = "" if _NUMBER.fullmatch(text.strip()) else f", or {reading.no_value} for no value"
        raise file.error(f"{where}; {error}{hint}", figure.line, figure.column) from None
    if figure.key in reading.inverted:
        context = decimal.Context(prec=INVERSION_DIGITS, rounding=decimal.ROUND_HALF_EVEN)
        with decimal.localcontext(context):
            return 1 / value
    return value
