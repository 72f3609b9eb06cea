"""The career and the facts it is made of.

:class:`Career` and :class:`CareerExtension` live here; the record of facts both are
made of is :class:`CareerFacts` (``careerkit.model.facts``). The parts a career is made
of have modules of their own (``careerkit.model.route``: entry routes, progression
ladders, field stories; ``careerkit.model.training``: courses and funding) and keep
their names here too.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

import attrs

from careerkit import _hooks
from careerkit._display import fitted, html_table, shortened
from careerkit.errors import PayBandNotFoundError, ValidationError, shown, wrong_type
from careerkit.model import _checks, _iso
from careerkit.model.area import Area
from careerkit.model.dates import ReferenceDate
from careerkit.model.employment import Employment
from careerkit.model.facts import FACT_LISTS, CareerFacts
from careerkit.model.pay_band import PayBand, Period, to_period
from careerkit.model.route import EntryRoute, FieldStory, ProgressionLadder
from careerkit.model.schedule import WorkSchedule
from careerkit.model.text import Text
from careerkit.model.training import Course, FundingKind, FundingSource

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

    from careerkit._related import NextStep
    from careerkit.pay import ConvertedPayBand, Pay
    from careerkit.pay._growth import PayGrowth
    from careerkit.pay._history import PayHistory
    from careerkit.pay._position import PayPosition
    from careerkit.pay._range import PayRange

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
_SOC_CODE = re.compile(r"[0-9]{2}-[0-9]{4}\Z", re.ASCII)


def _occupation(career: Career, attribute: attrs.Attribute[Any], value: object) -> None:
    """A catalogue occupation named by SOC code or id; ``extends`` and ``replaces`` not both."""
    if value is None:
        return
    if not isinstance(value, str):
        raise wrong_type("a SOC code or catalogue id, such as '27-3023'", value, attribute.name)
    if not _SOC_CODE.match(value):
        try:
            _checks.slug(career, attribute, value)
        except ValidationError:
            raise ValidationError(
                f"{shown(value)} names no catalogue occupation: give its SOC code, such as "
                "'27-3023', or its catalogue id, such as 'news-analysts-reporters-and-journalists'",
                field=attribute.name,
            ) from None
    if attribute.name == "replaces" and career.extends is not None:
        raise ValidationError(
            f"a career extends a catalogue occupation ({career.extends!r}) or replaces one, "
            "not both",
            field="replaces",
        )


@attrs.frozen(kw_only=True, repr=False)
class Career(CareerFacts):
    """A career: what it is called, what it involves, how to enter it and what it pays.

    ``aliases`` are extra lookup keys (``csr``, a Hindi name); ``codes`` maps
    each code system to the career's code in it. Every fact cites one of
    ``sources`` (see :class:`~careerkit.model.facts.CareerFacts`).

    >>> import careerkit
    >>> careerkit.get("pr-specialist")
    <Career 'public-relations-specialist': 'Public relations specialist', 9 sources>
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
    extends: str | None = attrs.field(default=None, validator=_occupation)
    """The US catalogue occupation this career is, and takes the figures of: its SOC code
    (``"27-3023"``) or its catalogue id. The catalogue extends the career with the
    occupation's pay, employment and descriptions, and the occupation's id, title and codes
    lead to the career (see :doc:`/profiles`)."""
    replaces: str | None = attrs.field(default=None, validator=_occupation)
    """The US catalogue occupation this career stands in for, without its figures: its SOC
    code or catalogue id. The occupation's id, title and codes lead to the career, and the
    catalogue adds nothing to it. A career claiming a catalogue occupation's SOC code
    declares one of :attr:`extends` and :attr:`replaces`; without either it is extended,
    with a :class:`~careerkit.CareerkitWarning`."""

    def __repr__(self) -> str:
        # The whole profile is hundreds of lines: a REPL wants to know which career it is.
        count = len(self.sources)
        return fitted(
            f"<Career {self.id!r}: ", self.title.en, f", {count} source{'s' * (count != 1)}>"
        )

    def __str__(self) -> str:
        """The profile as people read it: what ``careerkit show KEY`` prints (English; the repr
        stays Python's view). ``careerkit show --lang hi`` and ``--region`` give the others."""
        return _hooks.render_career.call(self)

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
        if self.outlook:
            rows.append(("outlook", [f"{item.region}: {item.describe()}" for item in self.outlook]))
        if self.preparation is not None:
            rows.append(("job zone", f"{self.preparation.job_zone}: {self.preparation.name.en}"))
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
        region: str | Area | None = None,
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
        region: str | Area = "US",
        statistic: str = "median",
        period: Period | str | None = None,
        *,
        schedule: WorkSchedule | None = None,
    ) -> PayHistory:
        """One *statistic* of *region*'s dated pay bands, one :class:`~careerkit.Pay` per date.

        Returns a :class:`~careerkit.PayHistory`: a sequence of
        :class:`~careerkit.Pay` in date order, each with its ``when``, that also
        says which source each figure cites and where the series was cut.
        *statistic* is ``"median"``, ``"mean"`` or a percentile (``"p10"``). In
        *period* (default: the period most dates publish, hours first on a tie),
        each figure is the source's own where it publishes that period, else
        converted under *schedule* (the step is in its provenance).

        For the nation (``"US"``), a career with a SOC code also has BLS's national
        figures of every OEWS release careerkit ships as history (May 2004 to May
        2025), read on the first such question: each release's own figure for its
        date, before a figure a profile quotes for that date. Where a SOC revision
        split or merged the occupation, the series starts at the revision, and its
        ``cut`` (a :class:`~careerkit.SeriesCut`) says why; a band dated before it
        (a profile's quote of an earlier release) is of a different occupation and
        is left out.

        >>> import careerkit
        >>> history = careerkit.get("csr").pay_history(period="hour")
        >>> [str(pay.amount) for pay in history][-2:], str(history[0].when)
        (['20.59', '21.53'], '2004-05')
        """
        return _hooks.pay_history.call(
            self, region, statistic=statistic, period=period, schedule=schedule
        )

    def pay_growth(
        self,
        region: str | Area = "US",
        statistic: str = "median",
        since: ReferenceDate | str | int | dt.date | None = None,
        until: ReferenceDate | str | int | dt.date | None = None,
    ) -> PayGrowth:
        """The change in *statistic* of *region*'s pay from *since* to *until* (default: first to last).

        *since* and *until* are dates of :meth:`pay_history` (``"2011-05"``); a year
        alone (``"2011"``, ``2011``) is the one date of that year, and a year with
        two dates is refused, naming them.

        Returns a :class:`~careerkit.pay.PayGrowth` with ``nominal`` and ``real``
        fractions (``Decimal('0.4993')`` is +49.93%; real is deflated with the
        bundled price index of the band's country) and ``explain()``. The figures
        are those of :meth:`pay_history`, in the period both dates publish.

        >>> import careerkit
        >>> growth = careerkit.get("csr").pay_growth(region="US", since="2008", until="2025")
        >>> growth.nominal, growth.real
        (Decimal('0.4993'), Decimal('0.0104'))
        """
        return _hooks.pay_growth.call(
            self.pay_history(region, statistic),
            who=self.id,
            region=self._place(region),
            statistic=statistic,
            since=since,
            until=until,
        )

    def pay_position(
        self,
        pay: Pay | PayRange | str,
        region: str | Area = "US",
        *,
        when: ReferenceDate | str | int | dt.date | None = None,
        schedule: WorkSchedule | None = None,
        country: str | None = None,
    ) -> PayPosition:
        """Where the offer *pay* stands in *region*'s published pay distribution.

        *pay* is a :class:`~careerkit.Pay`, a closed :class:`~careerkit.PayRange`
        (placed by its midpoint; its ends have positions of their own) or text read
        by :func:`~careerkit.parse_pay` (``"$52,000 a year"``, ``"₹35,000 per
        month"``), which must name its currency and period. *when* dates an offer that
        has none; an undated offer without it is refused
        (:class:`~careerkit.DateRequiredError`). *region* is taken as by
        :meth:`pay_bands`.

        The band: of *region*'s bands, those with a reference date and at least two
        published percentiles; of those, the newest date's; of those, the band in the
        offer's period if there is one, else the annual band, else the hourly one,
        else the first. None such raises :class:`~careerkit.PayBandNotFoundError`
        naming the bands there are. The offer is converted to that band's currency,
        period and date, and placed among its percentiles: see
        :class:`~careerkit.PayPosition`, whose percentile is an estimate. *country*
        chooses the price index of a currency several countries use (``"DE"`` for
        euros), as :meth:`PayBand.convert` takes it.

        >>> import careerkit
        >>> careerkit.get("43-4051").pay_position("$52,000 a year", when="2025-05")
        <PayPosition US 2025-05 USD/year: 52000.00 between p75 and p90, estimated p75.3 (customer-service)>
        """
        return _hooks.pay_position.call(
            self, pay, region, when=when, schedule=schedule, country=country
        )

    def related(self) -> tuple[Career, ...]:
        """The careers of the occupations this career lists as related, in the source's order.

        Each related occupation (``related_occupations``: O*NET's, for catalogue careers)
        is looked up in the default registry by its SOC code, so that it leads to the
        career that claims that code (a rich profile where one does); a career comes once,
        never this career itself, and an occupation careerkit has no career for is left out.

        >>> import careerkit
        >>> [career.id for career in careerkit.get("43-4051").related()[:2]]
        ['sales-representatives-of-services-except-advertising-insurance-financial-services-and-travel', 'telemarketers']
        """
        return _hooks.related_careers.call(self)

    def next_steps(self, region: str | Area = "US", limit: int | None = 5) -> tuple[NextStep, ...]:
        """The related careers (:meth:`related`) that pay more in *region*, most gain first.

        *region* is taken as by :meth:`pay_bands` (an area too: ``"austin"``). Pay is
        each career's annual median in *region*, from the release of this
        career's newest annual median there, so both figures are of one date; a
        related career with no figure of that date is left out. Each
        :class:`~careerkit.NextStep` has the career, both medians, the gain and the
        job zone the career needs, and ``explain()`` says how it was worked out.
        Worked out when asked, never stored. *limit* ``None`` gives them all.

        >>> import careerkit
        >>> "first-line-supervisors-of-office-and-administrative-support-workers" in [
        ...     step.career.id for step in careerkit.get("43-4051").next_steps()]
        True
        """
        return _hooks.next_steps.call(self, region=region, limit=limit)

    def pay_bands(self, region: str | Area | None = None) -> tuple[PayBand, ...]:
        """The pay bands of *region*, or all of them (:attr:`pay`).

        *region* is an ISO 3166 code (``"US"``, ``"US-TX"``, ``"IN"``), or a
        metropolitan or nonmetropolitan area: an :class:`~careerkit.Area` or any
        key :func:`careerkit.area` takes (``"austin"``, ``"0012420"``). Text of
        two letters, perhaps with a hyphen and up to three more (``"in"``,
        ``"us-tx"``), is read as an ISO code, never as an area's name. An area's
        bands are BLS's figures for the career's SOC code there, read when first
        asked for (they are not in :attr:`pay`), each naming its
        :attr:`~careerkit.PayBand.area`.

        A region the career has no band for raises
        :class:`~careerkit.PayBandNotFoundError` (an unknown code, such as
        ``"in"`` for ``"IN"``, a :class:`~careerkit.ValidationError`; an
        unknown or ambiguous area an :class:`~careerkit.AreaNotFoundError`):
        never an empty answer that looks like "no pay".

        >>> import careerkit
        >>> [str(band.median) for band in careerkit.get("43-4051").pay_bands("0035620")]
        ['23.84', '49590']
        """
        if region is None:
            return self.pay
        return self._of(region, "pay", "pay band")

    def employment_in(self, region: str | Area) -> tuple[Employment, ...]:
        """The employment figures of *region* (taken as by :meth:`pay_bands`), oldest first.

        >>> import careerkit
        >>> [jobs.count for jobs in careerkit.get("43-4051").employment_in("0035620")]
        [125570]
        """
        return self._of(region, "employment", "employment figure")

    def employment_history(self, region: str | Area = "US") -> tuple[Employment, ...]:
        """*region*'s employment figures, one per date, oldest first.

        For the nation, a career with a SOC code has BLS's national employment of
        every OEWS release careerkit ships as history (May 2004 to May 2025), from
        where its series starts (see :meth:`pay_history` and its ``cut``).

        >>> import careerkit
        >>> [(str(jobs.reference_date), jobs.count) for jobs in
        ...  careerkit.get("29-1141").employment_history()][:2]
        [('2012-05', 2633980), ('2013-05', 2661890)]
        """
        return _hooks.employment_history.call(self, region)

    def to_frame(self, table: str, region: str | Area | None = None) -> pd.DataFrame:
        """The career's *table* as a pandas DataFrame, one row per item (the ``[pandas]`` extra).

        *table* is ``"pay"`` (its pay bands: :attr:`pay`, or :meth:`pay_bands` of *region*),
        ``"employment"`` (:attr:`employment`, or :meth:`employment_in` of *region*) or
        ``"outlook"`` (:attr:`outlook`, or that of the country *region*). The columns are
        the attributes of each item, in the names every careerkit frame shares (the
        ``career`` id first; figures float64, missing values missing, never 0): see
        :doc:`/columns`.

        >>> import careerkit
        >>> bands = careerkit.get("29-1141").to_frame("pay", region="US")
        >>> bands.query("date == '2025-05' and period == 'year'")["median"].tolist()
        [97550.0]
        """
        return _hooks.to_frame.call(self, "pandas", table, region)  # type: ignore[no-any-return]

    def to_polars(self, table: str, region: str | Area | None = None) -> pl.DataFrame:
        """The career's *table* as a polars DataFrame: the rows and columns of :meth:`to_frame`,
        null where pandas has NaN (the ``[polars]`` extra)."""
        return _hooks.to_frame.call(self, "polars", table, region)  # type: ignore[no-any-return]

    def _of(self, region: str | Area, kind: str, noun: str) -> tuple[Any, ...]:
        """The items of list *kind* (``"pay"``, ``"employment"``) of *region* or an area:
        never none (:class:`~careerkit.PayBandNotFoundError` names what there is)."""
        if not _iso.is_region_code(region):
            there = _hooks.area_figures.call(self, region)
            found: tuple[Any, ...] = getattr(there, kind)
            if not found:
                other = "employment" if kind == "pay" else "pay"
                raise PayBandNotFoundError(
                    f"{self.id} has no {noun} for {there.area.name} ({there.area.code}): "
                    f"BLS released its {other} there but no {kind} figure"
                )
            return found
        _iso.check_region(region, field="region")  # type: ignore[arg-type]
        every: tuple[Any, ...] = getattr(self, kind)
        found = tuple(item for item in every if item.region == region)
        if not found:
            has = "bands" if kind == "pay" else "figures"
            raise PayBandNotFoundError(
                f"{self.id} has no {noun} for region {region!r}; it has {has} for "
                f"{_iso.listed(item.region for item in every)}"
            )
        return found

    def _place(self, region: str | Area) -> str:
        """*region* as results name it: an ISO code as given, an area's name."""
        if _iso.is_region_code(region):
            return region  # type: ignore[return-value]
        return _hooks.area_figures.call(self, region).area.name


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
        facts = sum(len(getattr(self, name)) for name in FACT_LISTS)
        facts += self.preparation is not None
        sources = len(self.sources)
        return fitted(
            "<CareerExtension of ",
            self.extends,
            f": {sources} source{'s' * (sources != 1)}, {facts} fact{'s' * (facts != 1)}>",
        )
