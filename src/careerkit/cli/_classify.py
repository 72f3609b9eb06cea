"""``careerkit classify``: coding job titles to careers, given as arguments or in a CSV file.

Titles given as arguments get one line each (or one JSON object each). A CSV file
(``--csv FILE --column NAME``, ``-`` for standard input) is read whole, as UTF-8
(a byte-order mark allowed), before anything is written: it comes back on
standard output with the columns of :data:`careerkit._classify_table.COLUMNS`
appended, each distinct title classified once. Python's ``csv`` module reads and
writes it (commas, quotes doubled); a file that is not UTF-8, not readable as CSV,
or with a row of another number of fields than its header is refused, naming
the line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from careerkit.cli._options import SharedOptions, _checked, _command, _Parser
from careerkit.cli._output import _counted, _json
from careerkit.errors import DataFormatError, ValidationError, shown

TYPE_CHECKING = False  # not typing's: the command line is read before typing is imported
if TYPE_CHECKING:
    from careerkit._search import SearchResult

__all__ = ["add_commands"]

PREFIX = "careerkit_"
"""Put in front of an appended column's name that the CSV file has already (``careerkit_title``)."""


def _score(text: str) -> float | None:
    """``--min-score``'s value: a score from 0 to 100."""
    from careerkit._search import check_min_score

    try:
        return check_min_score(float(text))
    except (ValueError, ValidationError):  # not a number, or not from 0 to 100
        raise ValidationError("expected a score from 0 to 100, such as 60") from None


def _cells(result: SearchResult | None) -> list[object]:
    """The appended columns' values for one title (``None`` where it has no match), in the
    order of :data:`careerkit._classify_table.COLUMNS`."""
    from careerkit._classify_table import cells

    return [None] * 6 if result is None else list(cells(result))


def _titles(args: argparse.Namespace, least: float | None) -> int:
    from careerkit._classify_table import COLUMNS
    from careerkit._search import classify_titles

    results = classify_titles(args.titles, min_score=least)
    if args.json:
        print(
            _json(
                [
                    {"query": title, **dict(zip(COLUMNS, _cells(result), strict=True))}
                    for title, result in zip(args.titles, results, strict=True)
                ]
            )
        )
    else:
        shown_titles = [_printable(title) for title in args.titles]
        width = min(40, max(map(len, shown_titles)))
        for title, result in zip(shown_titles, results, strict=True):
            if result is None:
                print(f"{title:<{width}}  no match")
                continue
            print(
                f"{title:<{width}}  {result.id}  {result.soc or '—'}  {result.title}  "
                f"{result.score:.1f}  [{result.reason}]"
            )
    return 1 if any(result is None for result in results) else 0


def _printable(title: str) -> str:
    """*title* on one line, without what a terminal would act on (line breaks, escapes)."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in title)


def _read(name: str) -> tuple[str, str]:
    """The text of the file *name* (``-``: standard input), and the file as messages name it."""
    if name == "-":
        where = "standard input"
        data = sys.stdin.buffer.read()
    else:
        from pathlib import Path

        path = Path(name)
        if not path.is_file():
            problem = "is not a regular file" if path.exists() else "does not exist"
            raise DataFormatError(f"{shown(name, 500)} {problem}: give the path of a CSV file")
        where = path.name
        try:
            data = path.read_bytes()
        except OSError as error:
            raise DataFormatError(f"{where}: cannot be read: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig"), where
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DataFormatError(
            f"{where}, line {line}: not UTF-8 text (byte {data[error.start]:#04x} at offset "
            f"{error.start:,}); save the file as UTF-8"
        ) from None


def _rows(text: str, where: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and each row (with its line) of a CSV file's *text*; blank lines skipped."""
    import csv
    import io

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    limit = csv.field_size_limit(max(csv.field_size_limit(), len(text)))  # a long field
    try:
        for row in reader:
            if not row:
                continue
            if header is None:
                header = row
            elif len(row) != len(header):
                raise DataFormatError(
                    f"{where}, line {reader.line_num}: {_counted(len(row), 'field')}, where "
                    f"the header has {len(header)}"
                )
            else:
                rows.append((reader.line_num, row))
    except csv.Error as error:
        raise DataFormatError(
            f"{where}, line {reader.line_num}: not readable as CSV ({error})"
        ) from None
    finally:
        csv.field_size_limit(limit)  # the module's setting is everybody's: put it back
    if header is None:
        raise DataFormatError(f"{where}: empty; expected a header line naming the columns")
    return header, rows


