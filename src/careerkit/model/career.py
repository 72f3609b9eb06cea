"""The career and the facts it is made of."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import typing
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from careerkit.errors import PayBandNotFoundError, SourceNotFoundError, ValidationError, shown
from careerkit.model import _checks, _iso
from careerkit.model._frozen import FrozenMapping
from careerkit.model.codes import CodeSystem, OccupationCode
from careerkit.model.dates import ReferenceDate
from careerkit.model.employment import Employment
from careerkit.model.pay_band import CourseFee, PayBand, Period, to_period
from careerkit.model.schedule import WorkingHours, WorkSchedule
from careerkit.model.source import Fact, Source
from careerkit.model.text import Text

if TYPE_CHECKING:
    from careerkit.pay import ConvertedPayBand, Pay
    from careerkit.pay._growth import PayGrowth

__all__ = [
    "Career",
    "CareerExtension",
    "CareerFacts",
    "Course",
    "EntryRoute",
    "FieldStory",
    "FundingKind",
    "FundingSource",
    "ProgressionLadder",
]

_text = attrs.validators.instance_of(Text)
_optional_text = attrs.validators.optional(_text)
_optional_url = attrs.validators.optional(_checks.url)


_texts = _checks.instances_of(Text, "a Text")


@attrs.frozen(kw_only=True)
class EntryRoute:
    """One way into a career: the minimum qualification, then the steps after it.

    ``text`` is the route as the source words it; ``minimum_qualification`` and
    ``steps`` are the same route broken into parts. ``nsqf_level`` is the level
    on India's National Skills Qualifications Framework (1..10) where a step is
    NSQF training.
    """

    region: str = attrs.field(validator=_checks.region)
    minimum_qualification: Text = attrs.field(validator=_text)
    text: Text = attrs.field(validator=_text)
    source: str = attrs.field(validator=_checks.slug)
    steps: tuple[Text, ...] = attrs.field(default=(), converter=_checks.to_tuple, validator=_texts)
    nsqf_level: int | None = attrs.field(default=None)
    note: Text | None = attrs.field(default=None, validator=_optional_text)

    @nsqf_level.validator
    def _check_nsqf(self, attribute: attrs.Attribute[int | None], value: int | None) -> None:
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10
        ):
            raise ValidationError(
                f"NSQF levels run from 1 to 10, got {value!r}", field="nsqf_level"
            )


class FundingKind(enum.StrEnum):
    """What a funding source offers."""

    SCHOLARSHIP = "scholarship"
    LOAN = "loan"
    FREE_TRAINING = "free-training"


def to_funding_kind(value: FundingKind | str) -> FundingKind:
    """Converter: a :class:`FundingKind` from its name, with a clear error."""
    return _checks.to_member(FundingKind, value, field="kind", what="kind")


@attrs.frozen(kw_only=True)
class FundingSource:
    """A way to pay for the training: a scholarship, a loan or free training.

    ``regions`` lists where it is offered (ISO 3166 codes: ``IN`` for all of
    India, ``IN-WB`` for West Bengal).
    """

    kind: FundingKind = attrs.field(converter=to_funding_kind)
    name: Text = attrs.field(validator=_text)
    description: Text = attrs.field(validator=_text)
    regions: tuple[str, ...] = attrs.field(converter=_checks.to_tuple, validator=_checks.regions)
    source: str = attrs.field(validator=_checks.slug)
    url: str | None = attrs.field(default=None, validator=_optional_url)
    note: Text | None = attrs.field(default=None, validator=_optional_text)

    @regions.validator
    def _check_some_region(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if not value:
            raise ValidationError("name at least one region, such as 'IN'", field="regions")


@attrs.frozen(kw_only=True)
class Course:
    """A course, portal or list of institutions where the career's skills are taught."""

    name: Text = attrs.field(validator=_text)
    source: str = attrs.field(validator=_checks.slug)
    url: str | None = attrs.field(default=None, validator=_optional_url)
    provider: Text | None = attrs.field(default=None, validator=_optional_text)
    online: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    note: Text | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class ProgressionLadder:
    """The usual order of promotion, first step first."""

    steps: tuple[Text, ...] = attrs.field(converter=_checks.to_tuple, validator=_texts)
    region: str = attrs.field(validator=_checks.region)
    source: str = attrs.field(validator=_checks.slug)

    @steps.validator
    def _check_steps(self, attribute: attrs.Attribute[Any], value: tuple[Text, ...]) -> None:
        if len(value) < 2:
            raise ValidationError("a ladder needs at least two steps", field="steps")
        _checks.unique_items(self, attribute, value)


