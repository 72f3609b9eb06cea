"""What the commands write: JSON on standard output, escaped where its encoding cannot show it;
counts with their nouns in the right number."""

from __future__ import annotations

import sys

__all__ = ["_ascii_only", "_counted", "_json", "_noun"]


def _ascii_only(stream: object) -> bool:
    """Whether *stream*'s encoding cannot write careerkit's non-ASCII text (JSON escapes it)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "क₹€".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return True
    return False


def _json(data: object) -> str:
    """JSON for standard output: non-ASCII as ``\\u`` escapes where its encoding cannot write it."""
    from careerkit import serialization

    return serialization.to_json(data, ascii_only=_ascii_only(sys.stdout))


def _noun(count: int, singular: str, plural: str | None = None) -> str:
    """*singular* for a *count* of one, else *plural* (default: *singular* + ``s``).

    >>> _noun(1, "file"), _noun(0, "file"), _noun(2, "does", "do")
    ('file', 'files', 'do')
    """
    return singular if count == 1 else plural or singular + "s"


def _counted(count: int, singular: str, plural: str | None = None) -> str:
    """*count* (grouped in thousands) and its noun in the right number.

    >>> _counted(1, "file"), _counted(0, "problem"), _counted(1204, "row")
    ('1 file', '0 problems', '1,204 rows')
    """
    return f"{count:,} {_noun(count, singular, plural)}"
