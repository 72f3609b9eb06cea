"""How a Pay explains itself: ``explain()``, ``format(pay, spec)``, its date note, the notebook.

The rules are those of "Text" in the docstring of :class:`~careerkit.Pay` (whose repr is
the class's own). ``str(pay)`` is for people, in English, and its words are
:mod:`careerkit.text`'s (through ``careerkit._hooks.format_pay``); this module adds the
date note it ends with.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from careerkit.errors import ValidationError, shown
from careerkit.model.dates import ReferenceDate
from careerkit.pay.provenance import latest_dates

if TYPE_CHECKING:
    from careerkit.pay._pay import Pay

_MAX_FORMAT_SIZE = 1000  # the widest width and precision format(pay, spec) takes
# The width and precision of a format spec ([[fill]align][sign][z][#][0][width][grouping]
# [.precision][type]), wherever they stand; the rest is Decimal's to check.
_FORMAT_SIZES = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(\d*)[,_]?(?:\.(\d*))?", re.DOTALL)


def explain(pay: Pay) -> str:
    """How *pay* was made: each step with its values, dates and sources."""
    lines = [headline(pay)]
    if pay.origin is None:
        lines.append("  as given (no conversion)")
    else:
        lines.append(f"  from {headline(pay.origin)}")
    for number, step in enumerate(pay.provenance, 1):
        lines.append(f"  {number}. {step.describe()}")
    return "\n".join(lines)


def headline(pay: Pay) -> str:
    """*pay* in one line of ``explain()``: rounded, with its unit and date."""
    when = "" if pay.when is None else f" ({pay.when})"
    return f"{pay.rounded():,f} {pay.currency} per {pay.period.value}{when}"


def date_note(pay: Pay) -> str:
    """`` (May 2008; latest rates: June 2026)``: the figure's date and, where
    ``to_currency(when="latest")`` chose the rates, their month (a date
    ``in_prices_of("latest")`` chose is the figure's ``when``, shown already)."""
    notes = [] if pay.when is None else [pay.when.label()]
    notes += [
        f"latest rates: {ReferenceDate.parse(date).label()}"
        for what, date in latest_dates(pay.provenance)
        if what == "rates"
    ]
    return f" ({'; '.join(notes)})" if notes else ""


def formatted(pay: Pay, spec: str) -> str:
    """``format(pay, spec)``: *spec* applied to the amount; an empty spec gives ``str``."""
    if not spec:
        return str(pay)
    message = (
        f"cannot format {pay!r} with {shown(spec)}: the spec applies to the amount, "
        "a Decimal, so it takes what Decimal's formatting does, such as ',.2f' or '.0f' "
        "(an empty spec gives str(pay))"
    )
    sizes = _FORMAT_SIZES.match(spec) if isinstance(spec, str) else None
    if sizes is not None and any(
        len(size) > 4 or int(size) > _MAX_FORMAT_SIZE for size in sizes.groups("") if size
    ):  # Decimal would build the text first: ".999999999999f" is a MemoryError
        raise ValidationError(
            f"{message}; a width or precision of at most {_MAX_FORMAT_SIZE:,} characters"
        )
    try:
        return format(pay.amount, spec)
    except (ValueError, TypeError):
        raise ValidationError(message) from None


def as_html(pay: Pay) -> str:
    """*pay* for a notebook and, for a converted one, the steps that made it."""
    from html import escape

    parts = [f"<strong>{escape(str(pay))}</strong>"]
    if pay.origin is not None:
        parts.append(f"<br>from {escape(str(pay.origin))}:")
        steps = "".join(f"<li>{escape(step.describe())}</li>" for step in pay.provenance)
        parts.append(f"<ol>{steps}</ol>")
    return f'<div class="careerkit-pay">{"".join(parts)}</div>'
