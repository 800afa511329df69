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

from lxml.etree import XPath

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


# A cookie notice: the word is the same in most languages ("Cookies", "pliki cookie", "файлы cookie").
_CONSENT = XPath(".//text()[contains(., 'ookie') or contains(., 'OOKIE')]")


def _consent_blocks(root) -> set:
    """The blocks whose running text names cookies: a cookie or consent notice, which a page without
    scripts and styles shows as paragraphs of prose (often more than the article's)."""
    found = set()
    for text in _CONSENT(root):
        el = text.getparent()
        if text.is_tail:
            el = el.getparent()
        block = None
        while el is not None:
            if el.tag in SKIP:      # a script reading document.cookie is no page text
                break
            if block is None and el.tag in BLOCK:
                block = el
            el = el.getparent()
        else:
            if block is not None:
                found.add(block)
    return found


def best_container(root) -> Container | None:
    """The element of `root` (a page's <body>) whose blocks are worth most, or None when nothing on the page
    is prose."""
    if root is None:
        return None
    best: list = [0.0, None]
    consent = _consent_blocks(root)

    def walk(el) -> tuple[int, int, float]:
        """(running text, its link text: both carried up to the enclosing block; value of the blocks)"""
        run = _length(el.text)
        link = 0
        value = 0.0
        for child in el:
            tag = child.tag
            if isinstance(tag, str) and tag not in SKIP:
                r, k, v = walk(child)
                value += v
                if tag not in BLOCK:
                    run += r
                    link += k
            if child.tail:
                run += _length(child.tail)
        if el.tag == "a":
            link = run
        if el.tag in BLOCK:
            if run:
                prose = run - link
                value += prose - LINK_COST * link if prose >= MIN_PROSE and link <= MAX_LINK_SHARE * run \
                    and el not in consent else -JUNK_COST * run
            if value > best[0]:
                best[0], best[1] = value, el
            return 0, 0, value
        return run, link, value

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
