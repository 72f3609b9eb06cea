"""``import careerkit.polars`` registers the ``careerkit`` namespace on polars objects.

The same methods and arguments as :mod:`careerkit.pandas`: ``df.careerkit.convert``,
``df.careerkit.failures`` and ``df.careerkit.pay_position`` on a DataFrame, ``series.careerkit.parse`` on a
Series of pay text, ``series.careerkit.classify`` on a Series of job titles;
:func:`careers_frame`, a table of every career; :func:`growth_frame`, every career's change in pay.

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

from careerkit import _career_table, _classify_table, _growth_table, _position_table, _tables

try:
    import numpy as np
    import polars as pl
except ModuleNotFoundError as error:  # the optional extra
    raise _tables.missing_extra(error, "polars") from None
from careerkit.errors import ValidationError, shown
from careerkit.model.area import Area
from careerkit.model.pay_band import Period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._columns import Column, read_column
from careerkit.pay._kinds import Kind, check_kind
from careerkit.pay._units import When
from careerkit.pay._vector import Errors

__all__ = ["CareerkitFrameNamespace", "CareerkitSeriesNamespace", "careers_frame", "growth_frame"]

_DTYPES = {"text": pl.String, "int": pl.Int64, "float": pl.Float64}


def careers_frame(region: str | Area = "US") -> pl.DataFrame:
    """Every career of the default registry, one row each, by id: the columns, rows and
    rules of :func:`careerkit.pandas.careers_frame`, but null where pandas has NaN or
    ``<NA>`` (``Int64`` and ``Float64`` columns, the figures ``float()`` of the
    published Decimals).

    >>> import careerkit.polars
    >>> frame = careerkit.polars.careers_frame()
    >>> frame.filter(pl.col("soc") == "43-4051").select("annual_median", "openings").row(0)
    (44770.0, 341700)
    """
    rows = _career_table.career_rows(region)
    return pl.DataFrame(
        [
            pl.Series(name, _career_table.column(rows, name), dtype=_DTYPES[kind])
            for name, kind in _career_table.COLUMNS
        ]
    )


def growth_frame(
    since: When,
    until: When | None = None,
    statistic: str = "median",
    *,
    region: str | Area = "US",
    period: Period | str | None = "year",
) -> pl.DataFrame:
    """Every career's change in pay from *since* to *until*, one row per career with both:
    the columns, rows and rules of :func:`careerkit.pandas.growth_frame` (the figures
    Float64, the rest String, ``cut`` null where the series was not cut).

    A polars frame carries no metadata, so the careers left out are not listed with it:
    they are those of :func:`careerkit.careers` not in the frame, and
    ``careerkit.pandas.growth_frame(...).attrs["left_out"]`` (or each one's
    :meth:`~careerkit.Career.pay_growth`) says why.

    >>> import careerkit.polars
    >>> frame = careerkit.polars.growth_frame(since="2012", until="2025")
    >>> frame.filter(pl.col("soc") == "29-1141").select("since", "until", "nominal").row(0)
    ('2012-05', '2025-05', 0.49)
    """
    found = _growth_table.growth_rows(since, until, statistic, region=region, period=period)
    return pl.DataFrame(
        [
            pl.Series(name, _growth_table.column(found.rows, name), dtype=_DTYPES[kind])
            for name, kind in _growth_table.COLUMNS
        ]
    )


def _kind(dtype: pl.DataType) -> Kind:
    """What a polars column holds, as careerkit reads it (see :func:`check_kind`)."""
    if dtype == pl.String or isinstance(dtype, pl.Categorical | pl.Enum):
        name = "text"
    elif dtype == pl.Boolean:
        name = "bool"
    elif dtype.is_numeric():  # integers, floats, Decimal
        name = "number"
    elif dtype == pl.Date or isinstance(dtype, pl.Datetime):
        name = "date"
    elif dtype == pl.Null:
        name = "missing"
    else:  # Duration, Time, Struct, List, Array, Binary, Object, ...
        name = "other"
    return Kind(name, str(dtype))


def _column(part: str, name: str | None, series: pl.Series) -> Column | np.ndarray[Any, Any]:
    """A polars column as careerkit reads it: text as codes and distinct values, without
    copying a string per row; dates and numbers as numpy arrays. A column of a type
    *part* cannot hold is refused (``WrongTypeError``), naming it."""
    dtype = series.dtype
    kind = _kind(dtype)
    check_kind(part, kind, field=part, column=name, given=series)
    if kind.name == "text":
        return Column(part, *_text_codes(series), series)
    if part == "amount" or isinstance(dtype, pl.Decimal):
        return series.cast(pl.Float64).to_numpy()
    if isinstance(dtype, pl.Datetime) and dtype.time_zone is not None:
        series = series.dt.replace_time_zone(None)  # each timestamp's own wall-clock date
    return series.to_numpy()


def _text_codes(series: pl.Series) -> tuple[np.ndarray[Any, Any], list[object]]:
    """A text column's codes (unsigned integers, without a string per row) and distinct values.

    An ``Enum``'s codes are its own; a ``Categorical``'s are its ids where they are few
    (an id no row has stands for ``None``), numbered afresh from the ones that occur
    where they are spread out (its categories may be shared by many columns); text is
    cast to an ``Enum`` of its distinct values. A null is the last value, ``None``.
    """
    dtype = series.dtype
    if isinstance(dtype, pl.Enum):
        physical = series.to_physical()
        uniques: list[object] = list(dtype.categories.to_list())
    elif isinstance(dtype, pl.Categorical):
        physical = series.to_physical()
        first = physical.arg_unique()  # each distinct id's first row (a null's too)
        known = physical.gather(first).is_not_null()
        ids = physical.gather(first).filter(known).to_numpy()
        names = series.gather(first).filter(known).cast(pl.String).to_list()
        if len(ids) and int(ids.max()) >= 4 * len(ids) + 64:  # sparse: numbered afresh
            table = np.zeros(int(ids.max()) + 1, dtype=np.uint32)
            table[ids] = np.arange(len(ids), dtype=np.uint32)
            physical = pl.Series(table).gather(physical)  # a null stays null
            uniques = names
        else:  # the ids themselves: unused ones are None, never met by a row
            uniques = [None] * (int(ids.max()) + 1 if len(ids) else 0)
            for at, name in zip(ids.tolist(), names, strict=True):
                uniques[at] = name
    else:
        text = series.cast(pl.String)
        distinct = text.unique().drop_nulls()
        physical = text.cast(pl.Enum(distinct)).to_physical()
        uniques = list(distinct.to_list())
    if physical.null_count():
        physical = physical.cast(pl.UInt32).fill_null(len(uniques))  # room for one more code
        uniques.append(None)
    return physical.to_numpy(), uniques


def _per_row(frame: pl.DataFrame, part: str, value: object) -> object:
    """*value*, one of *part* for every row of *frame*: a polars Series of the frame's height."""
    if isinstance(value, pl.Series):
        if len(value) != frame.height:
            raise ValidationError(
                f"got {len(value):,} values of {part} for {frame.height:,} rows",
                field=part,
            )
        return _column(part, None, value)
    raise ValidationError(
        f"expected a column name, a polars Series or one value for every row as {part}, "
        f"got {type(value).__name__} {shown(value)}",
        field=part,
    )


