"""``Pay`` as a quantity: +, -, * and / by numbers, ordering, format, repr; properties, then errors."""

from __future__ import annotations

import pickle
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any, cast

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Pay
from careerkit.testing import pays

UNITS = st.tuples(
    st.sampled_from(["USD", "INR", "JPY", "EUR"]),
    st.sampled_from(list(ck.Period)),
    st.sampled_from([None, "2008", "2008-05", "2024"]),
)
AMOUNTS = st.decimals(min_value=0, max_value=10**9, places=6, allow_nan=False)


@st.composite
def same_unit(draw: st.DrawFn, count: int = 2) -> list[Pay]:
    """*count* figures of one currency, period and date, some of them converted."""
    currency, period, when = draw(UNITS)
    figures = []
    for _ in range(count):
        pay = Pay(draw(AMOUNTS), currency, period, when=when)
        source = draw(st.sampled_from([*ck.Period, None]))
        if source is not None:  # arrive in the unit from another period: a converted figure
            pay = Pay(draw(AMOUNTS), currency, source, when=when).per(period)
        figures.append(pay)
    return figures


FACTORS = st.one_of(
    st.integers(0, 10**6),
    st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False),
    st.fractions(min_value=0, max_value=10**6, max_denominator=10**6),
    st.floats(min_value=0, max_value=1e6, allow_nan=False),
)


def as_fraction(factor: int | Decimal | Fraction | float) -> Fraction:
    """The exact value ``Pay`` multiplies by: a float by its shortest repr."""
    return Fraction(repr(factor)) if isinstance(factor, float) else Fraction(factor)


# --- known values ------------------------------------------------------------------------------


def test_sums_differences_scaling_and_ratios() -> None:
    a, b = Pay("14.36", "USD", "hour", when="2008-05"), Pay("0.64", "USD", "hour", when="2008-05")
    assert a + b == Pay(15, "USD", "hour", when="2008-05")
    assert a - b == Pay("13.72", "USD", "hour", when="2008-05")
    assert a * 2 == 2 * a == a + a == Pay("28.72", "USD", "hour", when="2008-05")
    assert a * Decimal("0.5") == a / 2 == Pay("7.18", "USD", "hour", when="2008-05")
    assert a * 0.1 == Pay("1.436", "USD", "hour", when="2008-05")  # the float's shortest repr
    assert (a / 3).exact == Fraction("14.36") / 3
    assert a * Fraction(1, 3) == a / 3
    assert a / b == Fraction(1436, 64)
    assert isinstance(a / b, Fraction)
    assert sum([a, b], Pay(0, "USD", "hour", when="2008-05")) == a + b


def test_numpy_scalars_scale_on_either_side() -> None:
    pay = Pay("14.36", "USD", "hour")
    for factor in (np.int64(3), np.uint8(3), np.float64(3.0), np.float32(3.0)):
        assert pay * factor == factor * pay == Pay("43.08", "USD", "hour")
        assert pay / factor == pay / 3
    assert pay * np.float32(0.1) == pay * float(np.float32(0.1))  # as the float of its value
    scaled = np.array([1, 2]) * pay  # numpy broadcasts: each row scales the Pay
    assert list(scaled) == [pay, 2 * pay]


def test_arithmetic_keeps_exactness_through_conversions() -> None:
    hour = Pay("14.36", "USD", "hour")
    thirds = hour.per("month") / 3 * 3
    assert thirds.per("hour") == hour
    assert (hour.per("month") + hour.per("month")).per("hour") == 2 * hour


def test_a_result_is_a_new_figure_without_provenance() -> None:
    converted = Pay("14.36", "USD", "hour", when="2008-05").to_currency("INR")
    for result in (converted + converted, converted - converted, 2 * converted, converted / 2):
        assert result.origin is None and result.provenance == ()
        assert result.currency == "INR" and result.when == converted.when
        assert "as given (no conversion)" in result.explain()


