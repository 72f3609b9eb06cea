"""Where a career's skills are taught and what pays for the training: courses, funding."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from careerkit._display import fitted
from careerkit.errors import ValidationError
from careerkit.model import _checks
from careerkit.model.text import Text

__all__ = ["Course", "FundingKind", "FundingSource"]

_text = attrs.validators.instance_of(Text)
_optional_text = attrs.validators.optional(_text)
_optional_url = attrs.validators.optional(_checks.url)


class FundingKind(enum.StrEnum):
    """What a funding source offers."""

    SCHOLARSHIP = "scholarship"
    LOAN = "loan"
    FREE_TRAINING = "free-training"


def to_funding_kind(value: FundingKind | str) -> FundingKind:
    """Converter: a :class:`FundingKind` from its name, with a clear error."""
    return _checks.to_member(FundingKind, value, field="kind", what="kind")


@attrs.frozen(kw_only=True, repr=False)
class FundingSource:
    """A way to pay for the training: a scholarship, a loan or free training.

    ``regions`` lists where it is offered (ISO 3166 codes: ``IN`` for all of
    India, ``IN-WB`` for West Bengal).
    """

    kind: FundingKind = attrs.field(converter=to_funding_kind)
    """What it offers: a scholarship, a loan or free training."""
    name: Text = attrs.field(validator=_text)
    """Its name."""
    description: Text = attrs.field(validator=_text)
    """What it offers, and to whom."""
    regions: tuple[str, ...] = attrs.field(converter=_checks.to_tuple, validator=_checks.regions)
    """Where it is offered (ISO 3166: ``IN`` for all of India, ``IN-WB`` for West Bengal)."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that states it."""
    url: str | None = attrs.field(default=None, validator=_optional_url)
    """Where to apply or read more."""
    note: Text | None = attrs.field(default=None, validator=_optional_text)
    """A caveat the source adds, or how careerkit read it."""

    def __repr__(self) -> str:
        where = ", ".join(self.regions)
        return fitted(
            f"<FundingSource {self.kind.value} in {where}: ", self.name.en, f" ({self.source})>"
        )

    @regions.validator
    def _check_some_region(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if not value:
            raise ValidationError("name at least one region, such as 'IN'", field="regions")


@attrs.frozen(kw_only=True, repr=False)
class Course:
    """A course, portal or list of institutions where the career's skills are taught."""

    name: Text = attrs.field(validator=_text)
    """The name of the course, portal or list."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that states it."""
    url: str | None = attrs.field(default=None, validator=_optional_url)
    """Where to find it."""
    provider: Text | None = attrs.field(default=None, validator=_optional_text)
    """Who offers it, where the source says."""
    online: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    """Whether it is taught online."""
    note: Text | None = attrs.field(default=None, validator=_optional_text)
    """A caveat the source adds, or how careerkit read it."""

    def __repr__(self) -> str:
        online = ", online" if self.online else ""
        return fitted("<Course ", self.name.en, f"{online} ({self.source})>")
