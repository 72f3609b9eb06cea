"""The ``careerkit`` command (also ``python -m careerkit``).

Subcommands: ``list``, ``search``, ``show``, ``convert``, ``compare``,
``validate``, ``schema`` and ``data status|update|reset``. Each takes the options
it uses and no other: ``--json`` every one, ``--lang en|hi`` those that print
careers' text (``list``, ``search``, ``show``, ``convert``, ``compare``),
``--locale`` those that format amounts (``show``, ``convert``, ``compare``).
:func:`build_parser` builds the parser; the documentation's command-line
reference is generated from it.

Exit statuses: 0 done; 1 nothing found (``search``) or problems found
(``validate``); 2 an error, reported as one line on standard error
(``careerkit: error: ...``) or, with ``--json``, as one JSON object on one line
(``{"error": {"type": "UnknownCurrencyError", "message": "..."}}``), never a
traceback; 141 (128 + SIGPIPE, as the shell reports a tool killed by it) when the
reader of the output goes away (``careerkit list | head -1``), without a word.
Output that the terminal's encoding cannot show is written as escapes
(``\\u0915``), never an error.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, NoReturn, TypeVar

from careerkit import registry, serialization
from careerkit.errors import CareerkitError, ValidationError, shown
from careerkit.model.text import LANGUAGES

if TYPE_CHECKING:
    from careerkit.model.career import CareerExtension
    from careerkit.model.dates import ReferenceDate
    from careerkit.model.pay_band import Period

__all__ = ["CLOSED_PIPE", "build_parser", "main"]


_LONGEST_LINE = 2000
CLOSED_PIPE = 141
"""The exit status when the reader of the output goes away: 128 + SIGPIPE, as the shell reports."""

_T = TypeVar("_T")


class _UsageError(Exception):
    """A command line the parser refuses: reported as every other error is."""


class _RewordedError(Exception):
    """A careerkit error reworded for the command line, to quote what the user typed."""

    def __init__(self, error: CareerkitError, message: str) -> None:
        super().__init__(message)
        self.kind = type(error).__name__


def _locale(args: argparse.Namespace) -> str:
    return str(args.locale or args.lang)


def _ascii_only(stream: object) -> bool:
    """Whether *stream*'s encoding cannot write careerkit's non-ASCII text (JSON escapes it)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "क₹€".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return True
    return False


def _json(data: object) -> str:
    """JSON for standard output: non-ASCII as ``\\u`` escapes where its encoding cannot write it."""
    return serialization.to_json(data, ascii_only=_ascii_only(sys.stdout))


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


def _region(text: str) -> str:
    from careerkit.model._iso import check_region

    check_region(text)
    return text


def _target(text: str) -> tuple[str | None, Period | None]:
    """``--to``: ``CURRENCY/PERIOD``, ``CURRENCY`` or ``/PERIOD``."""
    currency, slash, period = text.partition("/")
    if not period and (slash or not currency):
        raise ValidationError(
            "expected CURRENCY/PERIOD, CURRENCY or /PERIOD, such as INR/month, INR or /month"
        )
    return (_currency(currency) if currency else None), (_period(period) if period else None)


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
    region = None if args.region is None else _checked("--region", args.region, _region)
    if region is not None:
        career.pay_bands(region)  # a region the career has no band for is an error, as in text
    comparison = None
    if args.currency or args.period or args.prices_of:
        if not (args.currency and args.period):
            raise ValidationError("show converts pay with both --currency and --period")
        comparison = compare(career, **_conversion(args))
    if args.json:
        document: dict[str, Any] = serialization.to_dict(career)
        if region is not None:  # the region's pay and employment only, as the text shows
            for key in ("pay", "employment"):
                document[key] = [item for item in document.get(key, []) if item["region"] == region]
        if comparison is not None:
            document = {"profile": document, "pay_converted": comparison.to_dict()}
        print(_json(document))
        return 0
    from careerkit._render import render_career

    print(render_career(career, args.lang, _locale(args), region=region), end="")
    if comparison is not None:
        table = comparison.render(args.lang, _locale(args)).split("\n\n" + career.id + ":")[0]
        print("\n" + table.rstrip())
    return 0


