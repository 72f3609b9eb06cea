"""careerkit's pay tables (``convert_array``, the pandas and polars front ends, Dask, parsing a
column), timed against the work no conversion can avoid and against what a user would write.

Run::

    pip install -e '.[bench]'
    python benchmarks/tables.py            # 10**7 rows, 10**6 strings: minutes, several GB
    python benchmarks/tables.py --quick    # CI: 2 * 10**5 rows, 10**5 strings
    python benchmarks/tables.py --rows 1000000 --strings 100000 --distinct 1000

The rows are mixed: 4 currencies (USD, INR, EUR, GBP) x 3 periods (hour, month,
year) x 240 months (day-level dates from 2004-01 to 2023-12), every one taken to
INR a month in 2024 prices. Euro rows carry the country ``"DE"`` (the euro area's
World Bank inflation series ends in 2023, so a euro figure needs a country to
reach 2024 prices); the other rows' country is missing. The frame a user has:
``pay`` float64, ``cur``, ``per`` and ``country`` pandas ``str``, ``posted``
datetime64. Each row of the table, all in one run:

1. **The floor, by the columns' type.** The same rows as each format a table
   arrives in: pandas ``str`` (pyarrow-backed, pandas' default), pandas
   ``object``, pyarrow strings (``pd.ArrowDtype(pa.string())``), numpy ``object``
   arrays, numpy text (``<U3``; the country stays an ``object`` array, as numpy
   text cannot hold a missing value) and polars ``String`` (through
   ``df.careerkit.convert``); then categorical text (codes already known): pandas
   ``category`` and polars ``Enum`` (currency, period) with ``Categorical``
   (country). careerkit's conversion against the unavoidable work, measured in the
   same run: ``pandas.factorize`` of each key column once (currency, period,
   date, country; a polars column through its zero-copy pyarrow-backed pandas
   view), plus numpy's gather-and-multiply of the per-key factor
   (``factors.take(key) * amounts``, the key and factors made beforehand). Target:
   at most 2x; with categorical columns, at most 10x the gather-and-multiply alone.
   Each result must agree with the pandas ``str`` one exactly.
2. ``convert_array`` without pandas: numpy ``object`` and text arrays converted in
   a child process that never imports pandas (careerkit then reads the columns
   itself), against the same floor, for information.
3. ``convert_array`` against a hand-written numpy/pandas factor table:
   ``pd.factorize`` each column (the months through ``.astype("datetime64[M]")``),
   one combined int64 key, ``pd.factorize`` of the key, each distinct
   combination's factor once through the ``Pay`` chain, then
   ``factors[codes] * amounts``. Target: careerkit takes at most 2x its time. The
   two must agree to 1e-9 relative.
4. The same against a pandas ``merge`` of the distinct combinations' factors back
   onto the rows, which is what many users write (for information).
5. The same against a row-by-row ``Pay(...).per("month").in_prices_of("2024",
   country=...).to_currency("INR")`` loop, timed on a sample and extrapolated per
   row to every row. Target: careerkit at least 100x faster; the sample must agree
   to 1e-9.
6. ``df.careerkit.convert(...)`` against ``convert_array`` on the same columns:
   the accessor's overhead. Target: at most 1.3x the array path's time.
7. Peak memory of one call for each format of row 1, in one fresh child process
   (this script with ``--memory-child``): careerkit's data is loaded by a call on
   a small frame, then for each format in turn the columns are built, the peak
   resident set is reset (``/proc/self/clear_refs``) and the call's peak
   (``VmHWM``) over the resident set before it is divided by the input's size (the
   columns' bytes: pandas' ``memory_usage(deep=True)``, numpy's ``nbytes`` plus
   each distinct object once, polars' ``estimated_size()``). This counts
   pyarrow's, polars' and numpy's allocations alike, but not memory the allocator
   reuses without asking the system (small arrays, at ``--quick`` sizes), so a
   second call is measured with tracemalloc (numpy's and Python's allocations, not
   pyarrow's or polars') and the larger of the two is shown; both are in the
   notes. Target: at most 2x the input. Where ``clear_refs`` cannot be written,
   only tracemalloc's peak is used, and a note says so.
8. ``careerkit.dask.convert(...).sum().compute()`` on a ``LocalCluster`` of 2
   worker processes (1 thread each) against single-process
   ``df.careerkit.convert(...).sum()`` on the same rows, for information (wall
   time: the work is in other processes; ``benchmarks/dask_scaling.py`` is the
   Dask benchmark). The workers build their partitions themselves
   (``dd.from_map``, the same generator and seeds as the single-process frame),
   persisted before timing; the cluster's start is not timed, and the single
   process is timed before the cluster starts. Between two Dask calls the script
   waits until the scheduler has released the last one's results. The two sums
   must agree to 1e-9 relative.
9. ``series.careerkit.parse()`` of 10**6 strings drawn from 10**4 distinct pay
   texts against a per-row ``parse_pay`` loop timed on a sample and extrapolated,
   for information (``benchmarks/parse.py`` is the parsing benchmark).

Times are CPU time (``time.process_time``: the machine is shared), but for Dask.
Each is the median of a few calls after one discarded first call, with the garbage
collector off during each call (as in timeit), and the functions compared taking
turns, so that a slow spell of the machine falls on all of them alike; the spread
of each careerkit time (slowest / fastest call) is printed as the noise. The first
call's time (cold: careerkit's data is read and its factors computed on first
use, and ``convert_array`` runs first of all) is printed as a note. Child
processes (memory, no pandas, Dask workers) run byte-compiled: this machine sets
``PYTHONDONTWRITEBYTECODE`` and careerkit is installed editable, so they write
bytecode to a cache of this run, as an installed package would have it. Ratios are
alternative / careerkit, so above 1 means careerkit is faster (or, for memory, its
peak is below the input's size). A missed target is reported, never raised: the
script exits 0 either way.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
from numpy.typing import NDArray
from pay import Row  # benchmarks/pay.py: the same table rows

import careerkit.pandas
import careerkit.polars  # noqa: F401  (registers the namespace)
from careerkit import Pay, PayRange, convert_array, parse_pay

# Child processes run byte-compiled, as an installed package runs (pip compiles what it
# installs; an editable install and this machine's PYTHONDONTWRITEBYTECODE do not).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
os.environ.setdefault("PYTHONPYCACHEPREFIX", tempfile.mkdtemp(prefix="careerkit-bench-pyc-"))

CURRENCIES = ["USD", "INR", "EUR", "GBP"]
PERIODS = ["hour", "month", "year"]
FIRST_DAY = np.datetime64("2004-01-01", "D")
DAYS = int((np.datetime64("2024-01-01", "D") - FIRST_DAY).astype(np.int64))  # 240 months
SEED = 2024
TO_CURRENCY, TO_PERIOD, PRICES_OF = "INR", "month", "2024"
ARGUMENTS: dict[str, Any] = {
    "amount": "pay",
    "currency": "cur",
    "period": "per",
    "when": "posted",
    "country": "country",
    "to": f"{TO_CURRENCY}/{TO_PERIOD}",
    "prices_of": PRICES_OF,
}
KEYS = ("cur", "per", "posted", "country")
RTOL = 1e-9


@dataclass(frozen=True)
class Size:
    """How big a run is: the rows and strings, and how many repeats and sampled rows."""

    rows: int
    strings: int
    distinct: int
    repeats: int
    loop_sample: int
    parse_sample: int

    @classmethod
    def chosen(cls, args: argparse.Namespace) -> Size:
        if args.quick:
            size = cls(200_000, 100_000, 1_000, 3, 2_000, 5_000)
        else:
            size = cls(10_000_000, 1_000_000, 10_000, 5, 5_000, 20_000)
        return cls(
            args.rows or size.rows,
            args.strings or size.strings,
            args.distinct or size.distinct,
            size.repeats,
            size.loop_sample,
            size.parse_sample,
        )


def _fmt(value: float, unit: str = "s") -> str:
    if unit == "B":
        return f"{value / 2**20:,.0f} MiB"
    if value < 1e-3:
        return f"{value * 1e6:.2f} us"
    if value < 1.0:
        return f"{value * 1e3:.1f} ms"
    return f"{value:.2f} s"


class Timing(NamedTuple):
    """CPU seconds of a function's first call, the median of the calls after it, and their
    spread (slowest / fastest)."""

    first: float
    warm: float
    spread: float


def _timed(
    funcs: Sequence[Callable[[], object]],
    repeats: int,
    settle: Callable[[], None] | None = None,
    clock: Callable[[], float] = time.process_time,
) -> list[Timing]:
    """Each function's :class:`Timing`, over one first call and *repeats* calls after it.

    The functions take turns (a, b, a, b, ...), so that a slow spell of the machine
    falls on all of them alike; the garbage collector is off during each call, as in
    timeit. *settle*, if given, runs after each call, untimed.
    """
    times: list[list[float]] = [[] for _ in funcs]
    for _ in range(repeats + 1):
        for func, seen in zip(funcs, times, strict=True):
            gc.disable()
            try:
                start = clock()
                func()
                seen.append(clock() - start)
            finally:
                gc.enable()
            if settle is not None:
                settle()
    return [
        Timing(seen[0], statistics.median(seen[1:]), max(seen[1:]) / max(min(seen[1:]), 1e-9))
        for seen in times
    ]


def _agreement(what: str, ours: Any, theirs: Any, notes: list[str]) -> None:
    ours, theirs = np.asarray(ours, dtype=np.float64), np.asarray(theirs, dtype=np.float64)
    error = float(np.max(np.abs(ours - theirs) / np.abs(theirs))) if len(theirs) else 0.0
    verdict = "agree" if error <= RTOL else "DISAGREE"
    notes.append(f"{what}: max relative difference {error:.1e} ({verdict} to {RTOL:.0e})")


# --- the rows ------------------------------------------------------------------------------------


def _codes(part: int, size: int, seed: int = SEED) -> dict[str, NDArray[Any]]:
    """Partition *part*'s rows as numbers: the same for the same arguments, in any process."""
    rng = np.random.default_rng([seed, part])
    return {
        "pay": rng.uniform(5.0, 200_000.0, size).round(2),
        "cur": rng.integers(0, len(CURRENCIES), size),
        "per": rng.integers(0, len(PERIODS), size),
        "day": rng.integers(0, DAYS, size),
    }


