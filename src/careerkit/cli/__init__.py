"""The ``careerkit`` command (also ``python -m careerkit``).

Subcommands: ``list``, ``search``, ``show``, ``classify``, ``convert``, ``compare``,
``position``, ``history``, ``validate``, ``schema`` and ``data status|update|reset``. Each takes the options
it uses and no other: ``--json`` every one, ``--lang en|hi`` those that print
careers' text (``list``, ``search``, ``show``, ``convert``, ``compare``),
``--locale`` those that format amounts (``show``, ``convert``, ``compare``).
:func:`build_parser` builds the parser; the documentation's command-line
reference is generated from it.

Exit statuses: 0 done; 1 nothing found (``search``), a title with no match
(``classify TITLE...``) or problems found (``validate``); 2 an error, reported as one line on standard error
(``careerkit: error: ...``) or, with ``--json``, as one JSON object on one line
(``{"error": {"type": "UnknownCurrencyError", "message": "..."}}``), never a
traceback; 141 (128 + SIGPIPE, as the shell reports a tool killed by it) when the
reader of the output goes away (``careerkit list | head -1``), without a word.
Output that the terminal's encoding cannot show is written as escapes
(``\\u0915``), never an error.

The modules: ``_main`` runs a command line and reports how it ended; ``_parser``
builds the parser from the command groups, one module each (``_careers``: list,
search, show; ``_classify``: classify; ``_pay``: convert, compare; ``_position``:
position; ``_history``: history; ``_profiles``: validate, schema; ``_data``: data status|update|reset);
``_options`` holds what the commands share (common options, reading option values)
and ``_output`` how they write JSON. The command line is read before anything a command
needs is imported: each command imports what it uses when it runs (``_validate`` runs
``validate``), so ``careerkit --help`` imports neither the model nor the data.
"""

from careerkit.cli._main import CLOSED_PIPE, main
from careerkit.cli._parser import build_parser

__all__ = ["CLOSED_PIPE", "build_parser", "main"]
