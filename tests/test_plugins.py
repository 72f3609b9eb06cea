"""Profiles from installed distributions: discovery, merging, clashes, broken plug-ins.

Two kinds of real distribution are used, never mocks of importlib:
``careerkit-example-profiles`` (installed with pip by .ci/run: these tests skip
without it), and small distributions these tests write into a temporary folder
on ``sys.path`` (a ``.dist-info`` with ``entry_points.txt``), which
``importlib.metadata`` finds exactly as it finds a pip-installed one.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import jsonschema
import pytest

import careerkit as ck
from careerkit.catalogue._assembly import origin
from careerkit.registry import Registry
from careerkit.schema import profile_schema
from careerkit.serialization import to_json
from careerkit.testing import check_profile

try:
    distribution("careerkit-example-profiles")
except PackageNotFoundError:  # pragma: no cover - depends on the environment
    pytest.skip(
        "install examples/careerkit-example-profiles to run the plug-in tests (.ci/run does)",
        allow_module_level=True,
    )

EXAMPLE = Path(__file__).parents[1] / "examples" / "careerkit-example-profiles"
EXAMPLE_PROFILES = EXAMPLE / "src" / "careerkit_example_profiles" / "profiles"


def install(site: Path, name: str, files: dict[str, str], value: str | None = None) -> None:
    """Write an installed distribution *name* whose package holds *files* into *site*."""
    package = name.replace("-", "_")
    info = site / f"{package}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    target = value or f"{package}.profiles"
    (info / "entry_points.txt").write_text(f"[careerkit.profiles]\nmain = {target}\n")
    folder = site / package / "profiles"
    folder.mkdir(parents=True)
    (site / package / "__init__.py").write_text("")
    (folder / "__init__.py").write_text("")
    for file, text in files.items():
        (folder / file).write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


# --- the example package, installed with pip --------------------------------------------------


def test_discovery_finds_builtins_and_the_example() -> None:
    from careerkit.catalogue.sources.profiles import plugins_possible

    assert plugins_possible()  # the quick look sees the example's entry point
    registry = Registry.from_entry_points(strict=True)
    ids = [career.id for career in registry]
    assert {"customer-service", "public-relations-specialist", "telemarketer"} <= set(ids)
    assert len(ids) == 830  # telemarketer is the catalogue's 41-9041: no twin
    assert "telemarketers" not in ids
    assert registry.origin("telemarketer") == (
        "careerkit-example-profiles: careerkit_example_profiles.profiles/telemarketer.toml"
        " + careerkit: catalogue (BLS OEWS May 2025, O*NET 29.2)"
    )
    assert registry.origin("customer-service") == (
        "careerkit: careerkit.profiles/customer-service.toml + careerkit-example-profiles: "
        "careerkit_example_profiles.profiles/customer-service.west-bengal.toml"
        " + careerkit: catalogue (BLS OEWS May 2025, O*NET 29.2)"
    )


def test_a_plugin_career_claiming_a_soc_code_gains_the_catalogue_figures() -> None:
    registry = Registry.from_entry_points(strict=True)
    telemarketer = registry.get("41-9041")
    assert telemarketer.id == "telemarketer"
    assert registry.get("telemarketers") is telemarketer  # the catalogue's id, now its key
    sources = [source.id for source in telemarketer.sources]
    assert "bls-oews-may-2025" in sources
    assert {band.region for band in telemarketer.pay} >= {"US", "US-CA"}
    assert telemarketer.title.hi == "टेलीमार्केटर"  # the plug-in's own career, extended


def test_the_extension_merges_and_says_where_it_came_from() -> None:
    career = Registry.from_entry_points(strict=True).get("customer-support-executive")
    shipped = Registry.from_entry_points(extensions=False).get("customer-service")
    assert len(career.funding) == len(shipped.funding) + 1
    added = career.funding[-1]
    assert added.regions == ("IN-WB",)
    source = career.get_source(added.source)
    assert source.provider == "careerkit-example-profiles"
    assert all(s.provider is None for s in shipped.sources)  # the built-in's own are unmarked
    assert "customer-support-executive" not in shipped.aliases


def test_example_profiles_pass_the_conformance_check() -> None:
    registry = Registry.from_entry_points(strict=True)
    check_profile(registry.get("telemarketer"))
    check_profile(registry.get("customer-service"), require_hindi=True)


def test_a_new_registry_is_isolated() -> None:
    assert len(Registry()) == 0
    assert "telemarketer" not in Registry(
        Registry.from_entry_points(extensions=False).careers()[:2]
    )


def test_schema_validates_builtin_and_example_documents() -> None:
    validator = jsonschema.Draft202012Validator(profile_schema())
    registry = Registry.from_entry_points(strict=True)
    own = [c for c in registry if registry.origin(c.id) != origin()]  # files, each extended
    # and catalogue careers with every kind of figure: top-coded, annual only, no O*NET entry
    catalogue = [registry.get(code) for code in ("29-1022", "53-2011", "13-1020")]
    assert len(own) == 3
    for career in [*own, *catalogue]:
        validator.validate(json.loads(to_json(ck.to_dict(career))))
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"id": "x", "title": {"en": "X"}, "pay": "lots"})
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"id": "x", "title": {"en": "X"}, "colour": "blue"})


# --- clashes and broken plug-ins, as real distributions ----------------------------------------


def test_broken_import_is_skipped_with_a_warning(site: Path) -> None:
    install(site, "broken-import", {}, value="no_such_module.profiles")
    with pytest.warns(
        ck.CareerkitWarning,
        match=r"skipped careerkit profiles from broken-import: ModuleNotFoundError: No module named 'no_such_module'",
    ):
        registry = Registry.from_entry_points()
    assert "customer-service" in registry  # the built-ins are untouched
    assert len(registry.problems) == 1
    with pytest.raises(ck.ProfileLoadError, match=r"^broken-import: ModuleNotFoundError"):
        Registry.from_entry_points(strict=True)


def test_malformed_file_names_file_and_field(site: Path, tea_profile: Callable[..., str]) -> None:
    install(
        site,
        "bad-file",
        {"tea-taster.toml": tea_profile("taster").replace('text.en = "Tastes tea"', "text.en = 5")},
    )
    with pytest.warns(
        ck.CareerkitWarning,
        match=r"bad-file: bad_file\.profiles/tea-taster\.toml: duties\[0\]\.text\.en: expected text, got int 5",
    ):
        registry = Registry.from_entry_points()
    assert "tea-taster" not in registry


def test_same_id_as_a_builtin_names_both_providers(
    site: Path, tea_profile: Callable[..., str]
) -> None:
    clash = tea_profile("x").replace('id = "tea-taster"', 'id = "customer-service"')
    install(site, "id-clash", {"customer-service.toml": clash})
    with pytest.raises(ck.DuplicateProfileError) as caught:
        Registry.from_entry_points(strict=True)
    message = str(caught.value)
    assert "'customer-service' (careerkit: careerkit.profiles/customer-service.toml)" in message
    assert "'customer-service' (id-clash: id_clash.profiles/customer-service.toml)" in message
    with pytest.warns(ck.CareerkitWarning, match="skipped careerkit profiles from id-clash"):
        registry = Registry.from_entry_points()
    assert registry.get("customer-service").title.en.startswith("Customer service")


def test_alias_clash_names_both(site: Path, tea_profile: Callable[..., str]) -> None:
    install(site, "alias-clash", {"tea-taster.toml": tea_profile("csr")})
    with pytest.raises(
        ck.DuplicateProfileError,
        match=r"lookup key 'csr' is claimed by career 'customer-service' \(careerkit: .*\) and by career 'tea-taster' \(alias-clash: alias_clash\.profiles/tea-taster\.toml\)",
    ):
        Registry.from_entry_points(strict=True)


def test_extension_of_a_missing_career(site: Path) -> None:
    install(site, "lost-extension", {"astronaut.toml": 'extends = "astronaut"\n'})
    with pytest.raises(
        ck.ProfileLoadError,
        match=r"^lost-extension: lost_extension\.profiles/astronaut\.toml: extends: there is no career 'astronaut' to extend; known: customer-service, public-relations-specialist, telemarketer$",
    ):
        Registry.from_entry_points(strict=True)


def test_extension_cannot_replace_a_source(site: Path) -> None:
    text = """
    extends = "customer-service"
    [[sources]]
    id = "ncs-customer-care-executive"
    title.en = "Someone else's NCS"
    [[notes]]
    source = "ncs-customer-care-executive"
    text.en = "x"
    """
    install(site, "replacer", {"customer-service.more.toml": text})
    with pytest.raises(
        ck.DuplicateProfileError,
        match=r"source id 'ncs-customer-care-executive' is claimed by career 'customer-service' \(its own sources\) and by career 'customer-service' \(an extension from replacer\)",
    ):
        Registry.from_entry_points(strict=True)


def test_extension_cannot_add_a_second_code_for_a_system(site: Path) -> None:
    text = """
    extends = "customer-service"
    [[sources]]
    id = "mine"
    title.en = "Mine"
    [[occupation_codes]]
    system = "ISCO-08"
    code = "4221"
    source = "mine"
    """
    install(site, "recoder", {"customer-service.codes.toml": text})
    with pytest.raises(
        ck.DuplicateProfileError,
        match=r"an extension adds, it does not replace: a second ISCO-08 code",
    ):
        Registry.from_entry_points(strict=True)


def test_callable_entry_points(site: Path) -> None:
    install(site, "by-code", {}, value="by_code.careers:provide")
    (site / "by_code" / "careers.py").write_text(
        "import careerkit as ck\n"
        "def provide():\n"
        "    return [ck.Career(id='tea-taster', title=ck.Text('Tea taster'))]\n"
    )
    assert "tea-taster" in Registry.from_entry_points(strict=True)


def test_callable_returning_junk(site: Path) -> None:
    install(site, "junk", {}, value="junk.careers:provide")
    (site / "junk" / "careers.py").write_text("def provide():\n    return ['tea']\n")
    with pytest.raises(
        ck.ProfileLoadError,
        match=r"^junk: junk\.careers:provide\(\): returned str, not a Career or CareerExtension$",
    ):
        Registry.from_entry_points(strict=True)


# --- validate and schema on the command line ---------------------------------------------------


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "careerkit", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
    )


def test_validate_accepts_the_example_files() -> None:
    result = cli("validate", str(EXAMPLE_PROFILES))
    assert result.returncode == 0, result.stdout
    assert result.stdout == "2 files checked, 0 problems\n"


def test_validate_reports_each_problem_with_file_and_field(
    tmp_path: Path, tea_profile: Callable[..., str]
) -> None:
    (tmp_path / "tea-taster.toml").write_text(
        tea_profile("x").replace('title.en = "Tea Board"', 'title.en = "Tea Board"\nurl = "tea"')
    )
    (tmp_path / "wrong-name.toml").write_text(tea_profile("y"))
    (tmp_path / "more.toml").write_text('extends = "astronaut"\n')
    result = cli("validate", str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        f"{tmp_path / 'tea-taster.toml'}:9: sources[0].url: 'tea' is not an absolute http(s) URL"
        in lines
    )
    assert f"{tmp_path / 'wrong-name.toml'}:2: id: the file must be named tea-taster.toml" in lines
    assert any(
        line.startswith(f"{tmp_path / 'more.toml'}:1: extends: there is no career 'astronaut'")
        for line in lines
    )
    assert lines[-1] == "3 files checked, 3 problems"
    data = json.loads(cli("validate", str(tmp_path), "--json").stdout)
    assert {(p["line"], p["path"]) for p in data["problems"]} == {
        (9, "sources[0].url"),
        (2, "id"),
        (1, "extends"),
    }


def test_validate_reports_broken_installed_plugins(tmp_path: Path) -> None:
    site = tmp_path / "site"
    install(site, "broken-import", {}, value="no_such_module.profiles")
    env_path = f"{site}"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; sys.path.insert(0, {env_path!r}); from careerkit.cli import main; raise SystemExit(main(['validate']))",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 1
    assert (
        "installed plug-in: skipped careerkit profiles from broken-import: ModuleNotFoundError"
        in result.stdout
    )


def test_schema_command_prints_the_generated_schema() -> None:
    result = cli("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads(to_json(profile_schema()))


def test_extension_alias_clash_skips_only_the_extension(site: Path) -> None:
    text = """
    extends = "customer-service"
    aliases = ["pr-specialist"]
    """
    install(site, "alias-grabber", {"customer-service.alias.toml": text})
    with pytest.raises(
        ck.DuplicateProfileError,
        match=r"lookup key 'pr-specialist' is claimed by career 'public-relations-specialist' \(careerkit: .*\) and by career 'customer-service' \(alias-grabber: alias_grabber\.profiles/customer-service\.alias\.toml\)",
    ):
        Registry.from_entry_points(strict=True)
    with pytest.warns(ck.CareerkitWarning, match="skipped careerkit profiles from alias-grabber"):
        registry = Registry.from_entry_points()
    assert registry.get("pr-specialist").id == "public-relations-specialist"
    assert registry.get("csr").id == "customer-service"  # the built-in stays, unextended by it


def test_entry_point_to_something_else(site: Path) -> None:
    install(site, "odd-target", {}, value="string:ascii_letters")
    with pytest.raises(
        ck.ProfileLoadError,
        match=r"^odd-target: entry point 'string:ascii_letters' is neither a package of TOML profiles nor a callable$",
    ):
        Registry.from_entry_points(strict=True)
