"""A career's pay history: its own dated bands and the catalogue's national history, one point a date.

:meth:`careerkit.Career.pay_history` comes here (through :mod:`careerkit._hooks`). For the
nation (``region="US"``) a career with a SOC code also gets the national bands of every
OEWS release careerkit ships as history (:mod:`careerkit.catalogue.sources.oews_history`),
carried to its SOC 2018 code where the occupation is the same one and stopped where a SOC
revision split or merged it (the series' :class:`~careerkit.pay.SeriesCut`). One point per
date: a release's own figures (installed by the user, or shipped as history) before a
figure a profile quotes for the same date, and nothing from before a cut.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careerkit.model.area import Area

if TYPE_CHECKING:
    from careerkit.catalogue.sources.oews_history import Series
    from careerkit.model import Career, Employment, Period, WorkSchedule
    from careerkit.pay import PayHistory

_OEWS = "bls-oews-"  # the source ids of BLS's OEWS releases: bls-oews-may-2012


def soc_code(career: Career) -> str | None:
    """*career*'s SOC 2018 code (``"43-4051"``), or ``None`` where it has none."""
    return next(
        (code.code for code in career.occupation_codes if code.system.value == "SOC-2018"), None
    )


def merged(
    career: Career, region: str | Area, kind: str = "pay"
) -> tuple[list[Any], Series | None]:
    """*career*'s items of list *kind* (``"pay"``, ``"employment"``) of *region*, with the
    catalogue's national history merged in (one release per date), and that national
    series (``None`` where it has none, or for a state or area)."""
    from careerkit.errors import PayBandNotFoundError

    soc = soc_code(career)
    national = soc is not None and not isinstance(region, Area) and region.strip() == "US"
    try:
        items: list[Any] = list(career._of(region, kind, _NOUNS[kind]))
    except PayBandNotFoundError:
        if not national or _series(soc) is None:
            raise
        items = []  # a career of its own making with a SOC code, and no US figure yet
    found = _series(soc) if national else None
    if found is None:
        return items, None
    history = found.bands if kind == "pay" else found.employment
    released = {item.reference_date for item in items if item.source.startswith(_OEWS)}
    kept = [item for item in history if item.reference_date not in released]
    covered = released | {item.reference_date for item in kept}
    items = [i for i in items if i.source.startswith(_OEWS) or i.reference_date not in covered]
    items += kept
    if found.cut is not None:  # nothing from before the cut: another occupation's figures
        start = found.cut.starts.sort_key()
        items = [
            item
            for item in items
            if item.reference_date is None or item.reference_date.sort_key() >= start
        ]
    return items, found


_NOUNS = {"pay": "pay band", "employment": "employment figure"}


def _series(soc: str | None) -> Series | None:
    from careerkit.catalogue.sources import oews_history

    return None if soc is None else oews_history.series(soc)


def employment_history(career: Career, region: str | Area = "US") -> tuple[Employment, ...]:
    """See :meth:`careerkit.Career.employment_history`."""
    from careerkit.model.dates import ReferenceDate

    items, _ = merged(career, region, "employment")
    dated = [item for item in items if item.reference_date is not None]
    return tuple(sorted(dated, key=lambda item: ReferenceDate.sort_key(item.reference_date)))


def pay_history(
    career: Career,
    region: str | Area = "US",
    *,
    statistic: str = "median",
    period: Period | str | None = None,
    schedule: WorkSchedule | None = None,
) -> PayHistory:
    """See :meth:`careerkit.Career.pay_history`."""
    from careerkit.pay._growth import history

    bands, found = merged(career, region)
    return history(
        bands,
        who=career.id,
        region=career._place(region),
        statistic=statistic,
        period=period,
        schedule=schedule,
        cut=None if found is None else found.cut,
        notes=() if found is None else found.notes,
    )
