"""A pay history as a value: its figures date by date, where the series stops going back and why.

:class:`PayHistory` is what :meth:`careerkit.Career.pay_history` returns: a sequence of
:class:`~careerkit.Pay` (one per date, oldest first, as before) that also says where the
occupation's series was cut (:class:`SeriesCut`: a revision of the SOC that split or merged
the occupation, so that earlier figures are of a different occupation), explains itself,
shows as a small table with a sparkline in a notebook, and draws itself with matplotlib
(:meth:`PayHistory.plot`, the ``[plot]`` extra).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

import attrs

from careerkit import _hooks
from careerkit.errors import ValidationError, wrong_type
from careerkit.model import _checks
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import Period, check_statistic
from careerkit.pay._pay import Pay

if TYPE_CHECKING:
    import datetime as dt

    import pandas as pd
    import polars as pl

__all__ = ["PayHistory", "SeriesCut"]


def _starts(value: ReferenceDate | str | int | dt.date) -> ReferenceDate:
    return ReferenceDate.coerce(value, field="starts")


@attrs.frozen(kw_only=True, repr=False)
class SeriesCut:
    """Where a pay series stops going back, and why.

    A revision of the Standard Occupational Classification (SOC 2010, SOC 2018)
    that split an occupation, merged it with others or coded it anew in a hybrid
    year makes the figures before it those of a different occupation: the series
    starts at :attr:`starts`, and :attr:`reason` says what the revision did.
    """

    starts: ReferenceDate = attrs.field(converter=_starts)
    """The first date of the series (the first release that publishes this occupation)."""
    revision: str = attrs.field(validator=_checks.instance_of(str, "text"))
    """The revision that cut it, ``"SOC 2010"`` or ``"SOC 2018"`` (``""`` where it is no
    revision: BLS published no earlier figure)."""
    reason: str = attrs.field(validator=_checks.nonblank)
    """What happened, for people: ``"SOC 2010 split 29-1111 Registered Nurses into ..."``."""
    earlier: tuple[str, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.strings
    )
    """The codes and titles of the earlier occupations, as BLS published them
    (``"29-1111 Registered Nurses (May 2004 to May 2011)"``)."""

    def __repr__(self) -> str:
        return f"<SeriesCut starts {self.starts.label()}: {self.reason}>"

    def describe(self) -> str:
        """One paragraph for people: where the series starts and why."""
        return f"The series starts in {self.starts.label()}: {self.reason}"


class PayHistory(Sequence[Pay]):
    """One statistic of a career's pay, date by date (a sequence of :class:`~careerkit.Pay`).

    Each item is a :class:`~careerkit.Pay` with its ``when``, oldest first, in one
    period and currency (the constructor refuses anything else). :attr:`cut` says where
    the series stops going back (a SOC revision that split or merged the occupation), or
    is ``None``; :attr:`top_coded` lists the dates whose figure the source published only
    as at or above its top code (BLS's ``#``): they have no figure.

    >>> import careerkit
    >>> history = careerkit.get("43-4051").pay_history(period="year")
    >>> history[0].when, history[-1].amount
    (ReferenceDate(year=2004, month=5, day=None), Decimal('44770'))
    """

    def __init__(
        self,
        points: Sequence[Pay],
        *,
        career: str,
        region: str,
        statistic: str,
        sources: Sequence[str] = (),
        cut: SeriesCut | None = None,
        top_coded: Sequence[ReferenceDate | str | int | dt.date] = (),
        notes: Sequence[str] = (),
    ) -> None:
        self._points = _checked_points(points)
        if isinstance(sources, str) or not all(isinstance(item, str) for item in sources):
            raise wrong_type("a sequence of source ids, one per figure", sources, "sources")
        self.sources = tuple(sources) or ("",) * len(self._points)
        """The id of the source each figure cites (``"bls-oews-may-2012"``), in order."""
        if len(self.sources) != len(self._points):
            raise ValidationError("a pay history cites one source per figure", field="sources")
        for name, value in (("career", career), ("region", region)):
            if not isinstance(value, str):
                raise wrong_type("text", value, name)
        self.career = career
        """The career's id."""
        self.region = region
        """The place, for people (``"US"``, ``"US-CA"``, an area's name)."""
        self.statistic = check_statistic(statistic)
        """The statistic: ``"median"``, ``"mean"`` or a percentile (``"p10"``)."""
        if cut is not None and not isinstance(cut, SeriesCut):
            raise wrong_type("a careerkit.SeriesCut or None", cut, "cut")
        self.cut = cut
        """Where the series stops going back, and why (:class:`SeriesCut`), or ``None``."""
        if isinstance(notes, str) or not all(isinstance(note, str) for note in notes):
            raise wrong_type("a sequence of notes (text)", notes, "notes")
        self.notes = tuple(notes)
        """Other notes for people (the releases inside the series that publish no figure)."""
        self.top_coded = _checked_top_coded(top_coded, self._points)
        """The dates, oldest first, whose figure the source published only as at or above
        its top code (BLS's ``#``): no figure, so none of the history's dates."""

    @overload
    def __getitem__(self, index: int) -> Pay: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Pay, ...]: ...
    def __getitem__(self, index: int | slice) -> Pay | tuple[Pay, ...]:
        return self._points[index]

    def __len__(self) -> int:
        return len(self._points)

    def __iter__(self) -> Iterator[Pay]:
        return iter(self._points)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PayHistory):
            return (
                self._points,
                self.career,
                self.region,
                self.statistic,
                self.cut,
                self.top_coded,
            ) == (
                other._points,
                other.career,
                other.region,
                other.statistic,
                other.cut,
                other.top_coded,
            )
        if isinstance(other, tuple):  # the tuple of Pay it was before it had a name
            return self._points == other
        return NotImplemented

    def __hash__(self) -> int:  # equal to the tuple of its figures: hashed as that tuple
        return hash(self._points)

    @property
    def period(self) -> Period:
        """The period of every figure."""
        return self._points[0].period

    @property
    def currency(self) -> str:
        """The currency of every figure."""
        return self._points[0].currency

    def dates(self) -> tuple[ReferenceDate, ...]:
        """The dates, oldest first."""
        return tuple(pay.when for pay in self._points)  # type: ignore[misc]

    def real(self, prices_of: ReferenceDate | str | int | dt.date | None = None) -> tuple[Pay, ...]:
        """Every figure in the prices of *prices_of* (default: the last date), with the
        price index's step in each one's provenance."""
        target = self._points[-1].when if prices_of is None else prices_of
        return tuple(pay.in_prices_of(target) for pay in self._points)  # type: ignore[arg-type]

    def __repr__(self) -> str:
        # Records print as summaries, values as Python (the rule: careerkit._display).
        first, last = self._points[0], self._points[-1]
        cut = f", starts {self.cut.starts.label()} (SOC cut)" if self.cut else ""
        if self.top_coded:
            capped = len(self.top_coded)
            cut += f", {capped} more date{'s' * (capped != 1)} top-coded (no figure)"
        return (
            f"<PayHistory {self.career} {self.region} {self.statistic} "
            f"{first.currency}/{first.period.value}: {len(self)} date{'s' * (len(self) != 1)}, "
            f"{first.when} {first.rounded()} -> {last.when} {last.rounded()}{cut}>"
        )

    def explain(self) -> str:
        """Each date's figure, one line each, and where the series was cut and why.

        >>> import careerkit
        >>> nurses = careerkit.get("29-1141").pay_history(period="year")
        >>> print(nurses.explain())  # doctest: +ELLIPSIS
        registered-nurses US median, USD/year, May 2012 to May 2025 (14 dates)
          May 2012: 65470.00 (bls-oews-may-2012)
        ...
          May 2025: 97550.00 (bls-oews-may-2025)
        The series starts in May 2012: SOC 2010 split SOC 2000's 29-1111 Registered Nurses ...
        """
        first, last = self._points[0], self._points[-1]
        lines = [
            f"{self.career} {self.region} {self.statistic}, {first.currency}/"
            f"{first.period.value}, {first.when.label()} to {last.when.label()} "  # type: ignore[union-attr]
            f"({len(self)} date{'s' * (len(self) != 1)})"
        ]
        for pay, source in zip(self._points, self.sources, strict=True):
            steps = [step.describe() for step in pay.provenance]
            cited = "; ".join(filter(None, [source, *steps])) or "as the source published it"
            lines.append(f"  {pay.when.label()}: {pay.rounded()} ({cited})")  # type: ignore[union-attr]
        if self.top_coded:
            lines.append(self.describe_top_coded())
        if self.cut is not None:
            lines.append(self.cut.describe())
        lines += self.notes
        return "\n".join(lines)

    def describe_top_coded(self) -> str:
        """One sentence for people: the dates left out as top-coded (``""`` where none).

        >>> import careerkit
        >>> print(careerkit.get("11-1011").pay_history(period="year").describe_top_coded())
        Left out, with no figure: May 2007: the source published the median only as at or above its top code (BLS's '#').
        """
        if not self.top_coded:
            return ""
        dates = ", ".join(date.label() for date in self.top_coded)
        return (
            f"Left out, with no figure: {dates}: the source published the {self.statistic} "
            "only as at or above its top code (BLS's '#')."
        )

    def _repr_html_(self) -> str:
        from careerkit._display import html_table

        caption = (
            f"{self.career}: {self.region} {self.statistic}, {self.currency}/{self.period.value}"
        )
        rows: list[tuple[str, str]] = [
            (pay.when.label(), f"{pay.rounded():,}")  # type: ignore[union-attr]
            for pay in self._points
        ]
        table = html_table(rows, head=["date", self.statistic], caption=caption)
        notes = [self.cut.describe()] if self.cut is not None else []
        note = "".join(f"<p>{_escape(text)}</p>" for text in [*notes, *self.notes])
        if self.top_coded:
            note = f"<p>{_escape(self.describe_top_coded())}</p>{note}"
        return sparkline(self) + table + note

    def to_frame(self) -> pd.DataFrame:
        """The history as a pandas DataFrame, one row per date, oldest first: columns
        ``career``, ``region``, ``statistic``, ``date``, ``pay`` (the figure, float64),
        ``currency``, ``period``, ``top_coded`` and ``source`` (see :doc:`/columns`).

        A date in :attr:`top_coded` has a row too, with ``pay`` missing (NaN, never 0)
        and ``top_coded`` naming the statistic; every other row is one of the history's
        figures, ``float()`` of its Decimal. Needs the ``[pandas]`` extra.

        >>> import careerkit
        >>> frame = careerkit.get("29-1141").pay_history(period="year").to_frame()
        >>> last = frame.iloc[-1]
        >>> last.date, float(last.pay), last.source
        ('2025-05', 97550.0, 'bls-oews-may-2025')
        """
        return _hooks.to_frame.call(self, "pandas")  # type: ignore[no-any-return]

    def to_polars(self) -> pl.DataFrame:
        """The history as a polars DataFrame: the rows and columns of :meth:`to_frame`, null
        where pandas has NaN. Needs the ``[polars]`` extra."""
        return _hooks.to_frame.call(self, "polars")  # type: ignore[no-any-return]

    def plot(self, ax: Any = None, *, prices_of: Any = None, real: bool = True) -> Any:
        """Draw the history with matplotlib (the ``[plot]`` extra): the figures as published
        and, with *real*, in the prices of *prices_of* (default: the last date); a SOC cut is
        marked where the series starts. Returns the ``matplotlib.axes.Axes``."""
        from careerkit.pay._plot import plot

        return plot(self, ax, prices_of=prices_of, real=real)


