"""What the distributions carry: no third-party page copies, a long description that reads
outside a clone.

The build itself (``python -m build --sdist``) needs its build requirements, which the
test environment does not install; these tests read the same configuration the build
reads and apply it as hatchling and hatch-fancy-pypi-readme do.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def long_description() -> str:
    """README.md as the metadata hook makes it: each substitution applied in order."""
    hook = PYPROJECT["tool"]["hatch"]["metadata"]["hooks"]["fancy-pypi-readme"]
    assert hook["content-type"] == "text/markdown"
    assert [fragment["path"] for fragment in hook["fragments"]] == ["README.md"]
    assert "readme" in PYPROJECT["project"]["dynamic"] and "readme" not in PYPROJECT["project"]
    text = README
    for substitution in hook["substitutions"]:
        text = re.sub(substitution["pattern"], substitution["replacement"], text)
    return text


def test_the_sdist_leaves_out_copies_of_third_party_pages() -> None:
    excluded = PYPROJECT["tool"]["hatch"]["build"]["targets"]["sdist"]["exclude"]
    assert "tests/sources" in excluded
    assert any((ROOT / "tests" / "sources").glob("*.txt"))  # the clone keeps them


def test_the_long_description_links_nothing_inside_a_clone() -> None:
    text = long_description()
    assert [target for _, target in LINK.findall(README) if "://" not in target]  # README has some
    left = [target for _, target in LINK.findall(text) if "://" not in target]
    assert left == []
    for _, target in LINK.findall(README):
        if "://" not in target:
            assert (ROOT / target).exists(), target  # each path it names is real
            assert f"`{target}`" in text


def test_the_long_description_changes_only_the_links() -> None:
    text = long_description()
    code = re.compile(r"```.*?```", re.DOTALL)
    assert code.findall(text) == code.findall(README)  # examples and commands as they are

    def as_text(link: re.Match[str]) -> str:
        words, target = link.groups()
        if "://" in target:
            return link.group(0)
        return f"`{target}`" if words == target else f"{words} (`{target}`)"

    assert text == LINK.sub(as_text, README)


def test_the_substitutions_leave_code_and_urls_alone() -> None:
    sample = "x[0](1) and [the site](https://example.org) and [a how-to](docs/howto/a.md)"
    hook = PYPROJECT["tool"]["hatch"]["metadata"]["hooks"]["fancy-pypi-readme"]
    for substitution in hook["substitutions"]:
        sample = re.sub(substitution["pattern"], substitution["replacement"], sample)
    assert sample == "x[0](1) and [the site](https://example.org) and a how-to (`docs/howto/a.md`)"
