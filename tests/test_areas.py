"""Metropolitan and nonmetropolitan areas: finding them, their figures as BLS published them,
and every place a region is taken."""

from __future__ import annotations

import csv
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit
from careerkit import Area, AreaNotFoundError, PayBandNotFoundError, ValidationError
from careerkit.catalogue import FIELDS
from careerkit.catalogue._area_file import AreaFormatError, encode, header, read
from careerkit.catalogue._releases import shipped_folder
from careerkit.catalogue.sources import oews_areas
from careerkit.errors import WrongTypeError

SAMPLE = Path(__file__).parent / "data" / "oews-areas-sample.csv"
METRO_SHA256 = "fd9c270dba7955ba60bedc0647437907f20e5498d7992cfad145923f429dc740"
"""The uncompressed CSV's sha256, as PROVENANCE.md records it."""


def shipped() -> bytes:
    return (shipped_folder() / "areas.bin").read_bytes()


# --- the shipped file against BLS's ---------------------------------------------------------


def test_the_shipped_file_cites_bls_file_and_holds_every_area() -> None:
    head = header(shipped())
    about = head["about"]
    assert about["files"]["oews-may-2025-metro.csv"] == METRO_SHA256
    assert about["reference_date"] == "2025-05"
    assert about["areas"] == len(head["areas"]) == 528
    assert about["rows"] == sum(head["counts"]) == 186_704
    kinds = [area.kind for area in careerkit.areas()]
    assert (kinds.count("metropolitan"), kinds.count("nonmetropolitan")) == (393, 135)


def test_a_sample_of_bls_rows_reads_back_as_printed() -> None:
    figures = read(shipped())
    with open(SAMPLE, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) > 450
    kept = 0
    for row in rows:
        found = figures.row(row["soc_code"], row["area_code"])
        if row["display_level"] == "3" or row["soc_code"] == "00-0000":
            assert found == [row[name] for name in FIELDS], (row["area_code"], row["soc_code"])
            kept += 1
        else:  # major and minor groups are not shipped
            assert found is None
    assert kept > 400


def test_known_figures_of_new_york() -> None:
    csr = careerkit.get("43-4051")
    hourly, annual = csr.pay_bands("0035620")
    assert hourly.median == Decimal("23.84")
    assert annual.median == Decimal("49590")
    assert (annual.percentiles[10], annual.percentiles[90]) == (Decimal("36930"), Decimal("77290"))
    assert annual.area == careerkit.area("New York-Newark-Jersey City, NY-NJ")
    assert annual.region == "US"  # it lies in two states
    (jobs,) = csr.employment_in("0035620")
    assert jobs.count == 125_570
    assert jobs.area is annual.area or jobs.area == annual.area


def test_known_figures_of_austin_and_a_nonmetropolitan_area() -> None:
    everyone = careerkit.catalogue.all_occupations("0012420")
    assert [band.median for band in everyone.pay] == [Decimal("27.38"), Decimal("56950")]
    assert everyone.employment[0].count == 1_293_690
    nonmetro = careerkit.get("43-4051").pay_bands("3600001")
    assert nonmetro[-1].median == Decimal("42780")
    assert nonmetro[-1].region == "US-NY"
    assert nonmetro[-1].area.kind == "nonmetropolitan"


def test_bands_follow_the_state_rules_for_footnotes() -> None:
    # every sampled row with BLS's marks: absent figures stay absent, never 0
    with open(SAMPLE, encoding="utf-8", newline="") as file:
        rows = [row for row in csv.DictReader(file) if row["display_level"] == "3"]
    checked = 0
    for row in rows:
        occupation = careerkit.catalogue.occupations().get(row["soc_code"])
        if occupation is None:
            continue
        career = careerkit.get(row["soc_code"])
        try:
            bands = career.pay_bands(row["area_code"])
        except PayBandNotFoundError:
            assert not any(row[f"annual_{name}"] or row[f"hourly_{name}"] for name in ("median",))
            continue
        for band in bands:
            prefix = "hourly" if band.period.value == "hour" else "annual"
            for key, name in ((10, "p10"), (25, "p25"), (50, "median"), (75, "p75"), (90, "p90")):
                printed = row[f"{prefix}_{name}"]
                assert band.percentiles.get(key) == (Decimal(printed) if printed else None)
            checked += 1
    assert checked > 200


