"""Rebuild careerkit's shipped national pay history from BLS's workbooks (a maintainer's tool).

Run: python tools/build_history.py [DATA_DIR]   (default: ../shared/data)

Reads BLS's national OEWS workbooks for May 2004 to May 2025 (``oews-history/``, each
checked against the sha256 recorded below and in PROVENANCE.md; an original BLS saved
where one exists, a re-saved copy only where none does), every cell through the same
gate as ``careerkit data update oews`` (:mod:`careerkit.catalogue._oews_update._rows`),
and the two SOC crosswalks: BLS's SOC 2000 to SOC 2010 (``tools/data/``) and O*NET's
O*NET-SOC 2010 to SOC 2018 (``crosswalks/``). Each release is read in its own SOC; each
detailed occupation is carried to the SOC 2018 occupation it is the same as, where the
crosswalks map it one to one, and each of the catalogue's careers gets the series of
those releases, cut where a revision split or merged it (:func:`series`).

Writes ``src/careerkit/catalogue/history.bin`` (see
:mod:`careerkit.catalogue.sources.oews_history`), ``tests/data/oews-history-sample.csv``
(a fixed sample of every workbook's cells, which the tests compare with the shipped
file), ``tests/data/soc-crosswalks.tsv`` (the crosswalks' pairs, which the tests hold
every series link to) and ``tests/data/oews-history-cuts.tsv`` (every series cut at a
revision, and why: the tests hold the shipped file to it).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import lzma
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, NamedTuple

from careerkit.catalogue._oews_update._rows import _rows
from careerkit.catalogue._oews_update._tables import _Table, _text
from careerkit.catalogue._releases import FIELDS

ROOT = Path(__file__).resolve().parent.parent


class Release(NamedTuple):
    date: str
    path: str  # under DATA_DIR
    vintage: str  # "2000", "2000/2010", "2010", "2010/2018", "2018"
    sha256: str
    origin: str  # the public repository (and commit) the file was copied from
    top_code: tuple[str, str]  # BLS's top code that year: hourly, annual


_BAYES = "bayeshack2016/ZenBayes @ a49cbd19, data/bls/"
_TOBY = "tobyam-netizen/employment-group-1-project @ 2bfd7f31"
_FORNINO = "mfornino/automation @ 7f7829e9"
_GOLDSMITH = "alexgoldsmith/Thesis"
# BLS's top code of each year (figures at or above it are printed "#"). The workbooks of
# May 2019 on state it in their field descriptions (checked below); for earlier years it is
# the one BLS's technical notes give, and the tool checks that every figure the workbook
# prints is below it, and that it marks "#" cells at all only where they are.
_70, _80, _90 = ("70.00", "145600"), ("80.00", "166400"), ("90.00", "187200")
_100, _115 = ("100.00", "208000"), ("115.00", "239200")
RELEASES = (
    Release("2004-05", "oews-history/resaved/national_may2004_dl.xls", "2000", "28d258d3da2c006d8292e32a007593acd073e6c17fb7d5998bdd366ea26b2110", _FORNINO, _70),
    Release("2005-05", "oews-history/resaved/national_may2005_dl.xls", "2000", "f010512e70abf4f98db3e8be4d2ef300d27eed3a290285af4a48ffb50bd0ac61", _FORNINO, _70),
    Release("2007-05", "oews-history/resaved/national_May2007_dl.xls", "2000", "7e3ea0efe02c12079659b4970bf8b5165331f77ee6334fa13891a01ba1ec5622", _FORNINO, _70),
    Release("2008-05", "oews-history/resaved/national_M2008_dl.xls", "2000", "6fa4c5803a09e23cc69c74c4098f534d12589dcbd3904973297c4d2917ce3222", f"{_GOLDSMITH} @ a42a27b1", _80),
    Release("2010-05", "oews-history/resaved/national_M2010_dl.xls", "2000/2010", "af8cefa4672f338f51439f9928be3fda96aa6e6464ccaca839f45212738f2959", _FORNINO, _80),
    Release("2011-05", "oews-history/national_M2011_dl.xls", "2000/2010", "fee79a4ae455b51803e9c59407234609baaecc97818e4994d18a2681ff28a7cd", _BAYES, _90),
    Release("2012-05", "oews-history/national_M2012_dl.xls", "2010", "125f1b885bf8ff5a8a8d8e5291912dde951814c4f8be8609692f10deb757af8d", _BAYES, _90),
    Release("2013-05", "oews-history/national_M2013_dl.xls", "2010", "ad025b7c767bff34c12c7cc3e4760e1d1671e8db8ea053c88a950212d0f1bc03", _BAYES, _90),
    Release("2014-05", "oews-history/national_M2014_dl.xlsx", "2010", "b316e2bde93212dcf0447365b697cf77f88842ae176a6630632406c48583b0ae", _BAYES, _90),
    Release("2015-05", "oews-history/national_M2015_dl.xlsx", "2010", "abec9b9f54a1d73354935b3d97d2becf602b61b6c971812c0d81f6e7b274c8ac", _BAYES, _90),
    Release("2016-05", "oews-history/resaved/national_M2016_dl.xlsx", "2010", "3cf47b5e558b5754953aad5cae1e7c75e9a485dac7deb7be5e9eb1c9fe2412a2", "CelineSilingSong/Trades-Data-analysis @ 12aec214", _100),
    Release("2017-05", "oews-history/national_M2017_dl.xlsx", "2010", "2ba8af39814747f1154e06e674618fbb9aad6bee2af6d2d2cf221cfb5c68c1ec", "connorrothschild/shiny-scrollytell @ df14f210", _100),
    Release("2018-05", "oews-history/national_M2018_dl.xlsx", "2010", "9af8b7777512348439a6b20ba4d6543504cbe3d180594402a3a3432d9d5c40a2", f"{_GOLDSMITH} @ aa8f7548", _100),
    Release("2019-05", "oews-history/resaved/national_M2019_dl.xlsx", "2010/2018", "f96556e9fe5bc0d26f608ab5afacb631b92480f107a42f4a8666080150dce436", "josephmathew0/Monty @ 2a520292", _100),
    Release("2020-05", "oews-history/national_M2020_dl.xlsx", "2010/2018", "ac0a59b501cd5d4c5966e799c39b1830f93b92c3cc6cd8af301dc7959a4c2cb1", _TOBY, _100),
    Release("2021-05", "oews-history/national_M2021_dl.xlsx", "2018", "8cb0b63b69a2405206d1bcee55c09f96768e68dca7b77f0abcf1f5a44b951e02", _TOBY, _100),
    Release("2022-05", "oews-history/national_M2022_dl.xlsx", "2018", "19aadce804696b04d3df63215b89e112a9956c7ea3da7d5e23bd4ab1ad8d6a99", _TOBY, _115),
    Release("2023-05", "oews-history/national_M2023_dl.xlsx", "2018", "9200eb0423feece690c2f7e9a20c3817b0e494cd7071cb455b3ebae579536d5a", _TOBY, _115),
    Release("2024-05", "oews-history/national_M2024_dl.xlsx", "2018", "a9bad3093703e28d7490cedb765b6730f4eaa4b37a7c8f68e866814167761f11", _TOBY, _115),
    Release("2025-05", "oews-history/national_M2025_dl.xlsx", "2018", "852250997ceff9b721ff68f63e877d818f9c1ec8b1b69dd367958faedd5282b2", _TOBY, _115),
)  # fmt: skip
"""Every release, oldest first. May 2006 and 2009 were not found anywhere; 1997 is not SOC-coded."""

SOC_2000_2010 = "tools/data/soc_2000_to_2010_crosswalk.xls"
SOC_2000_2010_SHA256 = "a1474b075b31f0338a10e8e9be317a3da0600a2a2796d2520aaaa2d42a709bbb"
SOC_2000_2010_ORIGIN = "theis188/us-jobs-data @ c8d6ade6 (BLS's file, re-saved)"
ONET_2010_2018 = "crosswalks/onet-soc-2010-to-soc-2018.xlsx"
ONET_2010_2018_SHA256 = "e339efe254b3482da7e65545825d6451313d82ad4d24c3c79773539d456fa124"
QUOTED = {"43-4051", "29-1141", "29-1111", "27-3031", "00-0000"}
"""The occupations the tests and docs quote: every year of them is in the sample."""
KEPT = FIELDS[:-3] + FIELDS[-1:]  # national rows: no jobs per 1,000 nor location quotient
FORMAT = "careerkit national pay history 1"
COLUMNS = ("release", "soc_code", "occupation_title", *KEPT)


def _sha256(content: bytes, where: str, expected: str) -> str:
    digest = hashlib.sha256(content).hexdigest()
    if digest != expected:
        sys.exit(f"{where}: sha256 {digest}, not the {expected} recorded for it")
    return digest


def _sheets(path: Path) -> list[tuple[str, list[list[Any]]]]:
    if path.suffix == ".xls":
        import xlrd

        book = xlrd.open_workbook(file_contents=path.read_bytes())
        return [(s.name, [s.row_values(r) for r in range(s.nrows)]) for s in book.sheets()]
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    return [(s.title, [list(r) for r in s.iter_rows(values_only=True)]) for s in book.worksheets]


def read_release(data: Path, release: Release) -> tuple[dict[str, dict[str, str]], list[list[str]]]:
    """The release's national rows, ``{code: row}`` (the catalogue's layout, every value
    through the gate), and the workbook's cells as text (for the sample)."""
    path = data / release.path
    _sha256(path.read_bytes(), str(path), release.sha256)
    sheets = _sheets(path)
    (name, cells), notes = (
        sheets[0],
        " ".join(_text(cell) for _, rows in sheets[1:] for row in rows for cell in row),
    )
    header = [_text(cell).upper() for cell in cells[0]]
    header = ["O_GROUP" if name in ("GROUP", "OCC_GROUP") else name for name in header]
    extra = [column for column in ("AREA", "AREA_TYPE") if column not in header]
    text_rows = []
    for row in cells[1:]:
        texts = [_text(cell) for cell in row] + [""] * (len(header) - len(row))
        texts = texts[: len(header)]
        if not texts[header.index("OCC_CODE")]:
            continue
        bls = dict(zip(header, texts, strict=True))
        if not bls["O_GROUP"]:  # before 2012 BLS left the detailed occupations' group empty
            bls["O_GROUP"] = "detailed"
        for column, value in bls.items():
            # May 2004 and 2005 print "***" in the wage cells of flight attendants and airline
            # pilots (no figure: BLS published none for them those years): the mark later
            # years print "*" for, and kept so (absent, footnote 8)
            if value == "***":
                if (
                    column not in ("H_MEAN", "A_MEAN", "MEAN_PRSE")
                    and "PCT" not in column
                    and "MEDIAN" not in column
                ):
                    sys.exit(f"{path}: {bls['OCC_CODE']} {column} is '***'")
                bls[column] = "*"
        texts = [bls[column] for column in header] + ["99", "1"][: len(extra)]
        text_rows.append(texts)
    table = _Table(f"{path.name}: {name}", header + extra, list(enumerate(text_rows, 2)), notes)
    stated = _top_code_stated(notes)
    if stated is not None and stated != release.top_code:
        sys.exit(f"{path}: states the top code {stated}, not {release.top_code}")
    found: dict[str, dict[str, str]] = {}
    for _, row, _kind in _rows(table, release.top_code):
        if row["area_code"] != "0000000" or row["display_level"] not in ("0", "3"):
            continue
        if row["soc_code"] in found:
            sys.exit(f"{path}: {row['soc_code']} twice")
        if stated is None:  # the top code from BLS's notes: every figure printed is below it
            _check_below_top_code(path, row, release.top_code)
        found[row["soc_code"]] = row
    return found, [header + extra, *text_rows]


