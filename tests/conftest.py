"""Shared test settings: hypothesis profiles (``HYPOTHESIS_PROFILE=thorough`` runs five times the
examples: `.ci/run` runs the tests marked ``thorough`` again with it, once),
the small profile the plug-in and command-line tests write, and a data folder of the test's own."""

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


TEA = """
id = "{id}"
title.en = "{title}"
aliases = {aliases}

[[sources]]
id = "s"
title.en = "Tea Board"

[[duties]]
source = "s"
text.en = "Tastes tea"
"""


@pytest.fixture
def tea_profile() -> Callable[..., str]:
    """The text of a small valid profile file: ``tea_profile("csr", id="tea-taster")``."""

    def text(*aliases: str, id: str = "tea-taster", title: str = "Tea taster") -> str:
        return TEA.format(id=id, title=title, aliases=json.dumps(list(aliases), ensure_ascii=False))

    return text


@pytest.fixture
def data_folder(tmp_path: Path) -> Iterator[Path]:
    """An empty careerkit data folder, in use for the test (``careerkit.data.use``)."""
    from careerkit import data

    where = tmp_path / "careerkit-data"
    where.mkdir()
    with data.use(where):
        yield where


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A real two-worker Dask ``LocalCluster`` (processes) and its client, for one test module
    (while it runs, it is Dask's default scheduler)."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture
def history_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the shipped national history, which careerkit reads instead (caches cleared):
    the tests damage it."""
    import shutil

    from careerkit.catalogue.sources import oews_history

    folder = Path(oews_history.__file__).parents[1]
    shutil.copy(folder / "history.bin", tmp_path / "history.bin")
    monkeypatch.setattr(oews_history, "shipped_folder", lambda: tmp_path)
    oews_history._history.cache_clear()
    oews_history.citations.cache_clear()
    yield tmp_path / "history.bin"
    oews_history._history.cache_clear()
    oews_history.citations.cache_clear()
