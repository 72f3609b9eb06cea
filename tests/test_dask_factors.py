"""careerkit.dask does its work once per worker process, not once per partition: each exact
factor of a conversion, each pay text of a parse. Its answers stay those of pandas: for a
combination (a text) first met in a later partition, a failing one, one met by several
threads, and values that are equal in Python but not the same date."""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import cloudpickle
import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
from distributed import Client
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit as ck
import careerkit.dask
import careerkit.pandas
from careerkit import data
from careerkit.pay import _factor_table

# The worker processes cannot import this test module: send its functions by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

ARGUMENTS = {
    "amount": "pay",
    "currency": "cur",
    "period": "per",
    "when": "posted",
    "country": "country",
    "to": "INR/month",
    "prices_of": "2024",
}


def jobs(rows: int, seed: int = 11) -> pd.DataFrame:
    """Rows in 4 currencies, 3 periods and 36 months (a euro row has a country)."""
    rng = np.random.default_rng(seed)
    currency = rng.choice(["USD", "INR", "EUR", "GBP"], rows)
    return pd.DataFrame(
        {
            "pay": rng.uniform(5, 200_000, rows).round(2),
            "cur": currency,
            "per": rng.choice(["hour", "month", "year"], rows),
            "posted": np.datetime64("2015-01-01")
            + rng.integers(0, 365 * 3, rows).astype("timedelta64[D]"),
            "country": np.where(currency == "EUR", "DE", None),
        }
    )


def combinations(frame: pd.DataFrame) -> int:
    """The distinct (currency, period, month, country) combinations of *frame*'s rows."""
    months = frame["posted"].to_numpy().astype("datetime64[M]")
    keys = frame[["cur", "per", "country"]].assign(month=months)
    return len(keys.drop_duplicates())


def forget_factors() -> None:
    """Forget every factor this process keeps: choosing the data in use again drops them."""
    with tempfile.TemporaryDirectory() as empty, data.use(empty):
        pass


def counting_factors(calls: Counter[str]) -> Callable[[], None]:
    """Count each exact factor this process computes from now on, by its combination; returns
    the function that stops counting.

    The scalar conversion each factor is made by is wrapped, not replaced: every factor is
    still the engine's own. Factors kept from before are forgotten (the data in use is
    chosen again, which drops every factor made from it).
    """
    original = _factor_table.convert_pay

    def counting(pay: Any, **target: Any) -> Any:
        calls[f"{pay.currency} {pay.period.value} {pay.when} {target['country']}"] += 1
        return original(pay, **target)

    _factor_table.convert_pay = counting
    forget_factors()

    def stop() -> None:
        _factor_table.convert_pay = original

    return stop


@pytest.fixture
def counted() -> Iterator[Counter[str]]:
    """Each exact factor computed in this process during the test, by its combination."""
    calls: Counter[str] = Counter()
    stop = counting_factors(calls)
    try:
        yield calls
    finally:
        stop()


def on(scheduler: str, lazy: Any) -> Any:
    """*lazy* computed on *scheduler* in this process (not on a cluster a fixture started)."""
    return lazy.compute(scheduler=scheduler)


# --- convert: each factor once per process --------------------------------------------------------


def test_each_factor_is_computed_once_for_the_whole_frame(counted: Counter[str]) -> None:
    frame = jobs(6_000)
    expected = frame.careerkit.convert(**ARGUMENTS)
    assert sum(counted.values()) == combinations(frame)  # pandas: once each, in one table
    forget_factors()
    counted.clear()

    lazy = careerkit.dask.convert(dd.from_pandas(frame, npartitions=8), **ARGUMENTS)
    assert lazy.npartitions == 8
    pd.testing.assert_series_equal(on("sync", lazy), expected, check_exact=True)
    assert max(counted.values()) == 1
    assert sum(counted.values()) == combinations(frame)
    # Every partition has most of the combinations: each computing its own would be over 5
    # times as many (what careerkit.dask did before).
    parts = [frame.iloc[at : at + 750] for at in range(0, 6_000, 750)]
    assert sum(combinations(part) for part in parts) > 5 * combinations(frame)

    # A second call (pandas' too) finds them all.
    counted.clear()
    pd.testing.assert_series_equal(on("sync", lazy), expected, check_exact=True)
    frame.careerkit.convert(**ARGUMENTS)
    assert sum(counted.values()) == 0


