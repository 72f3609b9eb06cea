"""``str()`` of a career, a pay band and search results is the people's text that
``careerkit show`` and ``careerkit search`` print; ``repr()`` stays Python's view."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given

import careerkit as ck
from careerkit._render import render_career
from careerkit.testing import careers


def cli(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "careerkit", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return result.stdout


def test_str_of_a_career_is_what_show_prints() -> None:
    career = ck.get("customer-service")
    text = str(career)
    assert text == render_career(career)
    assert text == cli("show", "customer-service")
    assert text.startswith(career.title.en + "\nid: customer-service\n")
    assert repr(career).startswith("<Career 'customer-service': 'Customer service")
    assert f"{career}" == text


def test_str_of_a_catalogue_career_is_what_show_prints() -> None:
    nurses = ck.get("registered nurse")
    assert str(nurses) == cli("show", "29-1141")
    assert repr(nurses).startswith("<Career 'registered-nurses': 'Registered Nurses'")


def test_str_of_a_pay_band_is_its_line_in_show() -> None:
    career = ck.get("customer-service")
    shown = cli("show", "customer-service")
    for band in career.pay_bands("IN"):
        text = str(band)
        first, *rest = text.split("\n")
        assert first.startswith("IN: ₹")
        assert first.endswith(f"({band.source})")
        # show prints the same line, its source numbered instead of named
        number = [source.id for source in career.sources].index(band.source) + 1
        assert f"  • {first.removesuffix(f'({band.source})')}[{number}]" in shown
        for line in rest:  # the statement, the date and the note, as show indents them
            assert f"  {line}\n" in shown
        assert repr(band).startswith("<PayBand IN INR/month")


def test_str_of_a_bls_band_gives_its_figures_and_date() -> None:
    hourly, yearly = ck.get("29-1141").pay_bands("US")
    # BLS OEWS May 2025, registered nurses (29-1141), national: median $46.90 an hour, $97,550
    assert str(yearly).split("\n")[0] == (
        "US: p10 $68,940, p25 $80,330, median $97,550, p75 $112,350, p90 $137,470, "
        "mean $101,420 a year (May 2025) (bls-oews-may-2025)"
    )
    assert "median $46.90" in str(hourly) and "an hour (May 2025)" in str(hourly)
    assert repr(hourly) == (
        "<PayBand US USD/hour 2025-05: median 46.90 and 5 more figures (bls-oews-may-2025)>"
    )


def test_str_of_a_course_fee_is_its_line_in_show() -> None:
    (fee, *_) = ck.get("customer-service").course_fees
    assert str(fee).startswith(f"{fee.region}: ₹")
    assert str(fee).split("\n")[0].endswith(f"({fee.source})")


def test_str_of_search_results_is_what_search_prints() -> None:
    results = ck.search("registered nurse", limit=3)
    assert str(results) + "\n" == cli("search", "registered nurse", "--limit", "3")
    assert str(results[0]) == (
        f"{results[0].score:5.1f}  registered-nurses  Registered Nurses  [title: Registered Nurses]"
    )
    assert repr(results).startswith("(<SearchResult 'registered-nurses'")
    assert str(ck.search("zzqqxxj")) == "no career matches"


@given(careers())
def test_every_career_and_band_prints_as_show_prints_it(career: ck.Career) -> None:
    text = str(career)
    assert text == render_career(career)
    assert text.startswith(f"{career.title.en}\nid: {career.id}\n")
    for band in (*career.pay, *career.course_fees):
        first = str(band).split("\n")[0]
        assert first.startswith(f"{band.region}: ")
        assert first.endswith(f"({band.source})")
        assert repr(band).startswith(f"<{type(band).__name__} {band.region} ")
