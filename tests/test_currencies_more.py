"""More currencies: the ECB's euro reference rates and the World Bank's official exchange rate.

careerkit/pay/_fx.py (the order of sources), careerkit/data/_formats/_ecb.py and
_worldbank_fx.py (reading the publishers' files), the shipped compact files. Known values
from the sources first (issue 27, part 9), then what the rule does, then properties.
"""

from __future__ import annotations

import csv
import hashlib
import re
import zipfile
from collections.abc import Callable
from decimal import ROUND_HALF_EVEN, Context, Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Pay, data
from careerkit.data._formats import read
from careerkit.data._formats._ecb import days
from careerkit.data._formats._file import _open
from careerkit.pay.provenance import ExchangeRateStep

ROOT = Path(__file__).resolve().parent.parent
ECB_SAMPLE = ROOT / "tests" / "data" / "ecb-sample.csv"
"""The ECB's eurofxref-hist.csv rows of January 1999, 2024 and October 2026, as published."""
WB_SAMPLE = ROOT / "tests" / "data" / "worldbank-fcrf-sample.csv"
"""The World Bank's PA.NUS.FCRF CSV: its preamble and 24 economies' rows, as published."""
OFFICIAL = {
    "eurofxref-hist.zip": "73db21584dd46cebf5cd6df75ebb6de7afcdeebff52f54d5046ca8e459c0fbb3",
    "API_PA.NUS.FCRF_DS2_en_csv_v2_13510.csv": (
        "87cb36b1f5da2cdf5a885e1342ef6743d2af2ada11a42fdf795e4bb5dff67945"
    ),
}


def _step(pay: Pay) -> ExchangeRateStep:
    (step,) = pay.provenance
    assert isinstance(step, ExchangeRateStep)
    return step


def _sample_rows() -> dict[str, dict[str, str]]:
    """The sample's rows by date, read with the csv module (not careerkit's reader)."""
    with ECB_SAMPLE.open(encoding="utf-8", newline="") as handle:
        return {row["Date"]: row for row in csv.DictReader(handle)}


def _mean_cross(code: str, prefix: str) -> Decimal:
    """The mean of the sample's daily *code* per USD over the dates starting *prefix*, 8 digits."""
    rows = [row for date, row in _sample_rows().items() if date.startswith(prefix)]
    values = [Fraction(row[code]) / Fraction(row["USD"]) for row in rows]
    mean = sum(values, Fraction(0)) / len(values)
    return Context(prec=8, rounding=ROUND_HALF_EVEN).divide(mean.numerator, mean.denominator)


# --- known values from the sources ---------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "code", "per_euro"),
    [
        ("1999-01-04", "USD", "1.1789"),
        ("2024-12-31", "USD", "1.0389"),
        ("2024-12-31", "INR", "88.9335"),
        ("2026-10-30", "USD", "1.1172"),
    ],
)
def test_ecb_daily_reference_rates_as_published(day: str, code: str, per_euro: str) -> None:
    found, last = days(_open("fx-ecb-monthly", ECB_SAMPLE))
    (row,) = [one for one in found if str(one.date) == day]
    assert row.rates[code] == Fraction(per_euro)
    assert str(last) == "2026-10-30"


@pytest.mark.parametrize(
    ("code", "year", "rounded"),
    [("AED", 2023, "3.6725"), ("INR", 2023, "82.5993"), ("JPY", 2023, "140.4911")],
)
def test_world_bank_official_rates_as_published(code: str, year: int, rounded: str) -> None:
    value = data.values("fx-world-bank")[code][year]
    assert value.quantize(Decimal("0.0001")) == Decimal(rounded)
    # the sample of the World Bank's file, read as an update would read it, agrees
    assert read("fx-world-bank", WB_SAMPLE).values[code][year] == value


def test_the_official_files_are_recorded_where_the_tool_checks_them() -> None:
    tool = (ROOT / "tools" / "build_currencies.py").read_text(encoding="utf-8")
    readme = (ROOT / "src" / "careerkit" / "data" / "README.md").read_text(encoding="utf-8")
    for sha256 in OFFICIAL.values():
        assert sha256 in tool and sha256 in readme


