"""What looking careers up costs, now that careerkit holds the US occupation catalogue.

Run: python benchmarks/startup.py [--quick]  (the import itself is measured in benchmarks/pay.py)

Reports, side by side in one run, each against the floor that matters to a user:

- a cold ``import careerkit; careerkit.get("29-1141")`` (registered nurses, a
  catalogue career) in a fresh interpreter, against ``import attrs`` in a fresh
  interpreter (the model's one import-time library; target: at most 3x);
- a warm ``careerkit.get`` against a plain ``dict`` lookup of an
  already-normalised key (the least any lookup by name can cost; target: 20x);
- a warm ``careerkit.search``, median over typical queries (target: 1 ms);
- building every career, ``careerkit.careers()``, in a fresh interpreter (target:
  0.5 s), with the time the garbage collector takes; beside it the same build with the
  collector collecting as the careers pile up (as before issue 26: careerkit now pauses
  it while it builds hundreds of careers, and collects once after);
- a key that does not exist, ``careerkit.get("custmer servise")`` and others: the
  suggestions found with rapidfuzz (``registry.close_matches``) against the way before
  issue 26, ``difflib.get_close_matches`` over every key (a copy of that code is kept
  here), on the same keys and checked to give the same suggestions (target: 5 ms);
  both again over four times the keys, to show how each grows; and the first missing
  key of a fresh interpreter, which imports rapidfuzz (or difflib);
- the command line in fresh processes, the whole process's CPU time:
  ``careerkit --help`` (target: 3x) and ``careerkit show 29-1141`` (target: 5x) against
  ``python -c pass``;
- the first question about a metropolitan area's pay in a fresh interpreter
  (``get("43-4051").pay_bands("austin")``, which reads the areas' figures), against
  the cold ``get`` alone, and the same question warm;
- the first question about a career's national pay history in a fresh interpreter
  (``get("43-4051").pay_history()``, which reads BLS's releases of 2004-2025), against
  the cold ``get`` alone, and the same question warm;
- the size of the wheel, with every career's pay, outlook, preparation, tasks,
  tools, skills and related careers (target: 10 MB).

Medians of fresh interpreters, in CPU time (the machine is shared); ``--quick``
(CI) runs fewer. Fresh interpreters run byte-compiled (see below), and the output
says so. No timing here is asserted by a test.
"""

from __future__ import annotations

import difflib
import functools
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careerkit.registry import Registry

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


def _median_printed(code: str, runs: int) -> float:
    """The median of the seconds *code* prints, each run in a fresh interpreter (a first run,
    which writes the bytecode, discarded)."""
    times = []
    for i in range(runs + 1):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        if i:
            times.append(float(result.stdout))
    return statistics.median(times)


def _process_seconds(argv: list[str], runs: int) -> float:
    """Median CPU seconds (user + system) of whole fresh processes running *argv*, from the
    interpreter's start to its exit (a first run, which writes the bytecode, discarded)."""
    times = []
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if i:
            times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times)


def _careers_seconds(runs: int, *, collector_running: bool) -> tuple[float, float]:
    """Median CPU seconds of ``import careerkit; careerkit.careers()`` in fresh interpreters,
    and of it the garbage collector's; *collector_running*: as before issue 26, the collector
    left to collect while the careers pile up."""
    running = "careerkit.registry._MANY = 10**9; " if collector_running else ""
    code = (
        "import gc, time\n"
        "spent = [0.0, 0.0]\n"
        "def watch(phase, info):\n"
        "    if phase == 'start': spent[1] = time.process_time()\n"
        "    else: spent[0] += time.process_time() - spent[1]\n"
        "gc.callbacks.append(watch)\n"
        "t = time.process_time()\n"
        f"import careerkit, careerkit.registry; {running}careerkit.careers()\n"
        "print(time.process_time() - t, spent[0])\n"
    )
    totals, collecting = [], []
    for i in range(runs + 1):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        if i:
            total, collector = map(float, result.stdout.split())
            totals.append(total)
            collecting.append(collector)
    return statistics.median(totals), statistics.median(collecting)


