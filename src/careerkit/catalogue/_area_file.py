"""The compact file of OEWS figures for metropolitan and nonmetropolitan areas (``areas.bin``).

BLS's May 2025 area table has 198,287 cells; as CSV it is 37 MB, gzipped 12 MB.
careerkit ships the detailed occupations and "all occupations" of every area
(186,704 rows) in about 2.5 MB, losslessly: every figure reads back as the string
BLS printed (``tools/build_areas.py`` checks each cell before writing, and a
test checks a sample against BLS's file).

**Layout.** A first line ``careerkit-areas 1``, then the length of a JSON header
(8 ASCII digits and a newline), the header, and an LZMA stream of whole-number
columns, one row per (occupation, area) in SOC code then area code order. The
header holds the release (its name, date, top codes, the file read and its
sha256), the areas (code and name, in code order), the SOC codes, the distinct
footnote strings and each occupation's national employment. Each column is
32-bit signed integers stored as four byte planes (all first bytes, then all
second bytes, ...), which LZMA packs far better than whole integers. Figures are
whole numbers in their published precision (cents for hourly wages, tens of
dollars for annual ones and for employment, tenths for relative standard
errors, thousandths for jobs per 1,000, hundredths for location quotients)
and most are stored as the difference from what the others predict:

- hourly figures from the annual ones (BLS's annual figure is the hourly one
  x 2,080, so the difference is 0 or a cent);
- employment from jobs per 1,000 and the area's total employment;
- the location quotient from jobs per 1,000 and the national share;
- annual percentiles from their neighbour towards the median, the mean from the median.

A bit mask per row says which figures BLS published: an absent figure is
absent, never 0. Reading is :func:`read`: the columns decode with slicing, in
C, in a fraction of a second, on the first question about an area.
"""

from __future__ import annotations

import array
import bisect
import hashlib
import itertools
import json
import lzma
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from careerkit.catalogue._releases import FIELDS
from careerkit.errors import DataFormatError

__all__ = ["AreaFigures", "encode", "read"]

MAGIC = b"careerkit-areas 1\n"

_NUMBERS = FIELDS[:-1]  # every field but the footnotes
_PLACES = {  # decimal places of each figure; -1: tens (the figure / 10 is whole)
    "employment": -1,
    "employment_rse": 1,
    "wage_rse": 1,
    "jobs_per_1000": 3,
    "location_quotient": 2,
    **{name: 2 for name in _NUMBERS if name.startswith("hourly_")},
    **{name: -1 for name in _NUMBERS if name.startswith("annual_")},
}
_STATISTICS = ("mean", "p10", "p25", "median", "p75", "p90")
_BELOW = ("p25", "p10")  # stored from the median down
_ABOVE = ("p75", "p90")  # and up
_COLUMNS = (
    "area",
    "mask",
    "note",
    "jobs",
    "employment",
    "employment_rse",
    "wage_rse",
    "location_quotient",
    *(f"annual_{name}" for name in _STATISTICS),
    *(f"hourly_{name}" for name in _STATISTICS),
)
_BIT = {name: 1 << index for index, name in enumerate(_NUMBERS)}
_ALL = "00-0000"


class AreaFormatError(DataFormatError):
    """``areas.bin`` is not as this module writes it, or a figure cannot be stored in it
    (the caller says whose file it is)."""


LARGEST = 2**30
"""The most units a figure may have (cents of an hourly wage, tens of dollars of an annual
one or of employment): every figure, prediction and difference then fits 32 bits."""


def _whole(name: str, text: str) -> int:
    """*text*, a figure of field *name* as BLS prints it, as a whole number of its units."""
    places = _PLACES[name]
    if places < 0:
        if not (text.isascii() and text.isdigit()) or text != str(int(text)) or int(text) % 10:
            raise AreaFormatError(f"{name} {text!r} is not a whole number of tens")
        value = int(text) // 10
    else:
        whole, _, part = text.partition(".")
        if (
            len(part) != places
            or not (whole + part).isascii()
            or not (whole + part).isdigit()
            or str(int(whole)) != whole
        ):
            raise AreaFormatError(f"{name} {text!r} does not have {places} decimal places")
        value = int(whole + part)
    if value > LARGEST:
        raise AreaFormatError(
            f"{name} {text!r} is too large for careerkit's area file (at most {_text(name, LARGEST)})"
        )
    return value