@pytest.mark.parametrize("kind", ["fx-ecb-monthly", "fx-ecb-annual", "fx-world-bank"])
def test_each_shipped_file_is_the_one_recorded(kind: str) -> None:
    path = Path(data.__file__).with_name(data.SERIES[kind].file)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == data.SERIES[kind].sha256


# --- the ECB's averages, made as the Fed makes its own ------------------------------------------


def test_shipped_monthly_averages_are_the_means_of_the_business_days() -> None:
    monthly = data.values("fx-ecb-monthly")
    for code, month in [("PHP", (2024, 12)), ("INR", (2024, 12)), ("KRW", (1999, 1))]:
        assert monthly[code][month] == _mean_cross(code, f"{month[0]}-{month[1]:02d}")
    # the euro: the mean of USD per EUR (as the ECB and the Fed quote it), inverted
    usd = [Fraction(row["USD"]) for date, row in _sample_rows().items() if date[:7] == "2024-12"]
    mean = sum(usd, Fraction(0)) / len(usd)
    expected = Context(prec=8).divide(mean.denominator, mean.numerator)
    assert monthly["EUR"][2024, 12] == expected
    assert data.values("fx-ecb-annual")["PHP"][2024] == _mean_cross("PHP", "2024")
    # GBP, AUD, NZD: averaged in US dollars per unit, as the Fed quotes and averages them
    rows = [row for date, row in _sample_rows().items() if date[:7] == "2024-12"]
    dollars = [Fraction(row["USD"]) / Fraction(row["GBP"]) for row in rows]
    mean = sum(dollars, Fraction(0)) / len(dollars)
    assert monthly["GBP"][2024, 12] == Context(prec=8).divide(mean.denominator, mean.numerator)
    assert monthly["GBP"][2024, 12] != _mean_cross("GBP", "2024-12")  # the direction matters


def test_the_sample_read_as_an_update_gives_the_shipped_averages() -> None:
    # every currency, every month the sample holds whole (January 1999, 2024, October 2026)
    monthly = read("fx-ecb-monthly", ECB_SAMPLE).values
    shipped = data.values("fx-ecb-monthly")
    months = {(1999, 1), (2026, 10), *((2024, month) for month in range(1, 13))}
    compared = 0
    for code, series in monthly.items():
        for month in months & set(series):
            assert series[month] == shipped[code][month], (code, month)
            compared += 1
    assert compared > 300
    annual = read("fx-ecb-annual", ECB_SAMPLE).values
    assert all(annual[code][2024] == data.values("fx-ecb-annual")[code][2024] for code in annual)


def test_a_month_the_ecb_did_not_quote_whole_has_no_average() -> None:
    monthly = data.values("fx-ecb-monthly")
    assert (2022, 2) in monthly["RUB"] and (2022, 3) not in monthly["RUB"]  # suspended 2 March
    assert (2008, 11) in monthly["ISK"] and (2010, 6) not in monthly["ISK"]
    assert "BGN" not in monthly and "CYP" not in monthly  # replaced: not ISO 4217 codes in use


@pytest.mark.parametrize(
    ("dropped", "lost"),
    [(lambda day: day < "2024-03-05", (2024, 3)),  # a file cut at its oldest end, in March
     (lambda day: day == "2024-06-12", (2024, 6))],  # a day missing inside June
)  # fmt: skip
def test_a_month_the_file_lacks_a_business_day_of_has_no_average(
    tmp_path: Path, dropped: Callable[[str], bool], lost: tuple[int, int]
) -> None:
    lines = ECB_SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = tmp_path / "eurofxref-hist.csv"
    cut.write_text("".join(line for line in lines if not dropped(line[:10])), encoding="utf-8")
    monthly = read("fx-ecb-monthly", cut).values
    assert lost not in monthly["PHP"]  # not the mean of some of its days
    month_after = (lost[0], lost[1] + 1)
    assert monthly["PHP"][month_after] == data.values("fx-ecb-monthly")["PHP"][month_after]
    with pytest.raises(ck.DataFormatError, match="no whole year of reference rates"):
        read("fx-ecb-annual", cut)  # 2024 was the sample's one whole year


