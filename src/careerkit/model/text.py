"""Bilingual text: every string a profile states, in English and (optionally) Hindi."""

from __future__ import annotations

from typing import Literal, get_args

import attrs

from careerkit.errors import ValidationError
from careerkit.model import _checks

__all__ = ["LANGUAGES", "Language", "Text"]

Language = Literal["en", "hi"]
"""The languages a :class:`Text` carries: ``"en"`` (English) and ``"hi"`` (Hindi)."""

LANGUAGES: tuple[Language, ...] = get_args(Language)


def check_language(lang: str) -> Language:
    """Return *lang* as a :data:`Language`, or raise :class:`ValidationError`."""
    if lang not in LANGUAGES:
        raise ValidationError(
            f"unknown language {lang!r}; expected one of {', '.join(map(repr, LANGUAGES))}"
        )
    return lang


@attrs.frozen(repr=False)
class Text:
    """A piece of text in English and, where the source gives it, Hindi.

    ``str()`` gives the English; :meth:`in_language` picks a language and falls
    back to English where no Hindi is recorded.

    >>> title = Text("Public relations specialist", "जनसंपर्क विशेषज्ञ")
    >>> str(title)
    'Public relations specialist'
    >>> title.in_language("hi")
    'जनसंपर्क विशेषज्ञ'
    >>> Text("Swayam portal").in_language("hi")
    'Swayam portal'
    >>> title
    Text('Public relations specialist', 'जनसंपर्क विशेषज्ञ')
    """

    en: str = attrs.field(validator=_checks.nonblank)
    """The English text (never blank)."""
    hi: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(_checks.nonblank)
    )
    """The Hindi text, where the source gives it; else ``None``."""

    def __str__(self) -> str:
        return self.en

    def __repr__(self) -> str:
        # The Python that rebuilds it; prose too long for one line, a summary (see careerkit._display).
        from careerkit._display import WIDTH, fitted

        call = f"Text({self.en!r})" if self.hi is None else f"Text({self.en!r}, {self.hi!r})"
        if len(call) <= WIDTH:
            return call
        hindi = "" if self.hi is None else ", and Hindi"
        return fitted("<Text ", self.en, f" ({len(self.en):,} characters{hindi})>")

    def in_language(self, lang: str) -> str:
        """The text in *lang* (``"en"`` or ``"hi"``), English where Hindi is missing."""
        if check_language(lang) == "hi" and self.hi is not None:
            return self.hi
        return self.en
