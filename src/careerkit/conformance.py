"""Conformance: the checks careerkit runs on its own profiles, for any profile.

:func:`check_profile` is what a downstream package calls in its tests (also
available from :mod:`careerkit.testing`); ``careerkit validate`` reports the same
problems for files on disk.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

import careerkit as ck

__all__ = ["check_profile", "profile_problems"]


def _indian(career: ck.Career) -> bool:
    regions = [band.region for band in career.pay]
    regions += [route.region for route in career.entry_routes]
    regions += [outlook.region for outlook in career.outlook]
    regions += [region for funding in career.funding for region in funding.regions]
    return any(region == "IN" or region.startswith("IN-") for region in regions)


def _texts(
    value: object, path: str, added: frozenset[str] = frozenset()
) -> Iterator[tuple[str, ck.Text]]:
    """The texts of *value* and the facts in it, but those of facts citing a source in *added*
    (an extension's: its provider answers for them, as the catalogue does for O*NET's English)."""
    if getattr(value, "source", None) in added:
        return
    for field in attrs.fields(type(value)):  # type: ignore[arg-type]
        if field.name in ("sources", "occupation_codes"):
            continue  # citations and classification titles: English may be all there is
        item = getattr(value, field.name)
        items = item if isinstance(item, tuple) else (item,)
        for index, element in enumerate(items):
            here = f"{path}{field.name}" + (f"[{index}]" if isinstance(item, tuple) else "")
            if isinstance(element, ck.Text):
                yield here, element
            elif attrs.has(type(element)):
                yield from _texts(element, here + ".", added)


def profile_problems(career: ck.Career, *, require_hindi: bool | None = None) -> list[str]:
    """What :func:`check_profile` finds wrong with *career*, one message each."""
    return [
        f"{path}: {message}" if path else message
        for path, message in _located_problems(career, require_hindi=require_hindi)
    ]


def _located_problems(
    career: ck.Career, *, require_hindi: bool | None = None
) -> list[tuple[str, str]]:
    """:func:`profile_problems` as ``(field path, message)`` pairs; the path is ``""`` for
    a problem of the whole profile (``careerkit validate`` finds each path's line)."""
    from careerkit.errors import CareerkitError, DataNotAvailableError, wrong_type

    if not isinstance(career, ck.Career):
        raise wrong_type("a Career", career, "career")
    problems: list[tuple[str, str]] = []
    try:
        if ck.from_toml(ck.to_toml(career)) != career:
            problems.append(("", "the profile does not survive a TOML dump and load unchanged"))
    except CareerkitError as error:
        problems.append(("", f"the dumped profile does not load back: {error}"))
    cited = {source_id for _, source_id in career.citations()}
    problems += [
        (f"sources[{index}].id", f"{source.id!r} is defined but no fact cites it")
        for index, source in enumerate(career.sources)
        if source.id not in cited
    ]
    for index, band in enumerate(career.pay):
        try:
            band.convert(period="year")
            if band.reference_date is not None and band.currency != "USD":
                band.convert(currency="USD")
        except DataNotAvailableError:
            pass  # a real currency or date careerkit has no series for: not the profile's fault
        except CareerkitError as error:
            problems.append((f"pay[{index}]", f"cannot be converted: {error}"))
    if require_hindi if require_hindi is not None else _indian(career):
        problems += [
            (path, "no Hindi text (an India-facing career states every fact in Hindi too)")
            for path, text in _texts(
                career, "", frozenset(s.id for s in career.sources if s.provider is not None)
            )
            if text.hi is None
        ]
    return problems


def check_profile(career: ck.Career, *, require_hindi: bool | None = None) -> None:
    """Fail (``AssertionError``) unless *career* meets careerkit's own bar.

    It must survive a TOML round trip unchanged, cite every source it defines,
    have pay bands that convert (to a year, and to USD at their date where
    careerkit has the rates), and, where it is India-facing (any region ``IN``
    or ``IN-*``) or ``require_hindi=True``, state every fact in Hindi as well as
    English.
    """
    problems = profile_problems(career, require_hindi=require_hindi)
    if problems:
        raise AssertionError(
            f"career {career.id!r} does not conform:\n" + "\n".join(f"  {p}" for p in problems)
        )
