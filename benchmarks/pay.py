"""careerkit's pay conversions, timed side by side with the libraries a user would reach for.

Run::

    pip install -e '.[bench]'
    python benchmarks/pay.py [--quick]

Each row times careerkit and one alternative doing the same job in the same run, in CPU
time (``time.process_time``: the machine may be shared), the two interleaved so that a
busy moment hits both alike:

1. hour -> year under a 2,080-hour schedule: ``Pay.per("year", schedule)`` on an
   existing ``Pay`` against pint's ``Quantity.to("1/work_year")`` on an existing
   quantity, with ``work_year = 2080 * hour`` defined in the registry.
2. a dated USD -> EUR conversion of a float amount:
   ``Pay(54321.37, "USD", "year", when="2015-07").to_currency("EUR")`` (Federal Reserve
   monthly average) against CurrencyConverter's ``convert(54321.37, "USD", "EUR",
   date=date(2015, 7, 1))`` (ECB daily reference rate). Warm: repeated calls in this
   process (careerkit keeps a float's ratio and a conversion's factor, so a repeated
   call is a lookup); then, for information, every call with a float neither library has
   seen (careerkit reads each one); then the floor: the least any pure-Python class of
   ``Pay``'s shape costs for the same two calls (a slotted class made with a keyword
   argument, and one instance derived from it), against the same alternative. Cold: a
   fresh interpreter, from before the import to the first result.
3. US inflation 2008 -> 2024 (annual-average CPI-U): ``Pay.in_prices_of("2024")``
   against ``cpi.inflate(100, 2008, to=2024)``. Warm, with cold for information.
4. ``convert_array`` on 10**6 amounts (hour -> year, USD -> INR in May 2008)
   against hand-written numpy multiplying by the same precomputed factor; the
   two results must agree to 1e-9 relative.
5. ``import careerkit`` over bare Python: the CPU time of a fresh ``python -c "import
   careerkit"`` less that of ``python -c "pass"``.

Warm times are the minimum over interleaved timeit repeats; cold and import times are
medians over interleaved fresh interpreters. Cold starts are byte-compiled, as an
installed package runs: this machine sets ``PYTHONDONTWRITEBYTECODE`` and careerkit is
installed editable, so without care every fresh interpreter would compile careerkit
again while its peers, installed by pip, are compiled once; the script unsets it, points
``PYTHONPYCACHEPREFIX`` at a folder of its own, and discards a first run of each.
Nothing is fetched: the CurrencyConverter and cpi data are the copies bundled with
those packages, and cpi's stale-data warning is silenced. A missed target is reported,
never raised: the script exits 0 either way. Ratios are alternative / careerkit, so
above 1 means careerkit is faster.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np
import pint

from careerkit import Pay, WorkSchedule, convert_array

# Cold starts are measured byte-compiled, as an installed package runs (pip compiles what
# it installs; an editable install and this machine's PYTHONDONTWRITEBYTECODE do not):
# fresh interpreters write bytecode to a cache of this run, and a first run is discarded.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
PYCACHE = os.environ["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="careerkit-bench-pyc-")

QUICK = "--quick" in sys.argv
_CPI_WARNING = "CPI data is out of date"
_QUIET = f"import warnings; warnings.filterwarnings('ignore', message={_CPI_WARNING!r})"
_REPEAT = 3 if QUICK else 9
_LOOP_SHARE = 4 if QUICK else 1  # --quick: loops of about 0.05 s, not autorange's 0.2 s
_COLD_RUNS = 5 if QUICK else 15
_INFO_COLD_RUNS = 3 if QUICK else 7  # the cold inflation row, for information
_IMPORT_RUNS = 7 if QUICK else 15
_DISTINCT = 5_000 if QUICK else 20_000  # new floats per repeat, more than careerkit keeps
_AMOUNT = 54321.37
_FX_WHEN = "2015-07"
_FX_DATE = date(2015, 7, 1)


@dataclass(frozen=True)
class Row:
    """One comparison: both measures (seconds, or bytes), and the ratio it must reach."""

    name: str
    careerkit: float
    alternative: float
    alternative_name: str
    min_ratio: float | None
    target: str
    unit: str = "s"  # or "B" (benchmarks/tables.py's memory rows)

    @property
    def ratio(self) -> float:
        return self.alternative / self.careerkit

    @property
    def verdict(self) -> str:
        if self.min_ratio is None:
            return "info"
        return "PASS" if self.ratio >= self.min_ratio else "MISS"


def _warm(ours: Callable[[], object], theirs: Callable[[], object]) -> tuple[float, float]:
    """CPU seconds per call of each: the minimum over interleaved repeats of a loop sized by
    autorange (each its own, at least 0.2 s; a quarter of that with ``--quick``)."""
    timers = [timeit.Timer(func, timer=time.process_time) for func in (ours, theirs)]
    numbers = [max(timer.autorange()[0] // _LOOP_SHARE, 1) for timer in timers]
    best = [float("inf"), float("inf")]
    for _ in range(_REPEAT):
        for index, timer in enumerate(timers):
            best[index] = min(best[index], timer.timeit(numbers[index]) / numbers[index])
    return best[0], best[1]


def _child_seconds(setup: str, code: str) -> float:
    """CPU seconds, in a fresh interpreter, from before *code* (imports included) to its end."""
    script = (
        f"{setup}\nimport time\nt = time.process_time()\n{code}\nprint(time.process_time() - t)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip().splitlines()[-1])


def _cold(*runs: tuple[str, str], count: int = _COLD_RUNS) -> list[float]:
    """The median CPU seconds of each ``(setup, code)`` over *count* fresh interpreters,
    interleaved.

    *setup* runs before the clock starts (warning filters, the standard library's
    ``datetime``); one extra run of each is discarded first so bytecode caches exist.
    """
    times: list[list[float]] = [[] for _ in runs]
    for i in range(count + 1):
        for index, (setup, code) in enumerate(runs):
            seconds = _child_seconds(setup, code)
            if i:
                times[index].append(seconds)
    return [statistics.median(found) for found in times]


def _process_cpu(code: str) -> float:
    """CPU seconds (user + system) of a whole fresh ``python -c code``, start-up included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", code], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _fmt(seconds: float) -> str:
    if seconds < 1e-6:
        return f"{seconds * 1e9:.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.2f} us"
    return f"{seconds * 1e3:.2f} ms"