MISSING = [
    "custmer servise",
    "registred nurse",
    "software enginer",
    "pr specialst",
    "no such career",
    "xyzzy",
    "29-114",
    "Chief executive officers",
    "data science",  # "data scientist" is found: read as words, it is data-scientists
    "teachers, all other",
    "ग्राहक सेवा",
    "the quick brown fox jumps over the lazy dog",
]


def _old_suggestions(registry: Registry, key: str) -> tuple[str, ...]:
    """``Registry.get``'s suggestions for a missing *key* before issue 26 (its code, copied):
    difflib over every key of the registry."""
    from careerkit import ProfileNotFoundError
    from careerkit.registry import normalize_key

    normal = normalize_key(key) if len(key) <= 300 else ""
    close = difflib.get_close_matches(normal, list(registry._index), n=10, cutoff=0.6)
    best: dict[str, str] = {}
    for candidate in close:
        career_id, written = registry._index[candidate]
        best.setdefault(career_id, written)
    missing = ProfileNotFoundError(key, list(best.values())[:3], sorted(registry._careers))
    return missing.suggestions


def _missing_key_rows(quick: bool) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    """The missing-key rows: careerkit's way and the old way, over the catalogue's keys and
    over four times as many, and the first missing key in a fresh interpreter."""
    import careerkit
    from careerkit.registry import close_matches, default_registry, normalize_key

    registry = default_registry()

    def ours(key: str) -> tuple[str, ...]:
        try:
            registry.get(key)
        except careerkit.ProfileNotFoundError as missing:
            return missing.suggestions
        raise AssertionError(key)

    same = all(ours(key) == _old_suggestions(registry, key) for key in MISSING)
    repeat = 3 if quick else 7

    def best(find: Callable[..., object], *args: object, tries: int = repeat) -> float:
        return min(timeit.repeat(functools.partial(find, *args), number=1, repeat=tries))

    new = [best(ours, key) for key in MISSING]
    old = [best(_old_suggestions, registry, key) for key in MISSING]
    keys = list(registry._index)
    more = [f"{key}{suffix}" for suffix in ("", "-i", "-ii", "-iii") for key in keys]
    normals = [normalize_key(key) for key in MISSING]
    close = functools.partial(close_matches, n=10, cutoff=0.6)
    difflibs = functools.partial(difflib.get_close_matches, n=10, cutoff=0.6)
    new_more = [best(close, normal, more) for normal in normals]
    old_more = [best(difflibs, normal, more, tries=1) for normal in normals]
    same_more = all(close(normal, more) == difflibs(normal, more) for normal in normals[:4])
    runs = 3 if quick else 7
    first_new = _median_printed(
        "import time, careerkit\n"
        "careerkit.get('29-1141')\n"
        "t = time.process_time()\n"
        "try:\n"
        "    careerkit.get('custmer servise')\n"
        "except careerkit.ProfileNotFoundError:\n"
        "    print(time.process_time() - t)\n",
        runs,
    )
    first_old = _median_printed(
        "import difflib, time, careerkit\n"
        "from careerkit.registry import default_registry, normalize_key\n"
        "careerkit.get('29-1141')\n"
        "t = time.process_time()\n"
        "index = default_registry()._index\n"
        "difflib.get_close_matches(normalize_key('custmer servise'), list(index), n=10, cutoff=0.6)\n"
        "print(time.process_time() - t)\n",
        runs,
    )
    median = statistics.median
    rows = [
        (
            f"missing key, median of {len(MISSING)} (rapidfuzz + difflib)",
            f"{median(new) * 1e3:.2f} ms",
            f"{median(old) / median(new):.0f}x",
            f"target <= 5 ms; worst {max(new) * 1e3:.2f} ms; same suggestions: "
            + ("yes" if same else "NO"),
        ),
        (
            "... the old way (difflib over every key)",
            f"{median(old) * 1e3:.2f} ms",
            "1x",
            f"{len(keys):,} keys; worst {max(old) * 1e3:.1f} ms",
        ),
        (
            "... over 4x the keys (close_matches)",
            f"{median(new_more) * 1e3:.2f} ms",
            f"{median(old_more) / median(new_more):.0f}x",
            f"{len(more):,} keys; same: {'yes' if same_more else 'NO'}; "
            f"{median(new_more) / median(new):.1f}x the time at 1x",
        ),
        (
            "... over 4x the keys, the old way",
            f"{median(old_more) * 1e3:.2f} ms",
            "1x",
            f"{median(old_more) / median(old):.1f}x the time at 1x",
        ),
        (
            "first missing key, fresh (imports rapidfuzz)",
            f"{first_new * 1e3:.1f} ms",
            f"{first_old / first_new:.1f}x",
            "once a process: rapidfuzz's import",
        ),
        (
            "... the old way (imports difflib)",
            f"{first_old * 1e3:.1f} ms",
            "1x",
            "",
        ),
    ]
    notes = [
        f"  missing {key!r:<48}{n * 1e3:>8.2f} ms  (difflib {o * 1e3:6.1f} ms)"
        for key, n, o in zip(MISSING, new, old, strict=True)
    ]
    return rows, notes


