"""Coding a column of job titles to careers: what the pandas, polars and Dask ``classify`` share.

A front end reads its column as distinct values and each row's index into them
(``codes``), as it reads a column of pay text; :func:`classify_distinct` checks the
values (text or missing, else :class:`~careerkit.WrongTypeError` naming the first
row with another), classifies each distinct title once with
:func:`careerkit.classify_titles` and gives one value of each result column
(:data:`COLUMNS`) per distinct value, for the front end to spread over its rows
with its own gather. A missing title, or one that reaches no match, has missing
values in every column.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from careerkit._search._find import check_min_score
from careerkit.errors import WrongTypeError, shown
from careerkit.pay._failures import plain, where
from careerkit.pay._kinds import Kind, is_missing

if TYPE_CHECKING:
    from careerkit._search import SearchResult

__all__ = [
    "COLUMNS",
    "Distinct",
    "cells",
    "check_kind",
    "check_min_score",
    "classified_titles",
    "classify_distinct",
]

COLUMNS = ("career", "soc", "title", "score", "field", "matched")
"""The columns of ``classify``, in order: the career's id, its SOC code, its official
title, the score (0-100), what matched (:attr:`~careerkit.SearchResult.field`) and the
text that matched, as :class:`~careerkit.SearchResult` names them (``id`` as ``career``)."""

_NO_MATCH = (None, None, None, math.nan, None, None)  # a title missing or matching nothing
_TAKES = "job titles, as text or categorical"
_ACCEPTED = frozenset({"text", "missing"})
_LOOKED_AT = frozenset({"object", "number"})  # numbers: only missing ones (NaN) pass


def _refused(column: Hashable | None, problem: str) -> WrongTypeError:
    """The error for a column that holds *problem* (``int 5 in row 1``), not job titles."""
    if column is None:
        return WrongTypeError(f"expected {_TAKES}, got {problem}", field="title")
    return WrongTypeError(
        f"expected a column of {_TAKES}, got column {shown(column)}: {problem}", field="title"
    )


def check_kind(kind: Kind, column: Hashable | None = None) -> bool:
    """Refuse a column that cannot hold job titles (by its type alone); true where its values
    need a look (Python objects; numbers, of which only missing ones pass)."""
    if kind.name in _ACCEPTED:
        return False
    if kind.name in _LOOKED_AT:
        return True
    raise _refused(column, f"{kind.dtype} values")


class Distinct(NamedTuple):
    """One value of each of :data:`COLUMNS` per distinct title, in the order of the titles."""

    career: list[str | None]
    soc: list[str | None]
    title: list[str | None]
    score: list[float]  # NaN where there is no match
    field: list[str | None]
    matched: list[str | None]


def cells(result: SearchResult) -> tuple[str, str | None, str, float, str, str]:
    """A match's value of each of :data:`COLUMNS`."""
    return (result.id, result.soc, result.title, result.score, result.field, result.matched)


def classified_titles(
    titles: Sequence[str], min_score: float | None
) -> dict[str, SearchResult | None]:
    """Each of *titles* (distinct) classified once with :func:`careerkit.classify_titles`."""
    from careerkit._search import classify_titles

    return dict(zip(titles, classify_titles(titles, min_score=min_score), strict=True))


def classify_distinct(
    uniques: Sequence[object],
    codes: Any,
    *,
    min_score: float | None,
    column: Hashable | None = None,
    labels: Sequence[object] | None = None,
    known: Mapping[str, SearchResult | None] | None = None,
) -> Distinct:
    """Classify each distinct title of a column once: its result columns, one value per title.

    *uniques* are the column's distinct values (text, or missing: ``None``, NaN,
    ``pd.NA``), *codes* (a numpy array) each row's index into them, used to name the
    first row holding a value of another type (:class:`~careerkit.WrongTypeError`,
    naming *column* and the row's label of *labels*). *known* holds
    titles classified already (Dask's whole-series table); the others are classified
    here.
    """
    import numpy as np

    def first_row(positions: list[int]) -> int:
        return int(np.argmax(np.isin(codes, positions)))

    bad = [
        at for at, value in enumerate(uniques) if not (isinstance(value, str) or is_missing(value))
    ]
    if bad:
        row = first_row(bad)
        value = plain(uniques[int(codes[row])])
        raise _refused(column, f"{type(value).__name__} {shown(value)} in {where(row, labels)}")
    titles = [value for value in uniques if isinstance(value, str)]
    found: dict[str, SearchResult | None] = {}
    if known is not None:
        found.update((title, known[title]) for title in titles if title in known)
    missing = [title for title in titles if title not in found]
    if missing:
        found.update(classified_titles(missing, min_score))
    results = [found[value] if isinstance(value, str) else None for value in uniques]
    rows = [_NO_MATCH if result is None else cells(result) for result in results]
    columns = [list(column) for column in zip(*rows, strict=True)] if rows else [[]] * 6
    return Distinct(*columns)
