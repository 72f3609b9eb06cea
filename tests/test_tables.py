"""Pay tables: per-row currencies, periods, dates and countries; pandas, polars and Dask."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit as ck
import careerkit.pandas
import careerkit.polars
from careerkit import Pay, conversion_failures, convert_array

CURRENCIES = ["USD", "INR", "EUR", "GBP"]
PERIODS = ["hour", "month", "year"]
MONTHS = [f"{year}-{month:02d}" for year in range(2005, 2024) for month in (1, 6, 12)]


def one(amount: float, currency: str, period: str, when: object, country: str | None = None,
        **target: Any) -> float:  # fmt: skip
    """The scalar path, step by step, as PayBand.convert orders it."""
    pay = Pay(amount, currency, period, when=when)  # type: ignore[arg-type]
    if target.get("to_period"):
        pay = pay.per(target["to_period"])
    if target.get("prices_of"):
        pay = pay.in_prices_of(target["prices_of"], country=country)
    return float(pay.to_currency(target["to_currency"]).exact)


ROWS = st.lists(
    st.tuples(
        st.floats(0, 1e7, allow_subnormal=False),
        st.sampled_from(CURRENCIES),
        st.sampled_from(PERIODS),
        st.sampled_from(MONTHS),
    ),
    min_size=1,
    max_size=30,
)


@given(ROWS, st.sampled_from(["2024", "2020-06", None]), st.sampled_from(["INR", "USD"]))
def test_mixed_rows_agree_with_pay(rows: list[tuple[float, str, str, str]], prices_of: str | None,
                                   to_currency: str) -> None:  # fmt: skip
    amounts, currencies, periods, dates = map(list, zip(*rows, strict=True))
    # Euro rows need a country with inflation data to 2024 (the euro area's ends in 2023).
    countries = ["DE" if currency == "EUR" else None for currency in currencies]
    result = convert_array(
        amounts,
        currency=currencies,
        period=periods,
        when=dates,
        country=countries,
        to_currency=to_currency,
        to_period="month",
        prices_of=prices_of,
    )
    target = {"to_currency": to_currency, "to_period": "month", "prices_of": prices_of}
    expected = [one(*row, country, **target) for row, country in zip(rows, countries, strict=True)]
    np.testing.assert_allclose(result, expected, rtol=1e-9, atol=0)


def test_the_source_figure() -> None:
    # BLS May 2008: customer service representatives, 14.36 USD an hour, 29,868.80 a year.
    result = convert_array(
        [14.36, 14.36],
        currency=["USD", "USD"],
        period=["hour", "hour"],
        when="2008-05",
        to_period="year",
    )
    assert result.tolist() == [29868.8, 29868.8]


def test_a_euro_row_without_data_names_the_row_and_what_to_do() -> None:
    with pytest.raises(ck.DataNotAvailableError) as caught:
        convert_array(
            [100.0, 2000.0],
            currency=["USD", "EUR"],
            period="month",
            when=["2010", "2010"],
            to_currency="INR",
            prices_of="2024",
        )
    message = str(caught.value)
    assert message.startswith("row 1 (amount=2000.0, currency='EUR', period='month', when='2010')")
    assert "pass country=" in message
    ok = convert_array(
        [100.0, 2000.0],
        currency=["USD", "EUR"],
        period="month",
        when=["2010", "2010"],
        country=[None, "DE"],
        to_currency="INR",
        prices_of="2024",
    )
    assert ok[1] == pytest.approx(one(2000.0, "EUR", "month", "2010", "DE", to_currency="INR",
                                      prices_of="2024"), rel=1e-12)  # fmt: skip


# --- dates -----------------------------------------------------------------------------------


DAY_LEVEL = [
    ["2008-05-14", "2012-12-31"],
    [dt.date(2008, 5, 14), dt.date(2012, 12, 31)],
    np.array(["2008-05-14", "2012-12-31"], dtype="datetime64[D]"),
    np.array(["2008-05-14T23:59", "2012-12-31T00:01"], dtype="datetime64[ns]"),
    [pd.Timestamp("2008-05-14 10:00"), pd.Timestamp("2012-12-31")],
    pd.DatetimeIndex(["2008-05-14", "2012-12-31"]),
    pd.Series(pd.to_datetime(["2008-05-14", "2012-12-31"])),
    pd.Series(pd.DatetimeIndex(["2008-05-14 23:30", "2012-12-31 23:30"], tz="Asia/Kolkata")),
    [pd.Period("2008-05-14", "D"), pd.Period("2012-12-31", "D")],
    pd.period_range("2008-05-14", periods=1, freq="D").append(
        pd.PeriodIndex(["2012-12-31"], freq="D")
    ),
    np.array(["2008-05", "2012-12"], dtype="datetime64[M]"),
    ["2008-05", "2012-12"],
    [pd.Period("2008-05", "M"), pd.Period("2012-12", "M")],
]


@pytest.mark.parametrize("dates", DAY_LEVEL, ids=lambda dates: type(dates).__name__)
def test_every_kind_of_date_counts_as_its_calendar_month(dates: object) -> None:
    result = convert_array(
        [100.0, 100.0], currency="USD", period="month", when=dates, to_currency="INR"
    )
    expected = [
        one(100.0, "USD", "month", month, to_currency="INR") for month in ("2008-05", "2012-12")
    ]
    np.testing.assert_allclose(result, expected, rtol=1e-12, atol=0)


@pytest.mark.parametrize(
    "years",
    [
        [2008, 2012],
        ["2008", "2012"],
        np.array([2008, 2012]),
        np.array(["2008", "2012"], dtype="datetime64[Y]"),
        [pd.Period("2008", "Y"), pd.Period("2012", "Y")],
        pd.Series([2008.0, 2012.0]),
    ],
    ids=lambda years: type(years).__name__,
)
def test_years_stay_years(years: object) -> None:
    result = convert_array([100.0, 100.0], currency="USD", period="year", when=years,
                           to_currency="INR")  # fmt: skip
    expected = [one(100.0, "USD", "year", year, to_currency="INR") for year in ("2008", "2012")]
    np.testing.assert_allclose(result, expected, rtol=1e-12, atol=0)
    # An annual average, not a month's.
    assert result[0] != one(100.0, "USD", "year", "2008-01", to_currency="INR")


def test_missing_dates_need_no_date_only_where_nothing_crosses_a_date() -> None:
    dates = [None, pd.NaT, np.datetime64("NaT")]
    same = convert_array(
        [1.0, 2.0, 3.0], currency="USD", period="hour", when=dates, to_period="year"
    )
    assert same.tolist() == [2080.0, 4160.0, 6240.0]
    with pytest.raises(ck.DateRequiredError, match=r"^row 0 \(amount=1\.0, .*when=None\)"):
        convert_array(
            [1.0, 2.0], currency="USD", period="hour", when=[None, "2010"], to_currency="INR"
        )


def test_a_quarter_is_not_a_date() -> None:
    with pytest.raises(ck.ValidationError, match="spans more than one month"):
        convert_array([1.0], currency="USD", period="year", when=[pd.Period("2010Q1", "Q")],
                      to_currency="INR")  # fmt: skip


# --- missing values and errors ----------------------------------------------------------------


@pytest.mark.parametrize(
    "amounts",
    [
        [1.0, None, float("nan")],
        np.array([1.0, np.nan, np.nan]),
        pd.Series([1.0, None, pd.NA], dtype="Float64"),
        pd.array([1, None, None], dtype="Int64"),
    ],
    ids=["list", "numpy", "Float64", "Int64"],
)
def test_missing_amounts_give_nan(amounts: object) -> None:
    result = convert_array(amounts, currency="XYZ-not-used" if False else "USD", period="hour",  # type: ignore[arg-type]
                           when="2008-05", to_period="year")  # fmt: skip
    assert result[0] == 2080.0 and np.isnan(result[1:]).all()


def test_a_missing_amount_is_not_checked_further() -> None:
    result = convert_array(
        [np.nan], currency=["XYZ"], period="hour", when="2008", to_currency="INR"
    )
    assert np.isnan(result).all()


def test_the_first_failing_row_raises_its_own_error_with_its_values() -> None:
    args = {
        "currency": ["USD", "USD", "GBP", "XYZ", "USD"],
        "period": ["hour", "hour", "month", "year", "hour"],
        "when": ["2008-05", "2008-05", "1850", "2010", "2008-05"],
        "to_currency": "INR",
        "to_period": "year",
    }
    amounts = [1.0, -5.0, 10.0, 3.0, 1.0]
    with pytest.raises(ck.ValidationError) as caught:
        convert_array(amounts, **args)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "row 1 (amount=-5.0, currency='USD', period='hour', when='2008-05'): an amount must be "
        "a number from 0 to 10^15 per period"
    )
    amounts[1] = 5.0
    with pytest.raises(ck.DataNotAvailableError, match=r"^row 2 \(amount=10\.0, currency='GBP'"):
        convert_array(amounts, **args)  # type: ignore[arg-type]
    coerced = convert_array(amounts, **args, errors="coerce")  # type: ignore[arg-type]
    assert np.isnan(coerced).tolist() == [False, False, True, True, False]
    assert coerced[0] == pytest.approx(
        one(1.0, "USD", "hour", "2008-05", to_currency="INR", to_period="year"), rel=1e-12
    )
    reasons = conversion_failures(amounts, **args)  # type: ignore[arg-type]
    assert reasons[0] is None and reasons[1] is None and reasons[4] is None
    assert "1850" in reasons[2] and "unknown currency 'XYZ'" in reasons[3]


def test_unknown_currency_class_kept() -> None:
    with pytest.raises(ck.UnknownCurrencyError, match=r"^row 0 .*currency='usd'"):
        convert_array([1.0], currency=["usd"], period="year", when="2010", to_currency="INR")


def test_rows_in_several_units_need_a_target() -> None:
    with pytest.raises(
        ck.ValidationError, match=r"more than one currency \(INR, USD\).*to_currency="
    ):
        convert_array([1.0, 2.0], currency=["USD", "INR"], period="year", when="2010")
    with pytest.raises(ck.ValidationError, match="more than one period"):
        convert_array([1.0, 2.0], currency="USD", period=["hour", "year"], when="2010")


def test_arguments_are_checked_before_any_row() -> None:
    with pytest.raises(ck.UnknownCurrencyError, match=r"^to_currency:"):
        convert_array([1.0], currency="USD", period="year", when="2010", to_currency="RUPEE")
    with pytest.raises(ck.ValidationError, match=r"^errors: errors must be 'raise' or 'coerce'"):
        convert_array([1.0], currency="USD", period="year", when="2010", errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(ck.ValidationError, match="'latest' is for one figure"):
        convert_array([1.0], currency="USD", period="year", when="2010", prices_of="latest")
    with pytest.raises(ck.ValidationError, match="got 2 amounts but 3 currencies"):
        convert_array([1.0, 2.0], currency=["USD"] * 3, period="year", when="2010")


# --- pandas -----------------------------------------------------------------------------------


def frame(rows: int = 1000, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "pay": rng.uniform(5, 200_000, rows).round(2),
            "cur": rng.choice(CURRENCIES, rows),
            "per": rng.choice(PERIODS, rows),
            "posted": np.datetime64("2005-01-01")
            + rng.integers(0, 365 * 18, rows).astype("timedelta64[D]"),
        },
        index=pd.RangeIndex(rows) * 10,
    )


def test_the_accessor_agrees_with_the_array_path() -> None:
    df = frame()
    df["where"] = np.where(df["cur"] == "EUR", "FR", None)
    result = df.careerkit.convert(amount="pay", currency="cur", period="per", when="posted",
                                  country="where", to="INR/month", prices_of="2024")  # fmt: skip
    assert result.dtype == np.float64 and result.index.equals(df.index)
    assert result.name == "pay (INR/month, 2024 prices)"
    expected = convert_array(df["pay"].to_numpy(), currency=df["cur"].tolist(),
                             period=df["per"].tolist(), when=list(df["posted"].dt.date),
                             country=df["where"].tolist(), to_currency="INR", to_period="month",
                             prices_of="2024")  # fmt: skip
    np.testing.assert_array_equal(result.to_numpy(), expected)
    row = df.iloc[7]
    assert result.iloc[7] == pytest.approx(one(row.pay, row.cur, row.per, row.posted.date(),
                                               row["where"], to_currency="INR", to_period="month",
                                               prices_of="2024"), rel=1e-9)  # fmt: skip


def test_accessor_values_for_every_row_and_errors_name_the_index() -> None:
    df = pd.DataFrame({"pay": [10.0, 20.0]}, index=["a", "b"])
    result = df.careerkit.convert(amount="pay", currency="USD", period="hour", when=2010, to="year")
    assert result.tolist() == [20800.0, 41600.0] and result.name == "pay (year)"
    df["cur"] = ["USD", "usd"]
    with pytest.raises(
        ck.UnknownCurrencyError, match=r"^row 1, index 'b' \(amount=20\.0, currency='usd'"
    ):
        df.careerkit.convert(amount="pay", currency="cur", period="hour", when=2010, to="INR")
    # One value for every row is an argument: refused at once, under its name.
    with pytest.raises(ck.UnknownCurrencyError, match=r"^currency: unknown currency 'usd'"):
        df.careerkit.convert(amount="pay", currency="usd", period="hour", when=2010, to="INR")
    with pytest.raises(ck.ValidationError, match="amount='wage' is not a column of the frame"):
        df.careerkit.convert(amount="wage", currency="USD", period="hour", when=2010, to="year")
    other = pd.Series(["USD", "USD"], index=["x", "y"])
    with pytest.raises(ck.ValidationError, match="another index than the frame's"):
        df.careerkit.convert(amount="pay", currency=other, period="hour", when=2010, to="year")
    with pytest.raises(ck.ValidationError, match="cannot read 'INR/month/day' as a unit"):
        df.careerkit.convert(
            amount="pay", currency="USD", period="hour", when=2010, to="INR/month/day"
        )
    # to= reads as careerkit convert --to does: /PERIOD too (14.36 USD/hour x 2,080 h)
    df["pay"] = [14.36, 14.36]
    for to in ("year", "/year", "USD/year"):
        found = df.careerkit.convert(amount="pay", currency="USD", period="hour", when=2008, to=to)
        assert found.round(2).tolist() == [29868.8, 29868.8], to
    with pytest.raises(ck.ValidationError, match="cannot read 'INR/' as a unit"):
        df.careerkit.convert(amount="pay", currency="USD", period="hour", when=2010, to="INR/")


def test_accessor_coerce_and_failures() -> None:
    df = pd.DataFrame({"pay": [10.0, 20.0, None], "cur": ["USD", "XYZ", "XYZ"]})
    arguments = {"amount": "pay", "currency": "cur", "period": "hour", "when": "2010", "to": "INR"}
    result = df.careerkit.convert(**arguments, errors="coerce")
    assert result.iloc[0] == pytest.approx(one(10.0, "USD", "hour", "2010", to_currency="INR"))
    assert result.iloc[1:].isna().all()
    reasons = df.careerkit.failures(**arguments)
    assert reasons.isna().tolist() == [True, False, True]  # no amount: nothing failed
    assert "unknown currency 'XYZ'" in reasons.iloc[1]


def test_parse_a_column() -> None:
    texts = pd.Series(["₹10,000–28,000 per month", "$14.36/hr", None, "Up to ₹8 LPA", "$14.36/hr"],
                      index=list("abcde"))  # fmt: skip
    parsed = texts.careerkit.parse()
    assert list(parsed.columns) == ["low", "high", "currency", "period"]
    assert parsed.index.equals(texts.index)
    assert parsed.loc["a"].tolist() == [10000.0, 28000.0, "INR", "month"]
    assert parsed.loc["b"].tolist() == [14.36, 14.36, "USD", "hour"]
    assert parsed.loc["c"].isna().all()
    assert np.isnan(parsed.loc["d", "low"]) and parsed.loc["d", "high"] == 800000.0
    assert parsed.loc["e"].tolist() == parsed.loc["b"].tolist()
    with pytest.raises(ck.PayParseError, match=r"^row 1, index 'y' \('lots'\): cannot read pay"):
        pd.Series(["3 LPA", "lots"], index=["x", "y"]).careerkit.parse()
    coerced = pd.Series(["3 LPA", "lots"]).careerkit.parse(errors="coerce")
    assert coerced.iloc[0, 0] == 300000.0 and coerced.iloc[1].isna().all()
    assert pd.Series(["$30K-$40K"]).careerkit.parse(period="year").iloc[0].tolist() == [
        30000.0, 40000.0, "USD", "year"]  # fmt: skip


def test_parse_reads_each_distinct_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import careerkit.text.parse

    seen: list[str] = []
    real = careerkit.text.parse.reader  # parse_pay's reading, as the tables read it

    def counting(*options: Any) -> Any:
        read = real(*options)

        def counted(text: str) -> object:
            seen.append(text)
            return read(text)

        return counted

    monkeypatch.setattr(careerkit.text.parse, "reader", counting)
    texts = pd.Series(["3 LPA", "$14.36/hr"] * 500)
    parsed = texts.careerkit.parse()
    assert sorted(seen) == ["$14.36/hr", "3 LPA"]
    assert parsed["low"].tolist() == [300000.0, 14.36] * 500


# --- polars -----------------------------------------------------------------------------------


def test_polars_agrees_with_pandas() -> None:
    df = frame(500, seed=3)
    df.loc[df.index[::7], "pay"] = np.nan
    arguments = {"amount": "pay", "currency": "cur", "period": "per", "when": "posted",
                 "to": "INR/month", "prices_of": "2024"}  # fmt: skip
    df["where"] = np.where(df["cur"] == "EUR", "DE", None)
    expected = df.careerkit.convert(**arguments, country="where")
    polars_frame = pl.from_pandas(df.reset_index(drop=True))
    result = polars_frame.careerkit.convert(**arguments, country="where")
    assert result.name == expected.name and result.dtype == pl.Float64
    assert result.null_count() == expected.isna().sum()
    np.testing.assert_array_equal(result.fill_null(np.nan).to_numpy(), expected.to_numpy())


def test_polars_parse_and_failures() -> None:
    texts = pl.Series(["₹10,000–28,000 per month", None, "lots"])
    parsed = texts.careerkit.parse(errors="coerce")
    assert parsed.columns == ["low", "high", "currency", "period"]
    assert parsed.rows() == [(10000.0, 28000.0, "INR", "month"), (None,) * 4, (None,) * 4]
    with pytest.raises(ck.PayParseError, match=r"^row 2 \('lots'\)"):
        texts.careerkit.parse()
    df = pl.DataFrame({"pay": [1.0, 2.0], "cur": ["USD", "XYZ"]})
    reasons = df.careerkit.failures(
        amount="pay", currency="cur", period="year", when="2010", to="INR"
    )
    assert reasons[0] is None and "unknown currency 'XYZ'" in reasons[1]
    dates = pl.DataFrame({"pay": [100.0], "d": [dt.date(2008, 5, 14)]})
    assert dates.careerkit.convert(amount="pay", currency="USD", period="month", when="d",
                                   to="INR").to_list() == [one(100.0, "USD", "month", "2008-05",
                                                               to_currency="INR")]  # fmt: skip


# --- values that travel -----------------------------------------------------------------------


@settings(max_examples=25)
@given(st.floats(0, 1e6, allow_nan=False, allow_subnormal=False),
       st.sampled_from([np.float64, np.float32, np.int64, np.int32]))  # fmt: skip
def test_numpy_scalars_make_pay(value: float, kind: Any) -> None:
    scalar = kind(value)
    assert Pay(scalar, "USD", "hour").exact == Pay(float(scalar) if "float" in kind.__name__
                                                   else int(scalar), "USD", "hour").exact  # fmt: skip


@pytest.mark.parametrize(("module", "library"), [("pandas", "pandas"), ("polars", "polars"),
                                                 ("dask", "dask")])  # fmt: skip
def test_a_missing_extra_says_what_to_install(module: str, library: str) -> None:
    import subprocess
    import sys

    code = (
        f"import sys; sys.modules[{library!r}] = None\n"
        f"try:\n    import careerkit.{module}\n"
        "except ModuleNotFoundError as error:\n    print(error)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == (
        f"careerkit.{module} needs {library}, which is not installed: "
        f"pip install 'careerkit[{module}]'"
    )


def test_unhashable_values_are_refused_as_themselves() -> None:
    for amounts in ([1.0, 2.0], np.array([1.0, 2.0])):
        with pytest.raises(
            ck.WrongTypeError,
            match=r"^currency: .*, got \['USD', \['USD'\]\]: list \['USD'\] in row 1$",
        ):
            convert_array(amounts, currency=["USD", ["USD"]], period="year", when="2010",
                          to_currency="INR")  # fmt: skip
        # A type the part cannot hold is the column's error, not a row's: coerce does not hide it.
        with pytest.raises(ck.WrongTypeError, match=r"list \['USD'\] in row 1$"):
            convert_array(amounts, currency=["USD", ["USD"]], period="year", when="2010",
                          to_currency="INR", errors="coerce")  # fmt: skip


def test_the_unit_to_is_read_one_way() -> None:
    df = pd.DataFrame({"pay": [1.0]})
    arguments = {"amount": "pay", "currency": "USD", "period": "hour", "when": 2010}
    assert df.careerkit.convert(**arguments, to="month").name == "pay (month)"
    with pytest.raises(
        ck.ValidationError, match=r"^to: in 'INR/fortnight': unknown period 'fortnight'"
    ):
        df.careerkit.convert(**arguments, to="INR/fortnight")
    with pytest.raises(
        ck.UnknownCurrencyError, match=r"^to: in 'month/INR': unknown currency 'month'"
    ):
        df.careerkit.convert(**arguments, to="month/INR")


def test_parse_options_are_checked_once_not_per_row() -> None:
    texts = pd.Series(["3 LPA", "$14.36/hr"])
    with pytest.raises(ck.UnknownCurrencyError, match=r"^currency: unknown currency 'usd'"):
        texts.careerkit.parse(errors="coerce", currency="usd")
    with pytest.raises(ck.ValidationError, match=r"^period: unknown period 'fortnight'"):
        texts.careerkit.parse(errors="coerce", period="fortnight")
    with pytest.raises(ck.UnknownLocaleError, match="unknown locale 'xx_YY'"):
        pl.Series(["3 LPA"]).careerkit.parse(locale="xx_YY")


# --- one spec of the arguments, for every front end ------------------------------------------


def _front_ends() -> list[tuple[str, Any, tuple[Any, ...]]]:
    import careerkit.dask
    from careerkit import _tables

    frame = careerkit.pandas.CareerkitFrameAccessor
    series = careerkit.pandas.CareerkitSeriesAccessor
    polars_frame = careerkit.polars.CareerkitFrameNamespace
    polars_series = careerkit.polars.CareerkitSeriesNamespace
    return [
        ("pandas convert", frame.convert, _tables.CONVERT),
        ("pandas failures", frame.failures, _tables.FAILURES),
        ("pandas parse", series.parse, _tables.PARSE),
        ("polars convert", polars_frame.convert, _tables.CONVERT),
        ("polars failures", polars_frame.failures, _tables.FAILURES),
        ("polars parse", polars_series.parse, _tables.PARSE),
        ("dask convert", careerkit.dask.convert, _tables.CONVERT),
        ("dask failures", careerkit.dask.failures, _tables.FAILURES),
        ("dask parse", careerkit.dask.parse, _tables.PARSE),
    ]


@pytest.mark.parametrize(("function", "spec"), [case[1:] for case in _front_ends()],
                         ids=[case[0] for case in _front_ends()])  # fmt: skip
def test_every_front_end_takes_and_documents_the_one_spec(function: Any, spec: Any) -> None:
    import inspect

    keywords = [
        (parameter.name, parameter.default)
        for parameter in inspect.signature(function).parameters.values()
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY
    ]
    assert keywords == [(argument.name, argument.default) for argument in spec]
    for argument in spec:
        assert f"\n:param {argument.name}: {argument.means}\n" in function.__doc__


def test_a_front_end_that_strays_from_the_spec_is_refused_when_defined() -> None:
    from careerkit import _tables

    def wrong_default(*, errors: str = "coerce", currency: None = None, period: None = None,
                      locale: None = None) -> None: ...  # fmt: skip

    def one_missing(*, errors: str = "raise", currency: None = None,
                    period: None = None) -> None: ...  # fmt: skip

    def out_of_order(*, currency: None = None, errors: str = "raise", period: None = None,
                     locale: None = None) -> None: ...  # fmt: skip

    for function in (wrong_default, one_missing, out_of_order):
        with pytest.raises(TypeError, match=rf"{function.__name__} takes \[.*\], not the table"):
            _tables.takes(_tables.PARSE)(function)
