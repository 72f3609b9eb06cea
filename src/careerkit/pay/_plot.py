"""A pay history drawn with matplotlib: the figures as published and in one date's prices.

:meth:`careerkit.PayHistory.plot` comes here. matplotlib is the optional ``[plot]``
extra, imported only when a history is drawn: ``import careerkit`` never imports it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from careerkit.errors import import_extra

if TYPE_CHECKING:
    from careerkit.model.dates import ReferenceDate
    from careerkit.pay._history import PayHistory
    from careerkit.pay._units import When

__all__ = ["plot"]


def _require_matplotlib() -> None:
    """Nothing where matplotlib is installed; else :class:`~careerkit.MissingExtraError`
    saying how to install it."""
    import_extra("matplotlib", "plot", "PayHistory.plot")


def x_of(date: ReferenceDate) -> dt.date:
    """Where *date* sits on a time axis: its first day (May 2012: 2012-05-01; 2012: 1 January)."""
    return dt.date(date.year, date.month or 1, date.day or 1)


def plot(
    history: PayHistory, ax: Any = None, *, prices_of: When | None = None, real: bool = True
) -> Any:
    """Draw *history* on *ax* (default: a new figure's axes); returns the axes.

    One line of the figures as published (``nominal``) and, with *real*, one of the same
    figures in the prices of *prices_of* (default: the history's last date; a year alone
    is that year's average prices), both as floats of the Decimal figures. Where the
    series was cut (:attr:`~careerkit.PayHistory.cut`), a dashed vertical line marks the
    date it starts, labelled with the revision. The y axis names the statistic, currency
    and period; the title, the career and region.
    """
    _require_matplotlib()
    from matplotlib.ticker import StrMethodFormatter

    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(7, 3.5), layout="constrained")
    dates = [x_of(date) for date in history.dates()]
    ax.plot(
        dates,
        [float(pay.amount) for pay in history],
        marker="o",
        markersize=3,
        label="nominal",
    )
    if real:
        moved = history.real(prices_of)
        target = moved[0].when
        assert target is not None  # moved into the prices of a date
        ax.plot(
            dates,
            [float(pay.amount) for pay in moved],
            marker="o",
            markersize=3,
            label=f"real, in {target.label()} prices",
        )
    cut = history.cut
    if cut is not None:
        at = x_of(cut.starts)
        ax.axvline(at, color="0.45", linestyle="--", linewidth=1)
        ax.text(
            at,
            0.98,
            f" series starts ({cut.revision})" if cut.revision else " series starts",
            transform=ax.get_xaxis_transform(),
            ha="left",
            va="top",
            fontsize="small",
            color="0.3",
        )
    period = history.period.value
    places = 0 if period in ("year", "month") else 2
    ax.yaxis.set_major_formatter(StrMethodFormatter(f"{{x:,.{places}f}}"))
    ax.set_ylabel(
        f"{history.statistic}, {history.currency} {'an' if period == 'hour' else 'a'} {period}"
    )
    ax.set_title(f"{history.career}: {history.region} {history.statistic}")
    ax.legend(loc="best", fontsize="small")
    return ax
