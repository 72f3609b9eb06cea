"""The shape of the code: layers, module sizes, package faces, hooks, and the picture of them.

``lint-imports`` (in ``.ci/run``) checks the imports themselves; these tests check what
it cannot: that every module sits in a layer (a module outside every layer would escape
the contract), that modules stay of one job each, that every hook is provided, and that
docs/design.md shows the layers as they are.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import careerkit
from careerkit import _hooks

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "careerkit"
LONGEST = 500  # lines: a module past this has more than one job
SOURCES = sorted(PACKAGE.rglob("*.py"))


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("layers", ROOT / "tools" / "layers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


layers = _tool()


def test_every_module_sits_in_one_layer() -> None:
    placed = [module for layer in layers.layers() for module in layer]
    assert len(placed) == len(set(placed)), "a module is in two layers"
    assert sorted(placed) == layers.modules()


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_modules_have_one_job(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= LONGEST, f"{path.relative_to(ROOT)} has {lines} lines (at most {LONGEST})"


@pytest.mark.parametrize(
    "path",
    [path for path in SOURCES if path.name == "__init__.py"],
    ids=lambda path: str(path.parent.relative_to(PACKAGE.parent)),
)
def test_packages_are_faces(path: Path) -> None:
    """A package's ``__init__`` says what it offers; its modules do the work: no classes,
    and no more than a few small functions (module ``__getattr__``, a lazy accessor)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    classes = [node.name for node in tree.body if isinstance(node, ast.ClassDef)]
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert not classes, f"{path.relative_to(ROOT)} defines {classes}"
    assert len(functions) <= 4, [function.name for function in functions]
    for function in functions:
        assert function.end_lineno is not None
        assert function.end_lineno - function.lineno < 25, function.name


def test_every_hook_is_provided() -> None:
    declared = [value for value in vars(_hooks).values() if isinstance(value, _hooks.Hook)]
    assert len(declared) == len(layers.hooks()) >= 6
    for hook in declared:
        assert callable(hook.call), hook.name


def test_a_hook_nobody_provides_is_named_as_a_bug() -> None:
    hook = _hooks.Hook("nothing")
    with pytest.raises(RuntimeError, match=r"hook nothing has no provider.*a bug in careerkit"):
        hook.call()


def test_hooks_reach_the_layer_above() -> None:
    """A lower object's convenience gives what the higher layer gives."""
    from careerkit.text import format_pay

    pay = careerkit.Pay("14.36", "USD", "hour", when="2008-05")
    assert str(pay) == format_pay(pay, "en") + pay._date_note()
    band = careerkit.get("customer-service").pay_bands("US")[0]
    assert band.convert(period="year").median.amount == Decimal("29868.8")  # 14.36 x 2,080


def test_the_design_shows_the_layers_as_they_are() -> None:
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    assert layers.written(text) == text, "run: python tools/layers.py --write"


def test_the_design_names_modules_that_exist() -> None:
    """The flows docs/design.md tells name real modules (a move that forgets it fails here)."""
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`careerkit/([\w/]+(?:\.py|/))`", text))
    assert len(named) > 10
    assert [path for path in sorted(named) if not (PACKAGE / path).exists()] == []


def test_importing_careerkit_provides_the_hooks_and_nothing_heavy() -> None:
    code = (
        "import sys, careerkit, careerkit._hooks as h;"
        "print(sorted(m for m in sys.modules if m.startswith('careerkit')));"
        "print(all(hook._function is not None for hook in vars(h).values()"
        " if isinstance(hook, h.Hook)))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert found == [
        "['careerkit', 'careerkit._hooks', 'careerkit._lazy', 'careerkit._wiring', "
        "'careerkit.errors']",
        "True",
    ]
