"""Coding job titles in bulk: ``series.careerkit.classify()`` against a plain loop of
``careerkit.classify``, in rows per second.

Run::

    pip install -e '.[bench]'
    python benchmarks/classify.py            # 10**6 titles (10**4 distinct), 10**5 all distinct
    python benchmarks/classify.py --quick    # CI (also when CI=true): 10**5 (10**3), 10**4
    python benchmarks/classify.py --rows 200000 --distinct 5000 --unique 20000

The titles are real names written as job ads write them: O*NET's alternate titles
(``careerkit.catalogue.titles()``; before it ships, the registry's names: every
career's English title and aliases), each with posting noise drawn at random:
a level in front ("Senior", "Sr.", "Lead", "Jr."), a grade, shift, place, schedule,
remote/hybrid or requisition tail ("II", "(Nights)", "- Springfield, NJ",
"- Remote", "#4521") and, now and then, all lower case. Two tables of titles, one
row each of the table below:

1. ``--rows`` titles drawn at random from ``--distinct`` distinct ones (the shape
   of a year of job postings: few titles, many rows), as a pandas ``str`` Series;
2. ``--unique`` titles, all distinct (the accessor's worst case: nothing to share).

Each is coded by ``series.careerkit.classify()`` (each distinct title once) and by
``[careerkit.classify(title) for title in titles]``, the loop a user would write.
The loop runs over the first ``--loop-rows`` titles of the table (all of them for
table 2, unless given) and is extrapolated per row to the whole table, as
benchmarks/tables.py does; the two must agree on every row of the loop's titles
(career and score). Times are CPU time (``time.process_time``, this process; the
machine is shared), the accessor's the minimum of a few calls; the search index
is built before any clock starts (its first use is a note). Ratios are loop /
accessor, so above 1 means the accessor is faster. A missed target is reported,
never raised: the script exits 0 either way. No timing here is asserted by a test.
"""

from __future__ import annotations

import argparse
import gc
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

import careerkit
import careerkit.catalogue
import careerkit.pandas

SEED = 2024
LEVELS = ["", "", "", "Senior ", "Sr. ", "Lead ", "Jr. ", "Junior ", "Principal ", "Entry Level "]
TAILS = [
    "",
    "",
    " II",
    " III",
    " - Remote",
    " (Remote)",
    " - Hybrid",
    " (Nights)",
    " - Day Shift",
    " (Part-Time)",
    " - Springfield, NJ",
    " - Austin, TX",
    " - PRN",
]


@dataclass(frozen=True)
class Size:
    """How big a run is."""

    rows: int
    distinct: int
    unique: int
    repeats: int
    loop_rows: int
    unique_loop_rows: int

    @classmethod
    def chosen(cls, args: argparse.Namespace) -> Size:
        if args.quick or os.environ.get("CI") == "true":
            size = cls(100_000, 1_000, 10_000, 2, 5_000, 5_000)
        else:
            size = cls(1_000_000, 10_000, 100_000, 3, 100_000, 100_000)
        unique = args.unique or size.unique
        return cls(
            args.rows or size.rows,
            args.distinct or size.distinct,
            unique,
            size.repeats,
            args.loop_rows or size.loop_rows,
            min(args.loop_rows or size.unique_loop_rows, unique),
        )


def names() -> tuple[list[str], str]:
    """Real names of occupations, and where they come from."""
    catalogue = careerkit.catalogue
    if hasattr(catalogue, "titles"):
        found = sorted(
            {text for entries in catalogue.titles().values() for kind, text in entries
             if kind == "alternate title"}
        )  # fmt: skip
        if found:
            return found, f"{len(found):,} O*NET alternate titles"
    found = sorted(
        {career.title.en for career in careerkit.careers()}
        | {alias for career in careerkit.careers() for alias in career.aliases}
    )
    return found, f"{len(found):,} of the registry's names (titles and aliases)"


def posted(base: str, rng: np.random.Generator) -> str:
    """*base* as a job ad might write it."""
    title = f"{LEVELS[rng.integers(len(LEVELS))]}{base}{TAILS[rng.integers(len(TAILS))]}"
    if rng.random() < 0.05:
        title += f" #{rng.integers(1000, 99999)}"  # a requisition number: a title of its own
    if rng.random() < 0.1:
        title = title.lower()
    return title


def distinct_titles(count: int, bases: Sequence[str], seed: int) -> list[str]:
    """*count* distinct titles made from *bases*."""
    rng = np.random.default_rng(seed)
    found: dict[str, None] = {}
    while len(found) < count:
        found[posted(bases[rng.integers(len(bases))], rng)] = None
    return list(found)


def _cpu(func: Callable[[], object], repeats: int) -> float:
    """The least CPU seconds of *repeats* calls of *func*, the garbage collector off (timeit's way)."""
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            func()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


@dataclass(frozen=True)
class Result:
    name: str
    rows: int
    accessor: float  # seconds for every row
    loop: float  # seconds for every row, extrapolated from loop_rows
    loop_rows: int
    min_ratio: float | None
    target: str

    @property
    def ratio(self) -> float:
        return self.loop / self.accessor

    @property
    def verdict(self) -> str:
        if self.min_ratio is None:
            return "info"
        return "PASS" if self.ratio >= self.min_ratio else "MISS"


