"""The pay engine: known figures from the sources first, then properties, then every error."""

from __future__ import annotations

import datetime as dt
import pickle
import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Pay, WorkSchedule, data
from careerkit.pay import ExchangeRateStep, PPPStep, PriceIndexStep, ScheduleStep

# --- required figures --------------------------------------------------------------------------


def test_bls_annualisation_of_the_csr_median() -> None:
    assert Pay("14.36", "USD", "hour").per("year").amount == Decimal("29868.80")


def test_monthly_to_yearly() -> None:
    assert Pay(10000, "INR", "month").per("year").amount == 120000


def test_monthly_average_rate() -> None:
    assert Pay(1, "USD", "year", when="2008-05").to_currency("INR").amount == Decimal("42.0019")


def test_annual_average_rate() -> None:
    assert Pay(1, "USD", "year", when="2008").to_currency("INR").amount == Decimal("43.3859")


def test_us_cpi_adjustment() -> None:
    moved = Pay("216.632", "USD", "month", when="2008-05").in_prices_of("2026-05")
    assert moved.amount == Decimal("335.123")
    assert str(moved.when) == "2026-05"


def test_ppp_of_the_indian_anchor() -> None:
    ppp = Pay(12564, "INR", "year", when="2008").to_ppp()
    assert ppp.currency == ck.INTERNATIONAL_DOLLAR
    assert ppp.rounded() == Decimal("1000.00")  # factor 12.5639813417245 INR per int. $
    assert ppp.exact == Fraction(12564) / Fraction("12.5639813417245")


def test_csr_band_in_inr_per_month_at_may_2008_rates() -> None:
    us, *may_2025 = ck.get("customer-service").pay_in("INR", "month", region="US")
    assert [band.band.source for band in may_2025] == ["bls-oews-may-2025"] * 2
    assert us.median is not None
    assert us.median.amount == Decimal("29868.80") * Decimal("42.0019") / 12
    assert us.band.source == "bls-oes-may-2008"
    yearly = ck.get("customer-service").pay[0].convert(period="year")
    assert yearly.median is not None and yearly.median.amount == Decimal("29868.80")


# --- periods and schedules ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("hour", "14.36"),
        ("day", "114.88"),
        ("week", "574.4"),
        ("month", "2489.066666666666666666666667"),
        ("year", "29868.8"),
    ],
)
def test_every_period_under_bls_full_time(period: str, expected: str) -> None:
    assert Pay("14.36", "USD", "hour").per(period).amount == Decimal(expected)


def test_a_schedule_of_the_indian_profile() -> None:
    (hours,) = ck.get("customer-service").working_hours
    nine = hours.to_schedule(9, days_per_week=6)
    assert nine.hours_per_year == 9 * 6 * 52
    assert Pay(100, "INR", "hour").per("year", nine).amount == 100 * 9 * 6 * 52
    with pytest.raises(
        ck.ValidationError, match=r"^hours_per_day: 10 hours a day is outside the stated 8-9$"
    ):
        hours.to_schedule(10)


schedules = st.builds(
    WorkSchedule,
    hours_per_day=st.decimals(min_value="0.25", max_value=24, places=2),
    days_per_week=st.decimals(min_value="0.5", max_value=7, places=1),
    weeks_per_year=st.decimals(min_value=1, max_value=53, places=1),
)
amounts = st.decimals(min_value=0, max_value=10**9, places=4)
periods = st.sampled_from(list(ck.Period))


@given(amounts, schedules)
def test_hour_year_hour_is_exact(amount: Decimal, schedule: WorkSchedule) -> None:
    pay = Pay(amount, "USD", "hour")
    assert pay.per("year", schedule).per("hour", schedule).amount == amount


@given(amounts, periods, periods, schedules)
def test_any_period_round_trip_is_exact(
    amount: Decimal, start: ck.Period, via: ck.Period, schedule: WorkSchedule
) -> None:
    pay = Pay(amount, "INR", start)
    assert pay.per(via, schedule).per(start, schedule) == pay


@given(amounts, amounts, periods, schedules)
def test_conversion_is_monotonic_in_amount(
    a: Decimal, b: Decimal, target: ck.Period, schedule: WorkSchedule
) -> None:
    low, high = sorted((a, b))
    assert (
        Pay(low, "USD", "hour").per(target, schedule).amount
        <= Pay(high, "USD", "hour").per(target, schedule).amount
    )


@given(
    st.decimals(min_value="0.01", max_value=10**6, places=2),
    st.sampled_from(["2008-05", "2015", "2024-01"]),
)
def test_currency_round_trip(amount: Decimal, when: str) -> None:
    pay = Pay(amount, "INR", "month", when=when)
    back = pay.to_currency("EUR").to_currency("INR")
    assert back.exact == pay.exact  # exact rates as fractions: nothing lost


