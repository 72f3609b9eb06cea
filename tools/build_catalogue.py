"""Rebuild careerkit's shipped catalogue from the official files (a maintainer's tool).

Run: python tools/build_catalogue.py [DATA_DIR]   (default: ../shared/data)

Reads BLS's OEWS May 2025 national and state CSVs and O*NET 29.2's Occupation
Data, and writes src/careerkit/catalogue/{release.json, occupations.tsv,
descriptions.tsv, oews.bin}, appending any new id to ids.tsv.
"""

from __future__ import annotations

import sys
from pathlib import Path

from careerkit.catalogue._build import build

RELEASE = {
    "name": "OEWS May 2025 (release 2025A01)",
    "reference_date": "2025-05",
    "published": "2026-05-15",
    "onet_version": "29.2",
    "top_code_hour": "115.00",
    "top_code_year": "239200",
}


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "data"
    ids = build(
        data / "oews-may-2025-national.csv",
        data / "oews-may-2025-state.csv",
        data / "onet-29.2-occupation-data.txt",
        root / "src" / "careerkit" / "catalogue",
        release=RELEASE,
    )
    print(f"{len(ids)} occupations written")


if __name__ == "__main__":
    main()
