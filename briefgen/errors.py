"""One exception tree for everything briefgen reports to a user.

Every error carries the file (and line when known) it is about, so the CLI can print one
line per problem ("content/briefs/x.md:3: date: not an ISO 8601 date") and go on with the rest.
"""
from __future__ import annotations

from pathlib import Path


class BriefgenError(Exception):
    """Base class: a problem to report to the user, never a bug."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = f"{where}{self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ConfigError(BriefgenError):
    """briefgen.toml is missing, malformed, or has unknown keys or bad values."""


class IngestError(BriefgenError):
    """A raw article could not be turned into a brief."""


class BriefError(BriefgenError):
    """A brief file does not follow the brief format (front matter, fields)."""


class BuildError(BriefgenError):
    """The site could not be built (template error, slug collision, ...)."""


class PublishError(BriefgenError):
    """A production build could not be deployed."""
