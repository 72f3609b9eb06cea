"""Installing newer official files: checked, laid over the snapshot, cited, atomic, reversible.

Every test installs into a folder of its own (``data.use``), never the user's.
The files are made here in the publishers' layouts (FRED's CSV for CPI-U and the
Fed's exchange rates, the World Bank's WDI CSV), from the shipped values plus
newer months, so known values can be checked on both sides of the old end.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit as ck
from careerkit import Pay, data
from careerkit.data import _install
from careerkit.errors import DataFormatError, DataRevisionError
from careerkit.pay.provenance import ExchangeRateStep, PriceIndexStep

NEWER_CPI = {(2026, 6): "336.4", (2026, 7): "337.1"}


@pytest.fixture
def folder(data_folder: Path) -> Path:
    return data_folder  # conftest's: an empty data folder, in use for the test


def fred_cpi(path: Path, *, start: tuple[int, int] = (2024, 1), extra: dict | None = None) -> Path:
    """A FRED CSV of CPIAUCNS: the shipped values from *start*, 2025-10 as '.', then *extra*."""
    rows = ["observation_date,CPIAUCNS"]
    values = {month: str(value) for month, value in data.us_cpi().items() if month >= start}
    values[(2025, 10)] = "."
    values.update(extra if extra is not None else NEWER_CPI)
    rows += [f"{y}-{m:02d}-01,{value}" for (y, m), value in sorted(values.items())]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def world_bank(path: Path, indicator: str, rows: dict[str, dict[int, str]]) -> Path:
    """A World Bank WDI CSV (bulk download layout) of *indicator* for the years 2020-2025."""
    years = range(2020, 2026)
    lines = [
        '\ufeff"Data Source","World Development Indicators",',
        "",
        '"Last Updated Date","2026-07-01",',
        "",
        '"Country Name","Country Code","Indicator Name","Indicator Code",'
        + ",".join(f'"{year}"' for year in years)
        + ",",
    ]
    for code, values in rows.items():
        cells = ",".join(f'"{values.get(year, "")}"' for year in years)
        lines.append(f'"{code} name","{code}","the indicator","{indicator}",{cells},')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- installed, in use, cited ------------------------------------------------------------------


def test_a_newer_cpi_release_extends_the_series_and_is_cited(folder: Path, tmp_path: Path) -> None:
    old = Pay("14.36", "USD", "hour", when="2008-05")
    with pytest.raises(ck.DataNotAvailableError, match="careerkit data update cpi FILE"):
        old.in_prices_of("2026-07")
    source = fred_cpi(tmp_path / "CPIAUCNS.csv")
    installed = data.update("cpi", source)
    assert installed.new == 2 and installed.revisions == ()
    assert installed.span == "2024-01 to 2026-07"
    # cached factors were dropped: the same question now has an answer
    moved = old.in_prices_of("2026-07")
    assert moved.exact == Fraction("14.36") * Fraction("337.1") / Fraction("216.632")
    (step,) = moved.provenance
    assert isinstance(step, PriceIndexStep)
    update = [file for file in step.data if not file.shipped]
    assert [(file.name, file.sha256) for file in update] == [("CPIAUCNS.csv", sha256(source))]
    assert "via FRED" in step.source  # the publisher it came from, the update's own words
    assert f"your update CPIAUCNS.csv (sha256 {sha256(source)[:16]}" in step.describe()
    # a value only the snapshot has is still the snapshot's, and cited as such
    assert data.source_of("cpi", "US", (2008, 5)).shipped
    assert data.source_of("cpi", "US", (2026, 7)).name == "CPIAUCNS.csv"
    # the gap the file marks keeps its reason: BLS's, not the file's silence
    assert data.gap("cpi", "US", (2025, 10)).startswith("not collected by BLS")


def test_results_from_the_snapshot_alone_never_cite_an_update(folder: Path, tmp_path: Path) -> None:
    data.update("cpi", fred_cpi(tmp_path / "CPIAUCNS.csv", start=(2026, 1)))
    (step,) = Pay(100, "USD", "year", when="2008").in_prices_of("2010").provenance
    assert isinstance(step, PriceIndexStep)
    assert all(file.shipped for file in step.data)
    assert "data:" not in step.describe() and "via FRED" not in step.source


def test_status_says_which_vintage_is_in_use(folder: Path, tmp_path: Path) -> None:
    (before,) = [series for series in data.status() if series.kind == "cpi"]
    assert before.in_use == "shipped snapshot" and before.last == "2026-05"
    source = fred_cpi(tmp_path / "CPIAUCNS.csv")
    data.update("cpi", source)
    (after,) = [series for series in data.status() if series.kind == "cpi"]
    assert after.in_use == "update"
    assert (after.last, after.last_value) == ("2026-07", "337.1")
    assert [file.shipped for file in after.files] == [True, False]
    assert after.files[1].sha256 == sha256(source)
    assert after.files[1].installed is not None and after.folder == str(folder)
    assert ("US", "2025-10") in {(key, date) for key, date, _ in after.gaps}
    assert "U.S. Bureau of Labor Statistics, via FRED" in after.publisher


def test_exchange_rates_from_fred_inverted_where_the_fed_quotes_dollars(
    folder: Path, tmp_path: Path
) -> None:
    path = tmp_path / "fx.csv"
    path.write_text(
        "observation_date,EXINUS,EXUSUK\n2026-06-01,94.96,1.3339\n2026-07-01,95.4012,1.3404\n",
        encoding="utf-8",
    )
    # Past the Fed's end, the ECB's rates fill the month, and say so ...
    (step,) = Pay(1, "GBP", "month", when="2026-07").to_currency("INR").provenance
    assert isinstance(step, ExchangeRateStep)
    assert {file.kind for file in step.data} == {"fx-ecb-monthly"}
    assert "GBP: the Fed's GBP series has no value for 2026-07" in str(step.note)
    with pytest.raises(
        ck.DataNotAvailableError,
        match=r"no monthly average GBP rate for 2030-01: .* \(FRED's CSV of EXUSUK, the Fed's "
        r"monthly GBP rate\) and run 'careerkit data update fx-monthly FILE'",
    ):
        Pay(1, "GBP", "month", when="2030-01").to_currency("INR")
    # ... until the Fed's own figures are installed: the Fed's come first
    data.update("fx-monthly", path)
    pay = Pay(1, "GBP", "month", when="2026-07").to_currency("INR")
    assert float(pay.exact) == pytest.approx(1.3404 * 95.4012, rel=1e-12)
    (step,) = pay.provenance
    assert isinstance(step, ExchangeRateStep)
    assert {file.name for file in step.data} == {"fx.csv"} and step.note is None
    # latest is the latest month of the data in use (here the ECB's), and says so
    latest = Pay(100, "INR", "month").to_currency("USD", when="latest")
    assert str(latest).endswith(" (latest rates: October 2026)")


def test_a_newer_world_bank_file_fills_the_euro_areas_2024(folder: Path, tmp_path: Path) -> None:
    euros = Pay(100, "EUR", "year", when="2023")
    with pytest.raises(
        ck.DataNotAvailableError, match=r"the World Bank series for EMU ends in 2023"
    ):
        euros.in_prices_of("2024")
    emu = {year: str(rate) for year, rate in data.inflation_rates()["EMU"].items() if year >= 2020}
    path = world_bank(
        tmp_path / "API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_1.csv",
        "FP.CPI.TOTL.ZG",
        {"EMU": emu | {2024: "2.4"}},
    )
    data.update("inflation", path)
    assert euros.in_prices_of("2024").exact == 100 * (1 + Fraction("2.4") / 100)
    (series,) = [s for s in data.status() if s.kind == "inflation"]
    assert series.files[1].published == "2026-07-01"


# --- checked before use ------------------------------------------------------------------------


def test_revisions_are_refused_unless_accepted(folder: Path, tmp_path: Path) -> None:
    path = fred_cpi(tmp_path / "CPIAUCNS.csv", extra={(2024, 3): "313.000", **NEWER_CPI})
    with pytest.raises(DataRevisionError) as caught:
        data.update("cpi", path)
    assert caught.value.revisions == (("US", "2024-03", "312.332", "313.000"),)
    message = str(caught.value)
    assert "US 2024-03: 312.332 in use (shipped snapshot), 313.000 in CPIAUCNS.csv" in message
    assert "0.01% of the value" in message and "--accept-revisions" in message
    assert not (folder / "cpi" / "manifest.json").exists()  # nothing installed
    installed = data.update("cpi", path, accept_revisions=True)
    assert installed.revisions == (("US", "2024-03", "312.332", "313.000"),)
    assert data.us_cpi()[(2024, 3)] == Decimal("313.000")
    assert data.source_of("cpi", "US", (2024, 3)).name == "CPIAUCNS.csv"


def test_the_tolerance_lets_the_same_figure_printed_differently_through(
    folder: Path, tmp_path: Path
) -> None:
    # FRED prints 324.800 where the snapshot has 324.8, and 42.00 where it has 42.0019: the
    # same figures; the 2026-06 rupee rate is new
    path = tmp_path / "EXINUS.csv"
    path.write_text(
        "observation_date,EXINUS\n2008-05-01,42.002\n2026-06-01,94.960\n", encoding="utf-8"
    )
    assert data.update("fx-monthly", path).revisions == ()


@given(st.decimals(min_value=1, max_value=10**6, places=4), st.integers(1, 5))
def test_agreement_is_symmetric_in_printed_digits(value: Decimal, digits: int) -> None:
    rounded = round(value, digits - 1)
    assert _install.agrees("cpi", value, rounded)  # the same figure with fewer digits
    assert _install.agrees("cpi", rounded, value)
    assert not _install.agrees("cpi", value, value * Decimal("1.001") + 1)


def test_a_malformed_file_installs_nothing(folder: Path, tmp_path: Path) -> None:
    path = tmp_path / "CPIAUCNS.csv"
    path.write_text("observation_date,CPIAUCNS\n2026-06-01,-5\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match=r"CPIAUCNS\.csv, line 2"):
        data.update("cpi", path)
    assert not (folder / "cpi" / "manifest.json").exists()


@pytest.mark.parametrize(
    ("call", "error", "fragment"),
    [
        (lambda p: data.update("gdp", p), ck.ValidationError, "kind: unknown series 'gdp': expected one of cpi, fx-monthly"),
        (lambda p: data.update("cpi"), ck.ValidationError, "files: give the file(s) to install for cpi"),
        (lambda p: data.update("cpi", p / "nothing.csv"), DataFormatError, "nothing.csv"),
        (lambda p: data.update("cpi", p, reference_date="2026-05"), ck.ValidationError, "reference_date dates an OEWS release"),
        (lambda p: data.update("cpi", p, accept_revisions="yes"), ck.ValidationError, "accept_revisions: expected True or False"),
        (lambda p: data.reset("gdp"), ck.ValidationError, "unknown series 'gdp'"),
        (lambda p: data.use(p / "nowhere"), ck.ValidationError, "is not a folder"),
        (lambda p: data.use(42), ck.WrongTypeError, "directory: expected a folder path, got int 42"),
        (lambda p: data.update("cpi", 42), ck.WrongTypeError, "files: expected a file path, got int 42"),
        (lambda p: data.update("cpi", fred_cpi(p / "c.csv"), directory=fred_cpi(p / "d.csv")), ck.ValidationError, "directory: cannot write to careerkit's data folder"),
    ],
)  # fmt: skip
def test_refused(folder: Path, call: object, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as caught:
        call(folder)  # type: ignore[operator]
    assert fragment in str(caught.value)


def test_a_damaged_folder_is_named_with_the_way_out(folder: Path, tmp_path: Path) -> None:
    data.update("cpi", fred_cpi(tmp_path / "CPIAUCNS.csv"))
    (values,) = (folder / "cpi").glob("*.csv")
    values.write_text(values.read_text() + "US,2026-08,1\n")
    data.use(folder).__exit__(None, None, None)  # drop what was read
    with pytest.raises(DataFormatError) as caught:
        data.us_cpi()
    assert "sha256 is not the one the manifest records" in str(caught.value)
    assert "careerkit data reset cpi" in str(caught.value)
    (folder / "cpi" / "manifest.json").write_text("{not json")
    data.use(folder).__exit__(None, None, None)
    with pytest.raises(DataFormatError, match=r"manifest\.json: cannot be read"):
        data.us_cpi()
    assert data.reset("cpi") == ("cpi",)
    assert data.us_cpi()[(2026, 5)] == Decimal("335.123")


# --- layers, reset, use ------------------------------------------------------------------------


def test_updates_stack_newest_first_and_a_covered_one_is_dropped(
    folder: Path, tmp_path: Path
) -> None:
    first = fred_cpi(tmp_path / "first.csv", start=(2026, 1), extra={(2026, 6): "336.4"})
    data.update("cpi", first)
    second = fred_cpi(tmp_path / "second.csv", start=(2025, 1), extra=NEWER_CPI)
    installed = data.update("cpi", second)
    # every date of the first file is in the second: the first is no longer kept
    assert [file.name for file in installed.replaced] == ["first.csv"]
    assert [file.name for file in data.updates("cpi")] == ["second.csv"]
    assert sorted(path.name for path in (folder / "cpi").iterdir()) == sorted(
        [".lock", "manifest.json", f"{sha256(second)[:16]}.csv"]
    )
    # a narrower later file lies over the wider one where it has values, and only there
    third = fred_cpi(tmp_path / "third.csv", start=(2026, 7), extra={(2026, 7): "337.2"})
    data.update("cpi", third, accept_revisions=True)
    assert [file.name for file in data.updates("cpi")] == ["second.csv", "third.csv"]
    assert data.us_cpi()[(2026, 7)] == Decimal("337.2")
    assert data.source_of("cpi", "US", (2026, 6)).name == "second.csv"


def test_reset_returns_to_the_snapshot(folder: Path, tmp_path: Path) -> None:
    data.update("cpi", fred_cpi(tmp_path / "CPIAUCNS.csv"))
    assert Pay(1, "USD", "month", when="2026-07").in_prices_of("2026-05").amount < 1
    assert data.reset() == ("cpi",)
    assert data.updates("cpi") == ()
    with pytest.raises(ck.DataNotAvailableError, match="covers 1913-01 to 2026-05"):
        Pay(1, "USD", "month", when="2026-07").in_prices_of("2026-05")
    assert data.reset() == ()


def test_use_is_for_this_process_and_restores_on_exit(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    data.update("cpi", fred_cpi(tmp_path / "CPIAUCNS.csv"), directory=one)
    assert data.updates("cpi") == ()  # installed elsewhere than the folder in use
    with data.use(one):
        assert data.us_cpi()[(2026, 7)] == Decimal("337.1")
        with data.use(two):
            assert (2026, 7) not in data.us_cpi()
        assert data.directory() == one
    assert data.directory() == Path(os.environ["CAREERKIT_DATA_DIR"])
    assert (2026, 7) not in data.us_cpi()


def test_threads_see_one_parse_of_the_data_in_use(folder: Path, tmp_path: Path) -> None:
    data.update("cpi", fred_cpi(tmp_path / "CPIAUCNS.csv"))
    seen = []
    barrier = threading.Barrier(8)

    def read() -> None:
        barrier.wait()
        seen.append(data.us_cpi())

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(found is seen[0] for found in seen) and seen[0][(2026, 7)] == Decimal("337.1")


# --- atomic: real processes, really killed --------------------------------------------------------

# The child installs an update and SIGKILLs itself at its Nth call of os.fsync: 1 after
# writing the values file under a temporary name, 2 after renaming it, 3 after writing the
# manifest under a temporary name, 4 after renaming the manifest (the commit).
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from careerkit import data
    calls = 0
    real = os.fsync
    def fsync(handle):
        global calls
        real(handle)
        calls += 1
        if calls == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)
    os.fsync = fsync
    data.update("cpi", sys.argv[2], directory=sys.argv[1])
    """
)


