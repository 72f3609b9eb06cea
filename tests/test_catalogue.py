"""The US occupation catalogue: BLS OEWS May 2025 and O*NET 29.2, as careers.

Known values are the anchors PROVENANCE.md records for the files careerkit was
built from (checked by hand against BLS's tables); the rest are properties that
hold for every one of the 830 occupations.
"""

from __future__ import annotations

import json
import threading
import warnings
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import careerkit as ck
from careerkit import catalogue
from careerkit.catalogue._build import read_ids, slug
from careerkit.catalogue.sources.profiles import _documents, _installed
from careerkit.registry import Registry
from careerkit.testing import check_profile

IDS = Path(catalogue.__file__).with_name("ids.tsv")
OEWS = "bls-oews-may-2025"


def band(career: ck.Career, region: str, period: str) -> ck.PayBand:
    (found,) = [
        b for b in career.pay_bands(region) if b.period.value == period and b.source == OEWS
    ]
    return found


def jobs(career: ck.Career, region: str) -> ck.Employment:
    (found,) = [item for item in career.employment if item.region == region]
    return found


# --- the anchors of PROVENANCE.md --------------------------------------------------------------


def test_customer_service_representatives_national() -> None:
    csr = ck.get("43-4051")
    assert csr.id == "customer-service"  # the rich profile, not a twin
    assert jobs(csr, "US").count == 2_595_750
    assert jobs(csr, "US").rse == Decimal("0.4")
    hourly, annual = band(csr, "US", "hour"), band(csr, "US", "year")
    assert hourly.median == Decimal("21.53")
    assert annual.median == Decimal(44770)
    assert annual.percentiles[10] == Decimal(31750)
    assert annual.percentiles[90] == Decimal(63590)
    assert (hourly.mean, annual.mean, annual.mean_rse) == (
        Decimal("22.40"),
        Decimal(46590),
        Decimal("0.2"),
    )
    assert str(annual.reference_date) == "2025-05"


def test_public_relations_specialists_national() -> None:
    pr = ck.get("27-3031")
    assert pr.id == "public-relations-specialist"
    assert jobs(pr, "US").count == 283_380
    assert band(pr, "US", "hour").median == Decimal("35.94")
    assert band(pr, "US", "year").median == Decimal(74750)


def test_all_occupations_and_california() -> None:
    assert catalogue.release()["all_occupations"]["annual_median"] == "50980"
    assert band(ck.get("43-4051"), "US-CA", "year").median == Decimal(49560)


def test_the_release_and_its_files() -> None:
    release = catalogue.release()
    assert release["reference_date"] == "2025-05" and release["published"] == "2026-05-15"
    assert release["onet_version"] == "29.2"
    assert release["files"] == {  # the sha256 PROVENANCE.md gives for the files read
        "oews-may-2025-national.csv": "f462a23e0ba5434c5c1c5e2103dfcee72b127155f771b6a4da006b6929636e27",
        "oews-may-2025-state.csv": "3c90bcd26b84fe6476fa763dd7aab75e888965e3af459fd93b18b2cbf2be4d9f",
        "onet-29.2-occupation-data.txt": "63e6029d3d30ff5c7cf39b5304a733b77a409e01c65ae7095fe92f6d18d74a66",
    }
    assert len(catalogue.major_groups()) == 22


def test_830_detailed_occupations_818_with_a_description() -> None:
    occupations = catalogue.occupations()
    assert len(occupations) == 830 == catalogue.release()["occupations"]
    described = [o for o in occupations.values() if o.onet in catalogue.descriptions()]
    assert len(described) == 818


def test_aggregates_without_a_description_are_careers_with_no_invented_summary() -> None:
    bare = [o for o in catalogue.occupations().values() if not o.onet]
    assert len(bare) == 12
    buyers = ck.get("13-1020")
    assert buyers.title.en == "Buyers and Purchasing Agents"
    assert buyers.summary == ()
    assert "O*NET-SOC" not in buyers.codes
    # its outlook (BLS's projections) and, as specialties, the three occupations O*NET
    # describes in its place (13-1021 .. 13-1023): never a description of its own
    assert [source.id for source in buyers.sources] == [OEWS, "bls-ep-2024-34", "onet-29-3"]
    assert [s.code for s in buyers.specialties] == ["13-1021.00", "13-1022.00", "13-1023.00"]
    assert buyers.preparation is None and buyers.duties == ()
    assert band(buyers, "US", "year").median is not None


# --- keeping exactly what BLS published --------------------------------------------------------


def test_annual_figures_are_bls_own_not_derived() -> None:
    csr = ck.get("43-4051")
    derived = band(csr, "US", "hour").median * 2080  # type: ignore[operator]
    assert derived == Decimal("44782.40") != band(csr, "US", "year").median


