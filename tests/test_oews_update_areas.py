"""Installing BLS OEWS releases with metropolitan and nonmetropolitan areas (``areas.bin``).

BLS's real May 2025 figures of three areas, in BLS's table layout
(``tests/data/oews-areas``, see its README), install over the shipped release
revising nothing, and check that every figure reads back as BLS printed it. A
pretend May 2024 release (figures made up here, in BLS's layout, like the pretend
May 2026 of ``test_data_oews.py``) adds each area's history. Every test installs into
a data folder of its own (``data_folder``), never the user's.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

import careerkit as ck
from careerkit import data
from careerkit.catalogue.sources import oews_areas
from careerkit.errors import DataFormatError, DataRevisionError
from test_data_folder import damaged, edit_manifest, reseal
from test_data_oews import COLUMNS, bls, workbook, write_csv

AREAS = Path(__file__).parent / "data" / "oews-areas"
FILES = {
    "national_M2025_dl.csv": "62cbe840f1a419c210a25baf3e7111eaa54a29e86a76b52bdb831ca6afcff5f4",
    "MSA_M2025_dl.csv": "4ea1055c803a026ce5b95b04ac631043e9d9fbab708ea932e21dc57e6a9d88ac",
    "BOS_M2025_dl.csv": "df7e93ec5f49f441054cc7db191f946277ff618c82641865fcaf5e060e739755",
}
AT = {column: number for number, column in enumerate(COLUMNS)}


def real(name: str) -> Path:
    path = AREAS / name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == FILES[name]  # as the README records
    return path


def rows_of(name: str) -> list[list[str]]:
    with real(name).open(encoding="utf-8", newline="") as file:
        header, *rows = csv.reader(file)
    assert header == COLUMNS
    return rows


def at(rows: list[list[str]], area: str, soc: str) -> int:
    """The index in *rows* of *soc*'s row in *area* (its row in the file: the index + 2)."""
    (found,) = [n for n, row in enumerate(rows) if row[0] == area and row[AT["OCC_CODE"]] == soc]
    return found


def edited(rows: list[list[str]], area: str, soc: str, **changes: str) -> list[list[str]]:
    rows = [list(row) for row in rows]
    for column, value in changes.items():
        rows[at(rows, area, soc)][AT[column]] = value
    return rows


@pytest.fixture
def folder(data_folder: Path) -> Path:
    return data_folder  # conftest's: an empty data folder, in use for the test


def releases(folder: Path) -> list[Path]:
    return sorted(path for path in (folder / "oews").iterdir() if path.is_dir())


def nothing_installed(folder: Path) -> None:
    assert not (folder / "oews" / "manifest.json").exists()
    if (folder / "oews").exists():
        assert [path.name for path in (folder / "oews").iterdir()] == [".lock"]
    assert annual("austin").median == Decimal(43720)  # the shipped May 2025 figure


def annual(where: str, soc: str = "43-4051", date: str = "2025-05") -> ck.PayBand:
    (band,) = [
        b
        for b in ck.get(soc).pay_bands(where)
        if b.period.value == "year" and str(b.reference_date) == date
    ]
    return band


DETAILED = ("00-0000", "11-9141", "15-1252", "19-1013", "25-2021", "29-1141", "43-4051")
"""The fixture's occupations (its major groups aside)."""


def shipped_rows() -> dict[tuple[str, str], list[str]]:
    """Every row of the fixture's occupations and areas in the shipped ``areas.bin``."""
    from careerkit.catalogue._area_file import read
    from careerkit.catalogue._releases import shipped_folder

    shipped = read((shipped_folder() / "areas.bin").read_bytes())
    return {
        (soc, area): shipped.row(soc, area)  # type: ignore[misc]
        for soc in DETAILED
        for area in ("0012420", "0035620", "3600001")
        if shipped.row(soc, area) is not None
    }


# --- BLS's real figures: installed over the shipped release, they revise nothing ----------------


