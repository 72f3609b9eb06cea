"""Plain-text rendering of a career for people, in English or Hindi, every fact cited.

Each fact ends with ``[n]``, the number of its source in the list printed last.
Amounts are shown as the source states them; locale-aware formatting (lakh
grouping, Devanagari digits) belongs to the pay formatting layer, not here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TypeVar

from careerkit._labels import FUNDING, LABELS, OUTLOOK_HI
from careerkit.errors import PayBandNotFoundError
from careerkit.model import (
    Area,
    Career,
    CourseFee,
    Employment,
    Fact,
    Outlook,
    PayBand,
    Preparation,
    Text,
    _iso,
)
from careerkit.model.area import place_of
from careerkit.model.text import check_language

_T = TypeVar("_T")


class _Writer:
    def __init__(self, career: Career | None, lang: str, locale: str, limit: int | None) -> None:
        self.lang = check_language(lang)
        self.locale = locale
        self.limit = limit
        self.labels = LABELS[self.lang]
        sources = career.sources if career is not None else ()
        self.numbers = {source.id: index for index, source in enumerate(sources, 1)}
        self.lines: list[str] = []

    def t(self, text: Text) -> str:
        return text.in_language(self.lang)

    def cite(self, source_id: str) -> str:
        number = self.numbers.get(source_id)  # a band alone has no list of sources: its id
        return f"[{number}]" if number is not None else f"({source_id})"

    def heading(self, key: str) -> None:
        self.lines += ["", self.labels[key]]

    def item(self, text: str, source_id: str | None = None, note: Text | None = None) -> None:
        self.lines.append(f"  • {text}" + (f" {self.cite(source_id)}" if source_id else ""))
        if note is not None:
            self.lines.append(f"    {self.labels['note']}: {self.t(note)}")

    def facts(self, key: str, facts: Iterable[Fact], *, limited: bool = False) -> None:
        """The section *key* of *facts*; *limited*: the first few of each source's, and a count."""
        facts = tuple(facts)
        if facts:
            self.heading(key)
            seen: Counter[str] = Counter()
            for fact in facts:
                seen[fact.source] += 1
                if not limited or self.limit is None or seen[fact.source] <= self.limit:
                    self.item(self.t(fact.text), fact.source, fact.note)
            if limited and self.limit is not None:
                self.more(sum(max(0, count - self.limit) for count in seen.values()))

    def first(self, items: Sequence[_T]) -> Sequence[_T]:
        """The first few of *items* (all of them with no limit)."""
        return items if self.limit is None else items[: self.limit]

    def more(self, hidden: int) -> None:
        """Say how many items are not shown, and how to show them."""
        if hidden > 0:
            self.lines.append("  " + self.labels["more"].format(n=hidden))

    def number(self, count: int) -> str:
        from babel.numbers import format_decimal

        return str(format_decimal(count, locale=_babel_locale(self.locale)))

    def money(self, band: PayBand | CourseFee) -> str:
        from careerkit.text.format import format_figures

        text = f"{place_of(band)}: {format_figures(band, self.locale, self.lang)}"
        if band.indicative:
            text += f", {self.labels['indicative']}"
        return text


