"""Validators and converters shared by the model classes.

Each validator raises :class:`~careerkit.errors.ValidationError` carrying the
name of the field it checked, so a loader can report the full path of a bad
value (``pay[1].currency``).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar
from urllib.parse import urlsplit

import attrs

from careerkit.errors import UnknownCurrencyError, ValidationError
from careerkit.model import _iso

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


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


def to_member(kind: type[E], value: E | str, *, field: str, what: str) -> E:
    """The member of the string enum *kind* named *value*, or an error listing the names."""
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(repr(member.value) for member in kind)
        raise ValidationError(
            f"unknown {what} {value!r}; expected one of {known}", field=field
        ) from None


def to_amount(value: Decimal | int | str | float) -> Decimal:
    """Turn an amount into a finite :class:`~decimal.Decimal`.

    ``int`` and ``str`` convert exactly; a ``float`` converts through its
    shortest repr (``14.36`` becomes ``Decimal('14.36')``, not the binary
    expansion). ``bool``, NaN and infinities are refused.
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str | float):
        raise ValidationError(f"expected a decimal number, got {type(value).__name__} {value!r}")
    try:
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        raise ValidationError(f"expected a decimal number such as '14.36', got {value!r}") from None
    if not amount.is_finite():
        raise ValidationError(f"expected a finite number, got {value!r}")
    return amount


def to_optional_amount(value: Decimal | int | str | float | None) -> Decimal | None:
    """:func:`to_amount`, passing ``None`` through."""
    return None if value is None else to_amount(value)


def to_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    """Accept any iterable (a list from a caller) and store it as a tuple.

    A bare string is refused: it is iterable, but never what was meant.
    """
    if isinstance(values, str | bytes):
        raise ValidationError(f"expected a list, got the single string {values!r}")
    return tuple(values)


def slug(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Lower-case ASCII words joined by single hyphens: ``customer-service``."""
    if not isinstance(value, str) or not _SLUG.match(value):
        raise _fail(
            attribute,
            f"{value!r} is not a valid id: use lower-case letters, digits and single "
            "hyphens, such as 'customer-service'",
        )


def nonblank(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string with at least one non-space character."""
    if not isinstance(value, str) or not value.strip():
        raise _fail(attribute, f"expected non-empty text, got {value!r}")


def url(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An absolute ``http`` or ``https`` URL."""
    if not isinstance(value, str) or " " in value:
        raise _fail(attribute, f"{value!r} is not an absolute http(s) URL")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise _fail(attribute, f"{value!r} is not an absolute http(s) URL")


def non_negative(_: object, attribute: attrs.Attribute[Any], value: Decimal | None) -> None:
    """An amount that is not below zero (``None`` passes)."""
    if value is not None and value < 0:
        raise _fail(attribute, f"must not be negative, got {value}")


def currency(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """An ISO 4217 currency code in use."""
    try:
        _iso.check_currency(value)
    except UnknownCurrencyError as error:
        raise UnknownCurrencyError(error.message, field=attribute.name) from None


def region(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """An ISO 3166-1 alpha-2 or ISO 3166-2 code."""
    try:
        _iso.check_region(value)
    except ValidationError as error:
        raise _fail(attribute, error.message) from None


def regions(_: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """A tuple of ISO 3166 codes (see :func:`region`), without repeats."""
    for index, code in enumerate(value):
        try:
            _iso.check_region(code)
        except ValidationError as error:
            raise ValidationError(error.message, field=f"{attribute.name}[{index}]") from None
    unique_items(_, attribute, value)


def unique_items(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """No item twice."""
    seen: set[object] = set()
    for index, item in enumerate(value):
        if item in seen:
            raise ValidationError(f"{item!r} appears twice", field=f"{attribute.name}[{index}]")
        seen.add(item)


def ordered_range(low: Decimal | None, high: Decimal | None) -> None:
    """``low`` must not exceed ``high`` when both are given."""
    if low is not None and high is not None and low > high:
        raise ValidationError(
            f"low ({low}) is above high ({high}); give the smaller figure as low", field="low"
        )


def instances_of(kind: type, what: str) -> Any:
    """A validator for a tuple whose every item is a *kind* (a model class)."""

    def check(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                raise ValidationError(
                    f"expected {what}, got {type(item).__name__} {item!r}",
                    field=f"{attribute.name}[{index}]",
                )

    return check


def strings(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """A tuple of non-blank strings."""
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise ValidationError(
                f"expected non-empty text, got {item!r}", field=f"{attribute.name}[{index}]"
            )
