"""The fast paths of a conversion give what the slow paths give: the same numbers, the same errors.

``Pay(x, ...)`` reads a float without a ``Decimal`` where it can (``_checks.float_ratio``),
``to_amount`` reads a float in range without its checks, and a conversion made before is
found by value (``to_currency`` at the figure's own date, ``in_prices_of`` into a date
given as text). Each is checked here against the path it skips, run by careerkit itself:
a float subclass takes the general path, an explicit date or a ``ReferenceDate`` takes the
rate functions, and emptying the caches takes every check again. The first conversion in
a fresh process reads neither pathlib nor platformdirs where the platform's rule is plain,
and the platform's data directory is still platformdirs' answer.
"""

from __future__ import annotations

import csv
import io
import math
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Pay, ReferenceDate, data
from careerkit.data import _directory, _shipped
from careerkit.model import _checks
from careerkit.pay import _fx, _prices, _units

EXAMPLES = [
    0.0, -0.0, 5e-324, 2.2250738585072014e-308, 1e-05, 0.1, 0.29, 1.005, 14.36, 54321.37,
    123456789.12, 2.0**43 - 2.0**-10, 2.0**43, 2.0**43 + 0.01, 1e15, math.nextafter(1e15, 2e15),
    1e16, 1.7976931348623157e308, -1.5, -1e15, math.nan, math.inf, -math.inf,
]  # fmt: skip


class Float(float):
    """A float that careerkit reads by the general path (the fast paths take ``float`` only)."""


def outcome(make: Any) -> tuple[str, object]:
    """What *make* gives: ``("value", result)`` or ``("error", type and message)``."""
    try:
        return "value", make()
    except Exception as error:  # the comparison is the test: any error, as raised
        return "error", (type(error), str(error), getattr(error, "field", None))


def forget() -> None:
    """Empty every cache of the fast paths, so that the next call checks everything again."""
    _checks._RATIOS.clear()
    _units._DATES.clear()
    _fx.WARM.clear()
    _prices.WARM.clear()
    from careerkit.pay import _pay

    _pay._CHECKED.clear()
    _pay._CHECKED.add(ck.INTERNATIONAL_DOLLAR)


all_floats = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, allow_subnormal=True),
    st.integers(0, 100 * 2**43).map(lambda cents: cents / 100),  # the arithmetic path
    st.integers(0, 100 * 2**43).map(lambda cents: math.nextafter(cents / 100, math.inf)),
    st.floats(0, 2.0**43, allow_subnormal=True),
    st.floats(-1e16, 1e16),
    st.sampled_from(EXAMPLES),
)


# --- a float read as an amount ---------------------------------------------------------------


@given(all_floats)
@example(-0.0)
@example(5e-324)
def test_to_amount_of_a_float_is_what_the_general_path_gives(value: float) -> None:
    fast, slow = (
        outcome(lambda: _checks.to_amount(value, "x")),
        outcome(lambda: _checks.to_amount(Float(value), "x")),
    )
    assert fast[0] == slow[0]
    if fast[0] == "value":
        assert isinstance(fast[1], Decimal) and isinstance(slow[1], Decimal)
        assert fast[1].as_tuple() == slow[1].as_tuple()  # sign, digits and exponent
        assert fast[1].as_tuple() == Decimal(repr(value)).as_tuple()  # its shortest repr
    else:
        assert fast == slow


@given(all_floats)
def test_float_ratio_is_the_ratio_of_the_shortest_repr(value: float) -> None:
    expected = outcome(lambda: _checks.to_amount(Float(value), "x").as_integer_ratio())
    _checks._RATIOS.clear()
    assert outcome(lambda: _checks.float_ratio(value, "x")) == expected  # computed
    assert outcome(lambda: _checks.float_ratio(value, "x")) == expected  # then kept
    if expected[0] == "value" and math.isfinite(value) and 0 <= value <= 1e15:
        assert expected[1] == Decimal(repr(value)).as_integer_ratio()


@pytest.mark.parametrize("value", EXAMPLES, ids=repr)
def test_float_ratio_at_the_edges(value: float) -> None:
    expected = outcome(lambda: _checks.to_amount(Float(value), "x").as_integer_ratio())
    assert outcome(lambda: _checks.float_ratio(value, "x")) == expected


