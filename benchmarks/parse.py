"""Reading pay text: ``parse_pay`` per distinct string, and ``series.careerkit.parse()``
against a plain loop of ``careerkit.parse_pay`` over all-distinct strings.

Run::

    pip install -e '.[bench]'
    python benchmarks/parse.py            # 50,000 distinct strings
    python benchmarks/parse.py --quick    # CI (also when CI=true): 5,000
    python benchmarks/parse.py --unique 20000 --repeats 7

The strings are pay as job boards, notices and Hindi news write it, made from
templates with random amounts so that every string is distinct (nothing to share):
US dollars by the hour and year (``$14.36/hr``, ``$45,000 - $55,000 a year``,
``$60K+ a year``, ``Up to $25.50 an hour``, ``45k-55k USD per year``), rupees in
Indian grouping, lakh and Hindi (``₹4,00,000 - ₹6,00,000 per annum``,
``Rs. 15,000/- p.m.``, ``3.5 LPA``, ``8-12 Lacs P.A.``, ``₹25,000 प्रति माह``,
``10,000 से 28,000 रूपये मासिक``, Devanagari digits), euros and pounds
(``€45.000 per year``, ``£30,000 - £35,000 a year``), and some that careerkit
refuses or reads as no figure (``None``), as boards print them (``DOE``, ``Competitive``,
``45k-55k USD`` with no period). Rows:

1. ``parse_pay`` on each string once (a ``try``/``except PayParseError`` loop), in
   CPU microseconds per string: target at most 20 us. Per family of template too.
2. ``pd.Series(strings, dtype="str").careerkit.parse(errors="coerce")`` against that
   loop (the loop a user would write): target the accessor never slower (ratio
   loop / accessor at least 1). Their results must agree on every row (low, high,
   currency and period; a refused string is NaN and missing in the accessor).
3. The same with a polars ``Series`` (for information).
4. 20x the rows, drawn from the same strings, through the accessor (each distinct
   string read once) against the loop's time per row, extrapolated (for information).

Times are CPU time (``time.process_time``; the machine is shared), the garbage
collector off during each call (timeit's way), the alternatives taking turns, each
the least of ``--repeats`` calls; the spread of the repeats (slowest / fastest) is
printed as the noise. The tokenizer's patterns are built by a first call before any
clock starts. A missed target is reported, never raised: the script exits 0 either
way. No timing here is asserted by a test.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import polars as pl

import careerkit
import careerkit.pandas
import careerkit.polars  # registers the accessors (pandas too)
from careerkit import Pay, PayParseError, PayRange, parse_pay

SEED = 2026
TARGET_US = 20.0
Template = Callable[[np.random.Generator], str]


def _indian(amount: int) -> str:
    """*amount* grouped as India writes it: 4,00,000."""
    text = str(amount)
    if len(text) <= 3:
        return text
    head, tail = text[:-3], text[-3:]
    pairs = []
    while len(head) > 2:
        head, pairs = head[:-2], [head[-2:], *pairs]
    return ",".join([head, *pairs, tail])


def _devanagari(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "०१२३४५६७८९"))


def _pair(rng: np.random.Generator, low: int, high: int, step: int) -> tuple[int, int]:
    first = int(rng.integers(low, high)) * step
    return first, first + int(rng.integers(1, 20)) * step


def _cents(rng: np.random.Generator, low: int, high: int) -> str:
    return f"{int(rng.integers(low * 100, high * 100)) / 100:.2f}"


US: list[Template] = [
    lambda r: f"${_cents(r, 9, 95)}/hr",
    lambda r: f"${_cents(r, 9, 95)} an hour",
    lambda r: "${:,} - ${:,} a year".format(*_pair(r, 30, 300, 1000)),
    lambda r: "${}K-${}K a year".format(*_pair(r, 30, 300, 1)),
    lambda r: f"${int(r.integers(30, 300))}K+ a year",
    lambda r: f"Up to ${_cents(r, 12, 60)} an hour",
    lambda r: f"From ${int(r.integers(30, 300)) * 1000:,} a year",
    lambda r: f"USD {int(r.integers(25_000, 300_000)):,} a year",
    lambda r: "${:,} - ${:,} CAD per year".format(*_pair(r, 40, 250, 1000)),
    lambda r: "{}k-{}k USD per year".format(*_pair(r, 30, 300, 1)),
    lambda r: "Salary: ${:,}.00 - ${:,}.00 per year".format(*_pair(r, 30, 300, 1000)),
    lambda r: f"${_cents(r, 12, 40)} - ${_cents(r, 41, 90)} per hour (Glassdoor est.)",
]
INDIA: list[Template] = [
    lambda r: "₹{} - ₹{} per annum".format(*map(_indian, _pair(r, 2, 40, 100_000))),
    lambda r: f"Rs. {int(r.integers(8, 200)) * 500:,}/- p.m.",
    lambda r: f"{int(r.integers(2, 60)) / 2:g} LPA",
    lambda r: "{}-{} Lacs P.A.".format(*_pair(r, 2, 40, 1)),
    lambda r: "₹{:,}–{:,} per month".format(*_pair(r, 8, 100, 1000)),
    lambda r: f"Up to ₹{int(r.integers(2, 60))} LPA",
    lambda r: f"₹{int(r.integers(2, 60)) / 2:g} lakh per annum",
    lambda r: "Salary: ₹{:,}.00 - ₹{:,}.00 per month.".format(*_pair(r, 8, 100, 1000)),
    lambda r: f"₹{int(r.integers(8, 200)) * 500:,} a month",
]
HINDI: list[Template] = [
    lambda r: f"₹{_indian(int(r.integers(8, 200)) * 500)} प्रति माह",
    lambda r: "{} से {} रूपये मासिक".format(*map(_indian, _pair(r, 8, 100, 1000))),
    lambda r: _devanagari("₹{} से ₹{} प्रति माह".format(*map(_indian, _pair(r, 8, 100, 1000)))),
    lambda r: f"{int(r.integers(2, 60))} लाख तक प्रति वर्ष",
]
EUROPE: list[Template] = [
    lambda r: f"€{int(r.integers(20, 150))}.{int(r.integers(0, 1000)):03d} per year",
    lambda r: "£{:,} - £{:,} a year".format(*_pair(r, 20, 150, 1000)),
    lambda r: f"£{_cents(r, 10, 60)} per hour",
    lambda r: "€{}k - €{}k per year".format(*_pair(r, 20, 150, 1)),
]
REFUSED: list[Template] = [
    lambda r: "{}k-{}k USD".format(*_pair(r, 30, 300, 1)),  # no period
    lambda r: "${:,} - ${:,}".format(*_pair(r, 30, 300, 1000)),  # no period
]
FAMILIES = {
    "US dollars": (US, 5),
    "rupees (English)": (INDIA, 4),
    "rupees (Hindi)": (HINDI, 2),
    "euros, pounds": (EUROPE, 2),
    "refused (no period)": (REFUSED, 1),
}
"""Each family's templates, and its share of the strings."""
AS_PRINTED = ["DOE", "Competitive", "Not disclosed", "Negotiable", "Salary: DOE"]
"""What boards print for no figure, once each: ``None`` (issue 27), before that refused."""


