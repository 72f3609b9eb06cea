"""The public statistical series careerkit uses, and which vintage of each is in use.

Each loader returns read-only mappings of exact :class:`~decimal.Decimal`
values keyed by date. Nothing is read at import; a loader parses its file on its
first call (under a lock, so threads share one parse) and caches the result.
This package knows nothing about careers or pay: it reads the series, names
their official sources (see ``README.md`` beside this file), and keeps the
user's newer official files.

**The data in use** is the snapshot shipped in the package with any updates the
user installed laid over it (``careerkit data update KIND FILE``, or
:func:`update`): at each date, the newest installed file that has a value
supplies it, and the snapshot supplies the rest. Updates live in a user data
directory, never in the installed package: :func:`directory` says which (the
``CAREERKIT_DATA_DIR`` environment variable, else the platform's user data
directory, found by platformdirs), and :func:`use` chooses another for one
process. :func:`source_of` names the file each value came from, so that
provenance cites the data actually used; :func:`status` describes every series.

>>> from careerkit import data
>>> data.us_cpi()[(2008, 5)]
Decimal('216.632')
>>> data.gap("cpi", "US", (2025, 10))
'not collected by BLS: the lapse in federal appropriations (1 October to 12 November 2025) stopped price collection, and BLS published no index for October 2025'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careerkit.data._directory import ENVIRONMENT as ENVIRONMENT
from careerkit.data._directory import directory
from careerkit.data._files import DataFile, InstalledRelease
from careerkit.data._in_use import (
    FX_KINDS,
    catalogue_folder,
    currencies,
    fx_monthly,
    fx_yearly,
    gap,
    inflation_rates,
    oews_releases,
    ppp_factors,
    source_of,
    updates,
    us_cpi,
    values,
)
from careerkit.data._manage import on_change as on_change
from careerkit.data._manage import reset, status, update, use
from careerkit.data._series import (
    ECB_CURRENCIES,
    FED_USD_PER_UNIT,
    FX_SERIES,
    KINDS,
    KNOWN_GAPS,
    POUND_G5A,
    SERIES,
    SeriesInfo,
    label,
)

# Names beside the public ones, for careerkit's own modules: the date and value types, the
# series check, and the environment variable the reference documents.
from careerkit.data._series import Date as Date
from careerkit.data._series import Month as Month
from careerkit.data._series import Values as Values
from careerkit.data._series import check_kind as check_kind

if TYPE_CHECKING:
    from careerkit.data._install import Installed as Installed
    from careerkit.data._status import ReleaseStatus, SeriesStatus

__all__ = [
    "ECB_CURRENCIES",
    "FED_USD_PER_UNIT",
    "FX_KINDS",
    "FX_SERIES",
    "KINDS",
    "KNOWN_GAPS",
    "POUND_G5A",
    "SERIES",
    "DataFile",
    "InstalledRelease",
    "ReleaseStatus",
    "SeriesInfo",
    "SeriesStatus",
    "catalogue_folder",
    "currencies",
    "directory",
    "fx_monthly",
    "fx_yearly",
    "gap",
    "inflation_rates",
    "label",
    "oews_releases",
    "ppp_factors",
    "reset",
    "source_of",
    "status",
    "update",
    "updates",
    "us_cpi",
    "use",
    "values",
]


def __getattr__(name: str) -> Any:
    # The records of status() and update() are imported with them, on first use.
    if name in ("SeriesStatus", "ReleaseStatus"):
        from careerkit.data import _status

        return getattr(_status, name)
    if name == "Installed":
        from careerkit.data._install import Installed

        return Installed
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
