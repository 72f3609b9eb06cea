"""Where an offer stands: ``PayPosition`` and ``Career.pay_position``, checked against BLS's
published percentiles (OEWS May 2025, 43-4051 Customer Service Representatives, and others)."""

from __future__ import annotations

import json
import pickle
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Pay, PayBand, PayPosition, PayRange
from careerkit.pay.provenance import ExchangeRateStep, PriceIndexStep, ScheduleStep

# BLS OEWS May 2025, national, 43-4051: the published percentiles
ANNUAL = {10: 31750, 25: 36870, 50: 44770, 75: 51780, 90: 63590}
HOURLY = {10: "15.27", 25: "17.72", 50: "21.53", 75: "24.89", 90: "30.57"}
TEXAS_ANNUAL = {10: 29320, 25: 35420, 50: 40420, 75: 48300, 90: 59590}
MAY_2025 = "2025-05"


def csr() -> ck.Career:
    return ck.get("43-4051")


def national(period: str) -> PayBand:
    (band,) = [
        b
        for b in csr().pay_bands("US")
        if str(b.reference_date) == MAY_2025 and b.period.value == period
    ]
    return band


def interpolated(amount: Decimal, low: tuple[int, Decimal], high: tuple[int, Decimal]) -> Decimal:
    """The estimate worked out here, independently: linear, exact, rounded half-even to 0.1,
    and strictly between the two points (a tenth inside each)."""
    (p_low, a_low), (p_high, a_high) = low, high
    exact = p_low + (p_high - p_low) * (Fraction(amount) - Fraction(a_low)) / (
        Fraction(a_high) - Fraction(a_low)
    )
    with_room = Decimal(exact.numerator * 10**6 // exact.denominator).scaleb(-6)
    rounded = with_room.quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
    if Fraction(a_low) < Fraction(amount) < Fraction(a_high):
        rounded = min(max(rounded, p_low + Decimal("0.1")), p_high - Decimal("0.1"))
    return rounded


def dated(amount: object, period: str = "year", currency: str = "USD") -> Pay:
    return Pay(amount, currency, period, when=MAY_2025)  # type: ignore[arg-type]


# --- the known national figures -------------------------------------------------------------


def test_the_band_is_the_one_bls_published() -> None:
    assert dict(national("year").percentiles) == {k: Decimal(v) for k, v in ANNUAL.items()}
    assert dict(national("hour").percentiles) == {k: Decimal(v) for k, v in HOURLY.items()}


@pytest.mark.parametrize("percentile", sorted(ANNUAL))
@pytest.mark.parametrize("period", ["year", "hour"])
def test_an_offer_at_a_published_percentile_is_at_it_exactly(percentile: int, period: str) -> None:
    figures = ANNUAL if period == "year" else HOURLY
    placed = csr().pay_position(dated(figures[percentile], period))
    assert placed.band == national(period)
    assert placed.bracket == f"at p{percentile}"
    assert (placed.lower, placed.upper) == (percentile, percentile)
    assert placed.percentile == percentile
    assert placed.percentile == Decimal(f"{percentile}.0")


def test_an_offer_between_two_percentiles_is_interpolated() -> None:
    placed = csr().pay_position("$52,000 a year", when=MAY_2025)
    assert placed.bracket == "between p75 and p90"
    assert (placed.lower, placed.upper) == (75, 90)
    expected = interpolated(Decimal(52000), (75, Decimal(51780)), (90, Decimal(63590)))
    assert placed.percentile == expected == Decimal("75.3")
    assert placed.pay == dated(52000)
    assert "an estimate" in placed.explain() and "estimated p75.3" in repr(placed)


@pytest.mark.parametrize("amount", [36871, 40000, 44769, 48000])
def test_each_bracket_interpolates_between_its_own_figures(amount: int) -> None:
    placed = csr().pay_position(dated(amount))
    low = max(k for k, v in ANNUAL.items() if v < amount)
    high = min(k for k, v in ANNUAL.items() if v > amount)
    assert placed.bracket == f"between p{low} and p{high}"
    assert placed.percentile == interpolated(
        Decimal(amount), (low, Decimal(ANNUAL[low])), (high, Decimal(ANNUAL[high]))
    )


def test_below_p10_and_above_p90_are_never_extrapolated() -> None:
    below = csr().pay_position(dated(31749))
    assert (below.bracket, below.lower, below.upper, below.percentile) == (
        "below p10",
        None,
        10,
        None,
    )
    above = csr().pay_position(dated(63591))
    assert (above.bracket, above.lower, above.upper, above.percentile) == (
        "above p90",
        90,
        None,
        None,
    )
    assert "does not extrapolate" in below.explain() and "no estimate" in repr(above)


def test_an_hourly_offer_is_placed_in_the_hourly_band() -> None:
    placed = csr().pay_position("$25 an hour", when=MAY_2025)
    assert placed.band == national("hour") and placed.pay == dated(25, "hour")
    assert placed.percentile == interpolated(
        Decimal(25), (75, Decimal(HOURLY[75])), (90, Decimal(HOURLY[90]))
    )


def test_a_state_band() -> None:
    placed = csr().pay_position("$52,000 a year", "US-TX", when=MAY_2025)
    assert placed.band.region == "US-TX"
    assert dict(placed.band.percentiles) == {k: Decimal(v) for k, v in TEXAS_ANNUAL.items()}
    assert placed.percentile == interpolated(
        Decimal(52000), (75, Decimal(48300)), (90, Decimal(59590))
    )


def test_the_newest_band_is_chosen_and_a_monthly_offer_goes_to_the_annual_band() -> None:
    career = csr()  # a 2008 hourly band with only a median, and the two of May 2025
    assert any(str(b.reference_date) == "2008-05" for b in career.pay_bands("US"))
    monthly = career.pay_position("$4,000 per month", when=MAY_2025)
    assert monthly.band == national("year")
    assert monthly.pay == dated(48000)  # 4,000 x 12, under the schedule: a step says so
    assert isinstance(monthly.pay.provenance[0], ScheduleStep)


def test_the_area_known_value() -> None:
    """New York-Newark-Jersey City, 43-4051, May 2025: the issue's known value."""
    career = csr()
    placed = career.pay_position("$49,590 a year", "0035620", when=MAY_2025)
    assert (placed.bracket, placed.percentile) == ("at p50", Decimal(50))
    assert career.pay_position("$36,930 a year", "0035620", when=MAY_2025).bracket == "at p10"
    assert career.pay_position("$77,290 a year", "0035620", when=MAY_2025).bracket == "at p90"
    hourly = career.pay_position("$23.84 an hour", "0035620", when=MAY_2025)
    assert (hourly.bracket, hourly.percentile) == ("at p50", Decimal(50))
    assert "New York-Newark-Jersey City" in placed.explain()
    assert placed.band.area is not None and placed.band.area.code == "0035620"
    assert placed.to_dict()["band"]["area"] == {
        "code": "0035620",
        "name": "New York-Newark-Jersey City, NY-NJ",
    }
    assert career.pay_position("$49,590 a year", ck.area("0035620"), when=MAY_2025) == placed


# --- what BLS leaves out: absent and top-coded percentiles ----------------------------------


def test_absent_percentiles_are_skipped_never_zero() -> None:
    """BLS's May 2008 table for PR specialists gives p10, the median and p90 only."""
    (band,) = [
        b
        for b in ck.get("public-relations-specialist").pay_bands("US")
        if str(b.reference_date) == "2008-05"
    ]
    assert sorted(band.percentiles) == [10, 50, 90]
    placed = PayPosition.of(Pay(40000, "USD", "year", when="2008-05"), band)
    assert placed.bracket == "between p10 and p50"
    assert placed.percentile == interpolated(
        Decimal(40000), (10, Decimal(30140)), (50, Decimal(51280))
    )


def test_a_top_coded_p90_bounds_the_bracket_without_an_estimate() -> None:
    """Athletes in California, May 2025: p90 is published only as at or above $239,200."""
    career = ck.get("athletes-and-sports-competitors")
    band = next(b for b in career.pay_bands("US-CA") if b.period is ck.Period.YEAR)
    assert band.top_coded == ("p90",) and band.top_code == Decimal(239200)
    under = career.pay_position("$200,000 a year", "US-CA", when=MAY_2025)
    assert (under.bracket, under.lower, under.upper, under.percentile) == (
        "between p75 and p90",
        75,
        90,
        None,
    )
    assert "top code" in under.explain()
    over = career.pay_position("$250,000 a year", "US-CA", when=MAY_2025)
    assert (over.bracket, over.lower, over.upper, over.percentile) == ("above p75", 75, None, None)
    assert "may be below or above the offer" in over.explain()


def test_a_region_whose_bands_are_all_top_coded_cannot_place_an_offer() -> None:
    with pytest.raises(
        ck.PayBandNotFoundError, match=r"no dated US-AK pay band with two or more"
    ) as e:
        ck.get("anesthesiologists").pay_position("$300,000 a year", "US-AK", when=MAY_2025)
    assert "only at or above 239200" in str(e.value)


def test_a_figure_two_percentiles_share_is_at_both() -> None:
    """Actors in Connecticut, May 2025: BLS publishes p10 and p25 alike, $17.07 an hour."""
    career = ck.get("actors")
    band = next(b for b in career.pay_bands("US-CT") if b.period is ck.Period.HOUR)
    assert band.percentiles[10] == band.percentiles[25] == Decimal("17.07")
    at = career.pay_position("$17.07 an hour", "US-CT", when=MAY_2025)
    assert (at.bracket, at.lower, at.upper, at.percentile) == (
        "at p10 and p25",
        10,
        25,
        Decimal("17.5"),
    )
    above = career.pay_position("$17.08 an hour", "US-CT", when=MAY_2025)
    assert above.bracket == "between p25 and p50" and above.percentile is not None
    assert above.percentile >= 25


def test_a_band_with_fewer_than_two_percentiles_is_refused_naming_what_it_has() -> None:
    median_only = csr().pay_bands("US")[0]
    assert list(median_only.percentiles) == [50]
    with pytest.raises(ck.ValidationError, match=r"publishes p50 14\.36: placing an offer needs"):
        PayPosition.of(Pay(15, "USD", "hour", when="2008-05"), median_only)
    with pytest.raises(ck.PayBandNotFoundError, match=r"IN bands: INR/month undated"):
        ck.get("customer-service").pay_position("₹35,000 per month", "IN", when=MAY_2025)


def test_an_undated_band_is_refused() -> None:
    band = PayBand(region="US", currency="USD", period="year", source="s", percentiles=ANNUAL)
    with pytest.raises(ck.DateRequiredError, match="has no reference date"):
        PayPosition.of(dated(50000), band)


# --- dates -----------------------------------------------------------------------------------


def test_an_undated_offer_is_refused_as_conversions_refuse_it() -> None:
    with pytest.raises(ck.DateRequiredError, match=r"it has no date.*pass when="):
        csr().pay_position("$52,000 a year")
    with pytest.raises(ck.DateRequiredError):
        PayPosition.of(Pay(52000, "USD", "year"), national("year"))


def test_when_dates_an_undated_offer_and_says_so() -> None:
    placed = csr().pay_position(Pay(52000, "USD", "year"), when=MAY_2025)
    assert placed.date_given == ck.ReferenceDate(2025, 5)
    assert placed.offer == Pay(52000, "USD", "year")  # as given
    assert "given by the caller (when=)" in placed.explain()
    own = csr().pay_position(dated(52000))
    assert own.date_given is None
    assert (own.bracket, own.percentile) == (placed.bracket, placed.percentile)
    assert csr().pay_position(dated(52000), when=MAY_2025).date_given is None  # the same date


def test_a_when_that_contradicts_the_offer_is_refused() -> None:
    with pytest.raises(ck.ValidationError, match=r"dated 2025-05, but when='2024'"):
        csr().pay_position(dated(52000), when="2024")
    with pytest.raises(ck.ValidationError, match="when"):
        csr().pay_position("$52,000 a year", when="2025-13")


def test_an_older_offer_is_moved_to_the_band_date_prices_with_cpi() -> None:
    placed = csr().pay_position("$50,000 a year", when="2024-05")
    expected = Pay(50000, "USD", "year", when="2024-05").in_prices_of(MAY_2025)
    assert placed.pay == expected and placed.pay.exact == expected.exact
    (step,) = placed.pay.provenance
    assert isinstance(step, PriceIndexStep)
    assert str(step.from_date) == "2024-05" and str(step.to_date) == MAY_2025
    assert "prices of 2024-05 -> prices of 2025-05" in placed.explain()


# --- currencies and the steps ----------------------------------------------------------------


def test_a_rupee_offer_is_converted_with_every_step_explained() -> None:
    placed = csr().pay_position("₹35,000 per month", when=MAY_2025)
    # the order of PayBand.convert: period, then prices in rupees, then the currency
    by_hand = Pay(35000, "INR", "month", when=MAY_2025).per("year").in_prices_of(MAY_2025)
    by_hand = by_hand.to_currency("USD")
    assert placed.pay == by_hand and placed.pay.exact == by_hand.exact
    kinds = [type(step) for step in placed.pay.provenance]
    assert kinds == [ScheduleStep, PriceIndexStep, ExchangeRateStep]
    rate = placed.pay.provenance[2]
    assert isinstance(rate, ExchangeRateStep) and str(rate.date) == MAY_2025
    explained = placed.explain()
    lines = [line.strip() for line in explained.splitlines()]
    assert any(line.startswith("1. month -> year") for line in lines)
    assert any(line.startswith("2. prices of 2025") for line in lines)
    assert any(line.startswith("3. INR -> USD at") for line in lines)
    assert placed.bracket == "below p10" and placed.percentile is None
    assert explained.index("3. INR") < explained.index("bracket:") < explained.index("percentile:")


def test_a_conversion_the_data_cannot_make_is_refused_not_guessed() -> None:
    with pytest.raises(ck.DataNotAvailableError, match="IN"):  # World Bank's IN series: 2024
        csr().pay_position("₹35,000 per month", when="2024-05")


# --- ranges and text -------------------------------------------------------------------------


def test_a_range_is_placed_by_its_midpoint_and_each_end() -> None:
    offer = PayRange(dated(40000), dated(50000))
    placed = csr().pay_position(offer)
    middle = csr().pay_position(dated(45000))
    assert placed.pay == middle.pay
    assert (placed.bracket, placed.percentile) == (middle.bracket, middle.percentile)
    assert placed.low is not None and placed.high is not None
    for end, amount in ((placed.low, 40000), (placed.high, 50000)):
        alone = csr().pay_position(dated(amount))
        assert (end.pay, end.bracket, end.percentile) == (
            alone.pay,
            alone.bracket,
            alone.percentile,
        )
    assert placed.offer == offer and "converted midpoint" in placed.explain()
    text = csr().pay_position("$40,000 - $50,000 a year", when=MAY_2025)
    assert (text.percentile, text.low.percentile) == (placed.percentile, placed.low.percentile)  # type: ignore[union-attr]


def test_an_open_range_is_refused() -> None:
    with pytest.raises(ck.ValidationError, match="no midpoint"):
        csr().pay_position("from $50,000 a year", when=MAY_2025)


def test_text_equals_the_pay_it_reads() -> None:
    for text, pay in [("$52,000 a year", dated(52000)), ("USD 21.53/hr", dated("21.53", "hour"))]:
        assert csr().pay_position(text, when=MAY_2025).pay == csr().pay_position(pay).pay


@pytest.mark.parametrize(
    ("text", "lacks"),
    [("52,000 a year", "currency"), ("$52,000", "period"), ("52000", "currency")],
)
def test_text_without_a_currency_or_period_says_what_to_write(text: str, lacks: str) -> None:
    with pytest.raises(ck.PayParseError, match=rf"names no {lacks}.*such as '\$52,000 a year'"):
        csr().pay_position(text, when=MAY_2025)


@pytest.mark.parametrize(
    ("offer", "region", "error", "match"),
    [
        (52000, "US", ck.WrongTypeError, "expected a Pay, a PayRange or pay text"),
        (None, "US", ck.WrongTypeError, "got None"),
        ("lots of money", "US", ck.PayParseError, "cannot read pay"),
        ("$52,000 a year", "XX", ck.ValidationError, "unknown region 'XX'"),
        ("$52,000 a year", "IN-WB", ck.PayBandNotFoundError, "no pay band for region 'IN-WB'"),
    ],
)
def test_bad_input_is_refused_clearly(
    offer: object, region: str, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        csr().pay_position(offer, region, when=MAY_2025)  # type: ignore[arg-type]


def test_the_engine_refuses_what_is_not_a_band_or_an_offer() -> None:
    with pytest.raises(ck.WrongTypeError, match="band"):
        PayPosition.of(dated(1), "US")  # type: ignore[arg-type]
    with pytest.raises(ck.WrongTypeError, match="pay"):
        PayPosition.of("$1 a year", national("year"))  # type: ignore[arg-type]


# --- how it shows itself ---------------------------------------------------------------------


def test_repr_to_dict_and_table() -> None:
    placed = csr().pay_position("$52,000 a year", when=MAY_2025)
    assert repr(placed) == (
        "<PayPosition US 2025-05 USD/year: 52000.00 between p75 and p90, estimated p75.3 "
        "(customer-service)>"
    )
    data = json.loads(json.dumps(placed.to_dict()))
    assert data["career"] == "customer-service" and data["bracket"] == "between p75 and p90"
    assert (data["lower"], data["upper"], data["percentile"]) == (75, 90, "75.3")
    assert data["percentile_is_estimate"] is True
    assert data["band"]["percentiles"]["50"] == "44770" and data["band"]["area"] is None
    assert data["pay"]["amount"] == "52000" and data["pay"]["when"] == MAY_2025
    assert data["offer"]["date_given"] == MAY_2025 and data["ends"] is None
    html = placed._repr_html_()
    assert html.startswith("<table>") and "percentile (estimate)" in html


def test_a_long_name_keeps_the_repr_on_one_short_line() -> None:
    placed = ck.get("athletes-and-sports-competitors").pay_position(
        "$100,000 a year", "US-CA", when=MAY_2025
    )
    text = repr(placed)
    assert len(text) <= 120 and text.startswith("<PayPosition US-CA 2025-05 USD/year: ")


def test_a_position_survives_pickle() -> None:
    placed = csr().pay_position(PayRange(dated(40000), dated(50000)))
    restored = pickle.loads(pickle.dumps(placed))
    assert restored == placed and restored.explain() == placed.explain()


# --- properties ------------------------------------------------------------------------------

PUBLISHED = [10, 25, 50, 75, 90]


@st.composite
def bands(draw: st.DrawFn) -> PayBand:
    """A BLS-like band: two or more of p10..p90, strictly increasing, maybe p90 top-coded."""
    keys = draw(st.lists(st.sampled_from(PUBLISHED), min_size=2, unique=True).map(sorted))
    steps = draw(st.lists(st.integers(1, 50_000), min_size=len(keys), max_size=len(keys)))
    amounts = [sum(steps[: i + 1]) for i in range(len(keys))]
    top: dict[str, object] = {}
    if keys[-1] != 90 and draw(st.booleans()):
        top = {"top_coded": ("p90",), "top_code": amounts[-1] + draw(st.integers(1, 10_000))}
    return PayBand(
        region="US",
        currency="USD",
        period="year",
        source="bls",
        reference_date=MAY_2025,
        percentiles=dict(zip(keys, amounts, strict=True)),
        **top,  # type: ignore[arg-type]
    )


@given(bands(), st.lists(st.integers(0, 400_000), min_size=2, max_size=20))
def test_the_estimate_rises_with_the_offer_and_stays_in_the_published_range(
    band: PayBand, amounts: list[int]
) -> None:
    placed = [PayPosition.of(dated(amount), band) for amount in sorted(amounts)]
    estimates = [p.percentile for p in placed if p.percentile is not None]
    assert estimates == sorted(estimates)
    keys = list(band.percentiles)
    assert all(min(keys) <= e <= max(keys) for e in estimates)
    assert all(10 <= e <= 90 for e in estimates)
    for p in placed:
        assert (p.percentile is None) == (p.lower is None or p.upper not in band.percentiles)


@given(bands())
def test_an_offer_at_each_published_percentile_gives_exactly_that_percentile(
    band: PayBand,
) -> None:
    for key, amount in band.percentiles.items():
        placed = PayPosition.of(dated(amount), band)
        assert (placed.bracket, placed.percentile) == (f"at p{key}", key)


def test_a_euro_offer_takes_the_country_of_its_price_index() -> None:
    # the euro area's inflation ends before 2025: without country= the error says to pass
    # one; with it, the country's own series is the one asked for (it ends in 2024 too)
    offer = Pay(3000, "EUR", "month", when="2023-05")
    with pytest.raises(ck.DataNotAvailableError, match="pass country="):
        csr().pay_position(offer, "austin")
    with pytest.raises(ck.DataNotAvailableError, match="no inflation rate for DE") as caught:
        csr().pay_position(offer, "austin", country="DE")
    assert "country=" not in str(caught.value)
    pd = pytest.importorskip("pandas")
    import careerkit.pandas  # noqa: F401

    frame = pd.DataFrame({"offer": [3000.0]})
    arguments = {"career": "43-4051", "region": "austin", "currency": "EUR", "period": "month"}
    table = frame.careerkit.pay_position(pay="offer", when="2023-05", country="DE", **arguments)
    assert table.loc[0, "reason"] == str(caught.value)
    with pytest.raises(ck.ValidationError):
        frame.careerkit.pay_position(pay="offer", when="2023-05", country="de", **arguments)
