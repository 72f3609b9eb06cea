"""``careerkit.get`` forgives what ``search`` forgives (plural, punctuation, "and") where that
names one career, and lists the careers where it names several (careerkit.registry)."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit as ck
from careerkit.catalogue import occupations
from careerkit.catalogue._titles import forgiving_key
from careerkit.model._checks import normalize_key
from careerkit.registry import Registry


@pytest.mark.parametrize(
    ("key", "career_id"),
    [
        ("registered nurse", "registered-nurses"),  # the example
        ("Registered Nurse.", "registered-nurses"),
        ("  REGISTERED_nurse ", "registered-nurses"),
        ("registered nurse's", "registered-nurses"),
        ("software developer", "software-developers"),
        ("chief executive", "chief-executives"),
        ("Actor", "actors"),
        ("accountant & auditor", "accountants-and-auditors"),
        ("accountant auditor", "accountants-and-auditors"),
    ],
)
def test_the_singular_and_punctuation_find_the_career(key: str, career_id: str) -> None:
    assert ck.get(key).id == career_id
    assert ck.get(key) is ck.get(career_id)
    assert key in ck.registry.default_registry()


def test_the_plural_of_a_singular_title_finds_it_too() -> None:
    # a career of careerkit's own whose title is singular: the plural reads as it
    assert ck.get("public relations specialists").id == "public-relations-specialist"
    assert ck.get("customer service representatives").id in {
        "customer-service",
        "customer-service-representatives",
    }


def test_the_exact_key_still_wins() -> None:
    assert ck.get("registered-nurses").id == "registered-nurses"
    assert ck.get("29-1141").id == "registered-nurses"


def test_a_reading_that_names_several_careers_lists_them_and_never_guesses() -> None:
    registry = Registry(
        [
            ck.Career(id="nurse", title=ck.Text("Nurse")),
            ck.Career(id="nursing-aide", title=ck.Text("Nurse's aide"), aliases=["nurses"]),
        ]
    )
    assert registry.get("Nurses").id == "nursing-aide"  # as written: the alias
    assert registry.get("NURSE").id == "nurse"
    with pytest.raises(ck.ProfileNotFoundError) as raised:
        registry.get("nurse's")  # reads as "nurse": the id of one, the alias of the other
    error = raised.value
    assert isinstance(error, LookupError)
    assert error.candidates == ("nurse", "nursing-aide")
    assert str(error) == (
        "career \"nurse's\" is ambiguous: read as words, it names 2 careers: 'nurse', "
        "'nursing-aide'; give one of their ids"
    )
    assert "nurse's" not in registry
    again = pickle.loads(pickle.dumps(error))
    assert (str(again), again.candidates) == (str(error), error.candidates)


def test_a_career_added_later_makes_a_reading_ambiguous() -> None:
    registry = Registry([ck.Career(id="tea-taster", title=ck.Text("Tea taster"))])
    assert registry.get("tea tasters").id == "tea-taster"
    registry.add(ck.Career(id="taster-of-tea", title=ck.Text("Tea tasters of Assam")))
    registry.add(ck.Career(id="tea-tasters-guild", title=ck.Text("Tea tasters")))
    assert registry.get("tea tasters").id == "tea-tasters-guild"  # as written now
    with pytest.raises(ck.ProfileNotFoundError, match="ambiguous"):
        registry.get("the tea taster's")


def test_what_names_no_career_is_still_not_found_with_suggestions() -> None:
    with pytest.raises(ck.ProfileNotFoundError) as raised:
        ck.get("custmer service")
    assert raised.value.candidates == ()
    assert str(raised.value) == "unknown career 'custmer service'; did you mean 'customer-service'?"
    with pytest.raises(ck.ProfileNotFoundError, match="unknown career 'nurse'"):
        ck.get("nurse")  # a word of many titles is no title: search() finds them
    with pytest.raises(ck.ProfileNotFoundError):
        ck.get("and of the")  # nothing left to read
    with pytest.raises(ck.ProfileNotFoundError):
        ck.get("")


def test_forgiving_key_reads_words_as_search_does() -> None:
    assert forgiving_key(normalize_key("Accountants and Auditors")) == "accountant-auditor"
    assert forgiving_key(normalize_key("Secretaries")) == "secretary"
    assert forgiving_key(normalize_key("Driver's License Examiner")) == ("driver-license-examiner")
    assert forgiving_key("of-the") == ""


_TITLES = sorted(occupation.title for occupation in occupations().values())


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@given(st.sampled_from(_TITLES))
def test_every_catalogue_title_in_the_singular_finds_its_career(title: str) -> None:
    singular = " ".join(_singular(word) for word in title.replace(",", " ,").split())
    assert ck.get(singular) is ck.get(title)