def test_target_days_are_the_days_the_ecb_published() -> None:
    from careerkit.data._formats._ecb import target_days

    listed = set(_sample_rows())
    for month in range(1, 13):
        assert {day.isoformat() for day in target_days(2024, month)} == {
            day for day in listed if day[:7] == f"2024-{month:02d}"
        }


# --- conversions: the Fed first, then the ECB, then the World Bank --------------------------


def test_usd_to_aed_2023_at_the_world_banks_rate() -> None:
    pay = Pay(1000, "USD", "year", when="2023").to_currency("AED")
    assert pay.exact == Fraction("3672.5")
    step = _step(pay)
    assert step.rates == (("AED", Decimal("3.6725")),)
    assert [file.kind for file in step.data] == ["fx-world-bank"]
    assert step.source == "World Bank, World Development Indicators"
    assert "AED: the Fed has no AED series" in str(step.note)
    assert "World Bank's official exchange rate (PA.NUS.FCRF)" in str(step.note)
    assert "(the figure of ARE)" in str(step.note)
    assert "World Bank" in pay.explain()


def test_a_month_gets_the_world_banks_annual_rate_and_says_so() -> None:
    step = _step(Pay(1, "USD", "month", when="2023-05").to_currency("AED"))
    assert step.rates == (("AED", Decimal("3.6725")),) and step.average == "annual"
    assert step.date == "2023"
    assert "AED has only annual rates, so both currencies' 2023 averages are used for 2023-05" in (
        str(step.note)
    )
    # a day: its month's, which is the year's
    assert Pay(1, "USD", "month", when="2023-05-14").to_currency("AED").exact == Fraction("3.6725")


def test_php_by_the_ecbs_cross_rate() -> None:
    pay = Pay(1, "USD", "month", when="2024-12").to_currency("PHP")
    assert pay.exact == Fraction(_mean_cross("PHP", "2024-12"))
    step = _step(pay)
    assert [file.kind for file in step.data] == ["fx-ecb-monthly"]
    assert step.source == "European Central Bank, euro foreign exchange reference rates"
    note = str(step.note)
    assert note.startswith("PHP: the Fed has no PHP series: rate from the ECB's euro reference")
    assert "cross rates through the euro, PHP per EUR divided by the ECB's USD per EUR" in note
    annual = _step(Pay(1, "USD", "year", when="2024").to_currency("PHP"))
    assert annual.rates == (("PHP", _mean_cross("PHP", "2024")),)
    assert [file.kind for file in annual.data] == ["fx-ecb-annual"]


def test_sar_and_ngn_convert() -> None:
    pay = Pay(100, "SAR", "month", when="2022").to_currency("NGN")
    step = _step(pay)
    rates = dict(step.rates)
    world_bank = data.values("fx-world-bank")
    assert rates == {"SAR": world_bank["SAR"][2022], "NGN": world_bank["NGN"][2022]}
    assert pay.exact == 100 * Fraction(rates["NGN"]) / Fraction(rates["SAR"])
    assert "SAR: the Fed has no SAR series" in str(step.note) and "NGN:" in str(step.note)


