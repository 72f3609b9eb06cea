"""Finding careers: a registry of careers, and lookup by any of their keys.

A career answers to its id, each alias, each occupation code and its title in
English and Hindi. Keys are compared after folding case, Unicode form (NFKC)
and runs of spaces, hyphens, underscores and punctuation, so ``"Customer Service"``,
``"customer_service"`` and ``" CUSTOMER-service "`` are one key. Any other key is read
as :func:`careerkit.search` reads words (``"registered nurse"``, ``"accountant & auditor"``):
the one career that names, or :class:`~careerkit.ProfileNotFoundError` listing several.

:func:`get` and :func:`careers` use the default registry: every installed profile
(careerkit's own and plug-ins', through the ``careerkit.profiles`` entry-point
group) and the US occupation catalogue, as :mod:`careerkit.catalogue` assembles them,
loaded once. The registry registers and looks up; where careers come from, and the
rule that joins profiles and the catalogue, are the catalogue's
(:mod:`careerkit.catalogue.sources.profiles`, :mod:`careerkit.catalogue._assembly`).
"""

from __future__ import annotations

import contextlib
import gc
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from careerkit._once import load_rapidfuzz, once
from careerkit.errors import (
    CareerkitError,
    CareerkitWarning,
    DuplicateProfileError,
    ProfileLoadError,
    ProfileNotFoundError,
    WrongTypeError,
    shown,
    wrong_type,
)
from careerkit.model._checks import normalize_key
from careerkit.model._keys import lookup_keys, normalized
from careerkit.model.career import Career
from careerkit.model.codes import CodeSystem

if TYPE_CHECKING:
    from pathlib import Path

    from careerkit.catalogue.sources.profiles import Document, Loader

__all__ = ["Registry", "careers", "get", "normalize_key"]

_MOST_HITS = 4096  # keys remembered as given; beyond them, lookups normalize every time
_LONGEST_KEY = 300  # longer than any title: such a key is looked up, and suggested, as nothing
_CLOSE_KEYS = 10  # the closest keys a missing key's suggestions are drawn from
_CLOSENESS = 0.6  # how close (difflib's ratio) a key must be to be suggested


