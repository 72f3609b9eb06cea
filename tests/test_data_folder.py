"""A damaged user data folder: named, with the way out, never a builtin error or a silent fallback.

Whatever is wrong inside the folder (a file garbage, cut short, missing or a
folder; a manifest that is not careerkit's or an entry lacking what is read of
it; a file changed together with the manifest's sha256 of it, so that only
reading it finds the damage) raises ``DataFormatError`` naming the file and
``careerkit data reset KIND``; careerkit neither falls back to the shipped data
silently nor reads a damaged file as fewer values. ``careerkit data reset``
always brings the shipped data back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

import careerkit as ck
from careerkit import catalogue, data
from careerkit.errors import DataFormatError
from test_data_oews import NATIONAL, STATES, bls, csr, write_csv


@pytest.fixture
def folder(data_folder: Path) -> Path:
    return data_folder  # conftest's: an empty data folder, in use for the test


def forget() -> None:
    """Drop what this process read, as a new process would start (``data.use`` does)."""
    data.use(data.directory()).__exit__(None, None, None)


def damaged(kind: str, call: Callable[[], object], *fragments: str) -> str:
    forget()
    with pytest.raises(DataFormatError) as caught:
        call()
    message = str(caught.value)
    assert message.startswith("careerkit's data folder is damaged: ")
    assert f"Run 'careerkit data reset {kind}' to return to the shipped " in message
    for fragment in fragments:
        assert fragment in message
    return message


# --- the numeric series ---------------------------------------------------------------------------


@pytest.fixture
def cpi(folder: Path, tmp_path: Path) -> Path:
    """An installed CPI update; returns its values file."""
    source = tmp_path / "CPIAUCNS.csv"
    source.write_text(
        "observation_date,CPIAUCNS\n2026-05-01,335.123\n2026-06-01,336.4\n2026-07-01,337.1\n",
        encoding="utf-8",
    )
    data.update("cpi", source)
    (values,) = (folder / "cpi").glob("*.csv")
    return values


def rewrite(values: Path, text: str) -> None:
    """Write *text* into *values* and record its sha256 in the manifest, as careerkit would."""
    values.write_text(text, encoding="utf-8")
    manifest_path = values.parent / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["updates"][-1]["values_sha256"] = hashlib.sha256(values.read_bytes()).hexdigest()
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")


def edit_manifest(kind: str, folder: Path, change: Callable[[dict], object]) -> None:
    path = folder / kind / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    change(manifest)
    path.write_text(json.dumps(manifest), encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("key,date,value\nUS,2026-06,336.4\nUS,2026-07,1e-99999999\n", "line 3: 'US,2026-07,1e-99999999': expected a number of at most"),
        ("key,date,value\nUS,2026-06,336.4\nUS,2026-07,-3\n", "line 3: 'US,2026-07,-3': expected a"),
        ("key,date,value\nUS,2026-06,336.4\nUS,2026-07,2_2.1\n", "line 3: 'US,2026-07,2_2.1': expected a number written as digits"),
        ("key,date,value\nUS,2026-06,336.4\nUS,2026-07,NaN\n", "expected a number written as digits"),
        ("key,date,value\nUS,2026-13,336.4\n", "line 2: 'US,2026-13,336.4': the date '2026-13' is not a month such as 2026-05"),
        ("key,date,value\nUS,2026-06\n", "line 2: 'US,2026-06': expected key,date,value"),
        ("key,date,value\nUS,2026-06,336.4,1\n", "expected key,date,value"),
        ("key,date,value\nus,2026-06,336.4\n", "the key 'us' is not a code careerkit keeps"),
        ("key,date,value\nUS,2026-06,336.4\nUS,2026-06,336.5\n", "line 3: 'US,2026-06,336.5': US 2026-06 is given twice"),
        ("key,date,value\nUS,2026-06,336.4\nUS,2026-07,33", "its last line is cut short"),
        ("date,value\n2026-06,336.4\n", "does not start with careerkit's header 'key,date,value'"),
        ("", "does not start with careerkit's header"),
        # as strictly as a publisher's file: a file of no values, keys, dates and their digits
        ("key,date,value\n", "holds no values, which careerkit never writes"),
        ("key,date,value\nUS,2026-06,\n", "holds no values, which careerkit never writes"),
        ("key,date,value\nIN,2026-06,336.4\n", "line 2: 'IN,2026-06,336.4': the key 'IN' is not a code careerkit keeps: expected US"),
        ("key,date,value\nUS,1800-06,336.4\n", "line 2: 'US,1800-06,336.4': a date before 1900"),
        ("key,date,value\nUS,2099-06,336.4\n", "line 2: 'US,2099-06,336.4': a date after today"),
        ("key,date,value\nUS,２０２６-06,336.4\n", "the date '２０２６-06' is not a month such as 2026-05"),
    ],
)  # fmt: skip
def test_a_values_file_is_checked_as_the_readers_check_a_file(
    cpi: Path, text: str, fragment: str
) -> None:
    rewrite(cpi, text)
    damaged("cpi", data.us_cpi, cpi.name, fragment)
    assert data.reset("cpi") == ("cpi",)
    assert (2026, 7) not in data.us_cpi()


def test_a_values_file_not_utf8_missing_or_a_folder(cpi: Path, folder: Path) -> None:
    cpi.write_bytes(b"\xff\xfe")
    damaged("cpi", data.us_cpi, "its sha256 is not the one the manifest records")
    rewrite(cpi, "x")
    cpi.write_bytes(b"key,date,value\n\xff\n")
    edit_manifest(
        "cpi",
        folder,
        lambda m: m["updates"][-1].update(
            values_sha256=hashlib.sha256(cpi.read_bytes()).hexdigest()
        ),
    )
    damaged("cpi", data.us_cpi, "is not UTF-8 text (invalid start byte)")
    cpi.unlink()
    damaged("cpi", data.us_cpi, cpi.name, "a file the manifest names is missing")
    cpi.mkdir()
    damaged("cpi", data.us_cpi, cpi.name, "cannot be read (Is a directory)")
    # every way in meets the damage: conversions, status, source_of, a new update
    damaged("cpi", lambda: ck.Pay(1, "USD", "year", when="2008").in_prices_of("2010"))
    damaged("cpi", lambda: data.status("cpi"))
    damaged("cpi", lambda: data.source_of("cpi", "US", (2008, 5)))
    assert data.reset("cpi") == ("cpi",)
    assert data.us_cpi()[(2008, 5)] == ck.Pay("216.632", "USD", "month").amount


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda m: m["updates"].__setitem__(0, {}), "update 1 is not one careerkit wrote: its 'name' is None, not text"),
        (lambda m: m["updates"][0].pop("values"), "update 1 is not one careerkit wrote: its 'values' is None"),
        (lambda m: m["updates"][0].update(values="../../../etc/passwd"), "its 'values' is '../../../etc/passwd'"),
        (lambda m: m["updates"][0].update(values_sha256=5), "its 'values_sha256' is 5"),
        (lambda m: m["updates"][0].update(sha256="abc"), "its 'sha256' is 'abc'"),
        (lambda m: m["updates"][0].update(publisher=["x"]), "its 'publisher' is ['x'], not text"),
        (lambda m: m["updates"][0].update(installed=7), "its 'installed' is 7, not text"),
        (lambda m: m["updates"].__setitem__(0, "x"), "update 1 is not one careerkit wrote: it is not an object"),
        (lambda m: m.update(updates={}), "its 'updates' are not a list"),
        (lambda m: m.update(careerkit="careerkit data manifest 9"), "not a 'careerkit data manifest 1' file"),
    ],
)  # fmt: skip
def test_a_manifest_entry_is_checked(
    cpi: Path, folder: Path, change: Callable[[dict], object], fragment: str
) -> None:
    edit_manifest("cpi", folder, change)
    damaged("cpi", data.us_cpi, "manifest.json", fragment)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"{not json", "manifest.json: cannot be read as JSON"),
        (b"[]", "not a 'careerkit data manifest 1' file"),
        (b"\xff", "cannot be read as JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "cannot be read as JSON"),
        (b" " * (17 * 2**20), "larger than 16 MiB, which careerkit never writes"),
    ],
)
def test_a_manifest_that_is_not_json(
    cpi: Path, folder: Path, content: bytes, fragment: str
) -> None:
    (folder / "cpi" / "manifest.json").write_bytes(content)
    damaged("cpi", data.us_cpi, fragment)
    assert data.reset("cpi") == ("cpi",)


def test_a_manifest_that_is_a_folder(cpi: Path, folder: Path) -> None:
    manifest = folder / "cpi" / "manifest.json"
    manifest.unlink()
    manifest.mkdir()
    damaged("cpi", data.us_cpi, "manifest.json: cannot be read (Is a directory)")


# --- OEWS releases --------------------------------------------------------------------------------


@pytest.fixture
def oews(folder: Path, tmp_path: Path) -> Path:
    """An installed OEWS release (a pretend May 2026, national and states); its folder."""
    national = write_csv(tmp_path / "national_M2026_dl.csv", [r for r in NATIONAL if "#" not in r])
    states = write_csv(tmp_path / "state_M2026_dl.csv", STATES)
    data.update("oews", national, states)
    (release,) = [path for path in (folder / "oews").iterdir() if path.is_dir()]
    return release


def reseal(release: Path) -> None:
    """Record the sha256 of *release*'s files in the manifest, as if careerkit had written them."""

    def change(manifest: dict) -> None:
        for record in manifest["releases"]:
            if record["folder"] == release.name:
                record["contents"] = {
                    name: hashlib.sha256((release / name).read_bytes()).hexdigest()
                    for name in record["contents"]
                }

    edit_manifest("oews", release.parent.parent, change)


