"""tools/build_knowledge.py on tiny workbooks of the official shape: exact output, refusals."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import random
import subprocess
import sys
import zlib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

openpyxl = pytest.importorskip("openpyxl")

TOOL = Path(__file__).resolve().parent.parent / "tools" / "build_knowledge.py"


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_knowledge", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = load_tool()

EP_HEADER = (
    "2024 National Employment Matrix title",
    "2024 National Employment Matrix code",
    "Occupation type",
    "Employment, 2024",
    "Employment, 2034",
    "Employment distribution, percent, 2024",
    "Employment distribution, percent, 2034",
    "Employment change, numeric, 2024–34",
    "Employment change, percent, 2024–34",
    "Percent self employed, 2024",
    "Occupational openings, 2024–34 annual average",
    "Median annual wage, dollars, 2024[1]",
    "Typical education needed for entry",
    "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation",
    "Related Occupational Outlook Handbook (OOH) content xlsx",
)
ONET = "onet-29.3/"
RATING_HEADER = (
    "O*NET-SOC Code",
    "Title",
    "Element ID",
    "Element Name",
    "Scale ID",
    "Scale Name",
    "Data Value",
    "N",
    "Standard Error",
    "Lower CI Bound",
    "Upper CI Bound",
    "Recommend Suppress",
    "Not Relevant",
    "Date",
    "Domain Source",
)
CSR = "Customer Service Representatives"
CEO = "Chief Executives"
CSO = "Chief Sustainability Officers"


def rating(
    code: str,
    element: str,
    name: str,
    scale: str,
    value: float,
    suppress: str | None,
    relevant: str | None,
) -> tuple[Any, ...]:
    return (
        code,
        "t",
        element,
        name,
        scale,
        scale,
        value,
        8,
        0.1,
        1,
        2,
        suppress,
        relevant,
        "08/2023",
        "Analyst",
    )


def ete(
    code: str, scale: str, category: int | None, value: float, suppress: str | None
) -> tuple[Any, ...]:
    return (
        code,
        "t",
        "2.D.1",
        "e",
        scale,
        "s",
        category,
        value,
        28,
        0,
        None,
        None,
        suppress,
        "08/2023",
        "Incumbent",
    )


def books() -> dict[str, tuple[str, list[tuple[Any, ...]]]]:
    """Every workbook the tool reads: file name -> (sheet name, rows including the header)."""
    return {
        "bls-ep-2024-34-occupation.xlsx": (
            "Table 1.2",
            [
                ("Table 1.2 Occupational projections, 2024–2034 (Employment in thousands)",),
                EP_HEADER,
                (
                    "Total, all occupations",
                    "00-0000",
                    "Summary",
                    169956.1,
                    175167.9,
                    100,
                    100,
                    5211.8,
                    3.1,
                    5.8,
                    18863.3,
                    49500,
                    "—",
                    "—",
                    "—",
                    "—",
                ),
                (
                    "  Chief executives",
                    "11-1011",
                    "Line item",
                    309.4,
                    322.7,
                    0.2,
                    0.2,
                    13.3,
                    4.3,
                    25.9,
                    22.2,
                    206420,
                    "Bachelor's degree",
                    "5 years or more",
                    "None",
                    "OOH Content",
                ),
                (
                    "  Legislators",
                    "11-1031",
                    "Line item",
                    27.7,
                    28.6,
                    0,
                    0,
                    0.9,
                    3.4,
                    "—",
                    2.2,
                    44810,
                    "Bachelor's degree",
                    "Less than 5 years",
                    "None",
                    "—",
                ),
                (
                    "  Customer service representatives",
                    "43-4051",
                    "Line item",
                    2814,
                    2660.3,
                    1.7,
                    1.5,
                    -153.7,
                    -5.5,
                    0.8,
                    341.7,
                    42830,
                    "High school diploma or equivalent",
                    "None",
                    "Short-term on-the-job training",
                    "OOH Content",
                ),
                (
                    "  Airline pilots",
                    "53-2011",
                    "Line item",
                    100,
                    103.9,
                    0.1,
                    0.1,
                    3.9,
                    3.9,
                    "—",
                    11.7,
                    226600,
                    "Bachelor's degree",
                    "—",
                    None,
                    "OOH Content",
                ),
                ("Footnotes:",),
            ],
        ),
        ONET + "Occupation Data.xlsx": (
            "Occupation Data",
            [
                ("O*NET-SOC Code", "Title", "Description"),
                ("11-1011.00", CEO, "Determine policies."),
                ("11-1011.03", CSO, "Coordinate sustainability."),
                ("11-1031.00", "Legislators", "Enact laws."),
                ("43-4051.00", CSR, "Interact with customers."),
            ],
        ),
        ONET + "Job Zones.xlsx": (
            "Job Zones",
            [
                ("O*NET-SOC Code", "Title", "Job Zone", "Date", "Domain Source"),
                ("11-1011.00", CEO, 5, "08/2023", "Analyst"),
                ("11-1011.03", CSO, 5, "08/2021", "Analyst"),
                ("43-4051.00", CSR, 2, "08/2023", "Analyst"),
            ],
        ),
        ONET + "Job Zone Reference.xlsx": (
            "Job Zone Reference",
            [
                (
                    "Job Zone",
                    "Name",
                    "Experience",
                    "Education",
                    "Job Training",
                    "Examples",
                    "SVP Range",
                ),
                *[
                    (n, f"Zone {n}", f"exp {n}", f"edu {n}", f"train {n}", "ex", "(svp)")
                    for n in range(1, 6)
                ],
            ],
        ),
        ONET + "Education, Training, and Experience Categories.xlsx": (
            "Education, Training, and Experi",
            [
                (
                    "Element ID",
                    "Element Name",
                    "Scale ID",
                    "Scale Name",
                    "Category",
                    "Category Description",
                ),
                ("2.D.1", "e", "RL", "s", 1, "Less than a High School Diploma"),
                (
                    "2.D.1",
                    "e",
                    "RL",
                    "s",
                    2,
                    "High School Diploma - or the equivalent (for example, GED)",
                ),
                ("3.A.1", "e", "RW", "s", 1, "None"),
                ("3.A.1", "e", "RW", "s", 2, "Up to and including 1 month"),
                ("3.A.2", "e", "PT", "s", 1, "None"),
                ("3.A.3", "e", "OJ", "s", 1, "None or short demonstration"),
            ],
        ),
        ONET + "Education, Training, and Experience.xlsx": (
            "Education, Training, and Experi",
            [
                (
                    "O*NET-SOC Code",
                    "Title",
                    "Element ID",
                    "Element Name",
                    "Scale ID",
                    "Scale Name",
                    "Category",
                    "Data Value",
                    "N",
                    "Standard Error",
                    "Lower CI Bound",
                    "Upper CI Bound",
                    "Recommend Suppress",
                    "Date",
                    "Domain Source",
                ),
                ete("43-4051.00", "RL", 2, 54.76, "N"),
                ete("43-4051.00", "RL", 1, 0, "N"),
                ete("43-4051.00", "IM", None, 1.76, "N"),
                ete("43-4051.00", "RW", 1, 11.07, None),
                ete("43-4051.00", "RW", 2, 2.1, "Y"),
                ete("43-4051.00", "PT", 1, 2.98, "N"),
                ete("11-1011.03", "OJ", 1, 100, "N"),
            ],
        ),
        ONET + "Task Statements.xlsx": (
            "Task Statements",
            [
                (
                    "O*NET-SOC Code",
                    "Title",
                    "Task ID",
                    "Task",
                    "Task Type",
                    "Incumbents Responding",
                    "Date",
                    "Domain Source",
                ),
                (
                    "43-4051.00",
                    CSR,
                    1,
                    "Resolve complaints.",
                    "Supplemental",
                    71,
                    "08/2022",
                    "Incumbent",
                ),
                (
                    "43-4051.00",
                    CSR,
                    2,
                    "Confer with customers.",
                    "Core",
                    73,
                    "08/2022",
                    "Incumbent",
                ),
                ("43-4051.00", CSR, 3, "Solicit sales.", None, None, "08/2022", "Analyst"),
                ("43-4051.00", CSR, 4, "Keep records.", "Core", 73, "08/2022", "Incumbent"),
            ],
        ),
        ONET + "Technology Skills.xlsx": (
            "Technology Skills",
            [
                (
                    "O*NET-SOC Code",
                    "Title",
                    "Example",
                    "Commodity Code",
                    "Commodity Title",
                    "Hot Technology",
                    "In Demand",
                ),
                (
                    "43-4051.00",
                    CSR,
                    "Salesforce",
                    43232306,
                    "Customer relationship management CRM software",
                    "Y",
                    "Y",
                ),
                (
                    "43-4051.00",
                    CSR,
                    "Adobe Acrobat",
                    43232202,
                    "Document management software",
                    "Y",
                    "N",
                ),
            ],
        ),
        ONET + "Skills.xlsx": (
            "Skills",
            [
                RATING_HEADER,
                rating("43-4051.00", "2.A.1.b", "Active Listening", "IM", 4, "N", None),
                rating("43-4051.00", "2.A.1.b", "Active Listening", "LV", 4, "N", "N"),
                rating("43-4051.00", "2.A.1.d", "Speaking", "IM", 3.88, "N", None),
                rating("43-4051.00", "2.A.1.d", "Speaking", "LV", 3.75, "N", "N"),
                rating("43-4051.00", "2.B.1.f", "Service Orientation", "IM", 4, "N", None),
                rating("43-4051.00", "2.B.1.f", "Service Orientation", "LV", 4.5, "N", "N"),
                rating("43-4051.00", "2.B.3.a", "Programming", "IM", 1, "N", None),
                rating("43-4051.00", "2.B.3.a", "Programming", "LV", 0, "Y", "Y"),
            ],
        ),
        ONET + "Knowledge.xlsx": (
            "Knowledge",
            [
                RATING_HEADER,
                rating(
                    "43-4051.00", "2.C.1.e", "Customer and Personal Service", "IM", 4.7, "N", None
                ),
                rating(
                    "43-4051.00", "2.C.1.e", "Customer and Personal Service", "LV", 5.67, "N", "N"
                ),
                rating("43-4051.00", "2.C.4.a", "Mathematics", "IM", 3.9, "Y", None),
                rating("43-4051.00", "2.C.4.a", "Mathematics", "LV", 3, None, "N"),
            ],
        ),
        ONET + "Related Occupations.xlsx": (
            "Related Occupations",
            [
                (
                    "O*NET-SOC Code",
                    "Title",
                    "Related O*NET-SOC Code",
                    "Related Title",
                    "Relatedness Tier",
                    "Index",
                ),
                ("43-4051.00", CSR, "41-9041.00", "Telemarketers", "Primary-Short", 2),
                (
                    "43-4051.00",
                    CSR,
                    "41-3091.00",
                    "Sales Representatives of Services",
                    "Primary-Short",
                    1,
                ),
                ("43-4051.00", CSR, "43-1011.00", "First-Line Supervisors", "Supplemental", 3),
            ],
        ),
    }


def write(data: Path, workbooks: dict[str, tuple[str, list[tuple[Any, ...]]]]) -> None:
    (data / "onet-29.3").mkdir(parents=True, exist_ok=True)
    for name, (sheet, rows) in workbooks.items():
        book = openpyxl.Workbook()
        worksheet = book.active
        worksheet.title = sheet
        for row in rows:
            worksheet.append(row)
        book.save(data / name)


OCCUPATIONS = "soc\tid\ttitle\n11-1011\tchief-executives\tChief Executives\n43-4051\tcsr\tCSR\n53-2011\tpilots\tPilots\n"


def run(
    tmp_path: Path,
    workbooks: dict[str, tuple[str, list[tuple[Any, ...]]]] | None = None,
    out: str = "out",
) -> Path:
    data = tmp_path / "data"
    write(data, books() if workbooks is None else workbooks)
    occupations = tmp_path / "occupations.tsv"
    occupations.write_text(OCCUPATIONS, encoding="utf-8")
    target = tmp_path / out
    target.mkdir(exist_ok=True)
    tool.build(data, target, occupations)
    return target


def test_projections_tsv_holds_ep_figures_as_printed(tmp_path: Path) -> None:
    out = run(tmp_path)
    assert (out / "projections.tsv").read_bytes() == (
        b"soc\temployment\tprojected\tchange\tchange_percent\tself_employed\topenings\teducation\texperience\ttraining\n"
        b"11-1011\t309.4\t322.7\t13.3\t4.3\t25.9\t22.2\tBachelor's degree\t5 years or more\tNone\n"
        b"43-4051\t2814.0\t2660.3\t-153.7\t-5.5\t0.8\t341.7\tHigh school diploma or equivalent\tNone\tShort-term on-the-job training\n"
        b"53-2011\t100.0\t103.9\t3.9\t3.9\t\t11.7\tBachelor's degree\t\t\n"
    )


def chunks(out: Path) -> dict[str, Any]:
    index = (out / "onet.tsv").read_text(encoding="utf-8").splitlines()
    blob = (out / "onet.bin").read_bytes()
    first, _, rest = blob.partition(b"\n")
    form, version, size, adler = first.decode().split(" ")
    assert (form, version) == ("careerkit-onet", "1")
    preset = rest[: int(size)]
    assert zlib.adler32(preset) == int(adler, 16)
    found = {}
    at = len(first) + 1 + int(size)  # the chunks follow the dictionary
    for line in index[1:]:
        soc, offset, length = line.split("\t")[:3]
        assert int(offset) == at
        at += int(length)
        packed = blob[int(offset) : at]
        with pytest.raises(zlib.error):  # each chunk needs the dictionary
            zlib.decompress(packed)
        inflate = zlib.decompressobj(zdict=preset)
        found[soc] = inflate.decompress(packed).decode()
        assert inflate.eof and not inflate.unused_data
    assert at == len(blob)
    return found


def test_onet_bin_starts_with_its_dictionary(tmp_path: Path) -> None:
    out = run(tmp_path)
    blob = (out / "onet.bin").read_bytes()
    found = chunks(out)
    # the tiny workbooks' chunks are shorter than a dictionary: together they are it
    preset = "".join(found.values()).encode()
    assert blob.startswith(f"careerkit-onet 1 {len(preset)} {zlib.adler32(preset):08x}\n".encode())
    assert blob.split(b"\n", 1)[1].startswith(preset)


def test_onet_index_lists_chunks_and_specialties(tmp_path: Path) -> None:
    out = run(tmp_path)
    lines = (out / "onet.tsv").read_text(encoding="utf-8").split("\n")
    assert lines[0] == "soc\toffset\tlength\tspecialties"
    assert lines[1].split("\t")[0] == "11-1011"
    assert lines[1].split("\t")[3:] == ["11-1011.03", CSO, "chief-sustainability-officers"]
    assert lines[2].split("\t")[0] == "43-4051"
    assert lines[2].split("\t")[3:] == []
    assert lines[3:] == [
        ""
    ]  # 53-2011 has no O*NET occupation: no line; 11-1031 is not in the catalogue


def test_onet_chunks_hold_exactly_the_published_data(tmp_path: Path) -> None:
    found = chunks(run(tmp_path))
    assert found["11-1011"] == json.dumps(
        {
            "11-1011.00": {"title": CEO, "zone": 5},
            "11-1011.03": {
                "title": CSO,
                "description": "Coordinate sustainability.",
                "zone": 5,
                "training": [[1, "100.00"]],
            },
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    assert json.loads(found["43-4051"]) == {
        "43-4051.00": {
            "title": CSR,
            "zone": 2,
            "education": [[1, "0.00"], [2, "54.76"]],
            "experience": [[1, "11.07"], [2, None]],
            "tasks": [
                ["Confer with customers.", True],
                ["Keep records.", True],
                ["Resolve complaints.", False],
                ["Solicit sales.", None],
            ],
            "tools": [
                [
                    "Salesforce",
                    43232306,
                    "Customer relationship management CRM software",
                    True,
                    True,
                ],
                ["Adobe Acrobat", 43232202, "Document management software", True, False],
            ],
            "skills": [
                ["Customer and Personal Service", "knowledge", "4.70", "5.67", False],
                ["Service Orientation", "skill", "4.00", "4.50", False],
                ["Active Listening", "skill", "4.00", "4.00", False],
                ["Speaking", "skill", "3.88", "3.75", False],
                ["Programming", "skill", "1.00", None, True],
                ["Mathematics", "knowledge", None, "3.00", False],
            ],
            "related": [
                ["41-3091.00", "Sales Representatives of Services", "Primary-Short"],
                ["41-9041.00", "Telemarketers", "Primary-Short"],
                ["43-1011.00", "First-Line Supervisors", "Supplemental"],
            ],
        }
    }
    # key order is part of the format
    assert list(json.loads(found["43-4051"])["43-4051.00"]) == [
        "title",
        "zone",
        "education",
        "experience",
        "tasks",
        "tools",
        "skills",
        "related",
    ]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reference_names_zones_categories_and_hashes(tmp_path: Path) -> None:
    out = run(tmp_path)
    text = (out / "onet-reference.json").read_text(encoding="utf-8")
    reference = json.loads(text)
    assert list(reference) == ["version", "job_zones", "categories", "files", "written"]
    assert reference["version"] == "29.3"
    assert reference["job_zones"]["3"] == {
        "name": "Zone 3",
        "experience": "exp 3",
        "education": "edu 3",
        "training": "train 3",
    }
    assert list(reference["job_zones"]) == ["1", "2", "3", "4", "5"]
    assert reference["categories"] == {
        "RL": {
            "1": "Less than a High School Diploma",
            "2": "High School Diploma - or the equivalent (for example, GED)",
        },
        "RW": {"1": "None", "2": "Up to and including 1 month"},
        "OJ": {"1": "None or short demonstration"},
    }
    data = tmp_path / "data"
    assert reference["files"] == {name: sha(data / name) for name in books()}
    assert reference["written"] == {
        name: sha(out / name) for name in ("projections.tsv", "onet.tsv", "onet.bin")
    }
    assert text.startswith('{\n "version": "29.3",\n "job_zones": {\n  "1": {\n')


def test_build_is_deterministic(tmp_path: Path) -> None:
    first = run(tmp_path, out="first")
    second = tmp_path / "second"
    second.mkdir()
    tool.build(tmp_path / "data", second, tmp_path / "occupations.tsv")
    names = ["projections.tsv", "onet.tsv", "onet.bin", "onet-reference.json"]
    assert [(first / name).read_bytes() for name in names] == [
        (second / name).read_bytes() for name in names
    ]


SHARED = b'"skills":[["Active Listening","skill",'


def noisy_samples(seed: int) -> list[bytes]:
    """Text every sample shares amid noise of its own; short samples first (no d-mer in them)."""
    noise = random.Random(seed)
    return [b"ab", b"", *(noise.randbytes(300) + SHARED + noise.randbytes(300) for _ in range(40))]


def test_dictionary_ends_with_the_most_shared_text() -> None:
    found = tool.dictionary(noisy_samples(25), size=256, segment=128, dmer=8)
    assert len(found) == 256
    assert SHARED in found[-128:]  # the best segment goes last, where zlib reaches it soonest
    assert SHARED not in found[:128]  # its d-mers score nothing once chosen


def test_dictionary_of_samples_shorter_than_it_is_the_samples() -> None:
    assert tool.dictionary([b"one", b"two"], size=16) == b"onetwo"
    assert tool.dictionary([], size=16) == b""


def skill_lists(seed: int) -> list[bytes]:
    """Samples in the shape of O*NET chunks: shared names in changing order, figures of their own."""
    rng = random.Random(seed)
    names = [f"Skill number {at} of a long list" for at in range(60)]
    return [
        json.dumps(
            [[name, f"{rng.randint(100, 500) / 100:.2f}"] for name in rng.sample(names, 30)]
        ).encode()
        for _ in range(200)
    ]


def compressed(samples: list[bytes], preset: bytes | None) -> int:
    total = 0
    for sample in samples:
        deflate = zlib.compressobj(9, zdict=preset) if preset else zlib.compressobj(9)
        total += len(deflate.compress(sample) + deflate.flush())
    return total


def test_dictionary_makes_each_sample_smaller() -> None:
    samples = skill_lists(25)
    preset = tool.dictionary(samples, size=4096)
    assert len(preset) == 4096
    # 42,366 bytes alone, 32,521 against the dictionary (measured)
    assert compressed(samples, preset) < 0.8 * compressed(samples, None)
    assert compressed(samples, preset) < compressed(samples, samples[-1][-4096:])


def test_dictionary_is_the_same_whatever_the_hash_seed() -> None:
    # str and bytes hash differently in each process: nothing may depend on it
    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "import test_build_knowledge as t\n"
        "sys.stdout.write(t.tool.dictionary(t.skill_lists(25), size=1024).hex())\n"
    )
    found = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert found == {tool.dictionary(skill_lists(25), size=1024).hex()}


def test_missing_file_is_named(tmp_path: Path) -> None:
    workbooks = books()
    del workbooks[ONET + "Skills.xlsx"]
    with pytest.raises(SystemExit, match=r"missing file .*Skills\.xlsx"):
        run(tmp_path, workbooks)


def test_missing_header_is_named(tmp_path: Path) -> None:
    workbooks = books()
    sheet, rows = workbooks[ONET + "Job Zones.xlsx"]
    workbooks[ONET + "Job Zones.xlsx"] = (sheet, [("O*NET-SOC Code", "Title", "Zone"), *rows[1:]])
    with pytest.raises(
        SystemExit, match=r"Job Zones\.xlsx: column header\(s\) 'Job Zone' not found"
    ):
        run(tmp_path, workbooks)


def test_missing_sheet_is_named(tmp_path: Path) -> None:
    workbooks = books()
    workbooks["bls-ep-2024-34-occupation.xlsx"] = (
        "Table 1.1",
        workbooks["bls-ep-2024-34-occupation.xlsx"][1],
    )
    with pytest.raises(SystemExit, match=r"no sheet 'Table 1\.2'"):
        run(tmp_path, workbooks)


def replace_row(
    workbooks: dict[str, tuple[str, list[tuple[Any, ...]]]], name: str, at: int, **cells: Any
) -> None:
    _sheet, rows = workbooks[name]
    header = rows[1] if name.startswith("bls") else rows[0]
    row = list(rows[at])
    for key, value in cells.items():
        row[header.index(key.replace("_", " "))] = value
    rows[at] = tuple(row)


@pytest.mark.parametrize(
    ("name", "at", "cells", "message"),
    [
        (
            "bls-ep-2024-34-occupation.xlsx",
            5,
            {"Employment, 2034": 2660.35},
            r"line 6 \(43-4051\).*2660\.35 has more decimal places",
        ),
        (
            "bls-ep-2024-34-occupation.xlsx",
            5,
            {"Employment, 2024": "n/a"},
            r"expected a number, found 'n/a'",
        ),
        (
            "bls-ep-2024-34-occupation.xlsx",
            5,
            {"2024 National Employment Matrix code": "43-4052"},
            r"no line item for 1 SOC code\(s\) of occupations\.tsv: 43-4051",
        ),
        (
            ONET + "Technology Skills.xlsx",
            1,
            {"Hot_Technology": "yes"},
            r"Technology Skills\.xlsx line 2, Hot Technology: expected 'Y' or 'N', found 'yes'",
        ),
        (
            ONET + "Task Statements.xlsx",
            1,
            {"Task_Type": "Optional"},
            r"Task Type: expected .* found 'Optional'",
        ),
        (
            ONET + "Skills.xlsx",
            2,
            {"Recommend_Suppress": "maybe"},
            r"Skills\.xlsx line 3, Recommend Suppress",
        ),
        (ONET + "Skills.xlsx", 2, {"Data_Value": 4.005}, r"more decimal places"),
        (
            ONET + "Education, Training, and Experience.xlsx",
            1,
            {"Category": 9},
            r"RL category 9 is not one of 1, 2",
        ),
        (
            ONET + "Related Occupations.xlsx",
            1,
            {"O*NET-SOC_Code": "43-4051.99"},
            r"43-4051\.99 is not in onet-29\.3/Occupation Data\.xlsx",
        ),
        (ONET + "Job Zones.xlsx", 1, {"Job_Zone": 6}, r"Job Zone 6 is not 1-5"),
    ],
)
def test_unexpected_values_stop_the_build(
    tmp_path: Path, name: str, at: int, cells: dict[str, Any], message: str
) -> None:
    workbooks = books()
    replace_row(workbooks, name, at, **cells)
    with pytest.raises(SystemExit, match=message):
        run(tmp_path, workbooks)
