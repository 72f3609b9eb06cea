"""Pay over time: history and growth, with the known values of the two rich profiles."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit as ck
from careerkit import PayGrowth


def bands(key: str, region: str, date: str) -> list[ck.PayBand]:
    return [b for b in ck.get(key).pay_bands(region) if str(b.reference_date) == date]


def test_customer_service_us_median_2008_to_2025() -> None:
    growth = ck.get("customer-service").pay_growth(region="US", statistic="median")
    assert (growth.earlier.amount, growth.later.amount) == (Decimal("14.36"), Decimal("21.53"))
    assert (str(growth.earlier.when), str(growth.later.when)) == ("2008-05", "2025-05")
    assert growth.nominal == Decimal("0.4993")
    assert growth.real == Decimal("0.0104")
    (step,) = growth.earlier_in_later_prices.provenance
    assert (step.from_value, step.to_value) == (Decimal("216.632"), Decimal("321.465"))  # type: ignore[attr-defined]
    assert "+49.93%" in growth.explain() and "+1.04%" in growth.explain()


def test_public_relations_us_median_2008_to_2025() -> None:
    growth = ck.get("public-relations-specialist").pay_growth()
    assert (growth.earlier.amount, growth.later.amount) == (Decimal(51280), Decimal(74750))
    assert growth.earlier.period is ck.Period.YEAR  # the period both dates publish
    assert growth.nominal == Decimal("0.4577")
    assert growth.real == Decimal("-0.0177")
    assert "-1.77%" in growth.explain()


def test_history_is_in_date_order_with_each_date() -> None:
    history = ck.get("csr").pay_history(region="US", statistic="median", period="hour")
    assert [(str(p.amount), str(p.when)) for p in history] == [
        ("14.36", "2008-05"),
        ("21.53", "2025-05"),
    ]
    assert all(p.provenance == () for p in history)  # both as published: nothing converted


def test_history_in_another_period_converts_only_what_was_not_published() -> None:
    yearly = ck.get("csr").pay_history(period="year")
    assert yearly[0].amount == Decimal("29868.80")  # 14.36 x 2,080: converted, and says so
    assert yearly[0].provenance and yearly[1].provenance == ()
    assert yearly[1].amount == Decimal(44770)  # BLS's own annual figure, not 21.53 x 2,080


def test_history_of_other_statistics_and_regions() -> None:
    (p90,) = ck.get("csr").pay_history(statistic="p90", period="year")
    assert p90.amount == Decimal(63590)
    (texas,) = ck.get("registered-nurses").pay_history(region="US-TX", statistic="mean")
    assert texas.amount == Decimal("45.86")


def test_since_and_until() -> None:
    growth = ck.get("csr").pay_growth(since="2008-05", until="2025-05")
    assert growth.nominal == Decimal("0.4993")
    with pytest.raises(
        ck.PayBandNotFoundError, match="no US median dated 2010; its dates: 2008-05, 2025-05"
    ):
        ck.get("csr").pay_growth(since="2010")
    with pytest.raises(
        ck.ValidationError, match=r"^since: since \(2025-05\) must be before until \(2008-05\)"
    ):
        ck.get("csr").pay_growth(since="2025-05", until="2008-05")


def test_one_date_is_not_a_change() -> None:
    with pytest.raises(
        ck.PayBandNotFoundError, match=r"for one date only .2025-05.: growth needs two"
    ):
        ck.get("registered-nurses").pay_growth()


def test_what_is_refused() -> None:
    national = bands("csr", "US", "2025-05")[0]
    california = bands("csr", "US-CA", "2025-05")[0]
    earlier = bands("csr", "US", "2008-05")[0]
    with pytest.raises(
        ck.ValidationError,
        match=r"^region: growth compares one region: a US band with a US-CA band",
    ):
        PayGrowth.between(earlier, california)
    with pytest.raises(
        ck.ValidationError,
        match=r"^later_statistic: growth compares one statistic: 'mean' with 'median'",
    ):
        PayGrowth.between(earlier, national, "mean", later_statistic="median")
    with pytest.raises(
        ck.PayBandNotFoundError, match=r"the earlier band \(US, 2008-05\) has no mean"
    ):
        PayGrowth.between(earlier, national, "mean")
    with pytest.raises(ck.ValidationError, match=r"^statistic: unknown statistic 'average'"):
        ck.get("csr").pay_history(statistic="average")
    with pytest.raises(ck.ValidationError, match=r"^region: unknown region 'US-XX'"):
        ck.get("csr").pay_history(region="US-XX")
    with pytest.raises(ck.PayBandNotFoundError, match="has no pay band for region 'GB'"):
        ck.get("csr").pay_history(region="GB")
    india = ck.get("csr").pay_bands("IN")[0]
    with pytest.raises(ck.PayBandNotFoundError, match="no dated IN pay band with a median"):
        ck.get("csr").pay_history(region="IN")
    with pytest.raises(ck.ValidationError, match="growth compares one region"):
        PayGrowth.between(india, national)


def test_between_two_bands_matches_the_career_method() -> None:
    earlier, later = bands("csr", "US", "2008-05")[0], bands("csr", "US", "2025-05")[0]
    assert PayGrowth.between(earlier, later) == ck.get("csr").pay_growth()


@given(
    st.decimals(min_value=1, max_value=10**6, places=2),
    st.decimals(min_value=1, max_value=10**6, places=2),
)
def test_growth_is_the_ratio_and_real_is_deflated(first: Decimal, second: Decimal) -> None:
    earlier = ck.Pay(first, "USD", "year", when="2008-05")
    later = ck.Pay(second, "USD", "year", when="2025-05")
    growth = PayGrowth.of(earlier, later, region="US", statistic="median")
    assert abs(growth.nominal - (second / first - 1)) <= Decimal("0.00005")
    prices = Decimal("321.465") / Decimal("216.632")
    assert abs(growth.real - (second / first / prices - 1)) <= Decimal("0.00005")
    assert growth.real <= growth.nominal  # prices rose: real growth is never the larger
