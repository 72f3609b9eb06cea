"""careerkit.dask on a real cluster: two worker processes, results equal to pandas'."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import cloudpickle
import dask.dataframe as dd
import numpy as np
import pandas as pd
import polars as pl
import pytest
from distributed import Client
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit as ck
import careerkit.dask
import careerkit.pandas
import careerkit.polars

# The worker processes cannot import this test module: send its functions by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

SHARED = Path(__file__).resolve().parents[2] / "shared"  # the folder a clone sits beside
PACKAGE = Path(ck.__file__).resolve().parent


def watch() -> None:
    """On a worker: record the files it opens and the addresses it connects to."""
    import builtins

    seen: dict[str, list[str]] = {"open": [], "connect": []}
    builtins._careerkit_seen = seen  # type: ignore[attr-defined]

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event == "open" and isinstance(args[0], str | bytes | Path):
            seen["open"].append(str(args[0]))
        elif event == "socket.connect":
            seen["connect"].append(repr(args[1]))

    sys.addaudithook(hook)


def seen() -> dict[str, list[str]]:
    import builtins

    return builtins._careerkit_seen  # type: ignore[attr-defined, no-any-return]


def jobs(rows: int = 20_000) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    currency = rng.choice(["USD", "INR", "EUR", "GBP"], rows)
    return pd.DataFrame(
        {
            "pay": rng.uniform(5, 200_000, rows).round(2),
            "cur": currency,
            "per": rng.choice(["hour", "month", "year"], rows),
            "posted": np.datetime64("2005-01-01")
            + rng.integers(0, 365 * 18, rows).astype("timedelta64[D]"),
            "country": np.where(currency == "EUR", "DE", None),
        }
    )


ARGUMENTS = {
    "amount": "pay",
    "currency": "cur",
    "period": "per",
    "when": "posted",
    "country": "country",
    "to": "INR/month",
    "prices_of": "2024",
}


def test_a_cluster_converts_exactly_as_pandas(client: Client) -> None:
    assert len(client.scheduler_info()["workers"]) == 2
    client.run(watch)
    frame = jobs()
    expected = frame.careerkit.convert(**ARGUMENTS)
    lazy = careerkit.dask.convert(dd.from_pandas(frame, npartitions=8), **ARGUMENTS)
    result = client.compute(lazy).result()
    pd.testing.assert_series_equal(result, expected, check_exact=True)

    # Both workers did work, read careerkit's own data, and nothing beside the clone or afar.
    reports = client.run(seen)
    assert len(reports) == 2
    for report in reports.values():
        opened = [Path(path) for path in report["open"]]
        assert any(PACKAGE in path.parents and "data" in path.parts for path in opened), opened
        assert not [path for path in opened if SHARED in path.resolve().parents]
        assert all(
            "127.0.0.1" in address or "::1" in address or "/" in address
            for address in report["connect"]
        ), report["connect"]


def test_a_cluster_parses_exactly_as_pandas(client: Client) -> None:
    texts = pd.Series(["₹10,000–28,000 per month", "$14.36/hr", None, "3.5 LPA", "lots"] * 400)
    expected = texts.careerkit.parse(errors="coerce")
    lazy = careerkit.dask.parse(dd.from_pandas(texts, npartitions=4), errors="coerce")
    pd.testing.assert_frame_equal(client.compute(lazy).result(), expected, check_exact=True)


def test_an_error_on_a_worker_names_its_partition_and_row(client: Client) -> None:
    frame = pd.DataFrame({"pay": [1.0, 2.0, 3.0, 4.0], "cur": ["USD", "USD", "USD", "XYZ"]})
    lazy = careerkit.dask.convert(
        dd.from_pandas(frame, npartitions=2), amount="pay", currency="cur", period="year",
        when="2010", to="INR",
    )  # fmt: skip
    with pytest.raises(
        ck.UnknownCurrencyError, match=r"^partition 1: row 1, index 3 \(amount=4\.0"
    ):
        client.compute(lazy).result()
    reasons = careerkit.dask.failures(
        dd.from_pandas(frame, npartitions=2), amount="pay", currency="cur", period="year",
        when="2010", to="INR",
    )  # fmt: skip
    assert client.compute(reasons).result().notna().tolist() == [False, False, False, True]


def test_a_cluster_checks_one_currency_across_its_workers(client: Client) -> None:
    # The partitions sit on two worker processes; the check of the whole column travels too.
    frame = pd.DataFrame({"pay": [12.0, 24.0, 1200.0, 2400.0], "cur": ["USD", "USD", "INR", "INR"]})
    arguments = {
        "amount": "pay",
        "currency": "cur",
        "period": "year",
        "when": "2020",
        "to": "month",
    }
    lazy = careerkit.dask.convert(dd.from_pandas(frame, npartitions=2), **arguments)
    with pytest.raises(ck.ValidationError, match=r"^to: the rows are in more than one currency"):
        client.compute(lazy).result()
    frame["cur"] = "INR"
    lazy = careerkit.dask.convert(dd.from_pandas(frame, npartitions=2), **arguments)
    assert client.compute(lazy).result().tolist() == [1.0, 2.0, 100.0, 200.0]


def test_arguments_are_checked_before_anything_runs() -> None:
    frame = dd.from_pandas(jobs(10), npartitions=2)
    with pytest.raises(ck.UnknownCurrencyError, match=r"^to: in 'RUPEE/month': unknown currency"):
        careerkit.dask.convert(frame, **{**ARGUMENTS, "to": "RUPEE/month"})
    with pytest.raises(ck.ValidationError, match="amount='wage' is not a column"):
        careerkit.dask.convert(frame, **{**ARGUMENTS, "amount": "wage"})


# --- on the synchronous scheduler: what is checked when, and over what ------------------------


def computed(lazy: Any) -> Any:
    """*lazy* computed in this process (not on the cluster a fixture above may have started)."""
    return lazy.compute(scheduler="sync")


def dollars_then_rupees(partitions: int = 2) -> dd.DataFrame:
    frame = pd.DataFrame({"pay": [10.0, 20.0, 1000.0, 2000.0], "cur": ["USD", "USD", "INR", "INR"]})
    return dd.from_pandas(frame, npartitions=partitions)


ONE_CURRENCY = {"amount": "pay", "currency": "cur", "period": "year", "when": "2020"}


def test_one_currency_holds_over_the_whole_frame_not_each_partition() -> None:
    # Each partition has one currency; the frame has two: never a Series mixing them.
    frame = dollars_then_rupees()
    assert frame.npartitions == 2
    message = (
        "to: the rows are in more than one currency (INR, USD); give to='INR/month' (or another "
        "currency) to express them all in one"
    )
    with pytest.raises(ck.ValidationError) as caught:
        frame.compute().careerkit.convert(**ONE_CURRENCY, to="month")
    assert str(caught.value) == message
    for call in (careerkit.dask.convert, careerkit.dask.failures):
        lazy = call(frame, **ONE_CURRENCY, to="month")
        with pytest.raises(ck.ValidationError) as caught:
            computed(lazy)
        assert str(caught.value) == message
    # With the currency given, each row converts.
    converted = computed(careerkit.dask.convert(frame, **ONE_CURRENCY, to="INR/month"))
    assert (
        converted.tolist()
        == frame.compute().careerkit.convert(**ONE_CURRENCY, to="INR/month").tolist()
    )


def test_one_period_holds_over_the_whole_frame() -> None:
    frame = pd.DataFrame({"pay": [10.0, 20.0, 30.0], "per": ["hour", "hour", "year"]})
    lazy = careerkit.dask.convert(dd.from_pandas(frame, npartitions=3), amount="pay",
                                  currency="USD", period="per", when="2020", to="INR")  # fmt: skip
    with pytest.raises(
        ck.ValidationError, match=r"^to: .* period \(hour, year\); give to='INR/hour'"
    ):
        computed(lazy)


def test_each_partition_is_read_once_with_the_whole_frame_check() -> None:
    reads: list[int] = []
    rows = pd.DataFrame({"pay": [12.0, 24.0, 36.0, 48.0], "cur": ["INR"] * 4})

    def read(part: int) -> pd.DataFrame:
        reads.append(part)
        return rows.iloc[2 * part : 2 * part + 2]

    frame = dd.from_map(read, [0, 1], meta=rows.iloc[:0])
    result = computed(careerkit.dask.convert(frame, **ONE_CURRENCY, to="month"))
    assert result.tolist() == [1.0, 2.0, 3.0, 4.0]
    assert sorted(reads) == [0, 1]


CURRENCY_ROWS = st.lists(
    st.tuples(st.sampled_from([12.0, 24.0, float("nan")]), st.sampled_from(["USD", "INR", None])),
    min_size=1,
    max_size=12,
)


def outcome(convert: Any) -> tuple[str, object]:
    """What a conversion gives: its values, or its error's class and message."""
    try:
        return "values", convert().tolist()
    except ck.CareerkitError as error:
        return type(error).__name__, str(error)