def _top_code_stated(notes: str) -> tuple[str, str] | None:
    from careerkit.catalogue._oews_update._rows import _top_code

    return _top_code("field descriptions", notes)


def _check_below_top_code(path: Path, row: dict[str, str], top: tuple[str, str]) -> None:
    from decimal import Decimal

    for field in FIELDS:
        # BLS top-codes percentiles; a mean above the top code is published in some years
        if (
            field.startswith(("hourly_p", "annual_p", "hourly_median", "annual_median"))
            and row[field]
        ):
            limit = Decimal(top[0] if field.startswith("hourly_") else top[1])
            if Decimal(row[field]) >= limit:
                sys.exit(f"{path}: {row['soc_code']} {field} {row[field]} is not below {top}")


# --- the SOC revisions ------------------------------------------------------------------


class Crosswalk(NamedTuple):
    """One revision's pairs: ``forward[old] = {new}``, ``back[new] = {old}``, and titles."""

    revision: str  # "SOC 2010", "SOC 2018"
    old: str  # "SOC 2000"
    forward: dict[str, set[str]]
    back: dict[str, set[str]]
    titles: dict[tuple[str, str], str]  # (vintage, code) -> title

    def one_to_one(self, old: str) -> str | None:
        new = self.forward.get(old, set())
        if len(new) == 1 and self.back[next(iter(new))] == {old}:
            return next(iter(new))
        return None


