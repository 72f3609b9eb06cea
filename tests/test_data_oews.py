"""Installing BLS OEWS releases: each stacks over those in use, is checked, and is cited.

Most files are made here in BLS's layout for its OEWS tables (the columns of
``national_M2025_dl.xlsx``), as CSV, as an Excel workbook (written by openpyxl,
with the "Field Descriptions" sheet that states the top code) and as the zip
BLS serves, with figures for a pretend May 2026 release. BLS's own May 2023 and
May 2024 national workbooks (``tests/data/oews``) check that releases stack into
pay history.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import careerkit as ck
from careerkit import catalogue, data
from careerkit.errors import DataFormatError, DataRevisionError
from careerkit.testing import check_profile

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
    # not kept: an industry's row, nationally and in a metropolitan area
    bls("99", "1", "US", "43-4051", "Customer Service Representatives", "detailed",
        I_GROUP="sector", NAICS="52", **csr(A_MEDIAN="1")),
]  # fmt: skip
STATES = [
    bls("6", "2", "CA", "43-4051", "Customer Service Representatives", "detailed",
        **csr(A_MEDIAN="51200", JOBS_1000="14.2", LOC_QUOTIENT="0.95")),
    bls("72", "3", "PR", "43-4051", "Customer Service Representatives", "detailed",
        **csr(A_PCT10="20800", A_PCT25="23100", A_MEDIAN="27100", A_PCT75="31300",
              A_PCT90="37400")),
    bls("31080", "4", "CA", "43-4051", "Customer Service Representatives", "detailed",
        I_GROUP="sector", NAICS="52", **csr(A_MEDIAN="2")),
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


def test_a_newer_release_from_bls_zips_stacks_over_the_shipped_one(
    folder: Path, tmp_path: Path
) -> None:
    national = tmp_path / "oesm26nat.zip"
    with zipfile.ZipFile(national, "w") as archive:
        archive.writestr("oesm26nat/national_M2026_dl.xlsx", workbook(NATIONAL))
    states = tmp_path / "oesm26st.zip"
    with zipfile.ZipFile(states, "w") as archive:
        archive.writestr("oesm26st/state_M2026_dl.xlsx", workbook(STATES))
    installed = data.update("oews", national, states)
    # a date careerkit had no figures for: every figure is new (3 occupations x US, 2 states)
    assert (installed.span, installed.points, installed.new) == ("2026-05", 5, 5)

    assert catalogue.release()["reference_date"] == "2026-05"  # the newest is the latest
    assert catalogue.source_id() == "bls-oews-may-2026"
    service = ck.get("43-4051")
    assert service.id == "customer-service"  # the rich profile, extended by both releases
    (hourly, annual) = [b for b in service.pay_bands("US") if b.source == "bls-oews-may-2026"]
    assert (hourly.median, annual.median) == (Decimal("22.1"), Decimal(45970))
    assert str(annual.reference_date) == "2026-05"
    # the shipped May 2025 figures stay, as history: nothing is replaced
    medians = [
        (str(pay.when), pay.amount)
        for pay in service.pay_history(statistic="median", period="hour")
    ]
    assert medians[0] == ("2004-05", Decimal("12.99"))  # the shipped national history
    assert medians[-3:] == [
        ("2024-05", Decimal("20.59")),
        ("2025-05", Decimal("21.53")),
        ("2026-05", Decimal("22.1")),
    ]
    assert len({when for when, _ in medians}) == len(medians)  # one point per date
    (california,) = [
        b
        for b in service.pay_bands("US-CA")
        if b.period.value == "year" and b.source.endswith("2026")
    ]
    assert california.median == Decimal(51200)
    assert [b.median for b in service.pay_bands("US-PR") if b.period.value == "year"] == [
        Decimal(26700),  # May 2025 (shipped)
        Decimal(27100),  # May 2026
    ]
    assert {(e.region, str(e.reference_date)) for e in service.employment} >= {
        ("US", "2025-05"),
        ("US", "2026-05"),
        ("US-CA", "2026-05"),
    }
    # the release cites the files it was read from
    source = service.get_source("bls-oews-may-2026")
    digest = hashlib.sha256(national.read_bytes()).hexdigest()
    assert f"oesm26nat.zip (sha256 {digest})" in source.note.en  # type: ignore[union-attr]
    assert service.get_source("bls-oews-may-2025").note.en.startswith(  # type: ignore[union-attr]
        "OEWS May 2025 (release 2025A01), published 2026-05-15."
    )
    # BLS's marks: annual only (footnote 4), the top code read from each release's workbook
    pilots = ck.get("53-2011")
    (band,) = [b for b in pilots.pay_bands("US") if b.source.endswith("2026")]
    assert band.period.value == "year" and band.top_coded == ("median",)
    assert band.top_code == Decimal(249600) and band.mean == Decimal(233880)
    assert band.note is not None and "only annual figures" in band.note.en
    assert {b.top_code for b in pilots.pay if b.source.endswith("2025")} <= {None, Decimal(239200)}
    # a new occupation: the slug of its title; an employment BLS did not release is absent
    experience = ck.get("43-4052")
    assert experience.id == "customer-experience-representatives"
    assert experience.employment == ()
    assert {b.source for b in experience.pay} == {"bls-oews-may-2026"}
    assert len(ck.careers()) == 831  # the 830 of May 2025 and the new one
    (oews,) = [series for series in data.status() if series.kind == "oews"]
    assert oews.in_use == "update" and oews.span == "2025-05 to 2026-05"
    assert [file.name for file in oews.files[-2:]] == ["oesm26nat.zip", "oesm26st.zip"]
    assert [(r.reference_date, r.shipped, r.role, len(r.areas)) for r in oews.releases] == [
        ("2025-05", True, "history", 55),
        ("2026-05", False, "latest", 3),
    ]

    assert data.reset("oews") == ("oews",)
    assert catalogue.release()["reference_date"] == "2025-05"
    assert ck.get("43-4051").pay_bands("US")[-1].source == "bls-oews-may-2025"
    assert len(ck.careers()) == 830
    assert [path.name for path in (folder / "oews").iterdir()] == [".lock"]


def test_csv_tables_are_read_too(folder: Path, tmp_path: Path) -> None:
    rows = [row for row in NATIONAL if "#" not in row]
    national = write_csv(tmp_path / "national_M2026_dl.csv", rows)
    data.update("oews", national)
    assert catalogue.release()["occupations"] == 2
    assert catalogue.release()["top_code_year"] is None  # no top-coded figure: none needed
    (annual,) = [
        b
        for b in ck.get("43-4051").pay_bands("US")
        if b.period.value == "year" and b.source.endswith("2026")
    ]
    assert annual.median == Decimal(45970) and annual.percentiles[90] == Decimal(65310)


@pytest.mark.parametrize(
    ("rows", "name", "fragment"),
    [
        (NATIONAL, "national_M2026_dl.csv", "national_M2026_dl.csv, row 6, column A_MEDIAN: '#': a wage at or above BLS's top code, and the file does not state the top code"),
        (STATES, "state_M2026_dl.csv", "state_M2026_dl.csv: no national row for all occupations (SOC 00-0000): give the whole national table"),
        ([*NATIONAL[:2], bls("99", "1", "US", "43-405", "x", "detailed")], "national_M2026_dl.csv", "row 4, column OCC_CODE: '43-405': expected a SOC code such as 43-4051"),
        ([*NATIONAL[:2], bls("99", "1", "US", "43-4051", "x", "group")], "national_M2026_dl.csv", "row 4, column O_GROUP: 'group': expected one of total, major, minor, broad, detailed"),
        ([*NATIONAL[:2], bls("99", "1", "US", "43-4051", "x", "detailed", H_MEAN="-3")], "national_M2026_dl.csv", "row 4, column H_MEAN: '-3': expected a number of 0 or more"),
        (NATIONAL[:3], "national.csv", "cannot tell the release's date from the file names (national.csv): pass --reference-date"),
        (NATIONAL[:3], "national_M2099_dl.csv", "reference_date: the release is dated 2099-05, a month still to come"),
        (NATIONAL[:3], "national_M1800_dl.csv", "reference_date: the release is dated 1800-05, before 1999, the first OES release coded in SOC (careerkit reads releases coded in SOC 2018)"),
        (NATIONAL[:3], "national_M0000_dl.csv", "reference_date: the release is dated 0000-05, before 1999"),
        (NATIONAL[:3], "national_M2026_oesm25.csv", "reference_date: the file names give different years (2025, 2026) (national_M2026_oesm25.csv): pass --reference-date"),
        (NATIONAL[:3], "national_M\u0662\u0660\u0662\u0665_dl.csv", "cannot tell the release's date from the file names (national_M\u0662\u0660\u0662\u0665_dl.csv): pass --reference-date"),
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
    with pytest.raises(ck.ValidationError, match="the release is dated 1998-05, before 1999"):
        data.update("oews", path, reference_date="1998-05")


def test_files_of_different_years_need_the_date(folder: Path, tmp_path: Path) -> None:
    national = write_csv(tmp_path / "national_M2026_dl.csv", NATIONAL[:3])
    states = write_csv(tmp_path / "state_M2025_dl.csv", STATES[:1])
    with pytest.raises(ck.ValidationError) as caught:
        data.update("oews", national, states)
    assert (
        "the file names give different years (2025, 2026) (national_M2026_dl.csv, "
        "state_M2025_dl.csv): pass --reference-date"
    ) in str(caught.value)
    _nothing_installed(folder)
    data.update("oews", national, states, reference_date="2026-05")  # the user says which
    assert catalogue.source_id() == "bls-oews-may-2026"


def _shipped_row(soc: str, region: str) -> dict[str, str]:
    """The shipped May 2025 figures of *soc* in *region*, by the catalogue's field names."""
    occupation = catalogue.occupations()[soc]
    ((_, rows),) = catalogue._catalogue().figures(occupation)
    (row,) = [row for _, row in rows if row[0] == region]
    return dict(zip(catalogue.FIELDS, row[1:], strict=True))


