"""Reading a profile file's TOML within careerkit's limits (kept light: the first lookup uses it)."""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from careerkit.errors import ProfileLoadError, wrong_type

__all__ = [
    "MAX_DEPTH",
    "MAX_PROFILE_SIZE",
    "decode_error_line",
    "key_lines",
    "line_of",
    "read_toml",
    "too_large",
]

MAX_PROFILE_SIZE = 1_048_576
"""The largest profile careerkit reads, in characters (1 MiB): the built-ins are about 30 KB."""
MAX_DEPTH = 16
"""The deepest nesting of tables and arrays a profile may have: careerkit's format needs 4."""


def read_toml(text: str, origin: str) -> dict[str, Any]:
    """The table a profile file's text holds, within the size and nesting limits."""
    import tomllib

    if not isinstance(text, str):
        raise wrong_type("the text of a profile", text, "text")
    if len(text) > MAX_PROFILE_SIZE:
        raise ProfileLoadError(origin, [("", too_large(f"{len(text):,} characters"))])
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise ProfileLoadError(origin, [("", f"not valid TOML: {error}")]) from None
    except RecursionError:
        raise ProfileLoadError(
            origin, [("", f"tables and arrays are nested more than {MAX_DEPTH} deep")]
        ) from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise ProfileLoadError(
            origin, [("", "it holds an integer of more than 4,300 digits: no amount has as many")]
        ) from None


_PATH_PART = re.compile(r"\[([^\]]*)\]|([^.\[\]]+)")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_DECODE_ERROR_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def line_of(lines: Mapping[tuple[str, ...], int], path: str) -> int | None:
    """The line of the field *path* (``pay[1].currency``) in a file, from :func:`key_lines`.

    Where the field itself is not written (a required field that is missing, an item
    of an array written on its key's line), the line of the nearest table or key that
    holds it; ``None`` where there is none (a problem of the whole file).

    >>> lines = key_lines('id = "x"\\n\\n[[pay]]\\nregion = "IN"\\n\\n[[pay]]\\nregion = "US"\\n')
    >>> line_of(lines, "pay[1].region"), line_of(lines, "pay[1].source"), line_of(lines, "")
    (7, 6, None)
    """
    parts = tuple(index or key for index, key in _PATH_PART.findall(path))
    while parts:
        if parts in lines:
            return lines[parts]
        parts = parts[:-1]
    return None


