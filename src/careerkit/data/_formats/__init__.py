"""Reading the files publishers give out, for ``careerkit data update``.

Each reader turns one file into a :class:`Parsed`: values by key and date, in the
units careerkit keeps (see :data:`~careerkit.data._checks.UNITS`), with the dates
the file marks as having no value. A file that is not what its kind expects raises
:class:`~careerkit.errors.DataFormatError` naming the file, the line, what was found
and the formats accepted. Checks made here, on every format: the file is a regular
file of at most 256 MiB (:data:`MAX_BYTES`), UTF-8 text (a byte-order mark is
allowed) whose lines end in LF, CRLF or CR alone (all read as lines); a last row
ended by a line break, as the publishers end their files, since a file cut short
inside its last value would read as a wrong number (the Fed's Data Download Program
files end without one: their last figure is checked instead; a DataBank export may
end with its footer); the expected columns; keys as the loaders look them up
(:func:`~careerkit.data._checks.checked_key`); dates that are real months or years,
from 1900 on, a month not after the current month, a year that has ended (an annual
figure is published only then: :func:`~careerkit.data._checks.checked_date`),
strictly increasing within each key (a date given twice is an error naming both
lines); at least one value in the file. Digits are ASCII digits (``２０２６`` is no
year). Every value passes careerkit's value gate
(:func:`careerkit.data._gate.number`) *as text*, before any arithmetic: digits with
an optional sign, decimal point and exponent (never ``NaN``, ``inf``, ``0x1p3``, or
``2_2.10``, which Python's ``Decimal`` reads as 22.10), at most 30 significant
digits, and a magnitude of at most 10^12 (:data:`~careerkit.data._checks.MAX_VALUE`)
and, unless 0, at least 10^-12 (10^-15 for PPP factors:
:data:`~careerkit.data._checks.SMALLEST_VALUES`); so no value can make a later
conversion run for ever (``1e-99999999`` is refused here). Then its range: positive,
except inflation rates, which may be negative but stay above -100 (%). A value
refused is a :class:`~careerkit.errors.DataFormatError` naming the file, the line,
the column and the value, and nothing is written. The same checks
(:mod:`careerkit.data._checks`) apply to what the installer reads back from the user
data folder.
Agreement with the data in use is checked by the installer
(``careerkit.data._install``), which knows it.

Values are :class:`~decimal.Decimal`, exactly as printed in the file, except
the exchange rates the Federal Reserve quotes in US dollars per unit
(:data:`~careerkit.data.FED_USD_PER_UNIT`: AUD, EUR, GBP, NZD): in FRED and
Data Download Program files these are inverted to units per US dollar,
``1 / value`` computed to 28 significant digits, rounding half to even
(:data:`INVERSION_DIGITS`). Monthly
kinds are dated ``(year, month)``, annual kinds by the year (an ``int``). A
date the file marks as having no value is in :attr:`Parsed.missing` when it
falls between the key's first and last value (blanks before a series starts or
after it ends are not gaps).

The layout of a file is recognised by its first line, whatever its name
(:mod:`careerkit.data._formats._layouts`). One module reads the layouts of each
publisher, and its docstring describes them in full, with examples:

``cpi`` (key ``"US"``)
    *FRED CSV* of CPIAUCNS (:mod:`~careerkit.data._formats._fred`); *BLS time-series
    flat file*, ``cu.data.0.Current`` (:mod:`~careerkit.data._formats._bls`);
    *careerkit snapshot* (:mod:`~careerkit.data._formats._snapshot`).

``fx-monthly`` and ``fx-annual`` (keys: ISO 4217 codes)
    *FRED CSV* of the Fed's monthly (H.10 and G.5) or annual (G.5A) averages
    (:mod:`~careerkit.data._formats._fred`); *Federal Reserve Data Download Program
    CSV* (:mod:`~careerkit.data._formats._fed`); *careerkit snapshot*.

``fx-ecb-monthly`` and ``fx-ecb-annual`` (keys: ISO 4217 codes)
    *ECB reference rates CSV* and *ECB reference rates zip*, the ECB's daily
    ``eurofxref-hist``, whose monthly or annual averages of cross rates to the US
    dollar careerkit computes (:mod:`~careerkit.data._formats._ecb`); *careerkit
    snapshot*.

``fx-world-bank`` (indicator PA.NUS.FCRF; keys: ISO 4217 codes)
    The World Bank's three layouts, each economy's figures put under its currency
    (:mod:`~careerkit.data._formats._worldbank_fx`); *careerkit snapshot*.

``inflation`` (indicator FP.CPI.TOTL.ZG; keys: the World Bank's 3-letter codes,
aggregates such as ``WLD`` and ``EMU`` kept) and ``ppp`` (indicator PA.NUS.PPP;
keys: ISO 3166-1 alpha-2 codes, converted from the World Bank's alpha-3 codes
with pycountry, ``XKX`` read as ``XK`` for Kosovo; aggregates with no alpha-2
code, such as ``WLD``, ``EMU`` or ``EUU``, are left out)
    *World Bank WDI CSV*, *World Bank WDI zip* and *World Bank DataBank CSV*
    (:mod:`~careerkit.data._formats._worldbank`); *careerkit snapshot*.
"""

from __future__ import annotations

from careerkit.data._formats._fed import FED_DDP
from careerkit.data._formats._file import MAX_BYTES
from careerkit.data._formats._fred import FRED_FX
from careerkit.data._formats._layouts import (
    BLS,
    DATABANK,
    DDP,
    ECB,
    ECB_ZIP,
    FRED,
    INDICATORS,
    LAYOUTS,
    SNAPSHOT,
    WORLD_BANK,
    WORLD_BANK_ZIP,
)
from careerkit.data._formats._read import INVERSION_DIGITS, Parsed, read

__all__ = [
    "BLS",
    "DATABANK",
    "DDP",
    "ECB",
    "ECB_ZIP",
    "FED_DDP",
    "FRED",
    "FRED_FX",
    "INDICATORS",
    "INVERSION_DIGITS",
    "LAYOUTS",
    "MAX_BYTES",
    "SNAPSHOT",
    "WORLD_BANK",
    "WORLD_BANK_ZIP",
    "Parsed",
    "read",
]
