"""What the work is: the tools it uses, the skills and knowledge it calls for, its
specialties and the occupations related to it."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import attrs

from careerkit._display import fitted, shortened
from careerkit.errors import ValidationError
from careerkit.model import _checks
from careerkit.model.preparation import check_job_zone
from careerkit.model.text import Text

__all__ = ["RelatedOccupation", "Skill", "Specialty", "Tool"]

_ONET_CODE = re.compile(r"\d{2}-\d{4}\.\d{2}\Z", re.ASCII)
_SOC_OR_ONET = re.compile(r"\d{2}-\d{4}(?:\.\d{2})?\Z", re.ASCII)
SKILL_KINDS = ("skill", "knowledge")
"""The kinds of :class:`Skill`: O*NET's skills and its knowledge areas."""


_text = _checks.instance_of(Text, "a Text")
_flag = _checks.instance_of(bool, "true or false")


def _code(pattern: re.Pattern[str], example: str) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not pattern.match(value):
            raise ValidationError(
                f"{value!r} is not an occupation code such as {example}", field=attribute.name
            )

    return check


def _scale(low: int, high: int) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: Decimal | None) -> None:
        if value is not None and not low <= value <= high:
            raise ValidationError(
                f"{attribute.name} runs from {low} to {high}, got {value}", field=attribute.name
            )

    return check


def _importance(value: _checks.Amount | None) -> Decimal | None:
    return _checks.to_optional_amount(value, "importance")


def _level(value: _checks.Amount | None) -> Decimal | None:
    return _checks.to_optional_amount(value, "level")


@attrs.frozen(kw_only=True, repr=False)
class Tool:
    """A piece of technology the work uses, as O*NET lists it (software, mostly).

    ``category`` is the commodity class it belongs to (UNSPSC, ``commodity`` its
    code); ``hot`` marks what O*NET calls a Hot Technology (often named in job
    postings) and ``in_demand`` what employers ask for in this occupation's postings.

    >>> Tool(name="Microsoft Excel", category="Spreadsheet software", commodity=43232110,
    ...      hot=True, in_demand=True, source="onet-29-3")
    <Tool 'Microsoft Excel': 'Spreadsheet software', hot, in demand (onet-29-3)>
    """

    name: str = attrs.field(validator=_checks.nonblank)
    """The tool as O*NET names it (``Microsoft Excel``)."""
    category: str = attrs.field(validator=_checks.nonblank)
    """Its commodity class (``Spreadsheet software``)."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that states it."""
    commodity: int | None = attrs.field(default=None)
    """The UNSPSC commodity code of its class, where the source gives one."""
    hot: bool = attrs.field(default=False, validator=_flag)
    """Whether the source marks it a hot technology."""
    in_demand: bool = attrs.field(default=False, validator=_flag)
    """Whether the source marks it in demand for this occupation."""

    @commodity.validator
    def _check_commodity(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 10**8
        ):
            raise ValidationError(
                f"expected an 8-digit UNSPSC code such as 43232110, got {value!r}",
                field="commodity",
            )

    def __repr__(self) -> str:
        marks = "".join(
            mark for mark, on in ((", hot", self.hot), (", in demand", self.in_demand)) if on
        )
        return fitted(
            f"<Tool {shortened(self.name, 40)!r}: ", self.category, f"{marks} ({self.source})>"
        )


@attrs.frozen(kw_only=True, repr=False)
class Skill:
    """A skill or knowledge area the work calls for, rated as O*NET publishes it.

    ``kind`` is ``"skill"`` (Active Listening) or ``"knowledge"`` (Customer and
    Personal Service). ``importance`` runs from 1 (not important) to 5 (extremely
    important) and ``level`` from 0 to 7 (how much of it the work needs); either is
    ``None`` where O*NET advises against showing its estimate. ``relevant`` is
    ``False`` where O*NET marks the level not relevant (the skill hardly matters).

    >>> Skill(name="Active Listening", kind="skill", importance="4.00", level="4.12",
    ...       source="onet-29-3")
    <Skill 'Active Listening': skill, importance 4.00, level 4.12 (onet-29-3)>
    """

    name: str = attrs.field(validator=_checks.nonblank)
    """The skill or knowledge area as O*NET names it."""
    kind: str = attrs.field()
    """``"skill"`` or ``"knowledge"``."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that states it."""
    importance: Decimal | None = attrs.field(
        default=None, converter=_importance, validator=_scale(1, 5)
    )
    """How important it is, 1 to 5, as published."""
    level: Decimal | None = attrs.field(default=None, converter=_level, validator=_scale(0, 7))
    """How much of it the work needs, 0 to 7, as published."""
    relevant: bool = attrs.field(default=True, validator=_flag)
    """``False`` where the source marks the level not relevant to the work."""

    @kind.validator
    def _check_kind(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in SKILL_KINDS:
            raise ValidationError(f"kind is 'skill' or 'knowledge', got {value!r}", field="kind")

    def __repr__(self) -> str:
        rated = ", ".join(
            f"{name} {value}"
            for name, value in (("importance", self.importance), ("level", self.level))
            if value is not None
        )
        return fitted("<Skill ", self.name, f": {self.kind}, {rated} ({self.source})>")


@attrs.frozen(kw_only=True, repr=False)
class Specialty:
    """A specialty of a career: an O*NET-SOC detail occupation below its SOC code.

    >>> import careerkit
    >>> [specialty.code for specialty in careerkit.get("29-1141").specialties]
    ['29-1141.01', '29-1141.02', '29-1141.03', '29-1141.04']
    """

    code: str = attrs.field(validator=_code(_ONET_CODE, "'29-1141.01'"))
    """Its O*NET-SOC code (``29-1141.01``)."""
    title: Text = attrs.field(validator=_text)
    """Its title (``Acute Care Nurses``)."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that states it."""
    description: Text | None = attrs.field(default=None, validator=attrs.validators.optional(_text))
    """What it is, where the source describes it."""
    tasks: tuple[Text, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.instances_of(Text, "a Text")
    )
    """Its task statements, core tasks first."""
    job_zone: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_job_zone)
    )
    """Its O*NET Job Zone (1 to 5), where rated."""

    def __repr__(self) -> str:
        return fitted(f"<Specialty {self.code}: ", self.title.en, f" ({self.source})>")


@attrs.frozen(kw_only=True, repr=False)
class RelatedOccupation:
    """An occupation a source lists as related to a career, in the source's order.

    :meth:`careerkit.Career.related` turns them into careers.
    """

    code: str = attrs.field(validator=_code(_SOC_OR_ONET, "'41-3091.00' or '41-3091'"))
    """Its code: O*NET-SOC (``41-3091.00``) or SOC (``41-3091``)."""
    title: Text = attrs.field(validator=_text)
    """Its title, as the source gives it."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that states it."""
    tier: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(_checks.nonblank)
    )
    """How closely related, as the source ranks it (O*NET: ``Primary-Short``,
    ``Primary-Long``, ``Supplemental``)."""

    @property
    def soc(self) -> str:
        """Its SOC code: the O*NET-SOC code's first seven characters."""
        return self.code[:7]

    def __repr__(self) -> str:
        return fitted(f"<RelatedOccupation {self.code}: ", self.title.en, f" ({self.source})>")