def _appended(header: Sequence[str], where: str) -> list[str]:
    """The names of the appended columns: :data:`PREFIX` in front of one *header* has already."""
    from careerkit._classify_table import COLUMNS

    names = []
    for column in COLUMNS:
        name = f"{PREFIX}{column}" if column in header else column
        if name in header:
            raise DataFormatError(
                f"{where}: has columns named both {column!r} and {name!r}, the names careerkit "
                f"would give its {column!r} column; rename one of them"
            )
        names.append(name)
    return names


def _csv(args: argparse.Namespace, least: float | None) -> int:
    from careerkit._classify_table import classified_titles

    text, where = _read(args.csv)
    header, rows = _rows(text, where)
    found = header.count(args.column)
    if found != 1:
        listed = ", ".join(map(shown, header[:12])) + (", ..." if len(header) > 12 else "")
        problem = "no column" if found == 0 else f"{found} columns"
        raise ValidationError(
            f"--column: {where} has {problem} named {shown(args.column)}; its columns: {listed}"
        )
    at = header.index(args.column)
    distinct = list(dict.fromkeys(row[at] for _, row in rows if row[at]))
    classified = classified_titles(distinct, least)
    names = [*header, *_appended(header, where)]
    coded = [[*row, *_cells(classified[row[at]] if row[at] else None)] for _, row in rows]
    if args.json:
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise ValidationError(
                f"--json: {where} has more than one column named "
                f"{', '.join(map(shown, repeated))}: a JSON object holds each name once; "
                "rename them, or leave out --json for CSV"
            )
        print(_json([dict(zip(names, row, strict=True)) for row in coded]))
        return 0
    import csv

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(names)
    writer.writerows(["" if cell is None else cell for cell in row] for row in coded)
    return 0


def _classify(args: argparse.Namespace) -> int:
    least = None if args.min_score is None else _checked("--min-score", args.min_score, _score)
    if args.csv is None:
        if args.column is not None:
            raise ValidationError("--column names the column of titles of a --csv FILE")
        if not args.titles:
            raise ValidationError(
                "give one or more job titles, or --csv FILE --column NAME for a file of them"
            )
        return _titles(args, least)
    if args.titles:
        raise ValidationError("give job titles or --csv FILE, not both")
    if args.column is None:
        raise ValidationError("--csv needs --column NAME: the column of job titles")
    return _csv(args, least)


_EXAMPLES = """careerkit classify "Registered Nurse" "call center agent" "Sr. Java Developer (Remote)"
  careerkit classify "RN - ICU nights" --json
  careerkit classify --csv postings.csv --column title > coded.csv
  careerkit classify --csv - --column job_title --min-score 70 < postings.csv"""


def add_commands(commands: argparse._SubParsersAction[_Parser], options: SharedOptions) -> None:
    """Add ``classify`` to *commands*."""
    classify = _command(
        commands,
        [options.json],
        "classify",
        "code job titles to careers: as arguments, or a column of a CSV file",
        "Code each job title to the career it most likely names (careerkit.classify): "
        "one line per title with the career's id, SOC code, official title, the score "
        "(0-100) and what matched, or 'no match' where no career scores --min-score; "
        "exit 1 if any title has no match. With --csv FILE (- for standard input) and "
        "--column NAME, the file (UTF-8, comma-separated, with a header line) is written "
        "to standard output with the columns career, soc, title, score, field and "
        "matched appended, empty where a title is empty or has no match (exit 0); an "
        "appended column whose name the file has already is named careerkit_title (and "
        "so on). Each distinct title is classified once. --json prints a JSON list: "
        "one object per title (query and the six columns, null where there is no "
        "match) or per row of the file.",
        examples=_EXAMPLES,
    )
    classify.add_argument("titles", metavar="TITLE", nargs="*", help="job titles, as written")
    classify.add_argument("--csv", metavar="FILE", help="a CSV file of job titles (- for stdin)")
    classify.add_argument("--column", metavar="NAME", help="--csv's column of job titles")
    classify.add_argument(
        "--min-score",
        metavar="N",
        help="the least score (0-100) of a match (default: careerkit.CLASSIFY_MIN_SCORE, 50)",
    )
    classify.set_defaults(run=_classify)
