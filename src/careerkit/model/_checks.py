"""Validators and converters shared by the model classes.

Each validator raises :class:`~careerkit.errors.ValidationError` carrying the
name of the field it checked, so a loader can report the full path of a bad
value (``pay[1].currency``).
"""

from __future__ import annotations

import enum
import functools
import numbers
import operator
import re
import types
import unicodedata
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from math import gcd
from typing import Any, TypeVar

import attrs

from careerkit.errors import ValidationError, shown, wrong_type
from careerkit.model import _iso

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# Anything but a letter, digit or combining mark separates words: spaces, hyphens,
# underscores and punctuation (the Devanagari danda included). Python's \w leaves out
# combining marks, so the Indic blocks' marks are listed.
_SEPARATORS = re.compile(r"(?:[^\w\u0300-\u036f\u0900-\u0963\u0966-\u0dff]|_)+")


def normalize_key(key: str) -> str:
    """The form in which lookup keys are compared: NFKC, case folded, separators as one ``-``.

    Separators are runs of anything but letters, digits and combining marks:
    spaces, hyphens, underscores and punctuation.

    >>> normalize_key("  Customer  Service_Representative ")
    'customer-service-representative'
    >>> normalize_key("Airline Pilots, Copilots, and Flight Engineers")
    'airline-pilots-copilots-and-flight-engineers'
    """
    folded = unicodedata.normalize("NFKC", key).casefold().strip()
    return _SEPARATORS.sub("-", folded).strip("-")


MAX_AMOUNT = 10**15
"""The largest amount careerkit accepts (per period): a quadrillion, far above any pay."""
MAX_PLACES = 350
"""The most decimal places an amount may have: every float from 0 to 10^15 has fewer."""
MAX_AMOUNT_TEXT = 100
"""The longest text read as an amount, in characters."""
_FLOAT_MAX = float(MAX_AMOUNT)  # exact; a float compares faster with a float than an int


def join_path(prefix: str, field: str | None) -> str:
    """Join a field path and a (possibly nested) field name: ``pay[1]`` + ``currency``."""
    if not field:
        return prefix
    if not prefix:
        return field
    return f"{prefix}{field}" if field.startswith("[") else f"{prefix}.{field}"


def _fail(attribute: attrs.Attribute[Any], message: str) -> ValidationError:
    return ValidationError(message, field=attribute.name)


E = TypeVar("E", bound=enum.StrEnum)
T = TypeVar("T")


def to_member(kind: type[E], value: E | str, *, field: str, what: str) -> E:
    """The member of the string enum *kind* named *value*, or an error listing the names."""
    known = ", ".join(repr(member.value) for member in kind)
    if not isinstance(value, str):
        raise wrong_type(f"a {what} name ({known})", value, field)
    try:
        return kind(value)
    except ValueError:
        raise ValidationError(
            f"unknown {what} {shown(value)}; expected one of {known}", field=field
        ) from None


Amount = Decimal | int | str | float
"""What an amount may be given as."""


