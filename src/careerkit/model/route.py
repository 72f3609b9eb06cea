"""How people enter a career and rise in it: entry routes, progression ladders, field stories."""

from __future__ import annotations

from typing import Any

import attrs

from careerkit._display import fitted, shortened
from careerkit.errors import ValidationError
from careerkit.model import _checks
from careerkit.model.text import Text

__all__ = ["EntryRoute", "FieldStory", "ProgressionLadder"]

_text = attrs.validators.instance_of(Text)
_optional_text = attrs.validators.optional(_text)
_texts = _checks.instances_of(Text, "a Text")


@attrs.frozen(kw_only=True, repr=False)
class EntryRoute:
    """One way into a career: the minimum qualification, then the steps after it.

    ``text`` is the route as the source words it; ``minimum_qualification`` and
    ``steps`` are the same route broken into parts. ``nsqf_level`` is the level
    on India's National Skills Qualifications Framework (1..10) where a step is
    NSQF training.
    """

    region: str = attrs.field(validator=_checks.region)
    """Where the route applies (ISO 3166: ``IN``, ``US``, ``US-CA``)."""
    minimum_qualification: Text = attrs.field(validator=_text)
    """The least schooling or qualification the route starts from."""
    text: Text = attrs.field(validator=_text)
    """The whole route, as the source words it."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that states it."""
    steps: tuple[Text, ...] = attrs.field(default=(), converter=_checks.to_tuple, validator=_texts)
    """The steps after the minimum qualification, in order."""
    nsqf_level: int | None = attrs.field(default=None)
    """The NSQF level (1..10) where a step is NSQF training, else ``None``."""
    note: Text | None = attrs.field(default=None, validator=_optional_text)
    """A caveat the source adds, or how careerkit read it."""

    def __repr__(self) -> str:
        # Records print as summaries, values as Python (the rule: careerkit._display).
        count = len(self.steps)
        steps = f", then {count} step{'s' * (count != 1)}" if count else ""
        nsqf = "" if self.nsqf_level is None else f", NSQF level {self.nsqf_level}"
        return fitted(
            f"<EntryRoute {self.region}: ",
            self.minimum_qualification.en,
            f"{steps}{nsqf} ({self.source})>",
        )

    @nsqf_level.validator
    def _check_nsqf(self, attribute: attrs.Attribute[int | None], value: int | None) -> None:
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10
        ):
            raise ValidationError(
                f"NSQF levels run from 1 to 10, got {value!r}", field="nsqf_level"
            )


@attrs.frozen(kw_only=True, repr=False)
class ProgressionLadder:
    """The usual order of promotion, first step first."""

    steps: tuple[Text, ...] = attrs.field(converter=_checks.to_tuple, validator=_texts)
    """The job titles, entry step first: at least two, none repeated."""
    region: str = attrs.field(validator=_checks.region)
    """Where the ladder applies (ISO 3166: ``IN``, ``US``, ``US-CA``)."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that states it."""

    def __repr__(self) -> str:
        steps = " -> ".join(step.en for step in self.steps)
        if len(steps) > 60 and len(self.steps) > 2:  # the first and last step say the most
            steps = f"{self.steps[0].en} -> … -> {self.steps[-1].en}, {len(self.steps)} steps"
        return fitted(
            f"<ProgressionLadder {self.region}: ", steps, f" ({self.source})>", quote=False
        )

    @steps.validator
    def _check_steps(self, attribute: attrs.Attribute[Any], value: tuple[Text, ...]) -> None:
        if len(value) < 2:
            raise ValidationError("a ladder needs at least two steps", field="steps")
        _checks.unique_items(self, attribute, value)


@attrs.frozen(kw_only=True, repr=False)
class FieldStory:
    """A short account of a real person's path into the career."""

    person: str = attrs.field(validator=_checks.nonblank)
    """Who the story is about, as the source names them."""
    text: Text = attrs.field(validator=_text)
    """The story, in brief."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that states it."""
    note: Text | None = attrs.field(default=None, validator=_optional_text)
    """A caveat the source adds, or how careerkit read it."""

    def __repr__(self) -> str:
        return fitted(
            f"<FieldStory of {shortened(self.person, 40)!r}: ", self.text.en, f" ({self.source})>"
        )
