"""Every career whole: the outlook and entry route from BLS Employment Projections 2024-34,
and preparation, tasks, tools, skills, specialties and related careers from O*NET 29.3.

Known values are the issue's, read from the official files (Table 1.2 of EP's
occupation.xlsx; O*NET 29.3's Job Zones, Education Training and Experience, Task
Statements, Skills and Related Occupations); the rest are properties of all 830 careers.
"""

from __future__ import annotations

import shutil
import zlib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import careerkit as ck
from careerkit.catalogue import _releases
from careerkit.catalogue._releases import occupations
from careerkit.catalogue.sources import onet_details, projections
from careerkit.model.codes import CodeSystem

EP, ONET = "bls-ep-2024-34", "onet-29-3"
SOC = CodeSystem.SOC_2018


@pytest.fixture(scope="module")
def everyone() -> tuple[ck.Career, ...]:
    return ck.careers()


def ep_route(career: ck.Career) -> ck.EntryRoute:
    (route,) = [route for route in career.entry_routes if route.source == EP]
    return route


def steps_text(route: ck.EntryRoute) -> list[str]:
    return [step.en for step in route.steps]


# --- BLS Employment Projections: the outlook and how to get in ---------------------------------


def test_customer_service_representatives_outlook() -> None:
    (outlook,) = ck.get("43-4051").outlook
    assert (outlook.region, outlook.base_year, outlook.projected_year) == ("US", 2024, 2034)
    assert (outlook.employment, outlook.projected_employment) == (2814000, 2660300)
    assert outlook.change == -153700
    assert outlook.change_percent == Decimal("-5.5")
    assert str(outlook.change_percent) == "-5.5"  # as published, one decimal
    assert outlook.openings == 341700
    assert outlook.self_employed_percent == Decimal("0.8")
    assert outlook.source == EP
    assert outlook.describe() == (
        "projected to shrink 5.5 % from 2024 to 2034; about 341,700 openings a year"
    )


def test_customer_service_representatives_entry_route() -> None:
    route = ep_route(ck.get("43-4051"))
    assert route.region == "US"
    assert route.minimum_qualification.en == "High school diploma or equivalent"
    # BLS's work experience is "None": no step, never a step saying "None"
    assert steps_text(route) == ["Short-term on-the-job training"]
    assert "Work experience in a related occupation: None" in route.text.en


def test_airline_pilots_route_and_a_self_employment_bls_does_not_print() -> None:
    pilots = ck.get("53-2011")
    route = ep_route(pilots)
    assert route.minimum_qualification.en == "Bachelor's degree"
    assert steps_text(route) == [
        "Work experience in a related occupation: Less than 5 years",
        "Moderate-term on-the-job training",
    ]
    (outlook,) = pilots.outlook
    assert outlook.self_employed_percent is None  # "—" in the workbook: absent, never 0


def test_software_developers_grow() -> None:
    (outlook,) = ck.get("15-1252").outlook
    assert (outlook.employment, outlook.projected_employment) == (1693800, 1961400)
    # as published: BLS works the change out before rounding, so 1,961.4 - 1,693.8 = 267.6
    # is printed as 267.7 thousand
    assert outlook.change == 267700 and outlook.change_percent == Decimal("15.8")
    assert outlook.describe().startswith("projected to grow 15.8 % from 2024 to 2034")


def test_every_career_has_the_projections_outlook_and_route(
    everyone: tuple[ck.Career, ...],
) -> None:
    for career in everyone:
        (outlook,) = career.outlook
        route = ep_route(career)
        assert outlook.region == route.region == "US"
        # BLS rounds each figure to a hundred jobs on its own: the change is within that
        assert abs(outlook.projected_employment - outlook.employment - outlook.change) <= 100
        assert all(step.en not in ("None", "") for step in route.steps)
        assert career.get_source(EP).url is not None


# --- O*NET: preparation --------------------------------------------------------------------------


