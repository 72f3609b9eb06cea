"""Finding careers: every installed profile, loaded once, and lookup by any name.

Profiles come through the ``careerkit.profiles`` entry-point group, careerkit's
own included: a package points an entry point at a package of TOML files (a
career per file, named after its id, or an extension with ``extends = ...``) or
at a callable returning careers and extensions.

A career answers to its id, each alias, each occupation code and its title in
English and Hindi. Keys are compared after folding case, Unicode form (NFKC)
and runs of spaces, hyphens and underscores, so ``"Customer Service"``,
``"customer_service"`` and ``" CUSTOMER-service "`` are one key.
"""

from __future__ import annotations

import functools
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Any

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
from careerkit.model.career import Career, CareerExtension
from careerkit.model.codes import CodeSystem

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint
    from pathlib import Path

__all__ = ["Registry", "careers", "get", "normalize_key"]


def lookup_keys(career: Career) -> Iterator[str]:
    """Every key *career* answers to, as written: id, aliases, codes, titles."""
    codes = ((system.value, code) for system, code in career.codes.items())
    return _keys(career.id, career.aliases, codes, (career.title.en, career.title.hi))


def _keys(
    career_id: str,
    aliases: Iterable[str],
    codes: Iterable[tuple[str, str]],
    titles: Iterable[str | None],
) -> Iterator[str]:
    yield career_id
    yield from aliases
    for system, code in codes:
        if system == CodeSystem.SOC_2018_MAJOR:
            continue  # a group, not this career: careers(group=...) lists its members
        yield code
        if system == CodeSystem.SOC_2018:
            yield code.replace("-", "")  # "291141", as some files write it
    yield from (title for title in titles if title is not None)


class Pending:
    """A profile of careerkit's own, read but not yet built: its keys, and how to build it.

    careerkit's own profiles are correct by test, so the first lookup takes
    their keys from ``profiles/keys.json`` (or, for a file changed since, from
    the parsed file) and builds (parses, structures and validates) a career only
    when it is asked for. Plug-ins' profiles are built at once, so that a broken
    one is skipped with a warning rather than failing a lookup.
    """

    def __init__(
        self,
        career_id: str,
        keys: tuple[str, ...],
        soc: str | None,
        document: str | dict[str, Any],
        origin: str,
    ) -> None:
        self.id, self.keys, self.soc = career_id, keys, soc
        self._document, self._origin = document, origin  # the file's text, or its table

    @classmethod
    def from_data(cls, data: dict[str, Any], origin: str) -> Pending:
        """The pending career of a parsed profile (``KeyError``/``TypeError`` if malformed)."""
        codes = [(code["system"], code["code"]) for code in data.get("occupation_codes", ())]
        soc = next((code for system, code in codes if system == CodeSystem.SOC_2018), None)
        title = data["title"]
        keys = tuple(
            _keys(data["id"], data.get("aliases", ()), codes, (title["en"], title.get("hi")))
        )
        if not all(isinstance(key, str) for key in keys):
            raise TypeError("a key is not text")
        return cls(data["id"], keys, soc, data, origin)

    def build(self) -> Career:
        from careerkit._toml import read_toml
        from careerkit.serialization import from_dict

        data = self._document
        if isinstance(data, str):
            data = read_toml(data, self._origin)
        return from_dict(data, origin=self._origin)


