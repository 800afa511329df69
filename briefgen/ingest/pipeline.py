"""ingest_file(path, config) -> Article: read, clean and extract the metadata of one raw article."""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import IngestError, UndatedError
from briefgen.ingest import dates, furniture, meta
from briefgen.ingest.clean import clean_dump
from briefgen.ingest.patterns import TOKEN, UNSPACED
from briefgen.ingest.readers import read_raw
from briefgen.model import Article, Image, RawArticle, Source

if TYPE_CHECKING:
    from briefgen.config import Config

log = logging.getLogger(__name__)

MIN_BODY_WORDS = 25   # less than this is a page without an article (an index, an error page); a character
                      # counts as a word in Chinese, Japanese and Thai (patterns.TOKEN)


def ingest_file(path: Path, config: Config | None = None, name: str | None = None) -> Article:
    raw = read_raw(Path(path), name=name)
    return ingest_raw(raw, config)


def ingest_raw(raw: RawArticle, config: Config | None = None) -> Article:
    """The article of one raw input. A page with an article but no publication date (nor, for a dump, a
    `date` line) is dated by the raw file's modification day, in the config's time zone (the machine's
    without a config), and says so (`date_from: file`); in strict mode it fails as it always did."""
    try:
        if raw.kind == "dump":
            article = article_from_dump(raw)
        elif raw.kind == "html":
            from briefgen.ingest.html import article_from_html

            article = article_from_html(raw)
        else:
            raise IngestError("a Markdown brief is passed through, not ingested", raw.path)
    except UndatedError as exc:
        day = None if config is not None and config.strict else file_day(raw.path, config)
        if day is None:
            raise IngestError(exc.message, raw.path) from None
        article = replace(exc.article, date=day, date_from="file")
    return furniture.clean(article)


def file_day(path: Path, config: Config | None = None) -> datetime | None:
    """The day a file was last modified, as a bare date (midnight, no zone: the site reads it in its own
    zone), in the config's time zone, else the machine's; None when the file cannot be looked at."""
    try:
        stamp = Path(path).stat().st_mtime
    except (OSError, ValueError):
        return None
    zone = None
    name = config.timezone if config is not None else None
    if name:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            zone = None
    local = datetime.fromtimestamp(stamp, zone) if zone is not None else datetime.fromtimestamp(stamp)
    return datetime(local.year, local.month, local.day)


def article_from_dump(raw: RawArticle) -> Article:
    try:
        ref, translations, text = meta.split_prefix(raw.text)
        cleaned = clean_dump(text)
        header = meta.find_header(cleaned)
    except dates.DateError as exc:
        raise IngestError(str(exc), raw.path) from None
    blocks = list(cleaned.blocks)
    lead = header.lead
    for is_lead, shown, text in ((False, header.title_in_body, header.title), (True, header.lead_in_body, lead)):
        at = next((n for n, b in enumerate(blocks[:3]) if b.text == text), None) if shown else None
        if at is not None:
            popped = blocks.pop(at)   # the headline or standfirst opened the main text: not body
            if is_lead and not _has_words(blocks, MIN_BODY_WORDS) and not _over_boilerplate(cleaned, text):
                # a short text (one paragraph above a date line or a credit, a copy cut off below its first
                # paragraph, a how-to's lists): the paragraph taken for the standfirst is the text, not a reason
                # to give no brief (but a legal notice over the page's copyright line is no article)
                blocks.insert(at, popped)
                lead = None
    if not _has_words(blocks, MIN_BODY_WORDS):
        raise IngestError("no recognisable article text (menus and links only?)", raw.path)
    title = header.title or _title_from_body(blocks)
    body = "\n".join([title, lead or ""] + [b.text for b in blocks if b.kind != "list"])
    lang = meta.detect_lang(body)
    try:
        published, updated = meta.find_dates(cleaned, ref, lang, header.title)
    except dates.DateError as exc:
        raise IngestError(str(exc), raw.path) from None
    date = published or (dates.datetime(ref.year, ref.month, ref.day) if ref else None)
    caption, credit = meta.find_image(cleaned)
    article = Article(
        title=title, lang=lang, blocks=tuple(blocks), kicker=header.kicker,
        lead=lead, date=date, updated=updated, translations=translations,
        source=Source(file=raw.name, agency=meta.find_agency(cleaned), author=meta.find_author(cleaned)),
        image=Image(caption=caption, credit=credit))
    if date is None:
        raise UndatedError(NO_DATE_DUMP, raw.path, article)
    return article


NO_DATE_DUMP = "no publication date found (add a first line `date YYYY-MM-DD`)"


TITLE_WORDS = 12   # a title made from the text's first words has about this many words
_UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")
_WORD_CHAR = re.compile(r"\w")


def _token_weight(tok: str) -> float:
    """A word weighs 1; in scripts written without spaces a character is a token: two Chinese or Japanese
    characters, or four Thai ones (vowel and tone marks are characters of their own), weigh about a word."""
    if len(tok) > 1 or not _UNSPACED_CHAR.match(tok):
        return 1.0
    return 0.25 if "\u0e00" <= tok <= "\u0e7f" else 0.5


def _has_words(blocks, n: int) -> bool:
    """At least n tokens in the blocks' text and list items: counted only until there are n (the whole
    body's count took ~0.25 ms a dump; the first paragraph or two decide)."""
    seen = 0
    for b in blocks:
        for text in (b.text, *b.items):
            seen += len(TOKEN.findall(text))
            if seen >= n:
                return True
    return seen >= n


def _over_boilerplate(cleaned, text: str) -> bool:
    """The next line after the line `text` (blank ones aside) is boilerplate or noise (a copyright line)."""
    lines = cleaned.lines
    at = next((ln.i for ln in lines if ln.text == text), None)
    after = next((ln for ln in lines[at + 1:] if ln.kind != "blank"), None) if at is not None else None
    return after is not None and after.kind in ("boiler", "noise")


def _title_from_body(blocks) -> str:
    """No headline found: the first words of the text stand in (better than losing the article)."""
    text = next(b.text for b in blocks if b.kind == "paragraph")
    weight, end = 0.0, len(text)
    for m in TOKEN.finditer(text):
        weight += _token_weight(m.group())
        if weight >= TITLE_WORDS:
            end = m.end()
            break
    if not _WORD_CHAR.search(text, end):
        return text   # only punctuation after the last word
    return text[:end].rstrip() + "…"
