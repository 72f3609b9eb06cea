"""What every table front end refuses, and how: convert_array, pandas, polars and Dask.

One check serves them all (careerkit.pay._kinds.check_kind and its callers): amounts
are numbers (never bool or text), each part's column holds what that part can be,
and a value of a type the part cannot hold is refused naming its column and row.
Dask's own refusals (across partitions, at call time from the frame's meta) are in
test_dask.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import dask.dataframe as dd
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit as ck
import careerkit.dask
import careerkit.pandas
import careerkit.polars
from careerkit import Pay, convert_array

TO_MONTH = {"currency": "USD", "period": "year", "when": "2020", "to_period": "month"}
FRAME_TO_MONTH = {"currency": "USD", "period": "year", "when": "2020", "to": "month"}
NUMBERS = "numbers"
CURRENCIES = "ISO 4217 codes as text or categorical, such as 'INR'"
PERIODS = "period names as text or categorical ('hour', 'day', 'week', 'month', 'year')"
COUNTRIES = "ISO 3166-1 alpha-2 codes as text or categorical, such as 'DE'"
DATES = "dates (text such as '2008-05', integer years, datetime64, Date, Datetime, Timestamp or Period)"  # fmt: skip
TAKES = {"amount": NUMBERS, "currency": CURRENCIES, "period": PERIODS, "country": COUNTRIES,
         "when": DATES}  # fmt: skip


def a_year_in_months(amount: float) -> float:
    return float(Pay(Decimal(repr(amount)), "USD", "year", when="2020").per("month").exact)


def as_floats(amounts: list[float]) -> list[float]:
    """What convert_array makes of *amounts* given as plain floats."""
    return convert_array(amounts, **TO_MONTH).tolist()  # type: ignore[arg-type]


# --- amounts are numbers: bool and text are refused, everywhere -----------------------------


ARRAY_AMOUNTS = [
    ("bool in a list", [True, 1.0], "amounts: expected an array of numbers, got [True, 1.0]: bool True in row 0"),
    ("numpy bool", np.array([True, False]), "amounts: expected an array of numbers, got bool values"),
    ("numpy bool in objects", np.array([1.0, np.True_], dtype=object), "got bool True in row 1"),
    ("numeric text", ["10", "1e3"], "got ['10', '1e3']: str '10' in row 0"),
    ("'nan' is text, not missing", ["nan", 1.0], "got ['nan', 1.0]: str 'nan' in row 0"),
    ("numpy text", np.array(["10", "20"]), "amounts: expected an array of numbers, got str values"),
    ("text after numbers", [1.0, 2.0, "3"], "str '3' in row 2"),
    ("a date", [1.0, dt.date(2020, 1, 1)], "date datetime.date(2020, 1, 1) in row 1"),
    ("complex", np.array([1 + 2j]), "got complex128 values"),
    ("numpy durations", np.array([1, 2], dtype="timedelta64[D]"), "got timedelta64[D] values"),
    ("a pandas bool Series", pd.Series([True, False]), "got bool values"),
    ("a pandas text Series", pd.Series(["1", "2"]), "got str values"),
    ("a polars bool Series", pl.Series([True, False]), "got bool values"),
    ("a polars text Series", pl.Series(["1", "2"]), "got str values"),
]  # fmt: skip


@pytest.mark.parametrize(("amounts", "fragment"), [case[1:] for case in ARRAY_AMOUNTS],
                         ids=[case[0] for case in ARRAY_AMOUNTS])  # fmt: skip
def test_convert_array_amounts_are_numbers(amounts: Any, fragment: str) -> None:
    with pytest.raises(ck.WrongTypeError) as caught:
        convert_array(amounts, **TO_MONTH)  # type: ignore[arg-type]
    assert fragment in str(caught.value)
    assert caught.value.field == "amounts"


PANDAS_AMOUNTS = [
    ("str", pd.Series(["10", "20"]), "got column 'pay': str values"),
    ("string", pd.Series(["10", "20"], dtype="string"), "got column 'pay': string values"),
    ("bool", pd.Series([True, False]), "got column 'pay': bool values"),
    ("boolean", pd.Series([True, None], dtype="boolean"), "got column 'pay': boolean values"),
    ("object text", pd.Series([10.0, "20"], dtype=object), "got column 'pay': str '20' in row 1, index 'b'"),
    ("object bool", pd.Series([1.0, True], dtype=object), "got column 'pay': bool True in row 1, index 'b'"),
    ("object list", pd.Series([[1.0], 2.0], dtype=object), "got column 'pay': list [1.0] in row 0, index 'a'"),
    ("category of text", pd.Series(["10", "20"], dtype="category"), "category"),
    ("arrow text", pd.Series(["10", "20"], dtype=pd.ArrowDtype(pa.string())), "string[pyarrow] values"),
    ("timedelta", pd.to_timedelta(pd.Series([1, 2]), unit="D"), "timedelta64["),
    ("interval", pd.Series(pd.arrays.IntervalArray.from_breaks([0, 1, 2])), "interval[int64, right] values"),
]  # fmt: skip


@pytest.mark.parametrize(("column", "fragment"), [case[1:] for case in PANDAS_AMOUNTS],
                         ids=[case[0] for case in PANDAS_AMOUNTS])  # fmt: skip
def test_pandas_amounts_are_numbers(column: pd.Series, fragment: str) -> None:
    frame = pd.DataFrame({"pay": column.to_numpy() if column.dtype == object else column})
    frame.index = ["a", "b"]
    with pytest.raises(ck.WrongTypeError) as caught:
        frame.careerkit.convert(amount="pay", **FRAME_TO_MONTH)
    message = str(caught.value)
    assert message.startswith("amount: expected a column of numbers, got column 'pay'")
    assert fragment in message
    with pytest.raises(ck.WrongTypeError):  # errors="coerce" is for rows, not for a column
        frame.careerkit.convert(amount="pay", **FRAME_TO_MONTH, errors="coerce")


POLARS_AMOUNTS = [
    ("String", pl.Series(["10", "1e3"]), "String values"),
    ("Boolean", pl.Series([True, False]), "Boolean values"),
    ("Categorical", pl.Series(["10", "20"], dtype=pl.Categorical), "Categorical values"),
]  # fmt: skip


@pytest.mark.parametrize(("column", "fragment"), [case[1:] for case in POLARS_AMOUNTS],
                         ids=[case[0] for case in POLARS_AMOUNTS])  # fmt: skip
def test_polars_amounts_are_numbers(column: pl.Series, fragment: str) -> None:
    frame = pl.DataFrame({"pay": column})
    with pytest.raises(ck.WrongTypeError) as caught:
        frame.careerkit.convert(amount="pay", **FRAME_TO_MONTH)
    assert (
        str(caught.value) == f"amount: expected a column of numbers, got column 'pay': {fragment}"
    )


MISSING = [
    ("list", [None, float("nan"), pd.NA, 12.0]),
    ("object array", np.array([None, np.nan, pd.NA, 12.0], dtype=object)),
    ("pandas object", pd.Series([None, np.nan, pd.NA, 12.0], dtype=object)),
    ("pandas Float64", pd.Series([None, np.nan, pd.NA, 12.0], dtype="Float64")),
    ("pandas Int64", pd.Series([None, None, pd.NA, 12], dtype="Int64")),
    ("polars", pl.Series([None, None, None, 12.0])),
]


@pytest.mark.parametrize("amounts", [case[1] for case in MISSING], ids=[c[0] for c in MISSING])
def test_missing_amounts_stay_missing(amounts: Any) -> None:
    result = convert_array(amounts, **TO_MONTH)  # type: ignore[arg-type]
    assert np.isnan(result[:3]).all() and result[3] == 1.0


def test_polars_null_amounts_stay_missing() -> None:
    frame = pl.DataFrame({"pay": pl.Series([None, 12.0]), "none": pl.Series([None, None])})
    assert frame.careerkit.convert(amount="pay", **FRAME_TO_MONTH).to_list() == [None, 1.0]
    assert frame.careerkit.convert(amount="none", **FRAME_TO_MONTH).to_list() == [None, None]


@pytest.mark.parametrize(
    "amounts",
    [[Decimal("1234.5"), 99], [Fraction(2469, 2), np.int64(99)], np.array([1234.5, 99], dtype=object),
     pd.Series([1234.5, 99], dtype=object), np.array([1234.5, 99], dtype=np.float32)],
    ids=["Decimal and int", "Fraction and numpy int", "object array", "pandas object", "float32"],
)  # fmt: skip
def test_numbers_of_any_type_are_amounts(amounts: Any) -> None:
    result = convert_array(amounts, **TO_MONTH)  # type: ignore[arg-type]
    assert result.tolist() == as_floats([1234.5, 99.0])
    assert result.tolist() == pytest.approx([a_year_in_months(1234.5), 8.25], rel=1e-15)


class Unreadable(np.ndarray):  # type: ignore[type-arg]
    """An array that cannot be read value by value: as numpy's own dtype it is still readable."""

    def __iter__(self) -> Any:
        raise AssertionError("a float64 array is read by its dtype, never value by value")

    def tolist(self) -> Any:
        raise AssertionError("a float64 array is read by its dtype, never value by value")


