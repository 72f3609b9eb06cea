"""``compare(..., region=[...])`` and ``careerkit compare --region A --region B``: several
regions in one comparison, each row the region's band as one region's comparison has it;
and the facts below the table, a catalogue occupation's without "none recorded".

Known figures: BLS OEWS May 2025, state file (``oews-may-2025-state.csv``, sha256
3c90bcd26b84fe6476fa763dd7aab75e888965e3af459fd93b18b2cbf2be4d9f), registered nurses
(29-1141): Texas (4800000) hourly median $46.14, annual median $95,970; California
(0600000) hourly median $67.44, annual median $140,270.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

import careerkit as ck
from careerkit.cli import main

NURSES = "29-1141"
STATES = ["US-TX", "US-CA"]


def _compare(region: Any, *keys: str, **kwargs: Any) -> ck.Comparison:
    return ck.compare(*(keys or (NURSES,)), currency="USD", period="year", region=region, **kwargs)


def _rows(table: ck.Comparison) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = table.to_dict()["rows"]
    return rows


def test_texas_and_california_nurses_are_each_states_figures() -> None:
    both = _compare(STATES)
    texas, california = _compare("US-TX"), _compare("US-CA")
    # the same rows as one comparison per state, state by state, in the order given
    assert _rows(both) == _rows(texas) + _rows(california)
    assert [row.band for row in both.rows] == [row.band for row in (*texas.rows, *california.rows)]
    # ... which are the scalar API's bands of each state
    nurses = ck.get(NURSES)
    assert [row.band for row in texas.rows] == list(nurses.pay_bands("US-TX"))
    assert [row.band for row in california.rows] == list(nurses.pay_bands("US-CA"))
    # BLS's published figures (the state file), and the 2,080-hour year
    medians = [(row.band.region, row.band.period.value, row.band.median) for row in both.rows]
    assert medians == [
        ("US-TX", "hour", Decimal("46.14")),
        ("US-TX", "year", Decimal(95970)),
        ("US-CA", "hour", Decimal("67.44")),
        ("US-CA", "year", Decimal(140270)),
    ]
    converted = [row.converted.median.amount for row in both.rows]  # type: ignore[union-attr]
    assert converted == [Decimal("95971.20"), Decimal(95970), Decimal("140275.20"), Decimal(140270)]
    assert both.region == ("US-TX", "US-CA")
    assert both.to_dict()["region"] == ["US-TX", "US-CA"]
    assert repr(both) == "<Comparison of registered-nurses (US-TX, US-CA) in USD per year, 4 rows>"


def test_rows_are_labelled_by_region_in_the_text_and_html() -> None:
    text = str(_compare(("US-CA", "US-TX")))
    table = [line for line in text.splitlines() if line.startswith("registered-nurses  ")]
    assert [line.split()[1] for line in table] == ["US-CA", "US-CA", "US-TX", "US-TX"]
    assert "median $140,275.20" in table[0] and "median $95,970, p75" in table[3]
    html = _compare(STATES)._repr_html_()
    assert html.count("<td>US-TX</td>") == 2 and html.count("<td>US-CA</td>") == 2


def test_one_region_as_a_string_is_unchanged_and_a_list_of_one_is_the_same_rows() -> None:
    one = _compare("US-TX")
    assert one.region == "US-TX"
    assert one.to_dict()["region"] == "US-TX"
    assert repr(one) == "<Comparison of registered-nurses in USD per year, 2 rows>"
    listed = _compare(["US-TX"])
    assert listed.region == ("US-TX",)
    assert _rows(listed) == _rows(one)


def test_careers_then_regions_with_an_area_and_a_country() -> None:
    table = _compare(["US-TX", "austin", "US"], "csr", "pr-specialist")
    austin = ck.area("austin")
    assert table.region == ("US-TX", austin.name, "US")
    places = [(row.career.id, row.band.region, row.band.area) for row in table.rows]
    expected = []
    for key in ("csr", "pr-specialist"):
        career = ck.get(key)
        for where in ("US-TX", austin, "US"):
            bands = single = _compare(where, key).rows
            expected += [(career.id, row.band.region, row.band.area) for row in bands]
            assert single  # each region has rows of each career
    assert places == expected


def test_a_region_only_some_careers_have_keeps_the_others_out_of_it() -> None:
    # customer-service has bands for India; registered nurses none: no row, as for one region
    table = _compare(["IN", "US-TX"], "csr", NURSES)
    assert [(row.career.id, row.band.region) for row in table.rows if row.band.region == "IN"] == [
        ("customer-service", "IN")
    ]
    assert {row.band.region for row in table.rows if row.career.id == "registered-nurses"} == {
        "US-TX"
    }


@pytest.mark.parametrize(
    ("region", "error", "message"),
    [
        (["US-TX", "US-XX"], ck.ValidationError, "region[1]: unknown region 'US-XX'"),
        (["US-TX", "atlantis"], ck.AreaNotFoundError, "region[1]: no metropolitan or nonmetropolitan area is named 'atlantis'"),
        (["US-TX", 5], ck.WrongTypeError, "region[1]: expected"),
        (["US-TX", "US-CA", "US-TX"], ck.ValidationError, "region: 'US-TX' is given twice (region[0] and region[2])"),
        (["austin", "12420"], ck.ValidationError, "region: '12420' is given twice (region[0] and region[1])"),
        ([], ck.ValidationError, "region: expected one region or more"),
        ({"US-TX", "US-CA"}, ck.WrongTypeError, "region: expected a region (an ISO 3166 code such as 'US-TX', or an area such as 'austin'), or a list or tuple of regions, got set"),
        (["US-TX", "IN"], ck.PayBandNotFoundError, "none of registered-nurses has a pay band for region 'IN'"),
    ],
)  # fmt: skip
def test_a_refused_region_among_several_is_named(
    region: list[Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as raised:
        _compare(region)
    assert str(raised.value).startswith(message), str(raised.value)


# --- the facts below the table ---------------------------------------------------------------


def test_a_catalogue_occupation_shows_only_the_facts_it_has() -> None:
    text = str(_compare(STATES))
    facts = text.split("\n\n")[-1].splitlines()
    assert facts == [
        "registered-nurses: Registered Nurses",
        "  Entry routes: US: Bachelor's degree",
    ]
    assert "none recorded" not in text
    hindi = _compare(STATES).render("hi")
    assert "दर्ज नहीं" not in hindi and "प्रवेश मार्ग: US:" in hindi
    # the data keeps every key, empty where nothing is recorded
    (career,) = _compare(STATES).to_dict()["careers"]
    assert (career["fees"], career["funding"], career["ladder"]) == ([], [], [])


def test_a_profile_shows_what_it_records_nothing_included() -> None:
    text = ck.compare("csr", "pr-specialist", currency="USD", period="year", region="US").render()
    pr = text.split("public-relations-specialist: Public relations specialist\n")[1].splitlines()
    assert pr[1:] == [
        "  Course fees: none recorded",
        "  Funding: none recorded",
        "  Career ladder: none recorded",
    ]
    assert "  Course fees: IN: ₹2,999–₹120,000 a year" in text  # customer-service's own


# --- the command line --------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_cli_region_given_twice(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("compare", NURSES, "--currency", "USD", "--period", "year")
    status, out, err = run(capsys, *args, "--region", "US-TX", "--region", "US-CA", "--json")
    assert (status, err) == (0, "")
    assert json.loads(out) == json.loads(json.dumps(_compare(STATES).to_dict()))
    status, text, _ = run(capsys, *args, "--region", "US-TX", "--region", "US-CA")
    assert status == 0 and text == _compare(STATES).render()
    # one --region is exactly as before: the region as a string
    status, one, _ = run(capsys, *args, "--region", "US-TX", "--json")
    assert status == 0 and json.loads(one)["region"] == "US-TX"
    assert json.loads(one)["rows"] == json.loads(out)["rows"][:2]


@pytest.mark.parametrize(
    ("regions", "message"),
    [
        (["US-TX", "US-XX"], "careerkit: error: --region: unknown region 'US-XX'"),
        (["US-TX", "US-TX"], "careerkit: error: --region 'US-TX' is given twice: give each region once"),
        (["austin", "12420"], "careerkit: error: --region '12420' names what --region 'austin' names: give each region once"),
        (["US-TX", "IN"], "careerkit: error: none of registered-nurses has a pay band for region 'IN'"),
    ],
)  # fmt: skip
def test_cli_refused_region_is_named(
    capsys: pytest.CaptureFixture[str], regions: list[str], message: str
) -> None:
    given = [token for region in regions for token in ("--region", region)]
    status, out, err = run(
        capsys, "compare", NURSES, "--currency", "USD", "--period", "year", *given
    )
    assert (status, out) == (2, "")
    assert err.startswith(message), err