def _command_line_rows(runs: int) -> list[tuple[str, str, str, str]]:
    """``careerkit --help`` and ``careerkit show 29-1141`` against ``python -c pass``, each the
    whole fresh process's CPU time, interleaved."""
    script = Path(sys.executable).with_name("careerkit")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "careerkit"]
    bare = _process_seconds([sys.executable, "-c", "pass"], runs)
    helped = _process_seconds([*command, "--help"], runs)
    shown = _process_seconds([*command, "show", "29-1141"], runs)
    bare = min(bare, _process_seconds([sys.executable, "-c", "pass"], runs))
    return [
        ("python -c pass (whole process)", f"{bare * 1e3:.1f} ms", "1.0x", ""),
        (
            "careerkit --help (whole process)",
            f"{helped * 1e3:.1f} ms",
            f"{helped / bare:.1f}x",
            "target <= 3x python -c pass",
        ),
        (
            "careerkit show 29-1141 (whole process)",
            f"{shown * 1e3:.1f} ms",
            f"{shown / bare:.1f}x",
            "target <= 5x python -c pass",
        ),
    ]


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
    build_all, collecting = _careers_seconds(2 if quick else 5, collector_running=False)
    before, collecting_before = _careers_seconds(2 if quick else 5, collector_running=True)
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
    missing_rows, missing_notes = _missing_key_rows(quick)
    command_rows = _command_line_rows(5 if quick else 15)

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
        (
            "careerkit.careers(), all 830 (fresh)",
            f"{build_all:.2f} s",
            f"{before / build_all:.2f}x",
            f"target <= 0.5 s; of it, collecting {collecting:.2f} s",
        ),
        (
            "... the collector collecting as they pile up",
            f"{before:.2f} s",
            "1x",
            f"as before issue 26; of it, collecting {collecting_before:.2f} s",
        ),
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
        *missing_rows,
        *command_rows,
    ]
    print(f"{'measure':<50}{'value':>12}{'ratio':>8}  note")
    for label, value, ratio, note in rows:
        print(f"{label:<50}{value:>12}{ratio:>8}  {note}")
    for query, seconds in zip(QUERIES, per_query, strict=True):
        print(f"  search {query!r:<24}{seconds * 1e3:>10.3f} ms")
    print("\n".join(missing_notes))
    print(
        "\nRatios: the alternative's time over careerkit's (above 1: careerkit is faster), or "
        "a time over its reference (python -c pass, import attrs, the cold get).\n"
        "Fresh interpreters run byte-compiled: this machine sets PYTHONDONTWRITEBYTECODE and "
        "careerkit is installed editable here, so each would otherwise compile careerkit (and "
        "its peers) again; the benchmark writes bytecode to a cache of its own "
        f"(PYTHONPYCACHEPREFIX={os.environ['PYTHONPYCACHEPREFIX']}) and discards each first run."
    )


if __name__ == "__main__":
    main()
