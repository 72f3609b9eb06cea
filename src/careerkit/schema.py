"""A JSON Schema of the profile format, generated from the model (never written by hand).

The schema describes the document form that :func:`careerkit.to_dict` writes and
:func:`careerkit.from_dict` reads (a profile file is the same, in TOML): a
career (which may name the catalogue occupation it ``extends`` or ``replaces``),
or an extension (``extends = ...`` and no ``id``). It checks shape and types; the
model's own rules (ISO codes, figures in order, citations) are checked by
loading, as ``careerkit validate`` does.

>>> schema = profile_schema()
>>> sorted(schema["$defs"]["Career"]["required"])
['id', 'title']
>>> schema["$defs"]["Career"]["properties"]["replaces"]
{'type': 'string', 'minLength': 1}
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from careerkit.model.career import Career, CareerExtension
from careerkit.model.dates import ReferenceDate

__all__ = ["profile_schema"]

_DATE = {"type": ["string", "integer"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
_AMOUNT = {"type": ["number", "string"], "pattern": r"^\d+(\.\d+)?$", "minimum": 0}
_SIGNED = {"type": ["number", "string"], "pattern": r"^-?\d+(\.\d+)?$"}  # a change: -5.5


def _schema(kind: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if kind is str:
        return {"type": "string", "minLength": 1}
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer"}
    if kind is Decimal:
        return dict(_AMOUNT)
    if kind is ReferenceDate:
        return dict(_DATE)
    if origin is typing.Literal:
        return {"enum": list(args)}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [member.value for member in kind]}
    if origin in (typing.Union, types.UnionType):
        options = [_schema(arg, defs) for arg in args if arg is not type(None)]
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is tuple:
        return {"type": "array", "items": _schema(args[0], defs)}
    if origin is Mapping or origin is typing.Mapping:  # percentiles: {"50": amount}
        return {
            "type": "object",
            "patternProperties": {"^[1-9][0-9]?$": _schema(args[1], defs)},
            "additionalProperties": False,
        }
    if attrs.has(kind):
        name = kind.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            hints = typing.get_type_hints(kind)
            fields = attrs.fields(kind)
            defs[name] = {
                "type": "object",
                "properties": {
                    field.name: dict(_SIGNED)
                    if field.metadata.get("signed")
                    else _schema(hints[field.name], defs)
                    for field in fields
                },
                "required": [field.name for field in fields if field.default is attrs.NOTHING],
                "additionalProperties": False,
            }
            if kind.__doc__:
                defs[name]["description"] = " ".join(kind.__doc__.split("\n\n")[0].split())
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {kind!r}")  # pragma: no cover - a new model type


def profile_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a profile document: a career or an extension."""
    defs: dict[str, Any] = {}
    options = [_schema(Career, defs), _schema(CareerExtension, defs)]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://careerkit.invalid/schema/profile.json",
        "title": "careerkit profile",
        "description": "A career profile, or an extension adding facts to another career.",
        "oneOf": options,
        "$defs": defs,
    }
