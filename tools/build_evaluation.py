"""Build careerkit's search evaluation from ISCO-08's titles, as BLS codes them (a maintainer's tool).

Run: python tools/build_evaluation.py [DATA_DIR]   (default: ../shared/data)

Reads, in DATA_DIR:

``crosswalks/bls-isco-08-soc-2010.xls``
    BLS's crosswalk of ISCO-08 to the 2010 SOC (sheet "ISCO-08 to 2010 SOC"): each ISCO-08
    unit group, its English title and the 2010 SOC codes it maps to. Needs xlrd.
``crosswalks/onet-soc-2010-to-soc-2018.xlsx``
    O*NET's crosswalk of O*NET-SOC 2010 codes to 2018 SOC codes: a 2010 SOC code (the first
    seven characters of an O*NET-SOC code) goes to every 2018 SOC code of its O*NET-SOC
    occupations.
``onet-29.3/Alternate Titles.xlsx``, ``Sample of Reported Titles.xlsx``, ``Occupation Data.xlsx``
    O*NET's lists of titles (alternate and short titles, reported titles, occupation
    titles), which careerkit indexes: an ISCO-08 title found in them is left out.

and, in the project, the catalogue's SOC codes (src/careerkit/catalogue/occupations.tsv);
a 2018 SOC code the catalogue lacks goes to its broad aggregate where the catalogue has
that (13-1021 to 13-1020), as the catalogue files its O*NET occupations.

Writes tests/data/search-evaluation/``isco-08.tsv``: one line per ISCO-08 unit group
(4-digit code) with at least one catalogue occupation among its SOC codes and a title in
none of O*NET's lists nor a name careerkit's registry answers to (armed forces groups,
which BLS codes to SOC's military occupations, are left out: OEWS does not survey those,
and the catalogue holds none): the ISCO-08 code, its title, the catalogue SOC
codes BLS codes it to (space-separated, sorted: a search result is right if it is any of
them) and the title "as posted" (see :func:`as_posted`). And ``README.md`` beside it: the
origin, the sha256 of every official file read, the counts and the limits.

Needs xlrd and openpyxl (dev dependencies). Same input, same bytes: the output is
deterministic (the posting noise comes from ``random.Random(SEED)``). Anything
unexpected in the workbooks (a missing file, sheet or column, a code of the wrong shape)
stops the build with a message saying what and where.
"""

from __future__ import annotations

import random
import re
import sys
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from build_knowledge import read_occupations, sha256

from careerkit.model._checks import normalize_key

ISCO_FILE = "crosswalks/bls-isco-08-soc-2010.xls"
ISCO_SHEET = "ISCO-08 to 2010 SOC"
SOC_FILE = "crosswalks/onet-soc-2010-to-soc-2018.xlsx"
ONET_DIR = "onet-29.3"
ALTERNATE = f"{ONET_DIR}/Alternate Titles.xlsx"
REPORTED = f"{ONET_DIR}/Sample of Reported Titles.xlsx"
OCCUPATION_DATA = f"{ONET_DIR}/Occupation Data.xlsx"

#: every official file read, in the order README.md lists them
FILES = (ISCO_FILE, SOC_FILE, ALTERNATE, REPORTED, OCCUPATION_DATA)

ISCO_HEADERS = ("ISCO-08 Code", "ISCO-08 Title EN", "2010 SOC Code")
SOC_HEADERS = ("O*NET-SOC 2010 Code", "2018 SOC Code")
#: O*NET file -> the columns holding titles
TITLE_COLUMNS = {
    ALTERNATE: ("Title", "Alternate Title", "Short Title"),
    REPORTED: ("Title", "Reported Job Title"),
    OCCUPATION_DATA: ("Title",),
}

OUT = ("tests", "data", "search-evaluation")
TSV = "isco-08.tsv"
COLUMNS = ("isco", "title", "soc", "posted")

SEED = 23  # careerkit issue 23: the posting noise, drawn by random.Random(SEED)

_ISCO_CODE = re.compile(r"\d{3,4}\Z")
_SOC_CODE = re.compile(r"\d\d-\d{4}\Z")
_ONET_CODE = re.compile(r"\d\d-\d{4}\.\d\d\Z")
MILITARY = "55-"  # SOC major group 55, military occupations: not surveyed by OEWS


def fail(message: str) -> SystemExit:
    return SystemExit(f"build_evaluation: {message}")


# -- reading ------------------------------------------------------------------------------