def _crosswalk(revision: str, old: str, pairs: list[tuple[str, str, str, str]]) -> Crosswalk:
    forward: dict[str, set[str]] = defaultdict(set)
    back: dict[str, set[str]] = defaultdict(set)
    titles = {}
    for a, a_title, b, b_title in pairs:
        forward[a].add(b)
        back[b].add(a)
        titles[(old, a)] = a_title
        titles[(revision, b)] = b_title
    return Crosswalk(revision, old, dict(forward), dict(back), titles)


def _clean(title: object) -> str:
    return " ".join(str(title).replace("*", " ").split())


def crosswalks(data: Path) -> tuple[Crosswalk, Crosswalk, list[tuple[str, ...]]]:
    """BLS's SOC 2000 -> 2010 and O*NET's 2010 -> 2018 (O*NET-SOC codes cut to SOC codes)."""
    path = ROOT / SOC_2000_2010
    _sha256(path.read_bytes(), str(path), SOC_2000_2010_SHA256)
    rows = _sheets(path)[0][1]
    start = next(i for i, row in enumerate(rows) if str(row[0]).strip() == "2000 SOC code") + 1
    first = [
        (str(r[0]).strip(), _clean(r[1]), str(r[2]).strip(), _clean(r[3]))
        for r in rows[start:]
        if str(r[0]).strip()[:2].isdigit()
    ]
    path = data / ONET_2010_2018
    _sha256(path.read_bytes(), str(path), ONET_2010_2018_SHA256)
    rows = _sheets(path)[0][1]
    start = (
        next(i for i, row in enumerate(rows) if str(row[0]).startswith("O*NET-SOC 2010 Code")) + 1
    )
    named = {  # an O*NET-SOC code ending .00 is the SOC occupation, with its title
        str(r[0]).strip()[:7]: _clean(r[1])
        for r in rows[start:]
        if r[0] and str(r[0]).strip().endswith(".00")
    }
    second = sorted(
        {
            (
                str(r[0]).strip()[:7],
                named.get(str(r[0]).strip()[:7], ""),
                str(r[2]).strip(),
                _clean(r[3]),
            )
            for r in rows[start:]
            if r[0] and str(r[0])[:2].isdigit()
        }
    )
    pairs = [("SOC 2010", a, b) for a, _, b, _ in first] + [
        ("SOC 2018", a, b) for a, _, b, _ in second
    ]
    return (
        _crosswalk("SOC 2010", "SOC 2000", first),
        _crosswalk("SOC 2018", "SOC 2010", second),
        sorted(set(pairs)),
    )


