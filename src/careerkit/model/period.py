"""The period a money figure is stated per: an hour, a day, a week, a month or a year."""

from __future__ import annotations

import enum

from careerkit.model import _checks

__all__ = ["Period", "to_period"]


class Period(enum.StrEnum):
    """The period a money figure is stated per."""

    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


def to_period(value: Period | str) -> Period:
    """Converter: a :class:`Period` from its name, with a clear error."""
    return _checks.to_member(Period, value, field="period", what="period")
