"""The reference (docs/reference.md) documents every public name, and the model's fields.

The docs build (`.ci/run`: Sphinx, nitpicky, warnings as errors) checks that every
reference resolves; it cannot see a public name nobody wrote a directive for, nor a
field without a description. These tests can: they read the autodoc directives in the
docs and the attribute docstrings in the source, as autodoc does, without Sphinx.
"""

import ast
import importlib
import inspect
import re
import runpy
from functools import cache
from pathlib import Path

import attrs
import pytest

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
