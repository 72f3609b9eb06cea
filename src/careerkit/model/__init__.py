"""The careerkit domain model: frozen, validated attrs classes and no I/O.

Everything here is re-exported from :mod:`careerkit`; import it from there.
"""

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
