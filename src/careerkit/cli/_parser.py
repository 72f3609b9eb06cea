"""The ``careerkit`` command's parser: its commands in the order of its help, each added by the
module that runs it."""

from __future__ import annotations

import argparse

from careerkit.cli import (
    _areas,
    _careers,
    _classify,
    _data,
    _history,
    _pay,
    _position,
    _profiles,
)
from careerkit.cli._options import _Parser, shared_options

__all__ = ["build_parser"]

_EPILOG = """exit status: 0 done; 1 nothing found (search), a title with no match
  (classify TITLE...) or problems found (validate);
  2 an error; 141 the reader of the output went away (careerkit list | head -1)

An error is one line on standard error: careerkit: error: MESSAGE. With --json,
it is one JSON object on one line instead:
  {"error": {"type": "UnknownCurrencyError", "message": "..."}}
where type is the name of careerkit's exception (careerkit.errors), UsageError
for a command line that cannot be read, or, for an unexpected error (a bug,
please report it), the name of Python's exception.

run 'careerkit COMMAND --help' for a command's options and examples"""


def build_parser() -> argparse.ArgumentParser:
    """The ``careerkit`` command's parser: its subcommands, options, help and examples.

    :func:`main` runs it; the documentation's command-line reference is generated
    from it, so the two cannot disagree.
    """
    parser = _Parser(
        prog="careerkit",
        description="Careers as typed, citable data, with pay made comparable.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    # Each command takes the options it uses, and no other.
    options = shared_options()
    # list, search, show; areas; classify; convert, compare; position; history; validate,
    # schema; data status|update|reset
    for group in (_careers, _areas, _classify, _pay, _position, _history, _profiles, _data):
        group.add_commands(commands, options)
    return parser