LOOKUPS: dict[str, Callable[[], object]] = {
    "get": lambda: ck.get("43-4051"),
    "careers": ck.careers,
    "search": lambda: ck.search("nurse"),
    "status": lambda: data.status("oews"),
    "release": catalogue.release,
}


@pytest.mark.parametrize("lookup", list(LOOKUPS))
@pytest.mark.parametrize(
    ("damage", "fragment"),
    [
        (lambda r: (r / "oews.bin").write_bytes(b"garbage"), "oews.bin: its sha256 is not the one the manifest records"),
        (lambda r: (r / "oews.bin").unlink(), "oews.bin: a file the manifest names is missing"),
        (lambda r: (r / "release.json").write_text("{"), "release.json: its sha256 is not the one"),
        (lambda r: (r / "occupations.tsv").unlink(), "occupations.tsv: a file the manifest names is missing"),
        (lambda r: [p.unlink() for p in r.iterdir()] and r.rmdir(), "a file the manifest names is missing"),
        (lambda r: ((r / "oews.bin").unlink(), (r / "oews.bin").mkdir()), "oews.bin: cannot be read (Is a directory)"),
    ],
)  # fmt: skip
def test_a_damaged_release_is_named_everywhere(
    oews: Path, damage: Callable[[Path], object], fragment: str, lookup: str
) -> None:
    damage(oews)
    damaged("oews", LOOKUPS[lookup], fragment)
    assert data.reset("oews") == ("oews",)
    assert ck.get("43-4051").pay_bands("US")[-1].source == "bls-oews-may-2025"
    if lookup == "careers":
        assert len(ck.careers()) == 830  # never an empty catalogue


