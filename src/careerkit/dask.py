"""Pay tables beyond one machine: :func:`convert`, :func:`parse`, :func:`classify` and
:func:`pay_position` on Dask.

Each partition goes through :mod:`careerkit.pandas` on a worker, so results equal
the pandas path exactly. Workers need careerkit installed, nothing else: the data
ships inside the package (data installed with ``careerkit data update`` is read
from each worker's own data directory, so install it on every worker, or leave
it out everywhere).

Work is done once per worker process, not once per partition: a conversion's
exact factor of each combination (currency, period, date, country) is kept by the
engine in every process, and a parse keeps each text it has read, so a partition
computes only what its worker has not met yet, for this call or an earlier one.
Partitions still stream, none waiting for another (but where *to* leaves the
currency or period open, every partition's are checked first, as pandas checks the
whole frame).

>>> import dask.dataframe as dd
>>> import pandas as pd
>>> import careerkit.dask
>>> jobs = dd.from_pandas(pd.DataFrame({"pay": [14.36, 25000.0], "cur": ["USD", "INR"],
...                                     "per": ["hour", "month"]}), npartitions=2)
>>> careerkit.dask.convert(jobs, amount="pay", currency="cur", period="per",
...                        when="2010", to="INR/month").compute().round(2).tolist()
[113627.64, 25000.0]

Dask is an optional extra (``pip install 'careerkit[dask]'``); ``import careerkit``
never imports it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, cast

from careerkit import _classify_table, _position_table, _tables

try:
    import dask.dataframe as dd
    import pandas as pd
except ModuleNotFoundError as error:  # the optional extra
    raise _tables.missing_extra(error, "dask") from None
from careerkit import pandas as _pandas
from careerkit.errors import CareerkitError, ValidationError, WrongTypeError
from careerkit.model.pay_band import Period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._columns import read_column
from careerkit.pay._factor_table import Target, one_unit
from careerkit.pay._kinds import check_kind, dtype_kind, is_missing, is_scalar
from careerkit.pay._units import When
from careerkit.pay._vector import Errors
from careerkit.text.parse import Ends, reader

if TYPE_CHECKING:
    from careerkit._search import SearchResult

__all__ = ["classify", "convert", "failures", "parse", "parse_failures", "pay_position"]


class _Texts:
    """The pay texts this process has read for Dask partitions, by parse options: each once.

    A worker parses partition after partition, which share most of their texts; a
    partition reads only the texts its worker has not met yet (as pandas reads them:
    :func:`careerkit.text.parse.reader`), and keeps each one's ends, currency and
    period, or its error, for the worker's later partitions and calls. (Conversions
    need nothing here: the engine keeps its factors per process itself.) One lock: two
    threads never read a text twice. Bounded (forgotten all at once when full). What a
    text reads as depends on the options alone, never on the data in use.
    """

    LIMIT = 1 << 17  # texts kept, over every set of options

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: dict[Hashable, dict[Hashable, Ends | CareerkitError]] = {}
        self._size = 0

    def clear(self) -> None:
        with self._lock:
            for known in self._known.values():
                known.clear()  # a partition reading meanwhile forgets its own too
            self._known, self._size = {}, 0

    def reader(self, request: _tables.ParseRequest) -> Callable[[object], Ends]:
        """*request*'s reading of one text, from what this process has kept."""
        options = request.options  # the defaults too: "$ 136k" reads by them
        with self._lock:
            known = self._known.setdefault(options, {})
        read = reader(*options)

        def cached(text: object) -> Ends:
            found = known.get(text)  # text: the column was checked, and no missing value is read
            if found is None:
                with self._lock:
                    found = known.get(text)
                    if found is None:
                        try:
                            found = read(text)
                        except CareerkitError as error:
                            found = _fresh(error)  # without the traceback it was raised with
                        if self._size >= self.LIMIT:
                            for table in self._known.values():
                                table.clear()
                            self._size = 0
                        known[text] = found
                        self._size += 1
            if isinstance(found, CareerkitError):
                raise _fresh(found)  # a copy for each raise, which writes its traceback
            return found

        return cached


def _fresh(error: CareerkitError) -> CareerkitError:
    """A copy of *error*: the same class, attributes and message, with no traceback."""
    copy = type(error).__new__(type(error))
    copy.__dict__.update(error.__dict__)
    copy.args = error.args
    return copy


_TEXTS = _Texts()