def test_bls_area_rows_of_the_shipped_date_install_unchanged(folder: Path) -> None:
    installed = data.update(
        "oews", real("national_M2025_dl.csv"), real("MSA_M2025_dl.csv"), real("BOS_M2025_dl.csv")
    )
    # 6 occupations nationally, 6 in each metropolitan area and 4 in the nonmetropolitan one
    assert (installed.span, installed.points, installed.new, installed.revisions) == (
        "2025-05",
        6 + 12 + 4,
        0,
        (),
    )
    (release,) = releases(folder)
    assert sorted(path.name for path in release.iterdir()) == [
        "areas.bin", "occupations.tsv", "oews.bin", "release.json"
    ]  # fmt: skip
    # the store records and checks it as it does the release's other files
    manifest = json.loads((folder / "oews" / "manifest.json").read_text(encoding="utf-8"))
    (record,) = manifest["releases"]
    assert (
        record["contents"]["areas.bin"]
        == hashlib.sha256((release / "areas.bin").read_bytes()).hexdigest()
    )
    (user,) = [r for r in data.oews_releases() if r.folder == release]
    assert user.contents["areas.bin"] == (release / "areas.bin").read_bytes()

    # the installed file lies over the shipped one for its areas: every figure as BLS printed it
    stack = oews_areas._stack()
    head = stack.heads[-1]["about"]
    assert head["name"] == "OEWS May 2025 (installed by careerkit data update)"
    assert head["reference_date"] == "2025-05" and head["files"] == FILES
    assert (head["top_code_hour"], head["top_code_year"]) == (None, None)  # no CSV states one
    mine = stack.figures()[-1]
    expected = shipped_rows()
    assert {(soc, area) for soc in mine.socs() for area in mine.areas_of(soc)} == set(expected)
    assert len(expected) == 19  # all occupations and the detailed ones BLS published there
    for (soc, area), row in expected.items():
        assert mine.row(soc, area) == row, (soc, area)
    # the known values, read from the installed file
    york = annual("new york")
    assert (york.median, york.percentiles[10], york.percentiles[90]) == (49590, 36930, 77290)
    assert york.area is not None and york.area.code == "0035620"
    assert annual("3600001").median == Decimal(42780)
    (jobs,) = ck.get("43-4051").employment_in("0035620")
    assert jobs.count == 125570 and jobs.location_quotient == Decimal("0.79")
    assert jobs.area == york.area
    # BLS's marks, as for states: employment not released, wages not released, annual only
    assert ck.get("11-9141").pay_bands("austin")
    with pytest.raises(
        ck.PayBandNotFoundError, match="BLS released its pay there but no employment"
    ):
        ck.get("11-9141").employment_in("austin")
    assert ck.get("19-1013").employment_in("austin")[0].count == 190
    with pytest.raises(
        ck.PayBandNotFoundError, match="BLS released its employment there but no pay"
    ):
        ck.get("19-1013").pay_bands("austin")
    teachers = ck.get("25-2021").pay_bands("austin")
    assert [band.period.value for band in teachers] == ["year"]


def test_bls_workbooks_in_the_zip_bls_serves_read_the_same(folder: Path, tmp_path: Path) -> None:
    """``oesm25ma.zip`` holds BLS's two area workbooks, whose figures are number cells (23.8,
    1.0): careerkit keeps them as BLS prints them (23.80, 1.00), as the shipped file does."""
    archive = tmp_path / "oesm25ma.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("oesm25ma/MSA_M2025_dl.xlsx", workbook(rows_of("MSA_M2025_dl.csv")))
        bundle.writestr("oesm25ma/BOS_M2025_dl.xlsx", workbook(rows_of("BOS_M2025_dl.csv")))
    installed = data.update("oews", real("national_M2025_dl.csv"), archive)
    assert installed.revisions == () and installed.points == 22
    mine = oews_areas._stack().figures()[-1]
    for (soc, area), row in shipped_rows().items():
        assert mine.row(soc, area) == row, (soc, area)
    # the top code the workbooks' field descriptions state is the release's
    assert oews_areas._stack().heads[-1]["about"]["top_code_hour"] == "120.00"


