"""Test helpers for careerkit and for packages that extend it.

Hypothesis strategies that build valid objects (:func:`careers`,
:func:`pay_bands`, :func:`pays`), and :func:`check_profile`, the conformance
check careerkit runs on its own profiles, for a downstream package to run on
its own::

    import careerkit
    from careerkit.testing import check_profile

    def test_my_careers_conform():
        for career in careerkit.careers():
            check_profile(career)

Needs hypothesis (``pip install 'careerkit[testing]'``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs

import careerkit as ck
from careerkit.errors import MissingExtraError
from careerkit.model._checks import normalize_key

try:
    from hypothesis import strategies as st
except ModuleNotFoundError as error:  # the optional extra
    library = (error.name or "hypothesis").split(".")[0]
    raise MissingExtraError("careerkit.testing", library, "testing") from None

CURRENCIES = ("USD", "INR", "EUR", "GBP", "JPY")
REGIONS = ("US", "IN", "IN-WB", "IN-OD", "GB", "DE", "US-CA", "US-PR")
_ABROAD = tuple(region for region in REGIONS if region != "IN" and not region.startswith("IN-"))
CODE_FORMATS = {  # ASCII digits, as the model takes them
    ck.CodeSystem.NCO_2015: r"[0-9]{4}\.[0-9]{4}",
    ck.CodeSystem.NCS_QP: r"[A-Z]{2,5}[0-9]{3,4}",
    ck.CodeSystem.SOC_2018: r"[0-9]{2}-[0-9]{4}",
    ck.CodeSystem.SOC_2018_MAJOR: r"[0-9]{2}-0000",
    ck.CodeSystem.ONET_SOC: r"[0-9]{2}-[0-9]{4}\.[0-9]{2}",
    ck.CodeSystem.ISCO_08: r"[0-9]{4}",
}

slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
plain = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40).filter(str.strip)
hindi = st.text(
    st.characters(min_codepoint=0x0900, max_codepoint=0x097F) | st.sampled_from(" ,।"),
    min_size=1,
    max_size=30,
).filter(str.strip)
texts = st.builds(ck.Text, plain, st.none() | hindi)
optional_texts = st.none() | texts
bilingual_texts = st.builds(ck.Text, plain, hindi)
urls = st.from_regex(
    r"https://[a-z]{1,10}\.(in|com|gov\.in)(/[a-z0-9_-]{1,10}){0,3}", fullmatch=True
)
dates = st.builds(
    ck.ReferenceDate, st.integers(1900, 2100), st.none() | st.integers(1, 12)
) | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)).map(
    ck.ReferenceDate.coerce
)


__all__ = [
    "careers",
    "check_profile",
    "outlooks",
    "own_facts",
    "pay_bands",
    "pays",
    "preparations",
    "profile_problems",
]


def amounts(max_value: int = 10**9) -> st.SearchStrategy[Decimal]:
    """Non-negative amounts with 0 to 4 decimal places, their scale kept as drawn."""
    return st.builds(
        lambda units, places: Decimal(units).scaleb(-places),
        st.integers(0, max_value),
        st.integers(0, 4),
    )


def _absent(name: str, keys: list[int], mean: Decimal | None) -> bool:
    return mean is None if name == "mean" else int(name[1:]) not in keys


@st.composite
def pay_bands(
    draw: st.DrawFn,
    source: st.SearchStrategy[str] = slugs,
    *,
    regions: st.SearchStrategy[str] | None = None,
    text: st.SearchStrategy[ck.Text] | None = None,
) -> ck.PayBand:
    """Valid pay bands: figures in order, percentiles within low..high.

    *regions* and *text* draw the band's region and its texts (default: any of
    ``testing.REGIONS``; English with or without Hindi).
    """
    regions = st.sampled_from(REGIONS) if regions is None else regions
    optional_text = st.none() | (texts if text is None else text)
    keys = sorted(draw(st.sets(st.integers(1, 99), max_size=4)))
    use_low, use_high = draw(st.booleans()), draw(st.booleans())
    if not (keys or use_low or use_high):
        use_low = True
    figures = sorted(draw(st.lists(amounts(), min_size=len(keys) + 2, max_size=len(keys) + 2)))
    mean = draw(st.none() | st.sampled_from(figures))
    # statistics published only as "at or above" an amount: ones the band has no figure for
    free = [name for name in ("mean", "p10", "p50", "p90") if _absent(name, keys, mean)]
    top_coded = (
        tuple(draw(st.lists(st.sampled_from(free), unique=True, max_size=2))) if free else ()
    )
    return ck.PayBand(
        region=draw(regions),
        currency=draw(st.sampled_from(CURRENCIES)),
        period=draw(st.sampled_from(list(ck.Period))),
        source=draw(source),
        low=figures[0] if use_low else None,
        high=figures[-1] if use_high else None,
        percentiles=dict(zip(keys, figures[1:-1], strict=True)),
        mean=mean,
        mean_rse=draw(st.none() | amounts(100)) if mean is not None else None,
        top_code=figures[-1] if top_coded else None,
        top_coded=top_coded,
        indicative=draw(st.booleans()),
        reference_date=draw(st.none() | dates),
        undated_note=draw(optional_text),
        statement=draw(optional_text),
        note=draw(optional_text),
    )


def _scaled(low: int, high: int, places: int = 2) -> st.SearchStrategy[Decimal]:
    """Decimals from *low* to *high* with *places* decimal places (``4.00``), as O*NET writes them."""
    return st.integers(low * 10**places, high * 10**places).map(
        lambda units: Decimal(units).scaleb(-places)
    )


def outlooks(
    source: st.SearchStrategy[str] = slugs, *, regions: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[ck.Outlook]:
    """Valid :class:`~careerkit.Outlook` values: years in order, jobs 0 or more, a signed
    change, a self-employed share of 0 to 100 % or none."""
    regions = st.sampled_from(REGIONS) if regions is None else regions
    years = st.tuples(st.integers(1950, 2150), st.integers(1, 30))
    return years.flatmap(
        lambda span: st.builds(
            ck.Outlook,
            region=regions,
            base_year=st.just(span[0]),
            projected_year=st.just(span[0] + span[1]),
            employment=st.integers(0, 10**8),
            projected_employment=st.integers(0, 10**8),
            change=st.integers(-(10**8), 10**8),
            change_percent=st.integers(-(10**5), 10**5).map(
                lambda tenths: Decimal(tenths).scaleb(-1)
            ),
            openings=st.integers(0, 10**7),
            source=source,
            self_employed_percent=st.none() | _scaled(0, 100, 1),
        )
    )


def _shares(
    label: st.SearchStrategy[ck.Text], count: int
) -> st.SearchStrategy[list[ck.CategoryShare]]:
    """Shares of some of *count* categories, in order; a percent may be suppressed (``None``)."""
    return st.sets(st.integers(1, count), max_size=4).flatmap(
        lambda numbers: st.tuples(
            *(
                st.builds(
                    ck.CategoryShare,
                    category=st.just(number),
                    label=label,
                    percent=st.none() | _scaled(0, 100),
                )
                for number in sorted(numbers)
            )
        ).map(list)
    )


def preparations(
    source: st.SearchStrategy[str] = slugs, *, text: st.SearchStrategy[ck.Text] | None = None
) -> st.SearchStrategy[ck.Preparation]:
    """Valid :class:`~careerkit.Preparation` values: a Job Zone of 1 to 5 and shares of
    categories in order (some suppressed)."""
    text = texts if text is None else text
    return st.builds(
        ck.Preparation,
        job_zone=st.integers(1, 5),
        name=text,
        experience=text,
        education=text,
        training=text,
        source=source,
        education_shares=_shares(text, 12),
        experience_shares=_shares(text, 11),
        training_shares=_shares(text, 9),
    )


def _work(
    draw: st.DrawFn, cite: st.SearchStrategy[str], text: st.SearchStrategy[ck.Text]
) -> dict[str, Any]:
    """The new kinds of fact of a career: tools, skills, specialties, related occupations."""
    soc = draw(st.from_regex(r"[0-9]{2}-[0-9]{4}", fullmatch=True))
    detail = st.integers(1, 99).map(lambda number: f"{soc}.{number:02d}")
    return {
        "tools": draw(
            st.lists(
                st.builds(
                    ck.Tool,
                    name=plain,
                    category=plain,
                    source=cite,
                    commodity=st.none() | st.integers(10**7, 10**8 - 1),
                    hot=st.booleans(),
                    in_demand=st.booleans(),
                ),
                max_size=2,
            )
        ),
        "skills": draw(
            st.lists(
                st.builds(
                    ck.Skill,
                    name=plain,
                    kind=st.sampled_from(("skill", "knowledge")),
                    source=cite,
                    importance=st.none() | _scaled(1, 5),
                    level=st.none() | _scaled(0, 7),
                    relevant=st.booleans(),
                ),
                max_size=2,
            )
        ),
        "specialties": [
            draw(
                st.builds(
                    ck.Specialty,
                    code=st.just(code),
                    title=text,
                    source=cite,
                    description=st.none() | text,
                    tasks=st.lists(text, max_size=2),
                    job_zone=st.none() | st.integers(1, 5),
                )
            )
            for code in sorted(draw(st.sets(detail, max_size=2)))
        ],
        "related_occupations": draw(
            st.lists(
                st.builds(
                    ck.RelatedOccupation,
                    code=st.from_regex(r"[0-9]{2}-[0-9]{4}(\.[0-9]{2})?", fullmatch=True),
                    title=text,
                    source=cite,
                    tier=st.none()
                    | st.sampled_from(("Primary-Short", "Primary-Long", "Supplemental")),
                ),
                max_size=2,
            )
        ),
    }


@st.composite
def careers(draw: st.DrawFn) -> ck.Career:
    """Valid careers that pass :func:`check_profile`: every citation resolves, every source
    is cited, every figure is in order, and an India-facing career (a region ``IN`` or
    ``IN-*``) states every fact in Hindi too, so it passes ``require_hindi=True`` as well.
    """
    # India-facing or not is drawn first: its regions, and whether every text has Hindi
    india = draw(st.booleans())
    region = st.sampled_from(REGIONS if india else _ABROAD)
    text = bilingual_texts if india else texts
    optional_text = st.none() | text
    source_ids = draw(st.lists(slugs, min_size=1, max_size=4, unique=True))
    sources = [
        ck.Source(
            id=source_id,
            title=draw(texts),
            publisher=draw(optional_texts),
            url=draw(st.none() | urls),
            reference_date=draw(st.none() | dates),
            date_note=draw(optional_texts),
            # quoting only an earlier source keeps the via chains free of circles
            via=draw(st.none() | st.sampled_from(source_ids[:index])) if index else None,
            note=draw(optional_texts),
        )
        for index, source_id in enumerate(source_ids)
    ]
    cite = st.sampled_from(source_ids)
    facts = st.lists(st.builds(ck.Fact, text=text, source=cite, note=optional_text), max_size=2)
    systems = draw(st.sets(st.sampled_from(list(ck.CodeSystem))))
    money_pair = st.lists(amounts(10**7), min_size=2, max_size=2).map(sorted)
    fees = money_pair.flatmap(
        lambda pair: st.builds(
            ck.CourseFee,
            region=region,
            currency=st.sampled_from(CURRENCIES),
            period=st.sampled_from(list(ck.Period)),
            source=cite,
            low=st.just(pair[0]),
            high=st.just(pair[1]),
            indicative=st.booleans(),
            statement=optional_text,
            note=optional_text,
        )
    )
    hours = st.lists(st.integers(1, 24), min_size=2, max_size=2).map(sorted)
    career_id = draw(slugs)
    aliases = st.lists(plain, max_size=3, unique_by=normalize_key).filter(
        lambda found: normalize_key(career_id) not in map(normalize_key, found)
    )  # aliases are distinct lookup keys, none of them the id
    career = ck.Career(
        id=career_id,
        title=draw(text),
        sources=sources,
        aliases=draw(aliases),
        occupation_codes=[
            ck.OccupationCode(
                system=system,
                code=draw(st.from_regex(CODE_FORMATS[system], fullmatch=True)),
                source=draw(cite),
                title=draw(optional_texts),
            )
            for system in sorted(systems)
        ],
        summary=draw(facts),
        duties=draw(facts),
        abilities=draw(facts),
        workplaces=draw(facts),
        employers=draw(facts),
        work_environment=draw(facts),
        working_hours=draw(
            st.lists(
                hours.flatmap(
                    lambda pair: st.builds(
                        ck.WorkingHours,
                        min_hours_per_day=st.just(pair[0]),
                        max_hours_per_day=st.just(pair[1]),
                        region=region,
                        text=text,
                        source=cite,
                    )
                ),
                max_size=1,
            )
        ),
        accessibility=draw(facts),
        entry_routes=draw(
            st.lists(
                st.builds(
                    ck.EntryRoute,
                    region=region,
                    minimum_qualification=text,
                    text=text,
                    source=cite,
                    steps=st.lists(text, max_size=3),
                    nsqf_level=st.none() | st.integers(1, 10),
                    note=optional_text,
                ),
                max_size=3,
            )
        ),
        institutions=draw(facts),
        courses=draw(
            st.lists(
                st.builds(
                    ck.Course,
                    name=text,
                    source=cite,
                    url=st.none() | urls,
                    provider=optional_text,
                    online=st.booleans(),
                    note=optional_text,
                ),
                max_size=2,
            )
        ),
        course_fees=draw(st.lists(fees, max_size=1)),
        funding=draw(
            st.lists(
                st.builds(
                    ck.FundingSource,
                    kind=st.sampled_from(list(ck.FundingKind)),
                    name=text,
                    description=text,
                    regions=st.lists(region, min_size=1, max_size=3, unique=True),
                    source=cite,
                    url=st.none() | urls,
                    note=optional_text,
                ),
                max_size=2,
            )
        ),
        ladder=draw(
            st.none()
            | st.builds(
                ck.ProgressionLadder,
                steps=st.lists(text, min_size=2, max_size=4, unique=True),
                region=region,
                source=cite,
            )
        ),
        pay=draw(st.lists(pay_bands(cite, regions=region, text=text), max_size=3)),
        employment=draw(
            st.lists(
                st.builds(
                    ck.Employment,
                    region=region,
                    count=st.integers(0, 10**8),
                    source=cite,
                    reference_date=st.none() | dates,
                    rse=st.none() | amounts(100),
                    per_1000=st.none() | amounts(1000),
                    location_quotient=st.none() | amounts(100),
                    note=optional_text,
                ),
                max_size=2,
            )
        ),
        stories=draw(
            st.lists(
                st.builds(ck.FieldStory, person=plain, text=text, source=cite, note=optional_text),
                max_size=1,
            )
        ),
        related_titles=draw(facts),
        outlook=draw(st.lists(outlooks(cite, regions=region), max_size=2)),
        preparation=draw(st.none() | preparations(cite, text=text)),
        **_work(draw, cite, text),
        notes=draw(facts),
    )
    # a source no fact cites is a conformance problem: a note cites each one left over
    cited = {source_id for _, source_id in career.citations()}
    notes = [
        ck.Fact(text=draw(text), source=source.id) for source in sources if source.id not in cited
    ]
    return attrs.evolve(career, notes=career.notes + tuple(notes)) if notes else career


def pays(
    currencies: st.SearchStrategy[str] | None = None, dated: bool = False
) -> st.SearchStrategy[ck.Pay]:
    """Valid :class:`~careerkit.Pay` values (dated in 2000-2020 when *dated*)."""
    currencies = st.sampled_from(CURRENCIES) if currencies is None else currencies
    when = st.integers(2000, 2020).map(str) if dated else st.none()
    return st.builds(
        lambda amount, currency, period, date: ck.Pay(amount, currency, period, when=date),
        amounts(10**8),
        currencies,
        st.sampled_from(list(ck.Period)),
        when,
    )


# --- conformance: careerkit.conformance, re-exported here ---------------------------------------

from careerkit.conformance import check_profile, own_facts, profile_problems  # noqa: E402
