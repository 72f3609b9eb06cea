"""careerkit's pay conversions, timed side by side with the libraries a user would reach for.

Run::

    pip install -e '.[bench]'
    python benchmarks/pay.py

Each row times careerkit and one alternative doing the same job in the same run:

1. hour -> year under a 2,080-hour schedule: ``Pay.per("year", schedule)`` on an
   existing ``Pay`` against pint's ``Quantity.to("1/work_year")`` on an existing
   quantity, with ``work_year = 2080 * hour`` defined in the registry.
2. a dated USD -> EUR conversion: ``Pay(..., when="2008-05").to_currency("EUR")``
   (Federal Reserve monthly average) against CurrencyConverter's
   ``convert(..., date=date(2008, 5, 2))`` (ECB daily reference rate; the ECB
   published none on 1 May 2008, a TARGET holiday, so the default converter
   raises for that day). Warm: repeated calls in this process. Cold: a fresh
   interpreter, from before the import to the first result.
3. US inflation 2008 -> 2024 (annual-average CPI-U): ``Pay.in_prices_of("2024")``
   against ``cpi.inflate(100, 2008, to=2024)``. Warm, with cold for information.
4. ``convert_array`` on 10**6 amounts (hour -> year, USD -> INR in May 2008)
   against hand-written numpy multiplying by the same precomputed factor; the
   two results must agree to 1e-9 relative.
5. ``import careerkit`` over bare Python: the wall time of ``python -c "import
   careerkit"`` minus that of ``python -c "pass"``.

Warm times are the minimum over timeit repeats (each repeat long enough for a
stable clock); cold and import times are medians over fresh interpreters, after
one discarded run so that bytecode caches exist. Nothing is fetched: the
CurrencyConverter and cpi data are the copies bundled with those packages, and
cpi's stale-data warning is silenced. A missed target is reported, never raised:
the script exits 0 either way. Ratios are alternative / careerkit, so above 1
means careerkit is faster.
"""

from __future__ import annotations

import os
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
os.environ["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="careerkit-bench-pyc-")

_CPI_WARNING = "CPI data is out of date"
_QUIET = f"import warnings; warnings.filterwarnings('ignore', message={_CPI_WARNING!r})"
_REPEAT = 5
_COLD_RUNS = 7
_IMPORT_RUNS = 15
_FX_DATE = date(2008, 5, 2)


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


def _warm(func: Callable[[], object]) -> float:
    """Seconds per call: the minimum over repeats of a loop sized by autorange."""
    timer = timeit.Timer(func)
    number, _ = timer.autorange()
    number = max(number, 1)
    return min(timer.repeat(repeat=_REPEAT, number=number)) / number


def _cold(setup: str, code: str, runs: int = _COLD_RUNS) -> float:
    """Median seconds, in a fresh interpreter, from before *code* (imports included) to its end.

    *setup* runs before the clock starts (warning filters, the standard library's
    ``datetime``); one extra run is discarded first so bytecode caches exist.
    """
    script = (
        f"{setup}\nimport time\nt = time.perf_counter()\n{code}\nprint(time.perf_counter() - t)"
    )
    times = []
    for i in range(runs + 1):
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        if i:
            times.append(float(result.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def _wall(code: str, runs: int = _IMPORT_RUNS) -> float:
    """Median wall seconds of ``python -c code``, timed around the subprocess."""
    subprocess.run([sys.executable, "-c", code], check=True)  # discarded: caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
    return Row(
        "hour -> year (2,080 h)",
        _warm(lambda: pay.per("year", schedule)),
        _warm(lambda: quantity.to("1/work_year")),
        "pint Quantity.to",
        20.0,
        ">= 20x faster",
    )


def _fx_rows(notes: list[str]) -> list[Row]:
    from currency_converter import CurrencyConverter

    converter = CurrencyConverter()
    ours = Pay(100, "USD", "year", when="2008-05").to_currency("EUR")
    theirs = converter.convert(100, "USD", "EUR", date=_FX_DATE)
    notes.append(
        f"100 USD -> EUR: careerkit {float(ours.exact):.4f} (Fed monthly average, May 2008); "
        f"CurrencyConverter {theirs:.4f} (ECB, {_FX_DATE})"
    )
    warm = Row(
        "USD -> EUR 2008-05, warm",
        _warm(lambda: Pay(100, "USD", "year", when="2008-05").to_currency("EUR")),
        _warm(lambda: converter.convert(100, "USD", "EUR", date=_FX_DATE)),
        "CurrencyConverter",
        0.5,
        "within 2x",
    )
    cold = Row(
        "USD -> EUR 2008-05, cold",
        _cold(
            _QUIET,
            "import careerkit\n"
            "careerkit.Pay(100, 'USD', 'year', when='2008-05').to_currency('EUR')",
        ),
        _cold(
            f"{_QUIET}\nfrom datetime import date",
            "from currency_converter import CurrencyConverter\n"
            "CurrencyConverter().convert(100, 'USD', 'EUR', date=date(2008, 5, 2))",
        ),
        "CurrencyConverter",
        5.0,
        ">= 5x faster",
    )
    return [warm, cold]


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
            _warm(lambda: Pay(100, "USD", "year", when="2008").in_prices_of("2024")),
            _warm(lambda: cpi.inflate(100, 2008, to=2024)),
            "cpi.inflate",
            100.0,
            ">= 100x faster",
        )
    cold = Row(
        "CPI-U 2008 -> 2024, cold",
        _cold(
            _QUIET,
            "import careerkit\ncareerkit.Pay(100, 'USD', 'year', when='2008').in_prices_of('2024')",
        ),
        _cold(_QUIET, "import cpi\ncpi.inflate(100, 2008, to=2024)"),
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
        _warm(ours),
        _warm(theirs),
        "numpy a * factor",
        1 / 3,
        "within 3x",
    )


def _import_row() -> Row:
    bare = _wall("pass")
    imported = _wall("import careerkit")
    cost = imported - bare
    return Row(
        "import careerkit (over bare python)",
        cost,
        bare,
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
        f"warm: min of {_REPEAT} timeit repeats, per call; cold: median of {_COLD_RUNS} fresh "
        f"interpreters (import + data load + first result); import: median of {_IMPORT_RUNS}."
    )
    print("ratio = alternative / careerkit (above 1: careerkit faster).")
    for note in notes:
        print(f"note: {note}")


if __name__ == "__main__":
    main()