def test_annual_only_occupations_have_no_hourly_band() -> None:
    pilots = ck.get("53-2011")
    assert pilots.id == "airline-pilots-copilots-and-flight-engineers"
    assert [b.period.value for b in pilots.pay_bands("US")] == ["year"]
    annual = band(pilots, "US", "year")
    assert annual.median == Decimal(232140)
    assert annual.note is not None and "footnote 4" in annual.note.en


def test_top_coded_figures_are_named_never_given_as_numbers() -> None:
    surgeons = ck.get("29-1022")
    alabama = band(surgeons, "US-AL", "year")
    assert alabama.percentiles == {} and alabama.mean is None
    assert alabama.top_coded == ("mean", "p10", "p25", "median", "p75", "p90")
    assert alabama.top_code == Decimal(239200)
    assert band(surgeons, "US-AL", "hour").top_code == Decimal("115.00")
    iowa = band(ck.get("29-1249"), "US-IA", "hour")
    assert iowa.top_coded == ("p90",) and iowa.statistic("p90") is None
    assert iowa.percentiles[75] == Decimal("315.96")
    from careerkit.text.format import format_figures

    assert format_figures(alabama, "en_US") == (
        "mean, p10, p25, median, p75, p90 ≥ $239,200 a year (May 2025)"
    )


def test_estimates_not_released_are_absent_never_zero() -> None:
    administrators = ck.get("11-9039")
    assert "US-AL" not in {item.region for item in administrators.employment}  # footnote 8
    assert band(administrators, "US-AL", "hour").median == Decimal("45.49")
    for career in (ck.get("29-1022"), administrators):
        for pay_band in career.pay:
            assert all(value > 0 for value in pay_band.percentiles.values())


def test_every_state_and_territory_is_an_iso_3166_2_region(
    everyone: tuple[ck.Career, ...],
) -> None:
    regions = {b.region for career in everyone for b in career.pay if b.source == OEWS}
    assert {"US", "US-CA", "US-TX", "US-DC", "US-PR", "US-GU", "US-VI"} <= regions
    assert len(regions) == 55  # the nation, 50 states, DC, Guam, Puerto Rico, Virgin Islands
    nurses = ck.get("registered-nurses")
    texas = jobs(nurses, "US-TX")
    assert (texas.count, texas.rse) == (271_380, Decimal("1.1"))
    assert (texas.per_1000, texas.location_quotient) == (Decimal("19.287"), Decimal("0.89"))
    assert jobs(nurses, "US").per_1000 is None  # BLS gives these for states only
    assert "US-GU" not in {b.region for b in nurses.pay}  # BLS released no Guam estimate


# --- every career -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def everyone() -> tuple[ck.Career, ...]:
    return ck.careers()


def test_every_catalogue_career_passes_the_conformance_check(
    everyone: tuple[ck.Career, ...],
) -> None:
    for career in everyone:
        check_profile(career)


def test_every_object_built_without_validation_equals_the_validated_one(
    everyone: tuple[ck.Career, ...],
) -> None:
    """The catalogue builds bands with careerkit.model._checks.trusted: check them all."""
    for career in everyone:
        for item in (*career.pay, *career.employment):
            assert attrs.evolve(item) == item  # evolve runs converters and validators
        assert attrs.evolve(career) == career


def test_major_groups_browse() -> None:
    health = ck.careers(group="29-0000")
    assert ck.get("registered-nurses") in health
    assert all(c.codes["SOC-2018 major group"] == "29-0000" for c in health)
    assert ck.careers(group="29") == health
    assert sum(len(ck.careers(group=code)) for code in catalogue.major_groups()) == 830
    with pytest.raises(ck.ValidationError, match=r"^group: '99' is not a SOC major group"):
        ck.careers(group="99")


# --- ids -------------------------------------------------------------------------------------


def test_released_ids_never_change() -> None:
    released = read_ids(IDS)
    assert len(released) >= 830
    for soc, career_id in released.items():
        career = ck.get(career_id)
        assert career.codes["SOC-2018"] == soc
        assert career.id == career_id or career_id in career.aliases


def test_ids_are_the_slug_of_the_title() -> None:
    released = read_ids(IDS)
    for occupation in catalogue.occupations().values():
        assert released[occupation.soc] == occupation.id == slug(occupation.title)


@pytest.mark.parametrize(
    "key",
    [
        "29-1141",
        "291141",
        "29-1141.00",
        "Registered Nurses",
        "registered nurses",
        "REGISTERED-NURSES",
    ],
)
def test_every_kind_of_key(key: str) -> None:
    assert ck.get(key).id == "registered-nurses"


def test_title_keys_ignore_punctuation() -> None:
    assert ck.get("airline pilots copilots and flight engineers").codes["SOC-2018"] == "53-2011"
    assert ck.get("Cooks; Restaurant").id == "cooks-restaurant"


