"""Converting a career's pay bands: every figure of a band, the same way."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Literal

import attrs

from careerkit.errors import DateRequiredError, ValidationError
from careerkit.model._frozen import FrozenMapping
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import PayBand, Period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._pay import Pay
from careerkit.pay._units import When
from careerkit.pay.provenance import ProvenanceStep


@attrs.frozen(kw_only=True, repr=False)
class ConvertedPayBand:
    """A :class:`~careerkit.PayBand` with every figure converted to one unit.

    ``band`` is the band as its source states it (and so keeps its source);
    ``low``, ``high``, ``percentiles`` and ``mean`` are :class:`~careerkit.Pay`
    values, each carrying the same provenance; ``top_code`` is the band's top
    code converted alike (the statistics in ``band.top_coded`` are at or above it).
    ``date_given`` is the date the caller gave a band its source left undated
    (``when=``), ``None`` where the figures carry the band's own date;
    :meth:`explain` says so.

    >>> import careerkit
    >>> careerkit.get("csr").pay[0].convert(currency="INR", period="month")
    <ConvertedPayBand US USD/hour 2008-05 -> INR/month: median 104545.53 (bls-oes-may-2008)>
    """

    band: PayBand
    """The band as its source states it, with its source and date."""
    low: Pay | None
    """The band's ``low``, converted; ``None`` where it has none."""
    high: Pay | None
    """The band's ``high``, converted; ``None`` where it has none."""
    percentiles: Mapping[int, Pay] = attrs.field(hash=False)
    """Each percentile the band gives, converted: ``{percentile: Pay}``."""
    mean: Pay | None = None
    """The band's mean, converted; ``None`` where it has none."""
    top_code: Pay | None = None
    """The band's top code, converted; ``None`` where it has none."""
    date_given: ReferenceDate | None = None
    """The date the caller gave (``when=``) a band its source left undated, else ``None``."""

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
        """The currency every figure was converted to."""
        return self.figures[0].currency

    @property
    def period(self) -> Period:
        """The period every figure was converted to."""
        return self.figures[0].period

    @property
    def provenance(self) -> tuple[ProvenanceStep, ...]:
        """The steps every figure went through (they share them)."""
        return self.figures[0].provenance

    def explain(self) -> str:
        """How the figures were converted, and the source that states them.

        A date the caller gave an undated band (``when=``) is said to be the caller's.
        """
        lines = [self.figures[0].explain()]
        if self.date_given is not None:
            lines.append(
                f"  date of the figures: {self.date_given}, given by the caller (when=); "
                "the source states none"
            )
        lines.append(f"  source of the figures: {self.band.source}")
        return "\n".join(lines)

    def _pairs(self) -> list[tuple[str, Decimal, Pay]]:
        """``(statistic, as stated, converted)`` for every figure, in the band's order."""
        pairs = []
        for name, stated in self.band._named_figures():
            converted = self.statistic(name)
            if converted is not None:
                pairs.append((name, stated, converted))
        return pairs

    def _figure_words(self) -> list[tuple[str, str]]:
        """The converted figures for a repr, named and rounded: ``("median", "median 104545.53")``."""
        words = []
        for name, _, pay in self._pairs():
            if name in ("low", "high"):
                continue
            words.append((name, f"{name} {pay.rounded():f}"))
        if self.low is not None and self.high is not None:
            words.insert(0, ("range", f"{self.low.rounded():f}-{self.high.rounded():f}"))
        elif self.low is not None:
            words.insert(0, ("range", f"from {self.low.rounded():f}"))
        elif self.high is not None:
            words.insert(0, ("range", f"up to {self.high.rounded():f}"))
        if self.top_code is not None:
            top = f"{', '.join(self.band.top_coded)} >= {self.top_code.rounded():f}"
            words.append(("top", top))
        return words

    def __repr__(self) -> str:
        # A summary: the band's every figure, each a Pay with its provenance, would fill a
        # screen (the rule: careerkit._display).
        from careerkit._display import fitted, gist

        band = self.band
        where = band.region if band.area is None else f"{band.region} {band.area.code}"
        stated = "undated" if band.reference_date is None else str(band.reference_date)
        if self.date_given is not None:
            stated = f"undated, {self.date_given} given"
        first = self.figures[0]
        date = band.reference_date or self.date_given
        prices = "" if first.when == date else f" in {first.when} prices"
        return fitted(
            f"<ConvertedPayBand {where} {band.currency}/{band.period.value} {stated} -> "
            f"{self.currency}/{self.period.value}{prices}: ",
            gist(self._figure_words()),
            f" ({band.source})>",
            quote=False,
        )

    def _repr_html_(self) -> str:
        from careerkit._display import html_table

        band = self.band
        rows: list[tuple[str, str, str | list[str]]] = [
            (name, f"{stated:,f}", f"{pay.rounded():,f}") for name, stated, pay in self._pairs()
        ]
        if self.top_code is not None and band.top_code is not None:
            rows.append(
                (
                    ", ".join(band.top_coded),
                    f"at or above {band.top_code:,f}",
                    f"at or above {self.top_code.rounded():,f}",
                )
            )
        how = [step.describe() for step in self.provenance] or ["as stated (no conversion)"]
        if self.date_given is not None:
            how.insert(0, f"date {self.date_given}: given by the caller (when=)")
        rows.append(("how", "", how))
        first = self.figures[0]
        when = "" if first.when is None else f", {first.when.label()}"
        return html_table(
            rows,
            head=(
                "statistic",
                f"{band.currency} per {band.period.value}",
                f"{self.currency} per {self.period.value}{when}",
            ),
            caption=band._caption(),
            row_heads=True,
        )


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
    given = None if when is None else ReferenceDate.coerce(when, field="when")
    if band.reference_date is not None:
        given = None  # when= dates undated figures only: a dated band keeps its own date
    date = band.reference_date or given
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
        date_given=given,
    )
