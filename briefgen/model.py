"""Small frozen records passed between the stages (habit 4: no shared mutable dict).

RawArticle -> (ingest) -> Article -> (classify) -> Classification -> (brief) -> Brief.
The Brief is what a file in content/briefs/ holds; briefgen.brief.frontmatter reads and
writes it and is the only code that knows the on-disk format.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

RawKind = Literal["dump", "html", "markdown"]


@dataclass(frozen=True)
class RawArticle:
    """One input file as read from disk, decoded to text (raw files are never modified)."""

    path: Path             # where it was read from
    name: str              # the input's file name as given (goes to source.file)
    kind: RawKind
    text: str              # decoded text (HTML source for kind == "html")
    sha256: str            # of the raw bytes: unchanged input -> nothing to do
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Image:
    caption: str | None = None
    credit: str | None = None
    url: str | None = None      # the lead image (absolute http(s) URL); shown by the site


@dataclass(frozen=True)
class Source:
    file: str | None = None     # input file name as given
    url: str | None = None
    name: str | None = None     # publisher / outlet
    agency: str | None = None   # AFP, Reuters, dpa, Keystone-SDA, ...
    author: str | None = None
    files: tuple[str, ...] = ()  # every raw file holding this article, when saved more than once


@dataclass(frozen=True)
class Block:
    """A piece of article body: a paragraph, a subheading (rendered `##`) or a list."""

    kind: Literal["paragraph", "heading", "list"]
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """What ingest extracts from one raw article, before classification."""

    title: str
    lang: str
    blocks: tuple[Block, ...]
    kicker: str | None = None
    lead: str | None = None
    date: datetime | None = None
    updated: datetime | None = None
    translations: tuple[str, ...] = ()
    source: Source = field(default_factory=Source)
    image: Image = field(default_factory=Image)
    date_from: str | None = None   # "file": the page shows no date, `date` is the raw file's modification day

    @property
    def body_text(self) -> str:
        """Plain body text (paragraphs, headings and list items), for classifiers and scoring."""
        parts: list[str] = []
        for b in self.blocks:
            parts.extend(b.items if b.kind == "list" else (b.text,))
        return "\n\n".join(parts)


@dataclass(frozen=True)
class Classification:
    countries: tuple[str, ...] = ()          # ISO 3166-1 alpha-2, by salience
    regions: tuple[str, ...] = ()            # slugs (UN M.49 or the site's own)
    themes: tuple[str, ...] = ()             # theme ids, ranked
    key_points: tuple[str, ...] = ()         # sentences copied from the article
    mentions: dict[str, int] = field(default_factory=dict)  # every country named -> count
    explain: dict[str, list[str]] = field(default_factory=dict)  # label -> evidence


@dataclass(frozen=True)
class Brief:
    """One brief file: front matter fields plus a Markdown body. See README "The brief format"."""

    title: str
    slug: str
    lang: str
    date: datetime
    body: str                                 # Markdown, opened by the localised date line
    kicker: str | None = None
    lead: str | None = None
    updated: datetime | None = None
    translations: tuple[str, ...] = ()
    source: Source = field(default_factory=Source)
    image: Image = field(default_factory=Image)
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    key_points: tuple[str, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)   # unknown keys, kept as they are
    date_from: str | None = None              # "file": dated by the raw file's modification day
    path: Path | None = None                  # file it was read from (None when not yet written)
    body_line: int = 1                        # 1-based line where the body starts, for error messages