def xls_rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    """The rows of one sheet of an Excel 97-2003 workbook (xlrd); an empty cell is ``None``."""
    import xlrd

    if not path.is_file():
        raise fail(f"missing file {path}")
    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception as error:  # xlrd raises many kinds for a damaged file
        raise fail(f"cannot read {path} as an Excel 97-2003 workbook: {error}") from error
    try:
        if sheet not in book.sheet_names():
            raise fail(f"{path.name}: no sheet {sheet!r} (sheets: {', '.join(book.sheet_names())})")
        found = book.sheet_by_name(sheet)
        return [
            tuple(None if value == "" else value for value in found.row_values(at))
            for at in range(found.nrows)
        ]
    finally:
        book.release_resources()


def xlsx_rows(path: Path) -> list[tuple[Any, ...]]:
    """The rows of the first sheet of an Excel workbook (openpyxl)."""
    import openpyxl

    if not path.is_file():
        raise fail(f"missing file {path}")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise fail(f"cannot read {path} as an Excel workbook: {error}") from error
    try:
        return [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


class Table:
    """The rows of one sheet, cells found by their header (in one of the first ten rows)."""

    def __init__(self, name: str, rows: Sequence[Sequence[Any]], headers: Sequence[str]):
        self.name = name
        for at, row in enumerate(rows[:10]):
            found = [str(cell).strip() if cell is not None else "" for cell in row]
            if all(header in found for header in headers):
                self.columns = {header: found.index(header) for header in headers}
                self.first = at + 2  # spreadsheet line number of the first data row
                self.rows = rows[at + 1 :]
                return
        raise fail(
            f"{name}: no header row with the columns {', '.join(map(repr, headers))} "
            "in its first ten rows"
        )

    def __iter__(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Yield (where, {header: cell}) for each non-empty row; *where* names file and line."""
        for at, row in enumerate(self.rows, start=self.first):
            if all(cell is None or cell == "" for cell in row):
                continue
            yield (
                f"{self.name} line {at}",
                {
                    header: row[index] if index < len(row) else None
                    for header, index in self.columns.items()
                },
            )


def text(value: object, where: str) -> str:
    """A cell's text, stripped (BLS's codes carry trailing spaces); refuses anything else."""
    if not isinstance(value, str) or not value.strip():
        raise fail(f"{where}: expected text, found {value!r}")
    if "\t" in value or "\n" in value or "\r" in value:
        raise fail(f"{where}: {value!r} holds a tab or line break")
    return value.strip()


def code(value: object, pattern: re.Pattern[str], shape: str, where: str) -> str:
    found = text(value, where)
    if not pattern.match(found):
        raise fail(f"{where}: {found!r} is not {shape}")
    return found


class Group(NamedTuple):
    """One ISCO-08 group of BLS's crosswalk: its title and the 2010 SOC codes it maps to."""

    title: str
    socs: frozenset[str]


def isco_groups(table: Table) -> dict[str, Group]:
    """ISCO-08 code -> its group, from BLS's "ISCO-08 to 2010 SOC" sheet."""
    titles: dict[str, str] = {}
    socs: dict[str, set[str]] = defaultdict(set)
    for where, row in table:
        isco = code(row["ISCO-08 Code"], _ISCO_CODE, "an ISCO-08 code (3 or 4 digits)", where)
        title = text(row["ISCO-08 Title EN"], f"{where}, ISCO-08 Title EN")
        if titles.setdefault(isco, title) != title:
            raise fail(f"{where}: ISCO-08 {isco} is titled {title!r} here, {titles[isco]!r} above")
        socs[isco].add(
            code(row["2010 SOC Code"], _SOC_CODE, "a 2010 SOC code (like 43-4051)", where)
        )
    if not titles:
        raise fail(f"{table.name}: no rows under the header")
    return {isco: Group(titles[isco], frozenset(socs[isco])) for isco in sorted(titles)}


def soc_2018(table: Table) -> dict[str, frozenset[str]]:
    """2010 SOC code -> the 2018 SOC codes of its O*NET-SOC occupations."""
    out: dict[str, set[str]] = defaultdict(set)
    for where, row in table:
        onet = code(
            row["O*NET-SOC 2010 Code"], _ONET_CODE, "an O*NET-SOC code (like 43-4051.00)", where
        )
        out[onet[:7]].add(code(row["2018 SOC Code"], _SOC_CODE, "a 2018 SOC code", where))
    if not out:
        raise fail(f"{table.name}: no rows under the header")
    return {soc: frozenset(found) for soc, found in sorted(out.items())}


def titles_of(table: Table, columns: Iterable[str]) -> Iterator[str]:
    """Every title in *columns* of *table* (an empty cell is no title)."""
    for where, row in table:
        for column in columns:
            if row[column] is not None and row[column] != "":
                yield text(row[column], f"{where}, {column}")


# -- choosing the titles ------------------------------------------------------------------


def singular(key: str) -> str:
    """A lookup key with its last word's plural ending dropped, as the exclusion compares titles.

    ``-ies`` becomes ``-y`` (secretaries), ``-men`` ``-man`` (draughtsmen), and a final ``-s``
    goes (cooks), except after ``s``, ``u`` or ``i`` (glass, status, analysis).
    """
    head, _, last = key.rpartition("-")
    if len(last) > 4 and last.endswith("ies"):
        last = last[:-3] + "y"
    elif len(last) > 3 and last.endswith("men"):
        last = last[:-3] + "man"
    elif len(last) > 3 and last.endswith("s") and last[-2] not in "sui":
        last = last[:-1]
    return f"{head}-{last}" if head else last


def target(soc: str, catalogue: Collection[str]) -> str | None:
    """The catalogue occupation a 2018 SOC code is in: itself, its broad aggregate, or none."""
    if soc in catalogue:
        return soc
    broad = f"{soc[:6]}0"
    return broad if broad in catalogue else None


class Line(NamedTuple):
    """One line of the evaluation."""

    isco: str
    title: str
    socs: tuple[str, ...]
    posted: str


class Evaluation(NamedTuple):
    """The lines, and how many ISCO-08 groups were left out for each reason."""

    lines: tuple[Line, ...]
    groups: int  # ISCO-08 codes in BLS's crosswalk
    not_unit_groups: int  # 3-digit codes (minor groups)
    military: int  # coded to SOC major group 55 (military), which the catalogue does not hold
    no_target: int  # none of its SOC codes is in the catalogue
    in_onet: int  # its title is in O*NET's lists
    indexed: int  # its title is a name careerkit's registry answers to
    singularized: int  # "as posted" variants whose last word was made singular


def evaluation(
    groups: dict[str, Group],
    to_2018: dict[str, frozenset[str]],
    onet_titles: Iterable[str],
    catalogue: Collection[str],
    indexed: Collection[str] = (),
    seed: int = SEED,
) -> Evaluation:
    """The evaluation's lines, in ISCO-08 order, and the counts of what was left out.

    *indexed* holds lookup keys (:func:`~careerkit.model._checks.normalize_key`) of names
    careerkit answers to beyond O*NET's lists (the registry's keys): a title among them is
    left out too. The posting noise is drawn from ``random.Random(seed)``, one title after
    another in ISCO-08 order.
    """
    catalogue = set(catalogue)
    in_onet = {singular(normalize_key(title)) for title in onet_titles}
    names = {singular(key) for key in indexed}
    rng = random.Random(seed)
    lines: list[Line] = []
    counts = dict.fromkeys(("not_unit_groups", "military", "no_target", "in_onet", "indexed"), 0)
    singularized = 0
    for isco, group in sorted(groups.items()):
        if len(isco) != 4:
            counts["not_unit_groups"] += 1
            continue
        if any(soc.startswith(MILITARY) for soc in group.socs):
            counts["military"] += 1
            continue
        unknown = sorted(soc for soc in group.socs if soc not in to_2018)
        if unknown:
            raise fail(
                f"{ISCO_FILE}: ISCO-08 {isco} maps to 2010 SOC code(s) {', '.join(unknown)}, "
                f"which {SOC_FILE} does not carry to 2018"
            )
        socs = {
            found
            for soc in group.socs
            for soc18 in to_2018[soc]
            if (found := target(soc18, catalogue)) is not None
        }
        if not socs:
            counts["no_target"] += 1
            continue
        key = singular(normalize_key(group.title))
        if key in in_onet:
            counts["in_onet"] += 1
            continue
        if key in names:
            counts["indexed"] += 1
            continue
        posted, made_singular = as_posted(group.title, rng)
        singularized += made_singular
        lines.append(Line(isco, group.title, tuple(sorted(socs)), posted))
    return Evaluation(lines=tuple(lines), groups=len(groups), singularized=singularized, **counts)


# -- "as posted" --------------------------------------------------------------------------

NOT_CLASSIFIED = " not elsewhere classified"
OTHER = "Other "  # ISCO's "Other music teachers": those not in another group
SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)
_HEAD_END = re.compile(r" \(| (?:in|of|for|with|on|at|by|from)\b")

