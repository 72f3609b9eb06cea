"""``careerkit list``, ``search`` and ``show``: finding careers and showing a career's profile."""

from __future__ import annotations

import argparse
from typing import Any

from careerkit import registry, serialization
from careerkit.cli._options import (
    SharedOptions,
    _checked,
    _command,
    _conversion,
    _locale,
    _Parser,
    _region,
)
from careerkit.cli._output import _json
from careerkit.errors import ValidationError

__all__ = ["add_commands"]


def _list(args: argparse.Namespace) -> int:
    if args.groups:
        from careerkit.catalogue import major_groups

        if args.json:
            print(_json(dict(major_groups())))
        else:
            for code, title in major_groups().items():
                print(f"{code}  {title}")
        return 0
    careers = registry.careers(group=args.group)
    if args.json:
        rows = [
            {
                "id": career.id,
                "title": serialization.converter().unstructure(career.title),
                "aliases": list(career.aliases),
                "codes": {system.value: code for system, code in career.codes.items()},
            }
            for career in careers
        ]
        print(_json(rows))
        return 0
    width = min(40, max((len(career.id) for career in careers), default=0))
    for career in careers:
        print(f"{career.id:<{width}}  {career.title.in_language(args.lang)}")
    return 0


def _search(args: argparse.Namespace) -> int:
    from careerkit._search import search

    results = search(args.text, limit=args.limit)
    if args.json:
        print(
            _json(
                [
                    {
                        "id": r.id,
                        "title": serialization.converter().unstructure(r.career.title),
                        "score": round(r.score, 1),
                        "matched": r.matched,
                        "field": r.field,
                    }
                    for r in results
                ]
            )
        )
        return 0
    if not results:
        print(f"no career matches {args.text!r}")
        return 1
    width = max(len(r.id) for r in results)
    for r in results:
        title = r.career.title.in_language(args.lang)
        matched = r.matched if len(r.matched) <= 60 else r.matched[:57] + "..."
        print(f"{r.score:5.1f}  {r.id:<{width}}  {title}  [{r.field}: {matched}]")
    return 0


def _show(args: argparse.Namespace) -> int:
    from careerkit._compare import compare

    career = registry.get(args.key)
    region = None if args.region is None else _checked("--region", args.region, _region)
    if region is not None:
        career.pay_bands(region)  # a region the career has no band for is an error, as in text
    comparison = None
    if args.currency or args.period or args.prices_of:
        if not (args.currency and args.period):
            raise ValidationError("show converts pay with both --currency and --period")
        comparison = compare(career, **_conversion(args))
    if args.json:
        document: dict[str, Any] = serialization.to_dict(career)
        if region is not None:  # the region's pay and employment only, as the text shows
            for key in ("pay", "employment"):
                document[key] = [item for item in document.get(key, []) if item["region"] == region]
        if comparison is not None:
            document = {"profile": document, "pay_converted": comparison.to_dict()}
        print(_json(document))
        return 0
    from careerkit._render import render_career

    print(render_career(career, args.lang, _locale(args), region=region), end="")
    if comparison is not None:
        table = comparison.render(args.lang, _locale(args)).split("\n\n" + career.id + ":")[0]
        print("\n" + table.rstrip())
    return 0


_EXAMPLES = {
    "list": """careerkit list --lang hi
  careerkit list --groups
  careerkit list --group 29""",
    "search": """careerkit search nurse
  careerkit search "custmer service" --limit 3
  careerkit search 29-11 --json""",
    "show": """careerkit show customer-service
  careerkit show "कस्टमर केयर एग्जीक्यूटिव" --lang hi
  careerkit show 27-3031 --json
  careerkit show registered-nurses --region US-TX
  careerkit show csr --currency INR --period month --prices-of 2024 --locale en_IN""",
}


def add_commands(commands: argparse._SubParsersAction[_Parser], options: SharedOptions) -> None:
    """Add ``list``, ``search`` and ``show`` to *commands*."""
    listing = _command(
        commands,
        options.prints_text,
        "list",
        "list the careers careerkit knows",
        "List careers by id and title: all of them, or one SOC major group's.",
        examples=_EXAMPLES["list"],
    )
    listing.add_argument("--group", help="only this SOC major group (29 or 29-0000)")
    listing.add_argument("--groups", action="store_true", help="list the SOC major groups")
    listing.set_defaults(run=_list)

    searching = _command(
        commands,
        options.prints_text,
        "search",
        "find careers by words, titles, codes or a code prefix (typos forgiven)",
        "Search careers' names (English and Hindi), aliases, codes and descriptions; "
        "best match first, with its score (0-100) and what matched. Exit 1 if nothing matches.",
        examples=_EXAMPLES["search"],
    )
    searching.add_argument("text", metavar="TEXT", help="words, a title or a code (29-11)")
    searching.add_argument(
        "--limit", type=int, default=10, help="at most this many results (default: 10)"
    )
    searching.set_defaults(run=_search)

    show = _command(
        commands,
        options.prints_amounts,
        "show",
        "show a career's whole profile, every fact with its source",
        "Show a career's whole profile. KEY is its id, an alias, an occupation code "
        "(5244.0301, 43-4051, ...) or its title in English or Hindi. With --currency and "
        "--period, its pay is also shown converted beside the original.",
        examples=_EXAMPLES["show"],
    )
    show.add_argument("key", metavar="KEY", help="id, alias, occupation code or title")
    show.add_argument("--currency", help="convert pay to this ISO 4217 currency")
    show.add_argument(
        "--period",
        "--per",
        dest="period",
        help="convert pay to this period: hour, day, week, month, year (--per: the old name)",
    )
    show.add_argument("--prices-of", help="in the prices of this date (2024, 2024-05)")
    show.add_argument(
        "--region",
        help="pay and employment of this region only (US, US-TX, IN; default: countries)",
    )
    show.set_defaults(run=_show)