_MOST_HITS = 4096  # keys remembered as given; beyond them, lookups normalize every time
_LONGEST_KEY = 300  # longer than any title: such a key is looked up, and suggested, as nothing


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
        self._building = threading.Lock()
        # keys as given that were found, and their careers: a repeated lookup skips normalizing
        self._hits: dict[str, Career] = {}
        # career id -> SOC major group, for careers the catalogue adds to: browsing a group
        # builds only its careers
        self._groups: dict[str, str] = {}
        self.problems: list[str] = []
        """What :meth:`from_entry_points` skipped, one message each."""
        self._skipped: list[tuple[str, Exception]] = []
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
        ``customer-service`` claims 43-4051) is that occupation, and the catalogue
        extends it with the release's figures instead of adding a twin; any other
        career answering to a key of a catalogue occupation (its id, title or
        codes) is a clash, and the plug-in is skipped.
        """
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
        from careerkit.model.extension import merge

        registry = cls()
        # id -> (career, origin, provider)
        staged: dict[str, tuple[Career | Pending, str, str]] = {}
        extending: list[tuple[CareerExtension, str, str]] = []
        for provider, load in providers:
            try:
                documents = load()
                careers: dict[str, tuple[Career | Pending, str, str]] = {}
                for document, origin in documents:
                    if isinstance(document, Career | Pending):
                        claimed = staged.get(document.id) or careers.get(document.id)
                        if claimed is not None:
                            raise DuplicateProfileError(
                                document.id, (document.id, claimed[1]), (document.id, origin)
                            )
                        careers[document.id] = (document, origin, provider)
            except Exception as error:  # a plug-in's own code may raise anything
                registry._skip(provider, error, strict)
                continue
            staged.update(careers)
            extending += [
                (document, origin, provider)
                for document, origin in documents
                if isinstance(document, CareerExtension)
            ]
        for extension, origin, provider in extending if extensions else ():
            try:
                if extension.extends not in staged:
                    known = ", ".join(sorted(staged))
                    raise ProfileLoadError(
                        origin,
                        [
                            (
                                "extends",
                                f"there is no career {extension.extends!r} to extend; known: {known}",
                            )
                        ],
                    )
                base, base_origin, owner = staged[extension.extends]
                if isinstance(base, Pending):
                    base = base.build()
                merged = merge(base, extension, provider)
                _check_new_keys(merged, base, staged, origin)
                staged[extension.extends] = (merged, f"{base_origin} + {origin}", owner)
            except CareerkitError as error:
                registry._skip(provider, error, strict)
        if not catalogue:
            for career, origin, owner in staged.values():
                try:
                    registry._add(career, origin)
                except DuplicateProfileError as error:
                    registry._skip(owner, error, strict)
            return registry
        from careerkit._catalogued import add_with_catalogue

        add_with_catalogue(registry, list(staged.values()), strict=strict)
        return registry

    @property
    def skipped(self) -> tuple[tuple[str, Exception], ...]:
        """What was skipped, as ``(provider, error)`` pairs: :attr:`problems`, unformatted."""
        return tuple(self._skipped)

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

    def _add(self, career: Career | Pending, origin: str) -> None:
        if isinstance(career, Pending):
            self._claim(career.id, career.keys, career.build, origin)
        else:
            self.add(career, origin=origin)

    def _claim(
        self,
        career_id: str,
        keys: Iterable[str],
        career: Career | Callable[[], Career],
        origin: str,
    ) -> None:
        """Register *career* (or what builds it) under *keys*, refusing a key already taken."""
        claims: dict[str, str] = {}
        for key in keys:
            claims.setdefault(normalize_key(key), key)
        self._claim_normalized(career_id, claims, career, origin)

    def _claim_normalized(
        self,
        career_id: str,
        claims: dict[str, str],
        career: Career | Callable[[], Career],
        origin: str,
    ) -> None:
        """:meth:`_claim`, for keys given as ``{normalized key: key as written}``."""
        if not self._index.keys().isdisjoint(claims):
            normal = next(normal for normal in claims if normal in self._index)
            other_id = self._index[normal][0]
            raise DuplicateProfileError(
                claims[normal], (other_id, self._careers[other_id][1]), (career_id, origin)
            )
        self._careers[career_id] = (career, origin)
        self._index.update((normal, (career_id, key)) for normal, key in claims.items())

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
        """The career answering to *key*; :class:`~careerkit.ProfileNotFoundError` if none."""
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
        import difflib

        close = difflib.get_close_matches(normal, list(self._index), n=10, cutoff=0.6)
        best: dict[str, str] = {}  # one suggestion per career: its closest key
        for candidate in close:
            career_id, written = self._index[candidate]
            best.setdefault(career_id, written)
        raise ProfileNotFoundError(key, list(best.values())[:3], sorted(self._careers))

    def careers(self, *, group: str | None = None) -> tuple[Career, ...]:
        """Every registered career, sorted by id; with *group*, those in that SOC major group.

        *group* is a major group's code (``"29-0000"``, or just ``"29"``); a code
        that is no major group raises :class:`~careerkit.ValidationError`.
        """
        ids = sorted(self._careers)
        if group is None:
            return tuple(self._career(career_id) for career_id in ids)
        from careerkit._catalogued import group_code

        code = group_code(group)
        found = []
        for career_id in ids:
            known = self._groups.get(career_id)
            if known is None:  # not in the catalogue: its own codes say
                career = self._career(career_id)
                if career.codes.get(CodeSystem.SOC_2018_MAJOR) == code:
                    found.append(career)
            elif known == code:
                found.append(self._career(career_id))
        return tuple(found)

    def origin(self, career_id: str) -> str:
        """Where the career with id *career_id* came from (a file, a package)."""
        found = self._careers.get(career_id) if isinstance(career_id, str) else None
        if found is None:
            raise ProfileNotFoundError(career_id, [], sorted(self._careers))
        return found[1]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and normalize_key(key) in self._index

    def __iter__(self) -> Iterator[Career]:
        return iter(self.careers())

    def __len__(self) -> int:
        return len(self._careers)

    def __repr__(self) -> str:
        ids = sorted(self._careers)
        shown_ids = ", ".join(ids[:5]) + (f", ... ({len(ids) - 5} more)" if len(ids) > 5 else "")
        return f"<Registry of {len(self)} careers: {shown_ids}>"


GROUP = "careerkit.profiles"
"""The entry-point group: ``name = "package.with.toml.profiles"`` or ``"module:callable"``."""

Document = Career | CareerExtension | Pending
Loader = Callable[[], list[tuple[Document, str]]]
"""What a provider gives when loaded: each document with where it came from."""


class _Careerkit:
    """The distribution careerkit's own entry point belongs to."""

    name = "careerkit"


