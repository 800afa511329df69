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
import json
import logging
import re
import unicodedata
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import islice, pairwise
from pathlib import Path

from lxml.etree import XPath

from briefgen.errors import IngestError, UndatedError
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
from briefgen.ingest.html_dates import page_dates, url_date
from briefgen.ingest.patterns import AGENCIES, WORD, cp1252_bytes, cp1252_text, key_of, lexicon, strip_screen_reader
from briefgen.model import Article, Block, Image, RawArticle, Source

log = logging.getLogger(__name__)

MIN_BODY_WORDS = 25
# briefgen's steps after trafilatura, each measured by the ablation in tests/quality/html_eval.py
# (`--ablation`): a step is on by default (STEPS) only where leaving it out lowers F1 on the sample pages.
ALL_STEPS = frozenset((
    "screen_reader",    # link text for screen readers only (", opens new tab")
    "title_repeat",     # the headline shown again at the top of the text
    "headline_like",    # short paragraphs that are no sentence (captions, teaser links)
    "boilerplate",      # lexicon lines: teaser markers, share prompts, "Reporting by"
    "credit",           # photo credit lines
    "agency",           # a line that is only an agency name
    "byline",           # date and byline lines
    "gallery",          # "1/50 …" gallery captions
    "end_marker",       # an end-of-article marker in the last third cuts the rest
    "trailing",         # a closing heading or list of headlines (teasers)
    "leading_heading",  # headings before any text (the title again, a kicker)
    "lead",             # the standfirst from the page's description
    "before_title",     # text before the headline (a cookie notice, a breadcrumb, a banner)
    "comments",         # a heading that opens the readers' comments ends the article
    "link_card",        # a paragraph that is part of a longer link: a teaser card's summary
    "container",        # text outside the page's densest container (briefgen/ingest/density.py)
    "page_comments",    # the page's own heading of its readers' comments ends the article
    "glued_line",       # a line set before a <p> (a date, a byline) that trafilatura joined to its text
    "comment_records",  # records of a stamp line and short prose after the article's: comments, no heading
    "gaps",             # subheads, lists and short paragraphs set between two of the article's paragraphs,
    #                     and headings with their lists that close it after the last (step trailing keeps those)
    "teasers",          # teaser summaries: the sentence set after a headline link ("<a>…</a><br>Summary …")
    "teaser_runs",      # three or more teasers side by side (headline link, summary), wherever in the text
    "deck",             # the standfirst printed between the headline and the text when no description names it
    "pull_quotes",      # a short paragraph whose words run as in a longer one of the text: a pull quote
    "above_headline",   # text the page sets before its headline's element (a sidebar first in source order)
    "rejoin",           # a paragraph trafilatura split at its inline elements (a <div>'s text without <p>)
    "agreed_end",       # last paragraphs readability-lxml's main block leaves out, when it holds most of the text
    "boxes",            # a box around a form field (a newsletter sign-up) or an embedded post's text
    "continued",        # the rest of a body split around an advert: later elements of its container's class
    "script_body",      # the article as a script's JSON string holds it, when the page shows only its start (or
    #                     little of it: the string found by the headline)
    "next_story",       # the next article an endless-scroll page prints below (another <h1> and its date line)
))
# Off: no page changes with them, of the 255 sample pages as they are and as older markup, and of the
# hand-written old-style pages (README "Cleaning quality", ablation). "comments" reads a comment heading in
# trafilatura's text, which "page_comments" finds in the page itself; the old-style gallery page's slides go
# without "gallery".
DROPPED_STEPS = frozenset(("screen_reader", "agency", "title_repeat", "comments", "gallery"))
STEPS = ALL_STEPS - DROPPED_STEPS
# steps that find the text's blocks in the page (where they stand, what is around them)
PAGE_STEPS = frozenset(("glued_line", "rejoin", "container", "page_comments", "next_story", "comment_records", "gaps",
                        "continued", "above_headline", "link_card", "teasers", "teaser_runs", "boxes",
                        "agreed_end"))
# CJK scripts write no spaces between words: each character counts as half a word.
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=64)
def word_count(text: str) -> int:
    """Words of a text (`\\w+` runs; a CJK character half a word). Memoised for the few last texts: the page's
    extracted text is counted by several steps in turn."""
    cjk = len(CJK_CHAR.findall(text))
    return len(WORD.findall(CJK_CHAR.sub(" ", text) if cjk else text)) + cjk // 2   # (no CJK: nothing to sub)


_word_count = word_count.__wrapped__   # (not memoised: for many short texts counted once)

HREFLANG = re.compile(r'<link[^>]+hreflang=["\']([a-zA-Z]{2})(?:[-_][a-zA-Z]+)?["\']', re.IGNORECASE)
FIGCAPTION = re.compile(r"<figcaption[^>]*>(.*?)</figcaption>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")
GALLERY = re.compile(r"^\\?\[?\d{1,2}\s?/\s?\d{1,2}\\?\]?")   # "[1/5] Reuters journalist …": a gallery caption


@dataclass(frozen=True)
class Options:
    """How the main text is taken: trafilatura's settings and briefgen's own post-processing steps.
    The defaults are what measured best (README "Cleaning quality"); the others exist for the
    ablation in tests/quality/html_eval.py."""

    focus: str = "balanced"          # trafilatura: "precision", "balanced" or "recall"
    # trafilatura's fast mode skips its comparison with its fallback extractors (readability, jusText);
    # "auto": fast first, the full run only when the fast text is short beside the page's paragraphs
    # (ESCALATION, fitted by scripts/fit_html_escalation.py).
    fast: bool | str = "auto"
    tables: bool = True              # trafilatura: text in <table> (some pages lay out the article in one)
    steps: frozenset[str] = STEPS    # briefgen's post-processing steps (STEPS)


def article_from_html(raw: RawArticle, options: Options | None = None) -> Article:
    options = options or Options()
    raw = _without_frames(raw)
    if not unicodedata.is_normalized("NFC", raw.text):
        # decomposed letters ("u" and a combining diaeresis, as text pasted from a Mac often is): trafilatura's
        # text comes out composed (tidy), the page's own text would not, and every step that finds a block in
        # the page by its letters (container, comments, gaps, ...) would miss it (de-tageszeitung: recall
        # 0.77, the container cut 12 of 16 paragraphs). About 0.5 ms a page to check.
        raw = replace(raw, text=unicodedata.normalize("NFC", raw.text))
    doc = _parse(raw.text)
    text, md = _extract(raw, doc, options)
    steps = options.steps
    if "script_body" in steps and doc is not None and ((hidden := _script_body(doc, text)) is not None or (
            word_count(text) < SHOWN_LITTLE and (hidden := _headline_script_body(doc, text)) is not None)):
        # the page shows only the article's start and a script holds the rest: no step below can find the
        # text's blocks in the page, so none that reads where they stand runs
        text = hidden
        steps = steps - PAGE_STEPS
    if "screen_reader" in steps:
        # Visually hidden link text (", opens new tab") is read by trafilatura like any text.
        text = strip_screen_reader(text)
    found = extracted = markdown_blocks(tidy(text))
    if "glued_line" in steps:
        found = _unglue_first_lines(found, doc)
    doubtful = bool(steps & {"container", "comment_records", "gaps", "teasers", "above_headline"}) \
        and _doubtful(found, doc)
    if "rejoin" in steps:
        # first: the container and comment steps find the joined paragraph in the page, not its fragments
        # (before session 11 it ran after them: a decomposed page, now composed above, had made the container
        # cut de-tageszeitung when run first)
        found = _rejoined(found, doc)
    units = cache(lambda: _teaser_runs(doc) if "teaser_runs" in steps else [])
    if "container" in steps and doubtful:
        found = _inside_container(found, doc, units())
    if "page_comments" in steps:
        found = _before_page_comments(found, doc)
    if "next_story" in steps:
        found = _before_next_story(found, doc)
    if "comment_records" in steps and doubtful:
        found = _before_comment_records(found, doc)
    closing: list[str] = []
    if "gaps" in steps:
        found = _with_gaps(found, doc, paragraphs=doubtful, closing=closing)
    if "continued" in steps:
        found = _continued(found, doc)
    forms = _title_forms(doc)
    sites = site_names(doc, md.url)
    sites += [n for n in named_sites(doc, raw.text, forms, md.url) if n not in sites]
    heading = _heading(doc, sites, forms, raw.text)
    if "before_title" in steps:
        found = _after_headline(found, [*forms.values(), heading.text if heading else None, _clean(md.title)], doc)
    title = _title(forms, _clean(md.title), heading, [_clean(md.sitename), *sites], _headings(doc),
                   PageNames(doc, forms, raw.text, _first_sentences(found)))
    if "above_headline" in steps:
        titles = [title, heading.text if heading else None]
        found = _below_stamp_title(_below_headline(found, doc, titles) if doubtful else found, titles)
    if "link_card" in steps:
        found = _outside_link_cards(found, doc)
    if "teasers" in steps and doubtful:
        found = _without_teaser_summaries(found, doc)
    if "teaser_runs" in steps:
        found = _without_teaser_runs(found, doc, units())
    if "boxes" in steps:
        found = _outside_boxes(found, doc)
    blocks = clean_blocks(found, _clean(md.title), steps, closing)
    if "pull_quotes" in steps:
        blocks = _without_repeats(blocks)
    if "agreed_end" in steps and doubtful and _ends_outside_run(blocks, doc):
        blocks = _agreed_end(blocks, raw.text)
    blocks = _without_placeholders(blocks)
    description = _clean(md.description)
    lead = _standfirst(description, doc) if description and "lead" in steps else None
    if lead is None and "deck" in steps and heading is not None:
        lead = _deck(doc, heading.text, blocks)
    if lead and blocks and blocks[0].kind == "paragraph" and _same_start(blocks[0].text, lead):
        blocks = blocks[1:]
    if _words(blocks, lead) < MIN_BODY_WORDS:
        # briefgen's cleaning left too little: an article of short paragraphs (a ticker, a list of brief
        # items) rather than no article. The text before the cleaning steps stays, else trafilatura's own
        # text before the page-level steps, else readability-lxml's main block: a page where an extractor
        # finds prose gives that prose, not no brief (issue 11).
        for candidate in (lambda: found, lambda: extracted, lambda: markdown_blocks(tidy(readability_markdown(
                raw.text)))):
            kept = [b for b in candidate() if not (lead and b.kind == "paragraph" and _same_start(b.text, lead))]
            if _words(kept, lead) >= MIN_BODY_WORDS:
                blocks = kept
                break
    if _words(blocks, lead) < MIN_BODY_WORDS:
        raise IngestError("no recognisable article text in this HTML page", raw.path)
    named = md.sitename if getattr(md, "site_named", True) else None   # (a guess may be the headline)
    if not title or _squash(title) in {_squash(s) for s in (named, *sites) if s}:
        # every title form is the site's name (og:title and <title> "Town Gazette"): the headline is
        # the text the page prints right above the article's first paragraph
        title = _printed_headline(doc, blocks, [md.sitename, *sites]) or title or blocks[0].text[:120]
    elif heading is None and not forms.get("og") and not forms.get("ld") \
            and max(word_count(p) for p in TITLE_SEPARATOR.split(title)) <= SECTION_WORDS \
            and (named_headline := _named_headline(doc, blocks, [md.sitename, *sites])) \
            and _squash(named_headline) not in _squash(forms.get("title")) \
            and _squash(title) not in _squash(named_headline) \
            and len({w for w in _tokens(title) & _tokens(named_headline) if len(w) >= 4}) <= 1:
        # no <h1>, og:title or JSON-LD headline, a title of short parts only (a name, a section, a place: an
        # old portal's or a release's <title>, "Jornal da Cidade - Campo Alegre", the same on every page), and
        # the page prints a headline its class names as one (<div class="titulo">, <h2 class="title">) that
        # the <title> does not hold: the story's headline is the one it prints (not an element that holds the
        # title and more: a forum's "Author Topic: <title> (Read 412 times)" row; nor one that shares two words
        # with the title: the title is then a wording of the headline). Without the short parts and the shared
        # words, a blog's "Blog » Headline" beside an <h2 class="entry-title"> worded otherwise lost 28 and 1 of
        # the 255 samples laid out as old blogs (meta_score html-blog-titles).
        title = named_headline
    elif heading is None and not forms.get("og") and not forms.get("ld") and not TITLE_SEPARATOR.search(title):
        # only a <title>, and the one part left of it is a section link ("Town Gazette - News") or is
        # printed nowhere on the page and is not about the article: it shares at most one word with the
        # article and none with the headline the page prints above the text (an old site's tagline, "Town
        # Gazette - Local news for the valley"; a <title> worded otherwise than the printed headline, an
        # SEO title, stays): that printed headline
        section = word_count(title) <= SECTION_WORDS and _squash(title) in section_names(doc)
        if section or (not _shown_in_body(doc, title) and len(
                {w for w in _tokens(title) if len(w) >= 4} & _tokens(" ".join(b.text for b in blocks))) <= 1):
            printed = _printed_headline(doc, blocks, [md.sitename, *sites])
            if printed and (section or not {w for w in _tokens(title) & _tokens(printed) if len(w) >= 4}):
                title = printed
    body = "\n".join([title, lead or ""] + [b.text for b in blocks])
    lang = meta.detect_lang(body)
    published, updated = _dates(raw, md, doc, title, lang)
    caption, credit = _figure(raw.text)
    image_url = lead_image(doc, md.url)
    article = Article(
        title=title, lang=lang, blocks=tuple(blocks), lead=lead, date=published,
        kicker=heading.kicker if heading else None,
        updated=updated, translations=_translations(raw.text),
        source=Source(file=raw.name, url=md.url or None, name=_clean(md.sitename),
                      agency=_agency(md.author, blocks), author=_author(md.author)),
        image=Image(caption=caption, credit=credit, url=image_url))
    if published is None:
        raise UndatedError("no publication date found in this HTML page", raw.path, article)
    return article


IMAGE_META = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
IMAGE_SRC = ("src", "data-src", "data-original", "data-lazy-src", "data-srcset", "srcset")
PAGE_URL_META = ("og:url",)


def lead_image(doc, page_url: str | None = None) -> str | None:
    """The lead image's absolute URL: og:image / twitter:image, else the first <figure> image of the
    article (else of the page), resolved against the page's URL and <base href>. Only http(s) URLs:
    a data: or javascript: URL, or a relative one with no page URL to resolve it, gives None."""
    if doc is None:
        return None
    base = _page_url(doc, page_url)
    candidates = [v for name in IMAGE_META if (v := _meta_content(doc, name))]
    candidates += [el.get("href") for el in doc.iter("link") if (el.get("rel") or "").lower() == "image_src"]
    scope = next(iter(doc.iter("article")), None)
    for root in ((scope, doc) if scope is not None else (doc,)):
        candidates += [src for fig in root.iter("figure") for img in fig.iter("img")
                       for src in _img_srcs(img)]
    for found in candidates:
        url = _absolute(found, base)
        if url:
            return url
    return None


def _page_url(doc, page_url: str | None) -> str | None:
    from urllib.parse import urljoin

    url = page_url or _meta_content(doc, "og:url") or next(
        (el.get("href") for el in doc.iter("link") if (el.get("rel") or "").lower() == "canonical"), None)
    base = next((el.get("href") for el in doc.iter("base") if el.get("href")), None)
    if base:
        url = urljoin(url or "", base.strip())
    return url


def _img_srcs(img) -> list[str]:
    """An <img>'s URLs, src first; a lazy-loading placeholder (a data: src) is passed over later."""
    found = []
    for attr in IMAGE_SRC:
        value = (img.get(attr) or "").strip()
        if value:
            found.append(value.split(",")[0].split()[0] if "srcset" in attr else value)
    return found


def _absolute(url: str | None, base: str | None) -> str | None:
    from urllib.parse import urljoin, urlsplit

    url = (url or "").strip()
    if not url:
        return None
    if url.startswith("//"):
        scheme = urlsplit(base).scheme if base else ""
        url = (scheme if scheme in ("http", "https") else "https") + ":" + url
    try:
        url = urljoin(base, url) if base else url
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in url for c in " \n\t<>\"'"):
        return None
    return url


def _words(blocks: list[Block], lead: str | None) -> int:
    return word_count(" ".join([lead or ""] + [b.text for b in blocks] + [i for b in blocks for i in b.items]))


def _extract(raw: RawArticle, doc, options: Options):
    """(main text as Markdown, trafilatura's metadata) from the page's one parsed tree."""
    source = doc if doc is not None else raw.text
    try:
        if options.fast == "auto":
            text = _trafilatura(source, options, fast=True)
            para = paragraph_words(doc)
            theta, kappa = escalation()
            words = word_count(text)
            if para < max(MIN_BODY_WORDS, FEW_PARAGRAPHS * words):
                # too few words in <p> to judge the fast text by (a page of <div>s and <br>s): trafilatura's
                # full mode, which compares its extraction with readability's and jusText's, decides
                full = _trafilatura(source, options, fast=False)
                if word_count(full) >= MIN_BODY_WORDS:
                    text = full
            elif words < theta * para:
                full = _trafilatura(source, options, fast=False)
                if words < word_count(full) <= kappa * para:
                    text = full
            elif break_words(doc) > words:
                # more words run between <br>s than the fast text holds: a story set as lines of a <div> or
                # <td> beside <p>s that are not it (readers' comments, a related box), which the fast mode
                # takes for the article; the full mode weighs the page as a whole and wins when it finds more
                full = _trafilatura(source, options, fast=False)
                if word_count(full) > words:
                    text = full
        else:
            text = _trafilatura(source, options, fast=bool(options.fast))
        if options.tables and table_share(text) >= TABLE_SHARE:
            # an article laid out in a <table> (older pages): trafilatura gives each cell as one line,
            # the paragraphs (<br><br>, <font>) run together; readability-lxml keeps them apart
            alt = readability_markdown(raw.text)
            if word_count(alt) >= 0.5 * word_count(text):
                text = alt
            elif (cell := _story_cell(doc)) is not None:
                # readability-lxml's block is a small part of it (the story's cell and a sidebar, or one
                # column): the layout table's story is the densest element inside one of its cells
                text = cell
        elif word_count(text) < MIN_BODY_WORDS:
            # trafilatura found (almost) nothing: readability-lxml's main block rather than no brief
            alt = readability_markdown(raw.text)
            if word_count(alt) > word_count(text):
                text = alt
        md = _metadata(source)
    except (AssertionError, ValueError, TypeError) as exc:  # lxml asserts on e.g. '<svg><html>'
        raise IngestError(f"HTML too broken to read ({type(exc).__name__})", raw.path) from None
    if (not text.strip() and doc is None) or md is None:
        # (a page that shows no text may hold its article in a script: step script_body)
        raise IngestError("no recognisable article in this HTML page", raw.path)
    return text, md


def _story_cell(doc) -> str | None:
    """The Markdown of the page's densest container (briefgen/ingest/density.py, teaser runs counting as no
    prose) when it lies inside a table cell and holds MIN_BODY_WORDS words: a layout table's story, without
    the columns, menus and footer rows beside it."""
    from copy import deepcopy

    from briefgen.ingest.density import best_container

    body = _body(doc) if doc is not None else None
    box = best_container(body, junk=frozenset(_teaser_runs(doc))) if body is not None else None
    if box is None or box.element is body or next(box.element.iterancestors("td", "th"), None) is None:
        return None
    text = element_markdown(deepcopy(box.element))
    return text if word_count(text) >= MIN_BODY_WORDS else None


PROBE_WORDS = 6   # words of the text's first paragraph looked for in the page's scripts
_JSON_STRING_REST = re.compile(r'(?:[^"\\]|\\.)*"')


def _script_body(doc, text: str) -> str | None:
    """The article as a script of the page holds it, when the page shows only its start: a JSON string (a
    client-side app's state, "isi": "<p>…</p><p>…</p>", which a script puts into the page) that holds the
    last words of the text's first paragraph and twice the words of all the text trafilatura found (its
    lede, teaser summaries and a comment prompt). A page that shows its whole article and repeats it in
    JSON (JSON-LD's articleBody, a framework's state) keeps its own text: the copy is no longer than the
    text, and most of it is shown. A string that is itself JSON (a framework's state as one string) is read
    again inside."""
    first = next((p for p in text.split("\n\n") if p[:1] not in ("#", "|", ">", "") and p[:2] != "- "
                  and len(p.split()) >= 2 * PROBE_WORDS), None)   # (the Markdown's first paragraph)
    if first is None:
        return None
    words = first.split()
    probe = next((" ".join(words[n - PROBE_WORDS:n]) for n in range(len(words), PROBE_WORDS - 1, -1)
                  if not any(c in w for w in words[n - PROBE_WORDS:n] for c in '"\\<>&')), None)
    if probe is None:
        return None
    probes = {probe, json.dumps(probe)[1:-1]}   # (as written, or with \uXXXX escapes)
    least = 2 * word_count(text)
    for script in doc.iter("script"):
        src = script.text
        for _ in range(JSON_DEPTH):
            if not src or len(src) < least:
                break
            src = _json_string_with(src, probes)
            if src is None or not _looks_like_json(src):
                break
        if not src or len(src) < len(text) or _looks_like_json(src) or word_count(src) < least:
            continue   # (a string shorter than the text holds no twice its words; tags only add to the count)
        src = _string_markdown(src)
        if src is not None and word_count(src) >= least and _mostly_unshown(src, doc):
            return src
    return None


def _string_markdown(src: str) -> str | None:
    """A script's string as Markdown: an HTML fragment's blocks, or a text's lines as paragraphs."""
    if "<" in src:
        import lxml.html

        try:
            root = lxml.html.fragment_fromstring(src, create_parent="div")
        except Exception:  # noqa: BLE001  (lxml's parser errors on a broken fragment)
            return None
        for el in [x for x in root.iter("p", "figcaption") if _in_figure(x, word_count(x.text_content()))]:
            el.drop_tree()   # a photo's caption: the page would show it under the photo, not as a paragraph
        return element_markdown(root)
    return "\n\n".join(line.strip() for line in src.splitlines() if line.strip())


