"""Citations: where a fact comes from, and the fact that cites it."""

from __future__ import annotations

import attrs

from careerkit.errors import ValidationError
from careerkit.model import _checks
from careerkit.model.dates import ReferenceDate, to_optional_date
from careerkit.model.text import Text

__all__ = ["Fact", "Source"]

_optional_text = attrs.validators.optional(attrs.validators.instance_of(Text))


@attrs.frozen(kw_only=True)
class Source:
    """A document a profile cites, referred to by its ``id`` within the profile.

    ``reference_date`` is the date the document's figures refer to, when it
    says; when it does not, it stays ``None`` and ``date_note`` says what is
    known instead (never an invented date). ``via`` names the id of another
    source through which this one is quoted (BLS figures quoted by an article,
    a PayScale figure quoted by the National Career Service).
    """

    id: str = attrs.field(validator=_checks.slug)
    title: Text = attrs.field(validator=attrs.validators.instance_of(Text))
    publisher: Text | None = attrs.field(default=None, validator=_optional_text)
    url: str | None = attrs.field(default=None, validator=attrs.validators.optional(_checks.url))
    reference_date: ReferenceDate | None = attrs.field(default=None, converter=to_optional_date)
    date_note: Text | None = attrs.field(default=None, validator=_optional_text)
    via: str | None = attrs.field(default=None, validator=attrs.validators.optional(_checks.slug))
    note: Text | None = attrs.field(default=None, validator=_optional_text)
    provider: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(_checks.nonblank)
    )
    """The distribution that added this source through an extension (None: the profile's own)."""

    def __attrs_post_init__(self) -> None:
        if self.via == self.id:
            raise ValidationError(f"source {self.id!r} cannot be quoted via itself", field="via")

    def citation(self, lang: str = "en") -> str:
        """A one-line citation: publisher, title, date, URL.

        >>> Source(id="x", title=Text("Wages, May 2008"), publisher=Text("BLS"),
        ...        reference_date="2008-05").citation()
        'BLS: Wages, May 2008 (May 2008)'
        """
        parts = [self.title.in_language(lang)]
        if self.publisher is not None:
            parts[0] = f"{self.publisher.in_language(lang)}: {parts[0]}"
        if self.reference_date is not None:
            parts.append(f"({self.reference_date.label(lang)})")
        if self.url is not None:
            parts.append(self.url)
        return " ".join(parts)


@attrs.frozen(kw_only=True)
class Fact:
    """A statement a profile makes, with the id of the source that states it.

    ``note`` qualifies the statement (a caveat the source adds, or how careerkit
    read it).
    """

    text: Text = attrs.field(validator=attrs.validators.instance_of(Text))
    source: str = attrs.field(validator=_checks.slug)
    note: Text | None = attrs.field(default=None, validator=_optional_text)

    def __str__(self) -> str:
        return str(self.text)
