"""O*NET occupation data: each occupation's description, as its summary, and its O*NET-SOC code.

careerkit ships the title and description of every O*NET 29.2 occupation that has
a SOC code in the catalogue (``descriptions.tsv``, by O*NET-SOC code; ``_build``
writes it from O*NET's Occupation Data). An occupation with an O*NET-SOC code gains
that code and, where O*NET describes it, the description as a summary fact: after a
rich profile's own summary (bilingual), since O*NET's is English only.

O*NET is used under CC BY 4.0, which asks for the credit in :data:`ATTRIBUTION` and a
word on what careerkit changed (``CHANGES``); the :class:`~careerkit.Source` every
description cites (``onet-29-2``) carries both.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from careerkit import data
from careerkit._once import once
from careerkit.catalogue._interned import labels, prose
from careerkit.catalogue._lines import lines_of
from careerkit.catalogue._releases import release, shipped_text

if TYPE_CHECKING:
    from pathlib import Path

    from careerkit.catalogue._releases import Occupation
    from careerkit.catalogue.sources._source import Contribution
    from careerkit.model import Source

NAME = "O*NET Database: Occupation Data"
"""The source, for people."""

READS: tuple[str, ...] = ("descriptions.tsv",)
"""The file it reads, shipped in ``careerkit/catalogue``."""

LICENCE = "CC BY 4.0"
"""O*NET's licence: credit it with :data:`ATTRIBUTION`, and say what was changed."""

ATTRIBUTION = (
    "This product includes information from the O*NET 29.2 Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET is a trademark of USDOL/ETA."
)
"""The credit O*NET's CC BY 4.0 licence asks of whoever ships its data."""

CHANGES = (
    "careerkit changed its form: it keeps only the title and description of each occupation, "
    "in its own compact file. USDOL/ETA has not approved, endorsed or tested careerkit."
)
"""What careerkit did to O*NET's data, as the licence asks to be said."""

ONET_SOURCE = "onet-29-2"
"""The source id every O*NET description cites."""


@once
def descriptions() -> Mapping[str, str]:
    """The O*NET description of each occupation that has one, by O*NET-SOC code."""
    return _parsed(_text())


@once
def _text() -> str:
    return shipped_text("descriptions.tsv")


def description(code: str) -> str | None:
    """The O*NET description of the occupation *code* (``"29-1141.00"``), or ``None``.

    The file is searched for its line rather than read into a dict: building one career
    reads one line of it (``careerkit.catalogue._releases.Lines``: building many, an
    index; :func:`descriptions` reads them all, for search).
    """
    line = lines_of(_text()).get(code)
    return None if line is None else line.partition("\t")[2]


def read_descriptions(folder: Path) -> dict[str, str]:
    """The descriptions file of the catalogue in *folder*, ``{O*NET-SOC code: description}``."""
    return _parsed((folder / "descriptions.tsv").read_text(encoding="utf-8"))


def _parsed(text: str) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in text.splitlines()[1:])


@once
def citations() -> dict[str, Source]:
    """The :class:`~careerkit.Source` O*NET's facts cite, by id (its version: the newest
    release's)."""
    from careerkit.model import Source, Text

    onet_version = release()["onet_version"]
    return {
        ONET_SOURCE: Source(
            id=ONET_SOURCE,
            title=Text(f"O*NET {onet_version} Database: Occupation Data"),
            publisher=Text(
                "National Center for O*NET Development, for the U.S. Department of Labor, "
                "Employment and Training Administration (USDOL/ETA)"
            ),
            url="https://www.onetcenter.org/database.html",
            date_note=Text(f"Database release {onet_version}; entries carry no date."),
            note=Text(f"{ATTRIBUTION} {CHANGES}"),
        )
    }


data.on_change(citations.cache_clear, kinds=("oews",))  # the newest release names the version


def facts(occupation: Occupation) -> Contribution:
    """*occupation*'s O*NET-SOC code and O*NET's description of it, where it has them."""
    from careerkit.model import CodeSystem, Fact, OccupationCode
    from careerkit.model._checks import trusted

    if not occupation.onet:
        return {}
    # Built without validating again (see careerkit.model._checks.trusted), of texts checked
    # as they are made: the tests build every one again through the validating constructors.
    code = trusted(OccupationCode)(
        system=CodeSystem.ONET_SOC,
        code=occupation.onet,
        source=ONET_SOURCE,
        title=labels[occupation.title],
    )
    found = description(occupation.onet)
    summary = () if found is None else (trusted(Fact)(text=prose()(found), source=ONET_SOURCE),)
    return {"occupation_codes": (code,), "summary": summary}