def _text(name: str, value: int) -> str:
    """The figure *value* of field *name* written as BLS prints it (:func:`_whole` reversed)."""
    places = _PLACES[name]
    if places < 0:
        return str(value * 10)
    whole, part = divmod(value, 10**places)
    return f"{whole}.{part:0{places}d}"


def _ratio(top: int, bottom: int) -> int:
    """*top* / *bottom* rounded half up, in whole numbers only (the same on every machine),
    and never above :data:`LARGEST` (a prediction, however wild, leaves a difference that fits)."""
    return min((2 * top + bottom) // (2 * bottom), LARGEST)


def _hour(annual_tens: int) -> int:
    """The hourly figure in cents that an annual figure in tens of dollars predicts."""
    return _ratio(annual_tens * 1000, 2080)


class _Predictions:
    """What a row's other figures predict: the part both the writer and reader share."""

    def __init__(self, totals: Mapping[int, int], national: Mapping[str, int], everyone: int):
        self.totals = totals  # area number -> all occupations' employment, in tens
        self.national = national
        self.everyone = everyone

    def employment(self, area: int, soc: str, jobs: int | None) -> int:
        """The employment (in tens) jobs per 1,000 predict; 0 where nothing predicts it."""
        if jobs is None or soc == _ALL or area not in self.totals:
            return 0
        return _ratio(jobs * self.totals[area], 1_000_000)

    def quotient(self, soc: str, jobs: int) -> int | None:
        jobs_there = self.national.get(soc)
        return _ratio(jobs * self.everyone, jobs_there * 10_000) if jobs_there else None


def encode(
    about: Mapping[str, Any],
    areas: Sequence[tuple[str, str]],
    rows: Iterable[Mapping[str, str]],
    national: Mapping[str, int],
) -> bytes:
    """The ``areas.bin`` of *rows* (BLS's columns, area code and SOC code first).

    *about* describes the release (written to the header as it is); *areas* are
    ``(code, name)`` in code order; *national* is each occupation's national
    employment and ``"00-0000"``'s. Every cell is checked to read back as written.
    """
    number = {code: index for index, (code, _) in enumerate(areas)}
    if [code for code, _ in areas] != sorted(number) or len(number) != len(areas):
        raise AreaFormatError("the areas are not listed once each, in code order")
    rows = list(rows)
    for row in rows:
        missing = [name for name in ("area_code", "soc_code", *FIELDS) if name not in row]
        if missing:
            raise AreaFormatError(f"a row has no {', '.join(missing)}")
        if row["area_code"] not in number:
            raise AreaFormatError(f"a row's area {row['area_code']!r} is not in the list of areas")
    ordered = sorted(rows, key=lambda row: (row["soc_code"], number[row["area_code"]]))
    if any(
        (a["soc_code"], a["area_code"]) == (b["soc_code"], b["area_code"])
        for a, b in itertools.pairwise(ordered)
    ):
        raise AreaFormatError("an occupation appears twice in one area")
    counts = Counter(row["soc_code"] for row in ordered)
    socs = sorted(counts)
    if not socs or socs[0] != _ALL:
        raise AreaFormatError("the rows have no 'all occupations' (00-0000) figures")
    notes: dict[str, int] = {"": 0}
    totals = {
        number[row["area_code"]]: _whole("employment", row["employment"])
        for row in ordered
        if row["soc_code"] == _ALL and row["employment"]
    }
    guess = _Predictions(totals, national, national.get(_ALL, 0))
    columns: dict[str, list[int]] = {name: [] for name in _COLUMNS}
    for row in ordered:
        values = {name: _whole(name, row[name]) if row[name] else None for name in _NUMBERS}
        _encode_row(row, values, number, notes, guess, columns)
    header = {
        "about": dict(about),
        "areas": [list(area) for area in areas],
        "socs": socs,
        "counts": [counts[soc] for soc in socs],
        "notes": list(notes),
        "national": {soc: national[soc] for soc in socs if soc in national},
    }
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    payload = b"".join(_planes(columns[name]) for name in _COLUMNS)
    blob = (
        MAGIC
        + f"{len(text):08d} {hashlib.sha256(text).hexdigest()}\n".encode()
        + text
        + _compressed(payload)
    )
    figures = read(blob)
    for row in ordered:  # every cell reads back as BLS printed it
        area = figures.areas[number[row["area_code"]]][0]
        if figures.row(row["soc_code"], area) != [row[name] for name in FIELDS]:
            raise AreaFormatError(f"{row['area_code']} {row['soc_code']} does not read back")
    return blob


def _encode_row(
    row: Mapping[str, str],
    values: dict[str, int | None],
    number: Mapping[str, int],
    notes: dict[str, int],
    guess: _Predictions,
    columns: dict[str, list[int]],
) -> None:
    area, soc = number[row["area_code"]], row["soc_code"]
    put = dict.fromkeys(_COLUMNS, 0)
    put["area"] = area
    put["mask"] = sum(_BIT[name] for name, value in values.items() if value is not None)
    put["note"] = notes.setdefault(row["footnotes"], len(notes))
    jobs = values["jobs_per_1000"]
    put["jobs"] = jobs or 0
    for name in ("employment_rse", "wage_rse"):
        put[name] = values[name] or 0
    employment = values["employment"]
    if employment is not None:
        put["employment"] = employment - guess.employment(area, soc, jobs)
    quotient = values["location_quotient"]
    if quotient is not None:
        expected = None if jobs is None else guess.quotient(soc, jobs)
        put["location_quotient"] = quotient - (expected or 0)
    _encode_wages(values, put)
    for name, value in put.items():
        columns[name].append(value)


def _encode_wages(values: Mapping[str, int | None], put: dict[str, int]) -> None:
    median = values["annual_median"]
    for chain in (_BELOW, _ABOVE):
        before = median
        for name in chain:
            value = values[f"annual_{name}"]
            if value is not None:
                step = (
                    None
                    if before is None
                    else (before - value if chain is _BELOW else value - before)
                )
                put[f"annual_{name}"] = value if step is None else step
                before = value
    if median is not None:
        put["annual_median"] = median
    mean = values["annual_mean"]
    if mean is not None:
        put["annual_mean"] = mean if median is None else mean - median
    for name in _STATISTICS:
        hourly, annual = values[f"hourly_{name}"], values[f"annual_{name}"]
        if hourly is not None:
            put[f"hourly_{name}"] = hourly if annual is None else hourly - _hour(annual)


def _compressed(payload: bytes) -> bytes:
    """*payload* in an XZ stream, LZMA's strongest setting with a dictionary no larger than
    the payload needs (the same stream for the shipped file; far quicker for small ones)."""
    size = max(1 << 16, min(1 << 26, len(payload)))
    lzma2 = {"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME, "dict_size": size}
    return lzma.compress(payload, format=lzma.FORMAT_XZ, filters=[lzma2])


def _planes(values: Sequence[int]) -> bytes:
    data = array.array("i", values)
    if sys.byteorder == "big":
        data.byteswap()
    raw = data.tobytes()
    return b"".join(raw[plane::4] for plane in range(4))


def _unplanes(raw: bytes, count: int) -> array.array[int]:
    whole = bytearray(4 * count)
    for plane in range(4):
        whole[plane::4] = raw[plane * count : (plane + 1) * count]
    data = array.array("i", bytes(whole))
    if sys.byteorder == "big":
        data.byteswap()
    return data


_LINE = len(MAGIC) + 8 + 1 + 64 + 1  # the magic, then the header's length and sha256


def header(blob: bytes) -> dict[str, Any]:
    """The JSON header of *blob* (an ``areas.bin``), read without the figures, and checked:
    its sha256, and every field's type and order."""
    if not blob.startswith(MAGIC):
        raise AreaFormatError("it does not start as careerkit's area file")
    line = blob[len(MAGIC) : _LINE]
    size, _, digest = line.decode("ascii", "replace").strip().partition(" ")
    if len(line) != _LINE - len(MAGIC) or not (size.isascii() and size.isdigit()):
        raise AreaFormatError("its header's length is not written as careerkit writes it")
    text = blob[_LINE : _LINE + int(size)]
    if hashlib.sha256(text).hexdigest() != digest:
        raise AreaFormatError("its header is damaged (its sha256 is not the one recorded)")
    try:
        found: dict[str, Any] = json.loads(text.decode("utf-8"))
    except (ValueError, RecursionError) as error:
        raise AreaFormatError(f"its header cannot be read ({error})") from None
    _check_header(found)
    found["_start"] = _LINE + int(size)
    return found


def _check_header(found: object) -> None:
    def ok() -> bool:
        if not isinstance(found, dict) or not isinstance(found.get("about"), dict):
            return False
        areas, socs, counts = found.get("areas"), found.get("socs"), found.get("counts")
        notes, national = found.get("notes"), found.get("national", {})
        return (
            isinstance(areas, list)
            and all(
                isinstance(area, list)
                and len(area) == 2
                and all(isinstance(part, str) for part in area)
                and len(area[0]) == 7
                and area[0].isascii()
                and area[0].isdigit()
                for area in areas
            )
            and [area[0] for area in areas] == sorted({area[0] for area in areas})
            and isinstance(socs, list)
            and all(isinstance(soc, str) for soc in socs)
            and socs == sorted(set(socs))
            and isinstance(counts, list)
            and len(counts) == len(socs)
            and all(type(count) is int and count >= 0 for count in counts)
            and isinstance(notes, list)
            and all(isinstance(note, str) for note in notes)
            and isinstance(national, dict)
            and all(type(jobs) is int and jobs >= 0 for jobs in national.values())
        )

    if not ok():
        raise AreaFormatError("its header is not careerkit's")


class AreaFigures:
    """The figures of one ``areas.bin``, decoded: each (occupation, area) row on request."""

    def __init__(self, head: Mapping[str, Any], columns: Mapping[str, array.array[int]]) -> None:
        self.about: Mapping[str, Any] = head["about"]
        self.areas: list[tuple[str, str]] = [(code, name) for code, name in head["areas"]]
        self._number = {code: index for index, (code, _) in enumerate(self.areas)}
        self._notes: list[str] = head["notes"]
        self._columns = columns
        self._starts: dict[str, int] = {}
        at = 0
        for soc, count in zip(head["socs"], head["counts"], strict=True):
            self._starts[soc] = at
            at += count
        self._starts[""] = at
        self._socs: list[str] = head["socs"]
        totals = {
            columns["area"][index]: columns["employment"][index]
            for index in range(self._starts.get(_ALL, 0), self._end(_ALL))
            if columns["mask"][index] & _BIT["employment"]
        }
        national = head.get("national", {})
        self._guess = _Predictions(totals, national, national.get(_ALL, 0))

    def _end(self, soc: str) -> int:
        at = bisect.bisect_right(self._socs, soc)
        return self._starts[self._socs[at]] if at < len(self._socs) else self._starts[""]

    def socs(self) -> list[str]:
        """The SOC codes it has figures for (``"00-0000"``: all occupations), in order."""
        return list(self._socs)

    def row(self, soc: str, area: str) -> list[str] | None:
        """The figures of *soc* in *area* (a BLS area code), :data:`FIELDS` in order, as BLS
        printed them (``""`` where it published none); ``None`` where BLS has no row."""
        if soc not in self._starts or area not in self._number:
            return None
        start, end = self._starts[soc], self._end(soc)
        areas = self._columns["area"]
        at = bisect.bisect_left(areas, self._number[area], start, end)
        if at == end or areas[at] != self._number[area]:
            return None
        return self._decode(at, soc)

    def areas_of(self, soc: str) -> list[str]:
        """The codes of the areas that have figures for *soc*."""
        if soc not in self._starts:
            return []
        areas = self._columns["area"][self._starts[soc] : self._end(soc)]
        return [self.areas[number][0] for number in areas]

    def _decode(self, at: int, soc: str) -> list[str]:
        got = {name: column[at] for name, column in self._columns.items()}
        mask = got["mask"]
        value: dict[str, int | None] = {
            name: got[name] if mask & _BIT[name] else None
            for name in ("employment_rse", "wage_rse")
        }
        jobs = got["jobs"] if mask & _BIT["jobs_per_1000"] else None
        value["jobs_per_1000"] = jobs
        if mask & _BIT["employment"]:
            value["employment"] = got["employment"] + self._guess.employment(got["area"], soc, jobs)
        else:
            value["employment"] = None
        if mask & _BIT["location_quotient"]:
            expected = None if jobs is None else self._guess.quotient(soc, jobs)
            value["location_quotient"] = got["location_quotient"] + (expected or 0)
        else:
            value["location_quotient"] = None
        self._decode_wages(got, mask, value)
        if any(figure is not None and not 0 <= figure <= LARGEST for figure in value.values()):
            raise AreaFormatError(f"the figures of {soc} are not careerkit's (out of range)")
        cells = ["" if value[name] is None else _text(name, value[name]) for name in _NUMBERS]  # type: ignore[arg-type]
        return [*cells, self._notes[got["note"]]]

    @staticmethod
    def _decode_wages(got: Mapping[str, int], mask: int, value: dict[str, int | None]) -> None:
        def has(name: str) -> bool:
            return bool(mask & _BIT[name])

        median = got["annual_median"] if has("annual_median") else None
        value["annual_median"] = median
        for chain in (_BELOW, _ABOVE):
            before = median
            for name in chain:
                key = f"annual_{name}"
                if not has(key):
                    value[key] = None
                    continue
                stored = got[key]
                if before is None:
                    figure = stored
                else:
                    figure = before - stored if chain is _BELOW else before + stored
                value[key] = before = figure
        if has("annual_mean"):
            value["annual_mean"] = got["annual_mean"] + (median or 0)
        else:
            value["annual_mean"] = None
        for name in _STATISTICS:
            key, annual = f"hourly_{name}", value[f"annual_{name}"]
            if has(key):
                value[key] = got[key] + (0 if annual is None else _hour(annual))
            else:
                value[key] = None


def read(blob: bytes) -> AreaFigures:
    """The figures of *blob*, an ``areas.bin``; :class:`AreaFormatError` if it is not one."""
    head = header(blob)
    try:
        payload = lzma.decompress(blob[head["_start"] :])
    except lzma.LZMAError as error:
        raise AreaFormatError(f"its figures cannot be read ({error})") from None
    count = sum(head["counts"])
    if len(payload) != 4 * count * len(_COLUMNS):
        raise AreaFormatError("its figures are not as long as its header says")
    size = 4 * count
    columns = {
        name: _unplanes(payload[index * size : (index + 1) * size], count)
        for index, name in enumerate(_COLUMNS)
    }
    areas, notes = columns["area"], columns["note"]
    if count and (
        min(areas) < 0
        or max(areas) >= len(head["areas"])
        or min(notes) < 0
        or max(notes) >= len(head["notes"])
    ):
        raise AreaFormatError("its figures name areas or footnotes it does not list")
    ends = set(itertools.accumulate(head["counts"]))  # where each occupation's rows end
    if any(
        later <= earlier and at not in ends
        for at, (earlier, later) in enumerate(itertools.pairwise(areas), 1)
    ):
        raise AreaFormatError("its figures are not in area order within each occupation")
    return AreaFigures(head, columns)