def test_customer_service_representatives_preparation() -> None:
    preparation = ck.get("43-4051").preparation
    assert preparation is not None
    assert preparation.job_zone == 2 and preparation.source == ONET
    assert preparation.name.en == "Job Zone Two: Some Preparation Needed"
    shares = preparation.education_shares
    assert [share.category for share in shares] == list(range(1, 13))
    by_label = {share.label.en: share.percent for share in shares if share.percent}
    assert by_label == {
        "High School Diploma - or the equivalent (for example, GED)": Decimal("54.76"),
        "Some College Courses": Decimal("17.36"),
        "Associate's Degree (or other 2-year degree)": Decimal("13.67"),
        "Bachelor's Degree": Decimal("14.22"),
    }
    assert shares[0].label.en == "Less than a High School Diploma"
    assert shares[11].label.en == "Post-Doctoral Training"
    assert preparation.experience_shares and preparation.training_shares


def test_suppressed_estimates_are_none_never_zero(everyone: tuple[ck.Career, ...]) -> None:
    """Every share and rating the model holds is the shipped figure; a null is None."""
    suppressed = 0
    for career in everyone:
        soc = career.codes[SOC]
        main = onet_details.chunk(soc).get(f"{soc}.00")
        if main is None or main.get("zone") is None:  # an aggregate (13-1020), or unrated
            assert career.preparation is None
            continue
        preparation = career.preparation
        assert preparation is not None and preparation.job_zone == main["zone"]
        for field, key in (
            ("education_shares", "education"),
            ("experience_shares", "experience"),
            ("training_shares", "training"),
        ):
            found = [(share.category, share.percent) for share in getattr(preparation, field)]
            raw = [
                (category, None if p is None else Decimal(p)) for category, p in main.get(key, ())
            ]
            assert found == raw, (career.id, field)
            suppressed += sum(percent is None for _, percent in found)
        skills = [(s.name, s.importance, s.level) for s in career.skills]
        raw_skills = [
            (name, None if i is None else Decimal(i), None if level is None else Decimal(level))
            for name, _, i, level, _ in main.get("skills", ())
        ]
        assert skills == raw_skills, career.id
        suppressed += sum(i is None or level is None for _, i, level in skills)
    assert suppressed > 1000  # 571 shares and 4,847 ratings O*NET advises suppressing


# --- O*NET: what the work is ---------------------------------------------------------------------


def test_customer_service_representatives_tasks_tools_and_skills() -> None:
    career = ck.get("43-4051")
    tasks = [fact for fact in career.duties if fact.source == ONET]
    assert len(tasks) == 13
    core = [fact.note is None for fact in tasks]
    assert core == sorted(core, reverse=True)  # core tasks first, then the supplemental ones
    assert all("Supplemental" in fact.note.en for fact in tasks if fact.note is not None)
    skills = [skill for skill in career.skills if skill.kind == "skill"]
    assert {skill.name for skill in skills[:2]} == {"Service Orientation", "Active Listening"}
    assert [skill.name for skill in skills[:2]] == ["Active Listening", "Service Orientation"]
    assert [skill.importance for skill in skills[:2]] == [Decimal("4.00")] * 2
    assert career.skills[0].name == "Customer and Personal Service"  # knowledge, 4.70
    assert career.tools and all(tool.source == ONET for tool in career.tools)
    assert any(tool.hot for tool in career.tools)


def test_skills_come_most_important_first(everyone: tuple[ck.Career, ...]) -> None:
    for career in everyone:
        rated = [skill.importance for skill in career.skills if skill.importance is not None]
        assert rated == sorted(rated, reverse=True), career.id
        assert {skill.kind for skill in career.skills} <= {"skill", "knowledge"}


# --- O*NET: specialties ---------------------------------------------------------------------------


def test_registered_nurses_have_four_specialties() -> None:
    nurses = ck.get("29-1141")
    assert [(s.code, s.title.en) for s in nurses.specialties] == [
        ("29-1141.01", "Acute Care Nurses"),
        ("29-1141.02", "Advanced Practice Psychiatric Nurses"),
        ("29-1141.03", "Critical Care Nurses"),
        ("29-1141.04", "Clinical Nurse Specialists"),
    ]
    for specialty in nurses.specialties:
        assert specialty.description is not None and specialty.tasks
        assert specialty.job_zone in (3, 4, 5) and specialty.source == ONET


