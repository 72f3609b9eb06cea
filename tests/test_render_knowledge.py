"""``careerkit show``'s sections of career knowledge: outlook, preparation, duties, tools, skills,
specialties and related careers, each fact cited, in English and Hindi; ``--all``; the sources'
attribution printed in full. Known values from BLS's Employment Projections 2024-34 and O*NET 29.3.
"""

from __future__ import annotations

import pytest

import careerkit as ck
from careerkit._labels import LABELS
from careerkit._render import render_career
from careerkit.cli import main
from careerkit.registry import Registry

EP, ONET = "bls-ep-2024-34", "onet-29-3"
MORE = "and {n} more (--all shows every one)"


def cite(career: ck.Career, source_id: str) -> str:
    """The ``[n]`` of *source_id* in *career*'s sources list, as show numbers them."""
    return f"[{[source.id for source in career.sources].index(source_id) + 1}]"


def section(text: str, heading: str) -> list[str]:
    """The lines of the section *heading* of a rendered profile (without the heading)."""
    lines = text.splitlines()
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i] == ""), len(lines))
    return lines[start:end]


@pytest.fixture(scope="module")
def csr() -> ck.Career:
    return ck.get("43-4051")


@pytest.fixture(scope="module")
def shown(csr: ck.Career) -> str:
    return render_career(csr)


@pytest.fixture(scope="module")
def everything(csr: ck.Career) -> str:
    return render_career(csr, limit=None)


def test_the_outlook_in_words_with_its_figures(csr: ck.Career, shown: str) -> None:
    ep = cite(csr, EP)
    assert section(shown, "Outlook") == [
        f"  • US: projected to shrink 5.5 % from 2024 to 2034; about 341,700 openings a year {ep}",
        "    2024: 2,814,000 jobs; 2034: 2,660,300 projected; change -153,700 jobs",
        "    Self-employed: 0.8 % of workers in 2024",
    ]
    assert f"US: {csr.outlook[0].describe()} {ep}" in shown  # the model's own words


def test_self_employment_bls_does_not_publish_is_said_so() -> None:
    pilots = ck.get("53-2011")
    lines = section(render_career(pilots), "Outlook")
    assert lines[0].startswith("  • US: projected to grow 3.9 % from 2024 to 2034;")
    assert lines[-1] == "    Self-employed: not published"
    assert pilots.outlook[0].self_employed_percent is None


def test_the_us_entry_route_from_the_projections() -> None:
    pilots = ck.get("53-2011")
    routes = section(render_career(pilots), "Entry routes")
    assert routes[0] == (
        "  • US: Bachelor's degree → Work experience in a related occupation: Less than 5 years"
        f" → Moderate-term on-the-job training {cite(pilots, EP)}"
    )


def test_preparation_job_zone_and_shares(csr: ck.Career, shown: str) -> None:
    onet = cite(csr, ONET)
    lines = section(shown, "Preparation")
    assert lines[0] == f"  • Job Zone Two: Some Preparation Needed (Job Zone 2 of 5) {onet}"
    assert lines[1].startswith("    Experience: Some previous work-related skill")
    start = lines.index(f"  • Education required, as workers report it {onet}")
    assert lines[start + 1 : start + 6] == [
        "    High School Diploma: 54.76 %",
        "    Some College Courses: 17.36 %",
        "    Associate's Degree (or other 2-year degree): 13.67 %",
        "    Bachelor's Degree: 14.22 %",
        "    other categories: 0 %",
    ]
    # --all: every category, with O*NET's whole label, the zeros too
    full = section(render_career(csr, limit=None), "Preparation")
    start = full.index(f"  • Education required, as workers report it {onet}")
    education = full[start + 1 : start + 13]
    assert education[0] == "    Less than a High School Diploma: 0.00 %"
    assert education[1] == "    High School Diploma - or the equivalent (for example, GED): 54.76 %"
    assert len(education) == len(csr.preparation.education_shares) == 12  # type: ignore[union-attr]