def _checked_points(points: Sequence[Pay]) -> tuple[Pay, ...]:
    """*points* as a tuple: dated :class:`~careerkit.Pay`, in one currency and period, one per
    date, oldest first; else a clear error."""
    if isinstance(points, str) or not isinstance(points, Iterable):
        raise wrong_type("a sequence of careerkit.Pay", points, "points")
    found = tuple(points)
    if not found:
        raise ValidationError("a pay history has at least one figure", field="points")
    for index, pay in enumerate(found):
        if not isinstance(pay, Pay):
            raise wrong_type("a careerkit.Pay", pay, f"points[{index}]")
        if pay.when is None:
            raise ValidationError(
                f"every figure of a pay history is dated; {pay.rounded()} {pay.currency}/"
                f"{pay.period.value} has no date (give Pay(..., when='2025-05'))",
                field=f"points[{index}]",
            )
    first = found[0]
    for index in range(1, len(found)):
        before, pay = found[index - 1], found[index]
        if (pay.currency, pay.period) != (first.currency, first.period):
            raise ValidationError(
                f"a pay history is in one currency and period: {first.currency}/"
                f"{first.period.value} ({first.when}) and {pay.currency}/{pay.period.value} "
                f"({pay.when}); convert the figures first",
                field=f"points[{index}]",
            )
        if not before.when.sort_key() < pay.when.sort_key():  # type: ignore[union-attr]
            raise ValidationError(
                f"a pay history has one figure per date, oldest first: {before.when} is "
                f"followed by {pay.when}",
                field=f"points[{index}]",
            )
    return found


