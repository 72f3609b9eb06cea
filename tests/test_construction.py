"""Constructing values from bad input: each refusal with its error class and message.

Every public constructor refuses what it cannot hold with a careerkit error that also
subclasses the matching builtin (``ValueError``, ``TypeError`` naming the parameter);
no input makes one hang, and no other exception type escapes (the fuzzer at the end).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import subprocess
import sys
import warnings
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Pay, PayRange, ReferenceDate, WorkSchedule
from careerkit.pay import _units

FUZZ = settings(max_examples=settings().max_examples * 5)

CATALOGUE: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    # amounts
    ("negative", lambda: Pay(-1, "USD", "hour"), ck.ValidationError, "must not be negative"),
    ("huge int", lambda: Pay(10**16, "USD", "hour"), ck.ValidationError, "amount: 10000000000000000 is outside the amounts careerkit accepts: at most 10^15"),
    ("huge exponent", lambda: Pay("1e999999999", "USD", "hour"), ck.ValidationError, "amount: '1e999999999' is outside the amounts careerkit accepts"),
    ("tiny exponent", lambda: Pay("1e-999999999", "USD", "hour"), ck.ValidationError, "has more than the 350 decimal places careerkit accepts"),
    ("huge Decimal", lambda: Pay(Decimal(10) ** 26, "USD", "year"), ck.ValidationError, "is outside the amounts careerkit accepts"),
    ("float inf", lambda: Pay(float("inf"), "USD", "hour"), ck.ValidationError, "amount: expected a finite number, got inf"),
    ("NaN text", lambda: Pay("NaN", "USD", "hour"), ck.ValidationError, "expected a finite number, got 'NaN'"),
    ("sNaN", lambda: Pay(Decimal("sNaN"), "USD", "hour"), ck.ValidationError, "expected a finite number"),
    ("1e308", lambda: Pay(1e308, "USD", "hour"), ck.ValidationError, "is outside the amounts careerkit accepts"),
    ("long text", lambda: Pay("1" * 101, "USD", "hour"), ck.ValidationError, "longer than the 100 characters any amount needs"),
    ("grouped text", lambda: Pay("10,000", "USD", "hour"), ck.ValidationError, "expected a decimal number such as '14.36', got '10,000'"),
    ("million-digit int", lambda: Pay(10**100_000, "USD", "hour"), ck.ValidationError, "an integer of about 100,000 digits is outside the amounts"),
    ("bool amount", lambda: Pay(True, "USD", "hour"), ck.WrongTypeError, "amount: expected a number (Decimal, int, str or float), got bool True"),
    ("list amount", lambda: Pay([1], "USD", "hour"), ck.WrongTypeError, "amount: expected a number"),  # type: ignore[arg-type]
    ("None amount", lambda: Pay(None, "USD", "hour"), ck.WrongTypeError, "amount: expected a number"),  # type: ignore[arg-type]
    # currencies, periods, dates
    ("lower-case currency", lambda: Pay(1, "usd", "hour"), ck.UnknownCurrencyError, "currency: unknown currency 'usd': expected an ISO 4217 code in upper case, such as 'INR' or 'USD'; did you mean 'USD'"),
    ("unknown currency", lambda: Pay(1, "INX", "hour"), ck.UnknownCurrencyError, "did you mean 'INR'"),
    ("currency number", lambda: Pay(1, 356, "hour"), ck.WrongTypeError, "currency: expected an ISO 4217 currency code as a string such as 'INR', got int 356"),  # type: ignore[arg-type]
    ("long currency", lambda: Pay(1, "U" * 10_000, "hour"), ck.UnknownCurrencyError, "(10,000 characters)"),
    ("unknown period", lambda: Pay(1, "USD", "fortnight"), ck.ValidationError, "period: unknown period 'fortnight'; expected one of 'hour', 'day', 'week', 'month', 'year'"),
    ("period list", lambda: Pay(1, "USD", ["hour"]), ck.WrongTypeError, "period: expected a period name"),  # type: ignore[arg-type]
    ("period case", lambda: Pay(1, "USD", "Hour"), ck.ValidationError, "unknown period 'Hour'"),
    ("month 13", lambda: Pay(1, "USD", "hour", when="2008-13"), ck.ValidationError, "cannot read '2008-13' as a date: month: expected a month from 1 to 12, got 13"),
    ("when float", lambda: Pay(1, "USD", "hour", when=2008.5), ck.WrongTypeError, "when: expected a date"),  # type: ignore[arg-type]
    ("when bool", lambda: Pay(1, "USD", "hour", when=True), ck.WrongTypeError, "when: expected a date"),
    ("when datetime", lambda: Pay(1, "USD", "hour", when=dt.datetime(2008, 5, 1)), ck.ValidationError, "expected a date without a time"),
    ("long date", lambda: Pay(1, "USD", "hour", when="2008" + " " * 10_000), ck.ValidationError, "as a date: expected 'YYYY'"),
    ("year 1700", lambda: ReferenceDate(1700), ck.ValidationError, "year: expected a year from 1800 to 2200, got 1700"),
    ("year text", lambda: ReferenceDate("2008"), ck.WrongTypeError, "year: expected a whole number, got str '2008'"),  # type: ignore[arg-type]
    ("day 30 Feb", lambda: ReferenceDate.parse("2023-02-30"), ck.ValidationError, "day: expected a day from 1 to 28 for 2023-02, got 30"),
    ("parse number", lambda: ReferenceDate.parse(2008), ck.WrongTypeError, "expected a date string such as '2008-05', got int 2008"),  # type: ignore[arg-type]
    # ranges and schedules
    ("empty range", lambda: PayRange(None, None), ck.ValidationError, "a pay range needs a low end, a high end or both"),
    ("range of text", lambda: PayRange("1", None), ck.WrongTypeError, "low: expected a Pay or None, got str '1'"),  # type: ignore[arg-type]
    ("descending range", lambda: PayRange(Pay(2, "INR", "month"), Pay(1, "INR", "month")), ck.ValidationError, "is above the high end"),
    ("mixed range", lambda: PayRange(Pay(1, "INR", "month"), Pay(2, "USD", "month")), ck.ValidationError, "a pay range needs one currency, period and date"),
    ("schedule text", lambda: WorkSchedule(hours_per_day="eight", days_per_week=5, weeks_per_year=52), ck.ValidationError, "hours_per_day: expected a decimal number such as '14.36', got 'eight'"),
    ("schedule type", lambda: WorkSchedule(hours_per_day=[8], days_per_week=5, weeks_per_year=52), ck.WrongTypeError, "hours_per_day: expected a number"),  # type: ignore[arg-type]
    ("schedule tiny", lambda: WorkSchedule(hours_per_day="1e-400", days_per_week=5, weeks_per_year=52), ck.ValidationError, "hours_per_day: '1e-400' has more than the 350 decimal places"),
    ("band text amount", lambda: ck.PayBand(region="IN", currency="INR", period="month", source="s", low=[5]), ck.WrongTypeError, "low: expected a number"),  # type: ignore[arg-type]
    ("band huge", lambda: ck.PayBand(region="IN", currency="INR", period="month", source="s", high="1e20"), ck.ValidationError, "high: '1e20' is outside the amounts"),
    ("band region case", lambda: ck.PayBand(region="in", currency="INR", period="month", source="s", low=1), ck.ValidationError, "region: unknown region 'in'"),
    ("band region type", lambda: ck.PayBand(region=91, currency="INR", period="month", source="s", low=1), ck.WrongTypeError, "region: expected an ISO 3166 region code as a string"),  # type: ignore[arg-type]
    ("aliases number", lambda: ck.Career(id="x", title=ck.Text("X"), aliases=5), ck.WrongTypeError, "expected a list, got int 5"),  # type: ignore[arg-type]
    ("aliases one key", lambda: ck.Career(id="x", title=ck.Text("X"), aliases=["CSR", "c s r", "csr"]), ck.ValidationError, "aliases[2]: 'csr' is the same lookup key as aliases[0] 'CSR'"),
    ("alias is the id", lambda: ck.Career(id="tea-taster", title=ck.Text("X"), aliases=["Tea Taster"]), ck.ValidationError, "aliases[0]: 'Tea Taster' is the same lookup key as the id"),
    # what BLS publishes: means, their standard errors, top-coded statistics, employment
    ("band top code alone", lambda: ck.PayBand(region="US", currency="USD", period="year", source="s", mean=1, top_code=239200), ck.ValidationError, "top_code: top_code and top_coded go together"),
    ("band top-coded alone", lambda: ck.PayBand(region="US", currency="USD", period="year", source="s", top_coded=["p90"]), ck.ValidationError, "top_coded: top_code and top_coded go together"),
    ("band top-coded name", lambda: ck.PayBand(region="US", currency="USD", period="year", source="s", top_coded=["average"], top_code=5), ck.ValidationError, "top_coded[0]: unknown statistic 'average'"),
    ("band top-coded figure", lambda: ck.PayBand(region="US", currency="USD", period="year", source="s", percentiles={90: 5}, top_coded=["p90"], top_code=5), ck.ValidationError, "top_coded[0]: 'p90' has a figure"),
    ("band mean negative", lambda: ck.PayBand(region="US", currency="USD", period="year", source="s", mean=-1), ck.ValidationError, "mean: must not be negative, got -1"),
    ("band mean text", lambda: ck.PayBand(region="US", currency="USD", period="year", source="s", mean="abc"), ck.ValidationError, "mean: expected a decimal number such as '14.36', got 'abc'"),
    ("band rse huge", lambda: ck.PayBand(region="US", currency="USD", period="year", source="s", mean=1, mean_rse=10**20), ck.ValidationError, "mean_rse: 100000000000000000000 is outside the amounts"),
    ("band statistic", lambda: ck.PayBand(region="US", currency="USD", period="year", source="s", mean=1).statistic("p100"), ck.ValidationError, "statistic: unknown statistic 'p100'"),
    ("jobs negative", lambda: ck.Employment(region="US", count=-1, source="s"), ck.ValidationError, "count: expected a whole number of jobs, 0 or more, got -1"),
    ("jobs bool", lambda: ck.Employment(region="US", count=True, source="s"), ck.ValidationError, "count: expected a whole number of jobs, 0 or more, got True"),
    ("jobs region case", lambda: ck.Employment(region="us-tx", count=1, source="s"), ck.ValidationError, "region: unknown region 'us-tx'"),
    ("jobs rse", lambda: ck.Employment(region="US", count=1, source="s", rse=-1), ck.ValidationError, "rse: must not be negative"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("make", "error", "fragment"),
    [case[1:] for case in CATALOGUE],
    ids=[case[0] for case in CATALOGUE],
)
def test_refused(make: Callable[[], object], error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as caught:
        make()
    assert fragment in str(caught.value)
    assert isinstance(caught.value, ck.CareerkitError)
    assert len(str(caught.value)) < 1000


def test_type_errors_are_type_errors_and_value_errors() -> None:
    with pytest.raises(TypeError) as caught:
        Pay([1], "USD", "hour")  # type: ignore[arg-type]
    assert isinstance(caught.value, ck.WrongTypeError) and caught.value.field == "amount"


def test_the_bounds_themselves_are_accepted() -> None:
    assert Pay(10**15, "USD", "hour").amount == Decimal(10**15)
    assert Pay("1e15", "USD", "hour").exact == 10**15
    assert Pay(5e-324, "USD", "hour").exact == Fraction(Decimal("5e-324"))  # every float in range
    assert Pay("0", "USD", "hour").amount == 0
    assert Pay(np_float(1.5), "USD", "hour").amount == Decimal("1.5")


def np_float(value: float) -> float:
    """A float subclass whose repr is not its number, as numpy 2's np.float64 is."""

    class Float(float):
        def __repr__(self) -> str:
            return f"Float({float(self)!r})"

    return Float(value)


