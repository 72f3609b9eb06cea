"""Plain-text rendering of a career for people, in English or Hindi, every fact cited.

Each fact ends with ``[n]``, the number of its source in the list printed last.
Amounts are shown as the source states them; locale-aware formatting (lakh
grouping, Devanagari digits) belongs to the pay formatting layer, not here.
"""

from __future__ import annotations

from collections.abc import Iterable

from careerkit.model import (
    Career,
    CourseFee,
    Fact,
    FundingKind,
    PayBand,
    Text,
    _iso,
)
from careerkit.model.text import check_language

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "aliases": "Also known as",
        "codes": "Occupation codes",
        "summary": "Summary",
        "duties": "Duties",
        "abilities": "Personal abilities",
        "workplaces": "Workplaces",
        "employers": "Employers",
        "work_environment": "Work environment",
        "working_hours": "Working hours",
        "accessibility": "Accessibility",
        "entry_routes": "Entry routes",
        "institutions": "Where to study",
        "courses": "Courses",
        "course_fees": "Course fees",
        "funding": "Scholarships, loans and free training",
        "ladder": "Career progression",
        "pay": "Pay",
        "stories": "From the field",
        "related_titles": "Related titles",
        "notes": "Notes",
        "sources": "Sources",
        "minimum": "Minimum qualification",
        "then": "then",
        "or": "or",
        "note": "Note",
        "indicative": "indicative",
        "date": "Date",
        "online": "online",
        "via": "quoted via",
        "hours": "{low}-{high} hours a day",
        "nsqf": "NSQF level {n}",
        "employment": "Employment",
        "jobs": "{count} jobs",
        "rse": "relative standard error {rse}%",
        "per_1000": "{n} per 1,000 jobs",
        "quotient": "location quotient {q}",
        "mean_rse": "Relative standard error of the mean: {rse}%",
        "top_code": "At or above BLS's top code: {names}",
        "states": "Also {count} states and territories ({first} ... {last}): show one with --region, such as --region {example}",
    },
    "hi": {
        "aliases": "अन्य नाम",
        "codes": "व्यवसाय कोड",
        "summary": "सारांश",
        "duties": "कार्य",
        "abilities": "व्यक्तिगत क्षमताएं",
        "workplaces": "कार्यस्थल",
        "employers": "नियोक्ता",
        "work_environment": "काम का माहौल",
        "working_hours": "काम के घंटे",
        "accessibility": "दिव्यांगों के लिए",
        "entry_routes": "प्रवेश मार्ग",
        "institutions": "शैक्षिक संस्थान",
        "courses": "कोर्सेज",
        "course_fees": "पाठ्यक्रम शुल्क",
        "funding": "छात्रवृत्ति/ऋण",
        "ladder": "करियर में प्रगति",
        "pay": "वेतन",
        "stories": "फील्ड के कुछ अनुभव",
        "related_titles": "संबंधित पदनाम",
        "notes": "टिप्पणियाँ",
        "sources": "स्रोत",
        "minimum": "न्यूनतम योग्यता",
        "then": "फिर",
        "or": "या",
        "note": "टिप्पणी",
        "indicative": "सांकेतिक",
        "date": "तारीख",
        "online": "ऑनलाइन",
        "via": "इसके माध्यम से उद्धृत",
        "hours": "प्रतिदिन {low}-{high} घंटे",
        "nsqf": "NSQF लेवल {n}",
        "employment": "रोज़गार",
        "jobs": "{count} नौकरियाँ",
        "rse": "सापेक्ष मानक त्रुटि {rse}%",
        "per_1000": "प्रति 1,000 नौकरियों में {n}",
        "quotient": "लोकेशन क्वोशेंट {q}",
        "mean_rse": "औसत की सापेक्ष मानक त्रुटि: {rse}%",
        "top_code": "BLS की ऊपरी सीमा (top code) पर या उससे अधिक: {names}",
        "states": "और {count} राज्य व क्षेत्र ({first} ... {last}): किसी एक के लिए --region दें, जैसे --region {example}",
    },
}

_FUNDING: dict[str, dict[FundingKind, str]] = {
    "en": {
        FundingKind.SCHOLARSHIP: "Scholarship",
        FundingKind.LOAN: "Loan",
        FundingKind.FREE_TRAINING: "Free training",
    },
    "hi": {
        FundingKind.SCHOLARSHIP: "छात्रवृत्ति",
        FundingKind.LOAN: "ऋण",
        FundingKind.FREE_TRAINING: "निःशुल्क प्रशिक्षण",
    },
}


