"""careerkit.search: ranked, tolerant, fast enough to search as one types."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit as ck


def ids(text: str, limit: int = 10) -> list[str]:
    return [result.id for result in ck.search(text, limit=limit)]


def test_every_career_is_found_first_by_its_own_title() -> None:
    for career in ck.careers():
        for title in filter(None, (career.title.en, career.title.hi)):
            assert ids(title, limit=1) == [career.id], title


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("nurse", "registered-nurses"),  # a plural, and the most common nursing job first
        ("Registered nurse", "registered-nurses"),
        ("nurses registered", "registered-nurses"),  # word order
        ("registerd nurse", "registered-nurses"),  # a typo
        ("custmer service", "customer-service"),
        ("customer service representative", "customer-service"),
        ("PR specialist", "public-relations-specialist"),
        ("जनसंपर्क", "public-relations-specialist"),  # Hindi
        ("ग्राहक सेवा", "customer-service"),
        ("sofware developer", "software-developers"),
        ("AIRLINE PILOT", "airline-pilots-copilots-and-flight-engineers"),
        ("43-4051", "customer-service"),
        ("434051", "customer-service"),
    ],
)
def test_what_people_type(text: str, first: str) -> None:
    assert ids(text)[0] == first


def test_a_code_prefix_lists_the_codes_under_it() -> None:
    results = ck.search("29-11", limit=50)
    assert results and all(r.field == "code" and r.matched.startswith("29-11") for r in results)
    assert "registered-nurses" in [r.id for r in results]
    assert all(r.career.codes["SOC-2018"].startswith("29-11") for r in results)


def test_descriptions_are_searched_below_names() -> None:
    results = ck.search("anesthesia")
    assert results and results[0].field == "description"
    assert results[0].score <= 60


def test_results_are_ranked_and_limited() -> None:
    results = ck.search("teacher", limit=5)
    assert len(results) == 5
    scores = [result.score for result in results]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < score <= 100 for score in scores)
    assert repr(results[0]).startswith("<SearchResult '")


def test_nothing_found_is_an_empty_answer() -> None:
    assert ck.search("qqqzzzxx") == ()
    assert ck.search("   ") == ()


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: ck.search(42), ck.WrongTypeError, r"^text: a search is text, got int 42$"),
        (lambda: ck.search("nurse", limit=0), ck.ValidationError, r"^limit: a whole number"),
        (lambda: ck.search("nurse", limit=True), ck.ValidationError, r"^limit: "),
        (lambda: ck.search("x" * 201), ck.ValidationError, r"^text: a search is at most 200"),
    ],
)
def test_refusals(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]


@settings(max_examples=settings().max_examples * 2)
@given(st.text(max_size=200))
def test_any_text_searches_or_is_refused(text: str) -> None:
    results = ck.search(text)
    assert len(results) <= 10
    assert len({r.id for r in results}) == len(results)  # one result per career
