"""``careerkit convert`` and ``compare``: a pay figure converted; careers' pay side by side."""

from __future__ import annotations

import argparse

from careerkit.cli._options import (
    SharedOptions,
    _checked,
    _command,
    _conversion,
    _currency,
    _date,
    _locale,
    _Parser,
    _period,
    _RewordedError,
)
from careerkit.cli._output import _json
from careerkit.errors import ValidationError, shown

TYPE_CHECKING = False  # not typing's: the command line is read before typing is imported
if TYPE_CHECKING:
    from typing import Any, Literal

    from careerkit.model.dates import ReferenceDate
    from careerkit.model.pay_band import Period

__all__ = ["add_commands"]


def _target(text: str) -> tuple[str | None, Period | None]:
    """``--to``: ``CURRENCY/PERIOD``, ``CURRENCY`` or ``/PERIOD``; a bare period name
    (``year``) is ``/PERIOD``, as no ISO 4217 code is a period's name."""
    from careerkit.model.pay_band import Period

    expected = "expected CURRENCY/PERIOD, CURRENCY or /PERIOD, such as INR/month, INR or /month"
    currency, slash, period = text.partition("/")
    if not slash:
        periods = [member.value for member in Period]
        if text in periods:
            return None, _period(text)
        if text.strip().casefold() in periods:  # Year, ' year': as --period, one way to write it
            raise ValidationError(
                f"a period is written in lower case: /{text.strip().casefold()} or "
                f"{text.strip().casefold()}; {expected}"
            )
        if not (len(text) == 3 and text.isascii() and text.isalpha()):  # 'inr': its own hint
            raise ValidationError(
                f"neither an ISO 4217 currency (such as INR) nor a period ({', '.join(periods)}); "
                + expected
            )
    if not period and (slash or not currency):
        raise ValidationError(expected)
    return (_currency(currency) if currency else None), (_period(period) if period else None)


def _targets(args: argparse.Namespace) -> tuple[str | None, Period | None]:
    """The currency and period ``convert`` converts to: ``--to``'s, with ``--currency`` and
    ``--period``'s; the same thing asked two different ways is refused."""
    currency, period = (None, None) if args.to is None else _checked("--to", args.to, _target)
    if args.currency is not None:
        given = _checked("--currency", args.currency, _currency)
        if currency is not None and given != currency:
            raise ValidationError(
                f"--to {shown(args.to)} converts to {currency}, --currency to {given}: give "
                "the currency once"
            )
        currency = given
    if args.period is not None:
        asked = _checked("--period", args.period, _period)
        if period is not None and asked != period:
            raise ValidationError(
                f"--to {shown(args.to)} converts to pay per {period.value}, --period to pay "
                f"per {asked.value}: give the period once"
            )
        period = asked
    return currency, period


def _pay_json(pay: Any) -> dict[str, Any]:
    return {
        "amount": str(pay.amount),
        "rounded": str(pay.rounded()),
        "currency": pay.currency,
        "period": pay.period.value,
        "when": None if pay.when is None else str(pay.when),
        "provenance": [step.describe() for step in pay.provenance],
    }


def _convert(args: argparse.Namespace) -> int:
    from careerkit.errors import DateRequiredError
    from careerkit.pay import Pay, PayRange
    from careerkit.pay._bands import convert_pay
    from careerkit.text import format_pay, parse_pay

    latest = args.when == "latest"  # an undated figure, at the latest rates
    when = None if latest or args.when is None else _checked("--when", args.when, _date)
    currency, period = _targets(args)
    prices_of: ReferenceDate | Literal["latest"] | None = None
    if args.prices_of is not None:
        prices_of = (
            "latest"
            if args.prices_of == "latest"
            else _checked("--prices-of", args.prices_of, _date)
        )
    parsed = parse_pay(args.pay, when=when)
    if parsed is None:  # "Negotiable": the text says it states no figure
        from careerkit.errors import PayParseError

        raise PayParseError(f"cannot convert {shown(args.pay)}: no figure stated in it")

    def converted(pay: Pay) -> Pay:
        return convert_pay(
            pay,
            period=period,
            currency=currency,
            prices_of=prices_of,
            rates_of="latest" if latest else None,
        )

    result: Pay | PayRange
    try:
        if isinstance(parsed, PayRange):  # an open range keeps its open end open
            ends = (parsed.low, parsed.high)
            low, high = (None if end is None else converted(end) for end in ends)
            result = PayRange(low, high)
            results = list(result.ends)
        else:
            result = converted(parsed)
            results = [result]
    except DateRequiredError as error:  # the message quotes the PAY typed, not a Pay made of it
        raise _RewordedError(error, _undated(args, currency)) from None
    text = format_pay(result, _locale(args))
    if args.json:
        from careerkit import serialization

        print(
            serialization.to_json(
                {"input": args.pay, "text": text, "figures": [_pay_json(p) for p in results]}
            )
        )
        return 0
    print(text + _latest_used(results[-1]))
    if args.explain:
        print(results[-1].explain())
    return 0


