"""A plug-in career claiming a catalogue occupation's SOC code says whether it ``extends`` or
``replaces`` it (else a ``CareerkitWarning`` naming both); the conformance check judges what a
profile itself states; the Hindi rule of ``validate`` is optional (``--require-hindi``).

The plug-ins are real distributions written into a temporary folder on ``sys.path`` (a
``.dist-info`` with ``entry_points.txt``), which ``importlib.metadata`` finds as it finds a
pip-installed one (as tests/test_plugins.py does; that module needs the example package).
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import warnings
from pathlib import Path

import jsonschema
import pytest

import careerkit as ck
from careerkit.conformance import own_facts, profile_problems
from careerkit.registry import Registry
from careerkit.schema import profile_schema
from careerkit.serialization import document_from_toml, to_json
from careerkit.testing import check_profile

NEWS = "news-analysts-reporters-and-journalists"  # the catalogue's 27-3023
OEWS = "bls-oews-may-2025"

REPORTER = """
id = "reporter"
title.en = "Reporter"
{claim}

[[sources]]
id = "press"
title.en = "Careers in journalism"

[[occupation_codes]]
system = "SOC-2018"
code = "{soc}"
source = "press"

[[duties]]
source = "press"
text.en = "Reports the news"

[[pay]]
region = "IN"
currency = "INR"
period = "month"
low = 20000
high = 40000
source = "press"
"""

_names = itertools.count()


def reporter(claim: str = "", soc: str = "27-3023") -> str:
    return REPORTER.format(claim=claim, soc=soc)


def install(site: Path, files: dict[str, str]) -> str:
    """Install a distribution whose package of profiles holds *files*; its name."""
    name = f"claims-{next(_names)}-{id(site) % 10_000}"
    package = name.replace("-", "_")
    info = site / f"{package}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[careerkit.profiles]\nmain = {package}.profiles\n")
    folder = site / package / "profiles"
    folder.mkdir(parents=True)
    (site / package / "__init__.py").write_text("")
    (folder / "__init__.py").write_text("")
    for file, text in files.items():
        (folder / file).write_text(text, encoding="utf-8")
    return name


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def quietly(**options: bool) -> Registry:
    """A registry of the installed profiles, loaded with every warning an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return Registry.from_entry_points(**options)


# --- the claim, declared or not ------------------------------------------------------------------


def test_an_undeclared_claim_warns_naming_the_profile_and_the_occupation(site: Path) -> None:
    name = install(site, {"reporter.toml": reporter()})
    with pytest.warns(ck.CareerkitWarning) as caught:
        registry = Registry.from_entry_points()
    (message,) = [str(w.message) for w in caught if "reporter" in str(w.message)]
    assert message.startswith(
        f"career 'reporter' ({name}: {name.replace('-', '_')}.profiles/reporter.toml) claims "
        f"SOC code 27-3023, the catalogue occupation '{NEWS}' (News Analysts, Reporters, and "
        "Journalists), without declaring whether it extends or replaces it"
    )
    assert 'Declare extends = "27-3023" or replaces = "27-3023"' in message
    assert registry.warned == [(name, message)]
    # as before, taken as extending it: the catalogue's figures join it, its keys lead to it
    career = registry.get("27-3023")
    assert career.id == "reporter" and registry.get(NEWS) is career
    assert OEWS in [source.id for source in career.sources]


def test_a_claim_that_is_skipped_as_a_clash_is_not_said_to_extend(site: Path) -> None:
    second = reporter().replace('"reporter"', '"reporter-two"').replace("Reporter", "Two")
    install(site, {"reporter.toml": reporter(), "reporter-two.toml": second})
    with pytest.warns(ck.CareerkitWarning) as caught:
        registry = Registry.from_entry_points()
    messages = [str(w.message) for w in caught]
    # reporter-two.toml comes first (files load in name order): it is extended, and said so;
    # reporter.toml then clashes with it, and is skipped without being said to extend
    ((_, said),) = registry.warned
    assert said.startswith("career 'reporter-two' (")
    assert [m for m in messages if "without declaring" in m] == [said]
    assert any("'27-3023' is claimed by career 'reporter-two'" in m for m in messages)
    assert registry.get("27-3023").id == "reporter-two"