class OwnProfiles:
    """careerkit's own entry point, ``careerkit = "careerkit.profiles"``, without importlib.metadata.

    It has what the registry uses of an :class:`importlib.metadata.EntryPoint`.
    """

    name = "careerkit"
    value = "careerkit.profiles"
    group = GROUP
    dist = _Careerkit()

    def load(self) -> ModuleType:
        from importlib import import_module

        return import_module(self.value)


def _provider(entry_point: EntryPoint | OwnProfiles) -> str:
    dist = entry_point.dist
    return dist.name if dist is not None else f"entry point {entry_point.value}"


def _installed(leave_out: frozenset[str] = frozenset()) -> list[tuple[str, Loader]]:
    """The installed providers, careerkit's first; files at the paths *leave_out* are skipped."""
    return [
        (_provider(entry_point), functools.partial(_documents, entry_point, leave_out))
        for entry_point in _entry_points()
    ]


def with_files(documents: Iterable[tuple[Path, Document]]) -> Registry:
    """The registry loading would build were these files installed beside the installed plug-ins.

    Each file is a provider of its own, named by its path, staged after the
    installed ones; an installed file at the same path (an editable install of
    the package being checked) is left out, so a file is never compared with
    itself. ``careerkit validate`` reports what this registry skips.
    """
    files = list(documents)
    leave_out = frozenset(str(path.resolve()) for path, _ in files)
    own: list[tuple[str, Loader]] = [
        (str(path), functools.partial(_given, document, str(path))) for path, document in files
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CareerkitWarning)  # the caller reports what was skipped
        return Registry._from_providers(
            [*_installed(leave_out), *own], strict=False, extensions=True
        )


def _given(document: Document, origin: str) -> list[tuple[Document, str]]:
    return [(document, origin)]


def _documents(
    entry_point: EntryPoint | OwnProfiles, leave_out: frozenset[str] = frozenset()
) -> list[tuple[Document, str]]:
    """Every career and extension one entry point provides, with where each came from."""
    provider = _provider(entry_point)
    target = entry_point.load()
    if provider == "careerkit" and target.__name__ == "careerkit.profiles":
        own = _own_documents(target, leave_out)
        if own is not None:
            return own
    if isinstance(target, ModuleType):
        from importlib import resources

        from careerkit._toml import read_toml

        found: list[tuple[Document, str]] = []
        folder = resources.files(target)
        for entry in sorted(folder.iterdir(), key=lambda item: item.name):
            if not entry.name.endswith(".toml") or _path_of(entry) in leave_out:
                continue
            origin = f"{provider}: {target.__name__}/{entry.name}"
            data = read_toml(entry.read_text(encoding="utf-8"), origin)
            document = _document(data, origin, own=provider == "careerkit")
            expected = entry.name.removesuffix(".toml")
            if isinstance(document, Career | Pending) and document.id != expected:
                raise ProfileLoadError(
                    origin,
                    [("id", f"{entry.name} must hold career {expected!r}, not {document.id!r}")],
                )
            found.append((document, origin))
        return found
    if callable(target):
        origin = f"{provider}: {entry_point.value}()"
        items = list(target())
        for item in items:
            if not isinstance(item, Career | CareerExtension):
                raise ProfileLoadError(
                    origin,
                    [("", f"returned {type(item).__name__}, not a Career or CareerExtension")],
                )
        return [(item, origin) for item in items]
    raise ProfileLoadError(
        provider,
        [
            (
                "",
                f"entry point {entry_point.value!r} is neither a package of TOML profiles nor a callable",
            )
        ],
    )


