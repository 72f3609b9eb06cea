"""The career and the facts it is made of.

The record itself lives here: :class:`CareerFacts`, :class:`Career` and
:class:`CareerExtension`. The parts a career is made of have modules of their own
(``careerkit.model.route``: entry routes, progression ladders, field stories;
``careerkit.model.training``: courses and funding) and keep their names here too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import attrs

from careerkit import _hooks
from careerkit._display import fitted, html_table, shortened
from careerkit.errors import PayBandNotFoundError, SourceNotFoundError, ValidationError, shown
from careerkit.model import _checks, _iso
from careerkit.model._citations import citations
from careerkit.model._frozen import FrozenMapping
from careerkit.model.codes import CodeSystem, OccupationCode
from careerkit.model.dates import ReferenceDate
from careerkit.model.employment import Employment
from careerkit.model.pay_band import CourseFee, PayBand, Period, to_period
from careerkit.model.route import EntryRoute, FieldStory, ProgressionLadder
from careerkit.model.schedule import WorkingHours, WorkSchedule
from careerkit.model.source import Fact, Source
from careerkit.model.text import Text
from careerkit.model.training import Course, FundingKind, FundingSource

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


@attrs.frozen(kw_only=True, repr=False)
class CareerFacts:
    """The facts a :class:`Career` is made of, and an extension may add to, with their sources.

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


_FACT_LISTS = tuple(
    field.name for field in attrs.fields(CareerFacts) if field.name not in ("sources", "aliases")
)
"""The fields of :class:`CareerFacts` that hold facts citing a source."""


@attrs.frozen(kw_only=True, repr=False)
class Career(CareerFacts):
    """A career: what it is called, what it involves, how to enter it and what it pays.

    ``aliases`` are extra lookup keys (``csr``, a Hindi name); ``codes`` maps
    each code system to the career's code in it. Every fact cites one of
    ``sources`` (see :class:`~careerkit.model.career.CareerFacts`).

    >>> import careerkit
    >>> careerkit.get("pr-specialist")
    <Career 'public-relations-specialist': 'Public relations specialist', 7 sources>
    """

    id: str = attrs.field(validator=_checks.slug)
    """The career's unique id: lower-case ASCII words joined by hyphens (``customer-service``)."""
    title: Text = attrs.field(validator=_text)
    """The career's name, in English and, where the source gives it, Hindi."""
    ladder: ProgressionLadder | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(ProgressionLadder)),
    )
    """The usual order of promotion, where a source gives one."""

    def __repr__(self) -> str:
        # The whole profile is hundreds of lines: a REPL wants to know which career it is.
        count = len(self.sources)
        return fitted(
            f"<Career {self.id!r}: ", self.title.en, f", {count} source{'s' * (count != 1)}>"
        )

    def _repr_html_(self) -> str:
        rows: list[tuple[str, str | list[str]]] = [
            ("title", [self.title.en, *filter(None, [self.title.hi])]),
        ]
        if self.occupation_codes:
            codes = ", ".join(f"{code.system.value} {code.code}" for code in self.occupation_codes)
            rows.append(("codes", codes))
        if self.summary:
            rows.append(("summary", shortened(self.summary[0].text.en, 400)))
        whole = _iso.of_region(self.pay, None)  # of whole countries: not 54 states
        if whole:
            lines = [
                f"{band.region}: {_hooks.format_figures.call(band, 'en', 'en')}" for band in whole
            ]
            if len(whole) < len(self.pay):
                rest = len(self.pay) - len(whole)
                lines.append(f"and {rest} band{'s' * (rest != 1)} for states and territories")
            rows.append(("pay", lines))
        jobs = _iso.of_region(self.employment, None)
        if jobs:
            rows.append(("employment", [f"{job.region}: {job.count:,} jobs" for job in jobs]))
        if self.entry_routes:
            routes = [
                f"{route.region}: "
                + " → ".join(text.en for text in (route.minimum_qualification, *route.steps))
                for route in self.entry_routes
            ]
            rows.append(("entry routes", routes))
        if self.ladder is not None:
            rows.append(("ladder", " → ".join(step.en for step in self.ladder.steps)))
        rows.append(("sources", ", ".join(source.id for source in self.sources) or "none"))
        return html_table(rows, caption=f"{self.title.en} ({self.id})", row_heads=True)

    def pay_in(
        self,
        currency: str,
        period: Period | str,
        *,
        prices_of: ReferenceDate | str | int | dt.date | None = None,
        region: str | None = None,
        schedule: WorkSchedule | None = None,
        when: ReferenceDate | str | int | dt.date | None = None,
    ) -> tuple[ConvertedPayBand, ...]:
        """Every pay band (of *region*, if given) in *currency* per *period*.

        See :meth:`PayBand.convert` for the order of the steps. A band that
        cannot be converted raises (an undated band asked for another currency
        raises :class:`~careerkit.DateRequiredError`): none is dropped silently.
        *when* dates the bands the source left undated, and only those (a
        dated band keeps its own date); each such result says the date was
        the caller's (``date_given``, ``explain()``). A *region* the career has
        no band for raises :class:`~careerkit.PayBandNotFoundError` naming the
        regions it has.

        >>> import careerkit
        >>> from decimal import Decimal
        >>> us, *may_2025 = careerkit.get("csr").pay_in("INR", "month", region="US")
        >>> us.median.amount == Decimal("29868.80") * Decimal("42.0019") / 12
        True
        >>> india, = careerkit.get("csr").pay_in("INR", "month", region="IN", prices_of="2024",
        ...                                      when="2024")
        >>> india.date_given, us.date_given
        (ReferenceDate(year=2024, month=None, day=None), None)
        """
        _iso.check_currency(currency, field="currency")
        to_period(period)
        given = None if when is None else ReferenceDate.coerce(when, field="when")
        bands = self.pay_bands(region)
        return tuple(
            band.convert(
                period=period,
                currency=currency,
                prices_of=prices_of,
                schedule=schedule,
                when=given if band.reference_date is None else None,
            )
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
        return _hooks.pay_history.call(
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
        return _hooks.pay_growth.call(
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


@attrs.frozen(kw_only=True, repr=False)
class CareerExtension(CareerFacts):
    """Facts a package adds to the career ``extends``, citing its own ``sources``.

    It may add to every list a career has (pay bands, funding, courses, entry
    routes, aliases, codes, facts) but not change its id, title or ladder; see
    ``careerkit.model.extension.merge``.
    """

    extends: str = attrs.field(validator=_checks.slug)
    """The id of the career the extension adds to."""

    def __repr__(self) -> str:
        facts = sum(len(getattr(self, name)) for name in _FACT_LISTS)
        sources = len(self.sources)
        return fitted(
            "<CareerExtension of ",
            self.extends,
            f": {sources} source{'s' * (sources != 1)}, {facts} fact{'s' * (facts != 1)}>",
        )
