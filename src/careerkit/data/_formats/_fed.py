"""Federal Reserve Data Download Program CSV, the Fed's own download: ``fx-monthly``, ``fx-annual``.

``fx-monthly`` (keys: ISO 4217 codes)
    *Federal Reserve Data Download Program CSV* (DDP,
    https://www.federalreserve.gov/datadownload/, release H.10, "Monthly
    averages", series in columns), the Fed's own download: six header rows,
    then a row per month (``YYYY-MM``), ``ND`` for no data; lines end in CRLF, and
    the last row in none (its last figure must print the decimals of the one above
    it: the Fed prints each series to four)::

        "Series Description","INDIA -- SPOT EXCHANGE RATE, RUPEES/US$","United Kingdom -- Spot Exchange Rate, US$/Pound Sterling Reciprocal of rxi_n.m.uk"
        "Unit:","Currency:_Per_USD","Currency:_Per_GBP"
        "Multiplier:","1","0.00999999978"
        "Currency:","INR","USD"
        "Unique Identifier: ","H10/H10/RXI_N.M.IN","H10/H10/RXI$US_N.M.UK"
        "Time Period","RXI_N.M.IN","RXI$US_N.M.UK"
        2008-05,42.0019,1.9754

    Each column is mapped by its unique identifier (:data:`FED_DDP`: the
    two letters after the frequency, ``IN`` for INR, ``JA`` for JPY, ...);
    ``RXI$US_`` marks a series quoted in US dollars per unit, inverted as
    above. The ``Unit:`` row (``Currency:_Per_USD`` for units per dollar,
    ``Currency:_Per_GBP`` for dollars per pound; or just ``Currency``) and the
    ``Currency:`` row must agree with the identifier. The multiplier is
    honoured: a value is the printed figure times it, and a multiplier must be
    a power of ten, except for the pound: the Fed's metadata gives its series
    the multiplier 0.01 (printed ``0.01`` or ``0.00999999978``) though it prints
    them in US dollars per pound (1.6404 for January 2000, as G.5 and FRED's
    EXUSUK have it), so for the pound that multiplier is not applied. Refused:
    the daily rates (``RXI_N.B.IN``), the annual averages (``RXI_N.A.IN``: give
    the file as fx-annual), series careerkit does not use (``RXI_N.M.VE``,
    Venezuela; the dollar indexes), a column whose metadata contradicts its
    identifier, and a file without the header rows.

``fx-annual`` (keys: ISO 4217 codes)
    *Federal Reserve Data Download Program CSV*, as for fx-monthly, of the
    annual averages (the Fed serves them under H.10, frequency ``A``; dated by
    the year)::

        "Series Description","SPOT EXCHANGE RATE - EURO AREA "
        "Unit:","Currency:_Per_EUR"
        "Multiplier:","1"
        "Currency:","USD"
        "Unique Identifier: ","H10/H10/RXI$US_N.A.EU"
        "Time Period","RXI$US_N.A.EU"
        2008,1.4726
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

from careerkit.data._formats._file import _Figure, _File, _Reading, _rows
from careerkit.data._formats._layouts import _DDP_HEADER
from careerkit.data._gate import RefusedError, number
from careerkit.data._series import FED_USD_PER_UNIT, SERIES, Date
from careerkit.errors import shown

FED_DDP: Mapping[str, str] = MappingProxyType({
    "AL": "AUD", "BZ": "BRL", "CA": "CAD", "CH": "CNY", "DN": "DKK", "EU": "EUR",
    "HK": "HKD", "IN": "INR", "JA": "JPY", "MA": "MYR", "MX": "MXN", "NZ": "NZD",
    "NO": "NOK", "SI": "SGD", "SF": "ZAR", "KO": "KRW", "SL": "LKR", "SD": "SEK",
    "SZ": "CHF", "TA": "TWD", "TH": "THB", "UK": "GBP",
})  # fmt: skip
"""The Fed's country codes in its Data Download Program identifiers, with the ISO 4217 code of each.