def test_threads_of_one_process_share_the_factors(counted: Counter[str]) -> None:
    frame = jobs(8_000, seed=12)
    expected = frame.careerkit.convert(**ARGUMENTS)
    forget_factors()
    counted.clear()
    lazy = careerkit.dask.convert(dd.from_pandas(frame, npartitions=16), **ARGUMENTS)
    with dask.config.set(num_workers=4):
        result = on("threads", lazy)
    pd.testing.assert_series_equal(result, expected, check_exact=True)
    # At worst, two threads meeting a combination at once both compute it.
    assert max(counted.values()) <= 4
    assert combinations(frame) <= sum(counted.values()) < 2 * combinations(frame)


def test_a_combination_first_met_in_a_later_partition_still_converts(
    counted: Counter[str],
) -> None:
    # Partitions 0-2 are dollars a year in March 2015; partition 3 brings rupees a month in
    # another month and a euro row with its country, none of them met before.
    frame = pd.DataFrame(
        {
            "pay": [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0],
            "cur": ["USD"] * 6 + ["INR", "EUR"],
            "per": ["year"] * 6 + ["month", "hour"],
            "posted": pd.to_datetime(["2015-03-02"] * 6 + ["2019-11-20", "2012-06-30"]),
            "country": [None] * 7 + ["DE"],
        }
    )
    expected = frame.careerkit.convert(**ARGUMENTS)
    forget_factors()
    counted.clear()
    lazy = careerkit.dask.convert(dd.from_pandas(frame, npartitions=4), **ARGUMENTS)
    assert lazy.npartitions == 4
    result = on("sync", lazy)
    pd.testing.assert_series_equal(result, expected, check_exact=True)
    assert result.notna().all()
    assert sorted(counted) == ["EUR hour 2012-06 DE", "INR month 2019-11 None",
                               "USD year 2015-03 None"]  # fmt: skip
    assert set(counted.values()) == {1}  # dollars once, not thrice


def test_a_failing_combination_fails_in_every_partition_that_has_it(
    counted: Counter[str],
) -> None:
    # 1900 is before the data: its factor fails (once), and every row with it says why.
    frame = pd.DataFrame(
        {
            "pay": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
            "posted": ["2010", "1900", "2010", "1900", "2011", "1900"],
        }
    )
    arguments = {"amount": "pay", "currency": "USD", "period": "year", "when": "posted",
                 "to": "INR"}  # fmt: skip
    expected_reasons = frame.careerkit.failures(**arguments)
    expected = frame.careerkit.convert(**arguments, errors="coerce")
    alone = {}  # each partition's error, as pandas raises it of that partition alone
    for number in range(3):
        with pytest.raises(ck.CareerkitError) as raised:
            frame.iloc[2 * number : 2 * number + 2].careerkit.convert(**arguments)
        alone[f"partition {number}: {raised.value}"] = type(raised.value)
    forget_factors()
    counted.clear()
    lazy = dd.from_pandas(frame, npartitions=3)
    reasons = on("sync", careerkit.dask.failures(lazy, **arguments))
    pd.testing.assert_series_equal(reasons, expected_reasons)
    assert reasons.notna().tolist() == [False, True, False, True, False, True]
    coerced = on("sync", careerkit.dask.convert(lazy, **arguments, errors="coerce"))
    pd.testing.assert_series_equal(coerced, expected, check_exact=True)
    # Raised, it names a partition and its row as pandas names the row of that partition alone.
    for _ in range(2):
        with pytest.raises(ck.CareerkitError) as caught:
            on("sync", careerkit.dask.convert(lazy, **arguments))
        assert alone[str(caught.value)] is type(caught.value)
    assert counted["USD year 1900 None"] == 1


