"""Reading publishers' files for ``careerkit data update`` (``careerkit.data._formats``).

Each test writes a small file in the publisher's own layout (FRED's CSV, BLS's
padded tab-separated flat file, the World Bank's CSV with its byte-order mark
and preamble, its zip, a DataBank export) and checks known values from those
publishers; then one test per refusal, checking the message names the line and
what was found; then properties: what is written in a layout reads back equal,
and an exchange rate inverted twice comes back.
"""

from __future__ import annotations

import csv
import datetime
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Pay, data
from careerkit.data._checks import UNITS, checked_key, checked_value
from careerkit.data._files import _shipped_files
from careerkit.data._formats import FED_DDP, FRED_FX, LAYOUTS, MAX_BYTES, Parsed, read
from careerkit.data._gate import RefusedError
from careerkit.errors import DataFormatError, ValidationError
from careerkit.pay.provenance import ExchangeRateStep

FRED_FX_MONTHLY = (
    "Board of Governors of the Federal Reserve System, H.10 and G.5 releases, "
    "via FRED (Federal Reserve Bank of St. Louis)"
)
CPI_NAME = "Inflation, consumer prices (annual %)"
PPP_NAME = "PPP conversion factor, GDP (LCU per international $)"


def write(folder: Path, name: str, text: str, *, bom: bool = False) -> Path:
    path = folder / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def fred(columns: Mapping[str, Mapping[str, str]], date: str = "observation_date") -> str:
    """A FRED download: a date column and one column per series id, blank where a series has no row."""
    dates = sorted({day for values in columns.values() for day in values})
    lines = [",".join([date, *columns])]
    lines += [
        ",".join([day, *(values.get(day, "") for values in columns.values())]) for day in dates
    ]
    return "\n".join(lines) + "\n"


def world_bank(
    indicator: str,
    name: str,
    rows: Mapping[tuple[str, str], Mapping[int, str]],
    *,
    years: range = range(1960, 2025),
    updated: str = "2025-07-01",
) -> str:
    """An ``API_..._DS2_en_csv_v2_<n>.csv``: preamble, quoted cells, a comma ending every line."""

    def line(cells: list[str]) -> str:
        return ",".join(f'"{cell}"' for cell in cells) + ","

    text = [
        line(["Data Source", "World Development Indicators"]),
        "",
        line(["Last Updated Date", updated]),
        "",
        line(
            ["Country Name", "Country Code", "Indicator Name", "Indicator Code", *map(str, years)]
        ),
    ]
    for (country, code), values in rows.items():
        text.append(line([country, code, name, indicator, *(values.get(y, "") for y in years)]))
    return "\n".join(text) + "\n"


def bls_row(series: str, year: int, period: str, value: str) -> str:
    """A row of a BLS time-series flat file, padded as BLS pads them."""
    return f"{series:<30}\t{year}\t{period}\t{value:>12}\t"


BLS_HEADER = f"{'series_id':<30}\tyear\tperiod\t{'value':>12}\tfootnote_codes"


def refused(kind: str, path: Path) -> str:
    with pytest.raises(DataFormatError) as caught:
        read(kind, path)
    return str(caught.value)


# --- known values, one test per layout --------------------------------------------------------

CPI_ROWS = {
    "2008-04-01": "214.823",
    "2008-05-01": "216.632",
    "2008-06-01": "218.815",
    "2025-09-01": "324.800",
    "2025-11-01": "324.122",
}


@pytest.mark.parametrize(("date", "no_value"), [("observation_date", ""), ("DATE", ".")])
def test_fred_cpi(tmp_path: Path, date: str, no_value: str) -> None:
    rows = CPI_ROWS | {"2025-10-01": no_value}  # BLS collected no prices in October 2025
    parsed = read("cpi", write(tmp_path, "CPIAUCNS.csv", fred({"CPIAUCNS": rows}, date)))
    assert parsed.values["US"][(2008, 5)] == Decimal("216.632")
    assert str(parsed.values["US"][(2025, 9)]) == "324.800"  # as printed
    assert (2025, 10) not in parsed.values["US"]
    assert parsed.missing == {"US": ((2025, 10),)}
    assert list(parsed.values["US"]) == sorted(parsed.values["US"])
    assert (parsed.kind, parsed.format, parsed.series, parsed.published) == (
        "cpi",
        "FRED CSV",
        ("CPIAUCNS",),
        None,
    )
    assert parsed.publisher == (
        "U.S. Bureau of Labor Statistics, via FRED (Federal Reserve Bank of St. Louis)"
    )


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_bls_flat_file(tmp_path: Path, newline: str) -> None:
    lines = [
        BLS_HEADER,
        # (the values of rows that are not read are placeholders)
        bls_row("CUSR0000SA0", 2008, "M05", "215.208"),  # seasonally adjusted: not read
        bls_row("CUUR0000SA0", 2008, "M04", "214.823"),
        bls_row("CUUR0000SA0", 2008, "M05", "216.632"),
        bls_row("CUUR0000SA0", 2008, "M13", "215.303"),  # the annual average: not a month
        bls_row("CUUR0000SA0", 2008, "S01", "214.429"),  # a half-year average
        bls_row("CUUR0000SA0", 2025, "M09", "324.800"),
        bls_row("CUUR0000SA0", 2025, "M10", "-"),
        bls_row("CUUR0000SA0", 2025, "M11", "324.122"),
        bls_row("CUUR0000SAA", 2008, "M05", "121.476"),
    ]
    parsed = read("cpi", write(tmp_path, "cu.data.0.Current", newline.join(lines) + newline))
    assert dict(parsed.values["US"]) == {
        (2008, 4): Decimal("214.823"),
        (2008, 5): Decimal("216.632"),
        (2025, 9): Decimal("324.800"),
        (2025, 11): Decimal("324.122"),
    }
    assert parsed.missing == {"US": ((2025, 10),)}
    assert (parsed.format, parsed.series) == ("BLS time-series flat file", ("CUUR0000SA0",))
    assert parsed.publisher == "U.S. Bureau of Labor Statistics"


def test_fred_monthly_rates_side_by_side(tmp_path: Path) -> None:
    # Rows of a FRED download of three series; the euro starts in January 1999.
    text = (
        "observation_date,EXJPUS,EXUSEU,EXUSUK\n"
        "1998-12-01,117.0709,,1.6708\n"
        "1999-01-01,113.2900,1.1591,1.6498\n"
    )
    parsed = read("fx-monthly", write(tmp_path, "fredgraph.csv", text))
    assert str(parsed.values["JPY"][(1999, 1)]) == "113.2900"
    # The Fed quotes EUR and GBP in US dollars per unit: careerkit keeps units per dollar.
    assert str(parsed.values["EUR"][(1999, 1)]) == "0.8627383314640669484945216116"
    assert str(parsed.values["GBP"][(1998, 12)]) == "0.5985156811108451041417285133"
    assert list(parsed.values["EUR"]) == [(1999, 1)]
    assert parsed.missing == {}  # a blank before a series starts is not a gap
    assert parsed.series == ("EXJPUS", "EXUSEU", "EXUSUK")
    assert (parsed.format, parsed.publisher) == ("FRED CSV", FRED_FX_MONTHLY)


def test_rates_in_dollars_per_unit_are_inverted_to_28_digits(tmp_path: Path) -> None:
    text = fred({"EXINUS": {"2008-05-01": "42.0019"}, "EXUSUK": {"2008-05-01": "1.9754"}})
    parsed = read("fx-monthly", write(tmp_path, "fredgraph.csv", text))
    assert parsed.values["INR"][(2008, 5)] == Decimal("42.0019")
    assert str(parsed.values["GBP"][(2008, 5)]) == "0.5062265870203503087982180824"


def test_fred_annual_rates(tmp_path: Path) -> None:
    text = fred({"AEXINUS": {"2007-01-01": "41.1774", "2008-01-01": "43.3859"}})
    parsed = read("fx-annual", write(tmp_path, "AEXINUS.csv", text))
    assert dict(parsed.values["INR"]) == {2007: Decimal("41.1774"), 2008: Decimal("43.3859")}
    assert parsed.publisher == (
        "Board of Governors of the Federal Reserve System, G.5A release, "
        "via FRED (Federal Reserve Bank of St. Louis)"
    )
    euro = read("fx-annual", write(tmp_path, "AEXUSEU.csv", fred({"AEXUSEU": {"2008-01-01": "2"}})))
    assert euro.values == {"EUR": {2008: Decimal("0.5")}}


def test_world_bank_csv(tmp_path: Path) -> None:
    text = world_bank(
        "FP.CPI.TOTL.ZG",
        CPI_NAME,
        {
            ("Euro area", "EMU"): {2022: "8.47117645590892", 2023: "5.78431554960862"},
            ("United States", "USA"): {
                2007: "2.85267248150138",
                2008: "3.83910029665101",
                2009: "-0.355546266299747",
            },
            ("World", "WLD"): {2023: "5.6"},  # WLD's and ARG's figures: placeholders
            ("Argentina", "ARG"): {2013: "10.6", 2014: "", 2017: "25.7"},
        },
    )
    parsed = read(
        "inflation", write(tmp_path, "API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_1.csv", text, bom=True)
    )
    assert parsed.values["USA"][2008] == Decimal("3.83910029665101")
    assert parsed.values["USA"][2009] == Decimal("-0.355546266299747")
    assert max(parsed.values["EMU"]) == 2023  # no figure for 2024 yet: not a gap
    assert "WLD" in parsed.values  # aggregates are kept for inflation
    assert parsed.missing == {"ARG": (2014, 2015, 2016)}  # 1960 to 2012: before ARG's span
    assert parsed.published == "2025-07-01"
    assert (parsed.format, parsed.series) == ("World Bank WDI CSV", ("FP.CPI.TOTL.ZG",))
    assert parsed.publisher == "World Bank, World Development Indicators"


