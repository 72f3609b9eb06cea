"""BLS's national OEWS releases, May 2004 to May 2025, as each career's pay history.

``history.bin`` (``tools/build_history.py`` writes it from BLS's national workbooks)
holds every national row of twenty releases as BLS printed it, each release read in its
own SOC (SOC 2000 until May 2008, BLS's hybrids in May 2010-2011 and May 2019-2020, SOC
2010 in May 2012-2018, SOC 2018 from May 2021), and for each of the catalogue's careers
its series: the releases whose occupation is the same as the career's SOC 2018 one,
carried across the revisions where BLS's SOC 2000-2010 crosswalk and O*NET's 2010-2018
crosswalk map it one to one. Where a revision split or merged it, the series stops there
and says why (:class:`~careerkit.pay.SeriesCut`): figures of a different occupation are
never joined under one code.

The file is read on the first history question (``series()``), never by ``import
careerkit``, ``careerkit.get`` or ``careerkit.careers()``. Bands and employment are built
by the same code as the current release's (:mod:`careerkit.catalogue.sources.oews`):
BLS's marks kept (``*`` and ``**`` absent, ``#`` at or above that year's top code, never
a number), each dated to its May and citing its release (``citations()``), whose note
says which copy of BLS's workbook it was read from.
"""

from __future__ import annotations

import functools
import itertools
import json
import lzma
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from careerkit._once import once
from careerkit.catalogue._releases import FIELDS, shipped_damaged, shipped_folder

if TYPE_CHECKING:
    from collections.abc import Mapping

    from careerkit.model import Employment, PayBand, ReferenceDate, Source
    from careerkit.pay import SeriesCut

NAME = "BLS Occupational Employment and Wage Statistics (OEWS), national, May 2004 to May 2025"
"""The source, for people."""

READS: tuple[str, ...] = ("history.bin",)
"""The shipped file it reads."""

FORMAT = "careerkit national pay history 1"
"""The format line of ``history.bin``'s header."""

_KEPT = (*FIELDS[:-3], FIELDS[-1])  # national rows: no jobs per 1,000 nor location quotient
COLUMNS = ("release", "soc_code", "occupation_title", *_KEPT)
"""The columns of ``history.bin``, each stored as one line."""

_DATE = re.compile(r"20[0-9]{2}-05\Z")
_SOC = re.compile(r"[0-9]{2}-[0-9]{4}\Z")
_FIGURE = re.compile(r"[0-9]{1,16}(?:\.[0-9]{1,45})?\Z")
_NUMBER = r"(?:[0-9]{1,16}(?:\.[0-9]{1,45})?)?"  # a figure as the gate writes it, or none
_FOOTNOTE = r"(?:[a-z0-9_]+=[458](?:;[a-z0-9_]+=[458])*)?"


class Series(NamedTuple):
    """A career's national history: its bands and employment, date by date, and its cut."""

    bands: tuple[PayBand, ...]
    """Per date, oldest first: the hourly band, then the annual one (where BLS published it)."""
    employment: tuple[Employment, ...]
    """National employment, oldest first (where BLS published it)."""
    cut: SeriesCut | None
    """Where the series stops going back and why, or ``None``."""
    notes: tuple[str, ...] = ()
    """For people: the releases inside the series that publish no figure for it."""