def test_equal_values_that_are_not_the_same_date_keep_their_own_factor(
    counted: Counter[str],
) -> None:
    # np.datetime64('2010') (the year: its annual average) equals np.datetime64('2010-01')
    # (January) in numpy, hash and all; to careerkit they are two dates with two factors.
    year, january = np.datetime64("2010"), np.datetime64("2010-01")
    assert year == january and hash(year) == hash(january)
    frame = pd.DataFrame({"pay": [1.0, 1.0], "posted": pd.Series([year, january], dtype=object)})
    arguments = {"amount": "pay", "currency": "USD", "period": "year", "when": "posted",
                 "to": "INR"}  # fmt: skip
    each = [frame.iloc[[row]].careerkit.convert(**arguments).item() for row in (0, 1)]
    assert each[0] != each[1]
    with dask.config.set({"dataframe.convert-string": False}):
        lazy = dd.from_pandas(frame, npartitions=2)
    assert lazy.npartitions == 2
    assert on("sync", careerkit.dask.convert(lazy, **arguments)).tolist() == each


def test_a_change_of_the_data_in_use_forgets_the_factors(
    counted: Counter[str], tmp_path: Path
) -> None:
    frame = jobs(500, seed=13)
    lazy = careerkit.dask.convert(dd.from_pandas(frame, npartitions=2), **ARGUMENTS)
    on("sync", lazy)
    first = sum(counted.values())
    assert first == combinations(frame)
    with data.use(tmp_path):  # an empty folder: the shipped snapshot, read again
        on("sync", lazy)
    assert sum(counted.values()) == 2 * first


@settings(max_examples=25)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([12.0, 1_500.0, float("nan")]),
            st.sampled_from(["USD", "INR", "XYZ", None]),
            st.sampled_from(["hour", "year", "fortnight"]),
            st.sampled_from(["2005", "2012-12", "2023-01", "1900"]),
        ),
        min_size=1,
        max_size=24,
    ),
    st.integers(1, 6),
)
def test_dask_gives_pandas_reasons_and_values_with_factors_kept_across_calls(
    rows: list[tuple[float, str | None, str, str]], partitions: int
) -> None:
    # Factors (and failures) kept from earlier examples never change an answer.
    frame = pd.DataFrame(rows, columns=["pay", "cur", "per", "posted"])
    arguments = {"amount": "pay", "currency": "cur", "period": "per", "when": "posted",
                 "to": "INR/month"}  # fmt: skip
    lazy = dd.from_pandas(frame, npartitions=partitions)
    reasons = on("sync", careerkit.dask.failures(lazy, **arguments))
    pd.testing.assert_series_equal(reasons, frame.careerkit.failures(**arguments))
    values = on("sync", careerkit.dask.convert(lazy, **arguments, errors="coerce"))
    pd.testing.assert_series_equal(
        values, frame.careerkit.convert(**arguments, errors="coerce"), check_exact=True
    )


# --- parse: each text once per process ------------------------------------------------------------

TEXTS = ["₹10,000–28,000 per month", "$14.36/hr", "3.5 LPA", "€45.000 per year", "lots"]


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[object]]:
    """Each text careerkit.dask reads in this process during the test (its reading wrapped,
    not replaced), with no text kept from earlier tests."""
    calls: Counter[object] = Counter()
    original = careerkit.dask.reader

    def counting_reader(*options: Any) -> Callable[[object], Any]:
        read = original(*options)

        def counting(text: object) -> Any:
            calls[(*options, text)] += 1
            return read(text)

        return counting

    monkeypatch.setattr(careerkit.dask, "reader", counting_reader)
    careerkit.dask._TEXTS.clear()
    yield calls
    careerkit.dask._TEXTS.clear()