SENIORITY_BEFORE = ("Senior", "Sr.", "Lead", "Junior")
SENIORITY_AFTER = ("II", "III")
SCHEDULES = ("(Nights)", "- Part-Time", "Full Time", "PRN", "(Days)", "- Weekends")
REMOTE = ("- Remote", "(Hybrid)", "(Remote)", "- Hybrid")
LOCATIONS = (
    "- Springfield, NJ",
    "- Austin, TX",
    "- Columbus, OH",
    "- Denver, CO",
    "- Raleigh, NC",
    "- Tampa, FL",
    "- Sacramento, CA",
    "- Boise, ID",
)
NOISE = ("seniority", "schedule", "remote", "location", "requisition")


def singular_head(title: str) -> tuple[str, bool]:
    """*title* with its head noun made singular where that is simple, and whether it was.

    The head is the text before a parenthesis or a preposition ("Handicraft workers" of
    "Handicraft workers in textile, leather and related materials"); it is made singular
    only when it is one noun phrase (no "and", no comma) whose last word is a regular
    plural (:func:`singular`): "Cooks" -> "Cook", "Secretaries (general)" -> "Secretary
    (general)", but "Physicists and astronomers" stays as it is.
    """
    cut = _HEAD_END.search(title)
    head, rest = (title[: cut.start()], title[cut.start() :]) if cut else (title, "")
    if " and " in head or "," in head:
        return title, False
    before, space, last = head.rpartition(" ")
    one = singular(last.lower())
    if one == last.lower() or not last.replace("-", "").replace("'", "").isalpha():
        return title, False
    return f"{before}{space}{last[0]}{one[1:]}{rest}", True


