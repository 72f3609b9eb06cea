"""``import careerkit.pandas`` registers the ``careerkit`` accessor on pandas objects.

On a DataFrame, :meth:`CareerkitFrameAccessor.convert` converts a table of pay
figures (a column or one value each for amount, currency, period, date and
country) to one unit, and :meth:`CareerkitFrameAccessor.pay_position` places
offers in careers' published pay distributions; on a Series of text, :meth:`CareerkitSeriesAccessor.parse`
reads pay text into ``low``, ``high``, ``currency`` and ``period`` columns, and
:meth:`CareerkitSeriesAccessor.classify` codes job titles to careers.
:func:`careers_frame` is a table of every career, one row each, to filter and sort;
:func:`growth_frame` one of every career's change in pay between two dates.

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

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from careerkit import _career_table, _classify_table, _growth_table, _position_table, _tables

try:
    import pandas as pd
except ModuleNotFoundError as error:  # the optional extra
    raise _tables.missing_extra(error, "pandas") from None
from careerkit.errors import CareerkitError, ValidationError, shown
from careerkit.model.pay_band import Period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._columns import Column, read_amounts, read_column
from careerkit.pay._kinds import kind_of
from careerkit.pay._units import When
from careerkit.pay._vector import Errors

if TYPE_CHECKING:
    import numpy as np

    from careerkit._search import SearchResult
    from careerkit.model import Area
    from careerkit.text.parse import Ends

__all__ = ["CareerkitFrameAccessor", "CareerkitSeriesAccessor", "careers_frame", "growth_frame"]

_DTYPES = {"text": "str", "int": "Int64", "float": "float64"}


def careers_frame(region: str | Area = "US") -> pd.DataFrame:
    """Every career of the default registry (:func:`careerkit.careers`), one row each, by id.

    Columns (as every careerkit frame names them: :doc:`/columns`): ``id``, ``title`` (English), ``soc`` (its SOC 2018 code), ``major_group``
    (``43-0000``), ``employment`` (jobs in *region*: its newest dated figure there),
    ``hourly_median`` and ``annual_median`` (*region*'s newest published median of
    that period) with their ``currency``, ``education`` (BLS's typical education
    needed for entry), ``job_zone`` (O*NET's, 1 to 5), ``change_percent`` (BLS's
    projected change in jobs) and ``openings`` (BLS's projected openings a year).
    *region* is an ISO 3166 code (``US``, ``US-TX``, ``IN``) or a metropolitan or
    nonmetropolitan area (an :class:`~careerkit.Area` or a key :func:`careerkit.area`
    takes: ``"austin"``; a career BLS published no figure for there has missing
    values) and chooses the pay and employment only: education, job zone and outlook are national US figures, the
    only ones BLS and O*NET publish.

    Missing figures are missing values: NaN in the float columns, ``<NA>`` in the
    nullable ``Int64`` ones (``employment``, ``job_zone``, ``openings``). Money is a
    :class:`~decimal.Decimal` everywhere else in careerkit; on this vectorised path
    the medians and ``change_percent`` are float64, each exactly ``float()`` of the
    published Decimal (``44770.0`` for ``Decimal('44770')``). An unknown *region*
    raises :class:`~careerkit.ValidationError`; one no career has figures for,
    :class:`~careerkit.PayBandNotFoundError`. Building every career takes a second
    or two, the first time.

    >>> import careerkit.pandas
    >>> frame = careerkit.pandas.careers_frame()
    >>> row = frame.set_index("soc").loc["43-4051"]
    >>> float(row.annual_median), row.education, int(row.job_zone)
    (44770.0, 'High school diploma or equivalent', 2)
    >>> frame.nlargest(1, "change_percent")[["soc", "change_percent"]].values.tolist()
    [['49-9081', 49.9]]
    """
    rows = _career_table.career_rows(region)
    return pd.DataFrame(
        {
            name: pd.Series(_career_table.column(rows, name), dtype=_DTYPES[kind])
            for name, kind in _career_table.COLUMNS
        }
    )


def growth_frame(
    since: When,
    until: When | None = None,
    statistic: str = "median",
    *,
    region: str | Area = "US",
    period: Period | str | None = "year",
) -> pd.DataFrame:
    """Every career's change in pay from *since* to *until*, one row per career with both.

    Each row is :meth:`careerkit.Career.pay_growth`'s figures for one career of the
    default registry, by id: the *statistic* (``"median"``, ``"mean"``, ``"p10"`` ...)
    of *region*'s pay history (:meth:`~careerkit.Career.pay_history`, in *period*;
    ``None``: the period most of its dates publish) at the two dates. Columns:

    - ``id``, ``title`` (English), ``soc`` (its SOC 2018 code);
    - ``statistic``, ``currency`` and ``period`` of the figures;
    - ``since`` and ``until``: the two dates, as the history has them (``'2011-05'``);
    - ``earlier`` and ``later``: the figures at those dates, as published (or, where a
      date publishes the statistic only in another period, converted under the BLS
      full-time schedule, as :meth:`~careerkit.Career.pay_history` does);
      ``earlier_in_later_prices``: the earlier figure in the prices of ``until`` (US
      CPI-U for US dollars);
    - ``nominal`` and ``real``: the change in money and after prices, fractions rounded
      half-even to 4 places as :class:`~careerkit.PayGrowth` gives them (``0.4993`` is
      +49.93%);
    - ``cut``: where the career's series starts and why
      (:meth:`careerkit.SeriesCut.describe`: a SOC revision split or merged the
      occupation), missing where it was not cut.

    *since* and *until* are dates as :class:`~careerkit.ReferenceDate` reads them
    (``'2011'``, ``'2011-05'``, ``2011``); a year alone matches the one date of that year
    a career's history has (``'2011'``: BLS's May 2011 release), and a year with two
    dates in one history is refused (:class:`~careerkit.ValidationError`: give the
    month). *until* ``None`` is each career's newest date.

    A career whose history lacks either date (BLS published no figure for it that year,
    or its series starts later: see ``cut``) is left out; ``frame.attrs["left_out"]``
    holds each one left out, by id, with the reason. Where no career has both dates,
    :class:`~careerkit.PayBandNotFoundError` says so. The figures are float64, each
    exactly ``float()`` of the Decimal careerkit computes, as in :func:`careers_frame`.
    It takes about as long as :func:`careers_frame`: every career's history is read.

    >>> import careerkit.pandas
    >>> frame = careerkit.pandas.growth_frame(since="2012", until="2025")
    >>> nurses = frame.set_index("soc").loc["29-1141"]
    >>> nurses.since, float(nurses.earlier), float(nurses.later), float(nurses.nominal)
    ('2012-05', 65470.0, 97550.0, 0.49)
    >>> "SOC 2010" in nurses.cut
    True
    >>> by_real = frame.sort_values("real", ascending=False)
    >>> list(by_real.columns[-3:])
    ['nominal', 'real', 'cut']
    >>> "starts in May 2012" in careerkit.pandas.growth_frame(since="2011").attrs[
    ...     "left_out"]["registered-nurses"]
    True
    """
    found = _growth_table.growth_rows(since, until, statistic, region=region, period=period)
    frame = pd.DataFrame(
        {
            name: pd.Series(_growth_table.column(found.rows, name), dtype=_DTYPES[kind])
            for name, kind in _growth_table.COLUMNS
        }
    )
    frame.attrs["left_out"] = found.left_out
    return frame


def _one_column(frame: pd.DataFrame, name: Hashable) -> pd.Series:
    """The column *name* of *frame*: refused where two columns have that name."""
    found = frame[name]
    if not isinstance(found, pd.Series):
        raise ValidationError(
            f"the frame has more than one column named {shown(name)}; rename them first"
        )
    return found


def _per_row(frame: pd.DataFrame, name: str, value: object) -> object:
    """*value*, one of *name* for every row of *frame*: a Series must have the frame's index."""
    if isinstance(value, pd.Series) and not value.index.equals(frame.index):
        raise ValidationError(
            f"the Series given for {name} has another index than the frame's; give a column "
            "name, one value for every row, or a Series with the frame's index",
            field=name,
        )
    if len(value) != len(frame):  # type: ignore[arg-type]
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
        outcome = call.convert(
            lambda part, name: _one_column(frame, name),
            lambda part, value: _per_row(frame, part, value),
            _labels(frame.index),
        )
    except CareerkitError as error:
        raise _tables.in_partition(error, partition) from None
    if request.reasons:
        return pd.Series(outcome.reasons, index=frame.index, name=call.name, dtype=object)
    return pd.Series(outcome.values, index=frame.index, name=call.name, copy=False)


