"""For every test, doctest and README example: the shipped data alone.

careerkit reads the updates a user installed (``careerkit data update``) from the
user data directory. The suite's known values are the shipped snapshot's, so it
points ``CAREERKIT_DATA_DIR`` at an empty folder of its own; commands the tests
run in child processes inherit it. Tests of updates choose their own folders.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_FOLDER = tempfile.mkdtemp(prefix="careerkit-test-data-")


def pytest_configure(config: pytest.Config) -> None:
    os.environ["CAREERKIT_DATA_DIR"] = _FOLDER


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_FOLDER, ignore_errors=True)