def decode_error_line(message: str) -> int | None:
    """The line ``tomllib`` names in the message of a :class:`tomllib.TOMLDecodeError`."""
    found = _DECODE_ERROR_LINE.search(message)
    return int(found.group(1)) if found else None


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line (from 1) where each table, key and array item of a TOML text is written.

    ``tomllib`` keeps no positions, so this reads the text again, as far as it needs
    to: table headers, dotted and quoted keys, arrays (of tables, and inline) and
    inline tables, skipping strings (multi-line ones too) and comments. Paths are
    tuples of keys, an array's items numbered from ``"0"``:
    ``("pay", "1", "currency")``. A text it cannot follow gives the lines found
    before that point, never a wrong one; it never raises.

    >>> key_lines('title.en = "X"\\naliases = [\\n  "a",\\n  "b",\\n]')[("aliases", "1")]
    4
    """
    scanner = _LineScanner(text)
    with contextlib.suppress(_UnreadableError, RecursionError):
        scanner.document()  # where it stops, the lines found so far are right
    return scanner.lines


def _basic_string(quoted: str) -> str:
    """The text of a TOML ``"basic string"``, its escapes read as TOML reads them."""
    import tomllib

    if "\\" not in quoted:
        return quoted[1:-1]
    try:
        return str(tomllib.loads(f"key = {quoted}")["key"])
    except tomllib.TOMLDecodeError:
        raise _UnreadableError from None


class _UnreadableError(Exception):
    """Text the line scanner cannot follow: it stops there."""


class _LineScanner:
    """A reader of TOML's structure only (keys, tables, arrays), for :func:`key_lines`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.lines: dict[tuple[str, ...], int] = {}
        self._line_starts = [0, *(i + 1 for i, char in enumerate(text) if char == "\n")]
        self._arrays: dict[tuple[str, ...], int] = {}  # arrays of tables: items so far

    def _line(self) -> int:
        return bisect.bisect_right(self._line_starts, self.pos)

    def _note(self, path: tuple[str, ...], line: int) -> None:
        self.lines.setdefault(path, line)

    def _skip(self, newlines: bool) -> None:
        """Skip spaces and comments (and line ends, if *newlines*)."""
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            if char in " \t\r" or (newlines and char == "\n"):
                self.pos += 1
            elif char == "#":
                end = text.find("\n", self.pos)
                self.pos = len(text) if end < 0 else end
            else:
                return

    def _expect(self, token: str) -> None:
        self._skip(newlines=False)
        if not self.text.startswith(token, self.pos):
            raise _UnreadableError
        self.pos += len(token)

    def document(self) -> None:
        table: tuple[str, ...] = ()
        while True:
            self._skip(newlines=True)
            if self.pos >= len(self.text):
                return
            line = self._line()
            if self.text.startswith("[[", self.pos):
                self.pos += 2
                table = self._header(self._key(), line, array=True)
                self._expect("]]")
            elif self.text.startswith("[", self.pos):
                self.pos += 1
                table = self._header(self._key(), line, array=False)
                self._expect("]")
            else:
                self._pair(table, line)

    def _header(self, keys: tuple[str, ...], line: int, *, array: bool) -> tuple[str, ...]:
        path: tuple[str, ...] = ()
        for depth, key in enumerate(keys):
            path += (key,)
            last = depth == len(keys) - 1
            if last and array:  # [[pay]]: the next item of the array pay
                self._note(path, line)
                count = self._arrays.get(path, 0)
                self._arrays[path] = count + 1
                path += (str(count),)
            elif path in self._arrays:  # [pay.percentiles]: in pay's latest item
                path += (str(self._arrays[path] - 1),)
            self._note(path, line)
        return path

    def _pair(self, table: tuple[str, ...], line: int) -> None:
        path = table
        for key in self._key():
            path += (key,)
            self._note(path, line)
        self._expect("=")
        self._value(path)

    def _key(self) -> tuple[str, ...]:
        """A dotted key: bare, ``"basic"`` or ``'literal'`` parts, with spaces around dots."""
        keys: list[str] = []
        while True:
            self._skip(newlines=False)
            text, start = self.text, self.pos
            if text.startswith('"', start):
                end = start + 1
                while end < len(text) and text[end] not in '"\n':
                    end += 2 if text[end] == "\\" else 1
                if not text.startswith('"', end):
                    raise _UnreadableError
                keys.append(_basic_string(text[start : end + 1]))
                self.pos = end + 1
            elif text.startswith("'", start):
                end = text.find("'", start + 1)
                if end < 0 or "\n" in text[start:end]:
                    raise _UnreadableError
                keys.append(text[start + 1 : end])
                self.pos = end + 1
            else:
                bare = _BARE_KEY.match(text, start)
                if not bare:
                    raise _UnreadableError
                keys.append(bare.group())
                self.pos = bare.end()
            self._skip(newlines=False)
            if not self.text.startswith(".", self.pos):
                return tuple(keys)
            self.pos += 1

    def _value(self, path: tuple[str, ...]) -> None:
        self._skip(newlines=False)
        text, start = self.text, self.pos
        if text.startswith(('"""', "'''"), start):
            quote = text[start : start + 3]
            end = start + 3
            while end < len(text) and not text.startswith(quote, end):
                end += 2 if quote == '"""' and text[end] == "\\" else 1
            if end >= len(text):
                raise _UnreadableError
            end += 3
            while end < len(text) and text[end] == quote[0] and end - start < 8:  # """a"""""
                end += 1
            self.pos = end
        elif text.startswith(('"', "'"), start):
            end = start + 1
            while end < len(text) and text[end] not in (text[start], "\n"):
                end += 2 if text[start] == '"' and text[end] == "\\" else 1
            if not text.startswith(text[start], end):
                raise _UnreadableError
            self.pos = end + 1
        elif text.startswith("[", start):
            self.pos += 1
            self._items(path)
        elif text.startswith("{", start):
            self.pos += 1
            self._inline_table(path)
        else:  # a number, a date, true or false: up to where the value ends
            end = start
            while end < len(text) and text[end] not in ",]}#\n":
                end += 1
            if end == start:
                raise _UnreadableError
            self.pos = end

    def _items(self, path: tuple[str, ...]) -> None:
        index = 0
        while True:
            self._skip(newlines=True)
            if self.text.startswith("]", self.pos):
                self.pos += 1
                return
            self._note((*path, str(index)), self._line())
            self._value((*path, str(index)))
            self._skip(newlines=True)
            if self.text.startswith(",", self.pos):
                self.pos += 1
                index += 1
            elif not self.text.startswith("]", self.pos):
                raise _UnreadableError

    def _inline_table(self, path: tuple[str, ...]) -> None:
        while True:
            self._skip(newlines=True)
            if self.text.startswith("}", self.pos):
                self.pos += 1
                return
            self._pair(path, self._line())
            self._skip(newlines=True)
            if self.text.startswith(",", self.pos):
                self.pos += 1
            elif not self.text.startswith("}", self.pos):
                raise _UnreadableError


def too_large(size: str) -> str:
    return (
        f"{size} is more than the {MAX_PROFILE_SIZE:,} characters a profile may have "
        "(careerkit's own have about 30,000)"
    )
