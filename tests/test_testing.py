"""careerkit.testing agrees with itself: what its strategies build, its conformance check accepts."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

import careerkit as ck
from careerkit import testing
from careerkit.conformance import profile_problems

# `find` would shrink what it finds to the smallest example, which can take minutes on a
# random seed; these tests need an example, not the smallest one
FIRST = settings(phases=[Phase.generate], max_examples=2_000, database=None, deadline=None)


@pytest.mark.thorough
@given(testing.careers())
def test_every_generated_career_passes_the_conformance_check(career: ck.Career) -> None:
    assert profile_problems(career) == []
    testing.check_profile(career)


def india_facing(career: ck.Career) -> bool:
    regions = [band.region for band in career.pay] + [r.region for r in career.entry_routes]
    return any(region == "IN" or region.startswith("IN-") for region in regions)


def test_the_strategy_still_reaches_the_hard_cases() -> None:
    # the check passes because the careers are right, not because they are empty
    indian = find(testing.careers(), lambda c: india_facing(c) and len(c.pay) >= 2, settings=FIRST)
    assert all(fact.text.hi for fact in indian.summary + indian.duties + indian.notes)
    assert all(band.note is None or band.note.hi for band in indian.pay)
    english_only = find(
        testing.careers(),
        lambda c: not india_facing(c) and any(fact.text.hi is None for fact in c.duties),
        settings=FIRST,
    )
    assert profile_problems(english_only) == []
    quoted = find(
        testing.careers(), lambda c: len(c.sources) >= 3 and not c.summary, settings=FIRST
    )
    cited = {source_id for _, source_id in quoted.citations()}
    assert cited == {source.id for source in quoted.sources}


@given(testing.pay_bands(regions=st.just("IN-WB"), text=testing.bilingual_texts))
def test_pay_bands_take_their_regions_and_texts(band: ck.PayBand) -> None:
    assert band.region == "IN-WB"
    for text in (band.statement, band.note, band.undated_note):
        assert text is None or text.hi is not None


def test_the_check_still_rejects_what_it_should() -> None:
    career = find(testing.careers(), lambda c: len(c.sources) >= 1, settings=FIRST)
    extra = ck.Source(id="never-cited", title=ck.Text("Never cited"))
    unused = attrs.evolve(career, sources=(*career.sources, extra))
    assert "'never-cited' is defined but no fact cites it" in " ".join(profile_problems(unused))
