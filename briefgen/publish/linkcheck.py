"""Find internal links in a built site that point at nothing.

`find_broken_links(site_dir, base_url)` reads every HTML page (a/link/script/img/source/iframe/
video/audio/form, srcset), every XML file (Atom/RSS feeds and sitemaps: `href` attributes, `<loc>`,
`<link>`, `<icon>`, `<logo>`) and every CSS file (`url(...)`, `@import`), resolves each reference
against the URL the file is served at (base_url + its path), and reports those that fall inside the
site (same scheme-less host and under the base path) but match no file. Links outside the site are not
fetched: the checker never touches the network.

Why the base path matters: a site published under https://example.org/briefs/ that links to
`/style.css` works in a preview served at / and breaks in production, so a root-relative link that
leaves the base path is reported too.
"""
from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
from lxml import etree

log = logging.getLogger(__name__)

# Attributes that load or link a URL, per element (HTML living standard).
_URL_ATTRS = {
    "a": ("href",), "area": ("href",), "link": ("href",), "script": ("src",), "img": ("src",),
    "iframe": ("src",), "source": ("src",), "track": ("src",), "video": ("src", "poster"),
    "audio": ("src",), "embed": ("src",), "object": ("data",), "form": ("action",), "input": ("src",),
}
_SRCSET_TAGS = {"img", "source"}
# Schemes that never name a file of the site.
_SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:", "about:", "sms:", "geo:")
# Feed and sitemap elements whose text is a URL (RSS <link>, sitemap <loc>, Atom <icon>/<logo>).
_XML_URL_TEXT = {"loc", "link", "icon", "logo", "url"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.IGNORECASE)
_HTML_TAGS = (*_URL_ATTRS, "base", "meta")


def _html_urls(text: str) -> tuple[list[str], str | None]:
    """URLs of every linking attribute of a page, and its <base href> (lxml: C speed on big sites)."""
    if not text.strip():
        return [], None
    try:
        root = lxml.html.document_fromstring(text)
    except ValueError:  # XHTML with an encoding declaration: lxml wants its bytes
        root = lxml.html.document_fromstring(text.encode("utf-8"))
    except etree.ParserError:  # nothing but comments or whitespace
        return [], None
    urls: list[str] = []
    base = None
    for el in root.iter(_HTML_TAGS):
        tag = el.tag
        if tag == "base":
            base = base or (el.get("href") or "").strip() or None
            continue
        if tag == "meta":
            if (el.get("http-equiv") or "").lower() == "refresh":
                found = _REFRESH_URL.search(el.get("content") or "")
                urls.extend([found.group(1).strip()] if found else [])
            continue
        urls.extend(v.strip() for name in _URL_ATTRS[tag] if (v := el.get(name)) and v.strip())
        if tag in _SRCSET_TAGS and el.get("srcset"):
            # "a.jpg 1x, b.jpg 2x": the URL is the first word of each comma-separated candidate.
            urls.extend(c.split()[0] for c in el.get("srcset").split(",") if c.split())
    return urls, base


def _xml_urls(data: bytes) -> list[str]:
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        log.warning("not well-formed XML, links not checked: %s", exc)
        return []
    urls = []
    for el in root.iter(etree.Element):
        local = etree.QName(el).localname
        if el.get("href"):
            urls.append(el.get("href").strip())
        elif local in _XML_URL_TEXT and el.text and el.text.strip() and not len(el):
            urls.append(el.text.strip())
    return urls


def _css_urls(text: str) -> list[str]:
    return [m.group(2) or m.group(4) for m in _CSS_URL.finditer(text)]


def links_in(name: str, data: bytes) -> tuple[list[str], str | None]:
    """The URLs a file references, as written, and its own <base href> (HTML only).

    `name` decides the kind by its suffix (.html/.htm, .xml/.atom/.rss, .css); other files have none.
    Public so a crawler over HTTP (tests, a deploy check) reads links exactly as this checker does."""
    suffix = Path(name.split("?", 1)[0]).suffix.lower()
    if suffix in (".html", ".htm"):
        return _html_urls(data.decode("utf-8", errors="replace"))
    if suffix in (".xml", ".atom", ".rss"):
        return _xml_urls(data), None
    if suffix == ".css":
        return _css_urls(data.decode("utf-8", errors="replace")), None
    return [], None


class _Site:
    """Maps URLs to files of one built site served at base_url."""

    def __init__(self, site_dir: Path, base_url: str) -> None:
        self.root = site_dir
        base = urlsplit(base_url if base_url.endswith("/") else base_url + "/")
        self.base_url = base.geturl()
        self.host = base.netloc.lower()
        self.base_path = base.path
        self.files = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}

    def url_of(self, rel: str) -> str:
        """The public URL a file is served at (index.html as its folder)."""
        if rel == "index.html" or rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        return urljoin(self.base_url, rel)

    def target(self, url: str) -> str | None:
        """Site-relative path a URL points to, or None when it points outside the site."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() != self.host:
            return None
        return parts.path

    def exists(self, path: str) -> bool:
        """Whether a URL path under the base path is served by a file (folders by index.html)."""
        if not path.startswith(self.base_path):
            return False
        rel = posixpath.normpath("/" + unquote(path[len(self.base_path):])).lstrip("/")
        if rel.startswith(".."):
            return False
        index = f"{rel}/index.html" if rel not in ("", ".") else "index.html"
        if path.endswith("/") or rel in ("", "."):
            return index in self.files
        # A server answers /folder with a redirect to /folder/, so a folder with an index counts.
        return rel in self.files or index in self.files


def is_checked(href: str) -> bool:
    """Whether a reference can name a file of the site (not a fragment, mailto:, data:, a template)."""
    low = href.lower()
    return bool(href) and not href.startswith("#") and not low.startswith(_SKIP_SCHEMES) \
        and "{" not in href  # URL templates (e.g. a search form's {query}) are not links


def find_broken_links(site_dir: str | Path, base_url: str) -> list[tuple[str, str]]:
    """(page, href) for every internal link of the site in `site_dir` that matches no file.

    `page` is the referring file's path relative to `site_dir` (POSIX separators), `href` the link
    as written. Sorted by page, then href; an empty list means every internal link resolves.
    """
    site = _Site(Path(site_dir), base_url)
    broken: set[tuple[str, str]] = set()
    known: dict[str | tuple[str, str], bool] = {}
    for rel in sorted(site.files):
        path = site.root / rel
        urls, base = links_in(path.name, path.read_bytes())
        page_url = urljoin(site.url_of(rel), base) if base else site.url_of(rel)
        for href in urls:
            if not is_checked(href):
                continue
            # Root-relative and absolute links mean the same on every page: resolve each once.
            key = href if href.startswith("/") or "://" in href else (page_url, href)
            if key not in known:
                target = site.target(urljoin(page_url, href))
                known[key] = target is None or site.exists(target)
            if not known[key]:
                broken.add((rel, href))
    return sorted(broken)
