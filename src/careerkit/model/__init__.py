"""The careerkit domain model: frozen, validated attrs classes and no I/O.

Everything here is re-exported from :mod:`careerkit`; import it from there.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerkit.model.career import (
        Career,
        Course,
        EntryRoute,
        FieldStory,
        FundingKind,
        FundingSource,
        ProgressionLadder,
    )
    from careerkit.model.codes import CodeSystem, OccupationCode
    from careerkit.model.dates import ReferenceDate
    from careerkit.model.pay_band import CourseFee, PayBand, Period
    from careerkit.model.schedule import WorkingHours, WorkSchedule
    from careerkit.model.source import Fact, Source
    from careerkit.model.text import LANGUAGES, Language, Text

_LAZY = {
    **dict.fromkeys(
        [
            "Career",
            "Course",
            "EntryRoute",
            "FieldStory",
            "FundingKind",
            "FundingSource",
            "ProgressionLadder",
        ],
        "careerkit.model.career",
    ),
    **dict.fromkeys(["CodeSystem", "OccupationCode"], "careerkit.model.codes"),
    **dict.fromkeys(["ReferenceDate"], "careerkit.model.dates"),
    **dict.fromkeys(["CourseFee", "PayBand", "Period"], "careerkit.model.pay_band"),
    **dict.fromkeys(["WorkingHours", "WorkSchedule"], "careerkit.model.schedule"),
    **dict.fromkeys(["Fact", "Source"], "careerkit.model.source"),
    **dict.fromkeys(["LANGUAGES", "Language", "Text"], "careerkit.model.text"),
}

__all__ = [
    "LANGUAGES",
    "Career",
    "CodeSystem",
    "Course",
    "CourseFee",
    "EntryRoute",
    "Fact",
    "FieldStory",
    "FundingKind",
    "FundingSource",
    "Language",
    "OccupationCode",
    "PayBand",
    "Period",
    "ProgressionLadder",
    "ReferenceDate",
    "Source",
    "Text",
    "WorkSchedule",
    "WorkingHours",
]


def __getattr__(name: str) -> Any:
    # Submodules load on first use: importing one model class (Pay needs Period and
    # WorkSchedule) does not build the others.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'careerkit.model' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
