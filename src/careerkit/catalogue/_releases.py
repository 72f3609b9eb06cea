"""The OEWS releases in use, stacked: the catalogue's key index and each occupation's rows.

The shipped release (``release.json``, ``occupations.tsv``, ``oews.bin`` in this folder)
and each release the user installed (``careerkit data update oews``, handed over by
:func:`careerkit.data.oews_releases`) are read as :class:`_Release`; :class:`_Catalogue`
stacks them, oldest date first, the newest date being "latest", and merges their indexes
into one: every occupation of every release, with careerkit's released id (``ids.tsv``)
or, for an occupation careerkit never released, the slug of its newest title. What each
occupation's rows say as careers' facts is the sources' business
(:mod:`careerkit.catalogue.sources`); the key index is read once, on the first lookup,
and each occupation's rows when its career is first built.

The stack is dropped whenever the OEWS releases in use change
(:func:`careerkit.data.on_change`), and read again on its next use.
"""

from __future__ import annotations

import functools
import json
import re
import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from careerkit import data
from careerkit._once import once
from careerkit.errors import shown

if TYPE_CHECKING:
    from careerkit.data import InstalledRelease

FIELDS = (
    "employment",
    "employment_rse",
    "wage_rse",
    "hourly_mean",
    "hourly_p10",
    "hourly_p25",
    "hourly_median",
    "hourly_p75",
    "hourly_p90",
    "annual_mean",
    "annual_p10",
    "annual_p25",
    "annual_median",
    "annual_p75",
    "annual_p90",
    "jobs_per_1000",
    "location_quotient",
    "footnotes",
)
"""The columns kept for each area, in the order of a line of ``oews.bin`` (after the region)."""


class Occupation(NamedTuple):
    """One occupation of the catalogue's key index (every release in use merged)."""

    soc: str
    """The SOC code, ``"29-1141"``."""
    id: str
    """careerkit's id for it (for the rich profiles, a key of theirs, not their id)."""
    onet: str
    """The O*NET-SOC code, ``"29-1141.00"``, or ``""`` where O*NET has none."""
    major: str
    """The SOC major group, ``"29-0000"``."""
    title: str
    """The title as BLS publishes it (in the newest release that has it)."""
    key: str
    """The title's lookup key (:func:`~careerkit.registry.normalize_key`): usually the id."""
    employment: int | None
    """National employment in the newest release that has it (``None`` where BLS published none)."""
    chunks: tuple[tuple[int, int, int], ...]
    """Where its figures sit: ``(release, offset, length)`` for each release in use that has it,
    in the order the releases stack (oldest date first)."""

    def __repr__(self) -> str:
        # Records print as summaries, values as Python (the rule: careerkit._display).
        from careerkit._display import fitted

        jobs = "" if self.employment is None else f", {self.employment} jobs"
        return fitted(f"<Occupation {self.soc} {self.id!r}: ", self.title, f"{jobs}>")

    def lookup_keys(self) -> dict[str, str]:
        """The keys it answers to, ``{normalized key: key as written}``: its id, title, SOC
        code (both forms) and O*NET-SOC code.

        Normalized without normalizing: the index holds the title's key, an id is a
        slug (a normalized key), and the codes' digits and hyphens normalize by
        replacing the dot.

        >>> sorted(occupations()["29-1141"].lookup_keys())
        ['29-1141', '29-1141-00', '291141', 'registered-nurses']
        """
        found = {self.id: self.id, self.key: self.title}
        found[self.soc] = self.soc
        compact = self.soc.replace("-", "")
        found[compact] = compact
        if self.onet:
            found[self.onet.replace(".", "-")] = self.onet
        return found


def shipped_folder() -> Path:
    """The folder of the catalogue shipped in the package."""
    return Path(__file__).parent


def shipped_damaged(name: str, why: str) -> Exception:
    """The error for the shipped catalogue file *name*, which is not as careerkit wrote it."""
    from careerkit.errors import DataFormatError

    return DataFormatError(
        f"careerkit's shipped catalogue is damaged: {shipped_folder() / name}: {why}. "
        "Reinstall careerkit (pip install --force-reinstall careerkit)"
    )


