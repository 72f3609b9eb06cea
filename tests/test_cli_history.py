"""``careerkit history`` and ``careerkit list --sort real-growth|pay-growth --since --until``.

Run in-process (``careerkit.cli.main``); ``tests/test_cli.py`` runs the command as a user
does. Known values: BLS's national OEWS workbooks (29-1141 annual median 65,470 in May 2012
and 97,550 in May 2025; 43-4051 hourly median 12.99 in May 2004).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

import careerkit as ck
import careerkit.pandas
from careerkit.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_registered_nurses_each_date_in_its_own_and_the_last_dates_prices(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "history", "29-1141", "--period", "year")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Registered Nurses (registered-nurses), US median, USD a year: 14 dates"
    assert lines[1].split() == ["date", "median", "in", "May", "2025", "prices", "source"]
    history = ck.get("29-1141").pay_history(period="year")
    real = history.real()
    table = [line.split() for line in lines[2:16]]
    assert table[0][:4] == ["May", "2012", "65,470", f"{real[0].rounded():,}"]
    assert table[0][4] == "bls-oews-may-2012"
    assert table[-1][:4] == ["May", "2025", "97,550", "97,550.00"]  # in its own prices: itself
    for cells, pay, moved in zip(table, history, real, strict=True):
        assert cells[2] == f"{pay.amount:,}" and cells[3] == f"{moved.rounded():,}"
    assert lines[16:] == [history.cut.describe()]  # type: ignore[union-attr]
    assert "SOC 2010 split" in lines[16] and "29-1111" in lines[16]


def test_the_prices_of_another_date_and_hourly_figures(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "history", "customer-service", "--period", "hour", "--prices-of", "2024-05"
    )
    assert status == 0
    lines = out.splitlines()
    assert lines[0].endswith("USD an hour: 20 dates")
    assert "in May 2024 prices" in lines[1]
    history = ck.get("csr").pay_history(period="hour")
    first = lines[2].split()
    assert first[:3] == ["May", "2004", "12.99"]
    assert first[3] == str(history.real("2024-05")[0].rounded())
    assert len(lines) == 2 + 20  # no cut: no note


def test_json_gives_every_figure_its_provenance_and_the_cut(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(
        capsys, "history", "registered-nurses", "--period", "year", "--prices-of", "2020", "--json"
    )
    assert status == 0
    data = json.loads(out)
    assert {key: data[key] for key in ("career", "region", "statistic", "currency", "period")} == {
        "career": "registered-nurses",
        "region": "US",
        "statistic": "median",
        "currency": "USD",
        "period": "year",
    }
    assert data["prices_of"] == "2020"  # a year alone: that year's average prices
    first = data["figures"][0]
    assert (first["when"], first["source"], first["figure"]["amount"]) == (
        "2012-05",
        "bls-oews-may-2012",
        "65470",
    )
    moved = ck.get("29-1141").pay_history(period="year").real("2020")[0]
    assert Decimal(first["in_prices_of"]["amount"]) == moved.amount
    assert "CPI-U" in first["in_prices_of"]["provenance"][0]
    assert len(data["figures"]) == 14
    cut = data["cut"]
    assert (cut["starts"], cut["revision"]) == ("2012-05", "SOC 2010")
    assert any(text.startswith("29-1111 Registered Nurses") for text in cut["earlier"])
    csr = json.loads(run(capsys, "history", "csr", "--json")[1])
    assert csr["cut"] is None and len(csr["figures"]) == 20


@pytest.mark.parametrize(
    ("args", "kind", "message"),
    [
        (("csr", "--statistic", "middle"), "ValidationError", "--statistic: unknown statistic 'middle'"),
        (("csr", "--statistic", "p99"), "PayBandNotFoundError", "no dated US pay band with a p99"),
        (("csr", "--period", "fortnight"), "ValidationError", "--period: unknown period 'fortnight'"),
        (("csr", "--prices-of", "May 2024"), "ValidationError", "--prices-of: cannot read 'May 2024' as a date"),
        (("csr", "--prices-of", "2031"), "DataNotAvailableError", "no US CPI-U annual average for 2031"),
        (("csr", "--region", "XX"), "ValidationError", "--region"),
        (("no-such-career",), "ProfileNotFoundError", "unknown career 'no-such-career'"),
    ],
)  # fmt: skip
def test_history_errors_are_one_line_naming_the_option(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], kind: str, message: str
) -> None:
    status, out, err = run(capsys, "history", *args)
    assert (status, out) == (2, "")
    assert err.startswith("careerkit: error: ") and err.count("\n") == 1
    assert message in err
    status, out, err = run(capsys, "history", *args, "--json")
    assert (status, out) == (2, "")
    assert json.loads(err)["error"]["type"] == kind


def test_history_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["history", "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "careerkit history 29-1141" in out.split("examples:")[1]
    for option in ("--statistic", "--period", "--prices-of", "--region", "--json"):
        assert option in out


@pytest.fixture(scope="module")
def since_2011() -> careerkit.pandas.pd.DataFrame:
    return careerkit.pandas.growth_frame(since="2011")


def test_list_sorted_by_real_growth_most_first_the_others_last(
    capsys: pytest.CaptureFixture[str], since_2011: careerkit.pandas.pd.DataFrame
) -> None:
    status, out, err = run(capsys, "list", "--sort", "real-growth", "--since", "2011")
    assert status == 0, err
    lines = out.splitlines()
    assert len(lines) == len(ck.careers())
    ids = [line.split()[0] for line in lines]
    frame = since_2011.sort_values("real", ascending=False, kind="stable")
    assert ids[: len(frame)] == list(frame["id"])
    left_out = since_2011.attrs["left_out"]
    assert ids[len(frame) :] == sorted(left_out)  # without both dates: last, by id
    assert all(line.split()[1] == "—" for line in lines[len(frame) :])
    top = frame.iloc[0]
    assert lines[0].split()[1:3] == [f"{top.real * 100:+.2f}", "%"]
    csr = lines[ids.index("customer-service")].split()
    assert csr[1:3] == ["+2.81", "%"]  # 30,610 -> 44,770: +46.26% in money, +2.81% after prices


def test_list_sorted_by_pay_growth_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(
        capsys, "list", "--group", "29", "--sort", "pay-growth", "--since", "2015", "--until", "2025", "--json"
    )  # fmt: skip
    assert status == 0, err
    rows = json.loads(out)
    assert len(rows) == len(ck.careers(group="29"))
    nurses = next(row for row in rows if row["id"] == "registered-nurses")
    assert (nurses["since"], nurses["until"]) == ("2015-05", "2025-05")
    assert Decimal(nurses["nominal"]) == (Decimal(97550) / Decimal(67490) - 1).quantize(
        Decimal("0.0001")
    )
    growth = [Decimal(row["nominal"]) for row in rows if row["nominal"] is not None]
    assert growth == sorted(growth, reverse=True)
    assert all(row["real"] is None for row in rows[len(growth) :])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--since", "2011"), "--since chooses a date of --sort real-growth or --sort pay-growth"),
        (("--sort", "pay", "--until", "2025"), "--until chooses a date of --sort real-growth"),
        (("--sort", "real-growth"), "--sort real-growth needs --since"),
        (("--sort", "pay-growth", "--until", "2025"), "--sort pay-growth needs --since"),
        (("--sort", "real-growth", "--since", "2025", "--until", "2011"), "--since: the earlier date (2025) must come before the later one (2011)"),
        (("--sort", "real-growth", "--since", "2011x"), "--since: cannot read '2011x' as a date"),
        (("--sort", "real-growth", "--since", "1990"), "none of the 830 careers has figures at both 1990 and a later date for the US median"),
        (("--sort", "growth", "--region", "US-TX"), "--sort growth uses BLS's Employment Projections"),
    ],
)  # fmt: skip
def test_list_growth_options_are_refused_without_each_other(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    status, out, err = run(capsys, "list", *args)
    assert (status, out) == (2, "")
    assert message in err, err


def test_sort_growth_is_still_the_projected_change_in_jobs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "list", "--group", "15", "--sort", "growth")
    assert status == 0
    first = out.splitlines()[0].split()
    career = ck.get(first[0])
    assert first[1:3] == [f"{career.outlook[0].change_percent:+}", "%"]


def test_the_how_to_shows_what_the_commands_print(capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    page = Path(__file__).parent.parent / "docs" / "howto" / "pay-over-time.md"
    (block,) = re.findall(r"```console\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL)
    shown = re.findall(r"^\$ careerkit (.*)\n((?:(?!\$ ).*\n)*)", block, re.MULTILINE)
    assert len(shown) == 2
    for command, output in shown:
        status, out, err = run(capsys, *command.split())
        assert status == 0, err
        expected = output.splitlines()
        if expected[-1] == "...":  # the first lines only
            expected = expected[:-1]
        assert out.splitlines()[: len(expected)] == expected, command