def test_ppp_keys_are_alpha_2(tmp_path: Path) -> None:
    text = world_bank(
        "PA.NUS.PPP",
        PPP_NAME,
        {
            ("India", "IND"): {2007: "11.7278022153113", 2008: "12.5639813417245"},
            ("Kosovo", "XKX"): {2023: "0.364000331281343", 2024: "0.363398029446885"},
            ("World", "WLD"): {2024: "1"},
            ("Euro area", "EMU"): {2024: "0.7"},
            ("European Union", "EUU"): {2024: "0.7"},
        },
    )
    parsed = read("ppp", write(tmp_path, "API_PA.NUS.PPP_DS2_en_csv_v2_9.csv", text, bom=True))
    assert set(parsed.values) == {"IN", "XK"}
    assert parsed.values["IN"][2008] == Decimal("12.5639813417245")
    assert parsed.publisher == (
        "World Bank, International Comparison Program (World Development Indicators)"
    )


def test_world_bank_zip(tmp_path: Path) -> None:
    name = "API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_1234"
    text = world_bank(
        "FP.CPI.TOTL.ZG", CPI_NAME, {("United States", "USA"): {2008: "3.83910029665101"}}
    )
    path = tmp_path / f"{name}.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"Metadata_Indicator_{name}.csv", '"INDICATOR_CODE","INDICATOR_NAME"\n')
        archive.writestr(f"{name}.csv", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
        archive.writestr(f"Metadata_Country_{name}.csv", '"Country Code","Region"\n')
    parsed = read("inflation", path)
    assert parsed.values == {"USA": {2008: Decimal("3.83910029665101")}}
    assert (parsed.format, parsed.published) == ("World Bank WDI zip", "2025-07-01")


@pytest.mark.parametrize(
    "columns",
    [
        ("Country Name", "Country Code", "Series Name", "Series Code"),
        ("Series Name", "Series Code", "Country Name", "Country Code"),
    ],
)
def test_databank_export(tmp_path: Path, columns: tuple[str, ...]) -> None:
    def row(country: str, code: str, series: str, name: str, *values: str) -> str:
        cells = {"Country Name": country, "Country Code": code, "Series Name": f'"{name}"'}
        cells["Series Code"] = series
        return ",".join([*(cells[column] for column in columns), *values])

    lines = [
        ",".join([*columns, "2007 [YR2007]", "2008 [YR2008]", "2009 [YR2009]"]),
        row(
            "United States", "USA", "FP.CPI.TOTL.ZG", CPI_NAME, "2.85", "3.83910029665101", "-0.36"
        ),
        row("India", "IND", "FP.CPI.TOTL.ZG", CPI_NAME, "6.4", "..", "10.9"),
        row("India", "IND", "FP.CPI.TOTL", "Consumer price index (2010 = 100)", "..", "..", "92"),
        ",,,,,,",
        ",,,,,,",
        "Data from database: World Development Indicators,,,,,,",
        "Last Updated: 07/01/2025,,,,,,",
    ]
    parsed = read("inflation", write(tmp_path, "Data.csv", "\n".join(lines) + "\n", bom=True))
    assert parsed.values["USA"][2008] == Decimal("3.83910029665101")
    assert dict(parsed.values["IND"]) == {2007: Decimal("6.4"), 2009: Decimal("10.9")}
    assert parsed.missing == {"IND": (2008,)}
    assert (parsed.format, parsed.published) == ("World Bank DataBank CSV", "2025-07-01")


def test_snapshot_layouts(tmp_path: Path) -> None:
    fx = "Date,Country,Exchange rate\n2008-05-01,India,42.0019\n2008-05-01,Venezuela,2.1473\n"
    parsed = read("fx-monthly", write(tmp_path, "fx.csv", fx))
    assert parsed.values == {"INR": {(2008, 5): Decimal("42.0019")}}  # Venezuela: skipped
    assert parsed.publisher == (
        "Board of Governors of the Federal Reserve System, H.10 and G.5 releases "
        "(datahub 'core' data package)"
    )
    ppp = 'Country,Country ID,Year,PPP\n"India",IN,2008,12.56\n"India",IN,2007,11.72\n'
    assert list(read("ppp", write(tmp_path, "ppp.csv", ppp)).values["IN"]) == [2007, 2008]
    cpi = read("cpi", write(tmp_path, "cpi.csv", "Date,Index,Inflation\n2008-05-01,216.632,0.84\n"))
    assert (cpi.format, cpi.publisher) == (
        "careerkit snapshot",
        "U.S. Bureau of Labor Statistics (datahub 'core' data package)",
    )


@pytest.mark.parametrize("kind", list(LAYOUTS))
def test_shipped_snapshots_read_as_the_loader_reads_them(kind: str, tmp_path: Path) -> None:
    # Every shipped file of the kind (fx-annual: the snapshot, and the pound's G.5A file)
    files = [file.name for file in _shipped_files(kind)]
    read_ = {}
    for name in files:
        read_.update(read(kind, Path(data.__file__).with_name(name)).values)
    with data.use(tmp_path):  # an empty folder: the shipped snapshot alone
        in_use = data.values(kind)
        assert {key: dict(values) for key, values in read_.items()} == {
            key: dict(in_use[key]) for key in in_use
        }


def test_the_fred_ids_cover_the_currencies_careerkit_uses() -> None:
    assert set(FRED_FX.values()) == set(data.FX_SERIES.values())
    # FRED names a series quoted in US dollars per unit EXUS..: those careerkit inverts.
    assert {code for id, code in FRED_FX.items() if id.startswith("EXUS")} == data.FED_USD_PER_UNIT
    assert set(UNITS) == set(LAYOUTS)


# --- refusals ---------------------------------------------------------------------------------


def test_unknown_kind(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        read("oews", write(tmp_path, "x.csv", "observation_date,CPIAUCNS\n"))
    assert caught.value.field == "kind" and not isinstance(caught.value, DataFormatError)
    assert "'oews'" in str(caught.value) and "fx-monthly" in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "nope.csv' does not exist" in refused("cpi", tmp_path / "nope.csv")
    assert "is not a regular file" in refused("cpi", tmp_path)


def test_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "CPIAUCNS.csv"
    with path.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: nothing is written, and nothing must be read
    message = refused("cpi", path)  # refused by its size, before it is read:
    assert f"CPIAUCNS.csv: a file of {MAX_BYTES + 1:,} bytes, larger than the 256 MiB" in message


def test_zip_member_too_large(tmp_path: Path) -> None:
    path = tmp_path / "API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_1.zip"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_1.csv", "w", force_zip64=True) as member,
    ):
        for _ in range(257):
            member.write(bytes(1 << 20))
    assert path.stat().st_size < 2 << 20  # a zip bomb: small, but 257 MiB inside
    message = refused("inflation", path)
    assert "member API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_1.csv" in message
    assert f"{257 << 20:,} bytes uncompressed, larger than the 256 MiB" in message


def test_zip_without_the_data(tmp_path: Path) -> None:
    path = tmp_path / "download.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Metadata_Country_API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_1.csv", "x\n")
    assert "found 0 among: 'Metadata_Country_API" in refused("inflation", path)
    assert "zips only as World Bank downloads" in refused("cpi", path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "cpi.csv"
    path.write_bytes(b"observation_date,CPIAUCNS\n2008-05-01,216.632\n2008-06-01,\xe9\n")
    assert "cpi.csv, line 3: not UTF-8" in refused("cpi", path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("observation_date,CPIAUCNS\n", "no values"),
        ("observation_date,CPIAUCNS\n2025-10-01,.\n", "no values"),
        ("when,what\n2008-05-01,216.632\n", "line 1: not a layout careerkit knows"),
    ],
)
def test_nothing_to_read(tmp_path: Path, text: str, expected: str) -> None:
    message = refused("cpi", write(tmp_path, "cpi.csv", text))
    assert expected in message
    if "layout" in message:  # the layouts accepted are listed
        assert "FRED CSV (observation_date,CPIAUCNS" in message
        assert "BLS time-series flat file" in message and "Date,Index,Inflation" in message


def test_seasonally_adjusted_cpi(tmp_path: Path) -> None:
    path = write(tmp_path, "CPIAUCSL.csv", fred({"CPIAUCSL": {"2008-05-01": "215.208"}}))
    message = refused("cpi", path)
    assert "line 1: CPIAUCSL is the seasonally adjusted" in message
    assert "CPIAUCNS, not seasonally adjusted" in message and "CUUR0000SA0" in message
    # the page of the series careerkit uses (FRED's CPIAUCNS; there is no CPIAUCNSA)
    assert message.endswith("https://fred.stlouisfed.org/series/CPIAUCNS")


