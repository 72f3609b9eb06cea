"""careerkit.classify and classify_titles: job titles coded to careers with search's engine."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit as ck

TITLES = [
    "Registered Nurse - ICU (Nights)",
    "CSR",
    "Sr. Budget Specialist",
    "Cashier - Part-Time - Austin, TX",
    "Warehouse Associate #4521",
    "qwertyuiop",
    "hello world",
    "   ",
]


@pytest.mark.parametrize("title", TITLES)
def test_classify_is_the_best_search_result_above_the_least_score(title: str) -> None:
    found = ck.search(title, limit=1)
    expected = found[0] if found and found[0].score >= ck.CLASSIFY_MIN_SCORE else None
    assert ck.classify(title) == expected


def test_known_titles_are_coded() -> None:
    assert ck.classify("Registered Nurse - ICU (Nights)").id == "registered-nurses"  # type: ignore[union-attr]
    budget = ck.classify("Sr. Budget Specialist")
    assert budget is not None and (budget.soc, budget.title) == ("13-2031", "Budget Analysts")
    assert ck.classify("qwertyuiop") is None


def test_min_score_decides() -> None:
    low = ck.search("hello world")[0]
    assert ck.classify("hello world", min_score=low.score) == low
    assert ck.classify("hello world", min_score=min(100, low.score + 0.1)) is None
    assert ck.classify("Cashier", min_score=100) is not None  # the official title itself


@given(st.lists(st.sampled_from([*TITLES, None]), max_size=12))
def test_classify_titles_is_classify_for_each_in_order(titles: list[str | None]) -> None:
    expected = [None if title is None else ck.classify(title) for title in titles]
    assert ck.classify_titles(titles) == expected
    assert ck.classify_titles(iter(titles), min_score=0) == [
        None if title is None else ck.classify(title, min_score=0) for title in titles
    ]


def test_a_title_longer_than_a_search_is_read_by_its_start() -> None:
    title = "Registered Nurse " + "x" * 500
    assert ck.classify(title) == ck.classify("Registered Nurse")  # cut at a space
    assert ck.classify(" " * 300 + "nurse") == ck.classify("nurse")  # space does not count
    assert ck.classify("nurse " * 40) == ck.classify("nurse")


def test_numbers_of_any_type_are_scores() -> None:
    np = pytest.importorskip("numpy")
    assert ck.classify("nurse", min_score=np.int64(60)) == ck.classify("nurse", min_score=60)
    assert len(ck.search("nurse", limit=np.int64(3))) == 3  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: ck.classify_titles(["CSR", 42]),
            ck.WrongTypeError,
            r"^titles\[1\]: a job title is text",
        ),
        (lambda: ck.classify(b"CSR"), ck.WrongTypeError, r"^title: a job title is text"),  # type: ignore[arg-type]
        (lambda: ck.classify(["CSR"]), ck.WrongTypeError, r"^title: a job title is text, got list"),  # type: ignore[arg-type]
        (
            lambda: ck.classify_titles("CSR"),
            ck.WrongTypeError,
            r"^titles: .* got str 'CSR'; classify\(\) takes one",
        ),
        (lambda: ck.classify_titles(None), ck.WrongTypeError, r"^titles: .* got NoneType"),  # type: ignore[arg-type]
        (
            lambda: ck.classify_titles([["CSR"]]),
            ck.WrongTypeError,
            r"^titles\[0\]: a job title is text or None, got list",
        ),
        (
            lambda: ck.classify("CSR", min_score=True),
            ck.WrongTypeError,
            r"^min_score: expected a score from 0 to 100, or None for careerkit\.CLASSIFY_MIN_SCORE; got bool True$",
        ),
        (
            lambda: ck.classify("CSR", min_score="50"),
            ck.WrongTypeError,
            r"^min_score: expected a score from 0 to 100, or None for careerkit\.CLASSIFY_MIN_SCORE; got str",
        ),  # type: ignore[arg-type]
        (
            lambda: ck.classify("CSR", min_score=101),
            ck.ValidationError,
            r"^min_score: expected a score from 0 to 100, or None for careerkit\.CLASSIFY_MIN_SCORE; got 101$",
        ),
        (lambda: ck.classify("CSR", min_score=-1), ck.ValidationError, r"^min_score: "),
    ],
)
def test_refusals(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]
