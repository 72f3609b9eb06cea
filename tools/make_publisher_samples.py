"""Make the publisher-format samples in tests/data/publishers/ from careerkit's shipped data.

Each sample has the exact layout of a real file a publisher released (FRED's CSV in
both header styles, the Federal Reserve's Data Download Program CSV: header rows,
quoting, line endings, number format and ``ND``/blank marks as seen in the real
file, which tests/data/publishers/README.md names), filled with the values of the
snapshots shipped in src/careerkit/data/, so the samples can be committed and
installed with 0 revisions. Run from a clone:

    python tools/make_publisher_samples.py           # write the samples
    python tools/make_publisher_samples.py --check   # exit 1 if any differs from this script's

Where the Fed prints a rate in US dollars per unit (AUD, EUR, NZD, GBP) and the
snapshot holds its inverse rounded to 4 decimals, the sample prints ``1 / value``
rounded to 4 decimals, as the Fed prints: it can differ from the Fed's own figure in
the last digit (the Fed's 2008 euro is 1.4726; 1 / 0.6791 prints 1.4725), well
inside the installer's tolerance. The pound's annual averages are the Fed's own,
from the shipped fx-g5a-gbp-annual.csv.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "careerkit" / "data"
OUT = ROOT / "tests" / "data" / "publishers"

# The Fed's H.10 package of monthly averages, in the order and with the header cells of
# the real file (README.md: marmistead91/Foreign-Exchange-Rates-Time-Series): the
# country name in the shipped snapshot, then Series Description, Unit, Multiplier,
# Currency and the identifier's last part.
H10 = [
    ("Australia", "AUSTRALIA -- SPOT EXCHANGE RATE, US$/AUSTRALIAN $ RECIPROCAL OF RXI_N.M.AL ", "Currency:_Per_AUD", "1", "USD", "RXI$US_N.M.AL"),
    ("Euro", "SPOT EXCHANGE RATE - EURO AREA ", "Currency:_Per_EUR", "1", "USD", "RXI$US_N.M.EU"),
    ("New Zealand", "NEW ZEALAND -- SPOT EXCHANGE RATE, US$/NZ$ (RECIPROCAL OF RXI_N.M.NZ) ", "Currency:_Per_NZD", "1", "USD", "RXI$US_N.M.NZ"),
    ("United Kingdom", "United Kingdom -- Spot Exchange Rate, US$/Pound Sterling Reciprocal of rxi_n.m.uk", "Currency:_Per_GBP", "0.00999999978", "USD", "RXI$US_N.M.UK"),
    ("Brazil", "BRAZIL -- SPOT EXCHANGE RATE, REAIS/US$ ", "Currency:_Per_USD", "1", "BRL", "RXI_N.M.BZ"),
    ("Canada", "CANADA -- SPOT EXCHANGE RATE, CANADIAN $/US$ ", "Currency:_Per_USD", "1", "CAD", "RXI_N.M.CA"),
    ("China", "CHINA -- SPOT EXCHANGE RATE, YUAN/US$ ", "Currency:_Per_USD", "1", "CNY", "RXI_N.M.CH"),
    ("Denmark", "DENMARK -- SPOT EXCHANGE RATE, KRONER/US$ ", "Currency:_Per_USD", "1", "DKK", "RXI_N.M.DN"),
    ("Hong Kong", "HONG KONG -- SPOT EXCHANGE RATE, HK$/US$ ", "Currency:_Per_USD", "1", "HKD", "RXI_N.M.HK"),
    ("India", "INDIA -- SPOT EXCHANGE RATE, RUPEES/US$", "Currency:_Per_USD", "1", "INR", "RXI_N.M.IN"),
    ("Japan", "JAPAN -- SPOT EXCHANGE RATE, YEA/US$ ", "Currency:_Per_USD", "1", "JPY", "RXI_N.M.JA"),
    ("South Korea", "KOREA -- SPOT EXCHANGE RATE, WON/US$ ", "Currency:_Per_USD", "1", "KRW", "RXI_N.M.KO"),
    ("Malaysia", "Malaysia - Spot Exchange Rate, Ringgit/US$ ", "Currency:_Per_USD", "1", "MYR", "RXI_N.M.MA"),
    ("Mexico", "MEXICO -- SPOT EXCHANGE RATE, PESOS/US$ ", "Currency:_Per_USD", "1", "MXN", "RXI_N.M.MX"),
    ("Norway", "NORWAY -- SPOT EXCHANGE RATE, KRONER/US$ ", "Currency:_Per_USD", "1", "NOK", "RXI_N.M.NO"),
    ("Sweden", "SWEDEN -- SPOT EXCHANGE RATE, KRONOR/US$ ", "Currency:_Per_USD", "1", "SEK", "RXI_N.M.SD"),
    ("South Africa", "SOUTH AFRICA -- SPOT EXCHANGE RATE, RAND/US$ ", "Currency:_Per_USD", "1", "ZAR", "RXI_N.M.SF"),
    ("Singapore", "Singapore - SPOT EXCHANGE RATE, SINGAPORE $/US$ ", "Currency:_Per_USD", "1", "SGD", "RXI_N.M.SI"),
    ("Sri Lanka", "SRI LANKA -- SPOT EXCHANGE RATE, RUPEES/US$ ", "Currency:_Per_USD", "1", "LKR", "RXI_N.M.SL"),
    ("Switzerland", "SWITZERLAND -- SPOT EXCHANGE RATE, FRANCS/US$ ", "Currency:_Per_USD", "1", "CHF", "RXI_N.M.SZ"),
    ("Taiwan", "TAIWAN -- SPOT EXCHANGE RATE, NT$/US$ ", "Currency:_Per_USD", "1", "TWD", "RXI_N.M.TA"),
    ("Thailand", "THAILAND -- SPOT EXCHANGE RATE -- THAILAND ", "Currency:_Per_USD", "1", "THB", "RXI_N.M.TH"),
    ("Venezuela", "VENEZUELA -- SPOT EXCHANGE RATE, BOLIVARES/US$ ", "Currency:_Per_USD", "1", "VEB", "RXI_N.M.VE"),
]  # fmt: skip

# The annual averages: the real file (README.md: estergutierrez/Proyecto-Grupo-A_-CA0305)
# holds the euro alone; the pound's and the rupee's columns follow the monthly file's
# header cells, with the annual identifiers.
ANNUAL = [
    ("Euro", "SPOT EXCHANGE RATE - EURO AREA ", "Currency:_Per_EUR", "1", "USD", "RXI$US_N.A.EU"),
    ("United Kingdom", "United Kingdom -- Spot Exchange Rate, US$/Pound Sterling Reciprocal of rxi_n.a.uk", "Currency:_Per_GBP", "0.00999999978", "USD", "RXI$US_N.A.UK"),
    ("India", "INDIA -- SPOT EXCHANGE RATE, RUPEES/US$", "Currency:_Per_USD", "1", "INR", "RXI_N.A.IN"),
]  # fmt: skip

FOUR = Decimal("0.0001")


def _rows(name: str) -> list[list[str]]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.split(",") for line in text.splitlines()[1:] if line]


def _as_fed(value: Decimal, reciprocal: bool) -> str:
    """A rate as the Fed prints it: 4 decimals, in its own direction."""
    shown = 1 / value if reciprocal else value
    return str(shown.quantize(FOUR, rounding=ROUND_HALF_EVEN))


def _ddp(
    columns: list[tuple[str, ...]], dates: Iterable[str], cell: Callable[[str, str], str]
) -> bytes:
    """A DDP CSV: quoted header rows, unquoted data rows, CRLF between lines, none at the end."""

    def quoted(first: str, cells: Iterable[str]) -> str:
        return ",".join(f'"{text}"' for text in (first, *cells))

    lines = [
        quoted("Series Description", (c[1] for c in columns)),
        quoted("Unit:", (c[2] for c in columns)),
        quoted("Multiplier:", (c[3] for c in columns)),
        quoted("Currency:", (c[4] for c in columns)),
        quoted("Unique Identifier: ", (f"H10/H10/{c[5]}" for c in columns)),
        quoted("Time Period", (c[5] for c in columns)),
    ]
    lines += [",".join([date, *(cell(c[0], date) for c in columns)]) for date in dates]
    return "\r\n".join(lines).encode("utf-8")


def samples() -> dict[str, bytes]:
    """Every sample's bytes, by file name."""
    cpi = {date[:7]: Decimal(index) for date, index, _ in _rows("us-cpi-u-monthly.csv")}
    monthly = {
        (date[:7], country): Decimal(rate) for date, country, rate in _rows("fx-usd-monthly.csv")
    }
    yearly = {
        (date[:4], country): Decimal(rate) for date, country, rate in _rows("fx-usd-yearly.csv")
    }
    pound = {date[:4]: Decimal(rate) for date, rate in _rows("fx-g5a-gbp-annual.csv")}
    out: dict[str, bytes] = {}

    # FRED's CSV as it serves it now: observation_date, three decimals, LF, a final newline.
    months = [month for month in cpi if "1913-01" <= month <= "2025-07"]
    lines = ["observation_date,CPIAUCNS"]
    lines += [f"{month}-01,{cpi[month]:.3f}" for month in months]
    out["fred-CPIAUCNS-observation_date.csv"] = ("\n".join(lines) + "\n").encode()

    # FRED's older CSV: DATE, one decimal before 2007 (BLS's precision then), three after.
    months = [month for month in cpi if "1947-01" <= month <= "2017-02"]
    lines = ["DATE,CPIAUCNS"]
    lines += [f"{m}-01,{cpi[m]:.{1 if m < '2007' else 3}f}" for m in months]
    out["fred-CPIAUCNS-DATE.csv"] = ("\n".join(lines) + "\n").encode()

    # FRED's AEXUSUK as it serves it now: the Fed's four decimals.
    lines = ["observation_date,AEXUSUK"]
    lines += [f"{year}-01-01,{rate:.4f}" for year, rate in pound.items()]
    out["fred-AEXUSUK-observation_date.csv"] = ("\n".join(lines) + "\n").encode()

    # The Fed's H.10 package of monthly averages, 2000-01 to 2020-05, as the real file.
    months = sorted({month for month, _ in monthly if "2000-01" <= month <= "2020-05"})

    def month_cell(country: str, month: str) -> str:
        value = monthly.get((month, country))
        reciprocal = country in ("Australia", "Euro", "New Zealand", "United Kingdom")
        return "ND" if value is None else _as_fed(value, reciprocal)

    out["fed-ddp-h10-monthly.csv"] = _ddp(H10, months, month_cell)

    # The annual averages, 1995 to 2019: the euro is blank before it existed (1999).
    def year_cell(country: str, year: str) -> str:
        if country == "United Kingdom":
            return str(pound[year].quantize(FOUR))
        value = yearly.get((year, country))
        return "" if value is None else _as_fed(value, country == "Euro")

    out["fed-ddp-h10-annual.csv"] = _ddp(ANNUAL, [str(y) for y in range(1995, 2020)], year_cell)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    check = parser.parse_args().check
    stale = []
    for name, content in samples().items():
        path = OUT / name
        if check:
            if not path.is_file() or path.read_bytes() != content:
                stale.append(name)
        else:
            path.write_bytes(content)
            print(f"wrote {path.relative_to(ROOT)} ({len(content):,} bytes)")
    if stale:
        print(f"stale: {', '.join(stale)}: run python tools/make_publisher_samples.py")
        sys.exit(1)


if __name__ == "__main__":
    main()