def test_the_misnamed_series_says_what_it_is_called(tmp_path: Path) -> None:
    # Earlier careerkit documents named FRED's series CPIAUCNSA: a file so headed is refused,
    # naming the series FRED has.
    path = write(tmp_path, "x.csv", fred({"CPIAUCNSA": {"2008-05-01": "216.632"}}))
    message = refused("cpi", path)
    assert "line 1: 'CPIAUCNSA' is not a FRED series" in message
    assert "is CPIAUCNS: https://fred.stlouisfed.org/series/CPIAUCNS" in message


@pytest.mark.parametrize(
    ("kind", "column", "expected"),
    [
        ("fx-monthly", "EXVZUS", "'EXVZUS' is not a series careerkit reads as fx-monthly"),
        ("fx-monthly", "DEXINUS", "the daily rate (H.10); careerkit uses the Fed's monthly"),
        ("fx-monthly", "AEXINUS", "annual average (G.5A): give the file as fx-annual"),
        ("fx-annual", "EXINUS", "monthly average (H.10/G.5): give the file as fx-monthly"),
        ("fx-annual", "DEXINUS", "annual averages (AEXINUS)"),
        ("cpi", "EXINUS", "give the file as fx-monthly; expected CPIAUCNS (US)"),
    ],
)
def test_fred_series_of_another_kind(tmp_path: Path, kind: str, column: str, expected: str) -> None:
    message = refused(kind, write(tmp_path, "f.csv", fred({column: {"2008-01-01": "42"}})))
    assert "f.csv, line 1: " in message and expected in message
    if kind == "fx-monthly":
        assert "EXINUS (INR)" in message and "EXUSUK (GBP)" in message


def test_layout_of_another_kind(tmp_path: Path) -> None:
    path = write(tmp_path, "f.csv", fred({"CPIAUCNS": {"2008-05-01": "216.632"}}))
    message = refused("inflation", path)
    assert "a FRED CSV, which careerkit reads as cpi, fx-monthly, fx-annual" in message
    assert "World Bank DataBank CSV" in message
    snapshot = write(tmp_path, "s.csv", "Date,Country,Value\n2008-01-01,India,43.3859\n")
    assert "a careerkit snapshot of fx-annual" in refused("fx-monthly", snapshot)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2008-05-15", "date '2008-05-15'; expected YYYY-MM-01, the first of the month"),
        ("2008-13-01", "date '2008-13-01'; expected a date"),
        ("May 2008", "date 'May 2008'"),
        ("1899-12-01", "US 1899-12: a date before 1900"),
    ],
)
def test_bad_dates(tmp_path: Path, day: str, expected: str) -> None:
    text = f"observation_date,CPIAUCNS\n2008-04-01,214.823\n{day},216.632\n"
    message = refused("cpi", write(tmp_path, "cpi.csv", text))
    assert "cpi.csv, line 3: " in message and expected in message


def test_future_dates(tmp_path: Path) -> None:
    today = datetime.date.today()
    text = fred({"AEXINUS": {f"{today.year - 1}-01-01": "88", f"{today.year + 1}-01-01": "90"}})
    assert f"line 3: INR {today.year + 1}: a date after today" in refused(
        "fx-annual", write(tmp_path, "f.csv", text)
    )
    this_month, next_month = today.replace(day=1), (today.replace(day=28) + datetime.timedelta(7))
    text = fred({"CPIAUCNS": {str(this_month): "330", str(next_month.replace(day=1)): "331"}})
    assert f"line 3: US {next_month:%Y-%m}: a date after today" in refused(
        "cpi", write(tmp_path, "c.csv", text)
    )


def test_dates_out_of_order_or_twice(tmp_path: Path) -> None:
    backwards = "observation_date,CPIAUCNS\n2008-05-01,216.632\n2008-04-01,214.823\n"
    assert "line 3: US 2008-04 comes after 2008-05 (line 2)" in refused(
        "cpi", write(tmp_path, "a.csv", backwards)
    )
    lines = [BLS_HEADER, *[bls_row("CUUR0000SA0", 2008, "M05", "216.632")] * 2]
    message = refused("cpi", write(tmp_path, "cu.data.1.AllItems", "\n".join(lines) + "\n"))
    assert "line 3: US 2008-05 is given twice, on lines 2 and 3" in message


SYNTAX = "expected a number written as digits with a decimal point, such as 216.632"
RANGE = "expected a number of at most 10^12 and, unless 0, at least 10^-12"


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("cpi", "nan", f"found 'nan'; {SYNTAX}, or '.' or an empty field for no value"),
        ("cpi", "inf", f"found 'inf'; {SYNTAX}"),
        ("cpi", "2l6.632", f"found '2l6.632'; {SYNTAX}"),
        ("cpi", "1e999", f"found '1e999'; {RANGE}"),
        ("cpi", "1000000000001", RANGE),
        ("cpi", "0", "found '0'; expected a positive number (index points, 1982-84 = 100)"),
        ("cpi", "-216.632", "expected a positive number"),
        ("fx-monthly", "0.0000000000001", RANGE),  # its inverse would be 10^13
    ],
)
def test_bad_values(tmp_path: Path, kind: str, value: str, expected: str) -> None:
    column = "CPIAUCNS" if kind == "cpi" else "EXUSUK"
    text = fred({column: {"2008-04-01": "1.5", "2008-05-01": value}})
    message = refused(kind, write(tmp_path, "f.csv", text))
    assert f"f.csv, line 3, column '{column}': " in message and expected in message


def test_inflation_rates_above_minus_100(tmp_path: Path) -> None:
    rows = {("Zimbabwe", "ZWE"): {2008: "-99.9"}}
    text = world_bank("FP.CPI.TOTL.ZG", CPI_NAME, rows)
    assert read("inflation", write(tmp_path, "ok.csv", text)).values["ZWE"][2008] == Decimal(
        "-99.9"
    )
    text = text.replace('"-99.9"', '"-100"')
    assert "line 6, column '2008': ZWE 2008: found '-100'; expected a rate above -100" in refused(
        "inflation", write(tmp_path, "bad.csv", text)
    )


def test_world_bank_file_of_another_indicator(tmp_path: Path) -> None:
    rows = {("India", "IND"): {2008: "12.56"}}
    text = world_bank("PA.NUS.PPP", PPP_NAME, rows)
    message = refused("inflation", write(tmp_path, "API_PA.NUS.PPP.csv", text))
    assert "line 6: indicator 'PA.NUS.PPP'; careerkit reads inflation from Inflation" in message
    assert "(FP.CPI.TOTL.ZG)" in message


def test_world_bank_bad_header_and_codes(tmp_path: Path) -> None:
    text = world_bank(
        "FP.CPI.TOTL.ZG", CPI_NAME, {("India", "IND"): {2008: "8.3"}}, years=range(2007, 2010)
    )
    bad_year = text.replace('"2008"', '"FY2008"')
    assert "line 5: column 'FY2008'; expected a year, as 2024" in refused(
        "inflation", write(tmp_path, "a.csv", bad_year)
    )
    bad_code = text.replace('"IND"', '"India"')
    assert "line 6, column 'Country Code': found 'India'; expected a World Bank" in refused(
        "inflation", write(tmp_path, "b.csv", bad_code)
    )


def test_databank_without_the_series(tmp_path: Path) -> None:
    lines = [
        "Country Name,Country Code,Series Name,Series Code,2008 [YR2008]",
        "India,IND,Consumer price index (2010 = 100),FP.CPI.TOTL,66.1",
        "",
        "Last Updated: 07/01/2025",
    ]
    message = refused("inflation", write(tmp_path, "Data.csv", "\n".join(lines)))
    assert "no rows of series FP.CPI.TOTL.ZG" in message and "FP.CPI.TOTL\n" not in message
    assert message.endswith("(FP.CPI.TOTL.ZG); this file has FP.CPI.TOTL")


def test_bls_file_without_cpi_u(tmp_path: Path) -> None:
    lines = [BLS_HEADER, bls_row("CUSR0000SA0", 2008, "M05", "215.208")]
    message = refused("cpi", write(tmp_path, "cu.data.2.Summaries", "\n".join(lines)))
    assert "no rows of series CUUR0000SA0" in message and "include: CUSR0000SA0" in message


def test_rows_of_the_wrong_width(tmp_path: Path) -> None:
    text = "observation_date,CPIAUCNS\n2008-05-01,216.632,1\n"
    assert "line 2: 3 fields" in refused("cpi", write(tmp_path, "a.csv", text))
    text = "Date,Country,Value\n2008-01-01,India\n"
    assert "line 2: 2 fields" in refused("fx-annual", write(tmp_path, "b.csv", text))


# --- properties ---------------------------------------------------------------------------------

MONTHS = st.tuples(st.integers(1900, 2024), st.integers(1, 12))
VALUES = st.decimals(
    min_value=Decimal("0.0001"), max_value=Decimal("1e9"), places=4, allow_nan=False
)


@st.composite
def fred_tables(draw: st.DrawFn) -> tuple[list[tuple[int, int]], dict[str, list[Decimal | str]]]:
    """Rows of months, and for each of a few series a cell per row: a rate, ``.`` or blank."""
    months = sorted(draw(st.lists(MONTHS, min_size=1, max_size=30, unique=True)))
    ids = draw(st.lists(st.sampled_from(UNITS_PER_DOLLAR), min_size=1, max_size=4, unique=True))
    cell = VALUES | st.sampled_from([".", ""])
    return months, {
        id: draw(st.lists(cell, min_size=len(months), max_size=len(months))) for id in ids
    }


