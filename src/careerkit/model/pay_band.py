"""Pay bands and course fees: money figures per period, as a source states them."""

from __future__ import annotations

import datetime as dt
import itertools
import numbers
import operator
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

import attrs

from careerkit import _hooks
from careerkit.errors import ValidationError, shown, wrong_type
from careerkit.model import _checks
from careerkit.model._frozen import FrozenMapping
from careerkit.model.area import Area
from careerkit.model.dates import ReferenceDate, to_optional_date
from careerkit.model.period import Period
from careerkit.model.period import to_period as to_period  # here too, where it was first
from careerkit.model.schedule import WorkSchedule
from careerkit.model.text import Text

if TYPE_CHECKING:
    from careerkit.pay import ConvertedPayBand

__all__ = ["STATISTICS", "CourseFee", "PayBand", "Period", "check_statistic", "percentile_of"]


def to_percentiles(
    value: Mapping[int, Decimal | int | str | float],
) -> Mapping[int, Decimal]:
    """Converter: a read-only ``{percentile: amount}`` mapping in percentile order."""
    if not isinstance(value, Mapping):
        raise ValidationError(
            f"expected a mapping of percentile to amount, got {value!r}", field="percentiles"
        )
    checked: dict[int, Decimal] = {}
    for given, amount in value.items():
        # numpy's integers too (np.int64 from a DataFrame), as plain ints; never a bool
        key = (
            operator.index(given)
            if isinstance(given, numbers.Integral) and not isinstance(given, bool)
            else None
        )
        if key is None or not 1 <= key <= 99:
            raise ValidationError(
                f"percentile {given!r} is outside 1..99; give whole percentiles such as 10, 50, 90",
                field="percentiles",
            )
        checked[key] = _checks.to_amount(amount, f"percentiles[{key}]")
    return FrozenMapping(sorted(checked.items()))


_optional_text = attrs.validators.optional(attrs.validators.instance_of(Text))


# One converter per amount field, so that an error names its field (mypy's attrs plugin
# reads only named functions as converters).
def _low(value: _checks.Amount | None) -> Decimal | None:
    return _checks.to_optional_amount(value, "low")


def _high(value: _checks.Amount | None) -> Decimal | None:
    return _checks.to_optional_amount(value, "high")


def _mean(value: _checks.Amount | None) -> Decimal | None:
    return _checks.to_optional_amount(value, "mean")


def _mean_rse(value: _checks.Amount | None) -> Decimal | None:
    return _checks.to_optional_amount(value, "mean_rse")


def _top_code(value: _checks.Amount | None) -> Decimal | None:
    return _checks.to_optional_amount(value, "top_code")


_PERCENTILE_NAME = re.compile(r"p([1-9][0-9]?)\Z")
STATISTICS = ("low", "high", "mean", "median", "p10", "p25", "p75", "p90")
"""Names of a band's statistics, for :meth:`PayBand.statistic`: any ``pNN`` works (``p50`` is the median)."""


def check_area(area: Area | None, region: str) -> None:
    """Raise :class:`ValidationError` unless *region* is the one *area*'s figures carry."""
    if area is not None and region != area.region:
        raise ValidationError(
            f"the figures of {area.name} ({area.code}) are of region {area.region!r}, "
            f"not {region!r}",
            field="region",
        )


def percentile_of(name: str) -> int | None:
    """The percentile a statistic name means (``"median"`` and ``"p50"``: 50), else ``None``.

    >>> percentile_of("p90"), percentile_of("median"), percentile_of("mean")
    (90, 50, None)
    """
    if name == "median":
        return 50
    found = _PERCENTILE_NAME.match(name)
    return int(found.group(1)) if found else None


def check_statistic(name: object, field: str = "statistic") -> str:
    """*name* if it names a statistic of a band (see :data:`STATISTICS`), else a clear error."""
    if not isinstance(name, str):
        raise wrong_type("a statistic name such as 'median'", name, field)
    if name in ("low", "high", "mean") or percentile_of(name) is not None:
        return name
    raise ValidationError(
        f"unknown statistic {shown(name)}: expected 'low', 'high', 'mean', 'median' or a "
        "percentile such as 'p10' or 'p90'",
        field=field,
    )