def _checked_top_coded(
    dates: Sequence[ReferenceDate | str | int | dt.date], points: tuple[Pay, ...]
) -> tuple[ReferenceDate, ...]:
    """*dates* as :class:`~careerkit.ReferenceDate`, oldest first, none of them *points*'."""
    if isinstance(dates, str) or not isinstance(dates, Iterable):
        raise wrong_type("a sequence of dates", dates, "top_coded")
    found = {ReferenceDate.coerce(date, field="top_coded") for date in dates}
    shared = found & {pay.when for pay in points}
    if shared:
        raise ValidationError(
            f"{min(shared, key=ReferenceDate.sort_key)} has a figure: top_coded lists the "
            "dates that have none",
            field="top_coded",
        )
    return tuple(sorted(found, key=ReferenceDate.sort_key))


def _escape(text: str) -> str:
    import html

    return html.escape(text)


def sparkline(history: Sequence[Pay], width: int = 160, height: int = 32) -> str:
    """A small inline SVG line of *history*'s figures (for the notebook view)."""
    values = [float(pay.amount) for pay in history]
    if len(values) < 2:
        return ""
    years = [pay.when.sort_key() for pay in history]  # type: ignore[union-attr]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    first = years[0]
    step = [(key[0] - first[0]) * 12 + (key[1] - first[1]) for key in years]
    total = step[-1] or 1
    points = " ".join(
        f"{2 + (width - 4) * at / total:.1f},{2 + (height - 4) * (1 - (value - low) / span):.1f}"
        for at, value in zip(step, values, strict=True)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img"><title>{len(values)} figures</title><polyline fill="none" '
        f'stroke="currentColor" stroke-width="1.5" points="{points}"/></svg>'
    )