UNITS_PER_DOLLAR = sorted(id for id in FRED_FX if not id.startswith("EXUS"))


@given(fred_tables())
def test_fred_files_read_back(
    tmp_path_factory: pytest.TempPathFactory,
    table: tuple[list[tuple[int, int]], dict[str, list[Decimal | str]]],
) -> None:
    months, columns = table
    lines = ["observation_date," + ",".join(columns)]
    for row, (year, month) in enumerate(months):
        lines.append(f"{year}-{month:02d}-01," + ",".join(str(c[row]) for c in columns.values()))
    path = write(tmp_path_factory.mktemp("fred"), "fredgraph.csv", "\n".join(lines) + "\n")
    if not any(isinstance(cell, Decimal) for cells in columns.values() for cell in cells):
        with pytest.raises(DataFormatError, match="no values"):
            read("fx-monthly", path)
        return
    parsed = read("fx-monthly", path)
    for id, cells in columns.items():
        rates = {m: str(c) for m, c in zip(months, cells, strict=True) if isinstance(c, Decimal)}
        code = FRED_FX[id]
        assert {m: str(v) for m, v in parsed.values.get(code, {}).items()} == rates
        gaps = [m for m, c in zip(months, cells, strict=True) if not isinstance(c, Decimal)]
        inside = tuple(m for m in gaps if rates and min(rates) < m < max(rates))
        assert parsed.missing.get(code, ()) == inside


RATES = st.decimals(min_value=Decimal("-99.9999"), max_value=Decimal("1e6"), places=4)


@given(
    st.dictionaries(
        st.sampled_from(["USA", "EMU", "WLD", "IND", "ZWE", "XKX", "ARG"]),
        st.dictionaries(st.integers(1960, 2024), RATES),
        min_size=1,
    )
)
def test_world_bank_files_read_back(
    tmp_path_factory: pytest.TempPathFactory, rows: dict[str, dict[int, Decimal]]
) -> None:
    cells = {
        (code, code): {year: str(v) for year, v in values.items()} for code, values in rows.items()
    }
    path = write(
        tmp_path_factory.mktemp("wb"),
        "API.csv",
        world_bank("FP.CPI.TOTL.ZG", CPI_NAME, cells),
        bom=True,
    )
    if not any(rows.values()):
        with pytest.raises(DataFormatError, match="no values"):
            read("inflation", path)
        return
    parsed = read("inflation", path)
    assert {code: dict(values) for code, values in parsed.values.items()} == {
        code: dict(sorted(values.items())) for code, values in rows.items() if values
    }
    for code, values in rows.items():
        span = range(min(values) + 1, max(values)) if values else range(0)
        assert parsed.missing.get(code, ()) == tuple(y for y in span if y not in values)


@given(VALUES)
def test_inverting_twice_gives_the_rate_back(
    tmp_path_factory: pytest.TempPathFactory, rate: Decimal
) -> None:
    folder = tmp_path_factory.mktemp("inverse")

    def inverted(value: Decimal) -> Decimal:
        path = write(folder, "EXUSUK.csv", fred({"EXUSUK": {"2008-05-01": str(value)}}))
        parsed: Parsed = read("fx-monthly", path)
        return parsed.values["GBP"][(2008, 5)]

    once = inverted(rate)
    assert once * rate != 0 and abs(once * rate - 1) <= Decimal("1e-27")
    assert abs(inverted(once) - rate) / rate <= Decimal("1e-20")


# --- the publishers' real layouts (tests/data/publishers/README.md) --------------------------

PUBLISHERS = Path(__file__).parent / "data" / "publishers"
POUND_FILE = Path(data.__file__).with_name(data.POUND_G5A.file)  # FRED's AEXUSUK, verbatim
DDP_FORMAT = "Federal Reserve Data Download Program CSV"


def inverse(text: str) -> Decimal:
    """A rate in US dollars per unit as careerkit keeps it: units per dollar, 28 digits."""
    with localcontext(Context(prec=28, rounding=ROUND_HALF_EVEN)):
        return 1 / Decimal(text)


def test_the_samples_are_made_from_the_shipped_data() -> None:
    # tools/make_publisher_samples.py makes each sample from the shipped snapshots: the
    # files here are what it makes today (else the snapshot changed; run the script).
    tool = Path(__file__).parent.parent / "tools" / "make_publisher_samples.py"
    spec = importlib.util.spec_from_file_location("make_publisher_samples", tool)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made = module.samples()
    assert sorted(made) == sorted(p.name for p in PUBLISHERS.iterdir() if p.suffix == ".csv")
    for name, content in made.items():
        assert (PUBLISHERS / name).read_bytes() == content, name


@pytest.mark.parametrize(
    ("name", "first", "printed"),
    [
        ("fred-CPIAUCNS-observation_date.csv", (1913, 1), "9.800"),  # FRED now: 3 decimals
        ("fred-CPIAUCNS-DATE.csv", (1947, 1), "21.5"),  # FRED's older files: 1 before 2007
    ],
)
def test_fred_cpiaucns_in_both_header_styles(
    name: str, first: tuple[int, int], printed: str
) -> None:
    parsed = read("cpi", PUBLISHERS / name)
    values = parsed.values["US"]
    assert (parsed.format, parsed.series, parsed.missing) == ("FRED CSV", ("CPIAUCNS",), {})
    assert next(iter(values)) == first and str(values[first]) == printed
    assert values[(2008, 5)] == Decimal("216.632")
    assert all(value == data.us_cpi()[month] for month, value in values.items())


def test_a_fred_cpiaucns_file_ending_2025_07_installs_with_no_revisions(
    data_folder: Path, tmp_path: Path
) -> None:
    wage = Pay("14.36", "USD", "hour", when="2008-05")
    before = wage.in_prices_of("2025-07")
    path = tmp_path / "CPIAUCNS.csv"
    shutil.copyfile(PUBLISHERS / "fred-CPIAUCNS-observation_date.csv", path)
    installed = data.update("cpi", path)
    assert (installed.revisions, installed.new, installed.points) == ((), 0, 1351)
    assert installed.span == "1913-01 to 2025-07" and installed.files[0].format == "FRED CSV"
    after = wage.in_prices_of("2025-07")
    assert after.exact == before.exact and after.rounded() == before.rounded()
    assert data.source_of("cpi", "US", (2025, 7)).name == "CPIAUCNS.csv"
    assert "CPIAUCNS.csv" in [file.name for file in after.provenance[-1].data]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "source",
    [POUND_FILE, PUBLISHERS / "fred-AEXUSUK-observation_date.csv"],
    ids=["DATE", "observation_date"],
)
def test_fred_aexusuk_files_install_with_no_revisions(
    data_folder: Path, tmp_path: Path, source: Path
) -> None:
    parsed = read("fx-annual", source)
    assert parsed.series == ("AEXUSUK",) and list(parsed.values) == ["GBP"]
    assert parsed.values["GBP"][2008] == inverse("1.8545") == data.fx_yearly()["GBP"][2008]
    path = tmp_path / "AEXUSUK.csv"
    shutil.copyfile(source, path)
    installed = data.update("fx-annual", path)
    assert (installed.revisions, installed.new, installed.points) == ((), 0, 49)
    assert data.source_of("fx-annual", "GBP", 2008).name == "AEXUSUK.csv"
    assert Pay(100, "GBP", "year", when="2008").to_currency("USD").rounded() == Decimal("185.45")


def test_the_feds_h10_package_of_monthly_averages() -> None:
    parsed = read("fx-monthly", PUBLISHERS / "fed-ddp-h10-monthly.csv")
    assert parsed.format == DDP_FORMAT
    assert parsed.publisher == (
        "Board of Governors of the Federal Reserve System, H.10 and G.5 releases "
        "(Data Download Program)"
    )
    # Venezuela's column is skipped, as careerkit leaves that series out; the 22 others read
    assert set(parsed.values) == set(data.FX_SERIES.values())
    assert len(parsed.series) == 22 and "H10/H10/RXI_N.M.VE" not in parsed.series
    assert parsed.values["INR"][(2008, 5)] == Decimal("42.0019")
    assert str(parsed.values["JPY"][(2000, 1)]) == "105.2960"  # as printed
    # The pound: US dollars per pound, whatever its multiplier (0.00999999978) says
    assert parsed.values["GBP"][(2000, 1)] == inverse("1.6404")
    assert parsed.values["EUR"][(2000, 1)] == inverse("1.0131")
    assert [min(series) for series in parsed.values.values()] == [(2000, 1)] * 22
    assert parsed.missing == {}


