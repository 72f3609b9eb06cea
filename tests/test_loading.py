"""Loading profiles from bad input: files, TOML text and dicts, each refusal with its message.

A profile that cannot be a career raises :class:`careerkit.ProfileLoadError` (a
``ValueError``) listing each problem with the path of its field; nothing is dropped,
nothing merged silently, and no file (huge, endless, nested 10,000 deep, holding a
number of a million digits) makes loading hang or raise anything else.
"""

from __future__ import annotations

import contextlib
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit as ck
import careerkit.serialization
import careerkit.testing
from careerkit.serialization import MAX_DEPTH, MAX_PROFILE_SIZE

FUZZ = settings(max_examples=settings().max_examples * 5)

HEAD = 'id = "x"\ntitle.en = "X"\n[[sources]]\nid = "s"\ntitle.en = "S"\n'
BAND = '[[pay]]\nregion = "US"\ncurrency = "USD"\nperiod = "hour"\nsource = "s"\n'

CATALOGUE: list[tuple[str, str, str]] = [
    ("duplicate percentile", HEAD + BAND + 'percentiles = {"050" = 5, "50" = 6}', "pay[0].percentiles: keys '050' and '50' both name the 50th percentile; give each percentile once"),
    ("huge amount", HEAD + BAND + "low = 1e999999999", "pay[0].low: Decimal('1E+999999999') is outside the amounts careerkit accepts"),
    ("tiny amount", HEAD + BAND + "low = 1e-999999999", "pay[0].low: Decimal('1E-999999999') has more than the 350 decimal places"),
    ("long integer", HEAD + BAND + "low = " + "9" * 5000, "it holds an integer of more than 4,300 digits: no amount has as many"),
    ("amount as text", HEAD + BAND + 'low = "10,000"', "pay[0].low: expected a decimal number such as '14.36', got '10,000'"),
    ("amount as bool", HEAD + BAND + "low = true", "pay[0].low: expected a number (Decimal, int, str or float), got bool True"),
    ("nested arrays", "a = " + "[" * 5000 + "]" * 5000, f"tables and arrays are nested more than {MAX_DEPTH} deep"),
    ("nested tables", "a = " + "{b = " * 3000 + "1" + "}" * 3000, f"tables and arrays are nested more than {MAX_DEPTH} deep"),
    ("nested title", 'id = "x"\ntitle = ' + "[" * 40 + "]" * 40, f"tables and arrays are nested more than {MAX_DEPTH} deep"),
    ("alias twice", 'aliases = ["CSR", "csr"]\n' + HEAD, "aliases[1]: 'csr' is the same lookup key as aliases[0] 'CSR'"),
    ("region case", HEAD + BAND.replace('"US"', '"us"') + "low = 1", "pay[0].region: unknown region 'us'"),
    ("currency case", HEAD + BAND.replace('"USD"', '"usd"') + "low = 1", "pay[0].currency: unknown currency 'usd'"),
    ("currency number", HEAD + BAND.replace('"USD"', "840") + "low = 1", "pay[0].currency: expected text, got int 840"),
    ("table for text", 'id = "x"\ntitle = "X"', "title: expected a table with fields en, hi; got str 'X'"),
    ("long value quoted short", 'id = "' + "X" * 100_000 + '"\ntitle.en = "X"', "(100,000 characters) is not a valid id"),
    ("too large", "a = 1\n" * (MAX_PROFILE_SIZE // 6 + 1), "is more than the 1,048,576 characters a profile may have"),
    ("not TOML", "id = ", "not valid TOML"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "fragment"), [c[1:] for c in CATALOGUE], ids=[c[0] for c in CATALOGUE]
)
def test_refused(text: str, fragment: str) -> None:
    with pytest.raises(ck.ProfileLoadError) as caught:
        ck.from_toml(text)
    assert fragment in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert len(str(caught.value)) < 2000


def test_files(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    with pytest.raises(
        ck.ProfileLoadError, match=r"missing\.toml: cannot read the file: No such file"
    ):
        ck.load_profile(missing)
    latin = tmp_path / "latin.toml"
    latin.write_bytes('title.en = "Café"'.encode("latin-1"))
    with pytest.raises(ck.ProfileLoadError, match=r"latin\.toml: not UTF-8 text"):
        ck.load_profile(latin)
    huge = tmp_path / "huge.toml"
    huge.write_text("# " + "x" * (4 * MAX_PROFILE_SIZE + 10))
    with pytest.raises(
        ck.ProfileLoadError, match="a file of more than 4,194,304 bytes is more than"
    ):
        ck.load_profile(huge)
    with pytest.raises(ck.WrongTypeError, match=r"^path: expected a file path, got int 5$"):
        ck.load_profile(5)  # type: ignore[arg-type]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs an endless file")
def test_an_endless_file_is_read_only_up_to_the_limit() -> None:
    with pytest.raises(ck.ProfileLoadError, match="a file of more than 4,194,304 bytes"):
        ck.load_profile("/dev/zero")


CALLS: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    ("from_toml bytes", lambda: ck.from_toml(b"id = 1"), ck.WrongTypeError, "text: expected the text of a profile, got bytes"),  # type: ignore[arg-type]
    ("from_dict list", lambda: ck.from_dict([1, 2]), ck.ProfileLoadError, "expected a table of fields, got [1, 2]"),  # type: ignore[arg-type]
    ("to_dict text", lambda: ck.to_dict("customer-service"), ck.WrongTypeError, "career: expected a Career, got str 'customer-service'"),  # type: ignore[arg-type]
    ("to_toml text", lambda: ck.to_toml("customer-service"), ck.WrongTypeError, "career: expected a Career"),  # type: ignore[arg-type]
    ("registry add", lambda: ck.Registry().add("x"), ck.WrongTypeError, "career: expected a Career, got str 'x'"),  # type: ignore[arg-type]
    ("get number", lambda: ck.get(4222), ck.WrongTypeError, "key: a career key is a string"),  # type: ignore[arg-type]
    ("registry origin", lambda: ck.Registry().origin("x"), ck.ProfileNotFoundError, "unknown career 'x'; no careers are registered"),
    ("JSON of an object", lambda: ck.serialization.to_json({"a": object()}), ck.WrongTypeError, "data: cannot write object"),
    ("conformance of text", lambda: ck.testing.check_profile("csr"), ck.WrongTypeError, "career: expected a Career, got str 'csr'"),  # type: ignore[arg-type]
    ("get huge key", lambda: ck.get("customer " * 100_000), ck.ProfileNotFoundError, "(900,000 characters); none of the 830 careers answers to it"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "error", "fragment"), [c[1:] for c in CALLS], ids=[c[0] for c in CALLS]
)
def test_calls_refused(call: Callable[[], object], error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as caught:
        call()
    assert fragment in str(caught.value)


def test_a_self_containing_dict_is_refused_not_recursed_into() -> None:
    data: dict[str, Any] = {"id": "x", "title": {"en": "X"}}
    data["notes"] = [data]
    with pytest.raises(ck.ProfileLoadError, match=f"nested more than {MAX_DEPTH} deep"):
        ck.from_dict(data)


# --- fuzz: any document gives a Career or a ProfileLoadError ----------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=10),
    st.decimals(allow_nan=True),
    st.sampled_from(["USD", "IN", "hour", "2008-05", "s", "x", "1e999999999"]),
)
KEYS = ["id", "title", "en", "hi", "pay", "sources", "region", "currency", "period", "source",
        "low", "high", "percentiles", "50", "050", "aliases", "extends", "reference_date", "zz"]  # fmt: skip
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)
    ),
    max_leaves=20,
)


