"""careerkit's layers, as ``docs/design.md`` shows them: read from the import-linter contract
in ``pyproject.toml`` and from the code (each module's job is its docstring's first line).

    python tools/layers.py            # print the picture
    python tools/layers.py --write    # put it in docs/design.md, between its markers

``tests/test_architecture.py`` checks that docs/design.md holds what this prints, and that
every module of careerkit sits in one layer; ``lint-imports`` (in ``.ci/run``) checks that
each layer imports only from the layers below it.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "careerkit"
DESIGN = ROOT / "docs" / "design.md"
START = "<!-- layers: written by tools/layers.py from pyproject.toml and the code -->"
END = "<!-- end of layers -->"

NAMES = [
    "entry point",
    "command line",
    "testing kit",
    "profile checks",
    "Dask",
    "DataFrames",
    "wiring",
    "presentation",
    "search",
    "lookup",
    "catalogue",
    "profile format",
    "pay as text",
    "pay engine",
    "data store",
    "model",
    "ground",
]
"""A name for each layer of the contract, top to bottom."""


def layers() -> list[list[str]]:
    """The contract's layers, top to bottom, each a list of module names (``"pay"``)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layered,) = [contract for contract in contracts if contract["type"] == "layers"]
    return [
        [name.strip() for name in layer.replace("|", ":").split(":")] for layer in layered["layers"]
    ]


def modules() -> list[str]:
    """careerkit's top-level modules and packages (``"pay"``, ``"_hooks"``)."""
    found = [path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__"]
    found += [path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()]
    return sorted(found)


def _parts(package: str) -> list[str]:
    """The modules inside *package* (``"pay/_pay.py"``, ``"catalogue/sources/"``), in tree order."""
    folder = PACKAGE / package
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".py" and path.stem != "__init__":
            found.append(f"{package}/{path.name}")
        elif (path / "__init__.py").is_file():
            found += [f"{package}/{path.name}/", *_parts(f"{package}/{path.name}")]
    return found


def job(module: str) -> str:
    """The first line of *module*'s docstring (a package's ``__init__``)."""
    path = PACKAGE / module.removesuffix("/") / "__init__.py"
    if not path.is_file():
        path = PACKAGE / (module if module.endswith(".py") else f"{module}.py")
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return _markdown(docstring.split("\n\n")[0])


def _markdown(text: str) -> str:
    """reStructuredText's roles and literals as Markdown code: ``:func:`~a.b``` is `` `a.b` ``."""
    text = re.sub(r":[a-z]+:`~?([^`]+)`", r"`\1`", text.replace("\n", " ").strip())
    return text.replace("``", "`")


def hooks() -> list[tuple[str, str]]:
    """Each hook of ``careerkit/_hooks.py`` with its docstring: ``(name, what calls it)``."""
    tree = ast.parse((PACKAGE / "_hooks.py").read_text(encoding="utf-8"))
    found = []
    for statement, after in zip(tree.body, tree.body[1:], strict=False):
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            text = after.value.value if isinstance(after, ast.Expr) else ""
            found.append((statement.target.id, _markdown(str(text))))
    return found


def picture() -> str:
    """The layers, top to bottom, each module with its job, as a Markdown table."""
    found = layers()
    if len(found) != len(NAMES):
        raise SystemExit(
            f"tools/layers.py names {len(NAMES)} layers, the contract has {len(found)}"
        )
    lines = ["| layer | module | its job |", "| --- | --- | --- |"]
    for name, members in zip(NAMES, found, strict=True):
        for index, module in enumerate(members):
            shown = f"`{module}/`" if (PACKAGE / module).is_dir() else f"`{module}.py`"
            lines.append(f"| {name if index == 0 else ''} | {shown} | {job(module)} |")
            lines += [f"|  | `{part}` | {job(part)} |" for part in _parts(module)]
    lines += [
        "",
        "The conveniences of lower objects that reach a higher layer, each through a hook of",
        "`careerkit/_hooks.py` that `careerkit/_wiring.py` provides:",
        "",
    ]
    lines += ["| hook | what calls it, and what provides it |", "| --- | --- |"]
    lines += [f"| `{name}` | {what} |" for name, what in hooks()]
    return "\n".join(lines) + "\n"


def written(text: str) -> str:
    """*text* (docs/design.md) with the picture between its markers."""
    before, rest = text.split(START + "\n", 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n\n{picture()}\n{END}{after}"


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        DESIGN.write_text(written(DESIGN.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        sys.stdout.write(picture())
