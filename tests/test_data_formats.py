"""Reading publishers' files for ``careerkit data update`` (``careerkit.data._formats``).

Each test writes a small file in the publisher's own layout (FRED's CSV, BLS's
padded tab-separated flat file, the World Bank's CSV with its byte-order mark
and preamble, its zip, a DataBank export) and checks known values from those
publishers; then one test per refusal, checking the message names the line and
what was found; then properties: what is written in a layout reads back equal,
and an exchange rate inverted twice comes back.
"""

from __future__ import annotations

import datetime
import zipfile
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerkit import data
from careerkit.data._formats import (
    FRED_FX,
    LAYOUTS,
    MAX_BYTES,
    UNITS,
    Parsed,
    read,
)
from careerkit.errors import DataFormatError, ValidationError

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
    parsed = read("cpi", write(tmp_path, "CPIAUCNSA.csv", fred({"CPIAUCNSA": rows}, date)))
    assert parsed.values["US"][(2008, 5)] == Decimal("216.632")
    assert str(parsed.values["US"][(2025, 9)]) == "324.800"  # as printed
    assert (2025, 10) not in parsed.values["US"]
    assert parsed.missing == {"US": ((2025, 10),)}
    assert list(parsed.values["US"]) == sorted(parsed.values["US"])
    assert (parsed.kind, parsed.format, parsed.series, parsed.published) == (
        "cpi",
        "FRED CSV",
        ("CPIAUCNSA",),
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
    shipped = Path(data.__file__).with_name(data.SERIES[kind].file)
    parsed = read(kind, shipped)
    with data.use(tmp_path):  # an empty folder: the shipped snapshot alone
        in_use = data.values(kind)
        assert {key: dict(values) for key, values in parsed.values.items()} == {
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
        read("oews", write(tmp_path, "x.csv", "observation_date,CPIAUCNSA\n"))
    assert caught.value.field == "kind" and not isinstance(caught.value, DataFormatError)
    assert "'oews'" in str(caught.value) and "fx-monthly" in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "nope.csv' does not exist" in refused("cpi", tmp_path / "nope.csv")
    assert "is not a regular file" in refused("cpi", tmp_path)


def test_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "CPIAUCNSA.csv"
    with path.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: nothing is written, and nothing must be read
    message = refused("cpi", path)  # refused by its size, before it is read:
    assert f"CPIAUCNSA.csv: a file of {MAX_BYTES + 1:,} bytes, larger than the 256 MiB" in message


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
    path.write_bytes(b"observation_date,CPIAUCNSA\n2008-05-01,216.632\n2008-06-01,\xe9\n")
    assert "cpi.csv, line 3: not UTF-8" in refused("cpi", path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("observation_date,CPIAUCNSA\n", "no values"),
        ("observation_date,CPIAUCNSA\n2025-10-01,.\n", "no values"),
        ("when,what\n2008-05-01,216.632\n", "line 1: not a layout careerkit knows"),
    ],
)
def test_nothing_to_read(tmp_path: Path, text: str, expected: str) -> None:
    message = refused("cpi", write(tmp_path, "cpi.csv", text))
    assert expected in message
    if "layout" in message:  # the layouts accepted are listed
        assert "FRED CSV (observation_date,CPIAUCNSA" in message
        assert "BLS time-series flat file" in message and "Date,Index,Inflation" in message


def test_seasonally_adjusted_cpi(tmp_path: Path) -> None:
    path = write(tmp_path, "CPIAUCSL.csv", fred({"CPIAUCSL": {"2008-05-01": "215.208"}}))
    message = refused("cpi", path)
    assert "line 1: CPIAUCSL is the seasonally adjusted" in message
    assert "CPIAUCNSA, not seasonally adjusted" in message and "CUUR0000SA0" in message


@pytest.mark.parametrize(
    ("kind", "column", "expected"),
    [
        ("fx-monthly", "EXVZUS", "'EXVZUS' is not a series careerkit reads as fx-monthly"),
        ("fx-monthly", "DEXINUS", "the daily rate (H.10); careerkit uses the Fed's monthly"),
        ("fx-monthly", "AEXINUS", "annual average (G.5A): give the file as fx-annual"),
        ("fx-annual", "EXINUS", "monthly average (H.10/G.5): give the file as fx-monthly"),
        ("fx-annual", "DEXINUS", "annual averages (AEXINUS)"),
        ("cpi", "EXINUS", "give the file as fx-monthly; expected CPIAUCNSA (US)"),
    ],
)
def test_fred_series_of_another_kind(tmp_path: Path, kind: str, column: str, expected: str) -> None:
    message = refused(kind, write(tmp_path, "f.csv", fred({column: {"2008-01-01": "42"}})))
    assert "f.csv, line 1: " in message and expected in message
    if kind == "fx-monthly":
        assert "EXINUS (INR)" in message and "EXUSUK (GBP)" in message


def test_layout_of_another_kind(tmp_path: Path) -> None:
    path = write(tmp_path, "f.csv", fred({"CPIAUCNSA": {"2008-05-01": "216.632"}}))
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
    text = f"observation_date,CPIAUCNSA\n2008-04-01,214.823\n{day},216.632\n"
    message = refused("cpi", write(tmp_path, "cpi.csv", text))
    assert "cpi.csv, line 3: " in message and expected in message


def test_future_dates(tmp_path: Path) -> None:
    today = datetime.date.today()
    text = fred({"AEXINUS": {f"{today.year}-01-01": "88", f"{today.year + 1}-01-01": "90"}})
    assert f"line 3: INR {today.year + 1}: a date after today" in refused(
        "fx-annual", write(tmp_path, "f.csv", text)
    )
    this_month, next_month = today.replace(day=1), (today.replace(day=28) + datetime.timedelta(7))
    text = fred({"CPIAUCNSA": {str(this_month): "330", str(next_month.replace(day=1)): "331"}})
    assert f"line 3: US {next_month:%Y-%m}: a date after today" in refused(
        "cpi", write(tmp_path, "c.csv", text)
    )


def test_dates_out_of_order_or_twice(tmp_path: Path) -> None:
    backwards = "observation_date,CPIAUCNSA\n2008-05-01,216.632\n2008-04-01,214.823\n"
    assert "line 3: US 2008-04 comes after 2008-05 (line 2)" in refused(
        "cpi", write(tmp_path, "a.csv", backwards)
    )
    lines = [BLS_HEADER, *[bls_row("CUUR0000SA0", 2008, "M05", "216.632")] * 2]
    message = refused("cpi", write(tmp_path, "cu.data.1.AllItems", "\n".join(lines) + "\n"))
    assert "line 3: US 2008-05 is given twice, on lines 2 and 3" in message


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("cpi", "nan", "found 'nan'; expected a number (as 216.632), or '.' or an empty field"),
        ("cpi", "inf", "found 'inf'; expected a number"),
        ("cpi", "2l6.632", "found '2l6.632'; expected a number"),
        ("cpi", "1e999", "found '1e999'; expected a number at most 10^12"),
        ("cpi", "1000000000001", "expected a number at most 10^12"),
        ("cpi", "0", "found '0'; expected a positive number (index points, 1982-84 = 100)"),
        ("cpi", "-216.632", "expected a positive number"),
        ("fx-monthly", "0.0000000000001", "at least 10^-12 (its inverse at most 10^12)"),
    ],
)
def test_bad_values(tmp_path: Path, kind: str, value: str, expected: str) -> None:
    column = "CPIAUCNSA" if kind == "cpi" else "EXUSUK"
    text = fred({column: {"2008-04-01": "1.5", "2008-05-01": value}})
    message = refused(kind, write(tmp_path, "f.csv", text))
    assert "f.csv, line 3: " in message and expected in message


def test_inflation_rates_above_minus_100(tmp_path: Path) -> None:
    rows = {("Zimbabwe", "ZWE"): {2008: "-99.9"}}
    text = world_bank("FP.CPI.TOTL.ZG", CPI_NAME, rows)
    assert read("inflation", write(tmp_path, "ok.csv", text)).values["ZWE"][2008] == Decimal(
        "-99.9"
    )
    text = text.replace('"-99.9"', '"-100"')
    assert "line 6: ZWE 2008: found '-100'; expected a rate above -100" in refused(
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
    assert "line 6: country code 'India'" in refused(
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
    text = "observation_date,CPIAUCNSA\n2008-05-01,216.632,1\n"
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
