"""``convert_array`` agrees with the scalar ``Pay`` path, and handles a million values."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Pay, convert_array

DATES = ["2008-05", "2012", "2020-01", dt.date(2024, 3, 15)]


def scalar(amount: float, when: object, **steps: object) -> float:
    pay = Pay(amount, "USD", "hour", when=when)  # type: ignore[arg-type]
    pay = pay.per("month")
    if steps.get("prices_of"):
        pay = pay.in_prices_of(steps["prices_of"])  # type: ignore[arg-type]
    return float(pay.to_currency("INR").exact)


@given(
    st.lists(st.floats(min_value=0, max_value=1e7, allow_subnormal=False), min_size=1, max_size=20),
    st.sampled_from(DATES),
)
def test_agrees_with_the_scalar_path(amounts: list[float], when: object) -> None:
    result = convert_array(
        amounts,
        currency="USD",
        period="hour",
        when=when,
        to_period="month",
        to_currency="INR",  # type: ignore[arg-type]
    )
    expected = [scalar(a, when) for a in amounts]
    np.testing.assert_allclose(result, expected, rtol=1e-9, atol=0)


@given(
    st.lists(
        st.tuples(st.floats(0, 1e6, allow_subnormal=False), st.sampled_from(DATES)),
        min_size=1,
        max_size=20,
    )
)
def test_one_date_per_amount(rows: list[tuple[float, object]]) -> None:
    amounts, dates = zip(*rows, strict=True)
    result = convert_array(
        amounts,
        currency="USD",
        period="hour",
        when=dates,
        to_period="month",
        to_currency="INR",
        prices_of="2024",
    )
    expected = [scalar(a, w, prices_of="2024") for a, w in rows]
    np.testing.assert_allclose(result, expected, rtol=1e-9, atol=0)


def test_a_million_values() -> None:
    amounts = np.linspace(0, 100, 1_000_000)
    result = convert_array(amounts, currency="USD", period="hour", when="2008-05", to_period="year")
    assert result.dtype == np.float64 and result.shape == (1_000_000,)
    assert result[-1] == pytest.approx(100 * 2080, rel=1e-12)


def test_errors() -> None:
    with pytest.raises(
        ck.ValidationError, match=r"^row 0 \(amount=-1\.0, .*\): an amount must be a number from 0"
    ):
        convert_array([-1.0], currency="USD", period="hour", when=None, to_period="year")
    with pytest.raises(ck.ValidationError, match="got 2 amounts but 1 dates"):
        convert_array([1.0, 2.0], currency="USD", period="hour", when=["2008"], to_currency="INR")
    with pytest.raises(ck.DateRequiredError):
        convert_array([1.0], currency="USD", period="hour", when=None, to_currency="INR")
