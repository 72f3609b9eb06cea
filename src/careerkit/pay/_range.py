"""``PayRange``: pay from a low to a high figure, in one currency, per one period; one end may be open."""

from __future__ import annotations

import attrs

from careerkit import _hooks
from careerkit.errors import ValidationError, wrong_type
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import Period
from careerkit.pay._pay import Pay


def _pay_or_none(_: object, attribute: attrs.Attribute[Pay | None], value: object) -> None:
    if value is not None and not isinstance(value, Pay):
        raise wrong_type("a Pay or None", value, attribute.name)


@attrs.frozen
class PayRange:
    """Pay from ``low`` to ``high``, in one currency, per one period, as of one date.

    An open range has one end ``None``: "up to ₹8 LPA" is ``PayRange(None,
    Pay(800000, "INR", "year"))`` and "from $50,000 a year" or "$60K+ a year"
    ``PayRange(Pay(50000, "USD", "year"), None)``. careerkit never invents the
    missing end.

    ``repr`` is Python that builds the range again; ``str`` is for people, in English,
    by :func:`~careerkit.format_pay`, with the date.

    >>> PayRange(Pay(10000, "INR", "month"), Pay(28000, "INR", "month"))
    PayRange(Pay('10000.00', 'INR', 'month'), Pay('28000.00', 'INR', 'month'))
    >>> low, high = Pay(10000, "INR", "month", when="2024"), Pay(28000, "INR", "month", when="2024")
    >>> print(PayRange(low, high))
    ₹10,000–₹28,000 a month (2024)
    >>> PayRange(None, Pay(800000, "INR", "year")).is_open
    True
    """

    low: Pay | None = attrs.field(validator=_pay_or_none)
    """The low end; ``None`` for a range open below ("up to ₹8 LPA")."""
    high: Pay | None = attrs.field(validator=_pay_or_none)
    """The high end; ``None`` for a range open above ("from $50,000 a year")."""

    def __attrs_post_init__(self) -> None:
        low, high = self.low, self.high
        if low is None or high is None:
            if low is None and high is None:
                raise ValidationError("a pay range needs a low end, a high end or both")
            return
        if (low.currency, low.period, low.when) != (high.currency, high.period, high.when):
            raise ValidationError(
                f"a pay range needs one currency, period and date; got {low!r} and {high!r}"
            )
        if low._num * high._den > high._num * low._den:  # low.exact > high.exact, sooner
            raise ValidationError(f"the low end {low!r} is above the high end {high!r}")

    @property
    def ends(self) -> tuple[Pay, ...]:
        """The ends the range has: both, or the one an open range gives."""
        return tuple(end for end in (self.low, self.high) if end is not None)

    @property
    def is_open(self) -> bool:
        """Whether one end is missing ("up to ...", "from ...")."""
        return self.low is None or self.high is None

    @property
    def currency(self) -> str:
        """The currency of both ends."""
        return self.ends[0].currency

    @property
    def period(self) -> Period:
        """The period of both ends."""
        return self.ends[0].period

    @property
    def when(self) -> ReferenceDate | None:
        """The date of both ends (``None`` if undated)."""
        return self.ends[0].when

    def __repr__(self) -> str:
        return f"PayRange({self.low!r}, {self.high!r})"

    def __str__(self) -> str:
        when = self.when
        return _hooks.format_pay.call(self, "en") + ("" if when is None else f" ({when.label()})")
