"""What a search finds: :class:`SearchResult` (a career, its score, what matched) and :class:`SearchResults`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from careerkit import _hooks
from careerkit.model.career import Career

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

__all__ = ["FIELDS", "SearchResult", "SearchResults"]

FIELDS = (
    "title",
    "Hindi title",
    "alias",
    "id",
    "code",
    "specialty",
    "reported title",
    "alternate title",
    "short title",
    "description",
    "task",
)
"""What a :class:`SearchResult`'s :attr:`~SearchResult.matched` can be (its ``field``),
names before texts."""


@attrs.frozen(kw_only=True, repr=False)
class SearchResult:
    """One match: which career, how well (0-100) and what matched.

    ``matched`` is the name, code or text that matched, as written; ``field`` says which
    it is, and :attr:`reason` says both. The fields: the registry's keys, ``"title"``
    (the official title), ``"Hindi title"``, ``"alias"``, ``"id"``, ``"code"`` and
    ``"specialty"`` (an O*NET detail occupation's title); O*NET's ``"reported title"``,
    ``"alternate title"`` and ``"short title"``; with less weight, ``"description"`` and
    ``"task"``. The career itself is built on first access of :attr:`career`.

    >>> import careerkit
    >>> result = careerkit.search("call center representative")[0]
    >>> result.id, result.soc, result.title
    ('customer-service', '43-4051', 'Customer Service Representatives')
    >>> result.reason
    'reported title: Call Center Representative'
    """

    id: str
    """The career's id: ``careerkit.get(result.id)`` is the career."""
    score: float
    """How well it matched, from 0 to 100 (higher is better)."""
    matched: str
    """The name, code or text that matched, as written."""
    field: str
    """What :attr:`matched` is: ``"title"``, ``"alternate title"``, ``"task"``, ... (above)."""
    soc: str | None = None
    """The career's SOC 2018 code, or ``None`` for a career without one."""
    title: str = ""
    """The career's official title: BLS's where it has a SOC code, else its English title."""

    @property
    def reason(self) -> str:
        """What matched, as people read it: ``"alternate title: Call Center Representative"``."""
        return f"{self.field}: {self.matched}"

    @property
    def career(self) -> Career:
        """The career matched."""
        from careerkit.registry import get

        return get(self.id)

    def __repr__(self) -> str:
        from careerkit._display import fitted

        return fitted(
            f"<SearchResult {self.id!r} {self.score:.0f}: {self.field} ", self.matched, ">"
        )

    def __str__(self) -> str:
        """The match as ``careerkit search`` prints it: score, id, title and what matched."""
        return SearchResults((self,))._text()

    def _repr_html_(self) -> str:
        return SearchResults((self,))._repr_html_()


class SearchResults(tuple[SearchResult, ...]):
    """What :func:`search` returns: a tuple of :class:`SearchResult`, best first.

    It is a tuple in every way (indexing, ``len``, equality with a plain tuple);
    in a notebook it shows as a table; :meth:`to_frame` and :meth:`to_polars` make it
    a DataFrame.
    """

    __slots__ = ()

    def to_frame(self) -> pd.DataFrame:
        """The results as a pandas DataFrame, one row each, best first: columns ``id``,
        ``title``, ``soc``, ``score``, ``field`` and ``matched`` (the attributes of
        :class:`SearchResult`; see :doc:`/columns`). Needs the ``[pandas]`` extra.

        >>> import careerkit
        >>> frame = careerkit.search("nurse").to_frame()
        >>> frame.loc[0, ["id", "soc"]].tolist()
        ['registered-nurses', '29-1141']
        """
        return _hooks.to_frame.call(self, "pandas")  # type: ignore[no-any-return]

    def to_polars(self) -> pl.DataFrame:
        """The results as a polars DataFrame: the columns of :meth:`to_frame`, null where
        pandas has NaN. Needs the ``[polars]`` extra."""
        return _hooks.to_frame.call(self, "polars")  # type: ignore[no-any-return]

    def __str__(self) -> str:
        """The results as ``careerkit search`` prints them, a line each (the repr stays a tuple's).

        >>> import careerkit
        >>> print(careerkit.search("registered nurse", limit=2))
         93.6  registered-nurses    Registered Nurses  [title: Registered Nurses]
         87.1  nurse-practitioners  Nurse Practitioners  [alternate title: Certified Registered Nurse Practitioner]
        """
        return self._text() if self else "no career matches"

    def _text(self, lang: str = "en") -> str:
        """A line per result, as ``careerkit search`` prints them, titles in *lang*."""
        width = max((len(result.id) for result in self), default=0)
        lines = []
        for result in self:
            title = result.career.title.in_language(lang)
            reason = result.reason if len(result.reason) <= 80 else result.reason[:77] + "..."
            lines.append(f"{result.score:5.1f}  {result.id:<{width}}  {title}  [{reason}]")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from careerkit._display import html_table

        rows = [
            (str(rank), result.id, f"{result.score:.0f}", result.reason)
            for rank, result in enumerate(self, 1)
        ]
        return html_table(rows, head=("", "career", "score", "matched"))
