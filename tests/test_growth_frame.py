"""Pay growth for every career (``careerkit.pandas.growth_frame``, ``careerkit.polars.growth_frame``,
``careerkit._growth_table``), and a year alone as a date of growth (``pay_growth(since="2011")``).

Known values: BLS's national OEWS workbooks (43-4051 annual median 30,610 in May 2011 and
44,770 in May 2025, p90 49,800 in May 2011; 29-1141 65,470 in May 2012 and 97,550 in May
2025) and BLS's CPI-U (225.964 in May 2011, 321.465 in May 2025).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, Decimal

import attrs
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit as ck
import careerkit.pandas
from careerkit._growth_table import COLUMNS, growth_rows
from careerkit.pay import PayGrowth, PayHistory
from careerkit.pay._growth import growth

FOUR = Decimal("0.0001")


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return careerkit.pandas.growth_frame(since="2011", until="2025")


def row(frame: pd.DataFrame, career_id: str) -> pd.Series:
    (found,) = frame.index[frame["id"] == career_id]
    return frame.loc[found]


def test_customer_service_2011_to_2025_the_known_figures(frame: pd.DataFrame) -> None:
    csr = row(frame, "customer-service")
    assert (csr.soc, csr.statistic, csr.currency, csr.period) == (
        "43-4051",
        "median",
        "USD",
        "year",
    )
    assert (csr.since, csr.until) == ("2011-05", "2025-05")  # the years matched May's releases
    assert (csr.earlier, csr.later) == (30610.0, 44770.0)
    assert csr.nominal == float((Decimal(44770) / Decimal(30610) - 1).quantize(FOUR))
    moved = Decimal(30610) * Decimal("321.465") / Decimal("225.964")  # CPI-U May 2011 -> May 2025
    assert math.isclose(csr.earlier_in_later_prices, float(moved), rel_tol=1e-12)
    real = (Decimal(44770) / moved - 1).quantize(FOUR, rounding=ROUND_HALF_EVEN)
    assert csr.real == float(real)
    assert pd.isna(csr.cut)


def test_registered_nurses_are_left_out_before_their_series_starts(frame: pd.DataFrame) -> None:
    assert "registered-nurses" not in set(frame["id"])
    why = frame.attrs["left_out"]["registered-nurses"]
    assert "no US median dated 2011" in why
    assert "starts in May 2012" in why and "29-1111" in why  # the SOC 2010 split, and why
    later = careerkit.pandas.growth_frame(since="2012", until="2025")
    nurses = row(later, "registered-nurses")
    assert (nurses.since, nurses.earlier, nurses.later) == ("2012-05", 65470.0, 97550.0)
    assert nurses.nominal == 0.49  # 97,550 / 65,470 - 1 = 0.48999...
    assert nurses.cut == ck.get("29-1141").pay_history().cut.describe()  # type: ignore[union-attr]
    assert nurses.cut.startswith("The series starts in May 2012: SOC 2010 split")


def test_every_career_is_in_the_frame_or_left_out_with_a_reason(frame: pd.DataFrame) -> None:
    ids = [career.id for career in ck.careers()]
    kept, left_out = list(frame["id"]), frame.attrs["left_out"]
    assert not set(kept) & set(left_out)
    assert sorted([*kept, *left_out]) == sorted(ids)
    assert kept == [i for i in ids if i in set(kept)]  # in the careers' order
    assert 600 < len(kept) < len(ids)
    assert all("no US median dated 2011" in reason for reason in left_out.values())


def test_each_row_is_the_growth_of_the_careers_own_history(frame: pd.DataFrame) -> None:
    # the figures the frame holds are those of pay_history, compared by PayGrowth itself
    for found in frame.iloc[::37].itertuples():
        history = ck.get(found.id).pay_history(period="year")
        by_date = {str(pay.when): pay for pay in history}
        expected = PayGrowth.of(
            by_date["2011-05"], by_date["2025-05"], region="US", statistic="median"
        )
        assert found.earlier == float(expected.earlier.amount)
        assert found.later == float(expected.later.amount)
        assert found.earlier_in_later_prices == float(expected.earlier_in_later_prices.amount)
        assert (found.nominal, found.real) == (float(expected.nominal), float(expected.real))
        cut = None if history.cut is None else history.cut.describe()
        assert (None if pd.isna(found.cut) else found.cut) == cut


def test_columns_types_and_sorting(frame: pd.DataFrame) -> None:
    assert list(frame.columns) == [name for name, _ in COLUMNS]
    for name, kind in COLUMNS:
        assert (frame[name].dtype == "float64") == (kind == "float"), name
    assert not frame[["earlier", "later", "nominal", "real"]].isna().any().any()
    ranked = frame.sort_values("real", ascending=False)
    assert list(ranked["real"]) == sorted(frame["real"], reverse=True)
    assert ranked.attrs["left_out"] == frame.attrs["left_out"]
    # every earlier figure moved by the same rise in prices: CPI-U May 2011 -> May 2025
    rise = frame["earlier_in_later_prices"] / frame["earlier"]
    assert ((rise - 321.465 / 225.964).abs() < 1e-12).all()


def test_another_statistic_and_each_careers_newest_date() -> None:
    found = growth_rows("2011", statistic="p90", careers=[ck.get("csr")])
    (csr,) = found.rows
    assert (csr.since, csr.until) == ("2011-05", "2025-05")
    assert (csr.earlier, csr.later) == (Decimal(49800), Decimal(63590))
    assert found.left_out == {}


def test_a_year_alone_matches_the_one_date_of_that_year() -> None:
    csr = ck.get("csr")
    by_year = csr.pay_growth(since="2011", until="2025")
    assert by_year == csr.pay_growth(since="2011-05", until="2025-05")
    assert by_year == csr.pay_growth(since=2011, until=2025)
    assert str(by_year.earlier.when) == "2011-05"


def _history(*dates: str) -> PayHistory:
    pays = [ck.Pay(100 + number, "USD", "year", when=date) for number, date in enumerate(dates)]
    return PayHistory(pays, career="x", region="US", statistic="median")


def test_a_year_with_two_dates_is_refused_with_both() -> None:
    history = _history("2011-05", "2011-11", "2025-05")
    with pytest.raises(ck.ValidationError, match=r"since: 2011 is ambiguous: .*2011-05, 2011-11"):
        growth(history, who="x", region="US", statistic="median", since="2011", until=None)
    moved = growth(history, who="x", region="US", statistic="median", since="2011-11", until=None)
    assert moved.earlier.amount == 101


def test_a_career_with_two_dates_in_a_year_stops_the_table() -> None:
    csr = ck.get("csr")
    (annual,) = [b for b in csr.pay_bands("US") if b.period.value == "year"]
    november = attrs.evolve(annual, reference_date="2011-11")
    odd = attrs.evolve(csr, pay=(*csr.pay, november))
    with pytest.raises(
        ck.ValidationError, match=r"customer-service's US median has 2 dates in 2011"
    ):
        growth_rows("2011", "2025", careers=[ck.get("43-4011"), odd])
    assert growth_rows("2011-05", "2025", careers=[odd]).rows[0].earlier == 30610


@given(
    st.lists(
        st.tuples(st.integers(2004, 2024), st.integers(1, 12)), min_size=2, max_size=12, unique=True
    ),  # months CPI-U has (BLS published none for October 2025)
    st.integers(2003, 2025),
)
def test_a_year_matches_exactly_when_the_history_has_one_date_in_it(
    dates: list[tuple[int, int]], year: int
) -> None:
    texts = [f"{y}-{m:02d}" for y, m in sorted(dates)]
    history = _history(*texts)
    same = [text for text in texts if text.startswith(f"{year}-")]
    last = history[-1].when

    def measured() -> PayGrowth:
        return growth(history, who="x", region="US", statistic="median", since=year, until=last)

    if len(same) > 1:
        with pytest.raises(ck.ValidationError, match="ambiguous"):
            measured()
    elif not same:
        with pytest.raises(ck.PayBandNotFoundError, match=f"dated {year};"):
            measured()
    elif same[0] == texts[-1]:  # since and until the same date: no growth
        with pytest.raises(ck.ValidationError, match="since"):
            measured()
    else:
        assert str(measured().earlier.when) == same[0]


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"since": "2025", "until": "2011"}, ck.ValidationError, r"since: the earlier date \(2025\) must come before"),
        ({"since": "2025-05", "until": "2025"}, ck.ValidationError, "must come before"),
        ({"since": None}, ck.ValidationError, "give the earlier date"),
        ({"since": "May 2011"}, ck.ValidationError, "cannot read 'May 2011' as a date"),
        ({"since": "2011", "statistic": "p95x"}, ck.ValidationError, "unknown statistic 'p95x'"),
        ({"since": "2011", "period": "fortnight"}, ck.ValidationError, "unknown period 'fortnight'"),
        ({"since": "2011", "region": "XX"}, ck.ValidationError, "XX"),
        ({"since": "1990"}, ck.PayBandNotFoundError, r"no career has figures at both 1990 and a later date for the US median"),
        ({"since": "2025"}, ck.PayBandNotFoundError, "no US median after 2025: its newest is dated 2025-05"),
    ],
)  # fmt: skip
def test_what_is_refused(
    arguments: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        careerkit.pandas.growth_frame(**arguments)  # type: ignore[arg-type]


def test_polars_has_the_same_rows(frame: pd.DataFrame) -> None:
    pl = pytest.importorskip("polars")
    import careerkit.polars

    other = careerkit.polars.growth_frame(since="2011", until="2025")
    assert other.columns == list(frame.columns)
    assert other.schema["real"] == pl.Float64 and other.schema["cut"] == pl.String
    assert other.height == len(frame)
    expected = frame.astype(object).where(frame.notna(), None)
    assert other.rows() == [tuple(values) for values in expected.itertuples(index=False)]
