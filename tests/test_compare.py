"""compare(): every band converted with the pay engine, failures reported, facts side by side."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import careerkit as ck
from careerkit import Pay
from careerkit.serialization import to_json


@pytest.fixture(scope="module")
def table() -> ck.Comparison:
    return ck.compare(
        "customer-service",
        "public-relations-specialist",
        currency="INR",
        period="month",
        prices_of="2024",
    )


def test_one_row_per_career_and_band(table: ck.Comparison) -> None:
    rows = [(row.career.id, row.band.region, str(row.band.reference_date)) for row in table.rows]
    assert rows == [
        ("customer-service", "US", "2008-05"),
        ("customer-service", "IN", "None"),
        ("customer-service", "US", "2025-05"),  # hourly, as BLS published it
        ("customer-service", "US", "2025-05"),  # annual
        ("public-relations-specialist", "US", "2008-05"),
        ("public-relations-specialist", "US", "2025-05"),
        ("public-relations-specialist", "US", "2025-05"),
    ]  # countries only: the catalogue's 54 state bands each come with region=


def test_rows_use_the_pay_engine(table: ck.Comparison) -> None:
    us = table.rows[0].converted
    assert us is not None and us.median is not None
    expected = (
        Pay("14.36", "USD", "hour", when="2008-05")
        .per("month")
        .in_prices_of("2024")
        .to_currency("INR")
    )
    assert us.median == expected
    assert us.provenance == expected.provenance


def test_unconvertible_band_is_reported_not_dropped(table: ck.Comparison) -> None:
    india = table.rows[1]
    assert india.converted is None
    assert india.reason is not None and "has no reference date" in india.reason
    assert "not converted: the IN pay band in INR per month" in str(table)


def test_text_table(table: ck.Comparison) -> None:
    text = table.render("en", "en_IN")
    assert text.splitlines()[0] == "Pay in INR per month, in prices of 2024"
    assert "median $14.36 an hour (May 2008)" in text
    assert "median ₹3,01,517.96 a month" in text
    assert "p10 $30,140, median $51,280, p90 $97,910 a year (May 2008)" in text
    assert (
        "  Career ladder: Customer Care Executive → Customer Care Senior Executive → Assistant Manager → Manager"
        in text
    )
    assert "  Course fees: IN: ₹2,999–₹1,20,000 a year" in text
    assert "  Funding: scholarships: National Scholarship Portal, Buddy4Study; loans:" in text
    assert (
        "  Entry routes: US: Bachelor's degree in public relations, journalism or communication → Internship"
        in text
    )


def test_hindi_table(table: ck.Comparison) -> None:
    text = table.render("hi", "hi")
    assert text.splitlines()[0] == "वेतन: INR, प्रति माह, 2024 की कीमतों पर"
    assert "मंझला ₹3,01,517.96 प्रति माह" in text
    assert "करियर में प्रगति: कस्टमर केयर एग्जीक्यूटिव → कस्टमर केयर सीनियर एग्जीक्यूटिव" in text


def test_to_dict_is_json_and_complete(table: ck.Comparison) -> None:
    data = json.loads(to_json(table.to_dict()))
    assert data["currency"] == "INR" and data["prices_of"] == "2024"
    us, india, us_hour, _, pr, *_ = data["rows"]
    assert us_hour["stated"]["mean"] == "22.40" and us_hour["stated"]["mean_rse"] == "0.2"
    assert us_hour["converted"]["mean"] is not None
    assert us["converted"]["percentiles"]["50"] == "301517.96"
    assert us["stated"]["percentiles"] == {"50": "14.36"}
    assert india["converted"] is None and "has no reference date" in india["error"]
    assert set(pr["converted"]["percentiles"]) == {"10", "50", "90"}
    assert data["careers"][0]["ladder"]


def test_html(table: ck.Comparison) -> None:
    html = table._repr_html_()
    assert html.startswith("<table><caption>Pay in INR per month, in prices of 2024</caption>")
    assert html.count("<tr>") == 8


def test_region_filter_and_objects() -> None:
    table = ck.compare(ck.get("csr"), currency="USD", period="year", region="US")
    row, _, annual = table.rows
    assert row.converted is not None and row.converted.median is not None
    assert row.converted.median.amount == Decimal("29868.80")
    assert annual.converted is not None and annual.converted.median is not None
    assert annual.converted.median.amount == Decimal(44770)  # BLS's own annual figure
    assert repr(table) == "<Comparison of customer-service in USD per year, 3 rows>"
    california = ck.compare("43-4051", "27-3031", currency="USD", period="year", region="US-CA")
    assert [row.band.region for row in california.rows] == ["US-CA"] * 4
    assert california.rows[1].band.median == Decimal(49560)  # PROVENANCE.md's anchor


def test_errors() -> None:
    with pytest.raises(ck.ProfileNotFoundError):
        ck.compare("astronaut", currency="INR", period="month")
    with pytest.raises(ck.UnknownCurrencyError):
        ck.compare("csr", currency="INX", period="month")
    with pytest.raises(ck.ValidationError, match="compare needs at least one career"):
        ck.compare(currency="INR", period="month")
    with pytest.raises(ck.ValidationError, match="unknown period 'fortnight'"):
        ck.compare("csr", currency="INR", period="fortnight")
