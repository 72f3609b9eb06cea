"""The ``careerkit`` command (also ``python -m careerkit``).

Subcommands: ``list``, ``search``, ``show``, ``convert``, ``compare``,
``validate`` and ``schema``, each taking ``--json``, ``--lang en|hi`` and
``--locale``; and ``data status|update|reset``, taking ``--json``. Every error
ends the command with exit status 2 and one line on standard error, never a
traceback; a closed pipe (``careerkit list | head -1``) ends it quietly with
status 141, as for other tools killed by SIGPIPE; output that the terminal's
encoding cannot show is written as escapes (``\u0915``), never an error.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from careerkit import registry, serialization
from careerkit.errors import CareerkitError, ValidationError
from careerkit.model.text import LANGUAGES

if TYPE_CHECKING:
    from careerkit.model.career import CareerExtension

__all__ = ["main"]


_LONGEST_LINE = 2000
CLOSED_PIPE = 141
"""The exit status when the reader of the output goes away: 128 + SIGPIPE, as the shell reports."""


def _locale(args: argparse.Namespace) -> str:
    return str(args.locale or args.lang)


def _json(data: object) -> str:
    """JSON for standard output: non-ASCII as ``\\u`` escapes where its encoding cannot write it."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        "क₹€".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return serialization.to_json(data, ascii_only=True)
    return serialization.to_json(data)


def _pay_json(pay: Any) -> dict[str, Any]:
    return {
        "amount": str(pay.amount),
        "rounded": str(pay.rounded()),
        "currency": pay.currency,
        "period": pay.period.value,
        "when": None if pay.when is None else str(pay.when),
        "provenance": [step.describe() for step in pay.provenance],
    }


def _list(args: argparse.Namespace) -> int:
    if args.groups:
        from careerkit.catalogue import major_groups

        if args.json:
            print(_json(dict(major_groups())))
        else:
            for code, title in major_groups().items():
                print(f"{code}  {title}")
        return 0
    careers = registry.careers(group=args.group)
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
        print(_json(rows))
        return 0
    width = min(40, max((len(career.id) for career in careers), default=0))
    for career in careers:
        print(f"{career.id:<{width}}  {career.title.in_language(args.lang)}")
    return 0


def _search(args: argparse.Namespace) -> int:
    from careerkit._search import search

    results = search(args.text, limit=args.limit)
    if args.json:
        print(
            _json(
                [
                    {
                        "id": r.id,
                        "title": serialization.converter().unstructure(r.career.title),
                        "score": round(r.score, 1),
                        "matched": r.matched,
                        "field": r.field,
                    }
                    for r in results
                ]
            )
        )
        return 0
    if not results:
        print(f"no career matches {args.text!r}")
        return 1
    width = max(len(r.id) for r in results)
    for r in results:
        title = r.career.title.in_language(args.lang)
        matched = r.matched if len(r.matched) <= 60 else r.matched[:57] + "..."
        print(f"{r.score:5.1f}  {r.id:<{width}}  {title}  [{r.field}: {matched}]")
    return 0


def _show(args: argparse.Namespace) -> int:
    from careerkit._compare import compare

    career = registry.get(args.key)
    comparison = None
    if args.currency or args.per or args.prices_of:
        if not (args.currency and args.per):
            raise ValidationError("show converts pay with both --currency and --per")
        comparison = compare(
            career,
            currency=args.currency,
            period=args.per,
            prices_of=args.prices_of,
            region=args.region,
        )
    if args.json:
        document: dict[str, Any] = serialization.to_dict(career)
        if comparison is not None:
            document = {"profile": document, "pay_converted": comparison.to_dict()}
        print(_json(document))
        return 0
    from careerkit._render import render_career

    print(render_career(career, args.lang, _locale(args), region=args.region), end="")
    if comparison is not None:
        table = comparison.render(args.lang, _locale(args)).split("\n\n" + career.id + ":")[0]
        print("\n" + table.rstrip())
    return 0


def _target(text: str) -> tuple[str | None, str | None]:
    currency, _, period = text.partition("/")
    return (currency or None), (period or None)


