"""Searching, and coding job titles: :func:`search`, :func:`classify`, :func:`classify_titles`."""

from __future__ import annotations

import bisect
import heapq
import re
import threading
from collections.abc import Iterable

from careerkit._search._engine import CODE, EXACT, Index, Match, rank
from careerkit._search._query import read
from careerkit._search._results import SearchResult, SearchResults
from careerkit.catalogue._titles import index as titles_index
from careerkit.errors import ValidationError, WrongTypeError, shown
from careerkit.model._checks import normalize_key

__all__ = ["CLASSIFY_MIN_SCORE", "MAX_QUERY", "classify", "classify_titles", "search"]

MAX_QUERY = 200
"""The longest query, in characters."""


_built: list[Index] = []
_building = threading.Lock()


def _get_index() -> Index:
    """The index of the default registry, read on the first search, once, and again
    when the registry is (the data in use changed: :func:`careerkit.registry.forget_default`)."""
    from careerkit.registry import default_registry

    registry = default_registry()
    built = _built
    if not built or built[0].registry is not registry:
        with _building:
            if not _built or _built[0].registry is not registry:
                _built[:] = [Index(registry, titles_index())]
    return _built[0]


def search(text: str, *, limit: int = 10) -> SearchResults:
    """The careers best matching *text*, best first, at most *limit* of them.

    Scores run from 0 to 100 (rounded to 0.1); ties go to the career more people work in
    (BLS's national employment), then to the id. A query with no word the index can use
    ("qqqzzz", "-") finds nothing.

    >>> import careerkit
    >>> [result.id for result in careerkit.search("nurse", limit=3)]
    ['registered-nurses', 'nursing-assistants', 'medical-and-health-services-managers']
    >>> careerkit.search("custmer service")[0].id
    'customer-service'
    >>> careerkit.search("29-11")[0].matched
    '29-1141'
    """
    if not isinstance(text, str):
        raise WrongTypeError(
            f"a search is text, got {type(text).__name__} {shown(text)}", field="text"
        )
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValidationError(f"a whole number, 1 or more; got {shown(limit)}", field="limit")
    if len(text) > MAX_QUERY:
        raise ValidationError(
            f"a search is at most {MAX_QUERY} characters; got {len(text):,}", field="text"
        )
    index = _get_index()
    best: dict[str, Match] = {}
    query = text.strip()
    if CODE.match(query) and any(ch.isdigit() for ch in query):
        digits = re.sub(r"\D", "", query)
        start = bisect.bisect_left(index.codes, (digits, -1))
        for code, number in index.codes[start:]:
            if not code.startswith(digits):
                break
            career_id = index.career(number)
            score = 100.0 if code == digits else 90.0
            if career_id is not None and score > best.get(career_id, (-1.0, 0))[0]:
                best[career_id] = (score, number)
    else:
        best = rank(read(query), index, limit)
        exact = index.exact.get(normalize_key(query))
        if exact is not None:  # the name itself ranks first
            best[index.careers[exact - index.shipped.entries]] = (EXACT, exact)
    jobs = index.jobs
    ranked = heapq.nsmallest(
        limit, best.items(), key=lambda item: (-item[1][0], -jobs.get(item[0], 0), item[0])
    )
    return SearchResults(_result(index, career_id, match) for career_id, match in ranked)


def _result(index: Index, career_id: str, match: Match) -> SearchResult:
    score, number = match
    soc, title = index.official.get(career_id, (None, ""))
    return SearchResult(
        id=career_id,
        score=round(min(score, 100.0), 1),
        matched=index.text(number),
        field=index.kind(number),
        soc=soc,
        title=title,
    )


CLASSIFY_MIN_SCORE = 50.0
"""The least score :func:`classify` accepts when none is given.

On the shipped evaluation (ISCO-08 titles, see :doc:`/search`), four in five titles reach
it and two in three of those are coded right; below it, fewer than one in three. Raise it
for precision, lower it (to 0: every title with a real word gets an answer) for recall.
"""


def classify(title: str, *, min_score: float | None = None) -> SearchResult | None:
    """The career the job title *title* most likely names: :func:`search`'s best match, or
    ``None`` when it scores less than *min_score* (:data:`CLASSIFY_MIN_SCORE` if ``None``).

    >>> import careerkit
    >>> careerkit.classify("RN - ICU (Nights) - Springfield, NJ #4521").id
    'registered-nurses'
    >>> careerkit.classify("Sr. Budget Specialist").reason
    'alternate title: Budget Specialist'
    >>> careerkit.classify("qwertyuiop") is None
    True
    """
    return classify_titles([title], min_score=min_score)[0]


def classify_titles(
    titles: Iterable[str | None], *, min_score: float | None = None
) -> list[SearchResult | None]:
    """:func:`classify` for each of *titles*, in order; each distinct title is classified once.

    A missing title (``None``) gives ``None``, as does a blank one; a title is read up to
    its first 200 characters (job titles are shorter). For tables, see
    ``series.careerkit.classify()`` (pandas, polars) and :func:`careerkit.dask.classify`.

    >>> import careerkit
    >>> [r and r.id for r in careerkit.classify_titles(["CSR", None, "CSR", "Cashier II"])]
    ['customer-service', None, 'customer-service', 'cashiers']
    """
    least = _least(min_score)
    done: dict[str, SearchResult | None] = {}
    answers: list[SearchResult | None] = []
    for position, title in enumerate(titles):
        if title is None:
            answers.append(None)
            continue
        if title not in done:
            if not isinstance(title, str):
                raise WrongTypeError(
                    f"a job title is text or None, got {type(title).__name__} {shown(title)}",
                    field=f"titles[{position}]",
                )
            found = search(title[:MAX_QUERY], limit=1) if title.strip() else SearchResults()
            done[title] = found[0] if found and found[0].score >= least else None
        answers.append(done[title])
    return answers


def _least(min_score: object) -> float:
    if min_score is None:
        return CLASSIFY_MIN_SCORE
    if isinstance(min_score, bool) or not isinstance(min_score, int | float):
        raise WrongTypeError(
            f"a score from 0 to 100, got {type(min_score).__name__} {shown(min_score)}",
            field="min_score",
        )
    if not 0 <= min_score <= 100:
        raise ValidationError(f"a score from 0 to 100; got {shown(min_score)}", field="min_score")
    return float(min_score)
