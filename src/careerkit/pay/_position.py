"""Where an offer stands in a pay band: the bracket of published percentiles, and an estimate.

The offer is converted to the band's currency, period and date by the pay engine's one
converter (``careerkit.pay._bands.convert_pay``: the period first, then the prices of the
band's date in the offer's own currency, then the currency at that date's rates), so the
converted figure keeps its provenance. It is then placed among the percentiles the band
publishes: never beyond them, and never at a figure the source did not give.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from careerkit.errors import DateRequiredError, ValidationError, wrong_type
from careerkit.model.area import place_of
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import PayBand
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._bands import convert_pay
from careerkit.pay._brackets import (
    check_band,
    figures,
    place,
    top_coded,
)
from careerkit.pay._pay import Pay
from careerkit.pay._range import PayRange
from careerkit.pay._repr import headline
from careerkit.pay._units import When

__all__ = ["PayPosition", "closed", "position"]


@attrs.frozen(kw_only=True, repr=False)
class PayPosition:
    """Where an offer stands in a pay band: the bracket of published percentiles it falls in,
    and its percentile estimated between them.

    The offer is converted to the band's currency and period, in the prices of the band's
    date (in the offer's own currency first, with its country's price index), then to the
    band's currency at that date's average rates: the order of
    :meth:`PayBand.convert <careerkit.PayBand.convert>`; :attr:`pay` keeps the steps, and
    :meth:`explain` lists them. The bracket is bounded by figures the band publishes
    (never extrapolated beyond them): a percentile BLS did not release ("*") is skipped,
    and one it top-codes (published only as at or above :attr:`PayBand.top_code
    <careerkit.PayBand.top_code>`) bounds the bracket from above where the offer is below
    the top code, but gives no figure to estimate with.

    :attr:`percentile` is **an estimate**: linear interpolation between the two published
    figures around the offer, rounded half-even to 0.1 (and kept 0.1 inside them: an offer
    a cent below p50 is 49.9, never "50"). It assumes pay is spread evenly
    between them, which it need not be; it is ``None`` below the lowest or above the
    highest published percentile (p10 and p90 for BLS) and where one of the two figures is
    top-coded. An offer exactly at a published figure is at that percentile, and its
    estimate is that percentile exactly; at a figure two percentiles share (BLS publishes
    some p10 and p25 alike), it is ``"at p10 and p25"``, estimated at their midpoint.

    >>> import careerkit
    >>> band = careerkit.get("43-4051").pay_bands("US")[-1]
    >>> band
    <PayBand US USD/year 2025-05: median 44770 and 5 more figures (bls-oews-may-2025)>
    >>> at = PayPosition.of(careerkit.Pay(44770, "USD", "year", when="2025-05"), band)
    >>> at.bracket, at.percentile
    ('at p50', Decimal('50.0'))
    >>> PayPosition.of(careerkit.Pay(52000, "USD", "year", when="2025-05"), band)
    <PayPosition US 2025-05 USD/year: 52000.00 between p75 and p90, estimated p75.3>
    """

    career: str | None
    """The id of the career whose band it is; ``None`` for a band given alone."""
    band: PayBand
    """The band the offer is placed in, as its source states it."""
    offer: Pay | PayRange
    """The offer as given (text read into a ``Pay`` or ``PayRange``), before any conversion."""
    date_given: ReferenceDate | None
    """The date the caller gave (``when=``) an offer that had none, else ``None``."""
    pay: Pay
    """The offer in the band's currency and period, in the prices of the band's date, with
    its provenance; for a range, its midpoint (the mean of its two ends)."""
    bracket: str
    """Where it falls: ``"below p10"``, ``"at p50"``, ``"between p50 and p75"``, ``"above p90"``."""
    lower: int | None
    """The published percentile at or below the offer; ``None`` below the lowest."""
    upper: int | None
    """The percentile at or above the offer (published, or top-coded); ``None`` above the highest."""
    percentile: Decimal | None
    """The estimated percentile (0.1 half-even), or ``None`` where it cannot be estimated."""
    low: PayPosition | None = None
    """For a range, the position of its low end; ``None`` for a single figure."""
    high: PayPosition | None = None
    """For a range, the position of its high end; ``None`` for a single figure."""

    @classmethod
    def of(
        cls,
        offer: Pay | PayRange,
        band: PayBand,
        *,
        when: When | None = None,
        schedule: WorkSchedule | None = None,
        career: str | None = None,
        country: str | None = None,
    ) -> PayPosition:
        """Where *offer* (a :class:`~careerkit.Pay` or a closed :class:`~careerkit.PayRange`)
        stands in *band*.

        *when* dates an offer that has none (an undated offer without it is refused
        with :class:`~careerkit.DateRequiredError`, as conversions refuse it); a dated
        offer keeps its own date, and a *when* that differs from it is refused.
        *schedule* converts between periods (default: BLS full time, 2,080 hours a
        year). *career* names the band's career. A band with fewer than two published
        percentiles, or undated, cannot place an offer (a clear error says what it has).
        *country* chooses the price index of a currency several countries use (``"DE"``
        for euros), as :meth:`PayBand.convert <careerkit.PayBand.convert>` takes it.
        """
        return position(offer, band, when=when, schedule=schedule, career=career, country=country)

    def _unit(self) -> str:
        return f"{self.pay.currency}/{self.pay.period.value}"

    def __repr__(self) -> str:
        # A summary (the rule: careerkit._display): the band and the offer's provenance
        # would fill a screen. The estimate says it is one: "estimated p75.3".
        from careerkit._display import fitted

        band = self.band
        estimate = "no estimate" if self.percentile is None else f"estimated p{self.percentile}"
        where = band.region if band.area is None else f"{band.region} {band.area.code}"
        head = (  # an area by its code, as a band's repr names it: its name can be long
            f"<PayPosition {where} {band.reference_date} {self._unit()}: "
            f"{self.pay.rounded():f} {self.bracket}, {estimate}"
        )
        if self.career is None:
            return fitted(head, "", ">", quote=False)
        return fitted(f"{head} (", self.career, ")>", quote=False)

    def _band_line(self) -> str:
        band = self.band
        whose = f" of {self.career}" if self.career is not None else ""
        date = band.reference_date.label() if band.reference_date is not None else "undated"
        return (
            f"the {place_of(band)} pay band{whose}: {band.currency} per {band.period.value}, "
            f"{date} (source {band.source})"
        )

    def _where(self) -> str:
        """The bracket with the figures that bound it: ``between p75 and p90 (51,780 and 63,590)``."""
        band = self.band
        figures = [
            f"{band.percentiles[key]:,f}" if key in band.percentiles else f">= {band.top_code:,f}"
            for key in dict.fromkeys(k for k in (self.lower, self.upper) if k is not None)
        ]
        return f"{self.bracket} ({' and '.join(figures)})"

    def _estimate_line(self) -> str:
        band = self.band
        if self.percentile is None and self.lower is None:
            return (
                f"no estimate: the offer is below p{self.upper}, the lowest published "
                "percentile (careerkit does not extrapolate)"
            )
        coded = ", ".join(f"p{key}" for key in top_coded(band))
        if self.percentile is None and self.upper is None:
            if coded:
                return (
                    f"no estimate: the offer is at or above the top code, {band.top_code:,f}, "
                    f"and {coded} is published only as at or above it: it may be below or "
                    "above the offer"
                )
            return (
                f"no estimate: the offer is above p{self.lower}, the highest published "
                "percentile (careerkit does not extrapolate)"
            )
        if self.percentile is None:
            return (
                f"no estimate: p{self.upper} is published only as at or above the top code, "
                f"{band.top_code:,f}, so there is no figure to interpolate to"
            )
        if self.lower == self.upper:
            return f"{self.percentile} (an estimate: the offer is at the published figure)"
        return (
            f"{self.percentile}, an estimate: linear interpolation between p{self.lower} and "
            f"p{self.upper}, rounded half-even to 0.1"
        )

    def explain(self) -> str:
        """The offer, each step that converted it, the band, the bracket and the estimate.

        >>> import careerkit
        >>> band = careerkit.get("43-4051").pay_bands("US")[-1]
        >>> offer = careerkit.Pay(25, "USD", "hour", when="2025-05")
        >>> print(PayPosition.of(offer, band).explain())  # doctest: +ELLIPSIS
        25.00 USD per hour (2025-05) in the US pay band: USD per year, May 2025 (source bls-oews-may-2025)
          offer: 25.00 USD per hour (2025-05)
          converted: 52,000.00 USD per year (2025-05)
            1. hour -> year under a schedule of 8 hours a day x 5 days a week x 52 weeks a year = 2,080 hours a year (a month is a twelfth of the year)
            2. prices of 2025-05 -> prices of 2025-05 in US: ...
          band: p10 31,750, p25 36,870, p50 44,770, p75 51,780, p90 63,590
          bracket: between p75 and p90 (51,780 and 63,590)
          percentile: 75.3, an estimate: linear interpolation between p75 and p90, rounded half-even to 0.1
        """
        offer = self.offer
        given = _words(offer)
        lines = [f"{given} in {self._band_line()}", f"  offer: {given}"]
        if self.date_given is not None:
            lines.append(
                f"  date of the offer: {self.date_given}, given by the caller (when=); "
                "the offer states none"
            )
        what = "converted" if self.low is None else "converted midpoint"
        lines.append(f"  {what}: {headline(self.pay)}")
        lines += [
            f"    {number}. {step.describe()}" for number, step in enumerate(self.pay.provenance, 1)
        ]
        if not self.pay.provenance:
            lines.append("    as given (no conversion)")
        lines.append(f"  band: {figures(self.band)}")
        lines.append(f"  bracket: {self._where()}")
        lines.append(f"  percentile: {self._estimate_line()}")
        for name, end in (("low", self.low), ("high", self.high)):
            if end is not None:
                lines.append(
                    f"  {name} end: {headline(end.pay)}, {end._where()}; {end._estimate_line()}"
                )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The position as plain data (JSON-ready: amounts are exact decimal strings)."""
        band = self.band
        area = band.area
        offer = self.offer
        ends = (offer,) if isinstance(offer, Pay) else (offer.low, offer.high)
        return {
            "career": self.career,
            "band": {
                "region": band.region,
                "area": None if area is None else {"code": area.code, "name": area.name},
                "currency": band.currency,
                "period": band.period.value,
                "reference_date": str(band.reference_date),
                "source": band.source,
                "percentiles": {str(key): str(value) for key, value in band.percentiles.items()},
                "top_code": None if band.top_code is None else str(band.top_code),
                "top_coded": list(band.top_coded),
            },
            "offer": {
                "amounts": [None if end is None else str(end.amount) for end in ends],
                "currency": offer.currency,
                "period": offer.period.value,
                "when": None if offer.when is None else str(offer.when),
                "date_given": None if self.date_given is None else str(self.date_given),
            },
            "pay": {
                "amount": str(self.pay.amount),
                "rounded": str(self.pay.rounded()),
                "currency": self.pay.currency,
                "period": self.pay.period.value,
                "when": str(self.pay.when),
                "midpoint": self.low is not None,
                "provenance": [step.describe() for step in self.pay.provenance],
            },
            "bracket": self.bracket,
            "lower": self.lower,
            "upper": self.upper,
            "percentile": None if self.percentile is None else str(self.percentile),
            "percentile_is_estimate": True,
            "ends": None
            if self.low is None or self.high is None
            else {name: end._end_dict() for name, end in (("low", self.low), ("high", self.high))},
        }

    def _end_dict(self) -> dict[str, Any]:
        return {
            "amount": str(self.pay.amount),
            "rounded": str(self.pay.rounded()),
            "bracket": self.bracket,
            "lower": self.lower,
            "upper": self.upper,
            "percentile": None if self.percentile is None else str(self.percentile),
        }

    def _repr_html_(self) -> str:
        from careerkit._display import html_table

        offer = self.offer
        given = _words(offer)
        steps = [step.describe() for step in self.pay.provenance] or ["as given (no conversion)"]
        rows: list[tuple[str, str | list[str]]] = [
            ("offer", given),
            ("converted" if self.low is None else "converted midpoint", headline(self.pay)),
            ("how", steps),
            ("band", figures(self.band)),
            ("bracket", self._where()),
            ("percentile (estimate)", self._estimate_line()),
        ]
        if self.date_given is not None:
            rows.insert(1, ("date of the offer", f"{self.date_given}, given by the caller"))
        for name, end in (("low end", self.low), ("high end", self.high)):
            if end is not None:
                rows.append((name, f"{headline(end.pay)}: {end._where()}; {end._estimate_line()}"))
        return html_table(
            rows, caption=f"Where the offer stands in {self._band_line()}", row_heads=True
        )


