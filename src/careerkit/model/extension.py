"""Merging an extension into the career it extends."""

from __future__ import annotations

import attrs

from careerkit.errors import DuplicateProfileError, ValidationError
from careerkit.model.career import Career, CareerExtension
from careerkit.model.facts import FACT_LISTS

__all__ = ["ADDABLE", "merge"]

ADDABLE = ("aliases", *FACT_LISTS, "preparation")
"""The fields an extension adds to: every list of facts, the aliases and the codes, and the
preparation where the career has none."""


def merge(career: Career, extension: CareerExtension, provider: str) -> Career:
    """*career* with *extension*'s facts added, its sources marked as *provider*'s.

    Adding never replaces: a source id or code system the career already has, or a
    ``preparation`` where the career has one, raises
    :class:`~careerkit.DuplicateProfileError` naming the provider.
    """
    if extension.extends != career.id:
        raise ValidationError(
            f"the extension is for {extension.extends!r}, not {career.id!r}", field="extends"
        )
    own = {source.id for source in career.sources}
    for source in extension.sources:
        if source.id in own:
            raise DuplicateProfileError(
                source.id,
                (career.id, "its own sources"),
                (career.id, f"an extension from {provider}"),
                kind="source id",
                rule="an extension adds sources under ids the career does not use",
            )
    sources = tuple(
        source if source.provider else attrs.evolve(source, provider=provider)
        for source in extension.sources
    )
    added = {name: getattr(career, name) + getattr(extension, name) for name in ADDABLE[:-1]}
    if extension.preparation is not None:
        if career.preparation is not None:
            raise DuplicateProfileError(
                "preparation",
                (career.id, "its own profile"),
                (career.id, f"an extension from {provider}"),
                kind="field",
                rule="an extension adds, it does not replace: the career has a preparation",
            )
        added["preparation"] = extension.preparation
    try:
        return attrs.evolve(career, sources=career.sources + sources, **added)
    except ValidationError as error:
        raise DuplicateProfileError(
            str(error.field),
            (career.id, "its own profile"),
            (career.id, f"an extension from {provider}"),
            kind="field",
            rule=f"an extension adds, it does not replace: {error.message}",
        ) from None