@pytest.mark.parametrize("dtype", [np.float64, np.int64, np.float32, np.uint8])
def test_a_numeric_array_is_read_by_its_dtype(dtype: Any) -> None:
    amounts = np.array([12.0, 24.0], dtype=dtype).view(Unreadable)
    assert convert_array(amounts, **TO_MONTH).tolist() == [1.0, 2.0]


# --- each part's column holds what that part can be ---------------------------------------


def polars_columns() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "pay": [1.0, 2.0],
            "duration": [dt.timedelta(days=1)] * 2,
            "struct": [{"a": 1}, {"a": 2}],
            "list": [[1], [2]],
            "array": pl.Series([[1, 2], [3, 4]], dtype=pl.Array(pl.Int64, 2)),
            "object": pl.Series([object(), object()], dtype=pl.Object),
            "binary": [b"USD", b"INR"],
            "time": [dt.time(1), dt.time(2)],
            "bool": [True, False],
        }
    )


POLARS_ODD = {
    "duration": "Duration(time_unit='us') values",
    "struct": "Struct({'a': Int64}) values",
    "list": "List(Int64) values",
    "array": "Array(Int64, shape=(2,)) values",
    "object": "Object values",
    "binary": "Binary values",
    "time": "Time values",
    "bool": "Boolean values",
}
PARTS = ["amount", "currency", "period", "when", "country"]


