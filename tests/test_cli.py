"""The command line, run end to end in a subprocess, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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
    assert result.stdout.splitlines() == [
        "customer-service             Customer service representative / customer care executive",
        "public-relations-specialist  Public relations specialist",
    ]


def test_list_in_hindi_as_json() -> None:
    result = careerkit("list", "--lang", "hi", "--json")
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == ["customer-service", "public-relations-specialist"]
    assert rows[1]["title"] == {"en": "Public relations specialist", "hi": "जनसंपर्क विशेषज्ञ"}
    assert rows[0]["codes"]["NCO-2015"] == "5244.0301"


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
    assert len(doc["sources"]) == 5


@pytest.mark.parametrize(
    "args", [("show", "custmer-service"), ("show", "custmer-service", "--json")]
)
def test_unknown_key_exits_2_with_one_line(args: tuple[str, ...]) -> None:
    result = careerkit(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "careerkit: error: unknown career 'custmer-service'; did you mean 'customer-service'?\n"
    )


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
    listed = readme.split("$ careerkit list\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert listed == careerkit("list").stdout.splitlines()


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
        "--per",
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
    assert len(data["rows"]) == 3


def test_show_with_converted_pay() -> None:
    result = careerkit("show", "csr", "--currency", "INR", "--per", "month", "--locale", "en_IN")
    assert result.returncode == 0, result.stderr
    assert "median ₹1,04,545.53 a month" in result.stdout  # at the band's own date, May 2008
    data = json.loads(
        careerkit("show", "csr", "--currency", "INR", "--per", "month", "--json").stdout
    )
    assert data["profile"]["id"] == "customer-service"
    assert data["pay_converted"]["rows"][0]["converted"]["percentiles"]["50"] == "104545.53"
    alone = careerkit("show", "csr", "--currency", "INR")
    assert alone.returncode == 2 and "both --currency and --per" in alone.stderr


@pytest.mark.parametrize("command", ["list", "show", "convert", "compare"])
def test_every_command_has_help_with_examples(command: str) -> None:
    result = careerkit(command, "--help")
    assert result.returncode == 0
    assert f"careerkit {command}" in result.stdout.split("examples:")[1]
    assert "--json" in result.stdout and "--locale" in result.stdout


def test_readme_compare_output_is_true() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    command = "$ careerkit compare customer-service public-relations-specialist"
    block = readme.split(command, 1)[1].split("```", 1)[0]
    shown = block.split("\n", 1)[1].rstrip("\n")
    args = ["compare", "customer-service", "public-relations-specialist", "--currency", "INR",
            "--per", "month", "--prices-of", "2024", "--locale", "en_IN"]  # fmt: skip
    assert careerkit(*args).stdout.rstrip("\n") == shown


def test_validate_a_missing_path_and_the_builtins() -> None:
    missing = careerkit("validate", "no/such/profiles")
    assert missing.returncode == 1
    assert missing.stdout.splitlines() == [
        "no/such/profiles: no such file or directory",
        "0 files checked, 1 problems",
    ]
    profiles = Path(__file__).parents[1] / "src" / "careerkit" / "profiles"
    ok = careerkit("validate", str(profiles))
    assert (ok.returncode, ok.stdout) == (0, "2 files checked, 0 problems\n")
