"""``import careerkit`` stays cheap: no heavy libraries, no data read."""

from __future__ import annotations

import subprocess
import sys


def run(code: str, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *flags, "-c", code], capture_output=True, text=True, check=True
    )


def test_import_imports_no_heavy_library() -> None:
    report = run("import careerkit", "-X", "importtime").stderr
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in report.splitlines()}
    assert "careerkit" in imported  # the report is real
    heavy = (
        "pint",
        "babel",
        "numpy",
        "cattrs",
        "pycountry",
        "tomli_w",
        "attr",
        "typing",
        "rapidfuzz",
        "pandas",
        "polars",
        "dask",
    )
    for name in heavy:
        assert name not in imported


def test_names_load_on_first_use() -> None:
    out = run(
        "import sys, careerkit; before = 'careerkit.pay' in sys.modules;"
        "careerkit.Pay; print(before, 'careerkit.pay' in sys.modules, 'numpy' in sys.modules)"
    ).stdout
    assert out.split() == ["False", "True", "False"]


def test_unknown_attribute() -> None:
    import careerkit

    with __import__("pytest").raises(AttributeError, match="has no attribute 'Salary'"):
        careerkit.Salary  # noqa: B018


def test_import_reads_no_profile() -> None:
    out = run(
        "import sys, careerkit, careerkit.registry as r;"
        "print(r._default is None, 'tomllib' in sys.modules)"
    ).stdout
    assert out.split() == ["True", "False"]


def test_a_first_lookup_reads_one_catalogue_career_and_no_heavy_library() -> None:
    out = run(
        "import sys, careerkit, careerkit.registry as r; careerkit.get('29-1141');"
        "built = [c.id for c, _ in r.default_registry()._careers.values()"
        " if isinstance(c, careerkit.Career)];"
        "print(built, *(m in sys.modules for m in ('cattrs', 'pycountry', 'rapidfuzz', 'babel')))"
    ).stdout
    assert out.split() == ["['registered-nurses']", "False", "False", "False", "False"]


def test_version_comes_from_the_metadata() -> None:
    from importlib.metadata import version

    import careerkit

    assert careerkit.__version__ == version("careerkit") == "0.1.0"


def test_dir_shows_the_public_names_only() -> None:
    out = run(
        "import careerkit, careerkit.model;"
        "print(*dir(careerkit)); print(*dir(careerkit.model)); print(*careerkit.__all__)"
    ).stdout.splitlines()
    shown, shown_model, public = (line.split() for line in out)
    assert set(public) <= set(shown) and "__version__" in shown
    for name in ("TYPE_CHECKING", "annotations", "lazy_names", "public_names", "Any", "_LAZY"):
        assert name not in shown and name not in shown_model
    extra = {name for name in shown if name not in public and not name.startswith("__")}
    assert extra <= {"errors", "model"}  # public submodules imported so far
    assert all(hasattr(__import__("careerkit"), name) for name in shown)  # no name that fails