class _History:
    """``history.bin`` read and checked: its releases, careers' series and rows."""

    def __init__(self, content: bytes) -> None:
        try:
            text = lzma.decompress(content, format=lzma.FORMAT_XZ).decode("utf-8")
        except (lzma.LZMAError, UnicodeDecodeError, EOFError) as error:
            raise _damaged(f"it cannot be read ({error})") from None
        head, _, body = text.partition("\n")
        try:
            about = json.loads(head)
        except (ValueError, RecursionError) as error:
            raise _damaged(f"its header is not JSON ({error})") from None
        self.releases, self.careers = _checked(about)
        lines = body.split("\n")
        if len(lines) != len(COLUMNS) + 1 or lines[-1]:
            raise _damaged("it does not hold the columns its header names")
        for name, line in zip(COLUMNS, lines, strict=False):  # each column checked whole
            if not _column(name).match(line):
                raise _damaged(f"its column {name} is not the catalogue's")
        columns = [line.split("\t") for line in lines[:-1]]
        if any(len(column) != about["rows"] for column in columns):
            raise _damaged("its columns are not of one length")
        if max(map(int, columns[0]), default=0) >= len(self.releases):
            raise _damaged("its rows name releases it does not hold")
        self.columns = columns
        # {(release, code): row number}, made in C (its columns are checked of one length)
        self.where = dict(
            zip(zip(map(int, columns[0]), columns[1], strict=True), itertools.count())
        )
        self.series: dict[str, Series] = {}
        """Each career's series, made on its first question (its bands are values)."""
        if len(self.where) != about["rows"]:
            raise _damaged("it holds two rows of one release and code")
        for soc, entry in self.careers.items():
            _check_series(soc, entry, self.releases, self.where)

    def row(self, number: int) -> tuple[str, ...]:
        """Row *number*: a cell of each of :data:`COLUMNS`."""
        return tuple(column[number] for column in self.columns)


def _damaged(why: str) -> Exception:
    return shipped_damaged("history.bin", why)


_IN_SOC_2018 = ("2018", "2010/2018")  # releases whose SOC 2018 codes are that occupation


def _check_series(
    soc: str, entry: Mapping[str, Any], releases: list[dict[str, Any]], where: Mapping[Any, int]
) -> None:
    """That *soc*'s series names rows the file holds, each release once, oldest first, only
    its own code where a release is coded in SOC 2018, and starts where its cut says."""
    points = entry["points"]
    if any(tuple(point) not in where for point in points):
        raise _damaged(f"the series of {soc} names rows it does not hold")
    numbers = [number for number, _ in points]
    if numbers != sorted(set(numbers)):
        raise _damaged(f"the series of {soc} does not name its releases once each, oldest first")
    if any(code != soc and releases[n]["soc"] in _IN_SOC_2018 for n, code in points):
        raise _damaged(f"the series of {soc} takes another code's row in a SOC 2018 release")
    cut = entry["cut"]
    if cut is not None and (not points or releases[numbers[0]]["reference_date"] != cut["starts"]):
        raise _damaged(f"the series of {soc} is cut where it does not start")


def _checked(about: Any) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The header's releases and careers, each checked for shape."""
    if (
        not isinstance(about, dict)
        or about.get("format") != FORMAT
        or about.get("fields") != list(COLUMNS)
        or type(about.get("rows")) is not int
    ):
        raise _damaged("its header is not careerkit's")
    releases, careers = about.get("releases"), about.get("careers")
    strings = ("reference_date", "file", "sha256", "soc", "origin", "top_code_hour")
    if not isinstance(releases, list) or not all(
        isinstance(release, dict)
        and all(isinstance(release.get(key), str) for key in (*strings, "top_code_year"))
        and _DATE.match(release["reference_date"])
        and _FIGURE.match(release["top_code_hour"])
        and _FIGURE.match(release["top_code_year"])
        and isinstance(release.get("resaved"), bool)
        for release in releases
    ):
        raise _damaged("its releases are not careerkit's")
    dates = [release["reference_date"] for release in releases]
    if dates != sorted(set(dates)):  # one release a date, oldest first
        raise _damaged("its releases are not careerkit's: not one a date, oldest first")
    if not isinstance(careers, dict) or not all(
        isinstance(soc, str)
        and _SOC.match(soc)
        and isinstance(entry, dict)
        and isinstance(entry.get("points"), list)
        and all(
            isinstance(point, list)
            and len(point) == 2
            and type(point[0]) is int
            and isinstance(point[1], str)
            for point in entry["points"]
        )
        and (entry.get("cut") is None or _cut_ok(entry["cut"]))
        for soc, entry in careers.items()
    ):
        raise _damaged("its careers' series are not careerkit's")
    return releases, careers


