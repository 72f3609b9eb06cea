"""Running a command line and saying how it ended: the exit status, an error as one line
(or one JSON object), a closed pipe ended quietly.

The statuses and the error's two forms are those :mod:`careerkit.cli` and the
parser's epilog describe.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Sequence

from careerkit.cli._options import _RewordedError, _UsageError
from careerkit.cli._output import _ascii_only
from careerkit.cli._parser import command_line_parser
from careerkit.errors import CareerkitError, ValidationError

__all__ = ["CLOSED_PIPE", "main"]


_LONGEST_LINE = 2000
CLOSED_PIPE = 141
"""The exit status when the reader of the output goes away: 128 + SIGPIPE, as the shell reports."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); returns the exit status.

    A closed pipe ends it quietly with :data:`CLOSED_PIPE` (141): whatever was left
    to write is dropped, and nothing is printed about it.
    """
    # Whatever the terminal's encoding, what it cannot show is escaped: never an error.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        status = _run(sys.argv[1:] if argv is None else list(argv))
        sys.stdout.flush()  # a closed pipe shows here, inside the try, or at exit, outside it
    except BrokenPipeError:
        # The reader has gone (| head): say nothing more, and let nothing be flushed at exit.
        with contextlib.suppress(OSError, ValueError):  # stdout may not be a file
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return CLOSED_PIPE
    return status


def _run(argv: list[str]) -> int:
    parser = command_line_parser()
    try:
        args, unknown = parser.parse_known_args(argv)
        if unknown:  # named by the command's own help, which lists what it takes
            prog = getattr(args, "prog", parser.prog)
            raise _UsageError(f"unrecognized arguments: {' '.join(unknown)} (see '{prog} --help')")
    except _UsageError as error:  # --json, as far as a command line that cannot be read says
        return _fail("UsageError", str(error), as_json=_asks_json(argv))
    if args.version:
        from careerkit import __version__

        print(f"careerkit {__version__}")
        return 0
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    as_json = bool(getattr(args, "json", False))
    try:
        if getattr(args, "locale", None) is not None:
            from careerkit.text.format import parse_locale

            parse_locale(args.locale)  # refused before anything is printed
        status: int = args.run(args)
    except BrokenPipeError:
        raise
    except _RewordedError as refusal:
        return _fail(refusal.kind, str(refusal), as_json=as_json)
    except ValidationError as error:
        return _fail(type(error).__name__, _named(error, args), as_json=as_json)
    except CareerkitError as error:
        return _fail(type(error).__name__, str(error), as_json=as_json)
    except Exception as error:  # a bug (careerkit's or a plug-in's): one line, never a traceback
        message = f"unexpected {type(error).__name__}: {error} (please report it)"
        return _fail(type(error).__name__, message, as_json=as_json)
    return status


# The options (and arguments) whose values the library checks under the same name.
_OPTIONS = {
    "kinds": "KIND",
    "group": "--group",
    "limit": "--limit",
    "region": "--region",
    "currency": "--currency",
    "period": "--period",
    "prices_of": "--prices-of",
    "when": "--when",
    "reference_date": "--reference-date",
    "since": "--since",
    "until": "--until",
}


def _named(error: ValidationError, args: argparse.Namespace) -> str:
    """*error*'s message, naming the option given (``--limit``) where Python's name is its field."""
    option = _OPTIONS.get(error.field or "")
    if option is None or getattr(args, str(error.field), None) is None:
        return str(error)
    return f"{option}: {error.message}"


def _asks_json(argv: Sequence[str]) -> bool:
    """Whether *argv* has ``--json`` (or a prefix of it, which argparse takes) before ``--``."""
    for token in argv:
        if token == "--":
            return False
        if len(token) > 2 and "--json".startswith(token):
            return True
    return False


def _fail(kind: str, message: str, *, as_json: bool) -> int:
    """Report an error on standard error, as one line (or one JSON object); return status 2.

    *kind* names the error (``UnknownCurrencyError``, ``UsageError``); ``--json`` gets
    ``{"error": {"type": KIND, "message": MESSAGE}}``.
    """
    line = " ".join(message.split())  # one line, whatever the error's layout
    if len(line) > _LONGEST_LINE:  # values are quoted short; many problems at once are not
        line = line[:_LONGEST_LINE] + "…"
    if as_json:
        import json

        error = {"error": {"type": kind, "message": line}}
        print(json.dumps(error, ensure_ascii=_ascii_only(sys.stderr)), file=sys.stderr)
    else:
        print(f"careerkit: error: {line}", file=sys.stderr)
    return 2