def _text(codes: NDArray[np.int64], values: list[str]) -> pd.Series:
    """``values[code]`` for each code, as pandas ``str`` (missing where the code is -1)."""
    return pd.Series(pd.Categorical.from_codes(codes, pd.Index(values))).astype("str")


def _rows(codes: dict[str, NDArray[Any]]) -> pd.DataFrame:
    """The frame a user would have: text columns as pandas ``str``, dates as datetime64."""
    euro = np.where(codes["cur"] == CURRENCIES.index("EUR"), 0, -1)
    return pd.DataFrame(
        {
            "pay": codes["pay"],
            "cur": _text(codes["cur"], CURRENCIES),
            "per": _text(codes["per"], PERIODS),
            "posted": FIRST_DAY + codes["day"].astype("timedelta64[D]"),
            "country": _text(euro, ["DE"]),
        }
    )


def _chunk(part: int, size: int, seed: int = SEED) -> pd.DataFrame:
    """One partition's rows (on a Dask worker, or for the frame's meta)."""
    return _rows(_codes(part, size, seed))


def _parts(rows: int) -> list[int]:
    """Partition sizes: about 10**6 rows each, at least 4 partitions."""
    count = max(4, math.ceil(rows / 1_000_000))
    return [len(part) for part in np.array_split(np.arange(rows), count)]


