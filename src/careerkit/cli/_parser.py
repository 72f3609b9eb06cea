"""The ``careerkit`` command's parser: its commands in the order of its help, each added by the
module that runs it.

:func:`build_parser` builds every command's parser (the documentation's reference is
generated from it); a command line is read by :func:`command_line_parser`, the same
parser whose commands' own parsers are built only for the command given: ``careerkit
show KEY`` builds ``show``'s (and its module's others), ``careerkit --help`` none.
"""

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
from careerkit.cli._options import SharedOptions, _Parser, shared_options

TYPE_CHECKING = False  # not typing's: the command line is read before typing is imported
if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import ModuleType
    from typing import Any

__all__ = ["build_parser", "command_line_parser"]

_GROUPS = (_careers, _areas, _classify, _pay, _position, _history, _profiles, _data)
"""The modules that add the commands (list, search, show; areas; classify; convert, compare;
position; history; validate, schema; data status|update|reset), in the order of the help."""

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
    return _parser(lazy=False)


def command_line_parser() -> argparse.ArgumentParser:
    """:func:`build_parser`'s parser, each command's own parser built when that command is
    given (its help, summaries and choices the same): what :func:`main` reads with."""
    return _parser(lazy=True)


def _parser(*, lazy: bool) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="careerkit",
        description="Careers as typed, citable data, with pay made comparable.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    if lazy:
        parser.register("action", "parsers", _Commands)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    if isinstance(commands, _Commands):
        commands.plan(_GROUPS)
        return parser
    # Each command takes the options it uses, and no other.
    options = shared_options()
    for group in _GROUPS:
        group.add_commands(commands, options)
    return parser


class _Anything:
    """Any attribute or call of it is itself, and it holds nothing: a command module's
    ``add_commands`` run dry."""

    def __getattr__(self, name: str) -> _Anything:
        return self

    def __call__(self, *args: object, **kwargs: object) -> _Anything:
        return self

    def __iter__(self) -> Iterator[object]:
        return iter(())


class _Planned:
    """What a command module's ``add_commands`` adds, run dry: each command's name and summary."""

    def __init__(self) -> None:
        self.commands: list[tuple[str, str | None]] = []

    def add_parser(self, name: str, **kwargs: Any) -> _Anything:
        self.commands.append((name, kwargs.get("help")))
        return _Anything()


_UNBUILT: _Parser = None  # type: ignore[assignment]  # a command whose parser is not built yet


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The subcommands, each module's commands' parsers built when one of them is given.

    :meth:`plan` runs each module's ``add_commands`` dry, to learn its commands' names
    and summaries, in order: the help lists them, the choices hold them, as argparse
    would. Given a command, its module's ``add_commands`` runs for real, on this action,
    with the shared options; the parsers it adds take their places.
    """

    def plan(self, groups: tuple[ModuleType, ...]) -> None:
        """Take the commands *groups* add, without building their parsers."""
        self._groups: dict[str, ModuleType] = {}
        self._options: SharedOptions | None = None
        for group in groups:
            planned = _Planned()
            group.add_commands(planned, _Anything())
            for name, summary in planned.commands:
                self._groups[name] = group
                self._name_parser_map[name] = _UNBUILT
                if summary is not None:  # as add_parser lists it
                    self._choices_actions.append(self._ChoicesPseudoAction(name, (), summary))

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        self._build(values[0])
        super().__call__(parser, namespace, values, option_string)

    def _build(self, name: str) -> None:
        """The parsers of the commands of *name*'s module, in their places."""
        group = self._groups.get(name)
        if group is None or self._name_parser_map.get(name) is not _UNBUILT:
            return
        if self._options is None:
            self._options = shared_options()
        order = list(self._name_parser_map)
        listed = len(self._choices_actions)
        for planned, owner in self._groups.items():
            if owner is group:
                del self._name_parser_map[planned]
        group.add_commands(self, self._options)
        del self._choices_actions[listed:]  # listed already, in their places
        built = dict(self._name_parser_map)
        self._name_parser_map.clear()
        self._name_parser_map.update((planned, built[planned]) for planned in order)
