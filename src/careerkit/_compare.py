"""``compare``: careers side by side, their pay in one unit and the facts that matter beside it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from careerkit import _hooks
from careerkit._display import fitted, gist, html_table
from careerkit.errors import (
    CareerkitError,
    PayBandNotFoundError,
    ValidationError,
    shown,
    wrong_type,
)
from careerkit.model import _iso
from careerkit.model.area import Area, place_of
from careerkit.model.career import Career
from careerkit.model.dates import ReferenceDate
from careerkit.model.pay_band import PayBand, Period, to_period
from careerkit.model.schedule import WorkSchedule
from careerkit.model.text import check_language
from careerkit.model.training import FundingKind
from careerkit.pay._bands import ConvertedPayBand
from careerkit.text.format import PERIOD_WORDS, format_figures

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

__all__ = ["Comparison", "ComparisonRow", "compare"]

_LABELS = {
    "en": {
        "pay": "Pay in {currency} per {period}",
        "prices": ", in prices of {date}",
        "given": "; undated figures taken as of {date} (given)",
        "career": "career",
        "region": "region",
        "stated": "as stated",
        "converted": "converted",
        "failed": "not converted: {reason}",
        "routes": "Entry routes",
        "fees": "Course fees",
        "funding": "Funding",
        "ladder": "Career ladder",
        "none": "none recorded",
    },
    "hi": {
        "pay": "वेतन: {currency}, {period}",
        "prices": ", {date} की कीमतों पर",
        "given": "; बिना तारीख़ के आँकड़े {date} के माने गए",
        "career": "करियर",
        "region": "क्षेत्र",
        "stated": "स्रोत के अनुसार",
        "converted": "परिवर्तित",
        "failed": "परिवर्तन नहीं हुआ: {reason}",
        "routes": "प्रवेश मार्ग",
        "fees": "पाठ्यक्रम शुल्क",
        "funding": "छात्रवृत्ति/ऋण",
        "ladder": "करियर में प्रगति",
        "none": "दर्ज नहीं",
    },
}
_FUNDING = {
    "en": {
        FundingKind.SCHOLARSHIP: "scholarships",
        FundingKind.LOAN: "loans",
        FundingKind.FREE_TRAINING: "free training",
    },
    "hi": {
        FundingKind.SCHOLARSHIP: "छात्रवृत्ति",
        FundingKind.LOAN: "ऋण",
        FundingKind.FREE_TRAINING: "निःशुल्क प्रशिक्षण",
    },
}


@attrs.frozen(repr=False)
class ComparisonRow:
    """One pay band of one career: as stated, and converted (or why it could not be)."""

    career: Career
    """The career the band belongs to."""
    band: PayBand
    """The pay band, as its source states it."""
    converted: ConvertedPayBand | None
    """The band in the comparison's unit; ``None`` where it could not be converted."""
    reason: str | None
    """Why the band could not be converted, else ``None``."""

    def __repr__(self) -> str:
        band = self.band
        date = "undated" if band.reference_date is None else str(band.reference_date)
        before = f"<ComparisonRow {self.career.id!r} {band.region} {band.currency}/"
        before += f"{band.period.value} {date}: "
        if self.converted is None:
            return fitted(before + "not converted, ", str(self.reason), ">")
        converted = self.converted
        unit = f" {converted.currency}/{converted.period.value}>"
        return fitted(before, gist(converted._figure_words()), unit, quote=False)