def identity(
    release: Release,
    code: str,
    title: str,
    soc: dict[str, set[str]],
    kept: dict[str, dict[str, str]],
) -> tuple[str, str]:
    """What a release's code is, ``(vintage, code)``: the SOC of its year. In a hybrid year,
    the newer SOC's occupation where BLS published a code of the newer SOC unmarked, or a
    code of its own that the newer SOC's releases go on publishing under the same title
    (``13-1020 Buyers and Purchasing Agents``, May 2019 to May 2025); else BLS's hybrid
    code, which no crosswalk carries. *soc* holds each SOC's codes, *kept* the codes and
    titles the releases of each SOC publish."""
    if "/" not in release.vintage:
        return (f"SOC {release.vintage}", code)
    newer = f"SOC {release.vintage.split('/')[1]}"
    marked = "*" in title  # May 2010-2011: BLS's mark of a hybrid code
    if not marked and (code in soc[newer] or _same(kept[newer].get(code), title)):
        return (newer, code)
    return (f"hybrid {release.vintage}", code)


def _same(title: str | None, other: str) -> bool:
    return title is not None and _clean(title).lower() == _clean(other).lower()


def canonical(ident: tuple[str, str], first: Crosswalk, second: Crosswalk) -> tuple[str, str]:
    """*ident* carried forward as far as the crosswalks map it one to one."""
    vintage, code = ident
    if vintage == "SOC 2000":
        new = first.one_to_one(code)
        if new is None:
            return ident
        vintage, code = "SOC 2010", new
    if vintage == "SOC 2010":
        new = second.one_to_one(code)
        if new is None:
            return (vintage, code)
        vintage, code = "SOC 2018", new
    return (vintage, code)