def _schedule_row() -> Row:
    schedule = WorkSchedule.BLS_FULL_TIME
    pay = Pay(14.36, "USD", "hour")
    ureg = pint.UnitRegistry()
    ureg.define("work_year = 2080 * hour")
    quantity = ureg.Quantity(14.36, "1/hour")
    assert abs(float(pay.per("year", schedule).exact) - quantity.to("1/work_year").magnitude) < 1e-6
    ours, theirs = _warm(lambda: pay.per("year", schedule), lambda: quantity.to("1/work_year"))
    return Row("hour -> year (2,080 h)", ours, theirs, "pint Quantity.to", 20.0, ">= 20x faster")


class _Floor:
    """The least a pure-Python ``Pay`` can be: one slot, made with a keyword, derived once."""

    __slots__ = ("_state",)

    def __init__(self, amount: float, currency: str, period: str, *, when: str | None = None):
        _FLOOR_SET(self, (amount, 1, currency, period, when, (), None))

    def to_currency(self, code: str) -> _Floor:
        num, den, _, period, when, provenance, origin = self._state
        result = object.__new__(_Floor)
        _FLOOR_SET(result, (num * 3, den * 2, code, period, when, provenance, origin or self))
        return result


_FLOOR_SET = _Floor.__dict__["_state"].__set__


def _fx_rows(notes: list[str]) -> list[Row]:
    from currency_converter import CurrencyConverter

    converter = CurrencyConverter()
    ours = Pay(_AMOUNT, "USD", "year", when=_FX_WHEN).to_currency("EUR")
    theirs = converter.convert(_AMOUNT, "USD", "EUR", date=_FX_DATE)
    notes.append(
        f"{_AMOUNT} USD -> EUR: careerkit {float(ours.exact):.4f} (Fed monthly average, "
        f"July 2015); CurrencyConverter {theirs:.4f} (ECB, {_FX_DATE})"
    )
    warm = Row(
        f"USD -> EUR {_FX_WHEN}, warm",
        *_warm(
            lambda: Pay(_AMOUNT, "USD", "year", when=_FX_WHEN).to_currency("EUR"),
            lambda: converter.convert(_AMOUNT, "USD", "EUR", date=_FX_DATE),
        ),
        "CurrencyConverter",
        2.0,
        ">= 2x faster",
    )

    # Every call a float never seen: fresh floats for each repeat, more than careerkit keeps.
    rng = random.Random(2015)
    batches = [
        [round(rng.uniform(1_000, 250_000), rng.choice((0, 1, 2, 3))) for _ in range(_DISTINCT)]
        for _ in range(2 * _REPEAT)
    ]
    best = [float("inf"), float("inf")]
    for repeat in range(_REPEAT):
        for index, batch in enumerate(batches[2 * repeat : 2 * repeat + 2]):
            start = time.process_time()
            if index == 0:
                for amount in batch:
                    Pay(amount, "USD", "year", when=_FX_WHEN).to_currency("EUR")
            else:
                for amount in batch:
                    converter.convert(amount, "USD", "EUR", date=_FX_DATE)
            best[index] = min(best[index], (time.process_time() - start) / len(batch))
    distinct = Row(
        "... each amount a new float",
        best[0],
        best[1],
        "CurrencyConverter",
        None,
        "(information)",
    )
    floor = Row(
        "... floor: any pure-Python Pay",
        *_warm(
            lambda: _Floor(_AMOUNT, "USD", "year", when=_FX_WHEN).to_currency("EUR"),
            lambda: converter.convert(_AMOUNT, "USD", "EUR", date=_FX_DATE),
        ),
        "CurrencyConverter",
        None,
        "(the best ratio)",
    )
    careerkit_cold, converter_cold = _cold(
        (
            _QUIET,
            f"import careerkit\ncareerkit.Pay({_AMOUNT}, 'USD', 'year', when='{_FX_WHEN}')"
            ".to_currency('EUR')",
        ),
        (
            f"{_QUIET}\nfrom datetime import date",
            "from currency_converter import CurrencyConverter\n"
            f"CurrencyConverter().convert({_AMOUNT}, 'USD', 'EUR', date=date(2015, 7, 1))",
        ),
    )
    cold = Row(
        f"USD -> EUR {_FX_WHEN}, cold",
        careerkit_cold,
        converter_cold,
        "CurrencyConverter",
        5.0,
        ">= 5x faster",
    )
    return [warm, distinct, floor, cold]