@attrs.frozen(repr=False)
class Comparison:
    """Careers side by side: one row per career and pay band, then the non-pay facts.

    ``str()`` is a text table in English; :meth:`render` takes a language and
    locale; :meth:`to_dict` is the same content as plain data (amounts as exact
    strings); :meth:`to_frame` and :meth:`to_polars` its rows as a DataFrame;
    ``_repr_html_`` shows it in a notebook.

    Several regions (``compare(..., region=["US-TX", "US-CA"])``) are one table: each
    row is labelled by its region (the table's region column, each row's ``region``
    and ``area`` in :meth:`to_dict`), and :attr:`region` is the tuple of their names
    (a list in :meth:`to_dict`). Below the table, each career's entry routes, course
    fees, funding and ladder: a profile's all four, "none recorded" where it records
    none; a catalogue occupation's (which records no fees, funding or ladder) only
    those it has. :meth:`to_dict` keeps all four for every career.
    """

    careers: tuple[Career, ...]
    """The careers compared, in the order given."""
    rows: tuple[ComparisonRow, ...]
    """One row per career and pay band: the band as stated, converted (or why it could not be)."""
    currency: str
    """The currency every band is converted to (ISO 4217)."""
    period: Period
    """The period every band is converted to."""
    prices_of: ReferenceDate | None
    """The date whose prices the figures are in; ``None``: each band's own date's prices."""
    region: str | tuple[str, ...] | None
    """The region compared (``"IN"``, ``"US-CA"``, an area's name); for several regions
    (``compare(region=[...])``), a tuple of them, in the order given; ``None``: the bands
    of whole countries."""
    when: ReferenceDate | None = None
    """The date the caller gave the bands their source left undated (``compare(when=...)``)."""

    def _heading(self, lang: str) -> str:
        labels = _LABELS[lang]
        period = self.period.value if lang == "en" else PERIOD_WORDS[lang][self.period]
        head = labels["pay"].format(currency=self.currency, period=period)
        if self.prices_of is not None:
            head += labels["prices"].format(date=self.prices_of.label(lang))
        if self.when is not None:
            head += labels["given"].format(date=self.when.label(lang))
        return head

    def render(self, lang: str = "en", locale: str | None = None) -> str:
        """The comparison as text in *lang*, amounts formatted for *locale*."""
        lang = check_language(lang)
        locale = locale or lang
        labels = _LABELS[lang]
        head = self._heading(lang)
        table = [(labels["career"], labels["region"], labels["stated"], labels["converted"])]
        for row in self.rows:
            converted = (
                format_figures(row.converted, locale, lang)
                if row.converted is not None
                # the table keeps the reason's first sentence; to_dict() has all of it
                else labels["failed"].format(reason=str(row.reason).split("; ")[0])
            )
            table.append(
                (
                    row.career.id,
                    place_of(row.band),
                    format_figures(row.band, locale, lang),
                    converted,
                )
            )
        widths = [max(len(line[i]) for line in table) for i in range(3)]
        lines = [head, ""]
        for line in table:
            cells = [cell.ljust(width) for cell, width in zip(line[:3], widths, strict=True)]
            lines.append("  ".join([*cells, line[3]]).rstrip())
        for career in self.careers:
            # A profile says what it records, even nothing; a catalogue occupation records
            # no fees, funding or ladder, so the sections it has nothing for are left out.
            profile = _is_profile(career)
            facts = [
                f"  {labels[key]}: {'; '.join(values) if values else labels['none']}"
                for key, values in self._facts(career, lang, locale).items()
                if values or profile
            ]
            if facts:
                lines += ["", f"{career.id}: {career.title.in_language(lang)}", *facts]
        return "\n".join(lines) + "\n"

    def _facts(self, career: Career, lang: str, locale: str) -> dict[str, list[str]]:
        routes = [
            f"{route.region}: "
            + " → ".join(t.in_language(lang) for t in (route.minimum_qualification, *route.steps))
            for route in career.entry_routes
        ]
        fees = [f"{fee.region}: {format_figures(fee, locale, lang)}" for fee in career.course_fees]
        funding = [
            f"{_FUNDING[lang][kind]}: "
            + ", ".join(f.name.in_language(lang) for f in career.funding if f.kind is kind)
            for kind in FundingKind
            if any(f.kind is kind for f in career.funding)
        ]
        ladder = (
            [" → ".join(step.in_language(lang) for step in career.ladder.steps)]
            if career.ladder
            else []
        )
        return {"routes": routes, "fees": fees, "funding": funding, "ladder": ladder}

    def __str__(self) -> str:
        return self.render()

    def to_dict(self) -> dict[str, Any]:
        """The comparison as plain data (JSON-ready: amounts are exact decimal strings)."""

        def figures(band: ConvertedPayBand) -> dict[str, Any]:
            return {
                "low": None if band.low is None else str(band.low.rounded()),
                "high": None if band.high is None else str(band.high.rounded()),
                "percentiles": {str(k): str(p.rounded()) for k, p in band.percentiles.items()},
                "mean": None if band.mean is None else str(band.mean.rounded()),
                "top_code": None if band.top_code is None else str(band.top_code.rounded()),
                "provenance": [step.describe() for step in band.provenance],
                "date_given": None if band.date_given is None else str(band.date_given),
            }

        return {
            "currency": self.currency,
            "period": self.period.value,
            "prices_of": None if self.prices_of is None else str(self.prices_of),
            "when": None if self.when is None else str(self.when),
            "region": list(self.region) if isinstance(self.region, tuple) else self.region,
            "rows": [
                {
                    "career": row.career.id,
                    "region": row.band.region,
                    "area": None if row.band.area is None else row.band.area.code,
                    "source": row.band.source,
                    "stated": {
                        "currency": row.band.currency,
                        "period": row.band.period.value,
                        "reference_date": None
                        if row.band.reference_date is None
                        else str(row.band.reference_date),
                        "low": None if row.band.low is None else str(row.band.low),
                        "high": None if row.band.high is None else str(row.band.high),
                        "percentiles": {str(k): str(v) for k, v in row.band.percentiles.items()},
                        "mean": None if row.band.mean is None else str(row.band.mean),
                        "mean_rse": None if row.band.mean_rse is None else str(row.band.mean_rse),
                        "top_code": None if row.band.top_code is None else str(row.band.top_code),
                        "top_coded": list(row.band.top_coded),
                    },
                    "converted": None if row.converted is None else figures(row.converted),
                    "error": row.reason,
                }
                for row in self.rows
            ],
            "careers": [
                {"id": career.id, "title": career.title.en, **self._facts(career, "en", "en")}
                for career in self.careers
            ],
        }

    def to_frame(self) -> pd.DataFrame:
        """The comparison as a pandas DataFrame, one row per career and band (the ``[pandas]`` extra).

        The band as stated (``career``, ``region``, ``area``, ``date``, ``currency``,
        ``period``, ``low``, ``p10`` ... ``high``, ``mean``, ...: the columns of
        :meth:`Career.to_frame("pay") <careerkit.Career.to_frame>`), then the comparison's
        unit (``converted_currency``, ``converted_period``, ``prices_of``), ``date_given``,
        each figure converted (``converted_low``, ``converted_median``, ...: ``float()`` of
        the Decimal :attr:`rows` hold) and ``reason``: why a band was not converted, its
        converted figures missing (never 0); missing where it was. See :doc:`/columns`.

        >>> import careerkit
        >>> frame = careerkit.compare("csr", currency="INR", period="month").to_frame()
        >>> first = frame.iloc[0]
        >>> first.date, float(first["median"]), round(float(first.converted_median), 2)
        ('2008-05', 14.36, 104545.53)
        """
        return _hooks.to_frame.call(self, "pandas")  # type: ignore[no-any-return]

    def to_polars(self) -> pl.DataFrame:
        """The comparison as a polars DataFrame: the rows and columns of :meth:`to_frame`,
        null where pandas has NaN (the ``[polars]`` extra)."""
        return _hooks.to_frame.call(self, "polars")  # type: ignore[no-any-return]

    def _repr_html_(self) -> str:
        rows = [
            (
                row.career.id,
                place_of(row.band),
                format_figures(row.band, "en", "en"),
                format_figures(row.converted, "en", "en")
                if row.converted is not None
                else f"not converted: {row.reason}",
            )
            for row in self.rows
        ]
        return html_table(
            rows,
            head=("career", "region", "as stated", "converted"),
            caption=self._heading("en"),
        )

    def __repr__(self) -> str:
        ids = ", ".join(career.id for career in self.careers)
        if isinstance(self.region, tuple):  # several regions: named, as one is in its rows
            ids += f" ({', '.join(self.region)})"
        period = self.period.value
        tail = f" in {self.currency} per {period}, {len(self.rows)} rows>"
        return fitted("<Comparison of ", ids, tail, quote=False)