def test_each_key_of_the_catalogue_reaches_one_career() -> None:
    """What ``careerkit data update oews`` checks of the catalogue a release would make
    (``clash``) holds for the shipped one: every key of every occupation reaches it (or the
    built-in profile that is it), and no built-in profile's key reaches another."""
    stack = catalogue._catalogue()
    assert stack.clash(list(catalogue.occupations())) is None
    for occupation in catalogue.occupations().values():
        for key in occupation.lookup_keys().values():
            assert ck.get(key).codes["SOC-2018"] == occupation.soc
    for career_id in ("customer-service", "public-relations-specialist"):
        career = ck.get(career_id)
        assert all(ck.get(key) is career for key in career.aliases)


def test_an_installed_release_dated_in_other_digits_is_damaged(tmp_path: Path) -> None:
    from careerkit.data import InstalledRelease

    shipped = catalogue.shipped_folder()
    contents = {name: (shipped / name).read_bytes() for name in ("occupations.tsv", "oews.bin")}
    about = json.loads((shipped / "release.json").read_text(encoding="utf-8"))
    contents["release.json"] = json.dumps(
        about | {"reference_date": "\u0662\u0660\u0662\u0665-05"}
    ).encode()
    release = InstalledRelease(
        folder=tmp_path / "release",
        name="OEWS",
        reference_date="\u0662\u0660\u0662\u0665-05",
        areas=("US",),
        occupations=830,
        files=(),
        contents=contents,
    )
    with pytest.raises(ck.DataFormatError, match=r"release\.json: its 'reference_date' is"):
        catalogue.stacked([release])


# --- the rich profiles, extended ---------------------------------------------------------------


def test_rich_profiles_gain_the_release_not_a_twin(everyone: tuple[ck.Career, ...]) -> None:
    claiming = [c.id for c in everyone if c.codes.get(ck.CodeSystem.SOC_2018) == "43-4051"]
    assert claiming == ["customer-service"]
    csr = ck.get("customer-service-representatives")
    assert csr is ck.get("csr")
    sources = [source.id for source in csr.sources]
    assert {"bls-oes-may-2008", OEWS, "onet-29-2"} <= set(sources)
    assert csr.get_source(OEWS).provider == "careerkit"
    dates = sorted({str(b.reference_date) for b in csr.pay_bands("US")})
    assert dates == ["2008-05", "2025-05"]
    assert csr.title.hi is not None
    check_profile(csr)  # India-facing: its own facts in Hindi; O*NET's is O*NET's English


@pytest.mark.parametrize(
    ("key", "soc"), [("customer-service", "43-4051"), ("public-relations-specialist", "27-3031")]
)
def test_rich_profiles_carry_the_onet_description_beside_their_own(key: str, soc: str) -> None:
    """The README's promise, every occupation with its O*NET description, holds for the two
    careers careerkit writes itself: O*NET's comes after their own bilingual summary."""
    own = Registry.from_entry_points(catalogue=False).get(key)
    career = ck.get(soc)
    assert career.id == key
    assert career.summary[: len(own.summary)] == own.summary  # theirs first, unchanged
    assert all(fact.text.hi for fact in own.summary)
    (onet,) = career.summary[len(own.summary) :]
    assert onet == ck.Fact(text=ck.Text(catalogue.descriptions()[f"{soc}.00"]), source="onet-29-2")
    source = career.get_source("onet-29-2")
    assert source.title.en == "O*NET 29.2 Database: Occupation Data"
    assert source.provider == "careerkit"
    assert catalogue.ATTRIBUTION in source.note.en  # type: ignore[union-attr]
    # careerkit show: the two read in order, O*NET's cited to O*NET
    from careerkit._render import render_career

    text = render_career(career)
    summary = text[text.index("Summary") : text.index("\n\n", text.index("Summary"))]
    lines = summary.splitlines()[1:]
    assert len(lines) == len(own.summary) + 1
    assert lines[-1].startswith(f"  • {catalogue.descriptions()[f'{soc}.00']} [")
    number = lines[-1].rsplit("[", 1)[1].rstrip("]")
    assert f"\n  [{number}] " in text and "O*NET 29.2 Database: Occupation Data" in text
    hindi = render_career(career, lang="hi")
    assert own.summary[0].text.hi in hindi  # type: ignore[operator]


