"""``to_frame()`` and ``to_polars()``: search results, a comparison, a pay history and a career's
pay bands, employment and outlook as DataFrames, in the one vocabulary of docs/columns.md."""

import math
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pandas as pd
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit
from careerkit import _career_table, _classify_table, _frames, _growth_table, _position_table
from careerkit.errors import PayBandNotFoundError, ValidationError, WrongTypeError
from careerkit.model import Period
from careerkit.testing import pay_bands

COLUMNS_PAGE = Path(__file__).parent.parent / "docs" / "columns.md"
TEA = """
id = "tea-taster"
title.en = "Tea taster"

[[sources]]
id = "s"
title.en = "Tea Board"

[[duties]]
source = "s"
text.en = "Tastes tea"
"""
PANDAS_KINDS = {"text": "str", "int": "Int64", "float": "float64", "bool": "bool"}
POLARS_KINDS = {"text": pl.String, "int": pl.Int64, "float": pl.Float64, "bool": pl.Boolean}


@pytest.fixture(scope="module")
def nurses() -> careerkit.Career:
    return careerkit.get("29-1141")


@pytest.fixture(scope="module")
def tea() -> careerkit.Career:
    """A career of a profile with nothing but a title, a source (``s``) and a duty."""
    return careerkit.from_toml(TEA)


@pytest.fixture(scope="module")
def comparison() -> careerkit.Comparison:
    # prices of 2024: the India band, which its source left undated, cannot be moved there
    return careerkit.compare(
        "csr", "pr-specialist", currency="INR", period="month", prices_of="2024"
    )


def documented() -> dict[str, str]:
    """Each column docs/columns.md lists, with its kind (the ``pNN`` patterns left out)."""
    found: dict[str, str] = {}
    text = COLUMNS_PAGE.read_text(encoding="utf-8")
    table = text.split("## The columns", 1)[1].split("\n## ", 1)[0]
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        for name in re.findall(r"`([a-z0-9_]+)`", cells[0]):
            assert name not in found, f"docs/columns.md lists {name} twice"
            found[name] = cells[1]
    return found