@pytest.mark.thorough
@FUZZ
@given(st.dictionaries(st.sampled_from(["id", "title", "pay", "sources", "aliases"]), documents))
def test_any_document_loads_or_is_refused(data: dict[str, Any]) -> None:
    try:
        ck.from_dict(data)
    except ck.ProfileLoadError as error:
        problems = error.problems
    else:
        return
    assert problems and all(isinstance(message, str) for _, message in problems)


@FUZZ
@given(st.text(max_size=200))
def test_any_text_loads_or_is_refused(text: str) -> None:
    with contextlib.suppress(ck.ProfileLoadError):
        ck.from_toml(text)


@FUZZ
@given(st.text(alphabet='[]{}="abc1., \n', max_size=400))
def test_toml_shaped_text_loads_or_is_refused(text: str) -> None:
    with contextlib.suppress(ck.ProfileLoadError):
        ck.from_toml(text)


def test_recursion_limit_is_not_what_stops_deep_files() -> None:
    """The nesting limit holds even where Python's recursion limit is high."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(100_000)
    try:
        with pytest.raises(ck.ProfileLoadError, match=f"nested more than {MAX_DEPTH} deep"):
            ck.from_toml('id = "x"\ntitle.en = "X"\nnotes = ' + "[" * 200 + "]" * 200)
    finally:
        sys.setrecursionlimit(old)


# --- the line of a field, for `careerkit validate` ----------------------------------------------

LAID_OUT = '''# every way TOML writes a key
id = "x"  # a comment with = and [brackets]
title = { en = "X", hi = "एक्स" }
notes = [
    { text.en = """a multi-line string
