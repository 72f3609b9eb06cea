"""``careerkit list``, ``search`` and ``show``: finding careers and showing a career's profile."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from careerkit.cli._history import (
    GROWTH_SORTS,
    check_growth_options,
    growth_by_id,
    growth_figure,
    growth_json,
)
from careerkit.cli._options import (
    SharedOptions,
    _checked,
    _command,
    _conversion,
    _job_zone,
    _locale,
    _Parser,
    _region,
)
from careerkit.cli._output import _json
from careerkit.errors import ValidationError

TYPE_CHECKING = False  # not typing's: the command line is read before typing is imported
if TYPE_CHECKING:
    from typing import Any

    from careerkit._career_table import CareerRow
    from careerkit._growth_table import GrowthRow
    from careerkit.model import Career

__all__ = ["add_commands"]

_SORTS = {
    "pay": "annual_median",
    "growth": "change_percent",
    "openings": "openings",
    "employment": "employment",
}
"""What each ``list --sort`` sorts by: a column of :class:`careerkit._career_table.CareerRow`."""
_US_ONLY = ("growth", "openings")


def _selected(
    args: argparse.Namespace, careers: Sequence[Career]
) -> tuple[list[CareerRow], dict[str, GrowthRow]] | None:
    """The rows of the *careers* that ``list``'s ``--education`` and ``--job-zone`` keep, in
    ``--sort``'s order, and (for ``--sort real-growth`` or ``pay-growth``) each one's growth
    by id; ``None`` where none of those options is given (a plain listing)."""
    check_growth_options(args)
    region = "US" if args.region is None else _checked("--region", args.region, _region)
    if args.region is not None and not (
        args.sort in ("pay", "employment", *GROWTH_SORTS)
        or (args.sort in _US_ONLY and region == "US")
    ):
        if args.sort in _US_ONLY:
            raise ValidationError(
                f"--sort {args.sort} uses BLS's Employment Projections, which are for the US "
                f"only: --region {region} is for --sort pay or --sort employment"
            )
        raise ValidationError(
            f"--region {region} chooses whose figures --sort pay, employment, real-growth or "
            "pay-growth sorts by: give one of those"
        )
    zone = None if args.job_zone is None else _checked("--job-zone", args.job_zone, _job_zone)
    if args.education is None and zone is None and args.sort is None:
        return None
    from careerkit._career_table import career_rows

    education = None if args.education is None else args.education.casefold()
    rows = [
        row
        for row in career_rows(region, careers)
        if (zone is None or row.job_zone == zone)
        and (education is None or education in (row.education or "").casefold())
    ]
    if args.sort in GROWTH_SORTS:
        return growth_by_id(args, rows, region)
    if args.sort is not None:
        column = _SORTS[args.sort]
        currencies = {row.currency for row in rows if getattr(row, column) is not None}
        if args.sort == "pay" and len(currencies) > 1:
            raise ValidationError(
                f"the careers' annual medians in {region} are in several currencies "
                f"({', '.join(sorted(map(str, currencies)))}), so --sort pay cannot order them"
            )
        # descending; careers without the figure last; ties keep the id order
        rows.sort(key=lambda row: (getattr(row, column) is None, -(getattr(row, column) or 0)))
    return rows, {}


def _figure(row: CareerRow, sort: str, growth: dict[str, GrowthRow]) -> str:
    """The figure ``list --sort`` sorted *row* by, as text (``—`` where none is published)."""
    if sort in GROWTH_SORTS:
        return growth_figure(growth.get(row.id), sort)
    value = getattr(row, _SORTS[sort])
    if value is None:
        return "—"
    if sort == "pay":
        return f"{value:,} {row.currency} a year"
    if sort == "growth":
        return f"{value:+} %"
    return f"{value:,}"


def _list(args: argparse.Namespace) -> int:
    if args.groups:
        from careerkit.catalogue import major_groups

        if args.json:
            print(_json(dict(major_groups())))
        else:
            for code, title in major_groups().items():
                print(f"{code}  {title}")
        return 0
    from careerkit import registry, serialization

    careers = registry.careers(group=args.group)
    chosen = _selected(args, careers)
    growth: dict[str, GrowthRow] = {}
    if chosen is not None:
        selected, growth = chosen
        by_id = {career.id: career for career in careers}
        careers = tuple(by_id[row.id] for row in selected)
        figures = {row.id: row for row in selected}
    if args.json:
        rows = []
        for career in careers:
            row: dict[str, object] = {
                "id": career.id,
                "title": serialization.converter().unstructure(career.title),
                "aliases": list(career.aliases),
                "codes": {system.value: code for system, code in career.codes.items()},
            }
            if args.sort in GROWTH_SORTS:  # the growth it is sorted by, and its dates
                row.update(growth_json(growth.get(career.id)))
            elif args.sort is not None:  # the figure it is sorted by, and its currency
                found = figures[career.id]
                row[_SORTS[args.sort]] = getattr(found, _SORTS[args.sort])
                if args.sort == "pay":
                    row["currency"] = found.currency
            rows.append(row)
        print(_json(rows))
        return 0
    width = min(40, max((len(career.id) for career in careers), default=0))
    shown = (
        {} if args.sort is None else {i: _figure(figures[i], args.sort, growth) for i in figures}
    )
    right = max(map(len, shown.values()), default=0)
    for career in careers:
        figure = f"  {shown[career.id]:>{right}}" if shown else ""
        print(f"{career.id:<{width}}{figure}  {career.title.in_language(args.lang)}")
    return 0


def _search(args: argparse.Namespace) -> int:
    from careerkit import serialization
    from careerkit._search import search

    results = search(args.text, limit=args.limit)
    if args.json:
        print(
            _json(
                [
                    {
                        "id": r.id,
                        "title": serialization.converter().unstructure(r.career.title),
                        "soc": r.soc,
                        "official_title": r.title,
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
    print(results._text(args.lang))  # str(results) is the same, in English
    return 0


def _show(args: argparse.Namespace) -> int:
    from careerkit import registry, serialization
    from careerkit.model._iso import is_region_code

    career = registry.get(args.key)
    region = None if args.region is None else _checked("--region", args.region, _region)
    if region is not None:
        career.pay_bands(region)  # a region the career has no band for is an error, as in text
    comparison = None
    if args.currency or args.period or args.prices_of:
        if not (args.currency and args.period):
            raise ValidationError("show converts pay with both --currency and --period")
        from careerkit._compare import compare

        comparison = compare(career, **_conversion(args))
    if args.json:
        document: dict[str, Any] = serialization.to_dict(career)
        if region is not None and not is_region_code(region):  # an area's, read when asked for
            from careerkit.catalogue.sources.oews_areas import figures

            unstructure = serialization.converter().unstructure
            there = figures(career, region)
            document["pay"] = [unstructure(band) for band in there.pay]
            document["employment"] = [unstructure(item) for item in there.employment]
        elif region is not None:  # the region's pay and employment only, as the text shows
            for key in ("pay", "employment"):
                document[key] = [item for item in document.get(key, []) if item["region"] == region]
        if comparison is not None:
            document = {"profile": document, "pay_converted": comparison.to_dict()}
        print(_json(document))
        return 0
    from careerkit._render import render_career

    limit = None if args.all else 5
    print(render_career(career, args.lang, _locale(args), region=region, limit=limit), end="")
    if comparison is not None:
        table = comparison.render(args.lang, _locale(args)).split("\n\n" + career.id + ":")[0]
        print("\n" + table.rstrip())
    return 0


_EXAMPLES = {
    "list": """careerkit list --lang hi
  careerkit list --groups
  careerkit list --group 29
  careerkit list --education bachelor --job-zone 4 --sort growth
  careerkit list --group 29 --sort pay --region US-TX
  careerkit list --sort real-growth --since 2011
  careerkit list --group 29 --sort pay-growth --since 2015 --until 2025 --json""",
    "search": """careerkit search nurse
  careerkit search "custmer service" --limit 3
  careerkit search 29-11 --json""",
    "show": """careerkit show customer-service
  careerkit show "कस्टमर केयर एग्जीक्यूटिव" --lang hi
  careerkit show 27-3031 --json
  careerkit show registered-nurses --region US-TX
  careerkit show 43-4051 --all
  careerkit show csr --currency INR --period month --prices-of 2024 --locale en_IN""",
}


def add_commands(commands: argparse._SubParsersAction[_Parser], options: SharedOptions) -> None:
    """Add ``list``, ``search`` and ``show`` to *commands*."""
    listing = _command(
        commands,
        options.prints_text,
        "list",
        "list the careers careerkit knows",
        "List careers by id and title: all of them, or one SOC major group's. --education "
        "and --job-zone keep those of a typical education or job zone; --sort orders them by "
        "a figure, most first (careers without it last), and shows it after the id.",
        examples=_EXAMPLES["list"],
    )
    listing.add_argument("--group", help="only this SOC major group (29 or 29-0000)")
    listing.add_argument("--groups", action="store_true", help="list the SOC major groups")
    listing.add_argument(
        "--education",
        metavar="TEXT",
        help="only careers whose typical education for entry (BLS's, for the US) contains "
        "TEXT, in any case (bachelor, 'high school', doctoral)",
    )
    listing.add_argument(
        "--job-zone",
        metavar="N",
        help="only careers of this O*NET Job Zone: 1 (little or no preparation) to 5 "
        "(extensive preparation)",
    )
    listing.add_argument(
        "--sort",
        choices=(*_SORTS, *GROWTH_SORTS),
        help="most first: pay (annual median of the newest release), growth (projected "
        "change in jobs, 2024-34, percent), openings (a year), employment, real-growth "
        "(the change in the median after prices, --since to --until, percent) or pay-growth "
        "(the same change in money)",
    )
    listing.add_argument(
        "--region",
        help="whose pay or employment --sort pay, employment, real-growth or pay-growth uses "
        "(default: US; US-TX, IN); growth and openings are BLS's projections for the US only",
    )
    listing.add_argument(
        "--since",
        metavar="DATE",
        help="the earlier date of --sort real-growth or pay-growth (2011, 2011-05: a year "
        "matches the one release of that year)",
    )
    listing.add_argument(
        "--until",
        metavar="DATE",
        help="the later date of --sort real-growth or pay-growth (default: each career's "
        "newest date)",
    )
    listing.set_defaults(run=_list)

    searching = _command(
        commands,
        options.prints_text,
        "search",
        "find careers by words, titles, codes or a code prefix (typos forgiven)",
        "Search every name an occupation goes by (official titles, O*NET's alternate and "
        "reported titles, specialties, aliases, Hindi names), codes, descriptions and tasks, "
        "reading titles as job ads write them (RN, Sr., '(Nights)', '- Remote'); "
        "best match first, with its score (0-100) and what matched (alternate title: Call "
        "Center Representative). With --json, each result's id, title (in each language), "
        "soc, official_title, score, matched and field. Exit 1 if nothing matches.",
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
        help="pay, employment and outlook of this region only (US, US-TX, IN; default: countries)",
    )
    show.add_argument(
        "--all",
        action="store_true",
        help="show every task, tool, skill, specialty and related career (default: the "
        "first 5 of each, and how many more)",
    )
    show.set_defaults(run=_show)