def test_ordering_and_equality() -> None:
    low, high = Pay(10000, "INR", "month"), Pay(28000, "INR", "month")
    assert low < high and low <= high and high > low and high >= low
    assert low <= Pay("10000.000", "INR", "month") >= low
    assert not low < low and not low > low
    assert sorted([high, low]) == [low, high] and max(low, high) is high
    assert Pay("1.5", "USD", "hour") == Pay("1.50", "USD", "hour")
    assert hash(Pay("1.5", "USD", "hour")) == hash(Pay("1.50", "USD", "hour"))
    # equality across units is False, never an error, so mixed figures live in sets and dicts
    assert Pay(1, "USD", "hour") != Pay(1, "INR", "hour")
    assert Pay(1, "USD", "hour") != Pay(1, "USD", "hour", when="2008")
    assert Pay(1, "USD", "hour") != 1
    assert len({Pay(1, "USD", "hour"), Pay(1, "INR", "hour"), Pay("1.0", "USD", "hour")}) == 2


def test_format_spec_applies_to_the_amount() -> None:
    pay = Pay("29868.8", "USD", "year", when="2008-05")
    assert f"{pay:,.2f}" == "29,868.80"
    assert f"{pay:>12.1f}" == "     29868.8"
    assert f"{pay}" == "$29,868.80 a year (May 2008)"
    rupees = Pay(1, "USD", "year", when="2008-05").to_currency("INR")
    assert f"{rupees:.2f}" == "42.00"


# --- properties --------------------------------------------------------------------------------


@given(same_unit(3))
def test_addition_commutes_and_associates(figures: list[Pay]) -> None:
    a, b, c = figures
    assert a + b == b + a
    assert (a + b) + c == a + (b + c)
    assert (a + b).exact == a.exact + b.exact


@given(same_unit(2))
def test_subtraction_undoes_addition(figures: list[Pay]) -> None:
    a, b = figures
    assert (a + b) - b == a
    assert hash((a + b) - b) == hash(a)
    assert (a - a).exact == 0


@given(same_unit(2), FACTORS)
def test_scaling_distributes_over_addition(figures: list[Pay], k: int | Decimal | float) -> None:
    a, b = figures
    assert k * (a + b) == k * a + k * b
    assert k * a == a * k
    assert (k * a).exact == as_fraction(k) * a.exact
    if k:
        assert a * k / k == a


@given(same_unit(2))
def test_ordering_is_total_and_follows_the_exact_value(figures: list[Pay]) -> None:
    a, b = figures
    assert [a < b, a == b, a > b].count(True) == 1
    assert (a < b) == (a.exact < b.exact)
    assert (a <= b) == (a.exact <= b.exact)
    assert (a > b) == (a.exact > b.exact)
    assert (a >= b) == (a.exact >= b.exact)
    assert (a == b) == (a.exact == b.exact)
    if a == b:
        assert hash(a) == hash(b)


@given(same_unit(4))
def test_sorting_pays_sorts_their_values(figures: list[Pay]) -> None:
    assert [pay.exact for pay in sorted(figures)] == sorted(pay.exact for pay in figures)


@given(same_unit(2))
@example([Pay(10**6, "USD", "hour"), Pay("0.0000000001", "USD", "hour")])  # a ratio of 10^16
def test_a_ratio_is_exact(figures: list[Pay]) -> None:
    a, b = figures
    if b.exact:
        ratio = a / b
        assert ratio == a.exact / b.exact
        if ratio <= 10**15:
            assert ratio * b == a
        else:  # a tiny divisor: a factor beyond the 10^15 any multiplication takes is refused
            with pytest.raises(ck.ValidationError, match="at most 10\\^15"):
                ratio * b


@given(pays(), FACTORS, st.sampled_from(list(ck.Period)))
def test_changing_period_commutes_with_scaling(
    pay: Pay, k: int | Decimal | float, period: ck.Period
) -> None:
    assert (k * pay).per(period) == k * pay.per(period)


@given(pays(st.sampled_from(["USD", "INR", "EUR", "JPY"]), dated=True), FACTORS)
def test_converting_currency_and_prices_commutes_with_scaling(
    pay: Pay, k: int | Decimal | float
) -> None:
    for convert in (lambda p: p.to_currency("GBP"), lambda p: p.in_prices_of("2020")):
        assert convert(k * pay) == k * convert(pay)


# every amount Pay accepts: up to 10^15, with up to 350 decimal places
GIVEN = st.integers(0, 350).flatmap(
    lambda places: st.integers(0, 10 ** (15 + places)).map(
        lambda units: Decimal(f"{units}E-{places}")
    )
)


