"""The citations of a record: every ``source`` and ``via`` in the attrs tree below it.

:meth:`~careerkit.model.facts.CareerFacts.citations` walks a career with it, so that a
fact citing a source the profile does not define fails at construction.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator

import attrs

from careerkit.model import _checks

__all__ = ["citations"]


def _classes_in(hint: object) -> Iterator[type]:
    """The attrs classes a type hint can hold: ``Text | None`` -> Text; ``tuple[Fact, ...]`` -> Fact."""
    if isinstance(hint, type) and attrs.has(hint):
        yield hint
    for arg in typing.get_args(hint):
        yield from _classes_in(arg)


@functools.cache
def _plan(kind: type) -> tuple[tuple[str, bool], ...]:
    """The fields of *kind* that may lead to a citation: ``(name, is_the_citation)``.

    A field named ``source`` or ``via`` is a citation; a field whose type can hold a
    class with citations is walked; the rest (text, dates, amounts) are skipped, so
    that checking a career with hundreds of pay bands stays cheap.
    """
    hints = typing.get_type_hints(kind)
    plan = []
    for field in attrs.fields(kind):
        if field.name in ("source", "via"):
            plan.append((field.name, True))
        elif any(_plan(inner) for inner in _classes_in(hints[field.name])):
            plan.append((field.name, False))
    return tuple(plan)


_SOURCE_ONLY = (("source", True),)


def citations(value: attrs.AttrsInstance, path: str) -> Iterator[tuple[str, str]]:
    """Walk the attrs tree below *value*, yielding each ``source`` and ``via`` it cites."""
    for name, cites in _plan(type(value)):
        item = getattr(value, name)
        here = _checks.join_path(path, name)
        if cites:
            if isinstance(item, str):
                yield here, item
        elif isinstance(item, tuple):
            for index, element in enumerate(item):
                kind: type = type(element)
                plan = _plan(kind) if attrs.has(kind) else ()
                if plan == _SOURCE_ONLY:  # most facts, every pay band: no walk needed
                    if isinstance(element.source, str):
                        yield f"{here}[{index}].source", element.source
                elif plan:
                    yield from citations(element, f"{here}[{index}]")
        elif item is not None:
            yield from citations(item, here)