def pandas_columns() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "pay": [1.0, 2.0],
            "timedelta": pd.to_timedelta([1, 2], unit="D"),
            "interval": pd.arrays.IntervalArray.from_breaks([0, 1, 2]),
            "lists": [["USD"], ["INR"]],
            "dicts": [{"a": 1}, {"a": 2}],
            "bool": [True, False],
            "complex": np.array([1j, 2j]),
            "bytes": np.array([b"USD", b"INR"]),
            "mixed": np.array(["2020", dt.timedelta(days=1)], dtype=object),
        },
        index=["a", "b"],
    )


PANDAS_ODD = {
    "timedelta": "timedelta64[us] values",
    "interval": "interval[int64, right] values",
    "lists": "list ['USD'] in row 0, index 'a'",
    "dicts": "dict {'a': 1} in row 0, index 'a'",
    "bool": "bool values",
    "complex": "complex128 values",
    "bytes": "bytes b'USD' in row 0, index 'a'",  # pandas keeps bytes as objects
    "mixed": "in row",
}


ODD = [("polars", column, problem) for column, problem in POLARS_ODD.items()] + [
    ("pandas", column, problem) for column, problem in PANDAS_ODD.items()
]


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize(("library", "column", "problem"), ODD,
                         ids=[f"{library}-{column}" for library, column, _ in ODD])  # fmt: skip
