"""Profiles as data: lossless round-trips, and loading errors that name file and field."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import careerkit as ck
from careerkit.serialization import to_json
from careerkit.testing import careers

MINIMAL = """
id = "tea-taster"
title.en = "Tea taster"

[[sources]]
id = "s"
title.en = "Tea Board"

[[pay]]
region = "IN"
currency = "INR"
period = "month"
low = 15000
high = 30000
source = "s"
"""


def load_text(tmp_path: Path, text: str) -> ck.Career:
    path = tmp_path / "tea-taster.toml"
    path.write_text(text, encoding="utf-8")
    return ck.load_profile(path)


def problems(tmp_path: Path, text: str) -> tuple[tuple[str, str], ...]:
    with pytest.raises(ck.ProfileLoadError) as caught:
        load_text(tmp_path, text)
    assert str(caught.value).startswith(str(tmp_path / "tea-taster.toml"))
    return caught.value.problems


# --- round trips -------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["customer-service", "public-relations-specialist"])
def test_builtin_profiles_round_trip(key: str) -> None:
    career = ck.get(key)
    assert ck.from_toml(ck.to_toml(career)) == career
    assert ck.from_dict(ck.to_dict(career)) == career
    assert repr(ck.to_dict(ck.from_toml(ck.to_toml(career)))) == repr(ck.to_dict(career))


@pytest.mark.thorough
@given(careers())
def test_any_career_survives_dump_and_load(career: ck.Career) -> None:
    assert ck.from_dict(ck.to_dict(career)) == career
    back = ck.from_toml(ck.to_toml(career))
    assert back == career
    # lossless to the digit: Decimal('120000') stays so, not Decimal('120000.0')
    assert repr(ck.to_dict(back)) == repr(ck.to_dict(career))


@pytest.mark.thorough
@given(careers())
def test_json_document_loads_back(career: ck.Career) -> None:
    assert ck.from_dict(json.loads(to_json(ck.to_dict(career)))) == career


def test_document_form() -> None:
    doc = ck.to_dict(ck.get("customer-service"))
    india = doc["pay"][1]
    assert india == {
        "region": "IN",
        "currency": "INR",
        "period": "month",
        "source": "payscale-customer-care-executive-india",
        "low": Decimal(10000),
        "high": Decimal(28000),
        "indicative": True,
        "undated_note": india["undated_note"],
        "statement": india["statement"],
        "note": india["note"],
    }
    assert "reference_date" not in india  # undated: no key, never a made-up value
    assert doc["pay"][0]["reference_date"] == "2008-05"
    assert doc["pay"][0]["percentiles"] == {"50": Decimal("14.36")}
    assert doc["occupation_codes"][0]["system"] == "NCO-2015"
    json_doc = json.loads(to_json(doc))
    assert json_doc["pay"][0]["percentiles"] == {"50": "14.36"}  # exact, as text


def test_to_dict_needs_a_career() -> None:
    with pytest.raises(TypeError, match="expected a Career, got dict"):
        ck.to_dict({})  # type: ignore[arg-type]


def test_load_profile_reads_a_file(tmp_path: Path) -> None:
    career = load_text(tmp_path, MINIMAL)
    assert career.id == "tea-taster"
    assert career.pay[0].low == Decimal(15000)


def test_toml_floats_are_read_exactly(tmp_path: Path) -> None:
    career = load_text(tmp_path, MINIMAL.replace("low = 15000", "low = 14.36"))
    assert career.pay[0].low == Decimal("14.36")


# --- malformed profiles ------------------------------------------------------------------------


def test_bad_currency_is_reported_with_its_path(tmp_path: Path) -> None:
    text = (
        MINIMAL
        + '\n[[pay]]\nregion = "IN"\ncurrency = "INX"\nperiod = "month"\nlow = 1\nsource = "s"\n'
    )
    ((path, message),) = problems(tmp_path, text)
    assert path == "pay[1].currency"
    assert message.startswith("unknown currency 'INX'")
    assert "did you mean 'INR'" in message


def test_every_problem_is_reported(tmp_path: Path) -> None:
    text = MINIMAL.replace('period = "month"', 'period = "fortnight"').replace(
        'title.en = "Tea Board"', 'title.en = "Tea Board"\nurl = "tea-board"'
    )
    assert problems(tmp_path, text) == (
        ("sources[0].url", "'tea-board' is not an absolute http(s) URL"),
        (
            "pay[0].period",
            "unknown period 'fortnight'; expected one of 'hour', 'day', 'week', 'month', 'year'",
        ),
    )


def test_message_lists_problems_one_per_line(tmp_path: Path) -> None:
    text = MINIMAL.replace('region = "IN"', 'region = "XX"').replace('id = "s"', 'id = "S"')
    with pytest.raises(ck.ProfileLoadError) as caught:
        load_text(tmp_path, text)
    lines = str(caught.value).splitlines()
    assert lines[0].endswith("tea-taster.toml: 2 problems")
    assert lines[1].startswith("  sources[0].id: 'S' is not a valid id")
    assert lines[2].startswith("  pay[0].region: unknown region 'XX'")


def test_missing_field(tmp_path: Path) -> None:
    assert problems(tmp_path, MINIMAL.replace('currency = "INR"\n', "")) == (
        ("pay[0].currency", "required field is missing"),
    )


def test_unknown_field_is_refused_not_dropped(tmp_path: Path) -> None:
    assert problems(
        tmp_path, MINIMAL.replace('currency = "INR"', 'currency = "INR"\ncurency = "INR"')
    ) == (("pay[0].curency", "unknown field; did you mean 'currency'?"),)


def test_an_unknown_field_does_not_hide_the_other_problems_of_its_table(tmp_path: Path) -> None:
    text = MINIMAL.replace('currency = "INR"', 'currency = "INX"\nbonus = 5').replace(
        'id = "tea-taster"', 'id = "tea-taster"\ncolour = "green"'
    )
    assert problems(tmp_path, text) == (
        ("pay[0].currency", problems(tmp_path, text)[0][1]),
        ("pay[0].bonus", problems(tmp_path, text)[1][1]),
        ("colour", "unknown field; did you mean 'courses'?"),
    )
    assert problems(tmp_path, text)[0][1].startswith("unknown currency 'INX'")
    assert problems(tmp_path, text)[1][1].startswith("unknown field; allowed: region, currency")


def test_every_bad_field_of_a_table_is_reported(tmp_path: Path) -> None:
    """A class stops at the first field it refuses; the loader checks each of the others too."""
    text = MINIMAL.replace('region = "IN"', 'region = "XX"').replace(
        'currency = "INR"', 'currency = "INX"'
    )
    text = text.replace("low = 15000", "low = -1").replace('source = "s"', 'source = "S"')
    assert [path for path, _ in problems(tmp_path, text)] == [
        "pay[0].region",
        "pay[0].currency",
        "pay[0].low",
        "pay[0].source",
    ]


def test_a_check_of_the_whole_table_waits_for_its_fields(tmp_path: Path) -> None:
    """``low`` above ``high`` is reported once each field is right, not as a guess before."""
    swapped = MINIMAL.replace("low = 15000", "low = 40000")
    assert [path for path, _ in problems(tmp_path, swapped)] == ["pay[0].low"]
    both = swapped.replace('currency = "INR"', 'currency = "INX"')
    assert [path for path, _ in problems(tmp_path, both)] == ["pay[0].currency"]


def test_wrong_types_are_refused_not_coerced(tmp_path: Path) -> None:
    text = MINIMAL.replace('id = "tea-taster"', "id = 5").replace(
        'source = "s"\n', 'source = "s"\nindicative = "yes"\n'
    )
    assert set(problems(tmp_path, text)) == {
        ("id", "expected text, got int 5"),
        ("pay[0].indicative", "expected true or false, got str 'yes'"),
    }


def test_amount_must_be_a_number(tmp_path: Path) -> None:
    assert problems(tmp_path, MINIMAL.replace("low = 15000", 'low = "15,000"')) == (
        ("pay[0].low", "expected a decimal number such as '14.36', got '15,000'"),
    )


def test_bad_percentile_key(tmp_path: Path) -> None:
    text = MINIMAL.replace("high = 30000", "high = 30000\npercentiles = { median = 20000 }")
    ((path, message),) = problems(tmp_path, text)
    assert path == "pay[0].percentiles"
    assert message.startswith("percentile 'median' is outside 1..99")


def test_text_must_be_a_table(tmp_path: Path) -> None:
    ((path, message),) = problems(
        tmp_path, MINIMAL.replace('title.en = "Tea taster"', 'title = "Tea taster"')
    )
    assert path == "title"
    assert message == "expected a table with fields en, hi; got str 'Tea taster'"


def test_citation_of_an_undefined_source(tmp_path: Path) -> None:
    assert problems(tmp_path, MINIMAL.replace('source = "s"', 'source = "tea-board"')) == (
        (
            "pay[0].source",
            "cites source 'tea-board', which this profile does not define; add it to sources (defined: 's')",
        ),
    )


def test_invalid_toml(tmp_path: Path) -> None:
    ((path, message),) = problems(tmp_path, MINIMAL + "\nthis is not toml\n")
    assert path == ""
    assert message.startswith("not valid TOML: ")
    assert "line" in message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('title.en = "Café"'.encode("latin-1"))
    with pytest.raises(ck.ProfileLoadError, match=r"latin1\.toml: not UTF-8 text"):
        ck.load_profile(path)


def test_from_dict_needs_a_mapping() -> None:
    with pytest.raises(
        ck.ProfileLoadError, match=r"^<dict>: expected a table of fields, got \[\]$"
    ):
        ck.from_dict([])  # type: ignore[arg-type]


def test_from_dict_names_its_origin() -> None:
    data: dict[str, Any] = {"id": "x"}
    with pytest.raises(ck.ProfileLoadError, match=r"^my-data: title: required field is missing$"):
        ck.from_dict(data, origin="my-data")


def test_the_documented_minimal_profile_loads() -> None:
    doc = (Path(__file__).parents[1] / "docs" / "profiles.md").read_text(encoding="utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    career = ck.from_toml(example, origin="docs/profiles.md")
    assert (career.id, career.pay[0].low, career.pay[0].high) == (
        "tea-taster",
        Decimal(15000),
        Decimal(30000),
    )


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [("aliases", '"csr"', "str 'csr'"), ("duties", '{ text.en = "x", source = "s" }', "dict")],
)
def test_a_single_value_where_an_array_belongs_is_refused(
    tmp_path: Path, field: str, value: str, shown: str
) -> None:
    text = MINIMAL.replace('title.en = "Tea taster"', f'title.en = "Tea taster"\n{field} = {value}')
    ((path, message),) = problems(tmp_path, text)
    assert path == field
    assert message.startswith(f"expected an array, got {shown}")