@attrs.frozen(kw_only=True, repr=False)
class _StatedAmounts:
    """What :class:`PayBand` and :class:`CourseFee` share: a range in a currency per period."""

    region: str = attrs.field(validator=_checks.region)
    """Where the figures apply (ISO 3166: ``IN``, ``US``, ``US-CA``)."""
    currency: str = attrs.field(validator=_checks.currency)
    """The currency of the figures (ISO 4217: ``INR``, ``USD``)."""
    period: Period = attrs.field(converter=to_period)
    """The period the figures are per."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that states it."""
    low: Decimal | None = attrs.field(default=None, converter=_low, validator=_checks.non_negative)
    """The low end of a stated range; ``None`` where the source gives none."""
    high: Decimal | None = attrs.field(
        default=None, converter=_high, validator=_checks.non_negative
    )
    """The high end of a stated range; ``None`` where the source gives none."""
    indicative: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    """Whether the source itself calls the figures approximate."""
    statement: Text | None = attrs.field(default=None, validator=_optional_text)
    """The figures in the source's own words."""
    note: Text | None = attrs.field(default=None, validator=_optional_text)
    """A caveat the source adds, or how careerkit read it."""

    _NEEDS: ClassVar[str] = "a course fee needs at least one figure: low or high"

    def _has_figures(self) -> bool:
        return self.low is not None or self.high is not None

    def __attrs_post_init__(self) -> None:
        if not self._has_figures():
            raise ValidationError(self._NEEDS)
        _checks.ordered_range(self.low, self.high)

    def __repr__(self) -> str:
        # A summary, not the constructor call: statements and notes run to hundreds of
        # characters in two languages (the rule: careerkit._display).
        from careerkit._display import fitted, gist

        indicative = ", indicative" if self.indicative else ""
        return fitted(
            f"<{type(self).__name__} {self._label()}: ",
            gist(self._figure_words()),
            f"{indicative} ({self.source})>",
            quote=False,
        )

    def __str__(self) -> str:
        """The figures as people read them, as ``careerkit show`` prints them (the repr stays
        Python's view)."""
        return _hooks.render_band.call(self)

    def _label(self) -> str:
        return f"{self.region} {self.currency}/{self.period.value}"

    def _figure_words(self) -> list[tuple[str, str]]:
        """The stated figures for a repr, named: ``("range", "10000-28000")``."""
        from careerkit._display import amount

        if self.low is not None and self.high is not None:
            return [("range", f"{amount(self.low)}-{amount(self.high)}")]
        if self.low is not None:
            return [("range", f"from {amount(self.low)}")]
        if self.high is not None:
            return [("range", f"up to {amount(self.high)}")]
        return []