def title_case(title: str) -> str:
    """Each word's first letter in upper case, as postings write titles, but small words'."""
    words = title.split(" ")
    out = []
    for at, word in enumerate(words):
        bare = word.lstrip("(")
        if bare and (at == 0 or bare.lower() not in SMALL_WORDS):
            word = word[: len(word) - len(bare)] + bare[0].upper() + bare[1:]
        out.append(word)
    return " ".join(out)


def as_posted(title: str, rng: random.Random) -> tuple[str, bool]:
    """*title* dressed as a job ad would print it, and whether its head was made singular.

    ISCO's "not elsewhere classified" and a leading "Other" go (no posting says them:
    "Other music teachers" are music teachers outside schools), the head noun is made singular
    where simple (:func:`singular_head`), words are capitalized as in a posting, and one to
    three kinds of posting noise are added, drawn by *rng*: seniority ("Senior", "Sr.",
    "Lead", "Junior" before; "II", "III" after), schedule ("(Nights)", "- Part-Time", "Full
    Time", "PRN", ...), remote or hybrid, a location ("- Austin, TX") and a requisition
    number ("#4521", "Req 20931"), in that order.
    """
    base = title.removesuffix(NOT_CLASSIFIED).removeprefix(OTHER)
    base, made_singular = singular_head(base)
    words = [title_case(base)]
    kinds = set(rng.sample(NOISE, rng.choice((1, 2, 2, 3))))
    if "seniority" in kinds:
        before = rng.random() < 0.7 and not base.startswith(SENIORITY_BEFORE)
        if before:
            words.insert(0, rng.choice(SENIORITY_BEFORE))
        else:
            words.append(rng.choice(SENIORITY_AFTER))
    if "schedule" in kinds:
        words.append(rng.choice(SCHEDULES))
    if "remote" in kinds:
        words.append(rng.choice(REMOTE))
    if "location" in kinds:
        words.append(rng.choice(LOCATIONS))
    if "requisition" in kinds:
        number = rng.randrange(1000, 100000)
        words.append(f"#{number}" if rng.random() < 0.5 else f"Req {number}")
    return " ".join(words), made_singular


# -- writing ------------------------------------------------------------------------------


def tsv(found: Evaluation) -> bytes:
    body = ["\t".join(COLUMNS)]
    body += [
        "\t".join((line.isco, line.title, " ".join(line.socs), line.posted)) for line in found.lines
    ]
    return "".join(line + "\n" for line in body).encode()


