"""Rebuild careerkit's shipped ECB and World Bank exchange rates (a maintainer's tool).

Run: python tools/build_currencies.py [DATA_DIR]   (default: ../shared/data)

Reads the official files, each checked against the sha256 recorded below, with the same
readers ``careerkit data update`` uses (every figure through the same gate):

- ``fx-ecb/eurofxref-hist.zip``: the European Central Bank's euro foreign exchange
  reference rates, daily, 1999-01-04 to 2026-10-30. careerkit needs no daily rate (a
  date with a day uses its month's average, as for the Fed's rates), so it ships the
  monthly and annual averages of the daily cross rates to the US dollar
  (:mod:`careerkit.data._formats._ecb`): 80 KB of CSV where the daily file is 1.9 MB
  (640 KB zipped), in a wheel with little room left under its 10 MB budget.
- ``worldbank/API_PA.NUS.FCRF_DS2_en_csv_v2_13510.csv``: the World Bank's official
  exchange rate, annual, per economy, put under currencies by the rule of
  :mod:`careerkit.data._formats._worldbank_fx` (the economies each figure stands for
  are kept in a fourth column, for provenance).

Writes ``src/careerkit/data/fx-ecb-monthly.csv``, ``fx-ecb-annual.csv`` and
``fx-world-bank-annual.csv``, and ``tests/data/ecb-sample.csv`` (the ECB file's rows of
January 1999, all of 2024 and October 2026, byte for byte: the tests recompute the
shipped averages of those months and that year from it), then prints the sha256 of
each file written, for ``careerkit/data/_series.py`` and the data README.
"""

from __future__ import annotations

import hashlib
import sys
import zipfile
from pathlib import Path

from careerkit.data._formats import read
from careerkit.data._formats._file import _open
from careerkit.data._formats._read import _READERS, _detect
from careerkit.data._formats._worldbank_fx import by_currency
from careerkit.data._series import label

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "careerkit" / "data"

ECB = (
    "fx-ecb/eurofxref-hist.zip",
    "73db21584dd46cebf5cd6df75ebb6de7afcdeebff52f54d5046ca8e459c0fbb3",
)
WORLD_BANK = (
    "worldbank/API_PA.NUS.FCRF_DS2_en_csv_v2_13510.csv",
    "87cb36b1f5da2cdf5a885e1342ef6743d2af2ada11a42fdf795e4bb5dff67945",
)
HEADERS = {
    "fx-ecb-monthly": "Month,Currency,ECB cross rate",
    "fx-ecb-annual": "Year,Currency,ECB cross rate",
    "fx-world-bank": "Year,Currency,World Bank rate,Economies",
}
"""The first line of each shipped file (units of the currency per US dollar)."""
SAMPLE_MONTHS = ("1999-01", "2024-", "2026-10")
_ECONOMIES = {
    f'"{code}"'.encode()
    for code in [
        "ARE",
        "IND",
        "JPN",
        "SAU",
        "NGA",
        "PHL",
        "USA",
        "DEU",
        "FRA",
        "EMU",
        "WLD",
        "GHA",
        "BTN",
        "BEN",
        "BFA",
        "CIV",
        "GNB",
        "MLI",
        "NER",
        "SEN",
        "TGO",
        "DNK",
        "GRL",
        "FRO",
    ]
}
"""The economies (and two aggregates) of ``tests/data/worldbank-fcrf-sample.csv``."""


def _checked(folder: Path, name: str, sha256: str) -> Path:
    path = folder / name
    found = hashlib.sha256(path.read_bytes()).hexdigest()
    if found != sha256:
        sys.exit(f"{path}: sha256 {found}, expected {sha256} (a different file)")
    return path


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(
        f"{path.relative_to(ROOT)}: {len(lines) - 1} rows, {path.stat().st_size:,} bytes, "
        f"sha256 {hashlib.sha256(path.read_bytes()).hexdigest()}"
    )


def main(folder: Path) -> None:
    ecb = _checked(folder, *ECB)
    for kind, name in (
        ("fx-ecb-monthly", "fx-ecb-monthly.csv"),
        ("fx-ecb-annual", "fx-ecb-annual.csv"),
    ):
        parsed = read(kind, ecb)
        lines = [HEADERS[kind]]
        for code, series in parsed.values.items():
            lines += [f"{label(date)},{code},{value}" for date, value in series.items()]
        _write(OUT / name, lines)
    world_bank = _checked(folder, *WORLD_BANK)
    parsed = read("fx-world-bank", world_bank)
    file = _open("fx-world-bank", world_bank)
    _, economies = by_currency(
        _READERS[_detect("fx-world-bank", file)]("fx-world-bank", file), file
    )
    lines = [HEADERS["fx-world-bank"]]
    for code, series in sorted(parsed.values.items()):
        lines += [
            f"{year},{code},{value},{' '.join(economies[code, year])}"
            for year, value in series.items()
        ]
    _write(OUT / "fx-world-bank-annual.csv", lines)
    with zipfile.ZipFile(ecb) as archive:
        text = archive.read("eurofxref-hist.csv").decode("utf-8")
    rows = text.splitlines(keepends=True)
    sample = [rows[0], *(row for row in rows[1:] if row.startswith(SAMPLE_MONTHS))]
    path = ROOT / "tests" / "data" / "ecb-sample.csv"
    path.write_bytes("".join(sample).encode("utf-8"))
    print(f"{path.relative_to(ROOT)}: {len(sample) - 1} days")
    # The World Bank's file: its preamble and header, and the rows of a few economies, as
    # published (the tests read it as an update and check the rule's outcomes).
    rows = world_bank.read_bytes().splitlines(keepends=True)
    header = next(n for n, row in enumerate(rows) if row.startswith(b'"Country Name"'))
    kept = [
        row
        for row in rows[header + 1 :]
        if row.split(b",")[1:2][0:1] and row.split(b",")[1] in _ECONOMIES
    ]
    path = ROOT / "tests" / "data" / "worldbank-fcrf-sample.csv"
    path.write_bytes(b"".join([*rows[: header + 1], *kept]))
    print(f"{path.relative_to(ROOT)}: {len(kept)} economies")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
