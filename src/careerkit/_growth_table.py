"""A table of pay growth, one row per career: what ``growth_frame`` and ``careerkit list`` share.

:func:`growth_rows` works out each career's change in pay between two dates once, here,
for every front end: :func:`careerkit.pandas.growth_frame`,
:func:`careerkit.polars.growth_frame` and ``careerkit list --sort real-growth`` read the
same :class:`GrowthRow` values, each made by the one path
:meth:`careerkit.Career.pay_growth` takes (the career's :meth:`~careerkit.Career.pay_history`,
then :class:`~careerkit.PayGrowth`), so they agree by construction. Rows hold money and
fractions as :class:`~decimal.Decimal`; a front end that wants floats calls :func:`column`.

A career is in the table only where its history has both dates; the others are left out,
each with the reason (:attr:`GrowthRows.left_out`): no such date (BLS published no figure
that year, or the occupation's series starts later: a SOC revision cut it), or no history.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, NamedTuple

from careerkit.errors import PayBandNotFoundError, ValidationError
from careerkit.model.area import Area
from careerkit.model.codes import CodeSystem
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import Period, check_statistic, to_period

if TYPE_CHECKING:
    from careerkit.model import Career
    from careerkit.pay._units import When

__all__ = ["COLUMNS", "GrowthRow", "GrowthRows", "column", "growth_rows"]


class GrowthRow(NamedTuple):
    """One career's change in pay between two dates, in money and after prices."""

    id: str
    """The career's id."""
    title: str
    """Its title, in English."""
    soc: str | None
    """Its SOC 2018 code (``29-1141``)."""
    statistic: str
    """The statistic compared: ``"median"``, ``"mean"`` or a percentile (``"p10"``)."""
    currency: str
    """The currency of the figures (``USD``)."""
    period: str
    """The period of the figures (``"year"``)."""
    since: str
    """The earlier date, as the history has it (``"2011-05"``)."""
    until: str
    """The later date (``"2025-05"``)."""
    earlier: Decimal
    """The figure at :attr:`since`."""
    later: Decimal
    """The figure at :attr:`until`."""
    earlier_in_later_prices: Decimal
    """:attr:`earlier` in the prices of :attr:`until` (the price index of the currency's
    country: US CPI-U for US dollars)."""
    nominal: Decimal
    """The change in money, a fraction (``0.4993`` is +49.93%), as :class:`~careerkit.PayGrowth`."""
    real: Decimal
    """The change after prices, a fraction, as :class:`~careerkit.PayGrowth`."""
    cut: str | None
    """Where the career's series starts and why (:meth:`careerkit.SeriesCut.describe`), or
    ``None``: a SOC revision that split or merged the occupation."""


Kind = Literal["text", "float"]

COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("id", "text"),
    ("title", "text"),
    ("soc", "text"),
    ("statistic", "text"),
    ("currency", "text"),
    ("period", "text"),
    ("since", "text"),
    ("until", "text"),
    ("earlier", "float"),
    ("later", "float"),
    ("earlier_in_later_prices", "float"),
    ("nominal", "float"),
    ("real", "float"),
    ("cut", "text"),
)
"""Each column of the frame and what it holds: text, or a float (``float(Decimal)``)."""


class GrowthRows(NamedTuple):
    """The rows of the careers with both dates, and why each other career was left out."""

    rows: list[GrowthRow]
    """One row per career with both dates, in the order of the careers asked about."""
    left_out: dict[str, str]
    """Each career left out, by id, with the reason (the error :meth:`careerkit.Career.pay_growth`
    gives)."""


def check_dates(since: When, until: When | None) -> tuple[ReferenceDate, ReferenceDate | None]:
    """*since* and *until* read as dates, and refused unless *since* comes first.

    A year alone matches the one date of that year a history has (``"2011"``: May 2011),
    so a year and a date of the same year are not in order either way.
    """
    if since is None:
        raise ValidationError(
            "give the earlier date, such as since='2011' (a year matches the one date of "
            "that year a career's history has)",
            field="since",
        )
    first = ReferenceDate.coerce(since, field="since")
    last = None if until is None else ReferenceDate.coerce(until, field="until")
    if last is None:
        return first, None
    same_year = first.year == last.year and "year" in (first.precision, last.precision)
    if same_year or first.sort_key() >= last.sort_key():
        raise ValidationError(
            f"the earlier date ({first}) must come before the later one ({last}): growth is "
            "measured from an earlier date to a later one",
            field="since",
        )
    return first, last