@given(
    st.decimals(min_value="0.01", max_value=10**6, places=2),
    st.sampled_from(["1990", "2008-05", "2020"]),
)
def test_prices_round_trip(amount: Decimal, when: str) -> None:
    pay = Pay(amount, "USD", "year", when=when)
    assert pay.in_prices_of("2024").in_prices_of(when) == pay


# --- currencies --------------------------------------------------------------------------------


def test_cross_rates_go_through_usd() -> None:
    inr = Pay(1000, "INR", "month", when="2008-05").to_currency("GBP")
    monthly = data.fx_monthly()
    expected = (
        Fraction(1000) / Fraction(monthly["INR"][(2008, 5)]) * Fraction(monthly["GBP"][(2008, 5)])
    )
    assert inr.exact == expected
    (step,) = inr.provenance
    assert isinstance(step, ExchangeRateStep)
    assert step.rates == (("INR", Decimal("42.0019")), ("GBP", monthly["GBP"][(2008, 5)]))


def test_annual_gbp_is_computed_as_the_fed_computes_g5a_in_dollars_per_pound() -> None:
    # The shipped G.5A pound ends in 2019: for 2020, the mean of the 12 monthly averages in the
    # Fed's own direction, US dollars per pound (about 1.284), never the mean of pounds per dollar.
    pay = Pay(1, "GBP", "year", when="2020").to_currency("USD")
    months = [Fraction(data.fx_monthly()["GBP"][(2020, m)]) for m in range(1, 13)]
    assert pay.exact == sum(1 / month for month in months) / 12
    assert round(pay.amount, 3) == Decimal("1.284")
    assert pay.exact != 12 / sum(months)  # the other rule, 0.075% away
    assert abs(float(pay.exact * sum(months) / 12) - 1) > 0.0007
    (step,) = pay.provenance
    assert isinstance(step, ExchangeRateStep) and step.note is not None
    assert "US dollars per GBP" in step.note and "as the Fed computes G.5A" in step.note
    # labelled as computed from the monthly series, never as G.5A
    assert "G.5A release" not in step.source and "(G.5A)" not in step.series
    assert step.series == data.SERIES["fx-monthly"].name


def test_annual_lkr_is_the_mean_of_months_in_rupees_per_dollar() -> None:
    pay = Pay(1, "USD", "year", when="2008").to_currency("LKR")
    months = [Fraction(data.fx_monthly()["LKR"][(2008, m)]) for m in range(1, 13)]
    assert pay.exact == sum(months) / 12
    (step,) = pay.provenance
    assert isinstance(step, ExchangeRateStep) and step.note is not None
    assert "LKR per US dollar" in step.note


def test_annual_eur_is_the_g5a_figure_and_says_so() -> None:
    pay = Pay(1, "USD", "year", when="2023").to_currency("EUR")
    assert pay.amount == Decimal("0.9245")
    (step,) = pay.provenance
    assert isinstance(step, ExchangeRateStep)
    assert step.note is None and step.series == data.SERIES["fx-annual"].name


def test_a_cross_rate_cites_each_series_it_used() -> None:
    (step,) = Pay(1, "INR", "year", when="2020").to_currency("GBP").provenance
    assert isinstance(step, ExchangeRateStep)
    assert step.series == f"{data.SERIES['fx-annual'].name}; {data.SERIES['fx-monthly'].name}"
    assert [file.name for file in step.data] == ["fx-usd-yearly.csv", "fx-usd-monthly.csv"]


def test_a_day_uses_its_months_average() -> None:
    pay = Pay(1, "USD", "year", when=dt.date(2008, 5, 20)).to_currency("INR")
    assert pay.amount == Decimal("42.0019")


def test_same_currency_is_unchanged() -> None:
    pay = Pay(5, "INR", "month")
    assert pay.to_currency("INR") is pay


def test_latest_is_an_explicit_opt_in() -> None:
    latest = Pay(1, "USD", "month").to_currency("INR", when="latest")
    (step,) = latest.provenance
    assert isinstance(step, ExchangeRateStep)
    # the Fed's INR series ends in 2026-06; the ECB's reference rates go on to 2026-10
    assert step.date == "2026-10"
    assert latest.amount == data.values("fx-ecb-monthly")["INR"][2026, 10]


def test_currency_conversion_without_a_date_is_an_error() -> None:
    with pytest.raises(
        ck.DateRequiredError,
        match=r"^cannot convert to INR Pay\('1\.00', 'USD', 'year'\): it has no date\. Give the date",
    ):
        Pay(1, "USD", "year").to_currency("INR")


def test_unknown_currency_is_never_one_to_one() -> None:
    with pytest.raises(
        ck.UnknownCurrencyError, match=r"^code: unknown currency 'INX'.*did you mean 'INR'"
    ):
        Pay(1, "USD", "year", when="2008").to_currency("INX")
    with pytest.raises(ValueError, match="unknown currency 'RS'"):
        Pay(1, "RS", "year")


