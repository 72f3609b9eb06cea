"""``PayHistory.plot`` (careerkit.pay._plot): the lines drawn are the history's own figures.

matplotlib draws off screen here (the Agg backend); what is checked is what is on the axes:
each line's data, the cut's dashed line and its label, the axis labels and the title.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import careerkit as ck  # noqa: E402
from careerkit.model.dates import ReferenceDate  # noqa: E402
from careerkit.pay import PayHistory, SeriesCut  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def _floats(pays: object) -> list[float]:
    return [float(pay.amount) for pay in pays]  # type: ignore[attr-defined]


def _dates(history: PayHistory) -> list[dt.date]:
    return [dt.date(date.year, date.month or 1, 1) for date in history.dates()]


def _dashed(ax: object) -> list[object]:
    return [line for line in ax.get_lines() if line.get_linestyle() == "--"]  # type: ignore[attr-defined]


def test_registered_nurses_nominal_real_and_the_soc_2010_cut() -> None:
    history = ck.get("29-1141").pay_history(period="year")
    ax = history.plot()
    nominal, real = (line for line in ax.get_lines() if line.get_linestyle() != "--")
    assert list(nominal.get_ydata()) == _floats(history)
    assert list(nominal.get_xdata()) == _dates(history)
    assert nominal.get_ydata()[0] == 65470.0 and nominal.get_ydata()[-1] == 97550.0
    assert list(real.get_ydata()) == _floats(history.real())
    assert list(real.get_xdata()) == _dates(history)
    assert real.get_ydata()[-1] == 97550.0  # the last date, in its own prices
    assert real.get_label() == "real, in May 2025 prices"
    (cut,) = _dashed(ax)
    assert list(cut.get_xdata()) == [dt.date(2012, 5, 1)] * 2  # type: ignore[attr-defined]
    assert [text.get_text() for text in ax.texts] == [" series starts (SOC 2010)"]
    assert ax.get_ylabel() == "median, USD a year"
    assert ax.get_title() == "registered-nurses: US median"
    assert [text.get_text() for text in ax.get_legend().get_texts()] == [
        "nominal",
        "real, in May 2025 prices",
    ]


def test_the_prices_of_another_date_and_nominal_only() -> None:
    history = ck.get("csr").pay_history(period="hour")
    ax = history.plot(prices_of="2010-05")
    real = ax.get_lines()[1]
    assert list(real.get_ydata()) == _floats(history.real("2010-05"))
    assert real.get_ydata()[4] == 14.64  # May 2010's own figure, in May 2010 prices
    assert real.get_label() == "real, in May 2010 prices"
    assert ax.get_ylabel() == "median, USD an hour"
    assert not _dashed(ax) and not ax.texts  # no cut, no mark
    _, alone = plt.subplots()
    assert history.plot(alone, real=False) is alone
    (only,) = alone.get_lines()
    assert list(only.get_ydata()) == _floats(history)


def test_a_history_of_figures_made_by_hand() -> None:
    pays = [
        ck.Pay(amount, "USD", "month", when=when)
        for amount, when in [(3000, "2015"), (3300, "2020-05")]
    ]
    cut = SeriesCut(
        starts=ReferenceDate(2015), revision="", reason="BLS published no earlier figure"
    )
    history = PayHistory(pays, career="tea-taster", region="US-CA", statistic="p90", cut=cut)
    ax = history.plot()
    assert list(ax.get_lines()[0].get_xdata()) == [dt.date(2015, 1, 1), dt.date(2020, 5, 1)]
    assert list(ax.get_lines()[1].get_ydata()) == _floats(history.real())
    assert [text.get_text() for text in ax.texts] == [" series starts"]
    assert ax.get_ylabel() == "p90, USD a month"
    assert ax.get_title() == "tea-taster: US-CA p90"


def test_a_date_without_prices_is_refused() -> None:
    history = ck.get("csr").pay_history(period="hour")
    with pytest.raises(ck.DataNotAvailableError, match="2031"):
        history.plot(prices_of="2031")


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    history = ck.get("csr").pay_history(period="hour")
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if it were not installed
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'careerkit\[plot\]'") as refused:
        history.plot()
    assert refused.value.name == "matplotlib"
    assert str(refused.value).startswith("PayHistory.plot needs matplotlib, which is not installed")
