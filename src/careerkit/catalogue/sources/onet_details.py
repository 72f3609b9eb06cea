"""O*NET's detail files: preparation, tasks, tools, skills, specialties and related occupations.

careerkit ships, from the O*NET 29.3 database, what each occupation's career needs in
a compact form (``tools/build_knowledge.py`` writes it): ``onet.bin`` holds one
compressed chunk per SOC code (every O*NET-SOC occupation below it: the ``.00`` one and
its detail occupations), ``onet.tsv`` says where each chunk sits and names the detail
occupations (so that lookups know them without reading a chunk), and
``onet-reference.json`` holds the Job Zones' descriptions and the categories of
O*NET's education, experience and training scales. A chunk is read when its career is
first built.

``onet.bin`` is a first line ``careerkit-onet 1 <length> <Adler-32>\n`` (the format,
then the length of the dictionary in bytes and its Adler-32 in 8 hex digits), a zlib
preset dictionary of that length (at most 32 KiB: the text the chunks share most, such
as the names of skills and software), then the chunks. Each chunk is a zlib stream
compressed against that dictionary (``zlib.decompressobj(zdict=...)`` reads it) of the
chunk's JSON, UTF-8, ``{O*NET-SOC code: {field: value}}``; ``onet.tsv``'s offsets
count from the start of ``onet.bin``. The dictionary is read once per process, with
the first chunk.

An occupation with an O*NET-SOC code gains its :class:`~careerkit.Preparation` (Job
Zone and the shares of workers by required education, related work experience and
on-the-job training), its task statements as ``duties`` (core tasks first; a
supplemental task says so in its note; a task O*NET gives no type has none), its
:class:`~careerkit.Tool` list, its :class:`~careerkit.Skill` list (skills and knowledge
areas, most important first), its :class:`~careerkit.Specialty` list (the detail
occupations; for an aggregate OEWS publishes as a whole, such as 13-1020, the O*NET
occupations it comprises) and its related occupations,
all citing ``ONET_DETAILS_SOURCE``. Estimates O*NET advises suppressing
(``Recommend Suppress = Y``) are kept absent (``None``), never shown as figures.
"""

from __future__ import annotations

import json
import re
import zlib
from typing import TYPE_CHECKING, Any

from careerkit._once import once
from careerkit.catalogue._interned import Shared, decimals, labels, prose
from careerkit.catalogue._lines import lines_of
from careerkit.catalogue._releases import shipped_damaged, shipped_folder, shipped_text

if TYPE_CHECKING:
    from careerkit.catalogue._releases import Occupation
    from careerkit.catalogue.sources._source import Contribution
    from careerkit.model import CategoryShare, RelatedOccupation, Skill, Source, Text, Tool

NAME = "O*NET Database: detail files"
"""The source, for people."""

READS: tuple[str, ...] = ("onet.tsv", "onet.bin", "onet-reference.json")
"""The files it reads, shipped in ``careerkit/catalogue``."""

LICENCE = "CC BY 4.0"
"""O*NET's licence: credit it (the source's note does), and say what was changed."""

ONET_DETAILS_SOURCE = "onet-29-3"
"""The source id every fact of O*NET's detail files cites."""

FILES = (
    "Job Zones",
    "Job Zone Reference",
    "Education, Training, and Experience",
    "Education, Training, and Experience Categories",
    "Task Statements",
    "Technology Skills",
    "Skills",
    "Knowledge",
    "Related Occupations",
    "Occupation Data",
)
"""The O*NET files careerkit's compact files are written from."""


@once
def reference() -> dict[str, Any]:
    """``onet-reference.json``: the version, the Job Zones, the scales' categories, the files."""
    try:
        found: dict[str, Any] = json.loads(shipped_text("onet-reference.json"))
        zones, categories = found["job_zones"], found["categories"]
        complete = isinstance(found["version"], str) and all(
            isinstance(zones[str(zone)][part], str)
            for zone in range(1, 6)
            for part in ("name", "experience", "education", "training")
        )
        complete = complete and all(isinstance(categories[scale], dict) for *_, scale in _SCALES)
    except (ValueError, RecursionError, KeyError, TypeError) as error:
        raise shipped_damaged(
            "onet-reference.json", f"not as careerkit writes it ({error!r})"
        ) from None
    if not complete:
        raise shipped_damaged("onet-reference.json", "a version, Job Zone or scale is not text")
    return found


