"""The ``careerkit`` command (also ``python -m careerkit``).

Every error ends the command with exit status 2 and one explanation on
standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from careerkit import registry, serialization
from careerkit.errors import CareerkitError
from careerkit.model.text import LANGUAGES

__all__ = ["main"]

_EPILOG_SHOW = """examples:
  careerkit show customer-service
  careerkit show "कस्टमर केयर एग्जीक्यूटिव" --lang hi
  careerkit show 27-3031 --json"""


def _list(args: argparse.Namespace) -> int:
    careers = registry.careers()
    if args.json:
        rows = [
            {
                "id": career.id,
                "title": serialization.converter().unstructure(career.title),
                "aliases": list(career.aliases),
                "codes": {system.value: code for system, code in career.codes.items()},
            }
            for career in careers
        ]
        print(serialization.to_json(rows))
        return 0
    width = max((len(career.id) for career in careers), default=0)
    for career in careers:
        print(f"{career.id:<{width}}  {career.title.in_language(args.lang)}")
    return 0


def _show(args: argparse.Namespace) -> int:
    career = registry.get(args.key)
    if args.json:
        print(serialization.to_json(serialization.to_dict(career)))
    else:
        from careerkit._render import render_career

        print(render_career(career, args.lang), end="")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="careerkit",
        description="Careers as typed, citable data: look careers up and show every fact "
        "with its source.",
        epilog="run 'careerkit COMMAND --help' for a command's options and examples",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of the text (default: en)"
    )
    common.add_argument("--json", action="store_true", help="print JSON instead of text")

    listing = commands.add_parser(
        "list",
        parents=[common],
        help="list the careers careerkit knows",
        description="List the careers careerkit knows, by id and title.",
        epilog="example:\n  careerkit list --lang hi",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    listing.set_defaults(run=_list)

    show = commands.add_parser(
        "show",
        parents=[common],
        help="show a career's whole profile, every fact with its source",
        description="Show a career's whole profile. KEY is its id, an alias, an occupation "
        "code (5244.0301, 43-4051, ...) or its title in English or Hindi.",
        epilog=_EPILOG_SHOW,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.add_argument("key", metavar="KEY", help="id, alias, occupation code or title")
    show.set_defaults(run=_show)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        from careerkit import __version__

        print(f"careerkit {__version__}")
        return 0
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        status: int = args.run(args)
    except CareerkitError as error:
        print(f"careerkit: error: {error}", file=sys.stderr)
        return 2
    return status