@pytest.mark.parametrize("key", ["29-1141.01", "Acute Care Nurses", "acute-care-nurses"])
def test_a_specialty_leads_to_its_career(key: str) -> None:
    assert ck.get(key).id == "registered-nurses"


def test_searching_for_a_specialty_finds_its_career() -> None:
    (first, *_) = ck.search("acute care nurse")
    assert first.career.id == "registered-nurses"


def test_every_specialty_code_leads_to_its_career(everyone: tuple[ck.Career, ...]) -> None:
    details = 0
    for career in everyone:
        codes = [specialty.code for specialty in career.specialties]
        assert len(codes) == len(set(codes))
        for specialty in career.specialties:
            soc = career.codes[SOC]  # an aggregate (29-2010) holds the occupations of its group
            assert specialty.code.startswith(soc if not soc.endswith("0") else soc[:6])
            assert ck.get(specialty.code).id == career.id
            details += not specialty.code.endswith(".00")
    # O*NET 29.3 has 149 detail occupations; 53-1042.01 Recycling Coordinators is below a SOC
    # code OEWS May 2025 no longer publishes (53-1042 is part of 53-1047 there)
    assert details == 148


# --- related careers and where they lead ---------------------------------------------------------


def test_customer_service_representatives_related_careers() -> None:
    career = ck.get("43-4051")
    related = career.related()
    assert [other.codes[SOC] for other in related[:2]] == ["41-3091", "41-9041"]
    assert related[1].title.en == "Telemarketers"
    assert [o.code for o in career.related_occupations[:2]] == ["41-3091.00", "41-9041.00"]


def test_related_careers_are_distinct_and_never_the_career_itself(
    everyone: tuple[ck.Career, ...],
) -> None:
    by_soc = {career.codes[SOC]: career.id for career in everyone}
    for career in everyone:
        related = career.related()
        ids = [other.id for other in related]
        assert len(ids) == len(set(ids)) and career.id not in ids
        # O*NET's order, each occupation careerkit has a career for, each career once
        expected = [by_soc[o.soc] for o in career.related_occupations if o.soc in by_soc]
        assert ids == [
            found
            for index, found in enumerate(expected)
            if found != career.id and found not in expected[:index]
        ]


def annual_medians(career: ck.Career, region: str = "US") -> dict[str, ck.PayBand]:
    """*career*'s annual bands with a median in *region*, by date: worked out here, again."""
    return {
        str(band.reference_date): band
        for band in career.pay
        if band.region == region
        and band.period == ck.Period.YEAR
        and 50 in band.percentiles
        and band.reference_date is not None
    }


def test_next_steps_pay_more_most_gain_first() -> None:
    career = ck.get("43-4051")
    own = annual_medians(career)
    steps = career.next_steps(limit=None)
    assert "first-line-supervisors-of-office-and-administrative-support-workers" in {
        step.career.id for step in steps
    }
    assert [step.gain for step in steps] == sorted((step.gain for step in steps), reverse=True)
    for step in steps:
        assert step.gain > 0 and step.from_career is career
        theirs = annual_medians(step.career)[str(step.date)]
        assert step.median == theirs.percentiles[50] and step.source == theirs.source
        assert step.from_median == own[str(step.date)].percentiles[50]
        assert step.gain == step.median - step.from_median
        expected = None if step.career.preparation is None else step.career.preparation.job_zone
        assert step.job_zone == expected
    # and none is missed: every related career paying more at that date is a step
    date = str(steps[0].date)
    paying_more = {
        other.id
        for other in career.related()
        if date in annual_medians(other)
        and annual_medians(other)[date].percentiles[50] > own[date].percentiles[50]
    }
    assert {step.career.id for step in steps} == paying_more
    assert career.next_steps() == steps[:5]
    assert career.next_steps(limit=2) == steps[:2]


def test_next_steps_explain_how() -> None:
    step = ck.get("43-4051").next_steps(limit=1)[0]
    words = step.explain()
    assert f"{step.median:,}" in words and f"{step.from_median:,}" in words
    assert f"{step.gain:,} USD more a year" in words and step.career.id in words
    assert repr(step) == f"<NextStep '{step.career.id}': +{step.gain:,} USD a year (US)>"