def _cpi_rows(notes: list[str]) -> list[Row]:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=_CPI_WARNING)
        import cpi

        ours = Pay(100, "USD", "year", when="2008").in_prices_of("2024")
        theirs = cpi.inflate(100, 2008, to=2024)
        notes.append(
            f"100 USD of 2008 in 2024 prices: careerkit {float(ours.exact):.4f}; cpi {theirs:.4f}"
        )
        warm = Row(
            "CPI-U 2008 -> 2024, warm",
            *_warm(
                lambda: Pay(100, "USD", "year", when="2008").in_prices_of("2024"),
                lambda: cpi.inflate(100, 2008, to=2024),
            ),
            "cpi.inflate",
            500.0,
            ">= 500x faster",
        )
    cold = Row(
        "CPI-U 2008 -> 2024, cold",
        *_cold(
            (
                _QUIET,
                "import careerkit\n"
                "careerkit.Pay(100, 'USD', 'year', when='2008').in_prices_of('2024')",
            ),
            (_QUIET, "import cpi\ncpi.inflate(100, 2008, to=2024)"),
            count=_INFO_COLD_RUNS,
        ),
        "cpi.inflate",
        None,
        "(information)",
    )
    return [warm, cold]


def _array_row(notes: list[str]) -> Row:
    amounts = np.random.default_rng(0).uniform(5.0, 200.0, 10**6)
    factor = 2080 * 42.0019  # hours a year x INR per USD, May 2008 monthly average

    def ours() -> np.ndarray:
        return convert_array(
            amounts,
            currency="USD",
            period="hour",
            when="2008-05",
            to_period="year",
            to_currency="INR",
        )

    def theirs() -> np.ndarray:
        return amounts * factor

    error = float(np.max(np.abs(ours() - theirs()) / np.abs(theirs())))
    notes.append(
        f"convert_array vs numpy: max relative difference {error:.1e} "
        f"({'agree' if error <= 1e-9 else 'DISAGREE'} to 1e-9)"
    )
    return Row(
        "convert_array, 10**6 amounts",
        *_warm(ours, theirs),
        "numpy a * factor",
        1 / 3,
        "within 3x",
    )


def _import_row() -> Row:
    _process_cpu("import careerkit")  # discarded: writes the bytecode cache
    bare, imported = [], []
    for _ in range(_IMPORT_RUNS):
        bare.append(_process_cpu("pass"))
        imported.append(_process_cpu("import careerkit"))
    cost = statistics.median(imported) - statistics.median(bare)
    return Row(
        "import careerkit (over bare python)",
        cost,
        statistics.median(bare),
        "python -c pass",
        None,
        "< 50 ms",
    )


def main() -> None:
    notes: list[str] = []
    rows = [
        _schedule_row(),
        *_fx_rows(notes),
        *_cpi_rows(notes),
        _array_row(notes),
    ]
    import_row = _import_row()

    header = (
        f"{'comparison':<36}{'careerkit':>12}{'alternative':>13}  {'(alternative)':<20}"
        f"{'ratio':>9}  {'target':<16}{'result':<6}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row.name:<36}{_fmt(row.careerkit):>12}{_fmt(row.alternative):>13}  "
            f"{row.alternative_name:<20}{row.ratio:>8.1f}x  {row.target:<16}{row.verdict:<6}"
        )
    cost = import_row.careerkit
    print(
        f"{import_row.name:<36}{_fmt(cost):>12}{_fmt(import_row.alternative):>13}  "
        f"{'bare python (ref)':<20}{'':>9}  {import_row.target:<16}"
        f"{'PASS' if cost < 0.050 else 'MISS':<6}"
    )
    print()
    print(
        f"CPU time (time.process_time), careerkit and its alternative interleaved. warm: min of "
        f"{_REPEAT} repeats, per call; cold: median of {_COLD_RUNS} fresh interpreters each "
        f"(import + data load + first result; {_INFO_COLD_RUNS} for inflation); import: median "
        f"of {_IMPORT_RUNS}"
        f"{' (--quick)' if QUICK else ''}."
    )
    print(
        "cold starts are byte-compiled: PYTHONDONTWRITEBYTECODE unset, bytecode cached in "
        f"{PYCACHE} (PYTHONPYCACHEPREFIX), a first run of each discarded."
    )
    print("ratio = alternative / careerkit (above 1: careerkit faster).")
    for note in notes:
        print(f"note: {note}")


if __name__ == "__main__":
    main()
