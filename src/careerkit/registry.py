"""Finding careers: the built-in profiles, loaded once, and lookup by any name.

A career answers to its id, each alias, each occupation code and its title in
English and Hindi. Keys are compared after folding case, Unicode form (NFKC)
and runs of spaces, hyphens and underscores, so ``"Customer Service"``,
``"customer_service"`` and ``" CUSTOMER-service "`` are one key.
"""

from __future__ import annotations

import difflib
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator

from careerkit.errors import DuplicateProfileError, ProfileLoadError, ProfileNotFoundError
from careerkit.model.career import Career

__all__ = ["Registry", "careers", "get", "normalize_key"]

_SEPARATORS = re.compile(r"[\s_\-]+")


def normalize_key(key: str) -> str:
    """The form in which lookup keys are compared.

    >>> normalize_key("  Customer  Service_Representative ")
    'customer-service-representative'
    """
    folded = unicodedata.normalize("NFKC", key).casefold().strip()
    return _SEPARATORS.sub("-", folded).strip("-")


def lookup_keys(career: Career) -> Iterator[str]:
    """Every key *career* answers to, as written: id, aliases, codes, titles."""
    yield career.id
    yield from career.aliases
    yield from career.codes.values()
    yield career.title.en
    if career.title.hi is not None:
        yield career.title.hi


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
        self._careers: dict[str, tuple[Career, str]] = {}
        self._index: dict[
            str, tuple[str, str]
        ] = {}  # normalized key -> (career id, key as written)
        for career in careers:
            self.add(career, origin=origin)

    def add(self, career: Career, *, origin: str = "<code>") -> None:
        """Register *career*; *origin* (a file, a package) is named in clash errors."""
        if not isinstance(career, Career):
            raise TypeError(f"expected a Career, got {type(career).__name__}")
        claims: dict[str, str] = {}
        for key in lookup_keys(career):
            normal = normalize_key(key)
            claimed = self._index.get(normal)
            if claimed is not None:
                other_id = claimed[0]
                raise DuplicateProfileError(
                    key, (other_id, self._careers[other_id][1]), (career.id, origin)
                )
            claims.setdefault(normal, key)
        self._careers[career.id] = (career, origin)
        for normal, key in claims.items():
            self._index[normal] = (career.id, key)

    def get(self, key: str) -> Career:
        """The career answering to *key*; :class:`~careerkit.ProfileNotFoundError` if none."""
        if not isinstance(key, str):
            raise TypeError(f"a career key is a string, got {type(key).__name__}")
        found = self._index.get(normalize_key(key))
        if found is not None:
            return self._careers[found[0]][0]
        close = difflib.get_close_matches(normalize_key(key), list(self._index), n=10, cutoff=0.6)
        best: dict[str, str] = {}  # one suggestion per career: its closest key
        for normal in close:
            career_id, written = self._index[normal]
            best.setdefault(career_id, written)
        raise ProfileNotFoundError(key, list(best.values())[:3], sorted(self._careers))

    def careers(self) -> tuple[Career, ...]:
        """Every registered career, sorted by id."""
        return tuple(self._careers[career_id][0] for career_id in sorted(self._careers))

    def origin(self, career_id: str) -> str:
        """Where the career with id *career_id* came from (a file, a package)."""
        return self._careers[career_id][1]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and normalize_key(key) in self._index

    def __iter__(self) -> Iterator[Career]:
        return iter(self.careers())

    def __len__(self) -> int:
        return len(self._careers)

    def __repr__(self) -> str:
        return f"<Registry of {len(self)} careers: {', '.join(sorted(self._careers))}>"


def _load_builtin() -> Registry:
    from importlib import resources

    from careerkit.serialization import from_toml

    registry = Registry()
    folder = resources.files("careerkit.profiles")
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".toml"):
            continue
        origin = f"careerkit/profiles/{entry.name}"
        career = from_toml(entry.read_text(encoding="utf-8"), origin=origin)
        expected = entry.name.removesuffix(".toml")
        if career.id != expected:
            raise ProfileLoadError(
                origin,
                [("id", f"the file {entry.name} must hold career {expected!r}, not {career.id!r}")],
            )
        registry.add(career, origin=origin)
    return registry


_default: Registry | None = None
_lock = threading.Lock()


def default_registry() -> Registry:
    """The registry behind :func:`get` and :func:`careers`, loaded once, thread-safely."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = _load_builtin()
    return _default


def get(key: str) -> Career:
    """Look a career up by id, alias, occupation code or title (English or Hindi).

    >>> import careerkit
    >>> careerkit.get("43-4051").id
    'customer-service'
    >>> careerkit.get("जनसंपर्क विशेषज्ञ").id
    'public-relations-specialist'
    """
    return default_registry().get(key)


def careers() -> tuple[Career, ...]:
    """Every built-in career, sorted by id.

    >>> import careerkit
    >>> [career.id for career in careerkit.careers()]
    ['customer-service', 'public-relations-specialist']
    """
    return default_registry().careers()