As the Fed's H.10 package names them (``H10/H10/RXI_N.M.IN``: India, monthly;
``H10/H10/RXI$US_N.M.UK``: the pound, US dollars per pound); its ``Currency:``
row gives the same codes. Left out, as from :data:`FRED_FX`: ``VE`` (Venezuela).
"""

_VIA_DDP = " (Data Download Program)"
_DDP_ID = re.compile(r"H10/H10/RXI(\$US)?_N\.([A-Z])\.([A-Z]{2,3})")
_DDP_FREQUENCIES = {"M": "fx-monthly", "A": "fx-annual"}
# The Fed's metadata gives the pound's series the multiplier 0.01 (a float: 0.00999999978),
# though it prints them in US dollars per pound, as G.5, G.5A and FRED do (checked: H.10
# monthly 2000-01 = 1.6404 = FRED EXUSUK 2000-01). For the pound it is not applied.
_POUND_MULTIPLIERS = (Decimal("0.01"), Decimal("0.00999999978"))


def _read_ddp(kind: str, file: _File) -> _Reading:
    """The Fed's Data Download Program CSV, series in columns (see the module docstring)."""
    rows = _rows(file)
    header: dict[str, list[str]] = {}
    at: dict[str, int] = {}  # the line of each header row
    line = 0
    for name in (*_DDP_HEADER, "Time Period"):
        line, row = next(rows, (line + 1, [""]))
        # Cells are stripped: the Fed writes "Unique Identifier: " with a space.
        if row[0] != name:
            rows_named = ", ".join(f'"{row}"' for row in (*_DDP_HEADER, "Time Period"))
            raise file.error(
                f"found {shown(row[0])}; expected the Data Download Program's header rows, "
                f"in this order: {rows_named}",
                line,
            )
        if header and len(row) != len(header["Series Description"]):
            raise file.error(
                f"{len(row)} fields in the {name!r} row; the header rows have "
                f"{len(header['Series Description'])}",
                line,
            )
        header[name], at[name] = row, line
    if len(header["Time Period"]) < 2:
        raise file.error("no series column after 'Time Period'", line)
    keys: list[str | None] = []  # None: a column left out (Venezuela)
    inverted: set[str] = set()
    scaled: dict[str, int] = {}
    identifiers = header["Unique Identifier:"][1:]
    for index, identifier in enumerate(identifiers, start=1):
        if header["Time Period"][index] != identifier.removeprefix("H10/H10/"):
            raise file.error(
                f"the column of {identifier} is headed {shown(header['Time Period'][index])}; "
                f"expected {identifier.removeprefix('H10/H10/')}",
                at["Time Period"],
            )
        if _left_out(kind, identifier):
            keys.append(None)
            continue
        key, reciprocal = _ddp_key(kind, file, at["Unique Identifier:"], identifier)
        if key in keys:
            raise file.error(
                f"two columns hold {key} ({identifier}); expected one", at["Unique Identifier:"]
            )
        cells = {name: (row[index], at[name]) for name, row in header.items()}
        _ddp_metadata(file, identifier, key, reciprocal, cells)
        exponent = _ddp_multiplier(
            file, at["Multiplier:"], identifier, header["Multiplier:"][index]
        )
        if exponent:
            scaled[key] = exponent
        if reciprocal:
            inverted.add(key)
        keys.append(key)
    monthly = kind == "fx-monthly"
    columns = header["Time Period"][1:]
    figures: list[_Figure] = []
    last_column: list[str] = []  # the cells a cut can shorten without leaving a field fewer
    for line, row in rows:
        if len(row) != len(header["Time Period"]):
            raise file.error(
                f"{len(row)} fields, {shown(','.join(row))}; the header has "
                f"{len(header['Time Period'])}",
                line,
            )
        date = _ddp_date(file, line, row[0], monthly=monthly)
        last_column.append(row[-1])
        for code, column, cell in zip(keys, columns, row[1:], strict=True):
            # ND: no data that day or month; an empty cell: before the series begins (the
            # euro before 1999) or after it ends
            if code is not None:
                text = None if cell in ("", "ND") else cell
                figures.append(_Figure(code, date, text, line, column))
    if not file.text.endswith("\n"):
        _ddp_end(file, line, columns[-1], last_column)
    return _Reading(
        figures=figures,
        series=tuple(id for id, key in zip(identifiers, keys, strict=True) if key is not None),
        publisher=SERIES[kind].source + _VIA_DDP,
        no_value="'ND' or an empty field",
        inverted=frozenset(inverted),
        scaled=scaled,
        ends_whole=True,
    )


def _left_out(kind: str, identifier: str) -> bool:
    """Whether *identifier* is a series of the Fed's own H.10 package that careerkit leaves out.

    The package of monthly (and annual) averages carries Venezuela (``VE``), one
    series spanning VEB, VEF and VES with no mark where each redenomination
    happened; careerkit leaves it out (:data:`~careerkit.data.FX_SERIES`) and skips
    its column, as it skips its rows in the snapshot layout. Every other series
    careerkit does not use is refused.
    """
    found = _DDP_ID.fullmatch(identifier)
    return found is not None and found[3] == "VE" and _DDP_FREQUENCIES.get(found[2]) == kind


def _ddp_ids(kind: str) -> dict[str, str]:
    """The identifiers careerkit reads as *kind*, with their ISO codes, in the Fed's direction."""
    frequency = "M" if kind == "fx-monthly" else "A"
    return {
        f"H10/H10/RXI{'$US' if code in FED_USD_PER_UNIT else ''}_N.{frequency}.{country}": code
        for country, code in FED_DDP.items()
    }


