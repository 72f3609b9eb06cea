"""How objects show themselves: one-line reprs and the tables a notebook draws.

The rule (see :doc:`/design`): a repr is one line of at most :data:`WIDTH`
characters. A value (``Pay``, ``Text``, ``ReferenceDate``) prints as the Python
that rebuilds it; a record (a career, and everything that cites a source) as an
angle-bracket summary that says what it is and which one. :func:`fitted` cuts the
one free-text part of a summary to fit. :func:`html_table` is the one table
every ``_repr_html_`` draws, each cell escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

WIDTH = 120
"""The longest repr, in characters."""
_LEAST = 24  # the room a summary's free text keeps before its tail is cut

Cell = str | Sequence[str]
"""A table cell: its text, or its lines (drawn one below the other)."""


def shortened(text: str, width: int) -> str:
    """*text* on one line of at most *width* characters, cut at a word and ended ``…`` if cut.

    >>> shortened("Customer service  representative\\n", 20)
    'Customer service…'
    """
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    if width < 2:
        return "…"[:width]
    cut = flat[: max(width - 1, 1)]
    space = cut.rfind(" ")
    if space > len(cut) // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def fitted(before: str, text: str, after: str = "", *, quote: bool = True) -> str:
    """``before + text + after`` with *text* (quoted, as a repr) cut to fit :data:`WIDTH`.

    >>> fitted("<Fact ", "Tastes tea", " (tea-board)>")
    "<Fact 'Tastes tea' (tea-board)>"
    >>> long = fitted("<Fact ", "Tastes tea " * 40, " (tea-board)>")
    >>> long[:30], len(long) <= 120
    ("<Fact 'Tastes tea Tastes tea T", True)
    """
    room = WIDTH - len(before) - len(after)
    if room < _LEAST and len(after) > _LEAST:  # a long tail (a source id) gives way too
        closing = after[len(after.rstrip(")>")) :]
        keep = max(len(after) - (_LEAST - room), len(closing) + 8)
        after = after[: keep - len(closing) - 1] + "…" + closing
        room = WIDTH - len(before) - len(after)
    width = room
    while True:
        short = shortened(text, max(width, 1))
        shown = repr(short) if quote else short
        if len(shown) <= room or width <= 1:
            break
        width -= max(len(shown) - room, 1)  # quotes and escapes take room too
    whole = before + shown + after
    return whole if len(whole) <= WIDTH else shortened(whole, WIDTH - 1) + ">"


def gist(figures: Sequence[tuple[str, str]]) -> str:
    """The figures of a band a repr shows, from ``(name, text)`` pairs: the range and the
    median (else the mean, else the first), and how many more there are.

    >>> gist([("p10", "p10 9.07"), ("median", "median 14.36"), ("p90", "p90 23.08")])
    'median 14.36 and 2 more figures'
    >>> gist([("range", "10000-28000")])
    '10000-28000'
    """
    chosen = [text for name, text in figures if name in ("range", "median")]
    if not chosen:
        chosen = [text for name, text in figures if name == "mean"][:1]
    if not chosen and figures:
        chosen = [figures[0][1]]
    more = len(figures) - len(chosen)
    return ", ".join(chosen) + (f" and {more} more figure{'s' * (more != 1)}" if more else "")


def amount(value: Decimal) -> str:
    """A stated amount as a repr shows it: every digit the source gave, no grouping."""
    return f"{value:f}"


def cell(value: Cell) -> str:
    """A cell's text escaped for HTML, its lines joined with ``<br>``."""
    import html  # on first use: a notebook view, not a repr

    lines = [value] if isinstance(value, str) else list(value)
    return "<br>".join(html.escape(text) for text in lines)


def html_table(
    rows: Iterable[Sequence[Cell]],
    *,
    head: Sequence[str] = (),
    caption: str | None = None,
    row_heads: bool = False,
) -> str:
    """A compact HTML table: every caption, heading and cell escaped.

    With *row_heads*, each row's first cell is a heading (``<th>``): a table of
    names and values.

    >>> html_table([["a<b", ["1", "2"]]], head=["x", "y"], caption="T&C")
    '<table><caption>T&amp;C</caption><tr><th>x</th><th>y</th></tr><tr><td>a&lt;b</td><td>1<br>2</td></tr></table>'
    """
    import html

    parts = ["<table>"]
    if caption is not None:
        parts.append(f"<caption>{html.escape(caption)}</caption>")
    if head:
        parts.append("<tr>" + "".join(f"<th>{html.escape(name)}</th>" for name in head) + "</tr>")
    for row in rows:
        cells = [
            f"<th>{cell(value)}</th>" if row_heads and number == 0 else f"<td>{cell(value)}</td>"
            for number, value in enumerate(row)
        ]
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</table>")
    return "".join(parts)
