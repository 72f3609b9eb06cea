"""``careers_frame``: one row per career, in pandas and polars, each figure the career's own.

The expected figures are worked out here from each career's own pay bands, employment,
entry routes, preparation and outlook, not by the code under test.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pandas as pd
import polars as pl
import pytest

import careerkit as ck
import careerkit.pandas
import careerkit.polars
from careerkit import PayBandNotFoundError, ValidationError

COLUMNS = [
    "id", "title", "soc", "major_group", "employment", "hourly_median", "annual_median",
    "currency", "education", "job_zone", "change_percent", "openings",
]  # fmt: skip


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return careerkit.pandas.careers_frame()


@pytest.fixture(scope="module")
def polars_frame() -> pl.DataFrame:
    return careerkit.polars.careers_frame()


def newest(items: list, region: str) -> object:  # type: ignore[type-arg]
    """The item of *region* with the latest date, undated ones left out."""
    dated = [item for item in items if item.region == region and item.reference_date]
    dated.sort(key=lambda item: (item.reference_date.year, item.reference_date.month or 0))
    return dated[-1] if dated else None


def median(career: ck.Career, region: str, period: str) -> float:
    bands = [b for b in career.pay if b.period.value == period and 50 in b.percentiles]
    band = newest(bands, region)
    return math.nan if band is None else float(band.percentiles[50])  # type: ignore[attr-defined]


def test_one_row_per_career_with_its_columns(frame: pd.DataFrame) -> None:
    assert list(frame.columns) == COLUMNS
    assert frame["id"].tolist() == [career.id for career in ck.careers()]
    assert str(frame["job_zone"].dtype) == "Int64" and str(frame["openings"].dtype) == "Int64"
    assert frame["annual_median"].dtype == "float64"


def test_customer_service_representatives_row(frame: pd.DataFrame) -> None:
    row = frame.set_index("soc").loc["43-4051"]
    assert row["id"] == "customer-service"
    assert row["annual_median"] == 44770.0 and row["hourly_median"] == 21.53
    assert row["currency"] == "USD"
    assert row["education"] == "High school diploma or equivalent"
    assert row["job_zone"] == 2
    assert row["change_percent"] == -5.5
    assert row["openings"] == 341700
    assert row["major_group"] == "43-0000"
    assert row["employment"] == 2595750  # OEWS May 2025


def test_every_row_is_the_careers_own_figures(frame: pd.DataFrame) -> None:
    for career, row in zip(ck.careers(), frame.itertuples(index=False), strict=True):
        assert row.id == career.id and row.title == career.title.en
        for got, want in (
            (row.annual_median, median(career, "US", "year")),
            (row.hourly_median, median(career, "US", "hour")),
        ):
            assert got == want or (math.isnan(got) and math.isnan(want)), career.id
        jobs = newest(list(career.employment), "US")
        assert (row.employment is pd.NA) if jobs is None else row.employment == jobs.count  # type: ignore[attr-defined]
        (route,) = [r for r in career.entry_routes if r.source == "bls-ep-2024-34"]
        assert row.education == route.minimum_qualification.en
        (outlook,) = career.outlook
        assert row.change_percent == float(outlook.change_percent)
        assert Decimal(str(row.change_percent)) == outlook.change_percent
        assert row.openings == outlook.openings
        zone = None if career.preparation is None else career.preparation.job_zone
        assert (row.job_zone is pd.NA) if zone is None else row.job_zone == zone


def test_the_same_rows_in_pandas_and_polars(
    frame: pd.DataFrame, polars_frame: pl.DataFrame
) -> None:
    assert polars_frame.columns == COLUMNS
    assert polars_frame.schema["job_zone"] == pl.Int64
    assert polars_frame.schema["annual_median"] == pl.Float64

    def plain(value: object) -> object:
        missing = (
            value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
        )
        return None if missing else value

    from_pandas = [tuple(map(plain, row)) for row in frame.astype(object).itertuples(index=False)]
    assert from_pandas == polars_frame.rows()
    assert polars_frame["annual_median"].null_count() == frame["annual_median"].isna().sum() > 0


def test_a_states_pay(frame: pd.DataFrame) -> None:
    texas = careerkit.pandas.careers_frame("US-TX").set_index("id")
    nurses = ck.get("29-1141")
    assert texas.loc[nurses.id, "annual_median"] == median(nurses, "US-TX", "year")
    assert (
        texas.loc[nurses.id, "annual_median"]
        != frame.set_index("id").loc[nurses.id, "annual_median"]
    )
    # the outlook and education stay the national ones
    assert texas.loc[nurses.id, "openings"] == nurses.outlook[0].openings


def test_an_unknown_region_and_one_without_figures_are_refused() -> None:
    with pytest.raises(ValidationError, match="unknown region 'XX'"):
        careerkit.pandas.careers_frame("XX")
    with pytest.raises(ValidationError, match="unknown region"):
        careerkit.polars.careers_frame("us")
    with pytest.raises(
        PayBandNotFoundError, match="no career has pay or employment figures for region 'FR'"
    ):
        careerkit.polars.careers_frame("FR")