class Registry:
    """A set of careers with lookup by any of their keys.

    ``Registry()`` is empty and isolated; :func:`get` and :func:`careers` use a
    default registry holding the built-in profiles. Adding a career whose id,
    alias, code or title is already another career's key raises
    :class:`~careerkit.DuplicateProfileError` naming both.

    >>> from careerkit import Text
    >>> registry = Registry([Career(id="tea-taster", title=Text("Tea taster"))])
    >>> registry.get("Tea Taster").id
    'tea-taster'
    """

    def __init__(self, careers: Iterable[Career] = (), *, origin: str = "<code>") -> None:
        # career id -> (the career, or what builds it on first request; where it came from)
        self._careers: dict[str, tuple[Career | Callable[[], Career], str]] = {}
        # normalized key -> (career id, key as written)
        self._index: dict[str, tuple[str, str]] = {}
        # the index's keys, and the careers' ids sorted, for a key that is not there: made on
        # the first such key, forgotten when a career is added
        self._keys: list[str] | None = None
        self._ids: list[str] | None = None
        # a key read as search reads words -> careers' ids: made on the first key not there
        self._forgiving: dict[str, list[str]] | None = None
        self._building = threading.Lock()
        # keys as given that were found, and their careers: a repeated lookup skips normalizing
        self._hits: dict[str, Career] = {}
        # career id -> SOC major group, for careers the catalogue adds to: browsing a group
        # builds only its careers
        self._groups: dict[str, str] = {}
        self.problems: list[str] = []
        """What :meth:`from_entry_points` skipped, one message each."""
        self._skipped: list[tuple[str, Exception]] = []
        self.warned: list[tuple[str, str]] = []
        """``(provider, message)``: each career that claims a catalogue occupation's SOC code
        without declaring ``extends`` or ``replaces`` (registered, with a warning)."""
        for career in careers:
            self.add(career, origin=origin)

    @classmethod
    def from_entry_points(
        cls, *, strict: bool = False, extensions: bool = True, catalogue: bool = True
    ) -> Registry:
        """A registry of every profile installed through the ``careerkit.profiles`` group.

        careerkit's own profiles come this way too, and (unless ``catalogue=False``)
        the US occupation catalogue (:mod:`careerkit.catalogue`). A plug-in that
        fails (it does not import, a file is malformed, it claims another's id,
        alias or code, it extends a career that does not exist) is skipped as a
        whole with a :class:`~careerkit.CareerkitWarning` naming it, and listed in
        :attr:`problems`; with ``strict=True`` the error is raised instead.
        ``extensions=False`` gives the careers as their owners ship them (and
        leaves the catalogue out).

        The catalogue's rule: a career that claims an occupation's SOC code (as
        ``customer-service`` claims 43-4051) is that occupation, its keys lead to it, and
        it says how: ``extends = "43-4051"`` (the catalogue adds the release's figures) or
        ``replaces = "43-4051"`` (it adds nothing); saying neither, it is extended with a
        :class:`~careerkit.CareerkitWarning` (listed in :attr:`warned`). Any other career
        answering to a catalogue occupation's id, title or codes clashes: the plug-in is skipped.
        """
        from careerkit.catalogue.sources.profiles import _installed

        return cls._from_providers(
            _installed(), strict=strict, extensions=extensions, catalogue=catalogue and extensions
        )

    @classmethod
    def _from_providers(
        cls,
        providers: Iterable[tuple[str, Loader]],
        *,
        strict: bool,
        extensions: bool,
        catalogue: bool = True,
    ) -> Registry:
        """The registry of what *providers* give, each ``(name, loader)``, in their order."""
        from careerkit.catalogue._assembly import assemble

        registry = cls()

        def skip(provider: str, error: Exception) -> None:
            registry._skip(provider, error, strict)

        assemble(
            providers,
            registry._claim_normalized,
            skip,
            extensions=extensions,
            catalogue=catalogue,
            warn=registry._warn,
        )
        return registry

    @property
    def skipped(self) -> tuple[tuple[str, Exception], ...]:
        """What was skipped, as ``(provider, error)`` pairs: :attr:`problems`, unformatted."""
        return tuple(self._skipped)

    def _warn(self, provider: str, message: str) -> None:
        self.warned.append((provider, message))
        warnings.warn(message, CareerkitWarning, stacklevel=2)

    def _skip(self, provider: str, error: Exception, strict: bool) -> None:
        if strict:
            if isinstance(error, CareerkitError):
                raise error
            raise ProfileLoadError(provider, [("", f"{type(error).__name__}: {error}")]) from error
        message = f"skipped careerkit profiles from {provider}: {type(error).__name__}: {error}"
        self.problems.append(message)
        self._skipped.append((provider, error))
        warnings.warn(message, CareerkitWarning, stacklevel=3)

    def add(self, career: Career, *, origin: str = "<code>") -> None:
        """Register *career*; *origin* (a file, a package) is named in clash errors."""
        if not isinstance(career, Career):
            raise wrong_type("a Career", career, "career")
        self._claim(career.id, lookup_keys(career), career, origin)

    def _claim(
        self,
        career_id: str,
        keys: Iterable[str],
        career: Career | Callable[[], Career],
        origin: str,
    ) -> None:
        """Register *career* (or what builds it) under *keys*, refusing a key already taken."""
        self._claim_normalized(career_id, normalized(keys), career, origin)

    def _claim_normalized(
        self,
        career_id: str,
        claims: dict[str, str],
        career: Career | Callable[[], Career],
        origin: str,
        group: str | None = None,
    ) -> None:
        """:meth:`_claim`, for keys given as ``{normalized key: key as written}``; *group*: the
        SOC major group of a career the catalogue adds to (browsing a group builds only its
        careers)."""
        if not self._index.keys().isdisjoint(claims):
            normal = next(normal for normal in claims if normal in self._index)
            other_id = self._index[normal][0]
            raise DuplicateProfileError(
                claims[normal], (other_id, self._careers[other_id][1]), (career_id, origin)
            )
        self._careers[career_id] = (career, origin)
        self._index.update((normal, (career_id, key)) for normal, key in claims.items())
        self._keys = self._ids = self._forgiving = None
        if group is not None:
            self._groups[career_id] = group

    def _career(self, career_id: str) -> Career:
        """The career with id *career_id*, built on first request (once, under a lock)."""
        career = self._careers[career_id][0]
        if isinstance(career, Career):
            return career
        with self._building:
            career, origin = self._careers[career_id]
            if not isinstance(career, Career):
                career = career()
                self._careers[career_id] = (career, origin)
        return career

    def get(self, key: str) -> Career:
        """The career answering to *key*; :class:`~careerkit.ProfileNotFoundError` if none.

        A key no career answers to as written is read as search reads words (singular,
        without "and" or punctuation): the one career it then names, or an error listing
        them where it names several.
        """
        if not isinstance(key, str):
            raise WrongTypeError(
                f"a career key is a string (an id, alias, code or title), got "
                f"{type(key).__name__} {shown(key)}",
                field="key",
            )
        hit = self._hits.get(key)
        if hit is not None:
            return hit
        normal = normalize_key(key) if len(key) <= _LONGEST_KEY else ""
        found = self._index.get(normal)
        if found is not None:
            career = self._career(found[0])
            if len(self._hits) < _MOST_HITS:
                self._hits[key] = career
            return career
        ids = self._forgiving_ids(normal)  # the key read as search reads words
        if len(ids) == 1:  # not remembered as a hit: a career added later may read the same
            return self._career(ids[0])
        if ids:
            raise ProfileNotFoundError(key, [], sorted(self._careers), candidates=sorted(ids))
        if self._keys is None:
            self._keys = list(self._index)
        close = close_matches(normal, self._keys, n=_CLOSE_KEYS, cutoff=_CLOSENESS)
        best: dict[str, str] = {}  # one suggestion per career: its closest key
        for candidate in close:
            career_id, written = self._index[candidate]
            best.setdefault(career_id, written)
        if self._ids is None:
            self._ids = sorted(self._careers)
        raise ProfileNotFoundError(key, list(best.values())[:3], self._ids)

    def _forgiving_ids(self, normal: str) -> list[str]:
        """The ids of the careers with a key that reads as *normal* as search reads words."""
        from careerkit.catalogue._titles import forgiving_key

        form = forgiving_key(normal) if normal else ""
        if not form:
            return []
        if self._forgiving is None:
            forms: dict[str, list[str]] = {}
            for indexed, (career_id, _) in self._index.items():
                found = forms.setdefault(forgiving_key(indexed), [])
                if career_id not in found:
                    found.append(career_id)
            self._forgiving = forms
        return self._forgiving.get(form, [])

    def careers(self, *, group: str | None = None) -> tuple[Career, ...]:
        """Every registered career, sorted by id; with *group*, those in that SOC major group.

        *group* is a major group's code (``"29-0000"``, or just ``"29"``); a code
        that is no major group raises :class:`~careerkit.ValidationError`.
        """
        ids = sorted(self._careers)
        if group is None:
            with _building_many(self._unbuilt(ids)):
                return tuple(self._career(career_id) for career_id in ids)
        from careerkit.catalogue._assembly import group_code

        code = group_code(group)
        found = []
        wanted = [career_id for career_id in ids if self._groups.get(career_id) in (None, code)]
        with _building_many(self._unbuilt(wanted)):
            for career_id in wanted:
                if self._groups.get(career_id) is None:  # not in the catalogue: its own codes say
                    career = self._career(career_id)
                    if career.codes.get(CodeSystem.SOC_2018_MAJOR) == code:
                        found.append(career)
                else:
                    found.append(self._career(career_id))
        return tuple(found)

    def _unbuilt(self, ids: Iterable[str]) -> int:
        """How many of the careers *ids* are still to be built."""
        return sum(not isinstance(self._careers[career_id][0], Career) for career_id in ids)

    def origin(self, career_id: str) -> str:
        """Where the career with id *career_id* came from (a file, a package)."""
        found = self._careers.get(career_id) if isinstance(career_id, str) else None
        if found is None:
            raise ProfileNotFoundError(career_id, [], sorted(self._careers))
        return found[1]

    def __contains__(self, key: object) -> bool:  # whether get finds one career for key
        normal = normalize_key(key) if isinstance(key, str) and len(key) <= _LONGEST_KEY else ""
        return bool(normal) and (normal in self._index or len(self._forgiving_ids(normal)) == 1)

    def __iter__(self) -> Iterator[Career]:
        return iter(self.careers())

    def __len__(self) -> int:
        return len(self._careers)

    def __repr__(self) -> str:
        ids = sorted(self._careers)
        shown_ids = ", ".join(ids[:5]) + (f", ... ({len(ids) - 5} more)" if len(ids) > 5 else "")
        return f"<Registry of {len(self)} careers: {shown_ids}>"


