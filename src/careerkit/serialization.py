"""The one converter between careers and their document form (dict, TOML, JSON).

The document form is what a profile file holds: tables and arrays of plain
values. Amounts are :class:`~decimal.Decimal` (TOML numbers are read as
``Decimal``, never as binary floats), dates are strings (``"2008-05"``),
percentile keys are strings (``"50"``, as TOML and JSON require), and fields
left at their default are omitted. Loading refuses unknown fields rather than
dropping them, and reports every problem with the path of the field:

    >>> from careerkit.serialization import from_dict
    >>> from_dict({"id": "x", "title": {"en": "X"}, "pay": [{"region": "IN",
    ...     "currency": "INX", "period": "month", "low": 1, "source": "s"}]})
    Traceback (most recent call last):
    ...
    careerkit.errors.ProfileLoadError: <dict>: pay[0].currency: unknown currency 'INX': expected an ISO 4217 code in upper case, such as 'INR' or 'USD'; did you mean 'INR'?
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import os
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, get_origin

import attrs

from careerkit._toml import MAX_DEPTH, MAX_PROFILE_SIZE, read_toml, too_large
from careerkit.errors import ProfileLoadError, ValidationError, WrongTypeError, shown, wrong_type
from careerkit.model import _checks
from careerkit.model.career import Career, CareerExtension
from careerkit.model.codes import CodeSystem
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import Period
from careerkit.model.training import FundingKind

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "document_from_toml",
    "extension_from_dict",
    "from_dict",
    "from_toml",
    "load_profile",
    "to_dict",
    "to_json",
    "to_toml",
]

_Percentiles = Mapping[int, Decimal]
T = TypeVar("T")


def _strict(kind: type, what: str) -> Any:
    """A structure hook that accepts *kind* only (cattrs would coerce ``5`` to ``"5"``)."""

    def structure(value: object, _: object) -> object:
        if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            raise wrong_type(what, value)
        return value

    return structure


def _structure_percentiles(value: object, _: object) -> object:
    if not isinstance(value, Mapping):
        raise ValidationError(f"expected a table of percentile = amount, got {shown(value)}")
    result: dict[object, object] = {}
    written: dict[object, object] = {}
    for key, amount in value.items():
        number = int(key) if isinstance(key, str) and key.isascii() and key.isdigit() else key
        if number in result:  # "050" and "50": one percentile given twice
            raise ValidationError(
                f"keys {shown(written[number])} and {shown(key)} both name the {number}th "
                "percentile; give each percentile once"
            )
        result[number] = amount  # the model's converter checks keys and amounts, with paths
        written[number] = key
    return result


def _is_tuple(kind: Any) -> bool:
    return get_origin(kind) is tuple


def _arrays_only(kind: Any, conv: cattrs.Converter) -> Any:
    """Structure ``tuple[X, ...]`` from an array only: cattrs would split ``"csr"`` into letters."""
    from cattrs.cols import homogenous_tuple_structure_factory

    structure_items = homogenous_tuple_structure_factory(kind, conv)

    def structure(value: object, _: object) -> object:
        if not isinstance(value, list | tuple):
            raise wrong_type("an array", value)
        return structure_items(value, kind)

    return structure


def _tables_only(kind: Any, conv: cattrs.Converter) -> Any:
    """Structure a model class from a table only, naming its fields when given anything else.

    Every problem of the table is reported, not the first: unknown fields are set aside
    (and reported) so that the known ones are still checked, and when the class refuses
    one field, each of the others is checked on its own too (:func:`_each_field`).
    """
    from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
    from cattrs.gen import make_dict_structure_fn

    structure_fields = make_dict_structure_fn(kind, conv)
    fields = {field.name: field for field in attrs.fields(kind)}  # types resolved by cattrs
    names = ", ".join(fields)

    def structure(value: object, _: object) -> object:
        if not isinstance(value, Mapping):
            raise WrongTypeError(
                f"expected a table with fields {names}; got {type(value).__name__} {shown(value)}"
            )
        unknown = {key for key in value if key not in fields}
        known = {key: item for key, item in value.items() if key in fields}
        errors: list[Exception] = []
        try:
            result = structure_fields(known, kind)
        except ClassValidationError as error:
            errors += error.exceptions
            errors += _each_field(error, known, fields, conv)
        if unknown:
            errors.append(ForbiddenExtraKeysError("", kind, unknown))
        if errors:
            raise ClassValidationError(f"While structuring {kind.__name__}", errors, kind)
        return result

    return structure


def _each_field(
    error: cattrs.errors.ClassValidationError,
    known: Mapping[str, Any],
    fields: Mapping[str, attrs.Attribute[Any]],
    conv: cattrs.Converter,
) -> list[ValidationError]:
    """The problems of the fields of a table that *error* did not report, each checked alone.

    A class checks its fields one after another and stops at the first it refuses, so a
    table with a bad currency and a bad region would show only the first. Each field the
    error did not name is converted and validated here on its own (the model's validators
    look at their own field only); a check that needs a whole, valid object (``low`` not
    above ``high``) waits until the fields are right.
    """
    from cattrs.errors import AttributeValidationNote

    reported: set[str] = set()
    messages: set[str] = set()
    for sub_error in error.exceptions:
        notes = getattr(sub_error, "__notes__", ())
        notes = [note for note in notes if type(note) is AttributeValidationNote]
        if notes:
            reported.add(notes[0].name)
        elif isinstance(sub_error, ValidationError):  # the class refused a field, or the whole
            reported.add((sub_error.field or "").split(".")[0].split("[")[0])
            messages.add(sub_error.message)
    found: list[ValidationError] = []
    for name, value in known.items():
        field = fields[name]
        if name in reported or field.type is None:
            continue
        try:
            checked = conv.structure(value, field.type)
            if callable(field.converter):
                checked = field.converter(checked)
            if field.validator is not None:
                field.validator(None, field, checked)
        except ValidationError as problem:
            if problem.message not in messages:  # the class's own error, without its field
                found.append(
                    problem if problem.field else ValidationError(problem.message, field=name)
                )
        except Exception:  # any other failure: the class's own error has said what is wrong
            continue
    return found


def _structure_date(value: object, _: object) -> ReferenceDate:
    if isinstance(value, str | int | dt.date) and not isinstance(value, bool):
        return ReferenceDate.coerce(value)
    raise WrongTypeError(f"expected a date string such as '2008-05', got {shown(value)}")


@functools.cache
def converter() -> cattrs.Converter:
    """The converter, built on first use so that ``import careerkit`` stays cheap."""
    import cattrs

    conv = cattrs.Converter(
        detailed_validation=True,
        forbid_extra_keys=True,
        omit_if_default=True,
        unstruct_collection_overrides={tuple: list},
    )
    conv.register_structure_hook(str, _strict(str, "text"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(int, _strict(int, "a whole number"))
    conv.register_structure_hook(Decimal, lambda value, _: _checks.to_amount(value))
    conv.register_structure_hook(ReferenceDate, _structure_date)
    conv.register_structure_hook_factory(_is_tuple, lambda kind: _arrays_only(kind, conv))
    conv.register_structure_hook_factory(attrs.has, lambda kind: _tables_only(kind, conv))
    conv.register_unstructure_hook(ReferenceDate, str)
    for enum_type in (Period, CodeSystem, FundingKind):
        # The model's converters check these values and name the field in their errors.
        conv.register_structure_hook(enum_type, lambda value, _: value)
        conv.register_unstructure_hook(enum_type, lambda member: member.value)
    conv.register_structure_hook_func(lambda kind: kind == _Percentiles, _structure_percentiles)
    conv.register_unstructure_hook_func(
        lambda kind: kind == _Percentiles,
        lambda mapping: {str(key): amount for key, amount in mapping.items()},
    )
    return conv


def to_dict(career: Career) -> dict[str, Any]:
    """The document form of *career*: the inverse of :func:`from_dict`.

    >>> import careerkit
    >>> doc = to_dict(careerkit.get("public-relations-specialist"))
    >>> doc["pay"][0]["percentiles"]
    {'10': Decimal('30140'), '50': Decimal('51280'), '90': Decimal('97910')}
    """
    if not isinstance(career, Career):
        raise wrong_type("a Career", career, "career")
    data: dict[str, Any] = converter().unstructure(career, Career)
    # the career's own fields first, as a profile file writes them
    return {key: data[key] for key in sorted(data, key=lambda key: key not in ("id", "title"))}


def from_dict(data: Mapping[str, Any], *, origin: str = "<dict>") -> Career:
    """A :class:`~careerkit.Career` from its document form.

    Raises :class:`~careerkit.ProfileLoadError` listing every problem found,
    each with the path of the field (``pay[1].currency``); *origin* names the
    data in that message.
    """
    return _structure(data, Career, origin)


def extension_from_dict(data: Mapping[str, Any], *, origin: str = "<dict>") -> CareerExtension:
    """A :class:`~careerkit.CareerExtension` from its document form (errors as :func:`from_dict`)."""
    return _structure(data, CareerExtension, origin)


def document_from_toml(text: str, *, origin: str = "<string>") -> Career | CareerExtension:
    """A profile file's career, or its extension if the file has ``extends = "..."`` and no
    ``id`` (a career with an ``id`` that ``extends`` a catalogue occupation is a career)."""
    return document_from_data(read_toml(text, origin), origin=origin)


def is_extension(data: Mapping[str, Any]) -> bool:
    """Whether the parsed document *data* is an extension: ``extends`` without an ``id``."""
    return "extends" in data and "id" not in data


def document_from_data(data: dict[str, Any], *, origin: str) -> Career | CareerExtension:
    """:func:`document_from_toml`, for the parsed table of a profile file."""
    if is_extension(data):
        return _structure(data, CareerExtension, origin)
    return _structure(data, Career, origin)


def _too_deep(data: object) -> bool:
    """Whether *data* nests tables and arrays deeper than :data:`MAX_DEPTH` (no recursion)."""
    level: list[object] = [data]
    for _ in range(MAX_DEPTH + 1):
        level = [
            item
            for value in level
            if isinstance(value, Mapping | list | tuple)
            for item in (value.values() if isinstance(value, Mapping) else value)
        ]
        if not level:
            return False
    return True


def _structure(data: Mapping[str, Any], kind: type[T], origin: str) -> T:
    import cattrs

    if not isinstance(data, Mapping):
        raise ProfileLoadError(origin, [("", f"expected a table of fields, got {shown(data)}")])
    if _too_deep(data):
        raise ProfileLoadError(
            origin,
            [("", f"tables and arrays are nested more than {MAX_DEPTH} deep; a profile needs 4")],
        )
    try:
        return converter().structure(data, kind)
    except cattrs.BaseValidationError as error:
        raise ProfileLoadError(origin, _problems(error, "")) from None


def _problems(error: BaseException, path: str) -> Iterator[tuple[str, str]]:
    """Flatten a cattrs error tree into ``(field path, message)`` pairs."""
    import cattrs
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        IterableValidationError,
        IterableValidationNote,
    )

    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without_notes = error.group_exceptions()
        for sub_error, note in with_notes:
            if isinstance(note, AttributeValidationNote):
                yield from _problems(sub_error, _checks.join_path(path, note.name))
            elif isinstance(note, IterableValidationNote):
                yield from _problems(sub_error, f"{path}[{note.index}]")
            else:  # pragma: no cover - cattrs only writes the two notes above
                yield from _problems(sub_error, path)
        for sub_error in without_notes:
            yield from _problems(sub_error, path)
    elif isinstance(error, cattrs.ForbiddenExtraKeysError):
        allowed = [field.name for field in attrs.fields(error.cl)]
        for extra in sorted(error.extra_fields):
            close = difflib.get_close_matches(extra, allowed, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "allowed: " + ", ".join(allowed)
            yield _checks.join_path(path, extra), f"unknown field; {hint}"
    elif isinstance(error, ValidationError):
        yield _checks.join_path(path, error.field), error.message
    elif isinstance(error, KeyError):
        yield path, "required field is missing"
    else:
        yield path, f"invalid value ({type(error).__name__}: {error})"


def _toml_ready(value: Any) -> Any:
    """Write whole Decimals as TOML integers, so ``120000`` does not become ``120000.0``."""
    if isinstance(value, Decimal):
        return int(value) if value.as_tuple().exponent == 0 else value
    if isinstance(value, dict):
        return {key: _toml_ready(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_toml_ready(item) for item in value]
    return value


def to_toml(career: Career) -> str:
    """*career* as the text of a profile file; :func:`from_toml` reads it back equal."""
    import tomli_w

    return tomli_w.dumps(_toml_ready(to_dict(career)))


def from_toml(text: str, *, origin: str = "<string>") -> Career:
    """A career from the text of a profile file (see :func:`from_dict` for errors)."""
    return from_dict(read_toml(text, origin), origin=origin)


def load_profile(path: str | os.PathLike[str]) -> Career:
    """Read the profile file at *path* (a TOML file anywhere on disk)."""
    return from_toml(read_text(path), origin=str(path))


def read_text(path: str | os.PathLike[str]) -> str:
    """A profile file's text; not UTF-8, or larger than 1 MiB, is a :class:`~careerkit.ProfileLoadError`."""
    if not isinstance(path, str | os.PathLike):
        raise wrong_type("a file path", path, "path")
    limit = MAX_PROFILE_SIZE * 4  # UTF-8 takes at most 4 bytes a character
    try:
        with Path(path).open("rb") as file:
            data = file.read(limit + 1)  # never more: the file may be huge, or endless
    except OSError as error:
        raise ProfileLoadError(
            str(path), [("", f"cannot read the file: {error.strerror or error}")]
        ) from error
    if len(data) > limit:
        raise ProfileLoadError(str(path), [("", too_large(f"a file of more than {limit:,} bytes"))])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProfileLoadError(str(path), [("", f"not UTF-8 text: {error}")]) from None
    if len(text) > MAX_PROFILE_SIZE:
        raise ProfileLoadError(str(path), [("", too_large(f"{len(text):,} characters"))])
    return text


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    raise WrongTypeError(
        f"cannot write {type(value).__name__} {shown(value)} as JSON", field="data"
    )


def to_json(data: object, *, indent: int | None = 2, ascii_only: bool = False) -> str:
    """JSON text for a document (:func:`to_dict` output); amounts become strings, exactly.

    ``ascii_only=True`` writes every non-ASCII character as a ``\\u`` escape.
    """
    return json.dumps(data, ensure_ascii=ascii_only, indent=indent, default=_json_default)