@settings(max_examples=40)
@given(CURRENCY_ROWS, st.integers(1, 6), st.sampled_from([None, "month", "INR", "INR/month"]))
def test_dask_refuses_a_mix_of_currencies_exactly_when_pandas_does(
    rows: list[tuple[float, str | None]], partitions: int, to: str | None
) -> None:
    frame = pd.DataFrame(rows, columns=["pay", "cur"])
    frame.loc[frame["cur"].isna(), "pay"] = np.nan  # a row with no currency has no amount
    arguments = {**ONE_CURRENCY, "to": to}
    expected = outcome(lambda: frame.careerkit.convert(**arguments))
    lazy = careerkit.dask.convert(dd.from_pandas(frame, npartitions=partitions), **arguments)
    got = outcome(lambda: computed(lazy))
    if expected[0] == "values":
        assert got[0] == "values"
        np.testing.assert_array_equal(got[1], expected[1])  # type: ignore[arg-type]
    else:
        assert got == expected


MIXED_ROWS = st.lists(
    st.tuples(
        st.floats(0, 1e7, allow_subnormal=False),
        st.sampled_from(["USD", "INR", "EUR", "GBP"]),
        st.sampled_from(["hour", "week", "month", "year"]),
        st.sampled_from(["2005", "2008-05", "2012-12", "2019-07", "2023-01"]),
    ),
    min_size=1,
    max_size=20,
)


