"""tools/build_evaluation.py on tiny crosswalks and title lists of the official shape: which
ISCO-08 titles it keeps, where their answers go, determinism and refusals; and the shipped
evaluation replayed from its own titles."""

from __future__ import annotations

import csv
import importlib.util
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

openpyxl = pytest.importorskip("openpyxl")

TOOL = Path(__file__).resolve().parent.parent / "tools" / "build_evaluation.py"
SHIPPED = Path(__file__).resolve().parent / "data" / "search-evaluation"


def load_tool() -> ModuleType:
    sys.path.insert(0, str(TOOL.parent))  # it reads occupations.tsv with build_knowledge's reader
    try:
        spec = importlib.util.spec_from_file_location("build_evaluation", TOOL)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # NamedTuple classes look their module up
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(TOOL.parent))


tool = load_tool()

# The "ISCO-08 to 2010 SOC" sheet as xlrd reads it (empty cells None): BLS's banner, the
# header at row index 6, codes with BLS's trailing spaces.
BANNER: list[tuple[Any, ...]] = [
    ("Bureau of Labor Statistics", None, None, None, None, None),
    ("On behalf of the Standard Occupational Classification Policy Committee (SOCPC)",)
    + (None,) * 5,
    (None,) * 6,
    ("August 2012 (Updated June 2015)", None, None, None, None, None),
    ("Questions should be emailed to soc@bls.gov", None, None, None, None, None),
    (None,) * 6,
    ("ISCO-08 Code", "ISCO-08 Title EN", "part", "2010 SOC Code", "2010 SOC Title", "Comment"),
]
ISCO = [
    ("0110", "Commissioned armed forces officers", "*", "55-1011 ", "Air Crew Officers", None),
    ("211", "Physical and earth science professionals", "*", "19-2099", "x", None),
    ("2411", "Accountants", None, "13-2011 ", "Accountants and Auditors", None),
    ("2421", "Management and organization analysts", "*", "13-1111", "x", None),
    ("2421", "Management and organization analysts", "*", "13-1021", "x", None),
    ("5120", "Cooks", "*", "35-2014", "Cooks, Restaurant", None),
    ("4110", "General office clerks", None, "43-9061", "Office Clerks, General", None),
    ("3322", "Commercial sales representatives", "*", "41-4012", "x", None),
    ("6340", "Subsistence fishers, hunters, trappers and gatherers", "*", "45-3021", "x", None),
    ("4120", "Secretaries (general)", None, "43-6014 ", "x", None),
]
# O*NET-SOC 2010 -> 2018 SOC: a title row, the header at row 4
CROSSWALK: list[tuple[Any, ...]] = [
    ("O*NET-SOC 2010 Occupation Listings", None, None, None),
    ("Crosswalk O*NET-SOC 2010 to 2018 SOC", None, None, None),
    (None, None, None, None),
    ("O*NET-SOC 2010 Code", "O*NET-SOC 2010 Title", "2018 SOC Code", "2018 SOC Title"),
    ("55-1011.00", "Air Crew Officers", "55-1011", "Air Crew Officers"),
    ("19-2099.00", "Physical Scientists, All Other", "19-2099", "x"),
    ("13-2011.01", "Accountants", "13-2011", "Accountants and Auditors"),
    ("13-2011.02", "Auditors", "13-2011", "Accountants and Auditors"),
    ("13-1111.00", "Management Analysts", "13-1111", "Management Analysts"),
    ("13-1021.00", "Buyers and Purchasing Agents, Farm Products", "13-1021", "x"),
    ("35-2014.00", "Cooks, Restaurant", "35-2014", "Cooks, Restaurant"),
    ("43-9061.00", "Office Clerks, General", "43-9061", "Office Clerks, General"),
    ("41-4012.00", "Sales Representatives", "41-4012", "x"),
    ("45-3021.00", "Hunters and Trappers", "45-3031", "Fishing and Hunting Workers"),
    ("43-6014.00", "Secretaries", "43-6014", "x"),
]
CATALOGUE = ["13-1020", "13-1111", "13-2011", "19-2099", "35-2014", "41-4012", "43-6014", "43-9061"]
# O*NET's lists: "Cook" (singular) and "general office clerk" (another case) are in them
ONET_TITLES = ["Cook", "Line Cook", "GENERAL OFFICE CLERK", "Auditor"]


def groups() -> dict[str, Any]:
    return tool.isco_groups(tool.Table(tool.ISCO_FILE, BANNER + ISCO, tool.ISCO_HEADERS))


def to_2018() -> dict[str, frozenset[str]]:
    result: dict[str, frozenset[str]] = tool.soc_2018(
        tool.Table(tool.SOC_FILE, CROSSWALK, tool.SOC_HEADERS)
    )
    return result


def made(**kwargs: Any) -> Any:
    return tool.evaluation(groups(), to_2018(), ONET_TITLES, CATALOGUE, **kwargs)


def test_reads_bls_layout_with_trailing_spaces() -> None:
    found = groups()
    assert found["2411"] == tool.Group("Accountants", frozenset({"13-2011"}))
    assert found["2421"].socs == {"13-1111", "13-1021"}
    assert list(found) == sorted(found)
    assert to_2018()["13-2011"] == {"13-2011"}  # 13-2011.01 and .02: one 2010 SOC code
    assert to_2018()["45-3021"] == {"45-3031"}


