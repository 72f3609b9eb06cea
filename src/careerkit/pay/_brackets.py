"""Brackets of published percentiles: where an amount stands among a band's figures.

The computation :class:`~careerkit.PayPosition` rests on, on amounts already in the band's
unit: the bracket is bounded by figures the band publishes (a percentile it leaves out is
skipped; one it top-codes bounds from above, below the top code), and the estimate
interpolates linearly between the two published figures around the amount, exactly (in
fractions), rounded once.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from careerkit.errors import DateRequiredError, ValidationError, wrong_type
from careerkit.model.area import place_of
from careerkit.model.pay_band import PayBand, percentile_of

__all__ = ["PLACES", "Place", "check_band", "figures", "place", "top_coded"]

PLACES = 1
"""The estimated percentile is rounded half-even to 1 decimal place (``Decimal('75.3')``)."""

_Point = tuple[int, Fraction]  # (percentile, amount): one figure the band publishes


def _points(band: PayBand) -> list[_Point]:
    """The percentiles *band* publishes, in order, as exact fractions."""
    return [(key, Fraction(amount)) for key, amount in sorted(band.percentiles.items())]


def top_coded(band: PayBand) -> list[int]:
    """The percentiles *band* publishes only as at or above its top code, in order."""
    found = (percentile_of(name) for name in band.top_coded)
    return sorted(key for key in found if key is not None)


def _named(key: int) -> str:
    return f"p{key}"


def figures(band: PayBand) -> str:
    """The band's percentiles for people: ``p10 31,750, p25 36,870, ...`` and its top code."""
    text = ", ".join(f"p{key} {value:,f}" for key, value in band.percentiles.items())
    if band.top_code is not None and band.top_coded:
        text += f"; {', '.join(band.top_coded)} at or above {band.top_code:,f} (top-coded)"
    return text


def check_band(band: PayBand) -> None:
    """Refuse a band an offer cannot be placed in: undated, or with fewer than two percentiles."""
    if not isinstance(band, PayBand):
        raise wrong_type("a PayBand", band, "band")
    label = f"the {place_of(band)} {band.currency}/{band.period.value} band ({band.source})"
    if len(band.percentiles) < 2:
        has = figures(band) or "no percentiles"
        raise ValidationError(
            f"{label} publishes {has}: placing an offer needs at least two published "
            "percentiles, to place it between",
            field="band",
        )
    if band.reference_date is None:
        raise DateRequiredError(
            f"{label} has no reference date, so an offer cannot be moved to its prices and "
            "rates; place the offer in a dated band"
        )


class Place(NamedTuple):
    """Where an amount stands among a band's figures (see :func:`place`)."""

    bracket: str
    lower: int | None
    upper: int | None
    estimate: Decimal | None


def _rounded(value: Fraction) -> Decimal:
    """*value* rounded half-even to :data:`PLACES` decimal places, exactly."""
    scale = 10**PLACES
    whole, remainder = divmod(value.numerator * scale, value.denominator)
    if 2 * remainder > value.denominator or (2 * remainder == value.denominator and whole % 2 == 1):
        whole += 1
    return Decimal(whole).scaleb(-PLACES)


def place(amount: Fraction, band: PayBand) -> Place:
    """Where *amount* (in *band*'s currency and period) stands among *band*'s percentiles.

    The bracket is bounded by published figures, and by a top-coded percentile where the
    amount is below the top code (that percentile is at or above it); the estimate
    interpolates linearly between the two published figures around the amount, and is
    ``None`` outside them or where one bound is top-coded.
    """
    points = _points(band)
    code = None if band.top_code is None else Fraction(band.top_code)
    top = top_coded(band)
    at = [key for key, value in points if value == amount]
    if at:
        words = " and ".join(", ".join(map(_named, at)).rsplit(", ", 1))
        estimate = _rounded(Fraction(at[0] + at[-1], 2))
        return Place(f"at {words}", at[0], at[-1], estimate)
    below = [(key, value) for key, value in points if value < amount]
    above = [(key, value) for key, value in points if value > amount]
    lower = below[-1] if below else None
    upper: _Point | None = above[0] if above else None
    capped = [key for key in top if code is not None and code > amount]
    if capped and (upper is None or capped[0] < upper[0]):
        upper_key: int | None = capped[0]
        upper = None  # top-coded: no figure to interpolate to
    else:
        upper_key = None if upper is None else upper[0]
    if lower is None:
        assert upper_key is not None  # two or more points: the amount is below one
        return Place(f"below {_named(upper_key)}", None, upper_key, None)
    if upper_key is None:
        return Place(f"above {_named(lower[0])}", lower[0], None, None)
    between: Decimal | None = None
    if upper is not None:
        share = (amount - lower[1]) / (upper[1] - lower[1])
        between = _rounded(lower[0] + (upper[0] - lower[0]) * share)
        # strictly between two published points, never shown as one of them
        step = Decimal(1).scaleb(-PLACES)
        between = min(max(between, lower[0] + step), upper[0] - step)
    bracket = f"between {_named(lower[0])} and {_named(upper_key)}"
    return Place(bracket, lower[0], upper_key, between)