def test_a_fed_currency_still_uses_the_feds_figure() -> None:
    monthly = _step(Pay(1, "USD", "month", when="2024-12").to_currency("INR"))
    assert monthly.rates == (("INR", data.fx_monthly()["INR"][2024, 12]),)
    assert [file.kind for file in monthly.data] == ["fx-monthly"] and monthly.note is None
    assert monthly.rates[0][1] != data.values("fx-ecb-monthly")["INR"][2024, 12]
    annual = _step(Pay(1, "USD", "year", when="2023").to_currency("JPY"))
    assert annual.rates == (("JPY", data.fx_yearly()["JPY"][2023]),)  # G.5A, not 140.4911
    assert [file.kind for file in annual.data] == ["fx-annual"]
    # one side the Fed's, the other the ECB's: each cited
    mixed = _step(Pay(1, "INR", "month", when="2024-12").to_currency("PHP"))
    assert [file.kind for file in mixed.data] == ["fx-monthly", "fx-ecb-monthly"]
    assert str(mixed.note).startswith("PHP: ")


def test_the_ecb_fills_the_months_after_the_feds_series_end() -> None:
    end = max(data.fx_monthly()["INR"])
    after = (end[0] + end[1] // 12, end[1] % 12 + 1)
    step = _step(Pay(1, "USD", "month", when=f"{after[0]}-{after[1]:02d}").to_currency("INR"))
    assert step.rates == (("INR", data.values("fx-ecb-monthly")["INR"][after]),)
    assert f"INR: the Fed's INR series has no value for {after[0]}-{after[1]:02d}" in str(step.note)


def test_the_world_bank_fills_the_years_before_the_feds() -> None:
    step = _step(Pay(1, "USD", "year", when="1972").to_currency("INR"))  # the Fed's from 1973
    assert step.rates == (("INR", data.values("fx-world-bank")["INR"][1972]),)
    assert [file.kind for file in step.data] == ["fx-world-bank"]


def test_no_rate_is_an_error_naming_what_is_available_never_one_to_one() -> None:
    with pytest.raises(
        ck.DataNotAvailableError,
        match=r"^no annual average PHP rate for 1950: the Fed has no PHP series; the ECB's "
        r"euro reference rates have PHP for 2006 to 2025, and the World Bank's official "
        r"exchange rate for 1960 to 2023 \(annual\)$",
    ):
        Pay(1, "USD", "year", when="1950").to_currency("PHP")
    with pytest.raises(
        ck.DataNotAvailableError,
        match=r"^no monthly average AED rate for 2030-02: the Fed has no AED series; the ECB's "
        r"euro reference rates have no AED, and the World Bank's official exchange rate for "
        r"1973 to 2023 \(annual\); newer files: the World Bank's PA\.NUS\.FCRF CSV "
        r"\('careerkit data update fx-world-bank FILE'\)$",
    ):
        Pay(1, "USD", "month", when="2030-02").to_currency("AED")
    with pytest.raises(ck.DataNotAvailableError, match=r"^no exchange-rate series for 'KPW'"):
        Pay(1, "KPW", "month", when="2020-01").to_currency("USD")
    with pytest.raises(ck.DataNotAvailableError, match="'KPW'"):
        Pay(1, "KPW", "month").to_currency("USD", when="latest")


def test_latest_for_a_currency_with_annual_rates_only_is_a_year() -> None:
    pay = Pay(100, "AED", "month").to_currency("USD", when="latest")
    year = max(data.values("fx-world-bank")["AED"])
    assert _step(pay).date == str(year) and str(pay).endswith(f"(latest rates: {year})")


# --- the World Bank's economies, one figure per currency ------------------------------------


def test_economies_sharing_a_currency_give_one_figure_by_the_rule() -> None:
    parsed = read("fx-world-bank", WB_SAMPLE)
    rows = {
        row[1]: row
        for row in csv.reader(WB_SAMPLE.read_text("utf-8-sig").splitlines())
        if len(row) > 4
    }
    year = rows["Country Code"].index("2021")
    # Benin's XOF figure differs from the other seven WAEMU members': the seven's is taken
    assert Decimal(rows["BEN"][year]) != Decimal(rows["SEN"][year])
    assert parsed.values["XOF"][2021] == Decimal(rows["BFA"][year]) == Decimal(rows["SEN"][year])
    from careerkit.data._shipped import world_bank_economies

    assert "BEN" not in world_bank_economies()["XOF", 2021].split()
    assert world_bank_economies()["XOF", 2019].split()[0] == "BEN"  # agreed: first by code
    # Germany's and France's figures while their own currencies were tender are not the euro's
    assert min(parsed.values["EUR"]) == 2003  # marks and francs: legal tender into 2002
    assert "USD" not in parsed.values  # the US dollar is 1 by definition
    assert "BTN" in parsed.values  # Bhutan: its own ngultrum, though the rupee is tender too
    # Ghana's series is in today's cedis (GHS, from 2007): earlier years are not its
    assert min(parsed.values["GHS"]) >= 2008


def test_a_snapshot_of_ecb_rates_before_the_euro_is_refused(tmp_path: Path) -> None:
    # careerkit's own key,date,value layout could otherwise cite the ECB for 1990
    old = tmp_path / "old.csv"
    old.write_text("Month,Currency,ECB cross rate\n1990-11,PHP,30\n", encoding="utf-8")
    with pytest.raises(ck.DataFormatError, match="a date before 1999: the ECB's reference rates"):
        read("fx-ecb-monthly", old)


def test_updates_read_the_ecbs_file_and_zip_and_the_world_banks(tmp_path: Path) -> None:
    archive = tmp_path / "eurofxref-hist.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(ECB_SAMPLE, "eurofxref-hist.csv")
    (tmp_path / "data").mkdir()
    with data.use(tmp_path / "data"):
        done = data.update("fx-ecb-monthly", archive)
        assert done.files[0].format == "ECB reference rates zip" and done.revisions == ()
        data.update("fx-ecb-annual", ECB_SAMPLE)
        data.update("fx-world-bank", WB_SAMPLE)
        step = _step(Pay(1, "USD", "month", when="2024-12").to_currency("PHP"))
        assert [file.name for file in step.data] == ["eurofxref-hist.zip"]
        assert (
            "eurofxref-hist.zip"
            in Pay(1, "USD", "month", when="2024-12").to_currency("PHP").explain()
        )
        step = _step(Pay(1, "USD", "year", when="2023").to_currency("AED"))
        assert [file.name for file in step.data] == [WB_SAMPLE.name]
        assert step.rates == (("AED", Decimal("3.6725")),)
        kinds = {series.kind: series for series in data.status()}
        assert kinds["fx-ecb-monthly"].in_use == "update"


_RANGE = "expected a number of at most 10^12 and, unless 0, at least 10^-12"
_SYNTAX = "expected a number written as digits with a decimal point"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("1e-99999999", _RANGE),  # as a Fraction, a hundred-million-digit denominator
        ("1e400", _RANGE),
        ("1" * 40, "at most 30 significant digits"),
        ("2_2.10", _SYNTAX),  # Python's Decimal reads it as 22.10
        ("NaN", _SYNTAX),
        ("Infinity", _SYNTAX),
        ("0x1p3", _SYNTAX),
        ("-1.2", "expected a positive number"),
        ("0", "expected a positive number"),
    ],
)
def test_the_gate_refuses_a_hostile_ecb_rate(tmp_path: Path, text: str, why: str) -> None:
    lines = ECB_SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = re.sub(r"^([0-9-]+,)[^,]+", rf"\g<1>{text}", lines[3])
    path = tmp_path / "eurofxref-hist.csv"
    path.write_text("".join(lines), encoding="utf-8")
    (tmp_path / "data").mkdir()
    with data.use(tmp_path / "data"), pytest.raises(ck.DataFormatError) as caught:
        data.update("fx-ecb-monthly", path)
    assert str(caught.value).startswith(f"eurofxref-hist.csv, line 4, column 'USD': found {text!r}")
    assert why in str(caught.value)
    assert not (tmp_path / "data" / "fx-ecb-monthly" / "manifest.json").exists()


