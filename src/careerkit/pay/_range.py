"""``PayRange``: a low and a high ``Pay`` in one currency, per one period."""

from __future__ import annotations

import attrs

from careerkit.errors import ValidationError
from careerkit.model.pay_band import Period
from careerkit.pay._pay import Pay


@attrs.frozen
class PayRange:
    """Two pay figures in the same currency, period and date, low first.

    >>> PayRange(Pay(10000, "INR", "month"), Pay(28000, "INR", "month"))
    PayRange(Pay('10000.00 INR/month'), Pay('28000.00 INR/month'))
    """

    low: Pay
    high: Pay

    def __attrs_post_init__(self) -> None:
        low, high = self.low, self.high
        if (low.currency, low.period, low.when) != (high.currency, high.period, high.when):
            raise ValidationError(
                f"a pay range needs one currency, period and date; got {low!r} and {high!r}"
            )
        if low.exact > high.exact:
            raise ValidationError(f"the low end {low!r} is above the high end {high!r}")

    @property
    def currency(self) -> str:
        return self.low.currency

    @property
    def period(self) -> Period:
        return self.low.period

    def __repr__(self) -> str:
        return f"PayRange({self.low!r}, {self.high!r})"
