"""The exceptions and the warning category careerkit raises.

Every error derives from :class:`CareerkitError` and also from the builtin that
matches its meaning, so code written against the builtins keeps working::

    >>> import careerkit
    >>> try:
    ...     careerkit.get("custmer service")
    ... except LookupError as error:
    ...     print(error)
    unknown career 'custmer service'; did you mean 'customer-service'?
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: import careerkit imports neither module
if TYPE_CHECKING:
    from types import ModuleType

__all__ = [
    "AreaNotFoundError",
    "CareerkitError",
    "CareerkitWarning",
    "DataFormatError",
    "DataNotAvailableError",
    "DataRevisionError",
    "DateRequiredError",
    "DivisionByZeroError",
    "DuplicateProfileError",
    "IncompatiblePayError",
    "MissingExtraError",
    "PayBandNotFoundError",
    "PayParseError",
    "ProfileLoadError",
    "ProfileNotFoundError",
    "SourceNotFoundError",
    "UnknownCurrencyError",
    "UnknownLocaleError",
    "ValidationError",
    "WrongTypeError",
]

SHOWN_LENGTH = 60
"""The most characters of an offending value an error message quotes."""


def shown(value: object, limit: int = SHOWN_LENGTH) -> str:
    """*value* as an error message quotes it: its repr, cut to *limit* characters.

    A message names what was wrong, so it quotes the value; a 100 KB string or a
    structure nested 10,000 deep must not become a 100 KB message (or a
    ``RecursionError`` in ``repr``), so long values keep their start and end.

    >>> shown("From $50,000 a year" + " and more" * 100)
    "'From $50,000 a year and more a…ore and more and more and more' (919 characters)"
    >>> shown([[[[1]]]])
    '[[[[...]]]]'
    """
    import reprlib

    if isinstance(value, int) and value.bit_length() > 4 * limit:  # repr would be slow, or refused
        return f"an integer of about {value.bit_length() * 0.30103:,.0f} digits"
    if isinstance(value, str) and len(value) > limit:
        half = limit // 2
        return f"{value[:half] + '…' + value[-half:]!r} ({len(value):,} characters)"
    short = reprlib.Repr()
    short.maxlevel = 3
    short.maxstring = limit
    short.maxother = limit
    short.maxlong = limit
    text = short.repr(value)
    return text if len(text) <= limit * 2 else text[: limit * 2] + "…"


def wrong_type(expected: str, value: object, field: str | None = None) -> WrongTypeError:
    """The :class:`WrongTypeError` for *value*: ``expected EXPECTED, got TYPE VALUE``."""
    return WrongTypeError(
        f"expected {expected}, got {type(value).__name__} {shown(value)}", field=field
    )


class CareerkitError(Exception):
    """Root of every exception careerkit raises."""

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled as it is, not made again from its message: several errors take other
        # arguments than the message, and an error raised in another process (a Dask
        # worker, a multiprocessing pool) must reach the caller whole.
        return (_unpickled, (type(self), self.args), self.__dict__)


def _unpickled(kind: type[CareerkitError], args: tuple[object, ...]) -> CareerkitError:
    """An error of *kind* with *args*, its ``__init__`` not run (pickle restores the rest)."""
    return kind.__new__(kind, *args)


class CareerkitWarning(UserWarning):
    """Category of every warning careerkit emits, so users can filter them."""


class ValidationError(CareerkitError, ValueError):
    """A value that cannot be part of the model: raised by the constructors.

    ``field`` is the path of the offending field relative to the object that
    raised (``"low"``, ``"pay[1].source"``) or ``None`` when the problem is the
    value as a whole. ``message`` is the explanation without the path.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        self.message = message
        self.field = field
        super().__init__(f"{field}: {message}" if field else message)


class WrongTypeError(ValidationError, TypeError):
    """An argument or field of the wrong type, such as ``Pay(amount=[1])`` or ``country=123``.

    ``field`` names the parameter (or profile field) and the message the type
    expected; it is a :class:`ValidationError` (so a profile loader reports it
    with its path) and a :class:`TypeError` (so ``except TypeError`` works).
    """


