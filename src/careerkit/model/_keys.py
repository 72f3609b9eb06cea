"""The keys a career answers to: its id, aliases, occupation codes and titles.

One rule, shared by the registry (which looks careers up by these keys) and the
catalogue (which reads careerkit's own profiles' keys, refuses an extension whose new
keys another career answers to, and gives the catalogue's id and title as aliases only
where a career does not answer to them already). Keys are compared normalized
(:func:`careerkit.model._checks.normalize_key`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from careerkit.model._checks import normalize_key
from careerkit.model.career import Career
from careerkit.model.codes import CodeSystem


def lookup_keys(career: Career) -> Iterator[str]:
    """Every key *career* answers to, as written: id, aliases, codes, titles.

    >>> from careerkit import Text
    >>> list(lookup_keys(Career(id="tea-taster", title=Text("Tea taster"), aliases=["taster"])))
    ['tea-taster', 'taster', 'Tea taster']
    """
    codes = ((system.value, code) for system, code in career.codes.items())
    return keys(career.id, career.aliases, codes, (career.title.en, career.title.hi))


def keys(
    career_id: str,
    aliases: Iterable[str],
    codes: Iterable[tuple[str, str]],
    titles: Iterable[str | None],
) -> Iterator[str]:
    """The keys of a career with these parts, as written (a profile's, before it is built).

    A SOC code also answers without its hyphen (``"291141"``, as some files write it);
    a SOC major group is a group, not the career (``careers(group=...)`` lists its members).
    """
    yield career_id
    yield from aliases
    for system, code in codes:
        if system == CodeSystem.SOC_2018_MAJOR:
            continue  # a group, not this career: careers(group=...) lists its members
        yield code
        if system == CodeSystem.SOC_2018:
            yield code.replace("-", "")  # "291141", as some files write it
    yield from (title for title in titles if title is not None)


def normalized(keys: Iterable[str]) -> dict[str, str]:
    """*keys* as a registry holds them: ``{normalized key: key as first written}``.

    >>> normalized(["Tea Taster", "tea-taster", "TT"])
    {'tea-taster': 'Tea Taster', 'tt': 'TT'}
    """
    found: dict[str, str] = {}
    for key in keys:
        found.setdefault(normalize_key(key), key)
    return found