def render_career(
    career: Career,
    lang: str = "en",
    locale: str | None = None,
    region: str | Area | None = None,
    *,
    limit: int | None = 5,
) -> str:
    """The whole profile as readable text in *lang* (``"en"`` or ``"hi"``), amounts for *locale*.

    Pay, employment and outlook are those of *region* where given (an area's:
    pay and employment, from BLS's area figures); otherwise those of whole
    countries, with the states and territories that have pay listed. The
    long lists (each source's duties, tools, skills, specialties, related careers)
    show their first *limit* items and a count of the rest; ``None`` shows them all,
    and every category of the preparation's shares with its full label (a first
    look leaves the categories of 0 % out, saying so, and shortens a label to its
    name before " - ").
    """
    pay, jobs, outlook = _figures(career, region)
    w = _Writer(career, lang, locale or lang, limit)
    labels = w.labels
    w.lines += [w.t(career.title), f"id: {career.id}"]
    if career.aliases:
        w.lines.append(f"{labels['aliases']}: {', '.join(career.aliases)}")
    if career.occupation_codes:
        w.heading("codes")
        for code in career.occupation_codes:
            title = f" ({w.t(code.title)})" if code.title else ""
            w.item(f"{code.system.value} {code.code}{title}", code.source)
    w.facts("summary", career.summary)
    w.facts("duties", career.duties, limited=True)
    _work(w, career)
    for key in ("abilities", "workplaces", "employers", "work_environment"):
        w.facts(key, getattr(career, key))
    if career.working_hours:
        w.heading("working_hours")
        for hours in career.working_hours:
            span = labels["hours"].format(low=hours.min_hours_per_day, high=hours.max_hours_per_day)
            w.item(f"{hours.region}: {span}. {w.t(hours.text)}", hours.source)
    w.facts("accessibility", career.accessibility)
    if career.entry_routes:
        w.heading("entry_routes")
        for number, route in enumerate(career.entry_routes, 1):
            if number > 1:
                w.lines.append(f"    {labels['or']}")
            steps = [w.t(route.minimum_qualification), *(w.t(step) for step in route.steps)]
            w.item(f"{route.region}: " + " → ".join(steps), route.source)
            w.lines.append(f"    {w.t(route.text)}")
            if route.nsqf_level is not None:
                w.lines.append(f"    {labels['nsqf'].format(n=route.nsqf_level)}")
            if route.note is not None:
                w.lines.append(f"    {labels['note']}: {w.t(route.note)}")
    _preparation(w, career.preparation)
    w.facts("institutions", career.institutions)
    if career.courses:
        w.heading("courses")
        for course in career.courses:
            parts = [w.t(course.name)]
            if course.provider is not None:
                parts.append(f"({w.t(course.provider)})")
            if course.online:
                parts.append(f"[{labels['online']}]")
            if course.url is not None:
                parts.append(course.url)
            w.item(" ".join(parts), course.source, course.note)
    _money_section(w, "course_fees", career.course_fees)
    if career.funding:
        w.heading("funding")
        for funding in career.funding:
            url = f" {funding.url}" if funding.url else ""
            head = f"{FUNDING[w.lang][funding.kind]}: {w.t(funding.name)} ({', '.join(funding.regions)}){url}"
            w.item(head, funding.source)
            w.lines.append(f"    {w.t(funding.description)}")
            if funding.note is not None:
                w.lines.append(f"    {labels['note']}: {w.t(funding.note)}")
    if career.ladder is not None:
        w.heading("ladder")
        ladder = " → ".join(w.t(step) for step in career.ladder.steps)
        w.item(f"{career.ladder.region}: {ladder}", career.ladder.source)
    _money_section(w, "pay", pay)
    _states(w, career, region)
    _history(w, career, region)
    _employment(w, jobs)
    _outlook(w, outlook)
    if career.stories:
        w.heading("stories")
        for story in career.stories:
            w.item(w.t(story.text), story.source, story.note)
    _related(w, career)
    w.facts("related_titles", career.related_titles)
    w.facts("notes", career.notes)
    if career.sources:
        w.heading("sources")
        for source in career.sources:
            w.lines.append(f"  {w.cite(source.id)} {source.citation(w.lang)}")
            if source.reference_date is None and source.date_note is not None:
                w.lines.append(f"      {labels['date']}: {w.t(source.date_note)}")
            if source.via is not None:
                w.lines.append(f"      {labels['via']} {w.cite(source.via)}")
            if source.note is not None:
                w.lines.append(f"      {w.t(source.note)}")
    return "\n".join(w.lines) + "\n"


def _figures(
    career: Career, region: str | Area | None
) -> tuple[Sequence[PayBand], Sequence[Employment], Sequence[Outlook]]:
    """The pay, employment and outlook to show: *region*'s, or whole countries'. A region
    the career has no band for is an error; an area has no outlook of its own."""
    if region is None:
        return (
            _iso.of_region(career.pay, None),
            _iso.of_region(career.employment, None),
            _iso.of_region(career.outlook, None),
        )
    pay = career.pay_bands(region)
    if not _iso.is_region_code(region):  # an area: its figures, read when asked for
        try:
            jobs = career.employment_in(region)
        except PayBandNotFoundError:  # BLS released its pay there, not its employment
            jobs = ()
        return pay, jobs, ()
    code: str = region  # type: ignore[assignment]
    return pay, _iso.of_region(career.employment, code), _iso.of_region(career.outlook, code)


