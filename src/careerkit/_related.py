"""Where a career leads: its related careers, and those among them that pay more.

:meth:`careerkit.Career.related` and :meth:`careerkit.Career.next_steps` reach here through
their hooks (:mod:`careerkit._hooks`): the related occupations a career lists are codes,
and only the registry knows which career answers to each. Next steps are worked out when
asked, from the careers' own pay bands, and never stored.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from careerkit._display import fitted
from careerkit.errors import PayBandNotFoundError, ValidationError, wrong_type

if TYPE_CHECKING:
    from careerkit.model import Area, Career, PayBand, ReferenceDate

__all__ = ["NextStep", "next_steps", "related"]


@attrs.frozen(kw_only=True, repr=False)
class NextStep:
    """A related career that pays more than the one it was asked of, in one region.

    Both figures are annual medians of the same release (``date``, ``source``);
    ``gain`` is ``median - from_median``, in ``currency``. ``job_zone`` is the
    preparation the career needs (O*NET's Job Zone, 1 to 5), ``None`` where unrated.

    >>> import careerkit
    >>> step = careerkit.get("43-4051").next_steps(limit=1)[0]
    >>> step.gain == step.median - step.from_median > 0
    True
    """

    career: Career
    """The related career."""
    from_career: Career
    """The career it was asked of."""
    region: str
    """Where the figures are for (``US``, ``US-TX``)."""
    currency: str
    """The figures' currency (``USD``)."""
    median: Decimal
    """The related career's annual median."""
    from_median: Decimal
    """The annual median of the career it was asked of."""
    gain: Decimal
    """How much more the related career's median is, a year."""
    date: ReferenceDate
    """The figures' date (one release for both)."""
    source: str
    """The id of the source both figures cite."""
    job_zone: int | None
    """The preparation the related career needs: O*NET's Job Zone, 1 to 5."""

    def explain(self) -> str:
        """How the step was worked out, in words."""
        zone = (
            "O*NET rates no job zone for it"
            if self.job_zone is None
            else f"it needs O*NET Job Zone {self.job_zone}"
        )
        return (
            f"{self.career.title.en} ({self.career.id}) is listed as related to "
            f"{self.from_career.title.en} ({self.from_career.id}). Its annual median in "
            f"{self.region} is {self.median:,} {self.currency}, against {self.from_median:,} "
            f"{self.currency}: {self.gain:,} {self.currency} more a year. Both are medians of "
            f"{self.date} ({self.source}), as published; {zone}."
        )

    def __repr__(self) -> str:
        return fitted(
            "<NextStep ",
            self.career.id,
            f": +{self.gain:,} {self.currency} a year ({self.region})>",
        )


def related(career: Career) -> tuple[Career, ...]:
    """The careers of *career*'s related occupations (see :meth:`careerkit.Career.related`)."""
    from careerkit.registry import default_registry

    registry = default_registry()
    found: dict[str, Career] = {}
    for occupation in career.related_occupations:
        if occupation.soc not in registry:  # an occupation careerkit has no career for
            continue  # (asked first: a failed get works out suggestions, which is slow)
        other = registry.get(occupation.soc)
        if other.id != career.id:
            found.setdefault(other.id, other)
    return tuple(found.values())


def _annual_medians(career: Career, region: str | Area) -> dict[ReferenceDate, PayBand]:
    """*career*'s annual bands with a median in *region*, by date (dated bands only)."""
    try:
        bands = career.pay_bands(region)
    except PayBandNotFoundError:
        return {}
    return {
        band.reference_date: band
        for band in bands
        if band.period.value == "year" and 50 in band.percentiles and band.reference_date
    }


def next_steps(
    career: Career, *, region: str | Area = "US", limit: int | None = 5
) -> tuple[NextStep, ...]:
    """The related careers that pay more (see :meth:`careerkit.Career.next_steps`)."""
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
        raise wrong_type("a whole number or None", limit, "limit")
    if limit is not None and limit < 1:
        raise ValidationError(
            f"limit must be 1 or more (or None for all), got {limit}", field="limit"
        )
    from careerkit.catalogue.sources.oews_areas import region_or_area

    region = region_or_area(region)  # an area found once, and named by its name
    name = region if isinstance(region, str) else region.name
    own = _annual_medians(career, region)
    if not own:
        raise PayBandNotFoundError(
            f"{career.id} has no dated annual median for region {name!r}, so nothing to "
            "compare its related careers with; next_steps compares annual medians of one release"
        )
    date = max(own, key=lambda when: when.sort_key())
    base = own[date]
    steps = []
    for other in related(career):
        band = _annual_medians(other, region).get(date)
        if band is None or band.currency != base.currency:
            continue
        median, from_median = band.percentiles[50], base.percentiles[50]
        if median > from_median:
            steps.append(
                NextStep(
                    career=other,
                    from_career=career,
                    region=name,
                    currency=base.currency,
                    median=median,
                    from_median=from_median,
                    gain=median - from_median,
                    date=date,
                    source=band.source,
                    job_zone=None if other.preparation is None else other.preparation.job_zone,
                )
            )
    steps.sort(key=lambda step: step.gain, reverse=True)  # stable: ties keep O*NET's order
    return tuple(steps if limit is None else steps[:limit])
