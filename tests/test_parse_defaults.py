"""Defaults, not checks, for a column of pay text (issue 27, part 2).

``default_currency=`` and ``default_period=`` fill what a text does not say and never
override what it says; ``currency=`` and ``period=`` stay checks. A text that says it
states no figure ("DOE", "Negotiable", :data:`careerkit.text.parse.NO_FIGURE`) reads as
``None``, and as a missing value with the reason "no figure stated" in the tables;
``parse_failures`` gives each row's reason. Scalar, pandas, polars and Dask agree.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Pay, PayRange, parse_pay
from careerkit.text.parse import NO_FIGURE, NO_FIGURE_STATED

DOCS = Path(__file__).parent.parent / "docs"


def outcome(text: str, **options: Any) -> tuple[str, object]:
    """What parse_pay gives: its value, or its error's class and message."""
    try:
        return "value", parse_pay(text, **options)
    except ck.CareerkitError as error:
        return type(error).__name__, str(error)


def ends(found: Pay | PayRange | None) -> tuple[float, float, str | None, str | None]:
    """What a table's parse makes of parse_pay's result: float(amount) of each end."""
    if found is None:
        return math.nan, math.nan, None, None
    low, high = (found.low, found.high) if isinstance(found, PayRange) else (found, found)
    values = [math.nan if end is None else float(end.amount) for end in (low, high)]
    return values[0], values[1], found.currency, found.period.value


# --- the issue's cases -----------------------------------------------------------------------


def test_a_default_period_fills_only_texts_that_name_none() -> None:
    """The issue's column: "$ 136k" (no period) and "$14/hr", with default_period="year"."""
    assert parse_pay("$ 136k", default_period="year") == Pay(136000, "USD", "year")
    assert parse_pay("$14/hr", default_period="year") == Pay(14, "USD", "hour")
    with pytest.raises(ck.PayParseError, match="names no period"):
        parse_pay("$ 136k")


def test_a_default_currency_fills_only_texts_that_name_none() -> None:
    assert parse_pay("136k a year", default_currency="INR") == Pay(136000, "INR", "year")
    assert parse_pay("$14/hr", default_currency="INR") == Pay(14, "USD", "hour")
    assert parse_pay("€45.000 per year", default_currency="INR") == Pay(45000, "EUR", "year")
    with pytest.raises(ck.PayParseError, match="names no currency"):
        parse_pay("136k a year")


def test_checks_keep_their_meaning() -> None:
    """period= and currency= still refuse a text that says otherwise; defaults never do."""
    with pytest.raises(ck.PayParseError, match="it is per hour, but period='year'"):
        parse_pay("$14/hr", period="year")
    with pytest.raises(ck.PayParseError, match="it is in USD, but currency='INR'"):
        parse_pay("$14/hr", currency="INR")
    assert parse_pay("$ 136k", period="year") == parse_pay("$ 136k", default_period="year")
    both = parse_pay("$30K-$40K", currency="USD", default_period="month")
    assert both == PayRange(Pay(30000, "USD", "month"), Pay(40000, "USD", "month"))


