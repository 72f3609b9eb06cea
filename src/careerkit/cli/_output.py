"""What the commands write: JSON on standard output, escaped where its encoding cannot show it."""

from __future__ import annotations

import sys

__all__ = ["_ascii_only", "_json"]


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