@pytest.mark.parametrize(
    ("limit", "error", "message"),
    [
        (0, ck.ValidationError, "limit must be 1 or more"),
        (-1, ck.ValidationError, "limit must be 1 or more"),
        (True, ck.WrongTypeError, "expected a whole number or None, got bool True"),
        ("5", ck.WrongTypeError, "expected a whole number or None, got str '5'"),
        (2.0, ck.WrongTypeError, "expected a whole number or None"),
    ],
)
def test_next_steps_limit_is_checked(limit: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message) as caught:
        ck.get("43-4051").next_steps(limit=limit)  # type: ignore[arg-type]
    assert caught.value.field == "limit"  # type: ignore[attr-defined]


def test_next_steps_need_an_annual_median_to_compare() -> None:
    with pytest.raises(ck.PayBandNotFoundError, match="actors has no dated annual median"):
        ck.get("actors").next_steps()  # BLS publishes actors' pay by the hour only
    with pytest.raises(ck.PayBandNotFoundError, match="for region 'IN'"):
        ck.get("43-4051").next_steps(region="IN")
    states = ck.get("43-4051").next_steps(region="US-CA", limit=None)
    assert all(step.region == "US-CA" and step.gain > 0 for step in states)


# --- the rich profiles gain all of it ------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "own_routes"),
    [("customer-service", {"IN", "US"}), ("public-relations-specialist", {"US"})],
)
def test_rich_profiles_gain_the_outlook_and_route_beside_their_own(
    key: str, own_routes: set[str]
) -> None:
    career = ck.get(key)
    own = [route for route in career.entry_routes if route.source != EP]
    assert {route.region for route in own} == own_routes
    assert career.entry_routes[: len(own)] == tuple(own)  # theirs first, then the catalogue's
    assert ep_route(career).region == "US"
    assert career.outlook and career.preparation is not None and career.skills and career.tools
    if key == "customer-service":
        assert any(route.source.startswith("ncs-") for route in own)


# --- what the catalogue builds without validation equals what validation builds -----------------


def rebuilt(item: Any) -> Iterator[tuple[Any, Any]]:
    """*item* and each attrs object in it, each paired with itself built again, validated."""
    again = attrs.evolve(item)  # evolve runs the converters and validators
    yield item, again
    for field in attrs.fields(type(item)):
        value = getattr(item, field.name)
        for part in value if isinstance(value, tuple) else (value,):
            if attrs.has(type(part)):
                yield from rebuilt(part)


KNOWLEDGE = (
    "outlook",
    "entry_routes",
    "duties",
    "tools",
    "skills",
    "specialties",
    "related_occupations",
)


def test_every_knowledge_object_built_without_validation_equals_the_validated_one(
    everyone: tuple[ck.Career, ...],
) -> None:
    for career in everyone:
        items = [item for field in KNOWLEDGE for item in getattr(career, field)]
        if career.preparation is not None:
            items.append(career.preparation)
        for item in items:
            for built, again in rebuilt(item):
                assert built == again, built
                for field in attrs.fields(type(built)):  # equal, and of the same types
                    value = getattr(built, field.name)
                    assert type(value) is type(getattr(again, field.name)), (built, field.name)


# --- damaged shipped files are refused, clearly ------------------------------------------------