def rows_of(frame: pd.DataFrame | pl.DataFrame) -> list[dict[str, Any]]:
    """A frame's rows as dicts, every missing value (NaN, <NA>, null) as None."""
    if isinstance(frame, pl.DataFrame):
        return [
            {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in row.items()}
            for row in frame.to_dicts()
        ]
    return [
        {k: None if pd.isna(v) else (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
        for row in frame.to_dict("records")
    ]


def check_frame(frame: pd.DataFrame, polars: pl.DataFrame, columns: tuple[str, ...]) -> None:
    """The documented columns, of their documented types, in both libraries, which agree."""
    assert list(frame.columns) == list(columns) == polars.columns
    for name in columns:
        kind = _frames.kind_of(name)
        assert str(frame[name].dtype) == PANDAS_KINDS[kind], name
        assert polars[name].dtype == POLARS_KINDS[kind], name
    assert rows_of(frame) == rows_of(polars)


# --- the vocabulary, documented once --------------------------------------------------------------


def test_the_page_documents_every_column_once_with_its_kind() -> None:
    found = documented()
    assert set(_frames.KINDS) <= set(found)
    assert {name: _frames.kind_of(name) for name in found} == found


@pytest.mark.parametrize(
    ("table", "columns"),
    [
        ("careers_frame", _career_table.COLUMNS),
        ("growth_frame", _growth_table.COLUMNS),
        ("pay_position", _position_table.COLUMNS),
        ("classify", tuple((name, _frames.kind_of(name)) for name in _classify_table.COLUMNS)),
    ],
)
def test_the_older_frames_use_the_same_vocabulary(
    table: str, columns: tuple[tuple[str, str], ...]
) -> None:
    for name, kind in columns:
        assert name in _frames.KINDS, f"{table}'s {name} is not in docs/columns.md"
        assert _frames.KINDS[name] == kind, f"{table}'s {name} is {kind}, documented otherwise"


def test_every_table_lists_documented_columns_only() -> None:
    known = documented()
    for columns in _frames.TABLES.values():
        assert set(columns) <= set(known)
    text = COLUMNS_PAGE.read_text(encoding="utf-8")
    for table in ("search", "pay", "employment", "outlook", "history"):
        assert ", ".join(f"`{name}`" for name in _frames.TABLES[table]) in " ".join(text.split())


# --- a career's pay bands, employment and outlook ---------------------------------------------------


def test_nurses_pay_frame_has_the_may_2025_median_the_scalar_api_gives(
    nurses: careerkit.Career,
) -> None:
    (band,) = [
        band
        for band in nurses.pay_bands("US")
        if str(band.reference_date) == "2025-05" and band.period is Period.YEAR
    ]
    assert band.median == Decimal("97550")  # OEWS May 2025, 29-1141, annual median
    frame = nurses.to_frame("pay")
    check_frame(frame, nurses.to_polars("pay"), _frames.TABLES["pay"])
    assert len(frame) == len(nurses.pay)
    us = frame[(frame.region == "US") & (frame.date == "2025-05") & (frame.period == "year")]
    assert us["median"].tolist() == [float(band.median)]
    assert us[["p10", "p90", "mean"]].iloc[0].tolist() == [
        float(band.percentiles[10]),
        float(band.percentiles[90]),
        float(band.mean),  # type: ignore[arg-type]
    ]
    assert us["source"].tolist() == [band.source]
    texas = nurses.to_polars("pay", region="US-TX")
    assert set(texas["region"]) == {"US-TX"}
    assert len(texas) == len(nurses.pay_bands("US-TX"))


def test_a_band_without_a_figure_has_a_missing_value_never_zero() -> None:
    csr = careerkit.get("customer-service")
    frame = csr.to_frame("pay", region="IN")
    (band,) = csr.pay_bands("IN")
    row = frame.iloc[0]
    assert (row["low"], row["high"]) == (float(band.low), float(band.high))  # type: ignore[arg-type]
    assert row[["p10", "median", "p90", "mean", "mean_rse", "top_code"]].isna().all()
    assert pd.isna(row["date"]) and band.reference_date is None
    assert bool(row["indicative"]) is band.indicative
    polars = csr.to_polars("pay", region="IN")
    assert polars.select("median", "date").row(0) == (None, None)


def test_an_area_s_bands_name_the_area() -> None:
    csr = careerkit.get("customer-service")
    frame = csr.to_frame("pay", region="austin")
    bands = csr.pay_bands("austin")
    assert frame["area"].tolist() == [band.area.name for band in bands]  # type: ignore[union-attr]
    assert frame["median"].tolist() == [float(band.median) for band in bands]  # type: ignore[arg-type]


def test_employment_and_outlook_frames(nurses: careerkit.Career) -> None:
    jobs = nurses.to_frame("employment")
    check_frame(jobs, nurses.to_polars("employment"), _frames.TABLES["employment"])
    (us,) = nurses.employment_in("US")
    row = jobs.set_index("region").loc["US"]
    assert (int(row["employment"]), row["date"]) == (us.count, str(us.reference_date))
    assert pd.isna(row["per_1000"]) and us.per_1000 is None  # a figure for parts of a country
    outlook = nurses.to_frame("outlook")
    check_frame(outlook, nurses.to_polars("outlook"), _frames.TABLES["outlook"])
    (projection,) = nurses.outlook
    assert outlook[["base_year", "openings", "change"]].iloc[0].tolist() == [
        projection.base_year,
        projection.openings,
        projection.change,
    ]
    assert outlook["change_percent"].tolist() == [float(projection.change_percent)]
    assert len(nurses.to_frame("outlook", region="US")) == 1


def test_a_career_without_a_table_s_items_gives_every_column_and_no_row(
    tea: careerkit.Career,
) -> None:
    for table in ("pay", "employment", "outlook"):
        frame, polars = tea.to_frame(table), tea.to_polars(table)
        assert len(frame) == len(polars) == 0
        check_frame(frame, polars, _frames.TABLES[table])


@given(bands=st.lists(pay_bands(st.just("s")), max_size=3))
def test_every_band_s_figures_are_its_decimals_as_floats(
    tea: careerkit.Career, bands: list[careerkit.PayBand]
) -> None:
    career = attrs.evolve(tea, pay=bands)
    frame = career.to_frame("pay")
    assert len(frame) == len(bands)
    for band, (_, row) in zip(bands, frame.iterrows(), strict=True):
        named = {"low": band.low, "high": band.high, "mean": band.mean}
        named.update(("median" if k == 50 else f"p{k}", v) for k, v in band.percentiles.items())
        for name in {"low", "high", "mean", "p10", "p25", "median", "p75", "p90", *named}:
            value = named.get(name)
            if value is None:
                assert pd.isna(row[name]), name
            else:
                assert row[name] == float(value), name
        assert row["region"] == band.region and row["period"] == band.period.value
    assert rows_of(frame) == rows_of(career.to_polars("pay"))


def test_a_career_s_tables_are_named_and_checked(nurses: careerkit.Career) -> None:
    with pytest.raises(ValidationError, match=r"'pay' .*'employment' and 'outlook'"):
        nurses.to_frame("bands")
    with pytest.raises(WrongTypeError, match="table"):
        nurses.to_polars(3)  # type: ignore[arg-type]
    with pytest.raises(PayBandNotFoundError, match="IN"):
        nurses.to_frame("pay", region="IN")
    with pytest.raises(ValidationError, match="not of an area"):
        nurses.to_frame("outlook", region="austin")
    with pytest.raises(ValidationError):
        nurses.to_frame("outlook", region="in")


# --- search results, pay history, comparison --------------------------------------------------------


def test_search_results_frame_is_the_results_attributes() -> None:
    results = careerkit.search("nurse")
    frame = results.to_frame()
    check_frame(frame, results.to_polars(), _frames.TABLES["search"])
    assert frame.to_dict("list") == {
        "id": [r.id for r in results],
        "title": [r.title for r in results],
        "soc": [r.soc for r in results],
        "score": [r.score for r in results],
        "field": [r.field for r in results],
        "matched": [r.matched for r in results],
    }
    assert frame.loc[0, "soc"] == "29-1141"


def test_pay_history_frame_is_the_history_date_by_date(nurses: careerkit.Career) -> None:
    history = nurses.pay_history(period="year")
    frame = history.to_frame()
    check_frame(frame, history.to_polars(), _frames.TABLES["history"])
    assert frame["date"].tolist() == [str(pay.when) for pay in history]
    assert frame["pay"].tolist() == [float(pay.amount) for pay in history]
    assert frame["source"].tolist() == list(history.sources)
    last = frame.iloc[-1]
    assert (last["date"], last["pay"], last["currency"], last["period"]) == (
        "2025-05",
        97550.0,
        "USD",
        "year",
    )


def test_a_top_coded_date_is_a_row_with_no_figure() -> None:
    history = careerkit.get("11-1011").pay_history(period="year")
    assert history.top_coded  # BLS published May 2007's median only as ">= top code"
    frame = history.to_frame()
    assert len(frame) == len(history) + len(history.top_coded)
    capped = frame[frame["top_coded"].notna()]
    assert capped["date"].tolist() == [str(date) for date in history.top_coded]
    assert capped["pay"].isna().all() and set(capped["top_coded"]) == {"median"}
    assert list(frame["date"]) == sorted(frame["date"])
    assert rows_of(frame) == rows_of(history.to_polars())


def test_comparison_frame_has_stated_and_converted_figures_and_reasons(
    comparison: careerkit.Comparison,
) -> None:
    frame = comparison.to_frame()
    polars = comparison.to_polars()
    assert rows_of(frame) == rows_of(polars)
    assert len(frame) == len(comparison.rows)
    for row, (_, got) in zip(comparison.rows, frame.iterrows(), strict=True):
        assert got["career"] == row.career.id
        assert (got["converted_currency"], got["converted_period"]) == ("INR", "month")
        assert got["prices_of"] == "2024"
        stated = row.band.median
        assert pd.isna(got["median"]) if stated is None else got["median"] == float(stated)
        if row.converted is None:
            assert got["reason"] == row.reason
            assert (
                got.filter(like="converted_")
                .drop(["converted_currency", "converted_period"])
                .isna()
                .all()
            )
        else:
            assert pd.isna(got["reason"])
            median = row.converted.median
            assert (
                pd.isna(got["converted_median"])
                if median is None
                else got["converted_median"] == float(median.amount)
            )
    (unconverted,) = [row for row in comparison.rows if row.converted is None]
    reasons = frame["reason"].dropna().tolist()
    assert reasons == [unconverted.reason]
    assert "no reference date" in reasons[0]


def test_comparison_columns_are_documented(comparison: careerkit.Comparison) -> None:
    frame, polars = comparison.to_frame(), comparison.to_polars()
    check_frame(frame, polars, tuple(frame.columns))
    known = documented()
    for name in frame.columns:
        base = name.removeprefix("converted_")
        assert name in known or base in known or re.fullmatch(r"p\d\d?", base), name
    assert list(frame.columns[:19]) == list(_frames.TABLES["pay"])
    assert frame.columns[-1] == "reason"


# --- the extras ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("library", "method", "extra"),
    [("pandas", "to_frame", "pandas"), ("polars", "to_polars", "polars")],
)
def test_without_the_extra_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, nurses: careerkit.Career, library: str, method: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, library, None)  # as if it were not installed
    calls = [
        lambda: getattr(careerkit.search("nurse"), method)(),
        lambda: getattr(nurses, method)("pay"),
        lambda: getattr(nurses.pay_history(), method)(),
        lambda: getattr(careerkit.compare("csr", currency="USD", period="year"), method)(),
    ]
    for call in calls:
        with pytest.raises(
            ModuleNotFoundError, match=rf"pip install 'careerkit\[{extra}\]'"
        ) as error:
            call()
        assert error.value.name == library
        assert f".{method}() needs {library}" in str(error.value)


def test_texas_against_california_in_rupees_agrees_with_the_scalar_path(
    nurses: careerkit.Career,
) -> None:
    table = careerkit.compare(nurses, region=["US-TX", "US-CA"], currency="INR", period="year")
    frame = table.to_frame()
    assert rows_of(frame) == rows_of(table.to_polars())
    for region in ("US-TX", "US-CA"):
        scalar = nurses.pay_in("INR", "year", region=region)
        mine = frame[frame.region == region]
        assert mine["converted_median"].tolist() == [
            float(band.median.amount)  # type: ignore[union-attr]
            for band in scalar
        ]
        assert mine["median"].tolist() == [float(band.band.median) for band in scalar]  # type: ignore[arg-type]
    texas = frame[(frame.region == "US-TX") & (frame.period == "year")]
    assert texas["median"].tolist() == [95970.0]  # OEWS May 2025, Texas, annual median