def _parse(
    series: pd.Series,
    request: _tables.ParseRequest,
    partition: int | None = None,
    read: Callable[[object], Ends] | None = None,
) -> pd.DataFrame:
    """What :meth:`CareerkitSeriesAccessor.parse` (or ``parse_failures``) makes of *series*:
    *partition* names a Dask partition in errors, *read* reads one text (a worker's cache)."""
    labels = _labels(series.index)
    try:
        column = read_column("text", series, len(series), column=series.name, labels=labels)
        parsed = request.parse(column, labels, read)
    except CareerkitError as error:
        raise _tables.in_partition(error, partition) from None
    if parsed.reason is not None:
        return pd.DataFrame({"reason": pd.Series(parsed.reason, series.index, object)})
    currency, period = (pd.Series(values, series.index, "str") for values in parsed[2:4])
    columns = {"low": parsed.low, "high": parsed.high, "currency": currency, "period": period}
    return pd.DataFrame(columns, index=series.index)


def _objects(series: pd.Series) -> tuple[np.ndarray[Any, np.dtype[np.int64]], list[object]]:
    """*series*'s values as they are: each row's code, and the distinct values (missing: ``None``)."""
    import numpy as np

    try:
        codes, found = pd.factorize(series, use_na_sentinel=True)
        uniques: list[object] = list(found)
    except TypeError:  # unhashable values (a list in a cell): each row its own, refused
        codes, uniques = np.arange(len(series)), series.tolist()
    codes = codes.astype(np.int64, copy=False)
    if (codes < 0).any():
        codes[codes < 0] = len(uniques)
        uniques.append(None)
    return codes, uniques


