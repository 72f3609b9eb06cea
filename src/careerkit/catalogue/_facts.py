"""One occupation's rows of the shipped OEWS file, as careerkit's facts.

Figures are copied as BLS printed them: hourly figures make the hourly band,
annual figures the annual band, and a figure BLS did not publish (footnote 4:
not a year-round full-time occupation; footnote 8: estimate not released) is
absent. A figure at or above BLS's top code (footnote 5) is named in the band's
``top_coded`` with the top code, never given as a number.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from careerkit import data
from careerkit._once import once
from careerkit.catalogue import (
    ATTRIBUTION,
    CHANGES,
    DISCLAIMER,
    FIELDS,
    ONET_SOURCE,
    Occupation,
    descriptions,
    major_groups,
    release,
    release_label,
    source_id,
)

if TYPE_CHECKING:
    from careerkit.model import Career, PayBand, ReferenceDate, Text

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
def _sources() -> dict[str, Any]:
    from careerkit.model import Source, Text

    about = release()
    if about.get("published"):
        release_note = f"{about['name']}, published {about['published']}."
    else:  # a release the user installed: cite the files it was read from
        files = ", ".join(f"{name} (sha256 {digest})" for name, digest in about["files"].items())
        release_note = f"{about['name']}, read from {files}."
    return {
        source_id(): Source(
            id=source_id(),
            title=Text(
                "Occupational Employment and Wage Statistics (OEWS): national and state "
                f"cross-industry estimates, {release_label().removeprefix('BLS OEWS ')}"
            ),
            publisher=Text("U.S. Bureau of Labor Statistics (BLS)"),
            url="https://www.bls.gov/oes/tables.htm",
            reference_date=about["reference_date"],
            note=Text(
                f"{release_note} Hourly and annual figures are each as BLS published them "
                "(BLS's annual figure is the unrounded hourly figure x 2,080, rounded to $10). "
                f"{DISCLAIMER}"
            ),
        ),
        ONET_SOURCE: Source(
            id=ONET_SOURCE,
            title=Text(f"O*NET {about['onet_version']} Database: Occupation Data"),
            publisher=Text(
                "National Center for O*NET Development, for the U.S. Department of Labor, "
                "Employment and Training Administration (USDOL/ETA)"
            ),
            url="https://www.onetcenter.org/database.html",
            date_note=Text(f"Database release {about['onet_version']}; entries carry no date."),
            note=Text(f"{ATTRIBUTION} {CHANGES}"),
        ),
    }


def _forget() -> None:
    for cached in (_sources, _periods):
        cached.cache_clear()


data.on_change(_forget, kinds=("oews",))


def _amount(text: str) -> Decimal | None:
    return Decimal(text) if text else None


class _Periods:
    """What every band of one period shares, worked out once per process."""

    def __init__(self, period: str, prefix: str) -> None:
        from careerkit.model import Period

        about = release()
        self.period = Period(period)
        top_code = about.get(f"top_code_{period}")  # none in a release without top-coded figures
        self.top_code = None if top_code is None else Decimal(top_code)
        self.note = _texts()[f"{period} only"]
        self.mean = _COLUMN[f"{prefix}_mean"]
        self.percentiles = tuple(
            (_PERCENTILE[name], _COLUMN[f"{prefix}_{name}"]) for name in _STATISTICS[1:]
        )
        other = "annual" if prefix == "hourly" else "hourly"
        self.top_coded = tuple((name, f"{prefix}_{name}") for name in _STATISTICS)
        self.other = tuple(f"{other}_{name}" for name in _STATISTICS)


@once
def _periods() -> tuple[_Periods, ...]:
    return tuple(_Periods(period, prefix) for period, prefix in _PERIODS)


# Bands and employment figures are made with _checks.trusted: the shipped figures are
# already in their final form, and the test suite builds every one of them again through
# the validating constructors (tests/test_catalogue.py). That keeps building all 830
# careers, with 70,000 bands, within the two seconds the catalogue promises.


def _bands(rows: list[list[str]], date: ReferenceDate) -> list[PayBand]:
    """The pay bands of one occupation's rows, dated *date*: per region, hourly then annual."""
    from careerkit.model import PayBand
    from careerkit.model._checks import trusted
    from careerkit.model._frozen import FrozenMapping

    new_band = trusted(PayBand)
    periods = _periods()
    oews = source_id()
    wage_rse, footnotes = _COLUMN["wage_rse"], _COLUMN["footnotes"]
    bands = []
    for row in rows:
        notes = dict(item.split("=") for item in row[footnotes].split(";") if item)
        for kind in periods:
            percentiles = {
                key: Decimal(row[index]) for key, index in kind.percentiles if row[index]
            }
            mean = Decimal(row[kind.mean]) if row[kind.mean] else None
            top_coded: tuple[str, ...] = ()
            only = False
            if notes:
                top_coded = tuple(name for name, note in kind.top_coded if notes.get(note) == "5")
                only = any(notes.get(note) == "4" for note in kind.other)
            if not percentiles and mean is None and not top_coded:
                continue
            bands.append(
                new_band(
                    region=row[0],
                    currency="USD",
                    period=kind.period,
                    source=oews,
                    reference_date=date,
                    percentiles=FrozenMapping(percentiles),
                    mean=mean,
                    mean_rse=Decimal(row[wage_rse]) if mean is not None and row[wage_rse] else None,
                    top_code=kind.top_code if top_coded else None,
                    top_coded=top_coded,
                    note=kind.note if only else None,
                )
            )
    return bands


