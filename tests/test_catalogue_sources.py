"""The catalogue's sources: one module per official source, each of one shape, and the
catalogue below the registry (it never calls it; the registry watches the data itself)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import attrs

import careerkit as ck
from careerkit import catalogue, data, registry
from careerkit.catalogue.sources import SOURCES, oews, onet, onet_details, projections
from careerkit.model.career import CareerFacts

# What a source may add to: every list of facts (the catalogue works out sources and aliases)
ADDABLE = {field.name for field in attrs.fields(CareerFacts)} - {"sources", "aliases"}


def test_each_source_names_what_it_reads_and_its_licence() -> None:
    assert (oews, onet, projections, onet_details) == SOURCES
    for source in SOURCES:
        assert source.NAME.strip() and source.LICENCE.strip()
        assert source.READS
        for name in source.READS:
            assert (catalogue.shipped_folder() / name).is_file(), name
    assert data.SERIES["oews"].licence == oews.LICENCE  # one wording, as the data status says it
    assert f"Used under the {onet.LICENCE} license" in onet.ATTRIBUTION


def test_every_fact_a_source_adds_cites_one_of_its_own_citations() -> None:
    for occupation in catalogue.occupations().values():
        for source in SOURCES:
            added = source.facts(occupation)
            assert set(added) <= ADDABLE, (occupation.soc, source.NAME)
            assert all(isinstance(facts, tuple) for facts in added.values())
            cited = {fact.source for facts in added.values() for fact in facts}
            assert cited <= set(source.citations()), (occupation.soc, source.NAME)
    for source in SOURCES:
        assert all(source.citations()[key].id == key for key in source.citations())


def test_a_career_cites_what_its_facts_use_in_the_order_of_the_sources() -> None:
    nurses = ck.get("29-1141")
    assert list(nurses.sources) == [
        oews.citations()["bls-oews-may-2025"],
        onet.citations()["onet-29-2"],
        projections.citations()["bls-ep-2024-34"],
        onet_details.citations()["onet-29-3"],
    ]
    assert [code.system.value for code in nurses.occupation_codes] == [
        "SOC-2018",
        "SOC-2018 major group",
        "O*NET-SOC",
    ]


def test_an_occupation_onet_does_not_have_gains_nothing_from_it() -> None:
    buyers = catalogue.occupations()["13-1020"]
    assert buyers.onet == ""
    assert onet.facts(buyers) == {}
    career = ck.get("13-1020")
    assert "onet-29-2" not in [source.id for source in career.sources]
    assert career.summary == ()


def test_the_catalogue_builds_a_career_without_the_registry() -> None:
    code = (
        "import sys; from careerkit import catalogue; career = catalogue.career('29-1141');"
        "print(career.id, 'careerkit.registry' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["registered-nurses", "False"]


def test_the_registry_notices_when_the_releases_in_use_change(tmp_path: Path) -> None:
    """``careerkit data update oews`` (or ``use``) changes the releases in use: the data store
    says so, and the default registry, made from them, is dropped and loaded again."""
    before = ck.get("29-1141")
    assert registry.default_registry() is not None
    with data.use(tmp_path):  # an empty data folder: the shipped release alone
        assert registry._default is None
        after = ck.get("29-1141")
    assert after == before and after is not before