def test_odd_columns_are_refused_for_every_part(part: str, library: str, column: str,
                                                problem: str) -> None:  # fmt: skip
    frame: Any = polars_columns() if library == "polars" else pandas_columns()
    arguments = {"amount": "pay", "currency": "USD", "period": "year", "when": "2020", "to": "INR"}
    arguments[part] = column
    for call in (frame.careerkit.convert, frame.careerkit.failures):
        with pytest.raises(ck.WrongTypeError) as caught:
            call(**arguments)  # a column's type is refused whatever errors= says
        message = str(caught.value)
        assert message.startswith(
            f"{part}: expected a column of {TAKES[part]}, got column {column!r}: "
        )
        assert problem in message


def test_a_mixed_column_names_its_first_wrong_value() -> None:
    frame = pd.DataFrame({"pay": [1.0, 2.0, 3.0], "cur": pd.Series(["USD", "INR", 356], dtype=object),
                          "when": pd.Series([2010, "2011", dt.timedelta(1)], dtype=object)})  # fmt: skip
    with pytest.raises(
        ck.WrongTypeError, match=r"^currency: .* got column 'cur': int 356 in row 2$"
    ):
        frame.careerkit.convert(amount="pay", currency="cur", period="year", when=2010, to="INR")
    with pytest.raises(
        ck.WrongTypeError, match=r"^when: .*got column 'when': timedelta .* in row 2$"
    ):
        frame.careerkit.convert(amount="pay", currency="USD", period="year", when="when", to="INR")
    # A value the type allows but the part does not know is its row's error: coerce makes it NaN.
    frame["cur"] = ["USD", "usd", "INR"]
    coerced = frame.careerkit.convert(amount="pay", currency="cur", period="year", when=2010,
                                      to="INR", errors="coerce")  # fmt: skip
    assert coerced.isna().tolist() == [False, True, False]


@pytest.mark.parametrize("wrap", [list, lambda items: np.array(items, dtype=object),
                                  lambda items: pd.Series(items, dtype=object)])  # fmt: skip
def test_equal_values_of_different_types_are_read_apart(
    wrap: Callable[[list[object]], Any],
) -> None:
    # A hash table takes 1 and True, or numpy's year 2010 and month 2010-01, as one value:
    # each row must be read (or refused) as itself, whichever comes first.
    year, month = np.datetime64("2010"), np.datetime64("2010-01")
    eur = {"currency": "USD", "period": "year", "to_currency": "EUR"}
    by_year = convert_array([1.0], when=[year], **eur)[0]
    by_month = convert_array([1.0], when=[month], **eur)[0]
    assert by_year != by_month
    for items, expected in (([year, month], [by_year, by_month]),
                            ([month, year], [by_month, by_year])):  # fmt: skip
        assert convert_array([1.0, 1.0], when=wrap(items), **eur).tolist() == expected
    for items, row in (([2010, True], 1), ([True, 2010], 0), ([1, True], 1)):
        with pytest.raises(ck.WrongTypeError, match=rf"bool True in row {row}$"):
            convert_array([1.0, 1.0], when=wrap(items), **eur)