def facts(occupation: Occupation, rows: list[list[str]], base: Career | None) -> dict[str, Any]:
    """The fields of the career (``base is None``) or of the extension of *base*."""
    from careerkit.model import Employment, Fact, OccupationCode, ReferenceDate, Text
    from careerkit.model._checks import normalize_key, trusted
    from careerkit.registry import lookup_keys

    date = ReferenceDate.coerce(release()["reference_date"])
    oews = source_id()
    new_employment = trusted(Employment)
    pay = _bands(rows, date)
    employment = []
    for row in rows:
        region = row[0]
        if row[_COLUMN["employment"]]:
            employment.append(
                new_employment(
                    region=region,
                    count=int(row[_COLUMN["employment"]]),
                    rse=_amount(row[_COLUMN["employment_rse"]]),
                    per_1000=_amount(row[_COLUMN["jobs_per_1000"]]),
                    location_quotient=_amount(row[_COLUMN["location_quotient"]]),
                    reference_date=date,
                    source=oews,
                )
            )
    codes = [
        OccupationCode(
            system="SOC-2018", code=occupation.soc, source=oews, title=Text(occupation.title)
        ),
        OccupationCode(
            system="SOC-2018 major group",
            code=occupation.major,
            source=oews,
            title=Text(major_groups()[occupation.major]),
        ),
    ]
    description = descriptions().get(occupation.onet)
    sources = [_sources()[oews]]
    summary = []
    if occupation.onet:
        codes.append(
            OccupationCode(
                system="O*NET-SOC",
                code=occupation.onet,
                source=ONET_SOURCE,
                title=Text(occupation.title),
            )
        )
    if description is not None and (base is None or not base.summary):
        # a rich profile keeps its own summary (in Hindi too): O*NET's is English only
        summary.append(Fact(text=Text(description), source=ONET_SOURCE))
    if occupation.onet or description is not None:
        sources.append(_sources()[ONET_SOURCE])
    aliases: list[str] = []
    if base is not None:
        has = set(base.codes)
        codes = [code for code in codes if code.system not in has]
        keys = {normalize_key(key) for key in lookup_keys(base)}
        for key in (occupation.id, occupation.title):
            if normalize_key(key) not in keys:
                aliases.append(key)
                keys.add(normalize_key(key))
        if not any(code.source == ONET_SOURCE for code in codes) and not summary:
            sources.pop()
    return {
        "sources": tuple(sources),
        "aliases": tuple(aliases),
        "occupation_codes": tuple(codes),
        "summary": tuple(summary),
        "pay": tuple(pay),
        "employment": tuple(employment),
    }