def _convert(args: argparse.Namespace) -> int:
    from careerkit.pay import Pay, PayRange
    from careerkit.pay._bands import convert_pay
    from careerkit.text import format_pay, parse_pay

    latest = args.when == "latest"  # an undated figure, at the latest rates
    parsed = parse_pay(args.pay, when=None if latest else args.when)
    currency, period = _target(args.to) if args.to else (None, None)

    def converted(pay: Pay) -> Pay:
        return convert_pay(
            pay,
            period=period,
            currency=currency,
            prices_of=args.prices_of,
            rates_of="latest" if latest else None,
        )

    result: Pay | PayRange
    if isinstance(parsed, PayRange):  # an open range keeps its open end open
        low, high = (None if end is None else converted(end) for end in (parsed.low, parsed.high))
        result = PayRange(low, high)
        results = list(result.ends)
    else:
        result = converted(parsed)
        results = [result]
    text = format_pay(result, _locale(args))
    if args.json:
        print(
            serialization.to_json(
                {"input": args.pay, "text": text, "figures": [_pay_json(p) for p in results]}
            )
        )
        return 0
    print(text + _latest_used(results[-1]))
    if args.explain:
        print(results[-1].explain())
    return 0


def _latest_used(pay: Any) -> str:
    """`` (latest rates: 2026-06)``, ``(latest prices: 2026-05)``: the dates 'latest' chose."""
    from careerkit.pay.provenance import latest_dates

    used = [f"latest {what}: {date}" for what, date in latest_dates(pay.provenance)]
    return f" ({'; '.join(used)})" if used else ""


def _compare(args: argparse.Namespace) -> int:
    from careerkit._compare import compare

    comparison = compare(
        *args.keys,
        currency=args.currency,
        period=args.per,
        prices_of=args.prices_of,
        region=args.region,
    )
    if args.json:
        print(_json(comparison.to_dict()))
    else:
        print(comparison.render(args.lang, _locale(args)), end="")
    return 0


def _files(paths: Sequence[str]) -> tuple[list[Path], list[str]]:
    files: list[Path] = []
    problems: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(path.rglob("*.toml"))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(f"{name}: no such file or directory")
    return files, problems


def _validate(args: argparse.Namespace) -> int:
    from careerkit.conformance import profile_problems
    from careerkit.model.career import Career
    from careerkit.registry import with_files

    files, problems = _files(args.paths)
    documents: list[tuple[Path, Career | CareerExtension]] = []
    for file in files:
        try:
            text = serialization.read_text(file)
            documents.append((file, serialization.document_from_toml(text, origin=str(file))))
        except CareerkitError as error:
            problems += _lines(error, str(file))
    for file, document in documents:
        if isinstance(document, Career):
            if document.id != file.stem:
                problems.append(f"{file}: id: the file must be named {document.id}.toml")
            problems += [f"{file}: {problem}" for problem in profile_problems(document)]
    # What loading would do with these files installed beside the installed plug-ins: a key
    # an installed career (or another of these files) already answers to, an extension of a
    # career that does not exist, an extension that clashes once merged.
    loaded = with_files(documents)
    ours = {str(file) for file, _ in documents}
    for provider, why in loaded.skipped:
        if provider not in ours:
            problems.append(
                f"installed plug-in: skipped careerkit profiles from {provider}: "
                f"{type(why).__name__}: {why}"
            )
        elif isinstance(why, CareerkitError):
            problems += _lines(why, provider)
        else:  # pragma: no cover - loading a parsed file raises careerkit's errors only
            problems.append(f"{provider}: {type(why).__name__}: {why}")
    if args.json:
        print(_json({"files": [str(f) for f in files], "problems": problems}))
    else:
        for problem in problems:
            print(problem)
        print(f"{len(files)} files checked, {len(problems)} problems")
    return 1 if problems else 0


def _lines(error: CareerkitError, origin: str) -> list[str]:
    from careerkit.errors import ProfileLoadError

    if isinstance(error, ProfileLoadError):
        return [
            f"{error.origin}: {path}: {message}" if path else f"{error.origin}: {message}"
            for path, message in error.problems
        ]
    return [f"{origin}: {error}"]


