"""``import careerkit.pandas`` registers the ``careerkit`` accessor on pandas objects.

On a DataFrame, :meth:`CareerkitFrameAccessor.convert` converts a table of pay
figures (a column or one value each for amount, currency, period, date and
country) to one unit; on a Series of text, :meth:`CareerkitSeriesAccessor.parse`
reads pay text into ``low``, ``high``, ``currency`` and ``period`` columns.

>>> import pandas as pd
>>> import careerkit.pandas
>>> jobs = pd.DataFrame({"pay": [14.36, 25000.0], "cur": ["USD", "INR"],
...                      "per": ["hour", "month"], "posted": ["2008-05", "2010-03"]})
>>> jobs.careerkit.convert(amount="pay", currency="cur", period="per", when="posted",
...                        to="INR/month").round(2)
0    104545.53
1     25000.00
Name: pay (INR/month), dtype: float64
>>> pd.Series(["₹10,000–28,000 per month", "$14.36/hr"]).careerkit.parse()
        low      high currency period
0  10000.00  28000.00      INR  month
1     14.36     14.36      USD   hour

pandas is an optional extra (``pip install 'careerkit[pandas]'``);
``import careerkit`` never imports it.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import cast

from careerkit import _tables

try:
    import pandas as pd
except ModuleNotFoundError as error:  # the optional extra
    raise _tables.missing_extra(error, "pandas") from None
from careerkit.errors import CareerkitError, ValidationError, shown
from careerkit.model.pay_band import Period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._pay import When
from careerkit.pay._vector import Errors, is_scalar, kind_of, read_column

__all__ = ["CareerkitFrameAccessor", "CareerkitSeriesAccessor"]


def _one_column(frame: pd.DataFrame, name: Hashable) -> pd.Series:
    """The column *name* of *frame*: refused where two columns have that name."""
    found = frame[name]
    if not isinstance(found, pd.Series):
        raise ValidationError(
            f"the frame has more than one column named {shown(name)}; rename them first"
        )
    return found


def _pick(frame: pd.DataFrame, name: str, value: object, column: Hashable | None) -> object:
    """The values of *name*: the frame's *column*, or *value* itself (one for all, or per row)."""
    if column is not None:
        return _one_column(frame, column)
    if isinstance(value, pd.Series) and not value.index.equals(frame.index):
        raise ValidationError(
            f"the Series given for {name} has another index than the frame's; give a column "
            "name, one value for every row, or a Series with the frame's index",
            field=name,
        )
    if not is_scalar(value) and len(value) != len(frame):  # type: ignore[arg-type]
        raise ValidationError(
            f"got {len(value):,} values of {name} for {len(frame):,} rows; give a column "  # type: ignore[arg-type]
            "name or one value for every row",
            field=name,
        )
    return value


def _labels(index: pd.Index) -> Sequence[object] | None:
    """The index, to name rows in errors; ``None`` for a default 0..n-1 index (row numbers say it)."""
    if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
        return None
    return cast("Sequence[object]", index)


def _table(
    frame: pd.DataFrame, request: _tables.Request, partition: int | None = None
) -> pd.Series:
    """What :meth:`CareerkitFrameAccessor.convert` (or ``failures``) makes of *frame*.

    *partition* names a Dask partition in errors.
    """
    try:
        call = _tables.check_call(
            request, frame.columns, lambda name: kind_of(_one_column(frame, name))
        )
        parts = {
            part: _pick(frame, part, value, call.names.get(part))
            for part, value in request.given.items()
        }
        outcome = _tables.run_call(request, call, parts, _labels(frame.index))
    except CareerkitError as error:
        raise _tables.in_partition(error, partition) from None
    if request.reasons:
        return pd.Series(outcome.reasons, index=frame.index, name="reason", dtype=object)
    name = _tables.result_name(request.given["amount"], call.unit)
    return pd.Series(outcome.values, index=frame.index, name=name, copy=False)