def _table(frame: pl.DataFrame, request: _tables.Request) -> pl.Series:
    """What :meth:`CareerkitFrameNamespace.convert` (or ``failures``) makes of *frame*."""
    call = _tables.check_call(request, frame.columns, lambda name: _kind(frame.schema[str(name)]))
    outcome = call.convert(
        lambda part, name: _column(part, str(name), frame.get_column(str(name))),
        lambda part, value: _per_row(frame, part, value),
    )
    if request.reasons:
        return pl.Series(call.name, outcome.reasons.tolist(), dtype=pl.String)  # type: ignore[union-attr]
    return pl.Series(call.name, outcome.values, dtype=pl.Float64).fill_nan(None)


def _objects(series: pl.Series) -> tuple[np.ndarray[Any, np.dtype[np.int64]], list[object]]:
    """*series*'s values as they are: each row's code, and the distinct values (missing:
    ``None``); text without a string per row, any other type value by value."""
    uniques: list[object]
    if _kind(series.dtype).name == "text":
        text = series.cast(pl.String)
        distinct = text.drop_nulls().unique()
        physical = text.cast(pl.Enum(distinct)).to_physical()
        uniques = list(distinct.to_list())
        if physical.null_count():
            physical = physical.fill_null(len(uniques))
            uniques.append(None)
        codes = physical.cast(pl.Int64).to_numpy()
    else:  # every value looked at
        uniques = series.to_list()
        codes = np.arange(len(uniques), dtype=np.int64)
    return codes, uniques


def _position(frame: pl.DataFrame, call: _position_table.Call) -> pl.DataFrame:
    """What :meth:`CareerkitFrameNamespace.pay_position` makes of *frame*, its call checked."""

    def read(part: str, name: object) -> object:
        series = frame.get_column(str(name))
        if part == "objects":
            return Column("objects", *_objects(series), series)
        found = _column(part, str(name), series)
        return found if part == "amount" else read_column(part, found, frame.height, column=name)

    placed = call.place(read, frame.height)
    each = pl.DataFrame(
        [
            pl.Series(name, placed.column(name), dtype=_DTYPES[kind])
            for name, kind in _position_table.COLUMNS
        ]
    ).with_columns(pl.col(pl.Float64).fill_nan(None))
    return each[placed.codes]


def _classify(series: pl.Series, min_score: float | None) -> pl.DataFrame:
    """What :meth:`CareerkitSeriesNamespace.classify` makes of *series* (*min_score* checked)."""
    name = series.name or None
    _classify_table.check_kind(_kind(series.dtype), name)
    codes, uniques = _objects(series)  # numbers: only missing ones pass
    found = _classify_table.classify_distinct(uniques, codes, min_score=min_score, column=name)
    each = pl.DataFrame(
        [
            pl.Series(column, getattr(found, column), dtype=pl.String)
            if column != "score"
            else pl.Series(column, found.score, dtype=pl.Float64).fill_nan(None)
            for column in _classify_table.COLUMNS
        ]
    )
    return each[codes]


