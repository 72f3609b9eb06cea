"""careerkit.data._gate: every value is checked as text, before any arithmetic."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerkit.data._gate import RefusedError, integer, number, plain_text


@given(st.decimals(min_value=Decimal("1e-12"), max_value=10**15, places=12))
def test_every_plain_number_in_range_reads_as_itself(value: Decimal) -> None:
    assert number(f"{value:f}") == value
    assert number(f"{value:,f}", grouped=True) == value


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2_2.10", "written as digits"),  # Decimal("2_2.10") is 22.10
        ("NaN", "written as digits"),
        ("Infinity", "written as digits"),
        ("0x10", "written as digits"),
        (
            "١٤",
            "written as digits",
        ),  # Arabic-Indic digits: Decimal reads them, publishers don't print them
        ("1e-99999999", "at least 10^-12"),  # as a Fraction, a denominator of 10^99999999
        ("1e" + "9" * 50, "at most 10^15"),
        ("1e20", "at most 10^15"),
        ("1" * 31, "at most 30 significant digits"),
        ("1" * 61, "at most 60 characters"),
        ("0e-999999", "at most 45 decimal places"),  # written out: a million zeros
        ("0." + "0" * 46, "at most 45 decimal places"),
    ],
)
def test_refused(text: str, fragment: str) -> None:
    with pytest.raises(RefusedError, match=re.escape(fragment)):
        number(text)


def test_counts_are_whole() -> None:
    assert integer("2,601,200", grouped=True) == 2601200
    for text in ("12.5", "12.0", "-1", "1e3"):
        with pytest.raises(RefusedError):
            integer(text)


@pytest.mark.parametrize("text", ["a\tb", "a\nb", "a\x00b", "a\u2028b", "!!!", "x" * 1001])
def test_text_is_one_printable_line(text: str) -> None:
    with pytest.raises(RefusedError):
        plain_text(text)
    assert plain_text("ग्राहक सेवा\u200d") == "ग्राहक सेवा\u200d"  # joiners are text