def test_a_suppressed_share_is_listed_not_shown() -> None:
    career, share = next(
        (career, share)
        for career in ck.careers()
        if career.preparation is not None
        for share in career.preparation.education_shares
        if share.percent is None
    )
    text = render_career(career, limit=None)
    label = share.label.en
    assert f"    {label}: not shown (O*NET advises suppressing this estimate)" in text


def test_duties_show_the_first_tasks_and_count_the_rest(csr: ck.Career, shown: str) -> None:
    tasks = [duty for duty in csr.duties if duty.source == ONET]
    assert len(tasks) == 13  # O*NET 29.3's task statements for 43-4051
    lines = section(shown, "Duties")
    onet = cite(csr, ONET)
    assert f"  • {tasks[0].text.en} {onet}" in lines
    assert f"  • {tasks[4].text.en} {onet}" in lines
    assert f"  • {tasks[5].text.en} {onet}" not in lines
    assert lines[-1] == "  " + MORE.format(n=13 - 5)
    own = [duty for duty in csr.duties if duty.source != ONET]  # the profile's own: all shown
    assert all(f"  • {duty.text.en} {cite(csr, duty.source)}" in lines for duty in own)


def test_all_shows_every_task_with_supplemental_ones_marked(
    csr: ck.Career, everything: str
) -> None:
    lines = section(everything, "Duties")
    tasks = [duty for duty in csr.duties if duty.source == ONET]
    onet = cite(csr, ONET)
    positions = [lines.index(f"  • {task.text.en} {onet}") for task in tasks]
    assert positions == sorted(positions) and len(positions) == 13
    supplemental = [task for task in tasks if task.note is not None]
    assert supplemental and tasks[0].note is None  # core tasks first
    for task in supplemental:
        after = lines[lines.index(f"  • {task.text.en} {onet}") + 1]
        assert after.startswith("    Note: Supplemental task")
    assert "--all shows every one" not in everything


def test_tools_in_demand_first_with_their_marks(csr: ck.Career, shown: str) -> None:
    lines = section(shown, "Tools")
    assert (
        lines[0]
        == f"  • Microsoft Excel (Spreadsheet software; hot technology; in demand) {cite(csr, ONET)}"
    )
    assert lines[-1] == "  " + MORE.format(n=len(csr.tools) - 5)
    every = section(render_career(csr, limit=None), "Tools")
    assert len(every) == len(csr.tools)
    demand = [line for line in every if line.endswith(f"in demand) {cite(csr, ONET)}")]
    assert every[: len(demand)] == demand
    assert len(demand) == sum(tool.in_demand for tool in csr.tools)


def test_skills_most_important_first(csr: ck.Career, shown: str) -> None:
    lines = section(shown, "Skills and knowledge")
    onet = cite(csr, ONET)
    assert f"  • Active Listening (skill; importance 4.00 of 5; level 4.00 of 7) {onet}" in lines
    assert f"  • Service Orientation (skill; importance 4.00 of 5; level 3.62 of 7) {onet}" in lines
    assert lines[-1] == "  " + MORE.format(n=len(csr.skills) - 5)


def test_specialties() -> None:
    nurses = ck.get("29-1141")
    lines = section(render_career(nurses), "Specialties")
    assert len(lines) == 4
    assert lines[0] == f"  • 29-1141.01 Acute Care Nurses (Job Zone 3) {cite(nurses, ONET)}"


def test_related_careers_in_o_net_order(csr: ck.Career, shown: str) -> None:
    lines = section(shown, "Related careers")
    related = csr.related()
    onet = cite(csr, ONET)
    assert lines[0] == f"  • {related[0].id}  {related[0].title.en} {onet}"
    assert related[0].codes["SOC-2018"] == "41-3091"
    assert lines[1] == f"  • telemarketers  Telemarketers {onet}"
    assert lines[5] == "  " + MORE.format(n=len(related) - 5)
    every = section(render_career(csr, limit=None), "Related careers")
    assert [line.split()[1] for line in every] == [career.id for career in related]


