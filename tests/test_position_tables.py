"""Offers placed in tables: ``df.careerkit.pay_position`` in pandas and polars, and
``careerkit.dask.pay_position``, each equal row for row to ``Career.pay_position``."""

from __future__ import annotations

import math
from typing import Any

import dask.dataframe as dd
import numpy as np
import pandas as pd
import polars as pl
import pytest
from distributed import Client
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit as ck
import careerkit._position_table as position_table
import careerkit.dask
import careerkit.pandas
import careerkit.polars

COLUMNS = [
    "career",
    "region",
    "area",
    "band_date",
    "bracket",
    "lower",
    "upper",
    "percentile",
    "pay",
    "currency",
    "period",
    "reason",
]
MAY_2025 = "2025-05"

# Rows of (career, region, amount, currency, period, when): good ones, and ones that fail
POOL: list[tuple[Any, ...]] = [
    ("43-4051", "US", 52000.0, "USD", "year", MAY_2025),
    ("csr", "US", 52000.0, "USD", "year", MAY_2025),
    ("43-4051", "US", 25.0, "USD", "hour", MAY_2025),
    ("43-4051", "US-TX", 4000.0, "USD", "month", MAY_2025),
    ("43-4051", "austin", 52000.0, "USD", "year", MAY_2025),
    ("43-4051", "US", 31750.0, "USD", "year", MAY_2025),
    ("43-4051", "US", 35000.0, "INR", "month", MAY_2025),
    ("43-4051", "US", 50000.0, "USD", "year", "2024-05"),
    ("29-1141", "US-CA", 60.0, "USD", "hour", MAY_2025),
    ("athletes-and-sports-competitors", "US-CA", 200000.0, "USD", "year", MAY_2025),
    ("43-4051", "US", 90000.0, "USD", "year", MAY_2025),
    ("43-4051", "US", float("nan"), "USD", "year", MAY_2025),  # no offer: nothing to place
    ("43-4051", "US", 35000.0, "INR", "month", "2024-05"),  # no IN inflation for 2025
    ("43-4051", "US", 52000.0, "USD", "year", None),  # undated
    ("43-4051", "US", 52000.0, "XYZ", "year", MAY_2025),  # unknown currency
    ("43-4051", "IN-WB", 52000.0, "USD", "year", MAY_2025),  # no band there
    ("43-4051", "IN", 52000.0, "USD", "year", MAY_2025),  # a band without percentiles
    ("no-such-career", "US", 52000.0, "USD", "year", MAY_2025),
    (None, "US", 52000.0, "USD", "year", MAY_2025),
    ("anesthesiologists", "US-AK", 300000.0, "USD", "year", MAY_2025),  # all top-coded
]


def frame(rows: list[tuple[Any, ...]]) -> pd.DataFrame:
    names = ["job", "place", "amount", "cur", "per", "posted"]
    index = pd.RangeIndex(100, 100 + 3 * len(rows), 3)  # not 0..n-1: the index must travel
    data = {name: [row[i] for row in rows] for i, name in enumerate(names)}
    return pd.DataFrame(data, index=index).astype({"amount": "float64"})


ARGUMENTS = {
    "pay": "amount",
    "currency": "cur",
    "period": "per",
    "when": "posted",
    "career": "job",
    "region": "place",
}


def expected_row(
    career: Any, region: str, amount: float, currency: str, period: str, when: Any
) -> dict[str, Any]:
    """The row ``Career.pay_position`` gives for these values: the oracle of every front end."""
    missing: dict[str, Any] = dict.fromkeys(COLUMNS)
    if math.isnan(amount):
        return missing
    try:
        offer = ck.Pay(amount, currency, period, when=when)
        placed = ck.get(career).pay_position(offer, region)
    except ck.CareerkitError as error:
        return {**missing, "reason": str(error)}
    band = placed.band
    return {
        "career": placed.career,
        "region": band.region,
        "area": None if band.area is None else band.area.name,
        "band_date": str(band.reference_date),
        "bracket": placed.bracket,
        "lower": placed.lower,
        "upper": placed.upper,
        "percentile": None if placed.percentile is None else float(placed.percentile),
        "pay": float(placed.pay.amount),
        "currency": placed.pay.currency,
        "period": placed.pay.period.value,
        "reason": None,
    }