_MANY = 200
"""Building this many careers at once pauses the garbage collector (:func:`_building_many`)."""
_pauses = 0
_resume = False
_pausing = threading.Lock()


@contextlib.contextmanager
def _building_many(count: int) -> Iterator[None]:
    """Python's cyclic garbage collector paused while *count* careers are built, if they are
    :data:`_MANY` or more, and one full collection after.

    Building every career makes some 300,000 objects that all stay. Collected as they
    pile up, each of the collector's full passes (Python runs one each time the
    long-lived objects have grown by a quarter) walks all of them again: about a third
    of the time the building takes. Paused, they are walked once, by the one collection
    at the end, which leaves the collector as it would be after any full collection
    (and collects whatever cycles were made meanwhile, as it would have). The collector
    is resumed only where it ran before, and only when the last of several threads
    building at once is done.
    """
    global _pauses, _resume
    if count < _MANY:
        yield
        return
    with _pausing:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pausing:
            _pauses -= 1
            resume = _pauses == 0 and _resume
            if resume:
                gc.enable()
        if resume:
            gc.collect()


def with_files(documents: Iterable[tuple[Path, Document]]) -> Registry:
    """The registry loading would build were these files installed beside the installed plug-ins.

    Each file is a provider of its own, named by its path, staged after the
    installed ones; an installed file at the same path (an editable install of
    the package being checked) is left out, so a file is never compared with
    itself. ``careerkit validate`` reports what this registry skips.
    """
    from careerkit.catalogue.sources.profiles import beside_installed

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CareerkitWarning)  # the caller reports what was skipped
        return Registry._from_providers(beside_installed(documents), strict=False, extensions=True)


