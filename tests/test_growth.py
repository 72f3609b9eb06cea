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
    growth = ck.get("customer-service").pay_growth(since="2008", until="2025")
    assert (growth.earlier.amount, growth.later.amount) == (Decimal("14.36"), Decimal("21.53"))
    assert (str(growth.earlier.when), str(growth.later.when)) == ("2008-05", "2025-05")
    assert growth.nominal == Decimal("0.4993")
    assert growth.real == Decimal("0.0104")
    (step,) = growth.earlier_in_later_prices.provenance
    assert (step.from_value, step.to_value) == (Decimal("216.632"), Decimal("321.465"))  # type: ignore[attr-defined]
    assert "+49.93%" in growth.explain() and "+1.04%" in growth.explain()


def test_the_whole_history_is_the_default() -> None:
    growth = ck.get("customer-service").pay_growth()
    assert (str(growth.earlier.when), str(growth.later.when)) == ("2004-05", "2025-05")
    assert (growth.earlier.amount, growth.later.amount) == (Decimal("12.99"), Decimal("21.53"))


def test_public_relations_series_starts_at_the_soc_2010_split() -> None:
    # SOC 2010 moved parts of SOC 2000's 27-3031 into 13-1121 and 13-1161: May 2008's
    # figure (the seed's, and BLS's) is of a broader occupation, and never joined
    career = ck.get("public-relations-specialist")
    history = career.pay_history(period="year")
    assert history.cut is not None and str(history.cut.starts) == "2010-05"
    assert "13-1121" in history.cut.reason and "13-1161" in history.cut.reason
    assert str(history[0].when) == "2010-05"
    assert "2008-05" in {str(band.reference_date) for band in career.pay_bands("US")}
    with pytest.raises(ck.PayBandNotFoundError, match=r"dated 2008;.*starts in May 2010"):
        career.pay_growth(since="2008")
    growth = career.pay_growth(since="2015", until="2025")
    assert (growth.earlier.amount, growth.later.amount) == (Decimal("27.29"), Decimal("35.94"))
    assert growth.earlier.period is ck.Period.HOUR  # the period most dates publish


def test_history_is_in_date_order_with_each_date() -> None:
    history = ck.get("csr").pay_history(region="US", statistic="median", period="hour")
    assert [str(p.when) for p in history] == sorted(str(p.when) for p in history)
    assert [(str(p.amount), str(p.when)) for p in history][3:5] == [
        ("14.36", "2008-05"),
        ("14.64", "2010-05"),
    ]
    assert all(p.provenance == () for p in history)  # all as published: nothing converted
    assert history.sources[3] == "bls-oews-may-2008"  # BLS's workbook, not the article's quote


def test_history_prefers_published_annual_figures() -> None:
    yearly = ck.get("csr").pay_history(period="year")
    assert yearly[3].amount == Decimal(29860)  # BLS's own May 2008 annual, not 14.36 x 2,080
    assert all(pay.provenance == () for pay in yearly)
    assert yearly[-1].amount == Decimal(44770)


def test_history_of_other_statistics_and_regions() -> None:
    p90 = ck.get("csr").pay_history(statistic="p90", period="year")
    assert p90[-1].amount == Decimal(63590)
    (texas,) = ck.get("registered-nurses").pay_history(region="US-TX", statistic="mean")
    assert texas.amount == Decimal("45.86")


def test_since_and_until() -> None:
    growth = ck.get("csr").pay_growth(since="2008-05", until="2025-05")
    assert growth.nominal == Decimal("0.4993")
    with pytest.raises(
        ck.PayBandNotFoundError, match="no US median dated 2009; its dates: 2004-05"
    ):
        ck.get("csr").pay_growth(since="2009")
    with pytest.raises(
        ck.ValidationError, match=r"^since: since \(2025-05\) must be before until \(2008-05\)"
    ):
        ck.get("csr").pay_growth(since="2025-05", until="2008-05")


def test_one_date_is_not_a_change() -> None:
    with pytest.raises(
        ck.PayBandNotFoundError, match=r"for one date only .2025-05.: growth needs two"
    ):
        ck.get("registered-nurses").pay_growth(region="US-TX")


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
    assert PayGrowth.between(earlier, later) == ck.get("csr").pay_growth(since="2008")


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
