"""BLS Occupational Employment and Wage Statistics (OEWS), national and state: pay and jobs.

Every release in use (``careerkit.catalogue._releases``: the shipped May 2025
release and those the user installed) adds, to each occupation it covers, its pay
bands and employment for the nation and each state and territory, dated and citing
that release (``bls-oews-may-2025``), and the occupation's SOC code and major group,
citing the newest release that has it.

Figures are copied as BLS printed them: hourly figures make the hourly band,
annual figures the annual band, and a figure BLS did not publish (footnote 4:
not a year-round full-time occupation; footnote 8: estimate not released) is
absent. A figure at or above BLS's top code (footnote 5) is named in the band's
``top_coded`` with the top code, never given as a number.

BLS's data are a work of the US federal government, in the public domain; BLS asks
that its disclaimer (:data:`DISCLAIMER`) go with data taken from its site, and each
release's :class:`~careerkit.Source` repeats it.
"""

from __future__ import annotations

import functools
import operator
from decimal import Decimal
from typing import TYPE_CHECKING

from careerkit import data
from careerkit._once import once
from careerkit.catalogue._interned import Shared, figures, labels
from careerkit.catalogue._releases import FIELDS, _catalogue, major_groups, release

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any, TypeAlias

    from careerkit.catalogue._releases import Occupation
    from careerkit.catalogue.sources._source import Contribution
    from careerkit.model import (
        Area,
        Employment,
        OccupationCode,
        PayBand,
        ReferenceDate,
        Source,
        Text,
    )

    _Dated: TypeAlias = Sequence[tuple[Mapping[str, Any], list[str]]]

NAME = "BLS Occupational Employment and Wage Statistics (OEWS), national and state"
"""The source, for people."""

READS: tuple[str, ...] = ("release.json", "occupations.tsv", "oews.bin")
"""The files of each release it reads (the shipped ones in ``careerkit/catalogue``)."""

LICENCE = "public domain (a work of the US federal government)"
"""BLS's terms: public domain, with its :data:`DISCLAIMER`."""

DISCLAIMER = (
    "BLS.gov cannot vouch for the data or analyses derived from these data after the data "
    "have been retrieved from BLS.gov."
)
"""The Bureau of Labor Statistics' disclaimer for data taken from its site."""

OEWS_SOURCE = "bls-oews-may-2025"
"""The source id every figure of the shipped release cites (:func:`source_id`: of any date)."""

_COLUMN = {name: index + 1 for index, name in enumerate(FIELDS)}  # 0 is the region
_STATISTICS = ("mean", "p10", "p25", "median", "p75", "p90")  # BLS's column names, ours too
_PERCENTILE = {"p10": 10, "p25": 25, "median": 50, "p75": 75, "p90": 90}
_PERIODS = (("hour", "hourly"), ("year", "annual"))


@functools.cache
def _texts() -> dict[str, Text]:
    from careerkit.model import Text

    return {
        "hour only": Text(
            "BLS publishes only hourly figures for this occupation: its workers do not "
            "generally work year-round, full time (BLS footnote 4)."
        ),
        "year only": Text(
            "BLS publishes only annual figures for this occupation: its workers do not "
            "generally work year-round, full time (BLS footnote 4)."
        ),
    }


@once
def citations() -> dict[str, Source]:
    """The :class:`~careerkit.Source` of each date of figures in use, by id, oldest first."""
    from careerkit.model import Source, Text

    found = {}
    stack = _catalogue()
    for date in stack.dates:
        layers = stack.layers(date)
        notes = []
        for layer in layers:
            about = layer.about
            if about.get("published"):
                note = f"{about['name']}, published {about['published']}"
            else:  # a release the user installed: cite the files it was read from
                files = ", ".join(
                    f"{name} (sha256 {digest})" for name, digest in about["files"].items()
                )
                note = f"{about['name']}, read from {files}"
            notes.append(note + (f" ({layer.coverage()} figures)" if len(layers) > 1 else ""))
        if len(notes) > 1:
            release_note = (
                "Each area's figures from the first of these that has them: "
                + "; ".join(notes)
                + "."
            )
        else:
            release_note = notes[0] + "."
        coverage = (
            "national"
            if all(layer.coverage() == "national" for layer in layers)
            else "national and state"
        )
        # the shipped release's areas ship beside it; a user's release may hold its own
        if any(
            layer.installed is None or "areas.bin" in layer.installed.contents for layer in layers
        ):
            coverage = coverage.replace(" and ", ", ") + ", metropolitan and nonmetropolitan area"
        found[source_id(date)] = Source(
            id=source_id(date),
            title=Text(
                f"Occupational Employment and Wage Statistics (OEWS): {coverage} cross-industry "
                f"estimates, {release_label(date).removeprefix('BLS OEWS ')}"
            ),
            publisher=Text("U.S. Bureau of Labor Statistics (BLS)"),
            url="https://www.bls.gov/oes/tables.htm",
            reference_date=date,
            note=Text(
                f"{release_note} Hourly and annual figures are each as BLS published them "
                "(BLS's annual figure is the unrounded hourly figure x 2,080, rounded to $10). "
                f"{DISCLAIMER}"
            ),
        )
    return found


