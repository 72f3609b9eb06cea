"""The reference (docs/reference.md) documents every public name, and the model's fields.

The docs build (Sphinx, nitpicky, warnings as errors) checks that every reference
resolves; it cannot see a public name nobody wrote a directive for, nor a field without a
description. These tests can. The first ones read the autodoc directives in the docs and
the attribute docstrings in the source, as autodoc does, without Sphinx. A directive can
still render nothing (a wrapper that hides a function from autodoc, a member list naming
a member autodoc skips), so the last ones build the docs as a reader gets them (this is
`.ci/run`'s docs build, offline) and read ``objects.inv``, the inventory other projects
link to: every name in the ``__all__`` of every public module (PEP 8's rule: no part of its
dotted path starts with ``_``) must have an entry, under its own name or another public
name of the same object.
"""

import ast
import importlib
import inspect
import pkgutil
import posixpath
import re
import runpy
import subprocess
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import careerkit

DOCS = Path(__file__).parent.parent / "docs"

# The public surface: these modules' __all__ (careerkit's own re-exports the rest).
PUBLIC = [
    "careerkit",
    "careerkit.errors",
    "careerkit.data",
    "careerkit.catalogue",
    "careerkit.testing",
    "careerkit.pandas",
    "careerkit.polars",
    "careerkit.dask",
]
NEEDS = {"careerkit.testing": "hypothesis", "careerkit.polars": "polars", "careerkit.dask": "dask"}

_DIRECTIVE = re.compile(r"^\.\. auto(\w+):: (\S+)\n((?:[ \t]+:.*\n)*)", re.MULTILINE)


def _resolve(name: str) -> object:
    """The object a dotted name names: the longest importable module, then attributes."""
    parts = name.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for part in parts[split:]:
            obj = getattr(obj, part)
        return obj
    raise ImportError(name)


def _resolve_or_none(name: str) -> object:
    try:
        return _resolve(name)
    except (ImportError, AttributeError):  # an entry of another kind (a CLI option, a page)
        return None


@cache
def _documented() -> dict[str, object]:
    """Every name an autodoc directive in docs/ documents, with the object it names."""
    names: dict[str, object] = {}
    for page in sorted(DOCS.rglob("*.md")):
        for kind, target, options in _DIRECTIVE.findall(page.read_text(encoding="utf-8")):
            names[target] = _resolve(target)
            if kind != "module":
                continue
            listed = re.search(r":members:(.*)", options)
            if listed is None:
                continue
            module = importlib.import_module(target)
            members = [name.strip() for name in listed.group(1).split(",") if name.strip()]
            for member in members or getattr(module, "__all__", []):
                names[f"{target}.{member}"] = getattr(module, member)
    return names


@pytest.mark.parametrize("module_name", PUBLIC)
def test_every_public_name_is_in_the_reference(module_name: str) -> None:
    if module_name in NEEDS:
        pytest.importorskip(NEEDS[module_name])
    module = importlib.import_module(module_name)
    documented = _documented()
    same = {id(obj) for obj in documented.values()}
    missing = [
        name
        for name in module.__all__
        if f"{module_name}.{name}" not in documented
        # a re-export documented where it is defined (careerkit.Pay as careerkit.Pay,
        # careerkit.CareerkitError as careerkit.errors.CareerkitError); constants by name
        and not (
            id(getattr(module, name)) in same and not isinstance(getattr(module, name), str | int)
        )
    ]
    assert not missing, f"{module_name}: no directive in docs/ documents {missing}"


def test_every_directive_names_an_object() -> None:
    # _documented resolves each target: a misspelt or removed name fails here, not silently
    assert "careerkit.Career" in _documented()


def _public_attrs_classes() -> list[type]:
    classes: dict[int, type] = {}
    for module_name in PUBLIC:
        if module_name in NEEDS:
            continue
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type) and attrs.has(obj):
                classes[id(obj)] = obj
    for obj in _documented().values():
        if isinstance(obj, type) and attrs.has(obj):
            classes[id(obj)] = obj
    return sorted(classes.values(), key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def _described_fields(cls: type) -> set[str]:
    """The fields of *cls* (its own) with a docstring right after them, as autodoc reads them."""
    body = ast.parse(inspect.getsource(cls).strip()).body[0]
    assert isinstance(body, ast.ClassDef)
    described = set()
    for statement, after in zip(body.body, body.body[1:], strict=False):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
            and after.value.value.strip()
        ):
            described.add(statement.target.id)
    return described


