"""The command line, run end to end in a subprocess, as a user runs it."""

from __future__ import annotations

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
    assert wrong.stderr.startswith("careerkit: error: group: '28' is not a SOC major group;")


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
    assert len(doc["sources"]) == 6  # five of its own and BLS's OEWS May 2025
    assert doc["pay"][2]["percentiles"]["50"] == "74750"
    assert doc["pay"][2]["reference_date"] == "2025-05"


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
    command = '$ careerkit search "customer service" --limit 3\n'
    found = readme.split(command, 1)[1].split("\n\n", 1)[0].splitlines()
    assert found == careerkit("search", "customer service", "--limit", "3").stdout.splitlines()


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
    # csr: US May 2008, IN; both: US May 2025 hourly and annual; pr: US May 2008
    assert len(data["rows"]) == 7
    assert {row["region"] for row in data["rows"]} == {"US", "IN"}  # countries, not states


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


# --- what the command line refuses, and how ------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("compare", "csr", "--currency", "USD", "--per", "year", "--region", "in"), "region: unknown region 'in'"),
        (("compare", "csr", "--currency", "USD", "--per", "year", "--region", "FR"), "none of customer-service has a pay band for region 'FR'"),
        (("list", "--locale", "zz"), "unknown locale 'zz': expected a CLDR locale name"),
        (("show", "csr", "--locale", "de_DE"), "cannot format pay for locale 'de_DE'"),
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


def test_convert_reads_what_it_used_to_misread() -> None:
    result = careerkit("convert", "Rs.15000 per month", "--to", "/year", "--locale", "en_IN")
    assert result.stdout == "₹1,80,000 a year\n"
    open_range = careerkit("convert", "Up to ₹8 LPA", "--to", "/month", "--json")
    data = json.loads(open_range.stdout)
    assert data["text"] == "up to ₹66,666.67 a month"
    assert [figure["amount"] for figure in data["figures"]] == ["66666.66666666666666666666667"]


@pytest.mark.parametrize("command", [("show", "csr", "--lang", "hi"), ("list", "--json")])
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


def test_validate_does_not_compare_the_installed_files_with_themselves() -> None:
    profiles = Path(__file__).parents[1] / "src" / "careerkit" / "profiles"
    result = careerkit("validate", str(profiles / "customer-service.toml"))
    assert (result.returncode, result.stdout) == (0, "1 files checked, 0 problems\n")


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
    assert wrong.stderr == "careerkit: error: limit: a whole number, 1 or more; got 0\n"


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
    assert "  • US: " not in out  # that state's figures only
    assert "This product includes information from the O*NET 29.2 Database" in out
    assert "BLS.gov cannot vouch for the data" in out
    national = careerkit("show", "29-1141").stdout
    assert "  Also 53 states and territories (US-AK ... US-WY): show one with --region" in national
    missing = careerkit("show", "registered-nurses", "--region", "IN")
    assert missing.returncode == 2
    assert "registered-nurses has no pay band for region 'IN'" in missing.stderr


def test_show_a_state_converted() -> None:
    args = ("show", "registered-nurses", "--region", "US-TX", "--currency", "INR", "--per", "month")
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
        "--per",
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
