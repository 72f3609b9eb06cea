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