@attrs.frozen(kw_only=True)
class FieldStory:
    """A short account of a real person's path into the career."""

    person: str = attrs.field(validator=_checks.nonblank)
    text: Text = attrs.field(validator=_text)
    source: str = attrs.field(validator=_checks.slug)
    note: Text | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True, repr=False)
class CareerFacts:
    """The facts a :class:`Career` is made of, and an extension may add to, with their sources.

    Every fact names the id of a :class:`Source` defined in ``sources``; facts
    citing an undefined source fail at construction.
    """

    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Source, "a Source")
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=[_checks.strings, _checks.unique_items],
    )
    occupation_codes: tuple[OccupationCode, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(OccupationCode, "an OccupationCode"),
    )
    summary: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    duties: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    abilities: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    workplaces: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    employers: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    work_environment: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    working_hours: tuple[WorkingHours, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(WorkingHours, "a WorkingHours"),
    )
    accessibility: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    entry_routes: tuple[EntryRoute, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(EntryRoute, "an EntryRoute"),
    )
    institutions: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    courses: tuple[Course, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Course, "a Course")
    )
    course_fees: tuple[CourseFee, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(CourseFee, "a CourseFee"),
    )
    funding: tuple[FundingSource, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(FundingSource, "a FundingSource"),
    )
    pay: tuple[PayBand, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(PayBand, "a PayBand")
    )
    employment: tuple[Employment, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(Employment, "an Employment"),
    )
    stories: tuple[FieldStory, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.instances_of(FieldStory, "a FieldStory"),
    )
    related_titles: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )
    notes: tuple[Fact, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Fact, "a Fact")
    )

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
        yield from _citations(self, "")

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


@attrs.frozen(kw_only=True, repr=False)
class Career(CareerFacts):
    """A career: what it is called, what it involves, how to enter it and what it pays.

    ``aliases`` are extra lookup keys (``csr``, a Hindi name); ``codes`` maps
    each code system to the career's code in it. Every fact cites one of
    ``sources`` (see :class:`CareerFacts`).

    >>> import careerkit
    >>> careerkit.get("pr-specialist")
    <Career 'public-relations-specialist': 'Public relations specialist', 6 sources>
    """

    id: str = attrs.field(validator=_checks.slug)
    title: Text = attrs.field(validator=_text)
    ladder: ProgressionLadder | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(ProgressionLadder)),
    )

    def __repr__(self) -> str:
        # The whole profile is hundreds of lines: a REPL wants to know which career it is.
        count = len(self.sources)
        return f"<Career {self.id!r}: {self.title.en!r}, {count} source{'s' * (count != 1)}>"

    def pay_in(
        self,
        currency: str,
        period: Period | str,
        *,
        prices_of: ReferenceDate | str | int | dt.date | None = None,
        region: str | None = None,
        schedule: WorkSchedule | None = None,
    ) -> tuple[ConvertedPayBand, ...]:
        """Every pay band (of *region*, if given) in *currency* per *period*.

        See :meth:`PayBand.convert` for the order of the steps. A band that
        cannot be converted raises (an undated band asked for another currency
        raises :class:`~careerkit.DateRequiredError`): none is dropped silently.
        A *region* the career has no band for raises
        :class:`~careerkit.PayBandNotFoundError` naming the regions it has.

        >>> import careerkit
        >>> from decimal import Decimal
        >>> us, *may_2025 = careerkit.get("csr").pay_in("INR", "month", region="US")
        >>> us.median.amount == Decimal("29868.80") * Decimal("42.0019") / 12
        True
        """
        _iso.check_currency(currency, field="currency")
        to_period(period)
        bands = self.pay_bands(region)
        return tuple(
            band.convert(period=period, currency=currency, prices_of=prices_of, schedule=schedule)
            for band in bands
        )

    def pay_history(
        self,
        region: str = "US",
        statistic: str = "median",
        period: Period | str | None = None,
        *,
        schedule: WorkSchedule | None = None,
    ) -> tuple[Pay, ...]:
        """One *statistic* of *region*'s dated pay bands, one :class:`~careerkit.Pay` per date.

        In date order, each with its ``when``. *statistic* is ``"median"``,
        ``"mean"`` or a percentile (``"p10"``). In *period* (default: the
        period most dates publish, hours first on a tie), each figure is the
        source's own where it publishes that period, else converted under
        *schedule* (the step is in its provenance).

        >>> import careerkit
        >>> [str(pay.amount) for pay in careerkit.get("csr").pay_history(period="hour")]
        ['14.36', '21.53']
        """
        from careerkit.pay._growth import history

        return history(
            self.pay_bands(region),
            who=self.id,
            region=region,
            statistic=statistic,
            period=period,
            schedule=schedule,
        )

    def pay_growth(
        self,
        region: str = "US",
        statistic: str = "median",
        since: ReferenceDate | str | int | dt.date | None = None,
        until: ReferenceDate | str | int | dt.date | None = None,
    ) -> PayGrowth:
        """The change in *statistic* of *region*'s pay from *since* to *until* (default: first to last).

        Returns a :class:`~careerkit.pay.PayGrowth` with ``nominal`` and ``real``
        fractions (``Decimal('0.4993')`` is +49.93%; real is deflated with the
        bundled price index of the band's country) and ``explain()``. The figures
        are those of :meth:`pay_history`, in the period both dates publish.

        >>> import careerkit
        >>> growth = careerkit.get("csr").pay_growth(region="US", statistic="median")
        >>> growth.nominal, growth.real
        (Decimal('0.4993'), Decimal('0.0104'))
        """
        from careerkit.pay._growth import growth

        return growth(
            self.pay_history(region, statistic),
            who=self.id,
            region=region,
            statistic=statistic,
            since=since,
            until=until,
        )

    def pay_bands(self, region: str | None = None) -> tuple[PayBand, ...]:
        """The pay bands of *region* (an ISO 3166 code), or all of them.

        A region the career has no band for raises
        :class:`~careerkit.PayBandNotFoundError` (an unknown code, such as
        ``"in"`` for ``"IN"``, a :class:`~careerkit.ValidationError`): never an
        empty answer that looks like "no pay".
        """
        if region is None:
            return self.pay
        _iso.check_region(region, field="region")
        bands = tuple(band for band in self.pay if band.region == region)
        if not bands:
            raise PayBandNotFoundError(
                f"{self.id} has no pay band for region {region!r}; it has bands for "
                f"{_iso.listed(band.region for band in self.pay)}"
            )
        return bands