SHOWN_LITTLE = 100       # words of trafilatura's text under which a page may show (almost) none of its article
HEADLINE_PROBE_CHARS = 12   # characters of a title form that may find the article's record in a script
HEADLINE_PROBES = 3         # its longest words, all of which the script must hold
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _headline_script_body(doc, text: str) -> str | None:
    """The article as a script of the page holds it, when the page shows (almost) none of it (an app renders it
    from its state: a Next.js page's __NEXT_DATA__ or flight chunks, a React Query cache, JSON-LD's
    articleBody), so that no shown paragraph can find it (_script_body): the longest JSON string of a script
    that also holds the headline (og:title, JSON-LD's headline, the <title>'s longest part, the <h1>), read
    inside strings that are JSON themselves (JSON_DEPTH), when it has twice the words of trafilatura's text, at
    least MIN_BODY_WORDS, and most of them are not shown. Runs only on a text under SHOWN_LITTLE words (6 of
    the 255 sample pages as they are); about 1 ms on such a page."""
    forms = _title_forms(doc)
    h1 = doc.find(".//h1")
    heads = [*forms.values(), h1.text_content() if h1 is not None else None]
    parts = {max(TITLE_SEPARATOR.split(" ".join(h.split())), key=len) for h in heads if h}
    # a part's longest words, each as written or escaped once or twice (the spaces between them may be others:
    # a no-break space in the state, a plain one in og:title)
    probes = [[{v for once in (json.dumps(w)[1:-1], w) for v in (once, json.dumps(once)[1:-1])}
               for w in sorted(part.split(), key=len)[-HEADLINE_PROBES:]]
              for part in parts if len(part) >= HEADLINE_PROBE_CHARS and len(part.split()) >= HEADLINE_PROBES]
    least = max(MIN_BODY_WORDS, 2 * word_count(text))
    best, most = None, (0, False)
    for script in doc.iter("script"):
        src = script.text
        if not src or len(src) < least or not any(all(any(v in src for v in w) for w in p) for p in probes):
            continue
        for string in _long_strings(src, least, JSON_DEPTH):
            md = _string_markdown(string)
            # (of two copies, JSON-LD's articleBody as text and the state's as HTML, the HTML: its subheads and
            # lists stay apart from the paragraphs)
            if md is not None and (rank := (word_count(md), "<" in string)) > most:
                best, most = md, rank
        for string in _record_blocks(_script_json(src), probes):
            md = _string_markdown(string)
            if md is not None and (rank := (word_count(md), "<" in string)) > most:
                best, most = md, rank
    if best is None or most[0] < least or not _mostly_unshown(best, doc):
        return None
    return best


BLOCK_WORDS = 8   # words of a text block that is no HTML (a paragraph; shorter strings are labels, ids, types)
_IMAGE_ADDRESS = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg)(?:\?|$)", re.IGNORECASE)


def _script_json(src: str):
    """A script's text as JSON (a framework's state: __NEXT_DATA__, an application/json or ld+json script, or
    `window.__STATE__ = {…};`, read from its first brace to its last), or None."""
    start, end = src.find("{"), src.rfind("}")
    if start < 0 or end < start:
        return None
    try:
        return json.loads(src[start:end + 1])
    except ValueError:
        return None


def _record_blocks(obj, probes, depth: int = 0):
    """The article's body as its record in an app's state keeps it, split into blocks (a CMS's
    "blocks"/"content_elements"/"body" list of paragraphs, each a string or an object holding one): the blocks
    of a list that is a value of the record holding the headline (or of an object under that record), joined
    in order as one HTML fragment or as lines. A list of teasers is another record's, with its own title: the
    headline ties the body to the article, which one long string (_long_strings) cannot do when there is none."""
    if depth > 40:   # (a state nested deeper is no article record)
        return
    if isinstance(obj, dict):
        if any(isinstance(v, str) and any(all(any(x in v for x in w) for w in p) for p in probes)
               for v in obj.values()):
            for v in obj.values():
                for run in ([v] if isinstance(v, list) else [x for x in v.values() if isinstance(x, list)]
                            if isinstance(v, dict) else []):
                    if (joined := _block_run(run)) is not None:
                        yield joined
        for v in obj.values():
            yield from _record_blocks(v, probes, depth + 1)
    elif isinstance(obj, list):
        for v in obj:
            yield from _record_blocks(v, probes, depth + 1)


def _block_run(items: list) -> str | None:
    """A list's text blocks joined (two or more), or None: an item is a string or an object whose longest
    string is its text; an HTML fragment counts, a subhead's object (_heading_block) and a text of BLOCK_WORDS
    words (a paragraph, not an id, a type or a label); an image's address does not."""
    import html as htmllib

    blocks = []
    for item in items:
        text = item if isinstance(item, str) else max(
            (v for k, v in item.items() if isinstance(v, str) and k not in BLOCK_TYPE_KEYS), key=len,
            default=None) if isinstance(item, dict) else None
        if not text or _IMAGE_ADDRESS.search(text) and " " not in text.strip():
            continue
        if text.lstrip().startswith("<"):
            blocks.append(text)
        elif isinstance(item, dict) and _heading_block(item):
            blocks.append(f"<h2>{htmllib.escape(text)}</h2>")
        elif len(text.split()) >= BLOCK_WORDS:
            blocks.append(f"<p>{htmllib.escape(text)}</p>")
    return "\n".join(blocks) if len(blocks) >= 2 else None


_HEADING_TYPE = re.compile(r"head|title", re.IGNORECASE)
BLOCK_TYPE_KEYS = ("__typename", "type", "_type", "blockType", "kind")   # a block's kind, never its text


def _heading_block(item: dict) -> bool:
    """Whether a block object is a subhead: its type says so ("HeadingBlock", "subheadline", "header") or it has
    a heading level; its text is then a subhead however short."""
    kind = " ".join(str(item.get(k, "")) for k in BLOCK_TYPE_KEYS)
    return bool(_HEADING_TYPE.search(kind)) or isinstance(item.get("level"), int)


def _long_strings(src: str, least: int, depth: int):
    """The decoded JSON string literals in a script's text of `least` characters or more that are no JSON
    themselves, and those inside the ones that are (down to `depth` levels)."""
    for m in _JSON_STRING.finditer(src):
        if m.end() - m.start() < least:
            continue
        try:
            string = json.loads(m.group())
        except ValueError:
            continue
        if _looks_like_json(string):
            if depth > 1:
                yield from _long_strings(string, least, depth - 1)
        else:
            yield string


def _mostly_unshown(text: str, doc) -> bool:
    """Whether most of a text's words are in paragraphs the page does not show (a page rendered on the server
    shows the whole article its state repeats)."""
    shown = _squeeze(_shown_text(_body(doc))) if _body(doc) is not None else ""
    paras = [p for p in text.split("\n\n") if p.strip()]
    unshown = sum(word_count(p) for p in paras if _squeeze(p) not in shown)
    return 2 * unshown > sum(map(word_count, paras))


JSON_DEPTH = 3   # strings inside strings read (a framework's state as one JSON string in a script call)


def _escaped(src: str, at: int) -> bool:
    """Whether the character at `at` follows an odd number of backslashes (a quote inside a JSON string)."""
    n = at
    while n and src[n - 1] == "\\":
        n -= 1
    return (at - n) % 2 == 1


def _looks_like_json(text: str) -> bool:
    return '{"' in text or '":' in text


def _json_string_with(src: str, probes: set[str]) -> str | None:
    """The decoded JSON string literal of `src` that holds one of `probes` first, or None."""
    found = [i for p in probes if (i := src.find(p)) >= 0]
    if not found:
        return None
    start = min(found)
    while (start := src.rfind('"', 0, start)) > 0 and _escaped(src, start):
        pass
    rest = _JSON_STRING_REST.match(src, start + 1) if start >= 0 else None
    if rest is None:
        return None
    try:
        return json.loads(src[start:rest.end()])
    except ValueError:
        return None


FEW_PARAGRAPHS = 0.1    # <p> words under this share of the fast text's words cannot measure it
TABLE_SHARE = 0.5       # share of the text's words in Markdown table rows that makes it a table layout
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$", re.MULTILINE)
READABILITY_BLOCKS = ("p", "div", "td", "th", "tr", "li", "blockquote", "pre", "table", "ul", "ol", "dl",
                      "dd", "dt", "section", "article", "header", "footer", "figure", "figcaption", "center")


def table_share(text: str) -> float:
    """The share of a Markdown text's words that sit in table rows."""
    if "|" not in text:
        return 0.0
    words = word_count(text)
    return sum(word_count(m.group(0)) for m in TABLE_ROW.finditer(text)) / words if words else 0.0


def readability_markdown(page: str) -> str:
    """readability-lxml's main block as briefgen's Markdown: a paragraph per block element and per line
    break (old pages separate paragraphs with <br><br>), headings as '## ', list items as '- '."""
    import lxml.html
    from readability import Document

    # its failures are briefgen's to report (the page is refused or trafilatura's text stays)
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)
    try:
        summary = Document(page).summary(html_partial=True)
        root = lxml.html.fragment_fromstring(summary, create_parent="div")
    except Exception:  # noqa: BLE001  (readability raises its own Unparseable and lxml's errors)
        return ""
    return element_markdown(root)


def readability_text(page: str) -> str:
    """The text of readability-lxml's main block (its summary), '' when it finds none. The page is parsed
    with only its scripts, styles, <link>s, comments and processing instructions removed, not through
    readability's own lxml Cleaner (which rewrites every link and attribute: a third of its time); the text
    is the same on 253 of the 255 sample pages."""
    import lxml.html
    from lxml import etree
    from readability import Document

    class Readable(Document):
        def _parse(self, input):   # (readability-lxml names it so)
            doc = lxml.html.document_fromstring(input.encode("utf-8", "replace"), parser=_utf8_parser())
            etree.strip_elements(doc, "script", "style", "link", etree.Comment, etree.ProcessingInstruction,
                                 with_tail=False)
            return doc

    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)
    try:
        summary = Readable(page).summary(html_partial=True)
        return lxml.html.fragment_fromstring(summary, create_parent="div").text_content()
    except Exception:  # noqa: BLE001  (readability raises its own Unparseable and lxml's errors)
        return ""


@lru_cache(maxsize=1)
def _utf8_parser():
    import lxml.html

    return lxml.html.HTMLParser(encoding="utf-8")


AGREE_SHARE = 0.8   # of the text's words that readability-lxml's main block must hold
HELD_SHARE = 0.7    # of a paragraph's words that it must hold for the paragraph to end the text


def _agreed_end(blocks: list[Block], page: str) -> list[Block]:
    """Without the last paragraphs that readability-lxml's main block leaves out, when that block holds at
    least AGREE_SHARE of the text's words: the two extractors agree on the article and readability's
    choice of one container (the element whose paragraphs score most, with its like siblings) says where it
    ends; what trafilatura kept after it is a sidebar's box, a subscription line, a comment. Only the end
    moves: a paragraph readability leaves out between two it holds stays (a standfirst, a subhead). Run only
    on doubtful texts whose last block is outside the page's main run of paragraphs (_doubtful,
    _ends_outside_run: 7 of the 49 development pages), as readability-lxml costs about 20 ms a page; on
    every text it gains a little more (README "Cleaning quality", session 10)."""
    from briefgen.ingest.score import tokens

    if len(blocks) < 2:
        return blocks
    held = tokens(readability_text(page))
    if not held:
        return blocks
    bags = [tokens(b.text or " ".join(b.items)) for b in blocks]
    ours = Counter()
    for bag in bags:
        ours.update(bag)
    total = sum(ours.values())
    if not total or sum((ours & held).values()) < AGREE_SHARE * total:
        return blocks
    end = len(blocks)
    while end > 1 and (n := sum(bags[end - 1].values())) and sum((bags[end - 1] & held).values()) < HELD_SHARE * n:
        end -= 1
    return blocks[:end]


