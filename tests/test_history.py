"""National pay history, May 2004 to May 2025: BLS's workbooks, the SOC revisions, the cuts."""

from __future__ import annotations

import csv
import hashlib
import itertools
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

import careerkit as ck
from careerkit.catalogue.sources import oews_history

DATA = Path(__file__).parent / "data"
_WAGES = {
    "H_MEAN": ("hour", "mean"),
    "A_MEAN": ("year", "mean"),
    "H_PCT10": ("hour", "p10"),
    "H_PCT25": ("hour", "p25"),
    "H_MEDIAN": ("hour", "median"),
    "H_PCT75": ("hour", "p75"),
    "H_PCT90": ("hour", "p90"),
    "A_PCT10": ("year", "p10"),
    "A_PCT25": ("year", "p25"),
    "A_MEDIAN": ("year", "median"),
    "A_PCT75": ("year", "p75"),
    "A_PCT90": ("year", "p90"),
}

# sha256 of each workbook, as PROVENANCE.md records them ("OEWS national releases")
SHA256 = {
    "2004-05": "28d258d3",
    "2005-05": "f010512e",
    "2007-05": "7e3ea0ef",
    "2008-05": "6fa4c580",
    "2010-05": "af8cefa4",
    "2011-05": "fee79a4a",
    "2012-05": "125f1b88",
    "2013-05": "ad025b7c",
    "2014-05": "b316e2bd",
    "2015-05": "abec9b9f",
    "2016-05": "3cf47b5e",
    "2017-05": "2ba8af39",
    "2018-05": "9af8b777",
    "2019-05": "f96556e9",
    "2020-05": "ac0a59b5",
    "2021-05": "8cb0b63b",
    "2022-05": "19aadce8",
    "2023-05": "9200eb04",
    "2024-05": "a9bad309",
    "2025-05": "85225099",
}
RESAVED = {"2004-05", "2005-05", "2007-05", "2008-05", "2010-05", "2016-05", "2019-05"}


def test_every_release_is_recorded_with_its_file() -> None:
    releases = oews_history.releases()
    assert [release["reference_date"] for release in releases] == list(SHA256)
    for release in releases:
        assert release["sha256"].startswith(SHA256[release["reference_date"]])
        assert len(release["sha256"]) == 64
        assert release["resaved"] is (release["reference_date"] in RESAVED)
    citations = oews_history.citations()
    assert "saved again" in citations["bls-oews-may-2008"].note.en  # a re-saved copy says so
    assert "as BLS saved it" in citations["bls-oews-may-2012"].note.en


def _sample() -> dict[str, list[tuple[str, str, str]]]:
    cells: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    with (DATA / "oews-history-sample.csv").open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            cells[row["reference_date"]].append((row["soc_code"], row["column"], row["value"]))
    return cells


SAMPLE = _sample()


@pytest.mark.parametrize("date", list(SHA256))
def test_a_sample_of_every_workbook_reads_back_cell_for_cell(date: str) -> None:
    cells = SAMPLE[date]
    assert len(cells) > 300
    rows: dict[str, dict[str, str]] = defaultdict(dict)
    for code, column, value in cells:
        rows[code][column] = value
    checked = 0
    for code, bls in rows.items():
        if (code.endswith("0000") and code != "00-0000") or "-" not in code:
            continue  # major groups and broader levels are not sampled against bands
        try:
            title, bands, jobs = oews_history.published(date, code)
        except ck.PayBandNotFoundError:
            assert bls.get("OCC_TITLE") is not None  # a minor or broad group: not kept
            continue
        assert " ".join(title.split()) == " ".join(bls["OCC_TITLE"].split())
        by = {band.period.value: band for band in bands}
        for column, (period, name) in _WAGES.items():
            value = bls.get(column, "").strip()
            band = by.get(period)
            figure = None if band is None else band.statistic(name)
            if value in ("*", "**", "***", ""):
                assert figure is None, (code, column)
            elif value == "#":
                assert figure is None and band is not None and name in band.top_coded
            else:
                assert figure == Decimal(value.replace(",", "")), (code, column)
            checked += 1
        employment = bls.get("TOT_EMP", "").strip()
        if employment in ("**", ""):
            assert jobs == ()
        else:
            assert jobs[0].count == int(Decimal(employment.replace(",", "")))
    assert checked > 150


def test_may_2025_agrees_with_the_current_release() -> None:
    for code in ("43-4051", "29-1141", "27-3031", "15-1252"):
        _, bands, _ = oews_history.published("2025-05", code)
        current = [b for b in ck.get(code).pay_bands("US") if str(b.reference_date) == "2025-05"]
        assert [(b.period, b.median, b.mean) for b in bands] == [
            (b.period, b.median, b.mean) for b in current
        ]


# -- the known values -------------------------------------------------------------