def test_the_release_in_use_installed_again_must_agree(folder: Path, tmp_path: Path) -> None:
    # the shipped May 2025 national figures for customer service representatives, one changed
    fields = _shipped_row("43-4051", "US")
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
    assert (installed.points, installed.new) == (1, 0)  # May 2025's US figures: in use already
    csr_ = ck.get("43-4051")
    (annual,) = [
        b for b in csr_.pay_bands("US") if b.period.value == "year" and b.source.endswith("2025")
    ]
    assert annual.median == Decimal(44990)
    # a national table of the same date keeps every state's figures: it covers the nation only
    (california,) = [b for b in csr_.pay_bands("US-CA") if b.period.value == "year"]
    assert california.median == Decimal(49560)
    assert len({b.region for b in ck.get("29-1141").pay}) == 54
    note = csr_.get_source("bls-oews-may-2025").note.en  # type: ignore[union-attr]
    assert note.startswith(
        "Each area's figures from the first of these that has them: OEWS May 2025 (installed"
    )
    assert (
        "OEWS May 2025 (release 2025A01), published 2026-05-15 (national and state figures)" in note
    )
    (oews,) = data.status("oews")
    assert [(r.reference_date, r.shipped, r.role) for r in oews.releases] == [
        ("2025-05", True, "under the 2025-05 release installed after it, for the areas both cover"),
        ("2025-05", False, "latest"),
    ]
    # a later identical install replaces the earlier one rather than stacking twice
    again = data.update("oews", path, accept_revisions=True)
    assert again.new == 0 and [file.name for file in again.replaced] == ["national_M2025_dl.csv"]
    assert len(list((folder / "oews").glob("*-*T*"))) == 1


# BLS's columns of the catalogue's fields (careerkit.catalogue.FIELDS)
BLS_COLUMNS = {
    "employment": "TOT_EMP", "employment_rse": "EMP_PRSE", "wage_rse": "MEAN_PRSE",
    "hourly_mean": "H_MEAN", "hourly_p10": "H_PCT10", "hourly_p25": "H_PCT25",
    "hourly_median": "H_MEDIAN", "hourly_p75": "H_PCT75", "hourly_p90": "H_PCT90",
    "annual_mean": "A_MEAN", "annual_p10": "A_PCT10", "annual_p25": "A_PCT25",
    "annual_median": "A_MEDIAN", "annual_p75": "A_PCT75", "annual_p90": "A_PCT90",
    "jobs_per_1000": "JOBS_1000", "location_quotient": "LOC_QUOTIENT",
}  # fmt: skip