def test_real_currency_without_a_series() -> None:
    # KPW: an ISO 4217 code in use that none of the Fed, the ECB or the World Bank rate
    # (ARS, refused here before the World Bank's rates came, now converts: test_currencies_more)
    with pytest.raises(
        ck.DataNotAvailableError,
        match=r"^no exchange-rate series for 'KPW': careerkit ships the Federal Reserve H\.10/G\.5 "
        r"rates for AUD, BRL, CAD, .*, USD, ZAR; the ECB's euro reference rates add CZK, .*, "
        r"TRY; the World Bank's official exchange rate \(annual\) adds AED, .*, ZMW "
        r"\(careerkit\.data\.currencies\(\) lists every currency with its sources\)$",
    ):
        Pay(1, "USD", "year", when="2008").to_currency("KPW")


def test_date_outside_the_series() -> None:
    with pytest.raises(
        LookupError,
        match=r"^no monthly average INR rate for 2030-01: the Federal Reserve series for INR "
        r"in use covers 1973-01 to 2026-06; to use a newer release, download it \(FRED's CSV "
        r"of EXINUS, the Fed's monthly INR rate\) and run 'careerkit data update "
        r"fx-monthly FILE'.*; the ECB's euro reference rates have INR for 2009-01 to 2026-10, "
        r"and the World Bank's official exchange rate for 1960 to 2023 \(annual\); newer files: ",
    ):
        Pay(1, "USD", "year", when="2030-01").to_currency("INR")
    # Before every source: the Fed's reason first, then what the others have. (1972, before
    # the Fed's series, now has the World Bank's figure: test_currencies_more.)
    with pytest.raises(
        ck.DataNotAvailableError,
        match=r"^no annual average INR rate for 1959: G\.5A has INR for 1973 to 2025, and the "
        r"monthly series, from which careerkit computes one as the Fed does, lacks 1959-01: "
        r"the Federal Reserve series for INR in use covers 1973-01 to 2026-06; the ECB's euro "
        r"reference rates have INR for 2009 to 2025, and the World Bank's official exchange "
        r"rate for 1960 to 2023 \(annual\)$",
    ):
        Pay(1, "USD", "year", when="1959").to_currency("INR")


def test_ppp_and_inflation_results_cannot_be_converted_further() -> None:
    ppp = Pay(12564, "INR", "year", when="2008").to_ppp()
    with pytest.raises(ck.ValidationError, match="international dollars have no exchange rate"):
        ppp.to_currency("USD")


# --- prices ------------------------------------------------------------------------------------


def test_bare_year_against_a_monthly_index_is_the_years_average() -> None:
    pay = Pay(100, "USD", "year", when="2008").in_prices_of("2009")
    cpi = data.us_cpi()
    avg = lambda year: sum(Fraction(cpi[(year, m)]) for m in range(1, 13)) / 12  # noqa: E731
    assert pay.exact == 100 * avg(2009) / avg(2008)
    (step,) = pay.provenance
    assert isinstance(step, PriceIndexStep)
    assert step.method == "annual average of the 12 monthly values"


def test_other_currencies_chain_world_bank_rates() -> None:
    pay = Pay(100, "INR", "month", when="2008").in_prices_of("2010")
    rates = data.inflation_rates()["IND"]
    expected = 100 * (1 + Fraction(rates[2009]) / 100) * (1 + Fraction(rates[2010]) / 100)
    assert pay.exact == expected
    (step,) = pay.provenance
    assert isinstance(step, PriceIndexStep)
    assert step.country == "IN"
    assert [year for year, _ in step.rates] == [2009, 2010]
    back = pay.in_prices_of("2008")
    assert back.exact == 100


def test_euro_uses_the_euro_area_unless_a_country_is_named() -> None:
    area = Pay(100, "EUR", "year", when="2010").in_prices_of("2020")
    germany = Pay(100, "EUR", "year", when="2010").in_prices_of("2020", country="DE")
    assert area.provenance[0].country == "EMU"  # type: ignore[union-attr]
    assert germany.provenance[0].country == "DE"  # type: ignore[union-attr]
    assert area.amount != germany.amount


def test_usd_elsewhere_uses_that_countrys_rates() -> None:
    ecuador = Pay(100, "USD", "year", when="2010").in_prices_of("2012", country="EC")
    assert ecuador.provenance[0].country == "EC"  # type: ignore[union-attr]


