"""BLS OEWS for metropolitan and nonmetropolitan areas: where an area is, and its pay and jobs.

BLS publishes OEWS figures for 393 metropolitan areas (core-based statistical areas,
CBSAs, as the US Office of Management and Budget delineates them; BLS's area code is
``"00"`` and the CBSA code) and 135 nonmetropolitan areas (BLS's own groupings of a
state's counties outside every metropolitan area; the state's FIPS code and a number).
careerkit ships the May 2025 figures of every detailed occupation and of all
occupations in each (``areas.bin``, ``careerkit.catalogue._area_file``); a release
the user installs with its area figures adds its date (see :mod:`careerkit.data`).

Nothing here is read when careerkit is imported, a career is built or the catalogue
is listed: the areas' names on the first :func:`~careerkit.area` or :func:`~careerkit.areas`, and the
figures on the first question about an area's pay. Figures are made into bands and
employment exactly as the state figures are (:mod:`careerkit.catalogue.sources.oews`),
each band's :attr:`~careerkit.PayBand.area` naming its area.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from careerkit import data
from careerkit._once import once
from careerkit.catalogue._releases import shipped_damaged, shipped_folder
from careerkit.errors import AreaNotFoundError, PayBandNotFoundError, ValidationError, wrong_type
from careerkit.model.area import Area
from careerkit.model.employment import Employment
from careerkit.model.pay_band import PayBand

if TYPE_CHECKING:
    from careerkit.catalogue._area_file import AreaFigures
    from careerkit.data import InstalledRelease
    from careerkit.model import Career

NAME = (
    "BLS Occupational Employment and Wage Statistics (OEWS), metropolitan and nonmetropolitan areas"
)
"""The source, for people."""

READS: tuple[str, ...] = ("areas.bin",)
"""The files it reads (the shipped one in ``careerkit/catalogue``)."""

LICENCE = "public domain (a work of the US federal government)"
"""BLS's terms: public domain, with its disclaimer (:data:`careerkit.catalogue.DISCLAIMER`)."""

_WORD = re.compile(r"[^\W_]+")
_STATE_CODES = re.compile(r", ([A-Z]{2}(?:-[A-Z]{2})*)\Z")


class _Stack:
    """The area files in use: the shipped one and those of the user's releases, oldest first."""

    def __init__(self, files: Sequence[tuple[InstalledRelease | None, bytes | None]]) -> None:
        from careerkit.catalogue._area_file import AreaFormatError, header

        self._files = files
        self.heads: list[dict[str, Any]] = []
        for owner, blob in files:
            try:
                self.heads.append(header(blob if blob is not None else shipped_file()))
            except AreaFormatError as error:
                raise _damaged(owner, str(error)) from None
        self.areas = _areas(self.heads)
        self.words = {code: _words(found.name) for code, found in self.areas.items()}
        self.found: dict[str, Area] = {}  # key -> area, for keys that name one
        self.made: dict[tuple[str, str], tuple[Figures, int]] = {}  # (SOC, area) -> figures
        self._figures: list[AreaFigures | None] = [None] * len(files)

    def figures(self) -> list[AreaFigures]:
        """Every file's figures, oldest date first (each decoded on first use)."""
        from careerkit.catalogue._area_file import AreaFormatError, read

        for number, (owner, blob) in enumerate(self._files):
            if self._figures[number] is None:
                try:
                    self._figures[number] = read(blob if blob is not None else shipped_file())
                except AreaFormatError as error:
                    raise _damaged(owner, str(error)) from None
        return self._figures  # type: ignore[return-value]


def shipped_file() -> bytes:
    """The bytes of the shipped ``areas.bin``; a damaged catalogue's error where it cannot be read."""
    try:
        return (shipped_folder() / "areas.bin").read_bytes()
    except OSError as error:
        raise shipped_damaged("areas.bin", f"cannot be read ({error.strerror or error})") from None


def _damaged(owner: InstalledRelease | None, why: str) -> Exception:
    """The error for the ``areas.bin`` of *owner* (a user's release; ``None``: the shipped one),
    as for the release's other files: a user's names the file and ``careerkit data reset oews``."""
    if owner is None:
        return shipped_damaged("areas.bin", why)
    return owner.damaged("areas.bin", why)


def _areas(heads: Sequence[dict[str, Any]]) -> dict[str, Area]:
    """Every area of every file, by code, with the newest file's name, in code order."""
    from careerkit.catalogue._build import STATES

    names: dict[str, str] = {}
    for head in heads:
        names.update((code, name) for code, name in head["areas"])
    found = {}
    for code, name in sorted(names.items()):
        metropolitan = code.startswith("00")
        if metropolitan:
            listed = _STATE_CODES.search(name)
            states = [f"US-{state}" for state in listed[1].split("-")] if listed else []
        else:
            states = [f"US-{STATES[code[:2]]}"] if code[:2] in STATES else []
        found[code] = Area(
            code=code,
            cbsa=code[2:] if metropolitan else None,
            name=name,
            kind="metropolitan" if metropolitan else "nonmetropolitan",
            states=tuple(states),
        )
    return found