@once
def _index_text() -> str:
    """``onet.tsv`` as written: ``soc, offset, length`` then ``code, title, title's key`` of
    each specialty, tab-separated, a line per SOC code (searched, not split: see :func:`chunk`)."""
    text = shipped_text("onet.tsv")
    if not text.startswith("soc\toffset\tlength\tspecialties\n"):
        raise shipped_damaged("onet.tsv", "its header should be soc, offset, length, specialties")
    return text


_FORMAT = re.compile(rb"careerkit-onet 1 ([0-9]{1,5}) ([0-9a-f]{8})\n")
"""``onet.bin``'s first line: the format, the dictionary's length and its Adler-32."""


@once
def _dictionary() -> tuple[bytes, int]:
    """The zlib preset dictionary ``onet.bin`` holds after its first line (read once), and the
    Adler-32 that line gives it.

    zlib checks the dictionary against the Adler-32 each chunk names before it reads one;
    :func:`chunk` compares it with this one only when a chunk cannot be read, to say which
    is damaged.
    """
    try:
        with (shipped_folder() / "onet.bin").open("rb") as file:
            form = _FORMAT.fullmatch(file.readline(40))
            preset = file.read(int(form[1])) if form else b""
    except OSError as error:
        raise shipped_damaged("onet.bin", f"cannot be read ({error.strerror or error})") from None
    if form is None:
        raise shipped_damaged(
            "onet.bin", "its first line should be 'careerkit-onet 1', a length and an Adler-32"
        )
    if len(preset) != int(form[1]):
        raise shipped_damaged("onet.bin", "its compression dictionary is cut short")
    return preset, int(form[2], 16)


_WHOLE: list[tuple[str, tuple[bytes, int], bytes]] = []


def _whole(index: str, dictionary: tuple[bytes, int]) -> bytes:
    """``onet.bin``, read whole once (1.8 MB, a fraction of a millisecond; building every
    career then slices it rather than opening it 830 times), with the *index* and the
    *dictionary* that go with it: read again when either is (as when the data change)."""
    found = _WHOLE[-1] if _WHOLE else None
    if found is None or found[0] is not index or found[1] is not dictionary:
        try:
            whole = (shipped_folder() / "onet.bin").read_bytes()
        except OSError as error:
            why = f"cannot be read ({error.strerror or error})"
            raise shipped_damaged("onet.bin", why) from None
        found = (index, dictionary, whole)
        _WHOLE[:] = [found]
    return found[2]


_SPECIALTIES = re.compile(r"^([0-9]{2}-[0-9]{4})\t[0-9]+\t[0-9]+\t(.+)$", re.MULTILINE)


@once
def specialty_keys() -> dict[str, dict[str, str]]:
    """The keys each SOC code's specialties add to its career, ``{normalized key: key as
    written}``: their codes and titles (the index holds each title's key, worked out by the
    builder as :func:`~careerkit.registry.normalize_key` does; a code's is its dot a hyphen)."""
    found = {}
    for soc, rest in _SPECIALTIES.findall(_index_text()):
        parts = rest.split("\t")
        keys = {}
        for code, title, key in zip(parts[::3], parts[1::3], parts[2::3], strict=True):
            keys[code.replace(".", "-")] = code
            keys.setdefault(key, title)
        found[soc] = keys
    return found


