"""``careerkit list --education --job-zone --sort --region``: filtered and sorted by the careers'
own figures (BLS's Employment Projections 2024-34, O*NET 29.3, OEWS May 2025).

Run in-process (``careerkit.cli.main``); ``tests/test_cli.py`` runs the command as a user does.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import careerkit as ck
from careerkit.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["list", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def education(career: ck.Career) -> str:
    (route,) = [r for r in career.entry_routes if r.source == "bls-ep-2024-34"]
    return route.minimum_qualification.en


def annual_median(career: ck.Career, region: str) -> Decimal | None:
    bands = [
        b
        for b in career.pay
        if b.region == region and b.period.value == "year" and 50 in b.percentiles
    ]
    bands.sort(key=lambda b: (b.reference_date.year, b.reference_date.month or 0))  # type: ignore[union-attr]
    return bands[-1].percentiles[50] if bands else None


def test_education_job_zone_and_growth(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--education", "BACHELOR", "--job-zone", "4", "--sort", "growth")
    assert status == 0, err
    lines = out.splitlines()
    ids = [line.split()[0] for line in lines]
    wanted = {
        career.id
        for career in ck.careers()
        if "bachelor" in education(career).lower()
        and career.preparation is not None
        and career.preparation.job_zone == 4
    }
    assert set(ids) == wanted and len(ids) == len(wanted) > 20
    growth = [ck.get(career_id).outlook[0].change_percent for career_id in ids]
    assert growth == sorted(growth, reverse=True)
    developers = lines[ids.index("software-developers")]
    assert developers.split()[1:3] == ["+15.8", "%"]  # 15-1252: 1,693,800 to 1,961,400
    assert ids.index("software-developers") < ids.index("computer-and-information-systems-managers")
    assert ids.index("data-scientists") < ids.index("software-developers")


def test_sort_pay_most_first_and_the_careers_without_it_last(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "--sort", "pay", "--json")
    assert status == 0
    rows = json.loads(out)
    assert len(rows) == len(ck.careers())
    pay = [None if row["annual_median"] is None else Decimal(row["annual_median"]) for row in rows]
    published = [amount for amount in pay if amount is not None]
    assert pay[: len(published)] == sorted(published, reverse=True)  # missing ones at the end
    assert 0 < len(published) < len(pay)
    top = ck.get(rows[0]["id"])
    assert Decimal(rows[0]["annual_median"]) == annual_median(top, "US")
    assert rows[0]["currency"] == "USD"
    csr = next(row for row in rows if row["id"] == "customer-service")
    assert csr["annual_median"] == "44770"


def test_sort_pay_of_a_state(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--group", "29", "--sort", "pay", "--region", "US-TX")
    assert status == 0
    lines = out.splitlines()
    group = ck.careers(group="29")
    assert len(lines) == len(group)
    first = ck.get(lines[0].split()[0])
    best = max(filter(None, (annual_median(career, "US-TX") for career in group)))
    assert annual_median(first, "US-TX") == best
    assert f"{best:,} USD a year" in lines[0]


def test_openings_and_employment(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--group", "43", "--sort", "openings")
    csr = next(line for line in out.splitlines() if line.startswith("customer-service "))
    assert "341,700" in csr  # 43-4051's openings a year
    openings = [ck.get(line.split()[0]).outlook[0].openings for line in out.splitlines()]
    assert openings == sorted(openings, reverse=True)
    _, out, _ = run(capsys, "--group", "43", "--sort", "employment", "--json")
    rows = json.loads(out)
    assert [row["employment"] for row in rows] == sorted(
        (row["employment"] for row in rows), reverse=True
    )


def test_a_job_zone_out_of_range_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    for zone in ("9", "0", "four", "2.5"):
        status, out, err = run(capsys, "--job-zone", zone)
        assert status == 2 and out == ""
        assert err == (
            f"careerkit: error: --job-zone '{zone}': expected an O*NET Job Zone, a whole number "
            "from 1 (little or no preparation) to 5 (extensive preparation)\n"
        )


def test_regions_the_sorts_cannot_use_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "--sort", "growth", "--region", "US-TX")
    assert status == 2
    assert "--sort growth uses BLS's Employment Projections, which are for the US only" in err
    status, _, err = run(capsys, "--region", "IN")
    assert status == 2 and "--region IN chooses whose figures --sort pay" in err
    status, _, err = run(capsys, "--sort", "pay", "--region", "XX")
    assert status == 2 and "--region: unknown region 'XX'" in err
    status, _, err = run(capsys, "--sort", "pay", "--region", "FR")
    assert status == 2 and "pay or employment figures for region 'FR'" in err
    status, _, err = run(capsys, "--sort", "wages")
    assert status == 2 and "invalid choice: 'wages'" in err
    assert run(capsys, "--sort", "growth", "--region", "US")[0] == 0


def test_without_the_new_options_the_listing_is_unchanged(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, plain, _ = run(capsys, "--group", "27")
    _, filtered, _ = run(capsys, "--group", "27", "--education", "")
    assert [line.split()[0] for line in plain.splitlines()] == [
        career.id for career in ck.careers(group="27")
    ]
    assert filtered == plain  # an empty filter keeps every career, in the same lines