def _all_codes(rows: int, seed: int = SEED) -> dict[str, NDArray[Any]]:
    """Every partition's rows as numbers, each column one array."""
    codes = [_codes(part, size, seed) for part, size in enumerate(_parts(rows))]
    return {name: np.concatenate([part[name] for part in codes]) for name in codes[0]}


def _frame(rows: int, seed: int = SEED) -> pd.DataFrame:
    """Every partition's rows in one frame, each column one array (as read from a file)."""
    return _rows(_all_codes(rows, seed))


def _input_bytes(df: pd.DataFrame) -> int:
    return sum(_bytes(df[name]) for name in df.columns)


def _bytes(column: Any) -> int:
    """A column's size: its buffers, and each distinct Python object once (they are shared)."""
    if isinstance(column, pl.Series):
        return int(column.estimated_size())
    if isinstance(column, pd.Series) and column.dtype != object:
        return int(column.memory_usage(deep=True, index=False))
    array = np.asarray(column)
    if array.dtype != object:
        return int(array.nbytes)
    return int(array.nbytes) + sum(sys.getsizeof(value) for value in pd.unique(array))


# --- the formats a table arrives in --------------------------------------------------------------


def _objects(codes: NDArray[np.int64], values: list[str]) -> NDArray[np.object_]:
    """``values[code]`` as a numpy array of Python strings (``None`` where the code is -1),
    each distinct string one object, as a reader that interns them gives."""
    table = np.array([*values, None], dtype=object)
    return table[np.where(codes < 0, len(values), codes)]


def _euro(codes: dict[str, NDArray[Any]]) -> NDArray[np.int64]:
    return np.where(codes["cur"] == CURRENCIES.index("EUR"), 0, -1)


def _numpy_columns(codes: dict[str, NDArray[Any]], text: bool) -> dict[str, Any]:
    """The columns as numpy arrays: text as ``object`` or as ``<U`` (*text*), dates datetime64."""
    columns: dict[str, Any] = {
        "pay": codes["pay"],
        "cur": _objects(codes["cur"], CURRENCIES),
        "per": _objects(codes["per"], PERIODS),
        "posted": (FIRST_DAY + codes["day"].astype("timedelta64[D]")).astype("datetime64[s]"),
        "country": _objects(_euro(codes), ["DE"]),  # numpy text holds no missing value
    }
    if text:
        columns["cur"] = np.array(CURRENCIES)[codes["cur"]]
        columns["per"] = np.array(PERIODS)[codes["per"]]
    return columns


def _pandas_columns(codes: dict[str, NDArray[Any]], dtype: Any) -> dict[str, Any]:
    frame = _rows(codes)
    columns = {name: frame[name] for name in frame.columns}
    if dtype == "category":
        for name in ("cur", "per", "country"):
            columns[name] = frame[name].astype("category")
    elif dtype is object:
        for name, values in (("cur", CURRENCIES), ("per", PERIODS)):
            columns[name] = pd.Series(_objects(codes[name], values), dtype=object)
        columns["country"] = pd.Series(_objects(_euro(codes), ["DE"]), dtype=object)
    elif dtype is not None:
        for name in ("cur", "per", "country"):
            columns[name] = frame[name].astype(dtype)
    return columns