CACHES = (
    onet_details.reference,
    onet_details._index_text,
    onet_details._dictionary,
    onet_details.specialty_keys,
    onet_details.citations,
    projections._text,
    projections.citations,
)


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the shipped knowledge files that the sources read instead; caches cleared."""
    folder = Path(onet_details.__file__).parents[1]
    for name in (*onet_details.READS, *projections.READS):
        shutil.copy(folder / name, tmp_path / name)
    # the sources read their text files through _releases.shipped_text, onet.bin directly; the
    # releases' own files (occupations.tsv, oews.bin) are read before, from the package
    occupations()
    monkeypatch.setattr(_releases, "shipped_folder", lambda: tmp_path)
    monkeypatch.setattr(onet_details, "shipped_folder", lambda: tmp_path)
    for cache in CACHES:
        cache.cache_clear()
    yield tmp_path
    for cache in CACHES:
        cache.cache_clear()


def occupation(soc: str) -> Any:
    return occupations()[soc]


def test_the_copy_reads_as_the_shipped_files(shipped: Path) -> None:
    # the fixture itself changes nothing: what the tests below break is what fails
    assert projections.facts(occupation("43-4051"))["outlook"] == ck.get("43-4051").outlook
    found = onet_details.facts(occupation("29-1141"))
    assert found["specialties"] == ck.get("29-1141").specialties


def damaged(match: str) -> pytest.RaisesContext[ck.DataFormatError]:
    return pytest.raises(ck.DataFormatError, match=match)


@pytest.mark.parametrize("where", [3, "middle"])  # the dictionary's Adler-32 it names, its data
def test_a_damaged_chunk_of_onet_bin(shipped: Path, where: int | str) -> None:
    offset, length = [int(part) for part in _index_line(shipped, "29-1141")[1:3]]
    data = bytearray((shipped / "onet.bin").read_bytes())
    data[offset + (length // 2 if where == "middle" else int(where))] ^= 0xFF
    (shipped / "onet.bin").write_bytes(bytes(data))
    with damaged(r"onet\.bin: the chunk of 29-1141 cannot be read .*Reinstall careerkit"):
        onet_details.facts(occupation("29-1141"))
    assert onet_details.facts(occupation("43-4051"))["tools"]  # the other chunks still read


def test_a_truncated_onet_bin(shipped: Path) -> None:
    offset, length = [int(part) for part in _index_line(shipped, "29-1141")[1:3]]
    whole = (shipped / "onet.bin").read_bytes()
    (shipped / "onet.bin").write_bytes(whole[: offset + length - 1])
    with damaged(r"onet\.bin: the chunk of 29-1141 cannot be read \(its zlib stream is not"):
        onet_details.facts(occupation("29-1141"))
    (shipped / "onet.bin").write_bytes(whole[:1000])  # within the dictionary
    onet_details._dictionary.cache_clear()
    with damaged("onet.bin: its compression dictionary is cut short"):
        onet_details.facts(occupation("29-1141"))


def test_a_chunk_longer_in_the_index_than_its_stream(shipped: Path) -> None:
    line = _index_line(shipped, "29-1141")
    _set_index_line(shipped, "29-1141", [*line[:2], str(int(line[2]) + 1), *line[3:]])
    with damaged(r"onet\.bin: the chunk of 29-1141 cannot be read \(its zlib stream is not"):
        onet_details.facts(occupation("29-1141"))


def test_a_damaged_onet_dictionary(shipped: Path) -> None:
    whole = (shipped / "onet.bin").read_bytes()
    first, _, rest = whole.partition(b"\n")
    form, version, length, adler = first.split(b" ")
    preset = bytearray(rest[: int(length)])
    preset[-100] ^= 0xFF  # near the end, where the most shared text is
    (shipped / "onet.bin").write_bytes(first + b"\n" + preset + rest[int(length) :])
    with damaged("onet.bin: its compression dictionary is not the one its first line describes"):
        onet_details.facts(occupation("29-1141"))
    # a first line agreeing with the damaged dictionary: zlib still refuses it, as each chunk
    # names (by its Adler-32) the dictionary it was compressed against
    agreeing = b" ".join((form, version, length, b"%08x" % zlib.adler32(preset)))
    (shipped / "onet.bin").write_bytes(agreeing + b"\n" + preset + rest[int(length) :])
    onet_details._dictionary.cache_clear()
    with damaged(r"onet\.bin: the chunk of 29-1141 cannot be read \(Error -?\d"):
        onet_details.facts(occupation("29-1141"))
    for line, why in (
        (b"careerkit-onet 2 " + length + b" " + adler, "its first line should be"),
        (b"\xff" * 50, "its first line should be"),
        (b"careerkit-onet 1 99999 " + adler, "its compression dictionary is not the one"),
    ):
        (shipped / "onet.bin").write_bytes(line + b"\n" + rest)
        onet_details._dictionary.cache_clear()
        with damaged(f"onet.bin: {why}"):
            onet_details.facts(occupation("43-4051"))


def test_a_chunk_of_the_wrong_shape(shipped: Path) -> None:
    """Compressed whole, but not what careerkit writes: a clear error, never a KeyError."""
    whole = (shipped / "onet.bin").read_bytes()
    first, _, rest = whole.partition(b"\n")
    preset = rest[: int(first.split(b" ")[2])]
    start = len(first) + 1 + len(preset)  # the first chunk's offset
    for packed_json, message in (
        (b'["29-1141.00"]', "is not a table of occupations"),
        (b'{"29-1141.00": {"zone": 9}}', r"is not as careerkit writes it \(KeyError\('9'\)\)"),
        (b'{"29-1141.00": {"tools": [["Excel"]]}}', "is not as careerkit writes it"),
        (b'{"29-1141.00": {"skills": [["x", "skill", "lots", null, false]]}}', "is not as"),
        (b'{"29-1141.01": {"description": "no title"}}', "is not as careerkit writes it"),
    ):
        deflate = zlib.compressobj(9, zdict=preset)
        packed = deflate.compress(packed_json) + deflate.flush()
        line = _index_line(shipped, "29-1141")
        (shipped / "onet.bin").write_bytes(whole[:start] + packed)
        _set_index_line(shipped, "29-1141", [line[0], str(start), str(len(packed)), *line[3:]])
        with damaged(rf"onet\.bin: the chunk of 29-1141 {message}"):
            onet_details.facts(occupation("29-1141"))


def test_a_damaged_onet_index(shipped: Path) -> None:
    line = _index_line(shipped, "29-1141")
    _set_index_line(shipped, "29-1141", [line[0], "many", *line[2:]])
    with damaged("onet.tsv: the line of 29-1141 is not as careerkit writes it"):
        onet_details.chunk("29-1141")
    text = (shipped / "onet.tsv").read_text(encoding="utf-8")
    (shipped / "onet.tsv").write_text(text.replace("soc\t", "code\t", 1), encoding="utf-8")
    onet_details._index_text.cache_clear()
    with damaged("onet.tsv: its header should be"):
        onet_details.chunk("43-4051")
    (shipped / "onet.tsv").write_bytes(b"\xff\xfe")
    onet_details._index_text.cache_clear()
    with damaged("onet.tsv: not UTF-8"):
        onet_details.specialty_keys()
    (shipped / "onet.tsv").unlink()
    onet_details._index_text.cache_clear()
    with damaged("onet.tsv: cannot be read"):
        onet_details.chunk("43-4051")


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        '{"version": "29.3"}',
        '{"version": 29.3, "job_zones": {}, "categories": {}}',
        "[]",
    ],
)
def test_a_damaged_onet_reference(shipped: Path, text: str) -> None:
    (shipped / "onet-reference.json").write_text(text, encoding="utf-8")
    with damaged("onet-reference.json: "):
        onet_details.facts(occupation("43-4051"))


def test_a_damaged_projections_file(shipped: Path) -> None:
    path = shipped / "projections.tsv"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("openings", "jobs", 1), encoding="utf-8")
    with damaged("projections.tsv: not careerkit's projections file"):
        projections.facts(occupation("43-4051"))
    path.write_text(good.replace("2814.0", "2,814.0", 1), encoding="utf-8")
    projections._text.cache_clear()
    with damaged("the line of 43-4051 has '2,814.0' as its employment, not a figure"):
        projections.facts(occupation("43-4051"))
    path.write_text(good.replace("2814.0\t", "2814.0 ", 1), encoding="utf-8")
    projections._text.cache_clear()
    with damaged("the line of 43-4051 has 9 columns, expected 10"):
        projections.facts(occupation("43-4051"))
    path.write_bytes(good.encode("utf-16"))
    projections._text.cache_clear()
    with damaged("projections.tsv: "):
        projections.facts(occupation("43-4051"))


def _index_line(folder: Path, soc: str) -> list[str]:
    for line in (folder / "onet.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith(soc + "\t"):
            return line.split("\t")
    raise AssertionError(soc)  # pragma: no cover


def _set_index_line(folder: Path, soc: str, parts: list[str]) -> None:
    path = folder / "onet.tsv"
    lines = [
        "\t".join(parts) if line.startswith(soc + "\t") else line
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    onet_details._index_text.cache_clear()
    onet_details.specialty_keys.cache_clear()