def test_no_input_hangs() -> None:
    """The inputs that once ran for ever finish; run in a child so a regression fails, not hangs."""
    script = """
import careerkit as ck
for amount in ["1e999999999", "1e-999999999", "-1e999999999", 10**100000]:
    try:
        ck.Pay(amount, "USD", "hour")
    except ck.ValidationError:
        pass
try:
    ck.from_toml('id="x"\\ntitle={en="X"}\\n[[sources]]\\nid="s"\\ntitle={en="S"}\\n[[pay]]\\nregion="US"\\ncurrency="USD"\\nperiod="hour"\\nsource="s"\\nlow=1e999999999')
except ck.ProfileLoadError as error:
    print(error)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert (
        "pay[0].low: Decimal('1E+999999999') is outside the amounts careerkit accepts"
        in done.stdout
    )


# --- caches are bounded, and keyed by value ------------------------------------------------------


def test_equal_schedules_share_one_cache_entry() -> None:
    wage = Pay(10, "USD", "hour")
    wage.per("year", WorkSchedule(hours_per_day=7, days_per_week=5, weeks_per_year=52))
    before = _units._schedule_factor.cache_info()
    for _ in range(2000):  # a new, equal schedule object each time
        wage.per("year", WorkSchedule(hours_per_day=7, days_per_week=5, weeks_per_year=52))
    after = _units._schedule_factor.cache_info()
    assert after.currsize == before.currsize
    assert after.hits - before.hits == 2000


def test_distinct_schedules_and_dates_stay_within_the_bounds() -> None:
    wage = Pay(10, "USD", "hour")
    for tenth in range(3000):
        hours = Decimal(1) + Decimal(tenth) / 1000
        wage.per("week", WorkSchedule(hours_per_day=hours, days_per_week=5, weeks_per_year=52))
    assert (
        _units._schedule_factor.cache_info().currsize
        <= _units._schedule_factor.cache_info().maxsize
    )
    for day in range(3000):
        Pay(1, "USD", "hour", when=str(dt.date(2001, 1, 1) + dt.timedelta(days=day)))
        assert len(_units._DATES) <= 1024


def test_dated_conversions_are_cached_by_month_not_by_day() -> None:
    from careerkit.pay import _fx

    Pay(1, "USD", "hour", when="2008-05-01").to_currency("INR")
    before = _fx.fx.cache_info().currsize
    for day in range(2, 32):
        converted = Pay(1, "USD", "hour", when=f"2008-05-{day:02d}").to_currency("INR")
        assert f"2008-05-{day:02d} falls in the month 2008-05" in str(converted.provenance[0].note)
    assert _fx.fx.cache_info().currsize == before


def test_a_long_chain_of_conversions_keeps_its_fraction_small() -> None:
    wage = Pay("14.36", "USD", "hour")
    for _ in range(2000):
        wage = wage.per("year").per("hour")
    assert wage == Pay("14.36", "USD", "hour")
    assert wage.exact.denominator.bit_length() < 600  # reduced, not 2000 factors of 2,080


# --- hostile values: nothing but careerkit's own errors ------------------------------------------

hostile = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.integers().map(lambda n: n * 10**50),
    st.floats(),
    st.decimals(),
    st.text(max_size=20),
    st.sampled_from(["USD", "INR", "hour", "year", "2008-05", "IN", "US", "", "1e999", "NaN"]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.dates(),
    st.just(object()),
    st.just(b"USD"),
    st.just(Decimal("sNaN")),
)


@pytest.mark.thorough
@FUZZ
@given(hostile, hostile, hostile, hostile)
def test_pay_raises_only_careerkit_errors(
    amount: object, currency: object, period: object, when: object
) -> None:
    try:
        pay = Pay(amount, currency, period, when=when)  # type: ignore[arg-type]
    except ck.CareerkitError:
        return
    assert 0 <= pay.exact <= 10**15
    repr(pay), str(pay), pay.rounded(), str(pay.amount)


@pytest.mark.thorough
@FUZZ
@given(hostile, hostile)
def test_ranges_and_dates_raise_only_careerkit_errors(first: object, second: object) -> None:
    for make in (
        lambda: PayRange(first, second),  # type: ignore[arg-type]
        lambda: ReferenceDate.coerce(first),  # type: ignore[arg-type]
        lambda: ReferenceDate(first, second),  # type: ignore[arg-type]
        lambda: WorkSchedule(hours_per_day=first, days_per_week=second, weeks_per_year=52),  # type: ignore[arg-type]
        lambda: ck.Text(first, second),  # type: ignore[arg-type]
    ):
        with contextlib.suppress(ck.CareerkitError):
            make()


# --- numpy's scalars: amounts as the Python numbers they stand for -------------------------------

INTEGER_TYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
FLOAT_TYPES = ["float16", "float32", "float64", "longdouble"]


@given(st.sampled_from(INTEGER_TYPES), st.data())
def test_numpy_integers_are_exact_amounts(name: str, data: st.DataObject) -> None:
    numpy = pytest.importorskip("numpy")
    kind = getattr(numpy, name)
    value = data.draw(st.integers(0, min(int(numpy.iinfo(kind).max), 10**15)))
    pay = Pay(kind(value), "USD", "hour")
    assert pay == Pay(value, "USD", "hour")
    assert pay.exact == value and pay.amount == Decimal(value)
    assert type(pay.amount) is Decimal


@given(st.sampled_from(FLOAT_TYPES), st.floats(0, 1e15))
def test_numpy_floats_are_amounts_as_the_float_of_their_value(name: str, number: float) -> None:
    numpy = pytest.importorskip("numpy")
    with numpy.errstate(over="ignore"):
        value = getattr(numpy, name)(number)
    if not numpy.isfinite(value):  # float16 tops out at 65,504
        with pytest.raises(ck.ValidationError, match="expected a finite number"):
            Pay(value, "USD", "hour")
        return
    pay = Pay(value, "USD", "hour")
    assert float(pay.amount) == float(value)  # the value itself, not a rounding of it
    assert pay == Pay(float(value), "USD", "hour")  # the shortest repr of that float
    assert len(pay.amount.as_tuple().digits) <= 17  # a float's shortest repr, not its expansion


def test_numpy_scalars_known_values() -> None:
    numpy = pytest.importorskip("numpy")
    assert Pay(numpy.int64(2), "USD", "hour").amount == Decimal(2)
    assert Pay(numpy.int32(28000), "INR", "month").per("year").amount == Decimal(336000)
    assert Pay(numpy.uint64(10**15), "USD", "hour").amount == Decimal(10**15)
    assert Pay(numpy.float32(1.5), "USD", "hour").amount == Decimal("1.5")
    assert Pay(numpy.float16(14.36), "USD", "hour").amount == Decimal("14.359375")
    # a float32 is its binary value: 14.36 as a float32 is 14.3599996566772...
    assert Pay(numpy.float32(14.36), "USD", "hour").amount == Decimal("14.359999656677246")
    assert Pay(numpy.float64(14.36), "USD", "hour").amount == Decimal("14.36")


@pytest.mark.parametrize(
    ("make", "error", "fragment"),
    [
        (lambda np: np.bool_(True), ck.WrongTypeError, "expected a number"),
        (lambda np: np.bool_(False), ck.WrongTypeError, "expected a number"),
        (lambda np: np.int64(-1), ck.ValidationError, "must not be negative"),
        (lambda np: np.float32(-0.5), ck.ValidationError, "must not be negative"),
        (lambda np: np.uint64(2**64 - 1), ck.ValidationError, "outside the amounts"),
        (lambda np: np.float32("nan"), ck.ValidationError, "expected a finite number"),
        (lambda np: np.float64("inf"), ck.ValidationError, "expected a finite number"),
        (lambda np: np.array([1.5]), ck.WrongTypeError, "expected a number"),
        (lambda np: np.complex128(1), ck.WrongTypeError, "expected a number"),
        (lambda np: Fraction(1, 3), ck.WrongTypeError, "expected a number"),
    ],
    ids=["bool_", "bool_ false", "negative int", "negative float", "huge", "nan", "inf", "array",
         "complex", "Fraction"],
)  # fmt: skip
def test_numpy_values_that_are_not_amounts(
    make: Callable[[Any], object], error: type[Exception], fragment: str
) -> None:
    numpy = pytest.importorskip("numpy")
    with pytest.raises(error, match=fragment):
        Pay(make(numpy), "USD", "hour")  # type: ignore[arg-type]


def test_pay_band_fields_take_numpy_scalars() -> None:
    numpy = pytest.importorskip("numpy")
    given = ck.PayBand(
        region="US",
        currency="USD",
        period="year",
        source="bls",
        low=numpy.int64(20000),
        high=numpy.float32(90000.5),
        percentiles={numpy.int64(10): numpy.int32(31750), numpy.int8(50): numpy.float64(44770.5)},
        mean=numpy.uint32(47060),
        mean_rse=numpy.float16(0.5),
    )
    plain = ck.PayBand(
        region="US",
        currency="USD",
        period="year",
        source="bls",
        low=20000,
        high=90000.5,
        percentiles={10: 31750, 50: 44770.5},
        mean=47060,
        mean_rse=0.5,
    )
    assert given == plain
    assert [type(key) for key in given.percentiles] == [int, int]
    assert given.median == Decimal("44770.5")
    schedule = WorkSchedule(
        hours_per_day=numpy.float32(7.5), days_per_week=numpy.int64(5), weeks_per_year=52
    )
    assert schedule == WorkSchedule(hours_per_day="7.5", days_per_week=5, weeks_per_year=52)


def test_pay_band_refuses_numpy_bools_and_fractions_as_percentiles() -> None:
    numpy = pytest.importorskip("numpy")
    for key in (numpy.bool_(True), numpy.float64(50.0), True):
        with pytest.raises(ck.ValidationError, match=r"outside 1\.\.99") as caught:
            ck.PayBand(region="US", currency="USD", period="year", source="s", percentiles={key: 1})
        assert caught.value.field == "percentiles"
    with pytest.raises(ck.ValidationError, match=r"outside 1\.\.99"):
        ck.PayBand(
            region="US", currency="USD", period="year", source="s", percentiles={numpy.int64(0): 1}
        )


@FUZZ
@given(
    st.sampled_from([*INTEGER_TYPES, *FLOAT_TYPES, "bool_", "complex64"]),
    st.integers(-(10**20), 10**20) | st.floats() | st.booleans(),
)
def test_numpy_scalars_raise_only_careerkit_errors(name: str, number: object) -> None:
    numpy = pytest.importorskip("numpy")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # numpy's own overflow warnings, making the scalar
        try:
            value = getattr(numpy, name)(number)
        except (OverflowError, ValueError, TypeError):
            return  # numpy refused to make it
    try:
        pay = Pay(value, "USD", "hour")
    except ck.CareerkitError:
        return
    assert 0 <= pay.exact <= 10**15
    assert name != "bool_" and not name.startswith("complex")