class _Writer:
    def __init__(self, career: Career, lang: str, locale: str) -> None:
        self.lang = check_language(lang)
        self.locale = locale
        self.labels = _LABELS[self.lang]
        self.numbers = {source.id: index for index, source in enumerate(career.sources, 1)}
        self.lines: list[str] = []

    def t(self, text: Text) -> str:
        return text.in_language(self.lang)

    def cite(self, source_id: str) -> str:
        return f"[{self.numbers[source_id]}]"

    def heading(self, key: str) -> None:
        self.lines += ["", self.labels[key]]

    def item(self, text: str, source_id: str | None = None, note: Text | None = None) -> None:
        self.lines.append(f"  • {text}" + (f" {self.cite(source_id)}" if source_id else ""))
        if note is not None:
            self.lines.append(f"    {self.labels['note']}: {self.t(note)}")

    def facts(self, key: str, facts: Iterable[Fact]) -> None:
        facts = tuple(facts)
        if facts:
            self.heading(key)
            for fact in facts:
                self.item(self.t(fact.text), fact.source, fact.note)

    def money(self, band: PayBand | CourseFee) -> str:
        from careerkit.text.format import format_figures

        text = f"{band.region}: {format_figures(band, self.locale, self.lang)}"
        if band.indicative:
            text += f", {self.labels['indicative']}"
        return text


def render_career(
    career: Career, lang: str = "en", locale: str | None = None, region: str | None = None
) -> str:
    """The whole profile as readable text in *lang* (``"en"`` or ``"hi"``), amounts for *locale*.

    Pay and employment are those of *region* where given; otherwise those of
    whole countries, with the states and territories that have figures listed.
    """
    if region is not None:
        career.pay_bands(region)  # a region the career has no band for is an error
    w = _Writer(career, lang, locale or lang)
    labels = w.labels
    w.lines += [w.t(career.title), f"id: {career.id}"]
    if career.aliases:
        w.lines.append(f"{labels['aliases']}: {', '.join(career.aliases)}")
    if career.occupation_codes:
        w.heading("codes")
        for code in career.occupation_codes:
            title = f" ({w.t(code.title)})" if code.title else ""
            w.item(f"{code.system.value} {code.code}{title}", code.source)
    for key in ("summary", "duties", "abilities", "workplaces", "employers", "work_environment"):
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
            head = f"{_FUNDING[w.lang][funding.kind]}: {w.t(funding.name)} ({', '.join(funding.regions)}){url}"
            w.item(head, funding.source)
            w.lines.append(f"    {w.t(funding.description)}")
            if funding.note is not None:
                w.lines.append(f"    {labels['note']}: {w.t(funding.note)}")
    if career.ladder is not None:
        w.heading("ladder")
        ladder = " → ".join(w.t(step) for step in career.ladder.steps)
        w.item(f"{career.ladder.region}: {ladder}", career.ladder.source)
    _money_section(w, "pay", _iso.of_region(career.pay, region))
    _states(w, career, region)
    _employment(w, career, region)
    if career.stories:
        w.heading("stories")
        for story in career.stories:
            w.item(w.t(story.text), story.source, story.note)
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


def _states(w: _Writer, career: Career, region: str | None) -> None:
    states = sorted({band.region for band in career.pay if "-" in band.region})
    if region is None and states:
        example = "US-TX" if "US-TX" in states else states[0]
        w.lines.append(
            "  "
            + w.labels["states"].format(
                count=len(states), first=states[0], last=states[-1], example=example
            )
        )


def _employment(w: _Writer, career: Career, region: str | None) -> None:
    from babel.numbers import format_decimal

    found = _iso.of_region(career.employment, region)
    if not found:
        return
    w.heading("employment")
    for item in found:
        count = format_decimal(item.count, locale=_babel_locale(w.locale))
        text = f"{item.region}: {w.labels['jobs'].format(count=count)}"
        extras = [item.reference_date.label(w.lang)] if item.reference_date else []
        if item.rse is not None:
            extras.append(w.labels["rse"].format(rse=item.rse))
        if item.per_1000 is not None:
            extras.append(w.labels["per_1000"].format(n=item.per_1000))
        if item.location_quotient is not None:
            extras.append(w.labels["quotient"].format(q=item.location_quotient))
        w.item(text + (f" ({'; '.join(extras)})" if extras else ""), item.source, item.note)


def _babel_locale(locale: str) -> str:
    from careerkit.text.format import parse_locale

    return str(parse_locale(locale))
