"""careerkit's pay tables (``convert_array``, the pandas accessor, Dask, parsing a column), timed
against what a user would write instead.

Run::

    pip install -e '.[bench]'
    python benchmarks/tables.py            # 10**7 rows, 10**6 strings: minutes, several GB
    python benchmarks/tables.py --quick    # CI: 2 * 10**5 rows, 10**5 strings
    python benchmarks/tables.py --rows 1000000 --strings 100000 --distinct 1000

The rows are mixed: 4 currencies (USD, INR, EUR, GBP) x 3 periods (hour, month,
year) x 240 months (day-level dates from 2004-01 to 2023-12), every one taken to
INR a month in 2024 prices. Euro rows carry the country ``"DE"`` (the euro area's
World Bank inflation series ends in 2023, so a euro figure needs a country to
reach 2024 prices); the other rows' country is missing. The columns are a pandas
frame as a user would have it: ``pay`` float64, ``cur``, ``per`` and ``country``
pandas ``str``, ``posted`` datetime64. The input's size is the frame's
``memory_usage(deep=True, index=False)``. Each row of the table, all in one run:

1. ``convert_array`` (the frame's Series as they are) against a hand-written
   numpy/pandas factor table, the practical limit: ``pd.factorize`` each column
   (the months through ``.astype("datetime64[M]")``), one combined int64 key,
   ``pd.factorize`` of the key, each distinct combination's factor once through
   the ``Pay`` chain, then ``factors[codes] * amounts``. Target: careerkit takes
   at most 2x its time. The two must agree to 1e-9 relative.
2. The same against a pandas ``merge`` of the distinct combinations' factors back
   onto the rows, which is what many users write (for information).
3. The same against a row-by-row ``Pay(...).per("month").in_prices_of("2024",
   country=...).to_currency("INR")`` loop, timed on a sample and extrapolated per
   row to every row. Target: careerkit at least 100x faster; the sample must agree
   to 1e-9.
4. ``df.careerkit.convert(...)`` against ``convert_array`` on the same columns:
   the accessor's overhead. Target: at most 1.3x the array path's time.
5. Peak memory of one ``convert_array`` call, then (6.) of one accessor call, each
   in a fresh child process (this script with ``--memory-child``): careerkit's
   data is loaded by a call on a small frame, the rows are built, then the peak
   resident set is reset (``/proc/self/clear_refs``) and the call's peak
   (``VmHWM``) over the resident set before it is divided by the input's size.
   This counts pyarrow's and numpy's allocations alike, but not memory the
   allocator reuses without asking the system (small arrays, at ``--quick``
   sizes), so a second call is measured with tracemalloc (numpy's and Python's
   allocations, not pyarrow's) and the larger of the two is shown; both are in
   the notes. Target: at most 3x the input. Where ``clear_refs`` cannot be
   written, only tracemalloc's peak is used, and a note says so.
7. ``careerkit.dask.convert(...).sum().compute()`` on a ``LocalCluster`` of 2
   worker processes (1 thread each) against single-process
   ``df.careerkit.convert(...).sum()`` on the same rows, for information (these
   machines have 2 cores, so 2 workers can at best halve the time). The workers build
   their partitions themselves (``dd.from_map``, the same generator and seeds as
   the single-process frame), persisted before timing; the cluster's start is
   not timed, and the single process is timed before the cluster starts (so
   that no worker shares its cores). Between two Dask calls the script waits
   until the scheduler has released the last one's results: the same call makes
   the same keys, and would otherwise reuse them instead of converting anything.
   The two sums must agree to 1e-9 relative.
8. ``series.careerkit.parse()`` of 10**6 strings drawn from 10**4 distinct pay
   texts (ranges in rupees a month, dollars an hour, lakhs a year, dollars,
   euros and pounds a year) against a per-row ``parse_pay`` loop timed on a
   sample and extrapolated, for information; the sample's figures must agree.

Warm times are the minimum over a few repeats after one discarded first call,
with the garbage collector off during each call (as in timeit), and the
functions of rows 1-4 taking turns, so that a slow spell of the machine falls on
all of them alike; the first call's time (cold: careerkit's data is read on first
use, and ``convert_array`` runs first of all) is printed as a note. The loops
(rows 3 and 8) are timed once on their sample, after one first pass. Ratios are
alternative / careerkit, so above 1 means careerkit is faster (or, for memory,
its peak is below the input's size). A missed target is reported, never raised:
the script exits 0 either way.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from pay import Row  # benchmarks/pay.py: the same table rows

import careerkit.pandas  # noqa: F401  (registers the accessor)
from careerkit import Pay, PayRange, convert_array, parse_pay

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
            size = cls(200_000, 100_000, 1_000, 5, 2_000, 5_000)
        else:
            size = cls(10_000_000, 1_000_000, 10_000, 3, 5_000, 20_000)
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
    """Seconds of a function's first call, and the minimum over the calls after it."""

    first: float
    warm: float


