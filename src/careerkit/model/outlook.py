"""Where a career's jobs are heading: a source's projection of employment and openings."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from careerkit._display import fitted
from careerkit.errors import ValidationError
from careerkit.model import _checks
from careerkit.model.text import Text

__all__ = ["Outlook"]


def _year(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2200:
        raise ValidationError(f"expected a year such as 2024, got {value!r}", field=attribute.name)


def _change(value: _checks.Amount) -> Decimal:
    return _checks.to_amount(value, "change_percent")


def _self_employed(value: _checks.Amount | None) -> Decimal | None:
    return _checks.to_optional_amount(value, "self_employed_percent")


@attrs.frozen(kw_only=True, repr=False)
class Outlook:
    """A source's projection of a career's jobs in one region, from a base year to a later one.

    Figures are as the source publishes them, in jobs (BLS's Employment Projections
    publish thousands: 2,814.0 is 2,814,000 jobs). ``change_percent`` is the
    published percentage (``Decimal('-5.5')``), not one careerkit worked out;
    ``openings`` are the average openings a year over the span (new jobs and
    workers who leave or change occupation); ``self_employed_percent`` is
    ``None`` where the source prints no figure ("—"), never 0.

    >>> outlook = Outlook(region="US", base_year=2024, projected_year=2034,
    ...     employment=2814000, projected_employment=2660300, change=-153700,
    ...     change_percent="-5.5", openings=341700, self_employed_percent="0.8",
    ...     source="bls-ep-2024-34")
    >>> outlook.describe()
    'projected to shrink 5.5 % from 2024 to 2034; about 341,700 openings a year'
    """

    region: str = attrs.field(validator=_checks.region)
    """Where the projection applies (ISO 3166: ``US``)."""
    base_year: int = attrs.field(validator=_year)
    """The year the projection starts from (2024)."""
    projected_year: int = attrs.field(validator=_year)
    """The year projected to (2034)."""
    employment: int = attrs.field(validator=_checks.jobs)
    """Jobs in the base year."""
    projected_employment: int = attrs.field(validator=_checks.jobs)
    """Jobs projected for the projected year."""
    change: int = attrs.field()
    """The projected change in jobs, as published (negative: fewer jobs)."""
    change_percent: Decimal = attrs.field(converter=_change, metadata={"signed": True})
    """The projected change in percent, as published (``Decimal('-5.5')``)."""
    openings: int = attrs.field(validator=_checks.jobs)
    """Average openings a year over the span, as published."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that states it."""
    self_employed_percent: Decimal | None = attrs.field(
        default=None, converter=_self_employed, validator=_checks.non_negative
    )
    """The share of the base year's workers who are self-employed, in percent; ``None``
    where the source publishes none."""
    note: Text | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(_checks.instance_of(Text, "a Text or None")),
    )
    """A caveat the source adds, or how careerkit read it."""

    @change.validator
    def _check_change(self, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(
                f"expected a whole number of jobs (negative for fewer), got {value!r}",
                field="change",
            )

    @projected_year.validator
    def _check_span(self, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(self.base_year, int) and value <= self.base_year:
            raise ValidationError(
                f"the projected year ({value}) must come after the base year ({self.base_year})",
                field="projected_year",
            )

    @self_employed_percent.validator
    def _check_share(
        self, attribute: attrs.Attribute[Decimal | None], value: Decimal | None
    ) -> None:
        if value is not None and value > 100:
            raise ValidationError(
                f"a percentage of workers is at most 100, got {value}",
                field="self_employed_percent",
            )

    def describe(self) -> str:
        """The projection in words, as ``careerkit show`` prints it."""
        span = f"from {self.base_year} to {self.projected_year}"
        size = f"{abs(self.change_percent):f}"  # as published, never in exponent form
        if self.change_percent > 0:
            trend = f"projected to grow {size} % {span}"
        elif self.change_percent < 0:
            trend = f"projected to shrink {size} % {span}"
        else:
            trend = f"projected to hold steady ({size} %) {span}"
        return f"{trend}; about {self.openings:,} openings a year"

    def __repr__(self) -> str:
        # Records print as summaries, values as Python (the rule: careerkit._display).
        sign = "+" if self.change_percent > 0 else "-" if self.change_percent < 0 else ""
        return fitted(
            f"<Outlook {self.region} {self.base_year}-{self.projected_year}: ",
            f"{self.employment:,} to {self.projected_employment:,} jobs "
            f"({sign}{abs(self.change_percent):f} %)",
            f" ({self.source})>",
            quote=False,
        )
