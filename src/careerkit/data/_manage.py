"""Managing the data in use: choose it, install and remove updates, describe it, hear of changes.

:class:`use` chooses the user data directory for this process; :func:`update` installs
official files into one and :func:`reset` removes them; :func:`status` describes every
series. Each change drops the cached data in use and calls the callbacks registered
with :func:`on_change` (the pay engine's factors, the catalogue), so that the next use
reads the data then in use. The installer and the status are imported on first use.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from careerkit.data._directory import _CHOSEN, _folder_argument, _is_folder
from careerkit.data._in_use import _IN_USE, _OEWS_ONCE
from careerkit.data._series import KINDS, check_kind
from careerkit.errors import ValidationError, shown, wrong_type

if TYPE_CHECKING:
    from careerkit.data._install import Installed
    from careerkit.data._status import SeriesStatus

_CALLBACKS: list[tuple[Callable[[], None], frozenset[str]]] = []


class use:  # noqa: N801 - a function to callers; a class so that it can also be a context manager
    """Use the updates installed in *directory* in this process, from now on.

    The cached series and every cached conversion factor are dropped, so the
    next conversion reads the data in *directory* (an empty folder means the
    shipped snapshot alone). As a context manager it restores the previous
    choice on exit::

        with careerkit.data.use("/srv/careerkit-data"):
            ...
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        path = _folder_argument(directory)
        if path is None:
            raise wrong_type("a folder path", directory, "directory")
        if not _is_folder(path):
            raise ValidationError(
                f"{shown(str(directory))} is not a folder: pass a folder holding careerkit data "
                "updates (an empty one for the shipped snapshot alone); 'careerkit data update' "
                "creates it",
                field="directory",
            )
        self.folder = path
        _CHOSEN.append(path)
        _changed()

    def __enter__(self) -> use:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if len(_CHOSEN) > 1 and _CHOSEN[-1] is self.folder:
            _CHOSEN.pop()
        else:  # a later use() without a with-block is still in force: undo only this one
            for index in range(len(_CHOSEN) - 1, 0, -1):
                if _CHOSEN[index] is self.folder:
                    del _CHOSEN[index]
                    break
        _changed()


def on_change(callback: Callable[[], None], kinds: Sequence[str] = KINDS) -> None:
    """Call *callback* whenever the data in use of any of *kinds* changes (to drop caches)."""
    _CALLBACKS.append((callback, frozenset(kinds)))


def _changed(kinds: Sequence[str] = KINDS) -> None:
    """The data in use of *kinds* may have changed: forget it, and everything made from it."""
    for kind in kinds:
        if kind in _IN_USE:
            _IN_USE[kind].cache_clear()
    if "oews" in kinds:
        _OEWS_ONCE.cache_clear()
    for callback, concerned in _CALLBACKS:
        if concerned.intersection(kinds):
            callback()


def status(*kinds: str) -> tuple[SeriesStatus, ...]:
    """Each series careerkit uses (or those of *kinds*): source, licence, span, last point,
    gaps, files and vintage.

    >>> [series.kind for series in status()]
    ['cpi', 'fx-monthly', 'fx-annual', 'fx-ecb-monthly', 'fx-ecb-annual', 'fx-world-bank', 'inflation', 'ppp', 'oews']
    """
    from careerkit.data._status import status as _status

    return _status(tuple(check_kind(kind, field="kinds") for kind in kinds) or KINDS)


def update(
    kind: str,
    *files: str | os.PathLike[str],
    accept_revisions: bool = False,
    directory: str | os.PathLike[str] | None = None,
    reference_date: str | None = None,
) -> Installed:
    """Install official files for series *kind* into the user data directory (or *directory*).

    Each file is read in a publisher's format (``docs/howto/update-data.md`` lists
    them), checked (columns, dates in order, finite positive values, agreement with
    the data in use where they overlap: values further apart than the stated
    tolerance are revisions, refused with :class:`~careerkit.errors.DataRevisionError`
    unless *accept_revisions*), then written atomically: a process killed midway
    leaves the previous data in use and intact. *reference_date* (``"2026-05"``)
    dates an OEWS release whose file names do not say its year. An OEWS release is
    added beside the releases in use, never in their place (a release of another
    date adds history; the newest date is the latest). *directory* must be a path
    (:class:`~careerkit.WrongTypeError` otherwise).
    """
    from careerkit.data._install import update as _update

    result = _update(
        kind,
        files,
        accept_revisions=accept_revisions,
        folder=_folder_argument(directory),
        reference_date=reference_date,
    )
    _changed((kind,))
    return result


def reset(*kinds: str, directory: str | os.PathLike[str] | None = None) -> tuple[str, ...]:
    """Remove the user's updates of *kinds* (all kinds if none given); returns the kinds reset.

    The shipped snapshot is in use again for them.
    """
    from careerkit.data._install import reset as _reset

    result = _reset(kinds, folder=_folder_argument(directory))
    _changed(result)
    return result
