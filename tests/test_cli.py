"""The command line, run end to end in a subprocess, as a user runs it."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest


def careerkit(*args: str, module: bool = True) -> subprocess.CompletedProcess[str]:
    command = (
        [sys.executable, "-m", "careerkit", *args]
        if module
        else [str(Path(sys.executable).with_name("careerkit")), *args]
    )
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env)


def test_list() -> None:
    result = careerkit("list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 830
    assert (
        "customer-service                          "
        "Customer service representative / customer care executive"
    ) in lines
    assert "public-relations-specialist               Public relations specialist" in lines
    assert "registered-nurses                         Registered Nurses" in lines


def test_list_one_major_group_and_the_groups() -> None:
    group = careerkit("list", "--group", "27").stdout.splitlines()
    assert len(group) == 41  # BLS's detailed occupations in 27-0000
    assert any(line.startswith("public-relations-specialist ") for line in group)
    assert not any(line.startswith("customer-service ") for line in group)
    groups = careerkit("list", "--groups").stdout.splitlines()
    assert len(groups) == 22
    assert "29-0000  Healthcare Practitioners and Technical Occupations" in groups
    wrong = careerkit("list", "--group", "28")
    assert wrong.returncode == 2
    assert wrong.stderr.startswith("careerkit: error: --group: '28' is not a SOC major group;")


def by_id(rows: list[dict[str, object]]) -> dict[object, dict[str, object]]:
    return {row["id"]: row for row in rows}


def test_list_in_hindi_as_json() -> None:
    result = careerkit("list", "--lang", "hi", "--json")
    rows = by_id(json.loads(result.stdout))
    assert len(rows) == 830
    pr, cs = rows["public-relations-specialist"], rows["customer-service"]
    assert pr["title"] == {"en": "Public relations specialist", "hi": "जनसंपर्क विशेषज्ञ"}
    assert cs["codes"]["NCO-2015"] == "5244.0301"  # type: ignore[index]
    assert cs["codes"]["SOC-2018 major group"] == "43-0000"  # type: ignore[index]


def test_installed_console_script() -> None:
    result = careerkit("list", module=False)
    assert result.returncode == 0, result.stderr
    assert "public-relations-specialist" in result.stdout


def test_show_in_english_cites_every_fact() -> None:
    result = careerkit("show", "customer-service")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Customer service representative / customer care executive\n")
    assert "US: median $14.36 an hour (May 2008) [5]" in out  # not indicative
    assert "IN: ₹10,000–₹28,000 a month (undated), indicative [2]" in out
    assert (
        "Customer Care Executive → Customer Care Senior Executive → Assistant Manager → Manager"
        in out
    )
    assert "[5] U.S. Bureau of Labor Statistics (BLS): Occupational Employment Statistics" in out
    bullets = [line for line in out.splitlines() if line.startswith("  • ")]
    assert bullets and all(line.rstrip().endswith("]") for line in bullets)


def test_show_in_hindi_renders_devanagari() -> None:
    result = careerkit("show", "csr", "--lang", "hi")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("ग्राहक सेवा प्रतिनिधि / ग्राहक सेवा एग्जीक्यूटिव (कस्टमर केयर एग्जीक्यूटिव)\n")
    for heading in ("प्रवेश मार्ग", "व्यक्तिगत क्षमताएं", "छात्रवृत्ति/ऋण", "वेतन", "स्रोत"):
        assert f"\n{heading}\n" in out
    assert "कस्टमर केयर सीनियर एग्जीक्यूटिव" in out
    assert "₹10,000 से ₹28,000 प्रति माह (तारीख अज्ञात), सांकेतिक" in out
    assert "मंझला $14.36 प्रति घंटा (मई 2008)" in out


def test_show_by_hindi_title_and_code() -> None:
    assert careerkit("show", "जनसंपर्क विशेषज्ञ").stdout.startswith("Public relations specialist\n")
    assert careerkit("show", "5244.0301").stdout.startswith("Customer service representative")


def test_show_json_is_the_whole_profile() -> None:
    result = careerkit("show", "27-3031", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["id"] == "public-relations-specialist"
    assert doc["pay"][0]["percentiles"] == {"10": "30140", "50": "51280", "90": "97910"}
    assert doc["title"]["hi"] == "जनसंपर्क विशेषज्ञ"
    # five of its own, BLS's OEWS May 2025, O*NET 29.2 (its description), BLS's projections and
    # O*NET 29.3 (preparation, tasks, tools, skills, related careers)
    assert [source["id"] for source in doc["sources"]][5:] == [
        "bls-oews-may-2025",
        "onet-29-2",
        "bls-ep-2024-34",
        "onet-29-3",
    ]
    assert doc["outlook"][0]["change_percent"] == "4.8" and doc["preparation"]["job_zone"] == 4
    assert doc["pay"][2]["percentiles"]["50"] == "74750"
    assert doc["pay"][2]["reference_date"] == "2025-05"


def test_show_json_honours_region_as_the_text_does() -> None:
    texas = careerkit("show", "29-1141", "--region", "US-TX", "--json")
    assert texas.returncode == 0, texas.stderr
    doc = json.loads(texas.stdout)
    assert {band["region"] for band in doc["pay"]} == {"US-TX"}
    assert {item["region"] for item in doc["employment"]} == {"US-TX"}
    assert [band["period"] for band in doc["pay"]] == ["hour", "year"]
    for json_option in ((), ("--json",)):  # a region without bands: exit 2 either way
        result = careerkit("show", "29-1141", "--region", "IN", *json_option)
        assert (result.returncode, result.stdout) == (2, ""), result
        assert "registered-nurses has no pay band for region 'IN'" in result.stderr


def test_unknown_key_exits_2_with_one_line() -> None:
    result = careerkit("show", "custmer-service")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "careerkit: error: unknown career 'custmer-service'; did you mean 'customer-service'?\n"
    )


def test_with_json_an_error_is_a_json_object_on_one_line() -> None:
    result = careerkit("show", "custmer-service", "--json")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1
    assert json.loads(result.stderr) == {
        "error": {
            "type": "ProfileNotFoundError",
            "message": "unknown career 'custmer-service'; did you mean 'customer-service'?",
        }
    }


@pytest.mark.parametrize(
    ("args", "kind", "fragment"),
    [
        (("list", "--group", "28", "--json"), "ValidationError", "--group: '28' is not a SOC major group"),
        (("search", "nurse", "--limit", "0", "--json"), "ValidationError", "--limit: a whole number"),
        (("show", "csr", "--currency", "INR", "--period", "fortnight", "--json"), "ValidationError", "--period: unknown period 'fortnight'"),
        (("convert", "$5 an hour", "--to", "INX", "--json"), "UnknownCurrencyError", "--to: unknown currency 'INX'"),
        (("compare", "csr", "--currency", "INR", "--period", "month", "--region", "FR", "--json"), "PayBandNotFoundError", "none of customer-service has a pay band for region 'FR'"),
        (("validate", "--json", "--bogus"), "UsageError", "unrecognized arguments: --bogus (see 'careerkit validate --help')"),
        (("schema", "--json", "--lang", "hi"), "UsageError", "unrecognized arguments: --lang hi"),
        (("data", "status", "fx", "--json"), "ValidationError", "KIND: unknown series 'fx'"),
        (("data", "update", "--json"), "UsageError", "the following arguments are required: KIND, FILE"),
        (("convert", "--js"), "UsageError", "the following arguments are required: PAY"),  # a prefix argparse takes
    ],
)  # fmt: skip
def test_every_command_reports_errors_as_json_with_json(
    args: tuple[str, ...], kind: str, fragment: str
) -> None:
    result = careerkit(*args)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1, result.stderr
    error = json.loads(result.stderr)["error"]
    assert error["type"] == kind
    assert fragment in error["message"]


def test_json_errors_are_escaped_where_stderr_cannot_write_them() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-m", "careerkit", "show", "ग्राहकx", "--json"],
        capture_output=True,
        env=env,
    )
    assert result.returncode == 2
    assert result.stderr.isascii()
    assert "'ग्राहकx'" in json.loads(result.stderr)["error"]["message"]


def test_an_unexpected_error_as_json_says_it_is_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from careerkit import cli, registry

    def broken(**_: object) -> None:
        raise RuntimeError("the title cannot be shown")

    monkeypatch.setattr(registry, "careers", broken)
    assert cli.main(["list", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert json.loads(captured.err) == {
        "error": {
            "type": "RuntimeError",
            "message": "unexpected RuntimeError: the title cannot be shown (please report it)",
        }
    }


def test_no_command_prints_help_and_exits_2() -> None:
    result = careerkit()
    assert result.returncode == 2
    assert "usage: careerkit" in result.stderr


def test_bad_option_exits_2_without_traceback() -> None:
    result = careerkit("show", "csr", "--lang", "fr")
    assert result.returncode == 2
    assert "invalid choice: 'fr'" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_gives_examples() -> None:
    result = careerkit("show", "--help")
    assert result.returncode == 0
    assert "careerkit show customer-service" in result.stdout
    assert "--lang {en,hi}" in result.stdout


def test_version() -> None:
    assert careerkit("--version").stdout == "careerkit 0.1.0\n"


def test_readme_shows_true_output() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ careerkit show public-relations-specialist\n", 1)[1].split("```", 1)[0]
    shown = [line for line in block.splitlines() if line and line != "..."]
    actual = careerkit("show", "public-relations-specialist").stdout.splitlines()
    assert len(shown) > 5
    assert [line for line in shown if line not in actual] == []
    command = '$ careerkit search "customer service" --limit 3\n'
    found = readme.split(command, 1)[1].split("\n\n", 1)[0].splitlines()
    assert found == careerkit("search", "customer service", "--limit", "3").stdout.splitlines()
    command = '$ careerkit classify "RN - ICU (Nights)" "Sr. Budget Specialist"\n'
    found = readme.split(command, 1)[1].split("\n\n", 1)[0].splitlines()
    coded = careerkit("classify", "RN - ICU (Nights)", "Sr. Budget Specialist").stdout
    assert found == coded.splitlines()


# --- convert and compare -----------------------------------------------------------------------


def test_convert() -> None:
    result = careerkit("convert", "14.36 USD/hour", "--to", "INR/month", "--when", "2008-05")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "₹104,545.53 a month\n"


def test_convert_in_indian_locale_with_prices_and_explain() -> None:
    result = careerkit(
        "convert",
        "$14.36 an hour",
        "--to",
        "INR/month",
        "--when",
        "2008-05",
        "--prices-of",
        "2024",
        "--explain",
        "--locale",
        "en_IN",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "₹3,01,517.96 a month"
    assert "= 2,080 hours a year" in result.stdout
    assert "83.6566 INR per USD" in result.stdout


def test_convert_in_hindi_as_json() -> None:
    result = careerkit(
        "convert", "10,000 से 28,000 रूपये मासिक", "--to", "/year", "--lang", "hi", "--json"
    )
    data = json.loads(result.stdout)
    assert data["text"] == "₹1,20,000 से ₹3,36,000 प्रति वर्ष"
    assert [figure["amount"] for figure in data["figures"]] == ["120000", "336000"]


def test_convert_errors_exit_2_with_one_line() -> None:
    for args in (
        ("convert", "14.36 USD/hour", "--to", "INR/month"),
        ("convert", "14 dollars an hour"),
        ("convert", "$14.36 an hour", "--to", "INX"),
    ):
        result = careerkit(*args)
        assert result.returncode == 2, args
        assert result.stderr.startswith("careerkit: error: ")
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_compare_end_to_end() -> None:
    args = (
        "compare",
        "customer-service",
        "public-relations-specialist",
        "--currency",
        "INR",
        "--period",
        "month",
        "--prices-of",
        "2024",
    )
    text = careerkit(*args, "--locale", "en_IN")
    assert text.returncode == 0, text.stderr
    assert "median ₹3,01,517.96 a month" in text.stdout
    hindi = careerkit(*args, "--lang", "hi")
    assert hindi.stdout.startswith("वेतन: INR, प्रति माह, 2024 की कीमतों पर")
    data = json.loads(careerkit(*args, "--json").stdout)
    # csr: US May 2008, IN; both: US May 2025 hourly and annual; pr: US May 2008
    assert len(data["rows"]) == 7
    assert {row["region"] for row in data["rows"]} == {"US", "IN"}  # countries, not states


def test_show_with_converted_pay() -> None:
    result = careerkit("show", "csr", "--currency", "INR", "--period", "month", "--locale", "en_IN")
    assert result.returncode == 0, result.stderr
    assert "median ₹1,04,545.53 a month" in result.stdout  # at the band's own date, May 2008
    data = json.loads(
        careerkit("show", "csr", "--currency", "INR", "--period", "month", "--json").stdout
    )
    assert data["profile"]["id"] == "customer-service"
    assert data["pay_converted"]["rows"][0]["converted"]["percentiles"]["50"] == "104545.53"
    alone = careerkit("show", "csr", "--currency", "INR")
    assert alone.returncode == 2 and "both --currency and --period" in alone.stderr


@pytest.mark.parametrize("command", ["list", "show", "convert", "compare"])
def test_every_command_has_help_with_examples(command: str) -> None:
    result = careerkit(command, "--help")
    assert result.returncode == 0
    assert f"careerkit {command}" in result.stdout.split("examples:")[1]
    assert "--json" in result.stdout and "--lang" in result.stdout


def _options(parser: argparse.ArgumentParser) -> dict[str, set[str]]:
    """Each (sub)command of *parser* and the options it takes: ``{"data status": {...}}``."""
    found: dict[str, set[str]] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action.choices.items():
                inner = _options(command)
                found.update({f"{name} {sub}": options for sub, options in inner.items()})
                if not inner:
                    found[name] = {
                        option
                        for option_action in command._actions
                        for option in option_action.option_strings
                    }
    return found


def test_each_command_takes_the_options_it_uses_and_no_other() -> None:
    """--lang where careers' text is printed, --locale where amounts are, --json everywhere."""
    from careerkit.cli import build_parser

    common = {"-h", "--help", "--json"}
    assert _options(build_parser()) == {
        "list": common | {"--lang", "--group", "--groups", "--education", "--job-zone", "--sort", "--region", "--since", "--until"},
        "search": common | {"--lang", "--limit"},
        "classify": common | {"--csv", "--column", "--min-score"},
        "areas": common | {"--state"},
        "show": common | {"--lang", "--locale", "--currency", "--period", "--per", "--prices-of", "--region", "--all"},
        "convert": common | {"--lang", "--locale", "--to", "--currency", "--period", "--when", "--prices-of", "--explain"},
        "compare": common | {"--lang", "--locale", "--currency", "--period", "--per", "--prices-of", "--region"},
        "position": common | {"--region", "--when"},
        "history": common | {"--statistic", "--period", "--prices-of", "--region"},
        "validate": common | {"--require-hindi"},
        "schema": common,
        "data status": common,
        "data update": common | {"--accept-revisions", "--reference-date"},
        "data reset": common,
    }  # fmt: skip
    for args in (
        ("validate", "--lang=hi"),
        ("schema", "--locale", "en_IN"),
        ("list", "--locale", "hi"),
    ):
        refused = careerkit(*args)
        assert refused.returncode == 2
        assert (
            f"unrecognized arguments: {' '.join(args[1:])} (see 'careerkit {args[0]} --help')"
            in refused.stderr
        )