# --- finding areas --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [
        "0012420",
        "12420",
        "Austin-Round Rock-San Marcos, TX",
        "austin-round rock-san marcos, tx",
        "  AUSTIN ",
        "austin",
        "aus",
        "round rock",
    ],
)
def test_an_area_by_code_cbsa_name_or_words(key: str) -> None:
    austin = careerkit.area(key)
    assert (austin.code, austin.cbsa, austin.kind) == ("0012420", "12420", "metropolitan")
    assert austin.states == ("US-TX",)
    assert careerkit.area(austin) is austin


def test_the_states_come_from_the_name_or_the_code() -> None:
    assert careerkit.area("0035620").states == ("US-NY", "US-NJ")
    capital = careerkit.area("3600001")
    assert (capital.cbsa, capital.states) == (None, ("US-NY",))
    assert capital.name == "Capital/Northern New York nonmetropolitan area"


def test_an_ambiguous_key_lists_its_candidates() -> None:
    with pytest.raises(AreaNotFoundError, match="names 2 areas") as caught:
        careerkit.area("portland")
    assert isinstance(caught.value, LookupError)
    assert [area.code for area in caught.value.candidates] == ["0038860", "0038900"]
    assert careerkit.area("portland or").code == "0038900"
    with pytest.raises(AreaNotFoundError, match="Springfield, IL"):
        careerkit.area("springfield")


def test_words_that_begin_one_name_choose_it() -> None:
    # "new york" is in nonmetropolitan areas' names too, but begins only New York-Newark-...
    assert careerkit.area("new york").code == "0035620"


@pytest.mark.parametrize("key", ["gotham", "1234567", "99999", "123", "", "   ", "٠٠١٢٤٢٠"])
def test_an_unknown_area_is_refused_clearly(key: str) -> None:
    with pytest.raises(AreaNotFoundError, match="area"):
        careerkit.area(key)


def test_an_area_that_is_not_text_is_refused() -> None:
    with pytest.raises(WrongTypeError):
        careerkit.area(12420)  # type: ignore[arg-type]


def test_areas_filter_by_text_and_state() -> None:
    texas = careerkit.areas(state="US-TX")
    assert texas and all("US-TX" in area.states for area in texas)
    assert careerkit.area("texarkana") in texas  # Texarkana, TX-AR lies partly in Texas
    assert careerkit.area("texarkana") in careerkit.areas(state="US-AR")
    assert {area.name for area in careerkit.areas("springfield")} >= {
        "Springfield, IL",
        "Springfield, MA",
    }
    assert careerkit.areas("austin", state="US-CA") == ()
    assert [area.code for area in careerkit.areas()] == sorted(a.code for a in careerkit.areas())
    with pytest.raises(ValidationError, match="US state"):
        careerkit.areas(state="IN")
    with pytest.raises(ValidationError):
        careerkit.areas(state="us-tx")


# --- the model ------------------------------------------------------------------------------


def test_an_area_checks_its_fields() -> None:
    good = {
        "code": "0012420",
        "cbsa": "12420",
        "name": "Austin",
        "kind": "metropolitan",
        "states": ("US-TX",),
    }
    assert Area(**good).region == "US-TX"
    for field, bad in [
        ("code", "12420"),
        ("cbsa", "1242"),
        ("cbsa", None),
        ("kind", "rural"),
        ("states", ()),
        ("states", ("IN-DL",)),
        ("name", " "),
    ]:
        with pytest.raises(ValidationError):
            Area(**{**good, field: bad})
    with pytest.raises(ValidationError, match="CBSA"):
        Area(**{**good, "code": "0099999"})


def test_a_band_of_an_area_carries_the_area_region() -> None:
    band = careerkit.get("43-4051").pay_bands("austin")[0]
    assert band.region == "US-TX"
    with pytest.raises(ValidationError, match="region"):
        attrs.evolve(band, region="US-CA")
    assert "0012420" in repr(band)


