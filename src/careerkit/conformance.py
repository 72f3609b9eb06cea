"""Conformance: the checks careerkit runs on its own profiles, for any profile.

:func:`check_profile` is what a downstream package calls in its tests (also
available from :mod:`careerkit.testing`); ``careerkit validate`` reports the same
problems for files on disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

import careerkit as ck

__all__ = ["check_profile", "own_facts", "profile_problems"]


def own_facts(career: ck.Career) -> ck.Career:
    """*career* as its profile states it, without what others added to it: what
    :func:`check_profile` judges.

    A source with a ``provider`` came from elsewhere (the catalogue's, where the career
    extends a catalogue occupation; an extension's, from another package), and so did
    every fact citing one: they are left out, with those sources. The profile answers
    for the rest.

    >>> import careerkit
    >>> career = careerkit.get("customer-service")  # extends 43-4051: BLS's bands join it
    >>> len(career.pay_bands("US")) > 2, len(own_facts(career).pay_bands("US"))
    (True, 1)
    """
    added = frozenset(source.id for source in career.sources if source.provider is not None)
    if not added:
        return career
    changes: dict[str, Any] = {"sources": tuple(s for s in career.sources if s.id not in added)}
    for field in attrs.fields(type(career)):
        value = getattr(career, field.name)
        if isinstance(value, tuple) and value and attrs.has(type(value[0])):
            if any(getattr(item, "source", None) in added for item in value):
                changes[field.name] = tuple(
                    item for item in value if getattr(item, "source", None) not in added
                )
        elif attrs.has(type(value)) and getattr(value, "source", None) in added:
            changes[field.name] = None
    return attrs.evolve(career, **changes)


def _texts(value: object, path: str) -> Iterator[tuple[str, ck.Text]]:
    """The texts of *value* and the facts in it."""
    for field in attrs.fields(type(value)):  # type: ignore[arg-type]
        if field.name in ("sources", "occupation_codes"):
            continue  # citations and classification titles: English may be all there is
        item = getattr(value, field.name)
        items = item if isinstance(item, tuple) else (item,)
        for index, element in enumerate(items):
            here = f"{path}{field.name}" + (f"[{index}]" if isinstance(item, tuple) else "")
            if isinstance(element, ck.Text):
                yield here, element
            elif attrs.has(type(element)):
                yield from _texts(element, here + ".")


def profile_problems(career: ck.Career, *, require_hindi: bool = False) -> list[str]:
    """What :func:`check_profile` finds wrong with *career*, one message each.

    >>> import careerkit
    >>> profile_problems(careerkit.get("news analysts reporters and journalists"))
    []
    """
    return [
        f"{path}: {message}" if path else message
        for path, message in _located_problems(career, require_hindi=require_hindi)
    ]


def _located_problems(career: ck.Career, *, require_hindi: bool = False) -> list[tuple[str, str]]:
    """:func:`profile_problems` as ``(field path, message)`` pairs; the path is ``""`` for
    a problem of the whole profile (``careerkit validate`` finds each path's line)."""
    from careerkit.errors import CareerkitError, DataNotAvailableError, wrong_type

    if not isinstance(career, ck.Career):
        raise wrong_type("a Career", career, "career")
    if not isinstance(require_hindi, bool):
        raise wrong_type("True or False", require_hindi, "require_hindi")
    career = own_facts(career)
    problems: list[tuple[str, str]] = []
    try:
        if ck.from_toml(ck.to_toml(career)) != career:
            problems.append(("", "the profile does not survive a TOML dump and load unchanged"))
    except CareerkitError as error:
        problems.append(("", f"the dumped profile does not load back: {error}"))
    cited = {source_id for _, source_id in career.citations()}
    problems += [
        (f"sources[{index}].id", f"{source.id!r} is defined but no fact cites it")
        for index, source in enumerate(career.sources)
        if source.id not in cited
    ]
    for index, band in enumerate(career.pay):
        try:
            band.convert(period="year")
            if band.reference_date is not None and band.currency != "USD":
                band.convert(currency="USD")
        except DataNotAvailableError:
            pass  # a real currency or date careerkit has no series for: not the profile's fault
        except CareerkitError as error:
            problems.append((f"pay[{index}]", f"cannot be converted: {error}"))
    if require_hindi:
        problems += [
            (path, "no Hindi text (require_hindi: every fact in Hindi as well as English)")
            for path, text in _texts(career, "")
            if text.hi is None
        ]
    return problems


def check_profile(career: ck.Career, *, require_hindi: bool = False) -> None:
    """Fail (``AssertionError``) unless *career* meets careerkit's own bar.

    It judges what the profile itself states (:func:`~careerkit.testing.own_facts`): where the career
    extends a catalogue occupation, or another package extends it, what they added
    is theirs to answer for. It must survive a TOML round trip unchanged, cite every
    source it defines, and have pay bands that convert (to a year, and to USD at their
    date where careerkit has the rates). With ``require_hindi=True`` (``careerkit
    validate --require-hindi``), as careerkit's own India-facing profiles are held to,
    every fact must be in Hindi as well as English.
    """
    problems = profile_problems(career, require_hindi=require_hindi)
    if problems:
        raise AssertionError(
            f"career {career.id!r} does not conform:\n" + "\n".join(f"  {p}" for p in problems)
        )