def _shipped_again(**changes: str) -> list[list[str]]:
    """A national May 2025 table whose customer service row is the shipped one, with *changes*
    (BLS's columns)."""
    shipped = _shipped_row("43-4051", "US")
    assert shipped["footnotes"] == ""  # every figure published
    figures = {
        BLS_COLUMNS[field]: value for field, value in shipped.items() if field in BLS_COLUMNS
    }
    title = "Customer Service Representatives"
    return [*NATIONAL[:2], bls("99", "1", "US", "43-4051", title, "detailed", **figures | changes)]


@pytest.mark.parametrize(
    ("changes", "revisions"),
    [
        ({}, []),  # the shipped figures again: nothing revised
        ({"A_MEDIAN": "*"}, [("43-4051 US", "annual_median", "44770", "*")]),
        ({"A_MEDIAN": ""}, [("43-4051 US", "annual_median", "44770", "")]),
        ({"TOT_EMP": "**", "EMP_PRSE": "**"}, [("43-4051 US", "employment", "2595750", "**"), ("43-4051 US", "employment_rse", "0.4", "**")]),
        ({"H_MEAN": "22.41", "H_PCT90": ""}, [("43-4051 US", "hourly_mean", "22.40", "22.41"), ("43-4051 US", "hourly_p90", "30.57", "")]),
        # a figure the release in use has not (BLS prints no national jobs per 1,000): new
        ({"JOBS_1000": "16.5"}, []),
    ],
)  # fmt: skip
def test_a_figure_in_use_that_a_release_leaves_out_is_revised(
    folder: Path, tmp_path: Path, changes: dict[str, str], revisions: list[tuple[str, ...]]
) -> None:
    path = write_csv(tmp_path / "national_M2025_dl.csv", _shipped_again(**changes))
    if revisions:
        with pytest.raises(DataRevisionError) as caught:
            data.update("oews", path)
        assert list(caught.value.revisions) == revisions
        _nothing_installed(folder)
        assert _annual_2025().median == Decimal(44770)  # still in use
    installed = data.update("oews", path, accept_revisions=True)
    assert list(installed.revisions) == revisions
    assert (installed.points, installed.new) == (1, 0)
    assert _annual_2025().median == (None if "A_MEDIAN" in changes else Decimal(44770))
    jobs = [item for item in ck.get("43-4051").employment if item.region == "US"]
    if "JOBS_1000" in changes:
        assert [item.per_1000 for item in jobs] == [Decimal("16.5")]


def _annual_2025() -> ck.PayBand:
    (annual,) = [
        b
        for b in ck.get("43-4051").pay_bands("US")
        if b.period.value == "year" and b.source == "bls-oews-may-2025"
    ]
    return annual


# --- BLS's own workbooks: history stacks --------------------------------------------------------

HISTORY = Path(__file__).parent / "data" / "oews"
WORKBOOKS = {
    "national_M2023_dl.xlsx": "9200eb0423feece690c2f7e9a20c3817b0e494cd7071cb455b3ebae579536d5a",
    "national_M2024_dl.xlsx": "a9bad3093703e28d7490cedb765b6730f4eaa4b37a7c8f68e866814167761f11",
    "national_M2025_dl.xlsx": "852250997ceff9b721ff68f63e877d818f9c1ec8b1b69dd367958faedd5282b2",
}


def real(name: str) -> Path:
    pytest.importorskip("openpyxl")
    path = HISTORY / name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == WORKBOOKS[name]  # BLS's file, unchanged
    return path


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with BLS's May 2023 and May 2024 national workbooks installed."""
    where = tmp_path_factory.mktemp("history")
    first = data.update("oews", real("national_M2024_dl.xlsx"), directory=where)
    assert (first.span, first.points, first.new) == ("2024-05", 831, 831)
    second = data.update("oews", real("national_M2023_dl.xlsx"), directory=where)
    assert (second.span, second.new, second.replaced) == ("2023-05", 831, ())
    return where


def test_bls_own_workbook_of_the_shipped_release_agrees_with_it(tmp_path: Path) -> None:
    # BLS's May 2025 national workbook, over careerkit's May 2025 release (made from BLS's
    # flat files): every figure agrees (no revision, none erased), the states are kept,
    # and its percentiles above the stated top code ($115.00 an hour) are not refused
    where = tmp_path / "data"
    installed = data.update("oews", real("national_M2025_dl.xlsx"), directory=where)
    assert (installed.span, installed.revisions, installed.new) == ("2025-05", (), 0)
    with data.use(where):
        (annual,) = [
            band
            for band in ck.get("43-4051").pay_bands("US")
            if band.period.value == "year" and str(band.reference_date) == "2025-05"
        ]
        assert annual.median == Decimal(44770) and annual.percentiles[90] == Decimal(63590)
        assert [
            b.median for b in ck.get("43-4051").pay_bands("US-CA") if b.period.value == "year"
        ] == [49560]
        assert catalogue.release()["reference_date"] == "2025-05"