@pytest.mark.parametrize(
    "cls", _public_attrs_classes(), ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}"
)
def test_every_field_is_described(cls: type) -> None:
    missing = []
    for field in attrs.fields(cls):
        owner = next(
            base
            for base in reversed(cls.__mro__)
            if attrs.has(base) and field.name in inspect.get_annotations(base)
        )
        if field.name not in _described_fields(owner):
            missing.append(f"{owner.__qualname__}.{field.name}")
    assert not missing, f"fields without a docstring after them: {missing}"


def test_intersphinx_reads_only_files_shipped_with_the_docs() -> None:
    # the build runs offline: every inventory is a local file, never a download
    mapping = runpy.run_path(str(DOCS / "conf.py"))["intersphinx_mapping"]
    assert {"python", "numpy", "pandas", "pint", "babel"} <= set(mapping)
    for name, (url, inventory) in mapping.items():
        assert url.startswith("https://"), name
        assert isinstance(inventory, str) and "://" not in inventory, name
        head = (DOCS / inventory).read_bytes()[:64]
        assert head.startswith(b"# Sphinx inventory version 2"), inventory


def test_the_command_line_page_is_in_the_table_of_contents() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    assert re.search(r"^cli$", index, re.MULTILINE)


# --- the built reference ------------------------------------------------------------------------


def _public_modules() -> list[str]:
    found = ["careerkit"]
    for module in pkgutil.walk_packages(careerkit.__path__, "careerkit."):
        if not any(part.startswith("_") for part in module.name.split(".")):
            found.append(module.name)
    return found


@pytest.fixture(scope="module")
def inventory(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Every Python name the built docs have an entry for, with the object it names."""
    from sphinx.util.inventory import InventoryFile  # the [dev] extra installs the [docs] one

    out = tmp_path_factory.mktemp("docs-html")
    command = ["-m", "sphinx", "-n", "-W", "--keep-going", "-q", "-b", "html", DOCS, out]
    build = subprocess.run(
        [sys.executable, *map(str, command)], capture_output=True, text=True, check=False
    )
    assert build.returncode == 0, f"the docs build failed:\n{build.stderr[-4000:]}"
    with (out / "objects.inv").open("rb") as file:
        entries = InventoryFile.load(file, "", posixpath.join)
    names = {name for kind, found in entries.items() if kind.startswith("py:") for name in found}
    return {name: _resolve_or_none(name) for name in names}


@pytest.mark.parametrize("module_name", _public_modules())
def test_every_public_name_has_a_built_entry(
    module_name: str, inventory: dict[str, object]
) -> None:
    if module_name in NEEDS:
        pytest.importorskip(NEEDS[module_name])
    module = importlib.import_module(module_name)
    same = {id(obj) for obj in inventory.values() if not isinstance(obj, str | int | float)}
    # a constant under another public name of its own (careerkit.INTERNATIONAL_DOLLAR)
    constants = {(found.rpartition(".")[2], id(obj)) for found, obj in inventory.items()}
    missing = []
    for name in getattr(module, "__all__", ()):
        value = getattr(module, name)
        if f"{module_name}.{name}" in inventory:
            continue
        if isinstance(value, ModuleType):
            if value.__name__ not in inventory:
                missing.append(name)
        elif isinstance(value, str | int | float):
            if (name, id(value)) not in constants:
                missing.append(name)
        elif id(value) not in same:
            missing.append(name)
    assert not missing, f"{module_name}: the built reference has no entry for {missing}"


def test_the_walk_finds_the_public_modules() -> None:
    modules = _public_modules()
    assert {"careerkit.catalogue", "careerkit.text.format", "careerkit.model.pay_band"} <= set(
        modules
    )
    assert not any("._" in name for name in modules)