def test_an_area_band_round_trips_through_the_document_form() -> None:
    csr = careerkit.get("43-4051")
    with_area = attrs.evolve(csr, pay=(*csr.pay, *csr.pay_bands("austin")))
    again = careerkit.from_dict(careerkit.to_dict(with_area))
    assert again.pay == with_area.pay
    assert again.pay[-1].area == careerkit.area("austin")


# --- every place a region is taken ----------------------------------------------------------


def test_conversions_history_and_growth_take_an_area() -> None:
    csr = careerkit.get("43-4051")
    converted = csr.pay_in("USD", "year", region="austin")
    assert converted[-1].median.amount == Decimal("43720")
    (median,) = csr.pay_history("austin", period="year")
    assert median.amount == Decimal("43720")
    with pytest.raises(PayBandNotFoundError, match="Austin-Round Rock-San Marcos, TX"):
        csr.pay_growth("austin")


def test_growth_refuses_an_area_against_its_state() -> None:
    csr = careerkit.get("43-4051")
    state = [band for band in csr.pay_bands("US-TX") if band.period.value == "year"][-1]
    area = csr.pay_bands("austin")[-1]
    with pytest.raises(ValidationError, match="one region"):
        careerkit.PayGrowth.between(area, state)


def test_iso_shaped_text_is_a_region_code_never_an_area() -> None:
    csr = careerkit.get("43-4051")
    with pytest.raises(ValidationError, match="did you mean 'IN'"):
        csr.pay_bands("in")
    with pytest.raises(WrongTypeError):
        csr.pay_bands(5)  # type: ignore[arg-type]


def test_a_career_bls_has_no_figure_for_there() -> None:
    # Physicists are far too few in a small nonmetropolitan area for BLS to publish them
    with pytest.raises(PayBandNotFoundError, match=r"19-2012\).*BLS publishes no figures"):
        careerkit.get("19-2012").pay_bands("3600001")


def test_a_career_without_a_soc_code_has_no_area_figures() -> None:
    csr = careerkit.get("43-4051")
    codes = {system: code for system, code in csr.codes.items() if system != "SOC-2018"}
    uncoded = attrs.evolve(
        csr,
        occupation_codes=tuple(c for c in csr.occupation_codes if c.system.value != "SOC-2018"),
    )
    assert "SOC-2018" not in uncoded.codes and codes
    with pytest.raises(PayBandNotFoundError, match="no SOC-2018 code"):
        uncoded.pay_bands("austin")


def test_compare_takes_an_area() -> None:
    table = careerkit.compare(
        "43-4051",
        "29-1141",
        currency="USD",
        period="year",
        region="New York-Newark-Jersey City, NY-NJ",
    )
    assert table.region == "New York-Newark-Jersey City, NY-NJ"
    assert {row.career.id for row in table.rows} == {"customer-service", "registered-nurses"}
    assert all(row.band.area.code == "0035620" for row in table.rows)
    assert "New York-Newark-Jersey City, NY-NJ" in table.render()
    assert table.to_dict()["rows"][0]["area"] == "0035620"


def test_careers_frame_takes_an_area() -> None:
    from careerkit._career_table import career_rows

    careers = [careerkit.get(key) for key in ("43-4051", "19-2012")]
    csr, _ = career_rows("0035620", careers)
    assert (csr.employment, csr.annual_median) == (125_570, Decimal("49590"))
    rows = career_rows("3600001", careers)
    assert rows[1].annual_median is None and rows[1].employment is None  # none published


# --- loading --------------------------------------------------------------------------------


def test_nothing_of_the_areas_loads_until_an_area_is_asked_for() -> None:
    code = (
        "import sys, careerkit; careerkit.get('29-1141'); careerkit.get('csr').pay_in('USD', 'year', when='2024');"
        "careerkit.careers();"
        "print(*(m in sys.modules for m in ('careerkit.catalogue.sources.oews_areas',"
        " 'careerkit.catalogue._area_file', 'lzma')));"
        "careerkit.get('29-1141').pay_bands('austin');"
        "print('careerkit.catalogue._area_file' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False", "False", "True"]