@settings(max_examples=30)
@given(MIXED_ROWS, st.integers(1, 5), st.sampled_from([None, "2024"]))
def test_every_front_end_converts_a_valid_table_to_the_same_numbers(
    rows: list[tuple[float, str, str, str]], partitions: int, prices_of: str | None
) -> None:
    frame = pd.DataFrame(rows, columns=["pay", "cur", "per", "posted"])
    frame["country"] = np.where(frame["cur"] == "EUR", "DE", None)
    arguments = {"amount": "pay", "currency": "cur", "period": "per", "when": "posted",
                 "country": "country", "to": "INR/month", "prices_of": prices_of}  # fmt: skip
    array = ck.convert_array(frame["pay"].tolist(), currency=frame["cur"].tolist(),
                             period=frame["per"].tolist(), when=frame["posted"].tolist(),
                             country=frame["country"].tolist(), to_currency="INR",
                             to_period="month", prices_of=prices_of)  # fmt: skip
    pandas = frame.careerkit.convert(**arguments).to_numpy()
    polars = pl.from_pandas(frame).careerkit.convert(**arguments).to_numpy()
    dask = computed(
        careerkit.dask.convert(dd.from_pandas(frame, npartitions=partitions), **arguments)
    )
    for result in (pandas, polars, dask.to_numpy()):
        np.testing.assert_array_equal(result, array)


AT_CALL = [
    # Beside the arguments test_table_refusals.py checks for every front end: what Dask
    # reads from the frame's meta, and what a partition could not take.
    ({"when": "gap"}, ck.WrongTypeError, "when: expected a column of dates"),
    ({"amount": "cur"}, ck.WrongTypeError, "amount: expected a column of numbers, got column 'cur': string"),
    ({"currency": ["USD"] * 4}, ck.ValidationError, "give currency as a column name of the frame or one value"),
    ({"currency": pd.Series(["USD"] * 4)}, ck.ValidationError, "not a Series"),
]  # fmt: skip


@pytest.mark.parametrize("call", [careerkit.dask.convert, careerkit.dask.failures])
@pytest.mark.parametrize(("change", "error", "fragment"), AT_CALL,
                         ids=[f"{next(iter(case[0]))}={next(iter(case[0].values()))!r}"[:30]
                              for case in AT_CALL])  # fmt: skip
def test_dask_checks_every_argument_when_called(call: Any, change: dict[str, object],
                                                error: type[Exception], fragment: str) -> None:  # fmt: skip
    frame = dollars_then_rupees()
    frame["gap"] = frame["pay"].astype("timedelta64[s]")
    with pytest.raises(error) as caught:
        call(frame, **{**ONE_CURRENCY, "to": "INR", **change})  # no compute: refused at once
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    ("options", "error", "fragment"),
    [({"errors": "ignore"}, ck.ValidationError, "errors: errors must be 'raise' or 'coerce'"),
     ({"currency": "inr"}, ck.UnknownCurrencyError, "currency: unknown currency 'inr'"),
     ({"period": "fortnight"}, ck.ValidationError, "period: unknown period 'fortnight'"),
     ({"locale": "xx_YY"}, ck.UnknownLocaleError, "unknown locale 'xx_YY'")],
)  # fmt: skip
def test_dask_parse_checks_its_options_when_called(options: dict[str, object],
                                                   error: type[Exception], fragment: str) -> None:  # fmt: skip
    texts = dd.from_pandas(pd.Series(["3 LPA", "$14.36/hr"]), npartitions=2)
    with pytest.raises(error, match=fragment.replace("(", r"\(")):
        careerkit.dask.parse(texts, **options)  # type: ignore[arg-type]
    numbers = dd.from_pandas(pd.Series([True, False], name="posted"), npartitions=1)
    with pytest.raises(ck.WrongTypeError, match=r"^text: .*got column 'posted': bool values"):
        careerkit.dask.parse(numbers)


def test_a_value_of_a_wrong_type_names_its_partition_and_row() -> None:
    import dask

    frame = pd.DataFrame({"pay": pd.Series([1.0, 2.0, "3", 4.0], dtype=object), "cur": ["USD"] * 4})
    with dask.config.set({"dataframe.convert-string": False}):  # keep the objects as they are
        objects = dd.from_pandas(frame, npartitions=2)
    assert objects.dtypes["pay"].kind == "O"
    lazy = careerkit.dask.convert(objects, **ONE_CURRENCY, to="INR")
    with pytest.raises(
        ck.WrongTypeError,
        match=r"^partition 1: amount: .*got column 'pay': str '3' in row 0, index 2$",
    ):
        computed(lazy)
