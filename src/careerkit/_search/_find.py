"""Searching, and coding job titles: :func:`search`, :func:`classify`, :func:`classify_titles`."""

from __future__ import annotations

import bisect
import heapq
import numbers
import re
import threading
import unicodedata
from collections.abc import Iterable

from careerkit._search._engine import CODE, EXACT, Index, Match, rank
from careerkit._search._query import read
from careerkit._search._results import SearchResult, SearchResults
from careerkit.catalogue._titles import index as titles_index
from careerkit.errors import ValidationError, WrongTypeError, shown
from careerkit.model._checks import normalize_key

__all__ = [
    "CLASSIFY_MIN_SCORE",
    "MAX_QUERY",
    "check_min_score",
    "classify",
    "classify_titles",
    "search",
]

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
    if isinstance(limit, bool) or not isinstance(limit, numbers.Integral) or limit < 1:
        raise ValidationError(f"a whole number, 1 or more; got {shown(limit)}", field="limit")
    limit = int(limit)
    if len(text) > MAX_QUERY:
        raise ValidationError(
            f"a search is at most {MAX_QUERY} characters; got {len(text):,}", field="text"
        )
    index = _get_index()
    best: dict[str, Match] = {}
    query = text.strip()
    code = _as_code(query)
    if code is not None:  # a code, or its start: 29-11, 291141, 43-4051.00
        digits = re.sub(r"\D", "", code)
        start = bisect.bisect_left(index.codes, (digits, -1))
        for held, number in index.codes[start:]:
            if not held.startswith(digits):
                break
            written = index.text(number)
            if not code.isdigit() and not written.startswith(code):
                continue  # 2-911 is not 29-11..: where the separators stand counts
            career_id = index.career(number)
            score = 100.0 if held == digits else 90.0
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


_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−﹣－", "-"))


def _as_code(query: str) -> str | None:
    """*query* as a code with ASCII digits and hyphens (full-width digits, Arabic-Indic
    digits and typographic dashes folded), or ``None`` if it is not one: a code starts with
    two digits or more ("29", "29-11", "２９－１１４１"), never a lone digit or a separator."""
    folded = unicodedata.normalize("NFKC", query).translate(_DASHES)
    if not CODE.match(folded):
        return None
    folded = "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in folded)
    lead = len(folded) - len(folded.lstrip("0123456789"))
    return folded if lead >= 2 else None


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
    if not isinstance(title, str):
        raise WrongTypeError(
            f"a job title is text, got {type(title).__name__} {shown(title)}", field="title"
        )
    return classify_titles([title], min_score=min_score)[0]


def classify_titles(
    titles: Iterable[str | None], *, min_score: float | None = None
) -> list[SearchResult | None]:
    """:func:`classify` for each of *titles*, in order; each distinct title is classified once.

    A missing title (``None``) gives ``None``, as does a blank one; a title is read up to
    its first 200 characters, cut at a space (job titles are shorter). For tables, see
    ``series.careerkit.classify()`` (pandas, polars) and :func:`careerkit.dask.classify`.

    >>> import careerkit
    >>> [r and r.id for r in careerkit.classify_titles(["CSR", None, "CSR", "Cashier II"])]
    ['customer-service', None, 'customer-service', 'cashiers']
    """
    if isinstance(titles, str | bytes) or not isinstance(titles, Iterable):
        raise WrongTypeError(
            f"job titles to classify: a list (or any iterable) of them, got "
            f"{type(titles).__name__} {shown(titles)}; classify() takes one",
            field="titles",
        )
    checked = check_min_score(min_score)
    least = CLASSIFY_MIN_SCORE if checked is None else checked
    done: dict[str, SearchResult | None] = {}
    answers: list[SearchResult | None] = []
    for position, title in enumerate(titles):
        if title is None:
            answers.append(None)
            continue
        if not isinstance(title, str):
            raise WrongTypeError(
                f"a job title is text or None, got {type(title).__name__} {shown(title)}",
                field=f"titles[{position}]",
            )
        if title not in done:
            found = search(_shortened(title), limit=1) if title.strip() else SearchResults()
            done[title] = found[0] if found and found[0].score >= least else None
        answers.append(done[title])
    return answers


def _shortened(title: str) -> str:
    """*title* without surrounding space, cut to :data:`MAX_QUERY` characters at a space."""
    title = title.strip()
    if len(title) <= MAX_QUERY:
        return title
    cut = title.rfind(" ", 0, MAX_QUERY + 1)
    return title[: cut if cut > 0 else MAX_QUERY]


def check_min_score(min_score: object) -> float | None:
    """*min_score* checked: ``None`` (:data:`CLASSIFY_MIN_SCORE`) or a score from 0 to 100,
    as every front end of :func:`classify` takes it (numpy's numbers too)."""
    if min_score is None:
        return None
    if isinstance(min_score, bool) or not isinstance(min_score, numbers.Real):
        raise WrongTypeError(
            f"expected a score from 0 to 100, or None for careerkit.CLASSIFY_MIN_SCORE; got "
            f"{type(min_score).__name__} {shown(min_score)}",
            field="min_score",
        )
    if not 0 <= float(min_score) <= 100:  # NaN too
        raise ValidationError(
            f"expected a score from 0 to 100, or None for careerkit.CLASSIFY_MIN_SCORE; got "
            f"{shown(min_score)}",
            field="min_score",
        )
    return float(min_score)