def test_the_ddp_mapping_is_the_feds(tmp_path: Path) -> None:
    # The Fed's own header rows name each identifier's currency: the sample keeps the real
    # file's header cells, so FED_DDP agrees with the Fed's "Currency:" and "Unit:" rows.
    lines = (PUBLISHERS / "fed-ddp-h10-monthly.csv").read_bytes().decode().split("\r\n")
    header = {row[0].strip(): row[1:] for row in csv.reader(lines[:6])}
    for identifier, unit, currency in zip(
        header["Unique Identifier:"], header["Unit:"], header["Currency:"], strict=True
    ):
        country = identifier.rsplit(".", 1)[1]
        if country == "VE":
            continue
        code = FED_DDP[country]
        reciprocal = "RXI$US_" in identifier
        assert (reciprocal, currency, unit) == (
            code in data.FED_USD_PER_UNIT,
            "USD" if reciprocal else code,
            f"Currency:_Per_{code if reciprocal else 'USD'}",
        ), identifier
    assert set(FED_DDP.values()) == set(data.FX_SERIES.values())


def test_the_feds_annual_averages() -> None:
    parsed = read("fx-annual", PUBLISHERS / "fed-ddp-h10-annual.csv")
    assert parsed.format == DDP_FORMAT
    assert parsed.series == ("H10/H10/RXI$US_N.A.EU", "H10/H10/RXI$US_N.A.UK", "H10/H10/RXI_N.A.IN")
    assert min(parsed.values["EUR"]) == 1999  # blank before the euro: not a gap
    assert parsed.missing == {}
    assert parsed.values["INR"][2008] == Decimal("43.3859")
    shipped = data.fx_yearly()["GBP"]
    assert dict(parsed.values["GBP"]) == {year: shipped[year] for year in range(1995, 2020)}


@pytest.mark.parametrize(
    ("kind", "name"),
    [("fx-monthly", "fed-ddp-h10-monthly.csv"), ("fx-annual", "fed-ddp-h10-annual.csv")],
)
def test_the_feds_files_install_with_no_revisions(
    data_folder: Path, tmp_path: Path, kind: str, name: str
) -> None:
    path = tmp_path / "FRB_H10.csv"
    shutil.copyfile(PUBLISHERS / name, path)
    installed = data.update(kind, path)
    assert (installed.revisions, installed.new) == ((), 0)
    assert installed.files[0].format == DDP_FORMAT
    pay = Pay(1, "USD", "year", when="2008-05" if kind == "fx-monthly" else "2008")
    assert pay.to_currency("INR").amount == Decimal(
        "42.0019" if kind == "fx-monthly" else "43.3859"
    )


# --- the Data Download Program's layout: what it refuses -------------------------------------


def ddp(
    columns: Mapping[str, tuple[str, str, str]],
    rows: Mapping[str, list[str]],
    *,
    skip: tuple[str, ...] = (),
) -> str:
    """A DDP CSV: ``{identifier: (unit, multiplier, currency)}``, ``{date: cells}``; CRLF.

    *skip* leaves out the named header rows.
    """

    def quoted(first: str, cells: list[str]) -> str:
        return ",".join(f'"{cell}"' for cell in [first, *cells])

    ids = list(columns)
    header = {
        "Series Description": quoted("Series Description", [f"rate {id}" for id in ids]),
        "Unit:": quoted("Unit:", [unit for unit, _, _ in columns.values()]),
        "Multiplier:": quoted("Multiplier:", [m for _, m, _ in columns.values()]),
        "Currency:": quoted("Currency:", [c for _, _, c in columns.values()]),
        "Unique Identifier:": quoted("Unique Identifier: ", ids),
        "Time Period": quoted("Time Period", [id.removeprefix("H10/H10/") for id in ids]),
    }
    lines = [line for name, line in header.items() if name not in skip]
    lines += [",".join([date, *cells]) for date, cells in rows.items()]
    return "\r\n".join(lines)


INR = "H10/H10/RXI_N.M.IN"
POUND = "H10/H10/RXI$US_N.M.UK"
DIRECT = ("Currency:_Per_USD", "1", "INR")


def test_ddp_nd_inside_a_series_is_a_gap_never_zero(tmp_path: Path) -> None:
    text = ddp(
        {INR: DIRECT, "H10/H10/RXI$US_N.M.EU": ("Currency", "1", "EUR")},  # the newer unit
        {"1998-12": ["42.5", ""], "1999-01": ["42.6", "1.1591"], "1999-02": ["ND", "1.1203"],
         "1999-03": ["42.8", "ND"]},
    )  # fmt: skip
    parsed = read("fx-monthly", write(tmp_path, "FRB_H10.csv", text))
    assert (1999, 2) not in parsed.values["INR"] and (1999, 3) not in parsed.values["EUR"]
    assert parsed.missing == {"INR": ((1999, 2),)}  # EUR's ND after its last value: not a gap
    assert list(parsed.values["EUR"]) == [(1999, 1), (1999, 2)]
    assert parsed.values["EUR"][(1999, 1)] == inverse("1.1591")


@pytest.mark.parametrize(
    ("multiplier", "printed", "rate"),
    [("1000", "0.042", "42"), ("1e+03", "0.042", "42"), ("0.01", "4200", "42")],
)
def test_ddp_multipliers_are_honoured(
    tmp_path: Path, multiplier: str, printed: str, rate: str
) -> None:
    text = ddp({INR: ("Currency:_Per_USD", multiplier, "INR")}, {"2008-05": [printed]})
    assert read("fx-monthly", write(tmp_path, "f.csv", text)).values["INR"][(2008, 5)] == Decimal(
        rate
    )


@pytest.mark.parametrize("multiplier", ["0.01", "0.00999999978", "1"])
def test_ddp_the_pounds_multiplier_is_the_feds_metadata(tmp_path: Path, multiplier: str) -> None:
    # The Fed gives the pound's series the multiplier 0.01 but prints US dollars per pound
    text = ddp({POUND: ("Currency:_Per_GBP", multiplier, "USD")}, {"2000-01": ["1.6404"]})
    parsed = read("fx-monthly", write(tmp_path, "f.csv", text))
    assert parsed.values["GBP"][(2000, 1)] == inverse("1.6404")


@pytest.mark.parametrize(
    ("columns", "line", "expected"),
    [
        ({INR: ("Currency:_Per_USD", "2.5", "INR")}, 3, "the multiplier of H10/H10/RXI_N.M.IN "
         "is '2.5'; expected a power of ten"),
        ({INR: ("Currency:_Per_USD", "NaN", "INR")}, 3, "the multiplier of H10/H10/RXI_N.M.IN "
         "is 'NaN': expected a number written as digits"),
        ({INR: ("Currency:_Per_INR", "1", "INR")}, 2, "the unit of H10/H10/RXI_N.M.IN is "
         "'Currency:_Per_INR'; its identifier says INR per US dollar, so expected "
         "Currency:_Per_USD"),
        ({POUND: ("Currency:_Per_USD", "1", "USD")}, 2, "its identifier says US dollars per GBP"),
        ({INR: ("Currency:_Per_USD", "1", "JPY")}, 4, "the currency of H10/H10/RXI_N.M.IN is "
         "'JPY'; expected INR"),
        ({"H10/H10/RXI_N.B.IN": DIRECT}, 5, "H10/H10/RXI_N.B.IN is the daily rate (H.10); "
         "careerkit uses the Fed's monthly averages (H10/H10/RXI_N.M.IN)"),
        ({"H10/H10/RXI_N.A.IN": DIRECT}, 5, "H10/H10/RXI_N.A.IN is an annual average (G.5A): "
         "give the file as fx-annual"),
        ({"H10/H10/JRXWTFB_N.M": ("Index:_January_2006_100", "1", "NA")}, 5,
         "'H10/H10/JRXWTFB_N.M' is not a series careerkit reads as fx-monthly"),
        ({"H10/H10/RXI_N.M.ZZ": DIRECT}, 5, "'H10/H10/RXI_N.M.ZZ' is not a series"),
        ({"H15/H15/RIFSPFF_N.M": ("Percent:_Per_Year", "1", "NA")}, 5, "is not a series"),
        ({INR: DIRECT, "H10/H10/RXI_N.M.IN ": DIRECT}, 5, "two columns hold INR"),
    ],
)  # fmt: skip
def test_ddp_columns_that_are_not_what_careerkit_reads(
    tmp_path: Path, columns: dict[str, tuple[str, str, str]], line: int, expected: str
) -> None:
    text = ddp(columns, {"2008-05": ["42"] * len(columns)})
    message = refused("fx-monthly", write(tmp_path, "FRB_H10.csv", text))
    assert f"FRB_H10.csv, line {line}: " in message and expected in message
    if line == 5 and "two" not in expected:  # the series careerkit reads are listed
        assert "expected H10/H10/RXI$US_N.M.AL (AUD)" in message and "RXI_N.M.IN (INR)" in message
        assert "The Data Download Program lets you choose the series" in message


def test_ddp_annual_averages_given_as_monthly_and_back(tmp_path: Path) -> None:
    monthly = ddp({INR: DIRECT}, {"2008-05": ["42.0019"]})
    message = refused("fx-annual", write(tmp_path, "m.csv", monthly))
    assert "H10/H10/RXI_N.M.IN is a monthly average (H.10): give the file as fx-monthly" in message
    assert "expected H10/H10/RXI$US_N.A.AL (AUD)" in message


