"""A pay history in a notebook (``PayHistory._repr_html_``): a sparkline and a table of its dates.

The sparkline is checked by reading its SVG back: one point per date, left to right in date
order and higher where the figure is higher; the table by its rows.
"""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import careerkit as ck
from careerkit.model.dates import ReferenceDate
from careerkit.pay import PayHistory, SeriesCut


def _points(html: str) -> list[tuple[float, float]]:
    (found,) = re.findall(r'<polyline [^>]*points="([^"]*)"', html)
    return [(float(x), float(y)) for x, y in (pair.split(",") for pair in found.split())]


def _cells(html: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", html)
    return [re.findall(r"<t[hd]>(.*?)</t[hd]>", row) for row in rows]


def test_registered_nurses_one_row_a_date_a_sparkline_and_the_cut() -> None:
    history = ck.get("29-1141").pay_history(period="year")
    html = history._repr_html_()
    assert html.startswith("<svg ") and html.count("<svg") == 1
    assert "<caption>registered-nurses: US median, USD/year</caption>" in html
    rows = _cells(html)
    assert rows[0] == ["date", "median"]
    assert [row[0] for row in rows[1:]] == [date.label() for date in history.dates()]
    assert rows[1] == ["May 2012", "65,470.00"] and rows[-1] == ["May 2025", "97,550.00"]
    assert len(_points(html)) == len(history) == 14
    assert html.endswith(f"<p>{history.cut.describe()}</p>".replace("'", "&#x27;"))  # type: ignore[union-attr]


def test_text_is_escaped() -> None:
    pays = [ck.Pay(10, "USD", "hour", when="2020-05"), ck.Pay(12, "USD", "hour", when="2021-05")]
    cut = SeriesCut(
        starts=ReferenceDate(2020, 5),
        revision="SOC 2018",
        reason="<script>alert('x')</script> & more",
    )
    history = PayHistory(pays, career="<b>tea</b>", region="US", statistic="p90", cut=cut)
    html = history._repr_html_()
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in html
    assert "<caption>&lt;b&gt;tea&lt;/b&gt;: US p90, USD/hour</caption>" in html


def test_one_date_is_a_table_without_a_line() -> None:
    history = PayHistory(
        [ck.Pay(44770, "USD", "year", when="2025-05")], career="x", region="US", statistic="median"
    )
    html = history._repr_html_()
    assert "<svg" not in html and _cells(html) == [["date", "median"], ["May 2025", "44,770.00"]]


@given(
    st.lists(
        st.tuples(
            st.integers(2000, 2030),
            st.integers(1, 12),
            st.decimals(min_value=1, max_value=500_000, places=2),
        ),
        min_size=2,
        max_size=25,
        unique_by=lambda point: point[:2],
    )
)
def test_the_sparkline_is_in_date_order_and_higher_where_pay_is_higher(
    points: list[tuple[int, int, Decimal]],
) -> None:
    points.sort()
    pays = [
        ck.Pay(amount, "USD", "year", when=f"{year}-{month:02d}") for year, month, amount in points
    ]
    history = PayHistory(pays, career="x", region="US", statistic="median")
    drawn = _points(history._repr_html_())
    assert len(drawn) == len(points)
    xs = [x for x, _ in drawn]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)  # one date a point, left to right
    assert xs[0] == 2.0 and xs[-1] == 158.0  # the whole width, less its margins
    for (_, y1), (_, y2), first, second in zip(drawn, drawn[1:], pays, pays[1:], strict=False):
        # SVG's y grows downwards: a higher figure is drawn higher (a smaller y)
        if first.amount < second.amount:
            assert y1 >= y2
        elif first.amount > second.amount:
            assert y1 <= y2
    ys = [y for _, y in drawn]
    assert all(2.0 <= y <= 30.0 for y in ys)
    low = min(range(len(pays)), key=lambda at: pays[at].amount)
    high = max(range(len(pays)), key=lambda at: pays[at].amount)
    if pays[low].amount != pays[high].amount:
        assert (ys[low], ys[high]) == (30.0, 2.0)  # the lowest at the bottom, the highest on top