def _ddp_key(kind: str, file: _File, line: int, identifier: str) -> tuple[str, bool]:
    """The key of DDP series *identifier* in a file of *kind*, and whether it is USD per unit."""
    found = _DDP_ID.fullmatch(identifier)
    accepted = _ddp_ids(kind)
    if found is not None:
        reciprocal, frequency, country = bool(found[1]), found[2], found[3]
        code = FED_DDP.get(country)
        if code is not None and _DDP_FREQUENCIES.get(frequency) == kind:
            return code, reciprocal
        if code is not None and frequency in _DDP_FREQUENCIES:
            other = _DDP_FREQUENCIES[frequency]
            what = (
                "an annual average (G.5A)" if other == "fx-annual" else "a monthly average (H.10)"
            )
            hint = f"{identifier} is {what}: give the file as {other}"
        elif code is not None and frequency == "B":
            average = identifier.replace(".B.", ".M." if kind == "fx-monthly" else ".A.")
            hint = (
                f"{identifier} is the daily rate (H.10); careerkit uses the Fed's "
                f"{'monthly' if kind == 'fx-monthly' else 'annual'} averages ({average})"
            )
        else:
            hint = f"{shown(identifier)} is not a series careerkit reads as {kind}"
    else:
        hint = f"{shown(identifier)} is not a series careerkit reads as {kind}"
    names = ", ".join(f"{id} ({code})" for id, code in accepted.items())
    raise file.error(
        f"{hint}. The Data Download Program lets you choose the series of a package: "
        f"expected {names}",
        line,
    )


def _ddp_metadata(
    file: _File,
    identifier: str,
    code: str,
    reciprocal: bool,
    cells: Mapping[str, tuple[str, int]],
) -> None:
    """Check a DDP column's ``Unit:`` and ``Currency:`` rows (cell, line) against its identifier."""
    direction = f"US dollars per {code}" if reciprocal else f"{code} per US dollar"
    unit, line = cells["Unit:"]
    expected_unit = f"Currency:_Per_{code if reciprocal else 'USD'}"
    if unit not in ("Currency", expected_unit):
        raise file.error(
            f"the unit of {identifier} is {shown(unit)}; its identifier says {direction}, "
            f"so expected {expected_unit} (or Currency)",
            line,
        )
    currency, line = cells["Currency:"]
    expected = (code, "USD") if reciprocal else (code,)
    if currency not in expected:
        raise file.error(
            f"the currency of {identifier} is {shown(currency)}; expected "
            f"{' or '.join(expected)} ({direction})",
            line,
        )


def _ddp_multiplier(file: _File, line: int, identifier: str, text: str) -> int:
    """The power of ten a DDP column's figures are multiplied by (0: as printed)."""
    try:
        multiplier = number(text)
    except RefusedError as error:
        raise file.error(
            f"the multiplier of {identifier} is {shown(text)}: {error}", line
        ) from None
    if multiplier == 1:
        return 0
    if identifier.endswith(".UK") and multiplier in _POUND_MULTIPLIERS:
        return 0  # the Fed's metadata for the pound, whose figures are printed as they are
    digits = multiplier.normalize().as_tuple()
    if multiplier <= 0 or digits.digits != (1,):
        raise file.error(
            f"the multiplier of {identifier} is {shown(text)}; expected a power of ten "
            "(1, 1000, 0.001, ...), which careerkit applies to each figure",
            line,
        )
    return multiplier.adjusted()


def _ddp_end(file: _File, line: int, column: str, cells: list[str]) -> None:
    """Check the last cell of a DDP file that ends without a line break, as the Fed's do.

    A file cut short inside its last row leaves a field fewer (refused as a row of
    another width), except inside its last cell: so the last cell, if a figure, must
    print as many decimals as the figure above it in its column (the Fed prints each
    series to the same decimals: four for H.10's rates, ``107.2000``). A column whose
    only figure is the last cannot be checked so.
    """
    figures = [cell for cell in cells if cell not in ("", "ND")]
    if not cells or cells[-1] in ("", "ND") or len(figures) < 2:
        return
    last, above = figures[-1], figures[-2]
    printed, expected = len(last.partition(".")[2]), len(above.partition(".")[2])
    if printed != expected:
        raise file.error(
            f"the last figure, {shown(last)}, prints {printed} decimals where the figure above "
            f"it prints {expected} ({shown(above)}), and the file ends without a line break "
            "(as the Fed's downloads do, each series printed to the same decimals): it may be "
            "cut short; download it again",
            line,
            column,
        )


def _ddp_date(file: _File, line: int, text: str, *, monthly: bool) -> Date:
    """A DDP date: ``YYYY-MM`` for a month, ``YYYY`` for a year."""
    found = re.fullmatch(r"([0-9]{4})-([0-9][0-9])" if monthly else r"([0-9]{4})", text)
    if found is None or (monthly and not 1 <= int(found[2]) <= 12):
        expected = "YYYY-MM, a month" if monthly else "YYYY, a year"
        raise file.error(f"date {shown(text)}; expected {expected}", line)
    return (int(found[1]), int(found[2])) if monthly else int(found[1])