def chunk(soc: str) -> dict[str, dict[str, Any]]:
    """What O*NET's detail files say of every O*NET-SOC occupation below *soc*, by code.

    The index is searched for *soc*'s line rather than read into a dict: a cold lookup
    of one career reads one line of it (building many careers, an index of its lines).
    """
    index = _index_text()
    line = lines_of(index).get(soc)
    if line is None:
        return {}
    offset, length = [*line.split("\t", 3), "", ""][1:3]
    if not (offset.isascii() and offset.isdigit() and length.isascii() and length.isdigit()):
        raise shipped_damaged("onet.tsv", f"the line of {soc} is not as careerkit writes it")
    dictionary = _dictionary()
    preset, adler = dictionary
    inflate = zlib.decompressobj(zdict=preset)
    packed = _whole(index, dictionary)[int(offset) : int(offset) + int(length)]
    try:
        text = inflate.decompress(packed)
        whole = inflate.eof and not inflate.unused_data  # a zlib stream of exactly *length*
        found: dict[str, dict[str, Any]] = json.loads(text) if whole else {}
    except (zlib.error, ValueError, RecursionError) as error:
        if zlib.adler32(preset) != adler:
            why = "its compression dictionary is not the one its first line describes"
            raise shipped_damaged("onet.bin", why) from None
        raise shipped_damaged("onet.bin", f"the chunk of {soc} cannot be read ({error})") from None
    if not whole:
        why = f"the chunk of {soc} cannot be read (its zlib stream is not {length} bytes long)"
        raise shipped_damaged("onet.bin", why)
    if not isinstance(found, dict) or not all(isinstance(item, dict) for item in found.values()):
        raise shipped_damaged("onet.bin", f"the chunk of {soc} is not a table of occupations")
    return found


@once
def citations() -> dict[str, Source]:
    """The :class:`~careerkit.Source` O*NET's detail facts cite, by id."""
    from careerkit.catalogue.sources.onet import CHANGES
    from careerkit.model import Source, Text

    version = reference()["version"]
    attribution = (
        f"This product includes information from the O*NET {version} Database by the U.S. "
        "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under "
        "the CC BY 4.0 license. O*NET is a trademark of USDOL/ETA."
    )
    changes = CHANGES.replace(
        "it keeps only the title and description of each occupation",
        "it keeps, of each occupation, the Job Zone, the shares of the education, related work "
        "experience and on-the-job training categories (an estimate O*NET advises suppressing "
        "is kept without its figure), the task statements, technology skills, skills and knowledge ratings, related "
        "occupations and the detail occupations' titles and descriptions",
    )
    return {
        ONET_DETAILS_SOURCE: Source(
            id=ONET_DETAILS_SOURCE,
            title=Text(f"O*NET {version} Database: " + ", ".join(FILES)),
            publisher=Text(
                "National Center for O*NET Development, for the U.S. Department of Labor, "
                "Employment and Training Administration (USDOL/ETA)"
            ),
            url="https://www.onetcenter.org/database.html",
            date_note=Text(
                f"Database release {version} (May 2025); entries carry their own dates."
            ),
            note=Text(f"{attribution} {changes}"),
        )
    }


_SUPPLEMENTAL = "Supplemental task: O*NET rates it less relevant or important than the core tasks."


def facts(occupation: Occupation) -> Contribution:
    """*occupation*'s preparation, tasks, tools, skills, specialties and related occupations."""
    details = chunk(occupation.soc)
    if not details:
        return {}
    try:
        return _facts(occupation, details)
    except (KeyError, TypeError, ValueError, IndexError, ArithmeticError) as error:
        why = f"the chunk of {occupation.soc} is not as careerkit writes it ({error!r})"
        raise shipped_damaged("onet.bin", why) from None


def _facts(occupation: Occupation, details: dict[str, dict[str, Any]]) -> Contribution:
    own = f"{occupation.soc}.00"  # an OEWS aggregate (13-1020) has none: its parts are its specialties
    main = details.get(own, {})
    from careerkit.model import Fact, Specialty
    from careerkit.model._checks import trusted

    # Built without validating again (see careerkit.model._checks.trusted), what many careers
    # hold alike made once (_interned): the tests build every one of them again through the
    # validating constructors (tests/test_catalogue_knowledge.py).
    source = ONET_DETAILS_SOURCE
    new_fact, new_text, label = trusted(Fact), prose(), labels
    tools, skills, related = _shared()
    supplemental = _supplemental()
    found: Contribution = {
        "duties": tuple(
            new_fact(
                text=new_text(text), source=source, note=supplemental if core is False else None
            )
            for text, core in main.get("tasks", ())
        ),
        # name, commodity, category, hot, in_demand
        "tools": tuple(tools[tuple(tool)] for tool in main.get("tools", ())),
        # name, kind, importance, level, not relevant
        "skills": tuple(skills[tuple(skill)] for skill in main.get("skills", ())),
        "specialties": tuple(
            trusted(Specialty)(
                code=code,
                title=label[detail["title"]],
                source=source,
                description=new_text(detail["description"]) if detail.get("description") else None,
                tasks=tuple(new_text(text) for text, _ in detail.get("tasks", ())),
                job_zone=detail.get("zone"),
            )
            for code, detail in details.items()
            if code != own
        ),
        # code, title, tier
        "related_occupations": tuple(
            related[tuple(occupation)] for occupation in main.get("related", ())
        ),
    }
    preparation = _preparation(main)
    if preparation is not None:
        found["preparation"] = (preparation,)
    return {name: facts for name, facts in found.items() if facts}


