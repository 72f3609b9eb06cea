"""The table engine's fast paths give what the slow ones give: every input format, the same
figures, the same failures and the same first error; factors kept between calls stay exact."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import careerkit as ck
import careerkit.pandas
import careerkit.polars
from careerkit import Pay, conversion_failures, convert_array
from careerkit.pay import _codes
from careerkit.pay._factor_table import Target, _kept_for

TARGET = {"to_currency": "INR", "to_period": "month", "prices_of": "2020"}
CURRENCIES = ["USD", "INR", "EUR", "GBP", "XYZ", "usd"]  # the last two: errors
PERIODS = ["hour", "month", "year", "fortnight"]  # the last: an error
DAYS = ["2008-05-14", "2008-05-31", "2012-12-01", "1850-01-01", "2015-07-04"]  # 1850: no data
COUNTRIES = [None, "DE", "FR"]

ROWS = st.lists(
    st.tuples(
        st.one_of(st.floats(0, 1e7, allow_subnormal=False), st.just(float("nan")), st.just(-1.0)),
        st.sampled_from(CURRENCIES),
        st.sampled_from(PERIODS),
        st.sampled_from(DAYS),
        st.sampled_from(COUNTRIES),
    ),
    min_size=1,
    max_size=25,
)


def _outcome(call: Callable[[str], Any]) -> tuple[Any, ...]:
    """The figures (coerced), the reasons, and the error raised (class and message)."""
    values = np.asarray(call("coerce"), dtype=np.float64)
    reasons = list(call("failures"))
    try:
        call("raise")
    except ck.CareerkitError as error:
        # The row's values are quoted as given (a datetime64 with its time): compare the
        # row and what is wrong with it.
        where, _, problem = str(error).partition("): ")
        raised: tuple[type, str, str] | None = (type(error), where.split(" (")[0], problem)
    else:
        raised = None
    return (
        values,
        [None if reason is None or reason != reason else reason for reason in reasons],
        raised,
    )


def _array(columns: dict[str, Any]) -> Callable[[str], Any]:
    def call(mode: str) -> Any:
        arguments = {
            "currency": columns["currency"],
            "period": columns["period"],
            "when": columns["when"],
            "country": columns["country"],
            **TARGET,
        }
        if mode == "failures":
            return conversion_failures(columns["amount"], **arguments)
        return convert_array(columns["amount"], **arguments, errors=mode)

    return call


def _frame_call(frame: Any) -> Callable[[str], Any]:
    arguments = {
        "amount": "amount",
        "currency": "currency",
        "period": "period",
        "when": "when",
        "country": "country",
        "to": "INR/month",
        "prices_of": "2020",
    }

    def call(mode: str) -> Any:
        if mode == "failures":
            found = frame.careerkit.failures(**arguments)
        else:
            found = frame.careerkit.convert(**arguments, errors=mode)
        if isinstance(found, pl.Series):
            return found.to_numpy() if mode != "failures" else found.to_list()
        return found.to_numpy()

    return call


def _same(first: tuple[Any, ...], second: tuple[Any, ...]) -> None:
    np.testing.assert_array_equal(first[0], second[0])
    assert first[1] == second[1]
    assert first[2] == second[2]


def _columns(rows: list[tuple[Any, ...]]) -> dict[str, list[Any]]:
    amounts, currencies, periods, days, countries = map(list, zip(*rows, strict=True))
    return {"amount": amounts, "currency": currencies, "period": periods, "when": days,
            "country": countries}  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ROWS)
def test_every_format_gives_the_same_figures_failures_and_error(
    rows: list[tuple[Any, ...]],
) -> None:
    given_columns = _columns(rows)
    expected = _outcome(_array(given_columns))  # lists: read one value at a time
    days = np.array(given_columns["when"], dtype="datetime64[D]")
    text = ("currency", "period")
    formats: dict[str, dict[str, Any]] = {
        "numpy object": {
            **given_columns,
            **{name: np.array(given_columns[name], dtype=object) for name in (*text, "country")},
        },
        "numpy text": {**given_columns, **{name: np.array(given_columns[name]) for name in text}},
        "datetime64[s]": {**given_columns, "when": days.astype("datetime64[s]")},
        "datetime64[ns] with a time": {
            **given_columns,
            "when": days.astype("datetime64[ns]") + np.timedelta64(23, "h"),
        },
        "Timestamps": {
            **given_columns,
            "when": [pd.Timestamp(day) for day in given_columns["when"]],
        },
    }
    for name, columns in formats.items():
        _same(_outcome(_array(columns)), expected), name
    frame = pd.DataFrame(given_columns)
    frames: dict[str, Any] = {
        "pandas object": frame,
        "pandas str": frame.astype(dict.fromkeys(text, "str")).assign(
            country=pd.Series(given_columns["country"], dtype="str")
        ),
        "pyarrow strings": frame.astype(
            {name: pd.ArrowDtype(pa.string()) for name in (*text, "country")}
        ),
        "pandas category": frame.astype(dict.fromkeys((*text, "country"), "category")),
        "pandas datetime64": frame.assign(when=pd.to_datetime(frame["when"])),
    }
    for name, found in frames.items():
        _same(_outcome(_frame_call(found)), expected), name
    polars = pl.DataFrame(given_columns, schema_overrides={"country": pl.String})
    for name, found in {
        "polars String": polars,
        "polars Categorical": polars.with_columns(pl.col(*text, "country").cast(pl.Categorical)),
        "polars Enum": polars.with_columns(
            pl.col("currency").cast(pl.Enum(CURRENCIES)), pl.col("period").cast(pl.Enum(PERIODS))
        ),
        "polars Date": polars.with_columns(pl.col("when").str.to_date()),
    }.items():
        outcome = _outcome(_frame_call(found))
        values = np.where(np.isnan(expected[0]), np.nan, outcome[0])  # polars: null for NaN
        _same((values, *outcome[1:]), expected), name


@settings(max_examples=40, deadline=None)
@given(ROWS)
def test_the_fast_path_agrees_with_pay(rows: list[tuple[Any, ...]]) -> None:
    columns = _columns(rows)
    found = convert_array(
        np.array(columns["amount"]),
        currency=np.array(columns["currency"]),
        period=np.array(columns["period"]),
        when=np.array(columns["when"], dtype="datetime64[D]"),
        country=np.array(columns["country"], dtype=object),
        errors="coerce",
        **TARGET,
    )
    for value, (amount, currency, period, day, country) in zip(found, rows, strict=True):
        try:
            pay = Pay(amount, currency, period, when=day).per("month")
            expected = float(pay.in_prices_of("2020", country=country).to_currency("INR").exact)
        except ck.CareerkitError:
            assert np.isnan(value)
            continue
        if np.isnan(amount):
            assert np.isnan(value)
        else:
            assert value == pytest.approx(expected, rel=1e-9, abs=0)


# --- numbering a column ---------------------------------------------------------------------------


@given(st.lists(st.text(max_size=6), min_size=0, max_size=40))
def test_numpy_text_is_numbered_exactly(texts: list[str]) -> None:
    array = np.array(texts, dtype=str) if texts else np.array([], dtype="<U1")
    codes, uniques = _codes.unicode_text(array)
    assert [uniques[code] for code in codes.tolist()] == array.tolist()
    assert len(set(uniques)) == len(uniques)


def test_numpy_text_too_varied_to_count_is_sorted() -> None:
    texts = np.array(["".join(chr(0x4E00 + (i * 7919 + j) % 20000) for j in range(12))
                      for i in range(50)] * 2)  # fmt: skip
    codes, uniques = _codes.unicode_text(texts)
    assert [uniques[code] for code in codes.tolist()] == texts.tolist()
    assert len(uniques) == 50


@given(st.lists(st.one_of(st.sampled_from(["USD", "INR"]), st.none(), st.just(float("nan")),
                          st.integers(2000, 2003), st.just([1])), max_size=30))  # fmt: skip
def test_objects_without_pandas_are_numbered_as_with_it(items: list[object]) -> None:
    array = np.empty(len(items), dtype=object)
    array[:] = items
    codes, uniques = _codes.numbered(array)
    read = [uniques[code] for code in codes.tolist()]
    expected = [None if item is None or item != item else item for item in items]
    assert read == expected


@given(
    st.lists(
        st.one_of(st.integers(-(10**6), 10**6), st.just(None)),
        max_size=30,
    ),
    st.sampled_from(["s", "ms", "ns", "D", "h"]),
)
def test_dates_are_read_as_months_from_their_days(seconds: list[int | None], unit: str) -> None:
    ticks = np.array([np.datetime64("NaT") if value is None else np.datetime64(value * 5_000, "s")
                      for value in seconds], dtype="datetime64[s]").astype(f"datetime64[{unit}]")  # fmt: skip
    codes, uniques, values = _codes.dates(ticks)
    read = [uniques[code] for code in codes.tolist()]
    expected = [None if np.isnat(tick) else tick.astype("datetime64[M]") for tick in ticks]
    assert read == expected
    assert len(values) == len(uniques) - (None in uniques) == len(set(values.tolist()))


def test_far_apart_dates_are_sorted_not_spanned() -> None:
    ticks = np.array(["0100-01-01", "NaT", "9000-12-31", "0100-01-02"], dtype="datetime64[D]")
    codes, uniques, values = _codes.dates(ticks)
    assert [uniques[code] for code in codes.tolist()] == [
        np.datetime64("0100-01"),
        None,
        np.datetime64("9000-12"),
        np.datetime64("0100-01"),
    ]
    assert len(values) == 2


def test_years_and_months_stay_so() -> None:
    for unit in ("Y", "M"):
        ticks = np.array(["2008", "2010", "NaT", "2008"], dtype=f"datetime64[{unit}]")
        codes, uniques, _ = _codes.dates(ticks)
        assert [uniques[code] for code in codes.tolist()] == [ticks[0], ticks[1], None, ticks[0]]


def test_categorical_codes_are_kept_and_missing_is_first() -> None:
    series = pd.Series(["USD", None, "INR", "USD"], dtype="category")
    column = careerkit.pay._columns.read_column("currency", series, 4)
    assert column.codes is not None and column.codes.dtype.itemsize <= 2
    assert [column.uniques[code] for code in column.codes.tolist()] == ["USD", None, "INR", "USD"]


def test_polars_categorical_codes_are_numbered_afresh_where_sparse() -> None:
    shared = pl.Categories("careerkit-test")
    pl.Series([f"filler-{i}" for i in range(500)]).cast(pl.Categorical(shared))
    series = pl.Series(["filler-499", None, "filler-7", "filler-499"]).cast(pl.Categorical(shared))
    codes, uniques = careerkit.polars._text_codes(series)
    assert [uniques[code] for code in codes.tolist()] == ["filler-499", None, "filler-7",
                                                         "filler-499"]  # fmt: skip
    assert len(uniques) == 3


# --- the factors kept between calls --------------------------------------------------------------


KEYS = [
    ("USD", "hour", "2008-05-14", None),
    ("EUR", "year", np.datetime64("2012-12-01"), "DE"),
    ("GBP", "month", dt.date(2015, 7, 4), None),
    ("XYZ", "hour", "2008-05", None),
    ("USD", "hour", "1850-01", None),
    ("EUR", "month", 2010, "not a country"),
]


def _target() -> Target:
    return Target.checked("INR", "month", "2020", None)


def _key_columns(keys: Sequence[tuple[object, ...]]) -> dict[str, Any]:
    parts = ("currency", "period", "when", "country")
    return {"amount": [1.0] * len(keys)} | {
        part: [key[at] for key in keys] for at, part in enumerate(parts)
    }


def test_a_tables_factors_are_each_rows_own_factor_and_error() -> None:
    together = _outcome(_array(_key_columns(KEYS)))
    for row, key in enumerate(KEYS):
        alone = _outcome(_array(_key_columns([key])))
        assert np.array_equal(together[0][row : row + 1], alone[0], equal_nan=True)
        assert together[1][row] == alone[1][0]
    first_failure = next(
        outcome for key in KEYS if (outcome := _outcome(_array(_key_columns([key]))))[2]
    )
    assert together[2] is not None and first_failure[2] is not None
    assert (together[2][0], together[2][2]) == (first_failure[2][0], first_failure[2][2])


def test_kept_factors_are_forgotten_when_the_data_changes(tmp_path: Any) -> None:
    def convert() -> list[float]:
        return _array(_key_columns(KEYS[:3]))("raise").tolist()  # type: ignore[no-any-return]

    first = convert()
    assert len(_kept_for(_target())) >= 3
    with ck.data.use(tmp_path):  # another data folder: every kept factor is dropped
        assert _kept_for(_target()) == {}
        assert convert() == first
    assert _kept_for(_target()) == {}  # and again on the way back
    assert convert() == first
