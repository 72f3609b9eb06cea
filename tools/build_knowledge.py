"""Build careerkit's shipped outlook and O*NET files from the official workbooks (a maintainer's tool).

Run: python tools/build_knowledge.py [DATA_DIR]   (default: ../shared/data)

Reads BLS's Employment Projections 2024-34 workbook (``bls-ep-2024-34-occupation.xlsx``,
sheet "Table 1.2") and the O*NET 29.3 workbooks in ``onet-29.3/``, and writes into
src/careerkit/catalogue/:

``projections.tsv``
    One line per EP line item whose code is a SOC code of occupations.tsv: employment 2024
    and 2034, change, change percent, percent self-employed and annual openings exactly as EP
    prints them (thousands of jobs, one decimal; an EP "—" is an empty field, never 0), and
    the typical education, work experience and on-the-job training as worded by BLS.
``onet.bin`` and ``onet.tsv``
    One UTF-8 JSON chunk per SOC code that has O*NET-SOC occupations (those of a broad
    occupation OEWS publishes only as a whole, such as 13-1021 .. 13-1023 of 13-1020, go
    under that aggregate), in occupations.tsv order, each a zlib stream compressed against
    one preset dictionary (:func:`dictionary`) that onet.bin holds first: its first line is
    ``careerkit-onet 1 <dictionary length> <dictionary Adler-32, 8 hex digits>``, then the
    dictionary, then the chunks. onet.tsv gives each chunk's offset in onet.bin and length,
    then the code, title and title's lookup key
    (``careerkit.registry.normalize_key``) of each O*NET-SOC occupation of the chunk
    other than the SOC code's own ``.00`` one: the career's specialties. A task O*NET gives
    no type is neither core nor supplemental (``null``).
``onet-reference.json``
    The Job Zone descriptions, the education/experience/training category labels, the
    sha256 of every official file read and of every file written.

Needs openpyxl (a dev dependency). Same input, same bytes: the output is deterministic.
Anything unexpected in the workbooks (a missing file or column, a value of the wrong kind)
stops the build with a message saying what and where.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from careerkit.model._checks import normalize_key

ONET_VERSION = "29.3"
EP_FILE = "bls-ep-2024-34-occupation.xlsx"
EP_SHEET = "Table 1.2"
ONET_DIR = "onet-29.3"

OCCUPATION_DATA = f"{ONET_DIR}/Occupation Data.xlsx"
JOB_ZONES = f"{ONET_DIR}/Job Zones.xlsx"
JOB_ZONE_REFERENCE = f"{ONET_DIR}/Job Zone Reference.xlsx"
ETE = f"{ONET_DIR}/Education, Training, and Experience.xlsx"
ETE_CATEGORIES = f"{ONET_DIR}/Education, Training, and Experience Categories.xlsx"
TASKS = f"{ONET_DIR}/Task Statements.xlsx"
TECHNOLOGY = f"{ONET_DIR}/Technology Skills.xlsx"
SKILLS = f"{ONET_DIR}/Skills.xlsx"
KNOWLEDGE = f"{ONET_DIR}/Knowledge.xlsx"
RELATED = f"{ONET_DIR}/Related Occupations.xlsx"

#: every official file read, in the order onet-reference.json lists them
FILES = (
    EP_FILE,
    OCCUPATION_DATA,
    JOB_ZONES,
    JOB_ZONE_REFERENCE,
    ETE,
    ETE_CATEGORIES,
    TASKS,
    TECHNOLOGY,
    SKILLS,
    KNOWLEDGE,
    RELATED,
)

EP_CODE = "2024 National Employment Matrix code"
EP_TYPE = "Occupation type"
#: projections.tsv column -> EP Table 1.2 header
EP_NUMBERS = {
    "employment": "Employment, 2024",
    "projected": "Employment, 2034",
    "change": "Employment change, numeric, 2024–34",
    "change_percent": "Employment change, percent, 2024–34",
    "self_employed": "Percent self employed, 2024",
    "openings": "Occupational openings, 2024–34 annual average",
}
EP_TEXTS = {
    "education": "Typical education needed for entry",
    "experience": "Work experience in a related occupation",
    "training": "Typical on-the-job training needed to attain competency in the occupation",
}
PROJECTION_COLUMNS = ("soc", *EP_NUMBERS, *EP_TEXTS)
NO_FIGURE = "—"  # EP's mark for "data unavailable"

#: chunk key -> O*NET Education, Training, and Experience scale
SCALES = {"education": "RL", "experience": "RW", "training": "OJ"}
#: O*NET's Task Type -> core (tasks without a Task Type count as not core)
TASK_TYPES = {"Core": True, "Supplemental": False, None: None}  # None: O*NET gives no type
SUPPRESS = {"Y": True, "N": False, None: False}  # an empty flag is not a suppression
FLAGS = {"Y": True, "N": False}

#: onet.bin's first line starts with this, then the dictionary's length and Adler-32
ONET_FORMAT = "careerkit-onet 1"
#: the preset dictionary's size: zlib's whole window (a longer one's start is out of reach)
DICTIONARY_SIZE = 32768
#: the dictionary is built of segments this long, scored by the d-mers (this long) they hold
SEGMENT, DMER = 128, 8

ONE_DECIMAL = Decimal("0.1")
TWO_DECIMALS = Decimal("0.01")


def fail(message: str) -> SystemExit:
    return SystemExit(f"build_knowledge: {message}")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Sheet:
    """The rows of one worksheet, cells found by their header."""

    def __init__(self, data: Path, name: str, headers: Sequence[str], sheet: str | None = None):
        import openpyxl

        path = data / name
        if not path.is_file():
            raise fail(f"missing file {path}")
        self.name = name
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise fail(f"cannot read {path} as an Excel workbook: {error}") from error
        try:
            if sheet is None:
                worksheet = book.worksheets[0]
            elif sheet in book.sheetnames:
                worksheet = book[sheet]
            else:
                raise fail(f"{name}: no sheet {sheet!r} (sheets: {', '.join(book.sheetnames)})")
            rows = [tuple(row) for row in worksheet.iter_rows(values_only=True)]
        finally:
            book.close()
        for at, row in enumerate(rows[:10]):
            found = [str(cell).strip() if cell is not None else "" for cell in row]
            if all(header in found for header in headers):
                self.columns = {header: found.index(header) for header in headers}
                self.first = at + 2  # spreadsheet line number of the first data row
                self.rows = rows[at + 1 :]
                return
        candidates = [[str(cell).strip() for cell in row if cell is not None] for row in rows[:10]]
        best = max(candidates, key=lambda found: sum(h in found for h in headers), default=[])
        missing = [header for header in headers if header not in best]
        raise fail(
            f"{name}: column header(s) {', '.join(map(repr, missing))} not found "
            f"(the header row holds: {', '.join(map(repr, best))})"
        )

    def __iter__(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """Yield (spreadsheet line, {header: cell}) for each non-empty row."""
        for at, row in enumerate(self.rows, start=self.first):
            if all(cell is None for cell in row):
                continue
            yield (
                at,
                {
                    header: row[index] if index < len(row) else None
                    for header, index in self.columns.items()
                },
            )


def number(value: object, places: Decimal, where: str) -> Decimal:
    """The published figure behind an Excel number, refusing one with more places than given."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise fail(f"{where}: expected a number, found {value!r}")
    exact = Decimal(repr(value))
    rounded = exact.quantize(places)
    if rounded != exact:
        raise fail(f"{where}: {value!r} has more decimal places than {places} allows")
    return rounded + 0  # + 0 turns -0.0 into 0.0


