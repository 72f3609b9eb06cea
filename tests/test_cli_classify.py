"""``careerkit classify`` (titles as arguments, or a CSV file's column) and what ``careerkit
search`` says matched: each line checked against the library's own answer."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import careerkit as ck
from careerkit.cli import main

TITLES = [
    "Registered Nurses",
    "RN - ICU nights",
    "call center agent",
    "Sr. Java Developer (Remote)",
]
NOWHERE = "qqqzzzxx"


def run(
    capsys: pytest.CaptureFixture[str], *args: str, stdin: bytes | None = None
) -> tuple[int, str, str]:
    """``careerkit ARGS`` in this process: its status, standard output and standard error."""
    saved = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        status = main(list(args))
    finally:
        sys.stdin = saved
    out, err = capsys.readouterr()
    return status, out, err


def cells(result: ck.SearchResult | None) -> list[object]:
    if result is None:
        return [None] * 6
    return [
        result.id,
        result.soc,
        result.title,
        round(result.score, 1),
        result.field,
        result.matched,
    ]


COLUMNS = ["career", "soc", "title", "score", "field", "matched"]


# --- titles as arguments ---------------------------------------------------------------------


def test_each_title_gets_one_line_with_what_the_library_says(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "classify", *TITLES)
    lines = out.splitlines()
    assert (status, err, len(lines)) == (0 if all(map(ck.classify, TITLES)) else 1, "", 4)
    width = max(map(len, TITLES))
    for title, line in zip(TITLES, lines, strict=True):
        result = ck.classify(title)
        assert line.startswith(title.ljust(width) + "  ")
        if result is None:
            assert line.endswith("  no match")
        else:
            assert line == (
                f"{title.ljust(width)}  {result.id}  {result.soc or '—'}  {result.title}  "
                f"{result.score:.1f}  [{result.reason}]"
            )
    assert lines[0][width:].split()[0] == "registered-nurses"  # the official title itself


def test_a_title_with_no_match_says_so_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert ck.classify(NOWHERE) is None
    status, out, _ = run(capsys, "classify", "Registered Nurses", NOWHERE)
    assert status == 1
    assert out.splitlines()[1] == f"{NOWHERE:<17}  no match"
    assert run(capsys, "classify", "Registered Nurses")[0] == 0


def test_json_gives_each_title_and_its_columns(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "classify", *TITLES, NOWHERE, "--json")
    assert status == 1
    rows = json.loads(out)
    assert rows == [
        {"query": title, **dict(zip(COLUMNS, cells(ck.classify(title)), strict=True))}
        for title in [*TITLES, NOWHERE]
    ]
    assert rows[-1]["career"] is None and rows[0]["career"] == "registered-nurses"


def test_min_score_is_the_library_s(capsys: pytest.CaptureFixture[str]) -> None:
    for least in ("0", "75.5", "100"):
        _, out, _ = run(capsys, "classify", *TITLES, "--min-score", least, "--json")
        expected = [cells(ck.classify(title, min_score=float(least))) for title in TITLES]
        assert [[row[name] for name in COLUMNS] for row in json.loads(out)] == expected


def test_the_help_gives_examples_and_the_default_score(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["classify", "--help"])
    out = capsys.readouterr().out
    assert "careerkit classify --csv postings.csv --column title" in out
    assert f"CLASSIFY_MIN_SCORE, {ck.CLASSIFY_MIN_SCORE:g})" in " ".join(out.split())


# --- a CSV file ------------------------------------------------------------------------------


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


POSTINGS = (
    "id,title,pay\n"
    '1,Registered Nurses,"$40/hr"\n'
    '2,"Cashier, nights",12\n'
    "3,,\n"
    "\n"  # a blank line: no row
    f"4,{NOWHERE},1\n"
    '5,"Welder\nsecond line",9\n'
    "6,Registered Nurses,41\n"
)


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_a_csv_file_comes_back_with_the_columns_appended(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path / "postings.csv", POSTINGS)
    status, out, err = run(capsys, "classify", "--csv", str(path), "--column", "title")
    assert (status, err) == (0, "")  # rows without a match are no error in a file
    got = read_csv(out)
    source = [row for row in read_csv(POSTINGS) if row]
    # title is the file's own column: careerkit's is careerkit_title
    assert got[0] == [*source[0], "career", "soc", "careerkit_title", "score", "field", "matched"]
    assert len(got) == len(source)
    for row, original in zip(got[1:], source[1:], strict=True):
        assert row[:3] == original
        title = original[1]
        expected = cells(ck.classify(title)) if title else [None] * 6
        assert row[3:] == ["" if value is None else str(value) for value in expected]
    assert got[1][3] == "registered-nurses" and got[4][3:] == [""] * 6


def test_a_csv_file_from_standard_input_with_a_byte_order_mark_and_crlf(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = "\ufeffjob,n\r\nRegistered Nurses,1\r\ncall center agent,2\r\n"
    status, out, _ = run(
        capsys, "classify", "--csv", "-", "--column", "job", stdin=text.encode("utf-8")
    )
    got = read_csv(out)
    assert status == 0
    assert got[0] == ["job", "n", *COLUMNS]  # no clash: careerkit's own names
    assert got[1][2] == "registered-nurses"
    assert got[2][2:] == [
        "" if value is None else str(value) for value in cells(ck.classify("call center agent"))
    ]


def test_a_csv_file_as_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", "job,soc\nRegistered Nurses,x\nqqqzzzxx,y\n")
    status, out, _ = run(capsys, "classify", "--csv", str(path), "--column", "job", "--json")
    rows = json.loads(out)
    assert status == 0
    # soc is the file's own column: careerkit's is careerkit_soc
    assert list(rows[0]) == ["job", "soc", "career", "careerkit_soc", *COLUMNS[2:]]
    assert rows[0]["soc"] == "x" and rows[0]["career"] == "registered-nurses"
    assert rows[0]["careerkit_soc"] == ck.classify("Registered Nurses").soc  # type: ignore[union-attr]
    assert rows[1]["career"] is None and rows[1]["score"] is None


def test_min_score_holds_for_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", "t\n" + "\n".join(TITLES) + "\n")
    _, out, _ = run(capsys, "classify", "--csv", str(path), "--column", "t", "--min-score", "95")
    expected = [cells(ck.classify(title, min_score=95)) for title in TITLES]
    assert read_csv(out)[1:] == [
        [title, *("" if value is None else str(value) for value in row)]
        for title, row in zip(TITLES, expected, strict=True)
    ]


REFUSED = [
    # (file's bytes or None for no file, arguments after classify, the error's message)
    (None, ["--csv", "{dir}/missing.csv", "--column", "t"],
     "'{dir}/missing.csv' does not exist: give the path of a CSV file"),
    (None, ["--csv", "{dir}", "--column", "t"], "'{dir}' is not a regular file: give the path of a CSV file"),
    (b"a,b\n1,2\n", ["--column", "t"],
     "--column: p.csv has no column named 't'; its columns: 'a', 'b'"),
    (b"t,t\n1,2\n", ["--column", "t"],
     "--column: p.csv has 2 columns named 't'; its columns: 't', 't'"),
    ("t\nnurse\nÉ\n".encode("latin-1"), ["--column", "t"],
     "p.csv, line 3: not UTF-8 text (byte 0xc9 at offset 8); save the file as UTF-8"),
    (b"t,n\nnurse,1\ncashier\n", ["--column", "t"],
     "p.csv, line 3: 1 field, where the header has 2"),
    (b't,n\n"nurse,1\n', ["--column", "t"], "p.csv, line 2: not readable as CSV (unexpected end of data)"),
    (b"", ["--column", "t"], "p.csv: empty; expected a header line naming the columns"),
    (b"t,title,careerkit_title\nx,y,z\n", ["--column", "t"],
     "p.csv: has columns named both 'title' and 'careerkit_title', the names careerkit would "
     "give its 'title' column; rename one of them"),
    (b"t\nnurse\n", ["--column", "t", "--min-score", "high"],
     "--min-score 'high': expected a score from 0 to 100, such as 60"),
    (b"t\nnurse\n", ["--column", "t", "--min-score", "101"],
     "--min-score '101': expected a score from 0 to 100, such as 60"),
    (b"t\nnurse\n", [], "--csv needs --column NAME: the column of job titles"),
    (b"t\nnurse\n", ["--column", "t", "nurse"], "give job titles or --csv FILE, not both"),
]  # fmt: skip


@pytest.mark.parametrize(("content", "args", "message"), REFUSED,
                         ids=[case[2][:40] for case in REFUSED])  # fmt: skip
def test_a_file_careerkit_cannot_read_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    content: bytes | None,
    args: list[str],
    message: str,
) -> None:
    arguments = [arg.format(dir=tmp_path) for arg in args]
    if content is not None:
        arguments = ["--csv", str(write_bytes(tmp_path / "p.csv", content)), *arguments]
    status, out, err = run(capsys, "classify", *arguments)
    assert (status, out) == (2, "")
    assert err == f"careerkit: error: {message.format(dir=tmp_path)}\n"


def write_bytes(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def test_an_error_in_json_names_careerkit_s_exception(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_bytes(tmp_path / "p.csv", b"\xff\xfe")
    status, _, err = run(capsys, "classify", "--csv", str(path), "--column", "t", "--json")
    assert status == 2
    assert json.loads(err)["error"]["type"] == "DataFormatError"


def test_nothing_to_classify_and_a_stray_column_are_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = run(capsys, "classify")
    assert status == 2 and "give one or more job titles, or --csv FILE --column NAME" in err
    status, _, err = run(capsys, "classify", "nurse", "--column", "t")
    assert status == 2 and "--column names the column of titles of a --csv FILE" in err


def test_a_long_title_is_coded_as_the_library_codes_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    long = "Senior Registered Nurse " * 20  # longer than a search reads: read by its start
    path = write(tmp_path / "p.csv", f"t\nnurse\n{long}\n")
    status, out, _ = run(capsys, "classify", "--csv", str(path), "--column", "t")
    expected = cells(ck.classify(long))
    assert status == 0
    assert read_csv(out)[2][1:] == ["" if value is None else str(value) for value in expected]


def test_a_field_longer_than_csv_s_default_limit_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path / "p.csv", "t,description\nnurse," + "x" * 200_000 + "\n")
    status, out, _ = run(capsys, "classify", "--csv", str(path), "--column", "t")
    assert status == 0
    assert out.splitlines()[1].split(",")[2] == "registered-nurses"
    assert csv.field_size_limit() == 131_072  # the csv module's setting is as it was


def test_json_refuses_columns_of_one_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path / "p.csv", "x,x,t\n1,2,nurse\n")
    status, out, err = run(capsys, "classify", "--csv", str(path), "--column", "t", "--json")
    assert (status, out) == (2, "")
    assert "more than one column named 'x'" in err
    status, out, _ = run(capsys, "classify", "--csv", str(path), "--column", "t")
    assert status == 0 and read_csv(out)[0][:3] == ["x", "x", "t"]  # CSV keeps them both


def test_titles_print_on_one_line_without_terminal_controls(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "classify", "Registered\nNurse\x1b[31m")
    assert status == 0
    assert out.count("\n") == 1 and "\x1b" not in out
    assert out.startswith("Registered\\nNurse\\x1b[31m")


def test_the_installed_command_reads_a_pipe() -> None:
    # End to end, as a user runs it: a pipe into the console script, CSV out.
    result = subprocess.run(
        [str(Path(sys.executable).with_name("careerkit")), "classify", "--csv", "-", "--column", "t"],
        input="t\nRegistered Nurses\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert read_csv(result.stdout)[1][:2] == ["Registered Nurses", "registered-nurses"]


# --- search says what matched ----------------------------------------------------------------


def test_search_prints_what_matched(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "search", "call center agent", "--limit", "3")
    results = ck.search("call center agent", limit=3)
    assert status == 0
    for line, result in zip(out.splitlines(), results, strict=True):
        assert line.split()[1] == result.id
        assert line.endswith(f"[{result.reason}]")


def test_search_json_gives_the_soc_code_and_official_title(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "search", "nurse", "--json")
    rows = json.loads(out)
    results = ck.search("nurse")
    assert [(row["id"], row["soc"], row["official_title"]) for row in rows] == [
        (result.id, result.soc, result.title) for result in results
    ]
    assert rows[0]["title"]["en"] == ck.get(rows[0]["id"]).title.en  # each language, as before
