"""How many people work in a career: an estimate, with its region, date and source."""

from __future__ import annotations

from decimal import Decimal

import attrs

from careerkit.model import _checks
from careerkit.model.area import Area
from careerkit.model.dates import ReferenceDate, to_optional_date
from careerkit.model.text import Text

__all__ = ["Employment"]


def _rse(value: _checks.Amount | None) -> Decimal | None:
    return _checks.to_optional_amount(value, "rse")


def _per_1000(value: _checks.Amount | None) -> Decimal | None:
    return _checks.to_optional_amount(value, "per_1000")


def _location_quotient(value: _checks.Amount | None) -> Decimal | None:
    return _checks.to_optional_amount(value, "location_quotient")


@attrs.frozen(kw_only=True, repr=False)
class Employment:
    """The number of jobs in a career in one region, as a source estimates it.

    ``rse`` is the estimate's relative standard error in percent, where the
    source publishes one (BLS's "employment RSE"). For a part of a country,
    ``per_1000`` is the career's jobs per 1,000 jobs there and
    ``location_quotient`` that share over the country's (above 1: more
    concentrated there), as BLS publishes them for states.

    >>> Employment(region="US", count=2595750, rse="0.4", reference_date="2025-05",
    ...            source="bls-oews-may-2025")
    <Employment US 2025-05: 2595750 jobs (bls-oews-may-2025)>
    """

    region: str = attrs.field(validator=_checks.region)
    """Where the jobs are (ISO 3166: ``IN``, ``US``, ``US-CA``)."""
    count: int = attrs.field(validator=_checks.jobs)
    """The estimated number of jobs."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that states it."""
    reference_date: ReferenceDate | None = attrs.field(default=None, converter=to_optional_date)
    """The date the estimate refers to, where the source gives one."""
    rse: Decimal | None = attrs.field(default=None, converter=_rse, validator=_checks.non_negative)
    """The estimate's relative standard error in percent, where the source publishes one."""
    per_1000: Decimal | None = attrs.field(
        default=None, converter=_per_1000, validator=_checks.non_negative
    )
    """For part of a country: the career's jobs per 1,000 jobs there."""
    location_quotient: Decimal | None = attrs.field(
        default=None, converter=_location_quotient, validator=_checks.non_negative
    )
    """For part of a country: its share of the career's jobs over the country's."""
    note: Text | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Text))
    )
    """A caveat the source adds, or how careerkit read it."""
    area: Area | None = attrs.field(
        default=None, validator=attrs.validators.optional(_checks.instance_of(Area, "an Area"))
    )
    """The metropolitan or nonmetropolitan area counted (:func:`careerkit.area`); ``None`` for
    a whole country or state. Its :attr:`region` is the area's :attr:`~careerkit.Area.region`."""

    def __attrs_post_init__(self) -> None:
        from careerkit.model.pay_band import check_area

        check_area(self.area, self.region)

    def __repr__(self) -> str:
        # Records print as summaries, values as Python (the rule: careerkit._display).
        date = "undated" if self.reference_date is None else str(self.reference_date)
        where = self.region if self.area is None else f"{self.region} {self.area.code}"
        return f"<Employment {where} {date}: {self.count} jobs ({self.source})>"