class IncompatiblePayError(ValidationError, TypeError):
    """Pay arithmetic or ordering between figures that do not share one unit, or with a number.

    ``Pay('10', 'USD', 'hour') + Pay('10', 'INR', 'hour')``, ``pay < other`` across
    periods or dates, ``pay + 3``, ``pay * pay``. The message names the part that
    differs (currency, period, date) and the conversion that would make the two
    comparable; careerkit never converts silently. A :class:`TypeError`, as Python's
    own error for operands that do not go together is.
    """


class MissingExtraError(CareerkitError, ModuleNotFoundError):
    """A feature needs an optional library that is not installed; the message names the extra.

    ``feature`` is what was asked for (``"Pay.to_quantity()"``), ``name`` the library
    missing (as :class:`ModuleNotFoundError`'s), ``extra`` the careerkit extra that
    installs it, ``alternative`` a way that needs no library, where there is one. A
    :class:`ModuleNotFoundError`, so ``except ImportError`` works.

    >>> print(MissingExtraError("Pay.to_quantity()", "pint", "pint"))
    Pay.to_quantity() needs pint, which is not installed: pip install 'careerkit[pint]'
    """

    def __init__(self, feature: str, library: str, extra: str, alternative: str = "") -> None:
        self.feature = feature
        self.extra = extra
        self.alternative = alternative
        message = (
            f"{feature} needs {library}, which is not installed: pip install 'careerkit[{extra}]'"
        )
        super().__init__(message + (f" ({alternative})" if alternative else ""), name=library)

    def __reduce__(self) -> tuple[object, ...]:
        # ModuleNotFoundError keeps name outside __dict__: made again from its parts
        return (type(self), (self.feature, self.name, self.extra, self.alternative))


def import_extra(module: str, extra: str, feature: str) -> ModuleType:
    """*module*, imported: the optional library *feature* needs, from careerkit's *extra*.

    Where it (or a library it needs) is not installed, :class:`MissingExtraError`
    names the library and the ``pip install 'careerkit[extra]'`` that installs it:
    the one way every optional feature says what to install.
    """
    from importlib import import_module

    try:
        return import_module(module)
    except ModuleNotFoundError as error:
        library = (error.name or module).split(".")[0]
        raise MissingExtraError(feature, library, extra) from None


class DivisionByZeroError(CareerkitError, ZeroDivisionError):
    """A ``Pay`` divided by zero, or by a ``Pay`` of zero: ``except ZeroDivisionError`` works."""


class UnknownCurrencyError(ValidationError):
    """A currency code that is not an ISO 4217 code in use (``"INX"``, ``"inr"``).

    Never treated as 1:1 with anything: the message suggests the nearest codes.
    """


class DataNotAvailableError(CareerkitError, LookupError):
    """A real currency or country careerkit has no series for, or a date outside a series.

    The message names the series, the span it covers, and what was asked; for a
    date inside the span, the gap and why the publisher left it (CPI-U 2025-10:
    not collected by BLS); for a date past the end, how to install newer data
    (``careerkit data update``). careerkit never extrapolates past the end of a series.
    """


class DataFormatError(ValidationError):
    """A data file ``careerkit data update`` cannot read as the series it was given for.

    The message names the file, the line where one applies, what was found, and
    the formats careerkit accepts for that series.
    """


class DataRevisionError(ValidationError):
    """A data update whose values differ from the data in use where the two overlap.

    ``revisions`` lists each ``(key, date, value in use, new value)``; the message
    shows the first of them. Publishers do revise their figures: pass
    ``accept_revisions=True`` (``--accept-revisions``) to install them.
    """

    def __init__(self, message: str, *, revisions: tuple[tuple[str, str, str, str], ...]) -> None:
        super().__init__(message)
        self.revisions = revisions


class PayBandNotFoundError(CareerkitError, LookupError):
    """No pay band matches what was asked, such as a region none of the careers has.

    The message names the regions that do have bands; careerkit never answers
    such a question with an empty table.
    """


