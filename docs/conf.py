"""Sphinx configuration: MyST Markdown pages, furo theme, reference from docstrings."""

from importlib.metadata import version as _version

project = "careerkit"
author = "careerkit maintainers"
copyright = "2026, careerkit maintainers"
release = _version("careerkit")

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "_intersphinx"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
suppress_warnings = ["myst.xref_missing"]  # links to files outside docs/ (README, CHANGELOG)

autodoc_member_order = "bysource"
autodoc_typehints = "description"
# Documented members only, and bases only where a directive asks (``:show-inheritance:``):
# Sphinx reads any value of an option here, False included, as "on", so "undoc-members" and
# "show-inheritance" are left out rather than set to False.
autodoc_default_options = {"members": True}

# --- Cross-references: the build runs nitpicky (-n -W), so every type a signature names
# must resolve, to careerkit's own reference or to another project's docs.

autodoc_type_aliases = {"npt.ArrayLike": "numpy.typing.ArrayLike"}  # not its 6-part Union
python_use_unqualified_type_names = True  # "Decimal", not "decimal.Decimal", where it links

# Other projects' objects link to their official docs through intersphinx, from inventories
# kept in docs/_intersphinx/ (see its README.md): the build never touches the network, and
# the files list only the objects these docs name (regenerate: python docs/_intersphinx/make.py).
intersphinx_mapping = {
    "python": ("https://docs.python.org/3/", "_intersphinx/python.inv"),
    "numpy": ("https://numpy.org/doc/stable/", "_intersphinx/numpy.inv"),
    "pandas": ("https://pandas.pydata.org/docs/", "_intersphinx/pandas.inv"),
    "pint": ("https://pint.readthedocs.io/en/stable/", "_intersphinx/pint.inv"),
    "babel": ("https://babel.pocoo.org/en/latest/", "_intersphinx/babel.inv"),
    "polars": ("https://docs.pola.rs/api/python/stable/", "_intersphinx/polars.inv"),
    "dask": ("https://docs.dask.org/en/stable/", "_intersphinx/dask.inv"),
    "hypothesis": ("https://hypothesis.readthedocs.io/en/latest/", "_intersphinx/hypothesis.inv"),
}

html_theme = "furo"
html_title = f"careerkit {release}"


# --- One object, several names: careerkit documents ``careerkit.Pay`` while a docstring or
# signature may say ``careerkit.pay.Pay`` or ``careerkit.pay._pay.Pay``; pandas' DataFrame is
# ``pandas.core.frame.DataFrame`` to autodoc and ``pandas.DataFrame`` in pandas' docs. A
# reference that does not resolve under the name it was written with is tried under the
# object's other names (the module that defines it, and each package above that re-exports
# it), here and then in the intersphinx inventories. It never invents a target: a name no
# documentation has still fails the nitpicky build.


def _object_names(target: str) -> list[str]:
    """Other importable names of the object *target* names (``a.b._c.X`` -> ``a.b.X``, ``a.X``)."""
    import importlib

    parts = target.split(".")
    for split in range(len(parts) - 1, 0, -1):  # the longest importable module first
        try:
            owner = importlib.import_module(".".join(parts[:split]))
        except Exception:  # not a module (ImportError), or one that fails to import
            continue
        break
    else:
        return []
    try:
        obj = getattr(owner, parts[split])
    except AttributeError:
        return []
    rest = parts[split + 1 :]
    defined_in = getattr(obj, "__module__", None)
    qualname = getattr(obj, "__qualname__", None)
    modules = [".".join(parts[:end]) for end in range(1, split + 1)]
    if isinstance(defined_in, str) and isinstance(qualname, str) and "." not in qualname:
        modules += [
            ".".join(defined_in.split(".")[:end]) for end in range(1, defined_in.count(".") + 2)
        ]
    names = []
    for module in dict.fromkeys(modules):
        try:
            same = getattr(importlib.import_module(module), parts[split], None) is obj
        except Exception:
            continue
        if same:
            names.append(".".join([module, parts[split], *rest]))
    if isinstance(defined_in, str) and isinstance(qualname, str):
        names.append(".".join([defined_in, qualname, *rest]))
    return [name for name in dict.fromkeys(names) if name != target]


def _resolve_other_name(app, env, node, contnode):
    """A Python reference that did not resolve, tried under its object's other names."""
    from sphinx.ext.intersphinx import resolve_reference_detect_inventory

    if node.get("refdomain") != "py" or not node.get("reftarget"):
        return None
    python = env.domains.python_domain
    target = node["reftarget"]
    names = _object_names(target)
    if node.get("py:module") and not target.startswith(node["py:module"] + "."):
        # a name the docstring's module imports: ``:class:`Source``` in careerkit.model.career
        names += [f"{node['py:module']}.{target}", *_object_names(f"{node['py:module']}.{target}")]
    for name in dict.fromkeys(names):
        found = python.resolve_xref(
            env, node["refdoc"], app.builder, node["reftype"], name, node, contnode
        )
        if found is None:
            other = node.deepcopy()
            other["reftarget"] = name
            found = resolve_reference_detect_inventory(env, other, contnode)
        if found is not None:
            return found
    return None


