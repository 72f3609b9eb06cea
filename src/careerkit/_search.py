"""Finding careers by words (:func:`careerkit.search`): ranked, tolerant search over names, codes and descriptions.

:func:`search` matches the words of a query against every career's names (id,
title in English and Hindi, aliases), codes and descriptions. It tolerates
case, punctuation, plurals ("nurse" finds "Registered Nurses"), word order and
typos ("custmer service"); a code or code prefix ("29-11", "4340") finds the
careers whose codes start with it. The index is built on the first search,
once, thread-safely; each search after that takes well under a millisecond.

How a name scores (0-100): each query word is matched to the name's words,
exactly (1), as a prefix of at least three letters (0.9) or, for a word no
career uses, within a typo or two (rapidfuzz's ratio, at least 75, scaled to
0.6-0.85; names' words only); the score is
``100 x (0.8 x matched share of the query + 0.2 x matched share of the name)``.
A name equal to the whole query (as lookup keys compare) scores 100 and ranks
first. Description words count for at most 60. Ties go to the career more
people work in (BLS's national employment), then to the id.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections import defaultdict
from collections.abc import Callable

import attrs

from careerkit.errors import ValidationError, WrongTypeError, shown
from careerkit.model._checks import normalize_key
from careerkit.model.career import Career

TYPE_CHECKING = False
if TYPE_CHECKING:
    from careerkit.registry import Registry

__all__ = ["SearchResult", "SearchResults", "search"]

MAX_QUERY = 200
"""The longest query, in characters."""

_CODE = re.compile(r"[\d.\-]+\Z")
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "of",
        "the",
        "in",
        "for",
        "to",
        "with",
        "on",
        "by",
        "as",
        "at",
        "from",
        "other",
        "all",
    ]
)


@attrs.frozen(kw_only=True, repr=False)
class SearchResult:
    """One match: which career, how well (0-100) and what matched.

    ``matched`` is the name, code or description that matched, as written;
    ``field`` says which it is (``"name"``, ``"code"`` or ``"description"``).
    The career itself is built on first access of :attr:`career`.
    """

    id: str
    """The career's id: ``careerkit.get(result.id)`` is the career."""
    score: float
    """How well it matched, from 0 to 100 (higher is better)."""
    matched: str
    """The name, code or description that matched, as written."""
    field: str
    """What :attr:`matched` is: ``"name"``, ``"code"`` or ``"description"``."""

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
            (str(rank), result.id, f"{result.score:.0f}", f"{result.field}: {result.matched}")
            for rank, result in enumerate(self, 1)
        ]
        return html_table(rows, head=("", "career", "score", "matched"))


