"""The fast paths of looking careers up give what the slow ones gave (issue 26).

- A key that does not exist: :func:`careerkit.registry.close_matches` (rapidfuzz bounds,
  difflib scores the few keys that can be close) against ``difflib.get_close_matches``
  itself, over the catalogue's keys and over arbitrary strings.
- Building every career: each object built without validating, or shared between
  careers, against the validating constructors, field by field and type by type; the
  OEWS bands and employment against the way they were built before; the figures and
  labels shared against those made one by one; the indexed lines of the catalogue's
  files against the search they replace; the garbage collector left as it was.
- The command line: ``--help`` imports neither the model nor the data store, ``show``
  only what showing needs; the names it holds without importing are the library's; the
  parser that reads a command line, each command's parser built when given, is the one
  the documentation shows.
- rapidfuzz, imported first by many threads at once (a missing key, a search, an area):
  each gets it whole.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import gc
import random
import subprocess
import sys
import threading
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import careerkit as ck
from careerkit.catalogue._interned import decimals, figures, labels, prose
from careerkit.catalogue._lines import Lines, line_of
from careerkit.catalogue._releases import FIELDS, _catalogue, occupations
from careerkit.catalogue.sources import oews
from careerkit.cli import build_parser
from careerkit.cli._options import _UsageError
from careerkit.cli._parser import command_line_parser
from careerkit.registry import Registry, close_matches, default_registry, normalize_key

# --- a key that does not exist -------------------------------------------------------------------


@functools.cache
def _old_suggestions(registry: Registry, key: str) -> tuple[str, ...]:
    """The suggestions ``Registry.get`` made before issue 26: difflib over every key."""
    normal = normalize_key(key) if len(key) <= 300 else ""
    close = difflib.get_close_matches(normal, list(registry._index), n=10, cutoff=0.6)
    best: dict[str, str] = {}
    for candidate in close:
        career_id, written = registry._index[candidate]
        best.setdefault(career_id, written)
    return tuple(list(best.values())[:3])


def _misspelt(key: str, rng: random.Random) -> str:
    """*key* with one to three letters dropped, added or changed, as people mistype."""
    letters = list(key)
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(letters) + 1)
        change = rng.random()
        if change < 1 / 3 and len(letters) > 1:
            del letters[min(at, len(letters) - 1)]
        elif change < 2 / 3:
            letters.insert(at, rng.choice("abcdefghijklmnopqrstuvwxyz -0123456789"))
        elif letters:
            letters[min(at, len(letters) - 1)] = rng.choice("abcdefghijklmnopqrstuvwxyz")
    return "".join(letters)


def _missing_keys() -> list[str]:
    """300 misspellings of the catalogue's keys (ids, titles, codes, Hindi titles) and junk."""
    registry = default_registry()
    rng = random.Random(26)
    written = sorted({key for _, key in registry._index.values()})
    keys: list[str] = []
    while len(keys) < 240:  # a misspelling that is another career's key is no missing key
        keys += [found for found in [_misspelt(rng.choice(written), rng)] if found not in registry]
    while len(keys) < 270:
        key = rng.choice(written)
        keys += [found for found in [key[: rng.randint(3, len(key))]] if found not in registry]
    keys += [
        "no such career",
        "xyzzy",
        "nurs",
        "29-114",
        "2911",
        "11-1111",
        "a",
        "",
        "   ",
        "?!",
        "other",
        "workers, all other",
        "technicians",
        "Chief executive officers",
        "software developers applications engineer",
        "the quick brown fox jumps over the lazy dog and keeps running",
        "जनसंपर्क विशेषज",
        "ग्राहक सेवा",
        "x" * 250,  # 200 characters and more: difflib treats frequent characters as junk
        "registered nurses " * 14,
        "nurse " * 60,  # over the 300 characters a key may have: looked up as nothing
        "custmer service",
        "registred nurse",
        "CUSTMER-care executive",
        "pr specialst",
        "43-405",
        "4305 1",
        "2432.0",
        "data science",  # "data scientist" is found: read as words, it is data-scientists
        "doctor",
    ]
    return keys


