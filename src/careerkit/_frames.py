"""DataFrames of careerkit's tables: every ``to_frame()`` (pandas) and ``to_polars()`` (polars).

Search results, a comparison, a pay history and a career's pay bands, employment and
outlook each become a table here, one row per item, in one vocabulary of columns
(:data:`KINDS`, documented once in ``docs/columns.md``) that
:func:`careerkit.pandas.careers_frame`, ``growth_frame``, ``pay_position`` and
``classify`` share: the same name always holds the same thing, of the same type.

Rows are worked out once, as plain values (money as ``float()`` of the Decimal the
scalar path holds, a date as its text ``'2025-05'``, ``None`` where there is no figure),
and then handed to pandas or polars, imported here on first use: pandas and polars are
optional extras, and a missing one raises the error ``import careerkit.pandas`` raises,
naming what to install. Every object reaches this module through the ``to_frame`` hook
(:mod:`careerkit._hooks`), so that only it (and the front ends) import a DataFrame library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from careerkit._search import SearchResults
from careerkit.errors import MissingExtraError, ValidationError, shown, wrong_type
from careerkit.model import _iso
from careerkit.model.career import Career
from careerkit.model.pay_band import PayBand
from careerkit.pay._history import PayHistory

if TYPE_CHECKING:
    from careerkit._compare import Comparison
    from careerkit.model import Area, Employment, Outlook, ReferenceDate
    from careerkit.pay import ConvertedPayBand

__all__ = ["KINDS", "TABLES", "Library", "comparison_frame", "frame", "kind_of"]

Kind = Literal["text", "int", "float", "bool"]
Library = Literal["pandas", "polars"]

KINDS: Mapping[str, Kind] = {
    # who and where
    "id": "text",
    "career": "text",
    "title": "text",
    "soc": "text",
    "major_group": "text",
    "region": "text",
    "area": "text",
    "source": "text",
    # dates
    "date": "text",
    "band_date": "text",
    "since": "text",
    "until": "text",
    "prices_of": "text",
    "date_given": "text",
    "base_year": "int",
    "projected_year": "int",
    # pay: figures in currency per period
    "currency": "text",
    "period": "text",
    "statistic": "text",
    "low": "float",
    "median": "float",
    "high": "float",
    "mean": "float",
    "mean_rse": "float",
    "top_code": "float",
    "top_coded": "text",
    "indicative": "bool",
    "pay": "float",
    "hourly_median": "float",
    "annual_median": "float",
    "converted_currency": "text",
    "converted_period": "text",
    "reason": "text",
    # pay over time
    "earlier": "float",
    "later": "float",
    "earlier_in_later_prices": "float",
    "nominal": "float",
    "real": "float",
    "cut": "text",
    # jobs
    "employment": "int",
    "employment_rse": "float",
    "per_1000": "float",
    "location_quotient": "float",
    "projected_employment": "int",
    "change": "int",
    "change_percent": "float",
    "openings": "int",
    "self_employed_percent": "float",
    # getting in
    "education": "text",
    "job_zone": "int",
    # matching and placing
    "score": "float",
    "field": "text",
    "matched": "text",
    "bracket": "text",
    "lower": "int",
    "upper": "int",
    "percentile": "float",
}
"""Every column name of careerkit's frames and what it holds (text, a whole number, a float
or a truth value), besides ``pNN`` (a percentile, float) and ``converted_`` + a figure's name:
``docs/columns.md`` says what each means."""

_PERCENTILE = re.compile(r"(?:converted_)?p[1-9][0-9]?\Z")
_STANDARD = (10, 25, 50, 75, 90)  # BLS's percentiles: always a column, even where empty
_WHO = ("career", "region", "area", "date")
_STATED = ("currency", "period")  # then low, the percentiles, high
_AFTER = ("mean", "mean_rse", "top_code", "top_coded", "indicative", "source")

TABLES: Mapping[str, tuple[str, ...]] = {
    "search": ("id", "title", "soc", "score", "field", "matched"),
    "pay": (*_WHO, *_STATED, "low", "p10", "p25", "median", "p75", "p90", "high", *_AFTER),
    "employment": (
        *_WHO,
        "employment",
        "employment_rse",
        "per_1000",
        "location_quotient",
        "source",
    ),
    "outlook": (
        "career",
        "region",
        "base_year",
        "projected_year",
        "employment",
        "projected_employment",
        "change",
        "change_percent",
        "openings",
        "self_employed_percent",
        "source",
    ),
    "history": (
        "career",
        "region",
        "statistic",
        "date",
        "pay",
        "currency",
        "period",
        "top_coded",
        "source",
    ),
}
"""The columns of each table, in order (a comparison's: :func:`comparison_frame`). A pay
table has a ``pNN`` column for each further percentile one of its bands gives."""

_CAREER_TABLES = ("pay", "employment", "outlook")


def kind_of(name: str) -> Kind:
    """What column *name* holds (see :data:`KINDS`)."""
    if _PERCENTILE.match(name):
        return "float"
    if name.startswith("converted_") and name[len("converted_") :] in TABLES["pay"]:
        return KINDS[name[len("converted_") :]]
    return KINDS[name]


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _date(date: ReferenceDate | None) -> str | None:
    return None if date is None else str(date)


def _percentile(key: int) -> str:
    return "median" if key == 50 else f"p{key}"


def _figures(keys: Iterable[int]) -> list[str]:
    """low, a column per percentile (BLS's five and any other in *keys*), high."""
    return ["low", *(_percentile(key) for key in sorted({*_STANDARD, *keys})), "high"]


def _band_row(band: PayBand) -> dict[str, object]:
    row: dict[str, object] = {
        "region": band.region,
        "area": None if band.area is None else band.area.name,
        "date": _date(band.reference_date),
        "currency": band.currency,
        "period": band.period.value,
        "low": _float(band.low),
        "high": _float(band.high),
        "mean": _float(band.mean),
        "mean_rse": _float(band.mean_rse),
        "top_code": _float(band.top_code),
        "top_coded": ", ".join(band.top_coded) or None,
        "indicative": band.indicative,
        "source": band.source,
    }
    row.update((_percentile(key), float(amount)) for key, amount in band.percentiles.items())
    return row


def _converted_row(band: ConvertedPayBand) -> dict[str, object]:
    found = {"low": band.low, "high": band.high, "mean": band.mean, "top_code": band.top_code}
    found.update((_percentile(key), pay) for key, pay in band.percentiles.items())
    row: dict[str, object] = {
        f"converted_{name}": None if pay is None else float(pay.amount)
        for name, pay in found.items()
    }
    row["date_given"] = _date(band.date_given)
    return row


def _pay_rows(career: str, bands: Sequence[PayBand]) -> tuple[list[str], list[dict[str, object]]]:
    keys = {key for band in bands for key in band.percentiles}
    columns = [*_WHO, *_STATED, *_figures(keys), *_AFTER]
    return columns, [{"career": career, **_band_row(band)} for band in bands]


def _employment_row(career: str, jobs: Employment) -> dict[str, object]:
    return {
        "career": career,
        "region": jobs.region,
        "area": None if jobs.area is None else jobs.area.name,
        "date": _date(jobs.reference_date),
        "employment": jobs.count,
        "employment_rse": _float(jobs.rse),
        "per_1000": _float(jobs.per_1000),
        "location_quotient": _float(jobs.location_quotient),
        "source": jobs.source,
    }


def _outlook_row(career: str, outlook: Outlook) -> dict[str, object]:
    return {
        "career": career,
        "region": outlook.region,
        "base_year": outlook.base_year,
        "projected_year": outlook.projected_year,
        "employment": outlook.employment,
        "projected_employment": outlook.projected_employment,
        "change": outlook.change,
        "change_percent": float(outlook.change_percent),
        "openings": outlook.openings,
        "self_employed_percent": _float(outlook.self_employed_percent),
        "source": outlook.source,
    }


def _history_rows(history: PayHistory) -> list[dict[str, object]]:
    """A row per date, oldest first: each figure, and each top-coded date with no figure."""
    common = {
        "career": history.career,
        "region": history.region,
        "statistic": history.statistic,
        "currency": history.currency,
        "period": history.period.value,
    }
    dated: list[tuple[ReferenceDate, dict[str, object]]] = [
        (when, {**common, "date": str(when), "pay": float(pay.amount), "source": source or None})
        for pay, when, source in zip(history, history.dates(), history.sources, strict=True)
    ]
    dated += [
        (date, {**common, "date": str(date), "top_coded": history.statistic})
        for date in history.top_coded
    ]
    return [row for _, row in sorted(dated, key=lambda item: item[0].sort_key())]


def _career_rows(
    career: Career, table: object, region: str | Area | None
) -> tuple[list[str], list[dict[str, object]]]:
    if not isinstance(table, str):
        raise wrong_type("a table name: 'pay', 'employment' or 'outlook'", table, "table")
    if table not in _CAREER_TABLES:
        raise ValidationError(
            f"unknown table {shown(table)}: a career's tables are 'pay' (its pay bands), "
            "'employment' and 'outlook'",
            field="table",
        )
    if table == "pay":
        return _pay_rows(career.id, career.pay_bands(region))
    if table == "employment":
        jobs = career.employment if region is None else career.employment_in(region)
        return list(TABLES["employment"]), [_employment_row(career.id, item) for item in jobs]
    outlooks = career.outlook
    if region is not None:
        if not isinstance(region, str) or not _iso.is_region_code(region):
            raise ValidationError(
                f"an outlook is of a country (ISO 3166: 'US'), not of an area: got {shown(region)}",
                field="region",
            )
        _iso.check_region(region, field="region")
        outlooks = tuple(item for item in outlooks if item.region == region)
    return list(TABLES["outlook"]), [_outlook_row(career.id, item) for item in outlooks]


def frame(
    thing: object, library: Library, table: object = None, region: str | Area | None = None
) -> Any:
    """*thing*'s table as a *library* DataFrame: search results, a pay history, or a career's
    *table* (``"pay"``, ``"employment"``, ``"outlook"``) of *region* (every one: ``None``).

    What the ``to_frame`` hook calls: ``SearchResults.to_frame()``, ``Comparison.to_frame()``,
    ``PayHistory.to_frame()``, ``Career.to_frame(table)`` and their ``to_polars()``.
    """
    if isinstance(thing, SearchResults):
        rows: list[dict[str, object]] = [
            {
                "id": found.id,
                "title": found.title,
                "soc": found.soc,
                "score": found.score,
                "field": found.field,
                "matched": found.matched,
            }
            for found in thing
        ]
        return build(library, TABLES["search"], rows, "SearchResults")
    if isinstance(thing, PayHistory):
        return build(library, TABLES["history"], _history_rows(thing), "PayHistory")
    if isinstance(thing, Career):
        columns, rows = _career_rows(thing, table, region)
        return build(library, columns, rows, "Career")
    from careerkit._compare import Comparison

    if isinstance(thing, Comparison):
        return comparison_frame(thing, library)
    raise wrong_type("search results, a comparison, a pay history or a career", thing, "thing")


def comparison_frame(comparison: Comparison, library: Library) -> Any:
    """*comparison* as a *library* DataFrame: one row per career and band, the band as
    stated (the columns of a career's ``"pay"`` table), then as converted
    (``converted_currency``, ``converted_period``, ``prices_of``, ``date_given``,
    ``converted_`` + each figure) and ``reason``, why it was not converted."""
    keys = {key for row in comparison.rows for key in row.band.percentiles}
    figures = _figures(keys)
    columns = [
        *_WHO,
        *_STATED,
        *figures,
        *_AFTER,
        "converted_currency",
        "converted_period",
        "prices_of",
        "date_given",
        *(f"converted_{name}" for name in (*figures, "mean", "top_code")),
        "reason",
    ]
    unit = {
        "converted_currency": comparison.currency,
        "converted_period": comparison.period.value,
        "prices_of": _date(comparison.prices_of),
    }
    rows = [
        {
            "career": row.career.id,
            **_band_row(row.band),
            **unit,
            **({} if row.converted is None else _converted_row(row.converted)),
            "reason": row.reason,
        }
        for row in comparison.rows
    ]
    return build(library, columns, rows, "Comparison")


def build(
    library: Library, columns: Sequence[str], rows: Sequence[Mapping[str, object]], owner: str
) -> Any:
    """A *library* DataFrame of *rows* (``None``, or no entry: a missing value) in *columns*.

    pandas: ``str``, nullable ``Int64``, ``float64`` (NaN where missing) and ``bool``
    columns, as :func:`careerkit.pandas.careers_frame` has them; polars: ``String``,
    ``Int64``, ``Float64`` and ``Boolean``, null where missing. *owner* names the method
    in the error that says how to install a missing library.
    """
    values = {name: [row.get(name) for row in rows] for name in columns}
    if library == "pandas":
        pd = _library("pandas", owner, "to_frame")
        dtypes = {"text": "str", "int": "Int64", "float": "float64", "bool": "bool"}
        return pd.DataFrame(
            {
                name: pd.Series(column, dtype=dtypes[kind_of(name)])
                for name, column in values.items()
            },
            columns=list(columns),
        )
    pl = _library("polars", owner, "to_polars")
    types = {"text": pl.String, "int": pl.Int64, "float": pl.Float64, "bool": pl.Boolean}
    return pl.DataFrame(
        [pl.Series(name, column, dtype=types[kind_of(name)]) for name, column in values.items()]
    )


def _library(extra: Library, owner: str, method: str) -> Any:
    """The module *extra* (pandas, polars), or the error naming what to install."""
    try:
        if extra == "pandas":
            import pandas

            return pandas
        import polars

        return polars
    except ModuleNotFoundError as error:  # the optional extra
        library = (error.name or extra).split(".")[0]
        raise MissingExtraError(f"{owner}.{method}()", library, extra) from None
