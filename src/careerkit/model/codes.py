"""Official occupation codes: the keys that tie a career to national classifications."""

from __future__ import annotations

import enum
import re

import attrs

from careerkit.errors import ValidationError
from careerkit.model import _checks
from careerkit.model.text import Text

__all__ = ["CodeSystem", "OccupationCode"]


class CodeSystem(enum.StrEnum):
    """The classifications careerkit knows, with the shape of their codes."""

    NCO_2015 = "NCO-2015"
    """India's National Classification of Occupations 2015: ``5244.0301``."""
    NCS_QP = "NCS-QP"
    """A National Career Service qualification-pack code, as NCS prints it: ``GN007``."""
    SOC_2018 = "SOC-2018"
    """The US Standard Occupational Classification 2018: ``43-4051``."""
    SOC_2018_MAJOR = "SOC-2018 major group"
    """The SOC 2018 major group an occupation belongs to: ``43-0000``."""
    ONET_SOC = "O*NET-SOC"
    """The O*NET-SOC taxonomy: ``43-4051.00``."""
    ISCO_08 = "ISCO-08"
    """The ILO's International Standard Classification of Occupations 2008: ``4222``."""


# ASCII digits only: "٤٣-٤٠٥١" is not a SOC code, though Python's \d would take it
_FORMATS: dict[CodeSystem, tuple[re.Pattern[str], str]] = {
    CodeSystem.NCO_2015: (re.compile(r"\d{4}\.\d{4}\Z", re.ASCII), "'5244.0301'"),
    CodeSystem.NCS_QP: (
        re.compile(r"[A-Z]{2,5}(?:/[A-Z])?\d{3,4}\Z", re.ASCII),
        "'GN007' or 'SSC/Q0101'",
    ),
    CodeSystem.SOC_2018: (re.compile(r"\d{2}-\d{4}\Z", re.ASCII), "'43-4051'"),
    CodeSystem.SOC_2018_MAJOR: (re.compile(r"\d{2}-0000\Z", re.ASCII), "'43-0000'"),
    CodeSystem.ONET_SOC: (re.compile(r"\d{2}-\d{4}\.\d{2}\Z", re.ASCII), "'43-4051.00'"),
    CodeSystem.ISCO_08: (re.compile(r"\d{4}\Z", re.ASCII), "'4222'"),
}


def to_code_system(value: CodeSystem | str) -> CodeSystem:
    """Converter: a :class:`CodeSystem` from its name, with a clear error."""
    return _checks.to_member(CodeSystem, value, field="system", what="code system")


@attrs.frozen(kw_only=True, repr=False)
class OccupationCode:
    """A career's code in one classification, with the source that assigns it.

    >>> code = OccupationCode(system="SOC-2018", code="43-4051", source="soc-2018")
    >>> code.system
    <CodeSystem.SOC_2018: 'SOC-2018'>
    >>> code
    <OccupationCode SOC-2018 43-4051 (soc-2018)>
    """

    system: CodeSystem = attrs.field(converter=to_code_system)
    """The classification the code belongs to."""
    code: str = attrs.field()
    """The code, as the classification writes it (``43-4051``)."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that assigns the code."""
    title: Text | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Text))
    )
    """The occupation's title in that classification, where the profile records it."""

    def __repr__(self) -> str:
        # Records print as summaries, values as Python (the rule: careerkit._display).
        from careerkit._display import fitted

        before = f"<OccupationCode {self.system.value} {self.code}"
        if self.title is None:
            return f"{before} ({self.source})>"
        return fitted(f"{before}: ", self.title.en, f" ({self.source})>")

    @code.validator
    def _check_code(self, attribute: attrs.Attribute[str], value: str) -> None:
        pattern, example = _FORMATS[self.system]
        if not isinstance(value, str) or not pattern.match(value):
            raise ValidationError(
                f"{value!r} is not a {self.system.value} code; expected the form {example}",
                field="code",
            )