def shipped_text(name: str) -> str:
    """The shipped catalogue file *name* as text; :func:`shipped_damaged` where it cannot be read."""
    try:
        return (shipped_folder() / name).read_text(encoding="utf-8")
    except OSError as error:
        raise shipped_damaged(name, f"cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError as error:
        raise shipped_damaged(name, f"not UTF-8 text ({error})") from None


_HEADER = "soc\tid\tonet\tmajor\ttitle\tkey\temployment\toffset\tlength"


@functools.cache
def _line() -> re.Pattern[str]:
    """A line of a user's ``occupations.tsv`` (compiled on first use: the shipped index is
    read without it)."""
    return re.compile(  # a line of occupations.tsv: soc, id, onet, major, title, key, jobs, where
        r"([0-9]{2}-[0-9]{4})\t([a-z0-9]+(?:-[a-z0-9]+)*)\t([0-9]{2}-[0-9]{4}\.[0-9]{2}|)\t"
        r"([0-9]{2}-0000)\t([^\t]+)\t([^\t]*)\t([0-9]{0,15})\t([0-9]{1,15})\t([0-9]{1,15})\Z"
    )


_MONTH = re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])\Z")
_FIGURE = re.compile(r"[0-9]{1,16}(?:\.[0-9]{1,45})?\Z")  # as careerkit's gate writes them
_REGION = re.compile(r"US(?:-[A-Z]{2})?\Z")
_FOOTNOTES = re.compile(r"(?:[a-z0-9_]+=[458](?:;(?!\Z)|\Z))*\Z")


class _Release:
    """One OEWS release the catalogue reads: the shipped one, or one the user installed."""

    def __init__(self, number: int, installed: InstalledRelease | None) -> None:
        self.number = number
        """Its place in the stack (0: the shipped release)."""
        self.installed = installed
        """What the data store handed over, for a user's release; ``None`` for the shipped one."""
        self._blob = None if installed is None else installed.contents["oews.bin"]
        self.about = self._about()
        self.date: str = self.about["reference_date"]
        self.index = self._index()

    def _read(self, name: str) -> bytes:
        if self.installed is not None:
            return self.installed.contents[name]
        try:
            return (shipped_folder() / name).read_bytes()
        except OSError as error:
            raise self.damaged(name, f"cannot be read ({error.strerror or error})") from None

    def damaged(self, name: str, why: str) -> Exception:
        """The error for its file *name*, which cannot be read as careerkit wrote it."""
        if self.installed is not None:
            return self.installed.damaged(name, why)
        return shipped_damaged(name, why)

    def _about(self) -> dict[str, Any]:
        try:
            about = json.loads(self._read("release.json").decode("utf-8"))
        except (ValueError, RecursionError) as error:
            raise self.damaged("release.json", f"cannot be read as JSON ({error})") from None
        checks: dict[str, Callable[[Any], object]] = {
            "name": lambda value: isinstance(value, str),
            "reference_date": lambda value: isinstance(value, str) and _MONTH.match(value),
            "onet_version": lambda value: isinstance(value, str),
            "top_code_hour": lambda value: value is None or _is_figure(value),
            "top_code_year": lambda value: value is None or _is_figure(value),
            "files": lambda value: (
                isinstance(value, dict)
                and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
            ),
            "occupations": lambda value: type(value) is int,
            "major_groups": lambda value: (
                isinstance(value, dict)
                and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
            ),
            "all_occupations": lambda value: isinstance(value, dict),
        }
        if not isinstance(about, dict):
            raise self.damaged("release.json", "it is not an object")
        for name, check in checks.items():
            if not check(about.get(name)):
                raise self.damaged("release.json", f"its {name!r} is {shown(about.get(name))}")
        if self.installed is not None and about["reference_date"] != self.installed.reference_date:
            raise self.damaged("release.json", "its date is not the one the manifest records")
        return about

    def _index(self) -> dict[str, Occupation]:
        """The release's own index: each occupation with its one chunk, ``(self.number, ...)``."""
        try:
            lines = self._read("occupations.tsv").decode("utf-8").splitlines()
        except UnicodeDecodeError as error:
            raise self.damaged("occupations.tsv", f"is not UTF-8 text ({error.reason})") from None
        if not lines or lines[0] != _HEADER:
            raise self.damaged("occupations.tsv", "does not start with the catalogue's header")
        size = len(self._blob) if self._blob is not None else 0
        index = {}
        new, release = tuple.__new__, self.number  # Occupation(...) without its Python __new__
        for number, line in enumerate(lines[1:], 2):
            # one match checks a line of a user's release; the shipped index is the package's
            # own (its tests check it), read as fast as it can be
            found = _line().match(line) if self.installed is not None else None
            try:
                if self.installed is not None and (
                    found is None or int(found[8]) + int(found[9]) > size
                ):
                    raise ValueError(number)
                soc, career_id, onet, major, title, key, jobs, offset, length = line.split("\t")
                if soc in index:
                    raise ValueError(number)
                index[soc] = new(
                    Occupation,
                    (
                        soc,
                        career_id,
                        onet,
                        major,
                        title,
                        key or career_id,
                        int(jobs) if jobs else None,
                        ((release, int(offset), int(length)),),
                    ),
                )
            except ValueError:
                raise self.damaged(
                    "occupations.tsv", f"line {number} is not the catalogue's"
                ) from None
        if not index or len(index) != self.about["occupations"]:
            raise self.damaged("occupations.tsv", "it does not list the release's occupations")
        return index

    def rows(self, offset: int, length: int) -> list[list[str]]:
        """One occupation's rows: region first, then :data:`FIELDS`."""
        try:
            if self._blob is None:  # the shipped file, read whole on first use (1.8 MB, a
                self._blob = self._read("oews.bin")  # fraction of a millisecond): then sliced
            text = zlib.decompress(self._blob[offset : offset + length]).decode("utf-8")
        except (OSError, zlib.error, UnicodeDecodeError) as error:
            raise self.damaged("oews.bin", f"cannot be read ({error})") from None
        rows = [line.split("\t") for line in text.splitlines()]
        if not rows or set(map(len, rows)) != {len(FIELDS) + 1}:
            raise self.damaged("oews.bin", f"the figures at {offset} are not the catalogue's")
        if self.installed is not None:  # a user's release: every figure as careerkit writes one
            for row in rows:
                if not (
                    _REGION.match(row[0])
                    and all(not cell or _FIGURE.match(cell) for cell in row[1:-1])
                    and _FOOTNOTES.match(row[-1])
                    and _FIGURE.match(row[1] or "0") is not None
                    and "." not in row[1]
                ):
                    raise self.damaged(
                        "oews.bin", f"the figures at {offset} are not the catalogue's ({row[0]!r})"
                    )
        return rows

    def coverage(self) -> str:
        """``"national"``, or ``"national and state"``, for people."""
        areas = self.about.get("areas")
        return "national" if areas == ["US"] else "national and state"