def element_markdown(root) -> str:
    """An element's text as briefgen's Markdown (changes the element: pass a copy of a page's)."""
    for el in root.iter("br"):
        el.tail = "\n\n" + (el.tail or "")
    for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        el.text = "\n\n## " + (el.text or "").lstrip()
        el.tail = "\n\n" + (el.tail or "")
    for el in root.iter("li"):
        el.text = "\n\n- " + (el.text or "").lstrip()
    for el in root.iter(*READABILITY_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    paras = (" ".join(p.split()) for p in re.split(r"\n\s*\n", root.text_content()))
    return "\n\n".join(p for p in paras if p and p not in ("##", "-"))


def _metadata(source):
    """trafilatura.extract_metadata without the parts briefgen never reads (categories, tags, licence)
    and with its date search (htmldate, a copy of the whole tree) left for when the page gives no date
    of its own: `md.date` is then None and `md.find_date()` runs it. The fields read are the same as
    extract_metadata's, step for step (trafilatura 2.x)."""
    from htmldate import find_date
    from trafilatura.metadata import (
        META_URL,
        check_authors,  # noqa: F401  (extract_metadata's blacklist step: briefgen passes no blacklist)
        examine_meta,
        extract_author,
        extract_domain,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import Document, set_date_params
    from trafilatura.utils import line_processing, load_html

    tree = load_html(source)
    if tree is None:
        return Document()
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception as err:  # noqa: BLE001  (as extract_metadata: bugs in trafilatura's json_metadata)
        log.debug("error in JSON metadata extraction: %s", err)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.author:
        metadata.author = extract_author(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, None)
    if metadata.url:
        metadata.hostname = extract_domain(metadata.url, fast=True)
    named = bool(metadata.sitename)   # by the page's metas (og:site_name, application-name …)
    if not metadata.sitename:
        metadata.sitename = extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
            metadata.sitename = metadata.sitename.title()
    elif metadata.url:
        mymatch = META_URL.match(metadata.url)
        if mymatch:
            metadata.sitename = mymatch[1]
    metadata.date = None
    metadata.clean_and_trim()
    url = metadata.url

    def date(page_tree=None, lang: str | None = None) -> str | None:
        with _dateparser_in(lang):
            found = find_date(tree if page_tree is None else page_tree, **{**set_date_params(True), "url": url})
        if isinstance(found, str):
            found = line_processing(htmllib.unescape(found[:9999] + "…" if len(found) > 10000 else found))
        return found

    return _Metadata(metadata, date, named)


@contextmanager
def _dateparser_in(lang: str | None):
    """htmldate's dateparser reading only the page's language and English (it tries every locale it
    knows, about 200, on each text it cannot read itself), with htmldate's own settings; its memo of
    read texts kept apart per language."""
    import htmldate.extractors as hx

    lang = dates.dateparser_code(lang)
    if lang is None:
        yield
        return
    saved = hx.get_external_parser
    parser = _htmldate_parser(lang, saved())
    hx.get_external_parser = lambda: parser
    hx.try_date_expr.cache_clear()
    try:
        yield
    finally:
        hx.get_external_parser = saved
        hx.try_date_expr.cache_clear()


@cache
def _htmldate_parser(lang: str, base):
    from dateparser import DateDataParser

    parser = DateDataParser(languages=sorted({lang, "en"}))
    parser._settings = base._settings   # htmldate's settings, as they are
    return parser


@dataclass
class _Metadata:
    """trafilatura's metadata and its date, found only when asked for (`find_date()`); `site_named`:
    the site's name is the page's word (a meta), not trafilatura's guess from the <title>."""

    doc: object
    find_date: object
    site_named: bool = True

    def __getattr__(self, name):
        return getattr(self.doc, name)


def _trafilatura(source, options: Options, fast: bool) -> str:
    import trafilatura
    from trafilatura.xml import xmltotxt

    from briefgen.ingest.trafilatura_speed import install

    install()   # the same text, found faster (briefgen/ingest/trafilatura_speed.py)

    found = trafilatura.bare_extraction(
        source, output_format="markdown", include_formatting=True, include_comments=False,
        include_tables=options.tables, include_links=False, include_images=False, deduplicate=False,
        favor_precision=options.focus == "precision", favor_recall=options.focus == "recall",
        fast=fast, with_metadata=False)
    return xmltotxt(found.body, True) if found is not None and found.body is not None else ""


def paragraph_words(doc) -> int:
    """Words in the page's <p> elements: what a page with an article holds mostly in paragraphs."""
    if doc is None:
        return 0
    return sum(_word_count(t) for p in doc.iter("p") for t in p.itertext())


def break_words(doc) -> int:
    """Words of the text set right after a <br> (a line of a story written as lines, not paragraphs)."""
    if doc is None:
        return 0
    return sum(len(br.tail.split()) for br in doc.iter("br") if br.tail)


ESCALATION_FILE = Path(__file__).with_name("html_escalation.json")


@lru_cache(maxsize=1)
def escalation() -> tuple[float, float]:
    """(theta, kappa): the full trafilatura run happens when the fast text has fewer words than theta
    times the page's paragraph words, and is kept when it is longer but at most kappa times them."""
    data = json.loads(ESCALATION_FILE.read_text(encoding="utf-8"))
    return float(data["theta"]), float(data["kappa"])


# Class names pages give the overline above a headline (kicker, Dachzeile, surtitre, occhiello …),
# and words of class names that mark the same element in teaser cards and menus, not the article.
KICKER_CLASS = re.compile(r"kicker|overline|dachzeile|surtitre|surtitle|occhiello|topline|eyebrow|roofline|"
                          r"spitzmarke|supertitle", re.IGNORECASE)
NOT_ARTICLE_CLASS = re.compile(r"teaser|related|promo|card|nav|icon|topic|list|item|container|author",
                               re.IGNORECASE)
# Class or id words pages give the element that holds the story's headline when it is no <h1> (an old portal's
# <div class="titulo">, a release's <h2 class="title">, Joomla's "contentheading", WordPress's "entry-title"):
# title in the languages of the pages we know, and headline; a widget's or a card's ("widget-title", teaser
# cards) is told apart by NOT_ARTICLE_CLASS and the words around it.
HEADLINE_CLASS = re.compile(r"title|titulo|titolo|titel|titre|tytul|nadpis|judul|headline|contentheading",
                            re.IGNORECASE)
NOT_HEADLINE_CLASS = re.compile(r"widget|sidebar|site|blog-?title|logo|brand|section|sub|page-?title|box|"
                                r"module|block-?title|menu", re.IGNORECASE)
KICKER_REACH = 60        # elements before the <h1> still part of its header
HEADLINE_WORDS = 4       # an <h1> sharing no word with the other title forms is a headline from this length
SHORT_HEADLINE_WORDS = 2  # ... or from this one when the page prints none of those forms (an SEO <title>)


@dataclass(frozen=True)
class Heading:
    text: str
    kicker: str | None


@lru_cache(maxsize=1)
def _parser():
    """lxml's HTML parser as trafilatura sets it for itself: without the page's comments and processing
    instructions (an HTML comment inside a paragraph is a node whose tail holds the rest of the text,
    which trafilatura's extraction then loses)."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    # lxml.html picks each element's class by a Python method, called whenever Python touches an element
    # (about 5,000 times a page through briefgen's and trafilatura's walks: a tenth of the HTML path's
    # time); the same classes chosen in C instead. Only form controls (<input>, <select>, <textarea>,
    # <label>, <form>) lose lxml's form helpers (.value, .type, .fields…), which neither reads.
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity))
    return parser


FRAMESET = re.compile(r"<frameset\b", re.IGNORECASE)
NOFRAMES = re.compile(r"<noframes\b[^>]*>(.*?)(?:</noframes\s*>|$)", re.IGNORECASE | re.DOTALL)


def _without_frames(raw: RawArticle) -> RawArticle:
    """A frameset page (older sites: a menu frame beside the story's frame) shows its frames' own files,
    which were not saved; its <noframes> holds the text for browsers without frames, which the HTML
    parser reads as raw text. That text, when it has markup of its own, is the page's body."""
    if FRAMESET.search(raw.text) is None:
        return raw
    inner = NOFRAMES.search(raw.text)
    if inner is None or "<" not in inner.group(1):
        return raw
    body = re.sub(r"(?is)</?body\b[^>]*>", "", inner.group(1))
    head = raw.text[:FRAMESET.search(raw.text).start()]
    return replace(raw, text=f"{head}<body>{body}</body></html>")


def _parse(page: str):
    """The page as an lxml tree (None when lxml cannot read it)."""
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.document_fromstring(page.encode("utf-8"), parser=_parser())
    except (etree.ParserError, ValueError):
        return None


HOME_PATHS = frozenset(("", "/", ".", "./", "index.html", "index.htm", "index.php", "/index.html",
                        "/index.htm", "/index.php", "default.aspx", "/default.aspx"))
SITE_NAME_WORDS = 8      # a home link's text longer than this is no site name
SITE_LINKS = 60          # the page's first links (its header) are searched for home links


def _home_link(el, host: str | None) -> bool:
    """An <a> to the site's home page: a relative root ("/", "index.html") or the root of the page's own
    host (any host's root when the page does not say its address)."""
    from urllib.parse import urlsplit

    href = (el.get("href") or "").strip()
    if href.lower() in HOME_PATHS:
        return True
    if not href.startswith("http") or href.count("/") > 3:
        return False   # (cheap test first: a site's root is "http(s)://host" or "http(s)://host/")
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and parts.path in ("", "/") and not parts.query \
        and (host is None or parts.netloc.lower().removeprefix("www.") == host)


def site_names(doc, page_url: str | None = None) -> list[str]:
    """The site's name as the page shows it: the text (or logo image's alt text) of the links to the
    home page among its first links (the header), which old pages without og:site_name still have
    ("<h1><a href="/">Site</a></h1>", "<a href="/"><img alt="Site"></a>")."""
    from urllib.parse import urlsplit

    if doc is None or doc.body is None:
        return []
    url = _page_url(doc, page_url)
    try:
        host = urlsplit(url).netloc.lower().removeprefix("www.") or None if url else None
    except ValueError:
        host = None
    names: list[str] = []
    for n, a in enumerate(doc.body.iter("a")):
        if n >= SITE_LINKS:
            break
        if not _home_link(a, host):
            continue
        text = _text(a) or " ".join(img.get("alt") or "" for img in a.iter("img")).strip()
        if text and len(text.split()) <= SITE_NAME_WORDS and text not in names:
            names.append(text)
    return names


PRINTED_HEADLINE_REACH = 6     # text pieces above the first paragraph searched for a headline
PRINTED_HEADLINE_WORDS = (3, 25)
HEADING_ELEMENT_REACH = 40     # text pieces above the first paragraph searched for a heading element


def _in_link(node) -> bool:
    """Whether a text node stands inside an <a> (its own element's or, for a tail, the parent's)."""
    owner = node.getparent()
    if owner is not None and node.is_tail:
        owner = owner.getparent()
    return owner is not None and bool(owner.xpath("ancestor-or-self::a"))


def _shown_in_body(doc, text: str) -> bool:
    """Whether the page's body holds the text (letters and digits compared, case aside)."""
    if doc is None or doc.body is None:
        return True
    return _squash(text) in _squash(" ".join(doc.body.itertext()))


def _text_nodes_to_first_paragraph(doc, blocks: list[Block]) -> tuple[list, int] | None:
    """The page's shown text nodes and the index of the one where the article's first paragraph starts
    (what _printed_headline and _named_headline look above), or None when the page does not print it."""
    first = next((b.text for b in blocks if b.kind == "paragraph"), None)
    if doc is None or doc.body is None or not first:
        return None
    start = _squash(first)[:30]
    nodes = [t for t in doc.body.xpath(".//text()[not(ancestor::script or ancestor::style)]") if t.strip()]
    at = next((n for n, t in enumerate(nodes) if start and _squash(t).startswith(start)), None)
    return None if at is None else (nodes, at)


def _printed_headline(doc, blocks: list[Block], sites: list[str | None]) -> str | None:
    """The nearest text above the article's first paragraph that reads as a headline: three to 25 words,
    no sentence end, no date, not a link's text nor the site's name (an old page's headline in a <div>
    or <font> on a page whose title forms all give the site's name)."""
    found = _text_nodes_to_first_paragraph(doc, blocks)
    if found is None:
        return None
    nodes, at = found
    pieces = [str(t) for t in nodes]
    links = {_squash(a.text_content()) for a, _ in zip(doc.body.iter("a"), range(SECTION_LINKS))}
    site_keys = {_squash(s) for s in sites if s}
    # a heading element first: the nearest above the first paragraph that reads as a headline (an old
    # blog's post title in an <h2> or <h3>, often a permalink; bylines, captions and share rows stand
    # between it and the text)
    for node in reversed(nodes[max(0, at - HEADING_ELEMENT_REACH):at]):
        owner = node.getparent()
        owner = owner.getparent() if node.is_tail and owner is not None else owner
        heading = next(iter(owner.xpath("ancestor-or-self::*[self::h1 or self::h2 or self::h3 or self::h4]")),
                       None) if owner is not None else None
        if heading is None or _is_logo(heading, [s for s in sites if s]):
            continue
        text = _heading_text(heading)
        key = _squash(text)
        if PRINTED_HEADLINE_WORDS[0] <= word_count(text) <= PRINTED_HEADLINE_WORDS[1] and key not in site_keys \
                and not text.endswith((".", ":", "…")) and not dates.has_day(text) \
                and not COMMENTS_HEADING.match(text):
            return text
    for text in reversed(pieces[max(0, at - PRINTED_HEADLINE_REACH):at]):
        text = " ".join(text.split())
        key = _squash(text)
        if PRINTED_HEADLINE_WORDS[0] <= word_count(text) <= PRINTED_HEADLINE_WORDS[1] \
                and not text.endswith((".", "!", "?", ":", "…")) and not dates.has_day(text) \
                and key not in links and key not in site_keys:
            return text
    return None


def _named_headline(doc, blocks: list[Block], sites: list[str | None]) -> str | None:
    """The nearest element above the article's first paragraph whose class or id names it the headline
    (HEADLINE_CLASS, none of NOT_HEADLINE_CLASS or NOT_ARTICLE_CLASS) and that reads as one: three to 25
    words, no sentence end, no date, not the site's name nor a comments heading."""
    found = _text_nodes_to_first_paragraph(doc, blocks)
    if found is None:
        return None
    nodes, at = found
    site_keys = {_squash(s) for s in sites if s}
    for node in reversed(nodes[max(0, at - HEADING_ELEMENT_REACH):at]):
        owner = node.getparent()
        owner = owner.getparent() if node.is_tail and owner is not None else owner
        for el in ([owner, *owner.iterancestors()][:3] if owner is not None else []):
            names = f"{el.get('class') or ''} {el.get('id') or ''}"
            if not HEADLINE_CLASS.search(names) or NOT_HEADLINE_CLASS.search(names) \
                    or NOT_ARTICLE_CLASS.search(names):
                continue
            text = _heading_text(el)
            if PRINTED_HEADLINE_WORDS[0] <= word_count(text) <= PRINTED_HEADLINE_WORDS[1] \
                    and _squash(text) not in site_keys and not text.endswith((".", ":", "…")) \
                    and not dates.has_day(text) and not COMMENTS_HEADING.match(text):
                return text
            break
    return None


# Read over the whole page: the first character is a plain set (re scans for it quickly; an ignore-case
# alternation is tried at every position, ~3 ms on a large page), the rest as before, case-insensitive.
COPYRIGHT = re.compile(r"[©&(Cc](?:(?<=©)|(?<=&)(?i:copy;|#169;)|(?<=\()[cC]\)|(?<=[Cc])(?i:opyright))"
                       r"\s*(?:(?:19|20)\d{2}\s*(?:[-–]\s*(?:19|20)?\d{2,4}\s*)?)?(?:[Bb][Yy]\s+)?")
HREF_HOST = re.compile(r"""href=["']?https?://(?:www\.)?([^/"'\s>:]+)""", re.IGNORECASE)
HOST_LABEL = re.compile(r"^(?:www\d?\.)?(.+?)\.(?:co\.|com?\.|org\.|net\.|ac\.)?[a-z]{2,6}$")


HOST_COMMON = frozenset(("www", "www1", "www2", "www3", "m", "mobile", "amp", "blog", "blogs", "news", "co",
                         "com", "org", "net", "ac", "gov", "edu"))


def _host_labels(doc, page: str, page_url: str | None) -> list[str]:
    """The labels of the page's host name, squashed, without its ending and common labels ('www',
    'blog'): ['japannews', 'yomiuri'] of japannews.yomiuri.co.jp, ['towngazette'] of
    www.towngazette.co.uk; from its own address, else the host most of its absolute links go to."""
    from urllib.parse import urlsplit

    url = _page_url(doc, page_url)
    host = ""
    try:
        host = urlsplit(url).netloc.lower() if url else ""
    except ValueError:
        pass
    if not host:
        hosts = Counter(h.lower() for h, _ in zip(HREF_HOST.findall(page), range(400)))
        host = hosts.most_common(1)[0][0] if hosts else ""
    m = HOST_LABEL.match(host.split(":")[0])
    if not m:
        return []
    labels = [_squash(x) for x in m.group(1).split(".") if x not in HOST_COMMON]
    return [x for x in reversed(labels) if x]


GERMAN_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _ascii_keys(key: str) -> set[str]:
    """A squashed text as a host name may spell it: as it is, without accents ("lecourrier"), German
    umlauts written out ("suedkurier")."""
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    return {key, plain, key.translate(GERMAN_FOLD)}


def _names_host(part: str, labels: list[str]) -> bool:
    """A title part whose letters are one of the host's labels ("Town Gazette" at towngazette.com, "The
    Japan News" at japannews.yomiuri.co.jp, "Südkurier Online" at suedkurier.de: the label, one word
    besides) or its words' initials ("Neue Zürcher Zeitung" at nzz.ch, "Southern Daily Echo" at
    sde.co.uk: three words at least)."""
    if not labels:
        return False
    key = _squash(part)
    words = [_squash(w) for w in re.findall(r"[^\W\d_]+", part)]
    initials = "".join(w[0] for w in words if w) if len(words) >= 3 else ""
    runs = {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
            if len(words) - (j - i) <= 1}
    for label in labels:
        for k in _ascii_keys(key):
            if k == label or (abs(len(k) - len(label)) <= 4 and (k in label or label in k)):
                return True
        if (initials and initials == label) or any(label in _ascii_keys(r) for r in runs if len(r) >= 4):
            return True
    return False


LOGO = re.compile(r"logo", re.IGNORECASE)


def _logo_alts(doc) -> set[str]:
    """The alt texts of the page's logo images (an <img> whose address, class or id, or its link's, says
    "logo"), squashed."""
    if doc is None or doc.body is None:
        return set()
    out = set()
    for img, _ in zip(doc.body.iter("img"), range(200)):
        alt = img.get("alt") or img.get("title") or ""
        if not alt.strip():
            continue
        parent = img.getparent()
        marks = " ".join(filter(None, (img.get("src"), img.get("class"), img.get("id"),
                                       parent.get("class") if parent is not None else None,
                                       parent.get("id") if parent is not None else None)))
        if LOGO.search(marks):
            out.add(_squash(alt))
    return out


def named_sites(doc, page: str, forms: dict, page_url: str | None = None) -> list[str]:
    """Parts of the <title> and og:title that the page names as the site (on a page without home links
    that say so): a part whose letters are the host's name or its initials (_names_host), that a
    copyright line names ("© 2011 Town Gazette") or that is a logo image's alt text."""
    parts = {p.strip() for v in (forms.get("title"), forms.get("og")) if v for p in TITLE_SEPARATOR.split(v)
             if word_count(p) <= SITE_NAME_WORDS and len(_squash(p)) >= 4}
    if not parts:
        return []
    labels = _host_labels(doc, page, page_url)
    body = BODY_START.search(page)
    owners = [_squash(TAG_RE.sub(" ", page[m.end():m.end() + 120]))
              for m, _ in zip(COPYRIGHT.finditer(page, body.end() if body else 0), range(20))]
    logos = None
    found = []
    for part in sorted(parts):
        key = _squash(part)
        if _names_host(part, labels) or any(o.startswith(key) for o in owners):
            found.append(part)
            continue
        if logos is None:
            logos = _logo_alts(doc)
        if key in logos:
            found.append(part)
    return found


TAG_RE = re.compile(r"<[^>]*>")


def _is_logo(h1, sites: list[str]) -> bool:
    """An <h1> that is the site's name: a link to the home page with the site's name as its text (old
    layouts put the logo in the <h1> and the headline in an <h2>)."""
    text = _squash(_text(h1))
    return bool(text) and any(_squash(s) == text for s in sites) \
        and any(_squash(_text(a)) == text for a in h1.iter("a") if _home_link(a, None))


def _heading(doc, sites: list[str] | None = None, forms: dict | None = None, page: str = "") -> Heading | None:
    """The page's <h1> and the kicker (overline) printed with it: an element whose class names it a
    kicker, inside the <h1> or just before it, shorter than the headline itself. An <h1> that is the
    site's name (a logo) is no headline; of several, the first that shares a word with the page's other
    title forms (og:title, JSON-LD headline, <title>) is, and none when no <h1> shares one (a section
    name, "Log In"), unless it is long (four words) or the page prints none of its other title forms: a
    short headline ("Buses saved") beside an SEO <title> the page never shows."""
    if doc is None:
        return None
    h1s = [el for el, _ in zip((el for el in doc.iter("h1") if _text(el) and not _is_logo(el, sites or [])),
                               range(20))]
    others = set().union(*(_tokens(v) for v in (forms or {}).values() if v))
    if others:
        sharing = [el for el in h1s if _tokens(_text(el)) & others]
        # none shares a word: a headline beside an SEO <title> still reads as one (four words or more),
        # a section name or "Log In" does not
        h1s = sharing or [el for el in h1s if word_count(_text(el)) >= HEADLINE_WORDS] \
            or [el for el in h1s if word_count(_text(el)) >= SHORT_HEADLINE_WORDS and el.getparent() is not None
                and not el.xpath("ancestor-or-self::a | .//a") and page
                and not _forms_printed(page, [v for v in (forms or {}).values() if v], sites or [])] \
            or [el for el in h1s if len(h1s) == 1 and word_count(_text(el)) >= SHORT_HEADLINE_WORDS
                and el.getparent() is not None and not el.xpath("ancestor-or-self::a | .//a")
                and _squash(_text(el)) not in section_names(doc)
                and not _forms_as_heading(doc, [v for v in (forms or {}).values() if v], sites or [])]
        # (the last: the page's one <h1>, a short headline of its own, "Легкий троннинг" beside an SEO <title>
        # the page also prints in a teaser; not a link, not one of the page's section links: "News", "Sport",
        # and not when the page sets the <title>'s headline as a heading of its own: then the <h1> is a
        # section's label over it, "<h1>Local news</h1><h2>Night buses saved …</h2>")
    h1 = h1s[0] if h1s else None
    if h1 is None:
        return None
    text = _heading_text(h1)
    kicker = None
    # the KICKER_REACH elements before the <h1> in document order, then the ones inside it
    before = h1.xpath(f"(preceding::* | ancestor::*)[position() > last() - {KICKER_REACH}]")
    for el in before + list(h1.iterdescendants()):
        cls = el.get("class") or ""
        if not isinstance(el.tag, str) or not KICKER_CLASS.search(cls) or NOT_ARTICLE_CLASS.search(cls):
            continue
        found = _text(el).rstrip(" :–-")
        rest = text.replace(found, "", 1) if found else text
        if found and len(found.split()) <= 12 and len(found.split()) < len(rest.split()) \
                and not dates.has_day(found):   # "Politics / January 11, 2024": a date line, no kicker
            kicker = found
    return Heading(text, kicker)


def _forms_as_heading(doc, forms: list[str], sites: list[str]) -> bool:
    """Whether an <h2>-<h4> of the page holds a part (two words or more, not the site's name) of one of
    its title forms, whole."""
    site_keys = {_squash(s) for s in sites if s}
    parts = {_squash(part) for form in forms for part in TITLE_SEPARATOR.split(form)
             if word_count(part.strip()) >= 2} - site_keys
    return bool(parts) and any(_squash(_text(el)) in parts for el in doc.iter("h2", "h3", "h4"))


def _forms_printed(page: str, forms: list[str], sites: list[str]) -> bool:
    """Whether the page's body prints a part (two words or more, not the site's name) of one of its
    title forms as text."""
    body = BODY_START.search(page)
    if body is None:
        return True
    site_keys = {_squash(s) for s in sites if s}
    for form in forms:
        for part in TITLE_SEPARATOR.split(form):
            part = part.strip()
            if word_count(part) >= 2 and _squash(part) not in site_keys and any(page.find(t, body.end()) >= 0
                                             for t in {part, htmllib.escape(part, quote=False)}):
                return True
    return False


STANDFIRST_TAGS = frozenset(("p", "div", "h2", "h3", "span", "strong", "b", "em", "section", "header"))
STANDFIRST_PREFIX = 80   # characters of the description the shown standfirst must start with


def _standfirst(description: str, doc) -> str | None:
    """The standfirst as the page shows it: the smallest body element that starts like the description
    and is about as long (pages often add or drop a last sentence, "Von X." or "Woran liegt das?").
    A description the page never shows, or that is only the start of a longer first paragraph, is
    not a lead."""
    body = _body(doc)
    if body is None:
        return None
    want = _norm(description.rstrip("….").rstrip())[:STANDFIRST_PREFIX]
    best: str | None = None
    starts: dict[str, str] = {}   # nested elements share their first text: normalised once
    for el in body.iter(*STANDFIRST_TAGS):
        first = el.text   # (itertext's first text, when it has a word: the common case, found without it)
        if not (first and WORD.search(first)):
            first = next((t for t in el.itertext() if WORD.search(t)), "")
        if first and not _may_start(first, want):
            continue   # (its first word already differs from the description's)
        start = starts.get(first)
        if start is None:
            start = starts[first] = _norm(first)[:STANDFIRST_PREFIX]
        if not (want.startswith(start) or start.startswith(want)):
            continue   # (cheap test first: the text must start like the description)
        text = el.text_content()
        if not 0.5 * len(description) <= len(text) <= 1.5 * len(description) + 40:
            continue
        if _norm(text).startswith(want) and (best is None or len(text) < len(best)) \
                and not any(a.tag in ("figure", "figcaption") for a in el.iterancestors()):
            best = text   # (a description that is the photo's caption is no standfirst)
    return _clean(tidy(best)) if best else None


DECK_WORDS = (12, 80)   # a standfirst's length in words
DECK_REACH = 40         # elements after the headline searched for it
DECK_START_CHARS = 200  # characters of an element's text that may hold the first block's start
DECK_MAX_CHARS = 2000   # an element's text longer than this holds no standfirst alone
DECK_TAGS = frozenset(("p", "div", "h2", "h3", "h4", "span", "strong", "b", "em", "td", "font"))
DECK_NOT_INSIDE = frozenset(("a", "p", "div", "ul", "ol", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6",
                             "blockquote"))


def _deck(doc, headline: str, blocks: list[Block]) -> str | None:
    """The standfirst as older pages print it without a description that names it: one block of running
    text (12-80 words, not a link, no date, no image) between the <h1> headline and the text's first
    block (a regional paper's subtitle in an <h2>, a deck in a <p> or <td>), which the extractor left out."""
    first = next((b for b in blocks if b.kind == "paragraph"), None)
    if first is None:
        return None
    start = _squeeze(first.text)[:40]
    h1 = next((el for el in doc.iter("h1") if _heading_text(el) == headline), None)
    if h1 is None or len(start) < 20:
        return None
    kept = _squeeze(" ".join(b.text or " ".join(b.items) for b in blocks))
    found = None
    for el in h1.xpath(f"following::*[position() <= {DECK_REACH}]"):
        if not isinstance(el.tag, str):
            continue
        text = el.text_content()
        head = _squeeze(text[:DECK_START_CHARS])
        if len(head) < len(start) and len(text) > DECK_START_CHARS:
            head = _squeeze(text)   # (a start of spaces and marks)
        if head.startswith(start):
            break   # the text's first block (or an element that starts with it): what came before is searched
        if found is not None or el.tag not in DECK_TAGS or len(text) > DECK_MAX_CHARS:
            continue   # (an element around the text, or one too long for a standfirst)
        text = " ".join(text.split())
        words = word_count(text)
        key = _squeeze(text)
        if not DECK_WORDS[0] <= words <= DECK_WORDS[1] or start in key:
            continue
        if any(x.tag in _NOT_TEXT or x.tag in DECK_NOT_INSIDE for x in el.iterdescendants()) or key in kept \
                or dates.has_day(text) or _names_cookies(text) \
                or not (is_sentence(text, words) or words >= 20 or (el is h1.getnext() and h1.find(".//a") is None)):
            continue   # (a box of blocks, a link, a date line, a cookie notice, a short headline; the <h1>'s
            #            next element is its subtitle, which seldom ends with a full stop, a "linha fina", unless
            #            the <h1> is a link: a blog's name linking home, its tagline below it)
        if any(x.tag in ("figure", "figcaption", "a") for x in el.iterancestors()) \
                or any(x is not None and any(y.tag in _NOT_TEXT for y in x.iter())
                       for x in (el.getprevious(), el.getnext())) or _in_figure(el, words):
            continue   # (a caption: set beside an image, or in a small box with one)
        found = text
    else:
        return None
    return found


def _in_figure(el, words: int) -> bool:
    """The element is in a small box with an image (a photo and its caption, a credit), up to three levels up."""
    for box in el.iterancestors():
        if box.tag in ("body", "html") or word_count(box.text_content()) > words + 30:
            return False
        if any(x.tag in ("img", "picture", "video", "figure") for x in box.iterdescendants()):
            return True
    return False


def _body(doc):
    """The page's <body>: a child of <html> (lxml's `doc.body` searches the whole tree for it)."""
    for child in doc:
        if child.tag == "body":
            return child
    return doc.body


def _may_start(text: str, want: str) -> bool:
    """Whether `_norm(text)` can start like `want` or be its start: their first words agree so far."""
    word = WORD.search(text.lower())
    return word is None or want.startswith(word.group(0)) or word.group(0).startswith(want)


CLOSING_MARK = re.compile(r"[:;,.!?)\]»”]")


def _heading_text(el) -> str:
    """A heading's text as it reads: its text nodes joined by a space (a kicker and a headline in two
    spans are two phrases), except a node that starts with a punctuation mark right after the one
    before ("<span>Kicker</span><span>: </span>" is "Kicker: ", not "Kicker : ")."""
    out = ""
    for piece in el.itertext():
        if not piece.strip():
            out += " " if out else ""
            continue
        glued = out and not out[-1].isspace() and not piece[0].isspace() and CLOSING_MARK.match(piece)
        out += piece if glued or not out or out[-1].isspace() else " " + piece
    return " ".join(out.split()).replace("\u00ad", "")


def _text(el) -> str:
    return " ".join(" ".join(t.split()) for t in el.itertext() if t.strip()).replace("\u00ad", "")


def _tokens(text: str) -> set[str]:
    """Lowercased words (CJK characters one by one): for agreement between title forms."""
    return set(WORD.findall(CJK_CHAR.sub(" ", text.lower()))) | set(CJK_CHAR.findall(text))


_NOT_SHOWN_TAGS = frozenset(("a", "h1", "h2", "h3", "h4", "h5", "h6", "title", "script", "style", "option"))
HEADING_REACH = 30       # the page's first h1-h3 headings, which a part of the <title> may repeat


def _headings(doc) -> list[str]:
    if doc is None:
        return []
    return [t for el, _ in zip(doc.iter("h1", "h2", "h3"), range(HEADING_REACH)) if (t := _heading_text(el))]


BODY_START = re.compile(r"<body\b", re.IGNORECASE)
OPEN_TAG = re.compile(r"<([A-Za-z][\w-]*)[^<>]*>\s*$")


def shown_parts(page: str, forms: dict) -> list[str]:
    """Parts of the title forms that the page shows as a text of their own (an old page's headline in a
    <b>, <font> or <div>: "Headline" beside "Site » Blog Archive » Headline"); a link's text aside (a
    site's name and its sections are links) and a heading's (a heading counts whole, see _headings:
    not one span of "Kicker: Title"). Of a form whose parts are all shown (a kicker and its title
    printed apart) none. Searched in the page's source after <body> (str.find: a walk over the tree's
    texts cost about 2 ms a page); read only for a title that nothing else resolves."""
    splits = [[(k, p.strip()) for p in TITLE_SEPARATOR.split(v) if (k := _squash(p))]
              for v in forms.values() if v]
    parts = {k: p for split in splits if len(split) > 1 for k, p in split}
    body = BODY_START.search(page)
    if not parts or body is None:
        return []
    seen: dict[str, tuple[int, int]] = {}   # where the page first shows each part
    for key, part in parts.items():
        for text in {part, htmllib.escape(part, quote=False)}:
            at = page.find(text, body.end())
            while at >= 0 and key not in seen:
                tag = OPEN_TAG.search(page, max(0, at - 300), at)
                if tag and (page[at + len(text):at + len(text) + 300].lstrip().startswith("<")
                            or _line_in_pre(page, at, at + len(text))) \
                        and tag.group(1).lower() not in _NOT_SHOWN_TAGS:
                    seen[key] = (at, at + len(text))
                at = page.find(text, at + 1)
    out = [p for split in splits if sum(k in seen for k, _ in split) == 1 for k, p in split if k in seen]
    for split in splits:
        if len(split) == 2 and all(k in seen for k, _ in split):
            out += _apart_from_site(page, split, seen)
    return out


PRE_OPEN = re.compile(r"<pre\b", re.IGNORECASE)
PRE_CLOSE = re.compile(r"</pre\s*>", re.IGNORECASE)


def _line_in_pre(page: str, start: int, end: int) -> bool:
    """Whether page[start:end] is a whole line of preformatted text (an old page set as one <pre>, its
    headline a line of it): only there does a line break in the source show as one."""
    if not page[:start].rstrip(" \t").endswith(("\n", ">")) or page[end:end + 2].lstrip(" \t")[:1] not in "\r\n<":
        return False
    opened = None
    for opened in PRE_OPEN.finditer(page, max(0, start - 20000), start):
        pass
    return opened is not None and PRE_CLOSE.search(page, opened.end(), start) is None


APART_WORDS = 3   # words printed between a site's name and the headline (a menu): no kicker, set apart


def _apart_from_site(page: str, split: list[tuple[str, str]], seen: dict[str, tuple[int, int]]) -> list[str]:
    """Of a form of two parts the page both shows ("Site | Headline"), the headline when the shorter part
    is shown first and other text stands between the two (a menu, a tagline: a site's name at the top
    of the page), [] when it is shown right above (a kicker and its title printed apart)."""
    (k1, p1), (k2, p2) = sorted(split, key=lambda kp: seen[kp[0]][0])
    if not word_count(p1) < word_count(p2) or word_count(p1) > SITE_NAME_WORDS or seen[k1][1] > seen[k2][0]:
        return []
    between = TAG_RE.sub(" ", page[seen[k1][1]:seen[k2][0]])
    return [p2] if word_count(htmllib.unescape(between)) >= APART_WORDS else []


SECTION_WORDS = 3        # a link text of at most this many words may name a section ("Sport", "Politik")
SECTION_LINKS = 400      # links of the page read for section names


def section_names(doc) -> frozenset[str]:
    """The short link texts of the page (squashed): its menu's section names, which a <title> appends
    to the headline ("Headline - Sport", "Headline-정치")."""
    if doc is None or doc.body is None:
        return frozenset()
    names = set()
    for a, _ in zip(doc.body.iter("a"), range(SECTION_LINKS)):
        text = a.text_content()
        if len(text) <= 60 and word_count(text) <= SECTION_WORDS and (key := _squash(text)):
            names.add(key)
    return frozenset(names)


TEXT_WORDS = 12   # a paragraph of running text (no tagline, menu or byline) has this many words at least


def _first_sentences(blocks: list[Block]) -> str:
    """The first paragraph that reads as running text (TEXT_WORDS words or more, ending as a sentence
    does): where the article's text begins, header lines (a site's name, a tagline) aside."""
    return next((b.text for b in blocks if b.kind == "paragraph" and word_count(b.text) >= TEXT_WORDS
                 and b.text.rstrip().endswith((".", "!", "?", "…", ".»", ".\"", ".”", "。"))), "")


class PageNames:
    """What the page itself says a title part is, read only when a title needs it (each walks the
    page): its section links (section_names) and the title parts it shows alone (shown_parts)."""

    def __init__(self, doc, forms: dict | None = None, page: str = "", first: str = ""):
        self.doc, self.forms, self.page = doc, forms or {}, page
        self.first = first   # the article's first paragraph as found
        self._sections: frozenset[str] | None = None
        self._shown: list[str] | None = None

    def sections(self) -> frozenset[str]:
        if self._sections is None:
            self._sections = section_names(self.doc)
        return self._sections

    def shown(self) -> list[str]:
        if self._shown is None:
            self._shown = shown_parts(self.page, self.forms)
        return self._shown

    def above_text(self, parts: list[str]) -> str | None:
        """Of a title's parts, the one the page prints as an element's whole text (a link's too: a
        forum's topic title links to the topic) nearest above the article's first paragraph, within
        HEADING_REACH texts: a headline heads its text; the site's name tops the page."""
        start = _squash(self.first)[:30]
        if not start or self.doc is None or self.doc.body is None:
            return None
        nodes = [t for t in self.doc.body.xpath(".//text()[not(ancestor::script or ancestor::style)]") if t.strip()]
        at = next((n for n, t in enumerate(nodes) if _squash(t).startswith(start)), None)
        keys = {_squash(p): p for p in parts}
        for node in reversed(nodes[max(0, at - HEADING_REACH):at] if at is not None else []):
            owner = node.getparent()
            owner = owner.getparent() if node.is_tail and owner is not None else owner
            for _ in range(3):   # the element whose whole text the node is part of
                if owner is None:
                    break
                text = _squash(_text(owner))
                if text in keys:
                    return keys[text]
                if not keys or len(text) > max(map(len, keys)):
                    break
                owner = owner.getparent()
        return None


def _title(forms: dict, fallback: str | None, heading: Heading | None, sites: list[str | None],
           headings: list[str] = (), names: PageNames | None = None) -> str | None:
    """The headline: og:title, else the JSON-LD headline, the <h1>, the <title> (the order that matched
    the reference titles best on the sample pages), each without the site's name. The site's name is
    what the page's title forms do not share: a part that another form gives alone, or that the page
    shows as a heading, is the headline ("Headline | Site" beside "Headline"); a part that is the site's
    name (og:site_name, a home link's text) or a domain is the site."""
    forms = {**forms, "h1": heading.text if heading else None}
    forms.setdefault("title", None)
    if not any(forms.values()):
        return fallback
    site_keys = [_squash(s) for s in sites if s]
    if forms.get("og") and _squash(forms["og"]) in site_keys:
        forms["og"] = None   # an og:title that is only the site's name (the same on every page)
    elif forms.get("og") and forms.get("title"):
        # an og:title that is one end of the <title> whose other part is a longer heading of the page
        # sharing no word with it ("Headline | Site", og:title "Site", <h1> or <h2> "Headline"): the site
        ends = [_squash(p) for p in TITLE_SEPARATOR.split(forms["title"])]
        og = _squash(forms["og"])
        if len(ends) > 1 and og in (ends[0], ends[-1]) and any(
                _squash(h) in ends and _squash(h) != og and not _tokens(forms["og"]) & _tokens(h)
                and word_count(forms["og"]) < word_count(h) for h in [forms["h1"] or "", *headings]):
            site_keys.append(og)
            forms["og"] = None
    if forms.get("og") and _names_section(forms["og"], max((v for k, v in forms.items() if k != "og" and v),
                                                          key=word_count, default=""), names):
        forms["og"] = None   # an og:title that is one of the page's section links ("Politics"): no headline
    if forms["h1"] and forms.get("title") and names is not None and _h1_is_site(forms, site_keys, names.doc, names.first):
        site_keys.append(_squash(forms["h1"]))
        forms["h1"] = None
    if forms["h1"] and forms.get("title") and names is not None:
        # an <h1> that is a section name the <title> carries beside a longer part ("Headline | News |
        # Site" with <h1> "News": an older CMS's section heading above the story's <h2>): no headline
        parts = [p for p in TITLE_SEPARATOR.split(forms["title"]) if p.strip()]
        if len(parts) > 1 and _squash(forms["h1"]) in {_squash(p) for p in parts[1:]} \
                and _names_section(forms["h1"], max(parts, key=word_count), names):
            forms["h1"] = None
    stripped = {k: _strip_site(v, site_keys, [o for j, o in forms.items() if j != k and o], headings, names,
                               printed=forms["h1"] if k != "h1" else None)
                for k, v in forms.items()}
    chosen = next((stripped[k] for k in TITLE_ORDER if stripped.get(k)), None)
    if chosen is None:
        return fallback
    if CUT_MARK.search(chosen):
        # a form cut short with an ellipsis ("Night buses saved for the wi…": a sharing card's or a feed's
        # length) is no headline: the next form that goes on from it (JSON-LD, <h1>, <title>) is, JSON-LD
        # or not (the mark says it was cut; an uncut short og:title is the publisher's choice, below)
        chosen = next((v for k in TITLE_ORDER if (v := stripped.get(k)) and _shortened(chosen, v, cut=True)),
                      chosen)
    elif chosen == stripped.get("og") and not forms.get("ld") and _shortened(chosen, stripped.get("h1")):
        # an og:title that is the printed headline cut short ("Lumo Fold 2 review" beside the <h1> "Lumo Fold
        # 2 review: the sturdiest cheap tablet you can buy"; a sharing card's length): the headline. Not on a
        # page with a JSON-LD headline: there the samples' references, the publishers' own parsers, keep
        # og:title's short form (3 of 3 such pages; transfer pages, all without JSON-LD, the <h1> 6 of 6)
        chosen = stripped["h1"]
    # the same words in another form with its punctuation ("Kicker Title" of an <h1> whose kicker is a
    # block of its own, beside "Kicker: Title" in the <title>): the punctuated form
    same = [v for v in stripped.values() if v and len(v) > len(chosen) and _adds_separators(chosen, v)]
    chosen = max(same, key=len) if same else chosen
    # another form that is this one without a date printed in the same element ("<h1>Headline <span>Feb
    # 26, 2015</span></h1>" beside "<title>Headline | Site"): the headline without it
    bare = [v for v in stripped.values() if v and len(v) < len(chosen) and _date_beside(chosen, v)]
    chosen = max(bare, key=len) if bare else chosen
    if names is not None and names.page and (m := UNSPACED_PREFIX.match(chosen)) \
            and _printed_alone(names.page, m.group(2)) and not _printed_alone(names.page, m.group(1)):
        return m.group(2)   # "Gazette Online: Headline" whose headline alone the page prints, not its prefix
    return chosen


def _h1_is_site(forms: dict, site_keys: list[str], doc, first: str) -> bool:
    """An <h1> that is the site's name, as old blog and small-site themes print it (the blog's name in
    the header's <h1>, the post's title below in an <h2>, a table cell or a <div>): the <h1> is one end
    of a <title> of two parts or more ("Post | Blog", "Blog - Post", "Blog: Post"), and the rest of the <title>,
    longer than the <h1>, no date and not the site's name, is printed below it as a text of its
    own (an element's whole text; a link's only inside a heading: a permalink) above the article's first
    paragraph (a headline heads its text; a footer naming the site stands below it), outside the <h1>'s
    parent element (the blog's header; a headline and its dek or byline share their block), with other
    text between the two (a tagline, a menu)."""
    title, h1 = forms["title"], _squash(forms["h1"])
    marks = list(TITLE_SEPARATOR.finditer(title))
    if doc is None or doc.body is None:
        return False
    if marks and _squash(title[marks[-1].end():]) == h1:
        rest = title[:marks[-1].start()]
    elif marks and _squash(title[:marks[0].start()]) == h1:
        rest = title[marks[0].end():]
    elif (m := UNSPACED_PREFIX.match(title)) and _squash(m.group(1)) == h1:
        rest = m.group(2)   # Blogger's and TypePad's "Blog: Post"
    else:
        return False
    key = _squash(rest)
    start = _squash(first)[:30]
    if word_count(rest) <= word_count(forms["h1"]) or dates.has_day(rest) or _names_site(key, site_keys) \
            or not start:
        return False
    el = next((el for el in doc.body.iter("h1") if _squash(_heading_text(el)) == h1), None)
    if el is None:
        return False
    words = 0
    for node in el.xpath("following::text()"):
        owner = node.getparent()
        owner = owner.getparent() if node.is_tail and owner is not None else owner
        if owner is None or owner.tag in ("script", "style", "noscript") or not (k := _squash(node)):
            continue
        if key.startswith(k):
            for _ in range(4):   # the element whose whole text the part is
                text = _squash(_text(owner))
                if text == key:
                    if owner.tag == "a" and not owner.xpath("ancestor::*[self::h2 or self::h3 or self::h4]"):
                        break
                    return words >= APART_WORDS and el.getparent() not in set(owner.iterancestors())
                if len(text) > len(key) or owner.getparent() is None:
                    break
                owner = owner.getparent()
        if k.startswith(start):
            return False   # the article's text begins: no headline of its own above it
        words += word_count(node)
    return False


CUT_MARK = re.compile(r"\s*(?:…|\.{3})\s*$")   # a text cut short ends so


def _shortened(short: str, whole: str | None, cut: bool = False) -> bool:
    """`whole` begins with every word of `short` and goes on (a headline and the same headline cut short).
    With `cut`, `short` ends in a cut mark and its last word may be cut inside ("… the wi…")."""
    if not whole:
        return False
    a, b = WORD.findall(CUT_MARK.sub("", short).lower() if cut else short.lower()), WORD.findall(whole.lower())
    if cut and a and len(a) <= len(b) and b[:len(a) - 1] == a[:-1] and b[len(a) - 1].startswith(a[-1]):
        return len(a) < len(b) or b[-1] != a[-1]
    return 0 < len(a) < len(b) and b[:len(a)] == a


def _date_beside(text: str, core: str) -> bool:
    """`text` is `core` with a full date and nothing else before or after it."""
    if text.startswith(core):
        rest = text[len(core):]
    elif text.endswith(core):
        rest = text[:-len(core)]
    else:
        return False
    rest = rest.strip(" |–—-·,:()[]")
    return bool(rest) and dates.has_day(rest) and dates.other_words(rest) == 0


UNSPACED_PREFIX = re.compile(r"([^:|]{1,39}[^\s:|]):\s+(\S.{10,})")   # a site's "Name: Title" (Blogger's form)


def _printed_alone(page: str, text: str) -> bool:
    """Whether the page's body prints the text as a text of its own (an element's whole text, not a
    link's): an old page's headline in a <b> or <font>."""
    body = BODY_START.search(page)
    if body is None:
        return False
    for t in {text, htmllib.escape(text, quote=False)}:
        at = page.find(t, body.end())
        while at >= 0:
            tag = OPEN_TAG.search(page, max(0, at - 300), at)
            if tag and page[at + len(t):at + len(t) + 300].lstrip().startswith("<") \
                    and tag.group(1).lower() not in _NOT_SHOWN_TAGS:
                return True
            at = page.find(t, at + 1)
    return False


def _adds_separators(plain: str, other: str) -> bool:
    """`other` is `plain` with separators added (':', '/', '–', '|'), nothing else."""
    a, b = plain.replace(" ", ""), other.replace(" ", "")
    i = 0
    for ch in b:
        if i < len(a) and ch == a[i]:
            i += 1
        elif ch not in ":/|–—-·":
            return False
    return i == len(a)


TITLE_ORDER = ("og", "ld", "h1", "title")
# A separator between headline and site name: spaced punctuation, a bar, a CJK full-width colon or bar;
# an opening guillemet only when no closing one follows (WordPress's "Post « Blog"; French « … » quotes).
# (a hyphen between two letters or digits of one script joins a compound word: "Kalifat-Rufen", "Japan-U.S.",
# "Covid-19"; between two scripts it sets a section apart: "Headline-정치")
TITLE_SEPARATOR = re.compile(r"\s+[|–—·•»›~⋆<>*:/-]\s+|\s+«\s+(?![^«]*»)|\s+‹\s+(?![^‹]*›)|\s*[|｜ㅣ]\s*|\s*：\s*|(?<![\dA-Za-z\u00c0-\u024f\u0400-\u04ff])-{1,2}(?=\S)"
                             r"|-{1,2}(?=[^\s\dA-Za-z\u00c0-\u024f\u0400-\u04ff])|\s+::\s+")
DOMAIN = re.compile(r"\s*(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\s*", re.IGNORECASE)
LD_HEADLINE = re.compile(r'"headline"\s*:\s*"((?:[^"\\]|\\.)*)"')


def _title_forms(doc) -> dict[str, str | None]:
    if doc is None:
        return {}
    forms: dict[str, str | None] = {
        "og": _meta_content(doc, "og:title") or _meta_content(doc, "twitter:title")}
    for script in doc.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            m = LD_HEADLINE.search(script.text)
            if m:
                try:
                    forms["ld"] = _clean(json.loads(f'"{m.group(1)}"'))
                except ValueError:
                    forms["ld"] = _clean(m.group(1))
                break
    title = doc.find(".//title")
    forms["title"] = _clean(title.text_content()) if title is not None else None
    return forms


def _meta_content(doc, name: str) -> str | None:
    for el in doc.iter("meta"):
        if name in ((el.get("property") or "").lower(), (el.get("name") or "").lower()):
            value = _clean(el.get("content"))
            if value:
                return value
    return None


def _squash(text: str | None) -> str:
    return "".join(WORD.findall((text or "").lower()))


def _names_site(key: str, site_keys: list[str]) -> bool:
    """A title part that is the site's name: the name itself, part of it ("Tageblatt" of
    "Tageblatt.lu"), or the name with a few words more ("Golem.de - IT-News für Profis")."""
    if len(key) < 3:
        return False
    return any(site_key and (key in site_key or ((key.startswith(site_key) or key.endswith(site_key))
                                                 and len(key) <= 2 * len(site_key) + 12))
               for site_key in site_keys)


SITE_PREFIX_MARK = re.compile(r"\s*[:|｜：»–—-]+\s*")


def _strip_site_prefix(title: str, site_keys: list[str]) -> str:
    """'Site: Headline' (Blogger's "Blog Name: Post Title"): the site's name and a mark right after it,
    spaced or not, go."""
    for n in range(1, min(len(title), 80)):
        if title[n - 1].isalnum() and (m := SITE_PREFIX_MARK.match(title, n)) and m.group(0).strip() \
                and _squash(title[:n]) in site_keys and _squash(title[m.end():]):
            return title[m.end():]
    return title


def _names_section(part: str, rest: str, names: PageNames | None) -> bool:
    """A title part that is one of the page's section links ("- Sport"), beside a headline at least
    twice as long."""
    return names is not None and word_count(part) <= SECTION_WORDS \
        and word_count(rest) >= 2 * max(1, word_count(part)) and _squash(part) in names.sections()


def _strip_site(title: str | None, site_keys: list[str], others: list[str],
                shown: list[str] = (), names: PageNames | None = None, printed: str | None = None) -> str | None:
    """The title without the site's part. `others` are the page's other title forms, `shown` its
    headings: a part that one of them gives alone is the headline (a heading only when no other part
    of the title is longer: a section heading "Sport" is no headline). `names` tells a last part that
    is a section link, and, when nothing else resolves the title, the part the page shows alone."""
    if not title:
        return None
    title = " ".join(title.split())
    other = {_squash(o) for o in others} - {_squash(title), ""} - set(site_keys)
    headings = {_squash(o) for o in shown} - {_squash(title), ""} - set(site_keys)

    def known(part: str, rest: str) -> bool:
        key = _squash(part)
        return key in other or (key in headings and len(key) >= max(len(_squash(p))
                                                                     for p in TITLE_SEPARATOR.split(rest)))

    title = _strip_site_prefix(title, site_keys)
    if printed and _squash(printed) == _squash(title):
        # the page's <h1> prints the whole title, parts and all ("Nationale Demo / Der 9. Juli naht: …" beside
        # an <h1> "<span>Nationale Demo</span> Der 9. Juli naht: …"): a kicker, no site's part
        return title
    read_shown = read_near = False
    for _ in range(5):
        parts = list(TITLE_SEPARATOR.finditer(title))
        if not parts:
            break
        # (the longest known head: "… « quote » | Site" keeps its closing mark beside the heading's)
        cut = next((title[:m.start()].rstrip() for m in reversed(parts)
                    if known(title[:m.start()], title[m.end():])), None) \
            or next((title[m.end():].lstrip() for m in parts if known(title[m.end():], title[:m.start()])),
                    None)
        if cut:
            title = cut
            continue
        head, tail = title[:parts[-1].start()], title[parts[-1].end():]
        key = _squash(tail)
        if _squash(head) and (not key or DOMAIN.fullmatch(tail) or re.match(r"(?i)\s*by\s", tail)
                              or _names_site(key, site_keys) or _names_section(tail, head, names)):
            title = head.rstrip()
            continue
        head, tail = title[:parts[0].start()], title[parts[0].end():]
        if _squash(head) and _squash(head) in site_keys and _squash(tail):
            title = tail.lstrip()
            continue
        if names is not None and not read_shown:   # nothing else tells: the part the page shows alone
            read_shown = True
            headings |= {_squash(o) for o in names.shown()} - {_squash(title), ""} - set(site_keys)
            continue
        split = [p.strip() for p in TITLE_SEPARATOR.split(title) if _squash(p)]
        if names is not None and not read_near and len(split) >= 3:
            # nor that, in a title of three parts or more ("Forum :: View topic - Topic"; of two, either may
            # be the site's name or a kicker printed apart: both stay): the longest part, printed right
            # above the text
            read_near = True
            near = names.above_text(split)
            if near and word_count(near) == max(word_count(p) for p in split) \
                    and sum(word_count(p) == word_count(near) for p in split) == 1:
                title = near
        break
    return title


TABLE_RULE = re.compile(r":?-{3,}:?")


def markdown_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for para in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in para.strip().split("\n") if ln.strip()]
        if not lines:
            continue
        if lines[0].startswith("#"):
            blocks.append(Block("heading", _unescape(lines[0].lstrip("#").strip().strip("*_ "))))
            lines = lines[1:]
        if lines and all(ln.startswith("|") for ln in lines):
            # a table (an article laid out in one, or a data table): each cell a paragraph
            blocks += [Block("paragraph", _inline(cell)) for ln in lines for c in ln.strip("|").split("|")
                       if (cell := c.strip()) and not TABLE_RULE.fullmatch(cell)]
            continue
        if lines and all(LIST_ITEM.match(ln) for ln in lines):
            blocks.append(Block("list", items=tuple(_inline(LIST_ITEM.sub("", ln)) for ln in lines)))
        elif lines:
            blocks += [Block("paragraph", _inline(" ".join(part))) for part in _line_paragraphs(lines)]
    return blocks


COMMA_END = re.compile(r"[,，、،]\s*$")   # a line that ends in a comma goes on in the next


def _line_paragraphs(lines: list[str]) -> list[list[str]]:
    """The lines of one Markdown paragraph (kept apart by line breaks, <br>) grouped into paragraphs: a
    line that ends a sentence, or a next line that starts with a capital, starts a new one. Old pages
    separate their paragraphs, and the navigation, headline and byline above them, by <br> alone; a
    line break inside a sentence (a name set as a link in Japanese), or after a comma (a verse's or a letter's
    lines, an address), joins the lines again."""
    parts = [[lines[0]]]
    for before, line in pairwise(lines):
        if SENTENCE_END.search(before) or (line[:1].isupper() and not COMMA_END.search(before)):
            parts.append([line])
        else:
            parts[-1].append(line)
    return parts


def _inline(text: str) -> str:
    """trafilatura's emphasis marks and markup tags are dropped and its escapes undone: blocks hold plain text,
    which the brief writer escapes for Markdown (`\\*` is a star the page showed, not emphasis)."""
    text = _MARKUP_TAG.sub("", text) if "<" in text else text
    return _unescape(re.sub(r"(?<!\\)(\*\*|__|\*|_)(\S(?:.*?[^\s\\])?)\1", r"\2", text).strip())


# trafilatura's own markup left in its Markdown (an underline as "<u>…</u>"); a "<" the page showed comes
# escaped ("\<persönliche E-Mail-Adresse>") and stays, as text
_MARKUP_TAG = re.compile(r"(?<!\\)</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")


def _unescape(text: str) -> str:
    """trafilatura's Markdown escapes (`\\<`, `\\*`, `\\[`, a doubled backslash) back to the characters."""
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")   # a backslash before ASCII punctuation (CommonMark)


def _line(text: str) -> Line:
    return Line(0, text, key_of(text), len(WORD.findall(text)))


def clean_blocks(blocks: list[Block], title: str | None = None, steps: frozenset[str] = STEPS,
                 closing: list[str] = ()) -> list[Block]:
    """Drop what the lexicons know as boilerplate, the title shown again, short headline-like
    paragraphs (captions, teaser links) and a trailing heading (it announced teasers). `closing`: lists the
    page sets under a heading after the article's last paragraph, inside its main run (_closing_blocks), which
    are no closing list of headlines whatever their items' shape."""
    kept: list[Block] = []
    title_key = _norm(title or "")
    if "end_marker" in steps:
        blocks = _before_signature(blocks)
    for n, b in enumerate(blocks):
        if "title_repeat" in steps and title_key and len(kept) < 2 and _norm(b.text).startswith(title_key) \
                and len(_norm(b.text)) <= 1.5 * len(title_key) + 20:
            continue
        if "headline_like" in steps and b.kind == "paragraph" and _headline_like(b.text) \
                and not _before_list(blocks, n) and not _question_between(blocks, n):
            continue
        if b.kind == "list":
            items = tuple(i for i in b.items if "boilerplate" not in steps or not meta.is_boilerplate_line(i))
            if items:
                kept.append(Block("list", items=items))
            continue
        line = _line(b.text)
        if ("gallery" in steps and GALLERY.match(b.text)) \
                or ("boilerplate" in steps and meta.is_boilerplate_line(b.text)) \
                or ("credit" in steps and handle_credit(line)) \
                or ("agency" in steps and handle_agency(line)) \
                or ("byline" in steps and b.kind == "paragraph" and handle_meta(line)):
            continue
        kept.append(b)
    if "end_marker" in steps:
        kept = _cut_at_end_marker(kept)
    if "comments" in steps:
        kept = _cut_at_comments(kept)
    while "trailing" in steps and kept and (kept[-1].kind == "heading"
                                            or (kept[-1].kind == "list" and _link_list(kept[-1])
                                                and not _closing(kept[-1], closing))
                                            or (kept[-1].kind == "paragraph" and COPYRIGHT_LINE.match(kept[-1].text))):
        kept.pop()   # a closing heading announced teasers; a closing list of headlines is links; a copyright
        #              notice ("Copyright 2014 WKRV. All rights reserved. …") is the site's
    while "leading_heading" in steps and kept and kept[0].kind == "heading":
        kept.pop(0)  # a heading before any text is the title again, or a kicker
    return kept


# a paragraph that opens with a copyright mark and a year
COPYRIGHT_LINE = re.compile(r"\s*(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:19|20)\d{2}\b", re.IGNORECASE)
REPEAT_SHARE = 0.8     # of a paragraph's word triples found in one longer paragraph: a repeat (a pull quote)
REPEAT_MAX_WORDS = 60  # longer paragraphs are never dropped as repeats


def _triples(text: str) -> list[tuple[str, ...]]:
    words = [w.lower() for w in WORD.findall(text)]
    return [tuple(words[i:i + 3]) for i in range(len(words) - 2)]


def _without_repeats(blocks: list[Block]) -> list[Block]:
    """Without the paragraphs that repeat words of a longer paragraph of the text in the same order: a pull
    quote ("There was always a boat coming, or a paddle broken, and you had to be there …", set in a
    <blockquote> or <aside> beside the paragraph it quotes, cut or not), a teaser of the article's own first
    paragraph. A paragraph of at most REPEAT_MAX_WORDS words goes when REPEAT_SHARE of its word triples are
    triples of one longer paragraph (of two alike, the later goes)."""
    paragraphs = [(n, _triples(b.text)) for n, b in enumerate(blocks) if b.kind == "paragraph"]
    drop = set()
    sets: dict[int, set] = {}   # a paragraph's triples as a set, made once (each is compared with many)
    for n, mine in paragraphs:
        if len(mine) < 3 or len(mine) + 2 > REPEAT_MAX_WORDS:
            continue
        for m, theirs in paragraphs:
            if m == n or m in drop or len(theirs) < len(mine) or (len(theirs) == len(mine) and m > n):
                continue
            have = sets.get(m)
            if have is None:
                have = sets[m] = set(theirs)
            if sum(map(have.__contains__, mine)) >= REPEAT_SHARE * len(mine):
                drop.add(n)
                break
    return [b for n, b in enumerate(blocks) if n not in drop] if drop else blocks


BEFORE_TITLE_MAX = 5   # blocks before the headline that may be dropped (further down, a repeat is a teaser)


def _after_headline(blocks: list[Block], titles: list[str | None], doc=None) -> list[Block]:
    """The text from the headline on: an article starts at its headline, so what an extractor put
    before the headline shown in the text (a cookie notice, a breadcrumb, a banner) is not the article. A
    paragraph the page itself prints below the headline stays, in its place among the blocks after it
    (_in_page_order): the extractor took it out of order (a live page's newest entry, in an <article> box of
    its own, came out above the headline)."""
    keys = {_squash(t) for t in titles if t} - {""}
    at = next((n for n, b in enumerate(blocks[:BEFORE_TITLE_MAX + 1])
               if b.kind != "list" and _squash(b.text) in keys), None)
    if not at or at >= len(blocks) - 1:
        return blocks
    return _in_page_order(blocks[at:], blocks[:at], doc)


def _in_page_order(kept: list[Block], before: list[Block], doc) -> list[Block]:
    """`kept` (from the headline on) with the paragraphs of `before` that the page prints after the headline
    (kept[0]) set before the first kept block the page prints after them; no cookie notice."""
    body = _body(doc) if doc is not None else None
    if body is None or not any(b.kind == "paragraph" and not _names_cookies(b.text) for b in before):
        return kept
    page = _squeeze(_shown_text(body))
    head = page.find(_squeeze(kept[0].text)) if _squeeze(kept[0].text) else -1
    if head < 0:
        return kept

    def place(b: Block) -> int:
        key = _squeeze(b.text or " ".join(b.items))
        return page.find(key, head) if len(key) >= 20 else -1

    out = list(kept)
    for b in before:
        if b.kind != "paragraph" or _names_cookies(b.text) or (at := place(b)) < 0:
            continue
        n = next((n for n in range(1, len(out)) if place(out[n]) > at), len(out))
        out.insert(n, b)
    return out


HEADLINE_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _below_headline(blocks: list[Block], doc, titles: list[str | None]) -> list[Block]:
    """The text from the page's headline element on: the blocks at the text's start that the page prints only
    before the heading (<h1>–<h6>, or a bold line alone in its block) that reads as the headline are no part
    of the article (a blog's sidebar
    set before the post in source order: its "About me" profile, a text widget). The headline element is
    the first such heading with the text's longest paragraph after it; nothing goes when less than
    MIN_BODY_WORDS words would remain."""
    body = _body(doc) if doc is not None else None
    keys = {_squash(t) for t in titles if t} - {""}
    if body is None or not keys or len(blocks) < 2:
        return blocks
    longest = max((b for b in blocks if b.kind == "paragraph"), key=lambda b: len(b.text), default=None)
    if longest is None:
        return blocks
    want = _squeeze(longest.text)[:RECORD_KEY]
    split = None
    for el in body.iter(*HEADLINE_TAGS, "b", "strong"):
        if _squash(el.text_content()) in keys and (el.tag in HEADLINE_TAGS or _alone_in_its_block(el)):
            before, after = _split_text(body, el)
            if want in after:
                split = (before, after)
                break
    if split is None:
        return blocks
    before, after = split
    cut = 0
    for b in blocks:
        key = _squeeze(b.text or " ".join(b.items))[:RECORD_KEY]
        if b is longest or not key or key not in before or key in after:
            break
        cut += 1
    if not cut or _words(blocks[cut:], None) < MIN_BODY_WORDS:
        return blocks
    return blocks[cut:]


TITLE_PARTS = re.compile(r"\s+(?:[-|:–—»]+|::)\s+")
def _alone_in_its_block(el) -> bool:
    """Whether a bold element is the whole text of its block (an older page's headline, "<div><strong>
    Welford lock gates replaced after 40 years</strong></div>")."""
    from briefgen.ingest.density import BLOCK

    block = el.getparent()
    while block is not None and block.tag not in BLOCK:
        block = block.getparent()
    return block is not None and _squash(block.text_content()) == _squash(el.text_content())


STAMP_TITLE_WORDS = 12   # words of a header line besides the headline it holds


def _below_stamp_title(blocks: list[Block], titles: list[str | None]) -> list[Block]:
    """The text after a header line that holds the headline and a time of day or a date ("Posted: Sat Jun
    16, 2007 10:12 am Post subject: Village hall reopens …", a forum post's or a blog's header), when it
    comes before the text's longest paragraph: it and what the text has before it (the forum's name, the
    poster's profile) are no part of the article."""
    parts = [p for t in titles if t for p in (t, *TITLE_PARTS.split(t))]   # ("Forum :: View topic - Headline")
    keys = [k for p in parts if len(k := _squash(p)) >= 12]
    if not keys or len(blocks) < 2:
        return blocks
    longest = max(range(len(blocks)), key=lambda n: len(blocks[n].text))
    for n in range(longest - 1, -1, -1):
        b = blocks[n]
        if b.kind != "paragraph":
            continue
        text = _squash(b.text)
        key = next((k for k in keys if k in text and k != text), None)
        if key and len(b.text.split()) <= STAMP_TITLE_WORDS + len(key) // 5 \
                and (STAMP.search(b.text) or _has_day(b.text)):
            rest = blocks[n + 1:]
            return rest if _words(rest, None) >= MIN_BODY_WORDS else blocks
    return blocks


def _has_day(text: str) -> bool:
    try:
        return bool(dates._find_day(text))
    except dates.DateError:
        return False


GLUED_WORDS = 6        # words of a <p>'s start that find it inside a paragraph of trafilatura's
GLUED_PREFIX = 20      # a line glued before a <p> has at most this many words (a date, a byline)
GLUED_BLOCKS = 3       # paragraphs looked at from the text's start


REJOIN_JOINTS = 2        # paragraphs ending inside a sentence that make the text worth checking


def _rejoined(blocks: list[Block], doc) -> list[Block]:
    """Paragraphs that the page prints as one line joined again. Where a page sets its text in a <div> or
    <td> with <br>s, no <p> (older pages), trafilatura gives each inline element (a link, a bold word) and
    the text around it as paragraphs of their own ("Anfang des Jahres hat" / "das Medikament" / "für viel
    Aufsehen gesorgt."), which then read as captions or labels and go. Consecutive paragraphs are joined
    while the one before ends inside a sentence and their joined text (letters and digits) lies within one
    line of the page: the running text of one block element up to a <br> or a child block, as a browser
    shows it. Looked for only when two paragraphs or more end inside a sentence."""
    body = _body(doc) if doc is not None else None
    if body is None or len(blocks) < 2:
        return blocks
    joints = sum(a.kind == b.kind == "paragraph" and not SENTENCE_END.search(a.text)
                 for a, b in pairwise(blocks))
    if joints < REJOIN_JOINTS:
        return blocks
    lines = _LINE_SEP.join(k for line in _page_lines(body) if len(k := _squeeze(line)) >= 20)
    out: list[Block] = []
    run: list[str] = []
    key = ""
    for b in blocks:
        if b.kind == "paragraph":
            k = _squeeze(b.text)
            if run and k and key and not SENTENCE_END.search(run[-1]) and (key + k) in lines:
                run.append(b.text)
                key += k
                continue
            _flush(run, out)
            run, key = [b.text], k
            continue
        _flush(run, out)
        run, key = [], ""
        out.append(b)
    _flush(run, out)
    return out if len(out) < len(blocks) else blocks


_LINE_SEP = "\x00"
_OPENERS = "„“‚«‹([{¿¡\"'"
_CLOSERS = ",.;:!?)]}»›”’…"


def _flush(run: list[str], out: list[Block]) -> None:
    if not run:
        return
    text = run[0]
    for part in run[1:]:
        text += part if text[-1:] in _OPENERS or part[:1] in _CLOSERS else " " + part
    out.append(Block("paragraph", text))


def _page_lines(body) -> list[str]:
    """The page's lines of running text: each block element's text and its inline children's, up to a
    <br> or a child block (which begins lines of its own), without scripts and styles."""
    from briefgen.ingest.density import BLOCK, SKIP

    lines: list[str] = []

    def walk(el, line: list[str]) -> list[str]:
        """Adds el's text to `line` (el inline) or to lines of its own (el a block); returns the line
        that goes on after el."""
        block = el.tag in BLOCK
        cur = [] if block else line
        if el.text:
            cur.append(el.text)
        for child in el:
            tag = child.tag
            if isinstance(tag, str) and tag not in SKIP:
                if tag == "br" and el.tag == "p" and _soft_break(child, cur):
                    cur.append(" ")     # a hard-wrapped line of the paragraph: the text goes on
                elif tag == "br" or tag in BLOCK:
                    lines.append("".join(cur))
                    cur = []
                    if tag != "br":
                        walk(child, cur)
                else:
                    cur = walk(child, cur)
            if child.tail:
                cur.append(child.tail)
        if block:
            lines.append("".join(cur))
            return line
        return cur

    import sys

    depth = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(max(depth, 5000))
        walk(body, [])
    except RecursionError:
        return []
    finally:
        sys.setrecursionlimit(depth)
    return lines


HARD_WRAP_MIN = 40      # characters of a hard-wrapped line (set before measuring: wraps fall at 60-80)


def _soft_break(br, cur: list[str]) -> bool:
    """A lone <br> inside a <p> after text that ends inside a sentence and before more text: the paragraph
    was hard-wrapped (pasted from an e-mail or a word processor, lines of about 70 characters), and its
    lines are one paragraph as trafilatura gives them one line each. Two <br>s in a row, a <br> after a
    sentence's end, a colon, a comma or a semicolon, or after a line shorter than HARD_WRAP_MIN (an address,
    a verse, "Contact:"), still end the line."""
    before = "".join(cur).rstrip()
    if not before or SENTENCE_END.search(before) or before[-1] in ":,;":
        return False
    prev, nxt = br.getprevious(), br.getnext()
    # the wrapped line itself (the text since the element before the <br>): wrapping makes long lines
    segment = (prev.tail if prev is not None else br.getparent().text) or ""
    if len(segment.strip()) < HARD_WRAP_MIN:
        return False
    if nxt is not None and nxt.tag == "br" and not (br.tail or "").strip():
        return False
    if prev is not None and prev.tag == "br" and not (prev.tail or "").strip():
        return False
    return bool((br.tail or "").strip()) or (nxt is not None and nxt.tag != "br")


def _unglue_first_lines(blocks: list[Block], doc) -> list[Block]:
    """The first paragraphs split where a <p> of the page starts inside them: text set right before a <p>
    outside any block of its own (a date or byline in a <span> or <font>, as older pages print them) is
    joined by trafilatura to the paragraph's text, where the byline and date steps cannot see it."""
    if doc is None:
        return blocks
    body = _body(doc)
    if body is None:
        return blocks
    starts = None
    out: list[Block] = []
    for n, b in enumerate(blocks):
        if n >= GLUED_BLOCKS or b.kind != "paragraph":
            out.append(b)
            continue
        spans = [m.span() for m in WORD.finditer(b.text)][:GLUED_PREFIX + GLUED_WORDS]
        if len(spans) <= GLUED_WORDS:
            out.append(b)
            continue
        if starts is None:
            starts = set()
            for p in body.iter("p"):
                first = p.text if p.text and len(WORD.findall(p.text)) >= GLUED_WORDS else p.text_content()
                key = WORD.findall(first.lower())[:GLUED_WORDS]
                if len(key) == GLUED_WORDS:
                    starts.add(" ".join(key))
        words = [b.text[i:j].lower() for i, j in spans]
        at = next((i for i in range(1, min(GLUED_PREFIX, len(words) - GLUED_WORDS) + 1)
                   if " ".join(words[i:i + GLUED_WORDS]) in starts), None)
        if at is None:
            out.append(b)
            continue
        cut = spans[at][0]
        out += [Block("paragraph", b.text[:cut].strip()), Block("paragraph", b.text[cut:].strip())]
    return out


_NOT_WORD = re.compile(r"[\W_]+")


def _cp1252_not_alnum() -> bytes:
    """The bytes whose cp1252 character `[\\W_]` matches (str.isalnum() denies it)."""
    out = []
    for b in range(256):
        try:
            if not bytes([b]).decode("cp1252").isalnum():
                out.append(b)
        except UnicodeDecodeError:
            pass   # (no encoded text holds it)
    return bytes(out)


_CP1252_NOT_ALNUM = _cp1252_not_alnum()


def _squeeze(text: str) -> str:
    """A text's letters and digits only, lowercased: a paragraph looked up in a page's text whatever the
    spaces and punctuation between its words (a <br> or an element boundary adds or removes a space).
    A text cp1252 can encode (ASCII, Latin-1 letters, typographic marks) has its other bytes deleted by
    bytes.translate: the same text as the pattern's sub, several times faster."""
    low = text.lower()
    try:
        return cp1252_text(cp1252_bytes(low).translate(None, _CP1252_NOT_ALNUM))
    except UnicodeEncodeError:
        return _NOT_WORD.sub("", low)


def _names_cookies(text: str) -> bool:
    """A cookie or consent notice's paragraph (briefgen/ingest/density.py: the word in most languages; the
    phrases of data/consent.toml for notices that do not use it)."""
    return "ookie" in text or "OOKIE" in text or is_consent(text)


def is_consent(text: str) -> bool:
    """The text holds a phrase of data/consent.toml (20 languages; patterns.Lexicon.is_consent)."""
    return lexicon().is_consent(text.lower())


def _main_run(body):
    """The squeezed text of the page's main run of paragraphs: the <p> elements under the element that
    holds the most <p> text as children (or as grandchildren: paragraphs each in a <div> of their own)."""
    box = _main_run_box(body)
    return _squeeze(" ".join(box[1])) if box else ""


def _main_run_box(body) -> tuple | None:
    """The element that holds the page's main run of paragraphs (_main_run) and their texts."""
    tally: dict = {}
    for p in body.iter("p"):
        text = p.text_content()
        parent = p.getparent()
        tally.setdefault(parent, []).append(text)
        if len(parent) == 1 and (grand := parent.getparent()) is not None:   # a <div> around one <p>
            tally.setdefault(grand, []).append(text)
    if not tally:
        return None
    return max(tally.items(), key=lambda kv: sum(map(len, kv[1])))


def _doubtful(blocks: list[Block], doc) -> bool:
    """Whether trafilatura's text may run past the article: its last block is not in the page's main run of
    paragraphs, or a block before the first one there is a short line or a list (a paragraph of prose before
    it is a standfirst, which the container step keeps too; a heading before any text goes by the step
    "leading_heading"). Only then is the density container looked for (about 2 ms a page, this check
    0.3 ms). On the 255 sample pages no text changes by this check, as they are (the container skipped on
    33 of the 49 dev pages and 110 of the 205 world pages) and as older markup (45 of 254 skipped); counting
    the <p>s of a wrapper's element three levels up let through 4 pages as older markup that it cuts."""
    if doc is None or not blocks:
        return False
    body = _body(doc)
    if body is None:
        return False
    run = _main_run(body)
    if not run:
        return True

    def in_run(b: Block) -> bool:
        key = _squeeze(b.text or " ".join(b.items))
        return bool(key) and key in run

    if not in_run(blocks[-1]) or any(_names_cookies(b.text or " ".join(b.items)) for b in blocks):
        return True   # (a cookie notice of more <p> text than the article's is no run of the article's)
    for b in blocks:
        if in_run(b):
            return False
        if b.kind == "list" or (b.kind == "paragraph" and _headline_like(b.text)):
            return True
    return True


def _ends_outside_run(blocks: list[Block], doc) -> bool:
    """Whether the text's last block is not in the page's main run of paragraphs (_doubtful's first test,
    on the cleaned text): only then can readability-lxml's block end the text earlier (step agreed_end)."""
    body = _body(doc) if doc is not None and blocks else None
    if body is None:
        return False
    run = _main_run(body)
    key = _squeeze(blocks[-1].text or " ".join(blocks[-1].items))
    return not run or not key or key not in run


def _inside_container(blocks: list[Block], doc, teasers=()) -> list[Block]:
    """Without the blocks after the page's main container (briefgen/ingest/density.py), and the short ones
    before it: where a page does not name its parts, trafilatura may take the whole page, with its
    navigation, teaser texts, comments and cookie notices. Blocks between two in the container stay (a
    subhead, a quote set apart), and so do paragraphs of prose right before it (a standfirst in the page's
    header). Nothing goes when the container is the whole <body> or would keep too little."""
    from briefgen.ingest.density import best_container

    if doc is None or not blocks:
        return blocks
    body = _body(doc)
    texts = [b.text or " ".join(b.items) for b in blocks]
    box = best_container(body, consent=any("ookie" not in t and is_consent(t) for t in texts), junk=frozenset(teasers))
    if box is None or box.element is body:
        return blocks
    text = _squeeze(_shown_text(box.element))

    def inside(b: Block) -> bool:
        if b.kind == "list":
            keys = [k for i in b.items if (k := _squeeze(i))]
            return bool(keys) and sum(k in text for k in keys) * 2 >= len(keys)
        key = _squeeze(b.text)
        return bool(key) and key in text

    first = next((n for n, b in enumerate(blocks) if inside(b)), None)
    if first is None:
        return blocks
    while first and blocks[first - 1].kind == "paragraph" and not _headline_like(blocks[first - 1].text) \
            and not _names_cookies(blocks[first - 1].text):
        first -= 1   # a standfirst set above the article's container (in the page's header) stays
    last = next(n for n in range(len(blocks) - 1, first - 1, -1) if inside(blocks[n]))
    kept = blocks[first:last + 1]
    return kept if _words(kept, None) >= MIN_BODY_WORDS else blocks


CARD_WORDS = 8          # a link of this many words or more may be a teaser card (a headline and a summary)
CARD_PART_WORDS = 4     # shorter paragraphs are left to the other steps
# links of at least 2 characters a word, found by libxml2 before Python counts their words
_LONG_LINKS = XPath(f"//body//a[@href][string-length(normalize-space()) >= {2 * CARD_WORDS}]")


TEASER_LINK_WORDS = (3, 15)   # a teaser's headline link
TEASER_SUMMARY_WORDS = 8      # a teaser's summary sentence has at least this many words
TEASER_SEPARATORS = "–—-:|"
_TEASER_LINKS = XPath("//body//a[@href][string-length(normalize-space()) >= 12]")


def _teaser_summaries(doc) -> list[str]:
    """The squeezed summaries of the page's teasers: a headline link of 3–15 words set apart from the text
    after it by a line break, a dash or colon ("<a>Fire damages barn</a> – No one was hurt …"), or by ending
    its own block (an <h4> or <div> holding the link alone, the summary the next block), then a sentence of
    8 words or more that is not link text, and not in the page's main run of paragraphs."""
    out = []
    for a in _TEASER_LINKS(doc):
        if not TEASER_LINK_WORDS[0] <= len(a.text_content().split()) <= TEASER_LINK_WORDS[1]:
            continue
        tail = (a.tail or "").strip()
        nxt = a.getnext()
        if tail[:1] and tail[0] in TEASER_SEPARATORS:
            if not _opens_block(a):
                continue   # a link inside a sentence that goes on after a dash
            summary = tail[1:]
        elif not tail and nxt is not None and nxt.tag == "br":
            summary = nxt.tail or ""
        elif not tail and nxt is not None and nxt.tag in ("p", "div") and not nxt.findall(".//a"):
            summary = nxt.text_content()   # a card: "<a><img><span>Headline</span></a><p>Summary …</p>"
        elif not tail and nxt is None and (box := a.getparent()) is not None \
                and len((box.text or "").strip()) == 0 and (after := box.getnext()) is not None \
                and isinstance(after.tag, str) and after.tag in ("p", "div") and not after.findall(".//a"):
            summary = after.text_content()
        else:
            continue
        if len(summary.split()) >= TEASER_SUMMARY_WORDS:
            out.append(_squeeze(summary)[:RECORD_KEY])
    if len(out) < 2:
        return []
    run = _main_run(_body(doc))   # (a paragraph of the article's own run after a "read also" link stays)
    return [k for k in out if k not in run]


def _opens_block(a) -> bool:
    """Whether a link opens the text of its block: a teaser's "<a>Headline</a> – Summary" does; a link inside
    a sentence ("… allies, <a>Mick Wallace and Clare Daly</a> — dubbed …") does not."""
    from briefgen.ingest.density import BLOCK

    el = a
    while True:
        parent = el.getparent()
        if parent is None or (parent.text or "").strip():
            return False
        prev = el.getprevious()
        while prev is not None:
            if _spaced(prev) or (prev.tail or "").strip():
                return False
            prev = prev.getprevious()
        if parent.tag in BLOCK:
            return True
        el = parent


def _without_teaser_summaries(blocks: list[Block], doc) -> list[Block]:
    """Without teasers' summaries (_teaser_summaries) after the article's first half: "More long reads",
    "Berita Lainnya", related posts, each a headline link and a sentence, which trafilatura keeps as
    paragraphs of the article once the links are left out. Only when two or more are found, and never
    more than a third of the text (a digest of such items is the article itself)."""
    if doc is None or len(blocks) < 3:
        return blocks
    keys = [k for k in _teaser_summaries(doc) if len(k) >= 20]
    if len(keys) < 2:
        return blocks
    words = [word_count(b.text or " ".join(b.items)) for b in blocks]
    total, seen = sum(words), 0
    drop = set()
    for n, b in enumerate(blocks):
        if seen * 2 >= total and b.kind == "paragraph":
            key = _squeeze(b.text)
            if any(k in key for k in keys):
                drop.add(n)
        seen += words[n]
    if not drop or sum(words[n] for n in drop) * 3 > total:
        return blocks
    return [b for n, b in enumerate(blocks) if n not in drop]


TEASER_RUN = 3   # teasers side by side (siblings of one tag) that make a run


def _headed(link) -> list:
    """The elements a headline link opens: its ancestors whose first text is the link's, up to the first
    that has text before it (a link inside a sentence opens none)."""
    out = []
    el = link
    for parent in link.iterancestors():
        if (parent.text or "").strip() or not isinstance(parent.tag, str):
            break
        prev = el.getprevious()
        while prev is not None:
            if (prev.tail or "").strip() or (isinstance(prev.tag, str) and prev.tag not in _UNSHOWN
                                             and "".join(prev.itertext()).strip()):
                return out
            prev = prev.getprevious()
        if parent.tag == "body":
            break
        out.append(parent)
        el = parent
    return out


def _teaser_runs(doc) -> list:
    """The page's runs of teasers: TEASER_RUN or more sibling elements of one tag side by side, each opened by
    a headline link of 3–15 words that ends its line or block (no text after it: a link that runs on into its
    sentence is an item of a list) and holding a summary of TEASER_SUMMARY_WORDS words or more that is not
    link text: a list page's "More Local Briefs" (<h2><a>Headline</a></h2><p>date</p><p>Summary …</p>), a
    portal's "Outras notícias" table (<td><a>Headline</a><br><span>Summary …</span><br>date</td>)."""
    if doc is None:
        return []
    opened: dict = {}
    for a in _TEASER_LINKS(doc):
        if (a.tail or "").strip() or not TEASER_LINK_WORDS[0] <= len(a.text_content().split()) <= TEASER_LINK_WORDS[1]:
            continue
        for el in _headed(a):
            parent = el.getparent()
            if parent is not None:
                opened.setdefault(parent, set()).add(el)
    out: list = []
    for parent, units in opened.items():
        if len(units) < TEASER_RUN:
            continue
        run: list = []
        for kid in parent:
            unit = kid in units and (not run or kid.tag == run[-1].tag) and _summarised(kid)
            if not unit or (run and kid.tag != run[-1].tag):
                out += run if len(run) >= TEASER_RUN else []
                run = []
            if unit:
                run.append(kid)
        out += run if len(run) >= TEASER_RUN else []
    return out


def _summarised(el) -> bool:
    """Whether an element holds TEASER_SUMMARY_WORDS words or more that are not link text."""
    links = sum(len(a.text_content().split()) for a in el.iter("a"))
    return len(_shown_text(el).split()) - links >= TEASER_SUMMARY_WORDS


def _without_teaser_runs(blocks: list[Block], doc, units: list) -> list[Block]:
    """Without the blocks that are part of a run of teasers (_teaser_runs): their summaries read like the
    article's sentences, and a list page or a portal sets six of them below a short brief, more words than
    the brief's own. Nothing goes when the text's first paragraph is part of one (a digest of such items
    is the article), when a paragraph of the page's main run is, or when too little would be left."""
    if doc is None or len(blocks) < 2 or not units:
        return blocks
    every = "\n".join(_squeeze(_shown_text(u)) for u in units)
    keys = [_squeeze(b.text or " ".join(b.items)) for b in blocks]
    first = next((k for b, k in zip(blocks, keys) if b.kind == "paragraph" and k), None)
    if first is None or first in every:
        return blocks
    run = _main_run(_body(doc))
    drop = {n for n, k in enumerate(keys) if len(k) >= TEASER_KEY and k in every and not (run and k in run)}
    kept = [b for n, b in enumerate(blocks) if n not in drop]
    return kept if drop and _words(kept, None) >= MIN_BODY_WORDS else blocks


TEASER_KEY = 8   # letters and digits a block needs to be looked up in the teasers (a bare "Sim" is not)


def _outside_link_cards(blocks: list[Block], doc) -> list[Block]:
    """Without the paragraphs that are part of a longer link: a teaser card is often one link around its
    headline and its summary, and the summary reads like a sentence of the article. A paragraph the length
    of the whole link (a headline, a link in running text) stays. When the text's first paragraph is such a
    part, the page's markup is broken (an unclosed <a> around the article) and nothing goes."""
    if doc is None:
        return blocks
    cards = [key for a in _LONG_LINKS(doc) if (key := _norm(a.text_content())).count(" ") + 1 >= CARD_WORDS]
    if not cards:
        return blocks
    every = "\n".join(cards)

    def in_card(text: str) -> bool:
        key = _norm(text)
        n = key.count(" ") + 1
        return n >= CARD_PART_WORDS and key in every and any(key in c and c.count(" ") + 1 > n for c in cards)

    first = next((b for b in blocks if b.kind == "paragraph"), None)
    if first is None or in_card(first.text):
        return blocks
    kept: list[Block] = []
    for b in blocks:
        if b.kind == "list":
            items = tuple(i for i in b.items if not in_card(i))
            if items:
                kept.append(b if len(items) == len(b.items) else Block("list", items=items))
        elif not in_card(b.text) or (b.kind == "heading" and _own_heading(doc, b.text)):
            kept.append(b)
    return kept


def _own_heading(doc, text: str) -> bool:
    """The page prints the text as a heading element of its own, in no link: a subhead that a link elsewhere
    repeats (a live page's "Key events" list, a table of contents links to its entries' headings), not a
    teaser card's headline (which is the card's link or inside it)."""
    key = _norm(text)
    return any(_norm(h.text_content()) == key and next(h.iterancestors("a"), None) is None
               for h in doc.iter(*HEADLINE_TAGS[1:]))


BOX_WORDS = 60   # a box around a form field (a newsletter sign-up, a comment form) holds at most this many words
FIELD_TYPES = frozenset((None, "text", "email", "tel", "radio", "checkbox"))   # a reader answers in these
# an embedded post as its embed code prints it without scripts: its text, then "— Name (@handle) date"
EMBED_SIGNATURE = re.compile(r"[—–-]\s*[^()\n]{1,80}\(@\w{1,15}\)\s*(?:\S+\s*){0,6}$")


def _outside_boxes(blocks: list[Block], doc) -> list[Block]:
    """Without the paragraphs of a box around a form field (a newsletter sign-up between two of the article's
    paragraphs, "Sign up to …", its blurb, an e-mail field and a button) or of an embedded post (a tweet's
    text quoted by its embed code, which ends with the author's handle and a date). The box is the largest
    element around the field that holds at most BOX_WORDS words: an article has no field a reader types in.
    An element that holds the text's first paragraph is no box; nothing goes when half the words would."""
    if doc is None:
        return blocks
    boxes, fields = [], []
    for el in doc.iter("input", "textarea", "blockquote"):   # (one walk in C; an XPath took twice as long)
        if el.tag == "blockquote":
            text = " ".join(el.itertext()).strip()
            if "(@" in text and EMBED_SIGNATURE.search(text):
                boxes.append(_norm(text))
        elif el.tag == "textarea" or ((el.get("type") or "").lower() or None) in FIELD_TYPES:
            fields.append(el)
    for field in fields:
        box = None
        for el in field.iterancestors():
            if el.tag in ("body", "html"):
                break
            pieces, n = [], 0
            for piece in el.itertext():   # (text pieces, not text_content(): "<p>a.</p><p>B" is two words)
                pieces.append(piece)
                n += len(piece.split())
                if n > BOX_WORDS:
                    break
            if n > BOX_WORDS:
                break
            box = " ".join(pieces)
        if box:
            boxes.append(_norm(box))
    boxes = [f" {b} " for b in boxes if b]
    if not boxes:
        return blocks

    def boxed(text: str) -> bool:
        # whole words, two at least: a one-word subhead ("Sport") is no proof of a box ("Transport, Sport, …")
        key = _norm(text)
        return " " in key and any(f" {key} " in b for b in boxes)

    first = next((b for b in blocks if b.kind == "paragraph"), None)
    if first is None:
        return blocks
    opening = f" {_norm(first.text)} "
    boxes = [b for b in boxes if opening not in b]   # (an element holding the text's first paragraph is no box)
    kept = [b for b in blocks if b.kind == "list" or not boxed(b.text)]
    if len(kept) == len(blocks) or _words(kept, None) < _words(blocks, None) / 2:
        return blocks
    return kept


# A heading that opens the readers' comments, in the languages of news pages, with a count before or after
# ("Kommentare (34)", "3 comments:", "Show comments (12)", "12 Responses to “…”", "Readers' views (6)").
_COMMENT_WORDS = (r"comments?|kommentare?|leserkommentare|leserbriefe|kommentarer|commentaires?|commenti|"
                  r"comentarios?|comentários?|reacties|комментари[йия]|komentarze|komentáře|komentar|yorumlar|"
                  r"diskuse|diskuze|diskusia|dyskusja")   # (Czech, Slovak and Polish sites head their readers' threads so)
_QUOTE = "[\"'“„«‘]"
COMMENTS_HEADING = re.compile(
    rf"^\W*(?:\d+\s+)?(?:(?:show|view|read|see|all|leave\s+a|post\s+a|add\s+a|your|readers?['’]?s?)\s+)*"
    rf"(?:{_COMMENT_WORDS})\b(?:\s+(?:to|on|zu|zum|sur)\s+{_QUOTE}.*)?[\W\d]*$"
    r"|^\W*\d+\s+(?:responses?|replies|reactions|réactions)\b.*$"
    r"|^\W*(?:readers?['’]?s?\s+views|your\s+views|have\s+your\s+say|leave\s+a\s+(?:reply|comment))\b[\W\d]*$",
    re.IGNORECASE)


def _comments_heading(block: Block) -> bool:
    text = block.text or ""
    return block.kind != "list" and len(text.split()) <= 12 and COMMENTS_HEADING.match(text) is not None


def _cut_at_comments(blocks: list[Block]) -> list[Block]:
    """The article ends at a heading that opens the readers' comments (past the first fifth of the text:
    a comment thread is often longer than the article)."""
    marks = [n for n, b in enumerate(blocks) if n and _comments_heading(b)]
    if not marks:
        return blocks
    words = [word_count(b.text or " ".join(b.items)) for b in blocks]
    total = sum(words)
    at = next((n for n in marks if sum(words[:n]) >= total / 5), None)
    return blocks[:at] if at is not None else blocks


COMMENT_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BOLD_HEADING_TAGS = ("b", "strong")


def _comment_headings(body) -> list:
    """The page's headings of readers' comments, in document order (not inside a link: a teaser's "12
    Comments"). Only <h1>-<h6>: the same rule over <p>, <div>, <dt>, <td> and <legend> too gave 0.001 more
    on the older-markup simulation and cost 2 ms a page (their text searched for the words in Python)."""
    from briefgen.ingest.density import BLOCK

    marks = []
    for el in body.iter(*COMMENT_HEADING_TAGS, *BOLD_HEADING_TAGS):
        text = " ".join(el.text_content().split())
        if text and len(text.split()) <= 12 and COMMENTS_HEADING.match(text) \
                and not any(a.tag == "a" for a in el.iterancestors()):
            if el.tag in BOLD_HEADING_TAGS:
                # a bold line that is its block's whole text is an older page's heading ("<td><b>3 Comments:</b>"),
                # and so is one that is its block's first line, ended by a <br> ("<td><b>Reader comments (12)</b>
                # <br><font>Comments are the opinions of their authors.</font>": the heading and its note in one cell)
                block = next((a for a in el.iterancestors() if a.tag in BLOCK), None)
                if block is None:
                    continue
                whole = " ".join(block.text_content().split())
                if whole != text and not (whole.startswith(text) and _ends_line(el)):
                    continue
            marks.append(el)
    return marks


def _ends_line(el) -> bool:
    """Whether a <br> follows the element, with nothing but white space between."""
    after = el.getnext()
    return after is not None and after.tag == "br" and not (el.tail or "").strip()


def _before_page_comments(blocks: list[Block], doc) -> list[Block]:
    """The text up to the page's heading of its readers' comments ("11 Responses to …", "Комментарии (4)",
    "3 comentários", "Leave a Reply"), found in the page itself: trafilatura leaves out such headings (and
    whole threads, when their class names say "comment"), but on a page that does not name them it keeps
    the comments' paragraphs, which then read as the article's. The blocks from the first one found only
    after the heading on are cut, when what comes before is at least a fifth of the text."""
    # the first such block past the first fifth of the text, when most of the text above it is not only
    # after the heading too: trafilatura may have put a line from the page's foot (a copyright line) among
    # the menu items at the top, but a text read wholly from below the heading (a cookie table at the
    # page's end) is no article followed by its comments
    return _cut_below(blocks, doc, _comment_headings, most_above=True)


NEXT_STORY_REACH = 6   # elements after a later <h1> (document order) that may hold its story's date line


def _next_stories(body) -> list:
    """The page's later <h1>s that open another story: an endless-scroll page prints the next articles below
    the one asked for, each with its headline and, a few elements below it, its date line (a block of at most
    STAMP_WORDS words naming a day). The first <h1> is the page's own."""
    h1s = [el for el in body.iter("h1") if _text(el)]
    out = []
    for h1 in h1s[1:]:
        for el in h1.xpath(f"following::*[position() <= {NEXT_STORY_REACH}]"):
            line = _text(el)
            if line and len(line.split()) <= STAMP_WORDS and _has_day(line):
                out.append(h1)
                break
    return out


def _before_next_story(blocks: list[Block], doc) -> list[Block]:
    """The text up to the next story the page prints below its article (_next_stories): the blocks from the
    first one found only after that story's headline on are cut, when what comes before is at least a fifth of
    the text (as for the page's comment heading, _before_page_comments). Only the first story whose headline
    stands below the text's start counts (a blog's name in an <h1> above the post's own <h1> does not)."""
    return _cut_below(blocks, doc, _next_stories, starts_above=True)


def _cut_below(blocks: list[Block], doc, find_marks, *, most_above: bool = False,
               starts_above: bool = False) -> list[Block]:
    """The blocks up to the first one, past the first fifth of the text, that the page prints only after one
    of the elements `find_marks(body)` gives (in their order). most_above: and only when at most half of the
    text above it is also printed only after the mark. starts_above: a mark counts only when the text's first
    block is printed before it, and only the first such mark is tried."""
    body = _body(doc) if doc is not None else None
    if body is None or len(blocks) < 2:
        return blocks
    marks = find_marks(body)
    if not marks:
        return blocks
    words = [word_count(b.text or " ".join(b.items)) for b in blocks]
    keys = [_squeeze(b.text or " ".join(b.items)) for b in blocks]
    total = sum(words)
    first = next((k for k in keys if k), "")
    for mark in marks:
        before, after = _split_text(body, mark)
        if starts_above and first not in before:
            continue
        seen = seen_after = 0
        for n, key in enumerate(keys):
            only_after = bool(key) and key in after and key not in before
            if n and only_after and seen >= total / 5 and (not most_above or seen_after <= seen / 2):
                return blocks[:n]
            seen += words[n]
            seen_after += words[n] if only_after else 0
        if starts_above:
            break
    return blocks


# A stamp: a time of day (a comment's or forum post's header line: "Tue Nov 04, 2014 9:12 am").
STAMP = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])(?:\s*([ap])\.?m\b)?", re.IGNORECASE)
_TIMED_TEXTS = XPath("//body//text()[contains(., ':') and string-length() < 240]"
                     "[not(parent::script or parent::style or parent::noscript or parent::template)]")
