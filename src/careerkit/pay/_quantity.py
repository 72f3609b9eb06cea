"""The bridge to pint: ``Pay`` <-> ``Quantity`` of currency per time.

pint knows time but not money, and its ``year`` is a calendar year (365.25
days, 8,766 hours): ``(14.36 USD/hour).to("USD/year")`` gives 125,879.76, not
the 29,868.80 a 2,080-hour working year gives. careerkit therefore gives each
currency its own pint dimension (so USD never converts to INR 1:1) and reads the
time unit as a *pay period*, converted by :meth:`careerkit.Pay.per` under a work
schedule, never by pint.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from careerkit.errors import ValidationError, import_extra, wrong_type
from careerkit.model import _iso
from careerkit.model.pay_band import Period

if TYPE_CHECKING:
    import pint

_PERIODS = {period.value for period in Period}


@functools.cache
def default_registry() -> pint.UnitRegistry[Any]:
    """A pint registry with ``Decimal`` magnitudes, shared by :func:`to_quantity` calls."""
    library = import_extra("pint", "pint", "Pay.to_quantity()")
    registry: pint.UnitRegistry[Any] = library.UnitRegistry(non_int_type=Decimal)
    return registry


def _ensure_currency(registry: pint.UnitRegistry[Any], code: str) -> None:
    if code not in registry:
        registry.define(f"{code} = [currency_{code}]")


def to_quantity(
    amount: Decimal, currency: str, period: str, registry: pint.UnitRegistry[Any] | None
) -> pint.Quantity[Any]:
    library = import_extra("pint", "pint", "Pay.to_quantity()")
    if registry is not None and not isinstance(registry, library.UnitRegistry):
        raise wrong_type("a pint.UnitRegistry or None", registry, "registry")
    reg = default_registry() if registry is None else registry
    _ensure_currency(reg, currency)
    magnitude: Any = amount if getattr(reg, "non_int_type", float) is Decimal else float(amount)
    return reg.Quantity(magnitude, f"{currency} / {period}")


def from_quantity(quantity: pint.Quantity[Any]) -> tuple[Any, str, str]:
    """``(magnitude, currency, period)`` of a quantity of one currency per one time unit."""
    units = dict(getattr(quantity, "_units", {}) or {})
    currencies = [name for name, power in units.items() if power == 1]
    periods = [name for name, power in units.items() if power == -1]
    if len(units) != 2 or len(currencies) != 1 or len(periods) != 1:
        raise ValidationError(
            f"expected a quantity of one currency per one period, such as 14.36 USD/hour, "
            f"got units {quantity.units if hasattr(quantity, 'units') else quantity!r}"
        )
    (currency,), (period,) = currencies, periods
    _iso.check_currency(currency)
    if period not in _PERIODS:
        raise ValidationError(
            f"{period!r} is not a pay period: use hour, day, week, month or year "
            "(careerkit converts between them under a work schedule, not a calendar)"
        )
    return quantity.magnitude, currency, period
