"""Turning the official files into the catalogue's compact shipped form.

BLS publishes the OEWS estimates as flat files (here: its national and state
cross-industry CSVs, with the columns described in ``careerkit/data/README.md``)
and O*NET its ``Occupation Data`` table as tab-separated text. This module reads
those and writes the four files careerkit ships in ``careerkit/catalogue/``:

``release.json``
    the release (dates, files read and their sha256), the SOC major groups, and
    the national figures for all occupations together (SOC 00-0000);
``occupations.tsv``
    one line per detailed occupation: SOC code, id, O*NET-SOC code, major group,
    title, the title's lookup key where it is not the id, national employment
    (search ranks by it), and where its figures sit in the figures file (the key
    index);
``descriptions.tsv``
    the O*NET description of each occupation that has one;
``oews.bin``
    each occupation's rows (national first, then states by code), zlib-compressed
    one occupation at a time, so that one career is read without the others.

Nothing is computed: figures are copied as BLS printed them, an empty field
stays empty. Ids come from ``ids.tsv``, the append-only list of released ids;
an occupation not yet in it gets the slug of its title (see :func:`slug`) and is
appended. ``tools/build_catalogue.py`` runs this on the files in ``../shared/data``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path

from careerkit.catalogue import FIELDS, read_ids
from careerkit.errors import ValidationError
from careerkit.model._checks import normalize_key

__all__ = ["STATES", "build", "read_ids", "slug"]

STATES = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI",
}  # fmt: skip
"""State FIPS codes (the first two digits of BLS's ``area_code``) to USPS codes: ``US-CA``."""

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slug(title: str) -> str:
    """The id rule: the title in ASCII, lower case, each run of other characters one hyphen.

    >>> slug("Airline Pilots, Copilots, and Flight Engineers")
    'airline-pilots-copilots-and-flight-engineers'
    >>> slug("Nurse Anesthetists")
    'nurse-anesthetists'
    """
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return _NOT_WORD.sub("-", ascii_title.lower()).strip("-")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _region(area_code: str) -> str:
    if area_code == "0000000":
        return "US"
    state = STATES.get(area_code[:2])
    if state is None or area_code[2:] != "00000":
        raise ValidationError(
            f"area_code {area_code!r} is neither national (0000000) nor a state (FIPS + 00000)",
            field="area_code",
        )
    return f"US-{state}"


def build(
    national: Path,
    states: Path,
    onet: Path,
    out: Path,
    *,
    release: Mapping[str, str],
) -> dict[str, str]:
    """Write the catalogue files into *out* from the official files; returns ``{SOC: id}``.

    *release* describes the OEWS release (``name``, ``reference_date``,
    ``published``, its top codes ``top_code_hour`` and ``top_code_year``) and the
    O*NET version (``onet_version``).
    """
    with onet.open(encoding="utf-8", newline="") as file:
        onet_rows = list(csv.DictReader(file, delimiter="\t"))
    return write_release(
        _rows(national),
        _rows(states),
        {row["O*NET-SOC Code"]: row["Description"] for row in onet_rows},
        out,
        release={
            **release,
            "files": {path.name: _sha256(path) for path in (national, states, onet)},
        },
    )


def write_release(
    national_rows: list[dict[str, str]],
    state_rows: list[dict[str, str]],
    descriptions: Mapping[str, str],
    out: Path,
    *,
    release: Mapping[str, object],
    ids: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """:func:`build` from rows already read (in the layout of BLS's CSVs above) and O*NET's
    descriptions by O*NET-SOC code; *release* also names the ``files`` read, with their sha256.

    Ids come from ``out/ids.tsv`` where it exists, new occupations appended to it
    (careerkit's own build). For a user's release (``careerkit data update oews``),
    *ids* gives careerkit's released ids instead: an occupation not among them gets
    the slug of its title (with its SOC code where another occupation has that id),
    nothing is appended, and no descriptions file is written (the catalogue reads
    O*NET's from the package).
    """
    if not any(row["soc_code"] == "00-0000" for row in national_rows):
        raise ValidationError(
            "no national row for all occupations (SOC 00-0000): give the whole national table "
            "(BLS's oesmYYnat.zip or national_MYYYY_dl.xlsx)",
            field="national",
        )
    detailed = [row for row in national_rows if row["display_level"] == "3"]
    if not detailed:
        raise ValidationError("the national table holds no detailed occupation", field="national")
    groups = {
        row["soc_code"]: row["occupation_title"]
        for row in national_rows
        if row["display_level"] == "0" and row["soc_code"] != "00-0000"
    }
    for row in detailed:
        if f"{row['soc_code'][:2]}-0000" not in groups:
            raise ValidationError(
                f"{row['soc_code']} ({row['occupation_title']}) has no national row for its major "
                f"group, {row['soc_code'][:2]}-0000: give the whole national table",
                field="national",
            )
    ids_path = out / "ids.tsv"
    users = ids is not None
    ids = dict(ids) if ids is not None else read_ids(ids_path) if ids_path.exists() else {}
    new_ids: list[tuple[str, str]] = []
    taken = set(ids.values())
    for row in detailed:
        soc = row["soc_code"]
        if soc not in ids:
            career_id = slug(row["occupation_title"])
            if not career_id:
                raise ValidationError(
                    f"{soc}: the title {row['occupation_title']!r} has no ASCII letter or digit "
                    "to make an id of",
                    field="occupation_title",
                )
            if career_id in taken:
                if not users:
                    raise ValidationError(f"the id {career_id!r} of {soc} is already taken")
                career_id = f"{career_id}-{soc}"
            ids[soc] = career_id
            taken.add(career_id)
            new_ids.append((soc, career_id))

    by_soc: dict[str, list[tuple[str, dict[str, str]]]] = {row["soc_code"]: [] for row in detailed}
    for row in [*national_rows, *state_rows]:
        # the detailed occupation's rows: BLS gives some codes as a broad group too (13-1020)
        if row["soc_code"] in by_soc and row["display_level"] == "3":
            by_soc[row["soc_code"]].append((_region(row["area_code"]), row))

    blob = io.BytesIO()
    index_lines = ["soc\tid\tonet\tmajor\ttitle\tkey\temployment\toffset\tlength"]
    description_lines = ["onet\tdescription"]
    for row in detailed:
        soc = row["soc_code"]
        areas = sorted(by_soc[soc], key=lambda item: (item[0] != "US", item[0]))
        text = "".join(
            "\t".join([region, *(area[field] for field in FIELDS)]) + "\n" for region, area in areas
        )
        chunk = zlib.compress(text.encode("utf-8"), 9)
        onet_code = f"{soc}.00" if f"{soc}.00" in descriptions else ""
        index_lines.append(
            "\t".join(
                [
                    soc,
                    ids[soc],
                    onet_code,
                    f"{soc[:2]}-0000",
                    row["occupation_title"],
                    # the title's lookup key, where it is not the id (a title renamed later)
                    ""
                    if normalize_key(row["occupation_title"]) == ids[soc]
                    else normalize_key(row["occupation_title"]),
                    row["employment"],
                    str(blob.tell()),
                    str(len(chunk)),
                ]
            )
        )
        blob.write(chunk)
        if onet_code:
            description_lines.append(f"{onet_code}\t{descriptions[onet_code]}")

    (out / "oews.bin").write_bytes(blob.getvalue())
    (out / "occupations.tsv").write_text("\n".join(index_lines) + "\n", encoding="utf-8")
    if not users:
        (out / "descriptions.tsv").write_text("\n".join(description_lines) + "\n", encoding="utf-8")
    everyone = next(row for row in national_rows if row["soc_code"] == "00-0000")
    regions = {region for rows in by_soc.values() for region, _ in rows}
    metadata = {
        **release,
        "occupations": len(detailed),
        "areas": ["US", *sorted(regions - {"US"})],
        "major_groups": groups,
        "all_occupations": {field: everyone[field] for field in FIELDS},
    }
    (out / "release.json").write_text(
        json.dumps(metadata, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    if not users:
        _append_ids(ids_path, new_ids)
    return ids


def _append_ids(path: Path, new: Iterable[tuple[str, str]]) -> None:
    lines = [f"{soc}\t{career_id}\n" for soc, career_id in new]
    if not lines:
        return
    if not path.exists():
        lines.insert(
            0,
            "# careerkit's catalogue ids, one per SOC code: released ids never change.\n"
            "# New occupations are appended by careerkit/catalogue/_build.py.\n",
        )
    with path.open("a", encoding="utf-8") as file:
        file.writelines(lines)