def _state(folder: Path) -> tuple[bytes, dict[tuple[int, int], Decimal]]:
    manifest = (folder / "cpi" / "manifest.json").read_bytes()
    with data.use(folder):
        values = dict(data.us_cpi())
    return manifest, values


@pytest.mark.parametrize("kill_at", [1, 2, 3, 4])
def test_a_process_killed_mid_update_leaves_the_data_intact(tmp_path: Path, kill_at: int) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    data.update("cpi", fred_cpi(tmp_path / "old.csv", extra={(2026, 6): "336.4"}), directory=folder)
    before = _state(folder)
    new = fred_cpi(tmp_path / "new.csv", extra={(2026, 6): "336.4", (2026, 7): "337.1"})
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(new), str(kill_at)], check=False
    )
    assert child.returncode == -signal.SIGKILL
    after = _state(folder)
    if kill_at < 4:  # before the commit: the previous data, byte for byte
        assert after == before
        assert (2026, 7) not in after[1]
    else:  # committed: the new data, whole
        assert json.loads(after[0])["updates"][-1]["name"] == "new.csv"
        assert after[1][(2026, 7)] == Decimal("337.1")
    # the next update tidies what the killed one left behind
    data.update("cpi", new, directory=folder)
    left = {path.name for path in (folder / "cpi").iterdir()}
    assert left == {".lock", "manifest.json", f"{sha256(new)[:16]}.csv"}