def _is_profile(career: Career) -> bool:
    """Whether *career* is a profile (careerkit's own or a plug-in's): it cites a source of
    its own, not only the official sources the catalogue's occupations are made of."""
    from careerkit.catalogue.sources import SOURCES

    catalogue = {source_id for source in SOURCES for source_id in source.citations()}
    return any(source.id not in catalogue for source in career.sources)


def _bands(
    careers: tuple[Career, ...], region: str | Area | Sequence[str | Area] | None
) -> tuple[list[tuple[Career, PayBand]], str | tuple[str, ...] | None]:
    """Each career's bands of *region* (whole countries' without one), and the region's name;
    for a list or tuple of regions, each career's bands of each region in the order given
    (career by career), and the tuple of their names."""
    from careerkit.catalogue.sources.oews_areas import region_or_area

    if isinstance(region, list | tuple):
        places = _regions(region)
        each = [_of_region(careers, where)[0] for where in places]
        pairs = [pair for index in range(len(careers)) for found in each for pair in found[index]]
        return pairs, tuple(where.name if isinstance(where, Area) else where for where in places)
    if not (region is None or isinstance(region, str | Area)):  # a set has no order to keep
        raise wrong_type(
            "a region (an ISO 3166 code such as 'US-TX', or an area such as 'austin'), or a "
            "list or tuple of regions",
            region,
            "region",
        )
    where = None if region is None else region_or_area(region)
    found, name = _of_region(careers, where)
    return [pair for pairs in found for pair in pairs], name


