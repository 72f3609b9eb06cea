"""Threads: first-ever lookups and conversions, raced in a fresh process, give the one answer.

Everything careerkit loads lazily (the registry, the catalogue's index and each of its
careers, the search index, each currency's rates, CPI-U, World Bank series, babel's
locale data, pycountry's code lists, the cattrs converter) is
first touched here by 32 threads at once, released together by a barrier. Every
thread's answers must equal those of a single-threaded run in another fresh process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = r"""
import json, sys, threading
import careerkit as ck

def jobs():
    # Each job's answer as text: the figure, its provenance, or the error it raised.
    def pay(currency, when):
        return lambda: ck.Pay("14.36", "USD", "hour", when=when).per("month").to_currency(currency).explain()
    found = [
        lambda: ck.get("csr").id,
        lambda: ck.get("जनसंपर्क विशेषज्ञ").id,
        lambda: ck.get("43-4051").codes["NCO-2015"],
        lambda: [c.id for c in ck.careers()],
        lambda: ck.get("custmer service").id,
        lambda: str(ck.get("29-1141").pay_bands("US-TX")[1].median),
        lambda: ck.get("registered nurses") is ck.get("291141"),
        lambda: [r.id for r in ck.search("registerd nurse")],
        lambda: [r.id for r in ck.search("जनसंपर्क")],
        lambda: str(ck.get("csr").pay_growth().real),
        lambda: ck.compare("csr", "pr-specialist", currency="INR", period="month", prices_of="2024").render("hi", "hi"),
        lambda: ck.Pay(100, "USD", "year", when="2008-05").in_prices_of("2024").explain(),
        lambda: ck.Pay(100, "INR", "year", when="2008").in_prices_of("2020").explain(),
        lambda: ck.Pay(100, "EUR", "year", when="2010").in_prices_of("2020").explain(),
        lambda: ck.Pay(100, "EUR", "year", when="2010").to_ppp(country="DE").explain(),
        lambda: ck.Pay(100, "USD", "year", when="2020").to_ppp(country="IN").explain(),
        lambda: ck.format_pay(ck.Pay(340000, "INR", "year"), "hi", compact=True, digits="deva"),
        lambda: ck.format_pay(ck.Pay("29868.80", "USD", "year"), "en_US"),
        lambda: repr(ck.parse_pay("8-12 Lacs P.A.")),
        lambda: repr(ck.parse_pay("45.000,50 €", period="year", locale="de_DE")),
        lambda: repr(ck.parse_pay("Rs.15000 per month")),
        lambda: ck.to_toml(ck.get("public-relations-specialist")),
        lambda: repr(ck.from_toml(ck.to_toml(ck.get("customer-service")))),
        lambda: ck.convert_array([14.36, 10.0], currency="USD", period="hour", when="2008-05", to_currency="GBP").tolist(),
    ]
    found += [pay(code, when) for code in ("INR", "EUR", "GBP", "JPY", "CAD", "AUD", "LKR", "CNY", "BRL", "ZAR")
              for when in ("2008-05", "2008", "2019-11-30")]
    return found

def answer(job):
    try:
        return str(job())
    except ck.CareerkitError as error:
        return f"{type(error).__name__}: {error}"

work = jobs()
if sys.argv[1] == "single":
    print(json.dumps([[answer(job) for job in work]]))
else:
    threads = 32
    barrier = threading.Barrier(threads)
    results = [None] * threads
    def run(index):
        order = work[index % len(work):] + work[:index % len(work)]  # each starts elsewhere
        barrier.wait()
        answers = {id(job): answer(job) for job in order}
        results[index] = [answers[id(job)] for job in work]
    pool = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for thread in pool: thread.start()
    for thread in pool: thread.join()
    print(json.dumps(results))
"""


def run(mode: str) -> list[list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=True,
    )
    assert done.stderr == ""
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("attempt", range(2))
def test_32_threads_agree_with_one(attempt: int) -> None:
    (expected,) = run("single")
    raced = run("threads")
    assert len(raced) == 32
    for answers in raced:
        assert answers == expected
    assert any(
        answer.startswith("ValidationError: USD was not legal tender in IN") for answer in expected
    )
    assert "Pay('15000.00', 'INR', 'month')" in expected


# --- processes: an update or reset in one never breaks another ------------------------------------

READER = r"""
import json, sys
import careerkit as ck
from careerkit import catalogue, data

def medians(soc):
    return [str(b.median) for b in ck.get(soc).pay_bands("US") if b.source == "bls-oews-may-2026"]