def _convert(args: argparse.Namespace) -> int:
    from careerkit.errors import DateRequiredError
    from careerkit.pay import Pay, PayRange
    from careerkit.pay._bands import convert_pay
    from careerkit.text import format_pay, parse_pay

    latest = args.when == "latest"  # an undated figure, at the latest rates
    when = None if latest or args.when is None else _checked("--when", args.when, _date)
    currency, period = (None, None) if args.to is None else _checked("--to", args.to, _target)
    prices_of: ReferenceDate | Literal["latest"] | None = None
    if args.prices_of is not None:
        prices_of = (
            "latest"
            if args.prices_of == "latest"
            else _checked("--prices-of", args.prices_of, _date)
        )
    parsed = parse_pay(args.pay, when=when)

    def converted(pay: Pay) -> Pay:
        return convert_pay(
            pay,
            period=period,
            currency=currency,
            prices_of=prices_of,
            rates_of="latest" if latest else None,
        )

    result: Pay | PayRange
    try:
        if isinstance(parsed, PayRange):  # an open range keeps its open end open
            ends = (parsed.low, parsed.high)
            low, high = (None if end is None else converted(end) for end in ends)
            result = PayRange(low, high)
            results = list(result.ends)
        else:
            result = converted(parsed)
            results = [result]
    except DateRequiredError as error:  # the message quotes the PAY typed, not a Pay made of it
        raise _RewordedError(error, _undated(args, currency)) from None
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


def _undated(args: argparse.Namespace, currency: str | None) -> str:
    """Why PAY, which has no date, cannot be converted as asked; what to give."""
    give = "give the date it refers to with --when, such as --when 2008-05"
    if args.when == "latest":  # then the prices of a date were asked: rates alone are not enough
        return (
            f"cannot re-express {shown(args.pay)} in the prices of {args.prices_of}: it has no "
            f"date, and --when latest chooses the latest exchange rates only; {give}"
        )
    moves = [f"to {currency}"] if currency else []
    moves += [f"into the prices of {args.prices_of}"] if args.prices_of else []
    if currency and not args.prices_of:
        give += ", or --when latest to convert it at the latest month's rates"
    return f"cannot convert {shown(args.pay)} {' and '.join(moves)}: it has no date; {give}"


def _conversion(args: argparse.Namespace) -> dict[str, Any]:
    """The arguments of ``compare()`` from ``--currency``, ``--period``, ``--prices-of``, ``--region``."""
    return {
        "currency": _checked("--currency", args.currency, _currency),
        "period": _checked("--period", args.period, _period),
        "prices_of": None
        if args.prices_of is None
        else _checked("--prices-of", args.prices_of, _table_date),
        "region": None if args.region is None else _checked("--region", args.region, _region),
    }


def _latest_used(pay: Any) -> str:
    """`` (latest rates: 2026-06)``, ``(latest prices: 2026-05)``: the dates 'latest' chose."""
    from careerkit.pay.provenance import latest_dates

    used = [f"latest {what}: {date}" for what, date in latest_dates(pay.provenance)]
    return f" ({'; '.join(used)})" if used else ""


def _compare(args: argparse.Namespace) -> int:
    from careerkit._compare import compare

    comparison = compare(*args.keys, **_conversion(args))
    if args.json:
        print(_json(comparison.to_dict()))
    else:
        print(comparison.render(args.lang, _locale(args)), end="")
    return 0


class _Problem(NamedTuple):
    """One problem ``careerkit validate`` found: where (as far as known) and what."""

    file: str | None
    """The file, or ``None`` for a problem of an installed plug-in."""
    line: int | None
    """The line (from 1) of the field, or of the nearest table holding it, where known."""
    path: str | None
    """The field's path (``pay[1].currency``), or ``None`` for a problem of the whole file."""
    message: str

    def __str__(self) -> str:
        """``FILE:LINE: PATH: MESSAGE``, the parts that are known."""
        where = "" if self.file is None else self.file
        where += "" if self.line is None else f":{self.line}"
        parts = [part for part in (where, self.path, self.message) if part]
        return ": ".join(parts)