MISSING = _missing_keys()


def test_the_sample_is_wide() -> None:
    assert len(MISSING) >= 300
    registry = default_registry()
    suggested = [key for key in MISSING if _old_suggestions(registry, key)]
    assert len(suggested) >= 200  # most have suggestions: the ranking is what is compared
    assert sum(len(_old_suggestions(registry, key)) > 1 for key in MISSING) >= 30


@pytest.mark.parametrize("key", MISSING)
def test_a_missing_key_gets_the_suggestions_difflib_gave(key: str) -> None:
    registry = default_registry()
    with pytest.raises(ck.ProfileNotFoundError) as caught:
        registry.get(key)
    assert caught.value.suggestions == _old_suggestions(registry, key)


def test_the_closest_keys_are_difflibs_in_its_order() -> None:
    keys = list(default_registry()._index)
    for key in MISSING:
        normal = normalize_key(key)
        assert close_matches(normal, keys, n=10, cutoff=0.6) == difflib.get_close_matches(
            normal, keys, n=10, cutoff=0.6
        )


def test_the_message_is_as_before() -> None:
    with pytest.raises(ck.ProfileNotFoundError) as caught:
        ck.get("custmer service")
    assert str(caught.value) == "unknown career 'custmer service'; did you mean 'customer-service'?"
    with pytest.raises(ck.ProfileNotFoundError) as caught:
        ck.get("xyzzy")
    assert str(caught.value) == (
        "unknown career 'xyzzy'; none of the 830 careers answers to it; search them by words "
        "with careerkit.search() or 'careerkit search'"
    )


def test_a_career_added_later_is_suggested() -> None:
    registry = Registry([ck.Career(id="tea-taster", title=ck.Text("Tea taster"))])
    with pytest.raises(ck.ProfileNotFoundError, match="did you mean 'tea-taster'"):
        registry.get("tea-tastr")
    registry.add(ck.Career(id="tea-blender", title=ck.Text("Tea blender")))
    with pytest.raises(ck.ProfileNotFoundError) as caught:
        registry.get("tea-blendr")
    assert caught.value.suggestions[0] == "tea-blender"
    assert "2 careers" not in str(caught.value)  # twelve or fewer are listed, not counted


_TEXT = st.text(alphabet="abcde -12कखग", max_size=12)


@settings(max_examples=400, deadline=None)
@given(
    word=st.one_of(_TEXT, st.text(alphabet="ab c", min_size=190, max_size=260)),
    keys=st.lists(st.one_of(_TEXT, st.text(alphabet="ab c", min_size=150, max_size=260))),
    n=st.integers(1, 12),
    cutoff=st.sampled_from([0.0, 0.3, 0.5, 0.6, 0.75, 0.9, 1.0]),
)
@example(word="", keys=["", "a", ""], n=3, cutoff=0.6)
@example(word="ab", keys=["ba", "ab", "ab"], n=2, cutoff=0.5)
def test_close_matches_is_difflib(word: str, keys: list[str], n: int, cutoff: float) -> None:
    assert close_matches(word, keys, n=n, cutoff=cutoff) == difflib.get_close_matches(
        word, keys, n=n, cutoff=cutoff
    )


# --- building every career ---------------------------------------------------------------------


def _same(built: object, again: object, where: str) -> None:
    """*built* equals *again*, and so, of the same type, does every field of every attrs object
    in it (in tuples and mappings too)."""
    assert type(built) is type(again), where
    assert built == again, where
    if attrs.has(type(built)):
        for field in attrs.fields(type(built)):
            _same(getattr(built, field.name), getattr(again, field.name), f"{where}.{field.name}")
    elif isinstance(built, tuple):
        for number, (one, other) in enumerate(zip(built, again, strict=True)):  # type: ignore[call-overload]
            _same(one, other, f"{where}[{number}]")
    elif isinstance(built, Mapping):
        assert list(built) == list(again), where  # type: ignore[call-overload]
        for key in built:
            _same(built[key], again[key], f"{where}[{key!r}]")  # type: ignore[index]


