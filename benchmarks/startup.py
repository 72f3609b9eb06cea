"""What looking careers up costs: the first lookup, and later ones.

Run: python benchmarks/startup.py  (the import itself is measured in benchmarks/pay.py)

Reports medians, each in a fresh interpreter, and ratios against the floors that
matter to a user: the first lookup (which scans the ``careerkit.profiles`` entry
points and parses every profile) against ``import attrs`` (the model's one
import-time library, loaded by that lookup), and a warm ``careerkit.get``
against a plain ``dict`` lookup of an already-normalised key (the least any
lookup by name can cost). No timing here is asserted by a test.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import timeit


def _median_seconds(code: str, runs: int = 15) -> float:
    times = []
    for _ in range(runs):
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                f"import time; t=time.perf_counter(); {code}; print(time.perf_counter()-t)",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        times.append(float(result.stdout))
    return statistics.median(times)


def main() -> None:
    floor_import = _median_seconds("import attrs")
    cold = _median_seconds("import careerkit; careerkit.get('csr')")

    import careerkit

    careerkit.get("csr")  # warm the registry
    index = {"customer-service": 1, "csr": 1}
    loops = 20_000
    warm = min(timeit.repeat(lambda: careerkit.get("Customer Service"), number=loops, repeat=5))
    floor = min(timeit.repeat(lambda: index.get("customer-service"), number=loops, repeat=5))

    print(f"{'measure':<46}{'median':>12}{'ratio':>10}")
    print(f"{'import attrs':<46}{floor_import * 1e3:>10.2f}ms{'1.0x':>10}")
    label = "import careerkit + first get (all profiles)"
    print(f"{label:<46}{cold * 1e3:>10.2f}ms{cold / floor_import:>9.1f}x")
    label = 'warm careerkit.get("Customer Service")'
    print(f"{label:<46}{warm / loops * 1e6:>10.2f}us{warm / floor:>9.0f}x (vs dict.get)")


if __name__ == "__main__":
    main()