def growth_row(
    career: Career,
    since: ReferenceDate,
    until: ReferenceDate | None,
    statistic: str,
    *,
    region: str | Area,
    period: Period | None,
) -> GrowthRow:
    """*career*'s row: the growth of its *statistic* (in *period*) from *since* to *until*
    (``None``: its newest date), as :meth:`careerkit.Career.pay_growth` measures it.

    Raises :class:`~careerkit.PayBandNotFoundError` where its history lacks a date.
    """
    from careerkit.pay._growth import growth

    history = career.pay_history(region, statistic, period)
    newest = history[-1].when
    assert newest is not None  # a history's figures are dated
    if until is None and (
        since.sort_key() >= newest.sort_key()
        or (since.precision == "year" and since.year == newest.year)
    ):
        raise PayBandNotFoundError(
            f"{career.id} has no {history.region} {statistic} after {since}: its newest is "
            f"dated {newest}"
        )
    found = growth(
        history,
        who=career.id,
        region=history.region,
        statistic=statistic,
        since=since,
        until=until,
    )
    return GrowthRow(
        id=career.id,
        title=career.title.en,
        soc=career.codes.get(CodeSystem.SOC_2018),
        statistic=statistic,
        currency=found.later.currency,
        period=found.later.period.value,
        since=str(found.earlier.when),
        until=str(found.later.when),
        earlier=found.earlier.amount,
        later=found.later.amount,
        earlier_in_later_prices=found.earlier_in_later_prices.amount,
        nominal=found.nominal,
        real=found.real,
        cut=None if history.cut is None else history.cut.describe(),
    )


def growth_rows(
    since: When,
    until: When | None = None,
    statistic: str = "median",
    *,
    region: str | Area = "US",
    period: Period | str | None = "year",
    careers: Sequence[Career] | None = None,
) -> GrowthRows:
    """The growth row of each of *careers* (default: every career of the default registry,
    by id) that has both dates, and the reason each other one was left out.

    What is wrong with the call itself (an unknown statistic, period or region, *since*
    not before *until*) is refused at once; so is a year that matches two dates of a
    career's history (:class:`~careerkit.ValidationError`, naming it). Where no career has
    both dates, :class:`~careerkit.PayBandNotFoundError` says so, with one career's reason.
    """
    from careerkit.catalogue.sources.oews_areas import region_or_area

    check_statistic(statistic)
    first, last = check_dates(since, until)
    target = None if period is None else to_period(period)
    where = region_or_area(region)
    which = "no career has"
    if careers is None:
        from careerkit.registry import careers as every_career

        careers = every_career()
    else:
        which = f"none of the {len(careers):,} careers has"
    rows, left_out = [], {}
    for career in careers:
        try:
            rows.append(growth_row(career, first, last, statistic, region=where, period=target))
        except PayBandNotFoundError as error:
            left_out[career.id] = str(error)
    if careers and not rows:
        place = where.name if isinstance(where, Area) else where
        to = "a later date" if last is None else str(last)
        example = next(iter(left_out.items()))
        raise PayBandNotFoundError(
            f"{which} figures at both {first} and {to} for the {place} {statistic} (a year "
            f"matches the one date of that year a history has); {example[0]}, for one: "
            f"{example[1]}"
        )
    return GrowthRows(rows, left_out)


def column(rows: Sequence[GrowthRow], name: str) -> list[object]:
    """The values of column *name*, as :data:`COLUMNS` says: a Decimal as ``float(amount)``."""
    kinds = dict(COLUMNS)
    index = GrowthRow._fields.index(name)
    values: list[object] = [row[index] for row in rows]
    if kinds[name] == "float":
        return [float(value) for value in values]  # type: ignore[arg-type]
    return values