class AreaNotFoundError(CareerkitError, LookupError):
    """No metropolitan or nonmetropolitan area answers to the key given, or several do.

    ``candidates`` holds the :class:`~careerkit.Area` objects an ambiguous key names
    (``"portland"``: Maine's and Oregon's); the message lists them, or suggests the
    closest names.
    """

    def __init__(self, key: object, candidates: Sequence[object], message: str) -> None:
        self.key = key
        self.candidates = tuple(candidates)
        super().__init__(message)


class DateRequiredError(CareerkitError, ValueError):
    """A conversion across currencies or years asked of a figure that has no date.

    Give the date (``Pay(..., when="2008-05")``, ``to_currency(..., when=...)``,
    ``PayBand.convert(..., when=...)``); careerkit does not guess one.
    """


class UnknownLocaleError(CareerkitError, ValueError):
    """A locale name CLDR does not have (``"xx"``, ``"de_DX"``): the message names the nearest.

    careerkit formats and reads pay in every locale CLDR (through babel) has.
    """


class PayParseError(CareerkitError, ValueError):
    """Pay text that cannot be read: the message says which part, and the forms accepted."""


class ProfileLoadError(CareerkitError, ValueError):
    """A profile (file or dict) that cannot be turned into a career.

    ``origin`` names where the data came from (a file path, ``"<dict>"``),
    ``problems`` lists every problem found as ``(field path, message)`` pairs,
    e.g. ``("pay[1].currency", "unknown currency 'INX'; did you mean 'INR'?")``.
    """

    def __init__(self, origin: str, problems: Iterable[tuple[str, str]]) -> None:
        self.origin = origin
        self.problems: tuple[tuple[str, str], ...] = tuple(problems)
        lines = [f"{path}: {message}" if path else message for path, message in self.problems]
        if len(lines) == 1:
            text = f"{origin}: {lines[0]}"
        else:
            text = f"{origin}: {len(lines)} problems\n" + "\n".join(f"  {line}" for line in lines)
        super().__init__(text)


class DuplicateProfileError(ProfileLoadError):
    """Two profiles claim the same id, alias, title or occupation code.

    The message names both claimants, so the clash can be fixed at its source.
    """

    def __init__(
        self,
        key: str,
        first: tuple[str, str],
        second: tuple[str, str],
        *,
        kind: str = "lookup key",
        rule: str = "ids, aliases, titles and occupation codes must each name one career",
    ) -> None:
        self.key = key
        self.claimants = (first, second)
        (first_id, first_origin), (second_id, second_origin) = first, second
        message = (
            f"{kind} {key!r} is claimed by career {first_id!r} ({first_origin}) "
            f"and by career {second_id!r} ({second_origin}); {rule}"
        )
        super().__init__(second_origin, [("", message)])


class SourceNotFoundError(CareerkitError, KeyError):
    """A source id a profile does not define (``career.get_source("bls")``).

    A ``KeyError``, as a mapping's missing key is; ``str()`` is the whole message.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class ProfileNotFoundError(CareerkitError, LookupError):
    """No career answers to the key given, or several do; the message suggests the closest keys.

    ``candidates`` holds the ids of the careers a key names only as search reads it
    (singular or plural, ``and``, punctuation) where that is more than one
    (``get`` never guesses between them); it is empty where the key names none.
    """

    def __init__(
        self,
        key: str,
        suggestions: Sequence[str],
        known: Sequence[str],
        *,
        candidates: Sequence[str] = (),
    ) -> None:
        self.key = key
        self.suggestions = tuple(suggestions)
        self.candidates = tuple(candidates)
        if self.candidates:
            names = ", ".join(repr(candidate) for candidate in self.candidates)
            super().__init__(
                f"career {shown(key)} is ambiguous: read as words, it names "
                f"{len(self.candidates)} careers: {names}; give one of their ids"
            )
            return
        if self.suggestions:
            hint = "did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        elif 0 < len(known) <= 12:
            hint = "known careers: " + ", ".join(known)
        elif known:
            hint = (
                f"none of the {len(known)} careers answers to it; search them by words with "
                "careerkit.search() or 'careerkit search'"
            )
        else:
            hint = "no careers are registered"
        super().__init__(f"unknown career {shown(key)}; {hint}")
