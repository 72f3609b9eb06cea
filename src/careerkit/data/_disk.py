"""The user data folder's files on disk: read whole, written atomically, under a lock.

**Atomic.** Every file is written under a temporary name, flushed to disk and
renamed over its final name (:func:`write_atomic`); the manifest is renamed last,
and is the only commit point (:mod:`careerkit.data._manifest`). A process killed at
any moment therefore leaves the previous data in use and intact
(``tests/test_data_update.py`` kills real processes to check). Updates of one
series take a lock (:func:`locked`: ``fcntl.flock``, ``msvcrt.locking`` on Windows)
so that two at once cannot remove each other's files; the lock dies with its process.

**Read whole.** A file of the data folder is read in one go, up to a bound
(:func:`_read`); one that is gone raises :class:`_VanishedError`, for the reader to
read the manifest then in force.

**Damage is named.** Whatever is wrong inside the data folder (a manifest that
is not careerkit's, an entry lacking a field, a file missing, changed, cut short
or not careerkit's layout, a value the readers would refuse) raises
:class:`~careerkit.errors.DataFormatError` naming the file and ``careerkit data
reset KIND`` (:func:`_damaged`); careerkit never falls back silently to the
snapshot, nor reads a damaged file as fewer values.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from careerkit.errors import DataFormatError, ValidationError, shown

MAX_INSTALLED = 256 * 2**20
"""The largest installed file read (careerkit writes none near it)."""


def _damaged(path: Path, why: str, kind: str) -> DataFormatError:
    what = "release" if kind == "oews" else "snapshot"
    return DataFormatError(
        f"careerkit's data folder is damaged: {path}: {why}. Run 'careerkit data reset {kind}' "
        f"to return to the shipped {what}, then install the file{'s' * (kind == 'oews')} again"
    )


class _VanishedError(Exception):
    """A file the manifest names is gone: another process may have committed an update."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def _read(path: Path, kind: str, largest: int = MAX_INSTALLED) -> bytes:
    """The bytes of *path*, a file of the data folder; :class:`_VanishedError` if it is not there."""
    try:
        with open(path, "rb") as file:
            content = file.read(largest + 1)
    except FileNotFoundError:
        raise _VanishedError(path) from None
    except OSError as error:  # a folder in its place, no permission ...
        raise _damaged(path, f"cannot be read ({error.strerror or error})", kind) from None
    if len(content) > largest:
        raise _damaged(
            path, f"larger than {largest // 2**20} MiB, which careerkit never writes", kind
        )
    return content


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows cannot open a folder to flush it
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_atomic(path: Path, content: bytes) -> None:
    """Write *content* to *path* so that *path* holds either its old content or all the new."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _fsync_folder(path.parent)


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the update lock of *folder* (created if need be) for the block.

    A folder that cannot be written (no permission, a file in the way, a full disk)
    is a :class:`ValidationError` naming it; the data in use is left as it was.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / ".lock", "a+b") as handle:
            if sys.platform == "win32":  # pragma: no cover
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            else:
                import fcntl

                fcntl.flock(handle, fcntl.LOCK_EX)
            yield
    except OSError as error:
        raise ValidationError(
            f"cannot write to careerkit's data folder {shown(str(folder))}: "
            f"{error.strerror or error}. "
            "Choose a folder you can write to: set CAREERKIT_DATA_DIR (or pass directory=)",
            field="directory",
        ) from None


def fsync_files(folder: Path) -> None:
    """Flush every file in *folder*, and the folder, to disk (before renaming it into place)."""
    for path in folder.iterdir():
        with open(path, "rb") as file:
            os.fsync(file.fileno())
    _fsync_folder(folder)