def _cut_ok(cut: Any) -> bool:
    return (
        isinstance(cut, dict)
        and isinstance(cut.get("starts"), str)
        and _DATE.match(cut["starts"]) is not None
        and all(isinstance(cut.get(key), str) for key in ("revision", "reason"))
        and isinstance(cut.get("earlier"), list)
        and all(isinstance(item, str) for item in cut["earlier"])
    )


@functools.cache
def _column(name: str) -> re.Pattern[str]:
    """What a whole line of column *name* is: its cells joined by tabs."""
    cell = {
        "release": "[0-9]{1,3}",
        "soc_code": "[0-9]{2}-[0-9]{4}",
        "occupation_title": "[^\t\n]+",
        "employment": "[0-9]{0,16}",
        "footnotes": _FOOTNOTE,
    }.get(name, _NUMBER)
    return re.compile(f"(?:{cell})(?:\t(?:{cell}))*\\Z")


@once
def _history() -> _History:
    try:
        content = (shipped_folder() / "history.bin").read_bytes()
    except OSError as error:
        raise _damaged(f"it cannot be read ({error.strerror or error})") from None
    return _History(content)


def releases() -> tuple[Mapping[str, Any], ...]:
    """The releases the history holds, oldest first: each one's ``reference_date``, the
    ``file`` read and its ``sha256``, its ``soc`` vintage, whether it is a ``resaved`` copy,
    its ``origin`` and top codes."""
    return tuple(_history().releases)


def _about(release: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "reference_date": release["reference_date"],
        "top_code_hour": release["top_code_hour"],
        "top_code_year": release["top_code_year"],
    }


def _figures(number: int, code: str) -> tuple[list[PayBand], list[Employment]]:
    from careerkit.catalogue.sources.oews import _bands, _employment
    from careerkit.model import ReferenceDate

    history = _history()
    release = history.releases[number]
    row = history.row(history.where[number, code])
    cells = dict(zip(COLUMNS, row, strict=True))
    line = ["US", *(cells.get(name, "") for name in FIELDS)]
    about = _about(release)
    date = ReferenceDate.parse(release["reference_date"])
    cites = source_id(release["reference_date"])
    bands = _bands([(about, line)], date, cites)
    _check_figures(bands, code, date)
    return bands, _employment([(about, line)], date, cites)


def _check_figures(bands: list[PayBand], code: str, date: ReferenceDate) -> None:
    """That *bands* (built unchecked, as the catalogue's are) hold figures careerkit accepts:
    amounts it takes, percentiles that rise, no figure for a statistic BLS printed as '#'."""
    from careerkit.model._checks import MAX_AMOUNT

    for band in bands:
        figures = [band.percentiles[key] for key in sorted(band.percentiles)]
        others = (band.mean, band.mean_rse, band.top_code)
        if any(amount > MAX_AMOUNT for amount in (*figures, *filter(None, others))):
            why = f"a figure above {MAX_AMOUNT:,}, the most careerkit accepts"
        elif any(low > high for low, high in itertools.pairwise(figures)):
            why = "its percentiles fall"
        elif any(band.statistic(name) is not None for name in band.top_coded):
            why = "a figure BLS printed as '#' has a number"
        else:
            continue
        raise _damaged(f"its row of {code} in {date.label()} is not BLS's ({why})")


def source_id(date: str) -> str:
    """The source id the figures of *date* cite, as the release's own: ``bls-oews-may-2012``."""
    from careerkit.catalogue.sources.oews import source_id as of

    return of(date)


