"""The shipped outlook and O*NET files (written by tools/build_knowledge.py): intact and right.

Read directly with csv, zlib and json, so a hand edit or a bad rebuild shows here whatever the
readers do. Known figures from BLS Employment Projections 2024-34 and O*NET 29.3.
"""

from __future__ import annotations

import csv
import hashlib
import json
import zlib
from functools import cache
from pathlib import Path
from typing import Any

import careerkit

CATALOGUE = Path(careerkit.__file__).parent / "catalogue"
PROJECTION_COLUMNS = [
    "soc",
    "employment",
    "projected",
    "change",
    "change_percent",
    "self_employed",
    "openings",
    "education",
    "experience",
    "training",
]


def rows(name: str) -> list[list[str]]:
    with (CATALOGUE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def reference() -> dict[str, Any]:
    return json.loads((CATALOGUE / "onet-reference.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def socs() -> list[str]:
    return [row[0] for row in rows("occupations.tsv")[1:]]


def projection(soc: str) -> dict[str, str]:
    found = [dict(zip(PROJECTION_COLUMNS, row, strict=True)) for row in rows("projections.tsv")[1:]]
    return next(row for row in found if row["soc"] == soc)


@cache
def onet_bin() -> bytes:
    return (CATALOGUE / "onet.bin").read_bytes()


@cache
def preset() -> tuple[bytes, int]:
    """onet.bin's preset dictionary and where its first chunk starts (after the dictionary)."""
    first, _, rest = onet_bin().partition(b"\n")
    form, version, length, adler = first.split(b" ")
    assert (form, version) == (b"careerkit-onet", b"1")
    dictionary = rest[: int(length)]
    assert zlib.adler32(dictionary) == int(adler, 16)
    return dictionary, len(first) + 1 + int(length)


def chunk(soc: str) -> dict[str, Any]:
    line = next(row for row in rows("onet.tsv")[1:] if row[0] == soc)
    offset, length = int(line[1]), int(line[2])
    inflate = zlib.decompressobj(zdict=preset()[0])
    text = inflate.decompress(onet_bin()[offset : offset + length])
    assert inflate.eof and not inflate.unused_data  # one whole zlib stream, exactly that long
    return json.loads(text)  # type: ignore[no-any-return]


def test_shipped_files_match_their_recorded_sha256() -> None:
    written = reference()["written"]
    assert sorted(written) == ["onet.bin", "onet.tsv", "projections.tsv"]
    for name, digest in written.items():
        actual = hashlib.sha256((CATALOGUE / name).read_bytes()).hexdigest()
        assert actual == digest, f"{name} changed since tools/build_knowledge.py wrote it"


def test_reference_records_every_official_file() -> None:
    files = reference()["files"]
    assert "bls-ep-2024-34-occupation.xlsx" in files
    assert "onet-29.3/Job Zones.xlsx" in files
    assert all(len(digest) == 64 for digest in files.values())
    assert reference()["version"] == "29.3"


def test_projections_have_one_line_per_catalogue_occupation() -> None:
    found = rows("projections.tsv")
    assert found[0] == PROJECTION_COLUMNS
    assert [row[0] for row in found[1:]] == socs()
    assert len(found) - 1 == 830
    assert all(len(row) == len(PROJECTION_COLUMNS) for row in found)


def test_projections_known_values() -> None:
    assert projection("43-4051") == {
        "soc": "43-4051",
        "employment": "2814.0",
        "projected": "2660.3",
        "change": "-153.7",
        "change_percent": "-5.5",
        "self_employed": "0.8",
        "openings": "341.7",
        "education": "High school diploma or equivalent",
        "experience": "None",
        "training": "Short-term on-the-job training",
    }
    pilots = projection("53-2011")
    assert pilots["self_employed"] == ""  # EP prints "—": no figure, never 0
    assert (pilots["education"], pilots["experience"], pilots["training"]) == (
        "Bachelor's degree",
        "Less than 5 years",
        "Moderate-term on-the-job training",
    )
    developers = projection("15-1252")
    assert (developers["employment"], developers["projected"], developers["change_percent"]) == (
        "1693.8",
        "1961.4",
        "15.8",
    )


def test_onet_index_covers_the_blob_in_catalogue_order() -> None:
    found = rows("onet.tsv")
    assert found[0] == ["soc", "offset", "length", "specialties"]
    order = {soc: at for at, soc in enumerate(socs())}
    assert [order[row[0]] for row in found[1:]] == sorted(order[row[0]] for row in found[1:])
    dictionary, at = preset()  # the chunks follow the first line and the dictionary
    assert 0 < len(dictionary) <= 32768  # zlib's window: a longer one's start is unreachable
    for row in found[1:]:
        assert int(row[1]) == at
        at += int(row[2])
        assert len(row) % 3 == 0  # soc, offset, length, then code, title, title's key
    assert at == (CATALOGUE / "onet.bin").stat().st_size


def test_every_onet_chunk_is_compressed_against_the_dictionary() -> None:
    # a zlib stream with a preset dictionary names it (FDICT, then its Adler-32): every chunk
    # needs onet.bin's dictionary, and reads back whole with it
    dictionary, _ = preset()
    for row in rows("onet.tsv")[1:]:
        offset = int(row[1])
        header = onet_bin()[offset : offset + 6]
        assert header[1] & 0x20, row[0]  # FDICT
        assert int.from_bytes(header[2:6], "big") == zlib.adler32(dictionary), row[0]
        assert chunk(row[0])


def test_registered_nurses_have_four_specialties() -> None:
    line = next(row for row in rows("onet.tsv") if row[0] == "29-1141")
    codes = line[3::3]
    assert codes == ["29-1141.01", "29-1141.02", "29-1141.03", "29-1141.04"]
    assert line[4] == "Acute Care Nurses"
    assert list(chunk("29-1141")) == ["29-1141.00", *codes]
    assert "description" in chunk("29-1141")["29-1141.01"]
    assert "description" not in chunk("29-1141")["29-1141.00"]


def test_each_specialty_title_is_keyed_as_lookups_compare() -> None:
    from careerkit.registry import normalize_key

    pairs = [
        pair for row in rows("onet.tsv")[1:] for pair in zip(row[4::3], row[5::3], strict=True)
    ]
    assert len(pairs) > 150
    assert all(key == normalize_key(title) for title, key in pairs)


def test_an_aggregate_holds_the_onet_occupations_it_comprises() -> None:
    # OEWS publishes 13-1020 Buyers and Purchasing Agents only as a whole; O*NET describes its
    # three detailed occupations, which become its specialties (with their descriptions)
    line = next(row for row in rows("onet.tsv") if row[0] == "13-1020")
    assert line[3::3] == ["13-1021.00", "13-1022.00", "13-1023.00"]
    assert all("description" in value for value in chunk("13-1020").values())
    every = [code for row in rows("onet.tsv")[1:] for code in row[3::3]]
    assert len(every) == len(set(every))  # an O*NET occupation is under one career only
    for row in rows("onet.tsv")[1:]:  # under its own SOC code, or the broad one OEWS publishes
        assert all(row[0] in (code[:7], f"{code[:6]}0") for code in row[3::3]), row[0]


def test_a_task_without_a_type_is_neither_core_nor_supplemental() -> None:
    kinds = {
        core
        for row in rows("onet.tsv")[1:]
        for value in chunk(row[0]).values()
        for _, core in value.get("tasks", ())
    }
    assert kinds == {True, False, None}


def test_customer_service_representatives_known_values() -> None:
    found = chunk("43-4051")
    assert list(found) == ["43-4051.00"]
    csr = found["43-4051.00"]
    assert csr["title"] == "Customer Service Representatives"
    assert csr["zone"] == 2
    shares = dict(csr["education"])
    assert (shares[2], shares[4], shares[5], shares[6]) == ("54.76", "17.36", "13.67", "14.22")
    labels = reference()["categories"]["RL"]
    assert labels["2"].startswith("High School Diploma")
    assert labels["4"] == "Some College Courses"
    assert len(csr["tasks"]) == 13
    cores = [core for _, core in csr["tasks"]]
    assert cores == sorted(cores, reverse=True)  # core tasks first
    assert [code for code, _, _ in csr["related"][:2]] == ["41-3091.00", "41-9041.00"]
    assert csr["related"][1][1] == "Telemarketers"
    top = [(name, importance) for name, kind, importance, _, _ in csr["skills"] if kind == "skill"]
    assert {name for name, _ in top[:2]} == {"Service Orientation", "Active Listening"}
    assert [importance for _, importance in top[:2]] == ["4.00", "4.00"]


def test_job_zone_reference_has_five_zones() -> None:
    zones = reference()["job_zones"]
    assert list(zones) == ["1", "2", "3", "4", "5"]
    assert zones["2"]["name"] == "Job Zone Two: Some Preparation Needed"
    assert set(zones["2"]) == {"name", "experience", "education", "training"}
