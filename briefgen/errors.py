"""One exception tree for everything briefgen reports to a user.

Every error carries the file (and line when known) it is about, so the CLI can print one
line per problem ("content/briefs/x.md:3: date: not an ISO 8601 date") and go on with the rest.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

# What must not reach a terminal raw: C0/C1 controls (escape sequences can clear the screen or retitle
# the window), bidi overrides (they reorder what is shown), and lone surrogates (bytes of a file name
# that is not UTF-8, kept by Python as U+DC80-U+DCFF; they cannot even be encoded for printing).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: object, keep: str = "") -> str:
    """`text` safe to print or write to a report: unsafe characters become `\\x1b`, `\\u202e`; a byte
    of a name that is not UTF-8 becomes `\\xe9`, as `ls -b` shows it. `keep` lists characters left as
    they are (a log message's own line breaks)."""
    def escape(m: re.Match) -> str:
        char = m.group()
        if char in keep:
            return char
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return _UNSAFE.sub(escape, str(text))


class TerminalFormatter(logging.Formatter):
    """Log messages with file names (or any text from content) escaped before they reach a terminal."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return printable(super().formatMessage(record), keep="\n\t")


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
        return printable(f"{text} ({self.hint})" if self.hint else text)


class ConfigError(BriefgenError):
    """briefgen.toml is missing, malformed, or has unknown keys or bad values."""


class IngestError(BriefgenError):
    """A raw article could not be turned into a brief."""


class UndatedError(IngestError):
    """A page with an article but no publication date (and, for a dump, no `date` line): `article` is
    the rest of it, its date None. Ingest dates it by the raw file's modification day unless strict."""

    def __init__(self, message: str, path: str | Path | None, article) -> None:
        super().__init__(message, path)
        self.article = article


class BriefError(BriefgenError):
    """A brief file does not follow the brief format (front matter, fields)."""


class BuildError(BriefgenError):
    """The site could not be built (template error, slug collision, ...)."""


class PublishError(BriefgenError):
    """A production build could not be deployed."""