def test_careerkits_own_profiles_declare_what_they_extend() -> None:
    registry = quietly(strict=True)  # no warning: both say extends
    assert registry.warned == []
    assert ck.get("customer-service").extends == "43-4051"
    assert ck.get("public-relations-specialist").extends == "27-3031"
    assert ck.get("43-4051").id == "customer-service"


@pytest.mark.parametrize("named", ["27-3023", NEWS])
def test_extends_keeps_the_catalogue_figures_without_a_warning(site: Path, named: str) -> None:
    install(site, {"reporter.toml": reporter(f'extends = "{named}"')})
    registry = quietly(strict=True)
    career = registry.get("27-3023")
    assert career.id == "reporter" and career.extends == named
    assert registry.get(NEWS) is career
    with pytest.raises(ck.ProfileNotFoundError):
        registry.origin(NEWS)  # no twin: no career has the occupation's id
    sources = {source.id: source.provider for source in career.sources}
    assert sources["press"] is None and sources[OEWS] == "careerkit"
    # BLS OEWS May 2025, 27-3023: the catalogue's national bands join the profile's own
    assert {band.region for band in career.pay} >= {"IN", "US"}
    assert career.summary  # O*NET's description, where the profile has no summary


def test_replaces_takes_the_occupations_place_without_its_figures(site: Path) -> None:
    install(site, {"reporter.toml": reporter('replaces = "27-3023"')})
    registry = quietly(strict=True)
    career = registry.get("27-3023")
    assert career.id == "reporter" and career.replaces == "27-3023"
    assert registry.get(NEWS) is career
    assert registry.get("News Analysts, Reporters, and Journalists") is career
    assert [source.id for source in career.sources] == ["press"]  # the catalogue adds nothing
    assert [band.region for band in career.pay] == ["IN"]
    assert career.summary == ()
    with pytest.raises(ck.ProfileNotFoundError):
        registry.origin(NEWS)
    assert "replacing 27-3023" in registry.origin("reporter")
    assert registry.careers(group="27").count(career) == 1


def test_replaces_and_extends_the_wrong_or_no_occupation_is_skipped(site: Path) -> None:
    name = install(
        site,
        {
            "reporter.toml": reporter('extends = "27-3031"'),  # PR specialists: not its code
            "editor.toml": reporter('replaces = "no-such-occupation"')
            .replace('"reporter"', '"editor"')
            .replace("27-3023", "27-3041"),
        },
    )
    with pytest.warns(ck.CareerkitWarning):
        registry = Registry.from_entry_points()
    editor, reporter_error = [e for p, e in registry.skipped if p == name]  # files in name order
    assert isinstance(reporter_error, ck.ProfileLoadError)
    assert reporter_error.problems == (
        (
            "extends",
            "'27-3031' is the catalogue occupation 27-3031 (Public Relations Specialists), but "
            "the career claims SOC code 27-3023: a career extends the occupation whose code it "
            "claims",
        ),
    )
    assert isinstance(editor, ck.ProfileLoadError)
    assert editor.problems[0][0] == "replaces"
    assert editor.problems[0][1].startswith(
        "'no-such-occupation' is no occupation of the catalogue (BLS OEWS May 2025)"
    )
    for skipped in ("reporter", "editor"):
        with pytest.raises(ck.ProfileNotFoundError):
            registry.origin(skipped)
    assert registry.get("editor").id == "editors"  # the catalogue's 27-3041, read as words
    assert registry.get("27-3023").id == NEWS  # the catalogue's own, untouched
    with pytest.raises(ck.ProfileLoadError, match="is no occupation of the catalogue"):
        Registry.from_entry_points(strict=True)


def test_a_career_may_extend_or_replace_but_not_both() -> None:
    with pytest.raises(ck.ValidationError, match=r"replaces: a career extends .* not both"):
        ck.Career(id="x", title=ck.Text("X"), extends="27-3023", replaces="27-3023")
    with pytest.raises(ck.ValidationError, match="extends: '27 3023' names no catalogue"):
        ck.Career(id="x", title=ck.Text("X"), extends="27 3023")
    with pytest.raises(ck.WrongTypeError):
        ck.Career(id="x", title=ck.Text("X"), replaces=27)  # type: ignore[arg-type]