def _validated(item: Any) -> Any:
    """*item* built again through the validating constructors, and each attrs object in it."""
    if attrs.has(type(item)):
        fields = {
            field.alias: _validated(getattr(item, field.name)) for field in attrs.fields(type(item))
        }
        return type(item)(**fields)
    if isinstance(item, tuple):
        return tuple(_validated(part) for part in item)
    return item


@pytest.fixture(scope="module")
def everyone() -> tuple[ck.Career, ...]:
    return ck.careers()


def test_every_object_of_every_career_is_as_the_validating_constructors_make_it(
    everyone: tuple[ck.Career, ...],
) -> None:
    """Bands, employment, codes, texts, tools, skills, shares...: each built without validating
    (and those many careers hold alike, shared) equals the validated one, field by field, in
    the same types (a str is no CodeSystem, an int no Decimal, a list no tuple)."""
    for career in everyone:
        _same(career, _validated(career), career.id)


def _old_bands(rows: list[tuple[Any, list[str]]], date: Any, oews: str) -> list[ck.PayBand]:
    """What ``oews._bands`` did before issue 26: a Decimal per figure, validating constructors."""
    column = {name: index + 1 for index, name in enumerate(FIELDS)}
    statistics = ("mean", "p10", "p25", "median", "p75", "p90")
    bands = []
    for about, row in rows:
        notes = dict(item.split("=") for item in row[column["footnotes"]].split(";") if item)
        for period, prefix in (("hour", "hourly"), ("year", "annual")):
            other = "annual" if prefix == "hourly" else "hourly"
            percentiles = {
                number: Decimal(row[column[f"{prefix}_{name}"]])
                for number, name in zip((10, 25, 50, 75, 90), statistics[1:], strict=True)
                if row[column[f"{prefix}_{name}"]]
            }
            text = row[column[f"{prefix}_mean"]]
            mean = Decimal(text) if text else None
            top_coded = tuple(name for name in statistics if notes.get(f"{prefix}_{name}") == "5")
            only = any(notes.get(f"{other}_{name}") == "4" for name in statistics)
            if not percentiles and mean is None and not top_coded:
                continue
            has_mean = mean is not None or "mean" in top_coded
            rse = row[column["wage_rse"]]
            top = about[f"top_code_{period}"]
            bands.append(
                ck.PayBand(
                    region=row[0],
                    currency="USD",
                    period=period,
                    source=oews,
                    reference_date=date,
                    percentiles=percentiles,
                    mean=mean,
                    mean_rse=Decimal(rse) if has_mean and rse else None,
                    top_code=Decimal(top) if top_coded else None,
                    top_coded=top_coded,
                    note=ck.Text(
                        f"BLS publishes only {'hourly' if period == 'hour' else 'annual'} "
                        "figures for this occupation: its workers do not generally work "
                        "year-round, full time (BLS footnote 4)."
                    )
                    if only
                    else None,
                )
            )
    return bands


def _old_employment(rows: list[tuple[Any, list[str]]], date: Any, oews: str) -> list[Any]:
    column = {name: index + 1 for index, name in enumerate(FIELDS)}

    def amount(name: str, row: list[str]) -> Decimal | None:
        return Decimal(row[column[name]]) if row[column[name]] else None

    return [
        ck.Employment(
            region=row[0],
            count=int(row[column["employment"]]),
            rse=amount("employment_rse", row),
            per_1000=amount("jobs_per_1000", row),
            location_quotient=amount("location_quotient", row),
            reference_date=date,
            source=oews,
        )
        for _, row in rows
        if row[column["employment"]]
    ]


def test_every_band_and_employment_figure_is_as_before() -> None:
    """The OEWS source's bands and employment (figures shared, bands built without validating)
    against the way they were built before issue 26, for all 830 occupations."""
    compared = 0
    for occupation in occupations().values():
        found = oews.facts(occupation)
        bands: list[ck.PayBand] = []
        jobs: list[Any] = []
        for when, rows in _catalogue().figures(occupation):
            about = [(layer.about, row) for layer, row in rows]
            date = ck.ReferenceDate.parse(when)
            bands += _old_bands(about, date, oews.source_id(when))
            jobs += _old_employment(about, date, oews.source_id(when))
        _same(found["pay"], tuple(bands), occupation.soc)
        _same(found["employment"], tuple(jobs), occupation.soc)
        compared += len(bands)
    assert compared > 70_000