@once
def _stack() -> _Stack:
    from careerkit.catalogue._releases import _catalogue

    files: list[tuple[InstalledRelease | None, bytes | None]] = []
    for release in _catalogue().releases:  # oldest date first, as the figures stack
        if release.installed is None:
            files.append((None, None))
        elif "areas.bin" in release.installed.contents:
            files.append((release.installed, release.installed.contents["areas.bin"]))
    return _Stack(files)


data.on_change(_stack.cache_clear, kinds=("oews",))


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _matching(key: str, every: Sequence[Area]) -> list[Area]:
    """The areas whose name has a word starting with each of *key*'s words."""
    wanted = _words(key)
    if not wanted:
        return []
    words = _stack().words
    return [
        candidate
        for candidate in every
        if all(any(word.startswith(part) for word in words[candidate.code]) for part in wanted)
    ]


def area(key: Area | str) -> Area:
    """The area *key* names: BLS's area code (``"0012420"``), a CBSA code (``"12420"``),
    its name in any case (``"Austin-Round Rock-San Marcos, TX"``), or words that begin
    the words of one area's name (``"austin"``, ``"portland or"``).

    Where words name several areas and they are the whole first place of exactly one
    name, that one is meant (``"new york"`` is New York-Newark-Jersey City, not a
    nonmetropolitan area of New York state); otherwise
    :class:`~careerkit.AreaNotFoundError` (a ``LookupError``) lists the candidates
    (``"portland"``: Maine's and Oregon's; ``"michigan"``: Michigan City-La Porte, IN
    and Michigan's nonmetropolitan areas). An :class:`~careerkit.Area` must be one
    of BLS's, as :func:`areas` lists them.

    >>> import careerkit
    >>> careerkit.area("austin")
    <Area 0012420 'Austin-Round Rock-San Marcos, TX'>
    >>> careerkit.area("12420") == careerkit.area("0012420") == careerkit.area("AUSTIN-round rock")
    True
    >>> careerkit.area("portland")
    Traceback (most recent call last):
    ...
    careerkit.errors.AreaNotFoundError: 'portland' names 2 areas: 0038860 Portland-South Portland, ME; 0038900 Portland-Vancouver-Hillsboro, OR-WA; give the code or more of the name
    """
    if isinstance(key, Area):
        known = _stack().areas.get(key.code)
        if known != key:
            raise ValidationError(
                f"{key!r} is not one of BLS's areas"
                + ("" if known is None else f": BLS's {key.code} is {known!r}")
                + "; find an area with careerkit.area(code or name), not by making one",
                field="area",
            )
        return known
    if not isinstance(key, str):
        raise wrong_type(
            "an area as a BLS area code, a CBSA code or a name, such as 'austin' (or, where a "
            "region is asked for, an ISO 3166 code such as 'US-TX')",
            key,
        )
    stack = _stack()
    found = stack.found.get(key)
    if found is None:
        found = stack.found[key] = _find(key, stack)
    return found


def _find(key: str, stack: _Stack) -> Area:
    known = stack.areas
    text = key.strip()
    if text.isdigit() and text.isascii():
        code = text if len(text) == 7 else f"00{text}" if len(text) == 5 else None
        if code in known:
            return known[code]
        raise AreaNotFoundError(
            key,
            (),
            f"no area has the code {key!r}: BLS's area codes have 7 digits ('0012420'), "
            "CBSA codes 5 ('12420'); careerkit.areas() lists them",
        )
    exact = [found for found in known.values() if found.name.casefold() == text.casefold()]
    if exact:
        return exact[0]
    candidates = _matching(text, list(known.values()))
    if len(candidates) > 1:  # the one whose first place the words name whole ("new york")
        wanted = _words(text)
        first = [c for c in candidates if _words(_first_place(c.name)) == wanted]
        if len(first) == 1:
            return first[0]
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        listed = "; ".join(f"{c.code} {c.name}" for c in candidates[:12])
        more = f" and {len(candidates) - 12} more" if len(candidates) > 12 else ""
        raise AreaNotFoundError(
            key,
            candidates,
            f"{key!r} names {len(candidates)} areas: {listed}{more}; give the code or more "
            "of the name",
        )
    raise AreaNotFoundError(key, (), _not_found(key, list(known.values())))


def region_or_area(region: str | Area, *, field: str | None = "region") -> str | Area:
    """*region* checked, as every ``region=`` takes it: text shaped as an ISO 3166 code
    (:func:`~careerkit.model._iso.is_region_code`) is checked as one and returned as given;
    anything else is the :class:`~careerkit.Area` :func:`area` finds for it."""
    from careerkit.model._iso import check_region, is_region_code

    if is_region_code(region):
        check_region(region, field=field)  # type: ignore[arg-type]
        return region
    return area(region)