def test_a_column_of_nothing_but_missing_values_is_missing() -> None:
    # A CSV's empty country column is read as float64 NaN; polars has Null for it.
    frame = pd.DataFrame({"pay": [12.0, 24.0], "country": [np.nan, np.nan], "cur": [1.0, np.nan]})
    assert frame.careerkit.convert(amount="pay", currency="USD", period="year", when=2020,
                                   country="country", to="month").tolist() == [1.0, 2.0]  # fmt: skip
    nulls = pl.DataFrame({"pay": [12.0, 24.0], "country": pl.Series([None, None])})
    assert nulls.careerkit.convert(amount="pay", currency="USD", period="year", when=2020,
                                   country="country", to="month").to_list() == [1.0, 2.0]  # fmt: skip
    with pytest.raises(ck.WrongTypeError, match=r"got column 'cur': float 1\.0 in row 0"):
        frame.careerkit.convert(amount="pay", currency="cur", period="year", when=2020, to="INR")


@pytest.mark.parametrize(
    ("frame", "fragment"),
    [(pd.Series([14.0, 2.0], name="text"), "got column 'text': float 14.0 in row 0"),
     (pd.Series(["3 LPA", 5], dtype=object), "got int 5 in row 1"),
     (pd.Series([True]), "got bool values"),
     (pl.Series("text", [1, 2]), "got column 'text': int 1 in row 0"),
     (pl.Series("text", [dt.timedelta(1)]), "got column 'text': Duration(time_unit='us') values")],
    ids=["pandas floats", "pandas mixed", "pandas bool", "polars integers", "polars durations"],
)  # fmt: skip
def test_parse_reads_text_columns(frame: Any, fragment: str) -> None:
    with pytest.raises(ck.WrongTypeError) as caught:
        frame.careerkit.parse(errors="coerce")
    assert str(caught.value).startswith("text: expected ")
    assert fragment in str(caught.value)


def test_arrow_dates_are_dates() -> None:
    # pd.read_csv(..., dtype_backend="pyarrow") gives pyarrow dates and timestamps.
    dates = pd.Series([dt.date(2008, 5, 14), None], dtype=pd.ArrowDtype(pa.date32()))
    result = convert_array([100.0, 100.0], currency="USD", period="month", when=dates,
                           to_period="year")  # fmt: skip
    assert result.tolist() == [1200.0, 1200.0]
    to_inr = convert_array(
        [100.0], currency="USD", period="month", when=dates[:1], to_currency="INR"
    )
    assert to_inr[0] == float(Pay(100, "USD", "month", when="2008-05").to_currency("INR").exact)


# --- the one-currency rule names the argument the caller has --------------------------------


@pytest.mark.parametrize(
    ("to", "hint"),
    [(None, "to='INR'"), ("month", "to='INR/month'")],
)
def test_the_one_currency_rule_names_to(to: str | None, hint: str) -> None:
    frame = pd.DataFrame({"pay": [1.0, 2.0], "cur": ["USD", "INR"]})
    for table in (frame, pl.from_pandas(frame)):
        with pytest.raises(ck.ValidationError) as caught:
            table.careerkit.convert(amount="pay", currency="cur", period="year", when="2020", to=to)  # type: ignore[union-attr]
        assert str(caught.value) == (
            f"to: the rows are in more than one currency (INR, USD); give {hint} (or another "
            "currency) to express them all in one"
        )
    frame["per"] = ["hour", "year"]
    with pytest.raises(
        ck.ValidationError, match=r"^to: .* period \(hour, year\); give to='INR/hour'"
    ):
        frame.careerkit.convert(amount="pay", currency="USD", period="per", when="2020", to="INR")


# --- arguments and values are checked once, the same way, by every front end ----------------


def one_row() -> pd.DataFrame:
    return pd.DataFrame({"pay": [1.0], "cur": ["USD"]})


