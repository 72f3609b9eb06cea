"""An occupation of the catalogue as a career: what every source says of it, put together.

Each source of :data:`careerkit.catalogue.sources.SOURCES` adds its facts, in the
order of that list; the career cites the sources its facts use, and only those.
Where a career already claims the occupation's SOC code (careerkit's own
``customer-service``, or a plug-in's), the same facts extend it instead, by one rule
for every source: a code of a system the career has already is its own, and the
catalogue's id and BLS title become aliases where the career does not answer to
them already.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careerkit.catalogue._releases import Occupation, occupations

if TYPE_CHECKING:
    from careerkit.model import Career, CareerExtension


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

    The releases' sources, pay bands and employment (every date in use); the
    O*NET description as a summary fact beside *base*'s own (a rich profile's is
    bilingual; O*NET's is English only); the catalogue's id and BLS title as
    aliases and the codes, where *base* does not answer to them already.
    """
    from careerkit.model import CareerExtension

    return CareerExtension(extends=base.id, **_fields(occupations()[soc], base))


def _fields(occupation: Occupation, base: Career | None) -> dict[str, Any]:
    """The fields of the career (``base is None``) or of the extension of *base*."""
    from careerkit.catalogue.sources import SOURCES

    fields: dict[str, list[Any]] = {}
    for source in SOURCES:
        for name, facts in source.facts(occupation).items():
            fields.setdefault(name, []).extend(facts)
    aliases: list[str] = []
    if base is not None:
        from careerkit.model._checks import normalize_key
        from careerkit.model._keys import lookup_keys

        has = set(base.codes)
        codes = fields.get("occupation_codes", [])
        fields["occupation_codes"] = [code for code in codes if code.system not in has]
        keys = {normalize_key(key) for key in lookup_keys(base)}
        for key in (occupation.id, occupation.title):
            if normalize_key(key) not in keys:
                aliases.append(key)
                keys.add(normalize_key(key))
    used = {fact.source for facts in fields.values() for fact in facts}
    cited = [
        cited
        for source in SOURCES
        for source_id, cited in source.citations().items()
        if source_id in used
    ]
    found: dict[str, Any] = {"sources": tuple(cited), "aliases": tuple(aliases)}
    for name, listed in fields.items():
        found[name] = tuple(listed)
    if "preparation" in fields:  # a single record, not a list: the first source's
        found["preparation"] = fields["preparation"][0]
    return found