@dataclass(frozen=True)
class Size:
    unique: int
    repeats: int

    @classmethod
    def chosen(cls, args: argparse.Namespace) -> Size:
        quick = args.quick or os.environ.get("CI") == "true"
        size = cls(5_000, 5) if quick else cls(50_000, 5)
        return cls(args.unique or size.unique, args.repeats or size.repeats)


def corpus(count: int, seed: int = SEED) -> tuple[list[str], dict[str, str]]:
    """*count* distinct pay strings, and each one's family."""
    rng = np.random.default_rng(seed)
    found: dict[str, str] = dict.fromkeys(AS_PRINTED, "refused (as printed)")
    weights = np.array([share for _, share in FAMILIES.values()], dtype=float)
    names = list(FAMILIES)
    for _ in range(100 * count):
        if len(found) >= count:
            break
        name = names[rng.choice(len(names), p=weights / weights.sum())]
        templates = FAMILIES[name][0]
        found.setdefault(templates[rng.integers(len(templates))](rng), name)
    else:
        raise ValueError(f"the templates give fewer than {count:,} distinct strings")
    texts = list(found)
    order = rng.permutation(len(texts))
    return [texts[at] for at in order], found


def _loop(texts: Sequence[str]) -> list[Pay | PayRange | None]:
    """The loop a user would write."""
    found: list[Pay | PayRange | None] = []
    for text in texts:
        try:
            found.append(parse_pay(text))
        except PayParseError:
            found.append(None)
    return found