_TYPE_CHECKING_READ: set[str] = set()


def _type_checking_names(app, obj, bound_method):
    """Give autodoc the names a careerkit module imports only for type checkers.

    careerkit imports pint, numpy and its own heavier modules under ``if TYPE_CHECKING:``
    (so that ``import careerkit`` stays cheap), and annotations name them. Without them
    autodoc cannot evaluate a signature and shows every annotation in it as unlinked
    text (``dt.date``, ``npt.ArrayLike``). Before the first signature of each module is
    read, its top-level ``if TYPE_CHECKING:`` blocks run in its namespace, as a type
    checker reads them; the docs build is the only process that does this.
    """
    import ast
    import inspect
    import sys
    import typing

    from sphinx.util.inspect import TypeAliasNamespace

    name = getattr(obj, "__module__", None)
    module = sys.modules.get(name) if isinstance(name, str) else None
    if module is None or not name.startswith("careerkit"):
        return
    if name not in _TYPE_CHECKING_READ:
        _TYPE_CHECKING_READ.add(name)
        for node in ast.parse(inspect.getsource(module)).body:
            if isinstance(node, ast.If) and ast.unparse(node.test) in {
                "TYPE_CHECKING",
                "typing.TYPE_CHECKING",
            }:
                block = ast.Module(body=node.body, type_ignores=[])
                exec(compile(block, module.__file__, "exec"), vars(module))
    # Evaluate the annotations here, in the module's namespace: autodoc evaluates a class's
    # own annotations, not its __init__'s, and a decorated function's (hypothesis'
    # @composite) in the decorator's module, leaving ``ck.Career`` or ``When`` as text.
    function = getattr(obj, "__func__", obj)
    aliases = TypeAliasNamespace(app.config.autodoc_type_aliases)
    try:
        hints = typing.get_type_hints(function, vars(module), aliases, include_extras=True)
    except Exception:
        return  # attrs' generated __init__: autodoc reads the fields' annotations instead
    function.__annotations__ = hints
    signature = getattr(function, "__signature__", None)
    if isinstance(signature, inspect.Signature):
        function.__signature__ = signature.replace(
            parameters=[
                parameter.replace(annotation=hints.get(parameter.name, parameter.annotation))
                for parameter in signature.parameters.values()
            ],
            return_annotation=hints.get("return", signature.return_annotation),
        )


def _defining_module_doc(module_name: str, name: str, depth: int = 0) -> list[str] | None:
    """The docstring of constant *name*, following ``from X import name`` to where it is set."""
    import ast
    import importlib
    import inspect

    from sphinx.pycode import ModuleAnalyzer

    docs = ModuleAnalyzer.for_module(module_name).find_attr_docs()
    if ("", name) in docs:
        return list(docs[("", name)])
    if depth > 5:
        return None
    source = inspect.getsource(importlib.import_module(module_name))
    for node in ast.walk(ast.parse(source)):  # TYPE_CHECKING blocks included
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.level == 0
            and any(alias.name == name and alias.asname is None for alias in node.names)
        ):
            return _defining_module_doc(node.module, name, depth + 1)
    return None


def _constant_doc(app, what, name, obj, options, lines):
    """A re-exported constant (``careerkit.INTERNATIONAL_DOLLAR``) keeps its own docstring.

    autodoc looks for a constant's docstring in the module it is documented under; for a
    name that module imports, it finds none and shows the docstring of ``str`` or ``int``.
    """
    if what != "data" or not name.startswith("careerkit."):
        return
    if lines and obj.__doc__ != type(obj).__doc__:
        return
    module_name, _, attribute = name.rpartition(".")
    found = _defining_module_doc(module_name, attribute)
    lines[:] = [*found, ""] if found else []


def setup(app):
    app.connect("autodoc-process-docstring", _constant_doc)
    app.connect("missing-reference", _resolve_other_name, priority=600)  # after intersphinx
    app.connect("autodoc-before-process-signature", _type_checking_names)


# --- The command-line reference (cli.md) is generated from careerkit.cli's parser by the
# ``careerkit-cli`` directive of docs/_ext/cli_reference.py.

import sys as _sys  # noqa: E402
from pathlib import Path as _Path  # noqa: E402

_sys.path.insert(0, str(_Path(__file__).parent / "_ext"))
extensions.append("cli_reference")