def test_a_default_settles_a_sign_of_several_currencies() -> None:
    """'$' is a dollar, lakh and 'Rs' a rupee, '¥' yen or yuan: a default of that family says
    which (a Canadian or Pakistani column); a default of another family leaves the sign's
    own reading, and a code or a one-currency sign is never overridden."""
    assert parse_pay("$50 an hour", default_currency="CAD").currency == "CAD"
    assert parse_pay("$50 an hour", default_currency="EUR").currency == "USD"
    assert parse_pay("$50 an hour", currency="CAD").currency == "CAD"
    assert parse_pay("$50 an hour USD", default_currency="CAD").currency == "USD"
    assert parse_pay("5 lakh a year", default_currency="NPR").currency == "NPR"
    assert parse_pay("5 lakh a year", default_currency="USD").currency == "INR"
    assert parse_pay("5 lakh a year", currency="NPR").currency == "NPR"
    assert parse_pay("Rs. 25,000/- p.m.", default_currency="PKR").currency == "PKR"
    assert parse_pay("₹25,000 p.m.", default_currency="PKR").currency == "INR"
    assert parse_pay("¥1,000 an hour", default_currency="JPY").currency == "JPY"
    with pytest.raises(ck.PayParseError, match="yen and yuan"):
        parse_pay("¥1,000 an hour", default_currency="EUR")


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"currency": "USD", "default_currency": "INR"}, ck.ValidationError, "not both"),
        ({"currency": "USD", "default_currency": "USD"}, ck.ValidationError, "not both"),
        ({"period": "year", "default_period": "year"}, ck.ValidationError, "not both"),
        ({"default_currency": "inr"}, ck.UnknownCurrencyError, "default_currency"),
        ({"default_currency": 5}, ck.CareerkitError, "default_currency"),
        ({"default_period": "fortnight"}, ck.ValidationError, "default_period: unknown period"),
        ({"default_period": 5}, ck.WrongTypeError, "default_period: expected a period"),
    ],
)
def test_defaults_are_checked_at_once(
    options: dict[str, Any], error: type[Exception], message: str
) -> None:
    """In parse_pay, and in each front end before any row is read (even of no rows)."""
    with pytest.raises(error, match=message):
        parse_pay("$14/hr", **options)
    pd = pytest.importorskip("pandas")
    import careerkit.pandas  # noqa: F401

    with pytest.raises(error, match=message):
        pd.Series([], dtype="str").careerkit.parse(**options)
    with pytest.raises(error, match=message):
        pd.Series([], dtype="str").careerkit.parse_failures(**options)


# --- hypothesis: a default never overrides what a text states --------------------------------

PIECES = [
    "$", "₹", "€", "£", "USD", "INR", "EUR", "CAD", "Rs.", "lakh", "LPA", "K", "k", "M", "cr",
    "per hour", "/hr", "an hour", "per month", "p.m.", "monthly", "per annum", "p.a.",
    "a year", "/yr", "per day", "weekly", "-", "to", "up to", "from", "+", "Salary:",
    "(negotiable)", "DOE", "Competitive", "45,000", "4,50,000", "14.36", "3.5", "45.000", "7",
    "120", "1,500",
]  # fmt: skip
CURRENCIES = st.sampled_from(["USD", "INR", "EUR", "CAD", "NPR", "JPY", "KWD"])
FAMILIES = ({"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD"}, {"INR", "NPR", "PKR", "LKR"})


def same_or_settled(found: tuple[str, object], plain: tuple[str, object], default: str) -> bool:
    """*found* (with defaults) is *plain* (without), or *plain* in the default's currency
    where a sign of several currencies ('$', 'Rs', lakh) was read as the default."""
    if found == plain:
        return True
    if found[0] != "value" or plain[0] != "value":
        return False
    before, after = plain[1], found[1]
    assert isinstance(before, Pay | PayRange) and isinstance(after, Pay | PayRange)
    family = any({before.currency, default} <= family for family in FAMILIES)
    moved = repr(before).replace(f"'{before.currency}'", f"'{default}'")
    return family and after.currency == default and repr(after) == moved


PERIODS = st.sampled_from(["hour", "day", "week", "month", "year"])


@st.composite
def pay_texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6))
    return " ".join(parts)


@given(pay_texts(), CURRENCIES, PERIODS)
@example("$14/hr", "INR", "year")
@example("5 lakh a year", "NPR", "hour")
@example("$45,000 - $55,000 a year", "CAD", "month")
def test_a_text_that_reads_without_defaults_reads_the_same_with_them(
    text: str, currency: str, period: str
) -> None:
    plain = outcome(text)
    if plain[0] == "value":
        for options in (
            {"default_currency": currency},
            {"default_period": period},
            {"default_currency": currency, "default_period": period},
        ):
            assert same_or_settled(outcome(text, **options), plain, currency), (text, options)


