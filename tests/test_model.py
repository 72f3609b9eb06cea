"""The model refuses invalid values at construction, with messages that say what is right."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Text, ValidationError


def band(**overrides: object) -> ck.PayBand:
    fields: dict[str, object] = {
        "region": "IN",
        "currency": "INR",
        "period": "month",
        "source": "ncs",
        "low": 10000,
        "high": 28000,
    }
    fields.update(overrides)
    return ck.PayBand(**fields)  # type: ignore[arg-type]


def raises(message: str) -> pytest.RaisesContext[ValidationError]:
    return pytest.raises(ValidationError, match=message)


# --- errors are the project's own, and the builtin's -------------------------------------------


def test_validation_error_is_a_value_error_and_a_careerkit_error() -> None:
    with pytest.raises(ValueError, match="must not be negative") as caught:
        band(low=-1)
    assert isinstance(caught.value, ck.CareerkitError)
    assert caught.value.field == "low"
    assert str(caught.value) == "low: must not be negative, got -1"


# --- pay bands ---------------------------------------------------------------------------------


def test_negative_pay_is_refused() -> None:
    with raises(r"^high: must not be negative, got -5$"):
        band(low=None, high=-5)


def test_low_above_high_is_refused() -> None:
    with raises(r"^low: low \(28000\) is above high \(10000\); give the smaller figure as low$"):
        band(low=28000, high=10000)


@pytest.mark.parametrize("percentile", [0, 100, -10, 150])
def test_percentile_outside_1_to_99_is_refused(percentile: int) -> None:
    with raises(rf"^percentiles: percentile {percentile} is outside 1\.\.99"):
        band(low=None, high=None, percentiles={percentile: 1})


def test_percentile_key_must_be_a_whole_number() -> None:
    with raises(r"percentile '50' is outside 1\.\.99"):
        band(low=None, high=None, percentiles={"50": 1})


def test_decreasing_percentiles_are_refused() -> None:
    with raises(
        r"^percentiles\[90\]: percentiles decrease: the 50th \(51280\) is above the 90th \(30140\)"
    ):
        band(low=None, high=None, percentiles={10: 1, 50: 51280, 90: 30140})


def test_percentile_outside_low_high_is_refused() -> None:
    with raises(r"^percentiles\[50\]: the 50th percentile \(30000\) lies outside low\.\.high"):
        band(percentiles={50: 30000})


def test_negative_percentile_is_refused() -> None:
    with raises(r"^percentiles\[10\]: must not be negative, got -1$"):
        band(low=None, high=None, percentiles={10: -1})


def test_band_without_figures_is_refused() -> None:
    with raises("a pay band needs at least one figure"):
        band(low=None, high=None)


def test_unknown_currency_names_the_nearest_codes() -> None:
    with raises(
        r"^currency: unknown currency 'INX': expected an ISO 4217 code in upper case, "
        r"such as 'INR' or 'USD'; did you mean 'INR'"
    ):
        band(currency="INX")


def test_lower_case_currency_is_refused_not_guessed() -> None:
    with raises(r"unknown currency 'inr'.*did you mean 'INR'"):
        band(currency="inr")


@pytest.mark.parametrize("region", ["XX", "IN-XX", "India", "in", ""])
def test_unknown_region_is_refused(region: str) -> None:
    with raises(rf"^region: unknown region '{region}': expected an ISO 3166-1 alpha-2"):
        band(region=region)


def test_subdivision_regions_are_accepted() -> None:
    assert band(region="IN-WB").region == "IN-WB"


def test_unknown_period_lists_the_periods() -> None:
    with raises(
        r"^period: unknown period 'fortnight'; expected one of 'hour', 'day', 'week', 'month', "
        r"'year'$"
    ):
        band(period="fortnight")


def test_period_accepts_the_enum_and_its_name() -> None:
    assert band(period=ck.Period.YEAR).period is ck.Period.YEAR
    assert band(period="hour").period is ck.Period.HOUR


@pytest.mark.parametrize("value", [float("nan"), float("inf"), "NaN", "-Infinity"])
def test_non_finite_amounts_are_refused(value: object) -> None:
    with raises("expected a finite number"):
        band(low=value)


@pytest.mark.parametrize("value", [True, b"1", [1]])
def test_non_numbers_are_refused(value: object) -> None:
    with pytest.raises(
        ck.WrongTypeError, match=r"^low: expected a number \(Decimal, int, str or float\), got"
    ) as caught:
        band(low=value)
    assert isinstance(caught.value, TypeError) and caught.value.field == "low"


def test_text_amount_must_be_a_number() -> None:
    with raises(r"expected a decimal number such as '14\.36', got '10,000'"):
        band(low="10,000")


def test_float_amounts_convert_through_their_shortest_repr() -> None:
    assert band(low=None, high=None, percentiles={50: 14.36}).median == Decimal("14.36")


def test_amounts_keep_their_exact_decimal_value() -> None:
    pay = band(low="10000.50", high=28000)
    assert pay.low == Decimal("10000.50")
    assert isinstance(pay.high, Decimal)


def test_median_is_the_50th_percentile() -> None:
    pay = band(low=None, high=None, percentiles={90: 97910, 10: 30140, 50: 51280})
    assert pay.median == Decimal("51280")
    assert list(pay.percentiles) == [10, 50, 90]
    assert band().median is None


def test_percentiles_are_read_only() -> None:
    pay = band(low=None, high=None, percentiles={50: 1})
    with pytest.raises(TypeError):
        pay.percentiles[50] = Decimal(2)  # type: ignore[index]


def test_bands_are_frozen() -> None:
    pay = band()
    with pytest.raises(AttributeError):
        pay.low = Decimal(1)  # type: ignore[misc]


def test_bands_are_hashable_and_compare_by_value() -> None:
    assert band(percentiles={50: 20000}) == band(percentiles={50: "20000"})
    assert hash(band()) == hash(band())


@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=6))
def test_any_sorted_percentiles_are_accepted(values: list[int]) -> None:
    keys = [10, 25, 50, 75, 90, 99]
    figures = dict(zip(keys, sorted(values), strict=False))
    assert dict(band(low=None, high=None, percentiles=figures).percentiles) == figures


# --- course fees, schedules, hours -------------------------------------------------------------


def test_course_fee_range_is_checked() -> None:
    with raises(r"^low: low \(120000\) is above high \(2999\)"):
        ck.CourseFee(region="IN", currency="INR", period="year", source="s", low=120000, high=2999)
    with raises("a course fee needs at least one figure"):
        ck.CourseFee(region="IN", currency="INR", period="year", source="s")


def test_bls_full_time_schedule_has_2080_hours() -> None:
    schedule = ck.WorkSchedule.BLS_FULL_TIME
    assert (schedule.hours_per_day, schedule.days_per_week, schedule.weeks_per_year) == (8, 5, 52)
    assert schedule.hours_per_week == 40
    assert schedule.hours_per_year == 2080


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("hours_per_day", 0, "more than 0 and at most 24 hours, got 0"),
        ("days_per_week", 8, "more than 0 and at most 7 days, got 8"),
        ("weeks_per_year", 54, "more than 0 and at most 53 weeks, got 54"),
    ],
)
def test_work_schedule_bounds(field: str, value: int, message: str) -> None:
    fields = {"hours_per_day": 8, "days_per_week": 5, "weeks_per_year": 52, field: value}
    with raises(f"^{field}: expected {message}$"):
        ck.WorkSchedule(**fields)


def test_working_hours_range_is_ordered() -> None:
    with raises(r"^min_hours_per_day: min_hours_per_day \(9\) is above max_hours_per_day \(8\)$"):
        ck.WorkingHours(
            min_hours_per_day=9, max_hours_per_day=8, region="IN", text=Text("x"), source="s"
        )


# --- text, dates, codes, sources ---------------------------------------------------------------


@pytest.mark.parametrize("blank", ["", "   ", "\n"])
def test_blank_text_is_refused(blank: str) -> None:
    with raises(r"^en: expected non-empty text"):
        Text(blank)
    with raises(r"^hi: expected non-empty text"):
        Text("ok", blank)


def test_text_str_is_english_and_language_falls_back() -> None:
    text = Text("Manager", "प्रबंधक")
    assert str(text) == "Manager"
    assert text.in_language("hi") == "प्रबंधक"
    assert Text("Udemy").in_language("hi") == "Udemy"
    with raises(r"unknown language 'fr'; expected one of 'en', 'hi'"):
        text.in_language("fr")


@pytest.mark.parametrize(
    ("given_", "expected"),
    [("2008", (2008, None, None)), ("2008-05", (2008, 5, None)), ("2024-02-29", (2024, 2, 29))],
)
def test_reference_dates_keep_their_precision(
    given_: str, expected: tuple[int, int | None, int | None]
) -> None:
    date = ck.ReferenceDate.parse(given_)
    assert (date.year, date.month, date.day) == expected
    assert str(date) == given_


def test_reference_date_labels() -> None:
    assert ck.ReferenceDate(2008, 5).label() == "May 2008"
    assert ck.ReferenceDate(2008, 5).label("hi") == "मई 2008"
    assert ck.ReferenceDate(2008, 5, 14).label() == "14 May 2008"
    assert ck.ReferenceDate(2008).label("hi") == "2008"
    assert ck.ReferenceDate(2008, 5).precision == "month"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "May 2008",
            r"cannot read 'May 2008' as a date: expected 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'",
        ),
        (
            "2008-13",
            r"^cannot read '2008-13' as a date: month: expected a month from 1 to 12, got 13$",
        ),
        (
            "2023-02-29",
            r"^cannot read '2023-02-29' as a date: day: expected a day from 1 to 28 for 2023-02, got 29$",
        ),
        (
            "1700",
            r"^cannot read '1700' as a date: year: expected a year from 1800 to 2200, got 1700$",
        ),
    ],
)
def test_bad_reference_dates(value: str, message: str) -> None:
    with raises(message):
        ck.ReferenceDate.parse(value)


def test_reference_date_from_date_and_year() -> None:
    assert ck.ReferenceDate.coerce(dt.date(2008, 5, 14)) == ck.ReferenceDate(2008, 5, 14)
    assert ck.ReferenceDate.coerce(2008) == ck.ReferenceDate(2008)
    with raises("expected a date without a time"):
        ck.ReferenceDate.coerce(dt.datetime(2008, 5, 14, 12))
    with raises("a day needs a month"):
        ck.ReferenceDate(2008, None, 3)


@pytest.mark.parametrize(
    ("system", "code"),
    [("NCO-2015", "5244.301"), ("SOC-2018", "434051"), ("O*NET-SOC", "43-4051"), ("ISCO-08", "42")],
)
def test_occupation_code_must_fit_its_system(system: str, code: str) -> None:
    with raises(rf"^code: '{code}' is not a {system.replace('*', '[*]')} code; expected the form"):
        ck.OccupationCode(system=system, code=code, source="s")


def test_unknown_code_system() -> None:
    with raises(r"^system: unknown code system 'NOC'; expected one of 'NCO-2015', 'NCS-QP'"):
        ck.OccupationCode(system="NOC", code="1234", source="s")


@pytest.mark.parametrize("bad", ["Customer-Service", "customer service", "-x", "x--y", ""])
def test_ids_are_slugs(bad: str) -> None:
    with raises(rf"^id: '{bad}' is not a valid id: use lower-case letters"):
        ck.Career(id=bad, title=Text("x"))


@pytest.mark.parametrize("bad", ["www.example.com", "ftp://example.com", "http://", "https://a b"])
def test_urls_must_be_absolute_http(bad: str) -> None:
    with raises(rf"^url: '{bad}' is not an absolute http\(s\) URL$"):
        ck.Source(id="s", title=Text("x"), url=bad)


def test_source_cannot_be_quoted_via_itself() -> None:
    with raises(r"^via: source 's' cannot be quoted via itself$"):
        ck.Source(id="s", title=Text("x"), via="s")


# --- career-level rules ------------------------------------------------------------------------

SOURCE = ck.Source(id="ncs", title=Text("NCS page"))


def test_fact_citing_an_undefined_source_is_refused() -> None:
    with raises(
        r"^duties\[1\]\.source: cites source 'bls', which this profile does not define; "
        r"add it to sources \(defined: 'ncs'\)$"
    ):
        ck.Career(
            id="x",
            title=Text("X"),
            sources=[SOURCE],
            duties=[ck.Fact(text=Text("a"), source="ncs"), ck.Fact(text=Text("b"), source="bls")],
        )


def test_nested_citations_are_checked_too() -> None:
    with raises(r"^pay\[0\]\.source: cites source 'payscale'"):
        ck.Career(id="x", title=Text("X"), sources=[SOURCE], pay=[band(source="payscale")])
    with raises(r"^sources\[0\]\.via: cites source 'article'"):
        ck.Career(
            id="x", title=Text("X"), sources=[ck.Source(id="b", title=Text("B"), via="article")]
        )


def test_duplicate_source_ids_are_refused() -> None:
    with raises(r"^sources\[1\]\.id: source id 'ncs' is defined twice \(also sources\[0\]\)$"):
        ck.Career(id="x", title=Text("X"), sources=[SOURCE, SOURCE])


def test_sources_quoting_each_other_in_a_circle_are_refused() -> None:
    with raises(r"^sources: sources quote each other in a circle: a -> b -> a$"):
        ck.Career(
            id="x",
            title=Text("X"),
            sources=[
                ck.Source(id="a", title=Text("A"), via="b"),
                ck.Source(id="b", title=Text("B"), via="a"),
            ],
        )


def test_one_code_per_system() -> None:
    with raises(r"^occupation_codes\[1\]\.system: a second SOC-2018 code"):
        ck.Career(
            id="x",
            title=Text("X"),
            sources=[SOURCE],
            occupation_codes=[
                ck.OccupationCode(system="SOC-2018", code="43-4051", source="ncs"),
                ck.OccupationCode(system="SOC-2018", code="43-4052", source="ncs"),
            ],
        )


def test_lists_must_hold_the_right_objects() -> None:
    with raises(r"^duties\[0\]: expected a Fact, got str 'answer calls'$"):
        ck.Career(id="x", title=Text("X"), duties=["answer calls"])
    with raises(r"expected a list, got the single string 'csr'"):
        ck.Career(id="x", title=Text("X"), aliases="csr")


def test_aliases_are_unique_and_nonblank() -> None:
    with raises(r"^aliases\[1\]: 'csr' appears twice$"):
        ck.Career(id="x", title=Text("X"), aliases=["csr", "csr"])
    with raises(r"^aliases\[0\]: expected non-empty text"):
        ck.Career(id="x", title=Text("X"), aliases=[" "])


def test_ladder_needs_two_distinct_steps() -> None:
    with raises(r"^steps: a ladder needs at least two steps$"):
        ck.ProgressionLadder(steps=[Text("Manager")], region="IN", source="s")
    with raises(r"^steps\[1\]: .* appears twice$"):
        ck.ProgressionLadder(steps=[Text("A"), Text("A")], region="IN", source="s")


def test_nsqf_levels_run_from_1_to_10() -> None:
    with raises(r"^nsqf_level: NSQF levels run from 1 to 10, got 11$"):
        ck.EntryRoute(
            region="IN",
            minimum_qualification=Text("10+2"),
            text=Text("t"),
            source="s",
            nsqf_level=11,
        )


def test_funding_needs_a_known_kind_and_a_region() -> None:
    fields: dict[str, object] = {
        "kind": "loan",
        "name": Text("Vidyalakshmi"),
        "description": Text("d"),
        "regions": ["IN"],
        "source": "s",
    }
    with raises(
        r"^kind: unknown kind 'grant'; expected one of 'scholarship', 'loan', 'free-training'$"
    ):
        ck.FundingSource(**{**fields, "kind": "grant"})  # type: ignore[arg-type]
    with raises(r"^regions: name at least one region"):
        ck.FundingSource(**{**fields, "regions": []})  # type: ignore[arg-type]
    with raises(r"^regions\[1\]: unknown region 'IN-ZZ'"):
        ck.FundingSource(**{**fields, "regions": ["IN", "IN-ZZ"]})  # type: ignore[arg-type]


def test_codes_map_each_system_to_its_code() -> None:
    career = ck.Career(
        id="x",
        title=Text("X"),
        sources=[SOURCE],
        occupation_codes=[ck.OccupationCode(system="ISCO-08", code="4222", source="ncs")],
    )
    assert career.codes == {"ISCO-08": "4222"}
    assert career.codes[ck.CodeSystem.ISCO_08] == "4222"
    assert career.get_source("ncs") is SOURCE
    with pytest.raises(KeyError) as caught:
        career.get_source("bls")
    assert isinstance(caught.value, ck.SourceNotFoundError)
    assert str(caught.value) == "no source 'bls' in this profile; its sources: 'ncs'"


def test_career_repr_is_short() -> None:
    career = ck.Career(id="tea-taster", title=Text("Tea taster"), sources=[SOURCE])
    assert repr(career) == "<Career 'tea-taster': 'Tea taster', 1 source>"