def _schema(args: argparse.Namespace) -> int:
    from careerkit.schema import profile_schema

    print(_json(profile_schema()))
    return 0


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

    installed = data.update(
        args.kind,
        *args.files,
        accept_revisions=args.accept_revisions,
        reference_date=args.reference_date,
    )
    print(_json(installed.to_dict()) if args.json else installed.describe())
    return 0


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
    "list": """careerkit list --lang hi
  careerkit list --groups
  careerkit list --group 29""",
    "search": """careerkit search nurse
  careerkit search "custmer service" --limit 3
  careerkit search 29-11 --json""",
    "show": """careerkit show customer-service
  careerkit show "कस्टमर केयर एग्जीक्यूटिव" --lang hi
  careerkit show 27-3031 --json
  careerkit show registered-nurses --region US-TX
  careerkit show csr --currency INR --per month --prices-of 2024 --locale en_IN""",
    "convert": """careerkit convert "14.36 USD/hour" --to INR/month --when 2008-05
  careerkit convert "$14.36 an hour" --to INR/month --when 2008-05 --prices-of 2024 --explain
  careerkit convert "3.5 LPA" --to /month --locale en_IN
  careerkit convert "₹10,000 a month" --to USD --when latest
  careerkit convert "$14.36 an hour" --when 2008-05 --prices-of latest""",
    "validate": """careerkit validate my_package/profiles/
  careerkit validate my_package/profiles/tea-taster.toml --json""",
    "schema": "careerkit schema > careerkit-profile.schema.json",
    "data status": """careerkit data status
  careerkit data status cpi --json""",
    "data update": """careerkit data update cpi CPIAUCNSA.csv
  careerkit data update fx-monthly EXINUS.csv EXUSUK.csv
  careerkit data update inflation API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_1.zip --accept-revisions
  careerkit data update oews oesm26nat.zip oesm26st.zip""",
    "data reset": """careerkit data reset cpi
  careerkit data reset""",
    "compare": """careerkit compare customer-service public-relations-specialist --currency INR --per month --prices-of 2024
  careerkit compare csr pr-specialist --currency INR --per month --lang hi
  careerkit compare 43-4051 27-3031 --region US-CA --currency INR --per month""",
}


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors on one line like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"careerkit: error: {message} (see '{self.prog} --help')\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="careerkit",
        description="Careers as typed, citable data, with pay made comparable.",
        epilog="run 'careerkit COMMAND --help' for a command's options and examples",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    common = _Parser(add_help=False)
    common.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of the text (default: en)"
    )
    common.add_argument(
        "--locale", help="locale for amounts, such as en_IN or hi (default: the --lang)"
    )
    common.add_argument("--json", action="store_true", help="print JSON instead of text")

    def add(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return _command(commands, common, name, summary, description, examples=name)

    listing = add(
        "list",
        "list the careers careerkit knows",
        "List careers by id and title: all of them, or one SOC major group's.",
    )
    listing.add_argument("--group", help="only this SOC major group (29 or 29-0000)")
    listing.add_argument("--groups", action="store_true", help="list the SOC major groups")
    listing.set_defaults(run=_list)

    searching = add(
        "search",
        "find careers by words, titles, codes or a code prefix (typos forgiven)",
        "Search careers' names (English and Hindi), aliases, codes and descriptions; "
        "best match first, with its score (0-100) and what matched. Exit 1 if nothing matches.",
    )
    searching.add_argument("text", metavar="TEXT", help="words, a title or a code (29-11)")
    searching.add_argument(
        "--limit", type=int, default=10, help="at most this many results (default: 10)"
    )
    searching.set_defaults(run=_search)

    show = add(
        "show",
        "show a career's whole profile, every fact with its source",
        "Show a career's whole profile. KEY is its id, an alias, an occupation code "
        "(5244.0301, 43-4051, ...) or its title in English or Hindi. With --currency and "
        "--per, its pay is also shown converted beside the original.",
    )
    show.add_argument("key", metavar="KEY", help="id, alias, occupation code or title")
    show.add_argument("--currency", help="convert pay to this ISO 4217 currency")
    show.add_argument("--per", help="convert pay to this period (hour, day, week, month, year)")
    show.add_argument("--prices-of", help="in the prices of this date (2024, 2024-05)")
    show.add_argument(
        "--region",
        help="pay and employment of this region only (US, US-TX, IN; default: countries)",
    )
    show.set_defaults(run=_show)

    convert = add(
        "convert",
        "convert a pay figure between periods, currencies and years",
        "Convert pay written as people write it ('$14.36 an hour', '3.5 LPA', "
        "'₹10,000–28,000 per month'). Periods use the BLS full-time schedule (2,080 hours "
        "a year); currencies the Federal Reserve's average rates for the date; prices "
        "US CPI-U or World Bank inflation.",
    )
    convert.add_argument("pay", metavar="PAY", help="the pay text, such as '14.36 USD/hour'")
    convert.add_argument("--to", help="CURRENCY/PERIOD, CURRENCY or /PERIOD, such as INR/month")
    convert.add_argument(
        "--when",
        help="the date the figure refers to (2008, 2008-05); 'latest' for an undated figure "
        "converted at the latest month's rates",
    )
    convert.add_argument(
        "--prices-of",
        help="re-express in the prices of this date ('latest': the latest the series has)",
    )
    convert.add_argument("--explain", action="store_true", help="show how it was converted")
    convert.set_defaults(run=_convert)

    comparing = add(
        "compare",
        "compare careers side by side, pay converted to one unit",
        "Compare careers: every pay band converted to --currency per --per, with entry "
        "routes, course fees, funding and career ladder beside them.",
    )
    comparing.add_argument("keys", metavar="KEY", nargs="+", help="careers to compare")
    comparing.add_argument("--currency", required=True, help="ISO 4217 currency, such as INR")
    comparing.add_argument("--per", required=True, help="period: hour, day, week, month, year")
    comparing.add_argument("--prices-of", help="in the prices of this date (2024)")
    comparing.add_argument(
        "--region", help="the pay bands of this region (IN, US, US-CA; default: countries)"
    )
    comparing.set_defaults(run=_compare)

    validate = add(
        "validate",
        "check profile and extension files before they ship (exit 1 on any problem)",
        "Check profile and extension files (or folders of them) without installing them: "
        "each problem is printed with its file and field. Installed plug-ins that fail to "
        "load are reported too.",
    )
    validate.add_argument("paths", metavar="PATH", nargs="*", help="files or folders")
    validate.set_defaults(run=_validate)

    schema = add(
        "schema",
        "print the JSON Schema of the profile format",
        "Print the JSON Schema (draft 2020-12) of a profile or extension document, "
        "generated from careerkit's model.",
    )
    schema.set_defaults(run=_schema)

    _data_parsers(commands)
    return parser


def _command(
    commands: Any,
    parent: argparse.ArgumentParser,
    name: str,
    summary: str,
    description: str,
    *,
    examples: str,
) -> argparse.ArgumentParser:
    """A (sub)command *name* of *commands*, with *parent*'s options and its examples."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        parents=[parent],
        help=summary,
        description=description,
        epilog=f"examples:\n  {_EXAMPLES[examples]}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def _data_parsers(commands: Any) -> None:
    from careerkit.data import KINDS

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
    json_only = _Parser(add_help=False)
    json_only.add_argument("--json", action="store_true", help="print JSON instead of text")
    kinds = ", ".join(KINDS)

    def add(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return _command(actions, json_only, name, summary, description, examples=f"data {name}")

    status = add(
        "status",
        "each series' source, licence, span, gaps and the files in use",
        "Show every series (or those named): its source and licence, its span and last "
        "point, the gaps inside it with their reasons, the files in use with their sha256, "
        "and whether the shipped snapshot or an update of yours is in use.",
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
    update.add_argument("kind", metavar="KIND", choices=KINDS, help=kinds)
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
        "Remove your installed updates of the series named (all, if none is named): the "
        "snapshot shipped with careerkit is in use again.",
    )
    reset.add_argument("kinds", metavar="KIND", nargs="*", help=f"{kinds} (default: all)")
    reset.set_defaults(run=_data_reset)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    # Whatever the terminal's encoding, what it cannot show is escaped: never an error.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        status = _run(argv)
        sys.stdout.flush()  # a closed pipe shows here, inside the try, or at exit, outside it
    except BrokenPipeError:
        # The reader has gone (| head): say nothing more, and let nothing be flushed at exit.
        with contextlib.suppress(OSError, ValueError):  # stdout may not be a file
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return CLOSED_PIPE
    return status


def _run(argv: Sequence[str] | None) -> int:
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
        if getattr(args, "locale", None) is not None:
            from careerkit.text.format import parse_locale

            parse_locale(args.locale)  # every command refuses a locale it could not format in
        status: int = args.run(args)
    except BrokenPipeError:
        raise
    except CareerkitError as error:
        return _fail(str(error))
    except Exception as error:  # a bug (careerkit's or a plug-in's): one line, never a traceback
        return _fail(f"unexpected {type(error).__name__}: {error} (please report it)")
    return status


def _fail(message: str) -> int:
    line = " ".join(message.split())  # one line, whatever the error's layout
    if len(line) > _LONGEST_LINE:  # values are quoted short; many problems at once are not
        line = line[:_LONGEST_LINE] + "…"
    print(f"careerkit: error: {line}", file=sys.stderr)
    return 2
