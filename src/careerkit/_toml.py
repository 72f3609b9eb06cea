"""Reading a profile file's TOML within careerkit's limits (kept light: the first lookup uses it)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from careerkit.errors import ProfileLoadError, wrong_type

__all__ = ["MAX_DEPTH", "MAX_PROFILE_SIZE", "read_toml", "too_large"]

MAX_PROFILE_SIZE = 1_048_576
"""The largest profile careerkit reads, in characters (1 MiB): the built-ins are about 30 KB."""
MAX_DEPTH = 16
"""The deepest nesting of tables and arrays a profile may have: careerkit's format needs 4."""


def read_toml(text: str, origin: str) -> dict[str, Any]:
    """The table a profile file's text holds, within the size and nesting limits."""
    import tomllib

    if not isinstance(text, str):
        raise wrong_type("the text of a profile", text, "text")
    if len(text) > MAX_PROFILE_SIZE:
        raise ProfileLoadError(origin, [("", too_large(f"{len(text):,} characters"))])
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise ProfileLoadError(origin, [("", f"not valid TOML: {error}")]) from None
    except RecursionError:
        raise ProfileLoadError(
            origin, [("", f"tables and arrays are nested more than {MAX_DEPTH} deep")]
        ) from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise ProfileLoadError(
            origin, [("", "it holds an integer of more than 4,300 digits: no amount has as many")]
        ) from None


def too_large(size: str) -> str:
    return (
        f"{size} is more than the {MAX_PROFILE_SIZE:,} characters a profile may have "
        "(careerkit's own have about 30,000)"
    )