def _money_section(w: _Writer, key: str, bands: Iterable[PayBand | CourseFee]) -> None:
    bands = tuple(bands)
    if not bands:
        return
    w.heading(key)
    for band in bands:
        w.item(w.money(band), band.source)
        if band.statement is not None:
            w.lines.append(f"    “{w.t(band.statement)}”")
        if isinstance(band, PayBand) and band.reference_date is None and band.undated_note:
            w.lines.append(f"    {w.labels['date']}: {w.t(band.undated_note)}")
        if isinstance(band, PayBand) and band.mean_rse is not None:
            w.lines.append(f"    {w.labels['mean_rse'].format(rse=band.mean_rse)}")
        if band.note is not None:
            w.lines.append(f"    {w.labels['note']}: {w.t(band.note)}")


def _states(w: _Writer, career: Career, region: str | Area | None) -> None:
    states = sorted({band.region for band in career.pay if "-" in band.region})
    if region is None and states:
        example = "US-TX" if "US-TX" in states else states[0]
        label = w.labels["states"] if len(states) > 1 else w.labels["state_one"]
        w.lines.append(
            "  "
            + label.format(count=len(states), first=states[0], last=states[-1], example=example)
        )


def _history(w: _Writer, career: Career, region: str | Area | None) -> None:
    """The national median's dates, and where its series was cut and why (whole-country
    pages and the US page only: a state's or area's history is asked for with --region)."""
    if region is not None and (isinstance(region, Area) or region.strip().upper() != "US"):
        return
    if not any(band.region == "US" and band.reference_date for band in career.pay):
        return
    try:
        history = career.pay_history()
    except PayBandNotFoundError:  # no dated national median
        return
    first, last = history[0].when, history[-1].when
    w.lines.append(
        "  "
        + w.labels["history"].format(
            first=first.label(w.lang),  # type: ignore[union-attr]
            last=last.label(w.lang),  # type: ignore[union-attr]
            count=w.labels["date_many" if len(history) != 1 else "date_one"].format(n=len(history)),
            key=career.id,
        )
    )
    notes = [history.cut.describe()] if history.cut is not None else []
    notes += [*history.notes, history.describe_top_coded()]
    w.lines += [f"    {w.labels['note']}: {note}" for note in notes if note]


def _employment(w: _Writer, found: Sequence[Employment]) -> None:
    from babel.numbers import format_decimal

    if not found:
        return
    w.heading("employment")
    for item in found:
        count = format_decimal(item.count, locale=_babel_locale(w.locale))
        text = f"{place_of(item)}: {w.labels['jobs'].format(count=count)}"
        extras = [item.reference_date.label(w.lang)] if item.reference_date else []
        if item.rse is not None:
            extras.append(w.labels["rse"].format(rse=item.rse))
        if item.per_1000 is not None:
            extras.append(w.labels["per_1000"].format(n=item.per_1000))
        if item.location_quotient is not None:
            extras.append(w.labels["quotient"].format(q=item.location_quotient))
        w.item(text + (f" ({'; '.join(extras)})" if extras else ""), item.source, item.note)


def _work(w: _Writer, career: Career) -> None:
    """Tools (those in demand, then hot technologies, first), skills and specialties."""
    labels = w.labels
    if career.tools:
        w.heading("tools")
        tools = sorted(career.tools, key=lambda tool: (not tool.in_demand, not tool.hot))
        for tool in w.first(tools):
            flags = (("hot", tool.hot), ("in_demand", tool.in_demand))
            marks = [tool.category, *(labels[key] for key, on in flags if on)]
            w.item(f"{tool.name} ({'; '.join(marks)})", tool.source)
        w.more(len(tools) - len(w.first(tools)))
    if career.skills:
        w.heading("skills")
        for skill in w.first(career.skills):
            parts = [
                labels[skill.kind],
                labels["no_importance"]
                if skill.importance is None
                else labels["importance"].format(v=skill.importance),
                labels["no_level"]
                if skill.level is None
                else labels["level"].format(v=skill.level),
            ]
            if not skill.relevant:
                parts.append(labels["not_relevant"])
            w.item(f"{skill.name} ({'; '.join(parts)})", skill.source)
        w.more(len(career.skills) - len(w.first(career.skills)))
    if career.specialties:
        w.heading("specialties")
        for specialty in w.first(career.specialties):
            zone = (
                ""
                if specialty.job_zone is None
                else f" ({labels['zone'].format(n=specialty.job_zone)})"
            )
            w.item(f"{specialty.code} {w.t(specialty.title)}{zone}", specialty.source)
        w.more(len(career.specialties) - len(w.first(career.specialties)))


