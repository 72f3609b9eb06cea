"""Sphinx configuration: MyST Markdown pages, furo theme, reference from docstrings."""

from importlib.metadata import version as _version

project = "careerkit"
author = "careerkit maintainers"
copyright = "2026, careerkit maintainers"
release = _version("careerkit")

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
suppress_warnings = ["myst.xref_missing"]  # links to files outside docs/ (README, CHANGELOG)

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": False}

html_theme = "furo"
html_title = f"careerkit {release}"
