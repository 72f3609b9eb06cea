"""The one shape of a catalogue source: what it reads, what it adds, how it is cited.

Each official source is a module of :mod:`careerkit.catalogue.sources` with these
names (a module is the implementation, as each country of python-holidays is; the
type checker holds each listed module to :class:`CatalogueSource`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from careerkit.catalogue._releases import Occupation
    from careerkit.model import Source

Contribution = dict[str, tuple[Any, ...]]
"""What a source adds to one occupation's career: ``{field: facts}``, each field a list of
:class:`~careerkit.model.facts.CareerFacts`."""
"""What a source adds to one occupation's career: ``{field: facts}``, each field one of
:class:`~careerkit.model.facts.CareerFacts`' lists (``"pay"``, ``"summary"``,
``"occupation_codes"``, ...; not ``"sources"`` or ``"aliases"``, which the catalogue
works out), each fact citing a source id of the source's :meth:`~CatalogueSource.citations`.
"""


class CatalogueSource(Protocol):
    """A source of the catalogue: a module with these names."""

    NAME: str
    """The source, for people: ``"O*NET Database: Occupation Data"``."""

    READS: tuple[str, ...]
    """The files it reads, in ``careerkit/catalogue`` (and in each installed release that
    carries them)."""

    LICENCE: str
    """The terms careerkit uses it under (its citations carry what the terms ask for)."""

    def citations(self) -> Mapping[str, Source]:
        """The :class:`~careerkit.Source` of each id its facts may cite, in the order careers
        list them (a career cites only those its facts use)."""
        ...

    def facts(self, occupation: Occupation) -> Contribution:
        """What it says of *occupation*: ``{}`` where nothing.

        The same facts whether the occupation becomes a career of its own or extends a
        career claiming its SOC code: where that career has a code of the same system
        already, its own is kept (``careerkit.catalogue._careers`` applies that rule for
        every source).
        """
        ...