def _on_partition(
    part: pd.DataFrame | pd.Series,
    *checked: object,
    partition_info: dict[str, Any] | None = None,
    apply: Callable[..., Any],
    **arguments: Any,
) -> Any:
    """*apply* (one of careerkit.pandas's, or :func:`_parsed`) on one partition, its errors
    naming it.

    *checked* is the whole frame's check (:func:`_whole_column`), passed for its order only.
    """
    number = None if partition_info is None else partition_info.get("number")
    return apply(part, partition=number, **arguments)


def _parsed(part: pd.Series, request: _tables.ParseRequest, partition: int | None) -> Any:
    """careerkit.pandas's parse (or parse_failures) of one partition, with this process's texts."""
    found = _pandas._parse(part, request, partition, read=_TEXTS.reader(request))
    return found["reason"] if request.reasons else found


def _checked(frame: dd.DataFrame, request: _tables.Request) -> _tables.Call:
    """Check a call at once, as pandas would (the frame's ``meta`` gives its columns' types)."""
    for name, value in request.given.items():
        if not is_scalar(value):
            raise ValidationError(
                f"give {name} as a column name of the frame or one value for every row, "
                f"not a {type(value).__name__}",
                field=name,
            )
    return _tables.check_call(request, frame.columns, lambda name: dtype_kind(frame.dtypes[name]))


def _distinct(part: pd.DataFrame, columns: dict[str, Hashable]) -> frozenset[tuple[str, str]]:
    """One partition's distinct currencies and periods, as ``(part, value)`` pairs."""
    found: set[tuple[str, str]] = set()
    for name, column in columns.items():
        values: Any
        try:
            values = part[column].unique()
        except TypeError:  # unhashable values: careerkit's own reading
            try:
                values = read_column(name, part[column], len(part), column=column).uniques
            except CareerkitError:  # a value of a wrong type: its partition's error names it
                continue
        found.update((name, str(value)) for value in values if not is_missing(value))
    return frozenset(found)


def _union(seen: pd.Series) -> frozenset[tuple[str, str]]:
    return frozenset().union(*seen)


def _one_unit(seen: pd.Series, target: Target) -> frozenset[tuple[str, str]]:
    """Every partition's currencies (periods) together: refused as pandas refuses the frame."""
    found = _union(seen)
    for name in ("currency", "period"):
        one_unit(name, [value for part, value in found if part == name], target)
    return found


def _whole_column(
    frame: dd.DataFrame, names: dict[str, Hashable], target: Target
) -> tuple[Any, ...]:
    """The check of one currency (period) over every partition, where the target leaves it open.

    A lazy scalar, in the same graph, that each partition's conversion takes as an
    argument: no partition converts before the whole column has passed, and each
    input partition is computed once. Nothing where ``to=`` gives both.
    """
    columns = {
        name: names[name]
        for name in ("currency", "period")
        if name in names and getattr(target, name) is None
    }
    if not columns:
        return ()
    check = frame[list(dict.fromkeys(columns.values()))].reduction(
        chunk=_distinct,
        combine=_union,
        aggregate=_one_unit,
        chunk_kwargs={"columns": columns},
        aggregate_kwargs={"target": target},
        meta=object,
        token="careerkit-one-unit",
    )
    return (check,)


def _partitions(
    collection: dd.DataFrame | dd.Series,
    apply: Callable[..., Any],
    meta: pd.DataFrame | pd.Series,
    *after: object,
    **arguments: Any,
) -> Any:
    """*apply* (one of careerkit.pandas's) on every partition, after *after* (lazy checks)."""
    return collection.map_partitions(  # type: ignore[no-untyped-call]
        _on_partition, *after, apply=apply, meta=meta, **arguments
    )


def _map(frame: dd.DataFrame, request: _tables.Request) -> dd.Series:
    """careerkit.pandas's conversion of every partition, after the checks pandas makes of the
    whole frame: of the arguments at once, of one currency (period) across partitions."""
    call = _checked(frame, request)
    meta = pd.Series(dtype=object if request.reasons else "float64", name=call.name)
    after = _whole_column(frame, call.names, call.target)
    return cast("dd.Series", _partitions(frame, _pandas._table, meta, *after, request=request))


@_tables.takes(_tables.CONVERT)
def convert(
    frame: dd.DataFrame,
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
) -> dd.Series:
    """Every row's pay in the unit *to*, as a lazy float64 Dask Series.

    As :meth:`careerkit.pandas.CareerkitFrameAccessor.convert`, on a Dask DataFrame.
    Everything but the rows is checked here, at once, as pandas checks it: *errors*,
    the target, each value given once for every row, each column's type (from the
    frame's ``meta``). Rows are read when the result is computed, each partition on its worker; an error there names
    the partition and the row within it. Where *to* leaves the currency (or the
    period) open, the rows must have one over the whole frame, as in pandas: every
    partition's are checked together before any partition is converted.
    """
    return _map(frame, _tables.Request.of(locals()))


