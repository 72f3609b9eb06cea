"""Building the catalogue's shipped files from BLS's and O*NET's, on small files made here."""

from __future__ import annotations

import csv
import json
import zlib
from pathlib import Path

import pytest

from careerkit.catalogue import FIELDS
from careerkit.catalogue._build import build, read_ids
from careerkit.errors import ValidationError

COLUMNS = [
    "area_code", "area_name", "soc_code", "occupation_title", "display_level", "employment",
    "employment_rse", "hourly_mean", "annual_mean", "wage_rse", "hourly_p10", "hourly_p25",
    "hourly_median", "hourly_p75", "hourly_p90", "annual_p10", "annual_p25", "annual_median",
    "annual_p75", "annual_p90", "jobs_per_1000", "location_quotient", "footnotes",
]  # fmt: skip
RELEASE = {
    "name": "test release",
    "reference_date": "2025-05",
    "published": "2026-05-15",
    "onet_version": "29.2",
    "top_code_hour": "115.00",
    "top_code_year": "239200",
}
PILOTS = "Airline Pilots, Copilots, and Flight Engineers"


def row(area: str, soc: str, title: str, level: str, **values: str) -> dict[str, str]:
    return (
        dict.fromkeys(COLUMNS, "")
        | {
            "area_code": area,
            "soc_code": soc,
            "occupation_title": title,
            "display_level": level,
        }
        | values
    )


def write(path: Path, rows: list[dict[str, str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    national = write(
        tmp_path / "national.csv",
        [
            row("0000000", "00-0000", "All Occupations", "0", employment="100", annual_median="50980"),
            row("0000000", "53-0000", "Transportation Occupations", "0", employment="10"),
            row("0000000", "53-2011", PILOTS, "3", employment="103560", annual_median="232140",
                wage_rse="2.7", footnotes="hourly_mean=4;hourly_median=4"),
            row("0000000", "53-1040", "First-Line Supervisors", "3", hourly_median="30.00",
                annual_median="62400"),
        ],
    )  # fmt: skip
    states = write(
        tmp_path / "states.csv",
        [
            row("0600000", "53-2011", PILOTS, "3", employment="9000", annual_median="250000"),
            row("7200000", "53-2011", PILOTS, "3", footnotes="employment=8;annual_median=5"),
        ],
    )
    onet = write(
        tmp_path / "onet.txt",
        [{"O*NET-SOC Code": "53-2011.00", "Title": PILOTS, "Description": "Pilot aircraft."}],
        delimiter="\t",
    )
    out = tmp_path / "out"
    out.mkdir()
    return national, states, onet, out


def chunks(out: Path) -> dict[str, list[list[str]]]:
    blob = (out / "oews.bin").read_bytes()
    lines = (out / "occupations.tsv").read_text(encoding="utf-8").splitlines()
    found = {}
    for line in lines[1:]:
        soc, *_, offset, length = line.split("\t")
        text = zlib.decompress(blob[int(offset) : int(offset) + int(length)]).decode()
        found[soc] = [part.split("\t") for part in text.splitlines()]
    return found


def test_build_keeps_every_figure_as_published(files: tuple[Path, Path, Path, Path]) -> None:
    national, states, onet, out = files
    ids = build(national, states, onet, out, release=RELEASE)
    assert ids == {"53-2011": "airline-pilots-copilots-and-flight-engineers",
                   "53-1040": "first-line-supervisors"}  # fmt: skip
    pilots = chunks(out)["53-2011"]
    assert [line[0] for line in pilots] == ["US", "US-CA", "US-PR"]  # national first
    us = dict(zip(["region", *FIELDS], pilots[0], strict=True))
    assert (us["annual_median"], us["hourly_median"], us["wage_rse"]) == ("232140", "", "2.7")
    pr = dict(zip(["region", *FIELDS], pilots[2], strict=True))
    assert (pr["employment"], pr["annual_median"]) == ("", "")  # absent, never zero
    assert pr["footnotes"] == "employment=8;annual_median=5"
    release = json.loads((out / "release.json").read_text(encoding="utf-8"))
    assert release["major_groups"] == {"53-0000": "Transportation Occupations"}
    assert release["all_occupations"]["annual_median"] == "50980"
    assert set(release["files"]) == {"national.csv", "states.csv", "onet.txt"}
    description = (out / "descriptions.tsv").read_text(encoding="utf-8").splitlines()
    assert description == ["onet\tdescription", "53-2011.00\tPilot aircraft."]


def test_ids_are_appended_and_never_change(files: tuple[Path, Path, Path, Path]) -> None:
    national, states, onet, out = files
    build(national, states, onet, out, release=RELEASE)
    first = (out / "ids.tsv").read_text(encoding="utf-8")
    renamed = national.read_text(encoding="utf-8").replace(
        "First-Line Supervisors", "First-Line Supervisors of Transportation Workers"
    )
    national.write_text(renamed, encoding="utf-8")
    ids = build(national, states, onet, out, release=RELEASE)
    assert ids["53-1040"] == "first-line-supervisors"  # the released id, not the new slug
    assert (out / "ids.tsv").read_text(encoding="utf-8") == first  # nothing appended
    index = (out / "occupations.tsv").read_text(encoding="utf-8").splitlines()
    (line,) = [line for line in index if line.startswith("53-1040")]
    assert line.split("\t")[5] == "first-line-supervisors-of-transportation-workers"  # its key
    assert read_ids(out / "ids.tsv") == ids


def test_an_area_that_is_no_state_is_refused(files: tuple[Path, Path, Path, Path]) -> None:
    national, _, onet, out = files
    metro = write(national.with_name("metro.csv"), [row("0612345", "53-2011", PILOTS, "3")])
    with pytest.raises(ValidationError, match="area_code '0612345' is neither national"):
        build(national, metro, onet, out, release=RELEASE)
