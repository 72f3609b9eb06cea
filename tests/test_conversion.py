"""Converting pay from bad input: each refusal with its error class and message.

The wrong numbers careerkit once returned are here first (dollars read as rupees by a
PPP factor, Indian inflation applied to dollars, ``"us"`` routed to another series, a
malformed date ignored, an empty table for a region nobody has); then the array path,
very large results, and a fuzzer that allows careerkit's errors and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Pay, WorkSchedule, convert_array, format_pay

FUZZ = settings(max_examples=settings().max_examples * 5)
USD_2020 = Pay(100, "USD", "year", when="2020")
INR = Pay(1, "INR", "hour", when="2008-05")
CSR = "customer-service"

CATALOGUE: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    # country= must use the amount's currency: these once gave numbers
    ("PPP of dollars as rupees", lambda: USD_2020.to_ppp(country="IN"), ck.ValidationError, "USD was not legal tender in IN in 2020 (the currency there was INR): a PPP conversion factor for IN applies to amounts in its own currency"),
    ("Indian inflation on dollars", lambda: USD_2020.in_prices_of("2021", country="IN"), ck.ValidationError, "USD was not legal tender in IN in 2020"),
    ("euro before the euro", lambda: Pay(1, "EUR", "year", when="1995").in_prices_of("1996", country="DE"), ck.ValidationError, "EUR was not legal tender in DE in 1995 (the currency there was DEM)"),
    ("rupees in the US", lambda: INR.in_prices_of("2010", country="US"), ck.ValidationError, "INR was not legal tender in US in 2008"),
    ("no currency at all", lambda: USD_2020.to_ppp(country="AQ"), ck.ValidationError, "CLDR records no currency there"),
    # codes are case-sensitive: "us" is not "US"
    ("country lower case", lambda: USD_2020.in_prices_of("2021", country="us"), ck.ValidationError, "country: unknown country 'us': expected an ISO 3166-1 alpha-2 code in upper case, such as 'IN' or 'US'; did you mean 'US'?"),
    ("country number", lambda: USD_2020.in_prices_of("2021", country=123), ck.WrongTypeError, "country: expected an ISO 3166-1 alpha-2 country code as a string such as 'IN', got int 123"),  # type: ignore[arg-type]
    ("country alpha-3", lambda: USD_2020.to_ppp(country="USA"), ck.ValidationError, "unknown country 'USA'"),
    ("country on Int$", lambda: USD_2020.to_ppp().to_ppp(country="zz"), ck.ValidationError, "unknown country 'zz'"),
    ("currency lower case", lambda: USD_2020.to_currency("inr"), ck.UnknownCurrencyError, "code: unknown currency 'inr'"),
    ("currency number", lambda: USD_2020.to_currency(356), ck.WrongTypeError, "code: expected an ISO 4217 currency code"),  # type: ignore[arg-type]
    # arguments are checked even where no rate is needed
    ("same currency, bad date", lambda: INR.to_currency("INR", when="2008-13"), ck.ValidationError, "cannot read '2008-13' as a date"),
    ("same currency, date type", lambda: INR.to_currency("INR", when=2008.5), ck.WrongTypeError, "when: expected a date"),  # type: ignore[arg-type]
    ("same period, bad schedule", lambda: INR.per("hour", schedule="full time"), ck.WrongTypeError, "schedule: expected a WorkSchedule (or None for WorkSchedule.BLS_FULL_TIME), got str 'full time'"),  # type: ignore[arg-type]
    ("schedule type", lambda: INR.per("year", schedule=2080), ck.WrongTypeError, "schedule: expected a WorkSchedule"),  # type: ignore[arg-type]
    ("period type", lambda: INR.per(["year"]), ck.WrongTypeError, "period: expected a period name"),  # type: ignore[arg-type]
    ("prices date type", lambda: INR.in_prices_of(20.08), ck.WrongTypeError, "when: expected a date"),  # type: ignore[arg-type]
    # dates outside the series, said as such
    ("after the data", lambda: Pay(1, "USD", "month", when="2008-05").in_prices_of("2026-07"), ck.DataNotAvailableError, "CPI-U has no value for 2026-07: the BLS series CUUR0000SA0 in use covers 1913-01 to 2026-05; to use a newer release"),
    ("before the data", lambda: Pay(1, "USD", "month", when="1850").to_currency("INR"), ck.DataNotAvailableError, "no annual average INR rate for 1850"),
    ("no series", lambda: Pay(1, "KPW", "month", when="2008").to_currency("USD"), ck.DataNotAvailableError, "no exchange-rate series for 'KPW'"),
    # a region nobody has is an error, not an empty table
    ("pay_in unknown region", lambda: ck.get(CSR).pay_in("USD", "year", region="ZZ"), ck.ValidationError, "region: unknown region 'ZZ'"),
    ("pay_in lower case", lambda: ck.get(CSR).pay_in("USD", "year", region="in"), ck.ValidationError, "did you mean 'IN'?"),
    ("pay_in no band", lambda: ck.get(CSR).pay_in("USD", "year", region="FR"), ck.PayBandNotFoundError, "customer-service has no pay band for region 'FR'; it has bands for IN, US"),
    ("pay_in bad currency", lambda: ck.get(CSR).pay_in("usd", "year"), ck.UnknownCurrencyError, "currency: unknown currency 'usd'"),
    ("compare lower case", lambda: ck.compare(CSR, currency="USD", period="year", region="in"), ck.ValidationError, "region: unknown region 'in'"),
    ("compare no band", lambda: ck.compare(CSR, "pr-specialist", currency="USD", period="year", region="FR"), ck.PayBandNotFoundError, "none of customer-service, public-relations-specialist has a pay band for region 'FR'; they have bands for IN, US"),
    ("compare key type", lambda: ck.compare(42, currency="USD", period="year"), ck.WrongTypeError, "key: a career key is a string"),  # type: ignore[arg-type]
    ("band prices_of type", lambda: ck.get(CSR).pay[0].convert(prices_of=2.5), ck.WrongTypeError, "prices_of: expected a date"),  # type: ignore[arg-type]
    ("pint registry", lambda: INR.to_quantity("registry"), ck.WrongTypeError, "registry: expected a pint.UnitRegistry or None, got str"),  # type: ignore[arg-type]
    ("compare prices_of type", lambda: ck.compare(CSR, currency="USD", period="year", prices_of=2.5), ck.WrongTypeError, "prices_of: expected a date"),  # type: ignore[arg-type]
    # the array path
    ("array huge", lambda: convert_array([1e308], currency="USD", period="hour", when="2008", to_period="year"), ck.ValidationError, "row 0 (amount=1e+308, currency='USD', period='hour', when='2008'): an amount must be a number from 0 to 10^15 per period"),
    ("array negative", lambda: convert_array([1, -1], currency="USD", period="hour", when="2008"), ck.ValidationError, "row 1 (amount=-1.0, currency='USD', period='hour', when='2008'): an amount must be"),
    ("array text", lambda: convert_array(["x"], currency="USD", period="hour", when="2008"), ck.WrongTypeError, "amounts: expected an array of numbers, got ['x']"),
    ("array big int", lambda: convert_array([10**400], currency="USD", period="hour", when="2008"), ck.ValidationError, "holds a number beyond float64's range"),
    ("array 2-D", lambda: convert_array([[1.0]], currency="USD", period="hour", when="2008"), ck.ValidationError, "expected a one-dimensional array of amounts, got shape (1, 1)"),
    ("array row date", lambda: convert_array([1, 2], currency="USD", period="hour", when=["2008", "2008-13"], to_currency="INR"), ck.ValidationError, "row 1 (amount=2.0, currency='USD', period='hour', when='2008-13'): when: cannot read '2008-13' as a date"),
    ("array when type", lambda: convert_array([1], currency="USD", period="hour", when=2008.5), ck.ValidationError, "when: cannot read 2008.5 as a date: a number is read as a year"),  # type: ignore[arg-type]
    ("array currency", lambda: convert_array([1], currency="usd", period="hour", when="2008"), ck.UnknownCurrencyError, "unknown currency 'usd'"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("convert", "error", "fragment"),
    [case[1:] for case in CATALOGUE],
    ids=[case[0] for case in CATALOGUE],
)
def test_refused(convert: Callable[[], object], error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as caught:
        convert()
    assert fragment in str(caught.value)
    assert isinstance(caught.value, ck.CareerkitError)


def test_a_country_that_uses_the_currency_is_accepted() -> None:
    # Ecuador uses US dollars: its own inflation and PPP factor apply to them.
    moved = USD_2020.in_prices_of("2021", country="EC")
    assert moved.provenance[0].country == "EC"  # type: ignore[union-attr]
    assert USD_2020.to_ppp(country="EC").currency == ck.INTERNATIONAL_DOLLAR
    assert Pay(1, "EUR", "year", when="2020").to_ppp(country="DE").currency == "Int$"
    assert Pay(1, "INR", "year", when="2020").in_prices_of(
        "2021", country="BT"
    ).when == ck.ReferenceDate(2021)


def test_us_dollars_use_cpi_u_only_for_the_us() -> None:
    assert USD_2020.in_prices_of("2021").provenance[0].series.startswith("CPI-U")  # type: ignore[union-attr]
    assert USD_2020.in_prices_of("2021", country="US").provenance[0].series.startswith("CPI-U")  # type: ignore[union-attr]


def test_very_large_results_round_and_format() -> None:
    """Results far above 10^15 (an input at the bound, converted) never overflow Decimal."""
    huge = Pay(10**15, "USD", "hour", when="2008-05").per("year").to_currency("KRW")
    assert huge.amount > 10**21
    assert huge.rounded() == huge.rounded().to_integral_value()  # KRW has no minor unit
    assert repr(huge).startswith("Pay('")
    assert format_pay(huge, "en_US").endswith(" a year")
    assert format_pay(huge, "en_IN", compact=True).endswith("crore a year")
    at_the_bound = Pay(10**15, "INR", "hour").per("year")
    assert format_pay(at_the_bound, "en_IN") == "₹20,80,00,00,00,00,00,00,000 a year"


def test_compact_indian_figures_keep_indian_grouping() -> None:
    assert format_pay(Pay(10**12, "INR", "year"), "en_IN", compact=True) == "₹1,00,000 crore a year"


def test_array_and_scalar_paths_accept_the_same_amounts() -> None:
    amounts = [0.0, 2.5e-300, 1e-300, 14.36, 1e15]
    converted = convert_array(
        amounts, currency="USD", period="hour", when="2008-05", to_period="year"
    )
    tiniest = convert_array([5e-324], currency="USD", period="hour", when=None, to_period="year")
    assert tiniest[0] > 0 and Pay(5e-324, "USD", "hour").per("year").exact > 0  # both take it
    for amount, value in zip(amounts, converted, strict=True):
        exact = Pay(amount, "USD", "hour", when="2008-05").per("year").exact
        assert value == pytest.approx(float(exact), rel=1e-12, abs=0)


def test_array_results_beyond_float64_are_errors_not_inf() -> None:
    """Shipped series give no such factor; a factor that could overflow is refused, not used."""
    from careerkit.pay._factor_table import finite

    with pytest.raises(ck.ValidationError, match=r"a conversion factor of 1e\+300 takes amounts"):
        finite(1e300)
    with pytest.raises(ck.ValidationError, match=r"a conversion factor of inf"):
        finite(np.inf)
    assert finite(1e290) == 1e290  # 1e290 x 10^15 is still a float64


def test_latest_is_said_as_such() -> None:
    converted = Pay(1, "USD", "hour", when="2008").to_currency("INR", when="latest")
    assert converted.provenance[0].average == "monthly"  # type: ignore[union-attr]


# --- hostile values: nothing but careerkit's own errors ------------------------------------------

hostile = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from(["USD", "INR", "EUR", "GBP", "JPY", "usd", "hour", "month", "year", "2008",
                     "2008-05", "2024", "1800", "2200-12", "latest", "IN", "US", "DE", "EC", "in", "EMU"]),
    st.lists(st.integers(), max_size=2),
    st.just(object()),
    st.just(WorkSchedule(hours_per_day=9, days_per_week=6, weeks_per_year=50)),
    st.dates(),
)  # fmt: skip
start = st.builds(
    Pay,
    st.decimals(min_value=0, max_value=10**15, allow_nan=False, places=2),
    st.sampled_from(["USD", "INR", "EUR", "GBP", "JPY", "XOF"]),
    st.sampled_from(list(ck.Period)),
    when=st.none() | st.sampled_from(["2008-05", "2020", "2024-12", "1960"]),
)


@pytest.mark.thorough
@FUZZ
@given(start, hostile, hostile)
def test_conversions_raise_only_careerkit_errors(pay: Pay, first: object, second: object) -> None:
    calls: list[Callable[[], object]] = [
        lambda: pay.per(first, second),  # type: ignore[arg-type]
        lambda: pay.to_currency(first, when=second),  # type: ignore[arg-type]
        lambda: pay.in_prices_of(first, country=second),  # type: ignore[arg-type]
        lambda: pay.to_ppp(country=first),  # type: ignore[arg-type]
        lambda: format_pay(pay, first),  # type: ignore[arg-type]
        lambda: format_pay(first, "en"),  # type: ignore[arg-type]
        lambda: ck.get(CSR).pay_in(first, second),  # type: ignore[arg-type]
        lambda: ck.get(CSR).pay[0].convert(period=first, currency=second),  # type: ignore[arg-type]
        lambda: ck.compare(CSR, currency=first, period=second),  # type: ignore[arg-type]
        lambda: convert_array(
            [1.0], currency=pay.currency, period=pay.period, when=first, to_currency=second
        ),  # type: ignore[arg-type]
        lambda: ck.get(first),  # type: ignore[arg-type]
    ]
    for call in calls:
        try:
            result = call()
        except ck.CareerkitError:
            continue
        if isinstance(result, Pay):
            repr(result), result.rounded(), result.explain()
            assert result.exact >= 0


@pytest.mark.thorough
@FUZZ
@given(
    st.decimals(min_value=0, max_value=10**15, allow_nan=False),
    st.sampled_from(["INR", "USD", "JPY", "KRW"]),
)
def test_any_amount_in_range_converts_rounds_and_formats(amount: Decimal, currency: str) -> None:
    pay = Pay(amount, currency, "hour", when="2008-05").per("year").to_currency("KRW")
    assert pay.rounded() >= 0
    format_pay(pay, "en_IN", compact=True), format_pay(pay, "hi"), repr(pay)