def _chunk(release: Path, soc: str) -> tuple[int, int]:
    for line in (release / "occupations.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if parts[0] == soc:
            return int(parts[7]), int(parts[8])
    raise AssertionError(soc)


def _replace_chunk(release: Path, soc: str, rows: bytes) -> None:
    """Write other figures for *soc* in place, its length kept (the index stays right)."""
    offset, length = _chunk(release, soc)
    blob = bytearray((release / "oews.bin").read_bytes())
    new = zlib.compress(rows, 9)
    assert len(new) <= length
    blob[offset : offset + length] = new + b"\0" * (length - len(new))
    (release / "oews.bin").write_bytes(bytes(blob))


@pytest.mark.parametrize(
    ("damage", "fragment"),
    [
        (lambda r: (r / "occupations.tsv").write_text("soc\tid\n", encoding="utf-8"), "occupations.tsv: does not start with the catalogue's header"),
        (lambda r: (r / "occupations.tsv").write_text((r / "occupations.tsv").read_text(encoding="utf-8").replace("\t43-0000\t", "\t43-0000\tx\t"), encoding="utf-8"), "occupations.tsv: line 2 is not the catalogue's"),
        (lambda r: (r / "occupations.tsv").write_text((r / "occupations.tsv").read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8"), "occupations.tsv: it does not list the release's occupations"),
        (lambda r: (r / "release.json").write_text("[]", encoding="utf-8"), "release.json: it is not an object"),
        (lambda r: (r / "release.json").write_text('{"name": "x"}', encoding="utf-8"), "release.json: its 'reference_date' is None"),
        (lambda r: (r / "oews.bin").write_bytes(b""), "occupations.tsv: line 2 is not the catalogue's"),
    ],
)  # fmt: skip
def test_a_release_changed_with_its_sha256_is_read_as_damaged(
    oews: Path, damage: Callable[[Path], object], fragment: str
) -> None:
    damage(oews)
    reseal(oews)
    damaged("oews", lambda: ck.get("43-4051"), oews.name, fragment)


@pytest.mark.parametrize(
    ("rows", "fragment"),
    [
        (b"garbage", "oews.bin: cannot be read"),
        (b"US\t1\t2\n", "oews.bin: the figures at"),
        (b"US" + b"\tx" * 18 + b"\n", "the figures at"),
        (b"US\t12.5" + b"\t" * 17 + b"\n", "the figures at"),
        (b"US" + b"\tNaN" * 17 + b"\t\n", "the figures at"),
        (b"ZZ" + b"\t1" * 17 + b"\t\n", "the figures at"),
        (b"US" + b"\t1" * 17 + b"\thourly_mean=9\n", "the figures at"),
    ],
)
def test_figures_changed_with_their_sha256_are_read_as_damaged(
    oews: Path, rows: bytes, fragment: str
) -> None:
    if rows == b"garbage":
        offset, length = _chunk(oews, "43-4051")
        blob = bytearray((oews / "oews.bin").read_bytes())
        blob[offset : offset + length] = b"\x00" * length
        (oews / "oews.bin").write_bytes(bytes(blob))
    else:
        _replace_chunk(oews, "43-4051", rows)
    reseal(oews)
    forget()
    assert ck.get("53-2011").id  # the other occupations read as before
    damaged("oews", lambda: ck.get("43-4051"), "oews.bin", fragment)


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda m: m["releases"].__setitem__(0, {}), "release 1 is not one careerkit wrote: its 'folder' is None"),
        (lambda m: m["releases"][0].update(folder="../../elsewhere"), "its 'folder' is '../../elsewhere'"),
        (lambda m: m["releases"][0].update(reference_date="2026-13"), "its 'reference_date' is '2026-13'"),
        (lambda m: m["releases"][0].update(areas=[]), "its 'areas' are []"),
        (lambda m: m["releases"][0].update(occupations=True), "its 'occupations' is True"),
        (lambda m: m["releases"][0]["contents"].pop("oews.bin"), "its 'contents' are"),
        (lambda m: m["releases"].clear(), "'national_M2026_dl.csv' belongs to no release it lists"),
        (lambda m: m["updates"].clear(), "release 1 names none of the files it was read from"),
        (lambda m: m.pop("releases"), "its 'releases' are not a list"),
        (lambda m: m["updates"][0].pop("release"), "update 1 is not one careerkit wrote: its 'release' is None"),
    ],
)  # fmt: skip
def test_an_oews_manifest_entry_is_checked(
    oews: Path, folder: Path, tmp_path: Path, change: Callable[[dict], object], fragment: str
) -> None:
    edit_manifest("oews", folder, change)
    damaged("oews", lambda: ck.get("43-4051"), "manifest.json", fragment)
    again = write_csv(tmp_path / "national_M2024_dl.csv", [r for r in NATIONAL if "#" not in r])
    damaged("oews", lambda: data.update("oews", again), "manifest.json", fragment)  # nor over it


