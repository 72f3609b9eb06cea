"""careerkit: careers as typed, citable data, with pay figures made comparable.

>>> import careerkit
>>> career = careerkit.get("customer care executive")
>>> career.codes["NCO-2015"]
'5244.0301'
>>> [str(step) for step in career.ladder.steps]
['Customer Care Executive', 'Customer Care Senior Executive', 'Assistant Manager', 'Manager']

Importing careerkit loads no profile and imports neither pint, babel nor numpy:
profiles are read on the first lookup, once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerkit.errors import (
    CareerkitError,
    CareerkitWarning,
    DataNotAvailableError,
    DateRequiredError,
    DuplicateProfileError,
    ProfileLoadError,
    ProfileNotFoundError,
    UnknownCurrencyError,
    ValidationError,
)
from careerkit.model import (
    Career,
    CodeSystem,
    Course,
    CourseFee,
    EntryRoute,
    Fact,
    FieldStory,
    FundingKind,
    FundingSource,
    OccupationCode,
    PayBand,
    Period,
    ProgressionLadder,
    ReferenceDate,
    Source,
    Text,
    WorkingHours,
    WorkSchedule,
)
from careerkit.pay import INTERNATIONAL_DOLLAR, ConvertedPayBand, Pay, convert_array
from careerkit.registry import Registry, careers, get
from careerkit.serialization import from_dict, from_toml, load_profile, to_dict, to_toml

if TYPE_CHECKING:
    __version__: str

__all__ = [
    "INTERNATIONAL_DOLLAR",
    "Career",
    "CareerkitError",
    "CareerkitWarning",
    "CodeSystem",
    "ConvertedPayBand",
    "Course",
    "CourseFee",
    "DataNotAvailableError",
    "DateRequiredError",
    "DuplicateProfileError",
    "EntryRoute",
    "Fact",
    "FieldStory",
    "FundingKind",
    "FundingSource",
    "OccupationCode",
    "Pay",
    "PayBand",
    "Period",
    "ProfileLoadError",
    "ProfileNotFoundError",
    "ProgressionLadder",
    "ReferenceDate",
    "Registry",
    "Source",
    "Text",
    "UnknownCurrencyError",
    "ValidationError",
    "WorkSchedule",
    "WorkingHours",
    "careers",
    "convert_array",
    "from_dict",
    "from_toml",
    "get",
    "load_profile",
    "to_dict",
    "to_toml",
]


def __getattr__(name: str) -> str:
    # __version__ is read from the installed metadata on first use, as attrs does.
    if name == "__version__":
        from importlib.metadata import version

        return version("careerkit")
    raise AttributeError(f"module 'careerkit' has no attribute {name!r}")
