"""pint interop: quantities of currency per time, without pint's calendar-year trap."""

from __future__ import annotations

from decimal import Decimal

import pint
import pytest

import careerkit as ck
from careerkit import Pay


def test_the_calendar_year_trap_and_how_careerkit_avoids_it() -> None:
    ureg = pint.UnitRegistry()
    ureg.define("USD = [currency_USD]")
    wage = 14.36 * ureg.USD / ureg.hour
    assert wage.to("USD / year").magnitude == pytest.approx(125_879.76, abs=0.01)  # 8,766 hours
    assert Pay.from_quantity(wage).per("year").amount == Decimal("29868.80")  # 2,080 hours


def test_round_trip_through_a_quantity() -> None:
    pay = Pay("14.36", "USD", "hour")
    quantity = pay.to_quantity()
    assert quantity.magnitude == Decimal("14.36")
    assert str(quantity.units) == "USD / hour"
    assert Pay.from_quantity(quantity) == pay


def test_currencies_are_separate_dimensions() -> None:
    inr = Pay(100, "INR", "month").to_quantity()
    with pytest.raises(pint.DimensionalityError):
        inr.to("USD / month")


def test_a_registry_of_the_callers() -> None:
    ureg = pint.UnitRegistry()
    quantity = Pay(100, "INR", "month").to_quantity(ureg)
    assert quantity.magnitude == 100.0 and isinstance(quantity.magnitude, float)
    assert Pay.from_quantity(quantity, when="2008").when == ck.ReferenceDate(2008)


def test_bad_quantities() -> None:
    ureg = pint.UnitRegistry()
    ureg.define("USD = [currency_USD]")
    with pytest.raises(
        ck.ValidationError, match="expected a quantity of one currency per one period"
    ):
        Pay.from_quantity(14.36 * ureg.USD)
    with pytest.raises(ck.ValidationError, match="'second' is not a pay period"):
        Pay.from_quantity(14.36 * ureg.USD / ureg.second)
    ureg.define("ABC = [currency_ABC]")
    with pytest.raises(ck.UnknownCurrencyError, match="unknown currency 'ABC'"):
        Pay.from_quantity(1 * ureg.ABC / ureg.hour)