def test_every_wage_rse_bls_publishes_is_kept(everyone: tuple[ck.Career, ...]) -> None:
    """BLS's wage RSE is the mean's: kept wherever the mean is published, or top-coded (all of
    a state's wages at or above the top code still have their standard error)."""
    stack = catalogue._catalogue()
    rse = 1 + catalogue.FIELDS.index("wage_rse")
    by_soc = {c.codes["SOC-2018"]: c for c in everyone}
    published = top_coded = 0
    for occupation in catalogue.occupations().values():
        bands = {
            (b.region, b.period.value): b for b in by_soc[occupation.soc].pay if b.source == OEWS
        }
        ((_, rows),) = stack.figures(occupation)
        for _, row in rows:
            if not row[rse]:
                continue
            published += 1
            found = [
                bands[row[0], period] for period in ("hour", "year") if (row[0], period) in bands
            ]
            assert found and all(band.mean_rse == Decimal(row[rse]) for band in found)
            top_coded += all("mean" in band.top_coded for band in found)
    assert (published, top_coded) == (36_482, 92)
    alabama = band(ck.get("29-1022"), "US-AL", "year")
    assert alabama.mean is None and "mean" in alabama.top_coded
    assert alabama.mean_rse == Decimal("17.8")
    assert band(ck.get("29-1022"), "US-AL", "hour").mean_rse == Decimal("17.8")


def test_o_net_attribution_and_bls_disclaimer_travel_with_the_data() -> None:
    nurses = ck.get("registered-nurses")
    onet = nurses.get_source("onet-29-2")
    assert onet.note is not None and catalogue.ATTRIBUTION in onet.note.en
    assert "USDOL/ETA has not approved, endorsed or tested careerkit" in onet.note.en
    oews = nurses.get_source(OEWS)
    assert oews.note is not None and catalogue.DISCLAIMER in oews.note.en


# --- plug-ins and the catalogue: one rule ------------------------------------------------------


def _with(documents: list[ck.Career]) -> Registry:
    """The default providers plus one plug-in giving *documents*."""
    return Registry._from_providers(
        [*_installed(), ("nurse-plugin", lambda: [(d, "nurse-plugin: inline") for d in documents])],
        strict=False,
        extensions=True,
    )


def _nurse(**changes: object) -> ck.Career:
    fields: dict[str, object] = {
        "id": "nurse-rn",
        "title": ck.Text("Nurse (RN)"),
        "sources": [ck.Source(id="soc", title=ck.Text("SOC 2018"))],
        "occupation_codes": [ck.OccupationCode(system="SOC-2018", code="29-1141", source="soc")],
        "extends": "29-1141",  # declared: undeclared, the claim warns (tests/test_plugin_claims.py)
    }
    return ck.Career(**{**fields, **changes})  # type: ignore[arg-type]


def test_a_plugin_claiming_a_soc_code_is_that_occupation() -> None:
    registry = _with([_nurse()])
    career = registry.get("29-1141")
    assert career.id == "nurse-rn"
    assert registry.get("registered-nurses") is career  # the catalogue id is now its alias
    assert band(career, "US", "hour").median == Decimal("46.90")
    assert "registered-nurses" not in [c.id for c in registry.careers()]
    assert registry.problems == []


def test_a_plugin_answering_to_a_catalogue_key_without_its_code_is_skipped() -> None:
    clash = _nurse(occupation_codes=[], sources=[], aliases=["Registered Nurses"], extends=None)
    with pytest.warns(ck.CareerkitWarning, match="'Registered Nurses' is claimed by career"):
        registry = _with([clash])
    assert registry.get("registered nurses").id == "registered-nurses"
    assert "nurse-rn" not in registry


def test_two_careers_claiming_one_code_still_clash() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        registry = _with([_nurse(), _nurse(id="nurse-two", title=ck.Text("Nurse two"))])
    assert len(caught) == 1 and "'29-1141' is claimed by career 'nurse-rn'" in str(
        caught[0].message
    )
    assert registry.get("29-1141").id == "nurse-rn"


def test_without_the_catalogue() -> None:
    assert len(Registry.from_entry_points(catalogue=False)) == 2
    assert len(Registry.from_entry_points(extensions=False)) == 2


# --- lazy, and safe across threads -------------------------------------------------------------


def test_careers_are_built_when_first_asked_for() -> None:
    registry = Registry.from_entry_points()
    built = [c for c, _ in registry._careers.values() if isinstance(c, ck.Career)]
    assert built == []  # none at load, not even careerkit's own profiles
    registry.get("29-1141")
    built = [c for c, _ in registry._careers.values() if isinstance(c, ck.Career)]
    assert [c.id for c in built] == ["registered-nurses"]


def test_racing_first_lookups_build_one_career() -> None:
    registry = Registry.from_entry_points()
    barrier = threading.Barrier(8)
    found: list[ck.Career] = []

    def look() -> None:
        barrier.wait()
        found.append(registry.get("29-1141"))

    threads = [threading.Thread(target=look) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == 8 and all(career is found[0] for career in found)


def test_built_in_profiles_wait_to_be_built() -> None:
    from careerkit.catalogue.sources.profiles import OwnProfiles, Pending

    documents = _documents(OwnProfiles())
    assert [type(document) for document, _ in documents] == [Pending, Pending]