def _position(
    frame: pd.DataFrame,
    call: _position_table.Call,
    partition: int | None = None,
    known: Mapping[tuple[object, object], _position_table.Lookup | CareerkitError] | None = None,
) -> pd.DataFrame:
    """What :meth:`CareerkitFrameAccessor.pay_position` makes of *frame*, its call checked.

    *partition* names a Dask partition in errors; *known* holds the (career, region)
    pairs Dask has looked up already.
    """
    labels = _labels(frame.index)

    def read(part: str, name: Hashable) -> object:
        series = _one_column(frame, name)
        if part == "amount":
            return read_amounts(series, field="pay", column=name, labels=labels)
        if part == "objects":
            return Column("objects", *_objects(series), series)
        return read_column(part, series, len(frame), column=name, labels=labels)

    try:
        placed = call.place(read, len(frame), labels, known)
    except CareerkitError as error:
        raise _tables.in_partition(error, partition) from None
    each = pd.DataFrame(
        {
            name: pd.Series(placed.column(name), dtype=_DTYPES[kind])
            for name, kind in _position_table.COLUMNS
        }
    )
    return each.take(placed.codes).set_axis(frame.index)


def _classify(
    series: pd.Series,
    min_score: float | None,
    partition: int | None = None,
    known: Mapping[str, SearchResult | None] | None = None,
) -> pd.DataFrame:
    """What :meth:`CareerkitSeriesAccessor.classify` makes of *series* (*min_score* checked).

    *partition* names a Dask partition in errors; *known* holds titles Dask has
    classified already.
    """
    try:
        _classify_table.check_kind(kind_of(series), series.name)
        codes, uniques = _objects(series)
        distinct = _classify_table.classify_distinct(
            uniques,
            codes,
            min_score=min_score,
            column=series.name,
            labels=_labels(series.index),
            known=known,
        )
    except CareerkitError as error:
        raise _tables.in_partition(error, partition) from None
    each = pd.DataFrame(
        {
            name: pd.Series(getattr(distinct, name), dtype="float64" if name == "score" else "str")
            for name in _classify_table.COLUMNS
        }
    )
    return each.take(codes).set_axis(series.index)