@attrs.frozen(kw_only=True, repr=False)
class PayBand(_StatedAmounts):
    """What a source says a job pays: figures per period, in a currency, for a region.

    A band holds the figures its source gives and nothing derived: ``low`` and
    ``high`` for a stated range, and/or ``percentiles`` (``{10: ..., 50: ...,
    90: ...}``; :attr:`median` is the 50th). ``reference_date`` is the date the
    figures refer to; a source that gives none leaves it ``None`` and
    ``undated_note`` records what is known instead. ``indicative`` marks figures
    the source itself calls approximate. ``statement`` keeps the source's own
    words.

    ``mean`` is the mean where the source publishes one, and ``mean_rse`` its
    relative standard error in percent (BLS's "wage RSE"). A statistic the
    source publishes only as "at or above" an amount (BLS's top code, footnote
    5) is named in ``top_coded`` (``("p90",)``) with that amount as
    ``top_code``, and has no figure: never a figure the source did not give.

    >>> band = PayBand(region="US", currency="USD", period="hour", source="bls",
    ...                percentiles={50: "14.36"}, reference_date="2008-05")
    >>> band.median
    Decimal('14.36')
    >>> band
    <PayBand US USD/hour 2008-05: median 14.36 (bls)>
    >>> PayBand(region="IN", currency="INR", period="month", source="ncs",
    ...         low=28000, high=10000)
    Traceback (most recent call last):
    ...
    careerkit.errors.ValidationError: low: low (28000) is above high (10000); give the smaller figure as low
    """

    percentiles: Mapping[int, Decimal] = attrs.field(
        factory=FrozenMapping, converter=to_percentiles, hash=False
    )
    """``{percentile: amount}`` for each percentile (1..99) the source gives, in order."""
    reference_date: ReferenceDate | None = attrs.field(default=None, converter=to_optional_date)
    """The date the figures refer to; ``None`` where the source gives none."""
    undated_note: Text | None = attrs.field(default=None, validator=_optional_text)
    """For an undated band: what is known of the date its figures refer to."""
    mean: Decimal | None = attrs.field(
        default=None, converter=_mean, validator=_checks.non_negative
    )
    """The mean, where the source publishes one."""
    mean_rse: Decimal | None = attrs.field(
        default=None, converter=_mean_rse, validator=_checks.non_negative
    )
    """The mean's relative standard error in percent (BLS's wage RSE), where published."""
    top_code: Decimal | None = attrs.field(
        default=None, converter=_top_code, validator=_checks.non_negative
    )
    """The amount the statistics in :attr:`top_coded` are at or above (BLS's top code)."""
    top_coded: tuple[str, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=[_checks.strings, _checks.unique_items]
    )
    """The statistics published only as at or above :attr:`top_code` (``("p90",)``): no figure."""
    area: Area | None = attrs.field(
        default=None, validator=attrs.validators.optional(_checks.instance_of(Area, "an Area"))
    )
    """The metropolitan or nonmetropolitan area the figures are of (:func:`careerkit.area`);
    ``None`` for a band of a whole country or state. An area's band has the area's
    :attr:`~careerkit.Area.region` as :attr:`region`."""

    _NEEDS: ClassVar[str] = (
        "a pay band needs at least one figure: low, high, mean, a percentile such as 50, "
        "or a top-coded statistic"
    )

    def _has_figures(self) -> bool:
        return (
            super()._has_figures()
            or bool(self.percentiles)
            or self.mean is not None
            or bool(self.top_coded)
        )

    def _check_top_coded(self) -> None:
        if bool(self.top_coded) != (self.top_code is not None):
            raise ValidationError(
                "top_code and top_coded go together: the amount, and the statistics "
                "published only as at or above it",
                field="top_code" if self.top_code is not None else "top_coded",
            )
        for index, name in enumerate(self.top_coded):
            check_statistic(name, f"top_coded[{index}]")
            if name in ("low", "high") or self.statistic(name) is not None:
                raise ValidationError(
                    f"{name!r} has a figure (or is low/high); top_coded names statistics "
                    "published only as at or above top_code",
                    field=f"top_coded[{index}]",
                )

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        for key, amount in self.percentiles.items():
            if amount < 0:
                raise ValidationError(
                    f"must not be negative, got {amount}", field=f"percentiles[{key}]"
                )
        keys = list(self.percentiles)
        for lower, upper in itertools.pairwise(keys):
            if self.percentiles[lower] > self.percentiles[upper]:
                raise ValidationError(
                    f"percentiles decrease: the {lower}th ({self.percentiles[lower]}) is above "
                    f"the {upper}th ({self.percentiles[upper]}); higher percentiles cannot be lower",
                    field=f"percentiles[{upper}]",
                )
        for key, amount in self.percentiles.items():
            if (self.low is not None and amount < self.low) or (
                self.high is not None and amount > self.high
            ):
                raise ValidationError(
                    f"the {key}th percentile ({amount}) lies outside low..high "
                    f"({self.low}..{self.high})",
                    field=f"percentiles[{key}]",
                )
        self._check_top_coded()
        check_area(self.area, self.region)

    def _label(self) -> str:
        date = "undated" if self.reference_date is None else str(self.reference_date)
        where = "" if self.area is None else f" {self.area.code}"
        return f"{super()._label()}{where} {date}"

    def _figure_words(self) -> list[tuple[str, str]]:
        from careerkit._display import amount

        words = super()._figure_words()
        for key, value in self.percentiles.items():
            name = "median" if key == 50 else f"p{key}"
            words.append((name, f"{name} {amount(value)}"))
        if self.mean is not None:
            words.append(("mean", f"mean {amount(self.mean)}"))
        if self.top_code is not None:
            words.append(("top", f"{', '.join(self.top_coded)} >= {amount(self.top_code)}"))
        return words

    def _named_figures(self) -> list[tuple[str, Decimal]]:
        """Every figure the band states, named as :meth:`statistic` names it, in order.

        Low, the percentiles (the 50th as ``"median"``), high, then the mean.

        >>> PayBand(region="IN", currency="INR", period="month", source="ncs",
        ...         low=10000, high=28000)._named_figures()
        [('low', Decimal('10000')), ('high', Decimal('28000'))]
        """
        found = [("low", self.low)]
        found += [("median" if key == 50 else f"p{key}", v) for key, v in self.percentiles.items()]
        found += [("high", self.high), ("mean", self.mean)]
        return [(name, value) for name, value in found if value is not None]

    def _caption(self) -> str:
        date = "undated" if self.reference_date is None else self.reference_date.label()
        indicative = ", indicative" if self.indicative else ""
        return (
            f"{self.region if self.area is None else self.area.name} pay band: {self.currency} per {self.period.value}, {date}"
            f"{indicative} (source {self.source})"
        )

    def _notes(self) -> list[tuple[str, list[str]]]:
        """The band's own words, for a table: ``("statement", [English, Hindi])``."""
        found = []
        for name in ("statement", "note", "undated_note"):
            text: Text | None = getattr(self, name)
            if text is not None:
                found.append((name.replace("_", " "), [text.en, *filter(None, [text.hi])]))
        return found

    def _repr_html_(self) -> str:
        from careerkit._display import html_table

        rows: list[tuple[str, str | list[str]]] = [
            (name, f"{value:,f}") for name, value in self._named_figures()
        ]
        if self.mean_rse is not None:
            rows.append(("mean RSE", f"{self.mean_rse:f}%"))
        if self.top_code is not None:
            rows.append((", ".join(self.top_coded), f"at or above {self.top_code:,f}"))
        rows += self._notes()
        return html_table(rows, caption=self._caption(), row_heads=True)

    @property
    def median(self) -> Decimal | None:
        """The 50th percentile, or ``None`` where the source gives none."""
        return self.percentiles.get(50)

    def statistic(self, name: str) -> Decimal | None:
        """The figure of statistic *name* (``"median"``, ``"mean"``, ``"p90"``, ``"low"``...).

        ``None`` where the band has no such figure (a top-coded one included);
        an unknown name raises :class:`~careerkit.ValidationError`.

        >>> PayBand(region="US", currency="USD", period="year", source="bls",
        ...         percentiles={10: 31750, 50: 44770}, mean=47060).statistic("p10")
        Decimal('31750')
        """
        check_statistic(name)
        if name in ("low", "high", "mean"):
            value: Decimal | None = getattr(self, name)
            return value
        return self.percentiles.get(percentile_of(name))  # type: ignore[arg-type]

    def convert(
        self,
        *,
        period: Period | str | None = None,
        currency: str | None = None,
        prices_of: ReferenceDate | str | int | dt.date | None = None,
        schedule: WorkSchedule | None = None,
        when: ReferenceDate | str | int | dt.date | None = None,
        country: str | None = None,
    ) -> ConvertedPayBand:
        """Every figure of the band in one unit, each a :class:`~careerkit.Pay` with provenance.

        The order is fixed: the period first (under *schedule*, default BLS full
        time); then, with *prices_of*, the prices of that date in the band's own
        currency and country; then the *currency*, at the rates of *prices_of*
        (or of the band's date). An undated band needs *when* for any change of
        currency or prices: careerkit does not guess the date. The result's
        ``date_given`` and :meth:`~careerkit.ConvertedPayBand.explain` say the
        date was the caller's. *when* is for figures the source left undated
        only: a dated band keeps its own date (``date_given`` stays ``None``).

        >>> import careerkit
        >>> us, india, *_ = careerkit.get("customer-service").pay
        >>> us.convert(period="year").median.amount
        Decimal('29868.8')
        >>> india.convert(currency="USD", when="2020").date_given
        ReferenceDate(year=2020, month=None, day=None)
        """
        return _hooks.convert_band.call(
            self,
            period=period,
            currency=currency,
            prices_of=prices_of,
            schedule=schedule,
            when=when,
            country=country,
        )


@attrs.frozen(kw_only=True, repr=False)
class CourseFee(_StatedAmounts):
    """What a course of study costs per period (usually a year), as a source states it.

    ``low`` and ``high`` (at least one) bound the fee; ``indicative``,
    ``statement`` and ``note`` are as for :class:`PayBand`.
    """