def _agreement(titles: pd.Series, coded: pd.DataFrame, loop: list[object]) -> str:
    """Whether the accessor's rows equal the loop's, on the loop's titles."""
    ours = list(
        zip(
            coded["career"].iloc[: len(loop)].tolist(),
            coded["score"].iloc[: len(loop)].tolist(),
            strict=True,
        )
    )
    theirs = [(None, None) if r is None else (r.id, r.score) for r in loop]  # type: ignore[attr-defined]
    differ = sum(
        1
        for (career, score), (their_career, their_score) in zip(ours, theirs, strict=True)
        if (their_career is None and not pd.isna(career))
        or (their_career is not None and (career != their_career or score != their_score))
    )
    return "agree" if not differ else f"DISAGREE on {differ:,} rows"


def measure(
    name: str,
    titles: pd.Series,
    loop_rows: int,
    repeats: int,
    target: tuple[float | None, str],
    notes: list[str],
) -> Result:
    kept: list[pd.DataFrame] = []

    def accessor_call() -> None:
        kept[:] = [titles.careerkit.classify()]

    accessor = _cpu(accessor_call, repeats)
    coded = kept[0]
    sample = titles.iloc[:loop_rows].tolist()
    loop_results: list[object] = []

    def loop() -> None:
        loop_results[:] = [careerkit.classify(title) for title in sample]

    spent = _cpu(loop, 1)
    notes.append(
        f"{name}: {titles.nunique():,} distinct; {coded['career'].notna().mean():.1%} coded at "
        f"the default least score; loop over {len(sample):,} rows: {spent:.2f} s, "
        f"{_agreement(titles, coded, loop_results)} with the accessor"
    )
    return Result(
        name, len(titles), accessor, spent / len(sample) * len(titles), len(sample), *target
    )


def _rate(rows: int, seconds: float) -> str:
    return f"{rows / seconds:,.0f}/s"


def _print(results: Sequence[Result], notes: Sequence[str]) -> None:
    header = (
        f"{'comparison':<40}{'accessor':>14}{'loop':>14}{'accessor':>10}{'loop':>10}"
        f"{'ratio':>9}  {'target':<18}{'result':<6}"
    )
    print(header)
    print(f"{'':<40}{'rows/s':>14}{'rows/s':>14}{'CPU s':>10}{'CPU s':>10}")
    print("-" * len(header))
    for result in results:
        print(
            f"{result.name:<40}{_rate(result.rows, result.accessor):>14}"
            f"{_rate(result.rows, result.loop):>14}{result.accessor:>10.2f}{result.loop:>10.2f}"
            f"{result.ratio:>8.1f}x  {result.target:<18}{result.verdict:<6}"
        )
    print()
    print("ratio = loop / accessor (above 1: the accessor is faster); loop times extrapolated")
    print("per row from the loop's rows where those are fewer than the table's.")
    for note in notes:
        print(f"note: {note}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="CI size (also when CI=true)")
    parser.add_argument("--rows", type=int, help="titles of table 1 (default 10**6)")
    parser.add_argument("--distinct", type=int, help="distinct titles of table 1 (default 10**4)")
    parser.add_argument("--unique", type=int, help="titles of table 2, all distinct (10**5)")
    parser.add_argument("--loop-rows", type=int, help="titles the loop runs over (10**5)")
    args = parser.parse_args(argv)
    size = Size.chosen(args)
    started = time.perf_counter()
    notes: list[str] = []
    bases, origin = names()
    cold = time.process_time()
    careerkit.classify("registered nurse")  # builds (or loads) the search index
    notes.append(f"first classify (the index): {time.process_time() - cold:.2f} CPU s")
    rng = np.random.default_rng(SEED)
    pool = distinct_titles(size.distinct, bases, SEED)
    repeated = pd.Series(
        np.asarray(pool, dtype=object)[rng.integers(0, len(pool), size.rows)], dtype="str"
    )
    unique = pd.Series(distinct_titles(size.unique, bases, SEED + 1), dtype="str")
    notes.append(f"titles made from {origin}, e.g. {pool[0]!r}, {pool[1]!r}, {pool[2]!r}")
    results = [
        measure(
            f"{size.rows:,} titles, {size.distinct:,} distinct",
            repeated,
            min(size.loop_rows, size.rows),
            size.repeats,
            (10.0, ">= 10x the loop"),
            notes,
        ),
        measure(
            f"{size.unique:,} titles, all distinct",
            unique,
            size.unique_loop_rows,
            max(1, size.repeats - 1),
            (0.8, "within 1.25x"),
            notes,
        ),
    ]
    notes.append(
        f"accessor: min of {size.repeats} calls (table 1), {max(1, size.repeats - 1)} (table 2); "
        f"{os.cpu_count()} cores; pandas {pd.__version__}; whole run "
        f"{time.perf_counter() - started:.0f} s"
    )
    _print(results, notes)


if __name__ == "__main__":
    main()