_DATED_TEXTS = XPath("//body//text()[contains(., '20') or contains(., '19')][string-length() < 240]"
                     "[not(parent::script or parent::style or parent::noscript or parent::template)]")
STAMP_WORDS = 16        # a stamp line has at most this many words
RECORD_KEY = 60         # characters of a block's start looked up in the page's text
MAX_RECORDS = 40


def _stamp_blocks(body) -> list:
    """The page's stamp lines (a block of at most STAMP_WORDS words holding a time of day, or a block whose
    first line is such a stamp: "<div><span>Name</span> <span>16.06.2010 12:40</span><br>A long comment …"),
    not inside a link, in document order; none when there are more than MAX_RECORDS."""
    return _short_blocks(_TIMED_TEXTS(body), lambda text: STAMP.search(text) is not None,
                         lambda el: len(el.text_content().split()) <= STAMP_WORDS or _first_line_stamp(el))


def _first_line_stamp(el) -> bool:
    """Whether a block opens with a line of at most STAMP_WORDS words holding a time of day: its text up to
    its first <br> or block element, which must follow (a record's header line, then its prose)."""
    from briefgen.ingest.density import BLOCK

    parts = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        if child.tag == "br" or child.tag in BLOCK:
            line = " ".join("".join(parts).split())
            return bool(line) and len(line.split()) <= STAMP_WORDS and STAMP.search(line) is not None
        parts += [child.text_content(), child.tail or ""]
    return False


