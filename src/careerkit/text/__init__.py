"""Pay for people: formatting (:func:`format_pay`) and reading (:func:`parse_pay`)."""

from careerkit.text.format import format_pay
from careerkit.text.parse import parse_pay

__all__ = ["format_pay", "parse_pay"]
