"""Build careerkit's search index of names and texts, ``titles.bin``, from O*NET 29.3 (a maintainer's tool).

Run: python tools/build_titles.py [DATA_DIR]   (default: ../shared/data)

Reads, in ``onet-29.3/``: ``Alternate Titles.xlsx`` (each alternate title and its short
form), ``Sample of Reported Titles.xlsx``, ``Occupation Data.xlsx`` (titles and
descriptions) and ``Task Statements.xlsx``, and writes
src/careerkit/catalogue/titles.bin with :func:`careerkit.catalogue._titles.build` (whose
docstring describes the file). Each O*NET-SOC occupation's entries go under its SOC code
in occupations.tsv or, where OEWS publishes only the broad occupation (13-1020 for
13-1021 .. 13-1023), under that aggregate; occupations in neither (military, 55-) are
left out. The occupations' titles (occupations.tsv) and their specialties' (onet.tsv, from
tools/build_knowledge.py: run that first) count towards words' weights: the registry
indexes them as keys, so the index itself does not hold them.

Needs openpyxl (a dev dependency). Same input, same bytes. Anything unexpected in the
workbooks stops the build with a message saying what and where.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from build_knowledge import Sheet, fail, read_occupations, sha256, text

from careerkit.catalogue._titles import FILE, Entry, build

ONET_DIR = "onet-29.3"
ALTERNATE = f"{ONET_DIR}/Alternate Titles.xlsx"
REPORTED = f"{ONET_DIR}/Sample of Reported Titles.xlsx"
OCCUPATION_DATA = f"{ONET_DIR}/Occupation Data.xlsx"
TASKS = f"{ONET_DIR}/Task Statements.xlsx"
FILES = (ALTERNATE, REPORTED, OCCUPATION_DATA, TASKS)
CODE = "O*NET-SOC Code"


def catalogue_soc(code: object, socs: set[str], where: str) -> str | None:
    """The catalogue SOC code an O*NET-SOC code goes under, or ``None`` (not in the catalogue)."""
    if not isinstance(code, str) or len(code) != 10 or code[7] != ".":
        raise fail(f"{where}: {code!r} is not an O*NET-SOC code (like 43-4051.00)")
    if code[:7] in socs:
        return code[:7]
    broad = f"{code[:6]}0"
    return broad if broad in socs else None


def entries(data: Path, socs: set[str]) -> Iterator[Entry]:
    """Every entry of the official files, in the order build() ranks ties."""
    for at, row in Sheet(data, REPORTED, [CODE, "Reported Job Title"]):
        soc = catalogue_soc(row[CODE], socs, f"{REPORTED} line {at}")
        if soc:
            yield Entry(soc, "reported title", text(row["Reported Job Title"], f"{REPORTED} {at}"))
    headers = [CODE, "Alternate Title", "Short Title"]
    for at, row in Sheet(data, ALTERNATE, headers):
        soc = catalogue_soc(row[CODE], socs, f"{ALTERNATE} line {at}")
        if soc:
            yield Entry(soc, "alternate title", text(row["Alternate Title"], f"{ALTERNATE} {at}"))
            if row["Short Title"] is not None:
                short = text(row["Short Title"], f"{ALTERNATE} line {at}, Short Title")
                yield Entry(soc, "short title", short)
    for at, row in Sheet(data, OCCUPATION_DATA, [CODE, "Description"]):
        soc = catalogue_soc(row[CODE], socs, f"{OCCUPATION_DATA} line {at}")
        if soc:
            yield Entry(soc, "description", text(row["Description"], f"{OCCUPATION_DATA} {at}"))
    for at, row in Sheet(data, TASKS, [CODE, "Task"]):
        soc = catalogue_soc(row[CODE], socs, f"{TASKS} line {at}")
        if soc:
            yield Entry(soc, "task", text(row["Task"], f"{TASKS} line {at}"))


def names(catalogue: Path) -> Iterator[tuple[str, str]]:
    """The titles the registry indexes as keys, each under its SOC code: every occupation's
    (occupations.tsv) and every specialty's (onet.tsv, written by build_knowledge.py)."""
    for name in ("occupations.tsv", "onet.tsv"):
        if not (catalogue / name).is_file():
            raise fail(f"missing file {catalogue / name}")
    with (catalogue / "occupations.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            yield row["soc"], row["title"]
    lines = (catalogue / "onet.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        fields = line.split("\t")
        for title in fields[4::3]:  # soc, offset, length, then code, title, key of each
            yield fields[0], title


def build_file(data: Path, catalogue: Path) -> bytes:
    """The bytes of titles.bin from the official files in *data* and the catalogue's files."""
    for name in FILES:
        if not (data / name).is_file():
            raise fail(f"missing file {data / name}")
    order: Sequence[str] = read_occupations(catalogue / "occupations.tsv")
    socs = set(order)
    return build(
        entries(data, socs),
        socs=order,
        names=names(catalogue),
        files={name: sha256(data / name) for name in FILES},
    )


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "data"
    catalogue = root / "src" / "careerkit" / "catalogue"
    body = build_file(data, catalogue)
    (catalogue / FILE).write_bytes(body)
    print(f"{FILE}: {len(body)} bytes")


if __name__ == "__main__":
    main()