def test_extends_and_replaces_are_part_of_the_profile_format() -> None:
    for claim in ('extends = "27-3023"', 'replaces = "27-3023"'):
        career = document_from_toml(reporter(claim))
        assert isinstance(career, ck.Career)
        assert ck.from_toml(ck.to_toml(career)) == career
        assert ck.from_dict(ck.to_dict(career)) == career
        document = json.loads(to_json(ck.to_dict(career)))
        assert document[claim.split()[0]] == "27-3023"
        jsonschema.Draft202012Validator(profile_schema()).validate(document)
    # without an id, extends is an extension's, of a career by id
    extension = document_from_toml('extends = "customer-service"\naliases = ["helpdesk"]\n')
    assert isinstance(extension, ck.CareerExtension)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(profile_schema()).validate(
            {"id": "x", "title": {"en": "X"}, "replaces": 5}
        )


# --- the conformance check judges what the profile states --------------------------------------


def test_the_check_judges_the_profiles_own_facts_not_the_catalogues(site: Path) -> None:
    install(site, {"reporter.toml": reporter('extends = "27-3023"')})
    career = quietly().get("27-3023")
    check_profile(career)  # an Indian pay band, English only: no Hindi asked for
    own = own_facts(career)
    assert [source.id for source in own.sources] == ["press"]
    assert [band.region for band in own.pay] == ["IN"]
    assert own.summary == () and own.extends == "27-3023"
    # asked for Hindi, only the profile's own texts answer: never O*NET's English
    assert sorted(profile_problems(career, require_hindi=True)) == [
        "duties[0].text: no Hindi text (require_hindi: every fact in Hindi as well as English)",
        "title: no Hindi text (require_hindi: every fact in Hindi as well as English)",
    ]
    # a catalogue career on its own states O*NET's English itself
    assert profile_problems(ck.get(NEWS)) == []
    assert profile_problems(ck.get(NEWS), require_hindi=True)[0].startswith("summary[0].text")


def test_an_extension_from_another_package_is_that_packages_to_answer_for() -> None:
    career = ck.get("customer-service")
    own = own_facts(career)
    assert all(source.provider is None for source in own.sources)
    assert len(own.sources) < len(career.sources)
    assert profile_problems(career, require_hindi=True) == []  # its own facts are in Hindi


def test_require_hindi_must_be_true_or_false() -> None:
    with pytest.raises(ck.WrongTypeError, match="require_hindi"):
        profile_problems(ck.get("customer-service"), require_hindi="yes")  # type: ignore[arg-type]


# --- careerkit validate ---------------------------------------------------------------------------


def validate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "careerkit", "validate", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_validate_reports_an_undeclared_claim_at_its_code(tmp_path: Path) -> None:
    file = tmp_path / "reporter.toml"
    file.write_text(reporter(), encoding="utf-8")
    result = validate(str(file))
    assert result.returncode == 1
    first, last = result.stdout.splitlines()
    assert first.startswith(
        f"{file}:12: occupation_codes[0].code: career 'reporter' ({file}) claims SOC code "
        f"27-3023, the catalogue occupation '{NEWS}'"
    )
    assert last == "1 file checked, 1 problem"
    file.write_text(reporter('extends = "27-3023"'), encoding="utf-8")
    assert validate(str(file)).stdout == "1 file checked, 0 problems\n"


def test_validate_asks_for_hindi_only_when_told(tmp_path: Path) -> None:
    file = tmp_path / "reporter.toml"
    file.write_text(reporter('replaces = "27-3023"'), encoding="utf-8")
    assert validate(str(file)).stdout == "1 file checked, 0 problems\n"  # an IN band, English
    lines = validate(str(file), "--require-hindi").stdout.splitlines()
    assert lines == [
        f"{file}:3: title: no Hindi text (require_hindi: every fact in Hindi as well as English)",
        f"{file}:17: duties[0].text: no Hindi text (require_hindi: every fact in Hindi as well as English)",
        "1 file checked, 2 problems",
    ]  # fmt: skip