@given(
    st.sampled_from(["₹", "€", "£", "USD ", "INR ", "EUR ", "CA$"]),  # signs of one currency
    st.integers(1, 10**9),
    st.sampled_from(["an hour", "per day", "a week", "per month", "p.a.", "/yr"]),
    CURRENCIES,
    PERIODS,
)
def test_stated_currency_and_period_are_never_overridden(
    symbol: str, amount: int, per: str, currency: str, period: str
) -> None:
    text = f"{symbol}{amount:,} {per}"
    expected = parse_pay(text)
    assert isinstance(expected, Pay)
    found = parse_pay(text, default_currency=currency, default_period=period)
    assert found == expected
    assert (found.currency, found.period) == (expected.currency, expected.period)


@given(st.integers(1, 10**9), CURRENCIES, PERIODS)
def test_a_default_fills_a_text_that_names_nothing(amount: int, currency: str, period: str) -> None:
    found = parse_pay(str(amount), default_currency=currency, default_period=period)
    assert found == Pay(amount, currency, period)


# --- texts that state no figure --------------------------------------------------------------


def variants(phrase: str) -> list[str]:
    """*phrase* as boards print it: any case, spacing and marks around it, a label before it."""
    return [
        phrase,
        phrase.upper(),
        phrase.lower(),
        phrase.title(),
        f"  {phrase.replace(' ', '   ')}  ",
        f"{phrase}.",
        f"{phrase}!",
        f"({phrase})",
        f"Salary: {phrase}",
        f"CTC: {phrase.lower()}",
        f"₹ {phrase}",
        f"{phrase} per month",
    ]


@pytest.mark.parametrize("phrase", NO_FIGURE)
def test_every_no_figure_phrase_reads_as_none(phrase: str) -> None:
    for text in variants(phrase):
        assert parse_pay(text) is None, text
        assert parse_pay(text, default_currency="INR", default_period="year") is None, text


@pytest.mark.parametrize("phrase", NO_FIGURE)
def test_a_no_figure_phrase_beside_a_figure_changes_nothing(phrase: str) -> None:
    """'Competitive: 5 LPA' is 5 LPA: a real figure is never swallowed."""
    lakh = Pay(500000, "INR", "year")
    assert parse_pay(f"{phrase}: 5 LPA") == lakh
    assert parse_pay(f"5 LPA ({phrase})") == lakh
    assert parse_pay(f"$50,000 a year, {phrase}") == Pay(50000, "USD", "year")
    assert parse_pay(f"$50,000 a year - {phrase}") == Pay(50000, "USD", "year")
    assert parse_pay(f"{phrase} - $14.36/hr") == Pay(
        Pay(14.36, "USD", "hour").amount, "USD", "hour"
    )


@pytest.mark.parametrize(
    "text",
    [
        "DOE", "Competitive", "Negotiable", "Not disclosed", "as per industry standards",
        "बातचीत योग्य", "depends on experience", "As per industry norms.", "NOT SPECIFIED",
        "Best in industry", "market-related", "Market Related", "D.O.E.", "Salary: DOE",
        "competitive salary", "Salary negotiable", "Not Disclosed by Recruiter",
    ],
)  # fmt: skip
def test_the_issues_phrases_and_their_variants(text: str) -> None:
    assert parse_pay(text) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("competitively", "'competitively' is not a part of pay"),
        ("DOEs", "'DOEs' is not a part of pay"),
        ("undisclosedly", "'undisclosedly' is not a part of pay"),
        ("negotiable salary + HRA", "'+' does not follow an amount"),
        ("Competitive 5", "names no currency"),
        ("Negotiable USD", None),  # a currency, no amount: no figure stated
        ("", "the text is empty"),
        ("salary", "'salary' is not a part of pay"),
        ("per month", "it holds no amount"),
    ],
)
def test_only_whole_phrases_state_no_figure(text: str, problem: str | None) -> None:
    if problem is None:
        assert parse_pay(text) is None
        return
    with pytest.raises(ck.PayParseError, match=re.escape(problem)):
        parse_pay(text)


