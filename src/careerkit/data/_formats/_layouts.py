"""The layouts careerkit reads publishers' files in, for each kind, and their first lines.

A file's layout is recognised by its first line, whatever its name
(:func:`careerkit.data._formats._read._detect`): the headers below. :func:`_accepted`
lists the layouts of a kind, by their first lines, for the messages of every reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

INDICATORS: Mapping[str, str] = MappingProxyType(
    {"inflation": "FP.CPI.TOTL.ZG", "ppp": "PA.NUS.PPP", "fx-world-bank": "PA.NUS.FCRF"}
)
"""The World Bank indicator each World Bank kind is read from."""

FRED = "FRED CSV"
BLS = "BLS time-series flat file"
WORLD_BANK = "World Bank WDI CSV"
WORLD_BANK_ZIP = "World Bank WDI zip"
DATABANK = "World Bank DataBank CSV"
DDP = "Federal Reserve Data Download Program CSV"
SNAPSHOT = "careerkit snapshot"
ECB = "ECB reference rates CSV"
ECB_ZIP = "ECB reference rates zip"

LAYOUTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "cpi": (FRED, BLS, SNAPSHOT),
        "fx-monthly": (FRED, DDP, SNAPSHOT),
        "fx-annual": (FRED, DDP, SNAPSHOT),
        "fx-ecb-monthly": (ECB, ECB_ZIP, SNAPSHOT),
        "fx-ecb-annual": (ECB, ECB_ZIP, SNAPSHOT),
        "fx-world-bank": (WORLD_BANK, WORLD_BANK_ZIP, DATABANK, SNAPSHOT),
        "inflation": (WORLD_BANK, WORLD_BANK_ZIP, DATABANK, SNAPSHOT),
        "ppp": (WORLD_BANK, WORLD_BANK_ZIP, DATABANK, SNAPSHOT),
    }
)
"""The layouts :func:`~careerkit.data._formats.read` accepts for each kind
(:attr:`~careerkit.data._formats.Parsed.format` is one of them)."""

_SNAPSHOT_HEADERS: Mapping[str, list[str]] = {
    "cpi": ["Date", "Index", "Inflation"],
    "fx-monthly": ["Date", "Country", "Exchange rate"],
    "fx-annual": ["Date", "Country", "Value"],
    "fx-ecb-monthly": ["Month", "Currency", "ECB cross rate"],
    "fx-ecb-annual": ["Year", "Currency", "ECB cross rate"],
    "fx-world-bank": ["Year", "Currency", "World Bank rate", "Economies"],
    "inflation": ["Country", "Country Code", "Year", "CPI"],
    "ppp": ["Country", "Country ID", "Year", "PPP"],
}
_BLS_HEADER = ["series_id", "year", "period", "value", "footnote_codes"]
_BLS_SERIES = "CUUR0000SA0"
_WORLD_BANK_HEADER = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]
_DDP_HEADER = ("Series Description", "Unit:", "Multiplier:", "Currency:", "Unique Identifier:")


def _accepted(kind: str) -> str:
    """The layouts accepted for *kind*, by the first line of each, for messages."""
    first_lines = {
        FRED: {
            "cpi": "observation_date,CPIAUCNS (or DATE,CPIAUCNS)",
            "fx-monthly": "observation_date then FRED ids of monthly averages (EXINUS, ...)",
            "fx-annual": "observation_date then FRED ids of annual averages (AEXINUS, ...)",
        }.get(kind, ""),
        BLS: "series_id, year, period, value, footnote_codes, tab-separated",
        WORLD_BANK: '"Data Source","World Development Indicators", then a header '
        '"Country Name","Country Code","Indicator Name","Indicator Code","1960",...',
        WORLD_BANK_ZIP: f"the zip holding API_{INDICATORS.get(kind)}_DS2_en_csv_v2_<n>.csv",
        DATABANK: "Country Name,Country Code,Series Name,Series Code,1960 [YR1960],...",
        DDP: '"Series Description",..., then the rows "Unit:", "Multiplier:", "Currency:", '
        '"Unique Identifier:" and "Time Period", a column per series',
        SNAPSHOT: ",".join(_SNAPSHOT_HEADERS[kind]),
        ECB: "Date,USD,JPY,...: the ECB's eurofxref-hist.csv",
        ECB_ZIP: "the ECB's eurofxref-hist.zip, holding eurofxref-hist.csv",
    }
    layouts = "; ".join(f"{layout} ({first_lines[layout]})" for layout in LAYOUTS[kind])
    return f"careerkit reads {kind} files in these layouts, by their first line: {layouts}"
