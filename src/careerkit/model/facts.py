"""The facts a career is made of: the record every career and extension shares.

:class:`CareerFacts` holds every list of facts (and the single ``preparation``), each fact
citing a source the record defines; :class:`~careerkit.model.career.Career` and
:class:`~careerkit.model.career.CareerExtension` are made of it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from careerkit.errors import SourceNotFoundError, ValidationError, shown
from careerkit.model import _checks
from careerkit.model._citations import citations
from careerkit.model._frozen import FrozenMapping
from careerkit.model.codes import CodeSystem, OccupationCode
from careerkit.model.employment import Employment
from careerkit.model.outlook import Outlook
from careerkit.model.pay_band import CourseFee, PayBand
from careerkit.model.preparation import Preparation
from careerkit.model.route import EntryRoute, FieldStory
from careerkit.model.schedule import WorkingHours
from careerkit.model.source import Fact, Source
from careerkit.model.training import Course, FundingSource
from careerkit.model.work import RelatedOccupation, Skill, Specialty, Tool

__all__ = ["FACT_LISTS", "CareerFacts"]


def _one_per_code(_: object, attribute: attrs.Attribute[Any], value: tuple[Specialty, ...]) -> None:
    """Each specialty once: two of one code are one specialty given twice."""
    seen: dict[str, int] = {}
    for index, specialty in enumerate(value):
        if specialty.code in seen:
            raise ValidationError(
                f"specialty {specialty.code} is given twice (first at "
                f"{attribute.name}[{seen[specialty.code]}]); give each once",
                field=f"{attribute.name}[{index}].code",
            )
        seen[specialty.code] = index


# Never made itself (Career and CareerExtension are): attrs writes no __init__ or __eq__ for it,
# which each of those writes for itself.
@attrs.frozen(kw_only=True, repr=False, init=False, eq=False)
class CareerFacts:
    """The facts a :class:`~careerkit.Career` is made of, and an extension may add to, with their sources.

    Every fact names the id of a :class:`Source` defined in ``sources``; facts
    citing an undefined source fail at construction.
    """

    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Source, "a Source")
    )
    """Every document the facts cite, each with an ``id`` unique in the profile."""
    aliases: tuple[str, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=[_checks.strings, _checks.unique_items],
    )
    """Extra lookup keys for :func:`careerkit.get` (``csr``, a Hindi name), no two the same key."""
    occupation_codes: tuple[OccupationCode, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(OccupationCode, "an OccupationCode"),
    )
    """The career's codes in occupation classifications, one per :class:`~careerkit.CodeSystem`."""
    summary: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    """What the career is, in a few sentences."""
    duties: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    """What the work involves, a duty a fact."""
    abilities: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    """The skills and qualities the work calls for."""
    workplaces: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    """Where the work is done (a retail store, a call centre)."""
    employers: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    """Who hires for the career: kinds of employer, or named ones."""
    work_environment: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    """What the work is like: settings, shifts, pressure."""
    working_hours: tuple[WorkingHours, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(WorkingHours, "a WorkingHours"),
    )
    """What sources say about daily working hours (:meth:`~careerkit.WorkingHours.to_schedule`)."""
    accessibility: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    """What sources say about the work for people with disabilities."""
    entry_routes: tuple[EntryRoute, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(EntryRoute, "an EntryRoute"),
    )
    """The ways into the career, each for a region."""
    institutions: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    """Where the career's qualifications can be studied."""
    courses: tuple[Course, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Course, "a Course")
    )
    """Courses, portals and lists of institutions that teach the skills."""
    course_fees: tuple[CourseFee, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(CourseFee, "a CourseFee"),
    )
    """What courses cost, as sources state it."""
    funding: tuple[FundingSource, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(FundingSource, "a FundingSource"),
    )
    """Scholarships, loans and free training that pay for the training."""
    pay: tuple[PayBand, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(PayBand, "a PayBand")
    )
    """What the career pays: the pay bands sources give, by region, period and date."""
    employment: tuple[Employment, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(Employment, "an Employment"),
    )
    """How many jobs there are, by region and date."""
    stories: tuple[FieldStory, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(FieldStory, "a FieldStory"),
    )
    """Accounts of real people's paths into the career."""
    related_titles: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    """Other job titles for the same work or work close to it."""
    outlook: tuple[Outlook, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(Outlook, "an Outlook"),
    )
    """Where the jobs are heading: projections of employment and openings, by region."""
    preparation: Preparation | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Preparation))
    )
    """How much preparation the work needs (O*NET's Job Zone and the shares of workers by
    required education, experience and training), or ``None`` where no source rates it."""
    tools: tuple[Tool, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Tool, "a Tool")
    )
    """The technology the work uses."""
    skills: tuple[Skill, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Skill, "a Skill")
    )
    """The skills and knowledge areas the work calls for, most important first."""
    specialties: tuple[Specialty, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=[_checks.instances_of(Specialty, "a Specialty"), _one_per_code],
    )
    """The career's specialties (O*NET-SOC detail occupations below its SOC code)."""
    related_occupations: tuple[RelatedOccupation, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(RelatedOccupation, "a RelatedOccupation"),
    )
    """The occupations a source lists as related, in its order
    (:meth:`~careerkit.model.career.Career.related` gives them as careers)."""
    notes: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    """Anything else a source says that the fields above do not hold."""

    def __attrs_post_init__(self) -> None:
        defined: dict[str, int] = {}
        for index, source in enumerate(self.sources):
            if source.id in defined:
                raise ValidationError(
                    f"source id {source.id!r} is defined twice (also sources[{defined[source.id]}])",
                    field=f"sources[{index}].id",
                )
            defined[source.id] = index
        known = ", ".join(repr(source_id) for source_id in defined) or "none"
        for path, source_id in self.citations():
            if source_id not in defined:
                raise ValidationError(
                    f"cites source {source_id!r}, which this profile does not define; "
                    f"add it to sources (defined: {known})",
                    field=path,
                )
        self._check_via_chains()
        self._check_aliases()
        systems: dict[CodeSystem, int] = {}
        for index, code in enumerate(self.occupation_codes):
            if code.system in systems:
                raise ValidationError(
                    f"a second {code.system.value} code; a career has one code per system "
                    f"(first at occupation_codes[{systems[code.system]}])",
                    field=f"occupation_codes[{index}].system",
                )
            systems[code.system] = index

    def _check_aliases(self) -> None:
        """Two aliases (or an alias and the id) that are one lookup key are a mistake."""
        seen: dict[str, str] = {}
        own_id = getattr(self, "id", None)
        if isinstance(own_id, str):
            seen[_checks.normalize_key(own_id)] = "the id"
        for index, alias in enumerate(self.aliases):
            key = _checks.normalize_key(alias)
            if key in seen:
                raise ValidationError(
                    f"{shown(alias)} is the same lookup key as {seen[key]} (keys are compared "
                    "ignoring case, spaces, hyphens and underscores); give it once",
                    field=f"aliases[{index}]",
                )
            seen[key] = f"aliases[{index}] {shown(alias)}"

    def _check_via_chains(self) -> None:
        via = {source.id: source.via for source in self.sources}
        for start in via:
            seen = [start]
            while (next_id := via.get(seen[-1])) is not None:
                if next_id in seen:
                    raise ValidationError(
                        "sources quote each other in a circle: " + " -> ".join([*seen, next_id]),
                        field="sources",
                    )
                seen.append(next_id)

    @property
    def codes(self) -> Mapping[CodeSystem, str]:
        """Each code system mapped to this career's code in it (``codes["SOC-2018"]``)."""
        return FrozenMapping({code.system: code.code for code in self.occupation_codes})

    def citations(self) -> Iterator[tuple[str, str]]:
        """Every ``(field path, source id)`` this career cites, sources' ``via`` included."""
        yield from citations(self, "")

    def get_source(self, source_id: str) -> Source:
        """The :class:`Source` with id *source_id*.

        Raises :class:`~careerkit.SourceNotFoundError` (a ``KeyError``) if the profile
        defines none, listing the ids it does define.
        """
        for source in self.sources:
            if source.id == source_id:
                return source
        known = ", ".join(repr(source.id) for source in self.sources) or "none"
        raise SourceNotFoundError(
            f"no source {shown(source_id)} in this profile; its sources: {known}"
        )


FACT_LISTS = tuple(
    field.name
    for field in attrs.fields(CareerFacts)
    if field.name not in ("sources", "aliases", "preparation")
)
"""The fields of :class:`CareerFacts` that hold lists of facts citing a source (all but
``preparation``, a single record)."""