def _words(offer: Pay | PayRange) -> str:
    """*offer* in one line of ``explain()``: ``52,000.00 USD per year (2025-05)``."""
    return headline(offer) if isinstance(offer, Pay) else _range_words(offer)


def _range_words(offer: PayRange) -> str:
    low, high = offer.low, offer.high
    when = "" if offer.when is None else f" ({offer.when})"
    return (
        f"{low.rounded():,f}-{high.rounded():,f} "  # type: ignore[union-attr]
        f"{offer.currency} per {offer.period.value}{when}"
    )


def _dated(offer: Pay, date: ReferenceDate | None) -> Pay:
    """*offer* with the date *date* (an undated offer's ``when=``)."""
    if date is None or offer.when is not None:
        return offer
    return Pay(offer.amount, offer.currency, offer.period, when=date)


def closed(offer: Pay | PayRange) -> Pay | PayRange:
    """*offer*, refused if it is a range open at one end: it has no midpoint to place."""
    if isinstance(offer, PayRange) and offer.is_open:
        raise ValidationError(
            f"{offer!r} is open at one end, so it has no midpoint to place (careerkit never "
            "invents the missing end); place the end it gives, a Pay, instead",
            field="pay",
        )
    return offer


def position(
    offer: Pay | PayRange,
    band: PayBand,
    *,
    when: When | None = None,
    schedule: WorkSchedule | None = None,
    career: str | None = None,
    country: str | None = None,
) -> PayPosition:
    """See :meth:`PayPosition.of`."""
    if not isinstance(offer, Pay | PayRange):
        raise wrong_type("a Pay or a PayRange", offer, "pay")
    given = None if when is None else ReferenceDate.coerce(when, field="when")
    closed(offer)
    check_band(band)
    own = offer.when
    if own is None and given is None:
        raise DateRequiredError(
            f"cannot place the offer of {_words(offer)}: it has no date, so it cannot be moved "
            "to the prices and "
            f"rates of the band's date ({band.reference_date}); pass when=... (the date the "
            "offer refers to, such as '2025-05')"
        )
    if own is not None and given is not None and own != given:
        raise ValidationError(
            f"the offer is dated {own}, but when={str(given)!r} was given: when= dates an "
            "offer that has none; leave it out, or give the offer's own date",
            field="when",
        )
    date_given = given if own is None else None

    def placed(figure: Pay, **ends: PayPosition) -> PayPosition:
        converted = convert_pay(
            _dated(figure, date_given),
            period=band.period,
            currency=band.currency,
            prices_of=band.reference_date,
            schedule=schedule,
            country=country,
        )
        found = place(converted.exact, band)
        return PayPosition(
            career=career,
            band=band,
            offer=offer if ends else figure,
            date_given=date_given,
            pay=converted,
            bracket=found.bracket,
            lower=found.lower,
            upper=found.upper,
            percentile=found.estimate,
            **ends,
        )

    if isinstance(offer, Pay):
        return placed(offer)
    low, high = offer.ends  # closed: both
    return placed((low + high) / 2, low=placed(low), high=placed(high))
