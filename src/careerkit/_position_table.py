"""Placing a table of offers: what the pandas, polars and Dask ``pay_position`` share.

A front end says which of its columns hold what (:func:`check_call`, before any row is
read) and reads them (:meth:`Call.place`, through a reader of its own): amounts as
float64, pay text and the offer's currency, period and date as careerkit reads them for
``convert``, careers and regions as codes and distinct values. Each distinct
combination of career, region and offer is placed once, by the one path
:meth:`careerkit.Career.pay_position` takes (:func:`careerkit._position.choose_band`,
then :class:`~careerkit.PayPosition`); each distinct (career, region) pair's bands are
looked up once (Dask's whole-frame table of them is *known*). The result has one value
of each of :data:`COLUMNS` per distinct combination, and each row's index into them,
for the front end to spread over its rows with its own gather.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from careerkit._position import choose_band, read_offer
from careerkit._tables import REQUIRED, Argument, names_column
from careerkit.errors import CareerkitError, ValidationError, WrongTypeError, shown, wrong_type
from careerkit.model.schedule import WorkSchedule
from careerkit.pay._columns import Column
from careerkit.pay._failures import plain, where
from careerkit.pay._kinds import Kind, amount_type, check_kind, is_missing, is_scalar
from careerkit.pay._part_values import check_value, currency_of, date_of, period_of
from careerkit.pay._pay import Pay
from careerkit.pay._position import PayPosition, closed, position
from careerkit.pay._range import PayRange

if TYPE_CHECKING:
    import numpy as np

    from careerkit.model import Career
    from careerkit.model.pay_band import PayBand

__all__ = ["COLUMNS", "POSITION", "Call", "Lookup", "Placed", "check_call", "lookup"]

POSITION = (
    Argument(
        "pay",
        REQUIRED,
        "the offers: the name of a column of amounts (numbers, with *currency* and "
        "*period*), of pay text (``'$52,000 a year'``, read by :func:`careerkit.parse_pay`: "
        "it must name its currency and period) or of both, or one offer for every row (a "
        "number, text, a :class:`~careerkit.Pay` or a closed :class:`~careerkit.PayRange`, "
        "placed by its midpoint)",
    ),
    Argument(
        "career",
        REQUIRED,
        "the careers: the name of a column of career keys (ids, codes such as "
        "``'43-4051'``, titles: what :func:`careerkit.get` takes), or one key for every row",
    ),
    Argument(
        "region",
        "US",
        "the regions: the name of a column of them, or one for every row (what "
        ":meth:`careerkit.Career.pay_bands` takes, such as ``'US'`` or ``'US-TX'``)",
    ),
    Argument(
        "currency",
        None,
        "the currency of a row's amount: the name of a column of ISO 4217 codes, or one "
        "code for every row; for amounts only (text and a ``Pay`` name their own)",
    ),
    Argument(
        "period",
        None,
        "the period of a row's amount (``'hour'`` ... ``'year'``): a column's name, or one "
        "for every row; for amounts only",
    ),
    Argument(
        "when",
        None,
        "the date each offer refers to, as ``convert`` reads dates (``'2025-05'``, years, "
        "dates, timestamps or periods; a day counts as its month): a column's name, or one "
        "date for every row; ``None``: undated, so each row is refused with the reason",
    ),
    Argument(
        "schedule",
        None,
        "the work schedule of a change of period (``None``: ``WorkSchedule.BLS_FULL_TIME``)",
    ),
    Argument(
        "country",
        None,
        "the country whose price index moves the offers' prices, for a currency several "
        "countries use (``'DE'`` for euros): one for every row, as ``PayBand.convert`` takes it",
    ),
)
"""The arguments of ``pay_position``: in every front end, in this order."""

ColumnKind = Literal["text", "int", "float"]

COLUMNS: tuple[tuple[str, ColumnKind], ...] = (
    ("career", "text"),
    ("region", "text"),
    ("area", "text"),
    ("band_date", "text"),
    ("bracket", "text"),
    ("lower", "int"),
    ("upper", "int"),
    ("percentile", "float"),
    ("pay", "float"),
    ("currency", "text"),
    ("period", "text"),
    ("reason", "text"),
)
"""The columns of ``pay_position``, in order, and what each holds (text, a whole number or
a float): the career's id, the band's region and area (its name; missing for a country's or
a state's band) and date, the bracket, its lower and upper percentiles, the estimated
percentile (the scalar ``Decimal`` as a float), the offer converted (a range's midpoint)
with its currency and period (in the prices of ``band_date``), and why a row could not be
placed (missing where it was)."""

_NOTHING = (*(None,) * 7, math.nan, math.nan, None, None, None)
_PARTS = ("pay", "career", "region", "currency", "period", "when")
_AMOUNT_ONLY = (
    "currency= and period= go with amounts; pay text and a Pay name their own currency and "
    "period: leave them out"
)

Lookup = tuple[str, tuple["PayBand", ...]]
"""A (career, region) pair looked up: the career's id and the region's bands."""


def _career(key: object) -> Career:
    """The career of *key*: :func:`careerkit.get`'s, refused where there is no key."""
    from careerkit.registry import get

    if is_missing(key):
        raise ValidationError("no career is given for the offer", field="career")
    if not isinstance(key, str):
        raise wrong_type("a career key such as '43-4051'", plain(key), "career")
    return get(key)


def lookup(career: object, region: object) -> Lookup:
    """The career *career* (a key) and its bands of *region*, as ``Career.pay_position`` finds them."""
    found = _career(career)
    if is_missing(region):
        raise ValidationError("no region is given for the offer", field="region")
    return found.id, found.pay_bands(region)  # type: ignore[arg-type]


class Placed(NamedTuple):
    """One value of each of :data:`COLUMNS` per distinct combination, and each row's index."""

    codes: np.ndarray[Any, np.dtype[np.int64]]
    values: list[tuple[Any, ...]]  # one tuple per combination, in the order of COLUMNS

    def column(self, name: str) -> list[Any]:
        """The values of column *name*, one per combination."""
        at = [column for column, _ in COLUMNS].index(name)
        return [row[at] for row in self.values]


Reader = Callable[[str, Hashable], Any]
"""A front end's reader of its column *name* as *part*: ``"amount"`` (float64), ``"text"``,
``"currency"``, ``"period"``, ``"when"`` (a :class:`Column`, read as ``convert`` reads it)
or ``"objects"`` (a :class:`Column` of the values as they are)."""


class Call(NamedTuple):
    """A ``pay_position`` call, checked: which arguments are columns, and how the offers read."""

    given: dict[str, object]  # each of _PARTS: a column's name or one value
    names: dict[str, Hashable]  # the parts given as a column of the frame: its name
    offers: str  # how the pay column reads: "amount", "text" or "objects" ("value": one)
    schedule: WorkSchedule | None
    known: dict[tuple[object, object], Lookup | CareerkitError]
    country: str | None = None

    def place(
        self,
        read: Reader,
        rows: int,
        labels: Sequence[object] | None = None,
        known: Mapping[tuple[object, object], Lookup | CareerkitError] | None = None,
    ) -> Placed:
        """Read the columns with *read* and place each distinct combination once.

        *labels* names the rows in errors; *known* holds (career, region) pairs looked
        up already (Dask's, for the whole frame).
        """
        import numpy as np

        columns: dict[str, Column] = {}
        for part in _PARTS:
            if part not in self.names:
                columns[part] = Column(part, None, [self.given[part]])
                continue
            name = self.names[part]
            how = self.offers if part == "pay" else part
            found = read("objects" if part in ("career", "region") else how, name)
            if how == "amount":
                uniques, codes = np.unique(found, return_inverse=True)
                found = Column(part, codes.astype(np.int64), uniques.tolist())
            if part in ("career", "region"):
                _check_text(part, found, name, labels)
            columns[part] = found
        codes, first = _combinations(list(columns.values()), rows)
        lookups = dict(self.known)
        lookups.update(known or {})
        positions: dict[tuple[Any, ...], PayPosition] = {}
        values = []
        for row in first:
            row_values = {
                part: column.uniques[0 if column.codes is None else int(column.codes[row])]
                for part, column in columns.items()
            }
            values.append(self._one(row_values, lookups, positions))
        return Placed(codes, values)

    def _one(
        self,
        values: dict[str, Any],
        lookups: dict[tuple[object, object], Lookup | CareerkitError],
        positions: dict[tuple[Any, ...], PayPosition],
    ) -> tuple[Any, ...]:
        """The result columns of one combination of values: a placed offer, or why not."""
        if is_missing(values["pay"]):
            return _NOTHING  # no offer: nothing to place, as convert gives NaN for no amount
        try:
            date = date_of(values["when"])
            offer = self._offer(values, date)
            pair = (values["career"], values["region"])
            if pair not in lookups:
                try:
                    lookups[pair] = lookup(*pair)
                except CareerkitError as error:
                    lookups[pair] = error
            found = lookups[pair]
            if isinstance(found, CareerkitError):
                raise found
            who, bands = found
            band = choose_band(bands, offer.period, who=who)
            key = (who, id(band), offer, date)
            if key not in positions:
                positions[key] = position(
                    offer,
                    band,
                    when=date,
                    schedule=self.schedule,
                    career=who,
                    country=self.country,
                )
            placed = positions[key]
        except CareerkitError as error:
            return (*_NOTHING[:-1], str(error))
        band = placed.band
        return (
            placed.career,
            band.region,
            None if band.area is None else band.area.name,
            str(band.reference_date),
            placed.bracket,
            placed.lower,
            placed.upper,
            math.nan if placed.percentile is None else float(placed.percentile),
            float(placed.pay.amount),
            placed.pay.currency,
            placed.pay.period.value,
            None,
        )

    def _offer(self, values: dict[str, Any], date: Any) -> Pay | PayRange:
        """A row's offer: an amount with its currency, period and date; text; or a Pay."""
        value = plain(values["pay"])
        if isinstance(value, str | Pay | PayRange):
            if values["currency"] is not None or values["period"] is not None:
                raise ValidationError(_AMOUNT_ONLY, field="pay")
            return read_offer(value)
        if not amount_type(type(value)):
            raise wrong_type("an amount, pay text or a Pay", value, "pay")
        currency, period = currency_of(values["currency"]), period_of(values["period"])
        return Pay(value, currency, period, when=date)  # type: ignore[arg-type]  # a number


def _combinations(columns: list[Column], rows: int) -> tuple[Any, list[int]]:
    """Each row's index into the distinct combinations of *columns*, and each one's first row."""
    import numpy as np

    keyed = [column.codes for column in columns if column.codes is not None]
    if not keyed:
        return np.zeros(rows, dtype=np.int64), [0] if rows else []
    key = keyed[0].astype(np.int64)
    for codes in keyed[1:]:  # renumbered at each step: the key stays below rows * values
        key = np.unique(key * (int(codes.max(initial=0)) + 1) + codes, return_inverse=True)[1]
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    return inverse.astype(np.int64), first.tolist()


def _refused(part: str, column: Hashable | None, problem: str) -> WrongTypeError:
    """The error for a column of careers (regions) that holds *problem*."""
    takes = "career keys as text, such as '43-4051'" if part == "career" else "regions as text"
    return WrongTypeError(
        f"expected a column of {takes}, got column {shown(column)}: {problem}", field=part
    )


def _check_text(part: str, column: Column, name: Hashable, labels: Sequence[object] | None) -> None:
    """Refuse a career (region) column with a value that is neither text nor missing."""
    import numpy as np

    bad = [at for at, value in enumerate(column.uniques) if not _text_or_missing(value)]
    if bad:
        row = int(np.argmax(np.isin(column.codes, bad))) if column.codes is not None else 0
        value = plain(column.uniques[bad[0] if column.codes is None else int(column.codes[row])])
        raise _refused(part, name, f"{type(value).__name__} {shown(value)} in {where(row, labels)}")


def _text_or_missing(value: object) -> bool:
    return isinstance(value, str) or is_missing(value)


def _offer_kind(kind: Kind, name: Hashable) -> str:
    """How a pay column of *kind* reads: ``"amount"``, ``"text"`` or ``"objects"`` (each looked at)."""
    if kind.name in ("number", "missing"):
        return "amount"
    if kind.name == "text":
        return "text"
    if kind.name == "object":
        return "objects"
    raise WrongTypeError(
        f"expected a column of amounts (numbers) or of pay text, got column {shown(name)}: "
        f"{kind.dtype} values",
        field="pay",
    )


def check_call(
    arguments: Mapping[str, Any], columns: Iterable[Hashable], kind: Callable[[Hashable], Kind]
) -> Call:
    """Check a ``pay_position`` call (its arguments, ``locals()``) before any row is read.

    A value that names one of the frame's *columns* is that column, and *kind* tells
    what it holds (of a Dask frame: its ``meta``). Refused at once: a column of a type
    its part cannot hold, a value given once that its part cannot be (an unknown
    career, ``currency="usd"``), a value that is neither a column's name nor one value
    (a list), currency and period with text offers, and amounts without them.
    """
    columns = list(columns)
    given = {part: arguments[part] for part in _PARTS}
    schedule = arguments["schedule"]
    if schedule is not None and not isinstance(schedule, WorkSchedule):
        raise wrong_type("a WorkSchedule or None", schedule, "schedule")
    country = arguments["country"]
    if country is not None:
        from careerkit.model._iso import check_country

        check_country(country, field="country")
    names = {part: value for part, value in given.items() if names_column(value, columns)}
    for part, value in given.items():
        if part not in names and not is_scalar(value):
            raise ValidationError(
                f"give {part} as the name of one of the frame's columns or one value for every "
                f"row, not a {type(value).__name__}",
                field=part,
            )
    offers = "value"
    if "pay" in names:
        offers = _offer_kind(kind(names["pay"]), names["pay"])
    elif is_missing(given["pay"]):
        raise ValidationError("pay: give the offers, a column's name or one offer", field="pay")
    for part in ("currency", "period", "when"):
        if part in names:
            check_kind(part, kind(names[part]), column=names[part])
        elif given[part] is not None:
            check_value(part, given[part])
    for part in ("career", "region"):
        if part in names:
            found = kind(names[part])
            if found.name not in ("text", "missing", "object", "number"):  # numbers: NaN only
                raise _refused(part, names[part], f"{found.dtype} values")
    amounts = offers == "amount" or (
        offers == "value" and not isinstance(given["pay"], str | Pay | PayRange)
    )
    units = [given[part] is not None for part in ("currency", "period")]
    if amounts and not all(units):
        raise ValidationError(
            "amounts need currency= and period= (each a column's name or one value): an "
            "amount alone is no offer",
            field="currency" if not units[0] else "period",
        )
    if offers in ("text", "value") and not amounts and any(units):
        raise ValidationError(_AMOUNT_ONLY, field="currency" if units[0] else "period")
    if offers == "value" and not amounts:  # one offer for every row: read at once
        closed(read_offer(given["pay"]))
    known: dict[tuple[object, object], Lookup | CareerkitError] = {}
    if "career" not in names:  # one career for every row: looked up at once
        if "region" in names:
            _career(given["career"])  # the career alone: the regions are the rows'
        else:
            pair = (given["career"], given["region"])
            known[pair] = lookup(*pair)
    return Call(given, names, offers, schedule, known, country)