FRONT_ENDS: dict[str, Callable[..., Any]] = {
    "pandas": lambda **arguments: one_row().careerkit.convert(**arguments),
    "polars": lambda **arguments: pl.from_pandas(one_row()).careerkit.convert(**arguments),
    # Dask checks what it can when called, not when computed: nothing is computed here.
    "dask": lambda **arguments: careerkit.dask.convert(dd.from_pandas(one_row()), **arguments),
    "dask failures": lambda **arguments: careerkit.dask.failures(
        dd.from_pandas(one_row()), **{k: v for k, v in arguments.items() if k != "errors"}
    ),
}
BAD_ARGUMENTS = [
    ({"errors": "ignore"}, ck.ValidationError, "errors: errors must be 'raise' or 'coerce', got 'ignore'"),
    ({"currency": "inr"}, ck.UnknownCurrencyError, "currency: unknown currency 'inr'"),
    ({"currency": "curr"}, ck.UnknownCurrencyError, "('curr' is not a column of the frame either: its columns are pay, cur)"),
    ({"when": "2010-13"}, ck.ValidationError, "when: cannot read '2010-13' as a date"),
    ({"period": "fortnight"}, ck.ValidationError, "period: unknown period 'fortnight'"),
    ({"country": "de"}, ck.ValidationError, "country: unknown country 'de'"),
    ({"amount": "wage"}, ck.ValidationError, "amount='wage' is not a column of the frame (its columns: pay, cur)"),
    ({"to": "RUPEE/month"}, ck.UnknownCurrencyError, "to: in 'RUPEE/month': unknown currency"),
    ({"prices_of": "2024-13"}, ck.ValidationError, "cannot read '2024-13' as a date"),
    ({"schedule": 40}, ck.WrongTypeError, "schedule: expected a WorkSchedule"),
]  # fmt: skip


@pytest.mark.parametrize("front_end", list(FRONT_ENDS))
@pytest.mark.parametrize(("change", "error", "fragment"), BAD_ARGUMENTS,
                         ids=[next(iter(case[0])) + "=" + repr(next(iter(case[0].values())))
                              for case in BAD_ARGUMENTS])  # fmt: skip
def test_front_ends_refuse_arguments_alike(front_end: str, change: dict[str, object],
                                           error: type[Exception], fragment: str) -> None:  # fmt: skip
    if front_end == "dask failures" and "errors" in change:
        return  # failures takes no errors=
    arguments = {"amount": "pay", "currency": "cur", "period": "year", "when": "2020",
                 "to": "INR"} | change  # fmt: skip
    with pytest.raises(error) as caught:
        FRONT_ENDS[front_end](**arguments)
    assert fragment in str(caught.value)


# --- properties ----------------------------------------------------------------------------

ITEMS = st.one_of(
    st.floats(0, 1e6, allow_subnormal=False),
    st.integers(0, 10**6),
    st.none(),
    st.just(float("nan")),
    st.booleans(),
    st.text(max_size=4),
    st.builds(np.bool_, st.booleans()),
)


@given(st.lists(ITEMS, min_size=1, max_size=12))
def test_an_amount_is_refused_exactly_when_it_is_not_a_number(items: list[object]) -> None:
    wrong = [row for row, item in enumerate(items) if isinstance(item, bool | str | np.bool_)]
    if wrong:
        with pytest.raises(ck.WrongTypeError, match=rf"in row {wrong[0]}$"):
            convert_array(items, **TO_MONTH)  # type: ignore[arg-type]
        return
    result = convert_array(items, **TO_MONTH)  # type: ignore[arg-type]
    floats = [np.nan if item is None else float(item) for item in items]  # type: ignore[arg-type]
    np.testing.assert_array_equal(result, as_floats(floats))
    for amount, value in zip(floats, result.tolist(), strict=True):
        if amount == amount:
            assert value == pytest.approx(a_year_in_months(amount), rel=1e-12)


def test_two_columns_of_one_name_are_refused() -> None:
    frame = pd.DataFrame([[1.0, "USD", "INR"]], columns=["pay", "cur", "cur"])
    with pytest.raises(ck.ValidationError, match="the frame has more than one column named 'cur'"):
        frame.careerkit.convert(amount="pay", currency="cur", period="year", when=2020, to="INR")