def _short_blocks(texts, hit, keep) -> list:
    """The blocks holding a text that `hit`s, once each and in document order, that `keep` accepts and sit
    in no link (a link's date is a teaser's or an archive's); none when there are more than MAX_RECORDS."""
    from briefgen.ingest.density import BLOCK

    out: list = []
    seen: set = set()
    for text in texts:
        if not hit(text):
            continue
        el = text.getparent()
        if text.is_tail:
            el = el.getparent()
        while el is not None and el.tag not in BLOCK:
            el = el.getparent()
        if el is None or el in seen:
            continue
        seen.add(el)
        if keep(el) and not any(a.tag == "a" for a in el.iterancestors()):
            out.append(el)
        if len(out) > MAX_RECORDS:
            return []
    return out


def _minutes(line: str) -> int:
    """The time of day a stamp line gives, in minutes ("1:05 pm" is 13:05)."""
    m = STAMP.search(line)
    hour, minute, half = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    return hour * 60 + minute


def _stamp_time(el) -> tuple:
    """When a stamp line was written, to order records: its day (when it gives one) and time of day, read
    from its text with a space between its elements (a stamp glued to a comment that opens with a number,
    "08:12</span><br>184 …", is no "08:12184")."""
    line = _spaced(el)
    return (_stamp_day(el), _minutes(line))


