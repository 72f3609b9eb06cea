"""careerkit: careers as typed, citable data, with pay figures made comparable.

>>> import careerkit
>>> career = careerkit.get("customer care executive")
>>> career.codes["NCO-2015"]
'5244.0301'
>>> [str(step) for step in career.ladder.steps]
['Customer Care Executive', 'Customer Care Senior Executive', 'Assistant Manager', 'Manager']

Importing careerkit loads nothing but its exceptions: each name is imported on
first use, profiles are read on the first lookup, data series on the first
conversion that needs them, and pint, babel and numpy only by what uses them.
"""

from __future__ import annotations

from careerkit._lazy import lazy_names, public_names
from careerkit.errors import (
    AreaNotFoundError,
    CareerkitError,
    CareerkitWarning,
    DataFormatError,
    DataNotAvailableError,
    DataRevisionError,
    DateRequiredError,
    DivisionByZeroError,
    DuplicateProfileError,
    IncompatiblePayError,
    MissingExtraError,
    PayBandNotFoundError,
    PayParseError,
    ProfileLoadError,
    ProfileNotFoundError,
    SourceNotFoundError,
    UnknownCurrencyError,
    UnknownLocaleError,
    ValidationError,
    WrongTypeError,
)

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs more than the rest
if TYPE_CHECKING:
    from typing import Any

    from careerkit._compare import Comparison, compare
    from careerkit._related import NextStep
    from careerkit._search import (
        CLASSIFY_MIN_SCORE,
        SearchResult,
        SearchResults,
        classify,
        classify_titles,
        search,
    )
    from careerkit.catalogue.sources.oews_areas import area, areas
    from careerkit.model import (
        Area,
        Career,
        CareerExtension,
        CategoryShare,
        CodeSystem,
        Course,
        CourseFee,
        Employment,
        EntryRoute,
        Fact,
        FieldStory,
        FundingKind,
        FundingSource,
        OccupationCode,
        Outlook,
        PayBand,
        Period,
        Preparation,
        ProgressionLadder,
        ReferenceDate,
        RelatedOccupation,
        Skill,
        Source,
        Specialty,
        Text,
        Tool,
        WorkingHours,
        WorkSchedule,
    )
    from careerkit.pay import (
        INTERNATIONAL_DOLLAR,
        ConvertedPayBand,
        Pay,
        PayGrowth,
        PayHistory,
        PayPosition,
        PayRange,
        SeriesCut,
        conversion_failures,
        convert_array,
    )
    from careerkit.registry import Registry, careers, get
    from careerkit.serialization import from_dict, from_toml, load_profile, to_dict, to_toml
    from careerkit.text import format_pay, parse_pay

    __version__: str

# Everything but the errors is imported on first use (PEP 562), so that
# ``import careerkit`` costs almost nothing: ``careerkit.Pay`` imports the pay
# engine, ``careerkit.get`` the registry, and so on.
_LAZY = {
    **dict.fromkeys(
        [
            "Area",
            "Career",
            "CareerExtension",
            "CategoryShare",
            "CodeSystem",
            "Course",
            "CourseFee",
            "Employment",
            "EntryRoute",
            "Fact",
            "FieldStory",
            "FundingKind",
            "FundingSource",
            "OccupationCode",
            "Outlook",
            "PayBand",
            "Period",
            "Preparation",
            "ProgressionLadder",
            "ReferenceDate",
            "RelatedOccupation",
            "Skill",
            "Source",
            "Specialty",
            "Text",
            "Tool",
            "WorkingHours",
            "WorkSchedule",
        ],
        "careerkit.model",
    ),
    **dict.fromkeys(
        [
            "INTERNATIONAL_DOLLAR",
            "ConvertedPayBand",
            "Pay",
            "PayGrowth",
            "PayHistory",
            "PayPosition",
            "PayRange",
            "SeriesCut",
            "conversion_failures",
            "convert_array",
        ],
        "careerkit.pay",
    ),
    **dict.fromkeys(
        [
            "CLASSIFY_MIN_SCORE",
            "SearchResult",
            "SearchResults",
            "classify",
            "classify_titles",
            "search",
        ],
        "careerkit._search",
    ),
    **dict.fromkeys(["Comparison", "compare"], "careerkit._compare"),
    **dict.fromkeys(["NextStep"], "careerkit._related"),
    **dict.fromkeys(["area", "areas"], "careerkit.catalogue.sources.oews_areas"),
    **dict.fromkeys(["format_pay", "parse_pay"], "careerkit.text"),
    **dict.fromkeys(["Registry", "careers", "get"], "careerkit.registry"),
    **dict.fromkeys(
        ["from_dict", "from_toml", "load_profile", "to_dict", "to_toml"], "careerkit.serialization"
    ),
}

__all__ = [
    "CLASSIFY_MIN_SCORE",
    "INTERNATIONAL_DOLLAR",
    "Area",
    "AreaNotFoundError",
    "Career",
    "CareerExtension",
    "CareerkitError",
    "CareerkitWarning",
    "CategoryShare",
    "CodeSystem",
    "Comparison",
    "ConvertedPayBand",
    "Course",
    "CourseFee",
    "DataFormatError",
    "DataNotAvailableError",
    "DataRevisionError",
    "DateRequiredError",
    "DivisionByZeroError",
    "DuplicateProfileError",
    "Employment",
    "EntryRoute",
    "Fact",
    "FieldStory",
    "FundingKind",
    "FundingSource",
    "IncompatiblePayError",
    "MissingExtraError",
    "NextStep",
    "OccupationCode",
    "Outlook",
    "Pay",
    "PayBand",
    "PayBandNotFoundError",
    "PayGrowth",
    "PayHistory",
    "PayParseError",
    "PayPosition",
    "PayRange",
    "Period",
    "Preparation",
    "ProfileLoadError",
    "ProfileNotFoundError",
    "ProgressionLadder",
    "ReferenceDate",
    "Registry",
    "RelatedOccupation",
    "SearchResult",
    "SearchResults",
    "SeriesCut",
    "Skill",
    "Source",
    "SourceNotFoundError",
    "Specialty",
    "Text",
    "Tool",
    "UnknownCurrencyError",
    "UnknownLocaleError",
    "ValidationError",
    "WorkSchedule",
    "WorkingHours",
    "WrongTypeError",
    "area",
    "areas",
    "careers",
    "classify",
    "classify_titles",
    "compare",
    "conversion_failures",
    "convert_array",
    "format_pay",
    "from_dict",
    "from_toml",
    "get",
    "load_profile",
    "parse_pay",
    "search",
    "to_dict",
    "to_toml",
]


from careerkit import _wiring  # noqa: E402,F401 - provides the hooks of careerkit._hooks

_lazy_getattr = lazy_names("careerkit", _LAZY, globals())


def __getattr__(name: str) -> Any:
    if name == "__version__":  # read from the installed metadata, as attrs does
        from importlib.metadata import version

        return version("careerkit")
    return _lazy_getattr(name)


def __dir__() -> list[str]:
    # The public names only: not TYPE_CHECKING, annotations or the machinery above.
    return public_names([*__all__, "__version__"], globals())