def test_figures_shared_are_the_figures_made() -> None:
    texts = ["46.90", "97550", "0.5", "0", "0.0", "2.50", "1E+3", "12345678901234567.123"]
    for text in texts:
        for cache in (decimals, figures):
            found = cache[text]
            assert found == Decimal(text) and str(found) == str(Decimal(text))
            assert cache[text] is found  # made once
    assert figures[""] is None
    with pytest.raises(InvalidOperation):
        decimals["not a number"]
    with pytest.raises(InvalidOperation):
        figures["1,000"]
    assert decimals[2] == Decimal(2) and 2 not in decimals  # only text is kept
    assert labels["Registered Nurses"] == ck.Text("Registered Nurses")
    assert labels["Registered Nurses"] is labels["Registered Nurses"]
    with pytest.raises(ck.ValidationError):
        labels[" "]
    with pytest.raises(ck.ValidationError):
        prose()("")


@settings(max_examples=200, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, places=3))
def test_a_figure_shared_is_the_figure_made(number: Decimal) -> None:
    text = str(number)
    assert str(decimals[text]) == str(Decimal(text)) == str(figures[text])


_TSV = st.text(alphabet="ab\t\n1-", max_size=60)


@settings(max_examples=300, deadline=None)
@given(text=_TSV, keys=st.lists(st.text(alphabet="ab\t\n1-", max_size=4), max_size=20))
@example(text="soc\tx\n29-1141\t1\n29-1141\t2\n", keys=["29-1141"] * 12)
@example(text="a\tb\n\tc\nd\n", keys=["", "d", "a", "\tc"] * 4)
def test_lines_are_found_as_line_of_finds_them(text: str, keys: list[str]) -> None:
    lines = Lines(text)
    for key in [*keys, *keys, *keys]:  # searched at first, then from the index
        assert lines.get(key) == line_of(text, key)