def _polars_columns(codes: dict[str, NDArray[Any]], categorical: bool) -> dict[str, Any]:
    frame = pl.from_pandas(_rows(codes))
    if categorical:
        frame = frame.with_columns(
            pl.col("cur").cast(pl.Enum(CURRENCIES)),
            pl.col("per").cast(pl.Enum(PERIODS)),
            pl.col("country").cast(pl.Categorical),
        )
    return {"frame": frame, **{name: frame.get_column(name) for name in frame.columns}}


def _convert_columns(columns: dict[str, Any]) -> NDArray[np.float64]:
    if "frame" in columns:
        converted = columns["frame"].careerkit.convert(**ARGUMENTS)
        return np.asarray(converted.to_numpy(), dtype=np.float64)
    return convert_array(
        columns["pay"],
        currency=columns["cur"],
        period=columns["per"],
        when=columns["posted"],
        country=columns["country"],
        to_currency=TO_CURRENCY,
        to_period=TO_PERIOD,
        prices_of=PRICES_OF,
    )


def _factorize_keys(columns: dict[str, Any]) -> None:
    """The floor's first part: ``pandas.factorize`` of each key column once, as it arrives."""
    for name in KEYS:
        column = columns[name]
        if isinstance(column, pl.Series):
            column = column.to_pandas(use_pyarrow_extension_array=True)
        pd.factorize(column)


class Format(NamedTuple):
    """A format the rows arrive in: its columns, and whether their codes are known already."""

    name: str
    columns: Callable[[dict[str, NDArray[Any]]], dict[str, Any]]
    categorical: bool = False


FORMATS = (
    Format("pandas str", lambda codes: _pandas_columns(codes, None)),
    Format("pandas object", lambda codes: _pandas_columns(codes, object)),
    Format("pyarrow strings", lambda codes: _pandas_columns(codes, pd.ArrowDtype(pa.string()))),
    Format("numpy object", lambda codes: _numpy_columns(codes, text=False)),
    Format("numpy text <U", lambda codes: _numpy_columns(codes, text=True)),
    Format("polars String", lambda codes: _polars_columns(codes, categorical=False)),
    Format("pandas category", lambda codes: _pandas_columns(codes, "category"), True),
    Format("polars Enum/Categorical", lambda codes: _polars_columns(codes, True), True),
)


def _gather_inputs(codes: dict[str, NDArray[Any]]) -> tuple[NDArray[Any], NDArray[np.float64]]:
    """The floor's second part, made beforehand: each row's key (currency, period, month,
    country) and one factor per key."""
    month = (FIRST_DAY + codes["day"].astype("timedelta64[D]")).astype("datetime64[M]")
    month_code = month.astype(np.int64) - int(month.min().astype(np.int64))
    key = ((codes["cur"] * len(PERIODS) + codes["per"]) * 240 + month_code) * 2 + (_euro(codes) + 1)
    factors = np.random.default_rng(SEED).uniform(0.5, 2.0, len(CURRENCIES) * 3 * 240 * 2)
    return key.astype(np.intp), factors


def _floor_rows(
    codes: dict[str, NDArray[Any]], size: Size, notes: list[str], floors: dict[str, float]
) -> list[Row]:
    """Row 1: each format's conversion against the unavoidable work on its columns (the floor
    of each format goes into *floors*)."""
    key, factors = _gather_inputs(codes)
    amounts = codes["pay"]

    def gather() -> NDArray[np.float64]:
        found: NDArray[np.float64] = factors.take(key) * amounts
        return found

    found: list[Row] = []
    expected: NDArray[np.float64] | None = None
    label = f"{len(amounts):,} rows"
    for form in FORMATS:
        columns = form.columns(codes)
        ours, factorized, gathered = _timed(
            [
                lambda columns=columns: _convert_columns(columns),  # type: ignore[misc]
                lambda columns=columns: _factorize_keys(columns),  # type: ignore[misc]
                gather,
            ],
            size.repeats,
        )
        result = _convert_columns(columns)
        same = True
        if expected is None:
            expected = result
        else:
            same = np.array_equal(result, expected, equal_nan=True)
            if not same:
                _agreement(f"{form.name} vs pandas str", result, expected, notes)
        floor = floors[form.name] = factorized.warm + gathered.warm
        notes.append(
            f"{form.name}: careerkit {_fmt(ours.warm)} (first call {_fmt(ours.first)}, spread "
            f"{ours.spread:.2f}x); pandas.factorize of the 4 key columns {_fmt(factorized.warm)}; "
            f"gather-and-multiply {_fmt(gathered.warm)}; "
            + ("the same figures as pandas str" if same else "see above")
        )
        if form.categorical:
            found.append(
                Row(
                    f"{form.name}, {label}",
                    ours.warm,
                    gathered.warm,
                    "gather-and-multiply",
                    0.1,
                    "<= 10x gather",
                )
            )
        else:
            found.append(
                Row(
                    f"{form.name}, {label}",
                    ours.warm,
                    floor,
                    "factorize + gather",
                    0.5,
                    "<= 2x the floor",
                )
            )
        del columns
        gc.collect()
    return found


# --- the careerkit paths and the alternatives ---------------------------------------------------


