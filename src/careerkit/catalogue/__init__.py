"""The US occupation catalogue: every detailed SOC occupation, with BLS's May 2025 pay.

Each of the 830 detailed occupations in BLS's Occupational Employment and Wage
Statistics (OEWS) for May 2025 is a :class:`~careerkit.Career`, reached through
:func:`careerkit.get` like any other: by its SOC code (``"29-1141"`` or
``"291141"``), its O*NET-SOC code (``"29-1141.00"``), its title in any case and
punctuation, or its id (the slug of its title: ASCII, lower case, a hyphen for each run
of other characters; released ids never change). Each carries its title, SOC and O*NET-SOC codes,
its SOC major group, the O*NET 29.2 description as its summary, its employment,
and pay bands for ``US`` and every state and territory in the release
(``US-CA``, ``US-DC``, ``US-PR``, ...), hourly and annual as BLS published them.

Where a career already claims an occupation's SOC code (careerkit's own
``customer-service`` and ``public-relations-specialist``, or a plug-in's), the
catalogue does not add a twin: it extends that career with the release's
figures, as an extension would (see :doc:`/profiles`).

The shipped files hold the index (read once, on the first lookup) and each
occupation's figures compressed on their own, so that building one career reads
one occupation. Nothing here imports pandas or numpy.

>>> import careerkit
>>> nurses = careerkit.get("29-1141")
>>> nurses.id, nurses.codes["SOC-2018 major group"]
('registered-nurses', '29-0000')
>>> [str(band.median) for band in nurses.pay_bands("US")]
['46.90', '97550']
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from careerkit._once import once

if TYPE_CHECKING:
    from careerkit.model import Career, CareerExtension

__all__ = [
    "ATTRIBUTION",
    "DISCLAIMER",
    "Occupation",
    "career",
    "extension",
    "major_groups",
    "occupations",
    "release",
]

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

DISCLAIMER = (
    "BLS.gov cannot vouch for the data or analyses derived from these data after the data "
    "have been retrieved from BLS.gov."
)
"""The Bureau of Labor Statistics' disclaimer for data taken from its site."""

FIELDS = (
    "employment",
    "employment_rse",
    "wage_rse",
    "hourly_mean",
    "hourly_p10",
    "hourly_p25",
    "hourly_median",
    "hourly_p75",
    "hourly_p90",
    "annual_mean",
    "annual_p10",
    "annual_p25",
    "annual_median",
    "annual_p75",
    "annual_p90",
    "jobs_per_1000",
    "location_quotient",
    "footnotes",
)
"""The columns kept for each area, in the order of a line of ``oews.bin`` (after the region)."""

OEWS_SOURCE = "bls-oews-may-2025"
"""The source id every figure of the shipped release cites (:func:`source_id`: the release in use)."""
ONET_SOURCE = "onet-29-2"
"""The source id every O*NET description cites."""


class Occupation(NamedTuple):
    """One line of the catalogue's key index."""

    soc: str
    """The SOC code, ``"29-1141"``."""
    id: str
    """careerkit's id for it (for the rich profiles, a key of theirs, not their id)."""
    onet: str
    """The O*NET-SOC code, ``"29-1141.00"``, or ``""`` where O*NET has none."""
    major: str
    """The SOC major group, ``"29-0000"``."""
    title: str
    """The title as BLS publishes it."""
    key: str
    """The title's lookup key (:func:`~careerkit.registry.normalize_key`): usually the id."""
    employment: int | None
    """National employment, May 2025 (``None`` where BLS published none)."""
    offset: int
    length: int

    def __repr__(self) -> str:
        # Records print as summaries, values as Python (the rule: careerkit._display).
        from careerkit._display import fitted

        jobs = "" if self.employment is None else f", {self.employment} jobs"
        return fitted(f"<Occupation {self.soc} {self.id!r}: ", self.title, f"{jobs}>")


def shipped_folder() -> Path:
    """The folder of the catalogue shipped in the package."""
    return Path(__file__).parent


