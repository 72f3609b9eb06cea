"""``import careerkit.polars`` registers the ``careerkit`` namespace on polars objects.

The same methods and arguments as :mod:`careerkit.pandas`: ``df.careerkit.convert``
and ``df.careerkit.failures`` on a DataFrame, ``series.careerkit.parse`` on a
Series of pay text.

>>> import polars as pl
>>> import careerkit.polars
>>> jobs = pl.DataFrame({"pay": [14.36, 25000.0], "cur": ["USD", "INR"],
...                      "per": ["hour", "month"], "posted": ["2008-05", "2010-03"]})
>>> jobs.careerkit.convert(amount="pay", currency="cur", period="per", when="posted",
...                        to="INR/month").round(2).to_list()
[104545.53, 25000.0]
>>> pl.Series(["₹10,000–28,000 per month", "$14.36/hr"]).careerkit.parse().rows()
[(10000.0, 28000.0, 'INR', 'month'), (14.36, 14.36, 'USD', 'hour')]

polars is an optional extra (``pip install 'careerkit[polars]'``);
``import careerkit`` never imports it.
"""

from __future__ import annotations

from typing import Any

from careerkit import _tables

try:
    import numpy as np
    import polars as pl
except ModuleNotFoundError as error:  # the optional extra
    raise _tables.missing_extra(error, "polars") from None
from careerkit.errors import ValidationError, shown
from careerkit.model.pay_band import Period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._pay import When
from careerkit.pay._vector import Column, Errors, is_scalar, run

__all__ = ["CareerkitFrameNamespace", "CareerkitSeriesNamespace"]


def _column(name: str, series: pl.Series) -> Column | np.ndarray[Any, Any]:
    """A polars column as careerkit reads it: text as codes and distinct values, without
    copying a string per row; dates and numbers as numpy arrays."""
    dtype = series.dtype
    if dtype == pl.String or isinstance(dtype, pl.Categorical | pl.Enum):
        text = series.cast(pl.String)
        distinct = text.drop_nulls().unique()
        physical = text.cast(pl.Enum(distinct)).to_physical()
        uniques: list[object] = list(distinct.to_list())
        if physical.null_count():
            physical = physical.fill_null(len(uniques))
            uniques.append(None)
        codes = physical.cast(pl.Int64).to_numpy()
        return Column(name, codes, uniques, series)
    if isinstance(dtype, pl.Datetime) and dtype.time_zone is not None:
        series = series.dt.replace_time_zone(None)  # each timestamp's own wall-clock date
    return series.to_numpy()


def _pick(frame: pl.DataFrame, name: str, value: object) -> object:
    """A column's values where *value* names a column of *frame*, otherwise *value* itself."""
    if isinstance(value, str) and value in frame.columns:
        value = frame[value]
    elif name == "amount" and not isinstance(value, pl.Series):
        raise ValidationError(
            f"amount={shown(value)} is not a column of the frame (its columns: "
            f"{', '.join(frame.columns[:8])}); give the name of the column of amounts",
            field="amount",
        )
    if isinstance(value, pl.Series):
        if len(value) != frame.height:
            raise ValidationError(
                f"got {len(value):,} values of {name} for {frame.height:,} rows",
                field=name,
            )
        if name == "amount":
            return value.cast(pl.Float64).to_numpy()
        return _column(name, value)
    if not is_scalar(value):
        raise ValidationError(
            f"expected a column name, a polars Series or one value for every row as {name}, "
            f"got {type(value).__name__} {shown(value)}",
            field=name,
        )
    return value


def _run(
    frame: pl.DataFrame,
    given: dict[str, object],
    to: str | None,
    prices_of: When | None,
    schedule: WorkSchedule | None,
    errors: Errors,
    reasons: bool,
) -> tuple[Any, str]:
    checked, unit = _tables.target(to, prices_of, schedule)
    parts = {name: _pick(frame, name, given[name]) for name in _tables.PARTS}
    amounts = parts.pop("amount")
    return run(amounts, parts, checked, errors, reasons=reasons), unit  # type: ignore[arg-type]


@pl.api.register_dataframe_namespace("careerkit")
class CareerkitFrameNamespace:
    """``df.careerkit``: convert a table of pay figures (registered by ``import careerkit.polars``)."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self._frame = frame

    def convert(
        self,
        *,
        amount: str,
        currency: object,
        period: object,
        when: object,
        country: object = None,
        to: str | None = None,
        prices_of: When | None = None,
        schedule: WorkSchedule | None = None,
        errors: Errors = "raise",
    ) -> pl.Series:
        """Every row's pay in the unit *to* (``"INR/month"``), as a Float64 Series.

        The arguments are :meth:`careerkit.pandas.CareerkitFrameAccessor.convert`'s:
        each of *currency*, *period*, *when* and *country* names a column, or gives
        one value for every row. Where pandas has NaN (a missing amount, a row that
        ``errors="coerce"`` cannot convert) polars has null.
        """
        given = {
            "amount": amount,
            "currency": currency,
            "period": period,
            "when": when,
            "country": country,
        }
        outcome, unit = _run(self._frame, given, to, prices_of, schedule, errors, False)
        name = _tables.result_name(amount, unit)
        return pl.Series(name, outcome.values, dtype=pl.Float64).fill_nan(None)

    def failures(
        self,
        *,
        amount: str,
        currency: object,
        period: object,
        when: object,
        country: object = None,
        to: str | None = None,
        prices_of: When | None = None,
        schedule: WorkSchedule | None = None,
    ) -> pl.Series:
        """Why each row :meth:`convert` (same arguments) cannot convert: null where it can."""
        given = {
            "amount": amount,
            "currency": currency,
            "period": period,
            "when": when,
            "country": country,
        }
        outcome, _ = _run(self._frame, given, to, prices_of, schedule, "coerce", True)
        return pl.Series("reason", outcome.reasons.tolist(), dtype=pl.String)


@pl.api.register_series_namespace("careerkit")
class CareerkitSeriesNamespace:
    """``series.careerkit``: read a column of pay text (registered by ``import careerkit.polars``)."""

    def __init__(self, series: pl.Series) -> None:
        self._series = series

    def parse(
        self,
        *,
        errors: Errors = "raise",
        currency: str | None = None,
        period: Period | str | None = None,
        locale: str | None = None,
    ) -> pl.DataFrame:
        """Read each row's pay text: columns ``low``, ``high`` (Float64), ``currency`` and
        ``period`` (String), as :meth:`careerkit.pandas.CareerkitSeriesAccessor.parse`
        (null where pandas has NaN)."""
        column = _column("text", self._series)
        if not isinstance(column, Column):
            raise ValidationError(
                f"parse reads text, got a column of {self._series.dtype}", field="text"
            )
        parsed = _tables.parse_codes(
            column.codes,  # type: ignore[arg-type]
            column.uniques,
            errors=errors,
            currency=currency,
            period=period,
            locale=locale,
        )
        return pl.DataFrame(
            {
                "low": pl.Series(parsed.low, dtype=pl.Float64).fill_nan(None),
                "high": pl.Series(parsed.high, dtype=pl.Float64).fill_nan(None),
                "currency": pl.Series(parsed.currency.tolist(), dtype=pl.String),
                "period": pl.Series(parsed.period.tolist(), dtype=pl.String),
            }
        )