def test_prices_errors() -> None:
    with pytest.raises(ck.DateRequiredError, match=r"^in_prices_of needs the date whose prices"):
        Pay(100, "USD", "year", when="2008").in_prices_of(None)  # type: ignore[arg-type]
    with pytest.raises(
        ck.DateRequiredError,
        match=r"^cannot move into the prices of 2024 Pay\('100\.00', 'USD', 'year'\): it has no date",
    ):
        Pay(100, "USD", "year").in_prices_of("2024")
    with pytest.raises(
        ck.DataNotAvailableError,
        match=r"^CPI-U has no value for 2026-07: the BLS series CUUR0000SA0 in use covers "
        r"1913-01 to 2026-05; to use a newer release, .* 'careerkit data update cpi FILE'",
    ):
        Pay(100, "USD", "month", when="2008-05").in_prices_of("2026-07")
    with pytest.raises(
        ck.DataNotAvailableError,
        match=r"^no US CPI-U annual average for 2026 yet: BLS publishes it once the year's "
        r"months are in, and the series in use has 2026-01 to 2026-05\. Use a month \(such as "
        r"'2026-05', or prices_of='latest'\), or install newer data: .*careerkit data update cpi",
    ):
        Pay(100, "USD", "month", when="2008-05").in_prices_of("2026")
    with pytest.raises(
        ck.DataNotAvailableError,
        match=r"^no inflation rate for IN in 2025, needed to move prices from 2008 to 2025",
    ):
        Pay(100, "INR", "month", when="2008").in_prices_of("2025")
    with pytest.raises(
        ck.DataNotAvailableError, match=r"^XOF is not one country's currency: pass country="
    ):
        Pay(100, "XOF", "month", when="2008").in_prices_of("2010")
    with pytest.raises(
        ck.ValidationError,
        match=r"^INR was not legal tender in US in 2008 \(the currency there was USD\): a price "
        r"index for US applies to amounts in its own currency",
    ):
        Pay(100, "INR", "month", when="2008").in_prices_of("2010", country="US")
    with pytest.raises(ck.ValidationError, match=r"^country: unknown country 'ZZ'"):
        Pay(100, "EUR", "month", when="2008").in_prices_of("2010", country="ZZ")


def test_ppp_errors() -> None:
    with pytest.raises(ck.DataNotAvailableError, match=r"^PPP in EUR needs a country"):
        Pay(100, "EUR", "year", when="2010").to_ppp()
    assert Pay(100, "EUR", "year", when="2010").to_ppp(country="DE").provenance[0].country == "DE"  # type: ignore[union-attr]
    with pytest.raises(
        ck.DataNotAvailableError,
        match=r"^no PPP conversion factor for IN in 1980: the World Bank series for IN in use "
        r"covers 1990 to 2024$",
    ):
        Pay(100, "INR", "year", when="1980").to_ppp()
    with pytest.raises(ck.DateRequiredError, match="convert to international dollars"):
        Pay(100, "INR", "year").to_ppp()


# --- the value itself --------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [-1, "-0.01", float("nan"), float("inf"), "abc", True])
def test_bad_amounts(bad: object) -> None:
    with pytest.raises(ck.ValidationError):
        Pay(bad, "USD", "hour")  # type: ignore[arg-type]


def test_negative_amount_message() -> None:
    with pytest.raises(ck.ValidationError, match=r"^a pay amount must not be negative, got -1$"):
        Pay(-1, "USD", "hour")


def test_float_amounts_use_their_shortest_repr() -> None:
    assert Pay(14.36, "USD", "hour").amount == Decimal("14.36")


def test_unknown_period() -> None:
    with pytest.raises(ck.ValidationError, match=r"^period: unknown period 'fortnight'"):
        Pay(1, "USD", "fortnight")


@pytest.mark.parametrize(
    "when", ["2008", "2008-05", dt.date(2008, 5, 1), ck.ReferenceDate(2008, 5)]
)
def test_when_forms(when: object) -> None:
    assert Pay(1, "USD", "hour", when=when).when is not None  # type: ignore[arg-type]


def test_pay_is_immutable_hashable_and_picklable() -> None:
    pay = Pay("14.36", "USD", "hour", when="2008-05").per("year")
    with pytest.raises(AttributeError, match="Pay is immutable"):
        pay.currency = "INR"  # type: ignore[misc]
    assert hash(pay) == hash(Pay("29868.8", "USD", "year", when="2008-05"))
    assert pay == Pay("29868.80", "USD", "year", when="2008-05")
    restored = pickle.loads(pickle.dumps(pay))
    assert restored == pay and restored.provenance == pay.provenance


def test_rounded_uses_the_minor_unit_half_even() -> None:
    assert Pay("10.005", "USD", "hour").rounded() == Decimal("10.00")
    assert Pay("10.015", "USD", "hour").rounded() == Decimal("10.02")
    assert Pay("1234.5", "JPY", "hour").rounded() == Decimal("1234")
    assert Pay("100", "INR", "month").rounded() == Decimal("100.00")


