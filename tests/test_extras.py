"""Every feature of an optional extra says what to install when the extra is absent.

Each case runs in a fresh interpreter in which the library cannot be imported
(``sys.modules[name] = None``, which makes ``import name`` raise
``ModuleNotFoundError`` as a missing library does), so nothing the test process
imported before can hide the error.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import careerkit as ck
from careerkit.errors import MissingExtraError, import_extra


def without(libraries: list[str], code: str, tmp_path: Path) -> dict[str, object]:
    """Run *code* with *libraries* absent; what it raised, as
    ``{"type", "mro", "message", "name", "extra"}`` (``type`` ``None`` where nothing)."""
    body = textwrap.indent(textwrap.dedent(code).strip(), "    ")
    script = tmp_path / "script.py"
    script.write_text(
        "import json, sys\n"
        f"for library in {libraries!r}:\n"
        "    sys.modules[library] = None\n"
        "try:\n"
        f"{body}\n"
        "except BaseException as error:\n"
        "    found = {'type': type(error).__name__, 'message': str(error),\n"
        "             'mro': [kind.__name__ for kind in type(error).__mro__],\n"
        "             'name': getattr(error, 'name', None), 'extra': getattr(error, 'extra', None)}\n"
        "else:\n"
        "    found = {'type': None}\n"
        "print(json.dumps(found))\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env={"CAREERKIT_DATA": str(tmp_path / "data"), "PATH": "", "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return found


def assert_names_the_extra(
    found: dict[str, object], feature: str, library: str, extra: str
) -> None:
    assert found["type"] == "MissingExtraError", found
    assert {"CareerkitError", "ModuleNotFoundError", "ImportError"} <= set(found["mro"])  # type: ignore[arg-type]
    assert found["message"] == (
        f"{feature} needs {library}, which is not installed: pip install 'careerkit[{extra}]'"
    )
    assert (found["name"], found["extra"]) == (library, extra)


def test_convert_array_without_numpy(tmp_path: Path) -> None:
    found = without(
        ["numpy"],
        """
        import careerkit
        careerkit.convert_array([14.36], currency="USD", period="hour", when="2008-05",
                                to_period="year")
        """,
        tmp_path,
    )
    assert_names_the_extra(found, "careerkit.convert_array()", "numpy", "array")


def test_conversion_failures_without_numpy(tmp_path: Path) -> None:
    found = without(
        ["numpy"],
        """
        from careerkit.pay import conversion_failures
        conversion_failures([1.0], currency="USD", period="year", when="2010")
        """,
        tmp_path,
    )
    assert_names_the_extra(found, "careerkit.conversion_failures()", "numpy", "array")


def test_to_quantity_without_pint(tmp_path: Path) -> None:
    found = without(
        ["pint"],
        """
        import careerkit
        careerkit.Pay("14.36", "USD", "hour").to_quantity()
        """,
        tmp_path,
    )
    assert_names_the_extra(found, "Pay.to_quantity()", "pint", "pint")


def test_plot_without_matplotlib(tmp_path: Path) -> None:
    found = without(
        ["matplotlib"],
        """
        import careerkit
        careerkit.get("29-1141").pay_history().plot()
        """,
        tmp_path,
    )
    assert_names_the_extra(found, "PayHistory.plot", "matplotlib", "plot")


@pytest.mark.parametrize(
    ("module", "library", "extra"),
    [
        ("careerkit.pandas", "pandas", "pandas"),
        ("careerkit.polars", "polars", "polars"),
        ("careerkit.dask", "dask", "dask"),
        ("careerkit.testing", "hypothesis", "testing"),
    ],
)
def test_front_ends_without_their_library(
    tmp_path: Path, module: str, library: str, extra: str
) -> None:
    found = without([library], f"import {module}", tmp_path)
    assert_names_the_extra(found, module, library, extra)


@pytest.mark.parametrize(("method", "library"), [("to_frame", "pandas"), ("to_polars", "polars")])
def test_a_table_without_its_dataframe_library(tmp_path: Path, method: str, library: str) -> None:
    found = without(
        [library],
        f"""
        import careerkit
        careerkit.search("registered nurse", limit=2).{method}()
        """,
        tmp_path,
    )
    assert_names_the_extra(found, f"SearchResults.{method}()", library, library)


def test_an_excel_workbook_without_openpyxl(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["OCC_CODE", "OCC_TITLE", "A_MEDIAN"])  # type: ignore[union-attr]
    path = tmp_path / "national_M2026_dl.xlsx"
    workbook.save(path)
    found = without(
        ["openpyxl"],
        f"""
        import careerkit.data
        careerkit.data.update("oews", {str(path)!r})
        """,
        tmp_path,
    )
    assert found["type"] == "MissingExtraError"
    assert found["message"] == (
        f"{path.name}: reading an Excel workbook needs openpyxl, which is not installed: "
        "pip install 'careerkit[xlsx]' (or save the sheet as CSV)"
    )
    assert (found["name"], found["extra"]) == ("openpyxl", "xlsx")


def test_the_command_line_says_what_to_install(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "national_M2026_dl.xlsx"
    openpyxl.Workbook().save(path)
    script = (
        "import sys; sys.modules['openpyxl'] = None\n"
        "from careerkit.cli import main\n"
        f"raise SystemExit(main(['data', 'update', 'oews', {str(path)!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"CAREERKIT_DATA": str(tmp_path / "data"), "PATH": "", "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 2  # a refusal, as every error of the command line
    assert result.stderr == (
        f"careerkit: error: {path.name}: reading an Excel workbook needs openpyxl, which is not "
        "installed: pip install 'careerkit[xlsx]' (or save the sheet as CSV)\n"
    )


def test_a_missing_library_of_the_library_is_named_too() -> None:
    # a library the extra's library needs, missing: the message names that one
    sys.modules.setdefault("careerkit_test_absent", None)  # type: ignore[arg-type]
    with pytest.raises(MissingExtraError) as raised:
        import_extra("careerkit_test_absent.inner", "array", "careerkit.convert_array()")
    assert raised.value.name == "careerkit_test_absent"
    assert isinstance(raised.value, ImportError) and isinstance(raised.value, ck.CareerkitError)


def test_the_error_survives_pickling() -> None:
    error = MissingExtraError("Pay.to_quantity()", "pint", "pint")
    again = pickle.loads(pickle.dumps(error))
    assert (str(again), again.name, again.extra, again.feature) == (
        str(error),
        "pint",
        "pint",
        "Pay.to_quantity()",
    )
    assert ck.MissingExtraError is MissingExtraError


def test_with_the_library_installed_it_is_the_library() -> None:
    assert import_extra("json", "array", "nothing") is json