@pl.api.register_dataframe_namespace("careerkit")
class CareerkitFrameNamespace:
    """``df.careerkit``: convert a table of pay figures (registered by ``import careerkit.polars``)."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self._frame = frame

    @_tables.takes(_tables.CONVERT)
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

        As :meth:`careerkit.pandas.CareerkitFrameAccessor.convert`, but where pandas
        has NaN (a missing amount, a row that ``errors="coerce"`` cannot convert)
        polars has null.
        """
        return _table(self._frame, _tables.Request.of(locals()))

    @_tables.takes(_tables.FAILURES)
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
        return _table(self._frame, _tables.Request.of(locals(), reasons=True))

    @_tables.takes(_position_table.POSITION)
    def pay_position(
        self,
        *,
        pay: object,
        career: object,
        region: object = "US",
        currency: object = None,
        period: object = None,
        when: object = None,
        schedule: WorkSchedule | None = None,
        country: str | None = None,
    ) -> pl.DataFrame:
        """Where each row's offer stands in its career's published pay distribution: the
        columns and rules of :meth:`careerkit.pandas.CareerkitFrameAccessor.pay_position`,
        but null where pandas has NaN (``lower`` and ``upper`` Int64, ``percentile`` and
        ``pay`` Float64, the rest String).

        >>> offers = pl.DataFrame({"offer": [52000, 30], "per": ["year", "hour"]})
        >>> offers.careerkit.pay_position(pay="offer", currency="USD", period="per",
        ...     when="2025-05", career="43-4051").select("bracket", "percentile").rows()
        [('between p75 and p90', 75.3), ('between p75 and p90', 88.5)]
        """
        frame = self._frame
        call = _position_table.check_call(
            locals(), frame.columns, lambda name: _kind(frame.schema[str(name)])
        )
        return _position(frame, call)


@pl.api.register_series_namespace("careerkit")
class CareerkitSeriesNamespace:
    """``series.careerkit``: read a column of pay text (registered by ``import careerkit.polars``)."""

    def __init__(self, series: pl.Series) -> None:
        self._series = series

    @_tables.takes(_tables.PARSE)
    def parse(
        self,
        *,
        errors: Errors = "raise",
        currency: str | None = None,
        period: Period | str | None = None,
        locale: str | None = None,
        default_currency: str | None = None,
        default_period: Period | str | None = None,
    ) -> pl.DataFrame:
        """Read each row's pay text: columns ``low``, ``high`` (Float64), ``currency`` and
        ``period`` (String), as :meth:`careerkit.pandas.CareerkitSeriesAccessor.parse`
        (null where pandas has NaN)."""
        parsed = self._parsed(_tables.ParseRequest.of(locals()))
        return pl.DataFrame(
            {
                "low": pl.Series(parsed.low, dtype=pl.Float64).fill_nan(None),
                "high": pl.Series(parsed.high, dtype=pl.Float64).fill_nan(None),
                "currency": pl.Series(parsed.currency.tolist(), dtype=pl.String),
                "period": pl.Series(parsed.period.tolist(), dtype=pl.String),
            }
        )

    @_tables.takes(_tables.PARSE_FAILURES)
    def parse_failures(
        self,
        *,
        currency: str | None = None,
        period: Period | str | None = None,
        locale: str | None = None,
        default_currency: str | None = None,
        default_period: Period | str | None = None,
    ) -> pl.Series:
        """Why each row :meth:`parse` (same options) gives no figure: a String Series named
        ``reason``, as :meth:`careerkit.pandas.CareerkitSeriesAccessor.parse_failures` (null
        where pandas has ``None``).

        >>> pl.Series(["$14/hr", "Negotiable", None]).careerkit.parse_failures().to_list()
        [None, 'no figure stated', None]
        """
        parsed = self._parsed(_tables.ParseRequest.of(locals(), reasons=True))
        assert parsed.reason is not None  # asked for
        return pl.Series("reason", parsed.reason.tolist(), dtype=pl.String)

    def _parsed(self, request: _tables.ParseRequest) -> _tables.Parsed:
        """The series read under *request*."""
        name = self._series.name or None
        found = _column("text", name, self._series)
        return request.parse(read_column("text", found, len(self._series), column=name))

    @_tables.takes(_tables.CLASSIFY)
    def classify(self, *, min_score: float | None = None) -> pl.DataFrame:
        """Code each row's job title to a career: columns ``career``, ``soc``, ``title``,
        ``score`` (Float64) and ``field``, ``matched`` (String), as
        :meth:`careerkit.pandas.CareerkitSeriesAccessor.classify` (null where pandas has
        NaN).

        >>> titles = pl.Series("job", ["Registered Nurses", None])
        >>> titles.careerkit.classify().select("career", "score").rows()[1]
        (None, None)
        """
        return _classify(self._series, _classify_table.check_min_score(min_score))