def _is_figure(value: object) -> bool:
    return isinstance(value, str) and _FIGURE.match(value) is not None


class _Catalogue:
    """The releases in use, stacked: each date's figures, the newest release for "latest"."""

    def __init__(self, installed: Sequence[InstalledRelease]) -> None:
        releases = [_Release(0, None)]
        releases += [_Release(number, found) for number, found in enumerate(installed, 1)]
        # oldest date first; for one date, the shipped release first, then in the order installed
        releases.sort(key=lambda release: (release.date, release.number))
        self.releases = releases
        self.latest = releases[-1]
        self.dates = tuple(dict.fromkeys(release.date for release in releases))
        self.occupations = self._merged()
        groups: dict[str, str] = {}
        for release in releases:
            groups.update(release.about["major_groups"])
        self.major_groups = dict(sorted(groups.items()))

    def _merged(self) -> dict[str, Occupation]:
        if len(self.releases) == 1:  # the shipped release alone: its index is the catalogue's
            return self.releases[0].index
        from careerkit.model._checks import normalize_key

        place = {release.number: at for at, release in enumerate(self.releases)}
        released = _released_ids()
        taken = set(released.values())
        having: dict[str, list[Occupation]] = {}
        for release in self.releases:
            for soc, line in release.index.items():
                having.setdefault(soc, []).append(line)
        found = {}
        # released ids first, then each new occupation's (in SOC order): the same ids whichever
        # installed release brought an occupation in
        for soc in sorted(having, key=lambda soc: (soc not in released, soc)):
            lines = having[soc]
            newest = lines[-1]
            career_id = released.get(soc)
            if career_id is None:
                career_id = newest.id
                if career_id in taken:
                    career_id = f"{career_id}-{soc}"
                taken.add(career_id)
            found[soc] = Occupation(
                soc,
                career_id,
                next((line.onet for line in reversed(lines) if line.onet), ""),
                f"{soc[:2]}-0000",
                newest.title,
                normalize_key(newest.title),
                next((ln.employment for ln in reversed(lines) if ln.employment is not None), None),
                tuple((place[line.chunks[0][0]], *line.chunks[0][1:]) for line in lines),
            )
        return dict(sorted(found.items()))

    def figures(self, occupation: Occupation) -> list[tuple[str, list[tuple[_Release, list[str]]]]]:
        """*occupation*'s rows by date, oldest first: for each area of a date, the row of the
        release installed last that has it, nation first, then states by code."""
        by_date: dict[str, dict[str, tuple[_Release, list[str]]]] = {}
        for at, offset, length in occupation.chunks:
            release = self.releases[at]
            areas = by_date.setdefault(release.date, {})
            for row in release.rows(offset, length):
                areas[row[0]] = (release, row)
        return [
            (date, sorted(areas.values(), key=lambda item: (item[1][0] != "US", item[1][0])))
            for date, areas in by_date.items()
        ]

    def in_use(self, date: str) -> dict[tuple[str, str], list[str]]:
        """Every figure in use for *date*: ``{(SOC code, region): row}`` (region first)."""
        found = {}
        for occupation in self.occupations.values():
            for when, rows in self.figures(occupation):
                if when == date:
                    found.update({(occupation.soc, row[0]): row for _, row in rows})
        return found

    def layers(self, date: str) -> list[_Release]:
        """The releases of *date*, the one installed last first."""
        return [release for release in reversed(self.releases) if release.date == date]

    def clash(self, socs: Sequence[str]) -> tuple[Occupation, str, str, str | None] | None:
        """The first key an occupation of *socs* answers to that another career answers to
        too: ``(occupation, key as written, the other career for people, its SOC code)``.

        Each occupation of *socs* is checked, in order, against careerkit's own
        profiles, the occupations not in *socs* and those before it in *socs* (a
        profile that claims an occupation's SOC code is that occupation, and
        shares its keys). ``careerkit data update oews`` asks this of the
        catalogue a release would make, before installing it: two careers
        answering to one key would make every lookup fail (see
        :mod:`careerkit.catalogue._assembly`). Plug-ins' keys are not known here: a
        plug-in's career that clashes with an occupation is skipped with a
        warning, as any clash between plug-ins is.
        """
        owners: dict[str, tuple[str, str | None]] = {}  # normalized key -> (career, SOC code)
        claimed: dict[str | None, str] = {}
        for career_id, (soc, keys) in _profile_keys().items():
            claimed[soc] = career_id
            for key in keys:
                owners[key] = (f"career {career_id!r}" + (f" (SOC {soc})" if soc else ""), soc)
        checked = set(socs)
        last = [self.occupations[soc] for soc in socs if soc in self.occupations]
        first = [line for soc, line in self.occupations.items() if soc not in checked]
        for number, occupation in enumerate([*first, *last]):
            name = (
                f"career {claimed[occupation.soc]!r} (SOC {occupation.soc})"
                if occupation.soc in claimed
                else f"occupation {occupation.soc} ({occupation.title})"
            )
            for normal, key in occupation.lookup_keys().items():
                owner = owners.setdefault(normal, (name, occupation.soc))
                if owner[1] != occupation.soc and number >= len(first):
                    return occupation, key, *owner
        return None