def _label(date: str) -> str:
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]  # fmt: skip
    return f"{months[int(date[5:]) - 1]} {date[:4]}"


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def cut_of(
    first_ident: tuple[str, str],
    starts: str,
    published: dict[str, list[tuple[str, str, str]]],
    walks: dict[str, Crosswalk],
    first_release: str,
) -> dict[str, Any] | None:
    """Why a series whose earliest point is *first_ident* (at *starts*) goes back no further:
    the revision that made it, and the earlier occupations BLS published; ``None`` where
    no earlier release published an occupation the revision made it from."""
    vintage, code = first_ident
    walk = walks.get(vintage)
    if walk is None:
        return None
    before = sorted(walk.back.get(code, set()))
    earlier = []
    for old in before:
        dates = [  # the old occupation: not a hybrid year's code of the new SOC
            (date, title)
            for date, title, vintage in published.get(old, [])
            if date < starts and vintage != walk.revision
        ]
        if dates:
            earlier.append(
                f"{old} {_clean(dates[-1][1])} ({_label(dates[0][0])} to {_label(dates[-1][0])})"
            )
    if not earlier:
        if starts == first_release:
            return None
        if code not in walk.back:  # BLS's own aggregate: no crosswalk reaches it
            reason = (
                f"{code} is BLS's own grouping of {walk.revision} occupations, published since "
                f"{_label(starts)}; no crosswalk carries the occupations of earlier releases to it"
            )
        else:
            reason = (
                f"BLS published no national figures for it, nor for the {walk.old} occupations "
                f"it came from, before {_label(starts)}"
            )
        return {"starts": starts, "revision": walk.revision, "reason": reason, "earlier": []}

    def named(vintage: str, codes: list[str]) -> list[str]:
        return [f"{c} {walk.titles.get((vintage, c), '')}".strip() for c in codes]

    if len(before) == 1:
        into = sorted(walk.forward[before[0]], key=lambda c: (c != code, c))
        reason = (
            f"{walk.revision} split {walk.old}'s {named(walk.old, before)[0]} among "
            f"{_listed(named(walk.revision, into))}"
        )
    else:
        parts = [
            name + (" (in part)" if len(walk.forward[old]) > 1 else "")
            for old, name in zip(before, named(walk.old, before), strict=True)
        ]
        reason = (
            f"{walk.revision} formed {named(walk.revision, [code])[0]} from {walk.old}'s "
            f"{_listed(parts)}"
        )
    reason += f": the figures before {_label(starts)} are of a different occupation"
    return {"starts": starts, "revision": walk.revision, "reason": reason, "earlier": earlier}