@once
def _folder() -> Path:
    """The folder of the release in use: a user's (``careerkit data update oews``) or the shipped."""
    from careerkit.data import catalogue_folder

    return catalogue_folder() or shipped_folder()


def _text(name: str) -> str:
    with open(_folder() / name, encoding="utf-8") as file:
        return file.read()


@once
def occupations() -> Mapping[str, Occupation]:
    """The key index, ``{SOC code: Occupation}`` in SOC order, read once, thread-safely."""
    lines = _text("occupations.tsv").splitlines()
    found = {}
    for line in lines[1:]:
        soc, career_id, onet, major, title, key, jobs, offset, length = line.split("\t")
        found[soc] = Occupation(
            soc,
            career_id,
            onet,
            major,
            title,
            key or career_id,
            int(jobs) if jobs else None,
            int(offset),
            int(length),
        )
    return found


@once
def release() -> Mapping[str, Any]:
    """The release the catalogue holds: name, dates, files read with their sha256, top codes.

    >>> release()["reference_date"], release()["occupations"]
    ('2025-05', 830)
    """
    data: dict[str, Any] = json.loads(_text("release.json"))
    return data


def major_groups() -> Mapping[str, str]:
    """The SOC major groups, ``{"29-0000": "Healthcare Practitioners and Technical Occupations"}``."""
    groups: Mapping[str, str] = release()["major_groups"]
    return groups


@once
def descriptions() -> Mapping[str, str]:
    """The O*NET description of each occupation that has one, by O*NET-SOC code."""
    return read_descriptions(_folder())


def read_descriptions(folder: Path) -> dict[str, str]:
    """The descriptions file of the catalogue in *folder*, ``{O*NET-SOC code: description}``."""
    lines = (folder / "descriptions.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines[1:])


def source_id() -> str:
    """The source id every figure of the release in use cites, ``"bls-oews-may-2025"``.

    >>> source_id()
    'bls-oews-may-2025'
    """
    return "bls-oews-" + _month().lower().replace(" ", "-")


def release_label() -> str:
    """The release in use for people, ``"BLS OEWS May 2025"``."""
    return f"BLS OEWS {_month()}"


def _month() -> str:
    from careerkit.model.dates import ReferenceDate

    return ReferenceDate.parse(str(release()["reference_date"])).label()


def _forget() -> None:
    """The release in use changed (``careerkit data update oews``): read it again, and rebuild
    the careers made from it."""
    for cached in (_folder, occupations, release, descriptions):
        cached.cache_clear()
    from careerkit import registry

    registry.forget_default()


from careerkit import data as _data  # noqa: E402 - after the functions it registers

_data.on_change(_forget, kinds=("oews",))


def _rows(occupation: Occupation) -> list[list[str]]:
    with open(_folder() / "oews.bin", "rb") as file:
        file.seek(occupation.offset)
        chunk = file.read(occupation.length)
    text = zlib.decompress(chunk).decode("utf-8")
    return [line.split("\t") for line in text.splitlines()]


def career(soc: str) -> Career:
    """The catalogue's career for SOC code *soc* (not extended into a rich profile)."""
    from careerkit.model import Career, Text
    from careerkit.model._checks import trusted

    occupation = occupations()[soc]
    # Built without re-validating (see careerkit.model._checks.trusted): the test suite
    # builds every catalogue career again through the validating constructor.
    return trusted(Career)(
        id=occupation.id, title=Text(occupation.title), **_fields(occupation, None)
    )


def extension(soc: str, base: Career) -> CareerExtension:
    """What the catalogue adds to *base*, a career claiming SOC code *soc*: the facts it lacks.

    The release's sources, pay bands and employment; the O*NET description as a
    summary fact where *base* has no summary of its own (a rich profile's is
    bilingual; O*NET's is English only); the catalogue's id and BLS title as
    aliases and the codes, where *base* does not answer to them already.
    """
    from careerkit.model import CareerExtension

    return CareerExtension(extends=base.id, **_fields(occupations()[soc], base))


def _fields(occupation: Occupation, base: Career | None) -> dict[str, Any]:
    from careerkit.catalogue._facts import facts

    return facts(occupation, _rows(occupation), base)