def _timed(
    funcs: Sequence[Callable[[], object]],
    repeats: int,
    settle: Callable[[], None] | None = None,
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
                start = time.perf_counter()
                func()
                seen.append(time.perf_counter() - start)
            finally:
                gc.enable()
            if settle is not None:
                settle()
    return [Timing(seen[0], min(seen[1:])) for seen in times]


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


def _frame(rows: int, seed: int = SEED) -> pd.DataFrame:
    """Every partition's rows in one frame, each column one array (as read from a file)."""
    codes = [_codes(part, size, seed) for part, size in enumerate(_parts(rows))]
    return _rows({name: np.concatenate([part[name] for part in codes]) for name in codes[0]})


def _input_bytes(df: pd.DataFrame) -> int:
    return int(df.memory_usage(deep=True, index=False).sum())


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


def _memory_child(rows: int, path: str) -> None:
    """In a fresh process: the peak memory of one call, printed as JSON.

    ``rss``: the resident set's peak during the call over the resident set before it
    (``None`` where /proc/self/clear_refs cannot be written). ``traced``:
    tracemalloc's peak during a second call (numpy's and Python's allocations, not
    pyarrow's).
    """
    call = {"array": _careerkit_array, "accessor": _careerkit_accessor, "table": _factor_table}[
        path
    ]
    call(_frame(50_000, seed=SEED + 1))  # careerkit's data (every combination), pandas' caches
    df = _frame(rows)
    gc.collect()
    rss: int | None = None
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")  # the peak resident set starts again from the current one
    except OSError:
        pass
    else:
        before = _status("VmRSS")
        result = call(df)
        rss = _status("VmHWM") - before
        del result
        gc.collect()
    tracemalloc.start()
    result = call(df)
    traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del result
    print(json.dumps({"rss": rss, "traced": traced, "input": _input_bytes(df)}))


def _peak(rows: int, path: str) -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(rows), "--memory-path", path],
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return found


def _memory_rows(rows: int, notes: list[str]) -> list[Row]:
    found = {path: _peak(rows, path) for path in ("array", "accessor", "table")}
    if any(report["rss"] is None for report in found.values()):
        notes.append(
            "peak memory: /proc/self/clear_refs is not writable here, so only tracemalloc's peak "
            "is shown: numpy's and Python's allocations (pyarrow's are not traced)"
        )

    def peak(path: str) -> float:
        # The resident set misses memory the allocator reuses (small arrays), tracemalloc
        # misses pyarrow's: the larger of the two.
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
            f"{name} {shown(path, 'rss')} / {shown(path, 'traced')}"
            for path, name in (
                ("array", "convert_array"),
                ("accessor", "accessor"),
                ("table", "numpy factor table"),
            )
        )
    )
    return [
        Row(
            f"peak memory, {name}",
            peak(path),
            float(found[path]["input"]),
            "input columns",
            1 / 3,
            "<= 3x input",
            "B",
        )
        for path, name in (("array", "convert_array"), ("accessor", "df.careerkit.convert"))
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
    (theirs,) = _timed([single], size.repeats)
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

        (ours,) = _timed([distributed], size.repeats, settle)
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
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--memory-path", default="array", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child is not None:
        _memory_child(args.memory_child, args.memory_path)
        return

    started = time.perf_counter()
    size = Size.chosen(args)
    notes: list[str] = []
    built = time.perf_counter()
    df = _frame(size.rows)
    notes.append(
        f"{len(df):,} rows built in {_fmt(time.perf_counter() - built)}; input "
        f"{_fmt(_input_bytes(df), 'B')} ({', '.join(f'{k} {v}' for k, v in df.dtypes.items())})"
    )
    rows = _conversion_rows(df, size, notes)
    rows += _memory_rows(size.rows, notes)
    rows.append(_dask_row(df, size, notes))
    del df
    gc.collect()
    rows.append(_parse_row(size, notes))
    if size.rows < 10**7:
        notes.append(
            f"the targets are for 10,000,000 rows: at {size.rows:,}, the fixed cost of the "
            "2,880 exact factors (about 30 us each) weighs more against the per-row loop"
        )
    notes.append(
        f"warm: min of {size.repeats} calls after a first; {os.cpu_count()} cores; "
        f"numpy {np.__version__}, pandas {pd.__version__}; "
        f"whole run {_fmt(time.perf_counter() - started)}"
    )
    _print(rows, notes)


if __name__ == "__main__":
    main()
