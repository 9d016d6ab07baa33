"""Errors the user can act on. Each prints as one line; the CLI maps them to exit codes."""

from __future__ import annotations


class SafetycheckError(Exception):
    """Bad input or usage: printed as one line, exit status 2."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class ContentError(SafetycheckError):
    """A questionnaire, guidance or settings file is malformed."""


class AnswersError(SafetycheckError):
    """An answers file is malformed or names unknown ids."""


class UsageError(SafetycheckError):
    """The command line asks for something that cannot be done."""


class ContentErrors(SafetycheckError):
    """Several content errors found in one validation pass; each is one line."""

    def __init__(self, errors: list[ContentError]) -> None:
        super().__init__(str(errors[0]))
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