@_tables.takes(_tables.FAILURES)
def failures(
    frame: dd.DataFrame,
    *,
    amount: Hashable,
    currency: object,
    period: object,
    when: object,
    country: object = None,
    to: str | None = None,
    prices_of: When | None = None,
    schedule: WorkSchedule | None = None,
) -> dd.Series:
    """Why each row :func:`convert` (same arguments) cannot convert: ``None`` where it can.

    Checked at once, and over the whole frame, as :func:`convert` is.
    """
    return _map(frame, _tables.Request.of(locals(), reasons=True))


@_tables.takes(_tables.PARSE)
def parse(
    series: dd.Series,
    *,
    errors: Errors = "raise",
    currency: str | None = None,
    period: Period | str | None = None,
    locale: str | None = None,
    default_currency: str | None = None,
    default_period: Period | str | None = None,
) -> dd.DataFrame:
    """Read a Dask Series of pay text: ``low``, ``high``, ``currency``, ``period``, lazily.

    As :meth:`careerkit.pandas.CareerkitSeriesAccessor.parse`, partition by
    partition (each distinct text is parsed once per partition). The options and
    the series' type are checked here, at once.
    """
    return cast("dd.DataFrame", _parse(series, _tables.ParseRequest.of(locals())))


@_tables.takes(_tables.PARSE_FAILURES)
def parse_failures(
    series: dd.Series,
    *,
    currency: str | None = None,
    period: Period | str | None = None,
    locale: str | None = None,
    default_currency: str | None = None,
    default_period: Period | str | None = None,
) -> dd.Series:
    """Why each row :func:`parse` (same options) gives no figure, lazily: as
    :meth:`careerkit.pandas.CareerkitSeriesAccessor.parse_failures`."""
    return cast("dd.Series", _parse(series, _tables.ParseRequest.of(locals(), reasons=True)))


def _parse(series: dd.Series, request: _tables.ParseRequest) -> Any:
    """:func:`parse` (or :func:`parse_failures`) of *series*, its type checked at once."""
    check_kind("text", dtype_kind(series.dtype), column=series.name)
    meta = _parsed(pd.Series([], dtype="str"), request, None)  # pandas's own, of no rows
    return _partitions(series, _parsed, meta, request=request)


def _titles(part: pd.Series) -> frozenset[str]:
    """One partition's distinct titles (its other values are its own error, when it is coded)."""
    values: Any
    try:
        values = part.unique()
    except TypeError:  # unhashable values: refused with their row by the partition's coding
        values = part.tolist()
    return frozenset(value for value in values if isinstance(value, str))


def _all_titles(seen: pd.Series) -> frozenset[str]:
    return frozenset().union(*seen)


def _classified(seen: pd.Series, min_score: float | None) -> dict[str, SearchResult | None]:
    """Every partition's distinct titles together, each classified once."""
    return _classify_table.classified_titles(sorted(_all_titles(seen)), min_score)