def _undated(args: argparse.Namespace, currency: str | None) -> str:
    """Why PAY, which has no date, cannot be converted as asked; what to give."""
    give = "give the date it refers to with --when, such as --when 2008-05"
    if args.when == "latest":  # then the prices of a date were asked: rates alone are not enough
        return (
            f"cannot re-express {shown(args.pay)} in the prices of {args.prices_of}: it has no "
            f"date, and --when latest chooses the latest exchange rates only; {give}"
        )
    moves = [f"to {currency}"] if currency else []
    moves += [f"into the prices of {args.prices_of}"] if args.prices_of else []
    if currency and not args.prices_of:
        give += ", or --when latest to convert it at the latest month's rates"
    return f"cannot convert {shown(args.pay)} {' and '.join(moves)}: it has no date; {give}"


def _latest_used(pay: Any) -> str:
    """`` (latest rates: 2026-06)``, ``(latest prices: 2026-05)``: the dates 'latest' chose."""
    from careerkit.pay.provenance import latest_dates

    used = [f"latest {what}: {date}" for what, date in latest_dates(pay.provenance)]
    return f" ({'; '.join(used)})" if used else ""


def _compare(args: argparse.Namespace) -> int:
    from careerkit._compare import compare

    comparison = compare(*args.keys, **_conversion(args))
    if args.json:
        print(_json(comparison.to_dict()))
    else:
        print(comparison.render(args.lang, _locale(args)), end="")
    return 0


_EXAMPLES = {
    "convert": """careerkit convert "14.36 USD/hour" --to INR/month --when 2008-05
  careerkit convert "$14.36 an hour" --to INR/month --when 2008-05 --prices-of 2024 --explain
  careerkit convert "3.5 LPA" --to /month --locale en_IN
  careerkit convert '$14.36/hr' --to year
  careerkit convert "14.36 USD/hour" --currency INR --period month --when 2008-05
  careerkit convert "₹10,000 a month" --to USD --when latest
  careerkit convert "$14.36 an hour" --when 2008-05 --prices-of latest""",
    "compare": """careerkit compare customer-service public-relations-specialist --currency INR --period month --prices-of 2024
  careerkit compare csr pr-specialist --currency INR --period month --lang hi
  careerkit compare 43-4051 27-3031 --region US-CA --currency INR --period month
  careerkit compare 29-1141 --region US-TX --region US-CA --currency USD --period year""",
}


def add_commands(commands: argparse._SubParsersAction[_Parser], options: SharedOptions) -> None:
    """Add ``convert`` and ``compare`` to *commands*."""
    convert = _command(
        commands,
        options.prints_amounts,
        "convert",
        "convert a pay figure between periods, currencies and years",
        "Convert pay written as people write it ('$14.36 an hour', '3.5 LPA', "
        "'₹10,000–28,000 per month'). Periods use the BLS full-time schedule (2,080 hours "
        "a year); currencies the Federal Reserve's average rates for the date (the ECB's, "
        "then the World Bank's, where the Fed has none); prices "
        "US CPI-U or World Bank inflation.",
        examples=_EXAMPLES["convert"],
    )
    convert.add_argument("pay", metavar="PAY", help="the pay text, such as '14.36 USD/hour'")
    convert.add_argument(
        "--to",
        metavar="UNIT",
        help="CURRENCY/PERIOD, CURRENCY or /PERIOD (or PERIOD alone), such as INR/month, INR, "
        "/month or month",
    )
    convert.add_argument("--currency", help="convert to this ISO 4217 currency (as --to INR)")
    convert.add_argument(
        "--period", help="convert to this period: hour, day, week, month, year (as --to /year)"
    )
    convert.add_argument(
        "--when",
        help="the date the figure refers to (2008, 2008-05); 'latest' for an undated figure "
        "converted at the latest month's rates",
    )
    convert.add_argument(
        "--prices-of",
        help="re-express in the prices of this date ('latest': the latest the series has)",
    )
    convert.add_argument("--explain", action="store_true", help="show how it was converted")
    convert.set_defaults(run=_convert)

    comparing = _command(
        commands,
        options.prints_amounts,
        "compare",
        "compare careers side by side, pay converted to one unit",
        "Compare careers: every pay band converted to --currency per --period, with entry "
        "routes, course fees, funding and career ladder beside them.",
        examples=_EXAMPLES["compare"],
    )
    comparing.add_argument("keys", metavar="KEY", nargs="+", help="careers to compare")
    comparing.add_argument("--currency", required=True, help="ISO 4217 currency, such as INR")
    comparing.add_argument(
        "--period",
        "--per",
        dest="period",
        required=True,
        help="period: hour, day, week, month, year (--per: the old name)",
    )
    comparing.add_argument("--prices-of", help="in the prices of this date (2024)")
    comparing.add_argument(
        "--region",
        action="append",
        help="the pay bands of this region (IN, US, US-CA, an area such as austin; default: "
        "countries); given more than once, each region's in one table: --region US-TX "
        "--region US-CA",
    )
    comparing.set_defaults(run=_compare)
