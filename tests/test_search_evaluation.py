"""The shipped search evaluation (tests/data/search-evaluation): well-formed, kept out of the
index, and the quality floor careerkit.search must hold on it (benchmarks/search.py reports
the figures beside a plain fuzzy baseline)."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pytest

import careerkit
from careerkit import catalogue
from careerkit.model._checks import normalize_key
from careerkit.registry import default_registry

FOLDER = Path(__file__).resolve().parent / "data" / "search-evaluation"
COLUMNS = ["isco", "title", "soc", "posted"]
FLOOR = {1: 55.0, 5: 75.0, 10: 80.0}  # percent of titles, issue 23


@cache
def lines() -> tuple[dict[str, str], ...]:
    with (FOLDER / "isco-08.tsv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == COLUMNS
        return tuple(reader)


def readme_counts() -> dict[str, int]:
    """The counts table of README.md: what -> how many."""
    text = (FOLDER / "README.md").read_text(encoding="utf-8")
    section = text.split("## Counts", 1)[1].split("\n## ", 1)[0]
    return {
        what.strip(): int(count.replace(",", ""))
        for what, count in re.findall(r"^\| ([^|]+) \| ([\d,]+) \|$", section, re.MULTILINE)
    }


def test_every_line_is_well_formed() -> None:
    found = lines()
    assert len(found) >= 300  # ~340 ISCO-08 unit groups are kept (README.md)
    known = catalogue.occupations()
    for line in found:
        assert None not in line.values() and None not in line  # exactly four fields
        assert re.fullmatch(r"\d{4}", line["isco"]), line
        assert line["title"] == line["title"].strip() and line["title"], line
        socs = line["soc"].split(" ")
        assert socs == sorted(set(socs)), line  # sorted, no code twice
        assert all(soc in known for soc in socs), line
        assert line["posted"] and line["posted"] != line["title"], line
    assert len({line["isco"] for line in found}) == len(found)
    assert len({normalize_key(line["title"]) for line in found}) == len(found)
    assert [line["isco"] for line in found] == sorted(line["isco"] for line in found)


def test_readme_counts_match_the_file() -> None:
    found = lines()
    counts = readme_counts()
    one = sum(" " not in line["soc"] for line in found)
    assert counts["titles in the evaluation"] == len(found)
    assert counts["of which coded to one catalogue occupation only"] == one
    assert counts["of which coded to several (any of them counts as right)"] == len(found) - one
    right = {soc for line in found for soc in line["soc"].split()}
    assert counts["catalogue occupations that are a right answer"] == len(right)
    # every ISCO-08 code of the crosswalk is either kept or left out for one stated reason
    left_out = sum(count for what, count in counts.items() if what.endswith("left out"))
    assert counts["ISCO-08 codes in BLS's crosswalk"] == left_out + len(found)


def test_no_title_is_a_name_the_registry_answers_to() -> None:
    keys = default_registry()._index
    named = [line["title"] for line in lines() if normalize_key(line["title"]) in keys]
    assert named == []
    posted = [line["posted"] for line in lines() if normalize_key(line["posted"]) in keys]
    assert posted == []


def test_no_title_is_one_of_onets_titles() -> None:
    if not hasattr(catalogue, "titles"):
        pytest.skip("careerkit.catalogue.titles() does not exist yet (issue 23 in progress)")
    indexed = {
        normalize_key(title) for entries in catalogue.titles().values() for _, title in entries
    }
    assert len(indexed) > 40_000  # O*NET's alternate, short and reported titles
    assert [line["title"] for line in lines() if normalize_key(line["title"]) in indexed] == []


def soc_of(result: careerkit.SearchResult) -> str | None:
    return result.soc or result.career.codes.get("SOC-2018")


def test_search_finds_the_right_occupation_often_enough() -> None:
    """The issue's floor on titles careerkit never saw: 55 % first, 75 % in 5, 80 % in 10."""
    hits = dict.fromkeys(FLOOR, 0)
    for line in lines():
        right = set(line["soc"].split())
        found = [soc_of(result) for result in careerkit.search(line["title"], limit=10)]
        for top in FLOOR:
            hits[top] += bool(right.intersection(found[:top]))
    shares = {top: round(100 * hits[top] / len(lines()), 1) for top in FLOOR}
    assert all(shares[top] >= FLOOR[top] for top in FLOOR), shares