def _regions(regions: Sequence[str | Area]) -> list[str | Area]:
    """The regions of a list given as ``region=``, each checked; an error names the one refused."""
    from careerkit.catalogue.sources.oews_areas import region_or_area
    from careerkit.errors import AreaNotFoundError, WrongTypeError

    if not regions:
        raise ValidationError(
            "expected one region or more, such as ['US-TX', 'US-CA']; None compares the bands "
            "of whole countries",
            field="region",
        )
    found: list[str | Area] = []
    seen: dict[str, int] = {}
    for index, region in enumerate(regions):
        field = f"region[{index}]"
        try:
            where = region_or_area(region, field=field)
        except AreaNotFoundError as error:
            raise AreaNotFoundError(error.key, error.candidates, f"{field}: {error}") from None
        except ValidationError as error:
            if error.field == field:
                raise
            kind = WrongTypeError if isinstance(error, WrongTypeError) else ValidationError
            raise kind(error.message, field=field) from None
        key = where.code if isinstance(where, Area) else where
        if key in seen:
            raise ValidationError(
                f"{shown(region)} is given twice (region[{seen[key]}] and {field}): give each "
                "region once",
                field="region",
            )
        seen[key] = index
        found.append(where)
    return found


def _of_region(
    careers: tuple[Career, ...], where: str | Area | None
) -> tuple[list[list[tuple[Career, PayBand]]], str | None]:
    """Each career's bands of *where*, a checked region or area (whole countries' without
    one), and its name; a region none of the careers has a band for is an error."""
    if isinstance(where, Area):
        found: list[list[tuple[Career, PayBand]]] = []
        for career in careers:
            try:
                found.append([(career, band) for band in career.pay_bands(where)])
            except PayBandNotFoundError:
                found.append([])  # as for a region: a career without figures there has no rows
        if not any(found):
            raise PayBandNotFoundError(
                f"none of {', '.join(career.id for career in careers)} has a pay band for "
                f"{where.name} ({where.code}): BLS published no figure for them there"
            )
        return found, where.name
    if where is not None and not any(
        band.region == where for career in careers for band in career.pay
    ):
        known = (band.region for career in careers for band in career.pay)
        raise PayBandNotFoundError(
            f"none of {', '.join(career.id for career in careers)} has a pay band for region "
            f"{where!r}; they have bands for {_iso.listed(known)}"
        )
    return [
        [(career, band) for band in _iso.of_region(career.pay, where)] for career in careers
    ], where


def compare(
    *careers: Career | str,
    currency: str,
    period: Period | str,
    prices_of: ReferenceDate | str | int | dt.date | None = None,
    region: str | Area | Sequence[str | Area] | None = None,
    schedule: WorkSchedule | None = None,
    when: ReferenceDate | str | int | dt.date | None = None,
) -> Comparison:
    """Compare careers (objects or lookup keys): their pay bands converted to one unit.

    With *region* (``"IN"``, ``"US"``, ``"US-CA"``, or a metropolitan or
    nonmetropolitan area as :meth:`Career.pay_bands <careerkit.Career.pay_bands>`
    takes it: ``"austin"``), the bands of that region;
    without, the bands of whole countries (``US``, ``IN``), not of states, which
    the US catalogue has 54 of per career. A list (or tuple) of regions compares
    them in one table: each career's bands of each region, in the order given, each
    row labelled by its region (``row.band.region`` and ``row.band.area``), and
    :attr:`Comparison.region` is the tuple of the regions' names;
    every region is checked as one region is (an error names the one refused, as
    ``region[1]``), and one given twice is an error. A band that cannot be converted (an
    undated band asked for other prices, a date outside the data) stays in the
    comparison with the reason, not dropped. *when* dates the bands their source
    left undated, and only those, as for :meth:`Career.pay_in
    <careerkit.Career.pay_in>`; the heading, each such row's ``converted.explain()``
    and :meth:`Comparison.to_dict` say the date was given.

    >>> import careerkit
    >>> table = careerkit.compare("csr", "pr-specialist", currency="INR", period="month")
    >>> [(row.career.id, str(row.band.reference_date)) for row in table.rows][:3]
    [('customer-service', '2008-05'), ('customer-service', 'None'), ('customer-service', '2025-05')]
    >>> states = careerkit.compare("29-1141", region=["US-TX", "US-CA"], currency="USD", period="year")
    >>> states.region, [row.band.region for row in states.rows]
    (('US-TX', 'US-CA'), ['US-TX', 'US-TX', 'US-CA', 'US-CA'])
    """
    from careerkit.registry import get

    found = tuple(career if isinstance(career, Career) else get(career) for career in careers)
    if not found:
        raise ValidationError("compare needs at least one career")
    _iso.check_currency(currency, field="currency")
    target = to_period(period)
    from careerkit.pay._bands import one_date

    date = one_date(prices_of)
    given = None if when is None else ReferenceDate.coerce(when, field="when")
    bands, region = _bands(found, region)
    rows: list[ComparisonRow] = []
    for career, band in bands:
        try:
            converted = band.convert(
                period=target,
                currency=currency,
                prices_of=date,
                schedule=schedule,
                when=given if band.reference_date is None else None,
            )
        except CareerkitError as error:
            rows.append(ComparisonRow(career, band, None, str(error)))
        else:
            rows.append(ComparisonRow(career, band, converted, None))
    return Comparison(found, tuple(rows), currency, target, date, region, given)
