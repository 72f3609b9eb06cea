"""An area below the state: one of BLS's metropolitan or nonmetropolitan areas."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import attrs

from careerkit.errors import ValidationError
from careerkit.model import _checks

if TYPE_CHECKING:
    from careerkit.model.employment import Employment
    from careerkit.model.pay_band import CourseFee, PayBand

__all__ = ["Area", "place_of"]

KINDS = ("metropolitan", "nonmetropolitan")
"""The kinds of area BLS publishes OEWS figures for."""


def _digits(value: object, count: int) -> bool:
    return isinstance(value, str) and len(value) == count and value.isascii() and value.isdigit()


def _code(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not _digits(value, 7):
        raise ValidationError(
            f"{value!r} is not a BLS area code: expected 7 digits, such as '0012420'",
            field=attribute.name,
        )


def _cbsa(instance: Area, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is None:
        return
    if not _digits(value, 5):
        raise ValidationError(
            f"{value!r} is not a CBSA code: expected 5 digits, such as '12420', or None "
            "for a nonmetropolitan area",
            field=attribute.name,
        )


def _kind(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in KINDS:
        raise ValidationError(
            f"{value!r} is not a kind of area: expected 'metropolitan' or 'nonmetropolitan'",
            field=attribute.name,
        )


def _states(_: object, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
    _checks.regions(_, attribute, value)  # type: ignore[arg-type]
    if not value or any(not code.startswith("US-") for code in value):  # type: ignore[attr-defined]
        raise ValidationError(
            f"{value!r}: an area lies in one or more US states or territories, such as "
            "('US-NY', 'US-NJ')",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True, repr=False)
class Area:
    """One of the areas BLS publishes OEWS figures for below the state.

    A *metropolitan* area is a core-based statistical area (CBSA) as the US Office of
    Management and Budget delineates it, and its BLS code is ``"00"`` and the CBSA
    code; a *nonmetropolitan* area is BLS's own grouping of the counties of one state
    outside every metropolitan area, coded with the state's FIPS code. Find one with
    :func:`careerkit.area`; :func:`careerkit.areas` lists them.

    >>> austin = Area(code="0012420", cbsa="12420", name="Austin-Round Rock-San Marcos, TX",
    ...               kind="metropolitan", states=("US-TX",))
    >>> austin
    <Area 0012420 'Austin-Round Rock-San Marcos, TX'>
    >>> str(austin), austin.region
    ('Austin-Round Rock-San Marcos, TX', 'US-TX')
    """

    code: str = attrs.field(validator=_code)
    """BLS's 7-digit area code: ``"0012420"`` (metropolitan), ``"3600001"`` (nonmetropolitan)."""
    cbsa: str | None = attrs.field(default=None, validator=_cbsa)
    """The CBSA code of a metropolitan area (``"12420"``); ``None`` for a nonmetropolitan one."""
    name: str = attrs.field(validator=_checks.nonblank)
    """The name as BLS publishes it: ``"New York-Newark-Jersey City, NY-NJ"``."""
    kind: Literal["metropolitan", "nonmetropolitan"] = attrs.field(validator=_kind)
    """``"metropolitan"`` or ``"nonmetropolitan"``."""
    states: tuple[str, ...] = attrs.field(converter=_checks.to_tuple, validator=_states)
    """The states and territories it lies in (ISO 3166-2: ``("US-NY", "US-NJ")``), as its
    name gives them (a nonmetropolitan area's: its code's)."""

    def __attrs_post_init__(self) -> None:
        metropolitan = self.kind == "metropolitan"
        if metropolitan != (self.cbsa is not None) or (
            self.cbsa is not None and self.code != "00" + self.cbsa
        ):
            raise ValidationError(
                f"a metropolitan area has a CBSA code and is coded '00' + it; a "
                f"nonmetropolitan area has none (got code {self.code!r}, cbsa {self.cbsa!r}, "
                f"kind {self.kind!r})",
                field="cbsa",
            )

    @property
    def region(self) -> str:
        """The ISO 3166 region its bands carry: its state where it lies in one, else ``"US"``."""
        return self.states[0] if len(self.states) == 1 else "US"

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"<Area {self.code} {self.name!r}>"


def place_of(item: PayBand | Employment | CourseFee) -> str:
    """Where a band's or employment figure's numbers are of, for people: the area's name,
    else the region's code (``"US-TX"``)."""
    area: Area | None = getattr(item, "area", None)
    return item.region if area is None else area.name