def test_repr_is_python_that_rebuilds_the_figure() -> None:
    pay = Pay("14.36", "USD", "hour", when="2008-05")
    assert repr(pay) == "Pay('14.36', 'USD', 'hour', when='2008-05')"
    assert eval(repr(pay), {"Pay": Pay}) == pay
    # at least the minor unit, every digit of a figure as given, the date as given
    assert repr(Pay(10000, "INR", "month")) == "Pay('10000.00', 'INR', 'month')"
    assert repr(Pay("1234.5", "JPY", "hour")) == "Pay('1234.5', 'JPY', 'hour')"
    assert repr(Pay(2, "JPY", "hour")) == "Pay('2', 'JPY', 'hour')"
    assert repr(Pay("0.123456789", "USD", "hour")) == "Pay('0.123456789', 'USD', 'hour')"
    assert repr(Pay(1, "USD", "day", when=dt.date(2008, 5, 1))).endswith(", when='2008-05-01')")
    assert repr(Pay(5, ck.INTERNATIONAL_DOLLAR, "year")) == "Pay('5.00', 'Int$', 'year')"


def test_repr_of_a_converted_figure_is_short_and_rounded() -> None:
    month = Pay("14.36", "USD", "hour", when="2008-05").per("month")
    assert month.amount == Decimal("2489.066666666666666666666667")
    assert repr(month) == "Pay('2489.066667', 'USD', 'month', when='2008-05')"  # 2 + 4 places
    assert repr(month.per("year")) == "Pay('29868.80', 'USD', 'year', when='2008-05')"
    converted = month.in_prices_of("2024").to_currency("INR")
    assert repr(converted) == "Pay('301517.961607', 'INR', 'month', when='2024')"
    # half-even at the last place shown; trailing zeros dropped down to the minor unit
    assert repr(Pay(1, "USD", "hour") / 8) == "Pay('0.125', 'USD', 'hour')"  # ends: exact
    assert repr(Pay(1, "USD", "hour") / 3) == "Pay('0.333333', 'USD', 'hour')"
    assert repr(Pay(2, "USD", "hour") / 3) == "Pay('0.666667', 'USD', 'hour')"
    assert repr(Pay(1, "JPY", "hour") / 3) == "Pay('0.3333', 'JPY', 'hour')"
    assert repr(Pay("0.0000005", "USD", "hour").per("day")) == "Pay('0.000004', 'USD', 'day')"
    assert repr(Pay("0.0000025", "USD", "hour").per("hour")) == "Pay('0.0000025', 'USD', 'hour')"
    down = Pay("0.0000003125", "USD", "hour").per("day")  # 0.0000025: a tie at 6 places
    up = Pay("0.0000004375", "USD", "hour").per("day")  # 0.0000035
    assert (repr(down), repr(up)) == (
        "Pay('0.000002', 'USD', 'day')",
        "Pay('0.000004', 'USD', 'day')",
    )
    huge = Pay(10**15, "INR", "hour").per("year")
    assert repr(huge) == "Pay('2080000000000000000.00', 'INR', 'year')"


def test_repr_of_an_amount_longer_than_text_may_be_is_a_decimal() -> None:
    long = Decimal("0." + "1" * 120)
    pay = Pay(long, "USD", "hour")
    assert repr(pay) == f"Pay(Decimal('{long}'), 'USD', 'hour')"
    assert eval(repr(pay), {"Pay": Pay, "Decimal": Decimal}) == pay


def test_str_is_for_people() -> None:
    assert str(Pay("29868.80", "USD", "year", when="2008-05")) == "$29,868.80 a year (May 2008)"
    assert str(Pay("29868.80", "USD", "year")) == "$29,868.80 a year"
    assert str(Pay(10000, "INR", "month", when="2024")) == "₹10,000 a month (2024)"
    assert str(Pay(1, "USD", "day", when="2008-05-14")) == "$1 a day (14 May 2008)"
    rupees = ck.PayRange(Pay(10000, "INR", "month"), Pay(28000, "INR", "month"))
    assert str(rupees) == "₹10,000–₹28,000 a month"
    assert (
        repr(rupees) == "PayRange(Pay('10000.00', 'INR', 'month'), Pay('28000.00', 'INR', 'month'))"
    )
    dated = ck.PayRange(None, Pay(800000, "INR", "year", when="2024"))
    assert str(dated) == "up to ₹800,000 a year (2024)"


def test_format_spec_formats_the_amount() -> None:
    pay = Pay("29868.8", "USD", "year", when="2008-05")
    assert f"{pay:,.2f}" == "29,868.80"
    assert f"{pay:.1f}" == "29868.8"
    assert format(Pay("0.125", "USD", "hour"), ".2f") == "0.12"  # half-even, as Decimal does
    assert f"{pay}" == str(pay) == format(pay, "")
    with pytest.raises(ck.ValidationError, match=r"^cannot format Pay\('29868\.80', .* with 'x': "):
        f"{pay:x}"


@pytest.mark.parametrize("spec", [".999999999999f", "999999999999", "0>99999999,.2f", ".1001e"])
def test_format_spec_sizes_are_bounded(spec: str) -> None:
    # Decimal would build the whole text first: a MemoryError, or minutes of work
    pay = Pay("29868.8", "USD", "year")
    with pytest.raises(ck.ValidationError, match="a width or precision of at most 1,000"):
        format(pay, spec)
    assert len(format(pay, ".1000f")) == len("29868.") + 1000  # the bound itself is fine


