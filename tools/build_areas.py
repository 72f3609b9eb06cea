"""Rebuild careerkit's shipped area figures from BLS's file (a maintainer's tool).

Run: python tools/build_areas.py [DATA_DIR]   (default: ../shared/data)

Reads BLS's OEWS May 2025 cross-industry figures for metropolitan and
nonmetropolitan areas (``oews-may-2025-metro.csv.gz``, checked against the sha256
PROVENANCE.md records for the uncompressed CSV) and the national CSV (each
occupation's national employment, which predicts the areas' location quotients),
and writes ``src/careerkit/catalogue/areas.bin`` (see
:mod:`careerkit.catalogue._area_file`): the detailed occupations (BLS's display
level 3) and all occupations (00-0000) of every area, every cell as BLS printed it.
It also writes ``tests/data/oews-areas-sample.csv``, a fixed sample of BLS's rows
(every 401st, and the rows the tests quote) that the tests compare with the
shipped file.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import sys
from pathlib import Path

from careerkit.catalogue._area_file import encode

METRO = "oews-may-2025-metro.csv.gz"
METRO_SHA256 = "fd9c270dba7955ba60bedc0647437907f20e5498d7992cfad145923f429dc740"
"""The sha256 of the uncompressed CSV, as PROVENANCE.md records it."""
NATIONAL = "oews-may-2025-national.csv"
QUOTED = {("0035620", "43-4051"), ("0012420", "00-0000"), ("3600001", "43-4051")}
"""The rows the tests and docs quote: always in the sample."""

ABOUT = {
    "name": "OEWS May 2025 (release 2025A01), metropolitan and nonmetropolitan areas",
    "reference_date": "2025-05",
    "published": "2026-05-15",
    "top_code_hour": "115.00",
    "top_code_year": "239200",
}


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "data"
    raw = gzip.decompress((data / METRO).read_bytes())
    digest = hashlib.sha256(raw).hexdigest()
    if digest != METRO_SHA256:
        sys.exit(
            f"{data / METRO}: its CSV's sha256 is {digest}, not PROVENANCE.md's {METRO_SHA256}"
        )
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    kept = [row for row in table if row["display_level"] == "3" or row["soc_code"] == "00-0000"]
    areas = sorted({(row["area_code"], row["area_name"]) for row in table})
    if len({code for code, _ in areas}) != len(areas):
        sys.exit("an area code has two names")
    national_csv = (data / NATIONAL).read_bytes()
    national = {
        row["soc_code"]: int(row["employment"])
        for row in csv.DictReader(io.StringIO(national_csv.decode("utf-8")))
        if row["employment"]
    }
    about = {
        **ABOUT,
        "files": {
            METRO.removesuffix(".gz"): digest,
            NATIONAL: hashlib.sha256(national_csv).hexdigest(),
        },
        "areas": len(areas),
        "rows": len(kept),
    }
    blob = encode(about, areas, kept, national)
    target = root / "src" / "careerkit" / "catalogue" / "areas.bin"
    target.write_bytes(blob)
    print(f"{target}: {len(areas)} areas, {len(kept):,} rows, {len(blob):,} bytes")
    sample = [
        row
        for number, row in enumerate(table)
        if number % 401 == 0 or (row["area_code"], row["soc_code"]) in QUOTED
    ]
    with open(
        root / "tests" / "data" / "oews-areas-sample.csv", "w", newline="", encoding="utf-8"
    ) as file:
        writer = csv.DictWriter(file, fieldnames=list(table[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(sample)
    print(f"tests/data/oews-areas-sample.csv: {len(sample)} rows")


if __name__ == "__main__":
    main()