def test_older_releases_add_history_and_never_replace_the_latest(history: Path) -> None:
    with data.use(history):
        assert catalogue.release()["reference_date"] == "2025-05"
        assert catalogue.source_id() == "bls-oews-may-2025"
        service = ck.get("43-4051")
        annual = service.pay_history(region="US", statistic="median", period="year")
        found = [(str(pay.when), pay.amount) for pay in annual]
        assert ("2008-05", Decimal(29860)) in found  # BLS's own, not the profile's 14.36 x 2,080
        assert found[-3:] == [
            ("2023-05", Decimal(39680)),
            ("2024-05", Decimal(42830)),
            ("2025-05", Decimal(44770)),
        ]
        assert len({when for when, _ in found}) == len(found)  # installed and shipped: one each
        hourly = [(str(pay.when), str(pay.amount)) for pay in service.pay_history(period="hour")]
        assert ("2008-05", "14.36") in hourly
        assert hourly[-3:] == [("2023-05", "19.08"), ("2024-05", "20.59"), ("2025-05", "21.53")]
        growth = service.pay_growth(since="2023-05")
        assert growth.nominal == Decimal("0.1284")  # 21.53 / 19.08 - 1
        assert str(growth.earlier.when) == "2023-05" and str(growth.later.when) == "2025-05"
        pr = ck.get("27-3031").pay_history(statistic="median", period="year")
        assert [(str(pay.when), pay.amount) for pay in pr][-3:] == [
            ("2023-05", Decimal(66750)),
            ("2024-05", Decimal(69780)),
            ("2025-05", Decimal(74750)),
        ]
        # each band cites its own release
        nurses = ck.get("29-1141")
        by_source = {b.source: str(b.reference_date) for b in nurses.pay_bands("US")}
        assert by_source == {
            "bls-oews-may-2023": "2023-05",
            "bls-oews-may-2024": "2024-05",
            "bls-oews-may-2025": "2025-05",
        }
        source = nurses.get_source("bls-oews-may-2023")
        assert str(source.reference_date) == "2023-05"
        assert "national_M2023_dl.xlsx (sha256 9200eb04" in source.note.en  # type: ignore[union-attr]
        assert source.title.en.startswith(
            "Occupational Employment and Wage Statistics (OEWS): national"
        )
        # the states are May 2025's alone: the national tables cover the nation
        assert {str(b.reference_date) for b in nurses.pay_bands("US-TX")} == {"2025-05"}
        assert [str(e.reference_date) for e in nurses.employment if e.region == "US"] == [
            "2023-05",
            "2024-05",
            "2025-05",
        ]
        # the catalogue's figures of every release rebuild through the validating constructors
        for career in (service, nurses, ck.get("53-2011"), ck.get("29-1022")):
            for item in (*career.pay, *career.employment):
                assert attrs.evolve(item) == item


def test_an_occupation_only_older_releases_have_is_a_career(history: Path) -> None:
    with data.use(history):
        legislators = ck.get("11-1031")
        assert legislators.id == "legislators" and legislators is ck.get("legislators")
        assert [(str(b.reference_date), b.median) for b in legislators.pay_bands("US")] == [
            ("2023-05", Decimal(47290)),
            ("2024-05", Decimal(44810)),
        ]
        assert [source.id for source in legislators.sources][:2] == [
            "bls-oews-may-2023",
            "bls-oews-may-2024",
        ]
        assert legislators.codes["SOC-2018"] == "11-1031"
        check_profile(legislators)
        assert len(ck.careers()) == 831
        # renamed titles keep their released ids and take the newest release's title
        grinding = ck.get("51-4033")
        assert grinding.id == catalogue.occupations()["51-4033"].id
        assert "&" in grinding.title.en  # May 2025's title


@pytest.mark.parametrize("name", ["national_M2023_dl.xlsx", "national_M2024_dl.xlsx"])
def test_a_new_occupation_has_one_id_whichever_release_brings_it(folder: Path, name: str) -> None:
    data.update("oews", real(name))
    assert ck.get("11-1031").id == "legislators"


def test_releases_stack_the_same_in_any_order(history: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    for name in ("national_M2023_dl.xlsx", "national_M2024_dl.xlsx"):
        data.update("oews", real(name), directory=other)

    def seen(where: Path) -> list[object]:
        with data.use(where):
            careers = [ck.get(key) for key in ("43-4051", "11-1031", "29-1022", "53-2011")]
            return [(c.id, c.pay, c.employment, c.summary) for c in careers]

    assert seen(history) == seen(other)


def test_status_lists_every_release_in_use(history: Path) -> None:
    with data.use(history):
        (oews,) = data.status("oews")
    assert oews.span == "2023-05 to 2025-05" and oews.last == "2025-05"
    assert oews.keys == 831 and oews.last_value == "831 occupations"
    assert [
        (r.reference_date, r.role, r.shipped, r.occupations, r.coverage()) for r in oews.releases
    ] == [
        ("2023-05", "history", False, 831, "national"),
        ("2024-05", "history", False, 831, "national"),
        (
            "2025-05",
            "latest",
            True,
            830,
            "national and 54 states and territories; 528 metropolitan and nonmetropolitan areas",
        ),
    ]
    assert [file.name for file in oews.releases[0].files] == ["national_M2023_dl.xlsx"]
    text = oews.describe()
    assert (
        "  release 2024-05: national, 831 occupations (your update: national_M2024_dl.xlsx); "
        "history" in text
    )
    assert (
        "  release 2025-05: national and 54 states and territories; 528 metropolitan and "
        "nonmetropolitan areas, 830 occupations (shipped); latest" in text
    )
    document = oews.to_dict()
    assert document["releases"][0]["files"][0]["sha256"] == WORKBOOKS["national_M2023_dl.xlsx"]
    assert document["releases"][2]["areas"][:3] == ["US", "US-AK", "US-AL"]


# --- the gate: every value checked before anything is written -----------------------------------


def _one_row(path: Path, **changes: str) -> Path:
    """A national table whose customer service row has *changes*."""
    row = bls(
        "99", "1", "US", "43-4051", "Customer Service Representatives", "detailed", **csr(**changes)
    )
    return write_csv(path, [*NATIONAL[:2], row])


def _nothing_installed(folder: Path) -> None:
    assert not (folder / "oews" / "manifest.json").exists()
    if (folder / "oews").exists():
        assert [path.name for path in (folder / "oews").iterdir()] == [".lock"]
    assert ck.get("43-4051").pay_bands("US")[-1].source == "bls-oews-may-2025"


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"TOT_EMP": "12.5"}, "row 4, column TOT_EMP: '12.5': expected a whole number (a count), such as 2,601,200"),
        ({"TOT_EMP": "-5"}, "row 4, column TOT_EMP: '-5': expected a whole number (a count)"),
        ({"TOT_EMP": "#"}, "row 4, column TOT_EMP: '#': expected a number written as digits"),
        ({"H_MEDIAN": "1e20"}, "row 4, column H_MEDIAN: '1e20': expected a number of at most 10^15"),
        ({"H_MEDIAN": "2_2.10"}, "row 4, column H_MEDIAN: '2_2.10': expected a number written as digits with a decimal point, such as 2,601,200 or 22.10, or one of BLS's marks (*, **, #)"),
        ({"H_MEDIAN": "NaN"}, "row 4, column H_MEDIAN: 'NaN': expected a number written as digits"),
        ({"H_MEDIAN": "Infinity"}, "row 4, column H_MEDIAN: 'Infinity': expected a number written as digits"),
        ({"H_MEDIAN": "0x16"}, "row 4, column H_MEDIAN: '0x16': expected a number written as digits"),
        ({"A_MEAN": "1e-99999999"}, "row 4, column A_MEAN: '1e-99999999': expected a number of at most 10^15 and, unless 0, at least 10^-12"),
        ({"A_MEAN": "4" * 40}, "expected a number of at most 30 significant digits"),
        ({"MEAN_PRSE": "-0.2"}, "row 4, column MEAN_PRSE: '-0.2': expected a number of 0 or more, or one of BLS's marks"),
        ({"H_PCT25": "40.00"}, "row 4, column H_MEDIAN: '22.10': below H_PCT25 (40.00): BLS's hourly percentiles rise, p10 <= p25 <= median <= p75 <= p90"),
        ({"A_PCT90": "50000"}, "row 4, column A_PCT90: '50000': below A_PCT75 (53250): BLS's annual percentiles rise"),
        ({"A_MEDIAN": "", "A_PCT75": "38000"}, "row 4, column A_PCT75: '38000': below A_PCT25 (38480)"),  # absent skipped
        ({"EMP_PRSE": "#"}, "row 4, column EMP_PRSE: '#': expected a number written as digits"),
        ({"H_MEDIAN": "\u0662\u0662.\u0661\u0660"}, "row 4, column H_MEDIAN: '\u0662\u0662.\u0661\u0660': expected a number written as digits"),
        # as careerkit keeps figures, fixed point: 0e-999999 would be a million zeros
        ({"H_MEAN": "0e-999999"}, "row 4, column H_MEAN: '0e-999999': expected a number of at most 45 decimal places, or one of BLS's marks"),
        ({"MEAN_PRSE": "0.2" + "0" * 55}, "row 4, column MEAN_PRSE: '0.2" + "0" * 55 + "': expected a number of at most 45 decimal places"),
        ({"MEAN_PRSE": "1." + "0" * 50 + "e-5"}, "expected a number of at most 45 decimal places"),
    ],
)  # fmt: skip
def test_every_value_passes_the_gate(
    folder: Path, tmp_path: Path, changes: dict[str, str], fragment: str
) -> None:
    path = _one_row(tmp_path / "national_M2026_dl.csv", **changes)
    with pytest.raises(DataFormatError) as caught:
        data.update("oews", path)
    assert fragment in str(caught.value)
    assert str(caught.value).startswith("national_M2026_dl.csv, row 4, column ")
    _nothing_installed(folder)