def _in_order(times: list[tuple]) -> list:
    """The records' times as compared: day and time of day when every record gives its day (forum posts
    over two days: "Sat 1:47 pm" comes before "Sun 9:05 am"), else the time of day alone."""
    return times if all(day is not None for day, _ in times) else [minutes for _, minutes in times]


def _before_comment_records(blocks: list[Block], doc) -> list[Block]:
    """The text up to readers' comments that no heading announces (a phpBB thread's replies, Drupal's
    "Submitted by … on …" comments): records of a stamp line and its prose. The text is split at the
    page's stamp lines; the record holding most words is the article; when two records or more follow it,
    each with at most half its words, they are comments and go, unless their times run newest first (a
    live blog's entries, which share the shape). Comments dated by day only ("Posted by Gerry on March 3,
    2009") are looked for when no time of day splits the text: then three records or more must follow, their
    days in order, none before the article's own. Run only when the text is doubtful (_doubtful)."""
    body = _body(doc) if doc is not None else None
    if body is None or len(blocks) < 3:
        return blocks
    kept = _records_cut(blocks, body, _stamp_blocks(body), 2, _stamp_time, newest_first_kept=True)
    if kept is not None:
        return kept
    kept = _records_cut(blocks, body, _day_stamp_blocks(body), DAY_RECORDS, _stamp_day, prose=RECORD_PROSE)
    return kept if kept is not None else blocks