def test_the_collector_is_left_as_it_was() -> None:
    assert gc.isenabled()
    registry = Registry.from_entry_points()
    registry.careers()
    assert gc.isenabled()
    gc.disable()
    try:
        Registry.from_entry_points().careers()
        assert not gc.isenabled()  # paused by the caller: left paused
    finally:
        gc.enable()
    registries = [Registry.from_entry_points() for _ in range(3)]
    threads = [threading.Thread(target=registry.careers) for registry in registries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert gc.isenabled()
    assert [len(registry.careers()) for registry in registries] == [830] * 3


# --- the command line reads itself before it imports what a command needs -----------------------


def _imported_by(*argv: str) -> set[str]:
    """The modules a fresh ``careerkit ARGV`` imports (its output thrown away)."""
    code = (
        "import contextlib, io, sys\n"
        "from careerkit.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main({list(argv)!r})\n"
        "print('modules:', ' '.join(sorted(sys.modules)))\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return set(found[found.index("modules:") + 1 :])


def test_help_imports_neither_the_model_nor_the_data() -> None:
    imported = _imported_by("--help")
    assert "careerkit.cli._careers" in imported  # every command's options are there
    for name in (
        "attr",
        "typing",
        "json",
        "csv",
        "pathlib",
        "careerkit.model",
        "careerkit.data",
        "careerkit.registry",
        "careerkit.serialization",
        "careerkit._compare",
        "careerkit.catalogue",
    ):
        assert name not in imported, name


def test_show_imports_what_showing_needs_only() -> None:
    imported = _imported_by("show", "43-4051", "--all")
    assert {"careerkit.registry", "careerkit._render"} <= imported
    for name in ("careerkit._compare", "careerkit.cli._validate", "csv"):
        assert name not in imported, name
    assert "careerkit._compare" in _imported_by(
        "show", "43-4051", "--currency", "INR", "--period", "month"
    )


def test_what_the_command_line_names_without_importing_is_the_librarys() -> None:
    from careerkit.cli._data import _KINDS
    from careerkit.cli._options import _LANGUAGES
    from careerkit.data import KINDS
    from careerkit.model.text import LANGUAGES

    assert _KINDS == KINDS
    assert _LANGUAGES == LANGUAGES


def _subparsers(parser: argparse.ArgumentParser) -> Any:
    (found,) = [
        action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
    ]
    return found


def test_the_parser_that_reads_a_command_line_is_the_documented_one() -> None:
    """Each command's parser built when given: the same help, commands, errors and results."""
    full, lazy = build_parser(), command_line_parser()
    assert lazy.format_help() == full.format_help()
    assert lazy.format_usage() == full.format_usage()
    assert list(_subparsers(lazy).choices) == list(_subparsers(full).choices)
    lines = [
        ["show", "29-1141", "--all", "--json"],
        ["list", "--group", "29", "--sort", "pay"],
        ["search", "nurse", "--limit", "3"],
        ["classify", "rn", "--min-score", "50"],
        ["convert", "14.36 USD/hour", "--to", "INR/month", "--when", "2008"],
        ["compare", "csr", "--currency", "INR", "--period", "month"],
        ["position", "29-1141", "90000 USD/year", "--region", "US-TX"],
        ["history", "29-1141", "--since", "2015"],
        ["areas", "--state", "US-TX"],
        ["validate", "a.toml", "b.toml"],
        ["schema"],
        ["data", "update", "cpi", "CPIAUCNS.csv", "--accept-revisions"],
        ["data", "status", "--json"],
        ["--version"],
        [],
    ]
    for line in lines:
        assert vars(command_line_parser().parse_known_args(line)[0]) == vars(
            build_parser().parse_known_args(line)[0]
        ), line
    for name, parser in _subparsers(full).choices.items():
        commands = _subparsers(command_line_parser())
        assert commands.choices[name] is None  # not built until given
        commands._build(name)
        assert commands.choices[name].format_help() == parser.format_help(), name
        assert list(commands.choices) == list(_subparsers(full).choices)
    for bad in (["shwo", "x"], ["data", "update", "gold", "x.csv"], ["show"]):
        messages = []
        for make in (build_parser, command_line_parser):
            with pytest.raises(_UsageError) as refused:
                make().parse_known_args(bad)
            messages.append(str(refused.value))
        assert messages[0] == messages[1], bad


# --- rapidfuzz, first imported by many threads at once -------------------------------------------

_RACE = """
import sys, threading
import careerkit
from careerkit._once import load_rapidfuzz
ways = ["from rapidfuzz.fuzz import ratio", "from rapidfuzz import fuzz, process",
        "from rapidfuzz import process"]
barrier = threading.Barrier(24)
failed = []
def run(number):
    barrier.wait()
    try:
        if number % 4 == 3:
            careerkit.get("custmer servise")
        load_rapidfuzz()
        exec(ways[number % 3], {})
    except careerkit.ProfileNotFoundError:
        pass
    except Exception as error:
        failed.append(repr(error))
threads = [threading.Thread(target=run, args=(number,)) for number in range(24)]
for thread in threads: thread.start()
for thread in threads: thread.join()
print(failed)
"""


@pytest.mark.parametrize("attempt", range(3))
def test_threads_importing_rapidfuzz_first_all_get_it(attempt: int) -> None:
    """Two threads importing rapidfuzz first in two ways can each wait for the other's module,
    and one gets it half made: careerkit imports it once, under a lock, first."""
    done = subprocess.run([sys.executable, "-c", _RACE], capture_output=True, text=True, check=True)
    assert done.stderr == ""
    assert done.stdout.strip() == "[]"


def test_every_import_of_rapidfuzz_follows_the_one_import() -> None:
    source = Path(ck.__file__).parent
    found = 0
    for path in source.rglob("*.py"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if line.strip().startswith(("from rapidfuzz", "import rapidfuzz")):
                if path.name == "_once.py":
                    continue
                found += 1
                assert lines[number - 1].strip().startswith("load_rapidfuzz()"), (path, number)
    assert found >= 4