def test_ddp_venezuela_is_left_out_as_in_the_snapshot(tmp_path: Path) -> None:
    text = ddp(
        {INR: DIRECT, "H10/H10/RXI_N.M.VE": ("Currency:_Per_USD", "1", "VEB")},
        {"2008-05": ["42.0019", "2.1473"]},
    )
    parsed = read("fx-monthly", write(tmp_path, "f.csv", text))
    assert parsed.values == {"INR": {(2008, 5): Decimal("42.0019")}} and parsed.series == (INR,)


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        (ddp({INR: DIRECT}, {"2008-05": ["1"]}, skip=("Multiplier:",)), 3,
         "found 'Currency:'; expected the Data Download Program's header rows, in this order: "
         '"Series Description", "Unit:", "Multiplier:", "Currency:", "Unique Identifier:", '
         '"Time Period"'),
        (ddp({INR: DIRECT}, {"2008-05-01": ["1"]}), 7, "date '2008-05-01'; expected YYYY-MM"),
        (ddp({INR: DIRECT}, {"2008-13": ["1"]}), 7, "date '2008-13'; expected YYYY-MM, a month"),
        (ddp({INR: DIRECT}, {"2008-05": ["1", "2"]}), 7, "3 fields, '2008-05,1,2'; the header has 2"),
        (ddp({INR: DIRECT}, {"2008-05": ["1"]}).replace('Period","RXI_N.M.IN', 'Period","RXI_N.M.JA'), 6,
         "the column of H10/H10/RXI_N.M.IN is headed 'RXI_N.M.JA'; expected RXI_N.M.IN"),
        ('"Series Description","x"\r\n"Unit:","Currency:_Per_USD","y"\r\n', 2,
         "3 fields in the 'Unit:' row; the header rows have 2"),
    ],
)  # fmt: skip
def test_ddp_headers_and_rows_that_are_not_the_feds(
    tmp_path: Path, text: str, line: int, expected: str
) -> None:
    message = refused("fx-monthly", write(tmp_path, "FRB_H10.csv", text))
    assert f"FRB_H10.csv, line {line}: " in message and expected in message


def test_ddp_without_its_descriptive_rows(tmp_path: Path) -> None:
    labels = ("Series Description", "Unit:", "Multiplier:", "Currency:")
    text = ddp({INR: DIRECT}, {"2008-05": ["42"]}, skip=labels)
    message = refused("fx-monthly", write(tmp_path, "FRB_H10.csv", text))
    assert "line 1: a Data Download Program CSV without its descriptive header rows" in message
    assert 'the first line is "Series Description"' in message


def test_ddp_is_read_only_for_exchange_rates(tmp_path: Path) -> None:
    path = write(tmp_path, "FRB_H10.csv", ddp({INR: DIRECT}, {"2008-05": ["42"]}))
    message = refused("cpi", path)
    assert (
        "a Federal Reserve Data Download Program CSV, which careerkit reads as fx-monthly, "
        in message
    )
    assert "fx-annual, not as cpi" in message


# --- the value gate, in every layout ----------------------------------------------------------

HOSTILE = {
    "1e-99999999": RANGE,  # a Fraction of it has a hundred-million-digit denominator
    "1e400": RANGE,
    "1" * 40: "expected a number of at most 30 significant digits",
    "2_2.10": SYNTAX,  # Python's Decimal reads it as 22.10
    "NaN": SYNTAX,
    "Infinity": SYNTAX,
    "0x1p3": SYNTAX,
    "1,000": SYNTAX,
}


def _in_layout(
    layout: str, value: str, folder: Path, *, cut: bool = False
) -> tuple[str, Path, str]:
    """A file of *layout* with *value* in one cell: (kind, path, the cell's column).

    Every text layout ends with a line break, as the publishers' files do, except where
    *cut*; DDP files end without one, as the Fed's do.
    """

    def ended(text: str) -> str:
        return text.removesuffix("\n") if cut else text

    if layout == "FRED CSV":
        cell = f'"{value}"' if "," in value else value  # else a field more, not the gate's
        text = ended(fred({"CPIAUCNS": {"2008-05-01": cell}}))
        return "cpi", write(folder, "c.csv", text), "CPIAUCNS"
    if layout == "DDP":
        text = ddp({INR: DIRECT}, {"2008-05": [f'"{value}"']})
        return "fx-monthly", write(folder, "FRB_H10.csv", text), "RXI_N.M.IN"
    if layout == "DDP annual":
        text = ddp(
            {"H10/H10/RXI$US_N.A.UK": ("Currency:_Per_GBP", "1", "USD")}, {"2008": [f'"{value}"']}
        )
        return "fx-annual", write(folder, "FRB_H10.csv", text), "RXI$US_N.A.UK"
    if layout == "BLS":
        text = ended("\n".join([BLS_HEADER, bls_row("CUUR0000SA0", 2008, "M05", value), ""]))
        return "cpi", write(folder, "cu.data.0.Current", text), "value"
    if layout in ("World Bank CSV", "World Bank zip"):
        text = ended(world_bank("FP.CPI.TOTL.ZG", CPI_NAME, {("India", "IND"): {2008: value}}))
        if layout == "World Bank CSV":
            return "inflation", write(folder, "API.csv", text, bom=True), "2008"
        path = folder / "API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_1.zip"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_1.csv", text)
        return "inflation", path, "2008"
    if layout == "DataBank":
        text = (
            "Country Name,Country Code,Series Name,Series Code,2008 [YR2008]\n"
            f'India,IND,x,FP.CPI.TOTL.ZG,"{value}"\n'
        )
        return "inflation", write(folder, "Data.csv", ended(text)), "2008 [YR2008]"
    assert layout == "snapshot"
    text = ended(f'Date,Country,Value\n2008-01-01,India,"{value}"\n')
    return "fx-annual", write(folder, "s.csv", text), "Value"


LAYOUT_NAMES = ["FRED CSV", "DDP", "DDP annual", "BLS", "World Bank CSV", "World Bank zip",
                "DataBank", "snapshot"]  # fmt: skip


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
@pytest.mark.parametrize("value", list(HOSTILE))
def test_the_gate_refuses_hostile_values_in_every_layout(
    tmp_path: Path, layout: str, value: str
) -> None:
    kind, path, column = _in_layout(layout, value, tmp_path)
    message = refused(kind, path)
    assert f", column {column!r}: " in message and f"found {value!r}; {HOSTILE[value]}" in message


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
def test_every_layout_reads_a_plain_value(tmp_path: Path, layout: str) -> None:
    # the same cells, with a value: so the refusals above are the gate's, not the layout's
    kind, path, _ = _in_layout(layout, "12.5", tmp_path)
    (series,) = read(kind, path).values.values()
    assert list(series.values()) == [
        Decimal(1) / Decimal("12.5") if "annual" in layout else Decimal("12.5")
    ]


@pytest.mark.parametrize(
    ("kind", "id", "value"),
    [("cpi", "CPIAUCNS", "1e-99999999"), ("fx-monthly", "EXINUS", "1e-99999999"),
     ("fx-monthly", "EXUSUK", "0.0000000000001"), ("cpi", "CPIAUCNS", "2_2.10")],
)  # fmt: skip
def test_a_value_that_would_hang_conversions_is_refused_and_nothing_is_written(
    data_folder: Path, tmp_path: Path, kind: str, id: str, value: str
) -> None:
    month = _month_after(data.values(kind)["US" if kind == "cpi" else "INR"])
    path = write(tmp_path, f"{id}.csv", fred({id: {f"{month}-01": value}}))
    with pytest.raises(DataFormatError) as caught:
        data.update(kind, path)
    assert str(caught.value).startswith(
        f"{id}.csv, line 2, column {id!r}: {'US' if kind == 'cpi' else FRED_FX[id]} {month}: "
        f"found {value!r}; "
    )
    assert list(data_folder.iterdir()) in ([], [data_folder / kind])
    assert not (data_folder / kind / "manifest.json").exists()
    if kind == "cpi":
        convert = lambda: Pay(1, "USD", "hour", when="2008-05").in_prices_of(month)  # noqa: E731
        with pytest.raises(ck.DataNotAvailableError):  # the data in use is the snapshot's
            convert()
    else:  # the Fed's series in use is the snapshot's (the ECB's rates fill that month)
        assert (int(month[:4]), int(month[5:])) not in data.fx_monthly()[FRED_FX[id]]
        (step,) = Pay(1, FRED_FX[id], "hour", when=month).to_currency("USD").provenance
        assert isinstance(step, ExchangeRateStep)
        assert [file.kind for file in step.data] == ["fx-ecb-monthly"]


def _month_after(series: Mapping[tuple[int, int], Decimal]) -> str:
    year, month = max(series)
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return f"{year}-{month:02d}"


def test_ppp_factors_may_be_smaller(tmp_path: Path) -> None:
    # The World Bank's factor for Venezuela in 1990, in today's bolivares (the shipped file's)
    text = world_bank(
        "PA.NUS.PPP", PPP_NAME, {("Venezuela, RB", "VEN"): {1990: "1.21042781368337E-13"}}
    )
    parsed = read("ppp", write(tmp_path, "API.csv", text, bom=True))
    assert parsed.values["VE"][1990] == Decimal("1.21042781368337E-13")
    text = text.replace("1.21042781368337E-13", "1E-16")
    assert (
        "VE 1990: found '1E-16'; expected a number of at most 10^12 and, unless 0, at least 10^-15"
        in refused("ppp", write(tmp_path, "b.csv", text))
    )
    assert checked_value("ppp", "1.21042781368337E-13") == Decimal("1.21042781368337E-13")
    with pytest.raises(RefusedError, match="at least 10\\^-12"):
        checked_value("inflation", "1E-13")