def test_customer_service_representatives_annual_medians() -> None:
    history = ck.get("43-4051").pay_history(period="year")
    found = {pay.when.year: pay.amount for pay in history}  # type: ignore[union-attr]
    assert found[2008] == 29860 and found[2010] == 30460 and found[2011] == 30610
    assert found[2012] == 30580 and found[2015] == 31720 and found[2016] == 32300
    assert found[2019] == 34710 and found[2021] == 36920 and found[2024] == 42830
    assert found[2025] == 44770
    assert history.cut is None and min(found) == 2004


def test_registered_nurses_start_in_2012_and_say_why() -> None:
    history = ck.get("29-1141").pay_history(period="year")
    found = {pay.when.year: pay.amount for pay in history}  # type: ignore[union-attr]
    assert (found[2012], found[2015], found[2025]) == (65470, 67490, 97550)
    assert min(found) == 2012
    assert history.cut is not None and history.cut.revision == "SOC 2010"
    for code in ("29-1111", "29-1141", "29-1151", "29-1161", "29-1171"):
        assert code in history.cut.reason
    assert "29-1111 Registered Nurses (May 2004 to May 2011)" in history.cut.earlier
    assert "starts in May 2012" in history.explain()
    # the occupation that held nurse anesthetists, midwives and practitioners too
    for date, median in (("2010-05", 64690), ("2011-05", 65950)):
        title, bands, _ = oews_history.published(date, "29-1111")
        assert title == "Registered Nurses*"
        assert next(b for b in bands if b.period.value == "year").median == median


def test_public_relations_specialists() -> None:
    history = ck.get("27-3031").pay_history(period="year")
    found = {pay.when.year: pay.amount for pay in history}  # type: ignore[union-attr]
    assert (found[2015], found[2025]) == (56770, 74750)
    _, bands, _ = oews_history.published("2008-05", "27-3031")
    assert next(b for b in bands if b.period.value == "year").median == 51280


@pytest.mark.parametrize(
    ("key", "soc", "period", "statistic"),
    [
        ("public-relations-specialist", "27-3031", "year", "median"),
        ("customer-service", "43-4051", "hour", "median"),
    ],
)
def test_the_seeds_quotes_agree_with_bls_workbooks(
    key: str, soc: str, period: str, statistic: str
) -> None:
    quoted = [
        band
        for band in ck.get(key).pay_bands("US")
        if str(band.reference_date) == "2008-05" and band.period.value == period
    ]
    _, bands, _ = oews_history.published("2008-05", soc)
    published = next(b for b in bands if b.period.value == period)
    assert quoted and quoted[0].statistic(statistic) == published.statistic(statistic)
    assert quoted[0].source != "bls-oews-may-2008"  # the seed's article, beside BLS's own


def test_one_point_per_date_and_published_figures_first() -> None:
    history = ck.get("csr").pay_history(period="year")
    assert len({pay.when for pay in history}) == len(history)
    may_2008 = next(i for i, pay in enumerate(history) if str(pay.when) == "2008-05")
    assert history[may_2008].amount == 29860 and history[may_2008].provenance == ()
    assert history.sources[may_2008] == "bls-oews-may-2008"


def test_bls_marks_are_kept_never_numbers() -> None:
    # chief executives: the hourly and annual upper percentiles at or above the top code
    _, bands, _ = oews_history.published("2012-05", "11-1011")
    hourly = next(b for b in bands if b.period.value == "hour")
    assert "p90" in hourly.top_coded and hourly.statistic("p90") is None
    assert hourly.top_code == Decimal("90.00")
    # flight attendants, May 2004: BLS published no wage ("***"), annual figures only
    _, bands, jobs = oews_history.published("2004-05", "39-6031")
    assert bands == () and jobs[0].count == 101980


# -- the SOC revisions ---------------------------------------------------------------------


