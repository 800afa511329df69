"""HTML pages: trafilatura finds the main text and the metadata; we improve where it falls short.

Improvements over trafilatura's output:
- the lead (standfirst) is kept: trafilatura often drops it, so the page's description is used
  when the page shows it as text;
- the publication date keeps its time and time zone (article:published_time, JSON-LD);
- lines our lexicons know as boilerplate (teaser markers, credits, share prompts) are dropped, and
  a heading that ends the text is removed;
- link text written for screen readers only (", opens new tab", "(nouvelle fenêtre)") is removed;
- languages offered come from `hreflang` alternates, the agency from bylines and datelines.
"""
from __future__ import annotations

import html as htmllib
import logging
import re
from dataclasses import dataclass

from briefgen.errors import IngestError
from briefgen.ingest import dates, meta
from briefgen.ingest.clean import (
    LIST_ITEM,
    Line,
    handle_agency,
    handle_credit,
    handle_meta,
    is_sentence,
    tidy,
)
from briefgen.ingest.html_dates import page_dates
from briefgen.ingest.patterns import AGENCIES, WORD, key_of, strip_screen_reader
from briefgen.model import Article, Block, Image, RawArticle, Source

log = logging.getLogger(__name__)

MIN_BODY_WORDS = 25
HREFLANG = re.compile(r'<link[^>]+hreflang=["\']([a-zA-Z]{2})(?:[-_][a-zA-Z]+)?["\']', re.IGNORECASE)
FIGCAPTION = re.compile(r"<figcaption[^>]*>(.*?)</figcaption>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")
GALLERY = re.compile(r"^\\?\[?\d{1,2}\s?/\s?\d{1,2}\\?\]?")   # "[1/5] Reuters journalist …": a gallery caption


def article_from_html(raw: RawArticle) -> Article:
    import trafilatura

    try:
        text = trafilatura.extract(raw.text, output_format="markdown", include_formatting=True,
                                   include_comments=False, include_tables=False, include_links=False,
                                   include_images=False, deduplicate=False, favor_precision=True)
        md = trafilatura.extract_metadata(raw.text)
    except (AssertionError, ValueError, TypeError) as exc:  # lxml asserts on e.g. '<svg><html>'
        raise IngestError(f"HTML too broken to read ({type(exc).__name__})", raw.path) from None
    if not text or md is None:
        raise IngestError("no recognisable article in this HTML page", raw.path)
    # Visually hidden link text (", opens new tab") is read by trafilatura like any text: removed first.
    blocks = clean_blocks(markdown_blocks(tidy(strip_screen_reader(text))), _clean(md.title))
    description = _clean(md.description)
    doc = _parse(raw.text)
    lead = _standfirst(description, doc) if description else None
    if lead and blocks and blocks[0].kind == "paragraph" and _same_start(blocks[0].text, lead):
        blocks = blocks[1:]
    words = sum(len(WORD.findall(b.text)) + sum(len(WORD.findall(i)) for i in b.items) for b in blocks)
    if words < MIN_BODY_WORDS:
        raise IngestError("no recognisable article text in this HTML page", raw.path)
    published, updated = _dates(raw, md.date)
    heading = _heading(doc)
    title = _title(_clean(md.title), heading, _clean(md.sitename)) or blocks[0].text[:120]
    body = "\n".join([title, lead or ""] + [b.text for b in blocks])
    caption, credit = _figure(raw.text)
    return Article(
        title=title, lang=meta.detect_lang(body), blocks=tuple(blocks), lead=lead, date=published,
        kicker=heading.kicker if heading else None,
        updated=updated, translations=_translations(raw.text),
        source=Source(file=raw.name, url=md.url or None, name=_clean(md.sitename),
                      agency=_agency(md.author, blocks), author=_author(md.author)),
        image=Image(caption=caption, credit=credit))


# Class names pages give the overline above a headline (kicker, Dachzeile, surtitre, occhiello …),
# and words of class names that mark the same element in teaser cards and menus, not the article.
KICKER_CLASS = re.compile(r"kicker|overline|dachzeile|surtitre|surtitle|occhiello|topline|eyebrow|roofline|"
                          r"spitzmarke|supertitle", re.IGNORECASE)
NOT_ARTICLE_CLASS = re.compile(r"teaser|related|promo|card|nav|icon|topic|list|item|container|author",
                               re.IGNORECASE)
