"""``careerkit validate``, run: checking profile files before they ship, every problem with the
line of its field (its command is added by :mod:`careerkit.cli._profiles`; this module is
imported when it runs, not when the command line is read)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from careerkit.cli._output import _counted, _json
from careerkit.errors import CareerkitError

if TYPE_CHECKING:
    from careerkit.model.career import CareerExtension

__all__ = ["validate"]


class _Problem(NamedTuple):
    """One problem ``careerkit validate`` found: where (as far as known) and what."""

    file: str | None
    """The file, or ``None`` for a problem of an installed plug-in."""
    line: int | None
    """The line (from 1) of the field, or of the nearest table holding it, where known."""
    path: str | None
    """The field's path (``pay[1].currency``), or ``None`` for a problem of the whole file."""
    message: str

    def __str__(self) -> str:
        """``FILE:LINE: PATH: MESSAGE``, the parts that are known."""
        where = "" if self.file is None else self.file
        where += "" if self.line is None else f":{self.line}"
        parts = [part for part in (where, self.path, self.message) if part]
        return ": ".join(parts)


class _Files:
    """The files ``careerkit validate`` reads, and the line of a field in each."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self._lines: dict[str, dict[tuple[str, ...], int]] = {}

    def problem(self, file: str, path: str | None, message: str) -> _Problem:
        """A problem in *file*, at the line of *path* where the file's text gives one."""
        from careerkit._toml import decode_error_line, key_lines, line_of

        if file not in self.texts:
            return _Problem(file, None, path or None, message)
        if not path:  # a problem of the whole file: tomllib names the line of a syntax error
            line = decode_error_line(message) if message.startswith("not valid TOML") else None
            return _Problem(file, line, None, message)
        if file not in self._lines:
            self._lines[file] = key_lines(self.texts[file])
        return _Problem(file, line_of(self._lines[file], path), path, message)

    def error(self, error: CareerkitError, file: str) -> list[_Problem]:
        """The problems *error* reports, in *file* (or the file a load error names)."""
        from careerkit.errors import ProfileLoadError

        if isinstance(error, ProfileLoadError):
            return [self.problem(error.origin, path, message) for path, message in error.problems]
        return [_Problem(file, None, None, str(error))]


def _paths(paths: Sequence[str]) -> tuple[list[Path], list[_Problem]]:
    files: list[Path] = []
    problems: list[_Problem] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(path.rglob("*.toml"))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(_Problem(name, None, None, "no such file or directory"))
    return files, problems


def validate(args: argparse.Namespace) -> int:
    """Run ``careerkit validate`` with the parsed *args*; the exit status."""
    from careerkit import serialization
    from careerkit.conformance import _located_problems
    from careerkit.model.career import Career
    from careerkit.registry import with_files

    files, problems = _paths(args.paths)
    read = _Files()
    documents: list[tuple[Path, Career | CareerExtension]] = []
    for file in files:
        try:
            text = read.texts[str(file)] = serialization.read_text(file)
            documents.append((file, serialization.document_from_toml(text, origin=str(file))))
        except CareerkitError as error:
            problems += read.error(error, str(file))
    for file, document in documents:
        if isinstance(document, Career):
            if document.id != file.stem:
                name = f"the file must be named {document.id}.toml"
                problems.append(read.problem(str(file), "id", name))
            problems += [
                read.problem(str(file), path, message)
                for path, message in _located_problems(
                    document, require_hindi=getattr(args, "require_hindi", False)
                )
            ]
    # What loading would do with these files installed beside the installed plug-ins: a key
    # an installed career (or another of these files) already answers to, an extension of a
    # career that does not exist, an extension that clashes once merged.
    loaded = with_files(documents)
    ours = {str(file) for file, _ in documents}
    for provider, why in loaded.skipped:
        if provider not in ours:
            problems.append(
                _Problem(
                    None,
                    None,
                    None,
                    f"installed plug-in: skipped careerkit profiles from {provider}: "
                    f"{type(why).__name__}: {why}",
                )
            )
        elif isinstance(why, CareerkitError):
            problems += read.error(why, provider)
        else:  # pragma: no cover - loading a parsed file raises careerkit's errors only
            problems.append(_Problem(provider, None, None, f"{type(why).__name__}: {why}"))
    # A career claiming a catalogue occupation's SOC code without declaring extends or replaces.
    claims = {str(file): document for file, document in documents}
    for provider, message in loaded.warned:
        if provider in claims:
            problems.append(read.problem(provider, _soc_path(claims[provider]), message))
    # Each file's problems together, in the order of their lines (the whole file's first).
    order = {file: rank for rank, file in enumerate(dict.fromkeys(p.file for p in problems))}
    problems.sort(key=lambda problem: (order[problem.file], problem.line or 0))
    if args.json:
        found = [problem._asdict() for problem in problems]
        print(_json({"files": [str(f) for f in files], "problems": found}))
    else:
        for problem in problems:
            print(problem)
        print(f"{_counted(len(files), 'file')} checked, {_counted(len(problems), 'problem')}")
    return 1 if problems else 0


def _soc_path(document: object) -> str | None:
    """The path of *document*'s SOC 2018 code (``occupation_codes[0].code``), where it has one."""
    from careerkit.model.codes import CodeSystem

    for index, code in enumerate(getattr(document, "occupation_codes", ())):
        if code.system == CodeSystem.SOC_2018:
            return f"occupation_codes[{index}].code"
    return None
