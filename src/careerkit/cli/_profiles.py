"""``careerkit validate`` and ``schema``: checking profile files before they ship, and their format.

``validate`` reports every problem as ``FILE:LINE: PATH: MESSAGE``, with the parts that
are known: the line of the field (or of the table that lacks it) and the field's path.
"""

from __future__ import annotations

import argparse

from careerkit.cli._options import SharedOptions, _command, _Parser
from careerkit.cli._output import _json

__all__ = ["add_commands"]


def _validate(args: argparse.Namespace) -> int:
    from careerkit.cli._validate import validate

    return validate(args)


def _schema(args: argparse.Namespace) -> int:
    from careerkit.schema import profile_schema

    print(_json(profile_schema()))
    return 0


_EXAMPLES = {
    "validate": """careerkit validate my_package/profiles/
  careerkit validate my_package/profiles/tea-taster.toml --json
  careerkit validate my_package/profiles/ --require-hindi""",
    "schema": "careerkit schema > careerkit-profile.schema.json",
}


def add_commands(commands: argparse._SubParsersAction[_Parser], options: SharedOptions) -> None:
    """Add ``validate`` and ``schema`` to *commands*."""
    validate = _command(
        commands,
        [options.json],
        "validate",
        "check profile and extension files before they ship (exit 1 on any problem)",
        "Check profile and extension files (or folders of them) without installing them, "
        "and report every problem: FILE:LINE: PATH: MESSAGE, with the line of the field (or "
        "of the table that lacks it) where the file gives one and the field's path. With "
        '--json: {"files": [...], "problems": [{"file": ..., "line": ..., "path": ..., '
        '"message": ...}, ...]}, null for what is not known. Installed plug-ins that fail '
        "to load are reported too.",
        examples=_EXAMPLES["validate"],
    )
    validate.add_argument("paths", metavar="PATH", nargs="*", help="files or folders")
    validate.add_argument(
        "--require-hindi",
        action="store_true",
        help="also require every fact in Hindi as well as English, as careerkit's own "
        "India-facing profiles are (off by default: a pay band for India needs no Hindi)",
    )
    validate.set_defaults(run=_validate)

    schema = _command(
        commands,
        [options.json],
        "schema",
        "print the JSON Schema of the profile format",
        "Print the JSON Schema (draft 2020-12) of a profile or extension document, "
        "generated from careerkit's model. It is JSON with or without --json, which makes "
        "an error JSON too.",
        examples=_EXAMPLES["schema"],
    )
    schema.set_defaults(run=_schema)
