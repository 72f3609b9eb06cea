"""Converting a career's pay bands: every figure of a band, the same way."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import attrs

from careerkit.errors import DateRequiredError, ValidationError
from careerkit.model._frozen import FrozenMapping
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import PayBand, Period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._pay import Pay, When
from careerkit.pay.provenance import ProvenanceStep


@attrs.frozen(kw_only=True)
class ConvertedPayBand:
    """A :class:`~careerkit.PayBand` with every figure converted to one unit.

    ``band`` is the band as its source states it (and so keeps its source);
    ``low``, ``high``, ``percentiles`` and ``mean`` are :class:`~careerkit.Pay`
    values, each carrying the same provenance; ``top_code`` is the band's top
    code converted alike (the statistics in ``band.top_coded`` are at or above it).
    """

    band: PayBand
    low: Pay | None
    high: Pay | None
    percentiles: Mapping[int, Pay] = attrs.field(hash=False)
    mean: Pay | None = None
    top_code: Pay | None = None

    def statistic(self, name: str) -> Pay | None:
        """The converted figure of statistic *name* (see :meth:`PayBand.statistic`)."""
        from careerkit.model.pay_band import check_statistic, percentile_of

        check_statistic(name)
        if name in ("low", "high", "mean"):
            value: Pay | None = getattr(self, name)
            return value
        return self.percentiles.get(percentile_of(name))  # type: ignore[arg-type]

    @property
    def median(self) -> Pay | None:
        """The converted 50th percentile, where the band has one."""
        return self.percentiles.get(50)

    @property
    def figures(self) -> tuple[Pay, ...]:
        """Every converted figure: low, the percentiles in order, high, the mean, the top code."""
        found = (self.low, *self.percentiles.values(), self.high, self.mean, self.top_code)
        return tuple(pay for pay in found if pay is not None)

    @property
    def currency(self) -> str:
        return self.figures[0].currency

    @property
    def period(self) -> Period:
        return self.figures[0].period

    @property
    def provenance(self) -> tuple[ProvenanceStep, ...]:
        """The steps every figure went through (they share them)."""
        return self.figures[0].provenance

    def explain(self) -> str:
        """How the figures were converted, and the source that states them."""
        return f"{self.figures[0].explain()}\n  source of the figures: {self.band.source}"


def convert_pay(
    pay: Pay,
    *,
    period: Period | str | None = None,
    currency: str | None = None,
    prices_of: When | Literal["latest"] | None = None,
    schedule: WorkSchedule | None = None,
    country: str | None = None,
    rates_of: Literal["latest"] | None = None,
) -> Pay:
    """*pay* converted in careerkit's fixed order, used by bands, arrays and the CLI.

    The period first; then the prices of *prices_of* in the figure's own currency
    and country; then the *currency*, at the rates of *prices_of* (or of the
    figure's own date; ``rates_of="latest"``: the latest month, for an undated
    figure). Chain :class:`Pay`'s methods for another order.
    """
    if prices_of is not None and prices_of != "latest":
        # checked first, so that an error names the parameter given
        prices_of = ReferenceDate.coerce(prices_of, field="prices_of")
    if period is not None:
        pay = pay.per(period, schedule)
    if prices_of is not None:
        pay = pay.in_prices_of(prices_of, country=country)
    if currency is not None:
        pay = pay.to_currency(currency, when=rates_of)
    return pay


def one_date(prices_of: When | None) -> ReferenceDate | None:
    """*prices_of* for the figures of a table (a band, a career, a comparison): one date.

    ``"latest"`` is refused: the figures may come from series that end at different
    dates (US CPI-U by the month, the World Bank's by the year), and a table in
    several years' prices would not compare. It is for one figure, ``Pay.in_prices_of``.
    """
    if isinstance(prices_of, str) and prices_of == "latest":
        raise ValidationError(
            "'latest' is for one figure (Pay.in_prices_of('latest')): the figures here may "
            "come from series that end at different dates; give one date, such as '2024'",
            field="prices_of",
        )
    return None if prices_of is None else ReferenceDate.coerce(prices_of, field="prices_of")


def convert_band(
    band: PayBand,
    *,
    period: Period | str | None = None,
    currency: str | None = None,
    prices_of: When | None = None,
    schedule: WorkSchedule | None = None,
    when: When | None = None,
    country: str | None = None,
) -> ConvertedPayBand:
    """See :meth:`careerkit.PayBand.convert`."""
    prices_of = one_date(prices_of)
    date = band.reference_date if when is None else when
    crossing = prices_of is not None or (currency is not None and currency != band.currency)
    if date is None and crossing:
        known = f" What is known: {band.undated_note.en}" if band.undated_note is not None else ""
        raise DateRequiredError(
            f"the {band.region} pay band in {band.currency} per {band.period.value} (source "
            f"{band.source!r}) has no reference date, so it cannot be moved to other rates or "
            f"prices; pass when=... to say which date it refers to.{known}"
        )

    def one(amount: object) -> Pay:
        pay = Pay(amount, band.currency, band.period, when=date)  # type: ignore[arg-type]
        return convert_pay(
            pay,
            period=period,
            currency=currency,
            prices_of=prices_of,
            schedule=schedule,
            country=country,
        )

    return ConvertedPayBand(
        band=band,
        low=None if band.low is None else one(band.low),
        high=None if band.high is None else one(band.high),
        percentiles=FrozenMapping({key: one(value) for key, value in band.percentiles.items()}),
        mean=None if band.mean is None else one(band.mean),
        top_code=None if band.top_code is None else one(band.top_code),
    )