def test_period_is_the_option_and_per_its_old_name() -> None:
    """Python says period=, and so does the command line; --per still works."""
    args = ("compare", "csr", "--currency", "INR", "--prices-of", "2024", "--json")
    by_period = careerkit(*args, "--period", "month")
    assert by_period.returncode == 0, by_period.stderr
    assert json.loads(by_period.stdout)["period"] == "month"
    assert careerkit(*args, "--per", "month").stdout == by_period.stdout
    shown = careerkit("show", "csr", "--currency", "INR", "--period", "month")
    assert shown.returncode == 0 and "median ₹104,545.53 a month" in shown.stdout
    assert careerkit("show", "csr", "--currency", "INR", "--per", "month").stdout == shown.stdout
    assert "--period PERIOD, --per PERIOD" in careerkit("compare", "--help").stdout


def test_readme_compare_output_is_true() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    command = "$ careerkit compare customer-service public-relations-specialist"
    block = readme.split(command, 1)[1].split("```", 1)[0]
    shown = block.split("\n", 1)[1].rstrip("\n")
    args = ["compare", "customer-service", "public-relations-specialist", "--currency", "INR",
            "--period", "month", "--prices-of", "2024", "--locale", "en_IN"]  # fmt: skip
    assert careerkit(*args).stdout.rstrip("\n") == shown


