"""``careerkit history``: a career's pay date by date, as published and in one date's prices;
and the growth that ``careerkit list --sort real-growth`` (or ``pay-growth``) sorts by."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from careerkit.cli._options import (
    SharedOptions,
    _checked,
    _command,
    _date,
    _Parser,
    _period,
    _region,
)
from careerkit.cli._output import _counted, _json
from careerkit.errors import ValidationError

TYPE_CHECKING = False  # not typing's: the command line is read before typing is imported
if TYPE_CHECKING:
    from typing import Any

    from careerkit._career_table import CareerRow
    from careerkit._growth_table import GrowthRow
    from careerkit.pay import Pay, PayHistory

__all__ = [
    "GROWTH_SORTS",
    "add_commands",
    "check_growth_options",
    "growth_by_id",
    "growth_figure",
    "growth_json",
]

GROWTH_SORTS = {"real-growth": "real", "pay-growth": "nominal"}
"""``list --sort``'s growth orders: the :class:`~careerkit._growth_table.GrowthRow` column each
sorts by (the change after prices, the change in money)."""


def _statistic(text: str) -> str:
    from careerkit.model.pay_band import check_statistic

    return check_statistic(text)


def _figures(pays: Sequence[Pay]) -> list[str]:
    """The figures of a column, each rounded to the currency's minor unit (``21.53``), or
    whole where every one of them is (``65,470``: BLS's annual figures)."""
    rounded = [pay.rounded() for pay in pays]
    whole = all(amount == amount.to_integral_value() for amount in rounded)
    return [f"{amount.to_integral_value() if whole else amount:,}" for amount in rounded]


def a_period(period: str) -> str:
    """``"an hour"``, ``"a year"``: a period as the unit of a figure."""
    return f"{'an' if period == 'hour' else 'a'} {period}"


def _history_json(history: PayHistory, title: str, moved: Sequence[Pay]) -> dict[str, Any]:
    from careerkit.cli._pay import _pay_json

    cut = history.cut
    return {
        "career": history.career,
        "title": title,
        "region": history.region,
        "statistic": history.statistic,
        "currency": history.currency,
        "period": history.period.value,
        "prices_of": str(moved[0].when),
        "figures": [
            {
                "when": str(pay.when),
                "source": source,
                "figure": _pay_json(pay),
                "in_prices_of": _pay_json(real),
            }
            for pay, source, real in zip(history, history.sources, moved, strict=True)
        ],
        "cut": None
        if cut is None
        else {
            "starts": str(cut.starts),
            "revision": cut.revision,
            "reason": cut.reason,
            "earlier": list(cut.earlier),
            "text": cut.describe(),
        },
    }


def _history(args: argparse.Namespace) -> int:
    from careerkit.registry import get

    career = get(args.career)
    statistic = _checked("--statistic", args.statistic, _statistic)
    period = None if args.period is None else _checked("--period", args.period, _period)
    region = "US" if args.region is None else _checked("--region", args.region, _region)
    prices_of = None if args.prices_of is None else _checked("--prices-of", args.prices_of, _date)
    history = career.pay_history(region, statistic, period)
    moved = history.real(prices_of)
    if args.json:
        print(_json(_history_json(history, career.title.en, moved)))
        return 0
    prices = moved[0].when.label()  # type: ignore[union-attr]
    print(
        f"{career.title.en} ({career.id}), {history.region} {statistic}, "
        f"{history.currency} {a_period(history.period.value)}: {_counted(len(history), 'date')}"
    )
    rows = [("date", statistic, f"in {prices} prices", "source")]
    rows += zip(
        [pay.when.label() for pay in history],  # type: ignore[union-attr]
        _figures(history),
        _figures(moved),
        history.sources,
        strict=True,
    )
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for date, figure, real, source in rows:
        print(
            f"  {date:<{widths[0]}}  {figure:>{widths[1]}}  {real:>{widths[2]}}  {source}".rstrip()
        )
    if history.cut is not None:
        print(history.cut.describe())
    return 0


# --- list --sort real-growth|pay-growth ----------------------------------------------------------


def check_growth_options(args: argparse.Namespace) -> None:
    """Refuse ``--since`` and ``--until`` without a growth order, and a growth order without
    ``--since``."""
    growth = args.sort in GROWTH_SORTS
    if not growth and (args.since is not None or args.until is not None):
        given = "--since" if args.since is not None else "--until"
        raise ValidationError(
            f"{given} chooses a date of --sort real-growth or --sort pay-growth (the change "
            "in a career's median pay between two dates): give one of those"
        )
    if growth and args.since is None:
        raise ValidationError(
            f"--sort {args.sort} needs --since, the earlier date (such as --since 2011: a year "
            "matches the one release of that year); --until is the later one (default: each "
            "career's newest date)"
        )


def growth_by_id(
    args: argparse.Namespace, rows: Sequence[CareerRow], region: str
) -> tuple[list[CareerRow], dict[str, GrowthRow]]:
    """*rows* in the order of ``--sort real-growth`` (``pay-growth``), most first, the careers
    without both dates last (in id order); and each growth row, by id."""
    from careerkit._growth_table import growth_rows
    from careerkit.registry import get

    since = _checked("--since", args.since, _date)
    until = None if args.until is None else _checked("--until", args.until, _date)
    careers = [get(row.id) for row in rows]
    found = growth_rows(since, until, "median", region=region, careers=careers).rows
    by_id = {row.id: row for row in found}
    column = GROWTH_SORTS[args.sort]

    def order(row: CareerRow) -> tuple[bool, Any]:
        growth = by_id.get(row.id)
        return growth is None, 0 if growth is None else -getattr(growth, column)

    return sorted(rows, key=order), by_id


def growth_figure(growth: GrowthRow | None, sort: str) -> str:
    """The change ``list --sort`` sorted by, as text (``+1.04 %``; ``—`` where there is none)."""
    if growth is None:
        return "—"
    return f"{getattr(growth, GROWTH_SORTS[sort]) * 100:+.2f} %"


def growth_json(growth: GrowthRow | None) -> dict[str, object]:
    """The growth figures of ``list --sort real-growth --json``: ``None`` each where there are none."""
    if growth is None:
        return {"since": None, "until": None, "nominal": None, "real": None}
    return {
        "since": growth.since,
        "until": growth.until,
        "nominal": growth.nominal,
        "real": growth.real,
    }


_EXAMPLES = """careerkit history 29-1141
  careerkit history registered-nurses --prices-of 2024-05
  careerkit history 43-4051 --statistic p90 --period hour
  careerkit history customer-service --json"""


def add_commands(commands: argparse._SubParsersAction[_Parser], options: SharedOptions) -> None:
    """Add ``history`` to *commands*."""
    history = _command(
        commands,
        [options.json],
        "history",
        "a career's pay date by date, as published and in one date's prices",
        "Show one statistic of a career's pay at every date careerkit has "
        "(careerkit.Career.pay_history): for the US, BLS's national OEWS releases from May "
        "2004 to May 2025 and any release you have installed; each figure as published "
        "(converted only where that date publishes the statistic in another period), beside "
        "it the same figure in the prices of --prices-of (US CPI-U for US dollars), and the "
        "source it cites. Where a revision of the SOC split or merged the occupation, the "
        "series starts at the revision, and a note after the table says why. --json prints "
        "every figure with its provenance.",
        examples=_EXAMPLES,
    )
    history.add_argument("career", metavar="CAREER", help="a career: id, code or title")
    history.add_argument(
        "--statistic",
        default="median",
        help="median (the default), mean or a percentile: p10, p25, p75, p90",
    )
    history.add_argument(
        "--period",
        help="the period of the figures: hour, day, week, month, year (default: the one "
        "most dates publish)",
    )
    history.add_argument(
        "--prices-of",
        help="the date whose prices the second column uses (default: the last date; 2024-05 "
        "is May's prices, a year alone, such as 2024, that year's average)",
    )
    history.add_argument(
        "--region",
        help="the region or area (default: US; a state's or an area's history has the releases "
        "you have installed)",
    )
    history.set_defaults(run=_history)