def _records_cut(blocks: list[Block], body, stamps: list, least: int, when, newest_first_kept: bool = False,
                 prose: int = 1):
    """The blocks before the records that follow the article's (see _before_comment_records), or None when
    the stamps do not split the text so."""
    if len(stamps) < least:
        return None
    words = [word_count(b.text or " ".join(b.items)) for b in blocks]
    # a block is looked up by its start, spaces made single (squeezing the whole page's text took ~20 ms)
    keys = [" ".join((b.text or " ".join(b.items)).split())[:RECORD_KEY] for b in blocks]
    offsets, text = _places(body, stamps)
    # each block is looked for after the one before it (trafilatura's text is in the page's order): a short
    # line the page repeats ("Back to top", the site's name in its footer) is its first place from there on,
    # not its last; a block not found there is looked for anywhere
    record, start = [], 0
    for key in keys:
        at = text.find(key, start) if key else -1
        if at >= 0:
            start = at + len(key)
        elif key:
            at = text.rfind(key)
        record.append(sum(1 for o in offsets if at >= o) - 1)
    sizes: dict[int, int] = {}
    for r, w in zip(record, words):
        sizes[r] = sizes.get(r, 0) + w
    art = max(sizes, key=sizes.get)
    later = [r for r in sizes if r > art and sizes[r] >= prose]
    if len(later) < least or any(sizes[r] * 2 > sizes[art] for r in later):
        return None
    times = [when(stamps[r]) for r in later]
    if newest_first_kept:
        if all(a >= b for a, b in pairwise(_in_order(times))):
            return blocks   # newest first: a live blog's entries, not comments
    elif None in times or any(a > b for a, b in pairwise(times)) \
            or (art >= 0 and (own := when(stamps[art])) is not None and times[0] < own):
        return None         # days out of order, or before the article's: a chronology, not comments
    cut = next(n for n, r in enumerate(record) if r > art)
    return blocks[:cut] if _words(blocks[:cut], None) >= MIN_BODY_WORDS else blocks


RECORD_PROSE = 5        # words of a record dated by day that make it a comment (not a heading after a date)
DAY_RECORDS = 3         # records dated by day only after the article's that make a comment thread
DAY_STAMP_WORDS = 5     # words of a day stamp besides its date (a name, "Posted by", a place)
_FULL_YEAR = re.compile(rf"(?<!\d){dates.YEAR}(?!\d)")   # the date readers' four-digit year


def _day_stamp_blocks(body) -> list:
    """The page's day stamps: blocks of at most STAMP_WORDS words holding a full date and at most
    DAY_STAMP_WORDS other words, not inside a link, in document order; none when more than MAX_RECORDS."""
    def keep(el) -> bool:
        line = _spaced(el)
        return len(line.split()) <= STAMP_WORDS and dates.other_words(line) <= DAY_STAMP_WORDS \
            and _stamp_day(el) is not None

    return _short_blocks(_DATED_TEXTS(body), lambda text: _FULL_YEAR.search(text) is not None, keep)


def _spaced(el) -> str:
    """An element's text with a space between its elements' texts ("<cite>Pam</cite><a>May 3, 2012</a>")."""
    return " ".join(" ".join(el.itertext()).split())


def _stamp_day(el):
    """The full date a stamp line gives, or None."""
    try:
        found = dates._find_day(_spaced(el))
    except dates.DateError:
        return None
    return found[0] if found else None


GAP_TAGS = frozenset(("p", "h2", "h3", "h4", "h5", "h6", "ul", "ol"))
GAP_LINK_SHARE = 0.3    # a block between two paragraphs with more link text is a teaser or a "read also"
GAP_START_CHARS = 200   # characters of a <p>'s text squeezed to index it
GAP_KNOWN_CHARS = 40    # letters of a block found anywhere in the kept text: kept already; a shorter one must
#                         start or end a kept block
_NOT_TEXT = frozenset(("script", "style", "noscript", "iframe", "img", "picture", "video", "figure",
                       "figcaption", "form", "input", "button", "svg"))


def _with_gaps(blocks: list[Block], doc, paragraphs: bool = True, closing: list[str] | None = None) -> list[Block]:
    """With the subheads, lists and short paragraphs that the page sets between two of the article's
    paragraphs, as their siblings, and that trafilatura's text leaves out (without class names it takes
    a blog's <h3> and <ul> for navigation): what stands between two paragraphs of one parent is the
    article's, unless it is mostly link text."""
    body = _body(doc) if doc is not None else None
    if body is None or len(blocks) < 2:
        return blocks
    # the page's <p>s by the first letters of their text (squeezing only a text's start: ~1 ms a page less);
    # a block's element is the first <p> of its whole text
    starts: dict[str, list] = {}
    for el in body.iter("p"):
        text = el.text_content()
        key = _squeeze(text[:GAP_START_CHARS])
        if len(key) < 20 and len(text) > GAP_START_CHARS:
            key = _squeeze(text)
        if len(key) >= 20:
            starts.setdefault(key[:20], []).append((el, text))

    def element(key: str):
        if len(key) < 20:
            return None
        return next((el for el, text in starts.get(key[:20], ())
                     if _squeeze(text[-GAP_START_CHARS:]).endswith(key[-20:]) and _squeeze(text) == key), None)

    keys = [[_squeeze(t) for t in (b.items if b.kind == "list" else (b.text,))] for b in blocks]
    kept = [k for ks in keys for k in ks if k]
    have = (" ".join(kept), kept)
    at = [element(ks[0]) if b.kind == "paragraph" else None for b, ks in zip(blocks, keys, strict=True)]
    matched = [n for n in range(len(blocks)) if at[n] is not None]
    adds: dict[int, list[Block]] = {}
    chain = matched[:1]   # the text's first paragraph and those linked to it pair by pair (_between)
    taken: set = set()    # (a page's order unlike the text's may put one element between two pairs)
    for n, m in pairwise(matched):
        el, end = at[n], at[m]
        found: list[Block] = []
        if (between := _between(el, end)) is None:
            continue
        if chain[-1] == n:
            chain.append(m)
        for sib in between:
            if sib in taken:
                continue
            taken.add(sib)
            block = _gap_block(sib, have) if paragraphs or sib.tag != "p" else None
            if block is not None:
                found.append(block)
        if found:
            adds[m] = found   # (before the next paragraph: after what trafilatura kept between the two)
    if matched and (lead := _leading_blocks(at[matched[0]], have)):
        adds[matched[0]] = lead + adds.get(matched[0], [])
    # the closing blocks after the last of the text's paragraphs in the page's main run, set right after it
    # (before what trafilatura kept further down: a teaser's summary may be the last <p> matched)
    box = _main_run_box(body)
    last = next((n for n in reversed(matched) if box and _run_child(at[n], box[0]) is not None), None)
    if len(chain) > 1 and not any(box and _run_child(at[n], box[0]) is not None for n in chain):
        # the page's main run holds none of the run of the text's first paragraph and those linked to it (a
        # short page whose footer has more <p> text than its one-paragraph intro): the walk starts after the
        # last of that run, going up through its boxes to the one that holds the whole run
        last = chain[-1]
        top = _common_box([at[n] for n in chain])
        tail, lists = _closing_blocks(at[last], have, top) if top is not None else ([], [])
    elif last is not None:
        tail, lists = _closing_blocks(_run_child(at[last], box[0]), have)
    else:
        tail, lists = [], []
    if closing is not None:
        closing += lists   # (step trailing keeps them)
    if not adds and not tail:
        return blocks
    return [x for n, b in enumerate(blocks) for x in (*adds.get(n, ()), b, *(tail if n == last else ()))]


GAP_DEPTH = 3   # levels above each of two paragraphs where the box that holds both may be (a live page's entry:
#                 <div class="updates"><article><div class="body"><p>; a how-to's step: <ol><li><h3/><p>)


def _between(el, end) -> list | None:
    """The elements between two paragraphs that one box holds at most GAP_DEPTH levels above each, in the
    page's order: the box's children between the two paragraphs' (or their boxes'), each as the one element a
    wrapper holds (_unwrapped: a <div> around a subhead), then the headings that open the second's boxes and the
    second itself (a subhead that opens the next entry's or step's box). None when no such box holds both or
    the second is not after the first."""
    up = [el, *islice(el.iterancestors(), GAP_DEPTH)]
    down = [end, *islice(end.iterancestors(), GAP_DEPTH)]
    common = next((i for i in range(1, len(up)) if up[i] in down), None)
    if common is None:
        return None
    j = down.index(up[common])
    first, last = up[common - 1], down[j - 1]
    middle = []
    sib = first.getnext()
    while sib is not None and sib is not last:
        middle.append(_unwrapped(sib))
        sib = sib.getnext()
    if sib is None:
        return None
    return middle + [h for node in reversed(down[:j - 1]) for h in _opening_headings(node)]


WRAPPERS = frozenset(("div", "section", "header", "span"))
WRAP_DEPTH = 2   # wrappers around one element (<div><h2>Subhead</h2></div>, a CMS's block boxes)


def _unwrapped(el):
    """The one element a wrapper (WRAPPERS, no text of its own) holds, at most WRAP_DEPTH wrappers in: a <div>
    around a subhead stands between two paragraphs as the subhead does; else the element itself."""
    for _ in range(WRAP_DEPTH):
        if el.tag not in WRAPPERS or len(el) != 1 or (el.text or "").strip() or (el[0].tail or "").strip() \
                or not isinstance(el[0].tag, str):
            break
        el = el[0]
    return el


LEAD_DEPTH = 2          # boxes the text's first paragraph may open, above which its key points may stand
KEY_POINT_WORDS = 6     # words an item of a key points list has on average (a sentence: no tags, no byline)
LABEL_WORDS = 5         # words of a label over that list ("In Kürze:", "Story highlights:")


def _leading_blocks(first, have: tuple[str, list[str]]) -> list[Block]:
    """The key points a page sets right before the text's first paragraph, which trafilatura's text leaves out
    (a tabloid's or a wire story's bullet summary, "Story highlights", "Das Wichtigste in Kürze:"): the list
    that is the paragraph's previous text block (in its box, or before the boxes it opens, LEAD_DEPTH up), of
    sentences (KEY_POINT_WORDS on average) and at most GAP_LINK_SHARE link text, with the heading or the
    short label ending in a colon set right over it."""
    el = first
    for _ in range(LEAD_DEPTH + 1):
        prev = el.getprevious()
        while prev is not None and (not isinstance(prev.tag, str) or prev.tag in _UNSHOWN
                                    or not prev.text_content().strip()):
            prev = prev.getprevious()
        if prev is not None:
            break
        el = el.getparent()
        if el is None:
            return []
    if prev is None:
        return []
    block = _gap_element(_unwrapped(prev))
    if block is None or block.kind != "list" or _known(block, have) \
            or sum(len(i.split()) for i in block.items) < KEY_POINT_WORDS * len(block.items):
        return []
    over = prev.getprevious()
    while over is not None and (not isinstance(over.tag, str) or not over.text_content().strip()):
        over = over.getprevious()
    label = " ".join(over.text_content().split()) if over is not None else ""
    if label and (over.tag in HEADLINE_TAGS[1:] or (len(label.split()) <= LABEL_WORDS and label.endswith(":")
                                                    and not any(True for _ in over.iter("a")))):
        return [Block("heading", label), block]
    return [block]


def _opening_headings(el) -> list:
    """The headings before `el` in its parent when no paragraph, list or table with text stands before it
    there: the subheads that open the box whose first text block `el` is (a step's <h3> in its <li>, a live
    entry's <h3>, a listicle item's <h2> over its photo and rating boxes); none when a list or a paragraph comes
    first (a fact box's heading, list and source line)."""
    out = []
    for sib in el.itersiblings(preceding=True):
        if (inner := _unwrapped(sib)).tag in HEADLINE_TAGS[1:]:
            out.append(inner)   # (an entry's heading in a box of its own: <div class="entry-title"><h3>)
        elif sib.tag in TEXT_BLOCK_TAGS and sib.text_content().strip():
            return []
    return out[::-1]


TEXT_BLOCK_TAGS = frozenset(("p", "ul", "ol", "dl", "table", "blockquote", "pre"))


# a template's placeholder a CMS left unfilled ("$$ARTICLEAD$$" where an advert goes, "{{ author_name }}"): a
# token of letters, digits, "_", "." and "-" between two "$$" or inside "{{ }}", never article text
PLACEHOLDER = re.compile(r"\$\$[A-Za-z][\w.-]*\$\$|\{\{\s*[A-Za-z_][\w.-]*\s*\}\}")


def _without_placeholders(blocks: list[Block]) -> list[Block]:
    """The blocks without template placeholders (PLACEHOLDER); a block of nothing else goes."""
    if not any(("$$" in b.text or "{{" in b.text) if b.kind != "list" else any("$$" in i or "{{" in i for i in b.items)
               for b in blocks):
        return blocks
    def unfilled(text: str) -> str:
        return " ".join(PLACEHOLDER.sub(" ", text).split()) if PLACEHOLDER.search(text) else text

    out = []
    for b in blocks:
        if b.kind == "list":
            items = tuple(t for i in b.items if (t := unfilled(i)))
            if items:
                out.append(b if items == b.items else Block("list", items=items))
        elif text := unfilled(b.text):
            out.append(b if text == b.text else replace(b, text=text))
    return out


def _run_child(p, run):
    """The child of the main run's element that is or wraps the <p> (_main_run counts a <div> around one <p>)."""
    parent = p.getparent()
    if parent is run:
        return p
    return parent if parent is not None and len(parent) == 1 and parent.getparent() is run else None


CLOSING_DEPTH = 2   # boxes entered after the text's last paragraph (<div class="goodbad"><div class="good">)
_CLOSING_STOP = frozenset(("form", "input", "button", "select", "textarea", "table", "iframe", *_NOT_TEXT))


def _common_box(els: list):
    """The innermost element that holds all of `els` (None when that is more than GAP_DEPTH levels above any)."""
    boxes = [el for el in islice(els[0].iterancestors(), GAP_DEPTH)]
    for other in els[1:]:
        mine = set(islice(other.iterancestors(), GAP_DEPTH))
        boxes = [b for b in boxes if b in mine]
    return boxes[0] if boxes else None


def _closing_blocks(last, have: tuple[str, list[str]], top=None) -> tuple[list[Block], list[str]]:
    """The subheads and lists that close the article after its last paragraph, as that paragraph's siblings
    (a review's 'Good' / 'Bad' lists, a match report's 'Player ratings'), which trafilatura's text leaves out as
    it leaves out those between two paragraphs (step gaps): (those it left out, the squeezed items of every list
    of them, which step trailing keeps). The walk ends at the parent's end, at a paragraph, at a table, and at a box or list that holds a
    form field or an image or is mostly link text (a tag list, a 'Read more' box, a newsletter sign-up); a box
    without those is read inside (at most CLOSING_DEPTH deep), one without text is passed over. A list counts
    only under a heading (a list that closes a text on its own is a sources, app or paywall list more often than
    the article's: de-freiepresse, de-wdr, en-nature), and a heading only with a list under it. `top`: a box
    that holds `last` some levels up; a walk that reaches the end of `last`'s parent goes on after the parent,
    up to the children of `top` (a how-to's last step in its <li>, then the tips after the <ol>)."""
    walked: list[Block] = []

    def walk(el, depth: int) -> bool:   # False: stop
        while el is not None:
            tag = el.tag
            if not isinstance(tag, str) or tag in ("script", "style", "noscript", "template", "br", "hr"):
                pass
            elif tag in ("h2", "h3", "h4", "h5", "h6", "ul", "ol"):
                block = _gap_element(el)
                if block is None or (block.kind == "list" and (not walked or walked[-1].kind != "heading")):
                    return False
                walked.append(block)
            elif tag in ("div", "section", "aside", "span") and depth < CLOSING_DEPTH:
                if any(x.tag in _CLOSING_STOP for x in el.iter()):
                    return False
                text = " ".join(el.text_content().split())
                if not text:
                    pass       # an image, an advert's empty slot
                elif (el.text or "").strip() or any((x.tail or "").strip() for x in el):
                    return False   # a box's own line (a byline, a 'Buy it' label)
                elif sum(len(a.text_content()) for a in el.iter("a")) > GAP_LINK_SHARE * len(text):
                    return False
                elif not walk(el[0] if len(el) else None, depth + 1):
                    return False
            elif not el.text_content().strip() and tag not in _CLOSING_STOP:
                pass
            else:
                return False
            el = el.getnext()
        return True

    while walk(last.getnext(), 0) and top is not None and (parent := last.getparent()) is not None \
            and parent is not top:
        last = parent
    while walked and walked[-1].kind == "heading":
        walked.pop()
    found = [b for b in walked if not _known(b, have)]
    return found, [_squeeze(" ".join(b.items)) for b in walked if b.kind == "list"]


CONTINUE_WORDS = 60   # words that may stand between two parts of a body (an advert's label, a related box)
_FOLLOWING = XPath("following::*[position() <= 400]")   # (the elements after one, its own left out)
# the class or id of an element that holds readers' comments
_COMMENT_BOX = re.compile(r"comment|kommentar|reactie|repl(?:y|ies)|respons|discus|disqus|guestbook", re.IGNORECASE)


def _continued(blocks: list[Block], doc) -> list[Block]:
    """With the rest of a body that the page splits around an advert or a related box: the elements after the
    container of the text's last paragraph, in the page's order, with the same tag and class as it (a CMS
    repeats its body element; trafilatura keeps the first). Read only when that paragraph is its container's
    last <p>; a part must hold a sentence the text does not have yet, and at most CONTINUE_WORDS words of other
    text stand between two parts."""
    body = _body(doc) if doc is not None else None
    last = next((b for b in reversed(blocks) if b.kind == "paragraph"), None)
    if body is None or last is None or len(blocks) < 2:
        return blocks
    key = _squeeze(last.text)
    el = next((p for p in body.iter("p") if _squeeze(p.text_content()) == key), None) if len(key) >= 20 else None
    box = el.getparent() if el is not None else None
    if box is None or not box.get("class") or any(x.tag == "p" for x in el.itersiblings()):
        return blocks
    kept = [k for b in blocks for t in (b.items if b.kind == "list" else (b.text,)) if (k := _squeeze(t))]
    have = (" ".join(kept), kept)
    added: list[Block] = []
    between, part = 0, frozenset()
    for node in _FOLLOWING(box):
        if node in part or node.tag in ("script", "style", "noscript"):
            continue       # (an advert's script is no text between two parts)
        if node.tag == "h1" or _COMMENT_BOX.search(f"{node.get('class', '')} {node.get('id', '')}"):
            break          # another story's headline (an endless-scroll page's next article, in the same body
            #                class); readers' comments (Drupal sets each comment's text in the body's own class)
        if node.tag == box.tag and node.get("class") == box.get("class"):
            found = [b for child in node if (b := _gap_block(child, have)) is not None]
            if not any(b.kind == "paragraph" and is_sentence(b.text, _word_count(b.text)) for b in found):
                break
            added += found
            between, part = 0, frozenset(node.iter())
            continue
        between += sum(len(t.split()) for t in (node.text, node.tail) if t)
        if between > CONTINUE_WORDS:
            break
    return blocks + added if added else blocks


