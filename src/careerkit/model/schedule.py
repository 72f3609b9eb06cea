"""Working time: the schedule that turns an hourly figure into a yearly one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

import attrs

from careerkit.errors import ValidationError
from careerkit.model import _checks
from careerkit.model.text import Text

__all__ = ["WorkSchedule", "WorkingHours"]


def _within(upper: int, unit: str) -> Any:
    def check(_: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
        if not 0 < value <= upper:
            raise ValidationError(
                f"expected more than 0 and at most {upper} {unit}, got {value}",
                field=attribute.name,
            )

    return check


# One converter per field, so that an error names its field (mypy's attrs plugin reads only
# named functions as converters).
def _hours_per_day(value: _checks.Amount) -> Decimal:
    return _checks.to_amount(value, "hours_per_day")


def _days_per_week(value: _checks.Amount) -> Decimal:
    return _checks.to_amount(value, "days_per_week")


def _weeks_per_year(value: _checks.Amount) -> Decimal:
    return _checks.to_amount(value, "weeks_per_year")


def _min_hours_per_day(value: _checks.Amount) -> Decimal:
    return _checks.to_amount(value, "min_hours_per_day")


def _max_hours_per_day(value: _checks.Amount) -> Decimal:
    return _checks.to_amount(value, "max_hours_per_day")


@attrs.frozen(kw_only=True, cache_hash=True)
class WorkSchedule:
    """Hours a day, days a week and weeks a year: what a period conversion assumes.

    :attr:`BLS_FULL_TIME` is the US Bureau of Labor Statistics' rule for
    annualising an hourly wage: 8 hours x 5 days x 52 weeks = 2,080 hours.

    >>> WorkSchedule.BLS_FULL_TIME.hours_per_year
    Decimal('2080')
    >>> WorkSchedule(hours_per_day=25, days_per_week=5, weeks_per_year=52)
    Traceback (most recent call last):
    ...
    careerkit.errors.ValidationError: hours_per_day: expected more than 0 and at most 24 hours, got 25
    """

    hours_per_day: Decimal = attrs.field(converter=_hours_per_day, validator=_within(24, "hours"))
    """Hours worked a day: more than 0, at most 24."""
    days_per_week: Decimal = attrs.field(converter=_days_per_week, validator=_within(7, "days"))
    """Days worked a week: more than 0, at most 7."""
    weeks_per_year: Decimal = attrs.field(converter=_weeks_per_year, validator=_within(53, "weeks"))
    """Weeks worked a year: more than 0, at most 53."""

    BLS_FULL_TIME: ClassVar[WorkSchedule]
    """8 hours a day, 5 days a week, 52 weeks a year: 2,080 hours (BLS's rule)."""

    @property
    def hours_per_week(self) -> Decimal:
        """Hours in a working week."""
        return self.hours_per_day * self.days_per_week

    @property
    def hours_per_year(self) -> Decimal:
        """Hours in a working year."""
        return self.hours_per_week * self.weeks_per_year


WorkSchedule.BLS_FULL_TIME = WorkSchedule(hours_per_day=8, days_per_week=5, weeks_per_year=52)


@attrs.frozen(kw_only=True, repr=False)
class WorkingHours:
    """A source's statement of daily working hours, such as "8-9 hours a day".

    It is a fact about the career, not a schedule: turning it into a
    :class:`WorkSchedule` is a choice the caller makes explicitly.
    """

    min_hours_per_day: Decimal = attrs.field(
        converter=_min_hours_per_day, validator=_within(24, "hours")
    )
    """The fewest hours a day the source states."""
    max_hours_per_day: Decimal = attrs.field(
        converter=_max_hours_per_day, validator=_within(24, "hours")
    )
    """The most hours a day the source states."""
    region: str = attrs.field(validator=_checks.region)
    """Where the statement applies (ISO 3166: ``IN``, ``US``, ``US-CA``)."""
    text: Text = attrs.field(validator=attrs.validators.instance_of(Text))
    """The statement, as the source words it."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that states it."""

    def __repr__(self) -> str:
        # Records print as summaries, values as Python (the rule: careerkit._display).
        low, high = f"{self.min_hours_per_day:f}", f"{self.max_hours_per_day:f}"
        hours = low if low == high else f"{low}-{high}"
        return f"<WorkingHours {self.region}: {hours} hours a day ({self.source})>"

    def to_schedule(
        self,
        hours_per_day: Decimal | int | str | float,
        *,
        days_per_week: Decimal | int | str | float = 5,
        weeks_per_year: Decimal | int | str | float = 52,
    ) -> WorkSchedule:
        """A :class:`WorkSchedule` with a daily length the source allows, chosen by the caller.

        >>> hours = WorkingHours(min_hours_per_day=8, max_hours_per_day=9, region="IN",
        ...                      text=Text("8-9 hours"), source="ncs")
        >>> hours.to_schedule(9).hours_per_year
        Decimal('2340')
        """
        hours = _checks.to_amount(hours_per_day, "hours_per_day")
        if not self.min_hours_per_day <= hours <= self.max_hours_per_day:
            raise ValidationError(
                f"{hours} hours a day is outside the stated {self.min_hours_per_day}-"
                f"{self.max_hours_per_day}",
                field="hours_per_day",
            )
        return WorkSchedule(
            hours_per_day=hours, days_per_week=days_per_week, weeks_per_year=weeks_per_year
        )

    def __attrs_post_init__(self) -> None:
        if self.min_hours_per_day > self.max_hours_per_day:
            raise ValidationError(
                f"min_hours_per_day ({self.min_hours_per_day}) is above max_hours_per_day "
                f"({self.max_hours_per_day})",
                field="min_hours_per_day",
            )