def test_a_national_file_alone_installs_without_areas(folder: Path) -> None:
    data.update("oews", real("national_M2025_dl.csv"))
    (release,) = releases(folder)
    assert not (release / "areas.bin").exists()
    manifest = json.loads((folder / "oews" / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["releases"][0]["contents"]) == [
        "occupations.tsv", "oews.bin", "release.json"
    ]  # fmt: skip
    assert annual("austin").median == Decimal(43720)  # the shipped areas stay in use


@pytest.mark.parametrize(
    "names", [["MSA_M2025_dl.csv"], ["BOS_M2025_dl.csv"], ["MSA_M2025_dl.csv", "BOS_M2025_dl.csv"]]
)
def test_area_tables_alone_ask_for_the_national_one(folder: Path, names: list[str]) -> None:
    with pytest.raises(DataFormatError) as caught:
        data.update("oews", *(real(name) for name in names))
    assert str(caught.value) == (
        f"{', '.join(names)}: holds metropolitan and nonmetropolitan rows but no national ones. "
        "A release is installed with BLS's national table, which names its occupations and "
        "against which an area's figures are read: give the national file too, in the same "
        "call (careerkit data update oews oesm25nat.zip oesm25ma.zip, or national_M2025_dl.xlsx "
        "MSA_M2025_dl.xlsx BOS_M2025_dl.xlsx)"
    )
    nothing_installed(folder)


# --- a release of the shipped date lies over the shipped area figures -----------------------------


def test_a_release_of_the_shipped_date_revises_area_figures(folder: Path, tmp_path: Path) -> None:
    msa = write_csv(
        tmp_path / "MSA_M2025_dl.csv",
        edited(rows_of("MSA_M2025_dl.csv"), "12420", "43-4051", A_MEDIAN="44000", A_PCT90="*"),
    )
    national = real("national_M2025_dl.csv")
    with pytest.raises(DataRevisionError) as caught:
        data.update("oews", national, msa)
    assert list(caught.value.revisions) == [
        ("43-4051 0012420", "annual_median", "43720", "44000"),
        ("43-4051 0012420", "annual_p90", "61610", "*"),  # a figure in use left out
    ]
    nothing_installed(folder)

    installed = data.update("oews", national, msa, accept_revisions=True)
    assert len(installed.revisions) == 2
    band = annual("austin")
    assert (band.median, band.percentiles.get(90)) == (Decimal(44000), None)
    assert annual("new york").median == Decimal(49590)  # in the release, unchanged
    assert annual("3600001").median == Decimal(42780)  # not in it: the shipped figure
    assert annual("abilene").median == Decimal(36830)  # not in it: the shipped figure
    assert [str(b.reference_date) for b in ck.get("43-4051").pay_bands("austin")] == [
        "2025-05", "2025-05"
    ]  # fmt: skip  # one band a period for the date: the release's, not both

    # removing the release restores the shipped figures
    assert data.reset("oews") == ("oews",)
    assert annual("austin").median == Decimal(43720)
    assert annual("austin").percentiles[90] == Decimal(61610)


def test_a_release_that_covers_another_of_its_date_drops_it(folder: Path, tmp_path: Path) -> None:
    national, msa, bos = (real(name) for name in FILES)
    first = data.update("oews", national, msa)
    # a national table alone leaves the areas of the first: both stay
    second = data.update("oews", national)
    assert second.replaced == () and len(releases(folder)) == 2
    assert annual("austin").median == Decimal(43720)
    # the same areas, the nation and more: covers both, which are dropped
    third = data.update("oews", national, msa, bos)
    assert [file.name for file in third.replaced] == [
        *(file.name for file in first.files),
        *(file.name for file in second.files),
    ]
    assert len(releases(folder)) == 1
    assert annual("3600001").median == Decimal(42780)


# --- another date adds each area's history ------------------------------------------------------


def _pretend_2024() -> list[list[str]]:
    """A pretend May 2024 table (BLS's layout, made-up figures), nation and areas in one table
    as in BLS's ``all_data_M_2024.xlsx``."""

    def row(area: str, kind: str, state: str, name: str, code: str, title: str, group: str,
            jobs: str, hourly: list[str], annual: list[str], **more: str) -> list[str]:  # fmt: skip
        figures = dict(zip(
            ["H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90"], hourly, strict=True
        )) | dict(zip(
            ["A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90"], annual, strict=True
        ))  # fmt: skip
        return bls(area, kind, state, code, title, group, AREA_TITLE=name, TOT_EMP=jobs,
                   EMP_PRSE="1.0", **figures, **more)  # fmt: skip

    everyone, csr = "All Occupations", "Customer Service Representatives"
    austin, york = "Austin-Round Rock-San Marcos, TX", "New York-Newark-Jersey City, NY-NJ"
    alabama = "Northwest Alabama nonmetropolitan area"
    hourly = ["14.00", "17.00", "20.00", "23.00", "28.00"]
    return [
        row("99", "1", "US", "U.S.", "00-0000", everyone, "total", "151,000,000",
            ["14.50", "17.50", "23.80", "37.50", "60.00"], ["30160", "36400", "49500", "78000", "124800"]),
        row("99", "1", "US", "U.S.", "43-0000", "Office and Administrative Support Occupations",
            "major", "18,000,000", ["15.00"] * 5, ["31200"] * 5),
        row("99", "1", "US", "U.S.", "43-4051", csr, "detailed", "2,700,000",
            ["14.80", "17.10", "20.59", "24.00", "29.50"], ["30780", "35570", "42830", "49920", "61360"]),
        row("12420", "4", "TX", austin, "00-0000", everyone, "total", "1,280,000",
            ["14.00", "18.00", "27.00", "43.00", "65.00"], ["29120", "37440", "56160", "89440", "135200"],
            JOBS_1000="1000.000", LOC_QUOTIENT="1.00"),
        row("12420", "4", "TX", austin, "43-4051", csr, "detailed", "31,000",
            hourly, ["29120", "35360", "41600", "47840", "58240"], JOBS_1000="24.2", LOC_QUOTIENT="1.4",
            H_MEAN="20.5", A_MEAN="42640"),
        row("35620", "4", "NY", york, "00-0000", everyone, "total", "9,400,000",
            ["17.00", "20.00", "29.00", "49.00", "79.00"], ["35360", "41600", "60320", "101920", "164320"]),
        row("35620", "4", "NY", york, "43-4051", csr, "detailed", "124,000",
            ["17.00", "20.00", "23.00", "29.00", "36.00"], ["35360", "41600", "47840", "60320", "74880"]),
        row("100001", "6", "AL", alabama, "00-0000", everyone, "total", "140,000",
            ["11.00", "13.00", "18.00", "25.00", "35.00"], ["22880", "27040", "37440", "52000", "72800"]),
    ]  # fmt: skip


def test_another_date_adds_each_areas_history(folder: Path, tmp_path: Path) -> None:
    table = write_csv(tmp_path / "all_data_M_2024.csv", _pretend_2024())
    installed = data.update("oews", table)
    assert (installed.span, installed.points, installed.new) == ("2024-05", 3, 3)
    service = ck.get("43-4051")
    history = service.pay_history("austin", statistic="median", period="year")
    assert [(str(pay.when), pay.amount) for pay in history] == [
        ("2024-05", Decimal(41600)),  # installed
        ("2025-05", Decimal(43720)),  # shipped
    ]
    hourly = service.pay_history("austin", statistic="median", period="hour")
    assert [pay.amount for pay in hourly] == [Decimal("20.00"), Decimal("21.02")]
    growth = service.pay_growth("austin", since="2024-05")
    assert (growth.earlier.amount, growth.later.amount) == (Decimal("20.00"), Decimal("21.02"))
    assert growth.nominal == Decimal("0.0510")  # 21.02 / 20.00 - 1
    (band,) = [b for b in service.pay_bands("austin") if b.period.value == "year"][:1]
    assert band.source == "bls-oews-may-2024" and band.area == ck.area("0012420")
    assert band.percentiles[90] == Decimal(58240)
    (hour,) = [b for b in service.pay_bands("austin") if str(b.reference_date) == "2024-05"][:1]
    assert (hour.period.value, hour.mean) == ("hour", Decimal("20.50"))
    (jobs,) = [e for e in service.employment_in("austin") if e.count == 31000]
    assert (jobs.per_1000, jobs.location_quotient) == (Decimal("24.2"), Decimal("1.4"))
    # kept as BLS prints an area's figures, whatever precision the table wrote them in
    stack = oews_areas._stack()
    (mine,) = [
        found
        for head, found in zip(stack.heads, stack.figures(), strict=True)
        if head["about"]["reference_date"] == "2024-05"
    ]
    row = dict(zip(ck.catalogue.FIELDS, mine.row("43-4051", "0012420"), strict=True))  # type: ignore[arg-type]
    assert (row["hourly_mean"], row["jobs_per_1000"], row["location_quotient"]) == (
        "20.50", "24.200", "1.40"
    )  # fmt: skip
    assert [str(b.reference_date) for b in service.pay_bands("new york") if b.period.value == "year"] == [
        "2024-05", "2025-05"
    ]  # fmt: skip
    # a nonmetropolitan code a spreadsheet cut short (100001 for 0100001), all occupations
    assert [str(b.reference_date) for b in oews_areas.all_occupations("0100001").pay][::2] == [
        "2024-05", "2025-05"
    ]  # fmt: skip
    # the newest date stays the catalogue's latest, and the newest file names the areas
    assert ck.catalogue.release()["reference_date"] == "2025-05"
    assert ck.area("austin").name == "Austin-Round Rock-San Marcos, TX"
    for item in (*service.pay_bands("austin"), *service.employment_in("austin")):
        assert attrs.evolve(item) == item  # what was stored is valid

    assert data.reset("oews") == ("oews",)
    assert [str(p.when) for p in ck.get("43-4051").pay_history("austin")] == ["2025-05"]


# --- hostile tables: careerkit's error, naming file, row, column and value ------------------------

MSA = rows_of("MSA_M2025_dl.csv")
BOS = rows_of("BOS_M2025_dl.csv")
CSR = at(MSA, "12420", "43-4051") + 2  # its row in the file


def _duplicated() -> list[list[str]]:
    return [*MSA, MSA[CSR - 2]]


def _without_everyone() -> list[list[str]]:
    return [row for row in MSA if not (row[0] == "12420" and row[AT["OCC_CODE"]] == "00-0000")]


HOSTILE = [
    (edited(MSA, "12420", "43-4051", AREA="1242"), f"row {CSR}, column AREA: '1242': expected the CBSA code of a metropolitan area (AREA_TYPE 4), 5 digits such as 12420 (or BLS's area code, 0012420)"),
    (edited(MSA, "12420", "43-4051", AREA="\u0661\u0662\u0664\u0662\u0660"), f"row {CSR}, column AREA: '\u0661\u0662\u0664\u0662\u0660': expected the CBSA code of a metropolitan area"),
    (edited(MSA, "12420", "43-4051", AREA="00000"), f"row {CSR}, column AREA: '00000': expected the CBSA code"),
    (edited(MSA, "12420", "43-4051", AREA="12420x"), f"row {CSR}, column AREA: '12420x': expected the CBSA code"),
    (edited(MSA, "12420", "43-4051", AREA_TYPE="6"), f"row {CSR}, column AREA: '12420': expected the code of a nonmetropolitan area (AREA_TYPE 6), 7 digits, its state's FIPS code first, such as 3600001"),
    (edited(MSA, "12420", "43-4051", AREA_TYPE="6", AREA="9900001"), f"row {CSR}, column AREA: '9900001': expected the code of a nonmetropolitan area"),
    (edited(MSA, "12420", "43-4051", AREA_TYPE="6", AREA="3600000"), f"row {CSR}, column AREA: '3600000': expected the code of a nonmetropolitan area"),
    (_duplicated(), f"row {len(MSA) + 2}: 43-4051 appears twice for area 0012420 (also MSA_M2025_dl.csv, row {CSR}): give each table once"),
    (edited(MSA, "12420", "43-4051", A_PCT75="40000"), f"row {CSR}, column A_PCT75: '40000': below A_MEDIAN (43720): BLS's annual percentiles rise, p10 <= p25 <= median <= p75 <= p90"),
    (edited(MSA, "12420", "43-4051", H_MEDIAN="\u0662\u0661.\u0660\u0662"), f"row {CSR}, column H_MEDIAN: '\u0662\u0661.\u0660\u0662': expected a number written as digits"),
    (edited(MSA, "12420", "43-4051", TOT_EMP="-5"), f"row {CSR}, column TOT_EMP: '-5': expected a whole number (a count)"),
    # an area's figures in the precision BLS publishes them in, which careerkit's area file keeps
    (edited(MSA, "12420", "43-4051", A_MEDIAN="43725"), f"row {CSR}, column A_MEDIAN: '43725': expected an annual wage in whole tens of dollars, as BLS publishes an area's figures (such as 49590)"),
    (edited(MSA, "12420", "43-4051", H_MEDIAN="21.025"), f"row {CSR}, column H_MEDIAN: '21.025': expected an hourly wage in cents, as BLS publishes an area's figures (such as 23.84)"),
    (edited(MSA, "12420", "43-4051", TOT_EMP="32,695"), f"row {CSR}, column TOT_EMP: '32,695': expected employment rounded to tens"),
    (edited(MSA, "12420", "43-4051", LOC_QUOTIENT="1.515"), f"row {CSR}, column LOC_QUOTIENT: '1.515': expected a location quotient of at most 2 decimal places"),
    (edited(MSA, "12420", "43-4051", JOBS_1000="1000.001"), f"row {CSR}, column JOBS_1000: '1000.001': expected at most 1,000.000 for an area's jobs per 1000"),
    (edited(MSA, "12420", "43-4051", H_PCT90="99999999.00"), f"row {CSR}, column H_PCT90: '99999999.00': expected at most 10,000,000.00 for an area's hourly p90"),
    # an area has one name, one line of text, and its row for all occupations
    (edited(MSA, "12420", "43-4051", AREA_TITLE="Austin\nRound Rock"), f"row {CSR}, column AREA_TITLE: 'Austin\\nRound Rock': expected one line of text without control characters (found U+000A)"),
    (edited(MSA, "12420", "43-4051", AREA_TITLE="Austin, TX"), f"row {CSR}, column AREA_TITLE: 'Austin, TX': area 0012420 is named 'Austin-Round Rock-San Marcos, TX' in MSA_M2025_dl.csv, row 2; an area has one name in a release"),
    (_without_everyone(), "MSA_M2025_dl.csv, row 2: area 0012420 (Austin-Round Rock-San Marcos, TX) has no row for all occupations (00-0000) with its employment, against which its figures are read"),
    (edited(MSA, "12420", "00-0000", TOT_EMP="**", EMP_PRSE="**"), "MSA_M2025_dl.csv, row 2: area 0012420 (Austin-Round Rock-San Marcos, TX) has no row for all occupations"),
    (edited(MSA, "12420", "00-0000", O_GROUP="detailed"), "MSA_M2025_dl.csv, row 2: area 0012420 (Austin-Round Rock-San Marcos, TX) has no row for all occupations"),
]  # fmt: skip


@pytest.mark.parametrize(("rows", "fragment"), HOSTILE)
def test_hostile_area_rows_are_refused(
    folder: Path, tmp_path: Path, rows: list[list[str]], fragment: str
) -> None:
    msa = write_csv(tmp_path / "MSA_M2025_dl.csv", rows)
    with pytest.raises(DataFormatError) as caught:
        data.update("oews", real("national_M2025_dl.csv"), msa)
    assert fragment in str(caught.value)
    assert str(caught.value).startswith("MSA_M2025_dl.csv")
    nothing_installed(folder)


def test_area_tables_need_their_names_and_the_nations_employment(
    folder: Path, tmp_path: Path
) -> None:
    title = AT["AREA_TITLE"]
    nameless = tmp_path / "MSA_M2025_dl.csv"
    nameless.write_text(
        "\n".join(
            ",".join(f'"{cell}"' for n, cell in enumerate(row) if n != title)
            for row in [COLUMNS, *MSA]
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataFormatError) as caught:
        data.update("oews", real("national_M2025_dl.csv"), nameless)
    assert str(caught.value).startswith(
        "MSA_M2025_dl.csv: lacks the column AREA_TITLE, which names its metropolitan and "
        "nonmetropolitan areas. careerkit reads BLS's OEWS tables"
    )
    national = rows_of("national_M2025_dl.csv")
    national[0][AT["TOT_EMP"]] = "**"
    path = write_csv(tmp_path / "national_M2025_dl.csv", national)
    with pytest.raises(DataFormatError) as caught:
        data.update("oews", path, real("MSA_M2025_dl.csv"))
    assert str(caught.value) == (
        "national_M2025_dl.csv, row 2, column TOT_EMP: the national employment of all "
        "occupations is not given, and an area's location quotients are read against it: give "
        "BLS's national table as it publishes it"
    )
    nothing_installed(folder)


# --- the data folder: an areas.bin is checked as the release's other files are ------------------


def test_a_damaged_areas_file_is_named(folder: Path) -> None:
    data.update("oews", real("national_M2025_dl.csv"), real("MSA_M2025_dl.csv"))
    (release,) = releases(folder)
    (release / "areas.bin").write_bytes(b"garbage")
    damaged(
        "oews",
        lambda: ck.get("43-4051"),
        "areas.bin: its sha256 is not the one the manifest records",
    )
    reseal(release)  # the sha256 recorded too: the reader names it
    damaged("oews", lambda: ck.get("43-4051").pay_bands("austin"), "areas.bin")
    edit_manifest(
        "oews", folder, lambda m: m["releases"][0]["contents"].update({"x.bin": "0" * 64})
    )
    damaged("oews", ck.careers, "its 'contents' are")
    assert data.reset("oews") == ("oews",)
    assert annual("austin").median == Decimal(43720)


# --- whatever a table holds: installed, or refused with careerkit's error -----------------------

NASTY = st.sampled_from(
    ["", "*", "**", "#", "-1", "1e999", "NaN", "1_0", "12.5", "١٢", "\n", "9" * 40, "4", "6",
     "1", "2", "99", "12420", "0012420", "3600001", "100001", "1000.000", "0.0", "00-0000",
     "43-4051", "total", "detailed", "TRUE", "x" * 2000]
)  # fmt: skip


@settings(
    max_examples=60
)  # each example installs a release: the thorough profile's 300 would take half a minute
@given(
    edits=st.lists(
        st.tuples(st.integers(0, 7), st.integers(0, len(COLUMNS) - 1), NASTY | st.text(max_size=6)),
        min_size=1,
        max_size=5,
    )
)
def test_mutated_area_tables_raise_only_careerkits_errors(
    edits: list[tuple[int, int, str]],
) -> None:
    import tempfile

    rows = [list(row) for row in _pretend_2024()]
    for at_row, column, value in edits:
        rows[at_row][column] = value
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as where, data.use(where):
        path = Path(where) / "all_data_M_2024.csv"
        path.write_bytes(out.getvalue().encode("utf-8", "surrogatepass"))
        try:
            data.update("oews", path)
        except ck.CareerkitError as error:
            event(f"refused: {type(error).__name__}")
            assert not (Path(where) / "oews" / "manifest.json").exists()
            return
        event("installed")
        stack = oews_areas._stack()
        (mine,) = [
            found
            for head, found in zip(stack.heads, stack.figures(), strict=True)
            if head["about"]["reference_date"] == "2024-05"
        ] or [None]
        career = ck.get("43-4051")
        for soc in [] if mine is None else mine.socs():
            for code in mine.areas_of(soc):
                _, bands, jobs = (
                    oews_areas.all_occupations(code)
                    if soc == "00-0000"
                    else oews_areas.figures(career, code)
                )
                for item in (*bands, *jobs):
                    assert attrs.evolve(item) == item  # what was stored is valid