def _gap_block(el, have: tuple[str, list[str]]) -> Block | None:
    """The block of a subhead, list or paragraph element that trafilatura's text has not kept, or None (also
    for one mostly of link text or holding an image, a video, a form)."""
    block = _gap_element(el)
    return None if block is None or _known(block, have) else block


def _gap_element(el) -> Block | None:
    """The block of a subhead, list or paragraph element, or None when it is mostly link text or holds an
    image, a video, a form (_NOT_TEXT)."""
    tag = el.tag
    if tag not in GAP_TAGS or any(x.tag in _NOT_TEXT for x in el.iter()):
        return None
    if tag in ("ul", "ol"):
        items = [i for li in el if li.tag == "li" and (i := " ".join(li.text_content().split()))]
        links = sum(len(a.text_content()) for a in el.iter("a"))
        total = sum(map(len, items))
        if not items or links > GAP_LINK_SHARE * total:
            return None
        return Block("list", items=tuple(items))
    text = " ".join(el.text_content().split())
    if not _squeeze(text) or sum(len(a.text_content()) for a in el.iter("a")) > GAP_LINK_SHARE * len(text):
        return None
    return Block("heading" if tag[0] == "h" else "paragraph", text)


def _known(block: Block, have: tuple[str, list[str]]) -> bool:
    """Whether trafilatura's text holds the block (a list: any of its items) already: inside what it kept, or
    holding a kept block; a short subhead ("Turnos de riego") is only known as a kept block's start or end, as
    its words may recur inside the next paragraph."""
    joined, kept = have

    def known(key: str) -> bool:
        if len(key) >= GAP_KNOWN_CHARS:
            return key in joined or any((len(k) >= 20 and k in key) or k[:GAP_KNOWN_CHARS] == key[:GAP_KNOWN_CHARS]
                                        for k in kept)
        return any(k.startswith(key) or k.endswith(key) or (len(k) >= 20 and k in key) for k in kept)

    return any(known(_squeeze(t)) for t in (block.items if block.kind == "list" else (block.text,)))


_MARK = "\u2063\u2063"   # (invisible separators: a place in the page's text)


def _places(body, marks: list) -> tuple[list[int], str]:
    """The page's text with its spaces made single, and where each of the elements `marks` (in document
    order) begins in it."""
    olds = [m.text for m in marks]
    for m, old in zip(marks, olds):
        m.text = _MARK + (old or "")
    try:
        parts = _shown_text(body).split(_MARK)
    finally:
        for m, old in zip(marks, olds):
            m.text = old
    squeezed = [" ".join(p.split()) + " " for p in parts]
    offsets, at = [], 0
    for part in squeezed[:-1]:
        at += len(part)
        offsets.append(at)
    return offsets, "".join(squeezed)


_UNSHOWN = ("script", "style", "noscript", "template")
# What lxml refuses to be given as text although its HTML parser keeps it (control characters, U+FFFE/FFFF)
_NOT_SETTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _shown_text(el) -> str:
    """An element's text without its scripts' and styles' (a big page holds ~70 K characters of script
    text, which cost time to search and may repeat the article's text as data). A script whose text could not
    be put back (_NOT_SETTABLE) stays in: hiding it would change the page for the steps after this one."""
    hidden = [(x, x.text) for x in el.iter(*_UNSHOWN) if x.text and not _NOT_SETTABLE.search(x.text)]
    for x, _ in hidden:
        x.text = None
    try:
        return el.text_content()
    finally:
        for x, text in hidden:
            x.text = text


def _split_text(body, mark) -> tuple[str, str]:
    """The page's text before an element and from it on, squeezed (_squeeze)."""
    old = mark.text
    mark.text = _MARK + (old or "")
    try:
        text = _shown_text(body)
    finally:
        mark.text = old
    at = text.find(_MARK)
    return _squeeze(text[:at]), _squeeze(text[at:])


def _closing(block: Block, closing: list[str]) -> bool:
    key = _squeeze(" ".join(block.items))
    return bool(key) and any(key in k for k in closing)


def _link_list(block: Block) -> bool:
    return len(block.items) >= 2 and all(_headline_like(item) for item in block.items)


RULE_LINE = re.compile(r"[_=~*\-–—]{3,}")   # a line drawn in characters: "_________________", "-----"
SIGNATURE_WORDS = 40    # words after a drawn line at the text's end that make a signature


def _before_signature(blocks: list[Block]) -> list[Block]:
    """Without a signature: a line drawn in characters with at most SIGNATURE_WORDS words after it to the
    end, and twice as many before it (a forum post's "_________________" and its poster's signature)."""
    for n in range(len(blocks) - 1, 0, -1):
        b = blocks[n]
        if b.kind == "paragraph" and RULE_LINE.fullmatch(b.text.replace(" ", "")):
            after = _words(blocks[n + 1:], None)
            if after <= SIGNATURE_WORDS and _words(blocks[:n], None) >= max(MIN_BODY_WORDS, 2 * after):
                return blocks[:n]
    return blocks


def _cut_at_end_marker(blocks: list[Block]) -> list[Block]:
    """'Reporting by …', 'Mehr zum Thema': an end-of-article phrase in the last third ends the text."""
    lex = meta.lexicon()
    for n in range(len(blocks) * 2 // 3, len(blocks)):
        if blocks[n].kind != "list" and meta.matches(key_of(blocks[n].text), lex.end, 60):
            return blocks[:n]
    return blocks


# Sentence ends of every script (CJK full stops, the Arabic question mark, the Devanagari danda).
SENTENCE_END = re.compile(r"[.!?…:;。！？؟।][\"'»«”“’)\]）」』]*\s*$")


def _headline_like(text: str) -> bool:
    words = word_count(text)
    return words <= 15 and not is_sentence(text, words) and not (words >= 6 and SENTENCE_END.search(text))


def _question_between(blocks: list[Block], n: int) -> bool:
    """A short question between two paragraphs of prose: an interview's question, not a caption; or a short
    question after prose answered by a short sentence ("Q: Do you get stung?" / "A: Yes. Not often."), and
    that answer."""
    if n and _asked(blocks, n - 1) and blocks[n].kind == "paragraph" and SENTENCE_END.search(blocks[n].text):
        return True   # the answer to a question kept
    return _asked(blocks, n)


def _asked(blocks: list[Block], n: int) -> bool:
    if not blocks[n].text.rstrip("*_ ").endswith("?") or n == 0 or n + 1 >= len(blocks):
        return False
    before, after = blocks[n - 1], blocks[n + 1]
    if before.kind != "paragraph" or after.kind != "paragraph" or not is_sentence(before.text, word_count(before.text)):
        return False
    answer = after.text.rstrip("*_ ")
    return is_sentence(after.text, word_count(after.text)) or (SENTENCE_END.search(answer) is not None
                                                                and not answer.endswith("?"))


def _before_list(blocks: list[Block], n: int) -> bool:
    return n + 1 < len(blocks) and blocks[n + 1].kind == "list"


def _clean(value: str | None) -> str | None:
    return " ".join(htmllib.unescape(value).split()) if value and value.strip() else None


def _norm(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def _same_start(a: str, b: str) -> bool:
    return _norm(a)[:80] == _norm(b)[:80]


def _dates(raw: RawArticle, md, doc=None, title: str | None = None, lang: str | None = None):
    """The page's own published and updated times (briefgen.ingest.html_dates); else the date printed by
    the headline (old pages have no machine-readable date); else the day in its permalink; else
    trafilatura's (searched only then: htmldate copies the whole tree), on the page without its dated
    lists: readers' comments and recent posts carry dates where htmldate reads ("comment-meta").
    (None, None) when the page shows no date at all."""
    def shown():   # the date printed by the headline: a UTC timestamp's local day (never a print edition's)
        return printed_date(doc, title, raw.text, lang, editions=False) if doc is not None and title else None

    published, updated = map(_or_none, page_dates(raw.text, None, shown))
    if published is None and doc is not None and title:
        published = _or_none(printed_date(doc, title, raw.text, lang))
    if published is None and (url_day := url_date(raw.text)) is not None:
        published = _or_none(url_day)   # a permalink ".../2011/03/02/slug/": the day the post went up
    if published is None and (fallback := getattr(md, "find_date", None)) and \
            (found := fallback(without_dated_lists(doc, raw.text, lang), lang)):
        published, updated = page_dates(raw.text, found)
        if published is not None and not (_in_range(published)
                                          and _shows_day(doc, raw.text, published.date(), lang)):
            published = updated = None   # a guess from a month ("February 2015", an archive's /2015/02/)
    if published is None:
        # the caller says so, with the rest of the article (UndatedError); a date after today or before the
        # earliest is no publication date, and no reason to refuse a page that holds an article (issue 11)
        return None, None
    return published, updated


def _shows_day(doc, page: str, day, lang: str | None) -> bool:
    """Whether the page gives `day` as a whole date somewhere: in its markup or addresses as digits
    ("2015-02-26", "2015/02/26", "20150226") or in a text of its own. htmldate's guess from a month
    alone (an archive's "February 2015" or "/2015/02/") gives the month's first day, which the page never
    shows: no date is better than that one (the file's day, with a warning)."""
    digits = (day.isoformat(), day.strftime("%Y/%m/%d"), day.strftime("%Y%m%d"), day.strftime("%Y.%m.%d"),
              day.strftime("%Y\\/%m\\/%d"), day.strftime("%Y%%2F%m%%2F%d"))   # (in JSON, URL-encoded)
    if any(d in page for d in digits):
        return True
    if doc is None or doc.body is None:
        return False
    year = str(day.year)
    for t in doc.body.xpath(".//text()"):
        text = " ".join(t.split())
        while year in text:   # every full date of the text, a sentence's too
            try:
                span = dates._find_day_span(text, None, lang)
            except dates.DateError:
                break
            if span is None:
                break
            if span[1] == day or (span[1].month, span[1].day) == (day.day, day.month):
                return True   # (a numeric date read in the other order counts: the day is shown)
            text = text[span[2]:]
    return False


def _or_none(d):
    """d when it is a date a page could carry (_in_range), else None."""
    return d if d is not None and _in_range(d) else None


def _in_range(d) -> bool:
    """A machine date a page could carry: not a CMS's empty value ("1970-01-01", "0001-01-01") nor one
    after today; such a date is no reason to refuse the page while it prints its date."""
    try:
        dates.check(d, None)
    except dates.DateError:
        return False
    return True


def without_dated_lists(doc, page: str, text_lang: str | None = None):
    """A copy of the page whose dated lists (a sidebar's recent posts, teaser cards, readers' comments:
    dates.listed over its short texts, running text and headings breaking a list: "3 Responses") are
    blanked, or None when it has none: what htmldate reads in their "meta" and "date" elements is none
    of them the article's."""
    import copy

    from briefgen.ingest.html_dates import page_locale, shown_texts

    if doc is None or doc.body is None:
        return None
    lang = page_locale(page) or text_lang
    nodes = [t for t in doc.body.xpath(".//text()") if t.strip()]
    order = dates.page_order(shown_texts(page), lang) or dates.page_order(nodes, lang)
    found, breaks = [], []
    for n, t in enumerate(nodes):
        text = " ".join(t.split())
        if len(text) > PRINTED_MAX or (not t.is_tail and t.getparent().tag in COMMENT_HEADING_TAGS):
            breaks.append(n)
        elif dates.has_day(text):
            try:
                day = dates.parse(text, lang=lang, order=order)
            except dates.DateError:
                continue
            if day is not None and not dates.counts_comments(text):   # a post's own footer line
                found.append((n, day.date()))
    items = dates.listed(found, PRINTED_LIST, breaks)
    if not items:
        return None
    page_copy = copy.deepcopy(doc)
    tree = doc.getroottree()
    for n in items:
        node = nodes[n]
        owner = page_copy.getroottree().xpath(tree.getpath(node.getparent()))
        if not owner:
            continue
        if node.is_tail:
            owner[0].tail = ""
        else:
            owner[0].text = ""
    return page_copy


PRINTED_AFTER, PRINTED_BEFORE = 20, 6   # text pieces after and before the headline read for its date
PRINTED_MAX = 120                        # characters: a longer text piece is running text, not a date line
PRINTED_LINE_OTHER = 4                   # a date line holds at most this many other words (dates.other_words)


def printed_date(doc, title: str, page: str, text_lang: str | None = None, editions: bool = True):
    """The date printed with the headline, among the short texts with day, month and year just after
    the element that shows the title and just before it: a date line (the date, its time and a few
    words: "Posted on March 8, 2011 by Ann") before a caption or sentence that holds a date, then the
    nearest, a text before the headline counting twice its distance (a byline below is the article's; a
    masthead's day or a teaser's date stands further off); a date labelled as the last update only
    when no other is printed; a poster's "Joined: …" never (dates.date_label). Numeric dates follow
    the page's own order (another numeric date on it with a field over 12: a comment's, a sidebar's),
    else its declared locale, else the language of its text (`text_lang`: an undeclared English page
    writes "03/02/2011" month first, as en's CLDR pattern does). A print edition's day ("Ausgabe vom …",
    often the day after the article went online) ranks with updates; without `editions`, never."""
    from briefgen.ingest.html_dates import page_locale, shown_texts

    if doc is None or doc.body is None:
        return None
    want = _squash(title)
    nodes = [t for t in doc.body.xpath(".//text()") if t.strip()]
    pieces = [str(t) for t in nodes]
    # the headline as the <h1> prints it, else its first text of its own (a breadcrumb's copy of the
    # title stands before the <h1>: the <h1> is the one the date line goes with)
    h1 = next((el for el in doc.body.iter("h1") if _squash(el.text_content()) == want), None)
    at = _last_piece_in(nodes, h1) if h1 is not None else \
        next((n for n, t in enumerate(pieces) if _squash(t) == want), None)
    if at is None:   # the headline in several text nodes ("<b>Kicker</b> Title"): its element
        el = next((el for el in doc.body.iter("h1", "h2", "h3", "b", "strong", "font", "div", "td", "span")
                   if _squash(el.text_content()) == want), None)
        if el is None and len(want) >= PRINTED_HEADLINE_KEY:   # a heading holding it with a kicker
            el = next((el for el in doc.body.iter("h1", "h2") if want in _squash(el.text_content())), None)
        if el is None:   # the title as the page prints it differs (og:title's wording): the page's <h1>
            el = next((el for el in doc.body.iter("h1") if _squash(el.text_content())), None)
        if el is None:
            return None
        at = _last_piece_in(nodes, el)
        if at is None:
            return None
    lang = page_locale(page) or text_lang
    order = dates.page_order(shown_texts(page), lang) or dates.page_order(pieces, lang)
    near = [(i - at, i) for i in range(at + 1, min(len(pieces), at + 1 + PRINTED_AFTER))] + \
        [(2 * (at - i), i) for i in range(at - 1, max(-1, at - 1 - PRINTED_BEFORE), -1)]
    found_all = []   # ((is an update, not a date line, distance), date, piece, its label's kind)
    for distance, i in near:
        text = " ".join(pieces[i].split())
        if len(text) > PRINTED_MAX:
            # running text; its date only in a dateline opening it ("SALEM, Ore., April 12, 2016 – …")
            if i > at and (found := dates.dateline(text, lang, order)) is not None:
                found_all.append(((False, True, distance), found, i, None))
            continue
        if (full := dates.with_full_year(text)) is not None:   # "Do 25.04.24 | 14:07 Uhr", "Posted 2/26/15"
            text = full
        if not dates.has_day(text) or (meta._nav_arrow(text) and _in_link(nodes[i])):
            continue   # (a link to another post, "« Older post (date)", gives another post's date)
        try:
            found = dates.parse(text, lang=lang, order=order)
        except dates.DateError:
            continue
        if found is None:
            continue
        before = pieces[i - 1] if i else ""   # a label of its own just before ("Updated:" <b>…</b>)
        kind = dates.date_label(((before if not dates.has_day(before) else "") + " " + text)[-PRINTED_MAX:])
        if kind == "member" or (kind == "edition" and not editions):
            continue   # a poster's "Joined: …" beside a forum post
        # a line a publication label opens is a date line however many words follow ("Publié le mercredi 7
        # octobre 2009 à 18 h 40 – Mis à jour le jeudi 8 octobre …"), as a comment's stamp line is one
        line = dates.other_words(text) <= PRINTED_LINE_OTHER or kind == "published"
        found_all.append(((kind in ("updated", "edition"), not line, distance), found, i, kind))   # "Updated: …" last
    # the dates of a list (a sidebar's recent posts, teaser cards, readers' comments: three days or more
    # within a few texts either way; read a few items past the window: a list's last item may be in it
    # alone) are none of them the article's
    seen = {i for _, i in near}
    span = range(max(0, at - PRINTED_BEFORE - PRINTED_LIST_PAST),
                 min(len(pieces), at + 1 + PRINTED_AFTER + PRINTED_LIST_PAST))
    wider = [(i, d.date()) for i in span
             if i not in seen and i != at and (d := _short_date(pieces[i], lang, order)) is not None]
    items = dates.listed([(f[2], f[1].date()) for f in found_all if not dates.counts_comments(pieces[f[2]])]
                         + wider, PRINTED_LIST,
                         [at] + [i for i in span if len(pieces[i]) > PRINTED_MAX])
    found_all = [f for f in found_all if f[2] not in items]
    # (a link whose text names a day among other words, "Police log: April 12", is another page's headline)
    teasers = {i for _, i in near if _in_link(nodes[i]) and dates.date_label(pieces[i]) is None
               and dates.other_words(pieces[i]) > 0}
    yearless = _yearless_near(pieces, near, lang, items | teasers, want, doc)
    if yearless is not None and (not found_all or yearless[0] < min(f[0][2] for f in found_all)):
        # a date line without its year nearer the headline ("Posted on March 3 by admin") than any full
        # date: in the year of the nearest full date (below it, a comment's: not after that)
        anchors = sorted(range(len(pieces)), key=lambda j: abs(j - yearless[1]))
        for j in anchors:
            if j != yearless[1] and (full := _short_date(pieces[j], lang, order)) is not None:
                return dates.yearless_date(yearless[2], full.date(), lang, after=j < yearless[1])
    if not found_all:
        return None
    best = min(found_all, key=lambda f: f[0])
    if best[3] != "published":
        # of two dates printed together on one side of the headline, the earlier is the publication date
        # unless a label says otherwise ("12.03.2024 | 13.03.2024, 10:00": the second is an update)
        side = best[2] > at
        pair = [f for f in found_all if f[3] != "updated" and not f[0][1] and (f[2] > at) == side
                and abs(f[2] - best[2]) <= PRINTED_PAIR and _naive(f[1]) < _naive(best[1])]
        if pair:
            return min(pair, key=lambda f: _naive(f[1]))[1]
    return best[1]


YEARLESS_PROBE = dates.date(2000, 6, 15)   # any day: is there a date without its year at all


def _last_piece_in(nodes: list, el) -> int | None:
    """The index of the last of the text nodes (doc.body.xpath(".//text()"), blank ones left out) that
    stands inside element `el`, or None."""
    found = None
    for n, node in enumerate(nodes):
        owner = node.getparent()
        if node.is_tail:   # the text after a child element: inside the child's parent
            owner = owner.getparent() if owner is not el else None
        while owner is not None and owner is not el:
            owner = owner.getparent()
        if owner is not None:
            found = n
        elif found is not None:
            break
    return found


INLINE_TAGS = frozenset(("a", "b", "strong", "i", "em", "span", "font", "small", "big", "u", "abbr", "time",
                         "sup", "sub", "mark", "cite", "q"))
YEARLESS_BLOCK_EXTRA = 40   # characters of its block besides a date line (a label, a name): more is a sentence


def _alone_in_block(doc, pieces: list[str], i: int) -> bool:
    """The i-th text piece is its block's text, or most of it: a date line of its own, not a date set in
    bold inside a sentence ("… ce mercredi <b>1er mai</b> …")."""
    nodes = [t for t in doc.body.xpath(".//text()") if t.strip()]
    same = [n for n, t in enumerate(nodes) if t == pieces[i]]   # (the two walks may differ in count)
    if not same:
        return False
    node = nodes[min(same, key=lambda n: abs(n - i))]
    block = node.getparent()
    if block is not None and node.is_tail:
        block = block.getparent()
    while block is not None and block.tag in INLINE_TAGS and block.getparent() is not None:
        block = block.getparent()
    if block is None:
        return False
    return len(" ".join(block.text_content().split())) <= len(" ".join(node.split())) + YEARLESS_BLOCK_EXTRA


def _yearless_near(pieces: list[str], near: list[tuple[int, int]], lang: str | None, skip=(), headline: str = "",
                   doc=None):
    """(distance, index, text) of the nearest date line by the headline printed without its year ("Posted
    on March 3 by admin", "3. März, 10:15 Uhr"; a block's text, not a span of the headline: "Der 9. Juli
    naht", nor of a sentence), or None."""
    for distance, i in sorted(near):
        text = " ".join(pieces[i].split())
        if i in skip or len(text) > PRINTED_MAX or not _DIGIT_RE.search(text) or _squash(text) in headline:
            continue
        label = dates.date_label(text)
        if label in ("member", "updated") or (dates.other_words(text) > PRINTED_LINE_OTHER and label != "published"):
            continue
        if dates.yearless_date(text, YEARLESS_PROBE, lang, after=True) is not None and \
                (doc is None or _alone_in_block(doc, pieces, i)):
            return distance, i, text
    return None


_DIGIT_RE = re.compile(r"\d")
PRINTED_PAIR = 2   # text pieces apart: two dates printed together (a date and its update)
PRINTED_LIST = 4          # texts between the dates of a dated list (dates.listed)
PRINTED_LIST_PAST = 3 * PRINTED_LIST   # texts read past the window for the rest of a list partly in it


def _short_date(text: str, lang: str | None, order: str | None):
    """The date of a short text (a date line, a list item), or None."""
    text = " ".join(text.split())
    if len(text) > PRINTED_MAX or not dates.has_day(text):
        return None
    try:
        return dates.parse(text, lang=lang, order=order)
    except dates.DateError:
        return None
PRINTED_HEADLINE_KEY = 20                # letters of a headline looked for inside a longer heading


def _naive(d):
    return d.replace(tzinfo=None)


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
