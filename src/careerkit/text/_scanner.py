"""An alternation of named patterns, tried at each position only where it can start: pay text's tokenizer.

A regular expression of many alternatives (``(?P<number>...)|(?P<word>...)|...``)
tries each of them in turn at every position, and most fail at once on the first
character. :class:`Scanner` reads, once, which characters each alternative can
start with (from Python's own parse of the pattern), and at a position tries only
the alternatives that can start with the character there, in their order. An
alternative left out cannot match there, so the first that matches is the one the
whole alternation would match, with the same extent: the tokens are the same, only
found sooner. Where the parse cannot be read (a pattern construct this module does
not know, or another Python's parser: ``re._parser`` is CPython's own, not a public
interface), an alternative counts as able to start anywhere: slower, never
different. Each alternative must stand alone (no reference to another's group), as
each is compiled beside only some of the others. Threads may share a scanner: what
it keeps is only ever added, and the same for every thread.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any

_CACHED_CHARACTERS = 4096
"""At most this many characters keep their pattern; others are sorted again each time."""

_ANYWHERE = None
"""An alternative's starting characters where they are not known: any character."""

_Starts = list[re.Pattern[str]] | None


class Scanner:
    """*branches* (``(?P<kind>...)`` each) as one alternation under *flags*, then *after*.

    ``scanner.at(text[pos]).match(text, pos)`` matches as
    ``re.compile("(?:" + "|".join(branches) + ")" + after, flags).match(text, pos)``
    does: the same alternative (``lastgroup``), over the same characters.
    """

    def __init__(self, branches: Sequence[str], flags: re.RegexFlag, after: str = "") -> None:
        self._branches = list(branches)
        self._flags = flags
        self._after = after
        self._starts = _starts(self._branches, flags)
        self.by_character: dict[str, re.Pattern[str]] = {}
        """The patterns of the characters met so far (those :meth:`at` gives them)."""
        self._by_choice: dict[tuple[int, ...], re.Pattern[str]] = {}

    def at(self, character: str) -> re.Pattern[str]:
        """The alternation of the alternatives that can start with *character*, then *after*."""
        found = self.by_character.get(character)
        if found is None:
            choice = self.choice(character)
            found = self._by_choice.get(choice)
            if found is None:
                source = "|".join(self._branches[at] for at in choice) or "(?!)"  # none
                found = re.compile(f"(?:{source}){self._after}", self._flags)
                self._by_choice[choice] = found
            if len(self.by_character) < _CACHED_CHARACTERS:
                self.by_character[character] = found
        return found

    def choice(self, character: str) -> tuple[int, ...]:
        """The positions in *branches* of the alternatives that can start with *character*."""
        return tuple(
            at
            for at, starts in enumerate(self._starts)
            if starts is _ANYWHERE or any(start.match(character) for start in starts)
        )


def _starts(branches: Sequence[str], flags: re.RegexFlag) -> list[_Starts]:
    """For each alternative, patterns of one character matching those it can start with."""
    try:
        parser: Any = importlib.import_module("re._parser")
        constants: Any = importlib.import_module("re._constants")
    except ImportError:  # another Python: every alternative is tried everywhere
        return [_ANYWHERE] * len(branches)
    found: list[_Starts] = []
    for branch in branches:
        try:
            tree = parser.parse(branch, flags)
            items, empty = _first(tree.data, int(tree.state.flags), constants)
        except (_UnknownConstructError, AttributeError, TypeError, ValueError):
            found.append(_ANYWHERE)
            continue
        # An alternative that can match nothing matches wherever it is tried.
        found.append(_ANYWHERE if empty else [re.compile(item, how) for item, how in items])
    return found


class _UnknownConstructError(Exception):
    """A construct whose first character this module does not read."""


def _first(
    data: list[tuple[Any, Any]], flags: int, names: Any
) -> tuple[list[tuple[str, int]], bool]:
    """The one-character patterns (with their flags) a parsed sequence can start with, and
    whether it can match the empty string."""
    found: list[tuple[str, int]] = []
    for op, value in data:
        if op in (names.AT, names.ASSERT, names.ASSERT_NOT):  # zero width: read past
            continue
        if op is names.LITERAL:
            return [*found, (_character(value), flags)], False
        if op is names.NOT_LITERAL:
            return [*found, (f"[^{_character(value)}]", flags)], False
        if op is names.IN:
            return [*found, (_set(value, names), flags)], False
        if op is names.ANY:
            return [*found, (".", flags)], False
        if op is names.SUBPATTERN:
            _, on, off, inner = value
            items, empty = _first(inner.data, (flags | on) & ~off, names)
        elif op is names.BRANCH:
            items, empty = [], False
            for alternative in value[1]:
                more, can_be_empty = _first(alternative.data, flags, names)
                items += more
                empty = empty or can_be_empty
        elif op in (names.MAX_REPEAT, names.MIN_REPEAT, names.POSSESSIVE_REPEAT):
            least, _, inner = value
            items, empty = _first(inner.data, flags, names)
            empty = empty or least == 0
        elif op is names.ATOMIC_GROUP:
            items, empty = _first(value.data, flags, names)
        else:
            raise _UnknownConstructError(op)
        found += items
        if not empty:
            return found, False
    return found, True


def _character(code: int) -> str:
    return f"\\U{code:08x}"


def _set(items: list[tuple[Any, Any]], names: Any) -> str:
    """A parsed character set as a pattern again."""
    categories = {
        names.CATEGORY_DIGIT: r"\d",
        names.CATEGORY_NOT_DIGIT: r"\D",
        names.CATEGORY_SPACE: r"\s",
        names.CATEGORY_NOT_SPACE: r"\S",
        names.CATEGORY_WORD: r"\w",
        names.CATEGORY_NOT_WORD: r"\W",
    }
    parts = []
    for op, value in items:
        if op is names.NEGATE:
            parts.append("^")
        elif op is names.LITERAL:
            parts.append(_character(value))
        elif op is names.RANGE:
            parts.append(f"{_character(value[0])}-{_character(value[1])}")
        elif op is names.CATEGORY and value in categories:
            parts.append(categories[value])
        else:
            raise _UnknownConstructError(op)
    return f"[{''.join(parts)}]"