def test_checked_value_is_the_readers_check() -> None:
    assert checked_value("cpi", "216.632") == Decimal("216.632")
    assert checked_value("fx-monthly", "0.5392289026691830682124561877") == Decimal(
        "0.5392289026691830682124561877"
    )
    assert checked_value("inflation", "-0.355546266299747") == Decimal("-0.355546266299747")
    for kind, text, expected in [
        ("cpi", "1e-99999999", RANGE),
        ("fx-annual", "2_2.10", SYNTAX),
        ("ppp", "0", "expected a positive number (local currency units per international dollar)"),
        ("inflation", "-100", "expected a rate above -100"),
        ("oews", "1", "expected a value of one of the series cpi, fx-monthly"),
    ]:
        with pytest.raises(RefusedError, match=re.escape(expected)):
            checked_value(kind, text)


TEXTS = st.text(alphabet="0123456789.eE+-_xnaNIf, ", max_size=14) | st.sampled_from(
    ["1e-99999999", "1e12", "1e-12", "0.5", "1" * 31, "-3", ".5", "5.", "1E+3"]
)


@given(st.sampled_from(["cpi", "inflation"]), TEXTS)
def test_checked_value_accepts_what_the_readers_accept(
    tmp_path_factory: pytest.TempPathFactory, kind: str, text: str
) -> None:
    folder = tmp_path_factory.mktemp("same")
    if kind == "cpi":
        path = write(folder, "c.csv", fred({"CPIAUCNS": {"2008-05-01": text}}))
    else:
        path = write(
            folder, "w.csv", world_bank("FP.CPI.TOTL.ZG", CPI_NAME, {("I", "IND"): {2008: text}})
        )
    try:
        found: Decimal | None = checked_value(kind, text)
    except RefusedError:
        found = None
    try:
        (series,) = read(kind, path).values.values()
    except DataFormatError:
        # refused by the gate, or a comma (a field more) or no value ('.', blank) in the row
        assert found is None or "," in text
    else:
        assert found is not None and series == {((2008, 5) if kind == "cpi" else 2008): found}


@st.composite
def accepted_texts(draw: st.DrawFn) -> str:
    """A value the gate accepts: up to 30 significant digits, 10^-12 to 10^12, in any spelling."""
    digits = draw(st.integers(1, 30))
    mantissa = draw(st.integers(10 ** (digits - 1), 10**digits - 1))
    exponent = draw(st.integers(-12 - digits + 1, 12 - digits + 1))
    value = Decimal(mantissa).scaleb(exponent)
    if not Decimal("1e-12") <= value <= Decimal("1e12"):
        value = Decimal(1)
    return draw(st.sampled_from([f"{value:f}", f"{value:e}", str(value)]))


@settings(max_examples=25)
@given(st.sampled_from(["EXINUS", "EXUSUK", "CPIAUCNS"]), accepted_texts())
def test_any_value_the_readers_accept_converts_with_bounded_fractions(
    tmp_path_factory: pytest.TempPathFactory, id: str, text: str
) -> None:
    from careerkit.model.dates import ReferenceDate
    from careerkit.pay import _fx, _prices

    folder = tmp_path_factory.mktemp("data")
    kind = "cpi" if id == "CPIAUCNS" else "fx-monthly"
    with data.use(folder):
        month = _month_after(data.values(kind)["US" if kind == "cpi" else "INR"])
        year, number = int(month[:4]), int(month[5:])
        if datetime.date(year, number, 1) > datetime.date.today():
            return  # the snapshot reaches this month: no month to install
        path = write(folder, f"{id}.csv", fred({id: {f"{month}-01": text}}))
        data.update(kind, path, accept_revisions=True)
        if kind == "cpi":
            pay = Pay(100, "USD", "month", when="2008-05").in_prices_of(month)
            (numerator, denominator), _ = _prices.prices(
                "USD", ReferenceDate(2008, 5), ReferenceDate(year, number), None
            )
        else:
            code = FRED_FX[id]
            pay = Pay(100, code, "month", when=month).to_currency("USD")
            (numerator, denominator), _ = _fx.fx(code, "USD", ReferenceDate(year, number))
        assert pay.rounded() >= 0 and pay.explain()
        assert len(str(numerator)) <= 100 and len(str(denominator)) <= 100


# --- keys: one rule per kind, the one the read-back applies -------------------------------------

SNAPSHOT_PPP = "Country,Country ID,Year,PPP\n"
SNAPSHOT_INFLATION = "Country,Country Code,Year,CPI\n"
ALPHA_2 = "an ISO 3166-1 alpha-2 country code in capitals, such as IN (XK for Kosovo)"
WORLD_BANK = "a World Bank country or area code, three capital letters such as USA or EMU"


def _world_bank_code(kind: str, code: str) -> str:
    if kind == "ppp":
        return world_bank("PA.NUS.PPP", PPP_NAME, {("X", code): {2008: "5.6"}})
    return world_bank("FP.CPI.TOTL.ZG", CPI_NAME, {("X", code): {2008: "5.6"}})


@pytest.mark.parametrize(
    ("kind", "text", "line", "column", "found", "expected"),
    [
        ("ppp", SNAPSHOT_PPP + "India,in,2008,20\n", 2, "Country ID", "'in'", ALPHA_2),
        ("ppp", SNAPSHOT_PPP + "India,,2008,20\n", 2, "Country ID", "''", ALPHA_2),
        ("ppp", SNAPSHOT_PPP + 'India,"a,b\nc",2008,20\n', 3, "Country ID", "'a,b\\nc'", ALPHA_2),
        ("ppp", SNAPSHOT_PPP + "India,../../x,2008,20\n", 2, "Country ID", "'../../x'", ALPHA_2),
        ("ppp", SNAPSHOT_PPP + "India,ZZ,2008,20\n", 2, "Country ID", "'ZZ'", ALPHA_2),
        ("inflation", SNAPSHOT_INFLATION + 'India,"I\tND",2008,4\n', 2, "Country Code", "'I\\tND'", WORLD_BANK),
        ("inflation", SNAPSHOT_INFLATION + "India,ind,2008,4\n", 2, "Country Code", "'ind'", WORLD_BANK),
        ("inflation", SNAPSHOT_INFLATION + "India,,2008,4\n", 2, "Country Code", "''", WORLD_BANK),
        ("inflation", _world_bank_code("inflation", "123"), 6, "Country Code", "'123'", WORLD_BANK),
        ("inflation", _world_bank_code("inflation", "A1B"), 6, "Country Code", "'A1B'", WORLD_BANK),
        ("ppp", _world_bank_code("ppp", "123"), 6, "Country Code", "'123'", WORLD_BANK),
        ("inflation", "Country Name,Country Code,Series Name,Series Code,2008 [YR2008]\n"
         "X,123,x,FP.CPI.TOTL.ZG,5.6\n", 2, "Country Code", "'123'", WORLD_BANK),
    ],
)  # fmt: skip
def test_a_key_the_read_back_would_refuse_is_refused_naming_the_cell(
    tmp_path: Path, kind: str, text: str, line: int, column: str, found: str, expected: str
) -> None:
    message = refused(kind, write(tmp_path, "f.csv", text))
    assert f"f.csv, line {line}, column {column!r}: found {found}; expected {expected}" in message


def test_a_key_refused_writes_nothing_and_the_data_stays_usable(
    data_folder: Path, tmp_path: Path
) -> None:
    before = Pay(100, "INR", "year", when="2020").to_ppp(country="IN")
    path = write(tmp_path, "ppp.csv", SNAPSHOT_PPP + "India,in,2025,20\n")
    with pytest.raises(DataFormatError, match=r"ppp\.csv, line 2, column 'Country ID': found 'in'"):
        data.update("ppp", path)
    assert not (data_folder / "ppp" / "manifest.json").exists()
    assert Pay(100, "INR", "year", when="2020").to_ppp(country="IN") == before


@pytest.mark.parametrize("kind", list(LAYOUTS))
def test_every_key_of_the_shipped_data_passes_the_key_rule(kind: str, tmp_path: Path) -> None:
    with data.use(tmp_path):
        keys = list(data.values(kind))
    assert keys and all(checked_key(kind, key) == key for key in keys)
    with pytest.raises(RefusedError, match="expected"):
        checked_key(kind, "us" if kind == "cpi" else "ZZZZ")


def test_every_key_the_readers_accept_reads_back(data_folder: Path, tmp_path: Path) -> None:
    # Kosovo (the World Bank's XKX, XK as alpha-2) and the euro area (EMU, kept for inflation)
    for kind, name, indicator in [("ppp", PPP_NAME, "PA.NUS.PPP"),
                                  ("inflation", CPI_NAME, "FP.CPI.TOTL.ZG")]:  # fmt: skip
        rows = {("Kosovo", "XKX"): {2008: "0.5"}, ("Euro area", "EMU"): {2008: "0.7"}}
        path = write(tmp_path, f"{kind}.csv", world_bank(indicator, name, rows))
        installed = data.update(kind, path, accept_revisions=True)
        data.use(data_folder).__exit__(None, None, None)  # read back, as a new process would
        expected = {"XK"} if kind == "ppp" else {"XKX", "EMU"}
        assert expected <= set(data.values(kind)) and installed.points == len(expected)
        assert all(data.values(kind)[key][2008] for key in expected)