data.on_change(citations.cache_clear, kinds=("oews",))


def facts(occupation: Occupation) -> Contribution:
    """What the releases in use say of *occupation*: its pay bands and employment of every
    date (read from its rows, which ``careerkit.catalogue._releases._Catalogue.figures``
    checks are as careerkit writes them), and its SOC code and major group."""
    from careerkit.model import CodeSystem, OccupationCode
    from careerkit.model._checks import trusted

    dated = _catalogue().figures(occupation)
    pay: list[PayBand] = []
    employment: list[Employment] = []
    for when, rows in dated:
        date, cites = _dated(when)
        about = [(layer.about, row) for layer, row in rows]
        pay += _bands(about, date, cites)
        employment += _employment(about, date, cites)
    newest = _dated(dated[-1][0])[1]  # the newest release that has the occupation names it
    # Built without validating again (see careerkit.model._checks.trusted), the major group's
    # made once: the tests build every one again through the validating constructor.
    codes = (
        trusted(OccupationCode)(
            system=CodeSystem.SOC_2018,
            code=occupation.soc,
            source=newest,
            title=labels[occupation.title],
        ),
        _major_codes()[occupation.major, newest],
    )
    return {"occupation_codes": codes, "pay": tuple(pay), "employment": tuple(employment)}


@functools.cache
def _dated(when: str) -> tuple[ReferenceDate, str]:
    """The date of figures dated *when* (``"2025-05"``), and the source id they cite."""
    from careerkit.model import ReferenceDate

    return ReferenceDate.coerce(when), source_id(when)


@once
def _major_codes() -> Shared[OccupationCode]:
    """The SOC major groups' codes, ``[major group, source id]``, each made once (their titles:
    as the releases in use name them)."""
    from careerkit.model import CodeSystem, OccupationCode
    from careerkit.model._checks import trusted

    new_code, groups, system = trusted(OccupationCode), major_groups(), CodeSystem.SOC_2018_MAJOR

    def code(major: str, source: str) -> OccupationCode:
        return new_code(system=system, code=major, source=source, title=labels[groups[major]])

    return Shared(code)


data.on_change(_major_codes.cache_clear, kinds=("oews",))


def source_id(date: str | None = None) -> str:
    """The source id the figures of *date* (default: the newest release in use) cite.

    >>> source_id(), source_id("2024-05")
    ('bls-oews-may-2025', 'bls-oews-may-2024')
    """
    return "bls-oews-" + _month(date).lower().replace(" ", "-")


def release_label(date: str | None = None) -> str:
    """The release of *date* (default: the newest in use) for people, ``"BLS OEWS May 2025"``."""
    return f"BLS OEWS {_month(date)}"


def _month(date: str | None) -> str:
    from careerkit.model.dates import ReferenceDate

    return ReferenceDate.parse(str(date or release()["reference_date"])).label()


class _Periods:
    """What every band of one period of one release shares, worked out once per process."""

    def __init__(self, period: str, prefix: str, top_code: str | None) -> None:
        from careerkit.model import Period

        self.period = Period(period)
        # none in a release without top-coded figures
        self.top_code = None if top_code is None else Decimal(top_code)
        self.note = _texts()[f"{period} only"]
        self.mean = _COLUMN[f"{prefix}_mean"]
        self.percentiles = tuple(
            (_PERCENTILE[name], _COLUMN[f"{prefix}_{name}"]) for name in _STATISTICS[1:]
        )
        # a row's five percentiles' figures at once, in the order of _PERCENTILE's (10, ... 90)
        self.points = operator.itemgetter(*(index for _, index in self.percentiles))
        other = "annual" if prefix == "hourly" else "hourly"
        self.top_coded = tuple((name, f"{prefix}_{name}") for name in _STATISTICS)
        self.other = tuple(f"{other}_{name}" for name in _STATISTICS)


