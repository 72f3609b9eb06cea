"""Pay tables beyond one machine: :func:`convert` and :func:`parse` on Dask DataFrames.

Each partition goes through :mod:`careerkit.pandas` on a worker, so results equal
the pandas path exactly. Workers need careerkit installed, nothing else: the data
ships inside the package (data installed with ``careerkit data update`` is read
from each worker's own data directory, so install it on every worker, or leave
it out everywhere).

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

from collections.abc import Callable, Hashable
from typing import Any, cast

from careerkit import _tables

try:
    import dask.dataframe as dd
    import pandas as pd
except ModuleNotFoundError as error:  # the optional extra
    raise _tables.missing_extra(error, "dask") from None
from careerkit import pandas as _pandas
from careerkit.errors import ValidationError, shown
from careerkit.model.pay_band import Period
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._pay import When
from careerkit.pay._vector import Errors

__all__ = ["convert", "failures", "parse"]


def _check_columns(frame: dd.DataFrame, given: dict[str, object]) -> None:
    """Refuse what a partition could not take: a Dask or pandas object instead of a column name."""
    for name, value in given.items():
        if isinstance(value, dd.Series | dd.DataFrame | pd.Series | pd.Index):
            raise ValidationError(
                f"give {name} as a column name of the frame or one value for every row, "
                f"not a {type(value).__name__}",
                field=name,
            )
    if not (isinstance(given["amount"], Hashable) and given["amount"] in frame.columns):
        raise ValidationError(
            f"amount={shown(given['amount'])} is not a column of the frame (its columns: "
            f"{', '.join(map(str, list(frame.columns)[:8]))}); give the name of the column of "
            "amounts",
            field="amount",
        )


def _on_partition(
    part: pd.DataFrame | pd.Series,
    partition_info: dict[str, Any] | None = None,
    *,
    apply: Callable[..., Any],
    **arguments: Any,
) -> Any:
    """*apply* (one of careerkit.pandas's) on one partition, its errors naming the partition."""
    number = None if partition_info is None else partition_info.get("number")
    return apply(part, partition=number, **arguments)


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

    The arguments are :meth:`careerkit.pandas.CareerkitFrameAccessor.convert`'s
    (column names, or one value for every row). The target is checked here, at
    once; rows are read when the result is computed, each partition on its
    worker, and an error there names the partition and the row within it.
    """
    given = {"amount": amount, "currency": currency, "period": period, "when": when}
    _check_columns(frame, {**given, "country": country})
    _, unit = _tables.target(to, prices_of, schedule)
    meta = pd.Series(dtype="float64", name=_tables.result_name(amount, unit))
    return cast(
        "dd.Series",
        frame.map_partitions(  # type: ignore[no-untyped-call]
            _on_partition,
            apply=_pandas._convert,
            **given,
            country=country,
            to=to,
            prices_of=prices_of,
            schedule=schedule,
            errors=errors,
            meta=meta,
        ),
    )


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
    """Why each row :func:`convert` (same arguments) cannot convert: ``None`` where it can."""
    given = {"amount": amount, "currency": currency, "period": period, "when": when}
    _check_columns(frame, {**given, "country": country})
    _tables.target(to, prices_of, schedule)
    return cast(
        "dd.Series",
        frame.map_partitions(  # type: ignore[no-untyped-call]
            _on_partition,
            apply=_pandas._failures,
            **given,
            country=country,
            to=to,
            prices_of=prices_of,
            schedule=schedule,
            meta=pd.Series(dtype=object, name="reason"),
        ),
    )


def parse(
    series: dd.Series,
    *,
    errors: Errors = "raise",
    currency: str | None = None,
    period: Period | str | None = None,
    locale: str | None = None,
) -> dd.DataFrame:
    """Read a Dask Series of pay text: ``low``, ``high``, ``currency``, ``period``, lazily.

    As :meth:`careerkit.pandas.CareerkitSeriesAccessor.parse`, partition by
    partition (each distinct text is parsed once per partition).
    """
    meta = pd.DataFrame(
        {
            "low": pd.Series(dtype="float64"),
            "high": pd.Series(dtype="float64"),
            "currency": pd.Series(dtype="str"),
            "period": pd.Series(dtype="str"),
        }
    )
    return cast(
        "dd.DataFrame",
        series.map_partitions(  # type: ignore[no-untyped-call]
            _on_partition,
            apply=_pandas._parse,
            errors=errors,
            currency=currency,
            period=period,
            locale=locale,
            meta=meta,
        ),
    )
