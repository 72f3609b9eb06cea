"""A column of pay text, each distinct text read once: the ``parse`` of every front end.

The pandas, polars and Dask front ends spell ``parse``'s and ``parse_failures``'
arguments out (``careerkit._tables.PARSE``); :meth:`ParseRequest.of` reads and checks
them once, and :meth:`ParseRequest.parse` reads a
:class:`careerkit.pay._columns.Column` of text (codes and distinct values) with
:func:`careerkit.text.parse.reader`, each distinct text once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from careerkit.errors import CareerkitError, shown
from careerkit.model.pay_band import Period
from careerkit.pay._failures import prefixed, where
from careerkit.pay._kinds import is_missing
from careerkit.pay._vector import Errors, check_errors

if TYPE_CHECKING:
    import numpy as np

    from careerkit.pay._columns import Column, Floats
    from careerkit.text.parse import Ends

__all__ = ["ParseRequest", "Parsed"]


class Parsed(NamedTuple):
    """The parsed columns, one entry per row: the result's columns, in order; and, where
    asked, each row's reason."""

    low: Floats
    high: Floats
    currency: np.ndarray[Any, np.dtype[np.object_]]
    period: np.ndarray[Any, np.dtype[np.object_]]
    reason: np.ndarray[Any, np.dtype[np.object_]] | None = None


class ParseRequest(NamedTuple):
    """The options of a ``parse`` call (``careerkit._tables.PARSE``), checked: the same in every
    front end."""

    errors: Errors
    currency: str | None
    period: Period | str | None
    locale: str | None
    default_currency: str | None = None
    default_period: Period | str | None = None
    reasons: bool = False  # parse_failures: each row's reason, errors never raised

    @classmethod
    def of(cls, arguments: Mapping[str, Any], *, reasons: bool = False) -> ParseRequest:
        """The checked options of a front end's ``parse`` (``parse_failures``: *reasons*,
        with no ``errors``), from its arguments (``locals()``).

        Checked once, before any text is read: in each text's error they would make
        every row NaN under ``errors="coerce"``.
        """
        from careerkit.text.parse import reader

        given = {name: arguments.get(name, cls._field_defaults.get(name)) for name in cls._fields}
        given.update(errors="coerce" if reasons else arguments["errors"], reasons=reasons)
        request = cls(**given)
        check_errors(request.errors)
        reader(*request.options)  # checks them, as parse_pay does
        return request

    @property
    def options(self) -> tuple[str | None, Period | str | None, str | None, str | None, Any]:
        """What a text reads by: :func:`careerkit.text.parse.reader`'s arguments, in order."""
        return (
            self.currency,
            self.period,
            self.locale,
            self.default_currency,
            self.default_period,
        )

    def parse(
        self,
        column: Column,
        labels: Sequence[object] | None = None,
        read: Callable[[object], Ends] | None = None,
    ) -> Parsed:
        """Parse each distinct text of *column* once and spread the results over the rows.

        A missing text (``None``, or a NaN) gives NaN and ``None``, as does one that
        states no figure ("Negotiable": reason "no figure stated"). A row whose text
        cannot be read raises :class:`~careerkit.PayParseError` naming the row (and
        its label of *labels*) (``errors="raise"``) or gives NaN and ``None``
        (``"coerce"``, and ``parse_failures``, whose ``reason`` is the error's message).
        *read* reads one text (``None``: :func:`careerkit.text.parse.reader`
        under these options; Dask's workers: a cache in front of it, :mod:`careerkit.dask`).
        """
        import numpy as np

        from careerkit.text.parse import NO_FIGURE_STATED, reader

        if read is None:
            read = reader(*self.options)  # parse_pay's reading, as floats
        codes: Any = column.codes
        uniques = column.uniques
        size = len(uniques)
        unread = (np.nan, np.nan, None, None)
        found: list[tuple[float, float, str | None, str | None]] = [unread] * size
        failed: dict[int, CareerkitError] = {}
        for at, text in enumerate(uniques):
            if is_missing(text):
                continue
            try:
                found[at] = read(text)
            except CareerkitError as error:
                failed[at] = error
        if failed and self.errors == "raise" and not self.reasons:
            bad = np.zeros(size, dtype=bool)
            bad[list(failed)] = True
            row = int(np.argmax(bad.take(codes)))
            first = failed[int(codes[row])]
            raise prefixed(first, f"{where(row, labels)} ({shown(uniques[int(codes[row])])})")
        low = np.array([row[0] for row in found], dtype=np.float64)
        high = np.array([row[1] for row in found], dtype=np.float64)
        currencies = np.array([row[2] for row in found] + [None], dtype=object)[:-1]
        periods = np.array([row[3] for row in found] + [None], dtype=object)[:-1]
        reasons = None
        if self.reasons:  # a text read has a currency; one of no figure, none
            why: list[str | None] = [
                None if is_missing(text) or row[2] is not None else NO_FIGURE_STATED
                for text, row in zip(uniques, found, strict=True)
            ]
            for at, problem in failed.items():
                why[at] = str(problem)
            reasons = np.array([*why, None], dtype=object)[:-1].take(codes)
        return Parsed(
            low.take(codes),
            high.take(codes),
            currencies.take(codes),
            periods.take(codes),
            reasons,
        )