def test_the_sources_attribution_is_printed_in_full(csr: ck.Career, shown: str) -> None:
    sources = section(shown, "Sources")
    for source_id in (ONET, EP):
        note = csr.get_source(source_id).note
        assert note is not None
        at = sources.index(
            next(line for line in sources if line.startswith(f"  {cite(csr, source_id)} "))
        )
        assert f"      {note.en}" in sources[at + 1 : at + 4]
    onet = csr.get_source(ONET).note.en  # type: ignore[union-attr]
    for words in ("O*NET 29.3 Database", "CC BY 4.0", "careerkit changed its form"):
        assert words in onet
    assert "BLS.gov cannot vouch for the data" in csr.get_source(EP).note.en  # type: ignore[union-attr]


def test_hindi_labels_and_english_o_net_text(csr: ck.Career) -> None:
    hindi = render_career(csr, lang="hi")
    ep, onet = cite(csr, EP), cite(csr, ONET)
    assert section(hindi, "रोज़गार की संभावनाएं")[0] == (
        f"  • US: 2024 से 2034 तक 5.5 % घटने का अनुमान; हर साल लगभग 3,41,700 रिक्तियाँ {ep}"
    )
    assert (
        section(hindi, "तैयारी")[0]
        == f"  • Job Zone Two: Some Preparation Needed (जॉब ज़ोन 2, 5 में से) {onet}"
    )
    for heading in ("उपकरण और सॉफ़्टवेयर", "कौशल और ज्ञान", "संबंधित करियर"):
        assert section(hindi, heading)[-1].endswith("(सभी देखने के लिए --all दें)")
    task = next(duty for duty in csr.duties if duty.source == ONET)
    assert f"  • {task.text.en} {onet}" in section(hindi, "कार्य")  # O*NET is English only
    assert "\nOutlook\n" not in hindi and "\nPreparation\n" not in hindi
    assert set(LABELS["hi"]) == set(LABELS["en"])


def test_a_region_shows_its_own_outlook_only(csr: ck.Career) -> None:
    texas = render_career(csr, region="US-TX")
    assert "\nOutlook\n" not in texas  # BLS projects the US as a whole
    assert "\nOutlook\n" in render_career(csr, region="US")


def test_a_profile_without_the_knowledge_has_none_of_its_sections() -> None:
    own = Registry.from_entry_points(catalogue=False).get("public-relations-specialist")
    text = render_career(own)
    for heading in ("Outlook", "Preparation", "Tools", "Skills and knowledge", "Specialties"):
        assert f"\n{heading}\n" not in text
    assert "Related careers" not in text


@pytest.mark.parametrize("key", ["15-1252", "29-1141", "11-1021"])
def test_every_item_is_shown_or_counted(key: str) -> None:
    career = ck.get(key)
    first, every = render_career(career), render_career(career, limit=None)
    for heading, items in (
        ("Tools", career.tools),
        ("Skills and knowledge", career.skills),
        ("Specialties", career.specialties),
        ("Related careers", career.related()),
    ):
        if not items:
            assert f"\n{heading}\n" not in first
            continue
        lines = section(first, heading)
        hidden = len(items) - min(5, len(items))
        bullets = [line for line in lines if line.startswith("  • ")]
        assert len(bullets) == min(5, len(items))
        assert (lines[-1] == "  " + MORE.format(n=hidden)) == (hidden > 0)
        assert len([line for line in section(every, heading) if line.startswith("  • ")]) == len(
            items
        )


def test_show_all_on_the_command_line(capsys: pytest.CaptureFixture[str], everything: str) -> None:
    assert main(["show", "43-4051", "--all"]) == 0
    assert capsys.readouterr().out == everything
    assert main(["show", "43-4051"]) == 0
    assert "and 8 more (--all shows every one)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("states", "line"),
    [(("US-TX",), "Also 1 state or territory (US-TX): show it with --region US-TX"),
     (("US-CA", "US-TX"), "Also 2 states and territories (US-CA ... US-TX): show one with")],
)  # fmt: skip
def test_the_states_line_counts_in_words(states: tuple[str, ...], line: str) -> None:
    import attrs

    nurses = ck.get("29-1141")
    kept = attrs.evolve(nurses, pay=tuple(b for b in nurses.pay if b.region in ("US", *states)))
    assert f"  {line}" in render_career(kept)