def plain(value: Any) -> Any:
    """A cell as a Python value, every kind of missing as ``None``."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def rows_of(result: pd.DataFrame) -> list[dict[str, Any]]:
    return [{name: plain(row[name]) for name in COLUMNS} for _, row in result.iterrows()]


def assert_as_scalar(result: pd.DataFrame, rows: list[tuple[Any, ...]]) -> None:
    assert list(result.columns) == COLUMNS
    got = rows_of(result)
    for number, (row, values) in enumerate(zip(got, rows, strict=True)):
        career, *rest = values
        if career is None:  # the scalar method takes no missing career: the table says why
            assert row == {
                **dict.fromkeys(COLUMNS),
                "reason": "career: no career is given for the offer",
            }
            continue
        assert row == expected_row(career, *rest), (number, values)


# --- pandas ----------------------------------------------------------------------------------


def test_pandas_places_every_row_as_the_method_does() -> None:
    df = frame(POOL)
    result = df.careerkit.pay_position(**ARGUMENTS)
    assert result.index.equals(df.index)  # no row dropped, none moved
    assert_as_scalar(result, POOL)
    assert result["lower"].dtype == "Int64" and result["percentile"].dtype == "float64"
    placed = result.loc[100]
    assert (placed["bracket"], placed["percentile"]) == ("between p75 and p90", 75.3)
    failed = result[result["reason"].notna()]
    assert len(failed) == 8  # every failure kept, with its reason
    assert failed.drop(columns="reason").isna().all().all()
    assert result.loc[133, "reason"] is np.nan or pd.isna(result.loc[133, "reason"])  # no offer
    assert result.loc[112, "area"] == "Austin-Round Rock-San Marcos, TX"


def test_pandas_reads_pay_text_and_one_value_for_every_row() -> None:
    offers = pd.DataFrame(
        {
            "offer": [
                "$52,000 a year",
                "₹35,000 per month",
                "$20-24 an hour",
                "52,000 a year",
                "from $50,000 a year",
                None,
            ]
        }
    )
    result = offers.careerkit.pay_position(pay="offer", career="43-4051", when=MAY_2025)
    career = ck.get("43-4051")
    for text, row in zip(offers["offer"], rows_of(result), strict=True):
        if pd.isna(text):
            assert row == dict.fromkeys(COLUMNS)
            continue
        reason = None
        try:
            placed = career.pay_position(text, when=MAY_2025)
        except ck.CareerkitError as error:
            reason = str(error)
        if reason is not None:
            assert row == {**dict.fromkeys(COLUMNS), "reason": reason}
            continue
        assert (row["bracket"], row["pay"]) == (placed.bracket, float(placed.pay.amount))
        estimate = None if placed.percentile is None else float(placed.percentile)
        assert row["percentile"] == estimate
    assert "names no currency" in result.loc[3, "reason"]
    assert "no midpoint" in result.loc[4, "reason"]
    one = offers.careerkit.pay_position(pay="$52,000 a year", career="43-4051", when=MAY_2025)
    assert (one["bracket"] == "between p75 and p90").all()
    pay = ck.Pay(52000, "USD", "year", when=MAY_2025)
    regions = pd.DataFrame({"where": ["US", "US-TX", "austin"]})
    each = regions.careerkit.pay_position(pay=pay, career="csr", region="where")
    assert each["percentile"].tolist() == [
        float(ck.get("csr").pay_position(pay, region).percentile)  # type: ignore[arg-type]
        for region in regions["where"]
    ]


def test_each_pair_is_looked_up_once_and_each_offer_placed_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pairs: list[tuple[object, object]] = []
    placed: list[object] = []
    real_lookup, real_position = position_table.lookup, position_table.position

    def counting_lookup(career: object, region: object) -> Any:
        pairs.append((career, region))
        return real_lookup(career, region)

    def counting_position(offer: Any, band: Any, **options: Any) -> Any:
        placed.append((offer, id(band)))
        return real_position(offer, band, **options)

    monkeypatch.setattr(position_table, "lookup", counting_lookup)
    monkeypatch.setattr(position_table, "position", counting_position)
    rng = np.random.default_rng(7)
    rows = 3_000
    df = pd.DataFrame(
        {
            "job": rng.choice(["43-4051", "29-1141"], rows),
            "place": rng.choice(["US", "US-TX"], rows),
            "amount": rng.choice([40000.0, 52000.0, 70000.0], rows),
        }
    )
    result = df.careerkit.pay_position(
        pay="amount", currency="USD", period="year", when=MAY_2025, career="job", region="place"
    )
    assert sorted(pairs) == sorted({(j, p) for j, p in zip(df["job"], df["place"], strict=True)})
    assert len(placed) == len(set(placed)) == 12  # 2 careers x 2 regions x 3 offers
    assert result["reason"].isna().all() and len(result) == rows


def test_pandas_refuses_a_wrong_call_at_once() -> None:
    df = frame(POOL[:3]).assign(flag=True, number=1)
    cases: list[tuple[dict[str, Any], type[Exception], str]] = [
        ({"pay": "flag"}, ck.WrongTypeError, "amounts .numbers. or of pay text.*bool"),
        ({"currency": "number"}, ck.WrongTypeError, "got column 'number'"),
        ({"career": "number"}, ck.WrongTypeError, "career keys as text.*got column 'number'"),
        ({"career": "no-such-career"}, ck.ProfileNotFoundError, "no-such-career"),
        ({"currency": None}, ck.ValidationError, "amounts need currency= and period="),
        ({"currency": "usd"}, ck.ValidationError, "unknown currency"),
        ({"when": "2025-13"}, ck.ValidationError, "month"),
        ({"pay": [1.0, 2.0, 3.0]}, ck.ValidationError, "one value for every row, not a list"),
        ({"schedule": "full time"}, ck.WrongTypeError, "WorkSchedule"),
    ]
    for change, error, match in cases:
        with pytest.raises(error, match=match):
            df.careerkit.pay_position(**{**ARGUMENTS, **change})
    with pytest.raises(ck.ValidationError, match="go with amounts"):
        df.careerkit.pay_position(pay="$52,000 a year", currency="USD", career="csr")
    with pytest.raises(ck.ValidationError, match="no midpoint"):
        df.careerkit.pay_position(pay="from $50,000 a year", career="csr", when=MAY_2025)
    careers = pd.DataFrame({"job": ["csr", 42], "amount": [1.0, 2.0]}, dtype=object)
    with pytest.raises(ck.WrongTypeError, match=r"got column 'job': int 42 in row 1$"):
        careers.careerkit.pay_position(
            pay="amount", currency="USD", period="year", career="job", when=MAY_2025
        )


# --- polars ----------------------------------------------------------------------------------


def test_polars_equals_pandas() -> None:
    df = frame(POOL)
    expected = df.careerkit.pay_position(**ARGUMENTS)
    result = pl.from_pandas(df).careerkit.pay_position(**ARGUMENTS)
    assert result.columns == COLUMNS
    assert dict(result.schema) == {
        name: pl.Int64
        if name in ("lower", "upper")
        else pl.Float64
        if name in ("percentile", "pay")
        else pl.String
        for name in COLUMNS
    }
    got = [{name: row[name] for name in COLUMNS} for row in result.iter_rows(named=True)]
    assert got == rows_of(expected)


def test_polars_reads_text_and_categorical_columns() -> None:
    offers = pl.DataFrame(
        {"offer": ["$52,000 a year", None, "$25 an hour"], "job": ["csr", "csr", "43-4051"]},
        schema={"offer": pl.String, "job": pl.Categorical},
    )
    result = offers.careerkit.pay_position(pay="offer", career="job", when=MAY_2025)
    assert result["bracket"].to_list() == ["between p75 and p90", None, "between p75 and p90"]
    assert result["reason"].to_list() == [None, None, None]


# --- Dask ------------------------------------------------------------------------------------


def test_a_cluster_places_exactly_as_pandas(client: Client) -> None:
    assert len(client.scheduler_info()["workers"]) == 2
    df = frame(POOL * 5)
    lazy = careerkit.dask.pay_position(dd.from_pandas(df, npartitions=4), **ARGUMENTS)
    assert list(lazy.columns) == COLUMNS  # the meta, before anything is computed
    result = client.compute(lazy).result()
    pd.testing.assert_frame_equal(result, df.careerkit.pay_position(**ARGUMENTS), check_exact=True)


def test_dask_with_one_career_for_every_row() -> None:
    df = frame(POOL[:8])
    arguments = {**ARGUMENTS, "career": "43-4051", "region": "US"}
    lazy = careerkit.dask.pay_position(dd.from_pandas(df, npartitions=3), **arguments)
    pd.testing.assert_frame_equal(
        lazy.compute(scheduler="sync"), df.careerkit.pay_position(**arguments), check_exact=True
    )


def test_dask_looks_each_pair_up_once_for_the_whole_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs: list[tuple[object, object]] = []
    real = position_table.lookup

    def counting(career: object, region: object) -> Any:
        pairs.append((career, region))
        return real(career, region)

    monkeypatch.setattr(position_table, "lookup", counting)
    df = frame(POOL[:5] * 20)
    lazy = careerkit.dask.pay_position(dd.from_pandas(df, npartitions=5), **ARGUMENTS)
    lazy.compute(scheduler="sync")
    assert len(pairs) == len(set(pairs)) == len({(row[0], row[1]) for row in POOL[:5]})


def test_dask_refuses_a_wrong_call_at_once() -> None:
    df = dd.from_pandas(frame(POOL[:3]).assign(flag=True), npartitions=1)
    with pytest.raises(ck.WrongTypeError, match="bool values"):
        careerkit.dask.pay_position(df, **{**ARGUMENTS, "pay": "flag"})  # no compute
    with pytest.raises(ck.WrongTypeError, match=r"for pandas, frame\.careerkit\.pay_position"):
        careerkit.dask.pay_position(frame(POOL[:3]), **ARGUMENTS)  # type: ignore[arg-type]


# --- property: any mix of rows ---------------------------------------------------------------


@settings(max_examples=15)
@given(st.lists(st.sampled_from(POOL), max_size=10))
def test_any_rows_are_placed_as_the_method_places_them(rows: list[tuple[Any, ...]]) -> None:
    df = frame(rows)
    assert_as_scalar(df.careerkit.pay_position(**ARGUMENTS), rows)