def read_ids(path: Path) -> dict[str, str]:
    """The released ids in *path*, an ``ids.tsv``: ``{SOC code: id}``."""
    ids: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            soc, career_id = line.split("\t")
            ids[soc] = career_id
    return ids


def _profile_keys() -> dict[str, tuple[str | None, list[str]]]:
    """careerkit's own profiles' keys, normalized: ``{id: (SOC code, keys)}``.

    Read from ``profiles/keys.json``, which records each built-in profile's keys
    (``tools/profile_keys.py`` writes it; the tests hold it to the files).
    """
    from importlib import resources

    from careerkit.model._checks import normalize_key

    recorded = json.loads(
        resources.files("careerkit.profiles").joinpath("keys.json").read_text(encoding="utf-8")
    )
    return {
        entry["id"]: (entry["soc"], [normalize_key(key) for key in entry["keys"]])
        for entry in recorded.values()
    }


def _released_ids() -> dict[str, str]:
    """careerkit's released ids (the shipped ``ids.tsv``), ``{SOC code: id}``."""
    return read_ids(shipped_folder() / "ids.tsv")


def stacked(installed: Sequence[InstalledRelease]) -> _Catalogue:
    """The catalogue the shipped release and the *installed* ones make (``careerkit data update
    oews`` checks a release against it before installing it)."""
    return _Catalogue(installed)


@once
def _catalogue() -> _Catalogue:
    """The catalogue in use: the shipped release and those the user installed."""
    from careerkit.data import oews_releases

    return _Catalogue(oews_releases())


def occupations() -> Mapping[str, Occupation]:
    """The key index, ``{SOC code: Occupation}`` in SOC order, read once, thread-safely.

    Every occupation of every release in use: one that only an older release has
    (BLS's 11-1031, Legislators, last published for May 2024) is a career too.
    """
    return _catalogue().occupations


def release() -> Mapping[str, Any]:
    """The newest release in use: name, dates, files read with their sha256, top codes.

    An older release installed beside it adds history; it never takes its place.

    >>> release()["reference_date"], release()["occupations"]
    ('2025-05', 830)
    """
    return _catalogue().latest.about


def major_groups() -> Mapping[str, str]:
    """The SOC major groups, ``{"29-0000": "Healthcare Practitioners and Technical Occupations"}``."""
    return _catalogue().major_groups


data.on_change(_catalogue.cache_clear, kinds=("oews",))
