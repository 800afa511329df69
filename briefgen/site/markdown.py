"""Brief bodies: Markdown -> HTML, then sanitised, because the text was copied from the web.

Python-Markdown passes raw HTML through and `attr_list` can add any attribute, so its output is
cleaned by nh3 (an allow-list: no script, no event handlers, no javascript: URLs) before it is
marked safe for the templates.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from urllib.parse import urlsplit

import markdown as md
import nh3

log = logging.getLogger(__name__)

EXTENSIONS = ["extra", "sane_lists"]
# The tags a news body needs; headings start at h2 because the page's h1 is the title.
ALLOWED_TAGS = {"p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "em",
                "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark", "q", "cite", "abbr", "code",
                "pre", "a", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "dl", "dt",
                "dd", "figure", "figcaption", "del", "ins", "span", "div", "time"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "th": {"scope", "colspan",
                      "rowspan"}, "td": {"colspan", "rowspan"}, "time": {"datetime"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
_H1 = re.compile(r"<(/?)h1([ >])")


def _converter() -> md.Markdown:
    return md.Markdown(extensions=EXTENSIONS, output_format="html")


_MD = None


def render(text: str) -> str:
    """Markdown body -> sanitised HTML (one converter per process, reset between documents)."""
    global _MD
    if _MD is None:
        _MD = _converter()
    html = _MD.reset().convert(text)
    # A stray `# heading` in a body would compete with the page title for h1.
    html = _H1.sub(r"<\1h2\2", html)
    return clean(html)


def drop_date_line(body: str, when, lang: str) -> str:
    """The body without its opening date line ("vendredi 16 janvier 2026", as ingest writes it):
    the page shows the date once, in its header, in the site's format. Only a first paragraph that
    is exactly the brief's date written out by babel in the brief's language (or in English) goes."""
    from babel.dates import format_date

    stripped = body.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    line = first.strip().casefold()
    if not line or (rest and rest.strip() and not rest.startswith("\n") and sep):
        return body   # not a paragraph of its own
    day = when.date() if hasattr(when, "date") else when
    written = set()
    for locale in dict.fromkeys((lang or "en", "en")):
        try:
            written.add(format_date(day, "full", locale=locale.replace("-", "_")).casefold())
        except Exception:  # noqa: BLE001, S112 - an unknown language tag: only English is tried
            continue
    return rest.lstrip("\n") if line in written else body


def clean(html: str) -> str:
    """Allow-list sanitising: nothing that runs survives, links get rel=noopener."""
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=URL_SCHEMES, link_rel="noopener noreferrer nofollow", strip_comments=True)


def safe_url(value: str | None) -> str | None:
    """A URL from a brief (source.url) only if it is http(s): `javascript:` and friends are dropped."""
    if not value:
        return None
    text = str(value).strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    return text if scheme in ("http", "https") and not any(c in text for c in "\"'<> \n\r\t") else None


_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+", re.UNICODE)


# Combining marks (accents) left by NFD: the blocks the search script strips too.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower case without accents (é -> e, ß -> ss), as the search script folds queries."""
    return _MARKS.sub("", unicodedata.normalize("NFD", text.casefold()))


def words(html_or_text: str, limit: int) -> list[str]:
    """Distinct folded words of at least three letters, in order of first appearance."""
    seen: dict[str, None] = {}
    for w in _WORD.findall(fold(_TAG.sub(" ", html_or_text))):
        if len(w) >= 3 and not w.isdigit() and w not in seen:
            seen[w] = None
            if len(seen) >= limit:
                break
    return list(seen)