def test_an_update_refuses_to_install_over_damage(oews: Path, tmp_path: Path) -> None:
    (oews / "oews.bin").write_bytes(b"garbage")
    again = write_csv(tmp_path / "national_M2026_dl.csv", [r for r in NATIONAL if "#" not in r])
    damaged("oews", lambda: data.update("oews", again), "oews.bin: its sha256")
    assert data.reset("oews") == ("oews",)
    data.update("oews", again)
    assert catalogue.source_id() == "bls-oews-may-2026"


def test_the_command_line_names_the_damage(oews: Path, folder: Path) -> None:
    (oews / "oews.bin").write_bytes(b"garbage")
    env = {**os.environ, "CAREERKIT_DATA_DIR": str(folder), "PYTHONIOENCODING": "utf-8"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "careerkit", *args],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )

    for command in (["show", "43-4051"], ["list"], ["data", "status"]):
        done = run(*command)
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.startswith("careerkit: error: careerkit's data folder is damaged: ")
        assert (
            "oews.bin: its sha256 is not the one the manifest records. Run 'careerkit data reset oews'"
            in done.stderr
        )
        assert done.stderr.count("\n") == 1
    reset = run("data", "reset", "oews")
    assert (
        reset.returncode == 0 and reset.stdout == "the shipped snapshot is in use again for: oews\n"
    )
    assert run("show", "43-4051").returncode == 0