def series(soc: str) -> Series | None:
    """The national history of the career whose SOC 2018 code is *soc*, or ``None`` where
    careerkit's history has none (a code BLS never published nationally)."""
    history = _history()
    found = history.series.get(soc)
    if found is None:
        entry = history.careers.get(soc)
        if entry is None:
            return None
        bands: list[PayBand] = []
        jobs: list[Employment] = []
        for number, code in entry["points"]:
            made, employed = _figures(number, code)
            bands += made
            jobs += employed
        numbers = [number for number, _ in entry["points"]]
        missing = [
            _label(history.releases[number]["reference_date"])
            for number in range(numbers[0], numbers[-1])
            if number not in numbers
        ]
        notes: tuple[str, ...] = ()
        if missing:
            notes = (
                f"No figure for {', '.join(missing)}: BLS published none under this occupation "
                f"in {'that release' if len(missing) == 1 else 'those releases'} (in a hybrid "
                "year, it may have published it within a code of its own)",
            )
        found = history.series[soc] = Series(tuple(bands), tuple(jobs), _cut(entry["cut"]), notes)
    return found


def _cut(cut: Mapping[str, Any] | None) -> SeriesCut | None:
    if cut is None:
        return None
    from careerkit.model import ReferenceDate
    from careerkit.pay import SeriesCut

    return SeriesCut(
        starts=ReferenceDate.parse(cut["starts"]),
        revision=cut["revision"],
        reason=cut["reason"],
        earlier=tuple(cut["earlier"]),
    )


def published(date: str, code: str) -> tuple[str, tuple[PayBand, ...], tuple[Employment, ...]]:
    """What BLS's release of *date* (``"2008-05"``) published for its code *code*, in that
    release's own SOC: the title as printed, the bands and the employment.

    Raises :class:`~careerkit.PayBandNotFoundError` (a :class:`LookupError`) where the
    history holds no such release or row. Every layer is reached this way, including
    occupations no series carries (``29-1111`` of May 2011)."""
    history = _history()
    number = next(
        (n for n, release in enumerate(history.releases) if release["reference_date"] == date),
        None,
    )
    if number is None or (number, code) not in history.where:
        from careerkit.errors import PayBandNotFoundError

        dates = ", ".join(release["reference_date"] for release in history.releases)
        raise PayBandNotFoundError(
            f"careerkit's national history holds no row of {code!r} dated {date!r}"
            + ("" if number is not None else f"; its releases: {dates}")
        )
    title = history.columns[2][history.where[number, code]]
    bands, jobs = _figures(number, code)
    return title, tuple(bands), tuple(jobs)


@once
def citations() -> dict[str, Source]:
    """The :class:`~careerkit.Source` of each release in the history, by id, oldest first."""
    from careerkit.catalogue.sources.oews import DISCLAIMER
    from careerkit.model import Source, Text

    found = {}
    for release in _history().releases:
        date = release["reference_date"]
        copy = (
            "a copy a user opened and saved again (values checked against other copies; "
            "no copy BLS saved last was found)"
            if release["resaved"]
            else "a copy as BLS saved it"
        )
        found[source_id(date)] = Source(
            id=source_id(date),
            title=Text(
                "Occupational Employment and Wage Statistics (OEWS): national cross-industry "
                f"estimates, {_label(date)} (coded in {_vintage(release['soc'])})"
            ),
            publisher=Text("U.S. Bureau of Labor Statistics (BLS)"),
            url="https://www.bls.gov/oes/tables.htm",
            reference_date=date,
            note=Text(
                f"Read from {release['file']} (sha256 {release['sha256']}), {copy}, found in "
                f"{release['origin']}. Where BLS printed '#' (a figure at or above its top code, "
                f"${release['top_code_hour']} an hour or ${Decimal(release['top_code_year']):,} a "
                "year), the mark is kept, never a number. "
                f"{DISCLAIMER}"
            ),
        )
    return found


def _label(date: str) -> str:
    from careerkit.model import ReferenceDate

    return ReferenceDate.parse(date).label()


def _vintage(soc: str) -> str:
    return f"BLS's hybrid of SOC {soc.replace('/', ' and ')}" if "/" in soc else f"SOC {soc}"
