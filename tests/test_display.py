"""How objects show themselves: one-line reprs that say what they are, and notebook tables.

The rule (docs/design.md): every repr is one line of at most 120 characters; a value
(``Text``, ``ReferenceDate``, ``WorkSchedule``) prints as the Python that rebuilds it; a
record (a career, a band, anything citing a source, the results made from them) as an
angle-bracket summary. ``_repr_html_`` draws a compact table with every text escaped.
"""

from __future__ import annotations

import html.parser
from collections.abc import Iterator
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Pay, Text, WorkSchedule, catalogue, testing
from careerkit._display import WIDTH, fitted, html_table, shortened
from careerkit.data import SERIES, status

# --- reprs ------------------------------------------------------------------------------------


def inside(value: object, seen: set[int] | None = None) -> Iterator[object]:
    """*value* and every attrs object, tuple item and Pay provenance step below it."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from inside(getattr(value, field.name), seen)
    elif isinstance(value, catalogue.Occupation):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from inside(item, seen)
    elif isinstance(value, Pay):
        yield value
        yield from inside(value.provenance, seen)
    elif hasattr(value, "values") and callable(value.values):  # the bands' percentiles
        yield from inside(list(value.values()), seen)


def assert_short(value: object) -> str:
    text = repr(value)
    name = type(value).__name__
    assert "\n" not in text and len(text) <= WIDTH, text
    assert text.startswith((f"<{name} ", f"{name}(")), text  # it says what it is
    return text


def everything() -> list[object]:
    career = ck.get("customer-service")
    found: list[object] = [career, ck.get("public-relations-specialist"), ck.get("29-1141")]
    found += career.pay_in("INR", "month", region="US", prices_of="2024")
    found += career.pay_in("USD", "year", region="IN", when="2020")
    found.append(ck.compare("csr", "pr-specialist", currency="INR", period="month"))
    found.append(career.pay_growth())
    found.append(Pay(1000, "INR", "month", when="2015").to_ppp())
    found.append(catalogue.extension("43-4051", career))
    found += list(ck.search("nurse"))
    found += [catalogue.occupations()["29-1141"], SERIES["cpi"], *status("cpi")]
    return found


def test_every_object_has_a_short_repr_that_names_it() -> None:
    kinds = set()
    for value in [item for start in everything() for item in inside(start)]:
        assert_short(value)
        kinds.add(type(value).__name__)
    expected = {"Career", "CareerExtension", "PayBand", "ConvertedPayBand", "Source", "Fact"}
    expected |= {"EntryRoute", "FundingSource", "Course", "CourseFee", "FieldStory", "Text"}
    expected |= {"ProgressionLadder", "WorkingHours", "Employment", "OccupationCode"}
    expected |= {"Comparison", "ComparisonRow", "PayGrowth", "SearchResult", "ScheduleStep"}
    expected |= {"ExchangeRateStep", "PriceIndexStep", "PPPStep", "DataFile", "Occupation"}
    expected |= {"SeriesInfo", "SeriesStatus", "ReferenceDate", "WorkSchedule"}
    assert expected <= kinds


@pytest.mark.thorough
@settings(max_examples=max(30, settings().max_examples // 2))
@given(testing.careers())
def test_generated_careers_have_short_reprs_all_the_way_down(career: ck.Career) -> None:
    for value in inside(career):
        assert_short(value)


def test_known_reprs() -> None:
    career = ck.get("customer-service")
    us, india, *_ = career.pay
    assert repr(career) == (
        "<Career 'customer-service': 'Customer service representative / customer care "
        "executive', 12 sources>"
    )
    assert repr(us) == "<PayBand US USD/hour 2008-05: median 14.36 (bls-oes-may-2008)>"
    assert repr(india) == (
        "<PayBand IN INR/month undated: 10000-28000, indicative "
        "(payscale-customer-care-executive-india)>"
    )
    assert repr(us.convert(currency="INR", period="month")) == (
        "<ConvertedPayBand US USD/hour 2008-05 -> INR/month: median 104545.53 (bls-oes-may-2008)>"
    )
    assert repr(india.convert(currency="USD", when="2020")).startswith(
        "<ConvertedPayBand IN INR/month undated, 2020 given -> USD/month: "
    )
    assert repr(career.pay_bands("US")[1]) == (
        "<PayBand US USD/hour 2025-05: median 21.53 and 5 more figures (bls-oews-may-2025)>"
    )
    assert repr(career.pay_growth(since="2008")) == (
        "<PayGrowth US median 2008-05 -> 2025-05: nominal +49.93%, real +1.04%>"
    )
    assert repr(ck.get("29-1141").pay_history(period="year")) == (
        "<PayHistory registered-nurses US median USD/year: 14 dates, 2012-05 65470.00 -> "
        "2025-05 97550.00, starts May 2012 (SOC cut)>"
    )
    assert repr(career.ladder) == (
        "<ProgressionLadder IN: Customer Care Executive -> … -> Manager, 4 steps "
        "(ncs-customer-care-executive)>"
    )


def test_a_long_career_title_is_cut_at_a_word() -> None:
    source = ck.Source(id="s", title=Text("S"))
    career = ck.Career(id="long", title=Text("Word " * 60), sources=[source])
    assert repr(career).startswith("<Career 'long': 'Word Word")
    assert repr(career).endswith("…', 1 source>")
    assert len(repr(career)) <= WIDTH


@pytest.mark.parametrize(
    "value",
    [
        Text("Manager"),
        Text("Manager", "प्रबंधक"),
        Text('it\'s "quoted"'),
        ck.ReferenceDate(2008, 5),
        WorkSchedule.BLS_FULL_TIME,
        ck.Period.MONTH,
    ],
)
def test_values_print_as_the_python_that_rebuilds_them(value: object) -> None:
    namespace = {"Text": Text, "ReferenceDate": ck.ReferenceDate, "Decimal": Decimal}
    namespace |= {"WorkSchedule": WorkSchedule, "Period": ck.Period}
    rebuilt = eval(repr(value).replace("<Period.MONTH: 'month'>", "Period.MONTH"), namespace)
    assert rebuilt == value


@given(st.text(min_size=1).filter(str.strip), st.none() | st.text(min_size=1).filter(str.strip))
def test_a_text_rebuilds_from_its_repr_where_it_fits(en: str, hi: str | None) -> None:
    text = Text(en, hi)
    shown = assert_short(text)
    if shown.startswith("Text("):
        assert eval(shown, {"Text": Text}) == text
    else:  # too long for a line: a summary that cannot be taken for code
        assert shown.startswith("<Text ") and f"({len(en):,} characters" in shown


def test_a_long_text_is_a_summary() -> None:
    text = Text("word " * 100, "शब्द")
    assert repr(text) == f"<Text '{'word ' * 15}word…' (500 characters, and Hindi)>"


@given(st.text(), st.text(max_size=200), st.text(max_size=200))
def test_fitted_lines_never_pass_the_width(before: str, text: str, after: str) -> None:
    assert len(fitted(before[:60], text, after[:40] + ">")) <= WIDTH


@given(st.text(), st.integers(1, 200))
def test_shortened_text_fits_and_keeps_its_start(text: str, width: int) -> None:
    short = shortened(text, width)
    flat = " ".join(text.split())
    assert len(short) <= width and "\n" not in short
    assert short == flat or (short.endswith("…") and flat.startswith(short[:-1].rstrip()))


# --- notebook views ---------------------------------------------------------------------------


class Table(html.parser.HTMLParser):
    """The tags of an HTML table, and the text of each cell (entities resolved)."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.cells: list[str] = []
        self.caption = ""
        self._open: str | None = None
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("td", "th", "caption"):
            self._open = tag
            self.cells.append("")
        elif tag == "br" and self._open:
            self.cells[-1] += "\n"

    def handle_endtag(self, tag: str) -> None:
        self.tags.append("/" + tag)
        if tag == "caption":
            self.caption = self.cells.pop()
        self._open = None

    def handle_data(self, data: str) -> None:
        assert self._open is not None, f"text outside a cell: {data!r}"
        self.cells[-1] += data