def _careerkit_array(df: pd.DataFrame) -> NDArray[np.float64]:
    return convert_array(
        df["pay"],
        currency=df["cur"],
        period=df["per"],
        when=df["posted"],
        country=df["country"],
        to_currency=TO_CURRENCY,
        to_period=TO_PERIOD,
        prices_of=PRICES_OF,
    )


def _careerkit_accessor(df: pd.DataFrame) -> pd.Series:
    result: pd.Series = df.careerkit.convert(**ARGUMENTS)
    return result


def _factor(currency: str, period: str, month: np.datetime64, country: str | None) -> float:
    """One combination's factor through the scalar ``Pay`` chain."""
    pay = Pay(1, currency, period, when=str(month.astype("datetime64[M]")))
    return float(
        pay.per(TO_PERIOD).in_prices_of(PRICES_OF, country=country).to_currency(TO_CURRENCY).exact
    )


def _factor_table(df: pd.DataFrame) -> NDArray[np.float64]:
    """The practical limit: integer codes, one factor per distinct combination, one gather."""
    currency_codes, currencies = pd.factorize(df["cur"])
    period_codes, periods = pd.factorize(df["per"])
    months = df["posted"].to_numpy().astype("datetime64[M]")
    month_codes, month_ticks = pd.factorize(months.view(np.int64))
    country_codes, countries = pd.factorize(df["country"])  # a missing country: -1
    country_codes = country_codes + 1
    sizes = (len(currencies), len(periods), len(month_ticks), len(countries) + 1)
    key = currency_codes.astype(np.int64)
    for codes, size in zip((period_codes, month_codes, country_codes), sizes[1:], strict=True):
        key *= size
        key += codes
    key_codes, keys = pd.factorize(key)
    factors = np.empty(len(keys))
    for at, (c, p, m, k) in enumerate(zip(*np.unravel_index(keys, sizes), strict=True)):
        month = np.datetime64(int(month_ticks[m]), "M")
        country = None if k == 0 else countries[k - 1]
        factors[at] = _factor(currencies[c], periods[p], month, country)
    result: NDArray[np.float64] = factors[key_codes] * df["pay"].to_numpy(dtype=np.float64)
    return result


def _merge(df: pd.DataFrame) -> NDArray[np.float64]:
    """What many users write: the distinct combinations' factors, merged back onto the rows."""
    keys = df[["cur", "per", "country"]].assign(
        month=df["posted"].to_numpy().astype("datetime64[M]")
    )
    table = keys.drop_duplicates()
    columns = (table["cur"], table["per"], table["month"].to_numpy(), table["country"])
    table["factor"] = [
        _factor(c, p, m, None if pd.isna(k) else k) for c, p, m, k in zip(*columns, strict=True)
    ]
    merged = keys.merge(table, on=["cur", "per", "country", "month"], how="left")
    factors = merged["factor"].to_numpy(dtype=np.float64)
    result: NDArray[np.float64] = factors * df["pay"].to_numpy(dtype=np.float64)
    return result


def _pay_loop(df: pd.DataFrame) -> NDArray[np.float64]:
    """Row by row, as a loop over the columns would do it."""
    results = []
    for pay, currency, period, posted, country in zip(
        df["pay"], df["cur"], df["per"], df["posted"], df["country"], strict=True
    ):
        converted = (
            Pay(pay, currency, period, when=posted.date())
            .per(TO_PERIOD)
            .in_prices_of(PRICES_OF, country=None if pd.isna(country) else country)
            .to_currency(TO_CURRENCY)
        )
        results.append(float(converted.exact))
    return np.array(results)


# --- conversion rows ---------------------------------------------------------------------------


def _conversion_rows(df: pd.DataFrame, size: Size, notes: list[str]) -> list[Row]:
    rows = len(df)
    array, table, merge, accessor = _timed(
        [
            lambda: _careerkit_array(df),  # first: its first call reads careerkit's data
            lambda: _factor_table(df),
            lambda: _merge(df),
            lambda: _careerkit_accessor(df),
        ],
        size.repeats,
    )
    ours = array.warm
    notes.append(f"convert_array first call (reads careerkit's data): {_fmt(array.first)}")
    result = _careerkit_array(df)
    _agreement("convert_array vs factor table", result, _factor_table(df), notes)
    _agreement("convert_array vs pandas merge", result, _merge(df), notes)
    _agreement("accessor vs convert_array", _careerkit_accessor(df).to_numpy(), result, notes)

    sample = df.iloc[: size.loop_sample]
    (loop,) = _timed([lambda: _pay_loop(sample)], 1)
    per_row = loop.warm / len(sample)
    _agreement(
        f"convert_array vs Pay loop ({len(sample):,} rows)",
        result[: len(sample)],
        _pay_loop(sample),
        notes,
    )
    notes.append(
        f"Pay loop: {_fmt(per_row)} a row on {len(sample):,} rows; x {rows:,} rows = "
        f"{_fmt(per_row * rows)}"
    )

    label = f"{rows:,} rows"
    return [
        Row(f"convert_array, {label}", ours, table.warm, "numpy factor table", 0.5, "within 2x"),
        Row(f"convert_array, {label}", ours, merge.warm, "pandas merge", None, "(information)"),
        Row(
            f"convert_array, {label}",
            ours,
            per_row * rows,
            f"Pay loop (x{len(sample):,})",
            100.0,
            ">= 100x faster",
        ),
        Row(
            f"df.careerkit.convert, {label}",
            accessor.warm,
            ours,
            "convert_array",
            1 / 1.3,
            "<= 1.3x",
        ),
    ]