def close_matches(word: str, keys: Sequence[str], *, n: int, cutoff: float) -> list[str]:
    """``difflib.get_close_matches(word, keys, n, cutoff)``, exactly, in about a millisecond
    (*n* at least 1, *cutoff* from 0 to 1, as difflib asks).

    The keys whose :class:`difflib.SequenceMatcher` ratio with *word* is at least
    *cutoff*, the *n* closest, closest first (a tie: the key greater as a string
    first), as difflib gives them; difflib scores every key in Python, tens of
    milliseconds over the catalogue's 3,600 keys. Here rapidfuzz (in C++) bounds
    each key's ratio from above first: difflib's ratio is ``2 * M / T`` with ``M`` the
    characters of the matching blocks it finds, which are a common subsequence of
    the two strings, so ``M`` is at most the longest common subsequence, and
    rapidfuzz's ``fuzz.ratio`` is ``100 * 2 * LCS / T``. Only the keys whose bound
    reaches *cutoff* are scored by difflib, best bound first, and scoring stops where
    no bound left can reach the *n*-th ratio found: the same keys, in the same order.

    >>> import difflib
    >>> keys = ["customer-service", "customer-services", "csr", "custom"]
    >>> close_matches("custmer-service", keys, n=3, cutoff=0.6)
    ['customer-service', 'customer-services']
    >>> _ == difflib.get_close_matches("custmer-service", keys, n=3, cutoff=0.6)
    True
    """
    if not keys:
        return []
    import difflib
    import heapq
    from operator import itemgetter

    load_rapidfuzz()  # once, whole, whichever thread asks first
    from rapidfuzz import fuzz, process

    # Each key's bound, as rapidfuzz scores it in floating point: a cutoff a hair low lets in
    # more keys to score, never fewer, and so does stopping only a hair below the n-th ratio
    # (two ratios of whole numbers of characters that differ, differ by far more).
    bounds = process.extract(
        word,
        keys,
        scorer=fuzz.ratio,
        processor=None,
        score_cutoff=max(cutoff * 100 - 0.01, 0),
        limit=None,
    )
    bounds.sort(key=itemgetter(1), reverse=True)  # best bound first
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)  # as get_close_matches does: the word is b, each key a
    best: list[tuple[float, str]] = []  # the n closest so far, as a heap (the n-th first)
    for key, bound, _ in bounds:
        if len(best) == n and bound / 100 + 1e-9 < best[0][0]:
            break  # no key left can reach the n closest
        matcher.set_seq1(key)
        ratio = matcher.ratio()
        if ratio >= cutoff:
            if len(best) < n:
                heapq.heappush(best, (ratio, key))
            elif (ratio, key) > best[0]:
                heapq.heapreplace(best, (ratio, key))
    return [key for _, key in sorted(best, reverse=True)]


_default: Registry | None = None
_lock = threading.Lock()


def default_registry() -> Registry:
    """The registry behind :func:`get` and :func:`careers`, loaded once, thread-safely."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _watch_releases()
                _default = Registry.from_entry_points()
    return _default


@once
def _watch_releases() -> None:
    """Forget the default registry whenever the OEWS releases in use change (``careerkit data
    update oews``): the catalogue's careers are made from them."""
    from careerkit import data

    data.on_change(forget_default, kinds=("oews",))


def forget_default() -> None:
    """Drop the default registry: the next lookup loads it again, as when the OEWS release in
    use changes (the search index notices a new registry, and is built again from it)."""
    global _default
    with _lock:
        _default = None


def get(key: str) -> Career:
    """Look a career up by id, alias, occupation code or title (English or Hindi).

    >>> import careerkit
    >>> careerkit.get("43-4051").id
    'customer-service'
    >>> careerkit.get("जनसंपर्क विशेषज्ञ").id
    'public-relations-specialist'
    """
    return default_registry().get(key)


def careers(*, group: str | None = None) -> tuple[Career, ...]:
    """Every career (built-in, catalogue and plug-in), sorted by id; or those of one SOC major group.

    Building all of them reads the whole catalogue (about a second of CPU);
    :func:`get` builds one.

    >>> import careerkit
    >>> len(careerkit.careers()) >= 830
    True
    >>> [career.id for career in careerkit.careers(group="27")][:2]
    ['actors', 'art-directors']
    """
    return default_registry().careers(group=group)
