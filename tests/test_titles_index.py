"""The shipped search index (catalogue/titles.bin): rebuilt from its own texts, it is the same
file; it holds O*NET 29.3's titles as the tool wrote them; damage is refused clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import careerkit
from careerkit.catalogue import occupations
from careerkit.catalogue._titles import (
    FILE,
    MAGIC,
    NAME_KINDS,
    Entry,
    TitleIndex,
    build,
    index,
    titles,
    words,
)
from careerkit.catalogue.sources.onet_details import specialty_keys

SHIPPED = Path(careerkit.__file__).parent / "catalogue" / FILE
REFERENCE = Path(careerkit.__file__).parent / "catalogue" / "onet-reference.json"


def test_the_index_is_what_its_own_entries_build() -> None:
    """The postings, weights and word list are exactly what build() makes of the texts."""
    shipped = index()
    entries = [
        Entry(shipped.soc(entry), shipped.kind(entry), shipped.text(entry))
        for entry in range(shipped.entries)
    ]
    names = [(soc, occupation.title) for soc, occupation in occupations().items()]
    for soc, keys in specialty_keys().items():
        names += [(soc, title) for title in keys.values() if not title[:2].isdigit()]
    rebuilt = build(entries, socs=shipped.soc_codes, names=names, files=shipped.header["files"])
    assert rebuilt == SHIPPED.read_bytes()


def test_it_holds_onet_titles_from_the_files_careerkit_read() -> None:
    shipped = index()
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))["files"]
    for name in ("onet-29.3/Occupation Data.xlsx", "onet-29.3/Task Statements.xlsx"):
        assert shipped.header["files"][name] == reference[name]  # the same official files
    assert set(shipped.header["files"]) >= {
        "onet-29.3/Alternate Titles.xlsx",
        "onet-29.3/Sample of Reported Titles.xlsx",
    }
    found = titles()
    with pytest.raises(TypeError):
        found["43-4051"] = ()  # type: ignore[index]  # shared by every caller: read-only
    assert ("reported title", "Call Center Representative") in found["43-4051"]
    assert ("short title", "OBGYN") in found["29-1218"]
    assert ("alternate title", "Budget Specialist") in found["13-2031"]
    assert len(found) == 825  # 830 occupations, less five OEWS aggregates O*NET does not use
    assert {"21-1018", "25-2052", "25-9045", "51-2028", "53-1047"}.isdisjoint(found)
    # a broad occupation OEWS publishes whole (13-1020) gathers its parts' titles
    assert any("Buyer" in title for _, title in found["13-1020"])


def test_entries_are_names_then_texts_and_each_has_words() -> None:
    shipped = index()
    kinds = [shipped.kind(entry) for entry in range(shipped.entries)]
    assert all(kind in NAME_KINDS for kind in kinds[: shipped.names])
    assert not any(kind in NAME_KINDS for kind in kinds[shipped.names :])
    for entry in range(0, shipped.entries, 97):
        found = words(shipped.text(entry))
        assert found, shipped.text(entry)
        for word in found:  # each of its words lists it
            assert entry in shipped.entries_of(shipped.word_ids[word])


def test_generic_words_weigh_less_than_specific_ones() -> None:
    shipped = index()
    idf = {word: shipped.idf[shipped.word_ids[word]] for word in shipped.word_ids}
    for generic in ("specialist", "assistant", "manager", "technician"):
        for specific in ("budget", "loan", "dental", "pharmacy"):
            assert idf[generic] < idf[specific], (generic, specific)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: b"not an index\n" + data, r"should start with 'careerkit-titles 1'"),
        (lambda data: data[: len(MAGIC) + 20], r"cannot be read"),
        (lambda data: data[:-1000], r"do not agree in length|cannot be read"),
    ],
)
def test_a_damaged_index_is_refused_clearly(damage: object, message: str) -> None:
    with pytest.raises(careerkit.DataFormatError, match=message) as caught:
        TitleIndex(damage(SHIPPED.read_bytes()))  # type: ignore[operator]
    assert "Reinstall careerkit" in str(caught.value)