def _crosswalks() -> dict[str, tuple[dict[str, set[str]], dict[str, set[str]]]]:
    forward: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    back: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    lines = (DATA / "soc-crosswalks.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines[3:]:
        revision, old, new = line.split("\t")
        forward[revision][old].add(new)
        back[revision][new].add(old)
    return {revision: (forward[revision], back[revision]) for revision in forward}


CROSSWALKS = _crosswalks()
FAMILY = {"2000": 0, "2000/2010": 1, "2010": 1, "2010/2018": 2, "2018": 2}
REVISION = {1: "SOC 2010", 2: "SOC 2018"}


def _points() -> Iterator[tuple[str, list[tuple[str, str, str]]]]:
    releases = oews_history.releases()
    history = oews_history._history()
    for soc, entry in history.careers.items():
        yield (
            soc,
            [
                (releases[n]["reference_date"], releases[n]["soc"], code)
                for n, code in entry["points"]
            ],
        )


def test_every_series_crosses_a_revision_only_where_the_crosswalk_maps_one_to_one() -> None:
    crossed = 0
    for soc, points in _points():
        assert points[-1][2] == soc or points[-1][0] != "2025-05"
        for (_, before, old), (_, after, new) in itertools.pairwise(points):
            if FAMILY[before] == FAMILY[after]:
                assert old == new, (soc, old, new)  # within a SOC, a code is its occupation
                continue
            forward, back = CROSSWALKS[REVISION[FAMILY[after]]]
            assert forward[old] == {new} and back[new] == {old}, (soc, old, new)
            crossed += 1
    assert crossed > 1000  # most occupations continue across both revisions


def test_every_cut_is_listed_with_its_reason_and_the_crosswalk_shows_it() -> None:
    with (DATA / "oews-history-cuts.tsv").open(encoding="utf-8") as file:
        listed = {row["soc_code"]: row for row in csv.DictReader(file, delimiter="\t")}
    cuts = {
        soc: entry["cut"]
        for soc, entry in oews_history._history().careers.items()
        if entry["cut"] is not None
    }
    assert set(cuts) == set(listed) and len(cuts) == 160
    points = dict(_points())
    for soc, cut in cuts.items():
        assert (cut["starts"], cut["revision"], cut["reason"]) == (
            listed[soc]["starts"],
            listed[soc]["revision"],
            listed[soc]["reason"],
        )
        first_date, _, code = points[soc][0]
        assert first_date == cut["starts"]
        forward, back = CROSSWALKS[cut["revision"]]
        before = back[code]
        if not before:  # BLS's own aggregate, which no crosswalk reaches
            assert "BLS's own grouping" in cut["reason"] and cut["earlier"] == [], soc
            assert all(code not in news for news in forward.values()), soc
            continue
        # not one to one: the occupation it came from went elsewhere too, or it came from several
        assert len(before) > 1 or len(forward[next(iter(before))]) > 1, soc
        assert all(old in cut["reason"] for old in before), soc
        assert f"before {ck.ReferenceDate.parse(cut['starts']).label()}" in cut["reason"]


def test_hybrid_years_follow_bls_codes() -> None:
    # May 2010-2011: BLS marked its hybrid codes "*"; an unmarked SOC 2010 code is that occupation
    assert str(ck.get("27-3031").pay_history()[0].when) == "2010-05"
    # May 2019-2020: software developers were published within BLS's hybrid 15-1256
    history = ck.get("15-1252").pay_history()
    assert str(history[0].when) == "2021-05" and history.cut is not None
    assert oews_history.published("2019-05", "15-1256")[0].startswith("Software Developers and")


# -- lazy, and damaged files -----------------------------------------------------------------


def test_history_loads_only_when_asked() -> None:
    code = (
        "import careerkit\n"
        "careerkit.get('29-1141'); careerkit.careers()\n"
        "from careerkit.catalogue.sources import oews_history as h\n"
        "assert not h._history._result, 'loaded'\n"
        "careerkit.get('29-1141').pay_history()\n"
        "assert h._history._result\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _rewrite(path: Path, change: object) -> None:
    import lzma

    text = lzma.decompress(path.read_bytes()).decode("utf-8")
    path.write_bytes(lzma.compress(change(text).encode("utf-8")))  # type: ignore[operator]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda text: text, None),
        (lambda text: text.replace('"format":"careerkit', '"format":"other', 1), "header"),
        (lambda text: text[: len(text) // 2], "columns"),
        (lambda text: text.replace("\t65470\t", "\t65,470\t", 1), "not the catalogue's"),
        (lambda text: text.replace('[6,"29-1141"]', '[6,"29-9999"]', 1), "names rows"),
        (lambda text: "{" + text, "not JSON"),
    ],
)
def test_a_damaged_history_file_is_refused(
    history_file: Path, change: object, message: str | None
) -> None:
    _rewrite(history_file, change)
    if message is None:  # the rewrite itself changes nothing
        assert oews_history.series("29-1141") is not None
        return
    with pytest.raises(ck.DataFormatError, match=f"history.bin.*{message}"):
        oews_history.series("29-1141")


def test_a_truncated_history_file_is_refused(history_file: Path) -> None:
    history_file.write_bytes(history_file.read_bytes()[:1000])
    with pytest.raises(ck.DataFormatError, match=r"history\.bin: it cannot be read"):
        ck.get("29-1141").pay_history()


def test_the_sample_is_the_workbooks_own() -> None:
    # the sample file records the workbooks' cells; its digest pins it against silent edits
    digest = hashlib.sha256((DATA / "oews-history-sample.csv").read_bytes()).hexdigest()
    assert len(digest) == 64 and sum(len(cells) for cells in SAMPLE.values()) == 13068
