"""The catalogue's tab-separated files, searched for the line of one key (their first field).

Building one career reads one line of each per-occupation file (``descriptions.tsv``,
``projections.tsv``, ``onet.tsv``): the line is searched for, the file never split
(:func:`line_of`). Building many careers would search each file hundreds of times: after
the first few keys, :class:`Lines` indexes the file's lines once, and finds the same line.
"""

from __future__ import annotations

__all__ = ["Lines", "line_of", "lines_of"]


def line_of(text: str, key: str) -> str | None:
    r"""The line of the tab-separated *text* whose first field is *key*, or ``None``.

    The catalogue's per-occupation files are searched for one line rather than read into a
    dict: building one career reads one line of each (a header line is never a code's).

    >>> line_of("soc\tx\n29-1141\t1\n43-4051\t2\n", "43-4051")
    '43-4051\t2'
    """
    start = text.find(f"\n{key}\t")
    if start < 0:
        return None
    end = text.find("\n", start + 1)
    return text[start + 1 : end if end >= 0 else len(text)]


class Lines:
    r"""The lines of a tab-separated *text* by their first field: :func:`line_of`, searched for
    the first few keys (a cold lookup of one career reads one line) and looked up in an
    index of every line after them (building every career reads them all).

    >>> lines = Lines("soc\tx\n29-1141\t1\n43-4051\t2\n")
    >>> [lines.get(key) for key in ("43-4051", "soc", "29-1141", "99-9999") * 3][-4:]
    ['43-4051\t2', None, '29-1141\t1', None]
    """

    _SEARCHED = 8  # the keys searched for before the lines are indexed

    def __init__(self, text: str) -> None:
        self.text = text
        self._searched = 0
        self._index: dict[str, str] | None = None

    def get(self, key: str) -> str | None:
        """The line whose first field is *key* (the first such line after the header), or
        ``None``: ``line_of(text, key)``."""
        if "\t" in key or "\n" in key:  # no field's: line_of's answer, whatever it is
            return line_of(self.text, key)
        index = self._index
        if index is None:
            self._searched += 1
            if self._searched <= self._SEARCHED:
                return line_of(self.text, key)
            index = {}
            for line in self.text.split("\n")[1:]:  # the lines line_of can find: after a \n
                field, tab, _ = line.partition("\t")
                if tab:
                    index.setdefault(field, line)  # the first, as line_of finds
            self._index = index
        return index.get(key)


_LINES: dict[int, Lines] = {}


def lines_of(text: str) -> Lines:
    """The :class:`Lines` of *text*, made once for each text a source reads (a source that
    reads its file again, as after a change of the data, gets new ones)."""
    found = _LINES.get(id(text))
    if found is None or found.text is not text:  # each holds its text: no id is reused
        if len(_LINES) >= 16:
            _LINES.clear()
        found = _LINES[id(text)] = Lines(text)
    return found
