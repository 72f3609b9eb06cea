"""The ``careerkit-cli`` directive: the command-line reference, generated from the parser.

``careerkit.cli.build_parser()`` is the parser the command runs; the directive walks
it (each subcommand, and each action of ``careerkit data``) and writes, for each,
a section with its description, usage, arguments and options with their help, and
its examples. The page cannot drift from the command: both come from one parser.

The nodes are built directly (titles, paragraphs, literal blocks, definition
lists), not as reST or MyST text to be parsed again: help text is shown as it is
written, and nothing in it can become markup or a cross-reference.

Sphinx and docutils are imported inside ``setup``, so that pytest (which imports
every module under docs/ for its doctests) does not need them.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any


def commands(
    parser: argparse.ArgumentParser, name: str = ""
) -> Iterator[tuple[str, argparse.ArgumentParser, str]]:
    """``(full name, parser, one-line summary)`` for *parser*'s commands, in their order.

    A command with actions of its own (``data``) is followed by each of them
    (``data status``); the top-level parser itself comes first, named ``""``.

    >>> from careerkit.cli import build_parser
    >>> [name for name, _, _ in commands(build_parser())][:3]
    ['', 'list', 'search']
    """
    if not name:
        yield "", parser, parser.description or ""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            summaries = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for sub_name, sub_parser in action.choices.items():
                full = f"{name} {sub_name}".strip()
                yield full, sub_parser, summaries.get(sub_name, "")
                yield from commands(sub_parser, full)


def arguments(parser: argparse.ArgumentParser) -> list[tuple[str, str]]:
    """``(invocation, help)`` for each argument and option of *parser*, as ``--help`` shows them.

    >>> from careerkit.cli import build_parser
    >>> parsers = {name: parser for name, parser, _ in commands(build_parser())}
    >>> dict(arguments(parsers["compare"]))["--period PERIOD, --per PERIOD"]
    'period: hour, day, week, month, year (--per: the old name)'
    """
    formatter = parser._get_formatter()
    found = []
    for action in parser._actions:
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
            continue
        invocation = formatter._format_action_invocation(action)
        found.append((invocation, formatter._expand_help(action) if action.help else ""))
    return found


def _command_nodes(directive: Any, name: str, parser: argparse.ArgumentParser, summary: str) -> Any:
    from docutils import nodes

    title = f"careerkit {name}" if name else "careerkit"
    section = nodes.section()
    section["support_smartquotes"] = False  # '--per' and 'it' as typed, not '–per' and ‘it’
    section["names"].append(nodes.fully_normalize_name(title))
    section["ids"].append(nodes.make_id(title))
    section += nodes.title(text=title)
    if summary and summary != parser.description:
        section += nodes.paragraph(text=summary[:1].upper() + summary[1:] + ".")
    if parser.description:
        section += nodes.paragraph(text=parser.description)
    usage = parser.format_usage().strip()
    section += nodes.literal_block(usage, usage)
    listed = arguments(parser)
    if listed:
        items = nodes.definition_list()
        for invocation, help_text in listed:
            item = nodes.definition_list_item()
            item += nodes.term("", "", nodes.literal(invocation, invocation))
            item += nodes.definition("", nodes.paragraph(text=help_text))
            items += item
        section += items
    if parser.epilog:
        epilog = parser.epilog.strip()
        section += nodes.literal_block(epilog, epilog)
    directive.state.document.note_implicit_target(section, section)
    return section


def setup(app: Any) -> dict[str, Any]:
    from docutils.parsers.rst import Directive

    class CareerkitCli(Directive):
        """``careerkit-cli``: a section for the command, and one for each of its commands."""

        has_content = False

        def run(self) -> list[Any]:
            from careerkit.cli import build_parser

            return [
                _command_nodes(self, name, parser, summary)
                for name, parser, summary in commands(build_parser())
            ]

    app.add_directive("careerkit-cli", CareerkitCli)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
