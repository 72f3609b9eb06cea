"""What the commands share: their common options, how one is added, how option values are read.

Each command takes the options it uses, and no other: ``--json`` every one,
``--lang`` those that print careers' text, ``--locale`` those that format amounts
(:class:`SharedOptions`). An option's value is checked by the library, and a
refusal is reworded to name the option and quote the value typed (:func:`_checked`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from careerkit.errors import CareerkitError, ValidationError, shown

TYPE_CHECKING = False  # not typing's: the command line is read before typing is imported
if TYPE_CHECKING:
    from typing import Any, NoReturn, TypeVar

    from careerkit.model.dates import ReferenceDate
    from careerkit.model.pay_band import Period

    _T = TypeVar("_T")

__all__ = [
    "SharedOptions",
    "_Parser",
    "_RewordedError",
    "_UsageError",
    "_checked",
    "_command",
    "_conversion",
    "_currency",
    "_date",
    "_job_zone",
    "_locale",
    "_period",
    "_region",
    "shared_options",
]

_LANGUAGES = ("en", "hi")
"""careerkit.model.text.LANGUAGES (the tests hold them equal), without importing the model
before the command line is read."""


class _UsageError(Exception):
    """A command line the parser refuses: reported as every other error is."""


class _RewordedError(Exception):
    """A careerkit error reworded for the command line, to quote what the user typed."""

    def __init__(self, error: CareerkitError, message: str) -> None:
        super().__init__(message)
        self.kind = type(error).__name__


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors reported like every other error (one line, or JSON)."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')")


class SharedOptions:
    """The options several commands take, each as a parent parser to give a command."""

    __slots__ = ("json", "prints_amounts", "prints_text")

    def __init__(
        self, json: _Parser, prints_text: list[_Parser], prints_amounts: list[_Parser]
    ) -> None:
        self.json = json
        """``--json`` alone: every command takes it."""
        self.prints_text = prints_text
        """``--lang`` and ``--json``: for a command that prints careers' text."""
        self.prints_amounts = prints_amounts
        """``--lang``, ``--locale`` and ``--json``: for a command that formats amounts too."""


def shared_options() -> SharedOptions:
    """The parent parsers of the options several commands take."""
    json_option = _Parser(add_help=False)
    json_option.add_argument(
        "--json", action="store_true", help="print JSON instead of text; errors too"
    )
    text = _Parser(add_help=False)
    text.add_argument(
        "--lang", choices=_LANGUAGES, default="en", help="language of the text (default: en)"
    )
    amounts = _Parser(add_help=False)
    amounts.add_argument(
        "--locale", help="locale for amounts, such as en_IN or hi (default: the --lang)"
    )
    return SharedOptions(json_option, [text, json_option], [text, amounts, json_option])


def _command(
    commands: argparse._SubParsersAction[_Parser],
    parents: Sequence[_Parser],
    name: str,
    summary: str,
    description: str,
    *,
    examples: str,
) -> _Parser:
    """A (sub)command *name* of *commands*, with its *parents*' options and its *examples*."""
    parser = commands.add_parser(
        name,
        parents=list(parents),
        help=summary,
        description=description,
        epilog=f"examples:\n  {examples}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(prog=parser.prog)
    return parser


def _locale(args: argparse.Namespace) -> str:
    return str(args.locale or args.lang)


def _checked(option: str, text: str, check: Callable[[str], _T]) -> _T:
    """``check(text)`` for the value of *option*; its error names the option and quotes *text*."""
    try:
        return check(text)
    except ValidationError as error:
        raise _RewordedError(error, _about(option, text, error.message)) from None


def _about(option: str, text: str, message: str) -> str:
    """*message* about *option*'s value *text*, which it quotes unless the message does."""
    quoted = shown(text)
    return f"{option}: {message}" if quoted in message else f"{option} {quoted}: {message}"


def _currency(text: str) -> str:
    from careerkit.model._iso import check_currency

    check_currency(text)
    return text


def _period(text: str) -> Period:
    from careerkit.model.pay_band import to_period

    return to_period(text)


def _date(text: str) -> ReferenceDate:
    from careerkit.model.dates import ReferenceDate

    return ReferenceDate.coerce(text)


def _table_date(text: str) -> ReferenceDate:
    """A date for the prices of a table of figures (``show``, ``compare``): not 'latest'."""
    if text == "latest":
        raise ValidationError(
            "the figures of a table come from series that end at different dates, so they "
            "take one date, such as 2024 ('latest' is for one figure: careerkit convert PAY "
            "--prices-of latest)"
        )
    return _date(text)


def _job_zone(text: str) -> int:
    """An O*NET Job Zone, 1 to 5."""
    if text.strip() not in ("1", "2", "3", "4", "5"):
        raise ValidationError(
            "expected an O*NET Job Zone, a whole number from 1 (little or no preparation) "
            "to 5 (extensive preparation)"
        )
    return int(text)


def _region(text: str) -> str:
    """An ISO 3166 code (``US-TX``), or a metropolitan or nonmetropolitan area's code or name,
    checked here so that a wrong one fails before any career is read."""
    from careerkit.catalogue.sources.oews_areas import region_or_area

    found = region_or_area(text, field=None)
    return found if isinstance(found, str) else found.code


def _conversion(args: argparse.Namespace) -> dict[str, Any]:
    """The arguments of ``compare()`` from ``--currency``, ``--period``, ``--prices-of``, ``--region``."""
    return {
        "currency": _checked("--currency", args.currency, _currency),
        "period": _checked("--period", args.period, _period),
        "prices_of": None
        if args.prices_of is None
        else _checked("--prices-of", args.prices_of, _table_date),
        "region": _regions(args.region),
    }


def _regions(given: str | list[str] | None) -> str | list[str] | None:
    """``--region``'s value, checked: one region as a string (``show``, and ``compare`` given
    it once), several as a list (``compare`` given it more than once)."""
    if given is None or isinstance(given, str):
        return None if given is None else _checked("--region", given, _region)
    found = [_checked("--region", text, _region) for text in given]
    for index, region in enumerate(found):
        if region in found[:index]:
            first = given[found.index(region)]
            twice = (
                "is given twice"
                if first == given[index]
                else f"names what --region {shown(first)} names"
            )
            raise ValidationError(f"--region {shown(given[index])} {twice}: give each region once")
    return found[0] if len(found) == 1 else found
