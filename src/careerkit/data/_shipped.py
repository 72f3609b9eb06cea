"""The snapshots shipped in the package, each parsed on first use, once per process.

The files sit beside this module (``README.md`` there names their sources). A
loader parses its file on its first call, under a lock, so that threads share one
parse, and keeps the result whatever data directory is in use; the monthly
exchange rates are parsed one currency at a time, on first access.
"""

from __future__ import annotations

import decimal
import functools
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType

from careerkit._once import once
from careerkit.data._series import FX_SERIES, POUND_G5A, SERIES, Date, Month, Values, _freeze

# The files sit beside this module in every install (wheel or editable). Paths are joined
# as text: pathlib costs the first conversion of a fresh process more than the reading.
_HERE = os.path.dirname(os.path.abspath(__file__))


def _path(kind: str, file: str | None = None) -> str:
    return os.path.join(_HERE, file or SERIES[kind].file)


def _text(kind: str, file: str | None = None) -> str:
    with open(_path(kind, file), encoding="utf-8") as handle:
        return handle.read()


def _plain_rows(kind: str) -> list[list[str]]:
    """The rows of a file whose fields hold no commas (the FX and CPI files), header dropped."""
    return [line.split(",") for line in _text(kind).splitlines()[1:] if line]


def _quoted_rows(kind: str) -> list[list[str]]:
    """The rows of a file with quoted fields ("Bahamas, The"), header dropped."""
    import csv  # on first use: looking a career up reads no series

    return list(csv.reader(_text(kind).splitlines()))[1:]


def _month(date: str) -> Month:
    return int(date[:4]), int(date[5:7])


class _MonthlyRates(Mapping[str, Mapping[Month, Decimal]]):
    """``{ISO code: {(year, month): rate}}``, each currency parsed on first access.

    The file holds 35 series; a program converting rupees needs one. Parsing a
    currency's rows when first asked for keeps the first conversion fast.
    """

    def __init__(self) -> None:
        # Bytes: a series' rows are found in them and decoded alone (the whole file's
        # decoding and newline translation would cost more than the search).
        with open(_path("fx-monthly"), "rb") as handle:
            self._bytes = handle.read()
        self._parsed: dict[str, Mapping[Month, Decimal]] = {}
        self._lock = threading.Lock()
        self._names = {code: name for name, code in FX_SERIES.items()}

    def __getitem__(self, code: str) -> Mapping[Month, Decimal]:
        found = self._parsed.get(code)
        if found is None:
            name = self._names[code]  # KeyError for a code without a series, as for a dict
            with self._lock:
                found = self._parsed.get(code)
                if found is not None:  # another thread parsed it while this one waited
                    return found
                # From the first line naming the series to the last: the file keeps each
                # series' rows together, so this reads one series, not the whole file.
                data, marker = self._bytes, f",{name},".encode()
                start = data.rfind(b"\n", 0, data.find(marker)) + 1
                end = data.find(b"\n", data.rfind(marker)) % (len(data) + 1)  # -1: to the end
                rows = data[start:end].decode("utf-8").splitlines()  # "\r\n" ends a line too
                found = MappingProxyType(
                    {
                        (int(date[:4]), int(date[5:7])): Decimal(rate)
                        for date, country, rate in (line.split(",") for line in rows)
                        if country == name
                    }
                )
                self._parsed[code] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def _shipped_fx_annual() -> Values:
    table: dict[str, dict[int, Decimal]] = {}
    for date, country, rate in _plain_rows("fx-annual"):
        code = FX_SERIES.get(country)
        if code is not None:
            table.setdefault(code, {})[int(date[:4])] = Decimal(rate)
    # The pound, from FRED's AEXUSUK (US dollars per pound): inverted as updates are.
    inverse = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)
    for line in _text("fx-annual", POUND_G5A.file).splitlines()[1:]:
        date, dollars = line.split(",")
        table.setdefault("GBP", {})[int(date[:4])] = inverse.divide(1, Decimal(dollars))
    return _freeze(table)


def _shipped_cpi() -> Values:
    return _freeze({"US": {_month(date): Decimal(index) for date, index, _ in _plain_rows("cpi")}})


def _shipped_by_year(kind: str) -> Values:
    """The World Bank files: ``name, code, year, value``, a blank value for no figure."""
    table: dict[str, dict[int, Decimal]] = {}
    for _, code, year, value in _quoted_rows(kind):
        if value.strip():
            table.setdefault(code, {})[int(year)] = Decimal(value)
    return _freeze({code: dict(sorted(values.items())) for code, values in table.items()})


def _shipped_rates(kind: str) -> Values:
    """careerkit's own compact files of the ECB's and the World Bank's rates
    (``tools/build_currencies.py``): ``date,currency,rate[,economies]``, by currency then date."""
    monthly = SERIES[kind].frequency == "monthly"
    table: dict[str, dict[Date, Decimal]] = {}
    for row in _plain_rows(kind):
        date, code, rate = row[0], row[1], row[2]
        when: Date = (int(date[:4]), int(date[5:7])) if monthly else int(date)
        table.setdefault(code, {})[when] = Decimal(rate)
    return _freeze(table)


def _read_economies() -> Mapping[tuple[str, int], str]:
    return MappingProxyType({(row[1], int(row[0])): row[3] for row in _plain_rows("fx-world-bank")})


_ECONOMIES_ONCE = once(_read_economies)


def world_bank_economies() -> Mapping[tuple[str, int], str]:
    """``{(currency, year): "BFA CIV ..."}``: the economies (World Bank codes) whose figure the
    shipped ``fx-world-bank`` value is, space-separated, the one whose figure it is first."""
    return _ECONOMIES_ONCE()


_SHIPPED: Mapping[str, Callable[[], Values]] = {
    "cpi": _shipped_cpi,
    "fx-monthly": _MonthlyRates,
    "fx-annual": _shipped_fx_annual,
    "fx-ecb-monthly": functools.partial(_shipped_rates, "fx-ecb-monthly"),
    "fx-ecb-annual": functools.partial(_shipped_rates, "fx-ecb-annual"),
    "fx-world-bank": functools.partial(_shipped_rates, "fx-world-bank"),
    "inflation": functools.partial(_shipped_by_year, "inflation"),
    "ppp": functools.partial(_shipped_by_year, "ppp"),
}
# Each shipped file is parsed once per process, whatever data directory is in use.
_SHIPPED_ONCE = {kind: once(load) for kind, load in _SHIPPED.items()}