@attrs.frozen(kw_only=True)
class CareerExtension(CareerFacts):
    """Facts a package adds to the career ``extends``, citing its own ``sources``.

    It may add to every list a career has (pay bands, funding, courses, entry
    routes, aliases, codes, facts) but not change its id, title or ladder; see
    :func:`careerkit.model.extension.merge`.
    """

    extends: str = attrs.field(validator=_checks.slug)


def _classes_in(hint: object) -> Iterator[type]:
    """The attrs classes a type hint can hold: ``Text | None`` -> Text; ``tuple[Fact, ...]`` -> Fact."""
    if isinstance(hint, type) and attrs.has(hint):
        yield hint
    for arg in typing.get_args(hint):
        yield from _classes_in(arg)


@functools.cache
def _plan(kind: type) -> tuple[tuple[str, bool], ...]:
    """The fields of *kind* that may lead to a citation: ``(name, is_the_citation)``.

    A field named ``source`` or ``via`` is a citation; a field whose type can hold a
    class with citations is walked; the rest (text, dates, amounts) are skipped, so
    that checking a career with hundreds of pay bands stays cheap.
    """
    hints = typing.get_type_hints(kind)
    plan = []
    for field in attrs.fields(kind):
        if field.name in ("source", "via"):
            plan.append((field.name, True))
        elif any(_plan(inner) for inner in _classes_in(hints[field.name])):
            plan.append((field.name, False))
    return tuple(plan)


_SOURCE_ONLY = (("source", True),)


def _citations(value: attrs.AttrsInstance, path: str) -> Iterator[tuple[str, str]]:
    """Walk the attrs tree below *value*, yielding each ``source`` and ``via`` it cites."""
    for name, cites in _plan(type(value)):
        item = getattr(value, name)
        here = _checks.join_path(path, name)
        if cites:
            if isinstance(item, str):
                yield here, item
        elif isinstance(item, tuple):
            for index, element in enumerate(item):
                kind: type = type(element)
                plan = _plan(kind) if attrs.has(kind) else ()
                if plan == _SOURCE_ONLY:  # most facts, every pay band: no walk needed
                    if isinstance(element.source, str):
                        yield f"{here}[{index}].source", element.source
                elif plan:
                    yield from _citations(element, f"{here}[{index}]")
        elif item is not None:
            yield from _citations(item, here)
