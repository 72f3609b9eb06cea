"""Annual exchange rates (``careerkit.pay._fx``): the Fed's G.5A figure where the data has one.

The pound's G.5A averages ship in ``fx-g5a-gbp-annual.csv`` (FRED's AEXUSUK, US dollars
per pound, 1971 to 2019); the known values are the Fed's (2008: 1.8545, 2019: 1.2768).
Later years are computed from the monthly series as the Fed computes G.5A, and say so.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerkit import Pay, data
from careerkit.pay.provenance import ExchangeRateStep

POUND_FILE = Path(data.__file__).with_name("fx-g5a-gbp-annual.csv")


def step_of(pay: Pay) -> ExchangeRateStep:
    (step,) = pay.provenance
    assert isinstance(step, ExchangeRateStep)
    return step


def test_a_pound_in_2008_is_the_feds_g5a_figure() -> None:
    pay = Pay(100, "GBP", "year", when="2008").to_currency("USD")
    assert pay.rounded() == Decimal("185.45")  # 100 x 1.8545, to the cent
    assert abs(pay.exact - Fraction("185.45")) < Fraction(1, 10**24)  # the inverse's 28 digits
    step = step_of(pay)
    assert step.average == "annual" and step.date == "2008"
    assert step.note is not None
    assert "the Fed's G.5A figure is 1.8545 USD per GBP" in step.note
    assert step.series == data.SERIES["fx-annual"].name
    assert step.source == (
        "Board of Governors of the Federal Reserve System, G.5A release, "
        "via FRED (Federal Reserve Bank of St. Louis)"
    )
    assert [file.name for file in step.data] == ["fx-g5a-gbp-annual.csv"]
    assert "1.8545 USD per GBP" in pay.explain()


def test_not_the_mean_of_the_months_any_more() -> None:
    # The substitute careerkit computed before: 1.852234, 0.12 % off the Fed's own figure
    months = [Fraction(data.fx_monthly()["GBP"][(2008, m)]) for m in range(1, 13)]
    computed = sum(1 / month for month in months) / 12
    assert round(float(computed), 6) == 1.852234
    pay = Pay(1, "GBP", "year", when="2008").to_currency("USD")
    assert pay.exact != computed and abs(float(pay.exact) / float(computed) - 1) > 0.001


@pytest.mark.parametrize(("year", "dollars"), [(1971, "2.4442"), (2017, "1.289"), (2019, "1.2768")])
def test_every_year_the_file_has_is_the_feds(year: int, dollars: str) -> None:
    pay = Pay(1, "GBP", "year", when=str(year)).to_currency("USD")
    assert round(pay.amount, 10) == Decimal(dollars)
    assert f"the Fed's G.5A figure is {dollars} USD per GBP" in str(step_of(pay).note)


def test_from_2020_the_pound_is_computed_and_says_why() -> None:
    pay = Pay(1, "GBP", "year", when="2020").to_currency("USD")
    months = [Fraction(data.fx_monthly()["GBP"][(2020, m)]) for m in range(1, 13)]
    assert pay.exact == sum(1 / month for month in months) / 12
    note = str(step_of(pay).note)
    assert note.startswith(
        "the data in use has no G.5A GBP figure for 2020 (it has 1971 to 2019; 'careerkit data "
        "update fx-annual' installs a newer one, FRED's CSV of AEXUSUK): computed from the "
        "monthly series as the Fed computes G.5A, the mean of the 12 monthly averages in US "
        "dollars per GBP (1.283700 USD per GBP)"
    )
    assert step_of(pay).series == data.SERIES["fx-monthly"].name


def test_a_cross_rate_through_the_pound_cites_the_pound_file() -> None:
    step = step_of(Pay(1, "INR", "year", when="2008").to_currency("GBP"))
    assert [file.name for file in step.data] == ["fx-usd-yearly.csv", "fx-g5a-gbp-annual.csv"]
    assert step.rates[0] == ("INR", Decimal("43.3859"))
    assert "1.8545 USD per GBP" in str(step.note)


def test_snapshot_figures_in_units_per_dollar_get_no_note() -> None:
    # The euro's G.5A figures in the snapshot are printed in euros per dollar by its packagers:
    # careerkit did not invert them, so there is no Fed's figure to restore
    step = step_of(Pay(1, "USD", "year", when="2023").to_currency("EUR"))
    assert step.note is None and step.rates == (("EUR", Decimal("0.9245")),)


def test_a_newer_aexusuk_file_replaces_the_computed_years(
    data_folder: Path, tmp_path: Path
) -> None:
    path = tmp_path / "AEXUSUK.csv"
    text = POUND_FILE.read_text(encoding="utf-8") + "2020-01-01,1.2837\n"  # a made-up 2020
    path.write_text(text, encoding="utf-8")
    installed = data.update("fx-annual", path)
    assert (installed.new, installed.revisions) == (1, ())
    pay = Pay(100, "GBP", "year", when="2020").to_currency("USD")
    assert pay.rounded() == Decimal("128.37")
    assert "the Fed's G.5A figure is 1.2837 USD per GBP" in str(step_of(pay).note)
    assert [file.name for file in step_of(pay).data] == ["AEXUSUK.csv"]
    # the years the shipped file has: now from the user's file, the same values
    pay = Pay(100, "GBP", "year", when="2008").to_currency("USD")
    assert pay.rounded() == Decimal("185.45") and step_of(pay).data[0].name == "AEXUSUK.csv"


@given(st.integers(1971, 2019))
def test_the_pound_and_back_is_the_same_figure(year: int) -> None:
    there = Pay(100, "GBP", "year", when=str(year)).to_currency("USD")
    back = there.to_currency("GBP")
    assert back.exact == 100
    dollars = Decimal(there.exact.numerator) / Decimal(there.exact.denominator)
    assert abs(dollars / 100 - 1 / data.fx_yearly()["GBP"][year]) < Decimal("1e-20")
