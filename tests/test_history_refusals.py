"""Pay over time, attacked: what a history, a growth and history.bin refuse, and what they say.

Known figures are BLS's, read from its national workbooks (the cells are quoted where used).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import lzma
import pickle
import threading
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import careerkit as ck
from careerkit.catalogue.sources import oews_history
from careerkit.model.dates import ReferenceDate
from careerkit.pay import PayHistory, SeriesCut

# -- top-coded figures ('#'): never a number, and always said --------------------------------


def test_a_top_coded_year_is_left_out_and_said() -> None:
    # chief executives: BLS printed the May 2007 annual median as '#' (top code $145,600) and
    # published $158,560 in May 2008 (national_May2007_dl.xls, national_M2008_dl.xls)
    history = ck.get("11-1011").pay_history(period="year")
    by_date = {str(pay.when): pay.amount for pay in history}
    assert "2007-05" not in by_date and by_date["2008-05"] == 158560
    assert [str(date) for date in history.top_coded] == ["2007-05"]
    assert "May 2007" in history.explain() and "top code" in history.explain()
    assert "1 more date top-coded" in repr(history)
    assert "top code" in history._repr_html_()
    with pytest.raises(ck.PayBandNotFoundError, match=r"dated 2007.*at or above its top code"):
        ck.get("11-1011").pay_growth(since="2007")
    with pytest.raises(ck.PayBandNotFoundError, match=r"2007-05.*at or above its top code"):
        ck.get("11-1011").pay_growth(since="2007-05")


def test_a_statistic_top_coded_but_once_says_why_growth_has_one_date() -> None:
    # anesthesiologists: BLS printed every median as '#' until May 2024 (national_M2016_dl.xlsx,
    # national_M2021_dl.xlsx: A_MEDIAN '#'); only May 2025 has one
    career = ck.get("anesthesiologists")
    history = career.pay_history(period="year")
    assert [str(pay.when) for pay in history] == ["2025-05"]
    assert len(history.top_coded) == 19 and str(history.top_coded[0]) == "2004-05"
    with pytest.raises(ck.PayBandNotFoundError) as caught:
        career.pay_growth()
    message = str(caught.value)
    assert "one date only (2025-05)" in message
    assert "19 other dates" in message and "at or above its top code" in message
    assert "'mean'" in message  # BLS never top-codes the mean: what would answer
    mean = career.pay_history(statistic="mean", period="year")
    assert (mean[0].amount, mean[-1].amount) == (Decimal(174250), Decimal(360570))
    assert mean.top_coded == ()


def test_a_region_whose_every_figure_is_top_coded_says_so() -> None:
    # anesthesiologists in Alaska, May 2025: every wage '#' (careerkit's May 2025 state figures)
    with pytest.raises(ck.PayBandNotFoundError, match=r"at or above .*top code.*2025-05") as caught:
        ck.get("anesthesiologists").pay_history("US-AK")
    assert "no dated figures" not in str(caught.value)


def _career(key: str, change: Callable[[dict[str, Any]], None]) -> ck.Career:
    data = copy.deepcopy(ck.to_dict(ck.get(key)))
    data["id"] = "made-here"
    change(data)
    return ck.from_dict(data)


def _us_band(period: str, date: str, **figures: Any) -> dict[str, Any]:
    return {
        "region": "US",
        "currency": "USD",
        "period": period,
        "source": "bls-oes-may-2008",
        "reference_date": date,
        **figures,
    }


def test_a_top_coded_figure_is_never_filled_in_from_the_other_period() -> None:
    # an hourly p90 at or above $100.00 beside an annual p90 of $150,000: $150,000 / 2,080
    # ($72.12 an hour) is below the top code the same source gives, so no hourly figure
    def bands(data: dict[str, Any]) -> None:
        data["pay"] = [
            _us_band("hour", "2019-05", percentiles={"50": "40", "90": "90"}),
            _us_band(
                "hour", "2020-05", percentiles={"50": "41"}, top_code="100", top_coded=["p90"]
            ),
            _us_band("year", "2020-05", percentiles={"50": "85280", "90": "150000"}),
        ]
        data["employment"] = []
        data["occupation_codes"] = []  # no SOC code: no catalogue history

    career = _career("csr", bands)
    hourly = career.pay_history(statistic="p90", period="hour")
    assert [(str(pay.when), pay.amount) for pay in hourly] == [("2019-05", Decimal(90))]
    assert [str(date) for date in hourly.top_coded] == ["2020-05"]
    yearly = career.pay_history(statistic="p90", period="year")  # the annual one is published
    assert yearly[-1].amount == Decimal(150000) and yearly[-1].provenance == ()


def test_an_area_across_states_never_takes_the_national_history() -> None:
    # New York-Newark-Jersey City lies in two states: its region is "US", its figures are not
    area = ck.area("new york")
    assert area.region == "US"
    nurses = ck.get("29-1141")
    for where in (area, "new york"):
        assert [str(date) for date in nurses.pay_history(where).dates()] == ["2025-05"]
        assert len(nurses.employment_history(where)) == 1


# -- since and until -------------------------------------------------------------------------


def test_a_day_finds_the_release_of_its_month() -> None:
    csr = ck.get("csr")
    by_month = csr.pay_growth(since="2011-05", until="2025-05")
    assert csr.pay_growth(since=dt.date(2011, 5, 12), until=dt.date(2025, 5, 31)) == by_month
    assert csr.pay_growth(since="2011-05-01") == by_month
    with pytest.raises(ck.PayBandNotFoundError, match=r"no US median dated 2011-06-01; its dates"):
        csr.pay_growth(since=dt.date(2011, 6, 1))
    with pytest.raises(ck.PayBandNotFoundError, match=r"no US median dated 2009-05-12; its dates"):
        csr.pay_growth(since=dt.date(2009, 5, 12))  # BLS's May 2009 release is not held


def test_a_day_never_matches_another_day() -> None:
    pays = [ck.Pay(10, "USD", "hour", when="2020-05-12"), ck.Pay(11, "USD", "hour", when="2021-05")]
    history = PayHistory(pays, career="x", region="US", statistic="median")
    from careerkit.pay._growth import growth

    with pytest.raises(ck.PayBandNotFoundError, match="dated 2020-05-01"):
        growth(history, who="x", region="US", statistic="median", since="2020-05-01", until=None)


def test_one_date_for_both_ends_is_said_plainly() -> None:
    with pytest.raises(ck.ValidationError, match=r"since and until are one date \(2004-05\)"):
        ck.get("csr").pay_growth(until="2004")
    with pytest.raises(ck.ValidationError, match=r"since and until are one date \(2011-05\)"):
        ck.get("csr").pay_growth(since=2011, until="2011-05")
    with pytest.raises(ck.ValidationError, match=r"since \(2025-05\) must be before until"):
        ck.get("csr").pay_growth(since="2025", until="2011")


# -- a PayHistory is checked when made -------------------------------------------------------


def _pay(amount: int, when: str | None, period: str = "hour", currency: str = "USD") -> ck.Pay:
    return ck.Pay(amount, currency, period, when=when)


@pytest.mark.parametrize(
    ("points", "kwargs", "error", "message"),
    [
        ([_pay(10, None)], {}, ck.ValidationError, r"^points\[0\]: every figure .* is dated"),
        ([_pay(10, "2010"), _pay(20000, "2011", "year")], {}, ck.ValidationError,
         r"^points\[1\]: a pay history is in one currency and period: USD/hour"),
        ([_pay(10, "2010"), _pay(10, "2011", currency="EUR")], {}, ck.ValidationError,
         r"^points\[1\]: .*one currency and period"),
        ([_pay(10, "2012"), _pay(10, "2011")], {}, ck.ValidationError,
         r"^points\[1\]: .*oldest first: 2012 is followed by 2011"),
        ([_pay(10, "2012"), _pay(11, "2012")], {}, ck.ValidationError, r"2012 is followed by 2012"),
        ([1, 2], {}, ck.WrongTypeError, r"^points\[0\]: expected a careerkit.Pay, got int"),
        ("ab", {}, ck.WrongTypeError, r"^points: expected a sequence of careerkit.Pay"),
        ([_pay(10, "2010")], {"statistic": "average"}, ck.ValidationError,
         r"^statistic: unknown statistic 'average'"),
        ([_pay(10, "2010"), _pay(11, "2011")], {"sources": "ab"}, ck.WrongTypeError,
         r"^sources: expected a sequence of source ids"),
        ([_pay(10, "2010")], {"career": None}, ck.WrongTypeError, r"^career: expected text"),
        ([_pay(10, "2010")], {"cut": "SOC 2010"}, ck.WrongTypeError, r"^cut: expected a"),
        ([_pay(10, "2010")], {"top_coded": ["2010"]}, ck.ValidationError,
         r"^top_coded: 2010 has a figure"),
        ([_pay(10, "2010")], {"top_coded": "2009"}, ck.WrongTypeError, r"^top_coded: expected"),
    ],
)  # fmt: skip
def test_what_a_pay_history_refuses(
    points: Any, kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    arguments = {"career": "x", "region": "US", "statistic": "median"} | kwargs
    with pytest.raises(error, match=message):
        PayHistory(points, **arguments)


def test_a_pay_history_pickles_and_copies_with_everything_it_says() -> None:
    history = ck.get("11-1011").pay_history(period="year")
    nurses = ck.get("29-1141").pay_history(period="year")
    for value in (history, nurses):
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            again = pickle.loads(pickle.dumps(value, protocol))
            assert again == value and again.sources == value.sources
            assert (again.cut, again.top_coded) == (value.cut, value.top_coded)
        assert copy.deepcopy(value) == value
    assert history != PayHistory(history, career=history.career, region="US", statistic="median")
    assert history == tuple(history) and hash(history) == hash(tuple(history))
    assert history[-1] in history and history[::-1][0] == history[-1]


# -- history.bin, damaged in ways a checksum would not catch ---------------------------------


def _rewrite_header(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    head, _, body = lzma.decompress(path.read_bytes()).decode("utf-8").partition("\n")
    about = json.loads(head)
    change(about)
    text = json.dumps(about, separators=(",", ":")) + "\n" + body
    path.write_bytes(lzma.compress(text.encode("utf-8")))


def _rewrite_cells(path: Path, cells: dict[str, str]) -> None:
    """Set *cells* (by column name) of history.bin's first row of 29-1141 (May 2012)."""
    head, _, body = lzma.decompress(path.read_bytes()).decode("utf-8").partition("\n")
    lines = body.split("\n")
    columns = {
        name: line.split("\t") for name, line in zip(oews_history.COLUMNS, lines, strict=False)
    }
    row = columns["soc_code"].index("29-1141")
    for name, value in cells.items():
        columns[name][row] = value
    text = "\n".join([head, *("\t".join(columns[name]) for name in oews_history.COLUMNS), ""])
    path.write_bytes(lzma.compress(text.encode("utf-8")))