def test_keeps_unit_groups_with_a_target_and_not_in_onets_lists() -> None:
    found = made()
    assert [(line.isco, line.title, line.socs) for line in found.lines] == [
        ("2411", "Accountants", ("13-2011",)),
        ("2421", "Management and organization analysts", ("13-1020", "13-1111")),
        ("3322", "Commercial sales representatives", ("41-4012",)),
        ("4120", "Secretaries (general)", ("43-6014",)),
    ]
    assert found.groups == len({row[0] for row in ISCO})
    assert found.not_unit_groups == 1  # 211
    assert found.military == 1  # 0110
    assert found.no_target == 1  # 6340: 45-3031 and no 45-3030 in the catalogue
    assert found.in_onet == 2  # Cooks (O*NET's "Cook"), General office clerks (case)
    assert found.indexed == 0


def test_a_title_in_onets_lists_is_left_out_whatever_its_plural_and_case() -> None:
    kept = {line.title for line in made().lines}
    assert "Cooks" not in kept and "General office clerks" not in kept
    # without those O*NET titles both come back
    found = tool.evaluation(groups(), to_2018(), ["Line Cook"], CATALOGUE)
    assert {"Cooks"} <= {line.title for line in found.lines}
    assert found.in_onet == 0


def test_a_name_the_registry_answers_to_is_left_out() -> None:
    found = made(indexed={"commercial-sales-representative"})
    assert "Commercial sales representatives" not in {line.title for line in found.lines}
    assert found.indexed == 1


def test_a_detailed_code_goes_to_its_broad_aggregate_only_when_the_catalogue_lacks_it() -> None:
    assert tool.target("13-1021", CATALOGUE) == "13-1020"
    assert tool.target("13-1111", CATALOGUE) == "13-1111"  # not 13-1110
    assert tool.target("45-3031", CATALOGUE) is None
    assert tool.target("13-1020", CATALOGUE) == "13-1020"
    with_detail = tool.evaluation(groups(), to_2018(), ONET_TITLES, [*CATALOGUE, "13-1021"])
    analysts = next(line for line in with_detail.lines if line.isco == "2421")
    assert analysts.socs == ("13-1021", "13-1111")


def test_same_input_same_bytes_and_the_seed_only_changes_the_noise(tmp_path: Path) -> None:
    hashes = dict.fromkeys(tool.FILES, "0" * 64)
    one = tool.write(made(), hashes, tmp_path / "one")
    two = tool.write(made(), hashes, tmp_path / "two")
    assert one == two
    assert (tmp_path / "one" / "isco-08.tsv").read_bytes() == one["isco-08.tsv"]
    other = made(seed=tool.SEED + 1)
    assert [line[:3] for line in other.lines] == [line[:3] for line in made().lines]
    assert [line.posted for line in other.lines] != [line.posted for line in made().lines]


def test_readme_names_every_file_and_count(tmp_path: Path) -> None:
    hashes = {name: f"{number:064x}" for number, name in enumerate(tool.FILES)}
    readme = tool.write(made(), hashes, tmp_path)["README.md"].decode()
    for name, digest in hashes.items():
        assert f"| `{name}` | `{digest}` |" in readme
    assert "| titles in the evaluation | 4 |" in readme
    assert "| of which coded to one catalogue occupation only | 3 |" in readme
    assert "| unit groups whose title is in O*NET's lists: left out | 2 |" in readme


def test_tsv_lines() -> None:
    rows = tool.tsv(made()).decode().splitlines()
    assert rows[0] == "isco\ttitle\tsoc\tposted"
    isco, title, socs, posted = rows[2].split("\t")
    assert (isco, title, socs) == (
        "2421",
        "Management and organization analysts",
        "13-1020 13-1111",
    )
    assert "Management and Organization Analysts" in posted


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("cooks", "cook"),
        ("secretaries", "secretary"),
        ("draughtsmen", "draughtsman"),
        ("office-clerks", "office-clerk"),
        ("fire-fighters", "fire-fighter"),
        ("glass", "glass"),
        ("status", "status"),
        ("analysis", "analysis"),
        ("cook", "cook"),
    ],
)
def test_singular(plural: str, one: str) -> None:
    assert tool.singular(plural) == one


@pytest.mark.parametrize(
    ("title", "head"),
    [
        ("Cooks", "Cook"),
        ("Secretaries (general)", "Secretary (general)"),
        ("Handicraft workers in wood", "Handicraft worker in wood"),
        ("Fire-fighters", "Fire-fighter"),
        ("Physicists and astronomers", "Physicists and astronomers"),
        ("Bricklayers and related workers", "Bricklayers and related workers"),
        ("Stonemasons, stone cutters", "Stonemasons, stone cutters"),
    ],
)
def test_the_head_is_made_singular_only_where_simple(title: str, head: str) -> None:
    assert tool.singular_head(title) == (head, head != title)