def test_killed_at_random_moments_the_data_is_always_old_or_new(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    old = fred_cpi(tmp_path / "old.csv", start=(1913, 1), extra={(2026, 6): "336.4"})
    data.update("cpi", old, directory=folder)
    new = fred_cpi(tmp_path / "new.csv", start=(1913, 1))
    outcomes = set()
    for delay in (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6):
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                f"from careerkit import data; data.update('cpi', {str(new)!r}, directory={str(folder)!r})",
            ]
        )
        try:
            child.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            child.wait()
        _, values = _state(folder)
        outcomes.add("new" if (2026, 7) in values else "old")
        assert values[(2026, 6)] == Decimal("336.4")
        if (2026, 7) in values:
            data.reset("cpi", directory=folder)
            data.update("cpi", old, directory=folder)
    assert outcomes  # each run ended with one whole version or the other


def test_two_processes_updating_at_once_both_install(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    files = [
        fred_cpi(tmp_path / "cpi.csv"),
        tmp_path / "EXINUS.csv",
    ]
    files[1].write_text("observation_date,EXINUS\n2026-07-01,95.4012\n", encoding="utf-8")
    script = "import sys; from careerkit import data; data.update(sys.argv[1], sys.argv[2], directory=sys.argv[3])"
    children = [
        subprocess.Popen([sys.executable, "-c", script, kind, str(path), str(folder)])
        for kind, path in (("cpi", files[0]), ("fx-monthly", files[1]))
    ]
    assert [child.wait(timeout=60) for child in children] == [0, 0]
    with data.use(folder):
        assert data.us_cpi()[(2026, 7)] == Decimal("337.1")
        assert data.fx_monthly()["INR"][(2026, 7)] == Decimal("95.4012")


# --- the command line ----------------------------------------------------------------------------


def _cli(*args: str, folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "careerkit", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CAREERKIT_DATA_DIR": str(folder), "PYTHONIOENCODING": "utf-8"},
    )


def test_cli_update_status_reset(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    source = fred_cpi(tmp_path / "CPIAUCNS.csv")
    done = _cli("data", "update", "cpi", str(source), folder=folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("cpi: installed CPIAUCNS.csv (FRED CSV) into ")
    assert "2024-01 to 2026-07" in done.stdout
    status = json.loads(_cli("data", "status", "cpi", "--json", folder=folder).stdout)
    (cpi,) = status["series"]
    assert cpi["in_use"] == "update" and cpi["files"][1]["sha256"] == sha256(source)
    converted = _cli(
        "convert", "$14.36 an hour", "--when", "2008-05", "--prices-of", "latest", folder=folder
    )
    assert converted.stdout.startswith("$22.35 an hour (latest prices: 2026-07)")
    reset = _cli("data", "reset", "cpi", folder=folder)
    assert reset.stdout.strip() == "the shipped snapshot is in use again for: cpi"
    assert "in use: shipped snapshot" in _cli("data", "status", "cpi", folder=folder).stdout


def test_cli_data_errors_are_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    revised = fred_cpi(tmp_path / "CPIAUCNS.csv", extra={(2024, 3): "313.000"})
    refused = _cli("data", "update", "cpi", str(revised), folder=folder)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.startswith("careerkit: error: CPIAUCNS.csv differs from the cpi data")
    assert refused.stderr.count("\n") == 1
    accepted = _cli("data", "update", "cpi", str(revised), "--accept-revisions", folder=folder)
    assert accepted.returncode == 0 and "1 revised (accepted)" in accepted.stdout
    unknown = _cli("data", "update", "gdp", str(revised), folder=folder)
    assert unknown.returncode == 2 and "invalid choice: 'gdp'" in unknown.stderr
    for action in ("status", "reset"):
        refused = _cli("data", action, "gdp", folder=folder)
        assert refused.returncode == 2
        assert refused.stderr == (
            "careerkit: error: KIND: unknown series 'gdp': expected one of cpi, fx-monthly, "
            "fx-annual, fx-ecb-monthly, fx-ecb-annual, fx-world-bank, inflation, ppp, oews\n"
        )


def test_cli_when_latest_shows_the_month_used(tmp_path: Path) -> None:
    done = _cli("convert", "₹10,000 a month", "--to", "USD", "--when", "latest", folder=tmp_path)
    assert done.returncode == 0, done.stderr
    # the latest month of the Fed's rates or, past their end, the ECB's
    month = max({*data.fx_monthly()["INR"], *data.values("fx-ecb-monthly")["INR"]})
    assert done.stdout.strip().endswith(f"a month (latest rates: {month[0]}-{month[1]:02d})")