def test_a_release_replaced_while_it_is_read_is_read_again(
    oews: Path, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process commits an update between this one's reading the manifest and the
    release's files: the files are gone, and the new manifest is read instead."""
    from careerkit.data import _disk, _releases

    other = write_csv(
        tmp_path / "national_M2026_dl.csv",
        [*NATIONAL[:2], bls("99", "1", "US", "43-4051", "Customer Service Representatives", "detailed", **csr(A_MEDIAN="46000"))],
    )  # fmt: skip
    real = _releases._read
    raced = []

    def read(path: Path, kind: str, largest: int = _disk.MAX_INSTALLED) -> bytes:
        if path.name == "oews.bin" and not raced:
            raced.append(path)
            subprocess.run(  # another process: reset, and install another release
                [sys.executable, "-c", "import sys; from careerkit import data; "
                 "data.reset('oews', directory=sys.argv[1]); data.update('oews', sys.argv[2], directory=sys.argv[1])",
                 str(folder), str(other)],
                check=True,
            )  # fmt: skip
        return real(path, kind, largest)

    monkeypatch.setattr(_releases, "_read", read)
    forget()
    (annual,) = [
        b
        for b in ck.get("43-4051").pay_bands("US")
        if b.source.endswith("2026") and b.period.value == "year"
    ]
    assert raced and not raced[0].exists()
    assert annual.median == 46000  # the release installed meanwhile


# --- a values file edited with its sha256: read back as strictly as the readers read -------------

THIS_YEAR = dt.date.today().year


SOURCES = {
    "ppp": "Country,Country ID,Year,PPP\nIndia,IN,2008,12.5639813417245\n",
    "inflation": "Country,Country Code,Year,CPI\nIndia,IND,2008,8.35\n",
    "fx-annual": "Date,Country,Value\n2008-01-01,India,43.3859\n",
    "fx-monthly": "Date,Country,Exchange rate\n2008-05-01,India,42.0019\n",
}


@pytest.mark.parametrize(
    ("kind", "row", "fragment"),
    [
        ("ppp", "in,2008,20", "the key 'in' is not a code careerkit keeps: expected an ISO 3166-1 alpha-2"),
        ("ppp", "ZZ,2008,20", "the key 'ZZ' is not a code careerkit keeps"),
        ("ppp", "IND,2008,20", "the key 'IND' is not a code careerkit keeps"),
        ("inflation", "123,2008,4", "the key '123' is not a code careerkit keeps: expected a World Bank"),
        ("inflation", "IN,2008,4", "the key 'IN' is not a code careerkit keeps"),
        ("inflation", f"IND,{THIS_YEAR},4", f"{THIS_YEAR} has not ended"),
        ("fx-annual", "XXX,2008,80", "the key 'XXX' is not a code careerkit keeps: expected the ISO 4217"),
        ("fx-annual", "INR,1899,80", "a date before 1900"),
        ("fx-monthly", "VEF,2008-05,80", "the key 'VEF' is not a code careerkit keeps"),
        ("fx-monthly", "INR,2099-05,80", "a date after today"),
    ],
)  # fmt: skip
def test_every_kind_reads_its_keys_and_dates_back_by_the_readers_rule(
    folder: Path, tmp_path: Path, kind: str, row: str, fragment: str
) -> None:
    source = tmp_path / f"{kind}.csv"
    source.write_text(SOURCES[kind], encoding="utf-8")
    data.update(kind, source, accept_revisions=True)
    (values,) = (folder / kind).glob("*.csv")
    rewrite(values, f"key,date,value\n{row}\n")
    damaged(kind, lambda: data.values(kind), values.name, fragment)
    assert data.reset(kind) == (kind,)
    assert data.values(kind)
