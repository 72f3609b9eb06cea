"""Where the user's updates live: the user data directory, and which one is in use.

:func:`directory` says which folder this process reads updates from: the one
:func:`~careerkit.data.use` chose, else ``$CAREERKIT_DATA_DIR`` (:data:`ENVIRONMENT`),
else the platform's user data directory for careerkit (found by platformdirs, imported
only then).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from careerkit.errors import ValidationError, shown, wrong_type

if TYPE_CHECKING:
    from pathlib import Path

ENVIRONMENT = "CAREERKIT_DATA_DIR"
"""The environment variable naming the user data directory, over the platform's default."""

_CHOSEN: list[Path | None] = [None]  # what use() chose; its last item is in force


def directory() -> Path:
    """The user data directory: where ``careerkit data update`` installs files, and this process reads them.

    :func:`~careerkit.data.use`'s directory where one is in force; else
    ``$CAREERKIT_DATA_DIR``; else the platform's user data directory for careerkit
    (platformdirs: ``~/.local/share/careerkit`` on Linux). It need not exist: then no
    update is installed, and the shipped snapshot is in use.
    """
    chosen = _CHOSEN[-1]
    if chosen is not None:
        return chosen
    from pathlib import Path

    given = os.environ.get(ENVIRONMENT)
    if given:
        return Path(given).expanduser()
    return Path(_platform_directory())


def _platform_directory() -> str:
    """``platformdirs.user_data_dir("careerkit", appauthor=False)``.

    Where platformdirs' rule is plain, it is followed here without importing platformdirs
    (which costs a fresh process's first conversion more than the rest of it): on Linux,
    ``$XDG_DATA_HOME/careerkit`` for an absolute ``XDG_DATA_HOME``, and where that is
    unset or blank, ``~/.local/share/careerkit`` for an absolute ``HOME``. Anything else
    (another platform, Android, a relative setting) is platformdirs' to answer.
    """
    environ = os.environ
    android = "ANDROID_DATA" in environ or "ANDROID_ROOT" in environ
    if sys.platform == "linux" and not android and not hasattr(sys, "getandroidapilevel"):
        xdg = environ.get("XDG_DATA_HOME", "")
        if os.path.isabs(xdg):
            return os.path.join(xdg, "careerkit")
        if not xdg.strip() and os.path.isabs(environ.get("HOME", "")):
            return os.path.join(os.path.expanduser("~/.local/share"), "careerkit")
    import platformdirs

    return platformdirs.user_data_dir("careerkit", appauthor=False)


def _installed_in(kind: str) -> Path | None:
    """The user data directory, if it holds a manifest of *kind* (the usual case: it does not,
    and the installer is not imported)."""
    if _CHOSEN[-1] is None and not os.environ.get(ENVIRONMENT):
        # The platform's directory, checked as text (no pathlib) where the answer is plain
        try:
            os.stat(os.path.join(_platform_directory(), kind, "manifest.json"))
        except (FileNotFoundError, NotADirectoryError):  # Path.exists() is False for these
            return None
        except (OSError, ValueError):  # pathlib's answer below, as for any other directory
            pass
    found = directory()
    return found if (found / kind / "manifest.json").exists() else None


def _folder_argument(directory: object) -> Path | None:
    """*directory* (``directory=`` of :func:`~careerkit.data.update` and
    :func:`~careerkit.data.reset`) as a path, checked."""
    if directory is None:
        return None
    from pathlib import Path

    path = os.fspath(directory) if isinstance(directory, os.PathLike) else directory
    if not isinstance(path, str):
        raise wrong_type("a folder path", directory, "directory")
    if not path.strip() or "\0" in path:
        raise ValidationError(
            f"{shown(path)} is not a folder path: pass the folder careerkit keeps its data in",
            field="directory",
        )
    return Path(path).expanduser()


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long for the file system, say: not a folder one can use
        return False