[[pay]]
region = "not a table, nor a key"
""", source = 's' },
    { text = { en = 'say "when"' }, source = "s" },  # quotes in a literal string
]
"quoted.key" = 1
'literal' . bare = 2

[[pay]]
region = "IN"
percentiles = { "50" = 1, 90 = 2 }

[pay.statement]
en = "in the latest [[pay]]"

[[pay]]
region = "US"
'''


def test_key_lines_follow_every_way_toml_writes_a_key() -> None:
    from careerkit._toml import key_lines, line_of

    tomllib.loads(LAID_OUT)  # it is TOML
    lines = key_lines(LAID_OUT)
    expected = {
        "id": 2,
        "title.hi": 3,
        "notes[0]": 5,
        "notes[0].text.en": 5,
        "notes[0].source": 8,
        "notes[1].text.en": 9,
        "notes[1].source": 9,
        "pay": 14,
        "pay[0].region": 15,
        "pay[0].percentiles[50]": 16,
        "pay[0].percentiles[90]": 16,
        "pay[0].statement.en": 19,
        "pay[1].region": 22,
        "pay[1].source": 21,  # not written: the line of its table
        "title.mr": 3,  # not written: the line of its key
        "missing": None,
        "": None,
    }
    assert {path: line_of(lines, path) for path in expected} == expected
    assert ("quoted.key",) in lines and ("literal", "bare") in lines
    assert ("pay", "0", "region") in lines and ("region",) not in lines  # not the string's


def _document_paths(value: object, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every key and array item of a document, as paths."""
    found: list[tuple[str, ...]] = []
    if isinstance(value, dict):
        items: Any = value.items()
    else:
        items = enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found.append((*path, str(key)))
        found += _document_paths(item, (*path, str(key)))
    return found


@pytest.mark.thorough
@given(ck.testing.careers())
def test_every_key_of_a_dumped_profile_has_its_line(career: ck.Career) -> None:
    """Whatever careerkit writes, each key and item is found, on a line that names it."""
    from careerkit._toml import key_lines

    text = ck.to_toml(career)
    lines = key_lines(text)
    written = text.split("\n")  # TOML's lines: a string may hold U+0085 or U+2028
    for path in _document_paths(ck.to_dict(career)):
        assert path in lines, path
        key = path[-1]
        if not key.isdigit():  # a key: written on its line, as `key =` or in a [table] header
            line = written[lines[path] - 1]
            assert key in line, (path, line)


@FUZZ
@given(st.text(alphabet="[]{}=\"'#abc1., \n\\", max_size=300))
def test_key_lines_never_fail(text: str) -> None:
    from careerkit._toml import key_lines

    lines = key_lines(text)
    assert all(1 <= line <= text.count("\n") + 1 for line in lines.values())