def test_the_float_cache_stays_bounded_and_keeps_no_refusal() -> None:
    for cents in range(3 * _checks._MAX_RATIOS):
        _checks.float_ratio(cents / 100 + 0.001)
    assert len(_checks._RATIOS) <= _checks._MAX_RATIOS
    for refused in (-1.5, math.nan, math.inf, 1e16):
        with pytest.raises(ck.ValidationError):
            Pay(refused, "USD", "year")
        assert refused not in _checks._RATIOS


# --- a Pay made from a float -----------------------------------------------------------------


def state(pay: Pay) -> tuple[Any, ...]:
    return pay._state


@given(all_floats)
def test_pay_of_a_float_is_what_the_general_path_gives(value: float) -> None:
    fast = outcome(lambda: state(Pay(value, "USD", "year", when="2015-07")))
    slow = outcome(lambda: state(Pay(Float(value), "USD", "year", when="2015-07")))
    assert fast == slow
    assert outcome(lambda: state(Pay(value, "USD", "year", when="2015-07"))) == fast  # cached


class Twin:
    """Not text, but equal to a text and hashed as it: refused where the text is taken."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return other == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"Twin({self.text!r})"


WRONG = [
    (1.5, Twin("USD"), "year", "2015-07"),
    (1.5, "USD", "year", Twin("2015-07")),
    (1.5, ["USD"], "year", "2015-07"),
    (1.5, "usd", "year", "2015-07"),
    (1.5, "XYZ", "year", "2015-07"),
    (1.5, "USD", ["year"], "2015-07"),
    (1.5, "USD", "yearly", "2015-07"),
    (1.5, "USD", "year", ["2015-07"]),
    (1.5, "USD", "year", "2015-13"),
    (1.5, "USD", "year", 2015.0),
    (-1.5, "USD", "year", "2015-07"),
    (math.nan, "USD", "year", "2015-07"),
    (True, "USD", "year", "2015-07"),
    (1.5, "Int$", "year", "2015-07"),
    (1.5, "PHP", "hour", None),
]


@pytest.mark.parametrize("args", WRONG, ids=repr)
def test_pay_refuses_and_accepts_as_with_no_cache(args: tuple[Any, ...]) -> None:
    amount, currency, period, when = args

    def make() -> tuple[Any, ...]:
        return state(Pay(amount, currency, period, when=when))

    Pay(1.5, "USD", "year", when="2015-07")  # warm: the common parts are cached
    warm = outcome(make)
    forget()
    assert outcome(make) == warm


# --- conversions made before -----------------------------------------------------------------

CODES = ["USD", "EUR", "INR", "JPY", "GBP", "CAD", "CHF"]
dates = st.builds(
    lambda year, month, day: f"{year}" if month is None else f"{year}-{month:02d}{day}",
    st.integers(2001, 2024),
    st.none() | st.integers(1, 12),
    st.sampled_from(["", "-01", "-15", "-28"]),
)


@given(
    st.floats(0, 1e9) | st.decimals(0, 10**9, places=3).map(str),
    st.sampled_from(CODES),
    st.sampled_from(CODES),
    dates,
)
def test_to_currency_made_before_is_what_the_rates_give(
    amount: float | str, source: str, target: str, when: str
) -> None:
    pay = Pay(amount, source, "month", when=when)
    first = outcome(lambda: state(pay.to_currency(target)))
    again = outcome(lambda: state(pay.to_currency(target)))  # found in WARM
    by_rates = outcome(lambda: state(pay.to_currency(target, when=pay.when)))  # fx, fx_on_day
    assert first == again == by_rates
    if first[0] == "value":
        assert pay.to_currency(target).explain() == pay.to_currency(target, when=when).explain()


def test_a_conversion_made_before_is_refused_where_it_was() -> None:
    pay = Pay(100, "USD", "year", when="2015-07")
    pay.to_currency("EUR")
    for code, error in (
        (["EUR"], ck.WrongTypeError),
        (Twin("EUR"), ck.WrongTypeError),
        ("eur", ck.UnknownCurrencyError),
        ("XYZ", ck.UnknownCurrencyError),
    ):
        with pytest.raises(error):
            pay.to_currency(code)  # type: ignore[arg-type]
    assert Pay(1, "INR", "year", when="2015-07").to_currency("INR") == Pay(
        1, "INR", "year", when="2015-07"
    )
    with pytest.raises(ck.ValidationError, match="international dollars have no exchange rate"):
        Pay(1, "Int$", "year", when="2015").to_currency("EUR")


class Code(str):
    """A currency code careerkit checks by the general path (the fast path takes ``str`` only)."""


def test_a_code_of_a_str_subclass_converts_as_the_code() -> None:
    pay = Pay(100, "USD", "year", when="2015-07")
    assert state(pay.to_currency(Code("EUR"))) == state(pay.to_currency("EUR"))


@given(
    st.integers(0, 10**7) | st.floats(0, 1e7),
    st.sampled_from(["USD", "EUR", "INR", "JPY"]),
    dates,
    st.sampled_from(["2010", "2020-05", "2024", "2019-03-15"]),
)
def test_in_prices_of_made_before_is_what_the_indices_give(
    amount: float, currency: str, when: str, into: str
) -> None:
    pay = Pay(amount, currency, "year", when=when)
    first = outcome(lambda: state(pay.in_prices_of(into)))
    again = outcome(lambda: state(pay.in_prices_of(into)))  # found in WARM
    by_index = outcome(lambda: state(pay.in_prices_of(ReferenceDate.parse(into))))
    assert first == again == by_index


def test_a_change_of_the_data_in_use_reaches_a_conversion_made_before(
    data_folder: Path, tmp_path: Path
) -> None:
    month = (2025, 6)
    rate = data.fx_monthly()["INR"][month]
    pay = Pay(1, "USD", "month", when="2025-06")
    before = pay.to_currency("INR")
    assert pay.to_currency("INR") == before
    assert {file.name for file in before.provenance[0].data} == {"fx-usd-monthly.csv"}
    path = tmp_path / "exinus.csv"
    path.write_text(f"observation_date,EXINUS\n2025-06-01,{rate}\n", encoding="utf-8")
    data.update("fx-monthly", path)
    after = pay.to_currency("INR")  # the same rate, now from the update: and cited so
    assert after.exact == before.exact
    assert {file.name for file in after.provenance[0].data} == {"exinus.csv"}


def test_a_change_of_the_data_in_use_reaches_prices_moved_before(
    data_folder: Path, tmp_path: Path
) -> None:
    cpi = data.us_cpi()
    pay = Pay(1, "USD", "month", when="2024-05")
    before = pay.in_prices_of("2024-06")
    assert state(pay.in_prices_of("2024-06")) == state(before)
    assert {file.name for file in before.provenance[0].data} == {"us-cpi-u-monthly.csv"}
    path = tmp_path / "cpiaucns.csv"
    path.write_text(
        f"observation_date,CPIAUCNS\n2024-05-01,{cpi[2024, 5]}\n2024-06-01,{cpi[2024, 6]}\n",
        encoding="utf-8",
    )
    data.update("cpi", path)
    after = pay.in_prices_of("2024-06")  # the same indices, now from the update: and cited so
    assert after.exact == before.exact
    assert {file.name for file in after.provenance[0].data} == {"cpiaucns.csv"}


def test_the_warm_tables_stay_bounded() -> None:
    pay = Pay(1, "USD", "month", when="2015-07")
    for day in range(1, 29):
        for month in range(1, 13):
            for year in range(2001, 2016):
                Pay(1, "USD", "month", when=f"{year}-{month:02d}-{day:02d}").to_currency("EUR")
    assert len(_fx.WARM) <= _fx._MAX_WARM
    assert state(pay.to_currency("EUR")) == state(pay.to_currency("EUR", when="2015-07"))


def test_a_day_and_its_month_are_told_apart() -> None:
    day, month = Pay(1, "USD", "month", when="2015-07-15"), Pay(1, "USD", "month", when="2015-07")
    for pay in (day, month, day, month):
        assert state(pay.to_currency("EUR")) == state(pay.to_currency("EUR", when=pay.when))
    assert "2015-07-15 falls in the month 2015-07" in str(day.to_currency("EUR").explain())
    assert "falls in the month" not in month.to_currency("EUR").explain()


# --- the first conversion of a fresh process ---------------------------------------------------


def test_each_currencys_rows_read_from_bytes_are_the_files() -> None:
    text = (Path(_shipped.__file__).with_name("fx-usd-monthly.csv")).read_text(encoding="utf-8")
    expected: dict[str, dict[tuple[int, int], Decimal]] = {}
    for date, country, rate in list(csv.reader(io.StringIO(text)))[1:]:
        code = data.FX_SERIES.get(country)
        if code is not None:
            expected.setdefault(code, {})[int(date[:4]), int(date[5:7])] = Decimal(rate)
    rates = _shipped._MonthlyRates()
    assert sorted(rates) == sorted(expected)
    for code, values in expected.items():
        assert dict(rates[code]) == values
        assert all(str(rates[code][month]) == str(value) for month, value in values.items())


ENVIRONMENTS = [
    {},
    {"XDG_DATA_HOME": "/srv/xdg"},
    {"XDG_DATA_HOME": "/srv/xdg/"},
    {"XDG_DATA_HOME": ""},
    {"XDG_DATA_HOME": "   "},
    {"XDG_DATA_HOME": "relative/xdg"},
    {"HOME": "/home/somebody"},
    {"HOME": "/home/somebody/"},
    {"HOME": "/"},
    {"HOME": "relative-home"},
    {"HOME": "/home/somebody", "XDG_DATA_HOME": "/srv/xdg"},
    {"ANDROID_DATA": "/data", "ANDROID_ROOT": "/system", "HOME": "/home/somebody"},
]


@pytest.mark.parametrize("environment", ENVIRONMENTS, ids=repr)
def test_the_platform_directory_is_platformdirs_answer(
    environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    for name in ("XDG_DATA_HOME", "ANDROID_DATA", "ANDROID_ROOT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    expected = outcome(lambda: platformdirs.user_data_dir("careerkit", appauthor=False))
    assert outcome(_directory._platform_directory) == expected


def test_an_update_in_the_platform_directory_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(data.ENVIRONMENT, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert _directory._installed_in("cpi") is None
    (tmp_path / "careerkit" / "cpi").mkdir(parents=True)
    assert _directory._installed_in("cpi") is None
    (tmp_path / "careerkit" / "cpi" / "manifest.json").write_text("{}", encoding="utf-8")
    assert _directory._installed_in("cpi") == tmp_path / "careerkit"
    assert data.directory() == tmp_path / "careerkit"
    (tmp_path / "careerkit" / "fx-monthly").write_text("a file, not a folder", encoding="utf-8")
    assert _directory._installed_in("fx-monthly") is None  # NotADirectoryError: none there


def test_a_first_conversion_reads_no_pathlib_platformdirs_or_other_pay_module() -> None:
    code = (
        "import sys, careerkit\n"
        "pay = careerkit.Pay(54321.37, 'USD', 'year', when='2015-07').to_currency('EUR')\n"
        "print(pay.amount)\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pathlib', 'platformdirs', 'csv') or m.startswith('careerkit.pay.'))))\n"
    )
    environment = {
        key: value for key, value in os.environ.items() if key not in ("CAREERKIT_DATA_DIR",)
    }
    environment.update(HOME="/nonexistent-home", XDG_DATA_HOME="")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment
    )
    amount, modules = result.stdout.splitlines()
    assert Decimal(amount) == Pay(54321.37, "USD", "year", when="2015-07").to_currency("EUR").amount
    loaded = set(modules.split())
    if sys.platform == "linux":
        assert not loaded & {"pathlib", "platformdirs", "csv"}
    others = {"_bands", "_vector", "_history", "_growth", "_position"}
    assert not loaded & {f"careerkit.pay.{name}" for name in others}


def test_every_name_of_the_pay_package_is_there() -> None:
    import careerkit.pay

    for name in careerkit.pay.__all__:
        value = getattr(careerkit.pay, name)
        assert getattr(ck, name, value) is value  # careerkit's name, where it has one, is this
    assert set(careerkit.pay.__all__) <= set(dir(careerkit.pay))
    with pytest.raises(AttributeError, match="has no attribute 'Salary'"):
        careerkit.pay.Salary  # noqa: B018