# --- a file cut short --------------------------------------------------------------------------

CUT = "ends without a line break: it may be cut short; download it again"


def test_a_cpi_file_cut_inside_its_last_value_is_refused(data_folder: Path, tmp_path: Path) -> None:
    text = "observation_date,CPIAUCNS\n2026-05-01,335.123\n2026-06-01,33"
    path = write(tmp_path, "CPIAUCNS.csv", text)
    with pytest.raises(DataFormatError) as caught:
        data.update("cpi", path)
    assert str(caught.value) == f"CPIAUCNS.csv, line 3: the file {CUT}"
    assert not (data_folder / "cpi" / "manifest.json").exists()
    with pytest.raises(ck.DataNotAvailableError):  # 33 never entered the data in use
        Pay(100, "USD", "year", when="2026-05").in_prices_of("2026-06")
    # cut at a line break, the file holds whole rows: fewer values, each right
    whole = read("cpi", write(tmp_path, "whole.csv", text.rpartition("\n")[0] + "\n"))
    assert whole.values == {"US": {(2026, 5): Decimal("335.123")}}


@pytest.mark.parametrize(
    ("layout", "line"),
    [("FRED CSV", 2), ("BLS", 2), ("World Bank CSV", 6), ("World Bank zip", 6), ("DataBank", 2),
     ("snapshot", 2)],
)  # fmt: skip
def test_every_text_layout_refuses_a_last_row_without_its_line_break(
    tmp_path: Path, layout: str, line: int
) -> None:
    kind, path, _ = _in_layout(layout, "12.5", tmp_path, cut=True)
    assert f", line {line}: the file {CUT}" in refused(kind, path)


def test_a_databank_export_may_end_with_its_footer_unbroken(tmp_path: Path) -> None:
    text = (
        "Country Name,Country Code,Series Name,Series Code,2008 [YR2008]\n"
        "India,IND,x,FP.CPI.TOTL.ZG,8.3\n\nData from database: World Development Indicators\n"
        "Last Updated: 07/01/2025"
    )
    parsed = read("inflation", write(tmp_path, "Data.csv", text))
    assert parsed.values == {"IND": {2008: Decimal("8.3")}} and parsed.published == "2025-07-01"


def test_the_feds_files_end_unbroken_and_a_cut_last_figure_is_found(tmp_path: Path) -> None:
    # The Fed's DDP files end without a line break (real files 5 to 7): each figure of a
    # series prints the same decimals (four), so a last figure cut short prints fewer.
    text = (PUBLISHERS / "fed-ddp-h10-annual.csv").read_bytes().decode("utf-8")
    assert not text.endswith("\n") and text.endswith("\r\n2019,1.1194,1.2768,70.3777")
    for cut, decimals in [(text[:-2], 2), (text[:-5], 0)]:
        message = refused("fx-annual", write(tmp_path, "FRB_H10.csv", cut))
        assert ", line 31, column 'RXI_N.A.IN': " in message
        assert f"prints {decimals} decimals where the figure above it" in message
        assert "it may be cut short; download it again" in message
    # cut at a line break: whole rows, fewer of them
    whole = read("fx-annual", write(tmp_path, "w.csv", text.rpartition("\r\n")[0] + "\r\n"))
    assert max(whole.values["INR"]) == 2018


# --- line endings: CR alone, CRLF, mixed ----------------------------------------------------------


@pytest.mark.parametrize("ending", ["\r", "\r\n", "mixed"])
def test_any_line_ending_reads_as_lines(tmp_path: Path, ending: str) -> None:
    def ended(text: str) -> str:
        if ending == "mixed":
            lines = text.split("\n")
            mixed = (line + ("\r\n", "\r", "\n")[i % 3] for i, line in enumerate(lines[:-1]))
            return "".join(mixed) + lines[-1]
        return text.replace("\n", ending)

    cpi = fred({"CPIAUCNS": CPI_ROWS})
    expected = read("cpi", write(tmp_path, "lf.csv", cpi)).values
    assert read("cpi", write(tmp_path, "c.csv", ended(cpi))).values == expected
    lines = [BLS_HEADER, bls_row("CUUR0000SA0", 2008, "M05", "216.632"), ""]
    bls = read("cpi", write(tmp_path, "cu.data.0.Current", ended("\n".join(lines))))
    assert bls.values == {"US": {(2008, 5): Decimal("216.632")}}
    ddp_text = (PUBLISHERS / "fed-ddp-h10-monthly.csv").read_bytes().decode("utf-8")
    crlf = read("fx-monthly", PUBLISHERS / "fed-ddp-h10-monthly.csv").values
    lf = ddp_text.replace("\r\n", "\n")
    assert read("fx-monthly", write(tmp_path, "d.csv", ended(lf))).values == crlf


def test_the_command_line_reads_a_file_of_cr_line_endings(
    data_folder: Path, tmp_path: Path
) -> None:
    path = tmp_path / "cr.csv"
    path.write_bytes(b"observation_date,CPIAUCNS\r2026-05-01,335.123\r")
    run = subprocess.run(
        [sys.executable, "-m", "careerkit", "data", "update", "cpi", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "CAREERKIT_DATA_DIR": str(data_folder)},
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "unexpected" not in run.stderr and "2026-05 to 2026-05, 1 values" in run.stdout


def test_no_csv_error_escapes(tmp_path: Path) -> None:
    # the csv module's field limit (131,072 characters), on the first line and later
    wide = "observation_date,CPIAUCNS" + "x" * 200_000 + "\n2008-05-01,216.632\n"
    assert "f.csv, line 1: not readable as CSV: field larger than field limit" in refused(
        "cpi", write(tmp_path, "f.csv", wide)
    )
    tall = f'observation_date,CPIAUCNS\n2008-05-01,216.632\n2008-06-01,"{"3" * 200_000}"\n'
    assert "g.csv, line 3: not readable as CSV: field larger" in refused(
        "cpi", write(tmp_path, "g.csv", tall)
    )


# --- digits are ASCII digits ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "line", "expected"),
    [
        ("cpi", "observation_date,CPIAUCNS\n２０２６-0６-0１,336.4\n", 2, "date '２０２６-0６-0１'"),
        ("cpi", f"{BLS_HEADER}\n{bls_row('CUUR0000SA0', 2008, 'M05', '216.632')}\n".replace(
            "2008", "２００８"), 2, "year '２００８'; expected a year of four digits"),
        ("fx-monthly", ddp({INR: DIRECT}, {"２０００-01": ["42.0019"]}), 7, "date '２０００-01'"),
        ("fx-annual", ddp({"H10/H10/RXI_N.A.IN": DIRECT}, {"２０００": ["45.0"]}), 7, "date '２０００'"),
        ("inflation", _world_bank_code("inflation", "IND").replace('"2008"', '"２００８"'), 5,
         "column '２００８'; expected a year"),
        ("inflation", "Country Name,Country Code,Series Name,Series Code,２００８ [YR２００８]\n"
         "India,IND,x,FP.CPI.TOTL.ZG,8.3\n", 1, "column '２００８ [YR２００８]'; expected a year"),
        ("inflation", "Country Name,Country Code,Series Name,Series Code,2008 [YR2008]\n"
         "India,IND,x,FP.CPI.TOTL.ZG,8.3\nLast Updated: ０７/01/2025\n", 3, "is not a date"),
        ("ppp", SNAPSHOT_PPP + "India,IN,２００８,12.5\n", 2, "year '２００８'"),
    ],
)  # fmt: skip
def test_dates_are_written_in_ascii_digits(
    tmp_path: Path, kind: str, text: str, line: int, expected: str
) -> None:
    message = refused(kind, write(tmp_path, "f.csv", text))
    assert f"f.csv, line {line}" in message and expected in message


# --- an annual figure is published once its year has ended ----------------------------------------

NOT_OVER = "has not ended: an annual figure is published only once its year is over"


@pytest.mark.parametrize(
    ("kind", "text", "line"),
    [
        ("fx-annual", fred({"AEXUSUK": {"{last}-01-01": "1.2369", "{this}-01-01": "1.25"}}), 3),
        ("inflation", SNAPSHOT_INFLATION + "India,IND,{last},4\nIndia,IND,{this},4\n", 3),
        ("ppp", SNAPSHOT_PPP + "India,IN,{this},20\nIndia,IN,{last},20\n", 2),
        ("fx-annual", ddp({"H10/H10/RXI_N.A.IN": DIRECT}, {"{last}": ["86"], "{this}": ["87"]}), 8),
    ],
)  # fmt: skip
def test_a_year_not_over_has_no_annual_figure(
    tmp_path: Path, kind: str, text: str, line: int
) -> None:
    this = datetime.date.today().year
    text = text.replace("{this}", str(this)).replace("{last}", str(this - 1))
    message = refused(kind, write(tmp_path, "f.csv", text))
    assert f"f.csv, line {line}: " in message and f" {this}: {this} {NOT_OVER}" in message
    # the year before is over
    kept = "\n".join(row for row in text.split("\n") if str(this) not in row)
    assert max(next(iter(read(kind, write(tmp_path, "g.csv", kept)).values.values()))) == this - 1
