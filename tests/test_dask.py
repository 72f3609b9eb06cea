"""careerkit.dask on a real cluster: two worker processes, results equal to pandas'."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cloudpickle
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import careerkit as ck
import careerkit.dask
import careerkit.pandas

# The worker processes cannot import this test module: send its functions by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

SHARED = Path(__file__).resolve().parents[2] / "shared"  # the folder a clone sits beside
PACKAGE = Path(ck.__file__).resolve().parent


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


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


def test_arguments_are_checked_before_anything_runs() -> None:
    frame = dd.from_pandas(jobs(10), npartitions=2)
    with pytest.raises(ck.UnknownCurrencyError, match=r"^to: in 'RUPEE/month': unknown currency"):
        careerkit.dask.convert(frame, **{**ARGUMENTS, "to": "RUPEE/month"})
    with pytest.raises(ck.ValidationError, match="amount='wage' is not a column"):
        careerkit.dask.convert(frame, **{**ARGUMENTS, "amount": "wage"})