def text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise fail(f"{where}: expected text, found {value!r}")
    if "\t" in value or "\n" in value or "\r" in value:
        raise fail(f"{where}: {value!r} holds a tab or line break")
    return value


def flag(value: object, meanings: dict[Any, bool], where: str) -> bool:
    if value not in meanings:
        expected = " or ".join(repr(key) for key in meanings)
        raise fail(f"{where}: expected {expected}, found {value!r}")
    return meanings[value]


def read_occupations(path: Path) -> list[str]:
    if not path.is_file():
        raise fail(f"missing file {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        if reader.fieldnames is None or "soc" not in reader.fieldnames:
            raise fail(f"{path}: no 'soc' column")
        return [row["soc"] for row in reader]


# -- Employment Projections ---------------------------------------------------------------


def projections(data: Path, socs: Sequence[str]) -> bytes:
    sheet = Sheet(
        data, EP_FILE, [EP_CODE, EP_TYPE, *EP_NUMBERS.values(), *EP_TEXTS.values()], EP_SHEET
    )
    wanted = set(socs)
    lines: dict[str, str] = {}
    for at, row in sheet:
        if row[EP_TYPE] != "Line item" or row[EP_CODE] not in wanted:
            continue
        soc = row[EP_CODE]
        if soc in lines:
            raise fail(f"{EP_FILE} {EP_SHEET} line {at}: {soc} appears twice")
        fields = [soc]
        for header in EP_NUMBERS.values():
            value, where = row[header], f"{EP_FILE} {EP_SHEET} line {at} ({soc}), {header!r}"
            fields.append(
                "" if value in (NO_FIGURE, None) else str(number(value, ONE_DECIMAL, where))
            )
        for header in EP_TEXTS.values():
            value, where = row[header], f"{EP_FILE} {EP_SHEET} line {at} ({soc}), {header!r}"
            fields.append("" if value in (NO_FIGURE, None) else text(value, where))
        lines[soc] = "\t".join(fields)
    missing = [soc for soc in socs if soc not in lines]
    if missing:
        raise fail(
            f"{EP_FILE} {EP_SHEET}: no line item for {len(missing)} SOC code(s) of "
            f"occupations.tsv: {', '.join(missing[:20])}"
        )
    body = ["\t".join(PROJECTION_COLUMNS), *(lines[soc] for soc in socs)]
    return "".join(line + "\n" for line in body).encode()


# -- O*NET --------------------------------------------------------------------------------

Record = dict[str, Any]


def onet_code(value: object, where: str) -> str:
    code = text(value, where)
    if (
        len(code) != 10
        or code[2] != "-"
        or code[7] != "."
        or not (code[:2] + code[3:7] + code[8:]).isdigit()
    ):
        raise fail(f"{where}: {code!r} is not an O*NET-SOC code (XX-XXXX.XX)")
    return code


def occupations(data: Path) -> dict[str, Record]:
    out: dict[str, Record] = {}
    for at, row in Sheet(data, OCCUPATION_DATA, ["O*NET-SOC Code", "Title", "Description"]):
        where = f"{OCCUPATION_DATA} line {at}"
        code = onet_code(row["O*NET-SOC Code"], where)
        if code in out:
            raise fail(f"{where}: {code} appears twice")
        out[code] = {
            "title": text(row["Title"], where),
            "description": text(row["Description"], where),
        }
    return out


def known(code: str, records: dict[str, Record], where: str) -> Record:
    if code not in records:
        raise fail(f"{where}: {code} is not in {OCCUPATION_DATA}")
    return records[code]


def add_zones(data: Path, records: dict[str, Record]) -> None:
    for at, row in Sheet(data, JOB_ZONES, ["O*NET-SOC Code", "Job Zone"]):
        where = f"{JOB_ZONES} line {at}"
        record = known(onet_code(row["O*NET-SOC Code"], where), records, where)
        zone = row["Job Zone"]
        if isinstance(zone, bool) or zone not in (1, 2, 3, 4, 5):
            raise fail(f"{where}: Job Zone {zone!r} is not 1-5")
        if "zone" in record:
            raise fail(f"{where}: a second Job Zone for {row['O*NET-SOC Code']}")
        record["zone"] = int(zone)


def categories(data: Path) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {scale: {} for scale in SCALES.values()}
    headers = ["Scale ID", "Category", "Category Description"]
    for at, row in Sheet(data, ETE_CATEGORIES, headers):
        where = f"{ETE_CATEGORIES} line {at}"
        scale, category = row["Scale ID"], row["Category"]
        if scale not in out:
            continue
        if isinstance(category, bool) or not isinstance(category, int):
            raise fail(f"{where}: Category {category!r} is not a whole number")
        out[scale][str(category)] = text(row["Category Description"], where)
    for scale, labels in out.items():
        if list(labels) != [str(n) for n in range(1, len(labels) + 1)] or not labels:
            raise fail(
                f"{ETE_CATEGORIES}: scale {scale} categories are not 1..n in order: {list(labels)}"
            )
    return out


def percent(value: object, where: str) -> str:
    return str(number(value, TWO_DECIMALS, where))


def add_shares(data: Path, records: dict[str, Record], labels: dict[str, dict[str, str]]) -> None:
    headers = ["O*NET-SOC Code", "Scale ID", "Category", "Data Value", "Recommend Suppress"]
    key_of = {scale: key for key, scale in SCALES.items()}
    shares: dict[str, dict[str, dict[int, str | None]]] = defaultdict(lambda: defaultdict(dict))
    for at, row in Sheet(data, ETE, headers):
        scale = row["Scale ID"]
        if scale not in key_of:
            continue
        where = f"{ETE} line {at}"
        code = onet_code(row["O*NET-SOC Code"], where)
        known(code, records, where)
        category = row["Category"]
        if (
            isinstance(category, bool)
            or not isinstance(category, int)
            or str(category) not in labels[scale]
        ):
            raise fail(
                f"{where}: {scale} category {category!r} is not one of {', '.join(labels[scale])}"
            )
        if category in shares[code][scale]:
            raise fail(f"{where}: {code} {scale} category {category} appears twice")
        suppressed = flag(row["Recommend Suppress"], SUPPRESS, f"{where}, Recommend Suppress")
        value = percent(row["Data Value"], f"{where}, Data Value")
        shares[code][scale][category] = None if suppressed else value
    for code in sorted(shares):
        for key, scale in SCALES.items():
            if scale in shares[code]:
                found = shares[code][scale]
                records[code][key] = [[category, found[category]] for category in sorted(found)]


def add_tasks(data: Path, records: dict[str, Record]) -> None:
    tasks: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for at, row in Sheet(data, TASKS, ["O*NET-SOC Code", "Task", "Task Type"]):
        where = f"{TASKS} line {at}"
        code = onet_code(row["O*NET-SOC Code"], where)
        known(code, records, where)
        core = flag(row["Task Type"], TASK_TYPES, f"{where}, Task Type")
        tasks[code].append((text(row["Task"], f"{where}, Task"), core))
    for code, found in tasks.items():
        ordered = [task for task in found if task[1]] + [task for task in found if not task[1]]
        records[code]["tasks"] = [[task, core] for task, core in ordered]


def add_tools(data: Path, records: dict[str, Record]) -> None:
    headers = [
        "O*NET-SOC Code",
        "Example",
        "Commodity Code",
        "Commodity Title",
        "Hot Technology",
        "In Demand",
    ]
    for at, row in Sheet(data, TECHNOLOGY, headers):
        where = f"{TECHNOLOGY} line {at}"
        code = onet_code(row["O*NET-SOC Code"], where)
        commodity = row["Commodity Code"]
        if isinstance(commodity, bool) or not isinstance(commodity, int) or commodity <= 0:
            raise fail(f"{where}: Commodity Code {commodity!r} is not a UNSPSC code")
        known(code, records, where).setdefault("tools", []).append(
            [
                text(row["Example"], f"{where}, Example"),
                commodity,
                text(row["Commodity Title"], f"{where}, Commodity Title"),
                flag(row["Hot Technology"], FLAGS, f"{where}, Hot Technology"),
                flag(row["In Demand"], FLAGS, f"{where}, In Demand"),
            ]
        )


def read_ratings(
    data: Path, name: str, kind: str, records: dict[str, Record], into: dict[str, list[Any]]
) -> None:
    headers = [
        "O*NET-SOC Code",
        "Element ID",
        "Element Name",
        "Scale ID",
        "Data Value",
        "Recommend Suppress",
        "Not Relevant",
    ]
    pending: dict[tuple[str, str], dict[str, Any]] = {}
    order: list[tuple[str, str]] = []
    for at, row in Sheet(data, name, headers):
        where = f"{name} line {at}"
        code = onet_code(row["O*NET-SOC Code"], where)
        known(code, records, where)
        element = text(row["Element ID"], f"{where}, Element ID")
        scale = row["Scale ID"]
        if scale not in ("IM", "LV"):
            raise fail(f"{where}: Scale ID {scale!r} is neither 'IM' nor 'LV'")
        key = (code, element)
        if key not in pending:
            pending[key] = {"name": text(row["Element Name"], f"{where}, Element Name")}
            order.append(key)
        entry = pending[key]
        if scale in entry:
            raise fail(f"{where}: {code} {element} has a second {scale} row")
        suppressed = flag(row["Recommend Suppress"], SUPPRESS, f"{where}, Recommend Suppress")
        value = str(number(row["Data Value"], TWO_DECIMALS, f"{where}, Data Value"))
        entry[scale] = None if suppressed else value
        if scale == "LV":
            entry["not_relevant"] = flag(row["Not Relevant"], FLAGS, f"{where}, Not Relevant")
        elif row["Not Relevant"] is not None:
            raise fail(f"{where}: an IM row with Not Relevant {row['Not Relevant']!r}")
    for code, element in order:
        entry = pending[(code, element)]
        if "IM" not in entry or "LV" not in entry:
            raise fail(
                f"{name}: {code} {element} lacks an {'IM' if 'IM' not in entry else 'LV'} row"
            )
        into[code].append([entry["name"], kind, entry["IM"], entry["LV"], entry["not_relevant"]])


def add_skills(data: Path, records: dict[str, Record]) -> None:
    found: dict[str, list[Any]] = defaultdict(list)
    read_ratings(data, SKILLS, "skill", records, found)
    read_ratings(data, KNOWLEDGE, "knowledge", records, found)

    def rank(item: tuple[int, list[Any]]) -> tuple[bool, Decimal, bool, Decimal, int]:
        at, (_, _, importance, level, _) = item
        return (
            importance is None,
            -Decimal(importance or 0),
            level is None,
            -Decimal(level or 0),
            at,
        )

    for code, entries in found.items():
        records[code]["skills"] = [entry for _, entry in sorted(enumerate(entries), key=rank)]


def add_related(data: Path, records: dict[str, Record]) -> None:
    headers = [
        "O*NET-SOC Code",
        "Related O*NET-SOC Code",
        "Related Title",
        "Relatedness Tier",
        "Index",
    ]
    related: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
    for at, row in Sheet(data, RELATED, headers):
        where = f"{RELATED} line {at}"
        code = onet_code(row["O*NET-SOC Code"], where)
        known(code, records, where)
        index = row["Index"]
        if isinstance(index, bool) or not isinstance(index, int):
            raise fail(f"{where}: Index {index!r} is not a whole number")
        tier = text(row["Relatedness Tier"], f"{where}, Relatedness Tier")
        if tier not in ("Primary-Short", "Primary-Long", "Supplemental"):
            raise fail(f"{where}: unknown Relatedness Tier {tier!r}")
        other = onet_code(row["Related O*NET-SOC Code"], f"{where}, Related O*NET-SOC Code")
        related[code].append(
            (index, [other, text(row["Related Title"], f"{where}, Related Title"), tier])
        )
    for code, found in related.items():
        indexes = [index for index, _ in found]
        if len(set(indexes)) != len(indexes):
            raise fail(f"{RELATED}: {code} repeats an Index")
        records[code]["related"] = [entry for _, entry in sorted(found, key=lambda item: item[0])]


KEYS = (
    "title",
    "description",
    "zone",
    "education",
    "experience",
    "training",
    "tasks",
    "tools",
    "skills",
    "related",
)


def chunk_value(code: str, soc: str, record: Record) -> Record:
    value = {key: record[key] for key in KEYS if key in record}
    if code == f"{soc}.00":
        del value["description"]  # ships in descriptions.tsv
    return value


def dictionary(
    samples: Sequence[bytes], size: int = DICTIONARY_SIZE, segment: int = SEGMENT, dmer: int = DMER
) -> bytes:
    """A zlib preset dictionary of at most *size* bytes for *samples*: their most shared text.

    The cover algorithm of zstd's dictionary trainer (Liao, Petri, Moffat and Wirth, "Effective
    Construction of Relative Lempel-Ziv Dictionaries", 2016): a segment's score is the number of
    samples holding each of its distinct d-mers, summed; the samples' text is cut into
    ``size // segment`` epochs, each gives its best segment, whose d-mers then score nothing
    more. The best segments go last, where zlib reaches them with the shortest distances (and
    where they stay in its window longest). Deterministic: the same samples give the same bytes.
    Samples shorter in all than *size* are their own dictionary.
    """
    text = b"".join(samples)
    if len(text) <= size:
        return text
    ids: dict[bytes, int] = {}
    spread: list[int] = []  # d-mer id -> how many samples hold it
    at = array("l")  # text position -> id of the d-mer starting there (-1: none)
    for sample in samples:
        seen: set[int] = set()
        for start in range(len(sample) - dmer + 1):
            found = ids.setdefault(sample[start : start + dmer], len(spread))
            if found == len(spread):
                spread.append(0)
            at.append(found)
            if found not in seen:
                seen.add(found)
                spread[found] += 1
        at.extend([-1] * min(len(sample), dmer - 1))  # no d-mer starts this near the end
    spread.append(0)  # spread[-1]: where no d-mer starts, nothing scores
    width = segment - dmer + 1  # d-mers in a segment
    epochs = size // segment
    epoch = len(at) // epochs
    chosen: list[tuple[int, int]] = []
    for first in range(0, epochs * epoch, epoch):
        held: dict[int, int] = defaultdict(int)  # d-mer id -> how often in the window
        score, best, best_at = 0, -1, first
        for end in range(first, first + epoch):
            if not held[at[end]]:
                score += spread[at[end]]
            held[at[end]] += 1
            if end - first >= width:
                leaving = at[end - width]
                held[leaving] -= 1
                if not held[leaving]:
                    score -= spread[leaving]
            if end - first >= width - 1 and score > best:
                best, best_at = score, end - width + 1
        chosen.append((best, best_at))
        for position in range(best_at, best_at + width):
            spread[at[position]] = 0
    return b"".join(text[start : start + segment] for _, start in sorted(chosen))[-size:]


def onet(data: Path, socs: Sequence[str]) -> tuple[bytes, bytes, dict[str, dict[str, str]]]:
    records = occupations(data)
    add_zones(data, records)
    labels = categories(data)
    add_shares(data, records, labels)
    add_tasks(data, records)
    add_tools(data, records)
    add_skills(data, records)
    add_related(data, records)
    # Each O*NET-SOC occupation goes under its SOC code or, where OEWS publishes only the
    # broad occupation (13-1020 for 13-1021 .. 13-1023), under that aggregate.
    catalogue = set(socs)
    by_soc: dict[str, list[str]] = defaultdict(list)
    for code in sorted(records):
        soc = code[:7]
        if soc not in catalogue and f"{code[:6]}0" in catalogue:
            soc = f"{code[:6]}0"
        by_soc[soc].append(code)
    chunks = {
        soc: json.dumps(
            {code: chunk_value(code, soc, records[code]) for code in by_soc[soc]},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode()
        for soc in socs
        if by_soc.get(soc)
    }
    preset = dictionary(list(chunks.values()))
    blob = bytearray(f"{ONET_FORMAT} {len(preset)} {zlib.adler32(preset):08x}\n".encode())
    blob += preset
    lines = ["soc\toffset\tlength\tspecialties"]
    for soc, chunk in chunks.items():
        codes = by_soc[soc]
        deflate = zlib.compressobj(level=9, zdict=preset)
        packed = deflate.compress(chunk) + deflate.flush()
        fields = [soc, str(len(blob)), str(len(packed))]
        for code in codes:
            if code != f"{soc}.00":
                title = records[code]["title"]
                fields += [code, title, normalize_key(title)]  # keyed as lookups compare
        lines.append("\t".join(fields))
        blob += packed
    return "".join(line + "\n" for line in lines).encode(), bytes(blob), labels


def job_zones(data: Path) -> dict[str, dict[str, str]]:
    headers = ["Job Zone", "Name", "Experience", "Education", "Job Training"]
    out: dict[str, dict[str, str]] = {}
    for at, row in Sheet(data, JOB_ZONE_REFERENCE, headers):
        where = f"{JOB_ZONE_REFERENCE} line {at}"
        zone = row["Job Zone"]
        if isinstance(zone, bool) or zone not in (1, 2, 3, 4, 5) or str(zone) in out:
            raise fail(f"{where}: Job Zone {zone!r} is not a new zone 1-5")
        out[str(zone)] = {
            "name": text(row["Name"], f"{where}, Name"),
            "experience": text(row["Experience"], f"{where}, Experience"),
            "education": text(row["Education"], f"{where}, Education"),
            "training": text(row["Job Training"], f"{where}, Job Training"),
        }
    if sorted(out) != ["1", "2", "3", "4", "5"]:
        raise fail(f"{JOB_ZONE_REFERENCE}: expected zones 1-5, found {sorted(out)}")
    return {zone: out[zone] for zone in sorted(out)}


def build(data: Path, out: Path, occupations_tsv: Path) -> dict[str, bytes]:
    """Read the official files in ``data``, write the four files into ``out``; return them by name."""
    data, out = Path(data), Path(out)
    for name in FILES:
        if not (data / name).is_file():
            raise fail(f"missing file {data / name}")
    socs = read_occupations(Path(occupations_tsv))
    written: dict[str, bytes] = {"projections.tsv": projections(data, socs)}
    index, blob, labels = onet(data, socs)
    written["onet.tsv"], written["onet.bin"] = index, blob
    reference = {
        "version": ONET_VERSION,
        "job_zones": job_zones(data),
        "categories": labels,
        "files": {name: sha256(data / name) for name in FILES},
        "written": {name: hashlib.sha256(body).hexdigest() for name, body in written.items()},
    }
    written["onet-reference.json"] = (
        json.dumps(reference, indent=1, ensure_ascii=False) + "\n"
    ).encode()
    for name, body in written.items():
        (out / name).write_bytes(body)
    return written


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "data"
    catalogue = root / "src" / "careerkit" / "catalogue"
    written = build(data, catalogue, catalogue / "occupations.tsv")
    for name, body in written.items():
        print(f"{name}: {len(body)} bytes")


if __name__ == "__main__":
    main()
