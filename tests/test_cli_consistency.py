"""The command line, one way throughout: ``convert --to`` takes ``CURRENCY``, ``/PERIOD``,
``CURRENCY/PERIOD`` or a period's name, and ``--currency``/``--period`` as ``show`` and
``compare`` do (the same thing asked two ways is refused); ``data update`` says a file does
not exist before anything else; counts say "1 file", "2 files".

Run in-process (``careerkit.cli.main``); ``tests/test_cli.py`` runs the command as a user does.
Known figure: BLS's median for customer service representatives, May 2008, $14.36 an hour, is
$29,868.80 a year under the 2,080-hour year (14.36 x 2,080).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from careerkit.cli import main
from careerkit.cli._output import _counted, _noun


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --- convert --to, --currency, --period --------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (("--to", "year"), "$29,868.80 a year"),
        (("--to", "/year"), "$29,868.80 a year"),
        (("--period", "year"), "$29,868.80 a year"),
        (("--to", "USD/year"), "$29,868.80 a year"),
        (("--to", "USD", "--period", "year"), "$29,868.80 a year"),
        (("--to", "year", "--currency", "USD"), "$29,868.80 a year"),
        (("--currency", "USD", "--period", "year"), "$29,868.80 a year"),
        (("--to", "/year", "--period", "year"), "$29,868.80 a year"),  # the same twice: no contradiction
        (("--to", "month"), "$2,489.07 a month"),
        (("--to", "INR", "--when", "2008-05"), "₹603.15 an hour"),
        (("--currency", "INR", "--when", "2008-05"), "₹603.15 an hour"),
        (("--to", "INR/month", "--when", "2008-05"), "₹104,545.53 a month"),
        (("--to", "INR", "--period", "month", "--when", "2008-05"), "₹104,545.53 a month"),
        (("--to", "month", "--currency", "INR", "--when", "2008-05"), "₹104,545.53 a month"),
        (("--currency", "INR", "--period", "month", "--when", "2008-05"), "₹104,545.53 a month"),
    ],
)  # fmt: skip
def test_every_form_of_the_target(
    capsys: pytest.CaptureFixture[str], options: tuple[str, ...], expected: str
) -> None:
    status, out, err = run(capsys, "convert", "$14.36/hr", *options)
    assert (status, err) == (0, "")
    assert out == expected + "\n"


def test_the_known_figure_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "convert", "$14.36/hr", "--to", "year", "--json")
    assert status == 0
    (figure,) = json.loads(out)["figures"]
    assert (figure["rounded"], figure["currency"], figure["period"]) == ("29868.80", "USD", "year")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--to", "INR", "--currency", "EUR"), "--to 'INR' converts to INR, --currency to EUR: give the currency once"),
        (("--to", "INR/month", "--currency", "EUR"), "--to 'INR/month' converts to INR, --currency to EUR: give the currency once"),
        (("--to", "/year", "--period", "month"), "--to '/year' converts to pay per year, --period to pay per month: give the period once"),
        (("--to", "year", "--period", "hour"), "--to 'year' converts to pay per year, --period to pay per hour: give the period once"),
        (("--to", "Year"), "--to 'Year': a period is written in lower case: /year or year"),
        (("--to", "annual"), "--to 'annual': neither an ISO 4217 currency (such as INR) nor a period (hour, day, week, month, year)"),
        (("--to", "inr"), "--to: unknown currency 'inr': expected an ISO 4217 code in upper case"),
        (("--to", "INR/"), "--to 'INR/': expected CURRENCY/PERIOD, CURRENCY or /PERIOD"),
        (("--currency", "EURO"), "--currency: unknown currency 'EURO'"),
        (("--period", "yearly"), "--period: unknown period 'yearly'"),
    ],
)  # fmt: skip
def test_contradictions_and_wrong_targets_are_refused(
    capsys: pytest.CaptureFixture[str], options: tuple[str, ...], message: str
) -> None:
    status, out, err = run(capsys, "convert", "$14.36/hr", "--when", "2008-05", *options)
    assert (status, out) == (2, "")
    assert err.startswith(f"careerkit: error: {message}"), err


def test_a_period_word_is_never_a_currency() -> None:
    """A bare ``--to year`` reads as a period only because no currency has a period's name."""
    from careerkit.model._iso import currency_codes
    from careerkit.model.pay_band import Period

    codes = {code.casefold() for code in currency_codes()}
    assert codes and {period.value for period in Period}.isdisjoint(codes)


# --- data update: the missing file first -------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        ("oews", "missing.xlsx"),
        ("oews", "missing.xlsx", "--reference-date", "1990-05"),
        ("cpi", "missing.csv", "--reference-date", "2026-05"),  # an option cpi refuses, after
    ],
)
def test_data_update_says_first_that_the_file_does_not_exist(
    capsys: pytest.CaptureFixture[str],
    data_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    options: tuple[str, ...],
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "data", "update", *options)
    assert (status, out) == (2, "")
    assert err == (
        f"careerkit: error: {options[1]!r} does not exist: give the path of the file you "
        "downloaded\n"
    )
    assert not any(data_folder.iterdir())  # nothing installed


def test_data_update_names_every_missing_file(
    capsys: pytest.CaptureFixture[str],
    data_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "here.csv").write_text("not a series\n", encoding="utf-8")
    status, _, err = run(capsys, "data", "update", "cpi", "a.csv", "here.csv", "b.csv", "--json")
    assert status == 2
    assert json.loads(err) == {
        "error": {
            "type": "DataFormatError",
            "message": "'a.csv', 'b.csv' do not exist: give the paths of the files you downloaded",
        }
    }
    # a file that exists is read as before: its own problem, not a missing one
    status, _, err = run(capsys, "data", "update", "cpi", "here.csv")
    assert status == 2 and "does not exist" not in err


# --- plurals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "expected"), [(0, "0 files"), (1, "1 file"), (2, "2 files"), (1204, "1,204 files")]
)
def test_counted(count: int, expected: str) -> None:
    assert _counted(count, "file") == expected
    assert _noun(count, "does", "do") == ("does" if count == 1 else "do")


def test_validate_counts_files_and_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = str(tmp_path / "missing.toml")
    status, out, _ = run(capsys, "validate", missing)
    assert status == 1
    assert out.splitlines()[-1] == "0 files checked, 1 problem"
    two = tmp_path / "two"
    two.mkdir()
    status, out, _ = run(capsys, "validate", str(two), missing, str(tmp_path / "gone.toml"))
    assert out.splitlines()[-1] == "0 files checked, 2 problems"


def test_validate_one_good_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, tea_profile: Callable[..., str]
) -> None:
    file = tmp_path / "tea-taster.toml"
    file.write_text(tea_profile(), encoding="utf-8")
    status, out, _ = run(capsys, "validate", str(file))
    assert (status, out) == (0, "1 file checked, 0 problems\n")