def _cpu_turns(functions: Sequence[Callable[[], object]], repeats: int) -> list[list[float]]:
    """CPU seconds of *repeats* calls of each function, taking turns, the collector off."""
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(repeats):
        for at, function in enumerate(functions):
            gc.collect()
            gc.disable()
            try:
                start = time.process_time()
                function()
                times[at].append(time.process_time() - start)
            finally:
                gc.enable()
    return times


def _spread(times: Sequence[float]) -> str:
    return f"{max(times) / min(times):.2f}"


def _ends(found: Pay | PayRange | None) -> tuple[float, float, str | None, str | None]:
    if found is None:
        return math.nan, math.nan, None, None
    if isinstance(found, PayRange):
        low, high = (
            math.nan if end is None else float(end.amount) for end in (found.low, found.high)
        )
        return low, high, found.currency, found.period.value
    return float(found.amount), float(found.amount), found.currency, found.period.value


def _agree(columns: Sequence[Sequence[object]], expected: Sequence[tuple[object, ...]]) -> str:
    """Whether an accessor's columns (low, high, currency, period) equal the loop's rows."""

    def same(ours: object, theirs: object) -> bool:
        if isinstance(theirs, float) and math.isnan(theirs):
            return isinstance(ours, float) and math.isnan(ours)
        if theirs is None:
            return ours is None or (isinstance(ours, float) and math.isnan(ours))
        return ours == theirs

    rows = list(zip(*columns, strict=True))
    differ = sum(
        not all(same(o, t) for o, t in zip(row, want, strict=True))
        for row, want in zip(rows, expected, strict=True)
    )
    return "agree on every row" if not differ else f"DISAGREE on {differ:,} rows"


@dataclass(frozen=True)
class Result:
    name: str
    ours: float  # seconds
    alternative: float  # seconds
    alternative_name: str
    min_ratio: float | None
    target: str

    @property
    def ratio(self) -> float:
        return self.alternative / self.ours

    @property
    def verdict(self) -> str:
        if self.min_ratio is None:
            return "info"
        return "PASS" if self.ratio >= self.min_ratio else "MISS"