def parse(markup: str) -> Table:
    table = Table(markup)
    assert table.tags[0] == "table" and table.tags[-1] == "/table"
    opened = {tag for tag in table.tags if not tag.startswith("/")}
    assert opened <= {"table", "caption", "tr", "th", "td", "br"}  # nothing else got through
    for tag in ("table", "caption", "tr", "th", "td"):
        assert table.tags.count(tag) == table.tags.count("/" + tag), tag
    return table


HOSTILE = "<script>alert('x & y')</script>"


def hostile_career() -> ck.Career:
    return ck.Career(
        id="hostile",
        title=Text(HOSTILE, HOSTILE),
        sources=[ck.Source(id="s", title=Text("S"))],
        summary=[ck.Fact(text=Text(HOSTILE), source="s")],
        pay=[
            ck.PayBand(
                region="IN",
                currency="INR",
                period="month",
                source="s",
                low=10000,
                high=28000,
                statement=Text(HOSTILE),
            )
        ],
    )


def test_a_career_table_escapes_what_it_shows() -> None:
    markup = hostile_career()._repr_html_()
    assert "<script" not in markup
    table = parse(markup)
    assert table.caption == f"{HOSTILE} (hostile)"
    assert f"{HOSTILE}\n{HOSTILE}" in table.cells  # title, English and Hindi
    assert HOSTILE in table.cells  # the summary
    assert "IN: ₹10,000–₹28,000 a month (undated)" in table.cells