def summary(found: Evaluation) -> list[tuple[str, int]]:
    """The counts README.md gives, in its order: (what, how many)."""
    one = sum(len(line.socs) == 1 for line in found.lines)
    return [
        ("ISCO-08 codes in BLS's crosswalk", found.groups),
        ("minor groups (3-digit codes), not unit groups: left out", found.not_unit_groups),
        ("armed forces groups, coded to military SOC codes: left out", found.military),
        ("unit groups with no SOC code in the catalogue: left out", found.no_target),
        ("unit groups whose title is in O*NET's lists: left out", found.in_onet),
        ("unit groups whose title is a name careerkit answers to: left out", found.indexed),
        ("titles in the evaluation", len(found.lines)),
        ("  of which coded to one catalogue occupation only", one),
        ("  of which coded to several (any of them counts as right)", len(found.lines) - one),
        (
            "catalogue occupations that are a right answer",
            len({soc for line in found.lines for soc in line.socs}),
        ),
        ("'as posted' variants with their head made singular", found.singularized),
    ]


def readme(found: Evaluation, hashes: dict[str, str]) -> bytes:
    counts = summary(found)
    table = "\n".join(f"| {what.strip()} | {count:,} |" for what, count in counts)
    files = "\n".join(f"| `{name}` | `{digest}` |" for name, digest in hashes.items())
    several = [len(line.socs) for line in found.lines if len(line.socs) > 1]
    most = max(several, default=0)
    text = README.format(
        tsv=TSV,
        seed=SEED,
        table=table,
        files=files,
        titles=len(found.lines),
        one=sum(len(line.socs) == 1 for line in found.lines),
        in_onet=found.in_onet,
        indexed=found.indexed,
        most=most,
    )
    return text.encode()


README = """\
# Search evaluation: ISCO-08 occupation titles, coded to SOC by BLS

`{tsv}` holds {titles:,} occupation titles that careerkit's search has never seen, each
with the occupations an independent coder assigned it. `benchmarks/search.py` reports how
often `careerkit.search` puts a right one first, in its top 5 and in its top 10, beside a
plain fuzzy match; `tests/test_search_evaluation.py` checks the file and holds the floor.
Written by `tools/build_evaluation.py` (do not edit by hand; run the tool again).

## Columns

| column | what it holds |
| --- | --- |
| `isco` | the ISCO-08 unit group's code (4 digits) |
| `title` | its English title, as the International Labour Organization publishes it |
| `soc` | the catalogue's SOC 2018 codes BLS codes the group to, space-separated, sorted: a search result is right if it is **any** of them |
| `posted` | the same title "as posted": see below |

## Origin

- **The titles**: the English titles of the unit groups of the International Standard
  Classification of Occupations 2008 (ISCO-08), International Labour Organization, as
  BLS's crosswalk gives them. ISCO-08 is the ILO's; its group titles are used here, in
  careerkit's tests only (not in the package), as BLS's public-domain crosswalk reproduces
  them.
- **The coding**: BLS's crosswalk of ISCO-08 to the 2010 SOC (`bls-isco-08-soc-2010.xls`,
  sheet "ISCO-08 to 2010 SOC"), made by the US Bureau of Labor Statistics for the Standard
  Occupational Classification Policy Committee, August 2012, updated June 2015; public
  domain (a work of the US government). Every pair counts, partial ones (`*`) included.
- **Carried to 2018 SOC** with O*NET's crosswalk of O*NET-SOC 2010 codes to 2018 SOC codes
  (`onet-soc-2010-to-soc-2018.xlsx`), National Center for O*NET Development, CC BY 4.0: a
  2010 SOC code goes to the 2018 code of each of its O*NET-SOC occupations. A 2018 code the
  catalogue lacks goes to its broad aggregate where the catalogue has it (13-1021 to
  13-1020, as the catalogue files O*NET's occupations); otherwise it has no target.

This product includes information from the O*NET-SOC 2010 to 2018 SOC crosswalk by the
U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under
the CC BY 4.0 license; careerkit changed its form (2018 codes per 2010 SOC code).

The official files read, and their sha256:

| file | sha256 |
| --- | --- |
{files}

## Kept out of the index

An evaluation whose titles the engine indexes measures nothing. careerkit indexes O*NET's
titles, so a title equal to one in O*NET 29.3's Alternate Titles (alternate and short
titles), Sample of Reported Titles or Occupation Data (occupation titles) is left out
({in_onet} titles), and so is one equal to a name careerkit's registry answers to (official
titles, ids, aliases, Hindi names: {indexed}). Equal means equal lookup keys
(`careerkit.model._checks.normalize_key`: case, spacing and punctuation ignored) after the
last word's plural ending is dropped on both sides (`-ies` to `-y`, `-men` to `-man`, a
final `-s` except after `s`, `u` or `i`): "Cooks" is left out for O*NET's "Cook".

## Counts

| | |
| --- | --- |
{table}

The armed forces groups are left out because BLS codes them to SOC major group 55
(military occupations), which OEWS does not survey: the one catalogue code left for
"Armed forces occupations, other ranks" (17-3029, where 2018 SOC moved radar and sonar
technicians) is not an answer to that title. ISCO's 3-digit minor groups in the crosswalk
are not unit groups.

## "As posted"

`posted` is the title dressed, by program, as a job ad would print it: ISCO's "not
elsewhere classified" and a leading "Other" dropped ("Other music teachers" are those
outside schools), the head noun made singular where that is simple ("Cooks" -> "Cook",
"Handicraft workers in ..." -> "Handicraft worker in ..."; not in "Physicists and
astronomers"), words capitalized, and one to three kinds of posting noise: seniority
("Senior", "Sr.", "Lead", "Junior" before, none before a title that starts with one;
"II", "III" after), schedule ("(Nights)", "- Part-Time", "Full Time", "PRN", "(Days)",
"- Weekends"), remote or hybrid, a US location ("- Austin, TX") and a requisition number
("#4521", "Req 20931"), drawn by `random.Random({seed})`.
It is synthetic noise on independent titles, not real postings: it measures how well
search sees through the noise postings carry, not how people name jobs.

## Limits

- ISCO-08 group titles are formal, plural, British-English names of **groups** of
  occupations ("Mathematicians, actuaries and statisticians", "Fishery and aquaculture
  labourers", "... not elsewhere classified"), written by classifiers, not titles people
  put on a posting. They are an independent test of the engine's reading of occupation
  names, not a sample of job titles.
- A group coded to several SOC occupations counts any of them as right: {one:,} of the
  {titles:,} titles map to one catalogue occupation only; the others to 2 to {most}. A broad
  group ("Senior government officials") is thus easier to get "right" than a narrow one.
- BLS's coding is many-to-many and partial: a SOC occupation that covers only part of an
  ISCO group counts as fully right.
- The titles are English only; no Hindi query is measured here.
"""