def to_amount(value: Amount, field: str | None = None) -> Decimal:
    """Turn an amount into a finite :class:`~decimal.Decimal` from 0 up to :data:`MAX_AMOUNT`.

    ``int`` and ``str`` convert exactly; a ``float`` converts through its
    shortest repr (``14.36`` becomes ``Decimal('14.36')``, not the binary
    expansion). Other integers (numpy's ``np.int64``) convert exactly, and
    other binary floating-point numbers (``np.float32``) as the ``float`` of
    their value does: numpy's scalars work without careerkit importing numpy.
    ``bool`` (numpy's too), NaN, infinities, amounts above 10^15 (or below
    -10^15), more than 350 decimal places and text longer than 100 characters
    are refused at once, so that no amount can make arithmetic on it run for
    ever. *field* names the parameter in the error.

    >>> to_amount(14.36), to_amount("14.360"), to_amount(2)
    (Decimal('14.36'), Decimal('14.360'), Decimal('2'))
    """
    if type(value) is float and -_FLOAT_MAX <= value <= _FLOAT_MAX:
        # The checks below cannot fail for a float in range (NaN and infinities are not):
        # its shortest repr lies on the same side of 10^15 as the float, is below 10^16,
        # and has at most 324 decimal places (5e-324).
        return Decimal(float.__repr__(value))
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str | float):
        value = _plain_number(value, field)
    if isinstance(value, int):  # exact, and no Decimal of a million-digit integer is made
        if -MAX_AMOUNT <= value <= MAX_AMOUNT:
            return Decimal(value)
        raise _out_of_range(value, field)
    if isinstance(value, str) and len(value) > MAX_AMOUNT_TEXT:
        raise ValidationError(
            f"expected a decimal number such as '14.36', got {shown(value)}: longer than the "
            f"{MAX_AMOUNT_TEXT} characters any amount needs",
            field=field,
        )
    try:  # a float by its shortest repr: numpy's own repr is 'np.float64(1.5)'
        amount = Decimal(float.__repr__(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        raise ValidationError(
            f"expected a decimal number such as '14.36', got {shown(value)}", field=field
        ) from None
    if not amount.is_finite():
        raise ValidationError(f"expected a finite number, got {shown(value)}", field=field)
    if amount and (amount.adjusted() > 15 or abs(amount) > MAX_AMOUNT):
        raise _out_of_range(value, field)
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_PLACES:
        raise ValidationError(
            f"{shown(value)} has more than the {MAX_PLACES} decimal places careerkit accepts",
            field=field,
        )
    return amount


_CENTS_BELOW = 2.0**43
"""Below this, a float's spacing is under 0.001, so one decimal of at most 2 places can round
to it, and then its shortest repr is that decimal (:func:`float_ratio`)."""
_RATIOS: dict[float, tuple[int, int]] = {}  # floats already read, at most _MAX_RATIOS of them
_MAX_RATIOS = 4096


def float_ratio(value: float, field: str | None = None) -> tuple[int, int]:
    """``to_amount(value, field).as_integer_ratio()`` for a ``float`` *value*, the same
    numbers and the same errors, read without a ``Decimal`` where it can be.

    A float in ``[0, 2**43)`` that is a decimal of at most 2 places (most pay) is read by
    arithmetic: the decimal ``k / 100`` rounds to the float exactly when the correctly
    rounded ``k / 100`` gives it back, and then it is the float's shortest repr. Any other
    decimal rounding to the float lies within its spacing (under 0.001 below 2**43) of
    ``k / 100``, so it has more than 3 places; with no more significant digits than
    ``k / 100`` it would be below a tenth of it, so it has more digits, and is not the
    shortest. Other floats go through :func:`to_amount`. The ratios of floats from 0 up are
    kept (boundedly): a float read again costs a dict lookup.

    >>> float_ratio(14.36), float_ratio(0.1), float_ratio(2.0), float_ratio(1e-05)
    ((359, 25), (1, 10), (2, 1), (1, 100000))
    """
    found = _RATIOS.get(value)  # -0.0 finds 0.0's (0, 1), which is its ratio too
    if found is not None:
        return found
    if 0.0 <= value < _CENTS_BELOW:  # NaN and infinities are not
        scaled = round(value * 100)
        if scaled / 100 == value:  # int / int is correctly rounded
            common = gcd(scaled, 100)
            found = scaled // common, 100 // common
    if found is None:
        found = to_amount(value, field).as_integer_ratio()
        if found[0] < 0:
            return found
    if len(_RATIOS) >= _MAX_RATIOS:  # bounded: start again rather than grow
        _RATIOS.clear()
    _RATIOS[value] = found
    return found


def _plain_number(value: object, field: str | None) -> int | float:
    """*value*, a number of another type than int or float (numpy's), as an int or float.

    Integers (``numbers.Integral``: ``np.int64``, ``np.uint8``) convert exactly, through
    ``operator.index``; binary floating-point numbers (``numbers.Real`` that are not
    ``numbers.Rational``: ``np.float32``, ``np.float16``) through ``float``. A fraction
    is refused: a float of it would round it silently. So is ``bool``, and numpy's
    ``np.bool_``, which is neither.
    """
    if not isinstance(value, bool):
        if isinstance(value, numbers.Integral):
            return operator.index(value)
        if isinstance(value, numbers.Real) and not isinstance(value, numbers.Rational):
            return float(value)
    raise wrong_type("a number (Decimal, int, str or float)", value, field)


def _out_of_range(value: object, field: str | None) -> ValidationError:
    return ValidationError(
        f"{shown(value)} is outside the amounts careerkit accepts: at most 10^15 "
        "(1,000,000,000,000,000) per period",
        field=field,
    )


def to_optional_amount(value: Amount | None, field: str | None = None) -> Decimal | None:
    """:func:`to_amount`, passing ``None`` through."""
    return None if value is None else to_amount(value, field)


def to_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    """Accept any iterable (a list from a caller) and store it as a tuple.

    A bare string is refused: it is iterable, but never what was meant.
    """
    if isinstance(values, str | bytes):
        raise ValidationError(f"expected a list, got the single string {shown(values)}")
    if not isinstance(values, Iterable):
        raise wrong_type("a list", values)
    return tuple(values)


def slug(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Lower-case ASCII words joined by single hyphens: ``customer-service``."""
    if not isinstance(value, str) or not _SLUG.match(value):
        raise _fail(
            attribute,
            f"{shown(value)} is not a valid id: use lower-case letters, digits and single "
            "hyphens, such as 'customer-service'",
        )


def nonblank(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string with at least one non-space character."""
    if not isinstance(value, str) or not value.strip():
        raise _fail(attribute, f"expected non-empty text, got {shown(value)}")


def url(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An absolute ``http`` or ``https`` URL."""
    if not isinstance(value, str) or " " in value:
        raise _fail(attribute, f"{shown(value)} is not an absolute http(s) URL")
    from urllib.parse import urlsplit  # on first use: the first lookup checks no URL

    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise _fail(attribute, f"{shown(value)} is not an absolute http(s) URL")


def non_negative(_: object, attribute: attrs.Attribute[Any], value: Decimal | None) -> None:
    """An amount that is not below zero (``None`` passes)."""
    if value is not None and value < 0:
        raise _fail(attribute, f"must not be negative, got {value}")


def currency(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """An ISO 4217 currency code in use."""
    _iso.check_currency(value, field=attribute.name)


def region(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """An ISO 3166-1 alpha-2 or ISO 3166-2 code."""
    _iso.check_region(value, field=attribute.name)


def regions(_: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """A tuple of ISO 3166 codes (see :func:`region`), without repeats."""
    for index, code in enumerate(value):
        _iso.check_region(code, field=f"{attribute.name}[{index}]")
    unique_items(_, attribute, value)


def unique_items(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """No item twice."""
    seen: set[object] = set()
    for index, item in enumerate(value):
        if item in seen:
            raise ValidationError(
                f"{shown(item)} appears twice", field=f"{attribute.name}[{index}]"
            )
        seen.add(item)


def ordered_range(low: Decimal | None, high: Decimal | None) -> None:
    """``low`` must not exceed ``high`` when both are given."""
    if low is not None and high is not None and low > high:
        raise ValidationError(
            f"low ({low}) is above high ({high}); give the smaller figure as low", field="low"
        )


def instance_of(kind: type, what: str) -> Any:
    """A validator for one value that must be a *kind*: careerkit's own ``WrongTypeError``
    (a ``TypeError``) naming the field, where attrs' own check raises a bare ``TypeError``."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise wrong_type(what, value, attribute.name)

    return check


def jobs(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A number of jobs: a whole number, 0 or more (``bool`` refused)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(
            f"expected a whole number of jobs, 0 or more, got {value!r}", field=attribute.name
        )


def instances_of(kind: type, what: str) -> Any:
    """A validator for a tuple whose every item is a *kind* (a model class)."""

    def check(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                raise ValidationError(
                    f"expected {what}, got {type(item).__name__} {shown(item)}",
                    field=f"{attribute.name}[{index}]",
                )

    return check


def strings(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """A tuple of non-blank strings."""
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise ValidationError(
                f"expected non-empty text, got {shown(item)}", field=f"{attribute.name}[{index}]"
            )


_MISSING = object()


@functools.cache
def _maker(kind: type) -> Callable[..., Any]:
    """A keyword-only constructor for *kind* that sets its fields and does nothing else."""
    namespace: dict[str, Any] = {"_new": object.__new__, "_set": object.__setattr__}
    namespace["_kind"], namespace["_MISSING"] = kind, _MISSING
    parameters, body = [], ["    self = _new(_kind)"]
    for field in attrs.fields(kind):
        name = field.name
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            namespace[f"_factory_{name}"] = field.default.factory
            parameters.append(f"{name}=_MISSING")
            body.append(f"    if {name} is _MISSING: {name} = _factory_{name}()")
        elif field.default is attrs.NOTHING:
            parameters.append(name)
        else:
            namespace[f"_default_{name}"] = field.default
            parameters.append(f"{name}=_default_{name}")
        # a slot's own setter where object.__setattr__ would find one: the same, in half the time
        found = next(
            (klass.__dict__[name] for klass in kind.__mro__ if name in klass.__dict__), None
        )
        if isinstance(found, types.MemberDescriptorType):
            namespace[f"_set_{name}"] = found.__set__
            body.append(f"    _set_{name}(self, {name})")
        else:
            body.append(f"    _set(self, {name!r}, {name})")
    source = f"def make(*, {', '.join(parameters)}):\n" + "\n".join(body) + "\n    return self\n"
    exec(source, namespace)  # the technique attrs itself uses to write __init__
    maker: Callable[..., Any] = namespace["make"]
    return maker


def trusted(kind: type[T], /) -> Callable[..., T]:
    """A constructor of the attrs class *kind* taking values already in their final form.

    Converters and validators do not run: this is for careerkit's own shipped
    data (the catalogue's seventy thousand pay bands), in exactly the types the
    converters produce. The test suite builds every such object again through
    the validating constructor and checks that the two are equal.
    """
    known: type = kind
    maker: Callable[..., T] = _maker(known)
    return maker
