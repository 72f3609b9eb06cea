"""This package's careers, as careerkit finds them, pass careerkit's own conformance check."""

import careerkit
from careerkit.testing import check_profile


def test_careerkit_finds_the_new_career() -> None:
    career = careerkit.get("telemarketer")
    assert career.codes["SOC-2018"] == "41-9041"
    assert careerkit.get("41-9041") is career


def test_the_extension_is_merged_with_its_provenance() -> None:
    career = careerkit.get("customer-support-executive")
    assert career.id == "customer-service"
    (west_bengal,) = [f for f in career.funding if f.regions == ("IN-WB",)]
    source = career.get_source(west_bengal.source)
    assert source.provider == "careerkit-example-profiles"


def test_profiles_conform() -> None:
    check_profile(careerkit.get("telemarketer"))
    check_profile(careerkit.get("customer-service"))