def _point(about: dict[str, Any], soc: str, at: int) -> list[Any]:
    return about["careers"][soc]["points"][at]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # two releases of one date: a series would hold two figures of May 2004
        (lambda about: about["releases"][1].update(reference_date="2004-05"), "releases"),
        (lambda about: about["releases"].reverse(), "releases"),
        # a series naming one release twice: two employment figures of one date
        (lambda about: about["careers"]["29-1141"]["points"].insert(
            3, _point(about, "29-1141", 3)), "series of 29-1141"),
        # a series whose cut is not where it starts: real figures silently dropped
        (lambda about: about["careers"]["29-1141"]["cut"].update(starts="2016-05"),
         "series of 29-1141"),
        (lambda about: about["careers"]["29-1141"]["cut"].update(starts="2099-05"),
         "series of 29-1141"),
        # a release coded in SOC 2018 whose row is another occupation's: a silent join
        (lambda about: _point(about, "29-1141", -1).__setitem__(1, "43-4051"),
         "series of 29-1141"),
    ],
)  # fmt: skip
def test_a_damaged_header_is_refused(
    history_file: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    _rewrite_header(history_file, change)
    with pytest.raises(ck.DataFormatError, match=f"history.bin: .*{message}"):
        ck.get("29-1141").pay_history()


@pytest.mark.parametrize(
    "cells",
    [
        {"hourly_p10": "999.99"},  # percentiles that fall
        {"annual_median": "1" * 16},  # beyond any amount careerkit accepts
        {"employment": "9" * 16, "hourly_mean": "9" * 16 + "." + "9" * 45},
        {"footnotes": "hourly_median=5"},  # a figure BLS printed as '#' cannot have a number
    ],
)
def test_a_damaged_row_is_refused_never_a_figure(history_file: Path, cells: dict[str, str]) -> None:
    _rewrite_cells(history_file, cells)
    with pytest.raises(ck.DataFormatError, match=r"history\.bin: .*29-1141.*May 2012"):
        ck.get("29-1141").pay_history()


def test_a_fractional_top_code_is_cited_never_a_builtin_error(history_file: Path) -> None:
    _rewrite_header(
        history_file, lambda about: about["releases"][0].update(top_code_year="145600.5")
    )
    note = oews_history.citations()["bls-oews-may-2004"].note.en  # type: ignore[union-attr]
    assert "$145,600.5 a year" in note


def test_two_threads_loading_first_get_one_history(history_file: Path) -> None:
    found: list[object] = []
    barrier = threading.Barrier(4)

    def ask() -> None:
        barrier.wait()
        found.append(oews_history._history())

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == 4 and all(item is found[0] for item in found)


# -- an installed release of a date the history holds ---------------------------------------


def test_an_installed_release_wins_its_date_and_nothing_doubles(
    data_folder: Path, tmp_path: Path
) -> None:
    from careerkit import data
    from test_data_oews import NATIONAL, bls, write_csv

    rows = [
        *NATIONAL[:2],
        bls("99", "1", "US", "43-4051", "Customer Service Representatives", "detailed",
            H_MEDIAN="99.99", TOT_EMP="123"),
        bls("99", "1", "US", "29-0000", "Healthcare Practitioners and Technical Occupations",
            "major"),
        bls("99", "1", "US", "29-1141", "Registered Nurses", "detailed", TOT_EMP="1,000",
            H_MEDIAN="50.00", A_MEDIAN="104000"),
    ]  # fmt: skip
    for date in ("2012-05", "2010-05"):
        data.update("oews", write_csv(tmp_path / f"national-{date}.csv", rows), reference_date=date)
    service = ck.get("43-4051")
    hourly = service.pay_history(period="hour")
    found = {
        str(pay.when): (pay.amount, source)
        for pay, source in zip(hourly, hourly.sources, strict=True)
    }
    assert found["2012-05"] == (Decimal("99.99"), "bls-oews-may-2012")  # the installed one
    assert found["2011-05"] == (Decimal("14.72"), "bls-oews-may-2011")  # the shipped history
    jobs = {str(item.reference_date): item.count for item in service.employment_history()}
    assert (jobs["2012-05"], jobs["2013-05"]) == (123, 2389580)
    for history in (hourly, service.pay_history(period="year")):
        assert len(set(history.dates())) == len(history) == 20
    assert len(service.employment_history()) == 20
    # registered nurses start in May 2012: a May 2010 release's figures are left out too
    nurses = ck.get("29-1141")
    assert str(nurses.pay_history().dates()[0]) == "2012-05"
    assert nurses.pay_history(period="year")[0].amount == 104000
    assert [str(item.reference_date) for item in nurses.employment_history()][:1] == ["2012-05"]


# -- the data: series across the SOC revisions, against BLS's workbooks ----------------------


def test_computer_user_support_specialists_continue_across_both_revisions() -> None:
    # SOC 2000 15-1041 (national_M2008_dl.xls A_MEDIAN 43450), SOC 2010 15-1151 (M2012: 46420),
    # SOC 2018 15-1232 (M2019: 52270, M2021: 49770): one to one at each revision. BLS published
    # no SOC 2010 code for them in its hybrid May 2010-2011: no figure those years
    history = ck.get("15-1232").pay_history(period="year")
    found = {str(pay.when): pay.amount for pay in history}
    assert (found["2008-05"], found["2012-05"]) == (Decimal(43450), Decimal(46420))
    assert (found["2019-05"], found["2021-05"]) == (Decimal(52270), Decimal(49770))
    assert "2010-05" not in found and "2011-05" not in found and history.cut is None


def test_stockers_continue_under_their_soc_2018_code() -> None:
    # 43-5081 Stock clerks and order fillers (national_may2004_dl.xls A_MEDIAN 20100, M2018:
    # 25700) became 53-7065 Stockers and Order Fillers (M2019: 27380)
    found = {str(p.when): p.amount for p in ck.get("53-7065").pay_history(period="year")}
    assert (found["2004-05"], found["2018-05"], found["2019-05"]) == (20100, 25700, 27380)


def test_annual_only_and_hourly_only_years() -> None:
    # elementary school teachers, May 2011: H_MEDIAN '*', A_MEDIAN 52840 (annual only);
    # actors, May 2016: H_MEDIAN 18.7, A_MEDIAN '*' (hourly only)
    teachers = ck.get("25-2021")
    yearly = {str(p.when): p for p in teachers.pay_history(period="year")}
    assert yearly["2011-05"].amount == 52840 and yearly["2011-05"].provenance == ()
    hourly = {str(p.when): p for p in teachers.pay_history(period="hour")}
    assert "2,080 hours" in hourly["2011-05"].provenance[0].describe()  # converted, and says so
    actors = {str(p.when): p for p in ck.get("27-2011").pay_history()}
    assert actors["2016-05"].amount == Decimal("18.7") and actors["2016-05"].provenance == ()


def test_every_career_has_one_point_a_date_in_pay_and_employment() -> None:
    for career in ck.careers():
        dates = career.pay_history().dates()
        assert len(set(dates)) == len(dates), career.id
        jobs = [item.reference_date for item in career.employment_history()]
        assert len(set(jobs)) == len(jobs), career.id
        assert jobs == sorted(jobs, key=ReferenceDate.sort_key), career.id


def test_a_cut_lists_earlier_occupations_as_their_own_series_see_them() -> None:
    """Where a code's figures of BLS's hybrid years belong to a series of the new SOC, another
    series' cut must not list them as the earlier occupation's: 11-9179's cut says 11-9039
    (SOC 2010) ran to May 2020, while 11-9039's own series says May 2019-2020 are SOC 2018's."""
    history = oews_history._history()
    dates = [release["reference_date"] for release in history.releases]
    owners = {
        (dates[number], code): soc
        for soc, entry in history.careers.items()
        for number, code in entry["points"]
    }
    wrong = []
    for soc, entry in history.careers.items():
        for item in (entry["cut"] or {}).get("earlier", []):
            last = item.rsplit(" to May ", 1)[1].rstrip(")") + "-05"
            owner = owners.get((last, item[:7]))
            cut = None if owner is None else history.careers[owner]["cut"]
            if cut is not None and cut["starts"] <= last:
                wrong.append((soc, item, owner))
    assert wrong == []


def test_show_says_why_a_median_has_one_date() -> None:
    from careerkit.cli import main

    lines = _shown(main, "anesthesiologists")
    (line,) = [line for line in lines if "over time" in line]
    assert "1 dates" not in line and "top code" in " ".join(lines)


def _shown(main: Callable[[list[str]], int], key: str) -> list[str]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["show", key])
    return out.getvalue().splitlines()