def test_the_command_line_installs_the_ecbs_file(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "CAREERKIT_DATA_DIR": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "careerkit", "data", "update", "fx-ecb-monthly", str(ECB_SAMPLE)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "fx-ecb-monthly: installed ecb-sample.csv (ECB reference rates CSV) into "
    )
    assert "1999-01 to 2026-10" in done.stdout and ", 0 new" in done.stdout


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda rows: [rows[0], rows[2], rows[1], *rows[3:]], "out of order"),
        (lambda rows: [rows[0], rows[1], rows[1], *rows[2:]], "is given twice"),
        (lambda rows: [rows[0].replace("JPY", "J P"), *rows[1:]], "column 'J P'; expected a"),
        (
            lambda rows: [rows[0], rows[1].rsplit(",", 2)[0] + ",\n", *rows[2:]],
            "line 2: 42 fields; the header has 43, the last empty",
        ),
    ],
)
def test_a_broken_ecb_file_is_refused_naming_the_line(
    tmp_path: Path, edit: object, message: str
) -> None:
    rows = ECB_SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "eurofxref-hist.csv"
    path.write_text("".join(edit(rows)), encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(ck.DataFormatError, match=message):
        read("fx-ecb-monthly", path)


# --- what careerkit lists ---------------------------------------------------------------------


def test_currencies_lists_every_currency_with_its_sources() -> None:
    import pycountry

    listed = data.currencies()
    assert {"AED", "SAR", "PHP", "NGN", "IDR", "INR", "USD"} <= set(listed)
    assert listed["PHP"] == ("fx-ecb-monthly", "fx-ecb-annual", "fx-world-bank")
    assert listed["AED"] == ("fx-world-bank",)
    assert listed["INR"][0] == "fx-monthly"
    in_use = {str(currency.alpha_3) for currency in pycountry.currencies}
    assert set(listed) <= in_use and set(data.ECB_CURRENCIES) <= in_use
    assert all(kind in data.FX_KINDS for kinds in listed.values() for kind in kinds)


def test_the_data_readme_lists_every_currency_by_its_first_source() -> None:
    readme = (ROOT / "src" / "careerkit" / "data" / "README.md").read_text(encoding="utf-8")
    section = readme.split("Every currency careerkit converts, by the first source")[1]
    first: dict[str, set[str]] = {}
    for code, kinds in data.currencies().items():
        if kinds:
            first.setdefault(kinds[0], set()).add(code)
    for title, kind in [
        ("The Federal Reserve", "fx-monthly"),
        ("The ECB's reference rates", "fx-ecb-monthly"),
        ("The World Bank's official exchange rate", "fx-world-bank"),
    ]:
        text = section.split(f"**{title}**")[1].split("\n- **")[0]
        text = text.split(":", 1)[1].split(";")[0].split(".")[0]
        assert set(re.findall(r"\b[A-Z]{3}\b", text)) == first[kind], title


def test_the_new_currencies_pass_the_fast_currency_check() -> None:
    from careerkit.model import _iso

    _iso.check_currency("PHP")
    assert {"PHP", "IDR", "PLN", "USD", "INR"} <= _iso._SERIES_CODES


# --- the table path agrees with the scalar path ---------------------------------------------


ROWS = [
    (100.0, "AED", "2023"),
    (250.0, "PHP", "2024-12"),
    (1e6, "NGN", "2022"),
    (50.0, "SAR", "2021-07"),
    (12.5, "INR", "2024-12"),
    (7.0, "IDR", "2026-10-03"),
]


def _scalar(amount: float, currency: str, when: str, to: str) -> float:
    return float(Pay(Decimal(repr(amount)), currency, "month", when=when).to_currency(to).exact)


def test_convert_array_agrees_with_the_scalar_path() -> None:
    np = pytest.importorskip("numpy")
    amounts, currencies, dates = zip(*ROWS, strict=True)
    found = ck.convert_array(
        list(amounts),
        currency=list(currencies),
        period="month",
        when=list(dates),
        to_currency="USD",
    )
    expected = [_scalar(*row, "USD") for row in ROWS]
    assert np.allclose(found, expected, rtol=1e-12, atol=0)


def test_the_pandas_table_path_agrees_with_the_scalar_path() -> None:
    pd = pytest.importorskip("pandas")
    import careerkit.pandas  # noqa: F401 - registers the accessor

    frame = pd.DataFrame(ROWS, columns=["pay", "cur", "posted"])
    found = frame.careerkit.convert(
        amount="pay", currency="cur", period="month", when="posted", to="PHP"
    )
    expected = [_scalar(*row, "PHP") for row in ROWS]
    assert found.tolist() == pytest.approx(expected, rel=1e-12)


def test_the_polars_table_path_agrees_with_the_scalar_path() -> None:
    pl = pytest.importorskip("polars")
    import careerkit.polars  # noqa: F401 - registers the namespace

    amounts, currencies, dates = zip(*ROWS, strict=True)
    frame = pl.DataFrame({"pay": list(amounts), "cur": list(currencies), "posted": list(dates)})
    found = frame.careerkit.convert(
        amount="pay", currency="cur", period="month", when="posted", to="PLN"
    )
    expected = [_scalar(*row, "PLN") for row in ROWS]
    assert found.to_list() == pytest.approx(expected, rel=1e-12)


@given(
    code=st.sampled_from(["AED", "PHP", "NGN", "SAR", "PLN", "XOF", "INR"]),
    year=st.integers(2010, 2022),  # the World Bank has no NGN for 2023
    cents=st.integers(1, 10**9),
)
def test_to_usd_and_back_is_exact(code: str, year: int, cents: int) -> None:
    pay = Pay(Decimal(cents) / 100, code, "year", when=str(year))
    back = pay.to_currency("USD").to_currency(code)
    assert back.exact == pay.exact


def test_a_month_missing_from_a_monthly_series_is_refused_not_filled_by_the_year() -> None:
    # The ECB stopped quoting RUB after 1 March 2022, and quoted ISK on 7 of December 2008's
    # business days: the year's average (68.48 RUB, 87.95 ISK per USD) is not that month's.
    assert Pay(1, "USD", "month", when="2022-02").to_currency("RUB").amount > 75
    for currency, month, year in (("RUB", "2022-03", 2022), ("ISK", "2008-12", 2008)):
        with pytest.raises(
            ck.DataNotAvailableError, match=rf"give the year alone \(when='{year}'\)"
        ):
            Pay(1, "USD", "month", when=month).to_currency(currency)
        annual = Pay(1, "USD", "month", when=str(year)).to_currency(currency)
        assert _step(annual).rates[0][0] == currency and _step(annual).average == "annual"


@pytest.mark.parametrize(
    ("amount", "currency", "to", "month", "pegged"),
    [(10000, "NPR", "INR", "2022-10", Decimal(6250)),  # 1.6 NPR per INR
     (655957, "XOF", "EUR", "2020-05", Decimal(1000)),  # 655.957 XOF per EUR
     (655957, "XOF", "EUR", "2020-12", Decimal(1000))],
)  # fmt: skip
def test_an_annual_only_currency_is_crossed_at_both_years_averages(
    amount: int, currency: str, to: str, month: str, pegged: Decimal
) -> None:
    # One month's average against a year's broke fixed pegs by up to 6.4 %.
    in_month = Pay(amount, currency, "month", when=month).to_currency(to)
    in_year = Pay(amount, currency, "month", when=month[:4]).to_currency(to)
    assert in_month.exact == in_year.exact
    assert abs(in_month.amount / pegged - 1) < Decimal("0.005")
    step = _step(in_month)
    assert (step.average, step.date) == ("annual", month[:4])
    assert f"both currencies' {month[:4]} averages are used for {month}" in str(step.note)


def test_each_publisher_is_cited_with_its_own_series() -> None:
    text = Pay(10000, "NPR", "month", when="2022-10").to_currency("INR").explain()
    assert "World Bank, World Development Indicators: Official exchange rate" in text
    assert (
        "Board of Governors of the Federal Reserve System, G.5A release: Foreign exchange" in text
    )