@pd.api.extensions.register_dataframe_accessor("careerkit")
class CareerkitFrameAccessor:
    """``df.careerkit``: convert a table of pay figures (registered by ``import careerkit.pandas``)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    @_tables.takes(_tables.CONVERT)
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

        The rules (dates, missing amounts, ``errors``) are
        :func:`careerkit.convert_array`'s. The result has the frame's index and the
        name ``"pay (INR/month, 2024 prices)"``; with ``errors="raise"`` the error
        names the first failing row's number, index label and values.
        """
        return _table(self._frame, _tables.Request.of(locals()))

    @_tables.takes(_tables.FAILURES)
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
    ) -> pd.DataFrame:
        """Where each row's offer stands in its career's published pay distribution, as
        :meth:`careerkit.Career.pay_position` places it: a frame with the frame's index
        and the columns

        - ``career``: the career's id; ``region`` and ``area``: the band's region and
          area (its name; missing for a country's or a state's band); ``band_date``:
          the band's date (``'2025-05'``);
        - ``bracket`` (``'between p75 and p90'``), ``lower`` and ``upper`` (the bracket's
          percentiles, nullable ``Int64``), ``percentile``: the estimated percentile
          (float64, NaN where there is none), ``float()`` of the scalar ``Decimal``;
        - ``pay``, ``currency``, ``period``: the offer converted to the band's currency
          and period, in the prices of ``band_date`` (a range: its midpoint), float64;
        - ``reason``: why the row could not be placed (an unknown career, a region it has
          no band for, an offer with no date, a date outside the data ...), with missing
          values in every other column; missing where it was placed.

        A row with no offer (a missing amount or text) gives missing values and no
        reason, as :meth:`convert` gives NaN. Each distinct (career, region) pair's bands
        are looked up once, and each distinct offer placed once in each band. What is
        wrong with the call itself (a column of a type its part cannot hold, an unknown
        career given once for every row, amounts without ``currency`` and ``period``)
        raises at once.

        >>> import careerkit.pandas
        >>> offers = pd.DataFrame({"job": ["43-4051", "43-4051", "no-such-job"],
        ...                        "offer": ["$52,000 a year", "$30 an hour", "$20 an hour"]})
        >>> placed = offers.careerkit.pay_position(pay="offer", career="job", when="2025-05")
        >>> placed[["bracket", "percentile", "pay", "period"]]
                       bracket  percentile      pay period
        0  between p75 and p90        75.3  52000.0   year
        1  between p75 and p90        88.5     30.0   hour
        2                  NaN         NaN      NaN    NaN
        >>> placed.loc[2, "reason"][:28]
        "unknown career 'no-such-job'"
        """
        frame = self._frame
        call = _position_table.check_call(
            locals(), frame.columns, lambda name: kind_of(_one_column(frame, name))
        )
        return _position(frame, call)


@pd.api.extensions.register_series_accessor("careerkit")
class CareerkitSeriesAccessor:
    """``series.careerkit``: read a column of pay text (registered by ``import careerkit.pandas``)."""

    def __init__(self, series: pd.Series) -> None:
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
    ) -> pd.DataFrame:
        """Read each row's pay text with :func:`careerkit.parse_pay`: columns ``low``, ``high``,
        ``currency`` and ``period``.

        A single figure has ``high`` equal to ``low``; an open range ("up to ₹8
        LPA") has NaN at its open end; a missing text, or one that states no figure
        ("Negotiable"), gives NaN and missing values. Each distinct text is parsed once.
        """
        return _parse(self._series, _tables.ParseRequest.of(locals()))

    @_tables.takes(_tables.PARSE_FAILURES)
    def parse_failures(
        self,
        *,
        currency: str | None = None,
        period: Period | str | None = None,
        locale: str | None = None,
        default_currency: str | None = None,
        default_period: Period | str | None = None,
    ) -> pd.Series:
        """Why each row :meth:`parse` (same options) gives no figure, with the Series' index:
        ``"no figure stated"`` ("Negotiable"), the error of a text it cannot read; ``None``
        where it read one, or the text is missing."""
        return _parse(self._series, _tables.ParseRequest.of(locals(), reasons=True))["reason"]

    @_tables.takes(_tables.CLASSIFY)
    def classify(self, *, min_score: float | None = None) -> pd.DataFrame:
        """Code each row's job title to a career with :func:`careerkit.classify`: columns
        ``career`` (its id), ``soc``, ``title`` (official), ``score`` (0-100), ``field`` and
        ``matched`` (what matched, as :class:`~careerkit.SearchResult` says), with the
        Series' index.

        A missing title (``None``, NaN, ``pd.NA``), or one whose best match scores
        below *min_score*, gives missing values (NaN in ``score``). Each distinct title
        is classified once. A value that is neither text nor missing is refused
        (:class:`~careerkit.WrongTypeError`, naming its row).

        >>> import careerkit.pandas
        >>> titles = pd.Series(["Registered Nurses", None], index=["a", "b"])
        >>> coded = titles.careerkit.classify()
        >>> coded["career"].tolist(), coded["score"].isna().tolist()
        (['registered-nurses', nan], [False, True])
        >>> list(coded.columns)
        ['career', 'soc', 'title', 'score', 'field', 'matched']
        """
        return _classify(self._series, _classify_table.check_min_score(min_score))