KICKER_REACH = 60        # elements before the <h1> still part of its header
TITLE_SEPARATOR = re.compile(r"\s[|–—·•-]\s|\s[|]")
SITE_SUFFIX_WORDS = 6    # "… | TechCrunch", "… – DW – 30.01.2024", "… - Die Neue Südtiroler Tageszeitung"


@dataclass(frozen=True)
class Heading:
    text: str
    kicker: str | None


def _parse(page: str):
    """The page as an lxml tree (None when lxml cannot read it)."""
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.document_fromstring(page.encode("utf-8"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return None


def _heading(doc) -> Heading | None:
    """The page's <h1> and the kicker (overline) printed with it: an element whose class names it a
    kicker, inside the <h1> or just before it, shorter than the headline itself."""
    if doc is None:
        return None
    elements = [el for el in doc.iter() if isinstance(el.tag, str)]
    h1 = next((n for n, el in enumerate(elements) if el.tag == "h1" and _text(el)), None)
    if h1 is None:
        return None
    text = _text(elements[h1])
    kicker = None
    for el in elements[max(0, h1 - KICKER_REACH):h1] + list(elements[h1].iterdescendants()):
        cls = el.get("class") or ""
        if not isinstance(el.tag, str) or not KICKER_CLASS.search(cls) or NOT_ARTICLE_CLASS.search(cls):
            continue
        found = _text(el).rstrip(" :–-")
        rest = text.replace(found, "", 1) if found else text
        if found and len(found.split()) <= 12 and len(found.split()) < len(rest.split()):
            kicker = found
    return Heading(text, kicker)


STANDFIRST_TAGS = frozenset(("p", "div", "h2", "h3", "span", "strong", "b", "em", "section", "header"))
STANDFIRST_PREFIX = 80   # characters of the description the shown standfirst must start with


def _standfirst(description: str, doc) -> str | None:
    """The standfirst as the page shows it: the smallest body element that starts like the description
    and is about as long (pages often add or drop a last sentence, "Von X." or "Woran liegt das?").
    A description the page never shows, or that is only the start of a longer first paragraph, is
    not a lead."""
    if doc is None or doc.body is None:
        return None
    want = _norm(description.rstrip("….").rstrip())[:STANDFIRST_PREFIX]
    best: str | None = None
    for el in doc.body.iter():
        if el.tag not in STANDFIRST_TAGS:
            continue
        text = el.text_content()
        if not 0.5 * len(description) <= len(text) <= 1.5 * len(description) + 40:
            continue
        if _norm(text).startswith(want) and (best is None or len(text) < len(best)) \
                and not any(a.tag in ("figure", "figcaption") for a in el.iterancestors()):
            best = text   # (a description that is the photo's caption is no standfirst)
    return _clean(tidy(best)) if best else None


def _text(el) -> str:
    return " ".join(" ".join(t.split()) for t in el.itertext() if t.strip()).replace("\u00ad", "")


def _title(title: str | None, heading: Heading | None, site: str | None) -> str | None:
    """The page title without the site's name: the <h1> when the title is it plus a short suffix
    after a separator, else the title less a trailing '| Site name'."""
    if not title:
        return heading.text if heading else None
    m = list(TITLE_SEPARATOR.finditer(title))
    if heading and m:
        head, tail = _norm(heading.text), _norm(title)
        if head and tail.startswith(head) and 0 < len(tail.split()) - len(head.split()) <= SITE_SUFFIX_WORDS:
            return heading.text
    if site and m and _norm(title[m[-1].end():]) == _norm(site):
        return title[:m[-1].start()].strip()
    return title


def markdown_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for para in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in para.strip().split("\n") if ln.strip()]
        if not lines:
            continue
        if lines[0].startswith("#"):
            blocks.append(Block("heading", lines[0].lstrip("#").strip().strip("*_ ")))
            lines = lines[1:]
        if lines and all(LIST_ITEM.match(ln) for ln in lines):
            blocks.append(Block("list", items=tuple(_inline(LIST_ITEM.sub("", ln)) for ln in lines)))
        elif lines:
            blocks.append(Block("paragraph", _inline(" ".join(lines))))
    return blocks


def _inline(text: str) -> str:
    """trafilatura's emphasis marks are dropped: briefs keep plain text."""
    return re.sub(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1", r"\2", text).strip()


def _line(text: str) -> Line:
    return Line(0, text, key_of(text), len(WORD.findall(text)))


def clean_blocks(blocks: list[Block], title: str | None = None) -> list[Block]:
    """Drop what the lexicons know as boilerplate, the title shown again, short headline-like
    paragraphs (captions, teaser links) and a trailing heading (it announced teasers)."""
    kept: list[Block] = []
    title_key = _norm(title or "")
    for n, b in enumerate(blocks):
        if title_key and _norm(b.text).startswith(title_key) and len(kept) < 2:
            continue
        if b.kind == "paragraph" and _headline_like(b.text) and not _before_list(blocks, n):
            continue
        if b.kind == "list":
            items = tuple(i for i in b.items if not meta.is_boilerplate_line(i))
            if items:
                kept.append(Block("list", items=items))
            continue
        line = _line(b.text)
        if GALLERY.match(b.text) or meta.is_boilerplate_line(b.text) or handle_credit(line) or handle_agency(line) \
                or (b.kind == "paragraph" and handle_meta(line)):
            continue
        kept.append(b)
    kept = _cut_at_end_marker(kept)
    while kept and (kept[-1].kind == "heading" or (kept[-1].kind == "list" and _link_list(kept[-1]))):
        kept.pop()   # a closing heading announced teasers; a closing list of headlines is links
    while kept and kept[0].kind == "heading":
        kept.pop(0)  # a heading before any text is the title again, or a kicker
    return kept


def _link_list(block: Block) -> bool:
    return len(block.items) >= 2 and all(_headline_like(item) for item in block.items)


def _cut_at_end_marker(blocks: list[Block]) -> list[Block]:
    """'Reporting by …', 'Mehr zum Thema': an end-of-article phrase in the last third ends the text."""
    lex = meta.lexicon()
    for n in range(len(blocks) * 2 // 3, len(blocks)):
        if blocks[n].kind != "list" and meta.matches(key_of(blocks[n].text), lex.end, 60):
            return blocks[:n]
    return blocks


def _headline_like(text: str) -> bool:
    words = len(WORD.findall(text))
    return words <= 15 and not is_sentence(text, words)


def _before_list(blocks: list[Block], n: int) -> bool:
    return n + 1 < len(blocks) and blocks[n + 1].kind == "list"


def _clean(value: str | None) -> str | None:
    return " ".join(htmllib.unescape(value).split()) if value and value.strip() else None


def _norm(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def _same_start(a: str, b: str) -> bool:
    return _norm(a)[:80] == _norm(b)[:80]


def _dates(raw: RawArticle, fallback: str | None):
    """The page's own published and updated times (briefgen.ingest.html_dates); trafilatura's date when
    the page has none."""
    published, updated = page_dates(raw.text, fallback)
    if published is None:
        raise IngestError("no publication date found in this HTML page", raw.path)
    try:
        dates.check(published, None)
    except dates.DateError as exc:
        raise IngestError(str(exc), raw.path) from None
    return published, updated


def _translations(page: str) -> tuple[str, ...]:
    codes = {c.lower() for c in HREFLANG.findall(page)}
    return tuple(sorted(codes)) if len(codes) > 1 else ()


def _figure(page: str) -> tuple[str | None, str | None]:
    m = FIGCAPTION.search(page)
    if not m:
        return None, None
    text = _clean(TAG.sub(" ", m.group(1)))
    if not text:
        return None, None
    parts = re.split(r"\s*(?:©|Photo\s*:|Foto\s*:|Bild\s*:|Photograph\s*:|Credit\s*:|Image\s*:)\s*", text,
                     maxsplit=1, flags=re.IGNORECASE)
    caption = parts[0].strip() or None
    credit = parts[1].strip() if len(parts) > 1 and parts[1].strip() else None
    return caption, credit


def _agency(author: str | None, blocks: list[Block]) -> str | None:
    texts = [author or ""]
    paras = [b.text for b in blocks if b.kind == "paragraph"]
    if paras:
        texts += re.findall(r"\(([^()]{2,40})\)", paras[0][:200]) + re.findall(r"\(([^()]{2,40})\)",
                                                                              paras[-1][-60:])
    for text in texts:
        for name, rx in AGENCIES:
            if rx.search(text):
                return name
    return None


def _author(author: str | None) -> str | None:
    if not author:
        return None
    author = re.sub(r"^(?:Autor(?:in)?|Von|By|Par|Di)\s*:?\s+", "", _clean(author) or "", flags=re.IGNORECASE)
    return author.replace("; ", ", ") or None
