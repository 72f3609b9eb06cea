"""What looking careers up costs, now that careerkit holds the US occupation catalogue.

Run: python benchmarks/startup.py [--quick]  (the import itself is measured in benchmarks/pay.py)

Reports, side by side in one run, each against the floor that matters to a user:

- a cold ``import careerkit; careerkit.get("29-1141")`` (registered nurses, a
  catalogue career) in a fresh interpreter, against ``import attrs`` in a fresh
  interpreter (the model's one import-time library; target: at most 3x);
- a warm ``careerkit.get`` against a plain ``dict`` lookup of an
  already-normalised key (the least any lookup by name can cost; target: 20x);
- a warm ``careerkit.search``, median over typical queries (target: 1 ms);
- building every career, ``careerkit.careers()``, in a fresh interpreter
  (target: 2 s);
- the first question about a metropolitan area's pay in a fresh interpreter
  (``get("43-4051").pay_bands("austin")``, which reads the areas' figures), against
  the cold ``get`` alone, and the same question warm;
- the first question about a career's national pay history in a fresh interpreter
  (``get("43-4051").pay_history()``, which reads BLS's releases of 2004-2025), against
  the cold ``get`` alone, and the same question warm;
- the size of the wheel, with every career's pay, outlook, preparation, tasks,
  tools, skills and related careers (target: 10 MB).

Medians of fresh interpreters, in CPU time (the machine is shared); ``--quick``
(CI) runs fewer. No timing here is asserted by a test.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import timeit
from pathlib import Path

# Cold starts are measured byte-compiled, as an installed package runs (pip compiles what
# it installs; an editable install and this machine's PYTHONDONTWRITEBYTECODE do not):
# fresh interpreters write bytecode to a cache of this run, and a first run is discarded.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
os.environ["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="careerkit-bench-pyc-")

QUERIES = ["nurse", "custmer service", "software developer", "PR specialist", "29-11", "जनसंपर्क"]


def _median_seconds(code: str, runs: int) -> float:
    times = []
    for i in range(runs + 1):  # the first run writes the bytecode cache: discarded
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                f"import time; t=time.process_time(); {code}; print(time.process_time()-t)",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        if i:
            times.append(float(result.stdout))
    return statistics.median(times)


def _wheel_bytes() -> int:
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", out, str(root)],
            check=True,
        )
        (wheel,) = Path(out).glob("careerkit-*.whl")
        return wheel.stat().st_size


def main() -> None:
    quick = "--quick" in sys.argv
    runs = 7 if quick else 21
    # interleaved, so that a busy moment of the machine hits both alike
    floor_import = _median_seconds("import attrs", runs)
    cold = _median_seconds("import careerkit; careerkit.get('29-1141')", runs)
    floor_import = min(floor_import, _median_seconds("import attrs", runs))
    build_all = _median_seconds("import careerkit; careerkit.careers()", 3 if quick else 5)
    cold_area = _median_seconds(
        "import careerkit; careerkit.get('43-4051').pay_bands('austin')", runs
    )
    cold_csr = _median_seconds("import careerkit; careerkit.get('43-4051')", runs)
    cold_history = _median_seconds("import careerkit; careerkit.get('43-4051').pay_history()", runs)

    import careerkit

    careerkit.get("Registered Nurses")  # warm the registry and the career
    index = {"registered-nurses": 1, "rn": 1}
    loops = 20_000
    warm = min(timeit.repeat(lambda: careerkit.get("Registered Nurses"), number=loops, repeat=5))
    floor = min(timeit.repeat(lambda: index.get("registered-nurses"), number=loops, repeat=5))

    csr = careerkit.get("43-4051")
    csr.pay_bands("austin")
    warm_area = min(timeit.repeat(lambda: csr.pay_bands("austin"), number=2_000, repeat=5))
    csr.pay_history()
    warm_history = min(timeit.repeat(csr.pay_history, number=200, repeat=5))

    careerkit.search("warm")  # the index is built on the first search
    per_query = []
    for query in QUERIES:
        careerkit.search(query)  # and its results' careers, on the first of each
        times = timeit.repeat(lambda q=query: careerkit.search(q), number=20, repeat=15)
        per_query.append(statistics.median(times) / 20)
    search = statistics.median(per_query)
    wheel = _wheel_bytes()

    rows = [
        ("import attrs (fresh interpreter)", f"{floor_import * 1e3:.1f} ms", "1.0x", ""),
        (
            'import careerkit; get("29-1141") (fresh)',
            f"{cold * 1e3:.1f} ms",
            f"{cold / floor_import:.1f}x",
            "target <= 3x import attrs",
        ),
        (
            'warm careerkit.get("Registered Nurses")',
            f"{warm / loops * 1e6:.2f} us",
            f"{warm / floor:.0f}x",
            "target <= 20x dict.get",
        ),
        ("dict.get of a normalised key", f"{floor / loops * 1e6:.3f} us", "1x", ""),
        (
            f"warm careerkit.search, median of {len(QUERIES)} queries",
            f"{search * 1e3:.3f} ms",
            "",
            "target <= 1 ms",
        ),
        ("careerkit.careers(), all 830 (fresh)", f"{build_all:.2f} s", "", "target <= 2 s"),
        ('import careerkit; get("43-4051") (fresh)', f"{cold_csr * 1e3:.1f} ms", "1.0x", ""),
        (
            '... .pay_bands("austin") (fresh: reads the areas)',
            f"{cold_area * 1e3:.1f} ms",
            f"{cold_area / cold_csr:.1f}x",
            "the areas load on the first question only",
        ),
        ('warm career.pay_bands("austin")', f"{warm_area / 2_000 * 1e6:.1f} us", "", ""),
        (
            "... .pay_history() (fresh: reads the national history)",
            f"{cold_history * 1e3:.1f} ms",
            f"{cold_history / cold_csr:.1f}x",
            "the history loads on the first question only",
        ),
        ("warm career.pay_history(), 20 dates", f"{warm_history / 200 * 1e6:.0f} us", "", ""),
        ("wheel, with every career's knowledge", f"{wheel / 1e6:.2f} MB", "", "target <= 10 MB"),
    ]
    print(f"{'measure':<50}{'value':>12}{'ratio':>8}  note")
    for label, value, ratio, note in rows:
        print(f"{label:<50}{value:>12}{ratio:>8}  {note}")
    for query, seconds in zip(QUERIES, per_query, strict=True):
        print(f"  search {query!r:<24}{seconds * 1e3:>10.3f} ms")


if __name__ == "__main__":
    main()