def test_html_shows_the_figure_and_the_steps() -> None:
    given = Pay("14.36", "USD", "hour", when="2008-05")
    assert given._repr_html_() == (
        '<div class="careerkit-pay"><strong>$14.36 an hour (May 2008)</strong></div>'
    )
    html = given.per("month").to_currency("INR")._repr_html_()
    assert html.startswith('<div class="careerkit-pay"><strong>₹104,545.53 a month (May 2008)')
    assert "<br>from $14.36 an hour (May 2008):<ol><li>hour -&gt; month under" in html
    assert html.count("<li>") == 2 and html.endswith("</li></ol></div>")


# --- provenance --------------------------------------------------------------------------------


def test_every_step_is_recorded_in_order() -> None:
    pay = (
        Pay("14.36", "USD", "hour", when="2008-05")
        .per("month")
        .in_prices_of("2024")
        .to_currency("INR")
    )
    kinds = [type(step) for step in pay.provenance]
    assert kinds == [ScheduleStep, PriceIndexStep, ExchangeRateStep]
    assert pay.origin == Pay("14.36", "USD", "hour", when="2008-05")


def test_explain_names_schedule_values_dates_and_sources() -> None:
    text = (
        Pay("14.36", "USD", "hour", when="2008-05")
        .per("month")
        .in_prices_of("2024")
        .to_currency("INR")
        .explain()
    )
    assert text.splitlines()[0] == "301,517.96 INR per month (2024)"
    assert "from 14.36 USD per hour (2008-05)" in text
    assert "= 2,080 hours a year" in text
    assert "index 216.632 -> 313.688833" in text
    assert "U.S. Bureau of Labor Statistics" in text
    assert (
        "83.6566 INR per USD (annual average, 2024; Board of Governors of the Federal Reserve System"
        in text
    )


def test_explain_of_a_figure_as_given() -> None:
    assert Pay(100, "INR", "month").explain() == "100.00 INR per month\n  as given (no conversion)"


def test_ppp_step() -> None:
    (step,) = Pay(12564, "INR", "year", when="2008").to_ppp().provenance
    assert isinstance(step, PPPStep)
    assert (step.country, step.year, step.factor) == ("IN", 2008, Decimal("12.5639813417245"))
    assert "World Bank" in step.describe()


# --- bands -------------------------------------------------------------------------------------


def test_band_conversion_keeps_every_figure_and_the_source() -> None:
    band = ck.get("public-relations-specialist").pay[0]
    converted = band.convert(period="month", currency="INR", prices_of="2024")
    assert set(converted.percentiles) == {10, 50, 90}
    assert converted.currency == "INR" and converted.period is ck.Period.MONTH
    ten, fifty, ninety = (converted.percentiles[k].exact for k in (10, 50, 90))
    assert ten < fifty < ninety
    assert fifty / ten == Fraction(51280, 30140)  # one factor for every figure
    assert converted.band is band
    expected = (
        Pay(51280, "USD", "year", when="2008-05")
        .per("month")
        .in_prices_of("2024")
        .to_currency("INR")
    )
    assert converted.median == expected
    assert "source of the figures: bls-oes-may-2008" in converted.explain()


def test_undated_band_needs_a_date_for_other_currencies() -> None:
    india = ck.get("customer-service").pay[1]
    assert india.convert(period="year").low == Pay(120000, "INR", "year")
    with pytest.raises(
        ck.DateRequiredError,
        match=r"^the IN pay band in INR per month \(source 'payscale-customer-care-executive-india'\) "
        r"has no reference date, so it cannot be moved to other rates or prices; pass when=\.\.\. "
        r"to say which date it refers to\. What is known: The NCS page gives no date",
    ):
        india.convert(currency="USD")
    converted = india.convert(currency="USD", when="2020")
    assert converted.low is not None and converted.low.when == ck.ReferenceDate(2020)


def test_pay_in_filters_by_region_and_raises_for_undated() -> None:
    career = ck.get("customer-service")
    assert len(career.pay_in("INR", "month", region="US")) == 3  # May 2008; May 2025 hour, year
    assert len(career.pay_in("INR", "month", region="US-TX")) == 2
    regions = [b.band.region for b in career.pay_in("INR", "year", region="IN")]
    assert regions == ["IN"]
    with pytest.raises(ck.DateRequiredError):
        career.pay_in("USD", "month")


def test_international_dollars_stay_put() -> None:
    ppp = Pay(12564, "INR", "year", when="2008").to_ppp()
    assert ppp.to_ppp() is ppp
    assert ppp.per("month").exact == ppp.exact / 12
    with pytest.raises(
        ck.ValidationError, match="international dollars cannot be moved between years"
    ):
        ppp.in_prices_of("2024")