def _stem(word: str) -> str:
    """A word without its plural ending: nurses -> nurse, specialists -> specialist."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    return [_stem(word) for word in normalize_key(text).split("-") if word]


class _Index:
    """Names and descriptions, word by word, for every career of *registry*."""

    def __init__(self, registry: Registry) -> None:
        from careerkit.catalogue import descriptions, occupations
        from careerkit.catalogue._assembly import origin

        self.registry = registry
        # each entry: (career id, text as written, field, its words)
        self.entries: list[tuple[str, str, str, tuple[str, ...]]] = []
        self.exact: dict[str, int] = {}  # normalized name -> entry
        self.codes: list[tuple[str, int]] = []  # (code without separators, entry)
        for normal, (career_id, written) in registry._index.items():
            number = len(self.entries)
            if _CODE.match(written):
                self.entries.append((career_id, written, "code", ()))
                self.codes.append((re.sub(r"\D", "", written), number))
            else:
                self.entries.append((career_id, written, "name", tuple(_words(written))))
                self.exact[normal] = number
        self.codes.sort()
        self.jobs: dict[str, int] = {}
        texts: list[tuple[str, str]] = []
        for occupation in occupations().values():
            career_id = registry._index[occupation.soc][0]
            self.jobs[career_id] = occupation.employment or 0
            description = descriptions().get(occupation.onet)
            if description is not None:
                texts.append((career_id, description))
        catalogue = origin()
        for career_id, (_, where) in registry._careers.items():
            if where != catalogue:  # careerkit's own profiles and plug-ins: their summaries
                for fact in registry._career(career_id).summary:
                    texts += [(career_id, text) for text in (fact.text.en, fact.text.hi) if text]
        for career_id, text in texts:
            words = tuple(word for word in _words(text) if word not in _STOP)
            self.entries.append((career_id, text, "description", words))
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for number, (_, _, _, words) in enumerate(self.entries):
            for word in set(words):
                self.by_word[word].append(number)
        self.vocabulary = sorted(self.by_word)
        self.names = sorted(  # typos are looked for among names' words only
            {word for _, _, field, words in self.entries if field == "name" for word in words}
        )


_built: list[_Index] = []
_building = threading.Lock()


def _get_index() -> _Index:
    """The index of the default registry, built on the first search, once, and again
    when the registry is (the data in use changed: :func:`careerkit.registry.forget_default`)."""
    from careerkit.registry import default_registry

    registry = default_registry()
    built = _built
    if not built or built[0].registry is not registry:
        with _building:
            if not _built or _built[0].registry is not registry:
                _built[:] = [_Index(registry)]
    return _built[0]


def _matches(word: str, index: _Index) -> dict[str, float]:
    """The vocabulary words *word* matches, each with its weight (0-1)."""
    from rapidfuzz import fuzz, process

    found = {word: 1.0} if word in index.by_word else {}
    if len(word) >= 3:
        start = bisect.bisect_left(index.vocabulary, word)
        for other in index.vocabulary[start : start + 200]:
            if not other.startswith(word):
                break
            found.setdefault(other, 0.9)
    if len(word) >= 4 and word not in index.by_word:  # a word careerkit lacks: a typo?
        for other, ratio, _ in process.extract(
            word, index.names, scorer=fuzz.ratio, score_cutoff=75, limit=20
        ):
            found.setdefault(other, 0.6 + (ratio - 75) / 100)
    return found


def search(text: str, *, limit: int = 10) -> SearchResults:
    """The careers best matching *text*, best first, at most *limit* of them.

    >>> import careerkit
    >>> [result.id for result in careerkit.search("nurse", limit=3)]
    ['registered-nurses', 'nurse-practitioners', 'nurse-anesthetists']
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
    best: dict[str, tuple[float, int]] = {}

    def offer(number: int, score: float) -> None:
        career_id = index.entries[number][0]
        if score > best.get(career_id, (-1.0, 0))[0]:
            best[career_id] = (score, number)

    query = text.strip()
    if _CODE.match(query) and any(ch.isdigit() for ch in query):
        digits = re.sub(r"\D", "", query)
        start = bisect.bisect_left(index.codes, (digits, -1))
        for code, number in index.codes[start:]:
            if not code.startswith(digits):
                break
            offer(number, 100.0 if code == digits else 90.0)
    else:
        exact = index.exact.get(normalize_key(query))
        if exact is not None:
            offer(exact, 100.5)  # above any word score: the name itself ranks first
        _score_words(_words(query), index, offer)
    ranked = sorted(
        best.items(), key=lambda item: (-item[1][0], -index.jobs.get(item[0], 0), item[0])
    )
    return SearchResults(
        SearchResult(
            id=career_id,
            score=min(score, 100.0),
            matched=index.entries[number][1],
            field=index.entries[number][2],
        )
        for career_id, (score, number) in ranked[:limit]
    )


def _score_words(words: list[str], index: _Index, offer: Callable[[int, float], None]) -> None:
    """Offer each name or description the query's words match, with its score."""
    query = [word for word in words if word not in _STOP] or words
    if not query:
        return
    # entry -> {query position: weight}, and the name words matched
    hits: dict[int, dict[int, float]] = defaultdict(dict)
    used: dict[int, set[str]] = defaultdict(set)
    for position, word in enumerate(query):
        for other, weight in _matches(word, index).items():
            for number in index.by_word[other]:
                if weight > hits[number].get(position, 0.0):
                    hits[number][position] = weight
                used[number].add(other)
    for number, weights in hits.items():
        _, _, field, entry_words = index.entries[number]
        coverage = sum(weights.values()) / len(query)
        share = min(1.0, len(used[number]) / max(1, len(set(entry_words))))
        score = 100 * (0.8 * coverage + 0.2 * share)
        if field == "description":
            score *= 0.6
        offer(number, score)