def series(
    releases: list[tuple[Release, dict[str, dict[str, str]]]],
    careers: list[str],
    first: Crosswalk,
    second: Crosswalk,
) -> dict[str, dict[str, Any]]:
    """Each career's series, ``{soc: {"points": [[release, code], ...], "cut": ...}}``."""
    soc = {"SOC 2010": set(first.back), "SOC 2018": set(second.back)}
    kept: dict[str, dict[str, str]] = {"SOC 2010": {}, "SOC 2018": {}}
    for release, rows in releases:
        if f"SOC {release.vintage}" in kept:
            kept[f"SOC {release.vintage}"].update(
                (code, row["occupation_title"]) for code, row in rows.items()
            )
    walks = {"SOC 2010": first, "SOC 2018": second}
    linked: dict[tuple[str, str], list[tuple[int, str, tuple[str, str]]]] = defaultdict(list)
    published: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for number, (release, rows) in enumerate(releases):
        for code, row in rows.items():
            if row["display_level"] != "3":
                continue
            title = row["occupation_title"]
            ident = identity(release, code, title, soc, kept)
            published[code].append((release.date, title, ident[0]))
            linked[canonical(ident, first, second)].append((number, code, ident))
    found = {}
    for soc in careers:
        points = sorted(linked.get(("SOC 2018", soc), []))
        if not points:
            continue
        dates = [releases[number][0].date for number, _, _ in points]
        if len(set(dates)) != len(dates):
            sys.exit(f"{soc}: two codes of one release carried to it: {points}")
        cut = cut_of(points[0][2], dates[0], published, walks, releases[0][0].date)
        found[soc] = {"points": [[number, code] for number, code, _ in points], "cut": cut}
    return found


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    first, second, pairs = crosswalks(data)
    read = [(release, *read_release(data, release)) for release in RELEASES]
    releases = [(release, rows) for release, rows, _ in read]
    shipped = (ROOT / "src" / "careerkit" / "catalogue" / "occupations.tsv").read_text("utf-8")
    careers = [line.split("\t")[0] for line in shipped.splitlines()[1:]]
    # and every occupation the SOC 2018 releases publish (11-1031 Legislators, last
    # published for May 2024): a user's installed release may make it a career again
    careers += sorted(
        {
            code
            for release, rows in releases
            if release.vintage == "2018"
            for code, row in rows.items()
            if row["display_level"] == "3"
        }
        - set(careers)
    )
    found = series(releases, careers, first, second)
    rows = sorted(
        ([str(number), *(row[name] for name in ("soc_code", "occupation_title", *KEPT))]
         for number, (_, found_rows) in enumerate(releases)
         for row in found_rows.values()),
        key=lambda row: (row[1], int(row[0])),
    )  # fmt: skip
    header = {
        "format": FORMAT,
        "fields": list(COLUMNS),
        "rows": len(rows),
        "releases": [
            {
                "reference_date": release.date,
                "file": Path(release.path).name,
                "sha256": release.sha256,
                "soc": release.vintage,
                "resaved": "/resaved/" in release.path,
                "origin": release.origin,
                "top_code_hour": release.top_code[0],
                "top_code_year": release.top_code[1],
                "occupations": sum(row["display_level"] == "3" for row in found_rows.values()),
            }
            for release, found_rows in releases
        ],
        "careers": found,
    }
    # one line of JSON, then each column on a line of its own (rows in code order, then
    # release: a column's neighbours are one occupation's figures over the years)
    raw = json.dumps(header, ensure_ascii=False, separators=(",", ":")) + "\n"
    raw += "\n".join("\t".join(column) for column in zip(*rows, strict=True)) + "\n"
    blob = lzma.compress(raw.encode(), format=lzma.FORMAT_XZ, preset=9 | lzma.PRESET_EXTREME)
    target = ROOT / "src" / "careerkit" / "catalogue" / "history.bin"
    target.write_bytes(blob)
    cuts = sum(entry["cut"] is not None for entry in found.values())
    print(
        f"{target}: {len(releases)} releases, {len(rows):,} rows, {len(found)} careers "
        f"({cuts} cut), {len(blob):,} bytes"
    )
    _write_sample(read)
    cut_list = ROOT / "tests" / "data" / "oews-history-cuts.tsv"
    lines = ["soc_code\tstarts\trevision\treason"]
    lines += [
        f"{soc}\t{entry['cut']['starts']}\t{entry['cut']['revision']}\t{entry['cut']['reason']}"
        for soc, entry in sorted(found.items())
        if entry["cut"] is not None
    ]
    cut_list.write_text("\n".join(lines) + "\n", encoding="utf-8")
    crosswalk = ROOT / "tests" / "data" / "soc-crosswalks.tsv"
    lines = [
        f"# {SOC_2000_2010} (sha256 {SOC_2000_2010_SHA256}, {SOC_2000_2010_ORIGIN}) and",
        f"# {ONET_2010_2018} (sha256 {ONET_2010_2018_SHA256}, O*NET-SOC codes cut to SOC codes)",
        "revision\told\tnew",
        *("\t".join(pair) for pair in pairs),
    ]
    crosswalk.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_sample(read: list[tuple[Release, dict[str, dict[str, str]], list[list[str]]]]) -> None:
    """Every 37th row of every workbook, and every row of the quoted occupations, as BLS's
    cells (text as the workbook holds it): the tests read them through the shipped file."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["reference_date", "column", "soc_code", "value"])
    for release, _, cells in read:
        header = cells[0]
        code = header.index("OCC_CODE")
        for number, row in enumerate(cells[1:]):
            if number % 37 == 0 or row[code] in QUOTED:
                for column in ("OCC_TITLE", "TOT_EMP", "EMP_PRSE", "H_MEAN", "A_MEAN", "MEAN_PRSE",
                               "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90",
                               "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90", "ANNUAL", "HOURLY"):  # fmt: skip
                    if column in header:
                        writer.writerow(
                            [release.date, column, row[code], row[header.index(column)]]
                        )
    path = ROOT / "tests" / "data" / "oews-history-sample.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    print(f"{path}: {out.getvalue().count(chr(10)) - 1:,} cells")


if __name__ == "__main__":
    main()
