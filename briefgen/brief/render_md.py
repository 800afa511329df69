"""Article + Classification -> Brief: the Markdown body and the front matter fields.

The body opens with the publication date written out in the article's language by babel
("vendredi 16 janvier 2026"), then paragraphs, `##` subheads and lists. Same input, same bytes.
"""
from __future__ import annotations

import logging
import re
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from babel.core import UnknownLocaleError
from babel.dates import format_date

from briefgen.model import Brief

if TYPE_CHECKING:
    from briefgen.model import Article, Block, Classification

log = logging.getLogger(__name__)

# Characters that would start Markdown structure at the beginning of a paragraph line.
_MD_LINE_START = re.compile(r"^(\s*)([#>*+-]|\d+[.)])(\s)")
# Python-Markdown reads these anywhere in a line (emphasis, code, links, footnotes, attribute lists,
# raw HTML, entities). It has no escape for `<`, so `<` and an `&` that would start an entity become
# entities: every Markdown reader shows them as the characters the article had.
_MD_INLINE = re.compile(r"[\\`*_{}\[\]<]|&(?=#?[0-9A-Za-z]+;)")
_MD_INLINE_AS = {"<": "&lt;", "&": "&amp;"}
# At the start of a line: `#x` is a heading and `>x` a quote even without a space; `---` a rule. A line
# of `=` is left as it is: it would underline a heading only right below a paragraph's line, and every
# paragraph here is one line with a blank line before it; Python-Markdown has no escape for `=`, so
# `\=` would show its backslash.
_MD_BLOCK_START = re.compile(r"^([#>]|[-+](?=[-+=\s]*$))")


def date_line(when: datetime, lang: str) -> str:
    return _full_date(when.date(), lang)


@lru_cache(maxsize=4096)
def _full_date(day: date, lang: str) -> str:
    """The day written out by babel (~40 microseconds a call): many briefs share a day and a language."""
    try:
        return format_date(day, format="full", locale=lang)
    except (UnknownLocaleError, ValueError):
        return format_date(day, format="full", locale="en")


def _escape(text: str) -> str:
    """Plain text -> Markdown that reads back as the same text: quoted markup (`<script>`, `*a*`,
    `[x](y)`) stays text, and so does text that merely looks like structure ("1. Liga", "- 5 %")."""
    text = " ".join(text.split())
    text = _MD_INLINE.sub(lambda m: _MD_INLINE_AS.get(m.group(), "\\" + m.group()), text)
    text = _MD_BLOCK_START.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: f"{m.group(1)}{m.group(2)[:-1]}\\{m.group(2)[-1]}{m.group(3)}"
                              if m.group(2)[0].isdigit() else f"{m.group(1)}\\{m.group(2)}{m.group(3)}", text)


# Every backslash escape CommonMark and Python-Markdown know (ASCII punctuation).
_MD_UNESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


def unescape(markdown: str) -> str:
    """Markdown as render_body writes it -> the plain text it stands for: backslash escapes and the
    entities that _escape writes are undone, so readers of a brief (classify, search) see the
    article's own characters ("[s]on", "<b>"), not "\\[s\\]on" or "&lt;b>"."""
    import html

    # Only complete references (with their ';'): html.unescape alone would also read the legacy
    # forms without one ("x&parameter" -> "x¶meter").
    return _ENTITY.sub(lambda m: html.unescape(m.group()), _MD_UNESCAPE.sub(r"\1", markdown))


def render_block(block: Block) -> str:
    if block.kind == "heading":
        text = _MD_INLINE.sub(lambda m: _MD_INLINE_AS.get(m.group(), "\\" + m.group()), " ".join(block.text.split()))
        return "## " + re.sub(r"#(?=#*$)", r"\\#", text)   # closing hashes would be dropped
    if block.kind == "list":
        return "\n".join("- " + _escape(item) for item in block.items)
    return _escape(block.text)


def render_body(article: Article) -> str:
    parts = [date_line(article.date, article.lang)] if article.date else []
    parts += [render_block(b) for b in article.blocks if b.text or b.items]
    return "\n\n".join(parts) + "\n"


def render(article: Article, classification: Classification, slug: str) -> Brief:
    if article.date is None:
        raise ValueError("an article without a date cannot become a brief")
    return Brief(
        title=article.title, slug=slug, lang=article.lang, date=article.date, body=render_body(article),
        kicker=article.kicker, lead=article.lead, updated=article.updated, translations=article.translations,
        source=article.source, image=article.image, countries=classification.countries,
        regions=classification.regions, themes=classification.themes, key_points=classification.key_points,
        date_from=article.date_from)