def test_each_text_is_read_once_for_the_whole_series(read: Counter[object]) -> None:
    rng = np.random.default_rng(5)
    texts = pd.Series(rng.choice([*TEXTS, None], 3_000), name="offer")
    expected = texts.careerkit.parse(errors="coerce")
    lazy = careerkit.dask.parse(dd.from_pandas(texts, npartitions=6), errors="coerce")
    assert lazy.npartitions == 6
    pd.testing.assert_frame_equal(on("sync", lazy), expected, check_exact=True)
    assert sorted(read.values()) == [1] * len(TEXTS)  # each partition had each: 6 times before
    with dask.config.set(num_workers=3):
        pd.testing.assert_frame_equal(on("threads", lazy), expected, check_exact=True)
    assert sorted(read.values()) == [1] * len(TEXTS)  # a second call reads none


def test_a_text_first_met_in_a_later_partition_and_one_that_fails(
    read: Counter[object],
) -> None:
    texts = pd.Series(["$14.36/hr"] * 6 + ["3.5 LPA", "lots"])
    lazy = dd.from_pandas(texts, npartitions=4)
    pd.testing.assert_frame_equal(
        on("sync", careerkit.dask.parse(lazy, errors="coerce")),
        texts.careerkit.parse(errors="coerce"),
        check_exact=True,
    )
    with pytest.raises(ck.PayParseError) as alone:
        texts.iloc[6:].careerkit.parse()
    for _ in range(2):  # kept, its error is raised anew, the same
        with pytest.raises(ck.PayParseError) as caught:
            on("sync", careerkit.dask.parse(lazy))
        assert str(caught.value) == f"partition 3: {alone.value}"
    assert read[(None, None, None, None, None, "lots")] == 1  # the options: reader's five
    assert sorted(read.values()) == [1, 1, 1]


def test_texts_are_kept_by_their_options(read: Counter[object]) -> None:
    # A text that names no currency reads with the one given, and fails without one.
    texts = pd.Series(["10,000 per month", "12,000 per month"] * 2)
    lazy = dd.from_pandas(texts, npartitions=2)
    for currency in (None, "INR", "EUR", None):
        pd.testing.assert_frame_equal(
            on("sync", careerkit.dask.parse(lazy, errors="coerce", currency=currency)),
            texts.careerkit.parse(errors="coerce", currency=currency),
            check_exact=True,
        )
    assert (
        on("sync", careerkit.dask.parse(lazy, currency="INR"))["currency"].tolist() == ["INR"] * 4
    )
    assert set(read.values()) == {1}
    assert len(read) == 6  # two texts under three options
    for default in ("INR", "EUR", "INR"):  # a default is an option set of its own
        found = on("sync", careerkit.dask.parse(lazy, default_currency=default))
        assert found["currency"].tolist() == [default] * 4
    assert set(read.values()) == {1}
    assert len(read) == 10  # two texts under two more


# --- on a real cluster: two worker processes ----------------------------------------------------


def start_counting() -> None:
    """On a worker: count each factor it computes from now on (none kept from before)."""
    import builtins

    calls: Counter[str] = Counter()
    builtins._careerkit_factors = (calls, counting_factors(calls))  # type: ignore[attr-defined]


def stop_counting() -> dict[str, int]:
    """On a worker: the factors it computed since :func:`start_counting`, by combination."""
    import builtins

    calls, stop = builtins._careerkit_factors  # type: ignore[attr-defined]
    stop()
    del builtins._careerkit_factors  # type: ignore[attr-defined]
    return dict(calls)


def test_each_worker_computes_each_factor_at_most_once(client: Client) -> None:
    assert len(client.scheduler_info()["workers"]) == 2
    frame = jobs(20_000, seed=14)
    expected = frame.careerkit.convert(**ARGUMENTS)
    client.run(start_counting)
    try:
        lazy = careerkit.dask.convert(dd.from_pandas(frame, npartitions=12), **ARGUMENTS)
        pd.testing.assert_series_equal(client.compute(lazy).result(), expected, check_exact=True)
        # A second call computes none.
        pd.testing.assert_series_equal(client.compute(lazy).result(), expected, check_exact=True)
    finally:
        each = client.run(stop_counting)
    assert len(each) == 2
    for found in each.values():
        assert found, "a worker converted nothing"
        assert set(found.values()) == {1}
    # Twelve partitions computing their own would be about six times as many.
    assert sum(len(found) for found in each.values()) <= 2 * combinations(frame)
