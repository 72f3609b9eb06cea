"""Reference dates with the precision a source gives: a year, a month or a day."""

from __future__ import annotations

import datetime as dt
import re

import attrs

from careerkit.errors import ValidationError, WrongTypeError, shown, wrong_type
from careerkit.model.text import check_language

__all__ = ["ReferenceDate"]

_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z", re.ASCII)
_LONGEST = 40  # "2008-05-14" with room for spaces around it: anything longer is not a date

_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS_HI = (
    "जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून",
    "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर",
)  # fmt: skip


def _whole_number(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise wrong_type("a whole number", value, field)
    return value


@attrs.frozen(cache_hash=True)
class ReferenceDate:
    """The date a figure refers to, as precise as its source: ``2008``, ``2008-05``.

    BLS wage estimates refer to a month (May 2008), World Bank series to a year.
    Nothing is invented: a month-precision date has no day.

    >>> ReferenceDate.parse("2008-05")
    ReferenceDate(year=2008, month=5, day=None)
    >>> str(ReferenceDate(2008, 5))
    '2008-05'
    >>> ReferenceDate(2008, 5).label("hi")
    'मई 2008'
    """

    year: int = attrs.field()
    """The year."""
    month: int | None = attrs.field(default=None)
    """The month, 1 to 12; ``None`` for a date as precise as a year."""
    day: int | None = attrs.field(default=None)
    """The day of the month; ``None`` unless the source gives one."""

    @year.validator
    def _check_year(self, attribute: attrs.Attribute[int], value: int) -> None:
        _whole_number(value, "year")
        if not 1800 <= value <= 2200:
            raise ValidationError(
                f"expected a year from 1800 to 2200, got {shown(value)}", field="year"
            )

    @month.validator
    def _check_month(self, attribute: attrs.Attribute[int | None], value: int | None) -> None:
        if value is not None and not 1 <= _whole_number(value, "month") <= 12:
            raise ValidationError(
                f"expected a month from 1 to 12, got {shown(value)}", field="month"
            )

    @day.validator
    def _check_day(self, attribute: attrs.Attribute[int | None], value: int | None) -> None:
        if value is None:
            return
        if self.month is None:
            raise ValidationError("a day needs a month", field="day")
        import calendar  # on first use: most dates have no day

        last = calendar.monthrange(self.year, self.month)[1]
        if not 1 <= _whole_number(value, "day") <= last:
            raise ValidationError(
                f"expected a day from 1 to {last} for {self.year}-{self.month:02d}, got {shown(value)}",
                field="day",
            )

    @classmethod
    def parse(cls, text: str, *, field: str | None = None) -> ReferenceDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; errors name *field*."""
        if not isinstance(text, str):
            raise wrong_type("a date string such as '2008-05'", text, field)
        match = _PATTERN.match(text.strip()) if len(text) <= _LONGEST else None
        if match is None:
            raise ValidationError(
                f"cannot read {shown(text)} as a date: expected 'YYYY', 'YYYY-MM' or "
                "'YYYY-MM-DD', such as '2008' or '2008-05'",
                field=field,
            )
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None  # the pattern requires it
        try:
            return cls(year, month, day)
        except ValidationError as error:
            raise ValidationError(
                f"cannot read {shown(text)} as a date: {error}", field=field
            ) from None

    @classmethod
    def coerce(
        cls, value: ReferenceDate | str | int | dt.date, *, field: str | None = None
    ) -> ReferenceDate:
        """Accept a :class:`ReferenceDate`, a string for :meth:`parse`, a year or a date.

        Anything else raises :class:`~careerkit.WrongTypeError` naming *field*.
        """
        if isinstance(value, ReferenceDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValidationError(
                f"expected a date without a time, got {shown(value)}", field=field
            )
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        if isinstance(value, str):
            return cls.parse(value, field=field)
        raise WrongTypeError(
            "expected a date: a string such as '2008-05', a year such as 2008 or a "
            f"datetime.date; got {type(value).__name__} {shown(value)}",
            field=field,
        )

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        return "year" if self.month is None else "month" if self.day is None else "day"

    def sort_key(self) -> tuple[int, int, int]:
        """``(year, month, day)``, 0 for what the date does not give: dates of any precision
        in order, a year before its months.

        >>> sorted(["2025-05", "2008-05", "2025"], key=lambda text: ReferenceDate.parse(text).sort_key())
        ['2008-05', '2025', '2025-05']
        """
        return (self.year, self.month or 0, self.day or 0)

    def label(self, lang: str = "en") -> str:
        """The date for people: ``May 2008``, ``14 May 2008``; in Hindi ``मई 2008``."""
        if self.month is None:
            return str(self.year)
        months = _MONTHS_HI if check_language(lang) == "hi" else _MONTHS_EN
        day = "" if self.day is None else f"{self.day} "
        return f"{day}{months[self.month - 1]} {self.year}"

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def to_optional_date(value: ReferenceDate | str | int | dt.date | None) -> ReferenceDate | None:
    """Converter for optional reference-date fields."""
    return None if value is None else ReferenceDate.coerce(value)