def _parse(
    series: pd.Series,
    *,
    errors: Errors = "raise",
    currency: str | None = None,
    period: Period | str | None = None,
    locale: str | None = None,
    partition: int | None = None,
) -> pd.DataFrame:
    """See :meth:`CareerkitSeriesAccessor.parse`."""
    labels = _labels(series.index)

    def label(row: int) -> str:
        return str(row) if labels is None else f"{row}, index {shown(labels[row])}"

    try:
        _tables.check_parse(errors=errors, currency=currency, period=period, locale=locale)
        column = read_column("text", series, len(series), column=series.name, labels=labels)
        parsed = _tables.parse_codes(
            column.codes,  # type: ignore[arg-type]
            column.uniques,
            errors=errors,
            currency=currency,
            period=period,
            locale=locale,
            label=label,
        )
    except CareerkitError as error:
        raise _tables.in_partition(error, partition) from None
    return pd.DataFrame(
        {
            "low": parsed.low,
            "high": parsed.high,
            "currency": pd.Series(parsed.currency, index=series.index, dtype="str"),
            "period": pd.Series(parsed.period, index=series.index, dtype="str"),
        },
        index=series.index,
    )


@pd.api.extensions.register_dataframe_accessor("careerkit")
class CareerkitFrameAccessor:
    """``df.careerkit``: convert a table of pay figures (registered by ``import careerkit.pandas``)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    def convert(
        self,
        *,
        amount: Hashable,
        currency: object,
        period: object,
        when: object,
        country: object = None,
        to: str | None = None,
        prices_of: When | None = None,
        schedule: WorkSchedule | None = None,
        errors: Errors = "raise",
    ) -> pd.Series:
        """Every row's pay in the unit *to* (``"INR/month"``), as a float64 Series.

        *amount* names the column of amounts; *currency*, *period*, *when* and
        *country* each name a column, or give one value for every row (a value
        that is not one of the frame's column names). *to* is
        ``"CURRENCY/PERIOD"``, ``"CURRENCY"`` or ``"PERIOD"``; *prices_of*
        (``"2024"``) moves every figure into that date's prices first. The rules
        (dates, missing amounts, ``errors``) are :func:`careerkit.convert_array`'s.
        The result has the frame's index and the name ``"pay (INR/month, 2024
        prices)"``; with ``errors="raise"`` the error names the first failing
        row's number, index label and values.
        """
        return _table(self._frame, _tables.Request.of(locals()))

    def failures(
        self,
        *,
        amount: Hashable,
        currency: object,
        period: object,
        when: object,
        country: object = None,
        to: str | None = None,
        prices_of: When | None = None,
        schedule: WorkSchedule | None = None,
    ) -> pd.Series:
        """Why each row :meth:`convert` (same arguments) cannot convert: ``None`` where it can.

        ``df[reasons.notna()]`` are the rows ``errors="coerce"`` turns into NaN.
        """
        return _table(self._frame, _tables.Request.of(locals(), reasons=True))


@pd.api.extensions.register_series_accessor("careerkit")
class CareerkitSeriesAccessor:
    """``series.careerkit``: read a column of pay text (registered by ``import careerkit.pandas``)."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def parse(
        self,
        *,
        errors: Errors = "raise",
        currency: str | None = None,
        period: Period | str | None = None,
        locale: str | None = None,
    ) -> pd.DataFrame:
        """Read each row's pay text with :func:`careerkit.parse_pay`: columns ``low``, ``high``,
        ``currency`` and ``period``.

        A single figure has ``high`` equal to ``low``; an open range ("up to ₹8
        LPA") has NaN at its open end; a missing text gives NaN and missing values.
        Each distinct text is parsed once. *currency*, *period* and *locale* are
        :func:`~careerkit.parse_pay`'s; ``errors="coerce"`` gives an unreadable
        text NaN instead of raising.
        """
        return _parse(self._series, errors=errors, currency=currency, period=period, locale=locale)