NOISE_WORDS = {
    *tool.SENIORITY_BEFORE,
    *tool.SENIORITY_AFTER,
    *tool.SCHEDULES,
    *tool.REMOTE,
    *tool.LOCATIONS,
}


def noise_of(posted: str, base: str) -> list[str]:
    """What *posted* adds around *base*, piece by piece (requisitions as a pattern)."""
    before, found, after = posted.partition(base)
    assert found, (posted, base)
    pieces = [before.strip()] if before.strip() else []
    rest = after.strip()
    while rest:
        match = next(
            (w for w in sorted(NOISE_WORDS, key=len, reverse=True) if rest.startswith(w)), None
        )
        if match is None:
            requisition = re.match(r"(#\d{4,5}|Req \d{4,5})", rest)
            assert requisition, (posted, rest)
            match = requisition.group(1)
        pieces.append(match)
        rest = rest[len(match) :].strip()
    return pieces


@given(
    st.sampled_from([line.title for line in made().lines] + ["Senior government officials"]),
    st.integers(0, 2**32),
)
def test_as_posted_is_the_title_with_one_to_three_kinds_of_noise(title: str, seed: int) -> None:
    posted, _ = tool.as_posted(title, random.Random(seed))
    assert tool.as_posted(title, random.Random(seed))[0] == posted  # deterministic
    base = tool.title_case(tool.singular_head(title.removesuffix(tool.NOT_CLASSIFIED))[0])
    pieces = noise_of(posted, base)
    assert 1 <= len(pieces) <= 4  # a requisition may come with a location etc.
    assert all(piece in NOISE_WORDS or piece[0] in "#R" for piece in pieces)
    assert not (base.startswith("Senior") and posted.startswith(tool.SENIORITY_BEFORE[1:]))


def test_refuses_what_is_not_the_official_shape(tmp_path: Path) -> None:
    def refused(rows: Sequence[tuple[Any, ...]], message: str) -> None:
        with pytest.raises(SystemExit, match=message):
            tool.isco_groups(tool.Table(tool.ISCO_FILE, rows, tool.ISCO_HEADERS))

    refused(BANNER[:-1] + ISCO, "no header row with the columns 'ISCO-08 Code'")
    refused(
        [*BANNER, (110.0, "Officers", "*", "55-1011", "x", None)],
        "line 8: expected text, found 110.0",
    )
    refused([*BANNER, ("2411", "Accountants", None, "132011", "x", None)], "not a 2010 SOC")
    refused(
        [*BANNER, ISCO[2], ("2411", "Auditors", None, "13-2011", "x", None)],
        "2411 is titled 'Auditors' here, 'Accountants' above",
    )
    refused(BANNER, "no rows under the header")
    with pytest.raises(SystemExit, match="not an O\\*NET-SOC code"):
        tool.soc_2018(
            tool.Table(
                tool.SOC_FILE, [*CROSSWALK, ("13-2011", "x", "13-2011", "x")], tool.SOC_HEADERS
            )
        )
    with pytest.raises(SystemExit, match="does not carry to 2018"):
        tool.evaluation(groups(), {"13-2011": frozenset({"13-2011"})}, [], CATALOGUE)
    with pytest.raises(SystemExit, match="missing file"):
        tool.xls_rows(tmp_path / "none.xls", tool.ISCO_SHEET)
    (tmp_path / "bad.xls").write_bytes(b"not a workbook")
    with pytest.raises(SystemExit, match=r"cannot read .*bad\.xls"):
        tool.xls_rows(tmp_path / "bad.xls", tool.ISCO_SHEET)
    with pytest.raises(SystemExit, match="missing file"):
        tool.build(tmp_path, tmp_path / "occupations.tsv")


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]]) -> None:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(list(row))
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def test_reads_the_crosswalk_and_onets_lists_from_workbooks(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "soc.xlsx", CROSSWALK)
    table = tool.Table(tool.SOC_FILE, tool.xlsx_rows(tmp_path / "soc.xlsx"), tool.SOC_HEADERS)
    assert tool.soc_2018(table) == to_2018()
    alternate = [
        ("O*NET-SOC Code", "Title", "Alternate Title", "Short Title", "Source(s)"),
        ("35-2014.00", "Cooks, Restaurant", "Line Cook", None, "08"),
        (
            "43-4051.00",
            "Customer Service Representatives",
            "Call Center Representative",
            "CSR",
            "09",
        ),
    ]
    write_xlsx(tmp_path / "alternate.xlsx", alternate)
    columns = tool.TITLE_COLUMNS[tool.ALTERNATE]
    found = tool.titles_of(
        tool.Table(tool.ALTERNATE, tool.xlsx_rows(tmp_path / "alternate.xlsx"), columns), columns
    )
    assert list(found) == [
        "Cooks, Restaurant",
        "Line Cook",
        "Customer Service Representatives",
        "Call Center Representative",
        "CSR",
    ]


def test_the_shipped_posted_variants_are_the_tools_from_the_shipped_titles() -> None:
    with (SHIPPED / tool.TSV).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    rng = random.Random(tool.SEED)
    assert [row["posted"] for row in rows] == [tool.as_posted(row["title"], rng)[0] for row in rows]
