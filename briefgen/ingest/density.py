"""The page's main container, found by the shape of its text alone (no class name, id or HTML5 tag read).

Every block of the page (a <p>, a <td>, a <div>, a <li>, ...) holds running text: its own text, its inline
children's (<a>, <b>, <font>, <span>) and the tails after its children. Running text of 25 characters or
more that is at most 30 % link text is prose and is worth its characters that are not link text, less
twice its link characters; any other running text (a menu item, a link list, a label, a date) costs its
characters, and so does a block whose text names cookies (a cookie or consent notice: a page shown without
scripts and styles gives it as paragraphs of prose, often more of them than the article has; the word is
the same in most languages). The container is the element whose blocks are worth most in sum: the smallest
part of the page that holds the article's paragraphs, taking in the short lines between them (a subhead, a
caption) and leaving out the navigation, link lists and labels around them. Readability's method scores
the same kind of signal (running text against link text) but ranks the parent of the paragraphs; summing the
whole subtree also finds an article whose paragraphs are each wrapped in a <div> of their own.

It works the same on a page of 2005 and one of 2025: briefgen uses it to check where trafilatura's text
begins and ends (briefgen/ingest/html.py, step "container").
"""
from __future__ import annotations

from dataclasses import dataclass

# Elements whose text is no page text.
SKIP = frozenset(("script", "style", "noscript", "template", "svg", "iframe", "select", "option", "button",
                  "textarea", "head", "title", "meta", "link", "object", "embed", "canvas", "math"))
# Elements that break running text into blocks (a <br> does not: lines of one block).
BLOCK = frozenset(("p", "div", "pre", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "ol", "li",
                   "dl", "dt", "dd", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "form", "fieldset",
                   "center", "article", "section", "main", "header", "footer", "nav", "aside", "figure",
                   "figcaption", "address", "body", "html", "details", "summary", "caption", "menu",
                   "hgroup", "legend", "picture", "video", "audio"))
MIN_PROSE = 25          # characters of running text (not link text) that can make a paragraph
MAX_LINK_SHARE = 0.3    # prose is at most this share link text
LINK_COST = 2           # a link character in prose costs this many prose characters
JUNK_COST = 1           # a character of text that is no prose costs this much


@dataclass
class Container:
    element: object     # the element (the <body> when the article is not set apart)
    value: float        # what its blocks are worth (characters)


def _length(s: str | None) -> int:
    return len(s.strip()) if s else 0


def best_container(root, consent: bool = False, junk=frozenset()) -> Container | None:
    """The element of `root` (a page's <body>) whose blocks are worth most, or None when nothing on the page
    is prose. `consent`: also read the consent phrases of data/consent.toml in every text (notices that do
    not say "cookie": "vi bruker informasjonskapsler"), for a page known to hold one. `junk`: elements whose
    text costs its characters whatever its shape (teasers: a headline link and a summary sentence)."""
    if root is None:
        return None
    best: list = [0.0, None]
    if consent:
        from briefgen.ingest.html import is_consent
    else:
        def is_consent(text: str) -> bool:
            return False

    def walk(el) -> tuple[int, int, float, bool]:
        """(running text, its link text, whether it names cookies: carried up to the enclosing block; value
        of the blocks)"""
        if el in junk:
            return 0, 0, -JUNK_COST * sum(map(_length, el.itertext())), False
        text = el.text
        run = _length(text)
        cookie = run > 0 and ("ookie" in text or "OOKIE" in text or is_consent(text))
        link = 0
        value = 0.0
        for child in el:
            tag = child.tag
            if isinstance(tag, str) and tag not in SKIP:
                r, k, v, c = walk(child)
                value += v
                if tag not in BLOCK:
                    run += r
                    link += k
                    cookie = cookie or c
            tail = child.tail
            if tail:
                run += _length(tail)
                cookie = cookie or "ookie" in tail or "OOKIE" in tail or is_consent(tail)
        if el.tag == "a":
            link = run
        if el.tag in BLOCK:
            if run:
                prose = run - link
                value += prose - LINK_COST * link if prose >= MIN_PROSE and link <= MAX_LINK_SHARE * run \
                    and not cookie else -JUNK_COST * run
            if value > best[0]:
                best[0], best[1] = value, el
            return 0, 0, value, False
        return run, link, value, cookie

    import sys

    depth = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(max(depth, 5000))
        walk(root)
    except RecursionError:
        return None
    finally:
        sys.setrecursionlimit(depth)
    return Container(best[1], best[0]) if best[1] is not None else None
