"""The shipped series: anchor values from their official sources, and the code mapping."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path

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
        # G.5A's pound (FRED AEXUSUK), in US dollars per pound: the shipped value is its inverse
        (lambda: 1 / data.fx_yearly()["GBP"][2008], "United Kingdom 2008 (USD per GBP)", "1.8545"),
        (lambda: 1 / data.fx_yearly()["GBP"][2019], "United Kingdom 2019 (USD per GBP)", "1.2768"),
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
        "European Central Bank",
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


# --- status, and the data README's claims ---------------------------------------------------------


def _status(kind: str) -> data.SeriesStatus:
    (found,) = [series for series in data.status() if series.kind == kind]
    return found


def test_status_of_every_series() -> None:
    assert [series.kind for series in data.status()] == list(data.KINDS)
    cpi = _status("cpi")
    assert (cpi.span, cpi.last, cpi.last_value) == ("1913-01 to 2026-05", "2026-05", "335.123")
    assert cpi.gaps == (("US", "2025-10", data.KNOWN_GAPS["cpi", "US", "2025-10"]),)
    assert cpi.in_use == "shipped snapshot" and cpi.licence.startswith("public domain")
    (file,) = cpi.files
    path = Path(data.__file__).with_name("us-cpi-u-monthly.csv")
    assert file.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert file.shipped and file.retrieved == "2026-11-23"
    inflation = _status("inflation")
    assert "EMU" in inflation.ends["2023"] and "USA" in inflation.ends["2024"]
    assert (
        "DJI",
        "1988 to 2000",
        "not published: World Bank has no figure for it",
    ) in inflation.gaps
    assert inflation.licence == "CC BY 4.0 (World Bank)"
    fx_annual = _status("fx-annual")
    assert fx_annual.notes == (
        "G.5A has no series for LKR in the data in use: careerkit computes its annual averages "
        "from the monthly series, as the Fed computes G.5A",
        "G.5A figures for GBP in the data in use end in 2019: careerkit computes later years "
        "from the monthly series, as the Fed computes G.5A, until a newer file is installed "
        "('careerkit data update fx-annual')",
    )
    assert [file.name for file in fx_annual.files] == ["fx-usd-yearly.csv", "fx-g5a-gbp-annual.csv"]
    assert fx_annual.ends["2019"] == ("GBP",) and "GBP" not in fx_annual.ends["2025"]
    oews = _status("oews")
    assert (oews.span, oews.keys) == ("2025-05", 830)
    assert [f.sha256[:8] for f in oews.files] == ["f462a23e", "3c90bcd2", "63e6029d", "fd9c270d"]
    described = cpi.describe()
    assert "gap: US 2025-10: not collected by BLS" in described and file.sha256 in described
    assert json.loads(json.dumps(cpi.to_dict()))["gaps"][0][:2] == ["US", "2025-10"]


def _readme_rows() -> dict[str, list[str]]:
    text = Path(data.__file__).with_name("README.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[0].strip("`") in data.KINDS:
            rows[cells[0].strip("`")] = cells
    return rows


def test_the_data_readme_says_what_the_data_holds() -> None:
    rows = _readme_rows()
    assert set(rows) == set(data.KINDS) - {"oews"}  # OEWS has a section of its own
    for kind, (_, file, _, source, span, last, gaps) in rows.items():
        series = _status(kind)
        assert file == f"`{series.files[0].name}`", kind
        assert span.startswith(series.span), kind
        assert source.split(",")[0].split(" (")[0] in data.SERIES[kind].source, kind
        if series.last_value is not None:
            assert last == f"{series.last} = {series.last_value}", kind
        else:  # "2024: 125; 2023: 94, ...; earlier: 21"
            counts = {date: len(keys) for date, keys in series.ends.items()}
            stated = dict(re.findall(r"(\d{4}(?:-\d\d)?|earlier): (\d+)", last))
            named = {date: int(n) for date, n in stated.items() if date != "earlier"}
            assert all(counts[date] == n for date, n in named.items()), kind
            rest = sum(n for date, n in counts.items() if date not in named)
            assert int(stated.get("earlier", 0)) == rest, kind
        keys_with_gaps = {key for key, _, _ in series.gaps}
        if gaps == "none":
            assert not keys_with_gaps, kind
        elif "series" in gaps:
            assert gaps.startswith(f"{len(keys_with_gaps)} series"), kind
            for key, dates in re.findall(r"([A-Z]{2,3}) (\d{4} to \d{4})", gaps):
                assert any(g[:2] == (key, dates) for g in series.gaps), (kind, key)
        else:  # one gap, named: "2025-10: not collected by BLS"
            ((_, date, why),) = series.gaps
            assert f"{date}: {why}".startswith(gaps), kind


@pytest.mark.parametrize("kind", [kind for kind in data.KINDS if kind != "oews"])
def test_each_snapshot_records_its_files_sha256(kind: str) -> None:
    path = Path(data.__file__).with_name(data.SERIES[kind].file)
    assert data.SERIES[kind].sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_pounds_g5a_file_is_freds_download_as_recorded() -> None:
    # Shipped byte for byte as FRED served it (PROVENANCE: the Fed's G.5A, FRED AEXUSUK)
    info = data.POUND_G5A
    path = Path(data.__file__).with_name(info.file)
    content = path.read_bytes()
    assert hashlib.sha256(content).hexdigest() == info.sha256
    assert content.startswith(b"DATE,AEXUSUK\n1971-01-01,2.4442\n")
    assert b"\n2008-01-01,1.8545\n" in content and content.endswith(b"\n2019-01-01,1.2768\n")
    readme = path.with_name("README.md").read_text(encoding="utf-8")
    assert info.sha256 in readme and info.url in readme
    file = data.source_of("fx-annual", "GBP", 2008)
    assert (file.name, file.sha256, file.shipped, file.format) == (
        info.file,
        info.sha256,
        True,
        "FRED CSV",
    )
    assert file.publisher == (
        "Board of Governors of the Federal Reserve System, G.5A release, "
        "via FRED (Federal Reserve Bank of St. Louis)"
    )
    assert data.source_of("fx-annual", "INR", 2008).name == "fx-usd-yearly.csv"


def test_importing_the_data_package_leaves_the_installer_and_the_readers_out() -> None:
    """``import careerkit.data`` is on the path of the first conversion: it brings the series
    table and the loaders, and nothing of installing, reading publishers' files, reading the
    data folder back, or describing the series, which come on first use."""
    code = "import sys, careerkit.data; print(*sorted(m for m in sys.modules if 'careerkit.data' in m))"
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "careerkit.data" in found and "careerkit.data._in_use" in found  # the report is real
    later = (
        "_install",
        "_formats",
        "_layers",
        "_releases",
        "_manifest",
        "_disk",
        "_checks",
        "_status",
    )
    assert not [module for module in found if module.rsplit(".", 1)[-1] in later]