def _coded(
    part: pd.Series,
    known: dict[str, SearchResult | None],
    *,
    min_score: float | None,
    partition_info: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """One partition coded with the whole series' classified titles, its errors naming it."""
    number = None if partition_info is None else partition_info.get("number")
    return _pandas._classify(part, min_score, partition=number, known=known)


@_tables.takes(_tables.CLASSIFY)
def classify(series: dd.Series, *, min_score: float | None = None) -> dd.DataFrame:
    """Code a Dask Series of job titles to careers: ``career``, ``soc``, ``title``, ``score``,
    ``field`` and ``matched``, lazily.

    As :meth:`careerkit.pandas.CareerkitSeriesAccessor.classify`, and equal to it.
    *min_score* and the series' type (its ``meta``) are checked here, at once. When
    computed, the distinct titles of every partition are gathered and each is
    classified once, in one task, before the partitions are coded with them (each
    input partition is computed once); a value that is neither text nor missing is
    refused naming its partition and row.
    """
    least = _classify_table.check_min_score(min_score)
    if not isinstance(series, dd.Series):
        raise WrongTypeError(
            f"expected a Dask Series of job titles, got {type(series).__name__}"
            + (": give one of its columns, frame[name]" if isinstance(series, dd.DataFrame) else "")
            + (
                "; for pandas, series.careerkit.classify()" if isinstance(series, pd.Series) else ""
            ),
            field="series",
        )
    _classify_table.check_kind(dtype_kind(series.dtype), series.name)
    meta = _pandas._classify(pd.Series([], dtype="str"), least)  # pandas's own, of no rows
    known = series.reduction(  # type: ignore[no-untyped-call]
        chunk=_titles,
        combine=_all_titles,
        aggregate=_classified,
        aggregate_kwargs={"min_score": least},
        meta=object,
        token="careerkit-classify-titles",
    )
    coded = series.map_partitions(  # type: ignore[no-untyped-call]
        _coded, known, min_score=least, meta=meta
    )
    return cast("dd.DataFrame", coded)


def _pairs(part: pd.DataFrame, call: _position_table.Call) -> frozenset[tuple[object, object]]:
    """One partition's distinct (career, region) pairs of text, or of text and the one region
    given (its other values are its own error, when it is placed)."""
    given = {
        name: part[call.names[name]] if name in call.names else call.given[name]
        for name in ("career", "region")
    }
    pairs = pd.DataFrame(given, index=part.index)
    try:
        found = pairs.drop_duplicates().itertuples(index=False, name=None)
    except TypeError:  # unhashable values: refused with their row when the partition is placed
        found = pairs.itertuples(index=False, name=None)
    one_region = "region" not in call.names  # one value (an Area too) for every row
    return frozenset(
        (career, region)
        for career, region in found
        if isinstance(career, str) and (one_region or isinstance(region, str))
    )


def _all_pairs(seen: pd.Series) -> frozenset[tuple[object, object]]:
    return frozenset().union(*seen)


def _looked_up(
    seen: pd.Series,
) -> dict[tuple[object, object], _position_table.Lookup | CareerkitError]:
    """Every partition's distinct (career, region) pairs together, each looked up once."""
    found: dict[tuple[object, object], _position_table.Lookup | CareerkitError] = {}
    for pair in sorted(_all_pairs(seen), key=str):
        try:
            found[pair] = _position_table.lookup(*pair)
        except CareerkitError as error:
            found[pair] = error
    return found


def _placed(
    part: pd.DataFrame,
    known: dict[tuple[object, object], _position_table.Lookup | CareerkitError],
    *,
    call: _position_table.Call,
    partition_info: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """One partition placed with the whole frame's looked-up bands, its errors naming it."""
    number = None if partition_info is None else partition_info.get("number")
    return _pandas._position(part, call, partition=number, known=known)


@_tables.takes(_position_table.POSITION)
def pay_position(
    frame: dd.DataFrame,
    *,
    pay: object,
    career: object,
    region: object = "US",
    currency: object = None,
    period: object = None,
    when: object = None,
    schedule: WorkSchedule | None = None,
    country: str | None = None,
) -> dd.DataFrame:
    """Where each row's offer stands in its career's published pay distribution, lazily.

    As :meth:`careerkit.pandas.CareerkitFrameAccessor.pay_position` (the same columns,
    equal to it), on a Dask DataFrame. The call is checked here, at once, from the
    frame's ``meta``. When computed, the distinct (career, region) pairs of every
    partition are gathered and each pair's bands looked up once, in one task, before
    the partitions are placed with them (each input partition is computed once).
    """
    if not isinstance(frame, dd.DataFrame):
        raise WrongTypeError(
            f"expected a Dask DataFrame of offers, got {type(frame).__name__}"
            + (
                "; for pandas, frame.careerkit.pay_position()"
                if isinstance(frame, pd.DataFrame)
                else ""
            ),
            field="frame",
        )
    call = _position_table.check_call(
        locals(), frame.columns, lambda name: dtype_kind(frame.dtypes[name])
    )
    meta = _pandas._position(frame._meta, call)  # pandas's own, of no rows
    known: object = {}  # one pair for every row: looked up already, by the check
    if {"career", "region"} & set(call.names):
        columns = [call.names[name] for name in ("career", "region") if name in call.names]
        known = frame[list(dict.fromkeys(columns))].reduction(
            chunk=_pairs,
            combine=_all_pairs,
            aggregate=_looked_up,
            chunk_kwargs={"call": call},
            meta=object,
            token="careerkit-position-bands",
        )
    placed = frame.map_partitions(  # type: ignore[no-untyped-call]
        _placed, known, call=call, meta=meta
    )
    return cast("dd.DataFrame", placed)