def test_a_career_table_shows_the_facts_that_matter() -> None:
    table = parse(ck.get("customer-service")._repr_html_())
    heads = table.cells[0::2]
    rows = ["title", "codes", "summary", "pay", "employment", "outlook", "job zone"]
    assert heads == [*rows, "entry routes", "ladder", "sources"]
    pay = table.cells[heads.index("pay") * 2 + 1].splitlines()
    assert pay[0] == "US: median $14.36 an hour (May 2008)"
    assert pay[-1] == "and 108 bands for states and territories"
    assert "NCO-2015 5244.0301" in table.cells[3]


def test_a_band_table_lists_every_figure() -> None:
    band = ck.get("customer-service").pay_bands("US")[1]
    table = parse(band._repr_html_())
    assert table.caption == "US pay band: USD per hour, May 2025 (source bls-oews-may-2025)"
    pairs = dict(zip(table.cells[0::2], table.cells[1::2], strict=True))
    assert pairs["median"] == "21.53" and pairs["p10"] == "15.27" and pairs["mean"] == "22.40"
    assert pairs["mean RSE"] == "0.2%"
    hostile = parse(hostile_career().pay[0]._repr_html_())
    assert "statement" in hostile.cells and HOSTILE in hostile.cells


def test_a_converted_band_table_shows_both_units_and_how() -> None:
    band = ck.get("customer-service").pay[0].convert(currency="INR", period="month")
    markup = band._repr_html_()
    table = parse(markup)
    assert table.cells[:3] == ["statistic", "USD per hour", "INR per month, May 2008"]
    assert table.cells[3:6] == ["median", "14.36", "104,545.53"]
    assert table.cells[6] == "how" and "USD -> INR" in table.cells[8]
    undated = parse(hostile_career().pay[0].convert(currency="USD", when="2020")._repr_html_())
    assert "date 2020: given by the caller (when=)" in undated.cells[-1]


def test_search_results_are_a_tuple_with_a_table() -> None:
    results = ck.search("nurse", limit=3)
    assert isinstance(results, ck.SearchResults) and isinstance(results, tuple)
    assert results == tuple(results) and len(results[:2]) == 2
    table = parse(results._repr_html_())
    assert table.cells[:4] == ["", "career", "score", "matched"]
    assert table.cells[4:6] == ["1", "registered-nurses"] and table.cells[6].isdigit()
    one = parse(results[0]._repr_html_())
    assert one.cells[5] == "registered-nurses"
    hostile = ck.SearchResult(id="x", score=90.0, matched=HOSTILE, field="name")
    markup = ck.SearchResults([hostile])._repr_html_()
    assert "<script" not in markup and f"name: {HOSTILE}" in parse(markup).cells


def test_the_comparison_table_is_drawn_by_the_same_helper() -> None:
    table = ck.compare(hostile_career(), currency="INR", period="month")
    parsed = parse(table._repr_html_())
    assert parsed.caption == "Pay in INR per month"
    assert parsed.cells[:4] == ["career", "region", "as stated", "converted"]
    assert table._repr_html_().startswith("<table><caption>Pay in INR per month</caption><tr>")


@pytest.mark.thorough
@settings(max_examples=max(30, settings().max_examples // 2))
@given(testing.careers())
def test_every_generated_career_and_band_draws_a_well_formed_table(career: ck.Career) -> None:
    parse(career._repr_html_())
    for band in career.pay:
        table = parse(band._repr_html_())
        assert len(table.cells) % 2 == 0  # name, value
        converted = parse(band.convert(period="year", when="2020")._repr_html_())
        assert converted.cells[-3] == "how"


def test_html_table_escapes_caption_heads_and_cells() -> None:
    markup = html_table([[HOSTILE, [HOSTILE, "b"]]], head=[HOSTILE], caption=HOSTILE)
    assert "<script" not in markup
    table = parse(markup)
    assert table.caption == HOSTILE and table.cells == [HOSTILE, HOSTILE, f"{HOSTILE}\nb"]
