"""``Career.pay_position``: an offer, as a figure or as text, placed in the band it belongs in.

The pay engine places an offer in one band (:class:`careerkit.pay._position.PayPosition`);
this module reads the offer (text by :func:`careerkit.parse_pay`) and chooses the band,
the one way for the method, the tables and the command line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from careerkit.errors import PayBandNotFoundError, PayParseError, shown, wrong_type
from careerkit.model.area import Area, place_of
from careerkit.model.pay_band import PayBand, Period
from careerkit.pay._pay import Pay
from careerkit.pay._position import PayPosition, position
from careerkit.pay._range import PayRange
from careerkit.pay._units import When

if TYPE_CHECKING:
    from careerkit.model import Career, WorkSchedule

__all__ = ["choose_band", "pay_position", "read_offer"]

_EXAMPLES = "such as '$52,000 a year' or '₹35,000 per month'"
_NAMES_NO = ("currency", "period")


def read_offer(offer: object) -> Pay | PayRange:
    """*offer* as a ``Pay`` or ``PayRange``: text is read by :func:`careerkit.parse_pay`.

    Text must name its currency and period: an offer is never given them by guess.
    """
    if isinstance(offer, Pay | PayRange):
        return offer
    if not isinstance(offer, str):
        raise wrong_type(f"a Pay, a PayRange or pay text {_EXAMPLES}", offer, "pay")
    from careerkit.text import parse_pay

    try:
        found = parse_pay(offer)
    except PayParseError as error:
        lacks = [part for part in _NAMES_NO if f"names no {part}" in str(error)]
        if not lacks:
            raise
        raise PayParseError(
            f"cannot place {shown(offer)}: it names no {' and no '.join(lacks)}; write the "
            f"offer with its currency and period, {_EXAMPLES}"
        ) from None
    if found is None:  # "Negotiable": a text that says it states no figure
        raise PayParseError(f"cannot place {shown(offer)}: no figure stated; give one {_EXAMPLES}")
    return found


def _stated(band: PayBand) -> str:
    """A band for a list of what there is: ``USD/hour 2008-05 (median)``."""
    date = "undated" if band.reference_date is None else str(band.reference_date)
    figures = ", ".join(f"p{key}" for key in band.percentiles) or "no percentiles"
    if band.top_coded and band.top_code is not None:
        figures += f"; {', '.join(band.top_coded)} only at or above {band.top_code:f}"
    return f"{band.currency}/{band.period.value} {date} ({figures})"


def _usable(band: PayBand) -> bool:
    return band.reference_date is not None and len(band.percentiles) >= 2


_FALLBACK = (Period.YEAR, Period.HOUR)


def choose_band(bands: Sequence[PayBand], period: Period, *, who: str) -> PayBand:
    """The band of *bands* (a region's) to place an offer per *period* in; *who* names the career.

    Of the bands with a reference date and two or more percentiles, the newest date's;
    of those, the one in *period*, else the annual one, else the hourly one, else the
    first. None such: :class:`~careerkit.PayBandNotFoundError`, naming what there is.
    """
    usable = [band for band in bands if _usable(band)]
    if not usable:
        place = place_of(bands[0]) if bands else "the region"
        listed = "; ".join(_stated(band) for band in bands) or "none"
        raise PayBandNotFoundError(
            f"{who} has no dated {place} pay band with two or more percentiles to place an "
            f"offer in; its {place} bands: {listed}"
        )
    newest = max(band.reference_date.sort_key() for band in usable)  # type: ignore[union-attr]
    latest = [band for band in usable if band.reference_date.sort_key() == newest]  # type: ignore[union-attr]
    for wanted in (period, *_FALLBACK):
        for band in latest:
            if band.period is wanted:
                return band
    return latest[0]


def pay_position(
    career: Career,
    pay: Pay | PayRange | str,
    region: str | Area = "US",
    *,
    when: When | None = None,
    schedule: WorkSchedule | None = None,
    country: str | None = None,
) -> PayPosition:
    """See :meth:`careerkit.Career.pay_position`."""
    offer = read_offer(pay)
    band = choose_band(career.pay_bands(region), offer.period, who=career.id)
    return position(offer, band, when=when, schedule=schedule, career=career.id, country=country)