def build(
    data: Path, occupations_tsv: Path, indexed: Collection[str] = (), seed: int = SEED
) -> tuple[Evaluation, dict[str, str]]:
    """Read the official files in *data*; return the evaluation and the files' sha256."""
    data = Path(data)
    for name in FILES:
        if not (data / name).is_file():
            raise fail(f"missing file {data / name}")
    groups = isco_groups(Table(ISCO_FILE, xls_rows(data / ISCO_FILE, ISCO_SHEET), ISCO_HEADERS))
    to_2018 = soc_2018(Table(SOC_FILE, xlsx_rows(data / SOC_FILE), SOC_HEADERS))
    onet: list[str] = []
    for name, columns in TITLE_COLUMNS.items():
        onet += titles_of(Table(name, xlsx_rows(data / name), columns), columns)
    found = evaluation(groups, to_2018, onet, read_occupations(occupations_tsv), indexed, seed)
    return found, {name: sha256(data / name) for name in FILES}


def write(found: Evaluation, hashes: dict[str, str], out: Path) -> dict[str, bytes]:
    """Write isco-08.tsv and README.md into *out*; return them by name."""
    written = {TSV: tsv(found), "README.md": readme(found, hashes)}
    out.mkdir(parents=True, exist_ok=True)
    for name, body in written.items():
        (out / name).write_bytes(body)
    return written


def main() -> None:
    from careerkit.registry import default_registry

    root = Path(__file__).resolve().parent.parent
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "data"
    occupations_tsv = root / "src" / "careerkit" / "catalogue" / "occupations.tsv"
    found, hashes = build(data, occupations_tsv, default_registry()._index.keys())
    for name, body in write(found, hashes, root.joinpath(*OUT)).items():
        print(f"{name}: {len(body)} bytes")
    for what, count in summary(found):
        print(f"{count:>6}  {what}")


if __name__ == "__main__":
    main()