# --- peak memory ---------------------------------------------------------------------------------


def _status(field: str) -> int:
    """A field of /proc/self/status, in bytes."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    raise LookupError(field)


MEMORY_PATHS = (*(form.name for form in FORMATS), "accessor", "numpy factor table")


def _memory_call(path: str, codes: dict[str, NDArray[Any]]) -> tuple[Callable[[], object], int]:
    """The call of *path* on the rows *codes*, and its input's size in bytes."""
    if path in ("accessor", "numpy factor table"):
        df = _rows(codes)
        call = _careerkit_accessor if path == "accessor" else _factor_table
        return (lambda: call(df)), _input_bytes(df)
    form = next(form for form in FORMATS if form.name == path)
    columns = form.columns(codes)
    size = sum(_bytes(columns[name]) for name in ("pay", *KEYS))
    return (lambda: _convert_columns(columns)), size


def _memory_child(rows: int) -> None:
    """In a fresh process: the peak memory of one call of each path, printed as JSON.

    ``rss``: the resident set's peak during the call over the resident set before it
    (``None`` where /proc/self/clear_refs cannot be written). ``traced``:
    tracemalloc's peak during a second call (numpy's and Python's allocations, not
    pyarrow's or polars').
    """
    small = _all_codes(50_000, seed=SEED + 1)
    for path in MEMORY_PATHS:  # careerkit's data (every combination), the libraries' caches
        _memory_call(path, small)[0]()
    codes = _all_codes(rows)
    found = {}
    for path in MEMORY_PATHS:
        call, size = _memory_call(path, codes)
        gc.collect()
        rss: int | None = None
        try:
            with open("/proc/self/clear_refs", "w") as clear:
                clear.write("5")  # the peak resident set starts again from the current one
        except OSError:
            pass
        else:
            before = _status("VmRSS")
            result = call()
            rss = _status("VmHWM") - before
            del result
            gc.collect()
        tracemalloc.start()
        result = call()
        traced = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        del result, call
        gc.collect()
        found[path] = {"rss": rss, "traced": traced, "input": size}
    print(json.dumps(found))


def _memory_rows(rows: int, notes: list[str]) -> list[Row]:
    completed = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(rows)],
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, dict[str, Any]] = json.loads(completed.stdout.strip().splitlines()[-1])
    if any(report["rss"] is None for report in found.values()):
        notes.append(
            "peak memory: /proc/self/clear_refs is not writable here, so only tracemalloc's peak "
            "is shown: numpy's and Python's allocations (pyarrow's and polars' are not traced)"
        )

    def peak(path: str) -> float:
        # The resident set misses memory the allocator reuses (small arrays), tracemalloc
        # misses pyarrow's and polars': the larger of the two.
        report = found[path]
        return float(max(report["rss"] or 0, report["traced"]))

    def shown(path: str, measure: str) -> str:
        report = found[path]
        if report[measure] is None:
            return "n/a"
        return f"{_fmt(report[measure], 'B')} = {report[measure] / report['input']:.2f}x"

    notes.append(
        "peak memory over the input, resident set / tracemalloc (the table shows the larger): "
        + "; ".join(
            f"{path} {shown(path, 'rss')} / {shown(path, 'traced')} of {_fmt(found[path]['input'], 'B')}"
            for path in MEMORY_PATHS
        )
    )
    return [
        Row(
            f"peak memory, {path}",
            peak(path),
            float(found[path]["input"]),
            "input columns",
            1 / 2,
            "<= 2x input",
            "B",
        )
        for path in MEMORY_PATHS
        if path != "numpy factor table"
    ]


# --- without pandas ------------------------------------------------------------------------------

_NO_PANDAS = """
from __future__ import annotations
import gc, json, math, statistics, sys, time
import numpy as np
from careerkit import convert_array
CURRENCIES, PERIODS, SEED, DAYS = {constants}
FIRST_DAY = np.datetime64("2004-01-01", "D")
{generator}
rows, repeats = int(sys.argv[1]), int(sys.argv[2])
parts = [_codes(part, size) for part, size in enumerate(_parts(rows))]
codes = {{name: np.concatenate([part[name] for part in parts]) for name in parts[0]}}
euro = np.where(codes["cur"] == CURRENCIES.index("EUR"), 1, 0)
found = {{}}
for name, text in (("numpy object", False), ("numpy text <U", True)):
    table = np.array if text else (lambda values: np.array(values, dtype=object))
    columns = dict(
        currency=table(CURRENCIES)[codes["cur"]],
        period=table(PERIODS)[codes["per"]],
        when=(FIRST_DAY + codes["day"].astype("timedelta64[D]")).astype("datetime64[s]"),
        country=np.array([None, "DE"], dtype=object)[euro],
    )
    times = []
    for _ in range(repeats + 1):
        gc.disable()
        start = time.process_time()
        convert_array(codes["pay"], **columns, to_currency="INR", to_period="month",
                      prices_of="2024")
        times.append(time.process_time() - start)
        gc.enable()
    found[name] = [times[0], statistics.median(times[1:])]
found["pandas imported"] = "pandas" in sys.modules
print(json.dumps(found))
"""


