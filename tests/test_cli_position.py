"""``careerkit position``: each line checked against ``Career.pay_position``'s own answer."""

from __future__ import annotations

import json

import pytest

import careerkit as ck
from careerkit.cli import main

MAY_2025 = "2025-05"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``careerkit ARGS`` in this process: its status, standard output and standard error."""
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_text_says_the_band_the_offer_the_bracket_and_the_estimate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "position", "43-4051", "$52,000 a year", "--when", MAY_2025)
    assert (status, err) == (0, "")
    placed = ck.get("43-4051").pay_position("$52,000 a year", when=MAY_2025)
    first, *rest = out.splitlines()
    assert first == (
        "Customer service representative / customer care executive (customer-service), US: "
        f"$52,000 a year (May 2025) is {placed.bracket}; percentile {placed.percentile} "
        "(an estimate)"
    )
    assert "\n".join(rest) == placed.explain()
    assert "between p75 and p90" in first and "75.3" in first


def test_an_area_and_a_conversion(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("position", "43-4051", "$52,000 a year", "--region", "austin", "--when", MAY_2025)
    status, out, _ = run(capsys, *args)
    placed = ck.get("43-4051").pay_position("$52,000 a year", "austin", when=MAY_2025)
    assert status == 0 and placed.band.area is not None
    assert out.startswith(
        "Customer service representative / customer care executive (customer-service), "
        f"{placed.band.area.name}: "
    )
    status, out, _ = run(capsys, "position", "csr", "₹35,000 per month", "--when", MAY_2025)
    assert status == 0 and "is below p10; no percentile can be estimated" in out
    assert "3. INR -> USD at" in out


def test_json_is_to_dict(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("position", "43-4051", "$21 an hour", "--region", "US-TX", "--when", MAY_2025)
    status, out, _ = run(capsys, *args, "--json")
    placed = ck.get("43-4051").pay_position("$21 an hour", "US-TX", when=MAY_2025)
    assert status == 0
    assert json.loads(out) == json.loads(json.dumps(placed.to_dict()))


@pytest.mark.parametrize(
    ("args", "kind", "message"),
    [
        (("43-4051", "$52,000 a year"), "DateRequiredError", "with --when, such as --when 2025-05"),
        (("43-4051", "52,000 a year", "--when", MAY_2025), "PayParseError", "names no currency"),
        (
            ("43-4051", "$1 a year", "--when", "2025-13"),
            "ValidationError",
            "--when: cannot read '2025-13'",
        ),
        (
            ("43-4051", "$1 a year", "--region", "XX", "--when", MAY_2025),
            "ValidationError",
            "--region",
        ),
        (
            ("no-such-career", "$1 a year", "--when", MAY_2025),
            "ProfileNotFoundError",
            "no-such-career",
        ),
        (
            ("43-4051", "$1 a year", "--region", "IN", "--when", MAY_2025),
            "PayBandNotFoundError",
            "IN bands",
        ),
    ],
)
def test_errors_are_one_line_with_status_2(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], kind: str, message: str
) -> None:
    status, out, err = run(capsys, "position", *args)
    assert (status, out) == (2, "")
    assert err.startswith("careerkit: error: ") and err.count("\n") == 1 and message in err
    status, out, err = run(capsys, "position", *args, "--json")
    error = json.loads(err)["error"]
    assert status == 2 and error["type"] == kind and message in error["message"]


def test_help_gives_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["position", "--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    assert 'careerkit position 43-4051 "$52,000 a year" --region austin --when 2025-05' in out
    assert "an estimate" in out and "--json" in out