def _first_place(name: str) -> str:
    """The first place an area's name names: "New York" of "New York-Newark-Jersey City, NY-NJ"."""
    return name.split(",")[0].split("-")[0]


def _not_found(key: str, every: Sequence[Area]) -> str:
    from careerkit._once import load_rapidfuzz

    load_rapidfuzz()  # once, whole, whichever thread asks first
    from rapidfuzz import process

    close = process.extract(key, {a.code: a.name for a in every}, limit=3, score_cutoff=60)
    hint = (
        "; did you mean " + " or ".join(repr(name) for name, _, _ in close) + "?" if close else ""
    )
    return (
        f"no metropolitan or nonmetropolitan area is named {key!r}{hint} "
        "(careerkit.areas() lists the 528 areas BLS publishes; `careerkit areas TEXT` finds one)"
    )


def areas(text: str | None = None, *, state: str | None = None) -> tuple[Area, ...]:
    """The areas, in code order: all of them, those whose name has words starting with
    each word of *text*, and/or those lying (partly) in *state* (``"US-TX"``).

    >>> import careerkit
    >>> len(careerkit.areas()), len(careerkit.areas(state="US-TX"))
    (528, 32)
    >>> [found.code for found in careerkit.areas("portland")]
    ['0038860', '0038900']
    """
    every = list(_stack().areas.values())
    if text is not None:
        if not isinstance(text, str):
            raise wrong_type("text as a string, such as 'austin'", text, "text")
        every = _matching(text, every)
    if state is not None:
        from careerkit.model._iso import check_region

        check_region(state, field="state")
        if not state.startswith("US-"):
            raise ValidationError(
                f"{state!r} is no US state or territory: BLS's areas lie in the US; give "
                "an ISO 3166-2 code such as 'US-TX'",
                field="state",
            )
        every = [found for found in every if state in found.states]
    return tuple(every)


def _soc(career: Career) -> str:
    from careerkit.model import CodeSystem

    soc = career.codes.get(CodeSystem.SOC_2018)
    if soc is None:
        raise PayBandNotFoundError(
            f"{career.id} has no SOC-2018 code, and BLS's area figures are by SOC occupation; "
            "a career's area pay needs its SOC code"
        )
    return soc


def _rows(soc: str, where: Area) -> list[tuple[dict[str, Any], list[str]]]:
    """The rows of *soc* in *where*, one per date, oldest first: (the release's about, the
    row); of two files of one date, the one installed last."""
    stack = _stack()
    found: dict[str, tuple[dict[str, Any], list[str]]] = {}
    for head, figures in zip(stack.heads, stack.figures(), strict=True):
        row = figures.row(soc, where.code)
        if row is not None:
            found[head["about"]["reference_date"]] = (head["about"], row)
    return [found[date] for date in sorted(found)]


class Figures(NamedTuple):
    """What BLS published for one occupation (or all of them) in one area."""

    area: Area
    """The area."""
    pay: tuple[PayBand, ...]
    """Its pay bands, oldest date first, hourly then annual, each naming the area."""
    employment: tuple[Employment, ...]
    """Its employment figures, oldest date first."""


def figures(career: Career, key: Area | str) -> Figures:
    """*career*'s pay bands and employment in the area *key* names (:func:`~careerkit.area`), every
    date careerkit has; :class:`~careerkit.PayBandNotFoundError` where BLS published no
    figure for it there."""
    where = area(key)
    soc = _soc(career)
    found, rows = _of(soc, where)
    if not found.pay and not found.employment:
        why = (
            "BLS released no figure for it there"
            if rows
            else "BLS publishes no figures for it there (too few jobs to estimate, or "
            "estimates it did not release)"
        )
        raise PayBandNotFoundError(
            f"{career.id} (SOC {soc}) has no pay band for {where.name} ({where.code}): {why}"
        )
    return found


def all_occupations(key: Area | str) -> Figures:
    """The pay bands and employment of all occupations together (BLS's SOC 00-0000) in
    the area *key* names (:func:`~careerkit.area`): the yardstick an occupation's figures there are
    read against.

    >>> [str(band.median) for band in all_occupations("austin").pay]
    ['27.38', '56950']
    """
    return _of("00-0000", area(key))[0]


def _of(soc: str, where: Area) -> tuple[Figures, int]:
    """The figures of *soc* in *where*, and how many rows they come from (built once: the
    last few thousand asked for are kept)."""
    from careerkit.catalogue.sources.oews import area_figures

    stack = _stack()
    found = stack.made.get((soc, where.code))
    if found is None:
        rows = _rows(soc, where)
        found = Figures(where, *area_figures(rows, where)), len(rows)
        if len(stack.made) >= 4096:
            stack.made.clear()
        stack.made[soc, where.code] = found
    return found