def test_figures_are_kept_as_careerkit_reads_them(folder: Path, tmp_path: Path) -> None:
    path = _one_row(tmp_path / "national_M2026_dl.csv", MEAN_PRSE="-0.0", H_MEAN="+22.90")
    data.update("oews", path)
    (hourly,) = [b for b in ck.get("43-4051").pay_bands("US") if b.source.endswith("2026")][:1]
    assert (str(hourly.mean_rse), str(hourly.mean)) == ("0.0", "22.90")


SERVICE = bls("99", "1", "US", "43-4051", "Customer Service Representatives", "detailed", **csr())


@pytest.mark.parametrize(
    ("rows", "fragment"),
    [
        ([bls("99", "1", "US", "43-4051", "Customer\tService Representatives", "detailed", **csr())], "row 4, column OCC_TITLE: 'Customer\\tService Representatives': expected one line of text without control characters (found U+0009)"),
        ([bls("99", "1", "US", "43-4051", "Customer\nService", "detailed", **csr())], "row 4, column OCC_TITLE: 'Customer\\nService': expected one line of text without control characters (found U+000A)"),
        ([bls("99", "1", "US", "43-4051", "x" * 1001, "detailed", **csr())], "column OCC_TITLE: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' (1,001 characters): expected at most 1,000 characters"),
        ([SERVICE, bls("99", "1", "US", "43-9999", "!!!", "detailed", **csr())], "row 5, column OCC_TITLE: '!!!': expected text with at least one letter or digit"),
        ([SERVICE, bls("99", "1", "US", "43-9999", "顧客サービス", "detailed", **csr())], "row 5, column OCC_TITLE: '顧客サービス': a new occupation's id is its title in ASCII letters and digits, and this title has none"),
        ([SERVICE, bls("99999999999", "2", "CA", "43-4051", "Customer Service Representatives", "detailed", **csr())], "row 5, column AREA: '99999999999': expected the FIPS code of a state or territory, such as 6 or 06"),
        ([SERVICE, bls("99", "2", "CA", "43-4051", "Customer Service Representatives", "detailed", **csr())], "row 5, column AREA: '99': expected the FIPS code of a state or territory"),
        # digits are ASCII digits: Arabic-Indic ones are no code
        ([SERVICE, bls("99", "1", "US", "\u0664\u0663-\u0664\u0660\u0665\u0669", "Foo Bar", "detailed", **csr())], "row 5, column OCC_CODE: '\u0664\u0663-\u0664\u0660\u0665\u0669': expected a SOC code such as 43-4051"),
        ([SERVICE, bls("\u0660\u0666", "2", "CA", "43-4051", "Customer Service Representatives", "detailed", **csr())], "row 5, column AREA: '\u0660\u0666': expected the FIPS code of a state or territory"),
        ([SERVICE, SERVICE], "row 5: 43-4051 appears twice for area 0000000 (also national_M2026_dl.csv, row 4): give each table once"),
        ([SERVICE, bls("99", "1", "US", "47-2061", "Construction Laborers", "detailed", **csr())], "row 5: 47-2061 (Construction Laborers) has no national row for its major group, 47-0000"),
        # fine: an employment not released; a state; a group and its detailed occupation, one code
        ([bls("99", "1", "US", "43-4051", "Customer Service Representatives", "detailed", **csr(TOT_EMP="**"))], None),
        ([SERVICE, bls("6", "2", "CA", "43-4051", "Customer Service Representatives", "detailed", **csr())], None),
        ([bls("99", "1", "US", "43-4051", "Customer Service Representatives", "broad", **csr(A_MEDIAN="46000")), SERVICE], None),
    ],
)  # fmt: skip
def test_titles_ids_areas_and_rows_are_checked(
    folder: Path, tmp_path: Path, rows: list[list[str]], fragment: str | None
) -> None:
    path = write_csv(tmp_path / "national_M2026_dl.csv", [*NATIONAL[:2], *rows])
    if fragment is None:
        data.update("oews", path)
        assert catalogue.source_id() == "bls-oews-may-2026"
        (band,) = [b for b in ck.get("43-4051").pay_bands("US") if b.source.endswith("2026")][-1:]
        assert band.median == Decimal(45970)  # the detailed occupation's row, never the group's
        return
    with pytest.raises(DataFormatError) as caught:
        data.update("oews", path)
    assert fragment in str(caught.value)
    _nothing_installed(folder)


