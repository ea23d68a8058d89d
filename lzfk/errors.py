"""Exceptions for when nothing sensible can continue; each maps to a documented exit code."""

from __future__ import annotations

from lzfk.problems import Problem


class LzfkError(Exception):
    """Base class: ``exit_code`` is what the CLI exits with."""

    exit_code = 5

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []


class InputUnreadable(LzfkError):
    """An input is not a spreadsheet, is truncated, or is too large (exit 3)."""

    exit_code = 3

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message, [problem])
        self.problem = problem


class RegisterUnreadable(LzfkError):
    """The register directory cannot be read or is not a register (exit 3)."""

    exit_code = 3


class OutputError(LzfkError):
    """Output could not be written (exit 4)."""

    exit_code = 4