KEYS_FILE = "keys.json"
"""In careerkit's own profiles folder: each file's keys, SOC code and CRC-32 (``tools/profile_keys.py``)."""


def _own_documents(
    package: ModuleType, leave_out: frozenset[str]
) -> list[tuple[Document, str]] | None:
    """careerkit's own profiles as pending careers, their keys from :data:`KEYS_FILE`.

    A file whose CRC-32 differs from the one recorded (edited since) is parsed
    for its keys instead; ``None`` where the folder is not on disk (a zipped
    install), so that the general reader is used.
    """
    import json
    import os
    import zlib

    from careerkit._toml import read_toml

    folder = os.path.dirname(package.__file__ or "")
    try:
        with open(os.path.join(folder, KEYS_FILE), encoding="utf-8") as file:
            recorded: dict[str, dict[str, Any]] = json.load(file)
        names = sorted(name for name in os.listdir(folder) if name.endswith(".toml"))
    except (OSError, ValueError):
        return None
    found: list[tuple[Document, str]] = []
    for name in names:
        path = os.path.join(folder, name)
        if os.path.realpath(path) in leave_out:
            continue
        with open(path, "rb") as file:
            raw = file.read()
        origin = f"careerkit: {package.__name__}/{name}"
        entry = recorded.get(name)
        document: Document
        if entry is not None and entry["crc32"] == zlib.crc32(raw):
            text = raw.decode("utf-8")
            document = Pending(entry["id"], tuple(entry["keys"]), entry["soc"], text, origin)
        else:
            document = _document(read_toml(raw.decode("utf-8"), origin), origin, own=True)
        expected = name.removesuffix(".toml")
        if isinstance(document, Career | Pending) and document.id != expected:
            raise ProfileLoadError(
                origin, [("id", f"{name} must hold career {expected!r}, not {document.id!r}")]
            )
        found.append((document, origin))
    return found


def own_keys(package: ModuleType) -> dict[str, dict[str, Any]]:
    """What :data:`KEYS_FILE` records for the profiles in *package*, computed from the files."""
    import os
    import zlib

    from careerkit._toml import read_toml

    folder = os.path.dirname(package.__file__ or "")
    recorded = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".toml"):
            with open(os.path.join(folder, name), "rb") as file:
                raw = file.read()
            data = read_toml(raw.decode("utf-8"), name)
            if "extends" not in data:
                pending = Pending.from_data(data, name)
                recorded[name] = {
                    "id": pending.id,
                    "soc": pending.soc,
                    "keys": list(pending.keys),
                    "crc32": zlib.crc32(raw),
                }
    return recorded


def _document(data: dict[str, Any], origin: str, *, own: bool) -> Document:
    """The document a parsed profile file holds: careerkit's own careers stay pending."""
    if own and "extends" not in data:
        try:
            return Pending.from_data(data, origin)
        except (KeyError, TypeError, AttributeError):
            pass  # malformed: building it now gives the error, with its field paths
    from careerkit.serialization import document_from_data

    return document_from_data(data, origin=origin)


def _path_of(entry: object) -> str | None:
    """The resolved file-system path of a package resource, where it is a file on disk."""
    from pathlib import Path

    return str(entry.resolve()) if isinstance(entry, Path) else None


