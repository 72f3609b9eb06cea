"""BLS Employment Projections 2024-34 (Table 1.2): each occupation's outlook and how to get in.

careerkit ships Table 1.2 of the projections' ``occupation.xlsx`` as ``projections.tsv``
(one line per occupation of the catalogue, by SOC code; ``tools/build_knowledge.py``
writes it), its figures as BLS prints them: employment and openings in thousands with
one decimal, percentages as published, and a figure BLS prints as "—" left empty.

Each occupation gains an :class:`~careerkit.Outlook` for the US (employment 2024 and
2034, change, annual openings and self-employment, in jobs: 2,814.0 thousand is
2,814,000 jobs, exactly) and a US :class:`~careerkit.EntryRoute`: the typical education
needed for entry, as BLS words it, then the work experience in a related occupation and
the typical on-the-job training where BLS names one ("None" is no step). Both cite the
projections' release (``EP_SOURCE``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from careerkit._once import once
from careerkit.catalogue._interned import labels, prose
from careerkit.catalogue._lines import lines_of
from careerkit.catalogue._releases import shipped_damaged, shipped_text

if TYPE_CHECKING:
    from careerkit.catalogue._releases import Occupation
    from careerkit.catalogue.sources._source import Contribution
    from careerkit.model import Source

NAME = "BLS Employment Projections 2024-34, Table 1.2"
"""The source, for people."""

READS: tuple[str, ...] = ("projections.tsv",)
"""The file it reads, shipped in ``careerkit/catalogue``."""

LICENCE = "public domain (a work of the US federal government)"
"""BLS's terms: public domain, with its disclaimer (in the source's note)."""

EP_SOURCE = "bls-ep-2024-34"
"""The source id every projection and entry route cites."""

BASE_YEAR, PROJECTED_YEAR = 2024, 2034
"""The years the projections run between."""

_COLUMNS = (
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
)
_THOUSAND = Decimal(1000)
_FIGURE = re.compile(r"-?[0-9]{1,9}(?:\.[0-9]{1,3})?\Z")  # as BLS prints them: -153.7


@once
def _text() -> str:
    """``projections.tsv`` as written, its header checked (searched, not split: see :func:`row`)."""
    text = shipped_text("projections.tsv")
    if text.partition("\n")[0].split("\t") != list(_COLUMNS):
        raise shipped_damaged(
            "projections.tsv",
            f"not careerkit's projections file (its header should be {' '.join(_COLUMNS)})",
        )
    return text


def row(soc: str) -> tuple[str, ...] | None:
    """*soc*'s line of ``projections.tsv`` (its columns as written), or ``None``.

    The file is searched for the line rather than read into a dict: a cold lookup of one
    career splits one line (``careerkit.catalogue._releases.Lines``: building many
    careers, an index of the lines).
    """
    line = lines_of(_text()).get(soc)
    if line is None:
        return None
    found = tuple(line.split("\t"))
    if len(found) != len(_COLUMNS):
        raise shipped_damaged(
            "projections.tsv",
            f"the line of {soc} has {len(found)} columns, expected {len(_COLUMNS)}",
        )
    for column in (1, 2, 3, 4, 6) if found[5] == "" else (1, 2, 3, 4, 5, 6):
        if not _FIGURE.match(found[column]):
            raise shipped_damaged(
                "projections.tsv",
                f"the line of {soc} has {found[column]!r} as its {_COLUMNS[column]}, not a figure",
            )
    return found


@once
def citations() -> dict[str, Source]:
    """The :class:`~careerkit.Source` the projections' facts cite, by id."""
    from careerkit.catalogue.sources.oews import DISCLAIMER
    from careerkit.model import Source, Text

    return {
        EP_SOURCE: Source(
            id=EP_SOURCE,
            title=Text(
                "Employment Projections 2024-34: Occupational projections and worker "
                "characteristics (Table 1.2)"
            ),
            publisher=Text("U.S. Bureau of Labor Statistics (BLS), Employment Projections program"),
            url="https://www.bls.gov/emp/tables/occupational-projections-and-characteristics.htm",
            reference_date="2024",
            note=Text(
                "Projections from 2024 to 2034, published in thousands of jobs; careerkit gives "
                "jobs (thousands x 1,000, exactly) and keeps every figure BLS prints as '—' "
                "absent. Education, work experience and on-the-job training are BLS's "
                "typical requirements for entry, as BLS words them. "
                f"{DISCLAIMER}"
            ),
        )
    }


def _jobs(thousands: str) -> int:
    return int(Decimal(thousands) * _THOUSAND)


def facts(occupation: Occupation) -> Contribution:
    """*occupation*'s US outlook and entry route, where the projections have it."""
    from careerkit.model import EntryRoute, Outlook
    from careerkit.model._checks import trusted

    found_row = row(occupation.soc)
    if found_row is None:
        return {}
    _, employment, projected, change, percent, self_employed, openings = found_row[:7]
    education, experience, training = found_row[7:]
    outlook = Outlook(
        region="US",
        base_year=BASE_YEAR,
        projected_year=PROJECTED_YEAR,
        employment=_jobs(employment),
        projected_employment=_jobs(projected),
        change=_jobs(change),
        change_percent=Decimal(percent),
        openings=_jobs(openings),
        self_employed_percent=Decimal(self_employed) if self_employed else None,
        source=EP_SOURCE,
    )
    found: Contribution = {"outlook": (outlook,)}
    if education:
        steps = []
        if experience and experience != "None":
            steps.append(labels[f"Work experience in a related occupation: {experience}"])
        if training and training != "None":
            steps.append(labels[training])
        # made of texts checked as they are made (the labels many careers share, once): the
        # route itself without validating again (see careerkit.model._checks.trusted); the
        # tests build every one again through the validating constructor
        route = trusted(EntryRoute)(
            region="US",
            minimum_qualification=labels[education],
            steps=tuple(steps),
            text=prose()(
                f"Typical education needed for entry: {education}. Work experience in a "
                f"related occupation: {experience or 'not published'}. Typical on-the-job "
                f"training: {training or 'not published'}."
            ),
            source=EP_SOURCE,
        )
        found["entry_routes"] = (route,)
    return found
