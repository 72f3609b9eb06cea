"""``careerkit areas``, and ``--region`` taking an area in ``show``, ``compare`` and ``list``.

Run in-process (``careerkit.cli.main``); ``tests/test_cli.py`` runs the command as a user does.
"""

from __future__ import annotations

import json

import pytest

import careerkit
from careerkit.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_areas_finds_by_words_and_state(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "areas", "austin")
    assert (status, out) == (0, "0012420  metropolitan     Austin-Round Rock-San Marcos, TX\n")
    status, out, _ = run(capsys, "areas", "--state", "US-TX")
    assert status == 0
    assert [line[:7] for line in out.splitlines()] == [
        a.code for a in careerkit.areas(state="US-TX")
    ]
    status, out, _ = run(capsys, "areas", "new", "york", "--json")
    found = json.loads(out)
    assert found[0] == {
        "code": "0035620",
        "cbsa": "35620",
        "name": "New York-Newark-Jersey City, NY-NJ",
        "kind": "metropolitan",
        "states": ["US-NY", "US-NJ"],
    }
    assert any(area["cbsa"] is None for area in found)
    status, out, _ = run(capsys, "areas")
    assert len(out.splitlines()) == 528


def test_areas_that_match_nothing_or_a_bad_state(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "areas", "gotham")[:2] == (1, "")
    status, _, err = run(capsys, "areas", "--state", "IN")
    assert status == 2 and "US state" in err


def test_show_an_area(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "43-4051", "--region", "austin")
    assert status == 0
    pay = out.split("\nPay\n")[1].split("\n\n")[0]
    assert "Austin-Round Rock-San Marcos, TX: p10 $30,520" in pay
    assert "median $43,720" in pay and "US-TX" not in pay
    assert "Austin-Round Rock-San Marcos, TX: 32,690 jobs" in out
    status, out, _ = run(capsys, "show", "43-4051", "--region", "0035620", "--json")
    document = json.loads(out)
    assert [band["percentiles"]["50"] for band in document["pay"]] == ["23.84", "49590"]
    assert document["pay"][0]["area"]["code"] == "0035620"
    assert document["employment"][0]["count"] == 125_570


def test_show_refuses_an_ambiguous_or_unknown_area(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "show", "43-4051", "--region", "portland")
    assert status == 2 and "Portland-South Portland, ME" in err
    status, _, err = run(capsys, "show", "43-4051", "--region", "Gotham City")
    assert status == 2 and "no metropolitan or nonmetropolitan area" in err
    status, _, err = run(capsys, "show", "19-2012", "--region", "3600001")
    assert status == 2 and "BLS publishes no figures" in err


def test_compare_in_an_area(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "compare",
        "43-4051",
        "29-1141",
        "--region",
        "New York-Newark-Jersey City, NY-NJ",
        "--currency",
        "USD",
        "--period",
        "year",
    )
    assert status == 0
    assert "customer-service   New York-Newark-Jersey City, NY-NJ  p10 $36,930" in out
    assert "registered-nurses  New York-Newark-Jersey City, NY-NJ" in out


def test_list_sorted_by_pay_in_an_area(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "list", "--region", "austin", "--sort", "pay")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 830
    csr = next(line for line in lines if line.startswith("customer-service "))
    assert "43,720 USD a year" in csr