print(json.dumps({"43-4051": medians("43-4051"), "cpi": str(data.us_cpi()[(2026, 7)])}), flush=True)
sys.stdin.readline()  # meanwhile another process resets the data and installs another release
print(json.dumps({
    "53-2011": [str(b.mean) for b in ck.get("53-2011").pay_bands("US") if b.source == "bls-oews-may-2026"],
    "43-4052": medians("43-4052"),
    "cpi": str(data.us_cpi()[(2026, 7)]),
    "release": catalogue.release()["files"],
}), flush=True)
"""


def _pilots(mean: str) -> list[str]:
    from test_data_oews import bls

    title = "Airline Pilots, Copilots, and Flight Engineers"
    return bls("99", "1", "US", "53-2011", title, "detailed", TOT_EMP="104,300", A_MEAN=mean)


def test_a_running_process_keeps_the_data_it_started_with(tmp_path: Path) -> None:
    """A process that has looked a career up goes on with the release it read while another
    process resets the data and installs another release: nothing it read is lost, and the
    folders it read from need not be kept for it (it read each file whole, and checked it)."""
    import os

    import careerkit as ck
    from careerkit import data
    from test_data_oews import NATIONAL, STATES, write_csv

    folder = tmp_path / "data"
    folder.mkdir()
    first = write_csv(
        tmp_path / "national_M2026_dl.csv", [*NATIONAL[:4], _pilots("233880"), NATIONAL[5]]
    )
    states = write_csv(tmp_path / "state_M2026_dl.csv", STATES)
    data.update("oews", first, states, directory=folder)
    cpi = tmp_path / "CPIAUCNS.csv"
    cpi.write_text(
        "observation_date,CPIAUCNS\n2026-06-01,336.4\n2026-07-01,337.1\n", encoding="utf-8"
    )
    data.update("cpi", cpi, directory=folder)
    (started_with,) = [path for path in (folder / "oews").iterdir() if path.is_dir()]
    env = {**os.environ, "CAREERKIT_DATA_DIR": str(folder), "PYTHONIOENCODING": "utf-8"}
    with subprocess.Popen(
        [sys.executable, "-c", READER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as child:
        try:
            _reader_keeps_its_release(child, tmp_path, folder, env, started_with)
        finally:
            if child.poll() is None:
                child.kill()
    # a process started now reads what is installed now
    with data.use(folder):
        (pilots,) = [b for b in ck.get("53-2011").pay_bands("US") if b.source.endswith("2026")]
        assert pilots.mean == 250000
        assert (2026, 7) not in data.us_cpi()
    # the folder holds what its manifest names, and nothing else; a reset leaves nothing
    names = {path.name for path in (folder / "oews").iterdir()}
    manifest = json.loads((folder / "oews" / "manifest.json").read_text(encoding="utf-8"))
    assert names == {".lock", "manifest.json", *(r["folder"] for r in manifest["releases"])}
    assert data.reset("oews", directory=folder) == ("oews",)
    assert [path.name for path in (folder / "oews").iterdir()] == [".lock"]


def _reader_keeps_its_release(
    child: subprocess.Popen[str],
    tmp_path: Path,
    folder: Path,
    env: dict[str, str],
    started_with: Path,
) -> None:
    from test_data_oews import NATIONAL, write_csv

    assert child.stdout is not None and child.stdin is not None
    before = json.loads(child.stdout.readline())
    assert before == {"43-4051": ["22.10", "45970"], "cpi": "337.1"}

    # another process resets everything, then installs another release of the same date
    (tmp_path / "other").mkdir()
    other = write_csv(
        tmp_path / "other" / "national_M2026_dl.csv", [*NATIONAL[:4], _pilots("250000")]
    )
    for command in (["data", "reset"], ["data", "update", "oews", str(other)]):
        done = subprocess.run(
            [sys.executable, "-m", "careerkit", *command],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    assert not started_with.exists()  # removed at once: the reader holds what it read
    assert not list((folder / "cpi").glob("*.csv"))

    child.stdin.write("\n")
    child.stdin.flush()
    after = json.loads(child.stdout.readline())
    assert after["53-2011"] == ["233880"]  # the release it started with, not 250000
    assert after["43-4052"] == ["24.00", "49920"]  # an occupation only that release has
    assert after["cpi"] == "337.1"
    assert list(after["release"]) == ["national_M2026_dl.csv", "state_M2026_dl.csv"]
    assert child.wait(timeout=120) == 0
    assert child.stderr is not None and child.stderr.read() == ""
