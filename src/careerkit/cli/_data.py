"""``careerkit data status``, ``update`` and ``reset``: the series in use, and updates to them."""

from __future__ import annotations

import argparse

from careerkit.cli._options import SharedOptions, _command, _Parser
from careerkit.cli._output import _json, _noun

__all__ = ["add_commands"]


def _data_status(args: argparse.Namespace) -> int:
    from careerkit import data

    found = data.status(*args.kinds)
    if args.json:
        print(_json({"folder": str(data.directory()), "series": [s.to_dict() for s in found]}))
        return 0
    print(f"user data directory: {data.directory()}")
    for series in found:
        print()
        print(series.describe())
    return 0


def _data_update(args: argparse.Namespace) -> int:
    from careerkit import data

    _check_exist(args.files)  # first: before the options, the release, the format
    installed = data.update(
        args.kind,
        *args.files,
        accept_revisions=args.accept_revisions,
        reference_date=args.reference_date,
    )
    print(_json(installed.to_dict()) if args.json else installed.describe())
    return 0


def _check_exist(files: list[str]) -> None:
    """Refuse, naming them all, the *files* that do not exist (a name the system refuses to
    look up, too long or with a NUL in it, is left for the reader to name)."""
    import os

    from careerkit.errors import DataFormatError, shown

    missing = []
    for name in files:
        try:
            os.stat(name)
        except FileNotFoundError:
            missing.append(name)
        except (OSError, ValueError):
            continue
    if missing:
        names = ", ".join(shown(name) for name in missing)
        count = len(missing)
        raise DataFormatError(
            f"{names} {_noun(count, 'does', 'do')} not exist: give the {_noun(count, 'path')} "
            f"of the {_noun(count, 'file')} you downloaded"
        )


def _data_reset(args: argparse.Namespace) -> int:
    from careerkit import data

    done = data.reset(*args.kinds)
    if args.json:
        print(_json({"folder": str(data.directory()), "reset": list(done)}))
    elif done:
        print(f"the shipped snapshot is in use again for: {', '.join(done)}")
    else:
        print(f"no update was installed in {data.directory()}: the shipped snapshot is in use")
    return 0


_EXAMPLES = {
    "status": """careerkit data status
  careerkit data status cpi --json""",
    "update": """careerkit data update cpi CPIAUCNS.csv
  careerkit data update fx-monthly EXINUS.csv EXUSUK.csv
  careerkit data update fx-ecb-monthly eurofxref-hist.zip
  careerkit data update inflation API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_1.zip --accept-revisions
  careerkit data update oews oesm26nat.zip oesm26st.zip""",
    "reset": """careerkit data reset cpi
  careerkit data reset""",
}


_KINDS = (
    "cpi",
    "fx-monthly",
    "fx-annual",
    "fx-ecb-monthly",
    "fx-ecb-annual",
    "fx-world-bank",
    "inflation",
    "ppp",
    "oews",
)
"""careerkit.data.KINDS (the tests hold them equal), without importing the data store before
the command line is read."""


def add_commands(commands: argparse._SubParsersAction[_Parser], options: SharedOptions) -> None:
    """Add ``data`` and its actions ``status``, ``update`` and ``reset`` to *commands*."""
    data = commands.add_parser(
        "data",
        help="see which data is in use, and install newer official files",
        description="The dated public series careerkit converts with (exchange rates, CPI-U, "
        "World Bank inflation and PPP, the OEWS release): see their span, gaps and files, "
        "install a newer official file into your user data directory, or go back to the "
        "snapshot shipped with careerkit.",
        epilog="run 'careerkit data ACTION --help' for an action's options and examples",
    )
    actions = data.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    kinds = ", ".join(_KINDS)

    def add(name: str, summary: str, description: str) -> _Parser:
        return _command(
            actions, [options.json], name, summary, description, examples=_EXAMPLES[name]
        )

    status = add(
        "status",
        "each series' source, licence, span, gaps and the files in use",
        "Show every series (or those named): its source and licence, its span and last "
        "point, the gaps inside it with their reasons, the files in use with their sha256, "
        "and whether the shipped snapshot or an update of yours is in use; for oews, every "
        "release in use (they stack: the newest is the latest, older ones are history) and "
        "what each covers.",
    )
    status.add_argument("kinds", metavar="KIND", nargs="*", help=f"{kinds} (default: all)")
    status.set_defaults(run=_data_status)

    update = add(
        "update",
        "install a newer official file for a series (checked, atomic, never in site-packages)",
        "Install official files downloaded from their publishers into your user data "
        "directory ($CAREERKIT_DATA_DIR, or the platform's). Each is checked first: "
        "columns, dates in order, finite positive values, and agreement with the data in "
        "use where they overlap; values that differ are revisions, installed only with "
        "--accept-revisions. The formats accepted: docs/howto/update-data.md.",
    )
    update.add_argument("kind", metavar="KIND", choices=_KINDS, help=kinds)
    update.add_argument("files", metavar="FILE", nargs="+", help="the file(s) to install")
    update.add_argument(
        "--accept-revisions",
        action="store_true",
        help="install values that differ from the data in use (the publisher's revisions)",
    )
    update.add_argument(
        "--reference-date",
        help="oews only: the month the release refers to (2026-05), where the file names "
        "do not say it",
    )
    update.set_defaults(run=_data_update)

    reset = add(
        "reset",
        "go back to the shipped snapshot (for the series named, or all)",
        "Remove your installed updates of the series named (all, if none is named; for "
        "oews, every release you installed): the snapshot shipped with careerkit is in use "
        "again. The way out of a damaged data folder.",
    )
    reset.add_argument("kinds", metavar="KIND", nargs="*", help=f"{kinds} (default: all)")
    reset.set_defaults(run=_data_reset)