def _new(code: str, title: str) -> list[str]:
    return bls("99", "1", "US", code, title, "detailed", **csr())


@pytest.mark.parametrize(
    ("rows", "fragment"),
    [
        # the title of an occupation careerkit has, under another code (a SOC 2010 code, say)
        ([_new("43-4059", "Customer Service Representatives")], "row 4, column OCC_TITLE: 'Customer Service Representatives': 43-4059 would answer to this title, as career 'customer-service' (SOC 43-4051) does, and two careers cannot answer to one key. Is 43-4059 a code of another SOC version? careerkit reads OEWS releases coded in SOC 2018, where each occupation has a code and title of its own"),
        ([_new("43-4059", "Customer Service Representatives"), SERVICE], "row 4, column OCC_TITLE: 'Customer Service Representatives': 43-4059 would answer to this title, as career 'customer-service' (SOC 43-4051) does (national_M2026_dl.csv, row 5)"),
        ([_new("43-4058", "Software Developers")], "row 4, column OCC_TITLE: 'Software Developers': 43-4058 would answer to this title, as occupation 15-1252 (Software Developers) does"),
        ([_new("43-4058", "Zorbo Wranglers"), _new("43-4057", "Zorbo Wranglers")], "row 5, column OCC_TITLE: 'Zorbo Wranglers': 43-4057 would answer to this title, as occupation 43-4058 (Zorbo Wranglers) does (national_M2026_dl.csv, row 4)"),
        # a built-in profile's alias: the profile would be skipped
        ([_new("43-4058", "CSR")], "row 4, column OCC_TITLE: 'CSR': 43-4058 would answer to this title, as career 'customer-service' (SOC 43-4051) does"),
        ([_new("43-4058", "PR specialist")], "row 4, column OCC_TITLE: 'PR specialist': 43-4058 would answer to this title, as career 'public-relations-specialist' (SOC 27-3031) does"),
        ([_new("43-4058", "\u0108SR")], "row 4, column OCC_TITLE: '\u0108SR': 43-4058 would answer to the id 'csr' made of this title, as career 'customer-service' (SOC 43-4051) does"),
        # an occupation in use renamed, in the newest release, as another
        ([bls("99", "1", "US", "43-4051", "Software Developers", "detailed", **csr())], "row 4, column OCC_TITLE: 'Software Developers': 43-4051 would answer to this title, as occupation 15-1252 (Software Developers) does"),
        # fine: a title no career answers to
        ([_new("43-4058", "Zorbo Wranglers")], None),
    ],
)  # fmt: skip
def test_no_two_careers_answer_to_one_key(
    folder: Path, tmp_path: Path, rows: list[list[str]], fragment: str | None
) -> None:
    path = write_csv(tmp_path / "national_M2026_dl.csv", [*NATIONAL[:2], *rows])
    if fragment is None:
        data.update("oews", path)
        assert ck.get("zorbo wranglers").codes["SOC-2018"] == "43-4058"
        assert len(ck.careers()) == 831
        return
    with pytest.raises(DataFormatError) as caught:
        data.update("oews", path)
    assert fragment in str(caught.value)
    _nothing_installed(folder)
    # every lookup works, the built-in profiles among them
    assert (
        ck.get("csr").id == "customer-service"
        and ck.get("pr-specialist").codes["SOC-2018"] == "27-3031"
    )
    assert ck.get("Software Developers").codes["SOC-2018"] == "15-1252"