def _check_new_keys(
    merged: Career, base: Career, staged: dict[str, tuple[Career | Pending, str, str]], origin: str
) -> None:
    """Refuse an extension whose new keys (aliases, codes) another career answers to."""
    before = {normalize_key(key) for key in lookup_keys(base)}
    added = [key for key in lookup_keys(merged) if normalize_key(key) not in before]
    for other_id, (other, other_origin, _) in staged.items():
        if other_id == merged.id:
            continue
        keys = other.keys if isinstance(other, Pending) else lookup_keys(other)
        theirs = {normalize_key(key) for key in keys}
        for key in added:
            if normalize_key(key) in theirs:
                raise DuplicateProfileError(key, (other_id, other_origin), (merged.id, origin))


def _entry_points() -> list[EntryPoint | OwnProfiles]:
    """Every ``careerkit.profiles`` entry point, careerkit's own first.

    Where no other distribution can declare one (:func:`plugins_possible`), that
    is careerkit's own alone, and importlib.metadata (about as costly to import
    as attrs) is not needed.
    """
    if not plugins_possible():
        return [OwnProfiles()]
    from importlib.metadata import entry_points

    found: list[EntryPoint | OwnProfiles] = list(entry_points(group=GROUP))
    if not any(_provider(ep) == "careerkit" for ep in found):  # run from a source tree
        found.append(OwnProfiles())
    # careerkit's own profiles first, so a plug-in never displaces a built-in
    return sorted(found, key=lambda ep: (_provider(ep) != "careerkit", _provider(ep), ep.name))


_OWN_SECTION = {"careerkit = careerkit.profiles"}


def plugins_possible() -> bool:
    """Whether a distribution other than careerkit may declare a ``careerkit.profiles`` entry point.

    A quick look at what importlib.metadata reads: the ``entry_points.txt`` of
    every ``*.dist-info`` and ``*.egg-info`` folder in each ``sys.path``
    folder. It answers yes for any of them but careerkit's own that names the
    group, and for anything else importlib.metadata could read that this look
    does not (a zip file on ``sys.path``, an ``.egg-info`` file, a finder of
    distributions on ``sys.meta_path``); then importlib.metadata looks properly.
    """
    import os
    import sys
    from importlib.machinery import PathFinder

    for finder in sys.meta_path:
        if finder is PathFinder or _reads_sys_path(finder):
            continue
        if hasattr(finder, "find_distributions"):
            return True
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as folder:
                infos = [item for item in folder if item.name.endswith((".dist-info", ".egg-info"))]
        except NotADirectoryError:
            return True  # a zip: importlib.metadata reads inside it
        except OSError:
            continue  # a folder that does not exist: nothing there to read
        for info in infos:
            if not info.is_dir():
                return True
            try:
                with open(os.path.join(info.path, "entry_points.txt"), encoding="utf-8") as file:
                    text = file.read()
            except FileNotFoundError:
                continue
            except OSError:
                return True
            if GROUP in text and not _only_careerkit(info.name, text):
                return True
    return False


def _reads_sys_path(finder: object) -> bool:
    """The importlib_metadata backport's finder (dask and others install it): it reads the
    same ``sys.path`` folders as the standard library's, which the quick look reads too."""
    kind = type(finder)
    return kind.__name__ == "MetadataPathFinder" and kind.__module__ == "importlib_metadata"


def _only_careerkit(folder: str, text: str) -> bool:
    """Whether *text*, the entry points of the distribution in *folder*, are careerkit's own."""
    name = folder.split("-", 1)[0].lower().replace("_", "-").replace(".", "-")
    if name != "careerkit":
        return False
    section, lines = "", set()
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif line and section == f"[{GROUP}]":
            lines.add(" ".join(line.replace("=", " = ").split()))
    return lines == _OWN_SECTION


_default: Registry | None = None
_lock = threading.Lock()


def default_registry() -> Registry:
    """The registry behind :func:`get` and :func:`careers`, loaded once, thread-safely."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Registry.from_entry_points()
    return _default


def forget_default() -> None:
    """Drop the default registry (and the search index built on it): the next lookup loads
    it again, as when the OEWS release in use changes."""
    global _default
    with _lock:
        _default = None
    import sys

    search = sys.modules.get("careerkit._search")
    if search is not None:
        search._get_index.cache_clear()


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

    Building all of them reads the whole catalogue (about a second and a half);
    :func:`get` builds one.

    >>> import careerkit
    >>> len(careerkit.careers()) >= 830
    True
    >>> [career.id for career in careerkit.careers(group="27")][:2]
    ['actors', 'art-directors']
    """
    return default_registry().careers(group=group)