class _Files:
    """The files ``careerkit validate`` reads, and the line of a field in each."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self._lines: dict[str, dict[tuple[str, ...], int]] = {}

    def problem(self, file: str, path: str | None, message: str) -> _Problem:
        """A problem in *file*, at the line of *path* where the file's text gives one."""
        from careerkit._toml import decode_error_line, key_lines, line_of

        if file not in self.texts:
            return _Problem(file, None, path or None, message)
        if not path:  # a problem of the whole file: tomllib names the line of a syntax error
            line = decode_error_line(message) if message.startswith("not valid TOML") else None
            return _Problem(file, line, None, message)
        if file not in self._lines:
            self._lines[file] = key_lines(self.texts[file])
        return _Problem(file, line_of(self._lines[file], path), path, message)

    def error(self, error: CareerkitError, file: str) -> list[_Problem]:
        """The problems *error* reports, in *file* (or the file a load error names)."""
        from careerkit.errors import ProfileLoadError

        if isinstance(error, ProfileLoadError):
            return [self.problem(error.origin, path, message) for path, message in error.problems]
        return [_Problem(file, None, None, str(error))]


def _paths(paths: Sequence[str]) -> tuple[list[Path], list[_Problem]]:
    files: list[Path] = []
    problems: list[_Problem] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(path.rglob("*.toml"))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(_Problem(name, None, None, "no such file or directory"))
    return files, problems


