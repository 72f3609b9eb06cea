"""What a search finds: :class:`SearchResult` (a career, its score, what matched) and :class:`SearchResults`."""

from __future__ import annotations

import attrs

from careerkit.model.career import Career

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

    def _repr_html_(self) -> str:
        return SearchResults((self,))._repr_html_()


class SearchResults(tuple[SearchResult, ...]):
    """What :func:`search` returns: a tuple of :class:`SearchResult`, best first.

    It is a tuple in every way (indexing, ``len``, equality with a plain tuple);
    in a notebook it shows as a table.
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        from careerkit._display import html_table

        rows = [
            (str(rank), result.id, f"{result.score:.0f}", result.reason)
            for rank, result in enumerate(self, 1)
        ]
        return html_table(rows, head=("", "career", "score", "matched"))