def test_band_conversion_with_a_country() -> None:
    band = ck.PayBand(
        region="DE", currency="EUR", period="year", source="s", low=30000, reference_date="2010"
    )
    converted = band.convert(prices_of="2020", country="DE")
    assert converted.low is not None
    assert converted.low.provenance[0].country == "DE"  # type: ignore[union-attr]


def test_countries_without_a_series() -> None:
    with pytest.raises(
        ck.DataNotAvailableError,
        match=r"^no consumer-price inflation series for IO in the World Bank data careerkit uses$",
    ):  # the British Indian Ocean Territory uses US dollars; the World Bank has no series
        Pay(100, "USD", "year", when="2010").in_prices_of("2012", country="IO")
    with pytest.raises(ck.DataNotAvailableError, match=r"^no PPP conversion factor series for IO$"):
        Pay(100, "USD", "year", when="2010").to_ppp(country="IO")


# --- gaps and ends, named; explicit fallbacks ----------------------------------------------------


def test_2025_prices_follow_bls_the_mean_of_the_11_months_it_has() -> None:
    # BLS published a 2025 annual average of 321.943 from 11 months: October was not collected
    pay = Pay(100, "USD", "year", when="2024").in_prices_of("2025")
    cpi = data.us_cpi()
    average_2024 = sum(Fraction(cpi[(2024, m)]) for m in range(1, 13)) / 12
    assert pay.exact == 100 * Fraction("321.943") / average_2024
    (step,) = pay.provenance
    assert isinstance(step, PriceIndexStep) and step.to_value == Decimal("321.943")
    assert "annual average of the 11 monthly values BLS published" in step.method
    assert "2025-10 not collected by BLS" in step.method


def test_the_missing_month_itself_is_named() -> None:
    for convert in (
        lambda: Pay(100, "USD", "month", when="2025-10").in_prices_of("2026"),
        lambda: Pay(100, "USD", "month", when="2024-05").in_prices_of("2025-10"),
    ):
        with pytest.raises(
            ck.DataNotAvailableError,
            match=r"^CPI-U has no value for 2025-10: not collected by BLS: the lapse in federal "
            r"appropriations .* Use a month beside it, or the year's average \(when='2025'\)$",
        ):
            convert()


def test_the_euro_areas_end_is_named_with_the_countries_that_go_further() -> None:
    with pytest.raises(ck.DataNotAvailableError) as caught:
        Pay(100, "EUR", "year", when="2020").in_prices_of("2024")
    message = str(caught.value)
    assert message.startswith(
        "no inflation rate for the euro area (EMU) in 2024, needed to move prices from 2020 to "
        "2024: the World Bank series for EMU ends in 2023; "
    )
    having = [k for k, v in data.inflation_rates().items() if 2024 in v and k != "EMU"]
    assert (
        f"{len(having)} other countries and areas have 2024 (among them the countries " in message
    )
    assert "using EUR: AT, BE, CY, DE, EE, ES, FI, FR, ...);" in message
    assert "careerkit data update inflation FILE" in message
    assert message.endswith("; or pass country= a euro-area country that has it")
    germany = Pay(100, "EUR", "year", when="2020").in_prices_of("2024", country="DE")
    assert germany.provenance[0].country == "DE"  # type: ignore[union-attr]


def test_ppp_past_its_end_offers_the_explicit_choice_of_another_year() -> None:
    figure = Pay(100000, "INR", "year", when="2025")
    with pytest.raises(ck.DataNotAvailableError) as caught:
        figure.to_ppp()
    message = str(caught.value)
    assert message.startswith(
        "no PPP conversion factor for IN in 2025: the World Bank series for IN ends in 2024; "
        "no country or area has 2025 yet; to use a newer release"
    )
    assert message.endswith("or choose the factor of another year explicitly (to_ppp(year=2024))")
    chosen = figure.to_ppp(year=2024)
    assert chosen.exact == 100000 / Fraction(data.ppp_factors()["IN"][2024])
    assert figure.to_ppp(year="latest") == chosen
    (step,) = chosen.provenance
    assert isinstance(step, PPPStep) and step.year == 2024
    assert step.note == "the 2024 factor applied to a figure of 2025, as the caller chose (year=)"
    with pytest.raises(ck.WrongTypeError, match="year: expected a year such as 2024, or 'latest'"):
        figure.to_ppp(year="2024")  # type: ignore[arg-type]


def test_latest_rates_show_the_month_they_used() -> None:
    pay = Pay(10000, "INR", "month").to_currency("USD", when="latest")
    month = max({*data.fx_monthly()["INR"], *data.values("fx-ecb-monthly")["INR"]})
    label = f"{month[0]}-{month[1]:02d}"
    assert re.fullmatch(r"Pay\('\d+\.\d+', 'USD', 'month'\)", repr(pay))  # Python: no month
    month_name = ck.ReferenceDate.parse(label).label()
    assert re.fullmatch(rf"\$\d+\.\d\d a month \(latest rates: {month_name}\)", str(pay))
    assert (
        f"monthly average, {label}, the latest both currencies have (when='latest')"
        in pay.explain()
    )
    assert pay.when is None  # the figure keeps its own date: none
    assert "latest" not in str(Pay(10000, "INR", "month", when="2020-01").to_currency("USD"))