@functools.cache
def _periods(hour: str | None, year: str | None) -> tuple[_Periods, ...]:
    """The two periods' shared parts, for a release whose top codes are *hour* and *year*."""
    tops = {"hour": hour, "year": year}
    return tuple(_Periods(period, prefix, tops[period]) for period, prefix in _PERIODS)


# Bands and employment figures are made with _checks.trusted: the shipped figures are
# already in their final form, and the test suite builds every one of them again through
# the validating constructors (tests/test_catalogue.py, tests/test_lookup_speed_paths.py).
# Each distinct figure's Decimal is made once and shared (_interned: 43,000 of them for
# 600,000 figures), which saves a third of the memory all 830 careers take.


def area_figures(rows: _Dated, where: Area) -> tuple[tuple[PayBand, ...], tuple[Employment, ...]]:
    """The pay bands and employment figures of an area's *rows* (one per date, each with its
    release's about), dated and cited as the state figures are, each naming the area
    (:attr:`~careerkit.PayBand.area`): per date, hourly then annual."""
    from careerkit.model import ReferenceDate

    bands: list[PayBand] = []
    jobs: list[Employment] = []
    for about, row in rows:
        when = about["reference_date"]
        placed, date, cites = (
            [(about, [where.region, *row])],
            ReferenceDate.coerce(when),
            source_id(when),
        )
        bands += _bands(placed, date, cites, where)
        jobs += _employment(placed, date, cites, where)
    return tuple(bands), tuple(jobs)


def _bands(rows: _Dated, date: ReferenceDate, oews: str, area: Area | None = None) -> list[PayBand]:
    """The pay bands of one date's rows (each with its release's about), dated *date*,
    citing *oews*: per region, hourly then annual (of *area*, where given)."""
    from careerkit.model import PayBand
    from careerkit.model._checks import trusted
    from careerkit.model._frozen import FrozenMapping

    new_band, figure = trusted(PayBand), figures  # a figure's Decimal made once (_interned)
    wage_rse, footnotes = _COLUMN["wage_rse"], _COLUMN["footnotes"]
    bands = []
    seen: Mapping[str, Any] | None = None
    for about, row in rows:
        if about is not seen:  # one release's rows, mostly
            periods, seen = _periods(about["top_code_hour"], about["top_code_year"]), about
        notes = (
            dict(item.split("=") for item in row[footnotes].split(";") if item)
            if row[footnotes]
            else None
        )
        for kind in periods:
            p10, p25, median, p75, p90 = kind.points(row)
            if p10 and p25 and median and p75 and p90:  # all five published, as most are
                percentiles = {
                    10: figure[p10],
                    25: figure[p25],
                    50: figure[median],
                    75: figure[p75],
                    90: figure[p90],
                }
            else:
                percentiles = {
                    key: figure[row[index]] for key, index in kind.percentiles if row[index]
                }
            mean = figure[row[kind.mean]]
            top_coded: tuple[str, ...] = ()
            only = False
            if notes:
                top_coded = tuple(name for name, note in kind.top_coded if notes.get(note) == "5")
                only = any(notes.get(note) == "4" for note in kind.other)
            if not percentiles and mean is None and not top_coded:
                continue
            # BLS's wage RSE is the mean's: kept where the mean is published, or published as
            # at or above the top code (it still has its standard error)
            has_mean = mean is not None or "mean" in top_coded
            bands.append(
                new_band(
                    region=row[0],
                    currency="USD",
                    period=kind.period,
                    source=oews,
                    reference_date=date,
                    percentiles=FrozenMapping(percentiles),
                    mean=mean,
                    mean_rse=figure[row[wage_rse]] if has_mean else None,
                    top_code=kind.top_code if top_coded else None,
                    top_coded=top_coded,
                    note=kind.note if only else None,
                    area=area,
                )
            )
    return bands


def _employment(
    rows: _Dated, date: ReferenceDate, oews: str, area: Area | None = None
) -> list[Employment]:
    from careerkit.model import Employment
    from careerkit.model._checks import trusted

    new_employment, figure = trusted(Employment), figures
    count, rse, per_1000, quotient = (
        _COLUMN[name]
        for name in ("employment", "employment_rse", "jobs_per_1000", "location_quotient")
    )
    found = []
    for _, row in rows:
        if row[count]:
            found.append(
                new_employment(
                    region=row[0],
                    count=int(row[count]),
                    rse=figure[row[rse]],
                    per_1000=figure[row[per_1000]],
                    location_quotient=figure[row[quotient]],
                    reference_date=date,
                    source=oews,
                    area=area,
                )
            )
    return found
