"""A table of every career, one row each: the figures ``careers_frame`` and ``careerkit list`` share.

:func:`career_rows` works out each career's row once, here, for every front end:
:func:`careerkit.pandas.careers_frame`, :func:`careerkit.polars.careers_frame` and
``careerkit list --sort`` read the same :class:`CareerRow` values, so they agree by
construction. Rows hold money as :class:`~decimal.Decimal`, as published; a front
end that wants floats calls :func:`column`, which turns each into ``float(amount)``.

Pay and employment are those of the region asked for: the newest *dated* figure
there (an undated figure, such as an article's, has no place in "newest").
Education, job zone and the outlook are national US figures whatever the region:
BLS's Employment Projections and O*NET rate US occupations only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol, TypeVar

from careerkit.errors import PayBandNotFoundError
from careerkit.model import _iso
from careerkit.model.area import Area
from careerkit.model.codes import CodeSystem

if TYPE_CHECKING:
    from careerkit.model import Career, Employment, PayBand, ReferenceDate

__all__ = ["COLUMNS", "CareerRow", "career_row", "career_rows", "column"]


class _HasDate(Protocol):
    @property
    def reference_date(self) -> ReferenceDate | None: ...


_Dated = TypeVar("_Dated", bound=_HasDate)
_PERIODS = ("hour", "year")


class CareerRow(NamedTuple):
    """One career's figures: who it is, what it pays and employs in a region, how to get in,
    and where it is heading. ``None`` where the sources publish no figure."""

    id: str
    """The career's id."""
    title: str
    """Its title, in English."""
    soc: str | None
    """Its SOC 2018 code (``43-4051``)."""
    major_group: str | None
    """Its SOC 2018 major group (``43-0000``)."""
    employment: int | None
    """Jobs in the region: the newest dated employment figure there."""
    hourly_median: Decimal | None
    """The region's newest published hourly median, in :attr:`currency`."""
    annual_median: Decimal | None
    """The region's newest published annual median, in :attr:`currency`."""
    currency: str | None
    """The currency of the medians (``USD``)."""
    education: str | None
    """BLS's typical education needed for entry, as BLS words it (US)."""
    job_zone: int | None
    """O*NET's Job Zone, 1 to 5 (US)."""
    change_percent: Decimal | None
    """BLS's projected change in jobs, in percent, as published (US)."""
    openings: int | None
    """BLS's projected openings a year (US)."""


Kind = Literal["text", "int", "float"]

COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("id", "text"),
    ("title", "text"),
    ("soc", "text"),
    ("major_group", "text"),
    ("employment", "int"),
    ("hourly_median", "float"),
    ("annual_median", "float"),
    ("currency", "text"),
    ("education", "text"),
    ("job_zone", "int"),
    ("change_percent", "float"),
    ("openings", "int"),
)
"""Each column of the frame and what it holds: text, a whole number or a float
(``float(Decimal)``), each with missing values where the row has ``None``."""


def _newest(items: Iterable[_Dated]) -> _Dated | None:
    """The item with the latest ``reference_date`` (the first of a tie); undated ones left out."""
    found: _Dated | None = None
    latest = (0, 0, 0)
    for item in items:
        date = item.reference_date
        if date is not None and (when := date.sort_key()) > latest:
            found, latest = item, when
    return found


def _area_figures(career: Career, area: Area) -> tuple[tuple[PayBand, ...], tuple[Employment, ...]]:
    """*career*'s bands and employment in *area*: none where BLS published none there."""
    from careerkit.catalogue.sources.oews_areas import figures

    try:
        found = figures(career, area)
    except PayBandNotFoundError:
        return (), ()
    return found.pay, found.employment


def career_row(career: Career, region: str | Area = "US") -> CareerRow:
    """*career*'s row, with the pay and employment of *region* (assumed a valid code, or an
    :class:`~careerkit.Area`)."""
    from careerkit.catalogue.sources.projections import EP_SOURCE

    if isinstance(region, Area):
        pay, employment = _area_figures(career, region)
    else:
        pay = tuple(band for band in career.pay if band.region == region)
        employment = tuple(item for item in career.employment if item.region == region)
    medians = [band for band in pay if 50 in band.percentiles and band.period.value in _PERIODS]
    newest = _newest(medians)
    currency = None if newest is None else newest.currency
    hourly, annual = (
        _newest(b for b in medians if b.period.value == period and b.currency == currency)
        for period in _PERIODS
    )
    jobs = _newest(employment)
    routes = [
        route for route in career.entry_routes if route.region == "US" and route.source == EP_SOURCE
    ]
    outlooks = [outlook for outlook in career.outlook if outlook.region == "US"]
    outlook = max(outlooks, key=lambda found: found.projected_year, default=None)
    return CareerRow(
        id=career.id,
        title=career.title.en,
        soc=career.codes.get(CodeSystem.SOC_2018),
        major_group=career.codes.get(CodeSystem.SOC_2018_MAJOR),
        employment=None if jobs is None else jobs.count,
        hourly_median=None if hourly is None else hourly.percentiles[50],
        annual_median=None if annual is None else annual.percentiles[50],
        currency=currency,
        education=routes[0].minimum_qualification.en if routes else None,
        job_zone=None if career.preparation is None else career.preparation.job_zone,
        change_percent=None if outlook is None else outlook.change_percent,
        openings=None if outlook is None else outlook.openings,
    )


def career_rows(
    region: str | Area = "US", careers: Sequence[Career] | None = None
) -> list[CareerRow]:
    """The row of each of *careers* (default: every career of the default registry, by id).

    *region* is an ISO 3166 code (``US``, ``US-TX``, ``IN``): an unknown code raises
    :class:`~careerkit.ValidationError`, and one that no career has a pay band or an
    employment figure for raises :class:`~careerkit.PayBandNotFoundError`, naming the
    regions that have them, rather than a table of nothing but missing values. It may
    be a metropolitan or nonmetropolitan area too (an :class:`~careerkit.Area` or a
    key :func:`careerkit.area` takes): each career's figures there, missing where BLS
    published none.
    """
    from careerkit.catalogue.sources.oews_areas import region_or_area

    where = region_or_area(region)
    which = "no career has"
    if careers is None:
        from careerkit.registry import careers as every_career

        careers = every_career()
    else:
        which = f"none of the {len(careers):,} careers has"
    if isinstance(where, Area):
        return [career_row(career, where) for career in careers]
    has = {band.region for career in careers for band in career.pay}
    has.update(jobs.region for career in careers for jobs in career.employment)
    if careers and region not in has:
        raise PayBandNotFoundError(
            f"{which} pay or employment figures for region {region!r}; they have them for "
            f"{_iso.listed(has)}"
        )
    return [career_row(career, region) for career in careers]


def column(rows: Sequence[CareerRow], name: str) -> list[object]:
    """The values of column *name*, as :data:`COLUMNS` says: a Decimal as ``float(amount)``."""
    kinds = dict(COLUMNS)
    index = CareerRow._fields.index(name)
    values: list[object] = [row[index] for row in rows]
    if kinds[name] == "float":
        return [None if value is None else float(value) for value in values]  # type: ignore[arg-type]
    return values