def test_validate_a_missing_path_and_the_builtins() -> None:
    missing = careerkit("validate", "no/such/profiles")
    assert missing.returncode == 1
    assert missing.stdout.splitlines() == [
        "no/such/profiles: no such file or directory",
        "0 files checked, 1 problem",
    ]
    profiles = Path(__file__).parents[1] / "src" / "careerkit" / "profiles"
    ok = careerkit("validate", str(profiles))
    assert (ok.returncode, ok.stdout) == (0, "2 files checked, 0 problems\n")


# --- what the command line refuses, and how ------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("compare", "csr", "--currency", "USD", "--per", "year", "--region", "in"), "region: unknown region 'in'"),
        (("compare", "csr", "--currency", "USD", "--per", "year", "--region", "FR"), "none of customer-service has a pay band for region 'FR'"),
        (("show", "csr", "--locale", "zz"), "unknown locale 'zz': expected a CLDR locale name"),
        (("show", "csr", "--locale", "de_DX"), "unknown locale 'de_DX': expected a CLDR locale name such as 'en_IN', 'en_US', 'hi' or 'de_DE'; did you mean 'de_DE'?"),
        (("convert", "c$5/hr", "--to", "INR/month", "--when", "2008-13"), "when: cannot read '2008-13' as a date"),
        (("convert", "$5 an hour " + "and more " * 5000), "(45,011 characters)"),
        (("convert", "Rs.15000 per month", "--to", "USD", "--when", "1850"), "no annual average INR rate for 1850"),
        (("convert",), "the following arguments are required: PAY (see 'careerkit convert --help')"),
        (("convert", "$5 an hour", "--bogus"), "unrecognized arguments: --bogus"),
        (("nonsense",), "argument COMMAND: invalid choice: 'nonsense'"),
        (("show", "x" * 100_000), "(100,000 characters); none of the 830 careers answers to it"),
    ],
)  # fmt: skip
def test_errors_are_one_line_and_exit_2(args: tuple[str, ...], fragment: str) -> None:
    result = careerkit(*args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("careerkit: error: ")
    assert result.stderr.count("\n") == 1, result.stderr
    assert fragment in result.stderr
    assert len(result.stderr) < 3000 and not result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("14.36 USD/hour", "--to", "INR/month"), "cannot convert '14.36 USD/hour' to INR: it has no date; give the date it refers to with --when, such as --when 2008-05, or --when latest to convert it at the latest month's rates"),
        (("$14.36 an hour", "--to", "/month", "--prices-of", "2024"), "cannot convert '$14.36 an hour' into the prices of 2024: it has no date; give the date it refers to with --when, such as --when 2008-05"),
        (("₹10,000 a month", "--to", "USD", "--when", "latest", "--prices-of", "2024"), "cannot re-express '₹10,000 a month' in the prices of 2024: it has no date, and --when latest chooses the latest exchange rates only; give the date it refers to with --when, such as --when 2008-05"),
        (("14.36 USD/hour", "--to", "INX/month", "--when", "2008"), "--to 'INX/month': unknown currency 'INX': expected an ISO 4217 code in upper case, such as 'INR' or 'USD'; did you mean 'INR'?"),
        (("14.36 USD/hour", "--to", "INR/fortnight", "--when", "2008"), "--to 'INR/fortnight': unknown period 'fortnight'; expected one of 'hour', 'day', 'week', 'month', 'year'"),
        (("14.36 USD/hour", "--to", "INR/"), "--to 'INR/': expected CURRENCY/PERIOD, CURRENCY or /PERIOD, such as INR/month, INR or /month"),
        (("14.36 USD/hour", "--when", "May 2008"), "--when: cannot read 'May 2008' as a date"),
        (("14.36 USD/hour", "--when", "2008", "--prices-of", "1700"), "--prices-of: cannot read '1700' as a date: year: expected a year from 1800 to 2200, got 1700"),
    ],
)  # fmt: skip
def test_convert_errors_quote_what_the_user_typed(args: tuple[str, ...], message: str) -> None:
    """The PAY and the options as typed, never a figure made from them (``Pay('168.26...')``)."""
    result = careerkit("convert", *args)
    assert result.returncode == 2
    assert result.stderr.startswith(f"careerkit: error: {message}")
    assert "Pay(" not in result.stderr and "when=" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--currency", "inr", "--period", "month"), "--currency: unknown currency 'inr'"),
        (("--currency", "INR", "--period", "monthly"), "--period: unknown period 'monthly'"),
        (("--currency", "INR", "--per", "monthly"), "--period: unknown period 'monthly'"),
        (("--currency", "INR", "--period", "month", "--prices-of", "latest"), "--prices-of: the figures of a table come from series that end at different dates"),
        (("--currency", "INR", "--period", "month", "--region", "us"), "--region: unknown region 'us'"),
    ],
)  # fmt: skip
def test_show_and_compare_errors_name_the_option(args: tuple[str, ...], message: str) -> None:
    for command in ("show", "compare"):
        result = careerkit(command, "csr", *args)
        assert result.returncode == 2
        assert result.stderr.startswith(f"careerkit: error: {message}"), result.stderr