def _preparation(w: _Writer, preparation: Preparation | None) -> None:
    if preparation is None:
        return
    labels = w.labels
    w.heading("preparation")
    name = w.t(preparation.name)
    w.item(labels["job_zone"].format(n=preparation.job_zone, name=name), preparation.source)
    for key in ("experience", "education", "training"):
        w.lines.append(f"    {labels[key]}: {w.t(getattr(preparation, key))}")
    for key in ("education_shares", "experience_shares", "training_shares"):
        shares = getattr(preparation, key)
        if not shares:
            continue
        w.item(labels[key], preparation.source)
        zeros = False
        for share in shares:
            label = w.t(share.label)
            if w.limit is not None:
                if share.percent == 0:
                    zeros = True
                    continue
                label = label.split(" - ")[0]
            shown = labels["suppressed"] if share.percent is None else f"{share.percent} %"
            w.lines.append(f"    {label}: {shown}")
        if zeros:
            w.lines.append(f"    {labels['zero']}")


def _outlook(w: _Writer, outlooks: Sequence[Outlook]) -> None:
    if not outlooks:
        return
    labels = w.labels
    w.heading("outlook")
    for outlook in outlooks:
        w.item(f"{outlook.region}: {_outlook_words(w, outlook)}", outlook.source)
        change = w.number(outlook.change)
        figures = labels["projected"].format(
            base=outlook.base_year,
            jobs=w.number(outlook.employment),
            year=outlook.projected_year,
            projected=w.number(outlook.projected_employment),
            change=f"+{change}" if outlook.change > 0 else change,
        )
        w.lines.append(f"    {figures}")
        if outlook.self_employed_percent is None:
            w.lines.append(f"    {labels['not_published']}")
        else:
            share = outlook.self_employed_percent
            w.lines.append(
                f"    {labels['self_employed'].format(pct=share, base=outlook.base_year)}"
            )
        if outlook.note is not None:
            w.lines.append(f"    {labels['note']}: {w.t(outlook.note)}")


def _outlook_words(w: _Writer, outlook: Outlook) -> str:
    """The outlook in words: :meth:`Outlook.describe` in English, its Hindi otherwise."""
    if w.lang == "en":
        return outlook.describe()
    percent = outlook.change_percent
    trend = "grow" if percent > 0 else "shrink" if percent < 0 else "steady"
    words = OUTLOOK_HI[trend].format(
        base=outlook.base_year, year=outlook.projected_year, pct=abs(percent)
    )
    return f"{words}; {OUTLOOK_HI['openings'].format(n=w.number(outlook.openings))}"


def _related(w: _Writer, career: Career) -> None:
    """The related careers (:meth:`Career.related`), each cited to the list that names it."""
    from careerkit.errors import ProfileNotFoundError
    from careerkit.registry import get

    found = career.related()
    if not found:
        return
    cited: dict[str, str] = {}  # career id: the source of the first occupation leading to it
    for occupation in career.related_occupations:
        try:
            cited.setdefault(get(occupation.soc).id, occupation.source)
        except ProfileNotFoundError:  # left out by related() too
            continue
    w.heading("related_careers")
    for other in w.first(found):
        w.item(f"{other.id}  {w.t(other.title)}", cited[other.id])
    w.more(len(found) - len(w.first(found)))


def render_band(band: PayBand | CourseFee, lang: str = "en", locale: str | None = None) -> str:
    """One pay band (or course fee) as ``careerkit show`` prints it in its pay section, its
    source named by id (alone, it has no list of sources to number): what ``str(band)`` is.

    >>> import careerkit
    >>> print(careerkit.get("customer-service").pay_bands("US")[0])
    US: median $14.36 an hour (May 2008) (bls-oes-may-2008)
      “The BLS reports that the median hourly wage for customer service representatives was $14.36.”
      Note: The article also gives a yearly figure ($29,869, assuming a steady 40-hour week); that is derived from this median, not a BLS figure, so careerkit computes it rather than storing it.
    """
    w = _Writer(None, lang, locale or lang, None)
    _money_section(w, "pay", (band,))
    first, *rest = w.lines[2:]  # after the section's blank line and heading
    return "\n".join([first.removeprefix("  • "), *(line[2:] for line in rest)])


def _babel_locale(locale: str) -> str:
    from careerkit.text.format import parse_locale

    return str(parse_locale(locale))