def _validate(args: argparse.Namespace) -> int:
    from careerkit.conformance import _located_problems
    from careerkit.model.career import Career
    from careerkit.registry import with_files

    files, problems = _paths(args.paths)
    read = _Files()
    documents: list[tuple[Path, Career | CareerExtension]] = []
    for file in files:
        try:
            text = read.texts[str(file)] = serialization.read_text(file)
            documents.append((file, serialization.document_from_toml(text, origin=str(file))))
        except CareerkitError as error:
            problems += read.error(error, str(file))
    for file, document in documents:
        if isinstance(document, Career):
            if document.id != file.stem:
                name = f"the file must be named {document.id}.toml"
                problems.append(read.problem(str(file), "id", name))
            problems += [
                read.problem(str(file), path, message)
                for path, message in _located_problems(document)
            ]
    # What loading would do with these files installed beside the installed plug-ins: a key
    # an installed career (or another of these files) already answers to, an extension of a
    # career that does not exist, an extension that clashes once merged.
    loaded = with_files(documents)
    ours = {str(file) for file, _ in documents}
    for provider, why in loaded.skipped:
        if provider not in ours:
            problems.append(
                _Problem(
                    None,
                    None,
                    None,
                    f"installed plug-in: skipped careerkit profiles from {provider}: "
                    f"{type(why).__name__}: {why}",
                )
            )
        elif isinstance(why, CareerkitError):
            problems += read.error(why, provider)
        else:  # pragma: no cover - loading a parsed file raises careerkit's errors only
            problems.append(_Problem(provider, None, None, f"{type(why).__name__}: {why}"))
    # Each file's problems together, in the order of their lines (the whole file's first).
    order = {file: rank for rank, file in enumerate(dict.fromkeys(p.file for p in problems))}
    problems.sort(key=lambda problem: (order[problem.file], problem.line or 0))
    if args.json:
        found = [problem._asdict() for problem in problems]
        print(_json({"files": [str(f) for f in files], "problems": found}))
    else:
        for problem in problems:
            print(problem)
        print(f"{len(files)} files checked, {len(problems)} problems")
    return 1 if problems else 0


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
  careerkit show csr --currency INR --period month --prices-of 2024 --locale en_IN""",
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
    "data update": """careerkit data update cpi CPIAUCNS.csv
  careerkit data update fx-monthly EXINUS.csv EXUSUK.csv
  careerkit data update inflation API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_1.zip --accept-revisions
  careerkit data update oews oesm26nat.zip oesm26st.zip""",
    "data reset": """careerkit data reset cpi
  careerkit data reset""",
    "compare": """careerkit compare customer-service public-relations-specialist --currency INR --period month --prices-of 2024
  careerkit compare csr pr-specialist --currency INR --period month --lang hi
  careerkit compare 43-4051 27-3031 --region US-CA --currency INR --period month""",
}


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors reported like every other error (one line, or JSON)."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')")


_EPILOG = """exit status: 0 done; 1 nothing found (search) or problems found (validate);
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
    json_option = _Parser(add_help=False)
    json_option.add_argument(
        "--json", action="store_true", help="print JSON instead of text; errors too"
    )
    text = _Parser(add_help=False)
    text.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of the text (default: en)"
    )
    amounts = _Parser(add_help=False)
    amounts.add_argument(
        "--locale", help="locale for amounts, such as en_IN or hi (default: the --lang)"
    )
    prints_text, prints_amounts = [text, json_option], [text, amounts, json_option]

    def add(
        name: str, summary: str, description: str, parents: Sequence[argparse.ArgumentParser]
    ) -> argparse.ArgumentParser:
        return _command(commands, parents, name, summary, description, examples=name)

    listing = add(
        "list",
        "list the careers careerkit knows",
        "List careers by id and title: all of them, or one SOC major group's.",
        prints_text,
    )
    listing.add_argument("--group", help="only this SOC major group (29 or 29-0000)")
    listing.add_argument("--groups", action="store_true", help="list the SOC major groups")
    listing.set_defaults(run=_list)

    searching = add(
        "search",
        "find careers by words, titles, codes or a code prefix (typos forgiven)",
        "Search careers' names (English and Hindi), aliases, codes and descriptions; "
        "best match first, with its score (0-100) and what matched. Exit 1 if nothing matches.",
        prints_text,
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
        "--period, its pay is also shown converted beside the original.",
        prints_amounts,
    )
    show.add_argument("key", metavar="KEY", help="id, alias, occupation code or title")
    show.add_argument("--currency", help="convert pay to this ISO 4217 currency")
    show.add_argument(
        "--period",
        "--per",
        dest="period",
        help="convert pay to this period: hour, day, week, month, year (--per: the old name)",
    )
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
        prints_amounts,
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
        "Compare careers: every pay band converted to --currency per --period, with entry "
        "routes, course fees, funding and career ladder beside them.",
        prints_amounts,
    )
    comparing.add_argument("keys", metavar="KEY", nargs="+", help="careers to compare")
    comparing.add_argument("--currency", required=True, help="ISO 4217 currency, such as INR")
    comparing.add_argument(
        "--period",
        "--per",
        dest="period",
        required=True,
        help="period: hour, day, week, month, year (--per: the old name)",
    )
    comparing.add_argument("--prices-of", help="in the prices of this date (2024)")
    comparing.add_argument(
        "--region", help="the pay bands of this region (IN, US, US-CA; default: countries)"
    )
    comparing.set_defaults(run=_compare)

    validate = add(
        "validate",
        "check profile and extension files before they ship (exit 1 on any problem)",
        "Check profile and extension files (or folders of them) without installing them, "
        "and report every problem: FILE:LINE: PATH: MESSAGE, with the line of the field (or "
        "of the table that lacks it) where the file gives one and the field's path. With "
        '--json: {"files": [...], "problems": [{"file": ..., "line": ..., "path": ..., '
        '"message": ...}, ...]}, null for what is not known. Installed plug-ins that fail '
        "to load are reported too.",
        [json_option],
    )
    validate.add_argument("paths", metavar="PATH", nargs="*", help="files or folders")
    validate.set_defaults(run=_validate)

    schema = add(
        "schema",
        "print the JSON Schema of the profile format",
        "Print the JSON Schema (draft 2020-12) of a profile or extension document, "
        "generated from careerkit's model. It is JSON with or without --json, which makes "
        "an error JSON too.",
        [json_option],
    )
    schema.set_defaults(run=_schema)

    _data_parsers(commands)
    return parser


def _command(
    commands: Any,
    parents: Sequence[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    *,
    examples: str,
) -> argparse.ArgumentParser:
    """A (sub)command *name* of *commands*, with its *parents*' options and its examples."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        parents=list(parents),
        help=summary,
        description=description,
        epilog=f"examples:\n  {_EXAMPLES[examples]}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(prog=parser.prog)
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
    json_only.add_argument(
        "--json", action="store_true", help="print JSON instead of text; errors too"
    )
    kinds = ", ".join(KINDS)

    def add(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return _command(actions, [json_only], name, summary, description, examples=f"data {name}")

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
        "Remove your installed updates of the series named (all, if none is named; for "
        "oews, every release you installed): the snapshot shipped with careerkit is in use "
        "again. The way out of a damaged data folder.",
    )
    reset.add_argument("kinds", metavar="KIND", nargs="*", help=f"{kinds} (default: all)")
    reset.set_defaults(run=_data_reset)


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
    parser = build_parser()
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
        error = {"error": {"type": kind, "message": line}}
        print(json.dumps(error, ensure_ascii=_ascii_only(sys.stderr)), file=sys.stderr)
    else:
        print(f"careerkit: error: {line}", file=sys.stderr)
    return 2