def test_convert_reads_what_it_used_to_misread() -> None:
    result = careerkit("convert", "Rs.15000 per month", "--to", "/year", "--locale", "en_IN")
    assert result.stdout == "₹1,80,000 a year\n"
    open_range = careerkit("convert", "Up to ₹8 LPA", "--to", "/month", "--json")
    data = json.loads(open_range.stdout)
    assert data["text"] == "up to ₹66,666.67 a month"
    assert [figure["amount"] for figure in data["figures"]] == ["66666.66666666666666666666667"]


@pytest.mark.parametrize(
    "command",
    [("show", "csr", "--lang", "hi"), ("list", "--json"), ("show", "customer-service", "--json")],
)
def test_a_closed_pipe_ends_quietly(command: tuple[str, ...]) -> None:
    """`careerkit show csr | head -1`: status 141, as for a tool killed by SIGPIPE, and no trace."""
    read, write = os.pipe()
    os.close(read)  # the reader has gone, as head has after its first line
    process = subprocess.run(
        [sys.executable, "-m", "careerkit", *command],
        stdout=write,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
    os.close(write)
    assert (process.returncode, process.stderr) == (141, b"")


def test_a_reader_that_stops_after_one_line_gets_no_traceback() -> None:
    """`careerkit list --json | head -1`: the reader takes a line and goes, mid-output.

    The output (about 225 KB) is larger than a pipe holds, so careerkit is still
    writing when the reader goes: the write fails, and careerkit ends quietly.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "careerkit", "list", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline() == b"[\n"
    process.stdout.close()  # as head does, with more to come
    status = process.wait(timeout=120)
    assert (status, process.stderr.read()) == (141, b"")
    process.stderr.close()


def test_a_real_shell_pipeline_into_head() -> None:
    """The shell pipeline itself: one line through, and nothing on standard error."""
    command = f"'{sys.executable}' -m careerkit show customer-service --json | head -1"
    result = subprocess.run(
        ["sh", "-c", command],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "{\n", "")


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_any_output_encoding_is_safe(encoding: str) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    listing = subprocess.run(
        [sys.executable, "-m", "careerkit", "list", "--lang", "hi"],
        capture_output=True,
        env=env,
    )
    assert listing.returncode == 0 and listing.stderr == b""
    assert "\\u0917" in listing.stdout.decode(encoding)  # the Hindi, as escapes
    as_json = subprocess.run(
        [sys.executable, "-m", "careerkit", "list", "--lang", "hi", "--json"],
        capture_output=True,
        env=env,
    )
    rows = by_id(json.loads(as_json.stdout.decode(encoding)))  # escapes, and valid JSON
    assert rows["public-relations-specialist"]["title"]["hi"] == "जनसंपर्क विशेषज्ञ"  # type: ignore[index]
    failing = subprocess.run(
        [sys.executable, "-m", "careerkit", "show", "ग्राहक"],
        capture_output=True,
        env=env,
    )
    assert failing.returncode == 2 and b"Traceback" not in failing.stderr


def test_an_unexpected_error_is_still_one_line(tmp_path: Path) -> None:
    """A plug-in whose career breaks while being printed: one line, exit 2, no traceback."""
    (tmp_path / "brittle_plugin.py").write_text(
        textwrap.dedent(
            """
            import careerkit as ck

            class Brittle(ck.Text):
                def in_language(self, lang):
                    raise RuntimeError("the title cannot be shown")

            def careers():
                return [ck.Career(id="brittle", title=Brittle("Brittle"))]
            """
        )
    )
    info = tmp_path / "brittle_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: brittle-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[careerkit.profiles]\nmain = brittle_plugin:careers\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "careerkit", "list"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 2
    assert result.stderr == (
        "careerkit: error: unexpected RuntimeError: the title cannot be shown (please report it)\n"
    )


def test_validate_sees_the_clashes_loading_would_skip(
    tmp_path: Path, tea_profile: Callable[..., str]
) -> None:
    (tmp_path / "tea-taster.toml").write_text(tea_profile("csr"))
    (tmp_path / "tea-blender.toml").write_text(
        tea_profile("tea man", id="tea-blender", title="Tea blender")
    )
    (tmp_path / "tea-expert.toml").write_text(
        tea_profile("Tea Man", id="tea-expert", title="Tea expert")
    )
    (tmp_path / "customer-service.toml").write_text(
        tea_profile(id="customer-service", title="Tea service")
    )
    result = careerkit("validate", str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "4 files checked, 3 problems"
    taster, expert, service = (
        str(tmp_path / f"{name}.toml") for name in ("tea-taster", "tea-expert", "customer-service")
    )
    assert any(
        line.startswith(
            f"{taster}: lookup key 'csr' is claimed by career 'customer-service' (careerkit: careerkit.profiles/customer-service.toml"
        )
        and line.endswith(
            f"and by career 'tea-taster' ({taster}); ids, aliases, titles and occupation codes must each name one career"
        )
        for line in lines
    ), lines
    assert (
        f"{expert}: lookup key 'Tea Man' is claimed by career 'tea-blender' ({tmp_path / 'tea-blender.toml'}) "
        f"and by career 'tea-expert' ({expert}); ids, aliases, titles and occupation codes must each name one career"
    ) in lines
    assert any(
        line.startswith(
            f"{service}: lookup key 'customer-service' is claimed by career 'customer-service' (careerkit:"
        )
        for line in lines
    )


TEA_IN_INDIA = """id = "tea-taster"
title.en = "Tea taster"

[[sources]]
id = "s"
title.en = "Tea Board"

[[duties]]
source = "s"
text.en = "Tastes tea"

[[pay]]
region = "IN"
currency = "INR"
period = "month"
low = 15000
source = "s"
"""

BROKEN = """# a profile with a problem in every table
id = "tea-taster"
title.en = "Tea taster"
colour = "green"

[[sources]]
id = "S"
title.en = "Tea Board"
url = "tea-board"

[[pay]]
region = "IN"
currency = "INX"
period = "fortnight"
low = 15000
source = "s"
bonus = 12
"""


def test_validate_reports_every_problem_with_its_line(tmp_path: Path) -> None:
    """One unknown field does not hide the other problems of its table, nor of the file."""
    file = tmp_path / "tea-taster.toml"
    file.write_text(BROKEN, encoding="utf-8")
    result = careerkit("validate", str(file))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{file}:4: colour: unknown field; did you mean 'courses'?",
        f"{file}:7: sources[0].id: 'S' is not a valid id: use lower-case letters, digits and single hyphens, such as 'customer-service'",
        f"{file}:9: sources[0].url: 'tea-board' is not an absolute http(s) URL",
        f"{file}:13: pay[0].currency: unknown currency 'INX': expected an ISO 4217 code in upper case, such as 'INR' or 'USD'; did you mean 'INR'?",
        f"{file}:14: pay[0].period: unknown period 'fortnight'; expected one of 'hour', 'day', 'week', 'month', 'year'",
        f"{file}:17: pay[0].bonus: unknown field; allowed: region, currency, period, source, low, high, indicative, statement, note, percentiles, reference_date, undated_note, mean, mean_rse, top_code, top_coded, area",
        "1 file checked, 6 problems",
    ]  # fmt: skip


def test_validate_as_json_gives_each_problem_as_an_object(tmp_path: Path) -> None:
    file = tmp_path / "tea-taster.toml"
    file.write_text(BROKEN, encoding="utf-8")
    missing = str(tmp_path / "missing.toml")
    result = careerkit("validate", str(file), missing, "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["files"] == [str(file)]
    problems = data["problems"]
    assert all(list(problem) == ["file", "line", "path", "message"] for problem in problems)
    assert problems[0] == {
        "file": missing,
        "line": None,
        "path": None,
        "message": "no such file or directory",
    }
    assert problems[4] == {
        "file": str(file),
        "line": 13,
        "path": "pay[0].currency",
        "message": "unknown currency 'INX': expected an ISO 4217 code in upper case, such as "
        "'INR' or 'USD'; did you mean 'INR'?",
    }
    assert [(p["line"], p["path"]) for p in problems[1:]] == [
        (4, "colour"),
        (7, "sources[0].id"),
        (9, "sources[0].url"),
        (13, "pay[0].currency"),
        (14, "pay[0].period"),
        (17, "pay[0].bonus"),
    ]


def test_validate_gives_the_line_of_a_toml_syntax_error_and_of_a_missing_field(
    tmp_path: Path,
) -> None:
    syntax = tmp_path / "tea-taster.toml"
    syntax.write_text('id = "tea-taster"\ntitle.en = "Tea taster"\naliases = [\n  "a",,\n]\n')
    result = careerkit("validate", str(syntax), "--json")
    ((problem,),) = [json.loads(result.stdout)["problems"]]
    assert (problem["line"], problem["path"]) == (4, None)
    assert problem["message"].startswith("not valid TOML: ")
    missing = tmp_path / "tea-blender.toml"
    missing.write_text(
        'id = "tea-blender"\ntitle.en = "Tea blender"\n\n[[sources]]\nid = "s"\n'
        'title.en = "Tea Board"\n\n[[pay]]\nregion = "IN"\nperiod = "month"\nlow = 1\n'
        'source = "s"\ncurrency = "INR"\n\n[[pay]]\nregion = "IN"\nperiod = "month"\n'
        "low = 1\n"
    )
    found = careerkit("validate", str(missing)).stdout.splitlines()
    assert found[:2] == [
        f"{missing}:15: pay[1].currency: required field is missing",  # at its table's header
        f"{missing}:15: pay[1].source: required field is missing",
    ]


def test_validate_gives_the_lines_of_what_the_conformance_check_finds(tmp_path: Path) -> None:
    file = tmp_path / "tea-taster.toml"
    text = TEA_IN_INDIA.replace(
        "[[duties]]", '[[sources]]\nid = "unused"\ntitle.en = "Unused"\n\n[[duties]]'
    )
    file.write_text(text, encoding="utf-8")
    result = careerkit("validate", str(file))  # a pay band for India needs no Hindi by itself
    assert result.stdout.splitlines() == [
        f"{file}:9: sources[1].id: 'unused' is defined but no fact cites it",
        "1 file checked, 1 problem",
    ]
    result = careerkit("validate", str(file), "--require-hindi")
    assert result.stdout.splitlines() == [
        f"{file}:2: title: no Hindi text (require_hindi: every fact in Hindi as well as English)",
        f"{file}:9: sources[1].id: 'unused' is defined but no fact cites it",
        f"{file}:14: duties[0].text: no Hindi text (require_hindi: every fact in Hindi as well as English)",
        "1 file checked, 3 problems",
    ]  # fmt: skip


def test_validate_does_not_compare_the_installed_files_with_themselves() -> None:
    profiles = Path(__file__).parents[1] / "src" / "careerkit" / "profiles"
    result = careerkit("validate", str(profiles / "customer-service.toml"))
    assert (result.returncode, result.stdout) == (0, "1 file checked, 0 problems\n")


# --- the US occupation catalogue ----------------------------------------------------------------


def test_search_text_and_json() -> None:
    result = careerkit("search", "registerd nurse", "--limit", "2")
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0].split()
    assert first[1:3] == ["registered-nurses", "Registered"]
    rows = json.loads(careerkit("search", "29-11", "--json").stdout)
    assert len(rows) == 10 and all(row["matched"].startswith("29-11") for row in rows)
    assert rows[0]["field"] == "code" and rows[0]["title"]["en"]
    hindi = careerkit("search", "जनसंपर्क", "--lang", "hi")
    assert "public-relations-specialist  जनसंपर्क विशेषज्ञ" in hindi.stdout
    nothing = careerkit("search", "qqqzzzxx")
    assert (nothing.returncode, nothing.stdout) == (1, "no career matches 'qqqzzzxx'\n")
    wrong = careerkit("search", "nurse", "--limit", "0")
    assert wrong.returncode == 2
    assert wrong.stderr == "careerkit: error: --limit: a whole number, 1 or more; got 0\n"


def test_show_one_state() -> None:
    result = careerkit("show", "registered-nurses", "--region", "US-TX")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert (
        "  • US-TX: p10 $67,120, p25 $79,170, median $95,970, p75 $105,100, p90 $127,950, mean $95,380 a year (May 2025) [1]"
        in out
    )
    assert "    Relative standard error of the mean: 0.3%" in out
    assert (
        "  • US-TX: 271,380 jobs (May 2025; relative standard error 1.1%; 19.287 per 1,000 jobs;"
        " location quotient 0.89) [1]"
    ) in out
    figures = out.split("\nPay\n", 1)[1].split("\nSources\n", 1)[0]  # pay, jobs, outlook
    assert "  • US: " not in figures  # that state's figures only (entry routes are national)
    assert "This product includes information from the O*NET 29.2 Database" in out
    assert "BLS.gov cannot vouch for the data" in out
    national = careerkit("show", "29-1141").stdout
    assert "  Also 53 states and territories (US-AK ... US-WY): show one with --region" in national
    missing = careerkit("show", "registered-nurses", "--region", "IN")
    assert missing.returncode == 2
    assert "registered-nurses has no pay band for region 'IN'" in missing.stderr


def test_show_a_state_converted() -> None:
    args = ("show", "registered-nurses", "--region", "US-TX", "--currency", "INR")
    args += ("--period", "month")
    result = careerkit(*args, "--locale", "en_IN")
    assert result.returncode == 0, result.stderr
    assert "median ₹6,81,756.48, p75" in result.stdout  # BLS annual median, May 2025 rates


def test_compare_one_state() -> None:
    args = (
        "compare",
        "43-4051",
        "27-3031",
        "--region",
        "US-CA",
        "--currency",
        "INR",
        "--period",
        "month",
    )
    data = json.loads(careerkit(*args, "--json").stdout)
    assert data["region"] == "US-CA"
    rows = data["rows"]
    assert [(row["career"], row["stated"]["period"]) for row in rows] == [
        ("customer-service", "hour"),
        ("customer-service", "year"),
        ("public-relations-specialist", "hour"),
        ("public-relations-specialist", "year"),
    ]
    assert rows[1]["stated"]["percentiles"]["50"] == "49560"