@once
def _shared() -> tuple[Shared[Tool], Shared[Skill], Shared[RelatedOccupation]]:
    """The tools, skills' ratings and related occupations careers share, each made once from
    its fields in the chunk (its list, as a tuple)."""
    from careerkit.model import RelatedOccupation, Skill, Tool
    from careerkit.model._checks import trusted

    source, new_tool, new_skill = ONET_DETAILS_SOURCE, trusted(Tool), trusted(Skill)
    new_related, figure = trusted(RelatedOccupation), decimals

    def tool(name: str, commodity: int | None, category: str, hot: bool, in_demand: bool) -> Tool:
        return new_tool(
            name=name,
            category=category,
            source=source,
            commodity=commodity,
            hot=hot,
            in_demand=in_demand,
        )

    def skill(
        name: str, kind: str, importance: str | None, level: str | None, not_relevant: bool
    ) -> Skill:
        return new_skill(
            name=name,
            kind=kind,
            source=source,
            importance=None if importance is None else figure[importance],
            level=None if level is None else figure[level],
            relevant=not not_relevant,
        )

    def related(code: str, title: str, tier: str | None) -> RelatedOccupation:
        return new_related(code=code, title=labels[title], source=source, tier=tier)

    return Shared(tool), Shared(skill), Shared(related)


@once
def _supplemental() -> Text:
    from careerkit.model import Text

    return Text(_SUPPLEMENTAL)


_SCALES = (
    ("education_shares", "education", "RL"),
    ("experience_shares", "experience", "RW"),
    ("training_shares", "training", "OJ"),
)


def _preparation(main: dict[str, Any]) -> Any:
    """The :class:`~careerkit.Preparation` of an occupation's chunk entry, or ``None``."""
    zone = main.get("zone")
    if zone is None:
        return None
    from careerkit.model import Preparation
    from careerkit.model._checks import trusted

    about = reference()
    described = about["job_zones"][str(zone)]
    shares = _shares(about)
    found = {
        field: tuple(shares[(scale, *share)] for share in main.get(key, ()))
        for field, key, scale in _SCALES
    }
    return trusted(Preparation)(
        job_zone=zone,
        name=labels[described["name"]],
        experience=labels[described["experience"]],
        education=labels[described["education"]],
        training=labels[described["training"]],
        source=ONET_DETAILS_SOURCE,
        **found,
    )


_SHARES: list[tuple[dict[str, Any], Shared[CategoryShare]]] = []


def _shares(about: dict[str, Any]) -> Shared[CategoryShare]:
    """The category shares careers share, each made once from ``(scale, category, percent)``,
    labelled as *about* (:func:`reference`) says: made again when it is read again."""
    found = _SHARES[-1] if _SHARES else None
    if found is not None and found[0] is about:
        return found[1]
    from careerkit.model import CategoryShare
    from careerkit.model._checks import trusted

    new_share, figure = trusted(CategoryShare), decimals

    def share(scale: str, category: int, percent: str | None) -> CategoryShare:
        return new_share(
            category=category,
            label=labels[about["categories"][scale][str(category)]],
            percent=None if percent is None else figure[percent],
        )

    shares = Shared(share)
    _SHARES[:] = [(about, shares)]
    return shares