def test_latest_prices_are_the_latest_the_series_has() -> None:
    dollars = Pay(100, "USD", "year", when="2008").in_prices_of("latest")
    assert dollars.when == ck.ReferenceDate(*max(data.us_cpi()))
    (step,) = dollars.provenance
    assert isinstance(step, PriceIndexStep) and step.latest
    assert "(the latest the series has: prices_of='latest')" in step.describe()
    rupees = Pay(100, "INR", "year", when="2008").in_prices_of("latest")
    assert rupees.when == ck.ReferenceDate(max(data.inflation_rates()["IND"]))
    for table in (
        lambda: ck.get("csr").pay_in("INR", "month", prices_of="latest"),
        lambda: ck.compare("csr", currency="INR", period="month", prices_of="latest"),
    ):
        with pytest.raises(
            ck.ValidationError, match=r"^prices_of: 'latest' is for one figure .* give one date"
        ):
            table()


# --- undated bands: the caller gives the date (when=), and the result says so ------------------


def test_pay_in_dates_the_undated_ncs_band_with_when() -> None:
    career = ck.get("customer-service")
    with pytest.raises(ck.DateRequiredError, match=r"pass when=\.\.\. to say which date"):
        career.pay_in("INR", "month", prices_of="2024")
    converted = career.pay_in("INR", "month", prices_of="2024", when="2020")
    us, india, *_ = converted
    assert india.band.source == "payscale-customer-care-executive-india"
    expected = Pay(10000, "INR", "month", when="2020").in_prices_of("2024")
    assert india.low == expected and india.low is not None
    assert india.low.when == ck.ReferenceDate(2024)
    assert india.date_given == ck.ReferenceDate(2020)
    assert "date of the figures: 2020, given by the caller (when=); the source states none" in (
        india.explain()
    )
    # a dated band keeps its own date: when= is for the undated ones only
    assert us.date_given is None and "given by the caller" not in us.explain()
    assert us == career.pay[0].convert(currency="INR", period="month", prices_of="2024")
    assert all(band.date_given is None for band in converted if band.band.reference_date)


def test_convert_takes_when_for_an_undated_band_only() -> None:
    us, india, *_ = ck.get("customer-service").pay
    mine = india.convert(currency="USD", when="2020-06")
    assert mine.date_given == ck.ReferenceDate(2020, 6)
    assert mine.low == Pay(10000, "INR", "month", when="2020-06").to_currency("USD")
    assert us.convert(currency="INR", when="2020") == us.convert(currency="INR")
    assert us.convert(currency="INR", when="2020").median.when == ck.ReferenceDate(2008, 5)  # type: ignore[union-attr]
    assert india.convert(period="year").date_given is None  # no when=: nothing given
    with pytest.raises(ck.ValidationError, match=r"^when: cannot read 'May 2020' as a date"):
        india.convert(currency="USD", when="May 2020")
    with pytest.raises(ck.ValidationError, match=r"^when: cannot read 'soon' as a date"):
        ck.get("customer-service").pay_in("USD", "year", when="soon")


def test_compare_takes_when_for_undated_bands() -> None:
    table = ck.compare("csr", currency="USD", period="year", prices_of="2024", when="2020")
    india = next(row for row in table.rows if row.band.region == "IN")
    assert india.converted is not None and india.converted.date_given == ck.ReferenceDate(2020)
    assert all(row.converted is not None for row in table.rows)
    assert table.when == ck.ReferenceDate(2020)
    assert str(table).splitlines()[0] == (
        "Pay in USD per year, in prices of 2024; undated figures taken as of 2020 (given)"
    )
    data = table.to_dict()
    assert data["when"] == "2020"
    assert [row["converted"]["date_given"] for row in data["rows"]] == [None, "2020", None, None]
    without = ck.compare("csr", currency="USD", period="year", prices_of="2024")
    assert without.when is None and "given" not in str(without).splitlines()[0]


def test_schedules_given_are_not_kept_alive_without_bound() -> None:
    # the factor cache is bounded (and keyed by value): a service converting under each
    # user's own schedule does not keep every schedule it was ever given
    import gc

    pay = Pay(100, "USD", "hour", when="2020")
    for index in range(2000):
        schedule = ck.WorkSchedule(
            hours_per_day=1 + index / 1000, days_per_week=5, weeks_per_year=52
        )
        pay.per("year", schedule)
        pay.per("month", schedule=schedule).to_currency("INR")
    gc.collect()
    alive = sum(1 for thing in gc.get_objects() if isinstance(thing, ck.WorkSchedule))
    assert alive <= 300