def test_an_older_workbook_coded_in_soc_2010_is_refused(folder: Path, tmp_path: Path) -> None:
    """BLS's May 2024 workbook with web developers under their SOC 2010 code, 15-1134 (15-1254 in
    SOC 2018), as older workbooks have them."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(real("national_M2024_dl.xlsx"))
    sheet = book.worksheets[0]
    column = [cell.value for cell in sheet[1]].index("OCC_CODE") + 1
    (row,) = [cells for cells in sheet.iter_rows(min_row=2) if cells[column - 1].value == "15-1254"]
    row[column - 1].value = "15-1134"
    path = tmp_path / "national_M2019_dl.xlsx"
    book.save(path)
    with pytest.raises(DataFormatError) as caught:
        data.update("oews", path)
    assert (
        f"national_M2019_dl.xlsx (sheet 'national_M2024_dl'), row {row[0].row}, column OCC_TITLE: "
        "'Web Developers': 15-1134 would answer to this title, as occupation 15-1254 (Web "
        "Developers) does, and two careers cannot answer to one key. Is 15-1134 a code of another "
        "SOC version?"
    ) in str(caught.value)
    _nothing_installed(folder)
    assert ck.get("web developers").codes["SOC-2018"] == "15-1254"


@pytest.mark.parametrize(
    ("rows", "notes", "fragment"),
    [
        (NATIONAL, ("#  = indicates a wage equal to or greater than $99999999999999999999.00 per hour or $1 per year",), "national_M2026_dl.xlsx (sheet 'All May 2026 data'), field descriptions: the top code per hour, '$99999999999999999999.00': expected a number of at most 10^15"),
        (NATIONAL, ("# = at or above $\u0661\u0662\u0660.\u0660\u0660 per hour or $249,600 per year",), "field descriptions: the top code per hour, '$\u0661\u0662\u0660.\u0660\u0660': expected a number written as digits with a decimal point"),
        (NATIONAL, ("# = at or above $120.00 per hour or $1e5 per year",), "the top code per year, '$1e5': expected a number written as digits"),
        (NATIONAL, ("# = at or above $0.00 per hour or $0 per year",), "the top code per hour, '$0.00': expected a wage above 0"),
        (NATIONAL, ("# = at or above $120.00 per hour or $1 per year",), "the top code per year, '$1': expected the hourly top code x 2,080 hours, as BLS states annual wages"),
        (NATIONAL, ("# = at or above $1.00 per hour or $2,080 per year",), "national_M2026_dl.xlsx: the top code the field descriptions state, $1.00 an hour, is not above the median wage of all occupations (00-0000: 25.05): it is not BLS's"),
        # a percentile above a top-coded one is top-coded too
        ([*NATIONAL[:2], bls("99", "1", "US", "43-4051", "Customer Service Representatives", "detailed", **csr(H_PCT75="#"))], NOTES, "row 4, column H_PCT90: '31.4': a figure above H_PCT75 (#, at or above the top code): BLS's hourly percentiles rise, and one above a top-coded percentile is top-coded (#) too"),
        # fine: a mean above the top code (BLS publishes anesthesiologists' so)
        ([*NATIONAL[:2], bls("99", "1", "US", "43-4051", "Customer Service Representatives", "detailed", **csr(H_MEAN="150.00", A_MEAN="312000", H_PCT90="#", A_PCT90="#"))], NOTES, None),
    ],
)  # fmt: skip
def test_the_top_code_is_checked(
    folder: Path,
    tmp_path: Path,
    rows: list[list[str]],
    notes: tuple[str, ...],
    fragment: str | None,
) -> None:
    path = tmp_path / "national_M2026_dl.xlsx"
    path.write_bytes(workbook(rows, notes))
    if fragment is None:
        data.update("oews", path)
        assert catalogue.release()["top_code_hour"] == "120.00"
        (hourly,) = [b for b in ck.get("43-4051").pay_bands("US") if b.source.endswith("2026")][:1]
        assert (hourly.mean, hourly.top_coded, hourly.top_code) == (150, ("p90",), 120)
        return
    with pytest.raises(DataFormatError) as caught:
        data.update("oews", path)
    assert fragment in str(caught.value)
    _nothing_installed(folder)


# --- hostile files: careerkit's errors, never Python's --------------------------------------------


def _zip(*members: tuple[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, content in members:
            archive.writestr(name, content)
    return out.getvalue()


def _encrypted(content: bytes) -> bytes:
    """*content*, a zip archive, with every member marked encrypted (as a password would)."""
    marked = bytearray(content)
    for signature, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = marked.find(signature)
        while at != -1:
            marked[at + flags] |= 1
            at = marked.find(signature, at + 4)
    return bytes(marked)


def _damaged_member() -> bytes:
    content = bytearray(_zip(("oesm26nat/national_M2026_dl.csv", _table_bytes() * 40)))
    content[60:90] = b"\xff" * 30
    return bytes(content)


def _table_bytes() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(row for row in NATIONAL if "#" not in row)
    return out.getvalue().encode("utf-8")


def _workbook_with(sheet_xml: bytes) -> bytes:
    """A real workbook (openpyxl's) whose first sheet's XML is *sheet_xml*."""
    content = workbook([row for row in NATIONAL if "#" not in row])
    source = zipfile.ZipFile(io.BytesIO(content))
    return _zip(
        *(
            (
                info.filename,
                sheet_xml if info.filename == "xl/worksheets/sheet1.xml" else source.read(info),
            )
            for info in source.infolist()
        )
    )


HEADER = ",".join(COLUMNS).encode()
HOSTILE = [
    ("national_M2026_dl.csv", b"", "national_M2026_dl.csv: holds no rows with an OCC_CODE column"),
    ("national_M2026_dl.csv", HEADER + b"\n99,x,1\n", "national_M2026_dl.csv: row 2 has 3 cells and the header 32: the file may be cut short"),
    ("national_M2026_dl.csv", _table_bytes()[:-40], "the file may be cut short"),
    ("national_M2026_dl.csv", b"AREA,AREA,OCC_CODE\n1,2,3\n", "national_M2026_dl.csv: has two columns named 'AREA'"),
    ("national_M2026_dl.csv", b"AREA," * 300 + b"\n", "has 301 columns, more than a BLS table's"),
    ("national_M2026_dl.csv", _table_bytes().replace(b"Customer", b"Cust\x00omer"), "holds NUL characters: it is not a text table"),
    ("national_M2026_dl.csv", HEADER + b'\n"' + b"x" * 200_000 + b'"\n', "national_M2026_dl.csv: row 2 cannot be read as CSV (field larger than field limit (131072))"),
    ("national_M2026_dl.csv", b"\xff\xfeA\x00R\x00", "national_M2026_dl.csv: is not UTF-8 text (invalid start byte at byte 0)"),
    ("national_M2026_dl.csv", HEADER + b'\n"99,1\n', "national_M2026_dl.csv: row 2 has"),
    ("oesm26nat.zip", b"PK\x03\x04garbage", "oesm26nat.zip: is not a whole zip archive"),
    ("oesm26nat.zip", _zip(("national_M2026_dl.csv", _table_bytes()))[:-30], "oesm26nat.zip: is not a whole zip archive"),
    ("oesm26nat.zip", _zip(("readme.txt", b"hello")), "oesm26nat.zip: holds no .xlsx or .csv table"),
    ("oesm26nat.zip", _damaged_member(), "oesm26nat.zip: 'oesm26nat/national_M2026_dl.csv' cannot be unpacked"),
    ("oesm26nat.zip", _encrypted(_zip(("national_M2026_dl.csv", _table_bytes()))), "oesm26nat.zip: 'national_M2026_dl.csv' is encrypted: give the file as BLS serves it"),
    ("oesm26nat.zip", _zip(("national_M2026_dl.xlsx", b"not a workbook")), "oesm26nat.zip: 'national_M2026_dl.xlsx': is not an Excel workbook (one is a zip archive)"),
    ("national_M2026_dl.xlsx", b"hello", "national_M2026_dl.xlsx: is not an Excel workbook (one is a zip archive) (File is not a zip file)"),
    ("national_M2026_dl.xlsx", _zip(("a.csv", b"x"))[:25], "national_M2026_dl.xlsx: is not an Excel workbook"),
    ("national_M2026_dl.xlsx", _zip(("[Content_Types].xml", b"<x/>")), "national_M2026_dl.xlsx: cannot be read as an Excel workbook"),
    ("national_M2026_dl.xlsx", _workbook_with(b"<worksheet><sheetData><row>"), "national_M2026_dl.xlsx: cannot be read as an Excel workbook"),
    ("national_M2026_dl.xlsx", _workbook_with(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'), "national_M2026_dl.xlsx: holds no sheet with BLS's columns (OCC_CODE, OCC_TITLE, ...)"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "fragment"), HOSTILE)
def test_hostile_files_are_refused_by_name(
    folder: Path, tmp_path: Path, name: str, content: bytes, fragment: str
) -> None:
    pytest.importorskip("openpyxl")
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataFormatError) as caught:
        data.update("oews", path)
    assert fragment in str(caught.value)
    _nothing_installed(folder)


def test_a_bom_and_a_workbook_with_short_rows_are_read(folder: Path, tmp_path: Path) -> None:
    path = tmp_path / "national_M2026_dl.csv"
    path.write_bytes(b"\xef\xbb\xbf" + _table_bytes())
    data.update("oews", path)
    assert ck.get("43-4052").id == "customer-experience-representatives"


@pytest.mark.parametrize(
    ("call", "error", "fragment"),
    [
        (lambda p: data.update("oews", p / "nothing.csv"), DataFormatError, "nothing.csv: no such file"),
        (lambda p: data.update("oews", p), DataFormatError, ": not a file"),
        (lambda p: data.update("oews", p / ("a" * 5000 + "_M2026_.csv")), DataFormatError, "characters): cannot be read (File name too long): give the path of the file you downloaded"),
        (lambda p: data.update("cpi", p / ("a" * 5000 + ".csv")), DataFormatError, "characters): cannot be read (File name too long): give the path of the file you downloaded"),
        (lambda p: data.update("oews", str(p / "a\0b_M2026_.csv")), DataFormatError, "cannot be read (embedded null byte)"),
        (lambda p: data.update("oews", p / "x.csv", directory=5), ck.WrongTypeError, "directory: expected a folder path, got int 5"),
        (lambda p: data.reset("oews", directory=5), ck.WrongTypeError, "directory: expected a folder path, got int 5"),
        (lambda p: data.reset("oews", directory=b"/tmp"), ck.WrongTypeError, "directory: expected a folder path, got bytes b'/tmp'"),
        (lambda p: data.reset("oews", directory=""), ck.ValidationError, "directory: '' is not a folder path"),
        (lambda p: data.reset("oews", directory="a\0b"), ck.ValidationError, "directory: 'a\\x00b' is not a folder path"),
        (lambda p: data.reset("oews", directory=p / ("a" * 5000)), ck.ValidationError, "directory: cannot use careerkit's data folder"),
        (lambda p: data.update("oews", _one_row(p / "national_M2026_dl.csv"), directory=p / ("a" * 5000)), ck.ValidationError, "directory: cannot write to careerkit's data folder"),
        (lambda p: data.use(p / ("a" * 5000)), ck.ValidationError, "is not a folder"),
        (lambda p: data.update("oews", b"/tmp/x.csv"), ck.WrongTypeError, "files: expected a file path, got bytes"),
    ],
)  # fmt: skip
def test_paths_and_folders_are_checked(
    folder: Path, call: object, error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error) as caught:
        call(folder)  # type: ignore[operator]
    assert fragment in str(caught.value)
    assert len(str(caught.value)) < 600  # a 5,000-character name is quoted short


NASTY = st.sampled_from(
    ["", "*", "**", "#", "~", "-1", "1e999", "1e-999", "NaN", "inf", "1_0", "0x1f", "1,2,3", "12.5",
     "١٢", "\t", "\n", "\x00", "\ufeff", "9" * 40, "99999999999999999", ",", '"', "x" * 2000,
     "00-0000", "43-4051", "detailed", "total", "major", "1", "2", "3", "TRUE", "06", "US"]
)  # fmt: skip


@pytest.mark.thorough
@given(
    edits=st.lists(
        st.tuples(
            st.integers(0, len(NATIONAL) + 1),
            st.integers(0, len(COLUMNS) - 1),
            NASTY | st.text(max_size=8),
        ),
        min_size=1,
        max_size=6,
    ),
    cut=st.integers(0, 40) | st.none(),
)
def test_mutated_tables_raise_only_careerkits_errors(
    edits: list[tuple[int, int, str]], cut: int | None
) -> None:
    """Whatever is done to a table, an update installs it or refuses it with careerkit's error;
    what it installs reads back into valid careers."""
    import tempfile

    rows = [list(row) for row in (*NATIONAL[:6], *STATES[:1])]
    rows = [row for row in rows if "#" not in row]
    for at, column, value in edits:
        if at < len(rows):
            rows[at][column] = value
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    content = out.getvalue().encode("utf-8", "surrogatepass")
    if cut is not None:
        content = content[: max(0, len(content) - cut)]
    with tempfile.TemporaryDirectory() as where, data.use(where):
        path = Path(where) / "national_M2026_dl.csv"
        path.write_bytes(content)
        try:
            data.update("oews", path)
        except ck.CareerkitError as error:
            event(f"refused: {type(error).__name__}")
            assert not (Path(where) / "oews" / "manifest.json").exists()
            return
        event("installed")
        for soc in {row[8] for row in rows} & set(catalogue.occupations()):
            career = ck.get(soc)
            for item in (*career.pay, *career.employment):
                assert attrs.evolve(item) == item  # what was stored is valid
