"""tools/build_titles.py on tiny workbooks of O*NET's shape: what goes in, under which code, refusals."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from careerkit.catalogue._titles import TitleIndex

openpyxl = pytest.importorskip("openpyxl")

TOOLS = Path(__file__).resolve().parent.parent / "tools"


def load_tool() -> ModuleType:
    sys.path.insert(0, str(TOOLS))  # build_titles reads workbooks with build_knowledge's Sheet
    try:
        spec = importlib.util.spec_from_file_location("build_titles", TOOLS / "build_titles.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(TOOLS))


tool = load_tool()
CODE = "O*NET-SOC Code"


def books() -> dict[str, list[tuple[Any, ...]]]:
    return {
        "Alternate Titles.xlsx": [
            (CODE, "Title", "Alternate Title", "Short Title", "Source(s)"),
            (
                "43-4051.00",
                "Customer Service Representatives",
                "Call Center Representative",
                None,
                "04",
            ),
            (
                "43-4051.00",
                "Customer Service Representatives",
                "Customer Care Rep (CCR)",
                "CCR",
                "09",
            ),
            (
                "43-4051.00",
                "Customer Service Representatives",
                "Call Centre Representatives",
                None,
                "08",
            ),
            (
                "13-1021.00",
                "Buyers and Purchasing Agents, Farm Products",
                "Grain Buyer",
                None,
                "08",
            ),
            ("55-1011.00", "Air Crew Officers", "Flight Officer", None, "08"),
        ],
        "Sample of Reported Titles.xlsx": [
            (CODE, "Title", "Reported Job Title", "Shown in My Next Move"),
            ("43-4051.00", "Customer Service Representatives", "Call Center Representative", "Y"),
        ],
        "Occupation Data.xlsx": [
            (CODE, "Title", "Description"),
            ("43-4051.00", "Customer Service Representatives", "Interact with customers."),
            ("13-1021.00", "Buyers and Purchasing Agents, Farm Products", "Buy farm products."),
        ],
        "Task Statements.xlsx": [
            (CODE, "Title", "Task ID", "Task", "Task Type", "Incumbents Responding"),
            (
                "43-4051.00",
                "Customer Service Representatives",
                1,
                "Resolve complaints.",
                "Core",
                50,
            ),
        ],
    }


def write(data: Path, workbooks: dict[str, list[tuple[Any, ...]]]) -> None:
    (data / "onet-29.3").mkdir(parents=True)
    for name, rows in workbooks.items():
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(data / "onet-29.3" / name)


def catalogue(folder: Path) -> Path:
    folder.mkdir()
    (folder / "occupations.tsv").write_text(
        "soc\tid\ttitle\n"
        "13-1020\tbuyers-and-purchasing-agents\tBuyers and Purchasing Agents\n"
        "43-4051\tcustomer-service-representatives\tCustomer Service Representatives\n",
        encoding="utf-8",
    )
    (folder / "onet.tsv").write_text(
        "soc\toffset\tlength\tspecialties\n"
        "13-1020\t0\t10\t13-1021.00\tBuyers and Purchasing Agents, Farm Products\tbuyers-farm\n"
        "43-4051\t10\t10\n",
        encoding="utf-8",
    )
    return folder


def built(tmp_path: Path, workbooks: dict[str, list[tuple[Any, ...]]] | None = None) -> TitleIndex:
    write(tmp_path / "data", books() if workbooks is None else workbooks)
    return TitleIndex(tool.build_file(tmp_path / "data", catalogue(tmp_path / "catalogue")))


def test_titles_go_under_their_catalogue_code_and_others_are_left_out(tmp_path: Path) -> None:
    index = built(tmp_path)
    entries = [(index.soc(e), index.kind(e), index.text(e)) for e in range(index.entries)]
    assert entries == [
        ("13-1020", "alternate title", "Grain Buyer"),  # a broad occupation's part goes under it
        ("43-4051", "reported title", "Call Center Representative"),  # reported before alternate
        ("43-4051", "alternate title", "Customer Care Rep (CCR)"),
        ("43-4051", "alternate title", "Call Centre Representatives"),  # other words: kept
        ("43-4051", "short title", "CCR"),
        ("13-1020", "description", "Buy farm products."),
        ("43-4051", "description", "Interact with customers."),
        ("43-4051", "task", "Resolve complaints."),
    ]  # 55-1011 (military) is in no catalogue: left out; names first, then texts
    assert index.names == 5


def test_same_words_are_one_entry_and_the_rest_stay(tmp_path: Path) -> None:
    workbooks = books()
    workbooks["Alternate Titles.xlsx"].append(
        (
            "43-4051.00",
            "Customer Service Representatives",
            "call-center representatives",
            None,
            "04",
        )
    )
    index = built(tmp_path, workbooks)
    texts = [index.text(e) for e in range(index.names)]
    assert texts.count("Call Center Representative") == 1
    assert "call-center representatives" not in texts  # its words are the reported title's


def test_official_and_specialty_titles_weigh_words_without_being_entries(tmp_path: Path) -> None:
    index = built(tmp_path)
    texts = {index.text(e) for e in range(index.entries)}
    assert "Customer Service Representatives" not in texts  # the registry holds titles
    assert "buyer" in index.word_ids and "purchasing" in index.word_ids
    assert index.header["files"].keys() == set(tool.FILES)


def test_build_is_deterministic(tmp_path: Path) -> None:
    write(tmp_path / "data", books())
    folder = catalogue(tmp_path / "catalogue")
    assert tool.build_file(tmp_path / "data", folder) == tool.build_file(tmp_path / "data", folder)


def test_a_missing_workbook_is_named(tmp_path: Path) -> None:
    workbooks = books()
    del workbooks["Task Statements.xlsx"]
    write(tmp_path / "data", workbooks)
    with pytest.raises(SystemExit, match=r"missing file .*Task Statements\.xlsx"):
        tool.build_file(tmp_path / "data", catalogue(tmp_path / "catalogue"))


def test_a_malformed_code_stops_the_build(tmp_path: Path) -> None:
    workbooks = books()
    workbooks["Task Statements.xlsx"].append(("43-4051", "CSR", 2, "Answer calls.", "Core", 9))
    write(tmp_path / "data", workbooks)
    with pytest.raises(
        SystemExit, match=r"Task Statements\.xlsx line 3: '43-4051' is not an O\*NET"
    ):
        tool.build_file(tmp_path / "data", catalogue(tmp_path / "catalogue"))
