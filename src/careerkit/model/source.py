"""Citations: where a fact comes from, and the fact that cites it."""

from __future__ import annotations

import attrs

from careerkit.errors import ValidationError
from careerkit.model import _checks
from careerkit.model.dates import ReferenceDate, to_optional_date
from careerkit.model.text import Text

__all__ = ["Fact", "Source"]

_optional_text = attrs.validators.optional(attrs.validators.instance_of(Text))


@attrs.frozen(kw_only=True, repr=False)
class Source:
    """A document a profile cites, referred to by its ``id`` within the profile.

    ``reference_date`` is the date the document's figures refer to, when it
    says; when it does not, it stays ``None`` and ``date_note`` says what is
    known instead (never an invented date). ``via`` names the id of another
    source through which this one is quoted (BLS figures quoted by an article,
    a PayScale figure quoted by the National Career Service).
    """

    id: str = attrs.field(validator=_checks.slug)
    """The id facts cite it by, unique in the profile (``bls-oes-may-2008``)."""
    title: Text = attrs.field(validator=attrs.validators.instance_of(Text))
    """The document's title."""
    publisher: Text | None = attrs.field(default=None, validator=_optional_text)
    """Who published it."""
    url: str | None = attrs.field(default=None, validator=attrs.validators.optional(_checks.url))
    """Where it is published."""
    reference_date: ReferenceDate | None = attrs.field(default=None, converter=to_optional_date)
    """The date its figures refer to, when it says; else ``None``."""
    date_note: Text | None = attrs.field(default=None, validator=_optional_text)
    """What is known of the date, where :attr:`reference_date` is ``None``."""
    via: str | None = attrs.field(default=None, validator=attrs.validators.optional(_checks.slug))
    """The id of the source this one is quoted through, else ``None``."""
    note: Text | None = attrs.field(default=None, validator=_optional_text)
    """A caveat the source adds, or how careerkit read it."""
    provider: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(_checks.nonblank)
    )
    """The distribution that added this source through an extension (None: the profile's own)."""

    def __attrs_post_init__(self) -> None:
        if self.via == self.id:
            raise ValidationError(f"source {self.id!r} cannot be quoted via itself", field="via")

    def __repr__(self) -> str:
        # Records print as summaries, values as Python (the rule: careerkit._display).
        from careerkit._display import fitted

        date = "undated" if self.reference_date is None else str(self.reference_date)
        via = "" if self.via is None else f", via {self.via!r}"
        return fitted(f"<Source {self.id!r}: ", self.title.en, f" ({date}{via})>")

    def citation(self, lang: str = "en") -> str:
        """A one-line citation: publisher, title, date, URL.

        >>> source = Source(id="x", title=Text("Wages, May 2008"), publisher=Text("BLS"),
        ...                 reference_date="2008-05")
        >>> source.citation()
        'BLS: Wages, May 2008 (May 2008)'
        >>> source
        <Source 'x': 'Wages, May 2008' (2008-05)>
        """
        parts = [self.title.in_language(lang)]
        if self.publisher is not None:
            parts[0] = f"{self.publisher.in_language(lang)}: {parts[0]}"
        if self.reference_date is not None:
            parts.append(f"({self.reference_date.label(lang)})")
        if self.url is not None:
            parts.append(self.url)
        return " ".join(parts)


@attrs.frozen(kw_only=True, repr=False)
class Fact:
    """A statement a profile makes, with the id of the source that states it.

    ``note`` qualifies the statement (a caveat the source adds, or how careerkit
    read it).
    """

    text: Text = attrs.field(validator=attrs.validators.instance_of(Text))
    """The statement."""
    source: str = attrs.field(validator=_checks.slug)
    """The id of the source (one of the profile's ``sources``) that states it."""
    note: Text | None = attrs.field(default=None, validator=_optional_text)
    """A caveat the source adds, or how careerkit read it."""

    def __str__(self) -> str:
        return str(self.text)

    def __repr__(self) -> str:
        from careerkit._display import fitted

        return fitted("<Fact ", self.text.en, f" ({self.source})>")