def test_the_list_is_documented_phrase_by_phrase() -> None:
    page = (DOCS / "parsing.md").read_text("utf-8")
    missing = [phrase for phrase in NO_FIGURE if f"`{phrase}`" not in page]
    assert not missing
    assert NO_FIGURE_STATED in page


def test_an_offer_of_no_figure_cannot_be_placed() -> None:
    with pytest.raises(ck.PayParseError, match="cannot place 'Negotiable': no figure stated"):
        ck.get("43-4051").pay_position("Negotiable", when="2025-05")


def test_the_command_line_says_there_is_nothing_to_convert(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from careerkit import cli

    assert cli.main(["convert", "Not disclosed", "--to", "INR"]) == 2
    assert "cannot convert 'Not disclosed': no figure stated" in capsys.readouterr().err


# --- the tables: scalar, pandas, polars and Dask agree ---------------------------------------

COLUMN = [
    "$ 136k", "$14/hr", "136k a year", "DOE", None, "Competitive: 5 LPA", "Negotiable",
    "$ 136k", "₹25,000 प्रति माह", "45k-55k", "Salary: not disclosed", "tea", "$45.000 a year",
    "Up to ₹8 LPA", "$60K+", "DOE",
]  # fmt: skip
OPTIONS = [
    {},
    {"default_period": "year"},
    {"default_currency": "INR", "default_period": "month"},
    {"default_currency": "EUR"},
    {"currency": "USD", "default_period": "year"},
    {"period": "year"},
]


def expected_rows(options: dict[str, Any]) -> list[tuple[tuple[Any, ...], str | None]]:
    """Each row of COLUMN read by parse_pay: its ends (NaN, None where it gives none) and reason."""
    rows: list[tuple[tuple[Any, ...], str | None]] = []
    for text in COLUMN:
        if text is None:
            rows.append(((math.nan, math.nan, None, None), None))
            continue
        found = outcome(text, **options)
        if found[0] != "value":
            rows.append(((math.nan, math.nan, None, None), str(found[1])))
        elif found[1] is None:
            rows.append(((math.nan, math.nan, None, None), NO_FIGURE_STATED))
        else:
            rows.append((ends(found[1]), None))  # type: ignore[arg-type]
    return rows


def same(got: tuple[Any, ...], want: tuple[Any, ...]) -> bool:
    def one(a: Any, b: Any) -> bool:
        if isinstance(b, float) and math.isnan(b):
            return a is None or (isinstance(a, float) and math.isnan(a))
        if b is None:
            return a is None or (isinstance(a, float) and math.isnan(a))
        return bool(a == b)

    return all(one(a, b) for a, b in zip(got, want, strict=True))


@pytest.mark.parametrize("options", OPTIONS, ids=str)
def test_pandas_agrees_with_parse_pay(options: dict[str, Any]) -> None:
    pd = pytest.importorskip("pandas")
    import careerkit.pandas  # noqa: F401

    index = [f"r{at}" for at in range(len(COLUMN))]
    series = pd.Series(COLUMN, index=index, dtype=object)
    parsed = series.careerkit.parse(errors="coerce", **options)
    reasons = series.careerkit.parse_failures(**options)
    assert list(parsed.index) == index and list(reasons.index) == index
    assert reasons.name == "reason" and reasons.dtype == object
    for at, (want, why) in enumerate(expected_rows(options)):
        assert same(tuple(parsed.iloc[at]), want), (COLUMN[at], tuple(parsed.iloc[at]), want)
        assert reasons.iloc[at] == why, (COLUMN[at], reasons.iloc[at], why)
    # the rows parse gives no figure are the rows with a reason, and the missing texts
    assert list(parsed["low"].isna() & parsed["high"].isna()) == [
        why is not None or text is None
        for text, (_, why) in zip(COLUMN, expected_rows(options), strict=True)
    ]


@given(
    st.lists(pay_texts(), min_size=1, max_size=10),
    st.fixed_dictionaries({}, optional={"default_currency": CURRENCIES, "default_period": PERIODS}),
)
def test_the_accessor_reads_any_column_as_parse_pay_reads_each_row(
    texts: list[str], options: dict[str, Any]
) -> None:
    pd = pytest.importorskip("pandas")
    import careerkit.pandas  # noqa: F401

    series = pd.Series([*texts, None, *texts[:3]], dtype=object)
    parsed = series.careerkit.parse(errors="coerce", **options)
    reasons = series.careerkit.parse_failures(**options)
    for at, text in enumerate(series):
        found = None if text is None else outcome(text, **options)
        if found is None or found[0] != "value":
            want = (math.nan, math.nan, None, None)
            why = None if found is None else str(found[1])
        else:
            want = ends(found[1])  # type: ignore[arg-type]
            why = NO_FIGURE_STATED if found[1] is None else None
        assert same(tuple(parsed.iloc[at]), want), (text, options)
        assert reasons.iloc[at] == why, (text, options)


def test_no_figure_is_not_an_error_even_where_errors_raise() -> None:
    pd = pytest.importorskip("pandas")
    import careerkit.pandas  # noqa: F401

    series = pd.Series(["$ 136k", "$14/hr", "DOE", "Negotiable", None])
    parsed = series.careerkit.parse(default_period="year")  # errors="raise"
    assert parsed["low"].tolist()[:2] == [136000.0, 14.0]
    assert parsed["period"].tolist()[:2] == ["year", "hour"]
    assert parsed.iloc[2:]["low"].isna().all() and parsed.iloc[2:]["currency"].isna().all()
    with pytest.raises(ck.PayParseError, match=r"row 0 \('\$ 136k'\).*names no period"):
        series.careerkit.parse()
    assert series.careerkit.parse_failures().tolist()[1:] == [
        None,
        NO_FIGURE_STATED,
        NO_FIGURE_STATED,
        None,
    ]


@pytest.mark.parametrize("options", OPTIONS[:3], ids=str)
def test_polars_agrees_with_parse_pay(options: dict[str, Any]) -> None:
    pl = pytest.importorskip("polars")
    import careerkit.polars  # noqa: F401

    series = pl.Series("pay", COLUMN, dtype=pl.String)
    parsed = series.careerkit.parse(errors="coerce", **options)
    reasons = series.careerkit.parse_failures(**options)
    assert reasons.name == "reason" and reasons.dtype == pl.String
    for got, why_got, (want, why) in zip(
        parsed.rows(), reasons.to_list(), expected_rows(options), strict=True
    ):
        assert same(got, want), (got, want)
        assert why_got == why


def test_dask_agrees_with_pandas_and_keeps_each_option_set_apart() -> None:
    """Dask's workers keep what each text read as, by options: the defaults are part of the key."""
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    import careerkit.dask
    import careerkit.pandas

    series = pd.Series(COLUMN, dtype=object)
    lazy = dd.from_pandas(series, npartitions=3)
    for options in OPTIONS[:3]:  # the same texts, read in turn under each option set
        found = careerkit.dask.parse(lazy, errors="coerce", **options).compute()
        pd.testing.assert_frame_equal(found, series.careerkit.parse(errors="coerce", **options))
        reasons = careerkit.dask.parse_failures(lazy, **options).compute()
        pd.testing.assert_series_equal(reasons, series.careerkit.parse_failures(**options))
    without = careerkit.dask.parse(lazy, errors="coerce").compute()
    assert math.isnan(without["low"].iloc[0])  # "$ 136k" read with no default: no period
    with pytest.raises(ck.ValidationError, match="not both"):
        careerkit.dask.parse(lazy, period="year", default_period="year")