def test_a_damaged_shipped_file_is_reported(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blob = shipped()
    (tmp_path / "areas.bin").write_bytes(blob[: header(blob)["_start"] + 100])
    monkeypatch.setattr(oews_areas, "shipped_folder", lambda: tmp_path)
    oews_areas._stack.cache_clear()
    try:
        careerkit.area("austin")  # the header is whole: the areas are known
        with pytest.raises(careerkit.DataFormatError, match=r"damaged.*areas\.bin"):
            careerkit.get("43-4051").pay_bands("austin")
    finally:
        oews_areas._stack.cache_clear()


@pytest.mark.parametrize(
    "blob", [b"", b"careerkit-areas 1\n", b"careerkit-areas 1\n00000002\n{}", b"PK\x03\x04"]
)
def test_a_file_that_is_not_an_area_file_is_refused(blob: bytes) -> None:
    with pytest.raises(AreaFormatError):
        read(blob)


# --- the format, for any figures ------------------------------------------------------------

_CENTS = st.integers(min_value=0, max_value=60_000)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[tuple[str, str]], list[dict[str, str]], dict[str, int]]:
    codes = draw(
        st.lists(st.sampled_from(["0012420", "0035620", "3600001"]), min_size=1, unique=True)
    )
    socs = draw(st.lists(st.sampled_from(["11-1011", "29-1141", "43-4051"]), unique=True))
    rows = []
    for code in sorted(codes):
        total = draw(st.integers(min_value=10, max_value=900_000)) * 10
        rows.append(_row(code, "00-0000", total, draw, total))
        for soc in socs:
            if draw(st.booleans()):
                jobs = draw(st.integers(min_value=0, max_value=total // 10)) * 10
                rows.append(_row(code, soc, jobs, draw, total))
    national = {"00-0000": 155_495_730, "29-1141": 3_300_000, "43-4051": 2_595_750}
    return [(code, f"Area {code}") for code in sorted(codes)], rows, national


def _row(code: str, soc: str, jobs: int, draw: st.DrawFn, total: int) -> dict[str, str]:
    hourly = sorted(draw(st.lists(_CENTS, min_size=6, max_size=6)))
    row = {"area_code": code, "soc_code": soc, "footnotes": draw(st.sampled_from(["", "x=5"]))}
    per_1000 = jobs * 1_000_000 // total  # thousandths
    row["employment"] = str(jobs) if draw(st.booleans()) else ""
    row["employment_rse"] = f"{draw(st.integers(0, 999)) / 10:.1f}"
    row["wage_rse"] = "" if draw(st.booleans()) else f"{draw(st.integers(0, 999)) / 10:.1f}"
    row["jobs_per_1000"] = f"{per_1000 // 1000}.{per_1000 % 1000:03d}"
    row["location_quotient"] = f"{draw(st.integers(0, 9999)) / 100:.2f}"
    for name, cents in zip(("mean", "p10", "p25", "median", "p75", "p90"), hourly, strict=True):
        published = draw(st.integers(0, 9))  # now and then a figure BLS did not publish
        row[f"hourly_{name}"] = "" if published == 0 else f"{cents // 100}.{cents % 100:02d}"
        annual = (cents * 2080 // 100 + 5) // 10 * 10
        row[f"annual_{name}"] = "" if published == 1 else str(annual)
    return row


@given(tables())
def test_any_table_reads_back_as_written(
    table: tuple[list[tuple[str, str]], list[dict[str, str]], dict[str, int]],
) -> None:
    areas, rows, national = table
    figures = read(encode({"reference_date": "2024-05"}, areas, rows, national))
    for row in rows:
        assert figures.row(row["soc_code"], row["area_code"]) == [row[name] for name in FIELDS]
    assert figures.row("99-9999", areas[0][0]) is None


def test_next_steps_in_an_area_compare_the_area_medians() -> None:
    csr = careerkit.get("43-4051")
    steps = csr.next_steps("austin", limit=None)
    assert steps and all(step.region == "Austin-Round Rock-San Marcos, TX" for step in steps)
    for step in steps:
        (annual,) = [b for b in step.career.pay_bands("austin") if b.period.value == "year"]
        assert step.median == annual.median
        assert step.from_median == Decimal("43720")  # the CSR's Austin median
    assert [s.gain for s in steps] == sorted((s.gain for s in steps), reverse=True)
