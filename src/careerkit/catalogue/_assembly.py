"""What a registry registers: the profiles' careers, extended, and the catalogue's occupations.

Profiles come from providers (:mod:`careerkit.catalogue.sources.profiles`: careerkit's
own and each plug-in's), in order. A provider whose documents do not load, or that gives
a career another gives too, is skipped as a whole; an extension of a career that does not
exist, or whose new keys another career answers to, is skipped alone; the registry
reports each skip (its ``skip``), naming the provider.

Then the catalogue: a career that claims an occupation's SOC code *is* that
occupation, and says how: ``extends = "27-3023"`` (the catalogue extends it with the
sources' facts, lazily, when it is first asked for) or ``replaces = "27-3023"`` (the
catalogue adds nothing); either way the occupation's keys lead to it and no twin is
made. A career that claims the code without saying either is extended, with a
:class:`~careerkit.CareerkitWarning` naming it and the occupation (``warn``). A career
answering to any other key of a catalogue occupation (its id, BLS title, SOC or
O*NET-SOC code) clashes with it, and is skipped with a warning, as any clash between
plug-ins is. Every other occupation becomes a career of its own, built on first request.

The registry hands over how it takes a career (``register``) and how it reports a
provider it skips (``skip``); nothing here imports it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol

from careerkit.catalogue._careers import career as _standalone
from careerkit.catalogue._careers import extension
from careerkit.catalogue._releases import Occupation, major_groups, occupations, release
from careerkit.catalogue.sources.oews import release_label
from careerkit.catalogue.sources.onet_details import specialty_keys
from careerkit.catalogue.sources.profiles import Names, Pending
from careerkit.errors import (
    CareerkitError,
    DuplicateProfileError,
    ProfileLoadError,
    ValidationError,
    shown,
    wrong_type,
)
from careerkit.model._checks import normalize_key
from careerkit.model._keys import lookup_keys, normalized
from careerkit.model.career import Career, CareerExtension
from careerkit.model.codes import CodeSystem

if TYPE_CHECKING:
    from careerkit.catalogue.sources.profiles import Loader

Staged = tuple[Career | Pending, str, str]
"""A career (or a profile of careerkit's own, not yet built), where it came from, its provider."""


class Register(Protocol):
    """How a registry takes a career (``Registry._claim_normalized``)."""

    def __call__(
        self,
        career_id: str,
        claims: dict[str, str],
        career: Career | Callable[[], Career],
        origin: str,
        group: str | None = None,
    ) -> None:
        """Register *career* (or what builds it) under *claims*, ``{normalized key: key as
        written}``, from *origin*, in SOC major group *group* where the catalogue knows it;
        :class:`~careerkit.DuplicateProfileError` where a key is taken."""


Skip = Callable[[str, Exception], None]
"""How a registry reports a provider it skips, with why (or raises, when strict)."""

Warn = Callable[[str, str], None]
"""How a registry reports what it registers but warns about: the provider, the message."""


def origin() -> str:
    """Where catalogue careers come from, as clash messages and :meth:`Registry.origin` name it:
    ``"careerkit: catalogue (BLS OEWS May 2025, O*NET 29.2)"`` for the shipped release."""
    return f"careerkit: catalogue ({release_label()}, O*NET {release()['onet_version']})"


def assemble(
    providers: Iterable[tuple[str, Loader]],
    register: Register,
    skip: Skip,
    *,
    extensions: bool,
    catalogue: bool,
    warn: Warn | None = None,
) -> None:
    """Register what *providers* give, each ``(name, loader)``, in their order, and (with
    *catalogue*) the catalogue's occupations; ``extensions=False`` leaves extensions out.
    *warn* hears of each career that claims an occupation's SOC code without declaring
    whether it extends or replaces it."""
    staged = _staged(providers, skip, extensions=extensions)
    if not catalogue:
        for career, where, owner in staged:
            try:
                _register(register, career, where)
            except DuplicateProfileError as error:
                skip(owner, error)
        return
    _with_catalogue(staged, register, skip, warn or (lambda provider, message: None))


def _register(register: Register, career: Career | Pending, where: str) -> None:
    if isinstance(career, Pending):
        register(career.id, normalized(career.keys), career.build, where)
    else:
        register(career.id, normalized(lookup_keys(career)), career, where)


def _staged(
    providers: Iterable[tuple[str, Loader]], skip: Skip, *, extensions: bool
) -> list[Staged]:
    """The careers *providers* give, each with its extensions merged, by id."""
    from careerkit.model.extension import merge

    staged: dict[str, Staged] = {}
    extending: list[tuple[CareerExtension, str, str]] = []
    for provider, load in providers:
        try:
            documents = load()
            careers: dict[str, Staged] = {}
            for document, where in documents:
                if isinstance(document, Career | Pending):
                    claimed = staged.get(document.id) or careers.get(document.id)
                    if claimed is not None:
                        raise DuplicateProfileError(
                            document.id, (document.id, claimed[1]), (document.id, where)
                        )
                    careers[document.id] = (document, where, provider)
        except Exception as error:  # a plug-in's own code may raise anything
            skip(provider, error)
            continue
        staged.update(careers)
        extending += [
            (document, where, provider)
            for document, where in documents
            if isinstance(document, CareerExtension)
        ]
    for added, where, provider in extending if extensions else ():
        try:
            if added.extends not in staged:
                known = ", ".join(sorted(staged))
                raise ProfileLoadError(
                    where,
                    [
                        (
                            "extends",
                            f"there is no career {added.extends!r} to extend; known: {known}",
                        )
                    ],
                )
            base, base_origin, owner = staged[added.extends]
            if isinstance(base, Pending):
                base = base.build()
            merged = merge(base, added, provider)
            _check_new_keys(merged, base, staged, where)
            staged[added.extends] = (merged, f"{base_origin} + {where}", owner)
        except CareerkitError as error:
            skip(provider, error)
    return list(staged.values())


def _check_new_keys(merged: Career, base: Career, staged: dict[str, Staged], where: str) -> None:
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
                raise DuplicateProfileError(key, (other_id, other_origin), (merged.id, where))


def names(held: Career | Callable[[], Career]) -> Names:
    """The names and summary texts of a registered career (``Registry._careers``), without
    building it where it is one of careerkit's own pending profiles."""
    if isinstance(held, Career):
        return Names.of(held)
    pending = getattr(held, "__self__", None)  # Pending.build
    if isinstance(held, functools.partial) and held.func is _extended:
        pending = held.args[0]
    if isinstance(pending, Pending):
        return pending.names()
    if isinstance(pending, Career):
        return Names.of(pending)
    return Names.of(held())


def _extended(career: Career | Pending, soc: str) -> Career:
    from careerkit.model.extension import merge

    base = career.build() if isinstance(career, Pending) else career
    return merge(base, extension(soc, base), "careerkit")


def _claimed(
    career: Career | Pending, soc: str | None, where: str, ids: dict[str, str]
) -> tuple[Occupation | None, str | None]:
    """The catalogue occupation *career* is, and how it declares it (``"extends"``,
    ``"replaces"`` or ``None`` where it only claims the occupation's SOC code *soc*)."""
    index = occupations()
    for how in ("extends", "replaces"):
        declared: str | None = getattr(career, how)
        if declared is None:
            continue
        code = declared if declared in index else ids.get(declared)
        if code is None:
            why = (
                f"{declared!r} is no occupation of the catalogue ({release_label()}): give a "
                "detailed SOC code such as '27-3023', or an id 'careerkit list' shows"
            )
            raise ProfileLoadError(where, [(how, why)])
        occupation = index[code]
        if soc is not None and soc != code:
            why = (
                f"{declared!r} is the catalogue occupation {code} ({occupation.title}), but the "
                f"career claims SOC code {soc}: a career {how} the occupation whose code it claims"
            )
            raise ProfileLoadError(where, [(how, why)])
        return occupation, how
    return (index.get(soc) if soc is not None else None), None


def _with_catalogue(staged: list[Staged], register: Register, skip: Skip, warn: Warn) -> None:
    """Register the *staged* ``(career, origin, provider)`` and the catalogue's occupations."""
    index = occupations()
    ids = {occupation.id: soc for soc, occupation in index.items()}
    catalogue = origin()
    # {normalized key: key}, without normalizing (Occupation.lookup_keys)
    keys = {soc: occupation.lookup_keys() for soc, occupation in index.items()}
    reserved = {normal: soc for soc, normals in keys.items() for normal in normals}
    for code, extra in specialty_keys().items():  # a specialty's code and title lead to its
        for normal, key in extra.items():  # career, where no occupation's do
            if code in keys and normal not in reserved:
                keys[code][normal] = key
                reserved[normal] = code
    claimed: set[str] = set()
    for career, where, provider in staged:
        if isinstance(career, Pending):
            soc, own = career.soc, list(career.keys)
        else:
            soc, own = career.codes.get(CodeSystem.SOC_2018), list(lookup_keys(career))
        try:
            occupation, how = _claimed(career, soc, where, ids)
            for key in own:
                other = reserved.get(normalize_key(key))
                if other is not None and (occupation is None or other != occupation.soc):
                    raise DuplicateProfileError(
                        key,
                        (index[other].id, catalogue),
                        (career.id, where),
                        rule="a career that is a catalogue occupation claims its SOC code "
                        "(the catalogue then extends it); no other career may answer to "
                        "its id, title or codes",
                    )
            if occupation is None:
                _register(register, career, where)
            elif how == "replaces":  # the occupation's keys lead to the career, as it is
                register(
                    career.id,
                    normalized([*own, *keys[occupation.soc].values()]),
                    career.build if isinstance(career, Pending) else career,
                    f"{where} (replacing {occupation.soc} of {catalogue})",
                    occupation.major,
                )
                claimed.add(occupation.soc)
            else:
                register(
                    career.id,
                    normalized([*own, *keys[occupation.soc].values()]),
                    functools.partial(_extended, career, occupation.soc),
                    f"{where} + {catalogue}",
                    occupation.major,
                )
                claimed.add(occupation.soc)
                if how is None:  # taken as extending it, and said so
                    warn(provider, _undeclared(career.id, where, occupation))
        except ProfileLoadError as error:  # a clash (DuplicateProfileError), a wrong claim
            skip(provider, error)
    for occupation in index.values():
        if occupation.soc not in claimed:
            register(
                occupation.id,
                keys[occupation.soc],
                functools.partial(_standalone, occupation.soc),
                catalogue,
                occupation.major,
            )


def _undeclared(career_id: str, where: str, occupation: Occupation) -> str:
    """The warning for a career that claims *occupation*'s SOC code without saying how."""
    return (
        f"career {career_id!r} ({where}) claims SOC code {occupation.soc}, the catalogue "
        f"occupation {occupation.id!r} ({occupation.title}), without declaring whether it "
        f"extends or replaces it: it is taken as extending it (the catalogue adds its figures "
        f"and {occupation.id!r} leads to {career_id!r}). Declare extends = "
        f'"{occupation.soc}" or replaces = "{occupation.soc}" in the profile'
    )


_GROUP = re.compile(r"([0-9]{2})(?:-?0000)?\Z")


def group_code(group: object) -> str:
    """The SOC major group *group* names (``"29"`` or ``"29-0000"``), as ``"29-0000"``."""
    if not isinstance(group, str):
        raise wrong_type("a SOC major group code such as '29-0000'", group, "group")
    found = _GROUP.match(group.strip())
    code = f"{found.group(1)}-0000" if found else ""
    if code not in major_groups():
        listed = ", ".join(major_groups())
        raise ValidationError(
            f"{shown(group)} is not a SOC major group; the groups are {listed}", field="group"
        )
    return code