def _no_pandas_rows(
    codes: dict[str, NDArray[Any]], size: Size, floors: dict[str, float], notes: list[str]
) -> list[Row]:
    """Row 2: numpy columns converted in a child process that never imports pandas."""
    import inspect

    script = _NO_PANDAS.format(
        constants=repr((CURRENCIES, PERIODS, SEED, DAYS)),
        generator=inspect.getsource(_codes) + "\n" + inspect.getsource(_parts),
    )
    completed = subprocess.run(
        [sys.executable, "-c", script, str(len(codes["pay"])), str(size.repeats)],
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(completed.stdout.strip().splitlines()[-1])
    if found.pop("pandas imported"):
        notes.append("without pandas: the child imported pandas after all (the rows are void)")
    notes.append(
        "without pandas (a child process): "
        + "; ".join(f"{name} first call {_fmt(times[0])}" for name, times in found.items())
    )
    return [
        Row(
            f"{name} without pandas, {len(codes['pay']):,} rows",
            times[1],
            floors[name],
            "factorize + gather",
            None,
            "(information)",
        )
        for name, times in found.items()
    ]


# --- Dask ----------------------------------------------------------------------------------------


def _tasks(dask_scheduler: Any) -> int:
    """On the scheduler: how many tasks it holds."""
    return len(dask_scheduler.tasks)


def _dask_row(df: pd.DataFrame, size: Size, notes: list[str]) -> Row:
    import cloudpickle
    import dask.dataframe as dd
    from distributed import Client, LocalCluster, wait

    import careerkit.dask

    # The workers cannot import the benchmarks folder: send _chunk by value.
    cloudpickle.register_pickle_by_value(sys.modules[__name__])

    def single() -> float:
        return float(_careerkit_accessor(df).sum())

    # Before the cluster starts: its processes (and the scheduler's thread in this one)
    # would otherwise share the 2 cores with the single process.
    (theirs,) = _timed([single], size.repeats, clock=time.perf_counter)
    expected = single()

    parts = _parts(len(df))
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        ddf = dd.from_map(_chunk, range(len(parts)), parts, meta=_chunk(0, 0))
        ddf = client.persist(ddf)
        wait(ddf)
        held = client.run_on_scheduler(_tasks)

        def distributed() -> float:
            return float(careerkit.dask.convert(ddf, **ARGUMENTS).sum().compute())

        def settle() -> None:
            # The same call makes the same keys: until the scheduler has released the last
            # call's results, the next would reuse them rather than convert anything.
            deadline = time.monotonic() + 30
            while client.run_on_scheduler(_tasks) > held and time.monotonic() < deadline:
                time.sleep(0.01)

        (ours,) = _timed([distributed], size.repeats, settle, clock=time.perf_counter)
        _agreement("Dask sum vs pandas sum", [distributed()], [expected], notes)
        settle()
        notes.append(
            f"Dask first call (workers read careerkit's data): {_fmt(ours.first)}; "
            f"{len(parts)} partitions on {len(client.scheduler_info()['workers'])} workers; "
            "the single process was timed before the cluster started"
        )
    return Row(
        f"careerkit.dask.convert, {len(df):,} rows",
        ours.warm,
        theirs.warm,
        "pandas, 1 process",
        None,
        "(information)",
    )


# --- parsing -------------------------------------------------------------------------------------


def _rupee_range(rng: np.random.Generator) -> str:
    low = int(rng.integers(5, 90)) * 1_000
    return f"₹{low:,}–{low + int(rng.integers(1, 40)) * 1_000:,} per month"


def _dollars_an_hour(rng: np.random.Generator) -> str:
    return f"${rng.integers(800, 9_000) / 100:.2f}/hr"


def _lakhs(rng: np.random.Generator) -> str:
    return f"{rng.integers(20, 400) / 10:g} LPA"


def _dollars_a_year(rng: np.random.Generator) -> str:
    return f"${int(rng.integers(40, 500)) * 500:,} a year"


def _euros_a_year(rng: np.random.Generator) -> str:
    return f"€{int(rng.integers(200, 1_500)) * 100:,} per year"


def _pounds_an_hour(rng: np.random.Generator) -> str:
    return f"£{rng.integers(900, 6_000) / 100:.2f} per hour"


TEMPLATES = [
    _rupee_range,
    _dollars_an_hour,
    _lakhs,
    _dollars_a_year,
    _euros_a_year,
    _pounds_an_hour,
]


def _texts(count: int, distinct: int, seed: int = SEED) -> tuple[pd.Series, list[str]]:
    """*count* strings drawn from *distinct* distinct pay texts, and those texts."""
    rng = np.random.default_rng(seed)
    found: dict[str, None] = {}
    for attempt in range(100 * distinct):  # the templates in turn, until enough are distinct
        if len(found) == distinct:
            break
        found[TEMPLATES[attempt % len(TEMPLATES)](rng)] = None
    else:
        raise ValueError(f"the templates give fewer than {distinct:,} distinct texts")
    uniques = list(found)
    picks = rng.integers(0, len(uniques), count)
    return pd.Series(np.asarray(uniques, dtype=object)[picks], dtype="str"), uniques


def _ends(text: str) -> tuple[float, float]:
    found = parse_pay(text)
    if isinstance(found, PayRange):
        ends = [np.nan if end is None else float(end.amount) for end in (found.low, found.high)]
        return ends[0], ends[1]
    return float(found.amount), float(found.amount)


def _parse_row(size: Size, notes: list[str]) -> Row:
    for template in TEMPLATES:  # every template reads as careerkit reads pay text
        _ends(template(np.random.default_rng(0)))
    texts, uniques = _texts(size.strings, size.distinct)
    (ours,) = _timed([lambda: texts.careerkit.parse()], size.repeats)
    sample = texts.iloc[: size.parse_sample].tolist()
    (loop,) = _timed([lambda: [parse_pay(text) for text in sample]], 1)
    per_row = loop.warm / len(sample)
    parsed = texts.iloc[: len(sample)].careerkit.parse()
    ends = np.array([_ends(text) for text in sample])
    _agreement(
        f"parse vs parse_pay loop ({len(sample):,} rows)",
        parsed[["low", "high"]].to_numpy().ravel(),
        ends.ravel(),
        notes,
    )
    notes.append(
        f"parse: {len(texts):,} strings, {len(uniques):,} distinct; first call {_fmt(ours.first)}; "
        f"parse_pay loop {_fmt(per_row)} a row on {len(sample):,} rows"
    )
    return Row(
        f"series.careerkit.parse, {len(texts):,}",
        ours.warm,
        per_row * len(texts),
        f"parse_pay loop (x{len(sample):,})",
        None,
        "(information)",
    )


# --- the table -----------------------------------------------------------------------------------


def _print(rows: Sequence[Row], notes: Sequence[str]) -> None:
    header = (
        f"{'comparison':<40}{'careerkit':>12}{'alternative':>13}  {'(alternative)':<24}"
        f"{'ratio':>9}  {'target':<16}{'result':<6}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row.name:<40}{_fmt(row.careerkit, row.unit):>12}"
            f"{_fmt(row.alternative, row.unit):>13}  {row.alternative_name:<24}"
            f"{row.ratio:>8.2f}x  {row.target:<16}{row.verdict:<6}"
        )
    print()
    print("ratio = alternative / careerkit (above 1: careerkit faster, or peak below the input).")
    for note in notes:
        print(f"note: {note}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="CI size: 2 * 10**5 rows")
    parser.add_argument("--rows", type=int, help="rows to convert (default 10**7)")
    parser.add_argument("--strings", type=int, help="strings to parse (default 10**6)")
    parser.add_argument("--distinct", type=int, help="distinct strings (default 10**4)")
    parser.add_argument("--no-dask", action="store_true", help="leave out the Dask row")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child is not None:
        _memory_child(args.memory_child)
        return

    started = time.perf_counter()
    size = Size.chosen(args)
    notes: list[str] = []
    built = time.perf_counter()
    codes = _all_codes(size.rows)
    df = _rows(codes)
    notes.append(
        f"{len(df):,} rows built in {_fmt(time.perf_counter() - built)}; input "
        f"{_fmt(_input_bytes(df), 'B')} ({', '.join(f'{k} {v}' for k, v in df.dtypes.items())})"
    )
    rows = _conversion_rows(df, size, notes)  # first: convert_array's first call is cold
    floors: dict[str, float] = {}
    rows = _floor_rows(codes, size, notes, floors) + rows
    rows += _no_pandas_rows(codes, size, floors, notes)
    rows += _memory_rows(size.rows, notes)
    if not args.no_dask:
        rows.append(_dask_row(df, size, notes))
    del df, codes
    gc.collect()
    rows.append(_parse_row(size, notes))
    if size.rows < 10**7:
        notes.append(
            f"the targets are for 10,000,000 rows: at {size.rows:,}, fixed costs (reading the "
            "columns' distinct values, the factor table) weigh more against the per-row work"
        )
    notes.append(
        f"CPU time (but Dask: wall time), median of {size.repeats} calls after a first; "
        f"{os.cpu_count()} cores; numpy {np.__version__}, pandas {pd.__version__}, polars "
        f"{pl.__version__}, pyarrow {pa.__version__}; child processes byte-compiled (bytecode "
        f"cache {os.environ['PYTHONPYCACHEPREFIX']}); whole run "
        f"{_fmt(time.perf_counter() - started)}"
    )
    _print(rows, notes)


if __name__ == "__main__":
    main()
