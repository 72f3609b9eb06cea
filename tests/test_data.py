"""The shipped series: anchor values from their official sources, and the code mapping."""

from __future__ import annotations

import threading
from decimal import Decimal

import pycountry
import pytest

from careerkit import data


@pytest.mark.parametrize(
    ("loader", "key", "expected"),
    [
        # Anchor values published with the snapshots (PROVENANCE.md), checked by hand
        (lambda: data.fx_monthly()["INR"][(2008, 5)], "India 2008-05", "42.0019"),
        (lambda: data.fx_monthly()["GBP"][(1980, 1)], "United Kingdom 1980-01", "0.4417"),
        (lambda: data.fx_yearly()["EUR"][2023], "Euro 2023", "0.9245"),
        (lambda: data.fx_yearly()["INR"][2008], "India 2008", "43.3859"),
        (lambda: data.fx_yearly()["INR"][2024], "India 2024", "83.6566"),
        (lambda: data.us_cpi()[(2008, 5)], "CPI-U 2008-05", "216.632"),
        (
            lambda: data.ppp_factors()["IN"][2008].quantize(Decimal("0.0001")),
            "PPP India 2008",
            "12.5640",
        ),
        (
            lambda: data.ppp_factors()["IN"][2024].quantize(Decimal("0.0001")),
            "PPP India 2024",
            "20.4220",
        ),
        (
            lambda: data.inflation_rates()["USA"][2008].quantize(Decimal("0.0001")),
            "US 2008",
            "3.8391",
        ),
        (
            lambda: data.inflation_rates()["USA"][2009].quantize(Decimal("0.0001")),
            "US 2009",
            "-0.3555",
        ),
    ],
)
def test_anchor_values(loader: object, key: str, expected: str) -> None:
    assert loader() == Decimal(expected), key  # type: ignore[operator]


def test_every_fed_series_maps_to_its_countrys_currency() -> None:
    # ISO 4217 national codes begin with the country's ISO 3166 alpha-2 code.
    for name, code in data.FX_SERIES.items():
        if code == "EUR":
            continue
        country = pycountry.countries.lookup(name.replace("South Korea", "Korea, Republic of"))
        assert code[:2] == country.alpha_2, name
        assert pycountry.currencies.get(alpha_3=code) is not None, code


def test_left_out_series_are_not_mapped() -> None:
    assert "Venezuela" not in data.FX_SERIES  # VEB, VEF and VES in one unmarked series
    assert "Germany" not in data.FX_SERIES  # DEM, ended 2001
    assert set(data.fx_monthly()) == set(data.FX_SERIES.values())


def test_series_are_read_only() -> None:
    with pytest.raises(TypeError):
        data.fx_monthly()["INR"] = {}  # type: ignore[index]


def test_loaders_parse_once_across_threads() -> None:
    results = []
    barrier = threading.Barrier(6)

    def load() -> None:
        barrier.wait()
        results.append(data.ppp_factors())

    threads = [threading.Thread(target=load) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result is results[0] for result in results)


def test_every_series_names_its_official_source() -> None:
    assert {info.source.split(",")[0] for info in data.SERIES.values()} == {
        "Board of Governors of the Federal Reserve System",
        "U.S. Bureau of Labor Statistics",
        "World Bank",
    }


def test_regions_checked_without_pycountry_are_iso_3166_codes() -> None:
    import pycountry

    from careerkit.model._iso import COMMON_REGIONS

    known = {s.code for s in pycountry.subdivisions} | {c.alpha_2 for c in pycountry.countries}
    assert known >= COMMON_REGIONS
    us = {s.code for s in pycountry.subdivisions if s.country_code == "US"}
    india = {s.code for s in pycountry.subdivisions if s.country_code == "IN"}
    assert us | india <= COMMON_REGIONS  # every US and Indian subdivision, none left out