def _us(seconds: float, count: int) -> str:
    return f"{seconds / count * 1e6:.1f} us"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="CI size (also when CI=true)")
    parser.add_argument("--unique", type=int, help="distinct strings (default 50,000)")
    parser.add_argument("--repeats", type=int, help="calls of each alternative (default 5)")
    args = parser.parse_args(argv)
    size = Size.chosen(args)
    started = time.perf_counter()
    notes: list[str] = []
    texts, families = corpus(size.unique)
    cold = time.process_time()
    parse_pay("$14.36/hr")  # builds the tokenizer's patterns
    notes.append(
        f"first parse_pay (the tokenizer): {(time.process_time() - cold) * 1e3:.1f} ms CPU"
    )
    expected = [_ends(found) for found in _loop(texts)]  # first pass: every character seen
    refused = sum(1 for row in expected if row[2] is None)
    notes.append(
        f"{len(texts):,} distinct strings, {refused:,} refused; e.g. "
        + ", ".join(repr(text) for text in texts[:4])
    )
    series = pd.Series(texts, dtype="str")
    polars_series = pl.Series(texts, dtype=pl.String)
    rows = 20 * len(texts)
    repeated = pd.Series(
        np.asarray(texts, dtype=object)[np.random.default_rng(SEED).integers(0, len(texts), rows)],
        dtype="str",
    )
    kept: dict[str, object] = {}

    def pandas_call() -> None:
        kept["pandas"] = series.careerkit.parse(errors="coerce")

    def polars_call() -> None:
        kept["polars"] = polars_series.careerkit.parse(errors="coerce")

    def repeated_call() -> None:
        kept["repeated"] = repeated.careerkit.parse(errors="coerce")

    loop_t, pandas_t, polars_t, repeated_t = _cpu_turns(
        [lambda: _loop(texts), pandas_call, polars_call, repeated_call], size.repeats
    )
    loop, ours, theirs_pl, many = min(loop_t), min(pandas_t), min(polars_t), min(repeated_t)
    frame = kept["pandas"]
    assert isinstance(frame, pd.DataFrame)
    columns = [frame[name].tolist() for name in ("low", "high", "currency", "period")]
    notes.append(f"pandas accessor and loop: {_agree(columns, expected)}")
    polars_frame = kept["polars"]
    assert isinstance(polars_frame, pl.DataFrame)
    polars_columns = [
        [math.nan if value is None else value for value in polars_frame[name].to_list()]
        if name in ("low", "high")
        else polars_frame[name].to_list()
        for name in ("low", "high", "currency", "period")
    ]
    notes.append(f"polars accessor and loop: {_agree(polars_columns, expected)}")
    by_family = _families(texts, families, size.repeats)
    notes.append(
        "noise (slowest / fastest repeat): loop "
        f"{_spread(loop_t)}, pandas {_spread(pandas_t)}, polars {_spread(polars_t)}, "
        f"repeated {_spread(repeated_t)}"
    )
    results = [
        Result(
            f"parse_pay, {len(texts):,} distinct: per string",
            loop / len(texts),
            TARGET_US * 1e-6,
            f"target {TARGET_US:g} us",
            1.0,
            f"<= {TARGET_US:g} us",
        ),
        Result(
            f"pandas parse, {len(texts):,} distinct",
            ours,
            loop,
            "parse_pay loop",
            1.0,
            "never slower",
        ),
        Result(
            f"polars parse, {len(texts):,} distinct",
            theirs_pl,
            loop,
            "parse_pay loop",
            None,
            "(information)",
        ),
        Result(
            f"pandas parse, {rows:,} rows (x20 repeats)",
            many,
            loop / len(texts) * rows,
            "loop, extrapolated",
            None,
            "(information)",
        ),
    ]
    notes.append(
        f"{size.repeats} calls each, least taken; {os.cpu_count()} cores; pandas "
        f"{pd.__version__}, polars {pl.__version__}; careerkit {careerkit.__version__}; whole run "
        f"{time.perf_counter() - started:.0f} s"
    )
    _print(results, by_family, notes)


def _families(texts: Sequence[str], families: dict[str, str], repeats: int) -> list[str]:
    """parse_pay's CPU time per string, template family by family."""
    groups: dict[str, list[str]] = {}
    for text in texts:
        groups.setdefault(families[text], []).append(text)
    names = list(groups)
    times = _cpu_turns([lambda group=groups[name]: _loop(group) for name in names], repeats)
    return [
        f"{name:<24}{len(groups[name]):>8,} strings {_us(min(spent), len(groups[name])):>10}"
        for name, spent in zip(names, times, strict=True)
    ]


def _print(results: Sequence[Result], by_family: Sequence[str], notes: Sequence[str]) -> None:
    header = (
        f"{'comparison':<42}{'careerkit':>12}{'alternative':>13}  {'(alternative)':<20}"
        f"{'ratio':>8}  {'target':<16}{'result':<6}"
    )
    print(header)
    print("-" * len(header))
    for result in results:
        per_string = result.name.endswith("per string")
        ours = f"{result.ours * 1e6:.1f} us" if per_string else f"{result.ours:.3f} s"
        theirs = (
            f"{result.alternative * 1e6:.1f} us" if per_string else f"{result.alternative:.3f} s"
        )
        print(
            f"{result.name:<42}{ours:>12}{theirs:>13}  {result.alternative_name:<20}"
            f"{result.ratio:>7.2f}x  {result.target:<16}{result.verdict:<6}"
        )
    print()
    print("ratio = alternative / careerkit (above 1: careerkit is faster; for the first row,")
    print("the target over the time per string). CPU seconds for every row of the table.")
    print("parse_pay per string, by family of template:")
    for line in by_family:
        print(f"  {line}")
    for note in notes:
        print(f"note: {note}")


if __name__ == "__main__":
    main()
