"""The model's knowledge types: outlook, preparation, tools, skills, specialties, related
occupations. Each refuses what cannot be right, naming the field, and prints briefly."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Text, ValidationError
from careerkit.conformance import check_profile, profile_problems
from careerkit.model.extension import merge
from careerkit.schema import profile_schema
from careerkit.serialization import to_json

EP, ONET = "bls-ep-2024-34", "onet-29-3"


def outlook(**overrides: Any) -> ck.Outlook:
    fields: dict[str, Any] = {
        "region": "US",
        "base_year": 2024,
        "projected_year": 2034,
        "employment": 2814000,
        "projected_employment": 2660300,
        "change": -153700,
        "change_percent": "-5.5",
        "openings": 341700,
        "self_employed_percent": "0.8",
        "source": EP,
    }
    return ck.Outlook(**{**fields, **overrides})


def share(
    category: int = 2, percent: Any = "54.76", label: str = "High School"
) -> ck.CategoryShare:
    return ck.CategoryShare(category=category, label=Text(label), percent=percent)


def preparation(**overrides: Any) -> ck.Preparation:
    fields: dict[str, Any] = {
        "job_zone": 2,
        "name": Text("Job Zone Two: Some Preparation Needed"),
        "experience": Text("Some previous work-related skill, knowledge, or experience."),
        "education": Text("These occupations usually require a high school diploma."),
        "training": Text("A few months to one year of working with experienced employees."),
        "source": ONET,
        "education_shares": [share(1, "0.00"), share(2, "54.76"), share(4, "17.36")],
    }
    return ck.Preparation(**{**fields, **overrides})


def tool(**overrides: Any) -> ck.Tool:
    fields: dict[str, Any] = {
        "name": "Microsoft Excel",
        "category": "Spreadsheet software",
        "commodity": 43232110,
        "hot": True,
        "in_demand": True,
        "source": ONET,
    }
    return ck.Tool(**{**fields, **overrides})


def skill(**overrides: Any) -> ck.Skill:
    fields: dict[str, Any] = {
        "name": "Active Listening",
        "kind": "skill",
        "importance": "4.00",
        "level": "4.12",
        "source": ONET,
    }
    return ck.Skill(**{**fields, **overrides})


def specialty(**overrides: Any) -> ck.Specialty:
    fields: dict[str, Any] = {
        "code": "29-1141.01",
        "title": Text("Acute Care Nurses"),
        "description": Text("Provide advanced nursing care for patients with acute conditions."),
        "tasks": [Text("Assess urgent and emergent health conditions.")],
        "job_zone": 5,
        "source": ONET,
    }
    return ck.Specialty(**{**fields, **overrides})


def related(**overrides: Any) -> ck.RelatedOccupation:
    fields: dict[str, Any] = {
        "code": "41-9041.00",
        "title": Text("Telemarketers"),
        "tier": "Primary-Short",
        "source": ONET,
    }
    return ck.RelatedOccupation(**{**fields, **overrides})


def refused(field: str, message: str) -> pytest.RaisesContext[ValidationError]:
    """A ValidationError naming *field*, its message matching *message*."""
    return pytest.raises(ValidationError, match=rf"^{field}: {message}")


# --- Outlook -----------------------------------------------------------------------------------


def test_the_outlook_keeps_the_figures_as_given() -> None:
    found = outlook()
    assert found.change_percent == Decimal("-5.5") and found.change == -153700
    assert found.self_employed_percent == Decimal("0.8")
    assert outlook(self_employed_percent=None).self_employed_percent is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("employment", -1, "expected a whole number of jobs, 0 or more, got -1"),
        ("projected_employment", -5, "expected a whole number of jobs, 0 or more, got -5"),
        ("openings", -341700, "expected a whole number of jobs"),
        ("employment", True, "expected a whole number of jobs, 0 or more, got True"),
        ("employment", 2814.0, "expected a whole number of jobs"),
        ("openings", "341700", "expected a whole number of jobs"),
        ("change", 1.5, r"expected a whole number of jobs \(negative for fewer\), got 1.5"),
        ("change", False, r"expected a whole number of jobs \(negative for fewer\), got False"),
        ("base_year", 24, "expected a year such as 2024, got 24"),
        ("base_year", True, "expected a year such as 2024, got True"),
        ("projected_year", "2034", "expected a year such as 2024"),
        ("projected_year", 2024, r"the projected year \(2024\) must come after the base year"),
        ("projected_year", 2020, r"the projected year \(2020\) must come after the base year"),
        ("change_percent", "minus five", "expected a decimal number such as '14.36'"),
        ("change_percent", "NaN", "expected a finite number"),
        ("self_employed_percent", "100.1", "a percentage of workers is at most 100, got 100.1"),
        ("self_employed_percent", -1, "must not be negative, got -1"),
        ("region", "USA", "unknown region"),
        ("source", "BLS EP", "'BLS EP' is not a valid id"),
    ],
)
def test_outlook_refuses(field: str, value: object, message: str) -> None:
    with refused(field, message) as caught:
        outlook(**{field: value})
    assert caught.value.field == field


def test_wrong_types_are_type_errors_too() -> None:
    with pytest.raises(TypeError) as caught:
        outlook(change_percent=True)
    assert isinstance(caught.value, ck.WrongTypeError) and caught.value.field == "change_percent"
    with pytest.raises(ck.WrongTypeError, match=r"^note: expected a Text or None, got str"):
        outlook(note="projected")
    assert outlook(note=Text("as read")).note == Text("as read")


@pytest.mark.parametrize(
    ("percent", "change", "words"),
    [
        ("-5.5", -153700, "projected to shrink 5.5 % from 2024 to 2034"),
        ("15.8", 267600, "projected to grow 15.8 % from 2024 to 2034"),
        ("0.0", 0, "projected to hold steady (0.0 %) from 2024 to 2034"),
    ],
)
def test_describe_says_which_way_and_how_many_openings(
    percent: str, change: int, words: str
) -> None:
    found = outlook(change_percent=percent, change=change)
    assert found.describe() == f"{words}; about 341,700 openings a year"


def test_outlook_repr() -> None:
    assert (
        repr(outlook())
        == "<Outlook US 2024-2034: 2,814,000 to 2,660,300 jobs (-5.5 %) (bls-ep-2024-34)>"
    )
    grown = outlook(change_percent="15.8", change=1)
    assert "(+15.8 %)" in repr(grown)
    assert "(0 %)" in repr(outlook(change_percent=0, change=0))


@given(
    percent=st.decimals(min_value=-1000, max_value=1000, allow_nan=False, places=None).filter(
        lambda value: value.is_finite() and abs(value.as_tuple().exponent) < 20  # type: ignore[arg-type]
    ),
    openings=st.integers(0, 10**9),
    years=st.tuples(st.integers(1900, 2199), st.integers(1, 50)),
)
def test_describe_always_states_the_size_of_the_change_and_the_openings(
    percent: Decimal, openings: int, years: tuple[int, int]
) -> None:
    base, span = years
    found = outlook(
        change_percent=percent,
        openings=openings,
        base_year=base,
        projected_year=min(base + span, 2200),
    )
    words = found.describe()
    assert f"{abs(percent):f} %" in words  # the published figure, never in exponent form
    assert "E" not in words.split(";")[0]
    assert words.endswith(f"; about {openings:,} openings a year")
    assert ("grow" in words) == (percent > 0) and ("shrink" in words) == (percent < 0)
    assert ("-" in words.split(";")[0]) is False  # a size, the sign is in the verb


# --- CategoryShare and Preparation -------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("percent", "100.01", r"a share runs from 0 to 100 %, got 100.01"),
        ("percent", -1, r"a share runs from 0 to 100 %, got -1"),
        ("percent", "lots", "expected a decimal number"),
        ("category", 0, "expected a category number, 1 or more, got 0"),
        ("category", True, "expected a category number, 1 or more, got True"),
        ("category", "2", "expected a category number, 1 or more, got '2'"),
    ],
)
def test_category_share_refuses(field: str, value: object, message: str) -> None:
    arguments: dict[str, Any] = {"category": 2, "percent": "54.76", field: value}
    with refused(field, message) as caught:
        share(**arguments)
    assert caught.value.field == field


def test_a_suppressed_share_is_none_never_zero() -> None:
    suppressed = share(percent=None)
    assert suppressed.percent is None
    assert repr(suppressed) == "<CategoryShare 2 'High School': suppressed>"
    assert repr(share(percent="0.00")) == "<CategoryShare 2 'High School': 0.00 %>"
    with pytest.raises(ck.WrongTypeError, match=r"^label: expected a Text"):
        ck.CategoryShare(category=1, label="High School")  # type: ignore[arg-type]


@pytest.mark.parametrize("zone", [0, 6, -1, True, "2", 2.0])
def test_job_zones_run_from_1_to_5(zone: object) -> None:
    with refused("job_zone", "job zones run from 1 to 5") as caught:
        preparation(job_zone=zone)
    assert caught.value.field == "job_zone"
    with refused("job_zone", "job zones run from 1 to 5"):
        specialty(job_zone=zone)


@pytest.mark.parametrize(
    "categories", [[2, 1], [1, 1], [1, 3, 2], [12, 1]], ids=["reversed", "twice", "mixed", "end"]
)
@pytest.mark.parametrize("field", ["education_shares", "experience_shares", "training_shares"])
def test_categories_come_once_each_in_order(field: str, categories: list[int]) -> None:
    with refused(field, r"categories must each appear once, in order; got \[") as caught:
        preparation(**{field: [share(number) for number in categories]})
    assert str(categories) in str(caught.value)


def test_shares_must_be_category_shares() -> None:
    with refused(r"training_shares\[1\]", "expected a CategoryShare, got str"):
        preparation(training_shares=[share(1), "3 months"])
    with pytest.raises(ck.WrongTypeError, match=r"^name: expected a Text, got str"):
        preparation(name="Job Zone Two")


@given(st.sets(st.integers(1, 12)), st.randoms(use_true_random=False))
def test_any_ordered_set_of_categories_is_accepted_and_no_other(
    numbers: set[int], random: Any
) -> None:
    ordered = sorted(numbers)
    assert [
        s.category
        for s in preparation(education_shares=[share(n) for n in ordered]).education_shares
    ] == ordered
    shuffled = list(ordered)
    random.shuffle(shuffled)
    if shuffled != ordered:
        with refused("education_shares", "categories must each appear once"):
            preparation(education_shares=[share(n) for n in shuffled])


def test_preparation_repr() -> None:
    assert repr(preparation()) == (
        "<Preparation job zone 2: 'Job Zone Two: Some Preparation Needed' (onet-29-3)>"
    )
    assert preparation(education_shares=()).education_shares == ()


# --- Tool, Skill --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("commodity", 0, "expected an 8-digit UNSPSC code such as 43232110, got 0"),
        ("commodity", 10**8, "expected an 8-digit UNSPSC code"),
        ("commodity", True, "expected an 8-digit UNSPSC code such as 43232110, got True"),
        ("commodity", "43232110", "expected an 8-digit UNSPSC code"),
        ("name", " ", "expected non-empty text"),
        ("category", "", "expected non-empty text"),
        ("source", "O*NET", "'O\\*NET' is not a valid id"),
        ("hot", 1, "expected true or false, got int 1"),
        ("in_demand", "yes", "expected true or false, got str 'yes'"),
    ],
)
def test_tool_refuses(field: str, value: object, message: str) -> None:
    with refused(field, message) as caught:
        tool(**{field: value})
    assert caught.value.field == field


def test_tool_repr_and_defaults() -> None:
    assert (
        repr(tool())
        == "<Tool 'Microsoft Excel': 'Spreadsheet software', hot, in demand (onet-29-3)>"
    )
    plain = ck.Tool(name="Abacus", category="Calculators", source=ONET)
    assert (plain.commodity, plain.hot, plain.in_demand) == (None, False, False)
    assert repr(plain) == "<Tool 'Abacus': 'Calculators' (onet-29-3)>"
    assert (
        repr(tool(hot=False))
        == "<Tool 'Microsoft Excel': 'Spreadsheet software', in demand (onet-29-3)>"
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("kind", "ability", "kind is 'skill' or 'knowledge', got 'ability'"),
        ("kind", "Skill", "kind is 'skill' or 'knowledge', got 'Skill'"),
        ("kind", None, "kind is 'skill' or 'knowledge', got None"),
        ("importance", "0.99", "importance runs from 1 to 5, got 0.99"),
        ("importance", "5.01", "importance runs from 1 to 5, got 5.01"),
        ("level", "-0.01", "level runs from 0 to 7, got -0.01"),
        ("level", "7.5", "level runs from 0 to 7, got 7.5"),
        ("level", "high", "expected a decimal number"),
        ("relevant", "no", "expected true or false"),
        ("name", "", "expected non-empty text"),
    ],
)
def test_skill_refuses(field: str, value: object, message: str) -> None:
    with refused(field, message) as caught:
        skill(**{field: value})
    assert caught.value.field == field


def test_skill_scales_include_their_ends_and_suppressed_ratings() -> None:
    assert skill(importance=1, level=0).level == Decimal(0)
    assert skill(importance=5, level=7).importance == Decimal(5)
    suppressed = skill(importance=None, level=None, kind="knowledge")
    assert (suppressed.importance, suppressed.level, suppressed.relevant) == (None, None, True)
    assert (
        repr(skill())
        == "<Skill 'Active Listening': skill, importance 4.00, level 4.12 (onet-29-3)>"
    )
    assert (
        repr(skill(level=None)) == "<Skill 'Active Listening': skill, importance 4.00 (onet-29-3)>"
    )


# --- Specialty, RelatedOccupation ---------------------------------------------------------------


@pytest.mark.parametrize(
    "code", ["29-1141", "29-1141.1", "291141.01", "29-1141.01 ", "٢٩-١١٤١.٠١", 29114101]
)
def test_a_specialty_code_is_an_onet_soc_code(code: object) -> None:
    with refused("code", ".+ is not an occupation code such as '29-1141.01'") as caught:
        specialty(code=code)
    assert caught.value.field == "code"


def test_specialty_parts_must_be_texts() -> None:
    with refused(r"tasks\[0\]", "expected a Text, got str"):
        specialty(tasks=["Assess patients."])
    with pytest.raises(ck.WrongTypeError, match=r"^title: expected a Text"):
        specialty(title="Acute Care Nurses")
    with pytest.raises(ck.WrongTypeError, match=r"^description: expected a Text"):
        specialty(description="Nurses.")
    bare = ck.Specialty(
        code="29-1141.02", title=Text("Advanced Practice Psychiatric Nurses"), source=ONET
    )
    assert (bare.description, bare.tasks, bare.job_zone) == (None, (), None)
    assert repr(specialty()) == "<Specialty 29-1141.01: 'Acute Care Nurses' (onet-29-3)>"


@pytest.mark.parametrize("code", ["41-9041.00", "41-9041"])
def test_a_related_occupation_has_an_onet_or_soc_code(code: str) -> None:
    found = related(code=code)
    assert found.soc == "41-9041"
    assert repr(found) == f"<RelatedOccupation {code}: 'Telemarketers' (onet-29-3)>"


@pytest.mark.parametrize("code", ["41-904", "41-9041.0", "Telemarketers", "٤١-٩٠٤١", None])
def test_a_related_occupation_refuses_other_codes(code: object) -> None:
    with refused("code", ".+ is not an occupation code such as '41-3091.00' or '41-3091'"):
        related(code=code)
    with refused("tier", "expected non-empty text"):
        related(tier=" ")
    assert related(tier=None).tier is None


# --- in a career --------------------------------------------------------------------------------

SOURCES = [ck.Source(id=EP, title=Text("EP")), ck.Source(id=ONET, title=Text("O*NET"))]
FIELDS: dict[str, Any] = {
    "outlook": [outlook()],
    "preparation": preparation(),
    "tools": [tool()],
    "skills": [skill()],
    "specialties": [specialty()],
    "related_occupations": [related()],
}


def test_a_career_holds_every_new_field() -> None:
    career = ck.Career(id="clerk", title=Text("Clerk"), sources=SOURCES, **FIELDS)
    assert career.outlook == (outlook(),) and career.preparation == preparation()
    cited = dict(career.citations())
    assert cited["outlook[0].source"] == EP and cited["preparation.source"] == ONET
    assert {"tools[0].source", "skills[0].source", "specialties[0].source"} <= set(cited)
    assert ck.Career(id="bare", title=Text("Bare")).preparation is None


@pytest.mark.parametrize(
    ("field", "path"),
    [
        ("outlook", r"outlook\[0\].source"),
        ("preparation", "preparation.source"),
        ("tools", r"tools\[0\].source"),
        ("skills", r"skills\[0\].source"),
        ("specialties", r"specialties\[0\].source"),
        ("related_occupations", r"related_occupations\[0\].source"),
    ],
)
def test_the_new_fields_must_cite_defined_sources(field: str, path: str) -> None:
    only_other = [ck.Source(id="other", title=Text("Other"))]
    for kind in (ck.Career, ck.CareerExtension):
        identity = (
            {"id": "clerk", "title": Text("Clerk")} if kind is ck.Career else {"extends": "clerk"}
        )
        with refused(
            path, "cites source '(bls-ep-2024-34|onet-29-3)', which this profile does not define"
        ):
            kind(sources=only_other, **identity, **{field: FIELDS[field]})  # type: ignore[operator]


def test_the_new_fields_hold_only_their_own_type() -> None:
    with refused(r"outlook\[0\]", "expected an Outlook, got Skill"):
        ck.Career(id="clerk", title=Text("Clerk"), sources=SOURCES, outlook=[skill()])
    with refused(r"tools\[0\]", "expected a Tool, got str"):
        ck.Career(id="clerk", title=Text("Clerk"), sources=SOURCES, tools=["Excel"])
    with pytest.raises(TypeError):  # a single record, not a list
        ck.Career(id="clerk", title=Text("Clerk"), sources=SOURCES, preparation=[preparation()])
    twice = [specialty(), specialty(title=Text("Critical Care Nurses"))]
    with refused(
        r"specialties\[1\].code",
        r"specialty 29-1141.01 is given twice \(first at specialties\[0\]\)",
    ):
        ck.Career(id="clerk", title=Text("Clerk"), sources=SOURCES, specialties=twice)


def test_career_facts_moved_and_are_still_where_they_were() -> None:
    from careerkit.model import career, facts

    assert career.CareerFacts is facts.CareerFacts
    assert issubclass(ck.Career, facts.CareerFacts)
    assert "preparation" not in facts.FACT_LISTS and "outlook" in facts.FACT_LISTS


# --- an extension adds preparation where the career has none -----------------------------------


def test_an_extension_adds_preparation_where_the_career_has_none() -> None:
    career = ck.Career(id="clerk", title=Text("Clerk"))
    extension = ck.CareerExtension(extends="clerk", sources=SOURCES, **FIELDS)
    merged = merge(career, extension, "a-plugin")
    assert merged.preparation == preparation()
    for field in ("outlook", "tools", "skills", "specialties", "related_occupations"):
        assert getattr(merged, field) == tuple(FIELDS[field])
    assert {source.provider for source in merged.sources} == {"a-plugin"}
    # an extension without a preparation keeps the career's
    kept = merge(merged, ck.CareerExtension(extends="clerk"), "another")
    assert kept.preparation == preparation()


def test_an_extension_never_replaces_a_preparation() -> None:
    career = ck.Career(
        id="clerk", title=Text("Clerk"), sources=SOURCES[1:], preparation=preparation()
    )
    other = preparation(job_zone=3, source="mine")
    extension = ck.CareerExtension(
        extends="clerk", sources=[ck.Source(id="mine", title=Text("Mine"))], preparation=other
    )
    with pytest.raises(ck.DuplicateProfileError, match="preparation") as caught:
        merge(career, extension, "a-plugin")
    assert "a-plugin" in str(caught.value) and "does not replace" in str(caught.value)


def test_extension_repr_counts_its_preparation() -> None:
    extension = ck.CareerExtension(extends="clerk", sources=SOURCES, preparation=preparation())
    assert "1 fact" in repr(extension)
    assert attrs.evolve(extension, preparation=None) != extension


# --- the profile format: dump and load, JSON Schema, validate -----------------------------------


def full_career() -> ck.Career:
    """A career with every new field, a negative change and a suppressed share among them."""
    shares = [share(1, None), share(2, "54.76"), share(12, "0.00")]
    return ck.Career(
        id="clerk",
        title=Text("Clerk"),
        sources=SOURCES,
        outlook=[
            outlook(),
            outlook(region="US-CA", self_employed_percent=None, change=0, change_percent="0.0"),
        ],
        preparation=preparation(experience_shares=shares, training_shares=shares[1:]),
        tools=[tool(), tool(name="Abacus", commodity=None, hot=False, in_demand=False)],
        skills=[
            skill(),
            skill(
                name="Customer and Personal Service", kind="knowledge", level=None, relevant=False
            ),
        ],
        specialties=[
            specialty(),
            specialty(code="29-1141.02", description=None, tasks=(), job_zone=None),
        ],
        related_occupations=[related(), related(code="41-3091", tier=None)],
    )


def test_every_new_field_survives_dump_and_load_exactly() -> None:
    career = full_career()
    document = ck.to_dict(career)
    assert document["outlook"][0]["change_percent"] == Decimal("-5.5")
    assert document["preparation"]["experience_shares"][0] == {
        "category": 1,
        "label": {"en": "High School"},
    }
    assert document["tools"][1] == {
        "name": "Abacus",
        "category": "Spreadsheet software",
        "source": ONET,
    }
    assert document["skills"][1]["relevant"] is False and "level" not in document["skills"][1]
    assert ck.from_dict(document) == career
    text = ck.to_toml(career)
    assert "change_percent = -5.5" in text and "hot = true" in text
    back = ck.from_toml(text)
    assert back == career
    assert repr(ck.to_dict(back)) == repr(document)  # to the digit: 0.00 stays 0.00
    assert ck.from_dict(json.loads(to_json(document))) == career


def test_the_schema_describes_every_new_field() -> None:
    validator = jsonschema.Draft202012Validator(profile_schema())
    document = json.loads(to_json(ck.to_dict(full_career())))
    validator.validate(document)
    validator.validate({"extends": "clerk", "outlook": document["outlook"]})


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("preparation", "job_zone"), "2"),
        (("preparation", "job_zone"), True),
        (("preparation",), [{"job_zone": 2}]),
        (("outlook", 0, "change_percent"), "minus 5.5"),
        (("outlook", 0, "employment"), "2814000"),
        (("outlook", 0, "self_employed_percent"), "-0.8"),
        (("tools", 0, "hot"), "yes"),
        (("tools", 0, "commodity"), "43232110"),
        (("skills", 0, "importance"), "high"),
        (("specialties", 0, "tasks"), "Assess patients."),
        (("related_occupations", 0, "colour"), "blue"),
    ],
)
def test_the_schema_refuses_what_loading_refuses(where: tuple[Any, ...], value: object) -> None:
    validator = jsonschema.Draft202012Validator(profile_schema())
    document = json.loads(to_json(ck.to_dict(full_career())))
    parent = document
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = value
    assert not validator.is_valid(document)
    with pytest.raises(ck.ProfileLoadError):
        ck.from_dict(document)


@pytest.mark.parametrize(
    ("where", "value", "path", "message"),
    [
        (("preparation", "job_zone"), "2", "preparation.job_zone", "expected a whole number"),
        (
            ("preparation", "job_zone"),
            6,
            "preparation.job_zone",
            "job zones run from 1 to 5, got 6",
        ),
        (("outlook", 0, "projected_year"), 2020, "outlook[0].projected_year", "must come after"),
        (("tools", 1, "hot"), 1, "tools[1].hot", "expected true or false"),
        (("skills", 0, "kind"), "ability", "skills[0].kind", "kind is 'skill' or 'knowledge'"),
        (("specialties", 1, "code"), "29-1141", "specialties[1].code", "is not an occupation code"),
        (
            ("preparation", "education_shares", 1, "percent"),
            "154.76",
            "preparation.education_shares[1].percent",
            "a share runs from 0 to 100 %",
        ),
    ],
)
def test_loading_names_the_field_of_each_problem(
    where: tuple[Any, ...], value: object, path: str, message: str
) -> None:
    document = ck.to_dict(full_career())
    parent = document
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = value
    with pytest.raises(ck.ProfileLoadError) as caught:
        ck.from_dict(document)
    found = dict(caught.value.problems)
    assert path in found, found
    assert message in found[path]


def test_a_catalogue_career_round_trips_whole() -> None:
    nurses = ck.get("29-1141")
    assert nurses.outlook and nurses.preparation and nurses.specialties and nurses.tools
    document = ck.to_dict(nurses)
    assert ck.from_dict(document) == nurses
    assert ck.from_toml(ck.to_toml(nurses)) == nurses
    jsonschema.Draft202012Validator(profile_schema()).validate(json.loads(to_json(document)))


def test_the_conformance_check_walks_the_new_fields() -> None:
    career = full_career()
    assert profile_problems(career) == []
    check_profile(career)
    # an outlook for India needs no Hindi by itself; require_hindi (validate --require-hindi)
    # asks every text for its Hindi, nested ones too
    indian = attrs.evolve(career, outlook=(outlook(region="IN"),))
    assert profile_problems(indian) == []
    problems = profile_problems(indian, require_hindi=True)
    assert (
        "preparation.name: no Hindi text (require_hindi: every fact in Hindi as well as English)"
        in problems
    )
    assert any(problem.startswith("specialties[0].tasks[0]: no Hindi") for problem in problems)
    assert any(problem.startswith("related_occupations[0].title: no Hindi") for problem in problems)
    unused = attrs.evolve(
        career, tools=(), skills=(), specialties=(), related_occupations=(), preparation=None
    )
    assert "sources[1].id: 'onet-29-3' is defined but no fact cites it" in profile_problems(unused)


def test_careerkit_validate_reads_the_new_fields(tmp_path: Path) -> None:
    good = tmp_path / "clerk.toml"
    good.write_text(ck.to_toml(full_career()), encoding="utf-8")
    bad = tmp_path / "broken.toml"
    bad.write_text(
        ck.to_toml(full_career())
        .replace("job_zone = 2", "job_zone = 9", 1)
        .replace('id = "clerk"', 'id = "broken"', 1),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "careerkit", "validate", str(tmp_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 1, result.stderr
    assert lines[-1] == "2 files checked, 1 problem"
    (problem,) = lines[:-1]
    assert (
        problem.startswith(f"{bad}:")
        and "preparation.job_zone: job zones run from 1 to 5, got 9" in problem
    )
