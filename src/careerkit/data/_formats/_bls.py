r"""BLS time-series flat file: the Bureau of Labor Statistics' own CPI download, for ``cpi``.

*BLS time-series flat file* (``cu.data.0.Current``, ``cu.data.1.AllItems``
from https://download.bls.gov/pub/time.series/cu/), tab-separated, fields
padded with spaces (``\t`` is a tab)::

    series_id                     \tyear\tperiod\t       value\tfootnote_codes
    CUUR0000SA0                   \t2008\tM05\t     216.632\t

Only the rows of CUUR0000SA0 with periods M01 to M12 are read: M13 (the
annual average) and S01 to S03 (half-year averages) are skipped, and so
are other series. A value of ``-`` or an empty one is no value.
"""

from __future__ import annotations

import re

from careerkit.data._formats._file import _Figure, _File, _Reading, _year
from careerkit.data._formats._layouts import _BLS_HEADER, _BLS_SERIES
from careerkit.data._series import SERIES
from careerkit.errors import shown


def _read_bls(kind: str, file: _File) -> _Reading:
    figures: list[_Figure] = []
    others: dict[str, None] = {}
    for line, text in enumerate(file.text.split("\n")[1:], start=2):
        fields = [field.strip() for field in text.split("\t")]
        if not any(fields):
            continue
        if len(fields) < 4:
            raise file.error(
                f"found {shown(text)}; expected tab-separated fields {', '.join(_BLS_HEADER)}",
                line,
            )
        series, year, period, value = fields[:4]
        if series != _BLS_SERIES:
            others.setdefault(series)
            continue
        if period == "M13" or re.fullmatch(r"S0[1-3]", period):
            continue  # the annual and half-year averages
        if not re.fullmatch(r"M(0[1-9]|1[0-2])", period):
            raise file.error(
                f"period {shown(period)}; expected M01 to M12, M13 or S01 to S03", line
            )
        date = (_year(file, line, year), int(period[1:]))
        figures.append(_Figure("US", date, None if value in ("", "-") else value, line, "value"))
    if not figures:
        found = ", ".join(list(others)[:5]) or "none"
        raise file.error(
            f"no rows of series {_BLS_SERIES} (CPI-U, all items, U.S. city average, not "
            f"seasonally adjusted); the series it has include: {found}"
        )
    return _Reading(
        figures=figures, series=(_BLS_SERIES,), publisher=SERIES[kind].source, no_value="'-'"
    )
