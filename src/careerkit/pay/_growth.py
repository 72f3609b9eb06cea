"""Pay over time: one statistic of a career's bands, date by date, and its growth.

A history lists one statistic (the median, the mean, a percentile) of a
region's dated bands, one figure per date, in one period. Where a date has a
band in that period, its figure is the one the source published; where it has
the statistic only in another period, that figure is converted under the work
schedule, and the step is in its provenance. Growth compares two figures of the
same statistic and region: ``nominal`` is the change in money, ``real`` the
change after prices (the figure's country's bundled price index: US CPI-U for
US dollars).
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_EVEN, Decimal

import attrs

from careerkit.errors import PayBandNotFoundError, ValidationError
from careerkit.model.area import place_of
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import PayBand, Period, check_statistic, percentile_of, to_period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._history import PayHistory, SeriesCut
from careerkit.pay._pay import Pay
from careerkit.pay._units import When

__all__ = ["PLACES", "PayGrowth", "history"]

PLACES = 4
"""Growth fractions are rounded to 4 decimal places (0.4993 is +49.93%), half to even."""


def _choose_period(bands: Sequence[PayBand], statistic: str) -> Period:
    """The period in which the most dates publish *statistic* (hour first on a tie)."""
    dates_in: dict[Period, set[ReferenceDate | None]] = collections.defaultdict(set)
    for band in bands:
        if band.statistic(statistic) is not None:
            dates_in[band.period].add(band.reference_date)
    order = list(Period)
    return max(dates_in, key=lambda period: (len(dates_in[period]), -order.index(period)))


def history(
    bands: Iterable[PayBand],
    *,
    who: str,
    region: str,
    statistic: str,
    period: Period | str | None,
    schedule: WorkSchedule | None,
    cut: SeriesCut | None = None,
    notes: tuple[str, ...] = (),
) -> PayHistory:
    """See :meth:`careerkit.Career.pay_history`; *who* names the career in errors, *cut*
    says where its series was cut (the bands before it are left out by the caller)."""
    check_statistic(statistic)
    dated = [band for band in bands if band.reference_date is not None]
    having = [band for band in dated if band.statistic(statistic) is not None]
    capped = [band for band in dated if _top_coded(band, statistic)]
    if not having:
        if capped:
            dates = ", ".join(str(date) for date in _dates_of(capped))
            raise PayBandNotFoundError(
                f"{who} has no {region} {statistic} figure: the source published it only as "
                f"at or above its top code (BLS's '#') on every date it gives ({dates})"
                + ("; try statistic='mean'" if any(band.mean for band in dated) else "")
            )
        raise PayBandNotFoundError(
            f"{who} has no dated {region} pay band with a {statistic}; "
            f"its {region} bands give: {_offered(dated) or 'no dated figures'}"
        )
    target = _choose_period(having, statistic) if period is None else to_period(period)
    # a date whose band in the period asked is top-coded has no figure in that period, and
    # none is made from another period's (it would be below the top code the source gives)
    top = {band.reference_date for band in capped if band.period is target}
    by_date: dict[ReferenceDate, list[PayBand]] = collections.defaultdict(list)
    for band in having:
        if band.reference_date not in top:
            by_date[band.reference_date].append(band)  # type: ignore[index]
    top |= {band.reference_date for band in capped if band.reference_date not in by_date}
    if not by_date:
        dates = ", ".join(str(date) for date in sorted(top, key=ReferenceDate.sort_key))  # type: ignore[arg-type]
        raise PayBandNotFoundError(
            f"{who} has no {region} {statistic} figure per {target.value}: the source "
            f"published it only as at or above its top code (BLS's '#') on {dates}"
        )
    found, sources = [], []
    for date in sorted(by_date, key=ReferenceDate.sort_key):
        choices = sorted(by_date[date], key=lambda band: band.period != target)
        band = choices[0]
        pay = Pay(band.statistic(statistic), band.currency, band.period, when=date)  # type: ignore[arg-type]
        found.append(pay if band.period is target else pay.per(target, schedule))
        sources.append(band.source)
    return PayHistory(
        found,
        career=who,
        region=region,
        statistic=statistic,
        sources=sources,
        cut=cut,
        top_coded=tuple(top),  # type: ignore[arg-type]
        notes=notes,
    )


def _top_coded(band: PayBand, statistic: str) -> bool:
    """Whether *band* publishes *statistic* only as at or above its top code."""
    names = {"median", "p50"} if percentile_of(statistic) == 50 else {statistic}
    return any(name in band.top_coded for name in names)


def _dates_of(bands: Iterable[PayBand]) -> list[ReferenceDate]:
    dates = {band.reference_date for band in bands if band.reference_date is not None}
    return sorted(dates, key=ReferenceDate.sort_key)


def _offered(bands: Iterable[PayBand]) -> str:
    names = []
    for band in bands:
        names += [f"p{key}" if key != 50 else "median" for key in band.percentiles]
        names += ["mean"] * (band.mean is not None)
    return ", ".join(dict.fromkeys(names))


def _fraction(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-PLACES), rounding=ROUND_HALF_EVEN)


@attrs.frozen(kw_only=True, repr=False)
class PayGrowth:
    """The change in one statistic of pay between two dates, in money and in real terms.

    ``nominal`` and ``real`` are fractions rounded half-even to 4 places (``PLACES``)
    (``Decimal('0.4993')`` is +49.93%); ``earlier`` and ``later`` are the two
    figures compared, and ``earlier_in_later_prices`` the earlier one moved to the
    later date's prices, whose provenance names the price index.
    """

    region: str
    """The region whose pay is compared (ISO 3166: ``IN``, ``US``, ``US-CA``)."""
    statistic: str
    """The statistic compared: ``"median"``, ``"mean"`` or a percentile (``"p10"``)."""
    earlier: Pay
    """The figure at the first date."""
    later: Pay
    """The figure at the second date."""
    earlier_in_later_prices: Pay
    """:attr:`earlier` in the prices of :attr:`later`'s date."""
    nominal: Decimal
    """The change in money: ``later / earlier - 1``."""
    real: Decimal
    """The change in real terms: ``later / earlier_in_later_prices - 1``."""

    @classmethod
    def between(
        cls,
        earlier: PayBand,
        later: PayBand,
        statistic: str = "median",
        *,
        later_statistic: str | None = None,
        schedule: WorkSchedule | None = None,
    ) -> PayGrowth:
        """The growth of *statistic* from band *earlier* to band *later*.

        The two must be of one region, currency and statistic, and both dated,
        *earlier* first: a national band against a state band, or a mean against a
        median, is refused with :class:`~careerkit.ValidationError`, as is a
        statistic either band lacks (:class:`~careerkit.PayBandNotFoundError`).
        Figures in different periods are compared in *later*'s period, under
        *schedule*.
        """
        check_statistic(statistic)
        if later_statistic is not None and check_statistic(later_statistic) != statistic:
            raise ValidationError(
                f"growth compares one statistic: {statistic!r} with {later_statistic!r} "
                "is not a change over time; compare the same statistic at both dates",
                field="later_statistic",
            )
        if earlier.region != later.region or earlier.area != later.area:
            raise ValidationError(
                f"growth compares one region: a {place_of(earlier)} band with a "
                f"{place_of(later)} band mixes places with dates; use bands of the same region",
                field="region",
            )
        if earlier.currency != later.currency:
            raise ValidationError(
                f"growth compares one currency: {earlier.currency} with {later.currency} would "
                "mix exchange rates into the change; convert both first",
                field="currency",
            )
        pays = []
        for name, band in (("earlier", earlier), ("later", later)):
            if band.reference_date is None:
                raise ValidationError(
                    f"the {name} band has no reference date, so no change over time can be "
                    "measured from it",
                    field=name,
                )
            amount = band.statistic(statistic)
            if amount is None:
                raise PayBandNotFoundError(
                    f"the {name} band ({band.region}, {band.reference_date}) has no {statistic}"
                )
            pays.append(Pay(amount, band.currency, band.period, when=band.reference_date))
        first, last = pays
        if first.period is not last.period:
            first = first.per(last.period, schedule)
        return cls.of(first, last, region=place_of(earlier), statistic=statistic)

    @classmethod
    def of(cls, earlier: Pay, later: Pay, *, region: str, statistic: str) -> PayGrowth:
        """The growth from *earlier* to *later*, two dated figures in one currency and period."""
        if earlier.when is None or later.when is None:
            raise ValidationError("growth needs two dated figures", field="when")
        if not earlier.when.sort_key() < later.when.sort_key():
            raise ValidationError(
                f"since ({earlier.when}) must be before until ({later.when})", field="since"
            )
        if earlier.amount == 0:
            raise ValidationError("the earlier figure is zero: no growth can be measured from it")
        moved = earlier.in_prices_of(later.when)
        return cls(
            region=region,
            statistic=statistic,
            earlier=earlier,
            later=later,
            earlier_in_later_prices=moved,
            nominal=_fraction(later.amount / earlier.amount - 1),
            real=_fraction(later.amount / moved.amount - 1),
        )

    def __repr__(self) -> str:
        # Records print as summaries, values as Python (the rule: careerkit._display).
        first, last = self.earlier, self.later
        return (
            f"<PayGrowth {self.region} {self.statistic} {first.when} -> {last.when}: "
            f"nominal {_percent(self.nominal)}, real {_percent(self.real)}>"
        )

    def explain(self) -> str:
        """The two figures, the price index and both changes, one line each.

        >>> import careerkit
        >>> print(careerkit.get("csr").pay_growth(since="2008").explain())  # doctest: +ELLIPSIS
        US median, May 2008 -> May 2025
          earlier: 14.36 USD/hour (May 2008)
          later:   21.53 USD/hour (May 2025)
          nominal: +49.93% (21.53 / 14.36 - 1)
          earlier in May 2025 prices: 21.31 USD/hour
            prices: ...
          real:    +1.04% (21.53 / 21.31 - 1)
        """
        first, last, moved = self.earlier, self.later, self.earlier_in_later_prices
        unit = f"{first.currency}/{first.period.value}"
        lines = [
            f"{self.region} {self.statistic}, {first.when.label()} -> {last.when.label()}",  # type: ignore[union-attr]
            f"  earlier: {first.rounded()} {unit} ({first.when.label()})",  # type: ignore[union-attr]
            f"  later:   {last.rounded()} {unit} ({last.when.label()})",  # type: ignore[union-attr]
            f"  nominal: {_percent(self.nominal)} ({last.rounded()} / {first.rounded()} - 1)",
            f"  earlier in {last.when.label()} prices: {moved.rounded()} {unit}",  # type: ignore[union-attr]
            *(
                f"    prices: {step.describe()}"
                for step in moved.provenance[len(first.provenance) :]
            ),
            f"  real:    {_percent(self.real)} ({last.rounded()} / {moved.rounded()} - 1)",
        ]
        return "\n".join(lines)