@given(GIVEN, UNITS)
def test_the_repr_of_a_figure_as_given_rebuilds_it(amount: Decimal, unit: tuple[str, ...]) -> None:
    pay = Pay(amount, *unit[:2], when=unit[2])
    rebuilt = eval(repr(pay), {"Pay": Pay, "Decimal": Decimal})
    assert rebuilt == pay and rebuilt.exact == pay.exact


def ends(value: Fraction) -> bool:
    """Whether *value*'s decimal expansion ends."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


@given(same_unit(1), st.integers(1, 99))
def test_a_repr_is_exact_or_rounded_just_past_the_minor_unit(
    figures: list[Pay], divisor: int
) -> None:
    (pay,) = figures
    for figure in (pay, pay / divisor):
        match = re.fullmatch(
            r"Pay\('(\d+(?:\.(\d+))?)', '\w+', '\w+'(?:, when='[\d-]+')?\)", repr(figure)
        )
        assert match is not None
        places = ck.pay._units.minor_units(figure.currency)
        shown, decimals = Fraction(match[1]), len(match[2] or "")
        assert decimals >= places
        if figure.origin is None and ends(figure.exact):  # as given, or computed: exact
            assert shown == figure.exact
        else:  # converted, or an expansion that does not end: rounded half-even
            assert decimals <= places + 4
            assert abs(shown - figure.exact) <= Fraction(1, 2 * 10 ** (places + 4))
        assert len(repr(figure)) <= 120


# --- errors ------------------------------------------------------------------------------------


DIFFERENT = [
    (
        Pay(10, "USD", "hour"),
        Pay(10, "INR", "hour"),
        "the currencies differ (USD, INR); convert one first with to_currency()",
    ),
    (
        Pay(10, "USD", "hour"),
        Pay(10, "USD", "year"),
        "the periods differ (hour, year); convert one first with per()",
    ),
    (
        Pay(10, "USD", "hour", when="2008-05"),
        Pay(10, "USD", "hour", when="2024"),
        "the dates differ (2008-05, 2024); move one into the other's prices first with "
        "in_prices_of()",
    ),
    (
        Pay(10, "USD", "hour", when="2008-05"),
        Pay(10, "USD", "hour"),
        "the dates differ (2008-05, undated); an undated figure cannot be set beside a dated one",
    ),
]


@pytest.mark.parametrize(("a", "b", "reason"), DIFFERENT)
def test_figures_of_different_units_are_refused_naming_the_part_that_differs(
    a: Pay, b: Pay, reason: str
) -> None:
    actions = {
        "add": lambda: a + b,
        "subtract": lambda: a - b,
        "divide": lambda: a / b,
        "compare": lambda: a < b,
    }
    for verb, act in actions.items():
        with pytest.raises(
            ck.IncompatiblePayError, match=rf"^cannot {verb} .*: {re.escape(reason)}"
        ):
            act()
    for compare in (lambda: a <= b, lambda: a > b, lambda: a >= b):
        with pytest.raises(TypeError, match=re.escape(reason)):  # a TypeError, as Python's own
            compare()
    with pytest.raises(ck.IncompatiblePayError, match=r"differ \("):
        sorted([a, b])
    assert a != b


def test_the_message_quotes_both_figures_and_every_difference() -> None:
    with pytest.raises(ck.IncompatiblePayError) as caught:
        Pay("10", "USD", "hour") + Pay("10", "INR", "year")
    assert str(caught.value) == (
        "cannot add Pay('10.00', 'USD', 'hour') and Pay('10.00', 'INR', 'year'): the currencies "
        "differ (USD, INR); convert one first with to_currency(); the periods differ (hour, "
        "year); convert one first with per()"
    )
    assert isinstance(caught.value, ck.ValidationError | TypeError)


@given(pays(), st.one_of(st.integers(), st.decimals(allow_nan=False), st.floats(), st.text()))
def test_a_pay_never_adds_or_orders_beside_a_number(pay: Pay, number: Any) -> None:
    for act in (
        lambda: pay + number,
        lambda: number + pay,
        lambda: pay - number,
        lambda: number - pay,
        lambda: pay < number,
        lambda: number >= pay,
    ):
        with pytest.raises(ck.IncompatiblePayError, match=r"^cannot (add|subtract|compare) "):
            act()


def test_refusals_beside_numbers_say_what_to_do() -> None:
    pay = Pay(10, "USD", "hour")
    with pytest.raises(ck.IncompatiblePayError, match=r"multiply it by a number \(pay \* 2\)$"):
        pay + 3  # type: ignore[operator]
    with pytest.raises(
        ck.IncompatiblePayError,
        match=re.escape("start sum() at a Pay of zero: sum(pays, Pay('0.00', 'USD', 'hour'))"),
    ):
        sum([pay, pay])
    with pytest.raises(ck.IncompatiblePayError, match=r"compare its \.amount with a number$"):
        pay < 3  # type: ignore[operator]  # noqa: B015
    with pytest.raises(ck.IncompatiblePayError, match=r"^cannot divide int 3 by Pay\('10\.00'"):
        3 / pay
    with pytest.raises(ck.IncompatiblePayError, match=r"pay times pay is not pay"):
        pay * pay  # type: ignore[operator]


@pytest.mark.parametrize(
    ("factor", "error", "message"),
    [
        ("2", ck.WrongTypeError, "by str '2': expected a number (int, Decimal, Fraction or float)"),
        (True, ck.WrongTypeError, "by bool True: expected a number"),
        (1j, ck.WrongTypeError, "by complex 1j: expected a number"),
        (-1, ck.ValidationError, "by int -1: the result would be negative"),
        (Fraction(-1, 3), ck.ValidationError, "by Fraction(-1, 3): the result would be negative"),
        (Decimal("NaN"), ck.ValidationError, "by Decimal('NaN'): expected a finite number"),
        (float("inf"), ck.ValidationError, "by float inf: expected a finite number"),
        (
            10**16,
            ck.ValidationError,
            "by int 10000000000000000: 10000000000000000 is outside the amounts careerkit accepts",
        ),
        (
            Fraction(1, 10**400),
            ck.ValidationError,
            "by Fraction(1, 1000000000000000...0000000000000000000000000000): the factors careerkit "
            "accepts are "
            "at most 10^15, with a denominator of at most 10^350",
        ),
    ],
)
def test_bad_factors_are_refused(factor: Any, error: type[Exception], message: str) -> None:
    pay = Pay(10, "USD", "hour")
    for verb, act in (("multiply", lambda: pay * factor), ("divide", lambda: pay / factor)):
        start = rf"^cannot {verb} Pay\('10\.00', 'USD', 'hour'\) "
        with pytest.raises(error, match=start + re.escape(message)):
            act()


def test_a_negative_difference_is_refused() -> None:
    with pytest.raises(
        ck.ValidationError,
        match=r"^cannot subtract Pay\('28\.72', 'USD', 'hour'\) from Pay\('14\.36', 'USD', "
        r"'hour'\): the result would be negative \(-14\.36\), and a pay amount is never negative$",
    ):
        Pay("14.36", "USD", "hour") - Pay("28.72", "USD", "hour")


def test_division_by_zero_is_a_zero_division_error() -> None:
    pay = Pay(10, "USD", "hour")
    for zero in (0, 0.0, Decimal(0), Fraction(0), np.int64(0)):
        with pytest.raises(ck.DivisionByZeroError, match=r"^cannot divide Pay\(.*\) by zero"):
            pay / zero
    with pytest.raises(ZeroDivisionError, match=r": it is zero$"):
        pay / Pay(0, "USD", "hour")
    assert Pay(0, "USD", "hour") / pay == 0  # zero over a figure is fine


def test_other_types_are_left_to_python() -> None:
    pay, other = Pay(10, "USD", "hour"), cast(Any, [1])
    for act in (
        lambda: pay + other,
        lambda: pay * other,
        lambda: pay < other,
        lambda: pay / cast(Any, None),
    ):
        with pytest.raises(TypeError):
            act()


def test_the_errors_survive_pickle() -> None:
    pay = Pay(10, "USD", "hour")
    for act in (lambda: pay + Pay(10, "INR", "hour"), lambda: pay / 0):
        with pytest.raises(ck.CareerkitError) as caught:
            act()
        restored = pickle.loads(pickle.dumps(caught.value))
        assert type(restored) is type(caught.value) and str(restored) == str(caught.value)
