"""Putting the US occupation catalogue into a registry, by one rule.

A career that claims an occupation's SOC code *is* that occupation: the
catalogue extends it with the release's facts (lazily, when it is first asked
for) rather than adding a twin. A career answering to any other key of a
catalogue occupation (its id, BLS title, SOC or O*NET-SOC code) clashes with
it, and is skipped with a warning, as any clash between plug-ins is. Every
other occupation becomes a career of its own, built on first request.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from careerkit.errors import DuplicateProfileError, ValidationError, shown, wrong_type
from careerkit.model._checks import normalize_key
from careerkit.model.career import Career
from careerkit.model.codes import CodeSystem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from careerkit.catalogue import Occupation
    from careerkit.registry import Pending, Registry


def origin() -> str:
    """Where catalogue careers come from, as clash messages and :meth:`Registry.origin` name it:
    ``"careerkit: catalogue (BLS OEWS May 2025, O*NET 29.2)"`` for the shipped release."""
    from careerkit.catalogue import release, release_label

    return f"careerkit: catalogue ({release_label()}, O*NET {release()['onet_version']})"


def occupation_keys(occupation: Occupation) -> Iterator[str]:
    """The keys a catalogue occupation answers to: id, title, SOC code (both forms), O*NET code."""
    yield occupation.id
    yield occupation.title
    yield occupation.soc
    yield occupation.soc.replace("-", "")
    if occupation.onet:
        yield occupation.onet


def _normal_keys(occupation: Occupation) -> dict[str, str]:
    """``{normalized key: key}`` for :func:`occupation_keys`, without normalizing
    (:meth:`~careerkit.catalogue.Occupation.lookup_keys`)."""
    return occupation.lookup_keys()


def _extended(career: Career | Pending, soc: str) -> Career:
    from careerkit.catalogue import extension
    from careerkit.model.extension import merge
    from careerkit.registry import Pending

    base = career.build() if isinstance(career, Pending) else career
    return merge(base, extension(soc, base), "careerkit")


def _standalone(soc: str) -> Career:
    from careerkit.catalogue import career

    return career(soc)


def add_with_catalogue(
    registry: Registry, staged: list[tuple[Career | Pending, str, str]], *, strict: bool
) -> None:
    """Add the *staged* ``(career, origin, provider)`` and the catalogue to *registry*."""
    from careerkit.catalogue import occupations
    from careerkit.registry import Pending, lookup_keys

    index = occupations()
    catalogue = origin()
    keys = {soc: _normal_keys(occupation) for soc, occupation in index.items()}
    reserved = {normal: soc for soc, normals in keys.items() for normal in normals}
    claimed: set[str] = set()
    for career, where, provider in staged:
        if isinstance(career, Pending):
            soc, own = career.soc, list(career.keys)
        else:
            soc, own = career.codes.get(CodeSystem.SOC_2018), list(lookup_keys(career))
        occupation = index.get(soc) if soc is not None else None
        try:
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
                registry._add(career, where)
            else:
                registry._claim(
                    career.id,
                    [*own, *occupation_keys(occupation)],
                    functools.partial(_extended, career, occupation.soc),
                    f"{where} + {catalogue}",
                )
                claimed.add(occupation.soc)
                registry._groups[career.id] = occupation.major
        except DuplicateProfileError as error:
            registry._skip(provider, error, strict)
    for occupation in index.values():
        if occupation.soc not in claimed:
            registry._claim_normalized(
                occupation.id,
                keys[occupation.soc],
                functools.partial(_standalone, occupation.soc),
                catalogue,
            )
            registry._groups[occupation.id] = occupation.major


_GROUP = re.compile(r"([0-9]{2})(?:-?0000)?\Z")


def group_code(group: object) -> str:
    """The SOC major group *group* names (``"29"`` or ``"29-0000"``), as ``"29-0000"``."""
    from careerkit.catalogue import major_groups

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
