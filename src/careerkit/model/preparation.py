"""What it takes to prepare for a career: its preparation level and the shares of workers by
the education, experience and training their jobs require."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from careerkit._display import fitted
from careerkit.errors import ValidationError
from careerkit.model import _checks
from careerkit.model.text import Text

__all__ = ["CategoryShare", "Preparation"]


_text = _checks.instance_of(Text, "a Text")


def _percent(value: _checks.Amount | None) -> Decimal | None:
    return _checks.to_optional_amount(value, "percent")


def _positive_int(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(
            f"expected a category number, 1 or more, got {value!r}", field=attribute.name
        )


@attrs.frozen(kw_only=True, repr=False)
class CategoryShare:
    """The share of an occupation's workers in one category (of required education, say).

    ``percent`` is ``None`` where the source advises against showing its estimate
    (O*NET's ``Recommend Suppress = Y``): the category is listed, its figure is not a fact.

    >>> CategoryShare(category=2, label=Text("High School Diploma"), percent="54.76")
    <CategoryShare 2 'High School Diploma': 54.76 %>
    """

    category: int = attrs.field(validator=_positive_int)
    """The category's number in the source's scale (O*NET's 1 to 12 for education)."""
    label: Text = attrs.field(validator=_text)
    """The category as the source names it."""
    percent: Decimal | None = attrs.field(default=None, converter=_percent)
    """The share of workers, in percent (0 to 100), or ``None`` where not shown."""

    @percent.validator
    def _check_percent(self, attribute: attrs.Attribute[Any], value: Decimal | None) -> None:
        if value is not None and not 0 <= value <= 100:
            raise ValidationError(f"a share runs from 0 to 100 %, got {value}", field="percent")

    def __repr__(self) -> str:
        shown = "suppressed" if self.percent is None else f"{self.percent} %"
        return fitted(f"<CategoryShare {self.category} ", self.label.en, f": {shown}>")


def _shares(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    _checks.instances_of(CategoryShare, "a CategoryShare")(_, attribute, value)
    numbers = [share.category for share in value]  # type: ignore[attr-defined]
    if numbers != sorted(set(numbers)):
        raise ValidationError(
            f"categories must each appear once, in order; got {numbers}", field=attribute.name
        )


def check_job_zone(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An O*NET Job Zone: a whole number from 1 to 5."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValidationError(f"job zones run from 1 to 5, got {value!r}", field="job_zone")


@attrs.frozen(kw_only=True, repr=False)
class Preparation:
    """How much preparation a career needs, as O*NET rates it.

    ``job_zone`` is O*NET's preparation level, 1 (little or none) to 5 (extensive),
    with the zone's ``name`` and what the zone means for ``experience``,
    ``education`` and ``training``. The shares say how the workers who answered
    O*NET's survey describe their own jobs' requirements: ``education_shares``
    (O*NET's 12 categories of required education, in order), ``experience_shares``
    (related work experience) and ``training_shares`` (on-the-job training).

    >>> import careerkit
    >>> preparation = careerkit.get("43-4051").preparation
    >>> preparation.job_zone, preparation.name
    (2, Text('Job Zone Two: Some Preparation Needed'))
    """

    job_zone: int = attrs.field(validator=check_job_zone)
    """O*NET's Job Zone: 1 (little or no preparation) to 5 (extensive preparation)."""
    name: Text = attrs.field(validator=_text)
    """The zone's name (``Job Zone Two: Some Preparation Needed``)."""
    experience: Text = attrs.field(validator=_text)
    """What experience the zone's occupations need."""
    education: Text = attrs.field(validator=_text)
    """What education the zone's occupations need."""
    training: Text = attrs.field(validator=_text)
    """What training the zone's occupations need."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that states it."""
    education_shares: tuple[CategoryShare, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_shares
    )
    """The shares of workers by the education their job requires, in category order."""
    experience_shares: tuple[CategoryShare, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_shares
    )
    """The shares of workers by the related work experience their job requires."""
    training_shares: tuple[CategoryShare, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_shares
    )
    """The shares of workers by the on-the-job training their job requires."""

    def __repr__(self) -> str:
        return fitted(
            f"<Preparation job zone {self.job_zone}: ", self.name.en, f" ({self.source})>"
        )
