"""``careerkit areas``: the metropolitan and nonmetropolitan areas BLS publishes pay for."""

from __future__ import annotations

import argparse
import sys

from careerkit.cli._options import SharedOptions, _checked, _command, _Parser
from careerkit.cli._output import _json

__all__ = ["add_commands"]

_EXAMPLES = """careerkit areas austin
  careerkit areas --state US-TX
  careerkit areas "new york" --json"""


def _state(text: str) -> str:
    from careerkit.model._iso import check_region

    check_region(text)
    return text


def _areas(args: argparse.Namespace) -> int:
    from careerkit.catalogue.sources.oews_areas import areas

    state = None if args.state is None else _checked("--state", args.state, _state)
    text = " ".join(args.text) if args.text else None
    found = areas(text, state=state)
    if args.json:
        print(
            _json(
                [
                    {
                        "code": area.code,
                        "cbsa": area.cbsa,
                        "name": area.name,
                        "kind": area.kind,
                        "states": list(area.states),
                    }
                    for area in found
                ]
            )
        )
    else:
        for area in found:
            print(f"{area.code}  {area.kind:<15}  {area.name}")
    if not found:
        what = [f"words starting with {text!r}"] if text else []
        what += [f"in {state}"] if state else []
        print(
            f"careerkit: no area has {' and lies '.join(what)}; `careerkit areas` lists all "
            "of them (each word matches the start of a word: 'san ant' finds San Antonio)",
            file=sys.stderr,
        )
    return 0 if found else 1


def add_commands(commands: argparse._SubParsersAction[_Parser], options: SharedOptions) -> None:
    """Add ``areas`` to *commands*."""
    command = _command(
        commands,
        [options.json],
        "areas",
        "list the metropolitan and nonmetropolitan areas BLS publishes pay for",
        "List BLS's OEWS areas (careerkit.areas): each area's 7-digit BLS code, its kind "
        "(metropolitan: a CBSA, coded 00 + its CBSA code; nonmetropolitan: counties of "
        "one state outside every metropolitan area) and its name; with TEXT, the areas "
        "whose name has words starting with each of its words; with --state, those lying "
        "(partly) in that state. Any of these codes or names is what --region takes in "
        "show, compare, position and list. Exit 1 where no area matches. --json prints a "
        "JSON list of objects: code, cbsa (null for a nonmetropolitan area), name, kind, "
        "states.",
        examples=_EXAMPLES,
    )
    command.add_argument("text", metavar="TEXT", nargs="*", help="words of an area's name")
    command.add_argument("--state", metavar="CODE", help="an ISO 3166-2 state code, such as US-TX")
    command.set_defaults(run=_areas)
