"""The careerkit domain model: frozen, validated attrs classes and no I/O.

Everything here is re-exported from :mod:`careerkit`; import it from there.
"""

from typing import TYPE_CHECKING

from careerkit._lazy import lazy_names, public_names

if TYPE_CHECKING:
    from careerkit.model.area import Area
    from careerkit.model.career import Career, CareerExtension
    from careerkit.model.codes import CodeSystem, OccupationCode
    from careerkit.model.dates import ReferenceDate
    from careerkit.model.employment import Employment
    from careerkit.model.outlook import Outlook
    from careerkit.model.pay_band import CourseFee, PayBand, Period
    from careerkit.model.preparation import CategoryShare, Preparation
    from careerkit.model.route import EntryRoute, FieldStory, ProgressionLadder
    from careerkit.model.schedule import WorkingHours, WorkSchedule
    from careerkit.model.source import Fact, Source
    from careerkit.model.text import LANGUAGES, Language, Text
    from careerkit.model.training import Course, FundingKind, FundingSource
    from careerkit.model.work import RelatedOccupation, Skill, Specialty, Tool

_LAZY = {
    **dict.fromkeys(["Area"], "careerkit.model.area"),
    **dict.fromkeys(["Career", "CareerExtension"], "careerkit.model.career"),
    **dict.fromkeys(["CodeSystem", "OccupationCode"], "careerkit.model.codes"),
    **dict.fromkeys(["ReferenceDate"], "careerkit.model.dates"),
    **dict.fromkeys(["Employment"], "careerkit.model.employment"),
    **dict.fromkeys(["Outlook"], "careerkit.model.outlook"),
    **dict.fromkeys(["CategoryShare", "Preparation"], "careerkit.model.preparation"),
    **dict.fromkeys(["RelatedOccupation", "Skill", "Specialty", "Tool"], "careerkit.model.work"),
    **dict.fromkeys(["CourseFee", "PayBand", "Period"], "careerkit.model.pay_band"),
    **dict.fromkeys(["EntryRoute", "FieldStory", "ProgressionLadder"], "careerkit.model.route"),
    **dict.fromkeys(["WorkingHours", "WorkSchedule"], "careerkit.model.schedule"),
    **dict.fromkeys(["Fact", "Source"], "careerkit.model.source"),
    **dict.fromkeys(["LANGUAGES", "Language", "Text"], "careerkit.model.text"),
    **dict.fromkeys(["Course", "FundingKind", "FundingSource"], "careerkit.model.training"),
}

__all__ = [
    "LANGUAGES",
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
    "Language",
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
    "WorkSchedule",
    "WorkingHours",
]


# Submodules load on first use: Pay needs Period and WorkSchedule, not Career.
__getattr__ = lazy_names("careerkit.model", _LAZY, globals())


def __dir__() -> list[str]:
    return public_names(__all__, globals())
