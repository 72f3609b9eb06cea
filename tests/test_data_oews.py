"""Installing a newer BLS OEWS release: the catalogue is rebuilt from it, and cites it.

The files are made here in BLS's layout for its OEWS tables (the columns of
``national_M2025_dl.xlsx``), as CSV, as an Excel workbook (written by openpyxl,
with the "Field Descriptions" sheet that states the top code) and as the zip
BLS serves, with figures for a pretend May 2026 release.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

import careerkit as ck
from careerkit import catalogue, data
from careerkit.errors import DataFormatError, DataRevisionError

COLUMNS = [
    "AREA", "AREA_TITLE", "AREA_TYPE", "PRIM_STATE", "NAICS", "NAICS_TITLE", "I_GROUP",
    "OWN_CODE", "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "EMP_PRSE", "JOBS_1000",
    "LOC_QUOTIENT", "PCT_TOTAL", "PCT_RPT", "H_MEAN", "A_MEAN", "MEAN_PRSE", "H_PCT10",
    "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75",
    "A_PCT90", "ANNUAL", "HOURLY",
]  # fmt: skip
WAGES = ["H_MEAN", "A_MEAN", "MEAN_PRSE", "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90",
         "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90"]  # fmt: skip
NOTES = (
    "#  = indicates a wage equal to or greater than $120.00 per hour or $249,600 per year",
    "*  = indicates that a wage estimate is not available",
)


def bls(
    area: str, kind: str, state: str, code: str, title: str, group: str, **values: str
) -> list[str]:
    row = dict.fromkeys(COLUMNS, "")
    row |= {
        "AREA": area, "AREA_TYPE": kind, "PRIM_STATE": state, "NAICS": "000000",
        "I_GROUP": "cross-industry", "OWN_CODE": "1235", "OCC_CODE": code, "OCC_TITLE": title,
        "O_GROUP": group,
    }  # fmt: skip
    row |= values
    return [row[column] for column in COLUMNS]


def csr(**changes: str) -> dict[str, str]:
    figures = dict(zip(WAGES, ["22.90", "47630", "0.2", "16.00", "18.50", "22.10", "25.60",
                               "31.40", "33280", "38480", "45970", "53250", "65310"], strict=True))  # fmt: skip
    return {"TOT_EMP": "2,601,200", "EMP_PRSE": "0.4"} | figures | changes


NATIONAL = [
    bls("99", "1", "US", "00-0000", "All Occupations", "total", TOT_EMP="156,100,000",
        EMP_PRSE="0.0", A_MEDIAN="52100", H_MEDIAN="25.05"),
    bls("99", "1", "US", "43-0000", "Office and Administrative Support Occupations", "major",
        TOT_EMP="18,500,000"),
    bls("99", "1", "US", "43-4051", "Customer Service Representatives", "detailed", **csr()),
    bls("99", "1", "US", "53-0000", "Transportation and Material Moving Occupations", "major"),
    bls("99", "1", "US", "53-2011", "Airline Pilots, Copilots, and Flight Engineers", "detailed",
        TOT_EMP="104,300", EMP_PRSE="2.1", ANNUAL="TRUE", A_MEAN="233880", A_MEDIAN="#",
        **{column: "*" for column in WAGES if column.startswith("H_")}),
    bls("99", "1", "US", "43-4052", "Customer Experience Representatives", "detailed",
        TOT_EMP="**", EMP_PRSE="**", H_MEDIAN="24.00", A_MEDIAN="49920"),
    # not kept: an industry's row, and a metropolitan area's
    bls("99", "1", "US", "43-4051", "Customer Service Representatives", "detailed",
        I_GROUP="sector", NAICS="52", **csr(A_MEDIAN="1")),
]  # fmt: skip
STATES = [
    bls("6", "2", "CA", "43-4051", "Customer Service Representatives", "detailed",
        **csr(A_MEDIAN="51200", JOBS_1000="14.2", LOC_QUOTIENT="0.95")),
    bls("72", "3", "PR", "43-4051", "Customer Service Representatives", "detailed",
        **csr(A_MEDIAN="27100")),
    bls("31080", "4", "CA", "43-4051", "Customer Service Representatives", "detailed",
        **csr(A_MEDIAN="2")),
]  # fmt: skip


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


def workbook(rows: list[list[str]], notes: tuple[str, ...] = NOTES) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "All May 2026 data"
    sheet.append(COLUMNS)
    for row in rows:  # numbers as numbers, as BLS's workbooks hold them
        sheet.append([_cell(value) for value in row])
    described = book.create_sheet("Field Descriptions")
    for line in ("Field", *notes):
        described.append([line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value: str) -> object:
    try:
        return int(value.replace(",", ""))
    except ValueError:
        try:
            return float(value)
        except ValueError:
            return value


@pytest.fixture
def folder(data_folder: Path) -> Path:
    return data_folder  # conftest's: an empty data folder, in use for the test


def test_a_newer_release_from_bls_zips_rebuilds_the_catalogue(folder: Path, tmp_path: Path) -> None:
    national = tmp_path / "oesm26nat.zip"
    with zipfile.ZipFile(national, "w") as archive:
        archive.writestr("oesm26nat/national_M2026_dl.xlsx", workbook(NATIONAL))
    states = tmp_path / "oesm26st.zip"
    with zipfile.ZipFile(states, "w") as archive:
        archive.writestr("oesm26st/state_M2026_dl.xlsx", workbook(STATES))
    installed = data.update("oews", national, states)
    assert installed.span == "2026-05" and installed.new == 1  # 43-4052, new in this release

    assert catalogue.release()["reference_date"] == "2026-05"
    assert catalogue.source_id() == "bls-oews-may-2026"
    service = ck.get("43-4051")
    assert service.id == "customer-service"  # the rich profile, extended by the new release
    (hourly, annual) = [b for b in service.pay_bands("US") if b.source == "bls-oews-may-2026"]
    assert (hourly.median, annual.median) == (Decimal("22.1"), Decimal(45970))
    assert str(annual.reference_date) == "2026-05"
    (california,) = [b for b in service.pay_bands("US-CA") if b.period.value == "year"]
    assert california.median == Decimal(51200)
    assert [b.median for b in service.pay_bands("US-PR") if b.period.value == "year"] == [27100]
    assert {e.region for e in service.employment} >= {"US", "US-CA", "US-PR"}
    # the release cites the files it was read from
    source = service.get_source("bls-oews-may-2026")
    digest = hashlib.sha256(national.read_bytes()).hexdigest()
    assert f"oesm26nat.zip (sha256 {digest})" in source.note.en  # type: ignore[union-attr]
    # BLS's marks: annual only (footnote 4), the top code read from the workbook (footnote 5)
    pilots = ck.get("53-2011")
    (band,) = pilots.pay_bands("US")
    assert band.period.value == "year" and band.top_coded == ("median",)
    assert band.top_code == Decimal(249600) and band.mean == Decimal(233880)
    assert band.note is not None and "only annual figures" in band.note.en
    # an employment BLS did not release is absent, never zero
    experience = ck.get("43-4052")
    assert experience.employment == ()
    # the release's occupations (a new one with the slug of its title), and careerkit's own
    assert {career.id for career in ck.careers()} == {
        "customer-service",
        "public-relations-specialist",
        "airline-pilots-copilots-and-flight-engineers",
        "customer-experience-representatives",
    }
    (oews,) = [series for series in data.status() if series.kind == "oews"]
    assert oews.in_use == "update" and oews.span == "2026-05"
    assert [file.name for file in oews.files] == ["oesm26nat.zip", "oesm26st.zip"]

    assert data.reset("oews") == ("oews",)
    assert catalogue.release()["reference_date"] == "2025-05"
    assert ck.get("43-4051").pay_bands("US")[-1].source == "bls-oews-may-2025"


def test_csv_tables_are_read_too(folder: Path, tmp_path: Path) -> None:
    rows = [row for row in NATIONAL if "#" not in row]
    national = write_csv(tmp_path / "national_M2026_dl.csv", rows)
    data.update("oews", national)
    assert catalogue.release()["occupations"] == 2
    assert catalogue.release()["top_code_year"] is None  # no top-coded figure: none needed
    (annual,) = [b for b in ck.get("43-4051").pay_bands("US") if b.period.value == "year"]
    assert annual.median == Decimal(45970) and annual.percentiles[90] == Decimal(65310)


@pytest.mark.parametrize(
    ("rows", "name", "fragment"),
    [
        (NATIONAL, "national_M2026_dl.csv", "row 6: A_MEDIAN is '#', a wage at or above BLS's top code, and the file does not state the top code"),
        (STATES, "state_M2026_dl.csv", "national: no national row for all occupations (SOC 00-0000): give the whole national table"),
        ([*NATIONAL[:2], bls("99", "1", "US", "43-405", "x", "detailed")], "national_M2026_dl.csv", "row 4: OCC_CODE '43-405' with O_GROUP 'detailed': expected a SOC code such as 43-4051"),
        ([*NATIONAL[:2], bls("99", "1", "US", "43-4051", "x", "detailed", H_MEAN="-3")], "national_M2026_dl.csv", "row 4: H_MEAN is '-3': expected a number of 0 or more"),
        (NATIONAL[:3], "national.csv", "cannot tell the release's date from the file names (national.csv): pass --reference-date"),
    ],
)  # fmt: skip
def test_refused(
    folder: Path, tmp_path: Path, rows: list[list[str]], name: str, fragment: str
) -> None:
    path = write_csv(tmp_path / name, rows)
    with pytest.raises(ck.ValidationError) as caught:
        data.update("oews", path)
    assert fragment in str(caught.value)
    assert not (folder / "oews" / "manifest.json").exists()
    assert catalogue.release()["reference_date"] == "2025-05"


def test_a_table_without_bls_columns_is_refused(folder: Path, tmp_path: Path) -> None:
    path = tmp_path / "national_M2026_dl.csv"
    path.write_text("OCC_CODE,WAGE\n43-4051,1\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match="lacks the columns AREA, AREA_TYPE, OCC_TITLE"):
        data.update("oews", path)


def test_reference_date_can_be_given(folder: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "oews.csv", [row for row in NATIONAL if "#" not in row])
    data.update("oews", path, reference_date="2026-05")
    assert catalogue.source_id() == "bls-oews-may-2026"
    with pytest.raises(ck.ValidationError, match="expected the release's month, such as '2026-05'"):
        data.update("oews", path, reference_date="2026")


def test_the_release_in_use_installed_again_must_agree(folder: Path, tmp_path: Path) -> None:
    # the shipped May 2025 figures for customer service representatives, one of them changed
    index = catalogue.occupations()
    (national,) = [line for line in catalogue._rows(index["43-4051"]) if line[0] == "US"]
    fields = dict(zip(catalogue.FIELDS, national[1:], strict=True))
    wages = {
        "H_MEDIAN": fields["hourly_median"],
        "A_MEDIAN": "44990",
        "TOT_EMP": fields["employment"],
    }
    rows = [
        *NATIONAL[:2],
        bls("99", "1", "US", "43-4051", "Customer Service Representatives", "detailed", **wages),
    ]
    path = write_csv(tmp_path / "national_M2025_dl.csv", rows)
    with pytest.raises(DataRevisionError) as caught:
        data.update("oews", path)
    assert ("43-4051 US", "annual_median", "44770", "44990") in caught.value.revisions
    assert "national_M2025_dl.csv differs from the oews data in use" in str(caught.value)
    assert not (folder / "oews" / "manifest.json").exists()
    installed = data.update("oews", path, accept_revisions=True)
    assert ("43-4051 US", "annual_median", "44770", "44990") in installed.revisions
    (annual,) = [b for b in ck.get("43-4051").pay_bands("US") if b.period.value == "year"][-1:]
    assert annual.median == Decimal(44990)
