"""Profiles: careerkit's own TOML files and plug-ins', found through one entry-point group.

Profiles come through the ``careerkit.profiles`` entry-point group, careerkit's
own included: a package points an entry point at a package of TOML files (a
career per file, named after its id, or an extension with ``extends = ...``) or
at a callable returning careers and extensions. Each installed distribution with
such an entry point is a *provider*; ``_installed()`` lists them, careerkit's
own first, each with what loads its documents, and
``careerkit.catalogue._assembly`` joins what they give with the catalogue's
occupations for the registry.

careerkit's own profiles stay pending (``Pending``) until asked for: their keys
come from ``KEYS_FILE``. Where no other distribution can declare an entry point
(``plugins_possible()``), importlib.metadata is not imported at all.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

from careerkit.errors import ProfileLoadError
from careerkit.model import _keys
from careerkit.model.career import Career, CareerExtension
from careerkit.model.codes import CodeSystem

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint
    from pathlib import Path


class Names(NamedTuple):
    """What a career is called and says of itself: titles, aliases, summary texts."""

    title: str
    hindi_title: str | None
    aliases: tuple[str, ...]
    summaries: tuple[str, ...]

    @classmethod
    def of(cls, career: Career) -> Names:
        """*career*'s names and summary texts."""
        texts = (text for fact in career.summary for text in (fact.text.en, fact.text.hi))
        return cls(
            career.title.en, career.title.hi, tuple(career.aliases), tuple(filter(None, texts))
        )


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
        *,
        extends: str | None = None,
        replaces: str | None = None,
    ) -> None:
        self.id, self.keys, self.soc = career_id, keys, soc
        # the catalogue occupation the career declares it extends or replaces (Career's fields)
        self.extends, self.replaces = extends, replaces
        self._document, self._origin = document, origin  # the file's text, or its table

    @classmethod
    def from_data(cls, data: dict[str, Any], origin: str) -> Pending:
        """The pending career of a parsed profile (``KeyError``/``TypeError`` if malformed)."""
        codes = [(code["system"], code["code"]) for code in data.get("occupation_codes", ())]
        soc = next((code for system, code in codes if system == CodeSystem.SOC_2018), None)
        title = data["title"]
        keys = tuple(
            _keys.keys(data["id"], data.get("aliases", ()), codes, (title["en"], title.get("hi")))
        )
        if not all(isinstance(key, str) for key in keys):
            raise TypeError("a key is not text")
        extends, replaces = data.get("extends"), data.get("replaces")
        if not all(isinstance(value, str | None) for value in (extends, replaces)):
            raise TypeError("extends or replaces is not text")
        return cls(data["id"], keys, soc, data, origin, extends=extends, replaces=replaces)

    def names(self) -> Names:
        """The career's titles, aliases and summary texts, read from its file without building
        it (careerkit's own profiles are correct by test): what search indexes."""
        from careerkit._toml import read_toml

        data = self._document
        if isinstance(data, str):
            data = read_toml(data, self._origin)
        title = data["title"]
        summaries = [fact.get("text", {}) for fact in data.get("summary", ())]
        return Names(
            title["en"],
            title.get("hi"),
            tuple(data.get("aliases", ())),
            tuple(
                text for found in summaries for text in (found.get("en"), found.get("hi")) if text
            ),
        )

    def build(self) -> Career:
        from careerkit._toml import read_toml
        from careerkit.serialization import from_dict

        data = self._document
        if isinstance(data, str):
            data = read_toml(data, self._origin)
        return from_dict(data, origin=self._origin)


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


def beside_installed(documents: Iterable[tuple[Path, Document]]) -> list[tuple[str, Loader]]:
    """The installed providers, then each of these files as a provider of its own, named by
    its path (``careerkit validate``, through :func:`careerkit.registry.with_files`).

    An installed file at the path of one of them (an editable install of the package
    being checked) is left out, so a file is never compared with itself.
    """
    files = list(documents)
    leave_out = frozenset(str(path.resolve()) for path, _ in files)
    own: list[tuple[str, Loader]] = [
        (str(path), functools.partial(_given, document, str(path))) for path, document in files
    ]
    return [*_installed(leave_out), *own]


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
            document = Pending(
                entry["id"],
                tuple(entry["keys"]),
                entry["soc"],
                text,
                origin,
                extends=entry.get("extends"),
                replaces=entry.get("replaces"),
            )
        else:  # edited since KEYS_FILE was written: parsed (only then is the parser imported)
            from careerkit._toml import read_toml

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
    from careerkit.serialization import is_extension

    folder = os.path.dirname(package.__file__ or "")
    recorded = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".toml"):
            with open(os.path.join(folder, name), "rb") as file:
                raw = file.read()
            data = read_toml(raw.decode("utf-8"), name)
            if not is_extension(data):
                pending = Pending.from_data(data, name)
                recorded[name] = {
                    "id": pending.id,
                    "soc": pending.soc,
                    "keys": list(pending.keys),
                    "crc32": zlib.crc32(raw),
                }
                for claim in ("extends", "replaces"):  # recorded only where declared
                    if getattr(pending, claim) is not None:
                        recorded[name][claim] = getattr(pending, claim)
    return recorded


def _document(data: dict[str, Any], origin: str, *, own: bool) -> Document:
    """The document a parsed profile file holds: careerkit's own careers stay pending."""
    if own and not ("extends" in data and "id" not in data):  # a career, not an extension
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
