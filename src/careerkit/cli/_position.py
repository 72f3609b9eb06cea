"""``careerkit position``: where an offer stands in a career's published pay distribution."""

from __future__ import annotations

import argparse

from careerkit.cli._options import (
    SharedOptions,
    _checked,
    _command,
    _date,
    _Parser,
    _region,
    _RewordedError,
)
from careerkit.cli._output import _json
from careerkit.errors import DateRequiredError, shown

__all__ = ["add_commands"]


def _summary(title: str, position: object) -> str:
    """The first line: the career, the place, the offer, its bracket and the estimate."""
    from careerkit.model.area import place_of
    from careerkit.pay import PayPosition
    from careerkit.text import format_pay

    assert isinstance(position, PayPosition)
    date = position.offer.when or position.date_given
    offer = format_pay(position.offer, "en") + ("" if date is None else f" ({date.label()})")
    estimate = (
        "no percentile can be estimated"
        if position.percentile is None
        else f"percentile {position.percentile} (an estimate)"
    )
    return (
        f"{title} ({position.career}), {place_of(position.band)}: {offer} is "
        f"{position.bracket}; {estimate}"
    )


def _position(args: argparse.Namespace) -> int:
    from careerkit.registry import get

    when = None if args.when is None else _checked("--when", args.when, _date)
    career = get(args.career)
    try:
        region = "US" if args.region is None else _checked("--region", args.region, _region)
        position = career.pay_position(args.offer, region, when=when)
    except DateRequiredError as error:  # the message quotes the OFFER typed, not a Pay of it
        raise _RewordedError(
            error,
            f"cannot place {shown(args.offer)}: it has no date; give the date it refers to "
            "with --when, such as --when 2025-05",
        ) from None
    if args.json:
        print(_json(position.to_dict()))
        return 0
    print(_summary(career.title.en, position))
    print(position.explain())
    return 0


_EXAMPLES = """careerkit position 43-4051 "$52,000 a year" --when 2025-05
  careerkit position 43-4051 "$52,000 a year" --region austin --when 2025-05
  careerkit position customer-service "$21 an hour" --region US-TX --when 2025-05
  careerkit position csr "₹35,000 per month" --when 2025-05 --json"""


def add_commands(commands: argparse._SubParsersAction[_Parser], options: SharedOptions) -> None:
    """Add ``position`` to *commands*."""
    position = _command(
        commands,
        [options.json],
        "position",
        "where an offer stands in a career's published pay distribution",
        "Place a pay offer (text as people write it: '$52,000 a year', '₹35,000 per "
        "month', '$20-24 an hour') in the career's newest published pay band of --region "
        "(careerkit.Career.pay_position): the offer is converted to the band's currency, "
        "period and date (prices moved with the price index, currency at that date's "
        "rates), and placed between the published percentiles (p10, p25, p50, p75, p90), "
        "never beyond them. The percentile printed is an estimate, by linear "
        "interpolation between the two published percentiles around the offer; there is "
        "none below the lowest or above the highest. --json prints "
        "PayPosition.to_dict().",
        examples=_EXAMPLES,
    )
    position.add_argument("career", metavar="CAREER", help="a career: id, code or title")
    position.add_argument("offer", metavar="OFFER", help="the offer, such as '$52,000 a year'")
    position.add_argument(
        "--region",
        help="the region or area of the band (US, US-TX, or an area such as austin; default: US)",
    )
    position.add_argument(
        "--when", help="the date the offer refers to (2025, 2025-05), if it has none"
    )
    position.set_defaults(run=_position)