def test_a_seriescut_is_a_value_checked_when_made() -> None:
    cut = SeriesCut(starts="2012-05", revision="SOC 2010", reason="r", earlier=["29-1111 x"])
    assert cut.starts == ReferenceDate(2012, 5) and cut.earlier == ("29-1111 x",)
    assert pickle.loads(pickle.dumps(cut)) == cut and hash(cut) == hash(copy.copy(cut))
    with pytest.raises(ck.WrongTypeError, match=r"^starts: expected a date"):
        SeriesCut(starts=[2012], revision="SOC 2010", reason="r")
    with pytest.raises(ck.WrongTypeError, match=r"^revision: expected text"):
        SeriesCut(starts=2012, revision=None, reason="r")  # type: ignore[arg-type]
    with pytest.raises(ck.ValidationError, match=r"^reason: expected non-empty text"):
        SeriesCut(starts=2012, revision="", reason=" ")
    with pytest.raises(ck.ValidationError, match="single string"):
        SeriesCut(starts=2012, revision="", reason="r", earlier="29-1111")  # type: ignore[arg-type]


def test_may_2025_cites_no_top_code_it_did_not_use() -> None:
    # BLS's May 2025 workbook states a top code of $115.00 but prints chief executives' hourly
    # p90 as 244.1 (national_M2025_dl.xlsx): its citation must not say figures above were '#'
    _, bands, _ = oews_history.published("2025-05", "11-1011")
    assert next(b for b in bands if b.period.value == "hour").percentiles[90] == Decimal("244.1")
    note = oews_history.citations()["bls-oews-may-2025"].note.en  # type: ignore[union-attr]
    assert "Where BLS printed '#'" in note and "printed as '#'" not in note


def test_a_career_of_ones_own_with_a_soc_code_and_no_us_band_gets_the_history() -> None:
    # the customer-service profile, its US bands dropped: its SOC code still brings BLS's
    # national releases, and its own Indian bands stay its own
    def india_only(data: dict[str, Any]) -> None:
        data["pay"] = [band for band in data["pay"] if band["region"] == "IN"]
        data["employment"] = []

    career = _career("csr", india_only)
    assert career.pay_bands("IN")
    history = career.pay_history(period="year")
    assert (str(history[0].when), history[0].amount) == ("2004-05", Decimal(27020))
    assert history[-1].amount == Decimal(44770)
    assert career.employment_history()[-1].count == 2595750
    no_soc = _career("csr", lambda data: (india_only(data), data.update(occupation_codes=[])))
    with pytest.raises(ck.PayBandNotFoundError, match="no pay band for region 'US'"):
        no_soc.pay_history()