def _within(found: ReferenceDate, date: ReferenceDate) -> bool:
    """Whether the date *found* is the one *date* names (a year: any date of it; a day: its
    month's release)."""
    if date.precision == "year":
        return found.year == date.year
    if date.precision == "day":
        return found in (date, ReferenceDate(date.year, date.month))
    return found == date


def _percent(fraction: Decimal) -> str:
    return f"{fraction * 100:+.2f}%"


def growth(
    history_: Sequence[Pay],
    *,
    who: str,
    region: str,
    statistic: str,
    since: When | None,
    until: When | None,
) -> PayGrowth:
    """See :meth:`careerkit.Career.pay_growth`."""
    by_date = {pay.when: pay for pay in history_}
    cut = history_.cut if isinstance(history_, PayHistory) else None
    top = history_.top_coded if isinstance(history_, PayHistory) else ()

    def pick(when: When | None, field: str, default: Pay) -> Pay:
        if when is None:
            return default
        date = ReferenceDate.coerce(when, field=field)
        if date not in by_date and date.precision == "day":  # a day: its month's release
            month = ReferenceDate(date.year, date.month)
            if month in by_date:
                return by_date[month]
        if date not in by_date and date.precision == "year":  # "2011": the one date of 2011
            same_year = [pay for pay in history_ if pay.when.year == date.year]  # type: ignore[union-attr]
            if len(same_year) == 1:
                return same_year[0]
            if same_year:
                dates = ", ".join(str(pay.when) for pay in same_year)
                raise ValidationError(
                    f"{date.year} is ambiguous: {who}'s {region} {statistic} has "
                    f"{len(same_year)} dates in {date.year} ({dates}); give the month, such "
                    f"as {str(same_year[-1].when)!r}",
                    field=field,
                )
        if date not in by_date:
            dates = ", ".join(str(pay.when) for pay in history_)
            capped = [found for found in top if _within(found, date)]
            if capped:
                raise PayBandNotFoundError(
                    f"{who} has no {region} {statistic} dated {date}: the source published its "
                    f"{capped[0]} {statistic} only as at or above its top code (BLS's '#'), so "
                    f"there is no figure to compare; its dates: {dates}"
                )
            why = ""
            if cut is not None and date.sort_key() < cut.starts.sort_key():
                why = f". {cut.describe()}"
            raise PayBandNotFoundError(
                f"{who} has no {region} {statistic} dated {date}; its dates: {dates}{why}"
            )
        return by_date[date]

    if len(history_) < 2 and since is None and until is None:
        capped = ""
        if top:
            capped = (
                f"; the source published it on {len(top)} other date{'s' * (len(top) != 1)} "
                f"({top[0]} to {top[-1]}) only as at or above its top code (BLS's '#'), with "
                "no figure" + ("; try statistic='mean'" if statistic != "mean" else "")
            )
        raise PayBandNotFoundError(
            f"{who} has {region} {statistic} figures for one date only "
            f"({history_[0].when}): growth needs two{capped}"
        )
    earlier = pick(since, "since", history_[0])
    later = pick(until, "until", history_[-1])
    if earlier.when == later.when:
        raise ValidationError(
            f"since and until are one date ({earlier.when}): growth needs two; {who}'s "
            f"{region} {statistic} dates: {', '.join(str(pay.when) for pay in history_)}",
            field="since" if since is not None else "until",
        )
    return PayGrowth.of(earlier, later, region=region, statistic=statistic)
